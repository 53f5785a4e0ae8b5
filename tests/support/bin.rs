//! The real `ceping` binary, run as a user runs it: never with a language
//! from the environment (`CEPING_LANG` is removed; `--lang en` asks for
//! English).
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_ceping");

/// `ceping` without `CEPING_LANG`, to add arguments, folder and input to.
pub fn command() -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("CEPING_LANG");
    cmd
}

/// `ceping ARGS` in `dir`, to its end.
pub fn ceping(dir: &Path, args: &[&str]) -> Output {
    command().args(args).current_dir(dir).output().unwrap()
}

/// `ceping ARGS` in this folder, with paths or text as arguments.
pub fn ceping_args(args: &[&dyn AsRef<OsStr>]) -> Output {
    let mut cmd = command();
    for a in args {
        cmd.arg(a);
    }
    cmd.output().unwrap()
}

/// Bytes as text (lossy).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn stdout(o: &Output) -> String {
    text(&o.stdout)
}

pub fn stderr(o: &Output) -> String {
    text(&o.stderr)
}
