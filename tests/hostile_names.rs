//! Input limits (issue 10): hostile names and oversized files.
//!
//! Names with control or format characters (C0, DEL, C1, bidi embeddings,
//! overrides and isolates, zero-width characters, the byte-order mark),
//! names that show as blank, and names over 30 characters are refused in a
//! roster (with the row and the column) and in the campaign TOML (with the
//! line and column), and nothing is imported. Campaign files and rosters
//! over 16 MiB, endless devices and pipes are refused without being read
//! into memory. All names are invented.

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use ceping::campaign_toml::{self, CampaignErrorKind, MAX_INPUT_BYTES, NameField};
use ceping::domain::names::NameProblem as P;
use ceping::i18n::{self, Lang};
use ceping::import::{Column, ImportError, RowErrorKind as K, import};
use ceping::store::{Session, Store};
use support::bin::ceping;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// The language is process-wide: tests that render through Display hold
/// this lock while they set it.
static LANG: Mutex<()> = Mutex::new(());

fn lang_lock(lang: Lang) -> MutexGuard<'static, ()> {
    let guard = LANG.lock().unwrap_or_else(|e| e.into_inner());
    i18n::set_lang(lang);
    guard
}

const HEADER: &str = "单位,姓名,职务,述职方式";

/// A valid roster for two of the demo's units.
const GOOD: &[&str] = &[
    "南塘村,石晓岚,党组织书记,口头",
    "南塘村,陶立群,两委成员,书面",
    "南塘村,柏云,两委成员,",
    "南塘村,韦建明,工作队队长,",
    "回龙村,卜家豪,党组织书记,",
    "回龙村,薛宁,两委成员,",
    "回龙村,凌志,驻村工作队队长,",
];

fn demo(dir: &tempfile::TempDir) -> (PathBuf, Session) {
    let path = dir.path().join("street.ceping");
    let session = Store::create(&path, &campaign_toml::demo()).unwrap();
    (path, session)
}

/// A CSV field, always quoted (a hostile name may hold a line break).
fn field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// GOOD with one more row at data position `at` (0 = first data row),
/// holding `unit` and `name`; returns the CSV text and that row's number.
fn roster_with(at: usize, unit: &str, name: &str) -> (String, usize) {
    let mut rows: Vec<String> = GOOD.iter().map(|r| r.to_string()).collect();
    let at = at.min(rows.len());
    rows.insert(at, format!("{},{},工作队队员,", field(unit), field(name)));
    rows.insert(0, HEADER.to_string());
    (rows.join("\r\n") + "\r\n", at + 2)
}

/// Import `bytes` (written as `file`) into `session`: it must be refused
/// and change nothing, neither the log nor the model.
fn refused(session: &mut Session, dir: &Path, file: &str, bytes: &[u8]) -> ImportError {
    let before = (
        session.store.last_seq(),
        session.store.read_after(0).unwrap().len(),
        session.model.clone(),
    );
    let path = dir.join(file);
    std::fs::write(&path, bytes).unwrap();
    let err = import(session, &path).unwrap_err();
    let after = (
        session.store.last_seq(),
        session.store.read_after(0).unwrap().len(),
        session.model.clone(),
    );
    assert!(before == after, "nothing may be imported: {err:?}");
    err
}

fn row_errors(err: &ImportError) -> Vec<(usize, K)> {
    err.rows().iter().map(|e| (e.row, e.kind.clone())).collect()
}

/// A name as a TOML basic string; `literal` keeps every character that
/// TOML allows unescaped, otherwise all but plain letters are escaped.
fn toml_string(name: &str, literal: bool) -> String {
    let mut out = String::from("\"");
    for c in name.chars() {
        let must_escape = c == '"'
            || c == '\\'
            || (c.is_control() && c != '\t' && (c as u32) < 0x80)
            || c == '\u{7F}';
        let plain = c.is_alphanumeric() && (c as u32) < 0x1_0000 && !c.is_control();
        if must_escape || (!literal && !plain) {
            if (c as u32) > 0xFFFF {
                out.push_str(&format!("\\U{:08X}", c as u32));
            } else {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// The template with `target` (written `name = "…"`) replaced by `name`;
/// returns the document and the 1-based line of that name.
fn template_with(target: &str, toml_value: &str) -> (String, usize) {
    let t = campaign_toml::template();
    let old = format!("name = \"{target}\"");
    let line = line_of(t, &old);
    (t.replacen(&old, &format!("name = {toml_value}"), 1), line)
}

// ---------------------------------------------------------------------------
// Hostile names: a generator and the problem each must be refused with
// ---------------------------------------------------------------------------

fn cjk() -> impl Strategy<Value = char> {
    proptest::char::range('\u{4E00}', '\u{9FA5}')
}

/// Characters that must never be inside a name: C0, DEL, C1, bidi
/// embeddings/overrides/isolates, other format characters.
fn hidden() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('\u{0}', '\u{1F}'),
        Just('\u{7F}'),
        proptest::char::range('\u{80}', '\u{9F}'),
        proptest::char::range('\u{202A}', '\u{202E}'),
        proptest::char::range('\u{2066}', '\u{2069}'),
        proptest::char::range('\u{200B}', '\u{200F}'),
        Just('\u{FEFF}'),
        Just('\u{00AD}'),
        Just('\u{2060}'),
        Just('\u{180E}'),
        Just('\u{061C}'),
        Just('\u{E0001}'),
        proptest::char::range('\u{E0020}', '\u{E007F}'),
    ]
}

/// Characters that show nothing by themselves (joiners, combining marks
/// with no base, variation selectors) and spaces.
fn invisible_part() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('\u{200C}'),
        Just('\u{200D}'),
        proptest::char::range('\u{300}', '\u{36F}'),
        proptest::char::range('\u{FE00}', '\u{FE0F}'),
        Just(' '),
        Just('\u{3000}'),
    ]
}

