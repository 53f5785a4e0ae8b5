//! The sentences of the roster import (名单导入提示): which entry of the
//! catalogue ([`RosterText`], [`ImportText`]) each problem and report
//! takes, and with what arguments, in the language the caller names.

use std::borrow::Borrow;

use super::{Column, ImportError, Imported, RowError, RowErrorKind};
use crate::catalog::{ImportText, Msg, RosterText};
use crate::domain::Role;
use crate::domain::names::{NameProblem, printable};
use crate::domain::titles::Unplaced;
use crate::i18n::{Lang, lang};

/// At most this many row errors are listed; the rest are counted.
const MAX_LISTED: usize = 50;

/// Words the user types into the roster, which is a Chinese spreadsheet:
/// the two 述职方式 words and the mark that tells two people of one name
/// apart. The sentences of both languages quote them as they are.
const ORAL: &str = "口头";
const WRITTEN: &str = "书面";
const TWIN_MARK: &str = "（大）";

/// `items` joined with the list separator of `lang` (、 or a comma).
fn list<S: Borrow<str>>(items: &[S], lang: Lang) -> String {
    items.join(Msg::ListSep.text_in(lang))
}

/// What to do about a bad 姓名 or 单位 cell.
fn name_fix(problem: &NameProblem) -> RosterText {
    match problem {
        NameProblem::Control { .. } | NameProblem::Blank { .. } | NameProblem::LoneMark { .. } => {
            RosterText::FixDelete
        }
        NameProblem::Invisible => RosterText::FixRealName,
        NameProblem::TooLong { .. } => RosterText::FixShorten,
    }
}

/// The campaign's category words, for hints.
fn roles(lang: Lang) -> String {
    let words = [
        Role::PartySecretary,
        Role::CommitteeMember,
        Role::WorkTeamLeader,
        Role::WorkTeamMember,
    ]
    .map(Role::label_zh);
    RosterText::RoleWords.fill_in(lang, &[&list(&words, lang)])
}

/// The roster's column headers, listed.
fn headers(lang: Lang) -> String {
    list(&Column::ALL.map(Column::zh), lang)
}

/// The columns that may be left out, listed.
fn optional(lang: Lang) -> String {
    let columns: Vec<&str> = Column::ALL
        .into_iter()
        .filter(|c| !c.required())
        .map(Column::zh)
        .collect();
    list(&columns, lang)
}

/// A post the rules cannot place: why, and the categories to choose from.
fn unplaced(value: &str, why: Unplaced, lang: Lang) -> String {
    let text = match why {
        Unplaced::FirstSecretary => RosterText::FirstSecretary,
        Unplaced::WorkTeam => RosterText::WorkTeamUnplaced,
    };
    let choices: Vec<&str> = why.choices().iter().map(|r| r.label_zh()).collect();
    text.fill_in(
        lang,
        &[&value, &Column::Category.zh(), &list(&choices, lang)],
    )
}

impl RowErrorKind {
    /// The sentence for this problem; `units` are the campaign's units.
    /// What the user wrote (a cell) is quoted in many of them: a hidden
    /// character in it is written out as `<U+XXXX>`, never sent to the
    /// terminal.
    pub fn message(&self, lang: Lang, units: &[String]) -> String {
        use RosterText as T;
        use RowErrorKind as K;
        let sentence = match self {
            K::NoHeader => T::NoHeader.fill_in(lang, &[&headers(lang)]),
            K::MissingColumn { column } => {
                T::MissingColumn.fill_in(lang, &[&column.zh(), &headers(lang), &optional(lang)])
            }
            K::DuplicateColumn {
                column,
                first,
                again,
            } => T::DuplicateColumn.fill_in(lang, &[&column.zh(), first, again]),
            K::UnclosedQuote => T::UnclosedQuote.text_in(lang).into(),
            K::NoPeople => T::NoPeople.text_in(lang).into(),
            K::EmptyUnit => T::EmptyUnit.text_in(lang).into(),
            K::UnknownUnit { value } => T::UnknownUnit.fill_in(lang, &[value, &list(units, lang)]),
            K::EmptyName => T::EmptyName.text_in(lang).into(),
            K::BadName { column, problem } => T::BadName.fill_in(
                lang,
                &[
                    &column.zh(),
                    &problem.reason(lang),
                    &name_fix(problem).text_in(lang),
                ],
            ),
            K::EmptyRole => T::EmptyRole.fill_in(lang, &[&roles(lang), &Column::Category.zh()]),
            K::UnplacedTitle {
                value,
                unplaced: why,
            } => unplaced(value, *why, lang),
            K::UnknownCategory { value } => {
                T::UnknownCategory.fill_in(lang, &[value, &roles(lang)])
            }
            K::UnknownReport { value } => T::UnknownReport.fill_in(lang, &[value, &ORAL, &WRITTEN]),
            K::DuplicatePerson {
                unit,
                name,
                first_row,
            } => T::DuplicatePerson.fill_in(lang, &[unit, name, first_row, &TWIN_MARK]),
            K::TwoSecretaries { unit, first_row } => {
                T::TwoSecretaries.fill_in(lang, &[unit, first_row, &Column::Category.zh()])
            }
            K::UnitStarted { unit } => T::UnitStarted.fill_in(lang, &[unit]),
            K::NoSecretary { unit } => T::NoSecretary.fill_in(lang, &[unit]),
            K::NobodyOnBallot { unit } => T::NobodyOnBallot.fill_in(lang, &[unit]),
        };
        printable(&sentence)
    }
}

