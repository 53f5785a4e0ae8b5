//! The app layer: the state of the meeting laptop's screen, and what each
//! action does. Writing goes key -> action -> check -> append (one durable
//! transaction) -> fold -> redraw; nothing shows as accepted before its
//! event has committed. The screens (the `ui` module) render from `&App`;
//! nothing here imports them.

mod annex6;
mod attendance;
mod ballots;
pub mod draft;
mod export;
mod grading;
pub mod keymap;
mod meeting;
pub mod mirror;
mod overlay;
mod prompt;
mod roster;
mod screen;
pub mod sheet_edit;
pub mod start;
pub mod text_input;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyEvent;

use crate::catalog::Msg;
use crate::domain::{AgendaStep, Event, MeetingKey, MeetingKind, Model, Round};
use crate::store::{Session, StoreError};
pub use draft::Draft;
pub use export::{Deferred, export_path};
pub use keymap::{Action, Mode, SheetMode, StepKind};
pub use overlay::{Overlay, Prompt, PromptKind, Shape};
pub use screen::{GradingView, MeetingView, Screen, ScreenId};
pub use sheet_edit::{SheetEdit, SheetStage};
pub use text_input::{TextEdit, TextInput};

/// The sentence on the status line after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

pub struct App {
    pub session: Session,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// The selected row on the street board, kept while other screens
    /// show: they all return to the board, on the row they left from.
    pub home_selected: usize,
    /// The grading board's group, kept between visits to the board.
    pub grading_group: crate::domain::grading::Group,
    pub status: Option<Status>,
    /// This session's ballot actions, newest last, for undo. Kept across
    /// screens: each names its round, and undo touches only the round on
    /// screen.
    pub undo: Vec<ballots::Undo>,
    pub quit: bool,
    /// Work that waits until the frame saying it started is drawn.
    pub deferred: Option<Deferred>,
    /// The clock, set by the event loop (and by tests, for fixed screens).
    pub now: DateTime<FixedOffset>,
    /// The copy kept on a USB stick (`--mirror`), if any.
    pub mirror: Option<mirror::Mirror>,
    /// When the last key came, and how far the file was folded into the
    /// main file (see `store::checkpoint`), for the idle checkpoint.
    pub last_input: std::time::Instant,
    pub checkpointed: u64,
    /// The grading board of (events folded, group), see `board_rows`.
    board_cache: BoardCache,
}

type BoardCache = std::cell::RefCell<
    Option<(
        (u64, crate::domain::grading::Group),
        std::rc::Rc<Vec<crate::domain::board::BoardRow>>,
    )>,
>;

/// After this long without a key, what was keyed is folded into the main
/// file (a copy of just the file then holds it).
pub const IDLE_CHECKPOINT: std::time::Duration = std::time::Duration::from_secs(30);

impl App {
    pub fn new(session: Session, now: DateTime<FixedOffset>) -> App {
        App {
            session,
            screen: Screen::Home,
            overlay: None,
            home_selected: 0,
            grading_group: crate::domain::grading::Group::Units,
            status: None,
            undo: Vec::new(),
            quit: false,
            deferred: None,
            now,
            mirror: None,
            last_input: std::time::Instant::now(),
            checkpointed: 0,
            board_cache: Default::default(),
        }
    }

    pub fn model(&self) -> &Model {
        &self.session.model
    }

    /// The street board's rows: every meeting of every unit.
    pub fn meetings(&self) -> Vec<MeetingKey> {
        self.model()
            .campaign
            .units
            .iter()
            .flat_map(|u| {
                u.meetings.iter().map(|&meeting| MeetingKey {
                    unit: u.name.clone(),
                    meeting,
                })
            })
            .collect()
    }

    /// The meeting the screen is on, if any.
    pub fn meeting_key(&self) -> Option<&MeetingKey> {
        self.screen.meeting().map(|v| &v.key)
    }

    pub fn current_round(&self) -> Option<&Round> {
        let k = self.meeting_key()?;
        self.model().current_round(&k.unit, k.meeting)
    }

    pub fn current_step(&self) -> Option<AgendaStep> {
        self.step_of(self.meeting_key()?)
    }

    /// The step the screen shows for meeting `key`: the meeting's own, or
    /// the one being looked at while its round is closed.
    pub fn step_of(&self, key: &MeetingKey) -> Option<AgendaStep> {
        let closed = self
            .model()
            .current_round(&key.unit, key.meeting)
            .is_some_and(|r| matches!(r.status, crate::domain::RoundStatus::Closed { .. }));
        let browsed = self
            .screen
            .meeting()
            .filter(|v| v.key == *key)
            .and_then(|v| v.browse.as_ref());
        match browsed {
            Some(step) if closed => Some(step.clone()),
            _ => self.model().current_step(key),
        }
    }

    /// Is a speaker timer running on screen? The event loop ticks only then.
    pub fn timer_visible(&self) -> bool {
        match (self.meeting_key(), self.current_step(), &self.screen) {
            (Some(k), Some(AgendaStep::OralReport { subject }), Screen::Agenda(_)) => self
                .model()
                .meetings
                .get(k)
                .and_then(|m| m.speech(&subject))
                .is_some_and(|s| s.running_since.is_some()),
            _ => false,
        }
    }

