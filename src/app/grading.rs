//! Actions of the office: closing, reopening and voiding rounds, and the
//! grading board (final grades, combined evaluations, rectifications).

use super::{App, PromptKind, Screen};
use crate::app::keymap::Action;
use crate::catalog::Msg;
use crate::domain::board::{Decision, board, is_provisional};
use crate::domain::grading::{Group, Rectification, RectificationStatus, Target};
use crate::domain::{DomainError, Event};
use crate::store::StoreError;
use crate::store::chain;

impl App {
    /// The grading board's rows for the group on screen, computed once per
    /// change of the log (not on every key or frame: on a large campaign it
    /// counts every round).
    pub fn board_rows(&self) -> std::rc::Rc<Vec<crate::domain::board::BoardRow>> {
        let key = (self.model().events, self.grading_group);
        let mut cache = self.board_cache.borrow_mut();
        match &*cache {
            Some((k, rows)) if *k == key => rows.clone(),
            _ => {
                let rows = std::rc::Rc::new(board(self.model(), self.grading_group));
                *cache = Some((key, rows.clone()));
                rows
            }
        }
    }

    /// The row selected on the grading board.
    pub fn grading_row(&self) -> Option<crate::domain::board::BoardRow> {
        self.board_rows().get(self.grading_selected()).cloned()
    }

    pub(super) fn on_grading(&mut self, action: Action) {
        let rows = self.board_rows();
        let row = rows.get(self.grading_selected()).cloned();
        let secretary = row.as_ref().and_then(|r| match &r.target {
            Target::Person { unit, name } if self.grading_group == Group::Secretaries => {
                Some((unit.clone(), name.clone()))
            }
            _ => None,
        });
        match action {
            Action::Back => self.screen = Screen::Home,
            Action::NextGroup | Action::PrevGroup => self.switch_group(action == Action::NextGroup),
            Action::Up | Action::Down => self.move_grading_row(rows.len(), action == Action::Down),
            Action::Grade(g) => {
                if let Some(row) = row {
                    self.grade_guarded(row.target, g);
                }
            }
            Action::ClearGrade => {
                // Clearing rests on nothing: no question.
                if let Some(row) = row {
                    self.assign(row.target, None, None);
                }
            }
            Action::Investigation
            | Action::CombinedEvaluation
            | Action::EditRectification
            | Action::CombinedScore => {
                if let Some((u, s)) = secretary {
                    self.ask(match action {
                        Action::Investigation => PromptKind::Investigation(u, s),
                        Action::CombinedEvaluation => PromptKind::Combined(u, s),
                        Action::CombinedScore => PromptKind::Score(u, s),
                        _ => return self.ask_rectification(u, s),
                    });
                }
            }
            Action::CombinedMaterial => {
                if let Some((u, s)) = secretary {
                    self.ask_material(u, s);
                }
            }
            Action::RectificationStatus => {
                if let Some((unit, secretary)) = secretary {
                    self.next_rectification_status(unit, secretary);
                }
            }
            _ => {}
        }
    }

    /// Tab / Left: the next or previous group, from its first row.
    fn switch_group(&mut self, forward: bool) {
        let all = Group::ALL;
        let i = all
            .iter()
            .position(|g| *g == self.grading_group)
            .unwrap_or(0);
        let step = if forward { 1 } else { all.len() - 1 };
        self.grading_group = all[(i + step) % all.len()];
        if let Some(g) = self.grading_view_mut() {
            g.selected = 0;
        }
    }

    fn move_grading_row(&mut self, rows: usize, down: bool) {
        if let Some(g) = self.grading_view_mut() {
            g.selected = if down {
                (g.selected + 1).min(rows.saturating_sub(1))
            } else {
                g.selected.saturating_sub(1)
            };
        }
    }

    /// `s`: the rectification's status goes round open, in progress, done.
    fn next_rectification_status(&mut self, unit: String, secretary: String) {
        let Some(mut entry) = self
            .model()
            .grading
            .rectifications
            .get(&(unit.clone(), secretary.clone()))
            .cloned()
        else {
            return self.refuse(Msg::NoRectification, &[]);
        };
        entry.status = match entry.status {
            RectificationStatus::Open => RectificationStatus::InProgress,
            RectificationStatus::InProgress => RectificationStatus::Done,
            RectificationStatus::Done => RectificationStatus::Open,
        };
        self.record(
            Event::RectificationSet {
                unit,
                secretary,
                entry,
            },
            None,
        );
    }

