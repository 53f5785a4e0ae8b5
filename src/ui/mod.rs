//! Rendering: one small file per screen, each drawing from `&App`. Nothing
//! here changes state; nothing here touches the store.

mod agenda;
mod ballots;
mod grading;
mod help;
mod home;
pub mod results;
mod sheet;

/// The speaker timer's clock and colour bands, shared with the projector.
pub use agenda::{band_style, clock, role_label, timer_state};

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::{App, Screen, Status, keymap};
use crate::catalog::{Msg, t};
use crate::domain::needs::Need;
use crate::domain::{AgendaStep, MeetingKey, MeetingKind};

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

/// The "window too small" notice, asking for at least `min_w` x `min_h`.
pub fn too_small(frame: &mut Frame, area: Rect, min_w: u16, min_h: u16) {
    // Wrapped here by display width: see `wrap_cells`.
    let cells = usize::from(area.width);
    let mut lines: Vec<Line> = wrap_cells(t(Msg::TooSmall), cells)
        .into_iter()
        .map(|s| Line::from(s).bold())
        .collect();
    let hint = Msg::TooSmallHint.fill(&[&min_w, &min_h]);
    lines.extend(wrap_cells(&hint, cells).into_iter().map(Line::from));
    let y = area.height.saturating_sub(2) / 2;
    let inner = Rect {
        y: area.y + y,
        height: area.height.saturating_sub(y),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).centered(), inner);
}

/// `s` in lines of at most `cells` display cells, broken at a space when
/// there is one, else between any two characters. Use it instead of
/// `Paragraph::wrap` for Chinese text: ratatui's wrapper can emit a line
/// one cell wider than the area when a double-width character does not fit
/// in what is left of it (ratatui issue #2679); that cell is the block's
/// border or beyond the screen, and a terminal shows garbage.
pub(crate) fn wrap_cells(s: &str, cells: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let (mut head, tail) = crate::text::split_at_width(rest, cells);
        if !tail.is_empty()
            && !tail.starts_with(' ')
            && let Some(i) = head.rfind(' ').filter(|&i| i > 0)
        {
            head = &head[..i];
        }
        if head.is_empty() {
            break; // a character wider than the whole area
        }
        out.push(head.trim_end().to_string());
        rest = rest[head.len()..].trim_start();
    }
    out
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

