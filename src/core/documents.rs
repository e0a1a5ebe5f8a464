//! The document templates (`documents/`): one TOML file per kind of
//! document (its file name, its format, the findings or outcomes that call
//! for it, the free-text fields it uses, its body), and `champs.toml`, the
//! free-text fields and the values worked out from the decision that the
//! bodies may name.
//!
//! Like the questionnaires, they are content: embedded in the binary,
//! edited without Rust, and checked by `aiguillage check` against the
//! questionnaires they refer to. Each problem points at its file, line and
//! column. Rendering them is [`crate::output::documents`]'s job.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::Deserialize;
use toml_edit::Document;

use crate::core::catalog::{Bundle, LoadError, Source, parse_toml};
use crate::core::condition;
use crate::core::diagnostic::{Diagnostic, Place, Report, Severity};
use crate::core::locate::span_of;
use crate::core::template::{self, Ref, SyntaxError, SyntaxErrorKind, Template, Test, TestKind};
use crate::text::suggest::suggest;

static BUILTIN_DOCUMENTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/documents");

/// The file of the fields and values; every other `.toml` of the folder is
/// a template.
pub const FIELDS_FILE: &str = "champs.toml";

/// The file name of the report every decision gets, written by the
/// program rather than from a template.
pub const REPORT_FILE: &str = "rapport.html";

/// What the decision says, by name: `{{decision.title}}`…
pub const DECISION_VALUES: &[&str] = &[
    "title",
    "verdict",
    "summary",
    "outcome",
    "questionnaire",
    "version",
    "legal_date",
];

/// How a document is written, and so how a value put into it is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown: values as written.
    Markdown,
    /// Plain text: values as written.
    Text,
    /// CSV: each value becomes one quoted field.
    Csv,
    /// JSON: each value is escaped for a JSON string; the document is
    /// written on one line, so that records concatenate as JSON Lines.
    Json,
    /// YAML: each value is escaped for a double-quoted YAML string.
    Yaml,
}

/// One template file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTemplate {
    pub id: String,
    /// What the document is, in a few words (listed after writing).
    pub title: String,
    /// The name of the file written.
    pub file: String,
    pub format: Format,
    /// Conditions (`finding:ID`, `outcome:ID`…): the decision calls for
    /// the document when any of them holds.
    pub when: Vec<String>,
    /// The free-text fields of `champs.toml` the body uses.
    #[serde(default)]
    pub fields: Vec<String>,
    pub body: String,
}

/// `champs.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldsFile {
    #[serde(default)]
    pub fields: Vec<FieldDef>,
    #[serde(default)]
    pub values: Vec<ValueDef>,
}

/// A free-text field: asked in a session when a document needs it, given
/// in an answers file (`fields`), or left as a placeholder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    pub id: String,
    /// What is asked, and what the placeholder says.
    pub label: String,
    /// An explanation or an example, shown when asking.
    #[serde(default)]
    pub help: String,
    /// Filled for each request by whoever answers it (the name of the
    /// person who asks…): never asked, always a placeholder.
    #[serde(default)]
    pub per_request: bool,
    /// A value of this file proposed when the field is not given.
    #[serde(default)]
    pub suggest: Option<String>,
    /// A closed list: the only values the field takes (the codes of
    /// publiccode.yml, the licences of the decree). A terminal offers them
    /// as a menu; a value given otherwise is refused with the list.
    #[serde(default)]
    pub choices: Vec<String>,
    /// The most characters the value may have (publiccode.yml's
    /// `shortDescription`: 150).
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// The documents (ids) in which the value must be an e-mail address:
    /// publiccode.yml's contact, where another document takes a postal
    /// address too.
    #[serde(default)]
    pub email_in: Vec<String>,
}

/// Why a value does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// Not one of the field's `choices`.
    NotAChoice,
    /// Longer than `max_chars`: `chars` characters.
    TooLong { max: usize, chars: usize },
    /// Not an e-mail address, which `document` needs.
    NotAnEmail { document: String },
}

