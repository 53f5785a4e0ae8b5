//! Display-width text helpers: CJK characters take two terminal cells, so
//! alignment is by display width, never by bytes or chars.

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces on the right to `cells` display cells.
pub fn pad_right(s: &str, cells: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(width(s))));
    out
}

/// `s` padded with spaces on the left to `cells` display cells.
pub fn pad_left(s: &str, cells: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

/// Split `s` after at most `cells` display cells; a double-width
/// character that would straddle the boundary goes to the second part.
pub fn split_at_width(s: &str, cells: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cells {
            return s.split_at(i);
        }
        used += w;
    }
    (s, "")
}

/// `s` cut to at most `cells` display cells.
pub fn truncate(s: &str, cells: usize) -> &str {
    split_at_width(s, cells).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad_right("南塘村", 8), "南塘村  ");
        assert_eq!(pad_left("ab", 4), "  ab");
        assert_eq!(width(&pad_right("王小明", 10)), 10);
        assert_eq!(pad_right("太长的名字", 4), "太长的名字");
        assert_eq!(split_at_width("ab南塘", 3), ("ab", "南塘"));
        assert_eq!(split_at_width("ab南塘", 4), ("ab南", "塘"));
        assert_eq!(truncate("南塘村", 100), "南塘村");
    }
}
