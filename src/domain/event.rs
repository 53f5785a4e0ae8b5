//! The events of the log. Every change a user makes is exactly one event;
//! the model is the fold of all of them, in `seq` order.
//!
//! An event is stored as its `kind` (the snake_case variant name) and its
//! body (the variant's fields as a JSON object); see the README.

use serde::{Deserialize, Serialize};

use chrono::{DateTime, FixedOffset};

use super::ballot::BallotContent;
use super::campaign::{Campaign, MeetingKind, Role};
use super::checks::CountWarning;
use super::grading::{Rectification, Target};
use super::meeting::{AgendaStep, MeetingKey, TimerAction};
use super::sheet::TallySheet;

/// Which round of which meeting of which unit. A round is one issue and
/// count of ballots; a voided round is re-run as the next round number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoundKey {
    pub unit: String,
    pub meeting: MeetingKind,
    /// 1-based.
    pub round: u32,
}

impl RoundKey {
    pub fn meeting_key(&self) -> MeetingKey {
        MeetingKey {
            unit: self.unit.clone(),
            meeting: self.meeting,
        }
    }
}

/// A subject as printed on a round's ballot: the ballot order is fixed when
/// the round opens, so marks are positional against this list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotLine {
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "body", rename_all = "snake_case")]
pub enum Event {
    /// The campaign definition; always event 1.
    CampaignDefined { campaign: Campaign },
    /// A round of balloting is opened, with its ballot's subject order.
    RoundOpened {
        round: RoundKey,
        lines: Vec<BallotLine>,
    },
    /// 应到 / 实到 for the round's meeting.
    RollCall {
        round: RoundKey,
        expected: u32,
        present: u32,
    },
    /// Who was expected but absent, and why: the whole list, replacing
    /// any earlier one (optional; for the minutes).
    AbsenteesRecorded {
        round: RoundKey,
        absentees: Vec<super::attendance::Absentee>,
    },
    /// 发出: ballots handed out.
    BallotsIssued { round: RoundKey, count: u32 },
    /// 收回: ballots collected.
    BallotsReturned { round: RoundKey, count: u32 },
    /// A ballot keyed in; `number` is its 1-based number in the round.
    BallotRecorded {
        round: RoundKey,
        number: u32,
        content: BallotContent,
    },
    /// An earlier ballot's content replaced (nothing is deleted).
    BallotCorrected {
        round: RoundKey,
        number: u32,
        content: BallotContent,
    },
    /// An earlier ballot withdrawn (keyed twice, say). It stays in the log.
    BallotWithdrawn { round: RoundKey, number: u32 },
    /// A withdrawn ballot restored (the undo of a withdrawal).
    BallotRestored { round: RoundKey, number: u32 },
    /// The chair moves the meeting to another agenda step.
    AgendaMoved {
        meeting: MeetingKey,
        step: AgendaStep,
    },
    /// The speaker timer of one oral report; `at` is the laptop's clock.
    SpeechTimer {
        meeting: MeetingKey,
        subject: String,
        action: TimerAction,
        at: DateTime<FixedOffset>,
    },
    /// The superior's comment after a report (一述一评).
    CommentRecorded {
        meeting: MeetingKey,
        subject: String,
        text: String,
    },
    /// A written report handed in (or the tick taken back).
    WrittenReportMarked {
        meeting: MeetingKey,
        subject: String,
        received: bool,
    },
    /// One pass (1 or 2) of keying the counter's tally sheet; `keyer` is
    /// who keyed it (计票人), when given.
    TallySheetEntered {
        round: RoundKey,
        pass: u8,
        sheet: TallySheet,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keyer: Option<String>,
    },
    /// The two passes disagreed; this is the sheet that counts: keyed from
    /// the paper cell by cell, or one pass kept whole (`basis`).
    TallySheetResolved {
        round: RoundKey,
        sheet: TallySheet,
        #[serde(default, skip_serializing_if = "ResolveBasis::is_paper")]
        basis: ResolveBasis,
    },
    /// Tally-sheet passes thrown away, with the reason: pass 2 only, or the
    /// whole sheet (both passes and any agreed result), to key it again.
    TallySheetDiscarded {
        round: RoundKey,
        scope: SheetDiscard,
        reason: String,
    },
    /// Every ballot keyed one by one set aside (kept in the record, never
    /// counted again) so the round can be counted from a tally sheet.
    BallotsDiscarded { round: RoundKey, reason: String },
    /// The liaison acknowledged these warnings about the round's counts.
    WarningsAcknowledged {
        round: RoundKey,
        warnings: Vec<CountWarning>,
    },
    /// The round is certified; `head` is the chain head (hex) just before
    /// this event, for the minutes and the scrutineers' signatures; `at`
    /// the laptop's clock.
    RoundClosed {
        round: RoundKey,
        head: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<FixedOffset>>,
    },
    /// A closed round opened again, with the written reason.
    RoundReopened {
        round: RoundKey,
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<FixedOffset>>,
    },
    /// More returned than issued: the round is kept, marked void, and the
    /// next round of the same meeting opens with the same ballot and roll
    /// call (one user action, one event).
    RoundVoided { round: RoundKey },
    /// A final grade (index into the target's group's grades), or `None`
    /// to clear it; a soft quota's excess carries its justification.
    GradeAssigned {
        target: Target,
        grade: Option<u8>,
        justification: Option<String>,
    },
    /// 调查核实: the office's investigation of a secretary (0 = 好 … 3 = 差).
    InvestigationRecorded {
        unit: String,
        secretary: String,
        level: u8,
        note: String,
    },
    /// 综合评价: the combined level the office decides.
    CombinedEvaluationSet {
        unit: String,
        secretary: String,
        level: u8,
    },
    /// 综合评分: the score (0-100) the office gives a secretary on 附件6,
    /// or `None` to go back to the suggested one.
    CombinedScoreSet {
        unit: String,
        secretary: String,
        score: Option<u32>,
    },
    /// 综合评价材料: the office's written evaluation on 附件6, replaced
    /// whole.
    CombinedMaterialSet {
        unit: String,
        secretary: String,
        text: String,
    },
    /// 整改清单: a secretary's rectification entry, replaced whole.
    RectificationSet {
        unit: String,
        secretary: String,
        entry: Rectification,
    },
    /// A roster imported from a spreadsheet: each listed unit's people are
    /// replaced, in the roster's order. `source` is the file name and
    /// `encoding` what its text was read as (for the record).
    RosterImported {
        source: String,
        encoding: String,
        units: Vec<UnitRoster>,
    },
    /// The next `events` events were copied from another campaign file
    /// (a laptop's) whose chain head was `fingerprint`; they hold the
    /// results of `units`. Within them, closing heads refer to the source's
    /// chain, which `ceping merge` verified before copying.
    MergedFrom {
        source: String,
        fingerprint: String,
        units: Vec<String>,
        events: u64,
    },
}

