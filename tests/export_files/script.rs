//! The scripted meeting the export tests run on, and how they call the
//! real binary.

use std::path::Path;
use std::process::{Command, Output};

use ceping::domain::grading::{Rectification, RectificationStatus, Target};
use ceping::domain::*;
use ceping::store::{Session, Store, chain};

// ------------------------------------------------------------ fixtures

pub fn ceping(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ceping"))
        .args(args)
        .current_dir(dir)
        .env_remove("CEPING_LANG")
        .output()
        .unwrap()
}

pub fn export(dir: &Path, file: &str, format: &str, out: &str) -> Vec<u8> {
    let o = ceping(dir, &["export", file, "--format", format, "-o", out]);
    assert!(
        o.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read(dir.join(out)).unwrap()
}

pub fn rec(s: &mut Session, e: Event) {
    if let Err(err) = s.record(e.clone()) {
        panic!("{e:?} refused: {err}");
    }
}

pub fn key(unit: &str, meeting: MeetingKind, round: u32) -> RoundKey {
    RoundKey {
        unit: unit.into(),
        meeting,
        round,
    }
}

/// Open round 1 of `meeting` in `unit` with its roll call and the ballots
/// issued and returned.
pub fn open(s: &mut Session, unit: &str, meeting: MeetingKind, numbers: [u32; 4]) -> RoundKey {
    let round = key(unit, meeting, 1);
    let lines = s.model.ballot_lines(unit, meeting).unwrap();
    rec(
        s,
        Event::RoundOpened {
            round: round.clone(),
            lines,
        },
    );
    let [expected, present, issued, returned] = numbers;
    rec(
        s,
        Event::RollCall {
            round: round.clone(),
            expected,
            present,
        },
    );
    issue(s, &round, issued, returned);
    round
}

pub fn issue(s: &mut Session, round: &RoundKey, issued: u32, returned: u32) {
    rec(
        s,
        Event::BallotsIssued {
            round: round.clone(),
            count: issued,
        },
    );
    rec(
        s,
        Event::BallotsReturned {
            round: round.clone(),
            count: returned,
        },
    );
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
    let lines = s.model.rounds[round].lines.len();
    let first = s.model.rounds[round].ballots.len() as u32 + 1;
    for number in first..first + n {
        rec(
            s,
            Event::BallotRecorded {
                round: round.clone(),
                number,
                content: ballot(number, lines),
            },
        );
    }
}

pub fn close(s: &mut Session, round: &RoundKey) {
    // Whatever the counts warn about is acknowledged first, as at the
    // meeting (the exports then list it).
    let open = s.model.open_warnings(&s.model.rounds[round]);
    if !open.is_empty() {
        rec(
            s,
            Event::WarningsAcknowledged {
                round: round.clone(),
                warnings: open,
            },
        );
    }
    let head = chain::to_hex(&s.store.head());
    rec(
        s,
        Event::RoundClosed {
            round: round.clone(),
            head,
            at: None,
        },
    );
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
    let lines = s.model.rounds[&r].lines.len();
    let sheet = TallySheet {
        rows: (0..lines as u32)
            .map(|i| vec![20 + i, 10, 4, 1 + i % 2, 3 - i % 2, 1])
            .map(|mut row| {
                // Every row sums to 39 ballots (40 returned, 1 invalid).
                let sum: u32 = row.iter().sum();
                row[0] = row[0] + 39 - sum;
                row
            })
            .collect(),
        invalid: 1,
        blank: 2,
    };
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
