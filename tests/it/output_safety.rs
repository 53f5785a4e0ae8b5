//! No output over a campaign (issue 10): `export`, `ballots`, `merge` and
//! the `d` key refuse an output that is the campaign being read (by any
//! name: `./`, an absolute path, a symlink, a hard link; also while the file
//! is open for writing), any other campaign file, a `-wal`, `-shm` or
//! `.lock`, a folder or a missing folder, even with `--force`, with one
//! sentence, exit 1; the campaign still verifies with the same events, and
//! no temporary file is left behind. Normal outputs still work: a new file
//! is written, `--force` replaces a normal file, and without it an existing
//! file is kept.

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use ceping::fsid::{OutputKind, OutputRefusal, check_output};
use ceping::store::{Store, verify};
use support::bin::stderr;
use support::campaign::run_ballots;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Zh,
    En,
}

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// The real binary in `dir`, in `lang`.
fn ceping(dir: &Path, lang: Lang, args: &[&str]) -> Output {
    let mut cmd = support::bin::command();
    if lang == Lang::En {
        cmd.args(["--lang", "en"]);
    }
    cmd.args(args).current_dir(dir).output().unwrap()
}

/// The commands that write an output, each with its own example name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Export(&'static str),
    Ballots,
    Merge,
}

const CMDS: [Cmd; 5] = [
    Cmd::Export("xlsx"),
    Cmd::Export("csv"),
    Cmd::Export("json"),
    Cmd::Ballots,
    Cmd::Merge,
];

impl Cmd {
    /// The arguments writing `out` from `campaign`.
    fn args(self, campaign: &str, out: &str, force: bool) -> Vec<String> {
        let mut v: Vec<String> = match self {
            Cmd::Export(format) => vec!["export", campaign, "--format", format, "-o", out],
            Cmd::Ballots => vec!["ballots", campaign, "--unit", "南塘村", "-o", out],
            // merge has no --force: OUT is never overwritten.
            Cmd::Merge => vec!["merge", out, campaign],
        }
        .into_iter()
        .map(String::from)
        .collect();
        if force && self != Cmd::Merge {
            v.push("--force".into());
        }
        v
    }

    /// With and without `--force` (merge has none).
    fn forces(self) -> &'static [bool] {
        if self == Cmd::Merge {
            &[false]
        } else {
            &[false, true]
        }
    }

    fn example(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Cmd::Export("csv"), Lang::Zh) => "结果.csv",
            (Cmd::Export("csv"), Lang::En) => "results.csv",
            (Cmd::Export("json"), Lang::Zh) => "结果.json",
            (Cmd::Export("json"), Lang::En) => "results.json",
            (Cmd::Export(_), Lang::Zh) => "结果.xlsx",
            (Cmd::Export(_), Lang::En) => "results.xlsx",
            (Cmd::Ballots, Lang::Zh) => "选票.xlsx",
            (Cmd::Ballots, Lang::En) => "ballots.xlsx",
            (Cmd::Merge, Lang::Zh) => "街道汇总.ceping",
            (Cmd::Merge, Lang::En) => "street.ceping",
        }
    }

    /// Run it in `dir` and expect exit 1 with `sentence` on stderr.
    fn refused(
        self,
        dir: &Path,
        lang: Lang,
        campaign: &str,
        out: &str,
        force: bool,
        sentence: &str,
    ) {
        let args = self.args(campaign, out, force);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = ceping(dir, lang, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let prefix = match lang {
            Lang::Zh => "错误：",
            Lang::En => "error: ",
        };
        assert_eq!(
            stderr(&o).trim_end(),
            format!("{prefix}{sentence}"),
            "{args:?}"
        );
    }
}

/// The exact sentences.
fn itself(lang: Lang, out: &str, example: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("输出文件 {out} 就是考核文件本身，不能覆盖它。请换一个文件名，例如 {example}。")
        }
        Lang::En => format!(
            "The output {out} is the campaign file itself; it cannot be overwritten. Choose another name, e.g. {example}."
        ),
    }
}

fn other_campaign(lang: Lang, out: &str, example: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("输出文件 {out} 是另一个考核文件，不能覆盖它。请换一个文件名，例如 {example}。")
        }
        Lang::En => format!(
            "The output {out} is another campaign file; it cannot be overwritten. Choose another name, e.g. {example}."
        ),
    }
}

fn sidecar(lang: Lang, out: &str, example: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "输出文件 {out} 是考核文件的 -wal、-shm 或 .lock 文件，不能写入或覆盖它。请换一个文件名，例如 {example}。"
        ),
        Lang::En => format!(
            "The output {out} is a -wal, -shm or .lock file of a campaign; it cannot be written or overwritten. Choose another name, e.g. {example}."
        ),
    }
}

