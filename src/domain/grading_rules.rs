//! The rules of the grading board: the quotas (hard ones never exceeded,
//! the soft one only with a recorded justification) and the cross-rule
//! between the Party-building review and the annual grade.

use super::campaign::Role;
use super::error::DomainError;
use super::event::Event;
use super::grading::{Group, Target};
use super::model::Model;

/// A level of the 好/较好/一般/差 scale (0 to 3).
fn check_level(level: u8) -> Result<(), DomainError> {
    if level > 3 {
        return Err(DomainError::NoSuchFinalGrade(level + 1));
    }
    Ok(())
}

impl Model {
    pub(super) fn check_secretary(&self, unit: &str, name: &str) -> Result<(), DomainError> {
        let u = self
            .campaign
            .unit(unit)
            .ok_or_else(|| DomainError::UnknownUnit(unit.to_string()))?;
        if !u
            .subjects
            .iter()
            .any(|s| s.name == name && s.role == Role::PartySecretary)
        {
            return Err(DomainError::NotASecretary(name.to_string()));
        }
        Ok(())
    }

    fn combined_level(&self, unit: &str, name: &str) -> Option<u8> {
        self.grading
            .combined
            .get(&(unit.to_string(), name.to_string()))
            .and_then(|c| c.level)
    }

    /// A final grade: in the group's grades, the cross-rule for
    /// secretaries, and the quota (a soft one with a justification).
    pub(super) fn check_grade(
        &self,
        target: &Target,
        grade: Option<u8>,
        justification: Option<&str>,
    ) -> Result<(), DomainError> {
        let group = target
            .group(&self.campaign)
            .ok_or(DomainError::NotGradable)?;
        let Some(grade) = grade else { return Ok(()) };
        if usize::from(grade) >= group.grades().len() {
            return Err(DomainError::NoSuchFinalGrade(grade + 1));
        }
        if grade != 0 {
            return Ok(());
        }
        if let (Group::Secretaries, Target::Person { unit, name }) = (group, target)
            && self.combined_level(unit, name) != Some(0)
        {
            return Err(DomainError::CombinedNotGood);
        }
        let usage = self.grading.quota_use(&self.campaign, group);
        let already = self
            .grading
            .grades
            .get(target)
            .is_some_and(|g| g.grade == 0);
        if already || usage.used < usage.allowed {
            return Ok(());
        }
        let label = group.grades()[0].to_string();
        if !usage.soft {
            let percent = group.quota(&self.campaign).percent;
            return Err(DomainError::QuotaFull(
                group,
                label,
                usage.allowed,
                usage.used,
                usage.size,
                percent,
            ));
        }
        if justification.is_none_or(|j| j.trim().is_empty()) {
            return Err(DomainError::JustificationNeeded(
                label,
                usage.allowed,
                usage.used,
            ));
        }
        Ok(())
    }

    pub(super) fn check_investigation(
        &self,
        unit: &str,
        secretary: &str,
        level: u8,
    ) -> Result<(), DomainError> {
        self.check_secretary(unit, secretary)?;
        check_level(level)
    }

    /// A combined evaluation below 好 is refused while the secretary is
    /// graded 优秀 (the cross-rule, from the other side).
    pub(super) fn check_combined(
        &self,
        unit: &str,
        secretary: &str,
        level: u8,
    ) -> Result<(), DomainError> {
        self.check_secretary(unit, secretary)?;
        check_level(level)?;
        let target = Target::Person {
            unit: unit.to_string(),
            name: secretary.to_string(),
        };
        if level != 0
            && self
                .grading
                .grades
                .get(&target)
                .is_some_and(|g| g.grade == 0)
        {
            return Err(DomainError::GradedExcellent);
        }
        Ok(())
    }

    /// A score on the 100-point scale of 附件6.
    pub(super) fn check_score(
        &self,
        unit: &str,
        secretary: &str,
        score: Option<u32>,
    ) -> Result<(), DomainError> {
        self.check_secretary(unit, secretary)?;
        match score {
            Some(s) if s > super::grading::MAX_SCORE => Err(DomainError::ScoreOutOfRange(s)),
            _ => Ok(()),
        }
    }

