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
use crate::app::{App, MeetingView};
use crate::catalog::{Msg, t};
use crate::domain::needs::{Need, needs, step_done};
use crate::domain::{AgendaStep, MeetingKey, MeetingKind, Round, RoundStatus, TimerBand};
use crate::labels::{
    absentee_label, countdown, history_lines, need_text, role_label, step_name, timer_state,
};

/// Two labelled numbers on one bold line: "应到 45    实到 40".
fn pair(a: Msg, x: Option<u32>, b: Msg, y: Option<u32>) -> Line<'static> {
    let num = |n: Option<u32>| n.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    Line::from(format!("{} {}    {} {}", t(a), num(x), t(b), num(y))).bold()
}

pub fn draw(frame: &mut Frame, app: &App, view: &MeetingView, area: Rect) {
    let key = &view.key;
    let steps = app.model().agenda(key);
    let current = app.step_of(key);
    let at = steps
        .iter()
        .position(|s| Some(s) == current.as_ref())
        .unwrap_or(0);
    // Room for the marks and the legend under the list.
    let list_w = steps
        .iter()
        .map(|s| crate::text::width(&step_name(s)) + 6)
        .chain([crate::text::width(t(Msg::StepMarksLegend)) + 2])
        .max()
        .unwrap_or(16) as u16;
    let [left, right] = Layout::horizontal([
        Constraint::Length(list_w.min(area.width / 2)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let done: Vec<bool> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| step_done(app.model(), key, s, i < at))
        .collect();
    draw_steps(frame, &steps, &done, at, left);
    let Some(step) = current else { return };
    let block = Block::bordered().title(step_name(&step));
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let open = needs(app.model(), key, &step);
    // Each need, a heading for each kind (必须, 提醒), and the line above.
    let kinds = open.iter().any(|n| n.blocking(&step)) as u16
        + open.iter().any(|n| !n.blocking(&step)) as u16;
    let need_h = open.len().max(1) as u16 + kinds + 1;
    let [detail, need_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(need_h)]).areas(inner);
    draw_detail(frame, app, view, &step, detail);
    let last = at + 1 == steps.len();
    draw_needs(frame, app, &step, &open, last, need_area);
}

/// The steps: `+` done (from what was recorded), `>` the current one
/// (highlighted), `!` passed without being done, blank still to do.
fn draw_steps(frame: &mut Frame, steps: &[AgendaStep], done: &[bool], at: usize, area: Rect) {
    let items = steps.iter().enumerate().map(|(i, s)| {
        let is_done = done.get(i).copied().unwrap_or(false);
        let (mark, style) = match () {
            _ if i == at => ("> ", Style::new()),
            _ if is_done => ("+ ", Style::new().green()),
            _ if i < at => ("! ", Style::new().yellow()),
            _ => ("  ", Style::new()),
        };
        ListItem::new(format!("{mark}{}", step_name(s))).style(style)
    });
    let mut block = Block::bordered().title(t(Msg::Step));
    let legend = t(Msg::StepMarksLegend);
    // The legend only where it fits whole: a cut legend explains nothing.
    if crate::text::width(legend) + 2 <= usize::from(area.width) {
        block = block.title_bottom(legend);
    }
    let mut state = ListState::default().with_selected(Some(at));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(Style::new().reversed().bold())
            .block(block),
        area,
        &mut state,
    );
}

