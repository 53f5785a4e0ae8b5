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
//! never as a formula. Each copy starts on a new page (manual page breaks)
//! and is planned to fit it ([`Fit`]): the rows share the page's height and
//! the columns leave 15 % of its width spare, so up to 25 people print at
//! full size; a longer or wider form gets a computed print scale rather
//! than "fit to page", under which Excel ignores the page breaks. Beside
//! each 序号 is the entry grid's row letter ("3 c"), so the keyer reads the
//! key off the paper.

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
    /// Each line's 职务 as printed: the post as written, else the category.
    pub posts: Vec<String>,
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
    let posts = lines
        .iter()
        .map(|l| u.post(&l.name, l.role).to_string())
        .collect();
    Ok(Form {
        meeting: kind,
        title: c.title.clone(),
        name: form_name,
        unit_line: format!("单位：{}", u.name),
        instructions: format!("说明：{}", numbered.join("")),
        scale: def.scale.grades.clone(),
        lines,
        posts,
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

/// A4 portrait within the margins set below (0.6 inch each side, no
/// header or footer): 7.07 inches across at 96 pixels an inch, and
/// 10.49 inches (755 points) down.
const PAGE_WIDTH_PX: f64 = 678.0;
const PAGE_HEIGHT_PT: f64 = 755.0;
/// How much of the page a copy may use. A column's width is stored in
/// character widths of the workbook's default font (Calibri), and a client
/// without Calibri converts it with the font it has: LibreOffice on Linux
/// falls back to DejaVu Sans, whose digits are 26 % wider, and lays CJK
/// text out about 5 % wider again. A copy planned to the last pixel spills
/// its last column onto a second page there; three quarters of the page
/// holds everywhere (and is centred).
const USE_WIDTH: f64 = 0.75;
const USE_HEIGHT: f64 = 0.9;
/// The rows of one copy before the people, in points: title, form name,
/// unit, (instructions: computed), header.
const TITLE_PT: f64 = 26.0;
const NAME_PT: f64 = 32.0;
const UNIT_PT: f64 = 22.0;
/// The header: two lines of 12 points, for a grade that wraps.
const HEADER_PT: f64 = 32.0;
/// A person's row: as tall as the page allows, within these bounds (a
/// box of 6 mm is still easy to tick).
const ROW_MIN_PT: f64 = 17.0;
const ROW_MAX_PT: f64 = 30.0;
/// The grade boxes: at least this wide (2 cm at Calibri's widths; the
/// header wraps when its grade is wider), wider when the page has room.
const BOX_MIN: f64 = 9.0;
const BOX_MAX: f64 = 18.0;

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

/// Width of a column, in Excel's character widths (a digit of the default
/// 11-point font, 7 pixels), for text `s` in the forms' 12-point font: a
/// CJK character (two display cells) is 16 pixels there, 2.3 widths,
/// counted as 2.2 plus 2 for the padding (the page's spare quarter is the
/// slack for other fonts, see [`USE_WIDTH`]).
fn fit(s: &str, min: f64) -> f64 {
    (s.width() as f64 * 1.1 + 2.0).max(min)
}

/// The pixels a column of `w` character widths takes (Excel's rule).
fn pixels(widths: &[f64]) -> f64 {
    widths.iter().map(|w| (w * 7.0 + 5.0).trunc()).sum()
}

/// The number beside each person, with the entry grid's row label (the
/// keys the keyer presses for that row, see `labels::row_label`): "3 c",
/// "25 c+".
pub fn row_label(i: usize) -> String {
    format!("{} {}", i + 1, crate::labels::row_label(i))
}

/// How a form is laid out on its page: the column widths, the height of
/// the instructions and of a person's row, and the print scale (100
/// unless the form is too long or too wide for a page at that size).
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub widths: Vec<f64>,
    pub instructions_pt: f64,
    pub row_pt: f64,
    pub scale: u16,
}

impl Fit {
    pub fn new(form: &Form) -> Fit {
        // 序号 (with the row letter), 姓名, 职务, then the grades.
        let mut widths = vec![
            fit("25 z", 7.0),
            form.lines
                .iter()
                .map(|l| fit(&l.name, 10.0))
                .fold(10.0, f64::max),
            form.posts.iter().map(|p| fit(p, 10.0)).fold(10.0, f64::max),
        ];
        widths.extend(form.scale.iter().map(|_| BOX_MIN));
        // Spare width goes to the boxes (bigger boxes are easier to tick).
        let room = PAGE_WIDTH_PX * USE_WIDTH;
        let grades = form.scale.len().max(1) as f64;
        let spare = ((room - pixels(&widths)) / 7.0 / grades).floor();
        if spare > 0.0 {
            for w in widths.iter_mut().skip(3) {
                *w = (*w + spare).min(BOX_MAX);
            }
        }
        let width_px = pixels(&widths);
        // The instructions wrap in a merged cell, whose height no client
        // fits by itself: 11-point CJK is 14.7 pixels a character (half
        // that a display cell), counted 10 % wider.
        let per_line = (width_px / (14.7 / 2.0 * 1.1)).max(1.0);
        let lines = (form.instructions.width() as f64 / per_line)
            .ceil()
            .max(1.0);
        let instructions_pt = lines * 17.0 + 6.0;
        let fixed = TITLE_PT + NAME_PT + UNIT_PT + instructions_pt + HEADER_PT;
        let people = form.lines.len().max(1) as f64;
        let height = PAGE_HEIGHT_PT * USE_HEIGHT;
        let row_pt = ((height - fixed) / people).clamp(ROW_MIN_PT, ROW_MAX_PT);
        let copy_pt = fixed + row_pt * people;
        let scale = (room / width_px).min(height / copy_pt).min(1.0);
        Fit {
            widths,
            instructions_pt,
            row_pt,
            scale: (scale * 100.0).floor().clamp(10.0, 100.0) as u16,
        }
    }
}

/// The formats of a form.
struct Formats {
    title: Format,
    heading: Format,
    plain: Format,
    wrapped: Format,
    boxed: Format,
    header: Format,
}

impl Formats {
    fn new() -> Formats {
        let boxed = base()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center);
        Formats {
            title: base().set_font_size(14).set_align(FormatAlign::Center),
            heading: base()
                .set_font_name("黑体")
                .set_font_size(18)
                .set_bold()
                .set_align(FormatAlign::Center),
            plain: base().set_align(FormatAlign::Left),
            wrapped: base().set_font_size(11).set_text_wrap(),
            header: boxed.clone().set_bold().set_text_wrap(),
            boxed,
        }
    }
}

