//! The ballot being keyed (唱票): a pure state machine behind the entry
//! grid, so the keystroke rules can be tested without a terminal.
//!
//! The rules, designed for a caller reading a ballot every few seconds:
//! - a grade key on an empty ballot gives everyone that grade, and the
//!   cursor moves to the second row; so `1 Enter` keys the common ballot,
//!   and typing one grade per row in order keys any ballot;
//! - a row letter (a, b, c, ...) jumps to that row; the next grade sets it;
//!   so a ballot that differs in one place is `1 c 2 Enter`; on a ballot
//!   of more than 22 people, `+` goes on to the next row with the same
//!   letter (c, c+, c++: see `labels::row_label`);
//! - `0` is a blank (abstain) for the current row, `-` a void mark; `0` on
//!   an empty ballot gives a blank ballot.

use crate::domain::{BallotContent, Mark};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// One slot per ballot line; `None` not keyed yet.
    pub marks: Vec<Option<Mark>>,
    pub cursor: usize,
    /// The whole ballot is 废票.
    pub invalid: bool,
    /// Correcting this earlier ballot instead of keying a new one.
    pub correcting: Option<u32>,
}

impl Draft {
    pub fn new(lines: usize) -> Draft {
        Draft {
            marks: vec![None; lines],
            cursor: 0,
            invalid: false,
            correcting: None,
        }
    }

    /// A draft holding an earlier ballot, for correction.
    pub fn from_content(content: &BallotContent, lines: usize, number: u32) -> Draft {
        let mut d = Draft::new(lines);
        match content {
            BallotContent::Marks(m) => d.marks = m.iter().copied().map(Some).collect(),
            BallotContent::Blank => d.marks = vec![Some(Mark::Abstain); lines],
            BallotContent::Invalid => d.invalid = true,
        }
        d.correcting = Some(number);
        d
    }

    pub fn is_empty(&self) -> bool {
        !self.invalid && self.marks.iter().all(Option::is_none)
    }

    /// Put `mark` on the current row, or on every row of an empty ballot.
    pub fn mark(&mut self, mark: Mark) {
        if self.marks.is_empty() {
            return;
        }
        self.invalid = false;
        if self.is_empty() {
            self.marks.iter_mut().for_each(|m| *m = Some(mark));
            self.cursor = 1.min(self.marks.len() - 1);
        } else {
            self.marks[self.cursor] = Some(mark);
            self.cursor = (self.cursor + 1).min(self.marks.len() - 1);
        }
    }

    pub fn go_to(&mut self, row: usize) {
        if row < self.marks.len() {
            self.cursor = row;
        }
    }

    /// `+`: the next row with the cursor row's letter (c to c+, c+ to
    /// c++), and from the last one back to the first.
    pub fn next_same_letter(&mut self) {
        let step = ROW_KEYS.len();
        self.cursor = if self.cursor + step < self.marks.len() {
            self.cursor + step
        } else {
            self.cursor % step
        };
    }

    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.cursor = (self.cursor + 1).min(self.marks.len().saturating_sub(1));
    }

    pub fn set_invalid(&mut self) {
        self.invalid = true;
    }

    /// Rows not keyed yet.
    pub fn missing(&self) -> usize {
        if self.invalid {
            0
        } else {
            self.marks.iter().filter(|m| m.is_none()).count()
        }
    }

    /// The content to record, once every row is keyed. A ballot blank on
    /// every row is a blank ballot (空白票).
    pub fn content(&self) -> Option<BallotContent> {
        if self.invalid {
            return Some(BallotContent::Invalid);
        }
        let marks: Option<Vec<Mark>> = self.marks.iter().copied().collect();
        let marks = marks?;
        if !marks.is_empty() && marks.iter().all(|m| *m == Mark::Abstain) {
            return Some(BallotContent::Blank);
        }
        Some(BallotContent::Marks(marks))
    }
}

pub use crate::labels::{ROW_KEYS, row_key, row_label};

#[cfg(test)]
mod tests {
    use super::*;
    use Mark::*;

    #[test]
    fn one_grade_on_an_empty_ballot_fills_every_row() {
        let mut d = Draft::new(5);
        d.mark(Grade(0));
        assert_eq!(d.content(), Some(BallotContent::all(0, 5)));
        assert_eq!(d.cursor, 1);
    }

    #[test]
    fn grades_typed_in_order_key_each_row() {
        let mut d = Draft::new(3);
        for g in [1, 0, 3] {
            d.mark(Grade(g));
        }
        assert_eq!(
            d.content(),
            Some(BallotContent::Marks(vec![Grade(1), Grade(0), Grade(3)]))
        );
    }

    #[test]
    fn a_row_letter_then_a_grade_changes_one_row() {
        let mut d = Draft::new(4);
        d.mark(Grade(0));
        d.go_to(2);
        d.mark(Grade(1));
        assert_eq!(
            d.content(),
            Some(BallotContent::Marks(vec![
                Grade(0),
                Grade(0),
                Grade(1),
                Grade(0)
            ]))
        );
    }

    #[test]
    fn all_abstain_is_a_blank_ballot_and_invalid_wins() {
        let mut d = Draft::new(3);
        d.mark(Abstain);
        assert_eq!(d.content(), Some(BallotContent::Blank));
        d.set_invalid();
        assert_eq!(d.content(), Some(BallotContent::Invalid));
        assert_eq!(Draft::new(2).content(), None);
        assert_eq!(Draft::new(2).missing(), 2);
    }

    #[test]
    fn plus_goes_on_to_the_next_row_with_the_same_letter_and_back() {
        let mut d = Draft::new(50);
        d.go_to(2);
        d.next_same_letter();
        assert_eq!((d.cursor, row_label(d.cursor).as_str()), (24, "c+"));
        d.next_same_letter();
        assert_eq!((d.cursor, row_label(d.cursor).as_str()), (46, "c++"));
        d.next_same_letter();
        assert_eq!(d.cursor, 2, "after the last c, back to c");
        d.go_to(7);
        d.next_same_letter();
        d.next_same_letter();
        assert_eq!(
            (d.cursor, row_label(d.cursor).as_str()),
            (7, "h"),
            "no h++ in 50"
        );
        let mut short = Draft::new(5);
        short.go_to(3);
        short.next_same_letter();
        assert_eq!(short.cursor, 3);
    }

    #[test]
    fn labels_are_single_letters_then_plus_signs() {
        assert_eq!(row_label(0), "a");
        assert_eq!(row_label(17), "s", "r is skipped");
        assert_eq!(row_label(21), "z");
        assert_eq!(row_label(22), "a+");
        assert_eq!(row_label(43), "z+");
        assert_eq!(row_label(44), "a++");
        assert_eq!(row_label(59), "p++", "person 60");
        let all: std::collections::HashSet<String> = (0..66).map(row_label).collect();
        assert_eq!(all.len(), 66, "every label different");
    }

    #[test]
    fn row_keys_avoid_the_command_letters() {
        for c in ['r', 'u', 'w', 'x'] {
            assert!(!ROW_KEYS.contains(&c));
        }
    }
}
