//! The ballot-entry grid of a long ballot, and the footer of every screen:
//! the grid scrolls to keep the row being keyed in sight and says how
//! many people are out of sight; every row has a label typed as printed
//! (a ... z, then a+ ... z+, then a++ ...); long names are shortened with
//! ASCII "..", never pushing a column off; the header shows each column's
//! key; a mark is readable on light and dark terminals; and the footer
//! always ends with `? 更多`.
//!
//! Accept new or changed snapshots with
//! `INSTA_UPDATE=always cargo test --test it ballot_grid::` (and read them).

use crate::support::app::*;
use crate::support::modes::{every_mode, reach};
use crate::support::zh_en;
use ceping::app::App;
use ceping::app::keymap::{Action, Mode, SheetMode, lookup};
use ceping::domain::{Mark, ReportMode, Role, Subject};
use ceping::i18n::Lang;
use ceping::labels::row_label;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

/// Invented names of 2, 3 and 4 characters, and two of 12.
fn name(i: usize) -> String {
    const SURNAMES: [&str; 10] = ["柏", "岑", "管", "蓝", "闵", "卓", "苗", "濮", "戚", "饶"];
    const GIVEN: [&str; 5] = ["远", "晓岚", "秋实若", "景", "望舒"];
    match i {
        5 => "欧阳明远晓岚秋实若溪景行望".chars().take(12).collect(),
        21 => "司马青山绿水长流白云深处有".chars().take(12).collect(),
        _ => {
            let given = GIVEN[i % 5];
            let mut n = format!("{}{given}", SURNAMES[i / 5 % 10]);
            if i >= 50 {
                n.push('甲');
            }
            n
        }
    }
}

