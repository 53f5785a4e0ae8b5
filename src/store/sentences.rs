//! The sentences of the campaign file's errors: for each class of
//! failure ([`FileProblem`]) and each damage, what happened, to which file
//! and what to do; why a log is damaged ([`Reason`]); the notices an
//! opening gives ([`Notice`]). Every word comes from the catalogue
//! (`crate::catalog::store`), in the language the caller names; the one
//! place the process's language is read is `impl Display for StoreError`,
//! the edge adapter (and the printer of notices on standard error).

use std::fmt;
use std::io::ErrorKind;
use std::path::Path;

use super::error::*;
use super::lock::Holder;
use crate::catalog::{DamageText, FileText, LooksText, NoticeText, ReasonText, StoreText, fill};
use crate::i18n::Lang;

/// Text from a file on one line, without control characters.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A reason that goes inside a sentence: without its own final stop.
fn inner(reason: &str) -> &str {
    reason.trim_end_matches(['。', '.', '；', ';', '，', ',', ' '])
}

impl Looks {
    /// What the file looks like, inside a sentence: `这是一个空文件` /
    /// `it is empty`.
    pub fn message(self, lang: Lang) -> &'static str {
        let entry = match self {
            Looks::Empty => LooksText::Empty,
            Looks::Text => LooksText::Text,
            Looks::Sqlite => LooksText::Sqlite,
            Looks::Binary => LooksText::Binary,
            Looks::Special => LooksText::Special,
        };
        entry.text_in(lang)
    }
}

impl Damage {
    /// How the file is damaged, inside a sentence.
    pub fn message(self, lang: Lang) -> &'static str {
        let entry = match self {
            Damage::Malformed => DamageText::Malformed,
            Damage::Truncated => DamageText::Truncated,
            Damage::Header => DamageText::Header,
            Damage::BadData => DamageText::BadData,
            Damage::NoEvents => DamageText::NoEvents,
            Damage::Integrity => DamageText::Integrity,
        };
        entry.text_in(lang)
    }
}

impl Reason {
    /// Why the log is damaged, in `lang`, as it goes inside a sentence
    /// (a domain refusal keeps its own final stop; the sentence drops it).
    pub fn message(&self, lang: Lang) -> String {
        use ReasonText as R;
        let say = |entry: ReasonText, args: &[&dyn fmt::Display]| fill(entry.text_in(lang), args);
        match self {
            Reason::HashMismatch => say(R::HashMismatch, &[]),
            Reason::Unreadable(why) => say(R::Unreadable, &[why]),
            Reason::NotUtf8 { column } => say(R::NotUtf8, &[column]),
            Reason::NotText { column } => say(R::NotText, &[column]),
            Reason::Missing => say(R::Missing, &[]),
            Reason::GapBefore => say(R::GapBefore, &[]),
            Reason::TailDeleted => say(R::TailDeleted, &[]),
            Reason::SequenceChanged => say(R::SequenceChanged, &[]),
            Reason::NoCampaign => say(R::NoCampaign, &[]),
            Reason::ChangedWhileRead => say(R::ChangedWhileRead, &[]),
            Reason::Domain(e) => e.message(lang),
        }
    }
}

impl Notice {
    /// The notice in `lang`, one line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::OpenedReadOnly(path) => {
                fill(NoticeText::OpenedReadOnly.text_in(lang), &[&path.display()])
            }
            Notice::MadePrivate {
                path,
                mode,
                private,
            } => fill(
                NoticeText::MadePrivate.text_in(lang),
                &[
                    &path.display(),
                    &format!("{mode:04o}"),
                    &format!("{private:04o}"),
                ],
            ),
            Notice::OthersCanRead { path, mode } => fill(
                NoticeText::OthersCanRead.text_in(lang),
                &[&path.display(), &format!("{mode:04o}")],
            ),
        }
    }
}

/// The sentence for a file failure, in `lang`. `path` is `None` for an
/// error not tied to a file (then "the campaign file").
pub fn sentence(problem: FileProblem, path: Option<&Path>, lang: Lang) -> String {
    let text = sentence_for(problem, path, lang);
    if path.is_some() {
        return text;
    }
    // Spaces set a path apart from Chinese; not a Chinese word.
    text.replace(" 考核文件 ", "考核文件")
        .replace(" 考核文件", "考核文件")
        .replace("考核文件 ", "考核文件")
}

fn sentence_for(problem: FileProblem, path: Option<&Path>, lang: Lang) -> String {
    let file = match path {
        Some(p) => p.display().to_string(),
        None => FileText::TheCampaignFile.text_in(lang).to_string(),
    };
    let dir = path.map(folder_shown);
    // The folder begins most sentences; one names it inside.
    let inside = problem == FileProblem::WalOnReadOnly;
    let folder = match (&dir, inside) {
        (Some(d), false) => fill(FileText::FolderNamed.text_in(lang), &[d]),
        (Some(d), true) => fill(FileText::FolderNamedInside.text_in(lang), &[d]),
        (None, false) => FileText::CampaignFolder.text_in(lang).to_string(),
        (None, true) => FileText::CampaignFolderInside.text_in(lang).to_string(),
    };
    let added = match problem {
        FileProblem::NotCeping(looks) => looks.message(lang).to_string(),
        FileProblem::Damaged(what) => what.message(lang).to_string(),
        FileProblem::NoFolder => dir.unwrap_or_default(),
        _ => String::new(),
    };
    fill(file_text(problem).text_in(lang), &[&file, &folder, &added])
}

