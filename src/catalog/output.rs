//! The sentences of the outputs (where an output may go, writing an
//! export, the printable ballot forms) and of `ceping merge`. The errors
//! and the merge's report are data, defined where they arise; their words
//! are here, in both languages, and the caller says which.
//!
//! What the system or a library says (an `io::Error`, an `XlsxError`) is
//! passed in as an argument, in its own words, as before.

use std::fmt;
use std::path::Path;

use super::Msg;
use crate::domain::MeetingKind;
use crate::export::ExportError;
use crate::export::forms::{
    ANNUAL_REVIEW_NAMES, FormsError, MAX_COPIES, PARTY_BUILDING_REVIEW_NAMES,
};
use crate::fsid::{OutputKind, OutputRefusal};
use crate::i18n::{Lang, lang};
use crate::merge::{CampaignDifference, MergeError, Merged, WriteFailure};
use crate::store::StoreError;

catalog! {
    /// Why an output may not go where it was asked to, and the example
    /// names the refusals suggest.
    pub enum RefusalText {
    ExampleXlsx => "结果.xlsx", "results.xlsx";
    ExampleCsv => "结果.csv", "results.csv";
    ExampleJson => "结果.json", "results.json";
    ExampleBallots => "选票.xlsx", "ballots.xlsx";
    ExampleMerged => "街道汇总.ceping", "street.ceping";
    Itself => "输出文件 {0} 就是考核文件本身，不能覆盖它。请换一个文件名，例如 {1}。",
        "The output {0} is the campaign file itself; it cannot be overwritten. Choose another name, e.g. {1}.";
    OtherCampaign => "输出文件 {0} 是另一个考核文件，不能覆盖它。请换一个文件名，例如 {1}。",
        "The output {0} is another campaign file; it cannot be overwritten. Choose another name, e.g. {1}.";
    Sidecar => "输出文件 {0} 是考核文件的 -wal、-shm 或 .lock 文件，不能写入或覆盖它。请换一个文件名，例如 {1}。",
        "The output {0} is a -wal, -shm or .lock file of a campaign; it cannot be written or overwritten. Choose another name, e.g. {1}.";
    Folder => "输出文件 {0} 是一个文件夹。请在后面加上文件名，例如 {1}。",
        "The output {0} is a folder. Add a file name to it, e.g. {1}.";
    Special => "输出文件 {0} 不是普通文件（而是设备、管道等），不能覆盖它。请换一个文件名，例如 {1}。",
        "The output {0} is not a regular file (a device, a pipe or the like); it cannot be overwritten. Choose another name, e.g. {1}.";
    NoFolder => "文件夹 {0} 不存在，无法写入 {1}。请先建立这个文件夹，或换一个位置。",
        "The folder {0} does not exist, so {1} cannot be written. Create the folder first, or choose another place.";
    NotAFolder => "{0} 不是文件夹，无法写入 {1}。请换一个位置。",
        "{0} is not a folder, so {1} cannot be written. Choose another place.";
    Unreadable => "输出文件 {0} 无法读取，不能确认它不是考核文件，所以不会覆盖它。请换一个文件名，例如 {1}。\n{2}",
        "The output {0} cannot be read, so it may be a campaign file and is not overwritten. Choose another name, e.g. {1}.\n{2}";
    }
}

catalog! {
    /// Why an export or the printable ballot forms were not written.
    pub enum ExportText {
    Exists => "{0} 已经存在。要覆盖它，请加上 --force；或换一个文件名。",
        "{0} already exists. Add --force to overwrite it, or choose another name.";
    Io => "无法写入 {0}：{1}", "Cannot write {0}: {1}";
    Xlsx => "无法生成 Excel 文件：{0}", "Cannot build the Excel file: {0}";
    UnknownMeeting => "不认识的会议“{0}”。请写 annual_review（{1}）或 party_building_review（{2}）。",
        "Unknown meeting \"{0}\". Write annual_review ({1}) or party_building_review ({2}).";
    UnknownUnit => "考核方案里没有“{0}”这个单位。可选的单位：{1}。",
        "The campaign has no unit \"{0}\". Its units: {1}.";
    NotHeld => "“{0}”不召开{1}，没有这种选票。",
        "\"{0}\" does not hold the {1} meeting, so it has no such ballot.";
    Copies => "份数 {0} 不在 1 到 {1} 之间。请用 --copies 给出要打印的份数（一份一页）。",
        "{0} copies is not between 1 and {1}. Give the number of forms with --copies (one per page).";
    }
}

