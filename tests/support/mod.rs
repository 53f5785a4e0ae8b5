//! The test kit, shared by every test and bench: fixtures, the meeting
//! builder, the binary runner, one seeded generator, one fixed clock.
//!
//! - [`campaign`]: a small campaign with invented names, and ballots keyed
//!   straight into its annual review;
//! - [`meeting`]: a meeting recorded through `Session::record` (open a
//!   round, roll call, issue and collect, move to counting, key ballots,
//!   acknowledge the warnings, close);
//! - [`app`]: the app driven through its keymap by named key scripts
//!   (`to_counting_script`, `sheet_script`) and rendered to a test
//!   terminal;
//! - [`board`]: the grading board's rows and quota sentences;
//! - [`bin`]: the real `ceping` binary;
//! - [`tmux`]: the binary in a real terminal;
//! - [`large`]: the benchmarks' large campaign, keyed up to counting.
//!
//! Included by the one test binary (`tests/it/main.rs`: `#[path =
//! "../support/mod.rs"] mod support;`, its modules use `crate::support`),
//! by the suites kept in binaries of their own (`tests/crash.rs`,
//! `tests/e2e_tmux.rs`, `tests/projector_e2e.rs`: `#[path =
//! "support/mod.rs"] mod support;`), and by the benches (`#[path =
//! "../tests/support/mod.rs"] mod support;`).
#![allow(dead_code)]

pub mod app;
pub mod bin;
pub mod board;
pub mod campaign;
pub mod large;
pub mod meeting;
pub mod modes;
pub mod recount;
pub mod tmux;

use chrono::{DateTime, FixedOffset};

use ceping::i18n::Lang;

/// The fixed clock of every test: the morning of the meetings,
/// 2022-01-10 09:00 in Beijing time.
pub fn t0() -> DateTime<FixedOffset> {
    at("2022-01-10T09:00:00+08:00")
}

/// A moment given as RFC 3339 (`2022-01-10T09:30:00+08:00`).
pub fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

/// The text for `l`: `zh` or `en`.
pub fn zh_en(l: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match l {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A small deterministic generator (xorshift64*): the same seed gives the
/// same numbers on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
