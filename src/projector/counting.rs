//! Counting, results and close on the projector: the ballots entered of
//! those returned (a gauge, and big digits), then per person the running
//! count of each grade, as big digits with a bar split by grade when the
//! window is large enough, else as a table of bold numbers with bars.
//! While results are hidden (`h`) and the round is open, only the progress
//! shows. A closed round shows its fingerprint, big.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::digits::{self, Scale};
use super::view::{ACCENT, DIM, FG, bright, centered_text};
use crate::catalog::{Msg, t};
use crate::domain::{Model, Round, RoundStatus, Tally, TallySource};
use crate::text::{pad_left, truncate, width};
use crate::ui::results::gauge;
use crate::ui::widgets::grade_color;

/// Columns between the grade columns.
const COL_GAP: u16 = 3;

/// How the people's counts are laid out.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Big digits at this scale, `gap` blank rows between people.
    Big { scale: Scale, gap: u16 },
    /// One text row a person, `gap` blank rows between.
    Compact { gap: u16 },
}

/// What the count table needs to know about its columns.
struct Table<'a> {
    names: Vec<&'a str>,
    labels: &'a [String],
    tally: &'a Tally,
    /// A number as wide as the widest count can get, for stable columns.
    sample: String,
}

impl Table<'_> {
    fn name_w(&self) -> u16 {
        self.names
            .iter()
            .map(|n| width(n))
            .max()
            .unwrap_or(4)
            .max(4) as u16
            + 2
    }

    fn col_w(&self, i: usize, scale: Option<Scale>) -> u16 {
        let label = width(&self.labels[i]) as u16;
        let number = match scale {
            Some(s) => digits::width(&self.sample, s),
            None => width(&self.sample) as u16,
        };
        label.max(number)
    }

    fn cols_w(&self, scale: Option<Scale>) -> u16 {
        (0..self.labels.len())
            .map(|i| self.col_w(i, scale) + COL_GAP)
            .sum()
    }

    fn height(&self, shape: Shape) -> u16 {
        let n = self.names.len() as u16;
        let (row, gap) = match shape {
            Shape::Big { scale, gap } => (digits::height(scale) + 1, gap),
            Shape::Compact { gap } => (1, gap),
        };
        1 + n * row + n.saturating_sub(1) * gap
    }

    /// The biggest shape that fits in `w` x `h`.
    fn shape(&self, w: u16, h: u16) -> Shape {
        for scale in digits::scales(3) {
            for gap in [1, 0] {
                let shape = Shape::Big { scale, gap };
                if self.name_w() + self.cols_w(Some(scale)) <= w && self.height(shape) <= h {
                    return shape;
                }
            }
        }
        let gap = u16::from(self.height(Shape::Compact { gap: 1 }) <= h);
        Shape::Compact { gap }
    }
}

/// The big line above or beside the counts: the fingerprint once closed,
/// else the ballots entered of those returned.
struct Top {
    label: &'static str,
    text: String,
    color: Color,
}

impl Top {
    fn new(round: &Round, tally: &Tally, head: Option<&str>) -> Top {
        match head {
            Some(h) => Top {
                label: t(Msg::ProjectorFingerprint),
                text: h.to_string(),
                color: Color::LightGreen,
            },
            None => Top {
                label: t(Msg::ProjectorEnteredOfReturned),
                text: format!("{}/{}", tally.entered, returned_text(round)),
                color: FG,
            },
        }
    }

    /// Drawn by [`big_line`]; the rows used.
    fn draw(&self, buf: &mut Buffer, area: Rect, h: u16, max_y: u16) -> u16 {
        big_line(buf, area, self.label, &self.text, self.color, h, max_y)
    }
}

/// The ballots returned, or a dash before they are counted.
fn returned_text(round: &Round) -> String {
    round.returned.map_or_else(|| "-".into(), |r| r.to_string())
}

/// What both projector views of `round` start from: the meeting's grade
/// labels, the tally, and the short fingerprint once the round is closed.
fn facts<'a>(model: &Model, round: &'a Round) -> (Vec<String>, Tally, Option<&'a str>) {
    let scale = model
        .campaign
        .meeting(round.key.meeting)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default();
    let head = match &round.status {
        RoundStatus::Closed { head } => Some(crate::domain::round::short_fingerprint(head)),
        _ => None,
    };
    (scale, model.tally(round), head)
}

