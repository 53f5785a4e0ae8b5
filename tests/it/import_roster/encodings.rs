//! Good rosters import in every encoding a liaison's file may come in:
//! UTF-8 (with or without BOM), GBK, GB18030 (named so whenever a character
//! needed it), Excel's tab-separated UTF-16
//! text and xlsx (columns in any order, extra columns ignored); padded
//! names are normalised and the report column is optional.

use super::*;

#[test]
fn utf8_roster() {
    let report = imports_good("名单.csv", csv(GOOD).as_bytes(), "UTF-8");
    assert!(report.contains("已导入 2 个单位 10 人"), "{report}");
    assert!(report.contains("已按 UTF-8 编码读取"), "{report}");
    assert!(report.contains("南塘村 6 人、回龙村 4 人"), "{report}");
}

#[test]
fn utf8_roster_with_bom() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), csv(GOOD).as_bytes()].concat();
    let report = imports_good("bom.csv", &bytes, "UTF-8 BOM");
    assert!(report.contains("UTF-8 BOM"), "{report}");
}

#[test]
fn gbk_roster() {
    let text = csv(GOOD);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let report = imports_good("gbk.csv", &bytes, "GBK");
    assert!(report.contains("已按 GBK 编码读取"), "{report}");
}

#[test]
fn gb18030_roster_with_a_character_outside_gbk() {
    let text = csv(GOOD).replace("屈红霞", "𠀀红霞");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let (_, _, outside_gbk) = encoding_rs::GBK.encode(&text);
    assert!(outside_gbk, "𠀀 needs GB18030's four-byte form");
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let report = import_roster(&mut session, &write(&dir, "gb.csv", &bytes)).unwrap();
    assert!(report.contains("已按 GB18030 编码读取"), "{report}");
    let mut expected = huilong();
    expected[2].name = "𠀀红霞".into();
    assert_eq!(subjects(&session, "回龙村"), expected);
    assert_eq!(roster_events(&session)[0]["encoding"], "GB18030");
}

#[test]
fn gb18030_roster_whose_rare_character_takes_two_bytes() {
    // 䶮 (U+4DAE) is written in two bytes (FE9F), where GBK has only a
    // private-use character: the file is GB18030, not GBK.
    let text = csv(GOOD).replace("屈红霞", "刘䶮");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(bytes.windows(2).any(|w| w == [0xFE, 0x9F]));
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let report = import_roster(&mut session, &write(&dir, "䶮.csv", &bytes)).unwrap();
    assert!(report.contains("已按 GB18030 编码读取"), "{report}");
    assert_eq!(subjects(&session, "回龙村")[2].name, "刘䶮");
    assert_eq!(roster_events(&session)[0]["encoding"], "GB18030");
}

#[test]
fn tab_separated_utf16_text_from_excel() {
    // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
    let text = csv(GOOD).replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    imports_good("unicode.txt", &bytes, "UTF-16");
}

#[test]
fn xlsx_roster_with_columns_in_any_order_and_extra_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("花名册").unwrap();
    // Columns shuffled, 序号 and 备注 extra, the header on row 1.
    let header = ["序号", "职务", "姓名", "备注", "单位", "述职方式"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, line) in GOOD[1..].iter().enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let row = r as u32 + 1;
        ws.write_number(row, 0, row as f64).unwrap();
        ws.write_string(row, 1, f[2]).unwrap();
        ws.write_string(row, 2, f[1]).unwrap();
        ws.write_string(row, 3, "（无）").unwrap();
        ws.write_string(row, 4, f[0]).unwrap();
        if !f[3].is_empty() {
            ws.write_string(row, 5, f[3]).unwrap();
        }
    }
    book.save(&path).unwrap();
    let (_, mut session) = demo_file(dir.path());
    let report = import_roster(&mut session, &path).unwrap();
    assert!(report.contains("工作表“花名册”"), "{report}");
    assert!(report.contains("已忽略的列：序号、备注"), "{report}");
    assert_eq!(subjects(&session, "南塘村"), nantang());
    assert_eq!(subjects(&session, "回龙村"), huilong());
    assert_eq!(roster_events(&session)[0]["encoding"], "xlsx");
}

#[test]
fn padded_names_are_normalised_and_the_report_column_is_optional() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let roster = csv(&[
        "姓名,职务,单位",
        "\u{3000}柏\u{3000}云\u{3000},党组织书记, 南塘村 ",
        "管 丽,两委成员,南塘村",
        "  Ame\u{301}lie  Wu ,工作队队长,南塘村",
    ]);
    import(&mut session, &write(&dir, "pad.csv", roster.as_bytes())).unwrap();
    use ReportMode::*;
    use Role::*;
    assert_eq!(
        subjects(&session, "南塘村"),
        vec![
            s("柏云", PartySecretary, Oral),
            s("管丽", CommitteeMember, Written),
            s("Am\u{E9}lie Wu", WorkTeamLeader, Oral),
        ]
    );
}
