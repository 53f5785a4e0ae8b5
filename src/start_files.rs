//! The start screen's edge with the file system: which folders to look
//! in (the current one and the user's documents folder, found from the
//! environment only), and the campaign files (`*.ceping`) in them, each
//! with its title read from the file and its last change. A file that
//! cannot be read is listed with why, as data: never an error that stops
//! the listing.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, Local};

use crate::store::{FileProblem, Reason, Store, StoreError};

/// The extension of a campaign file.
pub const EXTENSION: &str = "ceping";

/// Which kind of folder a file was found in, as the screen names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderKind {
    /// The folder ceping was started in (beside the exe, on a double-click).
    Here,
    /// The user's documents folder.
    Documents,
}

/// A folder to look in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    pub kind: FolderKind,
    pub path: PathBuf,
}

/// Why a listed file could not be read, in one short phrase's worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    NotCeping,
    Damaged,
    Newer,
    NoPermission,
    Busy,
    NoCampaign,
    Other,
}

/// One campaign file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignFile {
    pub path: PathBuf,
    pub folder: FolderKind,
    /// The campaign's title, or why it could not be read.
    pub title: Result<String, Unreadable>,
    pub modified: Option<SystemTime>,
}

/// The time zone the last changes are shown in: the laptop's, or a fixed
/// one (tests, whose screens must not depend on the machine's zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    /// `YYYY-MM-DD HH:MM` in this zone.
    pub fn format(self, t: SystemTime) -> String {
        let utc: DateTime<chrono::Utc> = t.into();
        let shown = match self {
            Zone::Local => utc.with_timezone(&Local).fixed_offset(),
            Zone::Fixed(offset) => utc.with_timezone(&offset),
        };
        shown.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The user's documents folders that exist: on Windows
/// `%USERPROFILE%\Documents`; elsewhere `$XDG_DOCUMENTS_DIR`, else
/// `~/Documents` and `~/文档` (a Chinese desktop's name for it).
pub fn documents_folders() -> Vec<PathBuf> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let candidates: Vec<PathBuf> = if cfg!(windows) {
        env("USERPROFILE")
            .map(|home| vec![PathBuf::from(home).join("Documents")])
            .unwrap_or_default()
    } else if let Some(xdg) = env("XDG_DOCUMENTS_DIR") {
        vec![PathBuf::from(xdg)]
    } else {
        env("HOME")
            .map(|home| {
                let home = PathBuf::from(home);
                vec![home.join("Documents"), home.join("\u{6587}\u{6863}")]
            })
            .unwrap_or_default()
    };
    candidates.into_iter().filter(|p| p.is_dir()).collect()
}

/// The folders the start screen lists: the current one, then the
/// documents folders, each once (the current folder may be one of them).
pub fn default_folders() -> Vec<Folder> {
    let mut folders = vec![Folder {
        kind: FolderKind::Here,
        path: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    }];
    for path in documents_folders() {
        folders.push(Folder {
            kind: FolderKind::Documents,
            path,
        });
    }
    dedup_folders(folders)
}

/// Where a new demo file goes: the first documents folder, else the
/// current one.
pub fn new_file_folder(folders: &[Folder]) -> PathBuf {
    folders
        .iter()
        .find(|f| f.kind == FolderKind::Documents)
        .or_else(|| folders.first())
        .map_or_else(|| PathBuf::from("."), |f| f.path.clone())
}

fn same_place(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn dedup_folders(folders: Vec<Folder>) -> Vec<Folder> {
    let mut out: Vec<Folder> = Vec::new();
    for f in folders {
        if !out.iter().any(|o| same_place(&o.path, &f.path)) {
            out.push(f);
        }
    }
    out
}

/// Every `*.ceping` file in `folders`, newest first (then by name).
pub fn list(folders: &[Folder]) -> Vec<CampaignFile> {
    let mut files = Vec::new();
    for folder in dedup_folders(folders.to_vec()) {
        let Ok(entries) = std::fs::read_dir(&folder.path) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_campaign = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION));
            let meta = entry.metadata();
            if !is_campaign || meta.as_ref().is_ok_and(|m| m.is_dir()) {
                continue;
            }
            files.push(CampaignFile {
                title: title(&path),
                modified: meta.ok().and_then(|m| m.modified().ok()),
                folder: folder.kind,
                path,
            });
        }
    }
    files.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    files
}

/// The campaign's title, read without writing anything.
fn title(path: &Path) -> Result<String, Unreadable> {
    let title = Store::open_read_only(path)
        .and_then(|mut store| store.replay())
        .map(|model| model.campaign.title);
    title.map_err(|e| unreadable(&e))
}

/// The short reason for a file that cannot be read.
pub fn unreadable(e: &StoreError) -> Unreadable {
    match e {
        StoreError::NewerSchema { .. } => Unreadable::Newer,
        StoreError::Damaged { reason, .. } | StoreError::DamagedIn { reason, .. } => match reason {
            Reason::NoCampaign => Unreadable::NoCampaign,
            _ => Unreadable::Damaged,
        },
        StoreError::Locked { .. } => Unreadable::Busy,
        StoreError::File { problem, .. } => match problem {
            FileProblem::NotCeping(_) => Unreadable::NotCeping,
            FileProblem::Damaged(_) => Unreadable::Damaged,
            FileProblem::PermissionDenied => Unreadable::NoPermission,
            FileProblem::Busy => Unreadable::Busy,
            _ => Unreadable::Other,
        },
        _ => Unreadable::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_listed_twice_is_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let f = |kind| Folder {
            kind,
            path: dir.path().to_path_buf(),
        };
        let folders = dedup_folders(vec![f(FolderKind::Here), f(FolderKind::Documents)]);
        assert_eq!(folders, vec![f(FolderKind::Here)]);
        assert_eq!(new_file_folder(&folders), dir.path());
    }

    #[test]
    fn times_show_in_the_zone_asked() {
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_641_776_400);
        let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(Zone::Fixed(beijing).format(t), "2022-01-10 09:00");
    }
}
