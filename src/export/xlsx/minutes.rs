//! The minutes (会议记录), one sheet per meeting held: what the liaison
//! recorded, in the order the meeting ran, on a portrait A4 page the
//! scrutineers sign.
//!
//! 一、会议概况: meeting and round, unit, date with start and end times
//! (the first and latest event of the meeting), host (主持人: the work
//! group's lead, 第一责任人), work group, 应到/实到 and the absentees with
//! their reasons. 二、口头述职: each speaker, the time used (mm:ss)
//! against the limit, and the superior's comment. 三、书面述职: each
//! report handed in or missing. 四、民主测评: 发出/收回/有效/废票/空白票
//! and each person's counts and rates. 五、结束与重新开启: earlier (void)
//! rounds, every close with its time and fingerprint, every reopening
//! with its reason. 六、结束时的提示: the counting warnings with whether
//! each was acknowledged. Then the signature block.
//!
//! The forms are labelled rows: a label cell on the left and its content
//! spanning the rest of the table ([`Form`]), as a paper minutes book is.

use chrono::{DateTime, FixedOffset};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet, cut_utf16};
use super::signature;
use crate::domain::minutes::Minutes;
use crate::domain::{MeetingKey, MeetingKind, Model, Round, RoundStatus, Tally};
use crate::text::width;

/// The columns of the minutes, in character widths: 序号, 姓名, 职务, four
/// grades, 弃权, the two rates. About 86 widths: one A4 page wide.
const WIDTHS: [f64; 10] = [10.0, 11.0, 11.0, 7.0, 7.0, 7.0, 7.0, 6.0, 9.0, 10.0];

/// The moment the minutes are taken at: the meeting's latest event, so a
/// timer left running counts up to the last thing recorded and the export
/// is the same whenever it is made.
pub fn as_of(model: &Model, key: &MeetingKey) -> Option<DateTime<FixedOffset>> {
    model.times.get(key).map(|t| t.1)
}

/// Every meeting held (anything recorded, or a round opened), unit by
/// unit in the campaign's order.
pub fn held(model: &Model) -> Vec<MeetingKey> {
    let mut out = Vec::new();
    for unit in &model.campaign.units {
        for &meeting in &unit.meetings {
            let key = MeetingKey {
                unit: unit.name.clone(),
                meeting,
            };
            if is_held(model, &key) {
                out.push(key);
            }
        }
    }
    out
}

/// Anything was recorded for meeting `key`, or a round of it opened.
pub fn is_held(model: &Model, key: &MeetingKey) -> bool {
    model.times.contains_key(key) || model.rounds_of(&key.unit, key.meeting).next().is_some()
}

/// The minutes of `key`, as of its latest event.
pub fn of<'a>(model: &'a Model, key: &MeetingKey) -> Option<Minutes<'a>> {
    let now = as_of(model, key).unwrap_or_default();
    model.minutes(key, now)
}

/// The sheet's name as wanted (made valid and unique by the caller).
pub fn sheet_name(key: &MeetingKey) -> String {
    let what = match key.meeting {
        MeetingKind::AnnualReview => "测评记录",
        MeetingKind::PartyBuildingReview => "评议记录",
    };
    format!("{what} {}", key.unit)
}

/// A cell across columns `first..=last` of the form, written at the end.
struct Span {
    row: u32,
    first: u16,
    text: String,
    head: bool,
    /// At least this many lines tall (room to write by hand).
    min_lines: usize,
}

/// A form of labelled rows on a [`Sheet`]: cells that span columns are
/// kept until the sheet is finished, then merged, since `Sheet` merges
/// only whole-width lines.
pub(super) struct Form {
    pub s: Sheet,
    pub last: u16,
    spans: Vec<Span>,
    widths: Vec<f64>,
}

impl Form {
    pub fn new(name: &str, widths: &[f64]) -> Result<Form, XlsxError> {
        Ok(Form {
            s: Sheet::new(name)?,
            last: (widths.len() - 1) as u16,
            spans: Vec::new(),
            widths: widths.to_vec(),
        })
    }

