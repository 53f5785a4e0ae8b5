//! A meeting at model level: every step recorded through
//! `Session::record`, as the meeting screen records it. A round opens with
//! the ballot lines the campaign gives it; then the roll call, the ballots
//! issued and returned, the move to counting ([`to_counting`] does all of
//! this), ballots keyed, the warnings acknowledged and the round closed
//! ([`close`]).
//!
//! The numbers of a round's set-up are given as `[expected, present,
//! issued, returned]`.
#![allow(dead_code)]

use ceping::domain::*;
use ceping::store::{Session, chain};

/// Record `e`; panics with the event if the model refuses it.
pub fn rec(s: &mut Session, e: Event) {
    if let Err(err) = s.record(e.clone()) {
        panic!("{e:?} refused: {err}");
    }
}

/// Record each of `events` in turn.
pub fn rec_all(s: &mut Session, events: impl IntoIterator<Item = Event>) {
    for e in events {
        rec(s, e);
    }
}

/// Round `round` of `meeting` in `unit`.
pub fn key(unit: &str, meeting: MeetingKind, round: u32) -> RoundKey {
    RoundKey {
        unit: unit.into(),
        meeting,
        round,
    }
}

/// Open `round` with the ballot lines its campaign gives it.
pub fn open_round(s: &mut Session, round: &RoundKey) {
    let lines = s.model.ballot_lines(&round.unit, round.meeting).unwrap();
    rec(
        s,
        Event::RoundOpened {
            round: round.clone(),
            lines,
        },
    );
}

/// The roll call: `expected` (应到) and `present` (实到).
pub fn roll_call(s: &mut Session, round: &RoundKey, expected: u32, present: u32) {
    rec(
        s,
        Event::RollCall {
            round: round.clone(),
            expected,
            present,
        },
    );
}

/// The ballots issued (发出) and returned (收回).
pub fn issue(s: &mut Session, round: &RoundKey, issued: u32, returned: u32) {
    rec(
        s,
        Event::BallotsIssued {
            round: round.clone(),
            count: issued,
        },
    );
    rec(
        s,
        Event::BallotsReturned {
            round: round.clone(),
            count: returned,
        },
    );
}

/// What an opened round records before its ballots: the roll call, the
/// ballots issued and returned, and its meeting's move to counting.
pub fn counting_events(round: &RoundKey, numbers: [u32; 4]) -> Vec<Event> {
    let [expected, present, issued, returned] = numbers;
    vec![
        Event::RollCall {
            round: round.clone(),
            expected,
            present,
        },
        Event::BallotsIssued {
            round: round.clone(),
            count: issued,
        },
        Event::BallotsReturned {
            round: round.clone(),
            count: returned,
        },
        Event::AgendaMoved {
            meeting: round.meeting_key(),
            step: AgendaStep::Counting,
        },
    ]
}

/// Open `round` with its roll call and the ballots issued and returned
/// (the agenda is not moved).
pub fn open(s: &mut Session, round: &RoundKey, numbers: [u32; 4]) {
    let [expected, present, issued, returned] = numbers;
    open_round(s, round);
    roll_call(s, round, expected, present);
    issue(s, round, issued, returned);
}

/// Open `round` and bring its meeting to counting: the round is ready for
/// its ballots.
pub fn to_counting(s: &mut Session, round: &RoundKey, numbers: [u32; 4]) {
    open_round(s, round);
    rec_all(s, counting_events(round, numbers));
}

/// Ballot `i` of a round with `lines` people: everyone the same grade,
/// the grades taking turns (优秀, 称职, 基本称职, 不称职, 优秀, …).
pub fn cycling(i: u32, lines: usize) -> BallotContent {
    BallotContent::all((i % 4) as u8, lines)
}

/// Key `n` more ballots into `round`, numbered on from its last one;
/// `content(number, lines)` says what each holds.
pub fn key_ballots_with(
    s: &mut Session,
    round: &RoundKey,
    n: u32,
    mut content: impl FnMut(u32, usize) -> BallotContent,
) {
    let lines = s.model.rounds[round].lines.len();
    let first = s.model.rounds[round].ballots.len() as u32 + 1;
    for number in first..first + n {
        rec(
            s,
            Event::BallotRecorded {
                round: round.clone(),
                number,
                content: content(number, lines),
            },
        );
    }
}

/// Acknowledge whatever the counts of `round` warn about, as the liaison
/// does before closing (nothing is recorded when nothing warns).
pub fn acknowledge(s: &mut Session, round: &RoundKey) {
    let open = s.model.open_warnings(&s.model.rounds[round]);
    if !open.is_empty() {
        rec(
            s,
            Event::WarningsAcknowledged {
                round: round.clone(),
                warnings: open,
            },
        );
    }
}

/// Close `round` as at the meeting: its warnings acknowledged first (the
/// exports then list them), then closed on the file's head, no time given.
pub fn close(s: &mut Session, round: &RoundKey) {
    acknowledge(s, round);
    let head = chain::to_hex(&s.store.head());
    rec(
        s,
        Event::RoundClosed {
            round: round.clone(),
            head,
            at: None,
        },
    );
}

/// An agreed tally sheet for a round of `lines` people with 40 returned:
/// 1 invalid and 2 blank, every row summing to 39 ballots.
pub fn sheet_40(lines: usize) -> TallySheet {
    TallySheet {
        rows: (0..lines as u32)
            .map(|i| vec![20 + i, 10, 4, 1 + i % 2, 3 - i % 2, 1])
            .map(|mut row| {
                // Every row sums to 39 ballots (40 returned, 1 invalid).
                let sum: u32 = row.iter().sum();
                row[0] = row[0] + 39 - sum;
                row
            })
            .collect(),
        invalid: 1,
        blank: 2,
    }
}
