//! The counting rules ("Counting rules" in the README), driven through the
//! keymap on the demo campaign (南塘村 述职测评大会) in Chinese and English:
//! an error is refused with its sentence and records nothing; a warning is
//! recorded, blocks the agenda until `a` (one `warnings_acknowledged`
//! event), holds for its numbers only, and is listed again at the close
//! step; the thresholds come from the campaign; the cap on counts also
//! holds when a file is replayed.

#[path = "common/app.rs"]
mod app_fixture;

use std::process::Command;

use app_fixture::*;
use ceping::app::{App, PromptKind, Status};
use ceping::domain::{AgendaStep, Event, MeetingKey, MeetingKind, Round, RoundKey, RoundStatus};
use ceping::i18n::Lang;
use ceping::store::{Store, chain};
use ratatui::style::{Color, Modifier};
use serde_json::{Value, json};

fn nantang() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn round_key(n: u32) -> RoundKey {
    RoundKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
        round: n,
    }
}

/// The meeting's latest round.
fn round(app: &App) -> &Round {
    let k = nantang();
    app.model().current_round(&k.unit, k.meeting).unwrap()
}

fn step(app: &App) -> AgendaStep {
    app.step_of(&nantang()).unwrap()
}

fn zh_en(l: Lang, zh: &str, en: &str) -> String {
    match l {
        Lang::Zh => zh.into(),
        Lang::En => en.into(),
    }
}

fn info(l: Lang, zh: &str, en: &str) -> Option<Status> {
    Some(Status::Info(zh_en(l, zh, en)))
}

// The warnings' sentences, written out here independently of the catalog.
fn present_over(l: Lang, present: u32, expected: u32) -> String {
    zh_en(
        l,
        &format!("实到 {present} 人多于应到 {expected} 人，请核对"),
        &format!("present {present} is more than expected {expected}; please check"),
    )
}

fn issued_over(l: Lang, issued: u32, present: u32) -> String {
    zh_en(
        l,
        &format!("发出 {issued} 张多于实到 {present} 人，请核对"),
        &format!("issued {issued} is more than present {present}; please check"),
    )
}

fn returned_short(l: Lang, returned: u32, issued: u32) -> String {
    let d = issued - returned;
    zh_en(
        l,
        &format!("收回 {returned} 张比发出 {issued} 张少 {d} 张（达到 2%），请核对"),
        &format!(
            "returned {returned} is {d} fewer than issued {issued} (at least 2%); please check"
        ),
    )
}

fn many(l: Lang, invalid: bool, n: u32, returned: u32, pct: u32) -> String {
    match (l, invalid) {
        (Lang::Zh, false) => format!("空白票 {n} 张，达到收回 {returned} 张的 {pct}%"),
        (Lang::Zh, true) => format!("废票 {n} 张，达到收回 {returned} 张的 {pct}%"),
        (_, false) => format!("blank ballots: {n}, at least {pct}% of the {returned} returned"),
        (_, true) => format!("invalid ballots: {n}, at least {pct}% of the {returned} returned"),
    }
}

/// A warning as the needs list shows it before `a`.
fn hint(l: Lang, w: &str) -> String {
    format!(
        "{w}{}",
        zh_en(l, "（按 a 确认）", " (press a to acknowledge)")
    )
}

/// A warning as the close step lists it after `a`.
fn acked(l: Lang, w: &str) -> String {
    format!("{w}{}", zh_en(l, "（已确认）", " (acknowledged)"))
}

fn acknowledged(l: Lang, n: usize) -> Option<Status> {
    Some(Status::Info(match l {
        Lang::Zh => format!("已确认 {n} 条提示（已记录，导出时一并列出）"),
        Lang::En => format!("{n} warnings acknowledged (recorded; every export lists them)"),
    }))
}

/// The bodies of the `warnings_acknowledged` events in the file.
fn acks(app: &App) -> Vec<Value> {
    let log = app.session.store.read_after(0).unwrap();
    log.into_iter()
        .filter(|e| e.kind == "warnings_acknowledged")
        .map(|e| serde_json::from_str(&e.body).unwrap())
        .collect()
}

/// A fresh demo app at the roll call of 南塘村's annual review.
fn started() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    press(&mut app, "<Enter> <Enter>");
    assert_eq!(step(&app), AgendaStep::RollCall);
    (dir, app)
}

