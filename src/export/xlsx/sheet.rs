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

/// How many lines a paragraph of `cells` display cells takes across
/// columns `0..=last` of widths `set` (the ones not set are the default).
/// Counted generously: 1.1 character widths per display cell, as the
/// column widths (a CJK character is a little wider than two digits),
/// less 5 % for the cell's padding and words that wrap early in English.
fn paragraph_lines(set: &[f64], last: u16, cells: usize) -> usize {
    let total: f64 = (0..=usize::from(last))
        .map(|c| set.get(c).copied().unwrap_or(DEFAULT_WIDTH))
        .sum();
    let room = ((total - 1.0) * 0.95).max(1.0);
    ((cells as f64 * 1.1) / room).ceil().max(1.0) as usize
}

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
    /// Paragraphs (row, last column, display width of the text): their
    /// rows are made tall enough once the column widths are known.
    paragraphs: Vec<(u32, u16, usize)>,
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
            paragraphs: Vec::new(),
            f: Formats::new(),
        })
    }

    fn measure(&mut self, col: u16, s: &str) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
            self.wrapped.resize(col + 1, false);
        }
        let w = s.lines().map(width).max().unwrap_or(0);
        self.widths[col] = self.widths[col].max(w);
    }

    /// Write `s` as a string in `format` (the formats are borrowed from
    /// `self.f` by field, so nothing is cloned per cell).
    fn string(&mut self, row: u32, col: u16, s: &str, format: Fmt) -> Result<(), XlsxError> {
        self.measure(col, s);
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
        self.ws.set_row_height(row, 28)?;
        Ok(())
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
        self.paragraphs.push((row, last, width(s)));
        Ok(())
    }

    /// Set the column widths (about 1.1 character widths per display cell)
    /// and the print set-up: A4, fit to the page width, header rows
    /// repeated, page numbers in the footer.
    pub fn finish(mut self, print: Print) -> Result<Worksheet, XlsxError> {
        let mut set = Vec::with_capacity(self.widths.len());
        for (col, (&cells, &wrapped)) in (0u16..).zip(self.widths.iter().zip(&self.wrapped)) {
            let cap = if wrapped { 40.0 } else { 70.0 };
            let w = (cells as f64 * 1.1 + 2.0).clamp(6.0, cap);
            self.ws.set_column_width(col, w)?;
            set.push(w);
        }
        for &(row, last, cells) in &self.paragraphs {
            let lines = paragraph_lines(&set, last, cells);
            if lines > 1 {
                self.ws.set_row_height(row, LINE_HEIGHT * lines as f64)?;
            }
        }
        self.ws
            .set_paper_size(9) // A4
            .set_print_fit_to_pages(1, 0)
            .set_print_center_horizontally(true)
            .set_footer("&C第 &P 页，共 &N 页");
        if print.landscape {
            self.ws.set_landscape();
        } else {
            self.ws.set_portrait();
        }
        if let Some((first, last)) = print.repeat {
            self.ws.set_repeat_rows(first, last)?;
        }
        Ok(self.ws)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_gets_a_line_per_table_width() {
        // Twelve columns of 10 character widths: about 100 display cells
        // to a line.
        let set = [10.0; 12];
        assert_eq!(paragraph_lines(&set, 11, 0), 1);
        assert_eq!(paragraph_lines(&set, 11, 90), 1);
        assert_eq!(paragraph_lines(&set, 11, 150), 2);
        assert_eq!(paragraph_lines(&set, 11, 400), 4);
        // Columns never set count at Excel's default width.
        assert_eq!(paragraph_lines(&[], 11, 80), 1);
        assert!(paragraph_lines(&set, 2, 150) > paragraph_lines(&set, 11, 150));
    }
}
