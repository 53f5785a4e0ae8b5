//! The street board and a meeting's agenda up to counting: the start
//! prompt, the roll call, the oral reports' timer, the Party-building
//! review's comment, written reports, issuing and collecting the ballots,
//! and the counting step with its running results.

use super::*;

#[test]
fn home_before_the_meetings() {
    snap("home_before", home_before, |l, app, b| {
        assert_eq!(app.meetings().len(), 8);
        for unit in ["南塘村", "回龙村", "西塘村", "东马社区"] {
            let rows = rows(b.buffer());
            let n = rows
                .iter()
                .filter(|r| r.starts_with(&format!("│{unit}")))
                .count();
            assert_eq!(n, 2, "{unit}'s two meetings");
        }
        let not_started = zh_en(l, "未开始", "not started");
        // Eight meetings; the selected one's roster and plan beside them.
        assert_eq!(screen(b).matches(not_started).count(), 8, "{}", screen(b));
        assert!(shows(b, zh_en(l, "会议议程", "Agenda")) && shows(b, "严立新"));
    });
}

#[test]
fn home_during_a_meeting() {
    snap("home_during", home_during, |l, _, b| {
        // 南塘村: 7 of 12 entered, at counting; 回龙村 started, at roll call.
        let nantang = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("南塘村") && r.contains("7/12"))
            .unwrap_or_else(|| panic!("{}", screen(b)));
        assert!(
            nantang.contains(zh_en(l, "唱票计票", "Counting")),
            "{nantang}"
        );
        let huilong = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("回龙村") && r.contains("0/-"))
            .unwrap();
        // (The step column cuts 点名（应到/实到） to 点名（应到/实.)
        let step = zh_en(l, "点名（应到/实", "Roll call");
        assert!(huilong.contains(step), "{}", screen(b));
        // The selected meeting's running results beside the list.
        assert!(shows(
            b,
            zh_en(l, "已录入 7 / 收回 12", "Entered 7 / Returned 12")
        ));
    });
}

#[test]
fn start_meeting_prompt() {
    snap("start_prompt", start_prompt, |l, _, b| {
        let question = zh_en(
            l,
            "开始 南塘村 述职测评大会？按 Enter 确认，Esc 取消",
            "Start 南塘村 Annual review? Enter to confirm, Esc to cancel",
        );
        status_says(b, question, Color::Yellow);
    });
}

#[test]
fn agenda_roll_call_prompt() {
    snap("rollcall_prompt", rollcall_prompt, |l, _, b| {
        let q = zh_en(
            l,
            "应到 实到（两个数，用空格分开）：",
            "Expected and present (two numbers):",
        );
        assert_eq!(status_line(b), format!("{q} 45 4"));
    });
}

#[test]
fn agenda_roll_call_with_numbers() {
    snap("rollcall", rollcall, |l, _, b| {
        let numbers = zh_en(l, "应到 45    实到 40", "Expected 45    Present 40");
        assert!(shows(b, numbers), "{}", screen(b));
        assert!(shows(
            b,
            zh_en(l, "可以进入下一步。", "Ready for the next step.")
        ));
        // The current step is marked and highlighted in the agenda.
        let step = zh_en(l, "> 点名（应到/实到）", "> Roll call");
        let (x, y) = find(b, step).unwrap();
        assert!(b.buffer()[(x, y)].modifier.contains(Modifier::REVERSED));
    });
}

#[test]
fn agenda_oral_report_timer_running() {
    snap("oral_running", oral_running, |l, app, b| {
        assert!(app.timer_visible());
        // 10 minutes, 2:30 used: 7:30 left, green.
        assert_eq!(fg_of(b, "07:30"), Color::Green);
        let at = find(b, "07:30").unwrap();
        assert!(b.buffer()[at].modifier.contains(Modifier::REVERSED));
        assert!(shows(b, zh_en(l, "进行中", "running")));
        assert!(shows(b, zh_en(l, "限时 10 分钟", "limit 10 min")));
        assert!(shows(
            b,
            zh_en(
                l,
                "龚晓峰  村党总支书记、村委会主任",
                "龚晓峰  Party secretary"
            )
        ));
    });
}

#[test]
fn agenda_oral_report_timer_in_the_yellow_band() {
    snap("oral_warning", oral_warning, |_, _, b| {
        assert_eq!(fg_of(b, "02:30"), Color::Yellow);
    });
}

#[test]
fn agenda_oral_report_timer_in_overtime() {
    snap("oral_overtime", oral_overtime, |l, _, b| {
        let over = zh_en(l, "超时 01:05", "over by 01:05");
        assert_eq!(fg_of(b, over), Color::Red, "{}", screen(b));
    });
}

