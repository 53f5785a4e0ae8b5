//! A worksheet being filled: every text cell through `write_string` (never
//! a formula, whatever the text), column widths measured by display width
//! (CJK characters take two cells), and the A4 print set-up.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::text::width;

/// Excel keeps at most 32,767 UTF-16 units in a cell.
const MAX_CELL_UNITS: usize = 32_767;

/// The height of a line of wrapped text in points: the default row (15)
/// and a little room for CJK fonts, whose lines are taller.
const LINE_HEIGHT: f64 = 16.5;

/// Excel's width of a column never set (in character widths).
const DEFAULT_WIDTH: f64 = 8.43;

/// Characters widths per display cell: a CJK character (two cells) of
/// the 11-point font is 14.7 pixels, 2.1 of Excel's character widths (a
/// digit, 7 pixels); counted as 2.4, because LibreOffice and WPS lay CJK
/// text out wider than Excel does, and fonts differ between machines.
const PER_CELL: f64 = 1.2;

/// How many lines a text of `cells` display cells takes across columns
/// `first..=last` of widths `set` (the ones not set are the default).
/// Counted generously: [`PER_CELL`] character widths per display cell,
/// less 5 % for the cell's padding and words that wrap early in English.
fn wrapped_lines(set: &[f64], first: u16, last: u16, cells: usize) -> usize {
    let total: f64 = (usize::from(first)..=usize::from(last))
        .map(|c| set.get(c).copied().unwrap_or(DEFAULT_WIDTH))
        .sum();
    let room = ((total - 1.0) * 0.95).max(1.0);
    ((cells as f64 * PER_CELL) / room).ceil().max(1.0) as usize
}

/// The printable area of A4 within the margins [`Sheet::finish`] sets
/// (0.5 inch left and right, 0.6 top, 0.7 bottom for the page numbers):
/// across in pixels (96 an inch), down in points.
const A4_PORTRAIT: (f64, f64) = (698.0, 748.0);
const A4_LANDSCAPE: (f64, f64) = (1026.0, 502.0);

/// The height of a row no one sized: Excel's 15 points, and CJK fonts are
/// taller.
const DEFAULT_ROW_PT: f64 = 18.0;

/// The smallest print scale a sheet may be shrunk to when it is fitted to
/// one page: 11-point text stays above 9 points.
pub const MIN_SCALE: f64 = 0.82;

/// The formats of the forms.
pub struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub section: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub int: Format,
    pub pct: Format,
    pub note: Format,
    /// A note that may be wider than the table: wraps, top-aligned.
    pub paragraph: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new().set_align(FormatAlign::Center),
            section: Format::new().set_bold().set_font_size(12),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9E1F2)),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            int: cell.clone().set_align(FormatAlign::Center),
            pct: cell.set_num_format("0.00%").set_align(FormatAlign::Center),
            note: Format::new(),
            paragraph: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Fmt {
    Text,
    Wrap,
    Header,
}

/// How a sheet prints.
#[derive(Debug, Clone, Copy)]
pub struct Print {
    pub landscape: bool,
    /// Rows repeated at the top of every printed page.
    pub repeat: Option<(u32, u32)>,
}

/// A worksheet and the widest text of each of its columns so far.
pub struct Sheet {
    ws: Worksheet,
    widths: Vec<usize>,
    /// Columns whose text wraps (long free text): capped narrower.
    wrapped: Vec<bool>,
    /// Text that wraps (row, first and last column, display width of the
    /// text): its row is made tall enough once the column widths are
    /// known. No client sizes a merged row by itself, and Excel sizes no
    /// row on opening a file, so every wrapped row gets its height here.
    wraps: Vec<(u32, u16, u16, usize)>,
    /// Rows given a height (points), for the page estimate.
    heights: std::collections::BTreeMap<u32, f64>,
    /// The last row written.
    last_row: u32,
    /// Fit the sheet on one page (see [`Sheet::one_page`]).
    one_page: bool,
    /// Widths wrapped columns are held to (see [`Sheet::cap`]).
    caps: std::collections::BTreeMap<u16, f64>,
    pub f: Formats,
}

