//! `aiguillage questions`: the reference for writing answers files — every
//! question, the values it accepts, where it sits and what leads to it —
//! and `--skeleton`, an answers file to fill in.

use serde::Serialize;

use crate::core::catalog::Bundle;
use crate::core::model::{Question, QuestionKind, Questionnaire};
use crate::text::number::fmt_num;
use crate::tools::paths::{self, Predecessor, Predecessors, answer_json, answer_text, edges};

/// One accepted value of a question.
#[derive(Debug, Serialize)]
pub struct ValueOut<'q> {
    /// How it is written in an answers file (absent for number ranges and
    /// free text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<serde_json::Value>,
    /// Number ranges: `[min, below)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    pub label: &'q str,
    pub next: &'q str,
}

/// One question, as listed.
#[derive(Debug, Serialize)]
pub struct QuestionOut<'q> {
    pub id: &'q str,
    pub questionnaire: &'q str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'q str>,
    pub kind: QuestionKind,
    pub text: &'q str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'q str>,
    pub values: Vec<ValueOut<'q>>,
    /// A `tally` (worked out, never asked, never in an answers file): the
    /// yes/no questions whose « oui » answers it counts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub count: Vec<&'q str>,
    /// Set when the question is where its questionnaire starts.
    pub starts: bool,
    /// The answers that lead to it.
    pub reached_from: Vec<Predecessor>,
}

/// The questions of `only` (every questionnaire when `None`), in file
/// order.
pub fn list<'b>(bundle: &'b Bundle, only: Option<&'b Questionnaire>) -> Vec<QuestionOut<'b>> {
    // What leads to each question, found once for all of them.
    let preds = Predecessors::of(bundle);
    bundle
        .questionnaires
        .iter()
        .map(|(_, q)| q)
        .filter(|q| only.is_none_or(|o| o.id == q.id))
        .flat_map(|q| q.questions.iter().map(move |x| (q, x)))
        .map(|(q, x)| describe(&preds, q, x))
        .collect()
}

fn describe<'b>(preds: &Predecessors, qn: &'b Questionnaire, q: &'b Question) -> QuestionOut<'b> {
    let values = match q.kind {
        QuestionKind::Number | QuestionKind::Tally => q
            .ranges
            .iter()
            .map(|r| ValueOut {
                answer: None,
                min: r.min,
                below: r.below,
                label: &r.label,
                next: &r.branch.next,
            })
            .collect(),
        QuestionKind::Text => edges(q)
            .into_iter()
            .map(|e| ValueOut {
                answer: None,
                min: None,
                below: None,
                label: e.label,
                next: e.next,
            })
            .collect(),
        QuestionKind::YesNo | QuestionKind::Choice | QuestionKind::Switch => edges(q)
            .into_iter()
            .map(|e| ValueOut {
                answer: Some(answer_json(&e.answer)),
                min: None,
                below: None,
                label: e.label,
                next: e.next,
            })
            .collect(),
    };
    QuestionOut {
        id: &q.id,
        questionnaire: &qn.id,
        section: q.section.as_deref(),
        kind: q.kind,
        text: &q.text,
        unit: q.unit.as_deref(),
        values,
        count: q.count.iter().map(String::as_str).collect(),
        starts: qn.start == q.id,
        reached_from: preds.get(&q.id).to_vec(),
    }
}

