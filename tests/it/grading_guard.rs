//! The grading guard (issue 9): a grade, or a secretary's combined
//! evaluation, that rests on a meeting whose latest round is not closed
//! (or that was never held) is recorded only after a confirmation naming
//! what is missing, and shows as provisional (暂定) on the board and in
//! the JSON export until those meetings close. Driven only through the
//! keys on the demo campaign, in which no meeting has been held.

#[path = "support/mod.rs"]
mod support;

use ceping::app::{App, Mode, PromptKind, Status};
use ceping::domain::board::Decision;
use ceping::domain::grading::{FinalGrade, Group, Target};
use ceping::domain::{Event, MeetingKind, RoundStatus};
use ceping::i18n::Lang;
use ratatui::backend::TestBackend;
use serde_json::Value;
use support::app::*;
use support::campaign::{person, unit};
use support::zh_en;

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

/// The board row (table line) showing `name`.
fn board_row(b: &TestBackend, name: &str) -> String {
    rows(b.buffer())
        .into_iter()
        .find(|r| r.starts_with('│') && r.contains(&format!(" {name} ")))
        .unwrap_or_else(|| panic!("{name} not on the board:\n{}", screen(b)))
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

/// Press `script`: exactly one event must be recorded, no error said and
/// no question left open.
fn recorded(app: &mut App, script: &str) -> Event {
    let seq = app.session.store.last_seq();
    press(app, script);
    assert!(
        !matches!(app.status, Some(Status::Error(_))),
        "{script:?}: {:?}",
        app.status
    );
    assert_eq!(app.prompt, None, "{script:?} left a question open");
    assert_eq!(app.session.store.last_seq(), seq + 1, "{script:?}");
    let e = app.session.store.read_after(seq).unwrap().pop().unwrap();
    Event::from_parts(&e.kind, &e.body).unwrap()
}

/// Press `script`: the guard must ask `sentence` about `decision` at
/// `level`, and nothing may be recorded yet.
fn asks(app: &mut App, script: &str, decision: Decision, level: u8, sentence: &str) {
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    press(app, script);
    assert_eq!(
        app.prompt.as_ref().map(|p| &p.kind),
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

/// Esc at the guard's question: nothing recorded, back on the board.
fn cancel(app: &mut App) {
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    press(app, "<Esc>");
    assert_eq!(app.prompt, None);
    assert_eq!(app.mode(), Mode::Grading);
    assert_eq!(app.session.store.last_seq(), seq, "Esc wrote");
    assert_eq!(app.model(), &model, "Esc changed the model");
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
/// as `to_counting_script` and `graded_demo` in tests/grading.rs do (roll
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

/// The JSON grading member of `group` named `name`.
fn member(json: &Value, group: &str, name: &str) -> Value {
    json["grading"]["quotas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["group"] == group)
        .unwrap()["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("{name}"))
        .clone()
}

fn combined_entry(json: &Value, secretary: &str) -> Value {
    json["grading"]["combined"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["secretary"] == secretary)
        .unwrap_or_else(|| panic!("{secretary}"))
        .clone()
}

// ------------------------------------------------------------ the question

#[test]
fn grading_a_unit_whose_meetings_were_never_held_asks_first() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, "g");
        assert_eq!(app.grading_group, Group::Units);
        let question = zh_en(
            l,
            "南塘村的述职测评大会和抓党建述职评议还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
            "南塘村 has not held its annual review and Party-building review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
        );
        let decision = Decision::Grade(unit("南塘村"));
        asks(&mut app, "1", decision.clone(), 0, question);
        // On the 100-column screen the question starts the status line.
        let b = render(&app, 100, 30);
        let start: String = question.chars().take(12).collect();
        assert!(status_line(&b).starts_with(&start), "{}", status_line(&b));

        // Esc records nothing; typing at the question changes nothing.
        cancel(&mut app);
        assert_eq!(grade(&app, &unit("南塘村")), None);
        asks(&mut app, "3", decision.clone(), 2, question);
        press(&mut app, "x y <BS>");
        cancel(&mut app);

        // Enter records the grade exactly as without the guard.
        asks(&mut app, "1", decision, 0, question);
        let e = recorded(&mut app, "<Enter>");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: unit("南塘村"),
                grade: Some(0),
                justification: None
            }
        );
        assert_eq!(app.status, Some(recorded_provisional(l)));
        let b = render(&app, 160, 45);
        let row = board_row(&b, "南塘村");
        assert!(row.contains(&format!("一类{}", mark(l))), "{row}");
        assert!(!board_row(&b, "回龙村").contains(mark(l).trim()));
        // A provisional grade counts in the quota.
        assert!(
            row_at(&b, 2).starts_with(zh_en(l, "一类 1 个，最多 2 个", "一类: 1 of at most 2")),
            "{}",
            screen(&b)
        );
        // The export says so.
        let j = json(&app);
        let m = member(&j, "units", "南塘村");
        assert_eq!(m["grade"], "一类");
        assert_eq!(m["provisional"], true);
        assert_eq!(member(&j, "units", "回龙村")["provisional"], false);

        // Clearing needs no confirmation.
        let e = recorded(&mut app, "0");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: unit("南塘村"),
                grade: None,
                justification: None
            }
        );
        assert_eq!(grade(&app, &unit("南塘村")), None);
    }
}

