//! The grading board's rows: every target of a group with its democratic
//! results side by side, in a proposed order (by 优秀率, then 称职及以上率).
//! Pure: the screen and the exports both read these rows.

use std::collections::HashMap;

use super::campaign::{Campaign, MeetingKind, Role};
use super::grading::{FinalGrade, Group, Target, suggest_combined, suggest_score};
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
    /// Secretaries: the suggested 综合评分 (0-100).
    pub suggested_score: Option<u32>,
    /// Secretaries: the review's counts come from a round still open, so
    /// they (and the suggestions) are provisional.
    pub review_open: bool,
    /// Secretaries: 一般 or 差 means a talk (约谈).
    pub talk: bool,
    pub grade: Option<FinalGrade>,
    /// The grade rests on a meeting not closed (or never held): it shows
    /// as provisional (暂定) until that meeting closes. False when there
    /// is no grade.
    pub provisional: bool,
    /// Secretaries: the same for the decided combined evaluation.
    pub combined_provisional: bool,
}

/// What the office decides on the board: a final grade, or a secretary's
/// combined evaluation (综合评价). The investigation rests on no meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Grade(Target),
    Combined { unit: String, secretary: String },
}

impl Decision {
    pub fn unit(&self) -> &str {
        match self {
            Decision::Grade(target) => target.unit(),
            Decision::Combined { unit, .. } => unit,
        }
    }
}

/// A meeting a decision rests on that is not closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    pub unit: String,
    pub meeting: MeetingKind,
    /// The meeting's latest round: its number and status (open, or void);
    /// `None` when the meeting was never held.
    pub round: Option<(u32, RoundStatus)>,
}

/// The meetings a decision rests on, among those its unit holds, annual
/// review first:
/// - a unit's grade: every meeting the unit holds;
/// - a person's grade: the annual review, and for a Party secretary also
///   the Party-building review (下述下评);
/// - a work team's grade: the annual review;
/// - a secretary's combined evaluation: the Party-building review.
pub fn relevant_meetings(campaign: &Campaign, decision: &Decision) -> Vec<MeetingKind> {
    use MeetingKind::{AnnualReview, PartyBuildingReview};
    let Some(unit) = campaign.unit(decision.unit()) else {
        return Vec::new();
    };
    let wanted: &[MeetingKind] = match decision {
        Decision::Grade(Target::Unit { .. }) => &[AnnualReview, PartyBuildingReview],
        Decision::Grade(t @ Target::Person { .. })
            if t.group(campaign) == Some(Group::Secretaries) =>
        {
            &[AnnualReview, PartyBuildingReview]
        }
        Decision::Grade(_) => &[AnnualReview],
        Decision::Combined { .. } => &[PartyBuildingReview],
    };
    wanted
        .iter()
        .copied()
        .filter(|m| unit.meetings.contains(m))
        .collect()
}

/// The meetings `decision` rests on whose latest round
/// (`Model::current_round`) is not closed, or that were never held. Empty:
/// the decision is final; otherwise it is provisional (暂定).
pub fn unclosed_meetings(model: &Model, decision: &Decision) -> Vec<Unclosed> {
    unclosed_with(model, decision, |unit, meeting| {
        model.current_round(unit, meeting)
    })
}

/// Is `decision` provisional now? See [`unclosed_meetings`].
pub fn is_provisional(model: &Model, decision: &Decision) -> bool {
    !unclosed_meetings(model, decision).is_empty()
}

fn unclosed_with<'a>(
    model: &Model,
    decision: &Decision,
    latest: impl Fn(&str, MeetingKind) -> Option<&'a Round>,
) -> Vec<Unclosed> {
    let unit = decision.unit();
    relevant_meetings(&model.campaign, decision)
        .into_iter()
        .filter_map(|meeting| {
            let round = latest(unit, meeting);
            if round.is_some_and(|r| matches!(r.status, RoundStatus::Closed { .. })) {
                return None;
            }
            Some(Unclosed {
                unit: unit.to_string(),
                meeting,
                round: round.map(|r| (r.key.round, r.status.clone())),
            })
        })
        .collect()
}

