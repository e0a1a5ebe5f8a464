//! Unit tests of the pure engine on a small tree (tests/fixtures/mini).

use std::collections::BTreeMap;

use aiguillage::Bundle;
use aiguillage::core::engine::{self, AnswerError, Evaluation};
use aiguillage::core::model::{Answer, FindingKind, Verdict};

/// Text as a reader sees it: the no-break spaces of French typography read
/// as spaces (the typography has its own tests).
fn plain(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

fn bundle() -> Bundle {
    Bundle::from_sources([("mini/q.toml", include_str!("fixtures/mini/q.toml"))])
        .unwrap_or_else(|e| panic!("{e}"))
}

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn eval<'b>(
    b: &'b Bundle,
    a: &BTreeMap<String, Answer>,
) -> Result<Evaluation<'b>, Vec<AnswerError>> {
    engine::evaluate(b, b.questionnaire("mini").unwrap(), a)
}

#[test]
fn no_answers_asks_the_first_question() {
    let b = bundle();
    match eval(&b, &BTreeMap::new()).unwrap() {
        Evaluation::Pending { question, path } => {
            assert_eq!(question.id, "acheve");
            assert!(path.is_empty());
        }
        other => panic!("expected a question, got {other:?}"),
    }
}

#[test]
fn partial_answers_stop_at_the_first_missing_one() {
    let b = bundle();
    let a = answers(&[
        ("acheve", Answer::Bool(true)),
        ("nature", Answer::Text("base".into())),
    ]);
    let Evaluation::Pending { question, path } = eval(&b, &a).unwrap() else {
        panic!("expected a question")
    };
    assert_eq!(question.id, "agents");
    assert_eq!(path.len(), 1);
    assert_eq!(path[0].label, "Oui");
}

#[test]
fn full_path_gives_outcome_trace_and_deduplicated_findings() {
    let b = bundle();
    let a = answers(&[
        ("acheve", Answer::Bool(true)),
        ("agents", Answer::Number(50.0)),
        ("nature", Answer::Text("base".into())),
        ("commentaire", Answer::Text("rien".into())),
    ]);
    let Evaluation::Done(d) = eval(&b, &a).unwrap() else {
        panic!("expected a decision")
    };
    assert_eq!(d.outcome.id, "fin");
    assert_eq!(d.outcome.verdict, Verdict::Must);
    let steps: Vec<&str> = d.path.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(steps, ["acheve", "agents", "nature", "commentaire"]);
    // `publier` is added twice on the way and listed once, in first order.
    let ids: Vec<&str> = d.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["publier", "format"]);
    assert_eq!(d.findings_of(FindingKind::Obligation).count(), 1);
    // The obligation carries its article and its Légifrance link.
    let art = &d.findings[0].articles[0];
    assert_eq!(art.id, "crpa-L312-1-1");
    assert!(art.url.starts_with("https://www.legifrance.gouv.fr/"));
    // The « why » of the first step is kept, with its article.
    assert_eq!(d.path[0].articles[0].id, "crpa-L311-2");
    assert!(d.path[0].because.is_some());
    // Guides: the outcome's first, then the findings', each once.
    let guides: Vec<&str> = d.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(guides, ["juridique", "juridique/ouverture"]);
    assert!(d.unused_answers.is_empty());
}

#[test]
fn number_thresholds_are_half_open() {
    let b = bundle();
    for (n, expect_publish) in [
        (0.0, false),
        (49.0, false),
        (49.5, false),
        (50.0, true),
        (1e6, true),
    ] {
        let a = answers(&[
            ("acheve", Answer::Bool(true)),
            ("agents", Answer::Number(n)),
            ("nature", Answer::Text("autre".into())),
            ("commentaire", Answer::Text(String::new())),
        ]);
        let Evaluation::Done(d) = eval(&b, &a).unwrap() else {
            panic!()
        };
        let has = d.findings.iter().any(|f| f.id == "publier");
        assert_eq!(has, expect_publish, "{n} agents");
    }
}

