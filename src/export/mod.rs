//! Exports at the edge: the results in forms other programs read.

pub mod csv;
pub mod forms;
pub mod grading;
pub mod json;
pub mod xlsx;

use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::fsid::{OutputKind, OutputRefusal, check_output, folder_of};

/// Why an output was not written; each a sentence for the liaison
/// ([`ExportError::message`], in `crate::catalog`).
#[derive(Debug)]
pub enum ExportError {
    /// The output exists and `--force` was not given.
    Exists(PathBuf),
    /// The system's error writing the output.
    Io(PathBuf, std::io::Error),
    Xlsx(rust_xlsxwriter::XlsxError),
    /// The output is a campaign file, its sidecar, a folder and so on
    /// (even with `--force`).
    Refused(OutputRefusal),
    /// Printable ballot forms: unknown unit or meeting, bad copies.
    Forms(forms::FormsError),
}

/// The workbook's error is the source of `Xlsx` (as it always was: the
/// chain `{:#}` prints it after the sentence). `Refused` and `Forms` are
/// the inner sentence itself, once, with no source of their own.
impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Xlsx(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(e)
    }
}

impl From<OutputRefusal> for ExportError {
    fn from(e: OutputRefusal) -> Self {
        ExportError::Refused(e)
    }
}

impl From<forms::FormsError> for ExportError {
    fn from(e: forms::FormsError) -> Self {
        ExportError::Forms(e)
    }
}

/// Write `bytes` to `out` through the one safe routine every output takes:
/// the guard ([`check_output`]: never a campaign file, its sidecars, a
/// folder; `reading` are the campaign files the command reads), then a
/// private temporary file in the same folder, written and synced, then
/// [`publish_file`]. A half-written output never exists under the real
/// name, and an existing file is kept unless `force`.
pub fn write_output(
    out: &Path,
    bytes: &[u8],
    force: bool,
    reading: &[&Path],
    kind: OutputKind,
) -> Result<(), ExportError> {
    let guard = || check_output(out, reading, kind);
    guard()?;
    if !force && std::fs::symlink_metadata(out).is_ok() {
        return Err(ExportError::Exists(out.to_path_buf()));
    }
    let io = |e| ExportError::Io(out.to_path_buf(), e);
    let (tmp, mut file) = temp_beside(out).map_err(io)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    publish_file(&tmp, out, force, &guard).map_err(|e| match e {
        PublishError::Refused(r) => ExportError::Refused(r),
        PublishError::Exists => ExportError::Exists(out.to_path_buf()),
        PublishError::Io(e) => io(e),
    })
}

/// [`write_output`] for a caller that reads no campaign file (the
/// benchmarks): the same routine, the guard without a campaign of its own.
pub fn write_atomic(out: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let kind = match ext.as_deref() {
        Some("csv") => OutputKind::Csv,
        Some("json") => OutputKind::Json,
        _ => OutputKind::Xlsx,
    };
    write_output(out, bytes, force, &[], kind)
}

/// Why [`publish_file`] did not publish; the temporary file is gone.
#[derive(Debug)]
pub enum PublishError {
    /// The guard refused the output just before publishing.
    Refused(OutputRefusal),
    /// The output exists and `force` was not given.
    Exists,
    Io(std::io::Error),
}

/// A new, private (0600 on Unix) temporary file in `out`'s folder, so that
/// publishing it stays on one disk: `.NAME.PID.tmp`, or `.NAME.PID-N.tmp`
/// past regular files of that name (left by a killed run whose process id
/// came round again). Anything else in the way is an error.
pub fn temp_beside(out: &Path) -> std::io::Result<(PathBuf, File)> {
    let dir = folder_of(out);
    let name: String = out
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(64).collect())
        .unwrap_or_default();
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let tmp = match n {
            0 => dir.join(format!(".{name}.{pid}.tmp")),
            n => dir.join(format!(".{name}.{pid}-{n}.tmp")),
        };
        match create_private(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e)
                if e.kind() == ErrorKind::AlreadyExists
                    && n < 100
                    && std::fs::symlink_metadata(&tmp).is_ok_and(|m| m.is_file()) =>
            {
                n += 1
            }
            Err(e) => return Err(e),
        }
    }
}

