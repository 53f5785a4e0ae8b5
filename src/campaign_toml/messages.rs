//! The sentences of campaign-file errors (错误提示), in Chinese and
//! English: each says what is wrong and what to do about it.

use super::error::{CampaignErrorKind, NameField, ValueType};
use crate::domain::WarningThresholds;
use crate::domain::names::{NameProblem, printable};
use crate::i18n::Lang;

impl NameField {
    /// An entry of a list (a member, a grade), which may simply be deleted.
    pub(crate) fn optional_entry(self) -> bool {
        matches!(self, NameField::Member | NameField::Grade)
    }

    /// The field's Chinese name, as used in messages.
    pub(crate) fn zh(self) -> &'static str {
        match self {
            NameField::Title => "考核名称（title）",
            NameField::Unit => "单位名称",
            NameField::Subject => "被测评人姓名",
            NameField::Lead => "第一责任人（lead）姓名",
            NameField::Liaison => "联络员（liaison）姓名",
            NameField::Member => "工作组成员姓名",
            NameField::Grade => "等次名称",
        }
    }

    /// The field's English name, as used in messages.
    pub(crate) fn en(self) -> &'static str {
        match self {
            NameField::Title => "the campaign title",
            NameField::Unit => "the unit name",
            NameField::Subject => "the subject's name",
            NameField::Lead => "the work-group lead's name",
            NameField::Liaison => "the liaison's name",
            NameField::Member => "the work-group member's name",
            NameField::Grade => "the grade label",
        }
    }
}

impl ValueType {
    /// What to write, in Chinese, with an example.
    pub(crate) fn zh(&self) -> String {
        match self {
            ValueType::String => "用英文双引号括起来的文字，例如 \"南塘村\"".into(),
            ValueType::Integer => "整数，例如 10".into(),
            ValueType::Boolean => "true 或 false".into(),
            ValueType::Array => "用方括号括起来的列表，例如 [\"优秀\", \"称职\"]".into(),
            ValueType::Table => "一个表，例如 { percent = 50 }".into(),
            ValueType::Other(s) => s.clone(),
        }
    }

    /// What to write, in English, with an example.
    pub(crate) fn en(&self) -> String {
        match self {
            ValueType::String => "text in straight double quotes, e.g. \"Nantang\"".into(),
            ValueType::Integer => "a whole number, e.g. 10".into(),
            ValueType::Boolean => "true or false".into(),
            ValueType::Array => "a list in square brackets, e.g. [\"A\", \"B\"]".into(),
            ValueType::Table => "a table, e.g. { percent = 50 }".into(),
            ValueType::Other(s) => s.clone(),
        }
    }
}

/// A plain-language reading of the TOML parser's most common complaints.
fn syntax_gloss(detail: &str) -> Option<(&'static str, &'static str)> {
    #[rustfmt::skip]
    const GLOSSES: &[(&str, &str, &str)] = &[
        ("invalid basic string", "引号没有配对", "a quote is not closed"),
        ("invalid literal string", "引号没有配对", "a quote is not closed"),
        ("invalid multi-line", "引号没有配对", "a quote is not closed"),
        ("key with no value", "缺少等号“=”", "the equals sign is missing"),
        ("missing value", "“=”后面缺少值", "a key has no value"),
        ("missing assignment", "缺少等号“=”", "an equals sign is missing"),
        ("missing comma between array", "列表的项之间缺少英文逗号“,”", "a comma is missing between list items"),
        ("missing comma between key-value", "花括号里的项之间缺少英文逗号“,”", "a comma is missing inside the braces"),
        ("extra assignment between key-value", "花括号里的项之间缺少英文逗号“,”", "a comma is missing inside the braces"),
        ("string values must be quoted", "文字要用英文双引号括起来", "text must be in double quotes"),
        ("unclosed array table", "表头缺少“]]”", "a section header lacks its closing ]]"),
        ("unclosed array", "列表缺少右方括号“]”", "a list lacks its closing ]"),
        ("unclosed inline table", "缺少右花括号“}”", "a closing } is missing"),
        ("unclosed table", "表头缺少右方括号“]”", "a section header lacks its closing ]"),
        ("unexpected key or value", "这一行有多余的内容（每行只写一项）", "extra text on the line (one key per line)"),
        ("unexpected content", "这一行有多余的内容（每行只写一项）", "extra text on the line (one key per line)"),
        ("invalid unquoted key", "项名只能用英文字母、数字、下划线和短横线", "keys may only use letters, digits, _ and -"),
        ("unexpected leading zero", "数字不能以 0 开头", "numbers may not start with 0"),
    ];
    GLOSSES
        .iter()
        .find(|(prefix, _, _)| detail.starts_with(prefix))
        .map(|(_, zh, en)| (*zh, *en))
}

