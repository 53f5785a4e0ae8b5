//! The scripted meetings of the merge tests: each of the demo's four units
//! holds its meetings on its own laptop (or all in one file), through
//! `Session::record`, as the meeting screen would record them. Between them
//! they use every kind of meeting event: agenda moves, speech timers,
//! comments, written reports, ballots with corrections, withdrawals and a
//! restore, a tally sheet keyed twice and resolved, a void round re-run, a
//! round closed, reopened and closed again, and a round left open.

use std::path::{Path, PathBuf};

use ceping::campaign_toml;
use ceping::domain::*;
use ceping::store::{Session, Store};
use chrono::Duration;

pub const UNITS: [&str; 4] = ["南塘村", "回龙村", "西塘村", "东马社区"];

use crate::support::meeting::{close, key_ballots_with, open_round};
pub use crate::support::meeting::{key, rec};

/// How a unit's meeting goes in the script.
#[derive(Clone, Copy, PartialEq)]
enum Plan {
    /// Ballot by ballot, with a correction, a withdrawal, blank and invalid.
    Ballots,
    /// The counter's tally sheet keyed twice, one difference resolved.
    Sheet,
    /// More returned than issued: voided and re-run, closed, reopened with
    /// a reason, corrected and closed again.
    VoidRerun,
    /// Still open: a withdrawal restored, not closed.
    LeftOpen,
}

fn plan(unit: &str) -> Plan {
    match unit {
        "南塘村" => Plan::Ballots,
        "回龙村" => Plan::Sheet,
        "西塘村" => Plan::VoidRerun,
        _ => Plan::LeftOpen,
    }
}

fn ballot(i: u32, lines: usize) -> BallotContent {
    match i % 9 {
        3 => BallotContent::Blank,
        7 => BallotContent::Invalid,
        _ => BallotContent::Marks(
            (0..lines)
                .map(|j| match (i as usize + j) % 11 {
                    5 => Mark::Abstain,
                    9 => Mark::Void,
                    g => Mark::Grade((g % 4) as u8),
                })
                .collect(),
        ),
    }
}

/// One meeting of `unit`, its agenda walked through, counted by `plan`.
fn meeting(s: &mut Session, unit: &str, kind: MeetingKind, plan: Plan) {
    let mk = MeetingKey {
        unit: unit.into(),
        meeting: kind,
    };
    let round = key(unit, kind, 1);
    open_round(s, &round);
    let n = s.model.rounds[&round].lines.len();
    let at0 = crate::support::t0();
    let issued = 13;
    for (i, step) in s.model.agenda(&mk).into_iter().enumerate() {
        rec(
            s,
            Event::AgendaMoved {
                meeting: mk.clone(),
                step: step.clone(),
            },
        );
        let at = at0 + Duration::minutes(15 * i as i64);
        match step {
            AgendaStep::RollCall => rec(
                s,
                Event::RollCall {
                    round: round.clone(),
                    expected: 15,
                    present: 13,
                },
            ),
            AgendaStep::OralReport { subject } => {
                for (action, min) in [
                    (TimerAction::Start, 0),
                    (TimerAction::Pause, 3),
                    (TimerAction::Resume, 4),
                    (TimerAction::Stop, 9),
                ] {
                    rec(
                        s,
                        Event::SpeechTimer {
                            meeting: mk.clone(),
                            subject: subject.clone(),
                            action,
                            at: at + Duration::minutes(min),
                        },
                    );
                }
                if kind == MeetingKind::PartyBuildingReview {
                    rec(
                        s,
                        Event::CommentRecorded {
                            meeting: mk.clone(),
                            subject,
                            text: "抓党建工作思路清晰".into(),
                        },
                    );
                }
            }
            AgendaStep::WrittenReports => {
                let writers: Vec<String> = s.model.campaign.unit(unit).unwrap().subjects[..]
                    .iter()
                    .filter(|p| kind.evaluates(p.role) && p.report == ReportMode::Written)
                    .map(|p| p.name.clone())
                    .collect();
                for (i, subject) in writers.into_iter().enumerate() {
                    for received in [true, i != 1, true] {
                        rec(
                            s,
                            Event::WrittenReportMarked {
                                meeting: mk.clone(),
                                subject: subject.clone(),
                                received,
                            },
                        );
                    }
                }
            }
            AgendaStep::IssueBallots => rec(
                s,
                Event::BallotsIssued {
                    round: round.clone(),
                    count: issued,
                },
            ),
            AgendaStep::CollectBallots => {
                let count = if plan == Plan::VoidRerun { 14 } else { 13 };
                rec(
                    s,
                    Event::BallotsReturned {
                        round: round.clone(),
                        count,
                    },
                );
                if plan == Plan::VoidRerun {
                    rec(
                        s,
                        Event::RoundVoided {
                            round: round.clone(),
                        },
                    );
                    let again = key(unit, kind, 2);
                    rec(
                        s,
                        Event::BallotsIssued {
                            round: again.clone(),
                            count: 13,
                        },
                    );
                    rec(
                        s,
                        Event::BallotsReturned {
                            round: again,
                            count: 13,
                        },
                    );
                }
            }
            AgendaStep::Counting => count(s, unit, kind, plan, n),
            AgendaStep::Close if plan != Plan::LeftOpen => {
                let last = if plan == Plan::VoidRerun { 2 } else { 1 };
                let last = key(unit, kind, last);
                close(s, &last);
                if plan == Plan::VoidRerun {
                    let reason = "计票人发现第 2 号选票录错".to_string();
                    rec(
                        s,
                        Event::RoundReopened {
                            round: last.clone(),
                            reason,
                            at: None,
                        },
                    );
                    let content = BallotContent::all(1, n);
                    rec(
                        s,
                        Event::BallotCorrected {
                            round: last.clone(),
                            number: 2,
                            content,
                        },
                    );
                    close(s, &last);
                }
            }
            _ => {}
        }
    }
}

