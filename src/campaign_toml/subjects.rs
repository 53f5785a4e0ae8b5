//! The people of a unit (`[[units.subjects]]`): name, category (`role`),
//! post as written (`title`) and report mode, each checked and pointed at
//! when wrong.
//!
//! `role` is one of the four categories; `title` is the post as the office
//! writes it (村委会主任, 驻村工作队员), printed in the 职务 column. Either
//! may be left out when the other says enough: without `role` the
//! category comes from the title by
//! [`titles::category`](crate::domain::titles::category); with both,
//! `role` wins and the title is kept.

use std::ops::Range;

use super::convert::{Ctx, keyword, name, same};
use super::error::{CampaignError, CampaignErrorKind as K, NameField};
use super::raw::{RawSubject, SpannedList};
use crate::domain::titles::{category, kept};
use crate::domain::{ReportMode, Role, Subject};

type Result<T> = std::result::Result<T, CampaignError>;

/// A unit's people in ballot order: at least one, no name twice, one
/// Party secretary at most.
pub(super) fn subjects(
    cx: &Ctx,
    raw: Option<SpannedList<RawSubject>>,
    unit: &str,
    unit_span: &Range<usize>,
) -> Result<Vec<Subject>> {
    let no_subjects = || K::NoSubjects {
        unit: unit.to_string(),
    };
    let Some(list) = raw else {
        return Err(cx.at(unit_span, no_subjects()));
    };
    if list.get_ref().is_empty() {
        return Err(cx.at(&list.span(), no_subjects()));
    }
    let mut out: Vec<Subject> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for s in list.into_inner() {
        let span = s.span();
        let s = s.into_inner();
        let subject = subject(cx, &s, &span)?;
        if let Some(i) = out.iter().position(|x| same(&x.name, &subject.name)) {
            let kind = K::DuplicateSubject {
                unit: unit.to_string(),
                name: subject.name,
                first_line: lines[i],
            };
            return Err(cx.at(&s.name.span(), kind));
        }
        if subject.role == Role::PartySecretary
            && let Some(i) = out.iter().position(|x| x.role == Role::PartySecretary)
        {
            let kind = K::TwoSecretaries {
                unit: unit.to_string(),
                first_line: lines[i],
            };
            // Where the category was said: `role`, else the title.
            let at = s
                .role
                .as_ref()
                .or(s.title.as_ref())
                .map_or(span, |r| r.span());
            return Err(cx.at(&at, kind));
        }
        lines.push(cx.line(&s.name.span()));
        out.push(subject);
    }
    Ok(out)
}

/// One person; `span` is their section, for a missing `role`.
fn subject(cx: &Ctx, raw: &RawSubject, span: &Range<usize>) -> Result<Subject> {
    let person = name(cx, &raw.name, NameField::Subject)?;
    let post = match &raw.title {
        Some(t) => Some(name(cx, t, NameField::Post)?),
        None => None,
    };
    let role = match (&raw.role, &raw.title, &post) {
        (Some(r), _, _) => parse_role(r.get_ref()).ok_or_else(|| {
            let value = r.get_ref().trim().to_string();
            cx.at(&r.span(), K::UnknownRole { value })
        })?,
        (None, Some(t), Some(post)) => category(post).map_err(|unplaced| {
            let value = post.clone();
            cx.at(&t.span(), K::UnplacedTitle { value, unplaced })
        })?,
        _ => return Err(cx.at(span, K::NoRole { name: person })),
    };
    let report = match &raw.report {
        None => default_report(role),
        Some(r) => match parse_report(r.get_ref()) {
            Some(report) => report,
            None => {
                let value = r.get_ref().trim().to_string();
                return Err(cx.at(&r.span(), K::UnknownReport { value }));
            }
        },
    };
    let title = post.and_then(|p| kept(&p, role));
    Ok(Subject {
        name: person,
        role,
        report,
        title,
    })
}

/// A category as the user may write it in `role`.
pub(crate) fn parse_role(word: &str) -> Option<Role> {
    match keyword(word).as_str() {
        "party_secretary" | "党组织书记" => Some(Role::PartySecretary),
        "committee_member" | "两委成员" => Some(Role::CommitteeMember),
        "work_team_leader" | "工作队队长" | "驻村工作队队长" => {
            Some(Role::WorkTeamLeader)
        }
        "work_team_member" | "工作队队员" | "驻村工作队队员" => {
            Some(Role::WorkTeamMember)
        }
        _ => None,
    }
}

/// A report mode as the user may write it (also in an imported roster).
pub(crate) fn parse_report(word: &str) -> Option<ReportMode> {
    match keyword(word).as_str() {
        "oral" | "口头" | "口头述职" => Some(ReportMode::Oral),
        "written" | "书面" | "书面述职" => Some(ReportMode::Written),
        _ => None,
    }
}

/// The report mode when none is given: the secretary and the work-team
/// leader report aloud, everyone else in writing (notice, 三(一)2(1)).
pub(crate) fn default_report(role: Role) -> ReportMode {
    match role {
        Role::PartySecretary | Role::WorkTeamLeader => ReportMode::Oral,
        Role::CommitteeMember | Role::WorkTeamMember => ReportMode::Written,
    }
}
