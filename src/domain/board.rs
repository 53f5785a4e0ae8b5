//! The grading board's rows: every target of a group with its democratic
//! results side by side, in a proposed order (by 优秀率, then 称职及以上率).
//! Pure: the screen and the exports both read these rows.

use super::campaign::{MeetingKind, Role};
use super::grading::{FinalGrade, Group, Target, suggest_combined};
use super::model::Model;
use super::round::{Round, RoundStatus};
use super::tally::SubjectTally;

/// One row of the board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    pub target: Target,
    /// The person's name, or the unit's name for units and work teams.
    pub name: String,
    /// The annual review's count for this target (for a unit: the sum over
    /// its people; for a work team: its leader's).
    pub result: Option<SubjectTally>,
    pub top_rate: Option<f64>,
    pub top_two_rate: Option<f64>,
    /// The 2/3 warning or the 1/3 flag.
    pub flagged: bool,
    /// Secretaries: the Party-building review's count (好/较好/一般/差).
    pub review: Option<SubjectTally>,
    /// Secretaries: the suggested and decided combined levels (0 = 好).
    pub suggested: Option<u8>,
    pub combined: Option<u8>,
    /// Secretaries: 一般 or 差 means a talk (约谈).
    pub talk: bool,
    pub grade: Option<FinalGrade>,
}

/// The round whose results count: the latest one that is not void.
pub fn counting_round<'a>(model: &'a Model, unit: &str, meeting: MeetingKind) -> Option<&'a Round> {
    model
        .rounds_of(unit, meeting)
        .filter(|r| r.status != RoundStatus::Void)
        .last()
}

/// The counts of every person, per unit and meeting, from each unit's
/// latest counting round: each round is counted once per board, not once
/// per person (the board of a large street reads thousands of ballots).
struct Counts(std::collections::HashMap<(String, MeetingKind, String), SubjectTally>);

impl Counts {
    fn of(model: &Model) -> Counts {
        let mut map = std::collections::HashMap::new();
        for unit in &model.campaign.units {
            for &meeting in &unit.meetings {
                let Some(round) = counting_round(model, &unit.name, meeting) else {
                    continue;
                };
                let tally = model.tally(round);
                for (line, t) in round.lines.iter().zip(tally.subjects) {
                    map.insert((unit.name.clone(), meeting, line.name.clone()), t);
                }
            }
        }
        Counts(map)
    }

    fn get(&self, unit: &str, name: &str, meeting: MeetingKind) -> Option<SubjectTally> {
        self.0
            .get(&(unit.to_string(), meeting, name.to_string()))
            .cloned()
    }
}

fn sum(tallies: impl Iterator<Item = SubjectTally>) -> Option<SubjectTally> {
    tallies.reduce(|mut a, b| {
        a.counts
            .iter_mut()
            .zip(&b.counts)
            .for_each(|(x, y)| *x += y);
        a.abstain += b.abstain;
        a.void_marks += b.void_marks;
        a
    })
}

