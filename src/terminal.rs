//! What the meeting screen and the projector share about the terminal
//! and the clock, without either's state: the projector must not reach
//! the app layer through the meeting screen's event loop.

use chrono::{DateTime, FixedOffset, Local};

/// The laptop's clock, with its offset.
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// Restore the terminal and exit on SIGTERM/SIGHUP, which bypass the panic
/// hook. Shared by the meeting screen and the projector.
/// `fold`: the campaign file the meeting screen writes, folded into the
/// main file from a fresh connection before exiting (the writer's own
/// connection is busy in the other thread).
#[cfg(unix)]
pub fn restore_on_signals(fold: Option<std::path::PathBuf>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::iterator::Signals;
    if let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                ratatui::restore();
                if let Some(path) = &fold {
                    crate::store::checkpoint::checkpoint_path(path);
                }
                std::process::exit(128 + sig);
            }
        });
    }
}

#[cfg(not(unix))]
pub fn restore_on_signals(_fold: Option<std::path::PathBuf>) {
    // Windows has no SIGTERM/SIGHUP; closing the console ends the process
    // and the console itself goes away, so there is nothing to restore.
}
