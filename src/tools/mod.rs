//! Maintainer tools over a bundle of questionnaires: every question with
//! its allowed values ([`questions`]), every path to an outcome
//! ([`paths`]), drawings of the trees ([`graph`]), the JSON Schemas of
//! the files ([`schema`]) and what a change of the content changes for
//! its users ([`diff`]), and the legal references against the LEGI data
//! of a code ([`legi`]).
//!
//! Must not: prompt, print, or know clap: each tool returns its text or
//! data, and `front::commands` writes it.

pub mod diff;
pub mod graph;
pub mod legi;
pub mod paths;
pub mod questions;
pub mod schema;
pub mod schema_fr;
