//! The generators: ballots, tally sheets, prompts' text and whole scripts of
//! keys.

use super::*;

// ------------------------------------------------------------ generators

pub(super) fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        6 => (0..GRADES as u8).prop_map(Mark::Grade),
        2 => Just(Mark::Abstain),
        1 => Just(Mark::Void),
    ]
}

/// A ballot keyed row by row, or one mark for all then row letter + mark
/// (rows up to one past the last), then Enter.
pub(super) fn ballot(n: usize) -> impl Strategy<Value = Vec<Key>> {
    prop_oneof![
        prop::collection::vec(mark(), n).prop_map(|marks| {
            let mut k: Vec<Key> = marks.into_iter().map(mark_key).collect();
            k.push(Key::Enter);
            k
        }),
        (mark(), prop::collection::vec((0..=n, mark()), 0..4)).prop_map(|(base, changes)| {
            let mut k = vec![mark_key(base)];
            for (row, m) in changes {
                k.extend([row_key(row), mark_key(m)]);
            }
            k.push(Key::Enter);
            k
        }),
    ]
}

/// What is typed at a "which ballot?" prompt.
pub(super) fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (1u32..5).prop_map(|k| k.to_string()),
        2 => (0u32..10).prop_map(|k| k.to_string()),
        1 => (0u32..10).prop_map(|k| format!(" {k} ")),
        1 => prop::sample::select(vec!["", "abc", "1 2", "-1", "999999"]).prop_map(String::from),
    ]
}

/// What is typed at a prompt asking for a reason (or anything else).
pub(super) fn reason_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "  ", "点错了", "改用计票单", "重新计票", "x"])
        .prop_map(String::from)
}

/// What is typed at the numbers prompts (roll call, issued, returned).
pub(super) fn numbers_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "45 40", "40", "6", "41", "7", "3", "0", "100001", "x", "",
    ])
    .prop_map(String::from)
}

/// Who keys a sheet pass.
pub(super) fn keyer_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "", "符明", "钟岚"]).prop_map(String::from)
}

/// Any one key of the bindings in play (and a few that mean nothing).
pub(super) fn any_key(n: usize) -> impl Strategy<Value = Key> {
    let mut keys = vec![
        Key::Esc,
        Key::Backspace,
        Key::Enter,
        Key::Tab,
        Key::Up,
        Key::Down,
        Key::Left,
        Key::Right,
        Key::CtrlC,
    ];
    keys.extend("urwtxadflsnpevo -0123456789?A点".chars().map(Key::Char));
    keys.extend((0..=n).map(row_key));
    prop::sample::select(keys)
}

/// A true tally sheet for `returned` ballots: some invalid, maybe one
/// blank, each person's marks in one or two columns.
pub(super) fn sheet(n: usize, returned: u32) -> impl Strategy<Value = TallySheet> {
    let row = (
        prop_oneof![3 => Just(0usize), 1 => 0..GRADES + 2],
        prop::option::weighted(0.25, (0..GRADES + 2, 0u32..=100)),
    );
    (
        prop_oneof![3 => Just(0u32), 1 => 0..=returned],
        any::<bool>(),
        prop::collection::vec(row, n),
    )
        .prop_map(move |(invalid, blank, rows)| {
            let valid = returned - invalid;
            let blank = u32::from(blank && valid > 0);
            let mut s = TallySheet::empty(n, GRADES);
            s.invalid = invalid;
            s.blank = blank;
            for (cells, (c1, second)) in s.rows.iter_mut().zip(rows) {
                let rest = valid - blank;
                cells[GRADES] += blank;
                match second {
                    Some((c2, split)) => {
                        let a = rest * split / 100;
                        cells[c1] += a;
                        cells[c2] += rest - a;
                    }
                    None => cells[c1] += rest,
                }
            }
            s
        })
}

/// The keys that type `sheet` into an empty pass: move to each cell that
/// is not 0 (Enter / Tab / Right one cell on, Down a row down) and type it.
pub(super) fn sheet_keys(sheet: &TallySheet) -> Vec<Key> {
    let cells = sheet.cells();
    let row_len = GRADES + 2;
    let mut keys = Vec::new();
    let mut at = 0usize;
    let steps = [Key::Enter, Key::Tab, Key::Right];
    for (target, cell) in cells.iter().enumerate() {
        let value = sheet.get(*cell);
        if value == 0 {
            continue;
        }
        while at < target {
            if at >= 2 && target >= at + row_len {
                keys.push(Key::Down);
                at += row_len;
            } else if at < 2 && target >= at + 2 {
                keys.push(Key::Down);
                at += 2;
            } else {
                keys.push(steps[(at + target) % steps.len()]);
                at += 1;
            }
        }
        keys.extend(text(&value.to_string()));
    }
    keys
}

