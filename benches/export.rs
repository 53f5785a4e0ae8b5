//! Export of the large benchmark campaign (20 units, 200 subjects, 10,000
//! ballots; see `tests/support/large.rs`) after its meetings closed: the xlsx workbook
//! built in memory, and built and written to disk atomically (fsync
//! included), with the csv and json alongside for reference. Target: the
//! xlsx export, written, well under 1 s.
//!
//! Run: `cargo bench --bench export` (while others build in the tree:
//! `CARGO_TARGET_DIR=/tmp/export-target cargo bench --bench export`).

#[path = "../tests/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

use ceping::domain::{Event, MeetingKind};
use ceping::export::{csv, json, write_atomic, xlsx};
use ceping::store::chain;

fn bench_export(c: &mut Criterion) {
    // On the project's disk, not a RAM-backed /tmp: fsync must be real.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let started = Instant::now();
    let mut session = support::large::build(&dir.path().join("large.ceping"));
    // Close every unit's annual review, so each round carries its head.
    let units: Vec<String> = session
        .model
        .campaign
        .units
        .iter()
        .map(|u| u.name.clone())
        .collect();
    for unit in units {
        let head = chain::to_hex(&session.store.head());
        let round = support::meeting::key(&unit, MeetingKind::AnnualReview, 1);
        session
            .record(Event::RoundClosed {
                round,
                head,
                at: None,
            })
            .unwrap();
    }
    let (model, head) = (&session.model, session.store.head());
    println!(
        "set-up: large campaign ({} units, {} people, {} ballots, {} events) in {:.1} s",
        model.campaign.units.len(),
        model.campaign.subject_count(),
        model
            .rounds
            .values()
            .map(|r| r.ballots.len())
            .sum::<usize>(),
        model.events,
        started.elapsed().as_secs_f64()
    );

    // A plain median over a few runs, beside criterion's estimates.
    let out = dir.path().join("large-结果.xlsx");
    let mut times: Vec<Duration> = (0..9)
        .map(|_| {
            let t0 = Instant::now();
            let bytes = xlsx::to_bytes(model, &head).unwrap();
            write_atomic(&out, &bytes, true).unwrap();
            t0.elapsed()
        })
        .collect();
    times.sort();
    let size = std::fs::metadata(&out).unwrap().len();
    println!(
        "xlsx built and written: median {:.0} ms over {} runs ({:.0} KiB)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times.len(),
        size as f64 / 1024.0
    );

    let mut g = c.benchmark_group("export_large");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    g.bench_function("xlsx_to_bytes", |b| {
        b.iter(|| xlsx::to_bytes(black_box(model), &head).unwrap())
    });
    g.bench_function("xlsx_to_bytes_and_write", |b| {
        b.iter(|| {
            let bytes = xlsx::to_bytes(black_box(model), &head).unwrap();
            write_atomic(&out, &bytes, true).unwrap();
        })
    });
    g.bench_function("csv_to_bytes", |b| {
        b.iter(|| csv::to_bytes(black_box(model), &head))
    });
    g.bench_function("json_to_string", |b| {
        b.iter(|| json::to_string(black_box(model), &head))
    });
    g.finish();
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
