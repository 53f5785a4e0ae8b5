//! The campaign file: append and replay, tamper detection, the single
//! writer, permissions and schema versions.

use crate::support::campaign::*;
use ceping::domain::{BallotContent, DomainError, Event, Mark};
use ceping::i18n::Lang;
use ceping::store::{Store, StoreError, sidecar, verify::verify};
use rusqlite::Connection;

fn new_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("南塘村.ceping")
}

#[test]
fn append_then_replay_gives_the_same_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let mut s = small_file(&path, 12);
    let key = annual_round("南塘村");
    s.record(Event::BallotCorrected {
        round: key.clone(),
        number: 3,
        content: BallotContent::Blank,
    })
    .unwrap();
    s.record(Event::BallotWithdrawn {
        round: key.clone(),
        number: 5,
    })
    .unwrap();
    let (model, head, seq) = (s.model.clone(), s.store.head(), s.store.last_seq());
    drop(s);

    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.model, model);
    assert_eq!(reopened.store.head(), head);
    assert_eq!(seq, 1 + 1 + 12 + 2);
    assert_eq!(reopened.store.last_seq(), seq);
    let round = &reopened.model.rounds[&key];
    assert_eq!(round.ballots.len(), 12);
    assert_eq!(round.ballots[2].content, BallotContent::Blank);
    assert!(round.ballots[4].withdrawn);
    assert_eq!(round.live_ballots().count(), 11);
}

#[test]
fn a_refused_event_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let mut s = small_file(&path, 2);
    let before = (s.store.last_seq(), s.model.clone());
    let key = annual_round("南塘村");
    let err = s
        .record(Event::BallotRecorded {
            round: key.clone(),
            number: 3,
            content: BallotContent::Marks(vec![Mark::Grade(0)]),
        })
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Domain(DomainError::WrongMarkCount(5, 1))
    ));
    let err = s
        .record(Event::BallotRecorded {
            round: key,
            number: 9,
            content: BallotContent::Blank,
        })
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Domain(DomainError::WrongBallotNumber(3))
    ));
    assert_eq!((s.store.last_seq(), s.model.clone()), before);
    let rows: i64 = s
        .store
        .connection()
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows as u64, before.0);
}

/// A finished file and a raw connection with the append-only triggers
/// dropped, as a deliberate tamperer would.
fn tamper_setup() -> (tempfile::TempDir, std::path::PathBuf, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    drop(small_file(&path, 8));
    assert!(verify(&path).is_ok());
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;")
        .unwrap();
    (dir, path, conn)
}

/// A finished file tampered with by `sql` (see [`tamper_setup`]).
fn tampered(sql: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path, conn) = tamper_setup();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    (dir, path)
}

/// Where `verify` finds the damage after [`tampered`] by `sql`.
fn damaged_by(sql: &str) -> u64 {
    let (_d, path) = tampered(sql);
    damaged_at(&path)
}

fn damaged_at(path: &std::path::Path) -> u64 {
    match verify(path) {
        Err(StoreError::DamagedIn { seq, .. }) => seq,
        other => panic!("expected damage, got {other:?}"),
    }
}

#[test]
fn the_log_refuses_plain_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    drop(Store::create(&path, &small_campaign()).unwrap());
    let conn = Connection::open(&path).unwrap();
    for sql in [
        "UPDATE events SET body = '{}' WHERE seq = 1",
        "DELETE FROM events WHERE seq = 1",
    ] {
        // The trigger's RAISE(ABORT, …): a constraint failure of a trigger
        // with the schema's own sentence.
        match conn.execute(sql, []) {
            Err(rusqlite::Error::SqliteFailure(e, Some(text))) => {
                assert_eq!(e.code, rusqlite::ErrorCode::ConstraintViolation, "{sql}");
                assert_eq!(
                    e.extended_code,
                    rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER,
                    "{sql}"
                );
                assert_eq!(text, "ceping: the event log is append-only", "{sql}");
            }
            other => panic!("{sql}: expected the append-only trigger, got {other:?}"),
        }
    }
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
}

#[test]
fn verify_detects_a_changed_row() {
    // Turn ballot 4 (seq 6) into an all-优秀 ballot.
    let sql =
        "UPDATE events SET body = replace(body, '{\"grade\":3}', '{\"grade\":0}') WHERE seq = 6";
    assert_eq!(damaged_by(sql), 6);
}

#[test]
fn verify_detects_a_deleted_row() {
    assert_eq!(damaged_by("DELETE FROM events WHERE seq = 5"), 5);
}

#[test]
fn verify_detects_a_deleted_last_row() {
    let sql = "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)";
    assert_eq!(damaged_by(sql), 10);
}

#[test]
fn verify_detects_reordered_rows() {
    // Swap the contents of events 4 and 7, keeping each row's own hash.
    let sql = "UPDATE events SET seq = -4 WHERE seq = 4;
         UPDATE events SET seq = 4 WHERE seq = 7;
         UPDATE events SET seq = 7 WHERE seq = -4;";
    assert_eq!(damaged_by(sql), 4);
}

