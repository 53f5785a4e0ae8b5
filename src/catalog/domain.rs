//! The domain's refusals (`DomainError`) and a tally sheet's problems as
//! sentences for the liaison. The domain returns data; the words are
//! here, in both languages, and the caller says which.

use std::fmt;

use crate::domain::checks::MAX_COUNT;
use crate::domain::names::{MAX_NAME_CHARS, NameProblem, code_point, printable};
use crate::domain::sheet::{SheetCell, SheetColumn, SheetProblem};
use crate::domain::{DomainError, MeetingKind};
use crate::i18n::{Lang, lang};

catalog! {
    /// Why an event cannot be applied.
    pub enum DomainText {
    NoCampaign => "记录的第一条必须是考核方案定义。",
        "The first record must be the campaign definition.";
    CampaignAgain => "考核方案已经定义，不能再定义一次。",
        "The campaign is already defined; it cannot be defined again.";
    UnknownUnit => "没有名为“{0}”的单位。",
        "There is no unit named \"{0}\".";
    MeetingNotHeld => "“{0}”不召开{1}。",
        "\"{0}\" does not hold the {1} meeting.";
    WrongRoundNumber => "下一轮应为第 {0} 轮。",
        "The next round must be round {0}.";
    PreviousRoundOpen => "上一轮还没有结束，不能开始新一轮。",
        "The previous round is still open; a new round cannot start.";
    EmptyBallot => "这一轮的选票上没有任何测评对象。",
        "This round's ballot has no one on it.";
    UnknownRound => "这一轮还没有开始。",
        "This round has not been opened.";
    RoundNotOpen => "这一轮已经结束，不能再修改。",
        "This round is closed and cannot be changed.";
    NoneExpected => "应到人数必须大于 0。",
        "The expected number must be more than 0.";
    WrongBallotNumber => "下一张选票应为第 {0} 号。",
        "The next ballot must be number {0}.";
    NoSuchBallot => "没有第 {0} 号选票。",
        "There is no ballot number {0}.";
    AlreadyWithdrawn => "第 {0} 号选票已经剔除。",
        "Ballot {0} is already withdrawn.";
    NotWithdrawn => "第 {0} 号选票没有被剔除。",
        "Ballot {0} is not withdrawn.";
    WrongMarkCount => "选票上应有 {0} 人，录入了 {1} 人。",
        "The ballot has {0} people but {1} marks were keyed.";
    GradeOutOfScale => "等次编号 {0} 超出了等次表（共 {1} 个等次）。",
        "Grade {0} is outside the scale ({1} grades).";
    MeetingNotStarted => "这次会议还没有开始。",
        "This meeting has not started.";
    UnknownStep => "议程里没有这一步。",
        "There is no such step on this meeting's agenda.";
    NotASpeaker => "“{0}”不在这次会议的口头述职名单上。",
        "\"{0}\" does not report aloud at this meeting.";
    NotAWriter => "“{0}”不需要交书面述职。",
        "\"{0}\" does not hand in a written report here.";
    TimerNotNow => "计时器现在不能这样操作。",
        "The timer cannot do that now.";
    EmptyComment => "点评不能为空。",
        "The comment is empty.";
    BallotsKeyed => "这一轮已经逐张录入了 {0} 张选票，不能再录计票单。如要改用计票单，请先作废已录入的选票并写明理由。",
        "{0} ballots of this round are keyed one by one; it cannot also take a tally sheet. To count from a tally sheet instead, first set those ballots aside with a reason.";
    SheetKeyed => "这一轮已经在录计票单，不能再逐张录入选票。如要改用逐张录入，请先作废计票单并写明理由。",
        "This round is being counted from a tally sheet; ballots cannot also be keyed one by one. To key ballots instead, first discard the tally sheet with a reason.";
    BallotSetAside => "第 {0} 号选票已在改用计票单时作废，不能再更改。",
        "Ballot {0} was set aside when the round switched to a tally sheet; it cannot be changed.";
    CountTooLarge => "{0} 超过了上限 {1}，请核对。",
        "{0} is above the limit of {1}; please check.";
    SheetNeedsReturned => "先录入收回选票数，再录计票单。",
        "Key in the ballots returned before the tally sheet.";
    KeptPassDiffers => "保留的一遍与录入的不符。",
        "The kept pass does not match what was keyed.";
    NothingToResolve => "两遍录入一致，不需要核对。",
        "The two passes agree; there is nothing to resolve.";
    NoSheetToDiscard => "没有可以作废的计票单。",
        "There is no tally sheet to discard.";
    NoBallotsToDiscard => "没有可以作废的逐张录入的选票。",
        "There are no ballots keyed one by one to set aside.";
    NoDiscardReason => "作废必须写明理由。",
        "Discarding needs a written reason.";
    WarningNotRaised => "这条提示现在没有出现，不需要确认。",
        "This warning is not raised now; there is nothing to acknowledge.";
    WarningsOpen => "还不能结束这一轮：还有 {0} 条提示没有确认（在提示出现的那一步或散会这一步按 a 确认）。",
        "The round cannot close yet: {0} warnings are not acknowledged (press a at their step or at the close step).";
    CloseNoIssued => "还不能结束这一轮：还没有录入发出选票数。",
        "The round cannot close yet: the ballots issued are not keyed in.";
    BadPass => "计票单只能录第 1 遍或第 2 遍。",
        "A tally sheet is keyed in pass 1 or pass 2 only.";
    SheetShape => "计票单的行列与这一轮的选票不符。",
        "The tally sheet's rows and columns do not match this round's ballot.";
    BothPassesNeeded => "两遍录入都完成后才能核对差异。",
        "Both passes must be keyed before differences can be resolved.";
    ResolvedChangesAgreed => "核对结果改动了两遍一致的格子。",
        "The resolved sheet changes a cell both passes agreed on.";
    CloseCountsDiffer => "还不能结束这一轮：已录入 {0} 张，收回 {1} 张，两者须相等。",
        "The round cannot close yet: {0} entered, {1} returned; they must be equal.";
    CloseSheetOpen => "还不能结束这一轮：计票单还没有核对一致。",
        "The round cannot close yet: the tally sheet is not reconciled.";
    CloseVoid => "收回多于发出，这一轮无效，不能结束；请按 v 作废并重新投票。",
        "More ballots returned than issued: the round is void and cannot close; press v to void it and re-run.";
    WrongHead => "记录的链头与文件不符，请重试。",
        "The recorded chain head does not match the file; try again.";
    NotClosed => "这一轮没有结束，不需要重新打开。",
        "This round is not closed, so it cannot be reopened.";
    NoReason => "重新打开必须写明理由。",
        "Reopening needs a written reason.";
    NotVoidable => "只有收回多于发出时，这一轮才作废。",
        "A round is voided only when more ballots were returned than issued.";
    NoQuorum => "实到 {0} 人未超过应到 {1} 人的 {2}，不足法定人数，不能发票。",
        "Present {0} is not more than {2} of expected {1}: no quorum, ballots cannot be issued.";
    NoRollCall => "先完成点名（应到、实到）再发票。",
        "Do the roll call (expected, present) before issuing ballots.";
    NotGradable => "这一项不参加评定等次。",
        "This cannot be given a final grade.";
    NoSuchFinalGrade => "没有这个等次（{0}）。",
        "There is no such grade ({0}).";
    QuotaFull => "名额已满：{0}最多 {1} 个，已经评了 {2} 个（{3}的 {4}%，向下取整）。请先改掉一个。",
        "Quota full: at most {1} {0}, {2} already given ({4}% of {3}, rounded down). Change one first.";
    JustificationNeeded => "{0}原则上最多 {1} 个，已经评了 {2} 个；超出须写明理由。",
        "In principle at most {1} {0}, {2} already given; exceeding it needs a written justification.";
    CombinedNotGood => "述职评议综合评价未达到“好”的党组织书记，年度考核不得评为“优秀”。请先确定综合评价。",
        "A secretary whose combined evaluation is not 好 cannot be graded 优秀. Set the combined evaluation first.";
    GradedExcellent => "这位书记已被评为“优秀”，综合评价不能低于“好”。请先改评定等次。",
        "This secretary is graded 优秀, so the combined evaluation cannot be below 好. Change the grade first.";
    NotASecretary => "“{0}”不是这个单位的党组织书记。",
        "\"{0}\" is not this unit's Party secretary.";
    BadDate => "整改期限请写成 年-月-日，例如 2022-03-31。",
        "Write the deadline as year-month-day, e.g. 2022-03-31.";
    RosterInUse => "“{0}”的会议已经开始，名单不能再导入替换。",
        "\"{0}\" has already started a meeting; its roster can no longer be replaced.";
    BadRoster => "“{0}”的名单有空姓名或重名。",
        "The roster of \"{0}\" has an empty or repeated name.";
    MergeInsideMerge => "合并记录里不能再嵌套合并。",
        "A merged block cannot contain another merge.";
    RosterDropsGraded => "新名单没有“{1}”（{0}），但街道已为其记录了评定、综合评价或整改。请在名单中保留此人（已评的等次可先在评定等次页按 0 清除）。",
        "The new roster of {0} drops \"{1}\", who already has a grade, combined evaluation or rectification. Keep the person on the roster (a grade can first be cleared with 0 on the grading board).";
    TooManyAbsentees => "缺席名单有 {0} 人，而应到减实到只有 {1} 人。请核对名单或点名人数。",
        "The absentee list has {0} people, but expected minus present is only {1}. Check the list or the roll call.";
    AbsenteesBeforeRollCall => "先完成点名（录入应到、实到），再登记缺席人员。",
        "Do the roll call (expected, present) before listing who is absent.";
    EmptyAbsentee => "缺席人员的姓名不能为空。",
        "An absentee's name cannot be empty.";
    BadAbsentee => "缺席人员的姓名“{0}”{1}。",
        "The absentee's name \"{0}\" {1}.";
    AbsentTwice => "“{0}”在缺席名单上出现了两次。",
        "\"{0}\" is on the absentee list twice.";
    ScoreOutOfRange => "综合评分 {0} 超出了 0 到 100 分。",
        "The score {0} is outside 0 to 100.";
    }
}

