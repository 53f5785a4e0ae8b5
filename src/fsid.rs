//! File identity, and where an output may go.
//!
//! Two paths name the same file when the file system says so, not when
//! their text agrees: a hard link, a symlink or `..` reach the same file
//! under another name. [`FileId`] is the file's identity: device and inode
//! on Unix (after following links), volume serial number and file index on
//! Windows (through the `same-file` crate), the canonical path elsewhere.
//!
//! On Unix the identity comes from `stat` and never opens the file: closing
//! any descriptor of a file drops every POSIX lock this process holds on
//! it, so opening and closing the campaign file (or its `-shm`) while our
//! own SQLite connection has it open would silently release SQLite's locks.
//! On Windows the identity needs a handle (opened for reading, sharing
//! everything, closed when the [`FileId`] drops); locks there belong to the
//! handle that took them, so opening the file takes none of SQLite's away.
//!
//! [`check_output`] is the guard every output goes through (`export`,
//! `ballots`, `merge` and the `d` key): an output is refused, even with
//! `--force`, when it is the campaign file being read, any campaign file, a
//! `-wal`, `-shm` or `.lock` file, a folder, something that is not a
//! regular file, or when its folder does not exist.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The first 16 bytes of every SQLite 3 database.
pub const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `PRAGMA application_id` of a campaign file ("CEPG"), stored big-endian
/// at byte 68 of the database header.
pub const CAMPAIGN_APPLICATION_ID: u32 = 0x4345_5047;

/// The files SQLite and ceping keep beside a campaign file.
pub const SIDECAR_SUFFIXES: [&str; 3] = ["-wal", "-shm", ".lock"];

/// A file's identity: equal for every path that reaches the same file.
#[cfg(unix)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

/// A file's identity: equal for every path that reaches the same file.
#[cfg(windows)]
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct FileId(same_file::Handle);

/// A file's identity: equal for every path that reaches the same file.
#[cfg(not(any(unix, windows)))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(PathBuf);

/// The identity of the file `path` reaches (following links).
#[cfg(unix)]
pub fn file_id(path: &Path) -> std::io::Result<FileId> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path)?;
    Ok(FileId {
        dev: m.dev(),
        ino: m.ino(),
    })
}

/// The identity of the file `path` reaches (following links).
#[cfg(windows)]
pub fn file_id(path: &Path) -> std::io::Result<FileId> {
    same_file::Handle::from_path(path).map(FileId)
}

/// The identity of the file `path` reaches (following links).
#[cfg(not(any(unix, windows)))]
pub fn file_id(path: &Path) -> std::io::Result<FileId> {
    std::fs::canonicalize(path).map(FileId)
}

/// Whether `a` and `b` are the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `path` with `suffix` appended to its name: `X.ceping` → `X.ceping-wal`.
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Whether the first bytes of a file are a campaign file's header.
pub fn is_campaign_header(header: &[u8]) -> bool {
    header.len() >= 72
        && header.starts_with(SQLITE_MAGIC)
        && header[68..72] == CAMPAIGN_APPLICATION_ID.to_be_bytes()
}

/// Whether `path` is a campaign file, from the 100-byte database header
/// only (SQLite is not opened).
pub fn is_campaign_file(path: &Path) -> std::io::Result<bool> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)?
        .take(100)
        .read_to_end(&mut header)?;
    Ok(is_campaign_header(&header))
}

/// Whether the name of `path` ends like a campaign's `-wal`, `-shm` or
/// `.lock` (ignoring ASCII case, as Windows and macOS do).
pub fn is_sidecar_name(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.to_string_lossy().to_ascii_lowercase();
    SIDECAR_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// What is being written: it only chooses the example name the refusal
/// suggests ([`OutputKind::example`], in `crate::catalog`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    Xlsx,
    Csv,
    Json,
    /// Printable ballot forms (an xlsx).
    Ballots,
    /// `ceping merge`'s street file.
    Merged,
}

/// Why an output was refused; each one sentence naming the output and
/// saying what to do ([`OutputRefusal::message`], in `crate::catalog`).
#[derive(Debug)]
pub enum OutputRefusal {
    /// The campaign file being read.
    Itself {
        out: PathBuf,
        kind: OutputKind,
    },
    /// Another campaign file (its header says so).
    OtherCampaign {
        out: PathBuf,
        kind: OutputKind,
    },
    /// A `-wal`, `-shm` or `.lock` by name, or one of the campaign's.
    Sidecar {
        out: PathBuf,
        kind: OutputKind,
    },
    Folder {
        out: PathBuf,
        kind: OutputKind,
    },
    /// A device, a pipe or the like.
    Special {
        out: PathBuf,
        kind: OutputKind,
    },
    /// The output's folder does not exist.
    NoFolder {
        out: PathBuf,
        folder: PathBuf,
    },
    /// What should be the output's folder is not one.
    NotAFolder {
        out: PathBuf,
        folder: PathBuf,
    },
    /// The output exists but its header cannot be read; `error` is the
    /// system's own text, shown after the sentence.
    Unreadable {
        out: PathBuf,
        kind: OutputKind,
        error: std::io::Error,
    },
}

