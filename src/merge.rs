//! `ceping merge OUT IN1 IN2 ...`: the office combines the meeting laptops'
//! campaign files into one street file.
//!
//! The rules (the README states them for the office):
//!
//! - **Inputs are verified first** (`ceping verify`: integrity, chain, fold);
//!   a damaged input is refused, naming it and its first bad event.
//! - **One campaign.** Every input's campaign (after its roster imports)
//!   must agree with the first input's in title, year, meetings (kinds,
//!   scales, speaking times), rules and units (names, kinds, work groups,
//!   meetings held). The merged file starts with that campaign.
//! - **Rosters.** A unit's roster (its people) comes from the input that
//!   holds the unit's results: the roster its meeting was held with. A unit
//!   with results nowhere must have the same roster in every input. Roster
//!   imports are thus folded into the merged file's campaign definition and
//!   not copied as events (the sources keep them).
//! - **One file per unit.** A unit holds results in an input when any event
//!   of its rounds or meetings, or any grading event, names it. The same
//!   unit in two inputs is refused, naming both; so is the same record
//!   (the same chain head) given twice.
//! - **Grading** (grades, investigations, combined evaluations,
//!   rectifications) is the office's, done on the street file: it is copied
//!   from at most one input, and must still fold (quotas are counted over
//!   the whole street).
//! - **Provenance.** For each input, in the order given: a `merged_from`
//!   event (file name, its chain head, the units it holds, the number of
//!   events copied), then its events after the campaign, verbatim: the
//!   same kind, body and original time stamp, each checked against the
//!   merged model. A closing event keeps the head of its source's chain
//!   (the fingerprint signed in the minutes). An input that is itself a
//!   merged file is flattened: each of its sources is listed again with
//!   its own name and fingerprint, and what was recorded in it after the
//!   merge under the input's own name.
//! - **Nothing is left behind on error.** The file is built in a temporary
//!   file beside OUT, verified, and only then moved to OUT, which must not
//!   exist and is never overwritten (the outputs' one safe routine,
//!   `crate::export::publish_file`). OUT is never an input, another
//!   campaign file or a `-wal`/`-shm`/`.lock` (`crate::fsid::check_output`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::domain::{Campaign, DomainError, Event};
use crate::fsid::{OutputKind, check_output};
use crate::store::{Store, StoreError, StoredEvent, chain, verify};

mod campaign;
mod file;

use campaign::campaign_difference;
use file::{publish, refuse_existing, remove_with_sidecars, temp_path};

pub use campaign::CampaignDifference;

/// Why a merge was refused; each a sentence for the office
/// ([`MergeError::message`], in `crate::catalog`).
#[derive(Debug)]
pub enum MergeError {
    NoInputs,
    /// OUT is an input, another campaign file, a sidecar, a folder and so on.
    Output(crate::fsid::OutputRefusal),
    /// OUT (or SQLite's file beside it) exists: a merge never overwrites.
    Exists(PathBuf),
    /// An input failed verification or could not be read.
    Input {
        file: PathBuf,
        error: StoreError,
    },
    /// An input's campaign is not the first input's.
    Campaign {
        file: PathBuf,
        first: PathBuf,
        what: CampaignDifference,
    },
    /// The same record (chain head) twice, under two files; `short` is the
    /// fingerprint as signed in the minutes.
    Duplicate {
        a: PathBuf,
        b: PathBuf,
        short: String,
    },
    /// The same file given twice.
    Twice(PathBuf),
    /// A unit with results in two inputs.
    Conflict {
        unit: String,
        a: PathBuf,
        b: PathBuf,
    },
    GradingTwice {
        a: PathBuf,
        b: PathBuf,
    },
    /// A unit with results nowhere and different rosters.
    Roster {
        unit: String,
        a: PathBuf,
        b: PathBuf,
    },
    /// Event `seq` of `file` is refused by the merged model.
    Fold {
        file: PathBuf,
        seq: u64,
        reason: DomainError,
    },
    /// The merged file could not be built or published.
    Write {
        file: PathBuf,
        error: WriteFailure,
    },
}

/// No source: every inner error is already part of the sentence, and is
/// not repeated in a chain.
impl std::error::Error for MergeError {}

impl From<crate::fsid::OutputRefusal> for MergeError {
    fn from(e: crate::fsid::OutputRefusal) -> Self {
        MergeError::Output(e)
    }
}

