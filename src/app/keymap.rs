//! Keys as data: one table of bindings per mode. The footer and the help
//! screen are generated from these tables, so they cannot disagree with
//! the keys that really work.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::draft::ROW_KEYS;
use super::text_input::TextEdit;
use crate::catalog::{Msg, StartText};

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Open,
    NextStep,
    PrevStep,
    Edit,
    TimerToggle,
    TimerStop,
    /// Take a mistaken stop of the speaker timer back.
    TimerUnstop,
    Comment,
    ToggleReceived,
    KeyBallots,
    KeySheet,
    Grade(u8),
    Abstain,
    VoidMark,
    Row(usize),
    /// Ballot entry: the next row with the cursor row's letter (c, c+, c++).
    NextSameLetter,
    Commit,
    SameAsLast,
    ClearDraft,
    InvalidBallot,
    Undo,
    Correct,
    Withdraw,
    Digit(u8),
    DeleteDigit,
    NextCell,
    PrevCell,
    SaveSheet,
    /// Resolving a tally sheet: keep pass 1 or 2 whole.
    KeepPass(u8),
    /// Resolving: throw pass 2 away and key it again.
    DiscardSecond,
    /// Throw the whole tally sheet away (with a reason) and key it again.
    DiscardSheet,
    /// Acknowledge the counting warnings of the current step.
    Acknowledge,
    Type(char),
    /// Editing what is typed: cursor movement and deleting.
    EditText(TextEdit),
    /// A form: the next field, or the one before.
    NextField,
    PrevField,
    /// A capital letter where only small letters mean something.
    CapsLock,
    OpenGrading,
    /// Import a roster spreadsheet (street board).
    ImportRoster,
    CloseRound,
    Reopen,
    Void,
    NextGroup,
    PrevGroup,
    ClearGrade,
    Investigation,
    CombinedEvaluation,
    EditRectification,
    RectificationStatus,
    /// 综合评分 of a secretary (附件6): a score, or back to the suggestion.
    CombinedScore,
    /// 综合评价材料 of a secretary (附件6): the written evaluation.
    CombinedMaterial,
    /// Roll call: add someone to the absentee list, then their reason.
    AddAbsentee,
    /// Roll call: take someone off the absentee list.
    RemoveAbsentee,
    /// Export the street's results as xlsx next to the campaign file.
    Export,
    Confirm,
    Cancel,
    Yes,
    No,
    /// The start screen: create the demo file and open it.
    CreateDemo,
    /// The start screen: create a file from a campaign TOML.
    CreateFromToml,
    /// The start screen: the projector for the selected file.
    Projector,
}

/// The modes that have a keymap of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    /// The agenda, at a step of this kind.
    Agenda(StepKind),
    Ballots,
    Sheet(SheetMode),
    Grading,
    /// A question answered on one line.
    Prompt,
    /// A question answered with a text (several lines).
    TextPrompt,
    /// A small form of labelled text fields.
    FormPrompt,
    ConfirmQuit,
    /// The start screen (`ceping` with no arguments): the campaign files.
    Start,
}

/// The tally sheet's stages, by the keys they take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetMode {
    /// Pass 1: typing.
    First,
    /// Pass 2: typing, and pass 1 may be thrown away.
    Second,
    /// The passes differ: typing the paper's values, keeping or
    /// discarding a pass.
    Resolve,
    /// Accepted: read-only; it may be discarded with a reason.
    Done,
}

/// Agenda steps grouped by the keys they take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// The roll call: 应到/实到, and who is absent and why.
    Numbers,
    /// Issuing and collecting: the ballots' counts only.
    Handout,
    /// Issuing and collecting when only voiding the round leads on.
    HandoutVoid,
    Oral,
    OralWithComment,
    Written,
    Counting,
    Close,
    /// The close step of a round already closed: only reopening.
    Closed,
    Plain,
}

/// What a binding does, in words: a label of the meeting screen's table,
/// or of the start screen's (which has a table of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desc {
    Ui(Msg),
    Start(StartText),
}

impl Desc {
    /// The words in the current language.
    pub fn text(self) -> &'static str {
        match self {
            Desc::Ui(m) => m.text(),
            Desc::Start(s) => s.text(),
        }
    }
}

