//! The words of the office's forms, shared by the xlsx and csv exports.
//! The forms are filed in Chinese whatever the screen's language, so these
//! are plain Chinese strings, not catalogue labels. The exception is what
//! the liaison saw on the screen: a round's counting warnings and its
//! closing history are the screen's own sentences (`ui::warning_text`,
//! `ui::history_lines`), in the current language, so that the paper and
//! the screen say the same thing.

use crate::catalog::{Msg, t};
use crate::domain::round::BallotSlot;
use crate::domain::{
    BallotContent, CountWarning, Mark, MeetingKind, Model, Round, RoundStatus, Rules, SubjectTally,
    Tally,
};

pub const UNIT: &str = "单位";
pub const KIND: &str = "类型";
pub const MEETING: &str = "会议";
pub const ROUND: &str = "轮次";
pub const STATUS: &str = "状态";
pub const NO: &str = "序号";
pub const NAME: &str = "姓名";
pub const ROLE: &str = "职务";
pub const ABSTAIN: &str = "弃权";
pub const VOID_MARKS: &str = "无效";
pub const FLAGS: &str = "提示";
pub const FINGERPRINT: &str = "指纹";
/// Who signs the forms the liaison hands in (see `signature`).
pub const COUNTER: &str = "计票人";
pub const SCRUTINEER: &str = "监票人";
pub const HOST: &str = "主持人";
/// The mark of a round that is not closed: every figure may still change.
pub const PROVISIONAL: &str = "未结束（暂定）";

/// Why someone was absent at the roll call, as the minutes write it.
pub fn absence(reason: crate::domain::attendance::AbsenceReason) -> &'static str {
    match reason {
        crate::domain::attendance::AbsenceReason::Leave => "请假",
        crate::domain::attendance::AbsenceReason::Business => "公出",
        crate::domain::attendance::AbsenceReason::Other => "其他",
    }
}

/// The round totals of 附件4, in this order (see [`totals`]).
pub const TOTALS: [&str; 8] = [
    "应到",
    "实到",
    "发出",
    "收回",
    "已录入",
    "有效",
    "废票",
    "空白票",
];

/// The grade labels of `kind`, best first.
pub fn scale(model: &Model, kind: MeetingKind) -> Vec<String> {
    model
        .campaign
        .meeting(kind)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default()
}

/// 优秀率 (or 好票率 for a one-character top grade such as 好): the
/// catalogue's one spelling, in Chinese (the forms are Chinese).
pub fn top_rate(scale: &[String]) -> String {
    let [top, _] = crate::catalog::rate_names(scale, crate::i18n::Lang::Zh);
    top
}

/// The result columns of a person's row: each grade of the scale, 弃权,
/// 无效 and the two rates (附件4, 街道汇总-各人测评 and the CSV alike).
pub fn result_columns(scale: &[String]) -> Vec<String> {
    let mut columns = scale.to_vec();
    columns.extend([
        ABSTAIN.into(),
        VOID_MARKS.into(),
        top_rate(scale),
        top_two_rate(scale),
    ]);
    columns
}

/// 称职及以上率 (or 较好及以上率), as [`top_rate`].
pub fn top_two_rate(scale: &[String]) -> String {
    let [_, top_two] = crate::catalog::rate_names(scale, crate::i18n::Lang::Zh);
    top_two
}

/// A round's status in a word: 进行中, 已结束 or 作废.
pub fn status(status: &RoundStatus) -> &'static str {
    match status {
        RoundStatus::Open => "进行中",
        RoundStatus::Closed { .. } => "已结束",
        RoundStatus::Void => "作废",
    }
}

/// The round's totals in the order of [`TOTALS`]; `None` until keyed.
pub fn totals(round: &Round, tally: &Tally) -> [Option<u64>; 8] {
    let keyed = |n: Option<u32>| n.map(u64::from);
    [
        keyed(round.expected),
        keyed(round.present),
        keyed(round.issued),
        keyed(round.returned),
        Some(tally.entered),
        Some(tally.valid()),
        Some(tally.invalid),
        Some(tally.blank),
    ]
}

