//! 街道汇总: every unit and meeting in one table (the round that counts,
//! its status and progress, how many of its counting warnings were
//! acknowledged), then every subject's rates, and the chain head the
//! workbook was made from.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels::{self, TOTALS};
use super::sheet::{Print, Sheet};
use crate::domain::board::counting_round;
use crate::domain::{Model, RoundStatus};

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
    let mut no = 0;
    for unit in &c.units {
        for &kind in &unit.meetings {
            no += 1;
            s.int(row, 0, Some(no))?;
            s.text(row, 1, &unit.name)?;
            s.text(row, 2, unit.kind.label_zh())?;
            s.text(row, 3, kind.label_zh())?;
            let voided = model
                .rounds_of(&unit.name, kind)
                .filter(|r| r.status == RoundStatus::Void)
                .count();
            match counting_round(model, &unit.name, kind) {
                Some(round) => {
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
                    s.int(row, last, Some(acked as u64))?;
                }
                None => {
                    s.int(row, 4, None)?;
                    s.text(row, 5, "尚未开始")?;
                    s.int(row, 6, Some(voided as u64))?;
                    for col in 7..=last {
                        s.int(row, col, None)?;
                    }
                }
            }
            row += 1;
        }
    }

    // Every subject's rates, from the round that counts.
    row += 1;
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
    row += 1;
    s.note(
        row,
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
