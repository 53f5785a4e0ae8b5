//! Meetings driven only through the keyboard, as the liaison would run
//! them: every key goes through the keymap (`App::on_key`), and the checks
//! are what the liaison and the scrutineers would check: the count per
//! person and per round, the file on disk, and the screen.

#[path = "support/mod.rs"]
mod support;

use ceping::app::keymap::{self, Action, Mode, SheetMode, StepKind};
use ceping::app::{App, PromptKind, Screen, Status};
use ceping::domain::{
    AgendaStep, BallotContent, Mark, MeetingKey, MeetingKind, Round, RoundStatus, SheetCell,
    SubjectTally, Tally, TallySource,
};
use ceping::i18n::Lang;
use ceping::store::Store;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use support::app::*;

const NANTANG: [&str; 7] = [
    "龚晓峰",
    "蒋丽",
    "罗志明",
    "田秀英",
    "万宏",
    "贺文斌",
    "严立新",
];

fn nantang_review() -> MeetingKey {
    MeetingKey {
        unit: "南塘村".into(),
        meeting: MeetingKind::AnnualReview,
    }
}

fn round(app: &App) -> &Round {
    app.model()
        .current_round("南塘村", MeetingKind::AnnualReview)
        .expect("the meeting has started")
}

fn tally(app: &App) -> Tally {
    Tally::count(round(app), &app.model().campaign.rules, 4)
}

fn subject(counts: [u64; 4], abstain: u64, void_marks: u64) -> SubjectTally {
    SubjectTally {
        counts: counts.to_vec(),
        abstain,
        void_marks,
    }
}

fn step(app: &App) -> AgendaStep {
    app.model().current_step(&nantang_review()).unwrap()
}

fn oral(name: &str) -> AgendaStep {
    AgendaStep::OralReport {
        subject: name.into(),
    }
}

/// The ballots of the round as keyed so far (withdrawn ones included).
fn keyed(app: &App) -> Vec<(BallotContent, bool)> {
    round(app)
        .ballots
        .iter()
        .map(|b| (b.content.clone(), b.withdrawn))
        .collect()
}

fn marks(grades: &[i8]) -> BallotContent {
    BallotContent::Marks(
        grades
            .iter()
            .map(|&g| match g {
                -1 => Mark::Abstain,
                -2 => Mark::Void,
                g => Mark::Grade(g as u8),
            })
            .collect(),
    )
}

/// Key one ballot and check that exactly it was added.
fn key_ballot(app: &mut App, script: &str, expected: BallotContent) -> usize {
    let before = round(app).ballots.len();
    let n = press(app, script);
    let ballots = &round(app).ballots;
    assert_eq!(ballots.len(), before + 1, "{script}: {:?}", app.status);
    assert_eq!(ballots[before].content, expected, "{script}");
    n
}

// ---------------------------------------------------------------- 1

