//! Shared fixtures: a small campaign with invented names.
#![allow(dead_code)]

use ceping::domain::*;

/// One village with a secretary, three committee members and a work-team
/// leader; both meetings. All names invented.
pub fn small_campaign() -> Campaign {
    let subject = |name: &str, role: Role, report: ReportMode| Subject {
        name: name.into(),
        role,
        report,
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

pub fn annual_round(unit: &str) -> RoundKey {
    RoundKey {
        unit: unit.into(),
        meeting: MeetingKind::AnnualReview,
        round: 1,
    }
}

/// Open round 1 of the annual review and record `n` ballots.
pub fn run_ballots(session: &mut ceping::store::Session, n: u32) {
    let key = annual_round("南塘村");
    if !session.model.rounds.contains_key(&key) {
        let lines = session
            .model
            .ballot_lines("南塘村", MeetingKind::AnnualReview)
            .unwrap();
        session
            .record(Event::RoundOpened {
                round: key.clone(),
                lines,
            })
            .unwrap();
    }
    for i in 0..n {
        let round = &session.model.rounds[&key];
        let number = round.ballots.len() as u32 + 1;
        let content = BallotContent::all((i % 4) as u8, round.lines.len());
        session
            .record(Event::BallotRecorded {
                round: key.clone(),
                number,
                content,
            })
            .unwrap();
    }
}
