//! End to end, as the liaison meets it: the real binary in a real terminal
//! (tmux), keys typed one by one, the screen read back; then the campaign
//! file the meeting left behind is exported and checked.
//!
//! Needs tmux (`apt-get install tmux`; `.ci/run` installs it). Every wait
//! polls the screen with a generous timeout that only guards against a
//! hang: nothing here asserts on how fast anything is.
#![cfg(unix)]

#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use support::tmux::*;

/// Run `ceping ...` outside the terminal (export, verify).
fn ceping(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("CEPING_LANG")
        .output()
        .expect("run ceping")
}

fn json(dir: &Path) -> Value {
    let o = ceping(dir, &["export", "m.ceping", "--format", "json"]);
    assert!(o.status.success(), "export: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("export prints JSON")
}

#[test]
fn a_meeting_typed_in_a_real_terminal_is_saved_and_exported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();

    // ---- The meeting, in Chinese (the default language).
    let term = Term::start(dir, "zh", "unset CEPING_LANG;", "demo m.ceping", (100, 30));
    // Wait for the last row too: a capture can catch a frame half drawn.
    term.wait_for(&["街道总览", "南塘村", "述职测评", "未开始", "东马社区"]);

    // Open the first row (南塘村 述职测评大会) and start it.
    term.press(&["Enter"]);
    term.wait_for(&["开始 南塘村 述职测评大会？"]);
    term.press(&["Enter"]);
    term.wait_for(&["南塘村 / 述职测评大会", "第 1 轮", "> 点名（应到/实到）"]);

    // Roll call: 应到 45, 实到 40.
    term.press(&["e"]);
    term.wait_for(&["应到 实到（两个数，用空格分开）："]);
    term.type_text("45 40");
    term.press(&["Enter"]);
    term.wait_for(&["应到 45", "实到 40", "可以进入下一步。"]);

    // The two oral reports, each timed: start, then stop.
    for speaker in ["龚晓峰", "严立新"] {
        term.press(&["n"]);
        term.wait_for(&[&format!("> 口头述职：{speaker}"), "计时: 未开始"]);
        term.press(&["Space"]);
        term.wait_for(&["计时: 进行中"]);
        term.press(&["s"]);
        term.wait_for(&["计时: 已结束"]);
    }

    // Written reports: tick the first one handed in.
    term.press(&["n"]);
    term.wait_for(&["> 书面述职", "[ ] 蒋丽    未交"]);
    term.press(&["Space"]);
    term.wait_for(&["[x] 蒋丽    已交"]);

    // Five ballots issued, five collected.
    term.press(&["n"]);
    term.wait_for(&["> 发放选票", "录入发出选票数"]);
    term.press(&["e"]);
    term.wait_for(&["发出选票数："]);
    term.type_text("5");
    term.press(&["Enter"]);
    term.wait_for(&["发出 5"]);
    term.press(&["n"]);
    term.wait_for(&["> 收回选票", "录入收回选票数"]);
    term.press(&["e"]);
    term.wait_for(&["收回选票数："]);
    term.type_text("5");
    term.press(&["Enter"]);
    term.wait_for(&["收回 5"]);

    // Counting, ballot by ballot.
    term.press(&["n"]);
    term.wait_for(&["> 唱票计票", "已录入 0 张，收回 5 张"]);
    term.press(&["Enter"]);
    term.wait_for(&["正在录入第 1 号", "最近的选票"]);

    // 1: everyone 优秀.
    term.press(&["1", "Enter"]);
    term.wait_for(&["已保存第 1 号选票", "#1    1111111", "正在录入第 2 号"]);
    // 2: the same as the last one.
    term.press(&["Space"]);
    term.wait_for(&["已保存第 2 号选票", "#2    1111111"]);
    // 3: everyone 优秀 but row c (罗志明) 称职; the grid shows it first.
    term.press(&["1", "c", "2"]);
    let grid = term.wait_for(&["[称职]"]);
    let row_c = grid
        .lines()
        .find(|l| l.contains("罗志明"))
        .expect("row c on the grid");
    assert!(
        row_c.contains("[称职]") && !row_c.contains("[优秀]"),
        "{grid}"
    );
    term.press(&["Enter"]);
    term.wait_for(&["已保存第 3 号选票", "#3    1121111"]);
    // 4: a blank ballot.
    term.press(&["0", "Enter"]);
    term.wait_for(&["已保存第 4 号选票", "#4    空白票"]);
    // 5: a void ballot (废票).
    term.press(&["x"]);
    term.wait_for(&["整张废票"]);
    term.press(&["Enter"]);
    term.wait_for(&["已保存第 5 号选票", "#5    废票", "正在录入第 6 号"]);

    // Quit: Ctrl-C asks first; y leaves.
    term.press(&["C-c"]);
    term.wait_for(&["确定退出吗？所有已录入的内容都已保存。"]);
    term.press(&["y"]);
    term.assert_ended("0");
    // The meeting screen is gone from the terminal.
    let after = term.screen();
    assert!(!after.contains("最近的选票"), "{after}");
    drop(term);

    // ---- The file: verifies, and exports what was typed.
    let o = ceping(dir, &["verify", "m.ceping"]);
    assert!(o.status.success(), "verify: {}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("完好："),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let results = json(dir);
    assert_eq!(results["schema"], "ceping.results.v1");
    let unit = &results["units"][0];
    assert_eq!(unit["name"], "南塘村");
    let meeting = &unit["meetings"][0];
    assert_eq!(meeting["kind"], "annual_review");
    let round = &meeting["rounds"][0];
    assert_eq!(round["round"], 1);
    assert_eq!(round["expected"], 45);
    assert_eq!(round["present"], 40);
    assert_eq!(round["quorum_met"], true);
    assert_eq!(round["issued"], 5);
    assert_eq!(round["returned"], 5);
    assert_eq!(round["entered"], 5);
    assert_eq!(round["invalid_ballots"], 1);
    assert_eq!(round["blank_ballots"], 1);
    assert_eq!(round["valid_ballots"], 4);
    let subjects = round["subjects"].as_array().expect("subjects");
    // The 两委 members and the work-team leader; not the team's members.
    assert_eq!(subjects.len(), 7, "every person on 南塘村's ballot");
    assert_eq!(subjects[6]["name"], "严立新");
    assert_eq!(subjects[0]["name"], "龚晓峰");
    assert_eq!(subjects[2]["name"], "罗志明");
    for (i, s) in subjects.iter().enumerate() {
        // Ballots 1-3 grade everyone (罗志明 称职 on ballot 3), ballot 4 is
        // blank (an abstention for everyone), ballot 5 is void.
        let (top, second) = if i == 2 { (2, 1) } else { (3, 0) };
        let c = &s["counts"];
        assert_eq!(
            (&c["优秀"], &c["称职"], &c["基本称职"], &c["不称职"]),
            (
                &Value::from(top),
                &Value::from(second),
                &0.into(),
                &0.into()
            ),
            "counts of {}",
            s["name"]
        );
        assert_eq!(s["abstain"], 1, "abstain of {}", s["name"]);
        assert_eq!(s["void_marks"], 0, "void marks of {}", s["name"]);
        assert_eq!(s["graded"], 3, "graded marks of {}", s["name"]);
        assert_eq!(s["rates"]["top_two"], 1.0, "{}", s["name"]);
    }
    assert_eq!(subjects[0]["rates"]["top"], 1.0);
    assert_eq!(subjects[2]["rates"]["top"], 0.6667);
    let events = results["events"].clone();

    // ---- Reopened in English: the board shows the count; quitting with q.
    let term = Term::start(dir, "en", "CEPING_LANG=en", "open m.ceping", (100, 30));
    let board = term.wait_for(&[
        "Street board",
        "Counting",
        "Entered 5 / Returned 5",
        "Invalid 1",
    ]);
    // The first row: 南塘村, its review at the counting step, 5 of 5 entered.
    let row = board
        .lines()
        .find(|l| l.contains("│南塘村"))
        .expect("南塘村 on the board");
    assert!(
        row.contains("Review") && row.contains("Counting") && row.contains("5/5"),
        "{board}"
    );
    // Beside it, the running count of the selected meeting.
    assert!(
        board.contains("Entered 5 / Returned 5") && board.contains("Invalid 1"),
        "{board}"
    );
    term.press(&["q"]);
    term.wait_for(&["Quit? Everything entered is saved."]);
    term.press(&["y"]);
    term.assert_ended("0");
    drop(term);

    // Opening and quitting changed nothing.
    let again = json(dir);
    assert_eq!(again["events"], events);
    assert_eq!(again["units"], results["units"]);
}

/// SIGTERM and SIGHUP bypass the panic hook: ceping must still give the
/// terminal back, and what was saved stays saved.
#[test]
fn a_terminate_or_hangup_signal_restores_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let o = ceping(dir, &["init", "m.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (signal, code) in [("TERM", 128 + 15), ("HUP", 128 + 1)] {
        let name = format!("sig{signal}");
        let term = Term::start(dir, &name, "", "open m.ceping", (100, 30));
        term.wait_for(&["街道总览", "东马社区"]);
        // The first time, start the first meeting, so there is something
        // saved to keep; the second time it opens straight away.
        term.press(&["Enter"]);
        if signal == "TERM" {
            term.wait_for(&["开始 南塘村 述职测评大会？"]);
            term.press(&["Enter"]);
        }
        term.wait_for(&["> 点名（应到/实到）"]);
        let pid = term.pid();
        let kill = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(kill.success());
        term.assert_ended(&code.to_string());
    }
    // The meeting started before SIGTERM is in the file, which verifies.
    let o = ceping(dir, &["verify", "m.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let results = json(dir);
    assert_eq!(results["units"][0]["meetings"][0]["rounds"][0]["round"], 1);
}

/// `ceping` alone, as a double-click starts it: the start screen lists
/// the campaign files (none yet) and `d` creates the demo in the documents
/// folder and opens its street board. The home, the documents folder and
/// the current folder are all temporary.
#[test]
fn ceping_alone_shows_the_start_screen_and_d_opens_the_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let home = dir.join("home");
    let docs = home.join("Documents");
    std::fs::create_dir_all(&docs).unwrap();
    let env = format!(
        "unset CEPING_LANG; HOME={h} USERPROFILE={h} XDG_DOCUMENTS_DIR={d}",
        h = sh_quote(&home.display().to_string()),
        d = sh_quote(&docs.display().to_string()),
    );
    let term = Term::start(dir, "start", &env, "", (100, 30));
    term.wait_for(&["打开或新建考核文件", "这里还没有考核文件", "d  建立演示"]);

    term.press(&["d"]);
    term.wait_for(&["街道总览", "南塘村", "东马社区"]);
    let made: Vec<_> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ceping"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(made[0].starts_with("ceping-demo-"), "{made:?}");

    term.press(&["C-c"]);
    term.wait_for(&["确定退出吗？"]);
    term.press(&["y"]);
    term.assert_ended("0");
    drop(term);

    // Run again: the demo is listed, with its title.
    let term = Term::start(dir, "again", &env, "", (100, 30));
    let stem = made[0].trim_end_matches(".ceping");
    term.wait_for(&[stem, "大泽湖街道2021年度", "文档"]);
    term.press(&["q"]);
    term.assert_ended("0");
}

/// A file that will not open (another ceping is writing it) brings the
/// start screen back with the reason, instead of closing the window.
#[test]
fn a_file_that_will_not_open_brings_the_start_screen_back_with_why() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let env = format!(
        "unset CEPING_LANG; HOME={h} XDG_DOCUMENTS_DIR={h}",
        h = sh_quote(&home.display().to_string()),
    );
    let meeting = Term::start(dir, "holder", &env, "demo m.ceping", (100, 30));
    meeting.wait_for(&["街道总览", "东马社区"]);

    let start = Term::start(dir, "second", &env, "", (100, 30));
    start.wait_for(&["打开或新建考核文件", "m ", "当前文件夹"]);
    start.press(&["Enter"]);
    start.wait_for(&["正在被另一个 ceping 写入", "打开或新建考核文件"]);
    start.press(&["q"]);
    start.assert_ended("0");

    meeting.press(&["C-c"]);
    meeting.wait_for(&["确定退出吗？"]);
    meeting.press(&["y"]);
    meeting.assert_ended("0");
}

/// A comment pasted in a real terminal (tmux's bracketed paste, as a
/// terminal sends Ctrl-Shift-V; like xterm, tmux sends a line break as a
/// carriage return) arrives whole: its line break does not save half of
/// it; Enter then saves both lines.
#[test]
fn a_pasted_comment_keeps_its_line_break() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let o = ceping(dir, &["init", "m.ceping"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let term = Term::start(dir, "paste", "", "open m.ceping", (100, 30));
    term.wait_for(&["街道总览", "东马社区"]);
    // Row 2: 南塘村's Party-building review; start it, roll call, on to
    // the secretary's oral report, start and stop the timer.
    term.press(&["Down", "Enter"]);
    term.wait_for(&["开始 南塘村"]);
    term.press(&["Enter"]);
    term.wait_for(&["> 点名（应到/实到）"]);
    term.press(&["e"]);
    term.type_text("30 28");
    term.press(&["Enter"]);
    term.wait_for(&["应到 30"]);
    term.press(&["n", "Space", "s", "c"]);
    term.wait_for(&["的点评："]);
    let o = term.tmux(&["set-buffer", "-b", "p", "第一段有实招\n第二段要细化"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = term.tmux(&["paste-buffer", "-p", "-b", "p", "-t", "t"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = term.wait_for(&["第一段有实招", "第二段要细化"]);
    assert!(shown.contains("的点评："), "still typing:\n{shown}");
    term.press(&["Enter"]);
    let saved = term.wait_for(&["第二段要细化", "点评"]);
    // Shown as it was written: two lines.
    assert!(
        !saved.lines().any(|l| l.contains("第一段有实招第二段")),
        "{saved}"
    );
    term.press(&["C-c"]);
    term.wait_for(&["确定退出吗"]);
    term.press(&["y"]);
    term.assert_ended("0");
    let results = json(dir);
    let text = results.to_string();
    assert!(
        text.contains("第一段有实招\\n第二段要细化"),
        "the comment with its line break: {text}"
    );
}