/// One binding: the keys as shown, how they match, what they mean.
pub struct Binding {
    pub keys: &'static str,
    pub matches: fn(&KeyEvent) -> Option<Action>,
    pub desc: Desc,
    /// Shown in the footer (the help screen shows every binding).
    pub footer: bool,
}

fn plain(k: &KeyEvent) -> bool {
    !k.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn ch(k: &KeyEvent) -> Option<char> {
    match k.code {
        KeyCode::Char(c) if plain(k) => Some(c),
        _ => None,
    }
}

macro_rules! key {
    ($keys:literal, $pat:pat => $action:expr, $desc:ident, $footer:expr) => {
        Binding {
            keys: $keys,
            matches: |k| match (k.code, plain(k)) {
                ($pat, true) => Some($action),
                _ => None,
            },
            desc: Desc::Ui(Msg::$desc),
            footer: $footer,
        }
    };
}

const CTRL_C: Binding = Binding {
    keys: "Ctrl-C",
    matches: |k| {
        (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
            .then_some(Action::Quit)
    },
    desc: Desc::Ui(Msg::KeyQuit),
    footer: false,
};

const HOME: &[Binding] = &[
    key!("Up", KeyCode::Up | KeyCode::Char('k') => Action::Up, KeyUp, false),
    key!("Down", KeyCode::Down | KeyCode::Char('j') => Action::Down, KeyDown, false),
    key!("Enter", KeyCode::Enter => Action::Open, KeyOpen, true),
    key!("g", KeyCode::Char('g') => Action::OpenGrading, KeyGrading, true),
    key!("i", KeyCode::Char('i') => Action::ImportRoster, KeyImport, true),
    key!("?", KeyCode::Char('?') => Action::Help, KeyHelp, true),
    key!("q", KeyCode::Char('q') => Action::Quit, KeyQuit, true),
    CTRL_C,
];

const AGENDA_COMMON: &[Binding] = &[
    key!("n / Right", KeyCode::Char('n') | KeyCode::Right | KeyCode::PageDown => Action::NextStep, KeyNext, true),
    key!("p / Left", KeyCode::Char('p') | KeyCode::Left | KeyCode::PageUp => Action::PrevStep, KeyPrev, true),
    key!("Esc", KeyCode::Esc => Action::Back, KeyBack, true),
    key!("?", KeyCode::Char('?') => Action::Help, KeyHelp, true),
    CTRL_C,
];

/// 公布结果: the announcement scrolls when not everyone fits.
const ANNOUNCE_SCROLL: &[Binding] = &[
    key!("Up", KeyCode::Up | KeyCode::Char('k') => Action::Up, KeyScrollUp, false),
    key!("Down", KeyCode::Down | KeyCode::Char('j') => Action::Down, KeyScrollDown, false),
];

/// The roll call's numbers are people.
const AGENDA_PEOPLE: &[Binding] = &[key!("e", KeyCode::Char('e') => Action::Edit, KeyEdit, true)];

/// Issuing and collecting: the numbers are ballots.
const AGENDA_NUMBERS: &[Binding] = &[
    key!("e", KeyCode::Char('e') => Action::Edit, KeyEditBallots, true),
    key!("v", KeyCode::Char('v') => Action::Void, KeyVoid, false),
];

/// Issuing and collecting when voiding is the way on (more returned than
/// issued): `v` in the footer too.
const AGENDA_NUMBERS_VOID: &[Binding] = &[
    key!("e", KeyCode::Char('e') => Action::Edit, KeyEditBallots, true),
    key!("v", KeyCode::Char('v') => Action::Void, KeyVoid, true),
];

/// The roll call's absentee list (for the minutes).
const AGENDA_ROLL_CALL: &[Binding] = &[
    key!("b", KeyCode::Char('b') => Action::AddAbsentee, KeyAddAbsentee, true),
    key!("x", KeyCode::Char('x') => Action::RemoveAbsentee, KeyRemoveAbsentee, true),
];

/// Where counting warnings arise (numbers, counting, close): acknowledge.
const ACKNOWLEDGE: &[Binding] =
    &[key!("a", KeyCode::Char('a') => Action::Acknowledge, KeyAcknowledge, true)];

const AGENDA_CLOSE: &[Binding] = &[
    key!("Enter", KeyCode::Enter => Action::CloseRound, KeyCloseRound, true),
    key!("o", KeyCode::Char('o') => Action::Reopen, KeyReopen, true),
];

/// On the results screens (counting, results, close): export to Excel.
const EXPORT: &[Binding] = &[key!("d", KeyCode::Char('d') => Action::Export, KeyExport, false)];

const AGENDA_CLOSED: &[Binding] =
    &[key!("o", KeyCode::Char('o') => Action::Reopen, KeyReopen, true)];

const GRADING: &[Binding] = &[
    key!("Tab / Right", KeyCode::Tab | KeyCode::Right => Action::NextGroup, KeyGroup, true),
    key!("Left", KeyCode::Left | KeyCode::BackTab => Action::PrevGroup, KeyGroup, false),
    key!("Up", KeyCode::Up => Action::Up, KeyUp, false),
    key!("Down", KeyCode::Down => Action::Down, KeyDown, false),
    Binding {
        keys: "1-4",
        matches: |k| match ch(k) {
            Some(c @ '1'..='9') => Some(Action::Grade(c as u8 - b'1')),
            _ => None,
        },
        desc: Desc::Ui(Msg::KeyAssign),
        footer: true,
    },
    key!("0 / Backspace", KeyCode::Char('0') | KeyCode::Backspace => Action::ClearGrade, KeyClearGrade, true),
    key!("i", KeyCode::Char('i') => Action::Investigation, KeyInvestigation, true),
    key!("c", KeyCode::Char('c') => Action::CombinedEvaluation, KeyCombined, true),
    key!("r", KeyCode::Char('r') => Action::EditRectification, KeyRectification, true),
    key!("s", KeyCode::Char('s') => Action::RectificationStatus, KeyRectStatus, false),
    key!("p", KeyCode::Char('p') => Action::CombinedScore, KeyScore, true),
    key!("m", KeyCode::Char('m') => Action::CombinedMaterial, KeyMaterial, true),
    key!("d", KeyCode::Char('d') => Action::Export, KeyExport, false),
    key!("Esc", KeyCode::Esc => Action::Back, KeyBack, true),
    key!("?", KeyCode::Char('?') => Action::Help, KeyHelp, true),
    CTRL_C,
];

const AGENDA_ORAL: &[Binding] = &[
    key!("Space", KeyCode::Char(' ') => Action::TimerToggle, KeyTimer, true),
    key!("s", KeyCode::Char('s') => Action::TimerStop, KeyTimerStop, true),
    key!("u", KeyCode::Char('u') => Action::TimerUnstop, KeyTimerUnstop, false),
];

const AGENDA_COMMENT: &[Binding] =
    &[key!("c", KeyCode::Char('c') => Action::Comment, KeyComment, true)];

const AGENDA_WRITTEN: &[Binding] = &[
    key!("Up", KeyCode::Up => Action::Up, KeyUp, false),
    key!("Down", KeyCode::Down => Action::Down, KeyDown, false),
    key!("Space", KeyCode::Char(' ') => Action::ToggleReceived, KeyToggle, true),
];

const AGENDA_COUNTING: &[Binding] = &[
    key!("Enter", KeyCode::Enter => Action::KeyBallots, KeyBallots, true),
    key!("t", KeyCode::Char('t') => Action::KeySheet, KeySheet, true),
];

const BALLOTS: &[Binding] = &[
    Binding {
        keys: "1-9",
        matches: |k| match ch(k) {
            Some(c @ '1'..='9') => Some(Action::Grade(c as u8 - b'1')),
            _ => None,
        },
        desc: Desc::Ui(Msg::KeyGrade),
        footer: true,
    },
    key!("0", KeyCode::Char('0') => Action::Abstain, KeyAbstain, true),
    key!("-", KeyCode::Char('-') => Action::VoidMark, KeyVoidMark, true),
    Binding {
        keys: "a b c ...",
        matches: |k| {
            let c = ch(k)?;
            ROW_KEYS.iter().position(|&r| r == c).map(Action::Row)
        },
        desc: Desc::Ui(Msg::KeyRow),
        footer: true,
    },
    // `=` is `+` without Shift on most keyboards.
    key!("+", KeyCode::Char('+') | KeyCode::Char('=') => Action::NextSameLetter, KeyRowPlus, false),
    key!("Enter", KeyCode::Enter => Action::Commit, KeyCommit, true),
    key!("Space", KeyCode::Char(' ') => Action::SameAsLast, KeySame, true),
    // Before the rarer keys: a crowded footer drops the last ones first.
    key!("Esc", KeyCode::Esc => Action::Back, KeyBack, true),
    key!("x", KeyCode::Char('x') => Action::InvalidBallot, KeyInvalid, true),
    key!("u", KeyCode::Char('u') => Action::Undo, KeyUndo, true),
    key!("r", KeyCode::Char('r') => Action::Correct, KeyCorrect, true),
    key!("w", KeyCode::Char('w') => Action::Withdraw, KeyWithdraw, true),
    key!("Up", KeyCode::Up => Action::Up, KeyUp, false),
    key!("Down", KeyCode::Down => Action::Down, KeyDown, false),
    key!("Backspace", KeyCode::Backspace => Action::ClearDraft, KeyClear, false),
    Binding {
        keys: "A-Z",
        matches: |k| {
            ch(k)
                .filter(char::is_ascii_uppercase)
                .map(|_| Action::CapsLock)
        },
        desc: Desc::Ui(Msg::KeyCapsLock),
        footer: false,
    },
    key!("?", KeyCode::Char('?') => Action::Help, KeyHelp, false),
    CTRL_C,
];

const SHEET_TYPING: &[Binding] = &[
    Binding {
        keys: "0-9",
        matches: |k| match ch(k) {
            Some(c @ '0'..='9') => Some(Action::Digit(c as u8 - b'0')),
            _ => None,
        },
        desc: Desc::Ui(Msg::KeyDigit),
        footer: true,
    },
    key!("Backspace", KeyCode::Backspace => Action::DeleteDigit, KeyClear, false),
    key!("s", KeyCode::Char('s') => Action::SaveSheet, KeySave, true),
];

const SHEET_MOVE: &[Binding] = &[
    key!("Enter / Tab / Right", KeyCode::Enter | KeyCode::Tab | KeyCode::Right => Action::NextCell, KeyNextCell, true),
    key!("Left", KeyCode::Left | KeyCode::BackTab => Action::PrevCell, KeyPrevCell, false),
    key!("Up", KeyCode::Up => Action::Up, KeyUp, false),
    key!("Down", KeyCode::Down => Action::Down, KeyDown, false),
];

const SHEET_RESOLVE: &[Binding] = &[
    key!("f", KeyCode::Char('f') => Action::KeepPass(1), KeyKeepFirst, true),
    key!("l", KeyCode::Char('l') => Action::KeepPass(2), KeyKeepSecond, true),
    key!("d", KeyCode::Char('d') => Action::DiscardSecond, KeyDiscardSecond, true),
];

const SHEET_DISCARD: &[Binding] =
    &[key!("x", KeyCode::Char('x') => Action::DiscardSheet, KeyDiscardSheet, true)];

const SHEET_END: &[Binding] = &[
    key!("Esc", KeyCode::Esc => Action::Back, KeyBack, true),
    key!("?", KeyCode::Char('?') => Action::Help, KeyHelp, false),
    CTRL_C,
];

const PROMPT: &[Binding] = &[
    key!("Enter", KeyCode::Enter => Action::Confirm, KeyConfirm, true),
    key!("Esc", KeyCode::Esc => Action::Cancel, KeyCancel, true),
];

/// Editing what is typed, in every kind of question.
const TEXT_EDITING: &[Binding] = &[
    Binding {
        keys: "Left / Right",
        matches: |k| match (k.code, plain(k)) {
            (KeyCode::Left, true) => Some(Action::EditText(TextEdit::Left)),
            (KeyCode::Right, true) => Some(Action::EditText(TextEdit::Right)),
            _ => None,
        },
        desc: Desc::Ui(Msg::KeyCursor),
        footer: false,
    },
    Binding {
        keys: "Ctrl-Left / Ctrl-Right",
        matches: |k| match (k.code, k.modifiers.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Left, true) => Some(Action::EditText(TextEdit::WordLeft)),
            (KeyCode::Right, true) => Some(Action::EditText(TextEdit::WordRight)),
            _ => None,
        },
        desc: Desc::Ui(Msg::KeyWord),
        footer: false,
    },
    Binding {
        keys: "Home / End",
        matches: |k| match k.code {
            KeyCode::Home => Some(Action::EditText(TextEdit::Home)),
            KeyCode::End => Some(Action::EditText(TextEdit::End)),
            _ => None,
        },
        desc: Desc::Ui(Msg::KeyLineEnds),
        footer: false,
    },
    key!("Backspace", KeyCode::Backspace => Action::EditText(TextEdit::Backspace), KeyDeleteBack, false),
    key!("Delete", KeyCode::Delete => Action::EditText(TextEdit::Delete), KeyDeleteNext, false),
    Binding {
        keys: "Ctrl-U",
        matches: |k| {
            (k.code == KeyCode::Char('u') && k.modifiers == KeyModifiers::CONTROL)
                .then_some(Action::EditText(TextEdit::ClearAll))
        },
        desc: Desc::Ui(Msg::KeyClearAll),
        footer: false,
    },
    CTRL_C,
    Binding {
        keys: "...",
        matches: |k| ch(k).map(Action::Type),
        desc: Desc::Ui(Msg::KeyType),
        footer: false,
    },
];

/// A text: Enter saves it whole; a new line takes Ctrl-J or Alt-Enter
/// (the keys every terminal tells apart from Enter).
const TEXT_LINES: &[Binding] = &[
    key!("Enter", KeyCode::Enter => Action::Confirm, KeySaveText, true),
    Binding {
        keys: "Ctrl-J / Alt-Enter",
        matches: |k| {
            let ctrl_j = k.code == KeyCode::Char('j') && k.modifiers == KeyModifiers::CONTROL;
            let alt_enter = k.code == KeyCode::Enter && k.modifiers.contains(KeyModifiers::ALT);
            (ctrl_j || alt_enter).then_some(Action::EditText(TextEdit::Newline))
        },
        desc: Desc::Ui(Msg::KeyNewline),
        footer: true,
    },
    key!("Esc", KeyCode::Esc => Action::Cancel, KeyCancel, true),
];

/// A form: moving between its fields.
const FORM_FIELDS: &[Binding] = &[
    key!("Tab / Down", KeyCode::Tab | KeyCode::Down => Action::NextField, KeyNextField, true),
    key!("Shift-Tab / Up", KeyCode::BackTab | KeyCode::Up => Action::PrevField, KeyPrevField, true),
];

/// The start screen's own choices, worded in its own table.
macro_rules! start_key {
    ($keys:literal, $pat:pat => $action:expr, $desc:ident) => {
        Binding {
            keys: $keys,
            matches: |k| match (k.code, plain(k)) {
                ($pat, true) => Some($action),
                _ => None,
            },
            desc: Desc::Start(StartText::$desc),
            footer: true,
        }
    };
}

/// The start screen (`ceping` with no arguments, a double-click).
const START: &[Binding] = &[
    key!("Up", KeyCode::Up | KeyCode::Char('k') => Action::Up, KeyUp, false),
    key!("Down", KeyCode::Down | KeyCode::Char('j') => Action::Down, KeyDown, false),
    start_key!("Enter", KeyCode::Enter => Action::Open, KeyOpenFile),
    start_key!("d", KeyCode::Char('d') => Action::CreateDemo, KeyDemo),
    start_key!("n", KeyCode::Char('n') => Action::CreateFromToml, KeyFromToml),
    start_key!("i", KeyCode::Char('i') => Action::ImportRoster, KeyImportInto),
    start_key!("p", KeyCode::Char('p') => Action::Projector, KeyProjector),
    key!("?", KeyCode::Char('?') => Action::Help, KeyHelp, true),
    key!("q / Esc", KeyCode::Char('q') | KeyCode::Esc => Action::Quit, KeyQuit, true),
    CTRL_C,
];

const CONFIRM_QUIT: &[Binding] = &[
    key!("y", KeyCode::Char('y') | KeyCode::Char('Y') => Action::Yes, KeyYes, true),
    key!("n / Esc", KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Action::No, KeyNo, true),
];

/// The bindings of `mode`, most specific first.
pub fn bindings(mode: Mode) -> Vec<&'static Binding> {
    let tables: &[&'static [Binding]] = match mode {
        Mode::Home => &[HOME],
        Mode::Agenda(StepKind::Numbers) => {
            &[AGENDA_PEOPLE, AGENDA_ROLL_CALL, ACKNOWLEDGE, AGENDA_COMMON]
        }
        Mode::Agenda(StepKind::Handout) => &[AGENDA_NUMBERS, ACKNOWLEDGE, AGENDA_COMMON],
        Mode::Agenda(StepKind::HandoutVoid) => &[AGENDA_NUMBERS_VOID, ACKNOWLEDGE, AGENDA_COMMON],
        Mode::Agenda(StepKind::Oral) => &[AGENDA_ORAL, AGENDA_COMMON],
        Mode::Agenda(StepKind::OralWithComment) => &[AGENDA_ORAL, AGENDA_COMMENT, AGENDA_COMMON],
        Mode::Agenda(StepKind::Written) => &[AGENDA_WRITTEN, AGENDA_COMMON],
        Mode::Agenda(StepKind::Counting) => &[AGENDA_COUNTING, ACKNOWLEDGE, EXPORT, AGENDA_COMMON],
        Mode::Agenda(StepKind::Close) => &[AGENDA_CLOSE, ACKNOWLEDGE, EXPORT, AGENDA_COMMON],
        Mode::Agenda(StepKind::Closed) => &[AGENDA_CLOSED, EXPORT, AGENDA_COMMON],
        Mode::Grading => &[GRADING],
        Mode::Agenda(StepKind::Plain) => &[EXPORT, ANNOUNCE_SCROLL, AGENDA_COMMON],
        Mode::Ballots => &[BALLOTS],
        Mode::Sheet(SheetMode::First) => &[SHEET_TYPING, SHEET_MOVE, SHEET_END],
        Mode::Sheet(SheetMode::Second) => &[SHEET_TYPING, SHEET_MOVE, SHEET_DISCARD, SHEET_END],
        Mode::Sheet(SheetMode::Resolve) => &[
            SHEET_TYPING,
            SHEET_MOVE,
            SHEET_RESOLVE,
            SHEET_DISCARD,
            SHEET_END,
        ],
        Mode::Sheet(SheetMode::Done) => &[SHEET_MOVE, SHEET_DISCARD, SHEET_END],
        Mode::Prompt => &[PROMPT, TEXT_EDITING],
        Mode::TextPrompt => &[TEXT_LINES, TEXT_EDITING],
        Mode::FormPrompt => &[TEXT_LINES, FORM_FIELDS, TEXT_EDITING],
        Mode::ConfirmQuit => &[CONFIRM_QUIT],
        Mode::Start => &[START],
    };
    tables.iter().flat_map(|t| t.iter()).collect()
}

