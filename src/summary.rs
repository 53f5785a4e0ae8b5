//! The plain-text summary `ceping demo` and `ceping open` print: the
//! campaign, each unit's roster and each round's running count, its
//! counting warnings (acknowledged or not) and, for a reopened round, its
//! earlier closes.

use std::fmt::Write;

use crate::catalog::Msg;
use crate::domain::{Model, Tally};
use crate::export::xlsx::labels;
use crate::i18n::{Lang, lang, tr};
use crate::text::{pad_left, pad_right, width};

fn role_label(role: crate::domain::Role) -> String {
    match lang() {
        Lang::Zh => role.label_zh().to_string(),
        Lang::En => format!("{role:?}"),
    }
}

pub fn summary(model: &Model) -> String {
    let c = &model.campaign;
    let mut out = String::new();
    let _ = writeln!(out, "{}（{}）", c.title, c.year);
    let _ = writeln!(
        out,
        "{}",
        tr(
            format!(
                "{} 个单位，{} 名测评对象，{} 条记录",
                c.units.len(),
                c.subject_count(),
                model.events
            ),
            format!(
                "{} units, {} people under review, {} events",
                c.units.len(),
                c.subject_count(),
                model.events
            )
        )
    );
    for unit in &c.units {
        let _ = writeln!(out);
        let kind = match lang() {
            Lang::Zh => unit.kind.label_zh().to_string(),
            Lang::En => format!("{:?}", unit.kind).to_lowercase(),
        };
        let _ = writeln!(
            out,
            "{} [{}]  {}",
            unit.name,
            kind,
            tr(
                format!(
                    "第一责任人 {}，联络员 {}",
                    unit.work_group.lead, unit.work_group.liaison
                ),
                format!(
                    "lead {}, liaison {}",
                    unit.work_group.lead, unit.work_group.liaison
                )
            )
        );
        let name_w = unit
            .subjects
            .iter()
            .map(|s| width(&s.name))
            .max()
            .unwrap_or(0);
        for s in &unit.subjects {
            let _ = writeln!(
                out,
                "  {}  {}",
                pad_right(&s.name, name_w),
                role_label(s.role)
            );
        }
        for &kind in &unit.meetings {
            let Some(def) = c.meeting(kind) else { continue };
            for round in model.rounds_of(&unit.name, kind) {
                let tally = Tally::count(round, &c.rules, def.scale.len());
                let meeting = match lang() {
                    Lang::Zh => kind.label_zh().to_string(),
                    Lang::En => kind.key().to_string(),
                };
                let _ = writeln!(
                    out,
                    "  {} #{}: {}",
                    meeting,
                    round.key.round,
                    tr(
                        format!(
                            "已录入 {} 张，废票 {}，空白 {}",
                            tally.entered, tally.invalid, tally.blank
                        ),
                        format!(
                            "{} ballots entered, {} invalid, {} blank",
                            tally.entered, tally.invalid, tally.blank
                        )
                    )
                );
                let line_w = round
                    .lines
                    .iter()
                    .map(|l| width(&l.name))
                    .max()
                    .unwrap_or(0);
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
                        tr("弃权", "abstain"),
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
        }
    }
    out
}
