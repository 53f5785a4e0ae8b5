//! Reading a roster file into rows of text (读取名单文件).
//!
//! A CSV file is decoded by looking at its bytes: a UTF-16 byte-order mark
//! (Excel's "Unicode text"), else UTF-8 with or without a BOM, else
//! GB18030, the superset of GBK that Chinese Excel and WPS write by
//! default; GB18030 is accepted only if every byte sequence decodes (no
//! replacement characters). A file with a character GBK cannot write (a
//! rare name character such as 䶮 or 𠀀, see `outside_gbk`) is labelled
//! GB18030, any other GBK. Fields are separated by commas, or by tabs when
//! the first line has more tabs than commas; quoting follows RFC 4180.
//!
//! A workbook (.xlsx, .xlsm, .xls, .ods) is read with calamine: its first
//! sheet that holds anything.
//!
//! Either kind is read into memory through
//! [`read_limited`](crate::campaign_toml::read_limited): a file over
//! 16 MiB is refused before reading, and no device, pipe or growing file
//! is read past the limit. Every row keeps its spreadsheet row number
//! (1-based), so errors point where Excel or WPS shows them.

use std::io::Cursor;
use std::path::Path;

use calamine::{Ods, Reader, Sheets, Xls, Xlsx, open_workbook_auto_from_rs, open_workbook_from_rs};

use super::{ImportError, RowError, RowErrorKind};
use crate::campaign_toml::{LimitedRead, read_limited};

/// A roster as rows of cell text, before any checking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Non-empty rows, each with its 1-based row number in the file.
    pub rows: Vec<(usize, Vec<String>)>,
    /// What the text was read as: `UTF-8`, `UTF-8 BOM`, `UTF-16`, `GBK`,
    /// `GB18030` or `xlsx` (recorded in the event).
    pub encoding: String,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
}

/// The kinds of file the importer reads, by extension.
enum Kind {
    Csv,
    Workbook,
}

fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => Some(Kind::Csv),
        "xlsx" | "xlsm" | "xls" | "ods" => Some(Kind::Workbook),
        _ => None,
    }
}

/// The file name shown in messages and recorded as the event's source.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Read `path` into a table.
pub fn read(path: &Path) -> Result<Table, ImportError> {
    let file = file_name(path);
    let Some(kind) = kind(path) else {
        return Err(ImportError::Unsupported { file });
    };
    let bytes = read_limited(path).map_err(|e| match e {
        LimitedRead::Io(e) => ImportError::Io {
            file: file.clone(),
            detail: e.to_string(),
        },
        LimitedRead::TooLarge => ImportError::TooLarge { file: file.clone() },
    })?;
    match kind {
        Kind::Csv => {
            if bytes.starts_with(b"PK\x03\x04") {
                // An Excel workbook saved under a .csv name.
                return Err(ImportError::WorkbookNamedCsv { file });
            }
            let (text, encoding) = match decode(&bytes) {
                Some(decoded) => decoded,
                None => return Err(ImportError::NotText { file }),
            };
            let rows = parse_csv(&text).map_err(|row| ImportError::Rows {
                file,
                errors: vec![RowError {
                    row,
                    kind: RowErrorKind::UnclosedQuote,
                }],
                units: Vec::new(),
            })?;
            Ok(Table {
                rows,
                encoding: encoding.to_string(),
                sheet: None,
            })
        }
        Kind::Workbook => read_workbook(path, bytes, file),
    }
}

/// Decode CSV bytes; `None` when they are neither UTF-8/16 nor GB18030.
pub fn decode(bytes: &[u8]) -> Option<(String, &'static str)> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = &bytes[bom..];
        let text = enc.decode_without_bom_handling_and_without_replacement(rest)?;
        let label = if enc == encoding_rs::UTF_8 {
            "UTF-8 BOM"
        } else {
            "UTF-16"
        };
        return Some((text.into_owned(), label));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_string(), "UTF-8"));
    }
    let text = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    let label = if text.chars().any(outside_gbk) {
        "GB18030"
    } else {
        "GBK"
    };
    Some((text, label))
}

/// A character GBK (Windows code page 936, what "GBK" means on the
/// office's computers) cannot write: one GB18030 writes in four bytes
/// (𠀀), or in two bytes where code page 936 has only a private-use
/// character, because GB18030 gave those codes real characters later (䶮
/// at FE9F, the ideographic description characters at A98A-A995, the
/// vertical punctuation at A6D9-A6F3, ḿ and ǹ at A8BC and A8BF).
/// encoding_rs's own GBK encoder follows the WHATWG table, which writes
/// those in two bytes too, so it cannot tell. A private-use character
/// itself is GBK's.
fn outside_gbk(c: char) -> bool {
    if c.is_ascii() || ('\u{E000}'..='\u{F8FF}').contains(&c) {
        return false;
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(c.encode_utf8(&mut buf));
    match *bytes {
        [_, _, _, _] => true,
        [lead, trail] => match lead {
            0xA6 => matches!(trail, 0xD9..=0xDF | 0xEC..=0xED | 0xF3),
            0xA8 => matches!(trail, 0xBC | 0xBF),
            0xA9 => matches!(trail, 0x89..=0x95),
            0xFE => matches!(trail, 0x50..=0xA0),
            _ => false,
        },
        _ => unmappable,
    }
}

/// Split CSV text into non-empty records, each with its 1-based record
/// number. `Err(row)` when a quote opened on record `row` never closes.
///
/// Hand-written rather than a csv crate because the row numbers must be
/// the spreadsheet's own (a quoted cell may span lines), the separator is
/// guessed from the header (WPS "text" exports use tabs), and the bytes
/// were already decoded from GBK/UTF-16 above: a few dozen lines do it.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, usize> {
    let first_line = text.lines().next().unwrap_or("");
    let sep = if first_line.matches('\t').count() > first_line.matches(',').count() {
        '\t'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut row = 1usize;
    let mut quoted = false;
    // After a closing quote: only a separator or line end may follow,
    // anything else is kept as text (as Excel does).
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    /// Keep a finished record unless all its cells are blank.
    fn finish(record: &mut Vec<String>, row: usize, rows: &mut Vec<(usize, Vec<String>)>) {
        let r = std::mem::take(record);
        if r.iter().any(|c| !c.trim().is_empty()) {
            rows.push((row, r));
        }
    }
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == sep => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut field));
                finish(&mut record, row, &mut rows);
                row += 1;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(row);
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        finish(&mut record, row, &mut rows);
    }
    Ok(rows)
}

