//! The pure domain core: campaign definition, ballots, events, the folded
//! model and the tally. No terminal and no SQL in here, so everything tests
//! as plain functions.

pub mod ballot;
pub mod campaign;
pub mod event;
pub mod model;
pub mod names;
pub mod tally;

pub use ballot::{BallotContent, Mark};
pub use campaign::{
    Campaign, MeetingDef, MeetingKind, Quota, Quotas, Ratio, ReportMode, Role, Rules, Scale,
    Subject, Unit, UnitKind, WorkGroup,
};
pub use event::{Event, RoundKey};
pub use model::{DomainError, Model, Round, RoundStatus};
pub use tally::{SubjectTally, Tally};
