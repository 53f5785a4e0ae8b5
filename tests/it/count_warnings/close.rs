//! The close step lists every warning again and refuses while one is open;
//! a re-run round needs its ballots issued before it closes.

use super::*;

#[test]
fn the_close_step_lists_every_warning_and_refuses_while_one_is_open() {
    each_lang(|_, _| {
        let (_dir, mut app) = started();
        // A warning at the roll call, at collecting and at counting, each
        // acknowledged at its step.
        press(&mut app, "e \"40 45\" <Enter>");
        let saved = tr!(
            "已记录：应到 40，实到 45",
            "Recorded: expected 40, present 45"
        );
        assert_eq!(app.status, info(saved));
        acknowledge_then_next(&mut app, &[present_over(45, 40)]);
        press(&mut app, "n n n e <Enter> n e \"44\" <Enter>");
        acknowledge_then_next(&mut app, &[short(44, 45)]);
        press(&mut app, &ballots(2, 0, 44));
        acknowledge_then_next(&mut app, &[many("blank", 2, 44, 3)]);
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::Close);
        let heading = tr!("结束时的提示", "Warnings at closing");
        assert!(shows(&render(&app, 160, 45), &heading));
        let earlier = [present_over(45, 40), short(44, 45), many("blank", 2, 44, 3)];
        listed(&app, &earlier, true);

        // 发出 re-keyed behind the agenda's back: two new warnings open.
        let round1 = round_key(1);
        let event = Event::BallotsIssued {
            round: round1,
            count: 46,
        };
        app.session.record(event).unwrap();
        let open = [issued_over(46, 45), short(44, 46)];
        let b = render(&app, 160, 45);
        assert!(shows(
            &b,
            &tr!("进入下一步前还需要：", "Before the next step:")
        ));
        assert!(!shows(&b, &heading));
        listed(&app, &open, false);
        listed(&app, &[earlier[0].clone(), earlier[2].clone()], true);
        assert!(!shows(&b, &sentence(&earlier[1])), "{}", screen(&b));
        let waiting = tr!(
            "还不能结束这一轮：还有 2 条提示没有确认（在提示出现的那一步或散会这一步按 a 确认）。",
            "The round cannot close yet: 2 warnings are not acknowledged (press a at their step or at the close step)."
        );
        refused(&mut app, "<Enter> <Enter>", &waiting);
        assert_eq!(round(&app).status, RoundStatus::Open);

        // `a` at the close step acknowledges every open one, in one event.
        press(&mut app, "<Esc> a");
        assert_eq!(app.status, acknowledged(2));
        let all = acks(&app);
        assert_eq!(all.len(), 4);
        assert_eq!(all[3]["warnings"], json!(open));
        assert!(shows(&render(&app, 160, 45), &heading));
        listed(&app, &open, true);
        listed(&app, &[earlier[0].clone(), earlier[2].clone()], true);
        let head = chain::to_hex(&app.session.store.head());
        press(&mut app, "<Enter> <Enter>");
        assert_eq!(round(&app).status, RoundStatus::Closed { head });
    });
}

// ------------------------------------------------------------ re-run round

#[test]
fn a_re_run_round_needs_its_ballots_issued_before_it_closes() {
    each_lang(|_, _| {
        let (_dir, mut app) = at_issue("45 40");
        press(&mut app, "e \"10\" <Enter> n e \"11\" <Enter> v <Enter>");
        assert_eq!(round(&app).key, round_key(2));
        assert_eq!(round(&app).issued, None);
        assert_eq!(step(&app), AgendaStep::CollectBallots);
        let need = tr!(
            "还没有录入发出选票数：按 p 回到发放选票，按 e 录入",
            "ballots issued not keyed in: press p to go back to issuing ballots, then e"
        );
        next_refused(&mut app, &need);

        // Closing it directly is refused, and records nothing.
        let no_issued = tr!(
            "还不能结束这一轮：还没有录入发出选票数。",
            "The round cannot close yet: the ballots issued are not keyed in."
        );
        close_refused(&mut app, 2, &no_issued);

        // As the need says: p, then e (suggesting 实到 again), Enter.
        press(&mut app, "p e");
        assert_eq!(app.prompt().unwrap().input().text(), "40");
        press(&mut app, "<Enter> n");
        assert_eq!(round(&app).issued, Some(40));
        assert_eq!(step(&app), AgendaStep::CollectBallots);
    });
}
