//! Actions on a meeting: moving through the agenda, the speaker timer,
//! numbers typed at prompts, and keying ballots one by one.

use super::{App, Draft, MeetingView, PromptKind, Screen};
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
        let Some(step) = self.step_of(key) else {
            return;
        };
        match action {
            Action::Back => self.screen = Screen::Home,
            Action::NextStep | Action::PrevStep => self.move_step(key, &step, action),
            Action::Edit => self.edit_numbers(&step),
            Action::Acknowledge => self.acknowledge(&step),
            Action::TimerToggle | Action::TimerStop | Action::TimerUnstop => {
                self.speech_timer(key, step, action)
            }
            Action::Comment => {
                if let AgendaStep::OralReport { subject } = step {
                    // The comment said before, to edit rather than retype.
                    let saved = self
                        .model()
                        .meetings
                        .get(key)
                        .and_then(|m| m.speech(&subject))
                        .and_then(|s| s.comment.clone())
                        .unwrap_or_default();
                    self.ask(PromptKind::Comment(subject));
                    if let Some(p) = self.prompt_mut() {
                        p.input_mut().set_text(&saved);
                    }
                }
            }
            Action::Up | Action::Down => self.move_written(key, action == Action::Down),
            Action::ToggleReceived => self.toggle_received(key),
            Action::KeyBallots => self.key_ballots(),
            Action::CloseRound | Action::Reopen | Action::Void => self.ask_round_question(action),
            Action::KeySheet => self.open_sheet(key),
            Action::AddAbsentee => self.ask_absentee(),
            Action::RemoveAbsentee => self.ask_remove_absentee(),
            _ => {}
        }
    }

    /// `n` / `p`: move the meeting to the next or previous step, once
    /// nothing blocks leaving this one.
    fn move_step(&mut self, key: &MeetingKey, step: &AgendaStep, action: Action) {
        let steps = self.model().agenda(key);
        let at = steps.iter().position(|s| s == step).unwrap_or(0);
        let closed = self
            .current_round()
            .is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. }));
        if closed {
            return self.browse_step(&steps, at, action);
        }
        let to = match action {
            Action::NextStep => {
                let Some(next) = steps.get(at + 1).cloned() else {
                    return self.refuse(Msg::LastStep, &[]);
                };
                let open = needs(self.model(), key, step);
                if let Some(block) = open.iter().find(|n| n.blocking(step)) {
                    self.status = Some(super::Status::Error(crate::labels::need_text(block)));
                    return;
                }
                if let Some(v) = self.meeting_view_mut() {
                    v.written_selected = 0;
                }
                next
            }
            _ if at > 0 => steps[at - 1].clone(),
            _ => return,
        };
        // One key, one event: a running clock is stopped first (recorded),
        // and the next press moves on.
        if self.stop_running_timer(key, step, action) {
            return;
        }
        let event = Event::AgendaMoved {
            meeting: key.clone(),
            step: to,
        };
        self.record(event, None);
    }

    /// A closed round is read-only: moving through its agenda only changes
    /// what the screen shows, and records nothing.
    fn browse_step(&mut self, steps: &[AgendaStep], at: usize, action: Action) {
        let to = if action == Action::NextStep {
            steps.get(at + 1)
        } else {
            at.checked_sub(1).and_then(|i| steps.get(i))
        };
        match to {
            Some(s) => {
                let s = s.clone();
                if let Some(v) = self.meeting_view_mut() {
                    v.browse = Some(s);
                }
            }
            None if action == Action::NextStep => self.refuse(Msg::LastStep, &[]),
            None => {}
        }
    }

    /// Leaving a speaker whose clock runs: the clock is stopped, as a
    /// recorded stop (a clock left running would time the next speaker's
    /// report too), and the screen says so; the next `n` or `p` moves.
    /// Whether the key was spent on that (or on a failed stop).
    fn stop_running_timer(&mut self, key: &MeetingKey, step: &AgendaStep, action: Action) -> bool {
        let AgendaStep::OralReport { subject } = step else {
            return false;
        };
        let running = self
            .model()
            .meeting(key)
            .speech(subject)
            .is_some_and(|s| s.running_since.is_some());
        if !running {
            return false;
        }
        let event = Event::SpeechTimer {
            meeting: key.clone(),
            subject: subject.clone(),
            action: TimerAction::Stop,
            at: self.now,
        };
        if self.record(event, None) {
            let used = self.model().speech_clock(key, subject, self.now).used_ms;
            let msg = if action == Action::NextStep {
                Msg::TimerStoppedOnMove
            } else {
                Msg::TimerStoppedOnBack
            };
            let text = msg.fill(&[subject, &crate::labels::clock(used)]);
            self.status = Some(super::Status::Info(text));
        }
        true
    }

    /// Space, `s` and `u` at an oral report: start, pause, resume or stop
    /// the speaker's clock, or take a stop back.
    fn speech_timer(&mut self, key: &MeetingKey, step: AgendaStep, action: Action) {
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
            Action::TimerUnstop => TimerAction::Unstop,
            Action::TimerStop => TimerAction::Stop,
            _ if speech.running_since.is_some() => TimerAction::Pause,
            _ if speech.started() => TimerAction::Resume,
            _ => TimerAction::Start,
        };
        let note = match timer {
            TimerAction::Stop => Some(Msg::TimerStopped.fill(&[&subject])),
            TimerAction::Unstop => Some(Msg::TimerUnstopped.fill(&[&subject])),
            _ => None,
        };
        let event = Event::SpeechTimer {
            meeting: key.clone(),
            subject,
            action: timer,
            at: self.now,
        };
        self.record(event, note);
    }

    fn move_written(&mut self, key: &MeetingKey, down: bool) {
        let n = self.writers(key).len();
        if self.step_of(key) == Some(AgendaStep::Results) {
            // The announcement: one person up or down; the screen keeps
            // the last ones in sight however far Down is pressed.
            let people = self
                .model()
                .campaign
                .unit(&key.unit)
                .map_or(0, |u| u.subjects.len());
            if let Some(v) = self.meeting_view_mut() {
                v.announce_from = if down {
                    (v.announce_from + 1).min(people.saturating_sub(1))
                } else {
                    v.announce_from.saturating_sub(1)
                };
            }
            return;
        }
        if let Some(v) = self.meeting_view_mut() {
            v.written_selected = if down {
                (v.written_selected + 1).min(n.saturating_sub(1))
            } else {
                v.written_selected.saturating_sub(1)
            };
        }
    }

    /// Space at the written reports: the selected person's report is in,
    /// or not after all.
    fn toggle_received(&mut self, key: &MeetingKey) {
        let Some(subject) = self.writers(key).get(self.written_selected()).cloned() else {
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

    /// Enter at counting: key ballots one by one, on the draft left there
    /// if the ballot's rows are the same.
    fn key_ballots(&mut self) {
        let Some(round) = self.current_round() else {
            return;
        };
        if round.by_sheet() {
            // One method per round: switching discards, with a reason.
            return self.ask(PromptKind::DiscardSheet(SheetDiscard::All));
        }
        let lines = round.lines.len();
        if self.draft().marks.len() != lines {
            self.set_draft(Draft::new(lines));
        }
        self.show(Screen::Ballots);
    }

    fn ask_round_question(&mut self, action: Action) {
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

    /// The people handing in written reports, in ballot order.
    pub fn writers(&self, key: &MeetingKey) -> Vec<String> {
        self.model().writers(key)
    }

    pub fn grades(&self, key: &MeetingKey) -> usize {
        self.model().grades(key.meeting)
    }

    /// Start the meeting: its first round, with the ballot's order.
    pub(super) fn start_meeting(&mut self, key: MeetingKey) -> bool {
        let lines = match self.model().ballot_lines(&key.unit, key.meeting) {
            Ok(lines) => lines,
            Err(e) => {
                self.fail(e.into());
                return false;
            }
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
            self.screen = Screen::Agenda(MeetingView::new(key));
        }
        ok
    }

    /// The superior's comment (一述一评); an empty answer records nothing.
    pub(super) fn answer_comment(&mut self, subject: String, input: &str) -> bool {
        let Some(key) = self.meeting_key().cloned() else {
            return true;
        };
        let text = crate::domain::names::normalize_text(input);
        let saved = self
            .model()
            .meetings
            .get(&key)
            .and_then(|m| m.speech(&subject))
            .and_then(|s| s.comment.clone())
            .unwrap_or_default();
        if text.is_empty() || text == saved {
            // Nothing said, or nothing changed: nothing to record.
            return true;
        }
        self.record(
            Event::CommentRecorded {
                meeting: key,
                subject,
                text,
            },
            None,
        )
    }

    /// 应到 and 实到, two numbers.
    pub(super) fn answer_roll_call(&mut self, input: &str) -> bool {
        let (Some(numbers), Some(round)) = (self.counts(input), self.round_key()) else {
            return false;
        };
        let [expected, present] = numbers[..] else {
            self.refuse(Msg::BadTwoNumbers, &[]);
            return false;
        };
        self.record(
            Event::RollCall {
                round,
                expected,
                present,
            },
            Some(Msg::SavedRollCall.fill(&[&expected, &present])),
        )
    }

    /// 发出 (`issued`) or 收回, one number.
    pub(super) fn answer_count(&mut self, issued: bool, input: &str) -> bool {
        let (Some(count), Some(round)) = (self.one_count(input), self.round_key()) else {
            return false;
        };
        let (event, msg) = if issued {
            (Event::BallotsIssued { round, count }, Msg::SavedIssued)
        } else {
            (Event::BallotsReturned { round, count }, Msg::SavedReturned)
        };
        self.record(event, Some(msg.fill(&[&count])))
    }

    /// Set the ballots keyed one by one aside (with the reason typed) and
    /// open the tally sheet.
    pub(super) fn answer_discard_ballots(&mut self, input: &str) -> bool {
        let Some(round) = self.round_key() else {
            return false;
        };
        let reason = crate::domain::names::normalize_text(input);
        let ok = self.record(
            Event::BallotsDiscarded { round, reason },
            Some(Msg::BallotsSetAside.text().to_string()),
        );
        if ok {
            self.close_prompt();
            if let Some(key) = self.meeting_key().cloned() {
                self.open_sheet(&key);
            }
            // The sheet may ask its keyer: that question stays.
            return self.prompt().is_none();
        }
        false
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
        if let (Some(p), Some(text)) = (self.prompt_mut(), prefill) {
            p.input_mut().set_text(&text);
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
