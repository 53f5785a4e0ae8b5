//! The projector's screen: drawn from a [`ProjectorState`] alone, so tests
//! render it into ratatui's `TestBackend` without a terminal or a file.
//!
//! High contrast for the back of the room: white on black, one header bar
//! (unit, meeting, round), the agenda step, then the step's own view in
//! big block digits (see `digits`): the speaker timer in the laptop's
//! colour bands, the roll-call and ballot numbers, and during counting the
//! progress and each person's count per grade (see `counting`).

use crate::domain::meeting::SpeechClock;
use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::digits;
use super::follow::Problem;
use crate::catalog::{Msg, t};
use crate::domain::{AgendaStep, MeetingKey, MeetingKind, Model, TimerBand};
use crate::labels::{countdown, meeting_name, role_label, step_name, timer_state};
use crate::text::width;
use crate::ui::widgets::{Breaks, band_style, centered, too_small, wrap_cells};

/// Below this the screen shows only the "window too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub(super) const BG: Color = Color::Black;
pub(super) const FG: Color = Color::White;
pub(super) const DIM: Color = Color::Gray;
pub(super) const ACCENT: Color = Color::LightYellow;

/// Everything the projector's screen shows.
#[derive(Debug, Clone)]
pub struct ProjectorState {
    /// The campaign file as given on the command line, for messages.
    pub file: String,
    /// The fold of the log (`None` until event 1 was read).
    pub model: Option<Model>,
    /// Why the file cannot be followed right now, if so.
    pub problem: Option<Problem>,
    /// `h`: individual results hidden until the round is closed.
    pub hidden: bool,
    /// The clock the speaker timer runs on.
    pub now: DateTime<FixedOffset>,
}

/// The meeting the projector shows: the one the liaison worked on last,
/// else the first started one (campaign order), else none.
pub fn shown_meeting(model: &Model) -> Option<MeetingKey> {
    model.current.clone().or_else(|| {
        model.campaign.units.iter().find_map(|u| {
            MeetingKind::ALL
                .into_iter()
                .find(|&m| model.current_round(&u.name, m).is_some())
                .map(|meeting| MeetingKey {
                    unit: u.name.clone(),
                    meeting,
                })
        })
    })
}

/// The speaker timer as the screen shows it, while one runs (the event
/// loop redraws when this changes, so the clock ticks each second).
pub fn running_timer(state: &ProjectorState) -> Option<String> {
    let model = state.model.as_ref()?;
    let key = shown_meeting(model)?;
    let Some(AgendaStep::OralReport { subject }) = model.current_step(&key) else {
        return None;
    };
    let speech = model.meeting(&key).speech(&subject).cloned()?;
    speech.running_since?;
    Some(timer_face(model, &key, &subject, state.now).0)
}

/// A grade colour, brightened for a projector.
pub(super) fn bright(c: Color) -> Color {
    match c {
        Color::Green => Color::LightGreen,
        Color::Blue => Color::LightBlue,
        Color::Yellow => Color::LightYellow,
        Color::Red => Color::LightRed,
        Color::Magenta => Color::LightMagenta,
        Color::Cyan => Color::LightCyan,
        c => c,
    }
}

/// Draw the projector's screen.
pub fn draw(frame: &mut Frame, state: &ProjectorState) {
    let area = frame.area();
    frame.render_widget(Block::new().style(Style::new().bg(BG).fg(FG)), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, MIN_WIDTH, MIN_HEIGHT);
        return;
    }
    let [header, _, step_row, _, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_footer(frame, state, footer);
    let body = if body.width >= 60 {
        body.inner(ratatui::layout::Margin::new(2, 0))
    } else {
        body
    };
    let Some(model) = &state.model else {
        let text = state
            .problem
            .as_ref()
            .map(|p| problem_text(p, &state.file))
            .unwrap_or_else(|| t(Msg::ProjectorLoading).to_string());
        message(frame, body, &text, state.problem.is_some());
        return;
    };
    let key = shown_meeting(model);
    draw_header(frame, model, key.as_ref(), state.hidden, header);
    if let Some(p) = &state.problem {
        message(frame, body, &problem_text(p, &state.file), true);
        return;
    }
    let Some(key) = key else {
        waiting(frame, model, &state.file, body);
        return;
    };
    let Some(step) = model.current_step(&key) else {
        return;
    };
    let colon = t(Msg::Colon);
    let title = format!("{}{colon}{}", t(Msg::Step), step_name(&step));
    frame.render_widget(Line::from(title).bold().fg(ACCENT).centered(), step_row);
    draw_step(frame.buffer_mut(), model, &key, &step, state, body);
}

