//! What is open over the screen: the help, the quit question, or a
//! question on the bottom line. One at a time, by construction.

use super::App;
use super::text_input::TextInput;
use crate::domain::MeetingKey;

/// The one thing open over the screen, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen's mode; any key closes it.
    Help,
    /// Quit? (y/n). Ctrl-C works at a question too; that question waits
    /// here, still on the bottom line, and is back, as typed, on `n`.
    ConfirmQuit(Option<Prompt>),
    /// A question on the bottom line awaiting typed input.
    Prompt(Prompt),
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
    /// 综合评分 of (unit, secretary): 0-100, empty for the suggestion.
    Score(String, String),
    /// 综合评价材料 of (unit, secretary), replaced whole.
    Material(String, String),
    /// Roll call: the name of someone absent, then (`AbsenceReason`) why.
    AbsenteeName,
    AbsenceReason(String),
    /// Roll call: who comes off the absentee list (name or number).
    RemoveAbsentee,
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
    /// What is typed: one field, or the form's fields in order.
    pub fields: Vec<TextInput>,
    /// The field being typed in.
    pub focus: usize,
    /// The input is a suggestion (pre-filled): the first character typed
    /// replaces it, as a selected default does; Enter accepts it.
    pub suggested: bool,
}

impl Prompt {
    /// An empty answer to `kind`, shaped as the question needs.
    pub fn new(kind: PromptKind) -> Self {
        let fields = match kind.shape() {
            Shape::Line | Shape::Confirm => vec![TextInput::new(false)],
            Shape::Text => vec![TextInput::new(true)],
            Shape::Form(n) => (0..n).map(|_| TextInput::new(true)).collect(),
        };
        Self {
            kind,
            fields,
            focus: 0,
            suggested: false,
        }
    }

    /// The field being typed in.
    pub fn input(&self) -> &TextInput {
        &self.fields[self.focus]
    }

    pub fn input_mut(&mut self) -> &mut TextInput {
        &mut self.fields[self.focus]
    }

    /// Every field's text, trimmed.
    pub fn answers(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.text().trim().to_string())
            .collect()
    }
}

/// What an answer looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line: a number, a name, a choice.
    Line,
    /// Nothing to type: Enter says yes, Esc no.
    Confirm,
    /// A text that may run over several lines.
    Text,
    /// A small form of this many labelled text fields.
    Form(usize),
}

impl PromptKind {
    pub fn shape(&self) -> Shape {
        match self {
            PromptKind::Comment(_)
            | PromptKind::Material(..)
            | PromptKind::Justification(..)
            | PromptKind::Investigation(..)
            | PromptKind::Reopen(_)
            | PromptKind::DiscardSheet(_)
            | PromptKind::DiscardBallots(_) => Shape::Text,
            PromptKind::Rectification(..) => Shape::Form(4),
            PromptKind::StartMeeting(_)
            | PromptKind::CloseRound(_)
            | PromptKind::VoidRound(_)
            | PromptKind::ConfirmOverReturned(_)
            | PromptKind::ConfirmNeither(_)
            | PromptKind::ConfirmProvisional(..) => Shape::Confirm,
            _ => Shape::Line,
        }
    }
}

impl App {
    pub fn help(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help))
    }

    pub fn confirm_quit(&self) -> bool {
        matches!(self.overlay, Some(Overlay::ConfirmQuit(_)))
    }

    /// The question on the bottom line, if any: the one open, or the one
    /// waiting under the quit question (it stays on the bottom line).
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.overlay {
            Some(Overlay::Prompt(p) | Overlay::ConfirmQuit(Some(p))) => Some(p),
            _ => None,
        }
    }

    pub(super) fn prompt_mut(&mut self) -> Option<&mut Prompt> {
        match &mut self.overlay {
            Some(Overlay::Prompt(p) | Overlay::ConfirmQuit(Some(p))) => Some(p),
            _ => None,
        }
    }

    /// Put `prompt` where the question goes (`None` closes it): under the
    /// quit question while that is open, else over the screen.
    pub(super) fn set_prompt(&mut self, prompt: Option<Prompt>) {
        self.overlay = match (self.overlay.take(), prompt) {
            (Some(Overlay::ConfirmQuit(_)), p) => Some(Overlay::ConfirmQuit(p)),
            (Some(Overlay::Help), None) => Some(Overlay::Help),
            (_, p) => p.map(Overlay::Prompt),
        };
    }

    pub(super) fn take_prompt(&mut self) -> Option<Prompt> {
        let prompt = self.prompt().cloned();
        self.set_prompt(None);
        prompt
    }

    pub(super) fn close_prompt(&mut self) {
        self.set_prompt(None);
    }

    pub(crate) fn ask(&mut self, kind: PromptKind) {
        self.set_prompt(Some(Prompt::new(kind)));
    }

    /// `?`: the keys can only ask for help with nothing open, and help
    /// never hides a question.
    pub(super) fn open_help(&mut self) {
        if self.overlay.is_none() {
            self.overlay = Some(Overlay::Help);
        }
    }

    /// Ctrl-C or `q`: ask, keeping an open question under the asking.
    pub(super) fn ask_quit(&mut self) {
        self.overlay = Some(Overlay::ConfirmQuit(match self.overlay.take() {
            Some(Overlay::Prompt(p) | Overlay::ConfirmQuit(Some(p))) => Some(p),
            _ => None,
        }));
    }

    /// `n` to quitting: back to the question that was open, if any.
    pub(super) fn stay(&mut self) {
        self.overlay = match self.overlay.take() {
            Some(Overlay::ConfirmQuit(p)) => p.map(Overlay::Prompt),
            other => other,
        };
    }
}
