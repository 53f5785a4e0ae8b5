//! Posts as offices write them (issue 14): a roster's 职务 is kept as
//! written and printed in every 职务 column; its category (党组织书记,
//! 两委成员, 工作队队长, 工作队队员) is derived from it, or given in the
//! optional 类别 column, and a post the rules cannot place is a row error
//! naming the choices. The same corpus gives the same result from a UTF-8
//! CSV, a GBK CSV and an xlsx workbook. All names are invented.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};

use crate::support::bin::{ceping_args as ceping, text};
use crate::support::campaign::{demo_file, small_campaign};
use crate::support::meeting;
use ceping::domain::titles::Unplaced;
use ceping::domain::{Campaign, MeetingKind, Model, ReportMode, Role, Subject, Unit};
use ceping::import::{ImportError, RowErrorKind as K, import};
use ceping::store::{Session, Store};

use Role::*;

/// A post, the 类别 beside it (or empty) and the category expected; the
/// post is kept unless it is that category's own word.
const PLACED: &[(&str, &str, Role)] = &[
    ("村党总支书记", "", PartySecretary),
    ("村党委书记", "", PartySecretary),
    ("村党支部书记", "", PartySecretary),
    ("社区党委书记", "", PartySecretary),
    ("村党支部书记兼村委会主任", "", PartySecretary),
    ("村委会副主任兼党支部书记", "", PartySecretary),
    ("村支书", "", PartySecretary),
    ("书记", "", PartySecretary),
    ("党组织书记", "", PartySecretary),
    // 副书记 sits on the Party committee: a 两委 member, never its
    // secretary; the Youth League's and the discipline committee's
    // secretaries are not the Party organisation's.
    ("副书记", "", CommitteeMember),
    ("村党总支副书记", "", CommitteeMember),
    ("团支部书记", "", CommitteeMember),
    ("纪委书记", "", CommitteeMember),
    ("村委会主任", "", CommitteeMember),
    ("村委会副主任", "", CommitteeMember),
    ("社区居委会主任", "", CommitteeMember),
    ("村委委员", "", CommitteeMember),
    ("委员", "", CommitteeMember),
    ("组织委员", "", CommitteeMember),
    ("纪检委员", "", CommitteeMember),
    ("妇联主席", "", CommitteeMember),
    ("村会计", "", CommitteeMember),
    ("报账员", "", CommitteeMember),
    ("村监委会主任", "", CommitteeMember),
    ("村务监督委员会委员", "", CommitteeMember),
    ("民兵连长", "", CommitteeMember),
    ("治保主任", "", CommitteeMember),
    ("两委成员", "", CommitteeMember),
    ("驻村工作队队长", "", WorkTeamLeader),
    ("驻村第一书记兼工作队队长", "", WorkTeamLeader),
    ("工作队队长", "", WorkTeamLeader),
    ("驻村工作队员", "", WorkTeamMember),
    ("驻村工作队成员", "", WorkTeamMember),
    ("工作队副队长", "", WorkTeamMember),
    ("工作队队员", "", WorkTeamMember),
    // 类别 settles what the post cannot, and wins over what it says.
    ("第一书记", "工作队队长", WorkTeamLeader),
    ("驻村第一书记", "work_team_member", WorkTeamMember),
    ("村委会主任", "党组织书记", PartySecretary),
    ("", "两委成员", CommitteeMember),
];

/// Posts that are refused (no 类别, or a 类别 that is no category).
fn unplaced() -> Vec<(&'static str, &'static str, K)> {
    let unplaced = |value: &str, why| K::UnplacedTitle {
        value: value.into(),
        unplaced: why,
    };
    vec![
        (
            "第一书记",
            "",
            unplaced("第一书记", Unplaced::FirstSecretary),
        ),
        (
            "驻村第一书记",
            "",
            unplaced("驻村第一书记", Unplaced::FirstSecretary),
        ),
        ("驻村工作队", "", unplaced("驻村工作队", Unplaced::WorkTeam)),
        (
            "村党支部书记",
            "书记",
            K::UnknownCategory {
                value: "书记".into(),
            },
        ),
        ("", "", K::EmptyRole),
    ]
}

/// A campaign of `n` villages holding no meeting (so that one roster can
/// give each row a unit of its own: one secretary per unit), each with a
/// placeholder.
fn campaign(n: usize) -> Campaign {
    let mut c = small_campaign();
    let template = c.units[0].clone();
    c.units = (0..n)
        .map(|i| Unit {
            name: unit(i),
            meetings: Vec::new(),
            ..template.clone()
        })
        .collect();
    c
}

fn unit(i: usize) -> String {
    format!("第{}村", i + 1)
}

