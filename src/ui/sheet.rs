//! The tally-sheet screen: keying the counter's sheet (pass 1, then a
//! blind pass 2), then the cells where the passes differ, marked, until
//! each is resolved from the paper.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::scale;
use crate::app::App;
use crate::app::sheet_edit::{SheetEdit, SheetStage};
use crate::catalog::{Msg, t};
use crate::domain::sheet::row_total;
use crate::domain::{MeetingKey, Round, SheetCell, SheetProblem};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, key: &MeetingKey, edit: &SheetEdit, area: Rect) {
    let Some(round) = app.current_round() else {
        return;
    };
    let mut title = match edit.stage {
        SheetStage::Pass(p) => Msg::SheetPass.fill(&[&p]),
        SheetStage::Resolve => t(Msg::SheetResolve).to_string(),
        SheetStage::Done => t(Msg::SheetAgreed).to_string(),
    };
    if let Some(k) = &edit.keyer {
        title = format!("{title}  {}", Msg::SheetKeyer.fill(&[k]));
    }
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let problems = match edit.stage {
        SheetStage::Done => Vec::new(),
        _ => edit.problems(round.returned),
    };
    let foot_h = if edit.stage == SheetStage::Done {
        1
    } else {
        (problems.len().min(4) + usize::from(!problems.is_empty())) as u16
    };
    let [head, grid, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(foot_h),
    ])
    .areas(inner);
    let valid = round
        .returned
        .and_then(|r| r.checked_sub(edit.sheet.invalid));
    draw_head(frame, edit, round, valid, head);
    draw_grid(frame, &scale(app, key), edit, round, valid, grid);
    draw_problems(frame, app, key, edit, round, &problems, foot);
}

fn num(n: Option<u32>) -> String {
    n.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// A cell's text and style. In resolving, a disputed cell shows both
/// passes until it is keyed again; pass 2 never shows pass 1 (blind).
fn cell_text(edit: &SheetEdit, round: &Round, cell: SheetCell) -> (String, Style) {
    let mut style = Style::default();
    let mut text = edit.sheet.get(cell).to_string();
    if edit.disputed.contains(&cell) {
        style = style.red().bold();
        if let ([Some(a), Some(b)], false) = (&round.sheets, edit.rekeyed.contains(&cell)) {
            text = format!("{}/{}", a.get(cell), b.get(cell));
        }
    }
    if edit.cell() == Some(cell) {
        style = style.reversed();
    }
    (text, style)
}

/// 收回, the invalid and blank ballots (cells), and what is left valid;
/// under it, the rule for blank ballots.
fn draw_head(frame: &mut Frame, edit: &SheetEdit, round: &Round, valid: Option<u32>, area: Rect) {
    let mut spans = vec![Span::raw(format!(
        "{} {}    ",
        t(Msg::Returned),
        num(round.returned)
    ))];
    for (label, cell) in [
        (Msg::InvalidBallots, SheetCell::Invalid),
        (Msg::BlankBallots, SheetCell::Blank),
    ] {
        let (text, style) = cell_text(edit, round, cell);
        spans.push(Span::raw(format!("{} ", t(label))));
        spans.push(Span::styled(format!(" {text} "), style));
        spans.push(Span::raw("    "));
    }
    spans.push(Span::raw(format!("{} {}", t(Msg::Valid), num(valid))).bold());
    let rule = Line::from(t(Msg::SheetBlankRule)).dim();
    frame.render_widget(Paragraph::new(vec![Line::from(spans), rule]), area);
}

/// The rows of the sheet that fit `area` under its header, keeping the
/// row being typed in sight; when not all fit, the last line of `area`
/// says how many are above and below, and the rest is returned.
fn sheet_window(edit: &SheetEdit, people: usize, area: Rect) -> (std::ops::Range<usize>, Rect) {
    let room = usize::from(area.height.saturating_sub(1));
    if people <= room {
        return (0..people, area);
    }
    let room = room.saturating_sub(1).max(1);
    let row = match edit.cell() {
        Some(SheetCell::Count(r, _)) => r,
        _ => 0,
    };
    let start = (row + 1)
        .saturating_sub(room)
        .min(people - room.min(people));
    let shown = start..(start + room).min(people);
    (
        shown,
        Rect {
            height: area.height - 1,
            ..area
        },
    )
}

/// A row per person: the counts per grade, blank and void, the row's
/// total (green when it is the valid ballots) and what it must be.
fn draw_grid(
    frame: &mut Frame,
    scale: &[String],
    edit: &SheetEdit,
    round: &Round,
    valid: Option<u32>,
    area: Rect,
) {
    let tail = [
        Msg::Abstain,
        Msg::VoidMarks,
        Msg::SheetTotal,
        Msg::SheetMustBe,
    ];
    let mut header = vec![Cell::from(t(Msg::Name))];
    header.extend(super::widgets::grade_headers(scale));
    header.extend(tail.map(|m| Cell::from(t(m))));
    let counts: Vec<u16> = scale
        .iter()
        .map(|g| width(g).max(7) as u16)
        .chain(tail.map(|m| width(t(m)).max(7) as u16))
        .collect();
    // The names take what the counts leave, shortened: a long name never
    // pushes 总计 and 应为 off the sheet.
    let fixed: u16 = counts.iter().map(|w| w + 1).sum();
    let name_w = super::widgets::column_width(round.lines.iter().map(|l| l.name.as_str()), 4)
        .min(area.width.saturating_sub(fixed).max(4));
    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(counts.into_iter().map(Constraint::Length));
    let (shown, area) = sheet_window(edit, round.lines.len(), area);
    let rows = round
        .lines
        .iter()
        .enumerate()
        .skip(shown.start)
        .take(shown.len())
        .map(|(r, line)| {
            let name = super::widgets::shorten(&line.name, usize::from(name_w));
            let mut cells = vec![Cell::from(name)];
            for c in 0..scale.len() + 2 {
                let (text, style) = cell_text(edit, round, SheetCell::Count(r, c));
                cells.push(Cell::from(text).style(style));
            }
            let total = edit.sheet.rows.get(r).map_or(0, |row| row_total(row));
            let ok = valid.is_some_and(|v| u64::from(v) == total);
            let style = if ok {
                Style::new().green()
            } else {
                Style::new().red().bold()
            };
            cells.push(Cell::from(total.to_string()).style(style));
            cells.push(Cell::from(num(valid)).dim());
            Row::new(cells)
        });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).bold())
            .column_spacing(1),
        area,
    );
    let (above, below) = (shown.start, round.lines.len() - shown.end);
    if above + below > 0 {
        let more: Vec<String> = [(above, Msg::GridMoreAbove), (below, Msg::GridMoreBelow)]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, m)| m.fill(&[&n]))
            .collect();
        let line = Rect {
            y: area.bottom(),
            height: 1,
            ..area
        };
        frame.render_widget(Line::from(more.join(" / ")).yellow().bold(), line);
    }
}

