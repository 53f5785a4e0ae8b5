//! Who may write, and what is refused: one writer per file however it is
//! reached, nothing written beside what is not a campaign file, and damage
//! said in a sentence with nothing written.

use super::*;

// ---------------------------------------------------------------------
// One writer per file, however it is reached.

/// The refusal, as the second writer sees it.
fn locked(lang: &str, shown: &str, holder: &ceping::store::Holder) -> String {
    let (u, h, p, s) = (&holder.user, &holder.host, holder.pid, &holder.since);
    if lang == "zh" {
        format!(
            "{shown} 正在被另一个 ceping 写入：{u}@{h}（进程 {p}，自 {s} 起）。请先关闭那边的 ceping；只看结果可以用只读方式打开（如 ceping projector）。"
        )
    } else {
        format!(
            "{shown} is being written by another ceping: {u}@{h} (process {p}, since {s}). Close that one first; to only look at the results, open it read-only (e.g. ceping projector)."
        )
    }
}

/// The writer note in the file.
fn holder_of(path: &Path) -> ceping::store::Holder {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT user, host, pid, since FROM writer WHERE id = 1",
            [],
            |r| {
                Ok(ceping::store::Holder {
                    user: r.get(0)?,
                    host: r.get(1)?,
                    pid: r.get(2)?,
                    since: r.get(3)?,
                })
            },
        )
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_second_writer_is_refused_through_any_name_of_the_file() {
    let (dir, path) = campaign_in("南塘村.ceping", 2);
    let d = dir.path();
    std::fs::hard_link(&path, d.join("hard.ceping")).unwrap();
    std::os::unix::fs::symlink("南塘村.ceping", d.join("soft.ceping")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();

    let mut writer = Store::open(&path).unwrap();
    let holder = holder_of(&path);
    assert_eq!(holder.pid, std::process::id());
    for name in [
        "hard.ceping",
        "soft.ceping",
        "sub/../南塘村.ceping",
        "南塘村.ceping",
    ] {
        for lang in ["zh", "en"] {
            for cmd in ["open", "import"] {
                let mut args = vec![cmd, name];
                if cmd == "import" {
                    args.push("roster.csv");
                }
                let o = run(d, lang, &args);
                refused(&o, lang, &locked(lang, name, &holder));
            }
        }
        // In this process too.
        match Store::open(&d.join(name)) {
            Err(StoreError::Locked {
                holder: Some(h), ..
            }) => assert_eq!(*h, holder),
            other => panic!("{name}: {other:?}"),
        }
    }
    // Nothing was made beside the other names.
    for name in ["hard.ceping", "soft.ceping"] {
        for suffix in ["-wal", "-shm", ".lock"] {
            assert!(!sidecar(&d.join(name), suffix).exists(), "{name}{suffix}");
        }
    }
    // The writer was never disturbed, and readers are welcome meanwhile.
    run_ballots(&mut writer, 1);
    let o = run(d, "en", &["verify", "hard.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    drop(writer);
    assert_eq!(Store::open(&d.join("hard.ceping")).unwrap().model.events, 5);
}

#[cfg(unix)]
#[test]
fn the_lock_needs_no_lock_file_and_an_old_one_is_harmless() {
    let (_dir, path) = campaign_in("a.ceping", 1);
    let s = Store::open(&path).unwrap();
    assert!(!sidecar(&path, ".lock").exists());
    drop(s);
    // One left by an older ceping changes nothing.
    std::fs::write(sidecar(&path, ".lock"), b"").unwrap();
    let s = Store::open(&path).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::Locked { .. })));
    drop(s);
    assert!(Store::open(&path).is_ok());
}

// ---------------------------------------------------------------------
// Nothing written or created beside what is not a campaign file.

fn not_ceping(lang: &str, name: &str, looks: &str) -> String {
    if lang == "zh" {
        format!(
            "{name} 不是 ceping 的考核文件（{looks}）。请打开用 ceping init 或 ceping demo 建立的 .ceping 文件。"
        )
    } else {
        format!(
            "{name} is not a ceping campaign file ({looks}). Open a .ceping file made by ceping init or ceping demo."
        )
    }
}

