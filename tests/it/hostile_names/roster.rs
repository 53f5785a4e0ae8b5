//! The fuzz-style tests (roster and campaign file), and one plain example
//! per class in a roster with its exact sentences.

use super::*;

// ---------------------------------------------------------------------------
// The fuzz-style tests
// ---------------------------------------------------------------------------

#[test]
fn hostile_names_in_a_roster_are_refused_with_their_row_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (_, session) = demo_file(dir.path());
    let session = std::cell::RefCell::new(session);
    let strategy = (hostile(), 0..=GOOD.len(), any::<bool>());
    runner()
        .run(&strategy, |((name, problem), at, in_unit)| {
            let (unit, person, column) = if in_unit {
                (name.as_str(), "冉秀", Column::Unit)
            } else {
                ("南塘村", name.as_str(), Column::Name)
            };
            let (text, row) = roster_with(at, unit, person);
            let err = refused(
                &mut session.borrow_mut(),
                dir.path(),
                "hostile.csv",
                text.as_bytes(),
            );
            prop_assert_eq!(
                row_errors(&err),
                vec![(row, K::BadName { column, problem })],
                "{:?}",
                name
            );
            let zh = err.message(Lang::Zh);
            let en = err.message(Lang::En);
            let place_zh = format!("第 {row} 行“{}”", column.zh());
            let place_en = format!("row {row}, {}: ", column.zh());
            prop_assert!(
                zh.contains(&place_zh) && zh.contains("没有导入任何内容"),
                "{}",
                zh
            );
            prop_assert!(
                en.contains(&place_en) && en.contains("nothing was imported"),
                "{}",
                en
            );
            // The report never carries the hidden character itself.
            for text in [&zh, &en] {
                prop_assert!(!text.chars().any(shown_raw), "{:?}", text);
            }
            Ok(())
        })
        .unwrap();
    // The good roster still imports afterwards.
    let good = [HEADER]
        .iter()
        .chain(GOOD)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let path = dir.path().join("good.csv");
    std::fs::write(&path, good).unwrap();
    import(&mut session.borrow_mut(), &path).unwrap();
}

