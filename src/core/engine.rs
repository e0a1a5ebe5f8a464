//! The pure evaluation: a bundle, a starting questionnaire and answers in;
//! the next question to ask, or a [`Decision`], out. No printing, no
//! input: every front end (prompts, answers files, tests) drives this.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::core::catalog::{Bundle, Node};
use crate::core::condition;
use crate::core::model::{
    Answer, Branch, Choice, Conditional, Finding, FindingKind, GuideRef, NumberRange, Outcome,
    Question, QuestionKind, Questionnaire, Verdict,
};
use crate::text::number;
use crate::text::suggest::did_you_mean;

/// A legal reference, resolved for display.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ArticleLink {
    pub id: String,
    pub label: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
}

/// A guide (or chapter) link, resolved for display.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GuideLink {
    /// `guide` or `guide/chapter`.
    pub id: String,
    pub title: String,
    pub url: String,
    /// The newer equivalent, where one exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
}

/// One answered question on the path.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Step {
    pub question: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The answer as given (boolean, number, string).
    pub answer: Answer,
    /// The label of the chosen answer, as shown to the user.
    pub label: String,
    /// What the answer implies, when the questionnaire says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<ArticleLink>,
    /// Ids of the findings this answer added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// Set for a step the program worked out (a `tally`): its `answer` is
    /// the count, and nobody gave it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub computed: bool,
    /// What `label` was made of, so that an output can say it again in the
    /// interface language (`label` itself is in French, like the content).
    #[serde(skip)]
    pub shown: StepLabel,
}

/// How the label of a step was made.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum StepLabel {
    /// The label of the choice, or the text given.
    #[default]
    AsGiven,
    /// A number (the step's `answer`) and the label of its range.
    Range(String),
    /// A tally: the count (the step's `answer`) out of `total` questions,
    /// and the label of its range.
    Tally { total: usize, range: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FindingOut {
    pub id: String,
    pub kind: FindingKind,
    pub text: String,
    /// The finding in one short line, when the content gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    pub articles: Vec<ArticleLink>,
    pub guides: Vec<GuideLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OutcomeOut {
    pub id: String,
    pub verdict: Verdict,
    pub title: String,
    pub summary: String,
    pub next_steps: Vec<String>,
    pub guides: Vec<GuideLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub title: String,
    pub version: String,
    pub legal_date: String,
}

impl From<&Questionnaire> for QuestionnaireInfo {
    fn from(q: &Questionnaire) -> Self {
        QuestionnaireInfo {
            id: q.id.clone(),
            title: q.title.clone(),
            version: q.version.clone(),
            legal_date: q.legal_date.clone(),
        }
    }
}

/// The version of the JSON form of a [`Decision`] (its `format` key):
/// raised only when a key changes meaning or goes away; new keys do not
/// raise it.
pub const DECISION_FORMAT: u32 = 1;

/// The result (★ JSON contract, documented in docs/contrat.md; its JSON
/// Schema is `aiguillage schema decision`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "Décision d'aiguillage")]
pub struct Decision {
    /// The version of this JSON form: 1. It changes only when a key
    /// changes meaning or goes away (new keys may appear without it), so a
    /// program can refuse a format it does not know.
    #[schemars(extend("const" = 1))]
    pub format: u32,
    /// The questionnaire the session started from.
    pub questionnaire: QuestionnaireInfo,
    /// The questionnaire that holds the outcome (the tree of the resource).
    pub decided_by: QuestionnaireInfo,
    /// Each question asked, in order, with its answer.
    pub path: Vec<Step>,
    pub outcome: OutcomeOut,
    /// Everything learned on the way, in order, without repeats.
    pub findings: Vec<FindingOut>,
    /// Every recommended guide link: the outcome's first, then the
    /// findings', without repeats.
    pub guides: Vec<GuideLink>,
    /// Answers given that this path never asked: reported, never used.
    pub unused_answers: Vec<String>,
    /// For each question answered on the path, the other answers that
    /// would lead to another outcome, or that need more answers to tell
    /// (see [`crate::core::change`]). Worked out on demand: absent until
    /// the caller asks for it (`--format json` always does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub what_would_change: Option<Vec<WouldChange>>,
}

/// Another answer to a question of the path, and where it would lead
/// with every other answer kept: another outcome, other obligations, or
/// a question not answered yet (★ JSON contract, `what_would_change`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WouldChange {
    /// The question of the path.
    pub question: String,
    /// The other answer, as an answers file writes it; for a number, the
    /// smallest value of `range`.
    pub answer: Answer,
    /// The label of that answer: the choice's, or the range's (for
    /// several ranges that lead to the same place, the first one's).
    pub label: String,
    /// Numbers: every answer from `min` (included) to `below` (excluded)
    /// leads there; a missing bound is open. The threshold that flips the
    /// result is `min` above the answer given, `below` under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<AnswerRange>,
    /// The verdict it would lead to; absent when it needs more answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The outcome it would lead to (id); absent when it needs more
    /// answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The title of that outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When the other answer leads to a question the answers do not
    /// answer: its id. The result then depends on other answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<String>,
    /// The text of that question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_question: Option<String>,
    /// The obligations the other answer would add (its outcome reached).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub obligations_added: Vec<ChangedObligation>,
    /// The obligations of this decision the other answer would take away.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub obligations_removed: Vec<ChangedObligation>,
}

/// An obligation that another answer would add or take away.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ChangedObligation {
    /// The finding's id.
    pub id: String,
    /// Its short line (or its text, when it has none).
    pub text: String,
    /// Its articles.
    pub articles: Vec<ArticleLink>,
}

