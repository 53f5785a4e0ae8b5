//! 评定等次, the grading board: one group at a time (units, secretaries,
//! cadres, work teams), each target's democratic results side by side in
//! the proposed order, the final grade, and the quota as a live counter;
//! the notice's deadlines with what is still missing below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Table, TableState};

use super::widgets::Column;
use crate::app::{App, GradingView};
use crate::catalog::{Msg, t};
use crate::domain::board::{BoardRow, Decision, deadlines, unclosed_meetings};
use crate::domain::grading::{Group, RectificationStatus};
use crate::domain::{MeetingKind, Model};
use crate::labels::{level_label, percent};

/// The question before a decision that rests on a meeting not closed (or
/// never held): what is missing, and that the result will be marked
/// provisional (暂定). Open rounds first, then the meetings never held.
pub(super) fn provisional_question(model: &Model, decision: &Decision) -> String {
    let meeting = |m: MeetingKind| {
        t(match m {
            MeetingKind::AnnualReview => Msg::GuardAnnualReview,
            MeetingKind::PartyBuildingReview => Msg::GuardPartyBuildingReview,
        })
    };
    let unclosed = unclosed_meetings(model, decision);
    let mut clauses: Vec<String> = unclosed
        .iter()
        .filter_map(|u| {
            let (n, _) = u.round.as_ref()?;
            Some(Msg::GuardNotClosed.fill(&[&u.unit, &meeting(u.meeting), n]))
        })
        .collect();
    let never: Vec<&str> = unclosed
        .iter()
        .filter(|u| u.round.is_none())
        .map(|u| meeting(u.meeting))
        .collect();
    if !never.is_empty() {
        clauses.push(Msg::GuardNotHeld.fill(&[&decision.unit(), &never.join(t(Msg::And))]));
    }
    let what = clauses.join(t(Msg::PartSep));
    match decision {
        Decision::Grade(_) => Msg::PromptProvisionalGrade.fill(&[&what]),
        Decision::Combined { .. } => Msg::PromptProvisionalCombined.fill(&[&what]),
    }
}

fn group_name(g: Group) -> &'static str {
    t(match g {
        Group::Units => Msg::GroupUnits,
        Group::Secretaries => Msg::GroupSecretaries,
        Group::Cadres => Msg::GroupCadres,
        Group::WorkTeams => Msg::GroupWorkTeams,
    })
}

pub fn draw(frame: &mut Frame, app: &App, view: &GradingView, area: Rect) {
    let group = app.grading_group;
    let [tabs, quota, table_area, detail, dl] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if group == Group::Secretaries { 4 } else { 0 }),
        Constraint::Length(5),
    ])
    .areas(area);
    draw_tabs(frame, group, tabs);
    draw_quota(frame, app.model(), group, quota);
    let rows = app.board_rows();
    draw_table(frame, app, &rows, view.selected, table_area);
    if group == Group::Secretaries
        && let Some(row) = rows.get(view.selected)
    {
        draw_secretary(frame, app.model(), row, detail);
    }
    draw_deadlines(frame, app.model(), dl);
}

