//! The in-memory model: the fold of the event log. Nothing else is truth.
//!
//! `Model::check` validates an event against the current state without
//! changing it; the store appends only checked events, and replay checks
//! every stored event again, so a log that does not fold is reported.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::campaign::{Campaign, MeetingKind};
use super::entry::Count;
pub use super::error::DomainError;
use super::event::{BallotLine, Event, RoundKey};
use super::meeting::{AgendaStep, MeetingKey, MeetingState, agenda};
pub use super::round::{BallotSlot, Round, RoundStatus};

/// The fold of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub campaign: Campaign,
    pub rounds: BTreeMap<RoundKey, Round>,
    pub meetings: BTreeMap<MeetingKey, MeetingState>,
    /// The office's final grades, combined evaluations and rectifications.
    pub grading: super::grading::Grading,
    /// How many events have been folded (= the last seq).
    pub events: u64,
    /// The meeting of the latest event that belongs to one: the meeting the
    /// liaison has open now (what the projector follows).
    pub current: Option<MeetingKey>,
    /// Where merged events came from, in order.
    pub merged: Vec<Provenance>,
    /// Events still to come from the latest `MergedFrom` source.
    pub copying: u64,
    /// The first and latest time an event of each meeting was stored
    /// (see `note_time`): the minutes' start and end.
    pub times: BTreeMap<MeetingKey, (DateTime<FixedOffset>, DateTime<FixedOffset>)>,
}

/// One source of a merged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub source: String,
    pub fingerprint: String,
    pub units: Vec<String>,
    pub events: u64,
}

impl Model {
    /// The warnings `round` raises now (see `checks::warnings`).
    pub fn warnings(&self, round: &Round) -> Vec<super::checks::CountWarning> {
        super::checks::warnings(round, &self.tally(round), &self.campaign.rules)
    }

    /// The warnings `round` raises that are not acknowledged yet.
    pub fn open_warnings(&self, round: &Round) -> Vec<super::checks::CountWarning> {
        self.warnings(round)
            .into_iter()
            .filter(|w| !round.acknowledged.contains(w))
            .collect()
    }

    /// The model after the first event, which must define the campaign.
    pub fn from_first(event: &Event) -> Result<Model, DomainError> {
        match event {
            Event::CampaignDefined { campaign } => Ok(Model {
                campaign: campaign.clone(),
                rounds: BTreeMap::new(),
                meetings: BTreeMap::new(),
                grading: Default::default(),
                events: 1,
                current: None,
                merged: Vec::new(),
                copying: 0,
                times: BTreeMap::new(),
            }),
            _ => Err(DomainError::NoCampaign),
        }
    }

