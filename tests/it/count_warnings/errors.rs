//! Counts that cannot be true are refused with their sentence and record
//! nothing; 发出 (issued) is suggested from 实到 (present), and typing
//! replaces the suggestion.

use super::*;

#[test]
fn counts_that_cannot_be_true_are_refused_and_record_nothing() {
    each_lang(|_, _| {
        let too_large = |n: &str| {
            tr!(
                "{n} 超过了上限 100000，请核对。",
                "{n} is above the limit of 100000; please check."
            )
        };
        let (_dir, mut app) = started();
        let none = tr!(
            "应到人数必须大于 0。",
            "The expected number must be more than 0."
        );
        refused(&mut app, "e \"0 0\" <Enter>", &none);
        press(&mut app, "<Esc>");
        for typed in ["45 200000", "200000 45", "100001 100001", "99999999999 40"] {
            let n = typed.split(' ').find(|s| s.len() > 5).unwrap();
            refused_echo(&mut app, &format!("e \"{typed}\" <Enter>"), &too_large(n));
            press(&mut app, "<Esc>");
        }
        // Beyond u64 it is no number at all.
        let two = tr!(
            "请输入两个数，例如：45 42",
            "Please type two numbers, e.g. 45 42"
        );
        refused(&mut app, "e \"99999999999999999999999 40\" <Enter>", &two);
        assert_eq!((round(&app).expected, round(&app).present), (None, None));
        // The cap itself is allowed.
        press(&mut app, "<Esc> e \"100000 100000\" <Enter>");
        assert_eq!(round(&app).expected, Some(100_000));
        press(&mut app, "e \"45 40\" <Enter> n n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);

        for n in ["200000", "99999999999", "100001"] {
            refused_echo(&mut app, &format!("e \"{n}\" <Enter>"), &too_large(n));
            press(&mut app, "<Esc>");
        }
        let one = tr!("请输入数字", "Please type a number");
        refused(&mut app, "e \"99999999999999999999999\" <Enter>", &one);
        press(&mut app, "<Esc>");
        assert_eq!(round(&app).issued, None);
        press(&mut app, "e \"10\" <Enter> n");
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        for n in ["200000", "99999999999"] {
            refused_echo(&mut app, &format!("e \"{n}\" <Enter>"), &too_large(n));
            press(&mut app, "<Esc>");
        }
        assert_eq!(round(&app).returned, None);

        // 收回 > 发出: recorded, but the round is void: the agenda stops
        // (red) and the round cannot close.
        press(&mut app, "e \"11\" <Enter>");
        assert_eq!(round(&app).returned, Some(11));
        let need = tr!(
            "收回 11 张多于发出 10 张：本轮无效，须重新投票",
            "returned 11 is more than issued 10: the round is void and must be re-run"
        );
        next_refused(&mut app, &need);
        let void = tr!(
            "收回多于发出，这一轮无效，不能结束；请按 v 作废并重新投票。",
            "More ballots returned than issued: the round is void and cannot close; press v to void it and re-run."
        );
        close_refused(&mut app, 1, &void);
        assert_eq!(round(&app).status, RoundStatus::Open);
    });
}

// ------------------------------------------------------------ 发出 suggested

#[test]
fn issued_is_suggested_from_present_and_typing_replaces_it() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_issue("45 40");
        press(&mut app, "e");
        let p = app.prompt().cloned().unwrap();
        assert_eq!(
            (p.kind.clone(), p.input().text(), p.suggested),
            (PromptKind::Issued, "40".to_string(), true)
        );
        // Shown selected after the question, as a default to accept.
        let b = render(&app, 160, 45);
        let question = tr!("发出选票数： 40", "Ballots issued: 40");
        let (x, y) = find(&b, &question).unwrap_or_else(|| panic!("{}", screen(&b)));
        let last = x + question.width() as u16 - 1;
        assert!(b.buffer()[(last, y)].modifier.contains(Modifier::REVERSED));
        press(&mut app, "<Enter>");
        assert_eq!(round(&app).issued, Some(40));
        assert_eq!(
            app.status,
            info(tr!("已记录：发出 40 张", "Recorded: 40 ballots issued"))
        );
        assert_eq!(app.prompt(), None);

        // Keyed again: the suggestion is what was keyed; typing replaces it.
        press(&mut app, "e");
        assert_eq!(app.prompt().unwrap().input().text(), "40");
        press(&mut app, "\"38\"");
        let p = app.prompt().cloned().unwrap();
        assert_eq!((p.input().text().as_str(), p.suggested), ("38", false));
        press(&mut app, "<Enter>");
        assert_eq!(round(&app).issued, Some(38));
        assert_eq!(
            app.status,
            info(tr!("已记录：发出 38 张", "Recorded: 38 ballots issued"))
        );
        // 收回 suggests nothing before it is keyed.
        press(&mut app, "n e");
        assert_eq!(app.prompt().unwrap().input().text(), "");
    });
}