/// The default of a `[rules.warnings]` key, as the example in a message.
fn warning_example(key: &str) -> u32 {
    let d = WarningThresholds::default();
    match key {
        "returned_short_percent" => d.returned_short_percent,
        "invalid_percent" => d.invalid_percent,
        _ => d.blank_percent,
    }
}

/// `a`, `b`, `c` with the given separator.
fn quoted_list(items: &[String], separator: &str) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(separator)
}

impl CampaignErrorKind {
    /// The sentence for this problem in `lang`: what is wrong, then what
    /// to do about it.
    pub fn message(&self, lang: Lang) -> String {
        use CampaignErrorKind as K;
        let (zh, en): (String, String) = match self {
            K::Io { detail } => (
                format!("无法读取考核方案文件（{detail}）。请检查文件路径是否正确、文件是否存在并且可读。"),
                format!("cannot read the campaign file ({detail}). Check that the path is right and that the file exists and is readable."),
            ),
            K::TooLarge => {
                let mib = super::MAX_INPUT_BYTES / (1024 * 1024);
                (
                    format!("考核方案文件大于 {mib} MiB，没有读取。考核方案通常只有几 KB 到几十 KB：请检查是否选错了文件（`ceping template` 可以生成一份示例）。"),
                    format!("the campaign file is larger than {mib} MiB, so it was not read. A campaign file is usually a few kilobytes: check that you chose the right file (`ceping template` prints an example)."),
                )
            }
            K::NotUtf8 => (
                "文件不是 UTF-8 编码（可能是 GBK）。请用编辑器“另存为”UTF-8 编码后再试。".into(),
                "the file is not UTF-8 (perhaps GBK). Save it again as UTF-8 in your editor and retry.".into(),
            ),
            K::Syntax { detail } => {
                let (gloss_zh, gloss_en) = match syntax_gloss(detail) {
                    Some((zh, en)) => (format!("：{zh}"), format!(": {en}")),
                    None => (String::new(), String::new()),
                };
                (
                    format!("TOML 格式有误{gloss_zh}（{detail}）。请对照 `ceping template` 的示例检查这里的引号、括号、逗号和等号（都用英文半角）。"),
                    format!("TOML syntax error{gloss_en} ({detail}). Compare this spot with `ceping template` and check the quotes, brackets, commas and equals signs."),
                )
            }
            K::UnquotedString { value } => {
                let bare = value.trim_matches(|c| matches!(c, '“' | '”' | '‘' | '’' | '「' | '」'));
                (
                    format!("文字 {value} 没有用英文双引号括起来。请改为 \"{bare}\"。"),
                    format!("the text {value} is not in straight double quotes. Write \"{bare}\" instead."),
                )
            }
            K::DuplicateKey { key } => (
                format!("“{key}”在同一个表里出现了两次。请删去多余的一处；要再加一个单位或被测评人，请另起一段 [[units]] 或 [[units.subjects]]。"),
                format!("`{key}` appears twice in the same table. Delete the extra one; to add another unit or person, start a new [[units]] or [[units.subjects]] section."),
            ),
            K::UnknownKey { key, allowed } if allowed.is_empty() => (
                format!("不认识的项“{key}”，这里不能写任何项。请删去它。"),
                format!("unknown key `{key}`: nothing may be written here. Delete it."),
            ),
            K::UnknownKey { key, allowed } => (
                format!("不认识的项“{key}”。这里可以写的项有：{}。请检查拼写，或删去这一项。", quoted_list(allowed, "、")),
                format!("unknown key `{key}`. Allowed here: {}. Check the spelling or delete it.", quoted_list(allowed, ", ")),
            ),
            K::MissingKey { key } if key == "work_group" => (
                "这个单位缺少考核工作组。请在这一段里补上 [units.work_group]，并写明 lead（第一责任人）和 liaison（联络员）。".into(),
                "this unit has no work group. Add a [units.work_group] table to it with lead and liaison.".into(),
            ),
            K::MissingKey { key } => (
                format!("缺少必填项“{key}”。请在这一段里补上 {key} = 值（写法见 `ceping template`）。"),
                format!("the required key `{key}` is missing. Add `{key} = value` to this section (see `ceping template`)."),
            ),
            K::WrongType { expected, found } => (
                format!("{found} 的类型不对。这里应填写：{}。请照此修改。", expected.zh()),
                format!("{found} has the wrong type: expected {}. Change it accordingly.", expected.en()),
            ),
            K::NumberTooLarge { found } => (
                format!("数字 {found} 太大。请填写合理的数值（见 `ceping template` 的说明）。"),
                format!("the number {found} is too large. Enter a sensible value (see `ceping template`)."),
            ),
            K::Other { detail } => (
                format!("考核方案有误（{detail}）。请对照 `ceping template` 的示例修改这一处。"),
                format!("the campaign file is invalid ({detail}). Fix this spot following `ceping template`."),
            ),
            K::EmptyName { field } if field.optional_entry() => (
                format!("{}为空。请填写它，或删去这个空项。", field.zh()),
                format!("{} is empty. Fill it in, or delete the empty entry.", field.en()),
            ),
            K::EmptyName { field } => (
                format!("{}为空。请填上{}。", field.zh(), field.zh()),
                format!("{} is empty. Fill it in.", field.en()),
            ),
            K::BadName { field, problem } => {
                let (zh, en) = (problem.reason(Lang::Zh), problem.reason(Lang::En));
                let (fix_zh, fix_en) = match problem {
                    NameProblem::Control { .. } | NameProblem::Blank { .. } => (
                        "请删去它；编辑器里看不见时，把整个名字删掉重新输入。".to_string(),
                        "Delete it; if your editor does not show it, delete the whole name and type it again.".to_string(),
                    ),
                    NameProblem::Invisible => (
                        format!("请重新输入{}。", field.zh()),
                        "Type it in again.".to_string(),
                    ),
                    NameProblem::LoneMark { .. } => (
                        "请删去这个符号，或把它写在它所属的字后面。".to_string(),
                        "Delete the mark, or put it right after the letter it belongs to.".to_string(),
                    ),
                    NameProblem::TooLong { .. } => (
                        "请改短，只写名字本身（职务、备注等不要写进名字）。".to_string(),
                        "Shorten it: write only the name itself, without titles or notes.".to_string(),
                    ),
                };
                (
                    format!("{}{zh}。{fix_zh}", field.zh()),
                    format!("{} {en}. {fix_en}", field.en()),
                )
            }
            K::YearOutOfRange { year } => (
                format!("年度 {year} 不在 2000 到 2100 之间。请填写考核的年度，例如 year = 2021。"),
                format!("the year {year} is not between 2000 and 2100. Enter the year under review, e.g. year = 2021."),
            ),
            K::NoMeetings => (
                "没有定义任何会议。请至少添加一段 [[meetings]]，例如 kind = \"annual_review\"。".into(),
                "no meeting is defined. Add at least one [[meetings]] section, e.g. kind = \"annual_review\".".into(),
            ),
            K::UnknownMeeting { value } => (
                format!("不认识的会议类型“{value}”。请填写 \"annual_review\"（述职测评大会）或 \"party_building_review\"（下述下评）。"),
                format!("unknown meeting kind `{value}`. Write \"annual_review\" (述职测评大会) or \"party_building_review\" (下述下评)."),
            ),
            K::DuplicateMeeting { kind, first_line } => (
                format!("会议“{}”重复（第 {first_line} 行已有）。每种会议只能写一次，请删去其中一个。", kind.key()),
                format!("the meeting `{}` is listed twice (already on line {first_line}). Each meeting kind may appear only once: delete one of them.", kind.key()),
            ),
            K::MeetingNotDefined { kind } => (
                format!("会议“{}”没有在 [[meetings]] 中定义。请添加一段 [[meetings]] kind = \"{}\"，或从本单位的 meetings 中删去它。", kind.key(), kind.key()),
                format!("the meeting `{}` is not defined in [[meetings]]. Add a [[meetings]] section with kind = \"{}\", or remove it from this unit's meetings.", kind.key(), kind.key()),
            ),
            K::SpeakerMinutesOutOfRange { minutes } => (
                format!("发言时间 {minutes} 分钟不在 1 到 120 之间。请改为 1 到 120 的整数，例如 speaker_minutes = 10。"),
                format!("a speaking time of {minutes} minutes is not between 1 and 120. Enter a whole number from 1 to 120, e.g. speaker_minutes = 10."),
            ),
            K::EmptyScale => (
                "等次列表是空的。请从好到差列出等次，例如 scale = [\"优秀\", \"称职\", \"基本称职\", \"不称职\"]，或删去 scale 这一行以使用默认等次。".into(),
                "the grade scale is empty. List the grades best first, e.g. scale = [\"优秀\", \"称职\", \"基本称职\", \"不称职\"], or delete the scale line to use the default.".into(),
            ),
            K::ScaleSize { count } => (
                format!("等次列表有 {count} 个等次，应为 2 到 9 个（录入时用数字键 1–9 选等次）。请增减等次。"),
                format!("the grade scale has {count} grade(s); it needs 2 to 9 (the keys 1-9 pick a grade). Add or remove grades."),
            ),
            K::DuplicateGrade { grade, first_position } => (
                format!("等次“{grade}”重复（第 {first_position} 个等次已是它）。请删去重复的一个，或改用不同的名称。"),
                format!("the grade `{grade}` appears twice (it is already grade {first_position}). Delete one or rename it."),
            ),
            K::BadRatio { value } => (
                format!("比例“{value}”写法不对。请写成带英文双引号的分数“分子/分母”，分母不为 0，且不大于 1，例如 \"2/3\"。"),
                format!("the ratio `{value}` is not valid. Write a fraction \"numerator/denominator\" in double quotes, with a non-zero denominator and at most 1, e.g. \"2/3\"."),
            ),
            K::QuorumUnreachable { value } => (
                format!("到会比例“{value}”要求实到人数超过应到人数的全部，任何会议都达不到。请改为小于 1 的分数，例如 \"1/2\"（实到须过半数）。"),
                format!("a quorum of `{value}` requires more than everyone to attend, which no meeting can reach. Use a fraction below 1, e.g. \"1/2\" (more than half)."),
            ),
            K::MaxTopGradesOutOfRange { value } => (
                format!("每张票最多可给的最高等次数 {value} 无效。请改为 1 或更大的整数；不限制时请删去这一行。"),
                format!("{value} is not a valid limit of top grades per ballot. Use a whole number of 1 or more, or delete the line for no limit."),
            ),
            K::BadDate { value } => (
                format!("“{value}”不是日期。请写成带引号的 年-月-日，例如 \"2022-01-17\"。"),
                format!("\"{value}\" is not a date. Write it quoted as year-month-day, e.g. \"2022-01-17\"."),
            ),
            K::WeightOutOfRange { value } => (
                format!("权重 {value} 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 combined_review_weight = 50。"),
                format!("the weight {value} is not between 0 and 100. Enter a whole number from 0 to 100, e.g. combined_review_weight = 50."),
            ),
            K::WarningPercentOutOfRange { key, value } => {
                let example = warning_example(key);
                (
                    format!("提示阈值 {key} = {value} 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 {key} = {example}。"),
                    format!("the warning threshold {key} = {value} is not between 0 and 100. Enter a whole number from 0 to 100, e.g. {key} = {example}."),
                )
            }
            K::WarningPercentNotInteger { key, found } => {
                let example = warning_example(key);
                (
                    format!("提示阈值 {key} = {found} 不是整数。请填写 0 到 100 的整数（百分比，不加引号、不带小数点），例如 {key} = {example}。"),
                    format!("the warning threshold {key} = {found} is not a whole number. Enter a whole number from 0 to 100 (a percent, without quotes or decimal point), e.g. {key} = {example}."),
                )
            }
            K::QuotaOutOfRange { value } => (
                format!("比例上限 {value}% 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 percent = 40。"),
                format!("the quota {value}% is not between 0 and 100. Enter a whole number from 0 to 100, e.g. percent = 40."),
            ),
            K::NoUnits => (
                "没有任何被考核的村（社区）。请至少添加一段 [[units]]。".into(),
                "no village or community is listed. Add at least one [[units]] section.".into(),
            ),
            K::DuplicateUnit { name, first_line } => (
                format!("单位名称“{name}”重复（第 {first_line} 行已有）。请改用不同的名称，或删去其中一个。"),
                format!("the unit name `{name}` is used twice (already on line {first_line}). Rename one of them or delete one."),
            ),
            K::UnknownUnitKind { value } => (
                format!("不认识的单位类型“{value}”。请填写 \"村\" 或 \"社区\"。"),
                format!("unknown unit kind `{value}`. Write \"村\" (village) or \"社区\" (community)."),
            ),
            K::UnitWithoutMeetings { unit } => (
                format!("“{unit}”的 meetings 列表是空的，这个单位不开任何会议。请列出它要开的会议，或删去 meetings 这一行（默认开全部会议）。"),
                format!("the meetings list of `{unit}` is empty, so it holds no meeting. List its meetings, or delete the meetings line (default: every meeting)."),
            ),
            K::NoSubjects { unit } => (
                format!("“{unit}”没有被测评人。请为它添加至少一段 [[units.subjects]]（写明 name 和 role）。"),
                format!("`{unit}` has nobody under review. Add at least one [[units.subjects]] section (with name and role)."),
            ),
            K::DuplicateSubject { unit, name, first_line } => (
                format!("“{unit}”的被测评人“{name}”重复（第 {first_line} 行已有）。请删去其中一个；如确是同名的两个人，请加以区分，例如“{name}（大）”。"),
                format!("`{name}` is listed twice under `{unit}` (already on line {first_line}). Delete one; if they are two people of the same name, tell them apart, e.g. \"{name} (senior)\"."),
            ),
            K::UnknownRole { value } => (
                format!("不认识的职务“{value}”。请填写 \"party_secretary\"（党组织书记）、\"committee_member\"（两委成员）、\"work_team_leader\"（工作队队长）或 \"work_team_member\"（工作队队员）。"),
                format!("unknown role `{value}`. Write \"party_secretary\", \"committee_member\", \"work_team_leader\" or \"work_team_member\"."),
            ),
            K::UnknownReport { value } => (
                format!("不认识的述职方式“{value}”。请填写 \"oral\"（口头）或 \"written\"（书面），或删去这一行使用默认值。"),
                format!("unknown report mode `{value}`. Write \"oral\" or \"written\", or delete the line to use the default."),
            ),
            K::TwoSecretaries { unit, first_line } => (
                format!("“{unit}”有不止一位党组织书记（第 {first_line} 行已有一位）。每个单位只能有一位，请把其他人的 role 改为 \"committee_member\"。"),
                format!("`{unit}` has more than one party secretary (one is on line {first_line}). A unit has exactly one: change the others' role to \"committee_member\"."),
            ),
            K::NoSecretaryForReview { unit } => (
                format!("“{unit}”要开下述下评会（party_building_review），却没有党组织书记。请添加一位 role = \"party_secretary\" 的被测评人，或从它的 meetings 中删去 \"party_building_review\"。"),
                format!("`{unit}` holds the party_building_review but has no party secretary. Add a subject with role = \"party_secretary\", or remove \"party_building_review\" from its meetings."),
            ),
            K::NobodyOnBallot { unit } => (
                format!("“{unit}”要开述职测评大会（annual_review），却没有要测评的人（两委成员或工作队队长）。请添加被测评人，或从它的 meetings 中删去 \"annual_review\"。"),
                format!("`{unit}` holds the annual_review but has nobody it grades (committee members or the work-team leader). Add them, or remove \"annual_review\" from its meetings."),
            ),
            K::DuplicateMember { name } => (
                format!("工作组成员“{name}”重复列出。请删去重复的一个。"),
                format!("the work-group member `{name}` is listed twice. Delete one of them."),
            ),
        };
        // What the user wrote is quoted in many messages: never let a
        // hidden character in it reach the terminal.
        printable(match lang {
            Lang::Zh => &zh,
            Lang::En => &en,
        })
    }
}
