#!/usr/bin/env python3
"""Normalise one output of the cross-platform CLI set for comparison.

    normalise.py KIND FILE WORKDIR > normalised.txt

KIND is `text` (a command's stdout or stderr, or a CSV), `json` or `xlsx`.
Two runs of the same commands on different platforms (the Linux build,
the Windows build under wine, the static musl build) must give the same
normalised text; what legitimately differs between runs is masked:

- chain heads and fingerprints (every event stores the time it was
  recorded, so each run's hash chain differs): 64 and 12 hex digits;
- the times themselves: ISO time stamps, today's (and yesterday's) date
  in the forms the exports write, clock times, Excel date serials of
  today;
- the work folder's absolute path (Windows sees it as `Z:\\...`), and `\\`
  as the path separator;
- CRLF line ends (the CSV and the TOML template are compared by content).

Everything else (sheet names, cell values and types, JSON structure and
values, the sentences a command prints) must be equal.
"""

import datetime
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HEAD = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")
FINGERPRINT = re.compile(r"(?<![0-9a-f])[0-9a-f]{12}(?![0-9a-f])")
ISO_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
)
# Not `file.toml:40:19:`, an error's line and column.
CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(:\d{2})?(?![\d:])")


def day_patterns():
    """Today's and yesterday's date as the exports and file names write it
    (a run may cross midnight)."""
    pats = []
    for back in (0, 1):
        d = datetime.date.today() - datetime.timedelta(days=back)
        pats += [
            d.strftime("%Y-%m-%d"),
            d.strftime("%Y%m%d"),
            f"{d.year}年{d.month}月{d.day}日",
            f"{d.year}年{d.month:02}月{d.day:02}日",
        ]
    return pats


DAYS = day_patterns()


def text(s, work):
    s = s.replace("\r\n", "\n").replace("\\", "/")
    for w in (work, work.replace("\\", "/")):
        s = s.replace("Z:" + w, "<WORK>").replace(w, "<WORK>")
    s = HEAD.sub("<HEAD>", s)
    s = FINGERPRINT.sub("<FP>", s)
    s = ISO_TIME.sub("<TIME>", s)
    for day in DAYS:
        s = s.replace(day, "<DAY>")
    return CLOCK.sub("<CLOCK>", s)


def walk_json(value, work):
    if isinstance(value, dict):
        return {k: walk_json(v, work) for k, v in value.items()}
    if isinstance(value, list):
        return [walk_json(v, work) for v in value]
    if isinstance(value, str):
        return text(value, work)
    return value


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def all_text(el):
    return "".join(t.text or "" for t in el.iter(f"{{{NS['m']}}}t"))


def is_today_serial(v):
    """An Excel date-time serial of today or yesterday (a time stamp)."""
    try:
        x = float(v)
    except ValueError:
        return False
    today = (datetime.date.today() - datetime.date(1899, 12, 30)).days
    return today - 1 <= x < today + 1


def xlsx(path, work):
    """Every sheet in workbook order: its name, then each cell as
    `A1<TAB>type<TAB>value` (type: s text, n number, b boolean, e error,
    f a formula, which a text cell must never be)."""
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        strings = [all_text(si) for si in sst.findall("m:si", NS)]
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    book = ET.fromstring(z.read("xl/workbook.xml"))
    out = []
    for sheet in book.find("m:sheets", NS):
        name = sheet.get("name")
        file = target[sheet.get(REL)].lstrip("/")
        file = file if file.startswith("xl/") else "xl/" + file
        out.append(f"## {text(name, work)}")
        xml = ET.fromstring(z.read(file))
        for c in xml.iter(f"{{{NS['m']}}}c"):
            kind = c.get("t", "n")
            v = c.find("m:v", NS)
            value = v.text if v is not None else ""
            if c.find("m:f", NS) is not None:
                kind = "f"
            elif kind == "s":
                value = strings[int(value)]
            elif kind == "inlineStr":
                kind, value = "s", all_text(c)
            elif kind == "str":
                kind = "s"
            if kind == "n" and is_today_serial(value):
                value = "<SERIAL>"
            if value == "" and kind == "n":
                continue  # a formatted empty cell
            out.append(f"{c.get('r')}\t{kind}\t{text(value, work)}")
    return "\n".join(out) + "\n"


def main():
    kind, path, work = sys.argv[1:4]
    if kind == "xlsx":
        sys.stdout.write(xlsx(path, work))
        return
    raw = open(path, "rb").read().decode("utf-8", errors="replace")
    if kind == "json":
        value = walk_json(json.loads(raw), work)
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(text(raw, work))


if __name__ == "__main__":
    main()
