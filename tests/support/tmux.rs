//! A real terminal for end-to-end tests: a private tmux server (its own
//! socket in the test's folder) running ceping in one window, keys typed,
//! the screen read back. Every wait polls with a generous timeout that only
//! guards against a hang: nothing asserts on how fast anything is.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub use super::bin::{BIN, stderr};

/// A safety net for a hung program, not a performance limit.
pub const PATIENCE: Duration = Duration::from_secs(10);

pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A private tmux server (its own socket in the test's folder) running
/// one window; killed when dropped. When ceping ends, the script notes the
/// terminal's modes (`NAME.stty`) and ceping's exit status (`NAME.done`).
pub struct Term {
    socket: PathBuf,
    dir: PathBuf,
    name: String,
}

impl Term {
    /// Start `ceping ARGS` in `dir` in a `w` x `h` terminal, after the
    /// shell words `env` (e.g. `CEPING_LANG=en`).
    pub fn start(dir: &Path, name: &str, env: &str, args: &str, (w, h): (u16, u16)) -> Term {
        match Command::new("tmux").arg("-V").output() {
            Ok(o) if o.status.success() => {}
            _ => panic!(
                "tmux is not installed, and the end-to-end tests run ceping in a real \
                 terminal through tmux. Install it (e.g. `sudo apt-get install tmux` or \
                 `brew install tmux`) and run the tests again."
            ),
        }
        let conf = dir.join(format!("{name}.tmux.conf"));
        std::fs::write(&conf, "set -g remain-on-exit on\nset -g status off\n").unwrap();
        let script = format!(
            "{env} {bin} {args}; code=$?; stty -a > {name}.stty; echo \"EXIT=$code\" > {name}.done",
            bin = sh_quote(BIN)
        );
        let term = Term {
            socket: dir.join(format!("{name}.sock")),
            dir: dir.to_path_buf(),
            name: name.to_string(),
        };
        let o = Command::new("tmux")
            .arg("-u")
            .arg("-S")
            .arg(&term.socket)
            .arg("-f")
            .arg(&conf)
            .args(["new-session", "-d", "-s", "t", "-x"])
            .arg(w.to_string())
            .arg("-y")
            .arg(h.to_string())
            .arg("-c")
            .arg(dir)
            .arg(format!("sh -c {}", sh_quote(&script)))
            .env_remove("TMUX")
            .env_remove("CEPING_LANG")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("run tmux");
        assert!(o.status.success(), "tmux new-session: {}", stderr(&o));
        term
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    pub fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        let o = self.tmux(&args);
        assert!(o.status.success(), "send-keys {keys:?}: {}", stderr(&o));
    }

    /// Type text literally, character by character.
    pub fn type_text(&self, text: &str) {
        let o = self.tmux(&["send-keys", "-t", "t", "-l", text]);
        assert!(o.status.success(), "send-keys -l {text:?}: {}", stderr(&o));
    }

    pub fn screen(&self) -> String {
        let o = self.tmux(&["capture-pane", "-p", "-t", "t"]);
        assert!(o.status.success(), "capture-pane: {}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The screen with its colours (escape sequences), to tell big
    /// digits apart: they are coloured spaces.
    pub fn screen_in_colour(&self) -> String {
        let o = self.tmux(&["capture-pane", "-p", "-e", "-t", "t"]);
        assert!(o.status.success(), "capture-pane: {}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    pub fn pane(&self, format: &str) -> String {
        let o = self.tmux(&["display-message", "-p", "-t", "t", format]);
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    /// Poll until the screen shows every one of `texts`; the screen then.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "the screen did not show {texts:?} within {PATIENCE:?}. It shows:\n{screen}"
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The projector's process id (the pane runs `sh -c '... ceping ...'`).
    pub fn pid(&self) -> String {
        let shell = self.pane("#{pane_pid}");
        let o = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("run pgrep");
        let pid = String::from_utf8_lossy(&o.stdout).trim().to_string();
        assert!(
            !pid.is_empty(),
            "ceping's process not found under the pane's shell"
        );
        pid
    }

    /// Wait until the program has ended and the script noted its exit
    /// status; that note.
    pub fn wait_done(&self) -> String {
        let done = self.dir.join(format!("{}.done", self.name));
        let start = Instant::now();
        loop {
            if self.pane("#{pane_dead}") == "1"
                && let Ok(s) = std::fs::read_to_string(&done)
            {
                return s;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "ceping did not end within {PATIENCE:?}. The screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the program ended; assert its exit status and that the
    /// terminal is back to normal (main screen, line editing, echo, signals).
    pub fn assert_ended(&self, status: &str) {
        let note = self.wait_done();
        assert_eq!(
            note.trim(),
            format!("EXIT={status}"),
            "ceping's exit status"
        );
        assert_eq!(
            self.pane("#{alternate_on}"),
            "0",
            "the terminal was left on the alternate screen"
        );
        let stty = std::fs::read_to_string(self.dir.join(format!("{}.stty", self.name))).unwrap();
        let modes: Vec<&str> = stty.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig"] {
            assert!(
                modes.contains(&mode),
                "the terminal was left without `{mode}` (raw mode not undone):\n{stty}"
            );
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
