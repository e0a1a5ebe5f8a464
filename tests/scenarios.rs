//! Every file of `tests/scenarios/` is an answers file plus the decision it
//! must lead to, run against the built-in questionnaires. One file per case
//! of SCENARIOS.md (D1…S7), and more for the paths it does not list.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use aiguillage::core::engine;
use aiguillage::core::model::{AnswersFile, Verdict};
use aiguillage::{Bundle, Evaluation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    scenario: String,
    description: String,
    #[serde(flatten)]
    input: AnswersFile,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    outcome: String,
    verdict: Verdict,
    #[serde(default)]
    findings: Vec<String>,
    #[serde(default)]
    absent_findings: Vec<String>,
    #[serde(default)]
    guides: Vec<String>,
    /// The articles (ids of articles.toml) the expected result rests on:
    /// the decision must cite each (a finding's or an answer's).
    #[serde(default)]
    articles: Vec<String>,
    /// Words the decision must show (title, summary, steps, findings).
    #[serde(default)]
    says: Vec<String>,
    /// Words it must not show.
    #[serde(default)]
    absent_says: Vec<String>,
}

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/scenarios exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Scenario {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs one scenario; returns what is wrong with its result.
fn run(bundle: &Bundle, s: &Scenario) -> Result<aiguillage::Decision, String> {
    let q = engine::find_questionnaire(bundle, s.input.questionnaire.as_deref())
        .map_err(|e| e.to_string())?;
    let decision = match engine::evaluate(bundle, q, &s.input.answers) {
        Err(errors) => {
            return Err(errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "));
        }
        Ok(Evaluation::Pending { question, .. }) => {
            return Err(format!("stops at unanswered question « {} »", question.id));
        }
        Ok(Evaluation::Done(d)) => *d,
    };
    let mut problems = Vec::new();
    if decision.outcome.id != s.expect.outcome {
        problems.push(format!(
            "outcome « {} », expected « {} »",
            decision.outcome.id, s.expect.outcome
        ));
    }
    if decision.outcome.verdict != s.expect.verdict {
        problems.push(format!(
            "verdict {:?}, expected {:?}",
            decision.outcome.verdict, s.expect.verdict
        ));
    }
    let found: BTreeSet<&str> = decision.findings.iter().map(|f| f.id.as_str()).collect();
    for f in &s.expect.findings {
        if !found.contains(f.as_str()) {
            problems.push(format!("missing finding « {f} »"));
        }
    }
    for f in &s.expect.absent_findings {
        if found.contains(f.as_str()) {
            problems.push(format!("unexpected finding « {f} »"));
        }
    }
    let guides: BTreeSet<&str> = decision.guides.iter().map(|g| g.id.as_str()).collect();
    for g in &s.expect.guides {
        if !guides.contains(g.as_str()) {
            problems.push(format!("guide « {g} » not recommended (got {guides:?})"));
        }
    }
    let cited: BTreeSet<&str> = decision
        .findings
        .iter()
        .flat_map(|f| f.articles.iter())
        .chain(decision.path.iter().flat_map(|p| p.articles.iter()))
        .map(|a| a.id.as_str())
        .collect();
    for a in &s.expect.articles {
        if !cited.contains(a.as_str()) {
            problems.push(format!("article « {a} » not cited (got {cited:?})"));
        }
    }
    let shown = {
        let mut t = format!(
            "{}\n{}\n{}",
            decision.outcome.title,
            decision.outcome.summary,
            decision.outcome.next_steps.join("\n")
        );
        for f in &decision.findings {
            t.push('\n');
            t.push_str(&f.text);
        }
        // The words as a reader sees them: the no-break spaces of French
        // typography read as spaces.
        t.replace(['\u{a0}', '\u{202f}'], " ")
    };
    for w in &s.expect.says {
        if !shown.contains(w.as_str()) {
            problems.push(format!("does not say « {w} »"));
        }
    }
    for w in &s.expect.absent_says {
        if shown.contains(w.as_str()) {
            problems.push(format!("says « {w} »"));
        }
    }
    if !decision.unused_answers.is_empty() {
        problems.push(format!(
            "answers never asked: {:?}",
            decision.unused_answers
        ));
    }
    if problems.is_empty() {
        Ok(decision)
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn every_scenario_reaches_its_expected_decision() {
    let bundle = Bundle::builtin().unwrap_or_else(|e| panic!("{e}"));
    let files = scenario_files();
    assert!(!files.is_empty(), "no scenario file");
    let mut failures = Vec::new();
    for path in &files {
        let s = load(path);
        assert!(
            !s.description.trim().is_empty(),
            "{}: empty description",
            path.display()
        );
        if let Err(why) = run(&bundle, &s) {
            failures.push(format!("{} ({}): {why}", path.display(), s.scenario));
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// SCENARIOS.md lists these cases; each must have its file.
#[test]
fn every_case_of_scenarios_md_has_a_file() {
    let names: BTreeSet<String> = scenario_files().iter().map(|p| load(p).scenario).collect();
    let cases = [
        "D1", "D2", "D3", "D4", "D5", "D6", "D7", "A1", "A2", "A3", "A4", "S1", "S2", "S3", "S4",
        "S5", "S6", "S7",
    ];
    let missing: Vec<&str> = cases
        .iter()
        .copied()
        .filter(|c| !names.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "cases without a scenario file: {missing:?}"
    );
}

/// A question or an outcome that no scenario reaches is content nobody
/// has checked: every node of every built-in tree must be covered.
#[test]
fn every_question_and_outcome_is_reached_by_a_scenario() {
    let bundle = Bundle::builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut reached = BTreeSet::new();
    for path in scenario_files() {
        if let Ok(d) = run(&bundle, &load(&path)) {
            reached.extend(d.path.iter().map(|s| s.question.clone()));
            reached.insert(d.outcome.id.clone());
        }
    }
    let mut missing = Vec::new();
    for (_, q) in &bundle.questionnaires {
        let ids = q
            .questions
            .iter()
            .map(|x| &x.id)
            .chain(q.outcomes.iter().map(|x| &x.id));
        missing.extend(ids.filter(|id| !reached.contains(*id)).cloned());
    }
    assert!(missing.is_empty(), "reached by no scenario: {missing:?}");
}
