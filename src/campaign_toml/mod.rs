//! The campaign file (考核方案文件): the TOML a liaison writes to describe
//! the year's review, its meetings, rules, villages and people.
//!
//! [`parse`] reads it strictly: unknown keys, missing keys, wrong types,
//! empty or duplicate names, impossible numbers and inconsistent rosters are
//! all rejected with a [`CampaignError`] that names the file, line and column
//! and says, in the user's language, what to do. Every person name, unit
//! name and grade label goes through
//! [`normalize_name`](crate::domain::names::normalize_name).
//!
//! `ceping template` prints [`template`], a commented example explaining
//! every key; [`demo`] is the built-in demo campaign with invented names.

mod convert;
mod error;
mod messages;
mod raw;

use std::path::Path;

use crate::domain::Campaign;

pub use convert::DEFAULT_SPEAKER_MINUTES;
pub(crate) use convert::{default_report, parse_report, parse_role};
pub use error::{CampaignError, CampaignErrorKind, NameField, ValueType};

/// Parse and validate a campaign file's text. `file` is the name shown in
/// error messages (for example `campaign.toml`).
pub fn parse(source: &str, file: &str) -> Result<Campaign, CampaignError> {
    // Windows editors like to start UTF-8 files with a byte-order mark.
    let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let cx = convert::Ctx { source, file };
    // First the bare TOML, so that syntax errors are told apart from
    // errors in the campaign format.
    if let Err(e) = source.parse::<toml::Table>() {
        let (offset, kind) = error::from_toml(&e, source, true);
        return Err(cx.error(offset, kind));
    }
    let raw: raw::RawCampaign = toml::from_str(source).map_err(|e| {
        let (offset, kind) = error::from_toml(&e, source, false);
        cx.error(offset, kind)
    })?;
    convert::campaign(raw, &cx)
}

/// Read and parse the campaign file at `path`. A file that cannot be read
/// is reported at line 0, column 0; a file that is not UTF-8 at the first
/// offending byte.
pub fn load(path: &Path) -> Result<Campaign, CampaignError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CampaignError {
        file: file.clone(),
        line: 0,
        column: 0,
        kind: CampaignErrorKind::Io {
            detail: e.to_string(),
        },
    })?;
    match String::from_utf8(bytes) {
        Ok(source) => parse(&source, &file),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
            let (line, column) = error::position(&prefix, valid);
            Err(CampaignError {
                file,
                line,
                column,
                kind: CampaignErrorKind::NotUtf8,
            })
        }
    }
}

/// The commented example campaign printed by `ceping template` (示例方案).
pub fn template() -> &'static str {
    include_str!("../template.toml")
}

/// The text of the built-in demo campaign (演示方案).
pub fn demo_source() -> &'static str {
    include_str!("../demo.toml")
}

/// The built-in demo campaign: the seed's four units with invented names.
pub fn demo() -> Campaign {
    // Built-in text, proven to parse by tests/campaign_parse.rs.
    parse(demo_source(), "demo.toml").expect("the built-in demo campaign is valid")
}
