//! Where the file lives: full disks, read-only media, folders and files,
//! permissions, no terminal, and the error classes in process.

use super::*;

// ---------------------------------------------------------------------
// Full disks.

#[cfg(unix)]
fn fill(dir: &Path) {
    use std::io::Write;
    let mut pad = std::fs::File::create(dir.join("pad")).unwrap();
    let block = [0u8; 4096];
    while pad.write_all(&block).is_ok() {}
    let _ = pad.sync_all();
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_said_plainly_and_loses_nothing() {
    let test = "a_full_disk_is_said_plainly_and_loses_nothing";
    let dir = tempfile::tempdir().unwrap();
    let stick = dir.path().join("stick");
    let Some(_mount) = Tmpfs::mount(&stick, "384k", test) else {
        return;
    };
    let path = stick.join("a.ceping");
    let mut s = small_file(&path, 2);
    fill(&stick);
    // Keying on until the disk says no: a sentence, nothing half-saved.
    let key = annual_round("南塘村");
    let mut saved = s.model.rounds[&key].ballots.len();
    let err = loop {
        assert!(saved < 10_000, "the disk never filled");
        let event = Event::BallotRecorded {
            round: key.clone(),
            number: saved as u32 + 1,
            content: BallotContent::all(1, 5),
        };
        match s.record(event) {
            Ok(_) => saved += 1,
            Err(e) => break e,
        }
    };
    assert_eq!(err.problem(), Some(FileProblem::DiskFull), "{err:?}");
    assert_eq!(s.model.rounds[&key].ballots.len(), saved);
    drop(s);

    // A new file on the full disk: the sentence, and nothing left behind.
    let names = listing(&stick);
    for lang in ["zh", "en"] {
        let o = run(&stick, lang, &["init", "b.ceping"]);
        let sentence = if lang == "zh" {
            "磁盘已满，无法写入 b.ceping。请腾出磁盘空间（或把文件移到空间足够的磁盘）后再试；已经保存的记录不受影响。"
        } else {
            "The disk is full: b.ceping cannot be written. Free some disk space (or move the file to a disk with room) and try again; what was already saved is not affected."
        };
        refused_with_detail(&o, lang, sentence);
    }
    assert_eq!(listing(&stick), names);

    // With room again, every ballot shown as saved is there.
    std::fs::remove_file(stick.join("pad")).unwrap();
    let again = Store::open(&path).unwrap();
    assert_eq!(again.model.rounds[&key].ballots.len(), saved);
    drop(again);
    assert!(ceping::store::verify::verify(&path).is_ok());
}

// ---------------------------------------------------------------------
// Read-only media, folders and files.

fn read_only_note(lang: &str, name: &str) -> String {
    if lang == "zh" {
        format!("注意：{name} 以只读方式打开（文件夹不可写）。")
    } else {
        format!("note: {name} opened read-only (the folder is not writable).")
    }
}

fn read_only_folder(lang: &str, folder: &str, name: &str) -> String {
    if lang == "zh" {
        format!(
            "文件夹 {folder} 不可写（例如写保护的 U 盘），ceping 不能在那里记录 {name}。请把文件复制到可写的文件夹（如本机硬盘）再打开；只查看结果可以用 ceping verify、export 或 projector。"
        )
    } else {
        format!(
            "The folder {folder} is not writable (a write-protected USB stick, for example), so ceping cannot record in {name} there. Copy the file to a writable folder (such as the laptop's disk) and open it there; to only look at the results, use ceping verify, export or projector."
        )
    }
}

fn no_terminal(lang: &str) -> &'static str {
    if lang == "zh" {
        "ceping projector 要在终端窗口里运行，而现在它的输入或输出不是终端（例如被重定向到了文件或管道）。请在终端窗口中直接运行它。"
    } else {
        "ceping projector needs a terminal window, but its input or output is not a terminal (redirected to a file or a pipe, for example). Run it directly in a terminal window."
    }
}

