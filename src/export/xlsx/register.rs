//! The 登记表 line: the notice has each person's democratic result
//! written into the annual registration form (年度考核登记表, 附件1/2:
//! "测评结果填入年度考核登记表"). This sheet (登记表用语) gives every
//! person of every meeting held a ready sentence to copy there, e.g.
//! "民主测评：参评 44 人，优秀 30 票、称职 12 票、基本称职 2 票、不称职 0
//! 票，优秀率 68.2%". The JSON export carries the same sentences.
//!
//! 参评 is the valid ballots (有效) of the counted round (the meeting's
//! latest); abstentions and void marks are added when there are any, so
//! the votes named add up to 参评. A round that is not closed is marked
//! 未结束（暂定）: its numbers may still change.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet};
use crate::catalog::Msg;
use crate::domain::{MeetingKind, Model, Round, RoundStatus, SubjectTally, Tally};
use crate::i18n::Lang;

/// One person's line for the registration form.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub unit: String,
    pub name: String,
    pub role: crate::domain::Role,
    pub meeting: MeetingKind,
    pub round: u32,
    pub sentence: String,
    /// The round is not closed: the sentence may still change.
    pub provisional: bool,
}

/// What a meeting's result is called on the registration form.
fn heading(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::AnnualReview => "民主测评",
        MeetingKind::PartyBuildingReview => "民主评议",
    }
}

/// The sentence for one person: `valid` ballots counted, `t` the person's
/// marks on `scale`.
pub fn sentence(kind: MeetingKind, scale: &[String], valid: u64, t: &SubjectTally) -> String {
    let mut votes: Vec<String> = scale
        .iter()
        .zip(&t.counts)
        .map(|(g, n)| format!("{g} {n} 票"))
        .collect();
    if t.abstain > 0 {
        votes.push(format!("{} {} 票", labels::ABSTAIN, t.abstain));
    }
    if t.void_marks > 0 {
        votes.push(format!("{} {} 票", labels::VOID_MARKS, t.void_marks));
    }
    format!(
        "{}：参评 {valid} 人，{}，{} {}",
        heading(kind),
        votes.join("、"),
        labels::top_rate(scale),
        crate::labels::percent(t.top_rate())
    )
}

/// Every person's line, unit by unit, meeting by meeting, in ballot
/// order; meetings not yet held have none.
pub fn lines(model: &Model) -> Vec<Line> {
    let mut out = Vec::new();
    for unit in &model.campaign.units {
        for &kind in &unit.meetings {
            let Some(round) = model.rounds_of(&unit.name, kind).last() else {
                continue;
            };
            out.extend(round_lines(model, round, &model.tally(round)));
        }
    }
    out
}

/// The lines of one counted round.
pub fn round_lines(model: &Model, round: &Round, tally: &Tally) -> Vec<Line> {
    let kind = round.key.meeting;
    let scale = labels::scale(model, kind);
    let provisional = !matches!(round.status, RoundStatus::Closed { .. });
    let mark = Msg::ProvisionalMark.text_in(Lang::Zh);
    round
        .lines
        .iter()
        .zip(&tally.subjects)
        .map(|(line, t)| {
            let mut sentence = sentence(kind, &scale, tally.valid(), t);
            if provisional {
                sentence.push_str(mark);
            }
            Line {
                unit: round.key.unit.clone(),
                name: line.name.clone(),
                role: line.role,
                meeting: kind,
                round: round.key.round,
                sentence,
                provisional,
            }
        })
        .collect()
}

/// 登记表用语: a row per person and meeting with the sentence to copy.
pub(super) fn sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let header = [
        labels::NO,
        labels::UNIT,
        labels::NAME,
        labels::ROLE,
        labels::MEETING,
        labels::ROUND,
        labels::STATUS,
        "填入年度考核登记表的表述",
    ];
    let last = (header.len() - 1) as u16;
    let mut s = Sheet::new(name)?;
    s.title(0, last, "年度考核登记表 民主测评结果表述")?;
    s.subtitle(1, last, &model.campaign.title)?;
    s.note(
        2,
        last,
        "参评人数为计票轮次的有效票数；标“未结束（暂定）”的轮次尚未结束，数字可能变化。",
    )?;
    s.headers(4, &header)?;
    let lines = lines(model);
    for (row, (i, l)) in (5u32..).zip(lines.iter().enumerate()) {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, &l.unit)?;
        s.text(row, 2, &l.name)?;
        s.text(row, 3, model.campaign.post(&l.unit, &l.name, l.role))?;
        s.text(row, 4, l.meeting.label_zh())?;
        s.int(row, 5, Some(u64::from(l.round)))?;
        let status = if l.provisional {
            labels::PROVISIONAL
        } else {
            "已结束"
        };
        s.text(row, 6, status)?;
        s.long_text(row, 7, &l.sentence)?;
    }
    if lines.is_empty() {
        s.note(5, last, "（尚无已召开的会议）")?;
    }
    s.finish(Print {
        landscape: true,
        repeat: Some((4, 4)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(counts: Vec<u64>, abstain: u64, void_marks: u64) -> SubjectTally {
        SubjectTally {
            counts,
            abstain,
            void_marks,
            ..SubjectTally::default()
        }
    }

    #[test]
    fn the_sentence_names_every_grade_and_the_rate() {
        let scale = MeetingKind::AnnualReview.default_scale().grades;
        let t = tally(vec![30, 12, 2, 0], 0, 0);
        assert_eq!(
            sentence(MeetingKind::AnnualReview, &scale, 44, &t),
            "民主测评：参评 44 人，优秀 30 票、称职 12 票、基本称职 2 票、不称职 0 票，优秀率 68.2%"
        );
        let scale = MeetingKind::PartyBuildingReview.default_scale().grades;
        let t = tally(vec![20, 3, 0, 0], 1, 0);
        assert_eq!(
            sentence(MeetingKind::PartyBuildingReview, &scale, 24, &t),
            "民主评议：参评 24 人，好 20 票、较好 3 票、一般 0 票、差 0 票、弃权 1 票，好票率 87.0%"
        );
    }
}
