//! Printable ballot forms (issue 5): made by the real binary, read back with
//! calamine. The people are in exactly the entry grid's order, each 序号
//! with the row's letter in the grid (the key that selects it in ballot
//! entry), the grade columns are the meeting's scale, and there are N
//! copies, each laid out the same (one per page; `print_pdf` prints them).
//! All names are invented.

use std::path::{Path, PathBuf};

use crate::support::bin::{ceping_args as ceping, text};
use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use ceping::domain::{BallotLine, Event, MeetingKind, Model, RoundKey};
use ceping::store::Store;

/// A campaign file from `toml` (the demo's when `None`).
fn campaign(dir: &tempfile::TempDir, toml: Option<&str>) -> PathBuf {
    let path = dir.path().join("street.ceping");
    let campaign = match toml {
        Some(t) => ceping::campaign_toml::parse(t, "test.toml").unwrap(),
        None => ceping::campaign_toml::demo(),
    };
    drop(Store::create(&path, &campaign).unwrap());
    path
}

fn model(path: &Path) -> Model {
    let mut store = Store::open_read_only(path).unwrap();
    store.replay().unwrap()
}

/// Run `ceping ballots`; panics unless it succeeds.
fn forms(file: &Path, unit: &str, meeting: &str, copies: u32) -> Range<Data> {
    let out = file.with_file_name(format!("{unit}-{meeting}-{copies}.xlsx"));
    let copies = copies.to_string();
    let o = ceping(&[
        &"ballots",
        &file,
        &"--unit",
        &unit,
        &"--meeting",
        &meeting,
        &"--copies",
        &copies,
        &"-o",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains(&out.display().to_string()));
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 1, "one sheet holds every copy");
    // Names and grades are text, never formulas.
    let formulas = book.worksheet_formula(&names[0]).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    book.worksheet_range(&names[0]).unwrap()
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// One copy as read back.
#[derive(Debug, PartialEq, Eq)]
struct Copy {
    first_row: u32,
    title: String,
    form: String,
    unit_line: String,
    instructions: String,
    grades: Vec<String>,
    /// (序号, 姓名, 职务) per row.
    rows: Vec<(String, String, String)>,
}

/// Every copy: found by its header row (姓名 in the second column).
fn copies(range: &Range<Data>, grades: usize, people: usize) -> Vec<Copy> {
    let (height, _) = range.get_size();
    (0..height as u32)
        .filter(|&r| cell(range, r, 1) == "姓名")
        .map(|h| Copy {
            first_row: h - 4,
            title: cell(range, h - 4, 0),
            form: cell(range, h - 3, 0),
            unit_line: cell(range, h - 2, 0),
            instructions: cell(range, h - 1, 0),
            grades: (0..grades as u32).map(|g| cell(range, h, 3 + g)).collect(),
            rows: (1..=people as u32)
                .map(|i| {
                    (
                        cell(range, h + i, 0),
                        cell(range, h + i, 1),
                        cell(range, h + i, 2),
                    )
                })
                .collect(),
        })
        .collect()
}

/// The label of row `i` in ballot entry, checked against the real
/// keymap: its letter selects the row's first-letter row, and each `+`
/// after it goes on to the next row with that letter.
fn entry_label(i: usize) -> String {
    use ceping::app::keymap::{Action, Mode, lookup};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let label = ceping::labels::row_label(i);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let mut keys = label.chars();
    let letter = keys.next().unwrap();
    assert_eq!(
        lookup(Mode::Ballots, &key(letter)),
        Some(Action::Row(i % 22))
    );
    for plus in keys {
        assert_eq!(
            lookup(Mode::Ballots, &key(plus)),
            Some(Action::NextSameLetter)
        );
    }
    label
}

/// 序号 and, beside it, the row's label in the entry grid ("3 c", "25 c+");
/// the name; the 职务 as the roster wrote it (else the category).
fn expected_rows(m: &Model, unit: &str, lines: &[BallotLine]) -> Vec<(String, String, String)> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let no = format!("{} {}", i + 1, entry_label(i));
            (
                no,
                l.name.clone(),
                m.campaign.post(unit, &l.name, l.role).into(),
            )
        })
        .collect()
}

