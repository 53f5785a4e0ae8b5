//! 街道总览, the street board: every unit's meetings with the current
//! agenda step and ballots entered of returned; the selected meeting's
//! running results beside it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};

use super::{meeting_short, scale, step_name};
use crate::app::App;
use crate::catalog::{Msg, t};
use crate::domain::Tally;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let meetings = app.meetings();
    let model = app.model();
    let unit_w = super::column_width(model.campaign.units.iter().map(|u| u.name.as_str()), 4);
    let list_w = (unit_w + 36).min(area.width * 45 / 100);
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(area);

    let rows = meetings.iter().map(|k| {
        let round = model.current_round(&k.unit, k.meeting);
        let step = match round {
            Some(_) => model
                .current_step(k)
                .map(|s| step_name(&s))
                .unwrap_or_default(),
            None => t(Msg::NotStarted).to_string(),
        };
        let progress = round
            .map(|r| {
                let grades = scale(app, k).len();
                let tally = Tally::count(r, &model.campaign.rules, grades);
                let returned = r
                    .returned
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "-".into());
                format!("{}/{}", tally.entered, returned)
            })
            .unwrap_or_default();
        Row::new(vec![
            k.unit.clone(),
            meeting_short(k.meeting).to_string(),
            step,
            progress,
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
        Table::new(
            rows,
            [
                Constraint::Length(unit_w),
                Constraint::Length(8),
                Constraint::Fill(1),
                Constraint::Length(9),
            ],
        )
        .header(header)
        .row_highlight_style(Style::new().reversed())
        .block(Block::bordered().title(t(Msg::Street))),
        left,
        &mut state,
    );

    let Some(k) = meetings.get(app.home_selected) else {
        return;
    };
    let block = Block::bordered().title(format!(
        "{} / {} / {}",
        k.unit,
        meeting_short(k.meeting),
        t(Msg::Results)
    ));
    let inner = block.inner(right);
    frame.render_widget(block, right);
    match model.current_round(&k.unit, k.meeting) {
        Some(round) => super::results::draw(frame, model, round, &scale(app, k), inner),
        None => frame.render_widget(Paragraph::new(Line::from(t(Msg::NotStarted)).dim()), inner),
    }
}
