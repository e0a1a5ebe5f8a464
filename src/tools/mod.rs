//! Maintainer tools over a bundle of questionnaires: every question with
//! its allowed values ([`questions`]), every path to an outcome
//! ([`paths`]), drawings of the trees ([`graph`]) and the JSON Schemas of
//! the files ([`schema`]).
//!
//! Must not: prompt, print, or know clap: each tool returns its text or
//! data, and `front::commands` writes it.

pub mod graph;
pub mod paths;
pub mod questions;
pub mod schema;