/// Check the forms of `unit`'s `meeting` against the entry grid.
fn check(path: &Path, unit: &str, meeting: MeetingKind, n: u32) -> Vec<Copy> {
    let m = model(path);
    let lines = match m.current_round(unit, meeting) {
        Some(r) => r.lines.clone(),
        None => m.ballot_lines(unit, meeting).unwrap(),
    };
    let scale = m.campaign.meeting(meeting).unwrap().scale.grades.clone();
    let range = forms(path, unit, meeting.key(), n);
    let found = copies(&range, scale.len(), lines.len());
    assert_eq!(found.len(), n as usize, "{n} copies");
    let stride = 5 + lines.len() as u32;
    for (i, copy) in found.iter().enumerate() {
        assert_eq!(
            copy.first_row,
            i as u32 * stride,
            "copy {i} starts its own block"
        );
        assert_eq!(copy.title, m.campaign.title);
        assert_eq!(copy.unit_line, format!("单位：{unit}"));
        assert_eq!(copy.grades, scale, "the grade columns are the scale");
        assert_eq!(
            copy.rows,
            expected_rows(&m, unit, &lines),
            "the entry grid's order"
        );
        assert!(copy.instructions.contains("画“√”"), "{}", copy.instructions);
        assert!(copy.instructions.contains("不画视为弃权"));
        // The boxes are empty.
        for r in 0..lines.len() as u32 {
            for g in 0..scale.len() as u32 {
                assert_eq!(cell(&range, copy.first_row + 5 + r, 3 + g), "");
            }
        }
    }
    // Nothing after the last copy.
    assert_eq!(range.get_size().0 as u32, n * stride);
    found
}

#[test]
fn annual_review_forms_follow_the_entry_grid_one_copy_per_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign(&dir, None);
    for unit in ["南塘村", "东马社区"] {
        let found = check(&path, unit, MeetingKind::AnnualReview, 3);
        assert_eq!(found[0].form, "村(社区)2021年度考核工作民主测评表");
        assert!(!found[0].instructions.contains("最多评"), "no limit set");
    }
}

#[test]
fn party_building_review_forms() {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign(&dir, None);
    let found = check(&path, "回龙村", MeetingKind::PartyBuildingReview, 2);
    assert_eq!(
        found[0].form,
        "党组织书记履行基层党建工作责任情况民主评议表"
    );
    assert_eq!(found[0].rows.len(), 1, "only the secretary");
    assert_eq!(found[0].rows[0].2, "党组织书记");
}