/// What the step shows: its numbers, the speaker's clock, the checklist,
/// or the results with the round's notes above them.
fn draw_detail(frame: &mut Frame, app: &App, view: &MeetingView, step: &AgendaStep, area: Rect) {
    let key = &view.key;
    let round = app.current_round();
    let lines = match step {
        AgendaStep::RollCall => round.map(|r| roll_call(r, area.width)).unwrap_or_default(),
        AgendaStep::OralReport { subject } => oral_report(app, key, subject, area.width),
        AgendaStep::WrittenReports => written_reports(app, key, view.written_selected),
        AgendaStep::IssueBallots | AgendaStep::CollectBallots => round
            .map(|r| vec![pair(Msg::Issued, r.issued, Msg::Returned, r.returned)])
            .unwrap_or_default(),
        AgendaStep::Counting | AgendaStep::Close => {
            if let Some(r) = round {
                draw_results(frame, app, key, r, area, None);
            }
            Vec::new()
        }
        AgendaStep::Results => {
            if let Some(r) = round {
                draw_results(frame, app, key, r, area, Some(view.announce_from));
            }
            Vec::new()
        }
    };
    if !lines.is_empty() {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

/// 应到 and 实到; once they are keyed and someone is missing, the
/// absentees with their reasons and how many of the missing are listed.
fn roll_call(r: &Round, cells: u16) -> Vec<Line<'static>> {
    let mut lines = vec![pair(Msg::Expected, r.expected, Msg::Present, r.present)];
    let (Some(expected), Some(present)) = (r.expected, r.present) else {
        return lines;
    };
    let missing = expected.saturating_sub(present);
    if missing == 0 && r.absentees.is_empty() {
        return lines;
    }
    lines.push(Line::default());
    if r.absentees.is_empty() {
        lines.push(Line::from(t(Msg::AbsenteesNone)).dim());
    } else {
        let names: Vec<String> = r.absentees.iter().map(absentee_label).collect();
        let text = Msg::Absentees.fill(&[&names.join(t(Msg::ListSep))]);
        // Wrapped here: see `wrap_cells`.
        lines.extend(
            wrap_cells(&text, usize::from(cells), Breaks::Spaces)
                .into_iter()
                .map(Line::from),
        );
    }
    let count = Msg::AbsenteesCount.fill(&[&missing, &r.absentees.len()]);
    lines.push(Line::from(count).dim());
    lines
}

/// The speaker, the clock in its band's colour, the timer's state and
/// limit; in the party-building review, the superior's comment.
fn oral_report(app: &App, key: &MeetingKey, subject: &str, cells: u16) -> Vec<Line<'static>> {
    let model = app.model();
    let crate::domain::meeting::SpeechClock {
        speech,
        minutes,
        used_ms: used,
        remaining_ms: remaining,
        band,
    } = model.speech_clock(key, subject, app.now);
    let role = role_label(model, key, subject);
    let shown = if band == TimerBand::Overtime {
        Msg::Overtime.fill(&[&countdown(remaining)])
    } else {
        countdown(remaining)
    };
    // The name and the post, wrapped by display width: a long post never
    // leaves half of a Chinese character on the panel's border.
    let mut lines: Vec<Line> = wrap_cells(
        &format!("{subject}  {role}"),
        usize::from(cells),
        Breaks::Spaces,
    )
    .into_iter()
    .map(|l| Line::from(l).bold())
    .collect();
    lines.extend([
        Line::default(),
        Line::from(Span::styled(
            format!("  {shown}  "),
            band_style(band).bold().reversed(),
        )),
    ]);
    // Wrapped here: see `wrap_cells` (ratatui's wrap can leave half of a
    // CJK character at the panel's edge).
    let state = format!(
        "{}: {}   {}",
        t(Msg::Timer),
        timer_state(&speech, used),
        Msg::Limit.fill(&[&minutes])
    );
    lines.extend(
        wrap_cells(&state, usize::from(cells), Breaks::Spaces)
            .into_iter()
            .map(Line::from),
    );
    if key.meeting == MeetingKind::PartyBuildingReview {
        lines.push(Line::default());
        lines.push(Line::from(t(Msg::Comment)).bold());
        match &speech.comment {
            // Wrapped here: see `wrap_cells`.
            Some(c) => lines.extend(
                wrap_cells(c, usize::from(cells), Breaks::Spaces)
                    .into_iter()
                    .map(Line::from),
            ),
            None => lines.push(Line::from(t(Msg::NoComment)).dim()),
        }
    }
    lines
}

/// The checklist of written reports, names padded so the marks line up.
fn written_reports(app: &App, key: &MeetingKey, selected: usize) -> Vec<Line<'static>> {
    let received = &app.model().meeting(key).written_received;
    let writers = app.writers(key);
    let name_w = usize::from(column_width(writers.iter().map(String::as_str), 2));
    writers
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let got = received.contains(name);
            let text = format!(
                "[{}] {}  {}",
                if got { "x" } else { " " },
                crate::text::pad_right(name, name_w),
                t(if got { Msg::Received } else { Msg::Missing })
            );
            let style = if i == selected {
                Style::new().reversed()
            } else {
                Style::default()
            };
            Line::from(Span::styled(text, style))
        })
        .collect()
}

