//! A whole annual review meeting of 南塘村 from the keyboard: the agenda
//! from the roll call to the close, every ballot keyed, and the count
//! checked on screen, in the model and in the file reopened.

use super::*;

#[test]
fn a_whole_annual_review_meeting_of_nantang_from_the_keyboard() {
    let _guard = lock(Lang::Zh);
    let (dir, mut app) = demo_app();
    let key = nantang_review();

    // Start: Enter on the first row asks; Enter confirms.
    press(&mut app, "<Enter>");
    assert_eq!(
        app.prompt().map(|p| &p.kind),
        Some(&PromptKind::StartMeeting(key.clone()))
    );
    assert!(app.model().current_round("南塘村", key.meeting).is_none());
    press(&mut app, "<Enter>");
    assert_eq!(app.screen.id(), ScreenId::Agenda(key.clone()));
    let names: Vec<&str> = round(&app).lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, NANTANG, "ballot order is the roster order");
    assert_eq!(step(&app), AgendaStep::RollCall);

    // Roll call.
    press(&mut app, "e \"45 40\" <Enter>");
    assert_eq!(
        (round(&app).expected, round(&app).present),
        (Some(45), Some(40))
    );
    assert!(app.prompt().is_none());

    // The secretary's oral report: 3 min, a 1 min pause, 2 more min.
    press(&mut app, "n");
    assert_eq!(step(&app), oral("龚晓峰"));
    press(&mut app, "<Space>");
    assert!(app.timer_visible());
    advance(&mut app, 180);
    press(&mut app, "<Space>");
    assert!(!app.timer_visible(), "paused");
    advance(&mut app, 60);
    press(&mut app, "<Space>");
    advance(&mut app, 120);
    press(&mut app, "s");
    let speech = app.model().meeting(&key).speech("龚晓峰").cloned().unwrap();
    assert_eq!(
        speech.spoken_ms, 300_000,
        "5 minutes used, the pause not counted"
    );
    assert!(speech.finished && speech.running_since.is_none());
    advance(&mut app, 600);
    assert!(shows(&render(&app, 100, 30), "已结束，用时 05:00"));

    // The work-team leader: 7 min 30 s, straight through.
    press(&mut app, "n");
    assert_eq!(step(&app), oral("严立新"));
    press(&mut app, "<Space>");
    advance(&mut app, 450);
    assert_eq!(fg_of(&render(&app, 100, 30), "02:30"), Color::Yellow);
    press(&mut app, "s");
    let speech = app.model().meeting(&key).speech("严立新").cloned().unwrap();
    assert_eq!(speech.spoken_ms, 450_000);

    // Written reports: the five committee members tick off.
    press(&mut app, "n");
    assert_eq!(step(&app), AgendaStep::WrittenReports);
    press(
        &mut app,
        "<Space> <Down> <Space> <Down> <Space> <Down> <Space> <Down> <Space>",
    );
    let received = &app.model().meeting(&key).written_received;
    assert_eq!(
        received.iter().map(String::as_str).collect::<Vec<_>>(),
        // BTreeSet order; the five writers of the annual review.
        {
            let mut v = vec!["蒋丽", "罗志明", "田秀英", "万宏", "贺文斌"];
            v.sort();
            v
        }
    );
    assert!(shows(&render(&app, 100, 30), "可以进入下一步。"));

    // Issue 12, collect 12.
    press(&mut app, "n e \"12\" <Enter>");
    assert_eq!(round(&app).issued, Some(12));
    press(&mut app, "n e \"12\" <Enter>");
    assert_eq!(round(&app).returned, Some(12));
    press(&mut app, "n");
    assert_eq!(step(&app), AgendaStep::Counting);

    // Counting, ballot by ballot.
    press(&mut app, "<Enter>");
    assert_eq!(app.screen.id(), ScreenId::Ballots(key.clone()));
    let all = |g| BallotContent::all(g, 7);

    // The design's promises: the common ballot in 2 keys, the same as
    // the last in 1, one person different in 4.
    assert_eq!(key_ballot(&mut app, "1 <Enter>", all(0)), 2); // 1
    assert_eq!(key_ballot(&mut app, "<Space>", all(0)), 1); // 2
    assert_eq!(
        key_ballot(&mut app, "1 c 2 <Enter>", marks(&[0, 0, 1, 0, 0, 0, 0])),
        4
    ); // 3
    assert_eq!(key_ballot(&mut app, "0 <Enter>", BallotContent::Blank), 2); // 4
    assert_eq!(key_ballot(&mut app, "x <Enter>", BallotContent::Invalid), 2); // 5
    // Row by row: 称职 fills, then b..g one grade each; 0 blank, - void.
    key_ballot(
        &mut app,
        "2 1 1 3 4 0 - <Enter>",
        marks(&[1, 0, 0, 2, 3, -1, -2]),
    ); // 6
    key_ballot(&mut app, "1 <Enter>", all(0)); // 7, corrected below
    key_ballot(&mut app, "2 <Enter>", all(1)); // 8, keyed twice: withdrawn below
    key_ballot(&mut app, "3 <Enter>", all(2)); // 9, a slip: undone
    assert_eq!(app.status, Some(Status::Info("已保存第 9 号选票".into())));

    // Undo: ballot 9 is withdrawn (it stays in the log).
    press(&mut app, "u");
    assert!(round(&app).ballots[8].withdrawn);
    assert_eq!(
        app.status,
        Some(Status::Info(
            "已撤回刚保存的第 9 号选票（仍在记录中，标为已剔除；按 w 再输入 9 可恢复）".into()
        ))
    );

    // Correct ballot 7: r, its number, Enter loads it; d 2 Enter saves.
    press(&mut app, "r \"7\" <Enter>");
    assert_eq!(app.draft().correcting, Some(7));
    assert!(shows(&render(&app, 100, 30), "正在更正第 7 号"));
    press(&mut app, "d 2 <Enter>");
    assert_eq!(
        round(&app).ballots[6].content,
        marks(&[0, 0, 0, 1, 0, 0, 0])
    );
    assert_eq!(app.draft().correcting, None);
    assert_eq!(round(&app).ballots.len(), 9, "a correction adds no ballot");

    // Withdraw ballot 8: w, its number, Enter.
    press(&mut app, "w \"8\" <Enter>");
    assert!(round(&app).ballots[7].withdrawn);
    assert_eq!(app.status, Some(Status::Info("已剔除第 8 号选票".into())));

    key_ballot(&mut app, "1 <Enter>", all(0)); // 10
    key_ballot(&mut app, "<Space>", all(0)); // 11
    key_ballot(&mut app, "1 g 4 <Enter>", marks(&[0, 0, 0, 0, 0, 0, 3])); // 12
    key_ballot(&mut app, "2 <Enter>", all(1)); // 13
    key_ballot(&mut app, "1 a 2 b 2 <Enter>", marks(&[1, 1, 0, 0, 0, 0, 0])); // 14

    assert_eq!(
        keyed(&app)
            .iter()
            .map(|(_, w)| *w)
            .enumerate()
            .filter(|(_, w)| *w)
            .map(|(i, _)| i + 1)
            .collect::<Vec<_>>(),
        vec![8, 9],
        "withdrawn ballots"
    );

    // The count, per person and for the round.
    let t = tally(&app);
    assert_eq!(t.source, TallySource::Ballots);
    assert_eq!((t.entered, t.valid(), t.invalid, t.blank), (12, 11, 1, 1));
    assert_eq!(
        t.subjects,
        vec![
            subject([7, 3, 0, 0], 1, 0), // 龚晓峰
            subject([8, 2, 0, 0], 1, 0), // 蒋丽
            subject([8, 2, 0, 0], 1, 0), // 罗志明
            subject([7, 2, 1, 0], 1, 0), // 田秀英
            subject([8, 1, 0, 1], 1, 0), // 万宏
            subject([8, 1, 0, 0], 2, 0), // 贺文斌
            subject([7, 1, 0, 1], 1, 1), // 严立新
        ]
    );
    assert_eq!(t.subjects[0].top_rate(), Some(0.7));
    // The screen shows the same numbers.
    let b = render(&app, 160, 45);
    assert!(shows(&b, "已录入 12 / 收回 12   有效 11  废票 1  空白票 1"));
    let row = rows(b.buffer())
        .into_iter()
        .rfind(|r| r.contains("严立新"))
        .unwrap();
    let numbers: Vec<&str> = row
        .split(|c: char| c == '│' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        numbers[..7],
        ["严立新", "7", "1", "0", "1", "1", "1"],
        "{row}"
    );

    // Blank and invalid ballots reach 3 % of those returned: the agenda
    // waits until the warnings are acknowledged with `a`.
    press(&mut app, "<Esc>");
    assert!(!app.model().open_warnings(round(&app)).is_empty());
    press(&mut app, "a");
    assert!(app.model().open_warnings(round(&app)).is_empty());

    // Results, then close: Enter asks, Enter confirms; the round is
    // certified with the chain head, shown for the minutes.
    press(&mut app, "n");
    assert_eq!(step(&app), AgendaStep::Results);
    press(&mut app, "n");
    assert_eq!(step(&app), AgendaStep::Close);
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Prompt);
    assert_eq!(round(&app).status, RoundStatus::Open);
    let head = ceping::store::chain::to_hex(&app.session.store.head());
    press(&mut app, "<Enter>");
    assert_eq!(
        round(&app).status,
        RoundStatus::Closed { head: head.clone() }
    );
    let b = render(&app, 160, 45);
    assert_eq!(
        status_line(&b),
        format!("第 1 轮已结束，指纹 {}", &head[..12])
    );
    assert!(shows(&b, &format!("本轮已结束。指纹 {}", &head[..12])));
    // A closed round takes no more ballots.
    press(&mut app, "p p <Enter>");
    assert_eq!(app.screen.id(), ScreenId::Ballots(key.clone()));
    refused(&mut app, "1 <Enter>", "这一轮已经结束，不能再修改。");
    press(&mut app, "<Esc>");

    // Everything shown is on disk: reopening the file folds to the same
    // model, event for event.
    let model = app.model().clone();
    let seq = app.session.store.last_seq();
    assert_eq!(model.events, seq);
    drop(app);
    let reopened = Store::open(&file(&dir)).unwrap();
    assert_eq!(reopened.store.last_seq(), seq);
    assert_eq!(reopened.model, model);
    let r = reopened
        .model
        .current_round("南塘村", MeetingKind::AnnualReview)
        .unwrap();
    assert_eq!(Tally::count(r, &reopened.model.campaign.rules, 4), t);
}