catalog! {
    /// Why a merge was refused, and its report.
    pub enum MergeText {
    NoInputs => "没有要合并的文件。", "No files to merge.";
    Exists => "{0} 已经存在，合并不会覆盖它。请换一个文件名，或先把旧文件移走。",
        "{0} already exists; merge never overwrites it. Choose another name or move the old file away.";
    Input => "不能合并 {0}：{1}", "Cannot merge {0}: {1}";
    Campaign => "{0} 的考核方案与 {1} 不同：{2}。只能合并同一考核方案的文件。",
        "{0} holds a different campaign from {1}: {2}. Only files of the same campaign can be merged.";
    Duplicate => "{0} 和 {1} 含有同一份记录（指纹 {2}）。请只保留其中一个再合并。",
        "{0} and {1} hold the same record (fingerprint {2}). Keep only one of them and merge again.";
    Twice => "{0} 给出了两次。每个文件只需给一次。", "{0} is given twice. Give each file once.";
    Conflict => "{0} 在 {1} 和 {2} 中都有测评结果。每个单位只能来自一个文件：请去掉多余的文件，或核对哪一份是正式记录。",
        "{0} has results in both {1} and {2}. Each unit may come from one file only: leave out the extra file, or check which one is the official record.";
    GradingTwice => "{0} 和 {1} 都有街道的评定记录（等次、调查核实、综合评价或整改清单）。评定只能来自一个文件：请在合并后的文件里评定。",
        "{0} and {1} both hold the office's grading (grades, investigations, combined evaluations or rectifications). Grading may come from one file only: grade in the merged file.";
    Roster => "{0} 的名单在 {1} 和 {2} 中不同，而没有哪个文件有它的测评结果。请先统一名单（ceping import）再合并。",
        "The roster of {0} differs between {1} and {2}, and no file holds its results. Make the rosters the same (ceping import) and merge again.";
    Fold => "{0} 的第 {1} 条记录放进合并文件后不成立：{2}",
        "Event {1} of {0} does not fit in the merged file: {2}";
    Write => "无法写入 {0}：{1}", "Cannot write {0}: {1}";
    WalLeft => "临时文件的预写日志未能写回",
        "the temporary file's write-ahead log was not checkpointed";
    Report => "已合并 {0} 个文件：{1}；写入 {2}，共 {3} 条记录；指纹 {4}",
        "Merged {0} files: {1}; wrote {2}, {3} events; fingerprint {4}";
    ReportInput => "{0}（{1}）", "{0} ({1})";
    ReportInputSep => "，", "; ";
    ReportNoResults => "无测评结果", "no results";
    }
}

catalog! {
    /// How a second campaign differs from the first: the middle of the
    /// merge's refusal.
    pub enum DifferenceText {
    Title => "标题“{0}”与“{1}”", "the title \"{0}\" against \"{1}\"";
    Year => "年度 {0} 与 {1}", "the year {0} against {1}";
    NoMeeting => "没有{0}", "it has no {0} meeting";
    Scale => "{0}的等次表（{1}）与（{2}）", "the scale of the {0} meeting ({1}) against ({2})";
    SpeakingTime => "{0}的发言时间 {1} 分钟与 {2} 分钟",
        "the speaking time of the {0} meeting, {1} minutes against {2}";
    Meetings => "会议的种类或顺序不同", "the meetings or their order differ";
    Rules => "规则（法定人数、标记界线或名额）不同", "the rules (quorum, flags or quotas) differ";
    Units => "单位（{0}）与（{1}）", "the units ({0}) against ({1})";
    UnitSettings => "{0} 的设置（类别、工作组或召开的会议）不同",
        "the settings of {0} (kind, work group or meetings held) differ";
    }
}

