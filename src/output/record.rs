//! One case of an inventory, in a line: the compact record of `batch`
//! (ids, the verdict, links; no text the record does not carry), as a JSON
//! object or a CSV row. Built from the engine's [`Walk`], so that deciding
//! a case copies no text it will not write.

use serde::Serialize;

use crate::core::catalog::Bundle;
use crate::core::engine::{End, Walk};
use crate::core::model::{FindingKind, Verdict};

/// The id a line of the input gives its case: echoed as it was written
/// (a number to the digit: `1.50` stays `1.50`, `-0` stays `-0`).
#[derive(Debug, Clone, PartialEq)]
pub enum CaseId {
    /// A JSON number, as its text.
    Number(String),
    Text(String),
}

impl CaseId {
    /// The id as JSON at the end of `out`: a number as written, a text
    /// escaped, its C1 and bidi controls too (`\u009b`).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            CaseId::Number(n) => out.extend_from_slice(n.as_bytes()),
            CaseId::Text(s) => {
                let json = serde_json::to_string(s).unwrap_or_default();
                out.extend_from_slice(crate::text::escape::json_safe(&json).as_bytes());
            }
        }
    }
}

impl Serialize for CaseId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            CaseId::Number(n) => match serde_json::value::RawValue::from_string(n.clone()) {
                Ok(raw) => raw.serialize(s),
                Err(_) => s.serialize_str(n),
            },
            CaseId::Text(t) => s.serialize_str(t),
        }
    }
}

impl std::fmt::Display for CaseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseId::Number(n) | CaseId::Text(n) => f.write_str(n),
        }
    }
}

/// A decided case (★ batch contract, documented in docs/inventaires.md).
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
    /// The answers given that the path did not use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unused: Vec<String>,
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
    let on_path = walk.steps.iter().flat_map(|s| s.route.findings.iter());
    let found = crate::core::engine::gather(bundle, on_path.chain(&outcome.findings));
    let mut guides: Vec<&'b str> = Vec::with_capacity(8);
    let refs = found.iter().flat_map(|f| f.guides.iter());
    for g in outcome.guides.iter().chain(refs) {
        // Each guide's link is one string of the bundle: compare where it is.
        if let Some((_, url, _)) = bundle.guide_url(g)
            && !guides.iter().any(|u| std::ptr::eq(*u, url))
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
        findings: found.iter().map(|f| f.id.as_str()).collect(),
        obligations: found
            .iter()
            .filter(|f| f.kind == FindingKind::Obligation)
            .map(|f| f.id.as_str())
            .collect(),
        guides,
        unused: Vec::new(),
    })
}

/// Writes records as JSON lines, fast: the strings of a record come from
/// the bundle and recur from one case to the next, so each is escaped
/// once and copied after. Writes exactly what serde_json writes for a
/// [`Record`] (a test checks it).
#[derive(Default)]
pub struct JsonLines<'b> {
    /// Keyed by where the string is: only strings of the bundle (`'b`),
    /// which does not change while records are written.
    escaped: std::collections::HashMap<(usize, usize), Box<[u8]>, foldhash::fast::RandomState>,
    bundle: std::marker::PhantomData<&'b str>,
}

impl<'b> JsonLines<'b> {
    /// `r` as one line of JSON, with its line break, at the end of `out`.
    pub fn write(&mut self, r: &Record<'b>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"line\":");
        out.extend_from_slice(r.line.to_string().as_bytes());
        if let Some(id) = &r.id {
            out.extend_from_slice(b",\"id\":");
            id.write_json(out);
        }
        self.field(out, b",\"questionnaire\":", r.questionnaire);
        self.field(out, b",\"outcome\":", r.outcome);
        out.extend_from_slice(b",\"verdict\":\"");
        out.extend_from_slice(r.verdict.as_str().as_bytes());
        out.push(b'"');
        self.field(out, b",\"title\":", r.title);
        self.list(out, b",\"findings\":[", &r.findings);
        self.list(out, b",\"obligations\":[", &r.obligations);
        self.list(out, b",\"guides\":[", &r.guides);
        write_unused(out, &r.unused);
        out.extend_from_slice(b"}\n");
    }

