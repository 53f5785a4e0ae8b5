//! 原始选票: every keyed ballot, anonymous: unit, meeting, round, the
//! ballot's number, how it was counted (已剔除 for a withdrawn one,
//! 已作废（改用计票单） for one set aside when the round switched to a tally
//! sheet: neither counts in any total), whether it was withdrawn, and its
//! round's status (未结束（暂定） while it is still open: its ballots may
//! yet change), and its marks as keyed. Nothing about who filled it in
//! exists to export.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet};
use crate::domain::{BallotContent, Model, RoundStatus};

/// Header row of the table.
const HEADER_ROW: u32 = 3;

pub(super) fn sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let rules = &model.campaign.rules;
    let width = model
        .rounds
        .values()
        .map(|r| r.lines.len())
        .max()
        .unwrap_or(0);
    let mut header: Vec<String> = [
        labels::UNIT,
        labels::MEETING,
        labels::ROUND,
        "票号",
        "计为",
        "已剔除",
        "轮次状态",
    ]
    .map(String::from)
    .to_vec();
    header.extend((1..=width).map(|i| format!("第{i}位")));
    let last = (header.len() - 1) as u16;
    let mut s = Sheet::new(name)?;
    s.title(0, last, "原始选票（匿名）")?;
    // Wrapped: the note is wider than the printed page.
    s.paragraph(
        1,
        last,
        "每行一张选票，只有票号和所填内容。“第N位”是该轮选票上的第N人，顺序同各单位表的序号。\
         已剔除的选票和改用计票单时作废的选票保留在此，不计入结果；按计票单计票的轮次没有逐张选票。",
    )?;
    s.headers(HEADER_ROW, &header)?;
    let mut row = HEADER_ROW + 1;
    // Units in the street's order, then meetings, rounds and numbers.
    for unit in &model.campaign.units {
        for &kind in &unit.meetings {
            let scale = labels::scale(model, kind);
            for round in model.rounds_of(&unit.name, kind) {
                let round_status = match round.status {
                    RoundStatus::Open => labels::PROVISIONAL,
                    ref other => labels::status(other),
                };
                for (i, slot) in round.ballots.iter().enumerate() {
                    s.text(row, 0, &unit.name)?;
                    s.text(row, 1, kind.label_zh())?;
                    s.int(row, 2, Some(u64::from(round.key.round)))?;
                    s.int(row, 3, Some(i as u64 + 1))?;
                    s.text(row, 4, labels::counted_as(slot, rules))?;
                    s.text(row, 5, if slot.withdrawn { "是" } else { "" })?;
                    s.text(row, 6, round_status)?;
                    if let BallotContent::Marks(marks) = &slot.content {
                        for (col, m) in (7u16..).zip(marks) {
                            s.text(row, col, labels::mark(m, &scale))?;
                        }
                    }
                    row += 1;
                }
            }
        }
    }
    s.finish(Print {
        landscape: width > 6,
        repeat: Some((HEADER_ROW, HEADER_ROW)),
    })
}
