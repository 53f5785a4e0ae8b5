//! The layers point one way (README, "Architecture"): read the sources and
//! check what each layer imports. A `use` or a `crate::` path counts.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn src(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel)
}

/// Every line of `files` (comments left out) naming `crate::<module>`.
fn imports_of(files: &[PathBuf], module: &str) -> Vec<String> {
    let needle = format!("crate::{module}");
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let names = code.contains(&format!("{needle}::"))
                || code.contains(&format!("{needle};"))
                || code.contains(&format!("{needle}}}"))
                || code.contains(&format!("{needle},"));
            if names {
                found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_domain_imports_no_other_layer() {
    let files = sources(&src("domain"));
    assert!(files.len() > 10, "the domain's files were found");
    for module in [
        "i18n",
        "catalog",
        "labels",
        "store",
        "app",
        "ui",
        "export",
        "import",
        "projector",
        "tui",
    ] {
        let found = imports_of(&files, module);
        assert!(found.is_empty(), "domain imports {module}: {found:#?}");
    }
}

#[test]
fn app_never_imports_ui_and_ui_never_export_or_store() {
    let app = sources(&src("app"));
    assert!(
        imports_of(&app, "ui").is_empty(),
        "{:#?}",
        imports_of(&app, "ui")
    );
    let ui = sources(&src("ui"));
    for module in ["export", "store"] {
        let found = imports_of(&ui, module);
        assert!(found.is_empty(), "ui imports {module}: {found:#?}");
    }
}

#[test]
fn widgets_and_labels_import_nothing_from_app() {
    let files = vec![src("ui/widgets.rs"), src("labels.rs")];
    for module in ["app", "ui", "export", "store"] {
        let found = imports_of(&files, module);
        assert!(found.is_empty(), "imports {module}: {found:#?}");
    }
}

#[test]
fn the_projector_does_not_reach_the_app_or_the_tui() {
    let files = sources(&src("projector"));
    for module in ["app", "tui"] {
        let found = imports_of(&files, module);
        assert!(found.is_empty(), "projector imports {module}: {found:#?}");
    }
}

#[test]
fn the_checker_sees_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.rs");
    std::fs::write(
        &f,
        "use crate::ui::widgets;\n// crate::app::App in a comment\n",
    )
    .unwrap();
    assert_eq!(imports_of(std::slice::from_ref(&f), "ui").len(), 1);
    assert!(imports_of(&[f], "app").is_empty());
}

/// Code of one line without its comment, strings and character literals
/// (their braces are not the code's).
fn code_only(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => break,
            '"' => {
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // A character literal ('{', '\''), not a lifetime ('a).
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') {
                    chars.next();
                    chars.next();
                    chars.next();
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.next();
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Each `fn` of `text` with its length in lines, by counting braces.
fn function_lengths(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = code_only(line);
        let Some(at) = code.find("fn ") else { continue };
        let before = code[..at].trim();
        let head = [
            "",
            "pub",
            "pub(crate)",
            "pub(super)",
            "const",
            "async",
            "unsafe",
        ];
        if !before.split_whitespace().all(|w| head.contains(&w)) {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (mut depth, mut started) = (0i32, false);
        for (j, l) in lines.iter().enumerate().skip(i) {
            let c = code_only(l);
            for ch in c.chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        started = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if (started && depth <= 0) || (!started && c.trim_end().ends_with(';')) {
                out.push((name.clone(), i + 1, j - i + 1));
                break;
            }
        }
    }
    out
}

#[test]
fn no_function_in_src_is_over_100_lines() {
    let mut long = Vec::new();
    for f in sources(&src("")) {
        let text = std::fs::read_to_string(&f).unwrap();
        for (name, line, len) in function_lengths(&text) {
            if len > 100 {
                long.push(format!("{}:{line} {name} ({len} lines)", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "split these: {long:#?}");
}

#[test]
fn the_length_counter_skips_braces_in_strings_and_comments() {
    let text = "fn a() {\n    let s = \"{\"; // }\n    let c = '}';\n}\nfn b();\n";
    assert_eq!(
        function_lengths(text),
        vec![("a".to_string(), 1, 4), ("b".to_string(), 5, 1)]
    );
}
