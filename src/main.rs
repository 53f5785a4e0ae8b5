//! The `ceping` command line: create, open, verify and export campaign
//! files. Every user error ends in one sentence on stderr and exit code 1;
//! usage errors (what clap finds) exit with 2. The command line itself,
//! its help and usage errors in the user's language, is in [`cli`].

mod cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use ceping::catalog::{CliText, Msg, StartText};
use ceping::domain::{BallotContent, Event, MeetingKind, RoundKey};
use ceping::fsid::{self, OutputKind};
use ceping::i18n::{self, Lang, lang};
use ceping::store::{Store, verify};
use ceping::{campaign_toml, export, summary};
use cli::{Command, Format};

/// `println!` that ends quietly when the reader has gone (`ceping verify
/// FILE | head -1`): a closed pipe is not an error worth a panic.
macro_rules! out {
    ($($arg:tt)*) => {
        write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` likewise.
macro_rules! out_raw {
    ($($arg:tt)*) => {
        write_out(format_args!($($arg)*))
    };
}

fn write_out(args: std::fmt::Arguments) {
    if let Err(e) = std::io::stdout().write_fmt(args) {
        stdout_failed(e);
    }
}

/// Standard output failed: a reader that went away ends the command
/// quietly; anything else (a full disk behind a redirect) is an error, so
/// a cut-short export never looks complete.
pub(crate) fn stdout_failed(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("{}{e}", CliText::OutputFailed.text_in(lang()));
    std::process::exit(1);
}

fn main() -> ExitCode {
    // Read before clap: the help and usage errors it prints must already
    // be in the language.
    let scanned = Lang::from_args(std::env::args_os().skip(1)).unwrap_or_else(Lang::from_env);
    i18n::set_lang(scanned);
    let cli = match cli::parse(scanned) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    i18n::set_lang(cli.lang.unwrap_or(scanned));
    let result = match cli.command {
        // `ceping` alone, as after a double-click: the start screen on a
        // terminal; else how to use it, as for a usage error.
        None => return no_arguments(),
        Some(command) => run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}{}", CliText::ErrorPrefix.text_in(lang()), sentence(&e));
            ExitCode::from(1)
        }
    }
}

/// `ceping` with no arguments. On a terminal: the start screen, then what
/// was chosen there. A window opened by a double-click closes when ceping
/// ends, so an error waits for Enter before it does.
fn no_arguments() -> ExitCode {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        eprint!("{}", cli::localized(lang()).render_help());
        return ExitCode::from(2);
    }
    match start() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}{}", CliText::ErrorPrefix.text_in(lang()), sentence(&e));
            eprintln!("{}", StartText::PressEnter.text_in(lang()));
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
            ExitCode::from(1)
        }
    }
}

/// The start screen until a file opens (the meeting screen or the
/// projector) or the user quits. A file that will not open brings the
/// start screen back with the reason on its status line.
fn start() -> Result<()> {
    use ceping::app::start::{Choice, StartScreen};
    use ceping::start_files;
    let folders = start_files::default_folders();
    let new_folder = start_files::new_file_folder(&folders);
    let mut screen = StartScreen::new(folders, new_folder, start_files::Zone::Local);
    loop {
        let choice = ceping::tui::run_start(screen)?;
        let failed = match choice {
            Choice::Quit => return Ok(()),
            Choice::Open(path) => match Store::open(&path) {
                Ok(session) => return meeting_screen(session, None),
                Err(e) => e,
            },
            Choice::Projector(path) => match ceping::projector::run(&path) {
                Ok(()) => return Ok(()),
                // The file would not open: the terminal was not taken.
                Err(e @ ceping::store::StoreError::NoTerminal { .. }) => return Err(e.into()),
                Err(e) => e,
            },
        };
        let folders = start_files::default_folders();
        let new_folder = start_files::new_file_folder(&folders);
        screen = StartScreen::new(folders, new_folder, start_files::Zone::Local);
        screen.status = Some(ceping::app::Status::Error(failed.message(lang())));
    }
}

/// The error's sentence, once. Each error of ours is a whole sentence
/// already; what it was caused by is added only when that says something
/// the sentence does not (`{:#}` would repeat a cause the sentence quotes).
fn sentence(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1).map(ToString::to_string) {
        if !text.contains(&cause) {
            text = format!("{text}{}{cause}", Msg::Colon.text_in(lang()));
        }
    }
    text
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::Init { file, campaign } => init(&file, campaign.as_deref()),
        Command::Demo { file } => demo(file),
        Command::Open {
            file,
            mirror,
            mirror_every,
        } => open(&file, mirror, mirror_every),
        Command::Backup { file, dest, force } => backup(&file, &dest, force),
        Command::Verify { file } => verify_file(&file),
        Command::Export {
            file,
            format,
            output,
            force,
        } => export_file(&file, format, output.as_deref(), force),
        Command::Ballots {
            file,
            unit,
            meeting,
            copies,
            output,
            force,
        } => ballot_forms(&file, &unit, &meeting, copies, &output, force),
        Command::Import { file, roster } => import(&file, &roster),
        Command::Merge { out, inputs } => merge(&out, &inputs),
        Command::Projector { file } => Ok(ceping::projector::run(&file)?),
        Command::Template => {
            out_raw!("{}", campaign_toml::template());
            Ok(())
        }
        Command::Help { command } => cli::help(command.as_deref()),
        Command::DebugAppend { file, count } => debug_append(&file, count),
    }
}

/// `ceping init`: the demo campaign without a definition.
fn init(file: &Path, campaign: Option<&Path>) -> Result<()> {
    let campaign = match campaign {
        Some(toml) => campaign_toml::load(toml)?,
        None => campaign_toml::demo(),
    };
    let session = Store::create(file, &campaign)?;
    let (title, units) = (&campaign.title, campaign.units.len());
    out!(
        "{}",
        CliText::Created.fill_in(lang(), &[&file.display(), &title, &units])
    );
    drop(session);
    Ok(())
}

/// `ceping demo`: a new file named for the time unless one is given.
fn demo(file: Option<PathBuf>) -> Result<()> {
    let file = file.unwrap_or_else(|| {
        PathBuf::from(format!(
            "ceping-demo-{}.ceping",
            chrono::Local::now().format("%Y%m%d-%H%M%S")
        ))
    });
    let session = Store::create(&file, &campaign_toml::demo())?;
    out!("{}", CliText::DemoFile.fill_in(lang(), &[&file.display()]));
    meeting_screen(session, None)
}

fn open(file: &Path, mirror: Option<PathBuf>, mirror_every: u32) -> Result<()> {
    let mirror = mirror.map(|dir| ceping::app::mirror::Mirror::new(file, dir, mirror_every));
    meeting_screen(Store::open(file)?, mirror)
}

fn backup(file: &Path, dest: &Path, force: bool) -> Result<()> {
    let copied = ceping::store::backup::backup(file, dest, force)?;
    let (path, events) = (copied.path.display(), copied.events);
    let fingerprint = ceping::domain::round::short_fingerprint(&copied.head);
    out!(
        "{}",
        CliText::BackedUp.fill_in(lang(), &[&path, &events, &fingerprint])
    );
    Ok(())
}

fn verify_file(file: &Path) -> Result<()> {
    // Looked at before opening: opening creates the -wal.
    let copied = ceping::store::checkpoint::copied_in_use(file) == Some(true);
    let report = verify::verify(file)?;
    out!("{}", report.summary(lang()));
    if copied {
        out!("{}", in_use_note(&report));
    }
    // Every round ever closed, with the fingerprint shown when it closed,
    // for checking against the signed minutes.
    for line in report.closing_lines(lang()) {
        out!("{line}");
    }
    Ok(())
}

fn export_file(file: &Path, format: Format, output: Option<&Path>, force: bool) -> Result<()> {
    let kind = match format {
        Format::Json => OutputKind::Json,
        Format::Xlsx => OutputKind::Xlsx,
        Format::Csv => OutputKind::Csv,
    };
    // Never over a campaign file or its sidecars, even with --force:
    // refused before any work.
    if let Some(out) = output {
        fsid::check_output(out, &[file], kind)?;
    }
    let mut store = Store::open_read_only(file)?;
    let model = store.replay()?;
    let bytes = match format {
        Format::Json => export::json::to_string(&model, &store.head()).into_bytes(),
        Format::Xlsx => export::xlsx::to_bytes(&model, &store.head())?,
        Format::Csv => export::csv::to_bytes(&model, &store.head()),
    };
    match output {
        Some(out) => export::write_output(out, &bytes, force, &[file], kind)?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(())
}

/// `ceping ballots`: `copies` forms for `unit`'s `meeting`.
fn ballot_forms(
    file: &Path,
    unit: &str,
    meeting: &str,
    copies: u32,
    output: &Path,
    force: bool,
) -> Result<()> {
    fsid::check_output(output, &[file], OutputKind::Ballots)?;
    let mut store = Store::open_read_only(file)?;
    let model = store.replay()?;
    let bytes = export::forms::to_bytes(&model, unit, meeting, copies)?;
    export::write_output(output, &bytes, force, &[file], OutputKind::Ballots)?;
    let output = output.display();
    out!(
        "{}",
        CliText::BallotsWritten.fill_in(lang(), &[&copies, &output])
    );
    Ok(())
}

fn import(file: &Path, roster: &Path) -> Result<()> {
    let mut session = Store::open(file)?;
    let report = ceping::import::import_roster(&mut session, roster)?;
    out!("{report}");
    Ok(())
}

fn merge(out: &Path, inputs: &[PathBuf]) -> Result<()> {
    let report = ceping::merge::merge(out, inputs)?;
    out!("{report}");
    Ok(())
}

/// The note for a file copied (or left) while a meeting had it open.
fn in_use_note(report: &verify::Report) -> String {
    let n = report.events;
    CliText::CopiedInUse.fill_in(lang(), &[&n])
}

/// The meeting screen on a terminal; a plain summary when output is not a
/// terminal (a script, a pipe).
fn meeting_screen(
    session: ceping::store::Session,
    mirror: Option<ceping::app::mirror::Mirror>,
) -> Result<()> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        ceping::tui::run(session, mirror)?;
    } else {
        out_raw!("{}", summary::summary(&session.model));
    }
    Ok(())
}

