//! The running results of a round: per person the count of each grade,
//! abstentions, void marks, the two rates and a bar split by grade; the
//! gauge of ballots entered against returned; and the live warnings.
//! Shared by the street board, the agenda and ballot entry.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::widgets::{Breaks, grade_color, wrap_cells};
use crate::catalog::{Msg, t};
use crate::domain::campaign::RateBase;
use crate::domain::tally::SubjectTally;
use crate::domain::{Model, Round, Rules, Tally, TallySource};
use crate::labels::percent;
use crate::text::{pad_left, pad_right, split_at_width, truncate, width};

/// The live warnings of a round, most serious first.
pub fn warnings(model: &Model, round: &Round, scale: &[String], tally: &Tally) -> Vec<String> {
    let rules: &Rules = &model.campaign.rules;
    let mut out = Vec::new();
    if round.over_returned() {
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

/// The words of a person's flags ("称职及以上不足 2/3"), empty when none:
/// shown beside the row's colour, so a flag is never told by colour alone.
pub fn flag_words(s: &SubjectTally, rules: &Rules, scale: &[String]) -> String {
    let second = scale.get(1).map(String::as_str).unwrap_or("");
    let lowest = scale.last().map(String::as_str).unwrap_or("");
    let mut out = Vec::new();
    if s.warn_top_two(rules) {
        out.push(Msg::FlagTopTwoShort.fill(&[&second, &rules.warn_top_two_below]));
    }
    if s.flag_lowest(rules) {
        out.push(Msg::FlagLowestShort.fill(&[&lowest, &rules.flag_lowest_above]));
    }
    out.join(t(Msg::ListSep))
}

/// The announcement (公布结果) as text: the read-out of the round's
/// numbers ("应到 48 人，实到 45 人，发出 45 张，…"), then one sentence per
/// person in ballot order: each grade's count, 弃权, 无效, both rates and
/// any flag in words. The laptop and the projector show the same text.
pub fn announcement(model: &Model, round: &Round, scale: &[String]) -> (String, Vec<String>) {
    let tally = model.tally(round);
    let rules = &model.campaign.rules;
    let num = |n: Option<u64>| n.map_or_else(|| "-".to_string(), |v| v.to_string());
    let entered = tally.entered > 0;
    let read_out = Msg::ReadOut.fill(&[
        &num(round.expected.map(u64::from)),
        &num(round.present.map(u64::from)),
        &num(round.issued.map(u64::from)),
        &num(round.returned.map(u64::from)),
        &num(entered.then(|| tally.valid())),
        &num(entered.then_some(tally.invalid)),
    ]);
    let sep = t(Msg::ReadOutCountSep);
    let people = round
        .lines
        .iter()
        .zip(&tally.subjects)
        .enumerate()
        .map(|(i, (line, s))| {
            let mut parts: Vec<String> = scale
                .iter()
                .zip(&s.counts)
                .map(|(g, n)| Msg::ReadOutCount.fill(&[g, n]))
                .collect();
            parts.push(Msg::ReadOutCount.fill(&[&t(Msg::Abstain), &s.abstain]));
            parts.push(Msg::ReadOutCount.fill(&[&t(Msg::VoidMarks), &s.void_marks]));
            let rates = format!(
                "{} {}{sep}{} {}",
                top_label(scale),
                percent(s.top_rate()),
                top_two_label(scale),
                percent(s.top_two_rate())
            );
            let mut text = format!("{}{}{rates}", parts.join(sep), t(Msg::PartSep));
            let flags = flag_words(s, rules, scale);
            if !flags.is_empty() {
                text.push_str(&Msg::ReadOutFlag.fill(&[&flags]));
            }
            let post = match crate::i18n::lang() {
                crate::i18n::Lang::Zh => {
                    model.campaign.post(&round.key.unit, &line.name, line.role)
                }
                crate::i18n::Lang::En => t(Msg::from(line.role)),
            };
            Msg::ReadOutPerson.fill(&[&(i + 1), &line.name, &post, &text])
        })
        .collect();
    (read_out, people)
}

/// The one line saying what the two rates divide by (the campaign's
/// `rate_base`): 96.3 % for 26 of 29 with 2 弃权 surprises nobody then.
pub fn rate_legend(rules: &Rules, scale: &[String]) -> String {
    let msg = match rules.rate_base {
        RateBase::Graded => Msg::RateLegendGraded,
        RateBase::Valid => Msg::RateLegendValid,
    };
    msg.fill(&[&top_label(scale), &top_two_label(scale)])
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

/// A column of the results table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Grade(usize),
    Abstain,
    Void,
    Top,
    TopTwo,
    /// The flags in words (only when someone is flagged).
    Flag,
    /// The bar, with its width in cells.
    Bar(u16),
}

fn top_label(scale: &[String]) -> String {
    let [top, _] = crate::catalog::rate_names(scale, crate::i18n::lang());
    top
}

fn top_two_label(scale: &[String]) -> String {
    let [_, top_two] = crate::catalog::rate_names(scale, crate::i18n::lang());
    top_two
}

/// What the columns' widths and order depend on besides the scale.
struct Fit {
    /// The name column's width: the longest name, or less when the
    /// counts and rates would not fit beside it (names are shortened).
    name_w: usize,
    /// The longest flag text (0: nobody is flagged).
    flag_w: usize,
    /// Someone's two best grades are flagged: 称职及以上率 stays.
    top_two_flagged: bool,
}

impl Col {
    fn width(self, fit: &Fit, scale: &[String]) -> u16 {
        let w = match self {
            Col::Name => fit.name_w,
            Col::Grade(i) => width(&scale[i]).max(3),
            Col::Abstain => width(t(Msg::Abstain)).max(3),
            Col::Void => width(t(Msg::VoidMarks)).max(3),
            Col::Top => width(&top_label(scale)).max(6),
            Col::TopTwo => width(&top_two_label(scale)).max(6),
            Col::Flag => fit.flag_w.max(width(t(Msg::Flag))),
            Col::Bar(w) => usize::from(w),
        };
        w as u16
    }

    /// Which columns go first when the table is narrow: names and counts
    /// always (and 称职及以上率 when the warnings speak of it), then the
    /// rates and the flags, abstentions and void marks, then the bar.
    fn priority(self, fit: &Fit) -> u8 {
        match self {
            Col::Name => 0,
            Col::Grade(_) => 1,
            Col::TopTwo if fit.top_two_flagged => 1,
            Col::TopTwo => 2,
            // Someone flagged: the words before 优秀率.
            Col::Flag => 3,
            Col::Top => 4,
            Col::Abstain => 5,
            Col::Void => 6,
            Col::Bar(_) => 7,
        }
    }
}

/// The columns that fit in `cells`, in display order. Columns are dropped
/// rather than squeezed: a squeezed header (基本称职 cut to 称职) would be
/// read as the wrong grade.
fn columns(fit: &Fit, scale: &[String], cells: u16) -> Vec<Col> {
    let mut all = vec![Col::Name];
    all.extend((0..scale.len()).map(Col::Grade));
    all.extend([Col::Abstain, Col::Void, Col::Top, Col::TopTwo]);
    if fit.flag_w > 0 {
        all.push(Col::Flag);
    }
    let mut by_priority = all.clone();
    by_priority.sort_by_key(|c| c.priority(fit));
    let mut used = 0u16;
    let mut keep = Vec::new();
    for c in by_priority {
        let w = c.width(fit, scale) + 1;
        // A column that does not fit is dropped; a narrower one after it
        // may still fit.
        if used + w > cells && c.priority(fit) > 1 {
            continue;
        }
        used += w;
        keep.push(c);
    }
    let mut out: Vec<Col> = all.into_iter().filter(|c| keep.contains(c)).collect();
    let room = cells.saturating_sub(used + 1);
    if room >= 8 {
        out.push(Col::Bar(room.min(40)));
    }
    out
}

/// Draw the results of `round` into `area`.
pub fn draw(frame: &mut Frame, model: &Model, round: &Round, scale: &[String], area: Rect) {
    let tally = Tally::count(round, &model.campaign.rules, scale.len());
    let warns = warnings(model, round, scale, &tally);
    // Wrapped here, not by ratatui: see `wrap_cells`.
    let legend: Vec<Line> = wrap_cells(
        &rate_legend(&model.campaign.rules, scale),
        usize::from(area.width),
        Breaks::Spaces,
    )
    .into_iter()
    .map(|l| Line::from(Span::styled(l, Style::new().add_modifier(Modifier::DIM))))
    .collect();
    let legend_h = legend.len() as u16;
    let warn_h = (warns.len() as u16).min(area.height.saturating_sub(4 + legend_h) / 2);
    let [gauge_area, table_area, legend_area, warn_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(legend_h),
        Constraint::Length(warn_h),
    ])
    .areas(area);
    draw_gauge(frame, round, &tally, gauge_area);
    draw_table(frame, model, round, scale, &tally, table_area);
    frame.render_widget(Paragraph::new(legend), legend_area);
    let lines: Vec<Line> = warns
        .into_iter()
        .map(|w| Line::from(Span::styled(format!("! {w}"), Style::new().yellow().bold())))
        .collect();
    frame.render_widget(Paragraph::new(lines), warn_area);
}

/// Ballots entered of returned, as a bar (red beyond 收回), with the
/// valid, invalid and blank ballots.
fn draw_gauge(frame: &mut Frame, round: &Round, tally: &Tally, area: Rect) {
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
            area.width,
            if over { Color::Red } else { Color::Cyan },
        ),
        area,
    );
}

