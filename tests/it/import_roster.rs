//! Roster import (issue 5): UTF-8, UTF-8 with BOM, GBK, GB18030 and xlsx
//! rosters import as one logged event; malformed rosters are refused with
//! the exact row errors and import nothing. All names are invented.

#[path = "support/mod.rs"]
mod support;

use support::app;

use std::path::{Path, PathBuf};

use ceping::app::Status;
use ceping::domain::{MeetingKind, ReportMode, Role, Subject};
use ceping::i18n::Lang;
use ceping::import::{Column, ImportError, RowErrorKind as K, import, import_roster};
use ceping::store::{Session, Store, verify};
use support::bin::{ceping_args as ceping, text};

const HEADER: &str = "单位,姓名,职务,述职方式";

/// A good roster for two units; `柏　云` is padded with U+3000.
const GOOD: &[&str] = &[
    HEADER,
    "南塘村,石晓岚,党组织书记,口头",
    "南塘村,陶立群,两委成员,书面",
    "南塘村,柏　云,两委成员,",
    "南塘村, 欧阳 晨曦 ,两委成员,",
    "南塘村,韦建明,工作队队长,",
    "南塘村,冉秀,工作队队员,",
    "回龙村,卜家豪,党组织书记,",
    "回龙村,薛宁,两委成员,",
    "回龙村,屈红霞,两委成员,口头",
    "回龙村,凌志,驻村工作队队长,",
];

fn demo(dir: &tempfile::TempDir) -> (PathBuf, Session) {
    let path = dir.path().join("street.ceping");
    let session = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
    (path, session)
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn csv(rows: &[&str]) -> String {
    rows.join("\r\n") + "\r\n"
}

fn s(name: &str, role: Role, report: ReportMode) -> Subject {
    Subject {
        name: name.into(),
        role,
        report,
    }
}

fn nantang() -> Vec<Subject> {
    use ReportMode::*;
    use Role::*;
    vec![
        s("石晓岚", PartySecretary, Oral),
        s("陶立群", CommitteeMember, Written),
        s("柏云", CommitteeMember, Written),
        s("欧阳晨曦", CommitteeMember, Written),
        s("韦建明", WorkTeamLeader, Oral),
        s("冉秀", WorkTeamMember, Written),
    ]
}

fn huilong() -> Vec<Subject> {
    use ReportMode::*;
    use Role::*;
    vec![
        s("卜家豪", PartySecretary, Oral),
        s("薛宁", CommitteeMember, Written),
        s("屈红霞", CommitteeMember, Oral),
        s("凌志", WorkTeamLeader, Oral),
    ]
}

fn subjects(session: &Session, unit: &str) -> Vec<Subject> {
    session.model.campaign.unit(unit).unwrap().subjects.clone()
}

/// The stored `roster_imported` events' bodies.
fn roster_events(session: &Session) -> Vec<serde_json::Value> {
    session
        .store
        .read_after(0)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "roster_imported")
        .map(|e| serde_json::from_str(&e.body).unwrap())
        .collect()
}

/// Import the good roster written as `bytes`; check the model, the log
/// and verification; return the report sentence.
fn imports_good(name: &str, bytes: &[u8], encoding: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut session) = demo(&dir);
    let xitang = subjects(&session, "西塘村");
    let report = import_roster(&mut session, &write(&dir, name, bytes)).unwrap();
    assert_eq!(subjects(&session, "南塘村"), nantang());
    assert_eq!(subjects(&session, "回龙村"), huilong());
    assert_eq!(
        subjects(&session, "西塘村"),
        xitang,
        "units not listed keep their people"
    );
    let events = roster_events(&session);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["source"], name);
    assert_eq!(events[0]["encoding"], encoding);
    assert_eq!(events[0]["units"][0]["unit"], "南塘村");
    // The ballot follows the roster's order.
    let lines = session
        .model
        .ballot_lines("南塘村", MeetingKind::AnnualReview)
        .unwrap();
    let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["石晓岚", "陶立群", "柏云", "欧阳晨曦", "韦建明"]);
    drop(session);
    let checked = verify::verify(&path).unwrap();
    assert!(
        checked.summary().contains("2 条记录"),
        "{}",
        checked.summary()
    );
    // Reopening folds the import from the log.
    let reopened = Store::open(&path).unwrap();
    assert_eq!(subjects(&reopened, "南塘村"), nantang());
    report
}

