//! The maintainer's tools: `questions`, `paths`, `graph`, `schema`,
//! `completions`, `man`, and `--questionnaire` with a custom tree.
//!
//! Generated files committed to the repository (graphs, schemas) are
//! compared with what the program produces now. To update them after a
//! change: `AIGUILLAGE_BLESS=1 cargo test --test tools`, and for the
//! pictures `questionnaires/graphs/render.sh` (needs Graphviz). The paths
//! listings are insta snapshots: `INSTA_UPDATE=always cargo test --test
//! tools` or `cargo insta review`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use aiguillage::core::engine;
use aiguillage::core::model::AnswersFile;
use aiguillage::{Bundle, Evaluation};
use assert_cmd::Command;
use serde_json::Value;

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

const CUSTOM: &str = "tests/fixtures/custom";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env("LANG", "fr_FR.UTF-8");
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = aiguillage().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "aiguillage {args:?} failed: {}",
        plain(&out.stderr)
    );
    plain(&out.stdout)
}

/// The output byte for byte, for the files committed as it.
fn raw_stdout_of(args: &[&str]) -> String {
    let out = aiguillage().args(args).output().unwrap();
    assert!(out.status.success(), "aiguillage {args:?} failed");
    String::from_utf8(out.stdout).unwrap()
}

fn builtin() -> Bundle {
    Bundle::builtin().unwrap_or_else(|e| panic!("{e}"))
}

fn builtin_ids() -> Vec<String> {
    builtin()
        .questionnaires
        .iter()
        .map(|(_, q)| q.id.clone())
        .collect()
}

fn blessing() -> bool {
    std::env::var_os("AIGUILLAGE_BLESS").is_some_and(|v| v != "0")
}

/// Compares a committed file with what the program generates now, or
/// rewrites it when blessing.
fn compare_committed(path: &Path, generated: &str, how_to_update: &str) {
    if blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the program; update it with {how_to_update}",
        path.display()
    );
}

// ----------------------------------------------------------------- paths

#[test]
fn paths_listing_of_every_builtin_questionnaire() {
    let bundle = builtin();
    for id in builtin_ids() {
        if let Some(targets) = router_targets(&bundle, &id) {
            // A router's listing is the listings of the trees it leads to,
            // each path with one step in front: snapshotting it would
            // double the snapshots for nothing. Its count must add up.
            let count = |q: &str| {
                aiguillage::tools::paths::enumerate(&bundle, bundle.questionnaire(q).unwrap()).len()
            };
            assert_eq!(
                count(&id),
                targets.iter().map(|t| count(t)).sum::<usize>(),
                "{id}"
            );
            continue;
        }
        let listing = stdout_of(&["paths", &id]);
        insta::assert_snapshot!(format!("paths_{id}"), listing);
    }
}

/// When every answer to the first question of `id` jumps to the start of
/// another questionnaire, those questionnaires.
fn router_targets(bundle: &aiguillage::Bundle, id: &str) -> Option<Vec<String>> {
    let q = bundle.questionnaire(id)?;
    let start = bundle.question(&q.start)?;
    start
        .choices
        .iter()
        .map(|c| c.branch.next.strip_prefix('@').map(str::to_owned))
        .collect()
}

/// Each listed path, replayed as an answers file through the engine,
/// reaches the listed outcome with the listed findings.
#[test]
fn every_listed_path_is_what_the_engine_decides() {
    let bundle = builtin();
    for (_, q) in &bundle.questionnaires {
        let paths = aiguillage::tools::paths::enumerate(&bundle, q);
        assert!(!paths.is_empty(), "{}: no path", q.id);
        for p in &paths {
            // Worked-out steps (tallies) are not answers.
            let answers = p.answers();
            let decision = match engine::evaluate(&bundle, q, &answers) {
                Ok(Evaluation::Done(d)) => d,
                other => panic!("{}: {answers:?} gives {other:?}", q.id),
            };
            assert_eq!(decision.outcome.id, p.outcome.id, "{answers:?}");
            let found: Vec<&str> = decision.findings.iter().map(|f| f.id.as_str()).collect();
            assert_eq!(found, p.findings, "{answers:?}");
            // The same steps, a tally worked out to the same count.
            let steps: Vec<(&str, &aiguillage::core::model::Answer)> = decision
                .path
                .iter()
                .map(|s| (s.question.as_str(), &s.answer))
                .collect();
            let listed: Vec<(&str, &aiguillage::core::model::Answer)> = p
                .steps
                .iter()
                .map(|s| (s.question.id.as_str(), &s.edge.answer))
                .collect();
            assert_eq!(steps, listed, "{answers:?}");
        }
    }
}

