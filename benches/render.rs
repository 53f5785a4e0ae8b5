//! Rendering on a large campaign: 20 units, 200 people, 10,000 ballots.
//!
//! One frame of every screen at 200x60 (target: at most 2 ms a frame), and
//! keystroke-to-frame in ballot entry for keys that only change the draft
//! (target: at most 1 ms), with `Enter` (one durable append, fsync
//! included) alongside for reference.
//!
//! The campaign file is built once per run, outside the measured loops
//! (10,000+ durable commits). Every screen is reached through the real
//! keymap (`App::on_key`), as the liaison would reach it.
//!
//! Run: `cargo bench --bench render` (while others build in the tree:
//! `CARGO_TARGET_DIR=/tmp/render-target cargo bench --bench render`).

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use ceping::app::{App, ScreenId, Status};
use ceping::domain::{AgendaStep, MeetingKind};
use support::large::{BALLOTS_PER_UNIT, build};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// This thread's time on a CPU and waiting in the run queue, in ns
/// (`/proc/thread-self/schedstat`; Linux only).
fn schedstat() -> Option<(u64, u64)> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let mut it = text.split_whitespace().map(|v| v.parse::<u64>().ok());
    Some((it.next()??, it.next()??))
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(key(code));
    if let Some(Status::Error(e)) = &app.status {
        panic!("key {code:?} was refused: {e}");
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| ceping::ui::draw(f, app)).unwrap();
}

/// The agenda of the meeting on screen must be at `step`.
fn assert_step(app: &App, step: &AgendaStep) {
    assert!(
        matches!(app.screen.id(), ScreenId::Agenda(_)),
        "{:?}",
        app.screen.id()
    );
    assert_eq!(app.current_step().as_ref(), Some(step));
}

