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

use std::collections::HashSet;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeZone};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use ceping::app::{App, Screen, Status};
use ceping::domain::{
    AgendaStep, BallotContent, Campaign, Event, Mark, MeetingDef, MeetingKey, MeetingKind,
    ReportMode, Role, RoundKey, Rules, Subject, Unit, UnitKind, WorkGroup,
};
use ceping::store::{Session, Store};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const BALLOTS_PER_UNIT: u32 = 500;

/// Invented unit names; the ones ending in 社区 are communities.
const UNITS: [&str; 20] = [
    "青石村",
    "柳溪村",
    "桃源村",
    "杨家湾村",
    "白沙村",
    "黄泥岗村",
    "东湖社区",
    "西街社区",
    "枫林村",
    "石桥村",
    "梅岭村",
    "荷塘村",
    "新华社区",
    "长岗村",
    "竹园村",
    "马鞍山村",
    "金港社区",
    "双河村",
    "莲花社区",
    "泉水村",
];

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃戴莫孔向汤";
const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红海燕春晓峰宏波辉鹏飞玲丹萍鑫斌宇浩凯健俊帆旭宁德文武玉珍梅琳雪松林荣昌盛新福贵";

/// A small deterministic generator (xorshift64*), so every run keys the
/// same ballots.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Unique invented names of 2 or 3 characters.
struct Names {
    rng: Rng,
    used: HashSet<String>,
    surnames: Vec<char>,
    given: Vec<char>,
}

impl Names {
    fn new() -> Names {
        Names {
            rng: Rng(0x5eed_1234_abcd_0042),
            used: HashSet::new(),
            surnames: SURNAMES.chars().collect(),
            given: GIVEN.chars().collect(),
        }
    }

    fn next(&mut self) -> String {
        loop {
            let mut name = String::new();
            name.push(self.surnames[self.rng.below(self.surnames.len() as u64) as usize]);
            let given = if self.rng.below(3) == 0 { 1 } else { 2 };
            for _ in 0..given {
                name.push(self.given[self.rng.below(self.given.len() as u64) as usize]);
            }
            if self.used.insert(name.clone()) {
                return name;
            }
        }
    }
}

/// The large campaign: 20 units of 10 people each, both meetings.
fn large_campaign() -> Campaign {
    let mut names = Names::new();
    let units = UNITS
        .iter()
        .map(|&name| {
            let mut subjects = vec![Subject {
                name: names.next(),
                role: Role::PartySecretary,
                report: ReportMode::Oral,
            }];
            for _ in 0..7 {
                subjects.push(Subject {
                    name: names.next(),
                    role: Role::CommitteeMember,
                    report: ReportMode::Written,
                });
            }
            subjects.push(Subject {
                name: names.next(),
                role: Role::WorkTeamLeader,
                report: ReportMode::Oral,
            });
            subjects.push(Subject {
                name: names.next(),
                role: Role::WorkTeamMember,
                report: ReportMode::Written,
            });
            Unit {
                name: name.to_string(),
                kind: if name.ends_with("社区") {
                    UnitKind::Community
                } else {
                    UnitKind::Village
                },
                work_group: WorkGroup {
                    lead: names.next(),
                    liaison: names.next(),
                    members: vec![names.next(), names.next()],
                },
                subjects,
                meetings: MeetingKind::ALL.to_vec(),
            }
        })
        .collect();
    Campaign {
        title: "青山街道2021年度对村(社区)年度考核（基准测试）".into(),
        year: 2021,
        meetings: vec![
            MeetingDef {
                kind: MeetingKind::AnnualReview,
                scale: MeetingKind::AnnualReview.default_scale(),
                speaker_minutes: 10,
            },
            MeetingDef {
                kind: MeetingKind::PartyBuildingReview,
                scale: MeetingKind::PartyBuildingReview.default_scale(),
                speaker_minutes: 8,
            },
        ],
        rules: Rules::default(),
        units,
    }
}

/// One ballot's content. Most people get mostly 优秀/称职; in some units one
/// person does badly enough to raise the 2/3 warning or the 1/3 flag, so
/// the warnings list is drawn too. About 1.5 % blank and 1 % invalid
/// ballots, and some abstentions and void marks.
fn ballot(rng: &mut Rng, unit: usize, lines: usize) -> BallotContent {
    match rng.below(1000) {
        0..15 => return BallotContent::Blank,
        15..25 => return BallotContent::Invalid,
        _ => {}
    }
    let marks = (0..lines)
        .map(|line| {
            // Cumulative per mille for grades 0..3, then abstain; rest void.
            let cut: [u64; 5] = if unit % 5 == 3 && line == 4 {
                [150, 500, 700, 950, 980] // top two 50 %: below 2/3
            } else if unit % 7 == 5 && line == 6 {
                [100, 300, 550, 950, 980] // lowest 40 %: above 1/3
            } else {
                [620, 900, 960, 980, 993]
            };
            let r = rng.below(1000);
            match cut.iter().position(|&c| r < c) {
                Some(g @ 0..=3) => Mark::Grade(g as u8),
                Some(_) => Mark::Abstain,
                None => Mark::Void,
            }
        })
        .collect();
    BallotContent::Marks(marks)
}