/// The demo campaign with 南塘村 (the street board's first row) reviewing
/// `people` people: a secretary and a work-team leader who report aloud,
/// committee members in writing between them; opened with the test clock.
fn long_ballot_app(people: usize) -> (tempfile::TempDir, App) {
    let mut campaign = ceping::campaign_toml::demo();
    let unit = campaign
        .units
        .iter_mut()
        .find(|u| u.name == "南塘村")
        .unwrap();
    unit.subjects = (0..people)
        .map(|i| {
            let (role, report) = match i {
                0 => (Role::PartySecretary, ReportMode::Oral),
                i if i + 1 == people => (Role::WorkTeamLeader, ReportMode::Oral),
                _ => (Role::CommitteeMember, ReportMode::Written),
            };
            Subject {
                name: name(i),
                role,
                report,
                title: None,
            }
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let session = ceping::store::Store::create(&file(&dir), &campaign).unwrap();
    (dir, App::new(session, crate::support::t0()))
}

/// Ballot entry on a `people`-person ballot, 40 ballots returned, `done`
/// ballots saved (everyone 优秀).
fn entering(people: usize, done: usize) -> (tempfile::TempDir, App) {
    let (dir, mut app) = long_ballot_app(people);
    press(&mut app, &to_counting_script(40));
    press(&mut app, "<Enter>");
    for _ in 0..done {
        press(&mut app, "1 <Enter>");
    }
    assert_eq!(app.mode(), Mode::Ballots, "{:?}", app.status);
    (dir, app)
}

/// The keys that go to row `i`: its label, each `+` a key of its own.
fn label_keys(i: usize) -> String {
    let label = row_label(i);
    label.chars().map(|c| format!("{c} ")).collect()
}

/// The screen row of grid row `i` ("c+ 25 name" at the start of a row
/// inside the grid), if it is on screen.
fn grid_row_y(b: &TestBackend, app: &App, i: usize) -> Option<u16> {
    let lines = &app.current_round().unwrap().lines;
    let digits = lines.len().to_string().len();
    let label_w = row_label(lines.len() - 1).len();
    let start = format!("│{:<label_w$} {:>digits$} ", row_label(i), i + 1);
    rows(b.buffer())
        .iter()
        .position(|r| r.starts_with(&start))
        .map(|y| y as u16)
}

/// What the grid's lower border says is out of sight: (above, below),
/// from "上面还有 3 人 / 下面还有 5 人" or "3 more above / 5 more below".
fn out_of_sight(b: &TestBackend, l: Lang) -> (usize, usize) {
    let text = rows(b.buffer()).join("\n");
    let number = |zh: &str, en: &str| -> usize {
        let found = match l {
            Lang::Zh => text
                .split_once(zh)
                .and_then(|(_, rest)| rest.split_once(" 人"))
                .map(|(n, _)| n.to_string()),
            Lang::En => text
                .split_once(en)
                .and_then(|(before, _)| before.trim_end().rsplit(' ').next())
                .map(str::to_string),
        };
        found.map_or(0, |n| n.parse().unwrap())
    };
    (
        number("上面还有 ", " more above"),
        number("下面还有 ", " more below"),
    )
}

#[test]
fn the_long_ballot_at_three_sizes_in_both_languages() {
    each_lang(|l, tag| {
        // Ballot 3: everyone 优秀 but row c+ (person 25, the last) 称职;
        // the cursor stays on it, far below the first rows.
        let (_dir, mut app) = entering(25, 2);
        press(&mut app, "1 c + 2");
        assert_eq!(app.draft().marks[24], Some(Mark::Grade(1)));
        assert_eq!(app.draft().cursor, 24);
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            let b = render(&app, w, h);
            let text = screen(&b);
            assert!(!text.contains('…'), "no ambiguous-width dots");
            // The header shows the keys.
            for head in ["1 优秀", "2 称职", "3 基本称职", "4 不称职"] {
                assert!(shows(&b, head), "{w}x{h}: {head}\n{text}");
            }
            let abstain = zh_en(l, "0 弃权", "0 Abstain");
            let void = zh_en(l, "- 无效", "- Void");
            assert!(shows(&b, abstain) && shows(&b, void), "{text}");
            // The row being keyed is on screen, white on grey.
            let y = grid_row_y(&b, &app, 24).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(b.buffer()[(1, y)].bg, Color::DarkGray);
            let (above, _) = out_of_sight(&b, l);
            assert!(
                above > 0,
                "{w}x{h}: the first rows are out of sight\n{text}"
            );
            insta::assert_snapshot!(format!("long_{tag}_{w}x{h}"), text);
        }
    });
}

#[test]
fn long_names_are_shortened_and_never_push_a_column_off() {
    each_lang(|_, _| {
        let (_dir, mut app) = entering(25, 0);
        press(&mut app, "1 f");
        for w in [60, 70, 80, 100, 120, 160, 200] {
            let b = render(&app, w, 30);
            let text = screen(&b);
            let y = grid_row_y(&b, &app, 5).unwrap_or_else(|| panic!("{w}\n{text}"));
            let r = row(&b, y);
            // The mark and the void column are both on the row.
            assert!(r.contains("[优秀]") || r.contains("[1]"), "{w}: {r}");
            let last = r.split('│').nth(1).unwrap().trim_end();
            assert!(last.ends_with(" ."), "{w}: the void column is there: {r}");
            let full = name(5);
            if !r.contains(&full) {
                assert!(r.contains(".."), "{w}: shortened with ..: {r}");
            }
        }
        // At 160 columns the whole name fits.
        assert!(shows(&render(&app, 160, 45), &name(5)));
    });
}

#[test]
fn the_row_being_keyed_is_always_in_sight_on_a_40_person_ballot() {
    each_lang(|l, _| {
        let (_dir, mut app) = entering(40, 0);
        let check = |app: &App, how: &str| {
            let b = render(app, 80, 24);
            let i = app.draft().cursor;
            let y = grid_row_y(&b, app, i)
                .unwrap_or_else(|| panic!("{how}: row {i} not in sight\n{}", screen(&b)));
            assert_eq!(b.buffer()[(1, y)].bg, Color::DarkGray, "{how}");
            // What is out of sight adds up with what is shown.
            let shown = (0..40)
                .filter(|&k| grid_row_y(&b, app, k).is_some())
                .count();
            let (above, below) = out_of_sight(&b, l);
            assert_eq!(above + shown + below, 40, "{how}\n{}", screen(&b));
            assert!(grid_row_y(&b, app, above).is_some(), "{how}: first shown");
        };
        // By label: every row, a letter and its pluses.
        for i in 0..40 {
            press(&mut app, &label_keys(i));
            assert_eq!(app.draft().cursor, i, "{}", label_keys(i));
            check(&app, &format!("label {}", row_label(i)));
        }
        // Down from the top and Up from the bottom.
        press(&mut app, "a");
        for i in 1..40 {
            press(&mut app, "<Down>");
            check(&app, &format!("Down to {i}"));
        }
        for i in (0..39).rev() {
            press(&mut app, "<Up>");
            check(&app, &format!("Up to {i}"));
        }
        // Keyed row by row: each grade moves the cursor down in sight.
        press(&mut app, "1 a");
        for i in 0..39 {
            press(&mut app, "2");
            assert_eq!(app.draft().cursor, i + 1);
            check(&app, &format!("grade on row {i}"));
        }
    });
}

#[test]
fn plus_goes_to_the_next_row_with_the_same_letter() {
    let k = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(lookup(Mode::Ballots, &k('+')), Some(Action::NextSameLetter));
    assert_eq!(lookup(Mode::Ballots, &k('=')), Some(Action::NextSameLetter));
    let _g = lock(Lang::Zh);
    let (_dir, mut app) = entering(50, 0);
    // c+ is person 25, c++ person 47; one more + goes back to c.
    press(&mut app, "1 c + 2");
    assert_eq!(app.draft().marks[24], Some(Mark::Grade(1)));
    assert_eq!(app.draft().marks[2], Some(Mark::Grade(0)));
    press(&mut app, "c = = 3");
    assert_eq!(app.draft().marks[46], Some(Mark::Grade(2)));
    press(&mut app, "c + + + 4");
    assert_eq!(app.draft().marks[2], Some(Mark::Grade(3)));
    // A letter means its row whatever came before: c twice is still c.
    press(&mut app, "c c 2");
    assert_eq!(app.draft().marks[2], Some(Mark::Grade(1)));
    // On a short ballot + stays where it is.
    let (_dir, mut short) = entering(7, 0);
    press(&mut short, "1 c +");
    assert_eq!(short.draft().cursor, 2);
}

#[test]
fn the_help_says_how_plus_labels_are_keyed() {
    each_lang(|l, _| {
        let (_dir, mut app) = entering(25, 0);
        press(&mut app, "?");
        let b = render(&app, 100, 30);
        let note = zh_en(l, "第 23 人起行号带 +", "From person 23 on");
        assert!(shows(&b, note), "{}", screen(&b));
    });
}

/// xterm's default palette: the RGB a named ANSI colour shows as in a
/// stock xterm. The marks use named colours; a terminal theme may change
/// them, so this checks the palette most themes start from.
fn xterm(c: Color) -> (u8, u8, u8) {
    ceping::ui::widgets::xterm_rgb(c)
        .unwrap_or_else(|| panic!("{c:?}: a colour the terminal's theme decides"))
}

#[test]
fn the_current_mark_contrasts_at_least_4_5_to_1_for_every_grade() {
    each_lang(|l, _| {
        let marks = [
            ("2", "[称职]"),
            ("3", "[基本称职]"),
            ("4", "[不称职]"),
            ("0", zh_en(l, "[弃权]", "[Abstain]")),
            ("-", zh_en(l, "[无效]", "[Void]")),
            ("1", "[优秀]"),
        ];
        let (_dir, mut app) = entering(25, 0);
        for (key, shown) in marks {
            // Row b gets the mark, and the cursor goes back to it.
            press(&mut app, &format!("<BS> 1 b {key} b"));
            let b = render(&app, 100, 30);
            let y = grid_row_y(&b, &app, 1).unwrap();
            let r = row(&b, y);
            let at = r.find(shown).unwrap_or_else(|| panic!("{shown}: {r}"));
            let x = unicode_width::UnicodeWidthStr::width(&r[..at]) as u16 + 1;
            let cell = &b.buffer()[(x, y)];
            // Both colours set: the terminal's theme (light or dark)
            // decides neither.
            assert_ne!(cell.fg, Color::Reset, "{shown}");
            assert_ne!(cell.bg, Color::Reset, "{shown}");
            let ratio = ceping::ui::widgets::contrast(xterm(cell.fg), xterm(cell.bg));
            assert!(
                ratio >= 4.5,
                "{shown}: {:?} on {:?} is {ratio:.2}:1",
                cell.fg,
                cell.bg
            );
        }
    });
}

#[test]
fn every_footer_ends_with_more_at_every_width_from_60() {
    // A thread per mode (each sets its own language): reaching the modes
    // records many events, each committed to disk.
    std::thread::scope(|scope| {
        for (mode, script) in every_mode() {
            scope.spawn(move || footer_ends_with_more(mode, script));
        }
    });
}

/// In `mode`, at every width from 60 to 200 in both languages, the footer
/// ends with `? 更多` on the grey key background where `?` opens the help.
fn footer_ends_with_more(mode: Mode, script: &str) {
    let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
    let (_dir, mut app) = demo_app();
    reach(&mut app, script);
    assert_eq!(app.mode(), mode, "{script}: {:?}", app.status);
    let help = lookup(mode, &question) == Some(Action::Help);
    each_lang(|l, _| {
        let more = format!(" ?  {}", zh_en(l, "更多", "more"));
        // The smallest height: the footer is the same, the body quicker.
        for w in 60..=200 {
            let b = render(&app, w, 16);
            let footer = footer_line(&b);
            if !help {
                // In a prompt `?` is typed; the quit question takes y or n.
                assert!(!footer.contains(&more), "{mode:?} {w}: {footer}");
                continue;
            }
            assert!(footer.ends_with(&more), "{mode:?} at {w}: {footer:?}");
            let h = b.buffer().area.height;
            let last = row(&b, h - 1);
            let at = last.rfind(" ?  ").unwrap();
            let x = unicode_width::UnicodeWidthStr::width(&last[..at]) as u16 + 1;
            assert_eq!(b.buffer()[(x, h - 1)].bg, Color::Gray, "{mode:?} {w}");
        }
    });
}

#[test]
fn a_crowded_footer_keeps_the_first_keys_and_drops_the_last() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_app();
        reach(&mut app, "C <Enter>");
        let b = render(&app, 100, 30);
        let footer = footer_line(&b);
        // Brackets go first: "等次（空票时全部同等次）" is "等次".
        assert!(
            footer.starts_with(&format!(" 1-9  {}", zh_en(l, "等次", "grade"))),
            "{footer}"
        );
        for keys in ["0", "-", "Enter", "Space", "Esc", "x", "u", "r"] {
            assert!(footer.contains(&format!(" {keys}  ")), "{keys}: {footer}");
        }
        // Wide enough, every description is whole.
        let wide = footer_line(&render(&app, 200, 30));
        assert!(
            wide.contains(zh_en(
                l,
                "等次（空票时全部同等次）",
                "grade (on an empty ballot: everyone)"
            )),
            "{wide}"
        );
    });
}

