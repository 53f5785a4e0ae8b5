//! Name normalisation (姓名规范化).
//!
//! Paper rosters pad two-character Chinese names with a space to line them
//! up with three-character ones (`朱 浩`, `朱　浩`), and text pasted from
//! word processors carries stray full-width spaces and invisible characters.
//! Every person name, unit name and grade label read from the campaign file
//! goes through [`normalize_name`] so that the same person is always spelled
//! the same way, whichever roster the text came from.

use unicode_normalization::UnicodeNormalization;

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
    use super::normalize_name;

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
}
