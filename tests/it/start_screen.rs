//! The start screen (`ceping` with no arguments, a double-click): the
//! campaign files of the folders it is given (temporary ones here, never
//! the real home), drawn in Chinese and English at 80x24 and 100x30, and
//! every choice driven through the real keymap.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::app::{self, LANGS, keys};
use crate::support::campaign::small_campaign;
use ceping::app::Status;
use ceping::app::start::{Choice, StartScreen};
use ceping::i18n::Lang;
use ceping::start_files::{Folder, FolderKind, Zone};
use ceping::store::Store;
use chrono::FixedOffset;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// 2022-01-10 09:00 in Beijing, as a file time.
fn at(minutes_after: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_641_776_400 + minutes_after * 60)
}

fn touch(path: &Path, time: SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

/// Two temporary folders: the current one and the documents folder.
struct Folders {
    here: tempfile::TempDir,
    docs: tempfile::TempDir,
}

impl Folders {
    fn new() -> Folders {
        Folders {
            here: tempfile::tempdir().unwrap(),
            docs: tempfile::tempdir().unwrap(),
        }
    }

    fn screen(&self) -> StartScreen {
        let folders = vec![
            Folder {
                kind: FolderKind::Here,
                path: self.here.path().to_path_buf(),
            },
            Folder {
                kind: FolderKind::Documents,
                path: self.docs.path().to_path_buf(),
            },
        ];
        let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
        StartScreen::new(
            folders,
            self.docs.path().to_path_buf(),
            Zone::Fixed(beijing),
        )
    }

    /// Three files: the demo campaign (newest, in documents), a small
    /// campaign (here), and a text file named `.ceping` (oldest, here).
    fn three() -> Folders {
        let f = Folders::new();
        let demo = f.docs.path().join("大泽湖2021.ceping");
        drop(Store::create(&demo, &ceping::campaign_toml::demo()).unwrap());
        touch(&demo, at(90));
        let small = f.here.path().join("test-street.ceping");
        drop(Store::create(&small, &small_campaign()).unwrap());
        touch(&small, at(30));
        let notes = f.here.path().join("notes.ceping");
        std::fs::write(&notes, "not a campaign\n").unwrap();
        touch(&notes, at(0));
        f
    }
}

fn press(screen: &mut StartScreen, script: &str) {
    for k in keys(script) {
        screen.on_key(k);
    }
}

/// The screen as text, one quoted line per row, checked for broken wide
/// cells (see `support::app::rows`).
fn render(screen: &StartScreen, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal
        .draw(|f| ceping::ui::start::draw(f, screen))
        .unwrap();
    app::rows(frame.buffer)
        .into_iter()
        .map(|r| format!("\"{r}\"\n"))
        .collect()
}

fn status(screen: &StartScreen) -> String {
    match &screen.status {
        Some(Status::Info(s)) | Some(Status::Error(s)) => s.clone(),
        None => String::new(),
    }
}

fn is_error(screen: &StartScreen) -> bool {
    matches!(screen.status, Some(Status::Error(_)))
}

#[test]
fn three_files_newest_first_with_titles_and_times() {
    let f = Folders::three();
    let guard = app::lock(Lang::Zh);
    for (l, tag) in LANGS {
        app::lang(&guard, l);
        let screen = f.screen();
        for size in SIZES {
            let shown = render(&screen, size);
            let order: Vec<usize> = ["大泽湖2021", "test-street", "notes"]
                .iter()
                .map(|n| shown.find(n).unwrap_or_else(|| panic!("{n}:\n{shown}")))
                .collect();
            assert!(order[0] < order[1] && order[1] < order[2], "{shown}");
            assert!(shown.contains("2022-01-10 10:30"), "{shown}");
            assert!(shown.contains("2022-01-10 09:00"), "{shown}");
            let unreadable =
                crate::support::zh_en(l, "无法读取：不是考核文件", "not a campaign file");
            assert!(shown.contains(unreadable), "{shown}");
            insta::assert_snapshot!(format!("three_files_{tag}_{}x{}", size.0, size.1), shown);
        }
    }
}

#[test]
fn an_empty_list_says_what_to_do() {
    let f = Folders::new();
    let guard = app::lock(Lang::Zh);
    for (l, tag) in LANGS {
        app::lang(&guard, l);
        let screen = f.screen();
        assert!(screen.files.is_empty());
        for size in SIZES {
            let shown = render(&screen, size);
            let hint = crate::support::zh_en(l, "按 d 建立演示文件", "Press d to create the demo");
            assert!(shown.contains(hint), "{shown}");
            insta::assert_snapshot!(format!("empty_{tag}_{}x{}", size.0, size.1), shown);
        }
    }
}

#[test]
fn up_down_and_enter_open_the_selected_file() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    let mut screen = f.screen();
    press(&mut screen, "<Down> <Down> <Down> <Up>");
    assert_eq!(screen.selected, 1);
    assert!(screen.choice.is_none());
    press(&mut screen, "<Enter>");
    let small = f.here.path().join("test-street.ceping");
    assert_eq!(screen.choice, Some(Choice::Open(small)));
}

