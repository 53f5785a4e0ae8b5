//! The counting rules ("Counting rules" in the README), driven through the
//! keymap on the demo campaign (南塘村 述职测评大会) in Chinese and English:
//! an error is refused with its sentence and records nothing; a warning is
//! recorded, blocks the agenda until `a` (one `warnings_acknowledged`
//! event), holds for its numbers only, and is listed again at the close
//! step; the thresholds come from the campaign; the cap on counts also
//! holds when a file is replayed.

#[path = "support/mod.rs"]
mod support;

use std::process::Command;

use ceping::app::{App, PromptKind, Status};
use ceping::domain::{AgendaStep, Event, MeetingKind, Round, RoundKey, RoundStatus};
use ceping::i18n::Lang;
use ceping::store::{Store, chain};
use ratatui::style::{Color, Modifier};
use serde_json::{Value, json};
use support::app::*;
use support::t0;
use unicode_width::UnicodeWidthStr;

/// A sentence in the current language, formatted with inline arguments.
macro_rules! tr {
    ($zh:literal, $en:literal $(,)?) => {
        match ceping::i18n::lang() {
            Lang::Zh => format!($zh),
            _ => format!($en),
        }
    };
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
    app.current_round().unwrap()
}

fn step(app: &App) -> AgendaStep {
    app.current_step().unwrap()
}

fn info(s: String) -> Option<Status> {
    Some(Status::Info(s))
}

// Warnings as a `warnings_acknowledged` body lists them.
fn present_over(present: u32, expected: u32) -> Value {
    json!({"kind": "present_over_expected", "present": present, "expected": expected})
}

fn issued_over(issued: u32, present: u32) -> Value {
    json!({"kind": "issued_over_present", "issued": issued, "present": present})
}

fn short(returned: u32, issued: u32) -> Value {
    json!({"kind": "returned_short", "returned": returned, "issued": issued, "percent": 2})
}

/// `many_blank` or `many_invalid` (`what` is "blank" or "invalid").
fn many(what: &str, n: u32, returned: u32, percent: u32) -> Value {
    let mut w = json!({"kind": format!("many_{what}"), "returned": returned, "percent": percent});
    w[what] = json!(n);
    w
}

/// Each warning's sentence, written out here (not taken from the
/// catalog) as `kind|zh|en`: `{field}` is the warning's number, `{d}` is
/// 发出 - 收回.
const SENTENCES: [&str; 6] = [
    "present_over_expected|实到 {present} 人多于应到 {expected} 人，请核对|present {present} is more than expected {expected}; please check",
    "issued_over_present|发出 {issued} 张多于实到 {present} 人，请核对|issued {issued} is more than present {present}; please check",
    "returned_short|收回 {returned} 张比发出 {issued} 张少 {d} 张（少了 {percent}% 或以上），请核对|returned {returned} is {d} fewer than issued {issued} ({percent}% or more short); please check",
    "no_ballots|收回 0 张：这一轮没有选票|0 returned: this round has no ballots",
    "many_blank|空白票 {blank} 张，占收回 {returned} 张的 {percent}% 或以上|blank ballots: {blank}, {percent}% or more of the {returned} returned",
    "many_invalid|废票 {invalid} 张，占收回 {returned} 张的 {percent}% 或以上|invalid ballots: {invalid}, {percent}% or more of the {returned} returned",
];

fn sentence(w: &Value) -> String {
    let kind = w["kind"].as_str().unwrap();
    let row = SENTENCES
        .iter()
        .find_map(|s| s.strip_prefix(&format!("{kind}|")));
    let (zh, en) = row.unwrap().split_once('|').unwrap();
    let mut s = if ceping::i18n::lang() == Lang::Zh {
        zh
    } else {
        en
    }
    .to_string();
    for (k, v) in w.as_object().unwrap() {
        s = s.replace(&format!("{{{k}}}"), &v.to_string());
    }
    if let (Some(i), Some(r)) = (w["issued"].as_u64(), w["returned"].as_u64()) {
        s = s.replace("{d}", &(i - r).to_string());
    }
    s
}

/// The needs line of a warning: before `a`, with the hint, in red; after,
/// marked acknowledged, in yellow (listed at the close step).
fn need_line(w: &Value, acknowledged: bool) -> (String, Color) {
    let s = sentence(w);
    match acknowledged {
        false => (
            tr!("- {s}（按 a 确认）", "- {s} (press a to acknowledge)"),
            Color::Red,
        ),
        true => (
            tr!("- {s}（已确认）", "- {s} (acknowledged)"),
            Color::Yellow,
        ),
    }
}

