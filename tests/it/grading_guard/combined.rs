//! A secretary's combined evaluation waits for the Party-building review.

use super::*;

#[test]
fn a_combined_evaluation_waits_for_the_party_building_review() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g <Tab>");
        assert_eq!(app.grading_group, Group::Secretaries);
        select(&mut app, "汤建华");
        let combined = Decision::Combined {
            unit: "回龙村".into(),
            secretary: "汤建华".into(),
        };
        let question = zh_en(
            l,
            "回龙村的抓党建述职评议还没有召开，综合评价将标为暂定。确认评价？按 Enter 确认，Esc 取消",
            "回龙村 has not held its Party-building review; the combined evaluation will be marked provisional. Enter to confirm, Esc to cancel",
        );
        asks(&mut app, "c 1 <Enter>", combined.clone(), 0, question);
        cancel(&mut app);
        assert_eq!(combined_level(&app, "回龙村", "汤建华"), None);

        // A bad level is still refused at the level's question.
        press(&mut app, "c 5 <Enter>");
        assert!(matches!(
            app.prompt().map(|p| &p.kind),
            Some(PromptKind::Combined(..))
        ));
        assert!(matches!(app.status, Some(Status::Error(_))));
        press(&mut app, "<Esc>");

        // The investigation rests on no meeting: no question.
        recorded(&mut app, "i \"2 走访群众\" <Enter>");

        // Confirmed: recorded as without the guard, shown provisional.
        asks(&mut app, "c 2 <Enter>", combined, 1, question);
        let e = recorded(&mut app, "<Enter>");
        assert_eq!(
            e,
            Event::CombinedEvaluationSet {
                unit: "回龙村".into(),
                secretary: "汤建华".into(),
                level: 1
            }
        );
        assert_eq!(app.status, Some(recorded_provisional(l)));
        let b = render(&app, 160, 45);
        let row = board_row(&b, "汤建华");
        assert!(row.contains(&format!("较好{}", mark(l))), "{row}");
        let j = json(&app);
        assert_eq!(combined_entry(&j, "汤建华")["level"], "较好");
        assert_eq!(combined_entry(&j, "汤建华")["provisional"], true);
        assert_eq!(combined_entry(&j, "龚晓峰")["provisional"], false);

        // The cross-rule still refuses at once, before any question.
        let not_good = zh_en(
            l,
            "述职评议综合评价未达到“好”的党组织书记，年度考核不得评为“优秀”。请先确定综合评价。",
            "A secretary whose combined evaluation is not 好 cannot be graded 优秀. Set the combined evaluation first.",
        );
        refused(&mut app, "1", not_good);
        assert_eq!(app.prompt(), None);

        // A talk stays visible with the provisional mark.
        select(&mut app, "彭振华");
        press(&mut app, "c 3 <Enter>");
        recorded(&mut app, "<Enter>");
        let b = render(&app, 160, 45);
        let talk = zh_en(l, "一般 约谈", "一般 talk");
        assert!(
            board_row(&b, "彭振华").contains(&format!("{talk}{}", mark(l))),
            "{}",
            screen(&b)
        );

        // 南塘村's Party-building review closes: 龚晓峰's combined
        // evaluation asks nothing; his grade still waits for the annual
        // review.
        close_party_building_review(&mut app);
        board_on(&mut app, Group::Secretaries);
        select(&mut app, "龚晓峰");
        let e = recorded(&mut app, "c 1 <Enter>");
        assert!(matches!(e, Event::CombinedEvaluationSet { level: 0, .. }));
        let b = render(&app, 160, 45);
        let row = board_row(&b, "龚晓峰");
        assert!(row.contains("好") && !row.contains(mark(l).trim()), "{row}");
        asks(
            &mut app,
            "1",
            Decision::Grade(person("南塘村", "龚晓峰")),
            0,
            zh_en(
                l,
                "南塘村的述职测评大会还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
                "南塘村 has not held its annual review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
            ),
        );
        recorded(&mut app, "<Enter>");
        assert_eq!(combined_entry(&json(&app), "龚晓峰")["provisional"], false);
        assert_eq!(
            member(&json(&app), "secretaries", "龚晓峰")["provisional"],
            true
        );
    });
}
