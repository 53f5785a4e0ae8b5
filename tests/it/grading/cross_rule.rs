//! The cross-rule between the Party-building review and the annual grade: a
//! secretary is 优秀 only with a combined evaluation of 好; 一般 means a talk
//! and an entry on the rectification list.

use super::*;

#[test]
fn a_secretary_is_excellent_only_with_a_good_combined_evaluation() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g <Tab>");

        // No combined evaluation yet, then 较好: 优秀 is refused.
        refused(&mut app, "1", not_good(l));
        recorded(&mut app, "c 2 <Enter> <Enter>");
        assert_eq!(combined(&app, "南塘村", "龚晓峰").level, Some(1));
        refused(&mut app, "1", not_good(l));
        // Other grades are fine.
        recorded(&mut app, "2 <Enter>");

        // 好: now 优秀 is accepted.
        recorded(&mut app, "c 1 <Enter> <Enter>");
        recorded(&mut app, "1 <Enter>");
        assert_eq!(grade(&app, &person("南塘村", "龚晓峰")), graded(0));

        // Graded 优秀, the combined evaluation cannot go below 好; the
        // prompt stays open with the reason.
        let graded_top = zh_en(
            l,
            "这位书记已被评为“优秀”，综合评价不能低于“好”。请先改评定等次。",
            "This secretary is graded 优秀, so the combined evaluation cannot be below 好. Change the grade first.",
        );
        refused(&mut app, "c 2 <Enter>", graded_top);
        assert_eq!(app.mode(), Mode::Prompt);
        refused(&mut app, "<BS> 4 <Enter>", graded_top);
        press(&mut app, "<Esc>");
        assert_eq!(combined(&app, "南塘村", "龚晓峰").level, Some(0));

        // A level out of range, or no level at all.
        let bad = zh_en(
            l,
            "请先输入 1 到 4 的等次",
            "Start with a level from 1 to 4",
        );
        refused(&mut app, "c 5 <Enter>", bad);
        refused(&mut app, "<BS> <Enter>", bad);
        press(&mut app, "<Esc>");

        // `i`, the investigation, on the same scale with a note.
        let e = recorded(&mut app, "<Down> i \"2 走访群众，反映较好\" <Enter>");
        assert_eq!(
            e,
            Event::InvestigationRecorded {
                unit: "回龙村".into(),
                secretary: "汤建华".into(),
                level: 1,
                note: "走访群众，反映较好".into()
            }
        );
        let b = render(&app, 160, 45);
        let row = board_row(&b, "汤建华");
        // Investigation 较好; suggested (from the investigation alone) 较好.
        let words: Vec<&str> = row.split_whitespace().collect();
        assert!(words.windows(2).any(|w| w == ["较好", "较好"]), "{row}");
    });
}

#[test]
fn a_combined_evaluation_of_fair_means_a_talk_and_a_rectification_entry() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g <Tab> <Down> <Down>");
        assert_eq!(
            app.grading_row().map(|r| r.name),
            Some("彭振华".to_string())
        );

        // No entry yet: `s` has nothing to advance.
        let none = zh_en(l, "（无整改项）", "(no rectification entry)");
        refused(&mut app, "s", none);

        // 一般: a talk, and an empty entry in the rectification list.
        recorded(&mut app, "c 3 <Enter> <Enter>");
        let talk = zh_en(l, "一般 约谈", "一般 talk");
        let b = render(&app, 160, 45);
        let row = board_row(&b, "彭振华");
        assert!(row.contains(talk), "{row}");
        assert_eq!(fg_of(&b, talk), Color::Red);
        assert!(!board_row(&b, "龚晓峰").contains(zh_en(l, "约谈", "talk")));
        assert_eq!(
            rectification(&app, "西塘村", "彭振华"),
            Some(Rectification::default())
        );
        // The 01-21 deadline lists 西塘村 until the entry is written.
        let deadline = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("2022-01-21"))
            .unwrap();
        assert!(deadline.contains("西塘村"), "{deadline}");

        // `r` opens the form: problems, measures, deadline, responsible,
        // Tab between them. A deadline that is not a date is refused and
        // the form stays open on the deadline.
        let bad_date = zh_en(
            l,
            "整改期限请写成 年-月-日，例如 2022-03-31。",
            "Write the deadline as year-month-day, e.g. 2022-03-31.",
        );
        refused(
            &mut app,
            "r \"村务公开不及时\" <Tab> \"每月公开一次\" <Tab> \"2022-3-31号\" <Tab> \"彭振华\" <Enter>",
            bad_date,
        );
        assert_eq!(app.mode(), Mode::FormPrompt);
        assert_eq!(app.prompt().unwrap().focus, 2);
        press(&mut app, "<Esc>");
        // A date typed the ways people write it is kept as 2022-03-31.
        let e = recorded(
            &mut app,
            "r \"问题\" <Tab> \"措施\" <Tab> \"2022/3/31\" <Tab> \"某人\" <Enter>",
        );
        let entry = Rectification {
            problems: "问题".into(),
            measures: "措施".into(),
            deadline: "2022-03-31".into(),
            responsible: "某人".into(),
            status: RectificationStatus::Open,
        };
        assert_eq!(
            e,
            Event::RectificationSet {
                unit: "西塘村".into(),
                secretary: "彭振华".into(),
                entry: entry.clone()
            }
        );
        let b = render(&app, 160, 45);
        let open = zh_en(l, "未开始", "open");
        assert!(
            shows(
                &b,
                &format!(
                    "{}{open}",
                    zh_en(
                        l,
                        "存在问题：问题；整改措施：措施；整改时限：2022-03-31；责任人：某人；",
                        "Problems: 问题; Measures: 措施; Deadline: 2022-03-31; Responsible: 某人; ",
                    )
                )
            ),
            "{}",
            screen(&b)
        );
        let deadline = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("2022-01-21"))
            .unwrap();
        assert!(!deadline.contains("西塘村"), "{deadline}");

        // `s` cycles: open → in progress → done → open.
        for (status, label) in [
            (
                RectificationStatus::InProgress,
                zh_en(l, "整改中", "in progress"),
            ),
            (RectificationStatus::Done, zh_en(l, "已完成", "done")),
            (RectificationStatus::Open, open),
        ] {
            recorded(&mut app, "s");
            let r = rectification(&app, "西塘村", "彭振华").unwrap();
            assert_eq!(r.status, status);
            assert_eq!(r.problems, "问题", "the entry is kept");
            let b = render(&app, 160, 45);
            let shown = zh_en(l, "责任人：某人；", "Responsible: 某人; ");
            assert!(shows(&b, &format!("{shown}{label}")));
        }

        // 差 is a talk too; 较好 is not.
        recorded(&mut app, "<Down> c 4 <Enter> <Enter>");
        recorded(&mut app, "<Up> <Up> c 2 <Enter> <Enter>");
        let b = render(&app, 160, 45);
        assert!(board_row(&b, "袁丽华").contains(zh_en(l, "差 约谈", "差 talk")));
        assert!(!board_row(&b, "汤建华").contains(zh_en(l, "约谈", "talk")));
        assert!(rectification(&app, "东马社区", "袁丽华").is_some());
        assert!(rectification(&app, "回龙村", "汤建华").is_none());
    });
}
