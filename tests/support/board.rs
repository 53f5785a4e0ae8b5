//! The grading board (评定等次) as a test reads it: a row of its table,
//! and the sentences of its quotas.
#![allow(dead_code)]

use ceping::domain::grading::Group;
use ceping::i18n::Lang;
use ratatui::backend::TestBackend;

use super::app::{rows, screen};
use super::zh_en;

/// The board row (table line) showing `name`; panics with the screen if
/// there is none.
pub fn board_row(b: &TestBackend, name: &str) -> String {
    rows(b.buffer())
        .into_iter()
        .find(|r| r.starts_with('│') && r.contains(&format!(" {name} ")))
        .unwrap_or_else(|| panic!("{name} not on the board:\n{}", screen(b)))
}

/// The refusal when a quota is used up: `allowed` of `label` given, the
/// quota being `percent` of the `size` members of `group` (named: "4 个单位
/// 的 50%").
pub fn quota_full(
    l: Lang,
    group: Group,
    label: &str,
    allowed: usize,
    size: usize,
    percent: u32,
) -> String {
    let (zh, en) = group_words(group);
    match l {
        Lang::Zh => format!(
            "名额已满：{label}最多 {allowed} 个，已经评了 {allowed} 个（{size} {zh}的 {percent}%，向下取整）。请先改掉一个。"
        ),
        Lang::En => format!(
            "Quota full: at most {allowed} {label}, {allowed} already given ({percent}% of {size} {en}, rounded down). Change one first."
        ),
    }
}

/// How the quota sentences name a group's members, in Chinese and English.
fn group_words(group: Group) -> (&'static str, &'static str) {
    match group {
        Group::Units => ("个单位", "units"),
        Group::Secretaries => ("名党组织书记", "secretaries"),
        Group::Cadres => ("名村（社区）干部", "cadres"),
        Group::WorkTeams => ("个工作队", "work teams"),
    }
}

/// The quota counter above the table: `used` of at most `allowed` of
/// `label`, the quota being `percent` of `size` members of `group` (named:
/// "4 个单位的 50%").
pub fn counter(
    l: Lang,
    group: Group,
    label: &str,
    used: usize,
    allowed: usize,
    size: usize,
    percent: u32,
) -> String {
    let (zh, en) = group_words(group);
    match l {
        Lang::Zh => {
            format!("{label} {used} 个，最多 {allowed} 个（{size} {zh}的 {percent}%，向下取整）")
        }
        Lang::En => {
            format!(
                "{label}: {used} of at most {allowed} ({percent}% of {size} {en}, rounded down)"
            )
        }
    }
}

/// The cross-rule's refusal: a secretary whose combined evaluation is not
/// 好 cannot be graded 优秀.
pub fn not_good(l: Lang) -> &'static str {
    zh_en(
        l,
        "述职评议综合评价未达到“好”的党组织书记，年度考核不得评为“优秀”。请先确定综合评价。",
        "A secretary whose combined evaluation is not 好 cannot be graded 优秀. Set the combined evaluation first.",
    )
}
