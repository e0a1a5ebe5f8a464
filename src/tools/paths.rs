//! The shape of the trees: the answers each question accepts
//! ([`edges`]), the questions that lead to a question ([`predecessors`]),
//! and every path from a start to an outcome ([`enumerate`]).
//!
//! Used by `questions`, `paths` and `graph`. Everything here assumes a
//! validated bundle (every reference resolves, no cycle), and still never
//! loops or panics on one that is not.

use std::collections::HashSet;

use serde::Serialize;

use crate::core::catalog::{Bundle, Node};
use crate::core::model::{Answer, Question, Questionnaire, Verdict};
pub use crate::core::paths::{Edge, Path, Step, edges, enumerate, for_each_path};
use crate::text::number::fmt_num;

/// An answer as JSON, the way an answers file writes it (whole numbers
/// without « .0 »).
pub fn answer_json(a: &Answer) -> serde_json::Value {
    serde_json::to_value(a).unwrap_or_default()
}

/// An answer as written in an answers file: `true`, `50`, `"etat"`.
pub fn answer_text(a: &Answer) -> String {
    match a {
        Answer::Number(n) => fmt_num(*n),
        other => answer_json(other).to_string(),
    }
}

/// A question that leads to another, and with which answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Predecessor {
    pub question: String,
    pub answer: Answer,
    pub label: String,
}

/// The questions whose answers lead to node `id`, directly or through
/// an `@questionnaire` jump to it, in file order.
pub fn predecessors(bundle: &Bundle, id: &str) -> Vec<Predecessor> {
    Predecessors::of(bundle).get(id).to_vec()
}

/// [`predecessors`] of every node at once, in one pass over the bundle:
/// listing 10 000 questions with what leads to each costs one pass, not
/// one per question.
#[derive(Debug, Default)]
pub struct Predecessors {
    by_node: std::collections::HashMap<String, Vec<Predecessor>>,
}

impl Predecessors {
    pub fn of(bundle: &Bundle) -> Predecessors {
        let mut by_node: std::collections::HashMap<String, Vec<Predecessor>> =
            std::collections::HashMap::new();
        for (_, q) in &bundle.questionnaires {
            for question in &q.questions {
                for e in edges(question) {
                    if let Some(n) = bundle.node(e.next) {
                        by_node
                            .entry(n.id().to_owned())
                            .or_default()
                            .push(Predecessor {
                                question: question.id.clone(),
                                answer: e.answer.clone(),
                                label: e.label.to_owned(),
                            });
                    }
                }
            }
        }
        Predecessors { by_node }
    }

    /// The predecessors of node `id`, in file order.
    pub fn get(&self, id: &str) -> &[Predecessor] {
        self.by_node.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Every question the questionnaire can ask, in an order a person would
/// meet them: each after every question that can lead to it (the trees
/// are acyclic), and the first answer's branch before the second's.
pub fn reachable_questions<'b>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
) -> Vec<&'b Question> {
    // Reverse post-order of a depth-first walk is a topological order;
    // walking the answers last-to-first puts the first answer's branch
    // first. The walk keeps its own stack: no recursion depth depends on
    // the tree.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut post: Vec<&'b Question> = Vec::new();
    // Each question on the walk, with the targets still to visit (the
    // next one to visit last, to be popped first).
    let mut stack: Vec<(&'b Question, Vec<&'b str>)> = Vec::new();
    let start = format!("@{}", questionnaire.id);
    let mut next: Option<&str> = Some(&start);
    loop {
        if let Some(target) = next.take()
            && let Some(Node::Question(q)) = bundle.node(target)
            && seen.insert(q.id.as_str())
        {
            // Visited last-to-first: popped in that order from the end.
            let targets: Vec<&'b str> = edges(q).iter().map(|e| e.next).collect();
            stack.push((q, targets));
        }
        let Some((q, pending)) = stack.last_mut() else {
            break;
        };
        match pending.pop() {
            Some(t) => next = Some(t),
            None => {
                post.push(q);
                stack.pop();
            }
        }
    }
    post.reverse();
    post
}

/// A path as JSON: `answers` is a ready-made answers map.
#[derive(Debug, Serialize)]
pub struct PathOut<'b> {
    pub outcome: &'b str,
    pub verdict: Verdict,
    pub title: &'b str,
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub steps: Vec<StepOut<'b>>,
    pub findings: Vec<&'b str>,
}

