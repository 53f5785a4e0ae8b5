//! The tally sheet: its errors, and double entry with every way to settle it.

use super::*;

// ------------------------------------------------------------ sheet errors

#[test]
fn a_sheet_whose_rows_do_not_add_up_is_refused_naming_the_person() {
    each_lang(|l, _| {
        // 收回 10 (no invalid): rows 10 / 10 / 12 → the third is wrong.
        let mut rows = [[10, 0, 0, 0, 0, 0]; 7];
        rows[2] = [12, 0, 0, 0, 0, 0];
        let (_dir, mut app) = sheet_keyed(10, &rows);
        refused(
            &mut app,
            "s",
            zh_en(
                l,
                "罗志明的“优秀” 12 票，多于收回的 10 张。",
                "罗志明: 优秀 12 is more than returned (10).",
            ),
        );
        assert!(round(&app).sheets[0].is_none());
        // The same sheet with that row true (9 + 1 abstain): saved.
        let mut ok = rows;
        ok[2] = [9, 0, 0, 0, 1, 0];
        let (_d, mut app2) = sheet_keyed(10, &ok);
        press(&mut app2, "s");
        assert_eq!(
            app2.status,
            Some(Status::Info(
                zh_en(l, "第 1 遍已保存", "Pass 1 saved").into()
            ))
        );

        // A first row of 0 is no longer a sheet of 0 ballots: refused.
        let mut rows = [[10, 0, 0, 0, 0, 0]; 7];
        rows[0] = [0, 0, 0, 0, 0, 0];
        let (_d, mut app3) = sheet_keyed(10, &rows);
        refused(
            &mut app3,
            "s",
            zh_en(
                l,
                "龚晓峰：合计 0，应等于有效票 10（收回减废票）。",
                "龚晓峰: total 0, must be the valid ballots, 10 (returned - invalid).",
            ),
        );
        assert!(round(&app3).sheets[0].is_none());
        // The screen lists every error, in red.
        let b = render(&app3, 160, 45);
        assert_eq!(
            fg_of(
                &b,
                zh_en(
                    l,
                    "还有 1 处错误，改正后才能保存：",
                    "1 errors; fix them before saving:"
                )
            ),
            Color::Red
        );
    });
}

#[test]
fn blank_ballots_are_abstentions_for_everyone_on_the_sheet() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_sheet();
        // 5 blank ballots, but 龚晓峰 has only 1 abstention.
        let mut rows = [[6, 1, 0, 0, 5, 0]; 7];
        rows[0] = [10, 1, 0, 0, 1, 0];
        press(&mut app, &sheet_script(0, 5, &rows));
        refused(
            &mut app,
            "s",
            zh_en(
                l,
                "龚晓峰：弃权 1 少于空白票 5（空白票对每人都算弃权）。",
                "龚晓峰: abstain 1 is below the blank ballots, 5 (blank = abstain for all).",
            ),
        );
        // The rule is on the sheet itself.
        assert!(shows(
            &render(&app, 160, 45),
            zh_en(
                l,
                "空白票对每个人都算弃权：每人的弃权不少于空白票",
                "A blank ballot is an abstention for everyone"
            )
        ));
    });
}

#[test]
fn invalid_above_returned_and_a_sheet_before_returned_are_refused() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_sheet();
        press(&mut app, &sheet_script(13, 0, &[[0; 6]; 7]));
        refused(
            &mut app,
            "s",
            zh_en(
                l,
                "废票 13 张多于收回的 12 张。",
                "Invalid ballots (13) are more than returned (12).",
            ),
        );
    });
    // Without 收回 the domain refuses a sheet (the agenda cannot get to
    // counting without it; a direct record shows the rule holds anyway).
    let (_dir, mut app) = demo_at("<Enter> <Enter> e \"45 40\" <Enter>");
    refused_by_domain(
        record_empty_sheet(&mut app, 1),
        DomainError::SheetNeedsReturned,
    );
}

// ------------------------------------------------------------ double entry