/// The needs list shows each of `warnings` so.
fn listed(app: &App, warnings: &[Value], acknowledged: bool) {
    let b = render(app, 160, 45);
    for w in warnings {
        let (line, colour) = need_line(w, acknowledged);
        assert_eq!(fg_of(&b, &line), colour, "{line}");
    }
}

fn acknowledged(n: usize) -> Option<Status> {
    info(tr!(
        "已确认 {n} 条提示（已记录，导出时一并列出）",
        "{n} warnings acknowledged (recorded; every export lists them)"
    ))
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
    let (b, x) = (" 0 <Enter>".repeat(blank), " x <Enter>".repeat(invalid));
    format!(
        "<Enter>{b}{x} 1 <Enter>{} <Esc>",
        " <Space>".repeat(rest - 1)
    )
}

/// At a step whose only blocking needs are `warnings`, in order: each is
/// listed in red with the hint and `n` is refused with the first; `a`
/// records exactly one event acknowledging all of them and says so; they
/// are no longer needed, and `n` moves on.
fn acknowledge_then_next(app: &mut App, warnings: &[Value]) {
    let here = step(app);
    listed(app, warnings, false);
    refused(app, "n", &need_line(&warnings[0], false).0[2..]);
    assert_eq!(step(app), here);
    let (before, seq) = (acks(app).len(), app.session.store.last_seq());
    press(app, "a");
    assert_eq!(app.status, acknowledged(warnings.len()));
    assert_eq!(app.session.store.last_seq(), seq + 1);
    let after = acks(app);
    assert_eq!(after.len(), before + 1);
    assert_eq!(after[before]["warnings"], json!(warnings));
    let b = render(app, 160, 45);
    for w in warnings {
        assert!(!shows(&b, &need_line(w, false).0), "{}", screen(&b));
    }
    press(app, "n");
    assert_ne!(step(app), here, "{:?}", app.status);
}

/// [`refused`], for a sentence that starts with what was typed (the
/// fixture looks for its first characters, which the prompt's input also
/// shows): the sentence is the last thing on the status line, in red.
fn refused_echo(app: &mut App, script: &str, sentence: &str) {
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    press(app, script);
    assert_eq!(app.status, Some(Status::Error(sentence.into())), "{script}");
    assert_eq!((app.model(), app.session.store.last_seq()), (&model, seq));
    let b = render(app, 160, 45);
    let line = status_line(&b);
    let at = line.rfind(sentence).unwrap_or_else(|| panic!("{line:?}"));
    let x = line[..at].width() as u16;
    assert_eq!(b.buffer()[(x, status_row(&b))].fg, Color::Red, "{line:?}");
}

/// Record `RoundClosed` for round `n` directly; it must be refused with
/// `sentence`, recording nothing.
fn close_refused(app: &mut App, n: u32, sentence: &str) {
    let (model, seq) = (app.model().clone(), app.session.store.last_seq());
    let head = chain::to_hex(&app.session.store.head());
    let err = app.session.record(Event::RoundClosed {
        round: round_key(n),
        head,
        at: None,
    });
    assert_eq!(err.unwrap_err().to_string(), sentence);
    assert_eq!((app.model(), app.session.store.last_seq()), (&model, seq));
}

// ------------------------------------------------------------ errors

