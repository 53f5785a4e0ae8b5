//! The terminal: lifecycle and the event loop. Synchronous: block on the
//! next key; wake on a timer only while a running speaker timer is on
//! screen; redraw only after a change. The terminal is restored on exit,
//! on panic (ratatui's hook) and on SIGTERM/SIGHUP (Unix) or the console's
//! close, log-off, shutdown and Ctrl-Break events (Windows), which bypass
//! the panic hook (`crate::terminal::restore_on_signals`). Nothing is lost
//! by such an exit: every entry shown as saved was committed before it was
//! shown.

use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::App;
use crate::store::Session;

pub use crate::terminal::{now, restore_on_signals};

/// Run the meeting screen on `session` until the user quits, keeping a
/// mirror copy if asked.
pub fn run(session: Session, mirror: Option<crate::app::mirror::Mirror>) -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    // Pasted text arrives whole (a comment copied from a document, with
    // its line breaks) instead of as keys, where a line break would be
    // Enter and save half of it. A terminal without it pastes as keys.
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
    // Notes on stderr would land in the middle of the screen.
    crate::store::quiet_notices(true);
    restore_on_signals(Some(session.store.path().to_path_buf()));
    let mut app = App::new(session, now());
    app.mirror = mirror;
    let result = event_loop(&mut terminal, &mut app);
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    // The file is folded and marked closed when the session drops
    // (`Store`'s Drop): a copy of just the file is then the whole campaign.
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    let mut dirty = true;
    loop {
        if dirty {
            app.now = now();
            terminal.draw(|frame| crate::ui::draw(frame, app))?;
            dirty = false;
        }
        // Work a key deferred (the export) runs once its "started" frame
        // is on screen, then the result is drawn.
        if app.run_deferred() {
            dirty = true;
            continue;
        }
        if app.quit {
            return Ok(());
        }
        // Wake at the next whole second while a speaker timer ticks on
        // screen, else when the mirror or the idle checkpoint is due.
        let timer = app
            .timer_visible()
            .then(|| Duration::from_millis(1000 - (now().timestamp_subsec_millis() as u64 % 1000)));
        let wait = match (timer, app.wake_in()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let event = match wait {
            Some(wait) if !event::poll(wait)? => {
                app.now = now();
                dirty |= app.tick() || timer.is_some();
                None
            }
            _ => Some(event::read()?),
        };
        match event {
            Some(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                app.now = now();
                app.last_input = std::time::Instant::now();
                app.on_key(key);
                app.tick();
                dirty = true;
            }
            Some(Event::Paste(text)) => {
                app.last_input = std::time::Instant::now();
                app.on_paste(&text);
                dirty = true;
            }
            Some(Event::Resize(..)) => dirty = true,
            _ => {}
        }
    }
}

/// Run the start screen (`ceping` with no arguments) until it ends in a
/// choice: a file to open, a file for the projector, or quitting. No
/// signal handler of its own: on Unix each one registered stays, and one
/// without the file would race the meeting screen's, which folds the file
/// before exiting; nothing is open here for a signal to lose.
pub fn run_start(
    mut screen: crate::app::start::StartScreen,
) -> std::io::Result<crate::app::start::Choice> {
    let mut terminal = ratatui::try_init()?;
    crate::store::quiet_notices(true);
    let result = start_loop(&mut terminal, &mut screen);
    ratatui::restore();
    crate::store::quiet_notices(false);
    result
}

fn start_loop(
    terminal: &mut DefaultTerminal,
    screen: &mut crate::app::start::StartScreen,
) -> std::io::Result<crate::app::start::Choice> {
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| crate::ui::start::draw(frame, screen))?;
            dirty = false;
        }
        if let Some(choice) = screen.choice.take() {
            return Ok(choice);
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                screen.on_key(key);
                dirty = true;
            }
            Event::Resize(..) => dirty = true,
            _ => {}
        }
    }
}
