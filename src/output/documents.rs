//! The documents a decision calls for, written from the templates of
//! `documents/` ([`crate::core::documents`]), the decision and the
//! free-text fields the user gave; plus the HTML report ([`super::html`])
//! that every decision gets.
//!
//! Documents are legal drafts in French, whatever the interface language.
//! A field that was not given stays visible as « [à compléter : …] », and
//! is reported, so that nobody signs a draft with a blank in it.

use std::collections::BTreeMap;

use crate::core::catalog::Bundle;
use crate::core::condition;
use crate::core::documents::{FieldDef, Format, Loaded, REPORT_FILE, Templates};
use crate::core::engine::Decision;
use crate::core::model::Answer;
use crate::core::template::{Node, Ref, Test, TestKind};
use crate::output::labels::{step_label, verdict_label};
use crate::text::i18n::FR;

/// One document, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub id: String,
    pub title: String,
    pub file: String,
    pub text: String,
    /// Fields the document uses that were not given and have no value to
    /// propose: they stay as placeholders.
    pub missing: Vec<String>,
    /// Names nothing could fill (a value none of whose cases holds, an
    /// answer the path did not ask): a fault of the template, which the
    /// tests look for on every path.
    pub unresolved: Vec<String>,
}

/// What a missing field looks like in a draft.
pub fn placeholder(label: &str) -> String {
    format!("[à compléter : {label}]")
}

/// What a field filled for each request looks like.
pub fn per_request_placeholder(label: &str) -> String {
    format!("[à compléter pour chaque demande : {label}]")
}

/// The templates the decision calls for, in file order.
pub fn called_for<'t>(templates: &'t Templates, d: &Decision) -> Vec<&'t Loaded> {
    templates
        .documents
        .iter()
        .filter(|doc| {
            doc.when.iter().any(|w| {
                w.as_ref()
                    .is_ok_and(|tests| holds(tests, d, &BTreeMap::new()))
            })
        })
        .collect()
}

/// The fields the documents of this decision use, in the order of
/// `champs.toml`: what a session asks. Fields filled for each request are
/// left out; so are those only used in a part the decision leaves out.
pub fn needed_fields<'t>(
    templates: &'t Templates,
    bundle: &Bundle,
    d: &Decision,
    given: &BTreeMap<String, String>,
) -> Vec<&'t FieldDef> {
    let mut used = Vec::new();
    for doc in called_for(templates, d) {
        let mut ctx = Ctx::new(templates, bundle, d, given, doc.template.format);
        if let Ok(body) = &doc.body {
            ctx.nodes(&body.nodes);
        }
        used.extend(ctx.looked_up);
    }
    templates
        .fields
        .iter()
        .filter(|f| !f.per_request && used.contains(&f.id))
        .collect()
}

/// The value a field would take if not given: its proposal, worked out
/// from the decision.
pub fn proposed(templates: &Templates, d: &Decision, field: &FieldDef) -> Option<String> {
    let id = field.suggest.as_deref()?;
    value_text(templates, d, id, &BTreeMap::new())
}

/// Every document of the decision: those its templates call for, then the
/// HTML report.
pub fn render(
    templates: &Templates,
    bundle: &Bundle,
    d: &Decision,
    fields: &BTreeMap<String, String>,
) -> Vec<Rendered> {
    let mut out: Vec<Rendered> = called_for(templates, d)
        .into_iter()
        .map(|doc| render_one(templates, bundle, d, fields, doc))
        .collect();
    out.push(Rendered {
        id: "rapport".into(),
        title: "Rapport de décision (HTML)".into(),
        file: REPORT_FILE.into(),
        // Control characters shown, then every text escaped for HTML.
        text: crate::output::html::html(&crate::output::escaped::escaped(d)),
        missing: Vec::new(),
        unresolved: Vec::new(),
    });
    out
}

fn render_one(
    templates: &Templates,
    bundle: &Bundle,
    d: &Decision,
    fields: &BTreeMap<String, String>,
    doc: &Loaded,
) -> Rendered {
    let t = &doc.template;
    let mut ctx = Ctx::new(templates, bundle, d, fields, t.format);
    let mut text = match &doc.body {
        Ok(body) => ctx.nodes(&body.nodes),
        // `check` reports it; the built-in templates are checked by a test.
        Err(_) => t.body.clone(),
    };
    if t.format == Format::Json {
        // One line, so that the records of many decisions concatenate
        // into JSON Lines.
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            text = serde_json::to_string(&v)
                .map(|one| crate::text::escape::json_safe(&one).into_owned())
                .unwrap_or(text);
            text.push('\n');
        }
    }
    Rendered {
        id: t.id.clone(),
        title: t.title.clone(),
        file: t.file.clone(),
        text,
        missing: ctx.missing,
        unresolved: ctx.unresolved,
    }
}

/// Whether any of `tests` holds for the decision and the fields.
fn holds(tests: &[Test], d: &Decision, fields: &BTreeMap<String, String>) -> bool {
    condition::any(tests, &Drafted { d, fields }) == Some(true)
}

/// What the conditions of a document are tested against: the decision
/// and the fields given.
struct Drafted<'a> {
    d: &'a Decision,
    fields: &'a BTreeMap<String, String>,
}

impl condition::Facts for Drafted<'_> {
    fn has_finding(&self, id: &str) -> bool {
        self.d.findings.iter().any(|f| f.id == id)
    }
    fn outcome(&self) -> &str {
        &self.d.outcome.id
    }
    fn verdict(&self) -> crate::core::model::Verdict {
        self.d.outcome.verdict
    }
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.d
            .path
            .iter()
            .find(|s| s.question == question)
            .map(|s| &s.answer)
    }
    fn field(&self, id: &str) -> Option<Option<&str>> {
        Some(self.fields.get(id).map(String::as_str))
    }
}

