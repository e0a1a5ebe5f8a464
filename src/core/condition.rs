//! The conditions of the content, evaluated: `finding:ID | outcome:ID`
//! and the like (parsed by [`crate::core::template::parse_condition`]),
//! against what a decision, or a path that `check` walks, establishes.
//!
//! The logic has three values: a test about something not known where it
//! is evaluated (a free-text field, when `check` walks the paths) is
//! neither true nor false, and an « or » of tests is true as soon as one
//! is, false only when all are.

use crate::core::model::{Answer, Verdict};
use crate::core::template::{Test, TestKind};
use crate::text::number::fmt_num;

/// What a condition can ask about. A method that answers `None` cannot
/// tell here.
pub trait Facts {
    fn has_finding(&self, id: &str) -> bool;
    fn outcome(&self) -> &str;
    fn verdict(&self) -> Verdict;
    /// The answer given to `question`, when it was asked.
    fn answer(&self, question: &str) -> Option<&Answer>;
    /// The text of a free-text field, `Some(None)` when not given; `None`
    /// when the fields are not known.
    fn field(&self, _id: &str) -> Option<Option<&str>> {
        None
    }
    /// Whether some text of the decision contains `text`; `None` when the
    /// texts are not known.
    fn says(&self, _text: &str) -> Option<bool> {
        None
    }
}

/// Whether one test holds; `None` when it cannot be told.
pub fn test(t: &Test, facts: &impl Facts) -> Option<bool> {
    Some(match t.kind {
        TestKind::Finding => facts.has_finding(&t.id),
        TestKind::Outcome => facts.outcome() == t.id,
        TestKind::Verdict => facts.verdict().as_str() == t.id,
        TestKind::Answer => match (facts.answer(&t.id), &t.value) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(a), Some(v)) => answer_is(a, v),
        },
        TestKind::Field => {
            let given = facts.field(&t.id)?.map(str::trim).filter(|v| !v.is_empty());
            match (&t.value, given) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(want), Some(v)) => v == want,
            }
        }
        TestKind::Says => return facts.says(&t.id),
    })
}

/// Whether any of `tests` holds (« or »); `None` when none is known to
/// hold and some cannot be told.
pub fn any(tests: &[Test], facts: &impl Facts) -> Option<bool> {
    let mut unknown = false;
    for t in tests {
        match test(t, facts) {
            Some(true) => return Some(true),
            Some(false) => {}
            None => unknown = true,
        }
    }
    if unknown { None } else { Some(false) }
}

/// Whether `answer` is the value a condition writes: `oui`/`non` for a
/// boolean, the choice's value, the number as an answers file writes it.
pub fn answer_is(answer: &Answer, value: &str) -> bool {
    match answer {
        Answer::Bool(b) => value == if *b { "oui" } else { "non" },
        Answer::Text(x) => value == x,
        Answer::Number(n) => value == fmt_num(*n),
    }
}

