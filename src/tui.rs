//! The terminal: lifecycle and the event loop. Synchronous: block on the
//! next key; wake on a timer only while a running speaker timer is on
//! screen; redraw only after a change. The terminal is restored on exit,
//! on panic (ratatui's hook) and on SIGTERM/SIGHUP (Unix), which bypass
//! the panic hook. Nothing is lost by such an exit: every entry shown as
//! saved was committed before it was shown.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::App;
use crate::store::Session;

pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// Run the meeting screen on `session` until the user quits.
pub fn run(session: Session) -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    restore_on_signals();
    let mut app = App::new(session, now());
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
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
        let event = if app.timer_visible() {
            // Wake at the next whole second so the countdown ticks evenly.
            let ms = 1000 - (now().timestamp_subsec_millis() as u64 % 1000);
            if event::poll(Duration::from_millis(ms))? {
                Some(event::read()?)
            } else {
                dirty = true;
                None
            }
        } else {
            Some(event::read()?)
        };
        match event {
            Some(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                app.now = now();
                app.on_key(key);
                dirty = true;
            }
            Some(Event::Resize(..)) => dirty = true,
            _ => {}
        }
    }
}

/// Restore the terminal and exit on SIGTERM/SIGHUP, which bypass the panic
/// hook. Shared by the meeting screen and the projector.
#[cfg(unix)]
pub fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::iterator::Signals;
    if let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                ratatui::restore();
                std::process::exit(128 + sig);
            }
        });
    }
}

#[cfg(not(unix))]
pub fn restore_on_signals() {
    // Windows has no SIGTERM/SIGHUP; closing the console ends the process
    // and the console itself goes away, so there is nothing to restore.
}
