//! `ceping verify` lists every closed round with the fingerprint shown on
//! the laptop when it closed, so the scrutineers can check what they signed.

use std::path::{Path, PathBuf};

use crate::support::bin::{ceping, stderr, stdout};
use crate::support::campaign::*;
use crate::support::meeting::{key_ballots_with, open};
use ceping::domain::{BallotContent, Event, MeetingKind, RoundKey};
use ceping::store::{Session, Store, chain, verify};

/// `ceping verify`'s lines in the given language; it must pass.
fn verify_lines(dir: &Path, file: &str, en: bool) -> Vec<String> {
    let args: &[&str] = if en {
        &["--lang", "en", "verify", file]
    } else {
        &["verify", file]
    };
    let o = ceping(dir, args);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(str::to_string).collect()
}

/// A new file `name` of the small campaign in a fresh folder, round 1 of
/// its annual review opened with roll call, issued, returned and `n`
/// ballots: ready to close.
fn counted(name: &str, n: u32) -> (tempfile::TempDir, PathBuf, Session, RoundKey) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let mut s = Store::create(&path, &small_campaign()).unwrap();
    let key = annual_round("南塘村");
    open(&mut s, &key, [n + 2, n, n, n]);
    key_ballots_with(&mut s, &key, n, |number, _| {
        BallotContent::all(((number - 1) % 3) as u8, 5)
    });
    (dir, path, s, key)
}

/// Close `key` as the laptop does; returns the close event's seq and the
/// 12-digit fingerprint the laptop showed.
fn close(s: &mut Session, key: &RoundKey) -> (u64, String) {
    let head = chain::to_hex(&s.store.head());
    let shown = head[..12].to_string();
    let seq = s
        .record(Event::RoundClosed {
            round: key.clone(),
            head,
            at: Some(chrono::Local::now().fixed_offset()),
        })
        .unwrap();
    (seq, shown)
}

/// The stored `ts` of event `seq`, as verify shows it: `YYYY-MM-DD HH:MM`.
fn minute_of(path: &Path, seq: u64) -> String {
    let c = rusqlite::Connection::open(path).unwrap();
    let ts: String = c
        .query_row("SELECT ts FROM events WHERE seq = ?1", [seq as i64], |r| {
            r.get(0)
        })
        .unwrap();
    format!("{} {}", &ts[..10], &ts[11..16])
}

#[test]
fn the_fingerprint_shown_at_closing_is_the_one_verify_prints() {
    let (dir, path, mut s, key) = counted("a.ceping", 7);
    let (seq, shown) = close(&mut s, &key);
    let file_head = chain::to_hex(&s.store.head());
    drop(s);
    // The file's own head (the last event, the close) is another hash.
    assert_ne!(&file_head[..12], shown);
    let at = minute_of(&path, seq);

    let zh = verify_lines(dir.path(), "a.ceping", false);
    assert_eq!(zh.len(), 2, "{zh:?}");
    assert!(zh[0].starts_with("完好："), "{zh:?}");
    assert!(zh[0].contains(&file_head), "{zh:?}");
    assert_eq!(
        zh[1],
        format!(
            "南塘村 述职测评大会 第 1 轮：结束于 {at}（第 {seq} 条记录），指纹 {shown}，与记录链一致"
        )
    );

    let en = verify_lines(dir.path(), "a.ceping", true);
    assert_eq!(en.len(), 2, "{en:?}");
    assert!(en[0].starts_with("OK: "), "{en:?}");
    assert_eq!(
        en[1],
        format!(
            "南塘村 Annual review round 1: closed {at} (event {seq}), fingerprint {shown}, matches the chain"
        )
    );

    // The same as data, for exports.
    let report = verify::verify(&path).unwrap();
    let [c] = &report.closings[..] else {
        panic!("{:?}", report.closings)
    };
    assert_eq!(
        (c.unit.as_str(), c.meeting, c.round, c.seq),
        ("南塘村", MeetingKind::AnnualReview, 1, seq)
    );
    assert_eq!(c.fingerprint(), shown);
    assert_eq!(c.head.len(), 64);
    assert!(c.matches_chain);
    assert_eq!(c.merged_source, None);
    assert_eq!(c.reopened, None);
}

#[test]
fn a_reopened_round_closed_again_gives_two_lines() {
    let (dir, path, mut s, key) = counted("a.ceping", 5);
    let (first_seq, first) = close(&mut s, &key);
    let reopen_seq = s
        .record(Event::RoundReopened {
            round: key.clone(),
            reason: "唱票有误".into(),
            at: Some(chrono::Local::now().fixed_offset()),
        })
        .unwrap();
    s.record(Event::BallotCorrected {
        round: key.clone(),
        number: 2,
        content: BallotContent::all(0, 5),
    })
    .unwrap();
    let (second_seq, second) = close(&mut s, &key);
    drop(s);
    assert_ne!(first, second);
    let (closed_at, reopened_at, closed_again_at) = (
        minute_of(&path, first_seq),
        minute_of(&path, reopen_seq),
        minute_of(&path, second_seq),
    );

    let zh = verify_lines(dir.path(), "a.ceping", false);
    assert_eq!(zh.len(), 3, "{zh:?}");
    assert_eq!(
        zh[1],
        format!(
            "南塘村 述职测评大会 第 1 轮：结束于 {closed_at}（第 {first_seq} 条记录），指纹 {first}，与记录链一致；之后于 {reopened_at} 重新打开，理由：唱票有误"
        )
    );
    assert_eq!(
        zh[2],
        format!(
            "南塘村 述职测评大会 第 1 轮：结束于 {closed_again_at}（第 {second_seq} 条记录），指纹 {second}，与记录链一致"
        )
    );

    let en = verify_lines(dir.path(), "a.ceping", true);
    assert_eq!(en.len(), 3, "{en:?}");
    assert!(
        en[1].contains(&format!(
            "fingerprint {first}, matches the chain; reopened {reopened_at}, reason: 唱票有误"
        )),
        "{en:?}"
    );
    assert!(
        en[2].ends_with(&format!("fingerprint {second}, matches the chain")),
        "{en:?}"
    );

    let report = verify::verify(&path).unwrap();
    assert_eq!(report.closings.len(), 2);
    let reopened = report.closings[0].reopened.as_ref().unwrap();
    assert_eq!(
        (reopened.seq, reopened.reason.as_str()),
        (reopen_seq, "唱票有误")
    );
    assert_eq!(report.closings[1].reopened, None);
}

