//! Duplicates compared on the visible form, and the campaign TOML: each
//! field and class with its sentence, through the library and the binary.

use super::*;

// ---------------------------------------------------------------------------
// Duplicates are compared on the normalised, visible form
// ---------------------------------------------------------------------------

#[test]
fn roster_duplicates_compare_the_visible_form() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    // "王\u{7}明" and "王明" can never both pass: the first is refused.
    let cases: [(&str, &str, K); 5] = [
        (
            "王\u{7}明",
            "王明",
            K::BadName {
                column: Column::Name,
                problem: P::Control { ch: '\u{7}' },
            },
        ),
        (
            "Ame\u{301}lie",
            "Am\u{E9}lie",
            K::DuplicatePerson {
                unit: "南塘村".into(),
                name: "Am\u{E9}lie".into(),
                first_row: 5,
            },
        ),
        (
            "Li Lei",
            "Li\u{3000}Lei",
            K::DuplicatePerson {
                unit: "南塘村".into(),
                name: "Li Lei".into(),
                first_row: 5,
            },
        ),
        (
            "Ｌｉ Ｌｅｉ",
            "Li Lei",
            K::DuplicatePerson {
                unit: "南塘村".into(),
                name: "Li Lei".into(),
                first_row: 5,
            },
        ),
        (
            "王明",
            "王明\u{FE0F}",
            K::DuplicatePerson {
                unit: "南塘村".into(),
                name: "王明\u{FE0F}".into(),
                first_row: 5,
            },
        ),
    ];
    for (first, second, kind) in cases {
        let (text, _) = roster_with(3, "南塘村", first);
        let mut rows: Vec<&str> = text.lines().collect();
        let extra = format!("南塘村,{},工作队队员,", field(second));
        rows.insert(5, &extra);
        let err = refused(
            &mut session,
            dir.path(),
            "dup.csv",
            rows.join("\n").as_bytes(),
        );
        let row = if matches!(kind, K::BadName { .. }) {
            5
        } else {
            6
        };
        assert_eq!(row_errors(&err), vec![(row, kind)], "{first:?} {second:?}");
    }
}

#[test]
fn campaign_duplicates_compare_the_visible_form() {
    let t = campaign_toml::template();
    let (line1, line2) = (
        line_of(t, "name = \"唐秀芬\""),
        line_of(t, "name = \"冯磊\""),
    );
    for (first, second) in [
        ("Ame\u{301}lie", "Am\u{E9}lie"),
        ("Li Lei", "Li\u{3000}Lei"),
        ("Ｌｉ Ｌｅｉ", "Li Lei"),
        ("冯磊\u{FE0F}", "冯磊"),
    ] {
        let doc = t
            .replacen("name = \"唐秀芬\"", &format!("name = \"{first}\""), 1)
            .replacen("name = \"冯磊\"", &format!("name = \"{second}\""), 1);
        let err = campaign_toml::parse(&doc, "dup.toml").unwrap_err();
        assert!(
            matches!(&err.kind, CampaignErrorKind::DuplicateSubject { first_line, .. } if *first_line == line1),
            "{first:?} {second:?}: {err:?}"
        );
        assert_eq!((err.line, err.column), (line2, 8));
    }
    let doc = campaign_toml::template().replacen("name = \"唐秀芬\"", "name = \"王\\u0007明\"", 1);
    let doc = doc.replacen("name = \"冯磊\"", "name = \"王明\"", 1);
    let err = campaign_toml::parse(&doc, "dup.toml").unwrap_err();
    assert_eq!(
        err.kind,
        CampaignErrorKind::BadName {
            field: NameField::Subject,
            problem: P::Control { ch: '\u{7}' }
        }
    );
}

// ---------------------------------------------------------------------------
// The campaign TOML: each field and class with its sentence
// ---------------------------------------------------------------------------

