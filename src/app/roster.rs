//! Roster import from the street board (`i`): the prompt's answer is the
//! roster's path; the import is all or nothing, like `ceping import`, and
//! its report or its first error (with the count) goes on the status line.

use std::path::PathBuf;

use super::{App, Status};
use crate::catalog::Msg;
use crate::i18n::lang;
use crate::import::{ImportError, import};

/// The path as typed: surrounding quotes (a file dragged into the
/// terminal) removed, a leading `~` meaning the home folder.
pub fn roster_path(input: &str) -> PathBuf {
    let trimmed = input.trim();
    let unquoted = ['\'', '"']
        .iter()
        .find_map(|q| trimmed.strip_prefix(*q).and_then(|s| s.strip_suffix(*q)))
        .unwrap_or(trimmed);
    // Windows has USERPROFILE where Unix has HOME, and `\` as well as `/`.
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    if let Some(rest) = unquoted
        .strip_prefix("~/")
        .or_else(|| unquoted.strip_prefix("~\\"))
        && let Some(home) = home
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(unquoted)
}

impl App {
    /// Import the roster at the typed path. Returns whether the prompt is
    /// done: a file that cannot be read keeps it open to fix the path.
    pub(super) fn submit_roster(&mut self, input: &str) -> bool {
        if input.trim().is_empty() {
            return true; // nothing typed: cancel
        }
        match import(&mut self.session, &roster_path(input)) {
            Ok(imported) => {
                self.status = Some(Status::Info(imported.message(lang())));
                true
            }
            Err(e) => {
                let keep_open =
                    matches!(e, ImportError::Io { .. } | ImportError::Unsupported { .. });
                let (first, count) = e.first(lang());
                let text = if count > 1 {
                    Msg::ImportFailedMany.fill(&[&first, &count])
                } else {
                    Msg::ImportFailed.fill(&[&first])
                };
                self.status = Some(Status::Error(text));
                !keep_open
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::roster_path;
    use std::path::PathBuf;

    #[test]
    fn typed_paths() {
        assert_eq!(roster_path(" 名单.csv "), PathBuf::from("名单.csv"));
        assert_eq!(
            roster_path("'/tmp/a b.xlsx'"),
            PathBuf::from("/tmp/a b.xlsx")
        );
        assert_eq!(roster_path("\"/tmp/c.csv\""), PathBuf::from("/tmp/c.csv"));
    }
}
