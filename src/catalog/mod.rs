//! Every label on screen, in Chinese and English, in one table. A label
//! with `{0}`, `{1}` and so on take arguments (`fill`). The macro makes a missing
//! translation a compile error; a test checks that both languages carry
//! the same placeholders.

#[cfg(test)]
use crate::i18n::Lang;
use crate::i18n::lang;

pub use domain::{DomainText, NameText, SheetText};

/// One table of sentences: an enum whose every entry has a Chinese and an
/// English text. The UI labels are [`Msg`]; the errors' sentences live in
/// the submodules (`domain` and the rest), one table each, all checked by the same
/// test.
macro_rules! catalog {
    ($(#[$doc:meta])* $vis:vis enum $Enum:ident { $($name:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $Enum { $($name),* }

        impl $Enum {
            pub const ALL: &'static [$Enum] = &[$($Enum::$name),*];

            pub fn text_in(self, lang: $crate::i18n::Lang) -> &'static str {
                use $crate::i18n::Lang;
                match (self, lang) {
                    $(($Enum::$name, Lang::Zh) => $zh, ($Enum::$name, Lang::En) => $en,)*
                }
            }

            /// The text in `lang` with `{0}`, `{1}` and so on replaced by `args`.
            pub fn fill_in(self, lang: $crate::i18n::Lang, args: &[&dyn std::fmt::Display]) -> String {
                $crate::catalog::fill(self.text_in(lang), args)
            }
        }
    };
}

mod cli;
pub use cli::CliText;
mod campaign;
pub use campaign::{
    FieldProblemText, FieldText, GlossText, SettingText, TomlText, UnitText, ValueText,
};
mod domain;
mod import;
pub use import::{ImportText, RosterText};
mod output;
pub use output::{DifferenceText, ExportText, MergeText, RefusalText};
mod start;
pub use start::StartText;
mod store;
pub use store::{DamageText, FileText, LooksText, NoticeText, ReasonText, StoreText, VerifyText};

