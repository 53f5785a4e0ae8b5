//! The sub-district's grading (评定等次) after the meetings: final grades
//! for units, Party secretaries, village cadres and work teams under the
//! notice's quotas; the secretaries' combined evaluation (附件6 综合评价)
//! and the rectification list (附件7 整改清单).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::campaign::{Campaign, Quota, Role};

/// Who receives a final grade.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A village or community: 一类 / 二类 / 三类.
    Unit { unit: String },
    /// A person on the unit's roster (secretary or committee member).
    Person { unit: String, name: String },
    /// The unit's stationed work team, graded as a team.
    WorkTeam { unit: String },
}

/// The quota group a target belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// 村(社区): 一类 at most 50 %.
    Units,
    /// 党组织书记: 优秀 at most 40 %.
    Secretaries,
    /// 村(社区)干部: 优秀 "原则上" at most 30 %.
    Cadres,
    /// 驻村工作队: 优秀 at most 40 %.
    WorkTeams,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Units,
        Group::Secretaries,
        Group::Cadres,
        Group::WorkTeams,
    ];

    pub fn quota(self, campaign: &Campaign) -> Quota {
        let q = &campaign.rules.quotas;
        match self {
            Group::Units => q.first_class_units,
            Group::Secretaries => q.excellent_secretaries,
            Group::Cadres => q.excellent_cadres,
            Group::WorkTeams => q.excellent_work_teams,
        }
    }

    /// The grades of this group, best first. Index 0 is the capped one.
    pub fn grades(self) -> &'static [&'static str] {
        match self {
            Group::Units => &["一类", "二类", "三类"],
            _ => &["优秀", "称职", "基本称职", "不称职"],
        }
    }

    /// Every target of the group, in the street's order.
    pub fn members(self, campaign: &Campaign) -> Vec<Target> {
        let mut out = Vec::new();
        for u in &campaign.units {
            match self {
                Group::Units => out.push(Target::Unit {
                    unit: u.name.clone(),
                }),
                Group::WorkTeams => {
                    if u.subjects.iter().any(|s| s.role == Role::WorkTeamLeader) {
                        out.push(Target::WorkTeam {
                            unit: u.name.clone(),
                        });
                    }
                }
                Group::Secretaries | Group::Cadres => {
                    let role = if self == Group::Secretaries {
                        Role::PartySecretary
                    } else {
                        Role::CommitteeMember
                    };
                    out.extend(u.subjects.iter().filter(|s| s.role == role).map(|s| {
                        Target::Person {
                            unit: u.name.clone(),
                            name: s.name.clone(),
                        }
                    }));
                }
            }
        }
        out
    }
}

impl Target {
    /// The group of this target in `campaign`, if it is gradable.
    pub fn group(&self, campaign: &Campaign) -> Option<Group> {
        match self {
            Target::Unit { unit } => campaign.unit(unit).map(|_| Group::Units),
            Target::WorkTeam { unit } => campaign
                .unit(unit)
                .filter(|u| u.subjects.iter().any(|s| s.role == Role::WorkTeamLeader))
                .map(|_| Group::WorkTeams),
            Target::Person { unit, name } => {
                match campaign
                    .unit(unit)?
                    .subjects
                    .iter()
                    .find(|s| s.name == *name)?
                    .role
                {
                    Role::PartySecretary => Some(Group::Secretaries),
                    Role::CommitteeMember => Some(Group::Cadres),
                    _ => None,
                }
            }
        }
    }

    pub fn unit(&self) -> &str {
        match self {
            Target::Unit { unit } | Target::WorkTeam { unit } | Target::Person { unit, .. } => unit,
        }
    }
}

/// A final grade and, for a soft quota's excess, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalGrade {
    /// Index into the group's grades (0 = 一类 / 优秀).
    pub grade: u8,
    pub justification: Option<String>,
}

/// 附件6 for one secretary: the office's investigation (调查核实) and the
/// combined level it decides, on the 好/较好/一般/差 scale (0 = 好).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Combined {
    pub investigation: Option<u8>,
    pub investigation_note: String,
    pub level: Option<u8>,
    /// 综合评分 the office set (0-100); `None`: the suggested one holds.
    pub score: Option<u32>,
    /// 综合评价材料: the office's written evaluation.
    pub material: String,
}

/// The top of 附件6's score scale.
pub const MAX_SCORE: u32 = 100;

/// Points of each level (好, 较好, 一般, 差) on the 100-point scale of the
/// suggested 综合评分 (a default from common practice: the notice gives
/// no formula).
pub const LEVEL_POINTS: [f64; 4] = [95.0, 85.0, 70.0, 50.0];

