//! One decision, one voice: everything a decision shows — summary, next
//! steps, « ce qui changerait le résultat », citations — follows from its
//! outcome and its findings, and never contradicts them. One test per way
//! the texts used to drift from the reasoning.

use std::collections::BTreeMap;

use aiguillage::Bundle;
use aiguillage::core::change::what_would_change;
use aiguillage::core::engine::{self, Decision, Evaluation};
use aiguillage::core::model::Answer;
use aiguillage::output::text::{Look, NO_WRAP, text};
use aiguillage::text::glyphs::ASCII;
use aiguillage::text::i18n::FR;
use assert_cmd::Command;

fn bundle() -> Bundle {
    Bundle::builtin().unwrap()
}

fn answers(json: &str) -> BTreeMap<String, Answer> {
    serde_json::from_str(json).unwrap()
}

fn decide(b: &Bundle, json: &str) -> Decision {
    let a = answers(json);
    match engine::evaluate(b, b.default_questionnaire(), &a).unwrap() {
        Evaluation::Done(d) => *d,
        Evaluation::Pending { question, .. } => panic!("{} unanswered", question.id),
    }
}

fn brief(d: &Decision) -> String {
    let look = Look {
        texts: &FR,
        glyphs: &ASCII,
        width: NO_WRAP,
        detail: false,
    };
    text(d, look)
}

/// Everything a decision says of its own: summary and next steps.
fn written(d: &Decision) -> String {
    format!("{}\n{}", d.outcome.summary, d.outcome.next_steps.join("\n"))
}

const A3_SMALL: &str = r#"{"type_ressource": "algorithme", "algo_administration": "autre_public",
  "algo_decision_individuelle": "personnes_morales", "algo_secret": "non", "algo_etp": 20,
  "algo_automatisation": "aide_decision", "algo_donnees_personnelles": false}"#;

#[test]
fn under_50_agents_publishing_the_rules_reads_as_optional_everywhere() {
    let b = bundle();
    for automation in [
        r#""algo_automatisation": "aide_decision", "algo_donnees_personnelles": false"#,
        r#""algo_automatisation": "entierement_automatisee", "algo_auto_evolutif": "non",
           "algo_auto_explicable": "oui", "algo_donnees_auto": "personnelles",
           "algo_recours": "non""#,
    ] {
        let json = format!(
            r#"{{"type_ressource": "algorithme", "algo_administration": "collectivite",
            "algo_decision_individuelle": "personnes_physiques", "algo_secret": "non",
            "algo_etp": 20, {automation}}}"#
        );
        let d = decide(&b, &json);
        let said = written(&d);
        assert!(
            !said.contains("Publiez la fiche dans un inventaire"),
            "{said}"
        );
        assert!(!said.contains("publication des règles)"), "{said}");
        assert!(said.contains("n'est pas exigé"), "{said}");
    }
    // At 50 agents, the same step is a duty.
    let d = decide(
        &b,
        &A3_SMALL.replace("\"algo_etp\": 20", "\"algo_etp\": 50"),
    );
    assert!(written(&d).contains("Publiez la fiche dans un inventaire en ligne"));
}

#[test]
fn an_internal_tool_gets_no_step_about_its_users() {
    let b = bundle();
    let d = decide(
        &b,
        r#"{"type_ressource": "algorithme", "algo_administration": "etat",
        "algo_decision_individuelle": "non", "algo_dialogue_public": "non"}"#,
    );
    let steps = d.outcome.next_steps.join("\n");
    assert!(!steps.contains("usagers"), "{steps}");
    // A chatbot does get them.
    let d = decide(
        &b,
        r#"{"type_ressource": "algorithme", "algo_administration": "etat",
        "algo_decision_individuelle": "non", "algo_dialogue_public": "reponses_ecrites"}"#,
    );
    assert!(d.outcome.next_steps.join("\n").contains("usagers"));
}

#[test]
fn a_code_path_never_addresses_the_state_alone() {
    let b = bundle();
    let d = decide(
        &b,
        r#"{"type_ressource": "code_source", "code_mission": true, "code_acheve": true,
        "code_titulaire_droits": "organisme", "code_elements_proprietaires": "non",
        "code_secrets": "non", "code_taille": "soumis", "code_composants_libres": "aucun",
        "code_interet_general": false, "code_niveau_module": true, "code_niveau_generique": true,
        "code_niveau_technique": false, "code_niveau_relais": false}"#,
    );
    let shown = brief(&d);
    assert!(!shown.contains("État : appliquez"), "{shown}");
    // A permissive licence is recommended: the steps give a permissive
    // licence as their example, as the publiccode.yml draft does.
    assert!(d.findings.iter().any(|f| f.id == "code_licence_permissive"));
    let steps = d.outcome.next_steps.join("\n");
    assert!(!steps.contains("EUPL-1.2"), "{steps}");
    assert!(steps.contains("« Apache-2.0 »"), "{steps}");
}

