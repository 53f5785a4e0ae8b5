//! Big block digits for the projector, drawn from background-coloured
//! spaces: every terminal shows a space as exactly one cell, whereas block
//! glyphs (█ ■) are ambiguous-width and turn double-wide in many Chinese
//! terminals. A glyph is 3x5 pixels (the colon 1x5); a pixel is `x` cells
//! wide and `y` rows tall, so the same text scales to any window. Digits,
//! the hex letters a-f (fingerprints), `:`, `/`, `+`, `-` and space.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

/// Rows of a glyph in pixels.
pub const PIXEL_ROWS: u16 = 5;

/// The size of one pixel in cells: `x` columns by `y` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub x: u16,
    pub y: u16,
}

/// The pixel rows of `c`, `#` for a lit pixel; `None` for a character the
/// font lacks (drawn as a blank of digit width).
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c.to_ascii_lowercase() {
        '0' => ["###", "#.#", "#.#", "#.#", "###"],
        '1' => [".#.", "##.", ".#.", ".#.", "###"],
        '2' => ["###", "..#", "###", "#..", "###"],
        '3' => ["###", "..#", "###", "..#", "###"],
        '4' => ["#.#", "#.#", "###", "..#", "..#"],
        '5' => ["###", "#..", "###", "..#", "###"],
        '6' => ["###", "#..", "###", "#.#", "###"],
        '7' => ["###", "..#", "..#", "..#", "..#"],
        '8' => ["###", "#.#", "###", "#.#", "###"],
        '9' => ["###", "#.#", "###", "..#", "###"],
        'a' => ["###", "#.#", "###", "#.#", "#.#"],
        'b' => ["#..", "#..", "###", "#.#", "###"],
        'c' => ["###", "#..", "#..", "#..", "###"],
        'd' => ["..#", "..#", "###", "#.#", "###"],
        'e' => ["###", "#..", "##.", "#..", "###"],
        'f' => ["###", "#..", "##.", "#..", "#.."],
        ':' => [".", "#", ".", "#", "."],
        '/' => ["..#", "..#", ".#.", "#..", "#.."],
        '+' => ["...", ".#.", "###", ".#.", "..."],
        '-' => ["...", "...", "###", "...", "..."],
        ' ' => ["..", "..", "..", "..", ".."],
        _ => return None,
    })
}

/// Width of `c` in pixels.
fn pixels_wide(c: char) -> u16 {
    glyph(c).map_or(3, |g| g[0].len() as u16)
}

/// Width of `text` in cells at `scale`: glyphs one pixel apart.
pub fn width(text: &str, scale: Scale) -> u16 {
    let pixels: u16 = text.chars().map(pixels_wide).sum();
    let gaps = text.chars().count().saturating_sub(1) as u16;
    (pixels + gaps).saturating_mul(scale.x)
}

/// Height of big text in rows at `scale`.
pub fn height(scale: Scale) -> u16 {
    PIXEL_ROWS.saturating_mul(scale.y)
}

/// The scales up to `max_y` rows a pixel, biggest first. Pixels twice as
/// wide as tall look square on a terminal; narrower ones make thin glyphs,
/// so a scale ranks by its pixel's area (`x * y`): a square-pixel glyph
/// of 2 rows a pixel beats a thin one of 2, not a thin one of 3.
pub fn scales(max_y: u16) -> Vec<Scale> {
    let mut all: Vec<Scale> = (1..=max_y)
        .flat_map(|y| [2 * y, (3 * y).div_ceil(2), y].map(|x| Scale { x, y }))
        .collect();
    all.sort_by_key(|s| std::cmp::Reverse((s.x * s.y, s.y)));
    all.dedup();
    all
}

/// The biggest scale (see [`scales`]) at which `text` fits in `w` x `h`
/// cells, at most `max_y` rows a pixel; `None` if not even the smallest.
pub fn fit(text: &str, w: u16, h: u16, max_y: u16) -> Option<Scale> {
    scales(max_y)
        .into_iter()
        .find(|&s| height(s) <= h && width(text, s) <= w)
}

