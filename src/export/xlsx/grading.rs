//! 评定等次: the grading board, one sheet per group (units, Party
//! secretaries, village cadres, work teams), each with its own columns so
//! that it prints at 9 points or more when fitted to a landscape A4 page
//! (four tables sharing one set of columns printed at 40 %).
//!
//! Each sheet: the group's quota use, then its members in the board's
//! proposed order (by 优秀率, then 称职及以上率), ranked (排序) only where
//! every meeting the row rests on is closed. A row resting on a round not
//! closed is listed after the ranked ones under a line saying so, marked
//! 未结束（暂定） and not ranked: its numbers may still change. The units'
//! sheet ends with the notice's deadlines.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::labels;
use super::sheet::{Print, Sheet};
use crate::catalog::{Msg, fill};
use crate::domain::board::{BoardRow, Decision, board, deadlines, unclosed_meetings};
use crate::domain::grading::Group;
use crate::domain::{MeetingKind, Model};
use crate::export::grading::label_zh;
use crate::i18n::Lang;
use crate::labels::level_label;

/// The sheets' names, in [`Group::ALL`]'s order.
pub const NAMES: [&str; 4] = [
    "评定等次-单位",
    "评定等次-书记",
    "评定等次-干部",
    "评定等次-工作队",
];

/// The width (character widths) long free text wraps within here: the
/// flags and the justification would otherwise widen the table past the
/// page.
const FLAGS_WIDTH: f64 = 12.0;
const WHY_WIDTH: f64 = 16.0;

/// The rank of a row whose meetings are not all closed, and of one whose
/// meeting was never held.
const NOT_FINAL: &str = "暂定";
const NOT_HELD: &str = "未召开";

fn zh(msg: Msg) -> &'static str {
    msg.text_in(Lang::Zh)
}

fn group_name(group: Group) -> &'static str {
    zh(match group {
        Group::Units => Msg::GroupUnits,
        Group::Secretaries => Msg::GroupSecretaries,
        Group::Cadres => Msg::GroupCadres,
        Group::WorkTeams => Msg::GroupWorkTeams,
    })
}

/// The four sheets, named [`NAMES`].
pub(super) fn sheets(model: &Model) -> Result<Vec<Worksheet>, XlsxError> {
    let board = Board {
        model,
        annual: labels::scale(model, MeetingKind::AnnualReview),
        review: labels::scale(model, MeetingKind::PartyBuildingReview),
    };
    Group::ALL
        .into_iter()
        .zip(NAMES)
        .map(|(group, name)| board.sheet(group, name))
        .collect()
}

/// Where a row's results stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Every meeting it rests on is closed: ranked.
    Final,
    /// A round of one of them is open (or void, awaiting its re-run).
    Open,
    /// Nothing open, but a meeting was never held.
    NotHeld,
}

fn standing(model: &Model, row: &BoardRow) -> Standing {
    let unclosed = unclosed_meetings(model, &Decision::Grade(row.target.clone()));
    if unclosed.is_empty() {
        Standing::Final
    } else if unclosed.iter().any(|u| u.round.is_some()) {
        Standing::Open
    } else {
        Standing::NotHeld
    }
}

/// What every group's sheet needs.
struct Board<'a> {
    model: &'a Model,
    /// The annual review's grades, and the Party-building review's.
    annual: Vec<String>,
    review: Vec<String>,
}

impl Board<'_> {
    fn sheet(&self, group: Group, name: &str) -> Result<Worksheet, XlsxError> {
        self.build(group, name)?.finish(Print {
            landscape: true,
            repeat: Some((5, 5)),
        })
    }

    /// The sheet of `group`, before its print set-up.
    fn build(&self, group: Group, name: &str) -> Result<Sheet, XlsxError> {
        let header = self.header(group);
        let last = (header.len() - 1) as u16;
        let mut s = Sheet::new(name)?;
        s.title(0, last, &format!("评定等次：{}", group_name(group)))?;
        s.subtitle(1, last, &self.model.campaign.title)?;
        s.section(3, last, &quota_line(self.model, group))?;
        if group == Group::Units {
            s.note(4, last, "单位的测评数为该单位全体测评对象的合计。")?;
        }
        s.headers(5, &header)?;
        let rows: Vec<(Standing, BoardRow)> = board(self.model, group)
            .into_iter()
            .map(|r| (standing(self.model, &r), r))
            .collect();
        let mut row = 6;
        for (rank, (_, r)) in (1..).zip(rows.iter().filter(|(st, _)| *st == Standing::Final)) {
            self.row(&mut s, row, group, &rank.to_string(), r)?;
            row += 1;
        }
        let rest: Vec<_> = rows
            .iter()
            .filter(|(st, _)| *st != Standing::Final)
            .collect();
        if !rest.is_empty() {
            let why = format!(
                "以下各行依据的会议{}或{NOT_HELD}，数字还可能变化，不排序。",
                labels::PROVISIONAL
            );
            s.paragraph(row, last, &why)?;
            row += 1;
        }
        for (st, r) in rest {
            let rank = if *st == Standing::Open {
                NOT_FINAL
            } else {
                NOT_HELD
            };
            self.row(&mut s, row, group, rank, r)?;
            row += 1;
        }
        if group == Group::Units {
            deadline_lines(&mut s, self.model, row + 1, last)?;
        }
        Ok(s)
    }

    fn header(&self, group: Group) -> Vec<String> {
        let mut header: Vec<String> = vec!["排序".into(), labels::UNIT.into()];
        match group {
            Group::Units => {}
            Group::WorkTeams => header.push("队长".into()),
            _ => header.push(labels::NAME.into()),
        }
        header.extend(self.annual.iter().cloned());
        header.extend([
            labels::top_rate(&self.annual),
            labels::top_two_rate(&self.annual),
            labels::FLAGS.into(),
        ]);
        if group == Group::Secretaries {
            header.extend(self.review.iter().map(|g| format!("评议{g}")));
            header.push("综合评价".into());
        }
        header.extend(["等次", "超出名额的理由"].map(String::from));
        header
    }

    /// A member of `group`, `r`, at `row`, ranked `rank`.
    fn row(
        &self,
        s: &mut Sheet,
        row: u32,
        group: Group,
        rank: &str,
        r: &BoardRow,
    ) -> Result<(), XlsxError> {
        s.text(row, 0, rank)?;
        s.text(row, 1, r.target.unit())?;
        let mut col = 2;
        if group != Group::Units {
            s.text(row, col, &r.name)?;
            col += 1;
        }
        let result = r.result.as_ref().map(|t| t.counts.as_slice());
        col = s.counts(row, col, result, self.annual.len())?;
        s.pct(row, col, r.top_rate)?;
        s.pct(row, col + 1, r.top_two_rate)?;
        let flags = r
            .result
            .as_ref()
            .map(|t| labels::flags(t, &self.model.campaign.rules, &self.annual))
            .unwrap_or_default();
        s.long_text(row, col + 2, &flags)?;
        s.cap(col + 2, FLAGS_WIDTH);
        col += 3;
        if group == Group::Secretaries {
            let review = r.review.as_ref().map(|t| t.counts.as_slice());
            col = s.counts(row, col, review, self.review.len())?;
            let combined = label_zh(level_label(r.combined), r.combined_provisional);
            s.long_text(row, col, &stacked(&combined))?;
            col += 1;
        }
        let grade = r
            .grade
            .as_ref()
            .and_then(|g| group.grades().get(usize::from(g.grade)).copied());
        s.long_text(row, col, &stacked(&label_zh(grade, r.provisional)))?;
        let why = r.grade.as_ref().and_then(|g| g.justification.clone());
        s.long_text(row, col + 1, &why.unwrap_or_default())?;
        s.cap(col + 1, WHY_WIDTH);
        Ok(())
    }
}

