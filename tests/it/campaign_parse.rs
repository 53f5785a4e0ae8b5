//! The campaign file: the template and the demo parse to the expected
//! shape, the demo holds no real name from the seed notice, and every
//! malformed input is rejected at the right line and column.

use ceping::campaign_toml::{self, CampaignError, CampaignErrorKind as K};
use ceping::domain::{MeetingKind, ReportMode, Role, Rules, UnitKind};
use ceping::i18n::{self, Lang};

mod malformed;

use malformed::{edit, expect_error, says_zh};

#[test]
fn the_template_parses_to_the_expected_shape() {
    let c =
        campaign_toml::parse(campaign_toml::template(), "template.toml").expect("template parses");
    let names: Vec<&str> = c.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["南塘村", "回龙村", "西塘村", "东马社区"]);
    let kinds: Vec<MeetingKind> = c.meetings.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, MeetingKind::ALL);
    for m in &c.meetings {
        assert_eq!(m.scale, m.kind.default_scale());
    }
    assert_eq!(c.rules, Rules::default());
    for u in &c.units {
        assert_eq!(u.meetings, MeetingKind::ALL);
        assert_eq!(
            u.subjects
                .iter()
                .filter(|s| s.role == Role::PartySecretary)
                .count(),
            1
        );
    }
    assert_eq!(c.units[3].kind, UnitKind::Community);
}

#[test]
fn the_template_documents_every_key() {
    let t = campaign_toml::template();
    for key in [
        "title",
        "year",
        "[[meetings]]",
        "kind",
        "scale",
        "speaker_minutes",
        "[rules]",
        "quorum",
        "max_top_grades_per_ballot",
        "warn_top_two_below",
        "flag_lowest_above",
        "[rules.quotas]",
        "first_class_units",
        "excellent_secretaries",
        "excellent_cadres",
        "excellent_work_teams",
        "percent",
        "soft",
        "combined_review_weight",
        "[rules.deadlines]",
        "[rules.warnings]",
        "returned_short_percent",
        "blank_percent",
        "invalid_percent",
        "[[units]]",
        "name",
        "meetings",
        "[units.work_group]",
        "lead",
        "liaison",
        "members",
        "[[units.subjects]]",
        "role",
        "report",
        "party_secretary",
        "committee_member",
        "work_team_leader",
        "work_team_member",
        "oral",
        "written",
        "annual_review",
        "party_building_review",
        "社区",
    ] {
        assert!(t.contains(key), "template does not mention {key}");
    }
}

/// The sections of the template, each as its header is written
/// (`""` for the top of the file).
const TEMPLATE_SECTIONS: [&str; 9] = [
    "",
    "[[meetings]]",
    "[rules]",
    "[rules.quotas]",
    "[rules.deadlines]",
    "[rules.warnings]",
    "[[units]]",
    "[units.work_group]",
    "[[units.subjects]]",
];

/// The template with `probe` inserted as the line after `anchor` (its
/// first occurrence as a whole line); the probe's 1-based line.
fn with_line_after(anchor: &str, probe: &str) -> (String, usize) {
    let t = campaign_toml::template();
    let at = t
        .lines()
        .position(|l| l == anchor)
        .unwrap_or_else(|| panic!("the template has no line {anchor:?}"));
    let mut lines: Vec<&str> = t.lines().collect();
    lines.insert(at + 1, probe);
    (lines.join("\n") + "\n", at + 2)
}

/// The keys the parser accepts where `doc` holds the unknown key
/// `zz_probe` (at `line`): the "allowed here" list of its error.
fn accepted_keys(doc: &str, line: usize) -> Vec<String> {
    match campaign_toml::parse(doc, "t.toml") {
        Err(CampaignError {
            line: at,
            kind: K::UnknownKey { key, allowed },
            ..
        }) if key == "zz_probe" => {
            assert_eq!(at, line, "the probe is reported on its own line");
            assert!(!allowed.is_empty(), "no allowed keys listed at line {line}");
            allowed
        }
        other => panic!("expected the probe to be refused at line {line}, got {other:?}"),
    }
}