/// The numbers that lead to the same place: `[min, below)`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnswerRange {
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_answer")]
    #[schemars(with = "Option<f64>")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_answer")]
    #[schemars(with = "Option<f64>")]
    pub below: Option<f64>,
    /// The unit of the question, e.g. « agents (ETP) ».
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// A bound written like a number answer: `50`, not `50.0`.
fn as_answer<S: serde::Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(n) => Answer::Number(*n).serialize(s),
        None => s.serialize_none(),
    }
}

impl Decision {
    pub fn findings_of(&self, kind: FindingKind) -> impl Iterator<Item = &FindingOut> {
        self.findings.iter().filter(move |f| f.kind == kind)
    }
}

/// Where an evaluation stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Evaluation<'a> {
    /// The answers reach this question, which has no answer yet.
    Pending {
        question: &'a Question,
        /// The questions answered so far on the path.
        path: Vec<Step>,
    },
    /// The answers reach an outcome.
    Done(Box<Decision>),
}

/// An answer that cannot be used. Each carries what a message needs to
/// name the question and, where it helps, the allowed values; the
/// message itself is written by [`crate::output::answer`].
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerError {
    UnknownQuestion {
        id: String,
        suggestion: Option<String>,
    },
    UnknownQuestionnaire {
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    WrongType {
        id: String,
        expected: QuestionKind,
        allowed: Allowed,
        given: Answer,
    },
    NotAChoice {
        id: String,
        given: String,
        allowed: Allowed,
        suggestion: Option<String>,
    },
    /// An answer given for a `tally`, which is worked out, never asked.
    Computed {
        id: String,
        /// The questions it counts.
        counts: Vec<String>,
    },
}

impl AnswerError {
    /// The key of the answers file the error is about, and whether it is
    /// the value (rather than the key itself) that is wrong.
    pub fn key(&self) -> (&str, bool) {
        match self {
            AnswerError::UnknownQuestion { id, .. } | AnswerError::Computed { id, .. } => {
                (id, false)
            }
            AnswerError::UnknownQuestionnaire { .. } => ("questionnaire", true),
            AnswerError::WrongType { id, .. } | AnswerError::NotAChoice { id, .. } => (id, true),
        }
    }
}

/// What an answer to a question may be, as written in an answers file.
#[derive(Debug, Clone, PartialEq)]
pub enum Allowed {
    /// `true` or `false`.
    YesNo,
    /// One of these values.
    Choices(Vec<String>),
    /// A number, in one of the ranges with these labels.
    Ranges(Vec<String>),
    /// Any text.
    Text,
    /// Nothing: the step is worked out.
    Nothing,
}

/// What an answer to `q` may be.
pub fn allowed(q: &Question) -> Allowed {
    match q.kind {
        QuestionKind::YesNo => Allowed::YesNo,
        QuestionKind::Choice => {
            Allowed::Choices(q.choices.iter().map(|c| c.value.clone()).collect())
        }
        QuestionKind::Number => Allowed::Ranges(q.ranges.iter().map(|r| r.label.clone()).collect()),
        QuestionKind::Text => Allowed::Text,
        // Worked out from other answers: nothing to give.
        QuestionKind::Tally | QuestionKind::Switch => Allowed::Nothing,
    }
}

/// Where an answer leads and what it adds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Route<'q> {
    pub next: &'q str,
    pub findings: &'q [String],
    pub because: Option<&'q str>,
    pub articles: &'q [String],
}

