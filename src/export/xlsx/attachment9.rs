//! 附件9 党组织书记履行基层党建工作责任情况民主评议结果报告单: one sheet
//! per Party secretary of a unit holding the Party-building review, one
//! portrait A4 page each (a sheet per secretary rather than blocks with
//! page breaks, since Excel ignores manual breaks under fit-to-page).
//!
//! Labelled rows: unit, name, role, meeting and round, status; then
//! 应到/实到/发出/收回/有效/废票, the count of each grade (好/较好/一般/差)
//! with 好票率 and 较好及以上率; the superior's comment (一述一评, as the
//! liaison keyed it after the report); the fingerprint and the signature
//! block. The numbers are those of the meeting's counted (latest) round;
//! one not closed is marked 未结束（暂定）.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels;
use super::minutes::{Form, as_of};
use super::signature;
use crate::domain::{MeetingKey, MeetingKind, Model, Round, RoundStatus, Unit};

const KIND: MeetingKind = MeetingKind::PartyBuildingReview;

/// The form's width in character widths: one A4 page, portrait.
const WIDTH: f64 = 84.0;

/// One secretary's form: the unit and the secretary's name.
pub struct Secretary<'a> {
    pub unit: &'a Unit,
    pub name: String,
}

/// Every secretary on a Party-building review ballot: the counted round's
/// ballot where the meeting was held, else the campaign's.
pub fn secretaries(model: &Model) -> Vec<Secretary<'_>> {
    let mut out = Vec::new();
    for unit in model
        .campaign
        .units
        .iter()
        .filter(|u| u.meetings.contains(&KIND))
    {
        let names: Vec<String> = match model.rounds_of(&unit.name, KIND).last() {
            Some(round) => round.lines.iter().map(|l| l.name.clone()).collect(),
            None => unit.subjects_for(KIND).map(|s| s.name.clone()).collect(),
        };
        out.extend(names.into_iter().map(|name| Secretary { unit, name }));
    }
    out
}

/// The sheet's name as wanted (made valid and unique by the caller).
pub fn sheet_name(s: &Secretary) -> String {
    format!("附件9 {} {}", s.unit.name, s.name)
}

/// The form of `sec` on a sheet named `name`.
pub(super) fn sheet(model: &Model, sec: &Secretary, name: &str) -> Result<Worksheet, XlsxError> {
    let scale = labels::scale(model, KIND);
    let cols = (scale.len() + 2).max(6);
    let mut f = Form::new(name, &vec![WIDTH / cols as f64; cols])?;
    let last = f.last;
    let round = model.rounds_of(&sec.unit.name, KIND).last();
    f.s.note(0, 0, "附件9")?;
    f.s.title(
        1,
        last,
        "党组织书记履行基层党建工作责任情况民主评议结果报告单",
    )?;
    f.s.subtitle(2, last, &model.campaign.title)?;
    let mut row = 4;
    row = identity(&mut f, row, model, sec, round)?;
    row = numbers(&mut f, row + 1, model, sec, round, &scale)?;
    f.s.section(row + 1, last, "三、上级党组织点评（一述一评）")?;
    let key = MeetingKey {
        unit: sec.unit.name.clone(),
        meeting: KIND,
    };
    let comment = model
        .meeting(&key)
        .speech(&sec.name)
        .and_then(|s| s.comment.clone())
        .unwrap_or_default();
    f.boxed(row + 2, 0, &comment, 5)?;
    let head = match round.map(|r| &r.status) {
        Some(RoundStatus::Closed { head }) => Some(head.as_str()),
        _ => None,
    };
    signature::block(&mut f.s, row + 4, last, head)?;
    f.finish(true)
}

/// The labelled rows naming who and which round. The row after them.
fn identity(
    f: &mut Form,
    mut row: u32,
    model: &Model,
    sec: &Secretary,
    round: Option<&Round>,
) -> Result<u32, XlsxError> {
    let key = MeetingKey {
        unit: sec.unit.name.clone(),
        meeting: KIND,
    };
    let (round_text, status) = match round {
        Some(r) => (
            format!("{}　第 {} 轮", KIND.label_zh(), r.key.round),
            match r.status {
                RoundStatus::Closed { .. } => "已结束",
                RoundStatus::Void => "作废（收回多于发出），须重新投票",
                RoundStatus::Open => labels::PROVISIONAL,
            },
        ),
        None => (KIND.label_zh().to_string(), "尚未召开"),
    };
    let date = as_of(model, &key).map_or(String::new(), |t| t.format("%Y-%m-%d").to_string());
    let rows = [
        (
            labels::UNIT,
            format!("{}（{}）", sec.unit.name, sec.unit.kind.label_zh()),
        ),
        (labels::NAME, sec.name.clone()),
        (
            labels::ROLE,
            sec.unit
                .post(&sec.name, crate::domain::Role::PartySecretary)
                .to_string(),
        ),
        (labels::MEETING, round_text),
        ("评议日期", date),
        (labels::STATUS, status.to_string()),
    ];
    for (label, value) in rows {
        f.row(row, label, &value)?;
        row += 1;
    }
    Ok(row)
}

/// 一、参评情况 and 二、评议结果. The row after them.
fn numbers(
    f: &mut Form,
    mut row: u32,
    model: &Model,
    sec: &Secretary,
    round: Option<&Round>,
    scale: &[String],
) -> Result<u32, XlsxError> {
    let last = f.last;
    let tally = round.map(|r| model.tally(r));
    f.s.section(row, last, "一、参评情况")?;
    let totals = match (round, &tally) {
        (Some(r), Some(t)) => labels::totals(r, t),
        _ => [None; 8],
    };
    // 应到, 实到, 发出, 收回, 有效, 废票 (labels::TOTALS without 已录入
    // and 空白票, as the notice's form has them).
    let wanted = [0, 1, 2, 3, 5, 6];
    for (col, &i) in (0u16..).zip(&wanted) {
        f.s.header(row + 1, col, labels::TOTALS[i])?;
        f.s.int(row + 2, col, totals[i])?;
    }
    row += 4;
    f.s.section(row, last, "二、评议结果")?;
    let mut header: Vec<String> = scale.to_vec();
    header.push(labels::top_rate(scale));
    header.push(labels::top_two_rate(scale));
    f.s.headers(row + 1, &header)?;
    let subject = round.zip(tally.as_ref()).and_then(|(r, t)| {
        r.lines
            .iter()
            .position(|l| l.name == sec.name)
            .and_then(|i| t.subjects.get(i))
    });
    let col = f.s.counts(
        row + 2,
        0,
        subject.map(|t| t.counts.as_slice()),
        scale.len(),
    )?;
    f.s.pct(row + 2, col, subject.and_then(|t| t.top_rate()))?;
    f.s.pct(row + 2, col + 1, subject.and_then(|t| t.top_two_rate()))?;
    row += 3;
    if let Some(t) = subject.filter(|t| t.abstain + t.void_marks > 0) {
        f.row(
            row,
            "其他",
            &format!(
                "{} {} 票，{} {} 票",
                labels::ABSTAIN,
                t.abstain,
                labels::VOID_MARKS,
                t.void_marks
            ),
        )?;
        row += 1;
    }
    Ok(row)
}