/// `verify`, `export`, `merge` (an input) and `projector` (as far as a
/// test without a terminal goes) work on `name` in the read-only folder
/// `folder`, each saying once that it opened the file read-only; `open`
/// and `import` refuse with the sentence. `d` is writable.
fn read_only_folder_works(runner: &Runner, d: &Path, folder: &str, name: &str) {
    for lang in ["zh", "en"] {
        let note = read_only_note(lang, name);
        let o = run_as(runner, d, lang, &["verify", name]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stderr(&o), format!("{note}\n"));
        let ok = if lang == "zh" {
            "完好：5 条记录"
        } else {
            "OK: 5 events"
        };
        assert!(stdout(&o).starts_with(ok), "{}", stdout(&o));

        let out = format!("out-{lang}.json");
        let o = run_as(
            runner,
            d,
            lang,
            &["export", name, "--format", "json", "-o", &out],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stderr(&o), format!("{note}\n"));
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(d.join(&out)).unwrap()).unwrap();
        assert_eq!(json["units"][0]["meetings"][0]["rounds"][0]["entered"], 3);

        let merged = format!("merged-{lang}.ceping");
        let o = run_as(runner, d, lang, &["merge", &merged, name]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("{note}\n")),
            "{}",
            stderr(&o)
        );

        // The file opens; only the missing terminal stops it.
        let o = run_as(runner, d, lang, &["projector", name]);
        let prefix = if lang == "zh" { "错误：" } else { "error: " };
        assert_eq!(
            stderr(&o),
            format!("{note}\n{prefix}{}\n", no_terminal(lang))
        );

        for args in [vec!["open", name], vec!["import", name, "roster.csv"]] {
            let o = run_as(runner, d, lang, &args);
            refused(&o, lang, &read_only_folder(lang, folder, name));
        }
        let new = format!("{folder}/new.ceping");
        let sentence = if lang == "zh" {
            format!(
                "文件夹 {folder} 不可写（例如写保护的 U 盘），无法在那里建立 {new}。请换一个可写的文件夹。"
            )
        } else {
            format!(
                "The folder {folder} is not writable (a write-protected USB stick, for example), so {new} cannot be created there. Choose a writable folder."
            )
        };
        let o = run_as(runner, d, lang, &["init", &new]);
        refused_with_detail(&o, lang, &sentence);
    }
}