#[test]
fn utf8_roster() {
    let report = imports_good("名单.csv", csv(GOOD).as_bytes(), "UTF-8");
    assert!(report.contains("已导入 2 个单位 10 人"), "{report}");
    assert!(report.contains("已按 UTF-8 编码读取"), "{report}");
    assert!(report.contains("南塘村 6 人、回龙村 4 人"), "{report}");
}

#[test]
fn utf8_roster_with_bom() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), csv(GOOD).as_bytes()].concat();
    let report = imports_good("bom.csv", &bytes, "UTF-8 BOM");
    assert!(report.contains("UTF-8 BOM"), "{report}");
}

#[test]
fn gbk_roster() {
    let text = csv(GOOD);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let report = imports_good("gbk.csv", &bytes, "GBK");
    assert!(report.contains("已按 GBK 编码读取"), "{report}");
}

#[test]
fn gb18030_roster_with_a_character_outside_gbk() {
    let text = csv(GOOD).replace("屈红霞", "𠀀红霞");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let (_, _, outside_gbk) = encoding_rs::GBK.encode(&text);
    assert!(outside_gbk, "𠀀 needs GB18030's four-byte form");
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo(&dir);
    let report = import_roster(&mut session, &write(&dir, "gb.csv", &bytes)).unwrap();
    assert!(report.contains("已按 GB18030 编码读取"), "{report}");
    let mut expected = huilong();
    expected[2].name = "𠀀红霞".into();
    assert_eq!(subjects(&session, "回龙村"), expected);
    assert_eq!(roster_events(&session)[0]["encoding"], "GB18030");
}

#[test]
fn tab_separated_utf16_text_from_excel() {
    // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
    let text = csv(GOOD).replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    imports_good("unicode.txt", &bytes, "UTF-16");
}

#[test]
fn xlsx_roster_with_columns_in_any_order_and_extra_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("花名册").unwrap();
    // Columns shuffled, 序号 and 备注 extra, the header on row 1.
    let header = ["序号", "职务", "姓名", "备注", "单位", "述职方式"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, line) in GOOD[1..].iter().enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let row = r as u32 + 1;
        ws.write_number(row, 0, row as f64).unwrap();
        ws.write_string(row, 1, f[2]).unwrap();
        ws.write_string(row, 2, f[1]).unwrap();
        ws.write_string(row, 3, "（无）").unwrap();
        ws.write_string(row, 4, f[0]).unwrap();
        if !f[3].is_empty() {
            ws.write_string(row, 5, f[3]).unwrap();
        }
    }
    book.save(&path).unwrap();
    let (_, mut session) = demo(&dir);
    let report = import_roster(&mut session, &path).unwrap();
    assert!(report.contains("工作表“花名册”"), "{report}");
    assert!(report.contains("已忽略的列：序号、备注"), "{report}");
    assert_eq!(subjects(&session, "南塘村"), nantang());
    assert_eq!(subjects(&session, "回龙村"), huilong());
    assert_eq!(roster_events(&session)[0]["encoding"], "xlsx");
}

#[test]
fn padded_names_are_normalised_and_the_report_column_is_optional() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo(&dir);
    let roster = csv(&[
        "姓名,职务,单位",
        "\u{3000}柏\u{3000}云\u{3000},党组织书记, 南塘村 ",
        "管 丽,两委成员,南塘村",
        "  Ame\u{301}lie  Wu ,工作队队长,南塘村",
    ]);
    import(&mut session, &write(&dir, "pad.csv", roster.as_bytes())).unwrap();
    use ReportMode::*;
    use Role::*;
    assert_eq!(
        subjects(&session, "南塘村"),
        vec![
            s("柏云", PartySecretary, Oral),
            s("管丽", CommitteeMember, Written),
            s("Am\u{E9}lie Wu", WorkTeamLeader, Oral),
        ]
    );
}

/// Import `rows` as a UTF-8 CSV into a fresh demo file; it must be refused
/// with row errors and change nothing. Returns the errors.
fn refused(rows: &[&str]) -> Vec<(usize, K)> {
    refused_in(&tempfile::tempdir().unwrap(), |_| {}, csv(rows).as_bytes())
}