#[test]
fn the_tally_sheet_shortens_long_names_too() {
    each_lang(|l, _| {
        let (_dir, mut app) = long_ballot_app(25);
        press(&mut app, &to_counting_script(40));
        press(&mut app, "t <Enter>");
        assert_eq!(app.mode(), Mode::Sheet(SheetMode::First));
        for w in [80, 100] {
            let b = render(&app, w, 45);
            let text = screen(&b);
            assert!(shows(&b, zh_en(l, "应为", "Must be")), "{w}\n{text}");
            let row = rows(b.buffer())
                .into_iter()
                .find(|r| r.starts_with("│司马"))
                .unwrap_or_else(|| panic!("{w}\n{text}"));
            if !row.contains(&name(21)) {
                assert!(row.contains(".."), "{w}: {row}");
            }
        }
    });
}

#[test]
fn the_row_being_keyed_is_in_sight_at_every_size() {
    let _g = lock(Lang::En);
    let (_dir, mut app) = entering(40, 0);
    // Rows a, q+ (39), n, then the last (40) after marking q+.
    for (keys, row) in [("a", 0), ("q +", 38), ("n", 13), ("1 q + 1", 39)] {
        press(&mut app, keys);
        assert_eq!(app.draft().cursor, row, "{keys}");
        for w in (60..=200).step_by(7) {
            for h in (16..=60).step_by(4) {
                // `render` panics on a cell hidden under a wide character.
                let b = render(&app, w, h);
                let i = app.draft().cursor;
                assert!(
                    grid_row_y(&b, &app, i).is_some(),
                    "{keys} {w}x{h}: row {i}\n{}",
                    screen(&b)
                );
            }
        }
    }
}

