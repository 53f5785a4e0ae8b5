//! The campaign file's sentences (错误提示): each says what is wrong with
//! the file and what to do about it. The parser returns a
//! `CampaignErrorKind`; `src/campaign_toml/messages.rs` picks the
//! sentence and fills it in the language the caller names.
//!
//! Where an English sentence glosses a key with the Chinese word the file
//! also accepts (村, 下述下评 and the like), that word is an argument: it
//! is what the user may type, the same in either language.

catalog! {
    /// A file that cannot be read as TOML, or whose keys, values and types
    /// do not fit the campaign format.
    pub enum TomlText {
    Io => "无法读取考核方案文件（{0}）。请检查文件路径是否正确、文件是否存在并且可读。",
        "cannot read the campaign file ({0}). Check that the path is right and that the file exists and is readable.";
    // `{0}` the limit in MiB.
    TooLarge => "考核方案文件大于 {0} MiB，没有读取。考核方案通常只有几 KB 到几十 KB：请检查是否选错了文件（`ceping template` 可以生成一份示例）。",
        "the campaign file is larger than {0} MiB, so it was not read. A campaign file is usually a few kilobytes: check that you chose the right file (`ceping template` prints an example).";
    NotUtf8 => "文件不是 UTF-8 编码（可能是 GBK）。请用编辑器“另存为”UTF-8 编码后再试。",
        "the file is not UTF-8 (perhaps GBK). Save it again as UTF-8 in your editor and retry.";
    // `{0}` the plain reading (`Gloss`) or nothing, `{1}` the TOML
    // library's own words.
    Syntax => "TOML 格式有误{0}（{1}）。请对照 `ceping template` 的示例检查这里的引号、括号、逗号和等号（都用英文半角）。",
        "TOML syntax error{0} ({1}). Compare this spot with `ceping template` and check the quotes, brackets, commas and equals signs.";
    Gloss => "：{0}", ": {0}";
    // `{0}` the text as written, `{1}` without its curly quotes.
    UnquotedString => "文字 {0} 没有用英文双引号括起来。请改为 \"{1}\"。",
        "the text {0} is not in straight double quotes. Write \"{1}\" instead.";
    DuplicateKey => "“{0}”在同一个表里出现了两次。请删去多余的一处；要再加一个单位或被测评人，请另起一段 [[units]] 或 [[units.subjects]]。",
        "`{0}` appears twice in the same table. Delete the extra one; to add another unit or person, start a new [[units]] or [[units.subjects]] section.";
    NoKeyAllowed => "不认识的项“{0}”，这里不能写任何项。请删去它。",
        "unknown key `{0}`: nothing may be written here. Delete it.";
    // `{1}` the keys allowed, each in backticks, listed.
    UnknownKey => "不认识的项“{0}”。这里可以写的项有：{1}。请检查拼写，或删去这一项。",
        "unknown key `{0}`. Allowed here: {1}. Check the spelling or delete it.";
    MissingWorkGroup => "这个单位缺少考核工作组。请在这一段里补上 [units.work_group]，并写明 lead（第一责任人）和 liaison（联络员）。",
        "this unit has no work group. Add a [units.work_group] table to it with lead and liaison.";
    MissingKey => "缺少必填项“{0}”。请在这一段里补上 {0} = 值（写法见 `ceping template`）。",
        "the required key `{0}` is missing. Add `{0} = value` to this section (see `ceping template`).";
    // `{0}` the value as written, `{1}` what to write (`ValueText`).
    WrongType => "{0} 的类型不对。这里应填写：{1}。请照此修改。",
        "{0} has the wrong type: expected {1}. Change it accordingly.";
    NumberTooLarge => "数字 {0} 太大。请填写合理的数值（见 `ceping template` 的说明）。",
        "the number {0} is too large. Enter a sensible value (see `ceping template`).";
    Other => "考核方案有误（{0}）。请对照 `ceping template` 的示例修改这一处。",
        "the campaign file is invalid ({0}). Fix this spot following `ceping template`.";
    }
}

