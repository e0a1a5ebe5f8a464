//! The program's errors: everything that stops a run, said in the
//! interface language, and the ★ exit codes.

use std::fmt;

use crate::core::catalog::LoadError;
use crate::core::diagnostic::{Report, SourceError};

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
    #[error("{} {}", crate::text::i18n::texts().no_questionnaire_in, .0.join(", "))]
    NoQuestionnaire(Vec<String>),
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Answers(Vec<crate::core::engine::AnswerError>),
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
    #[error("{}", crate::text::i18n::texts().interrupted)]
    Interrupted,
    /// Bad input already reported in full on the output (`check`'s
    /// summary): nothing more to say, exit 2.
    #[error("")]
    Reported,
    /// `diff` found changes and printed them: exit 1, like `diff` (the
    /// one exception to « 1 is unexpected », documented in its help).
    #[error("")]
    Differs,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Error {
    /// A file that cannot be read or written, said in the interface
    /// language for the usual causes, in the system's words otherwise.
    pub fn io(name: impl Into<String>, e: &std::io::Error) -> Error {
        Error::Io(name.into(), io_reason(e))
    }

    /// The ★ exit codes: 2 for bad usage or input, 130 for an interruption,
    /// 1 for anything unexpected — and for `diff` when something changes.
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
            Error::Differs | Error::Other(_) => 1,
        }
    }
}

/// Why a file cannot be read or written, in the interface language for
/// the usual causes, in the system's words otherwise.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let t = crate::text::i18n::texts();
    match e.kind() {
        ErrorKind::NotFound => t.io_not_found.to_owned(),
        ErrorKind::PermissionDenied => t.io_denied.to_owned(),
        ErrorKind::IsADirectory => t.io_is_dir.to_owned(),
        ErrorKind::InvalidData => t.io_not_utf8.to_owned(),
        _ => e.to_string(),
    }
}

/// In the interface language, as the program reports it.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = crate::text::i18n::texts();
        match self {
            LoadError::Io { file, error } => write!(f, "{file}: {}", io_reason(error)),
            LoadError::NotUtf8(file) => write!(f, "{file}: {}", t.io_not_utf8),
            LoadError::Parse(e) => e.fmt(f),
            LoadError::NoQuestionnaire(files) => {
                write!(f, "{} {}", t.no_questionnaire_in, files.join(", "))
            }
            LoadError::Invalid(report) => f.write_str(&report.summary()),
        }
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        match e {
            LoadError::Io { file, error } => Error::io(file, &error),
            LoadError::NotUtf8(file) => {
                Error::Io(file, crate::text::i18n::texts().io_not_utf8.into())
            }
            LoadError::Parse(e) => Error::Parse(e),
            LoadError::NoQuestionnaire(files) => Error::NoQuestionnaire(files),
            LoadError::Invalid(report) => Error::InvalidQuestionnaire(report),
        }
    }
}
