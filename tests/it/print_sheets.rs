//! What the printed sheets say, read back with calamine from the workbook
//! of the scripted meeting (`export_files::script`: 南塘村's annual review
//! closed, its Party-building review's re-run open, 回龙村's annual review
//! open, 西塘村's counted from a tally sheet and closed):
//!
//! - a round not closed is marked 未结束（暂定） on every sheet of ours that
//!   shows it (its unit's 附件4, both 街道汇总 sheets), and on the grading
//!   sheets a row resting on it is never ranked, nor listed above a ranked
//!   one;
//! - 街道汇总's per-person counts equal a count by hand of the ballots (or
//!   of the tally sheet);
//! - every sheet name is one Excel accepts.

use calamine::{Data, Range, Reader};
use ceping::domain::{MeetingKind, Model};
use ceping::store::Store;

use crate::export_files::script::{export, scripted};
use crate::export_files::views::{number, text, workbook};
use crate::support::meeting::sheet_40;
use crate::support::recount::Recount;

const PROVISIONAL: &str = "未结束（暂定）";

/// The scripted meeting's workbook and model.
fn book() -> (Vec<u8>, Model) {
    let dir = tempfile::tempdir().unwrap();
    drop(scripted(&dir.path().join("m.ceping")));
    let bytes = export(dir.path(), "m.ceping", "xlsx", "r.xlsx");
    let mut store = Store::open_read_only(&dir.path().join("m.ceping")).unwrap();
    (bytes, store.replay().unwrap())
}

fn rows(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .map(|r| r.iter().map(|d| text(Some(d))).collect())
        .collect()
}

#[test]
fn open_rounds_are_marked_and_never_ranked() {
    let (bytes, _) = book();
    let mut book = workbook(&bytes);
    let mut sheet = |name: &str| rows(&book.worksheet_range(name).unwrap());

    // 附件4: the open round's heading and status line; not the closed one's.
    let nantang = sheet("南塘村");
    let first = |rows: &[Vec<String>], start: &str| -> String {
        rows.iter()
            .map(|r| r[0].clone())
            .find(|c| c.starts_with(start))
            .unwrap_or_else(|| panic!("no {start}"))
    };
    assert_eq!(
        first(&nantang, "抓基层党建述职评议　第 2 轮"),
        format!("抓基层党建述职评议　第 2 轮　{PROVISIONAL}")
    );
    assert_eq!(
        first(&nantang, "述职测评大会　第 1 轮"),
        "述职测评大会　第 1 轮"
    );
    let huilong = sheet("回龙村");
    assert!(first(&huilong, "述职测评大会　第 1 轮").ends_with(PROVISIONAL));
    assert!(first(&huilong, "状态：").contains(PROVISIONAL));

    // 街道汇总: the status of each counting round.
    let summary = sheet("街道汇总");
    let status = |unit: &str, meeting: &str| {
        let row = summary
            .iter()
            .find(|r| r[1] == unit && r[3] == meeting)
            .unwrap_or_else(|| panic!("{unit} {meeting}"));
        row[5].clone()
    };
    assert_eq!(status("回龙村", "述职测评大会"), PROVISIONAL);
    assert_eq!(status("南塘村", "抓基层党建述职评议"), PROVISIONAL);
    assert_eq!(status("南塘村", "述职测评大会"), "已结束");

    // 街道汇总-各人测评: every person of an open round says so.
    let people = sheet("街道汇总-各人测评");
    let of = |unit: &str| -> Vec<&Vec<String>> {
        people
            .iter()
            .filter(|r| r.get(1).is_some_and(|u| u == unit))
            .collect()
    };
    assert!(!of("回龙村").is_empty());
    assert!(
        of("回龙村").iter().all(|r| r[4] == PROVISIONAL),
        "{people:?}"
    );
    assert!(of("西塘村").iter().all(|r| r[4] == "已结束"));

    // 评定等次: ranked rows first, numbered 1, 2 and so on; a row resting on an
    // open round (回龙村's annual review, 南塘村's Party-building review
    // for its secretary and its unit) marked 暂定 below a line saying why.
    for name in [
        "评定等次-单位",
        "评定等次-书记",
        "评定等次-干部",
        "评定等次-工作队",
    ] {
        let rows = sheet(name);
        let header = rows.iter().position(|r| r[0] == "排序").unwrap();
        let body: Vec<&Vec<String>> = rows[header + 1..]
            .iter()
            .filter(|r| r.len() > 1 && !r[1].is_empty())
            .collect();
        let ranked = body
            .iter()
            .take_while(|r| r[0].parse::<u32>().is_ok())
            .count();
        for (i, r) in body[..ranked].iter().enumerate() {
            assert_eq!(r[0], (i + 1).to_string(), "{name}");
            assert_ne!(r[1], "回龙村", "{name}: 回龙村 rests on an open round");
        }
        for r in &body[ranked..] {
            assert!(["暂定", "未召开"].contains(&r[0].as_str()), "{name}: {r:?}");
        }
        assert!(
            body[ranked..]
                .iter()
                .filter(|r| r[1] == "回龙村")
                .all(|r| r[0] == "暂定"),
            "{name}"
        );
        let why = rows.iter().any(|r| r[0].contains(PROVISIONAL));
        assert!(why, "{name} says why the rows below are not ranked");
    }
    let secretaries = sheet("评定等次-书记");
    let gong = secretaries.iter().find(|r| r[2] == "龚晓峰").unwrap();
    assert_eq!(gong[0], "暂定", "his Party-building review is open");

    // 附件6: a secretary's review counts from an open round say so.
    let combined = sheet("附件6 综合评价");
    let header = combined.iter().position(|r| r[0] == "序号").unwrap();
    let state = combined[header]
        .iter()
        .position(|h| h == "评议状态")
        .unwrap();
    let gong = combined.iter().find(|r| r[2] == "龚晓峰").unwrap();
    assert_eq!(gong[state], PROVISIONAL);

    // 原始选票: the ballots of an open round carry its status.
    let raw = sheet("原始选票");
    let header = raw.iter().position(|r| r[0] == "单位").unwrap();
    let status = raw[header].iter().position(|h| h == "轮次状态").unwrap();
    let ballots = &raw[header + 1..];
    assert!(ballots.iter().any(|r| r[0] == "回龙村"));
    for r in ballots {
        let open = r[0] == "回龙村" || (r[0] == "南塘村" && r[2] == "2");
        let want = if open { PROVISIONAL } else { "已结束" };
        assert!(r[status] == want || r[status] == "作废", "{r:?}");
    }
}

