//! The schema and its migrations, and the pragmas every connection needs.
//!
//! `PRAGMA application_id` marks a ceping file; `PRAGMA user_version` is the
//! schema version. A file from a newer ceping is refused, an older one is
//! migrated in one transaction.

use rusqlite::Connection;

use super::StoreError;

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
pub fn migrate(conn: &mut Connection, creating: bool) -> Result<(), StoreError> {
    let version = check_version(conn, creating)?;
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

/// The file's schema version, refusing foreign and newer files. `fresh_ok`:
/// an empty database counts as version 0 (only when creating).
pub fn check_version(conn: &Connection, fresh_ok: bool) -> Result<i32, StoreError> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app == 0 && version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables == 0 && fresh_ok {
            return Ok(0);
        }
        return Err(StoreError::NotCeping);
    }
    if app != APPLICATION_ID {
        return Err(StoreError::NotCeping);
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version)
}