catalog! {
    /// A label of the user interface.
    pub enum Msg {
    AppTitle => "测评", "ceping";
    Street => "街道总览", "Street board";
    Unit => "单位", "Unit";
    Meeting => "会议", "Meeting";
    Step => "议程", "Agenda";
    Progress => "已录/收回", "Ballots";
    NotStarted => "未开始", "not started";
    Round => "第 {0} 轮", "round {0}";
    AnnualReview => "述职测评大会", "Annual review";
    PartyBuildingReview => "抓基层党建述职评议", "Party-building review";
    AnnualReviewShort => "述职测评", "Review";
    PartyBuildingReviewShort => "下述下评", "Party review";
    StepRollCall => "点名（应到/实到）", "Roll call";
    StepOralReport => "口头述职：{0}", "Oral report: {0}";
    StepWrittenReports => "书面述职", "Written reports";
    StepIssue => "发放选票", "Issue ballots";
    StepCollect => "收回选票", "Collect ballots";
    StepCounting => "唱票计票", "Counting";
    StepResults => "公布结果", "Results";
    StepClose => "散会", "Close";
    Needs => "进入下一步前还需要：", "Before the next step:";
    NothingNeeded => "可以进入下一步。", "Ready for the next step.";
    NeedRollCall => "录入应到和实到人数（按 e）", "key in expected and present (press e)";
    NeedQuorum => "实到 {0} 人未超过应到 {1} 人的 {2}，不足法定人数", "present {0} is not more than {2} of expected {1}: no quorum";
    NeedTimer => "为 {0} 计时（空格开始）", "time {0}'s report (space starts)";
    NeedWritten => "还差 {0} 份书面述职", "{0} written reports still missing";
    NeedIssued => "录入发出选票数（按 e）", "key in ballots issued (press e)";
    NeedReturned => "录入收回选票数（按 e）", "key in ballots returned (press e)";
    NeedMoreReturnedThanIssued => "收回 {0} 张多于发出 {1} 张：本轮无效，须重新投票", "returned {0} is more than issued {1}: the round is void and must be re-run";
    NeedEntered => "已录入 {0} 张，收回 {1} 张，两者须相等", "entered {0}, returned {1}: they must be equal";
    NeedSheetDiff => "计票单两遍录入有 {0} 处不一致，须核对", "the tally sheet's two passes differ in {0} cells: resolve them";
    NeedSheetPass => "计票单还需第 {0} 遍录入", "the tally sheet still needs pass {0}";
    Expected => "应到", "Expected";
    Present => "实到", "Present";
    Issued => "发出", "Issued";
    Returned => "收回", "Returned";
    Entered => "已录入", "Entered";
    Valid => "有效", "Valid";
    InvalidBallots => "废票", "Invalid";
    BlankBallots => "空白票", "Blank";
    Abstain => "弃权", "Abstain";
    VoidMarks => "无效", "Void";
    TopRate => "{0}率", "{0} rate";
    TopRateOneChar => "{0}票率", "{0} rate";
    TopTwoRate => "{0}及以上率", "{0} or better";
    Name => "姓名", "Name";
    Role => "职务", "Role";
    Timer => "计时", "Timer";
    TimerIdle => "未开始", "not started";
    TimerRunning => "进行中", "running";
    TimerPaused => "已暂停", "paused";
    TimerDone => "已结束，用时 {0}", "finished, {0} used";
    Overtime => "超时 {0}", "over by {0}";
    Limit => "限时 {0} 分钟", "limit {0} min";
    Comment => "点评", "Comment";
    NoComment => "（尚无点评，按 c 录入）", "(no comment yet; press c)";
    Received => "已交", "in";
    Missing => "未交", "missing";
    Ballot => "选票", "Ballot";
    Recent => "最近的选票", "Recent ballots";
    Draft => "正在录入第 {0} 号：按 Enter 保存为第 {0} 号", "Keying ballot {0}: Enter saves it as ballot {0}";
    Correcting => "正在更正第 {0} 号：按 Enter 保存更正，Esc 放弃更正", "Correcting ballot {0}: Enter saves the correction, Esc abandons it";
    DraftInvalid => "整张废票", "whole ballot invalid";
    Withdrawn => "已剔除", "withdrawn";
    Saved => "已保存第 {0} 号选票", "Ballot {0} saved";
    SavedCorrection => "已更正第 {0} 号选票", "Ballot {0} corrected";
    SavedWithdrawal => "已剔除第 {0} 号选票", "Ballot {0} withdrawn";
    SavedRestore => "已恢复第 {0} 号选票", "Ballot {0} restored";
    NoSuchGrade => "没有第 {0} 个等次（可用 1 到 {1}）", "There is no grade {0} (use 1 to {1})";
    NoSuchRow => "没有这一行", "There is no such row";
    CapsLock => "大写字母不起作用：请检查大写锁定（Caps Lock）是否打开", "Capital letters do nothing here: is Caps Lock on?";
    LastStep => "已经是议程的最后一步", "This is the last step of the agenda";
    KeyCapsLock => "（大写字母：提示大写锁定）", "(capitals: Caps Lock hint)";
    NothingToUndo => "没有可以撤回的操作", "Nothing to undo";
    NoLastBallot => "还没有上一张选票", "There is no previous ballot yet";
    RowsMissing => "还有 {0} 人没有录入；没勾的请按 0 记为弃权", "{0} people not keyed yet; press 0 for a blank (abstain)";
    OverTopLimit => "已保存第 {0} 号选票；最高等次超过 {1} 个，按规则计为废票", "Ballot {0} saved; more than {1} top grades, so it counts as invalid by the rule";
    Results => "测评结果", "Results";
    Warnings => "提醒", "Warnings";
    WarnEnteredOverReturned => "已录入 {0} 张，多于收回的 {1} 张", "entered {0} is more than returned {1}";
    WarnReturnedOverIssued => "收回多于发出：本轮无效，须重新投票", "more returned than issued: the round is void";
    WarnNoQuorum => "不足法定人数", "no quorum";
    WarnTopTwo => "{0}：{1}及以上不足 {2}", "{0}: {1} or better below {2}";
    WarnLowest => "{0}：{1}超过 {2}", "{0}: {1} above {2}";
    SheetPass => "计票单第 {0} 遍（盲录）", "Tally sheet, pass {0} (blind)";
    SheetResolve => "核对差异：按纸质计票单输入正确数", "Resolve: key the right number from the paper";
    SheetAgreed => "两遍一致，结果已计入", "Both passes agree; the results count";
    SheetPending => "计票单未核对，结果暂不计入", "Tally sheet not reconciled: results do not count yet";
    SheetUnresolved => "还有 {0} 处差异没有按纸质计票单重新输入", "{0} differing cells have not been keyed again from the paper";
    SheetResolved => "差异已按纸质计票单核对，结果已计入", "Differences resolved from the paper; the results count";
    CloseDone => "本轮已结束（按 o 可写明理由重新打开）", "This round is closed (o reopens it with a reason)";
    LastStepNote => "这是议程的最后一步。", "This is the last step of the agenda.";
    SheetSaved => "第 {0} 遍已保存", "Pass {0} saved";
    SheetDiffers => "两遍有 {0} 处不一致，已标出", "The passes differ in {0} cells, marked";
    SheetRowsDisagree => "各行合计不一致，请核对", "row totals differ; please check";
    PromptRollCall => "应到 实到（两个数，用空格分开）：", "Expected and present (two numbers):";
    PromptIssued => "发出选票数：", "Ballots issued:";
    PromptReturned => "收回选票数：", "Ballots returned:";
    PromptComment => "对 {0} 的点评：", "Comment on {0}:";
    PromptCorrect => "更正第几号选票：", "Correct ballot number:";
    PromptWithdraw => "剔除第几号选票（输入已剔除的号码则恢复它）：", "Withdraw ballot number (a withdrawn number is restored):";
    PromptStart => "开始 {0} {1}？按 Enter 确认，Esc 取消", "Start {0} {1}? Enter to confirm, Esc to cancel";
    BadNumber => "请输入数字", "Please type a number";
    BadTwoNumbers => "请输入两个数，例如：45 42", "Please type two numbers, e.g. 45 42";
    ConfirmQuit => "确定退出吗？所有已录入的内容都已保存。（y 退出 / n 继续）", "Quit? Everything entered is saved. (y quit / n stay)";
    TooSmall => "窗口太小", "Window too small";
    TooSmallHint => "请把窗口放大到至少 {0}x{1}", "Please enlarge to at least {0}x{1}";
    HelpTitle => "按键说明（任意键关闭）", "Keys (any key closes)";
    ReadOnly => "只读", "read-only";
    KeyQuit => "退出", "quit";
    KeyHelp => "帮助", "help";
    KeyBack => "返回", "back";
    KeyUp => "上移", "up";
    KeyDown => "下移", "down";
    KeyScrollUp => "往上翻", "scroll up";
    KeyScrollDown => "往下翻", "scroll down";
    AnnounceMoreAbove => "上面还有 {0} 人（按 Up 往上翻）", "{0} more above (Up scrolls up)";
    AnnounceMoreBelow => "下面还有 {0} 人（按 Down 往下翻）", "{0} more below (Down scrolls down)";
    KeyOpen => "打开会议", "open meeting";
    KeyNext => "下一步", "next step";
    KeyPrev => "上一步", "previous step";
    KeyEdit => "录入人数", "key in numbers";
    KeyEditBallots => "录入张数", "key in ballot counts";
    KeyTimer => "计时 开始/暂停/继续", "timer start/pause/resume";
    KeyTimerStop => "结束计时", "stop timer";
    KeyComment => "点评", "comment";
    KeyToggle => "已交/未交", "in/missing";
    KeyBallots => "逐张录入选票", "key ballots";
    KeySheet => "录入计票单", "key tally sheet";
    KeyGrade => "等次（空票时全部同等次）", "grade (on an empty ballot: everyone)";
    KeyAbstain => "弃权", "abstain";
    KeyVoidMark => "此人无效（多勾/看不清）", "void for this person";
    KeyRow => "跳到该行", "go to row";
    KeyCommit => "保存这张选票", "save ballot";
    KeySame => "同上一张（直接保存）", "same as last (saves)";
    KeyClear => "清空", "clear";
    KeyInvalid => "整张废票", "invalid ballot";
    KeyUndo => "撤回上一步", "undo";
    KeyCorrect => "更正某号", "correct #";
    KeyWithdraw => "剔除某号", "withdraw #";
    KeyRowPlus => "同一字母的下一行（c、c+、c++）", "next row with the same letter (c, c+, c++)";
    KeyMore => "更多", "more";
    GridMoreAbove => "上面还有 {0} 人", "{0} more above";
    GridMoreBelow => "下面还有 {0} 人", "{0} more below";
    HelpRowLabels => "第 23 人起行号带 +：先按字母，再按 +（c+ 是 c +，c++ 是 c + +）。", "From person 23 on, row labels carry +: the letter, then + (c+ is c +, c++ is c + +).";
    KeyDigit => "输入数字", "type digits";
    KeyNextCell => "下一格", "next cell";
    KeyPrevCell => "上一格", "previous cell";
    KeySave => "保存这一遍", "save this pass";
    KeyConfirm => "确认", "confirm";
    KeyCancel => "取消", "cancel";
    KeyCursor => "移动光标", "move the cursor";
    KeyWord => "按词移动", "move by word";
    KeyLineEnds => "到行首 / 行尾", "to the line's start / end";
    KeyDeleteBack => "删除前一个字", "delete before the cursor";
    KeyDeleteNext => "删除后一个字", "delete at the cursor";
    KeyType => "输入文字", "type";
    KeyClearAll => "清空重写", "clear, to type anew";
    KeySaveText => "保存", "save";
    KeyNewline => "换行", "new line";
    KeyNextField => "下一项", "next field";
    KeyPrevField => "上一项", "previous field";
    KeyYes => "是", "yes";
    KeyNo => "否", "no";
    Grading => "评定等次", "Grading board";
    GroupUnits => "村(社区)", "Units";
    GroupSecretaries => "党组织书记", "Party secretaries";
    GroupCadres => "村(社区)干部", "Village cadres";
    GroupWorkTeams => "驻村工作队", "Work teams";
    QuotaSoft => "原则上", "in principle";
    Rank => "序", "#";
    FinalGradeCol => "等次", "Grade";
    ReviewCol => "评议 好/较好/一般/差", "Review 好/较好/一般/差";
    InvestigationCol => "调查", "Inquiry";
    SuggestedCol => "建议", "Suggested";
    CombinedCol => "综合", "Combined";
    Talk => "约谈", "talk";
    Flag => "提示", "flag";
    Justified => "（有理由）", "(justified)";
    DeadlinesTitle => "截止日期", "Deadlines";
    DeadlinePartyBuilding => "抓基层党建述职评议", "Party-building review";
    DeadlineVillage => "村(社区)述职测评及汇总表", "Village review and forms";
    DeadlineCombined => "综合评价表和整改清单", "Combined evaluations and rectifications";
    DeadlineMissing => "尚缺：{0}", "missing: {0}";
    DeadlineDone => "已齐", "complete";
    Rectification => "整改清单", "Rectification";
    RectStatusOpen => "未开始", "open";
    RectStatusInProgress => "整改中", "in progress";
    RectStatusDone => "已完成", "done";
    NoRectification => "（无整改项）", "(no rectification entry)";
    PromptJustification => "超出名额的理由：", "Reason for exceeding the quota:";
    PromptInvestigation => "调查核实 {0}：等次(1 好 2 较好 3 一般 4 差) 说明", "Inquiry for {0}: level (1 好 2 较好 3 一般 4 差) and note";
    PromptCombined => "{0} 的综合评价(1 好 2 较好 3 一般 4 差)：", "Combined evaluation of {0} (1 好 2 较好 3 一般 4 差):";
    PromptRectification => "{0} 的整改清单（Tab 换到下一项，Enter 保存）：", "Rectification for {0} (Tab to the next field, Enter saves):";
    RectProblems => "存在问题", "Problems";
    RectMeasures => "整改措施", "Measures";
    RectDeadline => "整改时限", "Deadline";
    RectResponsible => "责任人", "Responsible";
    DatePlaceholder => "年-月-日，例如 2027-03-31", "year-month-day, e.g. 2027-03-31";
    RectEntry => "{0}：{1}", "{0}: {1}";
    PromptClose => "结束第 {0} 轮？结束后只读。按 Enter 确认，Esc 取消", "Close round {0}? It becomes read-only. Enter to confirm, Esc to cancel";
    PromptReopen => "重新打开第 {0} 轮的理由：", "Reason for reopening round {0}:";
    PromptVoid => "收回多于发出：作废第 {0} 轮并重新投票？按 Enter 确认，Esc 取消", "More returned than issued: void round {0} and re-run? Enter to confirm, Esc to cancel";
    BadLevel => "请先输入 1 到 4 的等次", "Start with a level from 1 to 4";
    RoundClosedMsg => "第 {0} 轮已结束，指纹 {1}", "Round {0} closed, fingerprint {1}";
    RoundClosedInfo => "本轮已结束。指纹 {0}：请写入会议记录，由监票人签字。", "This round is closed. Fingerprint {0}: write it in the minutes for the scrutineers to sign.";
    RoundReopenedMsg => "第 {0} 轮已重新打开", "Round {0} reopened";
    RoundVoidedMsg => "第 {0} 轮已作废并保留在记录中；第 {1} 轮开始：请回到“发放选票”", "Round {0} is void and kept on record; round {1} begins: go back to issuing ballots";
    RoundVoidInfo => "第 {0} 轮无效（收回多于发出）", "Round {0} is void (more returned than issued)";
    KeyGrading => "评定等次", "grading board";
    KeyGroup => "切换类别", "switch group";
    KeyAssign => "评定等次", "assign grade";
    KeyClearGrade => "清除等次", "clear grade";
    KeyInvestigation => "调查核实", "inquiry";
    KeyCombined => "综合评价", "combined evaluation";
    KeyRectification => "整改清单", "rectification";
    KeyRectStatus => "整改状态", "rectification status";
    KeyCloseRound => "结束本轮", "close the round";
    KeyReopen => "重新打开（写理由）", "reopen (with reason)";
    KeyVoid => "作废本轮并重新投票", "void round and re-run";
    // Grading guard: a decision on a meeting not closed is provisional.
    GuardAnnualReview => "述职测评大会", "annual review";
    GuardPartyBuildingReview => "抓基层党建述职评议", "Party-building review";
    GuardNotHeld => "{0}的{1}还没有召开", "{0} has not held its {1}";
    GuardNotClosed => "{0}的{1}第 {2} 轮还没有结束", "{0}'s {1}, round {2}, is not closed";
    PromptProvisionalGrade => "{0}，评定将标为暂定。确认评定？按 Enter 确认，Esc 取消", "{0}; the grade will be marked provisional. Enter to confirm, Esc to cancel";
    PromptProvisionalCombined => "{0}，综合评价将标为暂定。确认评价？按 Enter 确认，Esc 取消", "{0}; the combined evaluation will be marked provisional. Enter to confirm, Esc to cancel";
    ProvisionalMark => "（暂定）", " (provisional)";
    ProvisionalRecorded => "已记录，标为暂定：有关会议结束后自动转为正式", "Recorded as provisional: it becomes final when the meetings close";
    ProvisionalCancelled => "已取消，没有记录任何内容", "Cancelled: nothing was recorded";
    // Exports.
    KeyExport => "导出 Excel", "export to Excel";
    Exporting => "正在导出 Excel，请稍候", "Exporting to Excel, please wait";
    Exported => "已导出：{0}", "Exported: {0}";
    ExportFailed => "导出失败：{0}", "Export failed: {0}";
    // Roster import.
    KeyImport => "导入名单", "import roster";
    PromptImport => "导入名单（.csv 或 .xlsx）的文件路径：", "Roster to import (.csv or .xlsx), path:";
    ImportFailed => "名单未导入：{0}", "Roster not imported: {0}";
    ImportFailedMany => "名单未导入，共 {1} 处错误。{0}（ceping import 可列出全部）", "Roster not imported: {1} errors. {0} (ceping import lists them all)";
    // The projector.
    ProjectorLoading => "正在读取考核文件", "Reading the campaign file";
    ProjectorWaiting => "等待会议开始", "Waiting for a meeting to start";
    ProjectorMissing => "找不到考核文件 {0}（可能被删除或移走）。投影已暂停，每秒重试一次。", "The campaign file {0} is gone (deleted or moved). The projector has paused and retries every second.";
    ProjectorReplaced => "考核文件 {0} 已被另一份记录替换（指纹不符）。投影已暂停，每秒重试一次：请放回原文件，或按 r 改为显示新文件。", "The campaign file {0} was replaced by a different record (fingerprint mismatch). The projector has paused and retries every second: put the original back, or press r to show the new file.";
    ProjectorUnreadable => "暂时无法读取考核文件 {0}：{1}。每秒重试一次。", "Cannot read the campaign file {0} right now: {1}. Retrying every second.";
    ProjectorHidden => "结果将在本轮结束后公布", "Results will be announced when the round closes";
    ProjectorHiddenMark => "结果暂不显示", "results hidden";
    ProjectorKeys => "h 隐藏/显示结果   q 退出", "h hide/show results   q quit";
    ProjectorTimeLeft => "剩余时间", "Time left";
    ProjectorOvertime => "已超时", "Overtime";
    ProjectorWrittenIn => "书面述职已交 {0} 份，共 {1} 份", "Written reports in: {0} of {1}";
    ResultsMore => "另有 {0} 人未显示（公布结果可看全部）", "{0} more not shown (see Results)";
    ResultsMoreFlagged => "另有 {0} 人未显示，{1} 人有提示（见下方）", "{0} more not shown, {1} flagged (see below)";
    ProjectorPage => "第 {0}/{1} 页（每 {2} 秒翻页）", "page {0} of {1} (turns every {2} s)";
    ProjectorClosed => "本轮已结束，指纹 {0}", "Round closed, fingerprint {0}";
    ProjectorFingerprint => "指纹", "Fingerprint";
    ProjectorEnteredOfReturned => "已录入 / 收回", "Entered / returned";
    ProjectorMore => "另有 {0} 人未显示（窗口不够大）", "{0} more not shown (window too small)";
    RolePartySecretary => "党组织书记", "Party secretary";
    RoleCommitteeMember => "两委成员", "Committee member";
    RoleWorkTeamLeader => "工作队队长", "Work-team leader";
    RoleWorkTeamMember => "工作队队员", "Work-team member";
    Village => "村", "village";
    Community => "社区", "community";
    // Counting checks: ballot entry.
    SameWhileCorrecting => "正在更正，不能用“同上一张”；按 Enter 保存更正，或 Esc 放弃", "Correcting: same-as-last does not apply; Enter saves the correction, Esc abandons it";
    CorrectionAbandoned => "已放弃更正第 {0} 号选票，什么也没有保存", "Correction of ballot {0} abandoned; nothing was saved";
    DraftCleared => "已清除正在录入的内容（没有保存任何东西）；再按 u 撤回上一次保存", "The ballot being keyed was cleared (nothing saved); press u again to undo the last save";
    UndoClosed => "本轮已结束，不能撤回；要修改请先在散会这一步按 o 重新打开", "This round is closed; nothing can be undone. To change it, reopen it with o at the close step";
    UndidSave => "已撤回刚保存的第 {0} 号选票（仍在记录中，标为已剔除；按 w 再输入 {0} 可恢复）", "Undid ballot {0} just saved (kept on record as withdrawn; w then {0} restores it)";
    UndidCorrection => "已撤回对第 {0} 号选票的更正，恢复为更正前的内容", "Undid the correction of ballot {0}: it is as before the correction";
    UndidWithdrawal => "已撤回对第 {0} 号选票的剔除：第 {0} 号重新计入", "Undid the withdrawal of ballot {0}: it counts again";
    UndidRestore => "已撤回对第 {0} 号选票的恢复：第 {0} 号重新标为已剔除", "Undid the restoring of ballot {0}: it is withdrawn again";
    PromptOverReturned => "已录入 {0} 张，收回 {1} 张。再保存第 {2} 号就多于收回数，确认保存？按 Enter 保存，Esc 取消", "{0} entered, {1} returned. Saving ballot {2} goes beyond the ballots returned: save it? Enter saves, Esc cancels";
    NotKeyed => "未录入", "not keyed";
    SetAside => "已作废（改用计票单）", "set aside (tally sheet)";
    // Counting checks: the agenda.
    SavedRollCall => "已记录：应到 {0}，实到 {1}", "Recorded: expected {0}, present {1}";
    SavedIssued => "已记录：发出 {0} 张", "Recorded: {0} ballots issued";
    SavedReturned => "已记录：收回 {0} 张", "Recorded: {0} ballots returned";
    KeyAcknowledge => "确认提示", "acknowledge warnings";
    NothingToAcknowledge => "这一步没有需要确认的提示", "There is no warning to acknowledge at this step";
    Acknowledged => "已确认 {0} 条提示（已记录，导出时一并列出）", "{0} warnings acknowledged (recorded; every export lists them)";
    WarnAckHint => "（按 a 确认）", " (press a to acknowledge)";
    WarnAcked => "（已确认）", " (acknowledged)";
    CloseWarnings => "结束时的提示", "Warnings at closing";
    WarnPresentOverExpected => "实到 {0} 人多于应到 {1} 人，请核对", "present {0} is more than expected {1}; please check";
    WarnIssuedOverPresent => "发出 {0} 张多于实到 {1} 人，请核对", "issued {0} is more than present {1}; please check";
    WarnReturnedShort => "收回 {0} 张比发出 {1} 张少 {2} 张（少了 {3}% 或以上），请核对", "returned {0} is {2} fewer than issued {1} ({3}% or more short); please check";
    WarnNoBallots => "收回 0 张：这一轮没有选票", "0 returned: this round has no ballots";
    WarnManyBlank => "空白票 {0} 张，占收回 {1} 张的 {2}% 或以上", "blank ballots: {0}, {2}% or more of the {1} returned";
    WarnManyInvalid => "废票 {0} 张，占收回 {1} 张的 {2}% 或以上", "invalid ballots: {0}, {2}% or more of the {1} returned";
    NeedIssuedFirst => "还没有录入发出选票数：按 p 回到发放选票，按 e 录入", "ballots issued not keyed in: press p to go back to issuing ballots, then e";
    PromptDiscardBallots => "本轮已逐张录入 {0} 张选票。改用计票单须先作废这些选票（仍保留在记录中）。请写明理由后按 Enter，Esc 取消：", "{0} ballots of this round are keyed one by one. To count from a tally sheet, they must be set aside (they stay on record). Type the reason and press Enter, Esc cancels:";
    BallotsSetAside => "已作废逐张录入的选票（仍保留在记录中），改用计票单", "The ballots keyed one by one were set aside (kept on record); counting from the tally sheet";
    // Counting checks: the tally sheet.
    PromptKeyer => "第 {0} 遍由谁录入？输入计票人姓名后按 Enter（可不填，直接按 Enter）：", "Who keys pass {0}? Type the counter's name and press Enter (or just Enter):";
    PromptNeither => "{0}：两遍都不是 {1}（第 1 遍 {2}，第 2 遍 {3}），按纸质计票单确认？按 Enter 确认，Esc 返回修改", "{0}: neither pass says {1} (pass 1 {2}, pass 2 {3}). Confirm from the paper? Enter confirms, Esc goes back";
    PromptDiscardSecond => "作废第 2 遍，重新录入第 2 遍。请写明理由后按 Enter，Esc 取消：", "Discard pass 2 and key it again. Type the reason and press Enter, Esc cancels:";
    PromptDiscardAll => "作废这一轮的计票单（两遍都作废，仍保留在记录中），重新录入。请写明理由后按 Enter，Esc 取消：", "Discard this round's tally sheet (both passes; kept on record) and key it again. Type the reason and press Enter, Esc cancels:";
    SheetDiscardedSecond => "第 2 遍已作废，请重新录入第 2 遍", "Pass 2 discarded: key pass 2 again";
    SheetDiscardedAll => "计票单已作废（仍保留在记录中），可以重新录入", "The tally sheet was discarded (kept on record); it can be keyed again";
    SheetKept => "已采用第 {0} 遍作为结果，结果已计入", "Pass {0} kept as the result; the results count";
    SheetSameKeyer => "提示：两遍都由 {0} 录入；双人录入最好由两个人分别录", "Note: both passes were keyed by {0}; double entry works best with two people";
    SheetBlankRule => "空白票对每个人都算弃权：每人的弃权不少于空白票", "A blank ballot is an abstention for everyone: each person's abstain is at least the blank ballots";
    SheetTotal => "合计", "Total";
    SheetMustBe => "应为", "Must be";
    SheetKeyer => "计票人：{0}", "Counter: {0}";
    SheetProblems => "还有 {0} 处错误，改正后才能保存：", "{0} errors; fix them before saving:";
    SheetDone => "计票单已采用，结果已计入（按 x 可写明理由作废重录）", "The tally sheet is accepted and counts (x discards it with a reason, to key it again)";
    KeyKeepFirst => "采用第 1 遍", "keep pass 1";
    KeyKeepSecond => "采用第 2 遍", "keep pass 2";
    KeyDiscardSecond => "作废第 2 遍", "discard pass 2";
    KeyDiscardSheet => "作废计票单重录", "discard sheet";
    PromptDiscardSheetFirst => "本轮已有计票单记录。改用逐张录入须先作废计票单（仍保留在记录中）。请写明理由后按 Enter，Esc 取消：", "This round has tally-sheet records. To key ballots one by one, the tally sheet must be discarded (it stays on record). Type the reason and press Enter, Esc cancels:";
    // Closing history.
    ReopenHistory => "第 {0} 次结束：{1}，指纹 {2}；重新打开：{3}，理由：{4}", "Close {0}: {1}, fingerprint {2}; reopened {3}, reason: {4}";
    ChangesAfter => "重新打开后的改动：{0}", "Changed after reopening: {0}";
    NoChangesAfter => "重新打开后没有改动", "Nothing changed after reopening";
    ListSep => "、", ", ";
    FieldSep => "；", "; ";
    PartSep => "；", "; ";
    SentenceSep => "。", ". ";
    Colon => "：", ": ";
    And => "和", " and ";
    MirrorThreadEnded => "备份线程意外结束", "the copy stopped unexpectedly";
    MirrorFolderGone => "找不到备份文件夹 {0}（U 盘拔出了？）", "the mirror folder {0} is not there (USB stick removed?)";
    ChangedAdded => "新录入第 {0} 号", "ballots {0} added";
    ChangedCorrected => "更正第 {0} 号", "ballots {0} corrected";
    ChangedWithdrawn => "剔除第 {0} 号", "ballots {0} withdrawn";
    ChangedRestored => "恢复第 {0} 号", "ballots {0} restored";
    ChangedCount => "{0}由 {1} 改为 {2}", "{0} changed from {1} to {2}";
    ChangedSheet => "计票单重新录入或核对", "tally sheet keyed or resolved again";
    ChangedBallotsDiscarded => "逐张录入的选票改用计票单", "ballots set aside for a tally sheet";
    // Exports: the warnings and closing history of a round.
    WarnNotAcked => "（未确认）", " (not acknowledged)";
    ExportWarnings => "结束时的提示：{0}", "Warnings at closing: {0}";
    // The mirror copy (--mirror).
    MirrorWaiting => "U盘备份：正在写第一份", "Mirror: writing the first copy";
    MirrorWritten => "U盘备份 {0}（{1} 条记录）", "Mirror {0} ({1} events)";
    MirrorFailed => "U盘备份失败 {0}：{1}；录入照常，稍后自动重试", "Mirror failed {0}: {1}; keying goes on, retrying";
    // The roll call's absentees (for the minutes).
    KeyAddAbsentee => "登记缺席", "add absentee";
    KeyRemoveAbsentee => "删除缺席", "remove absentee";
    PromptAbsentee => "缺席人员姓名：", "Name of the absentee:";
    PromptAbsenceReason => "{0} 缺席的原因（1 请假  2 公出  3 其他）：", "Why is {0} absent? (1 on leave, 2 official business, 3 other):";
    PromptRemoveAbsentee => "从缺席名单删除（输入姓名或序号）：", "Remove from the absentee list (name or number):";
    BadAbsenceReason => "请输入 1、2 或 3", "Type 1, 2 or 3";
    NotAbsent => "缺席名单上没有“{0}”", "\"{0}\" is not on the absentee list";
    NoAbsentees => "缺席名单是空的", "The absentee list is empty";
    AbsenteeAdded => "已登记缺席：{0}", "Absentee added: {0}";
    AbsenteeRemoved => "已从缺席名单删除：{0}", "Removed from the absentee list: {0}";
    Absentees => "缺席：{0}", "Absent: {0}";
    AbsenteesNone => "缺席：（未登记，按 b 登记）", "Absent: (none listed; press b)";
    AbsenteesCount => "未到 {0} 人，已登记 {1} 人", "{0} missing, {1} listed";
    AbsenteeWithReason => "{0}（{1}）", "{0} ({1})";
    ReasonLeave => "请假", "on leave";
    ReasonBusiness => "公出", "official business";
    ReasonOther => "其他", "other";
    // 附件6 on the grading board: 综合评分 and 综合评价材料.
    KeyScore => "综合评分", "score";
    KeyMaterial => "评价材料", "evaluation text";
    ScoreCol => "评分", "Score";
    ScoreSuggested => "{0} 建议", "{0} suggested";
    ScoreSuggestedOpen => "{0} 暂定", "{0} prov.";
    PromptScore => "{0} 的综合评分（0-100；不填则用建议分 {1}）：", "Score of {0} (0-100; empty: the suggested {1}):";
    BadScore => "请输入 0 到 100 的整数", "Type a whole number from 0 to 100";
    ScoreSaved => "{0} 的综合评分：{1}", "Score of {0}: {1}";
    ScoreCleared => "{0} 的综合评分改用建议分", "The score of {0} is the suggested one again";
    PromptMaterial => "{0} 的综合评价材料：", "Written evaluation of {0}:";
    MaterialTitle => "综合评价材料", "Written evaluation";
    NoMaterial => "（尚无评价材料，按 m 录入）", "(no written evaluation yet; press m)";
    // Issue 13: agenda states, the timer, what a step needs.
    KeyTimerUnstop => "撤回结束计时", "undo timer stop";
    TimerStopped => "已结束 {0} 的计时（按 u 撤回）", "Stopped {0}'s timer (u takes it back)";
    TimerUnstopped => "已撤回结束计时：{0} 的计时已暂停，空格继续", "Stop taken back: {0}'s timer is paused, space resumes";
    TimerStoppedOnMove => "已结束 {0} 的计时，用时 {1}；再按 n 进入下一步（u 撤回结束）", "Stopped {0}'s timer at {1}; n again moves on (u takes the stop back)";
    TimerStoppedOnBack => "已结束 {0} 的计时，用时 {1}；再按 p 回到上一步（u 撤回结束）", "Stopped {0}'s timer at {1}; p again goes back (u takes the stop back)";
    NeedRequired => "必须做完。进入下一步前还需要：", "Must be done. Before the next step:";
    NeedReminder => "提醒（可以先进入下一步）：", "Reminders (the meeting may go on):";
    StepMarksLegend => "+ 已完成  > 当前  ! 未完成", "+ done  > current  ! not done";
    UnknownRateBase => "rate_base 不能是 \"{0}\"。请写 \"graded\"（弃权和无效不计入分母）或 \"valid\"（全部有效票），例如 rate_base = \"graded\"。", "rate_base cannot be \"{0}\". Write \"graded\" (abstentions and void marks left out of the denominator) or \"valid\" (every valid ballot), e.g. rate_base = \"graded\".";
    RateLegendGraded => "{0}、{1}的分母：给了等次的票（不含弃权、无效）", "{0} and {1} divide by the marks that give a grade (abstain and void left out)";
    RateLegendValid => "{0}、{1}的分母：全部有效票（含弃权、无效）", "{0} and {1} divide by all valid ballots (abstain and void included)";
    FlagTopTwoShort => "{0}以上<{1}", "{0} or better <{1}";
    FlagLowestShort => "{0}>{1}", "{0} >{1}";
    BoardClosed => "已结束 {0}", "closed {0}";
    BoardVoid => "已作废", "void";
    BoardClosedShort => "已结束", "closed";
    RosterAndPlan => "名单和议程", "Roster and plan";
    PlanSubjects => "测评对象（按选票顺序）", "On the ballot (in ballot order)";
    PlanAgenda => "会议议程", "Agenda";
    PlanStart => "按 Enter 开始这个会议", "Enter starts this meeting";
    ReadOut => "应到 {0} 人，实到 {1} 人，发出 {2} 张，收回 {3} 张，有效 {4} 张，废票 {5} 张", "Expected {0}, present {1}; issued {2}, returned {3}; valid {4}, invalid {5}";
    ReadOutCount => "{0} {1} 票", "{0} {1}";
    ReadOutCountSep => "，", ", ";
    ReadOutPerson => "{0}. {1}（{2}）：{3}", "{0}. {1} ({2}): {3}";
    ReadOutFlag => "（提示：{0}）", " (flag: {0})";
    AnnouncementTitle => "公布结果（请宣读）", "Results to read out";
    QuotaLineGroup => "{0} {1} 个，最多 {2} 个（{3}的 {4}%，向下取整）", "{0}: {1} of at most {2} ({4}% of {3}, rounded down)";
    QuotaOfUnits => "{0} 个单位", "{0} units";
    QuotaOfSecretaries => "{0} 名党组织书记", "{0} secretaries";
    QuotaOfCadres => "{0} 名村（社区）干部", "{0} cadres";
    QuotaOfWorkTeams => "{0} 个工作队", "{0} work teams";
    UnitsSumNote => "单位的测评结果：本单位述职测评大会上全体测评对象的票数合计", "A unit's results: the marks of everyone on its annual-review ballot, added up";
    }
}

