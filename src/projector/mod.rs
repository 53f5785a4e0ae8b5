//! `ceping projector FILE`: the live count on the meeting room's screen.
//!
//! A second process beside the liaison's ceping, read-only on the same
//! campaign file (the writer lock is not needed and not taken). It follows
//! the meeting the liaison worked on last (`Model::current`) and shows it
//! in big, high-contrast type: the agenda step, the speaker timer, the
//! ballot numbers, the running count.
//!
//! The loop: every [`follow::POLL`] the follower checks the file (a `stat`
//! and `PRAGMA data_version`, microseconds) and folds only new events; the
//! screen is redrawn only when something it shows changed: the model, a
//! problem, the window size, a key, or the running timer's second. While
//! the file is missing or replaced it retries every second. Nothing is
//! ever written, so quitting (`q`, `Esc`, `Ctrl-C`) asks nothing. The
//! terminal is restored on exit, on panic and on SIGTERM/SIGHUP, as for
//! the meeting screen.

pub mod counting;
pub mod digits;
pub mod follow;
pub mod view;

use std::path::Path;
use std::time::Instant;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

pub use follow::{Follower, Problem};
pub use view::{ProjectorState, draw};

use crate::store::StoreError;

/// The projector: the follower of the file and what the screen shows.
#[derive(Debug)]
pub struct Projector {
    pub follower: Follower,
    pub state: ProjectorState,
    /// When the file is looked at next.
    next_poll: Instant,
}

impl Projector {
    /// Open `path` read-only and fold its log; fails at once if it cannot.
    pub fn open(path: &Path) -> Result<Projector, StoreError> {
        let mut model = None;
        let follower = Follower::open(path, &mut model)?;
        let state = ProjectorState {
            file: path.display().to_string(),
            model,
            problem: follower.problem.clone(),
            hidden: false,
            now: crate::terminal::now(),
        };
        Ok(Projector {
            follower,
            state,
            next_poll: Instant::now() + follow::POLL,
        })
    }

    /// Poll the file if it is time. `true` if the screen must change.
    pub fn tick(&mut self) -> bool {
        let now = Instant::now();
        if now < self.next_poll {
            return false;
        }
        let changed = self.follower.poll(&mut self.state.model);
        self.state.problem.clone_from(&self.follower.problem);
        self.next_poll = now + self.follower.interval();
        changed
    }

    /// How long until the next poll is due.
    pub fn until_next_poll(&self) -> std::time::Duration {
        self.next_poll.saturating_duration_since(Instant::now())
    }

    /// Act on a key; `false` to quit.
    pub fn on_key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> bool {
        match code {
            KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => return false,
            KeyCode::Char('q') | KeyCode::Esc => return false,
            KeyCode::Char('h') => self.state.hidden = !self.state.hidden,
            KeyCode::Char('r') if self.follower.problem == Some(Problem::Replaced) => {
                self.follower.reload(&mut self.state.model);
                self.state.problem.clone_from(&self.follower.problem);
            }
            _ => {}
        }
        true
    }
}

/// Run the projector on `path` until the user quits. The file is opened
/// first (what is wrong with it is said first), then the terminal, which
/// must be one: the projector has no plain-text form.
pub fn run(path: &Path) -> Result<(), StoreError> {
    use std::io::IsTerminal;
    let mut projector = Projector::open(path)?;
    let no_terminal = |detail| StoreError::NoTerminal {
        command: "projector",
        detail,
    };
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return Err(no_terminal(None));
    }
    let mut terminal = ratatui::try_init().map_err(|e| no_terminal(Some(e.to_string())))?;
    crate::terminal::restore_on_signals(None);
    // A notice printed now (the file reopened) would garble the screen.
    crate::store::quiet_notices(true);
    let result = event_loop(&mut terminal, &mut projector);
    ratatui::restore();
    crate::store::quiet_notices(false);
    // Drawing or reading keys failed: the terminal went away.
    result.map_err(|e| no_terminal(Some(e.to_string())))
}

fn event_loop(terminal: &mut DefaultTerminal, p: &mut Projector) -> std::io::Result<()> {
    let mut dirty = true;
    let mut shown_timer = None;
    let mut shown_page = None;
    loop {
        if p.tick() {
            dirty = true;
        }
        p.state.now = crate::terminal::now();
        // A running timer is redrawn when its second changes, not before.
        let timer = view::running_timer(&p.state);
        // The announcement's page turns every few seconds when not
        // everyone fits; redrawing as often costs nothing otherwise.
        let page = p.state.now.timestamp() / counting::PAGE_SECONDS;
        if timer != shown_timer || Some(page) != shown_page {
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| draw(frame, &p.state))?;
            shown_timer = timer;
            shown_page = Some(page);
            dirty = false;
        }
        if event::poll(p.until_next_poll())? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if !p.on_key(key.code, key.modifiers) {
                        return Ok(());
                    }
                    dirty = true;
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
    }
}