    /// A labelled row: `label` in the first column, `value` across the
    /// rest (wrapped, the row as tall as it needs).
    pub fn row(&mut self, row: u32, label: &str, value: &str) -> Result<(), XlsxError> {
        self.s.header(row, 0, label)?;
        self.span(row, 1, value)
    }

    /// `value` across columns `first..=last`, bordered and wrapped.
    pub fn span(&mut self, row: u32, first: u16, value: &str) -> Result<(), XlsxError> {
        self.boxed(row, first, value, 1)
    }

    /// `value` across columns `first..=last`, at least `min_lines` tall.
    pub fn boxed(
        &mut self,
        row: u32,
        first: u16,
        value: &str,
        min_lines: usize,
    ) -> Result<(), XlsxError> {
        self.spans.push(Span {
            row,
            first,
            text: value.to_string(),
            head: false,
            min_lines,
        });
        Ok(())
    }

    /// A header cell across columns `first..=last`.
    pub fn head_span(&mut self, row: u32, first: u16, label: &str) -> Result<(), XlsxError> {
        self.s.header(row, first, label)?;
        self.spans.push(Span {
            row,
            first,
            text: label.to_string(),
            head: true,
            min_lines: 1,
        });
        Ok(())
    }

    /// Finish the sheet: portrait A4 one page wide (one page tall too when
    /// `one_page`), the form's own column widths, the spans merged.
    pub fn finish(self, one_page: bool) -> Result<Worksheet, XlsxError> {
        self.finish_with_break(one_page, None)
    }

    /// [`Form::finish`], with a page break before row `break_before` when
    /// the form is longer than a page: what is signed stays together.
    pub fn finish_with_break(
        self,
        one_page: bool,
        break_before: Option<u32>,
    ) -> Result<Worksheet, XlsxError> {
        let header = self.s.f.header.clone();
        let mut ws = self.s.finish(Print {
            landscape: false,
            repeat: None,
        })?;
        for (col, &w) in (0u16..).zip(&self.widths) {
            ws.set_column_width(col, w)?;
        }
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        for span in &self.spans {
            let (row, first) = (span.row, span.first);
            let value = cut_utf16(&span.text, 32_767);
            let format = if span.head { &header } else { &cell };
            if first == self.last {
                ws.write_string_with_format(row, first, value, format)?;
            } else {
                ws.merge_range(row, first, row, self.last, value, format)?;
            }
            // Neither Excel nor LibreOffice sizes a merged row: count the
            // lines as `Sheet` does for its paragraphs.
            let room: f64 = self.widths[usize::from(first)..].iter().sum::<f64>() - 1.0;
            let lines = value
                .lines()
                .map(|l| ((width(l) as f64 * 1.1) / (room * 0.95)).ceil().max(1.0) as usize)
                .sum::<usize>()
                .max(span.min_lines);
            // Always set: it replaces the height `Sheet` guessed for the
            // row's label from its own, narrower, column widths.
            ws.set_row_height(row, 16.5 * lines as f64 + 2.0)?;
        }
        if one_page {
            ws.set_print_fit_to_pages(1, 1);
        } else if let Some(row) = break_before {
            ws.set_page_breaks(&[row])?;
        }
        Ok(ws)
    }
}

