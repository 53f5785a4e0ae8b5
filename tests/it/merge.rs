//! `ceping merge`: four laptops' single-unit files merged equal the same
//! meetings run in one file (rounds, tallies, the JSON export), the merged
//! file verifies and says where each unit came from; conflicts, damaged
//! inputs, other campaigns and an existing OUT are refused with nothing
//! written.

use std::path::{Path, PathBuf};

use ceping::campaign_toml;
use ceping::domain::grading::Target;
use ceping::domain::*;
use ceping::merge::{MergeError, merge};
use ceping::store::{Session, Store, chain};
use serde_json::Value;

use crate::support;
use crate::support::campaign::{team, unit};

mod equal;
mod refused;
mod script;
mod sources;

use script::*;

/// Open the file at `path` and record the office's grade of `target`.
fn grade_in(path: &Path, target: Target, grade: u8) {
    let mut s = Store::open(path).unwrap();
    rec(
        &mut s,
        Event::GradeAssigned {
            target,
            grade: Some(grade),
            justification: None,
        },
    );
}

/// Record a roster imported from `source` (read as `encoding`) that gives
/// `unit` the people `subjects`.
fn import_roster(
    s: &mut Session,
    source: &str,
    encoding: &str,
    unit: &str,
    subjects: Vec<Subject>,
) {
    rec(
        s,
        Event::RosterImported {
            source: source.into(),
            encoding: encoding.into(),
            units: vec![UnitRoster {
                unit: unit.into(),
                subjects,
            }],
        },
    );
}

fn load(path: &Path) -> (Model, String) {
    let mut store = Store::open_read_only(path).unwrap();
    let model = store.replay().unwrap();
    (model, chain::to_hex(&store.head()))
}

fn ceping(args: &[&str]) -> std::process::Output {
    support::bin::command().args(args).output().unwrap()
}

fn export_units(path: &Path) -> Value {
    let out = ceping(&["export", path.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["units"].clone()
}

/// `units` of the export with every round fingerprint taken out.
fn without_fingerprints(mut units: Value) -> Value {
    for u in units.as_array_mut().unwrap() {
        for m in u["meetings"].as_array_mut().unwrap() {
            // The minutes: each file's own clock and chain.
            if m["minutes"].is_object() {
                m["minutes"]["started"] = Value::Null;
                m["minutes"]["ended"] = Value::Null;
                for c in m["minutes"]["closes"].as_array_mut().unwrap() {
                    c["fingerprint"] = Value::Null;
                }
            }
            for r in m["rounds"].as_array_mut().unwrap() {
                r["fingerprint"] = Value::Null;
                // Earlier closes of a reopened round: same chain caveat.
                if let Some(history) = r["history"].as_array_mut() {
                    for h in history {
                        h["fingerprint"] = Value::Null;
                    }
                }
            }
        }
    }
    units
}

/// A round with its closing head blanked: heads belong to one chain.
fn headless(r: &Round) -> Round {
    let mut r = r.clone();
    if let RoundStatus::Closed { head } = &mut r.status {
        head.clear();
    }
    for c in &mut r.history {
        c.head.clear();
    }
    r
}

/// The files in `dir`, sorted (to see that nothing was left behind),
/// leaving out the -wal and -shm that SQLite keeps beside an existing file
/// opened read-only (the inputs).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let all = names.clone();
    names.retain(|n| {
        let base = n.strip_suffix("-wal").or_else(|| n.strip_suffix("-shm"));
        !base.is_some_and(|b| all.iter().any(|a| a == b))
    });
    names.sort();
    names
}

fn refused(out: &Path, inputs: &[PathBuf]) -> (MergeError, String) {
    let dir = out.parent().unwrap();
    let before = listing(dir);
    let err = merge(out, inputs).expect_err("the merge must be refused");
    assert_eq!(
        listing(dir),
        before,
        "a refused merge leaves nothing behind"
    );
    let msg = err.to_string();
    (err, msg)
}
