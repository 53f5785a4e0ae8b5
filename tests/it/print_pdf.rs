//! The paper, printed by a real client: the workbook of a scripted meeting
//! and the ballot forms, converted to PDF by LibreOffice (`soffice
//! --headless --convert-to pdf`), then counted with `pdfinfo` and read
//! with `pdftotext`, page by page, as the liaison would look at them.
//!
//! - ballot forms, both meetings, 1, 3 and 31 copies, ballots of 7 and of
//!   25 people: N copies are N pages, and every page has the whole form
//!   (title, form name, the last grade, the last person, the end of the
//!   instructions);
//! - the workbook: a unit's 附件4 (here 9 people, with a provisional
//!   round) is one page, with its title, the round's fingerprint and the
//!   signature lines; the grading sheets and the street summary print
//!   with their titles.
//!
//! LibreOffice is slow to start, so every file is converted in one run
//! (a private profile per run, so that parallel runs do not collide). When
//! `soffice`, `pdfinfo` or `pdftotext` is missing (`.ci/run` installs
//! them), the test prints why and passes without checking. With
//! `CEPING_KEEP_PDF=DIR` the PDFs are copied to DIR, to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::export_files::script::{export, scripted};
use crate::support::bin::{ceping_args as ceping, text};
use ceping::domain::{MeetingKind, RoundStatus};
use ceping::store::Store;

/// Whether `tool` runs here.
fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Every file of `files` converted to PDF into `out`, in one run.
fn to_pdf(dir: &Path, files: &[PathBuf]) -> PathBuf {
    let out = dir.join("pdf");
    let profile = dir.join("lo-profile");
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(files)
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "soffice: {}", text(&o.stderr));
    out
}

