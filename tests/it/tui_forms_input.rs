//! The keys and screens whose records the office's paper forms print
//! (issue 12): the roll call's absentees (for the minutes), a Party
//! secretary's 综合评分 and 综合评价材料 on the grading board (附件6), and
//! the entry grid's 序号 beside each row letter (the ballot forms number
//! their rows 1..n). Driven only through the keymap; each test checks the
//! event the keys recorded and what the screen shows, and snapshots the
//! screens in both languages at 100x30 and 160x45.
//!
//! Accept new or changed snapshots with `cargo insta review`, or write
//! them directly with `INSTA_UPDATE=always cargo test --test it
//! tui_forms_input::` (and read them).

use crate::support::app::*;
use crate::support::zh_en;
use ceping::app::{App, Mode, PromptKind, Status};
use ceping::domain::{Event, MeetingKind, RoundKey};
use ceping::i18n::Lang;
use ratatui::backend::TestBackend;

mod absentees;
mod annex6;
mod grid;

/// Press `script`: exactly one event must be recorded, and no error said;
/// returns that event as read back from the file.
fn recorded(app: &mut App, script: &str) -> Event {
    let seq = app.session.store.last_seq();
    press(app, script);
    assert!(
        !matches!(app.status, Some(Status::Error(_))),
        "{script:?}: {:?}",
        app.status
    );
    assert_eq!(app.session.store.last_seq(), seq + 1, "{script:?}");
    let e = app.session.store.read_after(seq).unwrap().pop().unwrap();
    Event::from_parts(&e.kind, &e.body).unwrap()
}

/// Press `script`: nothing may be recorded.
fn nothing_recorded(app: &mut App, script: &str) {
    let seq = app.session.store.last_seq();
    press(app, script);
    assert_eq!(app.session.store.last_seq(), seq, "{script:?} wrote");
}

/// Round 1 of 南塘村's `meeting`.
fn nantang(meeting: MeetingKind) -> RoundKey {
    RoundKey {
        unit: "南塘村".into(),
        meeting,
        round: 1,
    }
}

/// The question open on the bottom line, if any.
fn asking(app: &App) -> Option<PromptKind> {
    app.prompt().map(|p| p.kind.clone())
}

/// Snapshot the screen that `build` reaches from a fresh demo app, in both
/// languages and both sizes, after `check` has looked at it.
fn snap(name: &str, build: fn(&mut App), check: impl Fn(Lang, &App, &TestBackend)) {
    let guard = lock(Lang::Zh);
    for (l, tag) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        build(&mut app);
        for (w, h) in SIZES {
            let backend = render(&app, w, h);
            check(l, &app, &backend);
            insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), screen(&backend));
        }
    }
}