/// The text listing: one block per question, grouped by questionnaire.
pub fn text(bundle: &Bundle, list: &[QuestionOut<'_>]) -> String {
    let mut s = String::new();
    let mut current = "";
    for q in list {
        if q.questionnaire != current {
            current = q.questionnaire;
            let title = bundle
                .questionnaire(current)
                .map(|x| x.title.as_str())
                .unwrap_or_default();
            if !s.is_empty() {
                s.push('\n');
            }
            s.push_str(&format!("{current} — {title}\n"));
        }
        s.push_str(&block(bundle, q));
    }
    s
}

fn block(bundle: &Bundle, q: &QuestionOut<'_>) -> String {
    let mut s = format!("\n  {} — {}\n", q.id, msg::kind(q.kind, q.unit));
    s.push_str(&format!("    {}\n", q.text));
    if let Some(section) = q.section {
        s.push_str(&format!("    {} {section}\n", msg::section()));
    }
    if !q.count.is_empty() {
        s.push_str(&format!("    {} {}\n", msg::counts(), q.count.join(", ")));
    }
    s.push_str(&format!("    {}\n", msg::values()));
    let width = q
        .values
        .iter()
        .map(|v| value_text(v).chars().count())
        .max()
        .unwrap_or(0);
    for v in &q.values {
        let written = value_text(v);
        let pad = " ".repeat(width - written.chars().count());
        s.push_str(&format!("      {written}{pad}  {}\n", v.label));
    }
    let mut from: Vec<String> = Vec::new();
    if q.starts {
        from.push(msg::start_of(q.questionnaire));
    }
    from.extend(reached_from(bundle, &q.reached_from));
    let after = if q.kind.is_computed() {
        msg::computed_after()
    } else {
        msg::reached_from()
    };
    let semicolon = crate::text::i18n::texts().semicolon;
    s.push_str(&format!(
        "    {after} {}\n",
        from.join(&format!("{semicolon} "))
    ));
    s
}

/// The answers that lead to a question, grouped by question:
/// `q = "a" | "b"`, `n : « Moins de 50 »`, `q (toute réponse)`.
fn reached_from(bundle: &Bundle, preds: &[Predecessor]) -> Vec<String> {
    let colon = crate::text::i18n::texts().colon;
    let mut groups: Vec<(&str, Vec<&Predecessor>)> = Vec::new();
    let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for p in preds {
        match group_of.get(p.question.as_str()) {
            Some(&i) => groups[i].1.push(p),
            None => {
                group_of.insert(&p.question, groups.len());
                groups.push((&p.question, vec![p]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(id, list)| {
            let question = bundle.question(id);
            let every = question.is_some_and(|q| edges(q).len() == list.len());
            let number = question
                .is_some_and(|q| matches!(q.kind, QuestionKind::Number | QuestionKind::Tally));
            if every && list.len() > 1 {
                format!("{id} {}", msg::any_answer())
            } else if number {
                let labels: Vec<String> = list
                    .iter()
                    .map(|p| crate::text::typography::typeset_owned(format!("« {} »", p.label)))
                    .collect();
                format!("{id}{colon} {}", labels.join(" | "))
            } else {
                let values: Vec<String> = list.iter().map(|p| answer_text(&p.answer)).collect();
                format!("{id} = {}", values.join(" | "))
            }
        })
        .collect()
}

/// A value as the user writes it: `true`, `"etat"`, `[50 ; ∞[`.
fn value_text(v: &ValueOut<'_>) -> String {
    match (&v.answer, v.min, v.below) {
        (Some(a), _, _) => a.to_string(),
        (None, None, None) => crate::text::i18n::texts().free_text.into(),
        (None, min, below) => msg::range(min, below),
    }
}

/// A skeleton answers file for `questionnaire`: every question it can ask
/// (following jumps), in the order a user meets them, each with a
/// placeholder that names the allowed values and the question. A `tally`
/// is worked out, never asked: it is left out.
///
/// JSON has no comments and the answers format no `null`: a placeholder
/// is a string `<…>`, which the program refuses for every yes/no, choice
/// and number question, with the list of allowed values — a forgotten
/// placeholder cannot slip through unnoticed.
pub fn skeleton(bundle: &Bundle, questionnaire: &Questionnaire) -> String {
    let questions: Vec<&Question> = paths::reachable_questions(bundle, questionnaire)
        .into_iter()
        .filter(|q| !q.kind.is_computed())
        .collect();
    let mut s = String::from("{\n");
    s.push_str(&format!(
        "  \"questionnaire\": {},\n  \"answers\": {{",
        serde_json::Value::from(questionnaire.id.as_str())
    ));
    for (i, q) in questions.iter().enumerate() {
        let sep = if i == 0 { "\n" } else { ",\n" };
        s.push_str(&format!(
            "{sep}    {}: {}",
            serde_json::Value::from(q.id.as_str()),
            serde_json::Value::from(placeholder(q))
        ));
    }
    s.push_str(if questions.is_empty() {
        "}\n}\n"
    } else {
        "\n  }\n}\n"
    });
    s
}

/// `<true | false> Le document est-il achevé ?`
fn placeholder(q: &Question) -> String {
    let values = match q.kind {
        QuestionKind::YesNo => "true | false".to_owned(),
        QuestionKind::Choice => q
            .choices
            .iter()
            .map(|c| format!("\"{}\"", c.value))
            .collect::<Vec<_>>()
            .join(" | "),
        QuestionKind::Number => msg::number(q.unit.as_deref()),
        QuestionKind::Text => crate::text::i18n::texts().free_text.into(),
        // Never in a skeleton (see above).
        QuestionKind::Tally | QuestionKind::Switch => msg::kind(q.kind, None),
    };
    format!("<{values}> {}", q.text)
}

/// User-facing strings of this module.
pub(crate) mod msg {
    use super::{QuestionKind, fmt_num};

    crate::text::i18n::messages! {
        fn section() { fr: "partie :", en: "section:" }
        fn values() { fr: "valeurs :", en: "values:" }
        fn reached_from() { fr: "posée après :", en: "asked after:" }
        fn computed_after() { fr: "calculé après :", en: "worked out after:" }
        /// After a question when every answer to it leads on.
        fn any_answer() { fr: "(toute réponse)", en: "(any answer)" }
        fn counts() { fr: "compte les « oui » à :", en: "counts the « yes » answers to:" }
        fn yes_no() { fr: "oui/non", en: "yes/no" }
        fn choice() { fr: "choix", en: "choice" }
        fn text() { fr: "texte", en: "text" }
        fn tally() { fr: "calculé, jamais demandé", en: "worked out, never asked" }
        fn switch() {
            fr: "aiguillage calculé d'après les constats, jamais demandé",
            en: "routed by the findings, never asked",
        }
        fn plain_number() { fr: "nombre", en: "number" }
        fn number_in(unit: &str) { fr: "nombre, en {unit}", en: "number, in {unit}" }
        fn start_of(questionnaire: &str) {
            fr: "début du questionnaire « {questionnaire} »",
            en: "start of questionnaire « {questionnaire} »",
        }
        /// A half-open range: `[0 ; 50[` in French, `[0, 50)` in English.
        fn half_open(min: &str, below: &str) { fr: "[{min} ; {below}[", en: "[{min}, {below})" }
    }

    pub fn kind(kind: QuestionKind, unit: Option<&str>) -> String {
        match kind {
            QuestionKind::YesNo => yes_no(),
            QuestionKind::Choice => choice(),
            QuestionKind::Number => number(unit),
            QuestionKind::Text => text(),
            QuestionKind::Tally => tally(),
            QuestionKind::Switch => switch(),
        }
    }

    pub fn number(unit: Option<&str>) -> String {
        match unit {
            Some(u) => number_in(u),
            None => plain_number(),
        }
    }

    /// `[0 ; 50[`, `[50 ; ∞[`: a half-open range of values.
    pub fn range(min: Option<f64>, below: Option<f64>) -> String {
        let min = fmt_num(min.unwrap_or(0.0));
        let below = below.map_or("∞".to_owned(), fmt_num);
        half_open(&min, &below)
    }
}
