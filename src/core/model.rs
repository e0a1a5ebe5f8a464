//! The data types behind the questionnaire files, the guide catalogue, the
//! legal references, the glossary and the answers files.
//!
//! These types are only data: they are read with serde and checked by
//! [`crate::core::validate`]; the engine walks them. Field names are English, the
//! content they carry is French.

use std::collections::BTreeMap;

use bitcode::{Decode, Encode};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One questionnaire file (`questionnaires/*.toml`).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable identifier, used by `--start`, by the listing commands and in
    /// answers files (`questionnaire`).
    pub id: String,
    /// Title shown to the user.
    pub title: String,
    /// Version of the content (bumped when a result can change).
    pub version: String,
    /// Date (YYYY-MM-DD) of the state of the law this file encodes.
    pub legal_date: String,
    /// One or two sentences: what the questionnaire decides.
    #[serde(default)]
    pub description: String,
    /// Id of the first question.
    pub start: String,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Rules of consistency no single finding carries, proved on every
    /// path by `check` (see [`Rule`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}

/// The kind of a question decides the shape of its answer.
#[derive(
    Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, JsonSchema, Encode, Decode,
)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Answered with a JSON boolean; its two choices have the values
    /// `oui` and `non`.
    YesNo,
    /// Answered with the `value` of one of its choices.
    Choice,
    /// Answered with a number; routed by `ranges`.
    Number,
    /// Answered with free text, kept for documents, never used for routing.
    Text,
    /// Never asked: counts how many of the `yes_no` questions named in
    /// `count` were answered « oui » on the path so far, and routes by
    /// `ranges` on that number, like a `number` question.
    Tally,
    /// Never asked: routes on the findings of the path so far, by its
    /// `choices`: the first whose `when` holds, else the last, which has
    /// none. Where the law joins two answers given far apart (a partial
    /// secret, then full automation), the tree routes on the finding the
    /// first one established instead of asking again.
    Switch,
}

impl QuestionKind {
    /// Whether the program works the answer out instead of asking it.
    pub fn is_computed(self) -> bool {
        matches!(self, QuestionKind::Tally | QuestionKind::Switch)
    }
}

/// The longest short help, in characters: about four lines of a narrow
/// terminal, so that « ? Aide » answers at a glance and the rest waits
/// for « Plus de détails ».
pub const HELP_MAX_CHARS: usize = 320;

/// One question: what is asked, how it is answered, where each answer leads.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier: the key in answers files. Unique across every
    /// questionnaire loaded together.
    pub id: String,
    pub kind: QuestionKind,
    /// Short name of the part of the questionnaire (shown as progress).
    #[serde(default)]
    pub section: Option<String>,
    /// The question, as asked.
    pub text: String,
    /// The short answer to « what should I pick? », shown first by
    /// « ? Aide »: a few lines at most (`check` warns past
    /// [`HELP_MAX_CHARS`](crate::core::model::HELP_MAX_CHARS)).
    #[serde(default)]
    pub help: String,
    /// The rest, shown on demand (« Plus de détails »): the rule the
    /// question comes from, examples, borderline cases, readings.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub details: String,
    /// Glossary terms used by the question (ids in `glossaire.toml`).
    #[serde(default)]
    pub terms: Vec<String>,
    /// `yes_no` and `choice` questions.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// `number` and `tally` questions: half-open ranges `[min, below)`.
    #[serde(default)]
    pub ranges: Vec<NumberRange>,
    /// `number` questions: the unit, e.g. « agents (ETP) ».
    #[serde(default)]
    pub unit: Option<String>,
    /// `text` questions: where to go once answered.
    #[serde(default)]
    pub next: Option<String>,
    /// `tally` questions: the `yes_no` questions whose « oui » answers are
    /// counted. Each must be asked on every path that leads to the tally;
    /// only the answers given on the path so far count.
    #[serde(default)]
    pub count: Vec<String>,
}

impl Question {
    /// Every `next` the question names, whatever its kind: its choices',
    /// its ranges', its own. The walks over the graph follow these.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.choices
            .iter()
            .map(|c| c.branch.next.as_str())
            .chain(self.ranges.iter().map(|r| r.branch.next.as_str()))
            .chain(self.next.as_deref())
    }
}

