//! Counting by tally sheet, and the liaison's acknowledgements: the
//! checks that keep a count that cannot be true from being saved (see
//! `TallySheet::problems`), the order of the two passes, the ways to settle
//! or discard them, setting ballot-by-ballot records aside when switching
//! method, and acknowledging warnings (`checks`).

use super::campaign::MeetingKind;
use super::checks::CountWarning;
use super::error::DomainError;
use super::event::{ResolveBasis, RoundKey, SheetDiscard};
use super::model::Model;
use super::round::Round;
use super::sheet::{SheetColumn, TallySheet};

impl Model {
    /// A tally sheet may be saved only for a round not keyed ballot by
    /// ballot, with 收回 known, in the round's shape, and true: every
    /// problem is an error (see `TallySheet::problems`).
    fn check_sheet(&self, round: &Round, sheet: &TallySheet) -> Result<(), DomainError> {
        let keyed = round.keyed_ballots();
        if keyed > 0 {
            return Err(DomainError::BallotsKeyed(keyed));
        }
        let grades = self.grades(round.key.meeting);
        if !sheet.fits(round.lines.len(), grades) {
            return Err(DomainError::SheetShape);
        }
        let returned = round.returned.ok_or(DomainError::SheetNeedsReturned)?;
        self.sheet_true(round, sheet, returned)
    }

    /// The first problem of `sheet` against `returned`, as an error naming
    /// the person and the column.
    pub(super) fn sheet_true(
        &self,
        round: &Round,
        sheet: &TallySheet,
        returned: u32,
    ) -> Result<(), DomainError> {
        let Some(problem) = sheet.problems(returned).into_iter().next() else {
            return Ok(());
        };
        let name = problem
            .row()
            .and_then(|r| round.lines.get(r))
            .map(|l| l.name.clone());
        let column = match problem {
            super::sheet::SheetProblem::OverReturned {
                cell: super::sheet::SheetCell::Count(_, c),
                ..
            } => self.column(round.key.meeting, c),
            _ => None,
        };
        Err(DomainError::Sheet {
            problem,
            name,
            column,
        })
    }

    /// Tally-sheet column `c`: a grade, then 弃权, then 无效.
    pub fn column(&self, meeting: MeetingKind, c: usize) -> Option<SheetColumn> {
        let scale = &self.campaign.meeting(meeting)?.scale.grades;
        match c.checked_sub(scale.len()) {
            None => scale.get(c).cloned().map(SheetColumn::Grade),
            Some(0) => Some(SheetColumn::Abstain),
            Some(_) => Some(SheetColumn::Void),
        }
    }

    /// Pass 1, then pass 2, each once (keying a pass again goes through a
    /// recorded discard), and only a true sheet.
    pub(super) fn check_sheet_entered(
        &self,
        round: &RoundKey,
        pass: u8,
        sheet: &TallySheet,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        let expected_pass = match &r.sheets {
            [None, _] => 1,
            [Some(_), None] => 2,
            [Some(_), Some(_)] => 0,
        };
        if pass != expected_pass {
            return Err(DomainError::BadPass);
        }
        self.check_sheet(r, sheet)
    }

    /// The sheet that settles two differing passes: true, changing only
    /// the disputed cells, and equal to the pass it says it keeps.
    pub(super) fn check_sheet_resolved(
        &self,
        round: &RoundKey,
        sheet: &TallySheet,
        basis: ResolveBasis,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        let [Some(a), Some(b)] = &r.sheets else {
            return Err(DomainError::BothPassesNeeded);
        };
        if r.open_differences().is_empty() {
            return Err(DomainError::NothingToResolve);
        }
        self.check_sheet(r, sheet)?;
        let kept = match basis {
            ResolveBasis::Paper => None,
            ResolveBasis::Pass1 => Some(a),
            ResolveBasis::Pass2 => Some(b),
        };
        if kept.is_some_and(|k| k != sheet) {
            return Err(DomainError::KeptPassDiffers);
        }
        let disputed = a.differences(b);
        if a.cells()
            .into_iter()
            .any(|c| !disputed.contains(&c) && a.get(c) != sheet.get(c))
        {
            return Err(DomainError::ResolvedChangesAgreed);
        }
        Ok(())
    }

    /// Discarding needs a reason and something to discard.
    pub(super) fn check_sheet_discarded(
        &self,
        round: &RoundKey,
        scope: SheetDiscard,
        reason: &str,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        if reason.trim().is_empty() {
            return Err(DomainError::NoDiscardReason);
        }
        let there = match scope {
            SheetDiscard::Second => r.sheets[1].is_some(),
            SheetDiscard::All => r.by_sheet(),
        };
        if !there {
            return Err(DomainError::NoSheetToDiscard);
        }
        Ok(())
    }

    /// Setting ballots aside needs a reason and ballots keyed one by one.
    pub(super) fn check_ballots_discarded(
        &self,
        round: &RoundKey,
        reason: &str,
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        if reason.trim().is_empty() {
            return Err(DomainError::NoDiscardReason);
        }
        if r.keyed_ballots() == 0 {
            return Err(DomainError::NoBallotsToDiscard);
        }
        Ok(())
    }

    /// Only warnings raised now can be acknowledged.
    pub(super) fn check_acknowledged(
        &self,
        round: &RoundKey,
        warnings: &[CountWarning],
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        let raised = self.warnings(r);
        if warnings.is_empty() || warnings.iter().any(|w| !raised.contains(w)) {
            return Err(DomainError::WarningNotRaised);
        }
        Ok(())
    }

    pub(super) fn apply_sheet_entered(
        &mut self,
        round: &RoundKey,
        pass: u8,
        sheet: &TallySheet,
        keyer: &Option<String>,
    ) {
        let r = self.round_mut(round);
        let i = usize::from(pass) - 1;
        r.sheets[i] = Some(sheet.clone());
        r.keyers[i] = keyer.clone();
        r.agreed = match &r.sheets {
            [Some(a), Some(b)] if a == b => Some(a.clone()),
            _ => None,
        };
        if let Some(c) = r.changes_mut() {
            c.sheet = true;
        }
    }

    pub(super) fn apply_sheet_resolved(&mut self, round: &RoundKey, sheet: &TallySheet) {
        let r = self.round_mut(round);
        r.agreed = Some(sheet.clone());
        if let Some(c) = r.changes_mut() {
            c.sheet = true;
        }
    }

    pub(super) fn apply_sheet_discarded(&mut self, round: &RoundKey, scope: SheetDiscard) {
        let r = self.round_mut(round);
        match scope {
            SheetDiscard::Second => {
                r.sheets[1] = None;
                r.keyers[1] = None;
            }
            SheetDiscard::All => {
                r.sheets = [None, None];
                r.keyers = [None, None];
            }
        }
        r.agreed = None;
        if let Some(c) = r.changes_mut() {
            c.sheet = true;
        }
    }

    pub(super) fn apply_ballots_discarded(&mut self, round: &RoundKey) {
        let r = self.round_mut(round);
        r.ballots.iter_mut().for_each(|b| b.discarded = true);
        if let Some(c) = r.changes_mut() {
            c.ballots_discarded = true;
        }
    }

    pub(super) fn apply_acknowledged(&mut self, round: &RoundKey, warnings: &[CountWarning]) {
        let r = self.round_mut(round);
        r.acknowledged.extend(warnings.iter().cloned());
    }
}
