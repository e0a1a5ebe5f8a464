//! Only the recommended guide links, for `--format link`.

use crate::core::engine::{Decision, GuideLink};

/// Only the links of the recommended guides, one per line, most useful
/// first: the guides the text decision shows — the one to read first, and
/// with `detail` every guide of the decision.
pub fn links(d: &Decision, detail: bool) -> String {
    let guides: &[GuideLink] = if detail {
        &d.guides
    } else {
        d.outcome.guides.get(..1).unwrap_or_default()
    };
    guides.iter().map(|g| format!("{}\n", g.url)).collect()
}