#[test]
fn answers_off_the_path_are_reported_not_used() {
    let b = bundle();
    let a = answers(&[
        ("acheve", Answer::Bool(false)),
        ("agents", Answer::Number(10.0)),
    ]);
    let Evaluation::Done(d) = eval(&b, &a).unwrap() else {
        panic!()
    };
    assert_eq!(d.outcome.id, "pas_encore");
    assert_eq!(d.unused_answers, ["agents"]);
}

#[test]
fn yes_no_accepts_oui_non_strings() {
    let b = bundle();
    let a = answers(&[("acheve", Answer::Text("non".into()))]);
    let Evaluation::Done(d) = eval(&b, &a).unwrap() else {
        panic!()
    };
    assert_eq!(d.outcome.id, "pas_encore");
}

#[test]
fn unknown_question_suggests_the_closest_id() {
    let b = bundle();
    let errors = eval(&b, &answers(&[("achevee", Answer::Bool(true))])).unwrap_err();
    assert_eq!(
        errors,
        [AnswerError::UnknownQuestion {
            id: "achevee".into(),
            suggestion: Some("acheve".into())
        }]
    );
    assert!(plain(&errors[0].to_string()).contains("vouliez-vous dire « acheve »"));
}

#[test]
fn wrong_type_and_wrong_value_list_the_allowed_values() {
    let b = bundle();
    let errors = eval(
        &b,
        &answers(&[
            ("acheve", Answer::Number(1.0)),
            ("nature", Answer::Text("bas".into())),
            ("agents", Answer::Number(-3.0)),
        ]),
    )
    .unwrap_err();
    assert_eq!(errors.len(), 3, "every bad answer is reported: {errors:?}");
    let all = plain(
        &errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    );
    assert!(all.contains("« acheve » attend un booléen"), "{all}");
    assert!(all.contains("true (oui), false (non)"), "{all}");
    assert!(
        all.contains("« bas » n'est pas une réponse possible"),
        "{all}"
    );
    assert!(all.contains("vouliez-vous dire « base »"), "{all}");
    assert!(all.contains("\"base\", \"autre\""), "{all}");
    assert!(all.contains("« agents » attend un nombre"), "{all}");
}

#[test]
fn unknown_questionnaire_lists_the_known_ones() {
    let b = bundle();
    let e = engine::find_questionnaire(&b, Some("minu")).unwrap_err();
    let s = plain(&e.to_string());
    assert!(s.contains("vouliez-vous dire « mini »"), "{s}");
}

#[test]
fn evaluation_is_deterministic() {
    let b = bundle();
    let a = answers(&[
        ("acheve", Answer::Bool(true)),
        ("agents", Answer::Number(120.0)),
        ("nature", Answer::Text("base".into())),
        ("commentaire", Answer::Text("x".into())),
    ]);
    let one = eval(&b, &a).unwrap();
    let two = eval(&b, &a).unwrap();
    assert_eq!(one, two);
}

// ------------------------------------------------------------------ tally

/// tests/fixtures/tally: compte_a, compte_b, compte_c (yes/no), then the
/// tally compte_total: 0 → compte_aucun, 1 → compte_un, 2 or more →
/// compte_suite (a yes/no question) with a finding.
fn tally_bundle() -> Bundle {
    Bundle::from_sources([(
        "tally/compte.toml",
        include_str!("fixtures/tally/compte.toml"),
    )])
    .unwrap_or_else(|e| panic!("{e}"))
}

fn criteria(a: bool, b: bool, c: bool) -> BTreeMap<String, Answer> {
    answers(&[
        ("compte_a", Answer::Bool(a)),
        ("compte_b", Answer::Bool(b)),
        ("compte_c", Answer::Bool(c)),
    ])
}

