//! The start screen: what `ceping` shows when run with no arguments, as
//! after a double-click on ceping.exe. It lists the campaign files in the
//! folders it is given (the current folder and the documents folder; tests
//! give temporary ones) and ends in a [`Choice`]: open a file on the
//! meeting screen, show it in the projector window, or quit. Creating a
//! file (the demo, or from a campaign TOML) ends in opening it; importing
//! a roster into the selected file stays here, its report or its first
//! error on the status line. Keys come through the keymap (`Mode::Start`,
//! and `Mode::Prompt` while a path is typed); the `ui` module draws from
//! `&StartScreen`.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyEvent;

use super::keymap::{self, Action, Mode};
use super::roster::roster_path;
use super::{Status, TextInput};
use crate::catalog::{Msg, StartText};
use crate::i18n::lang;
use crate::start_files::{self, CampaignFile, Folder, Zone};
use crate::store::Store;

pub use crate::start_files::{FolderKind, Unreadable};

/// How the start screen ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The meeting screen on this file, as `ceping open FILE`.
    Open(PathBuf),
    /// The projector window on this file, as `ceping projector FILE`.
    Projector(PathBuf),
    Quit,
}

/// What a path typed at the bottom line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A campaign TOML: a new campaign file beside it.
    Toml,
    /// A roster, imported into the selected file.
    Roster,
}

/// The question being answered on the bottom line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartPrompt {
    pub ask: Ask,
    pub input: TextInput,
}

pub struct StartScreen {
    /// The folders listed, in order.
    pub folders: Vec<Folder>,
    /// Where the demo file is created.
    pub new_folder: PathBuf,
    /// The zone the last changes are shown in.
    pub zone: Zone,
    pub files: Vec<CampaignFile>,
    pub selected: usize,
    pub prompt: Option<StartPrompt>,
    pub status: Option<Status>,
    /// The help over the list (any key closes it).
    pub help: bool,
    /// Set when the screen is done.
    pub choice: Option<Choice>,
}

impl StartScreen {
    /// The start screen over `folders`, a new demo going to `new_folder`.
    pub fn new(folders: Vec<Folder>, new_folder: PathBuf, zone: Zone) -> StartScreen {
        let mut screen = StartScreen {
            folders,
            new_folder,
            zone,
            files: Vec::new(),
            selected: 0,
            prompt: None,
            status: None,
            help: false,
            choice: None,
        };
        screen.refresh();
        screen
    }

    /// List the files again, keeping the selected one selected.
    pub fn refresh(&mut self) {
        let kept = self.selected_file().map(|f| f.path.clone());
        self.files = start_files::list(&self.folders);
        self.selected = kept
            .and_then(|p| self.files.iter().position(|f| f.path == p))
            .unwrap_or(0);
    }

    pub fn selected_file(&self) -> Option<&CampaignFile> {
        self.files.get(self.selected)
    }

