//! Rows that are refused, each with its exact row error, and nothing
//! imported: unknown units, posts that tell no category, unknown
//! categories and report modes, duplicate, empty,
//! hidden-character and overlong names, two secretaries in one unit, a
//! unit whose meeting has started.

use super::*;

#[test]
fn unknown_unit() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘,冉秀,两委成员,"]),
        vec![(
            4,
            K::UnknownUnit {
                value: nt("南塘")
            }
        )]
    );
}

#[test]
fn a_post_that_tells_no_category() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,第一书记,"]),
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
fn an_unknown_category() {
    assert_eq!(
        refused(&[
            "单位,姓名,职务,类别",
            SECRETARY,
            MEMBER,
            "南塘村,冉秀,村委会主任,村干部"
        ]),
        vec![(
            4,
            K::UnknownCategory {
                value: nt("村干部")
            }
        )]
    );
}

#[test]
fn duplicate_person_even_when_padded() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,陶 立群,工作队队员,"]),
        vec![(
            4,
            K::DuplicatePerson {
                unit: nt("南塘村"),
                name: nt("陶立群"),
                first_row: 3
            }
        )]
    );
}

#[test]
fn empty_name() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,\u{3000},两委成员,"]),
        vec![(4, K::EmptyName)]
    );
}

#[test]
fn hidden_characters_blank_and_overlong_names() {
    use ceping::domain::names::NameProblem as P;
    let bad = |column, problem| K::BadName { column, problem };
    let long = "王".repeat(31);
    let rows = [
        HEADER.to_string(),
        SECRETARY.to_string(),
        MEMBER.to_string(),
        "南塘村,\"冉\u{7}秀\",两委成员,".to_string(),
        "南塘村,\"薛\u{0}宁\",两委成员,".to_string(),
        "南塘村,\"屈\t红霞\",两委成员,".to_string(),
        "\"南塘\u{202E}村\",凌志,两委成员,".to_string(),
        "南塘村,\"\u{200D}\",两委成员,".to_string(),
        format!("南塘村,{long},两委成员,"),
        // Trailing white space of a cell (a tab, a line break) is trimmed.
        "南塘村,\"韦建明\t\n\",工作队队长,".to_string(),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    assert_eq!(
        refused(&rows),
        vec![
            (4, bad(Column::Name, P::Control { ch: '\u{7}' })),
            (5, bad(Column::Name, P::Control { ch: '\u{0}' })),
            (6, bad(Column::Name, P::Control { ch: '\t' })),
            (7, bad(Column::Unit, P::Control { ch: '\u{202E}' })),
            (8, bad(Column::Name, P::Invisible)),
            (9, bad(Column::Name, P::TooLong { chars: 31 })),
        ]
    );
}

#[test]
fn duplicates_compare_nfc_and_spaces() {
    assert_eq!(
        refused(&[
            HEADER,
            SECRETARY,
            "南塘村,Ame\u{301}lie,两委成员,",
            "南塘村,Am\u{E9}lie,两委成员,",
            "南塘村,Li Lei,两委成员,",
            "南塘村,Li\u{3000}\u{3000}Lei,两委成员,",
        ]),
        vec![
            (
                4,
                K::DuplicatePerson {
                    unit: nt("南塘村"),
                    name: nt("Am\u{E9}lie"),
                    first_row: 3
                }
            ),
            (
                6,
                K::DuplicatePerson {
                    unit: nt("南塘村"),
                    name: nt("Li Lei"),
                    first_row: 5
                }
            ),
        ]
    );
}

#[test]
fn unknown_report_mode() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,两委成员,口述"]),
        vec![(
            4,
            K::UnknownReport {
                value: nt("口述")
            }
        )]
    );
}

#[test]
fn two_secretaries_in_one_unit() {
    assert_eq!(
        refused(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,党组织书记,"]),
        vec![(
            4,
            K::TwoSecretaries {
                unit: nt("南塘村"),
                first_row: 2
            }
        )]
    );
}

#[test]
fn a_unit_whose_meeting_started() {
    let dir = tempfile::tempdir().unwrap();
    let start = |session: &mut Session| {
        let lines = session
            .model
            .ballot_lines("回龙村", MeetingKind::AnnualReview)
            .unwrap();
        let round = crate::support::meeting::key("回龙村", MeetingKind::AnnualReview, 1);
        session
            .record(ceping::domain::Event::RoundOpened { round, lines })
            .unwrap();
    };
    let rows = csv(&[
        HEADER,
        SECRETARY,
        MEMBER,
        "回龙村,卜家豪,党组织书记,",
        "回龙村,薛宁,两委成员,",
    ]);
    assert_eq!(
        refused_in(&dir, start, rows.as_bytes()),
        vec![(
            4,
            K::UnitStarted {
                unit: nt("回龙村")
            }
        )]
    );
}