/// A hostile name and the problem it must be refused with.
fn hostile() -> impl Strategy<Value = (String, P)> {
    // CJK letters with hidden characters among them (a hidden character
    // that is also white space strictly inside, where it is not trimmed).
    let with_hidden = (
        proptest::collection::vec(cjk(), 2..=40),
        proptest::collection::vec((hidden(), any::<prop::sample::Index>()), 1..=3),
    )
        .prop_map(|(letters, inserts)| {
            let mut chars = letters;
            for (h, at) in inserts {
                let at = if h.is_whitespace() {
                    1 + at.index(chars.len() - 1)
                } else {
                    at.index(chars.len() + 1)
                };
                chars.insert(at, h);
            }
            let first = *chars
                .iter()
                .find(|c| !c.is_alphanumeric())
                .expect("a hidden character");
            (chars.into_iter().collect(), P::Control { ch: first })
        });
    // Nothing visible: at least one joiner, mark or selector.
    let invisible = (
        prop_oneof![
            Just('\u{200C}'),
            Just('\u{200D}'),
            proptest::char::range('\u{300}', '\u{36F}'),
            proptest::char::range('\u{FE00}', '\u{FE0F}'),
        ],
        proptest::collection::vec(invisible_part(), 0..=6),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(one, mut rest, at)| {
            let at = at.index(rest.len() + 1);
            rest.insert(at, one);
            (rest.into_iter().collect(), P::Invisible)
        });
    // Too long: 31 to 80 letters, padding spaces that do not count.
    let overlong = (
        proptest::collection::vec(cjk(), 31..=80),
        proptest::collection::vec(
            (
                prop_oneof![Just(' '), Just('\u{3000}')],
                any::<prop::sample::Index>(),
            ),
            0..=4,
        ),
    )
        .prop_map(|(letters, spaces)| {
            let chars = letters.len();
            let mut all = letters;
            for (s, at) in spaces {
                let at = at.index(all.len() + 1);
                all.insert(at, s);
            }
            (all.into_iter().collect(), P::TooLong { chars })
        });
    prop_oneof![3 => with_hidden, 1 => invisible, 1 => overlong]
}

/// A hidden character that a message must not carry as such.
fn shown_raw(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{AD}' | '\u{180E}' | '\u{61C}' | '\u{E0000}'..='\u{E00FF}')
}

/// The 1-based line of the only occurrence of `needle` in `doc`.
fn line_of(doc: &str, needle: &str) -> usize {
    assert_eq!(doc.matches(needle).count(), 1, "{needle} must be unique");
    doc[..doc.find(needle).unwrap()].matches('\n').count() + 1
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    })
}

// ---------------------------------------------------------------------------
// The fuzz-style tests
// ---------------------------------------------------------------------------

