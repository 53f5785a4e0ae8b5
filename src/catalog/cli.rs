//! The command line's own sentences (what `ceping init`, `demo`, `backup`
//! and `ballots` report, the error prefix) and the plain summary's.

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
    SummaryHead => "{0} 个单位，{1} 名测评对象，{2} 条记录", "{0} units, {1} people under review, {2} events";
    SummaryWorkGroup => "第一责任人 {0}，联络员 {1}", "lead {0}, liaison {1}";
    SummaryEntered => "已录入 {0} 张，废票 {1}，空白 {2}", "{0} ballots entered, {1} invalid, {2} blank";
    SummaryAbstain => "弃权", "abstain";
    }
}
