//! The office's sheets: the grading board with quota use and deadlines
//! (评定等次), the combined evaluations (附件6 综合评价) and the
//! rectification list (附件7 整改清单). The numbers are the ones the JSON
//! export carries (`crate::export::grading`) and the board shows.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet};
use crate::catalog::{Msg, fill};
use crate::domain::board::{BoardRow, board, deadlines};
use crate::domain::grading::{Group, RectificationStatus};
use crate::domain::{MeetingKind, Model};
use crate::export::grading::label_zh;
use crate::i18n::Lang;
use crate::labels::level_label;

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
    let board = Board {
        model,
        annual: labels::scale(model, MeetingKind::AnnualReview),
        review: labels::scale(model, MeetingKind::PartyBuildingReview),
    };
    let mut s = Sheet::new(name)?;
    let widest = 3 + board.annual.len() + 3 + board.review.len() + 4 + 2;
    let last = (widest - 1) as u16;
    s.title(0, last, "评定等次")?;
    s.subtitle(1, last, &model.campaign.title)?;
    let mut row = 3;
    for group in Group::ALL {
        row = board.group(&mut s, row, last, group)? + 1;
    }
    deadline_lines(&mut s, model, row, last)?;
    s.finish(Print {
        landscape: true,
        repeat: Some((0, 1)),
    })
}

/// What every group's table on the grading sheet needs.
struct Board<'a> {
    model: &'a Model,
    /// The annual review's grades, and the Party-building review's.
    annual: Vec<String>,
    review: Vec<String>,
}

impl Board<'_> {
    /// `group`'s quota line, header and rows from `row`; the row after.
    fn group(
        &self,
        s: &mut Sheet,
        mut row: u32,
        last: u16,
        group: Group,
    ) -> Result<u32, XlsxError> {
        let quota = quota_line(self.model, group);
        s.section(row, last, &format!("{}：{quota}", group_name(group)))?;
        row += 1;
        s.headers(row, &self.header(group))?;
        row += 1;
        for (i, r) in board(self.model, group).into_iter().enumerate() {
            self.row(s, row, group, i, r)?;
            row += 1;
        }
        Ok(row)
    }

    fn header(&self, group: Group) -> Vec<String> {
        let object = match group {
            Group::Units => "对象",
            Group::WorkTeams => "队长",
            _ => labels::NAME,
        };
        let mut header: Vec<String> = vec!["序".into(), labels::UNIT.into(), object.into()];
        header.extend(self.annual.iter().cloned());
        header.extend([
            labels::top_rate(&self.annual),
            labels::top_two_rate(&self.annual),
            labels::FLAGS.into(),
        ]);
        if group == Group::Secretaries {
            header.extend(self.review.iter().map(|g| format!("评议{g}")));
            header.extend(["调查核实", "建议综合评价", "综合评价", "约谈"].map(String::from));
        }
        header.extend(["等次", "超出名额的理由"].map(String::from));
        header
    }

    /// The `i`th member of `group`, `r`, at `row`.
    fn row(
        &self,
        s: &mut Sheet,
        row: u32,
        group: Group,
        i: usize,
        r: BoardRow,
    ) -> Result<(), XlsxError> {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, r.target.unit())?;
        let object = if group == Group::Units {
            "全体测评对象合计"
        } else {
            r.name.as_str()
        };
        s.text(row, 2, object)?;
        let result = r.result.as_ref().map(|t| t.counts.as_slice());
        let mut col = s.counts(row, 3, result, self.annual.len())?;
        s.pct(row, col, r.top_rate)?;
        s.pct(row, col + 1, r.top_two_rate)?;
        let flags = r
            .result
            .as_ref()
            .map(|t| labels::flags(t, &self.model.campaign.rules, &self.annual))
            .unwrap_or_default();
        s.text(row, col + 2, &flags)?;
        col += 3;
        if group == Group::Secretaries {
            col = self.review_cells(s, row, col, &r)?;
        }
        let grade = r
            .grade
            .as_ref()
            .and_then(|g| group.grades().get(usize::from(g.grade)).copied());
        s.text(row, col, &label_zh(grade, r.provisional))?;
        let why = r.grade.and_then(|g| g.justification).unwrap_or_default();
        s.long_text(row, col + 1, &why)
    }

    /// A secretary's review counts and combined evaluation from `col`; the
    /// column after them.
    fn review_cells(
        &self,
        s: &mut Sheet,
        row: u32,
        col: u16,
        r: &BoardRow,
    ) -> Result<u16, XlsxError> {
        let review = r.review.as_ref().map(|t| t.counts.as_slice());
        let col = s.counts(row, col, review, self.review.len())?;
        let key = (r.target.unit().to_string(), r.name.clone());
        let investigation = self
            .model
            .grading
            .combined
            .get(&key)
            .and_then(|c| c.investigation);
        let level = |l: Option<u8>| level_label(l).unwrap_or("");
        s.text(row, col, level(investigation))?;
        s.text(row, col + 1, level(r.suggested))?;
        let combined = label_zh(level_label(r.combined), r.combined_provisional);
        s.text(row, col + 2, &combined)?;
        s.text(row, col + 3, yes(r.talk))?;
        Ok(col + 4)
    }
}

/// How much of `group`'s quota for its top grade is used, and whether it
/// is exceeded.
fn quota_line(model: &Model, group: Group) -> String {
    let c = &model.campaign;
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
    quota
}

/// The deadlines from `row`, as lines so their long lists of units do
/// not widen the board's columns.
fn deadline_lines(s: &mut Sheet, model: &Model, mut row: u32, last: u16) -> Result<(), XlsxError> {
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
        let when = d.date.format("%Y-%m-%d");
        s.note(row, last, &format!("{when}　{what}：{state}"))?;
        row += 1;
    }
    Ok(())
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
        let col = s.counts(row, 3, r.review.as_deref(), review.len())?;
        s.text(row, col, r.investigation.unwrap_or(""))?;
        s.long_text(row, col + 1, &r.investigation_note)?;
        s.text(row, col + 2, r.suggested.unwrap_or(""))?;
        s.text(row, col + 3, &label_zh(r.level, r.provisional))?;
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
