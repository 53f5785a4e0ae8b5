//! The office's sheets: the grading board with quota use and deadlines
//! (评定等次), the combined evaluations (附件6 综合评价) and the
//! rectification list (附件7 整改清单). The numbers are the ones the JSON
//! export carries (`crate::export::grading`) and the board shows.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet};
use crate::catalog::{Msg, fill};
use crate::domain::board::{board, deadlines};
use crate::domain::grading::{Group, RectificationStatus};
use crate::domain::{MeetingKind, Model};
use crate::i18n::Lang;

fn zh(msg: Msg) -> &'static str {
    msg.text_in(Lang::Zh)
}

fn group_name(group: Group) -> &'static str {
    zh(match group {
        Group::Units => Msg::GroupUnits,
        Group::Secretaries => Msg::GroupSecretaries,
        Group::Cadres => Msg::GroupCadres,
        Group::WorkTeams => Msg::GroupWorkTeams,
    })
}

fn yes(b: bool) -> &'static str {
    if b { "是" } else { "" }
}

/// 评定等次: per group, its quota use and every member in the proposed
/// order with the democratic results and the grade; then the deadlines.
pub(super) fn grading_sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let c = &model.campaign;
    let annual = labels::scale(model, MeetingKind::AnnualReview);
    let review = labels::scale(model, MeetingKind::PartyBuildingReview);
    let mut s = Sheet::new(name)?;
    let widest = 3 + annual.len() + 3 + review.len() + 4 + 2;
    let last = (widest - 1) as u16;
    s.title(0, last, "评定等次")?;
    s.subtitle(1, last, &c.title)?;
    let mut row = 3;
    for group in Group::ALL {
        let usage = model.grading.quota_use(c, group);
        let top = group.grades()[0];
        let mut quota = fill(
            zh(Msg::QuotaLine),
            &[
                &top,
                &usage.used,
                &usage.allowed,
                &usage.size,
                &group.quota(c).percent,
            ],
        );
        if usage.soft {
            quota = format!("{quota}（{}）", zh(Msg::QuotaSoft));
        }
        if usage.used > usage.allowed {
            quota.push_str("　超出名额");
        }
        s.section(row, last, &format!("{}：{quota}", group_name(group)))?;
        row += 1;

        let secretaries = group == Group::Secretaries;
        let object = match group {
            Group::Units => "对象",
            Group::WorkTeams => "队长",
            _ => labels::NAME,
        };
        let mut header: Vec<String> = vec!["序".into(), labels::UNIT.into(), object.into()];
        header.extend(annual.iter().cloned());
        header.extend([
            labels::top_rate(&annual),
            labels::top_two_rate(&annual),
            labels::FLAGS.into(),
        ]);
        if secretaries {
            header.extend(review.iter().map(|g| format!("评议{g}")));
            header.extend(["调查核实", "建议综合评价", "综合评价", "约谈"].map(String::from));
        }
        header.extend(["等次", "超出名额的理由"].map(String::from));
        s.headers(row, &header)?;
        row += 1;

        for (i, r) in board(model, group).into_iter().enumerate() {
            s.int(row, 0, Some(i as u64 + 1))?;
            s.text(row, 1, r.target.unit())?;
            let object = if group == Group::Units {
                "全体测评对象合计"
            } else {
                r.name.as_str()
            };
            s.text(row, 2, object)?;
            let mut col = 3u16;
            for g in 0..annual.len() {
                s.int(
                    row,
                    col,
                    r.result.as_ref().and_then(|t| t.counts.get(g).copied()),
                )?;
                col += 1;
            }
            s.pct(row, col, r.top_rate)?;
            s.pct(row, col + 1, r.top_two_rate)?;
            let flags = r
                .result
                .as_ref()
                .map(|t| labels::flags(t, &c.rules, &annual))
                .unwrap_or_default();
            s.text(row, col + 2, &flags)?;
            col += 3;
            if secretaries {
                for g in 0..review.len() {
                    s.int(
                        row,
                        col,
                        r.review.as_ref().and_then(|t| t.counts.get(g).copied()),
                    )?;
                    col += 1;
                }
                let key = (r.target.unit().to_string(), r.name.clone());
                let investigation = model
                    .grading
                    .combined
                    .get(&key)
                    .and_then(|c| c.investigation);
                let level = |l: Option<u8>| crate::labels::level_label(l).unwrap_or("");
                s.text(row, col, level(investigation))?;
                s.text(row, col + 1, level(r.suggested))?;
                s.text(
                    row,
                    col + 2,
                    &crate::export::grading::label_zh(
                        crate::labels::level_label(r.combined),
                        r.combined_provisional,
                    ),
                )?;
                s.text(row, col + 3, yes(r.talk))?;
                col += 4;
            }
            let grade = r
                .grade
                .as_ref()
                .and_then(|g| group.grades().get(usize::from(g.grade)).copied());
            s.text(
                row,
                col,
                &crate::export::grading::label_zh(grade, r.provisional),
            )?;
            let why = r.grade.and_then(|g| g.justification).unwrap_or_default();
            s.long_text(row, col + 1, &why)?;
            row += 1;
        }
        row += 1;
    }

    // The deadlines as lines, so their long lists of units do not widen
    // the board's columns.
    s.section(row, last, zh(Msg::DeadlinesTitle))?;
    row += 1;
    let whats = [
        Msg::DeadlinePartyBuilding,
        Msg::DeadlineVillage,
        Msg::DeadlineCombined,
    ];
    for d in deadlines(model) {
        let what = whats
            .get(usize::from(d.which))
            .copied()
            .map(zh)
            .unwrap_or("");
        let state = if d.missing.is_empty() {
            zh(Msg::DeadlineDone).to_string()
        } else {
            fill(zh(Msg::DeadlineMissing), &[&d.missing.join("、")])
        };
        s.note(
            row,
            last,
            &format!("{}　{what}：{state}", d.date.format("%Y-%m-%d")),
        )?;
        row += 1;
    }
    s.finish(Print {
        landscape: true,
        repeat: Some((0, 1)),
    })
}

