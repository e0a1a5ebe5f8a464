//! Every path through a tree: the answers each question accepts
//! ([`edges`]) and every path from a start to an outcome
//! ([`for_each_path`]), streamed one at a time.
//!
//! In the core because the consistency check (`core::coherence`) proves
//! its rules on every path; `aiguillage paths`, `questions` and `graph`
//! list and draw them (`crate::tools::paths`). Everything here assumes a
//! validated bundle (every reference resolves, no cycle), and still never
//! loops or panics on one that is not.

use std::ops::ControlFlow;

use crate::core::catalog::{Bundle, Node};
use crate::core::model::{Answer, Outcome, Question, QuestionKind, Questionnaire};

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
    /// What the answer implies, when the content says (`because`).
    pub because: Option<&'q str>,
    /// The articles that ground it.
    pub articles: &'q [String],
}

/// Every way out of a question, in file order.
pub fn edges(q: &Question) -> Vec<Edge<'_>> {
    match q.kind {
        // A switch's choices are its ways out; which one is taken is worked
        // out from the findings of the path (see `walk`).
        QuestionKind::YesNo | QuestionKind::Choice | QuestionKind::Switch => q
            .choices
            .iter()
            .map(|c| Edge {
                answer: choice_answer(q.kind, &c.value),
                label: &c.label,
                next: &c.branch.next,
                findings: &c.branch.findings,
                because: c.branch.because.as_deref(),
                articles: &c.branch.articles,
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
                because: r.branch.because.as_deref(),
                articles: &r.branch.articles,
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
                because: None,
                articles: &[],
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
/// followed. (A big tree has more paths than memory holds: see
/// [`for_each_path`], which hands them out one at a time.)
pub fn enumerate<'b>(bundle: &'b Bundle, questionnaire: &'b Questionnaire) -> Vec<Path<'b>> {
    let mut out = Vec::new();
    let _ = for_each_path(bundle, questionnaire, |p| {
        out.push(p);
        ControlFlow::<()>::Continue(())
    });
    out
}

/// The paths of [`enumerate`], each handed to `f` as soon as it is found,
/// until `f` breaks: memory stays that of one path, however many there
/// are (a chain of 30 yes/no questions has a billion). The walk keeps its
/// own stack: no recursion depth depends on the tree.
pub fn for_each_path<'b, B>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
    mut f: impl FnMut(Path<'b>) -> ControlFlow<B>,
) -> ControlFlow<B> {
    // A path never asks a question twice (no cycle), so it is never longer
    // than the number of questions: a guard against unvalidated bundles.
    let limit = bundle.question_ids().count();
    // The questions on the current path, each with the ways out of it
    // still to walk; `steps[i]` is the way taken out of `frames[i]`.
    let mut frames: Vec<(&'b Question, std::vec::IntoIter<Edge<'b>>)> = Vec::new();
    let mut steps: Vec<Step<'b>> = Vec::new();
    let start = format!("@{}", questionnaire.id);
    enter(bundle, &start, &mut frames, &steps, limit, &mut f)?;
    while let Some((question, ways)) = frames.last_mut() {
        let question = *question;
        match ways.next() {
            Some(edge) => {
                steps.truncate(frames.len() - 1);
                let next = edge.next;
                steps.push(Step { question, edge });
                enter(bundle, next, &mut frames, &steps, limit, &mut f)?;
            }
            None => {
                frames.pop();
                steps.truncate(frames.len());
            }
        }
    }
    ControlFlow::Continue(())
}

/// Arrives at `target` after `steps`: hands out the path at an outcome,
/// or pushes the question's ways out to walk.
fn enter<'b, B>(
    bundle: &'b Bundle,
    target: &str,
    frames: &mut Vec<(&'b Question, std::vec::IntoIter<Edge<'b>>)>,
    steps: &[Step<'b>],
    limit: usize,
    f: &mut impl FnMut(Path<'b>) -> ControlFlow<B>,
) -> ControlFlow<B> {
    match bundle.node(target) {
        Some(Node::Outcome(outcome)) => f(Path {
            findings: gathered(bundle, steps, outcome),
            steps: steps.to_vec(),
            outcome,
        }),
        // Worked out from the findings on the path: one way out.
        Some(Node::Question(q)) if q.kind == QuestionKind::Switch && steps.len() < limit => {
            let so_far = steps.iter().flat_map(|s| s.edge.findings.iter());
            if let Some((i, _)) = crate::core::engine::switch(q, so_far) {
                let edge = edges(q).swap_remove(i);
                frames.push((q, vec![edge].into_iter()));
            }
            ControlFlow::Continue(())
        }
        // Worked out from the answers on the path: one way out, no branch.
        Some(Node::Question(q)) if q.kind.is_computed() && steps.len() < limit => {
            let answered = steps
                .iter()
                .map(|s| (s.question.id.as_str(), &s.edge.answer));
            if let Some(t) = crate::core::engine::tally(q, answered) {
                let edge = Edge {
                    answer: Answer::Number(t.count as f64),
                    label: &t.range.label,
                    next: &t.range.branch.next,
                    findings: &t.range.branch.findings,
                    because: t.range.branch.because.as_deref(),
                    articles: &t.range.branch.articles,
                };
                frames.push((q, vec![edge].into_iter()));
            }
            ControlFlow::Continue(())
        }
        Some(Node::Question(q)) if steps.len() < limit => {
            frames.push((q, edges(q).into_iter()));
            ControlFlow::Continue(())
        }
        _ => ControlFlow::Continue(()),
    }
}

/// The findings of a path, as the engine keeps them (see
/// [`gather`](crate::core::engine::gather)).
fn gathered<'b>(bundle: &'b Bundle, steps: &[Step<'b>], outcome: &'b Outcome) -> Vec<&'b str> {
    let ids = steps
        .iter()
        .flat_map(|s| s.edge.findings.iter())
        .chain(outcome.findings.iter());
    crate::core::engine::gather(bundle, ids)
        .into_iter()
        .map(|f| f.id.as_str())
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