/// The latest round of every meeting, found in one pass over the rounds
/// (in key order, so a later round replaces an earlier one).
fn latest_rounds(model: &Model) -> HashMap<&str, HashMap<MeetingKind, &Round>> {
    let mut map: HashMap<&str, HashMap<MeetingKind, &Round>> = HashMap::new();
    for r in model.rounds.values() {
        map.entry(r.key.unit.as_str())
            .or_default()
            .insert(r.key.meeting, r);
    }
    map
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
    let latest = latest_rounds(model);
    let provisional = |decision: &Decision| {
        !unclosed_with(model, decision, |u, m| {
            latest.get(u).and_then(|rounds| rounds.get(&m)).copied()
        })
        .is_empty()
    };
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
            let review_counts = review.as_ref().map_or(&[][..], |r| r.counts.as_slice());
            let investigation = combined.and_then(|c| c.investigation);
            let weight = rules.combined_review_weight;
            let (suggested, suggested_score) = if is_secretary {
                (
                    suggest_combined(review_counts, investigation, weight),
                    suggest_score(review_counts, investigation, weight),
                )
            } else {
                (None, None)
            };
            let review_open = review.is_some()
                && model
                    .current_round(&unit, MeetingKind::PartyBuildingReview)
                    .is_some_and(|r| !matches!(r.status, RoundStatus::Closed { .. }));
            let grade = model.grading.grades.get(&target).cloned();
            let level = combined.and_then(|c| c.level);
            BoardRow {
                provisional: grade.is_some() && provisional(&Decision::Grade(target.clone())),
                combined_provisional: is_secretary
                    && level.is_some()
                    && provisional(&Decision::Combined {
                        unit: unit.clone(),
                        secretary: name.clone(),
                    }),
                top_rate: result.as_ref().and_then(SubjectTally::top_rate),
                top_two_rate: result.as_ref().and_then(SubjectTally::top_two_rate),
                flagged: result
                    .as_ref()
                    .is_some_and(|r| r.warn_top_two(rules) || r.flag_lowest(rules)),
                grade,
                talk: is_secretary && model.grading.needs_talk(&unit, &name),
                combined: level,
                suggested,
                suggested_score,
                review_open,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::{Event, RoundKey};
    use crate::domain::grading::FinalGrade;

    fn demo() -> Model {
        let campaign = crate::campaign_toml::demo();
        Model::fold([&Event::CampaignDefined { campaign }]).unwrap()
    }

    /// Put round `n` of `meeting` in `unit` in the model with `status`.
    fn round(model: &mut Model, unit: &str, meeting: MeetingKind, n: u32, status: RoundStatus) {
        let key = RoundKey {
            unit: unit.into(),
            meeting,
            round: n,
        };
        let round = Round {
            status,
            ..Round::new(key.clone(), Vec::new())
        };
        model.rounds.insert(key, round);
    }

    fn closed() -> RoundStatus {
        RoundStatus::Closed { head: "ab".into() }
    }

    fn grade(target: Target) -> Decision {
        Decision::Grade(target)
    }

    fn unit(name: &str) -> Target {
        Target::Unit { unit: name.into() }
    }

    fn person(unit: &str, name: &str) -> Target {
        Target::Person {
            unit: unit.into(),
            name: name.into(),
        }
    }

    fn combined(unit: &str, secretary: &str) -> Decision {
        Decision::Combined {
            unit: unit.into(),
            secretary: secretary.into(),
        }
    }

    /// (meeting, latest round and status) of each unclosed meeting.
    fn unclosed(model: &Model, d: &Decision) -> Vec<(MeetingKind, Option<(u32, RoundStatus)>)> {
        unclosed_meetings(model, d)
            .into_iter()
            .map(|u| {
                assert_eq!(u.unit, d.unit());
                (u.meeting, u.round)
            })
            .collect()
    }

    use MeetingKind::{AnnualReview as Annual, PartyBuildingReview as Party};

    #[test]
    fn nothing_held_every_relevant_meeting_is_missing() {
        let m = demo();
        assert_eq!(
            unclosed(&m, &grade(unit("南塘村"))),
            vec![(Annual, None), (Party, None)]
        );
        // A secretary: the annual review and the Party-building review.
        assert_eq!(
            unclosed(&m, &grade(person("南塘村", "龚晓峰"))),
            vec![(Annual, None), (Party, None)]
        );
        // A cadre and a work team: the annual review only.
        assert_eq!(
            unclosed(&m, &grade(person("南塘村", "蒋丽"))),
            vec![(Annual, None)]
        );
        assert_eq!(
            unclosed(
                &m,
                &grade(Target::WorkTeam {
                    unit: "南塘村".into()
                })
            ),
            vec![(Annual, None)]
        );
        // The combined evaluation: the Party-building review only.
        assert_eq!(
            unclosed(&m, &combined("南塘村", "龚晓峰")),
            vec![(Party, None)]
        );
        assert!(is_provisional(&m, &combined("南塘村", "龚晓峰")));
    }

    #[test]
    fn an_open_round_is_named_and_a_closed_one_is_not() {
        let mut m = demo();
        round(&mut m, "南塘村", Annual, 1, RoundStatus::Open);
        assert_eq!(
            unclosed(&m, &grade(person("南塘村", "蒋丽"))),
            vec![(Annual, Some((1, RoundStatus::Open)))]
        );
        round(&mut m, "南塘村", Annual, 1, closed());
        assert_eq!(unclosed(&m, &grade(person("南塘村", "蒋丽"))), vec![]);
        assert!(!is_provisional(&m, &grade(person("南塘村", "蒋丽"))));
        // The unit and its secretary still wait for the Party-building review.
        assert_eq!(unclosed(&m, &grade(unit("南塘村"))), vec![(Party, None)]);
        assert_eq!(
            unclosed(&m, &grade(person("南塘村", "龚晓峰"))),
            vec![(Party, None)]
        );
        round(&mut m, "南塘村", Party, 1, closed());
        assert_eq!(unclosed(&m, &grade(unit("南塘村"))), vec![]);
        assert_eq!(unclosed(&m, &grade(person("南塘村", "龚晓峰"))), vec![]);
        assert_eq!(unclosed(&m, &combined("南塘村", "龚晓峰")), vec![]);
        // Another unit is not affected.
        assert_eq!(
            unclosed(&m, &grade(person("回龙村", "段丽萍"))),
            vec![(Annual, None)]
        );
    }

    #[test]
    fn the_latest_round_decides() {
        let mut m = demo();
        // Round 1 void, its re-run open: round 2 is named.
        round(&mut m, "西塘村", Annual, 1, RoundStatus::Void);
        round(&mut m, "西塘村", Annual, 2, RoundStatus::Open);
        assert_eq!(
            unclosed(&m, &grade(person("西塘村", "阎秀兰"))),
            vec![(Annual, Some((2, RoundStatus::Open)))]
        );
        round(&mut m, "西塘村", Annual, 2, closed());
        assert_eq!(unclosed(&m, &grade(person("西塘村", "阎秀兰"))), vec![]);
        // A void round with no re-run yet is not closed.
        round(&mut m, "东马社区", Annual, 1, RoundStatus::Void);
        assert_eq!(
            unclosed(&m, &grade(person("东马社区", "方卫东"))),
            vec![(Annual, Some((1, RoundStatus::Void)))]
        );
    }

    #[test]
    fn a_meeting_the_unit_does_not_hold_is_not_waited_for() {
        let mut m = demo();
        m.campaign.units[0].meetings = vec![Annual];
        round(&mut m, "南塘村", Annual, 1, closed());
        assert_eq!(unclosed(&m, &grade(unit("南塘村"))), vec![]);
        assert_eq!(unclosed(&m, &grade(person("南塘村", "龚晓峰"))), vec![]);
        assert_eq!(
            relevant_meetings(&m.campaign, &combined("南塘村", "龚晓峰")),
            vec![]
        );
        assert!(!is_provisional(&m, &combined("南塘村", "龚晓峰")));
        // An unknown unit rests on nothing.
        assert_eq!(
            relevant_meetings(&m.campaign, &grade(unit("无此村"))),
            vec![]
        );
    }

    #[test]
    fn the_board_marks_provisional_grades_live() {
        let mut m = demo();
        let top = FinalGrade {
            grade: 0,
            justification: None,
        };
        m.grading.grades.insert(unit("南塘村"), top.clone());
        m.grading.grades.insert(person("南塘村", "龚晓峰"), top);
        m.grading
            .combined
            .entry(("南塘村".into(), "龚晓峰".into()))
            .or_default()
            .level = Some(0);
        let row = |m: &Model, group, name: &str| {
            board(m, group)
                .into_iter()
                .find(|r| r.name == name)
                .unwrap()
        };
        let nantang = row(&m, Group::Units, "南塘村");
        assert!(nantang.provisional);
        assert!(
            !nantang.combined_provisional,
            "units have no combined level"
        );
        // Not graded: nothing to mark.
        assert!(!row(&m, Group::Units, "回龙村").provisional);
        let gong = row(&m, Group::Secretaries, "龚晓峰");
        assert!(gong.provisional && gong.combined_provisional);
        assert!(!row(&m, Group::Secretaries, "汤建华").combined_provisional);

        // The Party-building review closes: the combined level is final,
        // the grades still wait for the annual review.
        round(&mut m, "南塘村", Party, 1, closed());
        let gong = row(&m, Group::Secretaries, "龚晓峰");
        assert!(gong.provisional && !gong.combined_provisional);
        assert!(row(&m, Group::Units, "南塘村").provisional);
        round(&mut m, "南塘村", Annual, 1, closed());
        assert!(!row(&m, Group::Secretaries, "龚晓峰").provisional);
        assert!(!row(&m, Group::Units, "南塘村").provisional);
    }
}