/// An invented name for row `i`.
fn person(i: usize) -> String {
    const FAMILY: [&str; 8] = ["柏", "祁", "滕", "符", "岳", "管", "韦", "薄"];
    const GIVEN: [&str; 6] = ["云飞", "晓岚", "立群", "春生", "海燕", "志远"];
    format!("{}{}", FAMILY[i % 8], GIVEN[i / 8 % 6])
}

/// The roster rows: unit, name, 职务, 类别 (header first).
fn rows(cases: &[(&str, &str)]) -> Vec<[String; 4]> {
    let header = ["单位", "姓名", "职务", "类别"].map(String::from);
    let people = cases
        .iter()
        .enumerate()
        .map(|(i, (post, category))| [unit(i), person(i), post.to_string(), category.to_string()]);
    std::iter::once(header).chain(people).collect()
}

/// The roster as a UTF-8 CSV, a GBK CSV and an xlsx workbook in `dir`.
fn files(dir: &Path, stem: &str, rows: &[[String; 4]]) -> Vec<PathBuf> {
    let csv: String = rows.iter().map(|r| r.join(",") + "\r\n").collect();
    let utf8 = dir.join(format!("{stem}.csv"));
    std::fs::write(&utf8, &csv).unwrap();
    let (gbk_bytes, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable, "every post is GBK");
    let gbk = dir.join(format!("{stem}-gbk.csv"));
    std::fs::write(&gbk, &gbk_bytes).unwrap();
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            if !cell.is_empty() {
                ws.write_string(r, c, cell).unwrap();
            }
        }
    }
    book.save(&xlsx).unwrap();
    vec![utf8, gbk, xlsx]
}

/// Import `path` into a fresh file of `campaign` in `dir`.
fn import_into(dir: &Path, campaign: &Campaign, path: &Path) -> (Session, Result<(), ImportError>) {
    let file = dir.join(format!(
        "{}.ceping",
        path.file_name().unwrap().to_string_lossy()
    ));
    let mut session = Store::create(&file, campaign).unwrap();
    let result = import(&mut session, path).map(|imported| {
        let expected = if path.extension().unwrap() == "xlsx" {
            "xlsx"
        } else if path.to_string_lossy().contains("gbk") {
            "GBK"
        } else {
            "UTF-8"
        };
        assert_eq!(imported.encoding, expected);
    });
    (session, result)
}

#[test]
fn a_corpus_of_real_posts_gives_the_same_categories_from_every_kind_of_file() {
    let cases: Vec<(&str, &str)> = PLACED.iter().map(|&(p, c, _)| (p, c)).collect();
    let titles = PLACED.iter().filter(|(p, _, _)| !p.is_empty()).count();
    assert!(titles >= 30, "a corpus of at least 30 posts: {titles}");
    let campaign = campaign(cases.len());
    let dir = tempfile::tempdir().unwrap();
    let expected: Vec<Subject> = PLACED
        .iter()
        .enumerate()
        .map(|(i, &(post, _, role))| Subject {
            name: person(i),
            role,
            report: match role {
                PartySecretary | WorkTeamLeader => ReportMode::Oral,
                _ => ReportMode::Written,
            },
            title: (!post.is_empty() && post != role.label_zh()).then(|| post.to_string()),
        })
        .collect();
    for path in files(dir.path(), "posts", &rows(&cases)) {
        let (session, result) = import_into(dir.path(), &campaign, &path);
        result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let got: Vec<Subject> = session
            .model
            .campaign
            .units
            .iter()
            .map(|u| {
                assert_eq!(u.subjects.len(), 1, "{}", u.name);
                u.subjects[0].clone()
            })
            .collect();
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g, e, "{}", path.display());
        }
        // The log carries the post only where one was kept: older files
        // (and a category word) have no `title` at all.
        let body: serde_json::Value = session
            .store
            .read_after(0)
            .unwrap()
            .into_iter()
            .find(|e| e.kind == "roster_imported")
            .map(|e| serde_json::from_str(&e.body).unwrap())
            .unwrap();
        for (u, e) in body["units"].as_array().unwrap().iter().zip(&expected) {
            let title = &u["subjects"][0].get("title");
            assert_eq!(title.and_then(|t| t.as_str()), e.title.as_deref());
        }
    }
}