/// The text of value `id`: its first case that holds.
fn value_text(
    templates: &Templates,
    d: &Decision,
    id: &str,
    fields: &BTreeMap<String, String>,
) -> Option<String> {
    let (value, cases) = templates.value(id)?;
    value
        .cases
        .iter()
        .zip(cases)
        // A case without a test always holds.
        .find(|(_, tests)| {
            tests
                .as_ref()
                .is_ok_and(|t| t.is_empty() || holds(t, d, fields))
        })
        .map(|(case, _)| case.text.clone())
}

struct Ctx<'a> {
    templates: &'a Templates,
    bundle: &'a Bundle,
    d: &'a Decision,
    fields: &'a BTreeMap<String, String>,
    format: Format,
    looked_up: Vec<String>,
    missing: Vec<String>,
    unresolved: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(
        templates: &'a Templates,
        bundle: &'a Bundle,
        d: &'a Decision,
        fields: &'a BTreeMap<String, String>,
        format: Format,
    ) -> Self {
        Ctx {
            templates,
            bundle,
            d,
            fields,
            format,
            looked_up: Vec::new(),
            missing: Vec::new(),
            unresolved: Vec::new(),
        }
    }

    fn nodes(&mut self, nodes: &[Node]) -> String {
        let mut s = String::new();
        for n in nodes {
            match n {
                Node::Text(t, _) => s.push_str(t),
                Node::Value(name) => {
                    let v = self.value(name.reference(), &name.text);
                    s.push_str(&self.escape(&v));
                }
                Node::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    for t in cond.iter().filter(|t| t.kind == TestKind::Field) {
                        self.look_up(&t.id);
                    }
                    let branch = if holds(cond, self.d, self.fields) {
                        then
                    } else {
                        otherwise
                    };
                    s.push_str(&self.nodes(branch));
                }
            }
        }
        s
    }

    fn look_up(&mut self, id: &str) {
        if !self.looked_up.iter().any(|x| x == id) {
            self.looked_up.push(id.to_owned());
        }
    }

    fn unresolved(&mut self, name: &str) -> String {
        if !self.unresolved.iter().any(|x| x == name) {
            self.unresolved.push(name.to_owned());
        }
        format!("[valeur manquante : {name}]")
    }

    fn value(&mut self, r: Ref<'_>, name: &str) -> String {
        let d = self.d;
        match r {
            Ref::Field(id) => {
                if let Some(f) = self.templates.field(id) {
                    self.look_up(id);
                    if f.per_request {
                        return per_request_placeholder(&f.label);
                    }
                    if let Some(v) = self.fields.get(id).filter(|v| !v.trim().is_empty()) {
                        return v.trim().to_owned();
                    }
                    if let Some(v) = proposed(self.templates, d, f) {
                        return v;
                    }
                    if !self.missing.iter().any(|x| x == id) {
                        self.missing.push(id.to_owned());
                    }
                    return placeholder(&f.label);
                }
                match value_text(self.templates, d, id, self.fields) {
                    Some(v) => v,
                    None => self.unresolved(name),
                }
            }
            Ref::Decision(what) => match what {
                "title" => d.outcome.title.clone(),
                "verdict" => verdict_label(d.outcome.verdict, &FR).to_owned(),
                "summary" => d.outcome.summary.trim().to_owned(),
                "outcome" => d.outcome.id.clone(),
                "questionnaire" => d.decided_by.title.clone(),
                "version" => d.decided_by.version.clone(),
                "legal_date" => d.decided_by.legal_date.clone(),
                _ => self.unresolved(name),
            },
            Ref::Answer(q) => match d.path.iter().find(|s| s.question == q) {
                Some(step) => step_label(step, &FR),
                None => self.unresolved(name),
            },
            Ref::Article(id) => match self.bundle.article(id) {
                Some(a) if self.format == Format::Markdown => format!("[{}]({})", a.label, a.url),
                Some(a) => format!("{} ({})", a.label, a.url),
                None => self.unresolved(name),
            },
        }
    }

    /// A value as it must be written in a document of this format, its
    /// control characters (ESC, C0, C1, bidi overrides) never written raw:
    /// shown as `\x1b` in text, Markdown and CSV, escaped the JSON way
    /// (`\u001b`) in JSON and YAML.
    fn escape(&self, v: &str) -> String {
        use crate::text::escape::{escape, json_safe};
        match self.format {
            Format::Markdown | Format::Text => escape(v).into_owned(),
            Format::Csv => csv_cell(v),
            Format::Json | Format::Yaml => {
                let quoted = serde_json::to_string(v).unwrap_or_default();
                json_safe(&quoted[1..quoted.len() - 1]).into_owned()
            }
        }
    }
}

/// A value as one quoted CSV cell, safe to open in a spreadsheet: a
/// value that a spreadsheet would run as a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return: OWASP's rule for CSV
/// injection) gets a `'` before it, which spreadsheets show as text;
/// control characters are escaped.
pub fn csv_cell(v: &str) -> String {
    let formula = v.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let v = crate::text::escape::escape(v);
    format!(
        "\"{}{}\"",
        if formula { "'" } else { "" },
        v.replace('"', "\"\"")
    )
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_never_start_a_formula_nor_hold_a_raw_control() {
        assert_eq!(csv_cell("Commune"), "\"Commune\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for v in ["+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(v).starts_with("\"'"), "{v}");
        }
        assert_eq!(csv_cell("a\u{1b}[31m"), "\"a\\x1b[31m\"");
    }
}