/// A grade with its mark on a line of its own ("优秀" over "（暂定）"):
/// the column stays as narrow as the grade.
fn stacked(label: &str) -> String {
    label.replacen('（', "\n（", 1)
}

/// `group`'s name and how much of its quota for its top grade is used,
/// and whether it is exceeded.
fn quota_line(model: &Model, group: Group) -> String {
    let c = &model.campaign;
    let usage = model.grading.quota_use(c, group);
    let mut quota = crate::labels::quota_text(model, group, crate::i18n::Lang::Zh);
    if usage.soft {
        quota = format!("{quota}（{}）", zh(Msg::QuotaSoft));
    }
    if usage.used > usage.allowed {
        quota.push_str("　超出名额");
    }
    format!("{}：{quota}", group_name(group))
}

/// The deadlines from `row`, as lines so their long lists of units do
/// not widen the board's columns.
fn deadline_lines(s: &mut Sheet, model: &Model, mut row: u32, last: u16) -> Result<(), XlsxError> {
    s.section(row, last, zh(Msg::DeadlinesTitle))?;
    row += 1;
    let whats = [
        Msg::DeadlinePartyBuilding,
        Msg::DeadlineVillage,
        Msg::DeadlineCombined,
    ];
    for d in deadlines(model) {
        let what = whats
            .get(usize::from(d.which))
            .copied()
            .map(zh)
            .unwrap_or("");
        let state = if d.missing.is_empty() {
            zh(Msg::DeadlineDone).to_string()
        } else {
            fill(zh(Msg::DeadlineMissing), &[&d.missing.join("、")])
        };
        let when = d.date.format("%Y-%m-%d");
        s.paragraph(row, last, &format!("{when}　{what}：{state}"))?;
        row += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grading::FinalGrade;
    use crate::domain::{Event, SubjectTally};

    /// The demo with every member graded 优秀（暂定） with a justification.
    fn graded() -> Model {
        let c = crate::campaign_toml::demo();
        let mut model = Model::fold([&Event::CampaignDefined { campaign: c }]).unwrap();
        for group in Group::ALL {
            for target in group.members(&model.campaign) {
                let grade = FinalGrade {
                    grade: 0,
                    justification: Some("群众评价突出，经党工委研究同意".into()),
                };
                model.grading.grades.insert(target, grade);
            }
        }
        model
    }

    #[test]
    fn every_group_prints_at_9_points_or_more() {
        let model = graded();
        let board = Board {
            model: &model,
            annual: labels::scale(&model, MeetingKind::AnnualReview),
            review: labels::scale(&model, MeetingKind::PartyBuildingReview),
        };
        for (group, name) in Group::ALL.into_iter().zip(NAMES) {
            let mut s = board.build(group, name).unwrap();
            // Both flags at once, in a row below the table.
            let flags = board.header(group).iter().position(|h| h == labels::FLAGS);
            let t = SubjectTally {
                counts: vec![0, 1, 0, 2],
                abstain: 0,
                void_marks: 0,
                ..SubjectTally::default()
            };
            let text = labels::flags(&t, &model.campaign.rules, &board.annual);
            assert!(text.contains("；"), "{text}");
            s.long_text(100, flags.unwrap() as u16, &text).unwrap();
            let scale = s.width_scale(true);
            assert!(
                scale >= super::super::sheet::MIN_SCALE,
                "{name} prints at {:.0} %",
                scale * 100.0
            );
        }
    }
}
