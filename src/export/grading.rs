//! The office's part of `ceping.results.v1` (added compatibly): quota use
//! per group, final grades, combined evaluations (附件6), the
//! rectification list (附件7) and the deadlines with what is missing.

use serde::Serialize;

use crate::catalog::Msg;
use crate::domain::Model;
use crate::domain::board::{board, deadlines};
use crate::domain::grading::{Group, RectificationStatus, Target};
use crate::labels::level_label;

#[derive(Debug, Serialize)]
pub struct GradingResults {
    pub quotas: Vec<QuotaResults>,
    pub combined: Vec<CombinedResults>,
    pub rectifications: Vec<RectificationResults>,
    pub deadlines: Vec<DeadlineResults>,
}

#[derive(Debug, Serialize)]
pub struct QuotaResults {
    pub group: Group,
    /// The capped grade: 一类 or 优秀.
    pub grade: &'static str,
    pub percent: u32,
    pub soft: bool,
    pub size: usize,
    /// floor(percent × size / 100).
    pub allowed: usize,
    pub used: usize,
    /// In the proposed order (by 优秀率, then 称职及以上率).
    pub members: Vec<GradeResults>,
}

#[derive(Debug, Serialize)]
pub struct GradeResults {
    pub target: Target,
    pub name: String,
    pub top_rate: Option<f64>,
    pub top_two_rate: Option<f64>,
    pub flagged: bool,
    /// The final grade's label, null while not graded.
    pub grade: Option<&'static str>,
    pub justification: Option<String>,
    /// The grade rests on a meeting whose latest round is not closed, or
    /// that was never held: 暂定 (false while not graded).
    pub provisional: bool,
}

#[derive(Debug, Serialize)]
pub struct CombinedResults {
    pub unit: String,
    pub secretary: String,
    /// The Party-building review's counts, 好/较好/一般/差.
    pub review: Option<Vec<u64>>,
    /// The review's round is not closed: its counts (and the suggested
    /// level and score) are provisional (未结束（暂定）).
    pub review_provisional: bool,
    pub investigation: Option<&'static str>,
    pub investigation_note: String,
    pub suggested: Option<&'static str>,
    pub level: Option<&'static str>,
    /// 综合评分: the office's score (0-100), null when it left the
    /// suggestion (`suggested_score`) standing.
    pub score: Option<u32>,
    /// The score suggested from the review and the investigation.
    pub suggested_score: Option<u32>,
    /// 综合评价材料: the office's written evaluation.
    pub material: String,
    /// 一般 or 差: a talk (约谈) and a rectification.
    pub talk: bool,
    /// The level is set while the Party-building review is not closed (or
    /// was never held): 暂定 (false while no level is set).
    pub provisional: bool,
}

#[derive(Debug, Serialize)]
pub struct RectificationResults {
    pub unit: String,
    pub secretary: String,
    pub problems: String,
    pub measures: String,
    pub deadline: String,
    pub responsible: String,
    pub status: RectificationStatus,
}

#[derive(Debug, Serialize)]
pub struct DeadlineResults {
    pub date: chrono::NaiveDate,
    pub what: &'static str,
    pub missing: Vec<String>,
}

/// A decided label as the office's forms write it: "优秀（暂定）" while
/// provisional, else the label itself; empty for none.
pub fn label_zh(label: Option<&str>, provisional: bool) -> String {
    match label {
        Some(l) if provisional => {
            format!("{l}{}", Msg::ProvisionalMark.text_in(crate::i18n::Lang::Zh))
        }
        Some(l) => l.to_string(),
        None => String::new(),
    }
}

fn round4(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 10_000.0).round() / 10_000.0)
}

pub fn grading(model: &Model) -> GradingResults {
    let c = &model.campaign;
    let quotas = Group::ALL
        .into_iter()
        .map(|group| {
            let usage = model.grading.quota_use(c, group);
            QuotaResults {
                group,
                grade: group.grades()[0],
                percent: group.quota(c).percent,
                soft: usage.soft,
                size: usage.size,
                allowed: usage.allowed,
                used: usage.used,
                members: board(model, group)
                    .into_iter()
                    .map(|row| GradeResults {
                        grade: row
                            .grade
                            .as_ref()
                            .and_then(|g| group.grades().get(usize::from(g.grade)).copied()),
                        justification: row.grade.and_then(|g| g.justification),
                        provisional: row.provisional,
                        top_rate: round4(row.top_rate),
                        top_two_rate: round4(row.top_two_rate),
                        flagged: row.flagged,
                        name: row.name,
                        target: row.target,
                    })
                    .collect(),
            }
        })
        .collect();
    let combined = board(model, Group::Secretaries)
        .into_iter()
        .map(|row| {
            let unit = row.target.unit().to_string();
            let c = model
                .grading
                .combined
                .get(&(unit.clone(), row.name.clone()));
            CombinedResults {
                review: row.review.map(|r| r.counts),
                review_provisional: row.review_open,
                investigation: level_label(c.and_then(|c| c.investigation)),
                investigation_note: c.map(|c| c.investigation_note.clone()).unwrap_or_default(),
                score: c.and_then(|c| c.score),
                suggested_score: row.suggested_score,
                material: c.map(|c| c.material.clone()).unwrap_or_default(),
                suggested: level_label(row.suggested),
                level: level_label(row.combined),
                talk: row.talk,
                provisional: row.combined_provisional,
                secretary: row.name,
                unit,
            }
        })
        .collect();
    let rectifications = model
        .grading
        .rectifications
        .iter()
        .map(|((unit, secretary), r)| RectificationResults {
            unit: unit.clone(),
            secretary: secretary.clone(),
            problems: r.problems.clone(),
            measures: r.measures.clone(),
            deadline: r.deadline.clone(),
            responsible: r.responsible.clone(),
            status: r.status,
        })
        .collect();
    let whats = [
        "party_building_reports",
        "village_reports",
        "combined_evaluation",
    ];
    let deadlines = deadlines(model)
        .into_iter()
        .map(|d| DeadlineResults {
            date: d.date,
            what: whats[usize::from(d.which)],
            missing: d.missing,
        })
        .collect();
    GradingResults {
        quotas,
        combined,
        rectifications,
        deadlines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provisional_label_says_so() {
        assert_eq!(label_zh(Some("优秀"), true), "优秀（暂定）");
        assert_eq!(label_zh(Some("一类"), false), "一类");
        assert_eq!(label_zh(None, true), "");
    }
}
