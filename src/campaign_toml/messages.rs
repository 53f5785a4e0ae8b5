//! The sentences of campaign-file errors (错误提示): which entry of the
//! catalogue (`crate::catalog::{TomlText, SettingText, UnitText}` and
//! their parts) each problem takes, and with what arguments, in the
//! language the caller names.

use super::error::{CampaignErrorKind, NameField, ValueType};
use crate::catalog::{
    FieldProblemText, FieldText, GlossText, Msg, SettingText, TomlText, UnitText, ValueText,
};
use crate::domain::names::{NameProblem, printable};
use crate::domain::titles::Unplaced;
use crate::domain::{MeetingKind, Role, UnitKind, WarningThresholds};
use crate::i18n::Lang;

/// The short Chinese name the file accepts for `party_building_review`
/// ([`MeetingKind::label_zh`] is the long one): what the user may type,
/// so the sentences of both languages quote it as it is.
const PARTY_BUILDING_REVIEW_SHORT: &str = "下述下评";

/// A post as an office writes it, for the examples of `title`.
const EXAMPLE_POST: &str = "村委会主任";

impl NameField {
    /// An entry of a list (a member, a grade), which may simply be deleted.
    pub(crate) fn optional_entry(self) -> bool {
        matches!(self, NameField::Member | NameField::Grade)
    }

    /// The field's name, as used in messages.
    pub(crate) fn label(self, lang: Lang) -> &'static str {
        let text = match self {
            NameField::Title => FieldText::Title,
            NameField::Unit => FieldText::Unit,
            NameField::Subject => FieldText::Subject,
            NameField::Lead => FieldText::Lead,
            NameField::Liaison => FieldText::Liaison,
            NameField::Member => FieldText::Member,
            NameField::Grade => FieldText::Grade,
            NameField::Post => FieldText::Post,
        };
        text.text_in(lang)
    }
}

impl ValueType {
    /// What to write, with an example; a type the TOML library names
    /// otherwise is quoted as it names it.
    pub(crate) fn describe(&self, lang: Lang) -> String {
        let text = match self {
            ValueType::String => ValueText::String,
            ValueType::Integer => ValueText::Integer,
            ValueType::Boolean => ValueText::Boolean,
            ValueType::Array => ValueText::Array,
            ValueType::Table => ValueText::Table,
            ValueType::Other(s) => return s.clone(),
        };
        text.text_in(lang).into()
    }
}

/// A plain-language reading of the TOML parser's most common complaints,
/// found by the start of its message.
fn syntax_gloss(detail: &str) -> Option<GlossText> {
    use GlossText as G;
    #[rustfmt::skip]
    const GLOSSES: &[(&str, GlossText)] = &[
        ("invalid basic string", G::QuoteNotClosed),
        ("invalid literal string", G::QuoteNotClosed),
        ("invalid multi-line", G::QuoteNotClosed),
        ("key with no value", G::KeyWithNoValue),
        ("missing value", G::MissingValue),
        ("missing assignment", G::MissingAssignment),
        ("missing comma between array", G::MissingCommaInList),
        ("missing comma between key-value", G::MissingCommaInBraces),
        ("extra assignment between key-value", G::MissingCommaInBraces),
        ("string values must be quoted", G::UnquotedText),
        ("unclosed array table", G::UnclosedArrayTable),
        ("unclosed array", G::UnclosedArray),
        ("unclosed inline table", G::UnclosedInlineTable),
        ("unclosed table", G::UnclosedTable),
        ("unexpected key or value", G::ExtraContent),
        ("unexpected content", G::ExtraContent),
        ("invalid unquoted key", G::BadKey),
        ("unexpected leading zero", G::LeadingZero),
    ];
    GLOSSES
        .iter()
        .find(|(prefix, _)| detail.starts_with(prefix))
        .map(|&(_, gloss)| gloss)
}

/// The syntax error with its plain reading, when there is one.
fn syntax(detail: &str, lang: Lang) -> String {
    let gloss = syntax_gloss(detail)
        .map(|gloss| TomlText::Gloss.fill_in(lang, &[&gloss.text_in(lang)]))
        .unwrap_or_default();
    TomlText::Syntax.fill_in(lang, &[&gloss, &detail])
}

/// A text written without quotes, with its curly quotes taken off: what
/// to write between straight ones.
fn unquoted(value: &str) -> &str {
    value.trim_matches(|c| matches!(c, '“' | '”' | '‘' | '’' | '「' | '」'))
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

/// `a`, `b`, `c`, each in backticks, listed.
fn quoted_list(items: &[String], lang: Lang) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(Msg::ListSep.text_in(lang))
}

