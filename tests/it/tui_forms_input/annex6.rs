//! 附件6 on the grading board's secretaries view: `p` sets a secretary's
//! 综合评分 (0-100; empty goes back to the suggested score, shown marked
//! 建议), `m` enters or replaces the 综合评价材料; each is one event, and
//! a refusal changes nothing.

use super::*;
use crate::support::board::board_row;
use crate::support::meeting::{close, key_ballots_with, to_counting};
use ceping::domain::BallotContent;
use ceping::domain::grading::Group;

/// 南塘村's Party-building review, closed with 10 ballots for its
/// secretary 龚晓峰: 6 好 (95 points each) and 4 较好 (85); with no
/// investigation yet the suggested 综合评分 is the review's mean, 91.
fn review_closed(app: &mut App) {
    let round = nantang(MeetingKind::PartyBuildingReview);
    let s = &mut app.session;
    to_counting(s, &round, [30, 28, 10, 10]);
    key_ballots_with(s, &round, 10, |n, lines| {
        BallotContent::all(if n <= 6 { 0 } else { 1 }, lines)
    });
    close(s, &round);
}

/// The secretaries view, 南塘村's secretary selected (first: the only
/// one with results).
fn secretaries(app: &mut App) {
    review_closed(app);
    press(app, "g <Tab>");
    assert_eq!(app.grading_group, Group::Secretaries);
    assert_eq!(app.grading_row().unwrap().name, "龚晓峰");
}

fn score_set(score: Option<u32>) -> Event {
    Event::CombinedScoreSet {
        unit: "南塘村".into(),
        secretary: "龚晓峰".into(),
        score,
    }
}

const MATERIAL: &str = "抓党建责任落实到位，村级阵地建设有新进展";

#[test]
fn a_score_is_set_refused_and_cleared_through_the_keys() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        secretaries(&mut app);
        let b = render(&app, 160, 45);
        let suggested = zh_en(l, "91 建议", "91 suggested");
        assert!(
            board_row(&b, "龚晓峰").contains(suggested),
            "{}",
            screen(&b)
        );

        press(&mut app, "p");
        let b = render(&app, 160, 45);
        assert_eq!(
            status_line(&b),
            zh_en(
                l,
                "龚晓峰 的综合评分（0-100；不填则用建议分 91）：",
                "Score of 龚晓峰 (0-100; empty: the suggested 91):"
            )
        );
        let e = recorded(&mut app, "\"88\" <Enter>");
        assert_eq!(e, score_set(Some(88)));
        assert_eq!(asking(&app), None);
        let b = render(&app, 160, 45);
        let row = board_row(&b, "龚晓峰");
        assert!(row.contains(" 88 ") && !row.contains(suggested), "{row}");

        // Above 100: the domain's sentence; not a number: ours. The
        // question stays open, the score stays 88.
        refused(
            &mut app,
            "p \"101\" <Enter>",
            zh_en(
                l,
                "综合评分 101 超出了 0 到 100 分。",
                "The score 101 is outside 0 to 100.",
            ),
        );
        assert!(matches!(asking(&app), Some(PromptKind::Score(..))));
        refused(
            &mut app,
            "<BS> <BS> <BS> \"8x\" <Enter>",
            zh_en(
                l,
                "请输入 0 到 100 的整数",
                "Type a whole number from 0 to 100",
            ),
        );
        press(&mut app, "<Esc>");

        // Empty: back to the suggestion.
        let e = recorded(&mut app, "p <Enter>");
        assert_eq!(e, score_set(None));
        assert!(board_row(&render(&app, 160, 45), "龚晓峰").contains(suggested));
        // Empty again: nothing to go back from, nothing recorded.
        nothing_recorded(&mut app, "p <Enter>");
        assert_eq!(asking(&app), None);
        let e = recorded(&mut app, "p \"0\" <Enter>");
        assert_eq!(e, score_set(Some(0)), "0 is a score");
    }
}

#[test]
fn the_written_evaluation_is_entered_and_replaced() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        secretaries(&mut app);
        let b = render(&app, 100, 30);
        assert!(shows(
            &b,
            zh_en(
                l,
                "（尚无评价材料，按 m 录入）",
                "(no written evaluation yet; press m)"
            )
        ));
        let e = recorded(&mut app, &format!("m \"{MATERIAL}\" <Enter>"));
        assert_eq!(
            e,
            Event::CombinedMaterialSet {
                unit: "南塘村".into(),
                secretary: "龚晓峰".into(),
                text: MATERIAL.into(),
            }
        );
        let b = render(&app, 160, 45);
        let label = zh_en(l, "综合评价材料：", "Written evaluation: ");
        assert!(shows(&b, &format!("{label}{MATERIAL}")), "{}", screen(&b));
        // At 100 columns a long text is cut to one line, marked "...".
        let long = MATERIAL.repeat(3);
        recorded(&mut app, &format!("m <C-u> \"{long}\" <Enter>"));
        let b = render(&app, 100, 30);
        let (_, y) = find(&b, label).unwrap();
        let shown = row(&b, y);
        assert!(shown.contains("...") && shown.ends_with('│'), "{shown}");

        // The recorded text comes back pre-filled, the cursor at its end:
        // Enter records nothing, typing adds to it, Ctrl-U clears it.
        press(&mut app, "m");
        assert_eq!(app.prompt().unwrap().input().text(), long);
        nothing_recorded(&mut app, "<Enter>");
        let e = recorded(&mut app, "m \"。\" <Enter>");
        assert!(
            matches!(e, Event::CombinedMaterialSet { text, .. } if text == format!("{long}。"))
        );
        let e = recorded(&mut app, "m <C-u> \"材料已更新\" <Enter>");
        assert!(matches!(e, Event::CombinedMaterialSet { text, .. } if text == "材料已更新"));
    }
}

/// Scores on the other groups' rows are not a thing: `p` and `m` ask
/// nothing there.
#[test]
fn score_and_material_keys_ask_only_for_secretaries() {
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = demo_app();
    press(&mut app, "g");
    assert_eq!(app.grading_group, Group::Units);
    nothing_recorded(&mut app, "p m");
    assert_eq!(asking(&app), None);
}

/// 龚晓峰 with a score of 87 and a written evaluation, 汤建华 (no review
/// yet) with neither.
fn board_with_annex6(app: &mut App) {
    secretaries(app);
    press(app, &format!("p \"87\" <Enter> m \"{MATERIAL}\" <Enter>"));
}

#[test]
fn secretaries_view_with_score_and_material() {
    snap("grading_annex6", board_with_annex6, |l, _, b| {
        assert!(board_row(b, "龚晓峰").contains(" 87 "));
        assert!(board_row(b, "汤建华").contains(" - "));
        assert!(shows(b, zh_en(l, "综合评价材料：", "Written evaluation: ")));
    });
}
