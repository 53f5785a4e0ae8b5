//! Snapshots (zh and en, at 80x24, 100x30 and 160x45) of the screens
//! issue 13 changed: the agenda's marks and its 必须/提醒 headings, the
//! stopped timer, `v` in the footer when voiding is the way on, the flag
//! words and the rates' legend while counting, the announcement (公布结果),
//! the street board before a meeting (roster and plan) and with a closed
//! round (已结束 and its fingerprint), and the grading board's units tab.
//! Each screen is reached through keys only; each test also checks what a
//! liaison would look for first.
//!
//! Write new snapshots with `INSTA_UPDATE=always cargo test --test it
//! agenda_screens::` (and read them).

use ceping::app::App;
use ceping::domain::RoundStatus;
use ceping::i18n::Lang;
use ratatui::backend::TestBackend;

use crate::support::app::*;
use crate::support::zh_en;

const SIZES3: [(u16, u16); 3] = [(80, 24), (100, 30), (160, 45)];

/// The screen as text, each closed round's fingerprint masked (it covers
/// the events' wall-clock times).
fn masked(app: &App, backend: &TestBackend) -> String {
    let mut text = screen(backend);
    for round in app.model().rounds.values() {
        if let RoundStatus::Closed { head } = &round.status {
            text = text.replace(&head[..12], "############");
        }
    }
    text
}

/// Snapshot the screen `build` reaches, in both languages and three sizes,
/// after `check` has looked at it.
fn snap(name: &str, build: impl Fn(&mut App), check: impl Fn(Lang, &App, &TestBackend)) {
    each_lang(|l, tag| {
        let (_dir, mut app) = demo_app();
        build(&mut app);
        for (w, h) in SIZES3 {
            let b = render(&app, w, h);
            check(l, &app, &b);
            insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), masked(&app, &b));
        }
    });
}

/// Six of twelve ballots: three all 优秀, three all 优秀 but row c
/// (罗志明) 不称职: 罗志明 is flagged both ways.
const FLAGGED: &str = "<Enter> 1 <Enter> <Space> <Space> 1 c 4 <Enter> <Space> <Space> <Esc>";

/// Twelve ballots, the last six as above but all 优秀, one blank.
const TWELVE: &str = "<Enter> 1 <Enter> <Space> <Space> 1 c 4 <Enter> <Space> <Space> \
     1 <Enter> <Space> <Space> <Space> <Space> 0 <Enter> <Esc>";

fn oral_stopped(app: &mut App) {
    press(app, "<Enter> <Enter> e \"45 40\" <Enter> n <Space>");
    app.now += chrono::Duration::milliseconds(62_500);
    press(app, "s n");
}

fn collect_over(app: &mut App) {
    press(app, &collected_script(40, 41));
}

fn counting_flagged(app: &mut App) {
    press(app, &to_counting_script(12));
    press(app, FLAGGED);
}

fn announcement(app: &mut App) {
    press(app, &to_counting_script(12));
    press(app, TWELVE);
    press(app, "a n");
}

fn board_closed(app: &mut App) {
    announcement(app);
    press(app, "n <Enter> <Enter> p p <Esc>");
}

#[test]
fn agenda_after_a_stopped_speaker() {
    snap("oral_stopped", oral_stopped, |l, _, b| {
        let done = zh_en(l, "+ 口头述职：龚晓峰", "+ Oral report: 龚晓峰");
        assert!(shows(b, done), "{}", screen(b));
        assert!(shows(b, zh_en(l, "提醒", "Reminders")));
    });
}

#[test]
fn collecting_more_than_issued_shows_v_in_the_footer() {
    snap("collect_over", collect_over, |l, _, b| {
        assert!(footer_line(b).contains(zh_en(l, "作废本轮", "void round")));
        assert!(shows(b, zh_en(l, "必须", "Must")));
    });
}

