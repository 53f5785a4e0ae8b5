//! 缺席 at the roll call: `b` adds a name and its reason, `x` takes one
//! off; each change is one `AbsenteesRecorded` with the whole list, and
//! every refusal is the domain's sentence, changing nothing.

use super::*;
use ceping::app::StepKind;
use ceping::domain::attendance::{AbsenceReason, Absentee};

/// From the street board to 南塘村's roll call with 应到 45, 实到 40.
const ROLL_CALL: &str = "<Enter> <Enter> e \"45 40\" <Enter>";

fn absent(name: &str, reason: AbsenceReason) -> Absentee {
    Absentee {
        name: name.into(),
        reason,
    }
}

fn listed(list: Vec<Absentee>) -> Event {
    Event::AbsenteesRecorded {
        round: nantang(MeetingKind::AnnualReview),
        absentees: list,
    }
}

fn absentees(app: &App) -> Vec<Absentee> {
    app.current_round().unwrap().absentees.clone()
}

#[test]
fn absentees_are_added_and_removed_as_one_list_each_time() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, ROLL_CALL);
        assert_eq!(app.mode(), Mode::Agenda(StepKind::Numbers));
        let b = render(&app, 100, 30);
        assert!(footer_line(&b).contains(zh_en(l, " b  登记缺席", " b  add absentee")));
        assert!(shows(
            &b,
            zh_en(
                l,
                "缺席：（未登记，按 b 登记）",
                "Absent: (none listed; press b)"
            )
        ));

        // Name, then the reason: one event with the list so far.
        press(&mut app, "b \"柳青山\" <Enter>");
        assert_eq!(
            asking(&app),
            Some(PromptKind::AbsenceReason("柳青山".into()))
        );
        let e = recorded(&mut app, "1 <Enter>");
        assert_eq!(e, listed(vec![absent("柳青山", AbsenceReason::Leave)]));
        assert_eq!(asking(&app), None);
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "已登记缺席：柳青山（请假）",
                    "Absentee added: 柳青山 (on leave)"
                )
                .into()
            ))
        );
        let e = recorded(&mut app, "b \"宋雨桐\" <Enter> 2 <Enter>");
        let both = vec![
            absent("柳青山", AbsenceReason::Leave),
            absent("宋雨桐", AbsenceReason::Business),
        ];
        assert_eq!(e, listed(both.clone()));
        let e = recorded(&mut app, "b \" 何 晓 \" <Enter> 3 <Enter>");
        let mut three = both.clone();
        three.push(absent("何晓", AbsenceReason::Other));
        assert_eq!(e, listed(three), "the name is kept as the reader sees it");

        // The panel lists them with their reasons, and how many of the
        // missing are listed.
        let b = render(&app, 160, 45);
        let line = zh_en(
            l,
            "缺席：柳青山（请假）、宋雨桐（公出）、何晓（其他）",
            "Absent: 柳青山 (on leave), 宋雨桐 (official business), 何晓 (other)",
        );
        assert!(shows(&b, line), "{}", screen(&b));
        assert!(shows(
            &b,
            zh_en(l, "未到 5 人，已登记 3 人", "5 missing, 3 listed")
        ));

        // Off the list by name, then by number.
        let e = recorded(&mut app, "x \"柳青山\" <Enter>");
        assert_eq!(
            e,
            listed(vec![
                absent("宋雨桐", AbsenceReason::Business),
                absent("何晓", AbsenceReason::Other),
            ])
        );
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "已从缺席名单删除：柳青山（请假）",
                    "Removed from the absentee list: 柳青山 (on leave)"
                )
                .into()
            ))
        );
        let e = recorded(&mut app, "x \"2\" <Enter>");
        assert_eq!(e, listed(vec![absent("宋雨桐", AbsenceReason::Business)]));
        let e = recorded(&mut app, "x \"1\" <Enter>");
        assert_eq!(e, listed(vec![]));
        assert!(absentees(&app).is_empty());
    }
}

