//! The roster import's sentences (名单导入提示): what is wrong with a
//! roster row, why a roster file cannot be imported, and the report of an
//! import. The import returns data; `src/import/messages.rs` picks the
//! sentence and fills it in the language the caller names.
//!
//! A roster is a Chinese spreadsheet, so the English sentences quote its
//! own words (column headers such as 单位 and 姓名, the 述职方式 words, the
//! category words) through arguments: the user must type them as they
//! are, in either language.

catalog! {
    /// What is wrong with one row (or the header) of a roster, and what
    /// to do about it; and where the row is.
    pub enum RosterText {
    // `{0}` the column headers, listed.
    NoHeader => "名单是空的。第一行应是表头（{0}），下面每行一人。",
        "the roster is empty. The first row must be the header ({0}), then one person per row.";
    // `{0}` the missing column, `{1}` all columns, `{2}` the optional
    // ones, listed.
    MissingColumn => "表头缺少“{0}”列。第一行应是表头：{1}（顺序不限，{2}可省略）。",
        "the header has no \"{0}\" column. The first row must be the header: {1} (any order; {2} may be left out).";
    DuplicateColumn => "“{0}”列出现了两次（第 {1} 列和第 {2} 列）。请删去其中一列。",
        "the \"{0}\" column appears twice (columns {1} and {2}). Delete one of them.";
    UnclosedQuote => "这一行的英文双引号没有配对，后面的内容都读不出来。请在表格软件里检查这一格，或重新另存为 CSV。",
        "a double quote opened in this row never closes, so nothing after it can be read. Check this cell in your spreadsheet, or save the CSV again.";
    NoPeople => "表头下面没有任何人。请每行填写一人。",
        "there is nobody under the header. Enter one person per row.";
    EmptyUnit => "单位为空。请填写这个人所在的村（社区）。",
        "the unit is empty. Enter this person's village or community.";
    // `{1}` the campaign's units, listed.
    UnknownUnit => "考核方案里没有“{0}”这个单位。请填写方案中的单位名称：{1}。",
        "the campaign has no unit \"{0}\". Use one of its units: {1}.";
    EmptyName => "姓名为空。请填写姓名，或删去这一行。",
        "the name is empty. Enter the name, or delete the row.";
    // `{0}` the column, `{1}` what is wrong with the name, `{2}` a fix.
    BadName => "“{0}”{1}，{2}。", "{0}: {1}; {2}.";
    FixDelete => "请删去后再导入", "delete it and import again";
    FixRealName => "请填写真实的名字后再导入", "enter the real name and import again";
    FixShorten => "请改短后再导入", "shorten it and import again";
    // `{0}` the category words (`RoleWords`), `{1}` the 类别 column.
    EmptyRole => "职务为空。请填写这个人的职务，或在“{1}”列填写 {0} 之一。",
        "the post is empty. Enter the person's post, or one of {0} in the \"{1}\" column.";
    // A post the rules cannot place: `{0}` the post, `{1}` the 类别
    // column, `{2}` the categories it may mean, listed.
    FirstSecretary => "职务“{0}”看不出类别：第一书记可能是工作队队长或队员，也可能是党组织书记。请在“{1}”列填写 {2} 之一（没有这一列就在表头加上）。",
        "the post \"{0}\" does not tell the category: a first secretary sent to the village may lead the work team, be one of its members, or be the Party secretary. Enter one of {2} in the \"{1}\" column (add it to the header if there is none).";
    WorkTeamUnplaced => "职务“{0}”看不出是工作队队长还是队员。请把职务写全，或在“{1}”列填写 {2} 之一（没有这一列就在表头加上）。",
        "the post \"{0}\" does not tell whether the person leads the work team or is a member. Write the post in full, or enter one of {2} in the \"{1}\" column (add it to the header if there is none).";
    // `{0}` the cell, `{1}` the category words (`RoleWords`).
    UnknownCategory => "不认识的类别“{0}”。请填写 {1} 之一，或留空（按职务推定）。",
        "unknown category \"{0}\". Enter one of {1}, or leave it empty to go by the post.";
    // `{0}` the notice's role words, listed; English adds the keys the
    // roster also accepts.
    RoleWords => "{0}",
        "{0} (or party_secretary, committee_member, work_team_leader, work_team_member)";
    // `{1}` and `{2}` the cell's words for oral and written.
    UnknownReport => "不认识的述职方式“{0}”。请填写“{1}”或“{2}”；留空则按职务默认（书记和工作队队长口头，其他人书面）。",
        "unknown report mode \"{0}\". Enter {1} (oral) or {2} (written); leave it empty for the role's default (the secretary and the work-team leader oral, everyone else written).";
    // `{0}` the unit, `{1}` the name, `{2}` the first row, `{3}` the mark
    // that tells two people of one name apart.
    DuplicatePerson => "“{0}”的“{1}”重复（第 {2} 行已有）。请删去其中一行；如确是同名的两个人，请加以区分，例如“{1}{3}”。",
        "\"{1}\" of \"{0}\" is listed twice (already in row {2}). Delete one row; if they are two people of the same name, tell them apart, e.g. \"{1}{3}\".";
    // `{2}` the 类别 column.
    TwoSecretaries => "“{0}”已有党组织书记（第 {1} 行），一个单位只能有一位。请改正其中一人的职务，或在“{2}”列写明类别。",
        "\"{0}\" already has a Party secretary (row {1}); a unit has only one. Correct one of the two posts, or give the category in the \"{2}\" column.";
    UnitStarted => "“{0}”的会议已经开始，名单不能再替换。请从名单中删去这个单位的各行。",
        "\"{0}\" has already started a meeting, so its roster can no longer be replaced. Delete this unit's rows from the roster.";
    NoSecretary => "“{0}”要开抓基层党建述职评议（下述下评），名单里却没有党组织书记。请补上书记这一行。",
        "\"{0}\" holds the Party-building review, but the roster has no Party secretary for it. Add the secretary's row.";
    NobodyOnBallot => "“{0}”要开述职测评大会，名单里却没有要测评的人（两委成员或工作队队长）。请补上这些人。",
        "\"{0}\" holds the annual review, but the roster has nobody it grades (committee members or the work-team leader). Add them.";
    // `{0}` the row, `{1}` the sentence. A bad cell's sentence begins with
    // its column, so it follows the row without a colon.
    InRow => "第 {0} 行：{1}", "row {0}: {1}";
    InCell => "第 {0} 行{1}", "row {0}, {1}";
    }
}

