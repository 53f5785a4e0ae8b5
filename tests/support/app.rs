//! Fixtures for the UI tests: a demo campaign file with a fixed clock, a
//! tiny key-script language that drives the app only through its keymap
//! (`App::on_key`), and rendering into ratatui's `TestBackend` with a
//! text view that checks double-width (CJK) cells.
//!
//! Part of the test kit (`tests/support`).
#![allow(dead_code)]

use ceping::app::App;
use ceping::domain::Event;
use ceping::i18n::{Lang, set_thread_lang};
use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// A test's language, set by [`lock`]: proof that the test chose one,
/// to pass to [`lang`] when it switches.
#[must_use = "keep it to switch the language with `lang`"]
pub struct LangGuard(());

/// Set the language of this test's own thread and return the guard for
/// [`lang`]. Nothing is locked: the language is set for the calling thread
/// only (`ceping::i18n::set_thread_lang`), and the test harness runs every
/// test in a thread of its own, so tests running in parallel never see each
/// other's language. A thread the test spawns does not inherit it: set it
/// there again (`set_thread_lang(ceping::i18n::lang())` before spawning).
pub fn lock(lang: Lang) -> LangGuard {
    set_thread_lang(lang);
    LangGuard(())
}

/// Switch this test's language (see [`lock`]).
pub fn lang(_guard: &LangGuard, lang: Lang) {
    set_thread_lang(lang);
}

pub const LANGS: [(Lang, &str); 2] = [(Lang::Zh, "zh"), (Lang::En, "en")];
pub const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (160, 45)];

/// Run `test` once in each language, Chinese then English, with this
/// test's thread set to it (see [`lock`]); `test` is given the language
/// and its tag (`zh`, `en`, for snapshot names).
pub fn each_lang(mut test: impl FnMut(Lang, &'static str)) {
    let guard = lock(Lang::Zh);
    for (l, tag) in LANGS {
        lang(&guard, l);
        test(l, tag);
    }
}

/// A fresh demo campaign file in a temporary folder, opened for the
/// meeting screen with the clock at [`super::t0`]. Keep the `TempDir` alive.
pub fn demo_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let session =
        ceping::store::Store::create(&file(&dir), &ceping::campaign_toml::demo()).unwrap();
    (dir, App::new(session, super::t0()))
}

/// A fresh [`demo_app`] after the key script `script`.
pub fn demo_at(script: &str) -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    press(&mut app, script);
    (dir, app)
}

/// The campaign file inside a [`demo_app`] folder.
pub fn file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("m.ceping")
}

/// Move the app's clock forward.
pub fn advance(app: &mut App, seconds: i64) {
    app.now += Duration::seconds(seconds);
}

/// Parse a key script into key events.
///
/// Tokens are separated by spaces:
/// - a single character is that key (`1`, `c`, `?`, `-`);
/// - `<Enter>` `<Esc>` `<Space>` `<Tab>` `<BackTab>` `<BS>` `<Up>` `<Down>`
///   `<Left>` `<Right>` `<PgUp>` `<PgDn>` `<Home>` `<End>` `<Del>` are
///   those keys; `<C-x>` is Ctrl with character `x`; `<A-Enter>`,
///   `<C-Left>`, `<C-Right>` are Alt-Enter, Ctrl-Left, Ctrl-Right;
/// - `"text"` types each character of `text`, spaces included
///   (`e "45 40" <Enter>` is e, 4, 5, space, 4, 0, Enter).
///
/// Anything else panics, so a typo in a script cannot pass silently.
pub fn keys(script: &str) -> Vec<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut out = Vec::new();
    let mut rest = script.trim_start();
    while !rest.is_empty() {
        let token;
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted
                .find('"')
                .unwrap_or_else(|| panic!("unclosed quote in key script {script:?}"));
            out.extend(quoted[..end].chars().map(|c| plain(KeyCode::Char(c))));
            rest = &quoted[end + 1..];
            rest = rest.trim_start();
            continue;
        }
        let end = rest.find(' ').unwrap_or(rest.len());
        (token, rest) = rest.split_at(end);
        rest = rest.trim_start();
        let key = match token {
            "<Enter>" => plain(KeyCode::Enter),
            "<Esc>" => plain(KeyCode::Esc),
            "<Space>" => plain(KeyCode::Char(' ')),
            "<Tab>" => plain(KeyCode::Tab),
            "<BackTab>" => plain(KeyCode::BackTab),
            "<BS>" => plain(KeyCode::Backspace),
            "<Up>" => plain(KeyCode::Up),
            "<Down>" => plain(KeyCode::Down),
            "<Left>" => plain(KeyCode::Left),
            "<Right>" => plain(KeyCode::Right),
            "<PgUp>" => plain(KeyCode::PageUp),
            "<PgDn>" => plain(KeyCode::PageDown),
            "<Home>" => plain(KeyCode::Home),
            "<End>" => plain(KeyCode::End),
            "<Del>" => plain(KeyCode::Delete),
            "<A-Enter>" => KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
            "<C-Left>" => KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
            "<C-Right>" => KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
            t if t.starts_with("<C-") && t.ends_with('>') && t.chars().count() == 5 => {
                let c = t.chars().nth(3).unwrap();
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
            }
            t if t.chars().count() == 1 => plain(KeyCode::Char(t.chars().next().unwrap())),
            t => panic!("unknown token {t:?} in key script {script:?}"),
        };
        out.push(key);
    }
    out
}