impl FieldDef {
    /// What is wrong with `value` for this field when the documents
    /// `drafted` (ids) are written; `None` when it fits. An empty value is
    /// a field left to complete, never a problem.
    pub fn problem(&self, value: &str, drafted: &[&str]) -> Option<FieldProblem> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if !self.choices.is_empty() && !self.choices.iter().any(|c| c == value) {
            return Some(FieldProblem::NotAChoice);
        }
        let chars = value.chars().count();
        if let Some(max) = self.max_chars
            && chars > max
        {
            return Some(FieldProblem::TooLong { max, chars });
        }
        if let Some(document) = self.email_in.iter().find(|d| drafted.contains(&d.as_str()))
            && !is_email(value)
        {
            return Some(FieldProblem::NotAnEmail {
                document: document.clone(),
            });
        }
        None
    }
}

/// Whether `s` is an e-mail address: one `@`, a local part and a domain
/// with a dot, no space, nothing a mail client would refuse.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let atom = |c: char| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    !local.is_empty()
        && local.len() <= 64
        && local.chars().all(atom)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A value worked out from the decision: the text of the first case whose
/// condition holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueDef {
    pub id: String,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// When the case holds; absent: always (the last case, for all the
    /// others).
    #[serde(default)]
    pub when: Option<String>,
    pub text: String,
}

/// A condition as parsed: its tests (any of them), or why it cannot be read.
pub type Condition = Result<Vec<Test>, SyntaxError>;

/// A template as loaded: its source, its data, and its body parsed (or
/// why it cannot be).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub source: usize,
    pub template: DocumentTemplate,
    pub body: Result<Template, SyntaxError>,
    /// Its conditions parsed, one per `when` entry.
    pub when: Vec<Condition>,
}

/// Every template and the fields they use.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub sources: Vec<Source>,
    /// The source of `champs.toml`, when there is one.
    pub fields_source: Option<usize>,
    pub fields: Vec<FieldDef>,
    pub values: Vec<ValueDef>,
    pub documents: Vec<Loaded>,
    /// Each value's cases parsed: `values[i]` → one result per case.
    pub value_cases: Vec<Vec<Condition>>,
}

impl Templates {
    /// The templates embedded in the binary, set with French typography
    /// for the documents they write ([`Templates::typeset`]).
    pub fn builtin() -> Result<Templates, LoadError> {
        let mut t = Templates::builtin_as_written()?;
        t.typeset();
        Ok(t)
    }

    /// The templates embedded in the binary, as written: what `check`
    /// reads, so that its places are those of the files.
    pub fn builtin_as_written() -> Result<Templates, LoadError> {
        let mut files: Vec<_> = BUILTIN_DOCUMENTS
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort_by_key(|f| f.path());
        let mut sources = Vec::new();
        for f in files {
            let name = format!("documents/{}", f.path().display());
            let text = f
                .contents_utf8()
                .ok_or_else(|| LoadError::NotUtf8(name.clone()))?;
            sources.push(Source {
                name,
                text: text.to_owned(),
            });
        }
        Templates::from_sources(sources)
    }

