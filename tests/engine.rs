//! Unit tests of the pure engine on a small tree (tests/fixtures/mini).

use std::collections::BTreeMap;

use aiguillage::Bundle;
use aiguillage::engine::{self, AnswerError, Evaluation};
use aiguillage::model::{Answer, FindingKind, Verdict};

fn bundle() -> Bundle {
    Bundle::from_sources([
        ("mini/q.toml", include_str!("fixtures/mini/q.toml")),
        (
            "questionnaires/articles.toml",
            include_str!("../questionnaires/articles.toml"),
        ),
        (
            "questionnaires/glossaire.toml",
            include_str!("../questionnaires/glossaire.toml"),
        ),
        (
            "guides/catalogue.toml",
            include_str!("../guides/catalogue.toml"),
        ),
    ])
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
    assert!(
        errors[0]
            .to_string()
            .contains("vouliez-vous dire « acheve »")
    );
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
    let all = errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
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
    let s = e.to_string();
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
