//! Checking a roster against the campaign (名单校验), row by row.
//!
//! The first non-empty row is the header. Every data row is checked for
//! every problem it has (unit, name, post and category, 述职方式,
//! duplicates, a second secretary), so one pass over the errors fixes the
//! whole file. The 职务 cell is the post as the office writes it (村委会主任,
//! 驻村工作队员), kept for printing; its category comes from the optional
//! 类别 column, else from the post by
//! [`titles::category`](crate::domain::titles::category). Then each
//! unit listed is checked as a whole: its meetings must not have started,
//! and each meeting it holds must still have someone on its ballot (a
//! secretary for the Party-building review). Those unit-wide problems are
//! reported at the unit's first row, and the ballot checks only for units
//! whose rows are otherwise clean (a misspelt 职务 would otherwise also
//! report a missing secretary).

use std::collections::BTreeMap;

use super::read::Table;
use super::{RowError, RowErrorKind as K};
use crate::campaign_toml::{default_report, parse_report};
use crate::domain::names::{check_name, check_post, name_key, normalize_name};
use crate::domain::titles::{category, category_word, kept};
use crate::domain::{MeetingKind, Model, ReportMode, Role, Subject, UnitRoster};

/// A roster column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// 单位 (required)
    Unit,
    /// 姓名 (required)
    Name,
    /// 职务 (required): the post as written.
    Role,
    /// 述职方式 (optional: empty means the role's default)
    Report,
    /// 类别 (optional): the category word, over the one the post gives.
    Category,
}

impl Column {
    pub const ALL: [Column; 5] = [
        Column::Unit,
        Column::Name,
        Column::Role,
        Column::Report,
        Column::Category,
    ];

    /// The header as the notice's forms write it.
    pub fn zh(self) -> &'static str {
        match self {
            Column::Unit => "单位",
            Column::Name => "姓名",
            Column::Role => "职务",
            Column::Report => "述职方式",
            Column::Category => "类别",
        }
    }

    /// The English header also accepted.
    pub fn en(self) -> &'static str {
        match self {
            Column::Unit => "unit",
            Column::Name => "name",
            Column::Role => "role",
            Column::Report => "report",
            Column::Category => "category",
        }
    }

    pub fn required(self) -> bool {
        !matches!(self, Column::Report | Column::Category)
    }

    /// The column a header cell names, if any.
    fn from_header(cell: &str) -> Option<Column> {
        let h = normalize_name(cell).to_ascii_lowercase();
        let h = h.as_str();
        Column::ALL.into_iter().find(|c| {
            h == c.zh()
                || h == c.en()
                || match c {
                    Column::Unit => matches!(h, "单位名称" | "村(社区)" | "村（社区）"),
                    Column::Name => h == "被测评人",
                    Column::Role => matches!(h, "职位" | "title"),
                    Column::Report => matches!(h, "述职形式" | "述职"),
                    Column::Category => matches!(h, "人员类别" | "职务类别"),
                }
        })
    }
}

/// A roster that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The units listed, in campaign order, each with its people in roster
    /// order.
    pub units: Vec<UnitRoster>,
    /// Header cells that are not roster columns.
    pub ignored: Vec<String>,
}

/// Where each column is: an index into the row's cells.
type Columns = BTreeMap<Column, usize>;

/// Read the header row: the columns found, the ignored cells, or errors.
fn header(row: usize, cells: &[String]) -> Result<(Columns, Vec<String>), Vec<RowError>> {
    let mut columns = Columns::new();
    let mut ignored = Vec::new();
    let mut errors = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        match Column::from_header(cell) {
            Some(column) => {
                if let Some(&first) = columns.get(&column) {
                    let kind = K::DuplicateColumn {
                        column,
                        first: first + 1,
                        again: i + 1,
                    };
                    errors.push(RowError { row, kind });
                } else {
                    columns.insert(column, i);
                }
            }
            None => {
                let text = normalize_name(cell);
                if !text.is_empty() {
                    ignored.push(text);
                }
            }
        }
    }
    for column in Column::ALL {
        if column.required() && !columns.contains_key(&column) {
            let kind = K::MissingColumn { column };
            errors.push(RowError { row, kind });
        }
    }
    if errors.is_empty() {
        Ok((columns, ignored))
    } else {
        Err(errors)
    }
}

