//! Ballot entry, ballot by ballot (唱票): the grid of the ballot being
//! keyed (people in ballot order, grades as columns headed by their keys,
//! each row's label beside its number as on the paper form), scrolled to
//! keep the row being keyed in sight; the recent ballots beside it, the
//! running results below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::scale;
use super::widgets::{column_width, grade_color, mark_style, shorten};
use crate::app::draft::row_label;
use crate::app::{App, Draft, MeetingView};
use crate::catalog::{Msg, t};
use crate::domain::{BallotContent, Mark, Round};
use crate::text::width;

/// A ballot in one short ASCII line, as keyed: grade numbers (1 = best),
/// 0 for a blank, - for a void mark.
pub fn compact(content: &BallotContent) -> String {
    match content {
        BallotContent::Marks(marks) => marks
            .iter()
            .map(|m| match m {
                Mark::Grade(g) => char::from_digit(u32::from(*g) + 1, 10).unwrap_or('?'),
                Mark::Abstain => '0',
                Mark::Void => '-',
            })
            .collect(),
        BallotContent::Blank => t(Msg::BlankBallots).into(),
        BallotContent::Invalid => t(Msg::InvalidBallots).into(),
    }
}

/// Below this the recent ballots are left out, for the grid.
const RECENT_MIN: u16 = 14;
/// The names keep at least this many cells before the recent ballots
/// get any.
const NAME_MIN: u16 = 8;

pub fn draw(frame: &mut Frame, app: &App, view: &MeetingView, area: Rect) {
    let Some(round) = app.current_round() else {
        return;
    };
    let scale = scale(app, &view.key);
    let grid_h = round.lines.len() as u16 + 4;
    let [top, bottom] = Layout::vertical([
        Constraint::Length(grid_h.min(area.height / 2 + 3)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let cols = GridCols::new(round, &scale, top.width);
    let [grid_area, recent_area] =
        Layout::horizontal([Constraint::Length(cols.grid_w), Constraint::Fill(1)]).areas(top);
    draw_grid(frame, round, &scale, &view.draft, &cols, grid_area);
    if recent_area.width > 0 {
        draw_recent(frame, round, recent_area);
    }
    let block = Block::bordered().title(t(Msg::Results));
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    super::results::draw(frame, app.model(), round, &scale, inner);
}

/// The frame of the ballot being keyed: its number, or the one being
/// corrected (in yellow); a ballot marked 废票 says so in its title; at
/// the bottom, how many people are scrolled out of sight above and below.
fn grid_block(draft: &Draft, round: &Round, above: usize, below: usize) -> Block<'static> {
    let title = match draft.correcting {
        Some(n) => Msg::Correcting.fill(&[&n]),
        None => Msg::Draft.fill(&[&(round.ballots.len() + 1)]),
    };
    let mut block = Block::bordered().title(title);
    if draft.invalid {
        block = block.title(
            Line::from(format!(" {} ", t(Msg::DraftInvalid)))
                .red()
                .bold()
                .reversed(),
        );
    }
    if draft.correcting.is_some() {
        block = block.border_style(Style::new().yellow());
    }
    let more = [(above, Msg::GridMoreAbove), (below, Msg::GridMoreBelow)]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, m)| m.fill(&[&n]))
        .collect::<Vec<_>>();
    if !more.is_empty() {
        let text = format!(" {} ", more.join(" / "));
        block = block.title_bottom(Line::from(text).yellow().bold());
    }
    block
}

/// The grid's columns at a width: the row label with 序号, the names, and
/// a column per grade, blank and void. In full, each headed by its key
/// and label ("1 优秀") over marks in brackets ("[优秀]"); when that
/// leaves the names too little room, by the key alone ("1" over "[1]").
/// The names take what is left and are shortened, never the marks.
struct GridCols {
    compact: bool,
    label_w: u16,
    name_w: u16,
    grid_w: u16,
}

impl GridCols {
    fn new(round: &Round, scale: &[String], w: u16) -> GridCols {
        let n = round.lines.len();
        let label_w = (width(&row_label(n.saturating_sub(1))) + 1 + n.to_string().len()) as u16;
        let names = column_width(
            round.lines.iter().map(|l| l.name.as_str()),
            width(t(Msg::Name)),
        );
        // Borders, the spaces between columns, the label column.
        let frame = 2 + (scale.len() as u16 + 3) + label_w;
        let marks = |compact| -> u16 { mark_columns(scale, compact).iter().map(|c| c.2).sum() };
        let name_need = names.min(NAME_MIN);
        let compact = w < frame + marks(false) + name_need;
        let fixed = frame + marks(compact);
        let grid_w = if w >= fixed + name_need + RECENT_MIN {
            (fixed + names).max(w * 3 / 4).min(w - RECENT_MIN)
        } else {
            w
        };
        GridCols {
            compact,
            label_w,
            name_w: grid_w.saturating_sub(fixed).min(names),
            grid_w,
        }
    }
}