/// The minutes of `key` on a sheet named `name`.
pub(super) fn sheet(model: &Model, key: &MeetingKey, name: &str) -> Result<Worksheet, XlsxError> {
    let mut f = Form::new(name, &WIDTHS)?;
    let Some(m) = of(model, key) else {
        return f.finish(false);
    };
    let last = f.last;
    let title = format!("{}{}会议记录", key.unit, key.meeting.label_zh());
    f.s.title(0, last, &title)?;
    f.s.subtitle(1, last, &model.campaign.title)?;
    let mut row = 2;
    if m.provisional() {
        f.s.note(
            row,
            last,
            &format!(
                "{}：计票轮次尚未结束，以下数字可能变化。",
                labels::PROVISIONAL
            ),
        )?;
    }
    row += 1;
    row = overview(&mut f, row, &m)? + 1;
    row = speeches(&mut f, row, model, &m)? + 1;
    row = written(&mut f, row, model, &m)? + 1;
    let mut tail = None;
    if let (Some(round), Some(tally)) = (m.round, &m.tally) {
        row = counted(&mut f, row, model, round, tally)? + 1;
        tail = Some(row);
        row = closes(&mut f, row, &m, round)? + 1;
        row = warnings(&mut f, row, model, round)? + 1;
    }
    let head = match m.round.map(|r| &r.status) {
        Some(RoundStatus::Closed { head }) => Some(head.as_str()),
        _ => None,
    };
    let end = signature::block(&mut f.s, row, last, head)?;
    // One page when it fits at 9 pt or more (about 11 pt shrunk to 82 %);
    // a longer record breaks before 五: the closes, the warnings, the
    // fingerprint and the signatures stay on one page, never split.
    let one_page = f64::from(end) * ROW_PT <= PAGE_PT / MIN_SCALE;
    f.finish_with_break(one_page, tail)
}

/// A row's height on paper, on average (measured in LibreOffice: a
/// 50-row record fills a portrait page at full size).
const ROW_PT: f64 = 16.0;
/// Portrait A4's printable height, in points.
const PAGE_PT: f64 = 748.0;
/// The smallest print scale a one-page record may shrink to.
const MIN_SCALE: f64 = 0.82;

fn time(t: Option<DateTime<FixedOffset>>, format: &str) -> String {
    t.map(|t| t.format(format).to_string()).unwrap_or_default()
}

/// 一、会议概况. The row after it.
fn overview(f: &mut Form, mut row: u32, m: &Minutes) -> Result<u32, XlsxError> {
    f.s.section(row, f.last, "一、会议概况")?;
    row += 1;
    let round = m.round.map_or(String::new(), |r| {
        let mut s = format!("第 {} 轮", r.key.round);
        if !m.earlier.is_empty() {
            s.push_str(&format!("（此前 {} 轮作废重投）", m.earlier.len()));
        }
        s
    });
    let group = &m.unit.work_group;
    let mut work_group = format!("第一责任人 {}；联络员 {}", group.lead, group.liaison);
    if !group.members.is_empty() {
        work_group.push_str(&format!("；成员 {}", group.members.join("、")));
    }
    let rows = [
        (
            labels::MEETING,
            format!("{}　{round}", m.key.meeting.label_zh()),
        ),
        (
            labels::UNIT,
            format!("{}（{}）", m.unit.name, m.unit.kind.label_zh()),
        ),
        ("日期", time(m.started, "%Y-%m-%d")),
        (
            "时间",
            format!(
                "{} 开始，{} 结束（以录入记录为准）",
                time(m.started, "%H:%M"),
                time(m.ended, "%H:%M")
            ),
        ),
        (
            labels::HOST,
            format!("{}（考核工作组第一责任人）", group.lead),
        ),
        ("考核工作组", work_group),
        ("应到/实到", attendance(m.round)),
        ("缺席人员", absentees(m)),
    ];
    for (label, value) in rows {
        f.row(row, label, &value)?;
        row += 1;
    }
    Ok(row)
}

fn attendance(round: Option<&Round>) -> String {
    let n = |v: Option<u32>| v.map_or("-".to_string(), |v| v.to_string());
    match round {
        Some(r) => format!("应到 {} 人，实到 {} 人", n(r.expected), n(r.present)),
        None => "尚未点名".into(),
    }
}

fn absentees(m: &Minutes) -> String {
    let list = m.absentees();
    if list.is_empty() {
        return "（未登记）".into();
    }
    list.iter()
        .map(|a| format!("{}（{}）", a.name, labels::absence(a.reason)))
        .collect::<Vec<_>>()
        .join("、")
}

