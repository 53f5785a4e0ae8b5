//! The grading guard (issue 9): a grade, or a secretary's combined
//! evaluation, that rests on a meeting whose latest round is not closed
//! (or that was never held) is recorded only after a confirmation naming
//! what is missing, and shows as provisional (暂定) on the board and in
//! the JSON export until those meetings close. Driven only through the
//! keys on the demo campaign, in which no meeting has been held.

use crate::support;
use crate::support::app::*;
use crate::support::board::{board_row, not_good, quota_full};
use crate::support::campaign::{person, team, unit};
use crate::support::zh_en;
use ceping::app::{App, Mode, PromptKind, Status};
use ceping::domain::board::Decision;
use ceping::domain::grading::{FinalGrade, Group, Target};
use ceping::domain::{Event, MeetingKind, RoundStatus};
use ceping::i18n::Lang;
use ratatui::backend::TestBackend;
use serde_json::Value;

mod closing;
mod combined;
mod question;
mod quotas;

fn grade(app: &App, target: &Target) -> Option<FinalGrade> {
    app.model().grading.grades.get(target).cloned()
}

fn combined_level(app: &App, unit: &str, secretary: &str) -> Option<u8> {
    app.model()
        .grading
        .combined
        .get(&(unit.to_string(), secretary.to_string()))
        .and_then(|c| c.level)
}

/// The mark of a provisional grade or level on the board.
fn mark(l: Lang) -> &'static str {
    zh_en(l, "（暂定）", " (provisional)")
}

/// Open the grading board (from the street board) on `group`: the board
/// keeps the group it was left on.
fn board_on(app: &mut App, group: Group) {
    press(app, "g");
    for _ in 0..Group::ALL.len() {
        if app.grading_group == group {
            return;
        }
        press(app, "<Tab>");
    }
    panic!("no {group:?}");
}

/// Select the board row of `name` in the current group.
fn select(app: &mut App, name: &str) {
    press(app, &"<Up> ".repeat(30));
    for _ in 0..30 {
        if app.grading_row().is_some_and(|r| r.name == name) {
            return;
        }
        press(app, "<Down>");
    }
    panic!("{name} is not in {:?}", app.grading_group);
}

/// Press `script`: exactly one event must be recorded, no error said
/// ([`support::app::recorded`]) and no question left open.
fn recorded(app: &mut App, script: &str) -> Event {
    let e = support::app::recorded(app, script);
    assert_eq!(app.prompt(), None, "{script:?} left a question open");
    e
}

/// Press `script`: the guard must ask `sentence` about `decision` at
/// `level`, and nothing may be recorded yet.
fn asks(app: &mut App, script: &str, decision: Decision, level: u8, sentence: &str) {
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    press(app, script);
    assert_eq!(
        app.prompt().map(|p| &p.kind),
        Some(&PromptKind::ConfirmProvisional(decision, level)),
        "after {script:?}: {:?}",
        app.status
    );
    assert_eq!(app.mode(), Mode::Prompt);
    assert_eq!(app.status, None);
    assert_eq!(app.session.store.last_seq(), seq, "{script:?} wrote");
    assert_eq!(app.model(), &model, "{script:?} changed the model");
    // Wide enough for the longest English question.
    let b = render(app, 200, 45);
    assert_eq!(status_line(&b), sentence);
}

/// Select `name`'s row and press the grade key `key` (1 for the top
/// grade): the guard must ask `sentence` about grading `target` (see
/// [`asks`]).
fn grade_asks(app: &mut App, name: &str, key: u8, target: Target, sentence: &str) {
    select(app, name);
    asks(
        app,
        &key.to_string(),
        Decision::Grade(target),
        key - 1,
        sentence,
    );
}

/// Esc at the guard's question: nothing recorded, back on the board.
fn cancel(app: &mut App) {
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    press(app, "<Esc>");
    assert_eq!(app.prompt(), None);
    assert_eq!(app.mode(), Mode::Grading);
    assert_eq!(app.session.store.last_seq(), seq, "Esc wrote");
    assert_eq!(app.model(), &model, "Esc changed the model");
}

