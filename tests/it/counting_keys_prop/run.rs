//! The run: drives the app key by key, keeps the shadow from the recorded
//! events alone, and checks after each key that nothing unannounced was
//! recorded and that the count follows.

use super::*;

/// `now` (entries borrowed from the model) holds exactly the entries of
/// `then` (as set up).
fn same_entries<K: PartialEq, V: PartialEq>(now: &BTreeMap<&K, &V>, then: &BTreeMap<K, V>) -> bool {
    now.len() == then.len()
        && now
            .iter()
            .zip(then)
            .all(|((k1, v1), (k2, v2))| *k1 == k2 && *v1 == v2)
}

impl Run {
    /// A fresh demo file: 南塘村's annual review started with keys on the
    /// street board; its roll call (45/40), `returned` issued and returned
    /// and the move to counting recorded directly; 回龙村's annual review
    /// and 南塘村's Party-building review set up with ballots; then ballot
    /// entry opened with Enter at the counting step.
    pub(super) fn start(returned: u32) -> Run {
        let (dir, mut app) = app::demo_app();
        let path = app::file(&dir);
        let meeting = ours();
        assert_eq!(
            app.meetings().first(),
            Some(&meeting),
            "the board's first row"
        );
        app.on_key(Key::Enter.event());
        app.on_key(Key::Enter.event());
        assert_eq!(app.screen.id(), ScreenId::Agenda(meeting.clone()));
        let round = key(UNIT, MeetingKind::AnnualReview, 1);
        rec_all(
            &mut app.session,
            counting_events(&round, [45, 40, returned, returned]),
        );
        other_round(&mut app, OTHER_UNIT, MeetingKind::AnnualReview);
        let demo = ceping::campaign_toml::demo();
        let holds = |unit: &str, m| demo.unit(unit).is_some_and(|u| u.meetings.contains(&m));
        assert!(holds(OTHER_UNIT, MeetingKind::AnnualReview));
        if holds(UNIT, MeetingKind::PartyBuildingReview) {
            other_round(&mut app, UNIT, MeetingKind::PartyBuildingReview);
            // And its secretary reporting, the timer running.
            let pbr = MeetingKey {
                unit: UNIT.into(),
                meeting: MeetingKind::PartyBuildingReview,
            };
            let speaker = app
                .model()
                .agenda(&pbr)
                .into_iter()
                .find_map(|s| match s {
                    AgendaStep::OralReport { subject } => Some(subject),
                    _ => None,
                })
                .expect("a speaker");
            for e in [
                Event::AgendaMoved {
                    meeting: pbr.clone(),
                    step: AgendaStep::OralReport {
                        subject: speaker.clone(),
                    },
                },
                Event::SpeechTimer {
                    meeting: pbr,
                    subject: speaker,
                    action: TimerAction::Start,
                    at: app.now,
                },
            ] {
                app.session.record(e).unwrap();
            }
        }
        app.on_key(Key::Enter.event());
        assert_eq!(app.screen.id(), ScreenId::Ballots(meeting.clone()));
        let n = app.current_round().unwrap().lines.len();
        assert_eq!(n, lines());

        let model = app.model();
        let other_rounds = model
            .rounds
            .iter()
            .filter(|(k, _)| k.meeting_key() != meeting)
            .map(|(k, r)| (k.clone(), r.clone()))
            .collect::<BTreeMap<_, _>>();
        assert!(other_rounds.len() >= 2, "{other_rounds:?}");
        let other_meetings = model
            .meetings
            .iter()
            .filter(|(k, _)| **k != meeting)
            .map(|(k, m)| (k.clone(), m.clone()))
            .collect();
        let mut run = Run {
            app,
            _dir: dir,
            path,
            shadow: BTreeMap::new(),
            undo: Vec::new(),
            seq: 0,
            other_rounds,
            other_meetings,
            pressed: Vec::new(),
            n,
        };
        // The shadow starts from the file itself.
        for stored in run.app.session.store.read_after(0).unwrap() {
            let event = Event::from_parts(&stored.kind, &stored.body).unwrap();
            run.shadow_apply(&event);
            run.seq = stored.seq;
        }
        run.compare();
        run
    }

