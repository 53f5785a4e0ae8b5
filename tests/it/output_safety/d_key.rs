//! The `d` key cannot overwrite the campaign, and the check behind it
//! (`check_output`) holds for every kind of output, in both languages.

use super::*;

/// The `d` key: its output name is generated beside the campaign file,
/// but even a name that reaches the campaign (a hard link) is refused;
/// and the guard itself, directly.
#[test]
fn the_d_key_cannot_overwrite_the_campaign_and_the_guard_holds() {
    use ceping::app::{App, Status, export_path};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    ceping::i18n::set_thread_lang(ceping::i18n::Lang::Zh);
    let (dir, path) = fresh_campaign();
    let d = dir.path();
    let other = campaign(d, "other.ceping");
    let now = chrono::DateTime::parse_from_rfc3339("2022-01-10T09:00:00+08:00").unwrap();
    let generated = export_path(&path, now, 1);
    std::fs::hard_link(&path, &generated).unwrap();

    let session = Store::open(&path).unwrap();
    let head = session.store.head();
    let mut app = App::new(session, now);
    let press = |app: &mut App, c: KeyCode| app.on_key(KeyEvent::new(c, KeyModifiers::NONE));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.run_deferred());
    let sentence = itself(Lang::Zh, &generated.display().to_string(), "结果.xlsx");
    match &app.status {
        Some(Status::Error(s)) => assert!(s.contains(&sentence), "{s}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.session.store.head(), head);
    drop(app);
    std::fs::remove_file(&generated).unwrap();
    let before = state(&path);
    still_whole(d, &path, before);

    // The guard, directly.
    std::fs::create_dir(d.join("sub")).unwrap();
    let hard = d.join("hard.ceping");
    std::fs::hard_link(&path, &hard).unwrap();
    let reading: &[&Path] = &[&path];
    let check = |out: &Path| check_output(out, reading, OutputKind::Xlsx);
    assert!(matches!(check(&path), Err(OutputRefusal::Itself { .. })));
    assert!(matches!(check(&hard), Err(OutputRefusal::Itself { .. })));
    assert!(matches!(
        check(&d.join("sub/../m.ceping")),
        Err(OutputRefusal::Itself { .. })
    ));
    #[cfg(unix)]
    {
        let soft = d.join("soft.xlsx");
        std::os::unix::fs::symlink(&path, &soft).unwrap();
        assert!(matches!(check(&soft), Err(OutputRefusal::Itself { .. })));
        // The campaign read through a symlink: its target is itself too.
        let via: &[&Path] = &[&soft];
        assert!(matches!(
            check_output(&path, via, OutputKind::Xlsx),
            Err(OutputRefusal::Itself { .. })
        ));
    }
    for name in ["m.ceping-wal", "m.ceping-shm", "m.ceping.lock", "x.LOCK"] {
        assert!(
            matches!(check(&d.join(name)), Err(OutputRefusal::Sidecar { .. })),
            "{name}"
        );
    }
    assert!(matches!(
        check(&other),
        Err(OutputRefusal::OtherCampaign { .. })
    ));
    // Any campaign file, even with no campaign being read.
    assert!(matches!(
        check_output(&path, &[], OutputKind::Csv),
        Err(OutputRefusal::OtherCampaign { .. })
    ));
    assert!(matches!(
        check(&d.join("sub")),
        Err(OutputRefusal::Folder { .. })
    ));
    assert!(matches!(
        check(&d.join("no/r.xlsx")),
        Err(OutputRefusal::NoFolder { .. })
    ));
    #[cfg(unix)]
    assert!(matches!(
        check(Path::new("/dev/null")),
        Err(OutputRefusal::Special { .. })
    ));
    assert!(check(&export_path(&path, now, 1)).is_ok());
    std::fs::write(d.join("old.xlsx"), b"old").unwrap();
    assert!(check(&d.join("old.xlsx")).is_ok(), "--force decides");

    // Both languages, the whole sentence.
    let out = d.join("m.ceping");
    let refusal = check(&out).unwrap_err();
    assert_eq!(
        refusal.to_string(),
        itself(Lang::Zh, &out.display().to_string(), "结果.xlsx")
    );
    ceping::i18n::set_thread_lang(ceping::i18n::Lang::En);
    assert_eq!(
        refusal.to_string(),
        itself(Lang::En, &out.display().to_string(), "results.xlsx")
    );
    assert_eq!(state(&path), before);
    no_temp_files(d);
}