/// From the street board, select row `row` with Down and open it.
fn open_row(app: &mut App, row: usize) {
    assert_eq!(app.screen.id(), ScreenId::Home);
    while app.home_selected > row {
        press(app, KeyCode::Up);
    }
    while app.home_selected < row {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

/// The street board row of a unit's annual review (units in order, each
/// with its two meetings).
fn annual_row(unit: usize) -> usize {
    unit * MeetingKind::ALL.len()
}

fn bench_render(c: &mut Criterion) {
    // On the project's disk, not a RAM-backed /tmp: fsync must be real.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("large.ceping");
    let started = Instant::now();
    let session = build(&path);
    let took = started.elapsed();
    let events = session.model.events;
    println!(
        "set-up: large campaign (20 units, 200 people, {} ballots, {events} events) \
         created and keyed in {:.2} s ({:.0} us per durable commit)",
        20 * BALLOTS_PER_UNIT,
        took.as_secs_f64(),
        took.as_secs_f64() * 1e6 / events as f64
    );

    let mut app = App::new(session, support::t0());
    let mut term = terminal();
    let names: Vec<String> = app
        .model()
        .campaign
        .units
        .iter()
        .map(|u| u.name.clone())
        .collect();
    let unit_on_screen = |app: &App| app.meeting_key().map(|k| k.unit.clone());

    // ---------------------------------------------------------------- screens
    let mut g = c.benchmark_group("frame_200x60");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);

    // Street board, a started meeting selected (its results beside).
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.home_selected, annual_row(1));
    g.bench_function("home", |b| b.iter(|| draw(&mut term, &app)));

    // g: the grading board (评定等次) of the whole street, then Esc back.
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.screen.id(), ScreenId::Grading);
    g.bench_function("grading_board", |b| b.iter(|| draw(&mut term, &app)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen.id(), ScreenId::Home);
    assert_eq!(app.home_selected, annual_row(1));

    // Enter: the agenda of 柳溪村's annual review, at counting, with results.
    press(&mut app, KeyCode::Enter);
    assert_step(&app, &AgendaStep::Counting);
    assert_eq!(unit_on_screen(&app).as_ref(), Some(&names[1]));
    g.bench_function("agenda_counting", |b| b.iter(|| draw(&mut term, &app)));

    // Enter at counting: ballot entry, empty draft.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen.id(), ScreenId::Ballots(_)));
    g.bench_function("ballot_entry", |b| b.iter(|| draw(&mut term, &app)));

    // ? : the help overlay over ballot entry.
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help());
    g.bench_function("help_overlay", |b| b.iter(|| draw(&mut term, &app)));
    press(&mut app, KeyCode::Esc); // any key closes help, and only that
    assert!(!app.help() && matches!(app.screen.id(), ScreenId::Ballots(_)));

    // A second unit: t at counting (rather than Enter) asks to set its
    // keyed ballots aside (one method per round; set-up only: one event),
    // then opens the tally-sheet screen at pass 1 (its keyer question
    // answered with Enter).
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    open_row(&mut app, annual_row(2));
    assert_step(&app, &AgendaStep::Counting);
    press(&mut app, KeyCode::Char('t'));
    for c in "bench".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen.id(), ScreenId::Sheet(_)));
    assert!(app.prompt().is_none());
    assert_eq!(unit_on_screen(&app).as_ref(), Some(&names[2]));
    g.bench_function("tally_sheet", |b| b.iter(|| draw(&mut term, &app)));

    // A third unit, moved back with p to the roll call (each p is an
    // AgendaMoved event: set-up only).
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    open_row(&mut app, annual_row(3));
    while app.current_step() != Some(AgendaStep::RollCall) {
        press(&mut app, KeyCode::Char('p'));
    }
    assert_step(&app, &AgendaStep::RollCall);
    g.bench_function("agenda_roll_call", |b| b.iter(|| draw(&mut term, &app)));

    // n: the Party secretary's oral report; Space starts the timer; the
    // clock (which the event loop sets) then reads 7 min 40 s later, so the
    // timer runs in its warning band.
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(
        app.current_step(),
        Some(AgendaStep::OralReport { .. })
    ));
    press(&mut app, KeyCode::Char(' '));
    app.now = support::t0() + chrono::Duration::seconds(7 * 60 + 40);
    assert!(app.timer_visible());
    g.bench_function("agenda_oral_timer", |b| b.iter(|| draw(&mut term, &app)));
    g.finish();

    // ------------------------------------------------ keystrokes, no fsync
    // Back to 柳溪村's ballot entry: Esc, Up to its row, Enter, Enter.
    press(&mut app, KeyCode::Esc);
    open_row(&mut app, annual_row(1));
    assert_step(&app, &AgendaStep::Counting);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen.id(), ScreenId::Ballots(_)));
    let lines = app.current_round().unwrap().lines.len();
    let entered = app.current_round().unwrap().ballots.len();
    // Room for the timed saves: more issued and returned than will be
    // keyed, so Enter saves rather than asking about a ballot beyond 收回
    // (set-up only, untimed).
    let round = app.current_round().unwrap().key.clone();
    for event in [
        ceping::domain::Event::BallotsIssued {
            round: round.clone(),
            count: ceping::domain::checks::MAX_COUNT,
        },
        ceping::domain::Event::BallotsReturned {
            round,
            count: ceping::domain::checks::MAX_COUNT,
        },
    ] {
        app.session.record(event).unwrap();
    }
    draw(&mut term, &app);

    let mut g = c.benchmark_group("keystroke_to_frame_200x60");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);

    // A grade digit: 1-4 in turn (the first fills the empty draft, the
    // others set the row under the cursor).
    let mut i = 0usize;
    g.bench_function("grade_digit", |b| {
        b.iter(|| {
            i += 1;
            let digit = char::from(b'1' + (i % 4) as u8);
            app.on_key(black_box(key(KeyCode::Char(digit))));
            draw(&mut term, &app);
        })
    });

    // A row letter: a .. i in turn (the cursor jumps there).
    let rows: Vec<char> = ceping::app::draft::ROW_KEYS[..lines].to_vec();
    let mut i = 0usize;
    g.bench_function("row_letter", |b| {
        b.iter(|| {
            i += 1;
            app.on_key(black_box(key(KeyCode::Char(rows[i % rows.len()]))));
            draw(&mut term, &app);
        })
    });

    // Down: the cursor moves one row; at the last row, `a` (untimed) takes
    // it back to the top so that every timed Down really moves it.
    g.bench_function("down", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                if app.draft().cursor + 1 >= lines {
                    app.on_key(key(KeyCode::Char('a')));
                    draw(&mut term, &app);
                }
                let t0 = Instant::now();
                app.on_key(black_box(key(KeyCode::Down)));
                draw(&mut term, &app);
                total += t0.elapsed();
            }
            total
        })
    });
    g.finish();

    // On a shared machine a frame can wait for a CPU as long as it runs:
    // the same keys once more, with this thread's on-CPU time and run-queue
    // wait (Linux schedstat) beside the wall-clock time.
    if let Some((cpu0, wait0)) = schedstat() {
        let n = 600u32;
        let t0 = Instant::now();
        for i in 0..n as usize {
            let code = match i % 3 {
                0 => KeyCode::Char(char::from(b'1' + (i % 4) as u8)),
                1 => KeyCode::Char(rows[i % rows.len()]),
                _ => KeyCode::Down,
            };
            app.on_key(key(code));
            draw(&mut term, &app);
        }
        let wall = t0.elapsed();
        let (cpu1, wait1) = schedstat().unwrap_or((cpu0, wait0));
        let per = |ns: u64| ns as f64 / 1e3 / f64::from(n);
        println!(
            "keystroke_to_frame, {n} keys: wall {:.0} us, on CPU {:.0} us, \
             waiting for a CPU {:.0} us per key",
            wall.as_secs_f64() * 1e6 / f64::from(n),
            per(cpu1 - cpu0),
            per(wait1 - wait0)
        );
    }
    // None of those wrote anything.
    assert_eq!(app.current_round().unwrap().ballots.len(), entered);

    // --------------------------------------------- keystroke with the fsync
    let mut g = c.benchmark_group("keystroke_to_frame_with_fsync_200x60");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4))
        .sample_size(30)
        .sampling_mode(SamplingMode::Flat);
    // Enter on a complete draft: check + JSON + SHA-256 + INSERT + fsync +
    // fold + redraw. The draft (a grade digit fills it, a row letter and a
    // second grade vary it) is keyed untimed before each Enter.
    let mut i = 0usize;
    g.bench_function("enter_commit_incl_fsync", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                i += 1;
                app.on_key(key(KeyCode::Char(char::from(b'1' + (i % 2) as u8))));
                app.on_key(key(KeyCode::Char(rows[i % rows.len()])));
                app.on_key(key(KeyCode::Char(char::from(b'1' + (i % 4) as u8))));
                draw(&mut term, &app);
                let before = app.current_round().unwrap().ballots.len();
                let t0 = Instant::now();
                app.on_key(black_box(key(KeyCode::Enter)));
                draw(&mut term, &app);
                total += t0.elapsed();
                assert_eq!(app.current_round().unwrap().ballots.len(), before + 1);
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
