//! Rendering: one small file per screen, each drawing from `&App`. Nothing
//! here changes state; nothing here touches the store. The words come from
//! `crate::labels`, the shared widgets from `widgets` (which, like
//! `results`, knows nothing of `app`, so the projector can use them).

mod agenda;
mod ballots;
mod entry;
mod grading;
mod help;
mod home;
pub mod results;
mod sheet;
pub mod start;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use self::widgets::{Breaks, centered, clear_popup, too_small, wrap_cells};
use crate::app::{App, Overlay, PromptKind, Screen, Shape, Status, keymap};
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
    let footer_lines = footer_lines(app.mode(), area.width);
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
        Screen::Agenda(v) => agenda::draw(frame, app, v, body),
        Screen::Ballots(v) => ballots::draw(frame, app, v, body),
        Screen::Sheet(v, edit) => sheet::draw(frame, app, &v.key, edit, body),
        Screen::Grading(g) => grading::draw(frame, app, g, body),
    }
    draw_status(frame, app, status);
    frame.render_widget(Paragraph::new(footer_lines), footer);
    // A text or a form is typed in a box over the body; under the quit
    // question it stays, as typed.
    if let Some(p) = app.prompt().filter(|p| boxed(app, p, area.width)) {
        entry::draw_box(frame, app, p, &question(app, &p.kind), body, status);
    }
    match &app.overlay {
        Some(Overlay::Help) => help::draw(frame, app, body),
        Some(Overlay::ConfirmQuit(_)) => draw_confirm_quit(frame, body),
        Some(Overlay::Prompt(_)) | None => {}
    }
}

fn draw_confirm_quit(frame: &mut Frame, body: Rect) {
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

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let c = &app.model().campaign;
    let mut spans = vec![Span::styled(
        format!(" {} ", t(Msg::AppTitle)),
        // Not bold: many terminals draw bold black as grey, unreadable on
        // cyan.
        Style::new().black().on_cyan(),
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
    if let Some(m) = &app.mirror {
        draw_mirror_state(frame, &m.state, area);
    }
}

/// The mirror's last copy, right-aligned in the header: a failure stays in
/// yellow until a copy succeeds again.
fn draw_mirror_state(frame: &mut Frame, state: &crate::app::mirror::MirrorState, area: Rect) {
    use crate::app::mirror::MirrorState;
    let (text, style) = match state {
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

/// Is `p` asked in a box over the body (a text, a form, a question too
/// long for the bottom line) rather than on the bottom line?
fn boxed(app: &App, p: &crate::app::Prompt, cells: u16) -> bool {
    match p.kind.shape() {
        Shape::Line => false,
        Shape::Confirm => crate::text::width(&question(app, &p.kind)) > usize::from(cells),
        Shape::Text | Shape::Form(_) => true,
    }
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let line = match (app.prompt(), &app.status) {
        (Some(p), _) if !boxed(app, p, area.width) => {
            return entry::draw_line(frame, app, p, &question(app, &p.kind), area);
        }
        // A text or a form: its box says (`entry::draw_box`).
        (Some(_), _) => return,
        (None, Some(Status::Info(s))) => Line::from(Span::styled(s.clone(), Style::new().green())),
        (None, Some(Status::Error(s))) => {
            Line::from(Span::styled(s.clone(), Style::new().red().bold()))
        }
        (None, None) => Line::default(),
    };
    frame.render_widget(line, area);
}

fn question(app: &App, kind: &PromptKind) -> String {
    match kind {
        PromptKind::StartMeeting(k) => Msg::PromptStart.fill(&[&k.unit, &meeting_name(k.meeting)]),
        PromptKind::RollCall => t(Msg::PromptRollCall).into(),
        PromptKind::Issued => t(Msg::PromptIssued).into(),
        PromptKind::Returned => t(Msg::PromptReturned).into(),
        PromptKind::Comment(s) => Msg::PromptComment.fill(&[s]),
        PromptKind::Correct => t(Msg::PromptCorrect).into(),
        PromptKind::Withdraw => t(Msg::PromptWithdraw).into(),
        PromptKind::CloseRound(n) => Msg::PromptClose.fill(&[n]),
        PromptKind::Reopen(n) => Msg::PromptReopen.fill(&[n]),
        PromptKind::VoidRound(n) => Msg::PromptVoid.fill(&[n]),
        PromptKind::Justification(..) => t(Msg::PromptJustification).into(),
        PromptKind::Investigation(_, s) => Msg::PromptInvestigation.fill(&[s]),
        PromptKind::Combined(_, s) => Msg::PromptCombined.fill(&[s]),
        PromptKind::Rectification(_, s) => Msg::PromptRectification.fill(&[s]),
        PromptKind::Score(u, s) => {
            let suggested = app.suggested_score(u, s);
            let suggested = suggested.map_or_else(|| "-".to_string(), |n| n.to_string());
            Msg::PromptScore.fill(&[s, &suggested])
        }
        PromptKind::Material(_, s) => Msg::PromptMaterial.fill(&[s]),
        PromptKind::AbsenteeName => t(Msg::PromptAbsentee).into(),
        PromptKind::AbsenceReason(name) => Msg::PromptAbsenceReason.fill(&[name]),
        PromptKind::RemoveAbsentee => t(Msg::PromptRemoveAbsentee).into(),
        PromptKind::ImportRoster => t(Msg::PromptImport).into(),
        PromptKind::ConfirmProvisional(d, _) => grading::provisional_question(app.model(), d),
        kind => sheet::question(app, kind),
    }
}

/// The footer: the current mode's keys from the keymap (see
/// `widgets::footer`), and `? 更多` wherever `?` opens the help.
pub(crate) fn footer_lines(mode: keymap::Mode, cells: u16) -> Vec<Line<'static>> {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
    let chips: Vec<widgets::Chip> = keymap::bindings(mode)
        .into_iter()
        .filter(|b| b.footer && (b.matches)(&question) != Some(keymap::Action::Help))
        .map(|b| widgets::Chip {
            keys: b.keys.into(),
            desc: b.desc.text().into(),
        })
        .collect();
    let more =
        (keymap::lookup(mode, &question) == Some(keymap::Action::Help)).then(|| widgets::Chip {
            keys: "?".into(),
            desc: t(Msg::KeyMore).into(),
        });
    widgets::footer(&chips, more.as_ref(), cells)
}

/// A meeting's scale labels.
pub fn scale(app: &App, key: &MeetingKey) -> Vec<String> {
    app.model()
        .campaign
        .meeting(key.meeting)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default()
}
