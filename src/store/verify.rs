//! `ceping verify`: SQLite's integrity check, the hash chain re-walked and
//! the log re-folded, read-only (it may run while a meeting is going on).
//! A passing file also lists every round ever closed, with the fingerprint
//! shown at its closing (the `head` of its `round_closed` event) and
//! whether the chain still matches it, so the scrutineers can check what
//! they signed.

use std::path::Path;

use serde::Serialize;

use super::{Damage, FileProblem, Reason, Store, StoreError, StoredEvent, chain};
use crate::catalog::fill;
use crate::catalog::{Msg, VerifyText};
use crate::domain::{Event, MeetingKind, Model};
use crate::i18n::Lang;

/// What a passing verification found.
#[derive(Debug, Clone)]
pub struct Report {
    pub events: u64,
    pub head: [u8; 32],
    pub model: Model,
    /// Every `round_closed` event of the log, in log order (reopened ones
    /// included; a round closed again later has a second entry).
    pub closings: Vec<Closing>,
}

/// One `round_closed` event as `ceping verify` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closing {
    pub unit: String,
    pub meeting: MeetingKind,
    pub round: u32,
    /// The closing event's seq in this file.
    pub seq: u64,
    /// The closing event's stored time (RFC 3339, the laptop's local time).
    pub ts: String,
    /// The chain head the closing recorded (64 hex digits); its first 12
    /// digits are the fingerprint shown on the laptop when it closed.
    pub head: String,
    /// `head` equals the recomputed hash of the event just before the
    /// closing in this file. Always true for a round closed in this file
    /// that verifies; false inside a merged block, where the head belongs
    /// to the source file's chain (see `merged_source`).
    pub matches_chain: bool,
    /// The source file's name when the closing was copied by `ceping merge`
    /// (its head was checked against that file's chain when merged).
    pub merged_source: Option<String>,
    /// The `round_reopened` event that reopened this closing, if any.
    pub reopened: Option<Reopening>,
}

/// A closed round opened again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reopening {
    pub seq: u64,
    pub ts: String,
    pub reason: String,
}

impl Report {
    /// The one-line summary `ceping verify` prints, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let ballots: usize = self.model.rounds.values().map(|r| r.ballots.len()).sum();
        let head = chain::to_hex(&self.head);
        let (events, units, rounds) = (
            self.events,
            self.model.campaign.units.len(),
            self.model.rounds.len(),
        );
        let short = crate::domain::round::short_fingerprint(&head);
        fill(
            VerifyText::Summary.text_in(lang),
            &[&events, &units, &rounds, &ballots, &head, &short],
        )
    }

    /// The lines `ceping verify` prints after the summary, in `lang`: one
    /// per closing, or one saying no round has been closed.
    pub fn closing_lines(&self, lang: Lang) -> Vec<String> {
        if self.closings.is_empty() {
            return vec![VerifyText::NoClosings.text_in(lang).to_string()];
        }
        self.closings.iter().map(|c| c.line(lang)).collect()
    }
}

impl Closing {
    /// The first 12 hex digits of `head`: the fingerprint shown at closing.
    pub fn fingerprint(&self) -> &str {
        crate::domain::round::short_fingerprint(&self.head)
    }

    /// One line for `ceping verify`, in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        let unit = one_line(&self.unit);
        let meeting = Msg::from(self.meeting).text_in(lang);
        let round = Msg::Round.fill_in(lang, &[&self.round]);
        let (seq, at, fp) = (self.seq, local_minute(&self.ts), self.fingerprint());
        let check = match (&self.merged_source, self.matches_chain) {
            (Some(source), _) => fill(VerifyText::FromMerged.text_in(lang), &[&one_line(source)]),
            (None, true) => VerifyText::MatchesChain.text_in(lang).to_string(),
            (None, false) => VerifyText::DoesNotMatchChain.text_in(lang).to_string(),
        };
        let reopened = self.reopened.as_ref().map(|r| {
            let (at, reason) = (local_minute(&r.ts), one_line(&r.reason));
            fill(VerifyText::Reopened.text_in(lang), &[&at, &reason])
        });
        let reopened = reopened.unwrap_or_default();
        fill(
            VerifyText::Closing.text_in(lang),
            &[&unit, &meeting, &round, &at, &seq, &fp, &check, &reopened],
        )
    }
}

