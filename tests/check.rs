//! `aiguillage check` on questionnaires broken on purpose: one fixture per
//! kind of problem under `tests/fixtures/broken/`, each expected to be
//! reported with its code, file, line and column.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AIGUILLAGE_LANG")
        .env("NO_COLOR", "1")
        .env("LANG", "fr_FR.UTF-8");
    cmd
}

/// Runs `check --format json` on a fixture; returns the exit code and
/// the diagnostics.
fn check_json(fixture: &str) -> (i32, Vec<Value>) {
    let path = format!("tests/fixtures/broken/{fixture}");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).exists(),
        "{path} is missing"
    );
    let out = aiguillage()
        .args(["check", "--format", "json", &path])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{fixture}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let diagnostics = report["diagnostics"].as_array().unwrap().clone();
    (out.status.code().unwrap(), diagnostics)
}

/// The one diagnostic with `code`, checked against its place.
fn expect(fixture: &str, code: &str, file: &str, line: u64, column: u64) -> Value {
    let (status, diagnostics) = check_json(fixture);
    let found: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(
        found.len(),
        1,
        "{fixture}: expected one « {code} » in {diagnostics:#?}"
    );
    let d = found[0].clone();
    let expected_file = format!("tests/fixtures/broken/{file}");
    assert_eq!(
        (
            d["file"].as_str().unwrap(),
            d["line"].as_u64().unwrap(),
            d["column"].as_u64().unwrap()
        ),
        (expected_file.as_str(), line, column),
        "{fixture}: {d:#?}"
    );
    let expected_status = if d["severity"] == "error" { 2 } else { 0 };
    assert_eq!(status, expected_status, "{fixture}: exit code");
    d
}

#[test]
fn missing_reference_points_at_the_next_value() {
    let d = expect(
        "missing-reference.toml",
        "missing-reference",
        "missing-reference.toml",
        22,
        8,
    );
    assert!(d["message"].as_str().unwrap().contains("fni"), "{d}");
    assert_eq!(d["path"], "questions[0].choices[1].next");
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(22), Some(13))
    );
}

#[test]
fn missing_start_question() {
    expect(
        "missing-start.toml",
        "missing-reference",
        "missing-start.toml",
        6,
        9,
    );
}

#[test]
fn unreachable_question() {
    let d = expect("unreachable.toml", "unreachable", "unreachable.toml", 25, 6);
    assert!(d["message"].as_str().unwrap().contains("q2"));
}

#[test]
fn cycle() {
    let d = expect("cycle.toml", "cycle", "cycle.toml", 9, 6);
    assert!(
        d["message"].as_str().unwrap().contains("q1 → q2 → q1"),
        "{d}"
    );
}

#[test]
fn duplicate_id() {
    expect(
        "duplicate-id.toml",
        "duplicate-id",
        "duplicate-id.toml",
        32,
        6,
    );
}

#[test]
fn duplicate_choice_value() {
    expect(
        "duplicate-value.toml",
        "duplicate-value",
        "duplicate-value.toml",
        25,
        9,
    );
}

#[test]
fn duplicate_yes_no_value() {
    expect(
        "duplicate-value-yes-no.toml",
        "duplicate-value",
        "duplicate-value-yes-no.toml",
        20,
        9,
    );
}

#[test]
fn range_gap_points_at_the_next_min() {
    let d = expect("range-gap.toml", "range-gap", "range-gap.toml", 21, 7);
    assert!(d["message"].as_str().unwrap().contains("de 10 à 20"), "{d}");
}

#[test]
fn range_overlap() {
    expect(
        "range-overlap.toml",
        "range-overlap",
        "range-overlap.toml",
        21,
        7,
    );
}

#[test]
fn unknown_guide_and_chapter() {
    let (status, diagnostics) = check_json("unknown-guide.toml");
    assert_eq!(status, 2);
    let places: Vec<(u64, u64)> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unknown-guide")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(places, [(29, 11), (29, 23)]);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("« qualite »")
    );
}

#[test]
fn obligation_without_article() {
    expect(
        "obligation-without-article.toml",
        "obligation-without-article",
        "obligation-without-article.toml",
        25,
        6,
    );
}

