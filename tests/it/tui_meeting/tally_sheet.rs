//! Double entry of the tally sheet (计票单), with a mismatch between the
//! two passes resolved on screen.

use super::*;

#[test]
fn double_entry_of_the_tally_sheet_with_a_mismatch() {
    let _guard = lock(Lang::Zh);
    let (dir, mut app) = demo_at(&to_counting_script(12));
    assert_eq!(step(&app), AgendaStep::Counting);

    let pass1 = SHEET_12;
    let mut pass2 = pass1;
    pass2[1] = [7, 2, 1, 0, 1, 0]; // 蒋丽: 称职 and 基本称职 differ

    // Pass 1: it asks who keys it (the counter's name, optional).
    press(&mut app, "t");
    assert_eq!(app.screen.id(), ScreenId::Sheet(nantang_review()));
    assert_eq!(app.prompt().map(|p| &p.kind), Some(&PromptKind::Keyer(1)));
    press(&mut app, "\"符明\" <Enter>");
    assert!(shows(&render(&app, 100, 30), "计票单第 1 遍（盲录）"));
    press(&mut app, &sheet_script(1, 1, &pass1));
    press(&mut app, "s");
    assert_eq!(app.status, Some(Status::Info("第 1 遍已保存".into())));
    assert!(round(&app).sheets[0].is_some() && round(&app).sheets[1].is_none());
    assert_eq!(round(&app).keyers[0].as_deref(), Some("符明"));
    // Pass 2 asks for its keyer too: another person.
    assert_eq!(app.prompt().map(|p| &p.kind), Some(&PromptKind::Keyer(2)));
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
    // 公布结果 reads the round out (issue 13).
    assert!(shows(
        &render(&app, 160, 45),
        "发出 12 张，收回 12 张，有效 11 张，废票 1 张"
    ));

    let model = app.model().clone();
    drop(app);
    assert_eq!(Store::open(&file(&dir)).unwrap().model, model);
}