#[test]
fn paths_json_gives_ready_made_answers() {
    let out = stdout_of(&["--questionnaire", CUSTOM, "paths", "--format", "json"]);
    let paths: Vec<Value> = serde_json::from_str(&out).unwrap();
    let outcomes: Vec<&str> = paths
        .iter()
        .map(|p| p["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        [
            "demo_publier",
            "demo_sur_demande",
            "demo_publier",
            "demo_sur_demande",
            "demo_pas_encore"
        ]
    );
    let first = &paths[0];
    assert_eq!(first["verdict"], "must");
    assert_eq!(
        first["answers"],
        serde_json::json!({"demo_nom": "", "demo_acheve": true, "demo_agents": 0, "demo_format": "tableur"})
    );
    assert_eq!(
        paths[2]["findings"],
        serde_json::json!(["demo_publier_en_ligne"])
    );
    // Each `answers` is an answers file the main command accepts.
    let file = serde_json::json!({"answers": paths[3]["answers"]}).to_string();
    decide_custom_json(file)
        .success()
        .stdout(contains("\"demo_sur_demande\""));
}

/// The JSON decision of the custom tree for an answers file on stdin.
fn decide_custom_json(file: impl Into<Vec<u8>>) -> assert_cmd::assert::Assert {
    aiguillage()
        .args([
            "--questionnaire",
            CUSTOM,
            "--answers",
            "-",
            "--format",
            "json",
        ])
        .write_stdin(file)
        .assert()
}

#[test]
fn paths_text_of_a_custom_tree() {
    let out = stdout_of(&["--questionnaire", CUSTOM, "paths"]);
    assert!(
        out.starts_with("demo — Démonstration : 5 chemins\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "3. demo_publier [must] Publiez-le\n   demo_nom = \"\" → demo_acheve = true → demo_agents = 50 → demo_format = \"tableur\"\n   constats : demo_publier_en_ligne\n"
        ),
        "{out}"
    );
}

#[test]
fn paths_listing_follows_the_interface_language() {
    let out = stdout_of(&["--questionnaire", CUSTOM, "paths", "--lang", "en"]);
    assert!(out.starts_with("demo — Démonstration: 5 paths\n"), "{out}");
    assert!(
        out.contains(
            "3. demo_publier [must] Publiez-le\n   demo_nom = \"\" → demo_acheve = true → demo_agents = 50 → demo_format = \"tableur\"\n   findings: demo_publier_en_ligne\n"
        ),
        "{out}"
    );
    let tally = stdout_of(&["--questionnaire", TALLY, "paths", "--lang", "en"]);
    assert!(
        tally.starts_with("compte — Décompte: 12 paths\n"),
        "{tally}"
    );
    assert!(
        tally.contains("compte_c = false → compte_total = 1 (worked out)\n"),
        "{tally}"
    );
}