#[test]
fn the_results_table_shortens_a_long_name_rather_than_drop_its_counts() {
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = entering(25, 3);
    // The agenda at 唱票计票: the running results of the round.
    press(&mut app, "<Esc>");
    // At 80 columns the panel is too narrow for every column whatever the
    // name; from 100 the counts stay and the name gives way.
    for w in [100, 120] {
        let b = render(&app, w, 45);
        let text = screen(&b);
        let header = text
            .lines()
            .find(|l| l.contains("姓名") && l.contains("优秀"))
            .unwrap_or_else(|| panic!("{w}: no results header\n{text}"));
        for column in ["弃权", "无效", "优秀率"] {
            assert!(header.contains(column), "{w}: {column} kept: {header}");
        }
        let long = text
            .lines()
            .find(|l| l.contains("欧阳明远"))
            .unwrap_or_else(|| panic!("{w}: the long name's row\n{text}"));
        if !long.contains(&name(5)) {
            assert!(long.contains(".."), "{w}: shortened with ..: {long}");
        }
    }
}

/// 公布结果 of a 25-person ballot at 80x24: the read-out line stays, the
/// people scroll with Down and Up, a plain-text line says how many are
/// above and below, and every person is read out on some screen.
#[test]
fn the_announcement_scrolls_to_everyone_at_80x24() {
    each_lang(|l, tag| {
        let (_dir, mut app) = entering(25, 40);
        // To 公布结果 (the agenda's results step).
        press(&mut app, "<Esc> a n");
        assert_eq!(
            app.current_step(),
            Some(ceping::domain::AgendaStep::Results)
        );
        let read_out = zh_en(l, "应到 45 人，实到 40 人", "Expected 45, present 40");
        let mut seen = std::collections::BTreeSet::new();
        let mut first_below = None;
        for step in 0..30 {
            let b = render(&app, 80, 24);
            let text = screen(&b);
            assert!(text.contains(read_out), "{step}: {text}");
            assert!(problems(b.buffer()).is_empty(), "{text}");
            for i in 0..25 {
                // A name cut by the wrap still starts its line "N. name".
                if text.contains(&format!("{}. {}", i + 1, name(i))) {
                    seen.insert(i);
                }
            }
            let below = text.contains(zh_en(l, "下面还有", "more below"));
            let above = text.contains(zh_en(l, "上面还有", "more above"));
            assert_eq!(above, step > 0, "{step}: {text}");
            if step == 0 {
                first_below = Some(below);
                insta::assert_snapshot!(format!("announcement_top_{tag}_80x24"), text);
            }
            if !below {
                insta::assert_snapshot!(format!("announcement_end_{tag}_80x24"), text);
                break;
            }
            press(&mut app, "<Down>");
        }
        assert_eq!(first_below, Some(true), "25 people do not fit 80x24");
        assert_eq!(seen.len(), 25, "everyone read out: {seen:?}");
        // Up goes back to the top.
        press(&mut app, &"<Up> ".repeat(30));
        let text = screen(&render(&app, 80, 24));
        assert!(!text.contains(zh_en(l, "上面还有", "more above")), "{text}");
        assert!(text.contains(&format!("1. {}", name(0))), "{text}");
    });
}

