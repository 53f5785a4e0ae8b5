//! The quorum is checked when the ballots are issued.

use super::*;

#[test]
fn quorum_is_checked_when_ballots_are_issued() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("<Enter> <Enter> e \"45 22\" <Enter>");

        // At the roll call, no quorum is a reminder (people may still
        // arrive): yellow, and the meeting moves on.
        let need = zh_en(
            l,
            "- 实到 22 人未超过应到 45 人的 1/2，不足法定人数",
            "- present 22 is not more than 1/2 of expected 45: no quorum",
        );
        assert_eq!(fg_of(&render(&app, 160, 45), need), Color::Yellow);
        press(&mut app, "n n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);

        // At issuing it stops: red, and issuing is refused.
        assert_eq!(fg_of(&render(&app, 160, 45), need), Color::Red);
        refused(
            &mut app,
            "e \"22\" <Enter>",
            zh_en(
                l,
                "实到 22 人未超过应到 45 人的 1/2，不足法定人数，不能发票。",
                "Present 22 is not more than 1/2 of expected 45: no quorum, ballots cannot be issued.",
            ),
        );
        press(&mut app, "<Esc>");
        assert_eq!(round(&app, 1).issued, None);

        // One more person: 23 of 45 is more than half.
        press(&mut app, "p p p p e \"45 23\" <Enter> n n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);
        press(&mut app, "e \"23\" <Enter>");
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(l, "已记录：发出 23 张", "Recorded: 23 ballots issued").into()
            ))
        );
        assert_eq!(round(&app, 1).issued, Some(23));
        assert!(!shows(&render(&app, 160, 45), &need[2..]));
        press(&mut app, "n");
        assert_eq!(step(&app), AgendaStep::CollectBallots);
    });
}