#[test]
fn a_tally_is_worked_out_from_the_path_never_asked() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    let Evaluation::Pending { question, path } =
        engine::evaluate(&b, q, &criteria(true, false, true)).unwrap()
    else {
        panic!("expected the question after the tally")
    };
    assert_eq!(question.id, "compte_suite");
    let ids: Vec<&str> = path.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(ids, ["compte_a", "compte_b", "compte_c", "compte_total"]);
    let t = &path[3];
    assert!(t.computed);
    assert!(path[..3].iter().all(|s| !s.computed));
    assert_eq!(t.answer, Answer::Number(2.0));
    assert_eq!(t.label, "2 sur 3 (deux critères ou plus)");
    assert_eq!(t.text, "Nombre de critères remplis");
    assert_eq!(
        t.because.as_deref(),
        Some("Deux critères au moins sont remplis.")
    );
    assert_eq!(t.articles[0].id, "crpa-L300-2");
    assert_eq!(t.findings, ["compte_plusieurs_criteres"]);
}

#[test]
fn a_tally_routes_by_its_ranges() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    for ((a, bb, c), outcome, label) in [
        (
            (false, false, false),
            "compte_aucun",
            "0 sur 3 (aucun critère)",
        ),
        (
            (false, true, false),
            "compte_un",
            "1 sur 3 (un seul critère)",
        ),
        (
            (false, false, true),
            "compte_un",
            "1 sur 3 (un seul critère)",
        ),
    ] {
        let Evaluation::Done(d) = engine::evaluate(&b, q, &criteria(a, bb, c)).unwrap() else {
            panic!("expected a decision")
        };
        assert_eq!(d.outcome.id, outcome);
        assert_eq!(d.path.last().unwrap().label, label);
        assert!(d.unused_answers.is_empty());
        assert!(d.findings.is_empty(), "only the ≥ 2 range adds a finding");
    }
    let mut all = criteria(true, true, true);
    all.insert("compte_suite".into(), Answer::Bool(true));
    let Evaluation::Done(d) = engine::evaluate(&b, q, &all).unwrap() else {
        panic!("expected a decision")
    };
    assert_eq!(d.outcome.id, "compte_plusieurs");
    assert_eq!(d.path[3].answer, Answer::Number(3.0));
    let found: Vec<&str> = d.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(found, ["compte_plusieurs_criteres", "compte_publier"]);
}

#[test]
fn oui_written_as_a_string_counts_too() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    let a = answers(&[
        ("compte_a", Answer::Text("oui".into())),
        ("compte_b", Answer::Text("non".into())),
        ("compte_c", Answer::Bool(false)),
    ]);
    let Evaluation::Done(d) = engine::evaluate(&b, q, &a).unwrap() else {
        panic!("expected a decision")
    };
    assert_eq!(d.outcome.id, "compte_un");
}

#[test]
fn only_answers_on_the_path_so_far_are_counted() {
    let b = tally_bundle();
    let t = b.question("compte_total").unwrap();
    let yes = Answer::Bool(true);
    // An answer to a question not on the path (here: not given) counts as
    // « non »; answers to other questions never count.
    let r = engine::tally(t, [("compte_a", &yes), ("compte_suite", &yes)]).unwrap();
    assert_eq!((r.count, r.route.next), (1, "compte_un"));
    let r = engine::tally(t, [("compte_a", &yes), ("compte_b", &yes)]).unwrap();
    assert_eq!((r.count, r.route.next), (2, "compte_suite"));
    // Not a tally: nothing to work out.
    assert!(engine::tally(b.question("compte_a").unwrap(), []).is_none());
}

#[test]
fn an_answer_given_for_a_tally_is_refused() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    let mut a = criteria(true, true, false);
    a.insert("compte_total".into(), Answer::Number(2.0));
    let errors = engine::evaluate(&b, q, &a).unwrap_err();
    assert_eq!(
        errors,
        [AnswerError::Computed {
            id: "compte_total".into(),
            counts: vec!["compte_a".into(), "compte_b".into(), "compte_c".into()],
        }]
    );
    let m = plain(&errors[0].to_string());
    assert!(
        m.starts_with("« compte_total » est calculé, pas demandé"),
        "{m}"
    );
    // Whatever the value: there is no value to give.
    let t = b.question("compte_total").unwrap();
    assert_eq!(engine::allowed(t), engine::Allowed::Nothing);
    for given in [Answer::Bool(true), Answer::Text("2".into())] {
        assert!(matches!(
            engine::resolve(t, &given),
            Err(AnswerError::Computed { .. })
        ));
    }
}

