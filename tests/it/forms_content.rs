//! The forms the liaison hands in, read back as the office reads them:
//! 附件9 per secretary, the minutes (会议记录) per meeting, the 登记表
//! sentences, and the CSV and JSON beside them. The meeting is keyed
//! through the real keymap (timers, comments, written reports, absentees,
//! ballots, closing); 附件6's score and material are recorded as events
//! here (their keys are tested in `tui_forms_input::annex6`).

use calamine::{Data, Reader};
use ceping::app::App;
use ceping::domain::attendance::AbsenceReason;
use ceping::domain::*;
use ceping::i18n::Lang;

use crate::export_files::views::{csv_text, number, parse_csv, text, workbook};
use crate::support::app::*;
use crate::support::meeting;
use crate::support::recount::Recount;

const COMMENT: &str = "抓党建有实招，整改台账要细化";

fn nantang(meeting: MeetingKind) -> RoundKey {
    meeting::key("南塘村", meeting, 1)
}

/// 南塘村's two meetings from the keyboard, and 回龙村's Party-building
/// review at model level, left open (provisional).
fn meetings() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    // The Party-building review: 8 minutes, the secretary speaks 6:10 and
    // the superior comments; 28 ballots, one blank; closed.
    press(
        &mut app,
        "<Down> <Enter> <Enter> e \"30 28\" <Enter> n <Space>",
    );
    advance(&mut app, 6 * 60 + 10);
    press(&mut app, &format!("s c \"{COMMENT}\" <Enter>"));
    let review = app.meeting_key().cloned().expect("in the review");
    assert_eq!(review.meeting, MeetingKind::PartyBuildingReview);
    while app.model().current_step(&review) != Some(AgendaStep::IssueBallots) {
        press(&mut app, "n");
    }
    press(&mut app, "e \"28\" <Enter> n e \"28\" <Enter> n <Enter>");
    press(&mut app, &"1 <Enter> ".repeat(20));
    press(&mut app, &"2 <Enter> ".repeat(5));
    press(&mut app, "3 <Enter> 3 <Enter> 0 <Enter>");
    close(&mut app, &review);
    // The annual review: 45 expected, 40 present, two absentees; the
    // secretary 5:00, the work-team leader 11:05 (over 10); three of five
    // written reports in; 12 ballots, one blank and one invalid; closed.
    press(&mut app, "<Esc> <Up> <Enter> <Enter> e \"45 40\" <Enter>");
    let annual = app.meeting_key().cloned().expect("in the annual review");
    assert_eq!(annual.meeting, MeetingKind::AnnualReview);
    // Two absentees keyed at the roll call: 1 请假, 2 公出.
    press(
        &mut app,
        "b \"丘明远\" <Enter> 1 <Enter> b \"阎素芳\" <Enter> 2 <Enter>",
    );
    let listed: Vec<(String, AbsenceReason)> = app.model().rounds
        [&nantang(MeetingKind::AnnualReview)]
        .absentees
        .iter()
        .map(|a| (a.name.clone(), a.reason))
        .collect();
    assert_eq!(
        listed,
        [
            ("丘明远".to_string(), AbsenceReason::Leave),
            ("阎素芳".to_string(), AbsenceReason::Business)
        ]
    );
    press(&mut app, "n <Space>");
    advance(&mut app, 300);
    press(&mut app, "s n <Space>");
    advance(&mut app, 665);
    press(&mut app, "s n <Space> <Down> <Space> <Down> <Down> <Space>");
    press(&mut app, "n e \"12\" <Enter> n e \"12\" <Enter> n <Enter>");
    press(&mut app, &"1 <Enter> ".repeat(8));
    press(&mut app, "1 c 2 <Enter> 2 <Enter> 0 <Enter> x <Enter>");
    close(&mut app, &annual);
    // 回龙村's review, at model level: open.
    let huilong = meeting::key("回龙村", MeetingKind::PartyBuildingReview, 1);
    meeting::to_counting(&mut app.session, &huilong, [20, 18, 18, 18]);
    meeting::key_ballots_with(&mut app.session, &huilong, 10, |i, n| {
        BallotContent::all((i % 2) as u8, n)
    });
    (dir, app)
}

/// From counting: back to the agenda, on to the close step, acknowledge
/// the warnings and close.
fn close(app: &mut App, key: &MeetingKey) {
    press(app, "<Esc>");
    while app.model().current_step(key) != Some(AgendaStep::Close) {
        press(app, "a n");
    }
    press(app, "a <Enter>");
    if app.prompt().is_some() {
        press(app, "<Enter>");
    }
    let round = app.model().current_round(&key.unit, key.meeting).unwrap();
    assert!(
        matches!(round.status, RoundStatus::Closed { .. }),
        "{key:?} closed: {:?}",
        app.status
    );
}

