//! Counting and after: ballot entry with a draft, correcting a ballot,
//! refusals in red, the tally sheet's two passes, the results, the close
//! prompt and the closed round; and the grading board, the help overlay
//! and the quit question.

use super::*;

#[test]
fn ballot_entry_with_a_draft() {
    snap("ballots", ballots, |l, app, b| {
        assert_eq!(app.draft().cursor, 3);
        assert!(shows(b, zh_en(l, "正在录入第 8 号", "Keying ballot 8")));
        // Row c (罗志明) shows 称职; the others 优秀.
        let grid = |name: &str| {
            rows(b.buffer())
                .into_iter()
                .find(|r| r.contains(name) && r.contains('['))
                .unwrap()
        };
        let c = grid("罗志明");
        assert!(c.contains("[称职]") && !c.contains("[优秀]"), "{c}");
        for name in ["龚晓峰", "蒋丽", "田秀英", "万宏", "贺文斌", "严立新"] {
            let r = grid(name);
            assert!(r.contains("[优秀]") && !r.contains("[称职]"), "{r}");
        }
        // The row the next grade goes to (d, 田秀英) is highlighted.
        let (_, y) = find(b, "d 4 田秀英").unwrap();
        assert_eq!(b.buffer()[(3, y)].bg, Color::DarkGray);
        // The recent ballots, newest first, as keyed.
        assert!(shows(b, "#7    12340-1"), "{}", screen(b));
        assert!(shows(b, "#3    1121111"));
        assert!(shows(b, zh_en(l, "#4    空白票", "#4    Blank")));
        assert!(shows(b, zh_en(l, "#5    废票", "#5    Invalid")));
    });
}

#[test]
fn ballot_entry_correcting_a_ballot() {
    snap("correcting", correcting, |l, app, b| {
        assert_eq!(app.draft().correcting, Some(3));
        let title = zh_en(l, "正在更正第 3 号", "Correcting ballot 3");
        // The grid's border turns yellow while correcting.
        let (x, y) = find(b, title).unwrap();
        assert_eq!(b.buffer()[(x - 1, y)].fg, Color::Yellow);
        let d = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("田秀英") && r.contains('['))
            .unwrap();
        assert!(d.contains("[基本称职]"), "{d}");
    });
}

#[test]
fn refused_ballot_shows_a_red_sentence() {
    snap("refused_ballot", refused_ballot, |l, _, b| {
        let sentence = zh_en(
            l,
            "还有 7 人没有录入；没勾的请按 0 记为弃权",
            "7 people not keyed yet; press 0 for a blank (abstain)",
        );
        status_says(b, sentence, Color::Red);
    });
}

#[test]
fn refused_next_step_shows_what_is_needed() {
    snap("refused_next", refused_next, |l, app, b| {
        assert_eq!(app.current_step(), Some(AgendaStep::Counting));
        let sentence = zh_en(
            l,
            "已录入 7 张，收回 12 张，两者须相等",
            "entered 7, returned 12: they must be equal",
        );
        assert_eq!(status_line(b), sentence);
        let status = status_row(b);
        assert_eq!(b.buffer()[(0, status)].fg, Color::Red);
        // And the agenda lists the same need, in red.
        assert_eq!(fg_of(b, &format!("- {sentence}")), Color::Red);
    });
}

#[test]
fn tally_sheet_pass_one() {
    snap("sheet_pass1", sheet_pass1, |l, _, b| {
        assert!(shows(
            b,
            zh_en(l, "计票单第 1 遍（盲录）", "Tally sheet, pass 1 (blind)")
        ));
        // The cell being keyed (蒋丽's 优秀) is reversed and shows 9.
        let (x, y) = find(b, "蒋丽").unwrap();
        let cells = b.buffer();
        let nine = (x..cells.area.width)
            .find(|&cx| cells[(cx, y)].symbol() == "9")
            .unwrap();
        assert!(cells[(nine, y)].modifier.contains(Modifier::REVERSED));
        // 龚晓峰's row adds up to 11.
        let row = rows(cells)
            .into_iter()
            .find(|r| r.contains("龚晓峰"))
            .unwrap();
        assert!(
            row.trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with("11"),
            "{row}"
        );
    });
}

#[test]
fn tally_sheet_resolve_marks_the_differences() {
    snap("sheet_resolve", sheet_resolve, |l, app, b| {
        assert_eq!(app.current_round().unwrap().open_differences().len(), 2);
        assert!(shows(
            b,
            zh_en(
                l,
                "核对差异：按纸质计票单输入正确数",
                "Resolve: key the right number from the paper"
            )
        ));
        // The cursor's cell shows both passes, in red; the other disputed
        // cell is red too; the rest of the row is not.
        assert_eq!(fg_of(b, "8/9"), Color::Red, "{}", screen(b));
        let (_, y) = find(b, "8/9").unwrap();
        let cells = b.buffer();
        let red: String = (0..cells.area.width)
            .filter(|&x| cells[(x, y)].fg == Color::Red)
            .map(|x| cells[(x, y)].symbol())
            .collect();
        // Every disputed cell shows both passes until keyed again.
        assert_eq!(red.replace(' ', ""), "8/92/1");
        assert_eq!(
            status_line(b),
            zh_en(
                l,
                "两遍有 2 处不一致，已标出",
                "The passes differ in 2 cells, marked"
            )
        );
    });
}

#[test]
fn agenda_results() {
    snap("results", results, |l, app, b| {
        assert_eq!(app.current_step(), Some(AgendaStep::Results));
        // The read-out (it may wrap between its numbers).
        assert!(shows(b, zh_en(l, "有效 11 张", "valid 11")));
        assert!(shows(b, zh_en(l, "废票 1 张", "invalid")), "{}", screen(b));
    });
}

#[test]
fn agenda_close_prompt_and_closed_round() {
    snap("close_prompt", close_prompt, |l, _, b| {
        assert!(status_line(b).starts_with(zh_en(l, "结束第 1 轮？", "")));
    });
    snap("closed", closed, |l, app, b| {
        let RoundStatus::Closed { head } = &app.current_round().unwrap().status else {
            panic!("round 1 is not closed: {:?}", app.status);
        };
        // The fingerprint to write in the minutes is on screen.
        assert!(shows(b, &head[..12]), "{}", screen(b));
        assert_eq!(fg_of(b, &head[..12]), Color::Green);
        assert!(status_line(b).contains(zh_en(l, "第 1 轮已结束", "Round 1 closed")));
    });
}

#[test]
fn grading_board() {
    snap("grading_units", grading_units, |l, _, b| {
        assert!(
            shows(b, zh_en(l, "评定等次", "Grading board")),
            "{}",
            screen(b)
        );
    });
    snap("grading_secretaries", grading_secretaries, |_, _, b| {
        for secretary in ["龚晓峰", "汤建华", "彭振华", "袁丽华"] {
            assert!(shows(b, secretary), "{}", screen(b));
        }
    });
}

#[test]
fn help_overlay_on_ballot_entry_and_home() {
    let title = |l| zh_en(l, "按键说明（任意键关闭）", "Keys (any key closes)");
    snap("help_ballots", help_ballots, |l, _, b| {
        assert!(shows(b, title(l)), "{}", screen(b));
    });
    snap("help_home", help_home, |l, _, b| {
        assert!(shows(b, title(l)), "{}", screen(b));
    });
}

#[test]
fn quit_question() {
    snap("quit", quit, |l, app, b| {
        assert!(app.confirm_quit() && !app.quit);
        let text = zh_en(l, "确定退出吗？", "Quit? Everything entered is saved.");
        assert!(shows(b, text), "{}", screen(b));
    });
}