fn count(s: &mut Session, unit: &str, kind: MeetingKind, plan: Plan, n: usize) {
    match plan {
        Plan::Sheet => {
            let round = key(unit, kind, 1);
            let mut a = TallySheet::empty(n, 4);
            for row in &mut a.rows {
                *row = vec![7, 3, 1, 0, 1, 0];
            }
            a.invalid = 1;
            a.blank = 1;
            let mut b = a.clone();
            b.set(SheetCell::Count(0, 0), 6);
            b.set(SheetCell::Count(0, 1), 4);
            for (pass, sheet) in [(1, a.clone()), (2, b)] {
                rec(
                    s,
                    Event::TallySheetEntered {
                        round: round.clone(),
                        pass,
                        sheet,
                        keyer: None,
                    },
                );
            }
            rec(
                s,
                Event::TallySheetResolved {
                    round,
                    sheet: a,
                    basis: Default::default(),
                },
            );
        }
        Plan::VoidRerun => key_ballots_with(s, &key(unit, kind, 2), 13, ballot),
        Plan::Ballots | Plan::LeftOpen => {
            let round = key(unit, kind, 1);
            key_ballots_with(s, &round, 14, ballot);
            let content = BallotContent::all(0, n);
            rec(
                s,
                Event::BallotCorrected {
                    round: round.clone(),
                    number: 2,
                    content,
                },
            );
            rec(
                s,
                Event::BallotWithdrawn {
                    round: round.clone(),
                    number: 4,
                },
            );
            if plan == Plan::LeftOpen {
                rec(
                    s,
                    Event::BallotWithdrawn {
                        round: round.clone(),
                        number: 6,
                    },
                );
                rec(s, Event::BallotRestored { round, number: 6 });
            }
        }
    }
}

/// Everything `unit` does: the annual review, and for two units the
/// Party-building review as well.
pub fn script(s: &mut Session, unit: &str) {
    meeting(s, unit, MeetingKind::AnnualReview, plan(unit));
    if matches!(unit, "南塘村" | "西塘村") {
        meeting(s, unit, MeetingKind::PartyBuildingReview, Plan::Ballots);
    }
}

/// A laptop's file: the demo campaign and `unit`'s meetings.
pub fn laptop(dir: &Path, name: &str, unit: &str) -> PathBuf {
    let path = dir.join(name);
    let mut s = Store::create(&path, &campaign_toml::demo()).unwrap();
    script(&mut s, unit);
    path
}

pub fn four_laptops(dir: &Path) -> Vec<PathBuf> {
    UNITS
        .iter()
        .map(|u| laptop(dir, &format!("{u}.ceping"), u))
        .collect()
}
