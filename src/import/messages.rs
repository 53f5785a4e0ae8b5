//! The sentences of the roster import (名单导入提示), in Chinese and
//! English: each error says what is wrong and what to do about it.

use super::{Column, ImportError, Imported, RowError, RowErrorKind};
use crate::domain::Role;
use crate::domain::names::{NameProblem, printable};
use crate::i18n::{Lang, lang};

/// At most this many row errors are listed; the rest are counted.
const MAX_LISTED: usize = 50;

/// The sentence in `lang`. What the user wrote (a cell, a file name) is
/// quoted in many messages: a hidden character in it is written out as
/// `<U+XXXX>`, never sent to the terminal.
fn pick(lang: Lang, zh: String, en: String) -> String {
    printable(match lang {
        Lang::Zh => &zh,
        Lang::En => &en,
    })
}

/// What to do about a bad 姓名 or 单位 cell.
fn name_fix(problem: &NameProblem, lang: Lang) -> &'static str {
    let (zh, en) = match problem {
        NameProblem::Control { .. } | NameProblem::Blank { .. } | NameProblem::LoneMark { .. } => {
            ("请删去后再导入", "delete it and import again")
        }
        NameProblem::Invisible => (
            "请填写真实的名字后再导入",
            "enter the real name and import again",
        ),
        NameProblem::TooLong { .. } => ("请改短后再导入", "shorten it and import again"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The campaign's role words, for hints.
fn roles(lang: Lang) -> String {
    let all = [
        Role::PartySecretary,
        Role::CommitteeMember,
        Role::WorkTeamLeader,
        Role::WorkTeamMember,
    ];
    let words: Vec<&str> = all.iter().map(|r| r.label_zh()).collect();
    match lang {
        Lang::Zh => words.join("、"),
        Lang::En => format!(
            "{} (or party_secretary, committee_member, work_team_leader, work_team_member)",
            words.join(", ")
        ),
    }
}

fn headers(lang: Lang) -> String {
    let names: Vec<&str> = Column::ALL.iter().map(|c| c.zh()).collect();
    match lang {
        Lang::Zh => names.join("、"),
        Lang::En => names.join(", "),
    }
}

impl RowErrorKind {
    /// The sentence for this problem; `units` are the campaign's units.
    pub fn message(&self, lang: Lang, units: &[String]) -> String {
        use RowErrorKind as K;
        let (zh, en) = match self {
            K::NoHeader => (
                "名单是空的。第一行应是表头（单位、姓名、职务、述职方式），下面每行一人。".to_string(),
                "the roster is empty. The first row must be the header (单位, 姓名, 职务, 述职方式), then one person per row.".to_string(),
            ),
            K::MissingColumn { column } => (
                format!("表头缺少“{}”列。第一行应是表头：{}（顺序不限，述职方式可省略）。", column.zh(), headers(Lang::Zh)),
                format!("the header has no \"{}\" column. The first row must be the header: {} (any order; 述职方式 may be left out).", column.zh(), headers(Lang::En)),
            ),
            K::DuplicateColumn { column, first, again } => (
                format!("“{}”列出现了两次（第 {first} 列和第 {again} 列）。请删去其中一列。", column.zh()),
                format!("the \"{}\" column appears twice (columns {first} and {again}). Delete one of them.", column.zh()),
            ),
            K::UnclosedQuote => (
                "这一行的英文双引号没有配对，后面的内容都读不出来。请在表格软件里检查这一格，或重新另存为 CSV。".to_string(),
                "a double quote opened in this row never closes, so nothing after it can be read. Check this cell in your spreadsheet, or save the CSV again.".to_string(),
            ),
            K::NoPeople => (
                "表头下面没有任何人。请每行填写一人。".to_string(),
                "there is nobody under the header. Enter one person per row.".to_string(),
            ),
            K::EmptyUnit => (
                "单位为空。请填写这个人所在的村（社区）。".to_string(),
                "the unit is empty. Enter this person's village or community.".to_string(),
            ),
            K::UnknownUnit { value } => (
                format!("考核方案里没有“{value}”这个单位。请填写方案中的单位名称：{}。", units.join("、")),
                format!("the campaign has no unit \"{value}\". Use one of its units: {}.", units.join(", ")),
            ),
            K::EmptyName => (
                "姓名为空。请填写姓名，或删去这一行。".to_string(),
                "the name is empty. Enter the name, or delete the row.".to_string(),
            ),
            K::BadName { column, problem } => (
                format!("“{}”{}，{}。", column.zh(), problem.reason(Lang::Zh), name_fix(problem, Lang::Zh)),
                format!("{}: {}; {}.", column.zh(), problem.reason(Lang::En), name_fix(problem, Lang::En)),
            ),
            K::EmptyRole => (
                format!("职务为空。请填写 {} 之一。", roles(Lang::Zh)),
                format!("the role is empty. Enter one of {}.", roles(Lang::En)),
            ),
            K::UnknownRole { value } => (
                format!("不认识的职务“{value}”。请填写 {} 之一。", roles(Lang::Zh)),
                format!("unknown role \"{value}\". Enter one of {}.", roles(Lang::En)),
            ),
            K::UnknownReport { value } => (
                format!("不认识的述职方式“{value}”。请填写“口头”或“书面”；留空则按职务默认（书记和工作队队长口头，其他人书面）。"),
                format!("unknown report mode \"{value}\". Enter 口头 (oral) or 书面 (written); leave it empty for the role's default (the secretary and the work-team leader oral, everyone else written)."),
            ),
            K::DuplicatePerson { unit, name, first_row } => (
                format!("“{unit}”的“{name}”重复（第 {first_row} 行已有）。请删去其中一行；如确是同名的两个人，请加以区分，例如“{name}（大）”。"),
                format!("\"{name}\" of \"{unit}\" is listed twice (already in row {first_row}). Delete one row; if they are two people of the same name, tell them apart, e.g. \"{name}（大）\"."),
            ),
            K::TwoSecretaries { unit, first_row } => (
                format!("“{unit}”已有党组织书记（第 {first_row} 行），一个单位只能有一位。请改正其中一人的职务。"),
                format!("\"{unit}\" already has a Party secretary (row {first_row}); a unit has only one. Correct one of the two roles."),
            ),
            K::UnitStarted { unit } => (
                format!("“{unit}”的会议已经开始，名单不能再替换。请从名单中删去这个单位的各行。"),
                format!("\"{unit}\" has already started a meeting, so its roster can no longer be replaced. Delete this unit's rows from the roster."),
            ),
            K::NoSecretary { unit } => (
                format!("“{unit}”要开抓基层党建述职评议（下述下评），名单里却没有党组织书记。请补上书记这一行。"),
                format!("\"{unit}\" holds the Party-building review, but the roster has no Party secretary for it. Add the secretary's row."),
            ),
            K::NobodyOnBallot { unit } => (
                format!("“{unit}”要开述职测评大会，名单里却没有要测评的人（两委成员或工作队队长）。请补上这些人。"),
                format!("\"{unit}\" holds the annual review, but the roster has nobody it grades (committee members or the work-team leader). Add them."),
            ),
        };
        pick(lang, zh, en)
    }
}

impl RowError {
    /// `第 3 行：...` / `row 3: ...`; a bad cell `第 3 行“姓名”...` /
    /// `row 3, 姓名: ...`.
    pub fn message(&self, lang: Lang, units: &[String]) -> String {
        let sentence = self.kind.message(lang, units);
        let (zh_sep, en_sep) = match self.kind {
            RowErrorKind::BadName { .. } => ("", ", "),
            _ => ("：", ": "),
        };
        pick(
            lang,
            format!("第 {} 行{zh_sep}{sentence}", self.row),
            format!("row {}{en_sep}{sentence}", self.row),
        )
    }
}

impl ImportError {
    /// The whole report in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ImportError as E;
        let (zh, en) = match self {
            E::Io { file, detail } => (
                format!("无法读取名单 {file}（{detail}）。请检查路径是否正确、文件是否存在。"),
                format!(
                    "cannot read the roster {file} ({detail}). Check the path and that the file exists."
                ),
            ),
            E::TooLarge { file } => {
                let mib = crate::campaign_toml::MAX_INPUT_BYTES / (1024 * 1024);
                (
                    format!(
                        "名单 {file} 大于 {mib} MiB，没有读取。一份名单通常只有几十 KB：请检查是否选错了文件；如确是名单，请只保留单位、姓名、职务、述职方式几列，另存后再导入。"
                    ),
                    format!(
                        "the roster {file} is larger than {mib} MiB, so it was not read. A roster is usually a few dozen kilobytes: check that you chose the right file; if it is the roster, keep only the columns 单位, 姓名, 职务 and 述职方式, save it and import again."
                    ),
                )
            }
            E::Unsupported { file } => (
                format!(
                    "{file} 不是 .csv 或 .xlsx 文件。请在 Excel 或 WPS 里把名单另存为 .xlsx 或 CSV 后再导入。"
                ),
                format!(
                    "{file} is not a .csv or .xlsx file. Save the roster as .xlsx or CSV in Excel or WPS, then import it."
                ),
            ),
            E::WorkbookNamedCsv { file } => (
                format!(
                    "{file} 其实是 Excel 工作簿，只是扩展名写成了 .csv。请把扩展名改为 .xlsx，或在 Excel/WPS 里另存为 CSV。"
                ),
                format!(
                    "{file} is an Excel workbook named .csv. Rename it to .xlsx, or save it as CSV in Excel/WPS."
                ),
            ),
            E::NotText { file } => (
                format!(
                    "{file} 的编码既不是 UTF-8 也不是 GBK/GB18030，读不出文字。请在 Excel 或 WPS 里另存为“CSV UTF-8”或 .xlsx。"
                ),
                format!(
                    "{file} is neither UTF-8 nor GBK/GB18030 text. Save it as \"CSV UTF-8\" or .xlsx in Excel or WPS."
                ),
            ),
            E::Workbook { file, detail } => (
                format!(
                    "无法读取工作簿 {file}（{detail}）。请用 Excel 或 WPS 打开检查后重新保存为 .xlsx。"
                ),
                format!(
                    "cannot read the workbook {file} ({detail}). Open it in Excel or WPS and save it again as .xlsx."
                ),
            ),
            E::Rows {
                file,
                errors,
                units,
            } => {
                let listed = |lang| {
                    let mut lines: Vec<String> = errors
                        .iter()
                        .take(MAX_LISTED)
                        .map(|e| format!("  {}", e.message(lang, units)))
                        .collect();
                    if errors.len() > MAX_LISTED {
                        let more = errors.len() - MAX_LISTED;
                        lines.push(pick(
                            lang,
                            format!("  另有 {more} 处"),
                            format!("  and {more} more"),
                        ));
                    }
                    lines.join("\n")
                };
                let n = errors.len();
                (
                    format!(
                        "名单 {file} 有 {n} 处错误，没有导入任何内容：\n{}\n请改正名单后再导入。",
                        listed(Lang::Zh)
                    ),
                    format!(
                        "the roster {file} has {n} error(s); nothing was imported:\n{}\nCorrect the roster and import it again.",
                        listed(Lang::En)
                    ),
                )
            }
            E::Store(e) => {
                let e = e.message(lang);
                (
                    format!("名单没有导入：{e}"),
                    format!("the roster was not imported: {e}"),
                )
            }
        };
        pick(lang, zh, en)
    }
}

impl Imported {
    /// `已导入 2 个单位 11 人（roster.csv，编码 GBK）：南塘村 6 人、回龙村 5 人。`
    pub fn message(&self, lang: Lang) -> String {
        let people: usize = self.units.iter().map(|(_, n)| n).sum();
        let count = self.units.len();
        let file = &self.file;
        let (from_zh, from_en) = match &self.sheet {
            Some(sheet) => (
                format!("{file}，工作表“{sheet}”"),
                format!("{file}, sheet \"{sheet}\""),
            ),
            None => (
                format!("{file}，已按 {} 编码读取", self.encoding),
                format!("{file}, read as {}", self.encoding),
            ),
        };
        let each_zh: Vec<String> = self
            .units
            .iter()
            .map(|(u, n)| format!("{u} {n} 人"))
            .collect();
        let each_en: Vec<String> = self.units.iter().map(|(u, n)| format!("{u} {n}")).collect();
        let mut zh = format!(
            "已导入 {count} 个单位 {people} 人（{from_zh}）：{}。这些单位原有的名单已替换。",
            each_zh.join("、")
        );
        let mut en = format!(
            "Imported {count} unit(s), {people} people ({from_en}): {}. These units' earlier rosters were replaced.",
            each_en.join(", ")
        );
        if !self.ignored.is_empty() {
            zh.push_str(&format!("已忽略的列：{}。", self.ignored.join("、")));
            en.push_str(&format!(" Columns ignored: {}.", self.ignored.join(", ")));
        }
        pick(lang, zh, en)
    }
}

/// At the edge (the command's report) the import speaks the process's
/// language; inside the program, call [`Imported::message`].
impl std::fmt::Display for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(lang()))
    }
}
