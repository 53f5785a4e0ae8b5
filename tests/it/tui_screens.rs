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
//! them directly with `INSTA_UPDATE=always cargo test --test tui_screens`
//! (and read them).

#[path = "support/mod.rs"]
mod support;

use ceping::app::App;
use ceping::domain::{AgendaStep, RoundStatus};
use ceping::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use support::app::*;
use support::zh_en;

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
    let guard = lock(Lang::Zh);
    for (l, tag) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        build(&mut app);
        for (w, h) in SIZES {
            let backend = render(&app, w, h);
            check(l, &app, &backend);
            insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), masked(&app, &backend));
        }
    }
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

// ------------------------------------------------------------ the tests

#[test]
fn home_before_the_meetings() {
    snap("home_before", home_before, |l, app, b| {
        assert_eq!(app.meetings().len(), 8);
        for unit in ["南塘村", "回龙村", "西塘村", "东马社区"] {
            let rows = rows(b.buffer());
            let n = rows
                .iter()
                .filter(|r| r.starts_with(&format!("│{unit}")))
                .count();
            assert_eq!(n, 2, "{unit}'s two meetings");
        }
        let not_started = zh_en(l, "未开始", "not started");
        // Eight meetings, plus the results pane of the selected one.
        assert_eq!(screen(b).matches(not_started).count(), 9, "{}", screen(b));
    });
}

#[test]
fn home_during_a_meeting() {
    snap("home_during", home_during, |l, _, b| {
        // 南塘村: 7 of 12 entered, at counting; 回龙村 started, at roll call.
        let nantang = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("南塘村") && r.contains("7/12"))
            .unwrap_or_else(|| panic!("{}", screen(b)));
        assert!(
            nantang.contains(zh_en(l, "唱票计票", "Counting")),
            "{nantang}"
        );
        let huilong = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("回龙村") && r.contains("0/-"))
            .unwrap();
        // (The step column cuts 点名（应到/实到） to 点名（应到/实.)
        let step = zh_en(l, "点名（应到/实", "Roll call");
        assert!(huilong.contains(step), "{}", screen(b));
        // The selected meeting's running results beside the list.
        assert!(shows(
            b,
            zh_en(l, "已录入 7 / 收回 12", "Entered 7 / Returned 12")
        ));
    });
}

#[test]
fn start_meeting_prompt() {
    snap("start_prompt", start_prompt, |l, _, b| {
        let question = zh_en(
            l,
            "开始 南塘村 述职测评大会？按 Enter 确认，Esc 取消",
            "Start 南塘村 Annual review? Enter to confirm, Esc to cancel",
        );
        assert_eq!(status_line(b), question);
        assert_eq!(fg_of(b, question), Color::Yellow);
    });
}

#[test]
fn agenda_roll_call_prompt() {
    snap("rollcall_prompt", rollcall_prompt, |l, _, b| {
        let q = zh_en(
            l,
            "应到 实到（两个数，用空格分开）：",
            "Expected and present (two numbers):",
        );
        assert_eq!(status_line(b), format!("{q} 45 4"));
    });
}

#[test]
fn agenda_roll_call_with_numbers() {
    snap("rollcall", rollcall, |l, _, b| {
        let numbers = zh_en(l, "应到 45    实到 40", "Expected 45    Present 40");
        assert!(shows(b, numbers), "{}", screen(b));
        assert!(shows(
            b,
            zh_en(l, "可以进入下一步。", "Ready for the next step.")
        ));
        // The current step is marked and highlighted in the agenda.
        let step = zh_en(l, "> 点名（应到/实到）", "> Roll call");
        let (x, y) = find(b, step).unwrap();
        assert!(b.buffer()[(x, y)].modifier.contains(Modifier::REVERSED));
    });
}

