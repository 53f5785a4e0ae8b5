//! Crash safety: a child process appends events and prints each seq only
//! after its append returned; we kill it (SIGKILL on Unix, TerminateProcess
//! on Windows) at random moments. Every acknowledged event must be in the
//! file afterwards, and the file must verify.
//!
//! The waits before each kill come from a seeded generator; the seed is
//! printed, and `CEPING_CRASH_SEED=<seed>` replays the same waits
//! (`CEPING_CRASH_KILLS` sets the number of kills, default 50).

#[path = "support/mod.rs"]
mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use ceping::store::verify::verify;
use support::Rng;

fn kills() -> u32 {
    std::env::var("CEPING_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
}

/// The generator's seed: `CEPING_CRASH_SEED` when set (to replay a
/// failure), else the time. Never 0, which would make xorshift stick at 0.
fn seed() -> u64 {
    match std::env::var("CEPING_CRASH_SEED") {
        Ok(v) => {
            let seed: u64 = v
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("CEPING_CRASH_SEED={v:?} is not a whole number"));
            assert_ne!(seed, 0, "CEPING_CRASH_SEED must not be 0");
            seed
        }
        Err(_) => {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        }
    }
}

#[test]
fn every_acknowledged_event_survives_a_kill() {
    let exe = support::bin::BIN;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ceping");
    let init = Command::new(exe).arg("init").arg(&path).output().unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );

    let seed = seed();
    eprintln!("crash test seed {seed} (replay with CEPING_CRASH_SEED={seed})");
    let mut rng = Rng(seed);
    let mut acknowledged = 0u64;
    let mut killed_mid_run = 0;

    for round in 0..kills() {
        let mut child = Command::new(exe)
            .args(["debug-append", "--count", "1000000"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.trim().parse::<u64>().ok())
                .last()
        });
        // Kill anywhere from before the file is open to well into appending.
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        if let Some(last) = reader.join().unwrap() {
            assert!(
                last >= acknowledged,
                "seq went backwards in round {round}, seed {seed}"
            );
            acknowledged = last;
        }
        let report = verify(&path).unwrap_or_else(|e| panic!("round {round}, seed {seed}: {e}"));
        assert!(
            report.events >= acknowledged,
            "round {round}, seed {seed}: acknowledged {acknowledged} but the file has {}",
            report.events
        );
    }
    assert!(killed_mid_run > 0, "no child was ever killed mid-run");
    assert!(acknowledged > 0, "no append was ever acknowledged");
}