/// 二、口头述职: a row per speaker, the comment under it. The row after.
fn speeches(f: &mut Form, mut row: u32, model: &Model, m: &Minutes) -> Result<u32, XlsxError> {
    f.s.section(row, f.last, "二、口头述职")?;
    row += 1;
    if m.speeches.is_empty() {
        f.row(row, "", "（本会议无口头述职）")?;
        return Ok(row + 1);
    }
    f.s.headers(row, &[labels::NO, "述职人", labels::ROLE, "用时", "限时"])?;
    f.head_span(row, 5, "计时情况")?;
    row += 1;
    for (i, sp) in m.speeches.iter().enumerate() {
        f.s.int(row, 0, Some(i as u64 + 1))?;
        f.s.text(row, 1, &sp.name)?;
        f.s.text(row, 2, role(model, &m.key, &sp.name))?;
        f.s.text(row, 3, &crate::labels::clock(sp.used_ms))?;
        f.s.text(row, 4, &format!("{} 分钟", sp.limit_minutes))?;
        let over = sp.used_ms - i64::from(sp.limit_minutes) * 60_000;
        let mut state = match (sp.finished, sp.used_ms) {
            (true, _) => "已结束".to_string(),
            (false, 0) => "未计时".to_string(),
            (false, _) => format!("计时未停止（{}）", labels::PROVISIONAL),
        };
        if over > 0 {
            state.push_str(&format!("，超时 {}", crate::labels::clock(over)));
        }
        f.span(row, 5, &state)?;
        row += 1;
        if m.key.meeting == MeetingKind::PartyBuildingReview || sp.comment.is_some() {
            let comment = sp.comment.as_deref().unwrap_or("（未记录点评）");
            f.s.header(row, 0, "点评")?;
            f.span(row, 1, &format!("一述一评：{comment}"))?;
            row += 1;
        }
    }
    Ok(row)
}

/// The 职务 of `name`: the post as written, else the category.
fn role<'a>(model: &'a Model, key: &MeetingKey, name: &str) -> &'a str {
    model
        .campaign
        .unit(&key.unit)
        .and_then(|u| u.subjects.iter().find(|s| s.name == name))
        .map_or("", |s| s.post())
}

/// 三、书面述职: who handed in a written report and who did not.
fn written(f: &mut Form, mut row: u32, model: &Model, m: &Minutes) -> Result<u32, XlsxError> {
    f.s.section(row, f.last, "三、书面述职")?;
    row += 1;
    if m.written.is_empty() {
        f.row(row, "", "（本会议无书面述职）")?;
        return Ok(row + 1);
    }
    let handed = m.written.iter().filter(|(_, h)| *h).count();
    f.s.headers(row, &[labels::NO, labels::NAME, labels::ROLE])?;
    f.head_span(row, 3, "书面述职报告")?;
    row += 1;
    for (i, (name, handed_in)) in m.written.iter().enumerate() {
        f.s.int(row, 0, Some(i as u64 + 1))?;
        f.s.text(row, 1, name)?;
        f.s.text(row, 2, role(model, &m.key, name))?;
        f.span(row, 3, if *handed_in { "已交" } else { "未交" })?;
        row += 1;
    }
    let missing = m.written.len() - handed;
    f.row(row, "小计", &format!("已交 {handed} 份，未交 {missing} 份"))?;
    Ok(row + 1)
}

