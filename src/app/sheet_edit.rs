//! Keying the counter's tally sheet twice, blind, and resolving the cells
//! where the two passes differ (double entry, the four-eyes practice).
//!
//! The flow follows the Dutch Electoral Council's data-entry states
//! (Abacus): a pass with an error cannot be saved; pass 2 opens only after
//! pass 1 is saved and never shows it; on a difference the user keys each
//! differing cell from the paper (a value matching neither pass is
//! confirmed first), or keeps one pass whole, or discards pass 2 or both.
//! An accepted sheet can be discarded with a reason while the round is
//! open: there is never a dead end.

use super::{App, PromptKind, Screen};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::{
    Event, MeetingKey, ResolveBasis, Round, SheetCell, SheetDiscard, SheetProblem, TallySheet,
};

/// What the sheet screen is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetStage {
    /// Keying pass 1 or 2; the other pass is never shown (blind).
    Pass(u8),
    /// Both passes keyed and different: key the right value of each
    /// differing cell from the paper, or keep or discard a pass.
    Resolve,
    /// Agreed or resolved: read-only (it can be discarded with a reason).
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetEdit {
    pub stage: SheetStage,
    pub sheet: TallySheet,
    /// The cells the cursor may visit, in order (all, or the differing).
    pub cells: Vec<SheetCell>,
    pub cursor: usize,
    /// The next digit replaces the cell's value (as in a spreadsheet).
    pub fresh: bool,
    /// Differences at the start of resolving, to highlight.
    pub disputed: Vec<SheetCell>,
    /// Disputed cells keyed again from the paper. Every one must be, or
    /// resolving would just take pass 1's word for it.
    pub rekeyed: Vec<SheetCell>,
    /// Disputed cells whose value matches neither pass, confirmed by the
    /// user as what the paper says.
    pub confirmed: Vec<SheetCell>,
    /// Who keys this pass (计票人), when given.
    pub keyer: Option<String>,
}

impl SheetEdit {
    pub fn for_round(round: &Round, grades: usize) -> SheetEdit {
        let empty = TallySheet::empty(round.lines.len(), grades);
        let (stage, sheet, disputed) = match (&round.sheets, &round.agreed) {
            (_, Some(agreed)) => (SheetStage::Done, agreed.clone(), Vec::new()),
            ([None, _], _) => (SheetStage::Pass(1), empty, Vec::new()),
            ([Some(_), None], _) => (SheetStage::Pass(2), empty, Vec::new()),
            ([Some(a), Some(b)], None) => (SheetStage::Resolve, a.clone(), a.differences(b)),
        };
        let cells = match stage {
            SheetStage::Resolve => disputed.clone(),
            _ => sheet.cells(),
        };
        SheetEdit {
            stage,
            sheet,
            cells,
            cursor: 0,
            fresh: true,
            disputed,
            rekeyed: Vec::new(),
            confirmed: Vec::new(),
            keyer: None,
        }
    }

    pub fn cell(&self) -> Option<SheetCell> {
        self.cells.get(self.cursor).copied()
    }

    /// The problems of the sheet as keyed so far, against `returned`.
    pub fn problems(&self, returned: Option<u32>) -> Vec<SheetProblem> {
        returned.map_or_else(Vec::new, |r| self.sheet.problems(r))
    }

    fn move_by(&mut self, delta: isize) {
        let n = self.cells.len() as isize;
        if n > 0 {
            self.cursor = (self.cursor as isize + delta).clamp(0, n - 1) as usize;
        }
        self.fresh = true;
    }

    /// Move a whole row up or down (same column), in the full grid.
    fn move_row(&mut self, down: bool) {
        let Some(SheetCell::Count(r, c)) = self.cell() else {
            return self.move_by(if down { 2 } else { -2 });
        };
        let target = if down {
            SheetCell::Count(r + 1, c)
        } else if r == 0 {
            SheetCell::Invalid
        } else {
            SheetCell::Count(r - 1, c)
        };
        if let Some(i) = self.cells.iter().position(|&x| x == target) {
            self.cursor = i;
            self.fresh = true;
        }
    }

    fn digit(&mut self, d: u8) {
        let Some(cell) = self.cell() else { return };
        let old = if self.fresh { 0 } else { self.sheet.get(cell) };
        // Paper tallies never reach a million; cap to keep typing sane
        // (the domain refuses anything above 收回 anyway).
        let value = (old.saturating_mul(10) + u32::from(d)).min(999_999);
        self.sheet.set(cell, value);
        self.fresh = false;
        if !self.rekeyed.contains(&cell) {
            self.rekeyed.push(cell);
        }
        // A new value needs its own confirmation.
        self.confirmed.retain(|c| *c != cell);
    }

