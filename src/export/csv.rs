//! The results as one CSV file: UTF-8 with a byte-order mark (so Excel and
//! WPS read the Chinese correctly), CRLF line ends, RFC 4180 quoting.
//!
//! One section per meeting kind, in the campaign's order (述职测评大会
//! first, then 抓基层党建述职评议); each section is a header row naming
//! that meeting's grades, then a row per subject per round of every unit
//! (`单位` first), void rounds included (状态 作废); an empty line ends a
//! section. The two meetings have different scales, so each section's
//! header names its own grades and rates:
//!
//! 单位, 会议, 轮次, 状态, 姓名, 职务, then the grades (优秀, 称职, 基本称职,
//! 不称职 — or 好, 较好, 一般, 差), 弃权, 无效, the two rates (优秀率,
//! 称职及以上率 — or 好票率, 较好及以上率: the shares of the scale's first
//! grade and first two grades, four decimals, empty while nothing is
//! graded), 应到, 实到, 发出, 收回, 已录入, 有效, 废票, 空白票, 指纹 (the
//! head recorded when the round closed), 提示 (the round's counting
//! warnings as on the screen, each followed by （已确认） or （未确认）,
//! joined by "；"), 历次结束 (for a reopened round, each earlier close:
//! when, fingerprint, reopened when and why, what changed after; joined by
//! "；", empty when never reopened).
//!
//! A reader finds a section by its first cell: `单位` starts a header row.
//!
//! Spreadsheet injection: a text cell starting with `=`, `+`, `-`, `@`,
//! tab, CR or LF gets a leading `'` (OWASP's advice), so no spreadsheet
//! runs it as a formula. Numbers ceping writes are never prefixed.

use super::xlsx::labels::{self, TOTALS};
use crate::catalog::{Msg, t};
use crate::domain::{MeetingKind, Model, RoundStatus};

/// A value in a row: text from users (neutralised) or a number we made.
enum Cell<'a> {
    Text(&'a str),
    Num(String),
}

/// `s` made safe for a spreadsheet: a leading `'` before a character that
/// would start a formula.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// One field, quoted as RFC 4180 asks when it holds a comma, a quote or a
/// line break.
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn record(out: &mut String, cells: &[Cell]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match c {
            Cell::Text(s) => field(out, &neutralise(s)),
            Cell::Num(n) => out.push_str(n),
        }
    }
    out.push_str("\r\n");
}

fn num(n: Option<u64>) -> Cell<'static> {
    Cell::Num(n.map(|n| n.to_string()).unwrap_or_default())
}

fn rate(r: Option<f64>) -> Cell<'static> {
    Cell::Num(r.map(|r| format!("{r:.4}")).unwrap_or_default())
}

/// The CSV of `model`; `_head` is accepted for symmetry with the other
/// formats (each closed round carries its own head).
pub fn to_bytes(model: &Model, _head: &[u8; 32]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for (i, meeting) in model.campaign.meetings.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        section(&mut out, model, meeting.kind);
    }
    out.into_bytes()
}

/// The header row of `kind`'s section: its grades and rates by name.
fn header(scale: &[String]) -> Vec<String> {
    let mut header: Vec<String> = [
        labels::UNIT,
        labels::MEETING,
        labels::ROUND,
        labels::STATUS,
        labels::NAME,
        labels::ROLE,
    ]
    .map(String::from)
    .to_vec();
    header.extend(labels::result_columns(scale));
    header.extend(TOTALS.map(String::from));
    header.push(labels::FINGERPRINT.into());
    header.push(labels::FLAGS.into());
    header.push("历次结束".into());
    header
}

/// The section of meeting `kind`: its header, then every unit's rounds.
fn section(out: &mut String, model: &Model, kind: MeetingKind) {
    let scale = labels::scale(model, kind);
    let header = header(&scale);
    let cells: Vec<Cell> = header.iter().map(|h| Cell::Text(h)).collect();
    record(out, &cells);
    for unit in model
        .campaign
        .units
        .iter()
        .filter(|u| u.meetings.contains(&kind))
    {
        for round in model.rounds_of(&unit.name, kind) {
            let tally = model.tally(round);
            let totals = labels::totals(round, &tally);
            let round_no = round.key.round.to_string();
            let head = match &round.status {
                RoundStatus::Closed { head } => head.as_str(),
                _ => "",
            };
            let warnings = labels::warnings_joined(model, round);
            let history = labels::history(round).join(t(Msg::PartSep));
            for (line, t) in round.lines.iter().zip(&tally.subjects) {
                let mut cells = vec![
                    Cell::Text(&unit.name),
                    Cell::Text(kind.label_zh()),
                    Cell::Num(round_no.clone()),
                    Cell::Text(labels::status(&round.status)),
                    Cell::Text(&line.name),
                    Cell::Text(unit.post(&line.name, line.role)),
                ];
                cells.extend((0..scale.len()).map(|g| num(t.counts.get(g).copied())));
                cells.extend([
                    num(Some(t.abstain)),
                    num(Some(t.void_marks)),
                    rate(t.top_rate()),
                    rate(t.top_two_rate()),
                ]);
                cells.extend(totals.iter().map(|&n| num(n)));
                cells.push(Cell::Text(head));
                cells.push(Cell::Text(&warnings));
                cells.push(Cell::Text(&history));
                record(out, &cells);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_neutralised_and_fields_quoted() {
        for s in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
        assert_eq!(neutralise("王小明"), "王小明");
        assert_eq!(neutralise(""), "");
        let mut out = String::new();
        record(
            &mut out,
            &[
                Cell::Text("a,b"),
                Cell::Text("say \"hi\""),
                Cell::Text("=x\ny"),
                Cell::Num("-1".into()),
            ],
        );
        assert_eq!(out, "\"a,b\",\"say \"\"hi\"\"\",\"'=x\ny\",-1\r\n");
    }
}
