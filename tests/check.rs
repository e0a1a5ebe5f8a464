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

/// One misspelt `next` cuts off a whole part of the tree: the report names
/// the misspelling and the first node cut off, not every node below it.
#[test]
fn a_misspelt_next_is_not_buried_under_unreachable_errors() {
    let d = expect(
        "misspelt-next.toml",
        "unreachable",
        "misspelt-next.toml",
        27,
        6,
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("« q2 »"), "{message}");
    assert!(
        message.contains("les 2 question(s) ou issue(s) en aval"),
        "{message}"
    );
    let m = expect(
        "misspelt-next.toml",
        "missing-reference",
        "misspelt-next.toml",
        24,
        8,
    );
    assert!(
        m["message"]
            .as_str()
            .unwrap()
            .contains("vouliez-vous dire « q2 »"),
        "{m}"
    );
}

#[test]
fn cycle_points_at_the_next_that_closes_it() {
    // `next = "q1"` in q2: where the loop is closed, and fixed.
    let d = expect("cycle.toml", "cycle", "cycle.toml", 33, 8);
    assert_eq!(d["path"], "questions[1].choices[0].next");
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

/// An obligation resting only on a decision or a European text is a
/// warning: the user should be able to read the French text.
#[test]
fn obligation_without_legifrance_link() {
    let d = expect(
        "obligation-without-legifrance.toml",
        "obligation-without-legifrance",
        "obligation-without-legifrance.toml",
        28,
        12,
    );
    assert_eq!(d["severity"], "warning");
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

/// « ? Aide » shows the short answer: the rest belongs in `details`.
#[test]
fn help_too_long_is_a_warning() {
    let d = expect(
        "help-too-long.toml",
        "help-too-long",
        "help-too-long.toml",
        12,
        8,
    );
    assert_eq!(d["severity"], "warning");
    let m = d["message"].as_str().unwrap();
    assert!(m.contains("« q1 »") && m.contains("(au plus 320)"), "{m}");
}

/// The brief decision shows each obligation, recommendation and warning
/// by its short line; a note needs none.
#[test]
fn missing_short_is_a_warning() {
    let d = expect(
        "missing-short.toml",
        "missing-short",
        "missing-short.toml",
        25,
        6,
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["path"], "findings[0].id");
    assert!(d["message"].as_str().unwrap().contains("« f1 »"), "{d}");
}

/// Twenty words at most: the one over the limit is reported, the one at
/// it is not.
#[test]
fn short_too_long_is_a_warning() {
    let d = expect(
        "short-too-long.toml",
        "short-too-long",
        "short-too-long.toml",
        28,
        9,
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["path"], "findings[0].short");
    assert!(d["message"].as_str().unwrap().contains("21 mots"), "{d}");
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
fn tally_counts_only_yes_no_questions() {
    let d = expect("tally-count.toml", "bad-kind", "tally-count.toml", 29, 10);
    assert_eq!(d["path"], "questions[1].count[0]");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("pas une question oui/non"),
        "{d}"
    );
}

#[test]
fn tally_counts_questions_asked_on_every_path_before_it() {
    let d = expect(
        "tally-order.toml",
        "tally-order",
        "tally-order.toml",
        46,
        16,
    );
    assert_eq!(d["path"], "questions[2].count[1]");
    let m = d["message"].as_str().unwrap();
    assert!(m.contains("« q2 », comptée par « total »"), "{m}");
    assert!(m.contains("pas posée sur tous les chemins"), "{m}");
}

/// The other checks of a tally, on trees built in memory: each case
/// changes one thing in a valid tree and expects its diagnostic.
mod tally {
    use aiguillage::Bundle;
    use aiguillage::core::catalog::LoadError;
    use aiguillage::core::diagnostic::{Report, Severity};

    const TREE: &str = r#"
id = "t"
title = "T"
version = "0.1.0"
legal_date = "2026-11-29"
start = "q1"

[[questions]]
id = "q1"
kind = "yes_no"
text = "Q1 ?"
help = "Aide."
[[questions.choices]]
value = "oui"
label = "Oui"
next = "q2"
[[questions.choices]]
value = "non"
label = "Non"
next = "q2"

[[questions]]
id = "q2"
kind = "yes_no"
text = "Q2 ?"
help = "Aide."
[[questions.choices]]
value = "oui"
label = "Oui"
next = "total"
[[questions.choices]]
value = "non"
label = "Non"
next = "total"

[[questions]]
id = "total"
kind = "tally"
text = "Nombre de oui"
count = ["q1", "q2"]
[[questions.ranges]]
below = 1
label = "aucun"
next = "fin"
[[questions.ranges]]
min = 1
label = "un ou plus"
next = "fin"

[[outcomes]]
id = "fin"
verdict = "may"
title = "Fin"
summary = "Fin."
guides = ["qualite"]
"#;

    /// The diagnostics of TREE with `from` replaced by `to`, as
    /// `(severity, code, path)`, and the messages.
    fn check(from: &str, to: &str) -> (Vec<(Severity, String, String)>, Vec<String>) {
        assert!(TREE.contains(from), "{from}");
        check_tree(&TREE.replacen(from, to, 1))
    }

    fn check_tree(tree: &str) -> (Vec<(Severity, String, String)>, Vec<String>) {
        let sources = [("t/t.toml", tree)];
        let report: Report = match Bundle::from_sources(sources) {
            Ok(b) => aiguillage::core::check(&b),
            Err(LoadError::Invalid(r)) => *r,
            Err(e) => panic!("{e}"),
        };
        let found = report
            .diagnostics
            .iter()
            .filter(|d| d.code != "unused-term")
            .map(|d| (d.severity, d.code.to_owned(), d.path.clone()))
            .collect();
        let messages = report
            .diagnostics
            .iter()
            .filter(|d| d.code != "unused-term")
            .map(|d| d.message.clone())
            .collect();
        (found, messages)
    }

    fn error(code: &str, path: &str) -> (Severity, String, String) {
        (Severity::Error, code.to_owned(), path.to_owned())
    }

    #[test]
    fn the_valid_tree_is_clean_and_a_tally_needs_no_help() {
        assert_eq!(check("", "").0, []);
    }

    #[test]
    fn counted_ids_must_exist_once() {
        let (found, messages) = check(r#"count = ["q1", "q2"]"#, r#"count = ["q1", "q22", "q1"]"#);
        assert!(found.contains(&error("missing-reference", "questions[2].count[1]")));
        assert!(found.contains(&error("duplicate-value", "questions[2].count[2]")));
        assert!(
            messages[0]
                .contains("« q22 », qui n'est pas une question (vouliez-vous dire « q2 » ?)"),
            "{messages:?}"
        );
        let (found, _) = check(r#"count = ["q1", "q2"]"#, "count = []");
        assert_eq!(found, [error("bad-kind", "questions[2].kind")]);
    }

    #[test]
    fn a_tally_has_no_choices_next_or_unit() {
        for extra in ["next = \"fin\"", "unit = \"critères\""] {
            let (found, _) = check(
                "count = [\"q1\", \"q2\"]",
                &format!("count = [\"q1\", \"q2\"]\n{extra}"),
            );
            assert_eq!(found, [error("bad-kind", "questions[2].kind")], "{extra}");
        }
        // And only a tally counts.
        let (found, _) = check("help = \"Aide.\"", "help = \"Aide.\"\ncount = [\"q2\"]");
        assert_eq!(found, [error("bad-kind", "questions[0].kind")]);
    }

    #[test]
    fn ranges_are_checked_like_number_ranges() {
        let (found, _) = check(
            "min = 1\nlabel = \"un ou plus\"",
            "min = 2\nlabel = \"deux\"",
        );
        assert_eq!(found, [error("range-gap", "questions[2].ranges[1].min")]);
        let (found, _) = check("below = 1\nlabel = \"aucun\"", "label = \"aucun\"");
        assert_eq!(
            found,
            [error("range-overlap", "questions[2].ranges[1].min")]
        );
    }

    #[test]
    fn a_range_above_the_number_of_counted_questions_is_never_taken() {
        let (found, _) = check(
            "min = 1\nlabel = \"un ou plus\"\nnext = \"fin\"",
            "min = 1\nbelow = 3\nlabel = \"un ou deux\"\nnext = \"fin\"\n[[questions.ranges]]\nmin = 3\nlabel = \"trois\"\nnext = \"fin\"",
        );
        assert_eq!(
            found,
            [(
                Severity::Warning,
                "unreachable".to_owned(),
                "questions[2].ranges[2].min".to_owned()
            )]
        );
    }

    #[test]
    fn a_counted_question_asked_after_the_tally_is_never_counted() {
        // q1 → total → q2 → fin: q2 comes too late to be counted.
        let (found, messages) = check_tree(
            &TREE
                .replace("next = \"q2\"", "next = \"total\"")
                .replace("next = \"total\"\n[[questions.choices]]\nvalue = \"non\"\nlabel = \"Non\"\nnext = \"total\"\n\n[[questions]]\nid = \"total\"",
                    "next = \"fin\"\n[[questions.choices]]\nvalue = \"non\"\nlabel = \"Non\"\nnext = \"fin\"\n\n[[questions]]\nid = \"total\"")
                .replace("next = \"fin\"\n[[questions.ranges]]\nmin = 1\nlabel = \"un ou plus\"\nnext = \"fin\"",
                    "next = \"q2\"\n[[questions.ranges]]\nmin = 1\nlabel = \"un ou plus\"\nnext = \"q2\""),
        );
        assert_eq!(
            found,
            [error("tally-order", "questions[2].count[1]")],
            "{messages:?}"
        );
        assert!(
            messages[0].contains("n'est jamais posée avant"),
            "{messages:?}"
        );
    }
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
    // The summary already says it: nothing more on stderr.
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn text_output_in_english_points_at_the_same_place() {
    let out = aiguillage()
        .args([
            "check",
            "--lang",
            "en",
            "tests/fixtures/broken/missing-reference.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = "\
error[missing-reference]: « fni » is neither a question nor an outcome
  --> tests/fixtures/broken/missing-reference.toml:22:8
   |
22 | next = \"fni\"
   |        ^^^^^

1 questionnaire(s) checked: 1 error(s), 0 warning(s)
";
    assert_eq!(stdout, expected);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
    // With JSON on stdout, one line on stderr says why the run failed.
    let out = aiguillage()
        .args(["check", "--lang", "en", "--format", "json"])
        .arg("tests/fixtures/broken/missing-reference.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: the questionnaire has errors\n"
    );
}

/// `check --format json --lang en`, as [`check_json`].
fn check_json_en(fixture: &str) -> (i32, Vec<Value>) {
    let out = aiguillage()
        .args([
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            &format!("tests/fixtures/broken/{fixture}"),
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap().clone();
    (out.status.code().unwrap(), diagnostics)
}

/// In English, every diagnostic of every fixture keeps its code, place and
/// severity: only the message changes, and it is in English.
#[test]
fn english_check_changes_only_the_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let place = |d: &Value| {
        let mut d = d.clone();
        d.as_object_mut().unwrap().remove("message");
        d
    };
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let (fr_status, fr) = check_json(&name);
        let (en_status, en) = check_json_en(&name);
        assert_eq!(fr_status, en_status, "{name}");
        assert_eq!(
            fr.iter().map(place).collect::<Vec<_>>(),
            en.iter().map(place).collect::<Vec<_>>(),
            "{name}"
        );
        for (f, e) in fr.iter().zip(&en) {
            let (f, e) = (
                f["message"].as_str().unwrap(),
                e["message"].as_str().unwrap(),
            );
            // A TOML syntax error is the reader's own English message.
            if e.starts_with("invalid basic string") {
                continue;
            }
            assert_ne!(f, e, "{name}: not translated");
            for french in [" :", " ;", " ?", "n'est", " pas ", " le ", " la "] {
                assert!(!e.contains(french), "{name}: « {french} » in « {e} »");
            }
        }
    }
}

#[test]
fn english_messages_of_some_checks() {
    let message = |fixture: &str, code: &str| {
        let (_, diagnostics) = check_json_en(fixture);
        let d = diagnostics
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{fixture}: no {code} in {diagnostics:#?}"));
        d["message"].as_str().unwrap().to_owned()
    };
    assert_eq!(
        message("misspelt-next.toml", "missing-reference"),
        "« q2x » is neither a question nor an outcome (did you mean « q2 »?)"
    );
    assert_eq!(
        message("misspelt-next.toml", "unreachable"),
        "question « q2 » is not reached by any path; so the 2 question(s) or outcome(s) below it are not reached either"
    );
    assert_eq!(
        message("unknown-field.toml", "parse"),
        "unknown field « titel » (allowed fields: id, kind, section, text, help, details, terms, choices, ranges, unit, next, count)"
    );
    assert!(
        message("missing-next.toml", "parse")
            .starts_with("missing required field « next »: every answer must lead somewhere"),
    );
    assert_eq!(
        message("range-gap.toml", "range-gap"),
        "« q1 »: no range covers the values from 10 to 20"
    );
    assert_eq!(
        message("missing-help.toml", "missing-help"),
        "question « q1 » has no help text"
    );
    assert_eq!(
        message("missing-short.toml", "missing-short"),
        "finding « f1 » has no short form (field `short`): the brief decision will show the first sentence of its text"
    );
    assert_eq!(
        message("short-too-long.toml", "short-too-long"),
        "the short form of finding « f1 » has 21 words (at most 20): it is one line of the brief decision"
    );
}

/// A questionnaire that does not load, outside `check`: the summary is in
/// the interface language too.
#[test]
fn invalid_questionnaire_summary_in_english() {
    let out = aiguillage()
        .args([
            "--lang",
            "en",
            "--questionnaire",
            "tests/fixtures/broken/range-gap.toml",
            "paths",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "error: invalid questionnaire (1 error, details: aiguillage check tests/fixtures/broken/range-gap.toml):\n\nerror[range-gap]: « q1 »: no range covers"
        ),
        "{stderr}"
    );
}

#[test]
fn builtin_questionnaires_are_clean() {
    let out = aiguillage()
        .args(["check", "--format", "json", "--today", "2026-12-15"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report:#}");
    // Warnings too: every term used, every finding added, every
    // obligation linked to Légifrance, every question with its help, every
    // duty, recommendation and warning with its short line. The
    // only ones left are the references nobody has checked against their
    // source yet (not an article of a code with its Légifrance id): they
    // say so until someone does.
    let warnings: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .collect();
    for w in &warnings {
        assert_eq!(w["code"], "undated-reference", "{w:#}");
        assert!(
            !w["message"].as_str().unwrap().contains("« crpa-"),
            "every CRPA article is dated: {w:#}"
        );
    }
    assert_eq!(out.status.code(), Some(0));
}

// ------------------------------------------ freshness of the references

/// `check --format json` with `args`; the exit code and the diagnostics.
fn check_args(args: &[&str]) -> (i32, Vec<Value>) {
    let out = aiguillage()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    (
        out.status.code().unwrap(),
        report["diagnostics"].as_array().unwrap().clone(),
    )
}

fn codes(diagnostics: &[Value]) -> Vec<(String, String)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_reference_checked_more_than_a_year_ago_is_stale() {
    // A year and a bit after the built-in check of 2026-12-01.
    let (status, diagnostics) = check_args(&["--today", "2027-12-15"]);
    assert_eq!(status, 0);
    let stale: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "stale-reference")
        .collect();
    assert!(!stale.is_empty());
    let first = stale[0];
    assert_eq!(first["file"], "questionnaires/articles.toml");
    assert!(
        first["path"].as_str().unwrap().ends_with(".checked"),
        "{first:#}"
    );
    assert!(first["line"].as_u64().unwrap() > 0);
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("il y a 379 jours (limite : 365)"),
        "{first:#}"
    );
    // The limit is the user's; the day is too.
    let (_, wider) = check_args(&["--today", "2027-12-15", "--stale-after", "400"]);
    assert!(!wider.iter().any(|d| d["code"] == "stale-reference"));
    aiguillage()
        .args(["check", "--today", "15/12/2027"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("« 15/12/2027 »"))
        .stderr(predicates::str::contains("--today"));
}

#[test]
fn check_legi_reports_past_repealed_and_unknown_versions() {
    let (status, diagnostics) = check_args(&[
        "tests/fixtures/legi/content",
        "--today",
        "2026-12-15",
        "--legi",
        "tests/fixtures/legi/LEGITEXT000000000001.json",
    ]);
    // A past version and a repealed article are errors.
    assert_eq!(status, 2);
    let found = codes(&diagnostics);
    for expected in [
        ("legi-past-version", "articles[1].url"),
        ("legi-repealed", "articles[2].url"),
        ("legi-unknown", "articles[3].url"),
        // A `legiarti` field is checked like an id in the link.
        ("legi-past-version", "articles[5].legiarti"),
        ("stale-reference", "articles[1].checked"),
        ("undated-reference", "articles[4].id"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {found:#?}"
        );
    }
    // The reference in force and the law (not a code) say nothing more.
    assert!(
        !found.iter().any(|(_, p)| p.starts_with("articles[0]")),
        "{found:#?}"
    );
    assert!(
        !found
            .iter()
            .any(|(c, p)| c.starts_with("legi-") && p.starts_with("articles[4]")),
        "{found:#?}"
    );
    let past = diagnostics
        .iter()
        .find(|d| d["code"] == "legi-past-version")
        .unwrap();
    let message = past["message"].as_str().unwrap();
    assert!(
        message.contains("LEGIARTI000000000201") && message.contains("LEGIARTI000000000202"),
        "names the current id: {message}"
    );
    assert!(message.contains("LEGI du 2026-08-20"), "{message}");
}

#[test]
fn check_legi_refuses_what_is_not_a_legi_dump() {
    aiguillage()
        .args(["check", "--legi", "tests/fixtures/legi/content/t.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("données LEGI illisibles"));
    aiguillage()
        .args(["check", "--legi", "publiccode.yml.absent"])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("vide.json");
    std::fs::write(
        &empty,
        r#"{"data": {"title": "Rien"}, "type": "code", "children": []}"#,
    )
    .unwrap();
    aiguillage()
        .args(["check", "--legi"])
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("aucun article"));
}

#[test]
fn a_legiarti_field_that_disagrees_with_the_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legi/content");
    for f in ["t.toml", "glossaire.toml"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let articles = std::fs::read_to_string(src.join("articles.toml"))
        .unwrap()
        .replacen(
            "checked = 2025-06-01",
            "checked = 2025-06-01\nlegiarti = \"LEGIARTI000000000202\"",
            1,
        );
    std::fs::write(dir.path().join("articles.toml"), articles).unwrap();
    let path = dir.path().to_str().unwrap().to_owned();
    let (status, diagnostics) = check_args(&[&path, "--today", "2026-12-15"]);
    assert_eq!(status, 2);
    assert!(
        codes(&diagnostics).contains(&("legiarti-mismatch".into(), "articles[1].legiarti".into())),
        "{diagnostics:#?}"
    );
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
        .stdout(predicates::str::contains("cycle.toml:33:8"));
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

#[test]
fn findings_that_replace_one_another_in_a_loop_are_an_error() {
    // On the « oui » path each would remove the other: none would stay.
    // Reported at the `replaces` entry that closes the loop (in f2).
    let d = expect(
        "replaces-cycle.toml",
        "replaces-cycle",
        "replaces-cycle.toml",
        37,
        13,
    );
    assert_eq!(d["path"], "findings[1].replaces[0]");
    assert!(
        d["message"].as_str().unwrap().contains("f1 → f2 → f1"),
        "{d}"
    );
}

// ------------------------------------------------------- consistency

/// `check --format json` on the files of a fixture of
/// `tests/fixtures/coherence/`: the one diagnostic with `code`, at its
/// place, with the answers of a path that shows it.
fn contradiction(files: &[&str], code: &str, file: &str, line: u64, column: u64) -> Value {
    let files: Vec<String> = files
        .iter()
        .map(|f| format!("tests/fixtures/coherence/{f}"))
        .collect();
    let out = aiguillage()
        .args(["check", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect();
    assert_eq!(found.len(), 1, "{files:?}: one « {code} » in {report:#?}");
    let d = found[0].clone();
    assert_eq!(
        (
            d["file"].as_str().unwrap(),
            d["line"].as_u64().unwrap(),
            d["column"].as_u64().unwrap()
        ),
        (
            format!("tests/fixtures/coherence/{file}").as_str(),
            line,
            column
        ),
        "{d:#?}"
    );
    let expected_status = if d["severity"] == "error" { 2 } else { 0 };
    assert_eq!(out.status.code(), Some(expected_status), "{files:?}");
    d
}

/// The reproducer a message carries, read back as an answers file.
fn reproducer(d: &Value) -> Value {
    let m = d["message"].as_str().unwrap();
    let start = m
        .find("{\"questionnaire\"")
        .unwrap_or_else(|| panic!("no reproducer: {m}"));
    let mut stream = serde_json::Deserializer::from_str(&m[start..]).into_iter::<Value>();
    stream.next().unwrap().unwrap()
}

#[test]
fn a_finding_that_excludes_another_on_the_same_path() {
    let d = contradiction(
        &["excludes-finding.toml"],
        "contradiction",
        "excludes-finding.toml",
        36,
        13,
    );
    assert_eq!(reproducer(&d)["answers"]["q1"], false, "{d}");
    assert!(
        d["message"].as_str().unwrap().contains("« facultatif »"),
        "{d}"
    );
}

#[test]
fn a_step_that_says_what_a_finding_of_its_path_excludes() {
    // Reported at the words of the step, which is what to change.
    let d = contradiction(
        &["excludes-says.toml"],
        "contradiction",
        "excludes-says.toml",
        46,
        3,
    );
    assert_eq!(reproducer(&d)["answers"]["q1"], false, "{d}");
}

#[test]
fn a_finding_that_presupposes_what_its_path_never_established() {
    let d = contradiction(&["requires.toml"], "unestablished", "requires.toml", 23, 13);
    assert_eq!(reproducer(&d)["answers"]["q1"], "commune", "{d}");
}

#[test]
fn a_rule_of_the_questionnaire() {
    let d = contradiction(&["rule.toml"], "unestablished", "rule.toml", 46, 13);
    assert!(d["message"].as_str().unwrap().contains("L311-6"), "{d}");
}

#[test]
fn a_verdict_that_disagrees_with_its_findings() {
    let must = contradiction(
        &["verdict-must.toml"],
        "verdict-findings",
        "verdict-must.toml",
        39,
        11,
    );
    assert_eq!(reproducer(&must)["answers"]["q1"], false);
    let none = contradiction(
        &["verdict-not-concerned.toml"],
        "verdict-findings",
        "verdict-not-concerned.toml",
        39,
        11,
    );
    assert_eq!(reproducer(&none)["answers"]["q1"], true);
}

#[test]
fn an_article_a_step_names_that_its_path_does_not_cite() {
    let d = contradiction(
        &["uncited-article.toml"],
        "uncited-article",
        "uncited-article.toml",
        42,
        15,
    );
    assert!(d["message"].as_str().unwrap().contains("L311-6"), "{d}");
    assert!(
        d["message"].as_str().unwrap().contains("2 chemin(s)"),
        "{d}"
    );
}

#[test]
fn a_text_that_points_at_a_place_on_the_page() {
    contradiction(
        &["positional.toml"],
        "positional-reference",
        "positional.toml",
        42,
        15,
    );
}

#[test]
fn a_condition_that_tests_an_answer_instead_of_a_finding() {
    contradiction(
        &["condition-on-answer.toml"],
        "condition-on-answer",
        "condition-on-answer.toml",
        42,
        52,
    );
}

#[test]
fn a_step_no_path_shows() {
    contradiction(
        &["never-shown.toml"],
        "never-shown",
        "never-shown.toml",
        43,
        3,
    );
}

#[test]
fn a_document_that_drafts_what_a_finding_of_its_path_excludes() {
    // At the very words of the template's body.
    let d = contradiction(
        &["document/questionnaire.toml", "document/modeles"],
        "contradiction",
        "document/modeles/mention.toml",
        12,
        47,
    );
    assert_eq!(reproducer(&d)["answers"]["q1"], false, "{d}");
}

#[test]
fn the_built_in_content_is_consistent_on_every_path() {
    let out = aiguillage()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let coherence = [
        "contradiction",
        "unestablished",
        "verdict-findings",
        "uncited-article",
        "never-shown",
        "coherence-incomplete",
        "positional-reference",
        "condition-on-answer",
    ];
    let found: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| coherence.contains(&d["code"].as_str().unwrap()))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    assert_eq!(out.status.code(), Some(0));
}