/// The sentence of each class of file failure.
fn file_text(problem: FileProblem) -> FileText {
    use FileProblem as P;
    match problem {
        P::DiskFull => FileText::DiskFull,
        P::ReadOnlyFile => FileText::ReadOnlyFile,
        P::ReadOnlyFolder => FileText::ReadOnlyFolder,
        P::CannotCreate => FileText::CannotCreate,
        P::WalOnReadOnly => FileText::WalOnReadOnly,
        P::PermissionDenied => FileText::PermissionDenied,
        P::NotCeping(_) => FileText::NotCeping,
        P::Damaged(_) => FileText::Damaged,
        P::IsFolder => FileText::IsFolder,
        P::NoFolder => FileText::NoFolder,
        P::Busy => FileText::Busy,
        P::Io => FileText::Io,
        P::Unexpected => FileText::Unexpected,
    }
}

/// The raw text on its own line after the sentence.
fn with_detail(sentence: String, detail: Option<&str>, lang: Lang) -> String {
    match detail {
        Some(d) if !d.trim().is_empty() => {
            let detail = fill(FileText::Detail.text_in(lang), &[&clean(d)]);
            format!("{sentence}\n{detail}")
        }
        _ => sentence,
    }
}

/// Another ceping writes the file: who, if the file says so.
fn locked(path: &Path, holder: Option<&Holder>, lang: Lang) -> String {
    let who = match holder {
        Some(h) => fill(
            StoreText::LockedBy.text_in(lang),
            &[&clean(&h.user), &clean(&h.host), &h.pid, &clean(&h.since)],
        ),
        None => StoreText::LockedByUnknown.text_in(lang).to_string(),
    };
    fill(StoreText::Locked.text_in(lang), &[&path.display(), &who])
}

impl StoreError {
    /// The sentence for the liaison, in `lang`: what happened, to which
    /// file and what to do; SQLite's or the system's own text, if any, on
    /// a second line.
    pub fn message(&self, lang: Lang) -> String {
        use StoreText as S;
        let say = |entry: StoreText, args: &[&dyn fmt::Display]| fill(entry.text_in(lang), args);
        match self {
            StoreError::Exists(p) => say(S::Exists, &[&p.display()]),
            StoreError::NotFound(p) => say(S::NotFound, &[&p.display()]),
            StoreError::Locked { path, holder } => locked(path, holder.as_deref(), lang),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => say(S::NewerSchema, &[&path.display(), found, supported]),
            StoreError::Pragma(what) => say(S::Pragma, &[what]),
            StoreError::Damaged { seq, reason } => {
                say(S::Damaged, &[seq, &inner(&reason.message(lang))])
            }
            StoreError::DamagedIn { path, seq, reason } => say(
                S::DamagedIn,
                &[seq, &inner(&reason.message(lang)), &path.display()],
            ),
            StoreError::File {
                path,
                problem,
                detail,
            } => with_detail(
                sentence(*problem, Some(path), lang),
                detail.as_deref(),
                lang,
            ),
            StoreError::NoTerminal { command, detail } => {
                with_detail(say(S::NoTerminal, &[command]), detail.as_deref(), lang)
            }
            StoreError::Domain(e) => e.message(lang),
            StoreError::OpenedReadOnly => say(S::OpenedReadOnly, &[]),
            StoreError::BackupOverSource(out) => say(S::BackupOverSource, &[&out.display()]),
            StoreError::OutputRefused(refusal) => refusal.message(lang),
            StoreError::Sqlite(e) => {
                let problem = match sort_sqlite(e) {
                    Sorted::Is(p) => p,
                    Sorted::ReadOnly => FileProblem::ReadOnlyFile,
                    Sorted::CantOpen => FileProblem::Io,
                };
                with_detail(sentence(problem, None, lang), Some(&sqlite_detail(e)), lang)
            }
            // A sentence made by other code around an `io::Error`.
            StoreError::Io(e) if is_sentence(e) => e.to_string(),
            StoreError::Io(e) => {
                let problem = match e.kind() {
                    ErrorKind::NotFound => FileProblem::Io,
                    _ => sort_io(None, e),
                };
                with_detail(sentence(problem, None, lang), Some(&e.to_string()), lang)
            }
            StoreError::Json(e) => say(S::Json, &[e]),
        }
    }
}

/// The edge adapter: where an error leaves the program as text (`anyhow`,
/// standard error, `to_string`) it speaks the process's language. Inside
/// the program, call [`StoreError::message`] with the language wanted.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::lang()))
    }
}
