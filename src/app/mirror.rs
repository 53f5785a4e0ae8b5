//! The mirror (`ceping open FILE --mirror DIR`): a verified copy of the
//! campaign kept in a second place, normally a USB stick, after each
//! closed round and every N ballots. Copies are made in a background
//! thread through their own read-only connection, so keying never waits;
//! a missing or full stick is a visible warning, never a stop, and the
//! copy is retried until it succeeds.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::catalog::Msg;
use crate::domain::Event;
use crate::store::backup::{Copied, backup};

/// How long after a failed copy the next attempt is made.
pub const RETRY: Duration = Duration::from_secs(10);

/// The last thing the mirror did, for the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MirrorState {
    /// Nothing copied yet.
    Waiting,
    Written {
        at: DateTime<FixedOffset>,
        events: u64,
    },
    Failed {
        at: DateTime<FixedOffset>,
        reason: String,
    },
}

#[derive(Debug)]
pub struct Mirror {
    src: PathBuf,
    pub dir: PathBuf,
    every: u32,
    /// Ballots recorded since the last copy was asked for.
    since: u32,
    /// A copy is due (a round closed, `every` ballots, or a retry).
    wanted: bool,
    retry_at: Option<Instant>,
    /// How long after a failure to try again (tests shorten it).
    pub retry: Duration,
    running: Option<Receiver<Result<Copied, String>>>,
    pub state: MirrorState,
}

impl Mirror {
    pub fn new(src: &Path, dir: PathBuf, every: u32) -> Mirror {
        Mirror {
            src: src.to_path_buf(),
            dir,
            every: every.max(1),
            since: 0,
            // A first copy at once: the stick holds the file from the start.
            wanted: true,
            retry_at: None,
            retry: RETRY,
            running: None,
            state: MirrorState::Waiting,
        }
    }

    /// Note a recorded event: ballots count towards the next copy, a
    /// closed round asks for one at once.
    pub fn noted(&mut self, event: &Event) {
        match event {
            Event::BallotRecorded { .. } => {
                self.since += 1;
                if self.since >= self.every {
                    self.since = 0;
                    self.wanted = true;
                }
            }
            Event::RoundClosed { .. } => self.wanted = true,
            _ => {}
        }
    }

    /// A copy is being written.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// When the loop should look again without input: soon while copying,
    /// at the retry time after a failure.
    pub fn wake_in(&self) -> Option<Duration> {
        if self.busy() {
            return Some(Duration::from_millis(200));
        }
        match (self.wanted, self.retry_at) {
            (true, Some(at)) => Some(at.saturating_duration_since(Instant::now())),
            (true, None) => Some(Duration::ZERO),
            _ => None,
        }
    }

    /// Collect a finished copy and start a due one. Returns whether what
    /// the header shows changed.
    pub fn tick(&mut self, now: DateTime<FixedOffset>) -> bool {
        let mut changed = false;
        if let Some(rx) = &self.running {
            match rx.try_recv() {
                Err(TryRecvError::Empty) => return false,
                Ok(Ok(copied)) => {
                    self.state = MirrorState::Written {
                        at: now,
                        events: copied.events,
                    };
                    self.retry_at = None;
                }
                Ok(Err(reason)) => self.failed(now, reason),
                Err(TryRecvError::Disconnected) => {
                    self.failed(now, Msg::MirrorThreadEnded.text().to_string())
                }
            }
            self.running = None;
            changed = true;
        }
        let due = self.retry_at.is_none_or(|at| Instant::now() >= at);
        if self.wanted && due {
            self.wanted = false;
            self.start();
        }
        changed
    }

    fn failed(&mut self, now: DateTime<FixedOffset>, reason: String) {
        self.state = MirrorState::Failed { at: now, reason };
        // Try again: the stick may come back.
        self.wanted = true;
        self.retry_at = Some(Instant::now() + self.retry);
    }

    fn start(&mut self) {
        let (tx, rx) = channel();
        let (src, dir) = (self.src.clone(), self.dir.clone());
        std::thread::spawn(move || {
            let _ = tx.send(copy(&src, &dir));
        });
        self.running = Some(rx);
    }
}

/// One copy into `dir`, which must exist (a folder on the stick): when it
/// is gone the stick was pulled out, and nothing is written elsewhere.
fn copy(src: &Path, dir: &Path) -> Result<Copied, String> {
    if !dir.is_dir() {
        return Err(Msg::MirrorFolderGone.fill(&[&dir.display()]));
    }
    backup(src, dir, true).map_err(|e| e.message(crate::i18n::lang()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BallotContent, MeetingKind, RoundKey};

    fn ballot() -> Event {
        Event::BallotRecorded {
            round: RoundKey {
                unit: "东村".into(),
                meeting: MeetingKind::AnnualReview,
                round: 1,
            },
            number: 1,
            content: BallotContent::Blank,
        }
    }

    #[test]
    fn every_n_ballots_and_each_close_ask_for_a_copy() {
        let mut m = Mirror::new(Path::new("a.ceping"), PathBuf::from("/nowhere"), 3);
        m.wanted = false;
        m.noted(&ballot());
        m.noted(&ballot());
        assert!(!m.wanted);
        m.noted(&ballot());
        assert!(m.wanted);
    }
}