/// How a disputed tally sheet was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolveBasis {
    /// Every differing cell keyed again from the paper.
    #[default]
    Paper,
    /// Pass 1 kept whole.
    Pass1,
    /// Pass 2 kept whole.
    Pass2,
}

impl ResolveBasis {
    pub fn is_paper(&self) -> bool {
        *self == ResolveBasis::Paper
    }
}

/// Which tally-sheet passes a discard throws away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetDiscard {
    /// Pass 2 only (pass 1 stays; pass 2 is keyed again).
    Second,
    /// Both passes and any agreed or resolved result.
    All,
}

/// One unit's people in an imported roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRoster {
    pub unit: String,
    pub subjects: Vec<super::campaign::Subject>,
}

impl Event {
    /// Split into the stored `kind` and JSON body.
    pub fn to_parts(&self) -> Result<(String, String), serde_json::Error> {
        let value = serde_json::to_value(self)?;
        let kind = value["kind"].as_str().unwrap_or_default().to_string();
        let body = serde_json::to_string(&value["body"])?;
        Ok((kind, body))
    }

    /// Rebuild from the stored `kind` and JSON body.
    pub fn from_parts(kind: &str, body: &str) -> Result<Event, serde_json::Error> {
        let body: serde_json::Value = serde_json::from_str(body)?;
        serde_json::from_value(serde_json::json!({ "kind": kind, "body": body }))
    }

    /// The round this event belongs to, if any.
    pub fn round(&self) -> Option<&RoundKey> {
        match self {
            Event::CampaignDefined { .. } => None,
            Event::RoundOpened { round, .. }
            | Event::RollCall { round, .. }
            | Event::AbsenteesRecorded { round, .. }
            | Event::BallotsIssued { round, .. }
            | Event::BallotsReturned { round, .. }
            | Event::BallotRecorded { round, .. }
            | Event::BallotCorrected { round, .. }
            | Event::BallotWithdrawn { round, .. }
            | Event::BallotRestored { round, .. }
            | Event::TallySheetEntered { round, .. }
            | Event::TallySheetResolved { round, .. }
            | Event::TallySheetDiscarded { round, .. }
            | Event::BallotsDiscarded { round, .. }
            | Event::WarningsAcknowledged { round, .. }
            | Event::RoundClosed { round, .. }
            | Event::RoundReopened { round, .. }
            | Event::RoundVoided { round } => Some(round),
            Event::AgendaMoved { .. }
            | Event::SpeechTimer { .. }
            | Event::CommentRecorded { .. }
            | Event::WrittenReportMarked { .. }
            | Event::GradeAssigned { .. }
            | Event::InvestigationRecorded { .. }
            | Event::CombinedEvaluationSet { .. }
            | Event::CombinedScoreSet { .. }
            | Event::CombinedMaterialSet { .. }
            | Event::RectificationSet { .. }
            | Event::RosterImported { .. }
            | Event::MergedFrom { .. } => None,
        }
    }

    /// The meeting this event belongs to, if any.
    pub fn meeting(&self) -> Option<MeetingKey> {
        match self {
            Event::AgendaMoved { meeting, .. }
            | Event::SpeechTimer { meeting, .. }
            | Event::CommentRecorded { meeting, .. }
            | Event::WrittenReportMarked { meeting, .. } => Some(meeting.clone()),
            _ => self.round().map(RoundKey::meeting_key),
        }
    }
}