/// Open the workbook read into `bytes`, by the extension of `path` as
/// calamine's `open_workbook_auto` does.
fn open_workbook(path: &Path, bytes: Vec<u8>) -> Result<Sheets<Cursor<Vec<u8>>>, calamine::Error> {
    let data = Cursor::new(bytes);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("xls") => {
            Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(data).map_err(calamine::Error::Xls)?)
        }
        Some("xlsx" | "xlsm") => {
            Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(data).map_err(calamine::Error::Xlsx)?)
        }
        Some("ods") => {
            Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(data).map_err(calamine::Error::Ods)?)
        }
        _ => open_workbook_auto_from_rs(data)?,
    })
}

fn read_workbook(path: &Path, bytes: Vec<u8>, file: String) -> Result<Table, ImportError> {
    let failed = |detail: String| ImportError::Workbook {
        file: file.clone(),
        detail,
    };
    let mut book = open_workbook(path, bytes).map_err(|e| match e {
        calamine::Error::Io(io) => ImportError::Io {
            file: file.clone(),
            detail: io.to_string(),
        },
        other => failed(other.to_string()),
    })?;
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| failed(e.to_string()))?;
        let Some((top, _)) = range.start() else {
            continue; // an empty sheet
        };
        let rows: Vec<(usize, Vec<String>)> = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let text = cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
                (top as usize + i + 1, text)
            })
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        if rows.is_empty() {
            continue;
        }
        return Ok(Table {
            rows,
            encoding: "xlsx".to_string(),
            sheet: Some(name),
        });
    }
    Ok(Table {
        rows: Vec::new(),
        encoding: "xlsx".to_string(),
        sheet: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[(usize, Vec<String>)]) -> Vec<(usize, Vec<&str>)> {
        rows.iter()
            .map(|(n, r)| (*n, r.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn csv_quotes_line_ends_and_blank_rows() {
        let text = "单位,姓名\r\n\"南塘村\",\"石\"\"晓\"\n\n,\n回龙村,\"两\n行\"\n东马社区,末";
        let rows = parse_csv(text).unwrap();
        assert_eq!(
            cells(&rows),
            vec![
                (1, vec!["单位", "姓名"]),
                (2, vec!["南塘村", "石\"晓"]),
                (5, vec!["回龙村", "两\n行"]),
                (6, vec!["东马社区", "末"]),
            ]
        );
    }

    #[test]
    fn tabs_separate_when_the_header_has_tabs() {
        let rows = parse_csv("单位\t姓名\n南塘村\t石晓岚, 甲\n").unwrap();
        assert_eq!(
            cells(&rows),
            vec![(1, vec!["单位", "姓名"]), (2, vec!["南塘村", "石晓岚, 甲"])]
        );
    }

    #[test]
    fn an_unclosed_quote_names_its_row() {
        assert_eq!(parse_csv("a,b\nc,\"d\ne,f\n"), Err(2));
    }

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(decode("单位".as_bytes()).unwrap().1, "UTF-8");
        let bom = [b"\xEF\xBB\xBF".as_slice(), "单位".as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), ("单位".to_string(), "UTF-8 BOM"));
        let (gbk, _, _) = encoding_rs::GBK.encode("单位,姓名");
        assert_eq!(decode(&gbk).unwrap(), ("单位,姓名".to_string(), "GBK"));
        let (gb, _, _) = encoding_rs::GB18030.encode("𠀀明");
        assert_eq!(decode(&gb).unwrap(), ("𠀀明".to_string(), "GB18030"));
        // 䶮 takes two bytes in GB18030, at a code GBK leaves private.
        let (gb, _, _) = encoding_rs::GB18030.encode("刘䶮");
        assert_eq!(gb.len(), 4);
        assert_eq!(decode(&gb).unwrap(), ("刘䶮".to_string(), "GB18030"));
        // Beside it in the same row, characters GBK has: still GBK.
        let (gbk, _, _) = encoding_rs::GB18030.encode("兀︵﹢〇ɑ€");
        assert_eq!(decode(&gbk).unwrap().1, "GBK");
        assert_eq!(
            decode(b"\xFF\xFE\x55\x53"),
            Some(("单".to_string(), "UTF-16"))
        );
        assert_eq!(decode(b"\x81\xFF"), None);
    }
}
