//! The count by hand, to hold the app's `Tally` against: per round entered,
//! invalid and blank ballots; per person each grade, abstentions (a blank
//! ballot abstains for everyone) and void marks.
#![allow(dead_code)]

use ceping::domain::{BallotContent, Mark, Rules, Tally, TallySheet};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recount {
    pub entered: u64,
    pub invalid: u64,
    pub blank: u64,
    pub counts: Vec<Vec<u64>>,
    pub abstain: Vec<u64>,
    pub void_marks: Vec<u64>,
}

impl Recount {
    /// Nothing counted, for `n` people on a scale of `grades`.
    pub fn zero(n: usize, grades: usize) -> Recount {
        Recount {
            counts: vec![vec![0; grades]; n],
            abstain: vec![0; n],
            void_marks: vec![0; n],
            ..Recount::default()
        }
    }

    /// The count of the ballots that count (withdrawn ones left out by the
    /// caller): each adds 1 entered; a void ballot (废票) 1 invalid, and so
    /// does one with more top grades than the rules allow; a blank ballot 1
    /// blank and an abstention for everyone; otherwise each person's mark.
    pub fn of_ballots<'a>(
        ballots: impl IntoIterator<Item = &'a BallotContent>,
        n: usize,
        grades: usize,
        rules: &Rules,
    ) -> Recount {
        let mut r = Recount::zero(n, grades);
        for content in ballots {
            r.entered += 1;
            match content {
                BallotContent::Invalid => r.invalid += 1,
                BallotContent::Blank => {
                    r.blank += 1;
                    r.abstain.iter_mut().for_each(|a| *a += 1);
                }
                BallotContent::Marks(marks) => {
                    let tops = marks.iter().filter(|m| **m == Mark::Grade(0)).count();
                    if rules
                        .max_top_grades_per_ballot
                        .is_some_and(|max| tops > max as usize)
                    {
                        r.invalid += 1;
                        continue;
                    }
                    for (i, m) in marks.iter().enumerate() {
                        match m {
                            Mark::Grade(g) => r.counts[i][usize::from(*g)] += 1,
                            Mark::Abstain => r.abstain[i] += 1,
                            Mark::Void => r.void_marks[i] += 1,
                        }
                    }
                }
            }
        }
        r
    }

    /// What a tally sheet on a scale of `grades` says: per row the grades,
    /// then 弃权, then 无效; the ballots are a row's marks plus the invalid
    /// ones.
    pub fn of_sheet(sheet: &TallySheet, grades: usize) -> Recount {
        let n = sheet.rows.len();
        let mut r = Recount::zero(n, grades);
        for (i, row) in sheet.rows.iter().enumerate() {
            r.counts[i] = row[..grades].iter().map(|&v| u64::from(v)).collect();
            r.abstain[i] = u64::from(row[grades]);
            r.void_marks[i] = u64::from(row[grades + 1]);
        }
        let first: u64 = sheet
            .rows
            .first()
            .map_or(0, |row| row.iter().map(|&v| u64::from(v)).sum());
        r.entered = first + u64::from(sheet.invalid);
        r.invalid = u64::from(sheet.invalid);
        r.blank = u64::from(sheet.blank);
        r
    }

    /// What the app counted.
    pub fn of(t: &Tally) -> Recount {
        Recount {
            entered: t.entered,
            invalid: t.invalid,
            blank: t.blank,
            counts: t.subjects.iter().map(|s| s.counts.clone()).collect(),
            abstain: t.subjects.iter().map(|s| s.abstain).collect(),
            void_marks: t.subjects.iter().map(|s| s.void_marks).collect(),
        }
    }
}
