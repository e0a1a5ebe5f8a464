//! The core: content and answers in, decision out.
//!
//! Owns the content model ([`model`]), loading it ([`catalog`]), its
//! checks ([`validate`], reported as [`diagnostic`]s placed in the text by
//! [`locate`]), the pure evaluation ([`engine`]), with what other
//! answers would change ([`change`]), the document templates
//! ([`documents`], written in the small language of [`template`]), what an
//! answers file records of the content it was given against ([`stamp`]),
//! and how fresh the legal references are ([`freshness`], on [`date`]s).
//!
//! Must not: print, read stdin or the terminal, know clap, or choose an
//! interface language. It imports nothing but itself and [`crate::text`];
//! the engine reads no global state at all. Front ends and outputs sit
//! above it.

pub mod catalog;
pub mod change;
pub mod coherence;
pub mod condition;
pub mod date;
pub mod diagnostic;
pub mod documents;
pub mod engine;
pub mod freshness;
pub mod locate;
pub mod model;
pub mod paths;
pub mod stamp;
pub mod template;
pub mod validate;

use std::path::PathBuf;

use catalog::{Bundle, LoadError};
use diagnostic::Report;

/// Every problem the checks find in `bundle`, each placed at its line and
/// column in its file, errors first.
pub fn check(bundle: &Bundle) -> Report {
    let mut report = validate::check(bundle);
    locate::fill_locations(bundle, &mut report);
    report.sort();
    report
}

/// A bundle just loaded, if it passes its checks, set with French
/// typography ([`Bundle::typeset`]); else every error found. Loading and
/// checking stay two steps below this one, so neither has to know the
/// other; the checks read the content as written, so that their places
/// are those of the file.
pub fn checked(mut bundle: Bundle) -> Result<Bundle, LoadError> {
    let report = check(&bundle);
    if report.has_errors() {
        return Err(LoadError::Invalid(Box::new(report)));
    }
    bundle.typeset();
    Ok(bundle)
}

impl Bundle {
    /// The built-in questionnaires and references. They were read and
    /// checked when the program was built (`build.rs`, which fails on any
    /// error with the diagnostics of `check`): a run only decodes them.
    pub fn builtin() -> Result<Bundle, LoadError> {
        static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.bin"));
        match Bundle::from_compiled(COMPILED) {
            Some(bundle) => Ok(bundle),
            // Unreachable: the build wrote these bytes from these types.
            None => checked(Bundle::builtin_unchecked()?),
        }
    }

    /// The built-in content without the texts only a person at a prompt
    /// reads ([`Bundle::without_prompt_texts`]), for decisions from answers
    /// files and batches: checked at build time like [`Bundle::builtin`].
    pub fn builtin_lean() -> Result<Bundle, LoadError> {
        static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-lean.bin"));
        match Bundle::from_compiled(COMPILED) {
            Some(bundle) => Ok(bundle),
            None => Ok(Bundle::builtin()?.without_prompt_texts()),
        }
    }

    /// As [`Bundle::builtin_lean`], with only the questionnaires a run
    /// needs: `start` (or the default one) and those that ask a question of
    /// `answered`. A walk that leaves them fails on a missing reference and
    /// must be done again on [`Bundle::builtin_lean`] (see
    /// [`Bundle::is_partial`]).
    pub fn builtin_lean_for<'a>(
        start: Option<&str>,
        answered: impl IntoIterator<Item = &'a str>,
    ) -> Result<Bundle, LoadError> {
        static REFERENCES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lean-references.bin"));
        static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lean-index.bin"));
        static PARTS: &[&[u8]] = include!(concat!(env!("OUT_DIR"), "/lean-parts.rs"));
        match Bundle::from_compiled_parts(REFERENCES, PARTS, INDEX, start, answered) {
            Some(bundle) => Ok(bundle),
            None => Bundle::builtin_lean(),
        }
    }

    /// Questionnaire files or folders (`--questionnaire`), checked.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Bundle, LoadError> {
        checked(Bundle::from_paths_unchecked(paths)?)
    }

    /// In-memory sources (`name`, `text`), checked.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Bundle, LoadError> {
        checked(Bundle::from_sources_unchecked(sources)?)
    }
}
