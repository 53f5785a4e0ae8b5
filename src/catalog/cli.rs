//! The command line's own sentences (what `ceping init`, `demo`, `backup`
//! and `ballots` report, the error prefix), its help (every command's and
//! argument's, and the words clap would otherwise print in English), the
//! usage errors clap detects, and the plain summary's.

catalog! {
    /// What a command says when it is done, and how an error begins.
    pub enum CliText {
    ErrorPrefix => "错误：", "error: ";
    OutputFailed => "错误：无法写出结果：", "error: cannot write the output: ";
    Created => "已建立 {0}：{1}，{2} 个单位。", "Created {0}: {1}, {2} units.";
    DemoFile => "演示文件：{0}", "Demo file: {0}";
    BackedUp => "已备份并核对：{0}（{1} 条记录，指纹 {2}）",
        "Backed up and verified: {0} ({1} events, fingerprint {2})";
    BallotsWritten => "已写入 {0} 份选票（每份一页，A4）：{1}",
        "Wrote {0} ballot form(s), one per A4 page: {1}";
    CopiedInUse => "注意：这个文件上次没有正常关闭，旁边也没有 -wal 文件：它像是在会议进行中复制出来的，只包含到第 {0} 条记录为止的内容，之后录入的可能不在里面。请在原电脑上退出 ceping 后再复制，或用 ceping backup 复制。",
        "Note: this file was not closed cleanly and has no -wal beside it: it looks copied during a meeting. It holds the records up to event {0}; anything keyed later may be missing. Quit ceping on the meeting laptop and copy it again, or copy it with ceping backup.";
    SummaryTitle => "{0}（{1}）", "{0} ({1})";
    SummaryHead => "{0} 个单位，{1} 名测评对象，{2} 条记录", "{0} units, {1} people under review, {2} events";
    SummaryWorkGroup => "第一责任人 {0}，联络员 {1}", "lead {0}, liaison {1}";
    SummaryEntered => "已录入 {0} 张，废票 {1}，空白 {2}", "{0} ballots entered, {1} invalid, {2} blank";
    SummaryAbstain => "弃权", "abstain";
    // The help's headings and clap's own words.
    HeadUsage => "用法：", "Usage: ";
    HeadCommands => "命令：", "Commands:";
    HeadArguments => "参数：", "Arguments:";
    HeadOptions => "选项：", "Options:";
    UsageOptions => "[选项]", "[OPTIONS]";
    UsageCommand => "命令", "COMMAND";
    MoreHelp => "更多说明：{0} --help", "For more information, try '{0} --help'.";
    HelpNote => "（{0}）", " [{0}]";
    HelpValues => "可选 {0}", "possible values: {0}";
    HelpDefault => "默认 {0}", "default: {0}";
    ArgHelp => "显示帮助", "Print help";
    ArgVersion => "显示版本", "Print version";
    ArgLang => "提示和帮助的语言，默认中文；也可以用环境变量 CEPING_LANG 设定",
        "Language of every message and of this help, Chinese by default; also CEPING_LANG";
    // What each command does; {0} and {1} are the two meetings' names.
    AboutCeping => "街道对村（社区）年度考核的述职测评会议：现场录入、计票，导出上报的表格",
        "The annual review meetings of a sub-district's villages: live keying, counting, and the forms the office files";
    AboutInit => "新建考核文件（不加 --campaign 时用内置的演示考核方案）",
        "Create a campaign file (the built-in demo campaign without --campaign)";
    AboutDemo => "新建一个演示考核文件并打开它", "Create a fresh demo campaign file and open it";
    AboutOpen => "打开考核文件，进行现场会议", "Open a campaign file for the live meeting";
    AboutBackup => "为考核文件写一份完整、核对过的副本（会议进行中也可以）",
        "Write a self-contained, verified copy of a campaign file (safe during a meeting)";
    AboutVerify => "检查考核文件：完整性、哈希链，以及全部记录能否重放",
        "Check a campaign file: integrity, hash chain, and that the log folds";
    AboutExport => "导出测评结果", "Export the results";
    AboutTemplate => "打印一份完整、带注释的考核方案示例（TOML）",
        "Print a complete, commented example campaign definition (TOML)";
    AboutBallots => "打印某个单位某个会议的选票（附件3、附件8 的式样，xlsx）",
        "Print the ballot forms (the notice's attachments 3 and 8) for a unit's meeting, as xlsx";
    AboutImport => "把名单（.csv 或 .xlsx，每人一行：单位、姓名、职务等）导入考核文件",
        "Import a roster (.csv or .xlsx, one person a row, with the Chinese column headers the README lists) into a campaign file";
    AboutMerge => "把各会场电脑的考核文件合并成一个街道文件",
        "Merge the meeting laptops' campaign files into one street file";
    AboutProjector => "在会场的投影上显示实时计票（只读）",
        "Show the live count on the meeting room's projector (read-only)";
    AboutHelp => "显示某个命令的说明", "Print the help of a command";
    // Each argument.
    ArgCampaignFile => "考核文件", "The campaign file";
    ArgNewFile => "新的考核文件，例如 南塘村.ceping；已有的文件不会被覆盖",
        "The new campaign file, e.g. nantang.ceping; never overwritten";
    ArgCampaign => "TOML 格式的考核方案（见 ceping template）",
        "A campaign definition in TOML (see ceping template)";
    ArgDemoFile => "建在哪里（不给时：当前文件夹下的 ceping-demo-日期-时间.ceping）",
        "Where to create it (default: ceping-demo-DATE-TIME.ceping here)";
    ArgMirror => "在这个文件夹（U 盘）里保留一份核对过的副本：每结束一轮、每录入 --mirror-every 张选票各写一次",
        "Keep a verified copy in this folder (a USB stick): after each closed round and every --mirror-every ballots";
    ArgMirrorEvery => "两次 U 盘备份之间的选票张数，至少 1", "Ballots between two mirror copies, at least 1";
    ArgBackupDest => "副本的文件名，或放副本的文件夹", "The copy to write, or a folder to write it into";
    ArgBackupForce => "覆盖已有的副本", "Replace an existing copy";
    ArgFormat => "输出格式", "Output format";
    ArgOutput => "输出文件（不给时输出到屏幕，即标准输出）", "Output file (standard output without it)";
    ArgForce => "覆盖已有的输出文件", "Overwrite an existing output file";
    ArgUnit => "选票所属的单位（村或社区）", "The unit (village or community) the forms are for";
    ArgMeeting => "哪个会议：annual_review 是{0}，party_building_review 是{1}",
        "Which meeting: annual_review ({0}) or party_building_review ({1})";
    ArgCopies => "份数，每份一页", "How many forms, one per page";
    ArgBallotsOutput => "输出文件（.xlsx）", "Output file (.xlsx)";
    ArgRoster => "名单表格", "The roster spreadsheet";
    ArgMergeOut => "要新建的合并文件（已有的文件不会被覆盖）", "The merged file to create (never overwritten)";
    ArgMergeInputs => "各会场电脑的考核文件", "The laptops' files";
    ArgProjectorFile => "联络员正在使用的考核文件", "The campaign file the liaison has open";
    ArgHelpCommand => "要看说明的命令", "The command to explain";
    // Usage errors clap detects, as one sentence each.
    BadValue => "{0} 不能是“{1}”。", "{0} cannot be \"{1}\".";
    BadValueChoices => "{0} 不能是“{1}”，可选 {2}。", "{0} cannot be \"{1}\"; possible values: {2}.";
    UnknownOption => "没有 {0} 这个选项。", "There is no option {0}.";
    UnknownCommand => "没有“{0}”这个命令。", "There is no command \"{0}\".";
    ExtraArgument => "多了一个参数“{0}”。", "One argument too many: \"{0}\".";
    DidYouMean => "是不是要写 {0}？", " Did you mean {0}?";
    Missing => "缺少 {0}。", "Missing {0}.";
    Twice => "{0} 只能给一次。", "{0} can be given only once.";
    }
}