/// Feed a key script to the app; returns the number of keys pressed.
pub fn press(app: &mut App, script: &str) -> usize {
    let keys = keys(script);
    for &k in &keys {
        app.on_key(k);
    }
    keys.len()
}

/// Draw the app on a `w` x `h` test terminal. Panics if the frame puts
/// anything in a cell that half of a double-width character covers (see
/// [`rows`]): a terminal would not show it.
pub fn render(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    draw(&mut terminal, app);
    terminal.backend().clone()
}

/// In each language, the screen that `build` reaches from a fresh
/// [`demo_app`], drawn at each of [`SIZES`] (see [`render`]):
/// `look(language, tag, (w, h), &app, &backend)` — to check it and
/// snapshot it (the snapshot asserted by the caller, so that it keeps the
/// caller's module in its name).
pub fn each_screen(
    build: impl Fn(&mut App),
    mut look: impl FnMut(Lang, &'static str, (u16, u16), &App, &TestBackend),
) {
    each_lang(|l, tag| {
        let (_dir, mut app) = demo_app();
        build(&mut app);
        for size in SIZES {
            look(l, tag, size, &app, &render(&app, size.0, size.1));
        }
    });
}

/// Draw the app on an existing test terminal and return the frame's
/// [`problems`]. The frame, not the backend: the backend only receives
/// the diff, which drops a cell hidden under a wide character.
pub fn draw_problems(terminal: &mut Terminal<TestBackend>, app: &App) -> Vec<String> {
    let frame = terminal.draw(|f| ceping::ui::draw(f, app)).unwrap();
    problems(frame.buffer)
}

/// Draw the app on an existing test terminal (resized beforehand as
/// needed), checking the frame as [`render`] does.
pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    let problems = draw_problems(terminal, app);
    if let Some(p) = problems.first() {
        panic!("{p}");
    }
}

/// The screen as text, one quoted line per row (the quotes keep trailing
/// spaces visible), as a terminal shows it: a
/// double-width character takes two cells and the cell it covers is not
/// printed. Panics if a covered cell holds anything but a space (a
/// character overwritten by half of a CJK one: garbage on a real
/// terminal) or if a row is not exactly the screen's width.
pub fn screen(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    rows(buffer)
        .into_iter()
        .map(|r| format!("\"{r}\"\n"))
        .collect::<String>()
}

/// The rows of a buffer as text; see [`screen`]. Panics on the first
/// problem [`problems`] finds.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let (rows, problems) = text_and_problems(buffer);
    if let Some(p) = problems.first() {
        panic!("{p}");
    }
    rows
}

/// What a terminal would show wrongly: a cell covered by half of a
/// double-width character that holds something (it would not show), or a
/// double-width character in the last column (it would not fit).
pub fn problems(buffer: &Buffer) -> Vec<String> {
    text_and_problems(buffer).1
}

