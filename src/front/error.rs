//! The program's errors: everything that stops a run, said in the
//! interface language, and the ★ exit codes.

use std::fmt;

use crate::core::catalog::LoadError;
use crate::core::diagnostic::{Report, SourceError};

/// Everything that stops a run. Each variant maps to an exit code in
/// [`Error::exit_code`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file that cannot be read (or, for a save, written): the user's
    /// input or the place they named. Exit 2.
    #[error("{0}: {1}")]
    Io(String, String),
    /// Answers that could not be saved where asked; the message says where
    /// they went instead. Exit 1, once the decision is printed.
    #[error("{0}")]
    NotSaved(String),
    /// A stream the program writes to (stdout, stderr, the terminal) that
    /// cannot be written or used, or a file that cannot be written for
    /// the machine's sake (a full or failing disk): not bad input. Exit 1.
    #[error("{0}{colon} {1}", colon = crate::text::i18n::texts().colon)]
    Write(String, String),
    #[error("{0}")]
    Parse(Box<SourceError>),
    #[error("{}", .0.summary())]
    InvalidQuestionnaire(Box<Report>),
    #[error("{} {}", crate::text::i18n::texts().no_questionnaire_in, .0.join(", "))]
    NoQuestionnaire(Vec<String>),
    /// The first [`MAX_SHOWN_ERRORS`](crate::text::limits::MAX_SHOWN_ERRORS)
    /// are shown, the others counted.
    #[error("{}", bounded(.0))]
    Answers(Vec<crate::core::engine::AnswerError>),
    /// The same, each pointing at its place in the answers file.
    #[error("{}", bounded(.0))]
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

/// One line per error, for the first
/// [`MAX_SHOWN_ERRORS`](crate::text::limits::MAX_SHOWN_ERRORS); then how
/// many more.
fn bounded<T: fmt::Display>(errors: &[T]) -> String {
    use crate::text::limits::{MAX_SHOWN_ERRORS, more_errors};
    let mut lines: Vec<String> = errors
        .iter()
        .take(MAX_SHOWN_ERRORS)
        .map(ToString::to_string)
        .collect();
    lines.extend(more_errors(errors.len()));
    lines.join("\n")
}

impl Error {
    /// A file that cannot be read or written, said in the interface
    /// language for the usual causes, in the system's words otherwise.
    pub fn io(name: impl Into<String>, e: &std::io::Error) -> Error {
        Error::Io(name.into(), io_reason(e))
    }

    /// A stream that cannot be written: stdout, stderr, the terminal.
    pub fn write(name: impl Into<String>, e: &std::io::Error) -> Error {
        Error::Write(name.into(), io_reason(e))
    }

    /// The ★ exit codes: 2 for bad usage or input, 130 for an interruption,
    /// 1 for anything unexpected (a stream that cannot be written among
    /// them) — and for `diff` when something changes.
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
            Error::Differs | Error::Other(_) | Error::Write(..) | Error::NotSaved(_) => 1,
        }
    }
}

/// Why a file cannot be read or written, in the interface language: the
/// usual causes by name, any other by its system error number — never the
/// system's own English words.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let t = crate::text::i18n::texts();
    if let Some(passed) = crate::text::limits::limit_passed(e) {
        let units = match t.lang {
            crate::text::i18n::Lang::Fr => ["Kio", "Mio"],
            crate::text::i18n::Lang::En => ["KiB", "MiB"],
        };
        let limit = crate::text::limits::size(passed.limit, units);
        return if passed.line {
            msg::line_too_long(&limit)
        } else {
            msg::too_big(&limit)
        };
    }
    #[cfg(unix)]
    match e.raw_os_error() {
        Some(libc::ELOOP) => return msg::symlink_loop(),
        Some(libc::EDQUOT) => return msg::quota(),
        Some(libc::EIO) => return msg::device_error(),
        _ => {}
    }
    match e.kind() {
        ErrorKind::NotFound => t.io_not_found.to_owned(),
        ErrorKind::PermissionDenied => t.io_denied.to_owned(),
        ErrorKind::IsADirectory => t.io_is_dir.to_owned(),
        ErrorKind::InvalidData => t.io_not_utf8.to_owned(),
        ErrorKind::NotADirectory => msg::not_a_directory(),
        ErrorKind::StorageFull => msg::disk_full(),
        ErrorKind::ReadOnlyFilesystem => msg::read_only(),
        ErrorKind::FileTooLarge => msg::file_too_large(),
        ErrorKind::InvalidFilename => msg::bad_file_name(),
        ErrorKind::BrokenPipe => msg::broken_pipe(),
        ErrorKind::AlreadyExists => msg::already_exists(),
        ErrorKind::Interrupted => t.interrupted.to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => msg::system_error(code),
            None => msg::io_error(),
        },
    }
}

/// The reasons of [`io_reason`] that the interface strings do not hold.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// `limit`: « 16 Mio ».
        fn too_big(limit: &str) {
            fr: "trop volumineux : plus de {limit}, la taille maximale d'un fichier de réponses ou d'un questionnaire",
            en: "too big: more than {limit}, the largest an answers file or a questionnaire may be",
        }
        fn line_too_long(limit: &str) {
            fr: "ligne trop longue : plus de {limit}, la taille maximale d'une réponse tapée",
            en: "line too long: more than {limit}, the longest a typed answer may be",
        }
        fn symlink_loop() {
            fr: "trop de liens symboliques imbriqués (une boucle de liens ?)",
            en: "too many nested symbolic links (a loop of links?)",
        }
        fn quota() { fr: "quota de disque dépassé", en: "disk quota exceeded" }
        fn device_error() {
            fr: "erreur d'entrée-sortie du périphérique (terminal fermé ou disque en panne ?)",
            en: "device input/output error (terminal closed or failing disk?)",
        }
        fn not_a_directory() {
            fr: "un élément du chemin n'est pas un dossier",
            en: "a part of the path is not a folder",
        }
        fn disk_full() { fr: "plus de place sur le disque", en: "no space left on the disk" }
        fn read_only() {
            fr: "système de fichiers en lecture seule",
            en: "read-only file system",
        }
        fn file_too_large() {
            fr: "fichier trop volumineux pour le système",
            en: "file too large for the system",
        }
        fn bad_file_name() {
            fr: "nom de fichier invalide ou trop long",
            en: "invalid or too long file name",
        }
        fn broken_pipe() { fr: "la sortie a été fermée", en: "the output was closed" }
        fn already_exists() { fr: "le fichier existe déjà", en: "the file already exists" }
        fn system_error(code: i32) {
            fr: "erreur du système (code {code})",
            en: "system error (code {code})",
        }
        fn io_error() { fr: "erreur d'entrée-sortie", en: "input/output error" }
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
