//! 街道汇总, on two sheets so that no column serves two tables (a table's
//! long text widened another's numbers):
//!
//! - [`sheet`]: every unit and meeting in one table (the round that
//!   counts, its status and progress, how many of its counting warnings
//!   were acknowledged), and the chain head the workbook was made from;
//! - [`people_sheet`]: every subject of the round that counts, a table per
//!   meeting (each with its own grades): the count of each grade, 弃权,
//!   无效, the rates named as on the screen (优秀率 and 称职及以上率, or
//!   the Party-building review's 好票率 and 较好及以上率) and the flags.
//!
//! A round not closed is marked 未结束（暂定） wherever it shows.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels::{self, TOTALS};
use super::sheet::{Print, Sheet};
use crate::domain::board::counting_round;
use crate::domain::{MeetingKind, Model, Round, RoundStatus, Unit};

/// A round's status as these tables print it: an open one is provisional.
fn status(round: &Round) -> &'static str {
    match round.status {
        RoundStatus::Open => labels::PROVISIONAL,
        _ => labels::status(&round.status),
    }
}

pub(super) fn sheet(model: &Model, name: &str, fingerprint: &str) -> Result<Worksheet, XlsxError> {
    let c = &model.campaign;
    let mut s = Sheet::new(name)?;
    let mut header: Vec<&str> = vec![
        labels::NO,
        labels::UNIT,
        labels::KIND,
        labels::MEETING,
        labels::ROUND,
        labels::STATUS,
        "作废轮数",
    ];
    header.extend(TOTALS);
    // The counting round's warnings the liaison acknowledged (the unit's
    // sheet has the sentences).
    header.push("已确认提示");
    let last = (header.len() - 1) as u16;
    s.title(0, last, "街道汇总")?;
    s.subtitle(1, last, &c.title)?;
    s.section(3, last, "一、各单位会议进度（计入结果的一轮）")?;
    s.headers(4, &header)?;
    let mut row = 5;
    let meetings = c
        .units
        .iter()
        .flat_map(|unit| unit.meetings.iter().map(move |&kind| (unit, kind)));
    for (no, (unit, kind)) in (1..).zip(meetings) {
        progress_row(&mut s, row, last, model, no, unit, kind)?;
        row += 1;
    }
    s.note(
        row + 1,
        last,
        &format!(
            "导出时的链头（{} 条记录）：{fingerprint}；ceping verify 显示同一链头。",
            model.events
        ),
    )?;
    s.finish(Print {
        landscape: true,
        repeat: Some((4, 4)),
    })
}

/// The `no`th meeting, `unit`'s `kind`: its counting round's status and
/// totals, blank before it has one.
fn progress_row(
    s: &mut Sheet,
    row: u32,
    last: u16,
    model: &Model,
    no: u64,
    unit: &Unit,
    kind: MeetingKind,
) -> Result<(), XlsxError> {
    s.int(row, 0, Some(no))?;
    s.text(row, 1, &unit.name)?;
    s.text(row, 2, unit.kind.label_zh())?;
    s.text(row, 3, kind.label_zh())?;
    let voided = model
        .rounds_of(&unit.name, kind)
        .filter(|r| r.status == RoundStatus::Void)
        .count();
    let Some(round) = counting_round(model, &unit.name, kind) else {
        s.int(row, 4, None)?;
        s.text(row, 5, "尚未开始")?;
        s.int(row, 6, Some(voided as u64))?;
        for col in 7..=last {
            s.int(row, col, None)?;
        }
        return Ok(());
    };
    let tally = model.tally(round);
    s.int(row, 4, Some(u64::from(round.key.round)))?;
    s.text(row, 5, status(round))?;
    s.int(row, 6, Some(voided as u64))?;
    for (col, n) in (7u16..).zip(labels::totals(round, &tally)) {
        s.int(row, col, n)?;
    }
    let acked = labels::warnings(model, round)
        .iter()
        .filter(|(_, acked)| *acked)
        .count();
    s.int(row, last, Some(acked as u64))
}

/// The second sheet of 街道汇总: for each meeting, every subject of the
/// round that counts, with the count of each grade and the rates.
pub(super) fn people_sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let mut s = Sheet::new(name)?;
    // 序号, 单位, 姓名, 职务, 状态, the grades, 弃权, 无效, two rates, 提示.
    let grades = MeetingKind::ALL
        .iter()
        .map(|&k| labels::scale(model, k).len())
        .max()
        .unwrap_or(4);
    let last = (5 + grades + 4) as u16;
    s.title(0, last, "街道汇总：各人测评结果")?;
    s.subtitle(1, last, &model.campaign.title)?;
    let mut row = 3;
    for (kind, no) in MeetingKind::ALL.into_iter().zip(["（一）", "（二）"]) {
        let title = format!("二{no}{}（计入结果的一轮）", kind.label_zh());
        s.section(row, last, &title)?;
        row = people(&mut s, row + 1, model, kind)? + 1;
    }
    s.finish(Print {
        landscape: true,
        repeat: None,
    })
}

/// From `row`: the header and every subject of `kind`'s counting rounds.
/// The row after them.
fn people(s: &mut Sheet, mut row: u32, model: &Model, kind: MeetingKind) -> Result<u32, XlsxError> {
    let c = &model.campaign;
    let scale = labels::scale(model, kind);
    let mut header: Vec<String> = [
        labels::NO,
        labels::UNIT,
        labels::NAME,
        labels::ROLE,
        labels::STATUS,
    ]
    .map(String::from)
    .to_vec();
    header.extend(labels::result_columns(&scale));
    header.push(labels::FLAGS.into());
    s.headers(row, &header)?;
    row += 1;
    let mut no = 0;
    for unit in c.units.iter().filter(|u| u.meetings.contains(&kind)) {
        let Some(round) = counting_round(model, &unit.name, kind) else {
            continue;
        };
        let tally = model.tally(round);
        for (line, t) in round.lines.iter().zip(&tally.subjects) {
            no += 1;
            s.int(row, 0, Some(no))?;
            s.text(row, 1, &unit.name)?;
            s.text(row, 2, &line.name)?;
            s.text(row, 3, unit.post(&line.name, line.role))?;
            s.text(row, 4, status(round))?;
            let col = s.counts(row, 5, Some(&t.counts), scale.len())?;
            s.int(row, col, Some(t.abstain))?;
            s.int(row, col + 1, Some(t.void_marks))?;
            s.pct(row, col + 2, t.top_rate())?;
            s.pct(row, col + 3, t.top_two_rate())?;
            s.long_text(row, col + 4, &labels::flags(t, &c.rules, &scale))?;
            row += 1;
        }
    }
    if no == 0 {
        s.note(row, 4, "（尚无计入结果的一轮）")?;
        row += 1;
    }
    Ok(row)
}
