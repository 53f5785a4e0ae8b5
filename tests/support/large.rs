//! The large benchmark campaign, shared by the benchmarks: 20 units of 10
//! people each (200 subjects), both meetings, and every unit's annual
//! review keyed up to counting with 500 ballots (10,000 in all), through
//! the store as the meeting laptop would (one durable commit each).
//! Deterministic: every run keys the same ballots.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use ceping::domain::{
    BallotContent, Campaign, Mark, MeetingDef, MeetingKind, ReportMode, Role, Rules, Subject, Unit,
    UnitKind, WorkGroup,
};
use ceping::store::{Session, Store};

use super::Rng;
use super::meeting::{key, key_ballots_with, to_counting};

pub const BALLOTS_PER_UNIT: u32 = 500;

/// Invented unit names; the ones ending in 社区 are communities.
const UNITS: [&str; 20] = [
    "青石村",
    "柳溪村",
    "桃源村",
    "杨家湾村",
    "白沙村",
    "黄泥岗村",
    "东湖社区",
    "西街社区",
    "枫林村",
    "石桥村",
    "梅岭村",
    "荷塘村",
    "新华社区",
    "长岗村",
    "竹园村",
    "马鞍山村",
    "金港社区",
    "双河村",
    "莲花社区",
    "泉水村",
];

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃戴莫孔向汤";
const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红海燕春晓峰宏波辉鹏飞玲丹萍鑫斌宇浩凯健俊帆旭宁德文武玉珍梅琳雪松林荣昌盛新福贵";

/// Unique invented names of 2 or 3 characters.
pub struct Names {
    rng: Rng,
    used: HashSet<String>,
    surnames: Vec<char>,
    given: Vec<char>,
}

impl Names {
    fn new() -> Names {
        Names {
            rng: Rng(0x5eed_1234_abcd_0042),
            used: HashSet::new(),
            surnames: SURNAMES.chars().collect(),
            given: GIVEN.chars().collect(),
        }
    }

    fn next(&mut self) -> String {
        loop {
            let mut name = String::new();
            name.push(self.surnames[self.rng.below(self.surnames.len() as u64) as usize]);
            let given = if self.rng.below(3) == 0 { 1 } else { 2 };
            for _ in 0..given {
                name.push(self.given[self.rng.below(self.given.len() as u64) as usize]);
            }
            if self.used.insert(name.clone()) {
                return name;
            }
        }
    }
}

/// The large campaign: 20 units of 10 people each, both meetings.
pub fn large_campaign() -> Campaign {
    let mut names = Names::new();
    let units = UNITS
        .iter()
        .map(|&name| {
            let mut subjects = vec![Subject {
                name: names.next(),
                role: Role::PartySecretary,
                report: ReportMode::Oral,
                title: None,
            }];
            for _ in 0..7 {
                subjects.push(Subject {
                    name: names.next(),
                    role: Role::CommitteeMember,
                    report: ReportMode::Written,
                    title: None,
                });
            }
            subjects.push(Subject {
                name: names.next(),
                role: Role::WorkTeamLeader,
                report: ReportMode::Oral,
                title: None,
            });
            subjects.push(Subject {
                name: names.next(),
                role: Role::WorkTeamMember,
                report: ReportMode::Written,
                title: None,
            });
            Unit {
                name: name.to_string(),
                kind: if name.ends_with("社区") {
                    UnitKind::Community
                } else {
                    UnitKind::Village
                },
                work_group: WorkGroup {
                    lead: names.next(),
                    liaison: names.next(),
                    members: vec![names.next(), names.next()],
                },
                subjects,
                meetings: MeetingKind::ALL.to_vec(),
            }
        })
        .collect();
    Campaign {
        title: "青山街道2021年度对村(社区)年度考核（基准测试）".into(),
        year: 2021,
        meetings: vec![
            MeetingDef {
                kind: MeetingKind::AnnualReview,
                scale: MeetingKind::AnnualReview.default_scale(),
                speaker_minutes: 10,
            },
            MeetingDef {
                kind: MeetingKind::PartyBuildingReview,
                scale: MeetingKind::PartyBuildingReview.default_scale(),
                speaker_minutes: 8,
            },
        ],
        rules: Rules::default(),
        units,
    }
}

/// One ballot's content. Most people get mostly 优秀/称职; in some units one
/// person does badly enough to raise the 2/3 warning or the 1/3 flag, so
/// the warnings list is drawn too. About 1.5 % blank and 1 % invalid
/// ballots, and some abstentions and void marks.
pub fn ballot(rng: &mut Rng, unit: usize, lines: usize) -> BallotContent {
    match rng.below(1000) {
        0..15 => return BallotContent::Blank,
        15..25 => return BallotContent::Invalid,
        _ => {}
    }
    let marks = (0..lines)
        .map(|line| {
            // Cumulative per mille for grades 0..3, then abstain; rest void.
            let cut: [u64; 5] = if unit % 5 == 3 && line == 4 {
                [150, 500, 700, 950, 980] // top two 50 %: below 2/3
            } else if unit % 7 == 5 && line == 6 {
                [100, 300, 550, 950, 980] // lowest 40 %: above 1/3
            } else {
                [620, 900, 960, 980, 993]
            };
            let r = rng.below(1000);
            match cut.iter().position(|&c| r < c) {
                Some(g @ 0..=3) => Mark::Grade(g as u8),
                Some(_) => Mark::Abstain,
                None => Mark::Void,
            }
        })
        .collect();
    BallotContent::Marks(marks)
}

/// Create the campaign file and key every unit's annual review up to
/// counting, with 500 ballots each.
pub fn build(path: &Path) -> Session {
    let campaign = large_campaign();
    assert_eq!(campaign.units.len(), 20);
    assert_eq!(campaign.subject_count(), 200);
    let mut session = Store::create(path, &campaign).unwrap();
    let mut rng = Rng(0x00c0_ffee_d00d_2021);
    for (u, unit) in campaign.units.iter().enumerate() {
        let round = key(&unit.name, MeetingKind::AnnualReview, 1);
        let n = BALLOTS_PER_UNIT;
        to_counting(&mut session, &round, [520, n, n, n]);
        key_ballots_with(&mut session, &round, n, |_, lines| {
            ballot(&mut rng, u, lines)
        });
    }
    session
}