/// Draw the counting view of `round` into `area`.
pub fn draw(buf: &mut Buffer, model: &Model, round: &Round, hidden: bool, area: Rect) {
    let (labels, tally, head) = facts(model, round);
    let mut y = area.y;
    for (text, color) in &notes(model, round, &tally, head) {
        centered_text(buf, area, y, text, Style::new().fg(*color).bold());
        y += 1;
    }
    if y < area.bottom() {
        draw_gauge(buf, round, &tally, area, y);
        y += 2;
    }
    let rest = Rect {
        y,
        height: area.bottom().saturating_sub(y),
        ..area
    };
    let top = Top::new(round, &tally, head);
    if hidden && head.is_none() {
        let h = rest.height.saturating_sub(2);
        let y = rest.y + top.draw(buf, rest, h, 8) + 1;
        let style = Style::new().fg(ACCENT).bold();
        centered_text(buf, rest, y, t(Msg::ProjectorHidden), style);
        return;
    }
    let table = Table {
        names: round.lines.iter().map(|l| l.name.as_str()).collect(),
        labels: &labels,
        tally: &tally,
        sample: "8".repeat(
            tally
                .entered
                .max(u64::from(round.returned.unwrap_or(0)))
                .max(1)
                .to_string()
                .len(),
        ),
    };
    if !draw_side_by_side(buf, &table, &top, rest) {
        draw_stacked(buf, &table, &top, rest);
    }
}

/// Seconds a page of the announcement stays up when not everyone fits.
pub const PAGE_SECONDS: i64 = 10;

/// The announcement (公布结果) of `round`: its notes (the closing
/// fingerprint), the read-out of its numbers, then each person's counts
/// and rates in ballot order, bold and spaced out when the room allows.
/// When not everyone fits, the people are shown a page at a time, the
/// page turning every [`PAGE_SECONDS`] (`page` counts them), with a line
/// saying which page: nobody at the back of the room waits for a key.
pub fn draw_announcement(buf: &mut Buffer, model: &Model, round: &Round, area: Rect, page: u64) {
    let (scale, tally, head) = facts(model, round);
    let cells = usize::from(area.width.saturating_sub(2));
    let wrap = |text: &str| {
        crate::ui::widgets::wrap_cells(text, cells, crate::ui::widgets::Breaks::Spaces)
    };
    let mut lines: Vec<(String, Style)> = notes(model, round, &tally, head)
        .into_iter()
        .map(|(text, c)| (text, Style::new().fg(c).bold()))
        .collect();
    let (read_out, people) = crate::ui::results::announcement(model, round, &scale);
    let accent = Style::new().fg(ACCENT).bold();
    lines.extend(wrap(&read_out).into_iter().map(|l| (l, accent)));
    let body: Vec<Vec<String>> = people.iter().map(|p| wrap(p)).collect();
    let body_h: usize = body.iter().map(Vec::len).sum();
    let spaced = lines.len() + body_h + body.len() <= usize::from(area.height);
    let style = Style::new().fg(FG).bold();
    let room = usize::from(area.height).saturating_sub(lines.len());
    if body_h > room {
        // A page at a time; the last line says which.
        let pages = pages(&body, room.saturating_sub(1));
        let at = (page % pages.len() as u64) as usize;
        for person in &body[pages[at].clone()] {
            lines.extend(person.iter().map(|l| (l.clone(), style)));
        }
        let which = Msg::ProjectorPage.fill(&[&(at + 1), &pages.len(), &PAGE_SECONDS]);
        let y = area.bottom().saturating_sub(1);
        buf.set_stringn(area.x + 1, y, which, cells, Style::new().fg(DIM));
    }
    for person in body.into_iter().filter(|_| body_h <= room) {
        if spaced {
            lines.push((String::new(), style));
        }
        lines.extend(person.into_iter().map(|l| (l, style)));
    }
    for (i, (text, style)) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        // Left-aligned after the read-out: a list read line by line.
        buf.set_stringn(area.x + 1, y, text, cells, *style);
    }
}

