//! The in-memory model: the fold of the event log. Nothing else is truth.
//!
//! `Model::check` validates an event against the current state without
//! changing it; the store appends only checked events, and replay checks
//! every stored event again, so a log that does not fold is reported.

use std::collections::BTreeMap;

use thiserror::Error;

use super::ballot::{BallotContent, Mark};
use super::campaign::{Campaign, MeetingKind};
use super::event::{BallotLine, Event, RoundKey};
use crate::i18n::tr;

/// Why an event cannot be applied. Each is a sentence for the liaison.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error(
        "{}",
        tr(
            "记录的第一条必须是考核方案定义。",
            "The first record must be the campaign definition."
        )
    )]
    NoCampaign,
    #[error(
        "{}",
        tr(
            "考核方案已经定义，不能再定义一次。",
            "The campaign is already defined; it cannot be defined again."
        )
    )]
    CampaignAgain,
    #[error("{}", tr(format!("没有名为“{0}”的单位。", .0), format!("There is no unit named \"{0}\".", .0)))]
    UnknownUnit(String),
    #[error("{}", tr(format!("“{0}”不召开{1}。", .0, .1.label_zh()), format!("\"{0}\" does not hold the {1} meeting.", .0, .1.key())))]
    MeetingNotHeld(String, MeetingKind),
    #[error("{}", tr(format!("下一轮应为第 {0} 轮。", .0), format!("The next round must be round {0}.", .0)))]
    WrongRoundNumber(u32),
    #[error(
        "{}",
        tr(
            "上一轮还没有结束，不能开始新一轮。",
            "The previous round is still open; a new round cannot start."
        )
    )]
    PreviousRoundOpen,
    #[error(
        "{}",
        tr(
            "这一轮的选票上没有任何测评对象。",
            "This round's ballot has no one on it."
        )
    )]
    EmptyBallot,
    #[error("{}", tr("这一轮还没有开始。", "This round has not been opened."))]
    UnknownRound,
    #[error(
        "{}",
        tr(
            "这一轮已经结束，不能再修改。",
            "This round is closed and cannot be changed."
        )
    )]
    RoundNotOpen,
    #[error(
        "{}",
        tr("应到人数必须大于 0。", "The expected number must be more than 0.")
    )]
    NoneExpected,
    #[error("{}", tr(format!("实到 {0} 人多于应到 {1} 人，请核对。", .0, .1), format!("Present ({0}) is more than expected ({1}); please check.", .0, .1)))]
    MorePresentThanExpected(u32, u32),
    #[error("{}", tr(format!("下一张选票应为第 {0} 号。", .0), format!("The next ballot must be number {0}.", .0)))]
    WrongBallotNumber(u32),
    #[error("{}", tr(format!("没有第 {0} 号选票。", .0), format!("There is no ballot number {0}.", .0)))]
    NoSuchBallot(u32),
    #[error("{}", tr(format!("第 {0} 号选票已经撤销。", .0), format!("Ballot {0} is already withdrawn.", .0)))]
    AlreadyWithdrawn(u32),
    #[error("{}", tr(format!("第 {0} 号选票没有被撤销。", .0), format!("Ballot {0} is not withdrawn.", .0)))]
    NotWithdrawn(u32),
    #[error("{}", tr(format!("选票上应有 {0} 人，录入了 {1} 人。", .0, .1), format!("The ballot has {0} people but {1} marks were keyed.", .0, .1)))]
    WrongMarkCount(usize, usize),
    #[error("{}", tr(format!("等次编号 {0} 超出了等次表（共 {1} 个等次）。", .0 + 1, .1), format!("Grade {0} is outside the scale ({1} grades).", .0 + 1, .1)))]
    GradeOutOfScale(u8, usize),
}

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundStatus {
    Open,
}