    pub(super) fn current_round_key(&self) -> RoundKey {
        let m = ours();
        self.app
            .model()
            .current_round(&m.unit, m.meeting)
            .expect("the meeting has a round")
            .key
            .clone()
    }

    pub(super) fn before(&self) -> Before {
        let round = self.current_round_key();
        let s = &self.shadow[&round];
        let counting = s.ballots.iter().filter(|b| b.counts()).count() as u64;
        Before {
            help: self.app.help(),
            mode: self.app.mode(),
            prompt: self.app.prompt().cloned(),
            draft: self.app.draft().content(),
            draft_empty: self.app.draft().is_empty(),
            correcting: self.app.draft().correcting,
            last_counting: self.shadow[&round].last_counting(),
            keying: s.status == "open" && !s.by_sheet(),
            below_returned: self
                .app
                .current_round()
                .and_then(|r| r.returned)
                .is_some_and(|r| counting < u64::from(r)),
            can_undo: self
                .undo
                .iter()
                .rev()
                .find(|(r, _)| *r == round)
                .is_some_and(|(_, inverse)| s.undoable(inverse)),
            round,
        }
    }

    /// Press one key as the liaison would, then bring the app back into
    /// the meeting if it left: the quit question is answered `n`, the
    /// street board opens the first row again.
    pub(super) fn key(&mut self, key: Key) {
        self.press(key);
        loop {
            if self.app.confirm_quit() {
                self.press(Key::Char('n'));
            } else if self.app.screen.id() == ScreenId::Home {
                assert!(self.app.prompt().is_none(), "{:?}", self.app.prompt());
                assert_eq!(self.app.home_selected, 0);
                self.press(Key::Enter);
                assert_eq!(self.app.screen.id(), ScreenId::Agenda(ours()), "back in");
            } else {
                break;
            }
        }
    }

    pub(super) fn script(&mut self, script: &str) {
        for k in app::keys(script) {
            let key = match k.code {
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Key::CtrlC,
                KeyCode::Char(c) => Key::Char(c),
                KeyCode::Enter => Key::Enter,
                KeyCode::Esc => Key::Esc,
                KeyCode::Backspace => Key::Backspace,
                KeyCode::Tab => Key::Tab,
                KeyCode::Up => Key::Up,
                KeyCode::Down => Key::Down,
                KeyCode::Left => Key::Left,
                KeyCode::Right => Key::Right,
                other => panic!("no such key here: {other:?}"),
            };
            self.key(key);
        }
    }

    pub(super) fn keys(&mut self, keys: &[Key]) {
        for &k in keys {
            self.key(k);
        }
    }

    pub(super) fn press(&mut self, key: Key) {
        let before = self.before();
        self.app.on_key(key.event());
        // The event loop runs deferred work (the export) after drawing.
        if self.app.deferred.is_some() {
            self.app.run_deferred();
        }
        self.pressed.push(key);
        assert!(!self.app.quit, "the app quit after {:?}", self.trail());
        self.check(key, &before);
        if self.pressed.len().is_multiple_of(RENDER_EVERY) {
            app::render(&self.app, 100, 30);
        }
    }

    pub(super) fn trail(&self) -> Script {
        Script(self.pressed.clone())
    }