#[test]
fn each_refusal_is_the_domains_sentence_and_changes_nothing() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        press(&mut app, "<Enter> <Enter>");

        // Before 应到/实到: refused at once, nothing asked.
        refused(
            &mut app,
            "b",
            zh_en(
                l,
                "先完成点名（录入应到、实到），再登记缺席人员。",
                "Do the roll call (expected, present) before listing who is absent.",
            ),
        );
        assert_eq!(asking(&app), None);

        // One missing (45 / 44): one absentee, then the list is full.
        press(&mut app, "e \"45 44\" <Enter>");
        press(&mut app, "b \"柳青山\" <Enter> 1 <Enter>");
        assert_eq!(absentees(&app).len(), 1);
        refused(
            &mut app,
            "b",
            zh_en(
                l,
                "缺席名单有 2 人，而应到减实到只有 1 人。请核对名单或点名人数。",
                "The absentee list has 2 people, but expected minus present is only 1. Check the list or the roll call.",
            ),
        );
        assert_eq!(asking(&app), None);

        // Two missing: an empty name, a name twice, a hidden character,
        // and a reason that is not 1-3 are refused with the question kept.
        press(&mut app, "e \"45 43\" <Enter>");
        refused(
            &mut app,
            "b <Enter>",
            zh_en(
                l,
                "缺席人员的姓名不能为空。",
                "An absentee's name cannot be empty.",
            ),
        );
        assert_eq!(asking(&app), Some(PromptKind::AbsenteeName));
        refused(
            &mut app,
            "\"柳青山\" <Enter>",
            zh_en(
                l,
                "“柳青山”在缺席名单上出现了两次。",
                "\"柳青山\" is on the absentee list twice.",
            ),
        );
        press(&mut app, "<Esc>");
        let hostile = "b \"宋\u{202E}雨\" <Enter>";
        press(&mut app, hostile);
        assert!(
            matches!(&app.status, Some(Status::Error(s)) if s.contains("宋<U+202E>雨")),
            "{:?}",
            app.status
        );
        assert_eq!(asking(&app), Some(PromptKind::AbsenteeName));
        press(&mut app, "<Esc>");
        press(&mut app, "b \"宋雨桐\" <Enter>");
        refused(
            &mut app,
            "4 <Enter>",
            zh_en(l, "请输入 1、2 或 3", "Type 1, 2 or 3"),
        );
        // Esc at the reason: the name is not listed, and the line says so.
        nothing_recorded(&mut app, "<Esc>");
        assert_eq!(absentees(&app).len(), 1);
        assert_eq!(
            app.status,
            Some(Status::Info(
                zh_en(
                    l,
                    "已取消，没有记录任何内容",
                    "Cancelled: nothing was recorded"
                )
                .into()
            ))
        );

        // Taking off someone not listed, or from an empty list.
        refused(
            &mut app,
            "x \"宋雨桐\" <Enter>",
            zh_en(
                l,
                "缺席名单上没有“宋雨桐”",
                "\"宋雨桐\" is not on the absentee list",
            ),
        );
        press(&mut app, "<Esc> x \"1\" <Enter>");
        assert!(absentees(&app).is_empty());
        refused(
            &mut app,
            "x",
            zh_en(l, "缺席名单是空的", "The absentee list is empty"),
        );
    }
}

/// Issuing and collecting take numbers only: `b` and `x` are the roll
/// call's, and do nothing there.
#[test]
fn the_absentee_keys_belong_to_the_roll_call() {
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = demo_app();
    press(&mut app, "<Enter> <Enter> e \"45 40\" <Enter> n n n n");
    assert_eq!(app.mode(), Mode::Agenda(StepKind::Handout));
    nothing_recorded(&mut app, "b x");
    assert_eq!(asking(&app), None);
    assert!(!footer_line(&render(&app, 160, 45)).contains("登记缺席"));
}

/// 宋雨桐 on leave and 何晓 away on business, of five missing.
fn roll_call_with_absentees(app: &mut App) {
    press(app, ROLL_CALL);
    press(
        app,
        "b \"宋雨桐\" <Enter> 1 <Enter> b \"何晓\" <Enter> 2 <Enter>",
    );
}

#[test]
fn roll_call_panel_with_absentees() {
    snap("rollcall_absentees", roll_call_with_absentees, |l, _, b| {
        // One line where it fits; wrapped at 80 columns.
        let text: String = rows(b.buffer())
            .iter()
            .map(|r| {
                // The roll-call panel: right of the agenda's border.
                let panel = r.rsplit("││").next().unwrap_or(r);
                panel.trim_matches(|c| c == '│' || c == ' ').to_string()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let absent = zh_en(
            l,
            "缺席：宋雨桐（请假）、何晓（公出）",
            "Absent: 宋雨桐 (on leave), 何晓 (official business)",
        );
        let squeezed = |s: &str| s.replace(' ', "");
        assert!(squeezed(&text).contains(&squeezed(absent)), "{}", screen(b));
        assert!(shows(
            b,
            zh_en(l, "未到 5 人，已登记 2 人", "5 missing, 2 listed")
        ));
    });
}