#[test]
fn p_opens_the_projector_for_the_selected_file() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    let mut screen = f.screen();
    press(&mut screen, "p");
    let demo = f.docs.path().join("大泽湖2021.ceping");
    assert_eq!(screen.choice, Some(Choice::Projector(demo)));
}

#[test]
fn q_esc_and_ctrl_c_quit() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    for script in ["q", "<Esc>", "<C-c>"] {
        let mut screen = f.screen();
        press(&mut screen, script);
        assert_eq!(screen.choice, Some(Choice::Quit), "{script}");
    }
}

#[test]
fn d_creates_the_demo_in_documents_and_opens_it() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::new();
    let mut screen = f.screen();
    press(&mut screen, "d");
    let Some(Choice::Open(path)) = screen.choice.clone() else {
        panic!("d did not open a file: {:?}", screen.choice);
    };
    assert_eq!(path.parent(), Some(f.docs.path()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("ceping-demo-") && name.ends_with(".ceping"),
        "{name}"
    );
    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(
        store.replay().unwrap().campaign.title,
        ceping::campaign_toml::demo().title
    );
    // Twice in one second: a second file, never over the first.
    let mut again = f.screen();
    press(&mut again, "d");
    assert!(matches!(again.choice, Some(Choice::Open(ref p)) if *p != path && p.exists()));
}

fn write_toml(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn n_creates_a_file_beside_a_good_toml_and_opens_it() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::new();
    let toml = write_toml(
        f.here.path(),
        "方案 2021.toml",
        ceping::campaign_toml::template(),
    );
    let mut screen = f.screen();
    // Typed as a dragged file arrives: quoted.
    press(&mut screen, &format!("n \"'{}'\"", toml.display()));
    assert!(render(&screen, (100, 30)).contains("考核方案（.toml）的文件路径："));
    press(&mut screen, "<Enter>");
    let made = f.here.path().join("方案 2021.ceping");
    assert_eq!(
        screen.choice,
        Some(Choice::Open(made.clone())),
        "{}",
        status(&screen)
    );
    let title = Store::open_read_only(&made)
        .unwrap()
        .replay()
        .unwrap()
        .campaign
        .title;
    assert_eq!(title, "大泽湖街道2021年度对村(社区)年度考核");
}

#[test]
fn n_with_a_bad_toml_says_the_loaders_sentence_and_changes_nothing() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    let bad = ceping::campaign_toml::template().replacen("year = ", "year = \"x\" #", 1);
    let toml = write_toml(f.here.path(), "bad.toml", &bad);
    let expected = ceping::campaign_toml::load(&toml).unwrap_err().to_string();
    let mut screen = f.screen();
    // Counted after the listing: reading a title leaves SQLite's -wal and
    // -shm beside the file, as `ceping verify` does.
    let before = std::fs::read_dir(f.here.path()).unwrap().count();
    press(&mut screen, &format!("n \"{}\" <Enter>", toml.display()));
    assert_eq!(screen.choice, None);
    assert!(is_error(&screen));
    assert_eq!(status(&screen), expected);
    assert_eq!(std::fs::read_dir(f.here.path()).unwrap().count(), before);
    assert!(!f.here.path().join("bad.ceping").exists());
    // The sentence is on screen, red, below the list.
    let shown = render(&screen, (100, 30));
    assert!(shown.contains("bad.toml"), "{shown}");
}

