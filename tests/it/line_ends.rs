//! What a Windows laptop hands ceping: text saved by Notepad, Excel or WPS
//! with CRLF line ends, in folders whose names have Chinese characters and
//! spaces. A CRLF campaign definition gives the same campaign as with LF,
//! its errors point at the same line and column, and no message carries a
//! carriage return (which would send the terminal's cursor back over the
//! sentence). CRLF rosters: `import_roster` (every roster there is CRLF).
//! The same, run through the Windows build under wine and the static musl
//! build: `scripts/cross-test.sh`.

use ceping::campaign_toml::{self, CampaignError};
use ceping::i18n::Lang;
use ceping::store::{Store, verify};

fn crlf(text: &str) -> String {
    assert!(!text.contains('\r'));
    text.replace('\n', "\r\n")
}

fn parse(source: &str) -> Result<ceping::domain::Campaign, CampaignError> {
    campaign_toml::parse(source, "方案.toml")
}

#[test]
fn a_crlf_campaign_in_a_chinese_folder_with_spaces_is_the_lf_campaign() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("考核 方案 2021");
    std::fs::create_dir(&folder).unwrap();
    let toml = folder.join("街道 方案.toml");
    std::fs::write(&toml, crlf(campaign_toml::template())).unwrap();
    let loaded = campaign_toml::load(&toml).expect("the CRLF template loads");
    assert_eq!(loaded, parse(campaign_toml::template()).unwrap());
    // A campaign file beside it, by a name with a space, opens and verifies.
    let file = folder.join("南塘 村.ceping");
    drop(Store::create(&file, &loaded).unwrap());
    drop(Store::open(&file).unwrap());
    let report = verify::verify(&file).unwrap();
    assert_eq!(report.events, 1);
}

/// The template edited (`from` replaced by `to`) and saved with CRLF: its
/// error is at the LF file's line and column, and no message has a CR.
fn same_place(from: &str, to: &str) {
    let template = campaign_toml::template();
    assert!(template.contains(from), "{from}");
    let lf_source = template.replacen(from, to, 1);
    let lf = parse(&lf_source).expect_err(to);
    let crlf = parse(&crlf(&lf_source)).expect_err(to);
    assert_eq!(
        (crlf.line, crlf.column, &crlf.kind),
        (lf.line, lf.column, &lf.kind),
        "{to}"
    );
    for lang in [Lang::Zh, Lang::En] {
        let line = crlf.render(lang);
        assert!(!line.contains('\r'), "{to}: {line:?}");
    }
}

#[test]
fn errors_in_a_crlf_campaign_are_where_they_are_with_lf() {
    // A value, a range, an unknown key.
    same_place("year = 2021", "year = 20x1");
    same_place("speaker_minutes = 10", "speaker_minutes = 500");
    same_place("year = 2021", "year = 2021\nyaer = 2021");
}

#[test]
fn text_cut_off_at_a_crlf_line_end_is_reported_at_the_line_end() {
    // The TOML library stops at the LF, after the CR: the column must
    // still be just past the text, as with LF.
    same_place("year = 2021", "year = 2021\nnote = \"没有写完");
}