catalog! {
    /// A plain-language reading of the TOML library's most common
    /// complaints (inside `TomlText::Gloss`).
    pub enum GlossText {
    QuoteNotClosed => "引号没有配对", "a quote is not closed";
    KeyWithNoValue => "缺少等号“=”", "the equals sign is missing";
    MissingValue => "“=”后面缺少值", "a key has no value";
    MissingAssignment => "缺少等号“=”", "an equals sign is missing";
    MissingCommaInList => "列表的项之间缺少英文逗号“,”", "a comma is missing between list items";
    MissingCommaInBraces => "花括号里的项之间缺少英文逗号“,”", "a comma is missing inside the braces";
    UnquotedText => "文字要用英文双引号括起来", "text must be in double quotes";
    UnclosedArrayTable => "表头缺少“]]”", "a section header lacks its closing ]]";
    UnclosedArray => "列表缺少右方括号“]”", "a list lacks its closing ]";
    UnclosedInlineTable => "缺少右花括号“}”", "a closing } is missing";
    UnclosedTable => "表头缺少右方括号“]”", "a section header lacks its closing ]";
    ExtraContent => "这一行有多余的内容（每行只写一项）", "extra text on the line (one key per line)";
    BadKey => "项名只能用英文字母、数字、下划线和短横线", "keys may only use letters, digits, _ and -";
    LeadingZero => "数字不能以 0 开头", "numbers may not start with 0";
    }
}

catalog! {
    /// What a key expects, with an example (inside `TomlText::WrongType`).
    pub enum ValueText {
    String => "用英文双引号括起来的文字，例如 \"南塘村\"", "text in straight double quotes, e.g. \"Nantang\"";
    Integer => "整数，例如 10", "a whole number, e.g. 10";
    Boolean => "true 或 false", "true or false";
    Array => "用方括号括起来的列表，例如 [\"优秀\", \"称职\"]", "a list in square brackets, e.g. [\"A\", \"B\"]";
    Table => "一个表，例如 { percent = 50 }", "a table, e.g. { percent = 50 }";
    }
}

catalog! {
    /// The name or label a `FieldProblemText` sentence is about.
    pub enum FieldText {
    Title => "考核名称（title）", "the campaign title";
    Unit => "单位名称", "the unit name";
    Subject => "被测评人姓名", "the subject's name";
    Lead => "第一责任人（lead）姓名", "the work-group lead's name";
    Liaison => "联络员（liaison）姓名", "the liaison's name";
    Member => "工作组成员姓名", "the work-group member's name";
    Grade => "等次名称", "the grade label";
    Post => "职务（title）", "the post (title)";
    }
}

catalog! {
    /// An empty or unacceptable name or label: `{0}` the field
    /// (`FieldText`), `{1}` what is wrong with it.
    pub enum FieldProblemText {
    // An entry of a list (a member, a grade), which may simply be deleted.
    EmptyEntry => "{0}为空。请填写它，或删去这个空项。", "{0} is empty. Fill it in, or delete the empty entry.";
    Empty => "{0}为空。请填上{0}。", "{0} is empty. Fill it in.";
    Hidden => "{0}{1}。请删去它；编辑器里看不见时，把整个名字删掉重新输入。",
        "{0} {1}. Delete it; if your editor does not show it, delete the whole name and type it again.";
    Invisible => "{0}{1}。请重新输入{0}。", "{0} {1}. Type it in again.";
    LoneMark => "{0}{1}。请删去这个符号，或把它写在它所属的字后面。",
        "{0} {1}. Delete the mark, or put it right after the letter it belongs to.";
    TooLong => "{0}{1}。请改短，只写名字本身（职务、备注等不要写进名字）。",
        "{0} {1}. Shorten it: write only the name itself, without titles or notes.";
    PostTooLong => "{0}{1}。请改短，只写职务本身。", "{0} {1}. Shorten it to the post itself.";
    }
}

