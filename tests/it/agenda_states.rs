//! The agenda as issue 13 asks for it, driven through the real keymap:
//! each step marked done / current / not done from what was recorded;
//! requirements (必须, red) and reminders (提醒, yellow) told apart in
//! words; leaving a speaker stops their clock (a recorded stop); a
//! mistaken `s` taken back with `u`; one rounding rule for the countdown
//! and the time used; `v` in the footer when voiding is the way on.

use ceping::app::App;
use ceping::domain::{AgendaStep, Event, MeetingKey, MeetingKind, TimerAction};
use ceping::i18n::Lang;
use ratatui::style::Color;

use crate::support::app::*;
use crate::support::zh_en;

/// From home to 龚晓峰's oral report, quorum reached.
const TO_ORAL: &str = "<Enter> <Enter> e \"45 40\" <Enter> n";

fn nantang() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn speech(app: &App, name: &str) -> ceping::domain::Speech {
    app.model()
        .meeting(&nantang())
        .speech(name)
        .cloned()
        .unwrap_or_default()
}

fn timer_action(e: &Event) -> TimerAction {
    match e {
        Event::SpeechTimer { action, .. } => *action,
        other => panic!("not a timer event: {other:?}"),
    }
}

const NOT_NOW: (&str, &str) = ("计时器现在不能这样操作。", "The timer cannot do that now.");

#[test]
fn a_mistaken_stop_is_taken_back_with_u() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(TO_ORAL);
        press(&mut app, "<Space>");
        advance(&mut app, 60);
        assert_eq!(timer_action(&recorded(&mut app, "s")), TimerAction::Stop);
        let b = render(&app, 160, 45);
        assert!(
            status_line(&b).contains(zh_en(l, "按 u 撤回", "u takes it back")),
            "{}",
            status_line(&b)
        );
        assert!(speech(&app, "龚晓峰").finished);
        assert_eq!(timer_action(&recorded(&mut app, "u")), TimerAction::Unstop);
        let s = speech(&app, "龚晓峰");
        assert!(!s.finished && s.running_since.is_none());
        assert!(shows(&render(&app, 160, 45), zh_en(l, "已暂停", "paused")));
        // Resumed, the time goes on from the minute already spoken.
        assert_eq!(
            timer_action(&recorded(&mut app, "<Space>")),
            TimerAction::Resume
        );
        advance(&mut app, 30);
        assert_eq!(speech(&app, "龚晓峰").used_ms(app.now), 90_000);
        // Nothing to take back while the clock runs.
        refused(&mut app, "u", zh_en(l, NOT_NOW.0, NOT_NOW.1));
    });
}

#[test]
fn moving_on_stops_the_running_clock_as_a_recorded_stop() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(TO_ORAL);
        press(&mut app, "<Space>");
        advance(&mut app, 45);
        // `n` with the clock running: one recorded stop, and it says so;
        // the meeting stays on the speaker (one key, one event).
        assert_eq!(timer_action(&recorded(&mut app, "n")), TimerAction::Stop);
        let s = speech(&app, "龚晓峰");
        assert!(s.finished && s.used_ms(app.now + chrono::Duration::hours(1)) == 45_000);
        assert_eq!(app.step_of(&nantang()), Some(oral("龚晓峰")));
        status_says(
            &render(&app, 160, 45),
            zh_en(
                l,
                "已结束 龚晓峰 的计时，用时 00:45；再按 n 进入下一步（u 撤回结束）",
                "Stopped 龚晓峰's timer at 00:45; n again moves on (u takes the stop back)",
            ),
            Color::Green,
        );
        // `n` again moves on.
        assert!(matches!(recorded(&mut app, "n"), Event::AgendaMoved { .. }));
        let next = match app.step_of(&nantang()) {
            Some(AgendaStep::OralReport { subject }) => subject,
            other => panic!("{other:?}"),
        };
        // Back with `p` while this speaker's clock runs: stopped too.
        press(&mut app, "<Space>");
        advance(&mut app, 5);
        assert_eq!(timer_action(&recorded(&mut app, "p")), TimerAction::Stop);
        assert!(speech(&app, &next).finished);
        assert!(status_line(&render(&app, 160, 45)).contains(zh_en(l, "再按 p", "p again")));
        assert!(matches!(recorded(&mut app, "p"), Event::AgendaMoved { .. }));
        assert_eq!(app.step_of(&nantang()), Some(oral("龚晓峰")));
        // A paused clock is left as it is: `n` moves at once.
        let (_dir, mut app) = demo_at(TO_ORAL);
        press(&mut app, "<Space>");
        advance(&mut app, 5);
        press(&mut app, "<Space>");
        assert!(matches!(recorded(&mut app, "n"), Event::AgendaMoved { .. }));
        assert!(!speech(&app, "龚晓峰").finished);
    });
}