/// The meeting's word inside a sentence: its Chinese name, or its key in
/// English (as the campaign file spells it).
fn kind_word(kind: MeetingKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind.label_zh(),
        Lang::En => kind.key(),
    }
}

/// Names joined with the language's list separator (`、` or `, `).
fn list(items: &[String], lang: Lang) -> String {
    items.join(Msg::ListSep.text_in(lang))
}

impl OutputKind {
    /// An example file name in `lang`, for the refusal to suggest.
    pub fn example(self, lang: Lang) -> &'static str {
        let text = match self {
            OutputKind::Xlsx => RefusalText::ExampleXlsx,
            OutputKind::Csv => RefusalText::ExampleCsv,
            OutputKind::Json => RefusalText::ExampleJson,
            OutputKind::Ballots => RefusalText::ExampleBallots,
            OutputKind::Merged => RefusalText::ExampleMerged,
        };
        text.text_in(lang)
    }
}

impl OutputRefusal {
    /// The sentence for the liaison, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use RefusalText as T;
        // A refusal naming the output and an example name to use instead.
        let named = |text: T, out: &Path, kind: &OutputKind| {
            text.fill_in(lang, &[&out.display(), &kind.example(lang)])
        };
        match self {
            OutputRefusal::Itself { out, kind } => named(T::Itself, out, kind),
            OutputRefusal::OtherCampaign { out, kind } => named(T::OtherCampaign, out, kind),
            OutputRefusal::Sidecar { out, kind } => named(T::Sidecar, out, kind),
            OutputRefusal::Folder { out, kind } => {
                let example = out.join(kind.example(lang));
                T::Folder.fill_in(lang, &[&out.display(), &example.display()])
            }
            OutputRefusal::Special { out, kind } => named(T::Special, out, kind),
            OutputRefusal::NoFolder { out, folder } => {
                T::NoFolder.fill_in(lang, &[&folder.display(), &out.display()])
            }
            OutputRefusal::NotAFolder { out, folder } => {
                T::NotAFolder.fill_in(lang, &[&folder.display(), &out.display()])
            }
            OutputRefusal::Unreadable { out, kind, error } => {
                T::Unreadable.fill_in(lang, &[&out.display(), &kind.example(lang), error])
            }
        }
    }
}

impl ExportError {
    /// The sentence for the liaison, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Exists(out) => ExportText::Exists.fill_in(lang, &[&out.display()]),
            ExportError::Io(out, error) => ExportText::Io.fill_in(lang, &[&out.display(), error]),
            ExportError::Xlsx(error) => ExportText::Xlsx.fill_in(lang, &[error]),
            ExportError::Refused(refusal) => refusal.message(lang),
            ExportError::Forms(forms) => forms.message(lang),
        }
    }
}

impl FormsError {
    /// The sentence for the liaison, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormsError::UnknownMeeting(meeting) => {
                let (annual, party_building) =
                    (ANNUAL_REVIEW_NAMES[1], PARTY_BUILDING_REVIEW_NAMES[1]);
                ExportText::UnknownMeeting.fill_in(lang, &[meeting, &annual, &party_building])
            }
            FormsError::UnknownUnit(unit, units) => {
                ExportText::UnknownUnit.fill_in(lang, &[unit, &list(units, lang)])
            }
            FormsError::NotHeld(unit, kind) => {
                ExportText::NotHeld.fill_in(lang, &[unit, &kind_word(*kind, lang)])
            }
            FormsError::Copies(n) => ExportText::Copies.fill_in(lang, &[n, &MAX_COPIES]),
        }
    }
}