/// The body for `step` of the meeting `key`.
fn draw_step(
    buf: &mut Buffer,
    model: &Model,
    key: &MeetingKey,
    step: &AgendaStep,
    state: &ProjectorState,
    body: Rect,
) {
    let round = model.current_round(&key.unit, key.meeting);
    match step {
        AgendaStep::RollCall => {
            let (e, p) = round.map_or((None, None), |r| (r.expected, r.present));
            numbers(
                buf,
                body,
                &[
                    (t(Msg::Expected), e, FG),
                    (t(Msg::Present), p, Color::LightCyan),
                ],
            );
        }
        AgendaStep::OralReport { subject } => oral(buf, model, key, subject, state.now, body),
        AgendaStep::WrittenReports => written(buf, model, key, body),
        AgendaStep::IssueBallots | AgendaStep::CollectBallots => {
            let (i, r) = round.map_or((None, None), |r| (r.issued, r.returned));
            let present = round.and_then(|r| r.present);
            numbers(
                buf,
                body,
                &[
                    (t(Msg::Present), present, DIM),
                    (t(Msg::Issued), i, FG),
                    (t(Msg::Returned), r, Color::LightCyan),
                ],
            );
        }
        AgendaStep::Counting | AgendaStep::Results | AgendaStep::Close => {
            let Some(r) = round else { return };
            // The announcement once the round is closed, or at 公布结果
            // while nothing is hidden: the same text the laptop reads out.
            let closed = matches!(r.status, crate::domain::RoundStatus::Closed { .. });
            if closed || (*step == AgendaStep::Results && !state.hidden) {
                let page = state.now.timestamp() / super::counting::PAGE_SECONDS;
                super::counting::draw_announcement(buf, model, r, body, page as u64);
            } else {
                super::counting::draw(buf, model, r, state.hidden, body);
            }
        }
    }
}

fn problem_text(p: &Problem, file: &str) -> String {
    match p {
        Problem::Missing => Msg::ProjectorMissing.fill(&[&file]),
        Problem::Replaced => Msg::ProjectorReplaced.fill(&[&file]),
        Problem::Unreadable(why) => {
            // The reason is a sentence of its own: no second full stop.
            let why = why.trim_end_matches(['。', '.']);
            Msg::ProjectorUnreadable.fill(&[&file, &why])
        }
    }
}

/// The header bar: unit / meeting / round, and a mark while results are
/// hidden.
fn draw_header(
    frame: &mut Frame,
    model: &Model,
    key: Option<&MeetingKey>,
    hidden: bool,
    area: Rect,
) {
    let bar = Style::new().bg(FG).fg(BG).bold();
    let text = match key {
        Some(k) => {
            let mut s = format!("{}  {}", k.unit, meeting_name(k.meeting));
            if let Some(r) = model.current_round(&k.unit, k.meeting) {
                s.push_str("  ");
                s.push_str(&Msg::Round.fill(&[&r.key.round]));
            }
            s
        }
        None => model.campaign.title.clone(),
    };
    frame.render_widget(Line::from(text).style(bar).centered(), area);
    if hidden {
        let mark = format!(" {} ", t(Msg::ProjectorHiddenMark));
        let w = (width(&mark) as u16).min(area.width);
        let at = Rect {
            x: area.right() - w,
            width: w,
            ..area
        };
        frame.render_widget(
            Line::from(mark).style(Style::new().bg(Color::Yellow).fg(BG).bold()),
            at,
        );
    }
}