catalog! {
    /// A keyed tally sheet that cannot be true, cell by cell.
    pub enum SheetText {
    InvalidOverReturned => "废票 {0} 张多于收回的 {1} 张。",
        "Invalid ballots ({0}) are more than returned ({1}).";
    BlankOverReturned => "空白票 {0} 张多于收回的 {1} 张。",
        "Blank ballots ({0}) are more than returned ({1}).";
    CellOverReturned => "{0}的“{1}” {2} 票，多于收回的 {3} 张。",
        "{0}: {1} {2} is more than returned ({3}).";
    RowTotal => "{0}：合计 {1}，应等于有效票 {2}（收回减废票）。",
        "{0}: total {1}, must be the valid ballots, {2} (returned - invalid).";
    AbstainBelowBlank => "{0}：弃权 {1} 少于空白票 {2}（空白票对每人都算弃权）。",
        "{0}: abstain {1} is below the blank ballots, {2} (blank = abstain for all).";
    Abstain => "弃权", "Abstain";
    Void => "无效", "Void";
    }
}

catalog! {
    /// What is wrong with a name, without subject or advice.
    pub enum NameText {
    Control => "含有看不见的控制字符（{0}）",
        "contains an invisible control character ({0})";
    Blank => "含有显示为空白的字符（{0}）",
        "contains a character that shows as blank ({0})";
    Invisible => "显示出来是空白，只有看不见的字符（如零宽字符、附加符号）",
        "shows as blank: it holds only invisible characters (such as zero-width characters or combining marks)";
    LoneMark => "有一个附加符号（{0}）前面没有可以附着的字",
        "has a combining mark ({0}) with no letter to sit on";
    TooLong => "超过 {0} 个字（有 {1} 个字）",
        "is longer than {0} characters (it has {1})";
    }
}

