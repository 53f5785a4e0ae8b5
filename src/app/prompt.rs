//! Answering the question on the bottom line (a prompt): typing into it,
//! cancelling it, and one match from the question's kind to the action
//! that answers it. A bad answer keeps the question open with the reason,
//! so the user can fix the typing; an answer that asks a follow-up
//! question (a justification, the next pass's keyer) leaves that one open.

use super::{App, PromptKind};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::DomainError;
use crate::domain::checks::MAX_COUNT;

impl App {
    pub(super) fn on_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt_mut() else {
            return;
        };
        match action {
            Action::Type(c) => {
                if std::mem::take(&mut prompt.suggested) {
                    prompt.input_mut().set_text("");
                }
                prompt.input_mut().insert(c)
            }
            Action::EditText(edit) => {
                // Editing a suggestion makes it the user's own text.
                prompt.suggested = false;
                prompt.input_mut().edit(edit);
            }
            Action::NextField => prompt.focus = (prompt.focus + 1).min(prompt.fields.len() - 1),
            Action::PrevField => prompt.focus = prompt.focus.saturating_sub(1),
            Action::Cancel => {
                if let Some(p) = self.take_prompt() {
                    self.prompt_cancelled(&p.kind);
                }
            }
            Action::Confirm => {
                let prompt = prompt.clone();
                let answers = prompt.answers();
                self.answer(prompt.kind, &answers);
            }
            _ => {}
        }
    }

    /// Text pasted into the terminal: typed into the open question at the
    /// cursor, line breaks kept in a text and made spaces in a one-line
    /// answer; with no question open it is ignored (a paste is never a
    /// key: it must not grade, save or move on).
    pub fn on_paste(&mut self, text: &str) {
        let Some(prompt) = self.prompt_mut() else {
            return;
        };
        if std::mem::take(&mut prompt.suggested) {
            prompt.input_mut().set_text("");
        }
        let input = prompt.input_mut();
        let multiline = input.multiline();
        // Terminals paste a line break as CR (xterm, tmux), CRLF or LF.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for c in text.chars() {
            match c {
                '\n' if multiline => input.edit(crate::app::TextEdit::Newline),
                '\n' | '\t' => input.insert(' '),
                c if c.is_control() => {}
                c => input.insert(c),
            }
        }
    }

    /// Act on an answer; the question closes when it is answered.
    /// `answers`: each field's text, trimmed (one for a question, the
    /// form's fields in order for a form).
    fn answer(&mut self, kind: PromptKind, answers: &[String]) {
        let input = answers.first().map_or("", String::as_str);
        let done = match kind {
            PromptKind::StartMeeting(key) => self.start_meeting(key),
            PromptKind::RollCall => self.answer_roll_call(input),
            PromptKind::Issued => self.answer_count(true, input),
            PromptKind::Returned => self.answer_count(false, input),
            PromptKind::Comment(subject) => self.answer_comment(subject, input),
            PromptKind::Correct => self.answer_correct(input),
            PromptKind::Withdraw => self.answer_withdraw(input),
            PromptKind::ConfirmOverReturned(content) => self.answer_over_returned(content),
            PromptKind::DiscardBallots(_) => self.answer_discard_ballots(input),
            PromptKind::Keyer(_) => self.answer_keyer(input),
            PromptKind::ConfirmNeither(cell) => self.answer_neither(cell),
            PromptKind::DiscardSheet(scope) => self.answer_discard_sheet(scope, input),
            PromptKind::CloseRound(n) => self.answer_close(n),
            PromptKind::Reopen(n) => self.answer_reopen(n, input),
            PromptKind::VoidRound(n) => self.answer_void(n),
            PromptKind::Justification(target, grade) => {
                self.answer_justification(target, grade, input)
            }
            PromptKind::Investigation(unit, secretary) => {
                self.answer_investigation(unit, secretary, input)
            }
            PromptKind::Combined(unit, secretary) => self.answer_combined(unit, secretary, input),
            PromptKind::Rectification(unit, secretary) => {
                self.answer_rectification(unit, secretary, answers)
            }
            PromptKind::Score(unit, secretary) => self.answer_score(unit, secretary, input),
            PromptKind::Material(unit, secretary) => self.answer_material(unit, secretary, input),
            PromptKind::AbsenteeName => self.answer_absentee_name(input),
            PromptKind::AbsenceReason(name) => self.answer_absence_reason(name, input),
            PromptKind::RemoveAbsentee => self.answer_remove_absentee(input),
            PromptKind::ConfirmProvisional(decision, level) => {
                self.answer_provisional(decision, level)
            }
            PromptKind::ImportRoster => self.submit_roster(input),
        };
        if done {
            self.close_prompt();
        }
    }

    /// The numbers typed at a count question (separated by spaces, commas
    /// or slashes; anything else gives none). `None`, said why, when one is
    /// above the cap: a slip, whatever the count (and it never wraps).
    pub(super) fn counts(&mut self, input: &str) -> Option<Vec<u32>> {
        let numbers: Vec<u64> = input
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '/')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse())
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        if let Some(&n) = numbers.iter().find(|&&n| n > u64::from(MAX_COUNT)) {
            self.fail(DomainError::CountTooLarge(n).into());
            return None;
        }
        Some(numbers.into_iter().map(|n| n as u32).collect())
    }

    /// Exactly one number, or the refusal said.
    pub(super) fn one_count(&mut self, input: &str) -> Option<u32> {
        match self.counts(input)?[..] {
            [n] => Some(n),
            _ => {
                self.refuse(Msg::BadNumber, &[]);
                None
            }
        }
    }
}
