//! What can go wrong with a campaign file, each kept as data and worded
//! for the liaison by `message(lang)` (in `sentences.rs`, from the
//! catalogue): what happened, to which file, and what to do. SQLite's and
//! the operating system's errors are sorted into classes in one place
//! ([`StoreError::at`]); their raw text may follow on a second line
//! ("详情：" and the text), never alone.
//!
//! Also the one-line notices an open may give (a file others can read, a
//! read-only opening), printed on stderr once each, and not while a full
//! screen owns the terminal ([`quiet_notices`]).

use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::ErrorCode;
use rusqlite::ffi;

use super::lock::Holder;
use crate::domain::DomainError;
use crate::fsid::OutputRefusal;

/// What can go wrong with a campaign file; [`StoreError::message`] says
/// it to the liaison in the language asked for.
#[derive(Debug)]
pub enum StoreError {
    /// `init`/`demo`: the file is already there.
    Exists(PathBuf),
    /// Nothing at the path (its folder exists).
    NotFound(PathBuf),
    /// Another ceping holds the writer lock; who, if the file says so.
    Locked {
        path: PathBuf,
        holder: Option<Box<Holder>>,
    },
    NewerSchema {
        path: PathBuf,
        found: i32,
        supported: i32,
    },
    /// WAL or `synchronous=FULL` could not be set.
    Pragma(String),
    /// The log is damaged at `seq` (no file named: for callers that name it).
    Damaged {
        seq: u64,
        reason: Reason,
    },
    /// The log of `path` is damaged at `seq`.
    DamagedIn {
        path: PathBuf,
        seq: u64,
        reason: Reason,
    },
    /// A failure of the file, its folder or the disk, sorted into a class;
    /// `detail` is SQLite's or the system's own text.
    File {
        path: PathBuf,
        problem: FileProblem,
        detail: Option<String>,
    },
    /// A full-screen command run where there is no terminal.
    NoTerminal {
        command: &'static str,
        detail: Option<String>,
    },
    Domain(DomainError),
    /// `append` on a store opened read-only (it holds no writer lock).
    OpenedReadOnly,
    /// A backup would be written over the campaign file it copies (or over
    /// one of its `-wal`, `-shm`, `.lock`): the path it would have taken.
    BackupOverSource(PathBuf),
    /// The outputs' guard refused the place a backup was to be put.
    OutputRefused(OutputRefusal),
    /// An SQLite error not yet tied to a file (see [`StoreError::at`]).
    Sqlite(rusqlite::Error),
    /// A system error not yet tied to a file (see [`StoreError::at`]).
    Io(std::io::Error),
    Json(serde_json::Error),
}

/// Why the log is damaged at an event: kept as data (not words) so that
/// the sentence can be said in whichever language the caller names
/// ([`Reason::message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The stored hash does not follow from the event and the one before:
    /// the event was altered.
    HashMismatch,
    /// The event's body does not decode; serde's own text (English, as
    /// the decoder gives it).
    Unreadable(String),
    /// A text column (`ts`, `kind`, `body`, `hash`) holds bytes that are
    /// not UTF-8.
    NotUtf8 { column: &'static str },
    /// A text column holds something other than text.
    NotText { column: &'static str },
    /// The event with this number is not in the log.
    Missing,
    /// An event before this one is not in the log (the projector, which
    /// reads only the events after those it folded).
    GapBefore,
    /// SQLite's counter says events after the last one existed.
    TailDeleted,
    /// SQLite's counter (`sqlite_sequence`) is gone or below the last
    /// event, so a deleted tail cannot be ruled out.
    SequenceChanged,
    /// The log holds no campaign definition.
    NoCampaign,
    /// The log read back differs from the one just verified.
    ChangedWhileRead,
    /// The event does not fold: the domain refuses it (boxed: a refusal is
    /// larger than every other reason, and errors are passed by value).
    Domain(Box<DomainError>),
}

/// A one-line notice an opening gives (printed on standard error once,
/// see [`notice`]); kept as data, worded by [`Notice::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The folder is read-only: the file was opened immutable.
    OpenedReadOnly(PathBuf),
    /// Other users could read the file; their access was taken away.
    /// Modes are the permission bits (`0o644`, `0o600`).
    MadePrivate {
        path: PathBuf,
        mode: u32,
        private: u32,
    },
    /// Other users can read the file and ceping cannot change that.
    OthersCanRead { path: PathBuf, mode: u32 },
}