#[test]
fn posts_that_tell_no_category_are_row_errors_naming_the_choices() {
    let bad = unplaced();
    let cases: Vec<(&str, &str)> = bad.iter().map(|(p, c, _)| (*p, *c)).collect();
    let expected: Vec<(usize, K)> = bad
        .iter()
        .enumerate()
        .map(|(i, (_, _, k))| (i + 2, k.clone()))
        .collect();
    let campaign = campaign(cases.len());
    let dir = tempfile::tempdir().unwrap();
    for path in files(dir.path(), "unplaced", &rows(&cases)) {
        let (session, result) = import_into(dir.path(), &campaign, &path);
        let err = result.unwrap_err();
        let got: Vec<(usize, K)> = err.rows().iter().map(|e| (e.row, e.kind.clone())).collect();
        assert_eq!(got, expected, "{}", path.display());
        assert_eq!(session.store.last_seq(), 1, "nothing imported");
        let zh = err.message(ceping::i18n::Lang::Zh);
        for line in [
            "第 2 行：职务“第一书记”看不出类别：第一书记可能是工作队队长或队员，也可能是党组织书记。请在“类别”列填写 工作队队长、工作队队员、党组织书记 之一（没有这一列就在表头加上）。",
            "第 4 行：职务“驻村工作队”看不出是工作队队长还是队员。请把职务写全，或在“类别”列填写 工作队队长、工作队队员 之一（没有这一列就在表头加上）。",
            "第 5 行：不认识的类别“书记”。请填写 党组织书记、两委成员、工作队队长、工作队队员 之一",
            "第 6 行：职务为空。请填写这个人的职务，或在“类别”列填写 党组织书记",
        ] {
            assert!(zh.contains(line), "{zh}");
        }
        let en = err.message(ceping::i18n::Lang::En);
        assert!(
            en.contains("row 2: the post \"第一书记\" does not tell the category")
                && en.contains(
                    "Enter one of 工作队队长, 工作队队员, 党组织书记 in the \"类别\" column"
                ),
            "{en}"
        );
    }
}

/// The 职务 cells of the people on a form written by `ceping ballots`.
fn ballot_posts(book: &Range<Data>) -> Vec<String> {
    let header = 4;
    assert_eq!(
        book.get_value((header, 2))
            .map(|d| d.to_string())
            .as_deref(),
        Some("职务")
    );
    (header + 1..)
        .map_while(|row| match book.get_value((row, 1)) {
            Some(Data::String(_)) => Some(book.get_value((row, 2)).unwrap().to_string()),
            _ => None,
        })
        .collect()
}

fn first_sheet(bytes: Vec<u8>) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    book.worksheet_range(&name).unwrap()
}

/// The demo's posts of 南塘村, in ballot order of the annual review.
const NANTANG_POSTS: [&str; 7] = [
    "村党总支书记、村委会主任",
    "村党总支副书记",
    "村委会副主任",
    "妇联主席",
    "村委委员、村会计",
    "村务监督委员会主任",
    "驻村第一书记兼工作队队长",
];

#[test]
fn the_printed_ballot_shows_the_posts_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, session) = demo_file(dir.path());
    drop(session);
    // Through the binary, as the liaison prints it.
    let out = dir.path().join("ballots.xlsx");
    let o = ceping(&[&"ballots", &path, &"--unit", &"南塘村", &"-o", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(ballot_posts(&first_sheet(bytes)), NANTANG_POSTS);
    // 附件8: the secretary alone.
    let model = Store::open_read_only(&path).unwrap().replay().unwrap();
    let bytes =
        ceping::export::forms::to_bytes(&model, "南塘村", "party_building_review", 1).unwrap();
    assert_eq!(ballot_posts(&first_sheet(bytes)), [NANTANG_POSTS[0]]);
    // A unit whose roster writes category words prints them.
    let bytes = ceping::export::forms::to_bytes(&model, "回龙村", "annual_review", 1).unwrap();
    assert_eq!(
        ballot_posts(&first_sheet(bytes)),
        [
            "党组织书记",
            "两委成员",
            "两委成员",
            "两委成员",
            "两委成员",
            "工作队队长"
        ]
    );
}

#[test]
fn an_imported_roster_prints_its_posts_on_the_ballot() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let roster = dir.path().join("回龙村.csv");
    let rows = [
        "单位,姓名,职务,述职方式",
        "回龙村,卜家豪,村党支部书记兼村委会主任,",
        "回龙村,薛宁,两委成员,",
        "回龙村, 屈红霞 ,村委会  副主任,",
        "回龙村,凌志,驻村工作队队长,",
        "回龙村,戴宇,驻村工作队员,",
    ];
    std::fs::write(&roster, rows.join("\n")).unwrap();
    import(&mut session, &roster).unwrap();
    let bytes =
        ceping::export::forms::to_bytes(&session.model, "回龙村", "annual_review", 2).unwrap();
    let posts = [
        "村党支部书记兼村委会主任",
        "两委成员",
        "村委会 副主任",
        "驻村工作队队长",
    ];
    assert_eq!(ballot_posts(&first_sheet(bytes)), posts);
}

/// Every text cell of `sheet` in the workbook `bytes`.
fn texts(bytes: &[u8], sheet: &str) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn counted_demo(dir: &Path) -> Model {
    let (_, mut session) = demo_file(dir);
    let key = meeting::key("南塘村", MeetingKind::AnnualReview, 1);
    meeting::to_counting(&mut session, &key, [40, 38, 38, 38]);
    meeting::key_ballots_with(&mut session, &key, 3, meeting::cycling);
    session.model.clone()
}

