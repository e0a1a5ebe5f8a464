//! Keeps docs/inventaires.md honest, as tests/readme.rs does the README:
//! its example gives the printed rows, byte for byte (`--excel`: a mark,
//! `;`, CRLF; the page writes plain spaces where the program sets French
//! no-break ones, so the expected rows are set the same way), and every `aiguillage` command it shows runs on the
//! six-case inventory under the names it uses.

use assert_cmd::Command;

const DOC: &str = include_str!("../docs/inventaires.md");

/// The first fenced block after `marker`.
fn block_after(marker: &str) -> &'static str {
    let rest = &DOC[DOC
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in docs/inventaires.md"))..];
    let start = rest.find("```").unwrap();
    let body = &rest[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("```").unwrap()]
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear().env("NO_COLOR", "1");
    cmd
}

#[test]
fn the_example_gives_the_printed_rows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("inventaire.csv"),
        block_after("<!-- inventaires-exemple -->"),
    )
    .unwrap();
    let shown = block_after("<!-- inventaires-exemple-sortie -->");
    let command = shown.lines().next().unwrap();
    let args: Vec<&str> = command
        .strip_prefix("$ aiguillage ")
        .unwrap()
        .split(' ')
        .collect();
    let expected: String = shown
        .lines()
        .skip(1)
        .enumerate()
        .map(|(i, l)| {
            let l = aiguillage::text::typography::typeset(l);
            format!("{}{l}\r\n", if i == 0 { "\u{feff}" } else { "" })
        })
        .collect();
    aiguillage()
        .current_dir(dir.path())
        .args(args)
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn every_command_shown_runs() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inventaires");
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("six-cas.csv", "inventaire.csv"),
        ("six-cas.xlsx", "inventaire.xlsx"),
        ("six-cas.ods", "inventaire.ods"),
    ] {
        std::fs::copy(fixtures.join(from), dir.path().join(to)).unwrap();
    }
    let commands: Vec<&str> = DOC
        .lines()
        .filter_map(|l| l.strip_prefix("$ aiguillage "))
        .collect();
    assert!(commands.len() >= 4, "{commands:?}");
    for command in commands {
        let (command, redirect) = match command.split_once(" > ") {
            Some((c, file)) => (c, Some(file)),
            None => (command, None),
        };
        let out = aiguillage()
            .current_dir(dir.path())
            .args(command.split(' '))
            .output()
            .unwrap();
        // The six-case inventory has one broken row: exit 2, every case out.
        let code = out.status.code();
        assert!(
            code == Some(2) || code == Some(0),
            "{command}: {code:?} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{command}");
        if redirect.is_some_and(|f| f.ends_with(".xlsx")) {
            assert!(out.stdout.starts_with(b"PK"), "{command}");
        }
    }
}
