//! Merges that are refused with nothing written: the same unit in two
//! files, a damaged input, another campaign, an existing OUT, and an event
//! that does not fit the merged file.

use super::*;

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
fn an_event_that_does_not_fit_the_merged_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Laptop a grades 南塘村's work team 优秀: 1 of 4 teams at 40 %.
    let a = laptop(dir.path(), "a.ceping", "南塘村");
    grade_in(&a, team("南塘村"), 0);
    // Laptops b and c held their meetings with rosters without a work
    // team: the street has 2 teams, and 40 % of 2 allows none.
    let without_team = |name: &str, unit: &str| {
        let path = dir.path().join(name);
        let mut s = Store::create(&path, &campaign_toml::demo()).unwrap();
        let mut subjects = s.model.campaign.unit(unit).unwrap().subjects.clone();
        subjects.retain(|p| !matches!(p.role, Role::WorkTeamLeader | Role::WorkTeamMember));
        import_roster(&mut s, "名单.xlsx", "xlsx", unit, subjects);
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