/// A fresh demo app at the issuing step after roll call `roll` ("45 40").
fn at_issue(roll: &str) -> (tempfile::TempDir, App) {
    let (dir, mut app) = started();
    press(&mut app, &format!("e \"{roll}\" <Enter> n n n n"));
    assert_eq!(step(&app), AgendaStep::IssueBallots);
    (dir, app)
}

/// At the counting step: key `blank` blank ballots, `invalid` invalid
/// ones, then 优秀 for everyone up to `total`, and back to the agenda.
fn ballots(blank: usize, invalid: usize, total: usize) -> String {
    let rest = total - blank - invalid;
    format!(
        "<Enter>{}{} 1 <Enter>{} <Esc>",
        " 0 <Enter>".repeat(blank),
        " x <Enter>".repeat(invalid),
        " <Space>".repeat(rest - 1)
    )
}

/// At a step whose only blocking needs are the `warnings` (sentences,
/// in order): each shows in red with the hint, `n` is refused with the
/// first; `a` records exactly one event acknowledging `recorded` and
/// says so; then `n` moves on.
fn acknowledge_then_next(app: &mut App, l: Lang, warnings: &[String], recorded: Value) {
    let here = step(app);
    let b = render(app, 160, 45);
    for w in warnings {
        assert_eq!(fg_of(&b, &format!("- {}", hint(l, w))), Color::Red);
    }
    refused(app, "n", &hint(l, &warnings[0]));
    assert_eq!(step(app), here);
    let before = acks(app).len();
    let seq = app.session.store.last_seq();
    press(app, "a");
    assert_eq!(app.status, acknowledged(l, warnings.len()));
    assert_eq!(app.session.store.last_seq(), seq + 1);
    let after = acks(app);
    assert_eq!(after.len(), before + 1);
    assert_eq!(after[before]["warnings"], recorded);
    let b = render(app, 160, 45);
    for w in warnings {
        assert!(!shows(&b, &hint(l, w)), "{}", screen(&b));
    }
    press(app, "n");
    assert_ne!(step(app), here, "{:?}", app.status);
}

// ------------------------------------------------------------ errors

#[test]
fn counts_that_cannot_be_true_are_refused_and_record_nothing() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let too_large = |n: &str| {
            zh_en(
                l,
                &format!("{n} 超过了上限 100000，请核对。"),
                &format!("{n} is above the limit of 100000; please check."),
            )
        };
        let (_dir, mut app) = started();
        let none_expected = zh_en(
            l,
            "应到人数必须大于 0。",
            "The expected number must be more than 0.",
        );
        refused(&mut app, "e \"0 0\" <Enter>", &none_expected);
        for typed in ["45 200000", "200000 45", "100001 100001", "99999999999 40"] {
            let n = typed.split(' ').find(|s| s.len() > 5).unwrap();
            refused(
                &mut app,
                &format!("<Esc> e \"{typed}\" <Enter>"),
                &too_large(n),
            );
        }
        // Beyond u64 is no number at all.
        let bad = zh_en(
            l,
            "请输入两个数，例如：45 42",
            "Please type two numbers, e.g. 45 42",
        );
        refused(
            &mut app,
            "<Esc> e \"99999999999999999999999 40\" <Enter>",
            &bad,
        );
        assert_eq!((round(&app).expected, round(&app).present), (None, None));
        // The cap itself is allowed.
        press(&mut app, "<Esc> e \"100000 100000\" <Enter>");
        assert_eq!(round(&app).expected, Some(100_000));
        press(&mut app, "e \"45 40\" <Enter> n n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);

        for n in ["200000", "99999999999", "100001"] {
            refused(&mut app, &format!("<Esc> e \"{n}\" <Enter>"), &too_large(n));
        }
        refused(
            &mut app,
            "<Esc> e \"99999999999999999999999\" <Enter>",
            &zh_en(l, "请输入数字", "Please type a number"),
        );
        press(&mut app, "<Esc>");
        assert_eq!(round(&app).issued, None);
        press(&mut app, "e \"10\" <Enter> n");
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        for n in ["200000", "99999999999"] {
            refused(&mut app, &format!("<Esc> e \"{n}\" <Enter>"), &too_large(n));
        }
        press(&mut app, "<Esc>");
        assert_eq!(round(&app).returned, None);

        // 收回 > 发出: recorded, but the round is void: the agenda stops
        // (red) and the round cannot close.
        press(&mut app, "e \"11\" <Enter>");
        assert_eq!(round(&app).returned, Some(11));
        let need = zh_en(
            l,
            "收回 11 张多于发出 10 张：本轮无效，须重新投票",
            "returned 11 is more than issued 10: the round is void and must be re-run",
        );
        assert_eq!(
            fg_of(&render(&app, 160, 45), &format!("- {need}")),
            Color::Red
        );
        refused(&mut app, "n", &need);
        let seq = app.session.store.last_seq();
        let err = app
            .session
            .record(Event::RoundClosed {
                round: round_key(1),
                head: chain::to_hex(&app.session.store.head()),
                at: None,
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            zh_en(
                l,
                "收回多于发出，这一轮无效，不能结束；请按 v 作废并重新投票。",
                "More ballots returned than issued: the round is void and cannot close; press v to void it and re-run.",
            )
        );
        assert_eq!(app.session.store.last_seq(), seq);
        assert_eq!(round(&app).status, RoundStatus::Open);
    }
}

