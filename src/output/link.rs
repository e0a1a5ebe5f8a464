//! Only the recommended guide links, for `--format link`.

use crate::core::engine::{Decision, GuideLink};

/// Only the links of the recommended guides, one per line: the outcome's
/// guides, most useful first.
pub fn links(d: &Decision) -> String {
    d.outcome
        .guides
        .iter()
        .map(|g: &GuideLink| format!("{}\n", g.url))
        .collect()
}
