//! The schema and its migrations, and the pragmas every connection needs.
//!
//! `PRAGMA application_id` marks a ceping file; `PRAGMA user_version` is the
//! schema version. A file from a newer ceping is refused, an older one is
//! migrated in one transaction. [`probe`] tells a campaign file from
//! anything else before anything is written or created beside it.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::StoreError;
use super::error::{Damage, FileProblem, Looks, missing};

/// 'CEPG' as a big-endian integer.
pub const APPLICATION_ID: i32 = 0x4345_5047;

/// The schema this build writes.
pub const SCHEMA_VERSION: i32 = 1;

/// Migration `i` takes the file from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: the event log, append-only by trigger (the hash chain catches
    // anyone who drops the triggers), and the writer note for the lock.
    "CREATE TABLE events (
        seq  INTEGER PRIMARY KEY AUTOINCREMENT,
        ts   TEXT NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'ceping: the event log is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'ceping: the event log is append-only'); END;
    CREATE TABLE writer (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        user  TEXT NOT NULL,
        host  TEXT NOT NULL,
        pid   INTEGER NOT NULL,
        since TEXT NOT NULL
    );",
];

/// WAL and `synchronous=FULL`, checked after setting: an acknowledged event
/// must survive a crash or a power cut, so we refuse to run without them.
pub fn durable_pragmas(conn: &Connection, writable: bool) -> Result<(), StoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = if writable {
        conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?
    } else {
        conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?
    };
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Pragma(format!("journal_mode={mode}")));
    }
    conn.execute_batch(
        "PRAGMA synchronous=FULL; PRAGMA fullfsync=ON; PRAGMA checkpoint_fullfsync=ON;",
    )?;
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    if sync != 2 {
        return Err(StoreError::Pragma(format!("synchronous={sync}")));
    }
    Ok(())
}

/// Bring a writable file to `SCHEMA_VERSION`. A brand-new (empty) file is
/// initialised; a foreign SQLite file or a newer one is refused.
pub fn migrate(conn: &mut Connection, path: &Path, creating: bool) -> Result<(), StoreError> {
    let version = check_version(conn, path, creating)?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for step in &MIGRATIONS[version as usize..] {
        tx.execute_batch(step)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={SCHEMA_VERSION};"
    ))?;
    tx.commit()?;
    Ok(())
}

/// The file's schema version, refusing foreign and newer files and a
/// campaign file without its log. `fresh_ok`: an empty database counts as
/// version 0 (only when creating).
pub fn check_version(conn: &Connection, path: &Path, fresh_ok: bool) -> Result<i32, StoreError> {
    let not_ceping = |looks| StoreError::file(path, FileProblem::NotCeping(looks), None);
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app == 0 && version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables == 0 && fresh_ok {
            return Ok(0);
        }
        return Err(not_ceping(Looks::Sqlite));
    }
    if app != APPLICATION_ID {
        return Err(not_ceping(Looks::Sqlite));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let events: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'",
        [],
        |r| r.get(0),
    )?;
    if version >= 1 && events != 1 {
        let damage = FileProblem::Damaged(Damage::NoEvents);
        return Err(StoreError::file(path, damage, None));
    }
    Ok(version)
}

/// SQLite writes whole pages: a main file that is not whole pages was cut
/// short (a copy broken off, a stick pulled), even where SQLite would read
/// the rest without complaint.
pub fn check_whole(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let page: u32 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .map_err(|e| StoreError::at(path, e))?;
    let page = u64::from(page);
    let len = std::fs::metadata(path)
        .map_err(|e| StoreError::at(path, e))?
        .len();
    if page > 0 && len % page != 0 {
        let damage = FileProblem::Damaged(Damage::Truncated);
        return Err(StoreError::file(path, damage, None));
    }
    Ok(())
}

/// `path` as an SQLite URI that opens it immutable: read-only, no lock
/// taken, nothing created beside it (no `-wal`, no `-shm`), and whatever a
/// `-wal` holds ignored.
pub(crate) fn immutable_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::from("file://");
    let text = abs.to_string_lossy();
    #[cfg(windows)]
    let text = text.replace('\\', "/");
    if !text.starts_with('/') {
        // A Windows drive letter: file:///C:/...
        out.push('/');
    }
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out.push_str("?immutable=1");
    out
}

pub(crate) fn read_only_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// Is `path` a campaign file? Looked at before anything is written, locked
/// or created: the path must name a regular, non-empty file whose SQLite
/// header carries ceping's `application_id`. The header is read through
/// SQLite, opened immutable (no lock, no `-wal` or `-shm` made, even for
/// another program's WAL database), never through a descriptor of our
/// own: closing one would drop SQLite's locks should this process have
/// the file open already. The schema version and the log are checked by
/// the caller on its own connection, which also decides when the header
/// cannot be read this way: the main file alone may not hold together
/// while its `-wal` does (a checkpoint cut short by a full disk).
pub fn probe(path: &Path) -> Result<(), StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => missing(path),
        _ => StoreError::at(path, e),
    })?;
    let not_ceping = |looks| Err(StoreError::file(path, FileProblem::NotCeping(looks), None));
    if meta.is_dir() {
        return Err(StoreError::file(path, FileProblem::IsFolder, None));
    }
    if !meta.is_file() {
        return not_ceping(Looks::Special);
    }
    if meta.len() == 0 {
        return not_ceping(Looks::Empty);
    }
    let opened = Connection::open_with_flags(immutable_uri(path), read_only_flags());
    let app = opened.and_then(|c| c.query_row("PRAGMA application_id", [], |r| r.get::<_, i32>(0)));
    match app {
        Ok(APPLICATION_ID) => Ok(()),
        // An SQLite file shorter than a page has lost most of itself.
        Ok(_) if meta.len() < 512 => looks(path),
        Ok(_) => not_ceping(Looks::Sqlite),
        Err(e) => match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => looks(path),
            // The file itself cannot be opened: SQLite does not say why.
            Some(ErrorCode::CannotOpen) => match std::fs::File::open(path) {
                Err(io) => Err(StoreError::at(path, io)),
                Ok(_) => Err(StoreError::at(path, e)),
            },
            _ => Ok(()),
        },
    }
}

/// What a file SQLite does not take for a database holds. Read directly:
/// no SQLite connection of ours can have it open.
fn looks(path: &Path) -> Result<(), StoreError> {
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(path)
        .and_then(|f| f.take(512).read_to_end(&mut head))
        .map_err(|e| StoreError::at(path, e))?;
    let looks = if head.starts_with(b"SQLite format 3\0") {
        // SQLite's own header, unreadable: a damaged file, not a stranger.
        let damage = if head.len() < 100 {
            Damage::Truncated
        } else {
            Damage::Header
        };
        return Err(StoreError::file(path, FileProblem::Damaged(damage), None));
    } else if is_text(&head) {
        Looks::Text
    } else {
        Looks::Binary
    };
    Err(StoreError::file(path, FileProblem::NotCeping(looks), None))
}

/// Text in some encoding (UTF-8, GBK and others): no control bytes but
/// the usual white space and ESC.
fn is_text(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
}
