//! Printable ballot forms (空白选票): `ceping ballots FILE --unit UNIT
//! [--meeting KIND] [--copies N] -o forms.xlsx`.
//!
//! One worksheet holding N identical forms, one per A4 portrait page, in
//! the manner of the notice's 附件3 (村(社区)年度考核工作民主测评表, annual
//! review) and 附件8 (党组织书记履行基层党建工作责任情况民主评议表,
//! Party-building review): the campaign title and the form's name, the
//! unit, short instructions, then one row per person in EXACTLY the order of
//! the entry grid (the open round's ballot if the meeting has started, else
//! the ballot a new round would print) with name, role and an empty bordered
//! box under each grade of the meeting's scale.
//!
//! The forms are always in Chinese (they are the meeting's paper), whatever
//! the program's language; errors follow it. All text is written as text,
//! never as a formula. Each copy starts on a new page (manual page breaks);
//! the width is fitted to the page with a print scale rather than Excel's
//! "fit to page", which would ignore the page breaks.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::ExportError;
use crate::domain::names::normalize_name;
use crate::domain::{BallotLine, MeetingKind, Model};

/// Most copies in one file (Excel allows 1023 page breaks).
pub const MAX_COPIES: u32 = 1000;

/// Why the forms cannot be made; each a sentence for the liaison
/// ([`FormsError::message`], in `crate::catalog`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormsError {
    /// `--meeting` names no meeting.
    UnknownMeeting(String),
    /// `--unit` names no unit; the campaign's units follow, for the hint.
    UnknownUnit(String, Vec<String>),
    /// The unit does not hold this meeting.
    NotHeld(String, MeetingKind),
    /// `--copies` outside 1 to [`MAX_COPIES`].
    Copies(u32),
}

impl std::error::Error for FormsError {}

/// What `--meeting` takes for the annual review: its key, then the
/// Chinese name a refusal suggests, then another spelling. The Chinese
/// names are what the user may type, so the English refusal quotes them
/// too.
pub const ANNUAL_REVIEW_NAMES: [&str; 3] = ["annual_review", "述职测评大会", "述职测评"];

/// What `--meeting` takes for the Party-building review, in the same
/// order as [`ANNUAL_REVIEW_NAMES`].
pub const PARTY_BUILDING_REVIEW_NAMES: [&str; 3] =
    ["party_building_review", "下述下评", "抓基层党建述职评议"];

/// What one form shows; the same on every copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub meeting: MeetingKind,
    /// The campaign's title.
    pub title: String,
    /// The notice's name of the form (附件3 or 附件8).
    pub name: String,
    /// `单位：南塘村`.
    pub unit_line: String,
    pub instructions: String,
    /// The grade labels, best first: the column headers.
    pub scale: Vec<String>,
    /// The people, in ballot order.
    pub lines: Vec<BallotLine>,
}

/// `annual_review` / `party_building_review`, or their Chinese names.
fn meeting_kind(text: &str) -> Option<MeetingKind> {
    let word = normalize_name(text).to_ascii_lowercase();
    if ANNUAL_REVIEW_NAMES.contains(&word.as_str()) {
        Some(MeetingKind::AnnualReview)
    } else if PARTY_BUILDING_REVIEW_NAMES.contains(&word.as_str()) {
        Some(MeetingKind::PartyBuildingReview)
    } else {
        None
    }
}

/// The form for `unit`'s `meeting`, in the entry grid's order.
pub fn form(model: &Model, unit: &str, meeting: &str) -> Result<Form, FormsError> {
    let kind = meeting_kind(meeting).ok_or_else(|| FormsError::UnknownMeeting(meeting.into()))?;
    let c = &model.campaign;
    let name = normalize_name(unit);
    let Some(u) = c.unit(&name) else {
        let all = c.units.iter().map(|u| u.name.clone()).collect();
        return Err(FormsError::UnknownUnit(unit.trim().to_string(), all));
    };
    let def = c
        .meeting(kind)
        .filter(|_| u.meetings.contains(&kind))
        .ok_or_else(|| FormsError::NotHeld(u.name.clone(), kind))?;
    let lines = match model.current_round(&u.name, kind) {
        Some(round) => round.lines.clone(),
        None => u
            .subjects_for(kind)
            .map(|s| BallotLine {
                name: s.name.clone(),
                role: s.role,
            })
            .collect(),
    };
    let (form_name, verb) = match kind {
        MeetingKind::AnnualReview => (format!("村(社区){}年度考核工作民主测评表", c.year), "测评"),
        MeetingKind::PartyBuildingReview => (
            "党组织书记履行基层党建工作责任情况民主评议表".to_string(),
            "评议",
        ),
    };
    let mut rules = vec![
        "请在每人所选等次下的方框内画“√”，每人只能选一个等次".to_string(),
        format!("不画视为弃权；多画或无法辨认的，该人的{verb}无效"),
    ];
    if let (Some(limit), Some(top)) = (c.rules.max_top_grades_per_ballot, def.scale.grades.first())
        && (limit as usize) < lines.len()
    {
        rules.push(format!("每张表最多评 {limit} 个“{top}”，超过的整张表作废"));
    }
    rules.push("本表不记名，请勿署名".to_string());
    let numbered: Vec<String> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}. {r}。", i + 1))
        .collect();
    Ok(Form {
        meeting: kind,
        title: c.title.clone(),
        name: form_name,
        unit_line: format!("单位：{}", u.name),
        instructions: format!("说明：{}", numbered.join("")),
        scale: def.scale.grades.clone(),
        lines,
    })
}

