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
            "回龙村的抓基层党建述职评议还没有召开，综合评价将标为暂定。确认评价？按 Enter 确认，Esc 取消",
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
        shown_provisional(&app, l, "汤建华", "较好");
        let j = json(&app);
        assert_eq!(combined_entry(&j, "汤建华")["level"], "较好");
        assert_eq!(combined_entry(&j, "汤建华")["provisional"], true);
        assert_eq!(combined_entry(&j, "龚晓峰")["provisional"], false);

        // The cross-rule still refuses at once, before any question.
        refused(&mut app, "1", not_good(l));
        assert_eq!(app.prompt(), None);

        // A talk stays visible with the provisional mark.
        select(&mut app, "彭振华");
        press(&mut app, "c 3 <Enter>");
        recorded(&mut app, "<Enter>");
        shown_provisional(&app, l, "彭振华", zh_en(l, "一般 约谈", "一般 talk"));

        // 南塘村's Party-building review closes: 龚晓峰's combined
        // evaluation asks nothing; his grade still waits for the annual
        // review.
        close_party_building_review(&mut app);
        board_on(&mut app, Group::Secretaries);
        select(&mut app, "龚晓峰");
        let e = recorded(&mut app, "c 1 <Enter>");
        assert!(matches!(e, Event::CombinedEvaluationSet { level: 0, .. }));
        shown_final(&app, l, "龚晓峰", "好");
        asks(
            &mut app,
            "1",
            Decision::Grade(person("南塘村", "龚晓峰")),
            0,
            &annual_review_not_held(l, "南塘村"),
        );
        recorded(&mut app, "<Enter>");
        assert_eq!(combined_entry(&json(&app), "龚晓峰")["provisional"], false);
        assert_eq!(
            member(&json(&app), "secretaries", "龚晓峰")["provisional"],
            true
        );
    });
}