/// Both passes saved; pass 2 differs from SHEET_12 in 蒋丽's 称职/基本称职.
fn at_resolve(app: &mut App) {
    press(app, &sheet_script(1, 1, &SHEET_12));
    press(app, "s <Enter>");
    let mut p2 = SHEET_12;
    p2[1] = [7, 2, 1, 0, 1, 0];
    press(app, &sheet_script(1, 1, &p2));
    press(app, "s");
    assert_eq!(app.sheet().unwrap().stage, SheetStage::Resolve);
}

#[test]
fn pass_two_is_blind_and_opens_only_after_pass_one() {
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = at_sheet();
    // Pass 2 cannot come first (the screen never offers it; the rule
    // holds in the domain).
    assert!(record_empty_sheet(&mut app, 2).is_err());
    press(&mut app, &sheet_script(1, 1, &SHEET_12));
    press(&mut app, "s <Enter>");
    let b = render(&app, 160, 45);
    assert!(shows(&b, "计票单第 2 遍（盲录）"));
    assert!(!shows(&b, "龚晓峰 8"), "pass 1 must not show in pass 2");
}

#[test]
fn a_value_matching_neither_pass_asks_for_confirmation() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_sheet();
        at_resolve(&mut app);
        // Both differing cells show both passes.
        let b = render(&app, 160, 45);
        assert!(shows(&b, "3/2") && shows(&b, "0/1"), "{}", screen(&b));
        // The paper says 蒋丽 称职 17?? No: a slip of 2 becomes 17.
        press(&mut app, "\"17\" <Enter> 0");
        let seq = app.session.store.last_seq();
        press(&mut app, "s");
        assert_eq!(app.session.store.last_seq(), seq, "asking records nothing");
        assert_eq!(
            app.prompt().map(|p| &p.kind),
            Some(&PromptKind::ConfirmNeither(SheetCell::Count(1, 1)))
        );
        let question = zh_en(
            l,
            "蒋丽 称职：两遍都不是 17（第 1 遍 3，第 2 遍 2），按纸质计票单确认？按 Enter 确认，Esc 返回修改",
            "蒋丽 称职: neither pass says 17 (pass 1 3, pass 2 2). Confirm from the paper? Enter confirms, Esc goes back",
        );
        assert!(
            status_line(&render(&app, 200, 45)).starts_with(question),
            "{}",
            status_line(&render(&app, 200, 45))
        );
        // Esc goes back to fix it: nothing recorded.
        press(&mut app, "<Esc>");
        assert_eq!(app.session.store.last_seq(), seq);
        // Confirmed, 17 is not a true sheet (row 蒋丽 adds to 25): refused.
        press(&mut app, "s <Enter>");
        assert_eq!(app.session.store.last_seq(), seq);
        assert!(
            matches!(app.status, Some(Status::Error(_))),
            "{:?}",
            app.status
        );
        // The value from the paper that matches pass 1: saved at once.
        press(&mut app, "<Left> 3 s");
        assert_eq!(app.prompt(), None);
        let events = events_after(&app, seq);
        assert!(matches!(
            &events[..],
            [Event::TallySheetResolved {
                basis: ResolveBasis::Paper,
                ..
            }]
        ));
        assert_eq!(app.model().tally(round(&app)).source, TallySource::Sheet);
    });
}

