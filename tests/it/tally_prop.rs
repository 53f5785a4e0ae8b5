//! Property: whatever the liaison keys during counting — ballots, blanks,
//! void ballots, "same as last", corrections, withdrawals, undo, and keys
//! that are refused — the running count is exactly the count of the ballots
//! that should survive, and the campaign file says the same.
//!
//! The operations go through the app's real keymap (`App::on_key`); the
//! test keeps its own shadow of the ballots from what the keys mean (as the
//! README and the draft rules describe them) and recounts it by hand.
//! Nothing here depends on label text, so the language does not matter.

#[path = "support/mod.rs"]
mod support;

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use ceping::app::{App, Screen, Status};
use ceping::domain::{
    BallotContent, Mark, MeetingKey, MeetingKind, RoundKey, Rules, Tally, TallySource,
};
use ceping::store::{Store, verify};
use support::meeting::{counting_events, rec_all};
use support::recount::Recount;

const UNIT: &str = "南塘村";
/// The annual review's scale: 优秀 称职 基本称职 不称职.
const GRADES: u8 = 4;

/// The number of people on 南塘村's annual-review ballot in the demo.
fn lines() -> usize {
    support::campaign::demo_lines(UNIT, MeetingKind::AnnualReview)
}

fn round_key() -> RoundKey {
    RoundKey {
        unit: UNIT.into(),
        meeting: MeetingKind::AnnualReview,
        round: 1,
    }
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

// ------------------------------------------------------------ keys

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn press_char(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

/// The key of a mark in ballot entry: 1-4 a grade, 0 blank, - void.
fn mark_key(m: Mark) -> char {
    match m {
        Mark::Grade(g) => char::from(b'1' + g),
        Mark::Abstain => '0',
        Mark::Void => '-',
    }
}

/// The row letters: a, b, c … (r, u, w, x are skipped, but the demo
/// ballot is shorter than that).
fn row_key(row: usize) -> char {
    assert!(row < 17, "the row letters used here stop before r");
    char::from(b'a' + row as u8)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press_char(app, c);
    }
}

// ------------------------------------------------------------ the shadow

/// What the ballots of the round should be, kept from what each key means.
#[derive(Debug, Default)]
struct Shadow {
    /// By number - 1: content and whether withdrawn.
    ballots: Vec<(BallotContent, bool)>,
    /// The inverse of each change this session made, for `u`.
    undo: Vec<Inverse>,
    /// Events the file should hold.
    events: u64,
}

#[derive(Debug, Clone)]
enum Inverse {
    Withdraw(u32),
    Restore(u32),
    Correct(u32, BallotContent),
}

/// A ballot's content from its marks: all blank is a blank ballot.
fn content_of(marks: Vec<Mark>) -> BallotContent {
    if marks.iter().all(|m| *m == Mark::Abstain) {
        BallotContent::Blank
    } else {
        BallotContent::Marks(marks)
    }
}

fn marks_of(content: &BallotContent, n: usize) -> Option<Vec<Mark>> {
    match content {
        BallotContent::Marks(m) => Some(m.clone()),
        BallotContent::Blank => Some(vec![Mark::Abstain; n]),
        BallotContent::Invalid => None,
    }
}

impl Shadow {
    fn record(&mut self, content: BallotContent) {
        self.ballots.push((content, false));
        self.undo.push(Inverse::Withdraw(self.ballots.len() as u32));
        self.events += 1;
    }

    fn slot(&mut self, number: u32) -> Option<&mut (BallotContent, bool)> {
        (number as usize)
            .checked_sub(1)
            .and_then(|i| self.ballots.get_mut(i))
    }

    fn last_live(&self) -> Option<BallotContent> {
        self.ballots
            .iter()
            .rev()
            .find(|(_, withdrawn)| !withdrawn)
            .map(|(c, _)| c.clone())
    }

    /// The count, by hand, of the ballots not withdrawn.
    fn recount(&self, n: usize, rules: &Rules) -> Recount {
        let live = self.ballots.iter().filter(|(_, withdrawn)| !withdrawn);
        Recount::of_ballots(live.map(|(c, _)| c), n, usize::from(GRADES), rules)
    }
}

// ------------------------------------------------------------ the run

/// What the liaison should see after an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Saved: a green sentence.
    Saved,
    /// Refused: a red sentence, nothing written.
    Refused,
    /// Nothing to say (a dropped draft, a key ignored).
    Quiet,
}

