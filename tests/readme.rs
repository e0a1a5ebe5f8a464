//! Keeps the README honest: its example answers file runs, its link output
//! is what the binary prints, and its first lines give the two commands.

use assert_cmd::Command;

const README: &str = include_str!("../README.md");

/// The first fenced block after `marker`.
fn block_after(marker: &str) -> &'static str {
    let rest = &README[README
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in README"))..];
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
fn readme_opens_with_the_two_commands() {
    let head: String = README.lines().take(8).collect::<Vec<_>>().join("\n");
    assert!(head.contains("cargo run --release"), "{head}");
    assert!(head.contains("cargo test --locked"), "{head}");
}

#[test]
fn readme_example_gives_the_printed_links_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cas.json");
    std::fs::write(&file, block_after("<!-- readme-example-answers -->")).unwrap();

    let expected: String = block_after("<!-- readme-example-link -->")
        .lines()
        .skip(1) // the `$ aiguillage …` line
        .map(|l| format!("{l}\n"))
        .collect();
    aiguillage()
        .args(["--format", "link", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .stdout(expected);

    // The text excerpt: its first line is the verdict line, verbatim.
    let excerpt = README[README.find("La sortie texte, brève par défaut").unwrap()..]
        .split("```text\n")
        .nth(1)
        .unwrap();
    let first_line = excerpt.lines().next().unwrap();
    let out = aiguillage().arg("--answers").arg(&file).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().next(), Some(first_line));
}

#[test]
fn readme_inventory_example_gives_the_printed_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inventaire.csv");
    std::fs::write(&file, block_after("<!-- readme-example-inventory -->")).unwrap();
    let expected: String = block_after("<!-- readme-example-inventory-out -->")
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect();
    aiguillage()
        .args(["batch", "--format", "csv"])
        .arg(&file)
        .assert()
        .code(2)
        .stdout(expected);
}