fn folder(lang: Lang, out: &str, example: &str) -> String {
    let with = Path::new(out).join(example).display().to_string();
    match lang {
        Lang::Zh => format!("输出文件 {out} 是一个文件夹。请在后面加上文件名，例如 {with}。"),
        Lang::En => format!("The output {out} is a folder. Add a file name to it, e.g. {with}."),
    }
}

fn no_folder(lang: Lang, folder: &str, out: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("文件夹 {folder} 不存在，无法写入 {out}。请先建立这个文件夹，或换一个位置。")
        }
        Lang::En => format!(
            "The folder {folder} does not exist, so {out} cannot be written. Create the folder first, or choose another place."
        ),
    }
}

/// A demo campaign `name` in `dir` with five ballots keyed.
fn campaign(dir: &Path, name: &str) -> PathBuf {
    let o = ceping(dir, Lang::Zh, &["init", name]);
    assert!(o.status.success(), "{}", stderr(&o));
    let path = dir.join(name);
    let mut session = Store::open(&path).unwrap();
    run_ballots(&mut session, 5);
    drop(session);
    path
}

/// Events and chain head, from a verification that passes.
fn state(path: &Path) -> (u64, [u8; 32]) {
    let report = verify::verify(path).unwrap();
    (report.events, report.head)
}

/// `ceping verify` passes, and the file still holds `before`.
fn still_whole(dir: &Path, path: &Path, before: (u64, [u8; 32])) {
    let name = path.file_name().unwrap().to_str().unwrap();
    for lang in LANGS {
        let o = ceping(dir, lang, &["verify", name]);
        assert!(o.status.success(), "verify {name}: {}", stderr(&o));
    }
    assert_eq!(state(path), before, "{name} lost nothing");
}

/// Temporary files (`.NAME.PID-N.tmp`, a merge's `.NAME.merge-…tmp`) in
/// `dir`: there must be none.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.contains(".merge-"))
        .collect()
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[test]
fn the_campaign_itself_is_refused_by_any_name_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
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
    for lang in LANGS {
        for cmd in CMDS {
            for &force in cmd.forces() {
                for out in &targets {
                    let sentence = itself(lang, out, cmd.example(lang));
                    cmd.refused(d, lang, "m.ceping", out, force, &sentence);
                }
            }
        }
    }
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
    assert_eq!(temp_files(d), Vec::<String>::new());
    assert_eq!(temp_files(&d.join("sub")), Vec::<String>::new());
}

#[test]
fn the_campaign_open_for_writing_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
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
    assert_eq!(temp_files(d), Vec::<String>::new());
}

#[test]
fn the_campaign_being_written_by_another_process_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
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
    assert_eq!(temp_files(d), Vec::<String>::new());
}

#[test]
fn another_campaign_file_is_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
    let other = campaign(d, "other.ceping");
    std::fs::hard_link(&other, d.join("other-link.xlsx")).unwrap();
    let before = (state(&path), state(&other));
    let bytes = std::fs::read(&other).unwrap();
    for lang in LANGS {
        for cmd in CMDS {
            for &force in cmd.forces() {
                for out in ["other.ceping", "other-link.xlsx"] {
                    let sentence = other_campaign(lang, out, cmd.example(lang));
                    cmd.refused(d, lang, "m.ceping", out, force, &sentence);
                }
            }
        }
    }
    assert_eq!(std::fs::read(&other).unwrap(), bytes);
    still_whole(d, &path, before.0);
    still_whole(d, &other, before.1);
    assert_eq!(temp_files(d), Vec::<String>::new());
}

#[test]
fn sidecar_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
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
    for lang in LANGS {
        for cmd in CMDS {
            for &force in cmd.forces() {
                for out in outs {
                    let sentence = sidecar(lang, out, cmd.example(lang));
                    cmd.refused(d, lang, "m.ceping", out, force, &sentence);
                }
            }
        }
    }
    assert_eq!(std::fs::read(&lock).unwrap(), lock_bytes);
    for name in ["new.ceping-wal", "new.ceping-shm", "new.ceping.lock"] {
        assert!(!d.join(name).exists(), "{name} was not created");
    }
    still_whole(d, &path, before);
    assert_eq!(temp_files(d), Vec::<String>::new());
}

#[test]
fn folders_and_missing_folders_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
    let before = state(&path);
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("plain.txt"), b"x").unwrap();
    for lang in LANGS {
        for cmd in CMDS {
            for &force in cmd.forces() {
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
            }
        }
    }
    assert!(!d.join("no").exists());
    assert_eq!(std::fs::read_dir(d.join("sub")).unwrap().count(), 0);
    still_whole(d, &path, before);
    assert_eq!(temp_files(d), Vec::<String>::new());
}

