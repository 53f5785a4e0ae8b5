//! One writer per campaign file, however it is reached (its path, `..`, a
//! symlink, a hard link), and the file kept private.
//!
//! On Unix the writer holds an OS lock (`flock`, through
//! [`File::try_lock`]) on the database file itself, opened read-only for
//! the purpose: the lock belongs to the file, not to a name, so every path
//! to it conflicts. The OS releases it if the process dies, so a crash
//! never leaves a stale lock, and no lock file is made (a `FILE.lock` left
//! by an older ceping is harmless). `flock` and SQLite's own `fcntl` locks
//! do not interfere on Linux and macOS (on an NFS mount Linux emulates
//! `flock` with `fcntl`; campaign files belong on a local disk).
//!
//! Closing any descriptor of a file drops every `fcntl` lock this process
//! holds on it, SQLite's included: the lock's descriptor is closed only
//! after the store's connection (field order in `Store`), and it is the
//! only descriptor of the campaign file ceping opens outside SQLite.
//!
//! On Windows a lock on the database file itself would be mandatory and
//! break SQLite's own reads and writes, so the writer locks `FILE.lock`
//! beside the file, named from the file's canonical path (`..` and
//! symlinks resolve to the same name). Hard links to a campaign file are
//! not detected there: two names of one file give two lock files.
//!
//! The writer notes who it is in the `writer` table, where a refused
//! second writer reads it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Notice;

/// Who holds the write lock, for the refusal message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: String,
}

impl Holder {
    pub fn me() -> Holder {
        Holder {
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "?".into()),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            pid: std::process::id(),
            since: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        }
    }
}

/// Windows: the lock file of `db`, named from its canonical path.
#[cfg(not(unix))]
pub fn lock_path(db: &Path) -> std::io::Result<std::path::PathBuf> {
    let mut s = std::fs::canonicalize(db)?.into_os_string();
    s.push(".lock");
    Ok(std::path::PathBuf::from(s))
}

/// Open `path` for writing, creating it owner-only (0600) on Unix.
pub fn open_private(path: &Path, create_new: bool) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true).write(true);
    if create_new {
        o.create_new(true);
    } else {
        o.create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// The held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

/// Try to take the writer lock for `db`, an existing campaign file.
/// `Ok(None)`: someone else holds it.
pub fn try_lock(db: &Path) -> std::io::Result<Option<WriterLock>> {
    #[cfg(unix)]
    let file = File::open(db)?;
    #[cfg(not(unix))]
    let file = open_private(&lock_path(db)?, false)?;
    // A lock just released can look held for a moment: a process that
    // forked (to start another program) keeps a copy of the releasing
    // descriptor until its exec closes it. So a refusal is only given
    // after the lock stayed taken for a short while.
    for _ in 0..LOCK_TRIES {
        match file.try_lock() {
            Ok(()) => return Ok(Some(WriterLock { _file: file })),
            Err(TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
    Ok(None)
}

/// How many times `try_lock` looks (20 ms apart) before saying it is held.
const LOCK_TRIES: u32 = 15;

/// Keep the campaign file `db` private: if other users can get at it, a
/// notice, and when it is ours, their access removed (0644 becomes 0600;
/// the owner's own bits are kept, so a read-only file stays read-only).
/// `None` when all is well.
#[cfg(unix)]
pub(crate) fn keep_private(db: &Path) -> Option<Notice> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(db).ok()?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return None;
    }
    let path = db.to_path_buf();
    let private = mode & 0o700;
    if mine(&meta) && set_mode(db, private).is_ok() {
        return Some(Notice::MadePrivate {
            path,
            mode,
            private,
        });
    }
    Some(Notice::OthersCanRead { path, mode })
}

#[cfg(not(unix))]
pub(crate) fn keep_private(_db: &Path) -> Option<Notice> {
    None
}

/// Make the `-wal` and `-shm` beside `db` owner-only (0600) if they are
/// ours: SQLite creates them with the mode of the database file, which may
/// be open to others when the file is not ours. Called right after the
/// connection first read the file (which makes them).
#[cfg(unix)]
pub(crate) fn private_companions(db: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for suffix in ["-wal", "-shm"] {
        let p = super::sidecar(db, suffix);
        if let Ok(meta) = std::fs::metadata(&p)
            && meta.permissions().mode() & 0o077 != 0
            && mine(&meta)
        {
            let _ = set_mode(&p, meta.permissions().mode() & 0o700);
        }
    }
}

#[cfg(not(unix))]
pub(crate) fn private_companions(_db: &Path) {}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

/// Is the file ours (owned by this process's effective user)? On Linux,
/// `/proc/self` belongs to that user; elsewhere assume so and let `chmod`
/// refuse a file that is not.
#[cfg(unix)]
fn mine(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map_or(true, |me| me.uid() == meta.uid())
}
