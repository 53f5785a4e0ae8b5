//! A meeting's agenda (议程) and what happens on it besides ballots: the
//! speaker timer of each oral report, the superior's comment (一述一评),
//! the written reports received. Pure: times come in as arguments.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::campaign::{MeetingKind, ReportMode, Unit};

/// One meeting of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeetingKey {
    pub unit: String,
    pub meeting: MeetingKind,
}

/// A step of the agenda, in the order the notice runs a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaStep {
    /// 点名: 应到 and 实到.
    RollCall,
    /// 口头述职 by one person (and, in 下述下评, the comment after it).
    OralReport { subject: String },
    /// 书面述职: the written reports handed in.
    WrittenReports,
    /// 发放选票 (发出).
    IssueBallots,
    /// 收回选票 (收回).
    CollectBallots,
    /// 唱票计票.
    Counting,
    /// 公布结果.
    Results,
    /// 散会.
    Close,
}

/// The agenda of `meeting` in `unit`. In 下述下评 the secretary always
/// reports aloud; in the annual review each person's `report` decides.
pub fn agenda(unit: &Unit, meeting: MeetingKind) -> Vec<AgendaStep> {
    let mut steps = vec![AgendaStep::RollCall];
    let mut written = false;
    for s in unit.subjects_for(meeting) {
        if meeting == MeetingKind::PartyBuildingReview || s.report == ReportMode::Oral {
            steps.push(AgendaStep::OralReport {
                subject: s.name.clone(),
            });
        } else {
            written = true;
        }
    }
    if written {
        steps.push(AgendaStep::WrittenReports);
    }
    steps.extend([
        AgendaStep::IssueBallots,
        AgendaStep::CollectBallots,
        AgendaStep::Counting,
        AgendaStep::Results,
        AgendaStep::Close,
    ]);
    steps
}

/// Start / pause / resume / stop of the speaker timer, and taking a stop
/// back (a mistaken `s`: the time kept, the timer paused again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimerAction {
    Start,
    Pause,
    Resume,
    Stop,
    Unstop,
}

/// One oral report's timing and comment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speech {
    /// Time spoken before the current run, in milliseconds.
    pub spoken_ms: i64,
    /// When the current run started; `None` when paused or stopped.
    pub running_since: Option<DateTime<FixedOffset>>,
    /// The timer was stopped: the time used is final.
    pub finished: bool,
    /// 点评: the superior's remarks after the report.
    pub comment: Option<String>,
}

impl Speech {
    pub fn started(&self) -> bool {
        self.spoken_ms > 0 || self.running_since.is_some() || self.finished
    }

    /// Time used up to `now`, in milliseconds.
    pub fn used_ms(&self, now: DateTime<FixedOffset>) -> i64 {
        self.spoken_ms
            + self
                .running_since
                .map(|t| (now - t).num_milliseconds().max(0))
                .unwrap_or(0)
    }

    /// Apply a timer action at `at`; `false` if it makes no sense now.
    pub fn timer(&mut self, action: TimerAction, at: DateTime<FixedOffset>) -> bool {
        match (action, self.running_since) {
            (TimerAction::Start, None) if !self.started() => self.running_since = Some(at),
            (TimerAction::Resume, None) if self.started() && !self.finished => {
                self.running_since = Some(at)
            }
            (TimerAction::Pause, Some(_)) => {
                self.spoken_ms = self.used_ms(at);
                self.running_since = None;
            }
            (TimerAction::Stop, _) if self.started() && !self.finished => {
                self.spoken_ms = self.used_ms(at);
                self.running_since = None;
                self.finished = true;
            }
            (TimerAction::Unstop, None) if self.finished => self.finished = false,
            _ => return false,
        }
        true
    }
}

/// How the timer should look: the colour bands of the meeting screen and
/// the projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerBand {
    /// Under 70 % of the time.
    Normal,
    /// From 70 %.
    Warning,
    /// The last 10 %.
    Critical,
    /// Past the limit: counting up.
    Overtime,
}

