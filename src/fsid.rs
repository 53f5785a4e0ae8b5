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
//!
//! [`check_output`] is the guard every output goes through (`export`,
//! `ballots`, `merge` and the `d` key): an output is refused, even with
//! `--force`, when it is the campaign file being read, any campaign file, a
//! `-wal`, `-shm` or `.lock` file, a folder, something that is not a
//! regular file, or when its folder does not exist.

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::i18n::tr;

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
/// suggests.
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

impl OutputKind {
    /// An example file name in the current language.
    pub fn example(self) -> String {
        match self {
            OutputKind::Xlsx => tr("结果.xlsx", "results.xlsx"),
            OutputKind::Csv => tr("结果.csv", "results.csv"),
            OutputKind::Json => tr("结果.json", "results.json"),
            OutputKind::Ballots => tr("选票.xlsx", "ballots.xlsx"),
            OutputKind::Merged => tr("街道汇总.ceping", "street.ceping"),
        }
    }
}

/// Why an output was refused; each one sentence naming the output and
/// saying what to do.
#[derive(Debug, Error)]
pub enum OutputRefusal {
    #[error("{}", tr(
        format!("输出文件 {0} 就是考核文件本身，不能覆盖它。请换一个文件名，例如 {1}。", .out.display(), .kind.example()),
        format!("The output {0} is the campaign file itself; it cannot be overwritten. Choose another name, e.g. {1}.", .out.display(), .kind.example())))]
    Itself { out: PathBuf, kind: OutputKind },
    #[error("{}", tr(
        format!("输出文件 {0} 是另一个考核文件，不能覆盖它。请换一个文件名，例如 {1}。", .out.display(), .kind.example()),
        format!("The output {0} is another campaign file; it cannot be overwritten. Choose another name, e.g. {1}.", .out.display(), .kind.example())))]
    OtherCampaign { out: PathBuf, kind: OutputKind },
    #[error("{}", tr(
        format!("输出文件 {0} 是考核文件的 -wal、-shm 或 .lock 文件，不能写入或覆盖它。请换一个文件名，例如 {1}。", .out.display(), .kind.example()),
        format!("The output {0} is a -wal, -shm or .lock file of a campaign; it cannot be written or overwritten. Choose another name, e.g. {1}.", .out.display(), .kind.example())))]
    Sidecar { out: PathBuf, kind: OutputKind },
    #[error("{}", tr(
        format!("输出文件 {0} 是一个文件夹。请在后面加上文件名，例如 {1}。", .out.display(), .out.join(.kind.example()).display()),
        format!("The output {0} is a folder. Add a file name to it, e.g. {1}.", .out.display(), .out.join(.kind.example()).display())))]
    Folder { out: PathBuf, kind: OutputKind },
    #[error("{}", tr(
        format!("输出文件 {0} 不是普通文件（而是设备、管道等），不能覆盖它。请换一个文件名，例如 {1}。", .out.display(), .kind.example()),
        format!("The output {0} is not a regular file (a device, a pipe or the like); it cannot be overwritten. Choose another name, e.g. {1}.", .out.display(), .kind.example())))]
    Special { out: PathBuf, kind: OutputKind },
    #[error("{}", tr(
        format!("文件夹 {0} 不存在，无法写入 {1}。请先建立这个文件夹，或换一个位置。", .folder.display(), .out.display()),
        format!("The folder {0} does not exist, so {1} cannot be written. Create the folder first, or choose another place.", .folder.display(), .out.display())))]
    NoFolder { out: PathBuf, folder: PathBuf },
    #[error("{}", tr(
        format!("{0} 不是文件夹，无法写入 {1}。请换一个位置。", .folder.display(), .out.display()),
        format!("{0} is not a folder, so {1} cannot be written. Choose another place.", .folder.display(), .out.display())))]
    NotAFolder { out: PathBuf, folder: PathBuf },
    #[error("{}", tr(
        format!("输出文件 {0} 无法读取，不能确认它不是考核文件，所以不会覆盖它。请换一个文件名，例如 {1}。\n{2}", .out.display(), .kind.example(), .error),
        format!("The output {0} cannot be read, so it may be a campaign file and is not overwritten. Choose another name, e.g. {1}.\n{2}", .out.display(), .kind.example(), .error)))]
    Unreadable {
        out: PathBuf,
        kind: OutputKind,
        error: std::io::Error,
    },
}

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
