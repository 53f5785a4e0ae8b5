//! The binary's command line (not part of the library): the clap
//! definition, and its help and usage errors in the user's language. The
//! help is not in doc comments: every about and help text comes from the
//! catalogue (`ceping::catalog::CliText`) in the language chosen before
//! clap reads the command line, and clap's own words (headings, `-h`,
//! `-V`, `help`, `[OPTIONS]`, its usage errors) are replaced by the
//! catalogue's. What stays clap's: the placeholders (`<FILE>`), and the
//! line of a rare usage error without a sentence of ours (see
//! [`usage_error`]).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use ceping::catalog::{CliText, Msg};
use ceping::i18n::{Lang, lang};

/// The command line. Its help is not in doc comments: every about and
/// help text comes from the catalogue in the chosen language
/// ([`localized`], [`HELP`]). Clap's own `--help`, `--version` and `help`
/// are replaced by ours, whose texts the catalogue gives too.
#[derive(Debug, Parser)]
#[command(
    name = "ceping",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    // None: `ceping` alone, without a command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init {
        file: PathBuf,
        #[arg(long)]
        campaign: Option<PathBuf>,
    },
    Demo {
        file: Option<PathBuf>,
    },
    Open {
        file: PathBuf,
        #[arg(long)]
        mirror: Option<PathBuf>,
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
        mirror_every: u32,
    },
    Backup {
        file: PathBuf,
        dest: PathBuf,
        #[arg(long)]
        force: bool,
    },
    Verify {
        file: PathBuf,
    },
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    Template,
    Ballots {
        file: PathBuf,
        #[arg(long)]
        unit: String,
        #[arg(long, default_value = "annual_review")]
        meeting: String,
        #[arg(long, default_value_t = 1)]
        copies: u32,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    Import {
        file: PathBuf,
        roster: PathBuf,
    },
    Merge {
        out: PathBuf,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    Projector {
        file: PathBuf,
    },
    Help {
        command: Option<String>,
    },
    // For the crash tests: append ballots, printing each acknowledged seq.
    #[command(hide = true)]
    DebugAppend {
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u32,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Xlsx,
    Csv,
}

/// Arguments' help by argument id.
type ArgsHelp = &'static [(&'static str, CliText)];

/// Each command's help in the catalogue: its about, then each argument's
/// help by argument id (the field's name). A test fails when a command or
/// argument is missing here (`every_command_and_argument_has_help`).
const HELP: &[(&str, CliText, ArgsHelp)] = {
    use CliText::*;
    &[
        (
            "init",
            AboutInit,
            &[("file", ArgNewFile), ("campaign", ArgCampaign)],
        ),
        ("demo", AboutDemo, &[("file", ArgDemoFile)]),
        (
            "open",
            AboutOpen,
            &[
                ("file", ArgCampaignFile),
                ("mirror", ArgMirror),
                ("mirror_every", ArgMirrorEvery),
            ],
        ),
        (
            "backup",
            AboutBackup,
            &[
                ("file", ArgCampaignFile),
                ("dest", ArgBackupDest),
                ("force", ArgBackupForce),
            ],
        ),
        ("verify", AboutVerify, &[("file", ArgCampaignFile)]),
        (
            "export",
            AboutExport,
            &[
                ("file", ArgCampaignFile),
                ("format", ArgFormat),
                ("output", ArgOutput),
                ("force", ArgForce),
            ],
        ),
        ("template", AboutTemplate, &[]),
        (
            "ballots",
            AboutBallots,
            &[
                ("file", ArgCampaignFile),
                ("unit", ArgUnit),
                ("meeting", ArgMeeting),
                ("copies", ArgCopies),
                ("output", ArgBallotsOutput),
                ("force", ArgForce),
            ],
        ),
        (
            "import",
            AboutImport,
            &[("file", ArgCampaignFile), ("roster", ArgRoster)],
        ),
        (
            "merge",
            AboutMerge,
            &[("out", ArgMergeOut), ("inputs", ArgMergeInputs)],
        ),
        ("projector", AboutProjector, &[("file", ArgProjectorFile)]),
        ("help", AboutHelp, &[("command", ArgHelpCommand)]),
    ]
};

