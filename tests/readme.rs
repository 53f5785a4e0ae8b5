//! The README stays true: its key table names every key of every mode.

use ceping::app::keymap::{Mode, SheetMode, StepKind, bindings};

#[test]
fn the_readme_key_table_lists_every_binding() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let keys = readme
        .split("### Keys")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("README has a ### Keys section");
    let modes = [
        Mode::Home,
        Mode::Agenda(StepKind::Numbers),
        Mode::Agenda(StepKind::Oral),
        Mode::Agenda(StepKind::OralWithComment),
        Mode::Agenda(StepKind::Written),
        Mode::Agenda(StepKind::Counting),
        Mode::Agenda(StepKind::Plain),
        Mode::Agenda(StepKind::Close),
        Mode::Agenda(StepKind::Closed),
        Mode::Ballots,
        Mode::Sheet(SheetMode::First),
        Mode::Sheet(SheetMode::Second),
        Mode::Sheet(SheetMode::Resolve),
        Mode::Sheet(SheetMode::Done),
        Mode::Grading,
        Mode::Prompt,
        Mode::ConfirmQuit,
    ];
    for mode in modes {
        for b in bindings(mode) {
            if b.keys == "..." {
                continue; // typing text at a prompt
            }
            // "Up" and "Down" are listed together as `Up` / `Down`.
            assert!(
                keys.contains(&format!("`{}`", b.keys)),
                "{mode:?}: `{}` is missing from the README key table",
                b.keys
            );
        }
    }
}

#[test]
fn the_readme_has_the_two_set_up_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo run --release -- demo"));
    assert!(readme.contains("cargo test"));
}
