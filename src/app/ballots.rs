//! Keying ballots one by one (唱票): saving, same-as-last, corrections,
//! withdrawing and restoring, and undo. Every save says exactly what it
//! did; nothing is saved that the screen did not announce.

use super::{App, Draft, PromptKind, Screen};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::{BallotContent, Event, Mark, MeetingKey, Round, RoundKey, RoundStatus};

/// One undoable ballot action of this session: the round it belongs to,
/// the event that undoes it, and what undoing it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub round: RoundKey,
    pub inverse: Event,
    /// The sentence after undoing, taking the ballot number.
    pub said: Msg,
}

impl App {
    pub(super) fn on_ballots(&mut self, key: &MeetingKey, action: Action) {
        let Some(round) = self.current_round() else {
            return;
        };
        let lines = round.lines.len();
        let grades = self.grades(key);
        let correcting = self.draft().correcting.is_some();
        match action {
            Action::Back if correcting => self.abandon_correction(lines),
            Action::Back => self.show(Screen::Agenda),
            Action::Grade(g) if usize::from(g) < grades => {
                self.edit_draft(|d| d.mark(Mark::Grade(g)))
            }
            Action::Grade(g) => self.refuse(Msg::NoSuchGrade, &[&(g + 1), &grades]),
            Action::Row(r) if r >= lines => self.refuse(Msg::NoSuchRow, &[]),
            Action::CapsLock => self.refuse(Msg::CapsLock, &[]),
            Action::Abstain => self.edit_draft(|d| d.mark(Mark::Abstain)),
            Action::VoidMark => self.edit_draft(|d| d.mark(Mark::Void)),
            Action::Row(r) => self.edit_draft(|d| d.go_to(r)),
            Action::NextSameLetter => self.edit_draft(Draft::next_same_letter),
            Action::Up => self.edit_draft(Draft::up),
            Action::Down => self.edit_draft(Draft::down),
            Action::ClearDraft if correcting => self.abandon_correction(lines),
            Action::ClearDraft => self.set_draft(Draft::new(lines)),
            Action::InvalidBallot => self.edit_draft(Draft::set_invalid),
            Action::Commit => match self.draft().content() {
                Some(content) => self.save_ballot(content, false),
                None => self.refuse(Msg::RowsMissing, &[&self.draft().missing()]),
            },
            Action::SameAsLast if correcting => self.refuse(Msg::SameWhileCorrecting, &[]),
            Action::SameAsLast => match round.ballots.iter().rev().find(|b| b.counts()) {
                Some(last) => self.save_ballot(last.content.clone(), false),
                None => self.refuse(Msg::NoLastBallot, &[]),
            },
            Action::Undo => self.undo_last(lines),
            Action::Correct => self.ask(PromptKind::Correct),
            Action::Withdraw => self.ask(PromptKind::Withdraw),
            _ => {}
        }
    }

    /// Leave a correction: the grid is empty again and nothing is saved.
    fn abandon_correction(&mut self, lines: usize) {
        let number = self.draft().correcting.unwrap_or(0);
        self.set_draft(Draft::new(lines));
        self.say(Msg::CorrectionAbandoned, &[&number]);
    }

    /// Save the draft as a new ballot, or as the correction it is. A new
    /// ballot beyond the ballots returned asks first (`confirmed` once the
    /// user said yes).
    pub(super) fn save_ballot(&mut self, content: BallotContent, confirmed: bool) {
        let Some(round) = self.current_round() else {
            return;
        };
        if round.status != RoundStatus::Open {
            // Before asking anything: nothing can be saved in it.
            return self.fail(crate::domain::DomainError::RoundNotOpen.into());
        }
        let lines = round.lines.len();
        let correcting = self.draft().correcting;
        if correcting.is_none() && !confirmed {
            let entered = self.model().tally(round).entered;
            if round.returned.is_none_or(|r| entered >= u64::from(r)) {
                return self.ask(PromptKind::ConfirmOverReturned(content));
            }
        }
        let Some((event, undo, msg, number)) = ballot_save(round, correcting, &content) else {
            return;
        };
        let over_limit = self
            .model()
            .campaign
            .rules
            .max_top_grades_per_ballot
            .filter(|&max| content.top_grades() > max as usize);
        if self.record(event, Some(msg.fill(&[&number]))) {
            self.undo.push(undo);
            self.set_draft(Draft::new(lines));
            if let Some(max) = over_limit {
                self.say(Msg::OverTopLimit, &[&number, &max]);
            }
        }
    }