/// What went wrong writing the merged file.
#[derive(Debug)]
pub enum WriteFailure {
    /// Building or verifying it in its temporary file.
    Store(StoreError),
    /// The system's error moving it into place, or clearing SQLite's files
    /// beside the temporary file.
    Io(std::io::Error),
    /// The temporary file's write-ahead log still holds data, so the file
    /// alone would not be the whole record.
    WalLeft,
}

/// A merge done, for the report: each input (as the user gave it) with the
/// units it brought in the campaign's order, the merged file, its number
/// of events and short fingerprint ([`Merged::message`], in
/// `crate::catalog`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub out: PathBuf,
    pub inputs: Vec<(PathBuf, Vec<String>)>,
    pub events: u64,
    pub fingerprint: String,
}

/// One verified input.
struct Input {
    /// As the user gave it, for messages.
    path: PathBuf,
    /// The file name, recorded as the source.
    name: String,
    head: String,
    /// The campaign after the input's roster imports.
    campaign: Campaign,
    /// Its events after the campaign, read back and decoded.
    events: Vec<(StoredEvent, Event)>,
    /// The units it holds results for.
    units: BTreeSet<String>,
    grading: bool,
}

/// A run of events copied under one `merged_from`.
struct Segment {
    /// Index of the input the events are read from.
    input: usize,
    source: String,
    fingerprint: String,
    events: Vec<(StoredEvent, Event)>,
}

/// Merge `inputs` into the new file `out`; returns the one-line report in
/// the process's language (the command's edge: [`merge_files`] returns the
/// report as data).
pub fn merge(out: &Path, inputs: &[PathBuf]) -> Result<String, MergeError> {
    merge_files(out, inputs).map(|merged| merged.to_string())
}

