//! The results as JSON, schema `ceping.results.v1` (documented in the
//! README). Later versions only add fields, so readers of v1 keep working.

use serde::Serialize;
use serde_json::{Map, Value};

use chrono::{DateTime, FixedOffset};

use super::xlsx;
use crate::domain::round::{Changes, CountField};
use crate::domain::{CountWarning, MeetingKey, MeetingKind, Model, Round, Tally, Unit};
use crate::store::chain;

pub const SCHEMA: &str = "ceping.results.v1";

#[derive(Debug, Serialize)]
pub struct Results {
    pub schema: &'static str,
    pub campaign: CampaignInfo,
    /// The chain head (hex) of the log the results were computed from.
    pub fingerprint: String,
    pub events: u64,
    pub units: Vec<UnitResults>,
    /// The office's grading (added in the same schema: readers of the
    /// first fields are unaffected).
    pub grading: super::grading::GradingResults,
    /// For a merged street file: each laptop file it was made from, in
    /// order (empty otherwise).
    pub merged: Vec<MergedSource>,
}

/// One input of `ceping merge`.
#[derive(Debug, Serialize)]
pub struct MergedSource {
    pub source: String,
    /// That file's chain head when it was merged.
    pub fingerprint: String,
    pub units: Vec<String>,
    pub events: u64,
}

#[derive(Debug, Serialize)]
pub struct CampaignInfo {
    pub title: String,
    pub year: i32,
    /// What every rate divides by: `graded` (弃权 and 无效 left out) or
    /// `valid` (every valid ballot), as `[rules] rate_base` says.
    pub rate_base: crate::domain::campaign::RateBase,
}

#[derive(Debug, Serialize)]
pub struct UnitResults {
    pub name: String,
    /// `village` (村) or `community` (社区).
    pub kind: crate::domain::UnitKind,
    pub meetings: Vec<MeetingResults>,
}

#[derive(Debug, Serialize)]
pub struct MeetingResults {
    pub kind: crate::domain::MeetingKind,
    /// Grade labels, best first: the keys of every `counts`.
    pub scale: Vec<String>,
    pub rounds: Vec<RoundResults>,
    /// The minutes (会议记录) of the meeting; null while it is not held.
    /// Added within v1.
    pub minutes: Option<MinutesResults>,
    /// Each person's sentence for the annual registration form (登记表),
    /// from the counted (latest) round; empty while the meeting is not
    /// held. Added within v1.
    pub registration: Vec<RegistrationResults>,
}

