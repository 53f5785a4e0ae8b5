//! The footer and the help overlay come from the keymap: every binding of
//! every mode is listed, and nothing else.

use super::*;

/// The help popup's rows: the text between its side borders, located by
/// its title.
fn help_rows(b: &TestBackend, title: &str) -> Vec<String> {
    let (tx, ty) = find(b, title).unwrap_or_else(|| panic!("no help on\n{}", screen(b)));
    let buf = b.buffer();
    let left = (0..tx)
        .rev()
        .find(|&x| buf[(x, ty)].symbol() == "┌")
        .unwrap();
    let right = (tx..buf.area.width)
        .find(|&x| buf[(x, ty)].symbol() == "┐")
        .unwrap();
    let mut out = Vec::new();
    for y in ty + 1..buf.area.height {
        if buf[(left, y)].symbol() == "└" {
            return out;
        }
        assert_eq!(buf[(left, y)].symbol(), "│");
        assert_eq!(buf[(right, y)].symbol(), "│");
        let mut text = String::new();
        let mut x = left + 1;
        while x < right {
            let sym = buf[(x, y)].symbol();
            text.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push(text);
    }
    panic!("help popup has no bottom border");
}

#[test]
fn footer_and_help_come_from_the_keymap() {
    each_lang(|l, _| {
        let mut helps = Vec::new();
        for (mode, script) in crate::support::modes::every_mode() {
            let (_dir, mut app) = demo_app();
            crate::support::modes::reach(&mut app, script);
            assert_eq!(app.mode(), mode, "{script}: {:?}", app.status);
            let bindings = keymap::bindings(mode);

            // The footer: exactly the footer bindings, in table order, then
            // `? 更多` wherever `?` opens the help.
            let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
            let shown: Vec<_> = bindings
                .iter()
                .filter(|b| b.footer && (b.matches)(&question) != Some(Action::Help))
                .collect();
            let mut expected: String = shown
                .iter()
                .map(|b| format!(" {}  {}  ", b.keys, b.desc.text()))
                .collect();
            if keymap::lookup(mode, &question) == Some(Action::Help) {
                let more = if l == Lang::Zh { "更多" } else { "more" };
                expected.push_str(&format!(" ?  {more}  "));
            }
            let expected = expected.trim_end();
            let w = (unicode_width::UnicodeWidthStr::width(expected) as u16 + 1).max(100);
            let b = render(&app, w, 30);
            assert_eq!(footer_line(&b), expected, "{mode:?}");
            // Each key label sits on the grey key background.
            let footer = row(&b, 29);
            for binding in &shown {
                let label = format!(" {}  {}", binding.keys, binding.desc.text());
                let at = footer.find(&label).unwrap();
                let x = unicode_width::UnicodeWidthStr::width(&footer[..at]) as u16;
                assert_eq!(b.buffer()[(x + 1, 29)].bg, Color::Gray, "{mode:?} {label}");
            }

            // The help: every binding, in table order, where `?` opens it.
            if keymap::lookup(mode, &question) != Some(Action::Help) {
                continue;
            }
            press(&mut app, "?");
            assert!(app.help());
            helps.push(mode);
            let b = render(&app, 160, 45);
            let title = if l == Lang::Zh {
                "按键说明（任意键关闭）"
            } else {
                "Keys (any key closes)"
            };
            let rows = help_rows(&b, title);
            // Ballot entry adds a note on the row labels past person 22.
            let note = usize::from(mode == Mode::Ballots) * 2;
            assert_eq!(rows.len(), bindings.len() + note, "{mode:?}: {rows:#?}");
            for (row, binding) in rows.iter().zip(&bindings) {
                let row = row.trim_end();
                let desc = binding.desc.text();
                assert!(
                    row.starts_with(binding.keys)
                        && row.ends_with(desc)
                        && row[binding.keys.len()..row.len() - desc.len()]
                            .chars()
                            .all(|c| c == ' '),
                    "{mode:?}: {row:?} is not {:?} {desc:?}",
                    binding.keys
                );
            }
            // Any key closes the help and does nothing else (here `n`,
            // which would otherwise move the agenda or be a row key).
            let model = app.model().clone();
            let draft = app.draft().clone();
            press(&mut app, "n");
            assert!(!app.help());
            assert_eq!(app.mode(), mode);
            assert_eq!(app.model(), &model);
            assert_eq!(*app.draft(), draft);
        }
        // Only the prompt and the quit question have no help of their own
        // (a `?` typed at a prompt is text).
        // All but the questions (three kinds) and the quit question.
        let all = crate::support::modes::every_mode().len();
        assert_eq!(helps.len(), all - 4, "{helps:?}");
    });
}
