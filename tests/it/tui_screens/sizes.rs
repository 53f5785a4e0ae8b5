//! Every screen drawn at every size from 1x1 to 200x60: no row of the
//! wrong width, nothing hidden under half of a double-width character.

use super::*;

/// Draw the screen `build` reaches at each of `sizes` on one terminal,
/// resized each time; returns what a terminal would show wrongly.
fn draw_sizes(build: Build, sizes: impl Iterator<Item = (u16, u16)>) -> Vec<String> {
    let (_dir, mut app) = demo_app();
    build(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    let mut out = Vec::new();
    for (w, h) in sizes {
        terminal.backend_mut().resize(w, h);
        if let Some(p) = draw_problems(&mut terminal, &app).first() {
            out.push(format!("{w}x{h}: {p}"));
        }
    }
    out
}

/// Run `jobs` on two threads (the test machine has two cores); each job
/// builds its own app, since an `App` holds a database connection.
fn on_two_threads(jobs: Vec<Box<dyn FnOnce() -> Vec<String> + Send>>) -> Vec<String> {
    let mut halves: [Vec<_>; 2] = [Vec::new(), Vec::new()];
    for (i, job) in jobs.into_iter().enumerate() {
        halves[i % 2].push(job);
    }
    // A thread's language is its own: the drawing threads speak the test's.
    let language = ceping::i18n::lang();
    std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .into_iter()
            .map(|jobs| {
                s.spawn(move || {
                    ceping::i18n::set_thread_lang(language);
                    jobs.into_iter().flat_map(|j| j()).collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("drawing panicked"))
            .collect()
    })
}

#[test]
fn every_size_from_1x1_to_200x60_draws() {
    let guard = lock(Lang::Zh);
    // Every size from 1x1 to 200x60, in Chinese (the double-width case):
    // four screens share the 12,000 sizes, each size drawn on one of them
    // (by (w + h) mod 4), so each screen meets every width and height.
    let full: [Build; 4] = [home_during, ballots, refused_next, sheet_resolve];
    let jobs = full
        .into_iter()
        .enumerate()
        .map(|(i, build)| {
            Box::new(move || {
                let sizes = (1..=200u16)
                    .flat_map(|w| (1..=60u16).map(move |h| (w, h)))
                    .filter(move |(w, h)| usize::from(w + h) % 4 == i);
                draw_sizes(build, sizes)
            }) as Box<dyn FnOnce() -> Vec<String> + Send>
        })
        .collect();
    let problems = on_two_threads(jobs);
    assert!(problems.is_empty(), "{problems:#?}");

    // Every screen in both languages at the edges of the "too small"
    // notice and a few common sizes (each is also drawn, and checked the
    // same way, at 100x30 and 160x45 by its snapshot test).
    let sizes: Vec<(u16, u16)> = vec![
        (1, 1),
        (59, 16),
        (60, 15),
        (60, 16),
        (61, 17),
        (80, 24),
        (100, 30),
        (137, 41),
        (200, 60),
    ];
    for (l, _) in LANGS {
        lang(&guard, l);
        let jobs = SCREENS
            .iter()
            .map(|&(name, build)| {
                let sizes = sizes.clone();
                Box::new(move || {
                    draw_sizes(build, sizes.into_iter())
                        .into_iter()
                        .map(|p| format!("{name} {l:?} {p}"))
                        .collect()
                }) as Box<dyn FnOnce() -> Vec<String> + Send>
            })
            .collect();
        let problems = on_two_threads(jobs);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
