//! 评定等次, the grading board: one group at a time (units, secretaries,
//! cadres, work teams), each target's democratic results side by side in
//! the proposed order, the final grade, and the quota as a live counter;
//! the notice's deadlines with what is still missing below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::app::App;
use crate::catalog::{Msg, t};
use crate::domain::board::{board, deadlines};
use crate::domain::grading::{Group, RectificationStatus};
use crate::export::grading::level_label;

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

    let rows_data = board(model, group);
    let secretaries = group == Group::Secretaries;
    let name_w = super::column_width(rows_data.iter().map(|r| r.name.as_str()), 4);
    let unit_w = super::column_width(model.campaign.units.iter().map(|u| u.name.as_str()), 4);
    let mut header = vec![
        t(Msg::Rank).to_string(),
        t(Msg::Unit).into(),
        t(Msg::Name).into(),
    ];
    // The democratic results are the annual review's, on its scale.
    let scale = model
        .campaign
        .meeting(crate::domain::MeetingKind::AnnualReview)
        .map(|m| m.scale.grades.clone())
        .unwrap_or_default();
    let label = |i: usize| scale.get(i).cloned().unwrap_or_default();
    header.extend((0..4).map(label));
    header.extend([
        Msg::TopRate.fill(&[&label(0)]),
        Msg::TopTwoRate.fill(&[&label(1)]),
        t(Msg::Flag).into(),
    ]);
    let mut widths = vec![
        Constraint::Length(3),
        Constraint::Length(unit_w),
        Constraint::Length(name_w),
    ];
    widths.extend([4, 4, 8, 6, 7, 10, 4].map(Constraint::Length));
    if secretaries {
        header.extend([
            t(Msg::ReviewCol).into(),
            t(Msg::InvestigationCol).into(),
            t(Msg::SuggestedCol).into(),
            t(Msg::CombinedCol).into(),
        ]);
        // Combined is wide enough for "一般 约谈" / "一般 talk" (9 cells).
        widths.extend([20, 6, 6, 10].map(Constraint::Length));
    }
    header.push(t(Msg::FinalGradeCol).into());
    widths.push(Constraint::Fill(1));

    let rows = rows_data.iter().enumerate().map(|(i, r)| {
        let counts = r
            .result
            .as_ref()
            .map(|t| t.counts.clone())
            .unwrap_or_default();
        let mut cells: Vec<Cell> = vec![
            Cell::from((i + 1).to_string()),
            Cell::from(r.target.unit().to_string()),
            Cell::from(r.name.clone()),
        ];
        cells.extend((0..4).map(|g| {
            Cell::from(
                counts
                    .get(g)
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".into()),
            )
        }));
        cells.push(Cell::from(percent(r.top_rate)));
        cells.push(Cell::from(percent(r.top_two_rate)));
        cells.push(Cell::from(if r.flagged { "!" } else { "" }).yellow().bold());
        if secretaries {
            let review = r
                .review
                .as_ref()
                .map(|t| {
                    t.counts
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_else(|| "-".into());
            let inv = model
                .grading
                .combined
                .get(&(r.target.unit().to_string(), r.name.clone()))
                .and_then(|c| c.investigation);
            cells.push(Cell::from(review));
            cells.push(Cell::from(level_label(inv).unwrap_or("-")));
            cells.push(Cell::from(level_label(r.suggested).unwrap_or("-")).dim());
            let combined = level_label(r.combined).unwrap_or("-").to_string();
            let combined = if r.talk {
                format!("{combined} {}", t(Msg::Talk))
            } else {
                combined
            };
            cells.push(Cell::from(combined).style(if r.talk {
                Style::new().red()
            } else {
                Style::new()
            }));
        }
        let grade = r
            .grade
            .as_ref()
            .map(|g| {
                let label = group
                    .grades()
                    .get(usize::from(g.grade))
                    .copied()
                    .unwrap_or("?");
                if g.justification.is_some() {
                    format!("{label}{}", t(Msg::Justified))
                } else {
                    label.to_string()
                }
            })
            .unwrap_or_default();
        cells.push(Cell::from(grade).bold());
        Row::new(cells)
    });
    let mut state = TableState::default().with_selected(Some(app.grading_selected));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(Row::new(header).bold())
            .column_spacing(1)
            .row_highlight_style(Style::new().reversed())
            .block(Block::bordered().title(group_name(group))),
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
                    Msg::DeadlineMissing.fill(&[&d.missing.join("、")]),
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