/// 四、民主测评: the ballots and each person's result. The row after.
fn counted(
    f: &mut Form,
    mut row: u32,
    model: &Model,
    round: &Round,
    tally: &Tally,
) -> Result<u32, XlsxError> {
    let scale = labels::scale(model, round.key.meeting);
    let heading = match round.key.meeting {
        MeetingKind::AnnualReview => "四、民主测评",
        MeetingKind::PartyBuildingReview => "四、民主评议",
    };
    f.s.section(
        row,
        f.last,
        &format!("{heading}（第 {} 轮，{}）", round.key.round, status(round)),
    )?;
    row += 1;
    let n = |v: Option<u32>| v.map(u64::from);
    let ballots = [
        ("发出", n(round.issued)),
        ("收回", n(round.returned)),
        ("有效", Some(tally.valid())),
        ("废票", Some(tally.invalid)),
        ("空白票", Some(tally.blank)),
    ];
    for (col, (label, v)) in (0u16..).zip(ballots) {
        f.s.header(row, col * 2, label)?;
        f.s.int(row, col * 2 + 1, v)?;
    }
    row += 1;
    let mut header: Vec<String> = vec![labels::NO.into(), labels::NAME.into(), labels::ROLE.into()];
    header.extend(scale.iter().cloned());
    header.extend([
        labels::ABSTAIN.into(),
        labels::top_rate(&scale),
        labels::top_two_rate(&scale),
    ]);
    f.s.headers(row, &header)?;
    row += 1;
    for (i, (line, t)) in round.lines.iter().zip(&tally.subjects).enumerate() {
        f.s.int(row, 0, Some(i as u64 + 1))?;
        f.s.text(row, 1, &line.name)?;
        f.s.text(
            row,
            2,
            model.campaign.post(&round.key.unit, &line.name, line.role),
        )?;
        let col = f.s.counts(row, 3, Some(&t.counts), scale.len())?;
        f.s.int(row, col, Some(t.abstain))?;
        f.s.pct(row, col + 1, t.top_rate())?;
        f.s.pct(row, col + 2, t.top_two_rate())?;
        row += 1;
    }
    let void: Vec<String> = round
        .lines
        .iter()
        .zip(&tally.subjects)
        .filter(|(_, t)| t.void_marks > 0)
        .map(|(l, t)| format!("{} {} 个", l.name, t.void_marks))
        .collect();
    if !void.is_empty() {
        f.row(
            row,
            labels::VOID_MARKS,
            &format!("无效标记（两项都画或无法辨认）：{}", void.join("、")),
        )?;
        row += 1;
    }
    Ok(row)
}

fn status(round: &Round) -> &'static str {
    match round.status {
        RoundStatus::Closed { .. } => "已结束",
        RoundStatus::Void => "作废",
        RoundStatus::Open => labels::PROVISIONAL,
    }
}

/// 五、结束与重新开启: earlier rounds, then every close of the counted
/// round (time, fingerprint) and every reopening (time, reason, what
/// changed after). The row after.
fn closes(f: &mut Form, mut row: u32, m: &Minutes, round: &Round) -> Result<u32, XlsxError> {
    f.s.section(row, f.last, "五、计票结束与重新开启")?;
    row += 1;
    for r in &m.earlier {
        let what = match r.status {
            RoundStatus::Void => "作废（收回多于发出），已重新投票",
            RoundStatus::Closed { .. } => "已结束",
            RoundStatus::Open => "未结束",
        };
        f.row(row, &format!("第 {} 轮", r.key.round), what)?;
        row += 1;
    }
    for line in labels::history(round) {
        f.row(row, "重新开启", &line)?;
        row += 1;
    }
    let value = match (&round.status, round.history.last()) {
        (RoundStatus::Closed { head }, close) => format!(
            "{} 结束；{}：{}",
            time(close.and_then(|c| c.closed_at), "%Y-%m-%d %H:%M"),
            labels::FINGERPRINT,
            head
        ),
        (RoundStatus::Void, _) => "作废".into(),
        (RoundStatus::Open, _) => format!("{}，尚无指纹", labels::PROVISIONAL),
    };
    f.row(row, "本轮结束", &value)?;
    Ok(row + 1)
}

/// 六、结束时的提示: every counting warning, acknowledged or not.
fn warnings(f: &mut Form, mut row: u32, model: &Model, round: &Round) -> Result<u32, XlsxError> {
    f.s.section(row, f.last, "六、结束时的提示")?;
    row += 1;
    let all = labels::warnings(model, round);
    if all.is_empty() {
        f.row(row, "", "（无）")?;
        return Ok(row + 1);
    }
    for (i, (w, acked)) in all.iter().enumerate() {
        f.s.int(row, 0, Some(i as u64 + 1))?;
        f.span(row, 1, &labels::warning_line(w, *acked))?;
        row += 1;
    }
    Ok(row)
}
