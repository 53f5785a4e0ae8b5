//! The user's language. Chinese is the default; `--lang en` or the
//! environment variable `CEPING_LANG=en` switch to English.
//!
//! The language is chosen once at start-up for the whole process
//! ([`set_lang`]), before the command line is parsed
//! ([`Lang::from_args`]): the command line's own help is in it too. Messages that are data (`message(lang)`) take it
//! explicitly; the screen labels read [`lang`]. A thread may speak its own
//! language ([`set_thread_lang`]): tests use it so that tests running in
//! parallel threads of one binary never see each other's language.

use std::cell::Cell;
use std::ffi::OsStr;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// This thread's own language, if it chose one.
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

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

    /// The `--lang zh|en` or `--lang=zh|en` of a command line (`args`
    /// without the program's name), found before clap parses it, since
    /// clap's help and errors must already speak the language. Only what
    /// clap accepts counts (so both agree); nothing after a `--`.
    pub fn from_args<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Option<Lang> {
        let value = |v: &OsStr| match v.to_str() {
            Some("zh") => Some(Lang::Zh),
            Some("en") => Some(Lang::En),
            _ => None,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let arg = arg.as_ref();
            if arg == "--" {
                break;
            }
            if arg == "--lang" {
                return args.next().and_then(|v| value(v.as_ref()));
            }
            let text = arg.to_str().unwrap_or_default();
            if let Some(v) = text.strip_prefix("--lang=") {
                return value(OsStr::new(v));
            }
        }
        None
    }

    /// `CEPING_LANG` if set and understood, else Chinese.
    pub fn from_env() -> Lang {
        std::env::var("CEPING_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }
}

/// The process's language, chosen once at start-up.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// This thread's language, overriding the process's for this thread only.
pub fn set_thread_lang(lang: Lang) {
    THREAD_LANG.with(|l| l.set(Some(lang)));
}

/// This thread's language if it chose one, else the process's.
pub fn lang() -> Lang {
    if let Some(lang) = THREAD_LANG.with(Cell::get) {
        return lang;
    }
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
        Lang::En
    } else {
        Lang::Zh
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn the_command_line_names_its_language_before_clap_reads_it() {
        let scan = |args: &[&str]| Lang::from_args(args);
        assert_eq!(scan(&["--lang", "en", "--help"]), Some(Lang::En));
        assert_eq!(scan(&["export", "--help", "--lang=en"]), Some(Lang::En));
        assert_eq!(scan(&["export", "--lang", "zh"]), Some(Lang::Zh));
        assert_eq!(scan(&["--lang", "fr", "--help"]), None);
        assert_eq!(scan(&["--lang"]), None);
        assert_eq!(scan(&["merge", "out", "--", "--lang", "en"]), None);
        assert_eq!(scan(&["--help"]), None);
    }
}