#[test]
fn counts_that_cannot_be_true_are_refused_and_record_nothing() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let too_large = |n: &str| {
            tr!(
                "{n} 超过了上限 100000，请核对。",
                "{n} is above the limit of 100000; please check."
            )
        };
        let (_dir, mut app) = started();
        let none = tr!(
            "应到人数必须大于 0。",
            "The expected number must be more than 0."
        );
        refused(&mut app, "e \"0 0\" <Enter>", &none);
        press(&mut app, "<Esc>");
        for typed in ["45 200000", "200000 45", "100001 100001", "99999999999 40"] {
            let n = typed.split(' ').find(|s| s.len() > 5).unwrap();
            refused_echo(&mut app, &format!("e \"{typed}\" <Enter>"), &too_large(n));
            press(&mut app, "<Esc>");
        }
        // Beyond u64 it is no number at all.
        let two = tr!(
            "请输入两个数，例如：45 42",
            "Please type two numbers, e.g. 45 42"
        );
        refused(&mut app, "e \"99999999999999999999999 40\" <Enter>", &two);
        assert_eq!((round(&app).expected, round(&app).present), (None, None));
        // The cap itself is allowed.
        press(&mut app, "<Esc> e \"100000 100000\" <Enter>");
        assert_eq!(round(&app).expected, Some(100_000));
        press(&mut app, "e \"45 40\" <Enter> n n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);

        for n in ["200000", "99999999999", "100001"] {
            refused_echo(&mut app, &format!("e \"{n}\" <Enter>"), &too_large(n));
            press(&mut app, "<Esc>");
        }
        let one = tr!("请输入数字", "Please type a number");
        refused(&mut app, "e \"99999999999999999999999\" <Enter>", &one);
        press(&mut app, "<Esc>");
        assert_eq!(round(&app).issued, None);
        press(&mut app, "e \"10\" <Enter> n");
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        for n in ["200000", "99999999999"] {
            refused_echo(&mut app, &format!("e \"{n}\" <Enter>"), &too_large(n));
            press(&mut app, "<Esc>");
        }
        assert_eq!(round(&app).returned, None);

        // 收回 > 发出: recorded, but the round is void: the agenda stops
        // (red) and the round cannot close.
        press(&mut app, "e \"11\" <Enter>");
        assert_eq!(round(&app).returned, Some(11));
        let need = tr!(
            "收回 11 张多于发出 10 张：本轮无效，须重新投票",
            "returned 11 is more than issued 10: the round is void and must be re-run"
        );
        assert_eq!(
            fg_of(&render(&app, 160, 45), &format!("- {need}")),
            Color::Red
        );
        refused(&mut app, "n", &need);
        let void = tr!(
            "收回多于发出，这一轮无效，不能结束；请按 v 作废并重新投票。",
            "More ballots returned than issued: the round is void and cannot close; press v to void it and re-run."
        );
        close_refused(&mut app, 1, &void);
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
        let question = tr!("发出选票数： 40", "Ballots issued: 40");
        let (x, y) = find(&b, &question).unwrap_or_else(|| panic!("{}", screen(&b)));
        let last = x + question.width() as u16 - 1;
        assert!(b.buffer()[(last, y)].modifier.contains(Modifier::REVERSED));
        press(&mut app, "<Enter>");
        assert_eq!(round(&app).issued, Some(40));
        assert_eq!(
            app.status,
            info(tr!("已记录：发出 40 张", "Recorded: 40 ballots issued"))
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
            info(tr!("已记录：发出 38 张", "Recorded: 38 ballots issued"))
        );
        // 收回 suggests nothing before it is keyed.
        press(&mut app, "n e");
        assert_eq!(app.prompt.as_ref().unwrap().input, "");
    }
}

// ------------------------------------------------------------ warnings

#[test]
fn issued_over_present_waits_for_a_and_holds_for_its_numbers_only() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = at_issue("45 40");
        let nothing = tr!(
            "这一步没有需要确认的提示",
            "There is no warning to acknowledge at this step"
        );
        refused(&mut app, "a", &nothing);
        press(&mut app, "e \"42\" <Enter>");
        acknowledge_then_next(&mut app, &[issued_over(42, 40)]);
        assert_eq!(step(&app), AgendaStep::CollectBallots);

        // 发出 keyed again as 43: a new warning, which blocks again.
        press(&mut app, "p e \"43\" <Enter>");
        assert_eq!(round(&app).issued, Some(43));
        acknowledge_then_next(&mut app, &[issued_over(43, 40)]);
        assert_eq!(acks(&app).len(), 2);

        // Back to 42: acknowledged already, so nothing blocks and nothing
        // new is recorded.
        press(&mut app, "p e \"42\" <Enter>");
        let (line, _) = need_line(&issued_over(42, 40), false);
        assert!(!shows(&render(&app, 160, 45), &line));
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
        acknowledge_then_next(&mut app, &[short(49, 50)]);
        assert_eq!(step(&app), AgendaStep::Counting);

        // 2 of 100 warns; 1 of 100 does not (and the warning is gone).
        let (_dir, mut app) = at_issue("120 100");
        press(&mut app, "e \"100\" <Enter> n e \"98\" <Enter>");
        refused(&mut app, "n", &need_line(&short(98, 100), false).0[2..]);
        press(&mut app, "e \"99\" <Enter>");
        let saved = tr!("已记录：收回 99 张", "Recorded: 99 ballots returned");
        assert_eq!(app.status, info(saved));
        let ready = tr!("可以进入下一步。", "Ready for the next step.");
        assert!(shows(&render(&app, 160, 45), &ready));
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
        let none = json!({"kind": "no_ballots"});
        acknowledge_then_next(&mut app, std::slice::from_ref(&none));
        assert_eq!(step(&app), AgendaStep::Counting);
        press(&mut app, "n n");
        assert_eq!(step(&app), AgendaStep::Close);
        let heading = tr!("结束时的提示", "Warnings at closing");
        assert!(shows(&render(&app, 160, 45), &heading));
        listed(&app, &[none], true);
        press(&mut app, "<Enter> <Enter>");
        let closed = matches!(round(&app).status, RoundStatus::Closed { .. });
        assert!(closed, "{:?}", app.status);
    }
}

