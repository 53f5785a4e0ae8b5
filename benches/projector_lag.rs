//! Lag from commit to the projector's frame.
//!
//! The writer (this process's main thread, holding the writer lock) keys
//! ballots one by one through `Session::record`, at an irregular pace like
//! a ballot caller's (a pause of 0-80 ms before each), and notes the time
//! right after each `record` returned (the ballot is durable and visible).
//! The projector runs in a thread with its own read-only connection, the
//! same loop as `ceping projector`: `Projector::tick` (stat + `PRAGMA
//! data_version`, and on news read + fold the new events) every
//! `follow::POLL`, then a frame at 200x60 into ratatui's `TestBackend`; it
//! notes the time each frame showing a new ballot count was drawn. The lag
//! of ballot n is the first frame showing at least n minus n's commit.
//! A real terminal adds its own output time to the frame.
//!
//! Also measured: an idle poll (nothing new) and a poll that folds one
//! ballot plus its frame.
//!
//! Run: `cargo bench --bench projector_lag` (`CEPING_LAG_COMMITS=1000` for
//! a longer run; default 300).

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use ceping::domain::{Event, Model, RoundKey};
use ceping::projector::{Projector, draw, follow, view};
use ceping::store::{Session, Store};
use support::meeting::{cycling, to_counting};

fn round() -> RoundKey {
    support::campaign::annual_round("南塘村")
}

/// A demo campaign file at the counting step of its first meeting, with
/// `n` ballots returned.
fn counting_file(dir: &Path, n: u32) -> (PathBuf, Session) {
    let path = dir.join("lag.ceping");
    let mut session = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
    to_counting(&mut session, &round(), [n + 10, n, n, n]);
    (path, session)
}

fn ballot(session: &Session, i: u32) -> Event {
    let lines = session.model.rounds[&round()].lines.len();
    Event::BallotRecorded {
        round: round(),
        number: session.model.rounds[&round()].ballots.len() as u32 + 1,
        content: cycling(i, lines),
    }
}

/// The ballots entered in the meeting the projector shows.
fn entered(model: Option<&Model>) -> u64 {
    model
        .and_then(|m| {
            let key = view::shown_meeting(m)?;
            let r = m.current_round(&key.unit, key.meeting)?;
            Some(m.tally(r).entered)
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn lag(commits: u32) {
    // On the project's disk, not a RAM-backed /tmp: fsync must be real.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let (path, mut session) = counting_file(dir.path(), commits);

    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<(u64, Instant)>();
    let projector = {
        let stop = stop.clone();
        let path = path.clone();
        std::thread::spawn(move || {
            let mut p = Projector::open(&path).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
            let mut shown = u64::MAX;
            let mut dirty = true;
            while !stop.load(Ordering::Relaxed) {
                if p.tick() || dirty {
                    dirty = false;
                    terminal.draw(|f| draw(f, &p.state)).unwrap();
                    let now = entered(p.state.model.as_ref());
                    if now != shown {
                        shown = now;
                        let _ = tx.send((now, Instant::now()));
                    }
                }
                std::thread::sleep(p.until_next_poll());
            }
        })
    };
    // Let the projector open and draw its first frame.
    while rx.recv_timeout(Duration::from_secs(10)).unwrap().0 != 0 {}

    let mut rng = support::Rng(0x5eed_0000_01a9);
    let mut committed = Vec::with_capacity(commits as usize);
    for i in 1..=commits {
        std::thread::sleep(Duration::from_millis(rng.below(81)));
        let event = ballot(&session, i);
        session
            .record(event)
            .expect("the writer never sees an error");
        committed.push(Instant::now());
    }
    let mut frames: Vec<(u64, Instant)> = Vec::new();
    while frames.last().is_none_or(|f| f.0 < u64::from(commits)) {
        frames.push(
            rx.recv_timeout(Duration::from_secs(10))
                .expect("the projector showed every ballot"),
        );
    }
    stop.store(true, Ordering::Relaxed);
    projector.join().unwrap();

    let mut lags: Vec<Duration> = committed
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let frame = frames
                .iter()
                .find(|f| f.0 > i as u64)
                .expect("a frame shows it");
            frame.1.saturating_duration_since(at)
        })
        .collect();
    lags.sort();
    let mean = lags.iter().sum::<Duration>() / lags.len() as u32;
    println!(
        "projector lag, commit to frame (200x60), {} commits, poll every {}:",
        commits,
        ms(follow::POLL)
    );
    println!(
        "  median {}   p99 {}   max {}   mean {}   (target p99 < 250 ms)",
        ms(percentile(&lags, 0.5)),
        ms(percentile(&lags, 0.99)),
        ms(*lags.last().unwrap()),
        ms(mean)
    );
    println!(
        "  {} frames for {} commits (several commits between two polls share a frame)",
        frames.len() - 1,
        commits
    );
}

/// One poll that finds nothing new, and one that folds a ballot and draws.
fn poll_costs() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let (path, mut session) = counting_file(dir.path(), 2000);
    let mut model = None;
    let mut f = follow::Follower::open(&path, &mut model).unwrap();
    let n = 20_000u32;
    let start = Instant::now();
    for _ in 0..n {
        assert!(!f.poll(&mut model));
    }
    let idle = start.elapsed() / n;

    let mut state = view::ProjectorState {
        file: "lag.ceping".into(),
        model,
        problem: None,
        hidden: false,
        now: chrono::Local::now().fixed_offset(),
    };
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut spent = Duration::ZERO;
    let rounds = 500u32;
    for i in 0..rounds {
        let event = ballot(&session, i);
        session.record(event).unwrap();
        let start = Instant::now();
        assert!(f.poll(&mut state.model));
        terminal.draw(|frame| draw(frame, &state)).unwrap();
        spent += start.elapsed();
    }
    println!(
        "  idle poll (stat + PRAGMA data_version): {:.1} µs",
        idle.as_secs_f64() * 1e6
    );
    println!(
        "  poll that folds one ballot + frame at 200x60: {}",
        ms(spent / rounds)
    );
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (`cargo test
    // --all-targets`) gets a quick smoke run.
    let full = std::env::args().any(|a| a == "--bench");
    let commits = std::env::var("CEPING_LAG_COMMITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 300 } else { 20 });
    lag(commits);
    if full {
        poll_costs();
    }
}