/// Draw `text` at the top left of `area` (clipped to it) in `color`.
pub fn render(buf: &mut Buffer, area: Rect, text: &str, scale: Scale, color: Color) {
    let area = area.intersection(buf.area);
    let lit = Style::new().bg(color);
    let mut x0 = area.x;
    for c in text.chars() {
        if let Some(rows) = glyph(c) {
            for (py, row) in rows.iter().enumerate() {
                for (px, p) in row.bytes().enumerate() {
                    if p != b'#' {
                        continue;
                    }
                    let cx = x0 + px as u16 * scale.x;
                    let cy = area.y + py as u16 * scale.y;
                    for y in cy..cy.saturating_add(scale.y) {
                        for x in cx..cx.saturating_add(scale.x) {
                            if x < area.right() && y < area.bottom() {
                                buf[(x, y)].set_symbol(" ").set_style(lit);
                            }
                        }
                    }
                }
            }
        }
        x0 = x0.saturating_add((pixels_wide(c) + 1) * scale.x);
        if x0 >= area.right() {
            break;
        }
    }
}

/// Draw `text` centred horizontally in `area`, at its top.
pub fn render_centered(buf: &mut Buffer, area: Rect, text: &str, scale: Scale, color: Color) {
    let w = width(text, scale).min(area.width);
    let x = area.x + (area.width - w) / 2;
    render(
        buf,
        Rect {
            x,
            width: w,
            ..area
        },
        text,
        scale,
        color,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, scale: Scale) -> Vec<String> {
        let w = width(text, scale);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, height(scale)));
        let area = buf.area;
        render(&mut buf, area, text, scale, Color::White);
        (0..buf.area.height)
            .map(|y| {
                (0..w)
                    .map(|x| {
                        if buf[(x, y)].bg == Color::White {
                            '#'
                        } else {
                            '.'
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn draws_pixels_as_cells() {
        assert_eq!(
            show("1:0", Scale { x: 1, y: 1 }),
            [
                ".#....###",
                "##..#.#.#",
                ".#....#.#",
                ".#..#.#.#",
                "###...###",
            ]
        );
        let wide = show("7", Scale { x: 2, y: 2 });
        assert_eq!(wide.len(), 10);
        assert_eq!(wide[0], "######");
        assert_eq!(wide[3], "....##");
    }

    #[test]
    fn fits_the_largest_scale() {
        // "12:34": 4 digits of 3 + a colon of 1 + 4 gaps = 17 pixels.
        assert_eq!(width("12:34", Scale { x: 1, y: 1 }), 17);
        assert_eq!(fit("12:34", 34, 5, 4), Some(Scale { x: 2, y: 1 }));
        assert_eq!(fit("12:34", 33, 5, 4), Some(Scale { x: 1, y: 1 }));
        assert_eq!(fit("12:34", 68, 10, 4), Some(Scale { x: 4, y: 2 }));
        // Thin glyphs of 6 rows a pixel lose to wider ones of 5.
        assert_eq!(fit("12:34", 196, 30, 6), Some(Scale { x: 9, y: 6 }));
        assert_eq!(fit("12:34", 140, 30, 6), Some(Scale { x: 8, y: 5 }));
        assert_eq!(
            scales(2),
            [
                Scale { x: 4, y: 2 },
                Scale { x: 3, y: 2 },
                Scale { x: 2, y: 2 },
                Scale { x: 2, y: 1 },
                Scale { x: 1, y: 1 },
            ]
        );
        assert_eq!(fit("12:34", 16, 5, 4), None);
        assert_eq!(fit("12:34", 200, 4, 4), None);
    }

    #[test]
    fn clips_to_the_area() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 3));
        render(
            &mut buf,
            Rect::new(2, 1, 10, 10),
            "88",
            Scale { x: 2, y: 2 },
            Color::Red,
        );
        assert_eq!(buf[(0, 0)].bg, Color::Reset);
        assert_eq!(buf[(2, 1)].bg, Color::Red);
    }
}
