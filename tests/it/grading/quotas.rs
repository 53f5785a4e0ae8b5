//! The grading board's quotas, each at its edge: units' 一类 (half of four),
//! secretaries' and work teams' 优秀 (the floor of 40% of four), and the
//! cadres' soft quota, which asks for a written justification.

use super::*;

#[test]
fn units_first_class_quota_is_half_of_four() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g");
        assert_eq!(app.screen.id(), ScreenId::Grading);
        assert_eq!(app.grading_group, Group::Units);
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::Units, "一类", 0, 2, 4, 50)
        );
        assert_eq!(fg_of(&b, &quota_line(&b)), Color::Green);

        // Two 一类 are accepted (confirmed: no meeting has been held).
        recorded(&mut app, "1 <Enter>");
        recorded(&mut app, "<Down> 1 <Enter>");
        assert_eq!(grade(&app, &unit("南塘村")), graded(0));
        assert_eq!(grade(&app, &unit("回龙村")), graded(0));
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::Units, "一类", 2, 2, 4, 50)
        );
        assert_eq!(
            fg_of(&b, &quota_line(&b)),
            Color::Red,
            "the quota is used up"
        );
        assert!(
            board_row(&b, "回龙村")
                .trim_end_matches('│')
                .trim_end()
                .ends_with(&format!("一类{}", provisional(l)))
        );

        // The third is refused, naming the quota.
        refused(
            &mut app,
            "<Down> 1",
            &quota_full(l, Group::Units, "一类", 2, 4, 50),
        );
        assert_eq!(grade(&app, &unit("西塘村")), None);

        // 回龙村 becomes 二类: the place is free for 西塘村.
        let e = recorded(&mut app, "<Up> 2 <Enter>");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: unit("回龙村"),
                grade: Some(1),
                justification: None
            }
        );
        recorded(&mut app, "<Down> 1 <Enter>");
        assert_eq!(grade(&app, &unit("西塘村")), graded(0));
        assert_eq!(grade(&app, &unit("回龙村")), graded(1));

        // 三类, then `0` clears it again; there is no fourth class.
        recorded(&mut app, "<Down> 3 <Enter>");
        assert_eq!(grade(&app, &unit("东马社区")), graded(2));
        let e = recorded(&mut app, "0");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: unit("东马社区"),
                grade: None,
                justification: None
            }
        );
        assert_eq!(grade(&app, &unit("东马社区")), None);
        refused(
            &mut app,
            "4",
            zh_en(l, "没有这个等次（4）。", "There is no such grade (4)."),
        );
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::Units, "一类", 2, 2, 4, 50)
        );
    });
}

#[test]
fn secretaries_excellent_quota_is_the_floor_of_forty_percent_of_four() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g <Tab>");
        assert_eq!(app.grading_group, Group::Secretaries);
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::Secretaries, "优秀", 0, 1, 4, 40)
        );

        // 龚晓峰: combined 好 (c 1 Enter), then 优秀.
        let e = recorded(&mut app, "c 1 <Enter> <Enter>");
        assert_eq!(
            e,
            Event::CombinedEvaluationSet {
                unit: "南塘村".into(),
                secretary: "龚晓峰".into(),
                level: 0
            }
        );
        recorded(&mut app, "1 <Enter>");
        assert_eq!(grade(&app, &person("南塘村", "龚晓峰")), graded(0));
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::Secretaries, "优秀", 1, 1, 4, 40)
        );

        // 汤建华, also 好, is refused: 40% of 4 is 1.6, rounded down to 1.
        recorded(&mut app, "<Down> c 1 <Enter> <Enter>");
        refused(
            &mut app,
            "1",
            &quota_full(l, Group::Secretaries, "优秀", 1, 4, 40),
        );
        assert_eq!(grade(&app, &person("回龙村", "汤建华")), None);
        // 称职 is not capped.
        recorded(&mut app, "2 <Enter>");

        // Changing 龚晓峰 to 称职 frees the place.
        recorded(&mut app, "<Up> 2 <Enter>");
        recorded(&mut app, "<Down> 1 <Enter>");
        assert_eq!(grade(&app, &person("回龙村", "汤建华")), graded(0));
        assert_eq!(grade(&app, &person("南塘村", "龚晓峰")), graded(1));
    });
}

#[test]
fn work_teams_excellent_quota_is_the_floor_of_forty_percent_of_four() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g <Tab> <Tab> <Tab>");
        assert_eq!(app.grading_group, Group::WorkTeams);
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::WorkTeams, "优秀", 0, 1, 4, 40)
        );
        assert!(shows(&b, zh_en(l, "驻村工作队", "Work teams")));

        recorded(&mut app, "1 <Enter>");
        refused(
            &mut app,
            "<Down> 1",
            &quota_full(l, Group::WorkTeams, "优秀", 1, 4, 40),
        );
        recorded(&mut app, "3 <Enter>");
        assert_eq!(grade(&app, &team("南塘村")), graded(0));
        assert_eq!(grade(&app, &team("回龙村")), graded(2));
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            counter(l, Group::WorkTeams, "优秀", 1, 1, 4, 40)
        );

        // Left goes back a group, Tab wraps round to the units.
        press(&mut app, "<Left>");
        assert_eq!(app.grading_group, Group::Cadres);
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Units);
        press(&mut app, "<Esc>");
        assert_eq!(app.screen.id(), ScreenId::Home);
    });
}

