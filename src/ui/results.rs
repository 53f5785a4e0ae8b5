//! The running results of a round: per person the count of each grade,
//! abstentions, void marks, the two rates and a bar split by grade; the
//! gauge of ballots entered against returned; and the live warnings.
//! Shared by the street board, the agenda and ballot entry.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::grade_color;
use crate::catalog::{Msg, t};
use crate::domain::{Model, Round, Rules, Tally, TallySource};
use crate::text::{pad_left, pad_right, split_at_width, truncate, width};

/// The live warnings of a round, most serious first.
pub fn warnings(model: &Model, round: &Round, scale: &[String], tally: &Tally) -> Vec<String> {
    let rules: &Rules = &model.campaign.rules;
    let mut out = Vec::new();
    if let (Some(returned), Some(issued)) = (round.returned, round.issued)
        && returned > issued
    {
        out.push(t(Msg::WarnReturnedOverIssued).to_string());
    }
    if let Some(returned) = round.returned
        && tally.entered > u64::from(returned)
    {
        out.push(Msg::WarnEnteredOverReturned.fill(&[&tally.entered, &returned]));
    }
    if let (Some(e), Some(p)) = (round.expected, round.present)
        && !rules.quorum.exceeds_share(u64::from(p), u64::from(e))
    {
        out.push(t(Msg::WarnNoQuorum).to_string());
    }
    if tally.source == TallySource::SheetPending {
        out.push(t(Msg::SheetPending).to_string());
    }
    let second = scale.get(1).map(String::as_str).unwrap_or("");
    let lowest = scale.last().map(String::as_str).unwrap_or("");
    for (line, s) in round.lines.iter().zip(&tally.subjects) {
        if s.warn_top_two(rules) {
            out.push(Msg::WarnTopTwo.fill(&[&line.name, &second, &rules.warn_top_two_below]));
        }
        if s.flag_lowest(rules) {
            out.push(Msg::WarnLowest.fill(&[&line.name, &lowest, &rules.flag_lowest_above]));
        }
    }
    out
}

fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "-".into())
}

/// A bar of `cells` cells split by grade, drawn with background colours
/// (no block glyphs: those are double width in many Chinese terminals).
fn bar(counts: &[u64], cells: u16) -> Line<'static> {
    let total: u64 = counts.iter().sum();
    if total == 0 || cells == 0 {
        return Line::default();
    }
    let mut spans = Vec::new();
    let mut used = 0u64;
    let mut acc = 0u64;
    for (i, &c) in counts.iter().enumerate() {
        acc += c;
        // Cumulative rounding keeps the bar exactly `cells` wide.
        let end = (acc * u64::from(cells) + total / 2) / total;
        let n = end.saturating_sub(used) as usize;
        used = end;
        if n > 0 {
            spans.push(Span::styled(
                " ".repeat(n),
                Style::new().bg(grade_color(i, counts.len())),
            ));
        }
    }
    Line::from(spans)
}

/// A gauge as one line: the label over a background filled to `ratio`.
/// Drawn with coloured spaces, since block glyphs are ambiguous-width.
pub fn gauge(label: &str, ratio: f64, cells: u16, fill: Color) -> Line<'static> {
    let cells = usize::from(cells);
    let text = pad_right(truncate(label, cells), cells);
    let filled = (ratio.clamp(0.0, 1.0) * cells as f64).round() as usize;
    let (done, rest) = split_at_width(&text, filled);
    Line::from(vec![
        Span::styled(done.to_string(), Style::new().fg(Color::Black).bg(fill)),
        Span::styled(rest.to_string(), Style::new().bg(Color::DarkGray)),
    ])
}

