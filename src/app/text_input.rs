//! What is typed at a question: one line (a number, a name) or a text
//! that may run over several lines (a comment, a reason, a written
//! evaluation). The editing itself is `ratatui-textarea`'s: the cursor
//! moves by character and word, text is inserted where the cursor is, and
//! long lines wrap by display width, so Chinese text (two cells a
//! character) lines up. Keys reach it as [`TextEdit`]s from the keymap.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// One editing key, as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    Left,
    Right,
    WordLeft,
    WordRight,
    /// To the start of the line.
    Home,
    /// To the end of the line.
    End,
    /// A new line (texts only; a one-line answer ignores it).
    Newline,
    /// Clear the field, to type it anew.
    ClearAll,
}

/// The text being typed, with its cursor.
#[derive(Debug, Clone)]
pub struct TextInput {
    area: TextArea<'static>,
    multiline: bool,
}

impl PartialEq for TextInput {
    fn eq(&self, other: &Self) -> bool {
        self.multiline == other.multiline
            && self.area.lines() == other.area.lines()
            && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for TextInput {}

impl TextInput {
    /// An empty answer; `multiline` for texts.
    pub fn new(multiline: bool) -> Self {
        Self::with_text("", multiline)
    }

    /// An answer pre-filled with `text` (what was saved before), the
    /// cursor at its end, ready to be edited rather than retyped.
    pub fn with_text(text: &str, multiline: bool) -> Self {
        let lines: Vec<String> = if multiline {
            text.split('\n').map(str::to_string).collect()
        } else {
            vec![text.replace('\n', " ")]
        };
        let mut area = TextArea::new(lines);
        // Chinese has no spaces to wrap at: wrap at words where there are
        // some, else between characters. A one-line answer scrolls.
        area.set_wrap_mode(if multiline {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Self { area, multiline }
    }

    pub fn multiline(&self) -> bool {
        self.multiline
    }

    /// The text typed, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// Replace everything with `text`, the cursor at the end.
    pub fn set_text(&mut self, text: &str) {
        *self = Self::with_text(text, self.multiline);
    }

    /// Insert `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        self.area.insert_char(c);
    }

    /// Apply one editing key.
    pub fn edit(&mut self, edit: TextEdit) {
        match edit {
            TextEdit::Backspace => {
                self.area.delete_char();
            }
            TextEdit::Delete => {
                self.area.delete_next_char();
            }
            TextEdit::Left => self.area.move_cursor(CursorMove::Back),
            TextEdit::Right => self.area.move_cursor(CursorMove::Forward),
            TextEdit::WordLeft => self.area.move_cursor(CursorMove::WordBack),
            TextEdit::WordRight => self.area.move_cursor(CursorMove::WordForward),
            TextEdit::Home => self.area.move_cursor(CursorMove::Head),
            TextEdit::End => self.area.move_cursor(CursorMove::End),
            TextEdit::Newline if self.multiline => self.area.insert_newline(),
            TextEdit::Newline => {}
            TextEdit::ClearAll => self.set_text(""),
        }
    }

    /// (line, character) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    /// The editor, for drawing.
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut TextInput, s: &str) {
        s.chars().for_each(|c| input.insert(c));
    }

    #[test]
    fn left_moves_the_cursor_and_typing_inserts_there() {
        let mut t = TextInput::new(false);
        typed(&mut t, "abc");
        t.edit(TextEdit::Left);
        t.edit(TextEdit::Left);
        typed(&mut t, "X");
        assert_eq!(t.text(), "aXbc");
    }

    #[test]
    fn chinese_text_edits_by_character() {
        let mut t = TextInput::with_text("工作扎实", true);
        t.edit(TextEdit::Home);
        t.edit(TextEdit::Right);
        t.edit(TextEdit::Right);
        t.edit(TextEdit::Delete);
        assert_eq!(t.text(), "工作实");
        t.edit(TextEdit::Backspace);
        assert_eq!(t.text(), "工实");
    }

    #[test]
    fn a_pre_filled_text_is_edited_at_its_end() {
        let mut t = TextInput::with_text("第一行\n第二行", true);
        assert_eq!(t.cursor(), (1, 3));
        typed(&mut t, "。");
        t.edit(TextEdit::Newline);
        typed(&mut t, "三");
        assert_eq!(t.text(), "第一行\n第二行。\n三");
    }

    #[test]
    fn a_one_line_answer_keeps_one_line() {
        let mut t = TextInput::with_text("48\n45", false);
        t.edit(TextEdit::Newline);
        assert_eq!(t.text(), "48 45");
    }
}
