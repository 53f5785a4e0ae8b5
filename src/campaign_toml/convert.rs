//! Validation (校验): from the file as written (`raw`) to the domain types,
//! rejecting anything the meetings could not run with, each time pointing
//! at the offending value.

use std::ops::Range;

use toml::Spanned;

use super::error::{CampaignError, CampaignErrorKind as K, NameField, position, snippet};
use super::raw::{
    RawCampaign, RawMeeting, RawQuota, RawQuotas, RawRules, RawUnit, RawWarnings, RawWorkGroup,
    SpannedList,
};
use super::subjects::subjects;
use crate::domain::names::{
    check_label, check_name, check_post, check_title, name_key, normalize_name,
};
use crate::domain::{
    Campaign, MeetingDef, MeetingKind, Quota, Quotas, Ratio, Rules, Scale, Unit, UnitKind,
    WarningThresholds, WorkGroup,
};

type Result<T> = std::result::Result<T, CampaignError>;

/// Speaking time (发言时间, minutes) when `speaker_minutes` is omitted.
pub const DEFAULT_SPEAKER_MINUTES: u32 = 10;

/// The source being converted, for locating errors.
pub(crate) struct Ctx<'a> {
    pub source: &'a str,
    pub file: &'a str,
}

impl Ctx<'_> {
    /// An error at byte `offset`.
    pub fn error(&self, offset: usize, kind: K) -> CampaignError {
        let (line, column) = position(self.source, offset);
        CampaignError {
            file: self.file.to_string(),
            line,
            column,
            kind,
        }
    }

    /// An error at the start of `span`.
    pub(crate) fn at(&self, span: &Range<usize>, kind: K) -> CampaignError {
        self.error(span.start, kind)
    }

    /// The 1-based line of `span`.
    pub(super) fn line(&self, span: &Range<usize>) -> usize {
        position(self.source, span.start).0
    }
}

/// Validate the whole file.
pub(crate) fn campaign(raw: RawCampaign, cx: &Ctx) -> Result<Campaign> {
    let title = name(cx, &raw.title, NameField::Title)?;
    let year = *raw.year.get_ref();
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| cx.at(&raw.year.span(), K::YearOutOfRange { year }))?;
    let meetings = meetings(cx, raw.meetings)?;
    let rules = rules(cx, raw.rules)?;
    let units = units(cx, raw.units, &meetings)?;
    Ok(Campaign {
        title,
        year,
        meetings,
        rules,
        units,
    })
}

/// A normalised, non-empty name or label, without hidden characters; a
/// person, unit or work-group name also at most 30 characters. Titles (the
/// campaign's, a person's post) keep their spaces.
pub(super) fn name(cx: &Ctx, raw: &Spanned<String>, field: NameField) -> Result<String> {
    let checked = match field {
        NameField::Title => check_title(raw.get_ref()),
        NameField::Post => check_post(raw.get_ref()),
        NameField::Grade => check_label(raw.get_ref()),
        NameField::Unit
        | NameField::Subject
        | NameField::Lead
        | NameField::Liaison
        | NameField::Member => check_name(raw.get_ref()),
    };
    match checked {
        Ok(n) if n.is_empty() => Err(cx.at(&raw.span(), K::EmptyName { field })),
        Ok(n) => Ok(n),
        Err(problem) => Err(cx.at(&raw.span(), K::BadName { field, problem })),
    }
}

/// Whether two names are the same as the reader sees them.
pub(super) fn same(a: &str, b: &str) -> bool {
    a == b || name_key(a) == name_key(b)
}

/// A keyword as the user may type it: normalised, ASCII lower-cased.
pub(super) fn keyword(raw: &str) -> String {
    normalize_name(raw).to_ascii_lowercase()
}

/// `annual_review` / `party_building_review`, or their Chinese names.
fn meeting_kind(cx: &Ctx, raw: &Spanned<String>) -> Result<MeetingKind> {
    match keyword(raw.get_ref()).as_str() {
        "annual_review" | "述职测评大会" | "述职测评" => Ok(MeetingKind::AnnualReview),
        "party_building_review" | "下述下评" | "抓基层党建述职评议" => {
            Ok(MeetingKind::PartyBuildingReview)
        }
        _ => Err(cx.at(
            &raw.span(),
            K::UnknownMeeting {
                value: raw.get_ref().trim().to_string(),
            },
        )),
    }
}

