//! Name normalisation (姓名规范化).
//!
//! Paper rosters pad two-character Chinese names with a space to line them
//! up with three-character ones (`朱 浩`, `朱　浩`), and text pasted from
//! word processors carries stray full-width spaces and invisible characters.
//! Every person name, unit name and grade label read from the campaign file
//! goes through [`normalize_name`] so that the same person is always spelled
//! the same way, whichever roster the text came from.
//!
//! [`check_name`] goes further for the names people read on the ballot,
//! the board and the exports (person, unit and work-group names): a name
//! holding a character that cannot be seen (a control or format character,
//! a bidi override, a zero-width space), a name that shows as blank, or a
//! name longer than [`MAX_NAME_CHARS`] is refused with the reason
//! ([`NameProblem`]). Duplicates are found on [`name_key`], the visible
//! form.
//!
//! Titles are read as words, so their spaces stay: the campaign title and
//! a person's post as written (职务) go through [`normalize_title`] (each
//! run of white space one space), checked by [`check_title`] and
//! [`check_post`].

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest person, unit or work-group name accepted, in characters
/// after normalisation (a 30-character name already fills a table column).
pub const MAX_NAME_CHARS: usize = 30;

/// Why a name is refused (姓名不合格的原因).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameProblem {
    /// A control or format character: C0 (NUL, BEL, ESC, a tab inside the
    /// name …), DEL, C1, the bidi embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069), zero-width spaces and joiners,
    /// the byte-order mark, a line or paragraph separator.
    Control { ch: char },
    /// A letter that shows as blank space (Hangul fillers, the blank
    /// Braille pattern).
    Blank { ch: char },
    /// Nothing visible at all: only combining marks, variation selectors,
    /// joiners, control characters and spaces.
    Invisible,
    /// A combining mark at the start or after a space: nothing to sit on.
    LoneMark { ch: char },
    /// Longer than [`MAX_NAME_CHARS`]; `chars` is its length.
    TooLong { chars: usize },
}

/// The canonical spelling of a name or label.
///
/// - Unicode NFC, so that composed and decomposed forms compare equal;
/// - invisible zero-width space (U+200B) and byte-order mark (U+FEFF)
///   removed;
/// - leading and trailing whitespace removed, ASCII and full-width (U+3000)
///   alike;
/// - a name containing a CJK character (汉字) loses all inner whitespace
///   (`朱 浩` and `朱　浩` become `朱浩`); any other name has each run of
///   inner whitespace collapsed to one ASCII space (`Li   Lei` becomes
///   `Li Lei`).
pub fn normalize_name(s: &str) -> String {
    let nfc: String = s
        .nfc()
        .filter(|&c| c != '\u{200B}' && c != '\u{FEFF}')
        .collect();
    let words = nfc.split(is_space).filter(|w| !w.is_empty());
    if nfc.chars().any(is_cjk) {
        words.collect()
    } else {
        words.collect::<Vec<_>>().join(" ")
    }
}

/// A person, unit or work-group name, checked and normalised: the
/// [`normalize_name`] form, which is empty for an empty or blank name (the
/// caller says "empty" in its own words), or the first problem found.
pub fn check_name(raw: &str) -> Result<String, NameProblem> {
    let name = check_label(raw)?;
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong { chars });
    }
    Ok(name)
}

/// [`check_name`] without the length limit, for a grade label.
pub fn check_label(raw: &str) -> Result<String, NameProblem> {
    checked(raw, normalize_name(raw))
}

/// The canonical spelling of a title: the campaign's (`验收测试 Fixture
/// M`) or a person's post as the office wrote it (`村党支部书记 兼 村委会主任`).
/// As [`normalize_name`], except that inner white space is kept, each run
/// of it one ASCII space (U+3000 too), even beside CJK: a title is read as
/// words, where a name padded to line up (`朱 浩`) is not.
pub fn normalize_title(s: &str) -> String {
    let nfc: String = s
        .nfc()
        .filter(|&c| c != '\u{200B}' && c != '\u{FEFF}')
        .collect();
    nfc.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A campaign title, checked as [`check_label`] but normalised by
/// [`normalize_title`]: its spaces kept, no length limit.
pub fn check_title(raw: &str) -> Result<String, NameProblem> {
    checked(raw, normalize_title(raw))
}

/// A person's post (职务) as written, checked as [`check_title`] and at
/// most [`MAX_NAME_CHARS`] long (it shares the ballot's row with the name).
pub fn check_post(raw: &str) -> Result<String, NameProblem> {
    let post = check_title(raw)?;
    let chars = post.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong { chars });
    }
    Ok(post)
}