/// What the roster says about one unit so far.
#[derive(Default)]
struct UnitSoFar {
    first_row: usize,
    subjects: Vec<Subject>,
    /// Row of each name (by [`name_key`], its visible form), for
    /// duplicates.
    names: BTreeMap<String, usize>,
    secretary_row: Option<usize>,
    /// Some row of this unit has a problem.
    dirty: bool,
}

impl UnitSoFar {
    /// Add `person`, read from `row` with the problems `kinds`, adding to
    /// those a duplicate name or a second secretary. Only a clean row puts
    /// someone on the roster.
    fn add(&mut self, row: usize, person: Person, kinds: &mut Vec<K>) {
        let Person {
            unit,
            name,
            role,
            report,
            title,
            ..
        } = person;
        if !name.is_empty() {
            let key = name_key(&name);
            if let Some(&first_row) = self.names.get(&key) {
                kinds.push(K::DuplicatePerson {
                    unit: unit.clone(),
                    name: name.clone(),
                    first_row,
                });
            } else {
                self.names.insert(key, row);
            }
        }
        if role == Some(Role::PartySecretary) {
            match self.secretary_row {
                Some(first_row) => kinds.push(K::TwoSecretaries { unit, first_row }),
                None => self.secretary_row = Some(row),
            }
        }
        if !kinds.is_empty() {
            self.dirty = true;
        } else if let (Some(role), Some(report)) = (role, report) {
            self.subjects.push(Subject {
                name,
                role,
                report,
                title,
            });
        }
    }
}

/// One data row, each cell read and checked on its own.
struct Person {
    /// Empty when the cell was refused.
    unit: String,
    /// The unit is one of the campaign's.
    known: bool,
    /// Empty when the cell was refused.
    name: String,
    role: Option<Role>,
    /// The role's default when the cell is empty.
    report: Option<ReportMode>,
    /// The post as written, unless it is the category word of `role`.
    title: Option<String>,
}

impl Person {
    /// Read `cells`, adding to `kinds` every problem a cell has alone.
    fn read(model: &Model, columns: &Columns, cells: &[String], kinds: &mut Vec<K>) -> Person {
        let cell = |c: Column| -> String {
            columns
                .get(&c)
                .and_then(|&i| cells.get(i))
                .cloned()
                .unwrap_or_default()
        };
        // A cell with a hidden character is refused for it alone (not
        // also as an unknown unit or a duplicate).
        let checked = |column: Column| {
            check_name(&cell(column)).map_err(|problem| K::BadName { column, problem })
        };
        let unit = checked(Column::Unit);
        let known = matches!(&unit, Ok(u) if model.campaign.unit(u).is_some());
        let unit = match unit {
            Ok(unit) if unit.is_empty() => {
                kinds.push(K::EmptyUnit);
                unit
            }
            Ok(unit) => {
                if !known {
                    kinds.push(K::UnknownUnit {
                        value: unit.clone(),
                    });
                }
                unit
            }
            Err(kind) => {
                kinds.push(kind);
                String::new()
            }
        };
        let name = match checked(Column::Name) {
            Ok(name) => {
                if name.is_empty() {
                    kinds.push(K::EmptyName);
                }
                name
            }
            Err(kind) => {
                kinds.push(kind);
                String::new()
            }
        };
        let (role, title) = post(&cell(Column::Role), &cell(Column::Category), kinds);
        let report = report(&cell(Column::Report), role, kinds);
        Person {
            unit,
            known,
            name,
            role,
            report,
            title,
        }
    }
}

