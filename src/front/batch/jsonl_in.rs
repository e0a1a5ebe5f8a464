//! JSONL in: one answers object per line, with an optional `id`.

use std::collections::BTreeMap;
use std::io::{BufRead, Read};

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::core::model::Answer;
use crate::output::record::{CaseId, Failure};
use crate::text::i18n;

use super::msg;
use super::read::{Case, MAX_LINE, failure};

/// One line of JSONL: an answers file, plus the case's id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    /// Taken as written (`1.50` stays `1.50`), checked after.
    #[serde(default, borrow)]
    id: Option<&'a RawValue>,
    #[serde(rename = "$schema", default)]
    _schema: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    questionnaire: Option<String>,
    #[serde(default)]
    answers: BTreeMap<String, Answer>,
    /// Free text for the documents: accepted, as in an answers file, and
    /// not used by a batch.
    #[serde(default, rename = "fields")]
    _fields: Option<serde::de::IgnoredAny>,
    /// What a saved answers file records of its content: accepted, so
    /// that saved files can be joined into a batch, and not checked.
    #[serde(rename = "given_against", default)]
    _given_against: Option<serde::de::IgnoredAny>,
}

/// Lines of JSONL, as cases.
pub struct Lines<R> {
    r: R,
    buf: Vec<u8>,
    line: u64,
    /// No case read yet: a first line that is not a whole object says the
    /// file is one JSON value on several lines.
    first: bool,
}

/// What the next line gave.
pub enum Next {
    Case(Result<Case, Failure>),
    /// The input is one pretty-printed JSON value, not JSONL.
    NotJsonl,
    End,
}

impl<R: BufRead> Lines<R> {
    pub fn new(r: R) -> Self {
        Lines {
            r,
            buf: Vec::with_capacity(1024),
            line: 0,
            first: true,
        }
    }

    pub fn next_case(&mut self) -> std::io::Result<Next> {
        loop {
            self.buf.clear();
            self.line += 1;
            let n = self
                .r
                .by_ref()
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut self.buf)?;
            if n == 0 {
                return Ok(Next::End);
            }
            if self.buf.len() > MAX_LINE && !self.buf.ends_with(b"\n") {
                skip_line(&mut self.r)?;
                self.first = false;
                let f = failure(self.line, None, msg::line_too_long(MAX_LINE >> 20));
                return Ok(Next::Case(Err(f)));
            }
            let text = match std::str::from_utf8(&self.buf) {
                Ok(t) => t.trim_end_matches(['\n', '\r']),
                Err(_) => {
                    let f = failure(self.line, None, i18n::texts().io_not_utf8.into());
                    return Ok(Next::Case(Err(f)));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            let case = parse_line(text, self.line);
            if std::mem::take(&mut self.first)
                && case.as_ref().is_err_and(|f| f.error.column == Some(0))
            {
                return Ok(Next::NotJsonl);
            }
            return Ok(Next::Case(case.map_err(|mut f| {
                f.error.column = f.error.column.map(|c| c.max(1));
                f
            })));
        }
    }
}

/// Skips the rest of a line that was too long.
fn skip_line(r: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let (n, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        r.consume(n);
        if done {
            return Ok(());
        }
    }
}

/// A line as a case. A line that ends inside its object gives a failure
/// with column 0: the caller tells a pretty-printed file by it.
fn parse_line(text: &str, line: u64) -> Result<Case, Failure> {
    match serde_json::from_str::<Line<'_>>(text) {
        Ok(l) => {
            let id = match l.id.map(case_id).transpose() {
                Ok(id) => id,
                Err(m) => return Err(failure(line, None, m)),
            };
            Ok(Case {
                line,
                id,
                questionnaire: l.questionnaire,
                answers: l.answers,
                sheet: None,
            })
        }
        Err(e) => {
            let why = crate::front::answers::explain_json_error(&e);
            let mut f = failure(line, None, msg::unreadable_line(&why));
            f.error.column = Some(if e.is_eof() { 0 } else { e.column().max(1) });
            Err(f)
        }
    }
}

/// An `id` as written: text, or a number kept to the digit; anything
/// else is said in words, not in serde's.
fn case_id(raw: &RawValue) -> Result<CaseId, String> {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'"') => serde_json::from_str::<String>(text)
            .map(CaseId::Text)
            .map_err(|_| msg::bad_id()),
        Some(b'-' | b'0'..=b'9') => Ok(CaseId::Number(text.to_owned())),
        _ => Err(msg::bad_id()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_ids_are_kept_as_written() {
        for raw in ["1.50", "-0", "12", "1e3", "18446744073709551616"] {
            let c = parse_line(&format!("{{\"id\": {raw}}}"), 1).unwrap();
            assert_eq!(c.id, Some(CaseId::Number(raw.into())));
        }
    }

    #[test]
    fn an_id_of_another_type_is_said_in_words() {
        for raw in ["true", "{}", "[1]"] {
            let f = parse_line(&format!("{{\"id\": {raw}}}"), 3).unwrap_err();
            let message = crate::text::typography::plain_spaces(&f.error.message);
            assert!(message.contains("« id »"), "{message}");
            assert!(!f.error.message.contains("untagged"), "{}", f.error.message);
        }
    }
}
