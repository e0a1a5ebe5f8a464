//! The decision as JSON, for programs (★ contract, in docs/contrat.md).

use crate::core::engine::Decision;

/// The full decision as pretty JSON (★ contract). Never translated: the
/// `path` holds the same « Pourquoi ? » trace (`because`, `articles`,
/// `findings` of each answer).
pub fn json(d: &Decision) -> String {
    let s = serde_json::to_string_pretty(d).unwrap_or_default();
    // C1 and bidi controls written \u009b: the same JSON, harmless on a
    // terminal (serde_json escapes C0 itself).
    let mut s = crate::text::escape::json_safe(&s).into_owned();
    s.push('\n');
    s
}