#[test]
fn what_is_not_a_campaign_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.ceping"), b"").unwrap();
    std::fs::write(d.join("minutes.txt"), "会议记录\n第一项：述职\n").unwrap();
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(d.join("noise.bin"), &noise).unwrap();
    let other = rusqlite::Connection::open(d.join("other.db")).unwrap();
    other
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(other);
    // Another program's database in WAL mode: even a read-only SQLite open
    // would make its -wal and -shm.
    let wal = rusqlite::Connection::open(d.join("other-wal.db")).unwrap();
    wal.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(wal);
    std::fs::create_dir(d.join("folder.ceping")).unwrap();
    let cases = [
        ("empty.ceping", "这是一个空文件", "it is empty"),
        ("minutes.txt", "这是一个文本文件", "it is a text file"),
        (
            "noise.bin",
            "这不是 SQLite 数据库",
            "it is not an SQLite database",
        ),
        (
            "other.db",
            "这是别的程序的 SQLite 数据库",
            "it is another program's SQLite database",
        ),
        (
            "other-wal.db",
            "这是别的程序的 SQLite 数据库",
            "it is another program's SQLite database",
        ),
    ];
    let before: Vec<(String, Vec<u8>)> = cases
        .iter()
        .map(|(n, ..)| (n.to_string(), std::fs::read(d.join(n)).unwrap()))
        .collect();
    let names = listing(d);
    for (name, zh, en) in cases {
        for args in every_command(name) {
            refused_in_both(
                d,
                &args,
                &not_ceping("zh", name, zh),
                &not_ceping("en", name, en),
            );
        }
        let err = Store::open(&d.join(name)).unwrap_err();
        assert!(
            matches!(err.problem(), Some(FileProblem::NotCeping(_))),
            "{err:?}"
        );
    }
    for args in every_command("folder.ceping") {
        refused_in_both(
            d,
            &args,
            "folder.ceping 是一个文件夹，不是考核文件。请给出其中 .ceping 文件的完整路径。",
            "folder.ceping is a folder, not a campaign file. Give the path of the .ceping file inside it.",
        );
    }
    assert!(
        std::fs::read_dir(d.join("folder.ceping"))
            .unwrap()
            .next()
            .is_none()
    );
    // Byte for byte as they were, and nothing beside them.
    for (name, bytes) in before {
        assert_eq!(std::fs::read(d.join(&name)).unwrap(), bytes, "{name}");
    }
    assert_eq!(listing(d), names);
    let err = Store::open(&d.join("noise.bin")).unwrap_err();
    assert_eq!(err.problem(), Some(FileProblem::NotCeping(Looks::Binary)));
}

#[cfg(unix)]
#[test]
fn a_device_is_not_a_campaign_file() {
    let dir = tempfile::tempdir().unwrap();
    for args in every_command("/dev/null") {
        refused_in_both(
            dir.path(),
            &args,
            &not_ceping("zh", "/dev/null", "这不是普通文件，而是设备或管道之类"),
            &not_ceping(
                "en",
                "/dev/null",
                "it is not a regular file but a device, a pipe or the like",
            ),
        );
    }
}

#[test]
fn a_missing_file_or_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for args in every_command("a.ceping") {
        refused_in_both(
            d,
            &args,
            "找不到文件 a.ceping。请检查路径，或用 ceping init 新建。",
            "a.ceping not found. Check the path, or create it with ceping init.",
        );
    }
    let mut commands = every_command("U盘/a.ceping");
    commands.push(vec!["init", "U盘/a.ceping"]);
    for args in commands {
        refused_in_both(
            d,
            &args,
            "找不到文件夹 U盘，也就没有 U盘/a.ceping。请检查路径（U 盘是否插好）。",
            "The folder U盘 does not exist, so there is no U盘/a.ceping. Check the path (is the USB stick plugged in?).",
        );
    }
    assert_eq!(listing(d), Vec::<String>::new());
}

// ---------------------------------------------------------------------
// Damage: a sentence, and nothing written.

fn damaged(lang: &str, name: &str, what_zh: &str, what_en: &str) -> String {
    if lang == "zh" {
        format!("{name} 已损坏（{what_zh}）。请改用备份，并保留这个文件以便查明原因。")
    } else {
        format!(
            "{name} is damaged ({what_en}). Use a backup, and keep this file so the cause can be found."
        )
    }
}

fn damaged_at(lang: &str, name: &str, seq: u64, zh: &str, en: &str) -> String {
    if lang == "zh" {
        format!("记录在第 {seq} 条处损坏：{zh}。请改用 {name} 的备份，并保留这个文件以便查明原因。")
    } else {
        format!(
            "The record is damaged at event {seq}: {en}. Use a backup of {name}, and keep this file so the cause can be found."
        )
    }
}

