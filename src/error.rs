//! Errors the user can act on, and how they point at the input.

use std::fmt;

use crate::validate::Report;

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
    /// The line of text the error points at.
    pub snippet: Option<String>,
}

impl SourceError {
    /// `offset` is a byte offset into `text`, when the parser gave one.
    pub fn new(file: &str, text: &str, offset: Option<usize>, message: String) -> Self {
        let (line, column, snippet) = match offset {
            Some(o) => {
                let (l, c) = line_col(text, o);
                (l, c, text.lines().nth(l - 1).map(str::to_owned))
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
        SourceError {
            file: file.to_owned(),
            line,
            column,
            message,
            snippet: (line > 0)
                .then(|| text.lines().nth(line - 1).map(str::to_owned))
                .flatten(),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
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
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n{pad} |\n{gutter} | {snippet}\n{pad} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// Everything that stops a run. Each variant maps to an exit code in
/// [`Error::exit_code`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}: {1}")]
    Io(String, String),
    #[error("{0}")]
    Parse(Box<SourceError>),
    #[error("{}", .0.summary())]
    InvalidQuestionnaire(Box<Report>),
    #[error("{} {}", crate::i18n::texts().no_questionnaire_in, .0.join(", "))]
    NoQuestionnaire(Vec<String>),
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Answers(Vec<crate::engine::AnswerError>),
    /// The same, each pointing at its place in the answers file.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    AnswersAt(Vec<SourceError>),
    #[error("{0}")]
    Usage(String),
    /// A missing answer, without a terminal to ask it.
    #[error("{0}")]
    Missing(String),
    /// Ctrl-C at a prompt, or the end of input (Ctrl-D) at a terminal.
    /// (Esc at a menu goes back; it never ends the session.)
    #[error("{}", crate::i18n::texts().interrupted)]
    Interrupted,
    /// Bad input already reported in full on the output (`check`'s
    /// summary): nothing more to say, exit 2.
    #[error("")]
    Reported,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Error {
    /// A file that cannot be read or written, said in the interface
    /// language for the usual causes, in the system's words otherwise.
    pub fn io(name: impl Into<String>, e: &std::io::Error) -> Error {
        use std::io::ErrorKind;
        let t = crate::i18n::texts();
        let why = match e.kind() {
            ErrorKind::NotFound => t.io_not_found.to_owned(),
            ErrorKind::PermissionDenied => t.io_denied.to_owned(),
            ErrorKind::IsADirectory => t.io_is_dir.to_owned(),
            ErrorKind::InvalidData => t.io_not_utf8.to_owned(),
            _ => e.to_string(),
        };
        Error::Io(name.into(), why)
    }

    /// The ★ exit codes: 2 for bad usage or input, 130 for an interruption,
    /// 1 for anything unexpected.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Parse(_)
            | Error::InvalidQuestionnaire(_)
            | Error::NoQuestionnaire(_)
            | Error::Answers(_)
            | Error::AnswersAt(_)
            | Error::Reported
            | Error::Usage(_)
            | Error::Missing(_)
            | Error::Io(..) => 2,
            // 128 + SIGINT, as a shell reports a process that Ctrl-C ended.
            Error::Interrupted => 130,
            Error::Other(_) => 1,
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
