//! The tally-sheet screen: keying the counter's sheet (pass 1, then a
//! blind pass 2), then the cells where the passes differ, marked, until
//! each is resolved from the paper.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::scale;
use crate::app::App;
use crate::app::sheet_edit::SheetStage;
use crate::catalog::{Msg, t};
use crate::domain::{MeetingKey, SheetCell};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, key: &MeetingKey, area: Rect) {
    let (Some(edit), Some(round)) = (&app.sheet, app.current_round()) else {
        return;
    };
    let scale = scale(app, key);
    let title = match edit.stage {
        SheetStage::Pass(p) => Msg::SheetPass.fill(&[&p]),
        SheetStage::Resolve => t(Msg::SheetResolve).to_string(),
        SheetStage::Done => t(Msg::SheetAgreed).to_string(),
    };
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, grid] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);

    let passes = &round.sheets;
    // In resolving, a disputed cell shows both passes until it is keyed.
    let cell_text = |cell: SheetCell| -> (String, Style) {
        let here = edit.cell() == Some(cell);
        let value = edit.sheet.get(cell).to_string();
        let mut style = Style::default();
        let mut text = value;
        if edit.disputed.contains(&cell) {
            style = style.red().bold();
            if let ([Some(a), Some(b)], true) = (passes, here && edit.fresh) {
                text = format!("{}/{}", a.get(cell), b.get(cell));
            }
        }
        if here {
            style = style.reversed();
        }
        (text, style)
    };
    let header_cells = [
        (Msg::InvalidBallots, SheetCell::Invalid),
        (Msg::BlankBallots, SheetCell::Blank),
    ];
    let mut spans = Vec::new();
    for (label, cell) in header_cells {
        let (text, style) = cell_text(cell);
        spans.push(ratatui::text::Span::raw(format!("{} ", t(label))));
        spans.push(ratatui::text::Span::styled(format!(" {text} "), style));
        spans.push(ratatui::text::Span::raw("    "));
    }
    spans.push(ratatui::text::Span::raw(format!(
        "{} {}",
        t(Msg::Entered),
        edit.sheet.ballots()
    )));
    frame.render_widget(Paragraph::new(Line::from(spans)), head);

    let name_w = super::column_width(round.lines.iter().map(|l| l.name.as_str()), 4);
    let mut header = vec![Cell::from(t(Msg::Name))];
    header.extend(super::grade_headers(&scale));
    header.extend([
        Cell::from(t(Msg::Abstain)),
        Cell::from(t(Msg::VoidMarks)),
        Cell::from("="),
    ]);
    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(
        scale
            .iter()
            .map(|g| Constraint::Length(width(g).max(7) as u16)),
    );
    widths.extend([
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(6),
    ]);
    let rows = round.lines.iter().enumerate().map(|(r, line)| {
        let mut cells = vec![Cell::from(line.name.clone())];
        for c in 0..scale.len() + 2 {
            let (text, style) = cell_text(SheetCell::Count(r, c));
            cells.push(Cell::from(text).style(style));
        }
        let total: u32 = edit
            .sheet
            .rows
            .get(r)
            .map(|row| row.iter().sum())
            .unwrap_or(0);
        cells.push(Cell::from(total.to_string()).dim());
        Row::new(cells)
    });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).bold())
            .column_spacing(1),
        grid,
    );
}
