//! Widgets and helpers shared by the screens and the projector: centring,
//! popups, the "too small" notice, wrapping by display width, grade
//! colours, timer bands and tables that drop columns rather than squeeze
//! them. Nothing here knows `app`: it draws from plain values.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::catalog::{Msg, t};
use crate::domain::TimerBand;

/// The "window too small" notice, asking for at least `min_w` x `min_h`.
pub fn too_small(frame: &mut Frame, area: Rect, min_w: u16, min_h: u16) {
    // Wrapped here by display width: see `wrap_cells`.
    let cells = usize::from(area.width);
    let mut lines: Vec<Line> = wrap_cells(t(Msg::TooSmall), cells, Breaks::Spaces)
        .into_iter()
        .map(|s| Line::from(s).bold())
        .collect();
    let hint = Msg::TooSmallHint.fill(&[&min_w, &min_h]);
    lines.extend(
        wrap_cells(&hint, cells, Breaks::Spaces)
            .into_iter()
            .map(Line::from),
    );
    let y = area.height.saturating_sub(2) / 2;
    let inner = Rect {
        y: area.y + y,
        height: area.height.saturating_sub(y),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).centered(), inner);
}

/// Where `wrap_cells` may break a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// At a space when there is one, else between any two characters.
    Spaces,
    /// Between any two characters, spaces or not: Chinese prose, where a
    /// file name with spaces in it must not be split off its sentence.
    Anywhere,
}

/// `s` in lines of at most `cells` display cells, broken as `breaks` says.
/// Use it instead of `Paragraph::wrap` for Chinese text: ratatui's wrapper
/// can emit a line one cell wider than the area when a double-width
/// character does not fit in what is left of it (ratatui issue #2679);
/// that cell is the block's border or beyond the screen, and a terminal
/// shows garbage.
pub fn wrap_cells(s: &str, cells: usize, breaks: Breaks) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let (mut head, tail) = crate::text::split_at_width(rest, cells);
        if breaks == Breaks::Spaces
            && !tail.is_empty()
            && !tail.starts_with(' ')
            && let Some(i) = head.rfind(' ').filter(|&i| i > 0)
        {
            head = &head[..i];
        }
        if head.is_empty() {
            break; // a character wider than the whole area
        }
        out.push(head.trim_end().to_string());
        rest = rest[head.len()..].trim_start();
    }
    out
}

/// Clear `area` for a popup. A double-width character just left of it
/// would cover the popup's left border (the terminal shows the character,
/// not the border), so it is blanked too.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    if area.x > frame.area().x {
        let buf = frame.buffer_mut();
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if crate::text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A rectangle of `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

/// The speaker timer's colour for a band.
pub fn band_style(band: TimerBand) -> Style {
    match band {
        TimerBand::Normal => Style::new().green(),
        TimerBand::Warning => Style::new().yellow(),
        TimerBand::Critical | TimerBand::Overtime => Style::new().red(),
    }
}

/// The colour of grade `i` (best first): green, blue, yellow, red, then
/// repeating for longer scales.
pub fn grade_color(i: usize, grades: usize) -> Color {
    if grades > 0 && i + 1 == grades {
        return Color::Red;
    }
    [
        Color::Green,
        Color::Blue,
        Color::Yellow,
        Color::Magenta,
        Color::Cyan,
    ][i % 5]
}

/// The widest of `names` in display cells, at least `min`: a column width
/// that fits CJK names.
pub fn column_width<'a>(names: impl IntoIterator<Item = &'a str>, min: usize) -> u16 {
    names
        .into_iter()
        .map(crate::text::width)
        .max()
        .unwrap_or(0)
        .max(min) as u16
}

/// Header cells for a scale's grades, each in its grade's colour.
pub fn grade_headers(
    scale: &[String],
) -> impl Iterator<Item = ratatui::widgets::Cell<'static>> + '_ {
    scale.iter().enumerate().map(|(i, g)| {
        ratatui::widgets::Cell::from(g.clone()).style(Style::new().fg(grade_color(i, scale.len())))
    })
}

/// The priority of a column never shown.
pub const HIDDEN: u8 = u8::MAX;

/// A table column for `fit_columns`: header, one styled text per row, and
/// how important it is when the table is narrow (0 = always shown).
pub struct Column {
    pub header: String,
    pub priority: u8,
    pub cells: Vec<(String, Style)>,
}

/// Keep the columns that fit in `cells`, dropping the least important
/// first, each as wide as its widest text. Dropping beats squeezing: a
/// squeezed header or grade is read wrong.
pub fn fit_columns(
    cols: Vec<Column>,
    cells: u16,
) -> (
    ratatui::widgets::Row<'static>,
    Vec<ratatui::widgets::Row<'static>>,
    Vec<Constraint>,
) {
    use ratatui::widgets::{Cell, Row};
    let cols: Vec<Column> = cols.into_iter().filter(|c| c.priority < HIDDEN).collect();
    let width = |c: &Column| {
        let w = c
            .cells
            .iter()
            .map(|(t, _)| crate::text::width(t))
            .max()
            .unwrap_or(0);
        w.max(crate::text::width(&c.header)) as u16
    };
    let mut levels: Vec<u8> = cols.iter().map(|c| c.priority).collect();
    levels.sort_unstable();
    levels.dedup();
    // The most columns whose priorities form a prefix and whose widths fit.
    let mut max_priority = 0;
    for &p in &levels {
        let need: u16 = cols
            .iter()
            .filter(|c| c.priority <= p)
            .map(|c| width(c) + 1)
            .sum();
        if need > cells + 1 && p > 0 {
            break;
        }
        max_priority = p;
    }
    let kept: Vec<Column> = cols
        .into_iter()
        .filter(|c| c.priority <= max_priority)
        .collect();
    let widths = kept.iter().map(|c| Constraint::Length(width(c))).collect();
    let header = Row::new(
        kept.iter()
            .map(|c| Cell::from(c.header.clone()))
            .collect::<Vec<_>>(),
    );
    let n = kept.first().map_or(0, |c| c.cells.len());
    let rows = (0..n)
        .map(|i| {
            Row::new(
                kept.iter()
                    .map(|c| {
                        let (text, style) = c.cells[i].clone();
                        Cell::from(text).style(style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    (header, rows, widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_keep_words_whole_and_anywhere_keeps_a_sentence_together() {
        let s = "保存到 my file.xlsx 失败";
        assert_eq!(
            wrap_cells(s, 12, Breaks::Spaces),
            ["保存到 my", "file.xlsx", "失败"]
        );
        assert_eq!(
            wrap_cells(s, 12, Breaks::Anywhere),
            ["保存到 my fi", "le.xlsx 失败"]
        );
    }

    #[test]
    fn a_character_wider_than_the_area_ends_the_wrap() {
        assert!(wrap_cells("测", 1, Breaks::Spaces).is_empty());
        assert!(wrap_cells("测", 1, Breaks::Anywhere).is_empty());
    }
}
