//! The decision as JSON, for programs (★ contract, in the README).

use crate::core::engine::Decision;

/// The full decision as pretty JSON (★ contract). Never translated: the
/// `path` holds the same « Pourquoi ? » trace (`because`, `articles`,
/// `findings` of each answer).
pub fn json(d: &Decision) -> String {
    let mut s = serde_json::to_string_pretty(d).expect("a Decision always serialises");
    s.push('\n');
    s
}
