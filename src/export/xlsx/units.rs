//! A sheet per unit in the layout of 附件4 (民主测评结果汇总表): for each
//! meeting the unit holds and each of its rounds (void ones included and
//! marked), the round's totals, a row per subject and, under the table,
//! the round's counting warnings with whether each was acknowledged
//! (结束时的提示), its status and fingerprint and, for a round that was
//! reopened, a line per earlier close (when, fingerprint, reason, what
//! changed after). Under the annual review's counting round, the
//! signature block (计票人、监票人、主持人, the date, the fingerprint): the
//! sheet is the paper the liaison hands in.
//!
//! A round that is not closed says so (未结束（暂定）) in its heading and
//! its status line: its numbers may still change. The sheet prints on one
//! A4 page when it fits there at 9 points or more (a unit of 15 people
//! does), else fitted to the page's width.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels::{self, TOTALS};
use super::sheet::{Print, Sheet};
use super::signature;
use crate::catalog::Msg;
use crate::domain::board::counting_round;
use crate::domain::{MeetingKind, Model, Round, RoundStatus, Tally, TallySource, Unit};

/// Columns before the grade counts: 序号, 姓名, 职务.
const LEAD: usize = 3;
/// Columns after them: 弃权, 无效, the two rates, 提示.
const TRAIL: usize = 5;

pub(super) fn sheet(model: &Model, unit: &Unit, name: &str) -> Result<Worksheet, XlsxError> {
    let grades = unit
        .meetings
        .iter()
        .map(|&k| labels::scale(model, k).len())
        .max()
        .unwrap_or(4);
    let last = (LEAD + grades + TRAIL - 1) as u16;
    let mut s = Sheet::new(name)?;
    s.note(0, 0, "附件4")?;
    let year = model.campaign.year;
    s.title(
        1,
        last,
        &format!("村(社区){year}年度考核工作民主测评结果汇总表"),
    )?;
    let kind = unit.kind.label_zh();
    let campaign = &model.campaign.title;
    s.subtitle(
        2,
        last,
        &format!("单位：{}（{kind}）　{campaign}", unit.name),
    )?;
    let mut row = 4;
    for &kind in &unit.meetings {
        let scale = labels::scale(model, kind);
        let mut rounds = model.rounds_of(&unit.name, kind).peekable();
        if rounds.peek().is_none() {
            s.section(row, last, &format!("{}：尚未开始", kind.label_zh()))?;
            row += 2;
        }
        let signed = counting_round(model, &unit.name, kind)
            .filter(|_| kind == MeetingKind::AnnualReview)
            .map(|r| &r.key);
        for round in rounds {
            row = block(&mut s, row, last, model, round, &scale)?;
            if signed == Some(&round.key) {
                let head = match &round.status {
                    RoundStatus::Closed { head } => Some(head.as_str()),
                    _ => None,
                };
                row = signature::block(&mut s, row, last, head)? + 1;
            }
        }
    }
    s.one_page();
    s.finish(Print {
        landscape: false,
        repeat: Some((1, 2)),
    })
}

/// One round from `row`: returns the row after it and a blank line.
fn block(
    s: &mut Sheet,
    mut row: u32,
    last: u16,
    model: &Model,
    round: &Round,
    scale: &[String],
) -> Result<u32, XlsxError> {
    let tally = model.tally(round);
    let void = match round.status {
        RoundStatus::Void => "（作废）".to_string(),
        RoundStatus::Open => format!("　{}", labels::PROVISIONAL),
        RoundStatus::Closed { .. } => String::new(),
    };
    let meeting = round.key.meeting.label_zh();
    let title = format!("{meeting}　第 {} 轮{void}", round.key.round);
    s.section(row, last, &title)?;
    row = totals(s, row + 1, model, round, &tally)?;
    row = subject_rows(s, row, model, round, &tally, scale)?;
    row = footer(s, row, last, model, round, tally.source)?;
    Ok(row + 1)
}

