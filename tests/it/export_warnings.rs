//! The counting warnings and the closing history in every export
//! (issue 9, "结束时的提示"): a round whose counts warned and were
//! acknowledged before closing, a round closed, reopened with a reason,
//! changed and closed again, and a round switched to a tally sheet (its
//! keyed ballots set aside) whose warning is not acknowledged yet. The
//! xlsx (read back with calamine), the csv, the json and the plain summary
//! list the warnings with their acknowledgement and the earlier closes,
//! mark withdrawn and set-aside ballots, and keep the model's totals; the
//! sentences are the screen's, in Chinese and in English.

use std::path::Path;

use calamine::{Data, Range, Reader};
use ceping::domain::*;
use ceping::i18n::Lang;
use ceping::store::{Session, Store, chain};
use serde_json::{Value, json};

use super::export_files::script::*;
use super::export_files::views::*;
use crate::support;
use crate::support::app::lock as lang;
use crate::support::at;

fn head(s: &Session) -> String {
    chain::to_hex(&s.store.head())
}

fn close_at(s: &mut Session, round: &RoundKey, when: &str) -> String {
    let h = head(s);
    rec(
        s,
        Event::RoundClosed {
            round: round.clone(),
            head: h.clone(),
            at: Some(at(when)),
        },
    );
    h
}

const ANNUAL: MeetingKind = MeetingKind::AnnualReview;
const REASON: &str = "第 7 号选票录错，另有一张重复录入。监票人王某某、李某某在场核对纸质选票后确认：第 7 号选票原为全部称职，录入时误按为优秀；第 12 号选票与第 11 号为同一张选票重复录入，予以撤销；收回数相应改为 35 张。Checked against the paper ballots by both scrutineers.";

/// What the file holds, for the assertions.
struct Built {
    /// 南塘村: 实到 31 > 应到 30, 1 blank and 1 invalid of 31 (3.2 %).
    warned: RoundKey,
    /// 回龙村: closed, reopened, 7 corrected, 12 withdrawn, 收回 36 → 35.
    reopened: RoundKey,
    first_head: String,
    second_head: String,
    /// 西塘村: 3 ballots keyed then set aside for a tally sheet (open).
    sheet: RoundKey,
}

fn build(path: &Path) -> Built {
    let mut s = Store::create(path, &ceping::campaign_toml::demo()).unwrap();

    let warned = open(&mut s, "南塘村", ANNUAL, [30, 31, 31, 31]);
    key_ballots(&mut s, &warned, 31);
    let raised = s.model.warnings(&s.model.rounds[&warned]);
    assert_eq!(
        raised,
        [
            CountWarning::PresentOverExpected {
                present: 31,
                expected: 30
            },
            CountWarning::ManyBlank {
                blank: 1,
                returned: 31,
                percent: 3
            },
            CountWarning::ManyInvalid {
                invalid: 1,
                returned: 31,
                percent: 3
            },
        ]
    );
    rec(
        &mut s,
        Event::WarningsAcknowledged {
            round: warned.clone(),
            warnings: raised,
        },
    );
    close_at(&mut s, &warned, "2022-01-10T10:00:00+08:00");

    let reopened = open(&mut s, "回龙村", ANNUAL, [40, 36, 36, 36]);
    key_ballots(&mut s, &reopened, 36);
    assert!(s.model.warnings(&s.model.rounds[&reopened]).is_empty());
    let first_head = close_at(&mut s, &reopened, "2022-01-10T10:30:00+08:00");
    let lines = s.model.rounds[&reopened].lines.len();
    for e in [
        Event::RoundReopened {
            round: reopened.clone(),
            reason: REASON.into(),
            at: Some(at("2022-01-10T10:45:00+08:00")),
        },
        Event::BallotCorrected {
            round: reopened.clone(),
            number: 7,
            content: BallotContent::Marks(vec![Mark::Grade(1); lines]),
        },
        Event::BallotWithdrawn {
            round: reopened.clone(),
            number: 12,
        },
        Event::BallotsReturned {
            round: reopened.clone(),
            count: 35,
        },
    ] {
        rec(&mut s, e);
    }
    // 35 of 36 issued came back: short by 2.8 %, acknowledged.
    let raised = s.model.open_warnings(&s.model.rounds[&reopened]);
    assert_eq!(
        raised,
        [CountWarning::ReturnedShort {
            returned: 35,
            issued: 36,
            percent: 2
        }]
    );
    rec(
        &mut s,
        Event::WarningsAcknowledged {
            round: reopened.clone(),
            warnings: raised,
        },
    );
    let second_head = close_at(&mut s, &reopened, "2022-01-10T11:00:00+08:00");

    let sheet = open(&mut s, "西塘村", ANNUAL, [50, 40, 40, 40]);
    key_ballots(&mut s, &sheet, 3);
    rec(
        &mut s,
        Event::BallotsDiscarded {
            round: sheet.clone(),
            reason: "改用计票单".into(),
        },
    );
    let tally = support::meeting::sheet_40(s.model.rounds[&sheet].lines.len());
    for (pass, keyer) in [(1, "张三"), (2, "李四")] {
        rec(
            &mut s,
            Event::TallySheetEntered {
                round: sheet.clone(),
                pass,
                sheet: tally.clone(),
                keyer: Some(keyer.into()),
            },
        );
    }
    // 2 blank of 40 (5 %): raised, not acknowledged (the round is open).
    assert_eq!(
        s.model.open_warnings(&s.model.rounds[&sheet]),
        [CountWarning::ManyBlank {
            blank: 2,
            returned: 40,
            percent: 3
        }]
    );
    Built {
        warned,
        reopened,
        first_head,
        second_head,
        sheet,
    }
}