#[test]
fn a_tally_id_is_not_suggested_for_a_misspelt_answer() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    let errors =
        engine::evaluate(&b, q, &answers(&[("compte_totl", Answer::Number(1.0))])).unwrap_err();
    assert!(
        matches!(&errors[0], AnswerError::UnknownQuestion { suggestion, .. } if suggestion.as_deref() != Some("compte_total")),
        "{errors:?}"
    );
}

#[test]
fn the_json_trace_marks_the_worked_out_step() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    let Evaluation::Done(d) = engine::evaluate(&b, q, &criteria(false, true, false)).unwrap()
    else {
        panic!("expected a decision")
    };
    let json: serde_json::Value =
        serde_json::from_str(&aiguillage::output::json::json(&d)).unwrap();
    let path = json["path"].as_array().unwrap();
    assert_eq!(path[3]["computed"], true);
    assert_eq!(path[3]["answer"], 1);
    assert_eq!(path[3]["label"], "1 sur 3 (un seul critère)");
    assert!(path[..3].iter().all(|s| s.get("computed").is_none()));
}

#[test]
fn the_why_section_says_the_step_is_worked_out() {
    let b = tally_bundle();
    let q = b.questionnaire("compte").unwrap();
    let Evaluation::Done(d) = engine::evaluate(&b, q, &criteria(false, true, false)).unwrap()
    else {
        panic!("expected a decision")
    };
    let look = aiguillage::output::text::Look {
        texts: &aiguillage::text::i18n::FR,
        glyphs: &aiguillage::text::glyphs::ASCII,
        width: aiguillage::output::text::DEFAULT_WIDTH,
        detail: true,
    };
    let text = plain(&console::strip_ansi_codes(&aiguillage::output::text::text(
        &d, look,
    )));
    assert!(
        text.contains(
            "  4. Nombre de critères remplis (calculé d'après vos réponses)\n     -> 1 sur 3 (un seul critère)\n     Un seul critère est rempli.\n"
        ),
        "{text}"
    );
    let md = plain(&aiguillage::output::markdown::markdown(
        &d,
        &aiguillage::text::i18n::FR,
    ));
    assert!(
        md.contains("4. Nombre de critères remplis (calculé d'après vos réponses) **1 sur 3 (un seul critère)** — Un seul critère est rempli."),
        "{md}"
    );
}

#[test]
fn a_bundle_without_questionnaire_is_refused() {
    let e = Bundle::from_sources([(
        "questionnaires/articles.toml",
        include_str!("../questionnaires/articles.toml"),
    )])
    .unwrap_err();
    assert_eq!(aiguillage::Error::from(e).exit_code(), 2);
}

