//! The one escaping layer of the project's HTML: the report
//! (`--format html`, `rapport.html`) and every page of `aiguillage serve`
//! are written through it.
//!
//! - [`escape`] and [`rich`] turn a text into HTML;
//! - [`Html`] builds a page: text goes in escaped ([`Html::text`]),
//!   attribute values escaped ([`Html::open`]); the only markup taken as
//!   it is must be a `&'static str` ([`Html::raw`]), a literal of the
//!   program, so that nothing that came from a request or a file can reach
//!   a page unescaped.
//!
//! Five characters are escaped, written out here rather than pulled from a
//! template crate: the pages are built by a few functions, and a template
//! engine would add a macro dependency for that.

use std::fmt::Write as _;

/// Text made safe for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped.
fn push_escaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Text with its `https://` addresses made links, and a Markdown badge
/// (`[![…](…)](…)`) shown as code to copy; everything else escaped.
pub fn rich(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    loop {
        let badge = rest.find("[![");
        let url = rest.find("https://");
        let next = match (badge, url) {
            (Some(b), Some(u)) => b.min(u),
            (Some(b), None) => b,
            (None, Some(u)) => u,
            (None, None) => break,
        };
        out.push_str(&escape(&rest[..next]));
        rest = &rest[next..];
        if rest.starts_with("[![")
            && let Some(mid) = rest.find(")](")
            && let Some(end) = rest[mid + 3..].find(')')
        {
            let end = mid + 3 + end + 1;
            let _ = write!(out, "<code>{}</code>", escape(&rest[..end]));
            rest = &rest[end..];
            continue;
        }
        if rest.starts_with("https://") {
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '»' | '<' | '>' | '"'))
                .unwrap_or(rest.len());
            // Punctuation that ends the sentence is not part of the address.
            let url = rest[..len].trim_end_matches(['.', ',', ';', ':', ')']);
            let _ = write!(out, "<a href=\"{0}\">{0}</a>", escape(url));
            rest = &rest[url.len()..];
            continue;
        }
        // « [![ » that is not a badge.
        out.push_str(&escape(&rest[..3]));
        rest = &rest[3..];
    }
    out.push_str(&escape(rest));
    out
}

/// An HTML document or fragment being written. Every text and attribute
/// value that goes in is escaped; markup taken as it is must be a literal
/// of the program.
#[derive(Debug, Default, Clone)]
pub struct Html {
    s: String,
}

impl Html {
    pub fn new() -> Html {
        Html {
            s: String::with_capacity(8 * 1024),
        }
    }

    /// Markup written by the program itself.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.s.push_str(markup);
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        push_escaped(&mut self.s, text);
        self
    }

    /// Text with its addresses made links (see [`rich`]).
    pub fn rich(&mut self, text: &str) -> &mut Html {
        self.s.push_str(&rich(text));
        self
    }

    /// A number.
    pub fn number(&mut self, n: usize) -> &mut Html {
        let _ = write!(self.s, "{n}");
        self
    }

    /// `<tag name="value"…>`, each value escaped; an attribute whose value
    /// is `None` is left out, and one whose value is empty is written
    /// alone (`checked`, `required`).
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, Option<&str>)]) -> &mut Html {
        self.s.push('<');
        self.s.push_str(tag);
        for (name, value) in attrs {
            match value {
                None => {}
                Some("") => {
                    self.s.push(' ');
                    self.s.push_str(name);
                }
                Some(v) => {
                    self.s.push(' ');
                    self.s.push_str(name);
                    self.s.push_str("=\"");
                    push_escaped(&mut self.s, v);
                    self.s.push('"');
                }
            }
        }
        self.s.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.s.push_str("</");
        self.s.push_str(tag);
        self.s.push('>');
        self
    }

    /// `<tag attrs…>text</tag>`, the text escaped.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, Option<&str>)],
        text: &str,
    ) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<a href="…">text</a>`.
    pub fn link(&mut self, href: &str, text: &str) -> &mut Html {
        self.element("a", &[("href", Some(href))], text)
    }

    /// Another fragment, already built through this layer.
    pub fn fragment(&mut self, other: &Html) -> &mut Html {
        self.s.push_str(&other.s);
        self
    }

    /// A fragment that an output of this module wrote (the report's
    /// sections), every text in it escaped by [`escape`] or [`rich`].
    pub fn escaped(&mut self, html: &Escaped) -> &mut Html {
        self.s.push_str(&html.0);
        self
    }

    pub fn into_string(self) -> String {
        self.s
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }
}

/// HTML written by this module's outputs, every text in it escaped: the
/// only way for a whole fragment of markup to go into an [`Html`].
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Escaped(pub(crate) String);

impl Escaped {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("éà « » sans rien"), "éà « » sans rien");
    }

    #[test]
    fn links_addresses_and_shows_badges_as_code() {
        assert_eq!(
            rich("Voir https://a.fr/x. Fin <b>"),
            "Voir <a href=\"https://a.fr/x\">https://a.fr/x</a>. Fin &lt;b&gt;"
        );
        let badge = "badge : [![b](https://img/x)](https://code.gouv.fr/d)";
        assert_eq!(
            rich(badge),
            "badge : <code>[![b](https://img/x)](https://code.gouv.fr/d)</code>"
        );
        assert_eq!(rich("[![ pas un badge"), "[![ pas un badge");
    }

    #[test]
    fn the_builder_escapes_text_and_attribute_values() {
        let mut h = Html::new();
        h.open(
            "input",
            &[
                ("name", Some("a\"><script>")),
                ("checked", Some("")),
                ("hidden", None),
            ],
        )
        .element("p", &[], "<b>&</b>")
        .link("/?a=1&b=2", "x");
        assert_eq!(
            h.as_str(),
            "<input name=\"a&quot;&gt;&lt;script&gt;\" checked><p>&lt;b&gt;&amp;&lt;/b&gt;</p><a href=\"/?a=1&amp;b=2\">x</a>"
        );
    }
}
