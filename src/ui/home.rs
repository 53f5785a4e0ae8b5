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
use crate::domain::round::short_fingerprint;
use crate::domain::{MeetingKey, Round, RoundStatus, Tally};
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
    // Room for the longest step this board can show (names in full: "彭振"
    // read for 彭振华 is another person); the results panel gets the rest,
    // at least 45 %.
    let step_w = meetings
        .iter()
        .flat_map(|k| model.agenda(k))
        .map(|s| width(&step_name(&s)))
        .chain(
            meetings
                .iter()
                .map(|k| width(&step_cell(app, k, usize::MAX))),
        )
        .max()
        .unwrap_or(10) as u16;
    let list_w = (unit_w + meeting_w + step_w + progress_w + 5).min(area.width * 11 / 20);
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(area);
    let widths = [
        Constraint::Length(unit_w),
        Constraint::Length(meeting_w),
        Constraint::Fill(1),
        Constraint::Length(progress_w),
    ];
    // The step column's cells: the table's inner width less the others.
    let room = list_w.saturating_sub(2 + unit_w + meeting_w + progress_w + 3);
    draw_board(frame, app, &meetings, widths, usize::from(room), left);
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
    room: usize,
    area: Rect,
) {
    let rows = meetings.iter().map(|k| {
        Row::new(vec![
            k.unit.clone(),
            meeting_short(k.meeting).to_string(),
            step_cell(app, k, room),
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

/// The meeting's step; a closed round says so with its short fingerprint
/// when `room` cells hold it whole (a cut fingerprint matches nothing; the
/// panel beside shows it then), a voided one says so. The step a closed
/// round was browsed to does not matter.
fn step_cell(app: &App, k: &MeetingKey, room: usize) -> String {
    let model = app.model();
    match model.current_round(&k.unit, k.meeting) {
        Some(r) if matches!(r.status, RoundStatus::Void) => t(Msg::BoardVoid).to_string(),
        Some(Round {
            status: RoundStatus::Closed { head },
            ..
        }) => {
            let text = Msg::BoardClosed.fill(&[&short_fingerprint(head)]);
            if width(&text) <= room {
                text
            } else {
                t(Msg::BoardClosedShort).to_string()
            }
        }
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

/// The selected meeting's running results; before it starts, its roster
/// and plan (who is on the ballot, the agenda it will follow).
fn draw_selected(frame: &mut Frame, app: &App, k: &MeetingKey, area: Rect) {
    let model = app.model();
    let round = model.current_round(&k.unit, k.meeting);
    let what = t(if round.is_some() {
        Msg::Results
    } else {
        Msg::RosterAndPlan
    });
    let block = Block::bordered().title(format!(
        "{} / {} / {what}",
        k.unit,
        meeting_short(k.meeting)
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match round {
        Some(
            round @ Round {
                status: RoundStatus::Closed { head },
                ..
            },
        ) => {
            // Closed: its fingerprint first, whole, as the minutes carry it.
            let [note, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            let text = Msg::BoardClosed.fill(&[&short_fingerprint(head)]);
            frame.render_widget(Line::from(text).green().bold(), note);
            super::results::draw(frame, model, round, &scale(app, k), rest)
        }
        Some(round) => super::results::draw(frame, model, round, &scale(app, k), inner),
        None => frame.render_widget(Paragraph::new(plan_lines(app, k, inner.height)), inner),
    }
}

/// The roster in ballot order (name, role) and the numbered agenda, under
/// the key that starts the meeting; blank lines between the parts only
/// when `rows` leave room for them.
fn plan_lines(app: &App, k: &MeetingKey, rows: u16) -> Vec<Line<'static>> {
    let model = app.model();
    let subjects: Vec<_> = model
        .campaign
        .unit(&k.unit)
        .map(|u| u.subjects_for(k.meeting).collect())
        .unwrap_or_default();
    let name_w = usize::from(column_width(subjects.iter().map(|s| s.name.as_str()), 2));
    let roster: Vec<Line> = subjects
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Line::from(format!(
                "{:>3}  {}  {}",
                i + 1,
                crate::text::pad_right(&s.name, name_w),
                crate::labels::post(s.title.as_deref(), s.role)
            ))
        })
        .collect();
    let minutes = model
        .campaign
        .meeting(k.meeting)
        .map(|m| m.speaker_minutes)
        .unwrap_or(10);
    let agenda: Vec<Line> = model
        .agenda(k)
        .iter()
        .enumerate()
        .map(|(i, step)| Line::from(format!("{:>3}  {}", i + 1, step_name(step))))
        .collect();
    let agenda_head = format!("{}  ({})", t(Msg::PlanAgenda), Msg::Limit.fill(&[&minutes]));
    let needed = 3 + roster.len() + agenda.len();
    let spaced = needed + 2 <= usize::from(rows);
    let mut lines = vec![Line::from(t(Msg::PlanStart)).dim()];
    if spaced {
        lines.push(Line::default());
    }
    lines.push(Line::from(t(Msg::PlanSubjects)).bold());
    lines.extend(roster);
    if spaced {
        lines.push(Line::default());
    }
    lines.push(Line::from(agenda_head).bold());
    lines.extend(agenda);
    lines
}
