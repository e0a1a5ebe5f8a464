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
        brief_label(&a.label).to_owned()
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

/// An article as the brief decision cites it: « art. L311-3-1 » for
/// « CRPA, art. L311-3-1 », « art. D312-1-4 » for « CRPA, art. D312-1-4
/// (décret n° 2016-1922) ». Only a gloss that closes the label and opens
/// with its own bracket goes: « Règlement (UE) 2016/679 (RGPD), art. 15,
/// paragraphe 1, h) » keeps its article whole.
pub fn brief_label(label: &str) -> &str {
    // « CRPA, art. … », with a plain or a no-break space.
    let label = label.strip_prefix("CRPA,").map_or(label, str::trim_start);
    match gloss_start(label) {
        Some(i) if i > 0 => label[..i].trim_end(),
        _ => label,
    }
}

/// Where the bracket that the final `)` of `label` closes opens, when it
/// opens a gloss (after a space).
fn gloss_start(label: &str) -> Option<usize> {
    if !label.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in label.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return label[..i].ends_with(' ').then_some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::brief_label;

    #[test]
    fn brief_labels_keep_the_article() {
        assert_eq!(brief_label("CRPA, art. L311-3-1"), "art. L311-3-1");
        assert_eq!(
            brief_label("CRPA,\u{a0}art.\u{a0}L311-3-1"),
            "art.\u{a0}L311-3-1"
        );
        assert_eq!(
            brief_label("CRPA, art. D312-1-4 (décret n° 2016-1922)"),
            "art. D312-1-4"
        );
        assert_eq!(
            brief_label("Règlement (UE) 2016/679 (RGPD), art. 15, paragraphe 1, h)"),
            "Règlement (UE) 2016/679 (RGPD), art. 15, paragraphe 1, h)"
        );
        assert_eq!(
            brief_label("Loi n° 78-17, art. 47"),
            "Loi n° 78-17, art. 47"
        );
    }
}