    /// Templates from files or folders (for `check`). A file is read with
    /// the `champs.toml` of its folder.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Templates, LoadError> {
        let mut names: Vec<PathBuf> = Vec::new();
        for path in paths {
            if path.is_dir() {
                let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                    .map_err(|e| io(path, e))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                    .collect();
                entries.sort();
                names.extend(entries);
            } else {
                let fields = path.with_file_name(FIELDS_FILE);
                if fields.is_file() && !names.contains(&fields) {
                    names.push(fields);
                }
                names.push(path.clone());
            }
        }
        names.dedup();
        let mut sources = Vec::new();
        for p in names {
            let text = std::fs::read_to_string(&p).map_err(|e| io(&p, e))?;
            sources.push(Source {
                name: p.display().to_string(),
                text,
            });
        }
        Templates::from_sources(sources)
    }

    /// Templates from (name, text) sources; `champs.toml` is told by its
    /// file name.
    pub fn from_sources(sources: Vec<Source>) -> Result<Templates, LoadError> {
        let mut t = Templates::default();
        for (i, s) in sources.iter().enumerate() {
            if Path::new(&s.name)
                .file_name()
                .is_some_and(|f| f == FIELDS_FILE)
            {
                let f: FieldsFile = parse_toml(&s.name, &s.text)?;
                t.value_cases = f
                    .values
                    .iter()
                    .map(|v| {
                        v.cases
                            .iter()
                            .map(|c| match &c.when {
                                Some(w) => template::parse_condition(w, 0),
                                // No test: the case always holds.
                                None => Ok(Vec::new()),
                            })
                            .collect()
                    })
                    .collect();
                t.fields = f.fields;
                t.values = f.values;
                t.fields_source = Some(i);
            } else {
                let template: DocumentTemplate = parse_toml(&s.name, &s.text)?;
                let body = template::parse(&template.body);
                let when = template
                    .when
                    .iter()
                    .map(|w| template::parse_condition(w, 0))
                    .collect();
                t.documents.push(Loaded {
                    source: i,
                    template,
                    body,
                    when,
                });
            }
        }
        t.sources = sources;
        Ok(t)
    }

    /// Sets every text of the templates with French typography
    /// ([`crate::text::typography`]): the bodies (their tags are left as
    /// written), the fields' labels and help, the values' texts. The
    /// bodies are parsed again.
    pub fn typeset(&mut self) {
        use crate::text::typography::typeset_in as set;
        for d in &mut self.documents {
            set(&mut d.template.title);
            set(&mut d.template.body);
            d.body = template::parse(&d.template.body);
        }
        for f in &mut self.fields {
            set(&mut f.label);
            set(&mut f.help);
        }
        for v in &mut self.values {
            for c in &mut v.cases {
                set(&mut c.text);
            }
        }
    }

    pub fn field(&self, id: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn value(&self, id: &str) -> Option<(&ValueDef, &[Condition])> {
        let i = self.values.iter().position(|v| v.id == id)?;
        Some((&self.values[i], &self.value_cases[i]))
    }
}

fn io(path: &Path, error: std::io::Error) -> LoadError {
    LoadError::Io {
        file: path.display().to_string(),
        error,
    }
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

struct Checker<'a> {
    templates: &'a Templates,
    bundle: &'a Bundle,
    docs: HashMap<usize, Option<Document<&'a str>>>,
    report: Report,
}

impl<'a> Checker<'a> {
    /// A diagnostic at key `path` of source `src`; `inner` narrows it to a
    /// span inside the string value found there.
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        src: usize,
        path: String,
        inner: Option<Range<usize>>,
        message: String,
    ) {
        let text = self.templates.sources[src].text.as_str();
        let doc = self
            .docs
            .entry(src)
            .or_insert_with(|| Document::parse(text).ok());
        let d = placed(
            self.templates,
            doc.as_ref(),
            severity,
            code,
            src,
            path,
            inner,
            message,
        );
        self.report.diagnostics.push(d);
    }

    fn error(
        &mut self,
        code: &'static str,
        src: usize,
        path: String,
        inner: Option<Range<usize>>,
        m: String,
    ) {
        self.push(Severity::Error, code, src, path, inner, m);
    }
}

/// A diagnostic at key `path` of template source `src`, placed in its
/// file (`doc`: the source parsed, when it parses); `inner` narrows it to
/// a span inside the string value found there.
#[allow(clippy::too_many_arguments)]
pub fn placed(
    templates: &Templates,
    doc: Option<&Document<&str>>,
    severity: Severity,
    code: &'static str,
    src: usize,
    path: String,
    inner: Option<Range<usize>>,
    message: String,
) -> Diagnostic {
    let source = &templates.sources[src];
    let text = source.text.as_str();
    // Placed here: the bundle's placing leaves a source it lacks alone.
    let mut d = Diagnostic::at_key(
        severity,
        code,
        message,
        source.name.clone(),
        path.clone(),
        usize::MAX,
    );
    if let Some(span) = doc.and_then(|doc| span_of(doc, &path)) {
        let span = match (inner, doc) {
            (Some(inner), Some(doc)) => {
                inside(text, span.clone(), &inner, doc, &path).unwrap_or(span)
            }
            _ => span,
        };
        d.set_place(Place::from_span(text, span));
    }
    d
}

