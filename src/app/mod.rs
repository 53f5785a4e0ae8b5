//! The app layer: the state of the meeting laptop's screen, and what each
//! action does. Writing goes key -> action -> check -> append (one durable
//! transaction) -> fold -> redraw; nothing shows as accepted before its
//! event has committed. The screens (the `ui` module) render from `&App`;
//! nothing here imports them.

mod ballots;
pub mod draft;
mod export;
mod grading;
pub mod keymap;
mod meeting;
pub mod mirror;
mod prompt;
mod roster;
pub mod sheet_edit;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyEvent;

use crate::catalog::Msg;
use crate::domain::{AgendaStep, Event, MeetingKey, MeetingKind, Model, Round};
use crate::store::{Session, StoreError};
pub use draft::Draft;
pub use export::{Deferred, export_path};
pub use keymap::{Action, Mode, SheetMode, StepKind};
pub use sheet_edit::{SheetEdit, SheetStage};

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// 街道总览: every unit's meetings.
    Home,
    /// One meeting's agenda.
    Agenda(MeetingKey),
    /// Keying ballots one by one for the meeting's current round.
    Ballots(MeetingKey),
    /// Keying the counter's tally sheet.
    Sheet(MeetingKey),
    /// 评定等次: the office's grading board.
    Grading,
}

/// A question on the bottom line awaiting typed input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    StartMeeting(MeetingKey),
    RollCall,
    Issued,
    Returned,
    Comment(String),
    Correct,
    Withdraw,
    CloseRound(u32),
    Reopen(u32),
    VoidRound(u32),
    Justification(crate::domain::grading::Target, u8),
    Investigation(String, String),
    Combined(String, String),
    Rectification(String, String),
    /// The path of a roster to import.
    ImportRoster,
    /// A grade (index into the group's grades) or a combined level (0 = 好)
    /// on a meeting not closed: recorded on Enter, marked provisional.
    ConfirmProvisional(crate::domain::board::Decision, u8),
    /// Who keys tally-sheet pass 1 or 2 (计票人; may be left empty).
    Keyer(u8),
    /// A re-keyed tally cell matches neither pass: confirm from the paper.
    ConfirmNeither(crate::domain::SheetCell),
    /// Discard tally-sheet passes, with a reason.
    DiscardSheet(crate::domain::SheetDiscard),
    /// Set aside this many ballots keyed one by one, with a reason, to
    /// count from a tally sheet instead.
    DiscardBallots(usize),
    /// Save a ballot beyond the ballots returned? (the content to save)
    ConfirmOverReturned(crate::domain::BallotContent),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// The input is a suggestion (pre-filled): the first character typed
    /// replaces it, as a selected default does; Enter accepts it.
    pub suggested: bool,
}

/// The sentence on the status line after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

pub struct App {
    pub session: Session,
    pub screen: Screen,
    /// The selected row on the street board.
    pub home_selected: usize,
    /// The selected person in the written-reports checklist.
    pub written_selected: usize,
    /// The grading board's group and selected row.
    pub grading_group: crate::domain::grading::Group,
    pub grading_selected: usize,
    pub draft: Draft,
    pub sheet: Option<SheetEdit>,
    pub prompt: Option<Prompt>,
    pub confirm_quit: bool,
    pub help: bool,
    pub status: Option<Status>,
    /// This session's ballot actions, newest last, for undo.
    pub undo: Vec<ballots::Undo>,
    /// A step of a closed meeting being looked at: browsing a closed
    /// round records nothing.
    pub browse: Option<(MeetingKey, AgendaStep)>,
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
            home_selected: 0,
            written_selected: 0,
            grading_group: crate::domain::grading::Group::Units,
            grading_selected: 0,
            draft: Draft::new(0),
            sheet: None,
            prompt: None,
            confirm_quit: false,
            help: false,
            status: None,
            undo: Vec::new(),
            browse: None,
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
        match &self.screen {
            Screen::Home | Screen::Grading => None,
            Screen::Agenda(k) | Screen::Ballots(k) | Screen::Sheet(k) => Some(k),
        }
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
        match &self.browse {
            Some((k, step)) if k == key && closed => Some(step.clone()),
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

    /// The mode whose keymap applies now.
    pub fn mode(&self) -> Mode {
        if self.confirm_quit {
            return Mode::ConfirmQuit;
        }
        if self.prompt.is_some() {
            return Mode::Prompt;
        }
        match &self.screen {
            Screen::Home => Mode::Home,
            Screen::Ballots(_) => Mode::Ballots,
            Screen::Sheet(_) => Mode::Sheet(match self.sheet.as_ref().map(|s| s.stage) {
                Some(SheetStage::Pass(1)) | None => SheetMode::First,
                Some(SheetStage::Pass(_)) => SheetMode::Second,
                Some(SheetStage::Resolve) => SheetMode::Resolve,
                Some(SheetStage::Done) => SheetMode::Done,
            }),
            Screen::Grading => Mode::Grading,
            Screen::Agenda(k) => Mode::Agenda(match self.step_of(k) {
                Some(
                    AgendaStep::RollCall | AgendaStep::IssueBallots | AgendaStep::CollectBallots,
                ) => StepKind::Numbers,
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
            }),
        }
    }

    /// Handle one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if self.help {
            // Any key closes the help screen, and does nothing else.
            self.help = false;
            return;
        }
        let Some(action) = keymap::lookup(self.mode(), &key) else {
            return;
        };
        self.on_action(action);
    }

    pub fn on_action(&mut self, action: Action) {
        if !matches!(action, Action::Type(_) | Action::DeleteDigit) {
            // A new action clears the last sentence; typing keeps it visible.
            self.status = None;
        }
        match action {
            Action::Quit => self.confirm_quit = true,
            Action::Yes => self.quit = true,
            Action::No => self.confirm_quit = false,
            Action::Help => self.help = true,
            Action::Export => self.request_export(),
            _ if self.prompt.is_some() => self.on_prompt(action),
            _ => match self.screen.clone() {
                Screen::Home => self.on_home(action),
                Screen::Agenda(k) => self.on_agenda(&k, action),
                Screen::Ballots(k) => self.on_ballots(&k, action),
                Screen::Sheet(k) => self.on_sheet(&k, action),
                Screen::Grading => self.on_grading(action),
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
                    self.screen = Screen::Agenda(key);
                } else {
                    self.ask(PromptKind::StartMeeting(key));
                }
            }
            Action::OpenGrading => {
                self.grading_selected = 0;
                self.screen = Screen::Grading;
            }
            Action::ImportRoster => self.ask(PromptKind::ImportRoster),
            _ => {}
        }
    }

    pub(crate) fn ask(&mut self, kind: PromptKind) {
        self.prompt = Some(Prompt {
            kind,
            input: String::new(),
            suggested: false,
        });
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
        self.status = Some(Status::Error(e.to_string()));
    }

    pub(crate) fn say(&mut self, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.status = Some(Status::Info(msg.fill(args)));
    }

    pub(crate) fn refuse(&mut self, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.status = Some(Status::Error(msg.fill(args)));
    }
}
