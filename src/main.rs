//! The `ceping` command line: create, open, verify and export campaign
//! files. Every user error ends in one sentence on stderr and exit code 1;
//! clap's own usage errors exit with 2.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use ceping::catalog::CliText;
use ceping::domain::{BallotContent, Event, MeetingKind, RoundKey};
use ceping::fsid::{self, OutputKind};
use ceping::i18n::{self, Lang, lang};
use ceping::store::{Store, verify};
use ceping::{campaign_toml, export, summary};

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
fn stdout_failed(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("{}{e}", CliText::OutputFailed.text_in(lang()));
    std::process::exit(1);
}

#[derive(Debug, Parser)]
#[command(name = "ceping", version, about, long_about = None)]
struct Cli {
    /// Language of every message: zh (default) or en. Also CEPING_LANG.
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a campaign file (the built-in demo campaign without --campaign).
    Init {
        /// The new campaign file, e.g. 南塘村.ceping. Never overwritten.
        file: PathBuf,
        /// A campaign definition in TOML (see `ceping template`).
        #[arg(long)]
        campaign: Option<PathBuf>,
    },
    /// Create a fresh demo campaign file and open it.
    Demo {
        /// Where to create it (default: ceping-demo-DATE-TIME.ceping here).
        file: Option<PathBuf>,
    },
    /// Open a campaign file for the live meeting.
    Open {
        /// The campaign file.
        file: PathBuf,
        /// Keep a verified copy in this folder (a USB stick): after each
        /// closed round and every --mirror-every ballots.
        #[arg(long)]
        mirror: Option<PathBuf>,
        /// Ballots between two mirror copies.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
        mirror_every: u32,
    },
    /// Write a self-contained, verified copy of a campaign file (safe
    /// during a meeting).
    Backup {
        /// The campaign file.
        file: PathBuf,
        /// The copy to write, or a folder to write it into.
        dest: PathBuf,
        /// Replace an existing copy.
        #[arg(long)]
        force: bool,
    },
    /// Check a campaign file: integrity, hash chain, and that the log folds.
    Verify {
        /// The campaign file.
        file: PathBuf,
    },
    /// Export the results.
    Export {
        /// The campaign file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Output file (standard output without it).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Print a complete, commented example campaign definition (TOML).
    Template,
    /// Print ballot forms (附件3 / 附件8) for a unit's meeting, as xlsx.
    Ballots {
        /// The campaign file.
        file: PathBuf,
        /// The unit (village or community) the forms are for.
        #[arg(long)]
        unit: String,
        /// annual_review (default) or party_building_review.
        #[arg(long, default_value = "annual_review")]
        meeting: String,
        /// How many forms, one per page.
        #[arg(long, default_value_t = 1)]
        copies: u32,
        /// Output file (.xlsx).
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Import a roster (.csv or .xlsx: 单位, 姓名, 职务, 述职方式) into a campaign file.
    Import {
        /// The campaign file.
        file: PathBuf,
        /// The roster spreadsheet.
        roster: PathBuf,
    },
    /// Merge the meeting laptops' campaign files into one street file.
    Merge {
        /// The merged file to create (never overwritten).
        out: PathBuf,
        /// The laptops' files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Show the live count on the meeting room's projector (read-only).
    Projector {
        /// The campaign file the liaison has open.
        file: PathBuf,
    },
    /// For the crash tests: append ballots, printing each acknowledged seq.
    #[command(hide = true)]
    DebugAppend {
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u32,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Xlsx,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    i18n::set_lang(cli.lang.unwrap_or_else(Lang::from_env));
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}{e:#}", CliText::ErrorPrefix.text_in(lang()));
            ExitCode::from(1)
        }
    }
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
