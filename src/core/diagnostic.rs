//! What the checks of the content report, and where: a [`Diagnostic`]
//! (severity, stable code, message, key path, place), a [`Report`] of
//! them, and a [`SourceError`] for a place in any text file (TOML or
//! JSON), rendered with the line and a caret.
//!
//! A leaf of the core: the checks emit diagnostics with key paths, and
//! whoever reports them ([`crate::core::locate`]) finds their place in the
//! text afterwards.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::text::limits::{MAX_SHOWN_ERRORS, more_errors};

/// Where an item was read from: the index of its source in the bundle's
/// list of loaded files.
pub type SourceId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Every code a diagnostic may have, as `check --allow` accepts them.
pub const CODES: &[&str] = &[
    "parse",
    "missing-reference",
    "unreachable",
    "cycle",
    "tally-order",
    "duplicate-id",
    "duplicate-value",
    "bad-kind",
    "range-gap",
    "range-overlap",
    "unknown-guide",
    "obligation-without-article",
    "obligation-without-legifrance",
    "outcome-without-guide",
    "bad-url",
    "missing-help",
    "help-too-long",
    "missing-short",
    "short-too-long",
    "unused-term",
    "unused-finding",
    "bad-legiarti",
    "legiarti-mismatch",
    "undated-reference",
    "stale-reference",
    "future-check",
    "legi-past-version",
    "legi-repealed",
    "legi-unknown",
    "unknown-field",
    "undeclared-field",
    "unused-field",
    "template-syntax",
];

/// One problem found in a file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case name of the check, e.g. `missing-reference`.
    pub code: &'static str,
    pub message: String,
    /// File the problem is in.
    pub file: String,
    /// Where in the file, as a path of keys: `questions[3].choices[1].next`.
    pub path: String,
    /// 1-based line and column of `path` in `file`; 0 when unknown.
    pub line: usize,
    pub column: usize,
    /// Where the value at `path` ends (line, column just after it); 0
    /// when unknown. Lets editors underline the whole value.
    pub end_line: usize,
    pub end_column: usize,
    /// The line of text at `line`, for the caret.
    #[serde(skip)]
    pub snippet: Option<Snippet>,
    #[serde(skip)]
    pub source: SourceId,
}

/// The line an error points at, as shown above the caret: cut to about
/// 80 characters around the place, its control characters escaped (see
/// [`crate::text::escape::excerpt`]), with the caret's column in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// 1-based, in characters of `text`.
    pub caret: usize,
}

impl Snippet {
    /// The line of `text` at byte `offset`.
    pub fn at(text: &str, offset: usize) -> Snippet {
        let (text, caret) = crate::text::escape::excerpt(text, offset);
        Snippet { text, caret }
    }
}

impl Diagnostic {
    /// A diagnostic at key `path` of source `source` (file `file`), not
    /// placed yet: [`crate::core::locate`] finds its line and column.
    pub fn at_key(
        severity: Severity,
        code: &'static str,
        message: String,
        file: String,
        path: String,
        source: SourceId,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message,
            file,
            path,
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
            snippet: None,
            source,
        }
    }

    /// Sets where the diagnostic points (see [`crate::core::locate`]).
    pub fn set_place(&mut self, place: Place) {
        self.line = place.line;
        self.column = place.column;
        self.end_line = place.end_line;
        self.end_column = place.end_column;
        self.snippet = Some(place.snippet);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Errors first, then by file, line and column.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.column).cmp(&(b.severity, &b.file, b.line, b.column))
        });
    }

    /// One paragraph per error, for when loading fails: the first
    /// [`MAX_SHOWN_ERRORS`], then how many more.
    pub fn summary(&self) -> String {
        let count = self.errors().count();
        let mut errors: Vec<String> = self
            .errors()
            .take(MAX_SHOWN_ERRORS)
            .map(ToString::to_string)
            .collect();
        errors.extend(more_errors(count));
        // The command that shows every problem, warnings included, of the
        // very files that failed (built-in ones need no argument).
        let mut files: Vec<&str> = self
            .errors()
            .map(|d| d.file.as_str())
            .filter(|f| !f.starts_with("questionnaires/") && !f.starts_with("guides/"))
            .collect();
        files.dedup();
        let command = std::iter::once("aiguillage check")
            .chain(files)
            .collect::<Vec<_>>()
            .join(" ");
        msg::summary(
            count,
            if count > 1 { "s" } else { "" },
            &command,
            &errors.join("\n\n"),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => msg::level_error(),
            Severity::Warning => msg::level_warning(),
        };
        let head = format!("{level}[{}]: {}", self.code, self.message);
        if self.line == 0 {
            return write!(f, "{head}\n  --> {} ({})", self.file, self.path);
        }
        // Same rendering as syntax errors: file:line:column, the line and
        // a caret under the place…
        let source = SourceError {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            message: head,
            snippet: self.snippet.clone(),
        };
        source.fmt(f)?;
        // …stretched under the whole value, as far as the line is shown.
        if let Some(snippet) = &source.snippet
            && self.end_line == self.line
            && self.end_column > self.column
        {
            let room = snippet.text.chars().count().saturating_sub(snippet.caret);
            let room = room - usize::from(snippet.text.ends_with('…'));
            let carets = (self.end_column - self.column - 1).min(room);
            f.write_str(&"^".repeat(carets))?;
        }
        Ok(())
    }
}

