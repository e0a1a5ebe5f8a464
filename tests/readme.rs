//! Keeps the README and the reference pages of `docs/` honest: their
//! example answers file runs, the outputs they show are what the binary
//! prints, every command they show is one the binary accepts, every link
//! between them leads somewhere, and the README stays short, with the two
//! commands on top.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use clap::CommandFactory;

const README: &str = include_str!("../README.md");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first fenced block after `marker` in `text`.
fn block_after<'t>(text: &'t str, marker: &str) -> &'t str {
    let rest = &text[text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not found"))..];
    let start = rest.find("```").unwrap();
    let body = &rest[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("```").unwrap()]
}

/// The lines of a `console` block after its `$ …` line, each ended.
fn printed(block: &str) -> String {
    block
        .lines()
        .skip(1) // the `$ aiguillage …` line
        .map(|l| format!("{l}\n"))
        .collect()
}

/// What a reader sees of `s`: the no-break spaces of French typography
/// look like spaces, and the pages show them so.
fn plain(s: &[u8]) -> String {
    String::from_utf8_lossy(s).replace(['\u{a0}', '\u{202f}'], " ")
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear().env("NO_COLOR", "1");
    cmd
}

/// The pages whose commands and links are checked: the README, the
/// contributors' guide and every page of `docs/`.
fn pages() -> Vec<(String, String)> {
    let mut names = vec!["README.md".to_owned(), "CONTRIBUTING.md".to_owned()];
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    names.extend(docs);
    names
        .into_iter()
        .map(|n| {
            let text = read(&n);
            (n, text)
        })
        .collect()
}

#[test]
fn readme_opens_with_the_two_commands_and_stays_short() {
    let head: String = README.lines().take(8).collect::<Vec<_>>().join("\n");
    assert!(head.contains("cargo run --release"), "{head}");
    assert!(head.contains("cargo test --locked"), "{head}");
    // A newcomer's page: the reference is in docs/.
    let lines = README.lines().count();
    assert!(lines <= 260, "README.md has {lines} lines, ~250 at most");
}

