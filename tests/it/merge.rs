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
use ceping::store::{Store, chain};
use serde_json::Value;

#[path = "merge/script.rs"]
mod script;
#[path = "support/mod.rs"]
mod support;

use script::*;

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

#[test]
fn four_laptops_merged_equal_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = four_laptops(dir.path());
    let single = dir.path().join("single.ceping");
    {
        let mut s = Store::create(&single, &campaign_toml::demo()).unwrap();
        for unit in UNITS.iter().rev() {
            script(&mut s, unit);
        }
    }
    let out = dir.path().join("街道.ceping");
    let report = merge(&out, &inputs).unwrap();
    // Only the merged file is made: no temporary file, WAL or lock left.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("街道"))
        .collect();
    assert_eq!(names, ["街道.ceping"]);

    let (merged, merged_head) = load(&out);
    let (one, _) = load(&single);
    let laptops: Vec<(Model, String)> = inputs.iter().map(|p| load(p)).collect();

    // The report names every file with its unit, and the fingerprint.
    assert!(report.starts_with("已合并 4 个文件："), "{report}");
    for (unit, path) in UNITS.iter().zip(&inputs) {
        assert!(
            report.contains(&format!("{}（{unit}）", path.display())),
            "{report}"
        );
    }
    assert!(
        report.ends_with(&format!("指纹 {}", &merged_head[..12])),
        "{report}"
    );

    // The rounds: the same keys, statuses, lines, ballots and counts; the
    // closing heads are the laptops' (what the scrutineers signed).
    assert_eq!(
        merged.rounds.keys().collect::<Vec<_>>(),
        one.rounds.keys().collect::<Vec<_>>()
    );
    // 南塘村 2, 回龙村 1, 西塘村 3 (void, re-run, Party-building), 东马社区 1.
    assert_eq!(merged.rounds.len(), 7);
    for (k, r) in &merged.rounds {
        assert_eq!(headless(r), headless(&one.rounds[k]), "{k:?}");
        assert_eq!(merged.tally(r), one.tally(&one.rounds[k]), "{k:?}");
        let laptop = &laptops[UNITS.iter().position(|u| *u == k.unit).unwrap()].0;
        assert_eq!(r, &laptop.rounds[k], "{k:?} keeps its laptop's head");
    }
    assert!(
        merged
            .rounds
            .values()
            .any(|r| r.status == RoundStatus::Void)
    );
    assert!(
        merged
            .rounds
            .values()
            .any(|r| r.status == RoundStatus::Open)
    );
    assert!(merged.rounds.values().any(|r| r.agreed.is_some()));
    assert_eq!(merged.meetings, one.meetings);
    assert_eq!(merged.campaign, one.campaign);

    // The export's units: equal to the one file's but for the round
    // fingerprints, and each unit exactly its laptop's, fingerprints too.
    let units = export_units(&out);
    assert_eq!(
        without_fingerprints(units.clone()),
        without_fingerprints(export_units(&single))
    );
    for (i, path) in inputs.iter().enumerate() {
        assert_eq!(units[i], export_units(path)[i], "{}", UNITS[i]);
    }
    let closed = units[0]["meetings"][0]["rounds"][0]["fingerprint"]
        .as_str()
        .unwrap();
    assert_eq!(closed.len(), 64);

    // Provenance: each source, its fingerprint, its unit, its events.
    let provenance: Vec<_> = merged
        .merged
        .iter()
        .map(|p| {
            (
                p.source.as_str(),
                p.fingerprint.as_str(),
                p.units.clone(),
                p.events,
            )
        })
        .collect();
    let expected: Vec<_> = inputs
        .iter()
        .zip(&laptops)
        .zip(UNITS)
        .map(|((p, (m, head)), u)| {
            let name = p.file_name().unwrap().to_str().unwrap();
            (name, head.as_str(), vec![u.to_string()], m.events - 1)
        })
        .collect();
    assert_eq!(provenance, expected);
    let copied: u64 = laptops.iter().map(|(m, _)| m.events).sum();
    assert_eq!(merged.events, 1 + copied);
    assert_eq!(merged.copying, 0);

    // The export carries the same provenance.
    let o = ceping(&["export", out.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let sources: Vec<(&str, &str)> = json["merged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["source"].as_str().unwrap(),
                m["fingerprint"].as_str().unwrap(),
            )
        })
        .collect();
    let expected_sources: Vec<(&str, &str)> =
        expected.iter().map(|(s, f, _, _)| (*s, *f)).collect();
    assert_eq!(sources, expected_sources);

    // The real binary verifies it.
    let v = ceping(&["verify", out.to_str().unwrap()]);
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    assert!(String::from_utf8_lossy(&v.stdout).contains(&merged_head));

    // Copied events keep their original time stamps, kind and body.
    let store = Store::open_read_only(&out).unwrap();
    let merged_log = store.read_after(0).unwrap();
    let first = Store::open_read_only(&inputs[0])
        .unwrap()
        .read_after(1)
        .unwrap();
    for (copy, orig) in merged_log[2..].iter().zip(&first) {
        assert_eq!(
            (&copy.ts, &copy.kind, &copy.body),
            (&orig.ts, &orig.kind, &orig.body)
        );
    }
}

