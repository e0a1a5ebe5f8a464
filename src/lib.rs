//! `aiguillage`: a decision assistant for French public bodies.
//!
//! Data flows one way: files → [`model`] → [`validate`] → [`engine`] ⇄
//! ([`session`] + [`prompt`] | [`answers`]) → [`engine::Decision`] →
//! [`render`]. The engine is pure; the front ends sit around it.

pub mod answers;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod engine;
pub mod error;
pub mod graph;
pub mod help_en;
pub mod i18n;
pub mod interrupt;
pub mod locate;
pub mod model;
pub mod paths;
pub mod prompt;
pub mod questions;
pub mod render;
pub mod schema;
pub mod session;
pub mod term;
pub mod validate;

pub use app::run;
pub use catalog::Bundle;
pub use engine::{Decision, Evaluation, evaluate};
pub use error::Error;
