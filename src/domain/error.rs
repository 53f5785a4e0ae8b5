//! Why an event cannot be applied: data, not words. The sentences for the
//! liaison (both languages) are in `catalog::domain`
//! (`DomainError::message(lang)`); the domain never picks a language.

use super::campaign::MeetingKind;

/// Why an event cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    NoCampaign,
    CampaignAgain,
    UnknownUnit(String),
    MeetingNotHeld(String, MeetingKind),
    WrongRoundNumber(u32),
    PreviousRoundOpen,
    EmptyBallot,
    UnknownRound,
    RoundNotOpen,
    NoneExpected,
    WrongBallotNumber(u32),
    NoSuchBallot(u32),
    AlreadyWithdrawn(u32),
    NotWithdrawn(u32),
    WrongMarkCount(usize, usize),
    GradeOutOfScale(u8, usize),
    MeetingNotStarted,
    UnknownStep,
    NotASpeaker(String),
    NotAWriter(String),
    TimerNotNow,
    EmptyComment,
    BallotsKeyed(usize),
    SheetKeyed,
    BallotSetAside(u32),
    CountTooLarge(u64),
    SheetNeedsReturned,
    Sheet {
        problem: super::sheet::SheetProblem,
        /// The row's person.
        name: Option<String>,
        /// The cell's column, for a cell above 收回.
        column: Option<super::sheet::SheetColumn>,
    },
    KeptPassDiffers,
    NothingToResolve,
    NoSheetToDiscard,
    NoBallotsToDiscard,
    NoDiscardReason,
    WarningNotRaised,
    WarningsOpen(usize),
    CloseNoIssued,
    BadPass,
    SheetShape,
    BothPassesNeeded,
    ResolvedChangesAgreed,
    CloseCountsDiffer(u64, u32),
    CloseSheetOpen,
    CloseVoid,
    WrongHead,
    NotClosed,
    NoReason,
    NotVoidable,
    NoQuorum(u32, u32, super::campaign::Ratio),
    NoRollCall,
    NotGradable,
    NoSuchFinalGrade(u8),
    /// A hard quota used up: (group, top grade, allowed, used, group
    /// size, percent).
    QuotaFull(super::grading::Group, String, usize, usize, usize, u32),
    JustificationNeeded(String, usize, usize),
    CombinedNotGood,
    GradedExcellent,
    NotASecretary(String),
    BadDate,
    RosterInUse(String),
    BadRoster(String),
    MergeInsideMerge,
    RosterDropsGraded(String, String),
    /// More absentees listed than 应到 - 实到 (listed, missing).
    TooManyAbsentees(usize, usize),
    AbsenteesBeforeRollCall,
    EmptyAbsentee,
    BadAbsentee(String, super::names::NameProblem),
    AbsentTwice(String),
    /// A 综合评分 above 100.
    ScoreOutOfRange(u32),
}
