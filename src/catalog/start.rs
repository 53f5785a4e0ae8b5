//! The start screen's words (开始界面): what `ceping` shows when it is run
//! with no arguments, as after a double-click, and the sentence that keeps
//! the window open after an error.

use crate::i18n::lang;

catalog! {
    /// A label or sentence of the start screen.
    pub enum StartText {
    Title => "打开或新建考核文件", "Open or create a campaign file";
    FileColumn => "文件", "File";
    TitleColumn => "考核名称", "Campaign";
    WhereColumn => "位置", "Folder";
    ChangedColumn => "最后修改", "Last change";
    HereFolder => "当前文件夹", "this folder";
    DocumentsFolder => "文档", "Documents";
    // `{0}` the selected file's full path.
    Path => "路径：{0}", "Path: {0}";
    // `{0}` the short reason (`Not*` below).
    // English says it with the reason alone: the column is narrow.
    Unreadable => "无法读取：{0}", "{0}";
    NotCeping => "不是考核文件", "not a campaign file";
    Damaged => "文件已损坏", "the file is damaged";
    Newer => "需要更新版本的 ceping", "needs a newer ceping";
    NoPermission => "没有读取权限", "no permission to read it";
    Busy => "正被其他程序占用", "held by another program";
    NoTitle => "没有考核方案", "no campaign in it";
    OtherError => "读取出错", "reading failed";
    Empty => "这里还没有考核文件。按 d 建立演示文件，按 n 用考核方案（.toml）新建。",
        "There are no campaign files here yet. Press d to create the demo, n to create one from a campaign definition (.toml).";
    // `{0}` the folders looked in, listed.
    LookedIn => "查找了：{0}", "Looked in: {0}";
    ListSeparator => "、", ", ";
    NoFileSelected => "还没有选中考核文件。请先按 d 或 n 新建一个。",
        "No campaign file is selected. Press d or n to create one first.";
    PromptToml => "考核方案（.toml）的文件路径：", "Path of the campaign definition (.toml):";
    PromptRoster => "导入名单（.csv 或 .xlsx）的文件路径：", "Path of the roster (.csv or .xlsx):";
    // `{0}` the file that would be created.
    TomlTargetExists => "{0} 已经存在，ceping 不会覆盖它。请把旧文件移走或改名后再试。",
        "{0} already exists, and ceping does not overwrite it. Move or rename the old file and try again.";
    // `{0}` the campaign file, `{1}` the import's report.
    Imported => "{0}：{1}", "{0}: {1}";
    KeyOpenFile => "打开", "open";
    KeyDemo => "建立演示", "create the demo";
    KeyFromToml => "用考核方案新建", "new from a campaign definition";
    KeyImportInto => "导入名单", "import a roster";
    KeyProjector => "投影窗口", "projector window";
    PressEnter => "按 Enter 键关闭窗口", "Press Enter to close the window";
    }
}

impl StartText {
    /// The text in the current language.
    pub fn text(self) -> &'static str {
        self.text_in(lang())
    }

    /// The text with `{0}`, `{1}` and so on replaced by `args`.
    pub fn fill(self, args: &[&dyn std::fmt::Display]) -> String {
        super::fill(self.text(), args)
    }
}