    /// The mode whose keymap applies now. Under the help it is the
    /// screen's: the help lists that mode's keys.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::ConfirmQuit(_)) => Mode::ConfirmQuit,
            Some(Overlay::Prompt(p)) => match p.kind.shape() {
                Shape::Line | Shape::Confirm => Mode::Prompt,
                Shape::Text => Mode::TextPrompt,
                Shape::Form(_) => Mode::FormPrompt,
            },
            Some(Overlay::Help) | None => self.screen_mode(),
        }
    }

    fn screen_mode(&self) -> Mode {
        match &self.screen {
            Screen::Home => Mode::Home,
            Screen::Ballots(_) => Mode::Ballots,
            Screen::Sheet(_, edit) => Mode::Sheet(match edit.stage {
                SheetStage::Pass(1) => SheetMode::First,
                SheetStage::Pass(_) => SheetMode::Second,
                SheetStage::Resolve => SheetMode::Resolve,
                SheetStage::Done => SheetMode::Done,
            }),
            Screen::Grading(_) => Mode::Grading,
            Screen::Agenda(v) => Mode::Agenda(self.step_kind(&v.key)),
        }
    }

    fn step_kind(&self, k: &MeetingKey) -> StepKind {
        match self.step_of(k) {
            Some(AgendaStep::RollCall) => StepKind::Numbers,
            Some(step @ (AgendaStep::IssueBallots | AgendaStep::CollectBallots)) => {
                let void_way_on = crate::domain::needs::needs(self.model(), k, &step)
                    .iter()
                    .any(crate::domain::needs::Need::voiding_leads_on);
                if void_way_on {
                    StepKind::HandoutVoid
                } else {
                    StepKind::Handout
                }
            }
            Some(AgendaStep::OralReport { .. })
                if k.meeting == MeetingKind::PartyBuildingReview =>
            {
                StepKind::OralWithComment
            }
            Some(AgendaStep::OralReport { .. }) => StepKind::Oral,
            Some(AgendaStep::WrittenReports) => StepKind::Written,
            Some(AgendaStep::Counting) => StepKind::Counting,
            Some(AgendaStep::Close)
                if self
                    .model()
                    .current_round(&k.unit, k.meeting)
                    .is_some_and(|r| {
                        matches!(r.status, crate::domain::RoundStatus::Closed { .. })
                    }) =>
            {
                StepKind::Closed
            }
            Some(AgendaStep::Close) => StepKind::Close,
            _ => StepKind::Plain,
        }
    }

    /// Handle one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if self.help() {
            // Any key closes the help screen, and does nothing else.
            self.overlay = None;
            return;
        }
        let Some(action) = keymap::lookup(self.mode(), &key) else {
            return;
        };
        self.on_action(action);
    }

    pub fn on_action(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Type(_)
                | Action::DeleteDigit
                | Action::EditText(_)
                | Action::NextField
                | Action::PrevField
        ) {
            // A new action clears the last sentence; typing keeps it visible.
            self.status = None;
        }
        match action {
            Action::Quit => self.ask_quit(),
            Action::Yes => self.quit = true,
            Action::No => self.stay(),
            Action::Help => self.open_help(),
            Action::Export => self.request_export(),
            _ if self.prompt().is_some() => self.on_prompt(action),
            _ => match self.screen.id() {
                ScreenId::Home => self.on_home(action),
                ScreenId::Agenda(k) => self.on_agenda(&k, action),
                ScreenId::Ballots(k) => self.on_ballots(&k, action),
                ScreenId::Sheet(k) => self.on_sheet(&k, action),
                ScreenId::Grading => self.on_grading(action),
            },
        }
    }

    fn on_home(&mut self, action: Action) {
        let n = self.meetings().len();
        match action {
            Action::Up => self.home_selected = self.home_selected.saturating_sub(1),
            Action::Down => self.home_selected = (self.home_selected + 1).min(n.saturating_sub(1)),
            Action::Open => {
                let Some(key) = self.meetings().get(self.home_selected).cloned() else {
                    return;
                };
                if self.model().current_round(&key.unit, key.meeting).is_some() {
                    self.screen = Screen::Agenda(MeetingView::new(key));
                } else {
                    self.ask(PromptKind::StartMeeting(key));
                }
            }
            Action::OpenGrading => self.screen = Screen::Grading(GradingView::default()),
            Action::ImportRoster => self.ask(PromptKind::ImportRoster),
            _ => {}
        }
    }

    /// Record one event; on success say `ok`, on refusal say why. Returns
    /// whether it was recorded.
    pub(crate) fn record(&mut self, event: Event, ok: Option<String>) -> bool {
        match self.session.record(event.clone()) {
            Ok(_) => {
                if let Some(m) = self.mirror.as_mut() {
                    m.noted(&event);
                }
                if let Some(text) = ok {
                    self.status = Some(Status::Info(text));
                }
                true
            }
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }

    /// Work without input: collect and start mirror copies, and fold the
    /// file after a pause in keying. Returns whether the screen changed.
    pub fn tick(&mut self) -> bool {
        let changed = match self.mirror.as_mut() {
            Some(m) => m.tick(self.now),
            None => false,
        };
        let seq = self.session.store.last_seq();
        if self.last_input.elapsed() >= IDLE_CHECKPOINT
            && seq > self.checkpointed
            && self.session.store.checkpoint().unwrap_or(false)
        {
            self.checkpointed = seq;
        }
        changed
    }

    /// How long the event loop may wait for a key before `tick` is due.
    pub fn wake_in(&self) -> Option<std::time::Duration> {
        let idle = (self.session.store.last_seq() > self.checkpointed)
            .then(|| IDLE_CHECKPOINT.saturating_sub(self.last_input.elapsed()));
        let mirror = self.mirror.as_ref().and_then(|m| m.wake_in());
        match (idle, mirror) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    pub(crate) fn fail(&mut self, e: StoreError) {
        self.status = Some(Status::Error(e.message(crate::i18n::lang())));
    }

    pub(crate) fn say(&mut self, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.status = Some(Status::Info(msg.fill(args)));
    }

    pub(crate) fn refuse(&mut self, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.status = Some(Status::Error(msg.fill(args)));
    }
}