fn head(app: &App) -> [u8; 32] {
    app.session.store.head()
}

fn sheet_cells(
    book: &mut calamine::Xlsx<std::io::Cursor<Vec<u8>>>,
    name: &str,
) -> Vec<Vec<String>> {
    let range = book
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    range
        .rows()
        .map(|r| r.iter().map(|d| text(Some(d))).collect())
        .collect()
}

/// The value right of `label` on a labelled row.
fn labelled<'a>(rows: &'a [Vec<String>], label: &str) -> &'a str {
    rows.iter()
        .find(|r| r.first().map(String::as_str) == Some(label))
        .and_then(|r| r.get(1))
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
}

#[test]
fn attachment9_counts_equal_the_rounds_tally() {
    let _guard = lock(Lang::Zh);
    let (_dir, app) = meetings();
    let model = app.model();
    let bytes = ceping::export::xlsx::to_bytes(model, &head(&app)).unwrap();
    let mut book = workbook(&bytes);
    let names = book.sheet_names();
    for (unit, secretary) in [("南塘村", "龚晓峰"), ("回龙村", "汤建华")] {
        let name = format!("附件9 {unit} {secretary}");
        assert!(names.contains(&name), "{names:?}");
        let round = model
            .current_round(unit, MeetingKind::PartyBuildingReview)
            .unwrap();
        let rules = &model.campaign.rules;
        let live = round.live_ballots();
        let recount = Recount::of_ballots(live, round.lines.len(), 4, rules);
        let range = book.worksheet_range(&name).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        let cells = sheet_cells(&mut book, &name);
        assert!(
            cells
                .iter()
                .flatten()
                .any(|c| c == "党组织书记履行基层党建工作责任情况民主评议结果报告单")
        );
        assert_eq!(labelled(&cells, "单位"), format!("{unit}（村）"));
        assert_eq!(labelled(&cells, "姓名"), secretary);
        // 应到 实到 发出 收回 有效 废票, then the numbers.
        let at = cells
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "应到"))
            .unwrap();
        assert_eq!(
            cells[at][..6],
            ["应到", "实到", "发出", "收回", "有效", "废票"]
        );
        let numbers: Vec<Option<u64>> = (0..6).map(|c| number(rows[at + 1].get(c))).collect();
        assert_eq!(
            numbers,
            [
                round.expected.map(u64::from),
                round.present.map(u64::from),
                round.issued.map(u64::from),
                round.returned.map(u64::from),
                Some(recount.entered - recount.invalid),
                Some(recount.invalid),
            ]
        );
        let at = cells
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "好"))
            .unwrap();
        assert_eq!(
            cells[at][..6],
            ["好", "较好", "一般", "差", "好票率", "较好及以上率"]
        );
        let counts: Vec<u64> = (0..4)
            .map(|c| number(rows[at + 1].get(c)).unwrap())
            .collect();
        assert_eq!(counts, recount.counts[0], "{unit}");
        let graded: u64 = counts.iter().sum();
        let top = match rows[at + 1].get(4) {
            Some(Data::Float(f)) => *f,
            d => panic!("{d:?}"),
        };
        assert!((top - counts[0] as f64 / graded as f64).abs() < 1e-9);
        let closed = matches!(round.status, RoundStatus::Closed { .. });
        let status = labelled(&cells, "状态");
        let all: Vec<&String> = cells.iter().flatten().collect();
        if closed {
            let RoundStatus::Closed { head } = &round.status else {
                unreachable!()
            };
            assert_eq!(status, "已结束");
            assert!(
                all.iter().any(|c| c.ends_with(&head[..12])),
                "short fingerprint"
            );
            assert!(
                all.iter().any(|c| c.ends_with(head.as_str())),
                "full fingerprint"
            );
        } else {
            assert_eq!(status, "未结束（暂定）", "{unit} is provisional");
        }
        for who in ["计票人", "监票人", "主持人"] {
            assert!(
                all.iter()
                    .any(|c| c.contains(&format!("{who}（签字）：___"))),
                "{who}"
            );
        }
        assert!(
            all.iter()
                .any(|c| c.contains("日期：__") && c.ends_with("月____日"))
        );
    }
    // The superior's comment, as keyed after the report.
    let cells = sheet_cells(&mut book, "附件9 南塘村 龚晓峰");
    assert!(cells.iter().flatten().any(|c| c == COMMENT));
}