#[test]
fn agenda_oral_report_timer_running() {
    snap("oral_running", oral_running, |l, app, b| {
        assert!(app.timer_visible());
        // 10 minutes, 2:30 used: 7:30 left, green.
        assert_eq!(fg_of(b, "07:30"), Color::Green);
        let at = find(b, "07:30").unwrap();
        assert!(b.buffer()[at].modifier.contains(Modifier::REVERSED));
        assert!(shows(b, zh_en(l, "进行中", "running")));
        assert!(shows(b, zh_en(l, "限时 10 分钟", "limit 10 min")));
        assert!(shows(
            b,
            zh_en(l, "龚晓峰  党组织书记", "龚晓峰  Party secretary")
        ));
    });
}

#[test]
fn agenda_oral_report_timer_in_the_yellow_band() {
    snap("oral_warning", oral_warning, |_, _, b| {
        assert_eq!(fg_of(b, "02:30"), Color::Yellow);
    });
}

#[test]
fn agenda_oral_report_timer_in_overtime() {
    snap("oral_overtime", oral_overtime, |l, _, b| {
        let over = zh_en(l, "超时 01:05", "over by 01:05");
        assert_eq!(fg_of(b, over), Color::Red, "{}", screen(b));
    });
}

#[test]
fn party_building_review_oral_report_with_comment() {
    snap("party_comment", party_comment, |l, app, b| {
        let key = app.meeting_key().unwrap();
        let speech = app.model().meeting(key).speech("龚晓峰").cloned().unwrap();
        assert_eq!(speech.comment.as_deref(), Some(COMMENT));
        assert!(shows(b, COMMENT), "{}", screen(b));
        assert!(shows(
            b,
            zh_en(l, "已结束，用时 06:10", "finished, 06:10 used")
        ));
        assert!(shows(b, zh_en(l, "限时 8 分钟", "limit 8 min")));
        // The footer offers the comment key in this meeting.
        assert!(footer_line(b).contains(zh_en(l, " c  点评", " c  comment")));
    });
}

#[test]
fn agenda_written_reports_checklist() {
    snap("written", written, |l, app, b| {
        let (got, missing) = (zh_en(l, "已交", "in"), zh_en(l, "未交", "missing"));
        // Names are padded to the widest, so the marks line up.
        assert!(shows(b, &format!("[x] 蒋丽    {got}")), "{}", screen(b));
        assert!(shows(b, &format!("[x] 罗志明  {got}")));
        assert!(shows(b, &format!("[ ] 田秀英  {missing}")));
        assert!(shows(b, &format!("[x] 万宏    {got}")));
        assert!(shows(b, &format!("[ ] 贺文斌  {missing}")));
        // The selection is on 田秀英 after the last Up.
        assert_eq!(app.written_selected, 2);
        let at = find(b, "[ ] 田秀英").unwrap();
        assert!(b.buffer()[at].modifier.contains(Modifier::REVERSED));
        let need = zh_en(l, "还差 2 份书面述职", "2 written reports still missing");
        assert!(shows(b, need));
        // A reminder, not a refusal: yellow.
        assert_eq!(fg_of(b, &format!("- {need}")), Color::Yellow);
    });
}

#[test]
fn agenda_issue_ballots() {
    snap("issue", issue, |l, _, b| {
        assert!(shows(
            b,
            zh_en(l, "发出 12    收回 -", "Issued 12    Returned -")
        ));
    });
}

#[test]
fn agenda_collect_ballots() {
    snap("collect", collect, |l, _, b| {
        assert!(shows(
            b,
            zh_en(l, "发出 12    收回 12", "Issued 12    Returned 12")
        ));
    });
}