fn sheet(form: &Form, copies: u32) -> Result<Worksheet, XlsxError> {
    let layout = Layout::new(form, copies);
    let fit = Fit::new(form);
    let f = Formats::new();
    let mut ws = Worksheet::new();
    ws.set_name(match form.meeting {
        MeetingKind::AnnualReview => "民主测评表",
        MeetingKind::PartyBuildingReview => "民主评议表",
    })?;
    for (col, w) in (0u16..).zip(&fit.widths) {
        ws.set_column_width(col, *w)?;
    }
    for c in 0..copies {
        copy(&mut ws, form, &layout, &fit, &f, layout.start(c))?;
    }
    // No "fit to page": Excel ignores manual page breaks under it. The
    // copy is planned to fit at `fit.scale`, with room to spare.
    ws.set_paper_size(9) // A4
        .set_portrait()
        .set_print_center_horizontally(true)
        .set_margins(0.6, 0.6, 0.6, 0.6, 0.3, 0.3)
        .set_print_scale(fit.scale);
    ws.set_print_area(0, 0, layout.last_row(), layout.last_col)?;
    ws.set_page_breaks(&layout.page_breaks())?;
    Ok(ws)
}

/// One copy of the form from row `top`.
fn copy(
    ws: &mut Worksheet,
    form: &Form,
    layout: &Layout,
    fit: &Fit,
    f: &Formats,
    top: u32,
) -> Result<(), XlsxError> {
    let last = layout.last_col;
    let lines = [
        (TITLE, form.title.as_str(), &f.title, TITLE_PT),
        (NAME, form.name.as_str(), &f.heading, NAME_PT),
        (UNIT, form.unit_line.as_str(), &f.plain, UNIT_PT),
        (
            INSTRUCTIONS,
            &form.instructions,
            &f.wrapped,
            fit.instructions_pt,
        ),
    ];
    for (row, text, format, height) in lines {
        ws.merge_range(top + row, 0, top + row, last, text, format)?;
        ws.set_row_height(top + row, height)?;
    }
    let row = top + HEADER;
    ws.set_row_height(row, HEADER_PT)?;
    let heads = ["序号", "姓名", "职务"].into_iter().map(String::from);
    for (col, text) in (0u16..).zip(heads.chain(form.scale.iter().cloned())) {
        ws.write_string_with_format(row, col, text, &f.header)?;
    }
    for (i, (line, post)) in form.lines.iter().zip(&form.posts).enumerate() {
        let row = top + HEADER + 1 + i as u32;
        ws.set_row_height(row, fit.row_pt)?;
        ws.write_string_with_format(row, 0, row_label(i), &f.boxed)?;
        ws.write_string_with_format(row, 1, &line.name, &f.boxed)?;
        ws.write_string_with_format(row, 2, post, &f.boxed)?;
        for col in 3..=last {
            ws.write_blank(row, col, &f.boxed)?;
        }
    }
    Ok(())
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
    fn up_to_25_people_fit_a_page_at_full_size() {
        use crate::domain::Role;
        let model = demo();
        for kind in MeetingKind::ALL {
            let mut f = form(&model, "南塘村", kind.key()).unwrap();
            f.lines = (0..25)
                .map(|i| BallotLine {
                    name: format!("欧阳{}", ["一", "二二"][i % 2]),
                    role: Role::WorkTeamLeader,
                })
                .collect();
            f.posts = vec![Role::WorkTeamLeader.label_zh().into(); 25];
            let fit = Fit::new(&f);
            assert_eq!(fit.scale, 100, "{kind:?}");
            assert!(fit.row_pt >= ROW_MIN_PT);
            assert!(pixels(&fit.widths) <= PAGE_WIDTH_PX * USE_WIDTH);
            f.lines.truncate(7);
            let seven = Fit::new(&f);
            assert_eq!(seven.scale, 100);
            assert_eq!(seven.row_pt, ROW_MAX_PT, "few people get tall rows");
            // Past what a page holds at the smallest rows: scaled down.
            f.lines = (0..60).map(|_| f.lines[0].clone()).collect();
            assert!(Fit::new(&f).scale < 100);
        }
    }

    #[test]
    fn rows_carry_the_entry_grids_letters() {
        assert_eq!(row_label(0), "1 a");
        assert_eq!(row_label(17), "18 s", "r is skipped");
        assert_eq!(row_label(21), "22 z");
        assert_eq!(row_label(22), "23 a+", "past the letters, letter and plus");
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
