//! Following the campaign file from a second process, read-only.
//!
//! Every poll is cheap: `stat` the path (is it still the file we opened?)
//! and `PRAGMA data_version` (has anyone committed since we last looked?).
//! Only when the version moved are the new events read, one SELECT of the
//! events after the last one folded, and folded into the model: the hash
//! chain is checked link by link from the head we hold, so the projector
//! shows exactly what `ceping verify` would accept.
//!
//! Each query is its own short implicit transaction; nothing is held
//! between polls, so the liaison's writes and SQLite's checkpoints never
//! wait for the projector. The connection is opened read-only and nothing
//! here writes.
//!
//! A path that disappears, or now holds a file whose log does not continue
//! the one on screen (a different campaign, a history rewritten), is a
//! [`Problem`]; the follower then retries every second. A file that was
//! moved away and back, or copied over with the same history and more,
//! simply continues.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::domain::Model;
use crate::store::{Reason, Store, StoreError, chain, check_head};

/// How often the file is polled while all is well: a commit shows on the
/// projector within this plus one fold and one frame.
pub const POLL: Duration = Duration::from_millis(50);

/// How often a missing, replaced or unreadable file is tried again.
pub const RETRY: Duration = Duration::from_secs(1);

/// Why the projector cannot show the file right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing at the path (deleted or moved away).
    Missing,
    /// The file at the path does not continue the log on screen.
    Replaced,
    /// Any other error, as a sentence.
    Unreadable(String),
}

impl Problem {
    fn from_store(e: StoreError) -> Problem {
        match e {
            StoreError::NotFound(_) => Problem::Missing,
            e => Problem::Unreadable(e.to_string()),
        }
    }
}

/// Which file a path names: device and inode on Unix, so that a file
/// replaced under the same name is noticed even though the connection
/// still reads the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId(u64, u64);

fn file_id(path: &Path) -> Result<FileId, Problem> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Unreadable(e.to_string()),
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(FileId(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        // Windows keeps an open file from being deleted or replaced.
        let _ = meta;
        Ok(FileId(0, 0))
    }
}

/// The read-only follower of one campaign file. The fold of its log is
/// kept by the caller (the screen state) and handed to each poll.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    store: Option<Store>,
    id: Option<FileId>,
    /// `PRAGMA data_version` when the log was last read.
    version: Option<i64>,
    /// The chain head after the last event folded.
    head: [u8; 32],
    /// What keeps the projector from following the file, if anything.
    pub problem: Option<Problem>,
}

impl Follower {
    /// Open `path` read-only and fold its log into `model`. Fails if the
    /// file cannot be read now (a wrong path is better told at once than
    /// retried).
    pub fn open(path: &Path, model: &mut Option<Model>) -> Result<Follower, StoreError> {
        let mut f = Follower {
            path: path.to_path_buf(),
            store: None,
            id: None,
            version: None,
            head: chain::GENESIS,
            problem: None,
        };
        *model = None;
        f.id = file_id(path).ok();
        f.store = Some(Store::open_read_only(path)?);
        match f.refresh(model) {
            Ok(()) => Ok(f),
            Err(Problem::Missing) => Err(StoreError::NotFound(path.to_path_buf())),
            Err(problem) => {
                // Say exactly what is wrong, as `verify` would; should the
                // log fold after all, show the problem on screen instead.
                Store::open_read_only(path)?.replay()?;
                f.problem = Some(problem);
                Ok(f)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The interval to the next poll: short while following, a second
    /// while there is a problem.
    pub fn interval(&self) -> Duration {
        if self.problem.is_some() { RETRY } else { POLL }
    }

    /// Look for news and fold it into `model`. `true` if the model or the
    /// problem changed.
    pub fn poll(&mut self, model: &mut Option<Model>) -> bool {
        let events = model.as_ref().map(|m| m.events);
        let result = self.refresh(model);
        let problem = result.err();
        if matches!(problem, Some(Problem::Missing | Problem::Replaced)) {
            // Let go of the old file; it is reopened when it is back.
            self.store = None;
            self.id = None;
        }
        let changed = problem != self.problem || events != model.as_ref().map(|m| m.events);
        self.problem = problem;
        changed
    }

    /// Forget everything folded and follow whatever file is at the path
    /// now (the key `r`, after the file was replaced).
    pub fn reload(&mut self, model: &mut Option<Model>) {
        self.store = None;
        self.id = None;
        self.version = None;
        self.head = chain::GENESIS;
        self.problem = None;
        *model = None;
        self.poll(model);
    }

    /// One poll: reopen if the path names another file, then read and
    /// fold new events if the data version moved.
    fn refresh(&mut self, model: &mut Option<Model>) -> Result<(), Problem> {
        let id = file_id(&self.path)?;
        if self.store.is_none() || self.id != Some(id) {
            self.store = None;
            let store = Store::open_read_only(&self.path).map_err(Problem::from_store)?;
            self.store = Some(store);
            self.id = Some(id);
            self.version = None;
        }
        let Some(store) = self.store.as_ref() else {
            return Err(Problem::Missing);
        };
        // Read the version first: a commit landing between the two reads
        // is then read now and seen again (harmlessly) next time.
        let version = store
            .data_version()
            .map_err(|e| Problem::Unreadable(e.to_string()))?;
        if self.version == Some(version) {
            return Ok(());
        }
        self.fold_new(model)?;
        self.version = Some(version);
        Ok(())
    }

    /// Read the events after the last one folded and fold them, checking
    /// that the file still holds that last event (same hash) and that
    /// every new event links to the one before.
    fn fold_new(&mut self, model: &mut Option<Model>) -> Result<(), Problem> {
        let Some(store) = self.store.as_ref() else {
            return Err(Problem::Missing);
        };
        let folded = model.as_ref().map_or(0, |m| m.events);
        // One SELECT (one implicit transaction) from the last known event.
        let rows = store
            .read_after(folded.saturating_sub(1))
            .map_err(|e| Problem::Unreadable(e.to_string()))?;
        let mut rows = rows.into_iter().peekable();
        if folded > 0 {
            match rows.next() {
                Some(e) if e.seq == folded && e.hash == chain::to_hex(&self.head) => {}
                _ => return Err(Problem::Replaced),
            }
        }
        for e in rows {
            // The screen shows the sentence (in the screen's language).
            let damaged = |reason: Reason| {
                Problem::Unreadable(StoreError::Damaged { seq: e.seq, reason }.to_string())
            };
            let last = model.as_ref().map_or(0, |m| m.events);
            if e.seq != last + 1 {
                return Err(damaged(Reason::GapBefore));
            }
            let (hash, event) = e.link_after(&self.head).map_err(damaged)?;
            let folded = match model.as_mut() {
                None => Model::from_first(&event).map(|m| *model = Some(m)),
                Some(m) => check_head(m, &event, &self.head).and_then(|()| m.apply(&event)),
            };
            folded.map_err(|err| damaged(Reason::Domain(Box::new(err))))?;
            // The same times as the writer's model (the minutes' start/end).
            if let (Some(m), Some(at)) = (model.as_mut(), crate::store::parse_ts(&e.ts)) {
                m.note_time(&event, at);
            }
            self.head = hash;
        }
        Ok(())
    }
}