/// Draw the results of `round` into `area`.
pub fn draw(frame: &mut Frame, model: &Model, round: &Round, scale: &[String], area: Rect) {
    let tally = Tally::count(round, &model.campaign.rules, scale.len());
    let warns = warnings(model, round, scale, &tally);
    let warn_h = (warns.len() as u16).min(area.height.saturating_sub(4) / 2);
    let [gauge_area, table_area, warn_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(warn_h),
    ])
    .areas(area);

    let returned = round.returned.unwrap_or(0);
    let label = format!(
        "{} {} / {} {}   {} {}  {} {}  {} {}",
        t(Msg::Entered),
        tally.entered,
        t(Msg::Returned),
        round
            .returned
            .map(|r| r.to_string())
            .unwrap_or_else(|| "-".into()),
        t(Msg::Valid),
        tally.valid(),
        t(Msg::InvalidBallots),
        tally.invalid,
        t(Msg::BlankBallots),
        tally.blank,
    );
    let ratio = if returned == 0 {
        0.0
    } else {
        (tally.entered as f64 / f64::from(returned)).min(1.0)
    };
    let over = tally.entered > u64::from(returned) && round.returned.is_some();
    frame.render_widget(
        gauge(
            &label,
            ratio,
            gauge_area.width,
            if over { Color::Red } else { Color::Cyan },
        ),
        gauge_area,
    );

    let name_w = round
        .lines
        .iter()
        .map(|l| width(&l.name))
        .max()
        .unwrap_or(4)
        .max(4) as u16;
    let top = scale.first().map(String::as_str).unwrap_or("");
    let second = scale.get(1).map(String::as_str).unwrap_or("");
    let mut header: Vec<Cell> = vec![Cell::from(t(Msg::Name))];
    header.extend(scale.iter().enumerate().map(|(i, g)| {
        Cell::from(Line::from(g.clone()).right_aligned())
            .style(Style::new().fg(grade_color(i, scale.len())))
    }));
    header.push(Cell::from(Line::from(t(Msg::Abstain)).right_aligned()));
    header.push(Cell::from(Line::from(t(Msg::VoidMarks)).right_aligned()));
    header.push(Cell::from(
        Line::from(Msg::TopRate.fill(&[&top])).right_aligned(),
    ));
    header.push(Cell::from(
        Line::from(Msg::TopTwoRate.fill(&[&second])).right_aligned(),
    ));
    header.push(Cell::from(""));

    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(
        scale
            .iter()
            .map(|g| Constraint::Length(width(g).max(4) as u16)),
    );
    widths.extend([
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length((width(&Msg::TopRate.fill(&[&top])) as u16).max(6)),
        Constraint::Length((width(&Msg::TopTwoRate.fill(&[&second])) as u16).max(6)),
        Constraint::Fill(1),
    ]);
    let fixed: u16 = name_w
        + scale.iter().map(|g| width(g).max(4) as u16).sum::<u16>()
        + 8
        + 16
        + (scale.len() as u16 + 5);
    let bar_w = table_area.width.saturating_sub(fixed).min(40);

    let rows = round.lines.iter().zip(&tally.subjects).map(|(line, s)| {
        let mut cells = vec![Cell::from(line.name.clone())];
        cells.extend(
            s.counts
                .iter()
                .map(|c| Cell::from(Line::from(c.to_string()).right_aligned())),
        );
        cells.push(Cell::from(
            Line::from(s.abstain.to_string()).right_aligned(),
        ));
        cells.push(Cell::from(
            Line::from(s.void_marks.to_string()).right_aligned(),
        ));
        cells.push(Cell::from(
            Line::from(pad_left(&percent(s.top_rate()), 6)).right_aligned(),
        ));
        cells.push(Cell::from(
            Line::from(pad_left(&percent(s.top_two_rate()), 6)).right_aligned(),
        ));
        cells.push(Cell::from(bar(&s.counts, bar_w)));
        let flagged = s.warn_top_two(&model.campaign.rules) || s.flag_lowest(&model.campaign.rules);
        Row::new(cells).style(if flagged {
            Style::new().yellow()
        } else {
            Style::default()
        })
    });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(Style::new().bold()))
            .column_spacing(1),
        table_area,
    );

    let lines: Vec<Line> = warns
        .into_iter()
        .map(|w| Line::from(Span::styled(format!("! {w}"), Style::new().yellow().bold())))
        .collect();
    frame.render_widget(Paragraph::new(lines), warn_area);
}