#[test]
fn normal_outputs_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
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
        assert_eq!(temp_files(d), Vec::<String>::new());
    }
    still_whole(d, &path, before);
}

/// The `d` key: its output name is generated beside the campaign file,
/// but even a name that reaches the campaign (a hard link) is refused;
/// and the guard itself, directly.
#[test]
fn the_d_key_cannot_overwrite_the_campaign_and_the_guard_holds() {
    use ceping::app::{App, Status, export_path};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    ceping::i18n::set_lang(ceping::i18n::Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = campaign(d, "m.ceping");
    let other = campaign(d, "other.ceping");
    let now = chrono::DateTime::parse_from_rfc3339("2022-01-10T09:00:00+08:00").unwrap();
    let generated = export_path(&path, now, 1);
    std::fs::hard_link(&path, &generated).unwrap();

    let session = Store::open(&path).unwrap();
    let head = session.store.head();
    let mut app = App::new(session, now);
    let press = |app: &mut App, c: KeyCode| app.on_key(KeyEvent::new(c, KeyModifiers::NONE));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.run_deferred());
    let sentence = itself(Lang::Zh, &generated.display().to_string(), "结果.xlsx");
    match &app.status {
        Some(Status::Error(s)) => assert!(s.contains(&sentence), "{s}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.session.store.head(), head);
    drop(app);
    std::fs::remove_file(&generated).unwrap();
    let before = state(&path);
    still_whole(d, &path, before);

    // The guard, directly.
    std::fs::create_dir(d.join("sub")).unwrap();
    let hard = d.join("hard.ceping");
    std::fs::hard_link(&path, &hard).unwrap();
    let reading: &[&Path] = &[&path];
    let check = |out: &Path| check_output(out, reading, OutputKind::Xlsx);
    assert!(matches!(check(&path), Err(OutputRefusal::Itself { .. })));
    assert!(matches!(check(&hard), Err(OutputRefusal::Itself { .. })));
    assert!(matches!(
        check(&d.join("sub/../m.ceping")),
        Err(OutputRefusal::Itself { .. })
    ));
    #[cfg(unix)]
    {
        let soft = d.join("soft.xlsx");
        std::os::unix::fs::symlink(&path, &soft).unwrap();
        assert!(matches!(check(&soft), Err(OutputRefusal::Itself { .. })));
        // The campaign read through a symlink: its target is itself too.
        let via: &[&Path] = &[&soft];
        assert!(matches!(
            check_output(&path, via, OutputKind::Xlsx),
            Err(OutputRefusal::Itself { .. })
        ));
    }
    for name in ["m.ceping-wal", "m.ceping-shm", "m.ceping.lock", "x.LOCK"] {
        assert!(
            matches!(check(&d.join(name)), Err(OutputRefusal::Sidecar { .. })),
            "{name}"
        );
    }
    assert!(matches!(
        check(&other),
        Err(OutputRefusal::OtherCampaign { .. })
    ));
    // Any campaign file, even with no campaign being read.
    assert!(matches!(
        check_output(&path, &[], OutputKind::Csv),
        Err(OutputRefusal::OtherCampaign { .. })
    ));
    assert!(matches!(
        check(&d.join("sub")),
        Err(OutputRefusal::Folder { .. })
    ));
    assert!(matches!(
        check(&d.join("no/r.xlsx")),
        Err(OutputRefusal::NoFolder { .. })
    ));
    #[cfg(unix)]
    assert!(matches!(
        check(Path::new("/dev/null")),
        Err(OutputRefusal::Special { .. })
    ));
    assert!(check(&export_path(&path, now, 1)).is_ok());
    std::fs::write(d.join("old.xlsx"), b"old").unwrap();
    assert!(check(&d.join("old.xlsx")).is_ok(), "--force decides");

    // Both languages, the whole sentence.
    let out = d.join("m.ceping");
    let refusal = check(&out).unwrap_err();
    assert_eq!(
        refusal.to_string(),
        itself(Lang::Zh, &out.display().to_string(), "结果.xlsx")
    );
    ceping::i18n::set_lang(ceping::i18n::Lang::En);
    assert_eq!(
        refusal.to_string(),
        itself(Lang::En, &out.display().to_string(), "results.xlsx")
    );
    ceping::i18n::set_lang(ceping::i18n::Lang::Zh);
    assert_eq!(state(&path), before);
    assert_eq!(temp_files(d), Vec::<String>::new());
}