fn text_and_problems(buffer: &Buffer) -> (Vec<String>, Vec<String>) {
    let w = buffer.area.width as usize;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (y, cells) in buffer.content.chunks(w.max(1)).enumerate() {
        let mut line = String::with_capacity(w);
        let mut cells_used = 0usize;
        let mut skip = 0usize;
        for (x, c) in cells.iter().enumerate() {
            let sym = c.symbol();
            if skip > 0 {
                if !(sym == " " || sym.is_empty()) {
                    problems.push(format!(
                        "cell ({x}, {y}) is covered by a double-width character but holds {sym:?}"
                    ));
                }
                skip -= 1;
                continue;
            }
            line.push_str(sym);
            let sym_w = if sym.len() == 1 { 1 } else { sym.width() };
            cells_used += sym_w;
            skip = sym_w.saturating_sub(1);
        }
        if cells_used != w {
            problems.push(format!(
                "row {y} is {cells_used} cells wide, not {w}: {line:?}"
            ));
        }
        out.push(line);
    }
    (out, problems)
}

/// Row `y` of the screen as text.
pub fn row(backend: &TestBackend, y: u16) -> String {
    rows(backend.buffer())[y as usize].clone()
}

/// How many rows the footer takes: one, or two when the keys do not fit
/// in one. Footer rows start with a key chip (black on grey).
pub fn footer_rows(backend: &TestBackend) -> u16 {
    let buffer = backend.buffer();
    let h = buffer.area.height;
    if h >= 3 && buffer[(0, h - 2)].bg == ratatui::style::Color::Gray {
        2
    } else {
        1
    }
}

/// The row of the status line, just above the footer.
pub fn status_row(backend: &TestBackend) -> u16 {
    backend.buffer().area.height - 1 - footer_rows(backend)
}

/// The status line.
pub fn status_line(backend: &TestBackend) -> String {
    row(backend, status_row(backend)).trim_end().to_string()
}

/// The status line ends with `sentence` (cut at the right edge only if
/// the line is full); returns the colour it is shown in.
pub fn status_shows(b: &TestBackend, sentence: &str) -> ratatui::style::Color {
    let y = status_row(b);
    let line = row(b, y);
    let start: String = sentence.chars().take(8).collect();
    let at = line
        .find(&start)
        .unwrap_or_else(|| panic!("{sentence:?} not on the status line {line:?}"));
    let shown = line[at..].trim_end();
    if line.width() > line.trim_end().width() {
        assert_eq!(shown, sentence, "{line:?}");
    } else {
        assert!(sentence.starts_with(shown), "{line:?}");
    }
    b.buffer()[(line[..at].width() as u16, y)].fg
}

/// The status line is exactly `sentence`, in `colour`.
pub fn status_says(b: &TestBackend, sentence: &str, colour: Color) {
    assert_eq!(status_line(b), sentence);
    assert_eq!(fg_of(b, sentence), colour);
}

/// The app drawn at 160x45 asks `text`, followed by what is typed: on
/// the status line for a one-line answer, in the typing box (a row
/// inside its border) for a text or a form.
pub fn status_starts(app: &App, text: &str) {
    let b = render(app, 160, 45);
    let boxed = app
        .prompt()
        .is_some_and(|p| p.kind.shape() != ceping::app::Shape::Line);
    if boxed {
        let found = rows(b.buffer()).iter().any(|r| {
            r.trim_start_matches('│')
                .trim_end_matches([' ', '│'])
                .starts_with(text)
        });
        assert!(found, "{text:?} not in the typing box:\n{}", screen(&b));
    } else {
        let line = status_line(&b);
        assert!(line.starts_with(text), "{line}");
    }
}