/// Merge `inputs` into the new file `out`; returns what was merged.
pub fn merge_files(out: &Path, inputs: &[PathBuf]) -> Result<Merged, MergeError> {
    if inputs.is_empty() {
        return Err(MergeError::NoInputs);
    }
    let reading: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    check_output(out, &reading, OutputKind::Merged)?;
    refuse_existing(out)?;
    let inputs = inputs
        .iter()
        .map(|p| read_input(p))
        .collect::<Result<Vec<_>, _>>()?;
    check_campaigns(&inputs)?;
    let segments: Vec<Segment> = inputs
        .iter()
        .enumerate()
        .flat_map(|(i, input)| segments(i, input))
        .collect();
    check_duplicates(&inputs, &segments)?;
    let holders = check_holdings(&inputs)?;
    let campaign = merged_campaign(&inputs, &holders)?;

    let tmp = temp_path(out);
    let built =
        build(&tmp, &campaign, &inputs, &segments).and_then(|()| publish(&tmp, out, &reading));
    let (head, events) = match built {
        Ok(done) => done,
        Err(e) => {
            remove_with_sidecars(&tmp);
            return Err(e);
        }
    };
    Ok(report(out, &inputs, &head, events))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Verify `path`, then read back exactly the events verified (a file still
/// being written may have grown since).
fn read_input(path: &Path) -> Result<Input, MergeError> {
    let refused = |error| MergeError::Input {
        file: path.to_path_buf(),
        error,
    };
    let report = verify::verify(path).map_err(refused)?;
    let head = chain::to_hex(&report.head);
    let mut stored = Store::open_read_only(path)
        .and_then(|s| s.read_after(1))
        .map_err(refused)?;
    stored.truncate(report.events.saturating_sub(1) as usize);
    if stored.last().is_some_and(|e| e.hash != head) {
        return Err(refused(StoreError::Damaged {
            seq: report.events,
            reason: crate::store::Reason::ChangedWhileRead,
        }));
    }
    let mut events = Vec::with_capacity(stored.len());
    let mut units = BTreeSet::new();
    let mut grading = false;
    for e in stored {
        let event = Event::from_parts(&e.kind, &e.body).map_err(|err| {
            refused(StoreError::Damaged {
                seq: e.seq,
                reason: crate::store::Reason::Unreadable(err.to_string()),
            })
        })?;
        grading |= is_grading(&event);
        if let Some(unit) = unit_of(&event) {
            units.insert(unit.to_string());
        }
        events.push((e, event));
    }
    Ok(Input {
        path: path.to_path_buf(),
        name: file_name(path),
        head,
        campaign: report.model.campaign,
        events,
        units,
        grading,
    })
}

fn is_grading(event: &Event) -> bool {
    matches!(
        event,
        Event::GradeAssigned { .. }
            | Event::InvestigationRecorded { .. }
            | Event::CombinedEvaluationSet { .. }
            | Event::CombinedScoreSet { .. }
            | Event::CombinedMaterialSet { .. }
            | Event::RectificationSet { .. }
    )
}

/// The unit whose results `event` is part of, if any.
fn unit_of(event: &Event) -> Option<&str> {
    if let Some(round) = event.round() {
        return Some(&round.unit);
    }
    match event {
        Event::AgendaMoved { meeting, .. }
        | Event::SpeechTimer { meeting, .. }
        | Event::CommentRecorded { meeting, .. }
        | Event::WrittenReportMarked { meeting, .. } => Some(&meeting.unit),
        Event::GradeAssigned { target, .. } => Some(target.unit()),
        Event::InvestigationRecorded { unit, .. }
        | Event::CombinedEvaluationSet { unit, .. }
        | Event::CombinedScoreSet { unit, .. }
        | Event::CombinedMaterialSet { unit, .. }
        | Event::RectificationSet { unit, .. } => Some(unit),
        _ => None,
    }
}

/// Every input's campaign must agree with the first's, rosters aside.
fn check_campaigns(inputs: &[Input]) -> Result<(), MergeError> {
    let Some((first, rest)) = inputs.split_first() else {
        return Ok(());
    };
    for input in rest {
        if let Some(what) = campaign_difference(&first.campaign, &input.campaign) {
            return Err(MergeError::Campaign {
                file: input.path.clone(),
                first: first.path.clone(),
                what,
            });
        }
    }
    Ok(())
}

/// The runs of `input`'s events to copy, each under its own `merged_from`.
/// Roster imports are left out (the merged campaign holds the rosters);
/// an earlier merge's blocks keep their source and fingerprint.
fn segments(index: usize, input: &Input) -> Vec<Segment> {
    let new = |source: &str, fingerprint: &str| Segment {
        input: index,
        source: source.to_string(),
        fingerprint: fingerprint.to_string(),
        events: Vec::new(),
    };
    let mut out = Vec::new();
    let mut own: Option<Segment> = None;
    let mut own_seen = false;
    let mut block: Option<(Segment, u64)> = None;
    for (stored, event) in &input.events {
        if let Some((seg, left)) = block.as_mut() {
            if !matches!(event, Event::RosterImported { .. }) {
                seg.events.push((stored.clone(), event.clone()));
            }
            *left -= 1;
            if *left == 0 {
                out.extend(block.take().map(|(seg, _)| seg));
            }
            continue;
        }
        match event {
            Event::RosterImported { .. } => {}
            Event::MergedFrom {
                source,
                fingerprint,
                events,
                ..
            } => {
                out.extend(own.take());
                let seg = new(source, fingerprint);
                if *events == 0 {
                    out.push(seg);
                } else {
                    block = Some((seg, *events));
                }
            }
            _ => {
                own_seen = true;
                own.get_or_insert_with(|| new(&input.name, &input.head))
                    .events
                    .push((stored.clone(), event.clone()));
            }
        }
    }
    out.extend(block.map(|(seg, _)| seg));
    out.extend(own);
    if !own_seen {
        out.push(new(&input.name, &input.head));
    }
    out
}

/// The same record may not come in twice: the same file given twice, or a
/// laptop's file given again beside a merged file that already holds it.
fn check_duplicates(inputs: &[Input], segments: &[Segment]) -> Result<(), MergeError> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let sources = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| (input.head.as_str(), i))
        .chain(
            segments
                .iter()
                .filter(|s| s.fingerprint != inputs[s.input].head)
                .map(|s| (s.fingerprint.as_str(), s.input)),
        );
    for (fingerprint, i) in sources {
        if let Some(&j) = seen.get(fingerprint)
            && j != i
        {
            let real = |p: &Path| std::fs::canonicalize(p).ok();
            if real(&inputs[j].path).is_some_and(|c| Some(c) == real(&inputs[i].path)) {
                return Err(MergeError::Twice(inputs[i].path.clone()));
            }
            return Err(MergeError::Duplicate {
                a: inputs[j].path.clone(),
                b: inputs[i].path.clone(),
                short: fingerprint.chars().take(12).collect(),
            });
        }
        seen.entry(fingerprint).or_insert(i);
    }
    Ok(())
}

