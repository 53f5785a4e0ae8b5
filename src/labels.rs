//! Labels: the words for the domain's things (agenda steps, meetings,
//! roles, timer states, levels, needs, warnings, a round's history), shared
//! by the screens, the projector, the exports and `app`. Plain strings from
//! the catalogue, no styles and no terminal: this module may import
//! `catalog`, `domain`, `i18n` and `text`, never `app`, `ui`, `export` or
//! `store`.

use crate::catalog::{Msg, t};
use crate::domain::needs::Need;
use crate::domain::{AgendaStep, MeetingKey, MeetingKind};

/// A meeting's full name (述职测评大会 / Annual review).
pub fn meeting_name(kind: MeetingKind) -> &'static str {
    t(Msg::from(kind))
}

/// A meeting's short name, for narrow columns (述职测评 / Review).
pub fn meeting_short(kind: MeetingKind) -> &'static str {
    t(match kind {
        MeetingKind::AnnualReview => Msg::AnnualReviewShort,
        MeetingKind::PartyBuildingReview => Msg::PartyBuildingReviewShort,
    })
}

/// An agenda step's name, with the speaker for an oral report.
pub fn step_name(step: &AgendaStep) -> String {
    match step {
        AgendaStep::RollCall => t(Msg::StepRollCall).into(),
        AgendaStep::OralReport { subject } => Msg::StepOralReport.fill(&[subject]),
        AgendaStep::WrittenReports => t(Msg::StepWrittenReports).into(),
        AgendaStep::IssueBallots => t(Msg::StepIssue).into(),
        AgendaStep::CollectBallots => t(Msg::StepCollect).into(),
        AgendaStep::Counting => t(Msg::StepCounting).into(),
        AgendaStep::Results => t(Msg::StepResults).into(),
        AgendaStep::Close => t(Msg::StepClose).into(),
    }
}

/// mm:ss of a millisecond count (absolute value).
pub fn clock(ms: i64) -> String {
    let s = ms.unsigned_abs() / 1000;
    format!("{:02}:{:02}", s / 60, s % 60)
}

/// A countdown as `mm:ss`, by the same rule as the time used: whole
/// seconds spoken, rounded down, so that what is left and what was used
/// always add up to the limit (09:58 left with 00:02 used). Negative
/// (overtime) shows the seconds past the limit.
pub fn countdown(remaining_ms: i64) -> String {
    if remaining_ms > 0 {
        clock((remaining_ms + 999) / 1000 * 1000)
    } else {
        clock(remaining_ms)
    }
}

/// The role of `subject` in the meeting's unit, as a label ([`post`]);
/// empty for someone not on the unit's roster.
pub fn role_label<'a>(model: &'a crate::domain::Model, key: &MeetingKey, subject: &str) -> &'a str {
    model
        .campaign
        .unit(&key.unit)
        .and_then(|u| u.subjects.iter().find(|s| s.name == subject))
        .map_or("", |s| post(s.title.as_deref(), s.role))
}

/// A person's 职务 on screen: in Chinese the post as the office wrote it
/// (村委会主任), else the category; in English the category (the post is
/// the office's Chinese word, not the program's).
pub fn post(title: Option<&str>, role: crate::domain::Role) -> &str {
    match (title, crate::i18n::lang()) {
        (Some(title), crate::i18n::Lang::Zh) => title,
        _ => t(Msg::from(role)),
    }
}

/// Where a speaker timer stands, as a label ("已结束，用时 06:10" and the
/// like).
pub fn timer_state(speech: &crate::domain::Speech, used_ms: i64) -> String {
    if speech.finished {
        Msg::TimerDone.fill(&[&clock(used_ms)])
    } else if speech.running_since.is_some() {
        t(Msg::TimerRunning).into()
    } else if speech.started() {
        t(Msg::TimerPaused).into()
    } else {
        t(Msg::TimerIdle).into()
    }
}