/// `ceping export` in `lang`.
fn export_in(dir: &Path, lang: &str, format: &str, out: &str) -> Vec<u8> {
    let o = ceping(
        dir,
        &[
            "--lang", lang, "export", "f.ceping", "--format", format, "-o", out,
        ],
    );
    assert!(
        o.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read(dir.join(out)).unwrap()
}

fn model(path: &Path) -> Model {
    Store::open_read_only(path).unwrap().replay().unwrap()
}

fn json_round<'a>(v: &'a Value, unit: &str, round: u32) -> &'a Value {
    v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == unit)
        .unwrap()["meetings"][0]["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["round"] == round)
        .unwrap()
}

// The sentences as the office reads them, in Chinese.
const WARNED_ZH: &str = "结束时的提示：实到 31 人多于应到 30 人，请核对（已确认）；\
    空白票 1 张，占收回 31 张的 3% 或以上（已确认）；废票 1 张，占收回 31 张的 3% 或以上（已确认）";
const SHORT_ZH: &str = "收回 35 张比发出 36 张少 1 张（少了 2% 或以上），请核对（已确认）";
const SHEET_ZH: &str = "空白票 2 张，占收回 40 张的 3% 或以上（未确认）";

fn history_zh(first: &str) -> String {
    format!(
        "第 1 次结束：2022-01-10 10:30，指纹 {}；重新打开：2022-01-10 10:45，理由：{REASON}；\
         重新打开后的改动：更正第 7 号；剔除第 12 号；收回由 36 改为 35",
        &first[..12]
    )
}

fn history_en(first: &str) -> String {
    format!(
        "Close 1: 2022-01-10 10:30, fingerprint {}; reopened 2022-01-10 10:45, reason: {REASON}; \
         Changed after reopening: ballots 7 corrected; ballots 12 withdrawn; \
         Returned changed from 36 to 35",
        &first[..12]
    )
}

