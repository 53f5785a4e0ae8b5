//! The exports as files, through the real binary: after a scripted meeting
//! on the demo campaign, the xlsx (read back with calamine), the csv and
//! the json carry the same totals per round and per subject as the model's
//! `Tally`; names that look like formulas stay text (csv: a leading `'`;
//! xlsx: no formula anywhere); exports are private, never overwrite
//! without `--force`, and the TUI's `d` key writes one beside the file.

pub(super) mod script;
pub(super) mod views;

use calamine::{Data, Range, Reader, Xlsx};
use ceping::domain::grading::{Rectification, RectificationStatus};
use ceping::domain::*;
use ceping::store::{Store, chain};
use script::*;
use views::*;

#[test]
fn xlsx_csv_and_json_carry_the_models_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ceping");
    drop(scripted(&path));
    let xlsx = export(dir.path(), "m.ceping", "xlsx", "r.xlsx");
    let csv = export(dir.path(), "m.ceping", "csv", "r.csv");
    let json = export(dir.path(), "m.ceping", "json", "r.json");

    let mut store = Store::open_read_only(&path).unwrap();
    let model = store.replay().unwrap();
    let truth = from_model(&model);
    // The script made what it says: a closed, a void, a re-run, an open
    // round, a tally-sheet round; a withdrawn, a blank, an invalid ballot.
    let statuses: Vec<(&str, u32, &str)> = truth
        .iter()
        .map(|r| (r.unit.as_str(), r.round, r.status.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("南塘村", 1, "已结束"),
            ("南塘村", 1, "作废"),
            ("南塘村", 2, "进行中"),
            ("回龙村", 1, "进行中"),
            ("西塘村", 1, "已结束"),
        ]
    );
    assert_eq!(truth[0].totals[4..], [Some(25), Some(24), Some(1), Some(1)]);
    assert_eq!(truth[4].totals[4..], [Some(40), Some(39), Some(1), Some(2)]);

    let from_xlsx = from_xlsx(&xlsx, &model);
    let from_csv = from_csv(&csv);
    let from_json = from_json(&json);
    assert_eq!(from_xlsx, truth, "xlsx");
    assert_eq!(from_csv, truth, "csv");
    assert_eq!(from_json, truth, "json");
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let warnings = &v["units"][0]["meetings"][0]["rounds"][0]["warnings"];
    assert_eq!(warnings[0]["kind"], "many_blank");
    assert_eq!(warnings[0]["acknowledged"], true);
    assert_eq!(warnings.as_array().map(Vec::len), Some(2));
    assert_eq!(from_xlsx, from_csv);
    assert_eq!(from_csv, from_json);

    // The head recorded at closing is under 南塘村's table; the export's
    // own head on the summary sheet.
    let mut book = workbook(&xlsx);
    let head = match &model.rounds[&key("南塘村", MeetingKind::AnnualReview, 1)].status {
        RoundStatus::Closed { head } => head.clone(),
        s => panic!("{s:?}"),
    };
    let cells = |book: &mut Xlsx<_>, sheet: &str| -> Vec<String> {
        let range: Range<Data> = book.worksheet_range(sheet).unwrap();
        range.cells().map(|(_, _, d)| text(Some(d))).collect()
    };
    let nantang = cells(&mut book, "南塘村");
    assert!(nantang.iter().any(|c| c.contains(&head[..12])));
    assert!(
        nantang
            .iter()
            .any(|c| c == &format!("结束时记录的链头：{head}"))
    );
    // The warnings the script acknowledged before closing (1 blank and 1
    // invalid of 25 returned), under the table as at closing.
    assert!(
        nantang.iter().any(|c| c
            == "结束时的提示：空白票 1 张，占收回 25 张的 3% 或以上（已确认）；\
                废票 1 张，占收回 25 张的 3% 或以上（已确认）"),
        "{nantang:?}"
    );
    assert!(
        nantang
            .iter()
            .any(|c| c.starts_with("抓基层党建述职评议　第 1 轮（作废）"))
    );
    assert!(
        cells(&mut book, "东马社区")
            .iter()
            .any(|c| c == "述职测评大会：尚未开始")
    );
    let summary = cells(&mut book, "街道汇总");
    let fingerprint = chain::to_hex(&store.head());
    assert!(summary.iter().any(|c| c.contains(&fingerprint)));

    // The sheets, in order, with valid names: the units' first, then the
    // street's and the office's (附件9 and the minutes between them),
    // the raw ballots last.
    let names = book.sheet_names();
    assert_eq!(names[..4], ["南塘村", "回龙村", "西塘村", "东马社区"]);
    let street = names.iter().position(|n| n == "街道汇总").unwrap();
    assert_eq!(
        names[street..street + 8],
        [
            "街道汇总",
            "街道汇总-各人测评",
            "评定等次-单位",
            "评定等次-书记",
            "评定等次-干部",
            "评定等次-工作队",
            "附件6 综合评价",
            "附件7 整改清单",
        ]
    );
    assert_eq!(names.last().map(String::as_str), Some("原始选票"));

    // The street summary: one row per unit and meeting, the counting round.
    let range = book.worksheet_range("街道汇总").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let row_of = |unit: &str, meeting: &str| {
        rows.iter()
            .find(|r| text(r.get(1)) == unit && text(r.get(3)) == meeting)
            .unwrap_or_else(|| panic!("{unit} {meeting}"))
    };
    let party = row_of("南塘村", "抓基层党建述职评议");
    assert_eq!(number(party.get(4)), Some(2), "the re-run counts");
    assert_eq!(text(party.get(5)), "未结束（暂定）");
    assert_eq!(number(party.get(6)), Some(1), "one void round");
    let huilong = row_of("回龙村", "述职测评大会");
    assert_eq!(number(huilong.get(10)), Some(28), "收回");
    assert_eq!(number(huilong.get(11)), Some(12), "已录入");

    // The grading board, a sheet per group: quota use and the grades
    // given.
    let secretaries = cells(&mut book, "评定等次-书记");
    assert!(
        secretaries
            .iter()
            .any(|c| c.starts_with("党组织书记：优秀 1 个，最多 1 个"))
    );
    let units = cells(&mut book, "评定等次-单位");
    assert!(
        units
            .iter()
            .any(|c| c.starts_with("村(社区)：一类 1 个，最多 2 个"))
    );
    assert!(
        units.iter().any(|c| c == "一类\n（暂定）"),
        "the unit's Party-building review is not closed"
    );

    // 附件6 and 附件7.
    let range = book.worksheet_range("附件6 综合评价").unwrap();
    let huilong = range
        .rows()
        .find(|r| text(r.get(2)) == "汤建华")
        .expect("回龙村's secretary");
    let row: Vec<String> = huilong.iter().map(|d| text(Some(d))).collect();
    // No review yet: the suggestion is the investigation's level.
    // 综合评分 (the suggestion from the investigation, 一般 = 70) and
    // 综合评价材料 (none yet) close the row.
    assert_eq!(number(huilong.get(row.len() - 2)), Some(70));
    assert_eq!(row[row.len() - 1], "");
    assert_eq!(
        row[row.len() - 7..row.len() - 2],
        [
            "一般",
            "走访群众，反映村务公开不及时",
            "一般",
            "一般（暂定）",
            "是"
        ],
        "{row:?}"
    );
    let range = book.worksheet_range("附件7 整改清单").unwrap();
    let row: Vec<String> = range
        .rows()
        .find(|r| text(r.get(2)) == "汤建华")
        .expect("the rectification")
        .iter()
        .map(|d| text(Some(d)))
        .collect();
    assert_eq!(
        row[1..5],
        [
            "回龙村",
            "汤建华",
            "村务公开不及时",
            "每月公开一次，逐项对账",
        ]
    );
    assert_eq!(row[6..], ["汤建华", "整改中"]);
    // 整改时限 is a date cell: 2022-03-31 is day 44651 of Excel's calendar.
    let deadline = range.rows().find(|r| text(r.get(2)) == "汤建华").unwrap()[5].clone();
    match deadline {
        Data::DateTime(d) => assert_eq!(d.as_f64(), 44651.0),
        d => panic!("a date cell: {d:?}"),
    }

    // The raw ballots: every keyed ballot once, the withdrawn one flagged,
    // the marks as keyed; nothing else about a ballot.
    let range = book.worksheet_range("原始选票").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows.iter().position(|r| text(r.first()) == "单位").unwrap();
    let header_cells: Vec<String> = rows[header].iter().map(|d| text(Some(d))).collect();
    assert_eq!(
        header_cells[..7],
        ["单位", "会议", "轮次", "票号", "计为", "已剔除", "轮次状态"]
    );
    let ballots = &rows[header + 1..];
    let keyed: usize = model.rounds.values().map(|r| r.ballots.len()).sum();
    assert_eq!(ballots.len(), keyed);
    assert_eq!(ballots.iter().filter(|r| text(r.get(5)) == "是").count(), 1);
    // The withdrawn ballot is counted as nothing: 计为 says so.
    let withdrawn: Vec<String> = ballots
        .iter()
        .filter(|r| text(r.get(5)) == "是")
        .map(|r| text(r.get(4)))
        .collect();
    assert_eq!(withdrawn, ["已剔除"]);
    let nantang = key("南塘村", MeetingKind::AnnualReview, 1);
    let scale = MeetingKind::AnnualReview.default_scale().grades;
    for (i, slot) in model.rounds[&nantang].ballots.iter().enumerate() {
        let row = ballots[i];
        assert_eq!(number(row.get(3)), Some(i as u64 + 1));
        assert_eq!(text(row.get(5)) == "是", slot.withdrawn);
        let marks: Vec<String> = match &slot.content {
            BallotContent::Marks(m) => m
                .iter()
                .map(|m| match m {
                    Mark::Grade(g) => scale[usize::from(*g)].clone(),
                    Mark::Abstain => "弃权".into(),
                    Mark::Void => "无效".into(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let keyed: Vec<String> = row[7..]
            .iter()
            .map(|d| text(Some(d)))
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(keyed, marks, "ballot {}", i + 1);
    }

    // No formula anywhere in the workbook.
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(formulas.cells().all(|(_, _, f)| f.is_empty()), "{name}");
    }
}

/// Names that a spreadsheet would run as formulas.
const NASTY: [&str; 6] = [
    "=HYPERLINK(\"http://x\")",
    "+1",
    "-2",
    "@SUM(A1)",
    "\tTAB",
    "=1+1",
];

#[test]
fn formula_like_names_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.ceping");
    let mut campaign = ceping::campaign_toml::demo();
    let unit = &mut campaign.units[0];
    unit.name = NASTY[0].into();
    for (s, name) in unit.subjects.iter_mut().zip(&NASTY[1..]) {
        s.name = (*name).into();
    }
    let secretary = unit.subjects[0].name.clone();
    let mut s = Store::create(&path, &campaign).unwrap();
    let r = open(
        &mut s,
        NASTY[0],
        MeetingKind::AnnualReview,
        [30, 20, 20, 20],
    );
    key_ballots(&mut s, &r, 20);
    rec(
        &mut s,
        Event::RectificationSet {
            unit: NASTY[0].into(),
            secretary,
            entry: Rectification {
                problems: "=cmd|' /C calc'!A0".into(),
                measures: "-整改".into(),
                deadline: "2022-03-31".into(),
                responsible: "@负责人".into(),
                status: RectificationStatus::Open,
            },
        },
    );
    drop(s);
    let csv = export(dir.path(), "n.ceping", "csv", "n.csv");
    let xlsx = export(dir.path(), "n.ceping", "xlsx", "n.xlsx");

    // csv: every such cell starts with ', and only those; numbers do not.
    let records = parse_csv(csv_text(&csv));
    let cells: Vec<&String> = records.iter().flatten().collect();
    for c in &cells {
        assert!(
            !c.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
            "unneutralised cell {c:?}"
        );
    }
    for name in NASTY {
        assert!(
            cells.iter().any(|c| **c == format!("'{name}")),
            "{name} is in the csv, neutralised"
        );
    }
    let header = &records[0];
    let entered = header.iter().position(|h| h == "已录入").unwrap();
    assert_eq!(records[1][0], format!("'{}", NASTY[0]));
    assert_eq!(records[1][entered], "20");

    // xlsx: the same names as plain text, no formula anywhere.
    let mut book = workbook(&xlsx);
    let names = book.sheet_names();
    assert_eq!(names[0], "=HYPERLINK(\"http___x\")", "a valid sheet name");
    let mut found = std::collections::BTreeSet::new();
    for name in &names {
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "a formula in {name}"
        );
        let range = book.worksheet_range(name).unwrap();
        for (_, _, d) in range.cells() {
            if let Data::String(s) = d
                && let Some(n) = NASTY.iter().find(|n| **n == s.as_str())
            {
                found.insert(*n);
            }
        }
    }
    assert_eq!(found.len(), NASTY.len(), "every name is a text cell");
    let range = book.worksheet_range("附件7 整改清单").unwrap();
    assert!(
        range
            .cells()
            .any(|(_, _, d)| *d == Data::String("=cmd|' /C calc'!A0".into()))
    );
}