impl<'q> From<&'q Branch> for Route<'q> {
    fn from(b: &'q Branch) -> Self {
        Route {
            next: &b.next,
            findings: &b.findings,
            because: b.because.as_deref(),
            articles: &b.articles,
        }
    }
}

/// What an answer was, in the content's words: borrowed from the
/// question, so that walking a path copies no text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Chosen<'q> {
    /// The label of a choice.
    Choice(&'q str),
    /// A number, in this range.
    Range(f64, &'q NumberRange),
    /// Free text, as given.
    Text,
}

/// The route an answer selects, with the label of the answer; or why it
/// cannot be used.
pub fn resolve<'q>(q: &'q Question, answer: &Answer) -> Result<(Route<'q>, String), AnswerError> {
    let (route, chosen) = route_of(q, answer)?;
    Ok((route, label_of(chosen, answer)))
}

/// The label of an answer, in French like the content it quotes; outputs
/// say numbers again in the interface language (`StepLabel`).
fn label_of(chosen: Chosen<'_>, answer: &Answer) -> String {
    match (chosen, answer) {
        (Chosen::Choice(label), _) => label.to_owned(),
        (Chosen::Range(n, r), _) => format!("{} ({})", number::french(n), r.label),
        (Chosen::Text, Answer::Text(s)) => s.clone(),
        (Chosen::Text, other) => other.to_string(),
    }
}

/// As [`resolve`], the label left in the question.
pub fn route_of<'q>(
    q: &'q Question,
    answer: &Answer,
) -> Result<(Route<'q>, Chosen<'q>), AnswerError> {
    let wrong = || AnswerError::WrongType {
        id: q.id.clone(),
        expected: q.kind,
        allowed: allowed(q),
        given: answer.clone(),
    };
    match (q.kind, answer) {
        (QuestionKind::Tally | QuestionKind::Switch, _) => Err(AnswerError::Computed {
            id: q.id.clone(),
            counts: q.count.clone(),
        }),
        (QuestionKind::YesNo, Answer::Bool(b)) => {
            let value = if *b { "oui" } else { "non" };
            pick_choice(q, value)
        }
        // « oui »/« non » written as strings are accepted: people do.
        (QuestionKind::YesNo, Answer::Text(s)) if matches!(s.as_str(), "oui" | "non") => {
            pick_choice(q, s)
        }
        (QuestionKind::Choice, Answer::Text(s)) => pick_choice(q, s),
        // A yes/no question that gained « je ne sais pas » became a
        // choice of `oui`, `non` and more: `true` and `false` still mean
        // what they meant, so older answers files keep working.
        (QuestionKind::Choice, Answer::Bool(b)) if has_yes_no_values(q) => {
            pick_choice(q, if *b { "oui" } else { "non" })
        }
        (QuestionKind::Number, Answer::Number(n)) => {
            if !n.is_finite() || *n < 0.0 {
                return Err(wrong());
            }
            q.ranges
                .iter()
                .find(|r| r.contains(*n))
                .map(|r| (Route::from(&r.branch), Chosen::Range(*n, r)))
                .ok_or_else(wrong)
        }
        (QuestionKind::Text, Answer::Text(_)) => {
            // Free text is kept, never used for routing.
            let route = Route {
                next: q.next.as_deref().unwrap_or_default(),
                findings: &[],
                because: None,
                articles: &[],
            };
            Ok((route, Chosen::Text))
        }
        _ => Err(wrong()),
    }
}