/// A stored time as its local date and minute (`2022-01-10 10:31`), in the
/// offset it was stored with; the stored text itself if it does not parse.
fn local_minute(ts: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(ts)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| one_line(ts))
}

/// Text from the file on one line, without control characters (a reason
/// may hold line breaks; nothing from a file may drive the terminal).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Store {
    /// SQLite's integrity check (`quick`: the quicker one, which skips the
    /// indexes' contents; what `open` runs before writing anything).
    pub(crate) fn check_integrity(&self, quick: bool) -> Result<(), StoreError> {
        let path = self.path();
        let at = |e| StoreError::at(path, e);
        let pragma = if quick {
            "PRAGMA quick_check"
        } else {
            "PRAGMA integrity_check"
        };
        let mut stmt = self.connection().prepare(pragma).map_err(at)?;
        let found: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect::<Result<_, _>>())
            .map_err(at)?;
        if found == ["ok"] {
            return Ok(());
        }
        // A file that is not whole pages was cut short.
        let cut = std::fs::metadata(path).is_ok_and(|m| m.len() % 512 != 0);
        let damage = if cut {
            Damage::Truncated
        } else {
            Damage::Integrity
        };
        // SQLite's own findings, the first few, as the detail line.
        let found: Vec<&str> = found.iter().take(3).map(String::as_str).collect();
        Err(StoreError::file(
            path,
            FileProblem::Damaged(damage),
            Some(found.join("; ")),
        ))
    }
}

pub fn verify(path: &Path) -> Result<Report, StoreError> {
    let mut store = Store::open_read_only(path)?;
    store.check_integrity(false)?;
    let model = store.replay()?;
    let (events, head) = (store.last_seq(), store.head());
    // Read back exactly the events just verified (the liaison may have
    // appended more since) and list their closings.
    let mut stored = store.read_after(0)?;
    stored.truncate(usize::try_from(events).unwrap_or(usize::MAX));
    let closings = closings(&stored, &head).map_err(|e| match e {
        StoreError::Damaged { seq, reason } => StoreError::DamagedIn {
            path: path.to_path_buf(),
            seq,
            reason,
        },
        e => e,
    })?;
    Ok(Report {
        events,
        head,
        model,
        closings,
    })
}

/// Every `round_closed` event of `stored` (the whole log, from seq 1), each
/// checked against the recomputed hash of the event before it. The chain
/// is walked again and must end at `head`, the head verified by replay.
fn closings(stored: &[StoredEvent], head: &[u8; 32]) -> Result<Vec<Closing>, StoreError> {
    let changed = |seq| StoreError::Damaged {
        seq,
        reason: Reason::ChangedWhileRead,
    };
    let mut out: Vec<Closing> = Vec::new();
    let mut prev = chain::GENESIS;
    // The source and remaining length of the merged block being walked.
    let mut merged: Option<(String, u64)> = None;
    for (i, e) in stored.iter().enumerate() {
        if e.seq != i as u64 + 1 {
            return Err(changed(i as u64 + 1));
        }
        let (hash, event) = e.link_after(&prev).map_err(|_| changed(e.seq))?;
        let source = match merged.take() {
            Some((source, left)) if left > 0 => {
                if left > 1 {
                    merged = Some((source.clone(), left - 1));
                }
                Some(source)
            }
            _ => None,
        };
        match event {
            Event::MergedFrom { source, events, .. } if events > 0 => {
                merged = Some((source, events));
            }
            Event::RoundClosed { round, head, .. } => out.push(Closing {
                unit: round.unit,
                meeting: round.meeting,
                round: round.round,
                seq: e.seq,
                ts: e.ts.clone(),
                matches_chain: head == chain::to_hex(&prev),
                head,
                merged_source: source,
                reopened: None,
            }),
            Event::RoundReopened { round, reason, .. } => {
                // A closed round can only be reopened: the latest closing of
                // this round is the one reopened.
                let closing = out.iter_mut().rev().find(|c| {
                    c.unit == round.unit && c.meeting == round.meeting && c.round == round.round
                });
                if let Some(c) = closing.filter(|c| c.reopened.is_none()) {
                    c.reopened = Some(Reopening {
                        seq: e.seq,
                        ts: e.ts.clone(),
                        reason,
                    });
                }
            }
            _ => {}
        }
        prev = hash;
    }
    if prev != *head {
        return Err(changed(stored.len() as u64));
    }
    Ok(out)
}