fn refused_in(
    dir: &tempfile::TempDir,
    prepare: impl FnOnce(&mut Session),
    bytes: &[u8],
) -> Vec<(usize, K)> {
    let (_, mut session) = demo(dir);
    prepare(&mut session);
    let before = (session.store.last_seq(), session.model.clone());
    let err = import(&mut session, &write(dir, "bad.csv", bytes)).unwrap_err();
    assert_eq!((session.store.last_seq(), session.model.clone()), before);
    assert!(roster_events(&session).is_empty(), "nothing imported");
    let text = err.to_string();
    assert!(text.contains("没有导入任何内容"), "{text}");
    err.rows().iter().map(|e| (e.row, e.kind.clone())).collect()
}

const SECRETARY: &str = "南塘村,石晓岚,党组织书记,";
const MEMBER: &str = "南塘村,陶立群,两委成员,";

fn nt(s: &str) -> String {
    s.to_string()
}

fn missing(column: Column) -> K {
    K::MissingColumn { column }
}

#[test]
fn unknown_unit() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘,冉秀,两委成员,"]),
        vec![(
            4,
            K::UnknownUnit {
                value: nt("南塘")
            }
        )]
    );
}

#[test]
fn unknown_role() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,村长,"]),
        vec![(
            4,
            K::UnknownRole {
                value: nt("村长")
            }
        )]
    );
}

#[test]
fn duplicate_person_even_when_padded() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,陶 立群,工作队队员,"]),
        vec![(
            4,
            K::DuplicatePerson {
                unit: nt("南塘村"),
                name: nt("陶立群"),
                first_row: 3
            }
        )]
    );
}

#[test]
fn empty_name() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,\u{3000},两委成员,"]),
        vec![(4, K::EmptyName)]
    );
}

#[test]
fn hidden_characters_blank_and_overlong_names() {
    use ceping::domain::names::NameProblem as P;
    let bad = |column, problem| K::BadName { column, problem };
    let long = "王".repeat(31);
    let rows = [
        HEADER.to_string(),
        SECRETARY.to_string(),
        MEMBER.to_string(),
        "南塘村,\"冉\u{7}秀\",两委成员,".to_string(),
        "南塘村,\"薛\u{0}宁\",两委成员,".to_string(),
        "南塘村,\"屈\t红霞\",两委成员,".to_string(),
        "\"南塘\u{202E}村\",凌志,两委成员,".to_string(),
        "南塘村,\"\u{200D}\",两委成员,".to_string(),
        format!("南塘村,{long},两委成员,"),
        // Trailing white space of a cell (a tab, a line break) is trimmed.
        "南塘村,\"韦建明\t\n\",工作队队长,".to_string(),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    assert_eq!(
        refused(&rows),
        vec![
            (4, bad(Column::Name, P::Control { ch: '\u{7}' })),
            (5, bad(Column::Name, P::Control { ch: '\u{0}' })),
            (6, bad(Column::Name, P::Control { ch: '\t' })),
            (7, bad(Column::Unit, P::Control { ch: '\u{202E}' })),
            (8, bad(Column::Name, P::Invisible)),
            (9, bad(Column::Name, P::TooLong { chars: 31 })),
        ]
    );
}

#[test]
fn duplicates_compare_nfc_and_spaces() {
    assert_eq!(
        refused(&[
            HEADER,
            SECRETARY,
            "南塘村,Ame\u{301}lie,两委成员,",
            "南塘村,Am\u{E9}lie,两委成员,",
            "南塘村,Li Lei,两委成员,",
            "南塘村,Li\u{3000}\u{3000}Lei,两委成员,",
        ]),
        vec![
            (
                4,
                K::DuplicatePerson {
                    unit: nt("南塘村"),
                    name: nt("Am\u{E9}lie"),
                    first_row: 3
                }
            ),
            (
                6,
                K::DuplicatePerson {
                    unit: nt("南塘村"),
                    name: nt("Li Lei"),
                    first_row: 5
                }
            ),
        ]
    );
}

#[test]
fn unknown_report_mode() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,两委成员,口述"]),
        vec![(
            4,
            K::UnknownReport {
                value: nt("口述")
            }
        )]
    );
}