/// The minutes of one meeting, as the 会议记录 sheet prints them.
#[derive(Debug, Serialize)]
pub struct MinutesResults {
    /// The first and latest event of the meeting (RFC 3339).
    pub started: Option<DateTime<FixedOffset>>,
    pub ended: Option<DateTime<FixedOffset>>,
    /// 主持人: the work group's lead (第一责任人).
    pub host: String,
    pub work_group: WorkGroupResults,
    /// The counted round (the latest); null before any round opened.
    pub round: Option<u32>,
    /// The counted round is not closed (未结束（暂定）).
    pub provisional: bool,
    pub expected: Option<u32>,
    pub present: Option<u32>,
    pub absentees: Vec<crate::domain::attendance::Absentee>,
    pub speeches: Vec<SpeechResults>,
    pub written_reports: Vec<WrittenResults>,
    /// Earlier rounds of the meeting (voided and re-run).
    pub earlier_rounds: Vec<EarlierRound>,
    /// Every close of the counted round, oldest first, each with its
    /// reopening when it was reopened.
    pub closes: Vec<CloseEntry>,
    /// The counted round's warnings acknowledged, as on the screen.
    pub warnings_acknowledged: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct WorkGroupResults {
    pub lead: String,
    pub liaison: String,
    pub members: Vec<String>,
}

/// One oral report.
#[derive(Debug, Serialize)]
pub struct SpeechResults {
    pub name: String,
    pub role: Option<crate::domain::Role>,
    /// The 职务 as printed: the post as written, else the category word.
    pub title: Option<String>,
    /// Time used, whole seconds, and as mm:ss.
    pub used_seconds: i64,
    pub used: String,
    pub limit_minutes: u32,
    /// The timer was stopped: the time is final.
    pub finished: bool,
    /// The superior's comment (一述一评).
    pub comment: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct WrittenResults {
    pub name: String,
    pub handed_in: bool,
}

#[derive(Debug, Serialize)]
pub struct EarlierRound {
    pub round: u32,
    pub status: &'static str,
}

/// One close of a round: when, the fingerprint, and the reopening.
#[derive(Debug, Serialize)]
pub struct CloseEntry {
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub fingerprint: String,
    pub reopened_at: Option<DateTime<FixedOffset>>,
    /// Null for the current close.
    pub reopen_reason: Option<String>,
}

/// One person's 登记表 sentence.
#[derive(Debug, Serialize)]
pub struct RegistrationResults {
    pub name: String,
    pub role: crate::domain::Role,
    /// The 职务 as printed: the post as written, else the category word.
    pub title: String,
    pub round: u32,
    /// e.g. "民主测评：参评 44 人，优秀 30 票、称职 12 票、基本称职 2 票、
    /// 不称职 0 票，优秀率 68.2%"; "（暂定）" at the end while provisional.
    pub sentence: String,
    pub provisional: bool,
}

#[derive(Debug, Serialize)]
pub struct RoundResults {
    pub round: u32,
    /// `open`, `closed` or `void`.
    pub status: &'static str,
    /// The chain head recorded when the round closed (hex); null if open.
    pub fingerprint: Option<String>,
    pub expected: Option<u32>,
    pub present: Option<u32>,
    /// `present` is more than the quorum share of `expected`; null before
    /// the roll call.
    pub quorum_met: Option<bool>,
    pub issued: Option<u32>,
    pub returned: Option<u32>,
    pub entered: u64,
    pub valid_ballots: u64,
    pub invalid_ballots: u64,
    pub blank_ballots: u64,
    pub subjects: Vec<SubjectResults>,
    /// Every counting warning the round raises now, with whether the
    /// liaison acknowledged it (结束时的提示). Added within v1.
    pub warnings: Vec<WarningResults>,
    /// For a round that was reopened: each earlier close, oldest first
    /// (the current close is `fingerprint`). Added within v1.
    pub history: Vec<CloseResults>,
    /// Who keyed each pass of the tally sheet (计票人), when any was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyers: Option<Vec<Option<String>>>,
}

/// One counting warning: `kind` (`CountWarning::key`) and the numbers it
/// was raised on, the screen's sentence, and whether it was acknowledged.
#[derive(Debug, Serialize)]
pub struct WarningResults {
    #[serde(flatten)]
    pub warning: CountWarning,
    pub text: String,
    pub acknowledged: bool,
}

/// A close of a round that was later reopened.
#[derive(Debug, Serialize)]
pub struct CloseResults {
    /// The chain head that close recorded (hex).
    pub fingerprint: String,
    /// RFC 3339; null in files from before the time was recorded.
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub reopened_at: Option<DateTime<FixedOffset>>,
    pub reason: String,
    /// What changed between the reopening and the next close (or now).
    pub changes: ChangesResults,
}

#[derive(Debug, Serialize)]
pub struct ChangesResults {
    /// Ballot numbers keyed, corrected, withdrawn and restored.
    pub added: Vec<u32>,
    pub corrected: Vec<u32>,
    pub withdrawn: Vec<u32>,
    pub restored: Vec<u32>,
    /// Counts keyed again, in order.
    pub counts: Vec<CountChange>,
    /// The tally sheet was keyed, resolved or discarded again.
    pub sheet: bool,
    /// The ballots keyed one by one were set aside for a tally sheet.
    pub ballots_discarded: bool,
}

#[derive(Debug, Serialize)]
pub struct CountChange {
    /// `expected`, `present`, `issued` or `returned`.
    pub field: &'static str,
    /// Null when it had not been keyed before.
    pub before: Option<u32>,
    pub after: u32,
}

#[derive(Debug, Serialize)]
pub struct SubjectResults {
    pub name: String,
    pub role: crate::domain::Role,
    /// The 职务 as printed: the post as written, else the category word.
    pub title: String,
    /// Marks per grade label, in scale order.
    pub counts: Map<String, Value>,
    pub abstain: u64,
    pub void_marks: u64,
    /// Marks that give a grade: the denominator of the rates.
    pub graded: u64,
    pub rates: Rates,
    pub flags: Flags,
}

#[derive(Debug, Serialize)]
pub struct Rates {
    /// 优秀率 / 好票率; null when nothing is graded yet.
    pub top: Option<f64>,
    /// 称职及以上率 / 较好及以上率.
    pub top_two: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Flags {
    /// The two best grades below the warning share (2/3 by default).
    pub top_two_below_warning: bool,
    /// The lowest grade above its share (1/3 by default).
    pub lowest_above_limit: bool,
}

/// Four decimals are plenty for a rate and keep the file diff-friendly.
fn round4(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 10_000.0).round() / 10_000.0)
}

fn count_field(f: CountField) -> &'static str {
    match f {
        CountField::Expected => "expected",
        CountField::Present => "present",
        CountField::Issued => "issued",
        CountField::Returned => "returned",
    }
}