/// The footer: its one or two rows, joined by the two spaces that ended
/// the first row's last binding.
pub fn footer_line(backend: &TestBackend) -> String {
    let h = backend.buffer().area.height;
    (h - footer_rows(backend)..h)
        .map(|y| row(backend, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("  ")
}

/// The cell position (x, y) where `needle` first appears on screen.
pub fn find(backend: &TestBackend, needle: &str) -> Option<(u16, u16)> {
    // Row text has one char per drawn character, so the display width of
    // what precedes a match is its cell column.
    rows(backend.buffer())
        .iter()
        .enumerate()
        .find_map(|(y, r)| {
            let at = r.find(needle)?;
            Some((r[..at].width() as u16, y as u16))
        })
}

/// The events recorded after `seq`, decoded as read back from the file.
pub fn events_after(app: &App, seq: u64) -> Vec<Event> {
    app.session
        .store
        .read_after(seq)
        .unwrap()
        .into_iter()
        .map(|e| Event::from_parts(&e.kind, &e.body).unwrap())
        .collect()
}

/// Press `script`: exactly one event must be recorded, and no error said;
/// returns that event as read back from the file.
pub fn recorded(app: &mut App, script: &str) -> Event {
    let seq = app.session.store.last_seq();
    press(app, script);
    assert!(
        !matches!(app.status, Some(ceping::app::Status::Error(_))),
        "{script:?}: {:?}",
        app.status
    );
    assert_eq!(app.session.store.last_seq(), seq + 1, "{script:?}");
    events_after(app, seq).pop().unwrap()
}

/// Press `script`: the app must refuse with `sentence` in red on the
/// status line, and nothing may change in the model or the file.
pub fn refused(app: &mut App, script: &str, sentence: &str) {
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    press(app, script);
    assert_eq!(
        app.status,
        Some(ceping::app::Status::Error(sentence.into())),
        "after {script:?}"
    );
    assert_eq!(app.model(), &model, "{script:?} changed the model");
    assert_eq!(app.session.store.last_seq(), seq, "{script:?} wrote");
    let b = render(app, 160, 45);
    assert_eq!(status_shows(&b, sentence), Color::Red);
}

/// The agenda lists `need` in red, and `n` (the next step) is refused
/// with it (see [`refused`]).
pub fn next_refused(app: &mut App, need: &str) {
    assert_eq!(
        fg_of(&render(app, 160, 45), &format!("- {need}")),
        Color::Red
    );
    refused(app, "n", need);
}

/// The foreground colour where `needle` first appears (panics if absent).
pub fn fg_of(backend: &TestBackend, needle: &str) -> Color {
    let (x, y) = find(backend, needle)
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", screen(backend)));
    backend.buffer()[(x, y)].fg
}

/// The background colour where `needle` first appears (panics if absent).
pub fn bg_of(backend: &TestBackend, needle: &str) -> Color {
    let (x, y) = find(backend, needle)
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", screen(backend)));
    backend.buffer()[(x, y)].bg
}

/// Does the screen show `needle` anywhere (within one row)?
pub fn shows(backend: &TestBackend, needle: &str) -> bool {
    rows(backend.buffer()).iter().any(|r| r.contains(needle))
}

/// Characters that only Chinese text uses (CJK ideographs, CJK and
/// full-width punctuation).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

/// Keys from home (street board row 0, 南塘村 述职测评大会) to the
/// counting step of a fresh meeting: start it, roll call 45/40, pass the
/// oral reports and written reports (reminders only), issue and collect
/// `n` ballots.
pub fn to_counting_script(n: u32) -> String {
    format!("{} n", collected_script(n, n))
}

/// Keys from home to the collect step of a fresh meeting, as
/// [`to_counting_script`] but with `issued` ballots issued and `returned`
/// collected, the agenda left at the collect step.
pub fn collected_script(issued: u32, returned: u32) -> String {
    format!(
        "<Enter> <Enter> e \"45 40\" <Enter> n n n n e \"{issued}\" <Enter> n e \"{returned}\" <Enter>"
    )
}

/// A true tally sheet of 南塘村's annual review (7 people) for 12 returned
/// ballots, 1 invalid and 1 blank: every row sums to 11, each person's six
/// cells being 优秀 称职 基本称职 不称职 弃权 无效.
pub const SHEET_12: [[u32; 6]; 7] = [
    [8, 2, 0, 0, 1, 0],
    [7, 3, 0, 0, 1, 0],
    [9, 1, 0, 0, 1, 0],
    [6, 3, 1, 0, 1, 0],
    [8, 1, 0, 1, 1, 0],
    [8, 1, 0, 0, 2, 0],
    [7, 1, 0, 1, 1, 1],
];

/// Keys for one pass of the tally sheet: 废票, 空白票, then each person's
/// six cells.
pub fn sheet_script(invalid: u32, blank: u32, rows: &[[u32; 6]; 7]) -> String {
    let mut s = format!("\"{invalid}\" <Enter> \"{blank}\" <Enter>");
    for row in rows {
        for v in row {
            s.push_str(&format!(" \"{v}\" <Enter>"));
        }
    }
    s
}