/// The groups, the one shown highlighted.
fn draw_tabs(frame: &mut Frame, group: Group, area: Rect) {
    let mut spans = vec![Span::raw(format!("{}: ", t(Msg::Grading))).bold()];
    for g in Group::ALL {
        let style = if g == group {
            Style::new().reversed().bold()
        } else {
            Style::new().dim()
        };
        spans.push(Span::styled(format!(" {} ", group_name(g)), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The quota as a live counter: green below it, red at it, yellow over
/// it (a soft quota, justified).
fn draw_quota(frame: &mut Frame, model: &Model, group: Group, area: Rect) {
    let usage = model.grading.quota_use(&model.campaign, group);
    let mut text = crate::labels::quota_text(model, group, crate::i18n::lang());
    if usage.soft {
        text = format!("{text}  [{}]", t(Msg::QuotaSoft));
    }
    let style = if usage.used > usage.allowed {
        Style::new().yellow().bold()
    } else if usage.used == usage.allowed {
        Style::new().red().bold()
    } else {
        Style::new().green().bold()
    };
    frame.render_widget(Line::from(Span::styled(text, style)), area);
}

fn col(header: impl Into<String>, priority: u8, cells: Vec<(String, Style)>) -> Column {
    Column {
        header: header.into(),
        priority,
        cells,
    }
}

fn plain(texts: impl Iterator<Item = String>) -> Vec<(String, Style)> {
    texts.map(|t| (t, Style::new())).collect()
}

/// The board: the columns that fit, least important dropped first.
fn draw_table(frame: &mut Frame, app: &App, rows: &[BoardRow], selected: usize, area: Rect) {
    let group = app.grading_group;
    let mut cols = target_columns(group, rows);
    cols.extend(result_columns(app.model(), rows));
    if group == Group::Secretaries {
        cols.extend(secretary_columns(app.model(), rows));
        cols.push(score_column(app, rows));
    }
    cols.push(final_grade_column(group, rows));
    let mut block = Block::bordered().title(group_name(group));
    let note = t(Msg::UnitsSumNote);
    if group == Group::Units && crate::text::width(note) + 2 <= usize::from(area.width) {
        // A unit's counts are its people's, added up: said where they show
        // (whole or not at all: a cut sentence says something else).
        block = block.title_bottom(Line::from(note).dim());
    }
    let (header, rows, widths) = super::widgets::fit_columns(cols, block.inner(area).width);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header.bold())
            .column_spacing(1)
            .row_highlight_style(Style::new().reversed())
            .block(block),
        area,
        &mut state,
    );
}

/// Rank, unit and name.
fn target_columns(group: Group, rows: &[BoardRow]) -> Vec<Column> {
    vec![
        col(
            t(Msg::Rank),
            1,
            plain((1..=rows.len()).map(|i| i.to_string())),
        ),
        col(
            t(Msg::Unit),
            1,
            plain(rows.iter().map(|r| r.target.unit().to_string())),
        ),
        col(
            t(Msg::Name),
            // A unit's name is already in the unit column.
            if group == Group::Units {
                super::widgets::HIDDEN
            } else {
                0
            },
            plain(rows.iter().map(|r| r.name.clone())),
        ),
    ]
}

/// The democratic results: the count per grade, the top and top-two
/// rates, and the flag.
fn result_columns(model: &Model, rows: &[BoardRow]) -> Vec<Column> {
    // The democratic results are the annual review's, on its scale.
    let scale = model
        .campaign
        .meeting(MeetingKind::AnnualReview)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default();
    let label = |i: usize| scale.get(i).cloned().unwrap_or_default();
    let mut cols: Vec<Column> = (0..scale.len().min(4))
        .map(|g| {
            let counts = rows.iter().map(|r| {
                r.result
                    .as_ref()
                    .and_then(|t| t.counts.get(g))
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into())
            });
            col(label(g), 5, plain(counts))
        })
        .collect();
    let [top_rate, top_two_rate] = crate::catalog::rate_names(&scale, crate::i18n::lang());
    cols.push(col(
        top_rate,
        2,
        plain(rows.iter().map(|r| percent(r.top_rate))),
    ));
    cols.push(col(
        top_two_rate,
        3,
        plain(rows.iter().map(|r| percent(r.top_two_rate))),
    ));
    let flags = rows
        .iter()
        .map(|r| {
            // Styled only when flagged: an empty cell styled yellow shows
            // as a yellow block inside the reversed highlight.
            if r.flagged {
                ("!".to_string(), Style::new().yellow().bold())
            } else {
                (String::new(), Style::new())
            }
        })
        .collect();
    cols.push(col(t(Msg::Flag), 2, flags));
    cols
}

/// Secretaries: the party-building review, the investigation, the
/// suggested and the decided combined evaluation.
fn secretary_columns(model: &Model, rows: &[BoardRow]) -> Vec<Column> {
    let review = rows.iter().map(|r| {
        r.review
            .as_ref()
            .map(|t| {
                t.counts
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_else(|| "-".into())
    });
    let inquiry = rows.iter().map(|r| {
        let c = model
            .grading
            .combined
            .get(&(r.target.unit().to_string(), r.name.clone()));
        level_label(c.and_then(|c| c.investigation))
            .unwrap_or("-")
            .to_string()
    });
    let suggested = rows
        .iter()
        .map(|r| {
            (
                level_label(r.suggested).unwrap_or("-").to_string(),
                Style::new().dim(),
            )
        })
        .collect();
    let combined = rows.iter().map(combined_cell).collect();
    vec![
        col(t(Msg::ReviewCol), 3, plain(review)),
        col(t(Msg::InvestigationCol), 4, plain(inquiry)),
        col(t(Msg::SuggestedCol), 4, suggested),
        col(t(Msg::CombinedCol), 1, combined),
    ]
}

/// The decided combined evaluation; a talk (约谈) in red.
fn combined_cell(r: &BoardRow) -> (String, Style) {
    let level = level_label(r.combined).unwrap_or("-");
    // Provisional last, so that it qualifies the talk too.
    let mark = if r.combined_provisional {
        t(Msg::ProvisionalMark)
    } else {
        ""
    };
    if r.talk {
        (
            format!("{level} {}{mark}", t(Msg::Talk)),
            Style::new().red(),
        )
    } else {
        (format!("{level}{mark}"), Style::new())
    }
}

/// The final grade, marked when justified or provisional.
fn final_grade_column(group: Group, rows: &[BoardRow]) -> Column {
    let grades = rows
        .iter()
        .map(|r| {
            let text = r
                .grade
                .as_ref()
                .map(|g| {
                    let label = group
                        .grades()
                        .get(usize::from(g.grade))
                        .copied()
                        .unwrap_or("?");
                    let mut text = label.to_string();
                    if g.justification.is_some() {
                        text.push_str(t(Msg::Justified));
                    }
                    if r.provisional {
                        text.push_str(t(Msg::ProvisionalMark));
                    }
                    text
                })
                .unwrap_or_default();
            let style = if r.provisional {
                Style::new().yellow().bold()
            } else {
                Style::new().bold()
            };
            (text, style)
        })
        .collect();
    col(t(Msg::FinalGradeCol), 0, grades)
}

/// 综合评分: the office's score, or the suggested one marked 建议 (dim);
/// marked 暂定 instead while the review it rests on is still open.
fn score_column(app: &App, rows: &[BoardRow]) -> Column {
    let cells = rows
        .iter()
        .map(|r| {
            let (unit, name) = (r.target.unit(), r.name.as_str());
            match app.combined_of(unit, name).and_then(|c| c.score) {
                Some(n) => (n.to_string(), Style::new()),
                None => match r.suggested_score {
                    // From a review still being counted: it may change.
                    Some(n) if r.review_open => {
                        (Msg::ScoreSuggestedOpen.fill(&[&n]), Style::new().dim())
                    }
                    Some(n) => (Msg::ScoreSuggested.fill(&[&n]), Style::new().dim()),
                    None => ("-".to_string(), Style::new().dim()),
                },
            }
        })
        .collect();
    col(t(Msg::ScoreCol), 2, cells)
}

/// The selected secretary's 附件6 text and 附件7 entry: the written
/// evaluation (综合评价材料) cut to one line, and the rectification list
/// (整改清单).
fn draw_secretary(frame: &mut Frame, model: &Model, row: &BoardRow, area: Rect) {
    let key = (row.target.unit().to_string(), row.name.clone());
    let cells = usize::from(area.width.saturating_sub(2));
    let material = model
        .grading
        .combined
        .get(&key)
        .map(|c| c.material.as_str())
        .filter(|m| !m.is_empty());
    let material = match material {
        Some(m) => Line::from(one_line(
            &format!("{}{}{m}", t(Msg::MaterialTitle), t(Msg::Colon)),
            cells,
        )),
        None => Line::from(t(Msg::NoMaterial)).dim(),
    };
    let rectification = match model.grading.rectifications.get(&key) {
        Some(e) => {
            let status = t(match e.status {
                RectificationStatus::Open => Msg::RectStatusOpen,
                RectificationStatus::InProgress => Msg::RectStatusInProgress,
                RectificationStatus::Done => Msg::RectStatusDone,
            });
            // Each field with its label; an empty one is left out.
            let fields = [
                (Msg::RectProblems, &e.problems),
                (Msg::RectMeasures, &e.measures),
                (Msg::RectDeadline, &e.deadline),
                (Msg::RectResponsible, &e.responsible),
            ];
            let mut parts: Vec<String> = fields
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(label, v)| Msg::RectEntry.fill(&[&t(*label), v]))
                .collect();
            parts.push(status.to_string());
            format!(
                "{}{}{}",
                t(Msg::Rectification),
                t(Msg::Colon),
                parts.join(t(Msg::FieldSep))
            )
        }
        None => t(Msg::NoRectification).to_string(),
    };
    frame.render_widget(
        Paragraph::new(vec![material, Line::from(one_line(&rectification, cells))])
            .block(Block::bordered().title(format!("{} {}", row.target.unit(), row.name))),
        area,
    );
}

/// `s` on one line of `cells`: cut, with "..." (ASCII) when it is longer.
fn one_line(s: &str, cells: usize) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if crate::text::width(&s) <= cells {
        return s;
    }
    format!("{}...", crate::text::truncate(&s, cells.saturating_sub(3)))
}

/// The notice's deadlines, each done or with what is still missing.
fn draw_deadlines(frame: &mut Frame, model: &Model, area: Rect) {
    let whats = [
        Msg::DeadlinePartyBuilding,
        Msg::DeadlineVillage,
        Msg::DeadlineCombined,
    ];
    let lines: Vec<Line> = deadlines(model)
        .into_iter()
        .map(|d| {
            let (state, style) = if d.missing.is_empty() {
                (t(Msg::DeadlineDone).to_string(), Style::new().green())
            } else {
                (
                    Msg::DeadlineMissing.fill(&[&d.missing.join(t(Msg::ListSep))]),
                    Style::new().yellow(),
                )
            };
            Line::from(vec![
                Span::raw(format!(
                    "{}  {}  ",
                    d.date.format("%Y-%m-%d"),
                    t(whats[usize::from(d.which)])
                )),
                Span::styled(state, style),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(t(Msg::DeadlinesTitle))),
        area,
    );
}