#[test]
fn unknown_questionnaire_is_a_usage_error() {
    for cmd in ["paths", "graph", "questions"] {
        aiguillage()
            .args([cmd, "donees"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("vouliez-vous dire « donnees »"));
    }
}

// ------------------------------------------------------------- questions

#[test]
fn questions_lists_ids_values_and_where_they_are_asked() {
    let out = stdout_of(&["--questionnaire", CUSTOM, "questions"]);
    let expected = "\
demo — Démonstration

  demo_nom — texte
    Quel est le nom du document ?
    partie : Document
    valeurs :
      texte libre  texte libre
    posée après : début du questionnaire « demo »

  demo_acheve — oui/non
    Le document est-il achevé ?
    partie : Document
    valeurs :
      true   Oui
      false  Non, il est en cours de rédaction
    posée après : demo_nom = \"\"

  demo_agents — nombre, en agents (ETP)
    Combien d'agents compte l'organisme, en équivalents temps plein ?
    partie : Organisme
    valeurs :
      [0 ; 50[  Moins de 50
      [50 ; ∞[  50 ou plus
    posée après : demo_acheve = true

  demo_format — choix
    Sous quelle forme le document existe-t-il ?
    partie : Document
    valeurs :
      \"tableur\"  Un tableur ou une base de données
      \"papier\"   Seulement sur papier
    posée après : demo_agents (toute réponse)
";
    assert_eq!(out, expected);
}

/// The same listing with `--lang en`: the labels are in English, the
/// questions and answers (content) stay in French.
#[test]
fn questions_listing_follows_the_interface_language() {
    let out = stdout_of(&["--questionnaire", CUSTOM, "questions", "--lang", "en"]);
    let expected = "\
demo — Démonstration

  demo_nom — text
    Quel est le nom du document ?
    section: Document
    values:
      free text  free text
    asked after: start of questionnaire « demo »

  demo_acheve — yes/no
    Le document est-il achevé ?
    section: Document
    values:
      true   Oui
      false  Non, il est en cours de rédaction
    asked after: demo_nom = \"\"

  demo_agents — number, in agents (ETP)
    Combien d'agents compte l'organisme, en équivalents temps plein ?
    section: Organisme
    values:
      [0, 50)  Moins de 50
      [50, ∞)  50 ou plus
    asked after: demo_acheve = true

  demo_format — choice
    Sous quelle forme le document existe-t-il ?
    section: Document
    values:
      \"tableur\"  Un tableur ou une base de données
      \"papier\"   Seulement sur papier
    asked after: demo_agents (any answer)
";
    assert_eq!(out, expected);
    let tally = stdout_of(&["--questionnaire", TALLY, "questions", "--lang", "en"]);
    assert!(
        tally.contains(
            "  compte_total — worked out, never asked
    Nombre de critères remplis
    section: Critères
    counts the « yes » answers to: compte_a, compte_b, compte_c
"
        ),
        "{tally}"
    );
    assert!(
        tally.contains("asked after: compte_total: « deux critères ou plus »"),
        "{tally}"
    );
    let skeleton = stdout_of(&[
        "--questionnaire",
        CUSTOM,
        "questions",
        "--skeleton",
        "--lang",
        "en",
    ]);
    assert!(
        skeleton.contains(r#""demo_agents": "<number, in agents (ETP)> Combien d'agents"#),
        "{skeleton}"
    );
    assert!(
        skeleton.contains(r#""demo_nom": "<free text> Quel"#),
        "{skeleton}"
    );
}

#[test]
fn questions_json_covers_every_builtin_question() {
    let out = stdout_of(&["questions", "--format", "json"]);
    let list: Vec<Value> = serde_json::from_str(&out).unwrap();
    let listed: BTreeSet<&str> = list.iter().map(|q| q["id"].as_str().unwrap()).collect();
    let bundle = builtin();
    let all: BTreeSet<&str> = bundle.question_ids().collect();
    assert_eq!(listed, all);
    for q in &list {
        assert!(!q["values"].as_array().unwrap().is_empty(), "{q}");
        let reached = q["starts"] == true || !q["reached_from"].as_array().unwrap().is_empty();
        assert!(reached, "{} is asked after nothing", q["id"]);
    }
}

#[test]
fn questions_of_one_questionnaire() {
    let out = stdout_of(&["questions", "accueil", "--format", "json"]);
    let list: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(list.iter().all(|q| q["questionnaire"] == "accueil"));
    assert_eq!(list[0]["id"], "type_ressource");
}

#[test]
fn skeleton_is_an_answers_file_with_every_question_in_tree_order() {
    let out = stdout_of(&["--questionnaire", CUSTOM, "questions", "--skeleton"]);
    let expected = r#"{
  "questionnaire": "demo",
  "answers": {
    "demo_nom": "<texte libre> Quel est le nom du document ?",
    "demo_acheve": "<true | false> Le document est-il achevé ?",
    "demo_agents": "<nombre, en agents (ETP)> Combien d'agents compte l'organisme, en équivalents temps plein ?",
    "demo_format": "<\"tableur\" | \"papier\"> Sous quelle forme le document existe-t-il ?"
  }
}
"#;
    assert_eq!(out, expected);
}

/// Every question comes after all the questions that can lead to it:
/// the population of a collectivité before the number of agents, which
/// every kind of body is asked.
#[test]
fn skeleton_order_follows_the_interview() {
    let out = stdout_of(&["questions", "donnees", "--skeleton"]);
    let at = |id: &str| {
        out.find(&format!("\"{id}\""))
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert!(at("donnees_organisme") < at("donnees_population"));
    assert!(at("donnees_population") < at("donnees_etp"));
    assert!(at("donnees_anonymisable") < at("donnees_categorie"));
}

#[test]
fn a_placeholder_left_in_a_skeleton_is_refused_with_the_allowed_values() {
    let skeleton = stdout_of(&["questions", "--skeleton"]);
    let file: AnswersFile = serde_json::from_str(&skeleton).unwrap();
    assert_eq!(file.questionnaire.as_deref(), Some("accueil"));
    let bundle = builtin();
    assert_eq!(
        file.answers
            .keys()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        bundle.asked_ids().collect::<BTreeSet<_>>()
    );
    // The built-in tally is worked out, never in a skeleton.
    assert!(!file.answers.contains_key("code_niveau"), "{skeleton}");
    assert!(bundle.question_ids().any(|id| id == "code_niveau"));
    aiguillage()
        .args(["--answers", "-", "--no-input"])
        .write_stdin(skeleton)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "valeurs permises : \"donnees\", \"algorithme\", \"code_source\"",
        ));
}

#[test]
fn skeleton_of_one_questionnaire_only_holds_its_questions() {
    let skeleton = stdout_of(&["questions", "algorithmes", "--skeleton"]);
    let file: AnswersFile = serde_json::from_str(&skeleton).unwrap();
    assert_eq!(file.questionnaire.as_deref(), Some("algorithmes"));
    assert!(
        file.answers.keys().all(|k| k.starts_with("algo_")),
        "{skeleton}"
    );
}

// ------------------------------------------------------------- tally

const TALLY: &str = "tests/fixtures/tally";

#[test]
fn questions_show_a_tally_as_worked_out_and_the_skeleton_leaves_it_out() {
    let out = stdout_of(&["--questionnaire", TALLY, "questions"]);
    assert!(
        out.contains(
            "  compte_total — calculé, jamais demandé
    Nombre de critères remplis
    partie : Critères
    compte les « oui » à : compte_a, compte_b, compte_c
    valeurs :
      [0 ; 1[  aucun critère
      [1 ; 2[  un seul critère
      [2 ; ∞[  deux critères ou plus
    calculé après : compte_c (toute réponse)
"
        ),
        "{out}"
    );
    assert!(
        out.contains("posée après : compte_total : « deux critères ou plus »"),
        "{out}"
    );
    let json: Vec<Value> = serde_json::from_str(&stdout_of(&[
        "--questionnaire",
        TALLY,
        "questions",
        "--format",
        "json",
    ]))
    .unwrap();
    let t = json.iter().find(|q| q["id"] == "compte_total").unwrap();
    assert_eq!(t["kind"], "tally");
    assert_eq!(
        t["count"],
        serde_json::json!(["compte_a", "compte_b", "compte_c"])
    );
    let skeleton = stdout_of(&["--questionnaire", TALLY, "questions", "--skeleton"]);
    let file: AnswersFile = serde_json::from_str(&skeleton).unwrap();
    let keys: Vec<&str> = file.answers.keys().map(String::as_str).collect();
    assert_eq!(keys, ["compte_a", "compte_b", "compte_c", "compte_suite"]);
}

#[test]
fn paths_work_a_tally_out_instead_of_branching_on_it() {
    let out = stdout_of(&["--questionnaire", TALLY, "paths"]);
    // 2³ answers to the criteria, and compte_suite's two answers when two
    // or more are met (4 of the 8): 12 paths, not 8 × 3 ranges.
    assert!(
        out.starts_with(
            "compte — Décompte : 12 chemins
"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "   compte_a = false → compte_b = true → compte_c = false → compte_total = 1 (calculé)
"
        ),
        "{out}"
    );
    let paths: Vec<Value> = serde_json::from_str(&stdout_of(&[
        "--questionnaire",
        TALLY,
        "paths",
        "--format",
        "json",
    ]))
    .unwrap();
    for p in &paths {
        assert!(p["answers"].get("compte_total").is_none(), "{p}");
        let t = p["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["question"] == "compte_total")
            .unwrap();
        assert_eq!(t["computed"], true);
    }
    assert_eq!(
        paths[0]["steps"][3]["label"],
        "3 sur 3 (deux critères ou plus)"
    );
}

#[test]
fn graphs_draw_a_tally_as_a_hexagon_with_its_ranges_on_the_arrows() {
    let dot = stdout_of(&[
        "--questionnaire",
        TALLY,
        "graph",
        "compte",
        "--format",
        "dot",
    ]);
    assert!(
        dot.contains("\"compte_total\" [label=\"compte_total — calculé\\nNombre de critères remplis\", shape=hexagon"),
        "{dot}"
    );
    assert!(
        dot.contains("\"compte_total\" -> \"compte_un\" [label=\"un seul critère\"];"),
        "{dot}"
    );
    let m = stdout_of(&["--questionnaire", TALLY, "graph", "compte"]);
    assert!(
        m.contains(
            "  compte_total{{\"<b>compte_total — calculé</b><br/>Nombre de critères remplis\"}}\n"
        ),
        "{m}"
    );
    assert!(
        m.contains("  compte_total -->|\"aucun critère\"| compte_aucun\n"),
        "{m}"
    );
}

#[test]
fn an_answers_file_that_answers_a_tally_is_refused() {
    let file = r#"{"answers": {"compte_a": true, "compte_b": false, "compte_c": true, "compte_total": 2}}"#;
    aiguillage()
        .args(["--questionnaire", TALLY, "--answers", "-", "--no-input"])
        .write_stdin(file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("« compte_total » est calculé, pas demandé"));
    // The built-in one, by its id.
    aiguillage()
        .args(["--answers", "-", "--no-input"])
        .write_stdin(r#"{"questionnaire": "code_source", "answers": {"code_niveau": 1}}"#)
        .assert()
        .code(2)
        .stderr(contains("« code_niveau » est calculé, pas demandé"));
}

#[test]
fn the_tally_fixture_is_clean() {
    aiguillage()
        .args(["--questionnaire", TALLY, "check"])
        .assert()
        .success()
        .stdout(contains("0 erreur(s), 0 avertissement(s)"));
}

// ------------------------------------------------------------ graphs

fn graphs_dir() -> PathBuf {
    root().join("questionnaires/graphs")
}

#[test]
fn committed_graphs_match_the_trees() {
    let how = "questionnaires/graphs/render.sh (or AIGUILLAGE_BLESS=1 cargo test --test tools, then render the SVG)";
    for id in builtin_ids() {
        let dot = raw_stdout_of(&["graph", &id, "--format", "dot"]);
        compare_committed(&graphs_dir().join(format!("{id}.dot")), &dot, how);
    }
}

/// Node ids and arrows of a DOT file, or of the SVG Graphviz made from it
/// (its `<title>` elements).
fn dot_elements(dot: &str) -> BTreeSet<String> {
    dot.lines()
        .filter_map(|l| {
            let l = l.trim();
            let name = |s: &str| s.trim().trim_matches('"').to_owned();
            let head = l.split(" [").next()?;
            if !l.starts_with('"') || head.contains(" -> \"legende") {
                return None;
            }
            Some(match head.split_once(" -> ") {
                Some((a, b)) => format!("{}->{}", name(a), name(b)),
                None => name(head),
            })
        })
        .filter(|e| !e.starts_with("legende_"))
        .collect()
}

fn svg_elements(svg: &str) -> BTreeSet<String> {
    svg.split("<title>")
        .skip(1)
        .filter_map(|s| s.split("</title>").next())
        .map(|t| t.replace("&#45;&gt;", "->"))
        .filter(|t| !t.starts_with("legende_") && !t.starts_with("cluster"))
        .collect()
}

#[test]
fn committed_pictures_show_the_committed_graphs() {
    for id in builtin_ids() {
        let dot =
            std::fs::read_to_string(graphs_dir().join(format!("{id}.dot"))).unwrap_or_default();
        let svg =
            std::fs::read_to_string(graphs_dir().join(format!("{id}.svg"))).unwrap_or_default();
        let mut expected = dot_elements(&dot);
        expected.insert(id.clone());
        assert_eq!(
            svg_elements(&svg),
            expected,
            "questionnaires/graphs/{id}.svg does not show {id}.dot: run questionnaires/graphs/render.sh"
        );
    }
}

#[test]
fn graph_dot_colours_outcomes_and_labels_answers() {
    let dot = stdout_of(&[
        "--questionnaire",
        CUSTOM,
        "graph",
        "demo",
        "--format",
        "dot",
    ]);
    assert!(dot.starts_with("digraph \"demo\" {\n"), "{dot}");
    assert!(dot.contains(
        "\"demo_publier\" [label=\"demo_publier — obligation\\nPubliez-le\", style=\"rounded,filled\", fillcolor=\"#ffd8a8\""
    ), "{dot}");
    assert!(dot.contains("\"demo_acheve\" -> \"demo_pas_encore\" [label=\"Non, il est en cours de\\nrédaction\"];"), "{dot}");
    assert!(dot.contains("\"demo_agents\" [label=\"demo_agents\\nCombien d'agents compte\\nl'organisme, en équivalents temps\\nplein ?\"];"), "{dot}");
}

#[test]
fn graph_mermaid_is_a_flowchart_with_verdict_classes() {
    let m = stdout_of(&["--questionnaire", CUSTOM, "graph", "demo"]);
    assert!(m.contains("flowchart TD\n"), "{m}");
    assert!(
        m.contains("  demo_acheve -->|\"Oui\"| demo_agents\n"),
        "{m}"
    );
    assert!(m.contains("  demo_pas_encore([\"<b>demo_pas_encore — pas encore</b><br/>Attendez qu'il soit achevé\"])\n"), "{m}");
    assert!(m.contains("  class demo_pas_encore not_yet\n"), "{m}");
}

/// The words around the content follow the interface language; titles,
/// questions and answers stay in French.
#[test]
fn graph_legend_and_verdicts_follow_the_interface_language() {
    let dot = stdout_of(&["graph", "--format", "dot", "--lang", "en"]);
    assert!(
        dot.contains("label=\"Que détenez-vous ? (accueil 1.0.0, law as of "),
        "{dot}"
    );
    assert!(
        dot.contains("label=\"Outcomes\"; style=\"dashed\""),
        "{dot}"
    );
    assert!(
        dot.contains("\"legende_must\" [label=\"required\""),
        "{dot}"
    );
    let stub = stdout_of(&["graph", "accueil", "--format", "dot", "--lang", "en"]);
    assert!(
        stub.contains("label=\"questionnaire « donnees »\", shape=cds"),
        "{stub}"
    );
    let m = stdout_of(&["--questionnaire", TALLY, "graph", "--lang", "en"]);
    assert!(
        m.starts_with("---\ntitle: \"All questionnaires\"\n---\n"),
        "{m}"
    );
    assert!(m.contains("<b>compte_total — worked out</b>"), "{m}");
    assert!(
        m.contains("<b>compte_aucun — not concerned</b><br/>Aucun critère"),
        "{m}"
    );
}

#[test]
fn graph_of_one_questionnaire_draws_jumps_as_stubs() {
    let dot = stdout_of(&["graph", "accueil", "--format", "dot"]);
    assert!(
        dot.contains("\"type_ressource\" -> \"vers_donnees\""),
        "{dot}"
    );
    assert!(
        dot.contains("label=\"questionnaire « donnees »\", shape=cds"),
        "{dot}"
    );
}

#[test]
fn graph_of_everything_joins_the_questionnaires() {
    let bundle = builtin();
    let dot = stdout_of(&["graph", "--format", "dot"]);
    for (_, q) in &bundle.questionnaires {
        assert!(
            dot.contains(&format!("subgraph \"cluster_{}\"", q.id)),
            "{}",
            q.id
        );
    }
    let start = &bundle.questionnaire("donnees").unwrap().start;
    assert!(
        dot.contains(&format!("\"type_ressource\" -> \"{start}\"")),
        "{dot}"
    );
    assert!(!dot.contains("vers_"), "no stub when everything is drawn");
}

// ------------------------------------------------------------ schemas

#[test]
fn committed_schemas_match_the_types() {
    use aiguillage::tools::schema::SchemaKind;
    for kind in SchemaKind::ALL {
        let path = root()
            .join("questionnaires/schema")
            .join(aiguillage::tools::schema::file_name(kind));
        compare_committed(
            &path,
            &aiguillage::tools::schema::json(kind),
            "AIGUILLAGE_BLESS=1 cargo test --test tools",
        );
    }
}

#[test]
fn schema_command_prints_the_schemas() {
    let q: Value = serde_json::from_str(&stdout_of(&["schema", "questionnaire"])).unwrap();
    assert_eq!(q["title"], "Questionnaire");
    assert_eq!(q["definitions"]["GuideRef"]["type"], "string");
    let a: Value = serde_json::from_str(&stdout_of(&["schema", "answers"])).unwrap();
    assert_eq!(a["title"], "AnswersFile");
    assert!(a["properties"]["$schema"].is_object());
}

/// Checks `value` against the parts of a draft-07 `schema` that the
/// decision's schema uses: `$ref`, `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `enum`, `oneOf`/`anyOf`. Returns the
/// first mismatch, with where it is.
fn mismatch(root: &Value, schema: &Value, value: &Value, at: &str) -> Option<String> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/definitions/");
        return mismatch(root, &root["definitions"][name], value, at);
    }
    if let Some(all) = schema["allOf"].as_array()
        && let Some(m) = all.iter().find_map(|s| mismatch(root, s, value, at))
    {
        return Some(m);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema[key].as_array() {
            return options
                .iter()
                .all(|o| mismatch(root, o, value, at).is_some())
                .then(|| format!("{at}: matches none of {key}"));
        }
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(value)
    {
        return Some(format!("{at}: {value} not in {allowed:?}"));
    }
    if let Some(c) = schema.get("const")
        && c != value
    {
        return Some(format!("{at}: {value} is not {c}"));
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let fits = types.is_empty()
        || types.contains(&kind)
        || (kind == "integer" && types.contains(&"number"));
    if !fits {
        return Some(format!("{at}: {kind} is not {types:?}"));
    }
    match value {
        Value::Object(map) => {
            for r in schema["required"].as_array().into_iter().flatten() {
                if !map.contains_key(r.as_str().unwrap()) {
                    return Some(format!("{at}: « {r} » missing"));
                }
            }
            for (k, v) in map {
                match schema["properties"].get(k) {
                    Some(s) => {
                        if let Some(m) = mismatch(root, s, v, &format!("{at}.{k}")) {
                            return Some(m);
                        }
                    }
                    None if schema["additionalProperties"] == Value::Bool(false) => {
                        return Some(format!("{at}: « {k} » is not in the schema"));
                    }
                    None => {}
                }
            }
            None
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| mismatch(root, &schema["items"], v, &format!("{at}[{i}]"))),
        _ => None,
    }
}

#[test]
fn decisions_match_the_decision_schema() {
    let schema: Value = serde_json::from_str(&stdout_of(&["schema", "decision"])).unwrap();
    assert_eq!(schema["properties"]["format"]["type"], "integer");
    assert_eq!(
        schema["properties"]["format"]["const"],
        engine::DECISION_FORMAT
    );
    // Every key of the decision is in the schema, and closed objects
    // stay closed: a key added to the decision must reach the schema.
    let mut strict = schema.clone();
    close(&mut strict);
    let b = Bundle::builtin().unwrap();
    for q in ["donnees", "algorithmes", "code_source"] {
        let questionnaire = b.questionnaire(q).unwrap();
        for path in aiguillage::tools::paths::enumerate(&b, questionnaire) {
            let answers = path.answers();
            let Ok(Evaluation::Done(d)) = engine::evaluate(&b, questionnaire, &answers) else {
                panic!("{q}: a path that does not decide");
            };
            let mut value = serde_json::to_value(&*d).unwrap();
            if let Some(m) = mismatch(&strict, &strict, &value, "decision") {
                panic!("{q} {answers:?}: {m}");
            }
            // And the check would see a key the schema does not know.
            value["outcome"]["nouveau"] = Value::Bool(true);
            assert!(mismatch(&strict, &strict, &value, "decision").is_some());
        }
    }
}

/// Every object schema with properties, made closed (no other key).
fn close(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(close);
        }
        Value::Array(items) => items.iter_mut().for_each(close),
        _ => {}
    }
}

#[test]
fn schema_works_even_when_the_questionnaires_do_not_load() {
    aiguillage()
        .args([
            "--questionnaire",
            "tests/fixtures/broken/cycle.toml",
            "schema",
            "answers",
        ])
        .assert()
        .success();
}

#[test]
fn answers_files_may_name_their_schema() {
    let file = r#"{"$schema": "../questionnaires/schema/answers.schema.json", "questionnaire": "demo",
        "answers": {"demo_nom": "x", "demo_acheve": false}}"#;
    decide_custom_json(file)
        .success()
        .stdout(contains("\"demo_pas_encore\""));
}

#[test]
fn accueil_points_editors_at_the_committed_schema() {
    let accueil = std::fs::read_to_string(root().join("questionnaires/accueil.toml")).unwrap();
    assert!(
        accueil
            .lines()
            .any(|l| l == "#:schema ./schema/questionnaire.schema.json")
    );
    assert!(
        root()
            .join("questionnaires/schema/questionnaire.schema.json")
            .is_file()
    );
}

// ------------------------------------------------- completions and man

#[test]
fn completions_name_the_commands_and_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = stdout_of(&["completions", shell]);
        // Fish writes long flags without their dashes (`-l skeleton`).
        for word in ["questions", "paths", "graph", "questionnaire", "skeleton"] {
            assert!(out.contains(word), "{shell}: « {word} » missing");
        }
    }
}

#[test]
fn man_page_documents_every_command() {
    let out = stdout_of(&["man"]);
    assert!(
        out.starts_with(".ie") || out.contains(".TH aiguillage"),
        "{}",
        &out[..200]
    );
    for word in [
        "COMMANDE QUESTIONS",
        "COMMANDE PATHS",
        "COMMANDE GRAPH",
        "\\-\\-skeleton",
        "\\-\\-questionnaire",
    ] {
        assert!(out.contains(word), "« {word} » missing from the man page");
    }
    // Subcommands are in this page, not in pages of their own.
    assert!(
        !out.contains("aiguillage\\-guides(1)"),
        "points to a missing page"
    );
    // The exit codes keep one line each: a no-fill block.
    let extra = &out[out.find("CODES DE SORTIE").expect("an exit-code section")..];
    let block = &extra[extra.find(".nf\n").unwrap()..extra.find(".fi\n").unwrap()];
    assert!(
        block.contains("\n  130  interrompu (Ctrl\\-C)\n"),
        "{block}"
    );
}

// --------------------------------------------------- custom questionnaire

#[test]
fn a_custom_tree_from_a_folder_runs_end_to_end() {
    let file = r#"{"answers": {"demo_nom": "Registre", "demo_acheve": true, "demo_agents": 120, "demo_format": "tableur"}}"#;
    let out = aiguillage()
        .args([
            "--questionnaire",
            CUSTOM,
            "--answers",
            "-",
            "--format",
            "json",
        ])
        .write_stdin(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", plain(&out.stderr));
    let decision: Value = serde_json::from_str(&plain(&out.stdout)).unwrap();
    assert_eq!(decision["outcome"]["id"], "demo_publier");
    assert_eq!(decision["questionnaire"]["id"], "demo");
    let findings: Vec<&str> = decision["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(findings, ["demo_publier_en_ligne"]);
}

#[test]
fn a_custom_tree_from_a_file_replaces_the_builtin_ones() {
    aiguillage()
        .args([
            "--questionnaire",
            "tests/fixtures/custom/demo.toml",
            "questions",
            "accueil",
        ])
        .assert()
        .code(2)
        .stderr(contains("questionnaires : demo"));
}

#[test]
fn a_missing_custom_path_is_a_usage_error() {
    aiguillage()
        .args(["--questionnaire", "tests/fixtures/nope", "paths"])
        .assert()
        .code(2)
        .stderr(contains("tests/fixtures/nope"));
}
