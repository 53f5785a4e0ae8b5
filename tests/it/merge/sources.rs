//! A merged file merges again and keeps its sources; rosters come from the
//! file holding the results.

use super::*;

#[test]
fn a_merged_file_merges_again_and_keeps_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = four_laptops(dir.path());
    let all = dir.path().join("all.ceping");
    merge(&all, &inputs).unwrap();
    let first = dir.path().join("first.ceping");
    merge(&first, &inputs[..2]).unwrap();

    // The office grades 南塘村 in the first merged file.
    grade_in(&first, unit("南塘村"), 0);
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
    grade_in(&inputs[2], unit("西塘村"), 1);
    let (err, msg) = refused(&out, &[first.clone(), inputs[2].clone()]);
    assert!(matches!(err, MergeError::GradingTwice { .. }), "{err:?}");
    assert!(msg.contains("都有街道的评定记录"), "{msg}");

    // Grading a unit whose meeting is in another file: a conflict.
    grade_in(&first, unit("东马社区"), 1);
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
        import_roster(&mut s, "名单.xlsx", "xlsx", "西塘村", fixed.clone());
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
        import_roster(&mut s, "名单.csv", "GBK", "东马社区", fixed[..3].to_vec());
    }
    let out = dir.path().join("out2.ceping");
    let (err, msg) = refused(&out, &[a, c.clone()]);
    assert!(matches!(err, MergeError::Roster { .. }), "{err:?}");
    assert!(msg.starts_with("东马社区 的名单在"), "{msg}");
}
