//! The grading board (评定等次), driven only through its keys on the demo
//! campaign (4 units, 4 Party secretaries, 20 village cadres, 4 work
//! teams): every quota at its edge, the soft quota's written
//! justification, the cross-rule between the Party-building review and the
//! annual grade, the talk and the rectification list, the JSON export, and
//! snapshots of the board in both languages at 100x30 and 160x45.
//!
//! Accept new or changed snapshots with `cargo insta review`, or write
//! them directly with `INSTA_UPDATE=always cargo test --test it grading::`.

use crate::support::app::*;
use crate::support::board::{board_row, counter, not_good, quota_full};
use crate::support::campaign::{person, team, unit};
use crate::support::meeting::{key, key_ballots_with, open};
use crate::support::zh_en;
use ceping::app::{App, Mode, PromptKind, ScreenId};
use ceping::domain::grading::{
    Combined, FinalGrade, Group, Rectification, RectificationStatus, Target,
};
use ceping::domain::{BallotContent, Event, Mark, MeetingKind, RoundStatus};
use ceping::i18n::Lang;
use ceping::store::chain;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use serde_json::Value;

mod cross_rule;
mod export;
mod quotas;

fn grade(app: &App, target: &Target) -> Option<FinalGrade> {
    app.model().grading.grades.get(target).cloned()
}

fn top(justification: Option<&str>) -> Option<FinalGrade> {
    Some(FinalGrade {
        grade: 0,
        justification: justification.map(str::to_string),
    })
}

fn graded(g: u8) -> Option<FinalGrade> {
    Some(FinalGrade {
        grade: g,
        justification: None,
    })
}

fn combined(app: &App, unit: &str, secretary: &str) -> Combined {
    app.model()
        .grading
        .combined
        .get(&(unit.to_string(), secretary.to_string()))
        .cloned()
        .unwrap_or_default()
}

fn rectification(app: &App, unit: &str, secretary: &str) -> Option<Rectification> {
    app.model()
        .grading
        .rectifications
        .get(&(unit.to_string(), secretary.to_string()))
        .cloned()
}

/// The quota counter: the second row of the board.
fn quota_line(b: &TestBackend) -> String {
    row(b, 2).trim_end().to_string()
}

/// The grading guard asks before a grade or combined evaluation that
/// rests on a meeting not closed: confirm it if it asked.
fn confirm_provisional(app: &mut App) {
    if matches!(
        app.prompt().map(|p| &p.kind),
        Some(PromptKind::ConfirmProvisional(..))
    ) {
        press(app, "<Enter>");
    }
}

/// The mark of a provisional grade on the board.
fn provisional(l: Lang) -> &'static str {
    zh_en(l, "（暂定）", " (provisional)")
}

// ------------------------------------------------------------ the graded demo

/// Record, as set-up, a whole round of `meeting` in `unit`: roll call
/// 45/40, `ballots.len()` issued and returned, and the ballots.
fn record_round(app: &mut App, unit: &str, meeting: MeetingKind, ballots: &[BallotContent]) {
    let round = key(unit, meeting, 1);
    let n = ballots.len() as u32;
    open(&mut app.session, &round, [45, 40, n, n]);
    key_ballots_with(&mut app.session, &round, n, |number, _| {
        ballots[number as usize - 1].clone()
    });
}

fn marks(grades: &[u8]) -> BallotContent {
    BallotContent::Marks(grades.iter().map(|&g| Mark::Grade(g)).collect())
}