fn oral(name: &str) -> AgendaStep {
    AgendaStep::OralReport {
        subject: name.into(),
    }
}

#[test]
fn the_countdown_and_the_time_used_round_alike() {
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = demo_at(TO_ORAL);
    press(&mut app, "<Space>");
    app.now += chrono::Duration::milliseconds(2_500);
    // 2.5 s of 10 minutes: 00:02 used, so 09:58 left (not 09:57).
    assert!(shows(&render(&app, 160, 45), "09:58"));
    press(&mut app, "s");
    let b = render(&app, 160, 45);
    assert!(
        shows(&b, "09:58") && shows(&b, "用时 00:02"),
        "{}",
        screen(&b)
    );
}

#[test]
fn steps_are_marked_from_what_was_recorded() {
    each_lang(|l, _| {
        let roll = zh_en(l, "点名（应到/实到）", "Roll call");
        let oral = zh_en(l, "口头述职：龚晓峰", "Oral report: 龚晓峰");
        // No quorum: moving on is allowed, but the roll call is not done.
        let (_dir, mut app) = demo_at("<Enter> <Enter> e \"45 20\" <Enter> n");
        let b = render(&app, 160, 45);
        assert!(shows(&b, &format!("! {roll}")), "{}", screen(&b));
        assert!(!shows(&b, &format!("+ {roll}")));
        assert_eq!(fg_of(&b, &format!("! {roll}")), Color::Yellow);
        // The quorum keyed after all: done.
        press(&mut app, "p e <BS> <BS> <BS> <BS> <BS> \"45 40\" <Enter> n");
        let b = render(&app, 160, 45);
        assert!(shows(&b, &format!("+ {roll}")), "{}", screen(&b));
        assert!(shows(&b, &format!("> {oral}")));
        // A speaker passed over untimed is not done; one timed is.
        press(&mut app, "n");
        assert!(shows(&render(&app, 160, 45), &format!("! {oral}")));
        press(&mut app, "p <Space>");
        advance(&mut app, 10);
        // The first `n` stops the clock, the second moves on.
        press(&mut app, "n n");
        let b = render(&app, 160, 45);
        assert!(shows(&b, &format!("+ {oral}")), "{}", screen(&b));
        assert!(shows(&b, zh_en(l, "+ 已完成", "+ done")));
    });
}

#[test]
fn requirements_and_reminders_are_worded_and_coloured_apart() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(TO_ORAL);
        let b = render(&app, 160, 45);
        let reminder = zh_en(
            l,
            "提醒（可以先进入下一步）：",
            "Reminders (the meeting may go on):",
        );
        assert_eq!(fg_of(&b, reminder), Color::Yellow);
        assert!(!shows(&b, zh_en(l, "必须", "Must")));
        assert!(shows(
            &b,
            zh_en(l, "可以进入下一步。", "Ready for the next step.")
        ));
        // At the issue step without the number: a requirement.
        press(&mut app, "n n n");
        let b = render(&app, 160, 45);
        let must = zh_en(
            l,
            "必须做完。进入下一步前还需要：",
            "Must be done. Before the next step:",
        );
        assert_eq!(fg_of(&b, must), Color::Red);
        next_refused(
            &mut app,
            zh_en(
                l,
                "录入发出选票数（按 e）",
                "key in ballots issued (press e)",
            ),
        );
    });
}

#[test]
fn void_is_in_the_footer_when_it_is_the_way_on() {
    each_lang(|l, _| {
        let void = zh_en(l, "作废本轮并重新投票", "void round and re-run");
        for (w, h) in [(100, 30), (160, 45)] {
            let (_dir, app) = demo_at(&collected_script(40, 40));
            assert!(!footer_line(&render(&app, w, h)).contains(void));
            let (_dir, app) = demo_at(&collected_script(40, 41));
            let footer = footer_line(&render(&app, w, h));
            assert!(footer.contains(&format!("v  {void}")), "{w}x{h}: {footer}");
        }
    });
}