/// What an answer adds and where it leads. Shared by choices and number
/// ranges.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// Id of the next question or outcome.
    pub next: String,
    /// Findings (ids) this answer adds to the decision.
    #[serde(default)]
    pub findings: Vec<String>,
    /// What this answer implies, in one sentence (shown under « Pourquoi ? »).
    #[serde(default)]
    pub because: Option<String>,
    /// Articles (ids in `articles.toml`) that ground `because`.
    #[serde(default)]
    pub articles: Vec<String>,
}

/// One answer of a `yes_no` or `choice` question.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable value, written in answers files (`oui`/`non` for yes/no).
    pub value: String,
    pub label: String,
    /// A longer explanation of this choice, shown in help.
    #[serde(default)]
    pub help: Option<String>,
    /// `switch` questions: the findings (`finding:ID | finding:ID`) that
    /// select this choice; absent on the last choice, taken otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(flatten)]
    pub branch: Branch,
}

/// One range of answers of a `number` question.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct NumberRange {
    /// Lower bound, included. Absent: no lower bound.
    #[serde(default)]
    pub min: Option<f64>,
    /// Upper bound, excluded. Absent: no upper bound.
    #[serde(default)]
    pub below: Option<f64>,
    /// Label of the range, e.g. « 50 agents ou plus ».
    pub label: String,
    #[serde(flatten)]
    pub branch: Branch,
}

impl NumberRange {
    pub fn contains(&self, x: f64) -> bool {
        self.min.is_none_or(|m| x >= m) && self.below.is_none_or(|b| x < b)
    }
}

/// What a finding asks of the user.
#[derive(
    Debug,
    Clone,
    Copy,
    Deserialize,
    Serialize,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    JsonSchema,
    Encode,
    Decode,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Something the law requires.
    Obligation,
    /// Something the law allows or good practice advises.
    Recommendation,
    /// A risk or a limit to know.
    Warning,
    /// Context: where the law leaves room, where a guide reads otherwise.
    Note,
}

/// Something the decision tells the user: an obligation, a recommendation,
/// a warning or a note. Answers and outcomes add findings by id.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub kind: FindingKind,
    /// The finding, in one or two sentences.
    pub text: String,
    /// The finding in one short line (a dozen words), for the brief
    /// decision; its articles are cited beside it. Without it, the brief
    /// decision shows the first sentence of `text`.
    #[serde(default)]
    pub short: Option<String>,
    /// Articles (ids in `articles.toml`). Required for obligations.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Guide chapters that explain it.
    #[serde(default)]
    pub guides: Vec<GuideRef>,
    /// Findings (ids) this one replaces when both are on a path: the
    /// general caution an early answer brought yields to the precise one
    /// a later answer gives (« anonymise, unless… » once the « unless » is
    /// known), so that a decision never says « if » about a fact it asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
    /// What this finding contradicts: tests (`finding:ID`, `says:TEXT`,
    /// `outcome:ID`, `verdict:V`, `answer:Q=V`, each with `|` for « or »)
    /// none of which may hold on a path that shows it. Legal knowledge
    /// declared beside the finding (« publishing is optional » excludes
    /// « Publiez la fiche »), proved on every path by `check`; the engine
    /// never reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<String>,
    /// What this finding presupposes: tests that must all hold on every
    /// path that shows it (« for a State service » needs the path to have
    /// established that the body is the State). Proved by `check`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
}

/// A rule of consistency that no finding carries: on every path where all
/// of `when` hold, none of `excludes` may hold and every `requires` must.
/// Tests are written as in [`Finding::excludes`]. Proved by `check`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Tests that must all hold for the rule to apply.
    pub when: Vec<String>,
    #[serde(default)]
    pub excludes: Vec<String>,
    #[serde(default)]
    pub requires: Vec<String>,
    /// Why, in a sentence: shown with each contradiction found.
    pub because: String,
}

