//! Property: whatever the liaison keys during counting — ballots, blanks,
//! void ballots, "same as last", corrections, withdrawals, undo, and keys
//! that are refused — the running count is exactly the count of the ballots
//! that should survive, and the campaign file says the same.
//!
//! The operations go through the app's real keymap (`App::on_key`); the
//! test keeps its own shadow of the ballots from what the keys mean (as the
//! README and the draft rules describe them) and recounts it by hand.
//! Nothing here depends on label text, so the language does not matter.

use crate::support;

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::support::meeting::{counting_events, rec_all};
use crate::support::recount::Recount;
use ceping::app::{App, ScreenId, Status};
use ceping::domain::{
    BallotContent, Mark, MeetingKey, MeetingKind, RoundKey, Rules, Tally, TallySource,
};
use ceping::store::{Store, verify};

mod run;

use run::Run;

const UNIT: &str = "南塘村";
/// The annual review's scale: 优秀 称职 基本称职 不称职.
const GRADES: u8 = 4;

/// The number of people on 南塘村's annual-review ballot in the demo.
fn lines() -> usize {
    support::campaign::demo_lines(UNIT, MeetingKind::AnnualReview)
}

fn round_key() -> RoundKey {
    crate::support::meeting::key(UNIT, MeetingKind::AnnualReview, 1)
}

fn fixed_now() -> chrono::DateTime<chrono::FixedOffset> {
    support::at("2022-01-10T09:30:00+08:00")
}

// ------------------------------------------------------------ operations

/// How a ballot (or the part of it being changed) is keyed.
#[derive(Debug, Clone)]
enum Keyed {
    /// One mark per row, in ballot order (the first fills the empty ballot).
    Rows(Vec<Mark>),
    /// One mark for everyone, then row letter + mark for each change
    /// (`1 c 2`).
    Patched {
        base: Mark,
        changes: Vec<(usize, Mark)>,
    },
}

/// What a correction does once the ballot is on screen.
#[derive(Debug, Clone)]
enum Edit {
    /// Re-key every row in order.
    Rows(Vec<Mark>),
    /// Row letter + mark for each change, on the ballot as it was.
    Changes(Vec<(usize, Mark)>),
    /// `x`: the whole ballot is void.
    Invalid,
    /// Save it unchanged.
    Keep,
}

/// The answer typed at the "which number?" prompt.
#[derive(Debug, Clone)]
enum Target {
    /// Picks 0 ..= ballots + 1 at the time (0 and the last are refused);
    /// `padded` types spaces around it.
    Number { pick: u32, padded: bool },
    /// Not one number: refused.
    Garbage(&'static str),
}

#[derive(Debug, Clone)]
enum Op {
    /// Key a ballot and save it with Enter.
    Ballot(Keyed),
    /// `0 Enter`: a blank ballot.
    Blank,
    /// `[mark] x Enter`: a void ballot (废票).
    Invalid(Option<Mark>),
    /// Space: save a copy of the last ballot that counts.
    Same,
    /// `r N Enter`, then the edit, then Enter. `try_same` presses Space
    /// first, which is refused while correcting.
    Correct {
        target: Target,
        edit: Edit,
        try_same: bool,
    },
    /// `w N Enter`.
    Withdraw(Target),
    /// `u`.
    Undo,
    /// Enter on an empty ballot: refused.
    EmptyEnter,
    /// Key marks, then Backspace: the ballot is dropped, nothing saved.
    Abandon(Vec<Mark>),
    /// A grade beyond the scale (5-9): ignored.
    StrayGrade(u8),
    /// `?` opens help; the next key only closes it.
    Help(Mark),
    /// Esc back to the agenda, Enter into ballot entry again.
    Away,
}

fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        6 => (0..GRADES).prop_map(Mark::Grade),
        2 => Just(Mark::Abstain),
        1 => Just(Mark::Void),
    ]
}

fn change(n: usize) -> impl Strategy<Value = (usize, Mark)> {
    (0..n, mark())
}

fn keyed(n: usize) -> impl Strategy<Value = Keyed> {
    prop_oneof![
        prop::collection::vec(mark(), n).prop_map(Keyed::Rows),
        (mark(), prop::collection::vec(change(n), 0..4))
            .prop_map(|(base, changes)| Keyed::Patched { base, changes }),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        6 => (any::<u32>(), any::<bool>())
            .prop_map(|(pick, padded)| Target::Number { pick, padded }),
        1 => prop::sample::select(vec!["", "abc", "1 2", "-1", "1.5"]).prop_map(Target::Garbage),
    ]
}

