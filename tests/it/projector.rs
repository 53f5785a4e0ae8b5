//! The projector without a terminal: its screens rendered from a
//! `ProjectorState` into ratatui's `TestBackend` (snapshots at 80x24 and
//! 200x60 in both languages; every size renders cleanly), and its follower
//! against a real campaign file written by a `Session` in the same test
//! (new events are folded, a missing or replaced file is reported, the
//! writer's checkpoints are never blocked).
//!
//! Snapshots show big digits and bars, which are coloured spaces, as
//! letters for their colour (see [`picture`]).

use crate::support::app;

use crate::support::app::{lock, problems};
use crate::support::{t0, zh_en};
use ceping::domain::{
    AgendaStep, BallotContent, Event, Mark, MeetingKey, MeetingKind, Model, RoundKey, TimerAction,
};
use ceping::i18n::Lang;
use ceping::projector::{Follower, Problem, ProjectorState, draw};
use ceping::store::Store;
use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

const UNIT: &str = "南塘村";

fn meeting() -> MeetingKey {
    MeetingKey {
        unit: UNIT.into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn round() -> RoundKey {
    crate::support::meeting::key(UNIT, MeetingKind::AnnualReview, 1)
}

/// The demo campaign folded with `events` (in memory: no file, no clock).
fn model(events: &[Event]) -> Model {
    let mut m = Model::from_first(&Event::CampaignDefined {
        campaign: ceping::campaign_toml::demo(),
    })
    .unwrap();
    for e in events {
        m.apply(e).unwrap();
    }
    m
}

fn opened(present: u32) -> Vec<Event> {
    let lines = model(&[])
        .ballot_lines(UNIT, MeetingKind::AnnualReview)
        .unwrap();
    vec![
        Event::RoundOpened {
            round: round(),
            lines,
        },
        Event::RollCall {
            round: round(),
            expected: 45,
            present,
        },
    ]
}

fn moved(step: AgendaStep) -> Event {
    Event::AgendaMoved {
        meeting: meeting(),
        step,
    }
}

/// The first speaker, 7 min 30 s into a 10-minute report: the yellow band.
fn oral() -> Model {
    let speaker = "龚晓峰".to_string();
    let mut events = opened(40);
    events.push(moved(AgendaStep::OralReport {
        subject: speaker.clone(),
    }));
    events.push(Event::SpeechTimer {
        meeting: meeting(),
        subject: speaker,
        action: TimerAction::Start,
        at: t0() - Duration::seconds(450),
    });
    model(&events)
}

/// 40 issued and returned, `n` ballots entered: a varied, fixed pattern
/// (abstentions, a void mark, one blank and one invalid ballot).
fn counting(n: u32) -> Vec<Event> {
    let mut events = opened(40);
    events.extend([
        Event::BallotsIssued {
            round: round(),
            count: 40,
        },
        Event::BallotsReturned {
            round: round(),
            count: 40,
        },
        moved(AgendaStep::Counting),
    ]);
    let lines = 7;
    for i in 1..=n {
        let content = match i {
            5 => BallotContent::Blank,
            9 => BallotContent::Invalid,
            _ => BallotContent::Marks(
                (0..lines)
                    .map(|row| match (i as usize * 7 + row * 3) % 11 {
                        0 => Mark::Abstain,
                        1 if row == 2 => Mark::Void,
                        k => Mark::Grade(match k {
                            2..=6 => 0,
                            7..=8 => 1,
                            9 => 2,
                            _ => 3,
                        }),
                    })
                    .collect(),
            ),
        };
        events.push(Event::BallotRecorded {
            round: round(),
            number: i,
            content,
        });
    }
    events
}

/// All 40 ballots in, the round closed at the close step.
fn closed() -> Model {
    let mut events = counting(40);
    events.push(moved(AgendaStep::Close));
    events.push(Event::RoundClosed {
        round: round(),
        head: "3fa9c2d1e0b47a6655d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6".into(),
        at: None,
    });
    model(&events)
}

fn state(model: Model, hidden: bool) -> ProjectorState {
    ProjectorState {
        file: "m.ceping".into(),
        model: Some(model),
        problem: None,
        hidden,
        now: t0(),
    }
}

/// Render `state` at `w` x `h`; the frame's buffer. Panics if anything
/// sits under half of a double-width character (a terminal would not
/// show it) or a row is not the screen's width.
fn render(state: &ProjectorState, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal.draw(|f| draw(f, state)).unwrap();
    let found = problems(frame.buffer);
    assert!(found.is_empty(), "{w}x{h}: {found:?}");
    frame.buffer.clone()
}

/// A letter for a cell that is only a background colour.
fn colour_letter(c: Color) -> Option<char> {
    Some(match c {
        Color::Reset | Color::Black => return None,
        Color::LightGreen => 'G',
        Color::LightBlue => 'B',
        Color::LightYellow => 'Y',
        Color::LightRed => 'R',
        Color::LightCyan => 'C',
        Color::White => 'W',
        Color::Yellow => 'y',
        Color::DarkGray => '-',
        Color::Gray => 'g',
        _ => '?',
    })
}

/// The screen as text, one quoted row per line: a space with a coloured
/// background (a pixel of a big digit, a bar, a header bar) shows as the
/// colour's letter (`G` green, `B` blue, `Y` yellow, `R` red, `C` cyan,
/// `W` white, `g` grey, `y` dark yellow, `-` the dark track of a bar); a
/// double-width character takes two cells, as on a terminal.
fn picture(buf: &Buffer) -> String {
    let w = usize::from(buf.area.width);
    let mut out = String::new();
    for cells in buf.content.chunks(w.max(1)) {
        let mut line = String::new();
        let mut skip = 0;
        for c in cells {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = c.symbol();
            match colour_letter(c.bg) {
                Some(letter) if sym == " " => line.push(letter),
                _ => line.push_str(sym),
            }
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(&format!("\"{line}\"\n"));
    }
    out
}

/// The plain text of the screen (what a capture of the terminal reads).
fn text(buf: &Buffer) -> String {
    let w = usize::from(buf.area.width);
    let mut out = String::new();
    for cells in buf.content.chunks(w.max(1)) {
        let mut skip = 0;
        for c in cells {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(c.symbol());
            skip = c.symbol().width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// Snapshot `scene` in both languages at both sizes; `fact` must also hold
/// of each screen's plain text (one thing the scene is about, checked
/// without reading the snapshot).
fn snapshots(name: &str, scene: impl Fn() -> ProjectorState, fact: impl Fn(Lang, &str) -> bool) {
    app::each_lang(|lang, code| {
        for (w, h) in SIZES {
            let buf = render(&scene(), w, h);
            let screen = text(&buf);
            assert!(fact(lang, &screen), "{name}_{code}_{w}x{h}:\n{screen}");
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), picture(&buf));
        }
    });
}

/// The progress line of `counting(23)`: 23 of the 40 returned entered.
fn entered_23_of_40(l: Lang) -> &'static str {
    zh_en(l, "已录入 23 / 收回 40", "Entered 23 / Returned 40")
}

#[test]
fn snapshot_oral_report_timer() {
    snapshots(
        "oral_timer",
        || state(oral(), false),
        |l, s| {
            s.contains(zh_en(
                l,
                "议程：口头述职：龚晓峰",
                "Agenda: Oral report: 龚晓峰",
            ))
        },
    );
}

#[test]
fn snapshot_counting() {
    snapshots(
        "counting",
        || state(model(&counting(23)), false),
        |l, s| s.contains(entered_23_of_40(l)),
    );
}

#[test]
fn snapshot_counting_hidden() {
    snapshots(
        "counting_hidden",
        || state(model(&counting(23)), true),
        |l, s| s.contains(entered_23_of_40(l)) && !s.contains("龚晓峰"),
    );
}

#[test]
fn snapshot_closed_round() {
    snapshots(
        "closed",
        || state(closed(), true),
        |l, s| s.contains(zh_en(l, "指纹 3fa9c2d1e0b4", "fingerprint 3fa9c2d1e0b4")),
    );
}

#[test]
fn the_timer_follows_the_laptops_colour_bands() {
    let _guard = lock(Lang::Zh);
    let mut s = state(oral(), false);
    // (seconds since the start, colour of the digits, text beside them)
    for (at, colour, shows) in [
        (0, Color::LightGreen, "10:00"),
        (419, Color::LightGreen, "03:01"),
        (420, Color::LightYellow, "03:00"),
        (540, Color::LightRed, "01:00"),
        (600, Color::LightRed, "00:00"),
        (661, Color::LightRed, "+01:01"),
    ] {
        s.now = t0() + Duration::seconds(at - 450);
        let buf = render(&s, 100, 30);
        let lit: Vec<Color> = buf
            .content
            .iter()
            .filter(|c| {
                c.symbol() == " "
                    && [Color::LightGreen, Color::LightYellow, Color::LightRed].contains(&c.bg)
            })
            .map(|c| c.bg)
            .collect();
        assert!(
            !lit.is_empty() && lit.iter().all(|&c| c == colour),
            "{at} s: {lit:?}"
        );
        assert_eq!(
            ceping::projector::view::running_timer(&s).as_deref(),
            Some(shows),
            "{at} s"
        );
        let overtime = text(&buf).contains("已超时");
        assert_eq!(overtime, at > 600, "{at} s");
    }
}

#[test]
fn hiding_shows_only_progress_until_the_round_closes() {
    let _guard = lock(Lang::En);
    let open = model(&counting(23));
    let shown = text(&render(&state(open.clone(), false), 100, 30));
    let hidden = text(&render(&state(open, true), 100, 30));
    for s in [&shown, &hidden] {
        assert!(s.contains("Entered 23 / Returned 40"), "{s}");
    }
    assert!(
        shown.contains("龚晓峰") && shown.contains("称职"),
        "{shown}"
    );
    assert!(
        !hidden.contains("龚晓峰") && !hidden.contains("称职"),
        "{hidden}"
    );
    assert!(hidden.contains("Results will be announced when the round closes"));
    assert!(hidden.contains("results hidden"));
    // Once closed, the results show whatever `h` says, with the fingerprint.
    let done = text(&render(&state(closed(), true), 100, 30));
    assert!(done.contains("龚晓峰"), "{done}");
    assert!(done.contains("fingerprint 3fa9c2d1e0b4"), "{done}");
}

#[test]
fn the_projector_follows_the_latest_meeting_else_the_first_started() {
    let m = model(&counting(3));
    assert_eq!(ceping::projector::view::shown_meeting(&m), Some(meeting()));
    let mut m = m;
    m.current = None;
    assert_eq!(ceping::projector::view::shown_meeting(&m), Some(meeting()));
    assert_eq!(ceping::projector::view::shown_meeting(&model(&[])), None);
    let _guard = lock(Lang::Zh);
    let waiting = text(&render(&state(model(&[]), false), 80, 24));
    assert!(waiting.contains("等待会议开始"), "{waiting}");
}

#[test]
fn every_size_renders_without_panic() {
    let _guard = lock(Lang::Zh);
    let missing = ProjectorState {
        problem: Some(Problem::Missing),
        ..state(oral(), false)
    };
    let loading = ProjectorState {
        model: None,
        ..state(model(&[]), false)
    };
    let mut written = opened(40);
    written.push(moved(AgendaStep::WrittenReports));
    let mut issued = counting(0);
    issued.push(moved(AgendaStep::CollectBallots));
    let scenes = [
        state(oral(), false),
        state(model(&counting(23)), false),
        state(model(&counting(23)), true),
        state(closed(), false),
        state(model(&[]), false),
        state(model(&opened(40)), false),
        state(model(&written), false),
        state(model(&issued), false),
        missing,
        loading,
    ];
    let mut sizes: Vec<u16> = (1..=200).step_by(17).collect();
    sizes.extend([39, 40, 41, 79, 80, 81, 199, 200]);
    let mut heights: Vec<u16> = (1..=60).step_by(7).collect();
    heights.extend([11, 12, 13, 23, 24, 25, 59, 60]);
    for scene in &scenes {
        for &w in &sizes {
            for &h in &heights {
                render(scene, w, h);
            }
        }
    }
    let tiny = text(&render(&scenes[0], 39, 24));
    assert!(tiny.contains("窗口太小"), "{tiny}");
}

// ---- The follower, against a real file.

fn demo_file() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    ceping::store::Session,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ceping");
    let session = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
    (dir, path, session)
}

#[test]
fn the_follower_folds_only_new_events() {
    let (_dir, path, mut session) = demo_file();
    let mut model = None;
    let mut f = Follower::open(&path, &mut model).unwrap();
    assert_eq!(model.as_ref().map(|m| m.events), Some(1));
    assert!(!f.poll(&mut model), "nothing new");
    for e in counting(5) {
        session.record(e).unwrap();
        assert!(f.poll(&mut model));
        assert_eq!(model.as_ref(), Some(&session.model));
        assert!(!f.poll(&mut model));
    }
    // Several commits between two polls arrive together.
    for e in counting(8).into_iter().skip(counting(5).len()) {
        session.record(e).unwrap();
    }
    assert!(f.poll(&mut model));
    assert_eq!(model.as_ref(), Some(&session.model));
    assert_eq!(f.problem, None);
}

#[test]
fn the_follower_never_blocks_a_checkpoint() {
    let (_dir, path, mut session) = demo_file();
    let mut model = None;
    let mut f = Follower::open(&path, &mut model).unwrap();
    for e in counting(20) {
        session.record(e).unwrap();
        f.poll(&mut model);
        // TRUNCATE waits for every reader; busy = 1 would mean one held on.
        let (busy, _, _): (i64, i64, i64) = session
            .store
            .connection()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(busy, 0);
    }
    assert_eq!(model.as_ref(), Some(&session.model));
}

#[test]
fn a_missing_file_is_reported_and_followed_again_when_back() {
    let (dir, path, mut session) = demo_file();
    let mut model = None;
    let mut f = Follower::open(&path, &mut model).unwrap();
    let away = dir.path().join("away.ceping");
    std::fs::rename(&path, &away).unwrap();
    assert!(f.poll(&mut model));
    assert_eq!(f.problem, Some(Problem::Missing));
    assert!(!f.poll(&mut model), "still missing: nothing new to draw");
    std::fs::rename(&away, &path).unwrap();
    session.record(counting(0).remove(0)).unwrap();
    assert!(f.poll(&mut model));
    assert_eq!(f.problem, None);
    assert_eq!(model.as_ref(), Some(&session.model));

    let _guard = lock(Lang::Zh);
    let s = ProjectorState {
        problem: Some(Problem::Missing),
        ..state(session.model.clone(), false)
    };
    let screen = text(&render(&s, 80, 24));
    assert!(
        screen.contains("找不到考核文件") && screen.contains("m.ceping（可能被删除或移走）"),
        "{screen}"
    );
}

#[test]
fn a_replaced_file_is_reported_until_reloaded() {
    let (_dir, path, mut session) = demo_file();
    for e in counting(3) {
        session.record(e).unwrap();
    }
    let mut model = None;
    let mut f = Follower::open(&path, &mut model).unwrap();
    drop(session);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(ceping::store::sidecar(&path, suffix));
    }
    let mut other = ceping::campaign_toml::demo();
    other.title = "另一份考核".into();
    drop(Store::create(&path, &other).unwrap());
    assert!(f.poll(&mut model));
    assert_eq!(f.problem, Some(Problem::Replaced));
    // What was on screen stays in memory, not mixed with the new file.
    assert_eq!(
        model.as_ref().map(|m| m.events),
        Some(1 + counting(3).len() as u64)
    );
    f.reload(&mut model);
    assert_eq!(f.problem, None);
    assert_eq!(
        model.as_ref().map(|m| m.campaign.title.as_str()),
        Some("另一份考核")
    );
}

/// A closed round whose announcement does not fit the window is shown a
/// page at a time, the page turning every ten seconds by itself: on a
/// small window (80x16) every person is read out on some page, each page
/// says which it is; where everyone fits (80x24, 200x60) there is one page
/// and no page line.
#[test]
fn a_long_announcement_turns_its_pages_by_itself() {
    app::each_lang(|l, _| {
        let names = crate::support::campaign::NANTANG;
        let page_word = zh_en(l, "页（每 10 秒翻页）", "(turns every 10 s)");
        let mut seen = std::collections::BTreeSet::new();
        let mut pages = None;
        for k in 0..8 {
            let mut s = state(closed(), false);
            s.now = t0() + Duration::seconds(10 * k);
            let shown = text(&render(&s, 80, 16));
            assert!(shown.contains(page_word), "{k}:\n{shown}");
            if k == 1 {
                insta::assert_snapshot!(
                    format!(
                        "announcement_page_{}_80x16",
                        if l == Lang::Zh { "zh" } else { "en" }
                    ),
                    shown
                );
            }
            let n: usize = match l {
                Lang::Zh => shown
                    .split_once("页（")
                    .unwrap()
                    .0
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .trim()
                    .parse()
                    .unwrap(),
                Lang::En => shown
                    .split_once(" (turns")
                    .unwrap()
                    .0
                    .rsplit(' ')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap(),
            };
            pages = Some(n);
            for (i, name) in names.iter().enumerate() {
                if shown.contains(&format!("{}. {name}", i + 1)) {
                    seen.insert(i);
                }
            }
        }
        assert!(pages.unwrap() > 1);
        assert_eq!(seen.len(), names.len(), "everyone on some page: {seen:?}");
        for (w, h) in [(80, 24), (200, 60)] {
            let big = text(&render(&state(closed(), false), w, h));
            assert!(!big.contains(page_word), "{big}");
            for (i, name) in names.iter().enumerate() {
                assert!(big.contains(&format!("{}. {name}", i + 1)), "{big}");
            }
        }
    });
}
