//! A void round is kept and re-run with the same ballot and roll call; a
//! round may be voided only when more ballots came back than were issued.

use super::*;

#[test]
fn a_void_round_is_kept_and_re_run_with_the_same_ballot_and_roll_call() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(&collected_script(10, 11));
        assert_eq!(step(&app), AgendaStep::CollectBallots);

        // The collect step shows the need in red and does not move on.
        let need = zh_en(
            l,
            "收回 11 张多于发出 10 张：本轮无效，须重新投票",
            "returned 11 is more than issued 10: the round is void and must be re-run",
        );
        next_refused(&mut app, need);

        // `v` asks; Enter voids.
        press(&mut app, "v");
        status_starts(
            &app,
            zh_en(
                l,
                "收回多于发出：作废第 1 轮并重新投票？按 Enter 确认，Esc 取消",
                "More returned than issued: void round 1 and re-run? Enter to confirm, Esc to cancel",
            ),
        );
        press(&mut app, "<Enter>");
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "第 1 轮已作废并保留在记录中；第 2 轮开始：请回到“发放选票”",
                    "Round 1 is void and kept on record; round 2 begins: go back to issuing ballots",
                )
                .into()
            ))
        );

        // Round 1 is kept, marked void; round 2 is open with the same
        // ballot lines and roll call, and nothing else.
        let r1 = round(&app, 1).clone();
        let r2 = round(&app, 2).clone();
        assert_eq!(r1.status, RoundStatus::Void);
        assert_eq!((r1.issued, r1.returned), (Some(10), Some(11)));
        assert_eq!(r2.status, RoundStatus::Open);
        assert_eq!(r2.lines, r1.lines);
        assert_eq!(r2.lines.len(), 7);
        assert_eq!((r2.expected, r2.present), (Some(45), Some(40)));
        assert_eq!((r2.issued, r2.returned), (None, None));
        assert!(r2.ballots.is_empty());
        let (_, voided) = log(&app).pop().unwrap();
        assert_eq!(
            voided,
            Event::RoundVoided {
                round: round_key(1)
            }
        );

        // The agenda's header says round 2, and its numbers are round 2's.
        let b = render(&app, 160, 45);
        assert!(
            row(&b, 0).contains(zh_en(
                l,
                "南塘村 / 述职测评大会 第 2 轮",
                "南塘村 / Annual review round 2"
            )),
            "{}",
            row(&b, 0)
        );
        assert!(shows(
            &b,
            zh_en(l, "发出 -    收回 -", "Issued -    Returned -")
        ));

        // The street board shows round 2's progress (0 keyed, none
        // returned yet), not round 1's "0/11".
        press(&mut app, "<Esc>");
        let b = render(&app, 160, 45);
        let board_row = rows(b.buffer())
            .into_iter()
            .find(|r| r.starts_with("│南塘村"))
            .unwrap_or_else(|| panic!("{}", screen(&b)));
        assert!(board_row.contains("0/-"), "{board_row}");
        let collect = zh_en(l, "收回选票", "Collect ballot");
        assert!(board_row.contains(collect), "{board_row}");
        assert!(!shows(&b, "0/11"), "{}", screen(&b));

        // The re-run: ballots go to round 2; round 1 keeps its record.
        press(&mut app, "<Enter>");
        assert_eq!(app.screen.id(), ScreenId::Agenda(nantang()));
        press(&mut app, "p e \"10\" <Enter> n e \"10\" <Enter> n");
        assert_eq!(step(&app), AgendaStep::Counting);
        press(&mut app, &all_top_ballots(10));
        assert_eq!(round(&app, 2).ballots.len(), 10);
        assert!(round(&app, 1).ballots.is_empty());
        let b = render(&app, 160, 45);
        assert!(shows(
            &b,
            zh_en(
                l,
                "第 1 轮无效（收回多于发出）",
                "Round 1 is void (more returned than issued)"
            )
        ));
        assert!(shows(
            &b,
            zh_en(l, "已录入 10 / 收回 10", "Entered 10 / Returned 10")
        ));

        // The JSON export lists round 1 as void, then round 2.
        let json = serde_json::to_value(ceping::export::json::results(
            app.model(),
            &app.session.store.head(),
        ))
        .unwrap();
        let nantang = &json["units"][0];
        assert_eq!(nantang["name"], "南塘村");
        let rounds = nantang["meetings"][0]["rounds"].as_array().unwrap();
        assert_eq!(nantang["meetings"][0]["kind"], "annual_review");
        assert_eq!(rounds.len(), 2);
        assert_eq!(rounds[0]["round"], 1);
        assert_eq!(rounds[0]["status"], "void");
        assert_eq!(rounds[0]["fingerprint"], Value::Null);
        assert_eq!(rounds[0]["issued"], 10);
        assert_eq!(rounds[0]["returned"], 11);
        assert_eq!(rounds[0]["entered"], 0);
        assert_eq!(rounds[1]["round"], 2);
        assert_eq!(rounds[1]["status"], "open");
        assert_eq!(rounds[1]["expected"], 45);
        assert_eq!(rounds[1]["present"], 40);
        assert_eq!(rounds[1]["quorum_met"], true);
        assert_eq!(rounds[1]["issued"], 10);
        assert_eq!(rounds[1]["returned"], 10);
        assert_eq!(rounds[1]["entered"], 10);
        assert_eq!(rounds[1]["subjects"][0]["counts"]["优秀"], 10);

        // Round 2 closes like any round; the export then has its head.
        press(&mut app, "n n");
        let before = head_hex(&app);
        press(&mut app, "<Enter> <Enter>");
        let json = serde_json::to_value(ceping::export::json::results(
            app.model(),
            &app.session.store.head(),
        ))
        .unwrap();
        let rounds = &json["units"][0]["meetings"][0]["rounds"];
        assert_eq!(rounds[0]["status"], "void");
        assert_eq!(rounds[1]["status"], "closed");
        assert_eq!(rounds[1]["fingerprint"], before.as_str());
    });
}

#[test]
fn void_is_only_for_more_returned_than_issued() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at(&collected_script(10, 10));
        refused(
            &mut app,
            "v <Enter>",
            zh_en(
                l,
                "只有收回多于发出时，这一轮才作废。",
                "A round is voided only when more ballots were returned than issued.",
            ),
        );
        press(&mut app, "<Esc>");
        assert_eq!(app.model().rounds.len(), 1);
        assert_eq!(round(&app, 1).status, RoundStatus::Open);
    });
}