// ------------------------------------------------------------ 发出 suggested

#[test]
fn issued_is_suggested_from_present_and_typing_replaces_it() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = at_issue("45 40");
        press(&mut app, "e");
        let p = app.prompt.clone().unwrap();
        assert_eq!(
            (p.kind, p.input.as_str(), p.suggested),
            (PromptKind::Issued, "40", true)
        );
        // Shown selected after the question, as a default to accept.
        let b = render(&app, 160, 45);
        let question = zh_en(l, "发出选票数： 40", "Ballots issued: 40");
        let (x, y) = find(&b, &question).unwrap_or_else(|| panic!("{}", screen(&b)));
        let at = x
            + (question
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<u16>())
            - 2;
        assert!(b.buffer()[(at, y)].modifier.contains(Modifier::REVERSED));
        press(&mut app, "<Enter>");
        assert_eq!(round(&app).issued, Some(40));
        assert_eq!(
            app.status,
            info(l, "已记录：发出 40 张", "Recorded: 40 ballots issued")
        );
        assert_eq!(app.prompt, None);

        // Keyed again: the suggestion is what was keyed; typing replaces it.
        press(&mut app, "e");
        assert_eq!(app.prompt.as_ref().unwrap().input, "40");
        press(&mut app, "\"38\"");
        let p = app.prompt.clone().unwrap();
        assert_eq!((p.input.as_str(), p.suggested), ("38", false));
        press(&mut app, "<Enter>");
        assert_eq!(round(&app).issued, Some(38));
        assert_eq!(
            app.status,
            info(l, "已记录：发出 38 张", "Recorded: 38 ballots issued")
        );
        // 收回 suggests nothing before it is keyed.
        press(&mut app, "n e");
        assert_eq!(app.prompt.as_ref().unwrap().input, "");
    }
}

// ------------------------------------------------------------ warnings

#[test]
fn present_over_expected_waits_for_a_at_the_roll_call() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = started();
        press(&mut app, "e \"40 45\" <Enter>");
        assert_eq!(
            app.status,
            info(
                l,
                "已记录：应到 40，实到 45",
                "Recorded: expected 40, present 45"
            )
        );
        let w = present_over(l, 45, 40);
        let body = json!([{"kind": "present_over_expected", "present": 45, "expected": 40}]);
        acknowledge_then_next(&mut app, l, &[w], body);
        assert!(matches!(step(&app), AgendaStep::OralReport { .. }));
    }
}

#[test]
fn issued_over_present_waits_for_a_and_holds_for_its_numbers_only() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = at_issue("45 40");
        let nothing = zh_en(
            l,
            "这一步没有需要确认的提示",
            "There is no warning to acknowledge at this step",
        );
        refused(&mut app, "a", &nothing);
        press(&mut app, "e \"42\" <Enter>");
        let w42 = issued_over(l, 42, 40);
        let body = json!([{"kind": "issued_over_present", "issued": 42, "present": 40}]);
        acknowledge_then_next(&mut app, l, std::slice::from_ref(&w42), body);
        assert_eq!(step(&app), AgendaStep::CollectBallots);

        // 发出 keyed again as 43: a new warning, which blocks again.
        press(&mut app, "p e \"43\" <Enter>");
        assert_eq!(round(&app).issued, Some(43));
        let w43 = issued_over(l, 43, 40);
        let body = json!([{"kind": "issued_over_present", "issued": 43, "present": 40}]);
        acknowledge_then_next(&mut app, l, &[w43], body);
        assert_eq!(acks(&app).len(), 2);

        // Back to 42: acknowledged already, so nothing blocks and nothing
        // new is recorded.
        press(&mut app, "p e \"42\" <Enter>");
        assert!(!shows(&render(&app, 160, 45), &hint(l, &w42)));
        refused(&mut app, "a", &nothing);
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        assert_eq!(acks(&app).len(), 2);
    }
}