#[test]
fn json_lists_warnings_history_and_keyers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ceping");
    let b = build(&path);
    let m = model(&path);
    let bytes = export_in(dir.path(), "zh", "json", "r.json");
    assert_eq!(from_json(&bytes), from_model(&m), "the totals");
    let v: Value = serde_json::from_slice(&bytes).unwrap();

    // The warned round: every warning with its numbers, acknowledged.
    let r = json_round(&v, "南塘村", 1);
    assert_eq!(r["status"], "closed");
    assert_eq!(
        r["warnings"],
        json!([
            { "kind": "present_over_expected", "present": 31, "expected": 30,
              "text": "实到 31 人多于应到 30 人，请核对", "acknowledged": true },
            { "kind": "many_blank", "blank": 1, "returned": 31, "percent": 3,
              "text": "空白票 1 张，占收回 31 张的 3% 或以上", "acknowledged": true },
            { "kind": "many_invalid", "invalid": 1, "returned": 31, "percent": 3,
              "text": "废票 1 张，占收回 31 张的 3% 或以上", "acknowledged": true },
        ])
    );
    assert_eq!(r["history"], json!([]));
    assert!(r.get("keyers").is_none(), "no tally sheet, no keyers");
    // `kind` is the warning's stable key.
    let warned = &m.rounds[&b.warned];
    for (w, j) in m
        .warnings(warned)
        .iter()
        .zip(r["warnings"].as_array().unwrap())
    {
        assert_eq!(j["kind"], w.key());
    }

    // The reopened round: the earlier close with its reason and changes;
    // the current close stays in `fingerprint`.
    let r = json_round(&v, "回龙村", 1);
    assert_eq!(r["fingerprint"], b.second_head.as_str());
    assert_ne!(b.first_head, b.second_head);
    assert_eq!(
        r["history"],
        json!([{
            "fingerprint": b.first_head,
            "closed_at": "2022-01-10T10:30:00+08:00",
            "reopened_at": "2022-01-10T10:45:00+08:00",
            "reason": REASON,
            "changes": {
                "added": [], "corrected": [7], "withdrawn": [12], "restored": [],
                "counts": [{ "field": "returned", "before": 36, "after": 35 }],
                "sheet": false, "ballots_discarded": false
            }
        }])
    );
    assert_eq!(r["warnings"][0]["kind"], "returned_short");
    assert_eq!(r["warnings"][0]["acknowledged"], true);
    // The withdrawn ballot does not count.
    assert_eq!(
        (r["entered"].as_u64(), r["returned"].as_u64()),
        (Some(35), Some(35))
    );

    // The tally-sheet round: its keyers, its warning not acknowledged, the
    // set-aside ballots not counted.
    let r = json_round(&v, "西塘村", 1);
    assert_eq!(r["keyers"], json!(["张三", "李四"]));
    assert_eq!(
        r["warnings"],
        json!([{ "kind": "many_blank", "blank": 2, "returned": 40, "percent": 3,
                 "text": "空白票 2 张，占收回 40 张的 3% 或以上", "acknowledged": false }])
    );
    assert_eq!(r["entered"], 40);
    assert_eq!(m.tally(&m.rounds[&b.sheet]).entered, 40);

    // In English, the screen's English sentence.
    let v: Value = serde_json::from_slice(&export_in(dir.path(), "en", "json", "en.json")).unwrap();
    let r = json_round(&v, "南塘村", 1);
    assert_eq!(
        r["warnings"][0]["text"],
        "present 31 is more than expected 30; please check"
    );
    assert_eq!(r["warnings"][0]["kind"], "present_over_expected");
}

/// Every cell of `sheet` as text, row by row.
fn rows_of(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .map(|r| r.iter().map(|d| text(Some(d))).collect())
        .collect()
}

fn first_cells(rows: &[Vec<String>]) -> Vec<String> {
    rows.iter()
        .map(|r| r.first().cloned().unwrap_or_default())
        .collect()
}

