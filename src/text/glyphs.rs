//! The symbols drawn around the text of prompts and decisions.
//! Which set a run uses is decided once by [`crate::front::term`].

/// The symbols drawn around the text, with an ASCII set for terminals
/// and fonts that lack them, and for screen readers (which read « black
/// square » aloud).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub bullet: &'static str,
    pub arrow: &'static str,
    pub sub: &'static str,
    pub verdict: &'static str,
    pub back: &'static str,
    pub check: &'static str,
    pub edit: &'static str,
    pub pointer: &'static str,
    pub cross: &'static str,
    pub dot: &'static str,
}

pub const UNICODE: Glyphs = Glyphs {
    bullet: "•",
    arrow: "→",
    sub: "↳",
    verdict: "■",
    back: "←",
    check: "✔",
    edit: "✎",
    pointer: "❯",
    cross: "✘",
    dot: "·",
};

pub const ASCII: Glyphs = Glyphs {
    bullet: "-",
    arrow: "->",
    sub: "  ",
    verdict: "==",
    back: "<",
    check: "v",
    edit: "*",
    pointer: ">",
    cross: "x",
    dot: "-",
};
