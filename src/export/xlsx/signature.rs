//! The signature block of the forms the liaison hands in (附件4 per unit,
//! 附件9, the minutes): the round's fingerprint, short and full, then a
//! line each for 计票人, 监票人 and 主持人 to sign on, and the date.
//!
//! The close step tells the liaison "请写入会议记录，由监票人签字": the
//! fingerprint printed here is what the scrutineers sign under, so it
//! stands right above their lines. A round that is not closed has no
//! fingerprint yet and says so (未结束（暂定）): signing it would vouch for
//! numbers that may still change.
//!
//! Every line spans the table's width (`0..=last`), so the block fits
//! whatever columns the form above it has: two signatures to a line
//! (about 70 display cells), each line tall enough to sign on the
//! underscores.

use rust_xlsxwriter::{Format, FormatAlign, XlsxError};

use super::labels;
use super::sheet::Sheet;
use crate::domain::round::short_fingerprint;

/// The people who sign, in the order the minutes name them.
pub const SIGNERS: [&str; 3] = [labels::COUNTER, labels::SCRUTINEER, labels::HOST];

/// The underlined blank a signature goes on.
const BLANK: &str = "__________________";

/// The date line, to be filled in by hand.
pub const DATE_LINE: &str = "日期：______年____月____日";

/// The height of a line to sign on, in points (two lines of text).
const SIGN_HEIGHT: f64 = 32.0;

/// Write the block from `row` across columns `0..=last`; `head` is the
/// chain head the round recorded when it closed (`None` while it is open,
/// void or not held). Returns the row after the block.
pub fn block(s: &mut Sheet, mut row: u32, last: u16, head: Option<&str>) -> Result<u32, XlsxError> {
    let sign = Format::new()
        .set_font_size(12)
        .set_align(FormatAlign::Bottom);
    for line in fingerprint_lines(head) {
        s.paragraph(row, last, &line)?;
        row += 1;
    }
    let signature = |who: &str| format!("{who}（签字）：{BLANK}");
    let lines = [
        format!("{}　　{}", signature(SIGNERS[0]), signature(SIGNERS[1])),
        format!("{}　　{DATE_LINE}", signature(SIGNERS[2])),
    ];
    for line in lines {
        s.line(row, last, &line, &sign)?;
        s.row_height(row, SIGN_HEIGHT)?;
        row += 1;
    }
    Ok(row)
}

/// The fingerprint as the block prints it: the short form the screen
/// showed at closing, then the full chain head; or why there is none.
pub fn fingerprint_lines(head: Option<&str>) -> Vec<String> {
    match head {
        Some(head) => vec![
            format!(
                "{}（前 12 位，与屏幕所示一致）：{}",
                labels::FINGERPRINT,
                short_fingerprint(head)
            ),
            format!("完整{}：{head}", labels::FINGERPRINT),
        ],
        None => vec![format!(
            "{}：{}，尚无指纹；结束后再签字。",
            labels::FINGERPRINT,
            labels::PROVISIONAL
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_round_prints_both_forms_of_its_fingerprint() {
        let head = "0123456789abcdef".repeat(4);
        let lines = fingerprint_lines(Some(&head));
        assert!(lines[0].ends_with("：0123456789ab"), "{lines:?}");
        assert!(lines[1].ends_with(&head), "{lines:?}");
        let open = fingerprint_lines(None);
        assert!(open[0].contains("未结束（暂定）"), "{open:?}");
    }
}