/// 附件6: each secretary's review result, the investigation, the suggested
/// and the decided combined evaluation, and whether a talk is due.
pub(super) fn combined_sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let review = labels::scale(model, MeetingKind::PartyBuildingReview);
    let rows = crate::export::grading::grading(model).combined;
    let mut s = Sheet::new(name)?;
    let mut header: Vec<String> = vec![labels::NO.into(), labels::UNIT.into(), "党组织书记".into()];
    header.extend(review.iter().map(|g| format!("评议{g}")));
    header.extend(["调查核实", "调查说明", "建议综合评价", "综合评价", "约谈"].map(String::from));
    let last = (header.len() - 1) as u16;
    s.note(0, 0, "附件6")?;
    s.title(1, last, "党组织书记抓基层党建述职评议综合评价表")?;
    s.subtitle(2, last, &model.campaign.title)?;
    s.headers(4, &header)?;
    for (row, (i, r)) in (5u32..).zip(rows.iter().enumerate()) {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, &r.unit)?;
        s.text(row, 2, &r.secretary)?;
        let mut col = 3u16;
        for g in 0..review.len() {
            s.int(row, col, r.review.as_ref().and_then(|v| v.get(g).copied()))?;
            col += 1;
        }
        s.text(row, col, r.investigation.unwrap_or(""))?;
        s.long_text(row, col + 1, &r.investigation_note)?;
        s.text(row, col + 2, r.suggested.unwrap_or(""))?;
        s.text(
            row,
            col + 3,
            &crate::export::grading::label_zh(r.level, r.provisional),
        )?;
        s.text(row, col + 4, yes(r.talk))?;
    }
    s.finish(Print {
        landscape: true,
        repeat: Some((4, 4)),
    })
}

fn rect_status(status: RectificationStatus) -> &'static str {
    zh(match status {
        RectificationStatus::Open => Msg::RectStatusOpen,
        RectificationStatus::InProgress => Msg::RectStatusInProgress,
        RectificationStatus::Done => Msg::RectStatusDone,
    })
}

/// 附件7: the rectification list.
pub(super) fn rectification_sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let header = [
        labels::NO,
        labels::UNIT,
        "党组织书记",
        "存在问题",
        "整改措施",
        "整改时限",
        "责任人",
        "整改状态",
    ];
    let last = (header.len() - 1) as u16;
    let mut s = Sheet::new(name)?;
    s.note(0, 0, "附件7")?;
    s.title(1, last, "问题整改清单")?;
    s.subtitle(2, last, &model.campaign.title)?;
    s.headers(4, &header)?;
    let entries = model.grading.rectifications.iter().enumerate();
    for (row, (i, ((unit, secretary), r))) in (5u32..).zip(entries) {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, unit)?;
        s.text(row, 2, secretary)?;
        s.long_text(row, 3, &r.problems)?;
        s.long_text(row, 4, &r.measures)?;
        s.text(row, 5, &r.deadline)?;
        s.text(row, 6, &r.responsible)?;
        s.text(row, 7, rect_status(r.status))?;
    }
    if model.grading.rectifications.is_empty() {
        s.note(5, last, "（无整改项）")?;
    }
    s.finish(Print {
        landscape: true,
        repeat: Some((4, 4)),
    })
}
