//! What an agenda step still needs before the meeting moves on. Blocking
//! needs stop the step; the others are reminders the chair may pass over
//! (a reporter who is absent, a written report not handed in).

use super::meeting::{AgendaStep, MeetingKey};
use super::model::Model;
use super::tally::TallySource;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    RollCall,
    Quorum {
        present: u32,
        expected: u32,
        quorum: super::campaign::Ratio,
    },
    Timer(String),
    Written(usize),
    Issued,
    Returned,
    ReturnedOverIssued {
        returned: u32,
        issued: u32,
    },
    Entered {
        entered: u64,
        returned: u32,
    },
    SheetPass(u8),
    SheetDiff(usize),
    /// 发出 missing at a later step (a re-run round starts without it).
    IssuedFirst,
    /// A counting warning: blocking until acknowledged; at the close step
    /// the acknowledged ones are listed too.
    Warning {
        warning: super::checks::CountWarning,
        acknowledged: bool,
    },
}

impl Need {
    /// Is voiding the round the way on (more returned than issued: the
    /// only round the domain lets be voided, and it must be re-run)?
    pub fn voiding_leads_on(&self) -> bool {
        matches!(self, Need::ReturnedOverIssued { .. })
    }

    /// Does this need stop the step?
    pub fn blocking(&self, step: &AgendaStep) -> bool {
        match self {
            Need::Timer(_) | Need::Written(_) => false,
            Need::Warning { acknowledged, .. } => !acknowledged,
            // At the roll call a missing quorum is a warning (people may
            // still arrive); balloting cannot start without it.
            Need::Quorum { .. } => *step != AgendaStep::RollCall,
            _ => true,
        }
    }
}

/// The needs of `step` in the meeting `key`, in the order to show them.
pub fn needs(model: &Model, key: &MeetingKey, step: &AgendaStep) -> Vec<Need> {
    let Some(round) = model.current_round(&key.unit, key.meeting) else {
        return Vec::new();
    };
    let meeting = model.meeting(key);
    let quorum = |out: &mut Vec<Need>| match (round.expected, round.present) {
        (Some(expected), Some(present))
            if !model
                .campaign
                .rules
                .quorum
                .exceeds_share(u64::from(present), u64::from(expected)) =>
        {
            out.push(Need::Quorum {
                present,
                expected,
                quorum: model.campaign.rules.quorum,
            })
        }
        (None, _) | (_, None) => out.push(Need::RollCall),
        _ => {}
    };
    let mut out = Vec::new();
    match step {
        AgendaStep::RollCall => quorum(&mut out),
        AgendaStep::OralReport { subject } => {
            if !meeting.speech(subject).is_some_and(|s| s.started()) {
                out.push(Need::Timer(subject.clone()));
            }
        }
        AgendaStep::WrittenReports => {
            let missing = model
                .writers(key)
                .iter()
                .filter(|w| !meeting.written_received.contains(*w))
                .count();
            if missing > 0 {
                out.push(Need::Written(missing));
            }
        }
        AgendaStep::IssueBallots => {
            quorum(&mut out);
            if round.issued.is_none() {
                out.push(Need::Issued);
            }
        }
        AgendaStep::CollectBallots => match (round.returned, round.issued) {
            (_, None) => out.push(Need::IssuedFirst),
            (None, _) => out.push(Need::Returned),
            (Some(returned), Some(issued)) if returned > issued => {
                out.push(Need::ReturnedOverIssued { returned, issued })
            }
            _ => {}
        },
        AgendaStep::Counting => {
            let tally = model.tally(round);
            if round.by_sheet() {
                match &round.sheets {
                    [None, _] => out.push(Need::SheetPass(1)),
                    [_, None] => out.push(Need::SheetPass(2)),
                    _ => {
                        let diff = round.open_differences().len();
                        if diff > 0 {
                            out.push(Need::SheetDiff(diff));
                        }
                    }
                }
            }
            let returned = round.returned.unwrap_or(0);
            if tally.source != TallySource::SheetPending && tally.entered != u64::from(returned) {
                out.push(Need::Entered {
                    entered: tally.entered,
                    returned,
                });
            }
        }
        AgendaStep::Results => {}
        AgendaStep::Close => {
            // Every warning again, acknowledged or not: what the
            // scrutineers sign is listed with the count.
            for warning in model.warnings(round) {
                let acknowledged = round.acknowledged.contains(&warning);
                out.push(Need::Warning {
                    warning,
                    acknowledged,
                });
            }
            return out;
        }
    }
    for warning in model.open_warnings(round) {
        if warning.step() == *step {
            out.push(Need::Warning {
                warning,
                acknowledged: false,
            });
        }
    }
    out
}

/// Is `step` done, from what was recorded (not from where the meeting
/// stands): the quorum reached, the speaker timed, every written report
/// in, the counts keyed, the ballots entered, the round closed. `passed`
/// says the meeting has moved beyond the step (all 公布结果 records).
pub fn step_done(model: &Model, key: &MeetingKey, step: &AgendaStep, passed: bool) -> bool {
    let Some(round) = model.current_round(&key.unit, key.meeting) else {
        return false;
    };
    let closed = matches!(round.status, super::round::RoundStatus::Closed { .. });
    match step {
        AgendaStep::OralReport { subject } => model
            .meeting(key)
            .speech(subject)
            .is_some_and(|s| s.started() && s.running_since.is_none()),
        AgendaStep::Counting => {
            closed || (round.returned.is_some() && needs(model, key, step).is_empty())
        }
        AgendaStep::Results => closed || passed,
        AgendaStep::Close => closed,
        _ => needs(model, key, step).is_empty(),
    }
}