#[test]
fn keep_pass_one_keep_pass_two_discard_pass_two_discard_both() {
    each_lang(|l, _| {
        // Keep pass 1.
        let (_dir, mut app) = at_sheet();
        at_resolve(&mut app);
        press(&mut app, "f");
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "已采用第 1 遍作为结果，结果已计入",
                    "Pass 1 kept as the result; the results count"
                )
                .into()
            ))
        );
        assert_eq!(
            round(&app).agreed.as_ref().unwrap().rows[1],
            SHEET_12[1].to_vec()
        );
        assert_eq!(app.sheet().unwrap().stage, SheetStage::Done);

        // Keep pass 2.
        let (_dir, mut app) = at_sheet();
        at_resolve(&mut app);
        press(&mut app, "l");
        assert_eq!(
            round(&app).agreed.as_ref().unwrap().rows[1],
            vec![7, 2, 1, 0, 1, 0]
        );

        // A pass is kept only if it is still true: 收回 re-keyed to 13.
        let (_dir, mut app) = at_sheet();
        at_resolve(&mut app);
        app.session
            .record(Event::BallotsReturned {
                round: key1(),
                count: 13,
            })
            .unwrap();
        refused(
            &mut app,
            "f",
            zh_en(
                l,
                "龚晓峰：合计 11，应等于有效票 12（收回减废票）。",
                "龚晓峰: total 11, must be the valid ballots, 12 (returned - invalid).",
            ),
        );

        // Discard pass 2 (with a reason): pass 1 stays, pass 2 is keyed
        // again, asking for its keyer.
        let (_dir, mut app) = at_sheet();
        at_resolve(&mut app);
        press(&mut app, "d");
        refused(
            &mut app,
            "<Enter>",
            zh_en(
                l,
                "作废必须写明理由。",
                "Discarding needs a written reason.",
            ),
        );
        let seq = app.session.store.last_seq();
        press(&mut app, "\"第二遍看错行\" <Enter>");
        assert!(matches!(
            &events_after(&app, seq)[..],
            [Event::TallySheetDiscarded { scope: SheetDiscard::Second, reason, .. }] if reason == "第二遍看错行"
        ));
        assert!(round(&app).sheets[0].is_some() && round(&app).sheets[1].is_none());
        assert_eq!(app.prompt().map(|p| &p.kind), Some(&PromptKind::Keyer(2)));

        // Discard both: back to pass 1.
        press(&mut app, "<Enter> x \"重新计票\" <Enter>");
        assert!(!round(&app).by_sheet());
        assert_eq!(app.prompt().map(|p| &p.kind), Some(&PromptKind::Keyer(1)));
    });
}

#[test]
fn an_accepted_sheet_can_be_discarded_with_a_reason_and_keyed_again() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_sheet();
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s <Enter>");
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s");
        assert_eq!(app.sheet().unwrap().stage, SheetStage::Done);
        // Read-only: digits do nothing; the footer offers no typing.
        let before = app.sheet().cloned();
        press(&mut app, "5 5");
        assert_eq!(app.sheet().cloned(), before);
        let footer = footer_line(&render(&app, 160, 45));
        assert!(!footer.contains("0-9"), "{footer}");
        assert!(
            footer.contains(zh_en(l, "作废计票单重录", "discard sheet")),
            "{footer}"
        );
        // Discarded with a reason, recorded; keyed again from scratch.
        let seq = app.session.store.last_seq();
        press(&mut app, "x \"监票人要求复核\" <Enter>");
        assert!(matches!(
            &events_after(&app, seq)[..],
            [Event::TallySheetDiscarded { scope: SheetDiscard::All, reason, .. }] if reason == "监票人要求复核"
        ));
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "计票单已作废（仍保留在记录中），可以重新录入",
                    "The tally sheet was discarded (kept on record); it can be keyed again"
                )
                .into()
            ))
        );
        press(&mut app, "<Enter>");
        assert_eq!(app.sheet().unwrap().stage, SheetStage::Pass(1));
    });
}

#[test]
fn the_same_keyer_on_both_passes_is_a_warning_not_a_block() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_counting(12);
        press(&mut app, "t \"符明\" <Enter>");
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s \"符明\" <Enter>");
        press(&mut app, &sheet_script(1, 1, &SHEET_12));
        press(&mut app, "s");
        assert_eq!(
            round(&app).keyers,
            [Some("符明".into()), Some("符明".into())]
        );
        assert!(round(&app).agreed.is_some(), "saved all the same");
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "两遍一致，结果已计入。提示：两遍都由 符明 录入；双人录入最好由两个人分别录",
                    "Both passes agree; the results count. Note: both passes were keyed by 符明; double entry works best with two people"
                )
                .into()
            ))
        );
    });
}
