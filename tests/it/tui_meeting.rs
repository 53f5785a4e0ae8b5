//! Meetings driven only through the keyboard, as the liaison would run
//! them: every key goes through the keymap (`App::on_key`), and the checks
//! are what the liaison and the scrutineers would check: the count per
//! person and per round, the file on disk, and the screen.

use crate::support::app::*;
use ceping::app::keymap::{self, Action, Mode, SheetMode, StepKind};
use ceping::app::{App, PromptKind, ScreenId, Status};
use ceping::domain::{
    AgendaStep, BallotContent, Mark, MeetingKey, MeetingKind, Round, RoundStatus, SheetCell,
    SubjectTally, Tally, TallySource,
};
use ceping::i18n::Lang;
use ceping::store::Store;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

mod english;
mod footer_and_help;
mod refusals;
mod tally_sheet;
mod whole_meeting;

use crate::support::campaign::NANTANG;

fn nantang_review() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn round(app: &App) -> &Round {
    app.model()
        .current_round("南塘村", MeetingKind::AnnualReview)
        .expect("the meeting has started")
}

fn tally(app: &App) -> Tally {
    Tally::count(round(app), &app.model().campaign.rules, 4)
}

fn subject(counts: [u64; 4], abstain: u64, void_marks: u64) -> SubjectTally {
    SubjectTally {
        counts: counts.to_vec(),
        abstain,
        void_marks,
        ..SubjectTally::default()
    }
}

fn step(app: &App) -> AgendaStep {
    app.model().current_step(&nantang_review()).unwrap()
}

fn oral(name: &str) -> AgendaStep {
    AgendaStep::OralReport {
        subject: name.into(),
    }
}

/// The ballots of the round as keyed so far (withdrawn ones included).
fn keyed(app: &App) -> Vec<(BallotContent, bool)> {
    round(app)
        .ballots
        .iter()
        .map(|b| (b.content.clone(), b.withdrawn))
        .collect()
}

fn marks(grades: &[i8]) -> BallotContent {
    BallotContent::Marks(
        grades
            .iter()
            .map(|&g| match g {
                -1 => Mark::Abstain,
                -2 => Mark::Void,
                g => Mark::Grade(g as u8),
            })
            .collect(),
    )
}

/// Key one ballot and check that exactly it was added.
fn key_ballot(app: &mut App, script: &str, expected: BallotContent) -> usize {
    let before = round(app).ballots.len();
    let n = press(app, script);
    let ballots = &round(app).ballots;
    assert_eq!(ballots.len(), before + 1, "{script}: {:?}", app.status);
    assert_eq!(ballots[before].content, expected, "{script}");
    n
}

/// Press `script`, with `COUNTING` (to the counting step), `TWELVE`
/// (twelve ballots keyed) and `SHEET` (one tally-sheet pass) spelled out.
fn reach(app: &mut App, script: &str) {
    let sheet = format!(
        "1 <Enter> 0 <Enter>{}",
        " \"11\" <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter>".repeat(7)
    );
    let script = script
        .replace("COUNTING", &to_counting_script(12))
        .replace(
            "TWELVE",
            &format!("<Enter> 1 <Enter>{}", " <Space>".repeat(11)),
        )
        .replace("SHEET", &sheet);
    press(app, &script);
}
