//! The roster through `ceping import` and through the street board's `i`
//! key.

use super::*;

#[test]
fn the_binary_refuses_a_bad_roster_and_imports_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, session) = demo_file(dir.path());
    drop(session);
    let bad = write(
        &dir,
        "bad.csv",
        csv(&[HEADER, SECRETARY, MEMBER, "南塘村,冉秀,第一书记,"]).as_bytes(),
    );
    let out = ceping(&[&"import", &path, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("名单 bad.csv 有 1 处错误，没有导入任何内容")
            && err.contains("第 4 行：职务“第一书记”看不出类别")
            && err.contains("请在“类别”列填写 工作队队长、工作队队员、党组织书记 之一"),
        "{err}"
    );
    let out = ceping(&[&"--lang", &"en", &"import", &path, &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("row 4: the post \"第一书记\" does not tell the category"),
        "{}",
        text(&out.stderr)
    );

    let good_text = csv(GOOD);
    let (gbk, _, _) = encoding_rs::GBK.encode(&good_text);
    let good = write(&dir, "good.csv", &gbk);
    let out = ceping(&[&"import", &path, &good]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("已导入 2 个单位 10 人") && said.contains("GBK"),
        "{said}"
    );
    let out = ceping(&[&"verify", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let reopened = Store::open(&path).unwrap();
    assert_eq!(subjects(&reopened, "南塘村"), nantang());
    assert_eq!(roster_events(&reopened).len(), 1);
}

fn typed(path: &Path) -> String {
    format!("i \"{}\" <Enter>", path.display())
}

#[test]
fn the_street_board_imports_with_i() {
    let _guard = app::lock(Lang::Zh);
    let (dir, mut app) = app::demo_app();
    let bad = write(
        &dir,
        "bad.csv",
        csv(&[
            HEADER,
            SECRETARY,
            "南塘村,冉秀,驻村工作队,",
            "南塘,薛宁,两委成员,",
        ])
        .as_bytes(),
    );
    // The prompt and the footer's key, drawn without broken wide cells.
    app::press(&mut app, "i \"名单.csv\"");
    let shown = app::screen(&app::render(&app, 100, 30));
    assert!(
        shown.contains("导入名单（.csv 或 .xlsx）的文件路径： 名单.csv"),
        "{shown}"
    );
    app::press(&mut app, "<Esc>");
    let shown = app::screen(&app::render(&app, 100, 30));
    assert!(shown.contains("i  导入名单"), "{shown}");

    app::press(&mut app, &typed(&bad));
    app::render(&app, 100, 30);
    match &app.status {
        Some(Status::Error(e)) => assert!(
            e.contains("共 2 处错误")
                && e.contains("第 3 行：职务“驻村工作队”看不出是工作队队长还是队员"),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(app.prompt().is_none());

    // A path that does not exist keeps the prompt open to fix it.
    app::press(&mut app, &typed(&dir.path().join("nope.csv")));
    assert!(app.prompt().is_some());
    assert!(matches!(&app.status, Some(Status::Error(e)) if e.contains("nope.csv")));
    app::press(&mut app, "<Esc>");

    let good = write(&dir, "good.csv", csv(GOOD).as_bytes());
    app::press(&mut app, &typed(&good));
    match &app.status {
        Some(Status::Info(s)) => assert!(s.contains("已导入 2 个单位 10 人"), "{s}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(subjects(&app.session, "南塘村"), nantang());
}
