//! The cap on counts also holds when a file is replayed: a count above it,
//! appended behind the program's back, is refused by `verify`, `export`
//! and the meeting laptop.

use super::*;

/// Append an event (`kind`, `body`) to the file with SQL, chained after
/// the last row, as a tool outside ceping could: nothing checks it.
fn append_unchecked(path: &std::path::Path, kind: &str, body: &str) -> u64 {
    let c = rusqlite::Connection::open(path).unwrap();
    let last = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";
    let (seq, prev): (i64, String) = c
        .query_row(last, [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let seq = seq as u64 + 1;
    let ts = "2022-01-10T09:05:00.000+08:00";
    let hash = chain::link(&chain::from_hex(&prev).unwrap(), seq, ts, kind, body);
    c.execute(
        "INSERT INTO events (seq, ts, kind, body, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![seq as i64, ts, kind, body, chain::to_hex(&hash)],
    )
    .unwrap();
    seq
}

#[test]
fn counts_above_the_cap_are_refused_on_replay_too() {
    let guard = lock(Lang::Zh);
    let rk = serde_json::to_string(&round_key(1)).unwrap();
    let cases = [
        (
            "roll_call",
            format!(r#"{{"round":{rk},"expected":4294967295,"present":40}}"#),
        ),
        (
            "ballots_returned",
            format!(r#"{{"round":{rk},"count":100001}}"#),
        ),
    ];
    for ((kind, body), number) in cases.iter().zip(["4294967295", "100001"]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ceping");
        let mut s = Store::create(&path, &ceping::campaign_toml::demo()).unwrap();
        let lines = s.model.ballot_lines("南塘村", MeetingKind::AnnualReview);
        let round = round_key(1);
        s.record(Event::RoundOpened {
            round,
            lines: lines.unwrap(),
        })
        .unwrap();
        drop(s);
        // The body reads as that event: only its number is out of bounds.
        assert!(Event::from_parts(kind, body).is_ok(), "{body}");
        assert_eq!(append_unchecked(&path, kind, body), 3);
        let file = path.to_str().unwrap();

        for (l, code) in LANGS {
            lang(&guard, l);
            let says = tr!(
                "记录在第 3 条处损坏：{number} 超过了上限 100000，请核对。",
                "damaged at event 3: {number} is above the limit of 100000; please check."
            );
            for args in [&["verify", file][..], &["export", file, "--format", "json"]] {
                let args = [&["--lang", code][..], args].concat();
                let o = Command::new(env!("CARGO_BIN_EXE_ceping"))
                    .args(&args)
                    .env_remove("CEPING_LANG")
                    .output()
                    .unwrap();
                let out = String::from_utf8_lossy(&o.stdout);
                let err = String::from_utf8_lossy(&o.stderr);
                assert_eq!(o.status.code(), Some(1), "{args:?}: {out}");
                assert!(err.contains(&says), "{args:?}: {err}");
                // Nothing printed: neither the number nor a wrapped one.
                assert_eq!(out, "", "{args:?}");
            }
        }
        // The meeting laptop will not open it either.
        let refused = Store::open(&path).unwrap_err().to_string();
        assert!(refused.contains(number), "{refused}");
    }
}