/// A yes/no question that gained « je ne sais pas » is a choice of `oui`,
/// `non` and `ne_sait_pas`: `true` and `false`, as older answers files
/// wrote them, keep their meaning; a choice without `oui`/`non` still
/// refuses a boolean.
#[test]
fn a_choice_offering_oui_and_non_reads_true_and_false() {
    const TREE: &str = r#"
id = "t"
title = "T"
version = "1.0.0"
legal_date = "2026-12-01"
start = "q"

[[questions]]
id = "q"
kind = "choice"
text = "Q ?"
help = "Aide."
[[questions.choices]]
value = "oui"
label = "Oui"
next = "fin_oui"
[[questions.choices]]
value = "non"
label = "Non"
next = "fin_non"
[[questions.choices]]
value = "ne_sait_pas"
label = "Je ne sais pas"
next = "fin_oui"

[[outcomes]]
id = "fin_oui"
verdict = "must"
title = "Oui"
summary = "Résumé."
guides = ["juridique"]

[[outcomes]]
id = "fin_non"
verdict = "may"
title = "Non"
summary = "Résumé."
guides = ["juridique"]
"#;
    let b = Bundle::from_sources([("t/t.toml", TREE)]).unwrap_or_else(|e| panic!("{e}"));
    let q = b.questionnaire("t").unwrap();
    let outcome = |a: Answer| match engine::evaluate(&b, q, &answers(&[("q", a)])) {
        Ok(Evaluation::Done(d)) => d.outcome.id,
        other => panic!("{other:?}"),
    };
    assert_eq!(outcome(Answer::Bool(true)), "fin_oui");
    assert_eq!(outcome(Answer::Bool(false)), "fin_non");
    assert_eq!(outcome(Answer::Text("non".into())), "fin_non");
    assert_eq!(outcome(Answer::Text("ne_sait_pas".into())), "fin_oui");

    let mini = bundle();
    let errors = eval(
        &mini,
        &answers(&[
            ("acheve", Answer::Bool(true)),
            ("agents", Answer::Number(50.0)),
            ("nature", Answer::Bool(true)),
        ]),
    )
    .unwrap_err();
    assert!(
        matches!(&errors[..], [AnswerError::WrongType { id, .. }] if id == "nature"),
        "{errors:?}"
    );
}

/// A precise finding replaces the general one an earlier answer brought:
/// the decision, its trace and the batch record say the precise one only.
#[test]
fn a_finding_replaces_the_general_one_when_both_are_on_the_path() {
    const TREE: &str = r#"
id = "t"
title = "T"
version = "1.0.0"
legal_date = "2026-12-01"
start = "perso"

[[questions]]
id = "perso"
kind = "yes_no"
text = "Données personnelles ?"
help = "Aide."
[[questions.choices]]
value = "oui"
label = "Oui"
next = "exception"
findings = ["anonymiser_sauf"]
[[questions.choices]]
value = "non"
label = "Non"
next = "fin"

[[questions]]
id = "exception"
kind = "choice"
text = "Une exception ?"
help = "Aide."
[[questions.choices]]
value = "consentement"
label = "Accord des personnes"
next = "fin"
findings = ["garder_les_accords"]
[[questions.choices]]
value = "aucune"
label = "Aucune"
next = "fin"

[[findings]]
id = "anonymiser_sauf"
kind = "warning"
text = "Anonymisez, sauf accord des personnes."

[[findings]]
id = "garder_les_accords"
kind = "warning"
text = "Gardez la preuve des accords."
replaces = ["anonymiser_sauf", "garder_les_accords"]

[[outcomes]]
id = "fin"
verdict = "may"
title = "Fin"
summary = "Résumé."
guides = ["juridique"]
"#;
    let b = Bundle::from_sources([("t/t.toml", TREE)]).unwrap_or_else(|e| panic!("{e}"));
    let q = b.questionnaire("t").unwrap();
    let ids = |exception: &str| {
        let a = answers(&[
            ("perso", Answer::Bool(true)),
            ("exception", Answer::Text(exception.into())),
        ]);
        let Ok(Evaluation::Done(d)) = engine::evaluate(&b, q, &a) else {
            panic!("no decision")
        };
        let walk = engine::walk(&b, q, &a).unwrap();
        let from_walk: Vec<String> = walk.finding_ids(&b).iter().map(|s| s.to_string()).collect();
        let ids: Vec<String> = d.findings.iter().map(|f| f.id.clone()).collect();
        assert_eq!(ids, from_walk, "the decision and the walk agree");
        ids
    };
    assert_eq!(ids("aucune"), ["anonymiser_sauf"]);
    assert_eq!(
        ids("consentement"),
        ["garder_les_accords"],
        "replaced, never itself"
    );
}

// ------------------------------------------------------------ switch

/// A partial secret asked first, full automation asked later: a `switch`
/// routes on the finding the first answer added, and is never asked.
const SWITCH: &str = r#"
id = "aiguille"
title = "Aiguillage"
version = "1.0.0"
legal_date = "2026-12-06"
start = "secret"