/// The meeting's word inside a refusal: its Chinese name, or its key in
/// English (as the campaign file spells it).
fn kind_word(kind: MeetingKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind.label_zh(),
        Lang::En => kind.key(),
    }
}

impl DomainError {
    /// The sentence for the liaison, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use DomainText as E;
        match self {
            DomainError::NoCampaign => E::NoCampaign.text_in(lang).to_string(),
            DomainError::CampaignAgain => E::CampaignAgain.text_in(lang).to_string(),
            DomainError::UnknownUnit(a) => E::UnknownUnit.fill_in(lang, &[a]),
            DomainError::MeetingNotHeld(unit, kind) => {
                E::MeetingNotHeld.fill_in(lang, &[unit, &kind_word(*kind, lang)])
            }
            DomainError::WrongRoundNumber(a) => E::WrongRoundNumber.fill_in(lang, &[a]),
            DomainError::PreviousRoundOpen => E::PreviousRoundOpen.text_in(lang).to_string(),
            DomainError::EmptyBallot => E::EmptyBallot.text_in(lang).to_string(),
            DomainError::UnknownRound => E::UnknownRound.text_in(lang).to_string(),
            DomainError::RoundNotOpen => E::RoundNotOpen.text_in(lang).to_string(),
            DomainError::NoneExpected => E::NoneExpected.text_in(lang).to_string(),
            DomainError::WrongBallotNumber(a) => E::WrongBallotNumber.fill_in(lang, &[a]),
            DomainError::NoSuchBallot(a) => E::NoSuchBallot.fill_in(lang, &[a]),
            DomainError::AlreadyWithdrawn(a) => E::AlreadyWithdrawn.fill_in(lang, &[a]),
            DomainError::NotWithdrawn(a) => E::NotWithdrawn.fill_in(lang, &[a]),
            DomainError::WrongMarkCount(a, b) => E::WrongMarkCount.fill_in(lang, &[a, b]),
            DomainError::GradeOutOfScale(grade, n) => {
                E::GradeOutOfScale.fill_in(lang, &[&(u32::from(*grade) + 1), n])
            }
            DomainError::MeetingNotStarted => E::MeetingNotStarted.text_in(lang).to_string(),
            DomainError::UnknownStep => E::UnknownStep.text_in(lang).to_string(),
            DomainError::NotASpeaker(a) => E::NotASpeaker.fill_in(lang, &[a]),
            DomainError::NotAWriter(a) => E::NotAWriter.fill_in(lang, &[a]),
            DomainError::TimerNotNow => E::TimerNotNow.text_in(lang).to_string(),
            DomainError::EmptyComment => E::EmptyComment.text_in(lang).to_string(),
            DomainError::BallotsKeyed(a) => E::BallotsKeyed.fill_in(lang, &[a]),
            DomainError::SheetKeyed => E::SheetKeyed.text_in(lang).to_string(),
            DomainError::BallotSetAside(a) => E::BallotSetAside.fill_in(lang, &[a]),
            DomainError::CountTooLarge(n) => E::CountTooLarge.fill_in(lang, &[n, &MAX_COUNT]),
            DomainError::SheetNeedsReturned => E::SheetNeedsReturned.text_in(lang).to_string(),
            DomainError::KeptPassDiffers => E::KeptPassDiffers.text_in(lang).to_string(),
            DomainError::NothingToResolve => E::NothingToResolve.text_in(lang).to_string(),
            DomainError::NoSheetToDiscard => E::NoSheetToDiscard.text_in(lang).to_string(),
            DomainError::NoBallotsToDiscard => E::NoBallotsToDiscard.text_in(lang).to_string(),
            DomainError::NoDiscardReason => E::NoDiscardReason.text_in(lang).to_string(),
            DomainError::WarningNotRaised => E::WarningNotRaised.text_in(lang).to_string(),
            DomainError::WarningsOpen(a) => E::WarningsOpen.fill_in(lang, &[a]),
            DomainError::CloseNoIssued => E::CloseNoIssued.text_in(lang).to_string(),
            DomainError::BadPass => E::BadPass.text_in(lang).to_string(),
            DomainError::SheetShape => E::SheetShape.text_in(lang).to_string(),
            DomainError::BothPassesNeeded => E::BothPassesNeeded.text_in(lang).to_string(),
            DomainError::ResolvedChangesAgreed => {
                E::ResolvedChangesAgreed.text_in(lang).to_string()
            }
            DomainError::CloseCountsDiffer(a, b) => E::CloseCountsDiffer.fill_in(lang, &[a, b]),
            DomainError::CloseSheetOpen => E::CloseSheetOpen.text_in(lang).to_string(),
            DomainError::CloseVoid => E::CloseVoid.text_in(lang).to_string(),
            DomainError::WrongHead => E::WrongHead.text_in(lang).to_string(),
            DomainError::NotClosed => E::NotClosed.text_in(lang).to_string(),
            DomainError::NoReason => E::NoReason.text_in(lang).to_string(),
            DomainError::NotVoidable => E::NotVoidable.text_in(lang).to_string(),
            DomainError::NoQuorum(a, b, c) => E::NoQuorum.fill_in(lang, &[a, b, c]),
            DomainError::NoRollCall => E::NoRollCall.text_in(lang).to_string(),
            DomainError::NotGradable => E::NotGradable.text_in(lang).to_string(),
            DomainError::NoSuchFinalGrade(a) => E::NoSuchFinalGrade.fill_in(lang, &[a]),
            DomainError::QuotaFull(group, a, b, c, d, e) => {
                let of = super::group_size(*group, *d, lang);
                E::QuotaFull.fill_in(lang, &[a, b, c, &of, e])
            }
            DomainError::JustificationNeeded(a, b, c) => {
                E::JustificationNeeded.fill_in(lang, &[a, b, c])
            }
            DomainError::CombinedNotGood => E::CombinedNotGood.text_in(lang).to_string(),
            DomainError::GradedExcellent => E::GradedExcellent.text_in(lang).to_string(),
            DomainError::NotASecretary(a) => E::NotASecretary.fill_in(lang, &[a]),
            DomainError::BadDate => E::BadDate.text_in(lang).to_string(),
            DomainError::RosterInUse(a) => E::RosterInUse.fill_in(lang, &[a]),
            DomainError::BadRoster(a) => E::BadRoster.fill_in(lang, &[a]),
            DomainError::MergeInsideMerge => E::MergeInsideMerge.text_in(lang).to_string(),
            DomainError::RosterDropsGraded(a, b) => E::RosterDropsGraded.fill_in(lang, &[a, b]),
            DomainError::TooManyAbsentees(a, b) => E::TooManyAbsentees.fill_in(lang, &[a, b]),
            DomainError::ScoreOutOfRange(a) => E::ScoreOutOfRange.fill_in(lang, &[a]),
            DomainError::AbsenteesBeforeRollCall => {
                E::AbsenteesBeforeRollCall.text_in(lang).to_string()
            }
            DomainError::EmptyAbsentee => E::EmptyAbsentee.text_in(lang).to_string(),
            DomainError::AbsentTwice(a) => E::AbsentTwice.fill_in(lang, &[&printable(a)]),
            DomainError::BadAbsentee(name, problem) => {
                E::BadAbsentee.fill_in(lang, &[&printable(name), &problem.reason(lang)])
            }
            DomainError::Sheet {
                problem,
                name,
                column,
            } => problem.message_in(lang, name.as_deref(), column.as_ref()),
        }
    }
}