/// Whether a text with conditions `when` (shown when one holds; absent:
/// always) and `unless` (hidden when one holds) is shown. Conditions that
/// do not parse never hold: `check` reports them.
pub fn shown(when: Option<&str>, unless: Option<&str>, facts: &impl Facts) -> Option<bool> {
    let parsed = |c: &str| crate::core::template::parse_condition(c, 0).ok();
    let when = match when {
        None => Some(true),
        Some(c) => parsed(c).map_or(Some(false), |tests| any(&tests, facts)),
    };
    let unless = match unless {
        None => Some(false),
        Some(c) => parsed(c).map_or(Some(false), |tests| any(&tests, facts)),
    };
    match (when, unless) {
        (Some(false), _) | (_, Some(true)) => Some(false),
        (Some(true), Some(false)) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::template::parse_condition;

    struct Path;
    impl Facts for Path {
        fn has_finding(&self, id: &str) -> bool {
            id == "a"
        }
        fn outcome(&self) -> &str {
            "fin"
        }
        fn verdict(&self) -> Verdict {
            Verdict::Must
        }
        fn answer(&self, q: &str) -> Option<&Answer> {
            static YES: Answer = Answer::Bool(true);
            (q == "q").then_some(&YES)
        }
    }

    fn eval(c: &str) -> Option<bool> {
        any(&parse_condition(c, 0).unwrap(), &Path)
    }

    #[test]
    fn tests_of_each_kind() {
        assert_eq!(eval("finding:a"), Some(true));
        assert_eq!(eval("finding:b"), Some(false));
        assert_eq!(eval("outcome:fin"), Some(true));
        assert_eq!(eval("verdict:must"), Some(true));
        assert_eq!(eval("verdict:may"), Some(false));
        assert_eq!(eval("answer:q=oui"), Some(true));
        assert_eq!(eval("answer:q=non"), Some(false));
        assert_eq!(eval("answer:r"), Some(false));
    }

    #[test]
    fn unknown_facts_make_an_or_unknown_unless_another_test_holds() {
        assert_eq!(eval("field:x"), None);
        assert_eq!(eval("says:x"), None);
        assert_eq!(eval("field:x | finding:b"), None);
        assert_eq!(eval("field:x | finding:a"), Some(true));
    }

    #[test]
    fn when_and_unless() {
        assert_eq!(shown(None, None, &Path), Some(true));
        assert_eq!(shown(Some("finding:a"), None, &Path), Some(true));
        assert_eq!(
            shown(Some("finding:a"), Some("outcome:fin"), &Path),
            Some(false)
        );
        assert_eq!(shown(Some("finding:b"), None, &Path), Some(false));
        assert_eq!(shown(None, Some("finding:b"), &Path), Some(true));
        assert_eq!(shown(Some("field:x"), None, &Path), None);
        assert_eq!(
            shown(Some("field:x"), Some("finding:a"), &Path),
            Some(false)
        );
    }
}

/// Where a condition is written, and so which tests it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// What chooses a text the decision shows or drafts: a next step, a
    /// sentence of a summary, a document or a part of one. Findings, the
    /// outcome and the verdict, never an answer: a decision's texts follow
    /// from its findings. `fields` for documents.
    Text { fields: bool },
    /// A declaration that `check` proves on every path (`excludes`,
    /// `requires`, `[[rules]]`): anything a path establishes, answers and
    /// what the decision says included.
    Declaration,
    /// The `when` of a `switch` choice: the findings the path has so far,
    /// nothing else (no outcome or verdict is reached yet).
    Route,
}

/// What is wrong with one test written for `usage`, against the content
/// of `bundle` (`fields`: the free-text fields of the documents, when
/// known): a stable code and a message.
pub fn problem(
    t: &Test,
    usage: Use,
    bundle: &crate::core::catalog::Bundle,
    fields: Option<&dyn Fn(&str) -> bool>,
) -> Option<(&'static str, String)> {
    use crate::text::suggest::suggest;
    let id = t.id.as_str();
    let missing = |m: String| Some(("missing-reference", m));
    match (t.kind, usage) {
        (TestKind::Answer, Use::Text { .. }) => {
            return Some(("condition-on-answer", msg::condition_on_answer(id)));
        }
        (TestKind::Says, Use::Text { .. }) => {
            return Some(("says-outside-declaration", msg::says_outside()));
        }
        (TestKind::Field, Use::Text { fields: false } | Use::Declaration) => {
            return Some(("field-outside-document", msg::field_outside()));
        }
        (kind, Use::Route) if kind != TestKind::Finding => {
            return Some(("switch-condition", msg::route_findings_only()));
        }
        _ => {}
    }
    match t.kind {
        TestKind::Finding if bundle.finding(id).is_none() => {
            let all = bundle
                .questionnaires
                .iter()
                .flat_map(|(_, q)| q.findings.iter().map(|f| f.id.as_str()));
            missing(msg::unknown_finding(id, &suggest(id, all)))
        }
        TestKind::Outcome if bundle.outcome(id).is_none() => {
            let all = bundle
                .questionnaires
                .iter()
                .flat_map(|(_, q)| q.outcomes.iter().map(|o| o.id.as_str()));
            missing(msg::unknown_outcome(id, &suggest(id, all)))
        }
        TestKind::Verdict if !Verdict::ALL.iter().any(|v| v.as_str() == id) => {
            let all = Verdict::ALL.iter().map(|v| v.as_str());
            missing(msg::unknown_verdict(id, &suggest(id, all)))
        }
        TestKind::Answer => match bundle.question(id) {
            None => missing(msg::unknown_question(
                id,
                &suggest(id, bundle.question_ids()),
            )),
            Some(q) => {
                let v = t.value.as_deref()?;
                let values: Vec<&str> = q.choices.iter().map(|c| c.value.as_str()).collect();
                let number = matches!(
                    q.kind,
                    crate::core::model::QuestionKind::Number
                        | crate::core::model::QuestionKind::Tally
                );
                if values.contains(&v) || (number && v.parse::<f64>().is_ok()) {
                    None
                } else {
                    let hint = suggest(v, values.iter().copied());
                    missing(msg::unknown_choice(v, id, &hint, &values.join(", ")))
                }
            }
        },
        TestKind::Field => match fields {
            Some(known) if !known(id) => Some(("unknown-field", msg::unknown_field(id))),
            _ => None,
        },
        _ => None,
    }
}

