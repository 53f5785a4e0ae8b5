//! The counting rules ("Counting rules" in the README), driven through the
//! keymap on the demo campaign (南塘村 述职测评大会) in Chinese and English:
//! an error is refused with its sentence and records nothing; a warning is
//! recorded, blocks the agenda until `a` (one `warnings_acknowledged`
//! event), holds for its numbers only, and is listed again at the close
//! step; the thresholds come from the campaign; the cap on counts also
//! holds when a file is replayed.

use std::process::Command;

use crate::support::app::*;
use crate::support::t0;
use ceping::app::{App, PromptKind, Status};
use ceping::domain::{AgendaStep, Event, MeetingKind, Round, RoundKey, RoundStatus};
use ceping::i18n::Lang;
use ceping::store::{Store, chain};
use ratatui::style::{Color, Modifier};
use serde_json::{Value, json};
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

// The topics, declared after `tr!`, which they use.
mod close;
mod errors;
mod replay;
mod warnings;

fn round_key(n: u32) -> RoundKey {
    crate::support::meeting::key("南塘村", MeetingKind::AnnualReview, n)
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
    let (dir, app) = demo_at("<Enter> <Enter>");
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
