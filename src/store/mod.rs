//! The campaign file: one SQLite file whose truth is an append-only,
//! hash-chained event log (table `events`). The store appends and reads
//! events; the model is their fold (`crate::domain::Model`).
//!
//! Every append is one single-statement transaction, durable on return
//! (WAL, `synchronous=FULL`). The chain head is kept in memory by the one
//! writer, so an append costs one INSERT and nothing else.

pub mod backup;
pub mod chain;
pub mod checkpoint;
pub mod error;
pub mod lock;
pub mod schema;
mod sentences;
pub mod verify;

use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::domain::{Campaign, DomainError, Event, Model};
pub use error::{Damage, FileProblem, Looks, Notice, Reason, StoreError, quiet_notices};
pub use lock::Holder;
use lock::WriterLock;

/// One stored event as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub seq: u64,
    pub ts: String,
    pub kind: String,
    pub body: String,
    pub hash: String,
}

impl StoredEvent {
    /// Check this event's link after `prev` and decode it: the new head
    /// and the event, or why it is damaged.
    pub fn link_after(&self, prev: &[u8; 32]) -> Result<([u8; 32], Event), Reason> {
        let hash = chain::link(prev, self.seq, &self.ts, &self.kind, &self.body);
        if chain::to_hex(&hash) != self.hash {
            return Err(Reason::HashMismatch);
        }
        let event = Event::from_parts(&self.kind, &self.body)
            .map_err(|err| Reason::Unreadable(err.to_string()))?;
        Ok((hash, event))
    }
}

/// An open campaign file.
#[derive(Debug)]
pub struct Store {
    /// Declared before `lock`: the connection must close before the lock's
    /// descriptor does (see `lock`).
    conn: Connection,
    path: PathBuf,
    /// Held while this store may write; `None` for read-only stores.
    lock: Option<WriterLock>,
    head: [u8; 32],
    last_seq: u64,
    /// Opened immutable: the folder is read-only, so no writer can exist.
    immutable: bool,
    /// What the opening noticed (printed on stderr once, see `notices`).
    notices: Vec<Notice>,
}

/// A writable campaign file and its folded model: the app layer's handle.
#[derive(Debug)]
pub struct Session {
    pub store: Store,
    pub model: Model,
}

impl Session {
    /// Check `event` against the model, append it durably, then fold it in.
    /// On any error nothing changed, in the file or in the model.
    pub fn record(&mut self, event: Event) -> Result<u64, StoreError> {
        self.model.check(&event)?;
        check_head(&self.model, &event, &self.store.head())?;
        let (seq, at) = self.store.append_timed(&event)?;
        self.model.apply(&event)?;
        self.model.note_time(&event, at);
        if matches!(event, Event::RoundClosed { .. }) {
            // The certified round goes into the main file at once: a copy
            // of just the file holds it (best effort; a reader may delay it).
            let _ = self.store.checkpoint();
        }
        Ok(seq)
    }
}

/// A closing event must carry the chain head it certifies: the hash of the
/// event just before it. Checked on append and again on every replay,
/// except for events copied by a merge, whose heads belong to the source
/// file's chain (checked by `ceping merge` before copying).
pub(crate) fn check_head(model: &Model, event: &Event, prev: &[u8; 32]) -> Result<(), DomainError> {
    match event {
        Event::RoundClosed { head, .. } if model.copying == 0 && *head != chain::to_hex(prev) => {
            Err(DomainError::WrongHead)
        }
        _ => Ok(()),
    }
}

fn sqlite_flags(write: bool) -> OpenFlags {
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    if write {
        base | OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        base | OpenFlags::SQLITE_OPEN_READ_ONLY
    }
}