/// A title the rules cannot place, with the role keys to choose from.
fn unplaced(value: &str, why: Unplaced, lang: Lang) -> String {
    let text = match why {
        Unplaced::FirstSecretary => UnitText::FirstSecretary,
        Unplaced::WorkTeam => UnitText::WorkTeamUnplaced,
    };
    let keys: Vec<String> = why
        .choices()
        .iter()
        .map(|role| format!("\"{}\"", role_key(*role)))
        .collect();
    text.fill_in(lang, &[&value, &keys.join(Msg::ListSep.text_in(lang))])
}

/// The key `role` takes for `role` in the file.
fn role_key(role: Role) -> &'static str {
    match role {
        Role::PartySecretary => "party_secretary",
        Role::CommitteeMember => "committee_member",
        Role::WorkTeamLeader => "work_team_leader",
        Role::WorkTeamMember => "work_team_member",
    }
}

/// An empty name or label; an entry of a list may simply be deleted.
fn empty_name(field: NameField, lang: Lang) -> String {
    let sentence = if field.optional_entry() {
        FieldProblemText::EmptyEntry
    } else {
        FieldProblemText::Empty
    };
    sentence.fill_in(lang, &[&field.label(lang)])
}

/// A name or label that cannot be used, and what to do about it.
fn bad_name(field: NameField, problem: &NameProblem, lang: Lang) -> String {
    let sentence = match problem {
        NameProblem::Control { .. } | NameProblem::Blank { .. } => FieldProblemText::Hidden,
        NameProblem::Invisible => FieldProblemText::Invisible,
        NameProblem::LoneMark { .. } => FieldProblemText::LoneMark,
        NameProblem::TooLong { .. } if field == NameField::Post => FieldProblemText::PostTooLong,
        NameProblem::TooLong { .. } => FieldProblemText::TooLong,
    };
    sentence.fill_in(lang, &[&field.label(lang), &problem.reason(lang)])
}

impl CampaignErrorKind {
    /// [`Self::sentence`] of a person: twice in a unit, their category,
    /// post or report mode, a second secretary.
    fn person_sentence(&self, lang: Lang) -> String {
        use CampaignErrorKind as K;
        use UnitText as U;
        match self {
            K::DuplicateSubject {
                unit,
                name,
                first_line,
            } => U::DuplicateSubject.fill_in(lang, &[unit, name, first_line]),
            K::TwoSecretaries { unit, first_line } => {
                U::TwoSecretaries.fill_in(lang, &[unit, first_line])
            }
            K::UnknownRole { value } => U::UnknownRole.fill_in(lang, &[value, &EXAMPLE_POST]),
            K::NoRole { name } => U::NoRole.fill_in(lang, &[name, &EXAMPLE_POST]),
            K::UnplacedTitle {
                value,
                unplaced: why,
            } => unplaced(value, *why, lang),
            K::UnknownReport { value } => U::UnknownReport.fill_in(lang, &[value]),
            _ => unreachable!("not about a person: {self:?}"),
        }
    }

    /// The sentence for this problem in `lang`: what is wrong, then what
    /// to do about it. What the user wrote is quoted in many sentences: a
    /// hidden character in it is written out as `<U+XXXX>`, never sent to
    /// the terminal.
    pub fn message(&self, lang: Lang) -> String {
        printable(&self.sentence(lang))
    }

