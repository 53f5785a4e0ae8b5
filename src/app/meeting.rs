//! Actions on a meeting: moving through the agenda, the speaker timer,
//! numbers typed at prompts, and keying ballots one by one.

use super::{App, Draft, PromptKind, Screen, SheetEdit};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::needs::needs;
use crate::domain::{AgendaStep, BallotContent, Event, Mark, MeetingKey, RoundKey, TimerAction};

impl App {
    fn round_key(&self) -> Option<RoundKey> {
        self.current_round().map(|r| r.key.clone())
    }

    pub(super) fn on_agenda(&mut self, key: &MeetingKey, action: Action) {
        let steps = self.model().agenda(key);
        let Some(step) = self.model().current_step(key) else {
            return;
        };
        let at = steps.iter().position(|s| *s == step).unwrap_or(0);
        match action {
            Action::Back => self.screen = Screen::Home,
            Action::NextStep => {
                let Some(next) = steps.get(at + 1).cloned() else {
                    return self.refuse(Msg::LastStep, &[]);
                };
                let open = needs(self.model(), key, &step);
                if let Some(block) = open.iter().find(|n| n.blocking(&step)) {
                    self.status = Some(super::Status::Error(crate::ui::need_text(block)));
                    return;
                }
                self.written_selected = 0;
                self.record(
                    Event::AgendaMoved {
                        meeting: key.clone(),
                        step: next,
                    },
                    None,
                );
            }
            Action::PrevStep if at > 0 => {
                self.record(
                    Event::AgendaMoved {
                        meeting: key.clone(),
                        step: steps[at - 1].clone(),
                    },
                    None,
                );
            }
            Action::Edit => match step {
                AgendaStep::RollCall => self.ask(PromptKind::RollCall),
                AgendaStep::IssueBallots => self.ask(PromptKind::Issued),
                AgendaStep::CollectBallots => self.ask(PromptKind::Returned),
                _ => {}
            },
            Action::TimerToggle | Action::TimerStop => {
                let AgendaStep::OralReport { subject } = step else {
                    return;
                };
                let speech = self
                    .model()
                    .meeting(key)
                    .speech(&subject)
                    .cloned()
                    .unwrap_or_default();
                let timer = match action {
                    Action::TimerStop => TimerAction::Stop,
                    _ if speech.running_since.is_some() => TimerAction::Pause,
                    _ if speech.started() => TimerAction::Resume,
                    _ => TimerAction::Start,
                };
                let event = Event::SpeechTimer {
                    meeting: key.clone(),
                    subject,
                    action: timer,
                    at: self.now,
                };
                self.record(event, None);
            }
            Action::Comment => {
                if let AgendaStep::OralReport { subject } = step {
                    self.ask(PromptKind::Comment(subject));
                }
            }
            Action::Up => self.written_selected = self.written_selected.saturating_sub(1),
            Action::Down => {
                let n = self.writers(key).len();
                self.written_selected = (self.written_selected + 1).min(n.saturating_sub(1));
            }
            Action::ToggleReceived => {
                let Some(subject) = self.writers(key).get(self.written_selected).cloned() else {
                    return;
                };
                let received = !self
                    .model()
                    .meeting(key)
                    .written_received
                    .contains(&subject);
                self.record(
                    Event::WrittenReportMarked {
                        meeting: key.clone(),
                        subject,
                        received,
                    },
                    None,
                );
            }
            Action::KeyBallots => {
                let lines = self.current_round().map(|r| r.lines.len()).unwrap_or(0);
                if self.draft.marks.len() != lines {
                    self.draft = Draft::new(lines);
                }
                self.screen = Screen::Ballots(key.clone());
            }
            Action::CloseRound | Action::Reopen | Action::Void => {
                let Some(round) = self.current_round() else {
                    return;
                };
                let n = round.key.round;
                let kind = match action {
                    Action::CloseRound => PromptKind::CloseRound(n),
                    Action::Reopen => PromptKind::Reopen(n),
                    _ => PromptKind::VoidRound(n),
                };
                self.ask(kind);
            }
            Action::KeySheet => {
                if let Some(round) = self.current_round() {
                    let grades = self.grades(key);
                    self.sheet = Some(SheetEdit::for_round(round, grades));
                    self.screen = Screen::Sheet(key.clone());
                }
            }
            _ => {}
        }
    }

