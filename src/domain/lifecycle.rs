//! Closing, reopening and voiding a round. Closing certifies the count
//! (entered = returned, double entry reconciled) and records the chain
//! head; a closed round is read-only until reopened with a reason; a round
//! with more ballots returned than issued is void and re-run.

use super::error::DomainError;
use super::event::{Event, RoundKey};
use super::model::Model;
use super::round::{Round, RoundStatus};
use super::tally::{Tally, TallySource};

impl Model {
    pub(super) fn check_lifecycle(&self, event: &Event) -> Result<(), DomainError> {
        match event {
            Event::RoundClosed { round, .. } => {
                let r = self.open_round(round)?;
                if r.over_returned() {
                    return Err(DomainError::CloseVoid);
                }
                let tally = self.tally(r);
                if tally.source == TallySource::SheetPending {
                    return Err(DomainError::CloseSheetOpen);
                }
                let returned = r.returned.unwrap_or(0);
                if r.returned.is_none() || tally.entered != u64::from(returned) {
                    return Err(DomainError::CloseCountsDiffer(tally.entered, returned));
                }
                Ok(())
            }
            Event::RoundReopened { round, reason } => {
                let r = self.rounds.get(round).ok_or(DomainError::UnknownRound)?;
                if !matches!(r.status, RoundStatus::Closed { .. }) {
                    return Err(DomainError::NotClosed);
                }
                if reason.trim().is_empty() {
                    return Err(DomainError::NoReason);
                }
                Ok(())
            }
            Event::RoundVoided { round } => {
                let r = self.open_round(round)?;
                if !r.over_returned() {
                    return Err(DomainError::NotVoidable);
                }
                Ok(())
            }
            _ => unreachable!("only lifecycle events are routed here"),
        }
    }

    pub(super) fn apply_lifecycle(&mut self, event: &Event) {
        match event {
            Event::RoundClosed { round, head } => {
                self.round_mut(round).status = RoundStatus::Closed { head: head.clone() }
            }
            Event::RoundReopened { round, .. } => self.round_mut(round).status = RoundStatus::Open,
            Event::RoundVoided { round } => {
                let old = self.round_mut(round);
                old.status = RoundStatus::Void;
                let next = Round {
                    key: RoundKey {
                        round: round.round + 1,
                        ..round.clone()
                    },
                    // The same people are present: the re-run keeps the
                    // roll call and the ballot.
                    expected: old.expected,
                    present: old.present,
                    ..Round::new(round.clone(), old.lines.clone())
                };
                self.rounds.insert(next.key.clone(), next);
            }
            _ => unreachable!("only lifecycle events are routed here"),
        }
    }

    /// The count of `round` under the campaign's rules.
    pub fn tally(&self, round: &Round) -> Tally {
        let grades = self
            .campaign
            .meeting(round.key.meeting)
            .map(|m| m.scale.len())
            .unwrap_or(0);
        Tally::count(round, &self.campaign.rules, grades)
    }
}