/// A text shown only where its conditions hold: a next step, a sentence
/// of a summary. Written as a string (always shown) or as a table
/// `{ text = "…", when = "finding:a | finding:b", unless = "finding:c" }`.
/// Conditions name findings, the outcome or the verdict (`finding:ID`,
/// `outcome:ID`, `verdict:V`), never an answer: a decision's texts follow
/// from its findings.
#[derive(Debug, Clone, PartialEq, JsonSchema, Encode, Decode)]
#[schemars(untagged)]
pub enum Conditional {
    Always(String),
    When(ConditionalText),
}

/// The table form of a [`Conditional`].
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct ConditionalText {
    pub text: String,
    /// Shown only when one of these tests holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Not shown when one of these tests holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<String>,
}

impl Conditional {
    pub fn text(&self) -> &str {
        match self {
            Conditional::Always(t) => t,
            Conditional::When(c) => &c.text,
        }
    }

    pub fn text_mut(&mut self) -> &mut String {
        match self {
            Conditional::Always(t) => t,
            Conditional::When(c) => &mut c.text,
        }
    }

    /// `(when, unless)`, as written.
    pub fn conditions(&self) -> (Option<&str>, Option<&str>) {
        match self {
            Conditional::Always(_) => (None, None),
            Conditional::When(c) => (c.when.as_deref(), c.unless.as_deref()),
        }
    }
}

impl<'de> Deserialize<'de> for Conditional {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged, expecting = "a text, or a table { text, when, unless }")]
        enum Form {
            Always(String),
            When(ConditionalText),
        }
        Ok(match Form::deserialize(d)? {
            Form::Always(t) => Conditional::Always(t),
            Form::When(c) => Conditional::When(c),
        })
    }
}

/// A text without conditions is written as the string it is, so that the
/// content's fingerprint (see `core::stamp`) does not move for it.
impl Serialize for Conditional {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Conditional::Always(t) => s.serialize_str(t),
            Conditional::When(c) => c.serialize(s),
        }
    }
}

/// A summary: one text, or a list of [`Conditional`] sentences joined
/// into one paragraph.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Conditional>, D::Error> {
    #[derive(Deserialize)]
    #[serde(
        untagged,
        expecting = "a text, or a list of texts and tables { text, when, unless }"
    )]
    enum Form {
        One(String),
        Many(Vec<Conditional>),
    }
    Ok(match Form::deserialize(d)? {
        Form::One(t) => vec![Conditional::Always(t)],
        Form::Many(v) => v,
    })
}

/// A summary of one unconditional text is written as that text (see
/// [`Conditional`]'s serialisation).
fn as_one_or_many<S: serde::Serializer>(v: &[Conditional], s: S) -> Result<S::Ok, S::Error> {
    match v {
        [Conditional::Always(t)] => s.serialize_str(t),
        _ => v.serialize(s),
    }
}

/// The schema of a summary: a string or a list of [`Conditional`].
fn summary_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let many = generator.subschema_for::<Vec<Conditional>>();
    schemars::json_schema!({
        "anyOf": [{ "type": "string" }, many],
        "description": "Un texte, ou une liste de phrases (textes ou tables { text, when, unless }) jointes en un paragraphe."
    })
}

/// A reference to a guide of the catalogue, optionally to one chapter.
/// Written `"algorithmes"` or `"algorithmes/mention"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Encode, Decode)]
pub struct GuideRef {
    pub guide: String,
    pub chapter: Option<String>,
}

impl std::fmt::Display for GuideRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.chapter {
            Some(c) => write!(f, "{}/{}", self.guide, c),
            None => f.write_str(&self.guide),
        }
    }
}

impl std::str::FromStr for GuideRef {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.split_once('/') {
            Some((g, c)) => GuideRef {
                guide: g.to_owned(),
                chapter: Some(c.to_owned()),
            },
            None => GuideRef {
                guide: s.to_owned(),
                chapter: None,
            },
        })
    }
}

impl Serialize for GuideRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for GuideRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(s.parse().unwrap_or_else(|e| match e {}))
    }
}

/// In schemas, a guide reference is the string it is written as.
impl JsonSchema for GuideRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "GuideRef".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A guide of the catalogue (`algorithmes`) or one of its chapters (`algorithmes/mention`).",
            "pattern": "^[^/\\s]+(/[^/\\s]+)?$",
            "examples": ["juridique", "algorithmes/mention"]
        })
    }
}

