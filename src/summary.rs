//! The plain-text summary `ceping demo` and `ceping open` print: the
//! campaign, each unit's roster and each round's running count, its
//! counting warnings (acknowledged or not) and, for a reopened round, its
//! earlier closes.

use std::fmt::Write;

use crate::catalog::{CliText, Msg};
use crate::domain::{MeetingDef, Model, Round, Tally, Unit};
use crate::export::xlsx::labels;
use crate::i18n::{Lang, lang};
use crate::text::{pad_left, pad_right, width};

/// The widest of `names`, in display cells.
fn widest<'a>(names: impl Iterator<Item = &'a str>) -> usize {
    names.map(width).max().unwrap_or(0)
}

pub fn summary(model: &Model) -> String {
    let c = &model.campaign;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        CliText::SummaryTitle.fill_in(lang(), &[&c.title, &c.year])
    );
    let _ = writeln!(
        out,
        "{}",
        CliText::SummaryHead.fill_in(lang(), &[&c.units.len(), &c.subject_count(), &model.events])
    );
    for unit in &c.units {
        let _ = writeln!(out);
        write_unit(&mut out, unit);
        for &kind in &unit.meetings {
            let Some(def) = c.meeting(kind) else { continue };
            for round in model.rounds_of(&unit.name, kind) {
                write_round(&mut out, model, round, def);
            }
        }
    }
    out
}

/// A unit's line (kind, lead, liaison) and its roster.
fn write_unit(out: &mut String, unit: &Unit) {
    let kind = match lang() {
        Lang::Zh => unit.kind.label_zh().to_string(),
        Lang::En => format!("{:?}", unit.kind).to_lowercase(),
    };
    let (lead, liaison) = (&unit.work_group.lead, &unit.work_group.liaison);
    let _ = writeln!(
        out,
        "{} [{}]  {}",
        unit.name,
        kind,
        CliText::SummaryWorkGroup.fill_in(lang(), &[&lead, &liaison])
    );
    let name_w = widest(unit.subjects.iter().map(|s| s.name.as_str()));
    for s in &unit.subjects {
        let _ = writeln!(
            out,
            "  {}  {}",
            pad_right(&s.name, name_w),
            crate::labels::post(s.title.as_deref(), s.role)
        );
    }
}

/// A round's running count, a line per person, its warnings and its
/// earlier closes.
fn write_round(out: &mut String, model: &Model, round: &Round, def: &MeetingDef) {
    let tally = Tally::count(round, &model.campaign.rules, def.scale.len());
    let kind = round.key.meeting;
    let meeting = match lang() {
        Lang::Zh => kind.label_zh().to_string(),
        Lang::En => kind.key().to_string(),
    };
    let (entered, invalid, blank) = (tally.entered, tally.invalid, tally.blank);
    let _ = writeln!(
        out,
        "  {} #{}: {}",
        meeting,
        round.key.round,
        CliText::SummaryEntered.fill_in(lang(), &[&entered, &invalid, &blank])
    );
    let line_w = widest(round.lines.iter().map(|l| l.name.as_str()));
    for (line, t) in round.lines.iter().zip(&tally.subjects) {
        let counts: Vec<String> = def
            .scale
            .grades
            .iter()
            .zip(&t.counts)
            .map(|(g, n)| format!("{g} {}", pad_left(&n.to_string(), 3)))
            .collect();
        let _ = writeln!(
            out,
            "    {}  {}  {} {}",
            pad_right(&line.name, line_w),
            counts.join("  "),
            CliText::SummaryAbstain.text_in(lang()),
            t.abstain
        );
    }
    let warnings = labels::warnings(model, round);
    if !warnings.is_empty() {
        let title = Msg::ExportWarnings.fill(&[&""]);
        let _ = writeln!(out, "    {}", title.trim_end());
        for (w, acked) in &warnings {
            let _ = writeln!(out, "      {}", labels::warning_line(w, *acked));
        }
    }
    for line in crate::labels::history_lines(round) {
        let _ = writeln!(out, "    {line}");
    }
}