/// The round's totals and whether the quorum was met: a row of labels, a
/// row of numbers. The row after them.
fn totals(
    s: &mut Sheet,
    row: u32,
    model: &Model,
    round: &Round,
    tally: &Tally,
) -> Result<u32, XlsxError> {
    s.headers(row, &TOTALS)?;
    s.header(row, TOTALS.len() as u16, "法定人数")?;
    for (col, n) in (0u16..).zip(labels::totals(round, tally)) {
        s.int(row + 1, col, n)?;
    }
    let rules = &model.campaign.rules;
    let quorum = round
        .expected
        .zip(round.present)
        .map(|(e, p)| rules.quorum.exceeds_share(u64::from(p), u64::from(e)));
    let quorum = match quorum {
        Some(true) => "已达到",
        Some(false) => "未达到",
        None => "",
    };
    s.text(row + 1, TOTALS.len() as u16, quorum)?;
    Ok(row + 2)
}

/// A header and a row per subject from `row`; the row after them.
fn subject_rows(
    s: &mut Sheet,
    mut row: u32,
    model: &Model,
    round: &Round,
    tally: &Tally,
    scale: &[String],
) -> Result<u32, XlsxError> {
    let mut header: Vec<String> = vec![labels::NO.into(), labels::NAME.into(), labels::ROLE.into()];
    header.extend(labels::result_columns(scale));
    header.push(labels::FLAGS.into());
    s.headers(row, &header)?;
    row += 1;
    for (i, (line, t)) in round.lines.iter().zip(&tally.subjects).enumerate() {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, &line.name)?;
        s.text(
            row,
            2,
            model.campaign.post(&round.key.unit, &line.name, line.role),
        )?;
        let col = s.counts(row, LEAD as u16, Some(&t.counts), t.counts.len())?;
        s.int(row, col, Some(t.abstain))?;
        s.int(row, col + 1, Some(t.void_marks))?;
        s.pct(row, col + 2, t.top_rate())?;
        s.pct(row, col + 3, t.top_two_rate())?;
        s.long_text(
            row,
            col + 4,
            &labels::flags(t, &model.campaign.rules, scale),
        )?;
        row += 1;
    }
    Ok(row)
}

/// Under the table from `row`: how it was counted, its warnings, the
/// status and the fingerprint, and its earlier closes. The row after.
fn footer(
    s: &mut Sheet,
    mut row: u32,
    last: u16,
    model: &Model,
    round: &Round,
    source: TallySource,
) -> Result<u32, XlsxError> {
    if let Some(how) = counted_by(source) {
        s.note(row, last, how)?;
        row += 1;
    }
    let warnings = labels::warnings_joined(model, round);
    if !warnings.is_empty() {
        s.paragraph(row, last, &Msg::ExportWarnings.fill(&[&warnings]))?;
        row += 1;
    }
    s.note(row, last, &status_line(&round.status))?;
    row += 1;
    if let RoundStatus::Closed { head } = &round.status {
        s.note(row, last, &format!("结束时记录的链头：{head}"))?;
        row += 1;
    }
    for line in labels::history(round) {
        s.paragraph(row, last, &line)?;
        row += 1;
    }
    Ok(row)
}

/// The note for a round counted from a tally sheet; none for ballots.
fn counted_by(source: TallySource) -> Option<&'static str> {
    match source {
        TallySource::Ballots => None,
        TallySource::Sheet => Some("计票方式：计票单（两遍录入一致或已按纸质计票单核对）"),
        TallySource::SheetPending => Some("计票方式：计票单；两遍录入尚未核对一致，结果暂不计入"),
    }
}

fn status_line(status: &RoundStatus) -> String {
    match status {
        RoundStatus::Open => format!(
            "状态：进行中，{}：数字还可能变化，尚无指纹。",
            labels::PROVISIONAL
        ),
        RoundStatus::Void => {
            "状态：作废（收回多于发出），保留在记录中，已重新投票；无指纹。".to_string()
        }
        RoundStatus::Closed { head } => format!(
            "状态：已结束。指纹（前 12 位，写入会议记录）：{}",
            crate::domain::round::short_fingerprint(head)
        ),
    }
}
