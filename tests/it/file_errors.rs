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

mod media;
mod refused;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::bin::{BIN, stderr, stdout};
use crate::support::campaign::*;
use ceping::domain::{BallotContent, Event};
use ceping::store::{Damage, FileProblem, Looks, Store, StoreError, sidecar};

/// `ceping --lang LANG ARGS` in `dir`, without a terminal.
fn run(dir: &Path, lang: &str, args: &[&str]) -> Output {
    run_as(&Runner::Me, dir, lang, args)
}

/// The same, as the user `nobody` (for `chmod` cases when we are root).
fn run_as(user: &Runner, dir: &Path, lang: &str, args: &[&str]) -> Output {
    let mut cmd = match user {
        Runner::Me => Command::new(BIN),
        Runner::Nobody => {
            let mut setpriv = Command::new("setpriv");
            setpriv.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
            setpriv
        }
    };
    cmd.arg("--lang")
        .arg(lang)
        .args(args)
        .current_dir(dir)
        .env_remove("CEPING_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
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

/// `ceping ARGS` in `dir` is refused in Chinese with `zh` and in English
/// with `en` (see [`refused`]).
fn refused_in_both(dir: &Path, args: &[&str], zh: &str, en: &str) {
    refused(&run(dir, "zh", args), "zh", zh);
    refused(&run(dir, "en", args), "en", en);
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
    drop(small_file(path, ballots));
}

/// A fresh folder holding the campaign file `name` with `ballots`
/// ballots (see [`campaign`]).
fn campaign_in(name: &str, ballots: u32) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    campaign(&path, ballots);
    (dir, path)
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

/// A `chmod` case: who runs ceping (`None`: the test is skipped, see
/// [`Runner::find`]), and a fresh folder that anyone may enter holding the
/// campaign file `name` with `ballots` ballots.
#[cfg(unix)]
fn chmod_case(
    test: &str,
    name: &str,
    ballots: u32,
) -> Option<(Runner, tempfile::TempDir, PathBuf)> {
    let runner = Runner::find(test)?;
    let (dir, path) = campaign_in(name, ballots);
    chmod(dir.path(), 0o777);
    Some((runner, dir, path))
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