[[questions]]
id = "secret"
kind = "yes_no"
text = "Une partie est-elle secrète ?"
help = "Aide."
choices = [
  { value = "oui", label = "Oui", next = "automatise", findings = ["partiel"] },
  { value = "non", label = "Non", next = "automatise" },
]

[[questions]]
id = "automatise"
kind = "yes_no"
text = "Décide-t-il seul ?"
help = "Aide."
choices = [
  { value = "oui", label = "Oui", next = "aiguillage" },
  { value = "non", label = "Non", next = "aide" },
]

[[questions]]
id = "aiguillage"
kind = "switch"
text = "Le secret empêche-t-il de décider seul ?"
choices = [
  { value = "secret", label = "Oui : une partie est secrète", when = "finding:partiel", next = "exclu", because = "Un traitement en partie secret ne peut pas décider seul." },
  { value = "libre", label = "Non : rien n'est secret", next = "seul" },
]

[[findings]]
id = "partiel"
kind = "note"
text = "Une partie est secrète."

[[outcomes]]
id = "exclu"
verdict = "cannot"
title = "Ne peut pas décider seul"
summary = "Fin."
guides = ["algorithmes"]

[[outcomes]]
id = "seul"
verdict = "may"
title = "Peut décider seul"
summary = "Fin."
guides = ["algorithmes"]

[[outcomes]]
id = "aide"
verdict = "may"
title = "Aide à la décision"
summary = "Fin."
guides = ["algorithmes"]
"#;

#[test]
fn a_switch_routes_on_the_findings_of_the_path_and_is_never_asked() {
    let b = Bundle::from_sources([("t/aiguille.toml", SWITCH)]).unwrap_or_else(|e| panic!("{e}"));
    let q = b.questionnaire("aiguille").unwrap();
    for (secret, outcome, value) in [(true, "exclu", "secret"), (false, "seul", "libre")] {
        let given = answers(&[
            ("secret", Answer::Bool(secret)),
            ("automatise", Answer::Bool(true)),
        ]);
        let Evaluation::Done(d) = engine::evaluate(&b, q, &given).unwrap() else {
            panic!("expected a decision")
        };
        assert_eq!(d.outcome.id, outcome);
        let last = d.path.last().unwrap();
        assert_eq!(last.question, "aiguillage");
        assert!(last.computed);
        assert_eq!(last.answer, Answer::Text(value.into()));
        assert!(d.unused_answers.is_empty());
    }
    // Never asked, so never given.
    let given = answers(&[
        ("secret", Answer::Bool(true)),
        ("automatise", Answer::Bool(true)),
        ("aiguillage", Answer::Text("libre".into())),
    ]);
    let errors = engine::evaluate(&b, q, &given).unwrap_err();
    assert!(
        matches!(&errors[0], engine::AnswerError::Computed { id, .. } if id == "aiguillage"),
        "{errors:?}"
    );
    // Every path: the switch takes one way out on each.
    let paths = aiguillage::tools::paths::enumerate(&b, q);
    let ends: Vec<&str> = paths.iter().map(|p| p.outcome.id.as_str()).collect();
    assert_eq!(ends, ["exclu", "aide", "seul", "aide"]);
}

#[test]
fn a_switch_must_route_on_findings_and_end_with_a_default() {
    let broken = SWITCH
        .replace(
            r#"{ value = "libre", label = "Non : rien n'est secret", next = "seul" }"#,
            r#"{ value = "libre", label = "Non", when = "finding:partiel", next = "seul" }"#,
        )
        .replace(
            r#"when = "finding:partiel", next = "exclu""#,
            r#"when = "answer:secret=oui", next = "exclu""#,
        );
    let Err(aiguillage::core::catalog::LoadError::Invalid(report)) =
        Bundle::from_sources([("t/aiguille.toml", broken.as_str())])
    else {
        panic!("a switch without a default choice must be refused")
    };
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"bad-kind"), "{codes:?}");
    assert!(codes.contains(&"switch-condition"), "{codes:?}");
}
