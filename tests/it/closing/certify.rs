//! Closing certifies the round with the hash chain's head (on screen, in
//! the log and in `ceping verify`); a closed round is read-only; reopening
//! it needs a written reason, which is recorded.

use super::*;

#[test]
fn closing_certifies_the_round_with_the_chain_head() {
    each_lang(|l, _| {
        let (dir, mut app) = at_close_step();

        // Enter asks first; nothing is recorded by asking.
        let seq = app.session.store.last_seq();
        press(&mut app, "<Enter>");
        assert_eq!(app.session.store.last_seq(), seq);
        status_starts(
            &app,
            zh_en(
                l,
                "结束第 1 轮？结束后只读。按 Enter 确认，Esc 取消",
                "Close round 1? It becomes read-only. Enter to confirm, Esc to cancel",
            ),
        );
        // Esc cancels: still open, nothing recorded.
        press(&mut app, "<Esc>");
        assert_eq!(app.prompt(), None);
        assert_eq!(round(&app, 1).status, RoundStatus::Open);
        assert_eq!(app.session.store.last_seq(), seq);

        // Enter, Enter: closed, certifying the head before the closing.
        let before = head_hex(&app);
        press(&mut app, "<Enter> <Enter>");
        assert_eq!(app.prompt(), None);
        assert_eq!(
            round(&app, 1).status,
            RoundStatus::Closed {
                head: before.clone()
            }
        );
        assert_eq!(app.session.store.last_seq(), seq + 1);
        let fingerprint = &before[..12];
        assert_eq!(fingerprint.len(), 12);
        assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));

        // The status line and the agenda show the fingerprint.
        let closed_msg = match l {
            Lang::Zh => format!("第 1 轮已结束，指纹 {fingerprint}"),
            Lang::En => format!("Round 1 closed, fingerprint {fingerprint}"),
        };
        assert_eq!(app.status, Some(Status::Info(closed_msg.clone())));
        let agenda_note = match l {
            Lang::Zh => format!("本轮已结束。指纹 {fingerprint}：请写入会议记录，由监票人签字。"),
            Lang::En => format!(
                "This round is closed. Fingerprint {fingerprint}: write it in the minutes for the scrutineers to sign."
            ),
        };
        for (w, h) in SIZES {
            let b = render(&app, w, h);
            status_says(&b, &closed_msg, Color::Green);
            // The agenda's note may be cut at the right edge of a narrow
            // screen; the fingerprint itself must show.
            let shown = if w >= 160 {
                agenda_note.as_str()
            } else {
                fingerprint
            };
            assert!(shows(&b, shown), "{}", screen(&b));
            let (_, y) = find(&b, fingerprint).unwrap();
            assert!(y < h - 2, "the fingerprint shows on the agenda itself");
            assert_eq!(fg_of(&b, fingerprint), Color::Green);
        }

        // On disk: the closing event carries that head, which is the hash
        // stored with the event just before it.
        let events = log(&app);
        let (closing, event) = events.last().unwrap();
        assert_eq!(closing.kind, "round_closed");
        assert_eq!(
            event,
            &Event::RoundClosed {
                round: round_key(1),
                head: before.clone(),
                at: Some(app.now),
            }
        );
        assert_eq!(events[events.len() - 2].0.hash, before);

        // `ceping verify` (read-only, during the meeting) prints the head
        // after the closing: the closing event's own hash.
        let after = head_hex(&app);
        assert_ne!(after, before);
        assert_eq!(closing.hash, after);
        let out = Command::new(env!("CARGO_BIN_EXE_ceping"))
            .args(["--lang", zh_en(l, "zh", "en"), "verify"])
            .arg(file(&dir))
            .env_remove("CEPING_LANG")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}");
        let expected = match l {
            Lang::Zh => format!("链头 {after}（指纹 {}）", &after[..12]),
            Lang::En => format!("chain head {after} (fingerprint {})", &after[..12]),
        };
        assert!(stdout.contains(&expected), "{stdout}");
    });
}

