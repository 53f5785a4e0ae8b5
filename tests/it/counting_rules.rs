//! The counting rules of issue 9 through the real keymap, on the demo
//! campaign (南塘村 述职测评大会, 7 people, 12 ballots returned): the
//! tally sheet's errors, double entry and every way to settle it, one
//! counting method per round, and ballot entry's corrections, undo,
//! restore and the ballot beyond 收回. Errors record nothing and say the
//! exact sentence; what is recorded is announced.

mod entry;
mod sheet;

use crate::support::app::*;
use crate::support::zh_en;
use ceping::app::{App, PromptKind, ScreenId, SheetStage, Status};
use ceping::domain::{
    BallotContent, DomainError, Event, MeetingKey, MeetingKind, ResolveBasis, Round, RoundKey,
    SheetCell, SheetDiscard, TallySheet, TallySource,
};
use ceping::i18n::Lang;
use ratatui::style::Color;

fn nantang() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn key1() -> RoundKey {
    RoundKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
        round: 1,
    }
}

fn round(app: &App) -> &Round {
    &app.model().rounds[&key1()]
}

/// The events after `seq`, decoded.
fn events_after(app: &App, seq: u64) -> Vec<Event> {
    app.session
        .store
        .read_after(seq)
        .unwrap()
        .into_iter()
        .map(|e| Event::from_parts(&e.kind, &e.body).unwrap())
        .collect()
}

/// A fresh demo app at 南塘村's counting step with `n` ballots issued and
/// returned.
fn at_counting(n: u32) -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    press(&mut app, &to_counting_script(n));
    (dir, app)
}

/// At the counting step with 12 issued and returned, the sheet open at
/// pass 1 (its keyer question answered with nothing).
fn at_sheet() -> (tempfile::TempDir, App) {
    let (dir, mut app) = at_counting(12);
    press(&mut app, "t");
    assert_eq!(app.prompt().map(|p| &p.kind), Some(&PromptKind::Keyer(1)));
    press(&mut app, "<Enter>");
    assert_eq!(app.screen.id(), ScreenId::Sheet(nantang()));
    (dir, app)
}