/// Append `count` ballots to the first unit's annual review, printing each
/// seq only after its append returned: what the crash test may rely on.
fn debug_append(file: &Path, count: u32) -> Result<()> {
    let mut session = Store::open(file)?;
    let unit = session
        .model
        .campaign
        .units
        .first()
        .map(|u| u.name.clone())
        .context("no units")?;
    let key = RoundKey {
        unit: unit.clone(),
        meeting: MeetingKind::AnnualReview,
        round: 1,
    };
    if !session.model.rounds.contains_key(&key) {
        let lines = session
            .model
            .ballot_lines(&unit, MeetingKind::AnnualReview)?;
        session.record(Event::RoundOpened {
            round: key.clone(),
            lines,
        })?;
    }
    let stdout = std::io::stdout();
    for i in 0..count {
        let round = &session.model.rounds[&key];
        let number = round.ballots.len() as u32 + 1;
        let content = BallotContent::all((i % 4) as u8, round.lines.len());
        let seq = session.record(Event::BallotRecorded {
            round: key.clone(),
            number,
            content,
        })?;
        let mut out = stdout.lock();
        writeln!(out, "{seq}")?;
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sentence;

    /// A cause the sentence already quotes (the workbook's error in "cannot
    /// build the Excel file: ...") is not printed a second time; a cause it
    /// does not quote is added once.
    #[test]
    fn an_error_prints_each_sentence_once() {
        ceping::i18n::set_thread_lang(ceping::i18n::Lang::Zh);
        let xlsx = rust_xlsxwriter::XlsxError::ParameterError("列宽太大".into());
        let detail = xlsx.to_string();
        let e = anyhow::Error::from(ceping::export::ExportError::Xlsx(xlsx));
        assert!(e.chain().count() > 1, "the workbook's error is the source");
        let text = sentence(&e);
        assert_eq!(text.matches(&detail).count(), 1, "{text}");
        let e = anyhow::Error::from(std::io::Error::other("disk full")).context("无法写出");
        assert_eq!(sentence(&e), "无法写出：disk full");
    }
}
