//! Typing text, as a liaison does: the cursor moves and typing inserts
//! where it is; a saved comment, written evaluation or rectification
//! comes back pre-filled to be edited; a long comment wraps by display
//! width inside its box; a new line takes Ctrl-J or Alt-Enter; the
//! rectification entry is a form of four labelled fields whose deadline is
//! checked as a date. Everything through the real keymap, on the demo.
//!
//! Snapshots: `it__text_entry__{comment,form}_{zh,en}_{80x24,100x30,160x45}`.

use crate::support::app::*;
use crate::support::zh_en;
use ceping::app::{App, Mode};
use ceping::domain::Event;
use ceping::domain::grading::{Rectification, RectificationStatus};

/// The demo's 下述下评 (row 2 of the street board) at 龚晓峰's oral
/// report, timed and stopped: the comment key `c` is live.
fn at_party_comment() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    press(
        &mut app,
        "<Down> <Enter> <Enter> e \"30 28\" <Enter> n <Space>",
    );
    advance(&mut app, 6 * 60);
    press(&mut app, "s");
    (dir, app)
}

fn comment(e: &Event) -> &str {
    match e {
        Event::CommentRecorded { text, .. } => text,
        e => panic!("not a comment: {e:?}"),
    }
}

/// The screen shows every character of `text` (wrapped or not) in order,
/// reading the rows inside the typing box.
fn box_shows(app: &App, w: u16, h: u16, text: &str) -> bool {
    let b = render(app, w, h);
    let inside: String = rows(b.buffer())
        .iter()
        .filter(|r| r.starts_with('│'))
        .map(|r| r.trim_matches(|c| c == '│' || c == ' ').to_string())
        .collect();
    inside.contains(text)
}

#[test]
fn left_and_right_move_the_cursor_and_typing_inserts_there() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_party_comment();
        // The report from the issue: abc, Left, Left, X gave abcX.
        let e = recorded(&mut app, "c \"abc\" <Left> <Left> X <Enter>");
        assert_eq!(comment(&e), "aXbc");
        // Home, End, Delete, and Backspace where the cursor is.
        let e = recorded(&mut app, "c <Home> <Del> \"A\" <End> <BS> \"C!\" <Enter>");
        assert_eq!(comment(&e), "AXbC!");
        // Ctrl-Left / Ctrl-Right move by word.
        let e = recorded(
            &mut app,
            "c <C-u> \"one two three\" <C-Left> <C-Left> \"X\" <Enter>",
        );
        assert_eq!(comment(&e), "one Xtwo three");
    });
}

#[test]
fn a_saved_comment_comes_back_to_be_edited_not_retyped() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_party_comment();
        recorded(&mut app, "c \"抓党建有实招\" <Enter>");
        // `c` again: the saved comment, the cursor at its end.
        press(&mut app, "c");
        assert_eq!(app.mode(), Mode::TextPrompt);
        assert_eq!(app.prompt().unwrap().input().text(), "抓党建有实招");
        assert!(box_shows(&app, 80, 24, "抓党建有实招"));
        // Enter unchanged records nothing; an edit records the new text.
        let seq = app.session.store.last_seq();
        press(&mut app, "<Enter>");
        assert_eq!(app.session.store.last_seq(), seq);
        let e = recorded(&mut app, "c \"，台账要细化\" <Enter>");
        assert_eq!(comment(&e), "抓党建有实招，台账要细化");
        // In the middle, by character (each Chinese character one step).
        let e = recorded(
            &mut app,
            "c <Home> <Right> <Right> <Right> \"工作\" <Enter>",
        );
        assert_eq!(comment(&e), "抓党建工作有实招，台账要细化");
        // Esc keeps the saved one.
        press(&mut app, "c <C-u> \"作废的\" <Esc>");
        let b = render(&app, 160, 45);
        assert!(shows(&b, "抓党建工作有实招，台账要细化"), "{}", screen(&b));
        let _ = l;
    });
}

#[test]
fn a_long_comment_wraps_in_its_box_and_a_new_line_is_kept() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_party_comment();
        // 120 Chinese characters: 240 cells, three rows at 80 columns.
        let long = "支部班子团结，三会一课按时开展，党员教育扎实。".repeat(5);
        press(&mut app, &format!("c \"{long}\""));
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            assert!(
                box_shows(&app, w, h, &long),
                "{}",
                screen(&render(&app, w, h))
            );
            assert!(problems(render(&app, w, h).buffer()).is_empty());
        }
        // Ctrl-J and Alt-Enter start a new line; Enter saves the whole.
        let e = recorded(&mut app, "<C-j> \"第二段\" <A-Enter> \"第三段\" <Enter>");
        assert_eq!(comment(&e), format!("{long}\n第二段\n第三段"));
    });
}

#[test]
fn the_comment_box_at_every_size() {
    each_lang(|_, tag| {
        let (_dir, mut app) = at_party_comment();
        press(
            &mut app,
            "c \"支部班子团结，三会一课按时开展，党员教育扎实；村级阵地建设有新进展，整改台账要细化到人到时限。\" <C-j> \"第二段\" <Left> <Left>",
        );
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            let b = render(&app, w, h);
            assert!(problems(b.buffer()).is_empty(), "{}", screen(&b));
            insta::assert_snapshot!(format!("comment_{tag}_{w}x{h}"), screen(&b));
        }
    });
}

/// The demo's grading board on 彭振华 (西塘村's secretary), given 一般
/// so that a rectification entry is due.
fn at_rectification() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_at("g <Tab> <Down> <Down>");
    recorded(&mut app, "c 3 <Enter> <Enter>");
    (dir, app)
}