    /// The checks after one key.
    pub(super) fn check(&mut self, key: Key, before: &Before) {
        let stored = self.app.session.store.read_after(self.seq).unwrap();
        let trail = self.trail();
        assert!(
            stored.len() <= 1,
            "one key, at most one event: {stored:?}; keys {trail:?}"
        );
        if before.help {
            assert!(
                stored.is_empty() && !self.app.help(),
                "a key on help only closes it"
            );
            return self.compare();
        }
        if before.mode == Mode::Ballots && key == Key::Char('u') {
            if !before.draft_empty || before.correcting.is_some() {
                assert!(stored.is_empty(), "u clears the ballot on screen first");
                assert!(self.app.draft().is_empty() && self.app.draft().correcting.is_none());
                assert!(
                    matches!(self.app.status, Some(Status::Info(_))),
                    "and says so; keys {trail:?}"
                );
            } else if before.keying && before.can_undo {
                assert_eq!(stored.len(), 1, "u undoes; keys {trail:?}");
            }
        }
        let complete = before.draft.is_some() && before.keying;
        if before.mode == Mode::Ballots
            && key == Key::Enter
            && complete
            && (before.correcting.is_some() || before.below_returned)
        {
            assert_eq!(
                stored.len(),
                1,
                "Enter saves a whole ballot; keys {trail:?}"
            );
            assert!(self.app.draft().is_empty(), "and empties the grid");
        }
        for s in stored {
            let event = Event::from_parts(&s.kind, &s.body).unwrap();
            self.announced(&event, key, before);
            self.shadow_apply(&event);
            self.seq = s.seq;
        }
        assert_eq!(self.app.session.store.last_seq(), self.seq);
        assert_eq!(
            self.app.model().events,
            self.seq,
            "the model folds the file"
        );
        self.compare();
    }

    /// Check 1: `event`, recorded by `key`, was announced, and a ballot
    /// holds what the screen showed.
    pub(super) fn announced(&mut self, event: &Event, key: Key, before: &Before) {
        let trail = self.trail();
        let app = &self.app;
        assert_eq!(
            event.meeting(),
            Some(ours()),
            "{event:?} is not of our meeting; keys {trail:?}"
        );
        let on_agenda = matches!(app.screen.id(), ScreenId::Agenda(_));
        let step = app.current_step();
        match event {
            Event::AgendaMoved { step: to, .. } => assert!(
                on_agenda && step.as_ref() == Some(to),
                "moved to {to:?} but the screen shows {step:?} on {:?}; keys {trail:?}",
                app.screen.id()
            ),
            Event::SpeechTimer { subject, .. } => assert!(
                on_agenda
                    && step
                        == Some(AgendaStep::OralReport {
                            subject: subject.clone()
                        }),
                "{event:?} at {step:?}; keys {trail:?}"
            ),
            Event::WrittenReportMarked { .. } => assert!(
                on_agenda && step == Some(AgendaStep::WrittenReports),
                "{event:?} at {step:?}; keys {trail:?}"
            ),
            _ => assert!(
                matches!(app.status, Some(Status::Info(_))),
                "{event:?} recorded, but the status line says {:?}; keys {trail:?}",
                app.status
            ),
        }
        let prompt = before.prompt.as_ref().map(|p| &p.kind);
        let enter_in_ballots = before.mode == Mode::Ballots && key == Key::Enter;
        let undo_key = before.mode == Mode::Ballots && key == Key::Char('u');
        match event {
            Event::BallotRecorded { round, content, .. } => {
                assert_eq!(*round, before.round, "keys {trail:?}");
                let expected = match (prompt, key) {
                    (Some(PromptKind::ConfirmOverReturned(c)), Key::Enter) => Some(c.clone()),
                    _ if enter_in_ballots && before.correcting.is_none() => before.draft.clone(),
                    _ if before.mode == Mode::Ballots && key == Key::Char(' ') => {
                        before.last_counting.clone()
                    }
                    _ => panic!(
                        "{event:?} recorded by {key:?} in {:?}; keys {trail:?}",
                        before.mode
                    ),
                };
                assert_eq!(
                    Some(content),
                    expected.as_ref(),
                    "saved not what was on screen; keys {trail:?}"
                );
                let number = self.shadow[round].ballots.len() as u32 + 1;
                self.undo.push((
                    round.clone(),
                    Event::BallotWithdrawn {
                        round: round.clone(),
                        number,
                    },
                ));
            }
            Event::BallotCorrected {
                round,
                number,
                content,
            } if enter_in_ballots => {
                assert_eq!(*round, before.round, "keys {trail:?}");
                assert_eq!(Some(*number), before.correcting, "keys {trail:?}");
                assert_eq!(Some(content), before.draft.as_ref(), "keys {trail:?}");
                let old = self.shadow[round].ballots[*number as usize - 1]
                    .content
                    .clone();
                self.undo.push((
                    round.clone(),
                    Event::BallotCorrected {
                        round: round.clone(),
                        number: *number,
                        content: old,
                    },
                ));
            }
            Event::BallotWithdrawn { round, number } | Event::BallotRestored { round, number }
                if matches!(prompt, Some(PromptKind::Withdraw)) && key == Key::Enter =>
            {
                assert_eq!(*round, before.round, "keys {trail:?}");
                let input = &before.prompt.as_ref().unwrap().input().text();
                assert_eq!(
                    one_number(input),
                    Some(*number),
                    "{event:?} from {input:?}; keys {trail:?}"
                );
                let was = self.shadow[round].ballots[*number as usize - 1].withdrawn;
                let restored = matches!(event, Event::BallotRestored { .. });
                assert_eq!(was, restored, "w withdraws, or restores a withdrawn one");
                let inverse = if restored {
                    Event::BallotWithdrawn {
                        round: round.clone(),
                        number: *number,
                    }
                } else {
                    Event::BallotRestored {
                        round: round.clone(),
                        number: *number,
                    }
                };
                self.undo.push((round.clone(), inverse));
            }
            Event::BallotCorrected { .. }
            | Event::BallotWithdrawn { .. }
            | Event::BallotRestored { .. }
                if undo_key =>
            {
                assert!(
                    before.draft_empty && before.correcting.is_none(),
                    "u with a ballot on screen must only clear it; keys {trail:?}"
                );
                let i = self
                    .undo
                    .iter()
                    .rposition(|(r, _)| *r == before.round)
                    .unwrap_or_else(|| {
                        panic!("u recorded {event:?} with nothing to undo; keys {trail:?}")
                    });
                assert_eq!(
                    &self.undo[i].1, event,
                    "u undoes this round's last action; keys {trail:?}"
                );
                self.undo.remove(i);
            }
            Event::BallotCorrected { .. }
            | Event::BallotWithdrawn { .. }
            | Event::BallotRestored { .. } => panic!(
                "{event:?} recorded by {key:?} in {:?} (prompt {prompt:?}); keys {trail:?}",
                before.mode
            ),
            _ => {}
        }
    }