#[test]
fn agenda_counting_with_results() {
    snap("counting", counting, |l, _, b| {
        let gauge = zh_en(
            l,
            "已录入 7 / 收回 12   有效 6  废票 1  空白票 1",
            "Entered 7 / Returned 12   Valid 6  Invalid 1  Blank 1",
        );
        assert!(shows(b, gauge), "{}", screen(b));
        // 7 of 12: the gauge is filled to 58 %.
        let (x, y) = find(b, gauge).unwrap();
        let w = b.buffer().area.width;
        // A double-width character's covered cell carries no colour.
        let filled: usize = (x..w)
            .map(|cx| &b.buffer()[(cx, y)])
            .filter(|c| c.bg == Color::Cyan)
            .map(|c| unicode_width::UnicodeWidthStr::width(c.symbol()))
            .sum();
        let inner = w as usize - x as usize - 1;
        assert_eq!(filled, (inner as f64 * 7.0 / 12.0).round() as usize);
        let need = zh_en(
            l,
            "已录入 7 张，收回 12 张，两者须相等",
            "entered 7, returned 12: they must be equal",
        );
        assert!(shows(b, need));
        // 罗志明: 2 优秀, 2 称职, 1 基本称职, 1 弃权.
        let row = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("罗志明"))
            .unwrap();
        let cells: Vec<&str> = row[row.find("罗志明").unwrap()..]
            .split(|c: char| c == '│' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(
            cells[..9],
            ["罗志明", "2", "2", "1", "0", "1", "0", "40.0%", "80.0%"]
        );
    });
}

#[test]
fn ballot_entry_with_a_draft() {
    snap("ballots", ballots, |l, app, b| {
        assert_eq!(app.draft.cursor, 3);
        assert!(shows(b, zh_en(l, "正在录入第 8 号", "Keying ballot 8")));
        // Row c (罗志明) shows 称职; the others 优秀.
        let grid = |name: &str| {
            rows(b.buffer())
                .into_iter()
                .find(|r| r.contains(name) && r.contains('['))
                .unwrap()
        };
        let c = grid("罗志明");
        assert!(c.contains("[称职]") && !c.contains("[优秀]"), "{c}");
        for name in ["龚晓峰", "蒋丽", "田秀英", "万宏", "贺文斌", "严立新"] {
            let r = grid(name);
            assert!(r.contains("[优秀]") && !r.contains("[称职]"), "{r}");
        }
        // The row the next grade goes to (d, 田秀英) is highlighted.
        let (_, y) = find(b, "d  田秀英").unwrap();
        assert_eq!(b.buffer()[(3, y)].bg, Color::DarkGray);
        // The recent ballots, newest first, as keyed.
        assert!(shows(b, "#7    12340-1"), "{}", screen(b));
        assert!(shows(b, "#3    1121111"));
        assert!(shows(b, zh_en(l, "#4    空白票", "#4    Blank")));
        assert!(shows(b, zh_en(l, "#5    废票", "#5    Invalid")));
    });
}

#[test]
fn ballot_entry_correcting_a_ballot() {
    snap("correcting", correcting, |l, app, b| {
        assert_eq!(app.draft.correcting, Some(3));
        let title = zh_en(l, "正在更正第 3 号", "Correcting ballot 3");
        // The grid's border turns yellow while correcting.
        let (x, y) = find(b, title).unwrap();
        assert_eq!(b.buffer()[(x - 1, y)].fg, Color::Yellow);
        let d = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("田秀英") && r.contains('['))
            .unwrap();
        assert!(d.contains("[基本称职]"), "{d}");
    });
}

#[test]
fn refused_ballot_shows_a_red_sentence() {
    snap("refused_ballot", refused_ballot, |l, _, b| {
        let sentence = zh_en(
            l,
            "还有 7 人没有录入；没勾的请按 0 记为弃权",
            "7 people not keyed yet; press 0 for a blank (abstain)",
        );
        assert_eq!(status_line(b), sentence);
        assert_eq!(fg_of(b, sentence), Color::Red);
    });
}

#[test]
fn refused_next_step_shows_what_is_needed() {
    snap("refused_next", refused_next, |l, app, b| {
        assert_eq!(app.current_step(), Some(AgendaStep::Counting));
        let sentence = zh_en(
            l,
            "已录入 7 张，收回 12 张，两者须相等",
            "entered 7, returned 12: they must be equal",
        );
        assert_eq!(status_line(b), sentence);
        let status = status_row(b);
        assert_eq!(b.buffer()[(0, status)].fg, Color::Red);
        // And the agenda lists the same need, in red.
        assert_eq!(fg_of(b, &format!("- {sentence}")), Color::Red);
    });
}

