//! The campaign file (考核方案文件): the TOML a liaison writes to describe
//! the year's review, its meetings, rules, villages and people.
//!
//! [`parse`] reads it strictly: unknown keys, missing keys, wrong types,
//! empty or duplicate names, impossible numbers and inconsistent rosters are
//! all rejected with a [`CampaignError`] that names the file, line and column
//! and says, in the user's language, what to do. Every person name, unit
//! name and grade label goes through
//! [`check_name`](crate::domain::names::check_name): hidden characters,
//! blank names and names over 30 characters are refused. The campaign's
//! title and a person's post (`title`) keep their spaces
//! ([`check_title`](crate::domain::names::check_title)). [`load`] reads
//! at most [`MAX_INPUT_BYTES`].
//!
//! `ceping template` prints [`template`], a commented example explaining
//! every key; [`demo`] is the built-in demo campaign with invented names.

mod convert;
mod error;
mod messages;
mod rate_base;
mod raw;
mod subjects;

use std::io::Read;
use std::path::Path;

use crate::domain::Campaign;

pub use convert::DEFAULT_SPEAKER_MINUTES;
pub use error::{CampaignError, CampaignErrorKind, NameField, ValueType};
pub(crate) use subjects::{default_report, parse_report};

/// The largest campaign file or roster read (16 MiB): real ones are a few
/// kilobytes, and a larger file (or a device such as `/dev/zero`, a pipe,
/// a file still growing) is refused without reading past the limit.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Why [`read_limited`] returned no bytes.
#[derive(Debug)]
pub(crate) enum LimitedRead {
    Io(std::io::Error),
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge,
}

/// The whole content of `path` if it is at most [`MAX_INPUT_BYTES`]. A
/// regular file's length is checked before reading; any file is then read
/// through `take(MAX_INPUT_BYTES + 1)`, so a device, a pipe or a growing
/// file can never take more memory than that. Also used by the roster
/// import.
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, LimitedRead> {
    let file = std::fs::File::open(path).map_err(LimitedRead::Io)?;
    let meta = file.metadata().map_err(LimitedRead::Io)?;
    if meta.is_file() && meta.len() > MAX_INPUT_BYTES {
        return Err(LimitedRead::TooLarge);
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_INPUT_BYTES) as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(LimitedRead::Io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(LimitedRead::TooLarge);
    }
    Ok(bytes)
}

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
/// or is larger than [`MAX_INPUT_BYTES`] is reported at line 0, column 0;
/// a file that is not UTF-8 at the first offending byte.
pub fn load(path: &Path) -> Result<Campaign, CampaignError> {
    let file = path.display().to_string();
    let bytes = read_limited(path).map_err(|e| CampaignError {
        file: file.clone(),
        line: 0,
        column: 0,
        kind: match e {
            LimitedRead::Io(e) => CampaignErrorKind::Io {
                detail: e.to_string(),
            },
            LimitedRead::TooLarge => CampaignErrorKind::TooLarge,
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

#[cfg(test)]
mod tests {
    use super::{LimitedRead, MAX_INPUT_BYTES, read_limited};

    #[test]
    fn files_up_to_the_limit_are_read_and_larger_ones_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_INPUT_BYTES).unwrap();
        assert_eq!(read_limited(&path).unwrap().len() as u64, MAX_INPUT_BYTES);
        file.set_len(MAX_INPUT_BYTES + 1).unwrap();
        assert!(matches!(read_limited(&path), Err(LimitedRead::TooLarge)));
        let missing = dir.path().join("missing.toml");
        assert!(matches!(read_limited(&missing), Err(LimitedRead::Io(_))));
    }
}