impl Store {
    /// An opened file before its log is read: no lock, no head yet
    /// (`replay` sets them).
    fn unread(conn: Connection, path: &Path, immutable: bool, notices: Vec<Notice>) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            lock: None,
            head: chain::GENESIS,
            last_seq: 0,
            immutable,
            notices,
        }
    }

    /// Create a new campaign file holding `campaign` as event 1. Refuses an
    /// existing file; on failure removes what it created.
    pub fn create(path: &Path, campaign: &Campaign) -> Result<Session, StoreError> {
        match lock::open_private(path, true) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists(path.to_path_buf()));
            }
            Err(e) => {
                return Err(match StoreError::at(path, e) {
                    StoreError::File {
                        path,
                        problem: FileProblem::ReadOnlyFolder,
                        detail,
                    } => StoreError::File {
                        path,
                        problem: FileProblem::CannotCreate,
                        detail,
                    },
                    e => e,
                });
            }
        }
        let made = Self::create_in(path, campaign);
        if made.is_err() {
            remove_with_sidecars(path);
        }
        made
    }

    fn create_in(path: &Path, campaign: &Campaign) -> Result<Session, StoreError> {
        let lock = Self::lock(path)?;
        let mut store = Self::connect(path, true, true)?;
        store.lock = Some(lock);
        store.mark_writer()?;
        let event = Event::CampaignDefined {
            campaign: campaign.clone(),
        };
        let model = Model::from_first(&event)?;
        store.append(&event)?;
        let _ = store.checkpoint();
        Ok(Session { store, model })
    }

    /// Open an existing campaign file for writing and fold its log. Nothing
    /// is written, locked or created beside the file before it shows itself
    /// a campaign file (`schema::probe`), and nothing is written to it (not
    /// even the writer note) before its whole log has folded.
    pub fn open(path: &Path) -> Result<Session, StoreError> {
        schema::probe(path)?;
        let lock = Self::lock(path)?;
        // Without its lock until the log folded: it cannot append, and
        // dropping it (on an error) writes nothing. Declared after `lock`,
        // so it is dropped first.
        let mut store = Self::connect(path, true, false)?;
        store.check_integrity(true)?;
        let model = store.replay()?;
        store.lock = Some(lock);
        store.mark_writer()?;
        store.announce();
        // Fold in what an earlier unclean exit left in the -wal, and put
        // the "in use" mark into the main file (see `checkpoint`).
        let _ = store.checkpoint();
        Ok(Session { store, model })
    }

    /// The writer lock of `path`, or who holds it.
    fn lock(path: &Path) -> Result<WriterLock, StoreError> {
        match lock::try_lock(path) {
            Ok(Some(lock)) => Ok(lock),
            Ok(None) => Err(StoreError::Locked {
                path: path.to_path_buf(),
                holder: Self::holder(path),
            }),
            Err(e) => Err(StoreError::at(path, e)),
        }
    }

    /// Note in the file who writes it, for a refused second writer.
    fn mark_writer(&mut self) -> Result<(), StoreError> {
        let me = Holder::me();
        self.conn
            .execute(
                "INSERT OR REPLACE INTO writer (id, user, host, pid, since) VALUES (1, ?1, ?2, ?3, ?4)",
                params![me.user, me.host, me.pid, me.since],
            )
            .map_err(|e| StoreError::at(&self.path, e))?;
        Ok(())
    }

    /// A connection to `path`, checked: SQLite's read-write or read-only
    /// open, the schema version (migrated when `creating`), WAL and full
    /// sync, the file and its `-wal`/`-shm` private. The store holds no lock
    /// yet. Its head is set by `replay` before anything can be appended.
    fn connect(path: &Path, write: bool, creating: bool) -> Result<Store, StoreError> {
        let at = |e: StoreError| StoreError::at(path, e);
        let mut conn = Connection::open_with_flags(path, sqlite_flags(write))
            .map_err(|e| StoreError::at(path, e))?;
        // SQLite quietly opens a file it cannot write read-only.
        if write
            && conn
                .is_readonly("main")
                .map_err(|e| StoreError::at(path, e))?
        {
            let problem = error::read_only_problem(path);
            return Err(StoreError::file(path, problem, None));
        }
        if write {
            schema::migrate(&mut conn, path, creating).map_err(at)?;
        } else {
            schema::check_version(&conn, path, false).map_err(at)?;
        }
        schema::durable_pragmas(&conn, write).map_err(at)?;
        schema::check_whole(&conn, path)?;
        lock::private_companions(path);
        let notices = lock::keep_private(path).into_iter().collect();
        Ok(Store::unread(conn, path, false, notices))
    }

    /// Who holds the write lock, as noted in the file (best effort). With
    /// a `-wal` beside this name, read through it (the note may be only
    /// there); without one (a hard link has its own `-wal` name, which the
    /// writer does not use), read the main file immutable, where the
    /// writer's checkpoint at open put the note, so that nothing is
    /// created beside the second name.
    fn holder(path: &Path) -> Option<Box<Holder>> {
        let conn = if sidecar(path, "-wal").exists() {
            Connection::open_with_flags(path, sqlite_flags(false))
        } else {
            Connection::open_with_flags(schema::immutable_uri(path), schema::read_only_flags())
        };
        conn.ok()
            .and_then(|conn| Self::read_holder(&conn))
            .map(Box::new)
    }

    fn read_holder(conn: &Connection) -> Option<Holder> {
        conn.query_row(
            "SELECT user, host, pid, since FROM writer WHERE id = 1",
            [],
            |r| {
                Ok(Holder {
                    user: r.get(0)?,
                    host: r.get(1)?,
                    pid: r.get(2)?,
                    since: r.get(3)?,
                })
            },
        )
        .ok()
    }

    /// Open read-only, without the writer lock (the projector, `verify`,
    /// `export`, `merge`'s inputs). Never writes. On a read-only folder or
    /// medium (a write-protected USB stick), where SQLite cannot make the
    /// `-shm`, the file is opened immutable instead (no writer can exist
    /// there), and a notice says so.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        schema::probe(path)?;
        let store = match Self::connect(path, false, false) {
            Err(e)
                if e.problem() == Some(FileProblem::ReadOnlyFolder)
                    && !error::folder_writable(path) =>
            {
                Self::connect_immutable(path)?
            }
            opened => opened?,
        };
        store.announce();
        Ok(store)
    }

    /// The read-only folder's fallback: SQLite's immutable open, which
    /// reads the main file alone. Refused when a `-wal` beside it holds
    /// records (they would be missed).
    fn connect_immutable(path: &Path) -> Result<Store, StoreError> {
        let wal = std::fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0);
        if wal {
            return Err(StoreError::file(path, FileProblem::WalOnReadOnly, None));
        }
        let conn =
            Connection::open_with_flags(schema::immutable_uri(path), schema::read_only_flags())
                .map_err(|e| StoreError::at(path, e))?;
        schema::check_version(&conn, path, false).map_err(|e| StoreError::at(path, e))?;
        schema::check_whole(&conn, path)?;
        let mut notices = vec![Notice::OpenedReadOnly(path.to_path_buf())];
        notices.extend(lock::keep_private(path));
        Ok(Store::unread(conn, path, true, notices))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_writer(&self) -> bool {
        self.lock.is_some()
    }

    /// Opened immutable on a read-only folder (see `open_read_only`).
    pub fn is_immutable(&self) -> bool {
        self.immutable
    }

    /// What the opening noticed, each worded as one line by
    /// [`Notice::message`]: the file was readable by others (and made
    /// private), or opened read-only.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Print the notices on stderr (once per process each).
    fn announce(&self) {
        for n in &self.notices {
            error::notice(n);
        }
    }

    /// The chain head after the last event walked or appended.
    pub fn head(&self) -> [u8; 32] {
        self.head
    }

    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// The raw connection, for tests and tools that need SQL.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Append one event durably: one INSERT, one transaction. Returns its seq.
    pub fn append(&mut self, event: &Event) -> Result<u64, StoreError> {
        self.append_timed(event).map(|(seq, _)| seq)
    }

    /// [`Store::append`], also returning the time stored with the event
    /// (the laptop's clock, to the millisecond).
    pub fn append_timed(
        &mut self,
        event: &Event,
    ) -> Result<(u64, DateTime<FixedOffset>), StoreError> {
        let (kind, body) = event.to_parts()?;
        let now = chrono::Local::now().fixed_offset();
        let ts = now.format(TS_FORMAT).to_string();
        let seq = self.append_raw(&ts, &kind, &body)?;
        Ok((seq, parse_ts(&ts).unwrap_or(now)))
    }

    /// Append an already-serialised event (used by `append` and by tools
    /// that copy logs). The caller vouches that it folds.
    pub fn append_raw(&mut self, ts: &str, kind: &str, body: &str) -> Result<u64, StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::OpenedReadOnly);
        }
        let seq = self.last_seq + 1;
        let hash = chain::link(&self.head, seq, ts, kind, body);
        self.conn
            .prepare_cached(
                "INSERT INTO events (seq, ts, kind, body, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut insert| {
                insert.execute(params![seq as i64, ts, kind, body, chain::to_hex(&hash)])
            })
            .map_err(|e| StoreError::at(&self.path, e))?;
        self.head = hash;
        self.last_seq = seq;
        Ok(seq)
    }

    /// SQLite's `PRAGMA data_version`: changes whenever another connection
    /// has committed to the file since this connection last looked. A few
    /// microseconds, its own short implicit transaction: how the projector
    /// learns that there is something new to read.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| StoreError::at(&self.path, e))
    }

    /// Events after `after` (0 for all), in order. A row that does not
    /// hold what the schema stores (text that is not UTF-8, a number for
    /// text) is damage at that event.
    pub fn read_after(&self, after: u64) -> Result<Vec<StoredEvent>, StoreError> {
        let at = |e| StoreError::at(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, ts, kind, body, hash FROM events WHERE seq > ?1 ORDER BY seq",
            )
            .map_err(at)?;
        let mut rows = stmt.query([after as i64]).map_err(at)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(at)? {
            let seq = match r.get_ref(0).map_err(at)? {
                ValueRef::Integer(seq) if seq > 0 => seq as u64,
                _ => {
                    let damage = FileProblem::Damaged(Damage::BadData);
                    return Err(StoreError::file(&self.path, damage, None));
                }
            };
            let text = |i: usize, column: &'static str| match r.get_ref(i).map_err(at)? {
                ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec())
                    .map_err(|_| self.damaged(seq, Reason::NotUtf8 { column })),
                _ => Err(self.damaged(seq, Reason::NotText { column })),
            };
            out.push(StoredEvent {
                seq,
                ts: text(1, "ts")?,
                kind: text(2, "kind")?,
                body: text(3, "body")?,
                hash: text(4, "hash")?,
            });
        }
        Ok(out)
    }

    /// The log of this file is damaged at `seq`.
    fn damaged(&self, seq: u64, reason: Reason) -> StoreError {
        StoreError::DamagedIn {
            path: self.path.clone(),
            seq,
            reason,
        }
    }

    /// Walk the whole chain from the start, checking every link, handing each
    /// decoded event to `visit`. Leaves `head`/`last_seq` at the end.
    pub fn walk_chain(
        &mut self,
        mut visit: impl FnMut(&Event, &[u8; 32], &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // AUTOINCREMENT remembers the largest seq ever used (its row in
        // `sqlite_sequence`): a missing tail shows up below even though the
        // remaining chain is intact. It and the events are read in one read
        // transaction, so a commit landing meanwhile (the liaison keeps
        // working while `verify` or `export` runs) is either in both or in
        // neither.
        let (max_used, events) = {
            let at = |e| StoreError::at(&self.path, e);
            let tx = self.conn.unchecked_transaction().map_err(at)?;
            let max_used: Option<i64> = tx
                .query_row(
                    "SELECT seq FROM sqlite_sequence WHERE name = 'events'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(at)?;
            let events = self.read_after(0)?;
            tx.finish().map_err(at)?;
            (max_used, events)
        };
        let mut head = chain::GENESIS;
        let mut last = 0;
        for e in events {
            if e.seq != last + 1 {
                return Err(self.damaged(last + 1, Reason::Missing));
            }
            let (expect, event) = e
                .link_after(&head)
                .map_err(|reason| self.damaged(e.seq, reason))?;
            visit(&event, &head, &e.ts)?;
            head = expect;
            last = e.seq;
        }
        match max_used {
            Some(max) if max as u64 > last => {
                return Err(self.damaged(last + 1, Reason::TailDeleted));
            }
            // The counter cannot be below the last seq, nor gone while
            // events exist: someone changed it, and a deleted tail would
            // go unnoticed.
            Some(max) if (max as u64) < last => {
                return Err(self.damaged(last + 1, Reason::SequenceChanged));
            }
            None if last > 0 => return Err(self.damaged(last + 1, Reason::SequenceChanged)),
            _ => {}
        }
        self.head = head;
        self.last_seq = last;
        Ok(())
    }

    /// Fold the whole log into a model, checking the chain on the way.
    pub fn replay(&mut self) -> Result<Model, StoreError> {
        let path = self.path.clone();
        let mut model: Option<Model> = None;
        let mut seq = 0u64;
        self.walk_chain(|event, prev, ts| {
            seq += 1;
            let folded = match model.as_mut() {
                None => Model::from_first(event).map(|m| model = Some(m)),
                Some(m) => check_head(m, event, prev).and_then(|()| m.apply(event)),
            };
            if let (Ok(()), Some(m), Some(at)) = (&folded, model.as_mut(), parse_ts(ts)) {
                m.note_time(event, at);
            }
            folded.map_err(|e| StoreError::DamagedIn {
                path: path.clone(),
                seq,
                reason: Reason::Domain(Box::new(e)),
            })
        })?;
        model.ok_or_else(|| self.damaged(1, Reason::NoCampaign))
    }
}

/// Remove a campaign file and whatever SQLite (or an old lock) left beside
/// it: for files this process made and then gave up (a failed create, a
/// merge or backup that did not finish). Best effort.
pub fn remove_with_sidecars(path: &Path) {
    for p in [
        path.to_path_buf(),
        sidecar(path, "-wal"),
        sidecar(path, "-shm"),
        sidecar(path, ".lock"),
    ] {
        let _ = std::fs::remove_file(p);
    }
}

/// `path` with `suffix` appended to the file name (SQLite's -wal, -shm).
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// How an event's time is stored (`ts`): local time with its offset.
const TS_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3f%:z";

/// A stored `ts`; `None` for a text that is not one (an event copied from
/// a file that wrote times differently keeps folding).
pub(crate) fn parse_ts(ts: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(ts).ok()
}
