//! Input limits (issue 10): hostile names and oversized files.
//!
//! Names with control or format characters (C0, DEL, C1, bidi embeddings,
//! overrides and isolates, zero-width characters, the byte-order mark),
//! names that show as blank, and names over 30 characters are refused in a
//! roster (with the row and the column) and in the campaign TOML (with the
//! line and column), and nothing is imported. Campaign files and rosters
//! over 16 MiB, endless devices and pipes are refused without being read
//! into memory. All names are invented.

mod campaign;
mod limits;
mod roster;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::support::bin::ceping;
use crate::support::campaign::demo_file;
use ceping::campaign_toml::{self, CampaignErrorKind, MAX_INPUT_BYTES, NameField};
use ceping::domain::names::NameProblem as P;
use ceping::i18n::{self, Lang};
use ceping::import::{Column, ImportError, RowErrorKind as K, import};
use ceping::store::{Session, Store};

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

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
