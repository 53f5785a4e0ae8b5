//! The merged file on disk: built under a temporary name beside OUT,
//! verified, then published to OUT by the outputs' one safe routine
//! without ever replacing a file; on error the temporary file and SQLite's
//! files beside it are removed.

use std::path::{Path, PathBuf};

use super::{MergeError, WriteFailure, file_name};
use crate::export::{PublishError, publish_file};
use crate::fsid::{OutputKind, check_output};
use crate::store::{sidecar, verify};

/// OUT, and SQLite's files beside it, must not exist.
pub(super) fn refuse_existing(out: &Path) -> Result<(), MergeError> {
    for p in [
        out.to_path_buf(),
        sidecar(out, "-wal"),
        sidecar(out, "-shm"),
    ] {
        if p.exists() {
            return Err(MergeError::Exists(p));
        }
    }
    Ok(())
}

/// Where the merged file is built: beside OUT (so that the final move
/// stays on one disk), under a name not in use.
pub(super) fn temp_path(out: &Path) -> PathBuf {
    let dir = match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let pid = std::process::id();
    (0u32..)
        .map(|n| dir.join(format!(".{}.merge-{pid}-{n}.tmp", file_name(out))))
        .find(|p| {
            [
                p.clone(),
                sidecar(p, "-wal"),
                sidecar(p, "-shm"),
                sidecar(p, ".lock"),
            ]
            .iter()
            .all(|q| !q.exists())
        })
        .unwrap_or_else(|| dir.join(format!(".{}.merge-{pid}.tmp", file_name(out))))
}

pub(super) use crate::store::remove_with_sidecars;

/// Verify the built file, then move it to `out` without ever replacing an
/// existing file. Returns the merged file's chain head and event count.
pub(super) fn publish(
    tmp: &Path,
    out: &Path,
    reading: &[&Path],
) -> Result<([u8; 32], u64), MergeError> {
    let failed = |error: WriteFailure| MergeError::Write {
        file: out.to_path_buf(),
        error,
    };
    let io = |error: std::io::Error| failed(WriteFailure::Io(error));
    let report = verify::verify(tmp).map_err(|e| failed(WriteFailure::Store(e)))?;
    // The log is checkpointed: an empty WAL and the index may go; a WAL
    // with content must not be separated from its file.
    let wal = sidecar(tmp, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(failed(WriteFailure::WalLeft));
    }
    for p in [wal, sidecar(tmp, "-shm"), sidecar(tmp, ".lock")] {
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
            _ => {}
        }
    }
    refuse_existing(out)?;
    // The outputs' one safe routine: a hard link never replaces an existing
    // file (without links, an exclusive placeholder); the folder is synced.
    let guard = || check_output(out, reading, OutputKind::Merged);
    publish_file(tmp, out, false, &guard).map_err(|e| match e {
        PublishError::Refused(r) => MergeError::Output(r),
        PublishError::Exists => MergeError::Exists(out.to_path_buf()),
        PublishError::Io(e) => io(e),
    })?;
    Ok((report.head, report.events))
}
