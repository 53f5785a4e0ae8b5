//! The campaign definition (考核方案): units, their rosters, the meetings
//! they hold with each meeting's grade scale, and the rules.
//!
//! The types here are what the `CampaignDefined` event carries; they are
//! built from TOML by `crate::campaign_toml` and validated there.

use serde::{Deserialize, Serialize};

/// The whole campaign: one sub-district's annual review of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub title: String,
    pub year: i32,
    /// The meeting kinds in use, each with its scale (at most one per kind).
    pub meetings: Vec<MeetingDef>,
    pub rules: Rules,
    /// The villages and communities, in the order the street lists them.
    pub units: Vec<Unit>,
}

/// 村 or 社区.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 村
    Village,
    /// 社区
    Community,
}

impl UnitKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            UnitKind::Village => "村",
            UnitKind::Community => "社区",
        }
    }
}

/// 考核工作组: the street's work group assigned to one unit.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WorkGroup {
    /// 第一责任人
    pub lead: String,
    /// 联络员: the person at the meeting laptop.
    pub liaison: String,
    pub members: Vec<String>,
}

/// A village or community under review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    pub work_group: WorkGroup,
    /// The people reviewed, in ballot order.
    pub subjects: Vec<Subject>,
    /// The meetings this unit holds.
    pub meetings: Vec<MeetingKind>,
}

impl Unit {
    /// The 职务 printed for `name`, on a ballot line of `role`: the
    /// person's post as written, else (someone no longer on the roster,
    /// or in another role) the category word.
    pub fn post(&self, name: &str, role: Role) -> &str {
        self.subjects
            .iter()
            .find(|s| s.name == name && s.role == role)
            .map_or(role.label_zh(), Subject::post)
    }

    /// The subjects graded at `meeting`, in ballot order.
    pub fn subjects_for(&self, meeting: MeetingKind) -> impl Iterator<Item = &Subject> {
        self.subjects
            .iter()
            .filter(move |s| meeting.evaluates(s.role))
    }
}

/// Role of a reviewed person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 党组织书记
    PartySecretary,
    /// 两委成员 (other than the secretary)
    CommitteeMember,
    /// 驻村工作队队长
    WorkTeamLeader,
    /// 驻村工作队队员
    WorkTeamMember,
}

impl Role {
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::PartySecretary => "党组织书记",
            Role::CommitteeMember => "两委成员",
            Role::WorkTeamLeader => "工作队队长",
            Role::WorkTeamMember => "工作队队员",
        }
    }
}

/// 口头述职 or 书面述职.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportMode {
    Oral,
    Written,
}

/// A person under review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    pub name: String,
    pub role: Role,
    pub report: ReportMode,
    /// The post as the office wrote it (职务: 村委会主任, 驻村工作队员),
    /// printed in the 职务 column; `None` when the category word itself
    /// was written. Absent from files written before posts were kept, and
    /// not written when `None`, so their events read and hash as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Subject {
    /// The 职务 as printed: the post as written, else the category word.
    pub fn post(&self) -> &str {
        self.title.as_deref().unwrap_or(self.role.label_zh())
    }
}

/// The two meeting kinds of the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// 述职测评大会: every 两委 member and the work-team leader are graded.
    AnnualReview,
    /// 党组织书记抓基层党建述职评议 ("下述下评"): the Party secretary is graded.
    PartyBuildingReview,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 2] = [MeetingKind::AnnualReview, MeetingKind::PartyBuildingReview];

    /// The key used in TOML, JSON and the CLI.
    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::AnnualReview => "annual_review",
            MeetingKind::PartyBuildingReview => "party_building_review",
        }
    }

    pub fn from_key(key: &str) -> Option<MeetingKind> {
        MeetingKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            MeetingKind::AnnualReview => "述职测评大会",
            MeetingKind::PartyBuildingReview => "抓基层党建述职评议",
        }
    }

    /// Who is on this meeting's ballot (notice, 三(一)2(1) and 三(二)2).
    pub fn evaluates(self, role: Role) -> bool {
        match self {
            MeetingKind::AnnualReview => matches!(
                role,
                Role::PartySecretary | Role::CommitteeMember | Role::WorkTeamLeader
            ),
            MeetingKind::PartyBuildingReview => role == Role::PartySecretary,
        }
    }

    /// The scale the notice prescribes for this meeting.
    pub fn default_scale(self) -> Scale {
        let grades: &[&str] = match self {
            MeetingKind::AnnualReview => &["优秀", "称职", "基本称职", "不称职"],
            MeetingKind::PartyBuildingReview => &["好", "较好", "一般", "差"],
        };
        Scale {
            grades: grades.iter().map(|g| g.to_string()).collect(),
        }
    }
}

/// How one meeting kind is run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDef {
    pub kind: MeetingKind,
    pub scale: Scale,
    /// Speaking time for each oral report, in minutes.
    pub speaker_minutes: u32,
}

/// A grade scale, best grade first (优秀 … 不称职, or 好 … 差).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub grades: Vec<String>,
}

impl Scale {
    pub fn len(&self) -> usize {
        self.grades.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grades.is_empty()
    }
}

/// An exact fraction, used for the 2/3 and 1/3 flags so that comparisons
/// never suffer from floating-point rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub num: u32,
    pub den: u32,
}

impl Ratio {
    pub const fn new(num: u32, den: u32) -> Ratio {
        Ratio { num, den }
    }

    /// `count / total > self`, exactly.
    pub fn exceeds_share(self, count: u64, total: u64) -> bool {
        count * u64::from(self.den) > total * u64::from(self.num)
    }