fn rectification(app: &App) -> Rectification {
    app.model()
        .grading
        .rectifications
        .get(&("西塘村".to_string(), "彭振华".to_string()))
        .cloned()
        .unwrap()
}

#[test]
fn the_rectification_form_has_four_labelled_fields_and_checks_the_date() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_rectification();
        press(&mut app, "r");
        assert_eq!(app.mode(), Mode::FormPrompt);
        let b = render(&app, 80, 24);
        for label in [
            zh_en(l, "存在问题", "Problems"),
            zh_en(l, "整改措施", "Measures"),
            zh_en(l, "整改时限", "Deadline"),
            zh_en(l, "责任人", "Responsible"),
        ] {
            assert!(shows(&b, label), "{label}\n{}", screen(&b));
        }
        // The footer says how to move between the fields.
        assert!(footer_line(&b).contains("Tab"), "{}", footer_line(&b));

        // Tab and Down go on, Shift-Tab and Up come back; each field keeps
        // its text.
        press(
            &mut app,
            "\"村务公开不及时\" <Tab> \"每月公开一次\" <Down> \"明年三月\" <Tab> \"彭振华\" <BackTab> <Up> <Up> <Up> <Up>",
        );
        assert_eq!(app.prompt().unwrap().focus, 0);
        // A deadline that is not a date: refused, nothing recorded, the
        // form stays open on the deadline with everything typed.
        refused(
            &mut app,
            "<Enter>",
            zh_en(
                l,
                "整改期限请写成 年-月-日，例如 2022-03-31。",
                "Write the deadline as year-month-day, e.g. 2022-03-31.",
            ),
        );
        let p = app.prompt().unwrap();
        assert_eq!(p.focus, 2);
        assert_eq!(
            p.answers(),
            ["村务公开不及时", "每月公开一次", "明年三月", "彭振华"]
        );
        // Clear the deadline and write a date as people do.
        let e = recorded(&mut app, "<C-u> \"2022年3月31日\" <Enter>");
        let entry = Rectification {
            problems: "村务公开不及时".into(),
            measures: "每月公开一次".into(),
            deadline: "2022-03-31".into(),
            responsible: "彭振华".into(),
            status: RectificationStatus::Open,
        };
        assert_eq!(
            e,
            Event::RectificationSet {
                unit: "西塘村".into(),
                secretary: "彭振华".into(),
                entry
            }
        );
    });
}

#[test]
fn a_recorded_rectification_comes_back_in_its_form_to_edit_one_field() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_rectification();
        recorded(
            &mut app,
            "r \"村务公开不及时\" <Tab> \"每月公开一次\" <Tab> \"2022-03-31\" <Tab> \"彭振华\" <Enter>",
        );
        recorded(&mut app, "s");
        // `r` again: every field pre-filled; only the measures change, and
        // the status (in progress) is kept.
        press(&mut app, "r");
        assert_eq!(
            app.prompt().unwrap().answers(),
            ["村务公开不及时", "每月公开一次", "2022-03-31", "彭振华"]
        );
        recorded(&mut app, "<Tab> \"，每季度公示\" <Enter>");
        let r = rectification(&app);
        assert_eq!(r.measures, "每月公开一次，每季度公示");
        assert_eq!(r.problems, "村务公开不及时");
        assert_eq!(r.status, RectificationStatus::InProgress);
        // An empty field is left out of the board's line, not shown as
        // an empty slot between separators.
        recorded(&mut app, "r <Tab> <Tab> <Tab> <C-u> <Enter>");
        let b = render(&app, 160, 45);
        assert!(!screen(&b).contains("| "), "{}", screen(&b));
    });
}

#[test]
fn the_rectification_form_at_every_size() {
    each_lang(|_, tag| {
        let (_dir, mut app) = at_rectification();
        press(
            &mut app,
            "r \"村务公开不及时，财务公开栏更新滞后两个月以上，群众意见较大\" <Tab> \"每月公开一次\" <Tab>",
        );
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            let b = render(&app, w, h);
            assert!(problems(b.buffer()).is_empty(), "{}", screen(&b));
            insta::assert_snapshot!(format!("form_{tag}_{w}x{h}"), screen(&b));
        }
    });
}

/// Pasted text (the terminal's bracketed paste) goes into the open
/// question whole: a comment keeps its line breaks (CRLF from Windows
/// too) instead of a break saving half of it; a one-line answer gets
/// spaces; with nothing open a paste does nothing at all.
#[test]
fn pasted_text_goes_into_the_question_whole() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_party_comment();
        press(&mut app, "c \"开头：\"");
        app.on_paste("第一段，有实招。\r\n第二段，要细化。");
        assert_eq!(app.mode(), Mode::TextPrompt, "a line break is not Enter");
        let e = recorded(&mut app, "<Enter>");
        assert_eq!(comment(&e), "开头：第一段，有实招。\n第二段，要细化。");

        // Nothing open: a paste changes nothing.
        let model = app.model().clone();
        let seq = app.session.store.last_seq();
        app.on_paste("1\n1\n");
        assert_eq!(app.model(), &model);
        assert_eq!(app.session.store.last_seq(), seq);
        assert!(app.prompt().is_none());
    });
}

/// A one-line answer: a pasted line break becomes a space, so two numbers
/// copied one per line are read as two numbers.
#[test]
fn a_pasted_line_break_in_a_one_line_answer_is_a_space() {
    each_lang(|_, _| {
        let (_dir, mut app) = demo_app();
        press(&mut app, "<Enter> <Enter> e");
        app.on_paste("45\r\n40\n");
        assert_eq!(app.prompt().unwrap().input().text(), "45 40 ");
        press(&mut app, "<Enter>");
        let round = app.current_round().unwrap();
        assert_eq!((round.expected, round.present), (Some(45), Some(40)));
    });
}
