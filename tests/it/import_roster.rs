//! Roster import (issue 5): UTF-8, UTF-8 with BOM, GBK, GB18030 and xlsx
//! rosters import as one logged event; malformed rosters are refused with
//! the exact row errors and import nothing. All names are invented.

use crate::support::app;

use std::path::{Path, PathBuf};

use crate::support::bin::{ceping_args as ceping, text};
use crate::support::campaign::demo_file;
use ceping::app::Status;
use ceping::domain::titles::Unplaced;
use ceping::domain::{MeetingKind, ReportMode, Role, Subject};
use ceping::i18n::Lang;
use ceping::import::{Column, ImportError, RowErrorKind as K, import, import_roster};
use ceping::store::{Session, Store, verify};

mod binary_and_tui;
mod encodings;
mod row_errors;
mod whole_file;

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
        title: None,
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
        // A post, not a category word: kept as written.
        Subject {
            title: Some("驻村工作队队长".into()),
            ..s("凌志", WorkTeamLeader, Oral)
        },
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
    let (path, mut session) = demo_file(dir.path());
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
        checked.summary(ceping::i18n::Lang::Zh).contains("2 条记录"),
        "{}",
        checked.summary(ceping::i18n::Lang::Zh)
    );
    // Reopening folds the import from the log.
    let reopened = Store::open(&path).unwrap();
    assert_eq!(subjects(&reopened, "南塘村"), nantang());
    report
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
    let (_, mut session) = demo_file(dir.path());
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