    /// Keep the shadow of our meeting's rounds from one event.
    pub(super) fn shadow_apply(&mut self, event: &Event) {
        let Some(key) = event.round() else {
            return;
        };
        if key.meeting_key() != ours() {
            return;
        }
        if let Event::RoundOpened { round, .. } = event {
            self.shadow.insert(round.clone(), Shadow::new());
            return;
        }
        let s = self.shadow.get_mut(key).expect("a round opened before");
        fn slot(s: &mut Shadow, number: u32) -> &mut Slot {
            &mut s.ballots[number as usize - 1]
        }
        match event {
            Event::BallotRecorded { content, .. } => s.ballots.push(Slot {
                content: content.clone(),
                withdrawn: false,
                discarded: false,
            }),
            Event::BallotCorrected {
                number, content, ..
            } => slot(s, *number).content = content.clone(),
            Event::BallotWithdrawn { number, .. } => slot(s, *number).withdrawn = true,
            Event::BallotRestored { number, .. } => slot(s, *number).withdrawn = false,
            Event::BallotsDiscarded { .. } => s.ballots.iter_mut().for_each(|b| b.discarded = true),
            Event::TallySheetEntered { pass, sheet, .. } => {
                s.sheets[usize::from(*pass) - 1] = Some(sheet.clone());
                s.agreed = match &s.sheets {
                    [Some(a), Some(b)] if a == b => Some(a.clone()),
                    _ => None,
                };
            }
            Event::TallySheetResolved { sheet, .. } => s.agreed = Some(sheet.clone()),
            Event::TallySheetDiscarded { scope, .. } => {
                match scope {
                    SheetDiscard::Second => s.sheets[1] = None,
                    SheetDiscard::All => s.sheets = [None, None],
                }
                s.agreed = None;
            }
            Event::RoundClosed { .. } => s.status = "closed",
            Event::RoundReopened { .. } => s.status = "open",
            Event::RoundVoided { round } => {
                s.status = "void";
                let next = RoundKey {
                    round: round.round + 1,
                    ..round.clone()
                };
                self.shadow.insert(next, Shadow::new());
            }
            _ => {}
        }
    }

