//! 评定等次, the grading board: one group at a time (units, secretaries,
//! cadres, work teams), each target's democratic results side by side in
//! the proposed order, the final grade, and the quota as a live counter;
//! the notice's deadlines with what is still missing below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Table, TableState, Wrap};

use crate::app::App;
use crate::catalog::{Msg, t};
use crate::domain::board::{Decision, deadlines, unclosed_meetings};
use crate::domain::grading::{Group, RectificationStatus};
use crate::domain::{MeetingKind, Model};
use crate::i18n::tr;
use crate::labels::level_label;

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
        clauses.push(Msg::GuardNotHeld.fill(&[&decision.unit(), &never.join(&tr("和", " and "))]));
    }
    let what = clauses.join(&tr("；", "; "));
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

fn percent(r: Option<f64>) -> String {
    r.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "-".into())
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let model = app.model();
    let group = app.grading_group;
    let usage = model.grading.quota_use(&model.campaign, group);
    let [tabs, quota, table_area, detail, dl] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if group == Group::Secretaries { 3 } else { 0 }),
        Constraint::Length(5),
    ])
    .areas(area);

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
    frame.render_widget(Line::from(spans), tabs);

    let top = group.grades()[0];
    let mut quota_text = Msg::QuotaLine.fill(&[
        &top,
        &usage.used,
        &usage.allowed,
        &usage.size,
        &group.quota(&model.campaign).percent,
    ]);
    if usage.soft {
        quota_text = format!("{quota_text}  [{}]", t(Msg::QuotaSoft));
    }
    let quota_style = if usage.used > usage.allowed {
        Style::new().yellow().bold()
    } else if usage.used == usage.allowed {
        Style::new().red().bold()
    } else {
        Style::new().green().bold()
    };
    frame.render_widget(Line::from(Span::styled(quota_text, quota_style)), quota);

    let rows_data = app.board_rows();
    let secretaries = group == Group::Secretaries;
    // The democratic results are the annual review's, on its scale.
    let scale = model
        .campaign
        .meeting(crate::domain::MeetingKind::AnnualReview)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default();
    let label = |i: usize| scale.get(i).cloned().unwrap_or_default();
    let plain = |texts: Vec<String>| {
        texts
            .into_iter()
            .map(|t| (t, Style::new()))
            .collect::<Vec<_>>()
    };
    let col = |header: String, priority: u8, cells: Vec<(String, Style)>| super::widgets::Column {
        header,
        priority,
        cells,
    };
    let mut cols = vec![
        col(
            t(Msg::Rank).into(),
            1,
            plain((1..=rows_data.len()).map(|i| i.to_string()).collect()),
        ),
        col(
            t(Msg::Unit).into(),
            1,
            plain(
                rows_data
                    .iter()
                    .map(|r| r.target.unit().to_string())
                    .collect(),
            ),
        ),
        col(
            t(Msg::Name).into(),
            // A unit's name is already in the unit column.
            if group == Group::Units {
                super::widgets::HIDDEN
            } else {
                0
            },
            plain(rows_data.iter().map(|r| r.name.clone()).collect()),
        ),
    ];
    for g in 0..scale.len().min(4) {
        let counts = rows_data
            .iter()
            .map(|r| {
                r.result
                    .as_ref()
                    .and_then(|t| t.counts.get(g))
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into())
            })
            .collect();
        cols.push(col(label(g), 5, plain(counts)));
    }
    cols.push(col(
        Msg::TopRate.fill(&[&label(0)]),
        2,
        plain(rows_data.iter().map(|r| percent(r.top_rate)).collect()),
    ));
    cols.push(col(
        Msg::TopTwoRate.fill(&[&label(1)]),
        3,
        plain(rows_data.iter().map(|r| percent(r.top_two_rate)).collect()),
    ));
    let flags = rows_data
        .iter()
        .map(|r| {
            (
                if r.flagged { "!" } else { "" }.to_string(),
                Style::new().yellow().bold(),
            )
        })
        .collect();
    cols.push(col(t(Msg::Flag).into(), 2, flags));
    if secretaries {
        let review = rows_data
            .iter()
            .map(|r| {
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
            })
            .collect();
        let inquiry = rows_data
            .iter()
            .map(|r| {
                let c = model
                    .grading
                    .combined
                    .get(&(r.target.unit().to_string(), r.name.clone()));
                level_label(c.and_then(|c| c.investigation))
                    .unwrap_or("-")
                    .to_string()
            })
            .collect();
        let suggested = rows_data
            .iter()
            .map(|r| {
                (
                    level_label(r.suggested).unwrap_or("-").to_string(),
                    Style::new().dim(),
                )
            })
            .collect();
        let combined = rows_data
            .iter()
            .map(|r| {
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
            })
            .collect();
        cols.push(col(t(Msg::ReviewCol).into(), 3, plain(review)));
        cols.push(col(t(Msg::InvestigationCol).into(), 4, plain(inquiry)));
        cols.push(col(t(Msg::SuggestedCol).into(), 4, suggested));
        cols.push(col(t(Msg::CombinedCol).into(), 1, combined));
    }
    let grades = rows_data
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
    cols.push(col(t(Msg::FinalGradeCol).into(), 0, grades));

    let block = Block::bordered().title(group_name(group));
    let (header, rows, widths) = super::widgets::fit_columns(cols, block.inner(table_area).width);
    let mut state = TableState::default().with_selected(Some(app.grading_selected));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header.bold())
            .column_spacing(1)
            .row_highlight_style(Style::new().reversed())
            .block(block),
        table_area,
        &mut state,
    );

    if secretaries && let Some(row) = rows_data.get(app.grading_selected) {
        let entry = model
            .grading
            .rectifications
            .get(&(row.target.unit().to_string(), row.name.clone()));
        let text = match entry {
            Some(e) => {
                let status = t(match e.status {
                    RectificationStatus::Open => Msg::RectStatusOpen,
                    RectificationStatus::InProgress => Msg::RectStatusInProgress,
                    RectificationStatus::Done => Msg::RectStatusDone,
                });
                format!(
                    "{} | {} | {} | {} | {}",
                    e.problems, e.measures, e.deadline, e.responsible, status
                )
            }
            None => t(Msg::NoRectification).to_string(),
        };
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(format!("{} {}", t(Msg::Rectification), row.name))),
            detail,
        );
    }

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
                    Msg::DeadlineMissing.fill(&[&d.missing.join(&crate::i18n::tr("、", ", "))]),
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
        dl,
    );
}