/// The county flags of one subject, in words ("" when none).
pub fn flags(t: &SubjectTally, rules: &Rules, scale: &[String]) -> String {
    let mut out = Vec::new();
    if t.warn_top_two(rules) {
        let second = scale.get(1).map(String::as_str).unwrap_or("前两等次");
        out.push(format!("{second}及以上不足 {}", rules.warn_top_two_below));
    }
    if t.flag_lowest(rules) {
        let lowest = scale.last().map(String::as_str).unwrap_or("最低等次");
        out.push(format!("{lowest}超过 {}", rules.flag_lowest_above));
    }
    out.join("；")
}

/// One mark as keyed: the grade's label, 弃权 or 无效.
pub fn mark<'a>(m: &Mark, scale: &'a [String]) -> &'a str {
    match m {
        Mark::Grade(g) => scale
            .get(usize::from(*g))
            .map(String::as_str)
            .unwrap_or("?"),
        Mark::Abstain => ABSTAIN,
        Mark::Void => VOID_MARKS,
    }
}

/// How a keyed ballot was counted: 已作废（改用计票单） when it was set aside
/// for a tally sheet, 已剔除 when withdrawn (neither counts), else as its
/// content says (see [`counted_content`]).
pub fn counted_as(slot: &BallotSlot, rules: &Rules) -> &'static str {
    if slot.discarded {
        "已作废（改用计票单）"
    } else if slot.withdrawn {
        "已剔除"
    } else {
        counted_content(&slot.content, rules)
    }
}

/// How a ballot's content counts: 有效, 空白票, 废票, or 废票 over the
/// limit of top grades per ballot.
pub fn counted_content(content: &BallotContent, rules: &Rules) -> &'static str {
    match content {
        BallotContent::Invalid => "废票",
        BallotContent::Blank => "空白票",
        BallotContent::Marks(_)
            if rules
                .max_top_grades_per_ballot
                .is_some_and(|max| content.top_grades() > max as usize) =>
        {
            "废票（超过优秀限数）"
        }
        BallotContent::Marks(_) => "有效",
    }
}

/// Every warning `round` raises now (`Model::warnings`), with whether the
/// liaison acknowledged it.
pub fn warnings(model: &Model, round: &Round) -> Vec<(CountWarning, bool)> {
    model
        .warnings(round)
        .into_iter()
        .map(|w| {
            let acked = round.acknowledged.contains(&w);
            (w, acked)
        })
        .collect()
}

/// A warning's sentence as on the screen, then （已确认） or （未确认）.
pub fn warning_line(w: &CountWarning, acknowledged: bool) -> String {
    let mark = t(if acknowledged {
        Msg::WarnAcked
    } else {
        Msg::WarnNotAcked
    });
    format!("{}{mark}", crate::labels::warning_text(w))
}

/// The round's warnings in one line, each with its acknowledgement, joined
/// by "；"; empty when there are none.
pub fn warnings_joined(model: &Model, round: &Round) -> String {
    warnings(model, round)
        .iter()
        .map(|(w, acked)| warning_line(w, *acked))
        .collect::<Vec<_>>()
        .join(t(Msg::PartSep))
}

/// A reopened round's earlier closes, one text each: the screen's
/// sentences about that close (`ui::history_lines`: when, fingerprint,
/// reopened when and why, what changed after) joined by "；". Empty when
/// the round was never reopened.
pub fn history(round: &Round) -> Vec<String> {
    // history_lines numbers the closes itself; feed it a growing prefix
    // of the history and take what each close adds.
    let mut prefix = Round::new(round.key.clone(), Vec::new());
    let mut seen = 0;
    let mut out = Vec::new();
    for c in &round.history {
        prefix.history.push(c.clone());
        let lines = crate::labels::history_lines(&prefix);
        if lines.len() > seen {
            out.push(lines[seen..].join(t(Msg::PartSep)));
            seen = lines.len();
        }
    }
    out
}
