//! End-to-end tests of the binary for scripting: `--answers` in text, JSON,
//! Markdown and link formats, missing answers without a terminal, and every
//! kind of bad input. Each asserts the exit code and what a user reads.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// Output as a reader sees it: the no-break spaces of French typography
/// read as spaces (the typography has its own tests).
fn plain(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace(['\u{a0}', '\u{202f}'], " ")
}

/// Expected text, set as the program sets its French (no-break spaces
/// before « : », inside « »…): the tests write it with plain spaces.
fn contains(expected: impl AsRef<str>) -> predicates::str::ContainsPredicate {
    predicates::str::contains(aiguillage::text::typography::typeset(expected.as_ref()).into_owned())
}

/// The binary with a clean environment: no colour, French, no terminal.
fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear().env("NO_COLOR", "1").env("TERM", "dumb");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/answers")
        .join(name)
}

/// Writes the answers part of a scenario file as a plain answers file.
fn answers_of(scenario: &str, dir: &Path) -> PathBuf {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/scenarios/{scenario}.json"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let answers =
        serde_json::json!({ "questionnaire": v["questionnaire"], "answers": v["answers"] });
    let out = dir.join(format!("{scenario}.json"));
    std::fs::write(&out, serde_json::to_string_pretty(&answers).unwrap()).unwrap();
    out
}

#[test]
fn text_decision_names_verdict_obligations_articles_and_guide() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("A1", dir.path());
    aiguillage()
        .arg("--answers")
        .arg(&file)
        .assert()
        .success()
        .stderr("")
        .stdout(contains("Obligation"))
        .stdout(contains("Ce que vous devez faire"))
        .stdout(contains("L311-3-1"))
        .stdout(contains("https://www.legifrance.gouv.fr/"))
        .stdout(contains("https://guides.etalab.gouv.fr/algorithmes/"))
        .stdout(contains("Pourquoi ?"))
        // No escape codes with NO_COLOR.
        .stdout(contains("\x1b[").not());
}

#[test]
fn json_decision_is_the_full_documented_structure() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("A2", dir.path());
    let out = aiguillage()
        .args(["--format", "json", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let d: serde_json::Value = serde_json::from_str(&plain(&out)).expect("stdout is JSON");
    assert_eq!(d["questionnaire"]["id"], "accueil");
    assert_eq!(d["decided_by"]["id"], "algorithmes");
    assert_eq!(d["outcome"]["verdict"], "must");
    assert!(d["path"][0]["question"] == "type_ressource");
    assert!(
        d["path"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["label"].is_string())
    );
    let findings = d["findings"].as_array().unwrap();
    // Every obligation carries at least one article with a Légifrance link
    // (or, for the few texts outside Légifrance, an official https link).
    for f in findings.iter().filter(|f| f["kind"] == "obligation") {
        let arts = f["articles"].as_array().unwrap();
        assert!(!arts.is_empty(), "obligation without article: {f}");
        assert!(
            arts.iter()
                .all(|a| a["url"].as_str().unwrap().starts_with("https://"))
        );
    }
    assert!(
        d["guides"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://guides.etalab.gouv.fr/")
    );
    assert_eq!(d["unused_answers"], serde_json::json!([]));
}

/// The JSON decision is for programs: the interface language changes
/// nothing in it, not even the labels of numbers and tallies. The text
/// decision, for people, does follow `--lang`.
#[test]
fn json_decision_is_the_same_whatever_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    // A number step (population) and a tally step (opening level).
    for scenario in ["D-population-3500", "S-niveau-quatre-criteres", "A3"] {
        let file = answers_of(scenario, dir.path());
        let run = |lang: &str, format: &str| {
            let out = aiguillage()
                .args(["--lang", lang, "--format", format, "--answers"])
                .arg(&file)
                .output()
                .unwrap();
            assert!(out.status.success(), "{scenario} --lang {lang}");
            plain(&out.stdout)
        };
        let (fr, en) = (run("fr", "json"), run("en", "json"));
        assert_eq!(fr, en, "{scenario}: the JSON decision changed with --lang");
        assert_ne!(run("fr", "text"), run("en", "text"), "{scenario}");
    }
    let file = answers_of("D-population-3500", dir.path());
    let text = |lang: &str| {
        let out = aiguillage()
            .args(["--lang", lang, "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        plain(&out.stdout)
    };
    // People read numbers the way their language writes them.
    assert!(text("fr").contains("3 500 ("), "{}", text("fr"));
    assert!(text("en").contains("3,500 ("), "{}", text("en"));
}

#[test]
fn link_format_prints_only_the_recommended_guide_links() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("S1", dir.path());
    let out = aiguillage()
        .args(["--format", "link", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = plain(&out);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(
            line.starts_with("https://guides.etalab.gouv.fr/logiciels/"),
            "{line}"
        );
    }
}

#[test]
fn markdown_format_has_sections_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("D1", dir.path());
    aiguillage()
        .args(["--format", "markdown", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("# "))
        .stdout(contains("## Pourquoi ?"))
        .stdout(contains("](https://www.legifrance.gouv.fr/"));
}

#[test]
fn answers_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("D3", dir.path());
    aiguillage()
        .args(["--answers", "-", "--format", "json"])
        .pipe_stdin(&file)
        .unwrap()
        .assert()
        .success()
        .stdout(contains("\"verdict\": \"not_yet\""));
}

#[test]
fn missing_answer_without_terminal_names_the_question_and_values() {
    refused("partial.json")
        .stdout("")
        .stderr(contains("réponse manquante pour « "))
        .stderr(contains("valeurs permises"));
}

#[test]
fn no_input_flag_fails_fast_even_with_a_terminal_possible() {
    aiguillage()
        .args(["--no-input", "--answers"])
        .arg(fixture("partial.json"))
        .assert()
        .code(2)
        .stderr(contains("réponse manquante"));
}

#[test]
fn no_answers_and_no_terminal_points_to_answers_flag() {
    // assert_cmd gives the child an empty, non-terminal stdin.
    aiguillage()
        .assert()
        .code(2)
        .stderr(contains("type_ressource"))
        .stderr(contains("--answers"));
}

#[test]
fn malformed_json_gives_file_line_and_column() {
    let file = fixture("malformed.json");
    aiguillage()
        .arg("--answers")
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("{}:4:", file.display())))
        .stderr(contains("\"donnees_acheve\": tru"))
        .stderr(contains("^"));
}

