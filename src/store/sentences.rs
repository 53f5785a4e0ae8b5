//! The sentences of the campaign file's errors: for each class of
//! failure ([`FileProblem`]) and each damage, what happened, to which file
//! and what to do, in the user's language; and how a [`StoreError`]
//! prints (the sentence, then any raw detail on a second line).

use std::fmt;
use std::io::ErrorKind;
use std::path::Path;

use super::error::*;
use crate::i18n::tr;

/// Text from a file on one line, without control characters.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A reason that goes inside a sentence: without its own final stop.
fn inner(reason: &str) -> &str {
    reason.trim_end_matches(['。', '.', '；', ';', '，', ',', ' '])
}

impl Looks {
    fn text(self) -> String {
        match self {
            Looks::Empty => tr("这是一个空文件", "it is empty"),
            Looks::Text => tr("这是一个文本文件", "it is a text file"),
            Looks::Sqlite => tr(
                "这是别的程序的 SQLite 数据库",
                "it is another program's SQLite database",
            ),
            Looks::Binary => tr("这不是 SQLite 数据库", "it is not an SQLite database"),
            Looks::Special => tr(
                "这不是普通文件，而是设备或管道之类",
                "it is not a regular file but a device, a pipe or the like",
            ),
        }
    }
}

impl Damage {
    fn text(self) -> String {
        match self {
            Damage::Malformed => tr(
                "SQLite 发现数据库的结构已损坏",
                "SQLite found its structure malformed",
            ),
            Damage::Truncated => tr(
                "文件不完整，像是被截短了",
                "the file is incomplete, as if cut short",
            ),
            Damage::Header => tr("文件头已损坏", "its header is damaged"),
            Damage::BadData => tr("有记录包含无法读取的数据", "a record holds unreadable data"),
            Damage::NoEvents => tr("缺少记录表", "the table of records is missing"),
            Damage::Integrity => tr(
                "SQLite 的完整性检查没有通过",
                "SQLite's integrity check failed",
            ),
        }
    }
}

const BACKUP_ZH: &str = "请改用备份，并保留这个文件以便查明原因。";
const BACKUP_EN: &str = "Use a backup, and keep this file so the cause can be found.";
const LOOK_ZH: &str = "只查看结果可以用 ceping verify、export 或 projector。";
const LOOK_EN: &str = "to only look at the results, use ceping verify, export or projector.";

/// The sentence for a file failure. `path` is `None` for an error not tied
/// to a file (then "the campaign file").
pub fn sentence(problem: FileProblem, path: Option<&Path>) -> String {
    let text = sentence_for(problem, path);
    if path.is_some() {
        return text;
    }
    // Spaces set a path apart from Chinese; not a Chinese word.
    text.replace(" 考核文件 ", "考核文件")
        .replace(" 考核文件", "考核文件")
        .replace("考核文件 ", "考核文件")
}

