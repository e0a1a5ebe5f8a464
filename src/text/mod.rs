//! Leaf helpers shared by every layer: interface strings in French and
//! English ([`i18n`]), numbers ([`number`]), « did you mean » ([`suggest`]),
//! serde's messages in the interface language ([`parse_error`]), line
//! wrapping ([`wrap`]) and the glyphs drawn around text ([`glyphs`]).
//!
//! Must not: import anything else of the crate. Everything may use it.

pub mod glyphs;
pub mod i18n;
pub mod number;
pub mod parse_error;
pub mod suggest;
pub mod wrap;