/// A write-protected USB stick: a tmpfs mounted read-only.
#[cfg(unix)]
#[test]
fn a_write_protected_stick_is_read() {
    let test = "a_write_protected_stick_is_read";
    if !root() {
        eprintln!(
            "{test}: skipped: mounting needs root (the chmod test covers a read-only folder)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let stick = d.join("stick");
    let Some(mount) = Tmpfs::mount(&stick, "4m", test) else {
        return;
    };
    campaign(&stick.join("a.ceping"), 3);
    // A copy taken while a writer was keying: its records are still in
    // the -wal, which SQLite can only read with a -shm it may create.
    let live = stick.join("live.ceping");
    let s = small_file(&live, 3);
    std::fs::copy(&live, stick.join("c.ceping")).unwrap();
    std::fs::copy(sidecar(&live, "-wal"), stick.join("c.ceping-wal")).unwrap();
    drop(s);
    mount.write_protect();
    let names = listing(&stick);

    read_only_folder_works(&Runner::Me, d, "stick", "stick/a.ceping");

    // In this process: the projector follows it, read-only.
    let p = ceping::projector::Projector::open(&stick.join("a.ceping")).unwrap();
    assert_eq!(p.state.model.as_ref().unwrap().events, 5);
    assert_eq!(p.state.problem, None);
    let store = Store::open_read_only(&stick.join("a.ceping")).unwrap();
    assert!(store.is_immutable());

    // The -wal cannot be read there: said, not silently skipped.
    refused_in_both(
        d,
        &["verify", "stick/c.ceping"],
        "stick/c.ceping-wal 里还有尚未并入 stick/c.ceping 的记录，而文件夹 stick 不可写，无法读取这些记录。请把 stick/c.ceping 和 stick/c.ceping-wal 一起复制到可写的文件夹再打开。",
        "stick/c.ceping-wal holds records not yet folded into stick/c.ceping, and the folder stick is not writable, so they cannot be read. Copy stick/c.ceping together with stick/c.ceping-wal to a writable folder and open it there.",
    );
    assert_eq!(listing(&stick), names);
}

/// A folder whose permissions forbid writing (chmod 0555).
#[cfg(unix)]
#[test]
fn a_read_only_folder_is_read() {
    let Some(runner) = Runner::find("a_read_only_folder_is_read") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    chmod(d, 0o777);
    let ro = d.join("ro");
    std::fs::create_dir(&ro).unwrap();
    campaign(&ro.join("a.ceping"), 3);
    runner.own(&ro);
    runner.own(&ro.join("a.ceping"));
    chmod(&ro, 0o555);
    read_only_folder_works(&runner, d, "ro", "ro/a.ceping");
    assert_eq!(listing(&ro), ["a.ceping"]);
    chmod(&ro, 0o755);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_cannot_be_written_but_is_read() {
    let Some((runner, dir, path)) = chmod_case(
        "a_read_only_file_cannot_be_written_but_is_read",
        "r.ceping",
        3,
    ) else {
        return;
    };
    let d = dir.path();
    runner.own(&path);
    chmod(&path, 0o400);
    let before = std::fs::read(&path).unwrap();
    for lang in ["zh", "en"] {
        let o = run_as(&runner, d, lang, &["verify", "r.ceping"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stderr(&o), "");
        let sentence = if lang == "zh" {
            "r.ceping 是只读文件，ceping 不能在里面记录。请去掉它的只读属性，或把它复制到可写的地方再打开；只查看结果可以用 ceping verify、export 或 projector。"
        } else {
            "r.ceping is read-only, so ceping cannot record in it. Make it writable, or copy it to a writable place and open the copy; to only look at the results, use ceping verify, export or projector."
        };
        refused(
            &run_as(&runner, d, lang, &["open", "r.ceping"]),
            lang,
            sentence,
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(mode(&path), 0o400);
}

#[cfg(unix)]
#[test]
fn a_file_without_permission_is_said_so() {
    let Some((runner, dir, path)) =
        chmod_case("a_file_without_permission_is_said_so", "p.ceping", 1)
    else {
        return;
    };
    let d = dir.path();
    // Somebody else's private file (as root: root's; else: mode 000).
    if let Runner::Me = runner {
        chmod(&path, 0o000);
    }
    for args in every_command("p.ceping") {
        for lang in ["zh", "en"] {
            let sentence = if lang == "zh" {
                "没有读写 p.ceping 的权限。请用建立这个文件的用户账户运行 ceping，或请管理员给你权限。"
            } else {
                "You have no permission to read or write p.ceping. Run ceping as the user who created the file, or ask an administrator for access."
            };
            refused_with_detail(&run_as(&runner, d, lang, &args), lang, sentence);
        }
    }
    chmod(&path, 0o600);
}

// ---------------------------------------------------------------------
// Permissions.

#[cfg(unix)]
#[test]
fn a_file_others_can_read_is_made_private_with_a_note() {
    let (dir, path) = campaign_in("a.ceping", 1);
    let d = dir.path();
    for (lang, cmd) in [("zh", "open"), ("en", "verify")] {
        chmod(&path, 0o644);
        let o = run(d, lang, &[cmd, "a.ceping"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let note = if lang == "zh" {
            "注意：其他用户原本也能读取 a.ceping（权限 0644），已改为只有你能访问（0600）。\n"
        } else {
            "note: other users could read a.ceping (mode 0644); now only you can (mode 0600).\n"
        };
        assert_eq!(stderr(&o), note);
        assert_eq!(mode(&path), 0o600);
    }
    // A reader's -wal and -shm, made while the file was still 0644, are
    // made private too.
    chmod(&path, 0o644);
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.notices().len(), 1);
    for p in [path.clone(), sidecar(&path, "-wal"), sidecar(&path, "-shm")] {
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    drop(reader);
    // A private file: not a word.
    let o = run(d, "zh", &["verify", "a.ceping"]);
    assert_eq!(stderr(&o), "");
}

#[cfg(unix)]
#[test]
fn a_file_that_is_not_ours_gets_a_note_and_is_left_alone() {
    if !root() {
        eprintln!(
            "a_file_that_is_not_ours_gets_a_note_and_is_left_alone: skipped: needs root to give a file away"
        );
        return;
    }
    let (dir, path) = campaign_in("a.ceping", 1);
    let d = dir.path();
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    chmod(&path, 0o644);
    for lang in ["zh", "en"] {
        let o = run(d, lang, &["verify", "a.ceping"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let note = if lang == "zh" {
            "注意：其他用户也能读取 a.ceping（权限 0644），ceping 无法更改（文件不属于你，或文件系统不允许）。请让文件的主人运行 chmod 600，或把它放在只有你能进入的文件夹里。\n"
        } else {
            "note: other users can read a.ceping (mode 0644) and ceping cannot change that (the file is not yours, or the file system does not allow it). Ask its owner to run chmod 600, or keep it in a folder only you can enter.\n"
        };
        assert_eq!(stderr(&o), note);
    }
    assert_eq!(mode(&path), 0o644);
}

// ---------------------------------------------------------------------
// No terminal.

#[test]
fn the_projector_needs_a_terminal_and_open_prints_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    campaign(&d.join("a.ceping"), 2);
    for lang in ["zh", "en"] {
        refused(
            &run(d, lang, &["projector", "a.ceping"]),
            lang,
            no_terminal(lang),
        );
        let o = run(d, lang, &["open", "a.ceping"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("南塘村"), "{}", stdout(&o));
    }
}

// ---------------------------------------------------------------------
// In-process classes.

#[test]
fn errors_keep_their_class_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let err = Store::open(&d.join("nowhere/a.ceping")).unwrap_err();
    assert_eq!(err.problem(), Some(FileProblem::NoFolder));
    let err = Store::open_read_only(d).unwrap_err();
    assert_eq!(err.problem(), Some(FileProblem::IsFolder));
    std::fs::write(d.join("h.ceping"), b"SQLite format 3\0").unwrap();
    let err = Store::open(&d.join("h.ceping")).unwrap_err();
    assert_eq!(
        err.problem(),
        Some(FileProblem::Damaged(Damage::Truncated)),
        "{err:?}"
    );
    assert!(matches!(
        Store::open(&d.join("a.ceping")),
        Err(StoreError::NotFound(p)) if p == d.join("a.ceping")
    ));
}
