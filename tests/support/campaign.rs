//! A small campaign with invented names, and ballots keyed straight into
//! its annual review.
#![allow(dead_code)]

use ceping::domain::*;

/// One village with a secretary, three committee members and a work-team
/// leader; both meetings. All names invented.
pub fn small_campaign() -> Campaign {
    let subject = |name: &str, role: Role, report: ReportMode| Subject {
        name: name.into(),
        role,
        report,
        title: None,
    };
    Campaign {
        title: "测试街道2021年度考核".into(),
        year: 2021,
        meetings: MeetingKind::ALL
            .into_iter()
            .map(|kind| MeetingDef {
                kind,
                scale: kind.default_scale(),
                speaker_minutes: 10,
            })
            .collect(),
        rules: Rules::default(),
        units: vec![Unit {
            name: "南塘村".into(),
            kind: UnitKind::Village,
            work_group: WorkGroup {
                lead: "岳青山".into(),
                liaison: "蒋小雨".into(),
                members: vec!["符明".into()],
            },
            subjects: vec![
                subject("柏云飞", Role::PartySecretary, ReportMode::Oral),
                subject("管丽", Role::CommitteeMember, ReportMode::Written),
                subject("滕志远", Role::CommitteeMember, ReportMode::Written),
                subject("祁燕", Role::CommitteeMember, ReportMode::Written),
                subject("韦建国", Role::WorkTeamLeader, ReportMode::Oral),
            ],
            meetings: MeetingKind::ALL.to_vec(),
        }],
    }
}

/// A new campaign file of the [`small_campaign`] at `path`, its annual
/// review opened and `ballots` ballots recorded (see [`run_ballots`]).
pub fn small_file(path: &std::path::Path, ballots: u32) -> ceping::store::Session {
    let mut session = ceping::store::Store::create(path, &small_campaign()).unwrap();
    run_ballots(&mut session, ballots);
    session
}

/// A new file `street.ceping` of the demo campaign in `dir`, opened.
pub fn demo_file(dir: &std::path::Path) -> (std::path::PathBuf, ceping::store::Session) {
    let path = dir.join("street.ceping");
    let session = ceping::store::Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
    (path, session)
}

/// Round 1 of `unit`'s annual review.
pub fn annual_round(unit: &str) -> RoundKey {
    super::meeting::key(unit, MeetingKind::AnnualReview, 1)
}

/// Open round 1 of the annual review (unless it is open) and record `n`
/// more ballots, everyone the same grade, taking turns from 优秀.
pub fn run_ballots(session: &mut ceping::store::Session, n: u32) {
    let key = annual_round("南塘村");
    if !session.model.rounds.contains_key(&key) {
        super::meeting::open_round(session, &key);
    }
    let first = session.model.rounds[&key].ballots.len() as u32 + 1;
    super::meeting::key_ballots_with(session, &key, n, |number, lines| {
        BallotContent::all(((number - first) % 4) as u8, lines)
    });
}

/// The number of people on `unit`'s ballot for `meeting` in the demo.
pub fn demo_lines(unit: &str, meeting: MeetingKind) -> usize {
    ceping::campaign_toml::demo()
        .unit(unit)
        .expect("the unit in the demo")
        .subjects_for(meeting)
        .count()
}

/// Whom a grade is for: a unit, a person of a unit, a unit's work team.
pub fn unit(name: &str) -> grading::Target {
    grading::Target::Unit { unit: name.into() }
}

pub fn person(unit: &str, name: &str) -> grading::Target {
    grading::Target::Person {
        unit: unit.into(),
        name: name.into(),
    }
}

pub fn team(unit: &str) -> grading::Target {
    grading::Target::WorkTeam { unit: unit.into() }
}

/// 南塘村's people in the demo, in ballot (roster) order.
pub const NANTANG: [&str; 7] = [
    "龚晓峰",
    "蒋丽",
    "罗志明",
    "田秀英",
    "万宏",
    "贺文斌",
    "严立新",
];