#[test]
fn tally_sheet_pass_one() {
    snap("sheet_pass1", sheet_pass1, |l, _, b| {
        assert!(shows(
            b,
            zh_en(l, "计票单第 1 遍（盲录）", "Tally sheet, pass 1 (blind)")
        ));
        // The cell being keyed (蒋丽's 优秀) is reversed and shows 9.
        let (x, y) = find(b, "蒋丽").unwrap();
        let cells = b.buffer();
        let nine = (x..cells.area.width)
            .find(|&cx| cells[(cx, y)].symbol() == "9")
            .unwrap();
        assert!(cells[(nine, y)].modifier.contains(Modifier::REVERSED));
        // 龚晓峰's row adds up to 11.
        let row = rows(cells)
            .into_iter()
            .find(|r| r.contains("龚晓峰"))
            .unwrap();
        assert!(
            row.trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with("11"),
            "{row}"
        );
    });
}

#[test]
fn tally_sheet_resolve_marks_the_differences() {
    snap("sheet_resolve", sheet_resolve, |l, app, b| {
        assert_eq!(app.current_round().unwrap().open_differences().len(), 2);
        assert!(shows(
            b,
            zh_en(
                l,
                "核对差异：按纸质计票单输入正确数",
                "Resolve: key the right number from the paper"
            )
        ));
        // The cursor's cell shows both passes, in red; the other disputed
        // cell is red too; the rest of the row is not.
        assert_eq!(fg_of(b, "8/9"), Color::Red, "{}", screen(b));
        let (_, y) = find(b, "8/9").unwrap();
        let cells = b.buffer();
        let red: String = (0..cells.area.width)
            .filter(|&x| cells[(x, y)].fg == Color::Red)
            .map(|x| cells[(x, y)].symbol())
            .collect();
        // Every disputed cell shows both passes until keyed again.
        assert_eq!(red.replace(' ', ""), "8/92/1");
        assert_eq!(
            status_line(b),
            zh_en(
                l,
                "两遍有 2 处不一致，已标出",
                "The passes differ in 2 cells, marked"
            )
        );
    });
}

#[test]
fn agenda_results() {
    snap("results", results, |l, app, b| {
        assert_eq!(app.current_step(), Some(AgendaStep::Results));
        assert!(shows(
            b,
            zh_en(
                l,
                "已录入 12 / 收回 12   有效 11  废票 1  空白票 1",
                "Entered 12 / Returned 12   Valid 11  Invalid 1  Blank 1"
            )
        ));
    });
}

#[test]
fn agenda_close_prompt_and_closed_round() {
    snap("close_prompt", close_prompt, |l, _, b| {
        assert!(status_line(b).starts_with(zh_en(l, "结束并认证第 1 轮？", "")));
    });
    snap("closed", closed, |l, app, b| {
        let RoundStatus::Closed { head } = &app.current_round().unwrap().status else {
            panic!("round 1 is not closed: {:?}", app.status);
        };
        // The fingerprint to write in the minutes is on screen.
        assert!(shows(b, &head[..12]), "{}", screen(b));
        assert_eq!(fg_of(b, &head[..12]), Color::Green);
        assert!(status_line(b).contains(zh_en(l, "第 1 轮已结束并认证", "Round 1 closed")));
    });
}

#[test]
fn grading_board() {
    snap("grading_units", grading_units, |l, _, b| {
        assert!(
            shows(b, zh_en(l, "评定等次", "Grading board")),
            "{}",
            screen(b)
        );
    });
    snap("grading_secretaries", grading_secretaries, |_, _, b| {
        for secretary in ["龚晓峰", "汤建华", "彭振华", "袁丽华"] {
            assert!(shows(b, secretary), "{}", screen(b));
        }
    });
}

