//! Closing a round, reopening it, voiding it and the quorum, driven only
//! through the keymap on the demo campaign (南塘村 述职测评大会), as the
//! liaison and the scrutineers would check them: the sentence on the
//! status line, the fingerprint on screen against the hash chain and
//! `ceping verify`, the log on disk, and the JSON export.

use std::process::Command;

use crate::support::app::*;
use crate::support::zh_en;
use ceping::app::{App, Mode, PromptKind, ScreenId, Status, StepKind};
use ceping::domain::{AgendaStep, Event, MeetingKey, MeetingKind, Round, RoundKey, RoundStatus};
use ceping::i18n::Lang;
use ceping::store::{StoredEvent, chain};
use ratatui::style::Color;
use serde_json::Value;

mod certify;
mod quorum;
mod refusals;
mod void;

fn nantang() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn round_key(n: u32) -> RoundKey {
    crate::support::meeting::key("南塘村", MeetingKind::AnnualReview, n)
}

/// Round `n` of 南塘村's annual review.
fn round(app: &App, n: u32) -> &Round {
    app.model()
        .rounds
        .get(&round_key(n))
        .unwrap_or_else(|| panic!("round {n} exists"))
}

/// The step the screen shows (a closed round's agenda may be browsed
/// without recording anything).
fn step(app: &App) -> AgendaStep {
    app.step_of(&nantang()).unwrap()
}

/// Keys, at the counting step, for `n` ballots all 优秀 (the first keyed,
/// the rest "same as last"), back to the agenda.
fn all_top_ballots(n: usize) -> String {
    format!("<Enter> 1 <Enter>{} <Esc>", " <Space>".repeat(n - 1))
}

/// A fresh demo app at the close step of 南塘村's annual review, with
/// 12 ballots issued, returned and keyed.
fn at_close_step() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_at(&to_counting_script(12));
    press(&mut app, &all_top_ballots(12));
    press(&mut app, "n n");
    assert_eq!(step(&app), AgendaStep::Close);
    assert_eq!(app.mode(), Mode::Agenda(StepKind::Close));
    (dir, app)
}

/// Every event of the log, decoded.
fn log(app: &App) -> Vec<(StoredEvent, Event)> {
    app.session
        .store
        .read_after(0)
        .unwrap()
        .into_iter()
        .map(|e| {
            let event = Event::from_parts(&e.kind, &e.body).unwrap();
            (e, event)
        })
        .collect()
}

fn head_hex(app: &App) -> String {
    chain::to_hex(&app.session.store.head())
}