/// The footer: read-only, the keys, and the file on the right if it fits.
fn draw_footer(frame: &mut Frame, state: &ProjectorState, area: Rect) {
    let left = format!(" {}   {}", t(Msg::ReadOnly), t(Msg::ProjectorKeys));
    let right = format!("{} ", state.file);
    let spare = usize::from(area.width).saturating_sub(width(&left));
    let mut spans = vec![Span::raw(left)];
    if width(&right) + 2 <= spare {
        spans.push(Span::raw(crate::text::pad_left(&right, spare)));
    }
    frame.render_widget(Line::from(spans).fg(DIM), area);
}

/// A message in the middle of the body: red and boxed for a problem.
fn message(frame: &mut Frame, area: Rect, text: &str, problem: bool) {
    let w = area.width.saturating_sub(4).min(72);
    let lines: Vec<Line> = wrap(text, usize::from(w.saturating_sub(4)))
        .into_iter()
        .map(|l| Line::from(l).bold())
        .collect();
    let h = (lines.len() as u16 + 4).min(area.height);
    let r = centered(area, w, h);
    let (fg, border) = if problem {
        (FG, Color::LightRed)
    } else {
        (ACCENT, DIM)
    };
    let block = Block::bordered()
        .border_style(Style::new().fg(border).bold())
        .style(Style::new().bg(BG).fg(fg));
    let inner = block.inner(r).inner(ratatui::layout::Margin::new(1, 1));
    frame.render_widget(block, r);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `text` in lines of at most `cells` cells: Chinese breaks between any
/// two characters (a file name is not split off its sentence), English at
/// spaces.
fn wrap(text: &str, cells: usize) -> Vec<String> {
    let breaks = match crate::i18n::lang() {
        crate::i18n::Lang::En => Breaks::Spaces,
        crate::i18n::Lang::Zh => Breaks::Anywhere,
    };
    wrap_cells(text, cells, breaks)
}

/// No meeting started yet.
fn waiting(frame: &mut Frame, model: &Model, file: &str, area: Rect) {
    let lines = vec![
        Line::from(model.campaign.title.clone()).bold(),
        Line::default(),
        Line::from(t(Msg::ProjectorWaiting)).bold().fg(ACCENT),
        Line::default(),
        Line::from(file.to_string()).fg(DIM),
    ];
    let y = area.height.saturating_sub(lines.len() as u16) / 2;
    let r = Rect {
        y: area.y + y,
        height: area.height - y,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).centered(), r);
}

/// Write `text` centred in row `y` of `area` (clipped to it).
pub(super) fn centered_text(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    if y >= area.bottom() {
        return;
    }
    let w = (width(text) as u16).min(area.width);
    let x = area.x + (area.width - w) / 2;
    buf.set_stringn(x, y, text, usize::from(w), style);
}

/// Labelled numbers side by side, each as big as the space allows ("-"
/// until keyed).
fn numbers(buf: &mut Buffer, area: Rect, items: &[(&str, Option<u32>, Color)]) {
    let n = items.len() as u16;
    let col_w = area.width / n.max(1);
    let texts: Vec<String> = items
        .iter()
        .map(|(_, v, _)| v.map_or_else(|| "-".to_string(), |v| v.to_string()))
        .collect();
    let digits_h = area.height.saturating_sub(2);
    // The widest text sets the scale for all.
    let widest = texts
        .iter()
        .max_by_key(|s| digits::width(s, digits::Scale { x: 1, y: 1 }))
        .map_or("", String::as_str);
    let scale = digits::fit(widest, col_w.saturating_sub(4), digits_h, 4);
    let h = 2 + scale.map_or(1, digits::height);
    let top = area.y + area.height.saturating_sub(h) / 2;
    for (i, ((label, _, color), text)) in items.iter().zip(&texts).enumerate() {
        let col = Rect {
            x: area.x + i as u16 * col_w,
            y: top,
            width: col_w,
            height: area.bottom() - top,
        };
        centered_text(buf, col, top, label, Style::new().fg(DIM).bold());
        let below = Rect {
            y: top + 2,
            height: col.height.saturating_sub(2),
            ..col
        };
        match scale {
            Some(s) => digits::render_centered(buf, below, text, s, *color),
            None => centered_text(buf, below, below.y, text, Style::new().fg(*color).bold()),
        }
    }
}

