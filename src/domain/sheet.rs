//! The counter's tally sheet (计票单), keyed twice from paper (double
//! entry): the two passes are compared cell by cell and the round counts
//! only once they agree or every difference has been resolved.

use serde::{Deserialize, Serialize};

/// One keyed tally sheet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TallySheet {
    /// Per subject, in ballot order: the count of each grade (best first),
    /// then abstentions (blank ballots included), then void marks.
    pub rows: Vec<Vec<u32>>,
    /// 废票.
    pub invalid: u32,
    /// 空白票.
    pub blank: u32,
}

/// A cell of the sheet, for highlighting differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetCell {
    /// Row `0`, column `1` (grades, then abstain, then void).
    Count(usize, usize),
    Invalid,
    Blank,
}

impl TallySheet {
    /// An all-zero sheet for `subjects` people on a scale of `grades`.
    pub fn empty(subjects: usize, grades: usize) -> TallySheet {
        TallySheet {
            rows: vec![vec![0; grades + 2]; subjects],
            invalid: 0,
            blank: 0,
        }
    }

    pub fn get(&self, cell: SheetCell) -> u32 {
        match cell {
            SheetCell::Count(r, c) => self
                .rows
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .unwrap_or(0),
            SheetCell::Invalid => self.invalid,
            SheetCell::Blank => self.blank,
        }
    }

    pub fn set(&mut self, cell: SheetCell, value: u32) {
        match cell {
            SheetCell::Count(r, c) => {
                if let Some(v) = self.rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                    *v = value;
                }
            }
            SheetCell::Invalid => self.invalid = value,
            SheetCell::Blank => self.blank = value,
        }
    }

    /// Every cell, header first, in reading order.
    pub fn cells(&self) -> Vec<SheetCell> {
        let mut cells = vec![SheetCell::Invalid, SheetCell::Blank];
        for (r, row) in self.rows.iter().enumerate() {
            cells.extend((0..row.len()).map(|c| SheetCell::Count(r, c)));
        }
        cells
    }

    /// The cells where two passes disagree.
    pub fn differences(&self, other: &TallySheet) -> Vec<SheetCell> {
        self.cells()
            .into_iter()
            .filter(|&c| self.get(c) != other.get(c))
            .collect()
    }

    /// Ballots counted: a row's marks plus the invalid ballots. Only
    /// meaningful for a sheet without `problems`, where every row adds up
    /// to the valid ballots.
    pub fn ballots(&self) -> u64 {
        self.rows.first().map_or(0, |r| row_total(r)) + u64::from(self.invalid)
    }

    /// What is wrong with this sheet for a round that returned `returned`
    /// ballots, in reading order (header first, then row by row). A sheet
    /// with any problem cannot be saved: its count cannot be true.
    pub fn problems(&self, returned: u32) -> Vec<SheetProblem> {
        let mut out = Vec::new();
        for cell in self.cells() {
            let value = self.get(cell);
            if value > returned {
                out.push(SheetProblem::OverReturned {
                    cell,
                    value,
                    returned,
                });
            }
        }
        // 有效 = 收回 - 废票: a negative one is the 废票 cell's problem,
        // already reported above.
        let Some(valid) = returned.checked_sub(self.invalid) else {
            return out;
        };
        for (row, cells) in self.rows.iter().enumerate() {
            let total = row_total(cells);
            if total != u64::from(valid) {
                out.push(SheetProblem::RowTotal { row, total, valid });
            }
            // Abstentions are the second-to-last column.
            let abstain = cells.len().checked_sub(2).map_or(0, |i| cells[i]);
            if abstain < self.blank {
                out.push(SheetProblem::AbstainBelowBlank {
                    row,
                    abstain,
                    blank: self.blank,
                });
            }
        }
        out
    }

    /// Same shape as a round with `subjects` people on `grades` grades.
    pub fn fits(&self, subjects: usize, grades: usize) -> bool {
        self.rows.len() == subjects && self.rows.iter().all(|r| r.len() == grades + 2)
    }
}

/// A row's marks, abstentions and void marks together (never overflows:
/// u32 cells summed in u64).
pub fn row_total(row: &[u32]) -> u64 {
    row.iter().map(|&v| u64::from(v)).sum()
}

/// A tally sheet's column: a grade of the scale, then 弃权, then 无效.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetColumn {
    Grade(String),
    Abstain,
    Void,
}

/// Why a keyed tally sheet cannot be true. Each names the cell or row
/// (the sentences are in `catalog::domain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// A count above the ballots returned (收回).
    OverReturned {
        cell: SheetCell,
        value: u32,
        returned: u32,
    },
    /// A person's grades + 弃权 + 无效 differ from the valid ballots
    /// (收回 - 废票): every valid ballot has exactly one mark per person.
    RowTotal { row: usize, total: u64, valid: u32 },
    /// A person's 弃权 below the blank ballots: a blank ballot is an
    /// abstention for everyone on it.
    AbstainBelowBlank {
        row: usize,
        abstain: u32,
        blank: u32,
    },
}

impl SheetProblem {
    /// The row (person) the problem is on, if any.
    pub fn row(&self) -> Option<usize> {
        match self {
            SheetProblem::OverReturned {
                cell: SheetCell::Count(r, _),
                ..
            }
            | SheetProblem::RowTotal { row: r, .. }
            | SheetProblem::AbstainBelowBlank { row: r, .. } => Some(*r),
            SheetProblem::OverReturned { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_cell_by_cell() {
        let mut a = TallySheet::empty(2, 4);
        let mut b = a.clone();
        assert!(a.differences(&b).is_empty());
        a.set(SheetCell::Count(1, 2), 5);
        b.set(SheetCell::Invalid, 1);
        assert_eq!(
            a.differences(&b),
            vec![SheetCell::Invalid, SheetCell::Count(1, 2)]
        );
    }

    #[test]
    fn ballots_and_row_totals() {
        let mut s = TallySheet::empty(2, 2);
        s.rows = vec![vec![3, 1, 1, 0], vec![2, 2, 0, 1]];
        s.invalid = 2;
        assert_eq!(s.ballots(), 7);
        assert!(s.problems(7).is_empty());
        s.rows[1][0] = 9;
        assert_eq!(
            s.problems(7),
            vec![
                SheetProblem::OverReturned {
                    cell: SheetCell::Count(1, 0),
                    value: 9,
                    returned: 7
                },
                SheetProblem::RowTotal {
                    row: 1,
                    total: 12,
                    valid: 5
                }
            ]
        );
    }

    #[test]
    fn blank_ballots_are_abstentions_for_everyone() {
        let mut s = TallySheet::empty(2, 2);
        s.rows = vec![vec![3, 0, 2, 0], vec![3, 1, 1, 0]];
        s.blank = 2;
        assert_eq!(
            s.problems(5),
            vec![SheetProblem::AbstainBelowBlank {
                row: 1,
                abstain: 1,
                blank: 2
            }]
        );
    }

    #[test]
    fn invalid_above_returned_is_one_problem_not_a_cascade() {
        let mut s = TallySheet::empty(1, 2);
        s.invalid = 4;
        assert_eq!(
            s.problems(3),
            vec![SheetProblem::OverReturned {
                cell: SheetCell::Invalid,
                value: 4,
                returned: 3
            }]
        );
        // Empty sheet, nothing returned: true (a round with no ballots).
        assert!(TallySheet::empty(2, 4).problems(0).is_empty());
    }
}