#[test]
fn every_export_prints_the_posts_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let model = counted_demo(dir.path());
    let head = [0u8; 32];
    let xlsx = ceping::export::xlsx::to_bytes(&model, &head).unwrap();
    for sheet in [
        "南塘村",
        "街道汇总-各人测评",
        "登记表用语",
        "测评记录 南塘村",
    ] {
        let cells = texts(&xlsx, sheet);
        for post in NANTANG_POSTS {
            assert!(
                cells.iter().any(|c| c == post),
                "{sheet} lacks {post}: {cells:?}"
            );
        }
        assert!(
            !cells.iter().any(|c| c == "两委成员"),
            "{sheet} prints a category where a post was written"
        );
    }
    let annex9 = texts(&xlsx, "附件9 南塘村 龚晓峰");
    assert!(annex9.iter().any(|c| c == NANTANG_POSTS[0]), "{annex9:?}");
    let csv = String::from_utf8(ceping::export::csv::to_bytes(&model, &head)).unwrap();
    for post in NANTANG_POSTS {
        assert!(csv.contains(&format!(",{post},")), "{csv}");
    }
    let json = ceping::export::json::to_string(&model, &head);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let subjects = &v["units"][0]["meetings"][0]["rounds"][0]["subjects"];
    let titles: Vec<&str> = subjects
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, NANTANG_POSTS);
    assert_eq!(subjects[0]["role"], "party_secretary");
    let registration = &v["units"][0]["meetings"][0]["registration"];
    assert_eq!(registration[1]["title"], "村党总支副书记");
}

#[test]
fn the_campaign_file_takes_a_title_beside_or_instead_of_role() {
    let doc = ceping::campaign_toml::demo_source();
    let c = ceping::campaign_toml::parse(doc, "demo.toml").unwrap();
    let nantang = c.unit("南塘村").unwrap();
    let posts: Vec<(&str, Role, Option<&str>)> = nantang
        .subjects
        .iter()
        .map(|s| (s.name.as_str(), s.role, s.title.as_deref()))
        .collect();
    assert_eq!(
        posts,
        [
            ("龚晓峰", PartySecretary, Some("村党总支书记、村委会主任")),
            ("蒋丽", CommitteeMember, Some("村党总支副书记")),
            ("罗志明", CommitteeMember, Some("村委会副主任")),
            ("田秀英", CommitteeMember, Some("妇联主席")),
            ("万宏", CommitteeMember, Some("村委委员、村会计")),
            ("贺文斌", CommitteeMember, Some("村务监督委员会主任")),
            ("严立新", WorkTeamLeader, Some("驻村第一书记兼工作队队长")),
            ("孔倩", WorkTeamMember, Some("驻村工作队员")),
            ("曾凡宇", WorkTeamMember, Some("驻村工作队员")),
        ]
    );
    // Both given: role wins and the title is kept.
    let both = doc.replacen(
        "name = \"蒋丽\"\ntitle = \"村党总支副书记\"",
        "name = \"蒋丽\"\nrole = \"work_team_member\"\ntitle = \"村党总支副书记\"",
        1,
    );
    assert_ne!(both, doc);
    let c = ceping::campaign_toml::parse(&both, "demo.toml").unwrap();
    let s = &c.unit("南塘村").unwrap().subjects[1];
    assert_eq!(
        (s.role, s.title.as_deref()),
        (WorkTeamMember, Some("村党总支副书记"))
    );
    // A category word as the title keeps nothing extra.
    let word = doc.replacen("title = \"妇联主席\"", "title = \" 两委成员 \"", 1);
    let c = ceping::campaign_toml::parse(&word, "demo.toml").unwrap();
    assert_eq!(c.unit("南塘村").unwrap().subjects[3].title, None);
}

#[test]
fn campaign_titles_keep_their_spaces() {
    let doc = ceping::campaign_toml::template().replacen(
        "title = \"大泽湖街道2021年度对村(社区)年度考核\"",
        "title = \"  验收测试   Fixture\u{3000}M \"",
        1,
    );
    let c = ceping::campaign_toml::parse(&doc, "t.toml").unwrap();
    assert_eq!(c.title, "验收测试 Fixture M");
    // And on the printed ballot.
    let model = Model::fold([&ceping::domain::Event::CampaignDefined { campaign: c }]).unwrap();
    let bytes = ceping::export::forms::to_bytes(&model, "南塘村", "annual_review", 1).unwrap();
    let sheet = first_sheet(bytes);
    assert_eq!(
        sheet.get_value((0, 0)).map(|d| d.to_string()).as_deref(),
        Some("验收测试 Fixture M")
    );
}