/// How the situation ends, in one word. Drives the colour of the verdict.
#[derive(
    Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, JsonSchema, Encode, Decode,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The law requires an action (publish, mention, communicate…).
    Must,
    /// Allowed and encouraged, not required.
    May,
    /// No duty applies (the law does not cover the case).
    NotConcerned,
    /// No duty yet: the document is not finished.
    NotYet,
    /// The body may not act alone or at all (secret, third-party rights).
    Cannot,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Must,
        Verdict::May,
        Verdict::NotConcerned,
        Verdict::NotYet,
        Verdict::Cannot,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Must => "must",
            Verdict::May => "may",
            Verdict::NotConcerned => "not_concerned",
            Verdict::NotYet => "not_yet",
            Verdict::Cannot => "cannot",
        }
    }
}

/// Where a path ends: the verdict and what to do.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub verdict: Verdict,
    /// The recommendation in one line.
    pub title: String,
    /// A short paragraph: what it means for the user, and why. One text,
    /// or sentences of which some hold only on some paths
    /// ([`Conditional`]).
    #[serde(deserialize_with = "one_or_many", serialize_with = "as_one_or_many")]
    #[schemars(schema_with = "summary_schema")]
    pub summary: Vec<Conditional>,
    /// Concrete steps, in order; a step may hold only on some paths
    /// ([`Conditional`]).
    #[serde(default)]
    pub next_steps: Vec<Conditional>,
    /// Findings added by reaching this outcome.
    #[serde(default)]
    pub findings: Vec<String>,
    /// Recommended guides, most useful first. At least one.
    pub guides: Vec<GuideRef>,
}

/// `questionnaires/articles.toml`: every legal reference, once.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ArticleFile {
    #[serde(default)]
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable id, e.g. `crpa-L312-1-1`.
    pub id: String,
    /// How it is cited, e.g. « CRPA, art. L312-1-1 ».
    pub label: String,
    /// Légifrance link.
    pub url: String,
    /// Where the link or the numbering is uncertain, say so.
    #[serde(default)]
    pub caveat: Option<String>,
    /// The day a maintainer last checked this reference against its
    /// source (a TOML date, `checked = 2026-12-01`): that the link opens
    /// the version in force and that the content still reads it right.
    /// `check` warns when it is missing or older than `--stale-after`.
    #[serde(default)]
    pub checked: Option<crate::core::date::Date>,
    /// The Légifrance id (`LEGIARTI…`) of the version cited, only for a
    /// link that does not carry it: the id in the URL is the one source
    /// of truth, and `check` refuses the two when they disagree.
    #[serde(default)]
    pub legiarti: Option<String>,
}

impl Article {
    /// The Légifrance id of the version cited: the one in the link, else
    /// the `legiarti` field.
    pub fn legiarti_id(&self) -> Option<&str> {
        legiarti_in(&self.url).or(self.legiarti.as_deref())
    }
}

/// The first `LEGIARTI` followed by twelve digits in `text`.
pub fn legiarti_in(text: &str) -> Option<&str> {
    text.match_indices("LEGIARTI").find_map(|(i, _)| {
        let id = text.get(i..i + 20)?;
        id[8..].bytes().all(|b| b.is_ascii_digit()).then_some(id)
    })
}

/// `questionnaires/glossaire.toml`: every term, defined once.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    /// The term as written in the questions.
    pub term: String,
    pub definition: String,
    #[serde(default)]
    pub articles: Vec<String>,
}

/// `guides/catalogue.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct GuideFile {
    #[serde(default)]
    pub guides: Vec<Guide>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: String,
    pub title: String,
    /// URL on guides.etalab.gouv.fr.
    pub url: String,
    /// Newer equivalent, where one exists.
    #[serde(default)]
    pub successor: Option<String>,
    /// What the guide covers, in our own words.
    pub summary: String,
    #[serde(default)]
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Encode, Decode)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    pub id: String,
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub successor: Option<String>,
}

/// An answer as given in an answers file or at a prompt.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Number(f64),
    Text(String),
}