/// What `key` does in `mode`, if anything.
pub fn lookup(mode: Mode, key: &KeyEvent) -> Option<Action> {
    bindings(mode).into_iter().find_map(|b| (b.matches)(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_are_grades_only_where_grades_are_keyed() {
        assert_eq!(
            lookup(Mode::Ballots, &k(KeyCode::Char('1'))),
            Some(Action::Grade(0))
        );
        assert_eq!(
            lookup(Mode::Ballots, &k(KeyCode::Char('0'))),
            Some(Action::Abstain)
        );
        assert_eq!(lookup(Mode::Home, &k(KeyCode::Char('1'))), None);
        assert_eq!(
            lookup(Mode::Agenda(StepKind::Oral), &k(KeyCode::Char('3'))),
            None
        );
        assert_eq!(
            lookup(Mode::Sheet(SheetMode::Second), &k(KeyCode::Char('7'))),
            Some(Action::Digit(7))
        );
    }

    #[test]
    fn row_letters_and_command_letters_do_not_collide() {
        assert_eq!(
            lookup(Mode::Ballots, &k(KeyCode::Char('c'))),
            Some(Action::Row(2))
        );
        assert_eq!(
            lookup(Mode::Ballots, &k(KeyCode::Char('u'))),
            Some(Action::Undo)
        );
        assert_eq!(
            lookup(Mode::Ballots, &k(KeyCode::Char('x'))),
            Some(Action::InvalidBallot)
        );
    }

    #[test]
    fn ctrl_c_asks_everywhere_but_in_the_question() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [
            Mode::Home,
            Mode::Ballots,
            Mode::Sheet(SheetMode::First),
            Mode::Prompt,
            Mode::Agenda(StepKind::Plain),
        ] {
            assert_eq!(lookup(mode, &ctrl_c), Some(Action::Quit), "{mode:?}");
        }
    }
}
