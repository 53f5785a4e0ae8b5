//! Four laptops' single-unit files, merged, equal the same meetings run in
//! one file: rounds, tallies and the JSON export; the merged file verifies
//! and says where each unit came from.

use super::*;

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
