//! Plausibility of a round's counts (核对). Two kinds, as in the Dutch
//! Electoral Council's result-entry rules (Abacus): an **error** cannot be
//! true and is refused (see `Model::check`); a **warning** can be true but
//! is unusual, so the liaison must acknowledge it with a key before the
//! round closes. An acknowledgement is an event and stays visible: the
//! close step and every export list it ("结束时的提示").

use serde::{Deserialize, Serialize};

use super::campaign::Rules;
use super::meeting::AgendaStep;
use super::round::Round;
use super::tally::{Tally, TallySource};

/// The largest count any field takes (应到, 实到, 发出, 收回, a tally
/// cell). A village meeting has tens or hundreds of people; anything near
/// this is a typing slip, and the cap keeps every sum far from overflow.
pub const MAX_COUNT: u32 = 100_000;

/// A warning about a round's counts, with the numbers it was raised on.
/// An acknowledgement is for exactly these numbers: if a count changes,
/// the new warning needs its own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CountWarning {
    /// 实到 > 应到: more present than expected (a late addition to the
    /// list, or a slip).
    PresentOverExpected { present: u32, expected: u32 },
    /// 发出 > 实到: more ballots handed out than people present.
    IssuedOverPresent { issued: u32, present: u32 },
    /// 收回 below 发出 by the threshold or more: ballots went missing.
    ReturnedShort {
        returned: u32,
        issued: u32,
        percent: u32,
    },
    /// 收回 is 0: the round has no ballots at all.
    NoBallots,
    /// 空白票 at the threshold share of 收回 or more.
    ManyBlank {
        blank: u64,
        returned: u32,
        percent: u32,
    },
    /// 废票 at the threshold share of 收回 or more.
    ManyInvalid {
        invalid: u64,
        returned: u32,
        percent: u32,
    },
}

impl CountWarning {
    /// The agenda step where the warning arises and is acknowledged
    /// (the close step lists them all again).
    pub fn step(&self) -> AgendaStep {
        match self {
            CountWarning::PresentOverExpected { .. } => AgendaStep::RollCall,
            CountWarning::IssuedOverPresent { .. } => AgendaStep::IssueBallots,
            CountWarning::ReturnedShort { .. } | CountWarning::NoBallots => {
                AgendaStep::CollectBallots
            }
            CountWarning::ManyBlank { .. } | CountWarning::ManyInvalid { .. } => {
                AgendaStep::Counting
            }
        }
    }

    /// A stable key for exports (`present_over_expected`, …).
    pub fn key(&self) -> &'static str {
        match self {
            CountWarning::PresentOverExpected { .. } => "present_over_expected",
            CountWarning::IssuedOverPresent { .. } => "issued_over_present",
            CountWarning::ReturnedShort { .. } => "returned_short",
            CountWarning::NoBallots => "no_ballots",
            CountWarning::ManyBlank { .. } => "many_blank",
            CountWarning::ManyInvalid { .. } => "many_invalid",
        }
    }
}

/// `part` is at least `percent` % of `whole` (exact, no rounding).
fn at_least_percent(part: u64, whole: u64, percent: u32) -> bool {
    part * 100 >= whole * u64::from(percent)
}

