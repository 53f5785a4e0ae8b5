//! 街道总览, the street board: every unit's meetings with the current
//! agenda step and ballots entered of returned; the selected meeting's
//! running results beside it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};

use super::scale;
use super::widgets::column_width;
use crate::app::App;
use crate::catalog::{Msg, t};
use crate::domain::{MeetingKey, Tally};
use crate::labels::{meeting_short, step_name};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let meetings = app.meetings();
    let model = app.model();
    let unit_w = column_width(model.campaign.units.iter().map(|u| u.name.as_str()), 4);
    let meeting_w = column_width(
        crate::domain::MeetingKind::ALL.map(meeting_short),
        width(t(Msg::Meeting)),
    );
    let progress_w = column_width([t(Msg::Progress)], 7);
    // Room for the longest step names ("点名（应到/实到）", "口头述职：" and
    // a three-character name); the results panel gets the rest, at least half.
    let list_w = (unit_w + meeting_w + 18 + progress_w + 5).min(area.width / 2);
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(area);
    let widths = [
        Constraint::Length(unit_w),
        Constraint::Length(meeting_w),
        Constraint::Fill(1),
        Constraint::Length(progress_w),
    ];
    draw_board(frame, app, &meetings, widths, left);
    if let Some(k) = meetings.get(app.home_selected) {
        draw_selected(frame, app, k, right);
    }
}

/// A row per meeting: unit, meeting, current step, entered/returned.
fn draw_board(
    frame: &mut Frame,
    app: &App,
    meetings: &[MeetingKey],
    widths: [Constraint; 4],
    area: Rect,
) {
    let rows = meetings.iter().map(|k| {
        Row::new(vec![
            k.unit.clone(),
            meeting_short(k.meeting).to_string(),
            step_cell(app, k),
            progress_cell(app, k),
        ])
    });
    let header = Row::new(vec![
        t(Msg::Unit),
        t(Msg::Meeting),
        t(Msg::Step),
        t(Msg::Progress),
    ])
    .style(Style::new().bold());
    let mut state = TableState::default().with_selected(Some(app.home_selected));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .row_highlight_style(Style::new().reversed())
            .block(Block::bordered().title(t(Msg::Street))),
        area,
        &mut state,
    );
}

fn step_cell(app: &App, k: &MeetingKey) -> String {
    let model = app.model();
    match model.current_round(&k.unit, k.meeting) {
        // A re-run after a void round says which round it is.
        Some(r) => {
            let step = model
                .current_step(k)
                .map(|s| step_name(&s))
                .unwrap_or_default();
            if r.key.round > 1 {
                format!("{step} ({})", Msg::Round.fill(&[&r.key.round]))
            } else {
                step
            }
        }
        None => t(Msg::NotStarted).to_string(),
    }
}

fn progress_cell(app: &App, k: &MeetingKey) -> String {
    let model = app.model();
    model
        .current_round(&k.unit, k.meeting)
        .map(|r| {
            let grades = scale(app, k).len();
            let tally = Tally::count(r, &model.campaign.rules, grades);
            let returned = r
                .returned
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into());
            format!("{}/{}", tally.entered, returned)
        })
        .unwrap_or_default()
}

/// The selected meeting's running results.
fn draw_selected(frame: &mut Frame, app: &App, k: &MeetingKey, area: Rect) {
    let model = app.model();
    let block = Block::bordered().title(format!(
        "{} / {} / {}",
        k.unit,
        meeting_short(k.meeting),
        t(Msg::Results)
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match model.current_round(&k.unit, k.meeting) {
        Some(round) => super::results::draw(frame, model, round, &scale(app, k), inner),
        None => frame.render_widget(Paragraph::new(Line::from(t(Msg::NotStarted)).dim()), inner),
    }
}
