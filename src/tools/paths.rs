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
use crate::core::model::{Answer, Outcome, Question, QuestionKind, Questionnaire, Verdict};
use crate::text::number::fmt_num;

/// One answer a question accepts, as a way out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge<'q> {
    /// The answer as written in an answers file; for a number range, its
    /// smallest value; for a text question, an empty text.
    pub answer: Answer,
    /// The label shown to the user (choice or range label).
    pub label: &'q str,
    /// The `next` target as written: a node id or `@questionnaire`.
    pub next: &'q str,
    pub findings: &'q [String],
}

/// Every way out of a question, in file order.
pub fn edges(q: &Question) -> Vec<Edge<'_>> {
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => q
            .choices
            .iter()
            .map(|c| Edge {
                answer: choice_answer(q.kind, &c.value),
                label: &c.label,
                next: &c.branch.next,
                findings: &c.branch.findings,
            })
            .collect(),
        // A tally's ranges are its ways out too; which one is taken is
        // worked out from the path (see `walk`).
        QuestionKind::Number | QuestionKind::Tally => q
            .ranges
            .iter()
            .map(|r| Edge {
                answer: Answer::Number(r.min.unwrap_or(0.0).max(0.0)),
                label: &r.label,
                next: &r.branch.next,
                findings: &r.branch.findings,
            })
            .collect(),
        QuestionKind::Text => q
            .next
            .iter()
            .map(|next| Edge {
                answer: Answer::Text(String::new()),
                label: crate::text::i18n::texts().free_text,
                next,
                findings: &[],
            })
            .collect(),
    }
}

/// Yes/no answers are booleans in answers files; choices are strings.
fn choice_answer(kind: QuestionKind, value: &str) -> Answer {
    match (kind, value) {
        (QuestionKind::YesNo, "oui") => Answer::Bool(true),
        (QuestionKind::YesNo, "non") => Answer::Bool(false),
        _ => Answer::Text(value.to_owned()),
    }
}

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
    let mut out = Vec::new();
    for (_, q) in &bundle.questionnaires {
        for question in &q.questions {
            for e in edges(question) {
                if bundle.node(e.next).is_some_and(|n| n.id() == id) {
                    out.push(Predecessor {
                        question: question.id.clone(),
                        answer: e.answer.clone(),
                        label: e.label.to_owned(),
                    });
                }
            }
        }
    }
    out
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
    // first.
    fn visit<'b>(
        bundle: &'b Bundle,
        target: &str,
        seen: &mut HashSet<&'b str>,
        post: &mut Vec<&'b Question>,
    ) {
        let Some(Node::Question(q)) = bundle.node(target) else {
            return;
        };
        if !seen.insert(q.id.as_str()) {
            return;
        }
        for e in edges(q).iter().rev() {
            visit(bundle, e.next, seen, post);
        }
        post.push(q);
    }
    let mut seen = HashSet::new();
    let mut post = Vec::new();
    visit(
        bundle,
        &format!("@{}", questionnaire.id),
        &mut seen,
        &mut post,
    );
    post.reverse();
    post
}

/// One answered question on a path, or a worked-out `tally` (whose
/// `edge.answer` is the count).
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'b> {
    pub question: &'b Question,
    pub edge: Edge<'b>,
}

impl Step<'_> {
    /// Whether the program worked this step out (a `tally`): it is not an
    /// answer, and an answers file must not hold it.
    pub fn computed(&self) -> bool {
        self.question.kind.is_computed()
    }
}

/// A whole path: the answers, the outcome, and every finding gathered on
/// the way (answers' then the outcome's, without repeats).
#[derive(Debug, Clone, PartialEq)]
pub struct Path<'b> {
    pub steps: Vec<Step<'b>>,
    pub outcome: &'b Outcome,
    pub findings: Vec<&'b str>,
}

/// Every path from the start of `questionnaire` to an outcome, in tree
/// order: the first answer of each question first. Number questions
/// contribute one path per range; jumps to another questionnaire are
/// followed.
pub fn enumerate<'b>(bundle: &'b Bundle, questionnaire: &'b Questionnaire) -> Vec<Path<'b>> {
    let mut out = Vec::new();
    let mut steps = Vec::new();
    // A path never asks a question twice (no cycle), so it is never longer
    // than the number of questions: a guard against unvalidated bundles.
    let limit = bundle.question_ids().count();
    walk(
        bundle,
        &format!("@{}", questionnaire.id),
        &mut steps,
        limit,
        &mut out,
    );
    out
}

fn walk<'b>(
    bundle: &'b Bundle,
    target: &str,
    steps: &mut Vec<Step<'b>>,
    limit: usize,
    out: &mut Vec<Path<'b>>,
) {
    match bundle.node(target) {
        Some(Node::Outcome(outcome)) => out.push(Path {
            findings: gathered(steps, outcome),
            steps: steps.clone(),
            outcome,
        }),
        // Worked out from the answers on the path: one way out, no branch.
        Some(Node::Question(q)) if q.kind.is_computed() && steps.len() < limit => {
            let answered = steps
                .iter()
                .map(|s| (s.question.id.as_str(), &s.edge.answer));
            let Some(t) = crate::core::engine::tally(q, answered) else {
                return;
            };
            let edge = Edge {
                answer: Answer::Number(t.count as f64),
                label: &t.range.label,
                next: &t.range.branch.next,
                findings: &t.range.branch.findings,
            };
            steps.push(Step { question: q, edge });
            walk(bundle, &t.range.branch.next, steps, limit, out);
            steps.pop();
        }
        Some(Node::Question(q)) if steps.len() < limit => {
            for edge in edges(q) {
                let next = edge.next;
                steps.push(Step { question: q, edge });
                walk(bundle, next, steps, limit, out);
                steps.pop();
            }
        }
        _ => {}
    }
}

fn gathered<'b>(steps: &[Step<'b>], outcome: &'b Outcome) -> Vec<&'b str> {
    let mut seen = HashSet::new();
    steps
        .iter()
        .flat_map(|s| s.edge.findings.iter())
        .chain(outcome.findings.iter())
        .map(String::as_str)
        .filter(|f| seen.insert(*f))
        .collect()
}

impl Path<'_> {
    /// The answers of the path, as an answers file holds them: every step
    /// but the worked-out ones.
    pub fn answers(&self) -> std::collections::BTreeMap<String, Answer> {
        self.steps
            .iter()
            .filter(|s| !s.computed())
            .map(|s| (s.question.id.clone(), s.edge.answer.clone()))
            .collect()
    }
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
    let count = paths.len();
    let plural = if count > 1 { "s" } else { "" };
    let mut s = msg::header(&questionnaire.id, &questionnaire.title, count, plural);
    for (i, p) in paths.iter().enumerate() {
        s.push_str(&format!(
            "\n{}. {} [{}] {}\n",
            i + 1,
            p.outcome.id,
            p.outcome.verdict.as_str(),
            p.outcome.title
        ));
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
    }
}
