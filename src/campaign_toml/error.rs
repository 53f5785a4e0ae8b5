//! Errors in a campaign file (考核方案文件错误): what went wrong, where, and
//! a sentence in Chinese or English telling the user what to do about it.

use std::ops::Range;

use crate::domain::MeetingKind;
use crate::domain::names::{NameProblem, printable};
use crate::i18n::Lang;

/// A problem found in a campaign file, with its location.
///
/// `line` and `column` are 1-based, the column counted in characters (not
/// bytes), so that `campaign.toml:12:8` points where an editor shows it.
/// A file that cannot be read at all is reported at line 0, column 0.
///
/// Display renders `{file}:{line}:{column}: {sentence}` in the current
/// language (see [`crate::i18n`]); [`CampaignError::render`] and
/// [`CampaignError::message`] take the language explicitly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render(crate::i18n::lang()))]
pub struct CampaignError {
    /// The file name shown to the user.
    pub file: String,
    /// 1-based line (0 when the file could not be read).
    pub line: usize,
    /// 1-based column in characters (0 when the file could not be read).
    pub column: usize,
    /// What is wrong.
    pub kind: CampaignErrorKind,
}

impl CampaignError {
    /// The sentence alone (what is wrong and what to do), in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }

    /// The whole line `{file}:{line}:{column}: {sentence}`, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}",
            printable(&self.file),
            self.line,
            self.column,
            self.message(lang)
        )
    }
}

/// Which name or label was left empty (名称字段).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameField {
    /// 考核名称 `title`
    Title,
    /// 单位名称 `[[units]] name`
    Unit,
    /// 被测评人姓名 `[[units.subjects]] name`
    Subject,
    /// 第一责任人 `work_group.lead`
    Lead,
    /// 联络员 `work_group.liaison`
    Liaison,
    /// 工作组成员 `work_group.members`
    Member,
    /// 等次名称 `scale`
    Grade,
    /// 职务 `[[units.subjects]] title`
    Post,
}

/// The kind of TOML value a key expects (值的类型).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// Quoted text: `"南塘村"`.
    String,
    /// A whole number: `10`.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A list: `["优秀", "称职"]`.
    Array,
    /// A table: `[rules]` or `{ percent = 50 }`.
    Table,
    /// Anything else, as the TOML library describes it.
    Other(String),
}

/// The distinct problems a campaign file can have (错误种类).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CampaignErrorKind {
    /// The file could not be read (读取失败).
    Io { detail: String },
    /// The file is larger than [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES)
    /// (or a device or pipe that never ends): nothing was read past the
    /// limit (文件过大).
    TooLarge,
    /// The file is not UTF-8, typically GBK from an old editor (编码错误).
    NotUtf8,
    /// TOML syntax error; `detail` is the TOML library's English message.
    Syntax { detail: String },
    /// A text value without quotes: `kind = 村`.
    UnquotedString { value: String },
    /// The same key twice in one table.
    DuplicateKey { key: String },
    /// A key that does not belong here (拼写错误等).
    UnknownKey { key: String, allowed: Vec<String> },
    /// A required key is absent (缺少必填项).
    MissingKey { key: String },
    /// A value of the wrong type; `found` is the value as written.
    WrongType { expected: ValueType, found: String },
    /// An integer too large for any setting.
    NumberTooLarge { found: String },
    /// Any other problem the TOML library reports (English detail).
    Other { detail: String },
    /// An empty or whitespace-only name or label (名称为空).
    EmptyName { field: NameField },
    /// A name or label with a hidden character, one that shows as blank,
    /// or a name too long (名称不合格).
    BadName {
        field: NameField,
        problem: NameProblem,
    },
    /// `year` outside 2000..=2100.
    YearOutOfRange { year: i64 },
    /// No `[[meetings]]` at all.
    NoMeetings,
    /// A meeting kind other than annual_review / party_building_review.
    UnknownMeeting { value: String },
    /// The same meeting kind twice, in `[[meetings]]` or in a unit's list.
    DuplicateMeeting {
        kind: MeetingKind,
        first_line: usize,
    },
    /// A unit lists a meeting that `[[meetings]]` does not define.
    MeetingNotDefined { kind: MeetingKind },
    /// `speaker_minutes` outside 1..=120.
    SpeakerMinutesOutOfRange { minutes: i64 },
    /// `scale = []`.
    EmptyScale,
    /// A scale with 1 or more than 9 grades (keys 1-9 pick a grade).
    ScaleSize { count: usize },
    /// The same grade twice in a scale; `first_position` is 1-based.
    DuplicateGrade {
        grade: String,
        first_position: usize,
    },
    /// A ratio that is not a fraction between 0 and 1 ("2/0", "abc", "3/2").
    BadRatio { value: String },
    /// A quorum of 1 or more can never be met (实到 must exceed it).
    QuorumUnreachable { value: String },
    /// `max_top_grades_per_ballot` below 1 (omit the key for no limit).
    MaxTopGradesOutOfRange { value: i64 },
    /// A deadline that is not a date "YYYY-MM-DD".
    BadDate { value: String },
    /// The combined-evaluation weight outside 0..=100.
    WeightOutOfRange { value: i64 },
    /// A `rate_base` other than `"graded"` or `"valid"`.
    UnknownRateBase { value: String },
    /// A counting-warning threshold of `[rules.warnings]` outside 0..=100;
    /// `key` is the key as written (e.g. `blank_percent`).
    WarningPercentOutOfRange { key: String, value: i64 },
    /// A counting-warning threshold that is not a whole number (`"3"`,
    /// `2.5`); `found` is the value as written.
    WarningPercentNotInteger { key: String, found: String },
    /// A quota percentage outside 0..=100.
    QuotaOutOfRange { value: i64 },
    /// No `[[units]]` at all.
    NoUnits,
    /// Two units with the same name.
    DuplicateUnit { name: String, first_line: usize },
    /// A unit kind other than 村 / 社区.
    UnknownUnitKind { value: String },
    /// `meetings = []` in a unit.
    UnitWithoutMeetings { unit: String },
    /// A unit without `[[units.subjects]]`.
    NoSubjects { unit: String },
    /// Two subjects with the same name in one unit.
    DuplicateSubject {
        unit: String,
        name: String,
        first_line: usize,
    },
    /// A role other than the four known ones.
    UnknownRole { value: String },
    /// A person with neither `role` nor `title`.
    NoRole { name: String },
    /// A `title` whose category the rules cannot tell, and no `role`.
    UnplacedTitle {
        value: String,
        unplaced: crate::domain::titles::Unplaced,
    },
    /// A report mode other than oral / written.
    UnknownReport { value: String },
    /// A second party secretary in one unit.
    TwoSecretaries { unit: String, first_line: usize },
    /// A unit holding party_building_review without a party secretary.
    NoSecretaryForReview { unit: String },
    /// A unit holding annual_review with nobody it grades (only 队员).
    NobodyOnBallot { unit: String },
    /// The same person twice in a work group's `members`.
    DuplicateMember { name: String },
}