#[test]
fn outcome_without_guide() {
    expect(
        "outcome-without-guide.toml",
        "outcome-without-guide",
        "outcome-without-guide.toml",
        25,
        6,
    );
}

#[test]
fn bad_url_in_the_articles_of_a_folder() {
    expect("bad-url", "bad-url", "bad-url/articles.toml", 5, 7);
}

#[test]
fn missing_help_is_a_warning() {
    let d = expect(
        "missing-help.toml",
        "missing-help",
        "missing-help.toml",
        9,
        6,
    );
    assert_eq!(d["severity"], "warning");
}

#[test]
fn unused_finding_is_a_warning() {
    expect(
        "unused-finding.toml",
        "unused-finding",
        "unused-finding.toml",
        25,
        6,
    );
}

#[test]
fn unused_term_of_a_supplied_glossary() {
    let d = expect(
        "unused-term",
        "unused-term",
        "unused-term/glossaire.toml",
        8,
        6,
    );
    assert!(d["message"].as_str().unwrap().contains("oublie"));
}

#[test]
fn unused_terms_of_the_builtin_glossary_are_not_blamed_on_a_custom_tree() {
    let (status, diagnostics) = check_json("missing-help.toml");
    assert_eq!(status, 0);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "unused-term"),
        "{diagnostics:#?}"
    );
}

#[test]
fn bad_kind() {
    expect("bad-kind.toml", "bad-kind", "bad-kind.toml", 14, 1);
}

#[test]
fn text_question_without_next_says_the_path_has_no_outcome() {
    let d = expect(
        "text-without-next.toml",
        "bad-kind",
        "text-without-next.toml",
        9,
        6,
    );
    assert!(d["message"].as_str().unwrap().contains("sans issue"), "{d}");
}

#[test]
fn missing_next_is_read_as_a_path_without_outcome() {
    let d = expect("missing-next.toml", "parse", "missing-next.toml", 19, 1);
    let m = d["message"].as_str().unwrap();
    assert!(m.contains("« next »") && m.contains("sans issue"), "{m}");
}

#[test]
fn unknown_field_is_named_in_french() {
    let d = expect("unknown-field.toml", "parse", "unknown-field.toml", 13, 1);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("champ inconnu « titel »"),
        "{d}"
    );
}

#[test]
fn toml_syntax_error() {
    expect("syntax.toml", "parse", "syntax.toml", 17, 12);
}

#[test]
fn every_fixture_is_tested() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let this = include_str!("check.rs");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            this.contains(&format!("\"{name}\"")),
            "fixture {name} has no test"
        );
    }
}

#[test]
fn text_output_shows_the_line_and_a_caret() {
    let out = aiguillage()
        .args(["check", "tests/fixtures/broken/missing-reference.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = "\
erreur[missing-reference]: « fni » n'est ni une question ni une issue
  --> tests/fixtures/broken/missing-reference.toml:22:8
   |
22 | next = \"fni\"
   |        ^^^^^

1 questionnaire(s) vérifié(s) : 1 erreur(s), 0 avertissement(s)
";
    assert_eq!(stdout, expected);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("erreur"), "{stderr}");
}

#[test]
fn builtin_questionnaires_are_clean() {
    let out = aiguillage()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report:#}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_honours_the_questionnaire_flag() {
    aiguillage()
        .args([
            "--questionnaire",
            "tests/fixtures/broken/cycle.toml",
            "check",
        ])
        .assert()
        .code(2)
        .stdout(predicates::str::contains("cycle.toml:9:6"));
    aiguillage()
        .args(["--questionnaire", "tests/fixtures/custom", "check"])
        .assert()
        .success()
        .stdout(predicates::str::contains("0 erreur(s), 0 avertissement(s)"));
}

#[test]
fn a_broken_questionnaire_stops_a_run_with_its_places() {
    let out = aiguillage()
        .args([
            "--questionnaire",
            "tests/fixtures/broken/unknown-guide.toml",
            "--no-input",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("unknown-guide.toml:29:11"), "{stderr}");
    assert!(stderr.contains("29 | guides = [\"qualitee\""), "{stderr}");
}

#[test]
fn a_file_that_cannot_be_read_is_a_usage_error() {
    aiguillage()
        .args(["check", "tests/fixtures/broken/nope.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nope.toml"));
}
