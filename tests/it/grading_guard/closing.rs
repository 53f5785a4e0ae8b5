//! Once the meeting closes, the grade is final and nothing is asked.

use super::*;

#[test]
fn once_the_meeting_closes_the_grade_is_final_and_nothing_is_asked() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_app();
        // 蒋丽 (a 南塘村 cadre) graded 优秀 before the annual review.
        press(&mut app, "g <Tab> <Tab>");
        grade_asks(
            &mut app,
            "蒋丽",
            1,
            person("南塘村", "蒋丽"),
            &annual_review_not_held(l, "南塘村"),
        );
        recorded(&mut app, "<Enter>");
        shown_provisional(&app, l, "蒋丽", "优秀");

        // The annual review is keyed and closed: the same grade, final.
        close_annual_review(&mut app);
        board_on(&mut app, Group::Cadres);
        shown_final(&app, l, "蒋丽", "优秀");
        assert_eq!(
            grade(&app, &person("南塘村", "蒋丽")),
            Some(FinalGrade {
                grade: 0,
                justification: None
            })
        );
        assert_eq!(member(&json(&app), "cadres", "蒋丽")["provisional"], false);

        // Another person of 南塘村, and its work team: no question.
        select(&mut app, "罗志明");
        let e = recorded(&mut app, "2");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: person("南塘村", "罗志明"),
                grade: Some(1),
                justification: None
            }
        );
        assert_eq!(app.status, None, "a final grade says nothing");
        press(&mut app, "<Tab>");
        select(&mut app, "严立新");
        recorded(&mut app, "1");
        let b = render(&app, 160, 45);
        assert!(!board_row(&b, "严立新").contains(mark(l).trim()));

        // A cadre of another unit still asks.
        press(&mut app, "<Left>");
        grade_asks(
            &mut app,
            "段丽萍",
            2,
            person("回龙村", "段丽萍"),
            &annual_review_not_held(l, "回龙村"),
        );
        cancel(&mut app);

        // 南塘村 itself and its secretary still wait for the
        // Party-building review.
        let party_only = zh_en(
            l,
            "南塘村的抓基层党建述职评议还没有召开，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消",
            "南塘村 has not held its Party-building review; the grade will be marked provisional. Enter to confirm, Esc to cancel",
        );
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Units);
        grade_asks(&mut app, "南塘村", 2, unit("南塘村"), party_only);
        recorded(&mut app, "<Enter>");
        press(&mut app, "<Tab>");
        grade_asks(
            &mut app,
            "龚晓峰",
            2,
            person("南塘村", "龚晓峰"),
            party_only,
        );
        recorded(&mut app, "<Enter>");

        // The Party-building review closes too: everything of 南塘村 is
        // final, live, without anything re-recorded.
        close_party_building_review(&mut app);
        board_on(&mut app, Group::Units);
        shown_final(&app, l, "南塘村", "二类");
        select(&mut app, "南塘村");
        recorded(&mut app, "1");
        press(&mut app, "<Tab>");
        shown_final(&app, l, "龚晓峰", "称职");
        select(&mut app, "龚晓峰");
        recorded(&mut app, "c 1 <Enter>");
        recorded(&mut app, "1");
    });
}