#[test]
fn readme_example_gives_the_printed_links_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cas.json");
    std::fs::write(
        &file,
        block_after(README, "<!-- readme-example-answers -->"),
    )
    .unwrap();

    let expected = printed(block_after(README, "<!-- readme-example-link -->"));
    aiguillage()
        .args(["--format", "link", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .stdout(expected);

    // The text excerpt: every line before « […] » and every line after it
    // are lines of the output, in order, verbatim.
    let excerpt = block_after(README, "La sortie texte, brève par défaut");
    let (before, after) = excerpt.split_once("[…]\n").unwrap();
    let out = aiguillage().arg("--answers").arg(&file).output().unwrap();
    let stdout = plain(&out.stdout);
    assert!(stdout.starts_with(before), "{stdout}\n---\n{before}");
    assert!(stdout.contains(after), "{stdout}\n---\n{after}");
}

#[test]
fn inventory_example_gives_the_printed_rows() {
    let page = read("docs/inventaires.md");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inventaire.csv");
    std::fs::write(
        &file,
        block_after(&page, "<!-- readme-example-inventory -->"),
    )
    .unwrap();
    let expected = printed(block_after(&page, "<!-- readme-example-inventory-out -->"));
    let out = aiguillage()
        .args(["batch", "--format", "csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(plain(&out.stdout), expected);
}

#[test]
fn check_example_is_what_check_prints() {
    let page = read("docs/contenu.md");
    let shown = block_after(&page, "<!-- doc-example-check -->");
    let out = aiguillage()
        .current_dir(root())
        .args(["check", "tests/fixtures/broken/missing-reference.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(plain(&out.stdout), shown);
}

#[test]
fn skeleton_excerpt_is_the_start_of_what_questions_prints() {
    let page = read("docs/contrat.md");
    let shown = block_after(&page, "<!-- doc-example-skeleton -->");
    let out = aiguillage()
        .args(["questions", "--skeleton"])
        .output()
        .unwrap();
    let stdout = plain(&out.stdout);
    // Every line shown, in order; a « … » stands for what is left out
    // (lines, or values inside a line).
    let mut lines = stdout.lines();
    for want in shown.lines().filter(|l| l.trim() != "…" && l.trim() != "}") {
        let (start, end) = want.split_once('…').unwrap_or((want, ""));
        assert!(
            lines.any(|l| l.starts_with(start) && l.ends_with(end)),
            "« {want} » is not in the skeleton, in this order:\n{stdout}"
        );
    }
}

#[test]
fn exit_codes_page_says_what_help_says() {
    let page = read("docs/contrat.md");
    let table = &page[page.find("## Codes de sortie").unwrap()..];
    let help = aiguillage().arg("--help").output().unwrap().stdout;
    let help = String::from_utf8(help).unwrap();
    for code in ["0", "1", "2", "129", "130", "143"] {
        assert!(
            table.contains(&format!("\n| {code} |")),
            "docs/contrat.md: no row for exit code {code}"
        );
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{code} "))),
            "--help: no line for exit code {code}"
        );
    }
}

/// Splits a shell line into words: quotes kept together (and removed),
/// `$(…)` kept whole, a comment dropped.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut depth = 0;
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' if chars.peek() == Some(&'(') => {
                depth += 1;
                word.push(c);
                in_word = true;
            }
            ')' if depth > 0 => {
                depth -= 1;
                word.push(c);
            }
            // Quotes inside a substitution belong to it.
            '\'' | '"' if depth > 0 => word.push(c),
            '\'' | '"' if quote == Some(c) => quote = None,
            '\'' | '"' if quote.is_none() => {
                quote = Some(c);
                in_word = true;
            }
            c if quote.is_some() => word.push(c),
            '#' if !in_word && depth == 0 => break,
            c if c.is_whitespace() && depth == 0 => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Every `aiguillage …` command in the shell blocks of `text` (also as
/// `cargo run -- …` or after `$ `), cut at pipes and redirections, with
/// its line continuations joined.
fn commands(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut shell = false;
    let mut pending = String::new();
    for line in text.lines() {
        if let Some(lang) = line.strip_prefix("```") {
            in_block = !in_block;
            shell = in_block && matches!(lang.trim(), "sh" | "console" | "bash");
            continue;
        }
        if !(in_block && shell) {
            continue;
        }
        let line = line.strip_prefix("$ ").unwrap_or(line);
        if let Some(start) = line.strip_suffix('\\') {
            pending.push_str(start);
            continue;
        }
        let full = std::mem::take(&mut pending) + line;
        let words = shell_words(&full);
        let mut current: Option<Vec<String>> = None;
        let mut skip_next = false;
        for w in words {
            if skip_next {
                skip_next = false;
                continue;
            }
            match w.as_str() {
                "|" | "&&" | ";" | "||" | "do" | "then" => {
                    out.extend(current.take());
                    continue;
                }
                ">" | ">>" | "<" | "2>" => {
                    skip_next = true;
                    continue;
                }
                _ => {}
            }
            if w.starts_with('>') || w.starts_with('<') {
                continue;
            }
            match &mut current {
                Some(c) => c.push(w),
                None if w == "aiguillage" => current = Some(vec![w]),
                None => {}
            }
        }
        out.extend(current.take());
    }
    // `cargo run -- X` and `cargo run --release -- X` run `aiguillage X`.
    for line in text.lines() {
        for prefix in ["cargo run -- ", "cargo run --release -- "] {
            if let Some(at) = line.find(prefix) {
                let rest = &line[at + prefix.len()..];
                let rest = rest.split(['`', '|', '>']).next().unwrap_or_default();
                let mut c = vec!["aiguillage".to_owned()];
                c.extend(shell_words(rest));
                out.push(c);
            }
        }
    }
    out
}

#[test]
fn every_command_shown_is_one_the_binary_accepts() {
    let mut seen = 0;
    for (name, text) in pages() {
        for c in commands(&text) {
            let parsed = aiguillage::front::cli::Cli::command().try_get_matches_from(&c);
            if let Err(e) = parsed {
                panic!("{name}: « {} » is refused:\n{e}", c.join(" "));
            }
            seen += 1;
        }
    }
    assert!(seen > 30, "only {seen} commands found");
}

#[test]
fn shell_words_reads_quotes_substitutions_and_comments() {
    assert_eq!(
        shell_words(r#"aiguillage documents --answers "$f" --out "d/$(basename "$f" .json)" # x"#),
        [
            "aiguillage",
            "documents",
            "--answers",
            "$f",
            "--out",
            r#"d/$(basename "$f" .json)"#
        ]
    );
    let c = commands("```sh\naiguillage --answers a.json \\\n  | jq .\n```\n");
    assert_eq!(c, [vec!["aiguillage", "--answers", "a.json"]]);
}

/// The GitHub anchor of a heading: lower case, punctuation dropped,
/// spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    let mut fence = false;
    text.lines()
        .filter(|l| {
            if l.starts_with("```") {
                fence = !fence;
            }
            !fence && l.starts_with('#')
        })
        .filter_map(|l| l.split_once(' ').map(|(_, h)| anchor(h)))
        .collect()
}

/// Every relative link `](target)` of `text`.
fn links(text: &str) -> Vec<&str> {
    text.match_indices("](")
        .filter_map(|(i, _)| {
            let rest = &text[i + 2..];
            rest.find(')').map(|end| &rest[..end])
        })
        .filter(|t| !t.starts_with("http") && !t.starts_with("mailto:"))
        .collect()
}

#[test]
fn every_link_between_the_pages_leads_somewhere() {
    for (name, text) in pages() {
        let dir = Path::new(&name).parent().unwrap().to_path_buf();
        for link in links(&text) {
            let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() {
                PathBuf::from(&name)
            } else {
                dir.join(file)
            };
            let path = root().join(&target);
            assert!(path.exists(), "{name}: the link « {link} » leads nowhere");
            if !fragment.is_empty() && path.is_file() {
                let target_text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    anchors(&target_text).contains(&fragment.to_owned()),
                    "{name}: no heading « #{fragment} » in {}",
                    target.display()
                );
            }
        }
    }
}

#[test]
fn the_docs_index_links_every_page() {
    let index = read("docs/README.md");
    for (name, _) in pages() {
        let Some(page) = name.strip_prefix("docs/") else {
            continue;
        };
        if page == "README.md" {
            continue;
        }
        assert!(
            index.contains(&format!("]({page})")),
            "docs/README.md does not link docs/{page}: add it to the table"
        );
    }
}
