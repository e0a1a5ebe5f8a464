//! The documents a decision calls for (`aiguillage documents`, `documents/`):
//! the built-in templates pass `check`; every path of every tree renders
//! without a hole other than the free-text fields; each kind of document
//! has a golden file for one case of each tree (insta snapshots in
//! `tests/snapshots/documents__*.snap`: `INSTA_UPDATE=always cargo test
//! --test documents` after a change of content); the machine-readable ones
//! parse (JSON, CSV, a publiccode.yml valid for the standard); and the
//! command writes, lists, refuses to overwrite, and stays French in English.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aiguillage::core::documents::{self, Templates};
use aiguillage::core::engine;
use aiguillage::output::documents::{Rendered, render};
use aiguillage::{Bundle, Decision, Evaluation};
use assert_cmd::Command;
use predicates::prelude::*;

#[path = "support/publiccode.rs"]
mod publiccode;

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

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .env("LANG", "fr_FR.UTF-8");
    cmd
}

fn bundle() -> Bundle {
    Bundle::builtin().unwrap_or_else(|e| panic!("{e}"))
}

fn templates() -> Templates {
    Templates::builtin().unwrap_or_else(|e| panic!("{e:?}"))
}

/// The decision of a scenario file of tests/scenarios/.
fn scenario(bundle: &Bundle, name: &str) -> Decision {
    let text =
        std::fs::read_to_string(root().join(format!("tests/scenarios/{name}.json"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let answers = serde_json::from_value(v["answers"].clone()).unwrap();
    let q = engine::find_questionnaire(bundle, v["questionnaire"].as_str()).unwrap();
    match engine::evaluate(bundle, q, &answers).unwrap() {
        Evaluation::Done(d) => *d,
        Evaluation::Pending { question, .. } => panic!("{name}: {} unanswered", question.id),
    }
}

/// The publiccode.yml drafted for a decision.
fn publiccode_yml(
    templates: &Templates,
    bundle: &Bundle,
    d: &Decision,
    fields: &BTreeMap<String, String>,
) -> Rendered {
    render(templates, bundle, d, fields)
        .into_iter()
        .find(|r| r.file == "publiccode.yml")
        .unwrap_or_else(|| panic!("{}: no publiccode.yml", d.outcome.id))
}

/// The fields an agent would give, as in a real case: a municipality's
/// grant scoring, its dataset of grants, and its school-meals software.
fn fields() -> BTreeMap<String, String> {
    [
        ("organisme", "Commune de Villeneuve-sur-Lot"),
        ("service", "Direction de la vie associative"),
        ("contact", "vie-associative@villeneuve.example.fr"),
        ("date_mise_a_jour", "2027-01-15"),
        ("nom_traitement", "Grille de notation des demandes de subvention"),
        ("finalite", "noter les demandes de subvention des associations selon la grille adoptée par le conseil municipal"),
        ("decisions", "Attribution ou refus des subventions de fonctionnement aux associations, environ 300 par an"),
        ("place_decision", "La note est calculée à réception du dossier complet ; la commission examine chaque dossier avec sa note et décide, et peut s'en écarter."),
        ("donnees_sources", "Budget, nombre d'adhérents et activités déclarés par l'association dans son dossier en ligne ; subventions antérieures tirées du logiciel financier de la commune."),
        ("regles", "40 % ancrage local, 30 % publics bénéficiaires, 30 % équilibre du budget ; note sur 20, seuil d'examen favorable 12."),
        ("operations", "Vérifie les pièces, calcule une note par critère, fait la somme pondérée et classe les dossiers."),
        ("fondement_juridique", "Délibération du conseil municipal du 12 mars 2026 adoptant le règlement d'attribution des subventions"),
        ("url_regles", "https://www.villeneuve.example.fr/algorithmes"),
        ("depot_code", "https://gitlab.villeneuve.example.fr/vie-associative/notation"),
        ("titre_jeu", "Subventions versées aux associations, 2020-2026"),
        ("description_jeu", "Chaque subvention versée par la commune : association bénéficiaire (nom et numéro RNA), objet, montant, date de la délibération."),
        ("frequence", "annual"),
        ("periode_debut", "2020-01-01"),
        ("periode_fin", "2026-12-31"),
        ("zone", "country:fr"),
        ("granularite", "fr:commune"),
        ("date_creation", "2020-01-01"),
        ("mises_a_jour", "2026-01-15 : ajout des subventions versées en 2025"),
        ("url_donnees", "https://www.data.gouv.fr/fr/datasets/subventions-villeneuve/"),
        ("nom_logiciel", "Cantine"),
        ("description_logiciel", "Inscriptions à la restauration scolaire et au périscolaire, pour les familles et les agents"),
        ("fonctionnalite", "Inscription en ligne des enfants par les familles"),
        ("depot", "https://github.com/villeneuve/cantine"),
        ("type_logiciel", "standalone/web"),
        ("plateforme", "web"),
        ("categorie", "online-booking"),
        ("mainteneur", "Camille Martin"),
        ("licence_tiers", "AGPL-3.0-or-later"),
        ("titulaire_code", "Ville de Montpellier"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// « [à compléter : X] » and « [à compléter pour chaque demande : X] »
/// left in a text, with their labels.
fn placeholders(text: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for (marker, per_request) in [
        ("[à compléter : ", false),
        ("[à compléter pour chaque demande : ", true),
    ] {
        let mut rest = text;
        while let Some(i) = rest.find(marker) {
            let after = &rest[i + marker.len()..];
            let end = after.find(']').unwrap_or(after.len());
            out.push((per_request, after[..end].to_owned()));
            rest = &after[end..];
        }
    }
    out
}

/// A minimal CSV reader (RFC 4180: quoted fields, doubled quotes), enough
/// to check the inventory rows.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(!quoted, "unclosed quote in {text}");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// What every rendered document must be, whatever the case: nothing the
/// template could not fill, and machine-readable files that parse.
fn assert_well_formed(context: &str, r: &Rendered) {
    assert!(
        r.unresolved.is_empty(),
        "{context}: {} names nothing could fill: {:?}",
        r.file,
        r.unresolved
    );
    assert!(!r.text.contains("{{"), "{context}: {} keeps a tag", r.file);
    if r.file.ends_with(".json") {
        assert_eq!(
            r.text.matches('\n').count(),
            1,
            "{context}: {} is one line",
            r.file
        );
        serde_json::from_str::<serde_json::Value>(&r.text)
            .unwrap_or_else(|e| panic!("{context}: {} is not JSON: {e}\n{}", r.file, r.text));
    }
    if r.file.ends_with(".csv") {
        let rows = csv_rows(&r.text);
        assert_eq!(rows.len(), 2, "{context}: header and one row: {rows:?}");
        assert_eq!(rows[0].len(), rows[1].len(), "{context}: {rows:?}");
    }
    if r.file.ends_with(".html") {
        assert!(r.text.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    }
}

#[test]
fn the_built_in_templates_pass_check_without_a_warning() {
    let report = documents::check(&templates(), &bundle());
    let all: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(all.is_empty(), "{}", all.join("\n\n"));
}

#[test]
fn every_field_is_used_and_documented() {
    let t = templates();
    let readme = std::fs::read_to_string(root().join("documents/README.md")).unwrap();
    for f in &t.fields {
        assert!(
            t.documents
                .iter()
                .any(|d| d.template.fields.contains(&f.id)),
            "field {} is used by no template",
            f.id
        );
        assert!(
            readme.contains(&format!("`{}`", f.id)),
            "documents/README.md does not list the field `{}`",
            f.id
        );
    }
}

/// What a verdict rules out is never drafted (one decision, one voice):
/// a processing that may not decide alone gets drafts written for decision
/// support with a real human review, and a note that says why; nullity is
/// stated only where the path holds the finding that says it; code is
/// published only under the licence family the decision recommends, and
/// never drafted for publication where the verdict is « cannot ».
fn assert_permitted(context: &str, d: &Decision, docs: &[Rendered]) {
    use aiguillage::core::model::Verdict;
    let has = |id: &str| d.findings.iter().any(|f| f.id == id);
    let answered = |q: &str, v: &str| {
        d.path
            .iter()
            .any(|s| s.question == q && s.answer == aiguillage::core::model::Answer::Text(v.into()))
    };
    let said = |words: &str| {
        docs.iter()
            .find(|r| r.text.contains(words))
            .map(|r| r.file.clone())
    };
    let files: Vec<&str> = docs.iter().map(|r| r.file.as_str()).collect();
    // A processing that may not decide alone: nothing describes, or would
    // publish, a decision taken without a human review. (Where only the
    // recours may not be decided alone, the initial decisions may.)
    if d.decided_by.id == "algorithmes"
        && d.outcome.verdict == Verdict::Cannot
        && d.outcome.id != "algo_automatisation_recours"
    {
        for words in [
            "sans examen de votre dossier par un agent",
            "Décision entièrement automatisée",
            "a été prise par un traitement algorithmique",
        ] {
            assert_eq!(
                said(words),
                None,
                "{context}: « {words} » drafted for a processing that may not decide alone"
            );
        }
        if answered("algo_automatisation", "entierement_automatisee") {
            assert!(
                files.contains(&"note-automatisation.md"),
                "{context}: {files:?}"
            );
        }
    }
    // Nullity (art. 47) only for fully automated decisions that may be
    // taken, on personal data.
    let nullity = matches!(
        d.outcome.id.as_str(),
        "algo_transparence_decision_automatisee" | "algo_automatisation_recours"
    ) && !answered("algo_donnees_auto", "aucune");
    if !nullity {
        for words in ["est nulle", "à peine de nullité", "sous peine de nullité"] {
            assert_eq!(
                said(words),
                None,
                "{context}: nullity stated where art. 47 does not apply"
            );
        }
    }
    let publiccode = docs.iter().find(|r| r.file == "publiccode.yml");
    if let Some(p) = publiccode {
        // Maintenance and state follow the findings: an abandoned project
        // is unmaintained and obsolete; otherwise the body maintains it,
        // in service (stable) or still in development.
        let (maintenance, status) = if has("code_projet_abandonne_publication") {
            ("none", "obsolete")
        } else if has("code_note_abandon_inconnu") {
            ("internal", "development")
        } else {
            ("internal", "stable")
        };
        assert!(
            p.text.contains(&format!("type: \"{maintenance}\""))
                && p.text.contains(&format!("developmentStatus: \"{status}\"")),
            "{context}: {}",
            p.text
        );
        // Code under a third party's free licence: its licence and its
        // holder, never a licence of the body's choosing.
        if has("code_licence_tiers") {
            assert!(
                p.text.contains("Titulaire des droits d'auteur sur le code")
                    && !p
                        .text
                        .contains("mainCopyrightOwner: \"[à compléter : Nom de l'organisme]\"")
                    && !p.text.contains("Licence du code (identifiant SPDX)"),
                "{context}: {}",
                p.text
            );
        }
        if has("code_licence_permissive") {
            assert!(
                p.text.contains("license: \"Apache-2.0\""),
                "{context}: {}",
                p.text
            );
        }
        if has("code_licence_reciprocite") {
            assert!(
                p.text.contains("license: \"EUPL-1.2\""),
                "{context}: {}",
                p.text
            );
        }
    }
    // High-value datasets take a licence at least as open as CC-BY 4.0:
    // no share-alike licence is offered for them (our reading).
    if has("donnees_forte_valeur_obligation") {
        for words in ["ODbL-1.0", "odc-odbl", "ou l'ODbL pour"] {
            assert_eq!(
                said(words),
                None,
                "{context}: « {words} » offered for a high-value dataset"
            );
        }
    }
    // The répertoire entry has the rubrics of R322-7, and its reuse
    // conditions and third-party rights follow the path, never a « libre
    // et gratuite » written in advance.
    if let Some(r) = docs
        .iter()
        .find(|r| r.file == "repertoire-informations-publiques.md")
    {
        for rubric in [
            "Titre exact",
            "Objet",
            "Date de création",
            "Mises à jour (date et objet)",
            "Conditions de réutilisation",
        ] {
            assert!(
                r.text.contains(&format!("| {rubric} |")),
                "{context}: no « {rubric} » in the répertoire entry"
            );
        }
        for (finding, words) in [
            ("donnees_base_spic", "garde ses droits de producteur"),
            (
                "donnees_droits_tiers_partiel",
                "couvertes par les droits d'un tiers",
            ),
        ] {
            assert!(
                !has(finding) || r.text.contains(words),
                "{context}: {}",
                r.text
            );
        }
        assert!(
            !has("donnees_base_spic") || !r.text.contains("Réutilisation libre et gratuite"),
            "{context}: {}",
            r.text
        );
    }
    if d.outcome.verdict == Verdict::Cannot {
        for file in [
            "publiccode.yml",
            "badge-readme.md",
            "referencement-code-gouv.md",
        ] {
            assert!(
                !files.contains(&file),
                "{context}: {file} drafted for a verdict « cannot »"
            );
        }
    }
}

/// Every path `paths` enumerates, from the first question: with every field
/// given, nothing is left to fill but what is filled for each request;
/// with none, only free-text fields are left, and each is reported, and
/// nothing is drafted that the verdict rules out ([`assert_permitted`]).
#[test]
fn every_path_renders_without_a_hole_but_the_free_text_fields() {
    let bundle = bundle();
    let templates = templates();
    let start = bundle.default_questionnaire();
    let paths = aiguillage::tools::paths::enumerate(&bundle, start);
    assert!(paths.len() > 50, "{} paths", paths.len());
    let mut full = fields();
    // Where the components' licence imposes the code's, nothing is proposed.
    full.insert("licence_code".into(), "GPL-3.0-or-later".into());
    let empty = BTreeMap::new();
    let mut kinds = std::collections::BTreeSet::new();
    for p in &paths {
        let d = match engine::evaluate(&bundle, start, &p.answers()).unwrap() {
            Evaluation::Done(d) => d,
            Evaluation::Pending { question, .. } => panic!("{}: pending", question.id),
        };
        let context = format!("path to {}", p.outcome.id);
        for r in render(&templates, &bundle, &d, &full) {
            kinds.insert(r.file.clone());
            assert_well_formed(&context, &r);
            for (per_request, label) in placeholders(&r.text) {
                assert!(per_request, "{context}: {} still asks « {label} »", r.file);
                assert!(
                    templates
                        .fields
                        .iter()
                        .any(|f| f.per_request && f.label == label),
                    "{context}: {}: « {label} » is no field's label",
                    r.file
                );
            }
            if r.file == "publiccode.yml" {
                let problems = publiccode::problems(&r.text);
                assert!(problems.is_empty(), "{context}: {problems:?}\n{}", r.text);
            }
        }
        // Without fields, the drafts say what the decision proposes.
        let drafted = render(&templates, &bundle, &d, &empty);
        assert_permitted(&format!("{context} {:?}", p.answers()), &d, &drafted);
        for r in drafted {
            assert_well_formed(&context, &r);
            for (per_request, label) in placeholders(&r.text) {
                let field = templates
                    .fields
                    .iter()
                    .find(|f| f.label == label && f.per_request == per_request)
                    .unwrap_or_else(|| panic!("{context}: {}: « {label} » is no field", r.file));
                assert!(
                    per_request || r.missing.contains(&field.id),
                    "{context}: {}: {} left but not reported",
                    r.file,
                    field.id
                );
            }
        }
    }
    // Every kind of document is written on some path.
    for doc in &templates.documents {
        assert!(
            kinds.contains(&doc.template.file),
            "{} never written",
            doc.template.file
        );
    }
}

/// One case of each tree, every document it calls for, as a golden file.
#[test]
fn golden_documents_for_one_case_of_each_tree() {
    let bundle = bundle();
    let templates = templates();
    let fields = fields();
    for (case, expected) in [
        (
            "A2",
            &[
                "mention-explicite.md",
                "reponse-demande-individuelle.md",
                "inventaire-algorithme.md",
                "inventaire-algorithme.csv",
                "inventaire-algorithme.json",
                "rapport.html",
            ][..],
        ),
        (
            "D1",
            &[
                "repertoire-informations-publiques.md",
                "liste-publication.md",
                "metadonnees-data-gouv.json",
                "rapport.html",
            ],
        ),
        (
            "S1",
            &[
                "publiccode.yml",
                "badge-readme.md",
                "referencement-code-gouv.md",
                "rapport.html",
            ],
        ),
    ] {
        let d = scenario(&bundle, case);
        let rendered = render(&templates, &bundle, &d, &fields);
        let files: Vec<&str> = rendered.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, expected, "{case}");
        for r in &rendered {
            assert!(
                r.missing.is_empty(),
                "{case}: {} misses {:?}",
                r.file,
                r.missing
            );
            // One HTML report is enough to watch; the browser test reads it.
            if r.file == "rapport.html" && case != "A2" {
                continue;
            }
            let name = format!("{case}_{}", r.file.replace(['.', '-'], "_"));
            insta::assert_snapshot!(name, &r.text);
        }
    }
}

#[test]
fn the_publiccode_yml_carries_the_licence_the_decision_recommends() {
    let bundle = bundle();
    let templates = templates();
    let mut fields = fields();
    for (case, licence) in [("S1", "Apache-2.0"), ("S-licence-reciprocite", "EUPL-1.2")] {
        let d = scenario(&bundle, case);
        let r = publiccode_yml(&templates, &bundle, &d, &fields);
        let pc = publiccode::parse(&r.text).unwrap();
        assert_eq!(pc.legal.license, licence, "{case}");
        assert!(publiccode::standard_problems(&pc).is_empty());
    }
    // A licence the agent gives wins over the proposal.
    fields.insert("licence_code".into(), "MIT".into());
    let d = scenario(&bundle, "S1");
    let r = publiccode_yml(&templates, &bundle, &d, &fields);
    assert_eq!(publiccode::parse(&r.text).unwrap().legal.license, "MIT");
    // A value that would break the YAML is escaped.
    fields.insert("nom_logiciel".into(), "Can\"tine: \\ #1\nbis".into());
    let r = publiccode_yml(&templates, &bundle, &d, &fields);
    assert_eq!(
        publiccode::parse(&r.text).unwrap().name,
        "Can\"tine: \\ #1\nbis"
    );
}

/// The répertoire entry and the licence of a high-value dataset follow the
/// path: the Licence Ouverte 2.0 even when the agent typed the ODbL, and
/// the producer rights a SPIC keeps.
#[test]
fn the_repertoire_entry_and_the_licence_follow_the_path() {
    let bundle = bundle();
    let templates = templates();
    let mut fields = fields();
    fields.insert("licence_donnees".into(), "ODbL-1.0".into());
    let d = scenario(&bundle, "D-18-5-forte-valeur-base");
    let docs = render(&templates, &bundle, &d, &fields);
    let file = |name: &str| {
        plain(
            docs.iter()
                .find(|r| r.file == name)
                .unwrap_or_else(|| panic!("{name} not written"))
                .text
                .as_bytes(),
        )
    };
    let metadata: serde_json::Value =
        serde_json::from_str(&file("metadonnees-data-gouv.json")).unwrap();
    assert_eq!(metadata["license"], "lov2");
    let entry = file("repertoire-informations-publiques.md");
    assert!(
        entry.contains("| Licence | Licence Ouverte 2.0 (etalab-2.0) |"),
        "{entry}"
    );
    assert!(entry.contains("CC-BY 4.0"), "{entry}");
    assert!(
        entry.contains("| Redevance | Aucune : les données de forte valeur sont gratuites"),
        "{entry}"
    );
    assert!(
        entry.contains("| Date de création | 2020-01-01 |"),
        "{entry}"
    );
    let checklist = file("liste-publication.md");
    assert!(checklist.contains("téléchargement en masse"), "{checklist}");
    for text in [&entry, &checklist] {
        assert!(!text.contains("ODbL"), "{text}");
    }

    // The same licence typed for an ordinary database is kept.
    let d = scenario(&bundle, "D-18-13-repertoire-spic");
    let docs = render(&templates, &bundle, &d, &fields);
    let entry = plain(
        docs.iter()
            .find(|r| r.file == "repertoire-informations-publiques.md")
            .unwrap()
            .text
            .as_bytes(),
    );
    assert!(entry.contains("| Licence | ODbL-1.0 |"), "{entry}");
    assert!(entry.contains("garde ses droits de producteur"), "{entry}");
    assert!(
        !entry.contains("Réutilisation libre et gratuite"),
        "{entry}"
    );
    assert!(entry.contains("| Droits de tiers | Aucun"), "{entry}");
}

/// publiccode.yml 0.4: `maintenance.type` and `developmentStatus` follow
/// the decision unless the agent says otherwise; a contractor comes with
/// its name and the end of its contract; code under a third party's free
/// licence keeps that licence and names its holder.
#[test]
fn the_publiccode_yml_says_who_maintains_the_code_and_who_owns_it() {
    use publiccode::{DevelopmentStatus, MaintenanceType};
    let bundle = bundle();
    let templates = templates();
    let publiccode_of = |case: &str, fields: &BTreeMap<String, String>| {
        let d = scenario(&bundle, case);
        let r = publiccode_yml(&templates, &bundle, &d, fields);
        let pc = publiccode::parse(&r.text).unwrap_or_else(|e| panic!("{case}: {e}\n{}", r.text));
        let problems = publiccode::standard_problems(&pc);
        assert!(problems.is_empty(), "{case}: {problems:?}\n{}", r.text);
        (pc, r)
    };
    let mut fields = fields();

    // In service, written by the body: maintained in house, stable.
    let (pc, _) = publiccode_of("S1", &fields);
    assert!(matches!(pc.maintenance.r#type, MaintenanceType::Internal));
    assert!(matches!(pc.development_status, DevelopmentStatus::Stable));
    assert!(pc.maintenance.contractors.is_empty());

    // Abandoned: nobody maintains it, and it is obsolete.
    let (pc, r) = publiccode_of("S-18-14-projet-abandonne-publiccode", &fields);
    assert!(matches!(pc.maintenance.r#type, MaintenanceType::None));
    assert!(matches!(pc.development_status, DevelopmentStatus::Obsolete));
    assert!(r.text.contains("il n'est plus maintenu"), "{}", r.text);
    assert!(!r.text.contains("recherche activement"), "{}", r.text);

    // Never in service, abandonment unknown: still in development.
    let (pc, _) = publiccode_of("S-abandon-inconnu", &fields);
    assert!(matches!(pc.maintenance.r#type, MaintenanceType::Internal));
    assert!(matches!(
        pc.development_status,
        DevelopmentStatus::Development
    ));

    // Under a third party's free licence: its licence, its holder.
    let (pc, r) = publiccode_of("S-18-4-licence-libre-tiers", &fields);
    assert_eq!(pc.legal.license, "AGPL-3.0-or-later");
    assert!(
        r.text
            .contains("mainCopyrightOwner: \"Ville de Montpellier\""),
        "{}",
        r.text
    );
    assert!(
        r.text
            .contains("repoOwner: \"Commune de Villeneuve-sur-Lot\""),
        "{}",
        r.text
    );
    assert!(!r.missing.contains(&"licence_code".to_owned()));

    // A maintenance contract the agent declares: its contractor and its end.
    fields.insert("type_maintenance".into(), "contract".into());
    let d = scenario(&bundle, "S1");
    let r = publiccode_yml(&templates, &bundle, &d, &fields);
    assert_eq!(
        r.missing,
        ["prestataire_maintenance", "fin_maintenance"],
        "{}",
        r.text
    );
    fields.insert(
        "prestataire_maintenance".into(),
        "Société Exemple SAS".into(),
    );
    fields.insert("fin_maintenance".into(), "2028-12-31".into());
    let (pc, _) = publiccode_of("S1", &fields);
    assert!(matches!(pc.maintenance.r#type, MaintenanceType::Contract));
    assert_eq!(pc.maintenance.contractors.len(), 1);
    assert_eq!(pc.maintenance.contractors[0].name, "Société Exemple SAS");
    assert_eq!(pc.maintenance.contractors[0].until, "2028-12-31");
}

#[test]
fn inventory_records_of_many_cases_concatenate() {
    let bundle = bundle();
    let templates = templates();
    let mut csv = String::new();
    let mut jsonl = String::new();
    let mut header = None;
    for case in ["A1", "A2", "A3", "A-seuil-50"] {
        let d = scenario(&bundle, case);
        for r in render(&templates, &bundle, &d, &fields()) {
            match r.file.as_str() {
                "inventaire-algorithme.csv" => {
                    let (head, row) = r.text.split_once('\n').unwrap();
                    assert_eq!(*header.get_or_insert(head.to_owned()), head);
                    csv.push_str(row);
                }
                "inventaire-algorithme.json" => jsonl.push_str(&r.text),
                _ => {}
            }
        }
    }
    let header = header.unwrap();
    let rows = csv_rows(&format!("{header}\n{csv}"));
    assert_eq!(rows.len(), 5);
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 4);
    // The JSON keys are the CSV columns, in the same order.
    let keys: Vec<&str> = records[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, rows[0].iter().map(String::as_str).collect::<Vec<_>>());
    // docs/documents.md documents the header as it is.
    let page = std::fs::read_to_string(root().join("docs/documents.md")).unwrap();
    assert!(
        page.contains(&header),
        "docs/documents.md does not show the CSV header:\n{header}"
    );
    // Below and above 50 ETP (A3: 20, A-seuil-50: 50), the record says which regime applies.
    assert!(
        records[2]["cadre"]
            .as_str()
            .unwrap()
            .starts_with("Publication volontaire")
    );
    assert!(
        records[3]["cadre"]
            .as_str()
            .unwrap()
            .starts_with("Publication obligatoire")
    );
}

// ---------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------

/// An answers file for scenario `name`, with some fields.
fn answers_file(dir: &Path, name: &str, fields: &[(&str, &str)]) -> PathBuf {
    let text =
        std::fs::read_to_string(root().join(format!("tests/scenarios/{name}.json"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let fields: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
        .collect();
    let file = serde_json::json!({
        "questionnaire": v["questionnaire"],
        "answers": v["answers"],
        "fields": fields,
    });
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path
}

#[test]
fn documents_writes_every_file_lists_them_and_reports_missing_fields() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "A1", &[("organisme", "Commune de Test")]);
    let out = dir.path().join("docs");
    let assert = aiguillage()
        .args(["documents", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(contains("champ(s) restent « [à compléter : …] »"))
        .stderr(contains(
            "- nom_traitement (Nom du traitement algorithmique)",
        ))
        .stderr(contains("\"fields\""))
        // Given: not reported.
        .stderr(contains("- organisme").not());
    let stdout = plain(&assert.get_output().stdout.clone());
    let listed: Vec<&str> = stdout.lines().collect();
    assert_eq!(listed.len(), 6, "{stdout}");
    for line in &listed {
        assert!(Path::new(line).is_file(), "{line} listed but not written");
    }
    let mention = plain(
        std::fs::read_to_string(out.join("mention-explicite.md"))
            .unwrap()
            .as_bytes(),
    );
    assert!(mention.contains("écrivez à Commune de Test"), "{mention}");
    assert!(mention.contains("[à compléter : Nom du traitement algorithmique]"));
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "D1", &[]);
    let out = dir.path().join("docs");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("liste-publication.md"), "à moi").unwrap();
    aiguillage()
        .args(["documents", "--no-input", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("liste-publication.md » existe déjà"))
        .stderr(contains("--force"));
    assert_eq!(
        plain(
            std::fs::read_to_string(out.join("liste-publication.md"))
                .unwrap()
                .as_bytes()
        ),
        "à moi"
    );
    // Nothing else was written either.
    assert!(!out.join("rapport.html").exists());
    aiguillage()
        .args(["documents", "--no-input", "--force", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(out.join("liste-publication.md"))
            .unwrap()
            .starts_with("# Publier")
    );
}

#[test]
fn documents_stay_french_under_an_english_interface() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "S1", &[("nom_logiciel", "Cantine")]);
    let (fr, en) = (dir.path().join("fr"), dir.path().join("en"));
    for (out, lang) in [(&fr, "fr"), (&en, "en")] {
        aiguillage()
            .args(["documents", "--no-input", "--lang", lang, "--answers"])
            .arg(&answers)
            .arg("--out")
            .arg(out)
            .assert()
            .success();
    }
    let mut names: Vec<_> = std::fs::read_dir(&fr)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 4);
    for name in names {
        let a = std::fs::read_to_string(fr.join(&name)).unwrap();
        let b = std::fs::read_to_string(en.join(&name)).unwrap();
        assert_eq!(a, b, "{name:?} changes with the interface language");
    }
    // The English interface still says, in English, what was left.
    aiguillage()
        .args([
            "documents",
            "--no-input",
            "--force",
            "--lang",
            "en",
            "--answers",
        ])
        .arg(&answers)
        .arg("--out")
        .arg(&en)
        .assert()
        .success()
        .stderr(contains("field(s) stay as placeholders"));
}

#[test]
fn documents_json_lists_files_and_missing_fields() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "S1", &[]);
    let out = aiguillage()
        .args(["documents", "--no-input", "--format", "json", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(dir.path().join("d"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["written"].as_array().unwrap().len(), 4);
    let missing: Vec<&str> = v["missing_fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"depot"), "{missing:?}");
    // The licence is proposed by the decision: not missing.
    assert!(!missing.contains(&"licence_code"), "{missing:?}");
}

#[test]
fn an_unknown_field_is_refused_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "A1", &[("nom_traitment", "x")]);
    aiguillage()
        .args(["documents", "--no-input", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(dir.path().join("d"))
        .assert()
        .code(2)
        .stderr(contains("champ inconnu « nom_traitment »"))
        .stderr(contains("nom_traitement"))
        .stderr(contains(format!("{}:", answers.display())));
}

#[test]
fn documents_need_a_complete_decision() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partiel.json");
    std::fs::write(&path, r#"{"answers": {"type_ressource": "donnees"}}"#).unwrap();
    aiguillage()
        .args(["documents", "--answers"])
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("d"))
        .assert()
        .code(2)
        .stderr(contains("réponse manquante pour « donnees_organisme »"))
        .stderr(contains("--save-answers"));
}

#[test]
fn the_main_command_reads_answers_files_with_fields() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "A1", &[("organisme", "Commune de Test")]);
    aiguillage()
        .arg("--answers")
        .arg(&answers)
        .assert()
        .success()
        .stderr("");
    // --save-answers keeps them.
    let saved = dir.path().join("saved.json");
    aiguillage()
        .arg("--answers")
        .arg(&answers)
        .arg("--save-answers")
        .arg(&saved)
        .assert()
        .success();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(saved).unwrap()).unwrap();
    assert_eq!(v["fields"]["organisme"], "Commune de Test");
}

#[test]
fn the_html_format_is_one_self_contained_page() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "A2", &[]);
    for lang in ["fr", "en"] {
        let out = aiguillage()
            .args(["--format", "html", "--lang", lang, "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        assert!(out.status.success());
        let html = plain(&out.stdout);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
            "{lang}"
        );
        // In French whatever the interface.
        assert!(
            html.contains("<h2 id=\"pourquoi\">Pourquoi ?</h2>"),
            "{lang}"
        );
        // Nothing loaded from outside: no script, style sheet, image, font or frame.
        for banned in [
            "<script", "<link", "<img", "<iframe", "src=", "@import", "url(",
        ] {
            assert!(!html.contains(banned), "{lang}: {banned}");
        }
        assert!(html.contains("@media print"));
        assert!(html.contains("<main id=\"contenu\">") && html.contains("<footer>"));
        assert!(html.contains("href=\"https://www.legifrance.gouv.fr/"));
        assert!(html.contains("état du droit au 20"), "the legal date");
    }
}

// ---------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------

#[test]
fn check_points_at_unknown_fields_outcomes_and_findings() {
    let out = aiguillage()
        .args(["check", "tests/fixtures/documents/broken"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let s = plain(&out.stdout);
    let file = "tests/fixtures/documents/broken/mauvais.toml";
    for (code, message, place) in [
        (
            "unknown-field",
            "champ inconnu « nom_traitment » (vouliez-vous dire « nom_traitement » ?)",
            ":13:",
        ),
        (
            "missing-reference",
            "issue inconnue « algo_transparense_aide_decision »",
            ":6:",
        ),
        (
            "missing-reference",
            "constat inconnu « algo_mention »",
            ":6:",
        ),
        (
            "undeclared-field",
            "le champ « contact » est utilisé mais absent",
            ":13:",
        ),
        (
            "missing-reference",
            "article inconnu « crpa-L311-3 »",
            ":15:",
        ),
    ] {
        let head = format!("erreur[{code}]: {message}");
        let at = s
            .find(&head)
            .unwrap_or_else(|| panic!("no « {head} » in:\n{s}"));
        let rest = &s[at..];
        let arrow = rest.find("--> ").unwrap();
        let line = rest[arrow..].lines().next().unwrap();
        assert!(
            line.starts_with(&format!("--> {file}{place}")),
            "{head}: {line}"
        );
    }
    let syntax = "erreur[template-syntax]: « {{/if}} » sans {{#if …}} ouvert\n  --> tests/fixtures/documents/broken/syntaxe.toml:9:1";
    assert!(s.contains(syntax), "{s}");
    assert!(
        s.contains("et 2 modèle(s) de document vérifié(s) : 6 erreur(s)"),
        "{s}"
    );
    // JSON for editors, with the same places.
    let out = aiguillage()
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/documents/broken",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["file"], file);
    assert!(d["line"].as_u64().unwrap() > 0 && d["column"].as_u64().unwrap() > 0);
}

#[test]
fn check_without_arguments_checks_the_built_in_templates_too() {
    let count = templates().documents.len();
    aiguillage()
        .arg("check")
        .assert()
        .success()
        .stdout(contains(format!(
            "questionnaire(s) et {count} modèle(s) de document vérifié(s) : 0 erreur(s)"
        )));
}

/// Fields as a hostile colleague could write them in a shared answers
/// file: escape sequences, a bidi override, and spreadsheet formulas.
const HOSTILE_FIELDS: &[(&str, &str)] = &[
    ("organisme", "=HYPERLINK(\"http://x\",\"clic\")"),
    ("service", "+cmd|' /C calc'!A0"),
    ("contact", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("nom_traitement", "-2+3+cmd|' /C calc'!A0"),
    ("finalite", "\tTab\u{1b}]0;titre\u{7} et \u{9b}31m"),
    ("decisions", "\rRetour \u{202e}eurt"),
];

#[test]
fn documents_neutralise_formulas_and_escape_controls_in_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "A1", HOSTILE_FIELDS);
    let out = dir.path().join("docs");
    aiguillage()
        .args(["documents", "--no-input", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut files = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let raw: Vec<char> = text
            .chars()
            .filter(|&c| {
                (c.is_control() && c != '\n' && c != '\t')
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            })
            .collect();
        assert!(raw.is_empty(), "{}: raw {raw:?}", path.display());
        files += 1;
    }
    assert!(files >= 5, "{files}");
    let csv = std::fs::read_to_string(out.join("inventaire-algorithme.csv")).unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 2, "{rows:?}");
    for cell in &rows[1] {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would run: {cell:?}"
        );
    }
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\",\"clic\")");
    // Fields are trimmed: the tab goes, the escapes are shown.
    assert_eq!(rows[1][5], "Tab\\x1b]0;titre\\x07 et \\u{9b}31m");
    // The JSON record says the same, escaped the JSON way.
    let json = std::fs::read_to_string(out.join("inventaire-algorithme.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["finalite"], "Tab\u{1b}]0;titre\u{7} et \u{9b}31m",
        "{json}"
    );
}

/// The fields that take a closed list, an e-mail address or a bounded
/// length, given wrong in an answers file: refused before anything is
/// written (exit 2), each named with what it takes, pointing at its line.
#[test]
fn closed_list_fields_given_wrong_in_an_answers_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Une description beaucoup trop longue ".repeat(6);
    let answers = answers_file(
        dir.path(),
        "S1",
        &[
            ("type_logiciel", "webapp"),
            ("categorie", "cantine"),
            ("licence_code", "GPL"),
            ("plateforme", "web"),
            ("contact", "Mairie, 1 place de la République"),
            ("description_logiciel", &long),
        ],
    );
    let out = dir.path().join("docs");
    let assert = aiguillage()
        .args(["documents", "--no-input", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stdout("");
    let err = plain(&assert.get_output().stderr);
    for needed in [
        "le champ « type_logiciel » ne prend pas « webapp »",
        "standalone/web, standalone/desktop",
        "le champ « categorie » ne prend pas « cantine »",
        "online-booking",
        "le champ « licence_code » ne prend pas « GPL »",
        "EUPL-1.2",
        "« contact » doit être une adresse électronique dans le document « publiccode »",
        "« description_logiciel » fait 221 caractères : 150 au plus",
    ] {
        assert!(err.contains(needed), "« {needed} » not in:\n{err}");
    }
    assert!(!err.contains("« plateforme »"), "{err}");
    // Each error points at the field in the file.
    assert!(err.contains(&format!("{}:", answers.display())), "{err}");
    assert!(!out.exists(), "nothing is written");

    // A postal address stays fine where no document needs an e-mail.
    let algo = answers_file(
        dir.path(),
        "A1",
        &[("contact", "Mairie, 1 place de la République")],
    );
    aiguillage()
        .args(["documents", "--no-input", "--answers"])
        .arg(&algo)
        .arg("--out")
        .arg(dir.path().join("algo"))
        .assert()
        .success();
}

/// At a terminal (plain mode here, answers on stdin), a field that takes a
/// closed list is asked as a numbered list; a value out of the list given
/// in the file is said wrong and asked again.
#[test]
fn closed_list_fields_are_offered_as_a_list_at_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_file(dir.path(), "S1", &[("type_logiciel", "webapp")]);
    let out = dir.path().join("docs");
    let assert = aiguillage()
        .args(["documents", "--plain", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        // Every line empty: each field keeps what is proposed or stays to
        // complete.
        .write_stdin("\n".repeat(40))
        .assert()
        .success();
    let err = plain(&assert.get_output().stderr);
    assert!(
        err.contains("le champ « type_logiciel » ne prend pas « webapp »"),
        "{err}"
    );
    assert!(err.contains("1. standalone/web"), "{err}");
    assert!(err.contains("0. Laisser à compléter plus tard"), "{err}");
}

/// The publiccode.yml validator (tests/support/publiccode.rs) catches what
/// the standard forbids: each rule, broken once in a valid file.
#[test]
fn the_publiccode_validator_catches_each_rule_of_the_standard() {
    let bundle = bundle();
    let d = scenario(&bundle, "S1");
    let valid = render(&templates(), &bundle, &d, &fields())
        .into_iter()
        .find(|r| r.file == "publiccode.yml")
        .unwrap()
        .text;
    assert!(publiccode::problems(&valid).is_empty(), "{valid}");
    let broken = |from: &str, to: &str| {
        assert!(valid.contains(from), "{from}");
        publiccode::problems(&valid.replacen(from, to, 1)).join("\n")
    };
    let long = "x".repeat(151);
    for (from, to, said) in [
        (
            "softwareType: \"standalone/web\"",
            "softwareType: \"webapp\"",
            "softwareType",
        ),
        (
            "- \"online-booking\"",
            "- \"cantine\"",
            "categories: « cantine »",
        ),
        (
            "license: \"Apache-2.0\"",
            "license: \"GPL\"",
            "legal.license",
        ),
        (
            "email: \"vie-associative@villeneuve.example.fr\"",
            "email: \"Mairie de Villeneuve\"",
            "not an e-mail address",
        ),
        (
            "publiccodeYmlVersion: \"0.4\"",
            "publiccodeYmlVersion: \"2\"",
            "publiccodeYmlVersion",
        ),
        ("name: \"Cantine\"", "nom: \"Cantine\"", "name"),
        (
            "developmentStatus: \"stable\"",
            "developmentStatus: \"finished\"",
            "developmentStatus",
        ),
        (
            "url: \"https://github.com/villeneuve/cantine\"",
            "url: \"github.com/villeneuve/cantine\"",
            "url",
        ),
    ] {
        let problems = broken(from, to);
        assert!(problems.contains(said), "{to}: {problems}");
    }
    let short = format!(
        "shortDescription: \"{}\"",
        "Inscriptions à la restauration scolaire et au périscolaire, pour les familles et les agents"
    );
    assert!(broken(&short, &format!("shortDescription: \"{long}\"")).contains("1 to 150"));
    assert!(publiccode::is_licence_expression(
        "(MIT OR Apache-2.0) AND EUPL-1.2"
    ));
    assert!(publiccode::is_licence_expression(
        "GPL-2.0-or-later WITH Classpath-exception-2.0"
    ));
    assert!(!publiccode::is_licence_expression("MIT OR"));
    assert!(!publiccode::is_licence_expression("Licence libre"));
}