impl From<crate::domain::Role> for Msg {
    fn from(role: crate::domain::Role) -> Msg {
        use crate::domain::Role;
        match role {
            Role::PartySecretary => Msg::RolePartySecretary,
            Role::CommitteeMember => Msg::RoleCommitteeMember,
            Role::WorkTeamLeader => Msg::RoleWorkTeamLeader,
            Role::WorkTeamMember => Msg::RoleWorkTeamMember,
        }
    }
}

impl From<crate::domain::MeetingKind> for Msg {
    fn from(kind: crate::domain::MeetingKind) -> Msg {
        match kind {
            crate::domain::MeetingKind::AnnualReview => Msg::AnnualReview,
            crate::domain::MeetingKind::PartyBuildingReview => Msg::PartyBuildingReview,
        }
    }
}

impl Msg {
    /// The label in the current language.
    pub fn text(self) -> &'static str {
        self.text_in(lang())
    }

    /// The label with `{0}`, `{1}` and so on replaced by `args`.
    pub fn fill(self, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.text(), args)
    }
}

/// `template` with each `{0}`, `{1}` and so on replaced by its argument, in one
/// pass: an argument that itself contains `{1}` (a typed name or reason)
/// stays as typed.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let digits = &after[..close];
            let is_index = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            let arg = args.get(digits.parse::<usize>().ok().filter(|_| is_index)?)?;
            Some((close, arg))
        });
        match arg {
            Some((close, arg)) => {
                out.push_str(&arg.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The label in the current language: `t(Msg::Street)`.
/// The two rates' names for a scale, the one spelling used on screen, in
/// the workbook and in the CSV: 优秀率 and 称职及以上率; for a
/// one-character top grade 好票率 (not 好评率, which reads as the share of
/// good reviews, 好 and 较好 together) and 较好及以上率.
pub fn rate_names(scale: &[String], lang: crate::i18n::Lang) -> [String; 2] {
    let top = scale.first().map_or("", String::as_str);
    let second = scale.get(1).map_or("", String::as_str);
    let top_msg = if top.chars().count() == 1 {
        Msg::TopRateOneChar
    } else {
        Msg::TopRate
    };
    [
        top_msg.fill_in(lang, &[&top]),
        Msg::TopTwoRate.fill_in(lang, &[&second]),
    ]
}

/// "4 个单位", "4 名党组织书记": a grading group with its size, as the
/// quota sentences name it.
pub fn group_size(
    group: crate::domain::grading::Group,
    size: usize,
    lang: crate::i18n::Lang,
) -> String {
    use crate::domain::grading::Group;
    let of = match group {
        Group::Units => Msg::QuotaOfUnits,
        Group::Secretaries => Msg::QuotaOfSecretaries,
        Group::Cadres => Msg::QuotaOfCadres,
        Group::WorkTeams => Msg::QuotaOfWorkTeams,
    };
    of.fill_in(lang, &[&size])
}

pub fn t(msg: Msg) -> &'static str {
    msg.text()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<usize> {
        let mut v: Vec<usize> = (0..10)
            .filter(|i| s.contains(&format!("{{{i}}}")))
            .collect();
        v.sort();
        v
    }

    /// Every entry of every table, as (name, Chinese, English).
    fn every_entry() -> Vec<(String, &'static str, &'static str)> {
        fn table<T: Copy + std::fmt::Debug>(
            all: &[T],
            text: impl Fn(T, Lang) -> &'static str,
        ) -> Vec<(String, &'static str, &'static str)> {
            all.iter()
                .map(|&m| (format!("{m:?}"), text(m, Lang::Zh), text(m, Lang::En)))
                .collect()
        }
        let mut all = table(Msg::ALL, Msg::text_in);
        all.extend(table(DomainText::ALL, DomainText::text_in));
        all.extend(table(CliText::ALL, CliText::text_in));
        all.extend(table(SheetText::ALL, SheetText::text_in));
        all.extend(table(NameText::ALL, NameText::text_in));
        all.extend(table(RefusalText::ALL, RefusalText::text_in));
        all.extend(table(ExportText::ALL, ExportText::text_in));
        all.extend(table(MergeText::ALL, MergeText::text_in));
        all.extend(table(DifferenceText::ALL, DifferenceText::text_in));
        all.extend(table(FileText::ALL, FileText::text_in));
        all.extend(table(LooksText::ALL, LooksText::text_in));
        all.extend(table(DamageText::ALL, DamageText::text_in));
        all.extend(table(StoreText::ALL, StoreText::text_in));
        all.extend(table(ReasonText::ALL, ReasonText::text_in));
        all.extend(table(VerifyText::ALL, VerifyText::text_in));
        all.extend(table(NoticeText::ALL, NoticeText::text_in));
        all.extend(table(RosterText::ALL, RosterText::text_in));
        all.extend(table(ImportText::ALL, ImportText::text_in));
        all.extend(table(TomlText::ALL, TomlText::text_in));
        all.extend(table(GlossText::ALL, GlossText::text_in));
        all.extend(table(ValueText::ALL, ValueText::text_in));
        all.extend(table(FieldText::ALL, FieldText::text_in));
        all.extend(table(FieldProblemText::ALL, FieldProblemText::text_in));
        all.extend(table(SettingText::ALL, SettingText::text_in));
        all.extend(table(UnitText::ALL, UnitText::text_in));
        all.extend(table(StartText::ALL, StartText::text_in));
        all
    }

    #[test]
    fn both_languages_are_complete_and_agree_on_placeholders() {
        for (m, zh, en) in every_entry() {
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
            // English may quote the notice's grade names (好, 较好 and the rest),
            // which are the forms' own words; nothing else Chinese.
            let mut rest = en.to_string();
            for g in [
                "基本称职",
                "不称职",
                "较好",
                "一般",
                "优秀",
                "称职",
                "好",
                "差",
            ] {
                rest = rest.replace(g, "");
            }
            assert!(
                !rest.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m:?}: Chinese in the English label"
            );
        }
    }

    #[test]
    fn fill_fills_each_placeholder_once() {
        assert_eq!(fill("{0} 与 {1}", &[&"{1}", &"b"]), "{1} 与 b");
        assert_eq!(fill("{0}-wal {0}", &[&"f"]), "f-wal f");
        assert_eq!(fill("{x} {2} {", &[&"a"]), "{x} {2} {");
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill("第 {0} 轮 {1}", &[&2, &"x"]), "第 2 轮 x");
    }
}
