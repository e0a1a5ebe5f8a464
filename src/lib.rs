//! `aiguillage`: a decision assistant for French public bodies.
//!
//! Data flows one way, and so do the imports between the folders:
//!
//! ```text
//! files → core::catalog → core::validate → core::engine ⇄ front (session, prompts | answers file)
//!                                               ↓
//!                                           Decision → output (text, JSON, Markdown, links)
//! ```
//!
//! - [`text`]: leaf helpers (interface strings, numbers, suggestions, wrapping).
//! - [`core`]: content and answers in, decision out; pure.
//! - [`output`]: a decision (or an answer error) written for people or programs.
//! - [`tools`]: maintainer commands over a bundle (questions, paths, graph, schema).
//! - [`front`]: the command line, answers files, the interactive session, the terminal.
//!
//! Arrows go down only: `front → tools → output → core → text`. The test
//! `tests/layers.rs` reads the sources and fails on an arrow going up or a
//! circle between files.

pub mod core;
pub mod front;
pub mod output;
pub mod text;
pub mod tools;

pub use core::catalog::Bundle;
pub use core::engine::{Decision, Evaluation, evaluate};
pub use front::app::run;
pub use front::error::Error;

#[cfg(test)]
mod tests {
    /// Every message of the maintainer commands, in both languages.
    #[test]
    fn every_message_pair_is_written_in_both_languages() {
        for table in [
            crate::core::validate::msg::ALL,
            crate::core::diagnostic::msg::ALL,
            crate::text::suggest::msg::ALL,
            crate::text::parse_error::msg::ALL,
            crate::text::limits::msg::ALL,
            crate::front::batch::msg::ALL,
            crate::front::commands::msg::ALL,
            crate::front::error::msg::ALL,
            crate::front::prompt::msg::ALL,
            crate::front::io::msg::ALL,
            crate::front::interrupt::msg::ALL,
            crate::tools::questions::msg::ALL,
            crate::tools::paths::msg::ALL,
            crate::tools::graph::msg::ALL,
            crate::core::documents::msg::ALL,
            crate::core::condition::msg::ALL,
            crate::core::coherence::msg::ALL,
            crate::front::documents::msg::ALL,
            crate::front::web::msg::ALL,
            crate::front::web::query::msg::ALL,
            crate::front::save::msg::ALL,
            crate::front::app::msg::ALL,
            crate::text::number::msg::ALL,
            crate::output::stamp::msg::ALL,
        ] {
            assert!(!table.is_empty());
            crate::text::i18n::check_pairs(table);
        }
        for (v, fr, en) in crate::tools::graph::msg::VERDICTS {
            assert!(!fr.is_empty() && !en.is_empty(), "{v:?}");
        }
        for v in crate::core::model::Verdict::ALL {
            assert!(
                crate::tools::graph::msg::VERDICTS
                    .iter()
                    .any(|(x, _, _)| *x == v)
            );
        }
    }
}
