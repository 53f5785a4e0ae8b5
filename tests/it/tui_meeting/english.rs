//! The English screens show no Chinese but the data (the campaign's title,
//! unit and person names, grade labels, and the comment typed).

use super::*;

/// The data on screen that stays Chinese in English: the campaign's
/// title, unit and person names, grade labels, and the comment typed.
fn data_strings(app: &App) -> Vec<String> {
    let c = &app.model().campaign;
    let mut v = vec![c.title.clone(), COMMENT.to_string()];
    for u in &c.units {
        v.push(u.name.clone());
        v.extend(u.subjects.iter().map(|s| s.name.clone()));
    }
    for m in &c.meetings {
        v.extend(m.scale.grades.iter().cloned());
    }
    // The final grades of the grading board: the notice's own words.
    for g in ceping::domain::grading::Group::ALL {
        v.extend(g.grades().iter().map(|s| s.to_string()));
    }
    // Longest first, so a name is removed before a grade inside it.
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

const COMMENT: &str = "抓党建有实招";

#[test]
fn english_screens_show_no_chinese_but_the_data() {
    let guard = lock(Lang::En);
    let oral = Mode::Agenda(StepKind::Oral);
    let counting = Mode::Agenda(StepKind::Counting);
    let close = "COUNTING TWELVE <Esc> n n <Enter>";
    let scripts: Vec<(String, Mode)> = [
        ("", Mode::Home),
        ("?", Mode::Home),
        ("<Enter>", Mode::Prompt),
        (
            "<Enter> <Enter> e \"45 40\" <Enter>",
            Mode::Agenda(StepKind::Numbers),
        ),
        ("<Enter> <Enter> e \"45 40\" <Enter> n <Space>", oral),
        (
            "<Enter> <Enter> e \"45 40\" <Enter> n n n <Space>",
            Mode::Agenda(StepKind::Written),
        ),
        ("PARTY n <Space> c \"抓党建\"", Mode::TextPrompt),
        (
            "PARTY n <Space> c \"抓党建有实招\" <Enter>",
            Mode::Agenda(StepKind::OralWithComment),
        ),
        ("COUNTING", counting),
        ("COUNTING n", counting),
        ("COUNTING <Enter> <Enter>", Mode::Ballots),
        ("COUNTING <Enter> 1 <Enter> r \"9\" <Enter>", Mode::Prompt),
        (
            "COUNTING <Enter> 1 <Enter> 1 c 2 <Enter> 0 <Enter> x <Enter> 1 c 2",
            Mode::Ballots,
        ),
        (
            "COUNTING <Enter> 1 <Enter> r \"1\" <Enter> <Enter> <Enter>",
            Mode::Ballots,
        ),
        (
            "COUNTING <Enter> 1 <Enter> r \"1\" <Enter> 2",
            Mode::Ballots,
        ),
        ("COUNTING <Enter> 1 <Enter> ?", Mode::Ballots),
        (
            "COUNTING t <Enter> 1 <Enter> 2",
            Mode::Sheet(SheetMode::First),
        ),
        ("COUNTING t <Enter> SHEET s", Mode::Prompt),
        ("COUNTING <C-c>", Mode::ConfirmQuit),
        (close, Mode::Prompt),
        ("CLOSE <Enter>", Mode::Agenda(StepKind::Closed)),
        ("CLOSE <Enter> <Esc> g", Mode::Grading),
        ("CLOSE <Enter> <Esc> g <Tab> ?", Mode::Grading),
        ("g <Tab> <Tab>", Mode::Grading),
        ("g <Tab> <Tab> <Tab>", Mode::Grading),
    ]
    .into_iter()
    .map(|(s, m)| {
        let s = s
            .replace("CLOSE", close)
            .replace("PARTY", "<Down> <Enter> <Enter> e \"30 28\" <Enter>");
        (s, m)
    })
    .collect();
    lang(&guard, Lang::En);
    for (script, mode) in &scripts {
        let script = script.as_str();
        let (_dir, mut app) = demo_app();
        reach(&mut app, script);
        assert_eq!(app.mode(), *mode, "{script}");
        advance(&mut app, 700);
        let data = data_strings(&app);
        for (w, h) in [(100, 30), (160, 45), (59, 20)] {
            let b = render(&app, w, h);
            for (y, row) in rows(b.buffer()).into_iter().enumerate() {
                let mut rest = row.clone();
                for d in &data {
                    rest = rest.replace(d.as_str(), " ");
                }
                // What is left in Chinese may only be a cut-off piece of
                // the data (a long name in a narrow column).
                for run in rest.split(|c: char| !is_cjk(c)).filter(|r| !r.is_empty()) {
                    assert!(
                        data.iter().any(|d| d.contains(run)),
                        "{script:?} at {w}x{h}, row {y}: {run:?} is not data:\n{row}"
                    );
                }
            }
        }
        // And the same screens in Chinese do show Chinese labels.
        lang(&guard, Lang::Zh);
        assert!(
            shows(&render(&app, 160, 45), "测评"),
            "{script:?}: the Chinese header"
        );
        lang(&guard, Lang::En);
        assert!(shows(&render(&app, 160, 45), "ceping"));
    }
}