    /// A secretary's 附件6 entry, made on first use.
    pub(super) fn combined_mut(
        &mut self,
        unit: &str,
        secretary: &str,
    ) -> &mut super::grading::Combined {
        self.grading
            .combined
            .entry((unit.to_string(), secretary.to_string()))
            .or_default()
    }

    pub(super) fn check_rectification(
        &self,
        unit: &str,
        secretary: &str,
        entry: &super::grading::Rectification,
    ) -> Result<(), DomainError> {
        self.check_secretary(unit, secretary)?;
        if !entry.deadline.is_empty()
            && chrono::NaiveDate::parse_from_str(&entry.deadline, "%Y-%m-%d").is_err()
        {
            return Err(DomainError::BadDate);
        }
        Ok(())
    }

    pub(super) fn apply_grade(
        &mut self,
        target: &Target,
        grade: Option<u8>,
        justification: &Option<String>,
    ) {
        let g = &mut self.grading;
        match grade {
            Some(grade) => {
                // The same grade keyed again keeps its justification:
                // a soft quota's excess stays justified.
                let kept = g
                    .grades
                    .get(target)
                    .filter(|old| old.grade == grade)
                    .and_then(|old| old.justification.clone());
                g.grades.insert(
                    target.clone(),
                    super::grading::FinalGrade {
                        grade,
                        justification: justification.clone().or(kept),
                    },
                );
            }
            None => {
                g.grades.remove(target);
            }
        }
    }

    pub(super) fn apply_investigation(
        &mut self,
        unit: &str,
        secretary: &str,
        level: u8,
        note: &str,
    ) {
        let c = self.combined_mut(unit, secretary);
        c.investigation = Some(level);
        c.investigation_note = note.to_string();
    }

    pub(super) fn apply_combined(&mut self, unit: &str, secretary: &str, level: u8) {
        let g = &mut self.grading;
        let key = (unit.to_string(), secretary.to_string());
        g.combined.entry(key.clone()).or_default().level = Some(level);
        // 一般 or 差: a talk and a rectification entry, opened here.
        if level >= 2 {
            g.rectifications.entry(key).or_default();
        }
    }

    pub(super) fn apply_rectification(
        &mut self,
        unit: &str,
        secretary: &str,
        entry: &super::grading::Rectification,
    ) {
        self.grading
            .rectifications
            .insert((unit.to_string(), secretary.to_string()), entry.clone());
    }

    /// The office's decisions (grades, 附件6, 附件7), each to its check;
    /// other events are not the office's and pass here.
    pub(super) fn check_office(&self, event: &Event) -> Result<(), DomainError> {
        match event {
            Event::GradeAssigned {
                target,
                grade,
                justification,
            } => self.check_grade(target, *grade, justification.as_deref()),
            Event::InvestigationRecorded {
                unit,
                secretary,
                level,
                ..
            } => self.check_investigation(unit, secretary, *level),
            Event::CombinedEvaluationSet {
                unit,
                secretary,
                level,
            } => self.check_combined(unit, secretary, *level),
            Event::CombinedScoreSet {
                unit,
                secretary,
                score,
            } => self.check_score(unit, secretary, *score),
            Event::CombinedMaterialSet {
                unit, secretary, ..
            } => self.check_secretary(unit, secretary),
            Event::RectificationSet {
                unit,
                secretary,
                entry,
            } => self.check_rectification(unit, secretary, entry),
            _ => Ok(()),
        }
    }

    /// Fold in one of the office's decisions; other events are not the
    /// office's and change nothing here.
    pub(super) fn fold_office(&mut self, event: &Event) {
        match event {
            Event::GradeAssigned {
                target,
                grade,
                justification,
            } => self.apply_grade(target, *grade, justification),
            Event::InvestigationRecorded {
                unit,
                secretary,
                level,
                note,
            } => self.apply_investigation(unit, secretary, *level, note),
            Event::CombinedEvaluationSet {
                unit,
                secretary,
                level,
            } => self.apply_combined(unit, secretary, *level),
            Event::CombinedScoreSet {
                unit,
                secretary,
                score,
            } => self.combined_mut(unit, secretary).score = *score,
            Event::CombinedMaterialSet {
                unit,
                secretary,
                text,
            } => self.combined_mut(unit, secretary).material = text.clone(),
            Event::RectificationSet {
                unit,
                secretary,
                entry,
            } => self.apply_rectification(unit, secretary, entry),
            _ => {}
        }
    }
}