/// `s` cut to at most `units` UTF-16 units (Excel's measure), on a
/// character boundary.
pub fn cut_utf16(s: &str, units: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &s[..i];
        }
    }
    s
}

/// `s` cut to what a cell holds (a longer text would fail the export).
fn clip(s: &str) -> &str {
    cut_utf16(s, MAX_CELL_UNITS)
}

impl Sheet {
    pub fn new(name: &str) -> Result<Sheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Sheet {
            ws,
            widths: Vec::new(),
            wrapped: Vec::new(),
            wraps: Vec::new(),
            heights: Default::default(),
            last_row: 0,
            one_page: false,
            caps: Default::default(),
            f: Formats::new(),
        })
    }

    fn measure(&mut self, col: u16, s: &str) {
        self.measure_cells(col, s.lines().map(width).max().unwrap_or(0));
    }

    fn measure_cells(&mut self, col: u16, w: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
            self.wrapped.resize(col + 1, false);
        }
        self.widths[col] = self.widths[col].max(w);
    }

    fn touch(&mut self, row: u32) {
        self.last_row = self.last_row.max(row);
    }

    /// Set a row's height in points (kept for the page estimate).
    pub fn row_height(&mut self, row: u32, points: f64) -> Result<(), XlsxError> {
        self.ws.set_row_height(row, points)?;
        self.heights.insert(row, points);
        Ok(())
    }

    /// Hold column `col`, whose text wraps, to at most `width` character
    /// widths (instead of 30): for free text in a table that must stay
    /// narrow enough to print at 9 points.
    pub fn cap(&mut self, col: u16, width: f64) {
        self.caps.insert(col, width);
    }

    /// The width column `col` gets: [`PER_CELL`] character widths per
    /// display cell of its widest text, plus 2 for the padding, within
    /// bounds.
    fn column_width(&self, col: usize) -> f64 {
        let cells = self.widths.get(col).copied().unwrap_or(0);
        let wrapped = self.wrapped.get(col).copied().unwrap_or(false);
        let cap = match self.caps.get(&(col as u16)) {
            Some(&cap) => cap,
            None if wrapped => 30.0,
            None => 60.0,
        };
        (cells as f64 * PER_CELL + 2.0).clamp(6.0, cap.max(6.0))
    }

    /// Print the sheet on one page when it fits there at [`MIN_SCALE`] or
    /// larger, in whichever orientation prints it larger (the `Print`'s
    /// orientation is then ignored); else as `Print` says, fitted to the
    /// page's width. For a form that must be one sheet of paper (a unit's
    /// 附件4).
    pub fn one_page(&mut self) {
        self.one_page = true;
    }

    /// Write `s` as a string in `format` (the formats are borrowed from
    /// `self.f` by field, so nothing is cloned per cell).
    fn string(&mut self, row: u32, col: u16, s: &str, format: Fmt) -> Result<(), XlsxError> {
        self.touch(row);
        if let Fmt::Header = format {
            // A header wraps onto two lines rather than widen its column
            // past its numbers (each table's header row is sized in
            // `finish`).
            let w = width(s);
            self.measure_cells(col, w.div_ceil(2).max(4));
            self.wraps.push((row, col, col, w));
        } else {
            self.measure(col, s);
        }
        let f = match format {
            Fmt::Text => &self.f.text,
            Fmt::Wrap => &self.f.wrap,
            Fmt::Header => &self.f.header,
        };
        self.ws.write_string_with_format(row, col, clip(s), f)?;
        Ok(())
    }

    /// A bordered text cell. Text is always a string, never a formula.
    pub fn text(&mut self, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        self.string(row, col, s, Fmt::Text)
    }

    /// A bordered text cell whose long text wraps within a capped width.
    pub fn long_text(&mut self, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        self.string(row, col, s, Fmt::Wrap)?;
        self.wrapped[usize::from(col)] = true;
        self.wraps.push((row, col, col, width(s)));
        Ok(())
    }

    /// A table header cell.
    pub fn header(&mut self, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        self.string(row, col, s, Fmt::Header)
    }

    /// A row of table headers from column 0.
    pub fn headers<S: AsRef<str>>(&mut self, row: u32, names: &[S]) -> Result<(), XlsxError> {
        for (col, name) in (0u16..).zip(names) {
            self.header(row, col, name.as_ref())?;
        }
        Ok(())
    }

    /// A whole number; a bordered blank while it is not known.
    pub fn int(&mut self, row: u32, col: u16, n: Option<u64>) -> Result<(), XlsxError> {
        self.touch(row);
        match n {
            Some(n) => {
                self.measure(col, &n.to_string());
                self.ws
                    .write_number_with_format(row, col, n as f64, &self.f.int)?;
            }
            None => {
                self.ws.write_blank(row, col, &self.f.int)?;
            }
        }
        Ok(())
    }

    /// `n` counts from `col`, a bordered blank for each `counts` lacks
    /// (none while the round has not counted); the column after them.
    pub fn counts(
        &mut self,
        row: u32,
        mut col: u16,
        counts: Option<&[u64]>,
        n: usize,
    ) -> Result<u16, XlsxError> {
        for g in 0..n {
            self.int(row, col, counts.and_then(|c| c.get(g).copied()))?;
            col += 1;
        }
        Ok(col)
    }

    /// A share shown as a percentage; a bordered blank while nothing is
    /// graded.
    pub fn pct(&mut self, row: u32, col: u16, rate: Option<f64>) -> Result<(), XlsxError> {
        self.touch(row);
        self.measure(col, "100.00%");
        match rate {
            Some(r) => self.ws.write_number_with_format(row, col, r, &self.f.pct)?,
            None => self.ws.write_blank(row, col, &self.f.pct)?,
        };
        Ok(())
    }

    /// A line of text across columns `0..=last` (merged when wider than
    /// one column); not counted in the column widths.
    pub fn line(&mut self, row: u32, last: u16, s: &str, format: &Format) -> Result<(), XlsxError> {
        self.touch(row);
        if last == 0 {
            self.ws.write_string_with_format(row, 0, clip(s), format)?;
        } else {
            self.ws.merge_range(row, 0, row, last, clip(s), format)?;
        }
        Ok(())
    }

    pub fn title(&mut self, row: u32, last: u16, s: &str) -> Result<(), XlsxError> {
        let f = self.f.title.clone();
        self.line(row, last, s, &f)?;
        self.row_height(row, 28.0)
    }

    pub fn subtitle(&mut self, row: u32, last: u16, s: &str) -> Result<(), XlsxError> {
        let f = self.f.subtitle.clone();
        self.line(row, last, s, &f)
    }

    pub fn section(&mut self, row: u32, last: u16, s: &str) -> Result<(), XlsxError> {
        let f = self.f.section.clone();
        self.line(row, last, s, &f)
    }

    pub fn note(&mut self, row: u32, last: u16, s: &str) -> Result<(), XlsxError> {
        let f = self.f.note.clone();
        self.line(row, last, s, &f)
    }

    /// A note across columns `0..=last` that may be longer than the table
    /// is wide: it wraps within the merged cells, and `finish` makes its
    /// row tall enough for every line (neither Excel nor LibreOffice
    /// sizes a merged row by itself). Not counted in the column widths.
    pub fn paragraph(&mut self, row: u32, last: u16, s: &str) -> Result<(), XlsxError> {
        let f = self.f.paragraph.clone();
        self.line(row, last, s, &f)?;
        self.wraps.push((row, 0, last, width(s)));
        Ok(())
    }

    /// Set the column widths ([`PER_CELL`] character widths per display
    /// cell, plus 2 for the padding), the heights of rows with wrapped
    /// text, and the print set-up: A4, margins, fitted to the page's width
    /// (and height, see [`Sheet::one_page`]), header rows repeated, page
    /// numbers in the footer.
    pub fn finish(mut self, print: Print) -> Result<Worksheet, XlsxError> {
        let set: Vec<f64> = (0..self.widths.len())
            .map(|c| self.column_width(c))
            .collect();
        for (col, &w) in (0u16..).zip(&set) {
            self.ws.set_column_width(col, w)?;
        }
        let mut lines = std::collections::BTreeMap::<u32, usize>::new();
        for &(row, first, last, cells) in &self.wraps {
            let n = wrapped_lines(&set, first, last, cells);
            let most = lines.entry(row).or_insert(1);
            *most = (*most).max(n);
        }
        for (row, n) in lines {
            let need = LINE_HEIGHT * n as f64 + 2.0;
            let now = self.heights.get(&row).copied().unwrap_or(DEFAULT_ROW_PT);
            if n > 1 || need > now {
                self.row_height(row, need.max(now))?;
            }
        }
        let landscape = self.orientation(&set, print.landscape);
        self.ws
            .set_paper_size(9) // A4
            .set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3)
            .set_print_center_horizontally(true)
            .set_footer("&C第 &P 页，共 &N 页");
        match landscape {
            Some(landscape) => {
                self.ws.set_print_fit_to_pages(1, 1);
                set_orientation(&mut self.ws, landscape);
            }
            None => {
                self.ws.set_print_fit_to_pages(1, 0);
                set_orientation(&mut self.ws, print.landscape);
            }
        }
        if let Some((first, last)) = print.repeat {
            self.ws.set_repeat_rows(first, last)?;
        }
        Ok(self.ws)
    }

    /// For a sheet to fit on one page: the orientation that prints it
    /// largest (`landscape` on a tie), if that is [`MIN_SCALE`] or more.
    fn orientation(&self, set: &[f64], landscape: bool) -> Option<bool> {
        if !self.one_page {
            return None;
        }
        let size = (column_pixels(set), self.height_pt());
        let (p, l) = (scale_on(size, A4_PORTRAIT), scale_on(size, A4_LANDSCAPE));
        let (best, scale) = if l > p || (l == p && landscape) {
            (true, l)
        } else {
            (false, p)
        };
        (scale >= MIN_SCALE).then_some(best)
    }

    /// The sheet's height in points, rows no one sized counted at
    /// [`DEFAULT_ROW_PT`].
    fn height_pt(&self) -> f64 {
        let sized: f64 = self.heights.values().sum();
        let rest = ((self.last_row + 1) as usize).saturating_sub(self.heights.len());
        sized + rest as f64 * DEFAULT_ROW_PT
    }

    /// The print scale fitting the sheet to the page's width (at most 1):
    /// what a table prints at, for the tests to hold it above [`MIN_SCALE`].
    #[cfg(test)]
    pub fn width_scale(&self, landscape: bool) -> f64 {
        let set: Vec<f64> = (0..self.widths.len())
            .map(|c| self.column_width(c))
            .collect();
        let page = if landscape { A4_LANDSCAPE } else { A4_PORTRAIT };
        (page.0 / column_pixels(&set)).min(1.0)
    }
}