#[test]
fn party_building_review_oral_report_with_comment() {
    snap("party_comment", party_comment, |l, app, b| {
        let key = app.meeting_key().unwrap();
        let speech = app.model().meeting(key).speech("龚晓峰").cloned().unwrap();
        assert_eq!(speech.comment.as_deref(), Some(COMMENT));
        assert!(shows(b, COMMENT), "{}", screen(b));
        assert!(shows(
            b,
            zh_en(l, "已结束，用时 06:10", "finished, 06:10 used")
        ));
        assert!(shows(b, zh_en(l, "限时 8 分钟", "limit 8 min")));
        // The footer offers the comment key in this meeting.
        assert!(footer_line(b).contains(zh_en(l, " c  点评", " c  comment")));
    });
}

#[test]
fn agenda_written_reports_checklist() {
    snap("written", written, |l, app, b| {
        let (got, missing) = (zh_en(l, "已交", "in"), zh_en(l, "未交", "missing"));
        // Names are padded to the widest, so the marks line up.
        assert!(shows(b, &format!("[x] 蒋丽    {got}")), "{}", screen(b));
        assert!(shows(b, &format!("[x] 罗志明  {got}")));
        assert!(shows(b, &format!("[ ] 田秀英  {missing}")));
        assert!(shows(b, &format!("[x] 万宏    {got}")));
        assert!(shows(b, &format!("[ ] 贺文斌  {missing}")));
        // The selection is on 田秀英 after the last Up.
        assert_eq!(app.written_selected(), 2);
        let at = find(b, "[ ] 田秀英").unwrap();
        assert!(b.buffer()[at].modifier.contains(Modifier::REVERSED));
        let need = zh_en(l, "还差 2 份书面述职", "2 written reports still missing");
        assert!(shows(b, need));
        // A reminder, not a refusal: yellow.
        assert_eq!(fg_of(b, &format!("- {need}")), Color::Yellow);
    });
}

#[test]
fn agenda_issue_ballots() {
    snap("issue", issue, |l, _, b| {
        assert!(shows(
            b,
            zh_en(l, "发出 12    收回 -", "Issued 12    Returned -")
        ));
    });
}

#[test]
fn agenda_collect_ballots() {
    snap("collect", collect, |l, _, b| {
        assert!(shows(
            b,
            zh_en(l, "发出 12    收回 12", "Issued 12    Returned 12")
        ));
    });
}

#[test]
fn agenda_counting_with_results() {
    snap("counting", counting, |l, _, b| {
        let gauge = zh_en(
            l,
            "已录入 7 / 收回 12   有效 6  废票 1  空白票 1",
            "Entered 7 / Returned 12   Valid 6  Invalid 1  Blank 1",
        );
        let w = b.buffer().area.width;
        // At 80 columns the English gauge is cut after the counts that
        // matter (entered / returned, valid, invalid).
        let gauge = if w < 100 {
            zh_en(l, gauge, "Entered 7 / Returned 12   Valid 6  Invalid 1")
        } else {
            gauge
        };
        assert!(shows(b, gauge), "{}", screen(b));
        // 7 of 12: the gauge is filled to 58 %.
        let (x, y) = find(b, gauge).unwrap();
        // A double-width character's covered cell carries no colour.
        let filled: usize = (x..w)
            .map(|cx| &b.buffer()[(cx, y)])
            .filter(|c| c.bg == Color::Cyan)
            .map(|c| unicode_width::UnicodeWidthStr::width(c.symbol()))
            .sum();
        let inner = w as usize - x as usize - 1;
        assert_eq!(filled, (inner as f64 * 7.0 / 12.0).round() as usize);
        let need = zh_en(
            l,
            "已录入 7 张，收回 12 张，两者须相等",
            "entered 7, returned 12: they must be equal",
        );
        assert!(shows(b, need));
        // 罗志明: 2 优秀, 2 称职, 1 基本称职, 1 弃权.
        let row = rows(b.buffer())
            .into_iter()
            .find(|r| r.contains("罗志明"))
            .unwrap();
        let cells: Vec<&str> = row[row.find("罗志明").unwrap()..]
            .split(|c: char| c == '│' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .collect();
        // The name, the grades' counts and the two rates always; 弃权
        // and 无效 where the panel has room for them (the English rate
        // names are longer: at 100 columns 无效 gives way).
        assert_eq!(cells[..5], ["罗志明", "2", "2", "1", "0"], "{row}");
        let rates: Vec<&str> = cells.iter().filter(|c| c.ends_with('%')).copied().collect();
        // At 80 columns one rate gives way (the one whose name is wider;
        // nobody here is flagged).
        if w >= 100 {
            assert_eq!(rates, ["40.0%", "80.0%"], "{row}");
        } else {
            assert_eq!(rates.len(), 1, "{row}");
        }
        if cells.len() >= 9 {
            assert_eq!(cells[5..7], ["1", "0"], "{row}");
        }
    });
}
