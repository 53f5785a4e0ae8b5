//! The campaign file wherever it goes (issue 10): one writer however the
//! file is reached, nothing written or created beside something that is
//! not a campaign file, read-only media, private permissions, and a clear
//! sentence in both languages for every way a file can fail.
//!
//! Some cases need the operating system's help: a full disk and a
//! write-protected medium use a small tmpfs (`mount`, root only); a
//! read-only folder, a read-only file and a file without permission use
//! `chmod`, which does not stop root, so as root they run ceping as the
//! user `nobody` (`setpriv`). A case the machine cannot set up is skipped
//! with the reason printed.

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use ceping::domain::{BallotContent, Event};
use ceping::store::{Damage, FileProblem, Looks, Store, StoreError, sidecar};
use support::bin::{BIN, stderr, stdout};
use support::campaign::*;

/// `ceping --lang LANG ARGS` in `dir`, without a terminal.
fn run(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--lang")
        .arg(lang)
        .args(args)
        .current_dir(dir)
        .env_remove("CEPING_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The same, as the user `nobody` (for `chmod` cases when we are root).
fn run_as(user: &Runner, dir: &Path, lang: &str, args: &[&str]) -> Output {
    match user {
        Runner::Me => run(dir, lang, args),
        Runner::Nobody => Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
            .arg("--lang")
            .arg(lang)
            .args(args)
            .current_dir(dir)
            .env_remove("CEPING_LANG")
            .stdin(Stdio::null())
            .output()
            .unwrap(),
    }
}

/// What every message must be: no doubled stop, no raw line alone.
fn well_formed(text: &str) {
    for doubled in ["。。", "。.", ".。", "：：", "；。", "..\n"] {
        assert!(!text.contains(doubled), "{doubled:?} in {text}");
    }
    assert!(!text.contains("Error code"), "raw SQLite text in {text}");
}

/// The command failed with exit 1 and exactly `sentence` (after the
/// "错误："/"error: " prefix), and at most one detail line after it.
fn refused(o: &Output, lang: &str, sentence: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let prefix = if lang == "zh" { "错误：" } else { "error: " };
    let mut lines = err.lines();
    assert_eq!(
        lines.next(),
        Some(format!("{prefix}{sentence}").as_str()),
        "{err}"
    );
    if let Some(detail) = lines.next() {
        let label = if lang == "zh" {
            "详情："
        } else {
            "detail: "
        };
        assert!(detail.starts_with(label), "{err}");
        assert!(detail.len() > label.len(), "{err}");
    }
    assert_eq!(lines.next(), None, "{err}");
    well_formed(&err);
}

/// Like `refused`, and the detail line is there.
fn refused_with_detail(o: &Output, lang: &str, sentence: &str) {
    refused(o, lang, sentence);
    assert_eq!(stderr(o).lines().count(), 2, "{}", stderr(o));
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A campaign file with `ballots` ballots, closed cleanly.
fn campaign(path: &Path, ballots: u32) {
    let mut s = Store::create(path, &small_campaign()).unwrap();
    run_ballots(&mut s, ballots);
    drop(s);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Are we root (whom `chmod` does not stop)?
#[cfg(unix)]
fn root() -> bool {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata("/proc/self") {
        Ok(m) => m.uid() == 0,
        Err(_) => Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n")),
    }
}

/// Who runs ceping in the `chmod` cases.
enum Runner {
    Me,
    /// We are root: ceping runs as `nobody`, whom `chmod` does stop.
    Nobody,
}

impl Runner {
    /// `None` (with the reason printed) when permissions cannot be tested.
    #[cfg(unix)]
    fn find(test: &str) -> Option<Runner> {
        if !root() {
            return Some(Runner::Me);
        }
        let works = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if works {
            Some(Runner::Nobody)
        } else {
            eprintln!(
                "{test}: skipped: running as root, whom chmod does not stop, and setpriv cannot switch to nobody"
            );
            None
        }
    }

    /// Give `path` to the user who runs ceping.
    #[cfg(unix)]
    fn own(&self, path: &Path) {
        if let Runner::Nobody = self {
            std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
        }
    }
}

/// A small tmpfs mounted at `dir`, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// `None` (with the reason printed) where mounting is not allowed.
    fn mount(dir: &Path, size: &str, test: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0755")])
            .arg("tmpfs")
            .arg(dir)
            .output();
        match o {
            Ok(o) if o.status.success() => Some(Tmpfs(dir.to_path_buf())),
            Ok(o) => {
                eprintln!(
                    "{test}: skipped: cannot mount a tmpfs here ({})",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("{test}: skipped: no mount command ({e})");
                None
            }
        }
    }

    /// Make it read-only, like a write-protected USB stick.
    fn write_protect(&self) {
        let o = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

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
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("南塘村.ceping");
    campaign(&path, 2);
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ceping");
    campaign(&path, 1);
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

/// Every command that opens a campaign file, on `name`.
fn every_command(name: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["open", name],
        vec!["import", name, "roster.csv"],
        vec!["verify", name],
        vec!["export", name, "--format", "json"],
        vec!["export", name, "--format", "csv", "-o", "out.csv"],
        vec!["ballots", name, "--unit", "南塘村", "-o", "forms.xlsx"],
        vec!["projector", name],
    ]
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
            refused(&run(d, "zh", &args), "zh", &not_ceping("zh", name, zh));
            refused(&run(d, "en", &args), "en", &not_ceping("en", name, en));
        }
        let err = Store::open(&d.join(name)).unwrap_err();
        assert!(
            matches!(err.problem(), Some(FileProblem::NotCeping(_))),
            "{err:?}"
        );
    }
    for args in every_command("folder.ceping") {
        let o = run(d, "zh", &args);
        refused(
            &o,
            "zh",
            "folder.ceping 是一个文件夹，不是考核文件。请给出其中 .ceping 文件的完整路径。",
        );
        let o = run(d, "en", &args);
        refused(
            &o,
            "en",
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
        let o = run(dir.path(), "zh", &args);
        refused(
            &o,
            "zh",
            &not_ceping("zh", "/dev/null", "这不是普通文件，而是设备或管道之类"),
        );
        let o = run(dir.path(), "en", &args);
        refused(
            &o,
            "en",
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
        refused(
            &run(d, "zh", &args),
            "zh",
            "找不到文件 a.ceping。请检查路径，或用 ceping init 新建。",
        );
        refused(
            &run(d, "en", &args),
            "en",
            "a.ceping not found. Check the path, or create it with ceping init.",
        );
    }
    let mut commands = every_command("U盘/a.ceping");
    commands.push(vec!["init", "U盘/a.ceping"]);
    for args in commands {
        refused(
            &run(d, "zh", &args),
            "zh",
            "找不到文件夹 U盘，也就没有 U盘/a.ceping。请检查路径（U 盘是否插好）。",
        );
        refused(
            &run(d, "en", &args),
            "en",
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
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("m.ceping");
    campaign(&path, 3);
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
    let sentence = |lang: &str| {
        damaged(
            lang,
            "m.ceping",
            "SQLite 发现数据库的结构已损坏",
            "SQLite found its structure malformed",
        )
    };
    damaged_everywhere(d, "m.ceping", &sentence, true);
}

#[test]
fn a_cut_short_file_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("t.ceping");
    campaign(&path, 3);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 3000]).unwrap();
    let sentence = |lang: &str| {
        damaged(
            lang,
            "t.ceping",
            "文件不完整，像是被截短了",
            "the file is incomplete, as if cut short",
        )
    };
    damaged_everywhere(d, "t.ceping", &sentence, false);
    // Cut inside the header: SQLite's own magic, but nothing more.
    std::fs::write(d.join("h.ceping"), &bytes[..60]).unwrap();
    let sentence = |lang: &str| {
        damaged(
            lang,
            "h.ceping",
            "文件不完整，像是被截短了",
            "the file is incomplete, as if cut short",
        )
    };
    damaged_everywhere(d, "h.ceping", &sentence, false);
}

#[test]
fn bad_text_in_a_record_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("u.ceping");
    campaign(&path, 3);
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
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("s.ceping");
    campaign(&path, 4);
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
    let mut s = Store::create(&path, &small_campaign()).unwrap();
    run_ballots(&mut s, 2);
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
    let mut s = Store::create(&live, &small_campaign()).unwrap();
    run_ballots(&mut s, 3);
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
    for lang in ["zh", "en"] {
        let o = run(d, lang, &["verify", "stick/c.ceping"]);
        let sentence = if lang == "zh" {
            "stick/c.ceping-wal 里还有尚未并入 stick/c.ceping 的记录，而文件夹 stick 不可写，无法读取这些记录。请把 stick/c.ceping 和 stick/c.ceping-wal 一起复制到可写的文件夹再打开。"
        } else {
            "stick/c.ceping-wal holds records not yet folded into stick/c.ceping, and the folder stick is not writable, so they cannot be read. Copy stick/c.ceping together with stick/c.ceping-wal to a writable folder and open it there."
        };
        refused(&o, lang, sentence);
    }
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
    let Some(runner) = Runner::find("a_read_only_file_cannot_be_written_but_is_read") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    chmod(d, 0o777);
    let path = d.join("r.ceping");
    campaign(&path, 3);
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
    let Some(runner) = Runner::find("a_file_without_permission_is_said_so") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    chmod(d, 0o777);
    let path = d.join("p.ceping");
    campaign(&path, 1);
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
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("a.ceping");
    campaign(&path, 1);
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
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("a.ceping");
    campaign(&path, 1);
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
