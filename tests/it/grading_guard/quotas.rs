//! The quotas still hold with the guard.

use super::*;

#[test]
fn quotas_still_hold_with_the_guard() {
    each_lang(|l, _| {
        let (_dir, mut app) = demo_at("g");
        // Two provisional 一类, confirmed.
        recorded(&mut app, "1 <Enter>");
        recorded(&mut app, "<Down> 1 <Enter>");
        // The third is refused at once with the quota's reason: no
        // question first, nothing recorded.
        refused(
            &mut app,
            "<Down> 1",
            &quota_full(l, Group::Units, "一类", 2, 4, 50),
        );
        assert_eq!(app.prompt(), None);
        assert_eq!(grade(&app, &unit("西塘村")), None);

        // The cadres' soft quota: six confirmed 优秀, then the seventh
        // asks the guard's question and, confirmed, the justification.
        press(&mut app, "<Tab> <Tab>");
        assert_eq!(app.grading_group, Group::Cadres);
        recorded(&mut app, "1 <Enter>");
        for _ in 1..6 {
            recorded(&mut app, "<Down> 1 <Enter>");
        }
        press(&mut app, "<Down>");
        let seventh = app.grading_row().unwrap().target;
        press(&mut app, "1");
        assert!(matches!(
            app.prompt().map(|p| &p.kind),
            Some(PromptKind::ConfirmProvisional(Decision::Grade(t), 0)) if *t == seventh
        ));
        let over = zh_en(
            l,
            "优秀原则上最多 6 个，已经评了 6 个；超出须写明理由。",
            "In principle at most 6 优秀, 6 already given; exceeding it needs a written justification.",
        );
        refused(&mut app, "<Enter>", over);
        assert_eq!(
            app.prompt().map(|p| &p.kind),
            Some(&PromptKind::Justification(seventh.clone(), 0))
        );
        // Esc at the justification records nothing either.
        press(&mut app, "<Esc>");
        assert_eq!(grade(&app, &seventh), None);
        press(&mut app, "1 <Enter>");
        let e = recorded(&mut app, "\"群众满意度第一\" <Enter>");
        assert_eq!(
            e,
            Event::GradeAssigned {
                target: seventh.clone(),
                grade: Some(0),
                justification: Some("群众满意度第一".into())
            }
        );
        let b = render(&app, 160, 45);
        let Target::Person { name, .. } = &seventh else {
            unreachable!()
        };
        let justified = zh_en(l, "优秀（有理由）", "优秀(justified)");
        assert!(
            board_row(&b, name).contains(&format!("{justified}{}", mark(l))),
            "{}",
            screen(&b)
        );
    });
}
