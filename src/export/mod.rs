//! Exports at the edge: the results in forms other programs read.

pub mod csv;
pub mod forms;
pub mod grading;
pub mod json;
pub mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::i18n::tr;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{}", tr(format!("{0} 已经存在。要覆盖它，请加上 --force；或换一个文件名。", .0.display()), format!("{0} already exists. Add --force to overwrite it, or choose another name.", .0.display())))]
    Exists(PathBuf),
    #[error("{}", tr(format!("无法写入 {0}：{1}", .0.display(), .1), format!("Cannot write {0}: {1}", .0.display(), .1)))]
    Io(PathBuf, std::io::Error),
    #[error("{}", tr(format!("无法生成 Excel 文件：{0}", .0), format!("Cannot build the Excel file: {0}", .0)))]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// Printable ballot forms: unknown unit or meeting, bad copies.
    #[error("{0}")]
    Forms(#[from] forms::FormsError),
}

/// Write `bytes` to `out` atomically: a private temporary file in the same
/// folder, synced, then renamed over. A half-written export never exists
/// under the real name, and an existing file is kept unless `force`.
pub fn write_atomic(out: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    if out.exists() && !force {
        return Err(ExportError::Exists(out.to_path_buf()));
    }
    let io = |e| ExportError::Io(out.to_path_buf(), e);
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = crate::store::lock::open_private(&tmp, true)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}