    /// Checks 2 and 3: our rounds are the shadow's and count as it does;
    /// nothing else changed.
    pub(super) fn compare(&self) {
        let model = self.app.model();
        let trail = self.trail();
        let ours = ours();
        let mine: Vec<&RoundKey> = model
            .rounds
            .keys()
            .filter(|k| k.meeting_key() == ours)
            .collect();
        assert_eq!(
            mine,
            self.shadow.keys().collect::<Vec<_>>(),
            "our rounds; keys {trail:?}"
        );
        for (key, s) in &self.shadow {
            let r = &model.rounds[key];
            let ballots: Vec<Slot> = r
                .ballots
                .iter()
                .map(|b| Slot {
                    content: b.content.clone(),
                    withdrawn: b.withdrawn,
                    discarded: b.discarded,
                })
                .collect();
            assert_eq!(ballots, s.ballots, "ballots of {key:?}; keys {trail:?}");
            assert_eq!(r.sheets, s.sheets, "sheets of {key:?}; keys {trail:?}");
            assert_eq!(
                r.agreed, s.agreed,
                "agreed sheet of {key:?}; keys {trail:?}"
            );
            assert_eq!(
                r.status.key(),
                s.status,
                "status of {key:?}; keys {trail:?}"
            );
            let tally = model.tally(r);
            let (source, expected) = if !r.by_sheet() {
                assert!(!s.by_sheet());
                (
                    TallySource::Ballots,
                    s.recount(self.n, &model.campaign.rules),
                )
            } else if let Some(sheet) = &s.agreed {
                (TallySource::Sheet, Recount::of_sheet(sheet, GRADES))
            } else {
                (TallySource::SheetPending, Recount::zero(self.n, GRADES))
            };
            assert_eq!(tally.source, source, "{key:?}; keys {trail:?}");
            assert_eq!(
                Recount::of(&tally),
                expected,
                "the count of {key:?}; keys {trail:?}"
            );
            assert_eq!(tally.valid(), tally.entered - tally.invalid);
        }
        let other_rounds: BTreeMap<&RoundKey, &Round> = model
            .rounds
            .iter()
            .filter(|(k, _)| k.meeting_key() != ours)
            .collect();
        assert!(
            same_entries(&other_rounds, &self.other_rounds),
            "another round changed; keys {trail:?}"
        );
        let other_meetings: BTreeMap<&MeetingKey, &MeetingState> =
            model.meetings.iter().filter(|(k, _)| **k != ours).collect();
        assert!(
            same_entries(&other_meetings, &self.other_meetings),
            "another meeting's agenda changed; keys {trail:?}"
        );
    }

    /// After a case: the screen draws, and the file replays and verifies
    /// to the same model.
    pub(super) fn finish(self) {
        app::render(&self.app, 100, 30);
        let model = self.app.model().clone();
        let Run {
            app, path, _dir, ..
        } = self;
        drop(app); // releases the writer lock
        let report = ceping::store::verify::verify(&path).expect("the file verifies");
        assert_eq!(report.events, model.events);
        assert_eq!(report.model, model);
    }

    pub(super) fn round(&self) -> &Round {
        self.app.current_round().expect("a round")
    }
}