/// Remaining milliseconds (negative in overtime) and the band.
pub fn timer_band(used_ms: i64, limit_ms: i64) -> (i64, TimerBand) {
    let remaining = limit_ms - used_ms;
    let band = if remaining < 0 {
        TimerBand::Overtime
    } else if used_ms * 10 >= limit_ms * 9 {
        TimerBand::Critical
    } else if used_ms * 10 >= limit_ms * 7 {
        TimerBand::Warning
    } else {
        TimerBand::Normal
    };
    (remaining, band)
}

/// A speaker timer as both screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechClock {
    pub speech: Speech,
    /// The meeting's limit per report.
    pub minutes: u32,
    pub used_ms: i64,
    /// Negative in overtime.
    pub remaining_ms: i64,
    pub band: TimerBand,
}

impl super::model::Model {
    /// The people handing in written reports at meeting `key`, in ballot
    /// order (the checklist of the written-reports step).
    pub fn writers(&self, key: &MeetingKey) -> Vec<String> {
        self.campaign
            .unit(&key.unit)
            .map(|u| {
                u.subjects_for(key.meeting)
                    .filter(|s| s.report == ReportMode::Written)
                    .map(|s| s.name.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The timer of `subject`'s report in meeting `key` at `now` (the
    /// laptop's screen and the projector share it, so they always agree).
    pub fn speech_clock(
        &self,
        key: &MeetingKey,
        subject: &str,
        now: DateTime<FixedOffset>,
    ) -> SpeechClock {
        let speech = self
            .meeting(key)
            .speech(subject)
            .cloned()
            .unwrap_or_default();
        let minutes = self
            .campaign
            .meeting(key.meeting)
            .map(|m| m.speaker_minutes)
            .unwrap_or(10);
        let used_ms = speech.used_ms(now);
        let (remaining_ms, band) = timer_band(used_ms, i64::from(minutes) * 60_000);
        SpeechClock {
            speech,
            minutes,
            used_ms,
            remaining_ms,
            band,
        }
    }
}

/// Everything recorded about one meeting apart from its rounds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeetingState {
    /// The current agenda step (the first step when never moved).
    pub step: Option<AgendaStep>,
    pub speeches: BTreeMap<String, Speech>,
    /// Names of the people whose written reports were handed in.
    pub written_received: BTreeSet<String>,
}

impl MeetingState {
    /// Nothing recorded yet.
    pub const EMPTY: MeetingState = MeetingState {
        step: None,
        speeches: BTreeMap::new(),
        written_received: BTreeSet::new(),
    };

    pub fn speech(&self, subject: &str) -> Option<&Speech> {
        self.speeches.get(subject)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2022-01-10T09:00:00+08:00").unwrap()
            + chrono::Duration::seconds(s)
    }

    #[test]
    fn timer_runs_pauses_resumes_and_stops() {
        let mut s = Speech::default();
        assert!(!s.timer(TimerAction::Pause, t(0)));
        assert!(s.timer(TimerAction::Start, t(0)));
        assert_eq!(s.used_ms(t(30)), 30_000);
        assert!(s.timer(TimerAction::Pause, t(30)));
        assert_eq!(s.used_ms(t(100)), 30_000);
        assert!(!s.timer(TimerAction::Start, t(100)));
        assert!(s.timer(TimerAction::Resume, t(100)));
        assert!(s.timer(TimerAction::Stop, t(110)));
        assert_eq!(s.used_ms(t(500)), 40_000);
        assert!(!s.timer(TimerAction::Resume, t(600)));
        assert!(s.timer(TimerAction::Unstop, t(600)));
        assert!(!s.timer(TimerAction::Unstop, t(601)));
        assert!(s.timer(TimerAction::Resume, t(610)));
    }

    #[test]
    fn bands_follow_the_brief() {
        let limit = 600_000;
        assert_eq!(timer_band(0, limit).1, TimerBand::Normal);
        assert_eq!(timer_band(419_999, limit).1, TimerBand::Normal);
        assert_eq!(timer_band(420_000, limit).1, TimerBand::Warning);
        assert_eq!(timer_band(540_000, limit).1, TimerBand::Critical);
        assert_eq!(timer_band(600_000, limit), (0, TimerBand::Critical));
        assert_eq!(timer_band(601_000, limit), (-1000, TimerBand::Overtime));
    }
}
