//! The projector end to end, as two processes: this test is the liaison's
//! ceping (it holds the writer lock and records through `Session::record`)
//! and the real `ceping projector` binary runs in a real terminal (tmux),
//! read-only on the same file. After each commit the test waits until the
//! projector's screen shows it.
//!
//! Needs tmux (`.ci/run` installs it). Every wait polls the screen with a
//! generous timeout that only guards against a hang; how fast the
//! projector follows is measured by `benches/projector_lag.rs`, not here.
#![cfg(unix)]

#[path = "support/mod.rs"]
mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use ceping::domain::{AgendaStep, Event, RoundKey, TimerAction};
use ceping::store::Store;
use support::campaign::annual_round;
use support::meeting::{cycling, open_round, to_counting};
use support::tmux::*;

fn round() -> RoundKey {
    annual_round("南塘村")
}

#[test]
fn the_projector_shows_each_of_100_ballots_as_the_writer_commits_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let path = dir.join("m.ceping");
    let mut session = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
    to_counting(&mut session, &round(), [110, 100, 100, 100]);

    let term = Term::start(dir, "p", "", "projector m.ceping", (100, 30));
    term.wait_for(&[
        "南塘村  述职测评大会",
        "议程：唱票计票",
        "已录入 0 / 收回 100",
    ]);
    let lines = session.model.rounds[&round()].lines.len();
    for i in 1..=100u32 {
        let recorded = session.record(Event::BallotRecorded {
            round: round(),
            number: i,
            content: cycling(i, lines),
        });
        // The projector reads beside the writer: never a busy error.
        assert!(recorded.is_ok(), "ballot {i}: {recorded:?}");
        term.wait_for(&[&format!("已录入 {i} / 收回 100")]);
    }
    // The first person's count: 25 of each grade.
    let screen = term.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("龚晓峰"))
        .unwrap_or_else(|| panic!("龚晓峰 not on the projector:\n{screen}"));
    assert_eq!(
        row.split_whitespace().take(5).collect::<Vec<_>>(),
        ["龚晓峰", "25", "25", "25", "25"],
        "{screen}"
    );

    // Nothing holds a read snapshot between polls: a checkpoint that waits
    // for every reader goes through.
    let busy: i64 = session
        .store
        .connection()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(busy, 0, "a reader held the checkpoint up");

    // h hides the results until the round is closed; again shows them.
    term.press(&["h"]);
    let hidden = term.wait_for(&[
        "结果将在本轮结束后公布",
        "结果暂不显示",
        "已录入 100 / 收回 100",
    ]);
    assert!(!hidden.contains("龚晓峰"), "{hidden}");
    term.press(&["h"]);
    term.wait_for(&["龚晓峰"]);

    // q quits at once (there is nothing to save) and gives the terminal back.
    term.press(&["q"]);
    term.assert_ended("0");
    drop(term);

    // The projector wrote nothing: the log is the writer's, and verifies.
    let events = session.model.events;
    drop(session);
    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.replay().unwrap().events, events);
}

#[test]
fn a_missing_file_is_shown_the_timer_ticks_and_sigterm_restores_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let path = dir.join("m.ceping");
    let mut session = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();

    let term = Term::start(dir, "en", "", "--lang en projector m.ceping", (100, 30));
    term.wait_for(&["Waiting for a meeting to start", "read-only"]);

    // Moved away: the projector says so and retries every second.
    let away = dir.join("away.ceping");
    std::fs::rename(&path, &away).unwrap();
    term.wait_for(&["The campaign file m.ceping is gone", "retries every second"]);
    // Back, and the liaison starts the meeting and the first oral report:
    // the projector follows, and its timer ticks on its own.
    std::fs::rename(&away, &path).unwrap();
    open_round(&mut session, &round());
    let meeting = round().meeting_key();
    let speaker = "龚晓峰".to_string();
    for e in [
        Event::AgendaMoved {
            meeting: meeting.clone(),
            step: AgendaStep::OralReport {
                subject: speaker.clone(),
            },
        },
        Event::SpeechTimer {
            meeting,
            subject: speaker,
            action: TimerAction::Start,
            at: chrono::Local::now().fixed_offset(),
        },
    ] {
        session.record(e).unwrap();
    }
    term.wait_for(&[
        "南塘村  Annual review  round 1",
        "Agenda: Oral report: 龚晓峰",
        "Time left",
        "Timer: running",
    ]);
    let before = term.screen_in_colour();
    let start = Instant::now();
    while term.screen_in_colour() == before {
        assert!(start.elapsed() < PATIENCE, "the timer did not tick");
        std::thread::sleep(Duration::from_millis(100));
    }

    let kill = Command::new("kill")
        .args(["-TERM", &term.pid()])
        .status()
        .unwrap();
    assert!(kill.success());
    term.assert_ended(&(128 + 15).to_string());
}