/// The rows of `group`, in the proposed order.
pub fn board(model: &Model, group: Group) -> Vec<BoardRow> {
    let campaign = &model.campaign;
    let rules = &campaign.rules;
    let counts = Counts::of(model);
    let mut rows: Vec<BoardRow> = group
        .members(campaign)
        .into_iter()
        .map(|target| {
            let unit = target.unit().to_string();
            let annual = |name: &str| counts.get(&unit, name, MeetingKind::AnnualReview);
            let (name, result) = match &target {
                Target::Person { name, .. } => (name.clone(), annual(name)),
                Target::Unit { .. } => {
                    let people = campaign
                        .unit(&unit)
                        .map(|u| u.subjects.clone())
                        .unwrap_or_default();
                    (
                        unit.clone(),
                        sum(people.iter().filter_map(|s| annual(&s.name))),
                    )
                }
                Target::WorkTeam { .. } => {
                    let leader = campaign
                        .unit(&unit)
                        .and_then(|u| u.subjects.iter().find(|s| s.role == Role::WorkTeamLeader))
                        .map(|s| s.name.clone())
                        .unwrap_or_default();
                    // A team is shown by its leader, whose result it is.
                    let result = annual(&leader);
                    (leader, result)
                }
            };
            let is_secretary = group == Group::Secretaries;
            let review = is_secretary
                .then(|| counts.get(&unit, &name, MeetingKind::PartyBuildingReview))
                .flatten();
            let combined = model.grading.combined.get(&(unit.clone(), name.clone()));
            let suggested = if is_secretary {
                suggest_combined(
                    review.as_ref().map(|r| r.counts.as_slice()).unwrap_or(&[]),
                    combined.and_then(|c| c.investigation),
                    rules.combined_review_weight,
                )
            } else {
                None
            };
            BoardRow {
                top_rate: result.as_ref().and_then(SubjectTally::top_rate),
                top_two_rate: result.as_ref().and_then(SubjectTally::top_two_rate),
                flagged: result
                    .as_ref()
                    .is_some_and(|r| r.warn_top_two(rules) || r.flag_lowest(rules)),
                grade: model.grading.grades.get(&target).cloned(),
                talk: is_secretary && model.grading.needs_talk(&unit, &name),
                combined: combined.and_then(|c| c.level),
                suggested,
                review,
                result,
                name,
                target,
            }
        })
        .collect();
    // Stable sort: equal results keep the street's order.
    rows.sort_by(|a, b| {
        let key = |r: &BoardRow| (r.top_rate.unwrap_or(-1.0), r.top_two_rate.unwrap_or(-1.0));
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    rows
}

/// What is still missing for each deadline, per unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineStatus {
    pub date: chrono::NaiveDate,
    /// Which deadline: 0 Party-building, 1 village reports, 2 附件6/7.
    pub which: u8,
    /// Units with something still missing.
    pub missing: Vec<String>,
}

/// For each of the notice's deadlines, the units still missing what it
/// asks for: the Party-building review closed (01-14); the annual review
/// closed (01-17); the secretary's combined evaluation set, and the
/// rectification entry filled in where one is needed (01-21).
pub fn deadlines(model: &Model) -> Vec<DeadlineStatus> {
    let c = &model.campaign;
    let closed = |unit: &str, meeting: MeetingKind| {
        counting_round(model, unit, meeting)
            .is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. }))
    };
    let holds = |u: &super::campaign::Unit, m: MeetingKind| u.meetings.contains(&m);
    let mut out = Vec::new();
    let missing = |f: &dyn Fn(&super::campaign::Unit) -> bool| -> Vec<String> {
        c.units
            .iter()
            .filter(|u| f(u))
            .map(|u| u.name.clone())
            .collect()
    };
    out.push(DeadlineStatus {
        date: c.rules.deadlines.party_building_reports,
        which: 0,
        missing: missing(&|u| {
            holds(u, MeetingKind::PartyBuildingReview)
                && !closed(&u.name, MeetingKind::PartyBuildingReview)
        }),
    });
    out.push(DeadlineStatus {
        date: c.rules.deadlines.village_reports,
        which: 1,
        missing: missing(&|u| {
            holds(u, MeetingKind::AnnualReview) && !closed(&u.name, MeetingKind::AnnualReview)
        }),
    });
    out.push(DeadlineStatus {
        date: c.rules.deadlines.combined_evaluation,
        which: 2,
        missing: missing(&|u| {
            u.subjects
                .iter()
                .filter(|s| s.role == Role::PartySecretary)
                .any(|s| {
                    let key = (u.name.clone(), s.name.clone());
                    let level = model.grading.combined.get(&key).and_then(|c| c.level);
                    let rect = model.grading.rectifications.get(&key);
                    level.is_none()
                        || (level >= Some(2) && rect.is_none_or(|r| r.problems.trim().is_empty()))
                })
        }),
    });
    out
}
