//! Stories: the cases the property found or that must never come back,
//! written out key by key.

use super::*;

// ------------------------------------------------------------ stories

fn status_is_info(run: &Run) -> bool {
    matches!(run.app.status, Some(Status::Info(_)))
}

fn status_is_error(run: &Run) -> bool {
    matches!(run.app.status, Some(Status::Error(_)))
}

/// (a) `r 3` then Esc then Enter: neither the cancelled question nor the
/// abandoned correction leaves anything for Enter to save twice.
#[test]
fn correcting_then_leaving_never_saves_a_duplicate() {
    let _guard = app::lock(Lang::Zh);
    let mut run = Run::start(40);
    run.script("1 <Enter> 2 <Enter> 3 c 1 <Enter>");
    assert_eq!(run.round().ballots.len(), 3);
    let third = run.round().ballots[2].clone();

    // The question is cancelled before it is answered: nothing loaded.
    run.script("r 3 <Esc>");
    assert!(run.app.prompt().is_none() && run.app.draft().is_empty());
    let events = run.app.model().events;
    run.script("<Enter>");
    assert!(status_is_error(&run), "an empty ballot is not saved");
    assert_eq!(run.app.model().events, events);

    // Ballot 3 loaded, then Esc: the correction is abandoned, and says so.
    run.script("r 3 <Enter>");
    assert_eq!(run.app.draft().correcting, Some(3));
    assert!(!run.app.draft().is_empty(), "ballot 3 is on screen");
    run.script("<Esc>");
    assert!(status_is_info(&run), "{:?}", run.app.status);
    assert_eq!(run.app.draft().correcting, None);
    assert!(run.app.draft().is_empty());
    assert_eq!(
        run.app.screen.id(),
        ScreenId::Ballots(ours()),
        "still keying ballots"
    );
    run.script("<Enter>");
    assert!(status_is_error(&run));
    assert_eq!(run.app.model().events, events, "no duplicate of ballot 3");

    // The same with the ballot changed before leaving.
    run.script("r 3 <Enter> a 4 <Esc> <Enter>");
    assert_eq!(run.app.model().events, events);
    assert_eq!(run.round().ballots.len(), 3);
    assert_eq!(run.round().ballots[2], third, "ballot 3 as it was");
    run.finish();
}

/// (b) `u` with a half-typed ballot clears it and records nothing; the
/// next `u` undoes this round's last save only, and never reaches into
/// an earlier (void) round.
#[test]
fn undo_clears_the_draft_first_then_undoes_only_this_rounds_last_save() {
    let _guard = app::lock(Lang::Zh);
    let mut run = Run::start(40);
    run.script("1 <Enter> 2 <Enter> 3 c");
    assert!(!run.app.draft().is_empty());
    let events = run.app.model().events;
    run.script("u");
    assert!(
        run.app.draft().is_empty(),
        "the half-typed ballot is cleared"
    );
    assert!(status_is_info(&run), "and it says so");
    assert_eq!(run.app.model().events, events, "nothing recorded");

    run.script("u");
    assert_eq!(run.app.model().events, events + 1);
    let round = run.round();
    assert!(round.ballots[1].withdrawn, "ballot 2 withdrawn");
    assert!(!round.ballots[0].withdrawn, "ballot 1 still counts");
    assert_eq!(run.app.model().tally(round).entered, 1);

    // More returned than issued: the round is void and re-run. Its
    // ballots stay as they were; `u` in the new round has nothing to undo.
    run.script("<Esc> p e \"41\" <Enter> v <Enter>");
    assert_eq!(run.current_round_key().round, 2, "{:?}", run.app.status);
    let first = RoundKey {
        round: 1,
        ..run.current_round_key()
    };
    let void = run.app.model().rounds[&first].clone();
    assert_eq!(void.status, RoundStatus::Void);
    run.script("p e \"40\" <Enter> n e \"40\" <Enter> n <Enter>");
    assert_eq!(
        run.app.screen.id(),
        ScreenId::Ballots(ours()),
        "{:?}",
        run.app.status
    );
    let events = run.app.model().events;
    run.script("u");
    assert!(status_is_error(&run), "nothing to undo in round 2");
    assert_eq!(run.app.model().events, events);
    assert_eq!(run.app.model().rounds[&first], void);
    // A save in round 2 is what `u` undoes there.
    run.script("4 <Enter> u");
    assert_eq!(run.app.model().events, events + 2);
    assert!(run.round().ballots[0].withdrawn);
    assert_eq!(run.app.model().rounds[&first], void);
    run.finish();
}