/// Whether a choice question offers both `oui` and `non` among its values.
pub fn has_yes_no_values(q: &Question) -> bool {
    let has = |v: &str| q.choices.iter().any(|c| c.value == v);
    has("oui") && has("non")
}

fn pick_choice<'q>(q: &'q Question, value: &str) -> Result<(Route<'q>, Chosen<'q>), AnswerError> {
    q.choices
        .iter()
        .find(|c| c.value == value)
        .map(|c| (Route::from(&c.branch), Chosen::Choice(&c.label)))
        .ok_or_else(|| AnswerError::NotAChoice {
            id: q.id.clone(),
            given: value.to_owned(),
            allowed: allowed(q),
            suggestion: did_you_mean(value, q.choices.iter().map(|c| c.value.as_str()))
                .map(str::to_owned),
        })
}

/// What a `tally` works out on a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally<'q> {
    /// How many of the counted questions were answered « oui ».
    pub count: usize,
    /// The range that holds the count.
    pub range: &'q NumberRange,
    pub route: Route<'q>,
    /// « 2 sur 4 (deux critères ou plus) »: the count, out of how many
    /// questions, and the label of its range.
    pub label: String,
}

/// Whether an answer to a yes/no question is « oui ».
fn is_yes(a: &Answer) -> bool {
    matches!(a, Answer::Bool(true)) || matches!(a, Answer::Text(s) if s == "oui")
}

/// Works out tally `q` from the answers given on the path so far
/// (question id → answer). Only those answers count: a counted question
/// that was not asked on the path counts as « non » (validation makes
/// sure every counted question is asked on every path to the tally).
/// `None` when `q` is not a tally or no range holds the count (a broken
/// questionnaire).
pub fn tally<'q, 'a>(
    q: &'q Question,
    answered: impl IntoIterator<Item = (&'a str, &'a Answer)>,
) -> Option<Tally<'q>> {
    if q.kind != QuestionKind::Tally {
        return None;
    }
    // A few counted questions are looked up in the list; many, in a set,
    // so that a long path costs its length, not its length times theirs.
    let many: Option<HashSet<&str>> =
        (q.count.len() > 16).then(|| q.count.iter().map(String::as_str).collect());
    let counted = |id: &str| match &many {
        Some(set) => set.contains(id),
        None => q.count.iter().any(|c| c == id),
    };
    let mut yes: HashSet<&str> = HashSet::new();
    for (id, a) in answered {
        if is_yes(a) && counted(id) {
            yes.insert(id);
        }
    }
    let count = yes.len();
    let range = q.ranges.iter().find(|r| r.contains(count as f64))?;
    Some(Tally {
        count,
        range,
        route: Route::from(&range.branch),
        label: tally_label(count, q.count.len(), &range.label),
    })
}

/// « 2 sur 4 (deux critères ou plus) »: what a tally worked out, in
/// French like the content (outputs say it again in the interface
/// language from `StepLabel::Tally`).
pub fn tally_label(count: usize, total: usize, range: &str) -> String {
    format!("{count} sur {total} ({range})")
}

/// Checks every answer against its question, wherever the question is:
/// unknown ids and invalid values are errors even off the path.
///
/// In a flood of unknown ids (more than are shown), none gets a « did you
/// mean »: comparing a million ids with every question would take seconds
/// for suggestions nobody reads.
pub fn check_answers(bundle: &Bundle, answers: &BTreeMap<String, Answer>) -> Vec<AnswerError> {
    let unknown = answers
        .keys()
        .filter(|id| bundle.question(id).is_none())
        .count();
    let suggest = unknown <= crate::text::limits::MAX_SHOWN_ERRORS;
    answers
        .iter()
        .filter_map(|(id, answer)| match bundle.question(id) {
            None => Some(AnswerError::UnknownQuestion {
                id: id.clone(),
                suggestion: suggest
                    .then(|| did_you_mean(id, bundle.asked_ids()))
                    .flatten()
                    .map(str::to_owned),
            }),
            Some(q) => route_of(q, answer).err(),
        })
        .collect()
}

