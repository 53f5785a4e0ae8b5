//! The pure domain core: campaign definition, ballots, events, the folded
//! model and the tally. No terminal and no SQL in here, so everything tests
//! as plain functions.

mod agenda_rules;
pub mod attendance;
pub mod ballot;
pub mod board;
pub mod campaign;
pub mod checks;
mod counting;
mod entry;
pub mod error;
pub mod event;
pub mod grading;
mod grading_rules;
mod lifecycle;
pub mod meeting;
pub mod minutes;
pub mod model;
pub mod names;
pub mod needs;
mod roster_rules;
pub mod round;
pub mod sheet;
pub mod tally;
pub mod titles;

pub use ballot::{BallotContent, Mark};
pub use campaign::{
    Campaign, Deadlines, MeetingDef, MeetingKind, Quota, Quotas, Ratio, ReportMode, Role, Rules,
    Scale, Subject, Unit, UnitKind, WarningThresholds, WorkGroup,
};
pub use checks::CountWarning;
pub use event::{BallotLine, Event, ResolveBasis, RoundKey, SheetDiscard, UnitRoster};
pub use meeting::{AgendaStep, MeetingKey, MeetingState, Speech, TimerAction, TimerBand};
pub use model::{DomainError, Model, Provenance, Round, RoundStatus};
pub use sheet::{SheetCell, SheetColumn, SheetProblem, TallySheet};
pub use tally::{SubjectTally, Tally, TallySource};