    /// Fold a whole sequence of events.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Model, DomainError> {
        let mut it = events.into_iter();
        let first = it.next().ok_or(DomainError::NoCampaign)?;
        let mut model = Model::from_first(first)?;
        for e in it {
            model.apply(e)?;
        }
        Ok(model)
    }

    /// The rounds of one meeting of one unit, in round order.
    pub fn rounds_of(&self, unit: &str, meeting: MeetingKind) -> impl Iterator<Item = &Round> {
        self.rounds
            .values()
            .filter(move |r| r.key.unit == unit && r.key.meeting == meeting)
    }

    /// The latest round of a meeting: the one the meeting screen works on.
    pub fn current_round(&self, unit: &str, meeting: MeetingKind) -> Option<&Round> {
        self.rounds_of(unit, meeting).last()
    }

    /// The meeting's agenda, from the unit's roster.
    pub fn agenda(&self, key: &MeetingKey) -> Vec<AgendaStep> {
        self.campaign
            .unit(&key.unit)
            .map(|u| agenda(u, key.meeting))
            .unwrap_or_default()
    }

    /// The meeting's state (empty before anything was recorded), borrowed:
    /// screens ask for it on every frame.
    pub fn meeting(&self, key: &MeetingKey) -> &MeetingState {
        static EMPTY: MeetingState = MeetingState::EMPTY;
        self.meetings.get(key).unwrap_or(&EMPTY)
    }

    /// The current step of a meeting: the last one moved to, else the first.
    pub fn current_step(&self, key: &MeetingKey) -> Option<AgendaStep> {
        self.meetings
            .get(key)
            .and_then(|m| m.step.clone())
            .or_else(|| self.agenda(key).into_iter().next())
    }

    /// The ballot lines a new round of `meeting` in `unit` would print.
    pub fn ballot_lines(
        &self,
        unit: &str,
        meeting: MeetingKind,
    ) -> Result<Vec<BallotLine>, DomainError> {
        let u = self
            .campaign
            .unit(unit)
            .ok_or_else(|| DomainError::UnknownUnit(unit.to_string()))?;
        Ok(u.subjects_for(meeting)
            .map(|s| BallotLine {
                name: s.name.clone(),
                role: s.role,
            })
            .collect())
    }

    pub(super) fn open_round(&self, key: &RoundKey) -> Result<&Round, DomainError> {
        let round = self.rounds.get(key).ok_or(DomainError::UnknownRound)?;
        if round.status != RoundStatus::Open {
            return Err(DomainError::RoundNotOpen);
        }
        Ok(round)
    }

    /// How many grades the meeting's scale has (the one place that says).
    pub fn grades(&self, meeting: MeetingKind) -> usize {
        self.campaign
            .meeting(meeting)
            .map(|m| m.scale.len())
            .unwrap_or(0)
    }

    /// Would `event` apply? Changes nothing. Each event goes to the check
    /// of its kind, with its fields.
    pub fn check(&self, event: &Event) -> Result<(), DomainError> {
        match event {
            Event::CampaignDefined { .. } => Err(DomainError::CampaignAgain),
            Event::RoundOpened { round, lines } => self.check_round_opened(round, lines),
            Event::RollCall {
                round,
                expected,
                present,
            } => self.check_roll_call(round, *expected, *present),
            Event::AbsenteesRecorded { round, absentees } => self.check_absentees(round, absentees),
            Event::BallotsIssued { round, count } => self.check_count(round, Count::Issued, *count),
            Event::BallotsReturned { round, count } => {
                self.check_count(round, Count::Returned, *count)
            }
            Event::BallotRecorded {
                round,
                number,
                content,
            } => self.check_recorded(round, *number, content),
            Event::BallotCorrected {
                round,
                number,
                content,
            } => self.check_corrected(round, *number, content),
            Event::BallotWithdrawn { round, number } => self.check_withdrawal(round, *number, true),
            Event::BallotRestored { round, number } => self.check_withdrawal(round, *number, false),
            Event::RoundClosed { round, .. } => self.check_close(round),
            Event::RoundReopened { round, reason, .. } => self.check_reopen(round, reason),
            Event::RoundVoided { round } => self.check_void(round),
            Event::GradeAssigned { .. }
            | Event::InvestigationRecorded { .. }
            | Event::CombinedEvaluationSet { .. }
            | Event::CombinedScoreSet { .. }
            | Event::CombinedMaterialSet { .. }
            | Event::RectificationSet { .. } => self.check_office(event),
            Event::RosterImported { units, .. } => self.check_roster(units),
            Event::MergedFrom { .. } if self.copying > 0 => Err(DomainError::MergeInsideMerge),
            Event::MergedFrom { .. } => Ok(()),
            Event::AgendaMoved { meeting, step } => self.check_agenda_moved(meeting, step),
            Event::SpeechTimer {
                meeting,
                subject,
                action,
                at,
            } => self.check_timer(meeting, subject, *action, *at),
            Event::CommentRecorded {
                meeting,
                subject,
                text,
            } => self.check_comment(meeting, subject, text),
            Event::WrittenReportMarked {
                meeting, subject, ..
            } => self.check_written(meeting, subject),
            Event::TallySheetEntered {
                round, pass, sheet, ..
            } => self.check_sheet_entered(round, *pass, sheet),
            Event::TallySheetResolved {
                round,
                sheet,
                basis,
            } => self.check_sheet_resolved(round, sheet, *basis),
            Event::TallySheetDiscarded {
                round,
                scope,
                reason,
            } => self.check_sheet_discarded(round, *scope, reason),
            Event::BallotsDiscarded { round, reason } => {
                self.check_ballots_discarded(round, reason)
            }
            Event::WarningsAcknowledged { round, warnings } => {
                self.check_acknowledged(round, warnings)
            }
        }
    }

    /// Check `event`, then fold it in. On error nothing has changed.
    pub fn apply(&mut self, event: &Event) -> Result<(), DomainError> {
        self.check(event)?;
        self.fold_in(event);
        if let Some(meeting) = event.meeting() {
            self.current = Some(meeting);
        }
        self.copying = self.copying.saturating_sub(1);
        self.events += 1;
        Ok(())
    }

    /// Fold in a checked event: each kind to the fold of its kind.
    fn fold_in(&mut self, event: &Event) {
        match event {
            // Refused by `check`; nothing to fold.
            Event::CampaignDefined { .. } => {}
            Event::RoundOpened { round, lines } => self.apply_round_opened(round, lines),
            Event::RollCall {
                round,
                expected,
                present,
            } => self.apply_roll_call(round, *expected, *present),
            Event::AbsenteesRecorded { round, absentees } => self.apply_absentees(round, absentees),
            Event::BallotsIssued { round, count } => self.apply_count(round, Count::Issued, *count),
            Event::BallotsReturned { round, count } => {
                self.apply_count(round, Count::Returned, *count)
            }
            Event::BallotRecorded {
                round,
                number,
                content,
            } => self.apply_recorded(round, *number, content),
            Event::BallotCorrected {
                round,
                number,
                content,
            } => self.apply_corrected(round, *number, content),
            Event::BallotWithdrawn { round, number } => self.apply_withdrawal(round, *number, true),
            Event::BallotRestored { round, number } => self.apply_withdrawal(round, *number, false),
            Event::RoundClosed { round, head, at } => self.apply_close(round, head, *at),
            Event::RoundReopened { round, reason, at } => self.apply_reopen(round, reason, *at),
            Event::RoundVoided { round } => self.apply_void(round),
            Event::GradeAssigned { .. }
            | Event::InvestigationRecorded { .. }
            | Event::CombinedEvaluationSet { .. }
            | Event::CombinedScoreSet { .. }
            | Event::CombinedMaterialSet { .. }
            | Event::RectificationSet { .. } => self.fold_office(event),
            Event::RosterImported { units, .. } => self.apply_roster(units),
            Event::MergedFrom {
                source,
                fingerprint,
                units,
                events,
            } => self.apply_merged_from(source, fingerprint, units, *events),
            Event::AgendaMoved { meeting, step } => self.apply_agenda_moved(meeting, step),
            Event::SpeechTimer {
                meeting,
                subject,
                action,
                at,
            } => self.apply_timer(meeting, subject, *action, *at),
            Event::CommentRecorded {
                meeting,
                subject,
                text,
            } => self.apply_comment(meeting, subject, text),
            Event::WrittenReportMarked {
                meeting,
                subject,
                received,
            } => self.apply_written(meeting, subject, *received),
            Event::TallySheetEntered {
                round,
                pass,
                sheet,
                keyer,
            } => self.apply_sheet_entered(round, *pass, sheet, keyer),
            Event::TallySheetResolved { round, sheet, .. } => {
                self.apply_sheet_resolved(round, sheet)
            }
            Event::TallySheetDiscarded { round, scope, .. } => {
                self.apply_sheet_discarded(round, *scope)
            }
            Event::BallotsDiscarded { round, .. } => self.apply_ballots_discarded(round),
            Event::WarningsAcknowledged { round, warnings } => {
                self.apply_acknowledged(round, warnings)
            }
        }
    }

    /// A merged block starts: where it came from, and how many events
    /// follow from it (counted down in `apply`, past this marker).
    fn apply_merged_from(
        &mut self,
        source: &str,
        fingerprint: &str,
        units: &[String],
        events: u64,
    ) {
        self.merged.push(Provenance {
            source: source.to_string(),
            fingerprint: fingerprint.to_string(),
            units: units.to_vec(),
            events,
        });
        self.copying = events + 1;
    }

    // Only called after `check` found the round (and the ballot).
    pub(super) fn round_mut(&mut self, key: &RoundKey) -> &mut Round {
        self.rounds.get_mut(key).expect("checked")
    }
}
