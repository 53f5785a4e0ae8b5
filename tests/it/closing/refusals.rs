//! Closing is refused until the ballots entered equal the ballots returned,
//! and until the tally sheet's two passes agree.

use super::*;

#[test]
fn closing_waits_until_entered_equals_returned() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(&to_counting_script(12));
        press(&mut app, &all_top_ballots(11));

        // 11 keyed of 12 returned: the agenda does not move on to the
        // results and the close step.
        refused(
            &mut app,
            "n",
            zh_en(
                l,
                "已录入 11 张，收回 12 张，两者须相等",
                "entered 11, returned 12: they must be equal",
            ),
        );
        assert_eq!(step(&app), AgendaStep::Counting);

        // The 12th ballot; on to the close step.
        press(&mut app, "<Enter> <Space> <Esc> n n");
        assert_eq!(step(&app), AgendaStep::Close);

        // The count changes behind the agenda's back (the agenda cannot
        // get here with a count that differs, so this is set up directly):
        // ballot 12 withdrawn. Closing itself still refuses.
        app.session
            .record(Event::BallotWithdrawn {
                round: round_key(1),
                number: 12,
            })
            .unwrap();
        press(&mut app, "<Enter>");
        assert_eq!(
            app.prompt().map(|p| &p.kind),
            Some(&PromptKind::CloseRound(1))
        );
        refused(
            &mut app,
            "<Enter>",
            zh_en(
                l,
                "还不能结束这一轮：已录入 11 张，收回 12 张，两者须相等。",
                "The round cannot close yet: 11 entered, 12 returned; they must be equal.",
            ),
        );
        assert_eq!(round(&app, 1).status, RoundStatus::Open);
        press(&mut app, "<Esc>");
        assert_eq!(app.prompt(), None);

        // Restored: 12 of 12, and it closes.
        app.session
            .record(Event::BallotRestored {
                round: round_key(1),
                number: 12,
            })
            .unwrap();
        press(&mut app, "<Enter> <Enter>");
        assert!(
            matches!(round(&app, 1).status, RoundStatus::Closed { .. }),
            "{:?}",
            app.status
        );
    });
}

#[test]
fn closing_waits_until_the_tally_sheet_agrees() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(&to_counting_script(12));
        let mut pass2 = SHEET_12;
        pass2[1] = [7, 2, 1, 0, 1, 0]; // 蒋丽: 称职 and 基本称职 differ
        press(&mut app, "t <Enter>");
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s <Enter>");
        press(&mut app, &sheet_script(1, 1, &pass2));
        press(&mut app, "s <Esc>");
        assert_eq!(round(&app, 1).open_differences().len(), 2);

        // The difference is open: the agenda does not move on.
        refused(
            &mut app,
            "n",
            zh_en(
                l,
                "计票单两遍录入有 2 处不一致，须核对",
                "the tally sheet's two passes differ in 2 cells: resolve them",
            ),
        );

        // Resolved from the paper (蒋丽: 3 称职, 0 基本称职). One blank and
        // one invalid ballot of 12 are each 3 % or more: acknowledged with
        // `a` before the agenda moves on to close.
        press(&mut app, "t 3 <Enter> 0 s <Esc>");
        refused(
            &mut app,
            "n",
            zh_en(
                l,
                "空白票 1 张，占收回 12 张的 3% 或以上（按 a 确认）",
                "blank ballots: 1, 3% or more of the 12 returned (press a to acknowledge)",
            ),
        );
        press(&mut app, "a n n");
        assert_eq!(step(&app), AgendaStep::Close);

        // The accepted sheet is discarded with a reason (recorded) and
        // keyed again: with only pass 1 keyed, closing refuses.
        press(&mut app, "p p t x \"监票人要求复核\" <Enter> <Enter>");
        assert!(!round(&app, 1).by_sheet(), "{:?}", app.status);
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        // Saving pass 1 asks who keys pass 2; Esc leaves it empty, Esc again
        // goes back to the agenda, which waits for pass 2.
        press(&mut app, "s <Esc> <Esc>");
        refused(
            &mut app,
            "n",
            zh_en(
                l,
                "计票单还需第 2 遍录入",
                "the tally sheet still needs pass 2",
            ),
        );
        assert_eq!(round(&app, 1).status, RoundStatus::Open);

        // Pass 2 agrees with pass 1; then it closes.
        press(&mut app, "t <Enter>");
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s <Esc>");
        assert!(round(&app, 1).open_differences().is_empty());
        assert_eq!(round(&app, 1).agreed.as_ref().unwrap().rows[0][..2], [8, 2]);
        press(&mut app, "n n <Enter> <Enter>");
        assert!(
            matches!(round(&app, 1).status, RoundStatus::Closed { .. }),
            "{:?}",
            app.status
        );
    });
}
