//! The export key (`d`) on the results screens and the grading board: the
//! whole street as an Excel workbook next to the campaign file, named
//! `<file stem>-结果-YYYYMMDD-HHMMSS.xlsx`, written atomically and never
//! over an existing file, the campaign file or its sidecars (the same guard
//! and routine as `ceping export`: `crate::export::write_output`).
//!
//! The key only says "正在导出 Excel，请稍候" and leaves the work in
//! `App::deferred`; the event loop draws that frame, then calls
//! `App::run_deferred`, which writes the file and puts where it went (or
//! why not) on the status line.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{App, Status};
use crate::catalog::Msg;
use crate::export::{ExportError, write_output, xlsx};
use crate::fsid::OutputKind;

/// Work a key asked for that runs after the next frame is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferred {
    Export,
}

/// Where the export of `campaign` made at `now` goes: beside it, named
/// `<stem>-结果-YYYYMMDD-HHMMSS.xlsx`, or `...-N.xlsx` for the N-th
/// (N ≥ 2) within the same second.
pub fn export_path(campaign: &Path, now: DateTime<FixedOffset>, n: u32) -> PathBuf {
    let stem = campaign
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ceping".into());
    let stamp = now.format("%Y%m%d-%H%M%S");
    let name = if n <= 1 {
        format!("{stem}-结果-{stamp}.xlsx")
    } else {
        format!("{stem}-结果-{stamp}-{n}.xlsx")
    };
    campaign.with_file_name(name)
}

/// Names tried before giving up (the same second, many presses).
const MAX_TRIES: u32 = 100;

impl App {
    /// `d`: say that the export started; the work runs after the frame.
    pub(super) fn request_export(&mut self) {
        self.deferred = Some(Deferred::Export);
        self.say(Msg::Exporting, &[]);
    }

    /// Run the work the last key asked for, after the frame saying it
    /// started was drawn. Returns whether anything ran (the screen then
    /// needs drawing again).
    pub fn run_deferred(&mut self) -> bool {
        match self.deferred.take() {
            Some(Deferred::Export) => {
                self.export_now();
                true
            }
            None => false,
        }
    }

    fn export_now(&mut self) {
        let written = xlsx::to_bytes(self.model(), &self.session.store.head()).and_then(|bytes| {
            let campaign = self.session.store.path();
            let mut n = 1;
            loop {
                let out = export_path(campaign, self.now, n);
                // The one safe routine: never over the campaign file (by
                // identity, whatever the generated name), its sidecars or
                // any other campaign file, and never over an existing file.
                match write_output(&out, &bytes, false, &[campaign], OutputKind::Xlsx) {
                    Err(ExportError::Exists(_)) if n < MAX_TRIES => n += 1,
                    Err(e) => return Err(e),
                    Ok(()) => return Ok(out),
                }
            }
        });
        self.status = Some(match written {
            Ok(out) => Status::Info(Msg::Exported.fill(&[&out.display()])),
            Err(e) => Status::Error(Msg::ExportFailed.fill(&[&e])),
        });
    }
}