#[test]
fn verify_passes_and_names_the_head() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let s = small_file(&path, 3);
    let head = ceping::store::chain::to_hex(&s.store.head());
    drop(s);
    let report = verify(&path).unwrap();
    assert_eq!(report.events, 5);
    ceping::i18n::set_thread_lang(ceping::i18n::Lang::Zh);
    assert!(
        report.summary(Lang::Zh).contains(&head),
        "{}",
        report.summary(Lang::Zh)
    );
}

#[test]
fn a_second_writer_is_refused_and_told_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let mut first = small_file(&path, 1);
    let err = Store::open(&path).unwrap_err();
    let StoreError::Locked {
        holder: Some(holder),
        ..
    } = &err
    else {
        panic!("expected Locked, got {err:?}")
    };
    assert_eq!(holder.pid, std::process::id());
    assert!(!holder.host.is_empty());
    // Readers are allowed while the writer works, and see its events.
    let mut reader = Store::open_read_only(&path).unwrap();
    let model = reader.replay().unwrap();
    assert_eq!(model.events, 3);
    run_ballots(&mut first, 1);
    drop(first);
    // Once the writer is gone, the file opens for writing again.
    let again = Store::open(&path).unwrap();
    assert_eq!(again.model.events, 4);
}

#[test]
fn a_read_only_store_cannot_append() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    drop(Store::create(&path, &small_campaign()).unwrap());
    let mut reader = Store::open_read_only(&path).unwrap();
    reader.replay().unwrap();
    let err = reader
        .append(&Event::BallotsIssued {
            round: annual_round("南塘村"),
            count: 3,
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::OpenedReadOnly), "{err:?}");
    assert_eq!(err.message(Lang::Zh), "以只读方式打开，不能写入");
    assert_eq!(err.message(Lang::En), "opened read-only");
    assert_eq!(reader.last_seq(), 1);
}

#[test]
fn create_refuses_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    std::fs::write(&path, b"minutes").unwrap();
    assert!(matches!(
        Store::create(&path, &small_campaign()),
        Err(StoreError::Exists(_))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), b"minutes");
}

#[test]
fn a_file_from_a_newer_version_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    drop(Store::create(&path, &small_campaign()).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NewerSchema {
                found: 99,
                supported: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NewerSchema { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        err.problem(),
        Some(ceping::store::FileProblem::NotCeping(
            ceping::store::Looks::Sqlite
        )),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_file_is_opened_in_wal_with_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let s = Store::create(&path, &small_campaign()).unwrap();
    let c = s.store.connection();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!((mode.as_str(), sync), ("wal", 2));
}

#[cfg(unix)]
#[test]
fn the_file_and_its_companions_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let _s = small_file(&path, 1);
    for p in [path.clone(), sidecar(&path, "-wal"), sidecar(&path, "-shm")] {
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", p.display());
    }
    // The writer lock is on the file itself: no lock file on Unix.
    assert!(!sidecar(&path, ".lock").exists());
}

#[test]
fn ballots_carry_nothing_about_who_filled_them_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    let s = small_file(&path, 2);
    let events = s.store.read_after(2).unwrap();
    for e in events {
        assert_eq!(e.kind, "ballot_recorded");
        let body: serde_json::Value = serde_json::from_str(&e.body).unwrap();
        let keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys, ["round", "number", "content"]);
    }
}

#[test]
fn verify_detects_a_deleted_sequence_row() {
    // Events 1..=10 stay; only the counter that proves the tail is gone.
    let sql = "DELETE FROM sqlite_sequence WHERE name = 'events'";
    assert_eq!(damaged_by(sql), 11);
}

#[test]
fn verify_detects_a_lowered_sequence_hiding_a_deleted_tail() {
    let sql = "DELETE FROM events WHERE seq > 7;
         UPDATE sqlite_sequence SET seq = 6 WHERE name = 'events';";
    assert_eq!(damaged_by(sql), 8);
}

#[test]
fn a_damaged_log_gets_no_writer_note() {
    let (_d, path) =
        tampered("UPDATE events SET ts = '2022-01-01T00:00:00.000+08:00' WHERE seq = 5");
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::DamagedIn { seq: 5, .. }),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let notes: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM writer", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 0);
}

#[cfg(unix)]
#[test]
fn the_writer_lock_belongs_to_the_file_not_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(&dir);
    drop(Store::create(&path, &small_campaign()).unwrap());
    let hard = dir.path().join("hard.ceping");
    std::fs::hard_link(&path, &hard).unwrap();
    let soft = dir.path().join("soft.ceping");
    std::os::unix::fs::symlink(&path, &soft).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let dotdot = dir.path().join("sub").join("..").join("南塘村.ceping");
    // Whichever name the first writer used, every other name is refused.
    for first in [&path, &hard, &soft, &dotdot] {
        let writer = Store::open(first).unwrap();
        for second in [&path, &hard, &soft, &dotdot] {
            match Store::open(second) {
                Err(StoreError::Locked {
                    holder: Some(h), ..
                }) => assert_eq!(h.pid, std::process::id()),
                other => panic!("{} then {}: {other:?}", first.display(), second.display()),
            }
        }
        drop(writer);
    }
    assert!(!sidecar(&path, ".lock").exists());
}
