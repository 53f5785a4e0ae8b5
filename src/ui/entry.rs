//! Typing an answer: a one-line answer on the bottom line, after its
//! question; a text (a comment, a reason) in a box over the lower part of
//! the screen, wrapped by display width; a form (the rectification entry)
//! as labelled fields, one of them being typed in. The editor is
//! `ratatui-textarea`'s; its cursor is a reversed cell.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::widgets::{Breaks, clear_popup, wrap_cells};
use crate::app::{App, Prompt, Shape, Status, TextInput};
use crate::catalog::{Msg, t};

/// The editor as drawn: `suggested` shows the whole text selected (typing
/// replaces it); `focused` shows the cursor.
fn editor(
    input: &TextInput,
    suggested: bool,
    focused: bool,
) -> ratatui_textarea::TextArea<'static> {
    let mut area = input.area().clone();
    area.set_style(if suggested {
        Style::new().reversed()
    } else {
        Style::new()
    });
    area.set_cursor_style(if focused {
        Style::new().reversed()
    } else {
        Style::new()
    });
    area
}

/// A one-line answer: the question, the answer being typed, and the
/// reason the last answer was refused, on the bottom line.
pub fn draw_line(frame: &mut Frame, app: &App, p: &Prompt, question: &str, area: Rect) {
    let width = usize::from(area.width);
    // An answer keeps at least a dozen cells: a question longer than the
    // rest is cut (the questions asked on one line are short). A yes/no
    // question is only drawn here when it fits whole.
    let keep = if p.kind.shape() == Shape::Confirm {
        0
    } else {
        13
    };
    let (question, _) = crate::text::split_at_width(question, width.saturating_sub(keep));
    let q_cells = crate::text::width(question) as u16 + 1;
    let typed = crate::text::width(&p.input().text()) as u16 + 1;
    let rest = area.width.saturating_sub(q_cells);
    let input_cells = typed.min(rest);
    let [q, input, error] = Layout::horizontal([
        Constraint::Length(q_cells),
        Constraint::Length(input_cells),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Span::styled(question.to_string(), Style::new().yellow().bold()),
        q,
    );
    frame.render_widget(&editor(p.input(), p.suggested, true), input);
    if let Some(Status::Error(e)) = &app.status {
        frame.render_widget(Span::styled(format!("  {e}"), Style::new().red()), error);
    }
}

/// A text or a form, in a box at the bottom of `body`; the bottom line
/// (`status`) says why the last answer was refused (the footer has the keys).
pub fn draw_box(
    frame: &mut Frame,
    app: &App,
    p: &Prompt,
    question: &str,
    body: Rect,
    status: Rect,
) {
    let inner_cells = usize::from(body.width.saturating_sub(2));
    let question: Vec<Line> = wrap_cells(question, inner_cells, Breaks::Anywhere)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, Style::new().yellow().bold())))
        .collect();
    let fields = match p.kind.shape() {
        Shape::Form(_) => FORM_ROWS,
        Shape::Confirm => 0,
        _ => TEXT_ROWS,
    };
    let height = (question.len() as u16 + fields + 2).min(body.height);
    let area = Rect {
        y: body.bottom() - height,
        height,
        ..body
    };
    clear_popup(frame, area);
    let block = Block::bordered().border_style(Style::new().yellow());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [q, typing] = Layout::vertical([
        Constraint::Length(question.len() as u16),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(question), q);
    match p.kind.shape() {
        Shape::Form(_) => draw_form(frame, p, typing),
        Shape::Confirm => {}
        _ => frame.render_widget(&editor(p.input(), p.suggested, true), typing),
    }
    if let Some(Status::Error(e)) = &app.status {
        frame.render_widget(
            Line::from(Span::styled(e.clone(), Style::new().red().bold())),
            status,
        );
    }
}

/// Rows for a text: enough for a paragraph, scrolling beyond.
const TEXT_ROWS: u16 = 5;
/// Rows for the rectification form: two for problems and measures, one
/// for the deadline and the one responsible.
const FORM_ROWS: u16 = 6;

/// The deadline's place in the rectification form.
const DEADLINE: usize = 2;

/// The rectification form: each field's label on the left (the one being
/// typed in highlighted), its text on the right.
fn draw_form(frame: &mut Frame, p: &Prompt, area: Rect) {
    let labels = [
        t(Msg::RectProblems),
        t(Msg::RectMeasures),
        t(Msg::RectDeadline),
        t(Msg::RectResponsible),
    ];
    let label_cells = labels
        .iter()
        .map(|l| crate::text::width(l) as u16)
        .max()
        .unwrap_or(0)
        + 2;
    let rows = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .split(area);
    for (i, (label, row)) in labels.iter().zip(rows.iter()).enumerate() {
        let [l, field] =
            Layout::horizontal([Constraint::Length(label_cells), Constraint::Fill(1)]).areas(*row);
        let focused = i == p.focus;
        let style = if focused {
            Style::new().black().on_yellow().bold()
        } else {
            Style::new().bold()
        };
        frame.render_widget(Line::from(Span::styled(format!("{label} "), style)), l);
        if let Some(input) = p.fields.get(i) {
            let mut editor = editor(input, false, focused);
            if i == DEADLINE {
                editor.set_placeholder_text(t(Msg::DatePlaceholder));
            }
            frame.render_widget(&editor, field);
        }
    }
}