catalog! {
    /// The year, the meetings, the grade scale and the rules: a value out
    /// of range or a setting that cannot work.
    pub enum SettingText {
    YearOutOfRange => "年度 {0} 不在 2000 到 2100 之间。请填写考核的年度，例如 year = 2021。",
        "the year {0} is not between 2000 and 2100. Enter the year under review, e.g. year = 2021.";
    NoMeetings => "没有定义任何会议。请至少添加一段 [[meetings]]，例如 kind = \"annual_review\"。",
        "no meeting is defined. Add at least one [[meetings]] section, e.g. kind = \"annual_review\".";
    // `{1}` and `{2}` the Chinese names the file also accepts.
    UnknownMeeting => "不认识的会议类型“{0}”。请填写 \"annual_review\"（{1}）或 \"party_building_review\"（{2}）。",
        "unknown meeting kind `{0}`. Write \"annual_review\" ({1}) or \"party_building_review\" ({2}).";
    // `{0}` the meeting's key.
    DuplicateMeeting => "会议“{0}”重复（第 {1} 行已有）。每种会议只能写一次，请删去其中一个。",
        "the meeting `{0}` is listed twice (already on line {1}). Each meeting kind may appear only once: delete one of them.";
    MeetingNotDefined => "会议“{0}”没有在 [[meetings]] 中定义。请添加一段 [[meetings]] kind = \"{0}\"，或从本单位的 meetings 中删去它。",
        "the meeting `{0}` is not defined in [[meetings]]. Add a [[meetings]] section with kind = \"{0}\", or remove it from this unit's meetings.";
    SpeakerMinutesOutOfRange => "发言时间 {0} 分钟不在 1 到 120 之间。请改为 1 到 120 的整数，例如 speaker_minutes = 10。",
        "a speaking time of {0} minutes is not between 1 and 120. Enter a whole number from 1 to 120, e.g. speaker_minutes = 10.";
    EmptyScale => "等次列表是空的。请从好到差列出等次，例如 scale = [\"优秀\", \"称职\", \"基本称职\", \"不称职\"]，或删去 scale 这一行以使用默认等次。",
        "the grade scale is empty. List the grades best first, e.g. scale = [\"优秀\", \"称职\", \"基本称职\", \"不称职\"], or delete the scale line to use the default.";
    ScaleSize => "等次列表有 {0} 个等次，应为 2 到 9 个（录入时用数字键 1-9 选等次）。请增减等次。",
        "the grade scale has {0} grade(s); it needs 2 to 9 (the keys 1-9 pick a grade). Add or remove grades.";
    DuplicateGrade => "等次“{0}”重复（第 {1} 个等次已是它）。请删去重复的一个，或改用不同的名称。",
        "the grade `{0}` appears twice (it is already grade {1}). Delete one or rename it.";
    BadRatio => "比例“{0}”写法不对。请写成带英文双引号的分数“分子/分母”，分母不为 0，且不大于 1，例如 \"2/3\"。",
        "the ratio `{0}` is not valid. Write a fraction \"numerator/denominator\" in double quotes, with a non-zero denominator and at most 1, e.g. \"2/3\".";
    QuorumUnreachable => "到会比例“{0}”要求实到人数超过应到人数的全部，任何会议都达不到。请改为小于 1 的分数，例如 \"1/2\"（实到须过半数）。",
        "a quorum of `{0}` requires more than everyone to attend, which no meeting can reach. Use a fraction below 1, e.g. \"1/2\" (more than half).";
    MaxTopGradesOutOfRange => "每张票最多可给的最高等次数 {0} 无效。请改为 1 或更大的整数；不限制时请删去这一行。",
        "{0} is not a valid limit of top grades per ballot. Use a whole number of 1 or more, or delete the line for no limit.";
    BadDate => "“{0}”不是日期。请写成带引号的 年-月-日，例如 \"2022-01-17\"。",
        "\"{0}\" is not a date. Write it quoted as year-month-day, e.g. \"2022-01-17\".";
    WeightOutOfRange => "权重 {0} 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 combined_review_weight = 50。",
        "the weight {0} is not between 0 and 100. Enter a whole number from 0 to 100, e.g. combined_review_weight = 50.";
    // `{0}` the key as written, `{1}` its value, `{2}` its default.
    WarningPercentOutOfRange => "提示阈值 {0} = {1} 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 {0} = {2}。",
        "the warning threshold {0} = {1} is not between 0 and 100. Enter a whole number from 0 to 100, e.g. {0} = {2}.";
    WarningPercentNotInteger => "提示阈值 {0} = {1} 不是整数。请填写 0 到 100 的整数（百分比，不加引号、不带小数点），例如 {0} = {2}。",
        "the warning threshold {0} = {1} is not a whole number. Enter a whole number from 0 to 100 (a percent, without quotes or decimal point), e.g. {0} = {2}.";
    QuotaOutOfRange => "比例上限 {0}% 不在 0 到 100 之间。请填写 0 到 100 的整数，例如 percent = 40。",
        "the quota {0}% is not between 0 and 100. Enter a whole number from 0 to 100, e.g. percent = 40.";
    }
}

