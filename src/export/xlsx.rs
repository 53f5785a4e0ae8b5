//! The results as an Excel workbook, in the forms the office files:
//!
//! - a sheet per unit in the layout of 附件4 (民主测评结果汇总表): for
//!   each meeting and round the totals (应到, 实到, 发出, 收回, 已录入,
//!   有效, 废票, 空白票), a row per subject with the count of each grade,
//!   弃权, 无效 and the two rates, then the round's status and fingerprint;
//! - 街道汇总: every unit and meeting with its status and progress, and
//!   every subject's rates;
//! - 评定等次: the grading board with quota use, and the deadlines;
//! - 附件6 综合评价 and 附件7 整改清单;
//! - 原始选票: every keyed ballot, anonymous (unit, meeting, round, number,
//!   marks).
//!
//! Every text cell is written with `write_string`: a name such as
//! `=HYPERLINK(...)` stays text and never becomes a formula.

mod ballots;
pub mod labels;
mod office;
mod sheet;
mod street;
mod units;

use rust_xlsxwriter::{DocProperties, Workbook};

use super::ExportError;
use crate::domain::Model;
use crate::store::chain;
use sheet::cut_utf16;

/// The fixed sheets, in order after the unit sheets.
const SUMMARY: &str = "街道汇总";
const GRADING: &str = "评定等次";
const COMBINED: &str = "附件6 综合评价";
const RECTIFICATION: &str = "附件7 整改清单";
const BALLOTS: &str = "原始选票";
const FIXED: [&str; 5] = [SUMMARY, GRADING, COMBINED, RECTIFICATION, BALLOTS];

/// The workbook of `model`, whose log ends in `head`.
pub fn to_bytes(model: &Model, head: &[u8; 32]) -> Result<Vec<u8>, ExportError> {
    let fingerprint = chain::to_hex(head);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(&model.campaign.title)
            .set_subject("民主测评结果汇总")
            .set_comment(format!("ceping; 指纹 {fingerprint}")),
    );
    let unit_names: Vec<&str> = model
        .campaign
        .units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    let names = sheet_names(&unit_names, &FIXED);
    for (unit, name) in model.campaign.units.iter().zip(&names) {
        book.push_worksheet(units::sheet(model, unit, name)?);
    }
    book.push_worksheet(street::sheet(model, SUMMARY, &fingerprint)?);
    book.push_worksheet(office::grading_sheet(model, GRADING)?);
    book.push_worksheet(office::combined_sheet(model, COMBINED)?);
    book.push_worksheet(office::rectification_sheet(model, RECTIFICATION)?);
    book.push_worksheet(ballots::sheet(model, BALLOTS)?);
    Ok(book.save_to_buffer()?)
}

/// Excel's rules for a sheet name: 1 to 31 UTF-16 units, none of
/// `[ ] : * ? / \`, no apostrophe at either end, not "History", and unique
/// ignoring case.
const MAX_SHEET_NAME: usize = 31;

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `s` without spaces or apostrophes at either end.
fn tidy(s: &str) -> &str {
    s.trim_matches(|c: char| c == '\'' || c.is_whitespace())
}

/// A valid, unique sheet name for each of `wanted` (in order), none equal
/// to a name in `reserved`.
fn sheet_names(wanted: &[&str], reserved: &[&str]) -> Vec<String> {
    let mut taken: Vec<String> = reserved.iter().map(|r| r.to_lowercase()).collect();
    taken.push("history".into());
    let mut out = Vec::with_capacity(wanted.len());
    for (i, name) in wanted.iter().enumerate() {
        let clean: String = name
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        let base = match tidy(cut_utf16(tidy(&clean), MAX_SHEET_NAME)) {
            "" => format!("单位{}", i + 1),
            s => s.to_string(),
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate.to_lowercase()) {
            let suffix = format!("({n})");
            let room = MAX_SHEET_NAME - utf16_len(&suffix);
            candidate = format!("{}{suffix}", tidy(cut_utf16(&base, room)));
            n += 1;
        }
        taken.push(candidate.to_lowercase());
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_by_utf16_units_on_a_char_boundary() {
        let emoji = "😀".repeat(20_000); // 40,000 UTF-16 units
        let cut = cut_utf16(&emoji, 32_767);
        assert_eq!(utf16_len(cut), 32_766);
        assert_eq!(cut_utf16("南塘村", 2), "南塘");
        assert_eq!(cut_utf16("南塘村", 10), "南塘村");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let long = "很长很长的名字".repeat(6);
        let names = sheet_names(
            &[
                "南塘村",
                "a/b[c]:d*e?f\\g",
                "'quoted'",
                "",
                &long,
                &long,
                "History",
                "街道汇总",
                "ABC",
                "abc",
            ],
            &FIXED,
        );
        assert_eq!(names[0], "南塘村");
        assert_eq!(names[1], "a_b_c__d_e_f_g");
        assert_eq!(names[2], "quoted");
        assert_eq!(names[3], "单位4");
        assert_eq!(utf16_len(&names[4]), 31);
        assert!(names[5].ends_with("(2)") && utf16_len(&names[5]) <= 31);
        assert_eq!(names[6], "History(2)");
        assert_eq!(names[7], "街道汇总(2)");
        assert_eq!(names[8], "ABC");
        assert_eq!(names[9], "abc(2)");
        let mut seen: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), names.len());
        for n in &names {
            assert!(!n.is_empty() && utf16_len(n) <= 31, "{n}");
            assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
            assert!(!n.starts_with('\'') && !n.ends_with('\''), "{n}");
        }
    }
}