/// The classes of file failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// SQLITE_FULL, ENOSPC, a quota.
    DiskFull,
    /// The file itself cannot be written (its folder can).
    ReadOnlyFile,
    /// The folder (or the whole medium) cannot be written: no `-wal` or
    /// `-shm` can be made there.
    ReadOnlyFolder,
    /// A new file cannot be made in the folder (`init`, `demo`).
    CannotCreate,
    /// The folder cannot be written and a `-wal` beside the file holds
    /// records that only a writable folder lets SQLite read.
    WalOnReadOnly,
    PermissionDenied,
    NotCeping(Looks),
    Damaged(Damage),
    IsFolder,
    /// The folder the file should be in does not exist.
    NoFolder,
    /// Another program holds SQLite's own lock for too long.
    Busy,
    /// Any other input/output failure.
    Io,
    /// Anything else (a bug, most likely): the detail matters.
    Unexpected,
}

/// What a file that is not a campaign file looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Empty,
    Text,
    /// An SQLite database of another program.
    Sqlite,
    /// Bytes that are neither text nor SQLite.
    Binary,
    /// A device, a pipe, a socket.
    Special,
}

/// How a campaign file is damaged below the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// SQLITE_CORRUPT: "database disk image is malformed".
    Malformed,
    /// Shorter than its own header says.
    Truncated,
    /// The database header does not hold together.
    Header,
    /// A row holds something that is not what the schema stores (bad UTF-8,
    /// a number for text).
    BadData,
    /// The `events` table is missing.
    NoEvents,
    /// `PRAGMA integrity_check` failed.
    Integrity,
}

impl std::error::Error for StoreError {}

impl From<DomainError> for StoreError {
    fn from(e: DomainError) -> Self {
        StoreError::Domain(e)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Json(e)
    }
}

impl StoreError {
    /// Tie a raw SQLite or system error to `path`, sorted into its class.
    /// Errors already sorted pass through unchanged.
    pub fn at(path: &Path, e: impl Into<StoreError>) -> StoreError {
        match e.into() {
            StoreError::Sqlite(e) => from_sqlite(path, e),
            StoreError::Io(e) => from_io(path, e),
            other => other,
        }
    }

    /// The class of a file failure, if this is one.
    pub fn problem(&self) -> Option<FileProblem> {
        match self {
            StoreError::File { problem, .. } => Some(*problem),
            _ => None,
        }
    }

    pub(crate) fn file(path: &Path, problem: FileProblem, detail: Option<String>) -> StoreError {
        StoreError::File {
            path: path.to_path_buf(),
            problem,
            detail,
        }
    }
}

/// SQLite's error, sorted, without looking at the file system.
pub(super) enum Sorted {
    Is(FileProblem),
    /// SQLITE_CANTOPEN: the file, its folder or a companion could not be
    /// opened; the file system says which.
    CantOpen,
    /// SQLITE_READONLY: the file or its folder; the file system says which.
    ReadOnly,
}

pub(super) fn sort_sqlite(e: &rusqlite::Error) -> Sorted {
    use FileProblem as P;
    let rusqlite::Error::SqliteFailure(err, _) = e else {
        return match e {
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::Utf8Error(..) => Sorted::Is(P::Damaged(Damage::BadData)),
            _ => Sorted::Is(P::Unexpected),
        };
    };
    let ext = err.extended_code;
    Sorted::Is(match err.code {
        ErrorCode::DiskFull => P::DiskFull,
        ErrorCode::ReadOnly => match ext {
            // No -shm or -wal can be made or locked: the folder is at fault.
            ffi::SQLITE_READONLY_DIRECTORY
            | ffi::SQLITE_READONLY_RECOVERY
            | ffi::SQLITE_READONLY_CANTLOCK
            | ffi::SQLITE_READONLY_CANTINIT => P::ReadOnlyFolder,
            _ => return Sorted::ReadOnly,
        },
        ErrorCode::PermissionDenied => P::PermissionDenied,
        ErrorCode::CannotOpen if ext == ffi::SQLITE_CANTOPEN_ISDIR => P::IsFolder,
        ErrorCode::CannotOpen => return Sorted::CantOpen,
        // The header was checked before SQLite opened the file.
        ErrorCode::NotADatabase => P::Damaged(Damage::Header),
        ErrorCode::DatabaseCorrupt => P::Damaged(Damage::Malformed),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => P::Busy,
        // Growing the -shm fails only when the disk is full.
        ErrorCode::SystemIoFailure if ext == ffi::SQLITE_IOERR_SHMSIZE => P::DiskFull,
        ErrorCode::SystemIoFailure if ext == ffi::SQLITE_IOERR_SHORT_READ => {
            P::Damaged(Damage::Truncated)
        }
        ErrorCode::SystemIoFailure | ErrorCode::FileLockingProtocolFailed => P::Io,
        _ => P::Unexpected,
    })
}

/// SQLite's own text once, with its extended code.
pub(super) fn sqlite_detail(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(err, msg) => {
            let text = msg
                .clone()
                .unwrap_or_else(|| ffi::code_to_str(err.extended_code).to_string());
            format!("{text} (SQLite {})", err.extended_code)
        }
        other => other.to_string(),
    }
}