/// The clock the timer shows, its band, and the time used.
fn timer_face(
    model: &Model,
    key: &MeetingKey,
    subject: &str,
    now: DateTime<FixedOffset>,
) -> (String, TimerBand, i64) {
    let c = model.speech_clock(key, subject, now);
    let (remaining, band, used) = (c.remaining_ms, c.band, c.used_ms);
    let face = if band == TimerBand::Overtime {
        format!("+{}", countdown(remaining))
    } else {
        countdown(remaining)
    };
    (face, band, used)
}

/// An oral report: the speaker, the countdown in big digits in the
/// laptop's colour bands, and the timer's state.
fn oral(
    buf: &mut Buffer,
    model: &Model,
    key: &MeetingKey,
    subject: &str,
    now: DateTime<FixedOffset>,
    area: Rect,
) {
    let SpeechClock {
        speech, minutes, ..
    } = model.speech_clock(key, subject, now);
    let (face, band, used) = timer_face(model, key, subject, now);
    let color = bright(band_style(band).fg.unwrap_or(FG));
    let role = role_label(model, key, subject);
    let state = timer_state(&speech, used);
    let status = format!(
        "{}: {}   {}",
        t(Msg::Timer),
        state,
        Msg::Limit.fill(&[&minutes])
    );
    let label = t(if band == TimerBand::Overtime {
        Msg::ProjectorOvertime
    } else {
        Msg::ProjectorTimeLeft
    });
    // name, blank, label, digits, blank, status
    let (scale, digits_h) = fit_big(&face, area, 6);
    let h = 5 + digits_h;
    let top = area.y + area.height.saturating_sub(h) / 2;
    let name = format!("{subject}  {role}");
    centered_text(buf, area, top, &name, Style::new().fg(FG).bold());
    centered_text(buf, area, top + 2, label, Style::new().fg(color).bold());
    big_text(buf, area, top + 3, &face, scale, color);
    centered_text(buf, area, top + 4 + digits_h, &status, Style::new().fg(DIM));
}

/// The biggest scale of at most `max_y` rows a pixel at which `text`
/// fits `area` with five rows to spare for the lines around it, and its
/// height (one row when it fits only as plain text).
fn fit_big(text: &str, area: Rect, max_y: u16) -> (Option<digits::Scale>, u16) {
    let w = area.width.saturating_sub(2);
    let scale = digits::fit(text, w, area.height.saturating_sub(5), max_y);
    (scale, scale.map_or(1, digits::height))
}

/// `text` from row `y` of `area` down: in big digits at `scale`, else
/// bold on one line (no scale fits the window).
fn big_text(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    text: &str,
    scale: Option<digits::Scale>,
    color: Color,
) {
    let big = Rect {
        y,
        height: area.bottom().saturating_sub(y),
        ..area
    };
    match scale {
        Some(s) => digits::render_centered(buf, big, text, s, color),
        None => centered_text(buf, big, big.y, text, Style::new().fg(color).bold()),
    }
}

/// Written reports: how many are in, big, and who is still missing.
fn written(buf: &mut Buffer, model: &Model, key: &MeetingKey, area: Rect) {
    let writers = model.writers(key);
    let received = &model.meeting(key).written_received;
    let got = writers.iter().filter(|w| received.contains(*w)).count();
    let text = format!("{got}/{}", writers.len());
    let list: Vec<String> = writers
        .iter()
        .map(|w| {
            let mark = t(if received.contains(w) {
                Msg::Received
            } else {
                Msg::Missing
            });
            format!("{w} {mark}")
        })
        .collect();
    let list_line = list.join("    ");
    let (scale, digits_h) = fit_big(&text, area, 4);
    let top = area.y + area.height.saturating_sub(digits_h + 4) / 2;
    let label = Msg::ProjectorWrittenIn.fill(&[&got, &writers.len()]);
    centered_text(buf, area, top, &label, Style::new().fg(DIM).bold());
    big_text(buf, area, top + 2, &text, scale, FG);
    centered_text(
        buf,
        area,
        top + 3 + digits_h,
        &list_line,
        Style::new().fg(FG),
    );
}