#[test]
fn the_minutes_carry_what_the_liaison_keyed() {
    let _guard = lock(Lang::Zh);
    let (_dir, app) = meetings();
    let model = app.model();
    let bytes = ceping::export::xlsx::to_bytes(model, &head(&app)).unwrap();
    let mut book = workbook(&bytes);
    let cells = sheet_cells(&mut book, "测评记录 南塘村");
    let all: Vec<&String> = cells.iter().flatten().collect();
    assert!(all.iter().any(|c| *c == "南塘村述职测评大会会议记录"));
    assert_eq!(labelled(&cells, "主持人"), "范国栋（考核工作组第一责任人）");
    assert!(labelled(&cells, "考核工作组").contains("联络员 邵敏"));
    assert_eq!(labelled(&cells, "应到/实到"), "应到 45 人，实到 40 人");
    assert_eq!(
        labelled(&cells, "缺席人员"),
        "丘明远（请假）、阎素芳（公出）"
    );
    assert!(labelled(&cells, "日期").starts_with("20"));
    // The speakers with the time used against the limit.
    let speaker = |name: &str| {
        cells
            .iter()
            .find(|r| r.get(1).map(String::as_str) == Some(name))
            .unwrap_or_else(|| panic!("{name}: {cells:?}"))
    };
    assert_eq!(speaker("龚晓峰")[3..6], ["05:00", "10 分钟", "已结束"]);
    assert_eq!(
        speaker("严立新")[3..6],
        ["11:05", "10 分钟", "已结束，超时 01:05"]
    );
    // The written reports: three in, two missing.
    for (name, state) in [
        ("蒋丽", "已交"),
        ("罗志明", "已交"),
        ("田秀英", "未交"),
        ("万宏", "已交"),
        ("贺文斌", "未交"),
    ] {
        assert_eq!(speaker(name)[3], state, "{name}");
    }
    assert_eq!(labelled(&cells, "小计"), "已交 3 份，未交 2 份");
    // The ballots, the close with its fingerprint, the warnings.
    let round = model
        .current_round("南塘村", MeetingKind::AnnualReview)
        .unwrap();
    let RoundStatus::Closed { head } = &round.status else {
        panic!()
    };
    assert!(labelled(&cells, "本轮结束").ends_with(head.as_str()));
    assert!(
        all.iter()
            .any(|c| c.contains("空白票 1 张") && c.ends_with("（已确认）"))
    );
    // The review's minutes: the comment.
    let cells = sheet_cells(&mut book, "评议记录 南塘村");
    assert_eq!(labelled(&cells, "点评"), format!("一述一评：{COMMENT}"));
    // 回龙村's review is open: marked provisional.
    let cells = sheet_cells(&mut book, "评议记录 回龙村");
    assert!(
        cells
            .iter()
            .flatten()
            .any(|c| c.starts_with("未结束（暂定）"))
    );
}

/// A unit's meeting in the JSON export.
fn json_meeting(json: &serde_json::Value, unit: &str, kind: MeetingKind) -> serde_json::Value {
    let unit = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == unit);
    let meetings = unit.unwrap()["meetings"].as_array().unwrap();
    meetings
        .iter()
        .find(|m| m["kind"] == kind.key())
        .unwrap()
        .clone()
}