/// Clear `area` for a popup. A double-width character just left of it
/// would cover the popup's left border (the terminal shows the character,
/// not the border), so it is blanked too.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    if area.x > frame.area().x {
        let buf = frame.buffer_mut();
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if crate::text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A rectangle of `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

pub fn meeting_name(kind: MeetingKind) -> &'static str {
    t(Msg::from(kind))
}

pub fn meeting_short(kind: MeetingKind) -> &'static str {
    t(match kind {
        MeetingKind::AnnualReview => Msg::AnnualReviewShort,
        MeetingKind::PartyBuildingReview => Msg::PartyBuildingReviewShort,
    })
}

pub fn step_name(step: &AgendaStep) -> String {
    match step {
        AgendaStep::RollCall => t(Msg::StepRollCall).into(),
        AgendaStep::OralReport { subject } => Msg::StepOralReport.fill(&[subject]),
        AgendaStep::WrittenReports => t(Msg::StepWrittenReports).into(),
        AgendaStep::IssueBallots => t(Msg::StepIssue).into(),
        AgendaStep::CollectBallots => t(Msg::StepCollect).into(),
        AgendaStep::Counting => t(Msg::StepCounting).into(),
        AgendaStep::Results => t(Msg::StepResults).into(),
        AgendaStep::Close => t(Msg::StepClose).into(),
    }
}

/// The sentence for a need of the agenda.
pub fn need_text(need: &Need) -> String {
    match need {
        Need::RollCall => t(Msg::NeedRollCall).into(),
        Need::Quorum {
            present,
            expected,
            quorum,
        } => Msg::NeedQuorum.fill(&[present, expected, quorum]),
        Need::Timer(s) => Msg::NeedTimer.fill(&[s]),
        Need::Written(n) => Msg::NeedWritten.fill(&[n]),
        Need::Issued => t(Msg::NeedIssued).into(),
        Need::Returned => t(Msg::NeedReturned).into(),
        Need::ReturnedOverIssued { returned, issued } => {
            Msg::NeedMoreReturnedThanIssued.fill(&[returned, issued])
        }
        Need::Entered { entered, returned } => Msg::NeedEntered.fill(&[entered, returned]),
        Need::SheetPass(p) => Msg::NeedSheetPass.fill(&[p]),
        Need::SheetDiff(n) => Msg::NeedSheetDiff.fill(&[n]),
        Need::IssuedFirst => t(Msg::NeedIssuedFirst).into(),
        Need::Warning {
            warning,
            acknowledged,
        } => {
            let hint = t(if *acknowledged {
                Msg::WarnAcked
            } else {
                Msg::WarnAckHint
            });
            format!("{}{hint}", warning_text(warning))
        }
    }
}

/// A reopened round's earlier closes, one sentence each, then what
/// changed after the latest reopening. Shared by the screen and exports.
pub fn history_lines(round: &crate::domain::Round) -> Vec<String> {
    let when = |at: Option<chrono::DateTime<chrono::FixedOffset>>| {
        at.map_or_else(
            || "-".to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    };
    let mut out = Vec::new();
    for (i, c) in round.history.iter().enumerate() {
        let Some(re) = &c.reopened else { continue };
        let short = c.head.get(..12).unwrap_or(&c.head);
        out.push(Msg::ReopenHistory.fill(&[
            &(i + 1),
            &when(c.closed_at),
            &short,
            &when(re.at),
            &re.reason,
        ]));
        let changes = changes_text(&re.changes);
        out.push(if changes.is_empty() {
            t(Msg::NoChangesAfter).to_string()
        } else {
            Msg::ChangesAfter.fill(&[&changes])
        });
    }
    out
}

/// What changed after a reopening, in one line ("更正第 3、7 号；收回 40 改为 41").
pub fn changes_text(c: &crate::domain::round::Changes) -> String {
    use crate::domain::round::CountField;
    let nums = |v: &[u32]| {
        v.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(t(Msg::ListSep))
    };
    let mut parts = Vec::new();
    for (list, msg) in [
        (&c.added, Msg::ChangedAdded),
        (&c.corrected, Msg::ChangedCorrected),
        (&c.withdrawn, Msg::ChangedWithdrawn),
        (&c.restored, Msg::ChangedRestored),
    ] {
        if !list.is_empty() {
            parts.push(msg.fill(&[&nums(list)]));
        }
    }
    for (field, before, after) in &c.counts {
        let label = t(match field {
            CountField::Expected => Msg::Expected,
            CountField::Present => Msg::Present,
            CountField::Issued => Msg::Issued,
            CountField::Returned => Msg::Returned,
        });
        let before = before.map_or_else(|| "-".to_string(), |b| b.to_string());
        parts.push(Msg::ChangedCount.fill(&[&label, &before, after]));
    }
    if c.sheet {
        parts.push(t(Msg::ChangedSheet).into());
    }
    if c.ballots_discarded {
        parts.push(t(Msg::ChangedBallotsDiscarded).into());
    }
    parts.join(t(Msg::PartSep))
}

/// The sentence of a counting warning, without the acknowledgement hint.
pub fn warning_text(w: &crate::domain::CountWarning) -> String {
    use crate::domain::CountWarning as W;
    match w {
        W::PresentOverExpected { present, expected } => {
            Msg::WarnPresentOverExpected.fill(&[present, expected])
        }
        W::IssuedOverPresent { issued, present } => {
            Msg::WarnIssuedOverPresent.fill(&[issued, present])
        }
        W::ReturnedShort {
            returned,
            issued,
            percent,
        } => Msg::WarnReturnedShort.fill(&[returned, issued, &(issued - returned), percent]),
        W::NoBallots => t(Msg::WarnNoBallots).into(),
        W::ManyBlank {
            blank,
            returned,
            percent,
        } => Msg::WarnManyBlank.fill(&[blank, returned, percent]),
        W::ManyInvalid {
            invalid,
            returned,
            percent,
        } => Msg::WarnManyInvalid.fill(&[invalid, returned, percent]),
    }
}

/// The colour of grade `i` (best first): green, blue, yellow, red, then
/// repeating for longer scales.
pub fn grade_color(i: usize, grades: usize) -> Color {
    if grades > 0 && i + 1 == grades {
        return Color::Red;
    }
    [
        Color::Green,
        Color::Blue,
        Color::Yellow,
        Color::Magenta,
        Color::Cyan,
    ][i % 5]
}

/// The widest of `names` in display cells, at least `min`: a column width
/// that fits CJK names.
pub fn column_width<'a>(names: impl IntoIterator<Item = &'a str>, min: usize) -> u16 {
    names
        .into_iter()
        .map(crate::text::width)
        .max()
        .unwrap_or(0)
        .max(min) as u16
}

/// Header cells for a scale's grades, each in its grade's colour.
pub fn grade_headers(
    scale: &[String],
) -> impl Iterator<Item = ratatui::widgets::Cell<'static>> + '_ {
    scale.iter().enumerate().map(|(i, g)| {
        ratatui::widgets::Cell::from(g.clone()).style(Style::new().fg(grade_color(i, scale.len())))
    })
}

/// The priority of a column never shown.
pub const HIDDEN: u8 = u8::MAX;

/// A table column for `fit_columns`: header, one styled text per row, and
/// how important it is when the table is narrow (0 = always shown).
pub struct Column {
    pub header: String,
    pub priority: u8,
    pub cells: Vec<(String, Style)>,
}

/// Keep the columns that fit in `cells`, dropping the least important
/// first, each as wide as its widest text. Dropping beats squeezing: a
/// squeezed header or grade is read wrong.
pub fn fit_columns(
    cols: Vec<Column>,
    cells: u16,
) -> (
    ratatui::widgets::Row<'static>,
    Vec<ratatui::widgets::Row<'static>>,
    Vec<Constraint>,
) {
    use ratatui::widgets::{Cell, Row};
    let cols: Vec<Column> = cols.into_iter().filter(|c| c.priority < HIDDEN).collect();
    let width = |c: &Column| {
        let w = c
            .cells
            .iter()
            .map(|(t, _)| crate::text::width(t))
            .max()
            .unwrap_or(0);
        w.max(crate::text::width(&c.header)) as u16
    };
    let mut levels: Vec<u8> = cols.iter().map(|c| c.priority).collect();
    levels.sort_unstable();
    levels.dedup();
    // The most columns whose priorities form a prefix and whose widths fit.
    let mut max_priority = 0;
    for &p in &levels {
        let need: u16 = cols
            .iter()
            .filter(|c| c.priority <= p)
            .map(|c| width(c) + 1)
            .sum();
        if need > cells + 1 && p > 0 {
            break;
        }
        max_priority = p;
    }
    let kept: Vec<Column> = cols
        .into_iter()
        .filter(|c| c.priority <= max_priority)
        .collect();
    let widths = kept.iter().map(|c| Constraint::Length(width(c))).collect();
    let header = Row::new(
        kept.iter()
            .map(|c| Cell::from(c.header.clone()))
            .collect::<Vec<_>>(),
    );
    let n = kept.first().map_or(0, |c| c.cells.len());
    let rows = (0..n)
        .map(|i| {
            Row::new(
                kept.iter()
                    .map(|c| {
                        let (text, style) = c.cells[i].clone();
                        Cell::from(text).style(style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    (header, rows, widths)
}

/// A meeting's scale labels.
pub fn scale(app: &App, key: &MeetingKey) -> Vec<String> {
    app.model()
        .campaign
        .meeting(key.meeting)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default()
}