fn changes(c: &Changes) -> ChangesResults {
    ChangesResults {
        added: c.added.clone(),
        corrected: c.corrected.clone(),
        withdrawn: c.withdrawn.clone(),
        restored: c.restored.clone(),
        counts: c
            .counts
            .iter()
            .map(|&(field, before, after)| CountChange {
                field: count_field(field),
                before,
                after,
            })
            .collect(),
        sheet: c.sheet,
        ballots_discarded: c.ballots_discarded,
    }
}

fn history(round: &Round) -> Vec<CloseResults> {
    round
        .history
        .iter()
        .filter_map(|c| {
            let re = c.reopened.as_ref()?;
            Some(CloseResults {
                fingerprint: c.head.clone(),
                closed_at: c.closed_at,
                reopened_at: re.at,
                reason: re.reason.clone(),
                changes: changes(&re.changes),
            })
        })
        .collect()
}

fn round_results(model: &Model, round: &Round, scale: &[String]) -> RoundResults {
    let rules = &model.campaign.rules;
    let tally = Tally::count(round, rules, scale.len());
    RoundResults {
        round: round.key.round,
        status: round.status.key(),
        fingerprint: match &round.status {
            crate::domain::RoundStatus::Closed { head } => Some(head.clone()),
            _ => None,
        },
        expected: round.expected,
        present: round.present,
        quorum_met: round
            .expected
            .zip(round.present)
            .map(|(e, p)| rules.quorum.exceeds_share(u64::from(p), u64::from(e))),
        issued: round.issued,
        returned: round.returned,
        entered: tally.entered,
        valid_ballots: tally.valid(),
        invalid_ballots: tally.invalid,
        blank_ballots: tally.blank,
        subjects: round
            .lines
            .iter()
            .zip(&tally.subjects)
            .map(|(line, t)| SubjectResults {
                name: line.name.clone(),
                role: line.role,
                title: model
                    .campaign
                    .post(&round.key.unit, &line.name, line.role)
                    .to_string(),
                counts: scale
                    .iter()
                    .zip(&t.counts)
                    .map(|(g, n)| (g.clone(), Value::from(*n)))
                    .collect(),
                abstain: t.abstain,
                void_marks: t.void_marks,
                graded: t.graded(),
                rates: Rates {
                    top: round4(t.top_rate()),
                    top_two: round4(t.top_two_rate()),
                },
                flags: Flags {
                    top_two_below_warning: t.warn_top_two(rules),
                    lowest_above_limit: t.flag_lowest(rules),
                },
            })
            .collect(),
        warnings: super::xlsx::labels::warnings(model, round)
            .into_iter()
            .map(|(warning, acknowledged)| WarningResults {
                text: crate::labels::warning_text(&warning),
                warning,
                acknowledged,
            })
            .collect(),
        history: history(round),
        keyers: round
            .keyers
            .iter()
            .any(Option::is_some)
            .then(|| round.keyers.to_vec()),
    }
}

fn unit_results(model: &Model, unit: &Unit) -> UnitResults {
    UnitResults {
        name: unit.name.clone(),
        kind: unit.kind,
        meetings: unit
            .meetings
            .iter()
            .map(|&kind| {
                let scale = model
                    .campaign
                    .meeting(kind)
                    .map(|m| m.scale.grades.clone())
                    .unwrap_or_default();
                let key = MeetingKey {
                    unit: unit.name.clone(),
                    meeting: kind,
                };
                MeetingResults {
                    kind,
                    rounds: model
                        .rounds_of(&unit.name, kind)
                        .map(|r| round_results(model, r, &scale))
                        .collect(),
                    scale,
                    minutes: minutes_results(model, &key),
                    registration: registration(model, &unit.name, kind),
                }
            })
            .collect(),
    }
}

