//! One run of operations: each keyed through the app's real keymap, a
//! shadow of the ballots kept from what each key means, and the checks
//! after every operation and at the end.

use super::*;

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
pub(super) enum Outcome {
    /// Saved: a green sentence.
    Saved,
    /// Refused: a red sentence, nothing written.
    Refused,
    /// Nothing to say (a dropped draft, a key ignored).
    Quiet,
}

pub(super) struct Run {
    pub(super) app: App,
    shadow: Shadow,
    pub(super) n: usize,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Run {
    /// A fresh demo file; 南塘村's review started with keys on the street
    /// board, its set-up recorded directly, then ballot entry opened with
    /// Enter at the counting step.
    pub(super) fn start() -> Run {
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
        assert_eq!(app.screen.id(), ScreenId::Agenda(meeting.clone()));
        let round = round_key();
        // More returned than the longest sequence keys: saving never goes
        // past 收回 (which asks first; tests/it/counting_rules.rs).
        rec_all(
            &mut app.session,
            counting_events(&round, [120, 100, 100, 100]),
        );
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen.id(), ScreenId::Ballots(meeting));
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
        assert!(self.app.prompt().is_some(), "the question stays open");
        assert!(
            matches!(self.app.status, Some(Status::Error(_))),
            "a refused answer says why: {:?}",
            self.app.status
        );
        let events = self.app.model().events;
        press(&mut self.app, KeyCode::Esc);
        assert!(self.app.prompt().is_none(), "Esc closes the question");
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

    pub(super) fn apply(&mut self, op: &Op) -> Outcome {
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
                assert!(self.app.prompt().is_none(), "ballot {number} is on screen");
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
                        assert!(self.app.prompt().is_none());
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
                assert!(!self.app.draft().is_empty());
                press(&mut self.app, KeyCode::Backspace);
                Outcome::Quiet
            }
            Op::StrayGrade(g) => {
                press_char(&mut self.app, char::from(b'0' + g));
                Outcome::Quiet
            }
            Op::Help(m) => {
                press_char(&mut self.app, '?');
                assert!(self.app.help());
                press_char(&mut self.app, mark_key(*m));
                assert!(!self.app.help());
                Outcome::Quiet
            }
            Op::Away => {
                press(&mut self.app, KeyCode::Esc);
                assert!(matches!(self.app.screen.id(), ScreenId::Agenda(_)));
                press(&mut self.app, KeyCode::Enter);
                Outcome::Quiet
            }
        }
    }

    /// After every operation: the ballots, the file's length, what the
    /// screen says, and an empty ballot ready for the next one.
    pub(super) fn check_step(&self, op: &Op, outcome: Outcome) {
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
        assert!(matches!(app.screen.id(), ScreenId::Ballots(_)), "{op:?}");
        assert!(app.prompt().is_none(), "{op:?}");
        assert!(!app.help(), "{op:?}");
        assert!(app.draft().is_empty(), "an empty ballot after {op:?}");
        assert_eq!(app.draft().correcting, None, "{op:?}");
    }

    /// After the whole sequence: the count, the reopened file, verify.
    pub(super) fn check_end(self) {
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
