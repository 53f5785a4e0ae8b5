//! A round of balloting (一轮投票): its ballot lines, numbers, keyed
//! ballots or tally sheets, and where it stands.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use super::ballot::BallotContent;
use super::checks::CountWarning;
use super::error::DomainError;
use super::event::{BallotLine, RoundKey};
use super::sheet::TallySheet;

/// Where a round stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundStatus {
    Open,
    /// Certified; the chain head (hex) recorded when it closed.
    Closed {
        head: String,
    },
    /// More returned than issued: kept in the record, re-run as the next round.
    Void,
}

/// The short fingerprint: the first 12 hex digits of a chain head, as the
/// minutes, the screens and the forms show it.
pub fn short_fingerprint(head: &str) -> &str {
    head.get(..12).unwrap_or(head)
}

impl RoundStatus {
    pub fn key(&self) -> &'static str {
        match self {
            RoundStatus::Open => "open",
            RoundStatus::Closed { .. } => "closed",
            RoundStatus::Void => "void",
        }
    }
}

/// One keyed ballot and whether it still counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotSlot {
    pub content: BallotContent,
    pub withdrawn: bool,
    /// Set aside when the round switched to counting by tally sheet: it
    /// stays in the record and never counts again.
    pub discarded: bool,
}

impl BallotSlot {
    /// Still counts: neither withdrawn nor set aside.
    pub fn counts(&self) -> bool {
        !self.withdrawn && !self.discarded
    }
}

/// One certification of a round (结束本轮) and, if it was reopened, why
/// and what changed afterwards: the minutes hold the fingerprint of every
/// close, so every one stays on the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certification {
    /// The chain head the close recorded (the fingerprint signed).
    pub head: String,
    /// The laptop's clock at closing (`None` in files from before it was
    /// recorded).
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub reopened: Option<Reopening>,
}

/// A closed round opened again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reopening {
    pub reason: String,
    pub at: Option<DateTime<FixedOffset>>,
    /// What was changed between this reopening and the next close (or now).
    pub changes: Changes,
}

/// What changed in a round after it was reopened.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Ballot numbers keyed, corrected, withdrawn, restored.
    pub added: Vec<u32>,
    pub corrected: Vec<u32>,
    pub withdrawn: Vec<u32>,
    pub restored: Vec<u32>,
    /// Counts re-keyed: (which, before, after).
    pub counts: Vec<(CountField, Option<u32>, u32)>,
    /// The tally sheet was keyed, resolved or discarded again.
    pub sheet: bool,
    /// The ballots keyed one by one were set aside for a tally sheet.
    pub ballots_discarded: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// A count of the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountField {
    /// 应到.
    Expected,
    /// 实到.
    Present,
    /// 发出.
    Issued,
    /// 收回.
    Returned,
}

/// One round of balloting for one meeting of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub key: RoundKey,
    pub lines: Vec<BallotLine>,
    pub status: RoundStatus,
    /// 应到, 实到 once the roll call is in.
    pub expected: Option<u32>,
    pub present: Option<u32>,
    /// 发出, 收回.
    pub issued: Option<u32>,
    pub returned: Option<u32>,
    /// Every ballot ever keyed, by number - 1; withdrawn ones stay.
    pub ballots: Vec<BallotSlot>,
    /// The two passes of keying the counter's tally sheet, if this round
    /// is counted that way.
    pub sheets: [Option<TallySheet>; 2],
    /// The sheet both passes agree on, or the resolved one.
    pub agreed: Option<TallySheet>,
    /// Who keyed each pass (计票人), when given.
    pub keyers: [Option<String>; 2],
    /// Warnings the liaison acknowledged, with the numbers they were on.
    pub acknowledged: BTreeSet<CountWarning>,
    /// Every close of this round, oldest first; the last is the current
    /// one while the round is closed.
    pub history: Vec<Certification>,
    /// Who was expected but absent, and why (optional; for the minutes).
    pub absentees: Vec<super::attendance::Absentee>,
}

impl Round {
    /// A new, open round with nothing keyed.
    pub fn new(key: RoundKey, lines: Vec<BallotLine>) -> Round {
        Round {
            key,
            lines,
            status: RoundStatus::Open,
            expected: None,
            present: None,
            issued: None,
            returned: None,
            ballots: Vec::new(),
            sheets: [None, None],
            agreed: None,
            keyers: [None, None],
            acknowledged: BTreeSet::new(),
            history: Vec::new(),
            absentees: Vec::new(),
        }
    }

    /// Ballots that count: keyed, not withdrawn, not set aside.
    pub fn live_ballots(&self) -> impl Iterator<Item = &BallotContent> {
        self.ballots
            .iter()
            .filter(|b| b.counts())
            .map(|b| &b.content)
    }

    /// Ballots keyed one by one that have not been set aside (withdrawn
    /// ones included: they are still this method's records).
    pub fn keyed_ballots(&self) -> usize {
        self.ballots.iter().filter(|b| !b.discarded).count()
    }

    /// The changes since the latest reopening, if the round is open again.
    pub fn changes_mut(&mut self) -> Option<&mut Changes> {
        if self.status != RoundStatus::Open {
            return None;
        }
        self.history
            .last_mut()
            .and_then(|c| c.reopened.as_mut())
            .map(|r| &mut r.changes)
    }

    /// More ballots returned than issued: the round is void and re-run.
    pub fn over_returned(&self) -> bool {
        self.returned
            .zip(self.issued)
            .is_some_and(|(ret, iss)| ret > iss)
    }

    /// Counted from a tally sheet rather than ballot by ballot.
    pub fn by_sheet(&self) -> bool {
        self.sheets.iter().any(Option::is_some)
    }

    /// Cells where the two passes disagree and no resolution exists yet.
    pub fn open_differences(&self) -> Vec<super::sheet::SheetCell> {
        match (&self.sheets, &self.agreed) {
            ([Some(a), Some(b)], None) => a.differences(b),
            _ => Vec::new(),
        }
    }

    /// Ballot `number`, which must exist and not have been set aside.
    pub(crate) fn slot(&self, number: u32) -> Result<&BallotSlot, DomainError> {
        let slot = (number as usize)
            .checked_sub(1)
            .and_then(|i| self.ballots.get(i))
            .ok_or(DomainError::NoSuchBallot(number))?;
        if slot.discarded {
            return Err(DomainError::BallotSetAside(number));
        }
        Ok(slot)
    }
}
