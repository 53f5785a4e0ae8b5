//! The counting rules of issue 9 through the real keymap, on the demo
//! campaign (南塘村 述职测评大会, 7 people, 12 ballots returned): the
//! tally sheet's errors, double entry and every way to settle it, one
//! counting method per round, and ballot entry's corrections, undo,
//! restore and the ballot beyond 收回. Errors record nothing and say the
//! exact sentence; what is recorded is announced.

mod entry;
mod sheet;

use crate::support::app::*;
use crate::support::meeting::{counting_events, rec_all};
use crate::support::zh_en;
use ceping::app::{App, PromptKind, ScreenId, SheetStage, Status};
use ceping::domain::{
    BallotContent, DomainError, Event, MeetingKey, MeetingKind, ResolveBasis, Round, RoundKey,
    SheetCell, SheetDiscard, TallySheet, TallySource,
};
use ceping::i18n::Lang;
use ceping::store::StoreError;
use ratatui::style::Color;

fn nantang() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn key1() -> RoundKey {
    crate::support::meeting::key("南塘村", MeetingKind::AnnualReview, 1)
}

fn round(app: &App) -> &Round {
    &app.model().rounds[&key1()]
}

/// Record pass `pass` of an empty tally sheet for round 1 directly,
/// around the keys (as the screen never would): what the domain says.
fn record_empty_sheet(app: &mut App, pass: u8) -> Result<u64, StoreError> {
    app.session.record(Event::TallySheetEntered {
        round: key1(),
        pass,
        sheet: TallySheet::empty(7, 4),
        keyer: None,
    })
}

/// What the domain said to a record made directly: a refusal, with
/// `error`'s sentence.
fn refused_by_domain(said: Result<u64, StoreError>, error: DomainError) {
    assert_eq!(said.unwrap_err().to_string(), error.to_string());
}

/// At the counting step with `returned` ballots issued and returned, pass
/// 1 of the tally sheet keyed as `rows` (no invalid or blank ballots), not
/// saved yet.
fn sheet_keyed(returned: u32, rows: &[[u32; 6]; 7]) -> (tempfile::TempDir, App) {
    let (dir, mut app) = at_counting(returned);
    press(&mut app, "t <Enter>");
    press(&mut app, &sheet_script(0, 0, rows));
    (dir, app)
}

/// A fresh demo app at 南塘村's counting step with `n` ballots issued and
/// returned.
fn at_counting(n: u32) -> (tempfile::TempDir, App) {
    demo_at(&to_counting_script(n))
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
