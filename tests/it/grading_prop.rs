//! Random work on the grading board, through its keys, on the demo
//! campaign (4 units, 4 secretaries, 20 cadres, 4 work teams): grades and
//! clears on random rows of random groups, with or without a justification
//! when one is asked for, and combined evaluations and investigations of
//! secretaries in between. After every step:
//! - no hard quota is exceeded;
//! - every secretary graded 优秀 has the combined evaluation 好;
//! - the cadres' 优秀 beyond the allowance are each justified;
//!
//! and at the end, on the event log itself: every `GradeAssigned` that took
//! a group over its allowance is a soft group's and carries a non-empty
//! justification, and the log folds to what the screen showed.
//!
//! Each event is a durable write, so the case count is moderate; raise it
//! with `PROPTEST_CASES`.

use crate::support::app::*;
use ceping::app::{App, PromptKind};
use ceping::domain::grading::{Group, Target};
use ceping::domain::{Event, Model};
use proptest::prelude::*;

/// What one step does to the selected row.
#[derive(Debug, Clone)]
enum Act {
    /// `1`-`4`, or `0` (clear). If a justification is asked for, answer.
    Grade { key: u8, answer: Answer },
    /// `c` and a level 1-4 (secretaries only; elsewhere `c` does nothing).
    Combined(u8),
    /// `i` and a level 1-4 with a note (secretaries only).
    Investigation(u8),
}

/// The answer to "reason for exceeding the quota".
#[derive(Debug, Clone)]
enum Answer {
    /// Type this (possibly empty or only spaces) and press Enter.
    Reason(String),
    /// Esc.
    Cancel,
}

#[derive(Debug, Clone)]
struct Step {
    group: usize,
    row: usize,
    act: Act,
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        3 => "[群众满意理由 ]{0,6}".prop_map(Answer::Reason),
        1 => Just(Answer::Cancel),
    ]
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        // Mostly 优秀, to reach the quotas' edges.
        6 => answer().prop_map(|answer| Act::Grade { key: 1, answer }),
        3 => (0u8..=4, answer()).prop_map(|(key, answer)| Act::Grade { key, answer }),
        3 => (1u8..=4).prop_map(Act::Combined),
        1 => (1u8..=4).prop_map(Act::Investigation),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (
        // Cadres and secretaries carry the interesting rules.
        prop_oneof![1 => Just(0usize), 2 => Just(1), 3 => Just(2), 1 => Just(3)],
        0usize..20,
        act(),
    )
        .prop_map(|(group, row, act)| Step { group, row, act })
}

/// Go to `group` (Tab) and `row` (Up to the top, then Down; the board
/// stops at its last row).
fn select(app: &mut App, group: usize, row: usize) {
    for _ in 0..Group::ALL.len() {
        if app.grading_group == Group::ALL[group] {
            break;
        }
        press(app, "<Tab>");
    }
    assert_eq!(app.grading_group, Group::ALL[group]);
    press(app, &"<Up> ".repeat(20));
    if row > 0 {
        press(app, &"<Down> ".repeat(row));
    }
}

/// No meeting is held here, so the grading guard asks before every grade
/// and combined evaluation: confirm.
fn confirm_provisional(app: &mut App) {
    if matches!(
        app.prompt().map(|p| &p.kind),
        Some(PromptKind::ConfirmProvisional(..))
    ) {
        press(app, "<Enter>");
    }
}

fn run(app: &mut App, step: &Step) {
    select(app, step.group, step.row);
    match &step.act {
        Act::Grade { key, answer } => {
            press(app, &key.to_string());
            confirm_provisional(app);
            if matches!(
                app.prompt().map(|p| &p.kind),
                Some(PromptKind::Justification(..))
            ) {
                match answer {
                    Answer::Reason(text) => press(app, &format!("\"{text}\" <Enter>")),
                    Answer::Cancel => press(app, "<Esc>"),
                };
            }
        }
        Act::Combined(level) => {
            press(app, &format!("c {level} <Enter>"));
            confirm_provisional(app);
        }
        Act::Investigation(level) => {
            press(app, &format!("i \"{level} 走访核实\" <Enter>"));
        }
    }
    // A refused answer keeps its prompt open with the reason: give up.
    if app.prompt().is_some() {
        press(app, "<Esc>");
    }
    assert_eq!(app.prompt(), None);
}

