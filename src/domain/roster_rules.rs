//! An imported roster (名单) against what is already recorded: a unit's
//! people can be replaced only before its meetings start, and never so
//! that the office's grades, combined evaluations or rectifications would
//! point at nobody.

use super::error::DomainError;
use super::model::Model;

impl Model {
    /// An imported roster: known units, whose meetings have not started,
    /// with named, unique people (the importer checks the rest, row by row).
    pub(super) fn check_roster(
        &self,
        units: &[super::event::UnitRoster],
    ) -> Result<(), DomainError> {
        for r in units {
            if self.campaign.unit(&r.unit).is_none() {
                return Err(DomainError::UnknownUnit(r.unit.clone()));
            }
            if self.rounds.keys().any(|k| k.unit == r.unit) {
                return Err(DomainError::RosterInUse(r.unit.clone()));
            }
            let mut seen = std::collections::BTreeSet::new();
            for s in &r.subjects {
                if s.name.trim().is_empty() || !seen.insert(s.name.as_str()) {
                    return Err(DomainError::BadRoster(r.unit.clone()));
                }
            }
            // The office's records about someone the new roster drops would
            // be left pointing at nobody: refuse instead.
            let g = &self.grading;
            let recorded = g
                .grades
                .keys()
                .filter_map(|t| match t {
                    super::grading::Target::Person { unit, name } if *unit == r.unit => Some(name),
                    _ => None,
                })
                .chain(
                    g.combined
                        .keys()
                        .chain(g.rectifications.keys())
                        .filter(|(u, _)| *u == r.unit)
                        .map(|(_, n)| n),
                );
            for name in recorded {
                if !seen.contains(name.as_str()) {
                    return Err(DomainError::RosterDropsGraded(r.unit.clone(), name.clone()));
                }
            }
        }
        Ok(())
    }

    /// Each listed unit's people replaced, in the roster's order.
    pub(super) fn apply_roster(&mut self, units: &[super::event::UnitRoster]) {
        for r in units {
            if let Some(u) = self.campaign.units.iter_mut().find(|u| u.name == r.unit) {
                u.subjects = r.subjects.clone();
            }
        }
    }
}