#[test]
fn the_same_unit_in_two_files_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    let c = laptop(dir.path(), "c.ceping", "回龙村");
    let b = laptop(dir.path(), "b.ceping", "南塘村");
    let out = dir.path().join("out.ceping");
    let (err, msg) = refused(&out, &[a.clone(), c, b.clone()]);
    assert!(matches!(err, MergeError::Conflict { .. }), "{err:?}");
    assert!(msg.starts_with("南塘村 在 "), "{msg}");
    assert!(
        msg.contains(&format!(
            "{} 和 {} 中都有测评结果",
            a.display(),
            b.display()
        )),
        "{msg}"
    );
    assert!(!out.exists());

    // In English, through the binary: exit 1, one sentence.
    let o = ceping(&[
        "--lang",
        "en",
        "merge",
        out.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("南塘村 has results in both"), "{stderr}");
    assert!(
        stderr.contains("a.ceping") && stderr.contains("b.ceping"),
        "{stderr}"
    );
    assert!(!out.exists());

    // The same file twice, or a copy of it, is named as such.
    let (err, msg) = refused(&out, &[a.clone(), a.clone()]);
    assert!(matches!(err, MergeError::Twice(_)), "{err:?}");
    assert_eq!(
        msg,
        format!("{} 给出了两次。每个文件只需给一次。", a.display())
    );
    let copy = dir.path().join("copy.ceping");
    std::fs::copy(&a, &copy).unwrap();
    let (err, msg) = refused(&out, &[a.clone(), copy.clone()]);
    assert!(matches!(err, MergeError::Duplicate { .. }), "{err:?}");
    assert!(
        msg.starts_with(&format!(
            "{} 和 {} 含有同一份记录",
            a.display(),
            copy.display()
        )),
        "{msg}"
    );
}

#[test]
fn a_damaged_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    let b = laptop(dir.path(), "b.ceping", "回龙村");
    let conn = rusqlite::Connection::open(&b).unwrap();
    conn.execute_batch("DROP TRIGGER events_no_update;")
        .unwrap();
    conn.execute(
        "UPDATE events SET body = replace(body, '13', '12') WHERE seq = 4",
        [],
    )
    .unwrap();
    drop(conn);
    let out = dir.path().join("out.ceping");
    let (err, msg) = refused(&out, &[a, b.clone()]);
    assert!(matches!(err, MergeError::Input { .. }), "{err:?}");
    // The sentence names the file itself (once).
    assert!(msg.starts_with("记录在第 4 条处损坏"), "{msg}");
    assert_eq!(msg.matches(&b.display().to_string()).count(), 1, "{msg}");
}

