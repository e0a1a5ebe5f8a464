//! Decisions that stay true as the content changes: what other answers
//! would change the outcome (`what_would_change`), answers files that
//! record the content they were given against, and `aiguillage diff`
//! between two copies of the questionnaires.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aiguillage::core::change;
use aiguillage::core::model::Answer;
use aiguillage::tools::paths::enumerate;
use aiguillage::{Bundle, Evaluation};
use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

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
    cmd.env_clear()
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The answers of a `donnees` path under 50 agents, with those of a path
/// at 50 or more kept beside them (never asked, so unused): moving the
/// number across the threshold then decides instead of asking more.
fn near_the_threshold(b: &Bundle) -> BTreeMap<String, Answer> {
    let q = b.questionnaire("donnees").unwrap();
    let paths = enumerate(b, q);
    let etp = |p: &aiguillage::tools::paths::Path<'_>| p.answers().get("donnees_etp").cloned();
    let above = paths
        .iter()
        .find(|p| etp(p) == Some(Answer::Number(50.0)))
        .expect("a path at 50 agents");
    let below = paths
        .iter()
        .find(|p| {
            etp(p) == Some(Answer::Number(0.0))
                && p.answers().get("donnees_organisme") == above.answers().get("donnees_organisme")
        })
        .expect("a path under 50 agents");
    let mut answers = above.answers();
    answers.extend(below.answers());
    answers.insert("donnees_etp".into(), Answer::Number(49.0));
    answers
}

fn write_answers(dir: &Path, questionnaire: &str, answers: &BTreeMap<String, Answer>) -> PathBuf {
    let path = dir.join("cas.json");
    let file = json!({ "questionnaire": questionnaire, "answers": answers });
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path
}

// ------------------------------------------------ what would change