#[test]
fn a_party_building_round_uses_its_meeting_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ceping");
    let mut s = Store::create(&path, &small_campaign()).unwrap();
    let key = RoundKey {
        meeting: MeetingKind::PartyBuildingReview,
        ..annual_round("南塘村")
    };
    open(&mut s, &key, [1, 1, 1, 1]);
    key_ballots_with(&mut s, &key, 1, |_, lines| BallotContent::all(0, lines));
    let (seq, shown) = close(&mut s, &key);
    drop(s);
    let zh = verify_lines(dir.path(), "a.ceping", false);
    assert!(
        zh[1].starts_with("南塘村 抓基层党建述职评议 第 1 轮：")
            && zh[1].contains(&format!("（第 {seq} 条记录），指纹 {shown}，")),
        "{zh:?}"
    );
    let en = verify_lines(dir.path(), "a.ceping", true);
    assert!(
        en[1].starts_with("南塘村 Party-building review round 1: "),
        "{en:?}"
    );
}

#[test]
fn no_closed_round_says_so() {
    let (dir, path, s, _) = counted("a.ceping", 3);
    drop(s);
    let zh = verify_lines(dir.path(), "a.ceping", false);
    assert_eq!(zh.len(), 2, "{zh:?}");
    assert_eq!(zh[1], "还没有结束的测评轮次。");
    let en = verify_lines(dir.path(), "a.ceping", true);
    assert_eq!(en[1], "No round has been closed yet.");
    assert!(verify::verify(&path).unwrap().closings.is_empty());
}

#[test]
fn a_merged_closing_names_its_source_and_keeps_its_fingerprint() {
    let (dir, _, mut s, key) = counted("南塘村.ceping", 4);
    let (_, shown) = close(&mut s, &key);
    drop(s);
    let o = ceping(dir.path(), &["merge", "街道.ceping", "南塘村.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let zh = verify_lines(dir.path(), "街道.ceping", false);
    assert_eq!(zh.len(), 2, "{zh:?}");
    assert!(
        zh[1].ends_with(&format!(
            "指纹 {shown}，来自合并的文件 南塘村.ceping（合并时已核对）"
        )),
        "{zh:?}"
    );
    let en = verify_lines(dir.path(), "街道.ceping", true);
    assert!(
        en[1].ends_with(&format!(
            "fingerprint {shown}, from merged file 南塘村.ceping (checked when merged)"
        )),
        "{en:?}"
    );
    let report = verify::verify(&dir.path().join("街道.ceping")).unwrap();
    let c = &report.closings[0];
    assert_eq!(c.merged_source.as_deref(), Some("南塘村.ceping"));
    assert!(!c.matches_chain);
}

#[test]
fn a_tampered_file_still_fails() {
    let (dir, path, mut s, key) = counted("a.ceping", 4);
    close(&mut s, &key);
    drop(s);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "DROP TRIGGER events_no_update; \
         UPDATE events SET body = replace(body, '\"count\":4', '\"count\":5') WHERE seq = 4;",
    )
    .unwrap();
    drop(c);
    for (args, says) in [
        (&["verify", "a.ceping"][..], "记录在第 4 条处损坏"),
        (
            &["--lang", "en", "verify", "a.ceping"][..],
            "damaged at event 4",
        ),
    ] {
        let o = ceping(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
        assert_eq!(stdout(&o), "");
    }
}

/// Even a tamperer who rewrites a closing's head and re-chains the hashes
/// cannot make verify list a fingerprint the chain does not match.
#[test]
fn a_rewritten_closing_head_fails_even_when_rechained() {
    let (dir, path, mut s, key) = counted("a.ceping", 4);
    let (seq, shown) = close(&mut s, &key);
    drop(s);
    let c = rusqlite::Connection::open(&path).unwrap();
    let (prev, ts, kind, body): (String, String, String, String) = c
        .query_row(
            "SELECT (SELECT hash FROM events WHERE seq = ?1 - 1), ts, kind, body \
             FROM events WHERE seq = ?1",
            [seq as i64],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    let body = body.replace(&shown, "000000000000");
    let hash = chain::link(&chain::from_hex(&prev).unwrap(), seq, &ts, &kind, &body);
    c.execute_batch("DROP TRIGGER events_no_update;").unwrap();
    c.execute(
        "UPDATE events SET body = ?1, hash = ?2 WHERE seq = ?3",
        rusqlite::params![body, chain::to_hex(&hash), seq as i64],
    )
    .unwrap();
    drop(c);
    let o = ceping(dir.path(), &["--lang", "en", "verify", "a.ceping"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains(&format!("damaged at event {seq}")),
        "{}",
        stderr(&o)
    );
}
