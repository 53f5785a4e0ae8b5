//! Roster import (名单导入): `ceping import FILE ROSTER`, and `i` on the
//! street board.
//!
//! A roster is a spreadsheet (.csv or .xlsx) with a header row naming the
//! columns 单位, 姓名, 职务 and, optionally, 述职方式 and 类别, in any
//! order; other columns (序号, 性别, 备注 and so on) are ignored and named in
//! the report. Each further row is one person: 职务 is the post as the
//! office writes it (kept and printed), 类别 the category word when the
//! post does not tell it (see [`crate::domain::titles`]). The file is read by [`read`] (which detects
//! the CSV's encoding), checked row by row against the campaign by
//! [`check`], and, only if no row has any problem, recorded as ONE
//! [`Event::RosterImported`] through [`Session::record`]: each unit listed
//! gets exactly the roster's people, in the roster's order (which is the
//! ballot order). Units not listed keep their people. A roster with any
//! error imports nothing and names every bad row (1-based, header = row 1,
//! as Excel and WPS number them) with the reason. A file over
//! [`MAX_INPUT_BYTES`](crate::campaign_toml::MAX_INPUT_BYTES) is refused
//! unread; 姓名 and 单位 cells are checked by
//! [`check_name`](crate::domain::names::check_name) (no hidden characters,
//! not blank, at most 30 characters), 职务 by
//! [`check_post`](crate::domain::names::check_post) (the same, its spaces
//! kept).

pub mod check;
mod messages;
pub mod read;

use std::path::Path;

use crate::domain::Event;
use crate::domain::names::NameProblem;
use crate::domain::titles::Unplaced;
use crate::i18n::{Lang, lang};
use crate::store::{Session, StoreError};

pub use check::Column;

/// Why a roster cannot be imported. Display renders the full report in the
/// current language; [`ImportError::message`] takes the language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(lang()))]
pub enum ImportError {
    /// The roster could not be read.
    Io { file: String, detail: String },
    /// Larger than [`MAX_INPUT_BYTES`](crate::campaign_toml::MAX_INPUT_BYTES):
    /// not read.
    TooLarge { file: String },
    /// Neither .csv nor a workbook.
    Unsupported { file: String },
    /// An Excel workbook saved under a .csv name.
    WorkbookNamedCsv { file: String },
    /// A CSV that is neither UTF-8, UTF-16 nor GB18030/GBK.
    NotText { file: String },
    /// calamine could not read the workbook.
    Workbook { file: String, detail: String },
    /// Problems in rows; `units` are the campaign's units (for the hint).
    Rows {
        file: String,
        errors: Vec<RowError>,
        units: Vec<String>,
    },
    /// The checked roster was refused by the model or could not be saved.
    Store(StoreError),
}

/// One problem in one row of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based, header = row 1 (the spreadsheet's own numbering).
    pub row: usize,
    pub kind: RowErrorKind,
}

/// The problems a roster row can have (名单错误种类).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowErrorKind {
    /// The file (or sheet) has no rows at all.
    NoHeader,
    /// A required column is not in the header row.
    MissingColumn {
        column: Column,
    },
    /// The same column twice in the header; columns are 1-based.
    DuplicateColumn {
        column: Column,
        first: usize,
        again: usize,
    },
    /// A quote opened in this row never closes (CSV).
    UnclosedQuote,
    /// A header but nobody under it.
    NoPeople,
    EmptyUnit,
    /// A unit the campaign does not have.
    UnknownUnit {
        value: String,
    },
    EmptyName,
    /// A 姓名 or 单位 cell with a hidden character, one that shows as
    /// blank, or longer than 30 characters.
    BadName {
        column: Column,
        problem: NameProblem,
    },
    /// No 职务, and no 类别 either.
    EmptyRole,
    /// A 职务 whose category the rules cannot tell (第一书记, a bare
    /// 工作队), and no 类别 beside it.
    UnplacedTitle {
        value: String,
        unplaced: Unplaced,
    },
    /// A 类别 other than the four category words.
    UnknownCategory {
        value: String,
    },
    /// A 述职方式 other than 口头 / 书面.
    UnknownReport {
        value: String,
    },
    /// The same person twice in one unit.
    DuplicatePerson {
        unit: String,
        name: String,
        first_row: usize,
    },
    /// A second party secretary in one unit.
    TwoSecretaries {
        unit: String,
        first_row: usize,
    },
    /// The unit's meetings have started: its roster is fixed.
    UnitStarted {
        unit: String,
    },
    /// The unit holds the Party-building review but lists no secretary.
    NoSecretary {
        unit: String,
    },
    /// The unit holds the annual review but nobody it grades is listed.
    NobodyOnBallot {
        unit: String,
    },
}

/// A successful import, for the report sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub file: String,
    pub encoding: String,
    pub sheet: Option<String>,
    /// Each unit replaced and its number of people, in campaign order.
    pub units: Vec<(String, usize)>,
    /// Header cells that are not roster columns, ignored.
    pub ignored: Vec<String>,
}

/// Import the roster at `path` into the open campaign: all or nothing.
/// Returns the report sentence in the process's language (the command's
/// edge: [`import`] returns the report as data).
pub fn import_roster(session: &mut Session, path: &Path) -> Result<String, ImportError> {
    let imported = import(session, path)?;
    Ok(imported.to_string())
}

/// [`import_roster`], returning what was imported.
pub fn import(session: &mut Session, path: &Path) -> Result<Imported, ImportError> {
    let file = read::file_name(path);
    let table = read::read(path)?;
    let checked = check::check(&session.model, &table).map_err(|errors| ImportError::Rows {
        file: file.clone(),
        errors,
        units: session
            .model
            .campaign
            .units
            .iter()
            .map(|u| u.name.clone())
            .collect(),
    })?;
    let summary = checked
        .units
        .iter()
        .map(|u| (u.unit.clone(), u.subjects.len()))
        .collect();
    session
        .record(Event::RosterImported {
            source: file.clone(),
            encoding: table.encoding.clone(),
            units: checked.units,
        })
        .map_err(ImportError::Store)?;
    Ok(Imported {
        file,
        encoding: table.encoding,
        sheet: table.sheet,
        units: summary,
        ignored: checked.ignored,
    })
}

impl ImportError {
    /// The row errors, if the roster was read but has bad rows.
    pub fn rows(&self) -> &[RowError] {
        match self {
            ImportError::Rows { errors, .. } => errors,
            _ => &[],
        }
    }

    /// The first problem alone and how many there are: for the status line.
    pub fn first(&self, lang: Lang) -> (String, usize) {
        match self {
            ImportError::Rows { errors, units, .. } if !errors.is_empty() => {
                (errors[0].message(lang, units), errors.len())
            }
            other => (other.message(lang), 1),
        }
    }
}