impl RoundStatus {
    pub fn key(self) -> &'static str {
        match self {
            RoundStatus::Open => "open",
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
}

impl Round {
    /// Ballots that count: keyed and not withdrawn.
    pub fn live_ballots(&self) -> impl Iterator<Item = &BallotContent> {
        self.ballots
            .iter()
            .filter(|b| !b.withdrawn)
            .map(|b| &b.content)
    }

    fn slot(&self, number: u32) -> Result<&BallotSlot, DomainError> {
        (number as usize)
            .checked_sub(1)
            .and_then(|i| self.ballots.get(i))
            .ok_or(DomainError::NoSuchBallot(number))
    }
}

/// The fold of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub campaign: Campaign,
    pub rounds: BTreeMap<RoundKey, Round>,
    /// How many events have been folded (= the last seq).
    pub events: u64,
}

impl Model {
    /// The model after the first event, which must define the campaign.
    pub fn from_first(event: &Event) -> Result<Model, DomainError> {
        match event {
            Event::CampaignDefined { campaign } => Ok(Model {
                campaign: campaign.clone(),
                rounds: BTreeMap::new(),
                events: 1,
            }),
            _ => Err(DomainError::NoCampaign),
        }
    }

    /// Fold a whole sequence of events.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Model, DomainError> {
        let mut it = events.into_iter();
        let first = it.next().ok_or(DomainError::NoCampaign)?;
        let mut model = Model::from_first(first)?;
        for e in it {
            model.apply(e)?;
        }
        Ok(model)
    }

    /// The rounds of one meeting of one unit, in round order.
    pub fn rounds_of(&self, unit: &str, meeting: MeetingKind) -> impl Iterator<Item = &Round> {
        self.rounds
            .values()
            .filter(move |r| r.key.unit == unit && r.key.meeting == meeting)
    }

    /// The ballot lines a new round of `meeting` in `unit` would print.
    pub fn ballot_lines(
        &self,
        unit: &str,
        meeting: MeetingKind,
    ) -> Result<Vec<BallotLine>, DomainError> {
        let u = self
            .campaign
            .unit(unit)
            .ok_or_else(|| DomainError::UnknownUnit(unit.to_string()))?;
        Ok(u.subjects_for(meeting)
            .map(|s| BallotLine {
                name: s.name.clone(),
                role: s.role,
            })
            .collect())
    }

    fn open_round(&self, key: &RoundKey) -> Result<&Round, DomainError> {
        let round = self.rounds.get(key).ok_or(DomainError::UnknownRound)?;
        if round.status != RoundStatus::Open {
            return Err(DomainError::RoundNotOpen);
        }
        Ok(round)
    }

    fn check_content(&self, round: &Round, content: &BallotContent) -> Result<(), DomainError> {
        if let BallotContent::Marks(marks) = content {
            if marks.len() != round.lines.len() {
                return Err(DomainError::WrongMarkCount(round.lines.len(), marks.len()));
            }
            let scale = self
                .campaign
                .meeting(round.key.meeting)
                .map(|m| m.scale.len())
                .unwrap_or(0);
            for m in marks {
                if let Mark::Grade(g) = m
                    && usize::from(*g) >= scale
                {
                    return Err(DomainError::GradeOutOfScale(*g, scale));
                }
            }
        }
        Ok(())
    }

    /// Would `event` apply? Changes nothing.
    pub fn check(&self, event: &Event) -> Result<(), DomainError> {
        match event {
            Event::CampaignDefined { .. } => Err(DomainError::CampaignAgain),
            Event::RoundOpened { round, lines } => {
                let unit = self
                    .campaign
                    .unit(&round.unit)
                    .ok_or_else(|| DomainError::UnknownUnit(round.unit.clone()))?;
                if !unit.meetings.contains(&round.meeting)
                    || self.campaign.meeting(round.meeting).is_none()
                {
                    return Err(DomainError::MeetingNotHeld(
                        round.unit.clone(),
                        round.meeting,
                    ));
                }
                let earlier: Vec<&Round> = self.rounds_of(&round.unit, round.meeting).collect();
                let next = earlier.len() as u32 + 1;
                if round.round != next {
                    return Err(DomainError::WrongRoundNumber(next));
                }
                if earlier.iter().any(|r| r.status == RoundStatus::Open) {
                    return Err(DomainError::PreviousRoundOpen);
                }
                if lines.is_empty() {
                    return Err(DomainError::EmptyBallot);
                }
                Ok(())
            }
            Event::RollCall {
                round,
                expected,
                present,
            } => {
                self.open_round(round)?;
                if *expected == 0 {
                    return Err(DomainError::NoneExpected);
                }
                if present > expected {
                    return Err(DomainError::MorePresentThanExpected(*present, *expected));
                }
                Ok(())
            }
            Event::BallotsIssued { round, .. } | Event::BallotsReturned { round, .. } => {
                self.open_round(round).map(|_| ())
            }
            Event::BallotRecorded {
                round,
                number,
                content,
            } => {
                let r = self.open_round(round)?;
                let next = r.ballots.len() as u32 + 1;
                if *number != next {
                    return Err(DomainError::WrongBallotNumber(next));
                }
                self.check_content(r, content)
            }
            Event::BallotCorrected {
                round,
                number,
                content,
            } => {
                let r = self.open_round(round)?;
                r.slot(*number)?;
                self.check_content(r, content)
            }
            Event::BallotWithdrawn { round, number } => {
                let r = self.open_round(round)?;
                if r.slot(*number)?.withdrawn {
                    return Err(DomainError::AlreadyWithdrawn(*number));
                }
                Ok(())
            }
            Event::BallotRestored { round, number } => {
                let r = self.open_round(round)?;
                if !r.slot(*number)?.withdrawn {
                    return Err(DomainError::NotWithdrawn(*number));
                }
                Ok(())
            }
        }
    }

    /// Check `event`, then fold it in. On error nothing has changed.
    pub fn apply(&mut self, event: &Event) -> Result<(), DomainError> {
        self.check(event)?;
        match event {
            Event::CampaignDefined { .. } => unreachable!("refused by check"),
            Event::RoundOpened { round, lines } => {
                self.rounds.insert(
                    round.clone(),
                    Round {
                        key: round.clone(),
                        lines: lines.clone(),
                        status: RoundStatus::Open,
                        expected: None,
                        present: None,
                        issued: None,
                        returned: None,
                        ballots: Vec::new(),
                    },
                );
            }
            Event::RollCall {
                round,
                expected,
                present,
            } => {
                let r = self.round_mut(round);
                r.expected = Some(*expected);
                r.present = Some(*present);
            }
            Event::BallotsIssued { round, count } => self.round_mut(round).issued = Some(*count),
            Event::BallotsReturned { round, count } => {
                self.round_mut(round).returned = Some(*count)
            }
            Event::BallotRecorded { round, content, .. } => {
                self.round_mut(round).ballots.push(BallotSlot {
                    content: content.clone(),
                    withdrawn: false,
                })
            }
            Event::BallotCorrected {
                round,
                number,
                content,
            } => {
                self.slot_mut(round, *number).content = content.clone();
            }
            Event::BallotWithdrawn { round, number } => {
                self.slot_mut(round, *number).withdrawn = true
            }
            Event::BallotRestored { round, number } => {
                self.slot_mut(round, *number).withdrawn = false
            }
        }
        self.events += 1;
        Ok(())
    }

    // Only called after `check` found the round and the ballot.
    fn round_mut(&mut self, key: &RoundKey) -> &mut Round {
        self.rounds.get_mut(key).expect("checked")
    }

    fn slot_mut(&mut self, key: &RoundKey, number: u32) -> &mut BallotSlot {
        &mut self.round_mut(key).ballots[number as usize - 1]
    }
}