/// User-facing strings of the conditions' checks.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn condition_on_answer(question: &str) {
            fr: "une condition qui choisit un texte ne teste pas une réponse (« answer:{question} ») : elle teste un constat (finding:ID), l'issue (outcome:ID) ou le verdict (verdict:must…), pour que tout ce que dit la décision découle de ses constats ; ajoutez au besoin le constat que cette réponse établit",
            en: "a condition that chooses a text does not test an answer (« answer:{question} »): it tests a finding (finding:ID), the outcome (outcome:ID) or the verdict (verdict:must…), so that all a decision says follows from its findings; add the finding this answer establishes if needed",
        }
        fn route_findings_only() {
            fr: "un choix de `switch` ne teste que des constats (finding:ID) : ceux du chemin jusque-là",
            en: "a `switch` choice tests findings only (finding:ID): those of the path so far",
        }
        fn says_outside() {
            fr: "« says: » ne s'emploie que dans les déclarations de cohérence (excludes, requires, [[rules]])",
            en: "« says: » is only used in consistency declarations (excludes, requires, [[rules]])",
        }
        fn field_outside() {
            fr: "« field: » ne s'emploie que dans les modèles de documents",
            en: "« field: » is only used in document templates",
        }
        fn unknown_finding(id: &str, hint: &str) {
            fr: "constat inconnu « {id} »{hint}",
            en: "unknown finding « {id} »{hint}",
        }
        fn unknown_outcome(id: &str, hint: &str) {
            fr: "issue inconnue « {id} »{hint}",
            en: "unknown outcome « {id} »{hint}",
        }
        fn unknown_verdict(id: &str, hint: &str) {
            fr: "verdict inconnu « {id} »{hint} (must, may, not_concerned, not_yet, cannot)",
            en: "unknown verdict « {id} »{hint} (must, may, not_concerned, not_yet, cannot)",
        }
        fn unknown_question(id: &str, hint: &str) {
            fr: "question inconnue « {id} »{hint}",
            en: "unknown question « {id} »{hint}",
        }
        fn unknown_choice(value: &str, question: &str, hint: &str, allowed: &str) {
            fr: "« {value} » n'est pas une valeur de la question « {question} »{hint} (valeurs : {allowed})",
            en: "« {value} » is not a value of question « {question} »{hint} (values: {allowed})",
        }
        fn unknown_field(id: &str) {
            fr: "champ inconnu « {id} » (les champs sont déclarés dans champs.toml)",
            en: "unknown field « {id} » (the fields are declared in champs.toml)",
        }
    }
}