/// Create `path`, which must not exist, owner-only (0600) on Unix.
fn create_private(path: &Path) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// Publish the complete, synced file `tmp` (beside `out`) as `out`:
///
/// 1. `guard` once more, just before (the output may have changed since
///    the work began);
/// 2. without `force`, `hard_link(tmp, out)`, which never replaces an
///    existing file (atomic no-clobber), then `tmp` is removed; where the
///    file system has no hard links (FAT and exFAT USB sticks), see
///    [`publish_without_links`]; with `force`, `rename` over `out`;
/// 3. the folder is synced (Unix), so that the new name survives a power
///    cut.
///
/// On any error `tmp` is removed.
pub fn publish_file(
    tmp: &Path,
    out: &Path,
    force: bool,
    guard: &dyn Fn() -> Result<(), OutputRefusal>,
) -> Result<(), PublishError> {
    let published = (|| {
        guard().map_err(PublishError::Refused)?;
        if force {
            std::fs::rename(tmp, out).map_err(PublishError::Io)?;
        } else {
            match std::fs::hard_link(tmp, out) {
                // OUT is complete from here on; the temporary name is only
                // a second link to it.
                Ok(()) => {
                    let _ = std::fs::remove_file(tmp);
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    return Err(PublishError::Exists);
                }
                // Unsupported, PermissionDenied (Linux's vfat says EPERM)
                // or another error: try without links, which reports the
                // real trouble if there is one.
                Err(_) => publish_without_links(tmp, out)?,
            }
        }
        sync_folder(out);
        Ok(())
    })();
    if published.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    published
}

/// Publish without hard links: reserve `out` by creating it exclusively
/// (empty, private; an existing file is never touched), then rename `tmp`
/// over that placeholder. The window: between the two steps `out` exists
/// and is empty, so a crash right there leaves an empty `out` behind (no
/// earlier file is lost; the command did not report success). On error
/// the placeholder is taken back while it is still empty.
pub fn publish_without_links(tmp: &Path, out: &Path) -> Result<(), PublishError> {
    match create_private(out) {
        Ok(placeholder) => drop(placeholder),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(PublishError::Exists),
        Err(e) => return Err(PublishError::Io(e)),
    }
    if let Err(e) = std::fs::rename(tmp, out) {
        if std::fs::symlink_metadata(out).is_ok_and(|m| m.is_file() && m.len() == 0) {
            let _ = std::fs::remove_file(out);
        }
        return Err(PublishError::Io(e));
    }
    Ok(())
}

/// Make a new or renamed entry in `out`'s folder durable: on Unix the
/// folder itself is synced (best effort: some file systems refuse to sync
/// a folder, and the file's own data is already on disk). Nothing to do on
/// Windows, where the rename is durable with the file.
fn sync_folder(out: &Path) {
    #[cfg(unix)]
    {
        let _ = File::open(folder_of(out)).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    {
        let _ = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    fn temp_with(dir: &Path, out: &Path, bytes: &[u8]) -> PathBuf {
        let (tmp, mut f) = temp_beside(out).unwrap();
        assert_eq!(tmp.parent(), Some(dir));
        f.write_all(bytes).unwrap();
        tmp
    }

    #[test]
    fn publishing_without_links_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.csv");
        let tmp = temp_with(dir.path(), &out, b"new");
        publish_without_links(&tmp, &out).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["r.csv"]);

        let tmp = temp_with(dir.path(), &out, b"newer");
        assert!(matches!(
            publish_without_links(&tmp, &out),
            Err(PublishError::Exists)
        ));
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        std::fs::remove_file(&tmp).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&out).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_stale_temporary_file_is_stepped_over_but_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.xlsx");
        let first = dir
            .path()
            .join(format!(".r.xlsx.{}.tmp", std::process::id()));
        std::fs::write(&first, b"stale").unwrap();
        let (tmp, _) = temp_beside(&out).unwrap();
        assert_eq!(
            tmp,
            dir.path()
                .join(format!(".r.xlsx.{}-1.tmp", std::process::id()))
        );
        std::fs::remove_file(&first).unwrap();
        std::fs::create_dir(&first).unwrap();
        assert!(temp_beside(&out).is_err());
    }

    #[test]
    fn publish_links_or_renames_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.json");
        let ok = || Ok(());
        let tmp = temp_with(dir.path(), &out, b"1");
        publish_file(&tmp, &out, false, &ok).unwrap();
        let tmp = temp_with(dir.path(), &out, b"2");
        assert!(matches!(
            publish_file(&tmp, &out, false, &ok),
            Err(PublishError::Exists)
        ));
        assert_eq!(std::fs::read(&out).unwrap(), b"1");
        let tmp = temp_with(dir.path(), &out, b"3");
        publish_file(&tmp, &out, true, &ok).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"3");
        let tmp = temp_with(dir.path(), &out, b"4");
        let refuse = || {
            Err(OutputRefusal::Itself {
                out: out.clone(),
                kind: OutputKind::Json,
            })
        };
        assert!(matches!(
            publish_file(&tmp, &out, true, &refuse),
            Err(PublishError::Refused(_))
        ));
        assert_eq!(std::fs::read(&out).unwrap(), b"3");
        assert_eq!(names(dir.path()), ["r.json"], "no temporary file is left");
    }
}