/// `aiguillage --answers tests/fixtures/answers/NAME`, refused with code 2.
fn refused(name: &str) -> assert_cmd::assert::Assert {
    aiguillage()
        .arg("--answers")
        .arg(fixture(name))
        .assert()
        .code(2)
}

#[test]
fn misspelt_question_id_suggests_the_right_one() {
    refused("misspelt.json")
        .stderr(contains("question inconnue « type_resource »"))
        .stderr(contains("vouliez-vous dire « type_ressource »"));
}

#[test]
fn value_not_among_choices_lists_the_allowed_ones() {
    refused("bad-value.json")
        .stderr(contains("« donees » n'est pas une réponse possible"))
        .stderr(contains("vouliez-vous dire « donnees » ?"))
        .stderr(contains("\"donnees\", \"algorithme\", \"code_source\""));
}

#[test]
fn wrong_value_type_is_refused() {
    refused("wrong-type.json").stderr(contains(
        "« type_ressource » attend une des valeurs de la liste",
    ));
}

#[test]
fn answers_the_path_never_reaches_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("extra.json");
    // D3 stops at « not finished »; an answer about algorithms is never asked.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(answers_of("D3", dir.path())).unwrap())
            .unwrap();
    v["answers"]["algo_administration"] = serde_json::json!("etat");
    std::fs::write(&file, v.to_string()).unwrap();
    aiguillage()
        .args(["--format", "json", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("non utilisée"))
        .stderr(contains("algo_administration"))
        .stdout(contains(
            "\"unused_answers\": [\n    \"algo_administration\"\n  ]",
        ));
}

#[test]
fn unknown_questionnaire_is_refused_with_suggestion() {
    aiguillage()
        .args(["--start", "donees", "--no-input"])
        .assert()
        .code(2)
        .stderr(contains("questionnaire inconnu « donees »"))
        .stderr(contains("vouliez-vous dire « donnees »"));
}

#[test]
fn missing_answers_file_is_a_clear_error() {
    aiguillage()
        .args(["--answers", "/nonexistent/r.json"])
        .assert()
        .code(2)
        .stderr(contains(
            "/nonexistent/r.json: fichier ou dossier introuvable",
        ));
}

#[test]
fn save_answers_writes_a_file_that_replays_to_the_same_decision() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("S4", dir.path());
    let saved = dir.path().join("saved.json");
    let first = aiguillage()
        .args(["--format", "json", "--answers"])
        .arg(&file)
        .arg("--save-answers")
        .arg(&saved)
        .output()
        .unwrap();
    assert!(first.status.success());
    let again = aiguillage()
        .args(["--format", "json", "--answers"])
        .arg(&saved)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(first.stdout, again.stdout);
}