/// Whole numbers are written as integers (`1200`, not `1200.0`): saved
/// answers files are read and edited by people.
/// By hand rather than `untagged`: serde's untagged enums buffer the value
/// and build an error for each variant that does not fit, which made
/// reading answers several times slower than reading the JSON itself (and
/// said « did not match any variant » when none fit).
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Answer;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(match crate::text::i18n::current() {
                    crate::text::i18n::Lang::Fr => "true, false, un nombre ou un texte",
                    crate::text::i18n::Lang::En => "true, false, a number or a string",
                })
            }

            fn visit_bool<E>(self, b: bool) -> Result<Answer, E> {
                Ok(Answer::Bool(b))
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Answer, E> {
                whole(n.into())
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Answer, E> {
                whole(n.into())
            }

            fn visit_f64<E>(self, n: f64) -> Result<Answer, E> {
                Ok(Answer::Number(n))
            }

            fn visit_str<E>(self, s: &str) -> Result<Answer, E> {
                Ok(Answer::Text(s.to_owned()))
            }

            fn visit_string<E>(self, s: String) -> Result<Answer, E> {
                Ok(Answer::Text(s))
            }
        }
        d.deserialize_any(V)
    }
}

/// A whole number as an answer; one a double cannot hold (past 2^53,
/// between two doubles) is refused, not rounded (see
/// [`crate::text::number::exact`]).
fn whole<E: serde::de::Error>(n: i128) -> Result<Answer, E> {
    let x = n as f64;
    if x as i128 == n {
        Ok(Answer::Number(x))
    } else {
        Err(E::custom(crate::text::number::too_precise(&n.to_string())))
    }
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Bool(b) => s.serialize_bool(*b),
            // Whole numbers as integers, as far as a JSON value holds them
            // (a saved file writes all the digits of larger ones).
            Answer::Number(n)
                if n.fract() == 0.0 && *n >= 0.0 && *n < 18_446_744_073_709_551_616.0 =>
            {
                s.serialize_u64(*n as u64)
            }
            Answer::Number(n)
                if n.fract() == 0.0 && *n < 0.0 && *n >= -9_223_372_036_854_775_808.0 =>
            {
                s.serialize_i64(*n as i64)
            }
            Answer::Number(n) => s.serialize_f64(*n),
            Answer::Text(t) => s.serialize_str(t),
        }
    }
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Answer::Bool(b) => write!(f, "{b}"),
            Answer::Number(n) => f.write_str(&crate::text::number::fmt_num(*n)),
            Answer::Text(s) => write!(f, "\"{s}\""),
        }
    }
}

/// The answers file (★ contract, see README).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// The JSON Schema of the file, for editors; ignored by the program.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Questionnaire to start from; absent: the usual first question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questionnaire: Option<String>,
    /// Question id → answer. Their order does not matter: the path
    /// decides which are used, and in which order.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Free-text field id → text, for the documents (`aiguillage
    /// documents`): the name of the processing or dataset, the service to
    /// contact… Never used by the decision. The ids are those of
    /// `documents/champs.toml`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// What the answers were given against, written by `--save-answers`
    /// and read back to say what changed since. Absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_against: Option<GivenAgainst>,
}

/// The content an answers file was given against (see
/// [`crate::core::stamp`]). Keys unknown here are ignored, so that a file
/// written by a later version stays readable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GivenAgainst {
    /// The version of aiguillage that wrote the file.
    #[serde(default)]
    pub aiguillage: String,
    /// Each questionnaire the answers went through, in order.
    #[serde(default)]
    pub questionnaires: Vec<QuestionnaireStamp>,
    /// For each answered question, a fingerprint of its text (the first
    /// 16 hexadecimal digits of its SHA-256): tells a reworded question.
    #[serde(default)]
    pub questions: BTreeMap<String, String>,
    /// The outcome the answers led to (id), when they decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// A questionnaire as it was when the answers were given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionnaireStamp {
    pub id: String,
    /// Its `version`.
    pub version: String,
    /// SHA-256 (hexadecimal) of what decides in it: its questions,
    /// answers, findings and outcomes, as JSON, without the texts only a
    /// person at a prompt reads (help, glossary terms, description).
    pub sha256: String,
}
