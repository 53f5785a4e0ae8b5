//! The JSON export carries the grading: grades, justifications, combined
//! evaluations, talks, the rectification list and what is still missing.

use super::*;

#[test]
fn the_json_export_carries_the_grading() {
    let _guard = lock(Lang::Zh);
    let (_dir, mut app) = demo_app();
    graded_demo(&mut app);
    let json = serde_json::to_value(ceping::export::json::results(
        app.model(),
        &app.session.store.head(),
    ))
    .unwrap();
    assert_eq!(json["schema"], "ceping.results.v1");
    assert_eq!(
        json["fingerprint"],
        chain::to_hex(&app.session.store.head()).as_str()
    );

    // The closed round: status and fingerprint (the head it certified).
    let RoundStatus::Closed { head } = app
        .model()
        .current_round("南塘村", MeetingKind::AnnualReview)
        .unwrap()
        .status
        .clone()
    else {
        unreachable!()
    };
    let nantang = &json["units"][0]["meetings"][0]["rounds"][0];
    assert_eq!(nantang["status"], "closed");
    assert_eq!(nantang["fingerprint"], head.as_str());
    assert_eq!(nantang["subjects"][0]["counts"]["优秀"], 8);
    let huilong = &json["units"][1]["meetings"][0]["rounds"][0];
    assert_eq!(huilong["status"], "open");
    assert_eq!(huilong["fingerprint"], Value::Null);

    // Quota use per group; `allowed` is the floor of the percentage.
    let g = &json["grading"];
    let quotas = g["quotas"].as_array().unwrap();
    let quota = |group: &str| {
        quotas
            .iter()
            .find(|q| q["group"] == group)
            .unwrap_or_else(|| panic!("no {group} in {quotas:?}"))
    };
    let expect = [
        ("units", "一类", 50, false, 4, 2, 1),
        ("secretaries", "优秀", 40, false, 4, 1, 1),
        ("cadres", "优秀", 30, true, 20, 6, 7),
        ("work_teams", "优秀", 40, false, 4, 1, 1),
    ];
    assert_eq!(quotas.len(), 4);
    for (group, top, percent, soft, size, allowed, used) in expect {
        let q = quota(group);
        assert_eq!(q["grade"], top, "{group}");
        assert_eq!(q["percent"], percent, "{group}");
        assert_eq!(q["soft"], soft, "{group}");
        assert_eq!(q["size"], size, "{group}");
        assert_eq!(q["allowed"], allowed, "{group}");
        assert_eq!(
            q["allowed"].as_u64().unwrap(),
            (size * percent / 100) as u64,
            "{group}: the floor"
        );
        assert_eq!(q["used"], used, "{group}");
        assert_eq!(q["members"].as_array().unwrap().len(), size as usize);
    }

    // Final grades, in the proposed order.
    let units = quota("units")["members"].as_array().unwrap();
    assert_eq!(units[0]["name"], "南塘村");
    assert_eq!(
        units[0]["target"],
        serde_json::json!({"unit": {"unit": "南塘村"}})
    );
    assert_eq!(units[0]["grade"], "一类");
    assert_eq!(units[0]["top_rate"], 0.6667);
    assert_eq!(units[0]["top_two_rate"], 1.0);
    assert_eq!(units[1]["name"], "回龙村");
    assert_eq!(units[1]["grade"], "二类");
    assert_eq!(units[2]["grade"], Value::Null);
    let secretaries = quota("secretaries")["members"].as_array().unwrap();
    let by_name = |members: &[Value], name: &str| {
        members
            .iter()
            .find(|m| m["name"] == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    assert_eq!(by_name(secretaries, "龚晓峰")["grade"], "优秀");
    assert_eq!(
        by_name(secretaries, "龚晓峰")["target"],
        serde_json::json!({"person": {"unit": "南塘村", "name": "龚晓峰"}})
    );
    assert_eq!(by_name(secretaries, "汤建华")["grade"], "称职");
    assert_eq!(by_name(secretaries, "彭振华")["grade"], Value::Null);
    let cadres = quota("cadres")["members"].as_array().unwrap();
    let justified: Vec<&Value> = cadres
        .iter()
        .filter(|m| !m["justification"].is_null())
        .collect();
    assert_eq!(justified.len(), 1);
    assert_eq!(justified[0]["grade"], "优秀");
    assert_eq!(justified[0]["justification"], "牵头完成危房改造");
    assert_eq!(cadres.iter().filter(|m| m["grade"] == "优秀").count(), 7);
    let teams = quota("work_teams")["members"].as_array().unwrap();
    // A work team is listed by its leader.
    assert_eq!(by_name(teams, "严立新")["grade"], "优秀");
    assert_eq!(
        by_name(teams, "严立新")["target"],
        serde_json::json!({"work_team": {"unit": "南塘村"}})
    );

    // Combined evaluations (附件6).
    let combined = g["combined"].as_array().unwrap();
    assert_eq!(combined.len(), 4);
    let of = |name: &str| {
        combined
            .iter()
            .find(|c| c["secretary"] == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(of("龚晓峰")["unit"], "南塘村");
    assert_eq!(of("龚晓峰")["review"], serde_json::json!([9, 2, 1, 0]));
    assert_eq!(of("龚晓峰")["suggested"], "好");
    assert_eq!(of("龚晓峰")["level"], "好");
    assert_eq!(of("龚晓峰")["talk"], false);
    assert_eq!(of("汤建华")["investigation"], "较好");
    assert_eq!(of("汤建华")["investigation_note"], "走访群众，反映较好");
    assert_eq!(of("汤建华")["suggested"], "较好");
    assert_eq!(of("汤建华")["level"], "较好");
    assert_eq!(of("汤建华")["review"], Value::Null);
    assert_eq!(of("彭振华")["level"], "一般");
    assert_eq!(of("彭振华")["talk"], true);
    assert_eq!(of("袁丽华")["level"], Value::Null);
    assert_eq!(of("袁丽华")["talk"], false);

    // The rectification list (附件7).
    assert_eq!(
        g["rectifications"],
        serde_json::json!([{
            "unit": "西塘村", "secretary": "彭振华",
            "problems": "村务公开不及时", "measures": "每月公开一次",
            "deadline": "2022-03-31", "responsible": "彭振华",
            "status": "in_progress"
        }])
    );

    // The deadlines: 南塘村's annual review is closed; 东马社区 has no
    // combined evaluation yet.
    let deadlines = g["deadlines"].as_array().unwrap();
    assert_eq!(deadlines[1]["date"], "2022-01-17");
    assert_eq!(deadlines[1]["what"], "village_reports");
    assert_eq!(
        deadlines[1]["missing"],
        serde_json::json!(["回龙村", "西塘村", "东马社区"])
    );
    assert_eq!(deadlines[2]["what"], "combined_evaluation");
    assert_eq!(deadlines[2]["missing"], serde_json::json!(["东马社区"]));
}
