//! Rendering: one small file per screen, each drawing from `&App`. Nothing
//! here changes state; nothing here touches the store. The words come from
//! `crate::labels`, the shared widgets from `widgets` (which, like
//! `results`, knows nothing of `app`, so the projector can use them).

mod agenda;
mod ballots;
mod grading;
mod help;
mod home;
pub mod results;
mod sheet;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use self::widgets::{Breaks, centered, clear_popup, too_small, wrap_cells};
use crate::app::{App, Screen, Status, keymap};
use crate::catalog::{Msg, t};
use crate::domain::MeetingKey;
use crate::labels::meeting_name;

/// Below this the screen shows only the "window too small" notice.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, MIN_WIDTH, MIN_HEIGHT);
        return;
    }
    let footer_lines = footer_lines(app, area.width);
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(footer_lines.len() as u16),
    ])
    .areas(area);
    draw_header(frame, app, header);
    match &app.screen {
        Screen::Home => home::draw(frame, app, body),
        Screen::Agenda(k) => agenda::draw(frame, app, k, body),
        Screen::Ballots(k) => ballots::draw(frame, app, k, body),
        Screen::Sheet(k) => sheet::draw(frame, app, k, body),
        Screen::Grading => grading::draw(frame, app, body),
    }
    draw_status(frame, app, status);
    frame.render_widget(Paragraph::new(footer_lines), footer);
    if app.help {
        help::draw(frame, app, body);
    }
    if app.confirm_quit {
        let popup = centered(body, 64.min(body.width), 5);
        clear_popup(frame, popup);
        let lines: Vec<Line> = wrap_cells(
            t(Msg::ConfirmQuit),
            usize::from(popup.width.saturating_sub(2)),
            Breaks::Spaces,
        )
        .into_iter()
        .map(Line::from)
        .collect();
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().border_style(Style::new().yellow())),
            popup,
        );
    }
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let c = &app.model().campaign;
    let mut spans = vec![Span::styled(
        format!(" {} ", t(Msg::AppTitle)),
        Style::new().black().on_cyan().bold(),
    )];
    spans.push(Span::raw(format!(" {} ", c.title)));
    if let Some(k) = app.meeting_key() {
        spans.push(Span::styled(
            format!(" {} / {} ", k.unit, meeting_name(k.meeting)),
            Style::new().bold(),
        ));
        if let Some(r) = app.current_round() {
            spans.push(Span::raw(Msg::Round.fill(&[&r.key.round])));
        }
    }
    frame.render_widget(Line::from(spans).style(Style::new().on_dark_gray()), area);
    // The mirror's last copy, right-aligned: a failure stays in yellow
    // until a copy succeeds again.
    if let Some(m) = &app.mirror {
        use crate::app::mirror::MirrorState;
        let (text, style) = match &m.state {
            MirrorState::Waiting => (t(Msg::MirrorWaiting).to_string(), Style::new().dim()),
            MirrorState::Written { at, events } => (
                Msg::MirrorWritten.fill(&[&at.format("%H:%M:%S"), events]),
                Style::new().black().on_green(),
            ),
            MirrorState::Failed { at, reason } => (
                Msg::MirrorFailed.fill(&[&at.format("%H:%M:%S"), reason]),
                Style::new().black().on_yellow().bold(),
            ),
        };
        let text = format!(" {text} ");
        let w = (crate::text::width(&text) as u16).min(area.width);
        let right = Rect {
            x: area.right() - w,
            width: w,
            ..area
        };
        let (shown, _) = crate::text::split_at_width(&text, usize::from(w));
        clear_popup(frame, right);
        frame.render_widget(Line::from(Span::styled(shown.to_string(), style)), right);
    }
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let line = if let Some(p) = &app.prompt {
        let question = match &p.kind {
            crate::app::PromptKind::StartMeeting(k) => {
                Msg::PromptStart.fill(&[&k.unit, &meeting_name(k.meeting)])
            }
            crate::app::PromptKind::RollCall => t(Msg::PromptRollCall).into(),
            crate::app::PromptKind::Issued => t(Msg::PromptIssued).into(),
            crate::app::PromptKind::Returned => t(Msg::PromptReturned).into(),
            crate::app::PromptKind::Comment(s) => Msg::PromptComment.fill(&[s]),
            crate::app::PromptKind::Correct => t(Msg::PromptCorrect).into(),
            crate::app::PromptKind::Withdraw => t(Msg::PromptWithdraw).into(),
            crate::app::PromptKind::CloseRound(n) => Msg::PromptClose.fill(&[n]),
            crate::app::PromptKind::Reopen(n) => Msg::PromptReopen.fill(&[n]),
            crate::app::PromptKind::VoidRound(n) => Msg::PromptVoid.fill(&[n]),
            crate::app::PromptKind::Justification(..) => t(Msg::PromptJustification).into(),
            crate::app::PromptKind::Investigation(_, s) => Msg::PromptInvestigation.fill(&[s]),
            crate::app::PromptKind::Combined(_, s) => Msg::PromptCombined.fill(&[s]),
            crate::app::PromptKind::Rectification(_, s) => Msg::PromptRectification.fill(&[s]),
            crate::app::PromptKind::ImportRoster => t(Msg::PromptImport).into(),
            crate::app::PromptKind::ConfirmProvisional(d, _) => {
                grading::provisional_question(app.model(), d)
            }
            kind => sheet::question(app, kind),
        };
        let mut spans = vec![
            Span::styled(question, Style::new().yellow().bold()),
            Span::raw(" "),
            // A pre-filled suggestion shows selected: typing replaces it.
            Span::styled(
                p.input.clone(),
                if p.suggested {
                    Style::new().reversed()
                } else {
                    Style::new()
                },
            ),
            Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
        ];
        if let Some(Status::Error(e)) = &app.status {
            spans.push(Span::styled(format!("  {e}"), Style::new().red()));
        }
        Line::from(spans)
    } else {
        match &app.status {
            Some(Status::Info(s)) => Line::from(Span::styled(s.clone(), Style::new().green())),
            Some(Status::Error(s)) => {
                Line::from(Span::styled(s.clone(), Style::new().red().bold()))
            }
            None => Line::default(),
        }
    };
    frame.render_widget(line, area);
}

/// The footer: the current mode's keys from the keymap, on as many lines
/// (at most two) as the width needs; a binding is never split.
fn footer_lines(app: &App, cells: u16) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    let mut used = 0usize;
    for b in keymap::bindings(app.mode())
        .into_iter()
        .filter(|b| b.footer)
    {
        let key = format!(" {} ", b.keys);
        let desc = format!(" {}  ", b.desc.text());
        let w = crate::text::width(&key) + crate::text::width(&desc);
        // The two spaces after a binding may fall off the end of a row.
        if used + w - 2 > usize::from(cells) && used > 0 {
            if lines.len() == 2 {
                break;
            }
            lines.push(Line::default());
            used = 0;
        }
        used += w;
        let line = lines.last_mut().expect("one line at least");
        line.spans
            .push(Span::styled(key, Style::new().black().on_gray()));
        line.spans.push(Span::raw(desc));
    }
    lines
}

/// A meeting's scale labels.
pub fn scale(app: &App, key: &MeetingKey) -> Vec<String> {
    app.model()
        .campaign
        .meeting(key.meeting)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default()
}
