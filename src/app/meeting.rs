//! Actions on a meeting: moving through the agenda, the speaker timer,
//! numbers typed at prompts, and keying ballots one by one.

use super::{App, Draft, PromptKind, Screen};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::needs::needs;
use crate::domain::{
    AgendaStep, Event, MeetingKey, RoundKey, RoundStatus, SheetDiscard, TimerAction,
};

impl App {
    fn round_key(&self) -> Option<RoundKey> {
        self.current_round().map(|r| r.key.clone())
    }

    pub(super) fn on_agenda(&mut self, key: &MeetingKey, action: Action) {
        let steps = self.model().agenda(key);
        let Some(step) = self.step_of(key) else {
            return;
        };
        let at = steps.iter().position(|s| *s == step).unwrap_or(0);
        let closed = self
            .current_round()
            .is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. }));
        match action {
            Action::Back => {
                self.browse = None;
                self.screen = Screen::Home;
            }
            // A closed round is read-only: moving through its agenda only
            // changes what the screen shows, and records nothing.
            Action::NextStep | Action::PrevStep if closed => {
                let to = if action == Action::NextStep {
                    steps.get(at + 1)
                } else {
                    at.checked_sub(1).and_then(|i| steps.get(i))
                };
                match to {
                    Some(s) => self.browse = Some((key.clone(), s.clone())),
                    None if action == Action::NextStep => self.refuse(Msg::LastStep, &[]),
                    None => {}
                }
            }
            Action::NextStep => {
                let Some(next) = steps.get(at + 1).cloned() else {
                    return self.refuse(Msg::LastStep, &[]);
                };
                let open = needs(self.model(), key, &step);
                if let Some(block) = open.iter().find(|n| n.blocking(&step)) {
                    self.status = Some(super::Status::Error(crate::labels::need_text(block)));
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
            Action::Edit => self.edit_numbers(&step),
            Action::Acknowledge => self.acknowledge(&step),
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
                let Some(round) = self.current_round() else {
                    return;
                };
                if round.by_sheet() {
                    // One method per round: switching discards, with a reason.
                    return self.ask(PromptKind::DiscardSheet(SheetDiscard::All));
                }
                let lines = round.lines.len();
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
            Action::KeySheet => self.open_sheet(key),
            _ => {}
        }
    }

    /// The people handing in written reports, in ballot order.
    pub fn writers(&self, key: &MeetingKey) -> Vec<String> {
        self.model().writers(key)
    }

    pub fn grades(&self, key: &MeetingKey) -> usize {
        self.model().grades(key.meeting)
    }

    pub(super) fn on_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => {
                if std::mem::take(&mut prompt.suggested) {
                    prompt.input.clear();
                }
                prompt.input.push(c)
            }
            Action::DeleteDigit => {
                prompt.suggested = false;
                prompt.input.pop();
            }
            Action::Cancel => {
                if let Some(p) = self.prompt.take() {
                    self.prompt_cancelled(&p.kind);
                }
            }
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
        let handled = match self.submit_office(&kind, input) {
            Some(done) => Some(done),
            None => self.submit_sheet(&kind, input),
        };
        if let Some(done) = handled {
            if done {
                self.prompt = None;
            }
            return;
        }
        let numbers: Vec<u64> = input
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '/')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse())
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        // Above the cap is a slip, whatever the count (and never wraps).
        let counts = matches!(
            kind,
            PromptKind::RollCall
                | PromptKind::Issued
                | PromptKind::Returned
                | PromptKind::Withdraw
                | PromptKind::Correct
        );
        if let Some(&n) = numbers
            .iter()
            .find(|&&n| counts && n > u64::from(crate::domain::checks::MAX_COUNT))
        {
            return self.fail(crate::domain::DomainError::CountTooLarge(n).into());
        }
        let numbers: Vec<u32> = numbers.into_iter().map(|n| n as u32).collect();
        let one = (numbers.len() == 1).then(|| numbers[0]);
        if let Some(done) = self.submit_ballot(&kind, one) {
            if done {
                self.prompt = None;
            }
            return;
        }
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
                    Some(Msg::SavedRollCall.fill(&[&expected, &present])),
                ),
                _ => return self.refuse(Msg::BadTwoNumbers, &[]),
            },
            (PromptKind::DiscardBallots(_), Some(round)) => {
                let reason = crate::domain::names::normalize_text(input);
                let ok = self.record(
                    Event::BallotsDiscarded { round, reason },
                    Some(Msg::BallotsSetAside.text().to_string()),
                );
                if ok {
                    self.prompt = None;
                    if let Some(key) = self.meeting_key().cloned() {
                        self.open_sheet(&key);
                    }
                    return;
                }
                false
            }
            (_, _) if one.is_none() => return self.refuse(Msg::BadNumber, &[]),
            (PromptKind::Issued, Some(round)) => self.record(
                Event::BallotsIssued {
                    round,
                    count: one.unwrap_or(0),
                },
                Some(Msg::SavedIssued.fill(&[&one.unwrap_or(0)])),
            ),
            (PromptKind::Returned, Some(round)) => self.record(
                Event::BallotsReturned {
                    round,
                    count: one.unwrap_or(0),
                },
                Some(Msg::SavedReturned.fill(&[&one.unwrap_or(0)])),
            ),
            // Office prompts were handled above; without a round, nothing.
            _ => false,
        };
        if done {
            self.prompt = None;
        }
    }

    /// `e` at a numbers step: ask, pre-filled with what is known (发出
    /// from 实到, as the ballots handed out are normally one per person).
    fn edit_numbers(&mut self, step: &AgendaStep) {
        let round = self.current_round();
        let (kind, prefill) = match step {
            AgendaStep::RollCall => (
                PromptKind::RollCall,
                round.and_then(|r| Some(format!("{} {}", r.expected?, r.present?))),
            ),
            AgendaStep::IssueBallots => (
                PromptKind::Issued,
                round
                    .and_then(|r| r.issued.or(r.present))
                    .map(|n| n.to_string()),
            ),
            AgendaStep::CollectBallots => (
                PromptKind::Returned,
                round.and_then(|r| r.returned).map(|n| n.to_string()),
            ),
            _ => return,
        };
        self.ask(kind);
        if let (Some(p), Some(text)) = (self.prompt.as_mut(), prefill) {
            p.input = text;
            p.suggested = true;
        }
    }

    /// `a`: acknowledge the warnings raised at this step (at the close
    /// step: every open one), as one recorded event.
    fn acknowledge(&mut self, step: &AgendaStep) {
        let Some(round) = self.current_round() else {
            return;
        };
        let warnings: Vec<_> = self
            .model()
            .open_warnings(round)
            .into_iter()
            .filter(|w| *step == AgendaStep::Close || w.step() == *step)
            .collect();
        if warnings.is_empty() {
            return self.refuse(Msg::NothingToAcknowledge, &[]);
        }
        let n = warnings.len();
        let event = Event::WarningsAcknowledged {
            round: round.key.clone(),
            warnings,
        };
        self.record(event, Some(Msg::Acknowledged.fill(&[&n])));
    }
}
