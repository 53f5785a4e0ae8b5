//! The scripted meeting the export tests run on, and how they call the
//! real binary.

use std::path::Path;

use ceping::domain::grading::{Rectification, RectificationStatus, Target};
use ceping::domain::*;
use ceping::store::{Session, Store};

// ------------------------------------------------------------ fixtures

pub use crate::support::bin::ceping;
use crate::support::meeting::{self, key_ballots_with, sheet_40};
pub use crate::support::meeting::{close, issue, key, rec};

pub fn export(dir: &Path, file: &str, format: &str, out: &str) -> Vec<u8> {
    let o = ceping(dir, &["export", file, "--format", format, "-o", out]);
    assert!(
        o.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read(dir.join(out)).unwrap()
}

/// Open round 1 of `meeting` in `unit` with its roll call and the ballots
/// issued and returned.
pub fn open(s: &mut Session, unit: &str, meeting: MeetingKind, numbers: [u32; 4]) -> RoundKey {
    let round = key(unit, meeting, 1);
    meeting::open(s, &round, numbers);
    round
}

/// A varied but fixed ballot: mostly the top grades, some lower ones, an
/// abstention or a void mark now and then; ballot 5 blank, 10 invalid.
pub fn ballot(i: u32, lines: usize) -> BallotContent {
    match i {
        5 => return BallotContent::Blank,
        10 => return BallotContent::Invalid,
        _ => {}
    }
    BallotContent::Marks(
        (0..lines as u32)
            .map(|j| match (i * 7 + j * 3) % 11 {
                0..=5 => Mark::Grade(0),
                6 | 7 => Mark::Grade(1),
                8 => Mark::Grade(2),
                9 => Mark::Grade(3),
                _ if j % 2 == 0 => Mark::Abstain,
                _ => Mark::Void,
            })
            .collect(),
    )
}

pub fn key_ballots(s: &mut Session, round: &RoundKey, n: u32) {
    key_ballots_with(s, round, n, ballot);
}

/// The demo after a morning of meetings:
/// - 南塘村's annual review: 26 ballots keyed, one withdrawn, closed;
/// - 南塘村's Party-building review: round 1 void (16 returned of 15),
///   round 2 keyed and open;
/// - 回龙村's annual review: open, 12 of 28 keyed;
/// - 西塘村's annual review: counted from an agreed tally sheet, closed;
/// - grades, an investigation, combined evaluations and a rectification.
pub fn scripted(path: &Path) -> Session {
    let mut s = Store::create(path, &ceping::campaign_toml::demo()).unwrap();
    let annual = MeetingKind::AnnualReview;
    let party = MeetingKind::PartyBuildingReview;

    let r = open(&mut s, "南塘村", annual, [30, 25, 25, 25]);
    key_ballots(&mut s, &r, 26);
    rec(
        &mut s,
        Event::BallotWithdrawn {
            round: r.clone(),
            number: 3,
        },
    );
    close(&mut s, &r);

    let r = open(&mut s, "南塘村", party, [20, 15, 15, 16]);
    rec(&mut s, Event::RoundVoided { round: r.clone() });
    let r2 = key(&r.unit, party, 2);
    issue(&mut s, &r2, 15, 15);
    key_ballots(&mut s, &r2, 15);

    let r = open(&mut s, "回龙村", annual, [40, 30, 30, 28]);
    key_ballots(&mut s, &r, 12);

    let r = open(&mut s, "西塘村", annual, [50, 40, 40, 40]);
    let sheet = sheet_40(s.model.rounds[&r].lines.len());
    for pass in [1, 2] {
        rec(
            &mut s,
            Event::TallySheetEntered {
                round: r.clone(),
                pass,
                sheet: sheet.clone(),
                keyer: None,
            },
        );
    }
    close(&mut s, &r);

    let person = |unit: &str, name: &str| Target::Person {
        unit: unit.into(),
        name: name.into(),
    };
    for e in [
        Event::CombinedEvaluationSet {
            unit: "南塘村".into(),
            secretary: "龚晓峰".into(),
            level: 0,
        },
        Event::GradeAssigned {
            target: person("南塘村", "龚晓峰"),
            grade: Some(0),
            justification: None,
        },
        Event::GradeAssigned {
            target: Target::Unit {
                unit: "南塘村".into(),
            },
            grade: Some(0),
            justification: None,
        },
        Event::InvestigationRecorded {
            unit: "回龙村".into(),
            secretary: "汤建华".into(),
            level: 2,
            note: "走访群众，反映村务公开不及时".into(),
        },
        Event::CombinedEvaluationSet {
            unit: "回龙村".into(),
            secretary: "汤建华".into(),
            level: 2,
        },
        Event::RectificationSet {
            unit: "回龙村".into(),
            secretary: "汤建华".into(),
            entry: Rectification {
                problems: "村务公开不及时".into(),
                measures: "每月公开一次，逐项对账".into(),
                deadline: "2022-03-31".into(),
                responsible: "汤建华".into(),
                status: RectificationStatus::InProgress,
            },
        },
    ] {
        rec(&mut s, e);
    }
    s
}