#[test]
fn an_export_never_overwrites_without_force_and_is_private() {
    let dir = tempfile::tempdir().unwrap();
    drop(scripted(&dir.path().join("m.ceping")));
    for format in ["xlsx", "csv", "json"] {
        let out = format!("r.{format}");
        let target = dir.path().join(&out);
        std::fs::write(&target, b"kept").unwrap();
        let o = ceping(
            dir.path(),
            &["export", "m.ceping", "--format", format, "-o", &out],
        );
        assert_eq!(o.status.code(), Some(1), "{format}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("已经存在") && err.contains("--force"), "{err}");
        assert_eq!(
            std::fs::read(&target).unwrap(),
            b"kept",
            "{format} untouched"
        );

        let o = ceping(
            dir.path(),
            &[
                "export", "m.ceping", "--format", format, "-o", &out, "--force",
            ],
        );
        assert!(o.status.success(), "{format} --force");
        let bytes = std::fs::read(&target).unwrap();
        assert_ne!(bytes, b"kept");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{format}");
        }
    }
    workbook(&std::fs::read(dir.path().join("r.xlsx")).unwrap());

    // A folder that does not exist: exit 1, nothing written anywhere.
    let o = ceping(
        dir.path(),
        &[
            "export",
            "m.ceping",
            "--format",
            "xlsx",
            "-o",
            "no/such/r.xlsx",
        ],
    );
    assert_eq!(o.status.code(), Some(1));

    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("m.ceping"))
        .collect();
    names.sort();
    assert_eq!(names, ["r.csv", "r.json", "r.xlsx"]);
}