/// The mark columns: the key, the label shown when marked, and the width
/// (see [`GridCols`]).
fn mark_columns(scale: &[String], compact: bool) -> Vec<(String, String, u16)> {
    let mut cols: Vec<(String, String)> = scale
        .iter()
        .enumerate()
        .map(|(g, label)| ((g + 1).to_string(), label.clone()))
        .collect();
    cols.push(("0".into(), t(Msg::Abstain).into()));
    cols.push(("-".into(), t(Msg::VoidMarks).into()));
    cols.into_iter()
        .map(|(key, label)| {
            let shown = if compact { key.clone() } else { label.clone() };
            let w = if compact {
                3
            } else {
                width(&format!("{key} {label}")).max(width(&label) + 2)
            };
            (key, shown, w as u16)
        })
        .collect()
}

/// The rows shown: from `offset`, `shown` of them. The cursor row is
/// always among them, with the row after it when there is one (the next
/// grade goes there).
fn scroll(rows: usize, cursor: usize, shown: usize) -> usize {
    if rows <= shown || shown == 0 {
        return 0;
    }
    let offset = (cursor + 2).saturating_sub(shown).min(rows - shown);
    offset.min(cursor)
}

/// The ballot being keyed: a row per person with its label and 序号, a
/// column per grade, then blank and void; the cursor row shaded and kept
/// in sight.
fn draw_grid(
    frame: &mut Frame,
    round: &Round,
    scale: &[String],
    draft: &Draft,
    cols: &GridCols,
    area: Rect,
) {
    let marks = mark_columns(scale, cols.compact);
    let mut header = vec![Cell::from(""), Cell::from(t(Msg::Name))];
    header.extend(marks.iter().enumerate().map(|(i, (key, shown, _))| {
        let color = match i {
            g if g < scale.len() => Style::new().fg(grade_color(g, scale.len())),
            _ => Style::new(),
        };
        let mut spans = vec![Span::raw(key.clone()).bold()];
        if !cols.compact {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(shown.clone(), color));
        }
        Cell::from(Line::from(spans))
    }));
    let mut widths = vec![
        Constraint::Length(cols.label_w),
        Constraint::Length(cols.name_w),
    ];
    widths.extend(marks.iter().map(|c| Constraint::Length(c.2)));
    let n = round.lines.len();
    let shown = usize::from(area.height.saturating_sub(3));
    let offset = scroll(n, draft.cursor, shown);
    let end = (offset + shown).min(n);
    let label_w = usize::from(cols.label_w) - n.to_string().len() - 1;
    let rows = round.lines[offset..end]
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let i = offset + k;
            let name = shorten(&line.name, usize::from(cols.name_w));
            grid_row(i, label_w, n, name, &marks, scale.len(), draft)
        });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).bold())
            .column_spacing(1)
            .block(grid_block(draft, round, offset, n - end)),
        area,
    );
}

/// Row `i`: its label and, beside it, the paper form's 序号 (i + 1,
/// right-aligned), so that a caller's "3号" is found at a glance; the
/// name; a cell per grade, blank and void, a mark as a coloured block.
fn grid_row(
    i: usize,
    label_w: usize,
    rows: usize,
    name: String,
    marks: &[(String, String, u16)],
    grades: usize,
    draft: &Draft,
) -> Row<'static> {
    let mark = draft.marks.get(i).copied().flatten();
    let numbers = rows.to_string().len();
    let mut cells = vec![
        Cell::from(Line::from(vec![
            Span::raw(format!("{:<label_w$}", row_label(i))).bold(),
            Span::raw(format!(" {:>numbers$}", i + 1)),
        ])),
        Cell::from(name),
    ];
    cells.extend(marks.iter().enumerate().map(|(c, (_, shown, _))| {
        let (this, bg) = match c {
            g if g < grades => (Mark::Grade(g as u8), grade_color(g, grades)),
            g if g == grades => (Mark::Abstain, Color::Gray),
            _ => (Mark::Void, Color::Magenta),
        };
        if mark == Some(this) && !draft.invalid {
            Cell::from(format!("[{shown}]")).style(mark_style(bg))
        } else {
            Cell::from(" .").dim()
        }
    }));
    let row = Row::new(cells);
    if i == draft.cursor {
        // White on grey whatever the terminal's own colours.
        row.style(Style::new().white().on_dark_gray())
    } else {
        row
    }
}

/// The latest ballots, newest first; withdrawn and set-aside ones struck
/// through, with why.
fn draw_recent(frame: &mut Frame, round: &Round, area: Rect) {
    let inner_h = area.height.saturating_sub(2) as usize;
    let lines: Vec<Line> = round
        .ballots
        .iter()
        .enumerate()
        .rev()
        .take(inner_h)
        .map(|(i, b)| {
            let text = format!("#{:<4} {}", i + 1, compact(&b.content));
            if !b.counts() {
                let why = t(if b.discarded {
                    Msg::SetAside
                } else {
                    Msg::Withdrawn
                });
                Line::from(vec![
                    Span::raw(text).dim().crossed_out(),
                    Span::raw(format!(" {why}")).dim(),
                ])
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(t(Msg::Recent))),
        area,
    );
}