fn meetings(cx: &Ctx, raw: Option<SpannedList<RawMeeting>>) -> Result<Vec<MeetingDef>> {
    let Some(list) = raw else {
        return Err(cx.error(0, K::NoMeetings));
    };
    if list.get_ref().is_empty() {
        return Err(cx.at(&list.span(), K::NoMeetings));
    }
    let mut out: Vec<MeetingDef> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for m in list.into_inner() {
        let m = m.into_inner();
        let kind = meeting_kind(cx, &m.kind)?;
        if let Some(i) = out.iter().position(|d| d.kind == kind) {
            let first_line = lines[i];
            return Err(cx.at(&m.kind.span(), K::DuplicateMeeting { kind, first_line }));
        }
        let scale = scale(cx, m.scale, kind)?;
        let speaker_minutes = match m.speaker_minutes {
            None => DEFAULT_SPEAKER_MINUTES,
            Some(raw) => {
                let minutes = *raw.get_ref();
                u32::try_from(minutes)
                    .ok()
                    .filter(|m| (1..=120).contains(m))
                    .ok_or_else(|| cx.at(&raw.span(), K::SpeakerMinutesOutOfRange { minutes }))?
            }
        };
        lines.push(cx.line(&m.kind.span()));
        out.push(MeetingDef {
            kind,
            scale,
            speaker_minutes,
        });
    }
    Ok(out)
}

fn scale(cx: &Ctx, raw: Option<SpannedList<String>>, kind: MeetingKind) -> Result<Scale> {
    let Some(list) = raw else {
        return Ok(kind.default_scale());
    };
    if list.get_ref().is_empty() {
        return Err(cx.at(&list.span(), K::EmptyScale));
    }
    let mut grades: Vec<String> = Vec::new();
    for g in list.get_ref() {
        let grade = name(cx, g, NameField::Grade)?;
        if let Some(i) = grades.iter().position(|x| same(x, &grade)) {
            let kind = K::DuplicateGrade {
                grade,
                first_position: i + 1,
            };
            return Err(cx.at(&g.span(), kind));
        }
        grades.push(grade);
    }
    if !(2..=9).contains(&grades.len()) {
        let count = grades.len();
        return Err(cx.at(&list.span(), K::ScaleSize { count }));
    }
    Ok(Scale { grades })
}

fn rules(cx: &Ctx, raw: Option<RawRules>) -> Result<Rules> {
    let default = Rules::default();
    let Some(raw) = raw else {
        return Ok(default);
    };
    let quorum = ratio(cx, raw.quorum.as_ref(), default.quorum)?;
    if let Some(q) = &raw.quorum
        && quorum.num >= quorum.den
    {
        let value = quorum.to_string();
        return Err(cx.at(&q.span(), K::QuorumUnreachable { value }));
    }
    let max_top_grades_per_ballot = match raw.max_top_grades_per_ballot {
        None => None,
        Some(m) => {
            let value = *m.get_ref();
            let limit = u32::try_from(value)
                .ok()
                .filter(|v| *v >= 1)
                .ok_or_else(|| cx.at(&m.span(), K::MaxTopGradesOutOfRange { value }))?;
            Some(limit)
        }
    };
    Ok(Rules {
        quorum,
        max_top_grades_per_ballot,
        warn_top_two_below: ratio(
            cx,
            raw.warn_top_two_below.as_ref(),
            default.warn_top_two_below,
        )?,
        flag_lowest_above: ratio(
            cx,
            raw.flag_lowest_above.as_ref(),
            default.flag_lowest_above,
        )?,
        quotas: quotas(cx, raw.quotas)?,
        deadlines: deadlines(cx, raw.deadlines, default.deadlines)?,
        combined_review_weight: match raw.combined_review_weight {
            None => default.combined_review_weight,
            Some(w) => u32::try_from(*w.get_ref())
                .ok()
                .filter(|v| *v <= 100)
                .ok_or_else(|| {
                    cx.at(
                        &w.span(),
                        K::WeightOutOfRange {
                            value: *w.get_ref(),
                        },
                    )
                })?,
        },
        warnings: warning_thresholds(cx, raw.warnings, default.warnings)?,
        rate_base: super::rate_base::parse(cx, raw.rate_base.as_ref(), keyword)?,
    })
}

