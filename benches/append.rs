//! One durable event append against a raw rusqlite single-row INSERT with
//! the same pragmas (WAL, synchronous=FULL), in the same run. Both commit
//! one transaction per row; the difference is ceping's serialisation, hash
//! chain, model check and append-only triggers.

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, params};

use ceping::domain::Event;
use ceping::store::Store;
use support::campaign::annual_round;
use support::meeting::{cycling, open_round};

fn campaign() -> ceping::domain::Campaign {
    ceping::campaign_toml::demo()
}

fn ballot_event(number: u32, lines: usize) -> Event {
    Event::BallotRecorded {
        round: annual_round("南塘村"),
        number,
        content: cycling(number, lines),
    }
}

/// Bench `name`: the row (`kind`, `body`, `hash`) inserted into `conn`'s
/// `events` table, one INSERT per transaction, numbered on from 1.
fn raw_insert(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    conn: &Connection,
    (kind, body, hash): (&str, &str, &str),
) {
    let mut seq = 0i64;
    g.bench_function(name, |b| {
        b.iter(|| {
            seq += 1;
            conn.prepare_cached(
                "INSERT INTO events (seq, ts, kind, body, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap()
            .execute(params![
                seq,
                "2022-01-10T09:00:00.000+08:00",
                kind,
                body,
                hash
            ])
            .unwrap()
        })
    });
}

fn bench_append(c: &mut Criterion) {
    // On the project's disk, not a RAM-backed /tmp: fsync must be real.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut g = c.benchmark_group("durable_append");

    // ceping: Session::record = model check + JSON + SHA-256 + INSERT + fold.
    let path = dir.path().join("bench.ceping");
    let mut session = Store::create(&path, &campaign()).unwrap();
    let key = annual_round("南塘村");
    open_round(&mut session, &key);
    let n_lines = session.model.rounds[&key].lines.len();
    g.bench_function("ceping_record", |b| {
        b.iter(|| {
            let number = session.model.rounds[&key].ballots.len() as u32 + 1;
            session.record(ballot_event(number, n_lines)).unwrap()
        })
    });

    // Raw: the same row shape, the same pragmas, one INSERT per transaction.
    let raw = Connection::open(dir.path().join("raw.db")).unwrap();
    raw.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE events (seq INTEGER PRIMARY KEY, ts TEXT, kind TEXT, body TEXT, hash TEXT);",
    )
    .unwrap();
    let (kind, body) = ballot_event(1, n_lines).to_parts().unwrap();
    let hash = "0".repeat(64);
    raw_insert(&mut g, "raw_insert", &raw, (&kind, &body, &hash));

    // Raw again, into a table shaped exactly like ceping's (AUTOINCREMENT,
    // append-only triggers): isolates the cost of ceping's code from the
    // cost of its schema.
    let same = Connection::open(dir.path().join("same.db")).unwrap();
    same.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL,
             kind TEXT NOT NULL, body TEXT NOT NULL, hash TEXT NOT NULL);
         CREATE TRIGGER events_no_update BEFORE UPDATE ON events
             BEGIN SELECT RAISE(ABORT, 'append-only'); END;
         CREATE TRIGGER events_no_delete BEFORE DELETE ON events
             BEGIN SELECT RAISE(ABORT, 'append-only'); END;",
    )
    .unwrap();
    raw_insert(
        &mut g,
        "raw_insert_same_schema",
        &same,
        (&kind, &body, &hash),
    );
    g.finish();
}

criterion_group!(benches, bench_append);
criterion_main!(benches);