    /// The mode whose keymap applies now.
    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() {
            Mode::Prompt
        } else {
            Mode::Start
        }
    }

    /// Handle one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if self.help {
            // Any key closes the help, and does nothing else.
            self.help = false;
            return;
        }
        if let Some(action) = keymap::lookup(self.mode(), &key) {
            self.on_action(action);
        }
    }

    pub fn on_action(&mut self, action: Action) {
        if !matches!(action, Action::Type(_) | Action::EditText(_)) {
            // A new action clears the last sentence; typing keeps it.
            self.status = None;
        }
        if self.prompt.is_some() {
            return self.on_prompt(action);
        }
        let n = self.files.len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Open => self.choose(Choice::Open),
            Action::Projector => self.choose(Choice::Projector),
            Action::CreateDemo => self.create_demo(),
            Action::CreateFromToml => self.ask(Ask::Toml),
            Action::ImportRoster if self.selected_file().is_some() => self.ask(Ask::Roster),
            Action::ImportRoster => self.error(StartText::NoFileSelected.text().into()),
            Action::Help => self.help = true,
            Action::Quit => self.choice = Some(Choice::Quit),
            _ => {}
        }
    }

    fn on_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => prompt.input.insert(c),
            Action::EditText(edit) => prompt.input.edit(edit),
            Action::Cancel => self.prompt = None,
            Action::Quit => self.choice = Some(Choice::Quit),
            Action::Confirm => {
                let (ask, typed) = (prompt.ask, prompt.input.text());
                self.prompt = None;
                if typed.trim().is_empty() {
                    return; // nothing typed: cancel
                }
                let path = roster_path(&typed);
                match ask {
                    Ask::Toml => self.create_from_toml(&path),
                    Ask::Roster => self.import_roster(&path),
                }
            }
            _ => {}
        }
    }

    fn ask(&mut self, ask: Ask) {
        self.prompt = Some(StartPrompt {
            ask,
            input: TextInput::new(false),
        });
    }

    /// End with `choice` on the selected file, if there is one.
    fn choose(&mut self, choice: fn(PathBuf) -> Choice) {
        match self.selected_file() {
            Some(f) => self.choice = Some(choice(f.path.clone())),
            None => self.error(StartText::NoFileSelected.text().into()),
        }
    }

    fn error(&mut self, text: String) {
        self.status = Some(Status::Error(text));
    }

    /// A fresh demo file, named like `ceping demo` names it, then open it.
    fn create_demo(&mut self) {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        // Twice within one second: the next free name, never over a file.
        let path = (1..100)
            .map(|i| match i {
                1 => format!("ceping-demo-{stamp}.{}", start_files::EXTENSION),
                i => format!("ceping-demo-{stamp}-{i}.{}", start_files::EXTENSION),
            })
            .map(|name| self.new_folder.join(name))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.new_folder.join("ceping-demo.ceping"));
        self.create(&path, &crate::campaign_toml::demo());
    }

    /// `<stem>.ceping` beside the TOML at `toml`, then open it. A bad TOML
    /// or a file already there changes nothing and says why.
    fn create_from_toml(&mut self, toml: &Path) {
        let campaign = match crate::campaign_toml::load(toml) {
            Ok(c) => c,
            Err(e) => return self.error(e.to_string()),
        };
        let target = toml.with_extension(start_files::EXTENSION);
        if target.exists() {
            return self.error(StartText::TomlTargetExists.fill(&[&target.display()]));
        }
        self.create(&target, &campaign);
    }

    fn create(&mut self, path: &Path, campaign: &crate::domain::Campaign) {
        match Store::create(path, campaign) {
            // Dropped at once: closed and folded, to be opened again.
            Ok(session) => {
                drop(session);
                self.choice = Some(Choice::Open(path.to_path_buf()));
            }
            Err(e) => self.error(e.message(lang())),
        }
    }

    /// Import the roster at `roster` into the selected file: all or
    /// nothing, as `ceping import`.
    fn import_roster(&mut self, roster: &Path) {
        let Some(file) = self.selected_file().map(|f| f.path.clone()) else {
            return self.error(StartText::NoFileSelected.text().into());
        };
        let mut session = match Store::open(&file) {
            Ok(s) => s,
            Err(e) => return self.error(e.message(lang())),
        };
        match crate::import::import(&mut session, roster) {
            Ok(imported) => {
                let name = file_name(&file);
                let report = imported.message(lang());
                self.status = Some(Status::Info(StartText::Imported.fill(&[&name, &report])));
            }
            Err(e) => {
                let (first, count) = e.first(lang());
                self.error(if count > 1 {
                    Msg::ImportFailedMany.fill_in(lang(), &[&first, &count])
                } else {
                    Msg::ImportFailed.fill_in(lang(), &[&first])
                });
            }
        }
        drop(session);
        self.refresh();
    }
}

/// A path's last part, as listed.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