#[test]
fn n_onto_an_existing_campaign_file_is_refused() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    let toml = write_toml(
        f.here.path(),
        "test-street.toml",
        ceping::campaign_toml::template(),
    );
    let existing = f.here.path().join("test-street.ceping");
    let bytes = std::fs::read(&existing).unwrap();
    let mut screen = f.screen();
    press(&mut screen, &format!("n \"{}\" <Enter>", toml.display()));
    assert_eq!(screen.choice, None);
    assert!(is_error(&screen));
    assert!(
        status(&screen).contains("已经存在，ceping 不会覆盖它"),
        "{}",
        status(&screen)
    );
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        bytes,
        "never overwritten"
    );
}

const ROSTER_HEADER: &str = "单位,姓名,职务,述职方式";

fn roster(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let p = dir.join(name);
    let mut text = vec![ROSTER_HEADER];
    text.extend_from_slice(rows);
    std::fs::write(&p, text.join("\r\n") + "\r\n").unwrap();
    p
}

#[test]
fn i_imports_a_roster_into_the_selected_file_or_says_the_first_error() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    let demo = f.docs.path().join("大泽湖2021.ceping");
    let good = roster(
        f.here.path(),
        "good.csv",
        &[
            "南塘村,石晓岚,党组织书记,口头",
            "南塘村,陶立群,两委成员,书面",
            "南塘村,韦建明,工作队队长,",
            "南塘村,冉秀,工作队队员,",
        ],
    );
    let bad = roster(f.here.path(), "bad.csv", &["南塘,薛宁,两委成员,"]);
    let mut screen = f.screen();
    // The demo is selected (newest first).
    press(&mut screen, &format!("i \"{}\" <Enter>", bad.display()));
    assert!(is_error(&screen), "{}", status(&screen));
    assert!(
        status(&screen).contains("没有导入任何内容") || status(&screen).contains("南塘"),
        "{}",
        status(&screen)
    );
    assert_eq!(screen.choice, None);

    press(&mut screen, &format!("i \"{}\" <Enter>", good.display()));
    assert!(!is_error(&screen), "{}", status(&screen));
    assert!(
        status(&screen).contains("已导入 1 个单位 4 人"),
        "{}",
        status(&screen)
    );
    assert_eq!(screen.choice, None, "stays on the start screen");
    assert_eq!(
        screen.selected_file().map(|f| f.path.clone()),
        Some(demo.clone())
    );
    let model = Store::open_read_only(&demo).unwrap().replay().unwrap();
    let names: Vec<String> = model
        .campaign
        .unit("南塘村")
        .unwrap()
        .subjects
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["石晓岚", "陶立群", "韦建明", "冉秀"]);
}

#[test]
fn with_no_file_the_file_choices_say_so() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::new();
    let mut screen = f.screen();
    for script in ["<Enter>", "p", "i"] {
        press(&mut screen, script);
        assert_eq!(screen.choice, None, "{script}");
        assert!(status(&screen).contains("还没有选中考核文件"), "{script}");
    }
}

#[test]
fn the_help_lists_the_start_keys_and_any_key_closes_it() {
    let _guard = app::lock(Lang::Zh);
    let f = Folders::three();
    let mut screen = f.screen();
    press(&mut screen, "?");
    let shown = render(&screen, (80, 24));
    for text in ["建立演示", "用考核方案新建", "投影窗口", "导入名单"] {
        assert!(shown.contains(text), "{text}:\n{shown}");
    }
    press(&mut screen, "q");
    assert_eq!(screen.choice, None, "the key closed the help only");
    assert!(!screen.help);
}