/// The demo with some democratic results and the office's decisions, all
/// decisions through the board's keys:
/// - 南塘村's annual review run and closed through the keys (12 ballots:
///   8 all 优秀, 4 all 称职);
/// - 回龙村's annual review and 南塘村's Party-building review recorded as
///   set-up;
/// - units: 南塘村 一类, 回龙村 二类;
/// - secretaries: 龚晓峰 好 and 优秀; 汤建华 investigated 较好 and combined
///   较好, 称职; 彭振华 一般 (a talk) with a rectification entry in
///   progress; 袁丽华 nothing yet;
/// - cadres: 7 优秀, the 7th justified; work teams: 南塘村 优秀.
///
/// Leaves the board on the secretaries, 彭振华 selected.
fn graded_demo(app: &mut App) {
    press(app, &to_counting_script(12));
    press(
        app,
        "<Enter> 1 <Enter> <Space> <Space> <Space> <Space> <Space> <Space> <Space> \
         2 <Enter> <Space> <Space> <Space> <Esc> n n <Enter> <Enter>",
    );
    assert!(matches!(
        app.model()
            .current_round("南塘村", MeetingKind::AnnualReview)
            .unwrap()
            .status,
        RoundStatus::Closed { .. }
    ));
    press(app, "<Esc>");
    assert_eq!(app.screen.id(), ScreenId::Home);

    let mut huilong = vec![marks(&[0, 0, 1, 1, 0, 0]); 5];
    huilong.push(marks(&[1, 0, 1, 1, 0, 0]));
    huilong.extend(vec![marks(&[1, 1, 1, 2, 1, 3]); 3]);
    huilong.push(BallotContent::Blank);
    record_round(app, "回龙村", MeetingKind::AnnualReview, &huilong);
    let mut review = vec![marks(&[0]); 9];
    review.extend([marks(&[1]), marks(&[1]), marks(&[2])]);
    record_round(app, "南塘村", MeetingKind::PartyBuildingReview, &review);

    press(app, "g");
    // Units, in the proposed order: 南塘村 (8/12 优秀), 回龙村, then the
    // two without results.
    // Every unit and secretary waits for a Party-building review, so the
    // grading guard asks (Enter confirms).
    press(app, "1 <Enter> <Down> 2 <Enter>");
    // Secretaries: 龚晓峰 first (南塘村's results), then 汤建华.
    press(app, "<Tab> c 1 <Enter> <Enter> 1 <Enter>");
    press(
        app,
        "<Down> i \"2 走访群众，反映较好\" <Enter> c 2 <Enter> <Enter> 2 <Enter>",
    );
    press(
        app,
        "<Down> c 3 <Enter> <Enter> r \"村务公开不及时\" <Tab> \"每月公开一次\" <Tab> \"2022-03-31\" <Tab> \"彭振华\" <Enter> s",
    );
    // Cadres: six, then a seventh with a reason. 南塘村's (closed) are
    // final; the others' the guard asks about.
    press(app, "<Tab> 1");
    for _ in 1..7 {
        press(app, "<Down> 1");
        confirm_provisional(app);
    }
    press(app, "\"牵头完成危房改造\" <Enter>");
    // Work teams: 南塘村 优秀.
    press(app, "<Tab> 1");
    // Back to the secretaries, 彭振华 selected.
    press(app, "<Tab> <Tab> <Down> <Down>");
    assert_eq!(app.grading_group, Group::Secretaries);
    assert_eq!(app.status, None, "every step was accepted");
}

// ------------------------------------------------------------ snapshots

#[test]
fn snapshots_of_the_grading_board() {
    each_lang(|l, tag| {
        let (_dir, mut app) = demo_app();
        graded_demo(&mut app);
        // The secretaries, 彭振华 (talk, rectification entry) selected.
        for (w, h) in SIZES {
            let b = render(&app, w, h);
            assert!(
                quota_line(&b).starts_with(&counter(l, Group::Secretaries, "优秀", 1, 1, 4, 40)),
                "{}",
                screen(&b)
            );
            assert!(
                shows(&b, zh_en(l, "一般 约谈", "一般 talk")),
                "{}",
                screen(&b)
            );
            assert!(
                shows(
                    &b,
                    zh_en(
                        l,
                        "存在问题：村务公开不及时；整改措施：每月公开一次；",
                        "Problems: 村务公开不及时; Measures: 每月公开一次; "
                    )
                ),
                "{}",
                screen(&b)
            );
            // The final grade, the column the office reads, at every
            // size: the other columns give way first.
            assert!(board_row(&b, "龚晓峰").contains("优秀"), "{}", screen(&b));
            assert!(board_row(&b, "汤建华").contains("称职"), "{}", screen(&b));
            // The selected row is highlighted: 彭振华, whose entry shows.
            let (x, y) = find(&b, "彭振华").unwrap();
            assert!(board_row(&b, "彭振华").contains(zh_en(l, "一般 约谈", "一般 talk")));
            assert!(b.buffer()[(x, y)].modifier.contains(Modifier::REVERSED));
            insta::assert_snapshot!(format!("secretaries_{tag}_{w}x{h}"), screen(&b));
        }
        // The units.
        press(&mut app, "<Tab> <Tab> <Tab> <Down>");
        assert_eq!(app.grading_group, Group::Units);
        for (w, h) in SIZES {
            let b = render(&app, w, h);
            assert_eq!(
                quota_line(&b),
                counter(l, Group::Units, "一类", 1, 2, 4, 50)
            );
            assert!(board_row(&b, "南塘村").contains("一类"));
            assert!(board_row(&b, "回龙村").contains("二类"));
            insta::assert_snapshot!(format!("units_{tag}_{w}x{h}"), screen(&b));
        }
    });
}