/// The tally sheet of a 25-person ballot at 80x24 scrolls with the cell
/// being typed: its person's row is always on screen, and a plain-text
/// line says how many are above and below.
#[test]
fn the_tally_sheet_keeps_the_row_being_typed_in_sight() {
    each_lang(|l, tag| {
        let (_dir, mut app) = long_ballot_app(25);
        press(&mut app, &to_counting_script(40));
        press(&mut app, "t <Enter> 0 <Enter> 0 <Enter>");
        for person in 0..25 {
            for (w, h) in [(80, 24), (100, 30)] {
                let b = render(&app, w, h);
                let start: String =
                    format!("│{}", name(person).chars().take(2).collect::<String>());
                assert!(
                    rows(b.buffer()).iter().any(|r| r.starts_with(&start)),
                    "{person} at {w}x{h}\n{}",
                    screen(&b)
                );
                if person == 12 && w == 80 {
                    let text = screen(&b);
                    assert!(text.contains(zh_en(l, "上面还有", "more above")), "{text}");
                    assert!(text.contains(zh_en(l, "下面还有", "more below")), "{text}");
                    insta::assert_snapshot!(format!("sheet_middle_{tag}_80x24"), text);
                }
            }
            // The person's six cells: 40 优秀, then zeros.
            press(
                &mut app,
                "\"40\" <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter>",
            );
        }
    });
}

