//! The agenda stepper: the steps on the left, the current one highlighted;
//! on the right what the step shows (numbers, the speaker timer, the
//! written-report checklist, the results) and what it still needs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use super::scale;
use super::widgets::{Breaks, band_style, column_width, wrap_cells};
use crate::app::App;
use crate::catalog::{Msg, t};
use crate::domain::needs::needs;
use crate::domain::{AgendaStep, MeetingKey, MeetingKind, RoundStatus, TimerBand};
use crate::labels::{clock, history_lines, need_text, role_label, step_name, timer_state};

/// Two labelled numbers on one bold line: "应到 45    实到 40".
fn pair(a: Msg, x: Option<u32>, b: Msg, y: Option<u32>) -> Line<'static> {
    let num = |n: Option<u32>| n.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    Line::from(format!("{} {}    {} {}", t(a), num(x), t(b), num(y))).bold()
}

pub fn draw(frame: &mut Frame, app: &App, key: &MeetingKey, area: Rect) {
    let model = app.model();
    let steps = model.agenda(key);
    let current = app.step_of(key);
    let at = steps
        .iter()
        .position(|s| Some(s) == current.as_ref())
        .unwrap_or(0);
    let list_w = steps
        .iter()
        .map(|s| crate::text::width(&step_name(s)))
        .max()
        .unwrap_or(10) as u16
        + 6;
    let [left, right] = Layout::horizontal([
        Constraint::Length(list_w.min(area.width / 2)),
        Constraint::Fill(1),
    ])
    .areas(area);

    let items = steps.iter().enumerate().map(|(i, s)| {
        let mark = if i < at {
            "+ "
        } else if i == at {
            "> "
        } else {
            "  "
        };
        ListItem::new(format!("{mark}{}", step_name(s)))
    });
    let mut state = ListState::default().with_selected(Some(at));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(Style::new().reversed().bold())
            .block(Block::bordered().title(t(Msg::Step))),
        left,
        &mut state,
    );

    let Some(step) = current else { return };
    let block = Block::bordered().title(step_name(&step));
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let open = needs(model, key, &step);
    let need_h = open.len().max(1) as u16 + 1;
    let [detail, need_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(need_h)]).areas(inner);

    let mut lines: Vec<Line> = Vec::new();
    let round = app.current_round();
    match &step {
        AgendaStep::RollCall => {
            if let Some(r) = round {
                lines.push(pair(Msg::Expected, r.expected, Msg::Present, r.present));
            }
        }
        AgendaStep::OralReport { subject } => {
            let crate::domain::meeting::SpeechClock {
                speech,
                minutes,
                used_ms: used,
                remaining_ms: remaining,
                band,
            } = model.speech_clock(key, subject, app.now);
            let role = role_label(model, key, subject);
            lines.push(Line::from(vec![
                Span::raw(subject.clone()).bold(),
                Span::raw(format!("  {role}")),
            ]));
            lines.push(Line::default());
            let shown = if band == TimerBand::Overtime {
                Msg::Overtime.fill(&[&clock(remaining)])
            } else {
                clock(remaining)
            };
            lines.push(Line::from(Span::styled(
                format!("  {shown}  "),
                band_style(band).bold().reversed(),
            )));
            let state = timer_state(&speech, used);
            lines.push(Line::from(format!(
                "{}: {}   {}",
                t(Msg::Timer),
                state,
                Msg::Limit.fill(&[&minutes])
            )));
            if key.meeting == MeetingKind::PartyBuildingReview {
                lines.push(Line::default());
                lines.push(Line::from(t(Msg::Comment)).bold());
                match &speech.comment {
                    // Wrapped here: see `wrap_cells`.
                    Some(c) => lines.extend(
                        wrap_cells(c, usize::from(detail.width), Breaks::Spaces)
                            .into_iter()
                            .map(Line::from),
                    ),
                    None => lines.push(Line::from(t(Msg::NoComment)).dim()),
                }
            }
        }
        AgendaStep::WrittenReports => {
            let received = &model.meeting(key).written_received;
            let writers = app.writers(key);
            let name_w = usize::from(column_width(writers.iter().map(String::as_str), 2));
            for (i, name) in writers.iter().enumerate() {
                let got = received.contains(name);
                let text = format!(
                    "[{}] {}  {}",
                    if got { "x" } else { " " },
                    crate::text::pad_right(name, name_w),
                    t(if got { Msg::Received } else { Msg::Missing })
                );
                let style = if i == app.written_selected {
                    Style::new().reversed()
                } else {
                    Style::default()
                };
                lines.push(Line::from(Span::styled(text, style)));
            }
        }
        AgendaStep::IssueBallots | AgendaStep::CollectBallots => {
            if let Some(r) = round {
                lines.push(pair(Msg::Issued, r.issued, Msg::Returned, r.returned));
            }
        }
        AgendaStep::Counting | AgendaStep::Results | AgendaStep::Close => {
            if let Some(r) = round {
                let mut notes: Vec<Line> = model
                    .rounds_of(&key.unit, key.meeting)
                    .filter(|old| old.status == RoundStatus::Void)
                    .map(|old| Line::from(Msg::RoundVoidInfo.fill(&[&old.key.round])).yellow())
                    .collect();
                if let RoundStatus::Closed { head } = &r.status {
                    let short = crate::domain::round::short_fingerprint(head);
                    let info = Msg::RoundClosedInfo.fill(&[&short]);
                    notes.extend(
                        wrap_cells(&info, usize::from(detail.width), Breaks::Spaces)
                            .into_iter()
                            .map(|l| Line::from(l).green().bold()),
                    );
                }
                // Earlier closes of a reopened round: what was signed, why
                // it was reopened, what changed since.
                for text in history_lines(r) {
                    notes.extend(
                        wrap_cells(&text, usize::from(detail.width), Breaks::Spaces)
                            .into_iter()
                            .map(|l| Line::from(l).yellow()),
                    );
                }
                let [note_area, results_area] =
                    Layout::vertical([Constraint::Length(notes.len() as u16), Constraint::Fill(1)])
                        .areas(detail);
                frame.render_widget(Paragraph::new(notes), note_area);
                super::results::draw(frame, model, r, &scale(app, key), results_area);
            }
        }
    }
    if !lines.is_empty() {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), detail);
    }

    // Wrapped here, not by ratatui: see `wrap_cells`.
    let cells = usize::from(need_area.width);
    let last = at + 1 == steps.len();
    let closed = round.is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. }));
    let blocked = open.iter().any(|n| n.blocking(&step));
    let heading = t(match (open.is_empty(), last, closed) {
        (_, true, true) => Msg::CloseDone,
        (true, true, false) => Msg::LastStepNote,
        (true, false, _) => Msg::NothingNeeded,
        // Only acknowledged warnings at the close step: listed, not needed.
        (false, true, false) if !blocked => Msg::CloseWarnings,
        (false, _, _) => Msg::Needs,
    });
    let mut need_lines: Vec<Line> = wrap_cells(heading, cells, Breaks::Spaces)
        .into_iter()
        .map(|s| Line::from(s).dim())
        .collect();
    for n in &open {
        let style = match n {
            _ if n.blocking(&step) => Style::new().red(),
            crate::domain::needs::Need::Warning { .. } => Style::new().yellow().dim(),
            _ => Style::new().yellow(),
        };
        let text = format!("- {}", need_text(n));
        need_lines.extend(
            wrap_cells(&text, cells, Breaks::Spaces)
                .into_iter()
                .map(|s| Line::from(Span::styled(s, style))),
        );
    }
    frame.render_widget(Paragraph::new(need_lines), need_area);
}
