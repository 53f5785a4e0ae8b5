//! One counting method per round, and ballot entry: corrections, undo,
//! restore and the ballot beyond 收回.

use super::*;

// ------------------------------------------------------------ one method

#[test]
fn one_counting_method_per_round_and_switching_is_recorded() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(12);
        press(&mut app, "<Enter> 1 <Enter> <Space> <Space> <Esc>");
        assert_eq!(round(&app).ballots.len(), 3);

        // `t` asks for a reason to set the 3 ballots aside; Esc: nothing.
        let seq = app.session.store.last_seq();
        press(&mut app, "t");
        assert_eq!(
            app.prompt().map(|p| &p.kind),
            Some(&PromptKind::DiscardBallots(3))
        );
        status_starts(
            &app,
            zh_en(
                l,
                "本轮已逐张录入 3 张选票。改用计票单须先作废这些选票",
                "3 ballots of this round are keyed one by one.",
            ),
        );
        press(&mut app, "<Esc>");
        assert_eq!(app.session.store.last_seq(), seq);
        // The domain refuses a sheet outright while ballots count.
        refused_by_domain(
            record_empty_sheet(&mut app, 1),
            DomainError::BallotsKeyed(3),
        );

        // With a reason: set aside (kept, not counted), and the sheet opens.
        press(&mut app, "t \"改用计票单\" <Enter>");
        assert!(matches!(
            &events_after(&app, seq)[..],
            [Event::BallotsDiscarded { reason, .. }] if reason == "改用计票单"
        ));
        assert!(round(&app).ballots.iter().all(|b| b.discarded));
        assert_eq!(app.model().tally(round(&app)).entered, 0);
        assert_eq!(app.screen.id(), ScreenId::Sheet(nantang()));
        press(&mut app, "<Enter>");
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s <Esc> <Esc>");

        // Ballot by ballot is now refused, the other way round too.
        let ballot = Event::BallotRecorded {
            round: key1(),
            number: 4,
            content: BallotContent::Invalid,
        };
        refused_by_domain(app.session.record(ballot), DomainError::SheetKeyed);
        let seq = app.session.store.last_seq();
        press(&mut app, "<Enter>");
        assert_eq!(
            app.prompt().map(|p| &p.kind),
            Some(&PromptKind::DiscardSheet(SheetDiscard::All))
        );
        press(&mut app, "\"计票单记乱了\" <Enter>");
        assert_eq!(app.screen.id(), ScreenId::Ballots(nantang()));
        assert_eq!(events_after(&app, seq).len(), 1);
        // Ballots continue from number 4; the set-aside ones never count.
        press(&mut app, "1 <Enter>");
        assert_eq!(round(&app).ballots.len(), 4);
        assert_eq!(app.model().tally(round(&app)).entered, 1);
        let b = render(&app, 160, 45);
        assert!(
            shows(
                &b,
                zh_en(l, "已作废（改用计票单）", "set aside (tally sheet)")
            ),
            "{}",
            screen(&b)
        );
    });
}

// ------------------------------------------------------------ ballot entry

#[test]
fn a_correction_abandoned_never_becomes_a_new_ballot() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(12);
        press(&mut app, "<Enter> 1 <Enter> 2 <Enter>");
        for abandon in ["<Esc>", "<BS>"] {
            press(&mut app, "r \"1\" <Enter>");
            assert_eq!(app.draft().correcting, Some(1));
            assert!(shows(
                &render(&app, 160, 45),
                zh_en(
                    l,
                    "正在更正第 1 号：按 Enter 保存更正，Esc 放弃更正",
                    "Correcting ballot 1: Enter saves the correction, Esc abandons it"
                )
            ));
            press(&mut app, abandon);
            assert_eq!(app.screen.id(), ScreenId::Ballots(nantang()));
            assert!(app.draft().is_empty() && app.draft().correcting.is_none());
            assert_eq!(
                app.status,
                Some(Status::Info(
                    zh_en(
                        l,
                        "已放弃更正第 1 号选票，什么也没有保存",
                        "Correction of ballot 1 abandoned; nothing was saved"
                    )
                    .into()
                ))
            );
            // The title says what Enter does now; Enter on the empty grid
            // saves nothing.
            assert!(shows(
                &render(&app, 160, 45),
                zh_en(
                    l,
                    "正在录入第 3 号：按 Enter 保存为第 3 号",
                    "Keying ballot 3: Enter saves it as ballot 3"
                )
            ));
            press(&mut app, "<Enter>");
            assert_eq!(round(&app).ballots.len(), 2);
        }
        // Esc then Enter from the agenda: still nothing pre-filled.
        press(&mut app, "r \"2\" <Enter> <Esc> <Esc> <Enter>");
        assert!(app.draft().is_empty());
    });
}

