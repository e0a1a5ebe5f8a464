//! Leaf helpers shared by every layer: interface strings in French and
//! English ([`i18n`]), numbers ([`number`]), « did you mean » ([`suggest`]),
//! serde's messages in the interface language ([`parse_error`]), line
//! wrapping ([`wrap`]), French typography ([`typography`]), the glyphs drawn around text ([`glyphs`]), the
//! escaping of control characters echoed from the input ([`escape`]) and
//! the bounds on what is read and reported ([`limits`]).
//!
//! Must not: import anything else of the crate. Everything may use it.

pub mod escape;
pub mod glyphs;
pub mod i18n;
pub mod limits;
pub mod number;
pub mod parse_error;
pub mod suggest;
pub mod typography;
pub mod wrap;
