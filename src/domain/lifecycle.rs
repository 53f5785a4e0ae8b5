//! Closing, reopening and voiding a round. Closing certifies the count
//! (entered = returned, double entry reconciled) and records the chain
//! head; a closed round is read-only until reopened with a reason; a round
//! with more ballots returned than issued is void and re-run.

use super::checks::CountWarning;
use super::error::DomainError;
use super::event::RoundKey;

/// The laptop's clock on a closing or reopening event.
type Stamp = chrono::DateTime<chrono::FixedOffset>;
use super::model::Model;
use super::round::{Certification, Reopening, Round, RoundStatus};
use super::tally::{Tally, TallySource};

impl Model {
    /// Closing certifies the count: everything below must hold.
    pub(super) fn check_close(&self, round: &RoundKey) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        if r.over_returned() {
            return Err(DomainError::CloseVoid);
        }
        let tally = self.tally(r);
        if tally.source == TallySource::SheetPending {
            return Err(DomainError::CloseSheetOpen);
        }
        // A re-run round starts without 发出: it must be keyed.
        if r.issued.is_none() {
            return Err(DomainError::CloseNoIssued);
        }
        let returned = r.returned.unwrap_or(0);
        if r.returned.is_none() || tally.entered != u64::from(returned) {
            return Err(DomainError::CloseCountsDiffer(tally.entered, returned));
        }
        // 收回 may have been re-keyed after the sheet was agreed.
        if let Some(sheet) = &r.agreed {
            self.sheet_true(r, sheet, returned)?;
        }
        let open = self.open_warnings(r).len();
        if open > 0 {
            return Err(DomainError::WarningsOpen(open));
        }
        Ok(())
    }

    /// Only a closed round reopens, and only with a reason.
    pub(super) fn check_reopen(&self, round: &RoundKey, reason: &str) -> Result<(), DomainError> {
        let r = self.rounds.get(round).ok_or(DomainError::UnknownRound)?;
        if !matches!(r.status, RoundStatus::Closed { .. }) {
            return Err(DomainError::NotClosed);
        }
        if reason.trim().is_empty() {
            return Err(DomainError::NoReason);
        }
        Ok(())
    }

    /// Only more returned than issued voids a round.
    pub(super) fn check_void(&self, round: &RoundKey) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        if !r.over_returned() {
            return Err(DomainError::NotVoidable);
        }
        Ok(())
    }

    pub(super) fn apply_close(&mut self, round: &RoundKey, head: &str, at: Option<Stamp>) {
        let r = self.round_mut(round);
        r.status = RoundStatus::Closed {
            head: head.to_string(),
        };
        r.history.push(Certification {
            head: head.to_string(),
            closed_at: at,
            reopened: None,
        });
    }

    pub(super) fn apply_reopen(&mut self, round: &RoundKey, reason: &str, at: Option<Stamp>) {
        let r = self.round_mut(round);
        r.status = RoundStatus::Open;
        if let Some(last) = r.history.last_mut() {
            last.reopened = Some(Reopening {
                reason: reason.to_string(),
                at,
                changes: Default::default(),
            });
        }
    }

    pub(super) fn apply_void(&mut self, round: &RoundKey) {
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
            // The roll call's acknowledgement goes with it.
            acknowledged: old
                .acknowledged
                .iter()
                .filter(|w| matches!(w, CountWarning::PresentOverExpected { .. }))
                .cloned()
                .collect(),
            ..Round::new(round.clone(), old.lines.clone())
        };
        self.rounds.insert(next.key.clone(), next);
    }

    /// The count of `round` under the campaign's rules.
    pub fn tally(&self, round: &Round) -> Tally {
        Tally::count(round, &self.campaign.rules, self.grades(round.key.meeting))
    }
}