/// The sentence for a need of the agenda.
pub fn need_text(need: &Need) -> String {
    match need {
        Need::RollCall => t(Msg::NeedRollCall).into(),
        Need::Quorum {
            present,
            expected,
            quorum,
        } => Msg::NeedQuorum.fill(&[present, expected, quorum]),
        Need::Timer(s) => Msg::NeedTimer.fill(&[s]),
        Need::Written(n) => Msg::NeedWritten.fill(&[n]),
        Need::Issued => t(Msg::NeedIssued).into(),
        Need::Returned => t(Msg::NeedReturned).into(),
        Need::ReturnedOverIssued { returned, issued } => {
            Msg::NeedMoreReturnedThanIssued.fill(&[returned, issued])
        }
        Need::Entered { entered, returned } => Msg::NeedEntered.fill(&[entered, returned]),
        Need::SheetPass(p) => Msg::NeedSheetPass.fill(&[p]),
        Need::SheetDiff(n) => Msg::NeedSheetDiff.fill(&[n]),
        Need::IssuedFirst => t(Msg::NeedIssuedFirst).into(),
        Need::Warning {
            warning,
            acknowledged,
        } => {
            let hint = t(if *acknowledged {
                Msg::WarnAcked
            } else {
                Msg::WarnAckHint
            });
            format!("{}{hint}", warning_text(warning))
        }
    }
}

/// A reopened round's earlier closes, one sentence each, then what
/// changed after the latest reopening. Shared by the screen and exports.
pub fn history_lines(round: &crate::domain::Round) -> Vec<String> {
    let when = |at: Option<chrono::DateTime<chrono::FixedOffset>>| {
        at.map_or_else(
            || "-".to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    };
    let mut out = Vec::new();
    for (i, c) in round.history.iter().enumerate() {
        let Some(re) = &c.reopened else { continue };
        let short = crate::domain::round::short_fingerprint(&c.head);
        out.push(Msg::ReopenHistory.fill(&[
            &(i + 1),
            &when(c.closed_at),
            &short,
            &when(re.at),
            &re.reason,
        ]));
        let changes = changes_text(&re.changes);
        out.push(if changes.is_empty() {
            t(Msg::NoChangesAfter).to_string()
        } else {
            Msg::ChangesAfter.fill(&[&changes])
        });
    }
    out
}

/// What changed after a reopening, in one line ("更正第 3、7 号；收回 40 改为 41").
pub fn changes_text(c: &crate::domain::round::Changes) -> String {
    use crate::domain::round::CountField;
    let nums = |v: &[u32]| {
        v.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(t(Msg::ListSep))
    };
    let mut parts = Vec::new();
    for (list, msg) in [
        (&c.added, Msg::ChangedAdded),
        (&c.corrected, Msg::ChangedCorrected),
        (&c.withdrawn, Msg::ChangedWithdrawn),
        (&c.restored, Msg::ChangedRestored),
    ] {
        if !list.is_empty() {
            parts.push(msg.fill(&[&nums(list)]));
        }
    }
    for (field, before, after) in &c.counts {
        let label = t(match field {
            CountField::Expected => Msg::Expected,
            CountField::Present => Msg::Present,
            CountField::Issued => Msg::Issued,
            CountField::Returned => Msg::Returned,
        });
        let before = before.map_or_else(|| "-".to_string(), |b| b.to_string());
        parts.push(Msg::ChangedCount.fill(&[&label, &before, after]));
    }
    if c.sheet {
        parts.push(t(Msg::ChangedSheet).into());
    }
    if c.ballots_discarded {
        parts.push(t(Msg::ChangedBallotsDiscarded).into());
    }
    parts.join(t(Msg::PartSep))
}

/// The sentence of a counting warning, without the acknowledgement hint.
pub fn warning_text(w: &crate::domain::CountWarning) -> String {
    use crate::domain::CountWarning as W;
    match w {
        W::PresentOverExpected { present, expected } => {
            Msg::WarnPresentOverExpected.fill(&[present, expected])
        }
        W::IssuedOverPresent { issued, present } => {
            Msg::WarnIssuedOverPresent.fill(&[issued, present])
        }
        W::ReturnedShort {
            returned,
            issued,
            percent,
        } => Msg::WarnReturnedShort.fill(&[returned, issued, &(issued - returned), percent]),
        W::NoBallots => t(Msg::WarnNoBallots).into(),
        W::ManyBlank {
            blank,
            returned,
            percent,
        } => Msg::WarnManyBlank.fill(&[blank, returned, percent]),
        W::ManyInvalid {
            invalid,
            returned,
            percent,
        } => Msg::WarnManyInvalid.fill(&[invalid, returned, percent]),
    }
}

/// A combined-evaluation level (好/较好/一般/差) by its index; written in
/// Chinese in every language, as the office's forms (附件6) have it.
pub fn level_label(level: Option<u8>) -> Option<&'static str> {
    const LEVELS: [&str; 4] = ["好", "较好", "一般", "差"];
    level.and_then(|l| LEVELS.get(usize::from(l)).copied())
}