    fn field(&mut self, out: &mut Vec<u8>, key: &[u8], s: &'b str) {
        out.extend_from_slice(key);
        self.string(out, s);
    }

    fn list(&mut self, out: &mut Vec<u8>, key: &[u8], items: &[&'b str]) {
        out.extend_from_slice(key);
        for (i, s) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            self.string(out, s);
        }
        out.push(b']');
    }

    /// A string of the bundle, escaped once (C1 and bidi controls too,
    /// as the decision JSON writes them: a questionnaire given with
    /// `--questionnaire` may hold them).
    fn string(&mut self, out: &mut Vec<u8>, s: &'b str) {
        let key = (s.as_ptr() as usize, s.len());
        let escaped = self.escaped.entry(key).or_insert_with(|| {
            let json = serde_json::to_string(s).unwrap_or_default();
            crate::text::escape::json_safe(&json)
                .into_owned()
                .into_bytes()
                .into_boxed_slice()
        });
        out.extend_from_slice(escaped);
    }
}

/// `,"unused":[…]` when answers went unused.
fn write_unused(out: &mut Vec<u8>, unused: &[String]) {
    if unused.is_empty() {
        return;
    }
    out.extend_from_slice(b",\"unused\":[");
    for (i, u) in unused.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let json = serde_json::to_string(u).unwrap_or_default();
        out.extend_from_slice(crate::text::escape::json_safe(&json).as_bytes());
    }
    out.push(b']');
}

/// What a case's record says besides its line and id, written once per
/// distinct path: inventories repeat the same few paths, so deciding a
/// case that went the way of an earlier one only copies its record.
pub struct Memo<'b> {
    seen: std::collections::HashMap<Box<[usize]>, Written, foldhash::fast::RandomState>,
    json: JsonLines<'b>,
    key: Vec<usize>,
    /// Whether the CSV cells are wanted ([`Memo::json_only`]: not).
    csv: bool,
}

/// A record, written.
pub struct Written {
    /// The JSON line from `"questionnaire"` to its line break.
    pub json_tail: Box<[u8]>,
    /// The CSV cells from the verdict to the guide.
    pub csv: [String; 5],
    pub verdict: Verdict,
}

/// Distinct paths kept at the most: past it, records are written afresh
/// (the built-in trees have a few thousand paths in all).
const MEMO_LIMIT: usize = 1 << 16;

impl Default for Memo<'_> {
    fn default() -> Self {
        Memo {
            seen: Default::default(),
            json: JsonLines::default(),
            key: Vec::with_capacity(32),
            csv: true,
        }
    }
}

impl<'b> Memo<'b> {
    /// A memo for JSON lines only: its records' CSV cells are left empty
    /// ([`Written::csv_row`] is not for it), which spares making them.
    pub fn json_only() -> Self {
        Memo {
            csv: false,
            ..Memo::default()
        }
    }

    /// The record of `walk`, written; `None` for a walk that stopped at a
    /// question. A record depends only on the outcome and on the findings
    /// each step added, so those (where they are in the bundle) are the key.
    pub fn get(&mut self, bundle: &'b Bundle, walk: &Walk<'b, '_>) -> Option<&Written> {
        let End::Outcome(outcome) = walk.end else {
            return None;
        };
        self.key.clear();
        self.key.push(std::ptr::from_ref(outcome) as usize);
        self.key.extend(
            walk.steps
                .iter()
                .map(|s| s.route.findings.as_ptr() as usize),
        );
        if !self.seen.contains_key(self.key.as_slice()) {
            let r = record(bundle, walk, 0, None)?;
            let mut line = Vec::new();
            self.json.write(&r, &mut line);
            let start = line
                .windows(16)
                .position(|w| w == b"\"questionnaire\":")
                .unwrap_or(0);
            let row = if self.csv {
                csv_row(&r)
            } else {
                Default::default()
            };
            let [_, _, verdict, outcome, title, obligations, guide, _, _] = row;
            let written = Written {
                json_tail: line[start..].into(),
                csv: [verdict, outcome, title, obligations, guide],
                verdict: r.verdict,
            };
            if self.seen.len() >= MEMO_LIMIT {
                self.seen.clear();
            }
            self.seen.insert(self.key.as_slice().into(), written);
        }
        self.seen.get(self.key.as_slice())
    }
}