/// The questionnaire named `id`, or an error that lists the known ones.
pub fn find_questionnaire<'b>(
    bundle: &'b Bundle,
    id: Option<&str>,
) -> Result<&'b Questionnaire, AnswerError> {
    match id {
        None => Ok(bundle.default_questionnaire()),
        Some(id) => bundle.questionnaire(id).ok_or_else(|| {
            let known = bundle.questionnaires.iter().map(|(_, q)| q.id.as_str());
            AnswerError::UnknownQuestionnaire {
                id: id.to_owned(),
                suggestion: did_you_mean(id, known.clone()).map(str::to_owned),
                known: known.map(str::to_owned).collect(),
            }
        }),
    }
}

/// One step of a [`Walk`]: the question, its answer and where it led,
/// borrowed from the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Walked<'b, 'a> {
    pub question: &'b Question,
    pub answer: Given<'a>,
    pub route: Route<'b>,
    pub chosen: Chosen<'b>,
}

/// The answer of a step: given by the user, or worked out by a tally or
/// a switch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Given<'a> {
    Answer(&'a Answer),
    /// How many of `of` counted questions were answered « oui ».
    Count {
        count: usize,
        of: usize,
    },
    /// The choice of a `switch` the findings selected (its index).
    Routed(usize),
}

impl Given<'_> {
    /// The answer as the decision records it: a tally's is its count, a
    /// switch's the value of its choice (of question `q`).
    pub fn to_answer(self, q: &Question) -> Answer {
        match self {
            Given::Answer(a) => a.clone(),
            Given::Count { count, .. } => Answer::Number(count as f64),
            Given::Routed(i) => Answer::Text(q.choices[i].value.clone()),
        }
    }

    /// Whether the program worked it out (nobody gave it).
    pub fn is_computed(self) -> bool {
        !matches!(self, Given::Answer(_))
    }
}

/// The choice a `switch` takes, given the findings added so far on the
/// path: the first whose `when` holds, else the last. `None` for a broken
/// switch (no choice), which the checks refuse.
pub fn switch<'q, 'f>(
    q: &'q Question,
    findings: impl Iterator<Item = &'f String> + Clone,
) -> Option<(usize, &'q Choice)> {
    struct SoFar<I>(I);
    impl<'f, I: Iterator<Item = &'f String> + Clone> condition::Facts for SoFar<I> {
        fn has_finding(&self, id: &str) -> bool {
            self.0.clone().any(|f| f == id)
        }
        // A switch tests findings only (the checks refuse the rest): the
        // outcome and the verdict are not known yet, nor asked about.
        fn outcome(&self) -> &str {
            ""
        }
        fn verdict(&self) -> Verdict {
            Verdict::NotYet
        }
        fn answer(&self, _: &str) -> Option<&Answer> {
            None
        }
    }
    let so_far = SoFar(findings);
    q.choices.iter().enumerate().find(|(i, c)| match &c.when {
        Some(w) => condition::shown(Some(w), None, &so_far) == Some(true),
        None => *i + 1 == q.choices.len(),
    })
}

/// Where the answers lead, without a word of text copied: what a batch
/// needs (ids, the verdict, links) and what [`evaluate`] builds a full
/// [`Decision`] from.
#[derive(Debug, Clone, PartialEq)]
pub struct Walk<'b, 'a> {
    pub steps: Vec<Walked<'b, 'a>>,
    pub end: End<'b>,
}