#[test]
fn hostile_names_in_a_campaign_file_are_refused_with_their_line() {
    let strategy = (hostile(), any::<bool>());
    runner()
        .run(&strategy, |((name, problem), literal)| {
            let (doc, line) = template_with("唐秀芬", &toml_string(&name, literal));
            let err = match campaign_toml::parse(&doc, "hostile.toml") {
                Ok(_) => return Err(TestCaseError::fail(format!("accepted {name:?}"))),
                Err(e) => e,
            };
            let expected = CampaignErrorKind::BadName {
                field: NameField::Subject,
                problem,
            };
            prop_assert_eq!(
                (err.line, err.column, &err.kind),
                (line, 8, &expected),
                "{:?}",
                name
            );
            let prefix = format!("hostile.toml:{line}:8: 被测评人姓名");
            prop_assert!(
                err.render(Lang::Zh).starts_with(&prefix),
                "{}",
                err.render(Lang::Zh)
            );
            let prefix = format!("hostile.toml:{line}:8: the subject's name ");
            prop_assert!(
                err.render(Lang::En).starts_with(&prefix),
                "{}",
                err.render(Lang::En)
            );
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------
// One plain example per class, with the exact sentences
// ---------------------------------------------------------------------------

/// (cell in 姓名, problem, zh sentence after "第 N 行", en after "row N, ").
#[rustfmt::skip]
fn roster_classes() -> Vec<(&'static str, P, &'static str, &'static str)> {
    vec![
        ("王\u{7}明", P::Control { ch: '\u{7}' },
            "“姓名”含有看不见的控制字符（U+0007），请删去后再导入。",
            "姓名: contains an invisible control character (U+0007); delete it and import again."),
        ("王\u{0}明", P::Control { ch: '\u{0}' },
            "“姓名”含有看不见的控制字符（U+0000），请删去后再导入。",
            "姓名: contains an invisible control character (U+0000); delete it and import again."),
        ("王\u{1B}[31m明", P::Control { ch: '\u{1B}' },
            "“姓名”含有看不见的控制字符（U+001B），请删去后再导入。",
            "姓名: contains an invisible control character (U+001B); delete it and import again."),
        ("王\t明", P::Control { ch: '\t' },
            "“姓名”含有看不见的控制字符（U+0009），请删去后再导入。",
            "姓名: contains an invisible control character (U+0009); delete it and import again."),
        ("王明\u{7F}", P::Control { ch: '\u{7F}' },
            "“姓名”含有看不见的控制字符（U+007F），请删去后再导入。",
            "姓名: contains an invisible control character (U+007F); delete it and import again."),
        ("王\u{9B}明", P::Control { ch: '\u{9B}' },
            "“姓名”含有看不见的控制字符（U+009B），请删去后再导入。",
            "姓名: contains an invisible control character (U+009B); delete it and import again."),
        ("\u{202E}明王", P::Control { ch: '\u{202E}' },
            "“姓名”含有看不见的控制字符（U+202E），请删去后再导入。",
            "姓名: contains an invisible control character (U+202E); delete it and import again."),
        ("王\u{2067}明\u{2069}", P::Control { ch: '\u{2067}' },
            "“姓名”含有看不见的控制字符（U+2067），请删去后再导入。",
            "姓名: contains an invisible control character (U+2067); delete it and import again."),
        ("王\u{200B}明", P::Control { ch: '\u{200B}' },
            "“姓名”含有看不见的控制字符（U+200B），请删去后再导入。",
            "姓名: contains an invisible control character (U+200B); delete it and import again."),
        ("王\u{FEFF}明", P::Control { ch: '\u{FEFF}' },
            "“姓名”含有看不见的控制字符（U+FEFF），请删去后再导入。",
            "姓名: contains an invisible control character (U+FEFF); delete it and import again."),
        ("王\u{3164}明", P::Blank { ch: '\u{3164}' },
            "“姓名”含有显示为空白的字符（U+3164），请删去后再导入。",
            "姓名: contains a character that shows as blank (U+3164); delete it and import again."),
        ("\u{200D}", P::Invisible,
            "“姓名”显示出来是空白，只有看不见的字符（如零宽字符、附加符号），请填写真实的名字后再导入。",
            "姓名: shows as blank: it holds only invisible characters (such as zero-width characters or combining marks); enter the real name and import again."),
        ("\u{301}\u{302}", P::Invisible,
            "“姓名”显示出来是空白，只有看不见的字符（如零宽字符、附加符号），请填写真实的名字后再导入。",
            "姓名: shows as blank: it holds only invisible characters (such as zero-width characters or combining marks); enter the real name and import again."),
        (" \u{FE0F}\u{3000}", P::Invisible,
            "“姓名”显示出来是空白，只有看不见的字符（如零宽字符、附加符号），请填写真实的名字后再导入。",
            "姓名: shows as blank: it holds only invisible characters (such as zero-width characters or combining marks); enter the real name and import again."),
        ("\u{301}王明", P::LoneMark { ch: '\u{301}' },
            "“姓名”有一个附加符号（U+0301）前面没有可以附着的字，请删去后再导入。",
            "姓名: has a combining mark (U+0301) with no letter to sit on; delete it and import again."),
        ("欧阳明月欧阳明月欧阳明月欧阳明月欧阳明月欧阳明月欧阳明月欧阳明", P::TooLong { chars: 31 },
            "“姓名”超过 30 个字（有 31 个字），请改短后再导入。",
            "姓名: is longer than 30 characters (it has 31); shorten it and import again."),
    ]
}

#[rustfmt::skip]
#[test]
fn each_class_in_a_roster_has_its_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    for (cell, problem, zh, en) in roster_classes() {
        // Row 5: the hostile row after three good ones.
        let (text, row) = roster_with(3, "南塘村", cell);
        assert_eq!(row, 5);
        let err = refused(&mut session, dir.path(), "bad.csv", text.as_bytes());
        assert_eq!(row_errors(&err), vec![(5, K::BadName { column: Column::Name, problem })], "{cell:?}");
        let e = &err.rows()[0];
        assert_eq!(e.message(Lang::Zh, &[]), format!("第 5 行{zh}"));
        assert_eq!(e.message(Lang::En, &[]), format!("row 5, {en}"));
        assert_eq!(
            err.message(Lang::Zh),
            format!("名单 bad.csv 有 1 处错误，没有导入任何内容：\n  第 5 行{zh}\n请改正名单后再导入。")
        );
        assert_eq!(
            err.message(Lang::En),
            format!("the roster bad.csv has 1 error(s); nothing was imported:\n  row 5, {en}\nCorrect the roster and import it again.")
        );
    }
}

#[test]
fn the_unit_column_is_checked_too_and_display_follows_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let (text, row) = roster_with(1, "南塘\u{202E}村", "冉秀");
    assert_eq!(row, 3);
    let err = refused(&mut session, dir.path(), "bad.csv", text.as_bytes());
    assert_eq!(
        row_errors(&err),
        vec![(
            3,
            K::BadName {
                column: Column::Unit,
                problem: P::Control { ch: '\u{202E}' }
            }
        )]
    );
    // Display follows the language (this test's thread's own).
    i18n::set_thread_lang(Lang::En);
    let en = err.to_string();
    i18n::set_thread_lang(Lang::Zh);
    let zh = err.to_string();
    assert!(
        zh.contains("  第 3 行“单位”含有看不见的控制字符（U+202E），请删去后再导入。\n"),
        "{zh}"
    );
    assert!(
        en.contains(
            "  row 3, 单位: contains an invisible control character (U+202E); delete it and import again.\n"
        ),
        "{en}"
    );
    // The first problem alone, for the status line.
    let (first, count) = err.first(Lang::Zh);
    assert_eq!(
        (first.as_str(), count),
        (
            "第 3 行“单位”含有看不见的控制字符（U+202E），请删去后再导入。",
            1
        )
    );
}

#[test]
fn every_bad_row_is_listed_and_other_errors_still_show() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let long = "王".repeat(31);
    let rows = [
        HEADER.to_string(),
        GOOD[0].to_string(),
        format!("南塘村,{},两委成员,", field("陶\u{0}立群")),
        format!("{},冉秀,工作队队员,", field(&long)),
        "南塘村,柏云,第一书记,".to_string(),
        format!("南塘村,{},两委成员,", field("\u{200C}\u{200D}")),
    ];
    let err = refused(
        &mut session,
        dir.path(),
        "bad.csv",
        rows.join("\n").as_bytes(),
    );
    assert_eq!(
        row_errors(&err),
        vec![
            (
                3,
                K::BadName {
                    column: Column::Name,
                    problem: P::Control { ch: '\u{0}' }
                }
            ),
            (
                4,
                K::BadName {
                    column: Column::Unit,
                    problem: P::TooLong { chars: 31 }
                }
            ),
            (
                5,
                K::UnplacedTitle {
                    value: "第一书记".into(),
                    unplaced: ceping::domain::titles::Unplaced::FirstSecretary
                }
            ),
            (
                6,
                K::BadName {
                    column: Column::Name,
                    problem: P::Invisible
                }
            ),
        ]
    );
}

#[test]
fn a_hostile_name_in_an_xlsx_roster_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["单位", "姓名", "职务"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ["南塘村", "石晓岚", "党组织书记"],
        ["南塘村", "陶\u{202D}立群", "两委成员"],
        ["南塘村", "柏\u{7}云", "两委成员"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *text).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let err = refused(&mut session, dir.path(), "bad.xlsx", &bytes);
    assert_eq!(
        row_errors(&err),
        vec![
            (
                3,
                K::BadName {
                    column: Column::Name,
                    problem: P::Control { ch: '\u{202D}' }
                }
            ),
            (
                4,
                K::BadName {
                    column: Column::Name,
                    problem: P::Control { ch: '\u{7}' }
                }
            ),
        ]
    );
}