#[test]
fn undo_clears_the_draft_first_and_stays_in_its_round() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(12);
        press(&mut app, "<Enter> 1 <Enter> 2 <Enter>");
        press(&mut app, "r \"1\" <Enter> c 3 <Enter>");
        // A half-typed ballot: `u` clears it, records nothing.
        press(&mut app, "4 a");
        let seq = app.session.store.last_seq();
        press(&mut app, "u");
        assert!(app.draft().is_empty());
        assert_eq!(app.session.store.last_seq(), seq);
        // Then it undoes the correction, saying so exactly.
        press(&mut app, "u");
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "已撤回对第 1 号选票的更正，恢复为更正前的内容",
                    "Undid the correction of ballot 1: it is as before the correction"
                )
                .into()
            ))
        );
        assert_eq!(round(&app).ballots[0].content, BallotContent::all(0, 7));
        // Then the save of ballot 2.
        press(&mut app, "u");
        assert!(round(&app).ballots[1].withdrawn);
    });
}

/// Open the street board's row `row` (starting it) and move it to the
/// counting step with 12 returned, set up directly; then key ballots.
fn other_meeting_counting(app: &mut App, row: usize) -> RoundKey {
    press(app, "<Esc> <Esc>");
    while app.home_selected < row {
        press(app, "<Down>");
    }
    press(app, "<Enter> <Enter>");
    let key = app.current_round().unwrap().key.clone();
    rec_all(&mut app.session, counting_events(&key, [45, 40, 12, 12]));
    press(app, "<Enter>");
    key
}

#[test]
fn undo_never_reaches_into_another_round_or_a_closed_one() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(12);
        press(
            &mut app,
            &format!("<Enter> 1 <Enter>{}", " <Space>".repeat(11)),
        );
        press(&mut app, "<Esc> n n <Enter> <Enter>");
        assert!(matches!(
            round(&app).status,
            ceping::domain::RoundStatus::Closed { .. }
        ));
        // The closed round: `u` refuses, saying why.
        press(&mut app, "p p <Enter>");
        refused(
            &mut app,
            "u",
            zh_en(
                l,
                "本轮已结束，不能撤回；要修改请先在散会这一步按 o 重新打开",
                "This round is closed; nothing can be undone. To change it, reopen it with o at the close step",
            ),
        );
        // Another unit's meeting: nothing of 南塘村 to undo there.
        let nantang_round = round(&app).clone();
        let other = other_meeting_counting(&mut app, 2);
        assert_ne!(other.unit, "南塘村");
        refused(
            &mut app,
            "u",
            zh_en(l, "没有可以撤回的操作", "Nothing to undo"),
        );
        // Its own save is undone there, and 南塘村 is untouched.
        press(&mut app, "1 <Enter> u");
        assert!(app.model().rounds[&other].ballots[0].withdrawn);
        assert_eq!(round(&app), &nantang_round);
    });
}

#[test]
fn a_withdrawn_ballot_is_restored_and_marked_everywhere_on_screen() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(12);
        press(&mut app, "<Enter> 1 <Enter> 2 <Enter> w \"1\" <Enter>");
        assert!(round(&app).ballots[0].withdrawn);
        let b = render(&app, 160, 45);
        assert!(shows(&b, zh_en(l, "已剔除", "withdrawn")), "{}", screen(&b));
        press(&mut app, "w \"1\" <Enter>");
        assert!(!round(&app).ballots[0].withdrawn);
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(l, "已恢复第 1 号选票", "Ballot 1 restored").into()
            ))
        );
        // Undo takes the restore back.
        press(&mut app, "u");
        assert!(round(&app).ballots[0].withdrawn);
    });
}

#[test]
fn a_ballot_beyond_the_ballots_returned_asks_first() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(2);
        press(&mut app, "<Enter> 1 <Enter> <Space>");
        assert_eq!(round(&app).ballots.len(), 2);
        // The third: asked, Esc records nothing.
        let seq = app.session.store.last_seq();
        press(&mut app, "2 <Enter>");
        assert!(matches!(
            app.prompt().map(|p| &p.kind),
            Some(PromptKind::ConfirmOverReturned(_))
        ));
        assert!(status_line(&render(&app, 200, 45)).starts_with(zh_en(
            l,
            "已录入 2 张，收回 2 张。再保存第 3 号就多于收回数，确认保存？",
            "2 entered, 2 returned. Saving ballot 3 goes beyond the ballots returned: save it?"
        )));
        press(&mut app, "<Esc>");
        assert_eq!(app.session.store.last_seq(), seq);
        // Same for Space; Enter saves it, as announced.
        press(&mut app, "<Space> <Enter>");
        assert_eq!(round(&app).ballots.len(), 3);
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(l, "已保存第 3 号选票", "Ballot 3 saved").into()
            ))
        );
    });
}