fn edit(n: usize) -> impl Strategy<Value = Edit> {
    prop_oneof![
        prop::collection::vec(mark(), n).prop_map(Edit::Rows),
        prop::collection::vec(change(n), 1..4).prop_map(Edit::Changes),
        Just(Edit::Invalid),
        Just(Edit::Keep),
    ]
}

fn op(n: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        10 => keyed(n).prop_map(Op::Ballot),
        2 => Just(Op::Blank),
        2 => prop::option::of(mark()).prop_map(Op::Invalid),
        3 => Just(Op::Same),
        5 => (target(), edit(n), any::<bool>())
            .prop_map(|(target, edit, try_same)| Op::Correct { target, edit, try_same }),
        4 => target().prop_map(Op::Withdraw),
        4 => Just(Op::Undo),
        1 => Just(Op::EmptyEnter),
        1 => prop::collection::vec(mark(), 1..4).prop_map(Op::Abandon),
        1 => (5u8..=9).prop_map(Op::StrayGrade),
        1 => mark().prop_map(Op::Help),
        1 => Just(Op::Away),
    ]
}

proptest! {
    // Every saved ballot is a durable write: keep the cases moderate.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_count_is_the_count_of_the_surviving_ballots(
        ops in prop::collection::vec(op(lines()), 0..40)
    ) {
        let mut run = Run::start();
        for op in &ops {
            let outcome = run.apply(op);
            run.check_step(op, outcome);
        }
        run.check_end();
    }
}

/// One sequence by hand, with the count worked out on paper, so a failure
/// of the basics reads plainly: ballots of every kind, a correction undone,
/// a withdrawal undone, refused answers, a void ballot corrected.
#[test]
fn a_short_count_by_hand() {
    let mut run = Run::start();
    let n = run.n;
    let ops = [
        Op::Ballot(Keyed::Rows(vec![Mark::Grade(0); n])),
        Op::Ballot(Keyed::Patched {
            base: Mark::Grade(0),
            changes: vec![(2, Mark::Grade(1)), (4, Mark::Void)],
        }),
        Op::Blank,
        Op::Invalid(None),
        Op::Same,
        Op::Correct {
            target: Target::Number {
                pick: 1,
                padded: false,
            },
            edit: Edit::Changes(vec![(0, Mark::Grade(3))]),
            try_same: true,
        },
        Op::Withdraw(Target::Number {
            pick: 2,
            padded: true,
        }),
        // `w 2` on a withdrawn ballot restores it; `u` withdraws it again.
        Op::Withdraw(Target::Number {
            pick: 2,
            padded: false,
        }),
        Op::Undo,
        Op::Withdraw(Target::Garbage("1 2")),
        // Undo walks back: the withdrawal of #2, then #1's correction.
        Op::Undo,
        Op::Undo,
        // The void #4 was a good ballot after all: on its empty grid the
        // first grade goes to everyone, then row d gets 优秀.
        Op::Correct {
            target: Target::Number {
                pick: 4,
                padded: false,
            },
            edit: Edit::Changes(vec![(1, Mark::Grade(2)), (3, Mark::Grade(0))]),
            try_same: false,
        },
    ];
    for op in &ops {
        let outcome = run.apply(op);
        run.check_step(op, outcome);
    }
    // Left: #1 all 优秀 (its correction undone), #2 (its withdrawal
    // undone), the blank #3, #4 corrected to 基本称职 but d 优秀, and #5,
    // the copy of #4 as it was: void.
    let round = run.app.current_round().unwrap();
    let ballot4 = &round.ballots[3].content;
    let mut expected4 = vec![Mark::Grade(2); n];
    expected4[3] = Mark::Grade(0);
    assert_eq!(ballot4, &BallotContent::Marks(expected4));
    let tally = Tally::count(round, &Rules::default(), usize::from(GRADES));
    assert_eq!((tally.entered, tally.invalid, tally.blank), (5, 1, 1));
    assert_eq!(tally.valid(), 4);
    assert_eq!(tally.subjects[0].counts, vec![2, 0, 1, 0]);
    assert_eq!(tally.subjects[0].abstain, 1);
    assert_eq!(tally.subjects[2].counts, vec![1, 1, 1, 0]);
    assert_eq!(tally.subjects[3].counts, vec![3, 0, 0, 0]);
    assert_eq!(tally.subjects[4].counts, vec![1, 0, 1, 0]);
    assert_eq!(tally.subjects[4].void_marks, 1);
    run.check_end();
}
