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
pub mod lock;
pub mod schema;
pub mod verify;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};
use thiserror::Error;

use crate::domain::{Campaign, DomainError, Event, Model};
use crate::i18n::tr;
pub use lock::Holder;
use lock::WriterLock;

/// What can go wrong with a campaign file; each a sentence for the liaison.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{}", tr(format!("文件 {0} 已经存在，ceping 不会覆盖它。请换一个文件名，或先把旧文件移走。", .0.display()), format!("{0} already exists; ceping will not overwrite it. Choose another name or move the old file away.", .0.display())))]
    Exists(PathBuf),
    #[error("{}", tr(format!("找不到文件 {0}。请检查路径，或用 ceping init 新建。", .0.display()), format!("{0} not found. Check the path, or create it with ceping init.", .0.display())))]
    NotFound(PathBuf),
    #[error("{}", tr(
        format!("这个文件正在被另一个 ceping 写入：{0}@{1}（进程 {2}，自 {3} 起）。请先关闭那边的 ceping；只看结果可以用只读方式打开（如投影）。", .0.user, .0.host, .0.pid, .0.since),
        format!("Another ceping is writing to this file: {0}@{1} (process {2}, since {3}). Close it first; to only look at results, open read-only (e.g. the projector).", .0.user, .0.host, .0.pid, .0.since)))]
    Locked(Holder),
    #[error(
        "{}",
        tr(
            "这不是 ceping 的考核文件。请打开用 ceping init 或 ceping demo 建立的文件。",
            "This is not a ceping campaign file. Open a file made by ceping init or ceping demo."
        )
    )]
    NotCeping,
    #[error("{}", tr(format!("这个文件由更新版本的 ceping 写入（格式 v{0}，本程序只认识到 v{1}）。请升级 ceping 后再打开；文件没有被改动。", .found, .supported), format!("This file was written by a newer ceping (format v{0}; this program knows up to v{1}). Upgrade ceping to open it; the file was not changed.", .found, .supported)))]
    NewerSchema { found: i32, supported: i32 },
    #[error("{}", tr(format!("无法保证断电后数据不丢失（{0}），为安全起见拒绝运行。请把文件放在本机硬盘上再试。", .0), format!("Cannot make writes crash-safe ({0}); refusing to run. Put the file on a local disk and try again.", .0)))]
    Pragma(String),
    #[error("{}", tr(format!("记录在第 {0} 条处损坏：{1}。请运行 ceping verify 查看，并使用备份。", .seq, .reason), format!("The record is damaged at event {0}: {1}. Run ceping verify, and use a backup.", .seq, .reason)))]
    Damaged { seq: u64, reason: String },
    #[error("{0}")]
    Domain(#[from] DomainError),
    #[error("{}", tr(format!("数据库错误：{0}", .0), format!("Database error: {0}", .0)))]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", tr(format!("文件读写错误：{0}", .0), format!("File error: {0}", .0)))]
    Io(#[from] std::io::Error),
    #[error("{}", tr(format!("记录格式错误：{0}", .0), format!("Record format error: {0}", .0)))]
    Json(#[from] serde_json::Error),
}

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
    /// and the event, or why it is damaged (a sentence).
    pub fn link_after(&self, prev: &[u8; 32]) -> Result<([u8; 32], Event), String> {
        let hash = chain::link(prev, self.seq, &self.ts, &self.kind, &self.body);
        if chain::to_hex(&hash) != self.hash {
            return Err(tr(
                "哈希不符，记录被改动过",
                "hash mismatch: the event was altered",
            ));
        }
        let event = Event::from_parts(&self.kind, &self.body)
            .map_err(|err| tr(format!("无法读取：{err}"), format!("unreadable: {err}")))?;
        Ok((hash, event))
    }
}

/// An open campaign file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Held while this store may write; `None` for read-only stores.
    lock: Option<WriterLock>,
    head: [u8; 32],
    last_seq: u64,
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
        let seq = self.store.append(&event)?;
        self.model.apply(&event)?;
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
    /// Create a new campaign file holding `campaign` as event 1. Refuses an
    /// existing file; on failure removes what it created.
    pub fn create(path: &Path, campaign: &Campaign) -> Result<Session, StoreError> {
        match lock::open_private(path, true) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists(path.to_path_buf()));
            }
            Err(e) => return Err(e.into()),
        }
        let made = Self::create_in(path, campaign);
        if made.is_err() {
            for p in [
                path.to_path_buf(),
                sidecar(path, "-wal"),
                sidecar(path, "-shm"),
                sidecar(path, ".lock"),
            ] {
                let _ = std::fs::remove_file(p);
            }
        }
        made
    }

    fn create_in(path: &Path, campaign: &Campaign) -> Result<Session, StoreError> {
        let mut store = Self::open_writer(path, true)?;
        let event = Event::CampaignDefined {
            campaign: campaign.clone(),
        };
        let model = Model::from_first(&event)?;
        store.append(&event)?;
        let _ = store.checkpoint();
        Ok(Session { store, model })
    }

    /// Open an existing campaign file for writing and fold its log.
    pub fn open(path: &Path) -> Result<Session, StoreError> {
        let mut store = Self::open_writer(path, false)?;
        let model = store.replay()?;
        // Fold in what an earlier unclean exit left in the -wal, and put
        // the "in use" mark into the main file (see `checkpoint`).
        let _ = store.checkpoint();
        Ok(Session { store, model })
    }

    fn open_writer(path: &Path, creating: bool) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let Some(lock) = lock::try_lock(path)? else {
            return Err(StoreError::Locked(Self::holder(path)));
        };
        let mut conn = Connection::open_with_flags(path, sqlite_flags(true))?;
        schema::migrate(&mut conn, creating)?;
        schema::durable_pragmas(&conn, true)?;
        let me = Holder::me();
        conn.execute(
            "INSERT OR REPLACE INTO writer (id, user, host, pid, since) VALUES (1, ?1, ?2, ?3, ?4)",
            params![me.user, me.host, me.pid, me.since],
        )?;
        // The head is set by `replay` before anything can be appended.
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            lock: Some(lock),
            head: chain::GENESIS,
            last_seq: 0,
        })
    }

    /// Who holds the write lock, as noted in the file (best effort).
    fn holder(path: &Path) -> Holder {
        let unknown = Holder {
            user: "?".into(),
            host: "?".into(),
            pid: 0,
            since: "?".into(),
        };
        let Ok(conn) = Connection::open_with_flags(path, sqlite_flags(false)) else {
            return unknown;
        };
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
        .unwrap_or(unknown)
    }

    /// Open read-only, without the writer lock (the projector, `verify`,
    /// `export`). Never writes.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(path, sqlite_flags(false))?;
        schema::check_version(&conn, false)?;
        schema::durable_pragmas(&conn, false)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            lock: None,
            head: chain::GENESIS,
            last_seq: 0,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_writer(&self) -> bool {
        self.lock.is_some()
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
        let (kind, body) = event.to_parts()?;
        let ts = chrono::Local::now()
            .format("%Y-%m-%dT%H:%M:%S%.3f%:z")
            .to_string();
        self.append_raw(&ts, &kind, &body)
    }

    /// Append an already-serialised event (used by `append` and by tools
    /// that copy logs). The caller vouches that it folds.
    pub fn append_raw(&mut self, ts: &str, kind: &str, body: &str) -> Result<u64, StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                tr("以只读方式打开，不能写入", "opened read-only"),
            )));
        }
        let seq = self.last_seq + 1;
        let hash = chain::link(&self.head, seq, ts, kind, body);
        self.conn
            .prepare_cached(
                "INSERT INTO events (seq, ts, kind, body, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![seq as i64, ts, kind, body, chain::to_hex(&hash)])?;
        self.head = hash;
        self.last_seq = seq;
        Ok(seq)
    }

    /// SQLite's `PRAGMA data_version`: changes whenever another connection
    /// has committed to the file since this connection last looked. A few
    /// microseconds, its own short implicit transaction: how the projector
    /// learns that there is something new to read.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Events after `after` (0 for all), in order.
    pub fn read_after(&self, after: u64) -> Result<Vec<StoredEvent>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, ts, kind, body, hash FROM events WHERE seq > ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([after as i64], |r| {
            Ok(StoredEvent {
                seq: r.get::<_, i64>(0)? as u64,
                ts: r.get(1)?,
                kind: r.get(2)?,
                body: r.get(3)?,
                hash: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Walk the whole chain from the start, checking every link, handing each
    /// decoded event to `visit`. Leaves `head`/`last_seq` at the end.
    pub fn walk_chain(
        &mut self,
        mut visit: impl FnMut(&Event, &[u8; 32]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // AUTOINCREMENT remembers the largest seq ever used: a missing tail
        // shows up below even though the remaining chain is intact. Read it
        // before the events, so a commit landing in between (the liaison
        // keeps working while `verify` or `export` runs) only adds events.
        let max_used: Option<i64> = self
            .conn
            .query_row(
                "SELECT seq FROM sqlite_sequence WHERE name = 'events'",
                [],
                |r| r.get(0),
            )
            .ok();
        let mut head = chain::GENESIS;
        let mut last = 0;
        for e in self.read_after(0)? {
            if e.seq != last + 1 {
                return Err(StoreError::Damaged {
                    seq: last + 1,
                    reason: tr("这条记录缺失", "this event is missing"),
                });
            }
            let (expect, event) = e
                .link_after(&head)
                .map_err(|reason| StoreError::Damaged { seq: e.seq, reason })?;
            visit(&event, &head)?;
            head = expect;
            last = e.seq;
        }
        if let Some(max) = max_used
            && max as u64 > last
        {
            return Err(StoreError::Damaged {
                seq: last + 1,
                reason: tr("末尾的记录被删除", "events at the end were deleted"),
            });
        }
        self.head = head;
        self.last_seq = last;
        Ok(())
    }

    /// Fold the whole log into a model, checking the chain on the way.
    pub fn replay(&mut self) -> Result<Model, StoreError> {
        let mut model: Option<Model> = None;
        let mut seq = 0u64;
        self.walk_chain(|event, prev| {
            seq += 1;
            let folded = match model.as_mut() {
                None => Model::from_first(event).map(|m| model = Some(m)),
                Some(m) => check_head(m, event, prev).and_then(|()| m.apply(event)),
            };
            folded.map_err(|e| StoreError::Damaged {
                seq,
                reason: e.to_string(),
            })
        })?;
        model.ok_or(StoreError::Damaged {
            seq: 1,
            reason: tr("文件里没有考核方案", "the file holds no campaign"),
        })
    }
}

/// `path` with `suffix` appended to the file name (SQLite's -wal, -shm).
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
