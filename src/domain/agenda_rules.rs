//! What happens on a meeting's agenda besides ballots: moving between
//! steps, the speaker timer, the superior's comment (一述一评) and the
//! written reports handed in. The checks and folds `Model::check`/`apply`
//! route to.

use chrono::{DateTime, FixedOffset};

use super::campaign::ReportMode;
use super::error::DomainError;
use super::meeting::{AgendaStep, MeetingKey, MeetingState, TimerAction, agenda};
use super::model::Model;

impl Model {
    /// The meeting must be started (its first round opened).
    pub(super) fn started(&self, key: &MeetingKey) -> Result<(), DomainError> {
        if self.current_round(&key.unit, key.meeting).is_none() {
            return Err(DomainError::MeetingNotStarted);
        }
        Ok(())
    }

    fn check_speaker(&self, key: &MeetingKey, subject: &str) -> Result<(), DomainError> {
        self.started(key)?;
        let step = AgendaStep::OralReport {
            subject: subject.to_string(),
        };
        if !self.agenda(key).contains(&step) {
            return Err(DomainError::NotASpeaker(subject.to_string()));
        }
        Ok(())
    }

    pub(super) fn check_agenda_moved(
        &self,
        meeting: &MeetingKey,
        step: &AgendaStep,
    ) -> Result<(), DomainError> {
        self.started(meeting)?;
        if !self.agenda(meeting).contains(step) {
            return Err(DomainError::UnknownStep);
        }
        Ok(())
    }

    pub(super) fn apply_agenda_moved(&mut self, meeting: &MeetingKey, step: &AgendaStep) {
        self.meeting_mut(meeting).step = Some(step.clone())
    }

    /// A timer action that makes sense for this speaker now.
    pub(super) fn check_timer(
        &self,
        meeting: &MeetingKey,
        subject: &str,
        action: TimerAction,
        at: DateTime<FixedOffset>,
    ) -> Result<(), DomainError> {
        self.check_speaker(meeting, subject)?;
        let mut speech = self
            .meeting(meeting)
            .speech(subject)
            .cloned()
            .unwrap_or_default();
        if !speech.timer(action, at) {
            return Err(DomainError::TimerNotNow);
        }
        Ok(())
    }

    pub(super) fn apply_timer(
        &mut self,
        meeting: &MeetingKey,
        subject: &str,
        action: TimerAction,
        at: DateTime<FixedOffset>,
    ) {
        self.meeting_mut(meeting)
            .speeches
            .entry(subject.to_string())
            .or_default()
            .timer(action, at);
    }

    pub(super) fn check_comment(
        &self,
        meeting: &MeetingKey,
        subject: &str,
        text: &str,
    ) -> Result<(), DomainError> {
        self.check_speaker(meeting, subject)?;
        if text.trim().is_empty() {
            return Err(DomainError::EmptyComment);
        }
        Ok(())
    }

    pub(super) fn apply_comment(&mut self, meeting: &MeetingKey, subject: &str, text: &str) {
        let speech = self
            .meeting_mut(meeting)
            .speeches
            .entry(subject.to_string());
        speech.or_default().comment = Some(text.to_string());
    }

    /// Only someone who hands in a written report at this meeting.
    pub(super) fn check_written(
        &self,
        meeting: &MeetingKey,
        subject: &str,
    ) -> Result<(), DomainError> {
        self.started(meeting)?;
        let unit = self
            .campaign
            .unit(&meeting.unit)
            .ok_or_else(|| DomainError::UnknownUnit(meeting.unit.clone()))?;
        let writes = agenda(unit, meeting.meeting).contains(&AgendaStep::WrittenReports)
            && unit
                .subjects_for(meeting.meeting)
                .any(|s| s.name == subject && s.report == ReportMode::Written);
        if !writes {
            return Err(DomainError::NotAWriter(subject.to_string()));
        }
        Ok(())
    }

    pub(super) fn apply_written(&mut self, meeting: &MeetingKey, subject: &str, received: bool) {
        let m = self.meeting_mut(meeting);
        if received {
            m.written_received.insert(subject.to_string());
        } else {
            m.written_received.remove(subject);
        }
    }

    fn meeting_mut(&mut self, key: &MeetingKey) -> &mut MeetingState {
        self.meetings.entry(key.clone()).or_default()
    }
}