/// The guard's question before a grade that rests on `unit`'s annual
/// review, never held.
fn annual_review_not_held(l: Lang, unit: &str) -> String {
    match l {
        Lang::Zh => format!(
            "{unit}的述职测评大会还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消"
        ),
        Lang::En => format!(
            "{unit} has not held its annual review; the grade will be marked provisional. Enter to confirm, Esc to cancel"
        ),
    }
}

/// `name`'s board row shows `shown` (a grade or level), marked provisional.
fn shown_provisional(app: &App, l: Lang, name: &str, shown: &str) {
    let b = render(app, 160, 45);
    let row = board_row(&b, name);
    assert!(
        row.contains(&format!("{shown}{}", mark(l))),
        "{}",
        screen(&b)
    );
}

/// `name`'s board row shows `shown` (a grade or level), final: without the
/// provisional mark.
fn shown_final(app: &App, l: Lang, name: &str, shown: &str) {
    let b = render(app, 160, 45);
    let row = board_row(&b, name);
    assert!(
        row.contains(shown) && !row.contains(mark(l).trim()),
        "{row}"
    );
}

fn recorded_provisional(l: Lang) -> Status {
    Status::Info(
        zh_en(
            l,
            "已记录，标为暂定：有关会议结束后自动转为正式",
            "Recorded as provisional: it becomes final when the meetings close",
        )
        .into(),
    )
}

fn closed(app: &App, unit: &str, meeting: MeetingKind) -> bool {
    app.model()
        .current_round(unit, meeting)
        .is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. }))
}

/// Clears whatever a number prompt offers before the numbers are typed.
const CLEAR: &str = "<BS> <BS> <BS> <BS> <BS> <BS>";

/// From the street board: key and close 南塘村's annual review (row 0)
/// as `to_counting_script` and `graded_demo` in tests/it/grading.rs do (roll
/// call 45/40, 12 ballots: 8 all 优秀, 4 all 称职), then back to the
/// street board.
fn close_annual_review(app: &mut App) {
    press(app, "<Esc> <Esc> <Up> <Up> <Up>");
    press(
        app,
        &format!(
            "<Enter> <Enter> e {CLEAR} \"45 40\" <Enter> n n n n e {CLEAR} \"12\" <Enter> \
             n e {CLEAR} \"12\" <Enter> n"
        ),
    );
    press(
        app,
        "<Enter> 1 <Enter> <Space> <Space> <Space> <Space> <Space> <Space> <Space> \
         2 <Enter> <Space> <Space> <Space> <Esc> n n <Enter> <Enter>",
    );
    assert!(
        closed(app, "南塘村", MeetingKind::AnnualReview),
        "{:?}",
        app.status
    );
    press(app, "<Esc>");
}

/// From the street board: key and close 南塘村's Party-building review
/// (row 1: roll call 30/28, the secretary's oral report, 3 ballots all
/// 好), then back to the street board.
fn close_party_building_review(app: &mut App) {
    press(app, "<Esc> <Esc> <Up> <Up> <Up> <Down>");
    press(
        app,
        &format!(
            "<Enter> <Enter> e {CLEAR} \"30 28\" <Enter> n n e {CLEAR} \"3\" <Enter> \
             n e {CLEAR} \"3\" <Enter> n <Enter> 1 <Enter> <Space> <Space> <Esc> n n <Enter> <Enter>"
        ),
    );
    assert!(
        closed(app, "南塘村", MeetingKind::PartyBuildingReview),
        "{:?}",
        app.status
    );
    press(app, "<Esc>");
}

fn json(app: &App) -> Value {
    serde_json::to_value(ceping::export::json::results(
        app.model(),
        &app.session.store.head(),
    ))
    .unwrap()
}

/// The entry of the JSON array `list` whose `key` is `value`.
fn entry(list: &Value, key: &str, value: &str) -> Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e[key] == value)
        .unwrap_or_else(|| panic!("{value}"))
        .clone()
}

/// The JSON grading member of `group` named `name`.
fn member(json: &Value, group: &str, name: &str) -> Value {
    let quota = entry(&json["grading"]["quotas"], "group", group);
    entry(&quota["members"], "name", name)
}

fn combined_entry(json: &Value, secretary: &str) -> Value {
    entry(&json["grading"]["combined"], "secretary", secretary)
}