#[test]
fn one_agent_more_crosses_the_threshold_and_the_decision_says_so() {
    let b = Bundle::builtin().unwrap();
    let q = b.questionnaire("donnees").unwrap();
    let answers = near_the_threshold(&b);
    let Ok(Evaluation::Done(d)) = aiguillage::evaluate(&b, q, &answers) else {
        panic!("the answers decide");
    };
    let changes = change::what_would_change(&b, q, &answers);
    let etp: Vec<_> = changes
        .iter()
        .filter(|c| c.question == "donnees_etp")
        .collect();
    assert_eq!(etp.len(), 1, "{changes:#?}");
    let c = etp[0];
    assert_eq!(c.answer, Answer::Number(50.0));
    let range = c.range.as_ref().unwrap();
    assert_eq!((range.min, range.below), (Some(50.0), None));
    // At 50, the answers kept beside decide: another outcome, named.
    let outcome = c.outcome.as_deref().expect("decided, not pending");
    assert_ne!(outcome, d.outcome.id);
    assert!(c.verdict.is_some() && c.pending.is_none());

    // The same, through the binary, in JSON and in words.
    let dir = tempfile::tempdir().unwrap();
    let file = write_answers(dir.path(), "donnees", &answers);
    let out = aiguillage()
        .args(["--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&plain(&out.stdout)).unwrap();
    let from_json = v["what_would_change"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["question"] == "donnees_etp")
        .unwrap()
        .clone();
    assert_eq!(from_json["answer"], 50);
    assert_eq!(
        from_json["range"],
        json!({"min": 50, "unit": "agents (ETP)"})
    );
    assert_eq!(from_json["outcome"], outcome);
    for format in ["markdown", "text"] {
        aiguillage()
            .args(["--detail", "--format", format, "--answers"])
            .arg(&file)
            .assert()
            .success()
            .stdout(contains("Ce qui changerait le résultat"))
            .stdout(contains("à partir de 50 agents (ETP)"));
    }
}

#[test]
fn the_default_text_leaves_it_to_detail() {
    let dir = tempfile::tempdir().unwrap();
    let b = Bundle::builtin().unwrap();
    let file = write_answers(dir.path(), "donnees", &near_the_threshold(&b));
    aiguillage()
        .arg("--answers")
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Ce qui changerait").not());
    aiguillage()
        .args(["--lang", "en", "--detail", "--answers"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("What would change the result"))
        .stdout(contains("from 50 agents (ETP)"));
}

#[test]
fn another_answer_that_needs_more_answers_is_said_to_depend_on_them() {
    let b = Bundle::builtin().unwrap();
    let q = b.questionnaire("donnees").unwrap();
    // Under 50 agents, no high-value data, and nothing answered for the
    // questions that only bodies above the thresholds are asked.
    let path = enumerate(&b, q)
        .into_iter()
        .find(|p| {
            let a = p.answers();
            a.get("donnees_etp") == Some(&Answer::Number(0.0))
                && a.get("donnees_forte_valeur") == Some(&Answer::Text("non".into()))
        })
        .unwrap();
    let changes = change::what_would_change(&b, q, &path.answers());
    let etp = changes
        .iter()
        .find(|c| c.question == "donnees_etp")
        .expect("50 or more leads elsewhere");
    assert!(etp.outcome.is_none() && etp.verdict.is_none(), "{etp:#?}");
    assert!(etp.pending.is_some(), "{etp:#?}");
}

#[test]
fn every_path_of_the_builtin_trees_says_what_would_change_it() {
    let b = Bundle::builtin().unwrap();
    for id in ["accueil", "donnees", "algorithmes", "code_source"] {
        let q = b.questionnaire(id).unwrap();
        for path in enumerate(&b, q) {
            let answers = path.answers();
            let changes = change::what_would_change(&b, q, &answers);
            for c in &changes {
                // Each names a question of the path, and leads to another
                // outcome or to other obligations, or says it cannot tell.
                assert!(
                    path.steps.iter().any(|s| s.question.id == c.question),
                    "{c:?}"
                );
                let other_obligations =
                    !c.obligations_added.is_empty() || !c.obligations_removed.is_empty();
                assert!(
                    c.outcome.as_deref() != Some(path.outcome.id.as_str()) || other_obligations,
                    "{c:?}"
                );
                assert!(c.outcome.is_some() != c.pending.is_some(), "{c:?}");
                assert_eq!(c.pending.is_some(), c.pending_question.is_some(), "{c:?}");
            }
        }
    }
}

// ------------------------------------------------------------- diff

/// A copy of the built-in questionnaires in a temporary folder, with
/// `edit` applied to `file`.
fn copy_with(edit: impl Fn(&str) -> String, file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap();
            let text = if name == file { edit(&text) } else { text };
            std::fs::write(dir.path().join(name), text).unwrap();
        }
    }
    dir
}

/// `donnees_etp` from « 50 or more » to « 40 or more »: the range below
/// ends at 40 and the one above starts there.
fn threshold_at_40(text: &str) -> String {
    let at = text.find("id = \"donnees_etp\"").unwrap();
    let (head, tail) = text.split_at(at);
    let tail = tail
        .replacen("below = 50", "below = 40", 1)
        .replacen("min = 50", "min = 40", 1);
    format!("{head}{tail}")
}

#[test]
fn diff_of_a_moved_threshold_names_the_cases_it_moves() {
    let copy = copy_with(threshold_at_40, "donnees.toml");
    let out = aiguillage()
        .args(["diff", "questionnaires", "--format", "json"])
        .arg(copy.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let d: Value = serde_json::from_str(&plain(&out.stdout)).unwrap();
    let changes = d["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    for c in changes {
        // Every case that changes has between 40 and 50 agents, and
        // goes from the « under the thresholds » side to the other.
        assert_eq!(c["common"]["donnees_etp"], 40, "{c:#}");
        assert!(
            c["paths"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["donnees_etp"] == 40)
        );
        assert!(
            c["findings_removed"]
                .as_array()
                .unwrap()
                .contains(&json!("donnees_non_soumis_etp")),
            "{c:#}"
        );
    }
    assert!(
        changes
            .iter()
            .any(|c| c["before"]["verdict"] == "may" && c["after"]["verdict"] == "must")
    );
    assert!(d["unchanged"].as_u64().unwrap() > 0);

    // The text says the same, in order, with the shared answer.
    aiguillage()
        .args(["diff", "questionnaires"])
        .arg(copy.path())
        .assert()
        .code(1)
        .stdout(contains("donnees_etp = 40"))
        .stdout(contains(
            "donnees_non_soumis [may] → donnees_publication_obligatoire [must]",
        ));
}

#[test]
fn diff_of_two_identical_copies_is_empty_and_exits_0() {
    let a = copy_with(str::to_owned, "");
    let b = copy_with(str::to_owned, "");
    aiguillage()
        .arg("diff")
        .arg(a.path())
        .arg(b.path())
        .assert()
        .code(0)
        .stdout(contains("aucun changement"));
    let out = aiguillage()
        .args(["diff", "--format", "json"])
        .arg(a.path())
        .arg(b.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let d: Value = serde_json::from_str(&plain(&out.stdout)).unwrap();
    assert_eq!(d["changes"], json!([]));
    assert_eq!(d["compared"], d["unchanged"]);
}

#[test]
fn diff_of_an_invalid_copy_is_bad_input() {
    // Only one bound moved: a gap between 40 and 50.
    let broken = copy_with(
        |t| {
            let at = t.find("id = \"donnees_etp\"").unwrap();
            format!(
                "{}{}",
                &t[..at],
                t[at..].replacen("below = 50", "below = 40", 1)
            )
        },
        "donnees.toml",
    );
    aiguillage()
        .args(["diff", "questionnaires"])
        .arg(broken.path())
        .assert()
        .code(2)
        .stderr(contains("range-gap"));
    aiguillage()
        .args(["diff", "questionnaires", "nulle-part"])
        .assert()
        .code(2);
}

#[test]
fn diff_documents_its_exit_codes() {
    aiguillage()
        .args(["diff", "--help"])
        .assert()
        .success()
        .stdout(contains("1    au moins un chemin change"));
    aiguillage()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("« aiguillage diff » sort avec 1"));
    aiguillage()
        .arg("man")
        .assert()
        .success()
        .stdout(contains("COMMANDE DIFF"))
        .stdout(contains("au moins un chemin change"));
}

// ------------------------------------------- versioned answers files

/// The README's example: a public body of 20 agents, a scoring grid, a
/// committee that decides.
const CAS: &str = r#"{
  "answers": {
    "type_ressource": "algorithme",
    "algo_administration": "autre_public",
    "algo_decision_individuelle": "personnes_morales",
    "algo_secret": "non",
    "algo_etp": 20,
    "algo_automatisation": "aide_decision",
    "algo_donnees_personnelles": false
  }
}"#;

/// Saves the README's case through `--save-answers` and returns the file.
fn saved_case(dir: &Path) -> PathBuf {
    let input = dir.join("cas.json");
    std::fs::write(&input, CAS).unwrap();
    let saved = dir.join("enregistre.json");
    aiguillage()
        .args(["--format", "link", "--answers"])
        .arg(&input)
        .arg("--save-answers")
        .arg(&saved)
        .assert()
        .success();
    saved
}

/// `text` with the first `from` after `anchor` replaced by `to`.
fn after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let at = text.find(anchor).unwrap_or_else(|| panic!("{anchor}"));
    format!("{}{}", &text[..at], text[at..].replacen(from, to, 1))
}