#[test]
fn xlsx_lists_them_under_the_table_and_marks_withdrawn_ballots() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ceping");
    let b = build(&path);
    let m = model(&path);
    let bytes = export_in(dir.path(), "zh", "xlsx", "r.xlsx");
    assert_eq!(from_xlsx(&bytes, &m), from_model(&m), "the totals");
    let mut book = workbook(&bytes);

    // 南塘村: under the subjects' table, before the status line.
    let nantang = first_cells(&rows_of(&book.worksheet_range("南塘村").unwrap()));
    let warn = nantang
        .iter()
        .position(|c| c == WARNED_ZH)
        .expect(WARNED_ZH);
    let status = nantang
        .iter()
        .position(|c| c.starts_with("状态：已结束"))
        .unwrap();
    let last_subject = nantang
        .iter()
        .rposition(|c| c.parse::<u32>().is_ok())
        .unwrap();
    assert!(last_subject < warn && warn < status, "{nantang:?}");
    assert!(!nantang.iter().any(|c| c.starts_with("第 1 次结束")));

    // 回龙村: the warning after reopening, the current fingerprint, and the
    // earlier close with its reason and changes.
    let huilong = first_cells(&rows_of(&book.worksheet_range("回龙村").unwrap()));
    assert!(
        huilong.contains(&format!("结束时的提示：{SHORT_ZH}")),
        "{huilong:?}"
    );
    let current = huilong
        .iter()
        .position(|c| *c == format!("结束时记录的链头：{}", b.second_head))
        .unwrap();
    assert_eq!(huilong[current + 1], history_zh(&b.first_head));

    // 西塘村: the warning not yet acknowledged.
    let xitang = first_cells(&rows_of(&book.worksheet_range("西塘村").unwrap()));
    assert!(xitang.contains(&format!("结束时的提示：{SHEET_ZH}")));

    // 原始选票: the withdrawn ballot reads 已剔除, the set-aside ones
    // 已作废（改用计票单）, the corrected one its new marks.
    let rows = rows_of(&book.worksheet_range("原始选票").unwrap());
    let header = rows.iter().position(|r| r[0] == "单位").unwrap();
    assert_eq!(rows[header][4], "计为");
    let ballot = |unit: &str, n: u32| {
        rows[header + 1..]
            .iter()
            .find(|r| r[0] == unit && r[3] == n.to_string())
            .unwrap_or_else(|| panic!("{unit} {n}"))
    };
    assert_eq!(ballot("回龙村", 12)[4], "已剔除");
    assert_eq!(ballot("回龙村", 12)[5], "是");
    assert_eq!(ballot("回龙村", 7)[4], "有效");
    assert!(
        ballot("回龙村", 7)[7..]
            .iter()
            .all(|c| c.is_empty() || c == "称职")
    );
    assert_eq!(ballot("回龙村", 5)[4], "空白票");
    for n in 1..=3 {
        assert_eq!(ballot("西塘村", n)[4], "已作废（改用计票单）");
    }
    let counted: Vec<&Vec<String>> = rows[header + 1..]
        .iter()
        .filter(|r| r[0] == "回龙村" && r[4] != "已剔除")
        .collect();
    assert_eq!(
        counted.len() as u64,
        m.tally(&m.rounds[&b.reopened]).entered
    );

    // 街道汇总: the acknowledged warnings of each counting round.
    let rows = rows_of(&book.worksheet_range("街道汇总").unwrap());
    let header = rows.iter().position(|r| r[0] == "序号").unwrap();
    let acked = rows[header].iter().position(|h| h == "已确认提示").unwrap();
    let row = |unit: &str| {
        rows.iter()
            .find(|r| r[1] == unit && r[3] == "述职测评大会")
            .unwrap()
    };
    assert_eq!(row("南塘村")[acked], "3");
    assert_eq!(row("回龙村")[acked], "1");
    assert_eq!(row("西塘村")[acked], "0");

    // In English: the screen's English sentences on the same form.
    let bytes = export_in(dir.path(), "en", "xlsx", "en.xlsx");
    let mut book = workbook(&bytes);
    let huilong = first_cells(&rows_of(&book.worksheet_range("回龙村").unwrap()));
    assert!(
        huilong.contains(&"Warnings at closing: returned 35 is 1 fewer than issued 36 (2% or more short); please check (acknowledged)".to_string()),
        "{huilong:?}"
    );
    assert!(huilong.contains(&history_en(&b.first_head)), "{huilong:?}");
    let xitang = first_cells(&rows_of(&book.worksheet_range("西塘村").unwrap()));
    assert!(xitang.contains(
        &"Warnings at closing: blank ballots: 2, 3% or more of the 40 returned (not acknowledged)"
            .to_string()
    ));
}