impl MergeError {
    /// The sentence for the office, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use MergeText as T;
        match self {
            MergeError::NoInputs => T::NoInputs.text_in(lang).to_string(),
            MergeError::Output(refusal) => refusal.message(lang),
            MergeError::Exists(out) => T::Exists.fill_in(lang, &[&out.display()]),
            MergeError::Input { file, error } => input_text(file, error, lang),
            MergeError::Campaign { file, first, what } => T::Campaign.fill_in(
                lang,
                &[&file.display(), &first.display(), &what.message(lang)],
            ),
            MergeError::Duplicate { a, b, short } => {
                T::Duplicate.fill_in(lang, &[&a.display(), &b.display(), short])
            }
            MergeError::Twice(file) => T::Twice.fill_in(lang, &[&file.display()]),
            MergeError::Conflict { unit, a, b } => {
                T::Conflict.fill_in(lang, &[unit, &a.display(), &b.display()])
            }
            MergeError::GradingTwice { a, b } => {
                T::GradingTwice.fill_in(lang, &[&a.display(), &b.display()])
            }
            MergeError::Roster { unit, a, b } => {
                T::Roster.fill_in(lang, &[unit, &a.display(), &b.display()])
            }
            MergeError::Fold { file, seq, reason } => {
                T::Fold.fill_in(lang, &[&file.display(), seq, &reason.message(lang)])
            }
            MergeError::Write { file, error } => {
                T::Write.fill_in(lang, &[&file.display(), &error.message(lang)])
            }
        }
    }
}

/// Why an input cannot be merged: the error alone when it already names
/// the file (the file's own sentences do), else with the file in front.
fn input_text(file: &Path, error: &StoreError, lang: Lang) -> String {
    let text = error.message(lang);
    if text.contains(&file.display().to_string()) {
        return text;
    }
    MergeText::Input.fill_in(lang, &[&file.display(), &text])
}

impl WriteFailure {
    /// What went wrong writing the merged file, in `lang` (the system's
    /// own words for a failure of the disk).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteFailure::Store(error) => error.message(lang),
            WriteFailure::Io(error) => error.to_string(),
            WriteFailure::WalLeft => MergeText::WalLeft.text_in(lang).to_string(),
        }
    }
}

impl CampaignDifference {
    /// How the second campaign differs from the first, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use DifferenceText as T;
        match self {
            CampaignDifference::Title { theirs, first } => T::Title.fill_in(lang, &[theirs, first]),
            CampaignDifference::Year { theirs, first } => T::Year.fill_in(lang, &[theirs, first]),
            CampaignDifference::NoMeeting(kind) => {
                T::NoMeeting.fill_in(lang, &[&kind_word(*kind, lang)])
            }
            CampaignDifference::Scale {
                kind,
                theirs,
                first,
            } => T::Scale.fill_in(
                lang,
                &[
                    &kind_word(*kind, lang),
                    &list(theirs, lang),
                    &list(first, lang),
                ],
            ),
            CampaignDifference::SpeakingTime {
                kind,
                theirs,
                first,
            } => T::SpeakingTime.fill_in(lang, &[&kind_word(*kind, lang), theirs, first]),
            CampaignDifference::Meetings => T::Meetings.text_in(lang).to_string(),
            CampaignDifference::Rules => T::Rules.text_in(lang).to_string(),
            CampaignDifference::Units { theirs, first } => {
                T::Units.fill_in(lang, &[&list(theirs, lang), &list(first, lang)])
            }
            CampaignDifference::UnitSettings(unit) => T::UnitSettings.fill_in(lang, &[unit]),
        }
    }
}

impl Merged {
    /// The one-line report, in `lang`: every file with the units it
    /// brought, the merged file, its events and fingerprint.
    pub fn message(&self, lang: Lang) -> String {
        let inputs: Vec<String> = self
            .inputs
            .iter()
            .map(|(path, units)| {
                let units = if units.is_empty() {
                    MergeText::ReportNoResults.text_in(lang).to_string()
                } else {
                    list(units, lang)
                };
                MergeText::ReportInput.fill_in(lang, &[&path.display(), &units])
            })
            .collect();
        MergeText::Report.fill_in(
            lang,
            &[
                &self.inputs.len(),
                &inputs.join(MergeText::ReportInputSep.text_in(lang)),
                &self.out.display(),
                &self.events,
                &self.fingerprint,
            ],
        )
    }
}

/// At the edges (`anyhow`, standard error, the command's report) these
/// speak the process's language; inside the program, call `message`.
macro_rules! display_in_process_language {
    ($($ty:ty),*) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.message(lang()))
            }
        }
    )*};
}

display_in_process_language!(OutputRefusal, ExportError, FormsError, MergeError, Merged);
