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
    #[error("{}", tr(format!("这一轮已经逐张录入了 {0} 张选票，不能再录计票单。如要改用计票单，请先作废已录入的选票并写明理由。", .0), format!("{0} ballots of this round are keyed one by one; it cannot also take a tally sheet. To count from a tally sheet instead, first set those ballots aside with a reason.", .0)))]
    BallotsKeyed(usize),
    #[error(
        "{}",
        tr(
            "这一轮已经在录计票单，不能再逐张录入选票。如要改用逐张录入，请先作废计票单并写明理由。",
            "This round is being counted from a tally sheet; ballots cannot also be keyed one by one. To key ballots instead, first discard the tally sheet with a reason."
        )
    )]
    SheetKeyed,
    #[error("{}", tr(format!("第 {0} 号选票已在改用计票单时作废，不能再更改。", .0), format!("Ballot {0} was set aside when the round switched to a tally sheet; it cannot be changed.", .0)))]
    BallotSetAside(u32),
    #[error("{}", tr(format!("{0} 超过了上限 {1}，请核对。", .0, super::checks::MAX_COUNT), format!("{0} is above the limit of {1}; please check.", .0, super::checks::MAX_COUNT)))]
    CountTooLarge(u64),
    #[error(
        "{}",
        tr(
            "先录入收回选票数，再录计票单。",
            "Key in the ballots returned before the tally sheet."
        )
    )]
    SheetNeedsReturned,
    #[error("{}", .problem.message(.name.as_deref(), .column.as_deref()))]
    Sheet {
        problem: super::sheet::SheetProblem,
        name: Option<String>,
        column: Option<String>,
    },
    #[error(
        "{}",
        tr(
            "保留的一遍与录入的不符。",
            "The kept pass does not match what was keyed."
        )
    )]
    KeptPassDiffers,
    #[error(
        "{}",
        tr(
            "两遍录入一致，不需要核对。",
            "The two passes agree; there is nothing to resolve."
        )
    )]
    NothingToResolve,
    #[error(
        "{}",
        tr("没有可以作废的计票单。", "There is no tally sheet to discard.")
    )]
    NoSheetToDiscard,
    #[error(
        "{}",
        tr(
            "没有可以作废的逐张录入的选票。",
            "There are no ballots keyed one by one to set aside."
        )
    )]
    NoBallotsToDiscard,
    #[error("{}", tr("作废必须写明理由。", "Discarding needs a written reason."))]
    NoDiscardReason,
    #[error(
        "{}",
        tr(
            "这条提示现在没有出现，不需要确认。",
            "This warning is not raised now; there is nothing to acknowledge."
        )
    )]
    WarningNotRaised,
    #[error("{}", tr(format!("还不能结束这一轮：还有 {0} 条提示没有确认（在提示出现的那一步或散会这一步按 a 确认）。", .0), format!("The round cannot close yet: {0} warnings are not acknowledged (press a at their step or at the close step).", .0)))]
    WarningsOpen(usize),
    #[error(
        "{}",
        tr(
            "还不能结束这一轮：还没有录入发出选票数。",
            "The round cannot close yet: the ballots issued are not keyed in."
        )
    )]
    CloseNoIssued,
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
    #[error("{}", tr(format!("还不能结束这一轮：已录入 {0} 张，收回 {1} 张，两者须相等。", .0, .1), format!("The round cannot close yet: {0} entered, {1} returned; they must be equal.", .0, .1)))]
    CloseCountsDiffer(u64, u32),
    #[error(
        "{}",
        tr(
            "还不能结束这一轮：计票单还没有核对一致。",
            "The round cannot close yet: the tally sheet is not reconciled."
        )
    )]
    CloseSheetOpen,
    #[error(
        "{}",
        tr(
            "收回多于发出，这一轮无效，不能结束；请按 v 作废并重新投票。",
            "More ballots returned than issued: the round is void and cannot close; press v to void it and re-run."
        )
    )]
    CloseVoid,
    #[error(
        "{}",
        tr(
            "记录的链头与文件不符，请重试。",
            "The recorded chain head does not match the file; try again."
        )
    )]
    WrongHead,
    #[error(
        "{}",
        tr(
            "这一轮没有结束，不需要重新打开。",
            "This round is not closed, so it cannot be reopened."
        )
    )]
    NotClosed,
    #[error(
        "{}",
        tr("重新打开必须写明理由。", "Reopening needs a written reason.")
    )]
    NoReason,
    #[error(
        "{}",
        tr(
            "只有收回多于发出时，这一轮才作废。",
            "A round is voided only when more ballots were returned than issued."
        )
    )]
    NotVoidable,
    #[error("{}", tr(format!("实到 {0} 人未超过应到 {1} 人的 {2}，不足法定人数，不能发票。", .0, .1, .2), format!("Present {0} is not more than {2} of expected {1}: no quorum, ballots cannot be issued.", .0, .1, .2)))]
    NoQuorum(u32, u32, super::campaign::Ratio),
    #[error(
        "{}",
        tr(
            "先完成点名（应到、实到）再发票。",
            "Do the roll call (expected, present) before issuing ballots."
        )
    )]
    NoRollCall,
    #[error(
        "{}",
        tr("这一项不参加评定等次。", "This cannot be given a final grade.")
    )]
    NotGradable,
    #[error("{}", tr(format!("没有这个等次（{0}）。", .0), format!("There is no such grade ({0}).", .0)))]
    NoSuchFinalGrade(u8),
    #[error("{}", tr(format!("名额已满：{0}最多 {1} 个，已经评了 {2} 个（{3} 人的 {4}%，向下取整）。请先改掉一个。", .0, .1, .2, .3, .4), format!("Quota full: at most {1} {0}, {2} already given ({4}% of {3}, rounded down). Change one first.", .0, .1, .2, .3, .4)))]
    QuotaFull(String, usize, usize, usize, u32),
    #[error("{}", tr(format!("{0}原则上最多 {1} 个，已经评了 {2} 个；超出须写明理由。", .0, .1, .2), format!("In principle at most {1} {0}, {2} already given; exceeding it needs a written justification.", .0, .1, .2)))]
    JustificationNeeded(String, usize, usize),
    #[error(
        "{}",
        tr(
            "述职评议综合评价未达到“好”的党组织书记，年度考核不得评为“优秀”。请先确定综合评价。",
            "A secretary whose combined evaluation is not 好 cannot be graded 优秀. Set the combined evaluation first."
        )
    )]
    CombinedNotGood,
    #[error(
        "{}",
        tr(
            "这位书记已被评为“优秀”，综合评价不能低于“好”。请先改评定等次。",
            "This secretary is graded 优秀, so the combined evaluation cannot be below 好. Change the grade first."
        )
    )]
    GradedExcellent,
    #[error("{}", tr(format!("“{0}”不是这个单位的党组织书记。", .0), format!("\"{0}\" is not this unit's Party secretary.", .0)))]
    NotASecretary(String),
    #[error(
        "{}",
        tr(
            "整改期限请写成 年-月-日，例如 2022-03-31。",
            "Write the deadline as year-month-day, e.g. 2022-03-31."
        )
    )]
    BadDate,
    #[error("{}", tr(format!("“{0}”的会议已经开始，名单不能再导入替换。", .0), format!("\"{0}\" has already started a meeting; its roster can no longer be replaced.", .0)))]
    RosterInUse(String),
    #[error("{}", tr(format!("“{0}”的名单有空姓名或重名。", .0), format!("The roster of \"{0}\" has an empty or repeated name.", .0)))]
    BadRoster(String),
    #[error(
        "{}",
        tr(
            "合并记录里不能再嵌套合并。",
            "A merged block cannot contain another merge."
        )
    )]
    MergeInsideMerge,
    #[error("{}", tr(format!("新名单没有“{1}”（{0}），但街道已为其记录了评定、综合评价或整改。请在名单中保留此人（已评的等次可先在评定等次页按 0 清除）。", .0, .1), format!("The new roster of {0} drops \"{1}\", who already has a grade, combined evaluation or rectification. Keep the person on the roster (a grade can first be cleared with 0 on the grading board).", .0, .1)))]
    RosterDropsGraded(String, String),
}