/// The 职务 and 类别 cells read: the category (类别 over the post's) and
/// the post to keep, adding their problems to `kinds`.
fn post(post: &str, category_text: &str, kinds: &mut Vec<K>) -> (Option<Role>, Option<String>) {
    let post = match check_post(post) {
        Ok(post) => Some(post),
        Err(problem) => {
            let column = Column::Role;
            kinds.push(K::BadName { column, problem });
            None
        }
    };
    let given = category_text.trim();
    let given = if given.is_empty() {
        None
    } else {
        let role = category_word(given);
        if role.is_none() {
            let value = normalize_name(given);
            kinds.push(K::UnknownCategory { value });
        }
        Some(role)
    };
    let role = match (given, post.as_deref()) {
        (Some(role), _) => role,
        (None, None) => None,
        (None, Some("")) => {
            kinds.push(K::EmptyRole);
            None
        }
        (None, Some(post)) => match category(post) {
            Ok(role) => Some(role),
            Err(unplaced) => {
                let value = post.to_string();
                kinds.push(K::UnplacedTitle { value, unplaced });
                None
            }
        },
    };
    let title = match (role, post) {
        (Some(role), Some(post)) if !post.is_empty() => kept(&post, role),
        _ => None,
    };
    (role, title)
}

/// The 述职方式 cell read (the role's default when empty), adding its
/// problem to `kinds`.
fn report(report_text: &str, role: Option<Role>, kinds: &mut Vec<K>) -> Option<ReportMode> {
    if report_text.trim().is_empty() {
        role.map(default_report)
    } else {
        let report = parse_report(report_text);
        if report.is_none() {
            kinds.push(K::UnknownReport {
                value: report_text.trim().to_string(),
            });
        }
        report
    }
}

/// Check `table` against `model`'s campaign.
pub fn check(model: &Model, table: &Table) -> Result<Checked, Vec<RowError>> {
    let Some(((header_row, header_cells), data)) = table.rows.split_first() else {
        return Err(vec![RowError {
            row: 1,
            kind: K::NoHeader,
        }]);
    };
    let (columns, ignored) = header(*header_row, header_cells)?;
    if data.is_empty() {
        return Err(vec![RowError {
            row: header_row + 1,
            kind: K::NoPeople,
        }]);
    }
    let mut errors: Vec<RowError> = Vec::new();
    let mut units: BTreeMap<String, UnitSoFar> = BTreeMap::new();
    for &(row, ref cells) in data {
        let mut kinds = Vec::new();
        let person = Person::read(model, &columns, cells, &mut kinds);
        if person.known {
            let so_far = units
                .entry(person.unit.clone())
                .or_insert_with(|| UnitSoFar {
                    first_row: row,
                    ..Default::default()
                });
            so_far.add(row, person, &mut kinds);
        }
        errors.extend(kinds.into_iter().map(|kind| RowError { row, kind }));
    }
    let rosters = rosters(model, units, &mut errors);
    if errors.is_empty() {
        Ok(Checked {
            units: rosters,
            ignored,
        })
    } else {
        errors.sort_by_key(|e| e.row);
        Err(errors)
    }
}

/// The units listed, in campaign order, each checked as a whole; its
/// problems are added to `errors` at its first row.
fn rosters(
    model: &Model,
    mut units: BTreeMap<String, UnitSoFar>,
    errors: &mut Vec<RowError>,
) -> Vec<UnitRoster> {
    let mut rosters = Vec::new();
    for unit in &model.campaign.units {
        let Some(so_far) = units.remove(&unit.name) else {
            continue;
        };
        let mut bad = |kind: K| {
            errors.push(RowError {
                row: so_far.first_row,
                kind,
            })
        };
        let name = unit.name.clone();
        if model.rounds.keys().any(|k| k.unit == unit.name) {
            bad(K::UnitStarted { unit: name.clone() });
        }
        if !so_far.dirty {
            for &meeting in &unit.meetings {
                if !so_far.subjects.iter().any(|s| meeting.evaluates(s.role)) {
                    bad(match meeting {
                        MeetingKind::PartyBuildingReview => K::NoSecretary { unit: name.clone() },
                        MeetingKind::AnnualReview => K::NobodyOnBallot { unit: name.clone() },
                    });
                }
            }
        }
        rosters.push(UnitRoster {
            unit: name,
            subjects: so_far.subjects,
        });
    }
    rosters
}
