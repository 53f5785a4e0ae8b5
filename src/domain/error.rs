//! Why an event cannot be applied: each a sentence for the liaison, in
//! the current language.

use thiserror::Error;

use super::campaign::MeetingKind;
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
    #[error("{}", tr("这次会议还没有开始。", "This meeting has not started."))]
    MeetingNotStarted,
    #[error(
        "{}",
        tr(
            "议程里没有这一步。",
            "There is no such step on this meeting's agenda."
        )
    )]
    UnknownStep,
    #[error("{}", tr(format!("“{0}”不在这次会议的口头述职名单上。", .0), format!("\"{0}\" does not report aloud at this meeting.", .0)))]
    NotASpeaker(String),
    #[error("{}", tr(format!("“{0}”不需要交书面述职。", .0), format!("\"{0}\" does not hand in a written report here.", .0)))]
    NotAWriter(String),
    #[error("{}", tr("计时器现在不能这样操作。", "The timer cannot do that now."))]
    TimerNotNow,
    #[error("{}", tr("点评不能为空。", "The comment is empty."))]
    EmptyComment,
    #[error(
        "{}",
        tr(
            "这一轮已经逐张录入选票，不能再录计票单（反之亦然）。",
            "This round is keyed ballot by ballot; it cannot also take a tally sheet (or the other way round)."
        )
    )]
    MixedMethods,
    #[error(
        "{}",
        tr(
            "计票单只能录第 1 遍或第 2 遍。",
            "A tally sheet is keyed in pass 1 or pass 2 only."
        )
    )]
    BadPass,
    #[error(
        "{}",
        tr(
            "计票单的行列与这一轮的选票不符。",
            "The tally sheet's rows and columns do not match this round's ballot."
        )
    )]
    SheetShape,
    #[error(
        "{}",
        tr(
            "两遍录入都完成后才能核对差异。",
            "Both passes must be keyed before differences can be resolved."
        )
    )]
    BothPassesNeeded,
    #[error(
        "{}",
        tr(
            "核对结果改动了两遍一致的格子。",
            "The resolved sheet changes a cell both passes agreed on."
        )
    )]
    ResolvedChangesAgreed,
}
