//! The help screen, generated from the current mode's keymap: it cannot
//! disagree with the keys that really work. Ballot entry adds how the
//! row labels past the 22nd person are keyed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::widgets::{Breaks, wrap_cells};
use crate::app::App;
use crate::app::keymap::{self, Mode};
use crate::catalog::{Msg, t};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    draw_mode(frame, app.mode(), area);
}

/// The help of `mode` (the meeting screen's or the start screen's).
pub fn draw_mode(frame: &mut Frame, mode: Mode, area: Rect) {
    let bindings = keymap::bindings(mode);
    let key_w = bindings.iter().map(|b| width(b.keys)).max().unwrap_or(4) as u16;
    let desc_w = bindings
        .iter()
        .map(|b| width(b.desc.text()))
        .max()
        .unwrap_or(10) as u16;
    // Wide enough for the title too: it says how to close the help.
    let w = (key_w + desc_w + 5)
        .max(width(t(Msg::HelpTitle)) as u16 + 2)
        .min(area.width);
    let note: Vec<String> = match mode {
        Mode::Ballots => wrap_cells(
            t(Msg::HelpRowLabels),
            usize::from(w.saturating_sub(2)),
            Breaks::Spaces,
        ),
        _ => Vec::new(),
    };
    let h = bindings.len() as u16 + 2 + note.len() as u16;
    let popup = super::widgets::centered(area, w, h);
    super::widgets::clear_popup(frame, popup);
    let block = Block::bordered()
        .title(t(Msg::HelpTitle))
        .border_style(Style::new().cyan());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [keys, below] = Layout::vertical([
        Constraint::Length(bindings.len() as u16),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let rows = bindings
        .iter()
        .map(|b| Row::new(vec![b.keys.to_string(), b.desc.text().to_string()]));
    frame.render_widget(
        Table::new(rows, [Constraint::Length(key_w), Constraint::Fill(1)])
            .column_spacing(2)
            .style(Style::new().bold()),
        keys,
    );
    let note: Vec<Line> = note.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(note), below);
}