impl RowError {
    /// `第 3 行：...` / `row 3: ...`; a bad cell `第 3 行“姓名”...` /
    /// `row 3, 姓名: ...`.
    pub fn message(&self, lang: Lang, units: &[String]) -> String {
        let sentence = self.kind.message(lang, units);
        let place = match self.kind {
            RowErrorKind::BadName { .. } => RosterText::InCell,
            _ => RosterText::InRow,
        };
        printable(&place.fill_in(lang, &[&self.row, &sentence]))
    }
}

/// Why a roster over the size limit was not read, naming the columns to
/// keep.
fn too_large(file: &str, lang: Lang) -> String {
    let mib = crate::campaign_toml::MAX_INPUT_BYTES / (1024 * 1024);
    // The columns that say who is reviewed how (类别 is rarely needed).
    let [unit, name, role, report] =
        [Column::Unit, Column::Name, Column::Role, Column::Report].map(Column::zh);
    ImportText::TooLarge.fill_in(lang, &[&file, &mib, &unit, &name, &role, &report])
}

/// The report of a roster with bad rows: the first [`MAX_LISTED`]
/// errors, one per line, and how many more there are.
fn bad_rows(file: &str, errors: &[RowError], units: &[String], lang: Lang) -> String {
    let mut lines: Vec<String> = errors
        .iter()
        .take(MAX_LISTED)
        .map(|e| format!("  {}", e.message(lang, units)))
        .collect();
    if errors.len() > MAX_LISTED {
        let more = ImportText::MoreRows.fill_in(lang, &[&(errors.len() - MAX_LISTED)]);
        lines.push(format!("  {}", printable(&more)));
    }
    ImportText::Rows.fill_in(lang, &[&file, &errors.len(), &lines.join("\n")])
}

impl ImportError {
    /// The whole report in `lang`. A file name is quoted as
    /// [`printable`]: a hidden character never reaches the terminal.
    pub fn message(&self, lang: Lang) -> String {
        use ImportError as E;
        use ImportText as T;
        let report = match self {
            E::Io { file, detail } => T::Io.fill_in(lang, &[file, detail]),
            E::TooLarge { file } => too_large(file, lang),
            E::Unsupported { file } => T::Unsupported.fill_in(lang, &[file]),
            E::WorkbookNamedCsv { file } => T::WorkbookNamedCsv.fill_in(lang, &[file]),
            E::NotText { file } => T::NotText.fill_in(lang, &[file]),
            E::Workbook { file, detail } => T::Workbook.fill_in(lang, &[file, detail]),
            E::Rows {
                file,
                errors,
                units,
            } => bad_rows(file, errors, units, lang),
            E::Store(e) => T::Store.fill_in(lang, &[&e.message(lang)]),
        };
        printable(&report)
    }
}

impl Imported {
    /// `已导入 2 个单位 11 人（roster.csv，编码 GBK）：南塘村 6 人、回龙村 5 人。`
    pub fn message(&self, lang: Lang) -> String {
        use ImportText as T;
        let people: usize = self.units.iter().map(|(_, n)| n).sum();
        let from = match &self.sheet {
            Some(sheet) => T::FromSheet.fill_in(lang, &[&self.file, sheet]),
            None => T::FromCsv.fill_in(lang, &[&self.file, &self.encoding]),
        };
        let each: Vec<String> = self
            .units
            .iter()
            .map(|(unit, n)| T::UnitPeople.fill_in(lang, &[unit, n]))
            .collect();
        let mut report = T::Imported.fill_in(
            lang,
            &[&self.units.len(), &people, &from, &list(&each, lang)],
        );
        if !self.ignored.is_empty() {
            report.push_str(&T::Ignored.fill_in(lang, &[&list(&self.ignored, lang)]));
        }
        printable(&report)
    }
}

/// At the edge (the command's report) the import speaks the process's
/// language; inside the program, call [`Imported::message`].
impl std::fmt::Display for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(lang()))
    }
}