    /// `count / total < self`, exactly.
    pub fn below_share(self, count: u64, total: u64) -> bool {
        count * u64::from(self.den) < total * u64::from(self.num)
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// The rules: the seed's quotas (requirements) and common-practice
/// defaults from domain.md (configurable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// 实到 must be more than this share of 应到 (default: more than half).
    pub quorum: Ratio,
    /// Most top grades (优秀/好) one ballot may give; over it the ballot is
    /// void (废票). `None`: no limit.
    pub max_top_grades_per_ballot: Option<u32>,
    /// Flag a subject whose two best grades are below this share of valid
    /// marks (default 2/3: 诫勉谈话 warning).
    pub warn_top_two_below: Ratio,
    /// Flag a subject whose lowest grade is above this share of valid marks
    /// (default 1/3: rated 不称职 after review).
    pub flag_lowest_above: Ratio,
    pub quotas: Quotas,
    /// The notice's deadlines (configurable per campaign).
    #[serde(default)]
    pub deadlines: Deadlines,
    /// Weight in percent of the review meeting's result in the suggested
    /// combined evaluation (附件6); the investigation has the rest.
    #[serde(default = "default_review_weight")]
    pub combined_review_weight: u32,
    /// When a round's counts are plausible but unusual enough that the
    /// liaison must acknowledge them before the round closes.
    #[serde(default)]
    pub warnings: WarningThresholds,
    /// What the rates (and the flags about them) divide by.
    #[serde(default)]
    pub rate_base: RateBase,
}

/// The denominator of 优秀率 and 称职及以上率 (`[rules] rate_base`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateBase {
    /// The marks that give a grade: 弃权 and 无效 left out (the default).
    #[default]
    Graded,
    /// Every valid ballot: 弃权 and 无效 count in the denominator.
    Valid,
}

/// Thresholds of the counting warnings (提示), in whole percent of 收回 or
/// 发出; see `crate::domain::checks`. Defaults from common practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WarningThresholds {
    /// 收回 below 发出 by this share or more (default 2 %).
    pub returned_short_percent: u32,
    /// 空白票 at this share of 收回 or more (default 3 %).
    pub blank_percent: u32,
    /// 废票 at this share of 收回 or more (default 3 %).
    pub invalid_percent: u32,
}

impl Default for WarningThresholds {
    fn default() -> Self {
        WarningThresholds {
            returned_short_percent: 2,
            blank_percent: 3,
            invalid_percent: 3,
        }
    }
}

fn default_review_weight() -> u32 {
    50
}

/// The deadlines of the notice (四、2 and 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// 抓基层党建述职报告: 2022-01-14.
    pub party_building_reports: chrono::NaiveDate,
    /// 村(社区)述职报告、考核登记表、附件4: 2022-01-17.
    pub village_reports: chrono::NaiveDate,
    /// 附件6 综合评价 and 附件7 整改清单: 2022-01-21.
    pub combined_evaluation: chrono::NaiveDate,
}

impl Default for Deadlines {
    fn default() -> Self {
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2022, m, day).expect("valid date");
        Deadlines {
            party_building_reports: d(1, 14),
            village_reports: d(1, 17),
            combined_evaluation: d(1, 21),
        }
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            quorum: Ratio::new(1, 2),
            max_top_grades_per_ballot: None,
            warn_top_two_below: Ratio::new(2, 3),
            flag_lowest_above: Ratio::new(1, 3),
            quotas: Quotas::default(),
            deadlines: Deadlines::default(),
            combined_review_weight: default_review_weight(),
            warnings: WarningThresholds::default(),
            rate_base: RateBase::default(),
        }
    }
}

/// A cap on the share of a group that may receive the top final grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    /// 0..=100.
    pub percent: u32,
    /// A soft quota ("原则上") may be exceeded with a recorded justification.
    pub soft: bool,
}

impl Quota {
    /// How many of `group_size` may get the top grade: the floor of the
    /// percentage of the group's size (stated on screen and in the README).
    pub fn allowed(self, group_size: usize) -> usize {
        group_size * self.percent as usize / 100
    }
}

/// The four quotas of the notice (三(一)2(3)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    /// 一类 units: at most 50 % of the street's villages and communities.
    pub first_class_units: Quota,
    /// 优秀 Party secretaries: at most 40 %.
    pub excellent_secretaries: Quota,
    /// 优秀 village cadres: "原则上" at most 30 % (soft).
    pub excellent_cadres: Quota,
    /// 优秀 work teams: at most 40 %.
    pub excellent_work_teams: Quota,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            first_class_units: Quota {
                percent: 50,
                soft: false,
            },
            excellent_secretaries: Quota {
                percent: 40,
                soft: false,
            },
            excellent_cadres: Quota {
                percent: 30,
                soft: true,
            },
            excellent_work_teams: Quota {
                percent: 40,
                soft: false,
            },
        }
    }
}

impl Campaign {
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    pub fn meeting(&self, kind: MeetingKind) -> Option<&MeetingDef> {
        self.meetings.iter().find(|m| m.kind == kind)
    }

    /// [`Unit::post`] of `unit`'s `name`; the category word for a unit
    /// the campaign does not have.
    pub fn post(&self, unit: &str, name: &str, role: Role) -> &str {
        self.unit(unit)
            .map_or(role.label_zh(), |u| u.post(name, role))
    }

    pub fn subject_count(&self) -> usize {
        self.units.iter().map(|u| u.subjects.len()).sum()
    }
}