#[test]
fn the_street_summary_counts_each_grade_as_a_hand_count() {
    let (bytes, model) = book();
    let mut book = workbook(&bytes);
    let range = book.worksheet_range("街道汇总-各人测评").unwrap();
    let all: Vec<&[Data]> = range.rows().collect();
    let mut checked = 0;
    for kind in MeetingKind::ALL {
        let scale = model.campaign.meeting(kind).unwrap().scale.grades.clone();
        // The table of this meeting: its header names its grades, and the
        // rates as the screen does.
        let title = all
            .iter()
            .position(|r| text(r.first()).contains(kind.label_zh()))
            .unwrap();
        let header: Vec<String> = all[title + 1].iter().map(|d| text(Some(d))).collect();
        assert_eq!(header[5..5 + scale.len()], scale[..], "{kind:?}");
        let (top, top_two) = match kind {
            MeetingKind::AnnualReview => ("优秀率", "称职及以上率"),
            MeetingKind::PartyBuildingReview => ("好票率", "较好及以上率"),
        };
        assert_eq!(header[5 + scale.len() + 2..][..2], [top, top_two]);
        assert!(!header.iter().any(|h| h.contains("最高等次")));
        for row in all[title + 2..]
            .iter()
            .take_while(|r| number(r.first()).is_some())
        {
            let (unit, name) = (text(row.get(1)), text(row.get(2)));
            let round = ceping::domain::board::counting_round(&model, &unit, kind).unwrap();
            let i = round.lines.iter().position(|l| l.name == name).unwrap();
            let n = round.lines.len();
            let hand = if round.ballots.is_empty() {
                Recount::of_sheet(&sheet_40(n), scale.len())
            } else {
                let counted = round
                    .ballots
                    .iter()
                    .filter(|b| !b.withdrawn && !b.discarded)
                    .map(|b| &b.content);
                Recount::of_ballots(counted, n, scale.len(), &model.campaign.rules)
            };
            let cells: Vec<u64> = (5..5 + scale.len() + 2)
                .map(|c| number(row.get(c)).unwrap())
                .collect();
            let mut want = hand.counts[i].clone();
            want.extend([hand.abstain[i], hand.void_marks[i]]);
            assert_eq!(cells, want, "{unit} {name} {kind:?}");
            checked += 1;
        }
    }
    // 南塘村 7 + 回龙村 6 + 西塘村 8 on the annual review, 南塘村's
    // secretary on the Party-building review.
    assert!(checked >= 15, "{checked} people checked");
}

#[test]
fn every_sheet_name_is_valid_for_excel() {
    let (bytes, _) = book();
    let names = workbook(&bytes).sheet_names();
    let mut seen: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), names.len(), "unique, ignoring case: {names:?}");
    for n in &names {
        assert!((1..=31).contains(&n.encode_utf16().count()), "{n}");
        assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
        assert!(!n.starts_with('\'') && !n.ends_with('\''), "{n}");
        assert_ne!(n.to_lowercase(), "history");
    }
}