/// The span, in the file, of bytes `inner` of the string value at `path`
/// (whose raw text spans `span`, quotes included).
fn inside(
    text: &str,
    span: Range<usize>,
    inner: &Range<usize>,
    doc: &Document<&str>,
    path: &str,
) -> Option<Range<usize>> {
    let value = doc_string(doc, path)?;
    let raw = &text[span.clone()];
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| raw.starts_with(q))?;
    let mut start = span.start + quote.len();
    let mut body = &raw[quote.len()..raw.len().saturating_sub(quote.len())];
    if quote.len() == 3 {
        // A line break right after the opening delimiter is not part of
        // the value.
        if let Some(rest) = body.strip_prefix("\r\n") {
            start += 2;
            body = rest;
        } else if let Some(rest) = body.strip_prefix('\n') {
            start += 1;
            body = rest;
        }
    }
    if body == value {
        return Some(start + inner.start..start + inner.end);
    }
    // Escapes shift the offsets: find the same text instead, the n-th time
    // it occurs before the place.
    let needle = value.get(inner.clone())?;
    let nth = value[..inner.start].matches(needle).count();
    let at = body.match_indices(needle).nth(nth)?.0;
    Some(start + at..start + at + needle.len())
}

fn doc_string(doc: &Document<&str>, path: &str) -> Option<String> {
    let mut item = doc.as_item();
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        item = item.get(key)?;
        if let Some(i) = index {
            item = item.get(i)?;
        }
    }
    item.as_str().map(str::to_owned)
}

/// Every problem of the templates, checked against the questionnaires and
/// articles of `bundle`; each placed in its file.
pub fn check(templates: &Templates, bundle: &Bundle) -> Report {
    let mut c = Checker {
        templates,
        bundle,
        docs: HashMap::new(),
        report: Report::default(),
    };
    check_fields(&mut c);
    check_documents(&mut c);
    c.report.sort();
    c.report
}

fn check_fields(c: &mut Checker) {
    let t = c.templates;
    let Some(src) = t.fields_source else {
        if !t.documents.is_empty() {
            let first = t.documents[0].source;
            c.error(
                "missing-reference",
                first,
                "id".into(),
                None,
                msg::no_fields_file(FIELDS_FILE),
            );
        }
        return;
    };
    let mut seen = HashSet::new();
    for (i, f) in t.fields.iter().enumerate() {
        if !seen.insert(f.id.as_str()) {
            c.error(
                "duplicate-id",
                src,
                format!("fields[{i}].id"),
                None,
                msg::duplicate(&f.id),
            );
        }
        if let Some(s) = &f.suggest
            && t.value(s).is_none()
        {
            let hint = suggest(s, t.values.iter().map(|v| v.id.as_str()));
            c.error(
                "missing-reference",
                src,
                format!("fields[{i}].suggest"),
                None,
                msg::unknown_value(s, &hint),
            );
        }
        // A proposed value must be one the field takes.
        if let (Some(s), false) = (&f.suggest, f.choices.is_empty())
            && let Some((value, _)) = t.value(s)
        {
            for case in &value.cases {
                if !f.choices.contains(&case.text) {
                    c.error(
                        "unknown-field",
                        src,
                        format!("fields[{i}].suggest"),
                        None,
                        msg::suggestion_not_a_choice(&f.id, &case.text),
                    );
                }
            }
        }
        for (j, d) in f.email_in.iter().enumerate() {
            if !t.documents.iter().any(|doc| &doc.template.id == d) {
                let hint = suggest(d, t.documents.iter().map(|doc| doc.template.id.as_str()));
                c.error(
                    "missing-reference",
                    src,
                    format!("fields[{i}].email_in[{j}]"),
                    None,
                    msg::unknown_document(d, &hint),
                );
            }
        }
    }
    for (i, v) in t.values.iter().enumerate() {
        if !seen.insert(v.id.as_str()) {
            c.error(
                "duplicate-id",
                src,
                format!("values[{i}].id"),
                None,
                msg::duplicate(&v.id),
            );
        }
        if v.cases.is_empty() {
            c.error(
                "bad-kind",
                src,
                format!("values[{i}]"),
                None,
                msg::value_without_case(&v.id),
            );
        }
        let cases = &t.value_cases[i];
        if let Some(j) = t.values[i].cases.iter().position(|c| c.when.is_none())
            && j + 1 < cases.len()
        {
            c.error(
                "unreachable-case",
                src,
                format!("values[{i}].cases[{}]", j + 1),
                None,
                msg::unreachable_case(),
            );
        }
        for (j, case) in cases.iter().enumerate() {
            let path = format!("values[{i}].cases[{j}].when");
            match case {
                Ok(tests) => {
                    for test in tests {
                        check_test(c, src, &path, test);
                    }
                }
                Err(e) => syntax(c, src, &path, e),
            }
        }
    }
}