/// The command line parsed; or the exit code when clap answered it itself
/// (help and version, on standard output) or refused it (a usage error:
/// one sentence and the usage, on standard error, exit code 2).
pub fn parse(lang: Lang) -> Result<Cli, ExitCode> {
    let parsed = localized(lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| {
        if !e.use_stderr() {
            if let Err(io) = e.print() {
                crate::stdout_failed(io);
            }
            return ExitCode::SUCCESS;
        }
        eprint!("{}", usage_error(&e, lang));
        ExitCode::from(2)
    })
}

/// A help text of the catalogue; `{0}` and `{1}` name the two meetings as
/// the screens do.
fn help_text(text: CliText, lang: Lang) -> String {
    let annual = Msg::AnnualReview.text_in(lang);
    let party = Msg::PartyBuildingReview.text_in(lang);
    text.fill_in(lang, &[&annual, &party])
}

/// The command line in `lang`: every about and help from the catalogue,
/// our `-h`/`-V` in place of clap's, and clap's headings and usage words
/// in the language ([`with_templates`]).
pub fn localized(lang: Lang) -> clap::Command {
    let t = |text| help_text(text, lang);
    let names = HELP.iter().map(|&(name, _, _)| name);
    let mut cmd = Cli::command()
        .about(t(CliText::AboutCeping))
        .subcommand_value_name(CliText::UsageCommand.text_in(lang))
        .mut_arg("lang", |a| a.help(t(CliText::ArgLang)))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(t(CliText::ArgHelp)),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t(CliText::ArgVersion)),
        )
        .mut_subcommand("help", |help| {
            let placeholder = CliText::UsageCommand.text_in(lang);
            help.mut_arg("command", |a| {
                (a.value_parser(PossibleValuesParser::new(names))).value_name(placeholder)
            })
        })
        .mut_args(|a| with_values(a, lang));
    for &(name, about, args) in HELP {
        cmd = cmd.mut_subcommand(name, |mut sub| {
            for &(id, help) in args {
                sub = sub.mut_arg(id, |a| with_values(a.help(t(help)), lang));
            }
            sub.about(t(about))
        });
    }
    cmd.build();
    with_templates(&mut cmd, lang);
    cmd
}

/// `arg`'s help with its possible values and default in the language, in
/// place of clap's English `[possible values: ..] [default: ..]`.
fn with_values(arg: Arg, lang: Lang) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let list = |items: Vec<String>| items.join(Msg::ListSep.text_in(lang));
    let values: Vec<String> = (arg.get_possible_values().iter())
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let defaults: Vec<String> = (arg.get_default_values().iter())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut notes = Vec::new();
    if !values.is_empty() {
        notes.push(CliText::HelpValues.fill_in(lang, &[&list(values)]));
    }
    if !defaults.is_empty() {
        notes.push(CliText::HelpDefault.fill_in(lang, &[&list(defaults)]));
    }
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    if !notes.is_empty() {
        let notes = notes.join(Msg::PartSep.text_in(lang));
        help.push_str(&CliText::HelpNote.fill_in(lang, &[&notes]));
    }
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// `cmd` and its commands with the catalogue's headings (clap's
/// `{all-args}` writes them in English) and a usage line whose
/// `[OPTIONS]` is in the language. `cmd` is built: usage names the full
/// command (`ceping export`), and the global options are in place.
fn with_templates(cmd: &mut clap::Command, lang: Lang) {
    let rendered = cmd.render_usage().to_string();
    let usage = rendered.strip_prefix("Usage: ").unwrap_or(&rendered);
    let usage = usage.replace("[OPTIONS]", CliText::UsageOptions.text_in(lang));
    let mut template = format!(
        "{{about-with-newline}}\n{}{{usage}}",
        CliText::HeadUsage.text_in(lang)
    );
    let sections = [
        (
            cmd.has_subcommands(),
            CliText::HeadCommands,
            "{subcommands}",
        ),
        (
            cmd.get_positionals().any(|a| !a.is_hide_set()),
            CliText::HeadArguments,
            "{positionals}",
        ),
        (true, CliText::HeadOptions, "{options}"),
    ];
    for (shown, heading, tag) in sections {
        if shown {
            template.push_str(&format!("\n\n{}\n{tag}", heading.text_in(lang)));
        }
    }
    *cmd = std::mem::take(cmd)
        .override_usage(usage)
        .help_template(template);
    for sub in cmd.get_subcommands_mut() {
        with_templates(sub, lang);
    }
}