/// `[rules.warnings]`; each omitted key keeps its default.
fn warning_thresholds(
    cx: &Ctx,
    raw: Option<RawWarnings>,
    default: WarningThresholds,
) -> Result<WarningThresholds> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    let percent = |key: &str, v: Option<Spanned<toml::Value>>, fallback: u32| -> Result<u32> {
        let Some(v) = v else {
            return Ok(fallback);
        };
        let key = key.to_string();
        match v.get_ref() {
            toml::Value::Integer(value) => u32::try_from(*value)
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| {
                    let value = *value;
                    cx.at(&v.span(), K::WarningPercentOutOfRange { key, value })
                }),
            _ => {
                let found = snippet(cx.source, &v.span());
                Err(cx.at(&v.span(), K::WarningPercentNotInteger { key, found }))
            }
        }
    };
    Ok(WarningThresholds {
        returned_short_percent: percent(
            "returned_short_percent",
            raw.returned_short_percent,
            default.returned_short_percent,
        )?,
        blank_percent: percent("blank_percent", raw.blank_percent, default.blank_percent)?,
        invalid_percent: percent(
            "invalid_percent",
            raw.invalid_percent,
            default.invalid_percent,
        )?,
    })
}

fn deadlines(
    cx: &Ctx,
    raw: Option<super::raw::RawDeadlines>,
    default: crate::domain::Deadlines,
) -> Result<crate::domain::Deadlines> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    let date =
        |v: Option<Spanned<String>>, fallback: chrono::NaiveDate| -> Result<chrono::NaiveDate> {
            match v {
                None => Ok(fallback),
                Some(v) => chrono::NaiveDate::parse_from_str(v.get_ref().trim(), "%Y-%m-%d")
                    .map_err(|_| {
                        cx.at(
                            &v.span(),
                            K::BadDate {
                                value: v.get_ref().clone(),
                            },
                        )
                    }),
            }
        };
    Ok(crate::domain::Deadlines {
        party_building_reports: date(raw.party_building_reports, default.party_building_reports)?,
        village_reports: date(raw.village_reports, default.village_reports)?,
        combined_evaluation: date(raw.combined_evaluation, default.combined_evaluation)?,
    })
}

/// A fraction written `"2/3"`, between 0 and 1 inclusive.
fn ratio(cx: &Ctx, raw: Option<&Spanned<toml::Value>>, default: Ratio) -> Result<Ratio> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    let text = match raw.get_ref() {
        toml::Value::String(s) => s.trim().to_string(),
        _ => snippet(cx.source, &raw.span()),
    };
    parse_ratio(&text).ok_or_else(|| cx.at(&raw.span(), K::BadRatio { value: text }))
}

/// `"2/3"` (also with a full-width slash or spaces) to a ratio at most 1.
pub(crate) fn parse_ratio(text: &str) -> Option<Ratio> {
    let (num, den) = text.trim().split_once(['/', '／'])?;
    let digits = |s: &str| {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            s.parse::<u32>().ok()
        }
    };
    let (num, den) = (digits(num)?, digits(den)?);
    (den > 0 && num <= den).then_some(Ratio::new(num, den))
}

fn quotas(cx: &Ctx, raw: Option<RawQuotas>) -> Result<Quotas> {
    let d = Quotas::default();
    let Some(raw) = raw else {
        return Ok(d);
    };
    Ok(Quotas {
        first_class_units: quota(cx, raw.first_class_units, d.first_class_units)?,
        excellent_secretaries: quota(cx, raw.excellent_secretaries, d.excellent_secretaries)?,
        excellent_cadres: quota(cx, raw.excellent_cadres, d.excellent_cadres)?,
        excellent_work_teams: quota(cx, raw.excellent_work_teams, d.excellent_work_teams)?,
    })
}

/// A quota; each omitted key keeps its default.
fn quota(cx: &Ctx, raw: Option<RawQuota>, default: Quota) -> Result<Quota> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    let percent = match raw.percent {
        None => default.percent,
        Some(p) => {
            let value = *p.get_ref();
            u32::try_from(value)
                .ok()
                .filter(|v| *v <= 100)
                .ok_or_else(|| cx.at(&p.span(), K::QuotaOutOfRange { value }))?
        }
    };
    Ok(Quota {
        percent,
        soft: raw.soft.unwrap_or(default.soft),
    })
}

fn units(
    cx: &Ctx,
    raw: Option<SpannedList<RawUnit>>,
    meetings: &[MeetingDef],
) -> Result<Vec<Unit>> {
    let Some(list) = raw else {
        return Err(cx.error(0, K::NoUnits));
    };
    if list.get_ref().is_empty() {
        return Err(cx.at(&list.span(), K::NoUnits));
    }
    let mut out: Vec<Unit> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for u in list.into_inner() {
        let u = u.into_inner();
        let name_span = u.name.span();
        // The name first, so that a duplicate is reported before any
        // problem further down in the same unit.
        let unit_name = name(cx, &u.name, NameField::Unit)?;
        if let Some(i) = out.iter().position(|x| same(&x.name, &unit_name)) {
            let kind = K::DuplicateUnit {
                name: unit_name,
                first_line: lines[i],
            };
            return Err(cx.at(&name_span, kind));
        }
        lines.push(cx.line(&name_span));
        out.push(unit(cx, u, meetings)?);
    }
    Ok(out)
}

