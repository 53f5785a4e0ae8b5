//! Which screen is showing, with the state that belongs to it: a screen's
//! state is built when the screen opens and dropped when it closes, so no
//! screen can see another's leftovers (a tally sheet while keying ballots,
//! a draft of another meeting).
//!
//! Two things outlive their screens on purpose and stay on `App`: the
//! street board's selected row (every screen returns to the board, on the
//! row it left) and the grading board's group (the office comes back to
//! the group it was working on).

use super::{App, Draft, SheetEdit};
use crate::domain::{AgendaStep, MeetingKey};

/// Which screen is showing, and its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// 街道总览: every unit's meetings.
    Home,
    /// One meeting's agenda.
    Agenda(MeetingView),
    /// Keying ballots one by one for the meeting's current round.
    Ballots(MeetingView),
    /// Keying the counter's tally sheet.
    Sheet(MeetingView, SheetEdit),
    /// 评定等次: the office's grading board.
    Grading(GradingView),
}

/// Which screen is showing, without its state: what tests and callers
/// compare against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScreenId {
    Home,
    Agenda(MeetingKey),
    Ballots(MeetingKey),
    Sheet(MeetingKey),
    Grading,
}

/// One visit to a meeting, shared by its agenda, ballot and tally-sheet
/// screens; it ends when the street board is shown again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingView {
    pub key: MeetingKey,
    /// A step of a closed round being looked at: browsing a closed round
    /// records nothing, and going back to the board forgets it.
    pub browse: Option<AgendaStep>,
    /// The selected person in the written-reports checklist.
    pub written_selected: usize,
    /// The first person shown in the announcement (公布结果), when not
    /// everyone fits the screen.
    pub announce_from: usize,
    /// The ballot being keyed. It lives with the visit, not the ballot
    /// screen, so that Esc to the agenda and Enter back loses nothing typed.
    pub draft: Draft,
}

impl MeetingView {
    pub fn new(key: MeetingKey) -> MeetingView {
        MeetingView {
            key,
            browse: None,
            written_selected: 0,
            announce_from: 0,
            draft: Draft::new(0),
        }
    }
}

/// The grading board's own state (its group is kept on `App`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GradingView {
    /// The selected row of the group shown.
    pub selected: usize,
}

/// What `App::draft` shows where no meeting is open.
static NO_DRAFT: Draft = Draft {
    marks: Vec::new(),
    cursor: 0,
    invalid: false,
    correcting: None,
};

impl Screen {
    pub fn id(&self) -> ScreenId {
        match self {
            Screen::Home => ScreenId::Home,
            Screen::Agenda(v) => ScreenId::Agenda(v.key.clone()),
            Screen::Ballots(v) => ScreenId::Ballots(v.key.clone()),
            Screen::Sheet(v, _) => ScreenId::Sheet(v.key.clone()),
            Screen::Grading(_) => ScreenId::Grading,
        }
    }

    /// The meeting visit, on any of a meeting's screens.
    pub fn meeting(&self) -> Option<&MeetingView> {
        match self {
            Screen::Agenda(v) | Screen::Ballots(v) | Screen::Sheet(v, _) => Some(v),
            Screen::Home | Screen::Grading(_) => None,
        }
    }

    fn meeting_mut(&mut self) -> Option<&mut MeetingView> {
        match self {
            Screen::Agenda(v) | Screen::Ballots(v) | Screen::Sheet(v, _) => Some(v),
            Screen::Home | Screen::Grading(_) => None,
        }
    }
}

impl App {
    /// The ballot being keyed in the meeting on screen; an empty one
    /// where no meeting is open.
    pub fn draft(&self) -> &Draft {
        self.screen.meeting().map_or(&NO_DRAFT, |v| &v.draft)
    }

    /// The tally sheet being keyed, on the sheet screen.
    pub fn sheet(&self) -> Option<&SheetEdit> {
        match &self.screen {
            Screen::Sheet(_, edit) => Some(edit),
            _ => None,
        }
    }

    /// The selected person in the written-reports checklist.
    pub fn written_selected(&self) -> usize {
        self.screen.meeting().map_or(0, |v| v.written_selected)
    }

    /// The selected row on the grading board.
    pub fn grading_selected(&self) -> usize {
        match &self.screen {
            Screen::Grading(g) => g.selected,
            _ => 0,
        }
    }

    pub(super) fn meeting_view_mut(&mut self) -> Option<&mut MeetingView> {
        self.screen.meeting_mut()
    }

    pub(super) fn edit_draft(&mut self, edit: impl FnOnce(&mut Draft)) {
        if let Some(v) = self.meeting_view_mut() {
            edit(&mut v.draft);
        }
    }

    pub(super) fn set_draft(&mut self, draft: Draft) {
        self.edit_draft(|d| *d = draft);
    }

    pub(super) fn sheet_mut(&mut self) -> Option<&mut SheetEdit> {
        match &mut self.screen {
            Screen::Sheet(_, edit) => Some(edit),
            _ => None,
        }
    }

    pub(super) fn set_sheet(&mut self, edit: SheetEdit) {
        if let Some(e) = self.sheet_mut() {
            *e = edit;
        }
    }

    pub(super) fn grading_view_mut(&mut self) -> Option<&mut GradingView> {
        match &mut self.screen {
            Screen::Grading(g) => Some(g),
            _ => None,
        }
    }

    /// Move to another of the meeting's screens, keeping the visit
    /// (`Screen::Agenda`, `Screen::Ballots`, or a closure making a sheet).
    /// Off a meeting's screens this does nothing.
    pub(super) fn show(&mut self, to: impl FnOnce(MeetingView) -> Screen) {
        self.screen = match std::mem::replace(&mut self.screen, Screen::Home) {
            Screen::Agenda(v) | Screen::Ballots(v) | Screen::Sheet(v, _) => to(v),
            other => other,
        };
    }
}