/// A fresh app on the demo campaign with `[rules.warnings] blank_percent`
/// set, at the counting step with 40 ballots issued and returned: keys
/// `blank` blank and `invalid` invalid ballots, the rest 优秀; the
/// agenda moves on to the results at once, or after `a` on `warnings`.
fn count_then_results(blank_percent: u32, blank: usize, invalid: usize, warnings: &[Value]) {
    let dir = tempfile::tempdir().unwrap();
    let mut campaign = ceping::campaign_toml::demo();
    campaign.rules.warnings.blank_percent = blank_percent;
    let session = Store::create(&file(&dir), &campaign).unwrap();
    let mut app = App::new(session, t0());
    press(&mut app, &to_counting_script(40));
    press(&mut app, &ballots(blank, invalid, 40));
    let t = app.model().tally(round(&app));
    let counts = (t.entered, t.blank as usize, t.invalid as usize);
    assert_eq!(counts, (40, blank, invalid));
    assert_eq!(app.model().warnings(round(&app)).len(), warnings.len());
    if warnings.is_empty() {
        let ready = tr!("可以进入下一步。", "Ready for the next step.");
        assert!(shows(&render(&app, 160, 45), &ready));
        press(&mut app, "n");
    } else {
        acknowledge_then_next(&mut app, warnings);
    }
    assert_eq!(step(&app), AgendaStep::Results, "{blank} {invalid}");
}

#[test]
fn blank_and_invalid_ballots_warn_from_three_percent_of_returned() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        // Of 40 returned, 1 is 2.5 % and 2 are 5 %.
        count_then_results(3, 1, 1, &[]);
        count_then_results(3, 2, 0, &[many("blank", 2, 40, 3)]);
        count_then_results(3, 0, 2, &[many("invalid", 2, 40, 3)]);
        let both = [many("blank", 2, 40, 3), many("invalid", 2, 40, 3)];
        count_then_results(3, 2, 2, &both);
    }
}

#[test]
fn thresholds_come_from_the_campaign() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        // blank_percent = 50: 2 blank of 40 raise nothing, 20 do.
        count_then_results(50, 2, 0, &[]);
        count_then_results(50, 20, 0, &[many("blank", 20, 40, 50)]);
    }
}

// ------------------------------------------------------------ close step

#[test]
fn the_close_step_lists_every_warning_and_refuses_while_one_is_open() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = started();
        // A warning at the roll call, at collecting and at counting, each
        // acknowledged at its step.
        press(&mut app, "e \"40 45\" <Enter>");
        let saved = tr!(
            "已记录：应到 40，实到 45",
            "Recorded: expected 40, present 45"
        );
        assert_eq!(app.status, info(saved));
        acknowledge_then_next(&mut app, &[present_over(45, 40)]);
        press(&mut app, "n n n e <Enter> n e \"44\" <Enter>");
        acknowledge_then_next(&mut app, &[short(44, 45)]);
        press(&mut app, &ballots(2, 0, 44));
        acknowledge_then_next(&mut app, &[many("blank", 2, 44, 3)]);
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::Close);
        let heading = tr!("结束时的提示", "Warnings at closing");
        assert!(shows(&render(&app, 160, 45), &heading));
        let earlier = [present_over(45, 40), short(44, 45), many("blank", 2, 44, 3)];
        listed(&app, &earlier, true);

        // 发出 re-keyed behind the agenda's back: two new warnings open.
        let round1 = round_key(1);
        let event = Event::BallotsIssued {
            round: round1,
            count: 46,
        };
        app.session.record(event).unwrap();
        let open = [issued_over(46, 45), short(44, 46)];
        let b = render(&app, 160, 45);
        assert!(shows(
            &b,
            &tr!("进入下一步前还需要：", "Before the next step:")
        ));
        assert!(!shows(&b, &heading));
        listed(&app, &open, false);
        listed(&app, &[earlier[0].clone(), earlier[2].clone()], true);
        assert!(!shows(&b, &sentence(&earlier[1])), "{}", screen(&b));
        let waiting = tr!(
            "还不能结束这一轮：还有 2 条提示没有确认（在提示出现的那一步或散会这一步按 a 确认）。",
            "The round cannot close yet: 2 warnings are not acknowledged (press a at their step or at the close step)."
        );
        refused(&mut app, "<Enter> <Enter>", &waiting);
        assert_eq!(round(&app).status, RoundStatus::Open);

        // `a` at the close step acknowledges every open one, in one event.
        press(&mut app, "<Esc> a");
        assert_eq!(app.status, acknowledged(2));
        let all = acks(&app);
        assert_eq!(all.len(), 4);
        assert_eq!(all[3]["warnings"], json!(open));
        assert!(shows(&render(&app, 160, 45), &heading));
        listed(&app, &open, true);
        listed(&app, &[earlier[0].clone(), earlier[2].clone()], true);
        let head = chain::to_hex(&app.session.store.head());
        press(&mut app, "<Enter> <Enter>");
        assert_eq!(round(&app).status, RoundStatus::Closed { head });
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
        let need = tr!(
            "还没有录入发出选票数：按 p 回到发放选票，按 e 录入",
            "ballots issued not keyed in: press p to go back to issuing ballots, then e"
        );
        assert_eq!(
            fg_of(&render(&app, 160, 45), &format!("- {need}")),
            Color::Red
        );
        refused(&mut app, "n", &need);

        // Closing it directly is refused, and records nothing.
        let no_issued = tr!(
            "还不能结束这一轮：还没有录入发出选票数。",
            "The round cannot close yet: the ballots issued are not keyed in."
        );
        close_refused(&mut app, 2, &no_issued);

        // As the need says: p, then e (suggesting 实到 again), Enter.
        press(&mut app, "p e");
        assert_eq!(app.prompt.as_ref().unwrap().input, "40");
        press(&mut app, "<Enter> n");
        assert_eq!(round(&app).issued, Some(40));
        assert_eq!(step(&app), AgendaStep::CollectBallots);
    }
}

