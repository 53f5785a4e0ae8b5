//! Rounds and their counts: opening a round, the roll call (应到/实到),
//! 发出 and 收回, and keying ballots one by one (record, correct,
//! withdraw, restore). The checks and folds `Model::check`/`apply` route to.

use super::ballot::{BallotContent, Mark};
use super::error::DomainError;
use super::event::{BallotLine, RoundKey};
use super::model::Model;
use super::round::{BallotSlot, CountField, Round, RoundStatus};

/// A count must stay below the sanity cap (see `checks::MAX_COUNT`).
pub(super) fn capped(count: u32) -> Result<(), DomainError> {
    if count > super::checks::MAX_COUNT {
        return Err(DomainError::CountTooLarge(u64::from(count)));
    }
    Ok(())
}

/// Which count an event sets: 发出 or 收回.
#[derive(Debug, Clone, Copy)]
pub(super) enum Count {
    Issued,
    Returned,
}

impl Model {
    /// The next round of a meeting the unit holds, after the last one
    /// closed, with someone on its ballot.
    pub(super) fn check_round_opened(
        &self,
        round: &RoundKey,
        lines: &[BallotLine],
    ) -> Result<(), DomainError> {
        let unit = self
            .campaign
            .unit(&round.unit)
            .ok_or_else(|| DomainError::UnknownUnit(round.unit.clone()))?;
        if !unit.meetings.contains(&round.meeting) || self.campaign.meeting(round.meeting).is_none()
        {
            return Err(DomainError::MeetingNotHeld(
                round.unit.clone(),
                round.meeting,
            ));
        }
        let earlier: Vec<&Round> = self.rounds_of(&round.unit, round.meeting).collect();
        let next = earlier.len() as u32 + 1;
        if round.round != next {
            return Err(DomainError::WrongRoundNumber(next));
        }
        if earlier.iter().any(|r| r.status == RoundStatus::Open) {
            return Err(DomainError::PreviousRoundOpen);
        }
        if lines.is_empty() {
            return Err(DomainError::EmptyBallot);
        }
        Ok(())
    }

    pub(super) fn apply_round_opened(&mut self, round: &RoundKey, lines: &[BallotLine]) {
        self.rounds
            .insert(round.clone(), Round::new(round.clone(), lines.to_vec()));
    }

    pub(super) fn check_roll_call(
        &self,
        round: &RoundKey,
        expected: u32,
        present: u32,
    ) -> Result<(), DomainError> {
        self.open_round(round)?;
        capped(expected)?;
        capped(present)?;
        if expected == 0 {
            return Err(DomainError::NoneExpected);
        }
        // 实到 above 应到 is possible (a late addition to the list): a
        // warning to acknowledge, not an error (`checks`).
        Ok(())
    }

    pub(super) fn apply_roll_call(&mut self, round: &RoundKey, expected: u32, present: u32) {
        let r = self.round_mut(round);
        let old = (r.expected, r.present);
        r.expected = Some(expected);
        r.present = Some(present);
        if let Some(c) = r.changes_mut() {
            for (field, before, after) in [
                (CountField::Expected, old.0, expected),
                (CountField::Present, old.1, present),
            ] {
                if before != Some(after) {
                    c.counts.push((field, before, after));
                }
            }
        }
    }

    /// 发出 needs the roll call and a quorum (checked when balloting
    /// starts); 收回 only the cap.
    pub(super) fn check_count(
        &self,
        round: &RoundKey,
        which: Count,
        count: u32,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        capped(count)?;
        if let Count::Returned = which {
            return Ok(());
        }
        let (Some(expected), Some(present)) = (r.expected, r.present) else {
            return Err(DomainError::NoRollCall);
        };
        let quorum = self.campaign.rules.quorum;
        if !quorum.exceeds_share(u64::from(present), u64::from(expected)) {
            return Err(DomainError::NoQuorum(present, expected, quorum));
        }
        Ok(())
    }

    pub(super) fn apply_count(&mut self, round: &RoundKey, which: Count, count: u32) {
        let r = self.round_mut(round);
        let (slot, field) = match which {
            Count::Issued => (&mut r.issued, CountField::Issued),
            Count::Returned => (&mut r.returned, CountField::Returned),
        };
        let before = slot.replace(count);
        if let Some(c) = r.changes_mut().filter(|_| before != Some(count)) {
            c.counts.push((field, before, count));
        }
    }

    /// The next ballot number, by one-by-one keying only (a sheet pass
    /// excludes it until discarded), with a content that fits the ballot.
    pub(super) fn check_recorded(
        &self,
        round: &RoundKey,
        number: u32,
        content: &BallotContent,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        if r.by_sheet() {
            return Err(DomainError::SheetKeyed);
        }
        let next = r.ballots.len() as u32 + 1;
        if number != next {
            return Err(DomainError::WrongBallotNumber(next));
        }
        self.check_content(r, content)
    }

    pub(super) fn apply_recorded(
        &mut self,
        round: &RoundKey,
        number: u32,
        content: &BallotContent,
    ) {
        let r = self.round_mut(round);
        r.ballots.push(BallotSlot {
            content: content.clone(),
            withdrawn: false,
            discarded: false,
        });
        if let Some(c) = r.changes_mut() {
            c.added.push(number);
        }
    }

    pub(super) fn check_corrected(
        &self,
        round: &RoundKey,
        number: u32,
        content: &BallotContent,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        r.slot(number)?;
        self.check_content(r, content)
    }

    pub(super) fn apply_corrected(
        &mut self,
        round: &RoundKey,
        number: u32,
        content: &BallotContent,
    ) {
        self.slot_mut(round, number).content = content.clone();
        if let Some(c) = self.round_mut(round).changes_mut() {
            c.corrected.push(number);
        }
    }

    /// Withdraw (`withdrawn` true) or restore a keyed ballot: only from
    /// the other state.
    pub(super) fn check_withdrawal(
        &self,
        round: &RoundKey,
        number: u32,
        withdrawn: bool,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        match (r.slot(number)?.withdrawn, withdrawn) {
            (true, true) => Err(DomainError::AlreadyWithdrawn(number)),
            (false, false) => Err(DomainError::NotWithdrawn(number)),
            _ => Ok(()),
        }
    }

    pub(super) fn apply_withdrawal(&mut self, round: &RoundKey, number: u32, withdrawn: bool) {
        self.slot_mut(round, number).withdrawn = withdrawn;
        if let Some(c) = self.round_mut(round).changes_mut() {
            if withdrawn {
                c.withdrawn.push(number);
            } else {
                c.restored.push(number);
            }
        }
    }

    fn check_content(&self, round: &Round, content: &BallotContent) -> Result<(), DomainError> {
        if let BallotContent::Marks(marks) = content {
            if marks.len() != round.lines.len() {
                return Err(DomainError::WrongMarkCount(round.lines.len(), marks.len()));
            }
            let scale = self.grades(round.key.meeting);
            for m in marks {
                if let Mark::Grade(g) = m
                    && usize::from(*g) >= scale
                {
                    return Err(DomainError::GradeOutOfScale(*g, scale));
                }
            }
        }
        Ok(())
    }

    // Only called after `check` found the round and the ballot.
    fn slot_mut(&mut self, key: &RoundKey, number: u32) -> &mut BallotSlot {
        &mut self.round_mut(key).ballots[number as usize - 1]
    }
}