/// No source: the system's error in `Unreadable` is already part of the
/// sentence, and is not repeated in a chain.
impl std::error::Error for OutputRefusal {}

/// The folder `out` goes into (`.` for a bare file name).
pub fn folder_of(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The guard every output goes through, before any work and again just
/// before it is published. `reading` are the campaign files the command
/// reads (their sidecars are checked by identity too). Refuses, even with
/// `--force`:
///
/// - a name ending in `-wal`, `-shm` or `.lock`;
/// - the same file (by identity) as a campaign being read, or as one of
///   its `-wal`, `-shm` or `.lock` (beside the path given and beside the
///   file it resolves to);
/// - any existing campaign file (its header's `application_id`);
/// - a folder, or anything that is not a regular file;
/// - an output whose folder does not exist or is not a folder.
///
/// An existing regular file is otherwise fine here: whether it may be
/// replaced (`--force`) is the publisher's business.
pub fn check_output(out: &Path, reading: &[&Path], kind: OutputKind) -> Result<(), OutputRefusal> {
    let owned = || out.to_path_buf();
    if is_sidecar_name(out) {
        return Err(OutputRefusal::Sidecar { out: owned(), kind });
    }
    let meta = match std::fs::metadata(out) {
        Ok(meta) => meta,
        Err(_) => return check_folder(out),
    };
    if meta.is_dir() {
        return Err(OutputRefusal::Folder { out: owned(), kind });
    }
    let id = file_id(out).ok();
    for campaign in reading {
        let mut places = vec![campaign.to_path_buf()];
        places.extend(std::fs::canonicalize(campaign).ok());
        for place in &places {
            if id.is_some() && file_id(place).ok() == id {
                return Err(OutputRefusal::Itself { out: owned(), kind });
            }
            for suffix in SIDECAR_SUFFIXES {
                if id.is_some() && file_id(&beside(place, suffix)).ok() == id {
                    return Err(OutputRefusal::Sidecar { out: owned(), kind });
                }
            }
        }
    }
    if !meta.is_file() {
        return Err(OutputRefusal::Special { out: owned(), kind });
    }
    match is_campaign_file(out) {
        Ok(true) => Err(OutputRefusal::OtherCampaign { out: owned(), kind }),
        Ok(false) => Ok(()),
        Err(error) => Err(OutputRefusal::Unreadable {
            out: owned(),
            kind,
            error,
        }),
    }
}

/// `out` does not exist (or cannot be looked at): its folder must exist.
fn check_folder(out: &Path) -> Result<(), OutputRefusal> {
    let folder = folder_of(out);
    match std::fs::metadata(&folder) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(OutputRefusal::NotAFolder {
            out: out.to_path_buf(),
            folder,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(OutputRefusal::NoFolder {
            out: out.to_path_buf(),
            folder,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Err(OutputRefusal::NotAFolder {
            out: out.to_path_buf(),
            folder,
        }),
        // Permission to look is missing: writing will say what is wrong.
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_decides() {
        let mut header = [0u8; 100];
        header[..16].copy_from_slice(SQLITE_MAGIC);
        assert!(!is_campaign_header(&header));
        header[68..72].copy_from_slice(&[0x43, 0x45, 0x50, 0x47]);
        assert!(is_campaign_header(&header));
        assert!(!is_campaign_header(&header[..71]));
        header[0] = b's';
        assert!(!is_campaign_header(&header));
    }

    #[test]
    fn sidecar_names() {
        for name in ["a.ceping-wal", "a.ceping-SHM", "b/a.ceping.lock", "x.LOCK"] {
            assert!(is_sidecar_name(Path::new(name)), "{name}");
        }
        for name in ["a.ceping", "wal", "a.xlsx", "lock.xlsx"] {
            assert!(!is_sidecar_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn links_are_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, b"x").unwrap();
        let hard = dir.path().join("hard");
        std::fs::hard_link(&a, &hard).unwrap();
        assert!(same_file(&a, &hard));
        assert!(same_file(&a, &dir.path().join(".").join("a")));
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft");
            std::os::unix::fs::symlink(&a, &soft).unwrap();
            assert!(same_file(&soft, &hard));
        }
        let b = dir.path().join("b");
        std::fs::write(&b, b"x").unwrap();
        assert!(!same_file(&a, &b));
        assert!(!same_file(&a, &dir.path().join("missing")));
    }
}