/// The other screens a long ballot changes, with the 25-person ballot
/// (names of 2, 3, 4 and 12 characters) at 80x24, 100x30 and 160x45 in
/// both languages: the running results at 唱票计票, the announcement at
/// 公布结果, and the tally sheet being typed. Each draws cleanly (nothing
/// under half a CJK character, every row the screen's width).
#[test]
fn the_long_ballots_other_screens_at_three_sizes() {
    each_lang(|_, tag| {
        let (_dir, mut app) = entering(25, 40);
        press(&mut app, "<Esc>");
        let counting = app.current_step();
        let mut shots = vec![("long_counting", render_all(&app))];
        // Who does not fit the running results is counted, not dropped
        // silently.
        for (_, text) in &shots[0].1 {
            let last = format!("│{} ", name(24));
            assert!(
                text.contains(&last) || text.contains("另有") || text.contains("more not shown"),
                "{text}"
            );
        }
        press(&mut app, "a n");
        assert_ne!(app.current_step(), counting, "{:?}", app.status);
        shots.push(("long_announcement", render_all(&app)));
        let (_dir2, mut sheet) = long_ballot_app(25);
        press(&mut sheet, &to_counting_script(40));
        press(&mut sheet, "t <Enter> 0 <Enter> 0 <Enter>");
        press(
            &mut sheet,
            &"\"40\" <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter> ".repeat(6),
        );
        shots.push(("long_sheet", render_all(&sheet)));
        for (name, screens) in shots {
            for ((w, h), text) in screens {
                insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), text);
            }
        }
    });
}

/// `app` drawn at 80x24, 100x30 and 160x45: (size, screen text).
fn render_all(app: &App) -> Vec<((u16, u16), String)> {
    [(80, 24), (100, 30), (160, 45)]
        .into_iter()
        .map(|(w, h)| ((w, h), screen(&render(app, w, h))))
        .collect()
}