/// `name`, the normalised form of `raw`, unless `raw` holds a hidden
/// character or `name` shows nothing; empty stays empty (the caller says
/// "empty" in its own words).
fn checked(raw: &str, name: String) -> Result<String, NameProblem> {
    if name.is_empty() {
        return Ok(name);
    }
    if !name.chars().any(is_visible) {
        return Err(NameProblem::Invisible);
    }
    // Outer white space (a trailing tab or line break from a spreadsheet
    // cell) is trimmed; anything hidden inside the name is refused.
    for ch in raw.trim_matches(char::is_whitespace).chars() {
        if is_hidden_control(ch) {
            return Err(NameProblem::Control { ch });
        }
        if is_blank_letter(ch) {
            return Err(NameProblem::Blank { ch });
        }
    }
    let mut previous: Option<char> = None;
    for ch in name.chars() {
        if is_combining_mark(ch) && previous.is_none_or(char::is_whitespace) {
            return Err(NameProblem::LoneMark { ch });
        }
        previous = Some(ch);
    }
    Ok(name)
}

/// The form two names are compared in for duplicates: what the reader
/// sees. Normalised as [`normalize_name`], also compatibility forms folded
/// (NFKC: full-width `Ｌｉ` is `Li`) and variation selectors and the
/// combining grapheme joiner, which change no name, dropped.
pub fn name_key(name: &str) -> String {
    let folded: String = name
        .nfkc()
        .filter(|&c| !is_variation_selector(c) && c != '\u{034F}')
        .collect();
    normalize_name(&folded)
}

