//! A roster import may not drop someone the office has already graded.

use ceping::domain::grading::Target;
use ceping::domain::{DomainError, Event, UnitRoster};
use ceping::store::{Store, StoreError};

#[test]
fn a_roster_that_drops_a_graded_person_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s =
        Store::create(&dir.path().join("r.ceping"), &ceping::campaign_toml::demo()).unwrap();
    let unit = s.model.campaign.units[0].clone();
    let cadre = unit
        .subjects
        .iter()
        .find(|p| p.role == ceping::domain::Role::CommitteeMember)
        .unwrap()
        .clone();
    s.record(Event::GradeAssigned {
        target: Target::Person {
            unit: unit.name.clone(),
            name: cadre.name.clone(),
        },
        grade: Some(1),
        justification: None,
    })
    .unwrap();
    let without: Vec<_> = unit
        .subjects
        .iter()
        .filter(|p| p.name != cadre.name)
        .cloned()
        .collect();
    let import = |subjects| Event::RosterImported {
        source: "r.csv".into(),
        encoding: "UTF-8".into(),
        units: vec![UnitRoster {
            unit: unit.name.clone(),
            subjects,
        }],
    };
    let before = s.model.clone();
    let err = s.record(import(without.clone())).unwrap_err();
    assert!(
        matches!(&err, StoreError::Domain(DomainError::RosterDropsGraded(u, n)) if *u == unit.name && *n == cadre.name),
        "{err:?}"
    );
    assert_eq!(s.model, before);
    // Clearing the grade (0 on the board) lets the same roster in.
    s.record(Event::GradeAssigned {
        target: Target::Person {
            unit: unit.name.clone(),
            name: cadre.name.clone(),
        },
        grade: None,
        justification: None,
    })
    .unwrap();
    s.record(import(without)).unwrap();
    assert!(
        !s.model.campaign.units[0]
            .subjects
            .iter()
            .any(|p| p.name == cadre.name)
    );
}