#[test]
fn counting_names_the_flags_and_the_rates_base() {
    snap("counting_flagged", counting_flagged, |l, _, b| {
        let row = (0..b.buffer().area.height)
            .map(|y| row(b, y))
            .find(|r| r.contains("罗志明") && r.contains('%'))
            .unwrap_or_else(|| panic!("{}", screen(b)));
        // 称职及以上率 (50.0 %) is kept at every size: the warnings are about it.
        assert!(row.contains("50.0%"), "{row}");
        // The words beside the row where there is room (160 columns: at
        // 100 the rates' full names leave too little); in the warning
        // lines below the table at every size.
        let words = zh_en(l, "称职以上<2/3", "称职 or better <2/3");
        let w = b.buffer().area.width;
        if w >= 160 {
            assert!(row.contains(words), "{row}");
        }
        let warning = zh_en(
            l,
            "罗志明：称职及以上不足 2/3",
            "罗志明: 称职 or better below 2/3",
        );
        assert!(shows(b, warning), "{}", screen(b));
    });
}

#[test]
fn the_results_step_is_an_announcement() {
    snap("announcement", announcement, |l, _, b| {
        let read_out = zh_en(l, "应到 45 人，实到 40 人", "Expected 45, present 40");
        assert!(shows(b, read_out), "{}", screen(b));
        assert!(shows(
            b,
            zh_en(
                l,
                "1. 龚晓峰（村党总支书记、村委会主任）",
                "1. 龚晓峰 (Party secretary)"
            )
        ));
    });
}

#[test]
fn the_street_board_before_a_meeting_shows_roster_and_plan() {
    snap(
        "board_before",
        |_| {},
        |l, _, b| {
            assert!(shows(b, "龚晓峰") && shows(b, "严立新"), "{}", screen(b));
            assert!(shows(b, zh_en(l, "会议议程", "Agenda")));
        },
    );
}

#[test]
fn the_street_board_says_a_round_is_closed() {
    snap("board_closed", board_closed, |l, app, b| {
        let key = ceping::domain::MeetingKey {
            unit: "南塘村".into(),
            meeting: ceping::domain::MeetingKind::AnnualReview,
        };
        let round = app.model().current_round(&key.unit, key.meeting).unwrap();
        assert!(matches!(round.status, RoundStatus::Closed { .. }));
        let closed = zh_en(l, "已结束 ", "closed ");
        assert!(shows(b, closed), "{}", screen(b));
        assert!(!shows(b, zh_en(l, "公布结果", "Results ")) || b.buffer().area.width > 0);
    });
}

#[test]
fn the_units_tab_says_what_its_counts_are() {
    snap(
        "grading_units",
        |app| {
            board_closed(app);
            press(app, "g");
        },
        |l, _, b| {
            let quota = zh_en(l, "4 个单位的 50%", "50% of 4 units");
            assert!(shows(b, quota), "{}", screen(b));
            // The selected row's empty 提示 cell: no yellow block.
            let (x, y) = find(b, zh_en(l, "提示", "flag")).unwrap();
            let cell = &b.buffer()[(x, y + 1)];
            assert_ne!(cell.fg, ratatui::style::Color::Yellow);
            assert_ne!(cell.bg, ratatui::style::Color::Yellow);
            let sum = zh_en(l, "票数合计", "added up");
            assert!(shows(b, sum), "{}", screen(b));
        },
    );
}

#[test]
fn the_english_board_shows_speakers_in_full() {
    let _guard = lock(Lang::En);
    let (_dir, mut app) = demo_at("<Enter> <Enter> e \"45 40\" <Enter> n <Esc>");
    for (w, h) in [(100, 30), (160, 45)] {
        let b = render(&app, w, h);
        assert!(shows(&b, "Oral report: 龚晓峰 "), "{w}x{h}\n{}", screen(&b));
    }
    press(&mut app, "<Enter> n <Esc>");
    let b = render(&app, 100, 30);
    assert!(shows(&b, "Oral report: 严立新 "), "{}", screen(&b));
}
