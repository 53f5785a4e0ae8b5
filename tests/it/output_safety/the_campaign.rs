//! The campaign itself is refused as an output: by any name (`./`, an
//! absolute path, a symlink, a hard link), even with `--force`, while it is
//! open for writing, and while another process writes it.

use super::*;

#[test]
fn the_campaign_itself_is_refused_by_any_name_even_with_force() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let before = state(&path);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::hard_link(&path, d.join("hard.ceping")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    let absolute = path.display().to_string();
    let mut targets = vec![
        "m.ceping".to_string(),
        "./m.ceping".to_string(),
        "sub/../m.ceping".to_string(),
        absolute,
        "hard.ceping".to_string(),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&path, d.join("soft.ceping")).unwrap();
        std::os::unix::fs::symlink("../m.ceping", d.join("sub/link.xlsx")).unwrap();
        targets.push("soft.ceping".into());
        targets.push("sub/link.xlsx".into());
    }
    each_case(|lang, cmd, force| {
        for out in &targets {
            let sentence = itself(lang, out, cmd.example(lang));
            cmd.refused(d, lang, "m.ceping", out, force, &sentence);
        }
    });
    // The campaign given through the link, the output by its own name.
    for lang in LANGS {
        let cmd = Cmd::Export("csv");
        let sentence = itself(lang, "m.ceping", cmd.example(lang));
        cmd.refused(d, lang, "hard.ceping", "m.ceping", true, &sentence);
    }
    still_whole(d, &path, before);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "not a byte changed");
    #[cfg(unix)]
    {
        assert_eq!(inode(&path), inode(&d.join("hard.ceping")));
        assert!(
            std::fs::symlink_metadata(d.join("soft.ceping"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    no_temp_files(d);
    no_temp_files(&d.join("sub"));
}

#[test]
fn the_campaign_open_for_writing_is_refused_too() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    std::fs::hard_link(&path, d.join("hard.ceping")).unwrap();

    // Open in this process, as the meeting laptop has it.
    let mut session = Store::open(&path).unwrap();
    run_ballots(&mut session, 1);
    let before = (session.store.head(), state(&path));
    let wal = d.join("m.ceping-wal");
    assert!(wal.exists(), "the meeting's -wal");
    // A hard link to the live -wal under an innocent name: refused by
    // identity with the campaign's own -wal.
    std::fs::hard_link(&wal, d.join("wal.xlsx")).unwrap();
    for lang in LANGS {
        for cmd in CMDS {
            for out in ["m.ceping", "hard.ceping"] {
                let sentence = itself(lang, out, cmd.example(lang));
                cmd.refused(d, lang, "m.ceping", out, true, &sentence);
            }
            for out in ["m.ceping-wal", "m.ceping-shm", "m.ceping.lock", "wal.xlsx"] {
                let sentence = sidecar(lang, out, cmd.example(lang));
                cmd.refused(d, lang, "m.ceping", out, true, &sentence);
            }
        }
    }
    std::fs::remove_file(d.join("wal.xlsx")).unwrap();
    assert_eq!((session.store.head(), state(&path)), before);
    // The meeting goes on: the next ballot is saved as usual.
    run_ballots(&mut session, 1);
    drop(session);
    let (events, _) = state(&path);
    assert_eq!(events, before.1.0 + 1);
    still_whole(d, &path, state(&path));
    no_temp_files(d);
}

#[test]
fn the_campaign_being_written_by_another_process_is_refused() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let (before, _) = state(&path);
    // Another ceping keeps appending ballots while the outputs are tried.
    let mut writer = Command::new(env!("CARGO_BIN_EXE_ceping"))
        .args(["debug-append", "m.ceping", "--count", "1000000"])
        .current_dir(d)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    {
        use std::io::BufRead;
        let mut line = String::new();
        let mut out = std::io::BufReader::new(writer.stdout.as_mut().unwrap());
        out.read_line(&mut line).unwrap();
        assert!(line.trim().parse::<u64>().is_ok(), "{line}");
    }
    for lang in LANGS {
        for cmd in CMDS {
            let sentence = itself(lang, "m.ceping", cmd.example(lang));
            cmd.refused(d, lang, "m.ceping", "m.ceping", true, &sentence);
        }
    }
    writer.kill().unwrap();
    writer.wait().unwrap();
    let o = ceping(d, Lang::Zh, &["verify", "m.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (after, _) = state(&path);
    assert!(after > before, "the writer's ballots are all there");
    no_temp_files(d);
}