/// (c) `t` after ballots were keyed one by one asks for a reason; with
/// one, the ballots are set aside (kept, no longer counted) and the tally
/// sheet opens.
#[test]
fn a_tally_sheet_after_keyed_ballots_sets_them_aside_with_a_reason() {
    let _guard = app::lock(Lang::Zh);
    let mut run = Run::start(6);
    run.script("1 <Enter> 2 <Enter> 0 <Enter>");
    assert_eq!(run.app.model().tally(run.round()).entered, 3);
    let events = run.app.model().events;
    run.script("<Esc> t");
    assert_eq!(
        run.app.prompt().map(|p| &p.kind),
        Some(&PromptKind::DiscardBallots(3))
    );
    // No reason, no set-aside: the question stays with the reason why.
    run.script("<Enter>");
    assert!(status_is_error(&run));
    assert!(run.app.prompt().is_some());
    assert_eq!(run.app.model().events, events);
    run.script("\"改用计票单\" <Enter>");
    assert_eq!(run.app.model().events, events + 1);
    assert!(status_is_info(&run), "{:?}", run.app.status);
    let round = run.round();
    assert_eq!(round.ballots.len(), 3, "kept on record");
    assert!(round.ballots.iter().all(|b| b.discarded));
    let tally = run.app.model().tally(round);
    assert_eq!((tally.source, tally.entered), (TallySource::Ballots, 0));
    assert_eq!(
        run.app.screen.id(),
        ScreenId::Sheet(ours()),
        "the sheet opens"
    );
    assert_eq!(
        run.app.prompt().map(|p| &p.kind),
        Some(&PromptKind::Keyer(1))
    );
    // Pass 1 and an identical pass 2: the sheet counts.
    let mut sheet = TallySheet::empty(run.n, GRADES);
    sheet.invalid = 1;
    for row in &mut sheet.rows {
        row[0] = 4;
        row[1] = 1;
    }
    for keyer in ["符明", "钟岚"] {
        run.script(&format!("\"{keyer}\" <Enter>"));
        run.keys(&sheet_keys(&sheet));
        run.script("s");
    }
    let tally = run.app.model().tally(run.round());
    assert_eq!(tally.source, TallySource::Sheet);
    assert_eq!((tally.entered, tally.invalid), (6, 1));
    assert_eq!(tally.subjects[0].counts, vec![4, 1, 0, 0]);
    run.finish();
}

/// (d) After a tally-sheet pass, Enter at the counting step asks for a
/// reason before ballot entry opens; without one nothing changes.
#[test]
fn ballots_after_a_sheet_pass_need_a_reason() {
    let _guard = app::lock(Lang::Zh);
    let mut run = Run::start(6);
    let mut sheet = TallySheet::empty(run.n, GRADES);
    for row in &mut sheet.rows {
        row[0] = 6;
    }
    run.script("<Esc> t \"符明\" <Enter>");
    run.keys(&sheet_keys(&sheet));
    run.script("s");
    assert!(run.round().sheets[0].is_some(), "{:?}", run.app.status);
    // Pass 2 asks who keys it; Esc closes the question, Esc again leaves.
    assert_eq!(
        run.app.prompt().map(|p| &p.kind),
        Some(&PromptKind::Keyer(2))
    );
    run.script("<Esc> <Esc>");
    assert_eq!(run.app.screen.id(), ScreenId::Agenda(ours()));
    let events = run.app.model().events;

    run.script("<Enter>");
    assert_eq!(
        run.app.prompt().map(|p| &p.kind),
        Some(&PromptKind::DiscardSheet(SheetDiscard::All))
    );
    assert_eq!(
        run.app.screen.id(),
        ScreenId::Agenda(ours()),
        "not keying ballots yet"
    );
    run.script("<Enter>");
    assert!(status_is_error(&run), "a reason is needed");
    run.script("<Esc>");
    assert!(run.app.prompt().is_none());
    assert_eq!(run.app.screen.id(), ScreenId::Agenda(ours()));
    assert_eq!(run.app.model().events, events, "nothing recorded");
    assert!(run.round().by_sheet());
    // Ballot keys go nowhere meanwhile.
    run.script("1");
    assert_eq!(run.app.model().events, events);

    run.script("<Enter> \"唱票更稳妥\" <Enter>");
    assert_eq!(run.app.model().events, events + 1);
    assert!(status_is_info(&run));
    assert!(!run.round().by_sheet(), "the pass is discarded");
    assert_eq!(run.app.screen.id(), ScreenId::Ballots(ours()));
    run.script("1 <Enter>");
    assert_eq!(run.round().ballots.len(), 1);
    run.finish();
}

// ------------------------------------------------------------ bugs found

/// Found by the property (fixed): pass 2 keyed by pass 1's keyer was
/// saved while the status line showed only the keyer note. The save is
/// announced, the note follows it.
#[test]
fn same_keyer_note_hides_that_pass_2_was_saved() {
    let _guard = app::lock(Lang::Zh);
    let (_dir, mut app) = app::demo_app();
    app::press(&mut app, &app::to_counting_script(6));
    assert_eq!(app.current_step(), Some(AgendaStep::Counting));
    // Everyone 优秀 on all 6 ballots, keyed twice by 符明.
    let rows = app.current_round().unwrap().lines.len();
    let sheet = vec!["<Down> 6"; rows].join(" ");
    app::press(&mut app, &format!("t \"符明\" <Enter> {sheet} s"));
    assert_eq!(app.status, Some(Status::Info("第 1 遍已保存".into())));
    app::press(&mut app, &format!("\"符明\" <Enter> {sheet}"));
    let seq = app.session.store.last_seq();
    app::press(&mut app, "s");
    assert_eq!(app.session.store.last_seq(), seq + 1, "pass 2 is recorded");
    let round = app.current_round().unwrap();
    assert!(round.agreed.is_some(), "and the sheet counts");
    assert_eq!(
        app.status,
        Some(Status::Info(
            "两遍一致，结果已计入。提示：两遍都由 符明 录入；双人录入最好由两个人分别录".into()
        ))
    );
}
