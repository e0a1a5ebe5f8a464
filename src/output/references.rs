//! The articles a decision cites, numbered in order of first citation, so
//! that each link is printed once, with its caveat.

use std::fmt::Write as _;

use console::style;

use crate::core::engine::ArticleLink;
use crate::output::labels::heading;
use crate::text::i18n::Texts;
use crate::text::wrap::wrap;

/// The articles a decision cites, numbered in order of first citation.
#[derive(Default)]
pub struct References<'d> {
    pub cited: Vec<&'d ArticleLink>,
}

impl<'d> References<'d> {
    /// « CRPA, art. L311-3-1 \[1\] ; CRPA, art. R311-3-1-1 \[2\] ».
    pub fn cite(&mut self, articles: &'d [ArticleLink], t: &Texts) -> String {
        articles
            .iter()
            .map(|a| format!("{} [{}]", a.label, self.number(a)))
            .collect::<Vec<_>>()
            .join(&format!("{} ", t.semicolon))
    }

    /// « art. L311-3-1 »: one article as the brief decision cites it —
    /// the code's name left out for the CRPA, a trailing gloss in
    /// brackets left out for the others, no number — and numbered for
    /// the references that follow.
    pub fn cite_brief(&mut self, a: &'d ArticleLink) -> String {
        self.number(a);
        // « CRPA, art. … », with a plain or a no-break space.
        let label = a
            .label
            .strip_prefix("CRPA,")
            .map_or(a.label.as_str(), str::trim_start);
        let label = match label.rfind(" (") {
            Some(i) if label.ends_with(')') && i > 0 => &label[..i],
            _ => label,
        };
        label.to_owned()
    }

    fn number(&mut self, a: &'d ArticleLink) -> usize {
        match self.cited.iter().position(|x| x.id == a.id) {
            Some(i) => i + 1,
            None => {
                self.cited.push(a);
                self.cited.len()
            }
        }
    }

    /// Each reference once: number, label, link on its own line (a URL is
    /// never cut), and, with `caveats`, the caveat on the link when there
    /// is one.
    pub fn write(&self, s: &mut String, t: &Texts, width: usize, caveats: bool) {
        if self.cited.is_empty() {
            return;
        }
        let _ = writeln!(s, "\n{}", heading(t.references));
        for (i, a) in self.cited.iter().enumerate() {
            let n = format!("[{}]", i + 1);
            let pad = " ".repeat(n.len() + 3);
            let _ = writeln!(s, "  {n} {}", a.label);
            let _ = writeln!(s, "{pad}{}", style(&a.url).cyan());
            if let Some(c) = a.caveat.as_ref().filter(|_| caveats) {
                let _ = writeln!(s, "{pad}{}", style(wrap(c, width - pad.len(), &pad)).dim());
            }
        }
    }
}
