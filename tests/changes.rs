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
use predicates::str::contains;
use serde_json::{Value, json};

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
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
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
    // Under 50 agents, and nothing answered for the paths above.
    let path = enumerate(&b, q)
        .into_iter()
        .find(|p| p.answers().get("donnees_etp") == Some(&Answer::Number(0.0)))
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
                // Each names a question of the path, and leads somewhere
                // else or says it cannot tell.
                assert!(
                    path.steps.iter().any(|s| s.question.id == c.question),
                    "{c:?}"
                );
                assert_ne!(c.outcome.as_deref(), Some(path.outcome.id.as_str()));
                assert!(c.outcome.is_some() != c.pending.is_some(), "{c:?}");
            }
        }
    }
}
