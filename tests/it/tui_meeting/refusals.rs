//! Keys that are refused change nothing and say why, in both languages.

use super::*;

#[test]
fn refusals_change_nothing_and_say_why_in_both_languages() {
    each_lang(|l, _| {
        let zh = l == Lang::Zh;
        let s = |zh_text: &'static str, en_text: &'static str| if zh { zh_text } else { en_text };
        let (_dir, mut app) = demo_at("<Enter> <Enter>");

        // Numbers at a prompt: the prompt stays open with the reason.
        refused(
            &mut app,
            "e \"45\" <Enter>",
            s(
                "请输入两个数，例如：45 42",
                "Please type two numbers, e.g. 45 42",
            ),
        );
        assert_eq!(app.mode(), Mode::Prompt);
        // A count past the sanity cap is a slip.
        refused(
            &mut app,
            "<Esc> e \"200000 45\" <Enter>",
            s(
                "200000 超过了上限 100000，请核对。",
                "200000 is above the limit of 100000; please check.",
            ),
        );
        refused(
            &mut app,
            "<Esc> e \"0 0\" <Enter>",
            s(
                "应到人数必须大于 0。",
                "The expected number must be more than 0.",
            ),
        );
        press(&mut app, "<Esc>");
        assert_eq!(app.mode(), Mode::Agenda(StepKind::Numbers));
        assert_eq!(round(&app).expected, None);

        // More present than expected can be true (a late addition): it is
        // recorded, and the agenda waits until the warning is acknowledged.
        press(&mut app, "e \"40 45\" <Enter>");
        assert_eq!(round(&app).present, Some(45));
        refused(
            &mut app,
            "n",
            s(
                "实到 45 人多于应到 40 人，请核对（按 a 确认）",
                "present 45 is more than expected 40; please check (press a to acknowledge)",
            ),
        );
        press(&mut app, "a");
        assert_eq!(
            app.status,
            Some(Status::Info(
                s(
                    "已确认 1 条提示（已记录，导出时一并列出）",
                    "1 warnings acknowledged (recorded; every export lists them)",
                )
                .into()
            ))
        );
        assert_eq!(round(&app).acknowledged.len(), 1);
        refused(
            &mut app,
            "a",
            s(
                "这一步没有需要确认的提示",
                "There is no warning to acknowledge at this step",
            ),
        );
        // The roll call keyed again: the prompt suggests what was keyed,
        // and typing replaces it.
        press(&mut app, "e");
        assert_eq!(app.prompt().unwrap().input().text(), "40 45");
        // The timer: stop before start, resume after stop.
        press(&mut app, "\"45 40\" <Enter> n");
        refused(
            &mut app,
            "s",
            s("计时器现在不能这样操作。", "The timer cannot do that now."),
        );
        press(&mut app, "<Space>");
        advance(&mut app, 60);
        press(&mut app, "s");
        refused(
            &mut app,
            "<Space>",
            s("计时器现在不能这样操作。", "The timer cannot do that now."),
        );

        // Past the issue step without the number issued.
        press(&mut app, "n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);
        refused(
            &mut app,
            "n",
            s("录入发出选票数（按 e）", "key in ballots issued (press e)"),
        );
        refused(
            &mut app,
            "e \"十二\" <Enter>",
            s("请输入数字", "Please type a number"),
        );
        press(&mut app, "<Esc> e \"12\" <Enter> n");

        // More returned than issued: the round would be void.
        press(&mut app, "e \"13\" <Enter>");
        refused(
            &mut app,
            "n",
            s(
                "收回 13 张多于发出 12 张：本轮无效，须重新投票",
                "returned 13 is more than issued 12: the round is void and must be re-run",
            ),
        );
        press(&mut app, "e \"12\" <Enter> n");
        assert_eq!(step(&app), AgendaStep::Counting);

        // Ballot entry.
        press(&mut app, "<Enter>");
        refused(
            &mut app,
            "<Enter>",
            s(
                "还有 7 人没有录入；没勾的请按 0 记为弃权",
                "7 people not keyed yet; press 0 for a blank (abstain)",
            ),
        );
        refused(
            &mut app,
            "<Space>",
            s("还没有上一张选票", "There is no previous ballot yet"),
        );
        refused(&mut app, "u", s("没有可以撤回的操作", "Nothing to undo"));
        press(&mut app, "1 <Enter> 2 <Enter>");
        refused(
            &mut app,
            "r \"5\" <Enter>",
            s("没有第 5 号选票。", "There is no ballot number 5."),
        );
        press(&mut app, "<Esc>");
        press(&mut app, "w \"2\" <Enter>");
        assert!(round(&app).ballots[1].withdrawn);
        // `w` on a withdrawn ballot restores it, and says so.
        press(&mut app, "w \"2\" <Enter>");
        assert_eq!(
            app.status,
            Some(Status::Info(
                s("已恢复第 2 号选票", "Ballot 2 restored").into()
            ))
        );
        assert!(!round(&app).ballots[1].withdrawn);
        press(&mut app, "w \"2\" <Enter>");
        assert!(round(&app).ballots[1].withdrawn);
        // A grade beyond the scale does nothing at all.
        let before = app.draft().clone();
        press(&mut app, "5 9");
        assert_eq!(*app.draft(), before);

        // Past counting with 1 entered of 12 returned.
        press(&mut app, "<Esc>");
        refused(
            &mut app,
            "n",
            s(
                "已录入 1 张，收回 12 张，两者须相等",
                "entered 1, returned 12: they must be equal",
            ),
        );
        assert_eq!(step(&app), AgendaStep::Counting);
        let b = render(&app, 160, 45);
        assert_eq!(
            fg_of(
                &b,
                s(
                    "- 已录入 1 张，收回 12 张，两者须相等",
                    "- entered 1, returned 12: they must be equal"
                )
            ),
            Color::Red,
            "the need is listed in red on the agenda"
        );
    });
}