    /// `u`: a draft is cleared first; on an empty draft the last saved
    /// action of this round is undone, and nothing of another round or of
    /// a closed round is ever touched.
    fn undo_last(&mut self, lines: usize) {
        if !self.draft().is_empty() || self.draft().correcting.is_some() {
            self.set_draft(Draft::new(lines));
            return self.say(Msg::DraftCleared, &[]);
        }
        let Some(round) = self.current_round() else {
            return;
        };
        if round.status != RoundStatus::Open {
            return self.refuse(Msg::UndoClosed, &[]);
        }
        let key = round.key.clone();
        let Some(i) = self.undo.iter().rposition(|u| u.round == key) else {
            return self.refuse(Msg::NothingToUndo, &[]);
        };
        let undo = self.undo.remove(i);
        let number = match &undo.inverse {
            Event::BallotWithdrawn { number, .. }
            | Event::BallotRestored { number, .. }
            | Event::BallotCorrected { number, .. } => *number,
            _ => 0,
        };
        if !self.record(undo.inverse.clone(), Some(undo.said.fill(&[&number]))) {
            // Keep it: the user may want to try again after reading why.
            self.undo.insert(i, undo);
        }
    }

    /// The answer to "save a ballot beyond 收回?": yes.
    pub(super) fn answer_over_returned(&mut self, content: BallotContent) -> bool {
        self.close_prompt();
        self.save_ballot(content, true);
        true
    }

    /// `w` + number: withdraw that ballot, or restore it when withdrawn.
    pub(super) fn answer_withdraw(&mut self, input: &str) -> bool {
        let Some(number) = self.one_count(input) else {
            return false;
        };
        let Some(round) = self.current_round() else {
            return false;
        };
        let key = round.key.clone();
        // A withdrawn number is restored: the prompt says so.
        let withdrawn = round
            .ballots
            .get((number as usize).wrapping_sub(1))
            .is_some_and(|b| b.withdrawn && !b.discarded);
        let (event, inverse, msg, said) = if withdrawn {
            (
                Event::BallotRestored {
                    round: key.clone(),
                    number,
                },
                Event::BallotWithdrawn {
                    round: key.clone(),
                    number,
                },
                Msg::SavedRestore,
                Msg::UndidRestore,
            )
        } else {
            (
                Event::BallotWithdrawn {
                    round: key.clone(),
                    number,
                },
                Event::BallotRestored {
                    round: key.clone(),
                    number,
                },
                Msg::SavedWithdrawal,
                Msg::UndidWithdrawal,
            )
        };
        let ok = self.record(event, Some(msg.fill(&[&number])));
        if ok {
            self.undo.push(Undo {
                round: key,
                inverse,
                said,
            });
        }
        ok
    }

    /// `r` + number: load that ballot into the grid for correction.
    pub(super) fn answer_correct(&mut self, input: &str) -> bool {
        let Some(number) = self.one_count(input) else {
            return false;
        };
        let Some(round) = self.current_round() else {
            return false;
        };
        let lines = round.lines.len();
        match round.slot(number).map(|b| b.content.clone()) {
            Ok(content) => {
                self.set_draft(Draft::from_content(&content, lines, number));
                true
            }
            Err(e) => {
                self.fail(e.into());
                false
            }
        }
    }
}

/// Saving `content` in `round`: the event, its undo, the sentence saying
/// it was saved, and the ballot's number. A correction of ballot
/// `correcting`, or the next new ballot; `None` when there is no such
/// ballot to correct.
fn ballot_save(
    round: &Round,
    correcting: Option<u32>,
    content: &BallotContent,
) -> Option<(Event, Undo, Msg, u32)> {
    let key = round.key.clone();
    let content = content.clone();
    Some(match correcting {
        Some(number) => {
            let old = round.ballots.get(number as usize - 1)?.content.clone();
            let undo = Undo {
                round: key.clone(),
                inverse: Event::BallotCorrected {
                    round: key.clone(),
                    number,
                    content: old,
                },
                said: Msg::UndidCorrection,
            };
            let event = Event::BallotCorrected {
                round: key,
                number,
                content,
            };
            (event, undo, Msg::SavedCorrection, number)
        }
        None => {
            let number = round.ballots.len() as u32 + 1;
            let undo = Undo {
                round: key.clone(),
                inverse: Event::BallotWithdrawn {
                    round: key.clone(),
                    number,
                },
                said: Msg::UndidSave,
            };
            let event = Event::BallotRecorded {
                round: key,
                number,
                content,
            };
            (event, undo, Msg::Saved, number)
        }
    })
}
