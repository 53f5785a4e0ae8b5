//! The campaign file's sentences: its errors (`StoreError`), why a log is
//! damaged (`Reason`), what `ceping verify` reports and the notices an
//! opening gives. The store returns data; the words are here, in both
//! languages, and `src/store/sentences.rs` puts them together in the
//! language the caller names.

catalog! {
    /// A failure of the campaign file, its folder or the disk: what
    /// happened, to which file and what to do. Every sentence takes the
    /// same arguments, so one call fills any of them: `{0}` the file,
    /// `{1}` its folder as a phrase (`FolderNamed` and the like), `{2}`
    /// what the class adds (how the file looks, the damage, the missing
    /// folder's name).
    pub enum FileText {
    DiskFull => "磁盘已满，无法写入 {0}。请腾出磁盘空间（或把文件移到空间足够的磁盘）后再试；已经保存的记录不受影响。",
        "The disk is full: {0} cannot be written. Free some disk space (or move the file to a disk with room) and try again; what was already saved is not affected.";
    ReadOnlyFile => "{0} 是只读文件，ceping 不能在里面记录。请去掉它的只读属性，或把它复制到可写的地方再打开；只查看结果可以用 ceping verify、export 或 projector。",
        "{0} is read-only, so ceping cannot record in it. Make it writable, or copy it to a writable place and open the copy; to only look at the results, use ceping verify, export or projector.";
    ReadOnlyFolder => "{1}不可写（例如写保护的 U 盘），ceping 不能在那里记录 {0}。请把文件复制到可写的文件夹（如本机硬盘）再打开；只查看结果可以用 ceping verify、export 或 projector。",
        "{1} is not writable (a write-protected USB stick, for example), so ceping cannot record in {0} there. Copy the file to a writable folder (such as the laptop's disk) and open it there; to only look at the results, use ceping verify, export or projector.";
    CannotCreate => "{1}不可写（例如写保护的 U 盘），无法在那里建立 {0}。请换一个可写的文件夹。",
        "{1} is not writable (a write-protected USB stick, for example), so {0} cannot be created there. Choose a writable folder.";
    WalOnReadOnly => "{0}-wal 里还有尚未并入 {0} 的记录，而{1}不可写，无法读取这些记录。请把 {0} 和 {0}-wal 一起复制到可写的文件夹再打开。",
        "{0}-wal holds records not yet folded into {0}, and {1} is not writable, so they cannot be read. Copy {0} together with {0}-wal to a writable folder and open it there.";
    PermissionDenied => "没有读写 {0} 的权限。请用建立这个文件的用户账户运行 ceping，或请管理员给你权限。",
        "You have no permission to read or write {0}. Run ceping as the user who created the file, or ask an administrator for access.";
    NotCeping => "{0} 不是 ceping 的考核文件（{2}）。请打开用 ceping init 或 ceping demo 建立的 .ceping 文件。",
        "{0} is not a ceping campaign file ({2}). Open a .ceping file made by ceping init or ceping demo.";
    Damaged => "{0} 已损坏（{2}）。请改用备份，并保留这个文件以便查明原因。",
        "{0} is damaged ({2}). Use a backup, and keep this file so the cause can be found.";
    IsFolder => "{0} 是一个文件夹，不是考核文件。请给出其中 .ceping 文件的完整路径。",
        "{0} is a folder, not a campaign file. Give the path of the .ceping file inside it.";
    NoFolder => "找不到文件夹 {2}，也就没有 {0}。请检查路径（U 盘是否插好）。",
        "The folder {2} does not exist, so there is no {0}. Check the path (is the USB stick plugged in?).";
    Busy => "{0} 正被另一个程序占用（例如正在复制或备份）。请稍后再试。",
        "{0} is held by another program (being copied or backed up, for example). Try again in a moment.";
    Io => "读写 {0} 时出错。请检查磁盘或 U 盘是否正常，然后再试；已经保存的记录不受影响。",
        "Reading or writing {0} failed. Check that the disk or USB stick works, then try again; what was already saved is not affected.";
    Unexpected => "ceping 处理 {0} 时遇到意外的错误。请把下面的详情告诉技术支持；已经保存的记录不受影响。",
        "ceping hit an unexpected error with {0}. Pass the detail below to technical support; what was already saved is not affected.";
    // The file and its folder inside those sentences. An error not tied
    // to a path speaks of "the campaign file".
    TheCampaignFile => "考核文件", "the campaign file";
    FolderNamed => "文件夹 {0} ", "The folder {0}";
    FolderNamedInside => "文件夹 {0} ", "the folder {0}";
    CampaignFolder => "考核文件所在的文件夹", "The campaign file's folder";
    CampaignFolderInside => "考核文件所在的文件夹", "the campaign file's folder";
    // SQLite's or the system's own text, on its own line.
    Detail => "详情：{0}", "detail: {0}";
    }
}