#[test]
fn returned_short_warns_from_two_percent_of_issued() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        // 1 of 50 missing is 2 %: a warning.
        let (_dir, mut app) = at_issue("120 100");
        press(&mut app, "e \"50\" <Enter> n e \"49\" <Enter>");
        let body = json!([{"kind": "returned_short", "returned": 49, "issued": 50, "percent": 2}]);
        acknowledge_then_next(&mut app, l, &[returned_short(l, 49, 50)], body);
        assert_eq!(step(&app), AgendaStep::Counting);

        // 2 of 100 warns; 1 of 100 does not (and the warning is gone).
        let (_dir, mut app) = at_issue("120 100");
        press(&mut app, "e \"100\" <Enter> n e \"98\" <Enter>");
        let w = hint(l, &returned_short(l, 98, 100));
        refused(&mut app, "n", &w);
        press(&mut app, "e \"99\" <Enter>");
        assert_eq!(
            app.status,
            info(l, "已记录：收回 99 张", "Recorded: 99 ballots returned")
        );
        let b = render(&app, 160, 45);
        assert!(shows(
            &b,
            &zh_en(l, "可以进入下一步。", "Ready for the next step.")
        ));
        assert!(app.model().warnings(round(&app)).is_empty());
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::Counting);
        assert!(acks(&app).is_empty());
    }
}

#[test]
fn no_ballots_warns_and_then_the_round_closes_with_none() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = at_issue("45 40");
        press(&mut app, "e <Enter> n e \"0\" <Enter>");
        assert_eq!(
            (round(&app).issued, round(&app).returned),
            (Some(40), Some(0))
        );
        let w = zh_en(
            l,
            "收回 0 张：这一轮没有选票",
            "0 returned: this round has no ballots",
        );
        acknowledge_then_next(
            &mut app,
            l,
            std::slice::from_ref(&w),
            json!([{"kind": "no_ballots"}]),
        );
        assert_eq!(step(&app), AgendaStep::Counting);
        press(&mut app, "n n");
        assert_eq!(step(&app), AgendaStep::Close);
        let b = render(&app, 160, 45);
        assert!(shows(&b, &zh_en(l, "结束时的提示", "Warnings at closing")));
        assert_eq!(fg_of(&b, &format!("- {}", acked(l, &w))), Color::Yellow);
        press(&mut app, "<Enter> <Enter>");
        assert!(
            matches!(round(&app).status, RoundStatus::Closed { .. }),
            "{:?}",
            app.status
        );
    }
}

#[test]
fn blank_and_invalid_ballots_warn_from_three_percent_of_returned() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        // (blank, invalid) of 40 returned; 1 is 2.5 %, 2 are 5 %.
        for (blank, invalid) in [(1, 1), (2, 0), (0, 2), (2, 2)] {
            let (_dir, mut app) = demo_app();
            press(&mut app, &to_counting_script(40));
            press(&mut app, &ballots(blank, invalid, 40));
            let t = app.model().tally(round(&app));
            assert_eq!(
                (t.entered, t.blank, t.invalid),
                (40, blank as u64, invalid as u64)
            );
            let mut warnings = Vec::new();
            let mut body = Vec::new();
            if blank >= 2 {
                warnings.push(many(l, false, 2, 40, 3));
                body.push(json!({"kind": "many_blank", "blank": 2, "returned": 40, "percent": 3}));
            }
            if invalid >= 2 {
                warnings.push(many(l, true, 2, 40, 3));
                body.push(
                    json!({"kind": "many_invalid", "invalid": 2, "returned": 40, "percent": 3}),
                );
            }
            if warnings.is_empty() {
                let b = render(&app, 160, 45);
                assert!(shows(
                    &b,
                    &zh_en(l, "可以进入下一步。", "Ready for the next step.")
                ));
                press(&mut app, "n");
            } else {
                acknowledge_then_next(&mut app, l, &warnings, Value::Array(body));
            }
            assert_eq!(step(&app), AgendaStep::Results, "{blank} {invalid}");
        }
    }
}