/// `s` with every hidden character written out as `<U+XXXX>`, so that a
/// message quoting what the user wrote can neither hide text nor send
/// escape sequences to the terminal. Line breaks are kept.
pub fn printable(s: &str) -> String {
    if !s.chars().any(|c| c != '\n' && hidden(c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && hidden(c) {
            out.push_str(&format!("<{}>", code_point(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `U+0007`, `U+202E`, `U+E0001`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Free text typed by the user (a comment): NFC, invisible characters
/// removed, outer whitespace trimmed; inner spacing is the author's.
pub fn normalize_text(s: &str) -> String {
    let nfc: String = s
        .nfc()
        .filter(|&c| c != '\u{200B}' && c != '\u{FEFF}')
        .collect();
    nfc.trim_matches(is_space).to_string()
}

/// Whitespace for name purposes: Unicode white space, which includes the
/// ASCII blanks, U+00A0 and the ideographic space U+3000.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `c` is seen when the name is printed: not white space, not a
/// hidden character, not a combining mark (which only decorates a letter).
fn is_visible(c: char) -> bool {
    !c.is_whitespace() && !hidden(c) && !is_combining_mark(c)
}

/// A character that shows nothing by itself: [`is_hidden_control`] or
/// [`is_blank_letter`].
fn hidden(c: char) -> bool {
    is_hidden_control(c) || is_blank_letter(c)
}

/// Control characters (C0, DEL, C1), Unicode format characters (Cf:
/// bidi controls, zero-width space and joiners, the byte-order mark, soft
/// hyphen, tags …) with the unassigned default-ignorable code points
/// around them, and the line and paragraph separators.
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'                       // soft hyphen
            | '\u{0600}'..='\u{0605}'         // Arabic number signs
            | '\u{061C}'                     // Arabic letter mark
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'                     // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'         // zero-width space, ZWNJ, ZWJ, LRM, RLM
            | '\u{2028}'..='\u{2029}'         // line and paragraph separators
            | '\u{202A}'..='\u{202E}'         // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}'         // word joiner, invisible operators, bidi isolates
            | '\u{FEFF}'                     // byte-order mark
            | '\u{FFF0}'..='\u{FFFB}'         // interlinear annotation
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'       // Egyptian hieroglyph format controls
            | '\u{1BCA0}'..='\u{1BCA3}'       // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}'       // musical format controls
            | '\u{E0000}'..='\u{E00FF}'       // tags
            | '\u{E01F0}'..='\u{E0FFF}'       // reserved default-ignorable
        )
}

/// Letters that print as empty space.
fn is_blank_letter(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{2800}' | '\u{3164}' | '\u{FFA0}'
    )
}

/// Variation selectors (standard, Mongolian and ideographic): they pick a
/// glyph, never another name.
fn is_variation_selector(c: char) -> bool {
    matches!(c,
        '\u{180B}'..='\u{180D}'
        | '\u{180F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Whether `c` is a CJK ideograph (汉字) or a Japanese/Korean letter, i.e. a
/// character of a script written without spaces between the parts of a name.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3007}'                      // 〇
        | '\u{3040}'..='\u{30FF}'       // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'       // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'       // CJK Unified Ideographs
        | '\u{AC00}'..='\u{D7AF}'       // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'       // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{3134F}'     // CJK Extensions B to G
    )
}

#[cfg(test)]
mod tests {
    use super::{
        NameProblem as P, check_label, check_name, check_post, check_title, name_key,
        normalize_name, normalize_title, printable,
    };

    #[test]
    fn titles_keep_their_spaces_collapsed_to_one() {
        assert_eq!(normalize_title("验收测试 Fixture M"), "验收测试 Fixture M");
        assert_eq!(
            normalize_title("\u{3000} 验收测试  \u{3000}Fixture\u{A0}M \n"),
            "验收测试 Fixture M"
        );
        assert_eq!(normalize_title("村委会\u{3000}主任"), "村委会 主任");
        assert_eq!(normalize_title("\u{FEFF}村会计\u{200B}"), "村会计");
        assert_eq!(normalize_title("   "), "");
        assert_eq!(
            check_title(" 验收测试 Fixture M "),
            Ok("验收测试 Fixture M".into())
        );
        // Names still lose their padding.
        assert_eq!(normalize_name("验收测试 Fixture M"), "验收测试FixtureM");
    }

    #[test]
    fn posts_are_checked_like_names() {
        assert_eq!(check_post(" 村委会  主任 "), Ok("村委会 主任".into()));
        assert_eq!(
            check_post("村\u{202E}会计"),
            Err(P::Control { ch: '\u{202E}' })
        );
        assert_eq!(check_post("\u{200D}"), Err(P::Invisible));
        assert_eq!(check_post(&"委".repeat(30)), Ok("委".repeat(30)));
        assert_eq!(check_post(&"委".repeat(31)), Err(P::TooLong { chars: 31 }));
        // A campaign title has no limit.
        assert!(check_title(&"题".repeat(100)).is_ok());
    }

    #[test]
    fn padded_two_character_names_lose_their_padding() {
        assert_eq!(normalize_name("朱 浩"), "朱浩");
        assert_eq!(normalize_name("朱\u{3000}浩"), "朱浩");
        assert_eq!(normalize_name("  朱  浩\t"), "朱浩");
        assert_eq!(normalize_name("\u{3000}欧阳 明月\u{3000}"), "欧阳明月");
    }

    #[test]
    fn unit_names_and_labels_are_trimmed() {
        assert_eq!(normalize_name(" 南塘村 "), "南塘村");
        assert_eq!(normalize_name("基本 称职"), "基本称职");
        assert_eq!(normalize_name("东马社区\n"), "东马社区");
    }

    #[test]
    fn latin_names_keep_one_space_between_words() {
        assert_eq!(normalize_name("  Li   Lei "), "Li Lei");
        assert_eq!(normalize_name("Anna\u{3000}Schmidt"), "Anna Schmidt");
        assert_eq!(normalize_name("Zhang\tSan"), "Zhang San");
    }

    #[test]
    fn whitespace_only_becomes_empty() {
        assert_eq!(normalize_name(""), "");
        assert_eq!(normalize_name("   "), "");
        assert_eq!(normalize_name("\u{3000}\u{3000}"), "");
        assert_eq!(normalize_name("\u{200B}"), "");
    }

    #[test]
    fn nfc_makes_composed_and_decomposed_forms_equal() {
        // "é" as e + combining acute accent, and as the precomposed letter.
        assert_eq!(
            normalize_name("Ame\u{301}lie"),
            normalize_name("Am\u{E9}lie")
        );
        assert_eq!(normalize_name("Ame\u{301}lie"), "Am\u{E9}lie");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(normalize_name("\u{FEFF}朱\u{200B}浩"), "朱浩");
    }

    #[test]
    fn mixed_names_with_a_han_character_lose_inner_spaces() {
        assert_eq!(normalize_name("李 A"), "李A");
    }

    #[test]
    fn ordinary_names_pass_checked() {
        assert_eq!(check_name("  朱 浩\t"), Ok("朱浩".to_string()));
        assert_eq!(check_name("东马社区\n"), Ok("东马社区".to_string()));
        assert_eq!(
            check_name("Ame\u{301}lie Wu"),
            Ok("Am\u{E9}lie Wu".to_string())
        );
        assert_eq!(check_name("𠀀红霞"), Ok("𠀀红霞".to_string()));
        // An ideographic variation sequence is a glyph choice, not hidden.
        assert_eq!(check_name("葛\u{E0100}西"), Ok("葛\u{E0100}西".to_string()));
        assert_eq!(check_name(" \u{3000} "), Ok(String::new()));
        assert_eq!(check_name(&"王".repeat(30)), Ok("王".repeat(30)));
    }

    #[test]
    fn hidden_characters_are_refused() {
        for ch in [
            '\u{0}',
            '\u{7}',
            '\u{1B}',
            '\t',
            '\n',
            '\u{7F}',
            '\u{85}',
            '\u{9B}',
            '\u{AD}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{2028}',
            '\u{202A}',
            '\u{202E}',
            '\u{2060}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{E0041}',
        ] {
            assert_eq!(
                check_name(&format!("王{ch}明")),
                Err(P::Control { ch }),
                "{ch:?}"
            );
        }
        assert_eq!(
            check_name("\u{FEFF}王明"),
            Err(P::Control { ch: '\u{FEFF}' })
        );
        assert_eq!(
            check_label("优\u{202E}秀"),
            Err(P::Control { ch: '\u{202E}' })
        );
        assert_eq!(check_name("王\u{3164}明"), Err(P::Blank { ch: '\u{3164}' }));
    }

    #[test]
    fn names_that_show_as_blank_are_refused() {
        for name in [
            "\u{200D}",
            "\u{200C}\u{200D}",
            "\u{301}",
            " \u{301}\u{302} ",
            "\u{FE0F}",
            "\u{7}",
            "\u{3164}",
            "\u{202E} \u{3000}",
        ] {
            assert_eq!(check_name(name), Err(P::Invisible), "{name:?}");
        }
        assert_eq!(
            check_name("\u{301}王明"),
            Err(P::LoneMark { ch: '\u{301}' })
        );
        assert_eq!(
            check_name("Li \u{301}Lei"),
            Err(P::LoneMark { ch: '\u{301}' })
        );
    }

    #[test]
    fn long_names_are_refused_after_normalisation() {
        assert_eq!(check_name(&"王".repeat(31)), Err(P::TooLong { chars: 31 }));
        // Padding does not count; decomposed letters count once composed.
        assert!(check_name(&format!("  {}  ", "王 ".repeat(30))).is_ok());
        assert!(check_name(&"e\u{301}".repeat(30)).is_ok());
        // No limit on a title or a grade label.
        assert!(check_label(&"王".repeat(100)).is_ok());
    }

    #[test]
    fn duplicates_compare_the_visible_form() {
        assert_eq!(name_key("Ame\u{301}lie"), name_key("Am\u{E9}lie"));
        assert_eq!(name_key("王明\u{FE0F}"), name_key("王明"));
        assert_eq!(name_key("Ｌｉ　Ｌｅｉ"), name_key("Li Lei"));
        assert_eq!(name_key("朱 浩"), name_key("朱\u{3000}浩"));
        assert_ne!(name_key("王明"), name_key("王朋"));
    }

    #[test]
    fn printable_writes_hidden_characters_out() {
        assert_eq!(printable("王\u{7}明\u{202E}"), "王<U+0007>明<U+202E>");
        assert_eq!(printable("a\nb\u{1B}[31m"), "a\nb<U+001B>[31m");
        assert_eq!(printable("南塘村"), "南塘村");
    }
}
