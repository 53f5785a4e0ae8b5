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

/// Windows has no SIGTERM/SIGHUP: closing the console window, logging off,
/// shutting down and Ctrl-Break reach the process as console control
/// events instead, whose default is to end it at once. Ours does what the
/// Unix signals do (fold `fold`, restore the console, exit); the system
/// waits for it (about 5 s on close). Ctrl-C never comes this way while a
/// screen is up: crossterm's raw mode turns off processed input, so Ctrl-C
/// is a key, and asks before quitting. Either way nothing shown as saved
/// is lost: it was committed before it was shown.
#[cfg(windows)]
pub fn restore_on_signals(fold: Option<std::path::PathBuf>) {
    console::on_control_events(fold);
}

#[cfg(not(any(unix, windows)))]
pub fn restore_on_signals(_fold: Option<std::path::PathBuf>) {}

/// The console control handler, declared here rather than through the
/// `windows` crate for one function of kernel32.
#[cfg(windows)]
mod console {
    use std::path::PathBuf;
    use std::sync::{Mutex, Once};

    /// What the handler folds: the meeting screen's campaign file (`None`
    /// for the projector, which writes nothing).
    static FOLD: Mutex<Option<PathBuf>> = Mutex::new(None);
    static REGISTER: Once = Once::new();

    /// `CTRL_C_EVENT` and `CTRL_BREAK_EVENT` (wincon.h); the others are
    /// close, log-off and shutdown.
    const CTRL_C_EVENT: u32 = 0;
    const CTRL_BREAK_EVENT: u32 = 1;

    type HandlerRoutine = extern "system" fn(u32) -> i32;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn SetConsoleCtrlHandler(handler: Option<HandlerRoutine>, add: i32) -> i32;
    }

    pub fn on_control_events(fold: Option<PathBuf>) {
        *FOLD.lock().unwrap_or_else(|e| e.into_inner()) = fold;
        REGISTER.call_once(|| {
            // SAFETY: `handler` has the PHANDLER_ROUTINE signature and is
            // a plain function, valid for the life of the process. Without
            // a console the call fails, and there is nothing to handle.
            unsafe { SetConsoleCtrlHandler(Some(handler), 1) };
        });
    }

    /// Runs on a thread the system starts. Nothing here may panic (a
    /// panic cannot unwind out of it): the file is folded first, the
    /// console restored ignoring errors (the window may be going away).
    extern "system" fn handler(event: u32) -> i32 {
        let fold = FOLD.lock().ok().and_then(|f| f.clone());
        if let Some(path) = &fold {
            crate::store::checkpoint::checkpoint_path(path);
        }
        let _ = ratatui::try_restore();
        // The exit codes of the Unix signals it stands for: SIGINT, SIGHUP.
        let code = match event {
            CTRL_C_EVENT | CTRL_BREAK_EVENT => 130,
            _ => 129,
        };
        std::process::exit(code)
    }
}
