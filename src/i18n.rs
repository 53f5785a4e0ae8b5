//! The user's language. Chinese is the default; `--lang en` or the
//! environment variable `CEPING_LANG=en` switch to English.
//!
//! The language is process-wide because it is chosen once at start-up and
//! every message (errors included) must follow it.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

impl Lang {
    /// From a value such as `en`, `en_US.UTF-8`, `zh`, `zh-CN`.
    pub fn parse(value: &str) -> Option<Lang> {
        let v = value.trim().to_ascii_lowercase();
        if v.starts_with("en") {
            Some(Lang::En)
        } else if v.starts_with("zh") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// `CEPING_LANG` if set and understood, else Chinese.
    pub fn from_env() -> Lang {
        std::env::var("CEPING_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }
}

pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// Pick the sentence for the current language.
pub fn tr(zh: impl Into<String>, en: impl Into<String>) -> String {
    match lang() {
        Lang::Zh => zh.into(),
        Lang::En => en.into(),
    }
}