/// Where a walk stopped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum End<'b> {
    /// At an outcome.
    Outcome(&'b Outcome),
    /// At a question that has no answer yet.
    Pending(&'b Question),
}

impl<'b> Walk<'b, '_> {
    /// The ids of the findings, in order: the answers', then the
    /// outcome's, as [`gather`] keeps them.
    pub fn finding_ids(&self, bundle: &'b Bundle) -> Vec<&'b str> {
        let outcome = match self.end {
            End::Outcome(o) => o.findings.as_slice(),
            End::Pending(_) => &[],
        };
        let ids = self
            .steps
            .iter()
            .flat_map(|s| s.route.findings.iter())
            .chain(outcome);
        gather(bundle, ids).iter().map(|f| f.id.as_str()).collect()
    }
}

/// The findings of a path from their ids in order: each once, and none
/// that another finding of the path [`replaces`](Finding::replaces).
pub fn gather<'b, 'i>(
    bundle: &'b Bundle,
    ids: impl IntoIterator<Item = &'i String>,
) -> Vec<&'b Finding> {
    // A path adds a few findings: a linear search beats hashing.
    let mut found: Vec<&'b Finding> = Vec::with_capacity(16);
    for f in ids.into_iter().filter_map(|id| bundle.finding(id)) {
        if !found.iter().any(|x| std::ptr::eq(*x, f)) {
            found.push(f);
        }
    }
    // Decided on the whole list, so that the order of the answers does
    // not matter; a finding never replaces itself.
    let replaced: Vec<&str> = found
        .iter()
        .flat_map(|g| g.replaces.iter().filter(move |r| **r != g.id))
        .map(String::as_str)
        .collect();
    if !replaced.is_empty() {
        found.retain(|f| !replaced.contains(&f.id.as_str()));
    }
    found
}

/// Walks the tree from the start of `questionnaire` with `answers`.
///
/// Every answer is checked, as [`check_answers`] does, and the walk
/// follows the answers until a question has none (`Pending`) or an outcome
/// is reached. The answers on the path are checked as they are followed,
/// so each is resolved once. The bundle was validated (no cycle), and the walk is
/// bounded by the number of questions anyway, so it always ends.
pub fn walk<'b, 'a>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
    answers: &'a BTreeMap<String, Answer>,
) -> Result<Walk<'b, 'a>, Vec<AnswerError>> {
    // The path is followed first, which checks the answers it uses; then
    // only the others are checked. Any problem gives the full list of
    // [`check_answers`], as if every answer had been checked first.
    let stop = match follow(bundle, questionnaire, answers) {
        Ok(w) if others_fit(bundle, answers, &w) => return Ok(w),
        Ok(_) | Err(Stop::BadAnswer) => None,
        Err(Stop::Unreachable(target)) => Some(target),
    };
    let errors = check_answers(bundle, answers);
    match stop {
        Some(target) if errors.is_empty() => Err(vec![AnswerError::UnknownQuestion {
            id: target,
            suggestion: None,
        }]),
        _ => Err(errors),
    }
}

/// Why [`follow`] stopped short of an outcome or a pending question.
enum Stop {
    /// An answer on the path does not fit its question.
    BadAnswer,
    /// Unreachable for a validated bundle: a dangling reference, a cycle
    /// or a tally whose ranges miss the count.
    Unreachable(String),
}

/// Whether every answer the walk did not use fits a question.
fn others_fit(bundle: &Bundle, answers: &BTreeMap<String, Answer>, w: &Walk<'_, '_>) -> bool {
    let given = |s: &Walked<'_, '_>| match s.answer {
        Given::Answer(a) => Some(std::ptr::from_ref(a)),
        Given::Count { .. } | Given::Routed(_) => None,
    };
    // A path asks each question once: as many answers used as given is
    // every one of them (the usual case, told by a count, with no set
    // built for every case of an inventory).
    if w.steps.iter().filter_map(given).count() == answers.len() {
        return true;
    }
    let used: std::collections::HashSet<*const Answer> = w.steps.iter().filter_map(given).collect();
    // The others, each looked up once: no scan of the path per answer (a
    // path of 7 500 answers would cost 56 million comparisons).
    answers.iter().all(|(id, answer)| {
        used.contains(&std::ptr::from_ref(answer))
            || bundle
                .question(id)
                .is_some_and(|q| route_of(q, answer).is_ok())
    })
}