    /// Disputed cells not yet keyed again.
    pub fn unresolved(&self) -> usize {
        self.disputed
            .iter()
            .filter(|c| !self.rekeyed.contains(c))
            .count()
    }

    /// The first re-keyed disputed cell whose value is neither pass's and
    /// was not confirmed yet.
    fn unconfirmed(&self, passes: &[Option<TallySheet>; 2]) -> Option<SheetCell> {
        let [Some(a), Some(b)] = passes else {
            return None;
        };
        self.disputed.iter().copied().find(|&c| {
            let v = self.sheet.get(c);
            v != a.get(c) && v != b.get(c) && !self.confirmed.contains(&c)
        })
    }

    fn delete(&mut self) {
        if let Some(cell) = self.cell() {
            self.sheet.set(cell, self.sheet.get(cell) / 10);
            self.fresh = false;
            if !self.rekeyed.contains(&cell) {
                self.rekeyed.push(cell);
            }
            self.confirmed.retain(|c| *c != cell);
        }
    }
}

impl App {
    /// Open the tally sheet of the current round (from the agenda's `t`).
    pub(super) fn open_sheet(&mut self, key: &MeetingKey) {
        let Some(round) = self.current_round() else {
            return;
        };
        let keyed = round.keyed_ballots();
        if keyed > 0 {
            // One method per round: switching discards, with a reason.
            self.ask(PromptKind::DiscardBallots(keyed));
            return;
        }
        if round.returned.is_none() {
            return self.fail(crate::domain::DomainError::SheetNeedsReturned.into());
        }
        let edit = SheetEdit::for_round(round, self.grades(key));
        let stage = edit.stage;
        self.show(|v| Screen::Sheet(v, edit));
        if let SheetStage::Pass(p) = stage {
            self.ask(PromptKind::Keyer(p));
        }
    }

    pub(super) fn on_sheet(&mut self, key: &MeetingKey, action: Action) {
        let Some(edit) = self.sheet_mut() else {
            return;
        };
        let stage = edit.stage;
        let editable = stage != SheetStage::Done;
        match action {
            Action::Back => self.show(Screen::Agenda),
            Action::Digit(d) if editable => edit.digit(d),
            Action::DeleteDigit if editable => edit.delete(),
            Action::NextCell => edit.move_by(1),
            Action::PrevCell => edit.move_by(-1),
            Action::Up => edit.move_row(false),
            Action::Down => edit.move_row(true),
            Action::SaveSheet if editable => self.save_sheet(key),
            Action::KeepPass(p) if stage == SheetStage::Resolve => self.keep_pass(key, p),
            Action::DiscardSecond if stage == SheetStage::Resolve => {
                self.ask(PromptKind::DiscardSheet(SheetDiscard::Second))
            }
            Action::DiscardSheet if stage != SheetStage::Pass(1) => {
                self.ask(PromptKind::DiscardSheet(SheetDiscard::All))
            }
            _ => {}
        }
    }

    fn save_sheet(&mut self, key: &MeetingKey) {
        let (Some(edit), Some(round)) = (self.sheet().cloned(), self.current_round()) else {
            return;
        };
        let round_key = round.key.clone();
        let event = match edit.stage {
            SheetStage::Pass(pass) => Event::TallySheetEntered {
                round: round_key,
                pass,
                sheet: edit.sheet.clone(),
                keyer: edit.keyer.clone(),
            },
            SheetStage::Resolve => {
                if edit.unresolved() > 0 {
                    return self.refuse(Msg::SheetUnresolved, &[&edit.unresolved()]);
                }
                if let Some(cell) = edit.unconfirmed(&round.sheets) {
                    self.ask(PromptKind::ConfirmNeither(cell));
                    return;
                }
                Event::TallySheetResolved {
                    round: round_key,
                    sheet: edit.sheet.clone(),
                    basis: ResolveBasis::Paper,
                }
            }
            SheetStage::Done => return,
        };
        let msg = match edit.stage {
            SheetStage::Pass(pass) => Msg::SheetSaved.fill(&[&pass]),
            _ => Msg::SheetResolved.text().to_string(),
        };
        if self.record(event, Some(msg)) {
            self.after_sheet_saved(key, edit.stage, edit.keyer.as_deref());
        }
    }

