//! Who was expected at the roll call (点名) but absent, and why (请假 /
//! 公出 / 其他): an optional list the minutes (会议记录) print beside
//! 应到 and 实到. Recorded after the counts and replaced whole, so a
//! correction is one more event and nothing is lost.

use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::event::RoundKey;
use super::model::Model;
use super::names::{check_name, name_key};

/// Why someone on the list did not come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    /// 请假: excused.
    Leave,
    /// 公出: away on official business.
    Business,
    /// 其他.
    Other,
}

impl AbsenceReason {
    pub const ALL: [AbsenceReason; 3] = [
        AbsenceReason::Leave,
        AbsenceReason::Business,
        AbsenceReason::Other,
    ];
}

/// One person absent from the roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absentee {
    pub name: String,
    pub reason: AbsenceReason,
}

impl Model {
    /// A list that fits the roll call: after 应到/实到, no more people
    /// than are missing (应到 - 实到), each name valid and listed once.
    pub(super) fn check_absentees(
        &self,
        round: &RoundKey,
        absentees: &[Absentee],
    ) -> Result<(), DomainError> {
        let r = self.open_round(round)?;
        let (Some(expected), Some(present)) = (r.expected, r.present) else {
            return Err(DomainError::AbsenteesBeforeRollCall);
        };
        let missing = expected.saturating_sub(present) as usize;
        if absentees.len() > missing {
            return Err(DomainError::TooManyAbsentees(absentees.len(), missing));
        }
        let mut seen = std::collections::BTreeSet::new();
        for a in absentees {
            match check_name(&a.name) {
                Ok(name) if name.is_empty() => return Err(DomainError::EmptyAbsentee),
                Ok(_) => {}
                Err(problem) => return Err(DomainError::BadAbsentee(a.name.clone(), problem)),
            }
            if !seen.insert(name_key(&a.name)) {
                return Err(DomainError::AbsentTwice(a.name.clone()));
            }
        }
        Ok(())
    }

    pub(super) fn apply_absentees(&mut self, round: &RoundKey, absentees: &[Absentee]) {
        self.round_mut(round).absentees = absentees.to_vec();
    }
}
