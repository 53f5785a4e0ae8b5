//! Every screen of the meeting laptop, in Chinese and English, at 100x30
//! and 160x45, as insta snapshots of the text a terminal would show: one
//! quoted line per row, a double-width character once (`screen` refuses
//! a frame with a row that is not exactly the terminal's width or with
//! anything hidden under half of a CJK character). Each screen is reached
//! only through keys, and each test also checks what the liaison would
//! look at first (numbers, colours, the red sentence). The last test draws
//! the screens at every size from 1x1 to 200x60.
//!
//! Accept new or changed snapshots with `cargo insta review`, or write
//! them directly with `INSTA_UPDATE=always cargo test --test it tui_screens::`
//! (and read them).

use crate::support::app::*;
use crate::support::zh_en;
use ceping::app::App;
use ceping::domain::{AgendaStep, RoundStatus};
use ceping::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

mod agenda;
mod counting_and_after;
mod sizes;

/// Seven ballots keyed at counting, one of each kind: all 优秀, same as
/// last, one person different (row c 称职), blank, invalid, all 称职,
/// and one keyed row by row (优秀 称职 基本称职 不称职 弃权 无效 优秀).
const SEVEN_BALLOTS: &str = "<Enter> 1 <Enter> <Space> 1 c 2 <Enter> 0 <Enter> x <Enter> \
     2 <Enter> 1 2 3 4 0 - 1 <Enter>";

/// Five more, to make the 12 returned: all 称职 three times, all 优秀,
/// and all 优秀 but row g 基本称职.
const FIVE_MORE: &str = "2 <Enter> <Space> <Space> 1 <Enter> 1 g 3 <Enter>";

/// The counter's tally sheet for 12 ballots (1 invalid, 1 blank): every
/// person 8 优秀, 2 称职, 1 弃权 (the blank ballot); the first row given.
fn sheet_pass(first_row: &str) -> String {
    let mut s = format!("1 <Enter> 1 <Enter> {first_row}");
    for _ in 1..7 {
        s.push(' ');
        s.push_str(SHEET_ROW_PASS1);
    }
    s
}

const SHEET_ROW_PASS1: &str = "8 <Enter> 2 <Enter> 0 <Enter> 0 <Enter> 1 <Enter> 0 <Enter>";
/// Pass 2 differs from pass 1 in two cells of 龚晓峰's row: 9 优秀, 1 称职.
const SHEET_ROW_PASS2: &str = "9 <Enter> 1 <Enter> 0 <Enter> 0 <Enter> 1 <Enter> 0 <Enter>";

/// The screen as text with each closed round's fingerprint masked: it is
/// the hash chain's head, which covers the events' wall-clock times.
fn masked(app: &App, backend: &TestBackend) -> String {
    let mut text = screen(backend);
    for round in app.model().rounds.values() {
        if let RoundStatus::Closed { head } = &round.status {
            text = text.replace(&head[..12], "############");
        }
    }
    text
}

/// Snapshot the screen that `build` reaches from a fresh demo app, in both
/// languages and both sizes, after `check` has looked at it.
fn snap(name: &str, build: Build, check: impl Fn(Lang, &App, &TestBackend)) {
    each_screen(build, |l, tag, (w, h), app, backend| {
        check(l, app, backend);
        insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), masked(app, backend));
    });
}

// ------------------------------------------------------------ the screens
//
// Each function takes a fresh demo app to one screen, by keys only.

fn home_before(_: &mut App) {}

fn home_during(app: &mut App) {
    counting(app);
    // Back to the street board; start 回龙村's review too, then select
    // 南塘村 again so its running results show beside the list.
    press(app, "<Esc> <Down> <Down> <Enter> <Enter> <Esc> <Up> <Up>");
}

fn start_prompt(app: &mut App) {
    press(app, "<Enter>");
}

fn rollcall_prompt(app: &mut App) {
    press(app, "<Enter> <Enter> e \"45 4\"");
}

fn rollcall(app: &mut App) {
    press(app, "<Enter> <Enter> e \"45 40\" <Enter>");
}

fn oral_report(app: &mut App, seconds: i64) {
    press(app, "<Enter> <Enter> e \"45 40\" <Enter> n <Space>");
    advance(app, seconds);
}

/// 2:30 of 10 minutes used.
fn oral_running(app: &mut App) {
    oral_report(app, 150);
}

/// 7:30 used: past 70 %.
fn oral_warning(app: &mut App) {
    oral_report(app, 450);
}

/// 11:05 used.
fn oral_overtime(app: &mut App) {
    oral_report(app, 665);
}

const COMMENT: &str = "抓党建有实招，整改台账要细化";

fn party_comment(app: &mut App) {
    // Row 2 of the board: 南塘村 下述下评.
    press(app, "<Down> <Enter> <Enter> e \"30 28\" <Enter> n <Space>");
    advance(app, 6 * 60 + 10);
    press(app, &format!("s c \"{COMMENT}\" <Enter>"));
}