struct Run {
    app: App,
    shadow: Shadow,
    n: usize,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Run {
    /// A fresh demo file; 南塘村's review started with keys on the street
    /// board, its set-up recorded directly, then ballot entry opened with
    /// Enter at the counting step.
    fn start() -> Run {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("prop.ceping");
        let session = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
        let mut app = App::new(session, fixed_now());
        let meeting = MeetingKey {
            unit: UNIT.into(),
            meeting: MeetingKind::AnnualReview,
        };
        assert_eq!(
            app.meetings().first(),
            Some(&meeting),
            "the board's first row"
        );
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Agenda(meeting.clone()));
        let round = round_key();
        // More returned than the longest sequence keys: saving never goes
        // past 收回 (which asks first; tests/counting_rules.rs).
        rec_all(
            &mut app.session,
            counting_events(&round, [120, 100, 100, 100]),
        );
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Ballots(meeting));
        let n = app.current_round().unwrap().lines.len();
        assert_eq!(n, lines());
        let shadow = Shadow {
            events: app.model().events,
            ..Shadow::default()
        };
        Run {
            app,
            shadow,
            n,
            _dir: dir,
            path,
        }
    }

    /// Answer a number prompt; `Some(number)` if the answer is one number.
    fn answer(&mut self, target: &Target) -> Option<u32> {
        match target {
            Target::Number { pick, padded } => {
                let number = pick % (self.shadow.ballots.len() as u32 + 2);
                let text = if *padded {
                    format!(" {number} ")
                } else {
                    number.to_string()
                };
                type_text(&mut self.app, &text);
                Some(number)
            }
            Target::Garbage(text) => {
                type_text(&mut self.app, text);
                None
            }
        }
    }

    /// After a refused answer the question stays open with the reason;
    /// Esc closes it.
    fn refused_prompt(&mut self) -> Outcome {
        assert!(self.app.prompt.is_some(), "the question stays open");
        assert!(
            matches!(self.app.status, Some(Status::Error(_))),
            "a refused answer says why: {:?}",
            self.app.status
        );
        let events = self.app.model().events;
        press(&mut self.app, KeyCode::Esc);
        assert!(self.app.prompt.is_none(), "Esc closes the question");
        assert_eq!(self.app.model().events, events);
        Outcome::Quiet
    }

    fn key_ballot(&mut self, keyed: &Keyed) -> BallotContent {
        let n = self.n;
        match keyed {
            Keyed::Rows(marks) => {
                for m in marks {
                    press_char(&mut self.app, mark_key(*m));
                }
                content_of(marks.clone())
            }
            Keyed::Patched { base, changes } => {
                press_char(&mut self.app, mark_key(*base));
                let mut marks = vec![*base; n];
                for (row, m) in changes {
                    press_char(&mut self.app, row_key(*row));
                    press_char(&mut self.app, mark_key(*m));
                    marks[*row] = *m;
                }
                content_of(marks)
            }
        }
    }

    fn apply(&mut self, op: &Op) -> Outcome {
        let n = self.n;
        match op {
            Op::Ballot(keyed) => {
                let content = self.key_ballot(keyed);
                press(&mut self.app, KeyCode::Enter);
                self.shadow.record(content);
                Outcome::Saved
            }
            Op::Blank => {
                press_char(&mut self.app, '0');
                press(&mut self.app, KeyCode::Enter);
                self.shadow.record(BallotContent::Blank);
                Outcome::Saved
            }
            Op::Invalid(first) => {
                if let Some(m) = first {
                    press_char(&mut self.app, mark_key(*m));
                }
                press_char(&mut self.app, 'x');
                press(&mut self.app, KeyCode::Enter);
                self.shadow.record(BallotContent::Invalid);
                Outcome::Saved
            }
            Op::Same => {
                press_char(&mut self.app, ' ');
                match self.shadow.last_live() {
                    Some(content) => {
                        self.shadow.record(content);
                        Outcome::Saved
                    }
                    None => Outcome::Refused,
                }
            }
            Op::Correct {
                target,
                edit,
                try_same,
            } => {
                press_char(&mut self.app, 'r');
                let number = self.answer(target);
                press(&mut self.app, KeyCode::Enter);
                let Some((old, _)) = number.and_then(|k| self.shadow.slot(k)).cloned() else {
                    return self.refused_prompt();
                };
                let number = number.unwrap();
                assert!(self.app.prompt.is_none(), "ballot {number} is on screen");
                if *try_same {
                    let events = self.app.model().events;
                    press_char(&mut self.app, ' ');
                    assert!(
                        matches!(self.app.status, Some(Status::Error(_))),
                        "Space is refused while correcting"
                    );
                    assert_eq!(self.app.model().events, events);
                }
                let new = match edit {
                    Edit::Rows(marks) => {
                        for m in marks {
                            press_char(&mut self.app, mark_key(*m));
                        }
                        content_of(marks.clone())
                    }
                    Edit::Changes(changes) => {
                        let mut marks = marks_of(&old, n);
                        for (row, m) in changes {
                            press_char(&mut self.app, row_key(*row));
                            press_char(&mut self.app, mark_key(*m));
                            match marks.as_mut() {
                                Some(marks) => marks[*row] = *m,
                                // A void ballot shows no marks: like an
                                // empty ballot, the first mark goes to
                                // everyone.
                                None => marks = Some(vec![*m; n]),
                            }
                        }
                        content_of(marks.expect("at least one change"))
                    }
                    Edit::Invalid => {
                        press_char(&mut self.app, 'x');
                        BallotContent::Invalid
                    }
                    Edit::Keep => old.clone(),
                };
                press(&mut self.app, KeyCode::Enter);
                self.shadow.slot(number).unwrap().0 = new;
                self.shadow.undo.push(Inverse::Correct(number, old));
                self.shadow.events += 1;
                Outcome::Saved
            }
            Op::Withdraw(target) => {
                press_char(&mut self.app, 'w');
                let number = self.answer(target);
                press(&mut self.app, KeyCode::Enter);
                match number.and_then(|k| self.shadow.slot(k)) {
                    // A withdrawn number is restored; the prompt says so.
                    Some(slot) => {
                        slot.1 = !slot.1;
                        let number = number.unwrap();
                        let inverse = if slot.1 {
                            Inverse::Restore(number)
                        } else {
                            Inverse::Withdraw(number)
                        };
                        self.shadow.undo.push(inverse);
                        self.shadow.events += 1;
                        assert!(self.app.prompt.is_none());
                        Outcome::Saved
                    }
                    // No such ballot, or not a number.
                    _ => self.refused_prompt(),
                }
            }
            Op::Undo => {
                press_char(&mut self.app, 'u');
                let Some(inverse) = self.shadow.undo.pop() else {
                    return Outcome::Refused;
                };
                match inverse {
                    Inverse::Withdraw(k) => self.shadow.slot(k).unwrap().1 = true,
                    Inverse::Restore(k) => self.shadow.slot(k).unwrap().1 = false,
                    Inverse::Correct(k, old) => self.shadow.slot(k).unwrap().0 = old,
                }
                self.shadow.events += 1;
                Outcome::Saved
            }
            Op::EmptyEnter => {
                press(&mut self.app, KeyCode::Enter);
                Outcome::Refused
            }
            Op::Abandon(marks) => {
                for m in marks {
                    press_char(&mut self.app, mark_key(*m));
                }
                assert!(!self.app.draft.is_empty());
                press(&mut self.app, KeyCode::Backspace);
                Outcome::Quiet
            }
            Op::StrayGrade(g) => {
                press_char(&mut self.app, char::from(b'0' + g));
                Outcome::Quiet
            }
            Op::Help(m) => {
                press_char(&mut self.app, '?');
                assert!(self.app.help);
                press_char(&mut self.app, mark_key(*m));
                assert!(!self.app.help);
                Outcome::Quiet
            }
            Op::Away => {
                press(&mut self.app, KeyCode::Esc);
                assert!(matches!(self.app.screen, Screen::Agenda(_)));
                press(&mut self.app, KeyCode::Enter);
                Outcome::Quiet
            }
        }
    }

    /// After every operation: the ballots, the file's length, what the
    /// screen says, and an empty ballot ready for the next one.
    fn check_step(&self, op: &Op, outcome: Outcome) {
        let app = &self.app;
        let round = app.current_round().expect("the round");
        let ballots: Vec<(BallotContent, bool)> = round
            .ballots
            .iter()
            .map(|b| (b.content.clone(), b.withdrawn))
            .collect();
        assert_eq!(ballots, self.shadow.ballots, "ballots after {op:?}");
        assert_eq!(
            app.model().events,
            self.shadow.events,
            "events in the file after {op:?} (a refused operation writes nothing)"
        );
        assert_eq!(app.session.store.last_seq(), self.shadow.events);
        match outcome {
            Outcome::Saved => assert!(
                matches!(app.status, Some(Status::Info(_))),
                "{op:?} should say it saved: {:?}",
                app.status
            ),
            Outcome::Refused => assert!(
                matches!(app.status, Some(Status::Error(_))),
                "{op:?} should be refused with a reason: {:?}",
                app.status
            ),
            Outcome::Quiet => {}
        }
        assert!(matches!(app.screen, Screen::Ballots(_)), "{op:?}");
        assert!(app.prompt.is_none(), "{op:?}");
        assert!(!app.help, "{op:?}");
        assert!(app.draft.is_empty(), "an empty ballot after {op:?}");
        assert_eq!(app.draft.correcting, None, "{op:?}");
    }

    /// After the whole sequence: the count, the reopened file, verify.
    fn check_end(self) {
        let model = self.app.model().clone();
        let round = &model.rounds[&round_key()];
        let rules = &model.campaign.rules;
        let tally = Tally::count(round, rules, usize::from(GRADES));
        assert_eq!(tally.source, TallySource::Ballots);
        assert_eq!(
            Recount::of(&tally),
            self.shadow.recount(self.n, rules),
            "the count of the round"
        );
        assert_eq!(tally.valid(), tally.entered - tally.invalid);

        let Run { app, path, .. } = self;
        drop(app); // releases the writer lock
        let reopened = Store::open(&path).expect("reopen the file");
        assert_eq!(reopened.model, model, "the file replays to the same model");
        drop(reopened);
        let report = verify::verify(&path).expect("the file verifies");
        assert_eq!(report.events, model.events);
        assert_eq!(report.model, model);
    }
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