/// The minutes of `key`, if the meeting was held.
fn minutes_results(model: &Model, key: &MeetingKey) -> Option<MinutesResults> {
    if !xlsx::minutes::is_held(model, key) {
        return None;
    }
    let m = xlsx::minutes::of(model, key)?;
    let unit = m.unit;
    let person = |name: &str| unit.subjects.iter().find(|s| s.name == name);
    let round = m.round;
    Some(MinutesResults {
        started: m.started,
        ended: m.ended,
        host: unit.work_group.lead.clone(),
        work_group: WorkGroupResults {
            lead: unit.work_group.lead.clone(),
            liaison: unit.work_group.liaison.clone(),
            members: unit.work_group.members.clone(),
        },
        round: round.map(|r| r.key.round),
        provisional: m.provisional(),
        expected: round.and_then(|r| r.expected),
        present: round.and_then(|r| r.present),
        absentees: m.absentees().to_vec(),
        speeches: m
            .speeches
            .iter()
            .map(|s| SpeechResults {
                role: person(&s.name).map(|p| p.role),
                title: person(&s.name).map(|p| p.post().to_string()),
                name: s.name.clone(),
                used_seconds: s.used_ms / 1000,
                used: crate::labels::clock(s.used_ms),
                limit_minutes: s.limit_minutes,
                finished: s.finished,
                comment: s.comment.clone(),
            })
            .collect(),
        written_reports: m
            .written
            .iter()
            .map(|(name, handed_in)| WrittenResults {
                name: name.clone(),
                handed_in: *handed_in,
            })
            .collect(),
        earlier_rounds: m
            .earlier
            .iter()
            .map(|r| EarlierRound {
                round: r.key.round,
                status: r.status.key(),
            })
            .collect(),
        closes: round.map_or_else(Vec::new, |r| {
            r.history
                .iter()
                .map(|c| CloseEntry {
                    closed_at: c.closed_at,
                    fingerprint: c.head.clone(),
                    reopened_at: c.reopened.as_ref().and_then(|re| re.at),
                    reopen_reason: c.reopened.as_ref().map(|re| re.reason.clone()),
                })
                .collect()
        }),
        warnings_acknowledged: round.map_or_else(Vec::new, |r| {
            xlsx::labels::warnings(model, r)
                .into_iter()
                .filter(|(_, acked)| *acked)
                .map(|(w, _)| crate::labels::warning_text(&w))
                .collect()
        }),
    })
}

/// The 登记表 sentences of `unit`'s meeting `kind`.
fn registration(model: &Model, unit: &str, kind: MeetingKind) -> Vec<RegistrationResults> {
    let Some(round) = model.rounds_of(unit, kind).last() else {
        return Vec::new();
    };
    xlsx::register::round_lines(model, round, &model.tally(round))
        .into_iter()
        .map(|l| RegistrationResults {
            title: model.campaign.post(&l.unit, &l.name, l.role).to_string(),
            name: l.name,
            role: l.role,
            round: l.round,
            sentence: l.sentence,
            provisional: l.provisional,
        })
        .collect()
}

/// The results of `model`, whose log ends in `head`.
pub fn results(model: &Model, head: &[u8; 32]) -> Results {
    Results {
        schema: SCHEMA,
        campaign: CampaignInfo {
            title: model.campaign.title.clone(),
            year: model.campaign.year,
            rate_base: model.campaign.rules.rate_base,
        },
        fingerprint: chain::to_hex(head),
        events: model.events,
        units: model
            .campaign
            .units
            .iter()
            .map(|u| unit_results(model, u))
            .collect(),
        grading: super::grading::grading(model),
        merged: model
            .merged
            .iter()
            .map(|p| MergedSource {
                source: p.source.clone(),
                fingerprint: p.fingerprint.clone(),
                units: p.units.clone(),
                events: p.events,
            })
            .collect(),
    }
}

/// Pretty JSON with a trailing newline.
pub fn to_string(model: &Model, head: &[u8; 32]) -> String {
    let mut s = serde_json::to_string_pretty(&results(model, head)).expect("plain data serialises");
    s.push('\n');
    s
}