#[test]
fn the_register_sentences_match_the_tallies() {
    let _guard = lock(Lang::Zh);
    let (_dir, app) = meetings();
    let model = app.model();
    let bytes = ceping::export::xlsx::to_bytes(model, &head(&app)).unwrap();
    let mut book = workbook(&bytes);
    let cells = sheet_cells(&mut book, "登记表用语");
    let json: serde_json::Value =
        serde_json::from_str(&ceping::export::json::to_string(model, &head(&app))).unwrap();
    let mut checked = 0;
    for (unit, kind, what, top) in [
        ("南塘村", MeetingKind::AnnualReview, "民主测评", "优秀率"),
        (
            "南塘村",
            MeetingKind::PartyBuildingReview,
            "民主评议",
            "好票率",
        ),
        (
            "回龙村",
            MeetingKind::PartyBuildingReview,
            "民主评议",
            "好票率",
        ),
    ] {
        let round = model.current_round(unit, kind).unwrap();
        let scale = kind.default_scale().grades;
        let recount = Recount::of_ballots(
            round.live_ballots(),
            round.lines.len(),
            4,
            &model.campaign.rules,
        );
        let provisional = !matches!(round.status, RoundStatus::Closed { .. });
        let meeting = json_meeting(&json, unit, kind);
        for (i, line) in round.lines.iter().enumerate() {
            let counts = &recount.counts[i];
            let graded: u64 = counts.iter().sum();
            let votes: Vec<String> = scale
                .iter()
                .zip(counts)
                .map(|(g, n)| format!("{g} {n} 票"))
                .collect();
            let mut votes = votes.join("、");
            if recount.abstain[i] > 0 {
                votes.push_str(&format!("、弃权 {} 票", recount.abstain[i]));
            }
            let rate = format!("{:.1}%", counts[0] as f64 * 100.0 / graded as f64);
            let mut want = format!(
                "{what}：参评 {} 人，{votes}，{top} {rate}",
                recount.entered - recount.invalid
            );
            if provisional {
                want.push_str("（暂定）");
            }
            let row = cells
                .iter()
                .find(|r| {
                    r.get(1).map(String::as_str) == Some(unit)
                        && r.get(2) == Some(&line.name)
                        && r.get(4).map(String::as_str) == Some(kind.label_zh())
                })
                .unwrap_or_else(|| panic!("{unit} {}", line.name));
            assert_eq!(row[7], want);
            assert_eq!(
                row[6],
                if provisional {
                    "未结束（暂定）"
                } else {
                    "已结束"
                }
            );
            let j = &meeting["registration"][i];
            assert_eq!(j["name"], line.name.as_str());
            assert_eq!(j["sentence"], want.as_str());
            assert_eq!(j["provisional"], provisional);
            checked += 1;
        }
    }
    assert_eq!(checked, 7 + 1 + 1);
    // An example from the notice's wording, on the annual review's first
    // person: 10 of 11 valid 优秀 (one blank ballot abstains).
    let first = cells
        .iter()
        .find(|r| r.get(2).map(String::as_str) == Some("龚晓峰"))
        .unwrap();
    assert_eq!(
        first[7],
        "民主测评：参评 11 人，优秀 9 票、称职 1 票、基本称职 0 票、不称职 0 票、弃权 1 票，优秀率 90.0%"
    );
}

