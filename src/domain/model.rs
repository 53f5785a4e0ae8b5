//! The in-memory model: the fold of the event log. Nothing else is truth.
//!
//! `Model::check` validates an event against the current state without
//! changing it; the store appends only checked events, and replay checks
//! every stored event again, so a log that does not fold is reported.

use std::collections::BTreeMap;

use super::ballot::{BallotContent, Mark};
use super::campaign::{Campaign, MeetingKind};
pub use super::error::DomainError;
use super::event::{BallotLine, Event, RoundKey};
use super::meeting::{AgendaStep, MeetingKey, MeetingState, agenda};
use super::round::CountField;
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
}

/// One source of a merged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub source: String,
    pub fingerprint: String,
    pub units: Vec<String>,
    pub events: u64,
}

/// A count must stay below the sanity cap (see `checks::MAX_COUNT`).
fn capped(count: u32) -> Result<(), DomainError> {
    if count > super::checks::MAX_COUNT {
        return Err(DomainError::CountTooLarge(u64::from(count)));
    }
    Ok(())
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

    fn check_content(&self, round: &Round, content: &BallotContent) -> Result<(), DomainError> {
        if let BallotContent::Marks(marks) = content {
            if marks.len() != round.lines.len() {
                return Err(DomainError::WrongMarkCount(round.lines.len(), marks.len()));
            }
            let scale = self.grades(round.key.meeting);
            for m in marks {
                if let Mark::Grade(g) = m
                    && usize::from(*g) >= scale
                {
                    return Err(DomainError::GradeOutOfScale(*g, scale));
                }
            }
        }
        Ok(())
    }

    /// How many grades the meeting's scale has (the one place that says).
    pub fn grades(&self, meeting: MeetingKind) -> usize {
        self.campaign
            .meeting(meeting)
            .map(|m| m.scale.len())
            .unwrap_or(0)
    }

    /// The meeting must be started (its first round opened).
    fn started(&self, key: &MeetingKey) -> Result<(), DomainError> {
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

    /// Would `event` apply? Changes nothing.
    pub fn check(&self, event: &Event) -> Result<(), DomainError> {
        match event {
            Event::CampaignDefined { .. } => Err(DomainError::CampaignAgain),
            Event::RoundOpened { round, lines } => {
                let unit = self
                    .campaign
                    .unit(&round.unit)
                    .ok_or_else(|| DomainError::UnknownUnit(round.unit.clone()))?;
                if !unit.meetings.contains(&round.meeting)
                    || self.campaign.meeting(round.meeting).is_none()
                {
                    return Err(DomainError::MeetingNotHeld(
                        round.unit.clone(),
                        round.meeting,
                    ));
                }
                let earlier: Vec<&Round> = self.rounds_of(&round.unit, round.meeting).collect();
                let next = earlier.len() as u32 + 1;
                if round.round != next {
                    return Err(DomainError::WrongRoundNumber(next));
                }
                if earlier.iter().any(|r| r.status == RoundStatus::Open) {
                    return Err(DomainError::PreviousRoundOpen);
                }
                if lines.is_empty() {
                    return Err(DomainError::EmptyBallot);
                }
                Ok(())
            }
            Event::RollCall {
                round,
                expected,
                present,
            } => {
                self.open_round(round)?;
                capped(*expected)?;
                capped(*present)?;
                if *expected == 0 {
                    return Err(DomainError::NoneExpected);
                }
                // 实到 above 应到 is possible (a late addition to the list):
                // a warning to acknowledge, not an error (`checks`).
                Ok(())
            }
            Event::BallotsIssued { round, count } => {
                // Quorum is checked when balloting starts.
                let r = self.open_round(round)?;
                capped(*count)?;
                let (Some(expected), Some(present)) = (r.expected, r.present) else {
                    return Err(DomainError::NoRollCall);
                };
                let quorum = self.campaign.rules.quorum;
                if !quorum.exceeds_share(u64::from(present), u64::from(expected)) {
                    return Err(DomainError::NoQuorum(present, expected, quorum));
                }
                Ok(())
            }
            Event::BallotsReturned { round, count } => {
                self.open_round(round)?;
                capped(*count)
            }
            Event::BallotRecorded {
                round,
                number,
                content,
            } => {
                let r = self.open_round(round)?;
                // One counting method per round: a sheet pass excludes
                // ballot-by-ballot keying until it is discarded.
                if r.by_sheet() {
                    return Err(DomainError::SheetKeyed);
                }
                let next = r.ballots.len() as u32 + 1;
                if *number != next {
                    return Err(DomainError::WrongBallotNumber(next));
                }
                self.check_content(r, content)
            }
            Event::BallotCorrected {
                round,
                number,
                content,
            } => {
                let r = self.open_round(round)?;
                r.slot(*number)?;
                self.check_content(r, content)
            }
            Event::BallotWithdrawn { round, number } => {
                let r = self.open_round(round)?;
                if r.slot(*number)?.withdrawn {
                    return Err(DomainError::AlreadyWithdrawn(*number));
                }
                Ok(())
            }
            Event::BallotRestored { round, number } => {
                let r = self.open_round(round)?;
                if !r.slot(*number)?.withdrawn {
                    return Err(DomainError::NotWithdrawn(*number));
                }
                Ok(())
            }
            Event::RoundClosed { round, .. } => self.check_close(round),
            Event::RoundReopened { round, reason, .. } => self.check_reopen(round, reason),
            Event::RoundVoided { round } => self.check_void(round),
            Event::GradeAssigned {
                target,
                grade,
                justification,
            } => self.check_grade(target, *grade, justification.as_deref()),
            Event::InvestigationRecorded {
                unit,
                secretary,
                level,
                ..
            } => self.check_investigation(unit, secretary, *level),
            Event::CombinedEvaluationSet {
                unit,
                secretary,
                level,
            } => self.check_combined(unit, secretary, *level),
            Event::RectificationSet {
                unit,
                secretary,
                entry,
            } => self.check_rectification(unit, secretary, entry),
            Event::RosterImported { units, .. } => self.check_roster(units),
            Event::MergedFrom { .. } if self.copying > 0 => Err(DomainError::MergeInsideMerge),
            Event::MergedFrom { .. } => Ok(()),
            Event::AgendaMoved { meeting, step } => {
                self.started(meeting)?;
                if !self.agenda(meeting).contains(step) {
                    return Err(DomainError::UnknownStep);
                }
                Ok(())
            }
            Event::SpeechTimer {
                meeting,
                subject,
                action,
                at,
            } => {
                self.check_speaker(meeting, subject)?;
                let mut speech = self
                    .meeting(meeting)
                    .speeches
                    .get(subject)
                    .cloned()
                    .unwrap_or_default();
                if !speech.timer(*action, *at) {
                    return Err(DomainError::TimerNotNow);
                }
                Ok(())
            }
            Event::CommentRecorded {
                meeting,
                subject,
                text,
            } => {
                self.check_speaker(meeting, subject)?;
                if text.trim().is_empty() {
                    return Err(DomainError::EmptyComment);
                }
                Ok(())
            }
            Event::WrittenReportMarked {
                meeting, subject, ..
            } => {
                self.started(meeting)?;
                let unit = self
                    .campaign
                    .unit(&meeting.unit)
                    .ok_or_else(|| DomainError::UnknownUnit(meeting.unit.clone()))?;
                let writes = agenda(unit, meeting.meeting).contains(&AgendaStep::WrittenReports)
                    && unit.subjects_for(meeting.meeting).any(|s| {
                        s.name == *subject && s.report == super::campaign::ReportMode::Written
                    });
                if !writes {
                    return Err(DomainError::NotAWriter(subject.clone()));
                }
                Ok(())
            }
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
        match event {
            // Refused by `check` above; said again so the match is total.
            Event::CampaignDefined { .. } => return Err(DomainError::CampaignAgain),
            Event::RoundOpened { round, lines } => {
                self.rounds
                    .insert(round.clone(), Round::new(round.clone(), lines.clone()));
            }
            Event::RollCall {
                round,
                expected,
                present,
            } => {
                let r = self.round_mut(round);
                let old = (r.expected, r.present);
                r.expected = Some(*expected);
                r.present = Some(*present);
                if let Some(c) = r.changes_mut() {
                    for (field, before, after) in [
                        (CountField::Expected, old.0, *expected),
                        (CountField::Present, old.1, *present),
                    ] {
                        if before != Some(after) {
                            c.counts.push((field, before, after));
                        }
                    }
                }
            }
            Event::BallotsIssued { round, count } => {
                let r = self.round_mut(round);
                let before = r.issued.replace(*count);
                if let Some(c) = r.changes_mut().filter(|_| before != Some(*count)) {
                    c.counts.push((CountField::Issued, before, *count));
                }
            }
            Event::BallotsReturned { round, count } => {
                let r = self.round_mut(round);
                let before = r.returned.replace(*count);
                if let Some(c) = r.changes_mut().filter(|_| before != Some(*count)) {
                    c.counts.push((CountField::Returned, before, *count));
                }
            }
            Event::BallotRecorded {
                round,
                number,
                content,
            } => {
                let r = self.round_mut(round);
                r.ballots.push(BallotSlot {
                    content: content.clone(),
                    withdrawn: false,
                    discarded: false,
                });
                if let Some(c) = r.changes_mut() {
                    c.added.push(*number);
                }
            }
            Event::BallotCorrected {
                round,
                number,
                content,
            } => {
                self.slot_mut(round, *number).content = content.clone();
                if let Some(c) = self.round_mut(round).changes_mut() {
                    c.corrected.push(*number);
                }
            }
            Event::BallotWithdrawn { round, number } => {
                self.slot_mut(round, *number).withdrawn = true;
                if let Some(c) = self.round_mut(round).changes_mut() {
                    c.withdrawn.push(*number);
                }
            }
            Event::BallotRestored { round, number } => {
                self.slot_mut(round, *number).withdrawn = false;
                if let Some(c) = self.round_mut(round).changes_mut() {
                    c.restored.push(*number);
                }
            }
            Event::RoundClosed { round, head, at } => self.apply_close(round, head, *at),
            Event::RoundReopened { round, reason, at } => self.apply_reopen(round, reason, *at),
            Event::RoundVoided { round } => self.apply_void(round),
            Event::GradeAssigned {
                target,
                grade,
                justification,
            } => self.apply_grade(target, *grade, justification),
            Event::InvestigationRecorded {
                unit,
                secretary,
                level,
                note,
            } => self.apply_investigation(unit, secretary, *level, note),
            Event::CombinedEvaluationSet {
                unit,
                secretary,
                level,
            } => self.apply_combined(unit, secretary, *level),
            Event::RectificationSet {
                unit,
                secretary,
                entry,
            } => self.apply_rectification(unit, secretary, entry),
            Event::RosterImported { units, .. } => {
                for r in units {
                    if let Some(u) = self.campaign.units.iter_mut().find(|u| u.name == r.unit) {
                        u.subjects = r.subjects.clone();
                    }
                }
            }
            Event::MergedFrom {
                source,
                fingerprint,
                units,
                events,
            } => {
                self.merged.push(Provenance {
                    source: source.clone(),
                    fingerprint: fingerprint.clone(),
                    units: units.clone(),
                    events: *events,
                });
                // Counted down below, past this marker.
                self.copying = events + 1;
            }
            Event::AgendaMoved { meeting, step } => {
                self.meeting_mut(meeting).step = Some(step.clone())
            }
            Event::SpeechTimer {
                meeting,
                subject,
                action,
                at,
            } => {
                self.meeting_mut(meeting)
                    .speeches
                    .entry(subject.clone())
                    .or_default()
                    .timer(*action, *at);
            }
            Event::CommentRecorded {
                meeting,
                subject,
                text,
            } => {
                let speech = self.meeting_mut(meeting).speeches.entry(subject.clone());
                speech.or_default().comment = Some(text.clone());
            }
            Event::WrittenReportMarked {
                meeting,
                subject,
                received,
            } => {
                let m = self.meeting_mut(meeting);
                if *received {
                    m.written_received.insert(subject.clone());
                } else {
                    m.written_received.remove(subject);
                }
            }
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
        if let Some(meeting) = event.meeting() {
            self.current = Some(meeting);
        }
        self.copying = self.copying.saturating_sub(1);
        self.events += 1;
        Ok(())
    }

    fn meeting_mut(&mut self, key: &MeetingKey) -> &mut MeetingState {
        self.meetings.entry(key.clone()).or_default()
    }

    // Only called after `check` found the round (and the ballot).
    pub(super) fn round_mut(&mut self, key: &RoundKey) -> &mut Round {
        self.rounds.get_mut(key).expect("checked")
    }

    fn slot_mut(&mut self, key: &RoundKey, number: u32) -> &mut BallotSlot {
        &mut self.round_mut(key).ballots[number as usize - 1]
    }
}
