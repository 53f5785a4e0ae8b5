//! Backups: a self-contained, verified copy of a campaign file through
//! SQLite's online backup API, safe while a meeting is running (it reads
//! one consistent snapshot through its own read-only connection and never
//! takes the writer lock). The copy is written to a temporary file beside
//! the destination, made whole on its own (no `-wal`, no "in use" mark),
//! verified, and only then put in place.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{Store, StoreError, sidecar, verify};

/// What a backup wrote.
#[derive(Debug, Clone)]
pub struct Copied {
    pub path: PathBuf,
    pub events: u64,
    /// The copy's chain head (hex): the same as the source's at that event.
    pub head: String,
}

/// Where a backup of `src` into `dest` goes: `dest` itself, or, when it is
/// a folder, the source's file name inside it.
pub fn target(src: &Path, dest: &Path) -> PathBuf {
    if dest.is_dir() {
        dest.join(
            src.file_name()
                .unwrap_or_else(|| "campaign.ceping".as_ref()),
        )
    } else {
        dest.to_path_buf()
    }
}

/// Copy `src` to `dest` (a file, or a folder to copy into), verified.
/// An existing destination is replaced only with `replace` (the mirror
/// always replaces its own copy).
pub fn backup(src: &Path, dest: &Path, replace: bool) -> Result<Copied, StoreError> {
    let out = target(src, dest);
    // By file identity (hard links and symlinks too), and never a sidecar.
    if crate::fsid::same_file(src, &out) || crate::fsid::is_sidecar_name(&out) {
        return Err(StoreError::BackupOverSource(out));
    }
    if out.exists() && !replace {
        return Err(StoreError::Exists(out));
    }
    let (tmp, file) = crate::export::temp_beside(&out).map_err(|e| StoreError::at(&out, e))?;
    drop(file);
    let result = write_copy(src, &tmp)
        .and_then(|copied| {
            put_in_place(&tmp, &out, replace)?;
            Ok(Copied {
                path: out.clone(),
                ..copied
            })
        })
        // Raw SQLite and system errors as sentences naming the copy.
        .map_err(|e| StoreError::at(&out, e));
    if result.is_err() {
        super::remove_with_sidecars(&tmp);
    }
    result
}

/// The copy itself, into `tmp`, then verified.
fn write_copy(src: &Path, tmp: &Path) -> Result<Copied, StoreError> {
    let source = Store::open_read_only(src)?;
    // `tmp` was created owner-only and empty: SQLite takes it as new.
    {
        let mut dst = Connection::open(tmp)?;
        // All pages in one step: one consistent snapshot, no restart when
        // the liaison commits meanwhile.
        let copy = Backup::new(source.connection(), &mut dst)?;
        loop {
            match copy.step(-1)? {
                StepResult::Done => break,
                // The writer holds a lock for a moment: try again.
                _ => std::thread::sleep(Duration::from_millis(5)),
            }
        }
        drop(copy);
        // The copy is not in use by anyone: no mark, nothing in a -wal.
        dst.execute("DELETE FROM writer", [])?;
        dst.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        })?;
    }
    for p in [sidecar(tmp, "-wal"), sidecar(tmp, "-shm")] {
        let _ = std::fs::remove_file(p);
    }
    let report = verify::verify(tmp)?;
    for p in [sidecar(tmp, "-wal"), sidecar(tmp, "-shm")] {
        let _ = std::fs::remove_file(p);
    }
    // Windows flushes (FlushFileBuffers) only through a handle opened for
    // writing; a read-only handle fails with "access denied".
    std::fs::OpenOptions::new()
        .write(true)
        .open(tmp)?
        .sync_all()?;
    Ok(Copied {
        path: tmp.to_path_buf(),
        events: report.events,
        head: super::chain::to_hex(&report.head),
    })
}

/// Move the verified copy to `out` with the exports' one safe routine
/// (over it only with `replace`), then drop any old `-wal`/`-shm` beside
/// it, which would otherwise be read with the new copy.
fn put_in_place(tmp: &Path, out: &Path, replace: bool) -> Result<(), StoreError> {
    use crate::export::PublishError;
    crate::export::publish_file(tmp, out, replace, &|| Ok(())).map_err(|e| match e {
        PublishError::Exists => StoreError::Exists(out.to_path_buf()),
        PublishError::Io(e) => StoreError::Io(e),
        PublishError::Refused(r) => StoreError::OutputRefused(r),
    })?;
    for p in [sidecar(out, "-wal"), sidecar(out, "-shm")] {
        let _ = std::fs::remove_file(p);
    }
    Ok(())
}