#[test]
fn a_secret_of_l311_5_protects_no_one_person() {
    let b = bundle();
    let d = decide(
        &b,
        r#"{"type_ressource": "donnees", "donnees_organisme": "etat", "donnees_etp": 2000,
        "donnees_achevement": "acheve", "donnees_secret": "absolu", "donnees_occultable": false}"#,
    );
    let said = written(&d);
    assert!(!said.contains("L311-6"), "{said}");
    assert!(!said.contains("personne protégée"), "{said}");
}

#[test]
fn no_text_points_at_a_place_on_the_page() {
    // Each output orders the parts of a decision its own way.
    let b = bundle();
    let start = b.default_questionnaire();
    for p in aiguillage::tools::paths::enumerate(&b, start) {
        let d = match engine::evaluate(&b, start, &p.answers()).unwrap() {
            Evaluation::Done(d) => d,
            Evaluation::Pending { .. } => unreachable!(),
        };
        let mut said = written(&d);
        for f in &d.findings {
            said.push_str(&f.text);
        }
        for w in ["ci-dessous", "ci-dessus"] {
            assert!(!said.contains(w), "{}: « {w} »", d.outcome.id);
        }
    }
}

#[test]
fn a_fully_automated_decision_on_organisations_without_personal_data_states_no_nullity() {
    let b = bundle();
    let d = decide(
        &b,
        r#"{"type_ressource": "algorithme", "algo_administration": "prive_mission",
        "algo_decision_individuelle": "personnes_morales", "algo_secret": "non", "algo_etp": 30,
        "algo_automatisation": "entierement_automatisee", "algo_auto_evolutif": false,
        "algo_auto_explicable": "oui", "algo_donnees_auto": "aucune", "algo_recours": "non"}"#,
    );
    let all = format!("{}\n{}", d.outcome.title, written(&d));
    assert!(!all.contains("à peine de nullité"), "{all}");
    assert!(!all.contains("sous peine de nullité"), "{all}");
    assert!(!all.contains("est nulle"), "{all}");
    assert!(all.contains("discutable"), "{all}");
}

#[test]
fn what_would_change_reports_a_duty_that_appears_with_another_answer() {
    let b = bundle();
    let a = answers(A3_SMALL);
    let changes = what_would_change(&b, b.default_questionnaire(), &a);
    let etp = changes
        .iter()
        .find(|c| c.question == "algo_etp")
        .expect("60 agents change the obligations");
    assert_eq!(
        etp.outcome.as_deref(),
        Some("algo_transparence_aide_decision")
    );
    assert!(
        etp.obligations_added
            .iter()
            .any(|o| o.id == "algo_publier_regles"),
        "{etp:#?}"
    );
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .env("LANG", "fr_FR.UTF-8");
    cmd
}

/// « Ce qui changerait le résultat » speaks the user's words: questions
/// and answers, never ids; the HTML report does not number it with the
/// numbers of « Pourquoi ? », which skip.
#[test]
fn what_would_change_shows_words_not_ids() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cas.json");
    std::fs::write(&file, format!(r#"{{"answers": {A3_SMALL}}}"#)).unwrap();
    let file = file.to_str().unwrap();
    let detail = aiguillage()
        .args(["--answers", file, "--detail"])
        .output()
        .unwrap();
    let detail = String::from_utf8(detail.stdout).unwrap();
    let section = &detail[detail.find("Ce qui changerait").expect("the section")..];
    let section = &section[..section.find("Références").unwrap_or(section.len())];
    for id in ["algo_", "donnees_", "code_"] {
        assert!(!section.contains(id), "{section}");
    }
    assert!(section.contains("obligation en plus"), "{section}");
    assert!(section.contains("art. L312-1-3"), "{section}");
    let html = aiguillage()
        .args(["--answers", file, "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    let section = &html[html.find("id=\"changerait\"").expect("the section")..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(!section.contains("algo_"), "{section}");
    assert!(!section.contains("<p>2. "), "{section}");
    assert!(section.contains("obligation en plus"), "{section}");
}

/// The brief decision cites each article as it is: « art. 15, paragraphe
/// 1, h) » of the RGPD is not cut down to the regulation's name.
#[test]
fn brief_citations_keep_their_article() {
    let b = bundle();
    let d = decide(
        &b,
        r#"{"type_ressource": "algorithme", "algo_administration": "etat",
        "algo_decision_individuelle": "personnes_physiques", "algo_secret": "non", "algo_etp": 2000,
        "algo_automatisation": "entierement_automatisee", "algo_auto_evolutif": "non",
        "algo_auto_explicable": "oui", "algo_donnees_auto": "personnelles", "algo_recours": "non"}"#,
    );
    let shown = brief(&d);
    assert!(shown.contains("art. 15, paragraphe 1, h)"), "{shown}");
    assert!(!shown.contains("(Règlement (UE) 2016/679)"), "{shown}");
}