catalog! {
    /// What a file that is not a campaign file looks like.
    pub enum LooksText {
    Empty => "这是一个空文件", "it is empty";
    Text => "这是一个文本文件", "it is a text file";
    Sqlite => "这是别的程序的 SQLite 数据库", "it is another program's SQLite database";
    Binary => "这不是 SQLite 数据库", "it is not an SQLite database";
    Special => "这不是普通文件，而是设备或管道之类",
        "it is not a regular file but a device, a pipe or the like";
    }
}

catalog! {
    /// How a campaign file is damaged below the log.
    pub enum DamageText {
    Malformed => "SQLite 发现数据库的结构已损坏", "SQLite found its structure malformed";
    Truncated => "文件不完整，像是被截短了", "the file is incomplete, as if cut short";
    Header => "文件头已损坏", "its header is damaged";
    BadData => "有记录包含无法读取的数据", "a record holds unreadable data";
    NoEvents => "缺少记录表", "the table of records is missing";
    Integrity => "SQLite 的完整性检查没有通过", "SQLite's integrity check failed";
    }
}

catalog! {
    /// The campaign file's errors other than the file failures.
    pub enum StoreText {
    Exists => "文件 {0} 已经存在，ceping 不会覆盖它。请换一个文件名，或先把旧文件移走。",
        "{0} already exists; ceping will not overwrite it. Choose another name or move the old file away.";
    NotFound => "找不到文件 {0}。请检查路径，或用 ceping init 新建。",
        "{0} not found. Check the path, or create it with ceping init.";
    Locked => "{0} 正在被另一个 ceping 写入{1}。请先关闭那边的 ceping；只看结果可以用只读方式打开（如 ceping projector）。",
        "{0} is being written by another ceping{1}. Close that one first; to only look at the results, open it read-only (e.g. ceping projector).";
    LockedBy => "：{0}@{1}（进程 {2}，自 {3} 起）", ": {0}@{1} (process {2}, since {3})";
    LockedByUnknown => "（它刚刚打开这个文件，还没有记下是谁）",
        " (it has just opened the file and not yet noted who it is)";
    NewerSchema => "{0} 由更新版本的 ceping 写入（格式 v{1}，本程序只认识到 v{2}）。请升级 ceping 后再打开；文件没有被改动。",
        "{0} was written by a newer ceping (format v{1}; this program knows up to v{2}). Upgrade ceping to open it; the file was not changed.";
    Pragma => "无法保证断电后数据不丢失（{0}），为安全起见拒绝运行。请把文件放在本机硬盘上再试。",
        "Cannot make writes crash-safe ({0}); refusing to run. Put the file on a local disk and try again.";
    Damaged => "记录在第 {0} 条处损坏：{1}。请改用备份，并保留这个文件以便查明原因。",
        "The record is damaged at event {0}: {1}. Use a backup, and keep this file so the cause can be found.";
    DamagedIn => "记录在第 {0} 条处损坏：{1}。请改用 {2} 的备份，并保留这个文件以便查明原因。",
        "The record is damaged at event {0}: {1}. Use a backup of {2}, and keep this file so the cause can be found.";
    NoTerminal => "ceping {0} 要在终端窗口里运行，而现在它的输入或输出不是终端（例如被重定向到了文件或管道）。请在终端窗口中直接运行它。",
        "ceping {0} needs a terminal window, but its input or output is not a terminal (redirected to a file or a pipe, for example). Run it directly in a terminal window.";
    Json => "记录格式错误：{0}", "Record format error: {0}";
    OpenedReadOnly => "以只读方式打开，不能写入", "opened read-only";
    BackupOverSource => "备份不能写在考核文件本身上：{0}。请选另一个位置，例如 U 盘。",
        "A backup cannot be written over the campaign file itself: {0}. Choose another place, e.g. a USB stick.";
    }
}

