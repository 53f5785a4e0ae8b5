//! Ballot entry, ballot by ballot (唱票): the grid of the ballot being
//! keyed (people in ballot order, grades as columns, each row's key
//! letter beside its number on the paper form), the recent ballots
//! beside it, the running results below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::scale;
use super::widgets::{column_width, grade_color, grade_headers};
use crate::app::draft::row_key;
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
    let [grid_area, recent_area] =
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(1)]).areas(top);
    draw_grid(frame, round, &scale, &view.draft, grid_area);
    draw_recent(frame, round, recent_area);
    let block = Block::bordered().title(t(Msg::Results));
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    super::results::draw(frame, app.model(), round, &scale, inner);
}

/// The frame of the ballot being keyed: its number, or the one being
/// corrected (in yellow); a ballot marked 废票 says so in its title.
fn grid_block(draft: &Draft, round: &Round) -> Block<'static> {
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
    block
}

/// The ballot being keyed: a row per person with its key letter and 序号,
/// a column per grade, then blank and void; the cursor row shaded.
fn draw_grid(frame: &mut Frame, round: &Round, scale: &[String], draft: &Draft, area: Rect) {
    let name_w = column_width(round.lines.iter().map(|l| l.name.as_str()), 4);
    let mut header = vec![Cell::from(""), Cell::from(t(Msg::Name))];
    header.extend(grade_headers(scale));
    header.push(Cell::from(t(Msg::Abstain)));
    header.push(Cell::from(t(Msg::VoidMarks)));
    let numbers = round.lines.len().to_string().len();
    let mut widths = vec![
        Constraint::Length(2 + numbers as u16),
        Constraint::Length(name_w),
    ];
    widths.extend(
        scale
            .iter()
            .map(|g| Constraint::Length(width(g).max(4) as u16 + 2)),
    );
    // A marked cell shows its label in brackets: "[弃权]", "[Abstain]".
    widths.extend(
        [Msg::Abstain, Msg::VoidMarks].map(|m| Constraint::Length(width(t(m)).max(4) as u16 + 2)),
    );
    let rows = round
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| grid_row(i, numbers, &line.name, scale, draft));
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).bold())
            .column_spacing(1)
            .block(grid_block(draft, round)),
        area,
    );
}

/// Row `i`: its key letter and, beside it, the paper form's 序号 (i + 1,
/// right-aligned in `numbers` digits), so that a caller's "3号" is found
/// at a glance; the name; a cell per grade, blank and void.
fn grid_row<'a>(i: usize, numbers: usize, name: &str, scale: &[String], draft: &Draft) -> Row<'a> {
    let mark = draft.marks.get(i).copied().flatten();
    let on = |m: Mark, label: String, style: Style| {
        if mark == Some(m) && !draft.invalid {
            Cell::from(format!("[{label}]")).style(style.reversed().bold())
        } else {
            Cell::from(" .").dim()
        }
    };
    let mut cells = vec![
        Cell::from(Line::from(vec![
            Span::raw(row_key(i).map(String::from).unwrap_or_default()).bold(),
            Span::raw(format!(" {:>numbers$}", i + 1)),
        ])),
        Cell::from(name.to_string()),
    ];
    cells.extend(scale.iter().enumerate().map(|(g, label)| {
        on(
            Mark::Grade(g as u8),
            label.clone(),
            Style::new().fg(grade_color(g, scale.len())),
        )
    }));
    cells.push(on(Mark::Abstain, t(Msg::Abstain).into(), Style::new()));
    cells.push(on(
        Mark::Void,
        t(Msg::VoidMarks).into(),
        Style::new().magenta(),
    ));
    let row = Row::new(cells);
    if i == draft.cursor {
        row.style(Style::new().on_dark_gray())
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
