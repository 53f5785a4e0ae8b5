//! Every mode of the keymap, each reached by keys from the demo: the
//! footer and help tests walk them all.

use ceping::app::App;
use ceping::app::keymap::{Mode, SheetMode, StepKind};

use super::app::{press, to_counting_script};

/// Every mode, reached by keys from the demo: `C` is the counting step
/// with 12 ballots returned, `K` twelve ballots keyed, `S` a tally-sheet
/// pass of 12 with no blank or invalid ballot.
pub fn every_mode() -> Vec<(Mode, &'static str)> {
    vec![
        (Mode::Home, ""),
        (Mode::Prompt, "<Enter>"),
        (Mode::ConfirmQuit, "<C-c>"),
        (Mode::Agenda(StepKind::Numbers), "<Enter> <Enter>"),
        (
            Mode::Agenda(StepKind::Oral),
            "<Enter> <Enter> e \"45 40\" <Enter> n",
        ),
        (
            Mode::Agenda(StepKind::OralWithComment),
            "<Down> <Enter> <Enter> e \"45 40\" <Enter> n",
        ),
        (
            Mode::Agenda(StepKind::Written),
            "<Enter> <Enter> e \"45 40\" <Enter> n n n",
        ),
        (
            Mode::Agenda(StepKind::Handout),
            "<Enter> <Enter> e \"45 40\" <Enter> n n n n",
        ),
        (Mode::Agenda(StepKind::Counting), "C"),
        (Mode::Ballots, "C <Enter>"),
        (Mode::Agenda(StepKind::Plain), "C K <Esc> n"),
        (Mode::Agenda(StepKind::Close), "C K <Esc> n n"),
        (
            Mode::Agenda(StepKind::Closed),
            "C K <Esc> n n <Enter> <Enter>",
        ),
        (Mode::Sheet(SheetMode::First), "C t <Enter>"),
        (Mode::Sheet(SheetMode::Second), "C t <Enter> S s <Enter>"),
        (Mode::Sheet(SheetMode::Done), "C t <Enter> S s <Enter> S s"),
        (
            Mode::Sheet(SheetMode::Resolve),
            "C t <Enter> S s <Enter> S2 s",
        ),
        (Mode::Grading, "g"),
        (
            Mode::TextPrompt,
            "<Down> <Enter> <Enter> e \"45 40\" <Enter> n <Space> s c",
        ),
        (
            Mode::FormPrompt,
            "g <Tab> <Down> <Down> c 3 <Enter> <Enter> r",
        ),
    ]
}

pub fn reach(app: &mut App, script: &str) {
    let row = |first: u32| {
        format!(
            " \"{first}\" <Enter> \"{}\" <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter>",
            12 - first
        )
    };
    let sheet = format!("0 <Enter> 0 <Enter>{}", row(12).repeat(7));
    // Pass 2 differs in the first person's row: 11 优秀 and 1 称职.
    let sheet2 = format!("0 <Enter> 0 <Enter>{}{}", row(11), row(12).repeat(6));
    let script = script
        .split(' ')
        .map(|t| match t {
            "C" => to_counting_script(12),
            "K" => format!("<Enter> 1 <Enter>{}", " <Space>".repeat(11)),
            "S" => sheet.clone(),
            "S2" => sheet2.clone(),
            t => t.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    press(app, &script);
}