/// The rules, on the model the screen shows.
fn check_state(model: &Model) -> Result<(), TestCaseError> {
    let c = &model.campaign;
    for group in Group::ALL {
        let usage = model.grading.quota_use(c, group);
        if !usage.soft {
            prop_assert!(
                usage.used <= usage.allowed,
                "{group:?}: {} 优秀 of at most {}",
                usage.used,
                usage.allowed
            );
        } else {
            let justified = group
                .members(c)
                .iter()
                .filter(|t| {
                    model.grading.grades.get(*t).is_some_and(|g| {
                        g.grade == 0
                            && g.justification
                                .as_deref()
                                .is_some_and(|j| !j.trim().is_empty())
                    })
                })
                .count();
            prop_assert!(
                justified >= usage.used.saturating_sub(usage.allowed),
                "{group:?}: {} 优秀, {} allowed, only {justified} justified",
                usage.used,
                usage.allowed
            );
        }
    }
    for (target, grade) in &model.grading.grades {
        if let Some(j) = &grade.justification {
            prop_assert!(!j.trim().is_empty(), "{target:?}: empty justification");
        }
        if let (Some(Group::Secretaries), Target::Person { unit, name }) = (target.group(c), target)
            && grade.grade == 0
        {
            let level = model
                .grading
                .combined
                .get(&(unit.clone(), name.clone()))
                .and_then(|c| c.level);
            prop_assert_eq!(level, Some(0), "{} graded 优秀 without 好", name);
        }
    }
    Ok(())
}

/// The rules, on the event log: replay it and look at each grade as it
/// was recorded.
fn check_log(app: &App) -> Result<(), TestCaseError> {
    let events: Vec<Event> = app
        .session
        .store
        .read_after(0)
        .unwrap()
        .iter()
        .map(|e| Event::from_parts(&e.kind, &e.body).unwrap())
        .collect();
    let mut model = Model::from_first(&events[0]).unwrap();
    for event in &events[1..] {
        if let Event::GradeAssigned {
            target,
            grade: Some(0),
            justification,
        } = event
        {
            let group = target.group(&model.campaign).unwrap();
            let usage = model.grading.quota_use(&model.campaign, group);
            let already = model
                .grading
                .grades
                .get(target)
                .is_some_and(|g| g.grade == 0);
            if !already && usage.used >= usage.allowed {
                prop_assert!(usage.soft, "{group:?} went over its hard quota: {event:?}");
                prop_assert!(
                    justification
                        .as_deref()
                        .is_some_and(|j| !j.trim().is_empty()),
                    "over the soft quota without a justification: {event:?}"
                );
            }
        }
        model.apply(event).unwrap();
    }
    prop_assert_eq!(&model, app.model(), "the log folds to what was shown");
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn quotas_and_the_cross_rule_hold_after_every_step(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        let (_dir, mut app) = demo_at("g");
        for step in &steps {
            run(&mut app, step);
            check_state(app.model())?;
        }
        check_log(&app)?;
    }
}

/// The soft quota's edge, deterministically: six 优秀 cadres, a seventh
/// with a reason, the same grade keyed again, one cleared: the log and
/// the model agree that every 优秀 beyond six is justified.
#[test]
fn the_soft_quota_edge_on_the_log() {
    let (_dir, mut app) = demo_app();
    // Each 优秀 is confirmed first (the grading guard: no meeting held).
    press(&mut app, "g <Tab> <Tab> 1 <Enter>");
    for _ in 1..6 {
        press(&mut app, "<Down> 1 <Enter>");
    }
    press(
        &mut app,
        "<Down> 1 <Enter> \"理由\" <Enter> 1 <Enter> <Down> 1 <Enter> <Esc> <Up> <Up> 0",
    );
    let usage = app
        .model()
        .grading
        .quota_use(&app.model().campaign, Group::Cadres);
    assert_eq!((usage.used, usage.allowed), (6, 6));
    check_state(app.model()).unwrap();
    check_log(&app).unwrap();
    let justified: Vec<_> = app
        .model()
        .grading
        .grades
        .values()
        .filter_map(|g| g.justification.clone())
        .collect();
    assert_eq!(justified, ["理由"]);
}
