//! The campaign file is whole on its own (issue 10): a copy of just the
//! `.ceping` holds every closed round, a copy taken mid-round is flagged
//! by `verify`, a clean quit leaves nothing in the `-wal` even with a
//! projector still reading, `ceping backup` during a meeting verifies and
//! equals the source, and the mirror survives a stick pulled out.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::bin::{BIN, stderr, stdout};
use crate::support::campaign::{annual_round, run_ballots, small_campaign};
use crate::support::meeting::open;
use ceping::app::mirror::{Mirror, MirrorState};
use ceping::domain::*;
use ceping::store::{Session, Store, sidecar};

fn ceping(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().expect("run ceping");
    (out.status.success(), stdout(&out), stderr(&out))
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A session on a new file with round 1 opened and counted up to `n`
/// ballots (12 issued and returned).
fn meeting(dir: &Path, n: u32) -> (PathBuf, Session) {
    let path = dir.join("南塘村.ceping");
    let mut s = Store::create(&path, &small_campaign()).unwrap();
    open(&mut s, &annual_round("南塘村"), [15, 12, 12, 12]);
    run_ballots(&mut s, n);
    (path, s)
}

fn close(s: &mut Session) {
    support::meeting::close(s, &annual_round("南塘村"));
}

/// An empty folder `stick` in `dir`, as a USB stick plugged in.
fn empty_stick(dir: &Path) -> PathBuf {
    let stick = dir.join("stick");
    std::fs::create_dir(&stick).unwrap();
    stick
}

/// Copy just the main file, as a liaison copies it to a stick.
fn copy_main(path: &Path, to: &Path) -> PathBuf {
    std::fs::create_dir_all(to).unwrap();
    let dest = to.join(path.file_name().unwrap());
    std::fs::copy(path, &dest).unwrap();
    dest
}

#[test]
fn after_a_round_closes_a_copy_of_just_the_file_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut s) = meeting(dir.path(), 12);
    close(&mut s);
    let events = s.model.events;
    // The meeting goes on (the file stays open); the copy is taken now.
    let copy = copy_main(&path, &dir.path().join("stick"));
    assert!(!sidecar(&copy, "-wal").exists());
    let (ok, out, err) = ceping(&["verify", arg(&copy)]);
    assert!(ok, "{err}");
    assert!(out.contains(&format!("完好：{events} 条记录")), "{out}");
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    let round = &copied.rounds[&annual_round("南塘村")];
    assert!(matches!(round.status, RoundStatus::Closed { .. }));
    assert_eq!(round.ballots.len(), 12);
    drop(s);
}

#[test]
fn a_copy_taken_mid_round_is_flagged_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let (path, s) = meeting(dir.path(), 5);
    let copy = copy_main(&path, &dir.path().join("stick"));
    let (ok, out, err) = ceping(&["verify", arg(&copy)]);
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "注意：这个文件上次没有正常关闭，旁边也没有 -wal 文件：它像是在会议进行中复制出来的"
        ),
        "{out}"
    );
    let (_, out, _) = ceping(&["--lang", "en", "verify", arg(&copy)]);
    assert!(
        out.contains("Note: this file was not closed cleanly and has no -wal beside it"),
        "{out}"
    );
    // The original, open with its -wal, is not flagged.
    let (_, out, _) = ceping(&["verify", arg(&path)]);
    assert!(!out.contains("注意"), "{out}");
    // After a clean quit, a copy of just the file is whole and not flagged.
    let events = s.model.events;
    drop(s);
    let copy = copy_main(&path, &dir.path().join("stick2"));
    let (ok, out, _) = ceping(&["verify", arg(&copy)]);
    assert!(ok);
    assert!(out.contains(&format!("完好：{events} 条记录")), "{out}");
    assert!(!out.contains("注意"), "{out}");
}

#[test]
fn quitting_folds_the_file_even_with_a_projector_reading() {
    let dir = tempfile::tempdir().unwrap();
    let (path, s) = meeting(dir.path(), 7);
    let events = s.model.events;
    // The projector's read-only connection stays open past the quit.
    let mut projector = Store::open_read_only(&path).unwrap();
    assert_eq!(projector.replay().unwrap().events, events);
    drop(s);
    let copy = copy_main(&path, &dir.path().join("stick"));
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    assert_eq!(
        copied.events, events,
        "the main file alone holds everything"
    );
    drop(projector);
}