/// The round's results (at 公布结果 as the announcement to read out),
/// under its notes: void rounds before it, its closing fingerprint, and
/// the history of its closes.
fn draw_results(
    frame: &mut Frame,
    app: &App,
    key: &MeetingKey,
    r: &Round,
    area: Rect,
    announce_from: Option<usize>,
) {
    let model = app.model();
    let cells = usize::from(area.width);
    let mut notes: Vec<Line> = model
        .rounds_of(&key.unit, key.meeting)
        .filter(|old| old.status == RoundStatus::Void)
        .map(|old| Line::from(Msg::RoundVoidInfo.fill(&[&old.key.round])).yellow())
        .collect();
    if let RoundStatus::Closed { head } = &r.status {
        let short = crate::domain::round::short_fingerprint(head);
        let info = Msg::RoundClosedInfo.fill(&[&short]);
        notes.extend(
            wrap_cells(&info, cells, Breaks::Spaces)
                .into_iter()
                .map(|l| Line::from(l).green().bold()),
        );
    }
    // Earlier closes of a reopened round: what was signed, why it was
    // reopened, what changed since.
    for text in history_lines(r) {
        notes.extend(
            wrap_cells(&text, cells, Breaks::Spaces)
                .into_iter()
                .map(|l| Line::from(l).yellow()),
        );
    }
    let [note_area, results_area] =
        Layout::vertical([Constraint::Length(notes.len() as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(notes), note_area);
    if let Some(from) = announce_from {
        draw_announcement(frame, app, key, r, from, results_area);
    } else {
        super::results::draw(frame, model, r, &scale(app, key), results_area);
    }
}

/// 公布结果: the read-out line, then each person's counts and rates in
/// ballot order, bold and spaced to be read aloud (a blank line between
/// people when the room allows), the rates' legend last. When not everyone
/// fits, the people scroll from `from` (Up / Down), with plain-text lines
/// saying how many are above and below.
fn draw_announcement(
    frame: &mut Frame,
    app: &App,
    key: &MeetingKey,
    r: &Round,
    from: usize,
    area: Rect,
) {
    let model = app.model();
    let scale = scale(app, key);
    let cells = usize::from(area.width);
    let (read_out, people) = super::results::announcement(model, r, &scale);
    let wrapped = |text: &str| wrap_cells(text, cells, Breaks::Spaces);
    let mut lines: Vec<Line> = vec![Line::from(t(Msg::AnnouncementTitle)).dim()];
    lines.extend(
        wrapped(&read_out)
            .into_iter()
            .map(|l| Line::from(l).bold().cyan()),
    );
    let legend = wrapped(&super::results::rate_legend(&model.campaign.rules, &scale));
    let body: Vec<Vec<String>> = people.iter().map(|p| wrapped(p)).collect();
    let room = usize::from(area.height).saturating_sub(lines.len() + legend.len() + 1);
    let (from, to, spaced) = announce_window(&body, from, room);
    let more = |n: usize, msg: Msg| Line::from(msg.fill(&[&n])).yellow();
    if from > 0 {
        lines.push(more(from, Msg::AnnounceMoreAbove));
    }
    for person in &body[from..to] {
        if spaced {
            lines.push(Line::default());
        }
        lines.extend(person.iter().map(|l| Line::from(l.clone()).bold()));
    }
    if to < body.len() {
        lines.push(more(body.len() - to, Msg::AnnounceMoreBelow));
    }
    lines.push(Line::default());
    lines.extend(legend.into_iter().map(|l| Line::from(l).dim()));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Which people of the announcement fit `room` rows, starting at `from`
/// (moved back so that the last page is full): `(from, to, spaced)`, with
/// a blank line between people when everyone fits with one. A line
/// saying how many are above or below takes a row of the room.
fn announce_window(body: &[Vec<String>], from: usize, room: usize) -> (usize, usize, bool) {
    let total: usize = body.iter().map(Vec::len).sum();
    if total + body.len() <= room {
        return (0, body.len(), true);
    }
    if total <= room {
        return (0, body.len(), false);
    }
    // From the end backwards: the first person of the last full page.
    let mut last_from = body.len();
    let mut used = 1; // "N more above"
    while last_from > 0 && used + body[last_from - 1].len() <= room {
        used += body[last_from - 1].len();
        last_from -= 1;
    }
    let from = from.min(last_from);
    let mut to = from;
    let mut used = usize::from(from > 0);
    while to < body.len() {
        let below = usize::from(to + 1 < body.len());
        if used + body[to].len() + below > room {
            break;
        }
        used += body[to].len();
        to += 1;
    }
    // Always at least one person, even on a tiny screen.
    (from, to.max(from + 1).min(body.len()), false)
}

/// What the step still needs: requirements under a red "必须" heading,
/// reminders under a yellow "提醒" one (in words, not by colour alone);
/// at the last step, whether the meeting is done.
fn draw_needs(
    frame: &mut Frame,
    app: &App,
    step: &AgendaStep,
    open: &[Need],
    last: bool,
    area: Rect,
) {
    // Wrapped here, not by ratatui: see `wrap_cells`.
    let cells = usize::from(area.width);
    let closed = app
        .current_round()
        .is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. }));
    let (required, reminders): (Vec<&Need>, Vec<&Need>) =
        open.iter().partition(|n| n.blocking(step));
    let heading = match (open.is_empty(), last, closed) {
        (_, true, true) => Some(Msg::CloseDone),
        (true, true, false) => Some(Msg::LastStepNote),
        (true, false, _) => Some(Msg::NothingNeeded),
        // Only acknowledged warnings at the close step: listed, not needed.
        (false, true, false) if required.is_empty() => Some(Msg::CloseWarnings),
        (false, false, _) if required.is_empty() => Some(Msg::NothingNeeded),
        _ => None,
    };
    let wrapped = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap_cells(text, cells, Breaks::Spaces)
            .into_iter()
            .map(|s| Line::from(Span::styled(s, style)))
            .collect()
    };
    let mut lines: Vec<Line> = heading
        .map(|m| wrapped(t(m), Style::new().dim()))
        .unwrap_or_default();
    let last_heading = heading == Some(Msg::CloseWarnings);
    let groups = [
        (Msg::NeedRequired, Style::new().red(), &required),
        (Msg::NeedReminder, Style::new().yellow(), &reminders),
    ];
    for (words, style, group) in groups {
        if group.is_empty() {
            continue;
        }
        if !last_heading {
            lines.extend(wrapped(t(words), style.bold()));
        }
        for n in group.iter() {
            let style = match n {
                Need::Warning { .. } if !n.blocking(step) => style.dim(),
                _ => style,
            };
            lines.extend(wrapped(&format!("- {}", need_text(n)), style));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
