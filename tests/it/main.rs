//! The integration tests, in one binary: one module per topic, so that
//! `cargo test` links one test executable instead of one per file.
//!
//! Kept apart, each in a binary of its own, are the suites that run the
//! real program in a way that must not share a process with the others:
//! `tests/crash.rs` (kills a writer at random moments), `tests/e2e_tmux.rs`
//! and `tests/projector_e2e.rs` (the binary in a real terminal, through
//! tmux).
//!
//! Every test here runs in a thread of its own inside one process. The
//! screen language is therefore set per thread
//! (`ceping::i18n::set_thread_lang`, through `support::app::lock`), never
//! for the whole process; a test that sets no language sees Chinese, the
//! default. Nothing here may change the process's environment, current
//! folder or umask.
//!
//! Snapshots (insta) are in `tests/it/snapshots/`, named after the module
//! that asserts them (`it__grading__units_zh_100x30.snap`).

#[path = "../support/mod.rs"]
mod support;

mod agenda_screens;
mod agenda_states;
mod ballot_forms;
mod ballot_grid;
mod campaign_parse;
mod cli;
mod closing;
mod count_warnings;
mod counting_keys_prop;
mod counting_rules;
mod export_files;
mod export_warnings;
mod file_errors;
mod file_whole;
mod forms_content;
mod glossary;
mod grading;
mod grading_guard;
mod grading_prop;
mod hostile_names;
mod import_roster;
mod layers;
mod line_ends;
mod merge;
mod output_safety;
mod print_pdf;
mod print_sheets;
mod projector;
mod rate_base;
mod readme;
mod roster_rules;
mod roster_titles;
mod start_screen;
mod store;
mod tally_prop;
mod text_entry;
mod tui_forms_input;
mod tui_meeting;
mod tui_screens;
mod verify_rounds;
