//! Problems of the whole file: a missing or duplicate column, a title row
//! instead of the header, no people, an unclosed quote, no secretary or
//! nobody on a ballot; every problem of every row listed in row order
//! (in a GBK file too); unreadable files.

use super::*;

#[test]
fn missing_column() {
    assert_eq!(
        refused(&["单位,姓名,述职方式", "南塘村,石晓岚,口头"]),
        vec![(1, missing(Column::Role))]
    );
}

#[test]
fn a_title_row_instead_of_the_header() {
    assert_eq!(
        refused(&["南塘村2021年度考核名单", HEADER, SECRETARY]),
        vec![
            (1, missing(Column::Unit)),
            (1, missing(Column::Name)),
            (1, missing(Column::Role)),
        ]
    );
}

#[test]
fn duplicate_column() {
    assert_eq!(
        refused(&["单位,姓名,职务,姓名", "南塘村,石晓岚,党组织书记,石晓岚"]),
        vec![(
            1,
            K::DuplicateColumn {
                column: Column::Name,
                first: 2,
                again: 4
            }
        )]
    );
}

#[test]
fn header_without_people_and_an_empty_file() {
    assert_eq!(refused(&[HEADER]), vec![(2, K::NoPeople)]);
    assert_eq!(refused(&[]), vec![(1, K::NoHeader)]);
}

#[test]
fn unclosed_quote() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, "南塘村,\"陶立群,两委成员,", MEMBER]),
        vec![(3, K::UnclosedQuote)]
    );
}

#[test]
fn no_secretary_for_the_party_building_review() {
    assert_eq!(
        refused(&[HEADER, MEMBER, "南塘村,冉秀,工作队队长,"]),
        vec![(
            2,
            K::NoSecretary {
                unit: nt("南塘村")
            }
        )]
    );
}

#[test]
fn nobody_on_the_annual_ballot() {
    assert_eq!(
        refused(&[HEADER, "南塘村,冉秀,工作队队员,"]),
        vec![
            (
                2,
                K::NobodyOnBallot {
                    unit: nt("南塘村")
                }
            ),
            (
                2,
                K::NoSecretary {
                    unit: nt("南塘村")
                }
            ),
        ]
    );
}

#[test]
fn every_problem_of_every_row_in_row_order() {
    // Row 4 is blank (skipped but counted, as a spreadsheet numbers it).
    assert_eq!(
        refused(&[
            HEADER,
            SECRETARY,
            ",冉秀,,",
            ",,,",
            "回龙村,卜家豪,驻村工作队,口头",
            MEMBER,
            "东马社区,,两委成员,笔头",
        ]),
        vec![
            (3, K::EmptyUnit),
            (3, K::EmptyRole),
            (
                5,
                K::UnplacedTitle {
                    value: nt("驻村工作队"),
                    unplaced: Unplaced::WorkTeam
                }
            ),
            (7, K::EmptyName),
            (
                7,
                K::UnknownReport {
                    value: nt("笔头")
                }
            ),
        ]
    );
}

#[test]
fn gbk_errors_keep_their_row_numbers() {
    let text = csv(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,第一书记,"]);
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        refused_in(&dir, |_| {}, &bytes),
        vec![(
            4,
            K::UnplacedTitle {
                value: nt("第一书记"),
                unplaced: Unplaced::FirstSecretary
            }
        )]
    );
}

#[test]
fn unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let seq = session.store.last_seq();
    let not_text = write(&dir, "x.csv", b"\xFF\xFE\xFF\x81\xFF\x00\x81");
    // A UTF-16 BOM followed by an odd number of bytes: not text either.
    let err = import(&mut session, &not_text).unwrap_err();
    assert!(matches!(err, ImportError::NotText { .. }), "{err:?}");
    let err = import(&mut session, &write(&dir, "y.csv", b"\x81\xFF,a\n")).unwrap_err();
    assert!(matches!(err, ImportError::NotText { .. }), "{err:?}");
    let err = import(&mut session, &write(&dir, "z.docx", b"PK")).unwrap_err();
    assert!(matches!(err, ImportError::Unsupported { .. }), "{err:?}");
    let err = import(&mut session, &dir.path().join("missing.csv")).unwrap_err();
    assert!(matches!(err, ImportError::Io { .. }), "{err:?}");
    let err = import(&mut session, &write(&dir, "w.csv", b"PK\x03\x04....")).unwrap_err();
    assert!(
        matches!(err, ImportError::WorkbookNamedCsv { .. }),
        "{err:?}"
    );
    assert_eq!(session.store.last_seq(), seq);
}