/// The 20 cadres of the demo, in the street's order.
const CADRES: [(&str, &str); 20] = [
    ("南塘村", "蒋丽"),
    ("南塘村", "罗志明"),
    ("南塘村", "田秀英"),
    ("南塘村", "万宏"),
    ("南塘村", "贺文斌"),
    ("回龙村", "段丽萍"),
    ("回龙村", "侯军"),
    ("回龙村", "邹红梅"),
    ("回龙村", "孟凯"),
    ("西塘村", "阎秀兰"),
    ("西塘村", "毛伟"),
    ("西塘村", "雷佳慧"),
    ("西塘村", "金波"),
    ("西塘村", "尹小红"),
    ("西塘村", "郝勇"),
    ("东马社区", "方卫东"),
    ("东马社区", "汪敏"),
    ("东马社区", "任秀珍"),
    ("东马社区", "储涛"),
    ("东马社区", "柏玉兰"),
];

#[test]
fn cadres_soft_quota_asks_for_a_written_justification() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g <Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Cadres);
        let soft = zh_en(l, "  [原则上]", "  [in principle]");
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            format!("{}{soft}", counter(l, Group::Cadres, "优秀", 0, 6, 20, 30))
        );

        // 30% of 20 = 6 优秀 without a question (but the grading guard's:
        // no meeting has been held).
        recorded(&mut app, "1 <Enter>");
        for _ in 1..6 {
            recorded(&mut app, "<Down> 1 <Enter>");
        }
        assert!(
            CADRES[..6]
                .iter()
                .all(|(u, n)| grade(&app, &person(u, n)) == top(None))
        );
        assert_eq!(app.prompt(), None);

        // The 7th asks for the justification; nothing is recorded yet.
        let over = zh_en(
            l,
            "优秀原则上最多 6 个，已经评了 6 个；超出须写明理由。",
            "In principle at most 6 优秀, 6 already given; exceeding it needs a written justification.",
        );
        refused(&mut app, "<Down> 1 <Enter>", over);
        let (u7, n7) = CADRES[6];
        assert_eq!(
            app.prompt().map(|p| &p.kind),
            Some(&PromptKind::Justification(person(u7, n7), 0))
        );
        status_starts(
            &app,
            zh_en(l, "超出名额的理由：", "Reason for exceeding the quota:"),
        );

        // An empty justification (or spaces) is refused; the prompt stays.
        refused(&mut app, "<Enter>", over);
        refused(&mut app, "\"  \" <Enter>", over);
        assert_eq!(app.mode(), Mode::TextPrompt);
        assert_eq!(grade(&app, &person(u7, n7)), None);

        // A written one is accepted and recorded with the grade.
        let why = "牵头完成全村危房改造，群众满意度第一";
        let e = recorded(&mut app, &format!("<BS> <BS> \"{why}\" <Enter>"));
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: person(u7, n7),
                grade: Some(0),
                justification: Some(why.into())
            }
        );
        assert_eq!(app.prompt(), None);
        assert_eq!(grade(&app, &person(u7, n7)), top(Some(why)));
        let b = render(&app, 160, 45);
        assert_eq!(
            quota_line(&b),
            format!("{}{soft}", counter(l, Group::Cadres, "优秀", 7, 6, 20, 30))
        );
        assert_eq!(fg_of(&b, &quota_line(&b)), Color::Yellow, "over, justified");
        let justified = zh_en(l, "优秀（有理由）", "优秀(justified)");
        assert!(board_row(&b, n7).contains(justified), "{}", screen(&b));
        assert!(!board_row(&b, CADRES[0].1).contains(justified));

        // Keying 优秀 again on the justified row keeps the justification.
        press(&mut app, "1 <Enter>");
        assert_eq!(grade(&app, &person(u7, n7)), top(Some(why)));

        // Esc at the question records nothing.
        let seq = app.session.store.last_seq();
        press(&mut app, "<Down> 1 <Enter>");
        assert_eq!(app.mode(), Mode::TextPrompt);
        press(&mut app, "<Esc>");
        assert_eq!(app.mode(), Mode::Grading);
        assert_eq!(app.session.store.last_seq(), seq);
        assert_eq!(grade(&app, &person(CADRES[7].0, CADRES[7].1)), None);

        // Two of the first six become 称职: 5 of 6 used, so the 8th 优秀
        // is within the quota and needs no justification.
        press(&mut app, "<Up> <Up> <Up> <Up> <Up> <Up> <Up>");
        recorded(&mut app, "2 <Enter>");
        recorded(&mut app, "<Down> 2 <Enter>");
        assert_eq!(grade(&app, &person(CADRES[0].0, CADRES[0].1)), graded(1));
        assert_eq!(grade(&app, &person(CADRES[1].0, CADRES[1].1)), graded(1));
        press(&mut app, "<Down> <Down> <Down> <Down> <Down> <Down>");
        recorded(&mut app, "1 <Enter>");
        assert_eq!(app.prompt(), None);
        assert_eq!(grade(&app, &person(CADRES[7].0, CADRES[7].1)), top(None));
    });
}