    /// Grade `target`. A grade the rules refuse (a full quota, the
    /// cross-rule, no such grade) is refused at once, as always; a grade
    /// that rests on a meeting not closed asks first (the grading guard),
    /// and is recorded on Enter; any other is recorded now.
    fn grade_guarded(&mut self, target: Target, grade: u8) {
        let event = Event::GradeAssigned {
            target: target.clone(),
            grade: Some(grade),
            justification: None,
        };
        if let Err(e) = self.model().check(&event)
            && !matches!(e, DomainError::JustificationNeeded(..))
        {
            return self.fail(e.into());
        }
        let decision = Decision::Grade(target.clone());
        if is_provisional(self.model(), &decision) {
            return self.ask(PromptKind::ConfirmProvisional(decision, grade));
        }
        self.assign(target, Some(grade), None);
    }

    /// The combined evaluation, guarded as grades are. Returns whether the
    /// prompt that asked for the level is answered (false: it stays open
    /// with the reason, or the guard's question replaced it).
    fn combined_guarded(&mut self, unit: &str, secretary: &str, level: u8) -> bool {
        let event = Event::CombinedEvaluationSet {
            unit: unit.to_string(),
            secretary: secretary.to_string(),
            level,
        };
        if let Err(e) = self.model().check(&event) {
            self.fail(e.into());
            return false;
        }
        let decision = Decision::Combined {
            unit: unit.to_string(),
            secretary: secretary.to_string(),
        };
        if is_provisional(self.model(), &decision) {
            self.ask(PromptKind::ConfirmProvisional(decision, level));
            return false;
        }
        self.record(event, None)
    }

    /// Esc at an office question: say what was not recorded. The prompt
    /// itself is closed by the caller.
    pub fn prompt_cancelled(&mut self, kind: &PromptKind) {
        // The questions that would record something say that nothing was.
        if let PromptKind::ConfirmProvisional(..)
        | PromptKind::ConfirmOverReturned(_)
        | PromptKind::DiscardSheet(_)
        | PromptKind::DiscardBallots(_)
        | PromptKind::AbsenceReason(_) = kind
        {
            self.say(Msg::ProvisionalCancelled, &[]);
        }
    }

    /// Assign a final grade. Over a soft quota, ask for the justification
    /// instead of failing. Returns whether it was recorded.
    fn assign(&mut self, target: Target, grade: Option<u8>, justification: Option<String>) -> bool {
        let event = Event::GradeAssigned {
            target: target.clone(),
            grade,
            justification,
        };
        match self.session.record(event) {
            Ok(_) => return true,
            Err(StoreError::Domain(e @ DomainError::JustificationNeeded(..))) => {
                self.ask(PromptKind::Justification(target, grade.unwrap_or(0)));
                self.fail(e.into());
            }
            Err(e) => self.fail(e),
        }
        false
    }

    /// Close and certify the round, recording the chain head it certifies.
    pub(super) fn answer_close(&mut self, n: u32) -> bool {
        let Some(round) = self.current_round().map(|r| r.key.clone()) else {
            return false;
        };
        let head = chain::to_hex(&self.session.store.head());
        let short = crate::domain::round::short_fingerprint(&head).to_string();
        self.record(
            Event::RoundClosed {
                round,
                head,
                at: Some(self.now),
            },
            Some(Msg::RoundClosedMsg.fill(&[&n, &short])),
        )
    }

    /// Reopen a closed round with the reason typed.
    pub(super) fn answer_reopen(&mut self, n: u32, input: &str) -> bool {
        let Some(round) = self.current_round().map(|r| r.key.clone()) else {
            return false;
        };
        let reason = crate::domain::names::normalize_text(input);
        self.record(
            Event::RoundReopened {
                round,
                reason,
                at: Some(self.now),
            },
            Some(Msg::RoundReopenedMsg.fill(&[&n])),
        )
    }

    /// Void the round (more returned than issued) and start the re-run.
    pub(super) fn answer_void(&mut self, n: u32) -> bool {
        let Some(round) = self.current_round().map(|r| r.key.clone()) else {
            return false;
        };
        self.record(
            Event::RoundVoided { round },
            Some(Msg::RoundVoidedMsg.fill(&[&n, &(n + 1)])),
        )
    }