#[test]
fn another_campaign_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    let out = dir.path().join("out.ceping");
    let mut other = campaign_toml::demo();
    other.year = 2022;
    let b = dir.path().join("b.ceping");
    drop(Store::create(&b, &other).unwrap());
    let (err, msg) = refused(&out, &[a.clone(), b.clone()]);
    assert!(matches!(err, MergeError::Campaign { .. }), "{err:?}");
    assert!(
        msg.contains(&format!(
            "{} 的考核方案与 {} 不同：年度 2022 与 2021",
            b.display(),
            a.display()
        )),
        "{msg}"
    );

    let mut other = campaign_toml::demo();
    other.meetings[0].scale.grades = vec!["优秀".into(), "合格".into(), "不合格".into()];
    let c = dir.path().join("c.ceping");
    drop(Store::create(&c, &other).unwrap());
    let (_, msg) = refused(&out, &[a.clone(), c]);
    assert!(
        msg.contains(
            "述职测评大会的等次表（优秀、合格、不合格）与（优秀、称职、基本称职、不称职）"
        ),
        "{msg}"
    );

    let mut other = campaign_toml::demo();
    other.title.push('X');
    let d = dir.path().join("d.ceping");
    drop(Store::create(&d, &other).unwrap());
    let (_, msg) = refused(&out, &[a, d]);
    assert!(msg.contains("标题"), "{msg}");
}

#[test]
fn an_existing_out_is_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    let out = dir.path().join("out.ceping");
    std::fs::write(&out, "the office's notes").unwrap();
    let (err, msg) = refused(&out, &[a]);
    assert!(matches!(err, MergeError::Exists(_)), "{err:?}");
    assert!(msg.contains("已经存在"), "{msg}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the office's notes");
}

#[test]
fn a_merged_file_merges_again_and_keeps_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = four_laptops(dir.path());
    let all = dir.path().join("all.ceping");
    merge(&all, &inputs).unwrap();
    let first = dir.path().join("first.ceping");
    merge(&first, &inputs[..2]).unwrap();

    // The office grades 南塘村 in the first merged file.
    {
        let mut s = Store::open(&first).unwrap();
        let target = Target::Unit {
            unit: "南塘村".into(),
        };
        rec(
            &mut s,
            Event::GradeAssigned {
                target,
                grade: Some(0),
                justification: None,
            },
        );
    }
    let again = dir.path().join("again.ceping");
    let paths = [&again, &first, &inputs[2], &inputs[3]].map(|p| p.to_str().unwrap());
    let o = ceping(&[&["merge"][..], &paths[..]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.starts_with(&format!(
            "已合并 3 个文件：{}（南塘村、回龙村），",
            paths[1]
        )),
        "{stdout}"
    );
    let (m, _) = load(&again);
    let (reference, _) = load(&all);
    assert_eq!(m.rounds, reference.rounds);
    assert_eq!(m.grading.grades.len(), 1);
    let sources: Vec<(&str, Vec<String>)> = m
        .merged
        .iter()
        .map(|p| (p.source.as_str(), p.units.clone()))
        .collect();
    assert_eq!(
        sources,
        [
            ("南塘村.ceping", vec!["南塘村".to_string()]),
            ("回龙村.ceping", vec!["回龙村".to_string()]),
            ("first.ceping", vec!["南塘村".to_string()]),
            ("西塘村.ceping", vec!["西塘村".to_string()]),
            ("东马社区.ceping", vec!["东马社区".to_string()]),
        ]
    );
    assert_eq!(m.merged[0].fingerprint, load(&inputs[0]).1);
    assert_eq!(m.merged[2].fingerprint, load(&first).1);
    assert!(
        ceping(&["verify", again.to_str().unwrap()])
            .status
            .success()
    );

    // A laptop already in the merged file, given again: refused.
    let out = dir.path().join("out.ceping");
    let (err, _) = refused(&out, &[first.clone(), inputs[0].clone()]);
    assert!(matches!(err, MergeError::Duplicate { .. }), "{err:?}");

    // Grading in two files: refused.
    {
        let mut s = Store::open(&inputs[2]).unwrap();
        let target = Target::Unit {
            unit: "西塘村".into(),
        };
        rec(
            &mut s,
            Event::GradeAssigned {
                target,
                grade: Some(1),
                justification: None,
            },
        );
    }
    let (err, msg) = refused(&out, &[first.clone(), inputs[2].clone()]);
    assert!(matches!(err, MergeError::GradingTwice { .. }), "{err:?}");
    assert!(msg.contains("都有街道的评定记录"), "{msg}");

    // Grading a unit whose meeting is in another file: a conflict.
    {
        let mut s = Store::open(&first).unwrap();
        let target = Target::Unit {
            unit: "东马社区".into(),
        };
        rec(
            &mut s,
            Event::GradeAssigned {
                target,
                grade: Some(1),
                justification: None,
            },
        );
    }
    let (err, _) = refused(&out, &[first, inputs[3].clone()]);
    assert!(
        matches!(err, MergeError::Conflict { ref unit, .. } if unit == "东马社区"),
        "{err:?}"
    );
}

