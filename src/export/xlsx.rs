//! The results as an Excel workbook, in the forms the office files:
//!
//! - a sheet per unit in the layout of 附件4 (民主测评结果汇总表): for
//!   each meeting and round the totals (应到, 实到, 发出, 收回, 已录入,
//!   有效, 废票, 空白票), a row per subject with the count of each grade,
//!   弃权, 无效 and the two rates, then the round's status and fingerprint;
//! - 街道汇总: every unit and meeting with its status and progress; and
//!   街道汇总-各人测评: every subject's counts and rates, per meeting;
//! - 评定等次-单位, -书记, -干部, -工作队: the grading board, a sheet per
//!   group with its quota use (the deadlines under the units');
//! - 附件6 综合评价 and 附件7 整改清单;
//! - 附件9 (民主评议结果报告单), a sheet per Party secretary, and the
//!   minutes (会议记录), a sheet per meeting held, each with a signature
//!   block (`attachment9`, `minutes`, `signature`);
//! - 登记表用语: each person's sentence for the annual registration form
//!   (`register`);
//! - 原始选票: every keyed ballot, anonymous (unit, meeting, round, number,
//!   marks).
//!
//! Every text cell is written with `write_string`: a name such as
//! `=HYPERLINK(...)` stays text and never becomes a formula.

mod attachment9;
mod ballots;
mod grading;
pub mod labels;
pub mod minutes;
mod office;
pub mod register;
mod sheet;
pub(crate) mod signature;
mod street;
mod units;

use rust_xlsxwriter::{DocProperties, Workbook};

use super::ExportError;
use crate::domain::Model;
use crate::store::chain;
use sheet::cut_utf16;

/// The fixed sheets, in order after the unit sheets.
const SUMMARY: &str = "街道汇总";
const PEOPLE: &str = "街道汇总-各人测评";
const COMBINED: &str = "附件6 综合评价";
const RECTIFICATION: &str = "附件7 整改清单";
const REGISTER: &str = "登记表用语";
const BALLOTS: &str = "原始选票";
const FIXED: [&str; 10] = [
    SUMMARY,
    PEOPLE,
    grading::NAMES[0],
    grading::NAMES[1],
    grading::NAMES[2],
    grading::NAMES[3],
    COMBINED,
    RECTIFICATION,
    REGISTER,
    BALLOTS,
];

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
    // The unit sheets (附件4), then 附件9 per secretary and the minutes
    // per meeting held: their names made valid and unique together.
    let secretaries = attachment9::secretaries(model);
    let held = minutes::held(model);
    let wanted: Vec<String> = (model.campaign.units.iter().map(|u| u.name.clone()))
        .chain(secretaries.iter().map(attachment9::sheet_name))
        .chain(held.iter().map(minutes::sheet_name))
        .collect();
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    let names = sheet_names(&wanted, &FIXED);
    let (unit_names, rest) = names.split_at(model.campaign.units.len());
    let (secretary_names, minutes_names) = rest.split_at(secretaries.len());
    for (unit, name) in model.campaign.units.iter().zip(unit_names) {
        book.push_worksheet(units::sheet(model, unit, name)?);
    }
    for (sec, name) in secretaries.iter().zip(secretary_names) {
        book.push_worksheet(attachment9::sheet(model, sec, name)?);
    }
    for (key, name) in held.iter().zip(minutes_names) {
        book.push_worksheet(minutes::sheet(model, key, name)?);
    }
    book.push_worksheet(street::sheet(model, SUMMARY, &fingerprint)?);
    book.push_worksheet(street::people_sheet(model, PEOPLE)?);
    for sheet in grading::sheets(model)? {
        book.push_worksheet(sheet);
    }
    book.push_worksheet(office::combined_sheet(model, COMBINED)?);
    book.push_worksheet(office::rectification_sheet(model, RECTIFICATION)?);
    book.push_worksheet(register::sheet(model, REGISTER)?);
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