fn check_documents(c: &mut Checker) {
    let t = c.templates;
    let mut ids = HashSet::new();
    let mut files = HashSet::new();
    files.insert(REPORT_FILE);
    for doc in &t.documents {
        let src = doc.source;
        let d = &doc.template;
        if !ids.insert(d.id.as_str()) {
            c.error(
                "duplicate-id",
                src,
                "id".into(),
                None,
                msg::duplicate(&d.id),
            );
        }
        let bad_name = d.file.is_empty()
            || d.file.contains(['/', '\\'])
            || d.file.starts_with('.')
            || d.file.contains("..");
        if bad_name {
            c.error(
                "bad-kind",
                src,
                "file".into(),
                None,
                msg::bad_file_name(&d.file),
            );
        } else if !files.insert(d.file.as_str()) {
            c.error(
                "duplicate-id",
                src,
                "file".into(),
                None,
                msg::duplicate_file(&d.file),
            );
        }
        if d.when.is_empty() {
            c.error("bad-kind", src, "when".into(), None, msg::no_when());
        }
        for (i, w) in doc.when.iter().enumerate() {
            let path = format!("when[{i}]");
            match w {
                Ok(tests) => {
                    for test in tests {
                        check_test(c, src, &path, test);
                    }
                }
                Err(e) => syntax(c, src, &path, e),
            }
        }
        for (i, f) in d.fields.iter().enumerate() {
            if t.field(f).is_none() {
                let hint = suggest(f, t.fields.iter().map(|x| x.id.as_str()));
                c.error(
                    "unknown-field",
                    src,
                    format!("fields[{i}]"),
                    None,
                    msg::unknown_field(f, &hint),
                );
            }
        }
        let body = match &doc.body {
            Ok(body) => body,
            Err(e) => {
                syntax(c, src, "body", e);
                continue;
            }
        };
        let mut used = HashSet::new();
        for name in body.names() {
            let at = Some(name.span.clone());
            match name.reference() {
                Ref::Field(id) => {
                    if t.field(id).is_some() {
                        used.insert(id);
                        if !d.fields.iter().any(|f| f == id) {
                            c.error(
                                "undeclared-field",
                                src,
                                "body".into(),
                                at,
                                msg::undeclared_field(id),
                            );
                        }
                    } else if t.value(id).is_none() {
                        let hint = suggest(
                            id,
                            t.fields
                                .iter()
                                .map(|x| x.id.as_str())
                                .chain(t.values.iter().map(|v| v.id.as_str())),
                        );
                        c.error(
                            "unknown-field",
                            src,
                            "body".into(),
                            at,
                            msg::unknown_field(id, &hint),
                        );
                    }
                }
                Ref::Decision(v) => {
                    if !DECISION_VALUES.contains(&v) {
                        let hint = suggest(v, DECISION_VALUES.iter().copied());
                        c.error(
                            "unknown-field",
                            src,
                            "body".into(),
                            at,
                            msg::unknown_decision_value(v, &hint),
                        );
                    }
                }
                Ref::Answer(q) => {
                    if c.bundle.question(q).is_none() {
                        let hint = suggest(q, c.bundle.question_ids());
                        c.error(
                            "missing-reference",
                            src,
                            "body".into(),
                            at,
                            msg::unknown_question(q, &hint),
                        );
                    }
                }
                Ref::Article(a) => {
                    if c.bundle.article(a).is_none() {
                        let hint = suggest(a, c.bundle.articles.iter().map(|(_, a)| a.id.as_str()));
                        c.error(
                            "missing-reference",
                            src,
                            "body".into(),
                            at,
                            msg::unknown_article(a, &hint),
                        );
                    }
                }
            }
        }
        for test in body.tests() {
            if test.kind == TestKind::Field && t.field(&test.id).is_some() {
                used.insert(test.id.as_str());
                if !d.fields.iter().any(|f| f == &test.id) {
                    c.error(
                        "undeclared-field",
                        src,
                        "body".into(),
                        Some(test.span.clone()),
                        msg::undeclared_field(&test.id),
                    );
                }
            }
            check_test(c, src, "body", test);
        }
        for (i, f) in d.fields.iter().enumerate() {
            if t.field(f).is_some() && !used.contains(f.as_str()) {
                c.push(
                    Severity::Warning,
                    "unused-field",
                    src,
                    format!("fields[{i}]"),
                    None,
                    msg::unused_field(f),
                );
            }
        }
    }
}

