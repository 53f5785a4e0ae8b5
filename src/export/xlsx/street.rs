//! 街道汇总: every unit and meeting in one table (the round that counts,
//! its status and progress, how many of its counting warnings were
//! acknowledged), then every subject's rates, and the chain head the
//! workbook was made from.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels::{self, TOTALS};
use super::sheet::{Print, Sheet};
use crate::domain::board::counting_round;
use crate::domain::{MeetingKind, Model, RoundStatus, Unit};

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
    row = rates(&mut s, row + 1, last, model)?;
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
    s.text(row, 5, labels::status(&round.status))?;
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

/// From `row`: every subject's rates, from the round that counts. The row
/// after them.
fn rates(s: &mut Sheet, mut row: u32, last: u16, model: &Model) -> Result<u32, XlsxError> {
    let c = &model.campaign;
    s.section(row, last, "二、各人测评率（计入结果的一轮）")?;
    row += 1;
    s.headers(
        row,
        &[
            labels::NO,
            labels::UNIT,
            labels::MEETING,
            labels::NAME,
            labels::ROLE,
            "最高等次",
            "最高等次率",
            "前两等次率",
            labels::FLAGS,
        ],
    )?;
    row += 1;
    let mut no = 0;
    for unit in &c.units {
        for &kind in &unit.meetings {
            let Some(round) = counting_round(model, &unit.name, kind) else {
                continue;
            };
            let scale = labels::scale(model, kind);
            let tally = model.tally(round);
            for (line, t) in round.lines.iter().zip(&tally.subjects) {
                no += 1;
                s.int(row, 0, Some(no))?;
                s.text(row, 1, &unit.name)?;
                s.text(row, 2, kind.label_zh())?;
                s.text(row, 3, &line.name)?;
                s.text(row, 4, line.role.label_zh())?;
                s.text(row, 5, scale.first().map(String::as_str).unwrap_or(""))?;
                s.pct(row, 6, t.top_rate())?;
                s.pct(row, 7, t.top_two_rate())?;
                s.text(row, 8, &labels::flags(t, &c.rules, &scale))?;
                row += 1;
            }
        }
    }
    Ok(row)
}
