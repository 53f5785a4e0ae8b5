//! Malformed campaign files: each case is the small valid BASE document
//! with one edit, and must be rejected with the exact error kind at the
//! exact line and column. Also the documents near BASE that must parse.

use ceping::campaign_toml::{self, CampaignError, CampaignErrorKind as K, NameField, ValueType};
use ceping::domain::names::NameProblem;
use ceping::domain::titles::Unplaced;
use ceping::domain::{MeetingKind, ReportMode, Role, Rules, UnitKind, WarningThresholds};
use ceping::i18n::Lang;

/// A small valid campaign; the malformed cases are one edit away from it.
/// Its line numbers are listed below it.
pub const BASE: &str = r#"title = "测试考核"
year = 2021

[[meetings]]
kind = "annual_review"
scale = ["优秀", "称职", "基本称职", "不称职"]
speaker_minutes = 10

[[meetings]]
kind = "party_building_review"

[rules]
quorum = "1/2"

[rules.quotas]
excellent_cadres = { percent = 30, soft = true }

[[units]]
name = "甲村"
kind = "村"
meetings = ["annual_review", "party_building_review"]

[units.work_group]
lead = "王一"
liaison = "李二"
members = ["张三", "赵四"]

[[units.subjects]]
name = "孙五"
role = "party_secretary"

[[units.subjects]]
name = "周六"
role = "committee_member"

[[units.subjects]]
name = "吴七"
role = "work_team_leader"
"#;
// Line map of BASE: 1 title, 2 year, 4 [[meetings]], 5 kind, 6 scale,
// 7 speaker_minutes, 9 [[meetings]], 10 kind, 12 [rules], 13 quorum,
// 15 [rules.quotas], 16 excellent_cadres, 18 [[units]], 19 name, 20 kind,
// 21 meetings, 23 [units.work_group], 24 lead, 25 liaison, 26 members,
// 28 [[units.subjects]], 29 name 孙五, 30 role party_secretary,
// 32 [[units.subjects]], 33 name 周六, 34 role committee_member,
// 36 [[units.subjects]], 37 name 吴七, 38 role work_team_leader.

/// A second unit to append to BASE (its name on line 41 once appended).
fn second_unit(name: &str) -> String {
    format!(
        "\n[[units]]\nname = \"{name}\"\nkind = \"社区\"\n\n[units.work_group]\nlead = \"郑八\"\nliaison = \"冯九\"\n\n[[units.subjects]]\nname = \"陈十\"\nrole = \"party_secretary\"\n"
    )
}

/// BASE with each `(old, new)` replaced; `old` must occur exactly once.
pub fn edit(edits: &[(&str, &str)]) -> String {
    let mut doc = BASE.to_string();
    for (old, new) in edits {
        assert_eq!(
            doc.matches(old).count(),
            1,
            "edit target {old:?} must be unique"
        );
        doc = doc.replacen(old, new, 1);
    }
    doc
}

/// BASE with a `[rules.warnings]` table holding `body`, after the quotas:
/// the table header on line 18, `body` from line 19.
pub fn with_warnings(body: &str) -> String {
    let quota = "excellent_cadres = { percent = 30, soft = true }";
    edit(&[(quota, &format!("{quota}\n\n[rules.warnings]\n{body}"))])
}

/// BASE cut just before the first occurrence of `marker`.
pub fn cut_from(marker: &str) -> String {
    let at = BASE.find(marker).expect("marker in BASE");
    BASE[..at].to_string()
}

enum Expect {
    Kind(K),
    Syntax,
}

struct Case {
    name: &'static str,
    doc: String,
    line: usize,
    column: usize,
    expect: Expect,
}

fn case(name: &'static str, doc: String, line: usize, column: usize, kind: K) -> Case {
    Case {
        name,
        doc,
        line,
        column,
        expect: Expect::Kind(kind),
    }
}

