//! The start screen (`ceping` with no arguments): the campaign files found,
//! newest first, each with its title (or why it cannot be read), its
//! folder and its last change; the question being typed or the last
//! sentence on the status line; the keys in the footer, from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};

use super::widgets::{Breaks, shorten, too_small, wrap_cells};
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::Status;

use crate::app::start::{Ask, FolderKind, StartPrompt, StartScreen, Unreadable};
use crate::catalog::{Msg, StartText, t};
use crate::text::width;

/// The status line's sentence may take this many lines (a campaign
/// TOML's error names the file and the place).
const STATUS_LINES: usize = 3;

pub fn draw(frame: &mut Frame, screen: &StartScreen) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, MIN_WIDTH, MIN_HEIGHT);
        return;
    }
    let footer = super::footer_lines(screen.mode(), area.width);
    let status = status_lines(screen, area.width);
    let [header, body, status_area, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status.len().max(1) as u16),
        Constraint::Length(footer.len() as u16),
    ])
    .areas(area);
    draw_header(frame, header);
    if screen.files.is_empty() {
        draw_empty(frame, screen, body);
    } else {
        draw_files(frame, screen, body);
    }
    match &screen.prompt {
        Some(p) => draw_prompt(frame, p, status_area),
        None => frame.render_widget(Paragraph::new(status), status_area),
    }
    frame.render_widget(Paragraph::new(footer), footer_area);
    if screen.help {
        super::help::draw_mode(frame, screen.mode(), body);
    }
}

fn draw_header(frame: &mut Frame, area: Rect) {
    let spans = vec![
        Span::styled(
            format!(" {} ", t(Msg::AppTitle)),
            // Not bold: many terminals draw bold black as grey, unreadable
            // on cyan.
            Style::new().black().on_cyan(),
        ),
        Span::raw(format!(" {} ", StartText::Title.text())),
    ];
    frame.render_widget(Line::from(spans).style(Style::new().on_dark_gray()), area);
}

fn folder_name(kind: FolderKind) -> &'static str {
    match kind {
        FolderKind::Here => StartText::HereFolder.text(),
        FolderKind::Documents => StartText::DocumentsFolder.text(),
    }
}

fn reason(why: Unreadable) -> &'static str {
    match why {
        Unreadable::NotCeping => StartText::NotCeping.text(),
        Unreadable::Damaged => StartText::Damaged.text(),
        Unreadable::Newer => StartText::Newer.text(),
        Unreadable::NoPermission => StartText::NoPermission.text(),
        Unreadable::Busy => StartText::Busy.text(),
        Unreadable::NoCampaign => StartText::NoTitle.text(),
        Unreadable::Other => StartText::OtherError.text(),
    }
}

/// The list: a row per file, the selected one marked and reversed.
fn draw_files(frame: &mut Frame, screen: &StartScreen, area: Rect) {
    // Every file listed ends in .ceping: the name without it leaves the
    // title room.
    let names: Vec<String> = screen.files.iter().map(|f| file_stem(&f.path)).collect();
    let changed_w = width("2022-01-10 09:00") as u16;
    let where_w = [FolderKind::Here, FolderKind::Documents]
        .map(folder_name)
        .into_iter()
        .chain([StartText::WhereColumn.text()])
        .map(width)
        .max()
        .unwrap_or(4) as u16;
    // The marker, three gaps between four columns, the block's sides.
    let fixed = 2 + 3 + 2 + changed_w + where_w;
    let room = area.width.saturating_sub(fixed);
    let widest = names.iter().map(|n| width(n)).max().unwrap_or(0) as u16;
    let name_w = widest
        .max(width(StartText::FileColumn.text()) as u16)
        .min(room / 2);
    let title_w = room.saturating_sub(name_w);
    let header = Row::new([
        StartText::FileColumn.text(),
        StartText::TitleColumn.text(),
        StartText::WhereColumn.text(),
        StartText::ChangedColumn.text(),
    ])
    .style(Style::new().bold());
    let rows = screen.files.iter().zip(&names).map(|(f, name)| {
        let (title, style) = match &f.title {
            Ok(title) => (title.clone(), Style::new()),
            Err(why) => (
                StartText::Unreadable.fill(&[&reason(*why)]),
                Style::new().red(),
            ),
        };
        let changed = f
            .modified
            .map(|m| screen.zone.format(m))
            .unwrap_or_default();
        Row::new([
            shorten(name, usize::from(name_w)).into(),
            Line::styled(shorten(&title, usize::from(title_w)), style),
            folder_name(f.folder).into(),
            changed.into(),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(name_w),
            Constraint::Length(title_w),
            Constraint::Length(where_w),
            Constraint::Length(changed_w),
        ],
    )
    .header(header)
    .column_spacing(1)
    .highlight_symbol("> ")
    .row_highlight_style(Style::new().reversed())
    .block(Block::bordered());
    let mut state = TableState::default().with_selected(Some(screen.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// No file yet: what to do, and where ceping looked.
fn draw_empty(frame: &mut Frame, screen: &StartScreen, area: Rect) {
    let block = Block::bordered();
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let folders: Vec<&str> = screen.folders.iter().map(|f| folder_name(f.kind)).collect();
    let looked = StartText::LookedIn.fill(&[&folders.join(StartText::ListSeparator.text())]);
    let mut lines: Vec<Line> = wrap_cells(StartText::Empty.text(), cells, Breaks::Anywhere)
        .into_iter()
        .map(|s| Line::from(s).bold())
        .collect();
    lines.push(Line::default());
    lines.extend(
        wrap_cells(&looked, cells, Breaks::Anywhere)
            .into_iter()
            .map(|s| Line::from(s).dim()),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The last sentence, wrapped over at most [`STATUS_LINES`] lines.
fn status_lines(screen: &StartScreen, cells: u16) -> Vec<Line<'static>> {
    let (text, style) = match (&screen.prompt, &screen.status) {
        (Some(_), _) | (None, None) => return vec![Line::default()],
        (None, Some(Status::Info(s))) => (s, Style::new().green()),
        (None, Some(Status::Error(s))) => (s, Style::new().red().bold()),
    };
    wrap_cells(text, usize::from(cells), Breaks::Anywhere)
        .into_iter()
        .take(STATUS_LINES)
        .map(|s| Line::styled(s, style))
        .collect()
}

/// The question and the path being typed, on the status line.
fn draw_prompt(frame: &mut Frame, p: &StartPrompt, area: Rect) {
    let question = match p.ask {
        Ask::Toml => StartText::PromptToml.text(),
        Ask::Roster => StartText::PromptRoster.text(),
    };
    let line = Rect { height: 1, ..area };
    let q_cells = (width(question) as u16 + 1).min(line.width.saturating_sub(13));
    let [q, input] =
        Layout::horizontal([Constraint::Length(q_cells), Constraint::Fill(1)]).areas(line);
    frame.render_widget(
        Span::styled(
            shorten(question, usize::from(q_cells)),
            Style::new().yellow().bold(),
        ),
        q,
    );
    let mut editor = p.input.area().clone();
    editor.set_style(Style::new());
    editor.set_cursor_style(Style::new().reversed());
    frame.render_widget(&editor, input);
}

fn file_stem(path: &std::path::Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
