//! 附件6 on the grading board: a secretary's 综合评分 (0-100, or the
//! suggested score) and 综合评价材料 (the office's written evaluation).
//! Each answer is one event; a refusal is the domain's sentence (or, for
//! what is not a number, ours), and the question stays open.

use super::{App, PromptKind};
use crate::catalog::Msg;
use crate::domain::Event;
use crate::domain::grading::Combined;

impl App {
    /// What the office recorded on 附件6 for (unit, secretary).
    pub fn combined_of(&self, unit: &str, secretary: &str) -> Option<&Combined> {
        self.model()
            .grading
            .combined
            .get(&(unit.to_string(), secretary.to_string()))
    }

    /// The suggested 综合评分 of (unit, secretary), as the board has it.
    pub fn suggested_score(&self, unit: &str, secretary: &str) -> Option<u32> {
        self.board_rows()
            .iter()
            .find(|r| r.target.unit() == unit && r.name == secretary)?
            .suggested_score
    }

    /// A whole number sets the score; an empty answer goes back to the
    /// suggestion (recorded only if a score was set).
    pub(super) fn answer_score(&mut self, unit: String, secretary: String, input: &str) -> bool {
        let score = if input.is_empty() {
            None
        } else if let Ok(n) = input.parse::<u32>() {
            Some(n)
        } else {
            self.refuse(Msg::BadScore, &[]);
            return false;
        };
        let had = self.combined_of(&unit, &secretary).and_then(|c| c.score);
        if score.is_none() && had.is_none() {
            return true;
        }
        let said = match score {
            Some(n) => Msg::ScoreSaved.fill(&[&secretary, &n]),
            None => Msg::ScoreCleared.fill(&[&secretary]),
        };
        self.record(
            Event::CombinedScoreSet {
                unit,
                secretary,
                score,
            },
            Some(said),
        )
    }

    /// `m`: ask for the written evaluation, the one recorded pre-filled
    /// with the cursor at its end: a change is an edit, not a retyping.
    pub(super) fn ask_material(&mut self, unit: String, secretary: String) {
        let text = self
            .combined_of(&unit, &secretary)
            .map(|c| c.material.clone())
            .unwrap_or_default();
        self.ask(PromptKind::Material(unit, secretary));
        if let Some(p) = self.prompt_mut() {
            p.input_mut().set_text(&text);
        }
    }

    /// The text replaces the one recorded; the same text records nothing.
    pub(super) fn answer_material(&mut self, unit: String, secretary: String, input: &str) -> bool {
        let text = crate::domain::names::normalize_text(input);
        let had = self
            .combined_of(&unit, &secretary)
            .map(|c| c.material.as_str())
            .unwrap_or("");
        if text == had {
            return true;
        }
        self.record(
            Event::CombinedMaterialSet {
                unit,
                secretary,
                text,
            },
            None,
        )
    }
}
