//! How two campaigns differ, rosters aside: the sentence a merge of two
//! different campaigns is refused with.

use crate::domain::{Campaign, MeetingDef, Unit};
use crate::i18n::tr;

/// How `b` differs from `a`, rosters (the units' people) aside.
pub(super) fn campaign_difference(a: &Campaign, b: &Campaign) -> Option<String> {
    if a.title != b.title {
        return Some(tr(
            format!("标题“{}”与“{}”", b.title, a.title),
            format!("the title \"{}\" against \"{}\"", b.title, a.title),
        ));
    }
    if a.year != b.year {
        return Some(tr(
            format!("年度 {} 与 {}", b.year, a.year),
            format!("the year {} against {}", b.year, a.year),
        ));
    }
    if a.meetings != b.meetings {
        return Some(meetings_difference(&a.meetings, &b.meetings));
    }
    if a.rules != b.rules {
        return Some(tr(
            "规则（法定人数、标记界线或名额）不同",
            "the rules (quorum, flags or quotas) differ",
        ));
    }
    let names = |c: &Campaign| c.units.iter().map(|u| u.name.clone()).collect::<Vec<_>>();
    if names(a) != names(b) {
        let (na, nb) = (names(a), names(b));
        return Some(tr(
            format!("单位（{}）与（{}）", nb.join("、"), na.join("、")),
            format!("the units ({}) against ({})", nb.join(", "), na.join(", ")),
        ));
    }
    let frame = |u: &Unit| Unit {
        subjects: Vec::new(),
        ..u.clone()
    };
    let unit = a
        .units
        .iter()
        .zip(&b.units)
        .find(|(ua, ub)| frame(ua) != frame(ub))?;
    Some(tr(
        format!("{} 的设置（类别、工作组或召开的会议）不同", unit.0.name),
        format!(
            "the settings of {} (kind, work group or meetings held) differ",
            unit.0.name
        ),
    ))
}

fn meetings_difference(a: &[MeetingDef], b: &[MeetingDef]) -> String {
    let label = |m: &MeetingDef| tr(m.kind.label_zh(), m.kind.key());
    let grades = |m: &MeetingDef, sep: &str| m.scale.grades.join(sep);
    for ma in a {
        match b.iter().find(|mb| mb.kind == ma.kind) {
            None => {
                return tr(
                    format!("没有{}", ma.kind.label_zh()),
                    format!("it has no {} meeting", ma.kind.key()),
                );
            }
            Some(mb) if mb.scale != ma.scale => {
                return tr(
                    format!(
                        "{}的等次表（{}）与（{}）",
                        label(ma),
                        grades(mb, "、"),
                        grades(ma, "、")
                    ),
                    format!(
                        "the scale of the {} meeting ({}) against ({})",
                        label(ma),
                        grades(mb, ", "),
                        grades(ma, ", ")
                    ),
                );
            }
            Some(mb) if mb.speaker_minutes != ma.speaker_minutes => {
                return tr(
                    format!(
                        "{}的发言时间 {} 分钟与 {} 分钟",
                        label(ma),
                        mb.speaker_minutes,
                        ma.speaker_minutes
                    ),
                    format!(
                        "the speaking time of the {} meeting, {} minutes against {}",
                        label(ma),
                        mb.speaker_minutes,
                        ma.speaker_minutes
                    ),
                );
            }
            Some(_) => {}
        }
    }
    tr("会议的种类或顺序不同", "the meetings or their order differ")
}
