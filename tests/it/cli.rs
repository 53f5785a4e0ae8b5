//! The command line as a user meets it: exit codes, messages, files.

use crate::support::bin::{ceping, stderr, stdout};
use crate::support::campaign::*;
use crate::support::meeting::{key_ballots_with, open};
use ceping::campaign_toml::{CampaignErrorKind as K, NameField, ValueType};
use ceping::domain::{BallotContent, Mark};
use ceping::i18n::Lang;
use ceping::store::{Store, sidecar};

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

#[test]
fn help_is_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["init", "demo", "open", "verify", "export", "template"] {
        let o = ceping(dir.path(), &[cmd, "--help"]);
        assert!(o.status.success(), "{cmd}");
        assert!(stdout(&o).contains("Usage"), "{cmd}");
    }
}
