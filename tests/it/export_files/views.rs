//! One view of every round (totals and per-subject counts), built from
//! the model's `Tally` and read back from each export format, so the
//! tests can assert that all four are equal.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use ceping::domain::*;

// ------------------------------------------------- one view of a round

/// What every format must agree on for one round.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundView {
    pub unit: String,
    pub meeting: String,
    pub round: u32,
    pub status: String,
    /// 应到, 实到, 发出, 收回, 已录入, 有效, 废票, 空白票.
    pub totals: [Option<u64>; 8],
    pub subjects: Vec<SubjectView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubjectView {
    pub name: String,
    pub counts: Vec<u64>,
    pub abstain: u64,
    pub void_marks: u64,
    /// The two rates, to four decimals (compared as such).
    pub rates: [Option<String>; 2],
}

pub fn status_zh(s: &RoundStatus) -> &'static str {
    match s {
        RoundStatus::Open => "进行中",
        RoundStatus::Closed { .. } => "已结束",
        RoundStatus::Void => "作废",
    }
}

pub fn rate4(r: Option<f64>) -> Option<String> {
    r.map(|r| format!("{r:.4}"))
}

/// The truth: the model's own count of every round.
pub fn from_model(model: &Model) -> Vec<RoundView> {
    let mut out = Vec::new();
    for unit in &model.campaign.units {
        for &meeting in &unit.meetings {
            for round in model.rounds_of(&unit.name, meeting) {
                let t = model.tally(round);
                let keyed = |n: Option<u32>| n.map(u64::from);
                out.push(RoundView {
                    unit: unit.name.clone(),
                    meeting: meeting.label_zh().into(),
                    round: round.key.round,
                    status: status_zh(&round.status).into(),
                    totals: [
                        keyed(round.expected),
                        keyed(round.present),
                        keyed(round.issued),
                        keyed(round.returned),
                        Some(t.entered),
                        Some(t.valid()),
                        Some(t.invalid),
                        Some(t.blank),
                    ],
                    subjects: round
                        .lines
                        .iter()
                        .zip(&t.subjects)
                        .map(|(line, s)| SubjectView {
                            name: line.name.clone(),
                            counts: s.counts.clone(),
                            abstain: s.abstain,
                            void_marks: s.void_marks,
                            rates: [rate4(s.top_rate()), rate4(s.top_two_rate())],
                        })
                        .collect(),
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------- xlsx

pub fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a valid xlsx")
}

pub fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

pub fn number(d: Option<&Data>) -> Option<u64> {
    match d {
        Some(Data::Float(f)) => Some(*f as u64),
        Some(Data::Int(i)) => Some(*i as u64),
        Some(Data::Empty) | None => None,
        Some(other) => panic!("not a number: {other:?}"),
    }
}

pub fn float(d: Option<&Data>) -> Option<f64> {
    match d {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Empty) | None => None,
        Some(other) => panic!("not a rate: {other:?}"),
    }
}

/// Read the 附件4 blocks of a unit sheet back: each starts with a line
/// "<meeting>　第 N 轮", then the totals (labels, numbers), then the
/// subjects' table, then the status line.
pub fn unit_blocks(unit: &str, range: &Range<Data>) -> Vec<RoundView> {
    let rows: Vec<&[Data]> = range.rows().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let first = text(rows[i].first());
        let Some((meeting, rest)) = first.split_once("　第 ") else {
            i += 1;
            continue;
        };
        let round: u32 = rest.split(' ').next().unwrap().parse().unwrap();
        assert_eq!(
            text(rows[i + 1].first()),
            "应到",
            "{unit} {meeting} {round}"
        );
        let values = rows[i + 2];
        let totals: [Option<u64>; 8] = std::array::from_fn(|c| number(values.get(c)));
        let header = rows[i + 3];
        assert_eq!(text(header.first()), "序号");
        let abstain = header.iter().position(|h| text(Some(h)) == "弃权").unwrap();
        let mut subjects = Vec::new();
        let mut r = i + 4;
        while let Some(Data::Float(_)) = rows[r].first() {
            let row = rows[r];
            subjects.push(SubjectView {
                name: text(row.get(1)),
                counts: (3..abstain).map(|c| number(row.get(c)).unwrap()).collect(),
                abstain: number(row.get(abstain)).unwrap(),
                void_marks: number(row.get(abstain + 1)).unwrap(),
                rates: [
                    rate4(float(row.get(abstain + 2))),
                    rate4(float(row.get(abstain + 3))),
                ],
            });
            r += 1;
        }
        while !text(rows[r].first()).starts_with("状态：") {
            r += 1;
        }
        let line = text(rows[r].first());
        let status = ["进行中", "已结束", "作废"]
            .into_iter()
            .find(|s| line.starts_with(&format!("状态：{s}")))
            .unwrap_or_else(|| panic!("status line: {line}"));
        out.push(RoundView {
            unit: unit.into(),
            meeting: meeting.into(),
            round,
            status: status.into(),
            totals,
            subjects,
        });
        i = r + 1;
    }
    out
}

pub fn from_xlsx(bytes: &[u8], model: &Model) -> Vec<RoundView> {
    let mut book = workbook(bytes);
    let mut out = Vec::new();
    for unit in &model.campaign.units {
        let range = book.worksheet_range(&unit.name).unwrap();
        out.extend(unit_blocks(&unit.name, &range));
    }
    out
}

// ----------------------------------------------------------------- csv

/// RFC 4180: fields separated by commas, records by CRLF; a quoted field
/// may hold commas, doubled quotes and line breaks.
pub fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF ends a record"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

pub fn csv_text(bytes: &[u8]) -> &str {
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    std::str::from_utf8(&bytes[3..]).expect("UTF-8")
}

/// The CSV read back: one section per meeting kind, each a header row
/// naming its grades (first cell 单位), its rows, and an empty line; the
/// rounds put back in the model's order (unit by unit as the file first
/// names them, then meeting, then round).
pub fn from_csv(bytes: &[u8]) -> Vec<RoundView> {
    let records = parse_csv(csv_text(bytes));
    assert_eq!(records[0][0], "单位", "the file starts with a header row");
    let mut out: Vec<RoundView> = Vec::new();
    let mut header: Option<&Vec<String>> = None;
    for r in &records {
        if r[0] == "单位" {
            header = Some(r);
            continue;
        }
        if r.len() == 1 && r[0].is_empty() {
            header = None;
            continue;
        }
        let header = header.expect("a row under a header row");
        assert_eq!(r.len(), header.len());
        let (round, subject) = csv_row(header, r);
        match out.last_mut() {
            Some(last)
                if (&last.unit, &last.meeting, last.round)
                    == (&round.unit, &round.meeting, round.round) =>
            {
                assert_eq!(last.totals, round.totals, "round totals on every row");
                last.subjects.push(subject);
            }
            _ => out.push(RoundView {
                subjects: vec![subject],
                ..round
            }),
        }
    }
    let mut units: Vec<String> = Vec::new();
    for r in &out {
        if !units.contains(&r.unit) {
            units.push(r.unit.clone());
        }
    }
    out.sort_by_key(|r| units.iter().position(|u| *u == r.unit));
    out
}

/// One CSV row under `header`: its round (no subjects) and its subject.
fn csv_row(header: &[String], r: &[String]) -> (RoundView, SubjectView) {
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    // The grades are named between 职务 and 弃权; the rates follow 无效.
    let (first, abstain) = (col("职务") + 1, col("弃权"));
    let totals = [
        "应到",
        "实到",
        "发出",
        "收回",
        "已录入",
        "有效",
        "废票",
        "空白票",
    ]
    .map(col);
    let opt = |s: &str| (!s.is_empty()).then(|| s.parse::<u64>().unwrap());
    let rate = |c: usize| (!r[c].is_empty()).then(|| r[c].clone());
    let subject = SubjectView {
        name: r[col("姓名")].clone(),
        counts: (first..abstain).map(|c| r[c].parse().unwrap()).collect(),
        abstain: r[abstain].parse().unwrap(),
        void_marks: r[col("无效")].parse().unwrap(),
        rates: [rate(abstain + 2), rate(abstain + 3)],
    };
    let round = RoundView {
        unit: r[0].clone(),
        meeting: r[col("会议")].clone(),
        round: r[col("轮次")].parse().unwrap(),
        status: r[col("状态")].clone(),
        totals: totals.map(|c| opt(&r[c])),
        subjects: Vec::new(),
    };
    (round, subject)
}

// ---------------------------------------------------------------- json

pub fn from_json(bytes: &[u8]) -> Vec<RoundView> {
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let n = |v: &serde_json::Value| v.as_u64();
    let mut out = Vec::new();
    for unit in v["units"].as_array().unwrap() {
        for meeting in unit["meetings"].as_array().unwrap() {
            let kind = MeetingKind::from_key(meeting["kind"].as_str().unwrap()).unwrap();
            let scale: Vec<&str> = meeting["scale"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g.as_str().unwrap())
                .collect();
            for r in meeting["rounds"].as_array().unwrap() {
                let status = match r["status"].as_str().unwrap() {
                    "open" => "进行中",
                    "closed" => "已结束",
                    "void" => "作废",
                    s => panic!("status {s}"),
                };
                out.push(RoundView {
                    unit: unit["name"].as_str().unwrap().into(),
                    meeting: kind.label_zh().into(),
                    round: r["round"].as_u64().unwrap() as u32,
                    status: status.into(),
                    totals: [
                        "expected",
                        "present",
                        "issued",
                        "returned",
                        "entered",
                        "valid_ballots",
                        "invalid_ballots",
                        "blank_ballots",
                    ]
                    .map(|k| n(&r[k])),
                    subjects: r["subjects"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| SubjectView {
                            name: s["name"].as_str().unwrap().into(),
                            counts: scale
                                .iter()
                                .map(|g| s["counts"][*g].as_u64().unwrap())
                                .collect(),
                            abstain: s["abstain"].as_u64().unwrap(),
                            void_marks: s["void_marks"].as_u64().unwrap(),
                            rates: [&s["rates"]["top"], &s["rates"]["top_two"]]
                                .map(|r| rate4(r.as_f64())),
                        })
                        .collect(),
                });
            }
        }
    }
    out
}
