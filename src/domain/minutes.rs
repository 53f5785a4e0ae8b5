//! The minutes of one meeting (会议记录): what the liaison recorded,
//! gathered in the order the meeting ran, for the exports to print. Pure:
//! no words here, only the facts (the forms label them).

use chrono::{DateTime, FixedOffset};

use super::attendance::Absentee;
use super::campaign::Unit;
use super::meeting::{AgendaStep, MeetingKey};
use super::model::Model;
use super::round::{Round, RoundStatus};
use super::tally::Tally;

/// One oral report: who, how long against the limit, the comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechLine {
    pub name: String,
    /// Time used, in milliseconds (up to now for a running timer).
    pub used_ms: i64,
    pub limit_minutes: u32,
    /// The timer was stopped: the time is final.
    pub finished: bool,
    /// 点评 (一述一评).
    pub comment: Option<String>,
}

/// Everything the minutes print about one meeting.
#[derive(Debug, Clone)]
pub struct Minutes<'a> {
    pub key: MeetingKey,
    pub unit: &'a Unit,
    /// The first and the latest event of the meeting (the store's clock).
    pub started: Option<DateTime<FixedOffset>>,
    pub ended: Option<DateTime<FixedOffset>>,
    pub speeches: Vec<SpeechLine>,
    /// Each written report in ballot order, and whether it was handed in.
    pub written: Vec<(String, bool)>,
    /// The latest round (the one counted), and its tally.
    pub round: Option<&'a Round>,
    pub tally: Option<Tally>,
    /// Earlier rounds of the meeting (voided and re-run).
    pub earlier: Vec<&'a Round>,
}

impl Minutes<'_> {
    /// Who was absent at the roll call of the counted round.
    pub fn absentees(&self) -> &[Absentee] {
        self.round.map_or(&[], |r| r.absentees.as_slice())
    }

    /// The counted round is not closed: every figure is provisional.
    pub fn provisional(&self) -> bool {
        self.round
            .is_none_or(|r| !matches!(r.status, RoundStatus::Closed { .. }))
    }
}

impl Model {
    /// The minutes of meeting `key` as of `now` (a timer still running
    /// counts up to `now`); `None` for a unit the campaign does not have.
    pub fn minutes(&self, key: &MeetingKey, now: DateTime<FixedOffset>) -> Option<Minutes<'_>> {
        let unit = self.campaign.unit(&key.unit)?;
        let speeches = self
            .agenda(key)
            .into_iter()
            .filter_map(|step| match step {
                AgendaStep::OralReport { subject } => Some(subject),
                _ => None,
            })
            .map(|name| {
                let clock = self.speech_clock(key, &name, now);
                SpeechLine {
                    used_ms: clock.used_ms,
                    limit_minutes: clock.minutes,
                    finished: clock.speech.finished,
                    comment: clock.speech.comment.clone(),
                    name,
                }
            })
            .collect();
        let received = &self.meeting(key).written_received;
        let written = self
            .writers(key)
            .into_iter()
            .map(|w| {
                let handed_in = received.contains(&w);
                (w, handed_in)
            })
            .collect();
        let rounds: Vec<&Round> = self.rounds_of(&key.unit, key.meeting).collect();
        let (round, earlier) = match rounds.split_last() {
            Some((last, earlier)) => (Some(*last), earlier.to_vec()),
            None => (None, Vec::new()),
        };
        let times = self.times.get(key);
        Some(Minutes {
            key: key.clone(),
            unit,
            started: times.map(|t| t.0),
            ended: times.map(|t| t.1),
            speeches,
            written,
            tally: round.map(|r| self.tally(r)),
            round,
            earlier,
        })
    }

    /// Note when an event of a meeting was stored: the minutes' start and
    /// end times. The store calls this as it folds (the domain has no
    /// clock of its own).
    pub fn note_time(&mut self, event: &super::event::Event, at: DateTime<FixedOffset>) {
        if let Some(key) = event.meeting() {
            let t = self.times.entry(key).or_insert((at, at));
            t.0 = t.0.min(at);
            t.1 = t.1.max(at);
        }
    }
}