/// The warnings `round` raises now, in agenda order. `tally` is the
/// round's count (blank and invalid ballots come from it).
pub fn warnings(round: &Round, tally: &Tally, rules: &Rules) -> Vec<CountWarning> {
    let t = rules.warnings;
    let mut out = Vec::new();
    if let (Some(expected), Some(present)) = (round.expected, round.present)
        && present > expected
    {
        out.push(CountWarning::PresentOverExpected { present, expected });
    }
    if let (Some(issued), Some(present)) = (round.issued, round.present)
        && issued > present
    {
        out.push(CountWarning::IssuedOverPresent { issued, present });
    }
    match (round.returned, round.issued) {
        (Some(0), _) => out.push(CountWarning::NoBallots),
        (Some(returned), Some(issued))
            if returned < issued
                && at_least_percent(
                    u64::from(issued - returned),
                    u64::from(issued),
                    t.returned_short_percent,
                ) =>
        {
            out.push(CountWarning::ReturnedShort {
                returned,
                issued,
                percent: t.returned_short_percent,
            })
        }
        _ => {}
    }
    let counted = tally.source != TallySource::SheetPending && tally.entered > 0;
    if let (Some(returned), true) = (round.returned, counted)
        && returned > 0
    {
        let whole = u64::from(returned);
        if tally.blank > 0 && at_least_percent(tally.blank, whole, t.blank_percent) {
            out.push(CountWarning::ManyBlank {
                blank: tally.blank,
                returned,
                percent: t.blank_percent,
            });
        }
        if tally.invalid > 0 && at_least_percent(tally.invalid, whole, t.invalid_percent) {
            out.push(CountWarning::ManyInvalid {
                invalid: tally.invalid,
                returned,
                percent: t.invalid_percent,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ballot::BallotContent;
    use crate::domain::event::{BallotLine, RoundKey};
    use crate::domain::round::BallotSlot;
    use crate::domain::{MeetingKind, Role};

    fn round(expected: u32, present: u32, issued: u32, returned: u32) -> Round {
        let key = RoundKey {
            unit: "东村".into(),
            meeting: MeetingKind::AnnualReview,
            round: 1,
        };
        let line = BallotLine {
            name: "甲".into(),
            role: Role::PartySecretary,
        };
        let mut r = Round::new(key, vec![line]);
        r.expected = Some(expected);
        r.present = Some(present);
        r.issued = Some(issued);
        r.returned = Some(returned);
        r
    }

    fn count(r: &Round) -> Tally {
        Tally::count(r, &Rules::default(), 4)
    }

    #[test]
    fn plain_round_raises_nothing() {
        let r = round(50, 45, 45, 45);
        assert!(warnings(&r, &count(&r), &Rules::default()).is_empty());
    }

    #[test]
    fn each_count_warning_at_its_edge() {
        let rules = Rules::default();
        let r = round(50, 51, 52, 52);
        assert_eq!(
            warnings(&r, &count(&r), &rules),
            vec![
                CountWarning::PresentOverExpected {
                    present: 51,
                    expected: 50
                },
                CountWarning::IssuedOverPresent {
                    issued: 52,
                    present: 51
                },
            ]
        );
        // 2 % of 100 missing warns; 1 % does not.
        let r = round(100, 100, 100, 98);
        assert_eq!(
            warnings(&r, &count(&r), &rules),
            vec![CountWarning::ReturnedShort {
                returned: 98,
                issued: 100,
                percent: 2
            }]
        );
        let r = round(100, 100, 100, 99);
        assert!(warnings(&r, &count(&r), &rules).is_empty());
        let r = round(10, 10, 10, 0);
        assert_eq!(
            warnings(&r, &count(&r), &rules),
            vec![CountWarning::NoBallots]
        );
    }

    #[test]
    fn blank_and_invalid_shares_from_the_count() {
        let rules = Rules::default();
        let mut r = round(100, 100, 100, 100);
        let slot = |content| BallotSlot {
            content,
            withdrawn: false,
            discarded: false,
        };
        r.ballots = vec![slot(BallotContent::Blank); 3];
        r.ballots.extend(vec![slot(BallotContent::Invalid); 2]);
        assert_eq!(
            warnings(&r, &count(&r), &rules),
            vec![CountWarning::ManyBlank {
                blank: 3,
                returned: 100,
                percent: 3
            }]
        );
        r.ballots.push(slot(BallotContent::Invalid));
        assert_eq!(warnings(&r, &count(&r), &rules).len(), 2);
        // A withdrawn ballot does not count towards the share.
        r.ballots[0].withdrawn = true;
        assert_eq!(
            warnings(&r, &count(&r), &rules),
            vec![CountWarning::ManyInvalid {
                invalid: 3,
                returned: 100,
                percent: 3
            }]
        );
    }
}