/// The people of each page: as many whole people as fit `room` rows (at
/// least one a page, however tall).
fn pages(body: &[Vec<String>], room: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let mut end = start;
        let mut used = 0;
        while end < body.len() && (end == start || used + body[end].len() <= room) {
            used += body[end].len();
            end += 1;
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// The lines over the gauge: earlier void rounds, the closing
/// fingerprint, a pending sheet.
fn notes(model: &Model, round: &Round, tally: &Tally, head: Option<&str>) -> Vec<(String, Color)> {
    let mut notes: Vec<(String, Color)> = model
        .rounds_of(&round.key.unit, round.key.meeting)
        .filter(|old| old.status == RoundStatus::Void)
        .map(|old| (Msg::RoundVoidInfo.fill(&[&old.key.round]), ACCENT))
        .collect();
    if let Some(h) = head {
        notes.push((Msg::ProjectorClosed.fill(&[&h]), Color::LightGreen));
    }
    if tally.source == TallySource::SheetPending {
        notes.push((t(Msg::SheetPending).to_string(), ACCENT));
    }
    notes
}

/// The gauge at row `y`: entered of returned, with valid, invalid and
/// blank; red once more are entered than were returned.
fn draw_gauge(buf: &mut Buffer, round: &Round, tally: &Tally, area: Rect, y: u16) {
    let label = format!(
        " {} {} / {} {}   {} {}  {} {}  {} {}",
        t(Msg::Entered),
        tally.entered,
        t(Msg::Returned),
        returned_text(round),
        t(Msg::Valid),
        tally.valid(),
        t(Msg::InvalidBallots),
        tally.invalid,
        t(Msg::BlankBallots),
        tally.blank,
    );
    let returned = round.returned.unwrap_or(0);
    let ratio = if returned == 0 {
        0.0
    } else {
        tally.entered as f64 / f64::from(returned)
    };
    let over = round.returned.is_some() && tally.entered > u64::from(returned);
    let fill = if over {
        Color::LightRed
    } else {
        Color::LightCyan
    };
    let w = area.width.min(120);
    let line = gauge(&label, ratio, w, fill);
    buf.set_line(area.x + (area.width - w) / 2, y, &line, w);
}

/// Wide windows: big counts on the left, the big line beside them. False
/// when big counts do not fit beside it.
fn draw_side_by_side(buf: &mut Buffer, table: &Table, top: &Top, rest: Rect) -> bool {
    for scale in [Scale { x: 2, y: 1 }, Scale { x: 1, y: 1 }] {
        let side_w = digits::width(&top.text, scale).max(width(top.label) as u16) + 4;
        if rest.width <= side_w {
            continue;
        }
        let left = Rect {
            width: rest.width - side_w,
            ..rest
        };
        let shape @ Shape::Big { scale: big, gap } = table.shape(left.width, left.height) else {
            continue;
        };
        let right = Rect {
            x: left.right(),
            width: side_w,
            ..rest
        };
        let y = right.y + right.height.saturating_sub(1 + digits::height(scale)) / 2;
        let at = Rect {
            y,
            height: right.bottom() - y,
            ..right
        };
        top.draw(buf, at, at.height, 1);
        let table_h = table.height(shape).min(left.height);
        let table_area = Rect {
            y: left.y + (left.height - table_h) / 2,
            height: table_h,
            ..left
        };
        draw_big(buf, table, big, gap, table_area);
        return true;
    }
    false
}

/// The big line over the counts, when there is room for it (label, five
/// rows and a blank) beside the biggest counts that fit.
fn draw_stacked(buf: &mut Buffer, table: &Table, top: &Top, rest: Rect) {
    let top_min = 1 + digits::PIXEL_ROWS + 1;
    let with_top = table.shape(rest.width, rest.height.saturating_sub(top_min));
    let fits_with_top = table.height(with_top) + top_min <= rest.height;
    let shape = if fits_with_top || matches!(with_top, Shape::Big { .. }) {
        with_top
    } else {
        table.shape(rest.width, rest.height)
    };
    let table_h = table.height(shape).min(rest.height);
    let top_room = rest.height - table_h;
    let used = if top_room >= top_min {
        top.draw(buf, rest, top_room - 1, 4) + 1
    } else {
        0
    };
    let table_area = Rect {
        y: rest.y + used,
        height: rest.height - used,
        ..rest
    };
    match shape {
        Shape::Big { scale, gap } => draw_big(buf, table, scale, gap, table_area),
        Shape::Compact { gap } => draw_compact(buf, table, gap, table_area),
    }
}

/// A label and big text under it, in at most `h` rows of `area` at most
/// `max_y` rows a pixel; the rows used.
fn big_line(
    buf: &mut Buffer,
    area: Rect,
    label: &str,
    text: &str,
    color: Color,
    h: u16,
    max_y: u16,
) -> u16 {
    if area.height == 0 {
        return 0;
    }
    centered_text(buf, area, area.y, label, Style::new().fg(DIM));
    let h = h.min(area.height);
    let below = Rect {
        y: area.y + 1,
        height: h.saturating_sub(1),
        ..area
    };
    match digits::fit(text, area.width.saturating_sub(2), below.height, max_y) {
        Some(s) => {
            digits::render_centered(buf, below, text, s, color);
            1 + digits::height(s)
        }
        None => {
            centered_text(buf, below, below.y, text, Style::new().fg(color));
            2
        }
    }
}

/// A bar of `w` cells split by grade, on a dark track.
fn bar(buf: &mut Buffer, x: u16, y: u16, w: u16, counts: &[u64]) {
    let track = Style::new().bg(Color::DarkGray);
    for i in 0..w {
        buf[(x + i, y)].set_symbol(" ").set_style(track);
    }
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return;
    }
    let (mut acc, mut used) = (0u64, 0u16);
    for (i, &c) in counts.iter().enumerate() {
        acc += c;
        // Cumulative rounding keeps the bar exactly `w` wide.
        let end = ((acc * u64::from(w) + total / 2) / total) as u16;
        let style = Style::new().bg(bright(grade_color(i, counts.len())));
        for cx in used..end {
            buf[(x + cx, y)].set_style(style);
        }
        used = end;
    }
}

/// The grade labels over their columns, starting at `x`.
fn header(buf: &mut Buffer, table: &Table, scale: Option<Scale>, x: u16, area: Rect) {
    let mut cx = x;
    for (i, label) in table.labels.iter().enumerate() {
        let w = table.col_w(i, scale);
        let col = Rect {
            x: cx,
            width: w.min(area.right().saturating_sub(cx)),
            ..area
        };
        let style = Style::new()
            .fg(bright(grade_color(i, table.labels.len())))
            .bold();
        let text = pad_left(label, usize::from(w));
        buf.set_stringn(col.x, area.y, text, usize::from(col.width), style);
        cx = cx.saturating_add(w + COL_GAP);
        if cx >= area.right() {
            break;
        }
    }
}

/// Per person a row of big counts and a bar under them.
fn draw_big(buf: &mut Buffer, table: &Table, scale: Scale, gap: u16, area: Rect) {
    let full = table.name_w() + table.cols_w(Some(scale)) - COL_GAP;
    let x0 = area.x + area.width.saturating_sub(full) / 2;
    let cols_x = x0 + table.name_w();
    header(buf, table, Some(scale), cols_x, area);
    let digits_h = digits::height(scale);
    let grades = table.labels.len();
    for (j, (name, s)) in table.names.iter().zip(&table.tally.subjects).enumerate() {
        let y = area.y + 1 + j as u16 * (digits_h + 1 + gap);
        if y + digits_h >= area.bottom() {
            break;
        }
        let name = truncate(name, usize::from(table.name_w() - 2));
        buf.set_string(x0, y + digits_h / 2, name, Style::new().fg(FG).bold());
        let mut cx = cols_x;
        for i in 0..grades {
            let w = table.col_w(i, Some(scale));
            let text = s.counts.get(i).copied().unwrap_or(0).to_string();
            let tw = digits::width(&text, scale);
            let cell = Rect::new(cx + w.saturating_sub(tw), y, tw, digits_h);
            digits::render(buf, cell, &text, scale, bright(grade_color(i, grades)));
            cx += w + COL_GAP;
        }
        bar(buf, cols_x, y + digits_h, full - table.name_w(), &s.counts);
    }
}

/// Per person one row: name, bold counts, a bar.
fn draw_compact(buf: &mut Buffer, table: &Table, gap: u16, area: Rect) {
    let name_w = table.name_w();
    let cols = table.cols_w(None);
    let bar_w = area.width.saturating_sub(name_w + cols).min(60);
    let full = (name_w + cols + bar_w).min(area.width);
    let x0 = area.x + area.width.saturating_sub(full) / 2;
    if area.height == 0 {
        return;
    }
    header(buf, table, None, x0 + name_w, area);
    let n = table.names.len() as u16;
    let rows = area.height.saturating_sub(1);
    // Every person, or as many as fit and a line saying how many are not.
    let shown = if n * (1 + gap) <= rows + gap {
        n
    } else {
        rows.saturating_sub(1) / (1 + gap)
    };
    let grades = table.labels.len();
    for (j, (name, s)) in table
        .names
        .iter()
        .zip(&table.tally.subjects)
        .take(usize::from(shown))
        .enumerate()
    {
        let y = area.y + 1 + j as u16 * (1 + gap);
        let name = truncate(name, usize::from(name_w - 2));
        buf.set_stringn(
            x0,
            y,
            name,
            usize::from(area.width),
            Style::new().fg(FG).bold(),
        );
        let mut cx = x0 + name_w;
        for i in 0..grades {
            let w = table.col_w(i, None);
            if cx + w > area.right() {
                break;
            }
            let text = pad_left(
                &s.counts.get(i).copied().unwrap_or(0).to_string(),
                usize::from(w),
            );
            let style = Style::new().fg(bright(grade_color(i, grades))).bold();
            buf.set_string(cx, y, text, style);
            cx += w + COL_GAP;
        }
        if bar_w >= 8 {
            bar(buf, x0 + name_w + cols, y, bar_w, &s.counts);
        }
    }
    if shown < n {
        let y = area.y + 1 + shown * (1 + gap);
        let more = Msg::ProjectorMore.fill(&[&(n - shown)]);
        centered_text(buf, area, y, &more, Style::new().fg(DIM));
    }
}