/// A place in a text: start and end as 1-based line and column, and the
/// line of the start (for the caret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub snippet: Snippet,
}

impl Place {
    pub fn from_span(text: &str, span: Range<usize>) -> Place {
        places(text, &[span]).remove(0)
    }
}

/// The places of many spans of one text, in one pass over it: thousands
/// of diagnostics in a file of megabytes cost one reading, not one each.
pub fn places(text: &str, spans: &[Range<usize>]) -> Vec<Place> {
    let offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let at = line_cols(text, &offsets);
    spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let ((line, column), (end_line, end_column)) = (at[2 * i], at[2 * i + 1]);
            Place {
                line,
                column,
                end_line,
                end_column,
                snippet: Snippet::at(text, span.start),
            }
        })
        .collect()
}

/// The 1-based line and column (in characters) of each byte offset, in
/// one pass over `text` whatever their number and order.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for i in order {
        let target = floor_char_boundary(text, offsets[i].min(text.len()));
        let chunk = &text[pos..target];
        match chunk.rfind('\n') {
            Some(nl) => {
                line += chunk.matches('\n').count();
                column = chunk[nl + 1..].chars().count() + 1;
            }
            None => column += chunk.chars().count(),
        }
        pos = target;
        out[i] = (line, column);
    }
    out
}

/// A problem at a place in a text file: rendered with the file, line and
/// column, the line itself and a caret under the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub file: String,
    /// 1-based; 0 when the place is unknown.
    pub line: usize,
    /// 1-based, in characters; 0 when the place is unknown.
    pub column: usize,
    pub message: String,
    /// The line the error points at.
    pub snippet: Option<Snippet>,
}

impl SourceError {
    /// `offset` is a byte offset into `text`, when the parser gave one.
    pub fn new(file: &str, text: &str, offset: Option<usize>, message: String) -> Self {
        let (line, column, snippet) = match offset {
            Some(o) => {
                let (l, c) = line_col(text, o);
                (l, c, Some(Snippet::at(text, o)))
            }
            None => (0, 0, None),
        };
        SourceError {
            file: file.to_owned(),
            line,
            column,
            message: message.trim().to_owned(),
            snippet,
        }
    }

    /// From 1-based line and column, as serde_json reports them.
    pub fn at(file: &str, text: &str, line: usize, column: usize, message: String) -> Self {
        // serde_json reports column 0 when the error is the line break
        // itself (`tru⏎`): point at the end of the line before instead.
        let (line, column) = match (line, column) {
            (l, 0) if l > 1 => {
                let prev = text.lines().nth(l - 2).unwrap_or_default();
                (l - 1, prev.chars().count() + 1)
            }
            // An empty file: its first place.
            (1, 0) => (1, 1),
            other => other,
        };
        let snippet = offset_of(text, line, column).map(|o| Snippet::at(text, o));
        SourceError {
            file: file.to_owned(),
            line,
            column,
            message,
            snippet,
        }
    }
}

/// The byte offset of a 1-based line and column, when the text has them.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    if start >= text.len() {
        // An empty file, or the line after the last one: no line to show.
        return None;
    }
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let in_line = rest[..end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(end, |(i, _)| i);
    Some(start + in_line)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    line_cols(text, &[offset])[0]
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        if self.line == 0 {
            return write!(f, "  --> {}", self.file);
        }
        write!(f, "  --> {}:{}:{}", self.file, self.line, self.column)?;
        if let Some(snippet) = &self.snippet {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret_pad: String = snippet
                .text
                .chars()
                .take(snippet.caret.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{gutter} | {}\n{pad} | {caret_pad}^",
                snippet.text
            )?;
        }
        Ok(())
    }
}

/// The messages of diagnostics themselves, in both languages.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn level_error() { fr: "erreur", en: "error" }
        fn level_warning() { fr: "avertissement", en: "warning" }
        /// When loading fails: every error, one paragraph each.
        fn summary(count: usize, plural: &str, command: &str, errors: &str) {
            fr: "questionnaire invalide ({count} erreur{plural}, détail : {command}) :\n\n{errors}",
            en: "invalid questionnaire ({count} error{plural}, details: {command}):\n\n{errors}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\né=x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'é' is two bytes; the '=' after it is the second character.
        assert_eq!(line_col(text, 5), (2, 2));
    }

    #[test]
    fn renders_caret_under_the_column() {
        let e = SourceError::at(
            "a.json",
            "{\n  \"x\": tru\n}",
            2,
            8,
            "expected value".into(),
        );
        let s = e.to_string();
        assert!(s.contains("--> a.json:2:8"), "{s}");
        assert!(s.contains("2 |   \"x\": tru"), "{s}");
        assert!(s.ends_with("|        ^"), "{s}");
    }
}