/// [`damaged_everywhere`], with the sentence of a damaged file: what is
/// wrong with it is `what_zh` / `what_en`.
fn damaged_file_everywhere(d: &Path, name: &str, what_zh: &str, what_en: &str, detail: bool) {
    let sentence = |lang: &str| damaged(lang, name, what_zh, what_en);
    damaged_everywhere(d, name, &sentence, detail);
}

/// `open` and `import` refuse it and leave it byte for byte as it was (no
/// writer note); `verify` and `export` give the same sentence.
fn damaged_everywhere(d: &Path, name: &str, sentence: &dyn Fn(&str) -> String, detail: bool) {
    damaged_for(d, name, every_command(name), sentence, detail);
}

fn damaged_for(
    d: &Path,
    name: &str,
    commands: Vec<Vec<&str>>,
    sentence: &dyn Fn(&str) -> String,
    detail: bool,
) {
    let before = std::fs::read(d.join(name)).unwrap();
    for args in commands {
        for lang in ["zh", "en"] {
            let o = run(d, lang, &args);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
            if detail {
                refused_with_detail(&o, lang, &sentence(lang));
            } else {
                refused(&o, lang, &sentence(lang));
            }
            assert!(!stderr(&o).contains("ceping verify"), "{}", stderr(&o));
        }
    }
    assert_eq!(std::fs::read(d.join(name)).unwrap(), before, "{name}");
    assert!(
        std::fs::metadata(sidecar(&d.join(name), "-wal")).map_or(true, |m| m.len() == 0),
        "{name}: something was written"
    );
}

#[test]
fn a_malformed_file_is_damaged() {
    let (dir, path) = campaign_in("m.ceping", 3);
    let d = dir.path();
    let (root, page) = {
        let c = rusqlite::Connection::open(&path).unwrap();
        let root: i64 = c
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'events'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let page: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        (root, page)
    };
    let mut bytes = std::fs::read(&path).unwrap();
    let at = ((root - 1) * page) as usize;
    bytes[at..at + 16].fill(0xff);
    std::fs::write(&path, bytes).unwrap();
    damaged_file_everywhere(
        d,
        "m.ceping",
        "SQLite 发现数据库的结构已损坏",
        "SQLite found its structure malformed",
        true,
    );
}

#[test]
fn a_cut_short_file_is_damaged() {
    let (dir, path) = campaign_in("t.ceping", 3);
    let d = dir.path();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 3000]).unwrap();
    damaged_file_everywhere(
        d,
        "t.ceping",
        "文件不完整，像是被截短了",
        "the file is incomplete, as if cut short",
        false,
    );
    // Cut inside the header: SQLite's own magic, but nothing more.
    std::fs::write(d.join("h.ceping"), &bytes[..60]).unwrap();
    damaged_file_everywhere(
        d,
        "h.ceping",
        "文件不完整，像是被截短了",
        "the file is incomplete, as if cut short",
        false,
    );
}

#[test]
fn bad_text_in_a_record_is_said_once() {
    let (dir, path) = campaign_in("u.ceping", 3);
    let d = dir.path();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TRIGGER events_no_update;
             UPDATE events SET body = CAST(x'7b22ff22' AS TEXT) WHERE seq = 3;",
        )
        .unwrap();
    let sentence = |lang: &str| {
        damaged_at(
            lang,
            "u.ceping",
            3,
            "body 栏里的文字编码无效",
            "its body field is not valid UTF-8 text",
        )
    };
    damaged_everywhere(d, "u.ceping", &sentence, false);
    let o = run(d, "en", &["verify", "u.ceping"]);
    assert_eq!(stderr(&o).matches("UTF-8").count(), 1, "{}", stderr(&o));
}

/// Deleting the counter's row used to hide a deleted tail.
#[test]
fn a_deleted_sequence_row_is_damage() {
    let (dir, path) = campaign_in("s.ceping", 4);
    let d = dir.path();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TRIGGER events_no_delete;
             DELETE FROM events WHERE seq > 4;
             DELETE FROM sqlite_sequence WHERE name = 'events';",
        )
        .unwrap();
    let sentence = |lang: &str| {
        damaged_at(
            lang,
            "s.ceping",
            5,
            "记录编号的计数（sqlite_sequence）被删除或改动过，无法确认末尾没有记录被删除",
            "the event counter (sqlite_sequence) was deleted or changed, so events deleted from the end cannot be ruled out",
        )
    };
    // The projector follows a file event by event and does not look at
    // the counter: every other command does.
    let mut commands = every_command("s.ceping");
    commands.retain(|args| args[0] != "projector");
    damaged_for(d, "s.ceping", commands, &sentence, false);
}
