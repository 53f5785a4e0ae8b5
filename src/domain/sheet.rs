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

    /// Ballots counted: a row's marks plus the invalid ballots (every row
    /// should give the same number; `row_totals_agree` checks it).
    pub fn ballots(&self) -> u32 {
        self.rows.first().map(|r| r.iter().sum()).unwrap_or(0) + self.invalid
    }

    pub fn row_totals_agree(&self) -> bool {
        self.rows
            .windows(2)
            .all(|w| w[0].iter().sum::<u32>() == w[1].iter().sum::<u32>())
    }

    /// Same shape as a round with `subjects` people on `grades` grades.
    pub fn fits(&self, subjects: usize, grades: usize) -> bool {
        self.rows.len() == subjects && self.rows.iter().all(|r| r.len() == grades + 2)
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
        assert!(s.row_totals_agree());
        s.rows[1][0] = 9;
        assert!(!s.row_totals_agree());
    }
}
