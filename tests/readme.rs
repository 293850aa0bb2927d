//! Every code block of the root README.md is exercised: Rust blocks run as doc tests
//! (`tests/src/lib.rs` includes the README), and each other block is checked here to be
//! the code that a test or example really runs, so the README cannot drift from it.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `(language, code)` of each fenced block.
fn blocks(markdown: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(lang)) => current = Some((lang.trim().to_string(), String::new())),
            (Some(_), Some(_)) => found.extend(current.take()),
            (Some((_, code)), None) => {
                code.push_str(line);
                code.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(current.is_none(), "README.md has an unclosed code block");
    found
}

/// The non-empty lines of `code`, trimmed.
fn lines(code: &str) -> Vec<String> {
    code.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect()
}

/// Whether `needle`'s lines stand, one after the other, in `haystack` (indentation aside).
fn contains_lines(haystack: &str, needle: &[String]) -> bool {
    let hay = lines(haystack);
    !needle.is_empty() && hay.windows(needle.len()).any(|window| window == needle)
}

fn files_under(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "node_modules") {
                files_under(&path, extension, out);
            }
        } else if path.extension().is_some_and(|ext| ext == extension) {
            out.push(path);
        }
    }
}

/// Asserts that `code` is an excerpt of one of the `extension` files under `dir`.
fn assert_excerpt_of(code: &str, dir: &str, extension: &str) {
    let mut files = Vec::new();
    files_under(&repo().join(dir), extension, &mut files);
    let wanted = lines(code);
    let found = files
        .iter()
        .any(|file| fs::read_to_string(file).is_ok_and(|text| contains_lines(&text, &wanted)));
    assert!(
        found,
        "this README block is not an excerpt of any .{extension} file under {dir}:\n{code}"
    );
}

/// The commands CI runs, with the quiet/locked flags it adds removed.
fn ci_commands() -> String {
    let mut text = String::new();
    for path in ["scripts/test-all.sh", ".ci/run"] {
        text += &fs::read_to_string(repo().join(path)).unwrap_or_default();
    }
    let mut scripts = Vec::new();
    files_under(&repo().join("scripts/ci"), "sh", &mut scripts);
    for script in scripts {
        text += &fs::read_to_string(script).unwrap_or_default();
    }
    text.replace(" --locked", "").replace(" -q", "")
}

#[test]
fn every_readme_block_is_exercised() {
    let readme = fs::read_to_string(repo().join("README.md")).expect("README.md");
    let ci = ci_commands();
    let blocks = blocks(&readme);
    assert!(
        blocks.iter().any(|(lang, _)| lang == "rust"),
        "a Rust quick start"
    );

    for (lang, code) in &blocks {
        match lang.as_str() {
            // Compiled and run by `cargo test --doc -p checkout-kit-tests`.
            "rust" => {}
            "sh" => {
                for command in lines(code).iter().filter(|line| !line.starts_with('#')) {
                    assert!(ci.contains(command.as_str()), "CI never runs `{command}`");
                }
            }
            "toml" => {
                let version = env!("CARGO_PKG_VERSION");
                let minor = &version[..version.rfind('.').unwrap_or(version.len())];
                for krate in ["razorpay-core", "checkout-rules"] {
                    assert!(
                        code.contains(&format!("{krate} = \"{minor}\"")),
                        "the README should depend on {krate} {minor}"
                    );
                }
            }
            "ts" => assert_excerpt_of(code, "examples/nestjs/src", "ts"),
            "kotlin" => assert_excerpt_of(code, "bindings-uniffi/tests/kotlin", "kt"),
            // The browser snippet is kept as a whole page beside the docs.
            "html" => assert_excerpt_of(code, "docs/examples", "html"),
            // bindings-uniffi/tests/python/test_readme_examples.py runs it unchanged.
            "python" => assert!(
                readme.contains(&format!("<!-- example: python -->\n```python\n{code}```")),
                "mark the Python quick start `<!-- example: python -->` so pytest runs it"
            ),
            // Prose-like blocks (an install line for a package manager) are not code to run.
            "text" => {}
            other => panic!("README block in `{other}`: tag it, and exercise it here"),
        }
    }
}

/// `docs/api-conventions.md`: every block marked `<!-- excerpt: <file> -->` stands, line for
/// line (indentation aside), in that file, and the four-language checkout has all four.
#[test]
fn api_conventions_excerpts_are_tested_sources() {
    let doc = fs::read_to_string(repo().join("docs/api-conventions.md")).expect("the doc");
    let mut excerpted = Vec::new();
    let mut rest = doc.as_str();
    while let Some(at) = rest.find("<!-- excerpt: ") {
        rest = &rest[at + "<!-- excerpt: ".len()..];
        let (file, after) = rest.split_once(" -->").expect("a closed excerpt marker");
        let fence = after.trim_start_matches('\n');
        let (lang, body) = fence
            .strip_prefix("```")
            .and_then(|f| f.split_once('\n'))
            .expect("a code block right after the marker");
        let code = &body[..body.find("\n```").expect("a closed code block")];
        let source = fs::read_to_string(repo().join(file))
            .unwrap_or_else(|e| panic!("{file} (named by docs/api-conventions.md): {e}"));
        assert!(
            contains_lines(&source, &lines(code)),
            "the {lang} block of docs/api-conventions.md is not an excerpt of {file}:\n{code}"
        );
        excerpted.push(lang.to_string());
        rest = after;
    }
    for lang in ["rust", "ts", "python", "kotlin"] {
        assert!(
            excerpted.iter().any(|l| l == lang),
            "docs/api-conventions.md lacks the {lang} checkout"
        );
    }
}