#[test]
fn forms_follow_an_imported_roster_and_an_open_round() {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign(&dir, None);
    let roster = dir.path().join("r.csv");
    // A name that looks like a formula stays text.
    std::fs::write(
        &roster,
        "姓名,单位,职务\r\n=1+1,西塘村,两委成员\r\n石晓岚,西塘村,党组织书记\r\n韦建明,西塘村,工作队队长\r\n冉秀,西塘村,两委成员\r\n",
    )
    .unwrap();
    let o = ceping(&[&"import", &path, &roster]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let found = check(&path, "西塘村", MeetingKind::AnnualReview, 1);
    let names: Vec<&str> = found[0].rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(names, ["=1+1", "石晓岚", "韦建明", "冉秀"]);

    // With the meeting started, the forms print the round's ballot.
    let mut session = Store::open(&path).unwrap();
    let lines = session
        .model
        .ballot_lines("西塘村", MeetingKind::AnnualReview)
        .unwrap();
    let round = RoundKey {
        unit: "西塘村".into(),
        meeting: MeetingKind::AnnualReview,
        round: 1,
    };
    session.record(Event::RoundOpened { round, lines }).unwrap();
    drop(session);
    check(&path, "西塘村", MeetingKind::AnnualReview, 2);
}

#[test]
fn the_top_grade_limit_is_printed_when_configured() {
    let dir = tempfile::tempdir().unwrap();
    let toml = ceping::campaign_toml::demo_source()
        .replace("[rules]\n", "[rules]\nmax_top_grades_per_ballot = 2\n");
    let path = campaign(&dir, Some(&toml));
    let found = check(&path, "南塘村", MeetingKind::AnnualReview, 1);
    assert!(
        found[0]
            .instructions
            .contains("每张表最多评 2 个“优秀”，超过的整张表作废"),
        "{}",
        found[0].instructions
    );
}

#[test]
fn rows_past_the_22nd_have_letter_and_plus_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign(&dir, None);
    let roster = dir.path().join("r.csv");
    let mut csv = String::from("单位,姓名,职务\r\n西塘村,柏明远,党组织书记\r\n");
    for i in 0..24 {
        let name = format!(
            "{}{}",
            ["岑", "管", "蓝", "闵"][i / 6],
            ["晓岚", "秋实", "若溪", "景行", "子衿", "望舒"][i % 6]
        );
        csv.push_str(&format!("西塘村,{name},两委成员\r\n"));
    }
    std::fs::write(&roster, csv).unwrap();
    let o = ceping(&[&"import", &path, &roster]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let found = check(&path, "西塘村", MeetingKind::AnnualReview, 2);
    let numbers: Vec<&str> = found[0].rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(numbers.len(), 25);
    assert_eq!(numbers[..3], ["1 a", "2 b", "3 c"]);
    assert_eq!(numbers[17], "18 s", "no r: it corrects a ballot");
    assert_eq!(numbers[22..], ["23 a+", "24 b+", "25 c+"]);
}

#[test]
fn refusals_are_sentences() {
    let dir = tempfile::tempdir().unwrap();
    // 东马社区 holds only the annual review here.
    let source = ceping::campaign_toml::demo_source();
    let at = source.find("name = \"东马社区\"").unwrap();
    let toml = format!(
        "{}{}",
        &source[..at],
        source[at..].replacen(
            "meetings = [\"annual_review\", \"party_building_review\"]",
            "meetings = [\"annual_review\"]",
            1
        )
    );
    let path = campaign(&dir, Some(&toml));
    let out = dir.path().join("f.xlsx");
    let run = |unit: &str, meeting: &str, copies: &str, lang: &str| {
        ceping(&[
            &"--lang",
            &lang,
            &"ballots",
            &path,
            &"--unit",
            &unit,
            &"--meeting",
            &meeting,
            &"--copies",
            &copies,
            &"-o",
            &out,
        ])
    };
    for (unit, meeting, copies, lang, says) in [
        (
            "南塘",
            "annual_review",
            "1",
            "zh",
            "考核方案里没有“南塘”这个单位。可选的单位：南塘村、回龙村、西塘村、东马社区。",
        ),
        (
            "南塘",
            "annual_review",
            "1",
            "en",
            "The campaign has no unit \"南塘\".",
        ),
        (
            "东马社区",
            "party_building_review",
            "1",
            "zh",
            "“东马社区”不召开抓基层党建述职评议，没有这种选票。",
        ),
        ("南塘村", "review", "1", "zh", "不认识的会议“review”"),
        (
            "南塘村",
            "annual_review",
            "0",
            "zh",
            "份数 0 不在 1 到 1000 之间",
        ),
    ] {
        let o = run(unit, meeting, copies, lang);
        assert_eq!(o.status.code(), Some(1), "{unit} {meeting} {copies}");
        assert!(text(&o.stderr).contains(says), "{}", text(&o.stderr));
        assert!(!out.exists(), "nothing written");
    }
    // Chinese meeting names work too; an existing file is kept.
    let o = run("东马社区", "述职测评大会", "1", "zh");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = run("东马社区", "annual_review", "1", "zh");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("--force"), "{}", text(&o.stderr));
}

#[test]
fn each_copy_has_its_merged_title_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign(&dir, None);
    let out = dir.path().join("m.xlsx");
    let o = ceping(&[
        &"ballots",
        &path,
        &"--unit",
        &"南塘村",
        &"--copies",
        &"4",
        &"-o",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let people = model(&path)
        .ballot_lines("南塘村", MeetingKind::AnnualReview)
        .unwrap()
        .len() as u32;
    let mut starts: Vec<u32> = book
        .merge_cells_by_sheet_id(0)
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d.start.0, d.end.0, "one row each");
            assert_eq!((d.start.1, d.end.1), (0, 6), "across the whole form");
            d.start.0
        })
        .collect();
    starts.sort();
    let expected: Vec<u32> = (0..4)
        .flat_map(|c| (0..4).map(move |r| c * (5 + people) + r))
        .collect();
    assert_eq!(starts, expected);
}