fn follow<'b, 'a>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
    answers: &'a BTreeMap<String, Answer>,
) -> Result<Walk<'b, 'a>, Stop> {
    let mut steps: Vec<Walked<'b, 'a>> = Vec::new();
    let mut target: &str = &questionnaire.start;
    let limit = bundle.question_count() + 1;
    for _ in 0..=limit {
        let Some(node) = bundle.node(target) else {
            break;
        };
        let step = match node {
            Node::Outcome(o) => {
                return Ok(Walk {
                    steps,
                    end: End::Outcome(o),
                });
            }
            Node::Question(q) if q.kind == QuestionKind::Switch => {
                let so_far = steps.iter().flat_map(|s| s.route.findings.iter());
                let Some((i, c)) = switch(q, so_far) else {
                    break;
                };
                Walked {
                    question: q,
                    answer: Given::Routed(i),
                    route: Route::from(&c.branch),
                    chosen: Chosen::Choice(&c.label),
                }
            }
            Node::Question(q) if q.kind.is_computed() => {
                let answered = steps.iter().filter_map(|s| match s.answer {
                    Given::Answer(a) => Some((s.question.id.as_str(), a)),
                    Given::Count { .. } | Given::Routed(_) => None,
                });
                let Some(t) = tally(q, answered) else {
                    break;
                };
                Walked {
                    question: q,
                    answer: Given::Count {
                        count: t.count,
                        of: q.count.len(),
                    },
                    route: t.route,
                    chosen: Chosen::Range(t.count as f64, t.range),
                }
            }
            Node::Question(q) => {
                let Some(answer) = answers.get(&q.id) else {
                    return Ok(Walk {
                        steps,
                        end: End::Pending(q),
                    });
                };
                let (route, chosen) = route_of(q, answer).map_err(|_| Stop::BadAnswer)?;
                Walked {
                    question: q,
                    answer: Given::Answer(answer),
                    route,
                    chosen,
                }
            }
        };
        target = step.route.next;
        steps.push(step);
    }
    Err(Stop::Unreachable(target.to_owned()))
}

/// Walks the tree from the start of `questionnaire` with `answers`, and
/// writes out the decision when the walk reaches an outcome.
pub fn evaluate<'b>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
    answers: &BTreeMap<String, Answer>,
) -> Result<Evaluation<'b>, Vec<AnswerError>> {
    let w = walk(bundle, questionnaire, answers)?;
    let path: Vec<Step> = w.steps.iter().map(|s| step(bundle, s)).collect();
    Ok(match w.end {
        End::Outcome(o) => {
            Evaluation::Done(Box::new(decide(bundle, questionnaire, o, path, answers)))
        }
        End::Pending(question) => Evaluation::Pending { question, path },
    })
}

/// A step of the trace, written out.
pub fn step(bundle: &Bundle, s: &Walked<'_, '_>) -> Step {
    let q = s.question;
    let answer = s.answer.to_answer(q);
    let (label, shown) = match (s.answer, s.chosen) {
        (Given::Count { count, of }, Chosen::Range(_, r)) => (
            tally_label(count, of, &r.label),
            StepLabel::Tally {
                total: of,
                range: r.label.clone(),
            },
        ),
        (_, Chosen::Range(_, r)) => (
            label_of(s.chosen, &answer),
            StepLabel::Range(r.label.clone()),
        ),
        _ => (label_of(s.chosen, &answer), StepLabel::AsGiven),
    };
    Step {
        question: q.id.clone(),
        text: q.text.clone(),
        section: q.section.clone(),
        answer,
        label,
        because: s.route.because.map(str::to_owned),
        articles: articles(bundle, s.route.articles),
        findings: s.route.findings.to_vec(),
        computed: s.answer.is_computed(),
        shown,
    }
}