// ------------------------------------------------------------ close step

#[test]
fn the_close_step_lists_every_warning_and_refuses_while_one_is_open() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = started();
        press(&mut app, "e \"40 45\" <Enter> a n n n n");
        press(&mut app, "e <Enter> n e \"44\" <Enter> a n");
        press(&mut app, &ballots(2, 0, 44));
        press(&mut app, "a n n");
        assert_eq!(step(&app), AgendaStep::Close);
        assert_eq!(acks(&app).len(), 3);
        let earlier = [
            present_over(l, 45, 40),
            returned_short(l, 44, 45),
            many(l, false, 2, 44, 3),
        ];
        let b = render(&app, 160, 45);
        assert!(shows(&b, &zh_en(l, "结束时的提示", "Warnings at closing")));
        for w in &earlier {
            assert_eq!(fg_of(&b, &format!("- {}", acked(l, w))), Color::Yellow);
        }

        // 发出 re-keyed behind the agenda's back: two new warnings open.
        app.session
            .record(Event::BallotsIssued {
                round: round_key(1),
                count: 46,
            })
            .unwrap();
        let open = [issued_over(l, 46, 45), returned_short(l, 44, 46)];
        let b = render(&app, 160, 45);
        assert!(shows(
            &b,
            &zh_en(l, "进入下一步前还需要：", "Before the next step:")
        ));
        for w in &open {
            assert_eq!(fg_of(&b, &format!("- {}", hint(l, w))), Color::Red);
        }
        for w in [&earlier[0], &earlier[2]] {
            assert_eq!(fg_of(&b, &format!("- {}", acked(l, w))), Color::Yellow);
        }
        assert!(!shows(&b, &earlier[1]), "{}", screen(&b));
        refused(
            &mut app,
            "<Enter> <Enter>",
            &zh_en(
                l,
                "还不能结束这一轮：还有 2 条提示没有确认（在提示出现的那一步或散会这一步按 a 确认）。",
                "The round cannot close yet: 2 warnings are not acknowledged (press a at their step or at the close step).",
            ),
        );
        assert_eq!(round(&app).status, RoundStatus::Open);

        // `a` at the close step acknowledges every open one, in one event.
        press(&mut app, "<Esc> a");
        assert_eq!(app.status, acknowledged(l, 2));
        let all = acks(&app);
        assert_eq!(all.len(), 4);
        assert_eq!(
            all[3]["warnings"],
            json!([
                {"kind": "issued_over_present", "issued": 46, "present": 45},
                {"kind": "returned_short", "returned": 44, "issued": 46, "percent": 2},
            ])
        );
        let b = render(&app, 160, 45);
        assert!(shows(&b, &zh_en(l, "结束时的提示", "Warnings at closing")));
        for w in open.iter().chain([&earlier[0], &earlier[2]]) {
            assert_eq!(fg_of(&b, &format!("- {}", acked(l, w))), Color::Yellow);
        }
        let head = chain::to_hex(&app.session.store.head());
        press(&mut app, "<Enter> <Enter>");
        assert_eq!(round(&app).status, RoundStatus::Closed { head });
    }
}

// ------------------------------------------------------------ thresholds

#[test]
fn thresholds_come_from_the_campaign() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        for blank in [2, 20] {
            let dir = tempfile::tempdir().unwrap();
            let mut campaign = ceping::campaign_toml::demo();
            campaign.rules.warnings.blank_percent = 50;
            let session = Store::create(&file(&dir), &campaign).unwrap();
            let mut app = App::new(session, t0());
            press(&mut app, &to_counting_script(40));
            press(&mut app, &ballots(blank, 0, 40));
            if blank == 2 {
                // 5 % of 40 blank: under the campaign's 50 %, nothing.
                assert!(app.model().warnings(round(&app)).is_empty());
                press(&mut app, "n");
            } else {
                let w = many(l, false, 20, 40, 50);
                let body =
                    json!([{"kind": "many_blank", "blank": 20, "returned": 40, "percent": 50}]);
                acknowledge_then_next(&mut app, l, &[w], body);
            }
            assert_eq!(step(&app), AgendaStep::Results);
        }
    }
}