/// At the edges (`anyhow`, standard error) a refusal speaks the process's
/// language; inside the program, call [`DomainError::message`].
impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(lang()))
    }
}

impl std::error::Error for DomainError {}

impl SheetColumn {
    /// The column's label: the grade's own word, 弃权 or 无效.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            SheetColumn::Grade(g) => g.clone(),
            SheetColumn::Abstain => SheetText::Abstain.text_in(lang).into(),
            SheetColumn::Void => SheetText::Void.text_in(lang).into(),
        }
    }
}

impl SheetProblem {
    /// The sentence in `lang`. `name` is the row's person and `column` the
    /// cell's column.
    pub fn message_in(
        &self,
        lang: Lang,
        name: Option<&str>,
        column: Option<&SheetColumn>,
    ) -> String {
        let name = name.unwrap_or("?");
        match *self {
            SheetProblem::OverReturned {
                cell: SheetCell::Invalid,
                value,
                returned,
            } => SheetText::InvalidOverReturned.fill_in(lang, &[&value, &returned]),
            SheetProblem::OverReturned {
                cell: SheetCell::Blank,
                value,
                returned,
            } => SheetText::BlankOverReturned.fill_in(lang, &[&value, &returned]),
            SheetProblem::OverReturned {
                cell: SheetCell::Count(..),
                value,
                returned,
            } => {
                let column = column.map_or_else(|| "?".to_string(), |c| c.label(lang));
                SheetText::CellOverReturned.fill_in(lang, &[&name, &column, &value, &returned])
            }
            SheetProblem::RowTotal { total, valid, .. } => {
                SheetText::RowTotal.fill_in(lang, &[&name, &total, &valid])
            }
            SheetProblem::AbstainBelowBlank { abstain, blank, .. } => {
                SheetText::AbstainBelowBlank.fill_in(lang, &[&name, &abstain, &blank])
            }
        }
    }

    /// The sentence in the screen's language, with the column already
    /// labelled (the tally-sheet screen's error list).
    pub fn message(&self, name: Option<&str>, column: Option<&str>) -> String {
        let column = column.map(|c| SheetColumn::Grade(c.to_string()));
        self.message_in(lang(), name, column.as_ref())
    }
}

impl NameProblem {
    /// What is wrong, without subject or advice: `含有看不见的控制字符
    /// （U+0007）` / `contains an invisible control character (U+0007)`.
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            NameProblem::Control { ch } => NameText::Control.fill_in(lang, &[&code_point(*ch)]),
            NameProblem::Blank { ch } => NameText::Blank.fill_in(lang, &[&code_point(*ch)]),
            NameProblem::Invisible => NameText::Invisible.text_in(lang).into(),
            NameProblem::LoneMark { ch } => NameText::LoneMark.fill_in(lang, &[&code_point(*ch)]),
            NameProblem::TooLong { chars } => {
                NameText::TooLong.fill_in(lang, &[&MAX_NAME_CHARS, chars])
            }
        }
    }
}