/// Create the campaign file and key every unit's annual review up to
/// counting, with 500 ballots each.
fn build(path: &Path) -> Session {
    let campaign = large_campaign();
    assert_eq!(campaign.units.len(), 20);
    assert_eq!(campaign.subject_count(), 200);
    let mut session = Store::create(path, &campaign).unwrap();
    let mut rng = Rng(0x00c0_ffee_d00d_2021);
    for (u, unit) in campaign.units.iter().enumerate() {
        let meeting = MeetingKind::AnnualReview;
        let round = RoundKey {
            unit: unit.name.clone(),
            meeting,
            round: 1,
        };
        let lines = session.model.ballot_lines(&unit.name, meeting).unwrap();
        let n_lines = lines.len();
        let setup = [
            Event::RoundOpened {
                round: round.clone(),
                lines,
            },
            Event::RollCall {
                round: round.clone(),
                expected: 520,
                present: BALLOTS_PER_UNIT,
            },
            Event::BallotsIssued {
                round: round.clone(),
                count: BALLOTS_PER_UNIT,
            },
            Event::BallotsReturned {
                round: round.clone(),
                count: BALLOTS_PER_UNIT,
            },
            Event::AgendaMoved {
                meeting: MeetingKey {
                    unit: unit.name.clone(),
                    meeting,
                },
                step: AgendaStep::Counting,
            },
        ];
        for event in setup {
            session.record(event).unwrap();
        }
        for number in 1..=BALLOTS_PER_UNIT {
            session
                .record(Event::BallotRecorded {
                    round: round.clone(),
                    number,
                    content: ballot(&mut rng, u, n_lines),
                })
                .unwrap();
        }
    }
    session
}

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

fn fixed_now() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2022, 1, 10, 9, 0, 0)
        .unwrap()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| ceping::ui::draw(f, app)).unwrap();
}

/// The agenda of the meeting on screen must be at `step`.
fn assert_step(app: &App, step: &AgendaStep) {
    assert!(matches!(app.screen, Screen::Agenda(_)), "{:?}", app.screen);
    assert_eq!(app.current_step().as_ref(), Some(step));
}

/// From the street board, select row `row` with Down and open it.
fn open_row(app: &mut App, row: usize) {
    assert_eq!(app.screen, Screen::Home);
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

    let mut app = App::new(session, fixed_now());
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
    assert_eq!(app.screen, Screen::Grading);
    g.bench_function("grading_board", |b| b.iter(|| draw(&mut term, &app)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home_selected, annual_row(1));

    // Enter: the agenda of 柳溪村's annual review, at counting, with results.
    press(&mut app, KeyCode::Enter);
    assert_step(&app, &AgendaStep::Counting);
    assert_eq!(unit_on_screen(&app).as_ref(), Some(&names[1]));
    g.bench_function("agenda_counting", |b| b.iter(|| draw(&mut term, &app)));

    // Enter at counting: ballot entry, empty draft.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Ballots(_)));
    g.bench_function("ballot_entry", |b| b.iter(|| draw(&mut term, &app)));

    // ? : the help overlay over ballot entry.
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    g.bench_function("help_overlay", |b| b.iter(|| draw(&mut term, &app)));
    press(&mut app, KeyCode::Esc); // any key closes help, and only that
    assert!(!app.help && matches!(app.screen, Screen::Ballots(_)));

    // A second unit: t at counting (rather than Enter) opens the tally-sheet
    // screen at pass 1; nothing is saved.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    open_row(&mut app, annual_row(2));
    assert_step(&app, &AgendaStep::Counting);
    press(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.screen, Screen::Sheet(_)));
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
    app.now = fixed_now() + chrono::Duration::seconds(7 * 60 + 40);
    assert!(app.timer_visible());
    g.bench_function("agenda_oral_timer", |b| b.iter(|| draw(&mut term, &app)));
    g.finish();

    // ------------------------------------------------ keystrokes, no fsync
    // Back to 柳溪村's ballot entry: Esc, Up to its row, Enter, Enter.
    press(&mut app, KeyCode::Esc);
    open_row(&mut app, annual_row(1));
    assert_step(&app, &AgendaStep::Counting);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Ballots(_)));
    let lines = app.current_round().unwrap().lines.len();
    let entered = app.current_round().unwrap().ballots.len();
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
                if app.draft.cursor + 1 >= lines {
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
