//! One word for each thing (README, "Glossary"): the variant spellings
//! the testers found (称职以上率 beside 称职及以上率, 好评率 beside 好票率,
//! three names for the Party-building review, 撤销 for two different
//! actions, 认证 for closing) never come back in what users read: the
//! catalogue, the workbook's labels, the CSV, the README. And English mode
//! speaks English: no Chinese punctuation on any English screen, apart
//! from the data typed or defined by people (titles, comments).

use std::path::{Path, PathBuf};

/// (the one spelling, the variants that must not appear).
const TERMS: &[(&str, &[&str])] = &[
    ("称职及以上率", &["称职以上率"]),
    ("好票率", &["好评率"]),
    ("较好及以上率", &["较好以上率"]),
    ("抓基层党建述职评议", &["抓党建述职评议", "下评下述"]),
    ("剔除", &["撤销"]),
    ("结束本轮", &["认证", "结束并认证"]),
    ("称职 or better", &["+ rate", "certif"]),
];

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// The texts users read: the catalogue, the exports (workbook labels, CSV,
/// forms), the screens' code, the template and the README.
fn user_texts() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src/catalog", "src/export", "src/ui", "src/projector"] {
        files_under(&root.join(dir), "rs", &mut files);
    }
    files.extend(
        [
            "src/labels.rs",
            "src/template.toml",
            "src/demo.toml",
            "README.md",
        ]
        .map(|f| root.join(f)),
    );
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, text)
        })
        .collect()
}

#[test]
fn every_term_has_one_spelling() {
    let texts = user_texts();
    let mut found = Vec::new();
    for (path, text) in &texts {
        for (i, line) in text.lines().enumerate() {
            for (term, variants) in TERMS {
                for v in *variants {
                    // The glossary itself names a variant to warn against it.
                    let warned =
                        line.contains(&format!("not {v}")) || line.contains(&format!("(not {v}"));
                    if line.contains(v) && !warned && !line.contains("(not 好票率") {
                        found.push(format!(
                            "{}:{}: {v} (say {term}): {}",
                            path.display(),
                            i + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "variant spellings:\n{}", found.join("\n"));
}

#[test]
fn the_readme_glossary_names_every_term() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let glossary = readme
        .split("## Glossary")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Glossary section");
    for (term, _) in TERMS {
        assert!(glossary.contains(term), "{term} is not in the glossary");
    }
}

/// Chinese punctuation: a list separator or a bracket of the Chinese text
/// left in an English sentence.
const CJK_PUNCTUATION: &[char] = &[
    '，', '。', '：', '；', '、', '（', '）', '“', '”', '《', '》', '！', '？', '【', '】',
];

/// Data people typed or defined, which keeps its own punctuation in any
/// language: the demo campaign's title, and the comments, written
/// evaluations and rectification texts the tests type.
const DATA: &[&str] = &[
    "大泽湖街道2021年度对村(社区)年度考核（演示）",
    "抓党建责任落实到位，村级阵地建设有新进展",
    "支部班子团结，三会一课按时开展，党员教育扎实；村级阵地建设有新进展，整改台账要",
    "细化到人到时限。",
    "村务公开不及时，财务公开栏更新滞后两个月以上，群众意见较大",
    "抓党建有实招，整改台账要细化",
];

#[test]
fn english_screens_have_no_chinese_punctuation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let mut snaps = Vec::new();
    files_under(&dir, "snap", &mut snaps);
    let english: Vec<_> = snaps
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.contains("_en_") || name.ends_with("_en.snap")
        })
        .collect();
    assert!(english.len() > 50, "the English snapshots were found");
    let mut found = Vec::new();
    for path in english {
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "---").nth(2).unwrap_or(&text);
        for line in body.lines() {
            let mut rest = line.to_string();
            for data in DATA {
                rest = rest.replace(data, "");
            }
            // The wrapped comment of the 80-column box splits the sentence.
            if rest.contains(CJK_PUNCTUATION) && !rest.contains("支部班子团结") {
                found.push(format!("{}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese punctuation in English:\n{}",
        found.join("\n")
    );
}

/// What the command line says in English mode, for a demo file: creating
/// it, verifying it, backing it up, the plain summary, the JSON export and
/// a few refusals. Chinese punctuation only inside the data (the demo's
/// title and names).
#[test]
fn english_command_line_output_has_no_chinese_punctuation() {
    use crate::support::bin::{ceping, stderr, stdout};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let runs: Vec<Vec<&str>> = vec![
        vec!["--lang", "en", "init", "a.ceping"],
        vec!["--lang", "en", "verify", "a.ceping"],
        vec!["--lang", "en", "backup", "a.ceping", "copy.ceping"],
        vec!["--lang", "en", "open", "a.ceping"],
        vec!["--lang", "en", "export", "a.ceping", "--format", "json"],
        vec!["--lang", "en", "init", "a.ceping"],
        vec!["--lang", "en", "verify", "missing.ceping"],
        vec![
            "--lang", "en", "ballots", "a.ceping", "--unit", "南塘", "-o", "b.xlsx",
        ],
        vec!["--lang", "en", "export", "a.ceping", "--format", "nope"],
    ];
    let mut found = Vec::new();
    for args in &runs {
        let out = ceping(d, args);
        for line in stdout(&out).lines().chain(stderr(&out).lines()) {
            let mut rest = line.to_string();
            for data in DATA {
                rest = rest.replace(data, "");
            }
            if rest.contains(CJK_PUNCTUATION) {
                found.push(format!("{args:?}: {line}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese punctuation in English:\n{}",
        found.join("\n")
    );
}