fn unit(cx: &Ctx, raw: RawUnit, defined: &[MeetingDef]) -> Result<Unit> {
    let name = name(cx, &raw.name, NameField::Unit)?;
    let name_span = raw.name.span();
    let kind = match keyword(raw.kind.get_ref()).as_str() {
        "村" | "village" => UnitKind::Village,
        "社区" | "community" => UnitKind::Community,
        _ => {
            let value = raw.kind.get_ref().trim().to_string();
            return Err(cx.at(&raw.kind.span(), K::UnknownUnitKind { value }));
        }
    };
    // The meetings held, each with where it was written (if it was).
    let held: Vec<(MeetingKind, Range<usize>)> = match &raw.meetings {
        None => defined
            .iter()
            .map(|m| (m.kind, name_span.clone()))
            .collect(),
        Some(list) => unit_meetings(cx, list, defined, &name)?,
    };
    let work_group = work_group(cx, raw.work_group)?;
    let subjects = subjects(cx, raw.subjects, &name, &name_span)?;
    for (meeting, span) in &held {
        if !subjects.iter().any(|s| meeting.evaluates(s.role)) {
            let unit = name.clone();
            let kind = match meeting {
                MeetingKind::PartyBuildingReview => K::NoSecretaryForReview { unit },
                MeetingKind::AnnualReview => K::NobodyOnBallot { unit },
            };
            return Err(cx.at(span, kind));
        }
    }
    // In the order of [[meetings]], whatever order the unit lists them in.
    let meetings = defined
        .iter()
        .map(|m| m.kind)
        .filter(|k| held.iter().any(|(h, _)| h == k))
        .collect();
    Ok(Unit {
        name,
        kind,
        work_group,
        subjects,
        meetings,
    })
}

fn unit_meetings(
    cx: &Ctx,
    list: &SpannedList<String>,
    defined: &[MeetingDef],
    unit: &str,
) -> Result<Vec<(MeetingKind, Range<usize>)>> {
    if list.get_ref().is_empty() {
        let unit = unit.to_string();
        return Err(cx.at(&list.span(), K::UnitWithoutMeetings { unit }));
    }
    let mut held: Vec<(MeetingKind, Range<usize>)> = Vec::new();
    for entry in list.get_ref() {
        let kind = meeting_kind(cx, entry)?;
        if let Some((_, first)) = held.iter().find(|(k, _)| *k == kind) {
            let first_line = cx.line(first);
            return Err(cx.at(&entry.span(), K::DuplicateMeeting { kind, first_line }));
        }
        if !defined.iter().any(|m| m.kind == kind) {
            return Err(cx.at(&entry.span(), K::MeetingNotDefined { kind }));
        }
        held.push((kind, entry.span()));
    }
    Ok(held)
}

fn work_group(cx: &Ctx, raw: RawWorkGroup) -> Result<WorkGroup> {
    let lead = name(cx, &raw.lead, NameField::Lead)?;
    let liaison = name(cx, &raw.liaison, NameField::Liaison)?;
    let mut members: Vec<String> = Vec::new();
    for m in &raw.members {
        let member = name(cx, m, NameField::Member)?;
        if members.iter().any(|m| same(m, &member)) {
            return Err(cx.at(&m.span(), K::DuplicateMember { name: member }));
        }
        members.push(member);
    }
    Ok(WorkGroup {
        lead,
        liaison,
        members,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_ratio;
    use crate::domain::Ratio;

    #[test]
    fn ratios() {
        assert_eq!(parse_ratio("2/3"), Some(Ratio::new(2, 3)));
        assert_eq!(parse_ratio(" 1 / 2 "), Some(Ratio::new(1, 2)));
        assert_eq!(parse_ratio("1／3"), Some(Ratio::new(1, 3)));
        assert_eq!(parse_ratio("1/1"), Some(Ratio::new(1, 1)));
        assert_eq!(parse_ratio("0/5"), Some(Ratio::new(0, 5)));
        for bad in [
            "2/0",
            "abc",
            "3/2",
            "",
            "1/",
            "/2",
            "+1/2",
            "-1/2",
            "0.5",
            "1/2/3",
            "99999999999/1",
        ] {
            assert_eq!(parse_ratio(bad), None, "{bad}");
        }
    }
}