/// Under the grid: the sheet accepted, or its first problems, one line
/// each.
fn draw_problems(
    frame: &mut Frame,
    app: &App,
    key: &MeetingKey,
    edit: &SheetEdit,
    round: &Round,
    problems: &[SheetProblem],
    area: Rect,
) {
    let width_cells = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    if edit.stage == SheetStage::Done {
        lines.push(Line::from(t(Msg::SheetDone)).green());
    } else if !problems.is_empty() {
        lines.push(
            Line::from(Msg::SheetProblems.fill(&[&problems.len()]))
                .red()
                .bold(),
        );
        for p in problems.iter().take(4) {
            let name = p
                .row()
                .and_then(|r| round.lines.get(r))
                .map(|l| l.name.as_str());
            let column = match p {
                SheetProblem::OverReturned {
                    cell: SheetCell::Count(_, c),
                    ..
                } => app.model().column_label(key.meeting, *c),
                _ => None,
            };
            let text = format!("- {}", p.message(name, column.as_deref()));
            if let Some(first) =
                super::widgets::wrap_cells(&text, width_cells, super::widgets::Breaks::Spaces)
                    .into_iter()
                    .next()
            {
                lines.push(Line::from(first).red());
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The questions of the counting prompts (tally sheet, switching method,
/// a ballot beyond 收回).
pub fn question(app: &App, kind: &crate::app::PromptKind) -> String {
    use crate::app::PromptKind as P;
    let round = app.current_round();
    match kind {
        P::Keyer(p) => Msg::PromptKeyer.fill(&[p]),
        P::ConfirmNeither(cell) => {
            let (Some(r), Some(edit)) = (round, app.sheet()) else {
                return String::new();
            };
            let [Some(a), Some(b)] = &r.sheets else {
                return String::new();
            };
            let what = cell_name(app, r, *cell);
            Msg::PromptNeither.fill(&[&what, &edit.sheet.get(*cell), &a.get(*cell), &b.get(*cell)])
        }
        P::DiscardSheet(crate::domain::SheetDiscard::Second) => t(Msg::PromptDiscardSecond).into(),
        P::DiscardSheet(_) if matches!(app.screen, crate::app::Screen::Sheet(..)) => {
            t(Msg::PromptDiscardAll).into()
        }
        P::DiscardSheet(_) => t(Msg::PromptDiscardSheetFirst).into(),
        P::DiscardBallots(n) => Msg::PromptDiscardBallots.fill(&[n]),
        P::ConfirmOverReturned(_) => {
            let Some(r) = round else {
                return String::new();
            };
            let entered = app.model().tally(r).entered;
            let returned = r
                .returned
                .map_or_else(|| t(Msg::NotKeyed).to_string(), |n| n.to_string());
            Msg::PromptOverReturned.fill(&[&entered, &returned, &(r.ballots.len() + 1)])
        }
        _ => String::new(),
    }
}

/// A tally cell as the liaison reads it: "蒋丽的称职", "废票".
pub fn cell_name(app: &App, round: &crate::domain::Round, cell: SheetCell) -> String {
    match cell {
        SheetCell::Invalid => t(Msg::InvalidBallots).into(),
        SheetCell::Blank => t(Msg::BlankBallots).into(),
        SheetCell::Count(r, c) => {
            let name = round.lines.get(r).map_or("", |l| l.name.as_str());
            let column = app.model().column_label(round.key.meeting, c);
            format!("{name} {}", column.unwrap_or_default())
        }
    }
}