#[test]
fn hostile_names_in_a_roster_are_refused_with_their_row_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (_, session) = demo(&dir);
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
    let (_, mut session) = demo(&dir);
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
    let (_, mut session) = demo(&dir);
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
    let guard = lang_lock(Lang::En);
    let en = err.to_string();
    i18n::set_lang(Lang::Zh);
    let zh = err.to_string();
    drop(guard);
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
    let (_, mut session) = demo(&dir);
    let long = "王".repeat(31);
    let rows = [
        HEADER.to_string(),
        GOOD[0].to_string(),
        format!("南塘村,{},两委成员,", field("陶\u{0}立群")),
        format!("{},冉秀,工作队队员,", field(&long)),
        "南塘村,柏云,村长,".to_string(),
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
                K::UnknownRole {
                    value: "村长".into()
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
    let (_, mut session) = demo(&dir);
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

// ---------------------------------------------------------------------------
// Duplicates are compared on the normalised, visible form
// ---------------------------------------------------------------------------

#[test]
fn roster_duplicates_compare_the_visible_form() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo(&dir);
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
    let (path, session) = demo(&dir);
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

// ---------------------------------------------------------------------------
// Files over 16 MiB, devices and pipes
// ---------------------------------------------------------------------------

const TOML_TOO_LARGE_ZH: &str = "考核方案文件大于 16 MiB，没有读取。考核方案通常只有几 KB 到几十 KB：请检查是否选错了文件（`ceping template` 可以生成一份示例）。";
const TOML_TOO_LARGE_EN: &str = "the campaign file is larger than 16 MiB, so it was not read. A campaign file is usually a few kilobytes: check that you chose the right file (`ceping template` prints an example).";

#[test]
fn a_campaign_file_over_16_mib_is_refused_unread() {
    assert_eq!(MAX_INPUT_BYTES, 16 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    // Sparse: refused by its length, without reading a byte.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_INPUT_BYTES + 1)
        .unwrap();
    let err = campaign_toml::load(&big).unwrap_err();
    assert_eq!(err.kind, CampaignErrorKind::TooLarge);
    assert_eq!(
        err.render(Lang::Zh),
        format!("{}:0:0: {TOML_TOO_LARGE_ZH}", big.display())
    );
    assert_eq!(
        err.render(Lang::En),
        format!("{}:0:0: {TOML_TOO_LARGE_EN}", big.display())
    );
}

#[cfg(unix)]
#[test]
fn init_from_dev_zero_ends_promptly_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    for (args, sentence) in [
        (
            vec!["init", "x.ceping", "--campaign", "/dev/zero"],
            format!("错误：/dev/zero:0:0: {TOML_TOO_LARGE_ZH}\n"),
        ),
        (
            vec![
                "--lang",
                "en",
                "init",
                "x.ceping",
                "--campaign",
                "/dev/zero",
            ],
            format!("error: /dev/zero:0:0: {TOML_TOO_LARGE_EN}\n"),
        ),
    ] {
        let started = Instant::now();
        let out = ceping(dir.path(), &args);
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&out.stderr), sentence);
        assert!(!dir.path().join("x.ceping").exists());
    }
}

/// A FIFO fed without end: read up to the limit, then refused.
#[cfg(unix)]
#[test]
fn an_endless_pipe_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.map(|s| s.success()).unwrap_or(false) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            let chunk = "# 注释 comment\n".repeat(4096);
            // Ends when the reader closes the pipe (EPIPE).
            while f.write_all(chunk.as_bytes()).is_ok() {}
        })
    };
    let err = campaign_toml::load(&fifo).unwrap_err();
    assert_eq!(err.kind, CampaignErrorKind::TooLarge);
    writer.join().unwrap();
}

const ROSTER_TOO_LARGE_ZH: &str = "名单 {file} 大于 16 MiB，没有读取。一份名单通常只有几十 KB：请检查是否选错了文件；如确是名单，请只保留单位、姓名、职务、述职方式几列，另存后再导入。";
const ROSTER_TOO_LARGE_EN: &str = "the roster {file} is larger than 16 MiB, so it was not read. A roster is usually a few dozen kilobytes: check that you chose the right file; if it is the roster, keep only the columns 单位, 姓名, 职务 and 述职方式, save it and import again.";

#[test]
fn a_roster_over_16_mib_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo(&dir);
    let seq = session.store.last_seq();
    for file in ["big.csv", "big.xlsx"] {
        let path = dir.path().join(file);
        std::fs::File::create(&path)
            .unwrap()
            .set_len(MAX_INPUT_BYTES + 1)
            .unwrap();
        let err = import(&mut session, &path).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
        assert_eq!(
            err.message(Lang::Zh),
            ROSTER_TOO_LARGE_ZH.replace("{file}", file)
        );
        assert_eq!(
            err.message(Lang::En),
            ROSTER_TOO_LARGE_EN.replace("{file}", file)
        );
    }
    assert_eq!(session.store.last_seq(), seq);
}

/// `/dev/zero` under a roster's name: read up to the limit, then refused.
#[cfg(unix)]
#[test]
fn a_roster_that_never_ends_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo(&dir);
    let seq = session.store.last_seq();
    for file in ["zero.csv", "zero.xlsx"] {
        let link = dir.path().join(file);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let started = Instant::now();
        let err = import(&mut session, &link).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(20));
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    }
    assert_eq!(session.store.last_seq(), seq);
}
