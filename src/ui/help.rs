//! The help screen, generated from the current mode's keymap: it cannot
//! disagree with the keys that really work.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Row, Table};

use crate::app::{App, keymap};
use crate::catalog::{Msg, t};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let bindings = keymap::bindings(app.mode());
    let key_w = bindings.iter().map(|b| width(b.keys)).max().unwrap_or(4) as u16;
    let desc_w = bindings
        .iter()
        .map(|b| width(b.desc.text()))
        .max()
        .unwrap_or(10) as u16;
    // Wide enough for the title too: it says how to close the help.
    let w = (key_w + desc_w + 5).max(width(t(Msg::HelpTitle)) as u16 + 2);
    let popup = super::widgets::centered(area, w, bindings.len() as u16 + 2);
    super::widgets::clear_popup(frame, popup);
    let rows = bindings
        .iter()
        .map(|b| Row::new(vec![b.keys.to_string(), b.desc.text().to_string()]));
    frame.render_widget(
        Table::new(rows, [Constraint::Length(key_w), Constraint::Fill(1)])
            .column_spacing(2)
            .block(
                Block::bordered()
                    .title(t(Msg::HelpTitle))
                    .border_style(Style::new().cyan()),
            )
            .style(Style::new().bold()),
        popup,
    );
}