/// The suggested 综合评分: the weighted mean of the review's mean points
/// and the investigation's points, on 0-100, rounded to a whole point.
/// `review_counts` are the 好/较好/一般/差 counts of the secretary's review.
pub fn suggest_score(
    review_counts: &[u64],
    investigation: Option<u8>,
    review_weight: u32,
) -> Option<u32> {
    let points = |level: usize| LEVEL_POINTS[level.min(3)];
    let graded: u64 = review_counts.iter().sum();
    let review = (graded > 0).then(|| {
        review_counts
            .iter()
            .enumerate()
            .map(|(i, &c)| points(i) * c as f64)
            .sum::<f64>()
            / graded as f64
    });
    let investigation = investigation.map(|i| points(usize::from(i)));
    let score = match (review, investigation) {
        (Some(r), Some(i)) => {
            let w = f64::from(review_weight.min(100)) / 100.0;
            r * w + i * (1.0 - w)
        }
        (Some(r), None) => r,
        (None, Some(i)) => i,
        (None, None) => return None,
    };
    Some(score.round().clamp(0.0, f64::from(MAX_SCORE)) as u32)
}

/// Status of a rectification entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RectificationStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

/// 附件7: one secretary's problems and how they are fixed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Rectification {
    pub problems: String,
    pub measures: String,
    /// YYYY-MM-DD.
    pub deadline: String,
    pub responsible: String,
    pub status: RectificationStatus,
}

/// Everything the office decided, folded from the log.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grading {
    pub grades: BTreeMap<Target, FinalGrade>,
    /// Keyed by (unit, secretary).
    pub combined: BTreeMap<(String, String), Combined>,
    pub rectifications: BTreeMap<(String, String), Rectification>,
}

/// Quota use of one group, for the live counters ("优秀 1 of at most 1").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaUse {
    pub group: Group,
    pub size: usize,
    pub allowed: usize,
    pub used: usize,
    pub soft: bool,
}

impl Grading {
    pub fn quota_use(&self, campaign: &Campaign, group: Group) -> QuotaUse {
        let members = group.members(campaign);
        let quota = group.quota(campaign);
        QuotaUse {
            group,
            size: members.len(),
            allowed: quota.allowed(members.len()),
            used: members
                .iter()
                .filter(|t| self.grades.get(*t).is_some_and(|g| g.grade == 0))
                .count(),
            soft: quota.soft,
        }
    }

    /// Combined evaluation of 一般 or 差: a talk (约谈) and a rectification.
    pub fn needs_talk(&self, unit: &str, secretary: &str) -> bool {
        self.combined
            .get(&(unit.to_string(), secretary.to_string()))
            .and_then(|c| c.level)
            .is_some_and(|l| l >= 2)
    }
}

/// The suggested combined level: the weighted mean of the review's mean
/// grade and the investigation's level, rounded to the nearest level.
/// `review_counts` are the 好/较好/一般/差 counts of the secretary's review.
pub fn suggest_combined(
    review_counts: &[u64],
    investigation: Option<u8>,
    review_weight: u32,
) -> Option<u8> {
    let graded: u64 = review_counts.iter().sum();
    let review = (graded > 0).then(|| {
        review_counts
            .iter()
            .enumerate()
            .map(|(i, &c)| i as f64 * c as f64)
            .sum::<f64>()
            / graded as f64
    });
    let level = match (review, investigation) {
        (Some(r), Some(i)) => {
            let w = f64::from(review_weight.min(100)) / 100.0;
            r * w + f64::from(i) * (1.0 - w)
        }
        (Some(r), None) => r,
        (None, Some(i)) => f64::from(i),
        (None, None) => return None,
    };
    Some(level.round().clamp(0.0, 3.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_weights_review_and_investigation() {
        // Review all 好 (0), investigation 一般 (2), equal weights: 1 = 较好.
        assert_eq!(suggest_combined(&[10, 0, 0, 0], Some(2), 50), Some(1));
        assert_eq!(suggest_combined(&[10, 0, 0, 0], Some(2), 100), Some(0));
        assert_eq!(suggest_combined(&[0, 0, 0, 0], Some(3), 50), Some(3));
        assert_eq!(suggest_combined(&[], None, 50), None);
    }

    #[test]
    fn suggested_score_weighs_points() {
        // All 好 (95) with an investigation of 一般 (70), equal weights.
        assert_eq!(suggest_score(&[10, 0, 0, 0], Some(2), 50), Some(83));
        assert_eq!(suggest_score(&[1, 1, 0, 0], None, 50), Some(90));
        assert_eq!(suggest_score(&[0, 0, 0, 0], Some(3), 70), Some(50));
        assert_eq!(suggest_score(&[], None, 50), None);
    }
}
