//! A round of balloting (一轮投票): its ballot lines, numbers, keyed
//! ballots or tally sheets, and where it stands.

use super::ballot::BallotContent;
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
        }
    }

    /// Ballots that count: keyed and not withdrawn.
    pub fn live_ballots(&self) -> impl Iterator<Item = &BallotContent> {
        self.ballots
            .iter()
            .filter(|b| !b.withdrawn)
            .map(|b| &b.content)
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

    pub(crate) fn slot(&self, number: u32) -> Result<&BallotSlot, DomainError> {
        (number as usize)
            .checked_sub(1)
            .and_then(|i| self.ballots.get(i))
            .ok_or(DomainError::NoSuchBallot(number))
    }
}
