//! Files over 16 MiB, devices and pipes: refused without being read.

use super::*;

// ---------------------------------------------------------------------------
// Files over 16 MiB, devices and pipes
// ---------------------------------------------------------------------------

const TOML_TOO_LARGE_ZH: &str = "考核方案文件大于 16 MiB，没有读取。考核方案通常只有几 KB 到几十 KB：请检查是否选错了文件（`ceping template` 可以生成一份示例）。";
const TOML_TOO_LARGE_EN: &str = "the campaign file is larger than 16 MiB, so it was not read. A campaign file is usually a few kilobytes: check that you chose the right file (`ceping template` prints an example).";

#[test]
fn a_campaign_file_over_16_mib_is_refused_unread() {
    assert_eq!(MAX_INPUT_BYTES, 16 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    // Sparse: refused by its length, without reading a byte.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_INPUT_BYTES + 1)
        .unwrap();
    let err = campaign_toml::load(&big).unwrap_err();
    assert_eq!(err.kind, CampaignErrorKind::TooLarge);
    assert_eq!(
        err.render(Lang::Zh),
        format!("{}:0:0: {TOML_TOO_LARGE_ZH}", big.display())
    );
    assert_eq!(
        err.render(Lang::En),
        format!("{}:0:0: {TOML_TOO_LARGE_EN}", big.display())
    );
}

#[cfg(unix)]
#[test]
fn init_from_dev_zero_ends_promptly_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    for (args, sentence) in [
        (
            vec!["init", "x.ceping", "--campaign", "/dev/zero"],
            format!("错误：/dev/zero:0:0: {TOML_TOO_LARGE_ZH}\n"),
        ),
        (
            vec![
                "--lang",
                "en",
                "init",
                "x.ceping",
                "--campaign",
                "/dev/zero",
            ],
            format!("error: /dev/zero:0:0: {TOML_TOO_LARGE_EN}\n"),
        ),
    ] {
        let started = Instant::now();
        let out = ceping(dir.path(), &args);
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&out.stderr), sentence);
        assert!(!dir.path().join("x.ceping").exists());
    }
}

/// A FIFO fed without end: read up to the limit, then refused.
#[cfg(unix)]
#[test]
fn an_endless_pipe_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.map(|s| s.success()).unwrap_or(false) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            let chunk = "# 注释 comment\n".repeat(4096);
            // Ends when the reader closes the pipe (EPIPE).
            while f.write_all(chunk.as_bytes()).is_ok() {}
        })
    };
    let err = campaign_toml::load(&fifo).unwrap_err();
    assert_eq!(err.kind, CampaignErrorKind::TooLarge);
    writer.join().unwrap();
}

const ROSTER_TOO_LARGE_ZH: &str = "名单 {file} 大于 16 MiB，没有读取。一份名单通常只有几十 KB：请检查是否选错了文件；如确是名单，请只保留单位、姓名、职务、述职方式几列，另存后再导入。";
const ROSTER_TOO_LARGE_EN: &str = "the roster {file} is larger than 16 MiB, so it was not read. A roster is usually a few dozen kilobytes: check that you chose the right file; if it is the roster, keep only the columns 单位, 姓名, 职务 and 述职方式, save it and import again.";

#[test]
fn a_roster_over_16_mib_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let seq = session.store.last_seq();
    for file in ["big.csv", "big.xlsx"] {
        let path = dir.path().join(file);
        std::fs::File::create(&path)
            .unwrap()
            .set_len(MAX_INPUT_BYTES + 1)
            .unwrap();
        let err = import(&mut session, &path).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
        assert_eq!(
            err.message(Lang::Zh),
            ROSTER_TOO_LARGE_ZH.replace("{file}", file)
        );
        assert_eq!(
            err.message(Lang::En),
            ROSTER_TOO_LARGE_EN.replace("{file}", file)
        );
    }
    assert_eq!(session.store.last_seq(), seq);
}

/// `/dev/zero` under a roster's name: read up to the limit, then refused.
#[cfg(unix)]
#[test]
fn a_roster_that_never_ends_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut session) = demo_file(dir.path());
    let seq = session.store.last_seq();
    for file in ["zero.csv", "zero.xlsx"] {
        let link = dir.path().join(file);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let started = Instant::now();
        let err = import(&mut session, &link).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(20));
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    }
    assert_eq!(session.store.last_seq(), seq);
}