/// More people than rows under the header: the last row says how many are
/// not shown (and how many of them are flagged: the warnings below name
/// them). Returns how many people the table shows.
fn draw_more(frame: &mut Frame, flags: &[String], people: usize, area: Rect) -> usize {
    let room = usize::from(area.height.saturating_sub(1));
    // With no row for a person beside the line, the table is clipped as
    // it is (a window this small shows only the header anyway).
    if people <= room || room < 2 {
        return people;
    }
    let shown = room.saturating_sub(1);
    let hidden_flags = flags[shown..].iter().filter(|f| !f.is_empty()).count();
    let text = if hidden_flags > 0 {
        Msg::ResultsMoreFlagged.fill(&[&(people - shown), &hidden_flags])
    } else {
        Msg::ResultsMore.fill(&[&(people - shown)])
    };
    let text = super::widgets::shorten(&text, usize::from(area.width));
    let line = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    frame.render_widget(Line::from(Span::styled(text, style)), line);
    shown
}

/// A row per person, the columns that fit; a flagged person in yellow.
fn draw_table(
    frame: &mut Frame,
    model: &Model,
    round: &Round,
    scale: &[String],
    tally: &Tally,
    area: Rect,
) {
    let rules = &model.campaign.rules;
    let flags: Vec<String> = tally
        .subjects
        .iter()
        .map(|s| flag_words(s, rules, scale))
        .collect();
    let longest = round
        .lines
        .iter()
        .map(|l| width(&l.name))
        .max()
        .unwrap_or(4);
    let mut fit = Fit {
        name_w: longest.max(4),
        flag_w: flags.iter().map(|f| width(f)).max().unwrap_or(0),
        top_two_flagged: tally.subjects.iter().any(|s| s.warn_top_two(rules)),
    };
    // A long name gives way to the counts, 弃权, 无效 and the rates: it is
    // shortened (to 8 cells at least) rather than push them off.
    let counts: u16 = (0..scale.len())
        .map(Col::Grade)
        .chain([Col::Abstain, Col::Void, Col::Top, Col::TopTwo])
        .map(|c| c.width(&fit, scale) + 1)
        .sum();
    let room = usize::from(area.width.saturating_sub(counts + 1));
    fit.name_w = fit.name_w.min(room.max(8));
    let cols = columns(&fit, scale, area.width);
    let header = cols.iter().map(|c| match c {
        Col::Name => Cell::from(t(Msg::Name)),
        Col::Grade(i) => Cell::from(Line::from(scale[*i].clone()).right_aligned())
            .style(Style::new().fg(grade_color(*i, scale.len()))),
        Col::Abstain => Cell::from(Line::from(t(Msg::Abstain)).right_aligned()),
        Col::Void => Cell::from(Line::from(t(Msg::VoidMarks)).right_aligned()),
        Col::Top => Cell::from(Line::from(top_label(scale)).right_aligned()),
        Col::TopTwo => Cell::from(Line::from(top_two_label(scale)).right_aligned()),
        Col::Flag => Cell::from(t(Msg::Flag)),
        Col::Bar(_) => Cell::from(""),
    });
    let widths: Vec<Constraint> = cols
        .iter()
        .map(|c| Constraint::Length(c.width(&fit, scale)))
        .collect();
    let shown = draw_more(frame, &flags, round.lines.len(), area);
    let area = Rect {
        height: (shown as u16 + 1).min(area.height),
        ..area
    };
    let rows = (round.lines.iter().zip(&tally.subjects).zip(&flags))
        .take(shown)
        .map(|((line, s), flag)| {
            let right = |text: String| Cell::from(Line::from(text).right_aligned());
            let cells = cols.iter().map(|c| match c {
                Col::Name => Cell::from(super::widgets::shorten(&line.name, fit.name_w)),
                Col::Grade(i) => right(s.counts.get(*i).copied().unwrap_or(0).to_string()),
                Col::Abstain => right(s.abstain.to_string()),
                Col::Void => right(s.void_marks.to_string()),
                Col::Top => right(pad_left(&percent(s.top_rate()), 6)),
                Col::TopTwo => right(pad_left(&percent(s.top_two_rate()), 6)),
                Col::Flag => Cell::from(flag.clone()),
                Col::Bar(w) => Cell::from(bar(&s.counts, *w)),
            });
            let flagged = !flag.is_empty();
            Row::new(cells.collect::<Vec<_>>()).style(if flagged {
                Style::new().yellow()
            } else {
                Style::default()
            })
        });
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header.collect::<Vec<_>>()).style(Style::new().bold()))
            .column_spacing(1),
        area,
    );
}