/// Each unit in at most one input, grading in at most one. Returns the
/// input holding each unit's results.
fn check_holdings(inputs: &[Input]) -> Result<BTreeMap<String, usize>, MergeError> {
    let mut holders: BTreeMap<String, usize> = BTreeMap::new();
    let mut grader: Option<usize> = None;
    for (i, input) in inputs.iter().enumerate() {
        for unit in &input.units {
            if let Some(&j) = holders.get(unit) {
                return Err(MergeError::Conflict {
                    unit: unit.clone(),
                    a: inputs[j].path.clone(),
                    b: input.path.clone(),
                });
            }
            holders.insert(unit.clone(), i);
        }
        if input.grading {
            if let Some(j) = grader {
                return Err(MergeError::GradingTwice {
                    a: inputs[j].path.clone(),
                    b: input.path.clone(),
                });
            }
            grader = Some(i);
        }
    }
    Ok(holders)
}

/// The first input's campaign with each unit's roster taken from the input
/// holding its results; a unit with results nowhere must agree everywhere.
fn merged_campaign(
    inputs: &[Input],
    holders: &BTreeMap<String, usize>,
) -> Result<Campaign, MergeError> {
    let Some(first) = inputs.first() else {
        return Err(MergeError::NoInputs);
    };
    let mut campaign = first.campaign.clone();
    let roster = |i: usize, unit: &str| {
        inputs[i]
            .campaign
            .unit(unit)
            .map(|u| u.subjects.clone())
            .unwrap_or_default()
    };
    for unit in &mut campaign.units {
        if let Some(&h) = holders.get(&unit.name) {
            unit.subjects = roster(h, &unit.name);
            continue;
        }
        if let Some(other) = (1..inputs.len()).find(|&i| roster(i, &unit.name) != unit.subjects) {
            return Err(MergeError::Roster {
                unit: unit.name.clone(),
                a: first.path.clone(),
                b: inputs[other].path.clone(),
            });
        }
    }
    Ok(campaign)
}

/// Write the merged log into `tmp` in one transaction, checking every
/// copied event against the merged model.
fn build(
    tmp: &Path,
    campaign: &Campaign,
    inputs: &[Input],
    segments: &[Segment],
) -> Result<(), MergeError> {
    let write = |e: StoreError| MergeError::Write {
        file: tmp.to_path_buf(),
        error: WriteFailure::Store(e),
    };
    let sql = |e: rusqlite::Error| write(e.into());
    let mut session = Store::create(tmp, campaign).map_err(write)?;
    session
        .store
        .connection()
        .execute_batch("BEGIN IMMEDIATE")
        .map_err(sql)?;
    for seg in segments {
        let mut units: Vec<String> = seg
            .events
            .iter()
            .filter_map(|(_, e)| unit_of(e).map(str::to_string))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let order = |u: &String| campaign.units.iter().position(|c| c.name == *u);
        units.sort_by_key(order);
        session
            .record(Event::MergedFrom {
                source: seg.source.clone(),
                fingerprint: seg.fingerprint.clone(),
                units,
                events: seg.events.len() as u64,
            })
            .map_err(write)?;
        for (stored, event) in &seg.events {
            let misfit = |e: crate::domain::DomainError| MergeError::Fold {
                file: inputs[seg.input].path.clone(),
                seq: stored.seq,
                reason: e,
            };
            session.model.check(event).map_err(misfit)?;
            session
                .store
                .append_raw(&stored.ts, &stored.kind, &stored.body)
                .map_err(write)?;
            session.model.apply(event).map_err(misfit)?;
        }
    }
    let conn = session.store.connection();
    conn.execute_batch("COMMIT").map_err(sql)?;
    // Everything into the main file, so that it alone is the campaign file.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(sql)?;
    drop(session);
    Ok(())
}

/// What was merged, for the report.
fn report(out: &Path, inputs: &[Input], head: &[u8; 32], events: u64) -> Merged {
    Merged {
        out: out.to_path_buf(),
        inputs: inputs
            .iter()
            .map(|i| (i.path.clone(), ordered_units(&i.campaign, &i.units)))
            .collect(),
        events,
        fingerprint: chain::short(head),
    }
}

/// `units` in the campaign's order.
fn ordered_units(campaign: &Campaign, units: &BTreeSet<String>) -> Vec<String> {
    campaign
        .units
        .iter()
        .filter(|u| units.contains(&u.name))
        .map(|u| u.name.clone())
        .collect()
}