    /// Each problem's entry of the catalogue with its arguments: nothing
    /// but that; what takes more than naming an argument is a function
    /// above.
    fn sentence(&self, lang: Lang) -> String {
        use CampaignErrorKind as K;
        use SettingText as S;
        use TomlText as T;
        use UnitText as U;
        match self {
            K::Io { detail } => T::Io.fill_in(lang, &[detail]),
            K::TooLarge => T::TooLarge.fill_in(lang, &[&(super::MAX_INPUT_BYTES / (1024 * 1024))]),
            K::NotUtf8 => T::NotUtf8.text_in(lang).into(),
            K::Syntax { detail } => syntax(detail, lang),
            K::UnquotedString { value } => {
                T::UnquotedString.fill_in(lang, &[value, &unquoted(value)])
            }
            K::DuplicateKey { key } => T::DuplicateKey.fill_in(lang, &[key]),
            K::UnknownKey { key, allowed } if allowed.is_empty() => {
                T::NoKeyAllowed.fill_in(lang, &[key])
            }
            K::UnknownKey { key, allowed } => {
                T::UnknownKey.fill_in(lang, &[key, &quoted_list(allowed, lang)])
            }
            K::MissingKey { key } if key == "work_group" => {
                T::MissingWorkGroup.text_in(lang).into()
            }
            K::MissingKey { key } => T::MissingKey.fill_in(lang, &[key]),
            K::WrongType { expected, found } => {
                T::WrongType.fill_in(lang, &[found, &expected.describe(lang)])
            }
            K::NumberTooLarge { found } => T::NumberTooLarge.fill_in(lang, &[found]),
            K::Other { detail } => T::Other.fill_in(lang, &[detail]),
            K::EmptyName { field } => empty_name(*field, lang),
            K::BadName { field, problem } => bad_name(*field, problem, lang),
            K::YearOutOfRange { year } => S::YearOutOfRange.fill_in(lang, &[year]),
            K::NoMeetings => S::NoMeetings.text_in(lang).into(),
            K::UnknownMeeting { value } => S::UnknownMeeting.fill_in(
                lang,
                &[
                    value,
                    &MeetingKind::AnnualReview.label_zh(),
                    &PARTY_BUILDING_REVIEW_SHORT,
                ],
            ),
            K::DuplicateMeeting { kind, first_line } => {
                S::DuplicateMeeting.fill_in(lang, &[&kind.key(), first_line])
            }
            K::MeetingNotDefined { kind } => S::MeetingNotDefined.fill_in(lang, &[&kind.key()]),
            K::SpeakerMinutesOutOfRange { minutes } => {
                S::SpeakerMinutesOutOfRange.fill_in(lang, &[minutes])
            }
            K::EmptyScale => S::EmptyScale.text_in(lang).into(),
            K::ScaleSize { count } => S::ScaleSize.fill_in(lang, &[count]),
            K::DuplicateGrade {
                grade,
                first_position,
            } => S::DuplicateGrade.fill_in(lang, &[grade, first_position]),
            K::BadRatio { value } => S::BadRatio.fill_in(lang, &[value]),
            K::QuorumUnreachable { value } => S::QuorumUnreachable.fill_in(lang, &[value]),
            K::MaxTopGradesOutOfRange { value } => {
                S::MaxTopGradesOutOfRange.fill_in(lang, &[value])
            }
            K::BadDate { value } => S::BadDate.fill_in(lang, &[value]),
            K::WeightOutOfRange { value } => S::WeightOutOfRange.fill_in(lang, &[value]),
            K::UnknownRateBase { value } => {
                crate::catalog::Msg::UnknownRateBase.fill_in(lang, &[value])
            }
            K::WarningPercentOutOfRange { key, value } => {
                S::WarningPercentOutOfRange.fill_in(lang, &[key, value, &warning_example(key)])
            }
            K::WarningPercentNotInteger { key, found } => {
                S::WarningPercentNotInteger.fill_in(lang, &[key, found, &warning_example(key)])
            }
            K::QuotaOutOfRange { value } => S::QuotaOutOfRange.fill_in(lang, &[value]),
            K::NoUnits => U::NoUnits.text_in(lang).into(),
            K::DuplicateUnit { name, first_line } => {
                U::DuplicateUnit.fill_in(lang, &[name, first_line])
            }
            K::UnknownUnitKind { value } => U::UnknownUnitKind.fill_in(
                lang,
                &[
                    value,
                    &UnitKind::Village.label_zh(),
                    &UnitKind::Community.label_zh(),
                ],
            ),
            K::UnitWithoutMeetings { unit } => U::UnitWithoutMeetings.fill_in(lang, &[unit]),
            K::NoSubjects { unit } => U::NoSubjects.fill_in(lang, &[unit]),
            K::DuplicateSubject { .. }
            | K::UnknownRole { .. }
            | K::NoRole { .. }
            | K::UnplacedTitle { .. }
            | K::UnknownReport { .. }
            | K::TwoSecretaries { .. } => self.person_sentence(lang),
            K::NoSecretaryForReview { unit } => U::NoSecretaryForReview.fill_in(lang, &[unit]),
            K::NobodyOnBallot { unit } => U::NobodyOnBallot.fill_in(lang, &[unit]),
            K::DuplicateMember { name } => U::DuplicateMember.fill_in(lang, &[name]),
        }
    }
}