// ------------------------------------------------------------ replay

/// Append an event (`kind`, `body`) to the file with SQL, chained after
/// the last row, as a tool outside ceping could: nothing checks it.
fn append_unchecked(path: &std::path::Path, kind: &str, body: &str) -> u64 {
    let c = rusqlite::Connection::open(path).unwrap();
    let last = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";
    let (seq, prev): (i64, String) = c
        .query_row(last, [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let seq = seq as u64 + 1;
    let ts = "2022-01-10T09:05:00.000+08:00";
    let hash = chain::link(&chain::from_hex(&prev).unwrap(), seq, ts, kind, body);
    c.execute(
        "INSERT INTO events (seq, ts, kind, body, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![seq as i64, ts, kind, body, chain::to_hex(&hash)],
    )
    .unwrap();
    seq
}

#[test]
fn counts_above_the_cap_are_refused_on_replay_too() {
    let guard = lock(Lang::Zh);
    let rk = serde_json::to_string(&round_key(1)).unwrap();
    let cases = [
        (
            "roll_call",
            format!(r#"{{"round":{rk},"expected":4294967295,"present":40}}"#),
        ),
        (
            "ballots_returned",
            format!(r#"{{"round":{rk},"count":100001}}"#),
        ),
    ];
    for ((kind, body), number) in cases.iter().zip(["4294967295", "100001"]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ceping");
        let mut s = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
        let lines = s.model.ballot_lines("南塘村", MeetingKind::AnnualReview);
        let round = round_key(1);
        s.record(Event::RoundOpened {
            round,
            lines: lines.unwrap(),
        })
        .unwrap();
        drop(s);
        // The body reads as that event: only its number is out of bounds.
        assert!(Event::from_parts(kind, body).is_ok(), "{body}");
        assert_eq!(append_unchecked(&path, kind, body), 3);
        let file = path.to_str().unwrap();

        for (l, code) in LANGS {
            lang(&guard, l);
            let says = tr!(
                "记录在第 3 条处损坏：{number} 超过了上限 100000，请核对。",
                "damaged at event 3: {number} is above the limit of 100000; please check."
            );
            for args in [&["verify", file][..], &["export", file, "--format", "json"]] {
                let args = [&["--lang", code][..], args].concat();
                let o = Command::new(env!("CARGO_BIN_EXE_ceping"))
                    .args(&args)
                    .env_remove("CEPING_LANG")
                    .output()
                    .unwrap();
                let out = String::from_utf8_lossy(&o.stdout);
                let err = String::from_utf8_lossy(&o.stderr);
                assert_eq!(o.status.code(), Some(1), "{args:?}: {out}");
                assert!(err.contains(&says), "{args:?}: {err}");
                // Nothing printed: neither the number nor a wrapped one.
                assert_eq!(out, "", "{args:?}");
            }
        }
        // The meeting laptop will not open it either.
        let refused = Store::open(&path).unwrap_err().to_string();
        assert!(refused.contains(number), "{refused}");
    }
}
