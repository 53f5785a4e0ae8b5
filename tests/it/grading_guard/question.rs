//! The question: grading a unit whose meetings were never held asks first,
//! naming what is missing, and an open round is named too.

use super::*;

#[test]
fn grading_a_unit_whose_meetings_were_never_held_asks_first() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g");
        assert_eq!(app.grading_group, Group::Units);
        let question = zh_en(
            l,
            "南塘村的述职测评大会和抓基层党建述职评议还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
            "南塘村 has not held its annual review and Party-building review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
        );
        let decision = Decision::Grade(unit("南塘村"));
        asks(&mut app, "1", decision.clone(), 0, question);
        // On the 100-column screen the question is longer than the
        // bottom line: it is shown whole, wrapped in a box above it.
        let b = render(&app, 100, 30);
        let start: String = question.chars().take(12).collect();
        let end: String = question
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(shows(&b, &start) && shows(&b, &end), "{}", screen(&b));

        // Esc records nothing; typing at the question changes nothing.
        cancel(&mut app);
        assert_eq!(grade(&app, &unit("南塘村")), None);
        asks(&mut app, "3", decision.clone(), 2, question);
        press(&mut app, "x y <BS>");
        cancel(&mut app);

        // Enter records the grade exactly as without the guard.
        asks(&mut app, "1", decision, 0, question);
        let e = recorded(&mut app, "<Enter>");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: unit("南塘村"),
                grade: Some(0),
                justification: None
            }
        );
        assert_eq!(app.status, Some(recorded_provisional(l)));
        let b = render(&app, 160, 45);
        let row = board_row(&b, "南塘村");
        assert!(row.contains(&format!("一类{}", mark(l))), "{row}");
        assert!(!board_row(&b, "回龙村").contains(mark(l).trim()));
        // A provisional grade counts in the quota.
        assert!(
            row_at(&b, 2).starts_with(zh_en(l, "一类 1 个，最多 2 个", "一类: 1 of at most 2")),
            "{}",
            screen(&b)
        );
        // The export says so.
        let j = json(&app);
        let m = member(&j, "units", "南塘村");
        assert_eq!(m["grade"], "一类");
        assert_eq!(m["provisional"], true);
        assert_eq!(member(&j, "units", "回龙村")["provisional"], false);

        // Clearing needs no confirmation.
        let e = recorded(&mut app, "0");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: unit("南塘村"),
                grade: None,
                justification: None
            }
        );
        assert_eq!(grade(&app, &unit("南塘村")), None);
    });
}

fn row_at(b: &TestBackend, y: u16) -> String {
    row(b, y).trim_end().to_string()
}

#[test]
fn the_question_names_an_open_round() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_app();
        // 南塘村's annual review starts: round 1 is open.
        press(&mut app, "<Enter> <Enter> <Esc> g");
        assert!(
            app.model()
                .current_round("南塘村", MeetingKind::AnnualReview)
                .is_some()
        );
        asks(
            &mut app,
            "2",
            Decision::Grade(unit("南塘村")),
            1,
            zh_en(
                l,
                "南塘村的述职测评大会第 1 轮还没有结束；南塘村的抓基层党建述职评议还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村's annual review, round 1, is not closed; 南塘村 has not held its Party-building review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        cancel(&mut app);
        // A cadre rests on the annual review only.
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Cadres);
        grade_asks(
            &mut app,
            "蒋丽",
            2,
            person("南塘村", "蒋丽"),
            zh_en(
                l,
                "南塘村的述职测评大会第 1 轮还没有结束，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村's annual review, round 1, is not closed; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        // A work team too.
        cancel(&mut app);
        press(&mut app, "<Tab>");
        assert_eq!(app.grading_group, Group::WorkTeams);
        grade_asks(
            &mut app,
            "崔永刚",
            2,
            team("回龙村"),
            &annual_review_not_held(l, "回龙村"),
        );
        cancel(&mut app);
    });
}