/// A `key = value` line of the template as a one-key TOML table, the line
/// commented out (`# max_top_grades_per_ballot = 3`) or not; `None` for
/// headers, blank lines and prose comments.
fn key_line(line: &str) -> Option<toml::Table> {
    let l = line.trim();
    if l.is_empty() || l.starts_with('[') {
        return None;
    }
    match l.strip_prefix('#') {
        // Commented out: a key line only if it is valid TOML on its own.
        Some(rest) => {
            let rest = rest.trim();
            let key = rest.split_once(" = ")?.0;
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return None;
            }
            rest.parse::<toml::Table>().ok()
        }
        None => Some(
            l.parse::<toml::Table>()
                .unwrap_or_else(|e| panic!("template line {l:?} is not a key line: {e}")),
        ),
    }
}

/// Every key the parser accepts in every section is written in the
/// template (as `key = …`, commented out if optional, or as its own
/// section header), and every `key = …` of the template, commented out or
/// not, is one the parser accepts in the section it stands in. The accepted
/// keys come from the parser itself: an unknown key is refused with the
/// list of the keys allowed there.
#[test]
fn every_key_of_the_template_is_one_the_parser_accepts_and_back() {
    let t = campaign_toml::template();
    // The sections of the template, in order of their first header.
    let mut headers: Vec<&str> = vec![""];
    for l in t.lines().filter(|l| l.starts_with('[')) {
        if !headers.contains(&l) {
            headers.push(l);
        }
    }
    assert_eq!(headers, TEMPLATE_SECTIONS);

    // What the parser accepts in each section, and in a quota's inline table.
    let mut accepted: Vec<(String, Vec<String>)> = Vec::new();
    for h in TEMPLATE_SECTIONS {
        let (doc, line) =
            with_line_after(if h.is_empty() { "year = 2021" } else { h }, "zz_probe = 1");
        accepted.push((h.to_string(), accepted_keys(&doc, line)));
    }
    let quota = "first_class_units = { percent = 50 }";
    let line = 1 + t.lines().position(|l| l == quota).expect("a quota");
    let doc = t.replacen(
        quota,
        "first_class_units = { percent = 50, zz_probe = 1 }",
        1,
    );
    let quota_keys = accepted_keys(&doc, line);
    assert_eq!(quota_keys, ["percent", "soft"]);
    let allowed =
        |section: &str| -> &Vec<String> { &accepted.iter().find(|(h, _)| h == section).unwrap().1 };

    // Every key of the template, by section; commented-out lines uncommented.
    let mut written: Vec<(String, String)> = Vec::new();
    let mut inline_keys: Vec<String> = Vec::new();
    let mut uncommented = String::new();
    let mut section = "";
    for line in t.lines() {
        if line.starts_with('[') {
            section = line;
        }
        let Some(table) = key_line(line) else {
            uncommented.push_str(line);
            uncommented.push('\n');
            continue;
        };
        uncommented.push_str(line.trim_start_matches(['#', ' ']));
        uncommented.push('\n');
        assert_eq!(table.len(), 1, "{line}");
        for (key, value) in &table {
            assert!(
                allowed(section).contains(key),
                "template line {line:?}: `{key}` is not accepted in {section:?} (accepted: {:?})",
                allowed(section)
            );
            written.push((section.to_string(), key.clone()));
            if let toml::Value::Table(inline) = value {
                for k in inline.keys() {
                    assert!(quota_keys.contains(k), "template line {line:?}: `{k}`");
                    inline_keys.push(k.clone());
                }
            }
        }
    }

    // Every accepted key is written in its section, or is a section itself.
    for (section, keys) in &accepted {
        let path = section.trim_matches(['[', ']']);
        for key in keys {
            let sub = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let as_header = [format!("[{sub}]"), format!("[[{sub}]]")];
            assert!(
                written.contains(&(section.clone(), key.clone()))
                    || as_header.iter().any(|h| headers.contains(&h.as_str())),
                "the template never writes `{key}` in {section:?}"
            );
        }
    }
    for k in &quota_keys {
        assert!(
            inline_keys.contains(k),
            "no quota in the template sets `{k}`"
        );
    }

    // The commented-out keys are valid too: uncommented, the template parses.
    assert_ne!(uncommented, t, "the template comments out an optional key");
    let c = campaign_toml::parse(&uncommented, "uncommented.toml")
        .unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    assert_eq!(c.rules.max_top_grades_per_ballot, Some(3));
}