/// 1-based (line, column) of byte `offset` in `source`, the column counted
/// in characters. Offsets past the end or inside a character are clamped.
pub(crate) fn position(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    // A CRLF file's CR is not a column: text cut off at a line's end is
    // reported at the end, as for LF.
    let column = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, column)
}

/// The source text of `span`, shortened for quoting in a message.
pub(crate) fn snippet(source: &str, span: &Range<usize>) -> String {
    let text = source.get(span.clone()).unwrap_or("").trim();
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push_str("..");
    }
    out
}

/// Translate an error of the TOML library into an error kind and the byte
/// offset it points at. `syntax` tells whether the document failed to parse
/// at all (as opposed to parsing but not matching the campaign format).
pub(crate) fn from_toml(
    err: &toml::de::Error,
    source: &str,
    syntax: bool,
) -> (usize, CampaignErrorKind) {
    let span = err.span().unwrap_or(0..0);
    let msg = err.message().trim();
    let found = snippet(source, &span);
    let kind = if msg == "duplicate key" {
        CampaignErrorKind::DuplicateKey { key: found }
    } else if msg.starts_with("invalid type: integer") && msg.contains(" as i128") {
        // An integer beyond 64 bits, found while reading the bare TOML.
        CampaignErrorKind::NumberTooLarge { found }
    } else if msg.starts_with("string values must be quoted")
        && found.starts_with(|c: char| !c.is_ascii_digit() && c != '+' && c != '-')
    {
        CampaignErrorKind::UnquotedString { value: found }
    } else if syntax {
        CampaignErrorKind::Syntax {
            detail: msg.to_string(),
        }
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        let mut names = backticked(rest);
        let key = if names.is_empty() {
            found
        } else {
            names.remove(0)
        };
        CampaignErrorKind::UnknownKey {
            key,
            allowed: names,
        }
    } else if let Some(rest) = msg.strip_prefix("missing field ") {
        let key = backticked(rest).into_iter().next().unwrap_or_default();
        CampaignErrorKind::MissingKey { key }
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (what, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let expected = value_type(expected);
        let found = if found.is_empty() {
            what.to_string()
        } else {
            found
        };
        if expected == ValueType::Integer && what.starts_with("integer") {
            CampaignErrorKind::NumberTooLarge { found }
        } else {
            CampaignErrorKind::WrongType { expected, found }
        }
    } else {
        CampaignErrorKind::Other {
            detail: msg.to_string(),
        }
    };
    (span.start, kind)
}

/// The names between backticks in a serde message.
fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// What serde's "expected ..." part asks for.
fn value_type(expected: &str) -> ValueType {
    let e = expected.trim();
    match e {
        "a string" | "string" | "a borrowed string" => ValueType::String,
        "a boolean" | "bool" => ValueType::Boolean,
        "a sequence" | "an array" => ValueType::Array,
        "a map" | "a table" => ValueType::Table,
        _ if e.starts_with("struct ") => ValueType::Table,
        _ if matches!(
            e,
            "i8" | "i16"
                | "i32"
                | "i64"
                | "i128"
                | "u8"
                | "u16"
                | "u32"
                | "u64"
                | "u128"
                | "an integer"
        ) =>
        {
            ValueType::Integer
        }
        _ => ValueType::Other(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let s = "a = 1\n名称 = \"x\"\n";
        assert_eq!(position(s, 0), (1, 1));
        assert_eq!(position(s, 4), (1, 5));
        assert_eq!(position(s, 6), (2, 1));
        // After the two 3-byte characters and " = ".
        assert_eq!(position(s, 6 + 6 + 3), (2, 6));
        assert_eq!(position(s, 10_000), (3, 1));
        // Inside a character: clamped to its start.
        assert_eq!(position(s, 7), (2, 1));
    }

    #[test]
    fn serde_expectations() {
        assert_eq!(value_type("i64"), ValueType::Integer);
        assert_eq!(value_type("a string"), ValueType::String);
        assert_eq!(value_type("struct RawQuota"), ValueType::Table);
        assert_eq!(backticked("`x`, expected `a` or `b`"), ["x", "a", "b"]);
    }
}