#[test]
fn help_overlay_on_ballot_entry_and_home() {
    let title = |l| zh_en(l, "按键说明（任意键关闭）", "Keys (any key closes)");
    snap("help_ballots", help_ballots, |l, _, b| {
        assert!(shows(b, title(l)), "{}", screen(b));
    });
    snap("help_home", help_home, |l, _, b| {
        assert!(shows(b, title(l)), "{}", screen(b));
    });
}

#[test]
fn quit_question() {
    snap("quit", quit, |l, app, b| {
        assert!(app.confirm_quit && !app.quit);
        let text = zh_en(l, "确定退出吗？", "Quit? Everything entered is saved.");
        assert!(shows(b, text), "{}", screen(b));
    });
}

#[test]
fn window_too_small_notice() {
    let guard = lock(Lang::Zh);
    for (l, tag) in LANGS {
        lang(&guard, l);
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
    }
}

// ------------------------------------------------------------ every size

/// Draw the screen `build` reaches at each of `sizes` on one terminal,
/// resized each time; returns what a terminal would show wrongly.
fn draw_sizes(build: Build, sizes: impl Iterator<Item = (u16, u16)>) -> Vec<String> {
    let (_dir, mut app) = demo_app();
    build(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    let mut out = Vec::new();
    for (w, h) in sizes {
        terminal.backend_mut().resize(w, h);
        if let Some(p) = draw_problems(&mut terminal, &app).first() {
            out.push(format!("{w}x{h}: {p}"));
        }
    }
    out
}

/// Run `jobs` on two threads (the test machine has two cores); each job
/// builds its own app, since an `App` holds a database connection.
fn on_two_threads(jobs: Vec<Box<dyn FnOnce() -> Vec<String> + Send>>) -> Vec<String> {
    let mut halves: [Vec<_>; 2] = [Vec::new(), Vec::new()];
    for (i, job) in jobs.into_iter().enumerate() {
        halves[i % 2].push(job);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .into_iter()
            .map(|jobs| s.spawn(move || jobs.into_iter().flat_map(|j| j()).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("drawing panicked"))
            .collect()
    })
}

#[test]
fn every_size_from_1x1_to_200x60_draws() {
    let guard = lock(Lang::Zh);
    // Every size from 1x1 to 200x60, in Chinese (the double-width case):
    // four screens share the 12,000 sizes, each size drawn on one of them
    // (by (w + h) mod 4), so each screen meets every width and height.
    let full: [Build; 4] = [home_during, ballots, refused_next, sheet_resolve];
    let jobs = full
        .into_iter()
        .enumerate()
        .map(|(i, build)| {
            Box::new(move || {
                let sizes = (1..=200u16)
                    .flat_map(|w| (1..=60u16).map(move |h| (w, h)))
                    .filter(move |(w, h)| usize::from(w + h) % 4 == i);
                draw_sizes(build, sizes)
            }) as Box<dyn FnOnce() -> Vec<String> + Send>
        })
        .collect();
    let problems = on_two_threads(jobs);
    assert!(problems.is_empty(), "{problems:#?}");

    // Every screen in both languages at the edges of the "too small"
    // notice and a few common sizes (each is also drawn, and checked the
    // same way, at 100x30 and 160x45 by its snapshot test).
    let sizes: Vec<(u16, u16)> = vec![
        (1, 1),
        (59, 16),
        (60, 15),
        (60, 16),
        (61, 17),
        (80, 24),
        (100, 30),
        (137, 41),
        (200, 60),
    ];
    for (l, _) in LANGS {
        lang(&guard, l);
        let jobs = SCREENS
            .iter()
            .map(|&(name, build)| {
                let sizes = sizes.clone();
                Box::new(move || {
                    draw_sizes(build, sizes.into_iter())
                        .into_iter()
                        .map(|p| format!("{name} {l:?} {p}"))
                        .collect()
                }) as Box<dyn FnOnce() -> Vec<String> + Send>
            })
            .collect();
        let problems = on_two_threads(jobs);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