fn written(app: &mut App) {
    press(app, "<Enter> <Enter> e \"45 40\" <Enter> n n n");
    press(app, "<Space> <Down> <Space> <Down> <Down> <Space> <Up>");
}

fn issue(app: &mut App) {
    press(
        app,
        "<Enter> <Enter> e \"45 40\" <Enter> n n n n e \"12\" <Enter>",
    );
}

fn collect(app: &mut App) {
    issue(app);
    press(app, "n e \"12\" <Enter>");
}

/// Counting, seven ballots of twelve keyed, back on the agenda.
fn counting(app: &mut App) {
    press(app, &to_counting_script(12));
    press(app, SEVEN_BALLOTS);
    press(app, "<Esc>");
}

/// Ballot 8 half keyed: everyone 优秀 but row c 称职, not saved yet.
fn ballots(app: &mut App) {
    counting(app);
    press(app, "<Enter> 1 c 2");
}

fn correcting(app: &mut App) {
    counting(app);
    press(app, "<Enter> r \"3\" <Enter> d 3");
}

/// Enter on an empty ballot.
fn refused_ballot(app: &mut App) {
    counting(app);
    press(app, "<Enter> <Enter>");
}

/// Next step with 7 of 12 entered.
fn refused_next(app: &mut App) {
    counting(app);
    press(app, "n");
}

fn sheet_pass1(app: &mut App) {
    press(app, &to_counting_script(12));
    press(app, "t <Enter> 1 <Enter> 1 <Enter>");
    press(app, SHEET_ROW_PASS1);
    press(app, "9");
}

fn sheet_resolve(app: &mut App) {
    press(app, &to_counting_script(12));
    press(app, "t <Enter>");
    press(app, &sheet_pass(SHEET_ROW_PASS1));
    press(app, "s <Enter>");
    press(app, &sheet_pass(SHEET_ROW_PASS2));
    press(app, "s");
}

fn results(app: &mut App) {
    counting(app);
    press(app, "<Enter>");
    press(app, FIVE_MORE);
    // One blank and one invalid of 12: the warnings are acknowledged.
    press(app, "<Esc> a n");
}

fn close_prompt(app: &mut App) {
    results(app);
    press(app, "n <Enter>");
}

fn closed(app: &mut App) {
    close_prompt(app);
    press(app, "<Enter>");
}

fn grading_units(app: &mut App) {
    closed(app);
    press(app, "<Esc> g");
}

fn grading_secretaries(app: &mut App) {
    grading_units(app);
    press(app, "<Tab>");
}

fn help_ballots(app: &mut App) {
    counting(app);
    press(app, "<Enter> ?");
}

fn help_home(app: &mut App) {
    press(app, "?");
}

fn quit(app: &mut App) {
    counting(app);
    press(app, "<C-c>");
}

/// A fresh demo app taken to one screen.
type Build = fn(&mut App);

/// Every screen above, for the test of all sizes.
const SCREENS: &[(&str, Build)] = &[
    ("home_before", home_before),
    ("home_during", home_during),
    ("start_prompt", start_prompt),
    ("rollcall_prompt", rollcall_prompt),
    ("rollcall", rollcall),
    ("oral_running", oral_running),
    ("oral_warning", oral_warning),
    ("oral_overtime", oral_overtime),
    ("party_comment", party_comment),
    ("written", written),
    ("issue", issue),
    ("collect", collect),
    ("counting", counting),
    ("ballots", ballots),
    ("correcting", correcting),
    ("refused_ballot", refused_ballot),
    ("refused_next", refused_next),
    ("sheet_pass1", sheet_pass1),
    ("sheet_resolve", sheet_resolve),
    ("results", results),
    ("close_prompt", close_prompt),
    ("closed", closed),
    ("grading_units", grading_units),
    ("grading_secretaries", grading_secretaries),
    ("help_ballots", help_ballots),
    ("help_home", help_home),
    ("quit", quit),
];

// ------------------------------------------------------------ too small
//
// The snapshot tests assert here, in this module (`snap` above and this
// test), so their snapshots keep the names `it__tui_screens__*.snap`.

#[test]
fn window_too_small_notice() {
    each_lang(|l, tag| {
        let (_dir, mut app) = demo_app();
        counting(&mut app);
        for (w, h) in [(59, 30), (100, 15), (30, 8)] {
            let b = render(&app, w, h);
            let notice = zh_en(l, "窗口太小", "Window too small");
            assert!(shows(&b, notice), "{}", screen(&b));
            assert!(!shows(&b, "龚晓峰"));
            insta::assert_snapshot!(format!("too_small_{tag}_{w}x{h}"), screen(&b));
        }
        // One cell more in both directions and the meeting is back.
        assert!(shows(&render(&app, 60, 16), "龚晓峰"));
    });
}
