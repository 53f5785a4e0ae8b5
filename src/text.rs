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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad_right("南塘村", 8), "南塘村  ");
        assert_eq!(pad_left("ab", 4), "  ab");
        assert_eq!(width(&pad_right("王小明", 10)), 10);
        assert_eq!(pad_right("太长的名字", 4), "太长的名字");
    }
}