fn from_sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
    let detail = Some(sqlite_detail(&e));
    let problem = match sort_sqlite(&e) {
        // SQLite files are whole pages (of 512 bytes or a multiple): one
        // that is not was cut short.
        Sorted::Is(FileProblem::Damaged(Damage::Malformed))
            if std::fs::metadata(path).is_ok_and(|m| m.len() % 512 != 0) =>
        {
            FileProblem::Damaged(Damage::Truncated)
        }
        Sorted::Is(p) => p,
        Sorted::ReadOnly => read_only_problem(path),
        Sorted::CantOpen => match std::fs::metadata(path) {
            Err(io) => return from_io(path, io),
            Ok(m) if m.is_dir() => FileProblem::IsFolder,
            Ok(_) if !folder_writable(path) => FileProblem::ReadOnlyFolder,
            Ok(_) => FileProblem::PermissionDenied,
        },
    };
    StoreError::file(path, problem, detail)
}

/// A file SQLite cannot write: the folder's fault if it cannot be written
/// either (a write-protected stick), else the file's.
pub(crate) fn read_only_problem(path: &Path) -> FileProblem {
    if folder_writable(path) {
        FileProblem::ReadOnlyFile
    } else {
        FileProblem::ReadOnlyFolder
    }
}

pub(super) fn sort_io(path: Option<&Path>, e: &std::io::Error) -> FileProblem {
    use FileProblem as P;
    match e.kind() {
        // Creating a file the folder does not allow.
        ErrorKind::PermissionDenied if path.is_some_and(|p| !p.exists()) => P::ReadOnlyFolder,
        ErrorKind::PermissionDenied => P::PermissionDenied,
        ErrorKind::ReadOnlyFilesystem => P::ReadOnlyFolder,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => P::DiskFull,
        ErrorKind::IsADirectory => P::IsFolder,
        ErrorKind::NotADirectory => P::NoFolder,
        ErrorKind::UnexpectedEof => P::Damaged(Damage::Truncated),
        _ => P::Io,
    }
}

fn from_io(path: &Path, e: std::io::Error) -> StoreError {
    if e.kind() == ErrorKind::NotFound {
        return missing(path);
    }
    if is_sentence(&e) {
        return StoreError::Io(e);
    }
    StoreError::file(path, sort_io(Some(path), &e), Some(e.to_string()))
}

/// Nothing at `path`: its folder is missing, or just the file.
pub(crate) fn missing(path: &Path) -> StoreError {
    if std::fs::metadata(folder_of(path)).is_ok_and(|m| m.is_dir()) {
        StoreError::NotFound(path.to_path_buf())
    } else {
        StoreError::file(path, FileProblem::NoFolder, None)
    }
}

/// An error made by ceping itself around a sentence (no system error).
pub(super) fn is_sentence(e: &std::io::Error) -> bool {
    e.raw_os_error().is_none() && e.get_ref().is_some()
}

/// The folder `path` is in (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The folder of `path` as a sentence names it: the current folder by its
/// full name rather than ".".
pub(super) fn folder_shown(path: &Path) -> String {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| ".".into()),
    }
}

/// Can a file be made in the folder of `path` (so SQLite can make the
/// `-wal` and `-shm`, and a writer can exist)? Tried for real, because
/// permission bits say nothing about a read-only medium or about root:
/// only after SQLite failed, and the trial file is removed at once.
pub(crate) fn folder_writable(path: &Path) -> bool {
    let folder = folder_of(path);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let trial = folder.join(format!(".ceping-write-test-{}-{nanos}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&trial)
    {
        Ok(file) => {
            drop(file);
            let _ = std::fs::remove_file(&trial);
            true
        }
        Err(e) => e.kind() == ErrorKind::AlreadyExists,
    }
}

/// Notices are held back while a full screen owns the terminal.
static QUIET: AtomicBool = AtomicBool::new(false);
/// The notices already printed (each is printed once per process).
static SHOWN: Mutex<Option<HashSet<String>>> = Mutex::new(None);

/// Hold back notices (`true`) while a full-screen view (the meeting screen,
/// the projector) owns the terminal: a line on stderr would garble it.
pub fn quiet_notices(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Print a one-line notice on stderr, once per process. Standard error is
/// an edge: the notice speaks the process's language there.
pub(crate) fn notice(notice: &Notice) {
    if QUIET.load(Ordering::Relaxed) {
        return;
    }
    let text = notice.message(crate::i18n::lang());
    let mut shown = SHOWN.lock().unwrap_or_else(|e| e.into_inner());
    if shown.get_or_insert_with(HashSet::new).insert(text.clone()) {
        eprintln!("{text}");
    }
}