fn pages(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = text(&o.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo {}: {info}", pdf.display()))
}

/// The text of each page.
fn page_texts(pdf: &Path) -> Vec<String> {
    let o = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let all = text(&o.stdout);
    let mut texts: Vec<String> = all.split('\u{c}').map(String::from).collect();
    if texts.last().is_some_and(|t| t.trim().is_empty()) {
        texts.pop();
    }
    assert_eq!(texts.len(), pages(pdf), "one text per page");
    texts
}

/// Without spaces and line breaks: pdftotext puts them where a line of
/// CJK text wrapped or a cell ended.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `ceping ballots` for `copies` copies; the file written.
fn ballots(file: &Path, unit: &str, meeting: MeetingKind, copies: u32) -> PathBuf {
    let out = file.with_file_name(format!("forms-{unit}-{}-{copies}.xlsx", meeting.key()));
    let copies = copies.to_string();
    let o = ceping(&[
        &"ballots",
        &file,
        &"--unit",
        &unit,
        &"--meeting",
        &meeting.key(),
        &"--copies",
        &copies,
        &"-o",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    out
}

/// Invented people for a ballot of 25: a secretary, 23 committee members
/// and a work-team leader, as a roster for `unit`.
fn roster_25(unit: &str) -> String {
    roster_of(unit, 25)
}

/// `n` invented people (at most 25): a secretary, committee members and
/// a work-team leader, as a roster for `unit`.
fn roster_of(unit: &str, n: usize) -> String {
    let surnames = ["柏", "岑", "管", "蓝", "闵"];
    let given = ["明远", "晓岚", "秋实", "若溪", "景行"];
    let mut csv = String::from("单位,姓名,职务\n");
    for i in 0..n {
        let name = format!("{}{}", surnames[i / 5], given[i % 5]);
        let role = match i {
            0 => "党组织书记",
            _ if i == n - 1 => "工作队队长",
            _ => "两委成员",
        };
        csv.push_str(&format!("{unit},{name},{role}\n"));
    }
    csv
}

/// What every copy of a form shows, the last grade and person included.
fn check_forms(pdf: &Path, copies: usize, form: &str, last_grade: &str, last_person: &str) {
    let texts = page_texts(pdf);
    assert_eq!(texts.len(), copies, "{}: a page per copy", pdf.display());
    for (i, page) in texts.iter().enumerate() {
        let page = squeeze(page);
        let at = |what: &str| assert!(page.contains(what), "page {}: no {what}: {page}", i + 1);
        at(form);
        at(last_grade);
        at(last_person);
        at("本表不记名，请勿署名。");
        at("1a");
    }
}

#[test]
fn the_paper_prints_as_planned_in_libreoffice() {
    for (tool, arg) in [
        ("soffice", "--version"),
        ("pdfinfo", "-v"),
        ("pdftotext", "-v"),
    ] {
        if !have(tool, arg) {
            eprintln!("print_pdf: skipped, {tool} is not installed (.ci/run installs it)");
            return;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // The demo campaign: 南塘村's annual review ballot has 7 people,
    // 回龙村's Party-building review 1; 西塘村 gets a roster of 25.
    let street = d.join("street.ceping");
    drop(Store::create(&street, &ceping::campaign_toml::demo()).unwrap());
    let roster = d.join("roster.csv");
    std::fs::write(&roster, roster_25("西塘村")).unwrap();
    let o = ceping(&[&"import", &street, &roster]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let annual = MeetingKind::AnnualReview;
    let party = MeetingKind::PartyBuildingReview;
    let forms = [
        ("南塘村", annual, 1),
        ("南塘村", annual, 3),
        ("南塘村", annual, 31),
        ("西塘村", annual, 1),
        ("西塘村", annual, 31),
        ("回龙村", party, 3),
        ("西塘村", party, 1),
    ];
    let mut files: Vec<PathBuf> = forms
        .iter()
        .map(|&(unit, meeting, copies)| ballots(&street, unit, meeting, copies))
        .collect();

    // The scripted meeting: 南塘村's annual review closed (9 people on
    // its sheet, with the void and the open Party-building rounds).
    let meeting = d.join("m.ceping");
    let session = scripted(&meeting);
    let model = session.model.clone();
    drop(session);
    export(d, "m.ceping", "xlsx", "r.xlsx");
    files.push(d.join("r.xlsx"));
    // A unit of 15 people, counted and closed: its 附件4 is still one page.
    let big = d.join("m15.ceping");
    drop(Store::create(&big, &ceping::campaign_toml::demo()).unwrap());
    let roster15 = d.join("roster15.csv");
    std::fs::write(&roster15, roster_of("东马社区", 15)).unwrap();
    let o = ceping(&[&"import", &big, &roster15]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let mut s = Store::open(&big).unwrap();
    let round = crate::support::meeting::key("东马社区", annual, 1);
    crate::support::meeting::open(&mut s, &round, [32, 30, 30, 30]);
    crate::support::meeting::key_ballots_with(&mut s, &round, 30, crate::support::meeting::cycling);
    crate::support::meeting::close(&mut s, &round);
    let RoundStatus::Closed { head: big_head } = s.model.rounds[&round].status.clone() else {
        panic!("东马社区's review is closed");
    };
    drop(s);
    export(d, "m15.ceping", "xlsx", "r15.xlsx");
    files.push(d.join("r15.xlsx"));

    let out = to_pdf(d, &files);
    if let Some(keep) = std::env::var_os("CEPING_KEEP_PDF") {
        std::fs::create_dir_all(&keep).unwrap();
        for e in std::fs::read_dir(&out).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), Path::new(&keep).join(e.file_name())).unwrap();
        }
    }
    let pdf = |xlsx: &Path| out.join(xlsx.with_extension("pdf").file_name().unwrap());

    for (&(unit, meeting, copies), file) in forms.iter().zip(&files) {
        let (form, last_grade) = match meeting {
            MeetingKind::AnnualReview => ("村(社区)2021年度考核工作民主测评表", "不称职"),
            MeetingKind::PartyBuildingReview => {
                ("党组织书记履行基层党建工作责任情况民主评议表", "差")
            }
        };
        let last_person = match (unit, meeting) {
            ("南塘村", MeetingKind::AnnualReview) => "严立新",
            ("西塘村", MeetingKind::AnnualReview) => "闵景行",
            ("西塘村", _) => "柏明远",
            _ => "汤建华",
        };
        check_forms(&pdf(file), copies as usize, form, last_grade, last_person);
    }

    workbook_pages(&page_texts(&pdf(&d.join("r.xlsx"))), &model);

    let texts: Vec<String> = page_texts(&pdf(&d.join("r15.xlsx")))
        .iter()
        .map(|t| squeeze(t))
        .collect();
    let unit: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("民主测评结果汇总表") && t.contains("单位：东马社区（社区）"))
        .collect();
    assert_eq!(unit.len(), 1, "a unit of 15 people: 附件4 is one page");
    assert!(unit[0].contains(&big_head[..12]), "{}", unit[0]);
    assert!(unit[0].contains("计票人（签字）"), "{}", unit[0]);
    assert!(
        unit[0].contains("管景行"),
        "the 15th person is on it: {}",
        unit[0]
    );
}

/// The workbook's pages: 南塘村's 附件4 on one page with its fingerprint
/// and signature lines; the other sheets' titles.
fn workbook_pages(texts: &[String], model: &ceping::domain::Model) {
    let texts: Vec<String> = texts.iter().map(|t| squeeze(t)).collect();
    // The unit sheet repeats its title rows on every page it prints on.
    let nantang: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("民主测评结果汇总表") && t.contains("单位：南塘村（村）"))
        .collect();
    assert_eq!(nantang.len(), 1, "南塘村's 附件4 is one page");
    let page = nantang[0];
    assert!(page.contains("村(社区)2021年度考核工作民主测评结果汇总表"));
    let round = crate::support::meeting::key("南塘村", MeetingKind::AnnualReview, 1);
    let RoundStatus::Closed { head } = &model.rounds[&round].status else {
        panic!("南塘村's annual review is closed");
    };
    assert!(page.contains(&head[..12]), "the fingerprint: {page}");
    assert!(page.contains("未结束（暂定）"), "the open round is marked");
    for who in ["计票人（签字）", "监票人（签字）", "主持人（签字）"] {
        assert!(page.contains(who), "{who}: {page}");
    }
    for title in [
        "评定等次：村(社区)",
        "评定等次：党组织书记",
        "街道汇总：各人测评结果",
        "一、各单位会议进度",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(title)),
            "{title} is printed"
        );
    }
    // What is signed is never split from what it certifies: every page
    // with signature lines also carries a fingerprint (or says there is
    // none yet), and a short record is one page, title to signatures.
    let signed: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("计票人（签字）"))
        .collect();
    assert!(signed.len() >= 3, "附件4, 附件9 and the minutes are signed");
    for page in &signed {
        assert!(
            page.contains("指纹"),
            "signatures without the fingerprint: {page}"
        );
    }
    let minutes: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("南塘村述职测评大会会议记录"))
        .collect();
    assert_eq!(minutes.len(), 1, "南塘村's minutes are one page");
    assert!(minutes[0].contains("主持人（签字）"), "{}", minutes[0]);
    assert!(minutes[0].contains(&head[..12]), "{}", minutes[0]);
    let attachment9 = texts
        .iter()
        .filter(|t| t.contains("民主评议结果报告单"))
        .count();
    assert!(attachment9 >= 4, "附件9: a page per secretary");
}