#[test]
fn two_secretaries_in_one_unit() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,党组织书记,"]),
        vec![(
            4,
            K::TwoSecretaries {
                unit: nt("南塘村"),
                first_row: 2
            }
        )]
    );
}

#[test]
fn a_unit_whose_meeting_started() {
    let dir = tempfile::tempdir().unwrap();
    let start = |session: &mut Session| {
        let lines = session
            .model
            .ballot_lines("回龙村", MeetingKind::AnnualReview)
            .unwrap();
        let round = ceping::domain::RoundKey {
            unit: "回龙村".into(),
            meeting: MeetingKind::AnnualReview,
            round: 1,
        };
        session
            .record(ceping::domain::Event::RoundOpened { round, lines })
            .unwrap();
    };
    let rows = csv(&[
        HEADER,
        SECRETARY,
        MEMBER,
        "回龙村,卜家豪,党组织书记,",
        "回龙村,薛宁,两委成员,",
    ]);
    assert_eq!(
        refused_in(&dir, start, rows.as_bytes()),
        vec![(
            4,
            K::UnitStarted {
                unit: nt("回龙村")
            }
        )]
    );
}

#[test]
fn missing_column() {
    assert_eq!(
        refused(&["单位,姓名,述职方式", "南塘村,石晓岚,口头"]),
        vec![(1, missing(Column::Role))]
    );
}

#[test]
fn a_title_row_instead_of_the_header() {
    assert_eq!(
        refused(&["南塘村2021年度考核名单", HEADER, SECRETARY]),
        vec![
            (1, missing(Column::Unit)),
            (1, missing(Column::Name)),
            (1, missing(Column::Role)),
        ]
    );
}

#[test]
fn duplicate_column() {
    assert_eq!(
        refused(&["单位,姓名,职务,姓名", "南塘村,石晓岚,党组织书记,石晓岚"]),
        vec![(
            1,
            K::DuplicateColumn {
                column: Column::Name,
                first: 2,
                again: 4
            }
        )]
    );
}

#[test]
fn header_without_people_and_an_empty_file() {
    assert_eq!(refused(&[HEADER]), vec![(2, K::NoPeople)]);
    assert_eq!(refused(&[]), vec![(1, K::NoHeader)]);
}

#[test]
fn unclosed_quote() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, "南塘村,\"陶立群,两委成员,", MEMBER]),
        vec![(3, K::UnclosedQuote)]
    );
}

#[test]
fn no_secretary_for_the_party_building_review() {
    assert_eq!(
        refused(&[HEADER, MEMBER, "南塘村,冉秀,工作队队长,"]),
        vec![(
            2,
            K::NoSecretary {
                unit: nt("南塘村")
            }
        )]
    );
}

#[test]
fn nobody_on_the_annual_ballot() {
    assert_eq!(
        refused(&[HEADER, "南塘村,冉秀,工作队队员,"]),
        vec![
            (
                2,
                K::NobodyOnBallot {
                    unit: nt("南塘村")
                }
            ),
            (
                2,
                K::NoSecretary {
                    unit: nt("南塘村")
                }
            ),
        ]
    );
}

#[test]
fn every_problem_of_every_row_in_row_order() {
    // Row 4 is blank (skipped but counted, as a spreadsheet numbers it).
    assert_eq!(
        refused(&[
            HEADER,
            SECRETARY,
            ",冉秀,,",
            ",,,",
            "回龙村,卜家豪,书记,口头",
            MEMBER,
            "东马社区,,两委成员,笔头",
        ]),
        vec![
            (3, K::EmptyUnit),
            (3, K::EmptyRole),
            (
                5,
                K::UnknownRole {
                    value: nt("书记")
                }
            ),
            (7, K::EmptyName),
            (
                7,
                K::UnknownReport {
                    value: nt("笔头")
                }
            ),
        ]
    );
}

#[test]
fn gbk_errors_keep_their_row_numbers() {
    let text = csv(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,村长,"]);
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        refused_in(&dir, |_| {}, &bytes),
        vec![(
            4,
            K::UnknownRole {
                value: nt("村长")
            }
        )]
    );
}