#[test]
fn the_json_carries_the_minutes() {
    let _guard = lock(Lang::Zh);
    let (_dir, app) = meetings();
    let json: serde_json::Value =
        serde_json::from_str(&ceping::export::json::to_string(app.model(), &head(&app))).unwrap();
    let nantang = &json["units"][0]["meetings"];
    let m = &nantang[0]["minutes"];
    assert_eq!(m["host"], "范国栋");
    assert_eq!(m["work_group"]["liaison"], "邵敏");
    assert_eq!(
        (m["expected"].as_u64(), m["present"].as_u64()),
        (Some(45), Some(40))
    );
    assert_eq!(
        m["absentees"][0],
        serde_json::json!({"name": "丘明远", "reason": "leave"})
    );
    assert_eq!(m["absentees"][1]["reason"], "business");
    assert_eq!(m["speeches"][0]["used"], "05:00");
    assert_eq!(m["speeches"][1]["used_seconds"], 665);
    assert_eq!(m["speeches"][1]["limit_minutes"], 10);
    let handed: Vec<bool> = m["written_reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["handed_in"].as_bool().unwrap())
        .collect();
    assert_eq!(handed, [true, true, false, true, false]);
    assert_eq!(m["provisional"], false);
    let head = nantang[0]["rounds"][0]["fingerprint"].as_str().unwrap();
    assert_eq!(m["closes"][0]["fingerprint"], head);
    assert_eq!(m["warnings_acknowledged"].as_array().unwrap().len(), 2);
    assert_eq!(nantang[1]["minutes"]["speeches"][0]["comment"], COMMENT);
    // 回龙村's review is open; its annual review was never held.
    let huilong = &json["units"][1]["meetings"];
    assert_eq!(huilong[0]["minutes"], serde_json::Value::Null);
    assert_eq!(huilong[0]["registration"], serde_json::json!([]));
    assert_eq!(huilong[1]["minutes"]["provisional"], true);
}

#[test]
fn the_csv_headers_name_each_meetings_grades() {
    let _guard = lock(Lang::Zh);
    let (_dir, app) = meetings();
    let bytes = ceping::export::csv::to_bytes(app.model(), &head(&app));
    let records = parse_csv(csv_text(&bytes));
    let headers: Vec<&Vec<String>> = records.iter().filter(|r| r[0] == "单位").collect();
    assert_eq!(headers.len(), 2, "a header row per meeting");
    assert_eq!(
        headers[0][..12],
        [
            "单位",
            "会议",
            "轮次",
            "状态",
            "姓名",
            "职务",
            "优秀",
            "称职",
            "基本称职",
            "不称职",
            "弃权",
            "无效"
        ]
    );
    assert_eq!(headers[0][12..14], ["优秀率", "称职及以上率"]);
    assert_eq!(
        headers[1][6..14],
        [
            "好",
            "较好",
            "一般",
            "差",
            "弃权",
            "无效",
            "好票率",
            "较好及以上率"
        ]
    );
    // Each row under a header is of that header's meeting; an empty line
    // ends a section.
    let mut current: Option<&Vec<String>> = None;
    let mut rows = 0;
    for r in &records {
        if r[0] == "单位" {
            current = Some(r);
        } else if r.len() == 1 && r[0].is_empty() {
            current = None;
        } else {
            let h = current.expect("a row under a header");
            assert_eq!(r.len(), h.len());
            let meeting = if h[6] == "优秀" {
                "述职测评大会"
            } else {
                "抓基层党建述职评议"
            };
            assert_eq!(r[1], meeting);
            rows += 1;
        }
    }
    assert_eq!(rows, 7 + 1 + 1);
    // 南塘村's secretary in the review: 20 好, 5 较好, 2 一般, 0 差, 1 弃权.
    let row = records
        .iter()
        .find(|r| r.len() > 4 && r[1] == "抓基层党建述职评议" && r[4] == "龚晓峰")
        .unwrap();
    assert_eq!(row[6..11], ["20", "5", "2", "0", "1"]);
}

#[test]
fn attachment6_scores_and_attachment7_dates() {
    use ceping::domain::grading::{Rectification, RectificationStatus};
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = meetings();
    // The keys for the score and the material are tested with the grading
    // board (`tui_forms_input::annex6`); here they are events.
    let s = &mut app.session;
    meeting::rec(
        s,
        Event::CombinedMaterialSet {
            unit: "南塘村".into(),
            secretary: "龚晓峰".into(),
            text: "抓党建责任落实到位，台账规范。".into(),
        },
    );
    meeting::rec(
        s,
        Event::CombinedScoreSet {
            unit: "回龙村".into(),
            secretary: "汤建华".into(),
            score: Some(78),
        },
    );
    for (secretary, unit, deadline) in
        [("龚晓峰", "南塘村", "2022-03-31"), ("汤建华", "回龙村", "")]
    {
        meeting::rec(
            s,
            Event::RectificationSet {
                unit: unit.into(),
                secretary: secretary.into(),
                entry: Rectification {
                    problems: "台账不全".into(),
                    measures: "补齐台账".into(),
                    deadline: deadline.into(),
                    responsible: secretary.into(),
                    status: RectificationStatus::Open,
                },
            },
        );
    }
    let bytes = ceping::export::xlsx::to_bytes(app.model(), &head(&app)).unwrap();
    let mut book = workbook(&bytes);
    let range = book.worksheet_range("附件6 综合评价").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows.iter().position(|r| text(r.first()) == "序号").unwrap();
    let col = |name: &str| {
        rows[header]
            .iter()
            .position(|h| text(Some(h)) == name)
            .unwrap()
    };
    let (score, material) = (col("综合评分"), col("综合评价材料"));
    let row = |name: &str| *rows.iter().find(|r| text(r.get(2)) == name).unwrap();
    // 南塘村: no score set, the suggestion from 20/5/2/0 (no investigation).
    let counts = [20u64, 5, 2, 0];
    let suggested = ceping::domain::grading::suggest_score(&counts, None, 50).unwrap();
    assert_eq!(number(row("龚晓峰").get(score)), Some(u64::from(suggested)));
    assert_eq!(
        text(row("龚晓峰").get(material)),
        "抓党建责任落实到位，台账规范。"
    );
    assert_eq!(number(row("汤建华").get(score)), Some(78));
    let range = book.worksheet_range("附件7 整改清单").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let find = |name: &str| *rows.iter().find(|r| text(r.get(2)) == name).unwrap();
    match find("龚晓峰").get(5) {
        Some(Data::DateTime(d)) => {
            // 2022-03-31 is day 44651 of Excel's calendar.
            assert_eq!(d.as_f64(), 44651.0)
        }
        d => panic!("a date cell: {d:?}"),
    }
    // No deadline given: the cell stays empty.
    assert_eq!(text(find("汤建华").get(5)), "");
}
