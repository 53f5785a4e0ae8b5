//! How two campaigns differ, rosters aside: what a merge of two different
//! campaigns is refused with (its sentence is
//! [`CampaignDifference::message`], in `crate::catalog`).

use crate::domain::{Campaign, MeetingDef, MeetingKind, Unit};

/// The first way a campaign (`theirs`) differs from the first input's
/// (`first`), rosters aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CampaignDifference {
    Title {
        theirs: String,
        first: String,
    },
    Year {
        theirs: i32,
        first: i32,
    },
    /// The first campaign holds this meeting; this one does not.
    NoMeeting(MeetingKind),
    /// The meeting's grades, best first.
    Scale {
        kind: MeetingKind,
        theirs: Vec<String>,
        first: Vec<String>,
    },
    /// The meeting's speaking time, in minutes.
    SpeakingTime {
        kind: MeetingKind,
        theirs: u32,
        first: u32,
    },
    /// More meetings, or the same in another order.
    Meetings,
    /// Quorum, flags or quotas.
    Rules,
    /// The units' names, in order.
    Units {
        theirs: Vec<String>,
        first: Vec<String>,
    },
    /// The unit's kind, work group or meetings held.
    UnitSettings(String),
}

/// How `b` differs from `a`, rosters (the units' people) aside.
pub(super) fn campaign_difference(a: &Campaign, b: &Campaign) -> Option<CampaignDifference> {
    if a.title != b.title {
        return Some(CampaignDifference::Title {
            theirs: b.title.clone(),
            first: a.title.clone(),
        });
    }
    if a.year != b.year {
        return Some(CampaignDifference::Year {
            theirs: b.year,
            first: a.year,
        });
    }
    if a.meetings != b.meetings {
        return Some(meetings_difference(&a.meetings, &b.meetings));
    }
    if a.rules != b.rules {
        return Some(CampaignDifference::Rules);
    }
    let names = |c: &Campaign| c.units.iter().map(|u| u.name.clone()).collect::<Vec<_>>();
    if names(a) != names(b) {
        return Some(CampaignDifference::Units {
            theirs: names(b),
            first: names(a),
        });
    }
    let frame = |u: &Unit| Unit {
        subjects: Vec::new(),
        ..u.clone()
    };
    let unit = a
        .units
        .iter()
        .zip(&b.units)
        .find(|(ua, ub)| frame(ua) != frame(ub))?;
    Some(CampaignDifference::UnitSettings(unit.0.name.clone()))
}

fn meetings_difference(a: &[MeetingDef], b: &[MeetingDef]) -> CampaignDifference {
    for ma in a {
        match b.iter().find(|mb| mb.kind == ma.kind) {
            None => return CampaignDifference::NoMeeting(ma.kind),
            Some(mb) if mb.scale != ma.scale => {
                return CampaignDifference::Scale {
                    kind: ma.kind,
                    theirs: mb.scale.grades.clone(),
                    first: ma.scale.grades.clone(),
                };
            }
            Some(mb) if mb.speaker_minutes != ma.speaker_minutes => {
                return CampaignDifference::SpeakingTime {
                    kind: ma.kind,
                    theirs: mb.speaker_minutes,
                    first: ma.speaker_minutes,
                };
            }
            Some(_) => {}
        }
    }
    CampaignDifference::Meetings
}