#[test]
fn csv_has_the_warnings_and_the_history_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ceping");
    let b = build(&path);
    let m = model(&path);
    for (lang, out) in [("zh", "r.csv"), ("en", "en.csv")] {
        let bytes = export_in(dir.path(), lang, "csv", out);
        assert_eq!(from_csv(&bytes), from_model(&m), "the totals ({lang})");
        let records = parse_csv(csv_text(&bytes));
        let header = &records[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (fp, warn, hist) = (col("指纹"), col("提示"), col("历次结束"));
        assert_eq!((warn, hist), (fp + 1, fp + 2), "after 指纹");
        let rows_of = |unit: &str| -> Vec<&Vec<String>> {
            records[1..].iter().filter(|r| r[0] == unit).collect()
        };
        let (warned, short, sheet, history) = match lang {
            "zh" => (
                WARNED_ZH.trim_start_matches("结束时的提示：").to_string(),
                SHORT_ZH.to_string(),
                SHEET_ZH.to_string(),
                history_zh(&b.first_head),
            ),
            _ => (
                "present 31 is more than expected 30; please check (acknowledged); \
                 blank ballots: 1, 3% or more of the 31 returned (acknowledged); \
                 invalid ballots: 1, 3% or more of the 31 returned (acknowledged)"
                    .to_string(),
                "returned 35 is 1 fewer than issued 36 (2% or more short); please check (acknowledged)"
                    .to_string(),
                "blank ballots: 2, 3% or more of the 40 returned (not acknowledged)".to_string(),
                history_en(&b.first_head),
            ),
        };
        let nantang = rows_of("南塘村");
        assert!(!nantang.is_empty());
        for r in &nantang {
            assert_eq!(r[warn], warned, "{lang}");
            assert_eq!(r[hist], "", "{lang}: never reopened");
        }
        for r in rows_of("回龙村") {
            assert_eq!(r[fp], b.second_head);
            assert_eq!(r[warn], short, "{lang}");
            assert_eq!(r[hist], history, "{lang}");
        }
        for r in rows_of("西塘村") {
            assert_eq!(r[warn], sheet, "{lang}");
        }
        // Still no cell a spreadsheet would run.
        for c in records.iter().flatten() {
            assert!(
                !c.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                "{c:?}"
            );
        }
    }
    assert_eq!(m.rounds[&b.warned].history.len(), 1);
}

#[test]
fn a_reason_that_looks_like_a_formula_stays_text() {
    // The history starts with the screen's words, so a reason such as
    // "=1+1" is inside the cell; the column is still neutralised.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ceping");
    let mut s = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
    let r = open(&mut s, "南塘村", ANNUAL, [30, 20, 20, 20]);
    key_ballots(&mut s, &r, 20);
    close(&mut s, &r);
    rec(
        &mut s,
        Event::RoundReopened {
            round: r.clone(),
            reason: "=1+1".into(),
            at: None,
        },
    );
    close(&mut s, &r);
    drop(s);
    let bytes = export_in(dir.path(), "zh", "csv", "r.csv");
    let records = parse_csv(csv_text(&bytes));
    let hist = records[0].iter().position(|h| h == "历次结束").unwrap();
    let cell = &records[1][hist];
    assert!(cell.starts_with("第 1 次结束：-，指纹 "), "{cell}");
    assert!(cell.contains("理由：=1+1；重新打开后没有改动"), "{cell}");
}

#[test]
fn the_plain_summary_lists_them_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ceping");
    let b = build(&path);
    for (lang, title, line, history) in [
        (
            "zh",
            "结束时的提示：",
            "实到 31 人多于应到 30 人，请核对（已确认）",
            format!(
                "第 1 次结束：2022-01-10 10:30，指纹 {}",
                &b.first_head[..12]
            ),
        ),
        (
            "en",
            "Warnings at closing:",
            "present 31 is more than expected 30; please check (acknowledged)",
            format!(
                "Close 1: 2022-01-10 10:30, fingerprint {}",
                &b.first_head[..12]
            ),
        ),
    ] {
        let o = ceping(dir.path(), &["--lang", lang, "open", "f.ceping"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let out = String::from_utf8(o.stdout).unwrap();
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        let i = lines.iter().position(|l| *l == title).expect(title);
        assert_eq!(lines[i + 1], line, "{lang}");
        assert!(
            lines.iter().any(|l| l.starts_with(&history)),
            "{lang}: {out}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("更正第 7 号") || l.contains("ballots 7 corrected")),
            "{lang}"
        );
    }
}

#[test]
fn the_shared_lines_follow_the_language() {
    // The library helpers the exports share, in both languages.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ceping");
    let b = build(&path);
    let m = model(&path);
    let round = &m.rounds[&b.reopened];
    use ceping::export::xlsx::labels;
    {
        let _g = lang(Lang::Zh);
        assert_eq!(labels::warnings_joined(&m, round), SHORT_ZH);
        assert_eq!(labels::history(round), [history_zh(&b.first_head)]);
    }
    {
        let _g = lang(Lang::En);
        assert_eq!(labels::history(round), [history_en(&b.first_head)]);
    }
}
