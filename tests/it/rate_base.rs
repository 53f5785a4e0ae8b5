//! `[rules] rate_base` (issue 13): what 优秀率 and 称职及以上率 divide by.
//! 26 优秀, 1 称职 and 2 blank ballots give 26/27 (96.3 %) under
//! `"graded"` (弃权 and 无效 left out, the default) and 26/29 (89.7 %)
//! under `"valid"`; the tally, the screen's legend, the JSON, the CSV and
//! the workbook all give the same rate.

use calamine::{Data, Reader, Xlsx};
use ceping::domain::campaign::RateBase;
use ceping::domain::{BallotContent, Campaign, Tally};
use ceping::i18n::Lang;
use ceping::store::{Session, Store};

use crate::support::app::{lock, shows};
use crate::support::campaign::{annual_round, small_campaign};
use crate::support::meeting::{key_ballots_with, to_counting};

/// The small campaign under `base`, its annual review at counting with
/// 26 ballots all 优秀, 1 all 称职 and 2 blank.
fn keyed(dir: &std::path::Path, base: RateBase) -> Session {
    let mut campaign: Campaign = small_campaign();
    campaign.rules.rate_base = base;
    let mut s = Store::create(&dir.join("street.ceping"), &campaign).unwrap();
    let round = annual_round("南塘村");
    to_counting(&mut s, &round, [30, 29, 29, 29]);
    key_ballots_with(&mut s, &round, 29, |n, lines| match n {
        1..=26 => BallotContent::all(0, lines),
        27 => BallotContent::all(1, lines),
        _ => BallotContent::Blank,
    });
    s
}

fn first_rates(s: &Session) -> (Option<f64>, Option<f64>) {
    let round = &s.model.rounds[&annual_round("南塘村")];
    let tally = Tally::count(round, &s.model.campaign.rules, 4);
    let first = &tally.subjects[0];
    (first.top_rate(), first.top_two_rate())
}

#[test]
fn the_template_names_the_rule_and_the_parser_reads_both_values() {
    let template = ceping::campaign_toml::template();
    assert!(template.contains("rate_base = \"graded\""), "{template}");
    let parse = |value: &str| {
        let source = template.replace("rate_base = \"graded\"", &format!("rate_base = {value}"));
        ceping::campaign_toml::parse(&source, "c.toml")
    };
    assert_eq!(
        parse("\"graded\"").unwrap().rules.rate_base,
        RateBase::Graded
    );
    assert_eq!(parse("\"valid\"").unwrap().rules.rate_base, RateBase::Valid);
    let _guard = lock(Lang::Zh);
    let err = parse("\"all\"").unwrap_err().to_string();
    assert!(
        err.contains("\"all\"") && err.contains("\"valid\""),
        "{err}"
    );
    // Left out, the rule is today's.
    let without = template.replace("rate_base = \"graded\"", "");
    let campaign = ceping::campaign_toml::parse(&without, "c.toml").unwrap();
    assert_eq!(campaign.rules.rate_base, RateBase::Graded);
}

#[test]
fn the_tally_divides_by_the_base() {
    let dir = tempfile::tempdir().unwrap();
    let graded = keyed(dir.path(), RateBase::Graded);
    assert_eq!(first_rates(&graded), (Some(26.0 / 27.0), Some(1.0)));
    let dir = tempfile::tempdir().unwrap();
    let valid = keyed(dir.path(), RateBase::Valid);
    assert_eq!(first_rates(&valid), (Some(26.0 / 29.0), Some(27.0 / 29.0)));
}

/// Every number cell of the workbook, to 4 places.
fn workbook_numbers(bytes: Vec<u8>) -> Vec<String> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let Data::Float(f) = cell.2 {
                out.push(format!("{f:.4}"));
            }
        }
    }
    out
}

#[test]
fn the_exports_use_the_same_base() {
    let _guard = lock(Lang::Zh);
    for (base, top, other) in [
        (RateBase::Valid, "0.8966", "0.9630"),
        (RateBase::Graded, "0.9630", "0.8966"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let s = keyed(dir.path(), base);
        let head = s.store.head();
        let json: serde_json::Value =
            serde_json::from_str(&ceping::export::json::to_string(&s.model, &head)).unwrap();
        let said = match base {
            RateBase::Valid => "valid",
            RateBase::Graded => "graded",
        };
        assert_eq!(
            json["campaign"]["rate_base"], said,
            "the JSON says its base"
        );
        let text = json.to_string();
        assert!(
            text.contains(&format!("\"top\":{}", top.trim_end_matches('0'))),
            "{base:?}"
        );
        let csv = String::from_utf8(ceping::export::csv::to_bytes(&s.model, &head)).unwrap();
        assert!(csv.contains(top) && !csv.contains(other), "{base:?}: {csv}");
        let numbers = workbook_numbers(ceping::export::xlsx::to_bytes(&s.model, &head).unwrap());
        assert!(numbers.iter().any(|n| n == top), "{base:?}: {numbers:?}");
        assert!(!numbers.iter().any(|n| n == other), "{base:?}: {numbers:?}");
    }
}

#[test]
fn the_results_say_what_the_rates_divide_by() {
    use crate::support::app::{demo_at, press, render, to_counting_script};
    for (l, graded, valid) in [
        (
            Lang::Zh,
            "给了等次的票（不含弃权、无效）",
            "全部有效票（含弃权、无效）",
        ),
        (Lang::En, "marks that give a grade", "all valid ballots"),
    ] {
        let _guard = lock(l);
        let (_dir, mut app) = demo_at(&to_counting_script(12));
        press(&mut app, "<Enter> 1 <Enter> <Esc>");
        let screen = render(&app, 160, 45);
        assert!(shows(&screen, graded), "{l:?}");
        app.session.model.campaign.rules.rate_base = RateBase::Valid;
        assert!(shows(&render(&app, 160, 45), valid), "{l:?}");
    }
}
