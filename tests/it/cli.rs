//! The command line as a user meets it: exit codes, messages, files.

use std::path::{Path, PathBuf};

use crate::support::bin::{ceping, command, stderr, stdout};
use crate::support::campaign::*;
use crate::support::meeting::{key_ballots_with, open};
use crate::support::zh_en;
use ceping::campaign_toml::{CampaignErrorKind as K, NameField, ValueType};
use ceping::catalog::{CliText, Msg};
use ceping::domain::{BallotContent, Mark};
use ceping::export::ExportError;
use ceping::export::forms::FormsError;
use ceping::fsid::{OutputKind, OutputRefusal};
use ceping::i18n::Lang;
use ceping::merge::MergeError;
use ceping::store::{Store, StoreError, sidecar};

#[test]
fn init_demo_then_verify() {
    let dir = tempfile::tempdir().unwrap();
    let o = ceping(dir.path(), &["init", "a.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ceping(dir.path(), &["verify", "a.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("完好：1 条记录，4 个单位"),
        "{}",
        stdout(&o)
    );
    let o = ceping(dir.path(), &["--lang", "en", "verify", "a.ceping"]);
    assert!(
        stdout(&o).starts_with("OK: 1 events, 4 units"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ceping"), "keep me").unwrap();
    let o = ceping(dir.path(), &["init", "a.ceping"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("已经存在"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.ceping")).unwrap(),
        "keep me"
    );
}

/// Malformed definitions: `ceping init --campaign` names file, line and
/// column and the problem's sentence (exactly what the user reads), and
/// writes nothing at all.
#[test]
fn init_with_a_bad_campaign_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let template = ceping::campaign_toml::template();
    // The line of the template's `year = 2021`, and of a `[[units]]`
    // appended to it after a blank line.
    let year = 1 + template
        .lines()
        .position(|l| l == "year = 2021")
        .expect("the template sets year = 2021");
    let appended = template.lines().count() + 2;
    let value = "year = ".chars().count() + 1;
    let cases: Vec<(String, usize, usize, K)> = vec![
        (
            template.replacen("year = 2021", "year = 2021\ncolour = \"red\"", 1),
            year + 1,
            1,
            K::UnknownKey {
                key: "colour".into(),
                allowed: ["title", "year", "meetings", "rules", "units"]
                    .map(String::from)
                    .to_vec(),
            },
        ),
        (
            template.replacen("year = 2021", "year = \"2021\"", 1),
            year,
            value,
            K::WrongType {
                expected: ValueType::Integer,
                found: "\"2021\"".into(),
            },
        ),
        (
            template.replacen("year = 2021", "year = 2021 2022", 1),
            year,
            value,
            K::Syntax {
                detail: "string values must be quoted, expected literal string".into(),
            },
        ),
        (
            template.replacen("year = 2021", "year = 1850", 1),
            year,
            value,
            K::YearOutOfRange { year: 1850 },
        ),
        (
            format!("{template}\n[[units]]\nname = \"\"\nkind = \"村\"\n"),
            appended,
            1,
            K::MissingKey {
                key: "work_group".into(),
            },
        ),
        (
            format!(
                "{template}\n[[units]]\nname = \"\"\nkind = \"村\"\n\n[units.work_group]\nlead = \"甲\"\nliaison = \"乙\"\n"
            ),
            appended + 1,
            "name = ".chars().count() + 1,
            K::EmptyName {
                field: NameField::Unit,
            },
        ),
    ];
    for (i, (toml, line, column, kind)) in cases.into_iter().enumerate() {
        let src = format!("bad{i}.toml");
        std::fs::write(dir.path().join(&src), toml).unwrap();
        let out = format!("out{i}.ceping");
        let o = ceping(dir.path(), &["init", &out, "--campaign", &src]);
        assert_eq!(o.status.code(), Some(1), "{kind:?}");
        let sentence = kind.message(Lang::Zh);
        assert_eq!(
            stderr(&o),
            format!("错误：{src}:{line}:{column}: {sentence}\n"),
            "{kind:?}"
        );
        for p in [dir.path().join(&out)] {
            for f in [
                p.clone(),
                sidecar(&p, "-wal"),
                sidecar(&p, "-shm"),
                sidecar(&p, ".lock"),
            ] {
                assert!(!f.exists(), "{kind:?}: {} was written", f.display());
            }
        }
    }
}

#[test]
fn a_second_writer_is_told_who_holds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ceping");
    let _holder = Store::create(&path, &small_campaign()).unwrap();
    let o = ceping(dir.path(), &["open", "a.ceping"]);
    assert_eq!(o.status.code(), Some(1));
    let pid = std::process::id().to_string();
    assert!(
        stderr(&o).contains("正在被另一个 ceping 写入"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains(&pid), "{}", stderr(&o));
    // Readers are fine meanwhile.
    assert!(ceping(dir.path(), &["verify", "a.ceping"]).status.success());
    assert!(
        ceping(dir.path(), &["export", "a.ceping", "--format", "json"])
            .status
            .success()
    );
}

#[test]
fn verify_fails_with_the_first_bad_event() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ceping");
    drop(small_file(&path, 4));
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "DROP TRIGGER events_no_update; UPDATE events SET ts = '2022-01-01' WHERE seq = 4;",
    )
    .unwrap();
    drop(c);
    let o = ceping(dir.path(), &["--lang", "en", "verify", "a.ceping"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("damaged at event 4"), "{}", stderr(&o));
}

#[test]
fn export_json_carries_the_tally() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ceping");
    let mut s = Store::create(&path, &small_campaign()).unwrap();
    let key = annual_round("南塘村");
    open(&mut s, &key, [10, 8, 8, 8]);
    let g = Mark::Grade;
    let ballots = [
        BallotContent::all(0, 5),
        BallotContent::all(0, 5),
        BallotContent::all(1, 5),
        BallotContent::Marks(vec![g(0), g(1), Mark::Abstain, Mark::Void, g(3)]),
        BallotContent::Blank,
        BallotContent::Invalid,
    ];
    key_ballots_with(&mut s, &key, 6, |number, _| {
        ballots[number as usize - 1].clone()
    });
    let head = ceping::store::chain::to_hex(&s.store.head());
    drop(s);

    let o = ceping(
        dir.path(),
        &["export", "a.ceping", "--format", "json", "-o", "r.json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(v["schema"], "ceping.results.v1");
    assert_eq!(v["fingerprint"], head.as_str());
    assert_eq!(v["campaign"]["year"], 2021);
    let round = &v["units"][0]["meetings"][0]["rounds"][0];
    assert_eq!(round["status"], "open");
    assert_eq!(
        (round["expected"].as_u64(), round["present"].as_u64()),
        (Some(10), Some(8))
    );
    assert_eq!(round["quorum_met"], true);
    assert_eq!(round["entered"], 6);
    assert_eq!(round["invalid_ballots"], 1);
    assert_eq!(round["blank_ballots"], 1);
    let secretary = &round["subjects"][0];
    assert_eq!(secretary["name"], "柏云飞");
    assert_eq!(secretary["role"], "party_secretary");
    assert_eq!(
        secretary["counts"],
        serde_json::json!({"优秀": 3, "称职": 1, "基本称职": 0, "不称职": 0})
    );
    assert_eq!(secretary["abstain"], 1);
    assert_eq!(secretary["rates"]["top"], 0.75);
    let third = &round["subjects"][2];
    assert_eq!(third["abstain"], 2);
    assert_eq!(round["subjects"][3]["void_marks"], 1);
    let leader = &round["subjects"][4];
    assert_eq!(leader["counts"]["不称职"], 1);
    // 2 of 4 graded marks are 优秀: 优秀+称职 = 3/4, not below 2/3.
    assert_eq!(leader["flags"]["top_two_below_warning"], false);

    // The output is kept unless --force.
    let o = ceping(
        dir.path(),
        &["export", "a.ceping", "--format", "json", "-o", "r.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"));
    let o = ceping(
        dir.path(),
        &[
            "export", "a.ceping", "--format", "json", "-o", "r.json", "--force",
        ],
    );
    assert!(o.status.success());
}

#[test]
fn template_prints_a_definition_that_init_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let o = ceping(dir.path(), &["template"]);
    assert!(o.status.success());
    // The text tests/it/campaign_parse.rs checks key by key against the parser.
    assert_eq!(stdout(&o), ceping::campaign_toml::template());
    std::fs::write(dir.path().join("t.toml"), &o.stdout).unwrap();
    let o = ceping(dir.path(), &["init", "t.ceping", "--campaign", "t.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `ceping ARGS` in `dir`: its standard output, which must be all there is
/// (exit 0, nothing on standard error).
fn help_text(dir: &Path, args: &[&str]) -> String {
    let o = ceping(dir, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    assert_eq!(stderr(&o), "", "{args:?}");
    stdout(&o)
}

/// `ceping --help` and `ceping export --help`: Chinese by default, English
/// with `--lang en`, `--lang=en` or `CEPING_LANG=en`; `-h` and `ceping help
/// COMMAND` print the same.
#[test]
fn help_is_chinese_by_default_and_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let help = |args: &[&str]| help_text(dir.path(), args);
    let zh = help(&["--help"]);
    insta::assert_snapshot!("help_zh", zh);
    let en = help(&["--lang", "en", "--help"]);
    insta::assert_snapshot!("help_en", en);
    assert_eq!(help(&["-h"]), zh);
    assert_eq!(help(&["help"]), zh);
    assert_eq!(help(&["--help", "--lang=en"]), en);
    let o = command()
        .env("CEPING_LANG", "en")
        .arg("--help")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(stdout(&o), en);

    let export_zh = help(&["export", "--help"]);
    insta::assert_snapshot!("export_help_zh", export_zh);
    let export_en = help(&["export", "--help", "--lang", "en"]);
    insta::assert_snapshot!("export_help_en", export_en);
    assert_eq!(help(&["export", "-h"]), export_zh);
    assert_eq!(help(&["help", "export"]), export_zh);
    assert_eq!(help(&["--lang", "en", "help", "export"]), export_en);

    let version = help(&["--version"]);
    assert_eq!(version, format!("ceping {}\n", env!("CARGO_PKG_VERSION")));
}

/// The commands a help lists under its commands heading.
fn commands_listed(help: &str, heading: &str) -> Vec<String> {
    let section = help.split(heading).nth(1).expect("a commands section");
    (section.lines().skip(1))
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect()
}

/// The English words of a Chinese help: runs of four or more lowercase
/// letters that are not an option (`--force`), a placeholder (`<FILE>`),
/// a command's name or a value the user types (`json`, `annual_review`).
fn english_words(help: &str, commands: &[String]) -> Vec<String> {
    let typed = [
        "ceping",
        "json",
        "xlsx",
        "annual_review",
        "party_building_review",
    ];
    let token = |c: char| c.is_ascii_alphanumeric() || "_-.<>[]".contains(c);
    help.split(|c: char| !token(c))
        .filter(|w| !w.starts_with(['-', '<', '[']))
        .flat_map(|w| w.split(['.', '-']))
        .filter(|w| !typed.contains(w) && !commands.iter().any(|c| c == w))
        .filter(|w| {
            let runs = w.split(|c: char| !c.is_ascii_lowercase());
            runs.clone().any(|run| run.len() >= 4)
        })
        .map(String::from)
        .collect()
}

/// Chinese characters and CJK punctuation (，。：（）、“” and the like).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
        || matches!(c, '\u{201c}' | '\u{201d}')
}

/// Every command's help (`ceping COMMAND --help`, each command the main
/// help lists) is in one language: no English words in Chinese apart from
/// what the user types, no Chinese character or punctuation in English.
#[test]
fn every_help_speaks_one_language() {
    let dir = tempfile::tempdir().unwrap();
    let help = |args: &[&str]| help_text(dir.path(), args);
    let zh_commands = commands_listed(&help(&["--help"]), "命令：");
    let en_commands = commands_listed(&help(&["--help", "--lang", "en"]), "Commands:");
    assert_eq!(zh_commands, en_commands);
    assert!(zh_commands.len() >= 12, "{zh_commands:?}");
    let mut helps: Vec<Vec<&str>> = vec![vec![]];
    helps.extend(zh_commands.iter().map(|c| vec![c.as_str()]));
    for args in helps {
        let zh = help(&[args.as_slice(), &["--help"]].concat());
        let words = english_words(&zh, &zh_commands);
        assert!(words.is_empty(), "{args:?}: {words:?} in\n{zh}");
        for heading in ["用法：ceping", "选项：", "显示帮助"] {
            assert!(zh.contains(heading), "{args:?}: no {heading} in\n{zh}");
        }
        let en = help(&[args.as_slice(), &["--help", "--lang", "en"]].concat());
        assert!(!en.chars().any(is_cjk), "{args:?}: Chinese in\n{en}");
        assert!(en.contains("Usage: ceping"), "{args:?}");
    }
}

/// A campaign file `a.ceping` of the small campaign (unit 南塘村) in a new
/// folder, with an export `r.json` already there.
fn folder_with_a_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::create(&dir.path().join("a.ceping"), &small_campaign()).unwrap());
    std::fs::write(dir.path().join("r.json"), "{}").unwrap();
    dir
}

/// A command line and the sentence its error must print.
type Case = (Vec<&'static str>, String);

/// Errors of the command (exit 1), each with the sentence the user must
/// read, in `l`.
fn command_errors(l: Lang) -> Vec<Case> {
    let path = PathBuf::from;
    let units = vec!["南塘村".to_string()];
    let ballots = |more: &[&'static str]| {
        [&["ballots", "a.ceping", "-o", "b.xlsx", "--unit"][..], more].concat()
    };
    let itself = OutputRefusal::Itself {
        out: path("a.ceping"),
        kind: OutputKind::Json,
    };
    vec![
        (
            vec!["verify", "nope.ceping"],
            StoreError::NotFound(path("nope.ceping")).message(l),
        ),
        (
            vec!["init", "a.ceping"],
            StoreError::Exists(path("a.ceping")).message(l),
        ),
        (
            ballots(&["南塘"]),
            FormsError::UnknownUnit("南塘".into(), units).message(l),
        ),
        (
            ballots(&["南塘村", "--meeting", "foo"]),
            FormsError::UnknownMeeting("foo".into()).message(l),
        ),
        (
            ballots(&["南塘村", "--copies", "0"]),
            FormsError::Copies(0).message(l),
        ),
        (
            vec!["export", "a.ceping", "-o", "r.json"],
            ExportError::Exists(path("r.json")).message(l),
        ),
        (
            vec!["export", "a.ceping", "-o", "a.ceping"],
            itself.message(l),
        ),
        (
            vec!["merge", "m.ceping", "a.ceping", "a.ceping"],
            MergeError::Twice(path("a.ceping")).message(l),
        ),
    ]
}

/// Usage errors (exit 2), each with the sentence the user must read, in
/// `l`.
fn usage_errors(l: Lang) -> Vec<Case> {
    let formats = ["json", "xlsx", "csv"].join(Msg::ListSep.text_in(l));
    vec![
        (
            vec!["export", "a.ceping", "--format", "xml"],
            CliText::BadValueChoices.fill_in(l, &[&"--format", &"xml", &formats]),
        ),
        (
            vec!["exprot", "a.ceping"],
            CliText::UnknownCommand.fill_in(l, &[&"exprot"]),
        ),
        (
            vec!["export", "--bogus", "a.ceping"],
            CliText::UnknownOption.fill_in(l, &[&"--bogus"]),
        ),
        (vec!["export"], CliText::Missing.fill_in(l, &[&"<FILE>"])),
        (
            vec!["verify", "a.ceping", "extra"],
            CliText::ExtraArgument.fill_in(l, &[&"extra"]),
        ),
        (
            vec!["export", "a.ceping", "--format", "json", "--format", "csv"],
            CliText::Twice.fill_in(l, &[&"--format"]),
        ),
        (
            vec!["open", "a.ceping", "--mirror-every", "0"],
            CliText::BadValue.fill_in(l, &[&"--mirror-every", &"0"]),
        ),
    ]
}

/// Every error path of the command line prints its sentence once, first,
/// after the error prefix, with nothing joined to it: an error of the
/// command is that one line (exit 1); a usage error adds the usage and
/// where to read more (exit 2). Nothing on standard output.
#[test]
fn every_error_is_one_sentence_printed_once() {
    let dir = folder_with_a_file();
    for l in [Lang::Zh, Lang::En] {
        let command = command_errors(l).into_iter().map(|c| (c, 1));
        let usage = usage_errors(l).into_iter().map(|c| (c, 2));
        for ((args, sentence), code) in command.chain(usage) {
            let lang_args = [&["--lang", zh_en(l, "zh", "en")][..], &args].concat();
            let o = ceping(dir.path(), &lang_args);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
            assert_eq!(stdout(&o), "", "{args:?}");
            let prefix = CliText::ErrorPrefix.text_in(l);
            assert!(
                err.starts_with(&format!("{prefix}{sentence}")),
                "{args:?}: {err}"
            );
            assert_eq!(err.matches(sentence.as_str()).count(), 1, "{args:?}: {err}");
            if l == Lang::Zh {
                // Chinese sentences never join with an ASCII ": ".
                assert!(!err.contains(": "), "{args:?}: {err}");
            }
            let first = err.lines().next().unwrap_or_default();
            assert_eq!(first.matches(prefix).count(), 1, "{args:?}: {err}");
            if code == 1 {
                assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            } else {
                let more = err.lines().last().unwrap_or_default();
                let more_help = CliText::MoreHelp.fill_in(l, &[&"ceping"]);
                let (before, _) = more_help.split_once("ceping").unwrap();
                assert!(more.starts_with(before), "{args:?}: {err}");
            }
        }
    }
    // Nothing of these was written.
    for f in ["b.xlsx", "m.ceping"] {
        assert!(!dir.path().join(f).exists(), "{f}");
    }
}

/// `ceping` alone says how to use it, on standard error, exit code 2.
#[test]
fn ceping_alone_shows_the_usage() {
    let dir = tempfile::tempdir().unwrap();
    let o = ceping(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), help_text(dir.path(), &["--help"]));
}
