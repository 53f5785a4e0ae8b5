//! The campaign file as written (原始结构): serde structs mirroring the TOML
//! layout, with the location of every value kept for error messages.
//! Nothing here is validated; see `convert`.

use serde::Deserialize;
use toml::Spanned;

/// A list of values, each with its location.
pub(crate) type SpannedList<T> = Spanned<Vec<Spanned<T>>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCampaign {
    pub title: Spanned<String>,
    pub year: Spanned<i64>,
    pub meetings: Option<SpannedList<RawMeeting>>,
    pub rules: Option<RawRules>,
    pub units: Option<SpannedList<RawUnit>>,
}

/// One `[[meetings]]` section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeeting {
    pub kind: Spanned<String>,
    pub scale: Option<SpannedList<String>>,
    pub speaker_minutes: Option<Spanned<i64>>,
}

/// The `[rules]` table; every key optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRules {
    /// A ratio, kept as any value so that `0.5` gets a ratio message.
    pub quorum: Option<Spanned<toml::Value>>,
    pub max_top_grades_per_ballot: Option<Spanned<i64>>,
    pub warn_top_two_below: Option<Spanned<toml::Value>>,
    pub flag_lowest_above: Option<Spanned<toml::Value>>,
    pub quotas: Option<RawQuotas>,
    pub deadlines: Option<RawDeadlines>,
    pub combined_review_weight: Option<Spanned<i64>>,
    pub warnings: Option<RawWarnings>,
    /// `"graded"` or `"valid"`: what the rates divide by.
    pub rate_base: Option<Spanned<String>>,
}

/// The `[rules.warnings]` table: whole percents, each kept as any value so
/// that `"3"` or `2.5` gets a message naming the key.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWarnings {
    pub returned_short_percent: Option<Spanned<toml::Value>>,
    pub blank_percent: Option<Spanned<toml::Value>>,
    pub invalid_percent: Option<Spanned<toml::Value>>,
}

/// The `[rules.deadlines]` table: dates as "YYYY-MM-DD".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeadlines {
    pub party_building_reports: Option<Spanned<String>>,
    pub village_reports: Option<Spanned<String>>,
    pub combined_evaluation: Option<Spanned<String>>,
}

/// The `[rules.quotas]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuotas {
    pub first_class_units: Option<RawQuota>,
    pub excellent_secretaries: Option<RawQuota>,
    pub excellent_cadres: Option<RawQuota>,
    pub excellent_work_teams: Option<RawQuota>,
}

/// One quota: `{ percent = 30, soft = true }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuota {
    pub percent: Option<Spanned<i64>>,
    pub soft: Option<bool>,
}

/// One `[[units]]` section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUnit {
    pub name: Spanned<String>,
    pub kind: Spanned<String>,
    pub meetings: Option<SpannedList<String>>,
    pub work_group: RawWorkGroup,
    pub subjects: Option<SpannedList<RawSubject>>,
}

/// `[units.work_group]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWorkGroup {
    pub lead: Spanned<String>,
    pub liaison: Spanned<String>,
    #[serde(default)]
    pub members: Vec<Spanned<String>>,
}

/// One `[[units.subjects]]` section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSubject {
    pub name: Spanned<String>,
    /// The category; may be left out when `title` tells it.
    pub role: Option<Spanned<String>>,
    /// The post as the office writes it (职务).
    pub title: Option<Spanned<String>>,
    pub report: Option<Spanned<String>>,
}
