//! Keying the counter's tally sheet twice, blind, and resolving the cells
//! where the two passes differ (double entry, the four-eyes practice).

use super::{App, Screen};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::{Event, MeetingKey, Round, SheetCell, TallySheet};

/// What the sheet screen is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetStage {
    /// Keying pass 1 or 2; the other pass is never shown (blind).
    Pass(u8),
    /// Both passes keyed and different: key the right value of each
    /// differing cell from the paper.
    Resolve,
    /// Agreed or resolved: read-only.
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
        }
    }

    pub fn cell(&self) -> Option<SheetCell> {
        self.cells.get(self.cursor).copied()
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
        // Paper tallies never reach a million; cap to keep typing sane.
        let value = (old.saturating_mul(10) + u32::from(d)).min(999_999);
        self.sheet.set(cell, value);
        self.fresh = false;
        if !self.rekeyed.contains(&cell) {
            self.rekeyed.push(cell);
        }
    }

    /// Disputed cells not yet keyed again.
    pub fn unresolved(&self) -> usize {
        self.disputed
            .iter()
            .filter(|c| !self.rekeyed.contains(c))
            .count()
    }

    fn delete(&mut self) {
        if let Some(cell) = self.cell() {
            self.sheet.set(cell, self.sheet.get(cell) / 10);
            self.fresh = false;
        }
    }
}

impl App {
    pub(super) fn on_sheet(&mut self, key: &MeetingKey, action: Action) {
        let Some(edit) = self.sheet.as_mut() else {
            self.screen = Screen::Agenda(key.clone());
            return;
        };
        let editable = edit.stage != SheetStage::Done;
        match action {
            Action::Back => {
                self.screen = Screen::Agenda(key.clone());
            }
            Action::Digit(d) if editable => edit.digit(d),
            Action::DeleteDigit if editable => edit.delete(),
            Action::NextCell => edit.move_by(1),
            Action::PrevCell => edit.move_by(-1),
            Action::Up => edit.move_row(false),
            Action::Down => edit.move_row(true),
            Action::SaveSheet if editable => self.save_sheet(key),
            _ => {}
        }
    }

    fn save_sheet(&mut self, key: &MeetingKey) {
        let (Some(edit), Some(round)) = (self.sheet.clone(), self.current_round()) else {
            return;
        };
        let round_key = round.key.clone();
        if edit.stage == SheetStage::Resolve && edit.unresolved() > 0 {
            return self.refuse(Msg::SheetUnresolved, &[&edit.unresolved()]);
        }
        let rows_disagree = !edit.sheet.row_totals_agree();
        let (event, msg) = match edit.stage {
            SheetStage::Pass(pass) => (
                Event::TallySheetEntered {
                    round: round_key,
                    pass,
                    sheet: edit.sheet.clone(),
                },
                Msg::SheetSaved.fill(&[&pass]),
            ),
            _ => (
                Event::TallySheetResolved {
                    round: round_key,
                    sheet: edit.sheet.clone(),
                },
                Msg::SheetResolved.text().to_string(),
            ),
        };
        if !self.record(event, Some(msg)) {
            return;
        }
        let grades = self.grades(key);
        if let Some(round) = self.current_round() {
            let next = SheetEdit::for_round(round, grades);
            if next.stage == SheetStage::Resolve {
                self.say(Msg::SheetDiffers, &[&next.disputed.len()]);
            } else if next.stage == SheetStage::Done && edit.stage == SheetStage::Pass(2) {
                self.say(Msg::SheetAgreed, &[]);
            }
            if rows_disagree {
                self.refuse(Msg::SheetRowsDisagree, &[]);
            }
            self.sheet = Some(next);
        }
    }
}
