//! The office's sheets: the combined evaluations (附件6 综合评价) and the
//! rectification list (附件7 整改清单); the grading board (评定等次) is in
//! `grading.rs`. The numbers are the ones the JSON export carries
//! (`crate::export::grading`) and the board shows.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet};
use crate::catalog::Msg;
use crate::domain::grading::RectificationStatus;
use crate::domain::{MeetingKind, Model};
use crate::export::grading::label_zh;
use crate::i18n::Lang;

fn zh(msg: Msg) -> &'static str {
    msg.text_in(Lang::Zh)
}

fn yes(b: bool) -> &'static str {
    if b { "是" } else { "" }
}

/// 附件6: each secretary's review result, the investigation, the suggested
/// and the decided combined evaluation, and whether a talk is due.
pub(super) fn combined_sheet(model: &Model, name: &str) -> Result<Worksheet, XlsxError> {
    let review = labels::scale(model, MeetingKind::PartyBuildingReview);
    let rows = crate::export::grading::grading(model).combined;
    let mut s = Sheet::new(name)?;
    let mut header: Vec<String> = vec![labels::NO.into(), labels::UNIT.into(), "党组织书记".into()];
    header.extend(review.iter().map(|g| format!("评议{g}")));
    header.extend(
        [
            "评议状态",
            "调查核实",
            "调查说明",
            "建议综合评价",
            "综合评价",
            "约谈",
            "综合评分",
            "综合评价材料",
        ]
        .map(String::from),
    );
    let last = (header.len() - 1) as u16;
    s.note(0, 0, "附件6")?;
    s.title(1, last, "党组织书记抓基层党建工作情况综合评价表")?;
    s.subtitle(2, last, &model.campaign.title)?;
    s.headers(4, &header)?;
    // 综合评分 is a number cell whose format says 建议 when it is the
    // suggestion: written once the sheet is finished, since `Sheet` has
    // one number format. Its text stands in until then, for the width.
    let mut scores = Vec::new();
    for (row, (i, r)) in (5u32..).zip(rows.iter().enumerate()) {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, &r.unit)?;
        s.text(row, 2, &r.secretary)?;
        let col = s.counts(row, 3, r.review.as_deref(), review.len())?;
        let state = match (&r.review, r.review_provisional) {
            (None, _) => "未召开",
            (Some(_), true) => labels::PROVISIONAL,
            (Some(_), false) => "已结束",
        };
        s.text(row, col, state)?;
        let col = col + 1;
        s.text(row, col, r.investigation.unwrap_or(""))?;
        s.long_text(row, col + 1, &r.investigation_note)?;
        s.text(row, col + 2, r.suggested.unwrap_or(""))?;
        s.text(row, col + 3, &label_zh(r.level, r.provisional))?;
        s.text(row, col + 4, yes(r.talk))?;
        let decided = model
            .grading
            .combined
            .get(&(r.unit.clone(), r.secretary.clone()));
        let score = match decided.and_then(|c| c.score) {
            Some(score) => Some((score, false)),
            None => r.suggested_score.map(|score| (score, true)),
        };
        s.text(
            row,
            col + 5,
            if score.is_some() {
                "100（建议）"
            } else {
                ""
            },
        )?;
        scores.push((row, col + 5, score));
        let material = decided.map_or("", |c| c.material.as_str());
        s.long_text(row, col + 6, material)?;
    }
    let mut ws = s.finish(Print {
        landscape: true,
        repeat: Some((4, 4)),
    })?;
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let set = cell.clone().set_num_format("0");
    let suggested = cell.clone().set_num_format("0\"（建议）\"");
    for (row, col, score) in scores {
        match score {
            Some((n, false)) => ws.write_number_with_format(row, col, f64::from(n), &set)?,
            Some((n, true)) => ws.write_number_with_format(row, col, f64::from(n), &suggested)?,
            None => ws.write_blank(row, col, &cell)?,
        };
    }
    Ok(ws)
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
    s.title(1, last, "党组织书记抓基层党建工作述职评议问题整改清单")?;
    s.subtitle(2, last, &model.campaign.title)?;
    s.headers(4, &header)?;
    // 整改时限 is a date cell when it reads as one (YYYY-MM-DD), written
    // once the sheet is finished (`Sheet` has no date format); otherwise
    // the text as keyed stays.
    let mut dates = Vec::new();
    let entries = model.grading.rectifications.iter().enumerate();
    for (row, (i, ((unit, secretary), r))) in (5u32..).zip(entries) {
        s.int(row, 0, Some(i as u64 + 1))?;
        s.text(row, 1, unit)?;
        s.text(row, 2, secretary)?;
        s.long_text(row, 3, &r.problems)?;
        s.long_text(row, 4, &r.measures)?;
        dates.push((row, r.deadline.clone()));
        s.text(row, 5, &r.deadline)?;
        s.text(row, 6, &r.responsible)?;
        s.text(row, 7, rect_status(r.status))?;
    }
    if model.grading.rectifications.is_empty() {
        s.note(5, last, "（无整改项）")?;
    }
    let mut ws = s.finish(Print {
        landscape: true,
        repeat: Some((4, 4)),
    })?;
    let date = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_num_format("yyyy-mm-dd");
    for (row, text) in dates {
        if let Some(d) = deadline(&text) {
            ws.write_date_with_format(row, 5, &d, &date)?;
        }
    }
    Ok(ws)
}

/// A deadline as keyed, if it is a date (2022-03-31; also 2022/3/31 and
/// 2022.3.31, as people type them).
fn deadline(text: &str) -> Option<ExcelDateTime> {
    let t = text.trim().replace(['/', '.'], "-");
    let d = chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        d.month() as u8,
        d.day() as u8,
    )
    .ok()
}