fn row_at(b: &TestBackend, y: u16) -> String {
    row(b, y).trim_end().to_string()
}

#[test]
fn the_question_names_an_open_round() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        // 南塘村's annual review starts: round 1 is open.
        press(&mut app, "<Enter> <Enter> <Esc> g");
        assert!(
            app.model()
                .current_round("南塘村", MeetingKind::AnnualReview)
                .is_some()
        );
        asks(
            &mut app,
            "2",
            Decision::Grade(unit("南塘村")),
            1,
            zh_en(
                l,
                "南塘村的述职测评大会第 1 轮还没有结束；南塘村的抓党建述职评议还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村's annual review, round 1, is not closed; 南塘村 has not held its Party-building review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        cancel(&mut app);
        // A cadre rests on the annual review only.
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Cadres);
        select(&mut app, "蒋丽");
        asks(
            &mut app,
            "2",
            Decision::Grade(person("南塘村", "蒋丽")),
            1,
            zh_en(
                l,
                "南塘村的述职测评大会第 1 轮还没有结束，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村's annual review, round 1, is not closed; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        // A work team too.
        cancel(&mut app);
        press(&mut app, "<Tab>");
        assert_eq!(app.grading_group, Group::WorkTeams);
        select(&mut app, "崔永刚");
        asks(
            &mut app,
            "2",
            Decision::Grade(Target::WorkTeam {
                unit: "回龙村".into(),
            }),
            1,
            zh_en(
                l,
                "回龙村的述职测评大会还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "回龙村 has not held its annual review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        cancel(&mut app);
    }
}

// ------------------------------------------------------------ closing

#[test]
fn once_the_meeting_closes_the_grade_is_final_and_nothing_is_asked() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        // 蒋丽 (a 南塘村 cadre) graded 优秀 before the annual review.
        press(&mut app, "g <Tab> <Tab>");
        select(&mut app, "蒋丽");
        asks(
            &mut app,
            "1",
            Decision::Grade(person("南塘村", "蒋丽")),
            0,
            zh_en(
                l,
                "南塘村的述职测评大会还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村 has not held its annual review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        recorded(&mut app, "<Enter>");
        let b = render(&app, 160, 45);
        assert!(
            board_row(&b, "蒋丽").contains(&format!("优秀{}", mark(l))),
            "{}",
            screen(&b)
        );

        // The annual review is keyed and closed: the same grade, final.
        close_annual_review(&mut app);
        board_on(&mut app, Group::Cadres);
        let b = render(&app, 160, 45);
        let row = board_row(&b, "蒋丽");
        assert!(row.contains("优秀"), "{row}");
        assert!(!row.contains(mark(l).trim()), "{row}");
        assert_eq!(
            grade(&app, &person("南塘村", "蒋丽")),
            Some(FinalGrade {
                grade: 0,
                justification: None
            })
        );
        assert_eq!(member(&json(&app), "cadres", "蒋丽")["provisional"], false);

        // Another person of 南塘村, and its work team: no question.
        select(&mut app, "罗志明");
        let e = recorded(&mut app, "2");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: person("南塘村", "罗志明"),
                grade: Some(1),
                justification: None
            }
        );
        assert_eq!(app.status, None, "a final grade says nothing");
        press(&mut app, "<Tab>");
        select(&mut app, "严立新");
        recorded(&mut app, "1");
        let b = render(&app, 160, 45);
        assert!(!board_row(&b, "严立新").contains(mark(l).trim()));

        // A cadre of another unit still asks.
        press(&mut app, "<Left>");
        select(&mut app, "段丽萍");
        asks(
            &mut app,
            "2",
            Decision::Grade(person("回龙村", "段丽萍")),
            1,
            zh_en(
                l,
                "回龙村的述职测评大会还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "回龙村 has not held its annual review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        cancel(&mut app);

        // 南塘村 itself and its secretary still wait for the
        // Party-building review.
        let party_only = zh_en(
            l,
            "南塘村的抓党建述职评议还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
            "南塘村 has not held its Party-building review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
        );
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Units);
        select(&mut app, "南塘村");
        asks(
            &mut app,
            "2",
            Decision::Grade(unit("南塘村")),
            1,
            party_only,
        );
        recorded(&mut app, "<Enter>");
        press(&mut app, "<Tab>");
        select(&mut app, "龚晓峰");
        asks(
            &mut app,
            "2",
            Decision::Grade(person("南塘村", "龚晓峰")),
            1,
            party_only,
        );
        recorded(&mut app, "<Enter>");

        // The Party-building review closes too: everything of 南塘村 is
        // final, live, without anything re-recorded.
        close_party_building_review(&mut app);
        board_on(&mut app, Group::Units);
        let b = render(&app, 160, 45);
        let row = board_row(&b, "南塘村");
        assert!(
            row.contains("二类") && !row.contains(mark(l).trim()),
            "{row}"
        );
        select(&mut app, "南塘村");
        recorded(&mut app, "1");
        press(&mut app, "<Tab>");
        let b = render(&app, 160, 45);
        let row = board_row(&b, "龚晓峰");
        assert!(
            row.contains("称职") && !row.contains(mark(l).trim()),
            "{row}"
        );
        select(&mut app, "龚晓峰");
        recorded(&mut app, "c 1 <Enter>");
        recorded(&mut app, "1");
    }
}

// ------------------------------------------------------------ combined evaluation

#[test]
fn a_combined_evaluation_waits_for_the_party_building_review() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, "g <Tab>");
        assert_eq!(app.grading_group, Group::Secretaries);
        select(&mut app, "汤建华");
        let combined = Decision::Combined {
            unit: "回龙村".into(),
            secretary: "汤建华".into(),
        };
        let question = zh_en(
            l,
            "回龙村的抓党建述职评议还没有召开，综合评价将标为暂定。确认评价？按 Enter 确认，Esc 取消",
            "回龙村 has not held its Party-building review; the combined evaluation will be marked provisional. Enter to confirm, Esc to cancel",
        );
        asks(&mut app, "c 1 <Enter>", combined.clone(), 0, question);
        cancel(&mut app);
        assert_eq!(combined_level(&app, "回龙村", "汤建华"), None);

        // A bad level is still refused at the level's question.
        press(&mut app, "c 5 <Enter>");
        assert!(matches!(
            app.prompt.as_ref().map(|p| &p.kind),
            Some(PromptKind::Combined(..))
        ));
        assert!(matches!(app.status, Some(Status::Error(_))));
        press(&mut app, "<Esc>");

        // The investigation rests on no meeting: no question.
        recorded(&mut app, "i \"2 走访群众\" <Enter>");

        // Confirmed: recorded as without the guard, shown provisional.
        asks(&mut app, "c 2 <Enter>", combined, 1, question);
        let e = recorded(&mut app, "<Enter>");
        assert_eq!(
            e,
            Event::CombinedEvaluationSet {
                unit: "回龙村".into(),
                secretary: "汤建华".into(),
                level: 1
            }
        );
        assert_eq!(app.status, Some(recorded_provisional(l)));
        let b = render(&app, 160, 45);
        let row = board_row(&b, "汤建华");
        assert!(row.contains(&format!("较好{}", mark(l))), "{row}");
        let j = json(&app);
        assert_eq!(combined_entry(&j, "汤建华")["level"], "较好");
        assert_eq!(combined_entry(&j, "汤建华")["provisional"], true);
        assert_eq!(combined_entry(&j, "龚晓峰")["provisional"], false);

        // The cross-rule still refuses at once, before any question.
        let not_good = zh_en(
            l,
            "述职评议综合评价未达到“好”的党组织书记，年度考核不得评为“优秀”。请先确定综合评价。",
            "A secretary whose combined evaluation is not 好 cannot be graded 优秀. Set the combined evaluation first.",
        );
        refused(&mut app, "1", not_good);
        assert_eq!(app.prompt, None);

        // A talk stays visible with the provisional mark.
        select(&mut app, "彭振华");
        press(&mut app, "c 3 <Enter>");
        recorded(&mut app, "<Enter>");
        let b = render(&app, 160, 45);
        let talk = zh_en(l, "一般 约谈", "一般 talk");
        assert!(
            board_row(&b, "彭振华").contains(&format!("{talk}{}", mark(l))),
            "{}",
            screen(&b)
        );

        // 南塘村's Party-building review closes: 龚晓峰's combined
        // evaluation asks nothing; his grade still waits for the annual
        // review.
        close_party_building_review(&mut app);
        board_on(&mut app, Group::Secretaries);
        select(&mut app, "龚晓峰");
        let e = recorded(&mut app, "c 1 <Enter>");
        assert!(matches!(e, Event::CombinedEvaluationSet { level: 0, .. }));
        let b = render(&app, 160, 45);
        let row = board_row(&b, "龚晓峰");
        assert!(row.contains("好") && !row.contains(mark(l).trim()), "{row}");
        asks(
            &mut app,
            "1",
            Decision::Grade(person("南塘村", "龚晓峰")),
            0,
            zh_en(
                l,
                "南塘村的述职测评大会还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村 has not held its annual review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        recorded(&mut app, "<Enter>");
        assert_eq!(combined_entry(&json(&app), "龚晓峰")["provisional"], false);
        assert_eq!(
            member(&json(&app), "secretaries", "龚晓峰")["provisional"],
            true
        );
    }
}

// ------------------------------------------------------------ quotas

fn quota_full(l: Lang, label: &str, allowed: usize, size: usize, percent: u32) -> String {
    match l {
        Lang::Zh => format!(
            "名额已满：{label}最多 {allowed} 个，已经评了 {allowed} 个（{size} 人的 {percent}%，向下取整）。请先改掉一个。"
        ),
        Lang::En => format!(
            "Quota full: at most {allowed} {label}, {allowed} already given ({percent}% of {size}, rounded down). Change one first."
        ),
    }
}

#[test]
fn quotas_still_hold_with_the_guard() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, "g");
        // Two provisional 一类, confirmed.
        recorded(&mut app, "1 <Enter>");
        recorded(&mut app, "<Down> 1 <Enter>");
        // The third is refused at once with the quota's reason: no
        // question first, nothing recorded.
        refused(&mut app, "<Down> 1", &quota_full(l, "一类", 2, 4, 50));
        assert_eq!(app.prompt, None);
        assert_eq!(grade(&app, &unit("西塘村")), None);

        // The cadres' soft quota: six confirmed 优秀, then the seventh
        // asks the guard's question and, confirmed, the justification.
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Cadres);
        recorded(&mut app, "1 <Enter>");
        for _ in 1..6 {
            recorded(&mut app, "<Down> 1 <Enter>");
        }
        press(&mut app, "<Down>");
        let seventh = app.grading_row().unwrap().target;
        press(&mut app, "1");
        assert!(matches!(
            app.prompt.as_ref().map(|p| &p.kind),
            Some(PromptKind::ConfirmProvisional(Decision::Grade(t), 0)) if *t == seventh
        ));
        let over = zh_en(
            l,
            "优秀原则上最多 6 个，已经评了 6 个；超出须写明理由。",
            "In principle at most 6 优秀, 6 already given; exceeding it needs a written justification.",
        );
        refused(&mut app, "<Enter>", over);
        assert_eq!(
            app.prompt.as_ref().map(|p| &p.kind),
            Some(&PromptKind::Justification(seventh.clone(), 0))
        );
        // Esc at the justification records nothing either.
        press(&mut app, "<Esc>");
        assert_eq!(grade(&app, &seventh), None);
        press(&mut app, "1 <Enter>");
        let e = recorded(&mut app, "\"群众满意度第一\" <Enter>");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: seventh.clone(),
                grade: Some(0),
                justification: Some("群众满意度第一".into())
            }
        );
        let b = render(&app, 160, 45);
        let Target::Person { name, .. } = &seventh else {
            unreachable!()
        };
        let justified = zh_en(l, "优秀（有理由）", "优秀(justified)");
        assert!(
            board_row(&b, name).contains(&format!("{justified}{}", mark(l))),
            "{}",
            screen(&b)
        );
    }
}