/// One test of a condition: the id it names must exist, and it must be
/// a test a document may use (see [`condition::problem`]).
fn check_test(c: &mut Checker, src: usize, path: &str, test: &Test) {
    let templates = c.templates;
    let known = |id: &str| templates.field(id).is_some();
    let usage = condition::Use::Text { fields: true };
    if let Some((code, message)) = condition::problem(test, usage, c.bundle, Some(&known)) {
        c.error(code, src, path.into(), Some(test.span.clone()), message);
    }
}

fn syntax(c: &mut Checker, src: usize, path: &str, e: &SyntaxError) {
    let m = match &e.kind {
        SyntaxErrorKind::Unclosed => msg::syntax_unclosed(),
        SyntaxErrorKind::Empty => msg::syntax_empty(),
        SyntaxErrorKind::UnknownBlock(b) => msg::syntax_unknown_block(b),
        SyntaxErrorKind::Stray(b) => msg::syntax_stray(b),
        SyntaxErrorKind::UnclosedIf => msg::syntax_unclosed_if(),
        SyntaxErrorKind::BadTest(t) => msg::syntax_bad_test(t),
        SyntaxErrorKind::BadName(n) => msg::syntax_bad_name(n),
    };
    c.error("template-syntax", src, path.into(), Some(e.span.clone()), m);
}