#[test]
fn each_class_in_a_campaign_file_has_its_sentence() {
    let cases: Vec<(&str, &str, usize, &str, &str)> = vec![
        (
            "唐秀芬",
            r#""唐\u0007秀芬""#,
            8,
            "被测评人姓名含有看不见的控制字符（U+0007）。请删去它；编辑器里看不见时，把整个名字删掉重新输入。",
            "the subject's name contains an invisible control character (U+0007). Delete it; if your editor does not show it, delete the whole name and type it again.",
        ),
        (
            "唐秀芬",
            "\"唐\u{202E}秀芬\"",
            8,
            "被测评人姓名含有看不见的控制字符（U+202E）。请删去它；编辑器里看不见时，把整个名字删掉重新输入。",
            "the subject's name contains an invisible control character (U+202E). Delete it; if your editor does not show it, delete the whole name and type it again.",
        ),
        (
            "唐秀芬",
            "\"唐\t秀芬\"",
            8,
            "被测评人姓名含有看不见的控制字符（U+0009）。请删去它；编辑器里看不见时，把整个名字删掉重新输入。",
            "the subject's name contains an invisible control character (U+0009). Delete it; if your editor does not show it, delete the whole name and type it again.",
        ),
        (
            "唐秀芬",
            "\"\u{200D}\"",
            8,
            "被测评人姓名显示出来是空白，只有看不见的字符（如零宽字符、附加符号）。请重新输入被测评人姓名。",
            "the subject's name shows as blank: it holds only invisible characters (such as zero-width characters or combining marks). Type it in again.",
        ),
        (
            "唐秀芬",
            "\"\u{301}唐秀芬\"",
            8,
            "被测评人姓名有一个附加符号（U+0301）前面没有可以附着的字。请删去这个符号，或把它写在它所属的字后面。",
            "the subject's name has a combining mark (U+0301) with no letter to sit on. Delete the mark, or put it right after the letter it belongs to.",
        ),
        (
            "唐秀芬",
            "\"唐秀芬唐秀芬唐秀芬唐秀芬唐秀芬唐秀芬唐秀芬唐秀芬唐秀芬唐秀芬唐\"",
            8,
            "被测评人姓名超过 30 个字（有 31 个字）。请改短，只写名字本身（职务、备注等不要写进名字）。",
            "the subject's name is longer than 30 characters (it has 31). Shorten it: write only the name itself, without titles or notes.",
        ),
        (
            "南塘村",
            r#""南塘\u2066村""#,
            8,
            "单位名称含有看不见的控制字符（U+2066）。请删去它；编辑器里看不见时，把整个名字删掉重新输入。",
            "the unit name contains an invisible control character (U+2066). Delete it; if your editor does not show it, delete the whole name and type it again.",
        ),
    ];
    for (target, value, column, zh, en) in cases {
        let (doc, line) = template_with(target, value);
        let err = campaign_toml::parse(&doc, "bad.toml").unwrap_err();
        assert_eq!(
            err.render(Lang::Zh),
            format!("bad.toml:{line}:{column}: {zh}"),
            "{value}"
        );
        assert_eq!(
            err.render(Lang::En),
            format!("bad.toml:{line}:{column}: {en}"),
            "{value}"
        );
    }
    // The work group: lead, liaison and members.
    let t = campaign_toml::template();
    for (old, new, column, field) in [
        (
            "lead = \"林志远\"",
            "lead = \"林\\u001B志远\"",
            8,
            "第一责任人（lead）姓名",
        ),
        (
            "liaison = \"吕佳\"",
            "liaison = \"吕\\u0000佳\"",
            11,
            "联络员（liaison）姓名",
        ),
        (
            "members = [\"谢国平\", \"郑丽\"]",
            "members = [\"谢国平\", \"郑\\u200B丽\"]",
            19,
            "工作组成员姓名",
        ),
    ] {
        let line = line_of(t, old);
        let err = campaign_toml::parse(&t.replacen(old, new, 1), "bad.toml").unwrap_err();
        assert_eq!((err.line, err.column), (line, column), "{new}");
        let zh = err.render(Lang::Zh);
        assert!(
            zh.starts_with(&format!(
                "bad.toml:{line}:{column}: {field}含有看不见的控制字符（U+"
            )),
            "{zh}"
        );
    }
}

/// `ceping init --campaign` with a hostile name says where and creates
/// nothing.
#[test]
fn init_with_a_hostile_name_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, line) = template_with("唐秀芬", r#""唐\u0007秀芬""#);
    let toml = dir.path().join("bad.toml");
    std::fs::write(&toml, doc).unwrap();
    let out = ceping(dir.path(), &["init", "x.ceping", "--campaign", "bad.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "错误：bad.toml:{line}:8: 被测评人姓名含有看不见的控制字符（U+0007）。请删去它；编辑器里看不见时，把整个名字删掉重新输入。\n"
        )
    );
    assert!(!dir.path().join("x.ceping").exists());
}

/// `ceping import` with a hostile roster: the sentence, exit 1, and the
/// campaign file holds as many events as before.
#[test]
fn the_binary_refuses_a_hostile_roster() {
    let dir = tempfile::tempdir().unwrap();
    let (path, session) = demo_file(dir.path());
    let events = session.store.read_after(0).unwrap().len();
    drop(session);
    let (text, _) = roster_with(3, "南塘村", "王\u{7}明");
    std::fs::write(dir.path().join("bad.csv"), text).unwrap();
    let out = ceping(dir.path(), &["import", "street.ceping", "bad.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("第 5 行“姓名”含有看不见的控制字符（U+0007），请删去后再导入。"),
        "{said}"
    );
    assert!(!said.contains('\u{7}'), "{said}");
    let out = ceping(
        dir.path(),
        &["--lang", "en", "import", "street.ceping", "bad.csv"],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(
            "row 5, 姓名: contains an invisible control character (U+0007); delete it and import again."
        ),
        "{said}"
    );
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.store.read_after(0).unwrap().len(), events);
}

#[test]
fn the_demo_and_the_template_names_pass() {
    for source in [campaign_toml::demo_source(), campaign_toml::template()] {
        let c = campaign_toml::parse(source, "ok.toml").unwrap();
        for u in &c.units {
            let mut names = vec![&u.name, &u.work_group.lead, &u.work_group.liaison];
            names.extend(&u.work_group.members);
            names.extend(u.subjects.iter().map(|s| &s.name));
            for n in names {
                assert_eq!(ceping::domain::names::check_name(n).as_ref(), Ok(n), "{n}");
            }
        }
    }
}