fn s(v: &str) -> String {
    v.to_string()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    use MeetingKind::{AnnualReview, PartyBuildingReview};
    use NameField as F;
    let ten = r#"scale = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]"#;
    let scale = r#"scale = ["优秀", "称职", "基本称职", "不称职"]"#;
    let members = r#"members = ["张三", "赵四"]"#;
    let unit_meetings = r#"meetings = ["annual_review", "party_building_review"]"#;
    let pbr_block = "[[meetings]]\nkind = \"party_building_review\"\n\n";
    let quorum = r#"quorum = "1/2""#;
    let secretary = r#"role = "party_secretary""#;
    let member = r#"role = "committee_member""#;
    let long_title = format!("title = \"{}\"", "委".repeat(31));
    let work_group = "[units.work_group]\nlead = \"王一\"\nliaison = \"李二\"\nmembers = [\"张三\", \"赵四\"]\n";
    let unit_meetings_line = format!("{unit_meetings}\n");
    let no_meetings = [("[[meetings]]\nkind = \"annual_review\"\n", ""), (scale, ""), ("speaker_minutes = 10\n", ""), (pbr_block, "")];
    vec![
        Case { name: "syntax: unterminated string", doc: edit(&[(r#"title = "测试考核""#, r#"title = "测试考核"#)]), line: 1, column: 14, expect: Expect::Syntax },
        Case { name: "syntax: full-width equals sign", doc: edit(&[("year = 2021", "year ＝ 2021")]), line: 2, column: 6, expect: Expect::Syntax },
        Case { name: "syntax: full-width comma in a list", doc: edit(&[(r#"["张三", "赵四"]"#, r#"["张三"，"赵四"]"#)]), line: 26, column: 16, expect: Expect::Syntax },
        case("unquoted text", edit(&[(r#"kind = "村""#, "kind = 村")]), 20, 8, K::UnquotedString { value: s("村") }),
        case("duplicate key", edit(&[("year = 2021", "title = \"又一个\"\nyear = 2021")]), 2, 1, K::DuplicateKey { key: s("title") }),
        case("unknown top-level key", edit(&[("year = 2021", "year = 2021\nyaer = 2022")]), 3, 1,
            K::UnknownKey { key: s("yaer"), allowed: strings(&["title", "year", "meetings", "rules", "units"]) }),
        case("unknown key in a subject", edit(&[(r#"role = "work_team_leader""#, "role = \"work_team_leader\"\nrepot = \"oral\"")]), 39, 1,
            K::UnknownKey { key: s("repot"), allowed: strings(&["name", "role", "title", "report"]) }),
        case("unknown key in a quota", edit(&[("soft = true", "sofT = true")]), 16, 36,
            K::UnknownKey { key: s("sofT"), allowed: strings(&["percent", "soft"]) }),
        case("unknown key in a work group", edit(&[(r#"liaison = "李二""#, r#"liason = "李二""#)]), 25, 1,
            K::UnknownKey { key: s("liason"), allowed: strings(&["lead", "liaison", "members"]) }),
        case("unknown table in a unit", edit(&[("[units.work_group]", "[units.workgroup]")]), 23, 8,
            K::UnknownKey { key: s("workgroup"), allowed: strings(&["name", "kind", "meetings", "work_group", "subjects"]) }),
        case("neither role nor title", edit(&[("role = \"committee_member\"\n", "")]), 32, 1, K::NoRole { name: s("周六") }),
        case("a title that tells no category", edit(&[(member, r#"title = "第一书记""#)]), 34, 9,
            K::UnplacedTitle { value: s("第一书记"), unplaced: Unplaced::FirstSecretary }),
        case("a bare work team", edit(&[(member, "role = \"committee_member\"\nreport = \"written\"\n[[units.subjects]]\nname = \"郑九\"\ntitle = \" 驻村  工作队 \"")]), 38, 9,
            K::UnplacedTitle { value: s("驻村 工作队"), unplaced: Unplaced::WorkTeam }),
        case("a title with a hidden character", edit(&[(member, "title = \"村\u{202E}会计\"")]), 34, 9,
            K::BadName { field: NameField::Post, problem: NameProblem::Control { ch: '\u{202E}' } }),
        case("a title over 30 characters", edit(&[(member, &long_title)]), 34, 9,
            K::BadName { field: NameField::Post, problem: NameProblem::TooLong { chars: 31 } }),
        case("a second secretary by title", edit(&[(member, r#"title = "村党支部书记""#)]), 34, 9,
            K::TwoSecretaries { unit: s("甲村"), first_line: 29 }),
        case("missing title", edit(&[("title = \"测试考核\"\n", "")]), 1, 1, K::MissingKey { key: s("title") }),
        case("missing work group", edit(&[(work_group, "")]), 18, 1, K::MissingKey { key: s("work_group") }),
        case("year as text", edit(&[("year = 2021", "year = \"2021\"")]), 2, 8,
            K::WrongType { expected: ValueType::Integer, found: s("\"2021\"") }),
        case("members not a list", edit(&[(members, "members = \"张三\"")]), 26, 11,
            K::WrongType { expected: ValueType::Array, found: s("\"张三\"") }),
        case("soft not a boolean", edit(&[("soft = true", "soft = \"是\"")]), 16, 43,
            K::WrongType { expected: ValueType::Boolean, found: s("\"是\"") }),
        case("huge number", edit(&[("year = 2021", "year = 99999999999999999999")]), 2, 8,
            K::NumberTooLarge { found: s("99999999999999999999") }),
        case("duplicate unit name (after normalisation)", format!("{BASE}{}", second_unit(" 甲 村 ")), 41, 8,
            K::DuplicateUnit { name: s("甲村"), first_line: 19 }),
        case("duplicate subject name (after normalisation)", edit(&[(r#"name = "周六""#, r#"name = "孙　五""#)]), 33, 8,
            K::DuplicateSubject { unit: s("甲村"), name: s("孙五"), first_line: 29 }),
        case("empty title", edit(&[(r#"title = "测试考核""#, r#"title = "  ""#)]), 1, 9, K::EmptyName { field: F::Title }),
        case("blank unit name", edit(&[(r#"name = "甲村""#, "name = \"\u{3000} \"")]), 19, 8, K::EmptyName { field: F::Unit }),
        case("empty subject name", edit(&[(r#"name = "吴七""#, r#"name = """#)]), 37, 8, K::EmptyName { field: F::Subject }),
        case("blank lead", edit(&[(r#"lead = "王一""#, r#"lead = " ""#)]), 24, 8, K::EmptyName { field: F::Lead }),
        case("empty liaison", edit(&[(r#"liaison = "李二""#, r#"liaison = """#)]), 25, 11, K::EmptyName { field: F::Liaison }),
        case("blank member", edit(&[(members, r#"members = ["张三", " "]"#)]), 26, 18, K::EmptyName { field: F::Member }),
        case("duplicate member", edit(&[(members, r#"members = ["张三", "张 三"]"#)]), 26, 18, K::DuplicateMember { name: s("张三") }),
        case("duplicate member (NFD and NFC)", edit(&[(members, "members = [\"Ame\u{301}lie\", \"Am\u{E9}lie\"]")]), 26, 23,
            K::DuplicateMember { name: s("Am\u{E9}lie") }),
        case("bell in a subject name", edit(&[(r#"name = "吴七""#, r#"name = "吴\u0007七""#)]), 37, 8,
            K::BadName { field: F::Subject, problem: NameProblem::Control { ch: '\u{7}' } }),
        case("NUL in a subject name", edit(&[(r#"name = "吴七""#, r#"name = "吴\u0000七""#)]), 37, 8,
            K::BadName { field: F::Subject, problem: NameProblem::Control { ch: '\u{0}' } }),
        case("tab inside a subject name", edit(&[(r#"name = "吴七""#, "name = \"吴\t七\"")]), 37, 8,
            K::BadName { field: F::Subject, problem: NameProblem::Control { ch: '\t' } }),
        case("bidi override in a unit name", edit(&[(r#"name = "甲村""#, "name = \"\u{202E}甲村\"")]), 19, 8,
            K::BadName { field: F::Unit, problem: NameProblem::Control { ch: '\u{202E}' } }),
        case("a member that is only a zero-width joiner", edit(&[(members, "members = [\"张三\", \"\u{200D}\"]")]), 26, 18,
            K::BadName { field: F::Member, problem: NameProblem::Invisible }),
        case("a lead of 31 characters", edit(&[(r#"lead = "王一""#, &format!("lead = \"{}\"", "王".repeat(31)))]), 24, 8,
            K::BadName { field: F::Lead, problem: NameProblem::TooLong { chars: 31 } }),
        case("escape sequence in a liaison name", edit(&[(r#"liaison = "李二""#, r#"liaison = "李\u001b[31m二""#)]), 25, 11,
            K::BadName { field: F::Liaison, problem: NameProblem::Control { ch: '\u{1B}' } }),
        case("zero-width space in a grade", edit(&[(scale, "scale = [\"优秀\", \"称\u{200B}职\", \"基本称职\", \"不称职\"]")]), 6, 16,
            K::BadName { field: F::Grade, problem: NameProblem::Control { ch: '\u{200B}' } }),
        case("empty scale", edit(&[(scale, "scale = []")]), 6, 9, K::EmptyScale),
        case("one-grade scale", edit(&[(scale, r#"scale = ["优秀"]"#)]), 6, 9, K::ScaleSize { count: 1 }),
        case("ten-grade scale", edit(&[(scale, ten)]), 6, 9, K::ScaleSize { count: 10 }),
        case("duplicate grade", edit(&[(scale, r#"scale = ["优秀", "称职", "优秀"]"#)]), 6, 22,
            K::DuplicateGrade { grade: s("优秀"), first_position: 1 }),
        case("empty grade label", edit(&[(scale, r#"scale = ["优秀", "", "称职"]"#)]), 6, 16, K::EmptyName { field: F::Grade }),
        case("duplicate meeting kind", edit(&[(r#"kind = "party_building_review""#, r#"kind = "annual_review""#)]), 10, 8,
            K::DuplicateMeeting { kind: AnnualReview, first_line: 5 }),
        case("unknown meeting kind", edit(&[(r#"kind = "annual_review""#, r#"kind = "annual_reveiw""#)]), 5, 8,
            K::UnknownMeeting { value: s("annual_reveiw") }),
        case("no meetings", edit(&no_meetings), 1, 1, K::NoMeetings),
        case("unit lists an undefined meeting", edit(&[(pbr_block, "")]), 18, 30, K::MeetingNotDefined { kind: PartyBuildingReview }),
        case("unit lists an unknown meeting", edit(&[(unit_meetings, r#"meetings = ["annual_review", "xiashu"]"#)]), 21, 30,
            K::UnknownMeeting { value: s("xiashu") }),
        case("unit lists a meeting twice", edit(&[(unit_meetings, r#"meetings = ["annual_review", "述职测评大会"]"#)]), 21, 30,
            K::DuplicateMeeting { kind: AnnualReview, first_line: 21 }),
        case("unit holds no meeting", edit(&[(unit_meetings, "meetings = []")]), 21, 12, K::UnitWithoutMeetings { unit: s("甲村") }),
        case("quota above 100", edit(&[("percent = 30", "percent = 130")]), 16, 32, K::QuotaOutOfRange { value: 130 }),
        case("negative quota", edit(&[("percent = 30", "percent = -5")]), 16, 32, K::QuotaOutOfRange { value: -5 }),
        case("unknown key in rules", edit(&[(quorum, "quorum = \"1/2\"\nwarning = 3")]), 14, 1,
            K::UnknownKey { key: s("warning"), allowed: strings(&[
                "quorum", "max_top_grades_per_ballot", "warn_top_two_below", "flag_lowest_above",
                "quotas", "deadlines", "combined_review_weight", "warnings", "rate_base",
            ]) }),
        case("warnings not a table", edit(&[(quorum, "quorum = \"1/2\"\nwarnings = 3")]), 14, 12,
            K::WrongType { expected: ValueType::Table, found: s("3") }),
        case("warning threshold above 100", with_warnings("blank_percent = 150"), 19, 17,
            K::WarningPercentOutOfRange { key: s("blank_percent"), value: 150 }),
        case("negative warning threshold", with_warnings("returned_short_percent = -1"), 19, 26,
            K::WarningPercentOutOfRange { key: s("returned_short_percent"), value: -1 }),
        case("warning threshold on a later line", with_warnings("blank_percent = 3\ninvalid_percent = 101"), 20, 19,
            K::WarningPercentOutOfRange { key: s("invalid_percent"), value: 101 }),
        case("warning threshold as text", with_warnings("invalid_percent = \"3\""), 19, 19,
            K::WarningPercentNotInteger { key: s("invalid_percent"), found: s("\"3\"") }),
        case("warning threshold as a decimal", with_warnings("blank_percent = 2.5"), 19, 17,
            K::WarningPercentNotInteger { key: s("blank_percent"), found: s("2.5") }),
        case("unknown key in warnings", with_warnings("blank_percnt = 3"), 19, 1,
            K::UnknownKey { key: s("blank_percnt"), allowed: strings(&["returned_short_percent", "blank_percent", "invalid_percent"]) }),
        case("ratio with zero denominator", edit(&[(quorum, r#"quorum = "2/0""#)]), 13, 10, K::BadRatio { value: s("2/0") }),
        case("ratio not a fraction", edit(&[(quorum, r#"quorum = "abc""#)]), 13, 10, K::BadRatio { value: s("abc") }),
        case("ratio as a decimal", edit(&[(quorum, "quorum = 0.5")]), 13, 10, K::BadRatio { value: s("0.5") }),
        case("ratio above one", edit(&[(quorum, "quorum = \"1/2\"\nwarn_top_two_below = \"3/2\"")]), 14, 22, K::BadRatio { value: s("3/2") }),
        case("unreachable quorum", edit(&[(quorum, r#"quorum = "3/3""#)]), 13, 10, K::QuorumUnreachable { value: s("3/3") }),
        case("year too early", edit(&[("year = 2021", "year = 1999")]), 2, 8, K::YearOutOfRange { year: 1999 }),
        case("year too late", edit(&[("year = 2021", "year = 2101")]), 2, 8, K::YearOutOfRange { year: 2101 }),
        case("no speaking time", edit(&[("speaker_minutes = 10", "speaker_minutes = 0")]), 7, 19, K::SpeakerMinutesOutOfRange { minutes: 0 }),
        case("speaking time too long", edit(&[("speaker_minutes = 10", "speaker_minutes = 121")]), 7, 19,
            K::SpeakerMinutesOutOfRange { minutes: 121 }),
        case("zero top grades per ballot", edit(&[(quorum, "quorum = \"1/2\"\nmax_top_grades_per_ballot = 0")]), 14, 29,
            K::MaxTopGradesOutOfRange { value: 0 }),
        case("unknown role", edit(&[(member, r#"role = "secretary""#)]), 34, 8, K::UnknownRole { value: s("secretary") }),
        case("unknown unit kind", edit(&[(r#"kind = "村""#, r#"kind = "镇""#)]), 20, 8, K::UnknownUnitKind { value: s("镇") }),
        case("unknown report mode", edit(&[(member, "role = \"committee_member\"\nreport = \"sung\"")]), 35, 10,
            K::UnknownReport { value: s("sung") }),
        case("unit without subjects", cut_from("[[units.subjects]]"), 19, 8, K::NoSubjects { unit: s("甲村") }),
        case("two party secretaries", edit(&[(member, r#"role = "党组织书记""#)]), 34, 8,
            K::TwoSecretaries { unit: s("甲村"), first_line: 29 }),
        case("party-building review without a secretary", edit(&[(secretary, member)]), 21, 30,
            K::NoSecretaryForReview { unit: s("甲村") }),
        case("party-building review (by default) without a secretary", edit(&[(secretary, member), (&unit_meetings_line, "")]), 19, 8,
            K::NoSecretaryForReview { unit: s("甲村") }),
        case("annual review with nobody to grade", edit(&[
                (unit_meetings, r#"meetings = ["annual_review"]"#),
                (secretary, r#"role = "work_team_member""#),
                (member, r#"role = "work_team_member""#),
                (r#"role = "work_team_leader""#, r#"role = "work_team_member""#),
            ]), 21, 13, K::NobodyOnBallot { unit: s("甲村") }),
        case("no units", cut_from("[[units]]"), 1, 1, K::NoUnits),
    ]
}

pub fn expect_error(doc: &str) -> CampaignError {
    match campaign_toml::parse(doc, "bad.toml") {
        Ok(_) => panic!("expected an error for:\n{doc}"),
        Err(e) => e,
    }
}

/// `e` renders as exactly `zh` in Chinese and `en` in English.
pub fn renders(e: &CampaignError, zh: &str, en: &str) {
    assert_eq!(e.render(Lang::Zh), zh);
    assert_eq!(e.render(Lang::En), en);
}

/// `e`'s Chinese message says `part`.
pub fn says_zh(e: &CampaignError, part: &str) {
    let zh = e.message(Lang::Zh);
    assert!(zh.contains(part), "{zh}");
}

#[test]
fn the_base_document_is_valid() {
    let c = campaign_toml::parse(BASE, "base.toml").expect("BASE parses");
    assert_eq!(c.units.len(), 1);
    assert_eq!(c.units[0].subjects.len(), 3);
    assert_eq!(c.meetings.len(), 2);
}

#[test]
fn malformed_inputs_are_rejected_at_the_right_place() {
    let cases = cases();
    assert!(cases.len() >= 24);
    let mut failures = Vec::new();
    for c in &cases {
        let e = expect_error(&c.doc);
        let kind_ok = match &c.expect {
            Expect::Kind(k) => e.kind == *k,
            Expect::Syntax => matches!(e.kind, K::Syntax { .. }),
        };
        let prefix = format!("bad.toml:{}:{}: ", c.line, c.column);
        let rendered_ok = e.render(Lang::Zh).starts_with(&prefix)
            && e.render(Lang::En).starts_with(&prefix)
            && e.to_string().starts_with(&prefix);
        let advice_ok = e.message(Lang::Zh).contains('请') && !e.message(Lang::En).is_empty();
        if !(kind_ok
            && e.file == "bad.toml"
            && (e.line, e.column) == (c.line, c.column)
            && rendered_ok
            && advice_ok)
        {
            failures.push(format!(
                "{}: expected {}:{} got {}:{} {:?}\n    {}",
                c.name,
                c.line,
                c.column,
                e.line,
                e.column,
                e.kind,
                e.render(Lang::Zh)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn names_are_normalised_and_aliases_accepted() {
    let doc = edit(&[
        (r#"name = "甲村""#, r#"name = " 甲　村 ""#),
        (r#"kind = "村""#, r#"kind = "Village""#),
        (r#"name = "孙五""#, r#"name = "孙 五""#),
        (
            r#"role = "party_secretary""#,
            "role = \"党组织书记\"\nreport = \"书面\"",
        ),
        (r#"kind = "party_building_review""#, r#"kind = "下述下评""#),
        (r#"scale = ["优秀", "称职""#, r#"scale = ["优 秀", "称职""#),
    ]);
    let c = campaign_toml::parse(&doc, "ok.toml").expect("valid");
    let u = &c.units[0];
    assert_eq!(u.name, "甲村");
    assert_eq!(u.kind, UnitKind::Village);
    assert_eq!(u.subjects[0].name, "孙五");
    assert_eq!(u.subjects[0].role, Role::PartySecretary);
    assert_eq!(u.subjects[0].report, ReportMode::Written);
    assert_eq!(c.meetings[0].scale.grades[0], "优秀");
    assert_eq!(c.meetings[1].kind, MeetingKind::PartyBuildingReview);
}

#[test]
fn omitted_keys_take_their_defaults() {
    let doc = cut_from("[rules]") + &BASE[BASE.find("[[units]]").expect("units")..];
    let doc = doc.replace(
        "meetings = [\"annual_review\", \"party_building_review\"]\n",
        "",
    );
    let c = campaign_toml::parse(&doc, "ok.toml").expect("valid");
    assert_eq!(c.rules, Rules::default());
    let pbr = c
        .meeting(MeetingKind::PartyBuildingReview)
        .expect("defined");
    assert_eq!(pbr.scale, MeetingKind::PartyBuildingReview.default_scale());
    assert_eq!(pbr.speaker_minutes, campaign_toml::DEFAULT_SPEAKER_MINUTES);
    let u = &c.units[0];
    assert_eq!(
        u.meetings,
        vec![MeetingKind::AnnualReview, MeetingKind::PartyBuildingReview]
    );
    let reports: Vec<ReportMode> = u.subjects.iter().map(|s| s.report).collect();
    assert_eq!(
        reports,
        [ReportMode::Oral, ReportMode::Written, ReportMode::Oral]
    );
}

#[test]
fn rules_are_read() {
    let doc = edit(&[
        (
            r#"quorum = "1/2""#,
            "quorum = \"2/3\"\nmax_top_grades_per_ballot = 3\nflag_lowest_above = \"1 / 4\"",
        ),
        (
            "excellent_cadres = { percent = 30, soft = true }",
            "excellent_cadres = { percent = 25 }\nfirst_class_units = { soft = true }",
        ),
    ]);
    let r = campaign_toml::parse(&doc, "ok.toml").expect("valid").rules;
    assert_eq!((r.quorum.num, r.quorum.den), (2, 3));
    assert_eq!(r.max_top_grades_per_ballot, Some(3));
    assert_eq!((r.flag_lowest_above.num, r.flag_lowest_above.den), (1, 4));
    assert_eq!(r.warn_top_two_below, Rules::default().warn_top_two_below);
    // An omitted `soft` keeps the default: excellent_cadres stays soft.
    assert_eq!(
        (
            r.quotas.excellent_cadres.percent,
            r.quotas.excellent_cadres.soft
        ),
        (25, true)
    );
    assert_eq!(
        (
            r.quotas.first_class_units.percent,
            r.quotas.first_class_units.soft
        ),
        (50, true)
    );
}

#[test]
fn warning_thresholds_are_read() {
    let read = |doc: &str| {
        campaign_toml::parse(doc, "ok.toml")
            .expect("valid")
            .rules
            .warnings
    };
    assert_eq!(read(BASE), WarningThresholds::default());
    assert_eq!(
        WarningThresholds::default(),
        WarningThresholds {
            returned_short_percent: 2,
            blank_percent: 3,
            invalid_percent: 3
        }
    );
    assert_eq!(
        read(&with_warnings(
            "returned_short_percent = 5\nblank_percent = 0\ninvalid_percent = 100"
        )),
        WarningThresholds {
            returned_short_percent: 5,
            blank_percent: 0,
            invalid_percent: 100
        }
    );
    // Each omitted key keeps its default; an empty table is all defaults.
    assert_eq!(
        read(&with_warnings("blank_percent = 10")),
        WarningThresholds {
            blank_percent: 10,
            ..WarningThresholds::default()
        }
    );
    assert_eq!(read(&with_warnings("")), WarningThresholds::default());
    // Also as an inline table in [rules].
    let inline = edit(&[(
        r#"quorum = "1/2""#,
        "quorum = \"1/2\"\nwarnings = { invalid_percent = 7 }",
    )]);
    assert_eq!(
        read(&inline),
        WarningThresholds {
            invalid_percent: 7,
            ..WarningThresholds::default()
        }
    );
}

#[test]
fn warning_threshold_errors_name_the_key_and_what_to_write() {
    let cases = [
        (
            "blank_percent = 150",
            "bad.toml:19:17: 提示阈值 blank_percent = 150 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 blank_percent = 3。",
            "bad.toml:19:17: the warning threshold blank_percent = 150 is not between 0 and 100. Enter a whole number from 0 to 100, e.g. blank_percent = 3.",
        ),
        (
            "returned_short_percent = -1",
            "bad.toml:19:26: 提示阈值 returned_short_percent = -1 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 returned_short_percent = 2。",
            "bad.toml:19:26: the warning threshold returned_short_percent = -1 is not between 0 and 100. Enter a whole number from 0 to 100, e.g. returned_short_percent = 2.",
        ),
        (
            "invalid_percent = \"3\"",
            "bad.toml:19:19: 提示阈值 invalid_percent = \"3\" 不是整数。请填写 0 到 100 的整数（百分比，不加引号、不带小数点），例如 invalid_percent = 3。",
            "bad.toml:19:19: the warning threshold invalid_percent = \"3\" is not a whole number. Enter a whole number from 0 to 100 (a percent, without quotes or decimal point), e.g. invalid_percent = 3.",
        ),
        (
            "blank_percent = 2.5",
            "bad.toml:19:17: 提示阈值 blank_percent = 2.5 不是整数。请填写 0 到 100 的整数（百分比，不加引号、不带小数点），例如 blank_percent = 3。",
            "bad.toml:19:17: the warning threshold blank_percent = 2.5 is not a whole number. Enter a whole number from 0 to 100 (a percent, without quotes or decimal point), e.g. blank_percent = 3.",
        ),
        (
            "blank_percnt = 3",
            "bad.toml:19:1: 不认识的项“blank_percnt”。这里可以写的项有：`returned_short_percent`、`blank_percent`、`invalid_percent`。请检查拼写，或删去这一项。",
            "bad.toml:19:1: unknown key `blank_percnt`. Allowed here: `returned_short_percent`, `blank_percent`, `invalid_percent`. Check the spelling or delete it.",
        ),
    ];
    for (body, zh, en) in cases {
        let e = expect_error(&with_warnings(body));
        assert_eq!(e.render(Lang::Zh), zh, "{body}");
        assert_eq!(e.render(Lang::En), en, "{body}");
    }
}

#[test]
fn names_up_to_30_characters_pass_and_a_long_title_is_fine() {
    let thirty = "王".repeat(30);
    let long_title = "某某街道2021年度村（社区）党组织书记抓基层党建述职评议和两委成员述职测评";
    assert!(long_title.chars().count() > 30);
    let doc = edit(&[
        (r#"name = "吴七""#, &format!("name = \"{thirty}\"")),
        (
            r#"title = "测试考核""#,
            &format!("title = \"{long_title}\""),
        ),
    ]);
    let c = campaign_toml::parse(&doc, "ok.toml").expect("valid");
    assert_eq!(c.units[0].subjects[2].name, thirty);
    assert_eq!(c.title, long_title);
}

#[test]
fn bad_name_sentences() {
    let e = expect_error(&edit(&[(r#"name = "吴七""#, r#"name = "吴\u0007七""#)]));
    renders(
        &e,
        "bad.toml:37:8: 被测评人姓名含有看不见的控制字符（U+0007）。请删去它；编辑器里看不见时，把整个名字删掉重新输入。",
        "bad.toml:37:8: the subject's name contains an invisible control character (U+0007). Delete it; if your editor does not show it, delete the whole name and type it again.",
    );
    let e = expect_error(&edit(&[(
        r#"name = "甲村""#,
        &format!("name = \"{}\"", "甲".repeat(31)),
    )]));
    renders(
        &e,
        "bad.toml:19:8: 单位名称超过 30 个字（有 31 个字）。请改短，只写名字本身（职务、备注等不要写进名字）。",
        "bad.toml:19:8: the unit name is longer than 30 characters (it has 31). Shorten it: write only the name itself, without titles or notes.",
    );
    // A quoted value never brings a hidden character to the terminal.
    let e = expect_error(&edit(&[(
        r#"role = "committee_member""#,
        r#"role = "x\u001b[2Jy""#,
    )]));
    assert_eq!(
        e.kind,
        K::UnknownRole {
            value: "x\u{1b}[2Jy".into()
        }
    );
    says_zh(&e, "不认识的职务“x<U+001B>[2Jy”");
}

#[test]
fn a_byte_order_mark_is_ignored_and_columns_stay_right() {
    let doc = format!("\u{FEFF}{}", edit(&[("year = 2021", "year = 1999")]));
    let e = expect_error(&doc);
    assert_eq!(
        (e.line, e.column, e.kind),
        (2, 8, K::YearOutOfRange { year: 1999 })
    );
}