fn sentence_for(problem: FileProblem, path: Option<&Path>) -> String {
    use FileProblem as P;
    let f = match path {
        Some(p) => p.display().to_string(),
        None => tr("考核文件", "the campaign file"),
    };
    let dir = path.map(folder_shown);
    // The folder as the subject of a sentence, and inside one.
    let (folder_zh, folder_en, folder_en_inner) = match &dir {
        Some(d) => (
            format!("文件夹 {d} "),
            format!("The folder {d}"),
            format!("the folder {d}"),
        ),
        None => (
            "考核文件所在的文件夹".to_string(),
            "The campaign file's folder".to_string(),
            "the campaign file's folder".to_string(),
        ),
    };
    match problem {
        P::DiskFull => tr(
            format!(
                "磁盘已满，无法写入 {f}。请腾出磁盘空间（或把文件移到空间足够的磁盘）后再试；已经保存的记录不受影响。"
            ),
            format!(
                "The disk is full: {f} cannot be written. Free some disk space (or move the file to a disk with room) and try again; what was already saved is not affected."
            ),
        ),
        P::ReadOnlyFile => tr(
            format!(
                "{f} 是只读文件，ceping 不能在里面记录。请去掉它的只读属性，或把它复制到可写的地方再打开；{LOOK_ZH}"
            ),
            format!(
                "{f} is read-only, so ceping cannot record in it. Make it writable, or copy it to a writable place and open the copy; {LOOK_EN}"
            ),
        ),
        P::ReadOnlyFolder => tr(
            format!(
                "{folder_zh}不可写（例如写保护的 U 盘），ceping 不能在那里记录 {f}。请把文件复制到可写的文件夹（如本机硬盘）再打开；{LOOK_ZH}"
            ),
            format!(
                "{folder_en} is not writable (a write-protected USB stick, for example), so ceping cannot record in {f} there. Copy the file to a writable folder (such as the laptop's disk) and open it there; {LOOK_EN}"
            ),
        ),
        P::CannotCreate => tr(
            format!(
                "{folder_zh}不可写（例如写保护的 U 盘），无法在那里建立 {f}。请换一个可写的文件夹。"
            ),
            format!(
                "{folder_en} is not writable (a write-protected USB stick, for example), so {f} cannot be created there. Choose a writable folder."
            ),
        ),
        P::WalOnReadOnly => tr(
            format!(
                "{f}-wal 里还有尚未并入 {f} 的记录，而{folder_zh}不可写，无法读取这些记录。请把 {f} 和 {f}-wal 一起复制到可写的文件夹再打开。"
            ),
            format!(
                "{f}-wal holds records not yet folded into {f}, and {folder_en_inner} is not writable, so they cannot be read. Copy {f} together with {f}-wal to a writable folder and open it there."
            ),
        ),
        P::PermissionDenied => tr(
            format!(
                "没有读写 {f} 的权限。请用建立这个文件的用户账户运行 ceping，或请管理员给你权限。"
            ),
            format!(
                "You have no permission to read or write {f}. Run ceping as the user who created the file, or ask an administrator for access."
            ),
        ),
        P::NotCeping(looks) => {
            let looks = looks.text();
            tr(
                format!(
                    "{f} 不是 ceping 的考核文件（{looks}）。请打开用 ceping init 或 ceping demo 建立的 .ceping 文件。"
                ),
                format!(
                    "{f} is not a ceping campaign file ({looks}). Open a .ceping file made by ceping init or ceping demo."
                ),
            )
        }
        P::Damaged(what) => {
            let what = what.text();
            tr(
                format!("{f} 已损坏（{what}）。{BACKUP_ZH}"),
                format!("{f} is damaged ({what}). {BACKUP_EN}"),
            )
        }
        P::IsFolder => tr(
            format!("{f} 是一个文件夹，不是考核文件。请给出其中 .ceping 文件的完整路径。"),
            format!(
                "{f} is a folder, not a campaign file. Give the path of the .ceping file inside it."
            ),
        ),
        P::NoFolder => {
            let dir = dir.unwrap_or_default();
            tr(
                format!("找不到文件夹 {dir}，也就没有 {f}。请检查路径（U 盘是否插好）。"),
                format!(
                    "The folder {dir} does not exist, so there is no {f}. Check the path (is the USB stick plugged in?)."
                ),
            )
        }
        P::Busy => tr(
            format!("{f} 正被另一个程序占用（例如正在复制或备份）。请稍后再试。"),
            format!(
                "{f} is held by another program (being copied or backed up, for example). Try again in a moment."
            ),
        ),
        P::Io => tr(
            format!(
                "读写 {f} 时出错。请检查磁盘或 U 盘是否正常，然后再试；已经保存的记录不受影响。"
            ),
            format!(
                "Reading or writing {f} failed. Check that the disk or USB stick works, then try again; what was already saved is not affected."
            ),
        ),
        P::Unexpected => tr(
            format!(
                "ceping 处理 {f} 时遇到意外的错误。请把下面的详情告诉技术支持；已经保存的记录不受影响。"
            ),
            format!(
                "ceping hit an unexpected error with {f}. Pass the detail below to technical support; what was already saved is not affected."
            ),
        ),
    }
}