/// Where things go on the sheet: rows are 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Rows of one copy: title, form name, unit, instructions, header,
    /// one per person.
    pub rows_per_copy: u32,
    pub copies: u32,
    /// The last column (序号, 姓名, 职务, then one per grade).
    pub last_col: u16,
}

/// Rows within a copy.
const TITLE: u32 = 0;
const NAME: u32 = 1;
const UNIT: u32 = 2;
const INSTRUCTIONS: u32 = 3;
/// The header row (序号, 姓名, 职务, grades); people follow it.
pub const HEADER: u32 = 4;

impl Layout {
    pub fn new(form: &Form, copies: u32) -> Layout {
        Layout {
            rows_per_copy: HEADER + 1 + form.lines.len() as u32,
            copies,
            last_col: 2 + form.scale.len() as u16,
        }
    }

    /// The first row of copy `c` (0-based).
    pub fn start(&self, c: u32) -> u32 {
        c * self.rows_per_copy
    }

    /// The rows before which a new page begins: every copy but the first.
    pub fn page_breaks(&self) -> Vec<u32> {
        (1..self.copies).map(|c| self.start(c)).collect()
    }

    /// The last row printed.
    pub fn last_row(&self) -> u32 {
        self.start(self.copies) - 1
    }
}

/// Printable width and height of A4 portrait within the margins below, in
/// pixels (at 96 dpi) and points.
const PAGE_WIDTH_PX: f64 = 680.0;
const PAGE_HEIGHT_PT: f64 = 740.0;
const ROW_PT: f64 = 28.0;

/// The xlsx bytes of `copies` forms for `unit`'s `meeting`.
pub fn to_bytes(
    model: &Model,
    unit: &str,
    meeting: &str,
    copies: u32,
) -> Result<Vec<u8>, ExportError> {
    if !(1..=MAX_COPIES).contains(&copies) {
        return Err(FormsError::Copies(copies).into());
    }
    let form = form(model, unit, meeting)?;
    let mut book = Workbook::new();
    book.push_worksheet(sheet(&form, copies)?);
    Ok(book.save_to_buffer()?)
}

fn base() -> Format {
    Format::new()
        .set_font_name("宋体")
        .set_font_size(12)
        .set_align(FormatAlign::VerticalCenter)
}

/// Width of a column in Excel's units for text `s` (CJK counts double).
fn fit(s: &str, min: f64) -> f64 {
    (s.width() as f64 + 2.0).max(min)
}