catalog! {
    /// Why the log is damaged at an event (inside `StoreText::Damaged`).
    pub enum ReasonText {
    HashMismatch => "哈希不符，记录被改动过", "hash mismatch: the event was altered";
    Unreadable => "无法读取：{0}", "unreadable: {0}";
    NotUtf8 => "{0} 栏里的文字编码无效", "its {0} field is not valid UTF-8 text";
    NotText => "{0} 栏里不是文字", "its {0} field is not text";
    Missing => "这条记录缺失", "this event is missing";
    GapBefore => "这条记录前有缺失", "an event before it is missing";
    TailDeleted => "末尾的记录被删除", "events at the end were deleted";
    SequenceChanged => "记录编号的计数（sqlite_sequence）被删除或改动过，无法确认末尾没有记录被删除",
        "the event counter (sqlite_sequence) was deleted or changed, so events deleted from the end cannot be ruled out";
    NoCampaign => "文件里没有考核方案", "the file holds no campaign";
    ChangedWhileRead => "读取时记录被改动", "the record changed while being read";
    }
}

catalog! {
    /// What `ceping verify` prints for a file that passed.
    pub enum VerifyText {
    Summary => "完好：{0} 条记录，{1} 个单位，{2} 轮测评，{3} 张选票；链头 {4}（指纹 {5}）",
        "OK: {0} events, {1} units, {2} rounds, {3} ballots; chain head {4} (fingerprint {5})";
    NoClosings => "还没有结束的测评轮次。", "No round has been closed yet.";
    Closing => "{0} {1} {2}：结束于 {3}（第 {4} 条记录），指纹 {5}，{6}{7}",
        "{0} {1} {2}: closed {3} (event {4}), fingerprint {5}, {6}{7}";
    FromMerged => "来自合并的文件 {0}（合并时已核对）", "from merged file {0} (checked when merged)";
    MatchesChain => "与记录链一致", "matches the chain";
    DoesNotMatchChain => "与记录链不符", "does NOT match the chain";
    Reopened => "；之后于 {0} 重新打开，理由：{1}", "; reopened {0}, reason: {1}";
    }
}

catalog! {
    /// The one-line notices an opening gives on standard error.
    pub enum NoticeText {
    OpenedReadOnly => "注意：{0} 以只读方式打开（文件夹不可写）。",
        "note: {0} opened read-only (the folder is not writable).";
    MadePrivate => "注意：其他用户原本也能读取 {0}（权限 {1}），已改为只有你能访问（{2}）。",
        "note: other users could read {0} (mode {1}); now only you can (mode {2}).";
    OthersCanRead => "注意：其他用户也能读取 {0}（权限 {1}），ceping 无法更改（文件不属于你，或文件系统不允许）。请让文件的主人运行 chmod 600，或把它放在只有你能进入的文件夹里。",
        "note: other users can read {0} (mode {1}) and ceping cannot change that (the file is not yours, or the file system does not allow it). Ask its owner to run chmod 600, or keep it in a folder only you can enter.";
    }
}
