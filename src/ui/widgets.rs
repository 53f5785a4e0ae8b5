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
    // A line break typed or pasted into a text (a comment) starts a new
    // line: never a control character in a cell.
    s.trim()
        .split('\n')
        .flat_map(|line| wrap_line(line.trim_end_matches('\r'), cells, breaks))
        .collect()
}

/// [`wrap_cells`] of one line of text.
fn wrap_line(s: &str, cells: usize, breaks: Breaks) -> Vec<String> {
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

/// The RGB that xterm shows for a named ANSI colour by default (its
/// stock palette); `None` for colours given otherwise.
pub fn xterm_rgb(c: Color) -> Option<(u8, u8, u8)> {
    Some(match c {
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
        Color::Rgb(r, g, b) => (r, g, b),
        _ => return None,
    })
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A mark shown as a block of `bg` with black or white text, whichever
/// contrasts more. Both colours are set: text in the terminal's own
/// colour would be dark on a light theme and light on a dark one, and
/// unreadable on one of them.
pub fn mark_style(bg: Color) -> Style {
    let rgb = xterm_rgb(bg).unwrap_or((127, 127, 127));
    let fg = if contrast(rgb, (0, 0, 0)) >= contrast(rgb, (255, 255, 255)) {
        Color::Black
    } else {
        Color::White
    };
    Style::new().fg(fg).bg(bg).bold()
}

/// `s` in at most `cells` display cells: cut, with ASCII ".." at the end
/// when it does not fit (never "…", whose width terminals disagree on).
pub fn shorten(s: &str, cells: usize) -> String {
    if crate::text::width(s) <= cells {
        return s.to_string();
    }
    let kept = crate::text::truncate(s, cells.saturating_sub(2));
    let dots = cells.min(2);
    let mut out = kept.to_string();
    out.extend(std::iter::repeat_n('.', dots));
    // A double-width character cut at the boundary leaves a cell over.
    crate::text::pad_right(&out, cells)
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

/// A key in the footer: the keys as shown and what they do.
pub struct Chip {
    pub keys: String,
    pub desc: String,
}

/// The footer, on at most two lines of `cells`: the chips in order of
/// importance, then `more` (`? 更多`) at the end whatever the width. When
/// they do not all fit, the descriptions lose what is in brackets
/// ("等次（空票时全部同等次）" becomes "等次"), then the last chips are left
/// out (the help shows them all); a chip is never split.
pub fn footer(chips: &[Chip], more: Option<&Chip>, cells: u16) -> Vec<Line<'static>> {
    lay_out_footer(chips, more, cells, false, true)
        .or_else(|| lay_out_footer(chips, more, cells, true, true))
        .or_else(|| lay_out_footer(chips, more, cells, true, false))
        .unwrap_or_default()
}

/// A description without its part in brackets, for a crowded footer.
fn short_desc(desc: &str) -> &str {
    match desc.find(['（', '(']) {
        Some(i) if i > 0 => desc[..i].trim_end(),
        _ => desc,
    }
}

/// The chips on lines (see [`footer`]); `None` if `all` are wanted and
/// they do not fit.
fn lay_out_footer(
    chips: &[Chip],
    more: Option<&Chip>,
    cells: u16,
    short: bool,
    all: bool,
) -> Option<Vec<Line<'static>>> {
    let cells = usize::from(cells);
    let text = |c: &Chip| {
        let desc = if short { short_desc(&c.desc) } else { &c.desc };
        (format!(" {} ", c.keys), format!(" {desc}  "))
    };
    // The width of a line of chips; the two spaces after the last one
    // may fall off the end.
    let w = |line: &[(String, String)]| -> usize {
        let sum: usize = line
            .iter()
            .map(|(k, d)| crate::text::width(k) + crate::text::width(d))
            .sum();
        sum.saturating_sub(2)
    };
    let mut lines: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for chip in chips {
        let pair = text(chip);
        let last = lines.last_mut().expect("one line at least");
        last.push(pair);
        if w(last) > cells && last.len() > 1 {
            let pair = last.pop().expect("just pushed");
            if lines.len() == 2 {
                if all {
                    return None;
                }
                break;
            }
            lines.push(vec![pair]);
        }
    }
    if let Some(more) = more {
        let pair = text(more);
        let mut placed = false;
        while !placed {
            let n = lines.len();
            let last = lines.last_mut().expect("one line at least");
            last.push(pair.clone());
            if w(last) <= cells || last.len() == 1 {
                placed = true;
            } else if n < 2 {
                last.pop();
                lines.push(Vec::new());
            } else if all {
                return None;
            } else {
                // Make room: the least important chip of the line goes.
                last.pop();
                last.pop();
            }
        }
    }
    Some(
        lines
            .into_iter()
            .map(|line| {
                Line::from(
                    line.into_iter()
                        .flat_map(|(k, d)| {
                            [
                                ratatui::text::Span::styled(k, Style::new().black().on_gray()),
                                ratatui::text::Span::raw(d),
                            ]
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect(),
    )
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
    fn shorten_cuts_by_display_width_with_two_dots() {
        assert_eq!(shorten("柏云飞", 6), "柏云飞");
        assert_eq!(shorten("欧阳明远晓岚秋实", 8), "欧阳明..");
        assert_eq!(shorten("欧阳明远晓岚秋实", 7), "欧阳.. ");
        assert_eq!(shorten("abcdef", 4), "ab..");
        assert_eq!(shorten("abcdef", 1), ".");
        assert_eq!(shorten("abcdef", 0), "");
    }

    #[test]
    fn a_crowded_footer_shortens_then_drops_the_last_chips_and_keeps_more() {
        let chip = |k: &str, d: &str| Chip {
            keys: k.into(),
            desc: d.into(),
        };
        let chips = [
            chip("1", "one (first)"),
            chip("2", "two"),
            chip("3", "three"),
        ];
        let more = chip("?", "more");
        let text = |lines: Vec<Line>| -> Vec<String> {
            lines
                .iter()
                .map(|l| l.to_string().trim_end().to_string())
                .collect()
        };
        let wide = text(footer(&chips, Some(&more), 60));
        assert_eq!(wide, [" 1  one (first)   2  two   3  three   ?  more"]);
        // 2 lines of 16 cells: brackets go, then "3 three", never "? more".
        let narrow = text(footer(&chips, Some(&more), 16));
        assert_eq!(narrow, [" 1  one   2  two", " ?  more"]);
    }

    #[test]
    fn marks_contrast_in_the_xterm_palette() {
        for c in [
            Color::Green,
            Color::Blue,
            Color::Yellow,
            Color::Red,
            Color::Magenta,
        ] {
            let s = mark_style(c);
            let ratio = contrast(xterm_rgb(s.fg.unwrap()).unwrap(), xterm_rgb(c).unwrap());
            assert!(ratio >= 4.5, "{c:?}: {ratio}");
        }
    }

    /// The contrast formula against WCAG's own reference points, so that
    /// the contrast tests that rely on it check the colours, not a slip
    /// in the formula.
    #[test]
    fn contrast_meets_the_wcag_reference_values() {
        let black = (0, 0, 0);
        let white = (255, 255, 255);
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #777777 on white is WCAG's well-known 4.48:1, just short of AA.
        let grey = contrast((0x77, 0x77, 0x77), white);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
    }

    #[test]
    fn a_character_wider_than_the_area_ends_the_wrap() {
        assert!(wrap_cells("测", 1, Breaks::Spaces).is_empty());
        assert!(wrap_cells("测", 1, Breaks::Anywhere).is_empty());
    }

    #[test]
    fn a_line_break_starts_a_new_line_and_never_reaches_a_cell() {
        assert_eq!(
            wrap_cells("第一段有实招\r\n第二段", 40, Breaks::Spaces),
            ["第一段有实招", "第二段"]
        );
        let long = wrap_cells("一二三四五\n六", 6, Breaks::Anywhere);
        assert_eq!(long, ["一二三", "四五", "六"]);
        assert!(long.iter().all(|l| !l.contains(['\n', '\r'])));
    }
}