fn sheet(form: &Form, copies: u32) -> Result<Worksheet, XlsxError> {
    let layout = Layout::new(form, copies);
    let mut ws = Worksheet::new();
    ws.set_name(match form.meeting {
        MeetingKind::AnnualReview => "民主测评表",
        MeetingKind::PartyBuildingReview => "民主评议表",
    })?;
    let title = base().set_font_size(14).set_align(FormatAlign::Center);
    let heading = base()
        .set_font_name("黑体")
        .set_font_size(18)
        .set_bold()
        .set_align(FormatAlign::Center);
    let plain = base().set_align(FormatAlign::Left);
    let wrapped = base().set_font_size(11).set_text_wrap();
    let boxed = base()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let header = boxed.clone().set_bold();

    // Column widths: 序号, 姓名, 职务, then the grades.
    let mut widths = vec![
        6.0,
        form.lines
            .iter()
            .map(|l| fit(&l.name, 12.0))
            .fold(12.0, f64::max),
        form.lines
            .iter()
            .map(|l| fit(l.role.label_zh(), 12.0))
            .fold(12.0, f64::max),
    ];
    widths.extend(form.scale.iter().map(|g| fit(g, 10.0)));
    let pixels = |widths: &[f64]| -> f64 { widths.iter().map(|w| (w * 7.0 + 5.0).trunc()).sum() };
    // Spare page width goes to the boxes (bigger boxes are easier to tick).
    let spare = (PAGE_WIDTH_PX - pixels(&widths)) / 7.0 / form.scale.len().max(1) as f64;
    if spare > 0.0 {
        for w in widths.iter_mut().skip(3) {
            *w = (*w + spare.floor()).min(18.0);
        }
    }
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    let chars: f64 = widths.iter().sum();
    let pixels = pixels(&widths);
    // The instructions wrap in a merged cell, whose height Excel does not
    // fit by itself: about one line per `chars` columns of text.
    let lines = (form.instructions.width() as f64 * 1.1 / chars)
        .ceil()
        .max(1.0);
    let instructions_pt = lines * 16.0 + 6.0;
    let copy_pt = 26.0 + 32.0 + 22.0 + instructions_pt + 26.0 + ROW_PT * form.lines.len() as f64;
    let scale = (PAGE_WIDTH_PX / pixels)
        .min(PAGE_HEIGHT_PT / copy_pt)
        .min(1.0);
    let last = layout.last_col;
    for c in 0..copies {
        let top = layout.start(c);
        ws.merge_range(top + TITLE, 0, top + TITLE, last, &form.title, &title)?;
        ws.set_row_height(top + TITLE, 26)?;
        ws.merge_range(top + NAME, 0, top + NAME, last, &form.name, &heading)?;
        ws.set_row_height(top + NAME, 32)?;
        ws.merge_range(top + UNIT, 0, top + UNIT, last, &form.unit_line, &plain)?;
        ws.set_row_height(top + UNIT, 22)?;
        let row = top + INSTRUCTIONS;
        ws.merge_range(row, 0, row, last, &form.instructions, &wrapped)?;
        ws.set_row_height(row, instructions_pt)?;
        let row = top + HEADER;
        ws.set_row_height(row, 26)?;
        for (col, text) in ["序号", "姓名", "职务"].iter().enumerate() {
            ws.write_string_with_format(row, col as u16, *text, &header)?;
        }
        for (i, grade) in form.scale.iter().enumerate() {
            ws.write_string_with_format(row, 3 + i as u16, grade, &header)?;
        }
        for (i, line) in form.lines.iter().enumerate() {
            let row = top + HEADER + 1 + i as u32;
            ws.set_row_height(row, ROW_PT)?;
            ws.write_string_with_format(row, 0, (i + 1).to_string(), &boxed)?;
            ws.write_string_with_format(row, 1, &line.name, &boxed)?;
            ws.write_string_with_format(row, 2, line.role.label_zh(), &boxed)?;
            for col in 3..=last {
                ws.write_blank(row, col, &boxed)?;
            }
        }
    }
    ws.set_paper_size(9) // A4
        .set_portrait()
        .set_print_center_horizontally(true)
        .set_margins(0.6, 0.6, 0.7, 0.7, 0.3, 0.3)
        .set_print_scale((scale * 100.0).floor().clamp(10.0, 100.0) as u16);
    ws.set_print_area(0, 0, layout.last_row(), last)?;
    ws.set_page_breaks(&layout.page_breaks())?;
    Ok(ws)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Model {
        let c = crate::campaign_toml::demo();
        Model::fold([&crate::domain::Event::CampaignDefined { campaign: c }]).unwrap()
    }

    #[test]
    fn one_page_per_copy() {
        let model = demo();
        let f = form(&model, "南塘村", "annual_review").unwrap();
        let n = f.lines.len() as u32;
        let layout = Layout::new(&f, 3);
        assert_eq!(layout.rows_per_copy, 5 + n);
        assert_eq!(layout.page_breaks(), vec![5 + n, 2 * (5 + n)]);
        assert_eq!(layout.last_row(), 3 * (5 + n) - 1);
        assert_eq!(layout.last_col, 2 + 4);
        assert_eq!(Layout::new(&f, 1).page_breaks(), Vec::<u32>::new());
    }

    #[test]
    fn the_order_is_the_entry_grids() {
        let model = demo();
        for kind in MeetingKind::ALL {
            let f = form(&model, " 南塘村 ", kind.key()).unwrap();
            assert_eq!(f.lines, model.ballot_lines("南塘村", kind).unwrap());
            assert_eq!(f.scale, kind.default_scale().grades);
        }
    }

    #[test]
    fn refusals() {
        let model = demo();
        assert!(matches!(
            form(&model, "南塘", "annual_review"),
            Err(FormsError::UnknownUnit(..))
        ));
        assert!(matches!(
            form(&model, "南塘村", "review"),
            Err(FormsError::UnknownMeeting(_))
        ));
        assert!(matches!(
            to_bytes(&model, "南塘村", "annual_review", 0),
            Err(ExportError::Forms(FormsError::Copies(0)))
        ));
    }
}