#[test]
fn a_whole_annual_review_meeting_of_nantang_from_the_keyboard() {
    let _guard = lock(Lang::Zh);
    let (dir, mut app) = demo_app();
    let key = nantang_review();

    // Start: Enter on the first row asks; Enter confirms.
    press(&mut app, "<Enter>");
    assert_eq!(
        app.prompt.as_ref().map(|p| &p.kind),
        Some(&PromptKind::StartMeeting(key.clone()))
    );
    assert!(app.model().current_round("南塘村", key.meeting).is_none());
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Agenda(key.clone()));
    let names: Vec<&str> = round(&app).lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, NANTANG, "ballot order is the roster order");
    assert_eq!(step(&app), AgendaStep::RollCall);

    // Roll call.
    press(&mut app, "e \"45 40\" <Enter>");
    assert_eq!(
        (round(&app).expected, round(&app).present),
        (Some(45), Some(40))
    );
    assert!(app.prompt.is_none());

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
    assert_eq!(app.screen, Screen::Ballots(key.clone()));
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
            "已撤销刚保存的第 9 号选票（仍在记录中，标为已撤销；按 w 再输入 9 可恢复）".into()
        ))
    );

    // Correct ballot 7: r, its number, Enter loads it; d 2 Enter saves.
    press(&mut app, "r \"7\" <Enter>");
    assert_eq!(app.draft.correcting, Some(7));
    assert!(shows(&render(&app, 100, 30), "正在更正第 7 号"));
    press(&mut app, "d 2 <Enter>");
    assert_eq!(
        round(&app).ballots[6].content,
        marks(&[0, 0, 0, 1, 0, 0, 0])
    );
    assert_eq!(app.draft.correcting, None);
    assert_eq!(round(&app).ballots.len(), 9, "a correction adds no ballot");

    // Withdraw ballot 8: w, its number, Enter.
    press(&mut app, "w \"8\" <Enter>");
    assert!(round(&app).ballots[7].withdrawn);
    assert_eq!(app.status, Some(Status::Info("已撤销第 8 号选票".into())));

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
        format!("第 1 轮已结束并认证，指纹 {}", &head[..12])
    );
    assert!(shows(&b, &format!("本轮已结束。指纹 {}", &head[..12])));
    // A closed round takes no more ballots.
    press(&mut app, "p p <Enter>");
    assert_eq!(app.screen, Screen::Ballots(key.clone()));
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

// ---------------------------------------------------------------- 2

