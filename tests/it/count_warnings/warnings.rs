//! Warnings: recorded, they block the agenda until `a` (one
//! `warnings_acknowledged` event) and hold for their numbers only. Issued
//! over present, returned short, no ballots at all, blank and invalid
//! ballots; the thresholds come from the campaign.

use super::*;

#[test]
fn issued_over_present_waits_for_a_and_holds_for_its_numbers_only() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_issue("45 40");
        let nothing = tr!(
            "这一步没有需要确认的提示",
            "There is no warning to acknowledge at this step"
        );
        refused(&mut app, "a", &nothing);
        press(&mut app, "e \"42\" <Enter>");
        acknowledge_then_next(&mut app, &[issued_over(42, 40)]);
        assert_eq!(step(&app), AgendaStep::CollectBallots);

        // 发出 keyed again as 43: a new warning, which blocks again.
        press(&mut app, "p e \"43\" <Enter>");
        assert_eq!(round(&app).issued, Some(43));
        acknowledge_then_next(&mut app, &[issued_over(43, 40)]);
        assert_eq!(acks(&app).len(), 2);

        // Back to 42: acknowledged already, so nothing blocks and nothing
        // new is recorded.
        press(&mut app, "p e \"42\" <Enter>");
        let (line, _) = need_line(&issued_over(42, 40), false);
        assert!(!shows(&render(&app, 160, 45), &line));
        refused(&mut app, "a", &nothing);
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        assert_eq!(acks(&app).len(), 2);
    });
}

#[test]
fn returned_short_warns_from_two_percent_of_issued() {
    each_lang(|_, _| {
        // 1 of 50 missing is 2 %: a warning.
        let (_dir, mut app) = at_issue("120 100");
        press(&mut app, "e \"50\" <Enter> n e \"49\" <Enter>");
        acknowledge_then_next(&mut app, &[short(49, 50)]);
        assert_eq!(step(&app), AgendaStep::Counting);

        // 2 of 100 warns; 1 of 100 does not (and the warning is gone).
        let (_dir, mut app) = at_issue("120 100");
        press(&mut app, "e \"100\" <Enter> n e \"98\" <Enter>");
        refused(&mut app, "n", &need_line(&short(98, 100), false).0[2..]);
        press(&mut app, "e \"99\" <Enter>");
        let saved = tr!("已记录：收回 99 张", "Recorded: 99 ballots returned");
        assert_eq!(app.status, info(saved));
        let ready = tr!("可以进入下一步。", "Ready for the next step.");
        assert!(shows(&render(&app, 160, 45), &ready));
        assert!(app.model().warnings(round(&app)).is_empty());
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::Counting);
        assert!(acks(&app).is_empty());
    });
}

#[test]
fn no_ballots_warns_and_then_the_round_closes_with_none() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_issue("45 40");
        press(&mut app, "e <Enter> n e \"0\" <Enter>");
        assert_eq!(
            (round(&app).issued, round(&app).returned),
            (Some(40), Some(0))
        );
        let none = json!({"kind": "no_ballots"});
        acknowledge_then_next(&mut app, std::slice::from_ref(&none));
        assert_eq!(step(&app), AgendaStep::Counting);
        press(&mut app, "n n");
        assert_eq!(step(&app), AgendaStep::Close);
        let heading = tr!("结束时的提示", "Warnings at closing");
        assert!(shows(&render(&app, 160, 45), &heading));
        listed(&app, &[none], true);
        press(&mut app, "<Enter> <Enter>");
        let closed = matches!(round(&app).status, RoundStatus::Closed { .. });
        assert!(closed, "{:?}", app.status);
    });
}

/// A fresh app on the demo campaign with `[rules.warnings] blank_percent`
/// set, at the counting step with 40 ballots issued and returned: keys
/// `blank` blank and `invalid` invalid ballots, the rest 优秀; the
/// agenda moves on to the results at once, or after `a` on `warnings`.
fn count_then_results(blank_percent: u32, blank: usize, invalid: usize, warnings: &[Value]) {
    let dir = tempfile::tempdir().unwrap();
    let mut campaign = ceping::campaign_toml::demo();
    campaign.rules.warnings.blank_percent = blank_percent;
    let session = Store::create(&file(&dir), &campaign).unwrap();
    let mut app = App::new(session, t0());
    press(&mut app, &to_counting_script(40));
    press(&mut app, &ballots(blank, invalid, 40));
    let t = app.model().tally(round(&app));
    let counts = (t.entered, t.blank as usize, t.invalid as usize);
    assert_eq!(counts, (40, blank, invalid));
    assert_eq!(app.model().warnings(round(&app)).len(), warnings.len());
    if warnings.is_empty() {
        let ready = tr!("可以进入下一步。", "Ready for the next step.");
        assert!(shows(&render(&app, 160, 45), &ready));
        press(&mut app, "n");
    } else {
        acknowledge_then_next(&mut app, warnings);
    }
    assert_eq!(step(&app), AgendaStep::Results, "{blank} {invalid}");
}

#[test]
fn blank_and_invalid_ballots_warn_from_three_percent_of_returned() {
    each_lang(|_, _| {
        // Of 40 returned, 1 is 2.5 % and 2 are 5 %.
        count_then_results(3, 1, 1, &[]);
        count_then_results(3, 2, 0, &[many("blank", 2, 40, 3)]);
        count_then_results(3, 0, 2, &[many("invalid", 2, 40, 3)]);
        let both = [many("blank", 2, 40, 3), many("invalid", 2, 40, 3)];
        count_then_results(3, 2, 2, &both);
    });
}

#[test]
fn thresholds_come_from_the_campaign() {
    each_lang(|_, _| {
        // blank_percent = 50: 2 blank of 40 raise nothing, 20 do.
        count_then_results(50, 2, 0, &[]);
        count_then_results(50, 20, 0, &[many("blank", 20, 40, 50)]);
    });
}
