//! A paper ballot as keyed in (选票). Ballots are anonymous: nothing here,
//! or anywhere in the log, says who filled one in.

use serde::{Deserialize, Serialize};

/// What one ballot says about one subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// A grade, as its index in the meeting's scale (0 = best).
    Grade(u8),
    /// Left blank for this subject: 弃权.
    Abstain,
    /// Two grades ticked, or unreadable: void for this subject only.
    Void,
}

/// One ballot's content.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotContent {
    /// A filled-in ballot: one mark per subject, in ballot order.
    Marks(Vec<Mark>),
    /// 空白票: nothing marked; an abstention for every subject (default of
    /// common practice).
    Blank,
    /// 废票: the whole ballot is void (e.g. more top grades than allowed).
    Invalid,
}

impl BallotContent {
    /// The ballot in which every one of `subjects` gets `grade`.
    pub fn all(grade: u8, subjects: usize) -> BallotContent {
        BallotContent::Marks(vec![Mark::Grade(grade); subjects])
    }

    /// How many top grades (index 0) the ballot gives.
    pub fn top_grades(&self) -> usize {
        match self {
            BallotContent::Marks(m) => m.iter().filter(|m| **m == Mark::Grade(0)).count(),
            _ => 0,
        }
    }
}
