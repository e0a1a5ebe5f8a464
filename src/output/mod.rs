//! Outputs: a [`Decision`](crate::core::engine::Decision) written for
//! people or programs — [`text`] for the terminal, [`markdown`] to share,
//! [`json`] for scripts, [`link`] for the recommended guides, [`html`] for
//! a page to print or archive, [`documents`] for the drafts a decision
//! calls for, [`change`] for what other answers would change, [`stamp`]
//! for what changed for an answers file since it was saved — and
//! [`answer`], how answers, their labels and answer errors are said in the
//! interface language. [`escaped`] is a decision fit for a terminal.
//!
//! Must not: decide anything (the core did), prompt or read input. A new
//! format is a new file here, plus its name in `front::cli::Format`.

pub mod answer;
pub mod change;
pub mod documents;
pub mod escaped;
pub mod html;
pub mod json;
pub mod labels;
pub mod link;
pub mod markdown;
pub mod record;
pub mod references;
pub mod stamp;
pub mod text;
