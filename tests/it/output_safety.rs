//! No output over a campaign (issue 10): `export`, `ballots`, `merge` and
//! the `d` key refuse an output that is the campaign being read (by any
//! name: `./`, an absolute path, a symlink, a hard link; also while the file
//! is open for writing), any other campaign file, a `-wal`, `-shm` or
//! `.lock`, a folder or a missing folder, even with `--force`, with one
//! sentence, exit 1; the campaign still verifies with the same events, and
//! no temporary file is left behind. Normal outputs still work: a new file
//! is written, `--force` replaces a normal file, and without it an existing
//! file is kept.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::bin::stderr;
use crate::support::campaign::run_ballots;
use ceping::fsid::{OutputKind, OutputRefusal, check_output};
use ceping::store::{Store, verify};

mod d_key;
mod other_outputs;
mod the_campaign;

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

/// A fresh folder with the demo campaign `m.ceping` (see [`campaign`]).
fn fresh_campaign() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign(dir.path(), "m.ceping");
    (dir, path)
}

/// Each language, each command writing an output, with and without
/// `--force` (merge has none).
fn each_case(mut case: impl FnMut(Lang, Cmd, bool)) {
    for lang in LANGS {
        for cmd in CMDS {
            for &force in cmd.forces() {
                case(lang, cmd, force);
            }
        }
    }
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

/// No temporary file was left in `dir` (see [`temp_files`]).
fn no_temp_files(dir: &Path) {
    assert_eq!(temp_files(dir), Vec::<String>::new());
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}
