//! The roll call's absentee list (缺席: name and 请假 / 公出 / 其他), for
//! the minutes. `b` asks for a name, then the reason; `x` takes someone
//! off. Every change records the whole new list as one
//! `AbsenteesRecorded`, and every refusal is the domain's sentence.

use super::{App, PromptKind};
use crate::catalog::Msg;
use crate::domain::attendance::{AbsenceReason, Absentee};
use crate::domain::names::{check_name, name_key};
use crate::domain::{Event, RoundKey};
use crate::labels::absentee_label;

impl App {
    /// The list recorded for the round on screen, and the round's key.
    fn absentees(&self) -> Option<(RoundKey, Vec<Absentee>)> {
        let r = self.current_round()?;
        Some((r.key.clone(), r.absentees.clone()))
    }

    /// The event that would record `list` for the round on screen.
    fn absentees_event(round: RoundKey, absentees: Vec<Absentee>) -> Event {
        Event::AbsenteesRecorded { round, absentees }
    }

    /// `b`: ask for a name, unless the list cannot grow at all (no roll
    /// call yet, the round closed, everyone missing already listed): then
    /// the domain's refusal at once, before anything is typed.
    pub(super) fn ask_absentee(&mut self) {
        let Some((round, mut list)) = self.absentees() else {
            return;
        };
        // The domain checks the round, the roll call and the list's
        // length before any name, so a list one empty name longer fails
        // on the name only when there is room for one more.
        list.push(Absentee {
            name: String::new(),
            reason: AbsenceReason::Other,
        });
        match self.model().check(&Self::absentees_event(round, list)) {
            Err(crate::domain::DomainError::EmptyAbsentee) | Ok(()) => {
                self.ask(PromptKind::AbsenteeName)
            }
            Err(e) => self.fail(e.into()),
        }
    }

    /// The name typed: refused as the domain refuses it (empty, hidden
    /// characters, listed already), the question staying open; else the
    /// reason is asked next.
    pub(super) fn answer_absentee_name(&mut self, input: &str) -> bool {
        let Some((round, mut list)) = self.absentees() else {
            return true;
        };
        // The list keeps the normalised name; a name with a problem goes
        // to the check as typed, so the refusal quotes it.
        let name = check_name(input).unwrap_or_else(|_| input.to_string());
        list.push(Absentee {
            name: name.clone(),
            reason: AbsenceReason::Other,
        });
        if let Err(e) = self.model().check(&Self::absentees_event(round, list)) {
            self.fail(e.into());
            return false;
        }
        // The reason's question replaces this one.
        self.ask(PromptKind::AbsenceReason(name));
        false
    }

    /// 1 请假, 2 公出, 3 其他: the list with `name` added is recorded.
    pub(super) fn answer_absence_reason(&mut self, name: String, input: &str) -> bool {
        let reason = match input {
            "1" => AbsenceReason::Leave,
            "2" => AbsenceReason::Business,
            "3" => AbsenceReason::Other,
            _ => {
                self.refuse(Msg::BadAbsenceReason, &[]);
                return false;
            }
        };
        let Some((round, mut list)) = self.absentees() else {
            return true;
        };
        let added = Absentee { name, reason };
        let said = Msg::AbsenteeAdded.fill(&[&absentee_label(&added)]);
        list.push(added);
        self.record(Self::absentees_event(round, list), Some(said))
    }

    /// `x`: ask who comes off the list; an empty list has no one to take
    /// off.
    pub(super) fn ask_remove_absentee(&mut self) {
        match self.absentees() {
            Some((_, list)) if list.is_empty() => self.refuse(Msg::NoAbsentees, &[]),
            Some(_) => self.ask(PromptKind::RemoveAbsentee),
            None => {}
        }
    }

    /// A name on the list (compared as the reader sees it), or its number
    /// in the list as shown (1 = first): the list without that person is
    /// recorded.
    pub(super) fn answer_remove_absentee(&mut self, input: &str) -> bool {
        let Some((round, mut list)) = self.absentees() else {
            return true;
        };
        let key = name_key(input);
        let by_name = list.iter().position(|a| name_key(&a.name) == key);
        let by_number = || {
            let n: usize = input.parse().ok()?;
            (1..=list.len()).contains(&n).then(|| n - 1)
        };
        let Some(at) = by_name.or_else(by_number) else {
            self.refuse(Msg::NotAbsent, &[&crate::domain::names::printable(input)]);
            return false;
        };
        let removed = list.remove(at);
        let said = Msg::AbsenteeRemoved.fill(&[&absentee_label(&removed)]);
        self.record(Self::absentees_event(round, list), Some(said))
    }
}