catalog! {
    /// Why a roster file was not imported (`{0}` the file), and the
    /// report of one that was.
    pub enum ImportText {
    Io => "无法读取名单 {0}（{1}）。请检查路径是否正确、文件是否存在。",
        "cannot read the roster {0} ({1}). Check the path and that the file exists.";
    // `{1}` the limit in MiB, `{2}` to `{5}` the roster's four columns.
    TooLarge => "名单 {0} 大于 {1} MiB，没有读取。一份名单通常只有几十 KB：请检查是否选错了文件；如确是名单，请只保留{2}、{3}、{4}、{5}几列，另存后再导入。",
        "the roster {0} is larger than {1} MiB, so it was not read. A roster is usually a few dozen kilobytes: check that you chose the right file; if it is the roster, keep only the columns {2}, {3}, {4} and {5}, save it and import again.";
    Unsupported => "{0} 不是 .csv 或 .xlsx 文件。请在 Excel 或 WPS 里把名单另存为 .xlsx 或 CSV 后再导入。",
        "{0} is not a .csv or .xlsx file. Save the roster as .xlsx or CSV in Excel or WPS, then import it.";
    WorkbookNamedCsv => "{0} 其实是 Excel 工作簿，只是扩展名写成了 .csv。请把扩展名改为 .xlsx，或在 Excel/WPS 里另存为 CSV。",
        "{0} is an Excel workbook named .csv. Rename it to .xlsx, or save it as CSV in Excel/WPS.";
    NotText => "{0} 的编码既不是 UTF-8 也不是 GBK/GB18030，读不出文字。请在 Excel 或 WPS 里另存为“CSV UTF-8”或 .xlsx。",
        "{0} is neither UTF-8 nor GBK/GB18030 text. Save it as \"CSV UTF-8\" or .xlsx in Excel or WPS.";
    Workbook => "无法读取工作簿 {0}（{1}）。请用 Excel 或 WPS 打开检查后重新保存为 .xlsx。",
        "cannot read the workbook {0} ({1}). Open it in Excel or WPS and save it again as .xlsx.";
    // `{1}` how many errors, `{2}` the errors, one per line.
    Rows => "名单 {0} 有 {1} 处错误，没有导入任何内容：\n{2}\n请改正名单后再导入。",
        "the roster {0} has {1} error(s); nothing was imported:\n{2}\nCorrect the roster and import it again.";
    // The last line of a long list: how many errors are not listed.
    MoreRows => "另有 {0} 处", "and {0} more";
    // `{0}` here is the store's sentence.
    Store => "名单没有导入：{0}", "the roster was not imported: {0}";
    // `{0}` units, `{1}` people, `{2}` where from (`FromSheet`,
    // `FromCsv`), `{3}` each unit (`UnitPeople`), listed.
    Imported => "已导入 {0} 个单位 {1} 人（{2}）：{3}。这些单位原有的名单已替换。",
        "Imported {0} unit(s), {1} people ({2}): {3}. These units' earlier rosters were replaced.";
    FromSheet => "{0}，工作表“{1}”", "{0}, sheet \"{1}\"";
    FromCsv => "{0}，已按 {1} 编码读取", "{0}, read as {1}";
    UnitPeople => "{0} {1} 人", "{0} {1}";
    // Appended to `Imported`: the header cells that are not columns.
    Ignored => "已忽略的列：{0}。", " Columns ignored: {0}.";
    }
}