#[test]
fn rosters_come_from_the_file_holding_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    // Laptop b fixed 西塘村's roster (one name) before its meeting.
    let b = dir.path().join("b.ceping");
    let mut fixed = campaign_toml::demo()
        .unit("西塘村")
        .unwrap()
        .subjects
        .clone();
    fixed[1].name = "阎秀岚".into();
    {
        let mut s = Store::create(&b, &campaign_toml::demo()).unwrap();
        let units = vec![UnitRoster {
            unit: "西塘村".into(),
            subjects: fixed.clone(),
        }];
        rec(
            &mut s,
            Event::RosterImported {
                source: "名单.xlsx".into(),
                encoding: "xlsx".into(),
                units,
            },
        );
        script(&mut s, "西塘村");
    }
    let out = dir.path().join("out.ceping");
    merge(&out, &[a.clone(), b.clone()]).unwrap();
    let (m, _) = load(&out);
    assert_eq!(m.campaign.unit("西塘村").unwrap().subjects, fixed);
    assert_eq!(m.rounds, {
        let (mut r, _) = load(&a);
        r.rounds.extend(load(&b).0.rounds);
        r.rounds
    });
    // The import is in the campaign definition, not copied as an event.
    assert_eq!(m.merged[1].events, load(&b).0.events - 2);

    // A unit with results nowhere must have one roster everywhere.
    let c = dir.path().join("c.ceping");
    {
        let mut s = Store::create(&c, &campaign_toml::demo()).unwrap();
        let units = vec![UnitRoster {
            unit: "东马社区".into(),
            subjects: fixed[..3].to_vec(),
        }];
        rec(
            &mut s,
            Event::RosterImported {
                source: "名单.csv".into(),
                encoding: "GBK".into(),
                units,
            },
        );
    }
    let out = dir.path().join("out2.ceping");
    let (err, msg) = refused(&out, &[a, c.clone()]);
    assert!(matches!(err, MergeError::Roster { .. }), "{err:?}");
    assert!(msg.starts_with("东马社区 的名单在"), "{msg}");
}

#[test]
fn an_event_that_does_not_fit_the_merged_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Laptop a grades 南塘村's work team 优秀: 1 of 4 teams at 40 %.
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    {
        let mut s = Store::open(&a).unwrap();
        let target = Target::WorkTeam {
            unit: "南塘村".into(),
        };
        rec(
            &mut s,
            Event::GradeAssigned {
                target,
                grade: Some(0),
                justification: None,
            },
        );
    }
    // Laptops b and c held their meetings with rosters without a work
    // team: the street has 2 teams, and 40 % of 2 allows none.
    let without_team = |name: &str, unit: &str| {
        let path = dir.path().join(name);
        let mut s = Store::create(&path, &campaign_toml::demo()).unwrap();
        let mut subjects = s.model.campaign.unit(unit).unwrap().subjects.clone();
        subjects.retain(|p| !matches!(p.role, Role::WorkTeamLeader | Role::WorkTeamMember));
        let units = vec![UnitRoster {
            unit: unit.into(),
            subjects,
        }];
        rec(
            &mut s,
            Event::RosterImported {
                source: "名单.xlsx".into(),
                encoding: "xlsx".into(),
                units,
            },
        );
        script(&mut s, unit);
        path
    };
    let b = without_team("b.ceping", "回龙村");
    let c = without_team("c.ceping", "西塘村");
    let out = dir.path().join("out.ceping");
    let graded_at = load(&a).0.events;
    let (err, msg) = refused(&out, &[b, c, a.clone()]);
    assert!(
        matches!(err, MergeError::Fold { seq, .. } if seq == graded_at),
        "{err:?}"
    );
    assert!(
        msg.starts_with(&format!(
            "{} 的第 {graded_at} 条记录放进合并文件后不成立：",
            a.display()
        )),
        "{msg}"
    );
    assert!(!out.exists());
}
