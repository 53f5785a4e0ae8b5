//! The count of a round (计票): per subject, each grade, abstentions and
//! void marks; per round, ballots entered, invalid and blank; rates and the
//! county flags. A pure function of the round's surviving ballots.

use super::ballot::{BallotContent, Mark};
use super::campaign::{RateBase, Rules};
use super::model::Round;
use super::sheet::TallySheet;

/// One subject's count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubjectTally {
    /// Marks per grade, in scale order (best first).
    pub counts: Vec<u64>,
    /// 弃权: left blank on a counted ballot, or the ballot was blank.
    pub abstain: u64,
    /// Two grades ticked or unreadable for this subject.
    pub void_marks: u64,
    /// What the rates divide by (the campaign's `rate_base`), kept with
    /// the count so that every screen and file computes the same rates.
    pub base: RateBase,
}

impl SubjectTally {
    /// The marks that give a grade: the denominator of the rates.
    pub fn graded(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The denominator of the rates: graded marks, or every valid ballot
    /// (graded + 弃权 + 无效: each valid ballot gives each person one).
    pub fn rate_denominator(&self) -> u64 {
        match self.base {
            RateBase::Graded => self.graded(),
            RateBase::Valid => self.graded() + self.abstain + self.void_marks,
        }
    }

    /// 优秀率 (or 好票率): top grade over the rate base.
    pub fn top_rate(&self) -> Option<f64> {
        self.rate(1)
    }

    /// 称职及以上率 (or 较好及以上率): the two best grades over the rate base.
    pub fn top_two_rate(&self) -> Option<f64> {
        self.rate(2)
    }

    fn rate(&self, best: usize) -> Option<f64> {
        let base = self.rate_denominator();
        (base > 0).then(|| self.counts.iter().take(best).sum::<u64>() as f64 / base as f64)
    }

    /// The two best grades are below the warning share (2/3 by default)
    /// of the rate base: the flag speaks of the rate shown.
    pub fn warn_top_two(&self, rules: &Rules) -> bool {
        let graded = self.rate_denominator();
        graded > 0
            && rules
                .warn_top_two_below
                .below_share(self.counts.iter().take(2).sum(), graded)
    }

    /// The lowest grade is above its share (1/3 by default).
    pub fn flag_lowest(&self, rules: &Rules) -> bool {
        let graded = self.rate_denominator();
        let lowest = self.counts.last().copied().unwrap_or(0);
        graded > 0 && rules.flag_lowest_above.exceeds_share(lowest, graded)
    }
}

/// Where a round's count comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TallySource {
    /// Ballot by ballot (唱票).
    #[default]
    Ballots,
    /// The counter's tally sheet, both passes agreed or resolved.
    Sheet,
    /// A tally sheet whose passes are not yet both keyed and agreed: the
    /// round's results do not count yet, and show as zero.
    SheetPending,
}

/// A round's count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub source: TallySource,
    /// Ballots keyed and not withdrawn.
    pub entered: u64,
    /// 废票: recorded as invalid, or over the top-grade limit.
    pub invalid: u64,
    /// 空白票.
    pub blank: u64,
    pub subjects: Vec<SubjectTally>,
}

impl Tally {
    /// 有效票: entered ballots that are not 废票.
    pub fn valid(&self) -> u64 {
        self.entered.saturating_sub(self.invalid)
    }

    /// Count `round` under `rules` with a scale of `grades` grades.
    pub fn count(round: &Round, rules: &Rules, grades: usize) -> Tally {
        let mut t = Tally {
            subjects: vec![
                SubjectTally {
                    counts: vec![0; grades],
                    base: rules.rate_base,
                    ..SubjectTally::default()
                };
                round.lines.len()
            ],
            ..Tally::default()
        };
        if round.by_sheet() {
            match &round.agreed {
                Some(sheet) => t.add_sheet(sheet, grades),
                None => t.source = TallySource::SheetPending,
            }
            return t;
        }
        for ballot in round.live_ballots() {
            t.add(ballot, rules);
        }
        t
    }

    fn add_sheet(&mut self, sheet: &TallySheet, grades: usize) {
        self.source = TallySource::Sheet;
        self.entered = sheet.ballots();
        self.invalid = u64::from(sheet.invalid);
        self.blank = u64::from(sheet.blank);
        for (s, row) in self.subjects.iter_mut().zip(&sheet.rows) {
            let cell = |i: usize| u64::from(row.get(i).copied().unwrap_or(0));
            s.counts = (0..grades).map(cell).collect();
            s.abstain = cell(grades);
            s.void_marks = cell(grades + 1);
        }
    }

    fn add(&mut self, ballot: &BallotContent, rules: &Rules) {
        self.entered += 1;
        match ballot {
            BallotContent::Invalid => self.invalid += 1,
            BallotContent::Blank => {
                self.blank += 1;
                self.subjects.iter_mut().for_each(|s| s.abstain += 1);
            }
            BallotContent::Marks(_)
                if rules
                    .max_top_grades_per_ballot
                    .is_some_and(|max| ballot.top_grades() > max as usize) =>
            {
                self.invalid += 1
            }
            BallotContent::Marks(marks) => {
                for (s, m) in self.subjects.iter_mut().zip(marks) {
                    match m {
                        Mark::Grade(g) => {
                            if let Some(c) = s.counts.get_mut(usize::from(*g)) {
                                *c += 1;
                            }
                        }
                        Mark::Abstain => s.abstain += 1,
                        Mark::Void => s.void_marks += 1,
                    }
                }
            }
        }
    }
}
