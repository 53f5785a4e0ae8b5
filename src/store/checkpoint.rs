//! Keeping the campaign file whole on its own. In WAL mode every commit
//! lands in the `-wal` beside the file; SQLite folds it back only when the
//! last connection closes, so a projector still open (or a crash) leaves
//! the main file behind, and a liaison who copies just `2021.ceping` to a
//! USB stick gets an old or empty campaign. The writer therefore folds the
//! WAL back (a TRUNCATE checkpoint) when it opens, after each round
//! closes, after a pause in keying and when it quits.
//!
//! The `writer` row doubles as the "in use" mark: it reaches the main file
//! at open and is removed on a clean close. A file with the mark and no
//! `-wal` beside it was copied (or left) while in use: `verify` says so,
//! because what was keyed after the last checkpoint is not in it.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Store, StoreError, sidecar};

impl Store {
    /// Fold the WAL into the main file and empty it. `Ok(false)` if a
    /// reader held it back (it is retried at the next occasion).
    pub fn checkpoint(&mut self) -> Result<bool, StoreError> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
    }

    /// A clean close: everything folded into the main file and the "in
    /// use" mark removed, so the file alone is the whole campaign.
    pub fn close_cleanly(&mut self) -> Result<(), StoreError> {
        if !self.is_writer() {
            return Ok(());
        }
        self.checkpoint()?;
        self.conn.execute("DELETE FROM writer", [])?;
        self.checkpoint()?;
        Ok(())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: a failure here leaves the -wal beside the file,
        // which the next opener folds in; nothing is lost.
        let _ = self.close_cleanly();
    }
}

/// Fold `path`'s WAL into it from a fresh connection: for the signal
/// handler, which cannot reach the writer's own connection. Best effort.
pub fn checkpoint_path(path: &Path) {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if let Ok(conn) = Connection::open_with_flags(path, flags) {
        let _ = conn.busy_timeout(std::time::Duration::from_millis(500));
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        });
    }
}

/// Was `path` copied (or left) while a writer had it open? The "in use"
/// mark is in the file and there is no `-wal` beside it (a live writer
/// always has one). Look before opening the file: opening creates the
/// `-wal`. `None` when it cannot tell (not readable, not a campaign).
pub fn copied_in_use(path: &Path) -> Option<bool> {
    // An empty -wal is what a read-only opener (an earlier `verify`) or a
    // checkpoint leaves: it holds nothing, so it counts as none unless a
    // writer is alive right now.
    let wal = std::fs::metadata(sidecar(path, "-wal"))
        .map(|m| m.len() > 0 || writer_alive(path))
        .unwrap_or(false);
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags).ok()?;
    let marked: i64 = conn
        .query_row("SELECT count(*) FROM writer", [], |r| r.get(0))
        .ok()?;
    Some(marked > 0 && !wal)
}

/// Does a ceping have `path` open for writing now? (Its lock is held.)
/// When it cannot tell, it says yes: then nothing is flagged.
fn writer_alive(path: &Path) -> bool {
    !matches!(super::lock::try_lock(path), Ok(Some(_)))
}

/// A path as it goes into an SQLite `file:` URI: `%`, `?` and `#` escaped,
/// backslashes as slashes (Windows).
pub(crate) fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            '\\' => out.push('/'),
            c => out.push(c),
        }
    }
    out
}