#[test]
fn backup_during_a_meeting_verifies_and_equals_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut s) = meeting(dir.path(), 9);
    let stick = empty_stick(dir.path());
    let (ok, out, err) = ceping(&["backup", arg(&path), arg(&stick)]);
    assert!(ok, "{err}");
    let copy = stick.join("南塘村.ceping");
    assert!(
        out.starts_with(&format!("已备份并核对：{}", copy.display())),
        "{out}"
    );
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    assert_eq!(copied, s.model, "the copy folds to the same model");
    assert!(
        !std::fs::read_dir(&stick).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp")),
        "no temporary file left"
    );
    // Again without --force: the copy is kept; with it, replaced.
    run_ballots(&mut s, 1);
    let (ok, _, err) = ceping(&["--lang", "en", "backup", arg(&path), arg(&stick)]);
    assert!(!ok);
    assert!(err.contains("already exists"), "{err}");
    let (ok, out, _) = ceping(&["--lang", "en", "backup", arg(&path), arg(&stick), "--force"]);
    assert!(ok);
    assert!(out.starts_with("Backed up and verified:"), "{out}");
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    assert_eq!(copied, s.model);
    // A copy verified from the stick alone is not flagged as in use.
    let (_, out, _) = ceping(&["verify", arg(&copy)]);
    assert!(!out.contains("注意"), "{out}");
    // Never over the campaign itself.
    let (ok, _, err) = ceping(&["backup", arg(&path), arg(&path), "--force"]);
    assert!(!ok);
    assert!(err.contains("备份不能写在考核文件本身上"), "{err}");
}

/// Tick the mirror until `done` or a few seconds pass.
fn settle(m: &mut Mirror, done: impl Fn(&MirrorState) -> bool) {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        m.tick(chrono::Local::now().fixed_offset());
        if !m.busy() && done(&m.state) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the mirror did not settle: {:?}", m.state);
}

#[test]
fn the_mirror_warns_when_the_stick_is_gone_and_catches_up_when_it_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut s) = meeting(dir.path(), 2);
    let stick = empty_stick(dir.path());
    let mut m = Mirror::new(&path, stick.clone(), 3);
    m.retry = Duration::from_millis(50);
    settle(&mut m, |st| matches!(st, MirrorState::Written { .. }));
    let copy = stick.join("南塘村.ceping");
    assert!(copy.exists());

    // The stick is pulled out: keying goes on, the mirror fails visibly.
    let away = dir.path().join("away");
    std::fs::rename(&stick, &away).unwrap();
    for _ in 0..3 {
        run_ballots(&mut s, 1);
        let e = s.store.read_after(s.store.last_seq() - 1).unwrap();
        m.noted(&Event::from_parts(&e[0].kind, &e[0].body).unwrap());
    }
    settle(&mut m, |st| matches!(st, MirrorState::Failed { .. }));
    let MirrorState::Failed { reason, .. } = &m.state else {
        unreachable!()
    };
    assert!(
        reason.contains("找不到备份文件夹") || reason.contains("not there"),
        "{reason}"
    );
    assert!(!stick.exists(), "nothing written where the stick was");

    // Back: the retry catches up with everything keyed meanwhile.
    std::fs::rename(&away, &stick).unwrap();
    settle(&mut m, |st| matches!(st, MirrorState::Written { .. }));
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    assert_eq!(copied, s.model);
}

#[test]
fn the_header_shows_the_mirror() {
    let dir = tempfile::tempdir().unwrap();
    let (path, s) = meeting(dir.path(), 1);
    let mut app = ceping::app::App::new(s, chrono::Local::now().fixed_offset());
    let mut m = Mirror::new(&path, dir.path().join("none"), 10);
    m.retry = Duration::from_millis(10);
    settle(&mut m, |st| matches!(st, MirrorState::Failed { .. }));
    app.mirror = Some(m);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 30)).unwrap();
    terminal.draw(|f| ceping::ui::draw(f, &app)).unwrap();
    let buf = terminal.backend().buffer();
    let header: String = (0..160).map(|x| buf[(x, 0)].symbol()).collect();
    assert!(header.replace(' ', "").contains("U盘备份失败"), "{header}");
}

#[test]
fn a_pause_in_keying_folds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, s) = meeting(dir.path(), 4);
    let events = s.model.events;
    let mut app = ceping::app::App::new(s, chrono::Local::now().fixed_offset());
    // Keyed just now: nothing folded yet, a copy of the file lacks it.
    app.tick();
    let copy = copy_main(&path, &dir.path().join("before"));
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    assert!(copied.events < events);
    // 30 s without a key: folded; a copy of just the file holds it all.
    app.last_input = Instant::now() - ceping::app::IDLE_CHECKPOINT;
    assert!(app.wake_in().is_some_and(|d| d.is_zero()));
    app.tick();
    assert_eq!(app.checkpointed, events);
    assert_eq!(app.wake_in(), None, "nothing more to fold");
    let copy = copy_main(&path, &dir.path().join("after"));
    let copied = Store::open_read_only(&copy).unwrap().replay().unwrap();
    assert_eq!(copied.events, events);
}