    /// A soft quota's excess, justified in words.
    pub(super) fn answer_justification(&mut self, target: Target, grade: u8, input: &str) -> bool {
        let text = crate::domain::names::normalize_text(input);
        self.assign(target, Some(grade), Some(text));
        !matches!(self.status, Some(super::Status::Error(_)))
    }

    /// 调查核实: a level 1-4, then a note.
    pub(super) fn answer_investigation(
        &mut self,
        unit: String,
        secretary: String,
        input: &str,
    ) -> bool {
        let (level, note) = input.split_at(input.chars().next().map_or(0, char::len_utf8));
        match level.parse::<u8>() {
            Ok(l @ 1..=4) => self.record(
                Event::InvestigationRecorded {
                    unit,
                    secretary,
                    level: l - 1,
                    note: crate::domain::names::normalize_text(note),
                },
                None,
            ),
            _ => {
                self.refuse(Msg::BadLevel, &[]);
                false
            }
        }
    }

    /// 综合评价: a level 1-4 (guarded while the review is not closed).
    pub(super) fn answer_combined(&mut self, unit: String, secretary: String, input: &str) -> bool {
        match input.trim().parse::<u8>() {
            Ok(l @ 1..=4) => self.combined_guarded(&unit, &secretary, l - 1),
            _ => {
                self.refuse(Msg::BadLevel, &[]);
                false
            }
        }
    }

    /// Yes to a decision on a meeting not closed: recorded exactly as
    /// without the guard (every rule applies), marked provisional.
    pub(super) fn answer_provisional(&mut self, decision: Decision, level: u8) -> bool {
        let recorded = match decision {
            Decision::Grade(target) => self.assign(target, Some(level), None),
            Decision::Combined { unit, secretary } => self.record(
                Event::CombinedEvaluationSet {
                    unit,
                    secretary,
                    level,
                },
                None,
            ),
        };
        if recorded {
            self.say(Msg::ProvisionalRecorded, &[]);
        }
        // Answered, unless a justification is now asked for.
        !matches!(
            self.prompt().map(|p| &p.kind),
            Some(PromptKind::Justification(..))
        )
    }

    /// 整改清单, from its form: problems, measures, deadline, responsible.
    /// A deadline that is not a date keeps the form open on that field.
    pub(super) fn answer_rectification(
        &mut self,
        unit: String,
        secretary: String,
        fields: &[String],
    ) -> bool {
        let parts: Vec<String> = fields
            .iter()
            .map(|f| crate::domain::names::normalize_text(f))
            .collect();
        let [problems, measures, deadline, responsible] = parts.as_slice() else {
            return false;
        };
        let deadline = typed_date(deadline);
        let status = self
            .model()
            .grading
            .rectifications
            .get(&(unit.clone(), secretary.clone()))
            .map(|r| r.status)
            .unwrap_or_default();
        let entry = Rectification {
            problems: problems.clone(),
            measures: measures.clone(),
            deadline,
            responsible: responsible.clone(),
            status,
        };
        let recorded = self.record(
            Event::RectificationSet {
                unit,
                secretary,
                entry,
            },
            None,
        );
        if !recorded && let Some(p) = self.prompt_mut() {
            // The one field a recording can refuse is the deadline.
            p.focus = 2;
        }
        recorded
    }

    /// `e` on the grading board: the rectification form, pre-filled with
    /// what is recorded so that a change is an edit, not a retyping.
    pub(super) fn ask_rectification(&mut self, unit: String, secretary: String) {
        let saved = self
            .model()
            .grading
            .rectifications
            .get(&(unit.clone(), secretary.clone()))
            .cloned();
        self.ask(PromptKind::Rectification(unit, secretary));
        if let (Some(p), Some(r)) = (self.prompt_mut(), saved) {
            for (field, text) in
                p.fields
                    .iter_mut()
                    .zip([&r.problems, &r.measures, &r.deadline, &r.responsible])
            {
                field.set_text(text);
            }
        }
    }
}

/// A date as people type it (2027-3-31, 2027/3/31, 2027.3.31,
/// 2027年3月31日) in the form the record keeps (2027-03-31). Anything
/// else is kept as typed, for the recording to refuse with its reason.
fn typed_date(typed: &str) -> String {
    let unified: String = typed
        .trim_end_matches('日')
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' | '／' | '－' => '-',
            c => c,
        })
        .collect();
    match chrono::NaiveDate::parse_from_str(&unified, "%Y-%m-%d") {
        Ok(d) => d.format("%Y-%m-%d").to_string(),
        Err(_) => typed.to_string(),
    }
}