#[test]
fn refusals_change_nothing_and_say_why_in_both_languages() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let zh = l == Lang::Zh;
        let s = |zh_text: &'static str, en_text: &'static str| if zh { zh_text } else { en_text };
        let (_dir, mut app) = demo_app();
        press(&mut app, "<Enter> <Enter>");

        // Numbers at a prompt: the prompt stays open with the reason.
        refused(
            &mut app,
            "e \"45\" <Enter>",
            s(
                "请输入两个数，例如：45 42",
                "Please type two numbers, e.g. 45 42",
            ),
        );
        assert_eq!(app.mode(), Mode::Prompt);
        // A count past the sanity cap is a slip.
        refused(
            &mut app,
            "<Esc> e \"200000 45\" <Enter>",
            s(
                "200000 超过了上限 100000，请核对。",
                "200000 is above the limit of 100000; please check.",
            ),
        );
        refused(
            &mut app,
            "<Esc> e \"0 0\" <Enter>",
            s(
                "应到人数必须大于 0。",
                "The expected number must be more than 0.",
            ),
        );
        press(&mut app, "<Esc>");
        assert_eq!(app.mode(), Mode::Agenda(StepKind::Numbers));
        assert_eq!(round(&app).expected, None);

        // More present than expected can be true (a late addition): it is
        // recorded, and the agenda waits until the warning is acknowledged.
        press(&mut app, "e \"40 45\" <Enter>");
        assert_eq!(round(&app).present, Some(45));
        refused(
            &mut app,
            "n",
            s(
                "实到 45 人多于应到 40 人，请核对（按 a 确认）",
                "present 45 is more than expected 40; please check (press a to acknowledge)",
            ),
        );
        press(&mut app, "a");
        assert_eq!(
            app.status,
            Some(Status::Info(
                s(
                    "已确认 1 条提示（已记录，导出时一并列出）",
                    "1 warnings acknowledged (recorded; every export lists them)",
                )
                .into()
            ))
        );
        assert_eq!(round(&app).acknowledged.len(), 1);
        refused(
            &mut app,
            "a",
            s(
                "这一步没有需要确认的提示",
                "There is no warning to acknowledge at this step",
            ),
        );
        // The roll call keyed again: the prompt suggests what was keyed,
        // and typing replaces it.
        press(&mut app, "e");
        assert_eq!(app.prompt.as_ref().unwrap().input, "40 45");
        // The timer: stop before start, resume after stop.
        press(&mut app, "\"45 40\" <Enter> n");
        refused(
            &mut app,
            "s",
            s("计时器现在不能这样操作。", "The timer cannot do that now."),
        );
        press(&mut app, "<Space>");
        advance(&mut app, 60);
        press(&mut app, "s");
        refused(
            &mut app,
            "<Space>",
            s("计时器现在不能这样操作。", "The timer cannot do that now."),
        );

        // Past the issue step without the number issued.
        press(&mut app, "n n n");
        assert_eq!(step(&app), AgendaStep::IssueBallots);
        refused(
            &mut app,
            "n",
            s("录入发出选票数（按 e）", "key in ballots issued (press e)"),
        );
        refused(
            &mut app,
            "e \"十二\" <Enter>",
            s("请输入数字", "Please type a number"),
        );
        press(&mut app, "<Esc> e \"12\" <Enter> n");

        // More returned than issued: the round would be void.
        press(&mut app, "e \"13\" <Enter>");
        refused(
            &mut app,
            "n",
            s(
                "收回 13 张多于发出 12 张：本轮无效，须重新投票",
                "returned 13 is more than issued 12: the round is void and must be re-run",
            ),
        );
        press(&mut app, "e \"12\" <Enter> n");
        assert_eq!(step(&app), AgendaStep::Counting);

        // Ballot entry.
        press(&mut app, "<Enter>");
        refused(
            &mut app,
            "<Enter>",
            s(
                "还有 7 人没有录入；没勾的请按 0 记为弃权",
                "7 people not keyed yet; press 0 for a blank (abstain)",
            ),
        );
        refused(
            &mut app,
            "<Space>",
            s("还没有上一张选票", "There is no previous ballot yet"),
        );
        refused(&mut app, "u", s("没有可以撤销的操作", "Nothing to undo"));
        press(&mut app, "1 <Enter> 2 <Enter>");
        refused(
            &mut app,
            "r \"5\" <Enter>",
            s("没有第 5 号选票。", "There is no ballot number 5."),
        );
        press(&mut app, "<Esc>");
        press(&mut app, "w \"2\" <Enter>");
        assert!(round(&app).ballots[1].withdrawn);
        // `w` on a withdrawn ballot restores it, and says so.
        press(&mut app, "w \"2\" <Enter>");
        assert_eq!(
            app.status,
            Some(Status::Info(
                s("已恢复第 2 号选票", "Ballot 2 restored").into()
            ))
        );
        assert!(!round(&app).ballots[1].withdrawn);
        press(&mut app, "w \"2\" <Enter>");
        assert!(round(&app).ballots[1].withdrawn);
        // A grade beyond the scale does nothing at all.
        let before = app.draft.clone();
        press(&mut app, "5 9");
        assert_eq!(app.draft, before);

        // Past counting with 1 entered of 12 returned.
        press(&mut app, "<Esc>");
        refused(
            &mut app,
            "n",
            s(
                "已录入 1 张，收回 12 张，两者须相等",
                "entered 1, returned 12: they must be equal",
            ),
        );
        assert_eq!(step(&app), AgendaStep::Counting);
        let b = render(&app, 160, 45);
        assert_eq!(
            fg_of(
                &b,
                s(
                    "- 已录入 1 张，收回 12 张，两者须相等",
                    "- entered 1, returned 12: they must be equal"
                )
            ),
            Color::Red,
            "the need is listed in red on the agenda"
        );
    }
}

// ---------------------------------------------------------------- 3