#[test]
fn saved_answers_record_what_they_were_given_against() {
    let dir = tempfile::tempdir().unwrap();
    let saved = saved_case(dir.path());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let g = &v["given_against"];
    assert_eq!(g["aiguillage"], env!("CARGO_PKG_VERSION"));
    let ids: Vec<&str> = g["questionnaires"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["accueil", "algorithmes"]);
    let b = Bundle::builtin().unwrap();
    for q in g["questionnaires"].as_array().unwrap() {
        let now = b.questionnaire(q["id"].as_str().unwrap()).unwrap();
        assert_eq!(q["version"], now.version.as_str());
        assert_eq!(q["sha256"].as_str().unwrap().len(), 64);
    }
    assert_eq!(g["outcome"], "algo_transparence_aide_decision");
    assert_eq!(g["questions"].as_object().unwrap().len(), 7);
    // Replayed against the same content: not a word on stderr.
    aiguillage()
        .args(["--strict", "--format", "link", "--answers"])
        .arg(&saved)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_saved_file_replayed_against_modified_content_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let saved = saved_case(dir.path());
    let copy = copy_with(
        |t| {
            let t = t.replacen(
                &format!("version = \"{}\"", algorithmes_version()),
                "version = \"99.0.0\"",
                1,
            );
            // Reworded; a value renamed; another answer now ends elsewhere.
            let t = after(
                &t,
                "id = \"algo_etp\"",
                "text = \"Combien d'agents",
                "text = \"Combien de personnes, en ETP, et d'agents",
            );
            let t = t.replacen("value = \"aide_decision\"", "value = \"aide\"", 1);
            after(
                &t,
                "value = \"autre_public\"",
                "next = \"algo_decision_individuelle\"",
                "next = \"algo_non_administration\"",
            )
        },
        "algorithmes.toml",
    );
    let out = aiguillage()
        .arg("--questionnaire")
        .arg(copy.path())
        .args(["--format", "link", "--answers"])
        .arg(&saved)
        .output()
        .unwrap();
    let stderr = plain(&out.stderr);
    for said in [
        &format!(
            "« algorithmes » : version {} → 99.0.0",
            algorithmes_version()
        ),
        "la question « algo_etp » a été reformulée",
        "« algo_automatisation » : la réponse \"aide_decision\" n'est plus possible",
    ] {
        assert!(stderr.contains(said), "{said}\n{stderr}");
    }
    // The renamed value is refused, as any wrong answer is.
    assert_eq!(out.status.code(), Some(2), "{stderr}");

    // Without the renamed value, the answers decide — elsewhere now.
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    file["answers"]["algo_automatisation"] = json!("aide");
    std::fs::write(&saved, file.to_string()).unwrap();
    aiguillage()
        .arg("--questionnaire")
        .arg(copy.path())
        .args(["--format", "link", "--answers"])
        .arg(&saved)
        .assert()
        .success()
        .stderr(contains(
            "l'issue était « algo_transparence_aide_decision », elle est maintenant « algo_non_administration »",
        ));
    // --strict makes it an error, before any decision.
    aiguillage()
        .arg("--questionnaire")
        .arg(copy.path())
        .args(["--strict", "--format", "link", "--answers"])
        .arg(&saved)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("erreur"))
        .stderr(contains("--save-answers"));
}