#[test]
fn the_demo_parses_with_a_realistic_roster() {
    let c = campaign_toml::demo();
    assert_eq!(
        c,
        campaign_toml::parse(campaign_toml::demo_source(), "demo.toml").expect("parses")
    );
    assert_eq!(c.year, 2021);
    let units: Vec<(&str, UnitKind)> = c.units.iter().map(|u| (u.name.as_str(), u.kind)).collect();
    assert_eq!(
        units,
        [
            ("南塘村", UnitKind::Village),
            ("回龙村", UnitKind::Village),
            ("西塘村", UnitKind::Village),
            ("东马社区", UnitKind::Community),
        ]
    );
    let annual = c.meeting(MeetingKind::AnnualReview).expect("annual review");
    assert_eq!(annual.scale.grades, ["优秀", "称职", "基本称职", "不称职"]);
    assert_eq!(annual.speaker_minutes, 10);
    let pbr = c
        .meeting(MeetingKind::PartyBuildingReview)
        .expect("party-building review");
    assert_eq!(pbr.scale.grades, ["好", "较好", "一般", "差"]);
    assert_eq!(pbr.speaker_minutes, 8);
    for u in &c.units {
        assert_eq!(u.meetings, MeetingKind::ALL, "{}", u.name);
        let count = |role| u.subjects.iter().filter(|s| s.role == role).count();
        assert_eq!(count(Role::PartySecretary), 1, "{}", u.name);
        assert!(
            (4..=6).contains(&count(Role::CommitteeMember)),
            "{}",
            u.name
        );
        assert_eq!(count(Role::WorkTeamLeader), 1, "{}", u.name);
        assert!((1..=3).contains(&count(Role::WorkTeamMember)), "{}", u.name);
        for s in &u.subjects {
            let oral = matches!(s.role, Role::PartySecretary | Role::WorkTeamLeader);
            assert_eq!(s.report == ReportMode::Oral, oral, "{}", s.name);
        }
        assert!((2..=4).contains(&u.work_group.members.len()), "{}", u.name);
    }
    // Every person appears once in the whole demo.
    let mut people: Vec<&str> = Vec::new();
    for u in &c.units {
        people.extend(u.subjects.iter().map(|s| s.name.as_str()));
        people.push(&u.work_group.lead);
        people.push(&u.work_group.liaison);
        people.extend(u.work_group.members.iter().map(String::as_str));
    }
    let total = people.len();
    people.sort_unstable();
    people.dedup();
    assert_eq!(people.len(), total, "a name is used twice in the demo");
    // Both two- and three-character names.
    assert!(people.iter().any(|p| p.chars().count() == 2));
    assert!(people.iter().any(|p| p.chars().count() == 3));
}

/// Every person named in the seed notice (normalised), which the demo and
/// the template must never use. 邓欣向荣 is listed whole and split, since the
/// notice runs two names together there.
const SEED_NAMES: &[&str] = &[
    "刘海林",
    "任代伟",
    "朱浩",
    "邓望",
    "易亿",
    "卢建群",
    "丁立",
    "谭芝藩",
    "陈武",
    "周玉良",
    "许茂",
    "陈伏祥",
    "胡波",
    "佘卓",
    "董元文",
    "吴维",
    "程彪",
    "柳准",
    "易文涛",
    "肖建宏",
    "潘龙波",
    "谭勇超",
    "魏亮",
    "史平",
    "邓欣向荣",
    "邓欣",
    "向荣",
    "朱佳",
    "黄玲芝",
    "易小玲",
    "姚丹",
    "夏建清",
    "王波",
    "陈波",
    "张正祥",
    "刘杰",
    "李莹",
    "李展",
    "熊俏",
    "陈庆",
    "骆杰斌",
    "苏美琳",
    "邓志鹏",
    "杨进",
    "杨志强",
    "张君",
    "高洁",
    "谭双",
    "刘烨",
    "刘毅",
    "李检",
    "樊康林",
    "胡天柱",
    "王培根",
    "龙珠",
    "胡思远",
    "邬璨",
    "周荣",
    "李邦源",
    "朱颖玲",
    "魏丹",
    "杨思源",
    "黄新宇",
    "叶志平",
    "潘湘君",
    "宁艳辉",
];

#[test]
fn the_demo_and_template_hold_no_real_name() {
    for (file, text) in [
        ("demo.toml", campaign_toml::demo_source()),
        ("template.toml", campaign_toml::template()),
    ] {
        for name in SEED_NAMES {
            assert!(!text.contains(name), "{file} contains the real name {name}");
            let chars: Vec<char> = name.chars().collect();
            if chars.len() == 2 {
                for pad in [" ", "\u{3000}", "  "] {
                    let spaced = format!("{}{pad}{}", chars[0], chars[1]);
                    assert!(
                        !text.contains(&spaced),
                        "{file} contains the real name {spaced}"
                    );
                }
            }
        }
    }
}