#[test]
fn double_entry_of_the_tally_sheet_with_a_mismatch() {
    let _guard = lock(Lang::Zh);
    let (dir, mut app) = demo_app();
    press(&mut app, &to_counting_script(12));
    assert_eq!(step(&app), AgendaStep::Counting);

    let pass1 = SHEET_12;
    let mut pass2 = pass1;
    pass2[1] = [7, 2, 1, 0, 1, 0]; // 蒋丽: 称职 and 基本称职 differ

    // Pass 1: it asks who keys it (the counter's name, optional).
    press(&mut app, "t");
    assert_eq!(app.screen, Screen::Sheet(nantang_review()));
    assert_eq!(
        app.prompt.as_ref().map(|p| &p.kind),
        Some(&PromptKind::Keyer(1))
    );
    press(&mut app, "\"符明\" <Enter>");
    assert!(shows(&render(&app, 100, 30), "计票单第 1 遍（盲录）"));
    press(&mut app, &sheet_script(1, 1, &pass1));
    press(&mut app, "s");
    assert_eq!(app.status, Some(Status::Info("第 1 遍已保存".into())));
    assert!(round(&app).sheets[0].is_some() && round(&app).sheets[1].is_none());
    assert_eq!(round(&app).keyers[0].as_deref(), Some("符明"));
    // Pass 2 asks for its keyer too: another person.
    assert_eq!(
        app.prompt.as_ref().map(|p| &p.kind),
        Some(&PromptKind::Keyer(2))
    );
    press(&mut app, "\"蒋小雨\" <Enter>");
    // Pass 2 starts blank: blind to pass 1.
    let b = render(&app, 100, 30);
    assert!(shows(&b, "计票单第 2 遍（盲录）"));
    assert!(!shows(&b, " 8 "), "pass 1 must not show in pass 2");
    press(&mut app, &sheet_script(1, 1, &pass2));
    press(&mut app, "s");

    // Two cells differ: listed, marked, and counting cannot end.
    let diff = round(&app).open_differences();
    assert_eq!(diff, vec![SheetCell::Count(1, 1), SheetCell::Count(1, 2)]);
    assert_eq!(
        app.status,
        Some(Status::Info("两遍有 2 处不一致，已标出".into()))
    );
    let b = render(&app, 160, 45);
    assert!(shows(&b, "核对差异：按纸质计票单输入正确数"));
    // The cursor sits on the first difference and shows both passes.
    assert_eq!(fg_of(&b, "3/2"), Color::Red, "{}", screen(&b));
    let cells = b.buffer();
    let (_, y) = find(&b, "3/2").unwrap();
    assert!(row(&b, y).contains("蒋丽"));
    let red: String = (0..cells.area.width)
        .filter(|&x| cells[(x, y)].fg == Color::Red)
        .map(|x| cells[(x, y)].symbol().to_string())
        .collect::<String>()
        .replace(' ', "");
    assert_eq!(
        red, "3/20/1",
        "蒋丽's 称职 and 基本称职 cells are marked with both passes"
    );
    for other in NANTANG.iter().filter(|n| **n != "蒋丽") {
        let (_, y) = find(&b, other).unwrap();
        assert!(
            (0..cells.area.width).all(|x| cells[(x, y)].fg != Color::Red),
            "{other}'s row has no difference"
        );
    }
    assert_eq!(tally(&app).source, TallySource::SheetPending);
    assert_eq!(tally(&app).entered, 0, "nothing counts until resolved");

    press(&mut app, "<Esc>");
    refused(&mut app, "n", "计票单两遍录入有 2 处不一致，须核对");
    assert_eq!(step(&app), AgendaStep::Counting);
    let b = render(&app, 160, 45);
    assert_eq!(
        fg_of(&b, "- 计票单两遍录入有 2 处不一致，须核对"),
        Color::Red
    );
    assert!(shows(&b, "! 计票单未核对，结果暂不计入"));

    // Resolve from the paper: the cursor visits only the differences.
    press(&mut app, "t");
    // Saving before every difference was keyed again is refused: it
    // would just take pass 1's word for it.
    let before = app.model().events;
    press(&mut app, "s");
    assert_eq!(
        app.status,
        Some(Status::Error(
            "还有 2 处差异没有按纸质计票单重新输入".into()
        ))
    );
    assert_eq!(app.model().events, before);
    press(&mut app, "3 <Enter> 0 s");
    assert_eq!(
        app.status,
        Some(Status::Info("差异已按纸质计票单核对，结果已计入".into()))
    );
    assert!(round(&app).open_differences().is_empty());
    assert_eq!(
        round(&app).agreed.as_ref().unwrap().rows,
        pass1.map(|r| r.to_vec()).to_vec()
    );

    // The results count the resolved sheet.
    let t = tally(&app);
    assert_eq!(t.source, TallySource::Sheet);
    assert_eq!((t.entered, t.invalid, t.blank), (12, 1, 1));
    assert_eq!(t.subjects[1], subject([7, 3, 0, 0], 1, 0));
    assert_eq!(t.subjects[6], subject([7, 1, 0, 1], 1, 1));
    assert_eq!(t.subjects[3], subject([6, 3, 1, 0], 1, 0));
    // One blank and one invalid of 12 returned: both warnings acknowledged.
    press(&mut app, "<Esc> a n");
    assert_eq!(step(&app), AgendaStep::Results);
    assert!(shows(
        &render(&app, 160, 45),
        "已录入 12 / 收回 12   有效 11  废票 1  空白票 1"
    ));

    let model = app.model().clone();
    drop(app);
    assert_eq!(Store::open(&file(&dir)).unwrap().model, model);
}