#[test]
fn a_closed_round_is_read_only() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_close_step();
        press(&mut app, "<Enter> <Enter>");
        assert!(matches!(round(&app, 1).status, RoundStatus::Closed { .. }));
        let closed = zh_en(
            l,
            "这一轮已经结束，不能再修改。",
            "This round is closed and cannot be changed.",
        );

        // Back to counting (the agenda may be looked at, and looking
        // records nothing), key a ballot.
        let seq = app.session.store.last_seq();
        press(&mut app, "p p");
        assert_eq!(step(&app), AgendaStep::Counting);
        assert_eq!(app.session.store.last_seq(), seq, "browsing wrote");
        assert_eq!(
            app.model().current_step(&nantang()),
            Some(AgendaStep::Close)
        );
        press(&mut app, "<Enter>");
        assert_eq!(app.screen.id(), ScreenId::Ballots(nantang()));
        refused(&mut app, "1 <Enter>", closed);
        refused(&mut app, "<BS> <Space>", closed);
        // Withdraw one: the prompt stays open with the reason.
        refused(&mut app, "w \"3\" <Enter>", closed);
        assert_eq!(app.mode(), Mode::Prompt);
        press(&mut app, "<Esc> <Esc>");
        assert_eq!(app.screen.id(), ScreenId::Agenda(nantang()));

        // Issuing ballots again, and the returned count.
        press(&mut app, "p p");
        assert_eq!(step(&app), AgendaStep::IssueBallots);
        refused(&mut app, "e \"13\" <Enter>", closed);
        press(&mut app, "<Esc> n");
        refused(&mut app, "e \"11\" <Enter>", closed);
        press(&mut app, "<Esc>");

        let r = round(&app, 1);
        assert_eq!((r.issued, r.returned), (Some(12), Some(12)));
        assert_eq!(r.ballots.len(), 12);
        assert!(r.ballots.iter().all(|b| !b.withdrawn));
    });
}

#[test]
fn reopening_needs_a_written_reason_which_is_recorded() {
    each_lang(|l, _| {
        let (_dir, mut app) = at_close_step();

        // An open round is not reopened.
        press(&mut app, "o");
        refused(
            &mut app,
            "\"复核\" <Enter>",
            zh_en(
                l,
                "这一轮没有结束，不需要重新打开。",
                "This round is not closed, so it cannot be reopened.",
            ),
        );
        press(&mut app, "<Esc>");

        press(&mut app, "<Enter> <Enter>");
        let RoundStatus::Closed { head: first } = round(&app, 1).status.clone() else {
            panic!("closed: {:?}", app.status);
        };

        // `o` asks for the reason; an empty one (or only spaces) is refused.
        press(&mut app, "o");
        status_starts(
            &app,
            zh_en(
                l,
                "重新打开第 1 轮的理由：",
                "Reason for reopening round 1:",
            ),
        );
        let no_reason = zh_en(
            l,
            "重新打开必须写明理由。",
            "Reopening needs a written reason.",
        );
        refused(&mut app, "<Enter>", no_reason);
        refused(&mut app, "\"   \" <Enter>", no_reason);
        assert!(matches!(round(&app, 1).status, RoundStatus::Closed { .. }));

        // With a reason it reopens, and says so.
        let reason = "监票人发现第 7 张唱错，需复核";
        press(&mut app, &format!("<BS> <BS> <BS> \"{reason}\" <Enter>"));
        assert_eq!(round(&app, 1).status, RoundStatus::Open, "{:?}", app.status);
        assert_eq!(app.prompt(), None);
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(l, "第 1 轮已重新打开", "Round 1 reopened").into()
            ))
        );
        // The first close stays on screen as history (its fingerprint is
        // in the minutes), with the reason, but not as the round's status.
        let b = render(&app, 160, 45);
        let closed_info = zh_en(l, "本轮已结束。指纹", "This round is closed. Fingerprint");
        assert!(!shows(&b, closed_info), "{}", screen(&b));
        assert!(shows(&b, &first[..12]), "{}", screen(&b));
        assert!(shows(&b, reason), "{}", screen(&b));

        // The reason is in the log, after the closing it undoes.
        let events = log(&app);
        let kinds: Vec<&str> = events.iter().map(|(e, _)| e.kind.as_str()).collect();
        assert_eq!(kinds[kinds.len() - 2..], ["round_closed", "round_reopened"]);
        assert_eq!(
            events.last().unwrap().1,
            Event::RoundReopened {
                round: round_key(1),
                reason: reason.into(),
                at: Some(app.now),
            }
        );

        // Reopened, the round takes a correction; closing again certifies
        // the new head, not the old one.
        press(&mut app, "p p <Enter> r \"7\" <Enter> 2 <Enter> <Esc> n n");
        let ballots = &round(&app, 1).ballots;
        assert_eq!(ballots.len(), 12);
        assert_eq!(
            ballots[6].content.top_grades(),
            6,
            "row a corrected to 称职"
        );
        let before = head_hex(&app);
        press(&mut app, "<Enter> <Enter>");
        assert_eq!(round(&app, 1).status, RoundStatus::Closed { head: before });
        assert_ne!(head_hex(&app)[..12], first[..12]);
    });
}
