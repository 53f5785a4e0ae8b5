//! Other outputs that are refused (another campaign file, a `-wal`, `-shm`
//! or `.lock`, a folder, a missing folder), and the normal outputs that
//! still work: a new file is written, `--force` replaces a normal file, and
//! without it an existing file is kept.

use super::*;

#[test]
fn another_campaign_file_is_refused_and_unchanged() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let other = campaign(d, "other.ceping");
    std::fs::hard_link(&other, d.join("other-link.xlsx")).unwrap();
    let before = (state(&path), state(&other));
    let bytes = std::fs::read(&other).unwrap();
    each_case(|lang, cmd, force| {
        for out in ["other.ceping", "other-link.xlsx"] {
            let sentence = other_campaign(lang, out, cmd.example(lang));
            cmd.refused(d, lang, "m.ceping", out, force, &sentence);
        }
    });
    assert_eq!(std::fs::read(&other).unwrap(), bytes);
    still_whole(d, &path, before.0);
    still_whole(d, &other, before.1);
    no_temp_files(d);
}

#[test]
fn sidecar_files_are_refused() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let before = state(&path);
    // On Unix the writer locks the file itself and makes no `.lock`; an
    // old one (or Windows') is still never an output.
    let lock = d.join("m.ceping.lock");
    if !lock.exists() {
        std::fs::write(&lock, b"").unwrap();
    }
    let lock_bytes = std::fs::read(&lock).unwrap();
    // The -wal and -shm a reader may leave behind, as files.
    std::fs::write(d.join("m.ceping-wal"), b"").unwrap();
    std::fs::write(d.join("m.ceping-shm"), b"").unwrap();
    std::fs::hard_link(&lock, d.join("lock.csv")).unwrap();
    let outs = [
        "m.ceping-wal",
        "m.ceping-shm",
        "m.ceping.lock",
        "M.CEPING-WAL",
        "new.ceping-wal",
        "new.ceping-shm",
        "new.ceping.lock",
        "lock.csv",
    ];
    each_case(|lang, cmd, force| {
        for out in outs {
            let sentence = sidecar(lang, out, cmd.example(lang));
            cmd.refused(d, lang, "m.ceping", out, force, &sentence);
        }
    });
    assert_eq!(std::fs::read(&lock).unwrap(), lock_bytes);
    for name in ["new.ceping-wal", "new.ceping-shm", "new.ceping.lock"] {
        assert!(!d.join(name).exists(), "{name} was not created");
    }
    still_whole(d, &path, before);
    no_temp_files(d);
}

#[test]
fn folders_and_missing_folders_are_refused() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let before = state(&path);
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("plain.txt"), b"x").unwrap();
    each_case(|lang, cmd, force| {
        let ex = cmd.example(lang);
        cmd.refused(d, lang, "m.ceping", "sub", force, &folder(lang, "sub", ex));
        cmd.refused(d, lang, "m.ceping", ".", force, &folder(lang, ".", ex));
        let sentence = no_folder(lang, "no/such", "no/such/r.out");
        cmd.refused(d, lang, "m.ceping", "no/such/r.out", force, &sentence);
        let sentence = match lang {
            Lang::Zh => "plain.txt 不是文件夹，无法写入 plain.txt/r.out。请换一个位置。",
            Lang::En => {
                "plain.txt is not a folder, so plain.txt/r.out cannot be written. Choose another place."
            }
        };
        cmd.refused(d, lang, "m.ceping", "plain.txt/r.out", force, sentence);
    });
    assert!(!d.join("no").exists());
    assert_eq!(std::fs::read_dir(d.join("sub")).unwrap().count(), 0);
    still_whole(d, &path, before);
    no_temp_files(d);
}

#[test]
fn normal_outputs_still_work() {
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let before = state(&path);
    for lang in LANGS {
        for (cmd, out) in [
            (Cmd::Export("xlsx"), "r.xlsx"),
            (Cmd::Export("csv"), "r.csv"),
            (Cmd::Export("json"), "r.json"),
            (Cmd::Ballots, "ballots.xlsx"),
        ] {
            let target = d.join(out);
            let _ = std::fs::remove_file(&target);
            let run = |force: bool| {
                let args = cmd.args("m.ceping", out, force);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                ceping(d, lang, &args)
            };
            // A new file.
            let o = run(false);
            assert!(o.status.success(), "{cmd:?}: {}", stderr(&o));
            let fresh = std::fs::read(&target).unwrap();
            assert!(!fresh.is_empty());
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&target).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600, "{cmd:?}");
            }
            // An existing normal file is kept without --force…
            std::fs::write(&target, b"kept").unwrap();
            let o = run(false);
            assert_eq!(o.status.code(), Some(1), "{cmd:?}");
            let expected = match lang {
                Lang::Zh => {
                    format!("错误：{out} 已经存在。要覆盖它，请加上 --force；或换一个文件名。")
                }
                Lang::En => format!(
                    "error: {out} already exists. Add --force to overwrite it, or choose another name."
                ),
            };
            assert_eq!(stderr(&o).trim_end(), expected);
            assert_eq!(std::fs::read(&target).unwrap(), b"kept");
            // … and replaced with it.
            let o = run(true);
            assert!(o.status.success(), "{cmd:?} --force: {}", stderr(&o));
            assert_ne!(std::fs::read(&target).unwrap(), b"kept");
            assert_eq!(temp_files(d), Vec::<String>::new(), "{cmd:?}");
        }

        // merge: a new street file; an existing file is never replaced.
        let out = format!("street-{lang:?}.ceping");
        let o = ceping(d, lang, &["merge", &out, "m.ceping"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let o = ceping(d, lang, &["verify", &out]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::write(d.join("notes.ceping"), b"the office's notes").unwrap();
        let o = ceping(d, lang, &["merge", "notes.ceping", "m.ceping"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains(match lang {
                Lang::Zh => "notes.ceping 已经存在，合并不会覆盖它。",
                Lang::En => "notes.ceping already exists; merge never overwrites it.",
            }),
            "{}",
            stderr(&o)
        );
        assert_eq!(
            std::fs::read(d.join("notes.ceping")).unwrap(),
            b"the office's notes"
        );
        no_temp_files(d);
    }
    still_whole(d, &path, before);
}