// ---------------------------------------------------------------- 4

/// The help popup's rows: the text between its side borders, located by
/// its title.
fn help_rows(b: &TestBackend, title: &str) -> Vec<String> {
    let (tx, ty) = find(b, title).unwrap_or_else(|| panic!("no help on\n{}", screen(b)));
    let buf = b.buffer();
    let left = (0..tx)
        .rev()
        .find(|&x| buf[(x, ty)].symbol() == "┌")
        .unwrap();
    let right = (tx..buf.area.width)
        .find(|&x| buf[(x, ty)].symbol() == "┐")
        .unwrap();
    let mut out = Vec::new();
    for y in ty + 1..buf.area.height {
        if buf[(left, y)].symbol() == "└" {
            return out;
        }
        assert_eq!(buf[(left, y)].symbol(), "│");
        assert_eq!(buf[(right, y)].symbol(), "│");
        let mut text = String::new();
        let mut x = left + 1;
        while x < right {
            let sym = buf[(x, y)].symbol();
            text.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push(text);
    }
    panic!("help popup has no bottom border");
}

/// The app in each mode, reached by keys.
fn modes() -> Vec<(Mode, &'static str)> {
    vec![
        (Mode::Home, ""),
        (Mode::Prompt, "<Enter>"),
        (Mode::Agenda(StepKind::Numbers), "<Enter> <Enter>"),
        (
            Mode::Agenda(StepKind::Oral),
            "<Enter> <Enter> e \"45 40\" <Enter> n",
        ),
        (
            Mode::Agenda(StepKind::OralWithComment),
            "<Down> <Enter> <Enter> e \"45 40\" <Enter> n",
        ),
        (
            Mode::Agenda(StepKind::Written),
            "<Enter> <Enter> e \"45 40\" <Enter> n n n",
        ),
        (Mode::Agenda(StepKind::Counting), "COUNTING"),
        (Mode::Ballots, "COUNTING <Enter>"),
        (Mode::Sheet(SheetMode::First), "COUNTING t <Enter>"),
        (
            Mode::Sheet(SheetMode::Second),
            "COUNTING t <Enter> SHEET s <Enter>",
        ),
        (
            Mode::Sheet(SheetMode::Done),
            "COUNTING t <Enter> SHEET s <Enter> SHEET s",
        ),
        (Mode::Agenda(StepKind::Plain), "COUNTING TWELVE <Esc> n"),
        (Mode::Agenda(StepKind::Close), "COUNTING TWELVE <Esc> n n"),
        (Mode::Grading, "g"),
        (Mode::ConfirmQuit, "<C-c>"),
    ]
}

fn reach(app: &mut App, script: &str) {
    let sheet = format!(
        "1 <Enter> 0 <Enter>{}",
        " \"11\" <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter> 0 <Enter>".repeat(7)
    );
    let script = script
        .replace("COUNTING", &to_counting_script(12))
        .replace(
            "TWELVE",
            &format!("<Enter> 1 <Enter>{}", " <Space>".repeat(11)),
        )
        .replace("SHEET", &sheet);
    press(app, &script);
}

#[test]
fn footer_and_help_come_from_the_keymap() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let mut helps = Vec::new();
        for (mode, script) in modes() {
            let (_dir, mut app) = demo_app();
            reach(&mut app, script);
            assert_eq!(app.mode(), mode, "{script}: {:?}", app.status);
            let bindings = keymap::bindings(mode);

            // The footer: exactly the footer bindings, in table order.
            let expected: String = bindings
                .iter()
                .filter(|b| b.footer)
                .map(|b| format!(" {}  {}  ", b.keys, b.desc.text()))
                .collect();
            let expected = expected.trim_end();
            let w = (unicode_width::UnicodeWidthStr::width(expected) as u16 + 1).max(100);
            let b = render(&app, w, 30);
            assert_eq!(footer_line(&b), expected, "{mode:?}");
            // Each key label sits on the grey key background.
            let footer = row(&b, 29);
            for binding in bindings.iter().filter(|b| b.footer) {
                let label = format!(" {}  {}", binding.keys, binding.desc.text());
                let at = footer.find(&label).unwrap();
                let x = unicode_width::UnicodeWidthStr::width(&footer[..at]) as u16;
                assert_eq!(b.buffer()[(x + 1, 29)].bg, Color::Gray, "{mode:?} {label}");
            }

            // The help: every binding, in table order, where `?` opens it.
            let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
            if keymap::lookup(mode, &question) != Some(Action::Help) {
                continue;
            }
            press(&mut app, "?");
            assert!(app.help);
            helps.push(mode);
            let b = render(&app, 160, 45);
            let title = if l == Lang::Zh {
                "按键说明（任意键关闭）"
            } else {
                "Keys (any key closes)"
            };
            let rows = help_rows(&b, title);
            assert_eq!(rows.len(), bindings.len(), "{mode:?}: {rows:#?}");
            for (row, binding) in rows.iter().zip(&bindings) {
                let row = row.trim_end();
                let desc = binding.desc.text();
                assert!(
                    row.starts_with(binding.keys)
                        && row.ends_with(desc)
                        && row[binding.keys.len()..row.len() - desc.len()]
                            .chars()
                            .all(|c| c == ' '),
                    "{mode:?}: {row:?} is not {:?} {desc:?}",
                    binding.keys
                );
            }
            // Any key closes the help and does nothing else (here `n`,
            // which would otherwise move the agenda or be a row key).
            let model = app.model().clone();
            let draft = app.draft.clone();
            press(&mut app, "n");
            assert!(!app.help);
            assert_eq!(app.mode(), mode);
            assert_eq!(app.model(), &model);
            assert_eq!(app.draft, draft);
        }
        // Only the prompt and the quit question have no help of their own
        // (a `?` typed at a prompt is text).
        let all = modes().len();
        assert_eq!(helps.len(), all - 2, "{helps:?}");
    }
}