catalog! {
    /// The units, their people and their work groups.
    pub enum UnitText {
    NoUnits => "没有任何被考核的村（社区）。请至少添加一段 [[units]]。",
        "no village or community is listed. Add at least one [[units]] section.";
    DuplicateUnit => "单位名称“{0}”重复（第 {1} 行已有）。请改用不同的名称，或删去其中一个。",
        "the unit name `{0}` is used twice (already on line {1}). Rename one of them or delete one.";
    // `{1}` and `{2}` the two unit kinds, as the file writes them.
    UnknownUnitKind => "不认识的单位类型“{0}”。请填写 \"{1}\" 或 \"{2}\"。",
        "unknown unit kind `{0}`. Write \"{1}\" (village) or \"{2}\" (community).";
    UnitWithoutMeetings => "“{0}”的 meetings 列表是空的，这个单位不开任何会议。请列出它要开的会议，或删去 meetings 这一行（默认开全部会议）。",
        "the meetings list of `{0}` is empty, so it holds no meeting. List its meetings, or delete the meetings line (default: every meeting).";
    NoSubjects => "“{0}”没有被测评人。请为它添加至少一段 [[units.subjects]]（写明 name 和 role）。",
        "`{0}` has nobody under review. Add at least one [[units.subjects]] section (with name and role).";
    // `{0}` the unit, `{1}` the name, `{2}` the first line.
    DuplicateSubject => "“{0}”的被测评人“{1}”重复（第 {2} 行已有）。请删去其中一个；如确是同名的两个人，请加以区分，例如“{1}（大）”。",
        "`{1}` is listed twice under `{0}` (already on line {2}). Delete one; if they are two people of the same name, tell them apart, e.g. \"{1} (senior)\".";
    // `{1}` an example post.
    UnknownRole => "不认识的职务“{0}”。请填写 \"party_secretary\"（党组织书记）、\"committee_member\"（两委成员）、\"work_team_leader\"（工作队队长）或 \"work_team_member\"（工作队队员）；职务原文（如“{1}”）请写在 title 里。",
        "unknown role `{0}`. Write \"party_secretary\", \"committee_member\", \"work_team_leader\" or \"work_team_member\"; the post as written (e.g. \"{1}\") goes in title.";
    // `{0}` the person, `{1}` an example post.
    NoRole => "被测评人“{0}”缺少 role（类别）和 title（职务）。请补上 role = \"committee_member\" 这样的类别，或 title = \"{1}\" 这样的职务（类别由职务推定）。",
        "`{0}` has neither role nor title. Add a category such as role = \"committee_member\", or the post such as title = \"{1}\" (the category then follows from it).";
    // A title the rules cannot place: `{0}` the title, `{1}` the role
    // keys it may mean, listed.
    FirstSecretary => "职务“{0}”看不出类别：第一书记可能是工作队队长或队员，也可能是党组织书记。请在这一段加上 role，填写 {1} 之一。",
        "the title `{0}` does not tell the category: a first secretary sent to the village may lead the work team, be one of its members, or be the Party secretary. Add a role to this section, one of {1}.";
    WorkTeamUnplaced => "职务“{0}”看不出是工作队队长还是队员。请把职务写全，或在这一段加上 role，填写 {1} 之一。",
        "the title `{0}` does not tell whether the person leads the work team or is a member. Write the post in full, or add a role to this section, one of {1}.";
    UnknownReport => "不认识的述职方式“{0}”。请填写 \"oral\"（口头）或 \"written\"（书面），或删去这一行使用默认值。",
        "unknown report mode `{0}`. Write \"oral\" or \"written\", or delete the line to use the default.";
    TwoSecretaries => "“{0}”有不止一位党组织书记（第 {1} 行已有一位）。每个单位只能有一位，请把其他人的 role 改为 \"committee_member\"。",
        "`{0}` has more than one party secretary (one is on line {1}). A unit has exactly one: change the others' role to \"committee_member\".";
    NoSecretaryForReview => "“{0}”要开下述下评会（party_building_review），却没有党组织书记。请添加一位 role = \"party_secretary\" 的被测评人，或从它的 meetings 中删去 \"party_building_review\"。",
        "`{0}` holds the party_building_review but has no party secretary. Add a subject with role = \"party_secretary\", or remove \"party_building_review\" from its meetings.";
    NobodyOnBallot => "“{0}”要开述职测评大会（annual_review），却没有要测评的人（两委成员或工作队队长）。请添加被测评人，或从它的 meetings 中删去 \"annual_review\"。",
        "`{0}` holds the annual_review but has nobody it grades (committee members or the work-team leader). Add them, or remove \"annual_review\" from its meetings.";
    DuplicateMember => "工作组成员“{0}”重复列出。请删去重复的一个。",
        "the work-group member `{0}` is listed twice. Delete one of them.";
    }
}