impl crate::domain::Model {
    /// The label of tally-sheet column `c` in the screen's language: a
    /// grade, 弃权 or 无效.
    pub fn column_label(&self, meeting: MeetingKind, c: usize) -> Option<String> {
        self.column(meeting, c)
            .map(|col| col.label(crate::i18n::lang()))
    }
}

/// A rate as the screens and the registration line print it: `68.2%`, or
/// `-` when nothing was graded.
pub fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "-".into())
}

/// The ballot grid's row keys: a letter per row, skipping the letters
/// that are keys of their own in ballot entry (r, u, w, x).
pub const ROW_KEYS: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 's', 't',
    'v', 'y', 'z',
];

/// Row `row`'s label, on the grid and on the paper forms beside 序号 (so
/// the keyer types what the paper shows): the first 22 rows a single
/// letter (a, b, c ... z), the next 22 the letter and `+` (a+, b+ ...),
/// the next the letter and `++` (a++ ...), and so on. A letter goes to
/// its row; each `+` after it to the next row with the same letter.
/// Letter and plus keep every label keyable without remembering the key
/// before: a doubled letter (aa) would make `b` mean one row or another
/// depending on what was pressed last.
pub fn row_label(row: usize) -> String {
    let mut label = String::from(ROW_KEYS[row % ROW_KEYS.len()]);
    label.extend(std::iter::repeat_n('+', row / ROW_KEYS.len()));
    label
}

/// Row `row`'s label (see [`row_label`]); every row has one.
pub fn row_key(row: usize) -> Option<String> {
    Some(row_label(row))
}

/// Why someone was absent from the roll call (请假 / 公出 / 其他).
pub fn absence_reason(reason: crate::domain::attendance::AbsenceReason) -> &'static str {
    use crate::domain::attendance::AbsenceReason;
    t(match reason {
        AbsenceReason::Leave => Msg::ReasonLeave,
        AbsenceReason::Business => Msg::ReasonBusiness,
        AbsenceReason::Other => Msg::ReasonOther,
    })
}

/// One absentee with the reason: "张三（请假）".
pub fn absentee_label(a: &crate::domain::attendance::Absentee) -> String {
    Msg::AbsenteeWithReason.fill(&[&a.name, &absence_reason(a.reason)])
}

/// A group's quota use in words, the group named with its size ("一类 1
/// 个，最多 2 个（4 个单位的 50%，向下取整）"): the grading board and the
/// 评定等次 sheets say it alike.
pub fn quota_text(
    model: &crate::domain::Model,
    group: crate::domain::grading::Group,
    lang: crate::i18n::Lang,
) -> String {
    let usage = model.grading.quota_use(&model.campaign, group);
    Msg::QuotaLineGroup.fill_in(
        lang,
        &[
            &group.grades()[0],
            &usage.used,
            &usage.allowed,
            &crate::catalog::group_size(group, usage.size, lang),
            &group.quota(&model.campaign).percent,
        ],
    )
}