pub fn decide(
    bundle: &Bundle,
    start: &Questionnaire,
    outcome: &crate::core::model::Outcome,
    path: Vec<Step>,
    answers: &BTreeMap<String, Answer>,
) -> Decision {
    // The answers' findings in order, then the outcome's.
    let ids = path
        .iter()
        .flat_map(|s| s.findings.iter())
        .chain(outcome.findings.iter());
    let findings: Vec<FindingOut> = gather(bundle, ids)
        .into_iter()
        .map(|f| FindingOut {
            id: f.id.clone(),
            kind: f.kind,
            text: f.text.clone(),
            short: f.short.clone(),
            articles: articles(bundle, &f.articles),
            guides: guides(bundle, &f.guides),
        })
        .collect();
    let outcome_guides = guides(bundle, &outcome.guides);
    let mut guide_ids = HashSet::new();
    let all_guides = outcome_guides
        .iter()
        .chain(findings.iter().flat_map(|f| f.guides.iter()))
        .filter(|g| guide_ids.insert(g.id.clone()))
        .cloned()
        .collect();
    let asked: HashSet<&str> = path.iter().map(|s| s.question.as_str()).collect();
    let unused_answers = answers
        .keys()
        .filter(|k| !asked.contains(k.as_str()))
        .cloned()
        .collect();
    let decided_by = bundle
        .questionnaire_of(&outcome.id)
        .map(QuestionnaireInfo::from)
        .unwrap_or_else(|| start.into());
    // The summary's sentences and the steps that this path's findings
    // call for: one voice for the whole decision.
    let facts = Reached {
        findings: &findings,
        outcome,
        answers,
    };
    let summary = chosen(&outcome.summary, &facts)
        .collect::<Vec<_>>()
        .join(" ");
    let next_steps = chosen(&outcome.next_steps, &facts)
        .map(str::to_owned)
        .collect();
    Decision {
        format: DECISION_FORMAT,
        questionnaire: start.into(),
        decided_by,
        path,
        outcome: OutcomeOut {
            id: outcome.id.clone(),
            verdict: outcome.verdict,
            title: outcome.title.clone(),
            summary,
            next_steps,
            guides: outcome_guides,
        },
        findings,
        guides: all_guides,
        unused_answers,
        what_would_change: None,
    }
}

/// What a decision establishes, for the conditions of its texts.
struct Reached<'a> {
    findings: &'a [FindingOut],
    outcome: &'a Outcome,
    answers: &'a BTreeMap<String, Answer>,
}

impl condition::Facts for Reached<'_> {
    fn has_finding(&self, id: &str) -> bool {
        self.findings.iter().any(|f| f.id == id)
    }
    fn outcome(&self) -> &str {
        &self.outcome.id
    }
    fn verdict(&self) -> Verdict {
        self.outcome.verdict
    }
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }
}

/// The texts of `parts` shown for `facts`, trimmed.
fn chosen<'p>(
    parts: &'p [Conditional],
    facts: &'p impl condition::Facts,
) -> impl Iterator<Item = &'p str> {
    parts.iter().filter_map(move |p| {
        let (when, unless) = p.conditions();
        (condition::shown(when, unless, facts) == Some(true)).then(|| p.text().trim())
    })
}

/// Resolves article ids; the bundle was validated, so none is missing.
pub(crate) fn articles(bundle: &Bundle, ids: &[String]) -> Vec<ArticleLink> {
    ids.iter()
        .filter_map(|id| bundle.article(id))
        .map(|a| ArticleLink {
            id: a.id.clone(),
            label: a.label.clone(),
            url: a.url.clone(),
            caveat: a.caveat.clone(),
        })
        .collect()
}

fn guides(bundle: &Bundle, refs: &[GuideRef]) -> Vec<GuideLink> {
    refs.iter()
        .filter_map(|r| {
            let (guide, url, successor) = bundle.guide_url(r)?;
            let title = match &r.chapter {
                None => guide.title.clone(),
                Some(c) => {
                    let ch = guide.chapters.iter().find(|x| &x.id == c)?;
                    format!("{} — {}", guide.title, ch.title)
                }
            };
            Some(GuideLink {
                id: r.to_string(),
                title,
                url: url.to_owned(),
                successor: successor.or(guide.successor.as_deref()).map(str::to_owned),
            })
        })
        .collect()
}