/// User-facing strings of the checks.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn no_fields_file(file: &str) {
            fr: "les modèles de documents vont avec un fichier « {file} » dans leur dossier",
            en: "document templates go with a « {file} » file in their folder",
        }
        fn suggestion_not_a_choice(field: &str, text: &str) {
            fr: "le champ « {field} » propose « {text} », qui n'est pas dans sa liste « choices »",
            en: "field « {field} » proposes « {text} », which is not in its « choices »",
        }
        fn unknown_document(id: &str, hint: &str) {
            fr: "« {id} » n'est l'identifiant d'aucun modèle de document{hint}",
            en: "« {id} » is the id of no document template{hint}",
        }
        fn duplicate(id: &str) {
            fr: "identifiant « {id} » en double",
            en: "duplicate id « {id} »",
        }
        fn duplicate_file(file: &str) {
            fr: "deux documents s'écriraient dans le même fichier « {file} »",
            en: "two documents would be written to the same file « {file} »",
        }
        fn bad_file_name(file: &str) {
            fr: "« {file} » n'est pas un nom de fichier simple (sans dossier, sans « .. », sans point au début)",
            en: "« {file} » is not a plain file name (no folder, no « .. », no leading dot)",
        }
        fn no_when() {
            fr: "un document sans condition (« when ») ne serait jamais écrit",
            en: "a document without a condition (« when ») would never be written",
        }
        fn unreachable_case() {
            fr: "ce cas n'est jamais pris : un cas sans condition (« when ») le précède",
            en: "this case is never taken: a case without a condition (« when ») comes before it",
        }
        fn value_without_case(id: &str) {
            fr: "la valeur « {id} » n'a aucun cas (« cases »)",
            en: "value « {id} » has no case (« cases »)",
        }
        fn unknown_field(id: &str, hint: &str) {
            fr: "champ inconnu « {id} »{hint} (les champs sont déclarés dans champs.toml)",
            en: "unknown field « {id} »{hint} (the fields are declared in champs.toml)",
        }
        fn undeclared_field(id: &str) {
            fr: "le champ « {id} » est utilisé mais absent de la liste « fields » du modèle",
            en: "field « {id} » is used but missing from the template's « fields » list",
        }
        fn unused_field(id: &str) {
            fr: "le champ « {id} » est déclaré mais le modèle ne l'utilise pas",
            en: "field « {id} » is declared but the template does not use it",
        }
        fn unknown_value(id: &str, hint: &str) {
            fr: "valeur inconnue « {id} »{hint}",
            en: "unknown value « {id} »{hint}",
        }
        fn unknown_decision_value(id: &str, hint: &str) {
            fr: "« decision.{id} » n'existe pas{hint} (title, verdict, summary, outcome, questionnaire, version, legal_date)",
            en: "« decision.{id} » does not exist{hint} (title, verdict, summary, outcome, questionnaire, version, legal_date)",
        }
        fn unknown_question(id: &str, hint: &str) {
            fr: "question inconnue « {id} »{hint}",
            en: "unknown question « {id} »{hint}",
        }
        fn unknown_article(id: &str, hint: &str) {
            fr: "article inconnu « {id} »{hint} (les articles sont dans questionnaires/articles.toml)",
            en: "unknown article « {id} »{hint} (the articles are in questionnaires/articles.toml)",
        }
        fn syntax_unclosed() {
            fr: "« {{{{ » sans « }}}} » pour le refermer",
            en: "« {{{{ » without « }}}} » to close it",
        }
        fn syntax_empty() {
            fr: "« {{{{ }}}} » vide : écrivez le nom d'un champ",
            en: "empty « {{{{ }}}} »: write the name of a field",
        }
        fn syntax_unknown_block(block: &str) {
            fr: "« {block} » : seuls {{{{#if …}}}}, {{{{#else}}}} et {{{{/if}}}} existent",
            en: "« {block} »: only {{{{#if …}}}}, {{{{#else}}}} and {{{{/if}}}} exist",
        }
        fn syntax_stray(block: &str) {
            fr: "« {block} » sans {{{{#if …}}}} ouvert",
            en: "« {block} » without an open {{{{#if …}}}}",
        }
        fn syntax_unclosed_if() {
            fr: "{{{{#if …}}}} jamais refermé par {{{{/if}}}}",
            en: "{{{{#if …}}}} never closed by {{{{/if}}}}",
        }
        fn syntax_bad_test(test: &str) {
            fr: "condition illisible « {test} » : écrivez finding:ID, outcome:ID, verdict:VERDICT, field:CHAMP ou field:CHAMP=TEXTE, séparés par « | »",
            en: "unreadable condition « {test} »: write finding:ID, outcome:ID, verdict:VERDICT, field:FIELD or field:FIELD=TEXT, separated by « | »",
        }
        fn syntax_bad_name(name: &str) {
            fr: "« {name} » n'est pas un nom de champ (lettres, chiffres, « _ », « - », « . », « : »)",
            en: "« {name} » is not a field name (letters, digits, underscores, hyphens, dots, colons)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(choices: &[&str], max_chars: Option<usize>, email_in: &[&str]) -> FieldDef {
        FieldDef {
            id: "f".into(),
            label: "F".into(),
            help: String::new(),
            per_request: false,
            suggest: None,
            choices: choices.iter().map(|c| (*c).to_owned()).collect(),
            max_chars,
            email_in: email_in.iter().map(|d| (*d).to_owned()).collect(),
        }
    }

    #[test]
    fn a_closed_list_takes_only_its_values() {
        let f = field(&["standalone/web", "library"], None, &[]);
        assert_eq!(f.problem("library", &[]), None);
        assert_eq!(f.problem("webapp", &[]), Some(FieldProblem::NotAChoice));
        // Blank: left to complete, not wrong.
        assert_eq!(f.problem("  ", &[]), None);
    }

    #[test]
    fn a_length_counts_characters() {
        let f = field(&[], Some(5), &[]);
        assert_eq!(f.problem("école", &[]), None);
        assert_eq!(
            f.problem("écoles", &[]),
            Some(FieldProblem::TooLong { max: 5, chars: 6 })
        );
    }

    #[test]
    fn an_email_is_asked_only_where_a_document_needs_one() {
        let f = field(&[], None, &["publiccode"]);
        let postal = "Mairie, 1 place de la République, 47300 Villeneuve";
        assert_eq!(f.problem(postal, &["mention_explicite"]), None);
        assert_eq!(
            f.problem(postal, &["publiccode"]),
            Some(FieldProblem::NotAnEmail {
                document: "publiccode".into()
            })
        );
        assert_eq!(f.problem("cantine@ville.fr", &["publiccode"]), None);
    }

    #[test]
    fn e_mail_addresses() {
        for ok in ["a@b.fr", "prenom.nom@ville-x.example.fr", "x+y@d.org"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "@b.fr", "a@.fr", "a b@c.fr", "a@@b.fr", "a.@b.fr", "a@b..fr",
            "a@-b.fr",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