#[test]
fn unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo(&dir);
    let seq = session.store.last_seq();
    let not_text = write(&dir, "x.csv", b"\xFF\xFE\xFF\x81\xFF\x00\x81");
    // A UTF-16 BOM followed by an odd number of bytes: not text either.
    let err = import(&mut session, &not_text).unwrap_err();
    assert!(matches!(err, ImportError::NotText { .. }), "{err:?}");
    let err = import(&mut session, &write(&dir, "y.csv", b"\x81\xFF,a\n")).unwrap_err();
    assert!(matches!(err, ImportError::NotText { .. }), "{err:?}");
    let err = import(&mut session, &write(&dir, "z.docx", b"PK")).unwrap_err();
    assert!(matches!(err, ImportError::Unsupported { .. }), "{err:?}");
    let err = import(&mut session, &dir.path().join("missing.csv")).unwrap_err();
    assert!(matches!(err, ImportError::Io { .. }), "{err:?}");
    let err = import(&mut session, &write(&dir, "w.csv", b"PK\x03\x04....")).unwrap_err();
    assert!(
        matches!(err, ImportError::WorkbookNamedCsv { .. }),
        "{err:?}"
    );
    assert_eq!(session.store.last_seq(), seq);
}

#[test]
fn the_binary_refuses_a_bad_roster_and_imports_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, session) = demo(&dir);
    drop(session);
    let bad = write(
        &dir,
        "bad.csv",
        csv(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,村长,"]).as_bytes(),
    );
    let out = ceping(&[&"import", &path, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("名单 bad.csv 有 1 处错误，没有导入任何内容")
            && err.contains("第 4 行：不认识的职务“村长”"),
        "{err}"
    );
    let out = ceping(&[&"--lang", &"en", &"import", &path, &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("row 4: unknown role \"村长\""),
        "{}",
        text(&out.stderr)
    );

    let good_text = csv(GOOD);
    let (gbk, _, _) = encoding_rs::GBK.encode(&good_text);
    let good = write(&dir, "good.csv", &gbk);
    let out = ceping(&[&"import", &path, &good]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("已导入 2 个单位 10 人") && said.contains("GBK"),
        "{said}"
    );
    let out = ceping(&[&"verify", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let reopened = Store::open(&path).unwrap();
    assert_eq!(subjects(&reopened, "南塘村"), nantang());
    assert_eq!(roster_events(&reopened).len(), 1);
}

fn typed(path: &Path) -> String {
    format!("i \"{}\" <Enter>", path.display())
}

#[test]
fn the_street_board_imports_with_i() {
    let guard = app::lock(Lang::Zh);
    let (dir, mut app) = app::demo_app();
    let bad = write(
        &dir,
        "bad.csv",
        csv(&[
            HEADER,
            SECRETARY,
            "南塘村,冉秀,村长,",
            "南塘,薛宁,两委成员,",
        ])
        .as_bytes(),
    );
    // The prompt and the footer's key, drawn without broken wide cells.
    app::press(&mut app, "i \"名单.csv\"");
    let shown = app::screen(&app::render(&app, 100, 30));
    assert!(
        shown.contains("导入名单（.csv 或 .xlsx）的文件路径： 名单.csv"),
        "{shown}"
    );
    app::press(&mut app, "<Esc>");
    let shown = app::screen(&app::render(&app, 100, 30));
    assert!(shown.contains("i  导入名单"), "{shown}");

    app::press(&mut app, &typed(&bad));
    app::render(&app, 100, 30);
    match &app.status {
        Some(Status::Error(e)) => assert!(
            e.contains("共 2 处错误") && e.contains("第 3 行：不认识的职务“村长”"),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(app.prompt.is_none());

    // A path that does not exist keeps the prompt open to fix it.
    app::press(&mut app, &typed(&dir.path().join("nope.csv")));
    assert!(app.prompt.is_some());
    assert!(matches!(&app.status, Some(Status::Error(e)) if e.contains("nope.csv")));
    app::press(&mut app, "<Esc>");

    let good = write(&dir, "good.csv", csv(GOOD).as_bytes());
    app::press(&mut app, &typed(&good));
    match &app.status {
        Some(Status::Info(s)) => assert!(s.contains("已导入 2 个单位 10 人"), "{s}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(subjects(&app.session, "南塘村"), nantang());
    drop(guard);
}