fn set_orientation(ws: &mut Worksheet, landscape: bool) {
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
}

/// The pixels of columns `set` wide (Excel's rule: 7 a character width
/// and 5 of padding, truncated).
fn column_pixels(set: &[f64]) -> f64 {
    set.iter().map(|w| (w * 7.0 + 5.0).trunc()).sum()
}

/// The scale at which a sheet (`size`: pixels across, points down) fits
/// `page` (the same units), at most 1.
fn scale_on(size: (f64, f64), page: (f64, f64)) -> f64 {
    (page.0 / size.0.max(1.0))
        .min(page.1 / size.1.max(1.0))
        .min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_gets_a_line_per_table_width() {
        // Twelve columns of 10 character widths: about 100 display cells
        // to a line.
        let set = [10.0; 12];
        assert_eq!(wrapped_lines(&set, 0, 11, 0), 1);
        assert_eq!(wrapped_lines(&set, 0, 11, 80), 1);
        assert_eq!(wrapped_lines(&set, 0, 11, 150), 2);
        assert_eq!(wrapped_lines(&set, 0, 11, 400), 5);
        // Columns never set count at Excel's default width.
        assert_eq!(wrapped_lines(&[], 0, 11, 70), 1);
        assert!(wrapped_lines(&set, 0, 2, 150) > wrapped_lines(&set, 0, 11, 150));
        assert_eq!(wrapped_lines(&set, 3, 3, 16), 3, "one column");
    }
}