/// Two true passes of one sheet: the same, one mark moved from one
/// column to another in one row (two cells differ), or another true sheet.
pub(super) fn second_pass(
    sheet: &TallySheet,
    how: u8,
    other: TallySheet,
    seed: usize,
) -> TallySheet {
    match how {
        0 => sheet.clone(),
        1 => {
            let mut s = sheet.clone();
            let n = s.rows.len();
            let width = GRADES + 2;
            for i in 0..n * width {
                let (r, c) = ((seed + i) / width % n, (seed + i) % width);
                let floor = if c == GRADES { s.blank } else { 0 };
                if s.rows[r][c] > floor {
                    s.rows[r][c] -= 1;
                    s.rows[r][(c + 1 + seed % (width - 1)) % width] += 1;
                    break;
                }
            }
            s
        }
        _ => other,
    }
}

/// How the differences of two passes are settled on the sheet screen.
#[derive(Debug, Clone, Copy)]
enum Settle {
    /// Leave them.
    Not,
    /// `f` / `l`: keep pass 1 / 2 whole.
    Keep(char),
    /// Key each differing cell from the paper (`pick`: from which pass, per
    /// cell; 2 = neither, which asks first), then `s` (and Enter).
    Paper(u8),
}

fn settle() -> impl Strategy<Value = Settle> {
    prop_oneof![
        1 => Just(Settle::Not),
        2 => prop_oneof![Just('f'), Just('l')].prop_map(Settle::Keep),
        3 => prop_oneof![3 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)].prop_map(Settle::Paper),
    ]
}

/// Keys that get to the agenda from wherever the app is (a prompt is
/// closed, a correction abandoned; Esc on the agenda goes to the street
/// board, and the run opens the meeting again).
pub(super) fn to_agenda() -> Vec<Key> {
    vec![Key::Esc, Key::Esc]
}

