//! The README stays true: its key table and the keymap agree both ways.
//! Every binding of every mode appears in a row of its screen (or of
//! "everywhere"), and every key a row names is bound on that screen, so a
//! row for a key that no longer exists fails as surely as a missing row.

use ceping::app::keymap::{Mode, SheetMode, StepKind, bindings, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const MODES: [Mode; 22] = [
    Mode::Home,
    Mode::Agenda(StepKind::Numbers),
    Mode::Agenda(StepKind::Handout),
    Mode::Agenda(StepKind::HandoutVoid),
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
    Mode::TextPrompt,
    Mode::FormPrompt,
    Mode::ConfirmQuit,
    Mode::Start,
];

/// The screens where an "everywhere" key must work in every mode: all
/// but the two overlays (a prompt still takes `Ctrl-C`, the quit question
/// does not).
const EVERYWHERE: [&str; 5] = [
    "street board",
    "agenda",
    "ballot entry",
    "tally sheet",
    "grading board",
];

/// The README's name for the screen a mode belongs to.
fn screen(mode: Mode) -> &'static str {
    match mode {
        Mode::Home => "street board",
        Mode::Agenda(_) => "agenda",
        Mode::Ballots => "ballot entry",
        Mode::Sheet(_) => "tally sheet",
        Mode::Grading => "grading board",
        Mode::Prompt | Mode::TextPrompt | Mode::FormPrompt => "prompts",
        Mode::ConfirmQuit => "quit question",
        Mode::Start => "start screen",
    }
}

fn modes_of(screen_name: &str) -> Vec<Mode> {
    MODES
        .into_iter()
        .filter(|&m| screen(m) == screen_name)
        .collect()
}

/// One row of the table: its screen and the keys it names (each
/// backticked piece of the key cell, e.g. `Up` / `Down` (`k` / `j`) is
/// four keys).
struct Row {
    screen: String,
    keys: Vec<String>,
}

fn key_table() -> Vec<Row> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("### Keys")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("README has a ### Keys section");
    let rows: Vec<Row> = section
        .lines()
        .filter(|l| l.starts_with('|'))
        .filter_map(|l| {
            let mut cells = l.trim_start_matches('|').splitn(3, '|');
            let screen = cells.next()?.trim().to_string();
            let keys = cells.next()?;
            let keys: Vec<String> = keys
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            (screen != "screen" && !screen.starts_with("---")).then_some(Row { screen, keys })
        })
        .collect();
    assert!(rows.len() > 20, "the key table has rows");
    rows
}

/// A key named on its own, as a terminal would send it.
fn key_event(name: &str) -> Option<KeyEvent> {
    let code = match name {
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "Ctrl-C" => return Some(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        _ => {
            let mut chars = name.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

/// `key` (a binding's label, or a single key) does something in `mode`.
fn bound(mode: Mode, key: &str) -> bool {
    bindings(mode).iter().any(|b| b.keys == key)
        || key_event(key).is_some_and(|k| lookup(mode, &k).is_some())
}

#[test]
fn every_binding_of_every_mode_has_a_row_on_its_screen() {
    let rows = key_table();
    let mut missing = Vec::new();
    for mode in MODES {
        for b in bindings(mode) {
            if b.keys == "..." {
                continue; // typing text at a prompt
            }
            let listed = rows.iter().any(|r| {
                let here = r.screen == screen(mode) || r.screen == "everywhere";
                here && r.keys.iter().any(|k| k == b.keys)
            });
            if !listed {
                missing.push(format!("{mode:?} ({}): `{}`", screen(mode), b.keys));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "bindings missing from the README key table:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_row_of_the_key_table_names_keys_that_exist() {
    let mut stale = Vec::new();
    for row in key_table() {
        let screens: Vec<&str> = if row.screen == "everywhere" {
            EVERYWHERE.to_vec()
        } else {
            vec![row.screen.as_str()]
        };
        for screen_name in screens {
            let modes = modes_of(screen_name);
            assert!(
                !modes.is_empty(),
                "the README names a screen `{screen_name}` that no mode maps to"
            );
            for key in &row.keys {
                // "everywhere" means in every mode of every covered screen.
                let ok = if row.screen == "everywhere" {
                    modes.iter().all(|&m| bound(m, key))
                } else {
                    modes.iter().any(|&m| bound(m, key))
                };
                if !ok {
                    stale.push(format!("{} (as {screen_name}): `{key}`", row.screen));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "README key rows whose keys are not bound on their screen:\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_readme_has_the_two_set_up_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo run --release -- demo"));
    assert!(readme.contains("cargo test"));
}