#[test]
fn guides_lists_every_guide_with_its_chapters() {
    let out = aiguillage().arg("guides").output().unwrap();
    assert!(out.status.success());
    let text = plain(&out.stdout);
    for id in [
        "juridique",
        "qualite",
        "data.gouv.fr",
        "algorithmes",
        "logiciels",
        "reutilisation",
        "producteurs-schemas",
        "pseudonymisation",
    ] {
        assert!(
            text.contains(&format!("https://guides.etalab.gouv.fr/{id}/")),
            "{id}"
        );
    }
    assert!(text.contains("algorithmes/mention  "), "{text}");
    assert!(
        text.contains("version récente : https://code.gouv.fr/documentation/"),
        "{text}"
    );
}

#[test]
fn guide_link_of_a_chapter() {
    aiguillage()
        .args(["guides", "algorithmes/mention"])
        .assert()
        .success()
        .stdout("https://guides.etalab.gouv.fr/algorithmes/mention\n");
    aiguillage()
        .args(["guides", "algoritmes"])
        .assert()
        .code(2)
        .stderr(contains("vouliez-vous dire « algorithmes »"));
}

#[test]
fn help_documents_exit_codes() {
    aiguillage()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("130"))
        .stdout(contains("--answers"));
}

// ------------------------------------------------------------ snapshots
// What a user reads, whole: any change of wording, result or layout shows
// in review. Re-bless with `INSTA_UPDATE=always cargo test --test cli`.

fn stdout_of(args: &[&str], file: &Path) -> String {
    let out = aiguillage().args(args).arg(file).output().unwrap();
    assert!(out.status.success(), "{}", plain(&out.stderr));
    plain(&out.stdout)
}

fn stderr_of(args: &[&str]) -> String {
    let out = aiguillage().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Fixture paths differ between machines: keep only the file name.
    plain(&out.stderr).replace(
        &format!("{}/", fixture("").display()).replace("//", "/"),
        "",
    )
}

#[test]
fn snapshot_text_decision_a3() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("A3", dir.path());
    insta::assert_snapshot!(stdout_of(&["--answers"], &file));
}

#[test]
fn snapshot_json_decision_d2() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("D2", dir.path());
    insta::assert_snapshot!(stdout_of(&["--format", "json", "--answers"], &file));
}

#[test]
fn snapshot_markdown_decision_s4() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers_of("S4", dir.path());
    insta::assert_snapshot!(stdout_of(&["--format", "markdown", "--answers"], &file));
}

#[test]
fn snapshot_bad_input_messages() {
    let cases = [
        "malformed.json",
        "empty.json",
        "extra-key.json",
        "misspelt.json",
        "bad-value.json",
        "wrong-type.json",
        "partial.json",
    ];
    let all: String = cases
        .iter()
        .map(|c| {
            let path = fixture(c);
            format!(
                "$ aiguillage --answers {c}\n{}\n",
                stderr_of(&["--answers", path.to_str().unwrap()])
            )
        })
        .collect();
    insta::assert_snapshot!(all);
}

/// `--help` and usage errors in the interface language, clap's own words
/// included.
#[test]
fn help_and_usage_errors_speak_the_interface_language() {
    for args in [
        &["--help"][..],
        &["batch", "--help"],
        &["check", "--help"],
        &["help"],
    ] {
        let out = aiguillage().args(args).output().unwrap();
        let help = plain(&out.stdout);
        assert!(out.status.success(), "{args:?}");
        for english in [
            "Print help",
            "[default:",
            "Possible values",
            "Usage:",
            "Options:",
            "Commands:",
        ] {
            assert!(
                !help.contains(english),
                "{args:?}: « {english} » in\n{help}"
            );
        }
        assert!(help.contains("Utilisation :"), "{help}");
    }
    let help = aiguillage().arg("--help").output().unwrap().stdout;
    let help = plain(&help);
    assert!(help.contains("Valeurs : text"), "{help}");
    assert!(help.contains("Par défaut : text."), "{help}");
    assert!(help.contains("Affiche l'aide"), "{help}");

    aiguillage()
        .arg("--formt")
        .assert()
        .code(2)
        .stderr(contains(
            "option inconnue « --formt » — vouliez-vous dire « --format » ?",
        ));
    aiguillage()
        .args(["--format", "yaml"])
        .assert()
        .code(2)
        .stderr(contains("valeur « yaml » refusée").and(contains("text, json, markdown, link")));
    aiguillage().arg("chek").assert().code(2).stderr(contains(
        "commande inconnue « chek » — vouliez-vous dire « check » ?",
    ));

    let en = aiguillage()
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap()
        .stdout;
    let en = plain(&en);
    assert!(en.contains("Usage:") && en.contains("Print help"), "{en}");
    assert!(en.contains("Values: text (readable text"), "{en}");
    assert!(
        !en.contains("Affiche") && !en.contains("Texte lisible"),
        "{en}"
    );
    aiguillage()
        .args(["--lang", "en", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(contains("value « yaml » is not allowed"));
}