// ---------------------------------------------------------------- 5

/// The data on screen that stays Chinese in English: the campaign's
/// title, unit and person names, grade labels, and the comment typed.
fn data_strings(app: &App) -> Vec<String> {
    let c = &app.model().campaign;
    let mut v = vec![c.title.clone(), COMMENT.to_string()];
    for u in &c.units {
        v.push(u.name.clone());
        v.extend(u.subjects.iter().map(|s| s.name.clone()));
    }
    for m in &c.meetings {
        v.extend(m.scale.grades.iter().cloned());
    }
    // The final grades of the grading board: the notice's own words.
    for g in ceping::domain::grading::Group::ALL {
        v.extend(g.grades().iter().map(|s| s.to_string()));
    }
    // Longest first, so a name is removed before a grade inside it.
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

const COMMENT: &str = "抓党建有实招";

#[test]
fn english_screens_show_no_chinese_but_the_data() {
    let guard = lock(Lang::En);
    let oral = Mode::Agenda(StepKind::Oral);
    let counting = Mode::Agenda(StepKind::Counting);
    let close = "COUNTING TWELVE <Esc> n n <Enter>";
    let scripts: Vec<(String, Mode)> = [
        ("", Mode::Home),
        ("?", Mode::Home),
        ("<Enter>", Mode::Prompt),
        (
            "<Enter> <Enter> e \"45 40\" <Enter>",
            Mode::Agenda(StepKind::Numbers),
        ),
        ("<Enter> <Enter> e \"45 40\" <Enter> n <Space>", oral),
        (
            "<Enter> <Enter> e \"45 40\" <Enter> n n n <Space>",
            Mode::Agenda(StepKind::Written),
        ),
        ("PARTY n <Space> c \"抓党建\"", Mode::Prompt),
        (
            "PARTY n <Space> c \"抓党建有实招\" <Enter>",
            Mode::Agenda(StepKind::OralWithComment),
        ),
        ("COUNTING", counting),
        ("COUNTING n", counting),
        ("COUNTING <Enter> <Enter>", Mode::Ballots),
        ("COUNTING <Enter> 1 <Enter> r \"9\" <Enter>", Mode::Prompt),
        (
            "COUNTING <Enter> 1 <Enter> 1 c 2 <Enter> 0 <Enter> x <Enter> 1 c 2",
            Mode::Ballots,
        ),
        (
            "COUNTING <Enter> 1 <Enter> r \"1\" <Enter> <Enter> <Enter>",
            Mode::Ballots,
        ),
        (
            "COUNTING <Enter> 1 <Enter> r \"1\" <Enter> 2",
            Mode::Ballots,
        ),
        ("COUNTING <Enter> 1 <Enter> ?", Mode::Ballots),
        (
            "COUNTING t <Enter> 1 <Enter> 2",
            Mode::Sheet(SheetMode::First),
        ),
        ("COUNTING t <Enter> SHEET s", Mode::Prompt),
        ("COUNTING <C-c>", Mode::ConfirmQuit),
        (close, Mode::Prompt),
        ("CLOSE <Enter>", Mode::Agenda(StepKind::Closed)),
        ("CLOSE <Enter> <Esc> g", Mode::Grading),
        ("CLOSE <Enter> <Esc> g <Tab> ?", Mode::Grading),
        ("g <Tab> <Tab>", Mode::Grading),
        ("g <Tab> <Tab> <Tab>", Mode::Grading),
    ]
    .into_iter()
    .map(|(s, m)| {
        let s = s
            .replace("CLOSE", close)
            .replace("PARTY", "<Down> <Enter> <Enter> e \"30 28\" <Enter>");
        (s, m)
    })
    .collect();
    lang(&guard, Lang::En);
    for (script, mode) in &scripts {
        let script = script.as_str();
        let (_dir, mut app) = demo_app();
        reach(&mut app, script);
        assert_eq!(app.mode(), *mode, "{script}");
        advance(&mut app, 700);
        let data = data_strings(&app);
        for (w, h) in [(100, 30), (160, 45), (59, 20)] {
            let b = render(&app, w, h);
            for (y, row) in rows(b.buffer()).into_iter().enumerate() {
                let mut rest = row.clone();
                for d in &data {
                    rest = rest.replace(d.as_str(), " ");
                }
                // What is left in Chinese may only be a cut-off piece of
                // the data (a long name in a narrow column).
                for run in rest.split(|c: char| !is_cjk(c)).filter(|r| !r.is_empty()) {
                    assert!(
                        data.iter().any(|d| d.contains(run)),
                        "{script:?} at {w}x{h}, row {y}: {run:?} is not data:\n{row}"
                    );
                }
            }
        }
        // And the same screens in Chinese do show Chinese labels.
        lang(&guard, Lang::Zh);
        assert!(
            shows(&render(&app, 160, 45), "测评"),
            "{script:?}: the Chinese header"
        );
        lang(&guard, Lang::En);
        assert!(shows(&render(&app, 160, 45), "ceping"));
    }
}
