//! Closing a round, reopening it, voiding it and the quorum, driven only
//! through the keymap on the demo campaign (南塘村 述职测评大会), as the
//! liaison and the scrutineers would check them: the sentence on the
//! status line, the fingerprint on screen against the hash chain and
//! `ceping verify`, the log on disk, and the JSON export.

#[path = "support/mod.rs"]
mod support;

use std::process::Command;

use ceping::app::{App, Mode, PromptKind, Screen, Status, StepKind};
use ceping::domain::{AgendaStep, Event, MeetingKey, MeetingKind, Round, RoundKey, RoundStatus};
use ceping::i18n::Lang;
use ceping::store::{StoredEvent, chain};
use ratatui::style::Color;
use serde_json::Value;
use support::app::*;
use support::zh_en;

fn nantang() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn round_key(n: u32) -> RoundKey {
    RoundKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
        round: n,
    }
}

/// Round `n` of 南塘村's annual review.
fn round(app: &App, n: u32) -> &Round {
    app.model()
        .rounds
        .get(&round_key(n))
        .unwrap_or_else(|| panic!("round {n} exists"))
}

/// The step the screen shows (a closed round's agenda may be browsed
/// without recording anything).
fn step(app: &App) -> AgendaStep {
    app.step_of(&nantang()).unwrap()
}

/// Keys, at the counting step, for `n` ballots all 优秀 (the first keyed,
/// the rest "same as last"), back to the agenda.
fn all_top_ballots(n: usize) -> String {
    format!("<Enter> 1 <Enter>{} <Esc>", " <Space>".repeat(n - 1))
}

/// A fresh demo app at the close step of 南塘村's annual review, with
/// 12 ballots issued, returned and keyed.
fn at_close_step() -> (tempfile::TempDir, App) {
    let (dir, mut app) = demo_app();
    press(&mut app, &to_counting_script(12));
    press(&mut app, &all_top_ballots(12));
    press(&mut app, "n n");
    assert_eq!(step(&app), AgendaStep::Close);
    assert_eq!(app.mode(), Mode::Agenda(StepKind::Close));
    (dir, app)
}

/// Every event of the log, decoded.
fn log(app: &App) -> Vec<(StoredEvent, Event)> {
    app.session
        .store
        .read_after(0)
        .unwrap()
        .into_iter()
        .map(|e| {
            let event = Event::from_parts(&e.kind, &e.body).unwrap();
            (e, event)
        })
        .collect()
}

fn head_hex(app: &App) -> String {
    chain::to_hex(&app.session.store.head())
}

// ------------------------------------------------------------ refusals

#[test]
fn closing_waits_until_entered_equals_returned() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, &to_counting_script(12));
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
            app.prompt.as_ref().map(|p| &p.kind),
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
        assert_eq!(app.prompt, None);

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
    }
}

#[test]
fn closing_waits_until_the_tally_sheet_agrees() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, &to_counting_script(12));
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
    }
}

// ------------------------------------------------------------ closing

#[test]
fn closing_certifies_the_round_with_the_chain_head() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (dir, mut app) = at_close_step();

        // Enter asks first; nothing is recorded by asking.
        let seq = app.session.store.last_seq();
        press(&mut app, "<Enter>");
        assert_eq!(app.session.store.last_seq(), seq);
        let b = render(&app, 160, 45);
        assert!(
            status_line(&b).starts_with(zh_en(
                l,
                "结束并认证第 1 轮？结束后只读。按 Enter 确认，Esc 取消",
                "Close and certify round 1? It becomes read-only. Enter to confirm, Esc to cancel",
            )),
            "{}",
            status_line(&b)
        );
        // Esc cancels: still open, nothing recorded.
        press(&mut app, "<Esc>");
        assert_eq!(app.prompt, None);
        assert_eq!(round(&app, 1).status, RoundStatus::Open);
        assert_eq!(app.session.store.last_seq(), seq);

        // Enter, Enter: closed, certifying the head before the closing.
        let before = head_hex(&app);
        press(&mut app, "<Enter> <Enter>");
        assert_eq!(app.prompt, None);
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
            Lang::Zh => format!("第 1 轮已结束并认证，指纹 {fingerprint}"),
            Lang::En => format!("Round 1 closed and certified, fingerprint {fingerprint}"),
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
            assert_eq!(status_line(&b), closed_msg);
            assert_eq!(fg_of(&b, &closed_msg), Color::Green);
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
    }
}

#[test]
fn a_closed_round_is_read_only() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
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
        assert_eq!(app.screen, Screen::Ballots(nantang()));
        refused(&mut app, "1 <Enter>", closed);
        refused(&mut app, "<BS> <Space>", closed);
        // Withdraw one: the prompt stays open with the reason.
        refused(&mut app, "w \"3\" <Enter>", closed);
        assert_eq!(app.mode(), Mode::Prompt);
        press(&mut app, "<Esc> <Esc>");
        assert_eq!(app.screen, Screen::Agenda(nantang()));

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
    }
}

#[test]
fn reopening_needs_a_written_reason_which_is_recorded() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
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
        let b = render(&app, 160, 45);
        assert!(
            status_line(&b).starts_with(zh_en(
                l,
                "重新打开第 1 轮的理由：",
                "Reason for reopening round 1:"
            )),
            "{}",
            status_line(&b)
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
        assert_eq!(app.prompt, None);
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
    }
}

// ------------------------------------------------------------ void rounds

#[test]
fn a_void_round_is_kept_and_re_run_with_the_same_ballot_and_roll_call() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(
            &mut app,
            "<Enter> <Enter> e \"45 40\" <Enter> n n n n e \"10\" <Enter> n e \"11\" <Enter>",
        );
        assert_eq!(step(&app), AgendaStep::CollectBallots);

        // The collect step shows the need in red and does not move on.
        let need = zh_en(
            l,
            "收回 11 张多于发出 10 张：本轮无效，须重新投票",
            "returned 11 is more than issued 10: the round is void and must be re-run",
        );
        let b = render(&app, 160, 45);
        assert_eq!(fg_of(&b, &format!("- {need}")), Color::Red);
        refused(&mut app, "n", need);

        // `v` asks; Enter voids.
        press(&mut app, "v");
        let b = render(&app, 160, 45);
        assert!(
            status_line(&b).starts_with(zh_en(
                l,
                "收回多于发出：作废第 1 轮并重新投票？按 Enter 确认，Esc 取消",
                "More returned than issued: void round 1 and re-run? Enter to confirm, Esc to cancel",
            )),
            "{}",
            status_line(&b)
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
        assert_eq!(app.screen, Screen::Agenda(nantang()));
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
    }
}

#[test]
fn void_is_only_for_more_returned_than_issued() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(
            &mut app,
            "<Enter> <Enter> e \"45 40\" <Enter> n n n n e \"10\" <Enter> n e \"10\" <Enter>",
        );
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
    }
}

// ------------------------------------------------------------ quorum

#[test]
fn quorum_is_checked_when_ballots_are_issued() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, "<Enter> <Enter> e \"45 22\" <Enter>");

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
    }
}