/// A usage error clap found, as one sentence in the language, then the
/// usage and where to read more. Kinds without a sentence of ours keep
/// clap's own (English) line after our prefix.
fn usage_error(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let sep = Msg::ListSep.text_in(lang);
    let get = |kind| match e.get(kind) {
        Some(V::String(s)) => s.clone(),
        Some(V::Strings(v)) => v.join(sep),
        Some(V::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let arg = get(K::InvalidArg);
    // `--format <FORMAT>` is named by its option alone.
    let name = if arg.starts_with('-') {
        arg.split(' ').next().unwrap_or_default()
    } else {
        &arg
    };
    let (value, valid) = (get(K::InvalidValue), get(K::ValidValue));
    let mut text = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if !valid.is_empty() => {
            CliText::BadValueChoices.fill_in(lang, &[&name, &value, &valid])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            CliText::BadValue.fill_in(lang, &[&name, &value])
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            CliText::UnknownOption.fill_in(lang, &[&arg])
        }
        ErrorKind::UnknownArgument => CliText::ExtraArgument.fill_in(lang, &[&arg]),
        ErrorKind::InvalidSubcommand => {
            CliText::UnknownCommand.fill_in(lang, &[&get(K::InvalidSubcommand)])
        }
        ErrorKind::MissingRequiredArgument => CliText::Missing.fill_in(lang, &[&arg]),
        ErrorKind::ArgumentConflict if get(K::PriorArg) == arg => {
            CliText::Twice.fill_in(lang, &[&name])
        }
        _ => {
            let clap_line = e.render().to_string();
            let line = clap_line.lines().next().unwrap_or_default();
            line.strip_prefix("error: ").unwrap_or(line).to_string()
        }
    };
    let suggested = [K::SuggestedArg, K::SuggestedSubcommand, K::SuggestedValue]
        .map(get)
        .into_iter()
        .find(|s| !s.is_empty());
    if let Some(suggested) = suggested {
        text.push_str(&CliText::DidYouMean.fill_in(lang, &[&suggested]));
    }
    let mut out = format!("{}{text}\n", CliText::ErrorPrefix.text_in(lang));
    let usage = get(K::Usage);
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    if !usage.is_empty() {
        out.push_str(&format!("\n{}{usage}\n", CliText::HeadUsage.text_in(lang)));
    }
    let more = CliText::MoreHelp.fill_in(lang, &[&command_path(usage)]);
    out.push_str(&format!("{more}\n"));
    out
}

/// The command a usage error is about (`ceping export`): the usage's words
/// before its first argument; without a usage (a bad value), the first
/// command named on the command line.
fn command_path(usage: &str) -> String {
    if !usage.is_empty() {
        let words = usage.split(' ');
        let path: Vec<&str> = words
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        return path.join(" ");
    }
    let args: Vec<_> = std::env::args_os()
        .skip(1)
        .take_while(|a| a != "--")
        .collect();
    let named = args
        .iter()
        .find_map(|a| HELP.iter().find(|&&(name, _, _)| a == name));
    match named {
        Some((name, _, _)) => format!("ceping {name}"),
        None => "ceping".into(),
    }
}

/// `ceping help [COMMAND]`: the help of the command named (clap has
/// checked the name against [`HELP`]), or of ceping itself.
pub fn help(name: Option<&str>) -> Result<()> {
    let mut cli = localized(lang());
    let printed = match name.and_then(|name| cli.find_subcommand_mut(name)) {
        Some(sub) => sub.print_help(),
        None => cli.print_help(),
    };
    printed.unwrap_or_else(|e| crate::stdout_failed(e));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument a user can see has its help from the
    /// catalogue in both languages: none left without (clap would show
    /// nothing) and no id in [`HELP`] that the definition lacks (building
    /// panics then).
    #[test]
    fn every_command_and_argument_has_help() {
        for lang in [Lang::Zh, Lang::En] {
            let cmd = localized(lang);
            let commands = std::iter::once(&cmd).chain(cmd.get_subcommands());
            for sub in commands.filter(|c| !c.is_hide_set()) {
                let name = sub.get_name();
                let about = sub.get_about().map(ToString::to_string);
                assert!(about.is_some_and(|a| !a.is_empty()), "{name}: no about");
                for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
                    let help = arg.get_help().map(ToString::to_string);
                    let id = arg.get_id();
                    assert!(help.is_some_and(|h| !h.is_empty()), "{name} {id}: no help");
                }
            }
        }
    }
}
