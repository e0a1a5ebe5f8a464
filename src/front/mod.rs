//! Front ends: everything that talks to the user or the system around the
//! pure core — the command line ([`cli`], [`help_en`]) and its wiring
//! ([`app`] for the main command, [`commands`] for the others), answers
//! files ([`answers`]), the interactive session ([`session`]) and its
//! prompts ([`prompt`]), the terminal ([`term`]), interruptions
//! ([`interrupt`]), reading and writing ([`io`]), and the program's errors
//! and exit codes ([`error`]); the web front ([`web`], `aiguillage
//! serve`) on the same engine and outputs.
//!
//! Must not: hold legal logic (the core decides) or format a decision (the
//! outputs do). A new command is a variant in `cli::Command` and its arm
//! in `commands::run`.

pub mod answers;
pub mod app;
pub mod batch;
pub mod cli;
pub mod commands;
pub mod documents;
pub mod error;
pub mod help_en;
pub mod interrupt;
pub mod io;
pub mod prompt;
pub mod question_help;
pub mod save;
pub mod session;
pub mod term;
pub mod web;