    /// The people handing in written reports, in ballot order.
    pub fn writers(&self, key: &MeetingKey) -> Vec<String> {
        self.model().writers(key)
    }

    pub fn grades(&self, key: &MeetingKey) -> usize {
        self.model()
            .campaign
            .meeting(key.meeting)
            .map(|m| m.scale.len())
            .unwrap_or(0)
    }

    pub(super) fn on_ballots(&mut self, key: &MeetingKey, action: Action) {
        let Some(round) = self.current_round() else {
            return;
        };
        let lines = round.lines.len();
        let grades = self.grades(key);
        match action {
            Action::Back => {
                self.draft.correcting = None;
                self.screen = Screen::Agenda(key.clone());
            }
            Action::Grade(g) if usize::from(g) < grades => self.draft.mark(Mark::Grade(g)),
            Action::Grade(g) => self.refuse(Msg::NoSuchGrade, &[&(g + 1), &grades]),
            Action::Row(r) if r >= lines => self.refuse(Msg::NoSuchRow, &[]),
            Action::CapsLock => self.refuse(Msg::CapsLock, &[]),
            Action::Abstain => self.draft.mark(Mark::Abstain),
            Action::VoidMark => self.draft.mark(Mark::Void),
            Action::Row(r) => self.draft.go_to(r),
            Action::Up => self.draft.up(),
            Action::Down => self.draft.down(),
            Action::ClearDraft => self.draft = Draft::new(lines),
            Action::InvalidBallot => self.draft.set_invalid(),
            Action::Commit => match self.draft.content() {
                Some(content) => self.save_ballot(content),
                None => self.refuse(Msg::RowsMissing, &[&self.draft.missing()]),
            },
            Action::SameAsLast => match round.ballots.iter().rev().find(|b| !b.withdrawn) {
                Some(last) if self.draft.correcting.is_none() => {
                    self.save_ballot(last.content.clone())
                }
                _ => self.refuse(Msg::NoLastBallot, &[]),
            },
            Action::Undo => self.undo_last(),
            Action::Correct => self.ask(PromptKind::Correct),
            Action::Withdraw => self.ask(PromptKind::Withdraw),
            _ => {}
        }
    }

    /// Save the draft as a new ballot, or as the correction it is.
    fn save_ballot(&mut self, content: BallotContent) {
        let Some(round) = self.current_round() else {
            return;
        };
        let key = round.key.clone();
        let lines = round.lines.len();
        let (event, inverse, msg, number) = match self.draft.correcting {
            Some(number) => {
                let Some(old) = round.ballots.get(number as usize - 1) else {
                    return;
                };
                let inverse = Event::BallotCorrected {
                    round: key.clone(),
                    number,
                    content: old.content.clone(),
                };
                let event = Event::BallotCorrected {
                    round: key,
                    number,
                    content: content.clone(),
                };
                (event, inverse, Msg::SavedCorrection, number)
            }
            None => {
                let number = round.ballots.len() as u32 + 1;
                let inverse = Event::BallotWithdrawn {
                    round: key.clone(),
                    number,
                };
                let event = Event::BallotRecorded {
                    round: key,
                    number,
                    content: content.clone(),
                };
                (event, inverse, Msg::Saved, number)
            }
        };
        let over_limit = self
            .model()
            .campaign
            .rules
            .max_top_grades_per_ballot
            .filter(|&max| content.top_grades() > max as usize);
        if self.record(event, Some(msg.fill(&[&number]))) {
            self.undo.push(inverse);
            self.draft = Draft::new(lines);
            if let Some(max) = over_limit {
                self.say(Msg::OverTopLimit, &[&max]);
            }
        }
    }

    fn undo_last(&mut self) {
        let Some(inverse) = self.undo.pop() else {
            self.refuse(Msg::NothingToUndo, &[]);
            return;
        };
        let msg = match &inverse {
            Event::BallotWithdrawn { number, .. } => Msg::SavedWithdrawal.fill(&[number]),
            Event::BallotRestored { number, .. } => Msg::SavedRestore.fill(&[number]),
            Event::BallotCorrected { number, .. } => Msg::SavedCorrection.fill(&[number]),
            _ => String::new(),
        };
        if !self.record(inverse.clone(), Some(msg)) {
            // Keep it: the user may want to try again after reading why.
            self.undo.push(inverse);
        }
    }