#[test]
fn errors_say_what_to_do_in_both_languages() {
    let e = CampaignError {
        file: "campaign.toml".into(),
        line: 12,
        column: 8,
        kind: K::DuplicateUnit {
            name: "南塘村".into(),
            first_line: 3,
        },
    };
    assert_eq!(
        e.render(Lang::Zh),
        "campaign.toml:12:8: 单位名称“南塘村”重复（第 3 行已有）。请改用不同的名称，或删去其中一个。"
    );
    assert!(
        e.message(Lang::En).contains("Rename one of them"),
        "{}",
        e.message(Lang::En)
    );

    let e = expect_error(&edit(&[(
        r#"role = "committee_member""#,
        r#"role = "secretary""#,
    )]));
    let zh = e.message(Lang::Zh);
    let en = e.message(Lang::En);
    assert!(
        zh.contains("不认识的职务“secretary”") && zh.contains("请填写 \"party_secretary\""),
        "{zh}"
    );
    assert!(
        en.contains("unknown role `secretary`") && en.contains("Write \"party_secretary\""),
        "{en}"
    );

    // Display follows the language (this test's thread's own).
    i18n::set_thread_lang(Lang::En);
    let shown_en = e.to_string();
    i18n::set_thread_lang(Lang::Zh);
    let shown_zh = e.to_string();
    assert_eq!(shown_en, format!("bad.toml:34:8: {en}"));
    assert_eq!(shown_zh, format!("bad.toml:34:8: {zh}"));
}

#[test]
fn toml_library_messages_are_translated() {
    let e = expect_error(&edit(&[("year = 2021", "year = 2021\nyaer = 2022")]));
    let zh = e.message(Lang::Zh);
    assert!(
        zh.starts_with("不认识的项“yaer”") && zh.contains("`title`"),
        "{zh}"
    );
    let e = expect_error(&edit(&[("role = \"committee_member\"\n", "")]));
    assert!(
        e.message(Lang::Zh)
            .starts_with("被测评人“周六”缺少 role（类别）和 title（职务）")
    );
    let e = expect_error(&edit(&[("year = 2021", "year = \"2021\"")]));
    says_zh(&e, "整数");
    // Syntax errors: a Chinese lead, a gloss of the common ones, and the
    // library's English detail.
    let e = expect_error("title = [\"a\",\n");
    let zh = e.message(Lang::Zh);
    assert!(
        zh.starts_with("TOML 格式有误：列表缺少右方括号“]”（unclosed array"),
        "{zh}"
    );
    let e = expect_error("title = \"a\"\nyear ＝ 2021\n");
    assert_eq!((e.line, e.column), (2, 6));
    says_zh(&e, "缺少等号“=”");
}

#[test]
fn full_width_quotes_get_a_helpful_message() {
    let e = expect_error(&edit(&[(r#"kind = "村""#, "kind = “村”")]));
    assert_eq!((e.line, e.column), (20, 8));
    says_zh(&e, "请改为 \"村\"");
}

#[test]
fn load_reports_unreadable_and_non_utf8_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.toml");
    let e = campaign_toml::load(&missing).expect_err("missing file");
    assert_eq!((e.line, e.column), (0, 0));
    assert!(matches!(e.kind, K::Io { .. }));
    assert!(
        e.render(Lang::Zh)
            .starts_with(&format!("{}:0:0: ", missing.display()))
    );

    // "南塘村" in GBK on line 2.
    let gbk = dir.path().join("gbk.toml");
    let mut bytes = b"title = \"x\"\nname = \"".to_vec();
    bytes.extend_from_slice(&[0xC4, 0xCF, 0xCC, 0xC1, 0xB4, 0xE5]);
    bytes.extend_from_slice(b"\"\n");
    std::fs::write(&gbk, bytes).expect("write");
    let e = campaign_toml::load(&gbk).expect_err("not UTF-8");
    assert_eq!((e.line, e.column, e.kind), (2, 9, K::NotUtf8));

    let good = dir.path().join("campaign.toml");
    std::fs::write(&good, campaign_toml::template()).expect("write");
    assert_eq!(
        campaign_toml::load(&good),
        campaign_toml::parse(campaign_toml::template(), "x")
    );
}
