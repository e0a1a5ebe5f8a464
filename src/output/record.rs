//! One case of an inventory, in a line: the compact record of `batch`
//! (ids, the verdict, links; no text the record does not carry), as a JSON
//! object or a CSV row. Built from the engine's [`Walk`], so that deciding
//! a case copies no text it will not write.

use serde::Serialize;

use crate::core::catalog::Bundle;
use crate::core::engine::{End, Walk};
use crate::core::model::{FindingKind, Verdict};

/// The id a line of the input gives its case: echoed as it was written.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum CaseId {
    Number(serde_json::Number),
    Text(String),
}

impl std::fmt::Display for CaseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseId::Number(n) => write!(f, "{n}"),
            CaseId::Text(s) => f.write_str(s),
        }
    }
}

/// A decided case (★ batch contract, documented in the README).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<'b> {
    /// The line of the input (1-based; a CSV record's first line).
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<CaseId>,
    /// The questionnaire that holds the outcome (the tree of the resource).
    pub questionnaire: &'b str,
    pub outcome: &'b str,
    pub verdict: Verdict,
    pub title: &'b str,
    /// Every finding on the way, in order, without repeats.
    pub findings: Vec<&'b str>,
    /// Those of them that are obligations.
    pub obligations: Vec<&'b str>,
    /// The recommended guides: the outcome's first, then the findings'.
    pub guides: Vec<&'b str>,
}

/// A case that could not be decided, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<CaseId>,
    pub error: Problem,
}

/// What went wrong with a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// In the interface language; several problems, one per line.
    pub message: String,
    /// The question at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// What that question allows, as written in an answers file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
    /// For malformed JSON: the column in the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// The record of a walk that reached an outcome; `None` for one that
/// stopped at a question.
pub fn record<'b>(
    bundle: &'b Bundle,
    walk: &Walk<'b, '_>,
    line: u64,
    id: Option<CaseId>,
) -> Option<Record<'b>> {
    let End::Outcome(outcome) = walk.end else {
        return None;
    };
    let findings = walk.finding_ids();
    let obligations = findings
        .iter()
        .copied()
        .filter(|f| {
            bundle
                .finding(f)
                .is_some_and(|f| f.kind == FindingKind::Obligation)
        })
        .collect();
    // A few guides each: a linear search beats hashing.
    let mut guides: Vec<&'b str> = Vec::with_capacity(8);
    let found = findings.iter().filter_map(|f| bundle.finding(f));
    for g in outcome
        .guides
        .iter()
        .chain(found.flat_map(|f| f.guides.iter()))
    {
        if let Some((_, url, _)) = bundle.guide_url(g)
            && !guides.contains(&url)
        {
            guides.push(url);
        }
    }
    let questionnaire = bundle
        .questionnaire_of(&outcome.id)
        .map_or("", |q| q.id.as_str());
    Some(Record {
        line,
        id,
        questionnaire,
        outcome: &outcome.id,
        verdict: outcome.verdict,
        title: &outcome.title,
        findings,
        obligations,
        guides,
    })
}

/// The columns of `batch --format csv`, for the spreadsheet round trip.
pub const CSV_HEADER: [&str; 8] = [
    "line",
    "id",
    "verdict",
    "outcome",
    "title",
    "obligations",
    "guide",
    "error",
];

/// A decided case as a CSV row: obligations separated by spaces, the
/// first guide's link.
pub fn csv_row(r: &Record<'_>) -> [String; 8] {
    [
        r.line.to_string(),
        r.id.as_ref().map(ToString::to_string).unwrap_or_default(),
        r.verdict.as_str().to_owned(),
        r.outcome.to_owned(),
        r.title.to_owned(),
        r.obligations.join(" "),
        r.guides
            .first()
            .map(|g| (*g).to_owned())
            .unwrap_or_default(),
        String::new(),
    ]
}

/// A case not decided, as a CSV row: only its line, id and error.
pub fn csv_failure(f: &Failure) -> [String; 8] {
    [
        f.line.to_string(),
        f.id.as_ref().map(ToString::to_string).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        f.error.message.replace('\n', " ; "),
    ]
}