#[test]
fn the_d_key_exports_beside_the_campaign_file_and_never_overwrites() {
    use ceping::app::{App, ScreenId, Status, export_path};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    ceping::i18n::set_thread_lang(ceping::i18n::Lang::Zh);
    let press = |app: &mut App, c: KeyCode| app.on_key(KeyEvent::new(c, KeyModifiers::NONE));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("大泽湖.ceping");
    let now = chrono::DateTime::parse_from_rfc3339("2022-01-10T09:00:00+08:00").unwrap();
    let mut app = App::new(scripted(&path), now);

    // The grading board: d says it started; the work runs after the frame.
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.screen.id(), ScreenId::Grading);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        app.status,
        Some(Status::Info(
            ceping::catalog::t(ceping::catalog::Msg::Exporting).into()
        ))
    );
    let first = dir.path().join("大泽湖-结果-20220110-090000.xlsx");
    assert_eq!(export_path(&path, now, 1), first);
    assert!(!first.exists(), "nothing is written before the frame");
    assert!(app.run_deferred());
    assert!(!app.run_deferred(), "it runs once");
    match &app.status {
        Some(Status::Info(s)) => assert!(s.contains(&first.display().to_string()), "{s}"),
        other => panic!("{other:?}"),
    }
    let bytes = std::fs::read(&first).unwrap();
    let book = workbook(&bytes);
    assert_eq!(
        from_xlsx(&bytes, &app.session.model),
        from_model(&app.session.model)
    );
    assert!(book.sheet_names().contains(&"评定等次-单位".to_string()));

    // The same second again, from 南塘村's closed annual review (close
    // step): a second file, the first untouched.
    press(&mut app, KeyCode::Esc);
    let meeting = MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    };
    rec(
        &mut app.session,
        Event::AgendaMoved {
            meeting: meeting.clone(),
            step: AgendaStep::Close,
        },
    );
    assert_eq!(app.home_selected, 0);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen.id(), ScreenId::Agenda(meeting));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.run_deferred());
    let second = dir.path().join("大泽湖-结果-20220110-090000-2.xlsx");
    assert!(second.exists(), "{:?}", app.status);
    assert_eq!(std::fs::read(&first).unwrap(), bytes);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&second).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // When the file cannot be written, the error is on the status line
    // (here the private temporary file's name is taken by a folder).
    let third = export_path(&path, now, 3);
    let tmp = dir.path().join(format!(
        ".{}.{}.tmp",
        third.file_name().unwrap().to_string_lossy(),
        std::process::id()
    ));
    std::fs::create_dir(&tmp).unwrap();
    press(&mut app, KeyCode::Char('d'));
    assert!(app.run_deferred());
    match &app.status {
        Some(Status::Error(s)) => assert!(s.starts_with("导出失败"), "{s}"),
        other => panic!("{other:?}"),
    }
    assert!(!third.exists());
}