    pub(super) fn on_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => prompt.input.push(c),
            Action::DeleteDigit => {
                prompt.input.pop();
            }
            Action::Cancel => self.prompt = None,
            Action::Confirm => {
                let prompt = prompt.clone();
                self.submit(prompt.kind, prompt.input.trim());
            }
            _ => {}
        }
    }

    /// Act on a prompt's answer. A bad answer keeps the prompt open with
    /// the reason, so the user can fix the typing.
    fn submit(&mut self, kind: PromptKind, input: &str) {
        if kind == PromptKind::ImportRoster {
            if self.submit_roster(input) {
                self.prompt = None;
            }
            return;
        }
        if let Some(done) = self.submit_office(&kind, input) {
            if done {
                self.prompt = None;
            }
            return;
        }
        let numbers: Vec<u32> = input
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '/')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse())
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        let one = (numbers.len() == 1).then(|| numbers[0]);
        let round = self.round_key();
        let done = match (&kind, round) {
            (PromptKind::StartMeeting(key), _) => {
                let lines = match self.model().ballot_lines(&key.unit, key.meeting) {
                    Ok(lines) => lines,
                    Err(e) => return self.fail(e.into()),
                };
                let event = Event::RoundOpened {
                    round: RoundKey {
                        unit: key.unit.clone(),
                        meeting: key.meeting,
                        round: 1,
                    },
                    lines,
                };
                let ok = self.record(event, None);
                if ok {
                    self.screen = Screen::Agenda(key.clone());
                }
                ok
            }
            (PromptKind::Comment(subject), _) if !input.is_empty() => {
                let Some(key) = self.meeting_key().cloned() else {
                    return;
                };
                let text = crate::domain::names::normalize_text(input);
                self.record(
                    Event::CommentRecorded {
                        meeting: key,
                        subject: subject.clone(),
                        text,
                    },
                    None,
                )
            }
            (PromptKind::Comment(_), _) => {
                self.prompt = None;
                return;
            }
            (PromptKind::RollCall, Some(round)) => match numbers[..] {
                [expected, present] => self.record(
                    Event::RollCall {
                        round,
                        expected,
                        present,
                    },
                    None,
                ),
                _ => return self.refuse(Msg::BadTwoNumbers, &[]),
            },
            (_, _) if one.is_none() => return self.refuse(Msg::BadNumber, &[]),
            (PromptKind::Issued, Some(round)) => self.record(
                Event::BallotsIssued {
                    round,
                    count: one.unwrap_or(0),
                },
                None,
            ),
            (PromptKind::Returned, Some(round)) => self.record(
                Event::BallotsReturned {
                    round,
                    count: one.unwrap_or(0),
                },
                None,
            ),
            (PromptKind::Withdraw, Some(round)) => {
                let number = one.unwrap_or(0);
                let ok = self.record(
                    Event::BallotWithdrawn {
                        round: round.clone(),
                        number,
                    },
                    Some(Msg::SavedWithdrawal.fill(&[&number])),
                );
                if ok {
                    self.undo.push(Event::BallotRestored { round, number });
                }
                ok
            }
            (PromptKind::Correct, Some(_)) => {
                let number = one.unwrap_or(0);
                let lines = self.current_round().map(|r| r.lines.len()).unwrap_or(0);
                let slot = self
                    .current_round()
                    .and_then(|r| r.ballots.get((number as usize).wrapping_sub(1)))
                    .map(|b| b.content.clone());
                match slot {
                    Some(content) => {
                        self.draft = Draft::from_content(&content, lines, number);
                        true
                    }
                    None => {
                        let e = crate::domain::DomainError::NoSuchBallot(number);
                        self.fail(e.into());
                        false
                    }
                }
            }
            // Office prompts were handled above; without a round, nothing.
            _ => false,
        };
        if done {
            self.prompt = None;
        }
    }
}