/// The version of the built-in algorithm tree, which the copies change.
fn algorithmes_version() -> String {
    Bundle::builtin()
        .unwrap()
        .questionnaire("algorithmes")
        .unwrap()
        .version
        .clone()
}

#[test]
fn a_new_version_that_changes_nothing_for_the_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let saved = saved_case(dir.path());
    let copy = copy_with(
        |t| {
            t.replacen(
                &format!("version = \"{}\"", algorithmes_version()),
                "version = \"99.0.1\"",
                1,
            )
        },
        "algorithmes.toml",
    );
    aiguillage()
        .arg("--questionnaire")
        .arg(copy.path())
        .args(["--format", "link", "--answers"])
        .arg(&saved)
        .assert()
        .success()
        .stderr(contains(format!(
            "version {} → 99.0.1",
            algorithmes_version()
        )))
        .stderr(contains("rien d'autre ne change"));
}

#[test]
fn old_files_without_the_record_stay_readable_and_batches_accept_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("ancien.json");
    std::fs::write(&old, CAS).unwrap();
    aiguillage()
        .args(["--strict", "--format", "link", "--answers"])
        .arg(&old)
        .assert()
        .success()
        .stderr("");
    // A saved file, on one line, is a batch line like any other.
    let saved = saved_case(dir.path());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let line = serde_json::to_string(&v).unwrap();
    aiguillage()
        .args(["batch", "--input", "jsonl"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success()
        .stdout(contains("algo_transparence_aide_decision"));
}

#[test]
fn other_answers_that_lead_to_other_questionnaires_are_followed() {
    // An answers run decodes only the questionnaires its answers need;
    // what would change reaches the others all the same.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cas.json");
    std::fs::write(&file, CAS).unwrap();
    let out = aiguillage()
        .args(["--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let d: Value = serde_json::from_str(&plain(&out.stdout)).unwrap();
    let changes = d["what_would_change"].as_array().unwrap();
    let to_data = changes
        .iter()
        .find(|c| c["question"] == "type_ressource" && c["answer"] == "donnees")
        .expect("the data tree, from the algorithms' answers");
    assert_eq!(to_data["pending"], "donnees_organisme");
    assert!(
        changes
            .iter()
            .any(|c| c["question"] == "algo_administration" && c["verdict"] == "not_concerned"),
        "{changes:#?}"
    );
    // And the HTML report says it in French, with its place in the contents.
    let html = aiguillage()
        .args(["--lang", "en", "--format", "html", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    let page = plain(&html.stdout);
    assert!(page.contains("<a href=\"#changerait\">Ce qui changerait le résultat</a>"));
    assert!(page.contains("<h2 id=\"changerait\">Ce qui changerait le résultat</h2>"));
    assert!(
        page.contains("dépend d&#39;autres réponses") || page.contains("dépend d'autres réponses")
    );
}