#[derive(Debug, Serialize)]
pub struct StepOut<'b> {
    pub question: &'b str,
    pub answer: serde_json::Value,
    /// The label of the answer; for a worked-out `tally`, the count out of
    /// how many questions, and its range (as in the decision's trace).
    pub label: std::borrow::Cow<'b, str>,
    /// Set for a worked-out `tally`: `answer` is the count.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub computed: bool,
}

impl<'b> From<&Path<'b>> for PathOut<'b> {
    fn from(p: &Path<'b>) -> Self {
        PathOut {
            outcome: &p.outcome.id,
            verdict: p.outcome.verdict,
            title: &p.outcome.title,
            answers: p
                .steps
                .iter()
                .filter(|s| !s.computed())
                .map(|s| (s.question.id.clone(), answer_json(&s.edge.answer)))
                .collect(),
            steps: p
                .steps
                .iter()
                .map(|s| StepOut {
                    question: &s.question.id,
                    answer: answer_json(&s.edge.answer),
                    label: match s.edge.answer {
                        Answer::Number(n) if s.computed() => crate::text::i18n::texts()
                            .tally_label(n as usize, s.question.count.len(), s.edge.label)
                            .into(),
                        _ => s.edge.label.into(),
                    },
                    computed: s.computed(),
                })
                .collect(),
            findings: p.findings.clone(),
        }
    }
}

/// The text listing of `aiguillage paths`: per path, the outcome, the
/// answers as written in an answers file, and the findings.
pub fn text(questionnaire: &Questionnaire, paths: &[Path<'_>]) -> String {
    let mut s = header(questionnaire, Some(paths.len()));
    for (i, p) in paths.iter().enumerate() {
        s.push_str(&path_text(i + 1, p));
    }
    s
}

/// The first line of the listing: with the number of paths when it is
/// known before they are listed; without it, for a listing streamed as
/// the paths are found (the number is then given last, [`footer`]).
pub fn header(questionnaire: &Questionnaire, count: Option<usize>) -> String {
    let (id, title) = (&questionnaire.id, &questionnaire.title);
    match count {
        Some(count) => msg::header(id, title, count, if count > 1 { "s" } else { "" }),
        None => msg::header_streamed(id, title),
    }
}

/// The last line of a streamed listing.
pub fn footer(count: usize) -> String {
    msg::footer(count, if count > 1 { "s" } else { "" })
}

/// Path number `n` of the listing.
pub fn path_text(n: usize, p: &Path<'_>) -> String {
    let mut s = format!(
        "\n{n}. {} [{}] {}\n",
        p.outcome.id,
        p.outcome.verdict.as_str(),
        p.outcome.title
    );
    // Answers only, on one line: the labels are in `aiguillage
    // questions`, and the listing of a big tree stays readable.
    let answers: Vec<String> = p
        .steps
        .iter()
        .map(|step| {
            let answer = answer_text(&step.edge.answer);
            if step.computed() {
                format!("{} = {answer} {}", step.question.id, msg::computed())
            } else {
                format!("{} = {answer}", step.question.id)
            }
        })
        .collect();
    s.push_str(&format!("   {}\n", answers.join(" → ")));
    if !p.findings.is_empty() {
        s.push_str(&format!(
            "   {} {}\n",
            msg::findings(),
            p.findings.join(", ")
        ));
    }
    s
}

/// User-facing strings of this module.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn findings() { fr: "constats :", en: "findings:" }
        /// After a worked-out step (`tally`).
        fn computed() { fr: "(calculé)", en: "(worked out)" }
        /// The first line: `demo — Démonstration : 4 chemins`.
        fn header(id: &str, title: &str, count: usize, plural: &str) {
            fr: "{id} — {title} : {count} chemin{plural}\n",
            en: "{id} — {title}: {count} path{plural}\n",
        }
        /// A listing too long to hold before it is printed.
        fn header_streamed(id: &str, title: &str) {
            fr: "{id} — {title} : chemins listés à mesure, leur nombre à la fin\n",
            en: "{id} — {title}: paths listed as they are found, their number at the end\n",
        }
        fn footer(count: usize, plural: &str) {
            fr: "\n{count} chemin{plural}\n",
            en: "\n{count} path{plural}\n",
        }
    }
}
