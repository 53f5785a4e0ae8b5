//! The entry grid shows the paper form's 序号 beside each row letter: the
//! caller reads "3号", the keyer sees "c 3".

use super::*;

/// Ballot entry on 南塘村's annual review (7 people), nothing keyed.
fn grid(app: &mut App) {
    press(app, &to_counting_script(12));
    press(app, "<Enter>");
    assert_eq!(app.mode(), Mode::Ballots);
}

#[test]
fn each_row_shows_its_letter_and_its_number_on_the_paper() {
    let guard = lock(Lang::Zh);
    for (l, _) in LANGS {
        lang(&guard, l);
        let (_dir, mut app) = demo_app();
        grid(&mut app);
        let lines = app.current_round().unwrap().lines.clone();
        for (w, h) in SIZES {
            let b = render(&app, w, h);
            for (i, line) in lines.iter().enumerate() {
                let label = format!(
                    "│{} {} {}",
                    ceping::labels::row_key(i).unwrap(),
                    i + 1,
                    line.name
                );
                assert!(shows(&b, &label), "{l:?} {w}x{h}: {label}\n{}", screen(&b));
            }
        }
        // "3号 称职": row c is the third name.
        press(&mut app, "1 c 2");
        let marks = &app.draft().marks;
        assert_eq!(marks[2], Some(ceping::domain::Mark::Grade(1)));
        assert_eq!(marks[3], Some(ceping::domain::Mark::Grade(0)));
    }
}