/// The tally sheet from the agenda: `t`, a reason (to set keyed ballots
/// aside, or taken as the keyer when there are none), the keyer, back to
/// the first cell, a true pass, `s`; maybe pass 2 the same way, and the
/// differences settled.
pub(super) fn sheet_chunk(n: usize, returned: u32) -> impl Strategy<Value = Vec<Key>> {
    (
        prop::sample::select(vec!["改用计票单", "点错了"]),
        keyer_text(),
        sheet(n, returned),
        prop::option::weighted(
            0.7,
            (
                keyer_text(),
                prop_oneof![2 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
                sheet(n, returned),
                any::<usize>(),
                settle(),
            ),
        ),
    )
        .prop_map(|(reason, keyer, first, second)| {
            let mut k = to_agenda();
            k.push(Key::Char('t'));
            let pass = |k: &mut Vec<Key>, keyer: &str, sheet: &TallySheet| {
                k.extend(text(keyer));
                k.push(Key::Enter);
                // Enter on the sheet moves on a cell: back to the first.
                k.extend([Key::Left, Key::Left]);
                k.extend(sheet_keys(sheet));
                k.push(Key::Char('s'));
            };
            k.extend(text(reason));
            k.push(Key::Enter);
            pass(&mut k, &keyer, &first);
            if let Some((keyer2, how, other, seed, settle)) = second {
                let second = second_pass(&first, how, other, seed);
                pass(&mut k, &keyer2, &second);
                match settle {
                    Settle::Not => {}
                    Settle::Keep(c) => k.push(Key::Char(c)),
                    Settle::Paper(pick) => {
                        for cell in first.differences(&second) {
                            let value = match pick {
                                0 => first.get(cell),
                                1 => second.get(cell),
                                _ => first.get(cell).max(second.get(cell)) + 1,
                            };
                            k.extend(text(&value.to_string()));
                            k.push(Key::Enter);
                        }
                        k.extend([Key::Char('s'), Key::Enter]);
                    }
                }
            }
            k
        })
}

/// One meaningful stretch of keys; the cases are runs of these.
pub(super) fn chunk(n: usize, returned: u32) -> impl Strategy<Value = Vec<Key>> {
    let grades = (mark(), prop::collection::vec(mark(), 0..n)).prop_map(|(m, ms)| {
        std::iter::once(m)
            .chain(ms)
            .map(mark_key)
            .collect::<Vec<_>>()
    });
    prop_oneof![
        14 => ballot(n),
        2 => Just(vec![Key::Char('0'), Key::Enter]),
        2 => prop::option::of(mark()).prop_map(|m| {
            m.map(mark_key)
                .into_iter()
                .chain([Key::Char('x'), Key::Enter])
                .collect()
        }),
        4 => Just(vec![Key::Char(' ')]),
        // r N Enter, then a few marks (or x) and Enter, or Esc.
        4 => (number_text(), prop::collection::vec(
                prop_oneof![4 => mark().prop_map(mark_key), 1 => (0..=n).prop_map(row_key),
                            1 => Just(Key::Char('x'))], 0..4),
              prop_oneof![4 => Just(Key::Enter), 1 => Just(Key::Esc), 1 => Just(Key::Char(' '))])
            .prop_map(|(number, edit, end)| {
                let mut k = vec![Key::Char('r')];
                k.extend(text(&number));
                k.push(Key::Enter);
                k.extend(edit);
                k.push(end);
                k
            }),
        3 => number_text().prop_map(|number| {
            let mut k = vec![Key::Char('w')];
            k.extend(text(&number));
            k.push(Key::Enter);
            k
        }),
        4 => Just(vec![Key::Char('u')]),
        // A half-typed ballot dropped (Backspace) or cleared (u).
        2 => (grades, prop_oneof![Just(Key::Backspace), Just(Key::Char('u'))])
            .prop_map(|(mut k, end)| {
                k.push(end);
                k
            }),
        10 => any_key(n).prop_map(|k| vec![k]),
        // Out to the agenda, a few of its keys, and Enter (back to the
        // ballots at the counting step).
        3 => prop::collection::vec(agenda_keys(), 1..4).prop_map(|ks| {
            let mut k = to_agenda();
            k.extend(ks.into_iter().flatten());
            k.push(Key::Enter);
            k
        }),
        // Back through the agenda to the reports and numbers, a few keys
        // there, and forward again.
        2 => (1usize..7, prop::collection::vec(agenda_keys(), 1..4)).prop_map(|(back, ks)| {
            let mut k = to_agenda();
            k.extend(vec![Key::Char('p'); back]);
            k.extend(ks.into_iter().flatten());
            k.extend(vec![Key::Char('n'); back]);
            k.push(Key::Enter);
            k
        }),
        // Closing: acknowledge, on to the close step, acknowledge, close;
        // maybe reopen with a reason; back to counting.
        2 => (prop::option::of(reason_text()), any::<bool>()).prop_map(|(reopen, back)| {
            let mut k = to_agenda();
            k.extend(text("anna"));
            k.extend([Key::Enter, Key::Enter]);
            if let Some(reason) = reopen {
                k.push(Key::Char('o'));
                k.extend(text(&reason));
                k.push(Key::Enter);
            }
            if back {
                k.extend([Key::Char('p'), Key::Char('p'), Key::Enter]);
            }
            k
        }),
        3 => sheet_chunk(n, returned),
        3 => sheet_keys_misc(),
        // Something typed into whatever prompt is open, then Enter or Esc.
        2 => (reason_text(), prop_oneof![3 => Just(Key::Enter), 1 => Just(Key::Esc)])
            .prop_map(|(t, end)| {
                let mut k = text(&t);
                k.push(end);
                k
            }),
    ]
}

/// Keys of the agenda: steps, numbers, acknowledging, timers, closing,
/// reopening, voiding, export.
pub(super) fn agenda_keys() -> impl Strategy<Value = Vec<Key>> {
    prop_oneof![
        6 => prop::sample::select(vec!['n', 'p', 'a', ' ', ' ', 's', 't', 'v', 'o', 'd'])
            .prop_map(|c| vec![Key::Char(c)]),
        3 => prop::sample::select(vec![Key::Up, Key::Down, Key::Left, Key::Right, Key::Enter])
            .prop_map(|k| vec![k]),
        3 => numbers_text().prop_map(|t| {
            let mut k = vec![Key::Char('e')];
            k.extend(text(&t));
            k.push(Key::Enter);
            k
        }),
        1 => reason_text().prop_map(|t| {
            let mut k = vec![Key::Char('o')];
            k.extend(text(&t));
            k.push(Key::Enter);
            k
        }),
        1 => Just(vec![Key::Char('v'), Key::Enter]),
        1 => Just(vec![Key::Enter, Key::Enter]),
        1 => Just(vec![Key::Char('n'); 4]),
    ]
}

/// Keys of the sheet screen besides typing a true pass: resolving (keep
/// pass 1 or 2, discard pass 2), discarding the sheet, stray digits and
/// moves, saving.
pub(super) fn sheet_keys_misc() -> impl Strategy<Value = Vec<Key>> {
    prop_oneof![
        2 => Just(vec![Key::Char('f')]),
        2 => Just(vec![Key::Char('l')]),
        2 => (prop_oneof![Just('d'), Just('x')], reason_text()).prop_map(|(c, reason)| {
            let mut k = vec![Key::Char(c)];
            k.extend(text(&reason));
            k.push(Key::Enter);
            k
        }),
        3 => prop::collection::vec(
            prop_oneof![
                3 => (0u32..10).prop_map(|d| Key::Char(char::from_digit(d, 10).unwrap())),
                1 => prop::sample::select(vec![
                    Key::Enter, Key::Tab, Key::Right, Key::Left, Key::Up, Key::Down, Key::Backspace,
                ]),
            ],
            1..6,
        )
        .prop_map(|mut k| {
            k.push(Key::Char('s'));
            k
        }),
    ]
}

/// A case: the ballots returned (and issued) at set-up, and the keys.
pub(super) fn case() -> impl Strategy<Value = (u32, Script)> {
    let n = lines();
    prop_oneof![Just(6u32), Just(40u32)].prop_flat_map(move |returned| {
        (
            Just(returned),
            prop::collection::vec(chunk(n, returned), 0..40).prop_map(|chunks| {
                let mut keys: Vec<Key> = chunks.into_iter().flatten().collect();
                keys.truncate(MAX_KEYS);
                Script(keys)
            }),
        )
    })
}
