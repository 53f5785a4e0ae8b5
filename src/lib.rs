//! ceping (测评): live democratic-evaluation meetings for a sub-district's
//! annual review of its villages. See the README for the whole picture.

pub mod app;
pub mod campaign_toml;
pub mod catalog;
pub mod domain;
pub mod export;
pub mod fsid;
pub mod i18n;
pub mod import;
pub mod labels;
pub mod merge;
pub mod projector;
pub mod start_files;
pub mod store;
pub mod summary;
pub mod terminal;
pub mod text;
pub mod tui;
pub mod ui;