    /// Keep pass `p` whole as the result (it must pass every check).
    fn keep_pass(&mut self, key: &MeetingKey, p: u8) {
        let Some(round) = self.current_round() else {
            return;
        };
        let Some(sheet) = round.sheets[usize::from(p) - 1].clone() else {
            return;
        };
        let basis = if p == 1 {
            ResolveBasis::Pass1
        } else {
            ResolveBasis::Pass2
        };
        let event = Event::TallySheetResolved {
            round: round.key.clone(),
            sheet,
            basis,
        };
        if self.record(event, Some(Msg::SheetKept.fill(&[&p]))) {
            self.after_sheet_saved(key, SheetStage::Resolve, None);
        }
    }

    /// Move the screen on after a sheet event: to pass 2 (asking for its
    /// keyer), to resolving, or to the accepted sheet.
    fn after_sheet_saved(&mut self, key: &MeetingKey, was: SheetStage, keyer: Option<&str>) {
        let grades = self.grades(key);
        let Some(round) = self.current_round() else {
            return;
        };
        let next = SheetEdit::for_round(round, grades);
        let same_keyer =
            was == SheetStage::Pass(2) && keyer.is_some() && round.keyers[0].as_deref() == keyer;
        let stage = next.stage;
        let disputed = next.disputed.len();
        self.set_sheet(next);
        match stage {
            SheetStage::Resolve => self.say(Msg::SheetDiffers, &[&disputed]),
            SheetStage::Done if was == SheetStage::Pass(2) => self.say(Msg::SheetAgreed, &[]),
            SheetStage::Pass(p) => self.ask(PromptKind::Keyer(p)),
            _ => {}
        }
        if same_keyer {
            // A warning, not a block (one-person teams exist): said after
            // what was saved, so the save stays announced.
            let note = Msg::SheetSameKeyer.fill(&[&keyer.unwrap_or_default()]);
            let saved = match &self.status {
                Some(super::Status::Info(s)) => {
                    format!("{s}{}{note}", Msg::SentenceSep.text())
                }
                _ => note,
            };
            self.status = Some(super::Status::Info(saved));
        }
    }

    /// Who keys this pass (may be left empty).
    pub(super) fn answer_keyer(&mut self, input: &str) -> bool {
        let name = crate::domain::names::normalize_text(input);
        if let Some(edit) = self.sheet_mut() {
            edit.keyer = (!name.is_empty()).then_some(name);
        }
        true
    }

    /// A value matching neither pass, confirmed from the paper: go on
    /// saving (another cell may need confirming too).
    pub(super) fn answer_neither(&mut self, cell: SheetCell) -> bool {
        let Some(key) = self.meeting_key().cloned() else {
            return true;
        };
        if let Some(edit) = self.sheet_mut() {
            edit.confirmed.push(cell);
        }
        self.close_prompt();
        self.save_sheet(&key);
        self.prompt().is_none()
    }

    /// Discard tally-sheet passes with the reason typed; from the agenda
    /// (switching method) on to keying ballots, on the sheet to the pass
    /// to key again.
    pub(super) fn answer_discard_sheet(&mut self, scope: SheetDiscard, input: &str) -> bool {
        let (Some(key), Some(round)) = (
            self.meeting_key().cloned(),
            self.current_round().map(|r| r.key.clone()),
        ) else {
            return false;
        };
        let event = Event::TallySheetDiscarded {
            round,
            scope,
            reason: crate::domain::names::normalize_text(input),
        };
        let msg = match scope {
            SheetDiscard::Second => Msg::SheetDiscardedSecond,
            SheetDiscard::All => Msg::SheetDiscardedAll,
        };
        if !self.record(event, Some(msg.text().to_string())) {
            return false;
        }
        if !matches!(self.screen, Screen::Sheet(..)) {
            let lines = self.current_round().map_or(0, |r| r.lines.len());
            self.set_draft(super::Draft::new(lines));
            self.show(Screen::Ballots);
            return true;
        }
        let grades = self.grades(&key);
        if let Some(r) = self.current_round() {
            let next = SheetEdit::for_round(r, grades);
            let stage = next.stage;
            self.set_sheet(next);
            if let SheetStage::Pass(p) = stage {
                self.close_prompt();
                self.ask(PromptKind::Keyer(p));
                return false;
            }
        }
        true
    }
}