/// The raw text on its own line after the sentence.
fn with_detail(f: &mut fmt::Formatter<'_>, sentence: &str, detail: Option<&str>) -> fmt::Result {
    write!(f, "{sentence}")?;
    match detail {
        Some(d) if !d.trim().is_empty() => {
            write!(f, "\n{}{}", tr("详情：", "detail: "), clean(d))
        }
        _ => Ok(()),
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Exists(p) => write!(
                f,
                "{}",
                tr(
                    format!(
                        "文件 {0} 已经存在，ceping 不会覆盖它。请换一个文件名，或先把旧文件移走。",
                        p.display()
                    ),
                    format!(
                        "{0} already exists; ceping will not overwrite it. Choose another name or move the old file away.",
                        p.display()
                    ),
                )
            ),
            StoreError::NotFound(p) => write!(
                f,
                "{}",
                tr(
                    format!(
                        "找不到文件 {0}。请检查路径，或用 ceping init 新建。",
                        p.display()
                    ),
                    format!(
                        "{0} not found. Check the path, or create it with ceping init.",
                        p.display()
                    ),
                )
            ),
            StoreError::Locked { path, holder } => {
                let p = path.display();
                let who = holder.as_ref().map(|h| {
                    let (user, host, since) = (clean(&h.user), clean(&h.host), clean(&h.since));
                    tr(
                        format!("：{user}@{host}（进程 {}，自 {since} 起）", h.pid),
                        format!(": {user}@{host} (process {}, since {since})", h.pid),
                    )
                });
                let who = who.unwrap_or_else(|| {
                    tr(
                        "（它刚刚打开这个文件，还没有记下是谁）",
                        " (it has just opened the file and not yet noted who it is)",
                    )
                });
                write!(
                    f,
                    "{}",
                    tr(
                        format!(
                            "{p} 正在被另一个 ceping 写入{who}。请先关闭那边的 ceping；只看结果可以用只读方式打开（如 ceping projector）。"
                        ),
                        format!(
                            "{p} is being written by another ceping{who}. Close that one first; to only look at the results, open it read-only (e.g. ceping projector)."
                        ),
                    )
                )
            }
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => {
                let p = path.display();
                write!(
                    f,
                    "{}",
                    tr(
                        format!(
                            "{p} 由更新版本的 ceping 写入（格式 v{found}，本程序只认识到 v{supported}）。请升级 ceping 后再打开；文件没有被改动。"
                        ),
                        format!(
                            "{p} was written by a newer ceping (format v{found}; this program knows up to v{supported}). Upgrade ceping to open it; the file was not changed."
                        ),
                    )
                )
            }
            StoreError::Pragma(what) => write!(
                f,
                "{}",
                tr(
                    format!(
                        "无法保证断电后数据不丢失（{what}），为安全起见拒绝运行。请把文件放在本机硬盘上再试。"
                    ),
                    format!(
                        "Cannot make writes crash-safe ({what}); refusing to run. Put the file on a local disk and try again."
                    ),
                )
            ),
            StoreError::Damaged { seq, reason } => {
                let reason = inner(reason);
                write!(
                    f,
                    "{}",
                    tr(
                        format!("记录在第 {seq} 条处损坏：{reason}。{BACKUP_ZH}"),
                        format!("The record is damaged at event {seq}: {reason}. {BACKUP_EN}"),
                    )
                )
            }
            StoreError::DamagedIn { path, seq, reason } => {
                let (p, reason) = (path.display(), inner(reason));
                write!(
                    f,
                    "{}",
                    tr(
                        format!(
                            "记录在第 {seq} 条处损坏：{reason}。请改用 {p} 的备份，并保留这个文件以便查明原因。"
                        ),
                        format!(
                            "The record is damaged at event {seq}: {reason}. Use a backup of {p}, and keep this file so the cause can be found."
                        ),
                    )
                )
            }
            StoreError::File {
                path,
                problem,
                detail,
            } => with_detail(f, &sentence(*problem, Some(path)), detail.as_deref()),
            StoreError::NoTerminal { command, detail } => with_detail(
                f,
                &tr(
                    format!(
                        "ceping {command} 要在终端窗口里运行，而现在它的输入或输出不是终端（例如被重定向到了文件或管道）。请在终端窗口中直接运行它。"
                    ),
                    format!(
                        "ceping {command} needs a terminal window, but its input or output is not a terminal (redirected to a file or a pipe, for example). Run it directly in a terminal window."
                    ),
                ),
                detail.as_deref(),
            ),
            StoreError::Domain(e) => write!(f, "{e}"),
            StoreError::Sqlite(e) => {
                let problem = match sort_sqlite(e) {
                    Sorted::Is(p) => p,
                    Sorted::ReadOnly => FileProblem::ReadOnlyFile,
                    Sorted::CantOpen => FileProblem::Io,
                };
                with_detail(f, &sentence(problem, None), Some(&sqlite_detail(e)))
            }
            StoreError::Io(e) if is_sentence(e) => write!(f, "{e}"),
            StoreError::Io(e) => {
                let problem = match e.kind() {
                    ErrorKind::NotFound => FileProblem::Io,
                    _ => sort_io(None, e),
                };
                with_detail(f, &sentence(problem, None), Some(&e.to_string()))
            }
            StoreError::Json(e) => write!(
                f,
                "{}",
                tr(
                    format!("记录格式错误：{e}"),
                    format!("Record format error: {e}")
                )
            ),
        }
    }
}