// ------------------------------------------------------------ re-run round

#[test]
fn a_re_run_round_needs_its_ballots_issued_before_it_closes() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = at_issue("45 40");
        press(&mut app, "e \"10\" <Enter> n e \"11\" <Enter> v <Enter>");
        assert_eq!(round(&app).key, round_key(2));
        assert_eq!(round(&app).issued, None);
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        let need = zh_en(
            l,
            "还没有录入发出选票数：按 p 回到发放选票，按 e 录入",
            "ballots issued not keyed in: press p to go back to issuing ballots, then e",
        );
        assert_eq!(
            fg_of(&render(&app, 160, 45), &format!("- {need}")),
            Color::Red
        );
        refused(&mut app, "n", &need);

        // Closing it directly is refused, and records nothing.
        let model = app.model().clone();
        let seq = app.session.store.last_seq();
        let err = app
            .session
            .record(Event::RoundClosed {
                round: round_key(2),
                head: chain::to_hex(&app.session.store.head()),
                at: None,
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            zh_en(
                l,
                "还不能结束这一轮：还没有录入发出选票数。",
                "The round cannot close yet: the ballots issued are not keyed in.",
            )
        );
        assert_eq!((app.model(), app.session.store.last_seq()), (&model, seq));

        // As the need says: p, then e (suggesting 实到 again), Enter.
        press(&mut app, "p e");
        assert_eq!(app.prompt.as_ref().unwrap().input, "40");
        press(&mut app, "<Enter> n");
        assert_eq!(round(&app).issued, Some(40));
        assert_eq!(step(&app), AgendaStep::CollectBallots);
    }
}

// ------------------------------------------------------------ replay

fn ceping(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ceping"))
        .args(args)
        .env_remove("CEPING_LANG")
        .output()
        .unwrap()
}

/// Append `event` to the file with SQL, chained after the last row, as a
/// tool outside ceping could: nothing checks it on the way in.
fn append_unchecked(path: &std::path::Path, event: &Event) -> u64 {
    let (kind, body) = event.to_parts().unwrap();
    let c = rusqlite::Connection::open(path).unwrap();
    let (seq, prev): (i64, String) = c
        .query_row(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let seq = seq as u64 + 1;
    let ts = "2022-01-10T09:05:00.000+08:00";
    let hash = chain::link(&chain::from_hex(&prev).unwrap(), seq, ts, &kind, &body);
    c.execute(
        "INSERT INTO events (seq, ts, kind, body, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![seq as i64, ts, kind, body, chain::to_hex(&hash)],
    )
    .unwrap();
    seq
}

#[test]
fn counts_above_the_cap_are_refused_on_replay_too() {
    let cases = [
        (
            Event::RollCall {
                round: round_key(1),
                expected: u32::MAX,
                present: 40,
            },
            "4294967295",
        ),
        (
            Event::BallotsReturned {
                round: round_key(1),
                count: 100_001,
            },
            "100001",
        ),
    ];
    for (event, number) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ceping");
        let mut s = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
        let lines = s
            .model
            .ballot_lines("南塘村", MeetingKind::AnnualReview)
            .unwrap();
        s.record(Event::RoundOpened {
            round: round_key(1),
            lines,
        })
        .unwrap();
        drop(s);
        let seq = append_unchecked(&path, &event);
        assert_eq!(seq, 3);
        let file = path.to_str().unwrap();

        for (lang, says) in [
            (
                "zh",
                format!("记录在第 3 条处损坏：{number} 超过了上限 100000，请核对。"),
            ),
            (
                "en",
                format!("damaged at event 3: {number} is above the limit of 100000; please check."),
            ),
        ] {
            for args in [
                &["verify", file][..],
                &["export", file, "--format", "json"][..],
            ] {
                let args = [&["--lang", lang][..], args].concat();
                let o = ceping(&args);
                let (out, err) = (
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr),
                );
                assert_eq!(o.status.code(), Some(1), "{args:?}: {out}");
                assert!(err.contains(&says), "{args:?}: {err}");
                // Nothing printed: no 4294967295, no wrapped -1 or 0.
                assert_eq!(out, "", "{args:?}");
            }
        }
        // The meeting laptop will not open it either.
        assert!(Store::open(&path).is_err());
    }
}