impl Written {
    /// The JSON line of the case at `line` with `id` and the answers it
    /// did not use.
    pub fn json_line(&self, line: u64, id: Option<&CaseId>, unused: &[String], out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"line\":");
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b',');
        if let Some(id) = id {
            out.extend_from_slice(b"\"id\":");
            id.write_json(out);
            out.push(b',');
        }
        if unused.is_empty() {
            out.extend_from_slice(&self.json_tail);
        } else {
            // The tail ends with `}\n`: the unused answers go before.
            let body = &self.json_tail[..self.json_tail.len().saturating_sub(2)];
            out.extend_from_slice(body);
            write_unused(out, unused);
            out.extend_from_slice(b"}\n");
        }
    }

    /// The CSV row of the case at `line` with `id` and the answers it did
    /// not use (cells as written: see [`csv_cells`]).
    pub fn csv_row(&self, line: u64, id: Option<&CaseId>, unused: &[String]) -> [String; 9] {
        // The cells of the record were made safe once, in the memo.
        let [verdict, outcome, title, obligations, guide] = self.csv.clone();
        [
            line.to_string(),
            safe(id.map(ToString::to_string).unwrap_or_default()),
            verdict,
            outcome,
            title,
            obligations,
            guide,
            String::new(),
            safe(unused.join(" ")),
        ]
    }
}

/// The columns of `batch --format csv`, for the spreadsheet round trip.
pub const CSV_HEADER: [&str; 9] = [
    "line",
    "id",
    "verdict",
    "outcome",
    "title",
    "obligations",
    "guide",
    "error",
    "unused",
];

/// A decided case as a CSV row: obligations separated by spaces, the
/// first guide's link; every cell made safe ([`spreadsheet_cell`]).
pub fn csv_row(r: &Record<'_>) -> [String; 9] {
    csv_cells([
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
        r.unused.join(" "),
    ])
}

/// A case not decided, as a CSV row: only its line, id and error; every
/// cell made safe.
pub fn csv_failure(f: &Failure) -> [String; 9] {
    csv_cells([
        f.line.to_string(),
        f.id.as_ref().map(ToString::to_string).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        f.error.message.replace('\n', " ; "),
        String::new(),
    ])
}

/// A row as its cells are written to a CSV file or a spreadsheet: control
/// characters escaped (`\x1b`), and a cell that a spreadsheet would take
/// for a formula (OWASP's rule: one that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) preceded by `'`, so that it is shown, not
/// run.
pub fn csv_cells<const N: usize>(row: [String; N]) -> [String; N] {
    row.map(safe)
}

/// One cell, made safe.
fn safe(cell: String) -> String {
    match spreadsheet_cell(&cell) {
        std::borrow::Cow::Borrowed(_) => cell,
        std::borrow::Cow::Owned(o) => o,
    }
}

/// One cell made safe as [`csv_cells`] says.
pub fn spreadsheet_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let formula = |t: &str| t.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let starts = formula(s);
    match crate::text::escape::escape_inline(s) {
        std::borrow::Cow::Borrowed(b) if !starts => std::borrow::Cow::Borrowed(b),
        cell => {
            let mut out = String::with_capacity(cell.len() + 1);
            if starts {
                out.push('\'');
            }
            out.push_str(&cell);
            std::borrow::Cow::Owned(out)
        }
    }
}
