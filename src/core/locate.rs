//! Maps a diagnostic's key path (`questions[3].choices[1].next`) to a line
//! and column in its TOML source.
//!
//! The checks run on the deserialized model, which has forgotten where
//! each value was written. `toml_edit` keeps byte spans, so each source is
//! parsed once more and the same key path is walked in it.

use std::collections::HashMap;
use std::ops::Range;

use toml_edit::{Document, Item};

use crate::core::catalog::{Bundle, SourceId};
use crate::core::diagnostic::{Place, Report};

/// One step of a key path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `questions[3].choices[1].next` into its keys and indexes.
/// Returns `None` for a path that is not of that shape.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = match part.find('[') {
            Some(i) => part.split_at(i),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            out.push(Segment::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// Byte span of `path` in a parsed document.
///
/// When the path goes further than the file (a key that is missing, which
/// is often the very problem reported), the span of the deepest item that
/// exists is returned instead: for a table of an array of tables, its
/// `[[header]]`. `None` when not even the first key exists.
pub fn span_of(doc: &Document<&str>, path: &str) -> Option<Range<usize>> {
    let mut item: &Item = doc.as_item();
    let mut best: Option<Range<usize>> = None;
    for segment in segments(path)? {
        let next = match segment {
            Segment::Key(k) => item.get(k),
            Segment::Index(i) => item.get(i),
        };
        match next {
            Some(found) => {
                item = found;
                if let Some(span) = found.span() {
                    best = Some(span);
                }
            }
            None => break,
        }
    }
    best
}

/// Fills the place of every diagnostic whose path can be found. Each
/// source is parsed at most once.
pub fn fill_locations(bundle: &Bundle, report: &mut Report) {
    let mut docs: HashMap<SourceId, Option<Document<&str>>> = HashMap::new();
    for d in &mut report.diagnostics {
        let Some(source) = bundle.sources.get(d.source) else {
            continue;
        };
        let text = source.text.as_str();
        let doc = docs
            .entry(d.source)
            .or_insert_with(|| Document::parse(text).ok());
        if let Some(span) = doc.as_ref().and_then(|doc| span_of(doc, &d.path)) {
            d.set_place(Place::from_span(text, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostic::line_col;

    const TEXT: &str = r#"id = "x"
start = "a"

[[questions]]
id = "a"
terms = ["t1", "t2"]

[[questions.choices]]
value = "oui"
next = "b"

[[questions.choices]]
value = "non"

[[questions]]
id = "b"
choices = [{ value = "x", next = "y" }]
"#;

    fn at(path: &str) -> Option<(usize, usize, String)> {
        let doc = Document::parse(TEXT).ok()?;
        let span = span_of(&doc, path)?;
        let (l, c) = line_col(TEXT, span.start);
        Some((l, c, TEXT[span].to_owned()))
    }

    #[test]
    fn splits_key_paths() {
        use Segment::*;
        assert_eq!(
            segments("questions[3].choices[1].next"),
            Some(vec![
                Key("questions"),
                Index(3),
                Key("choices"),
                Index(1),
                Key("next")
            ])
        );
        assert_eq!(
            segments("a[1][2]"),
            Some(vec![Key("a"), Index(1), Index(2)])
        );
        assert_eq!(segments("a[x]"), None);
        assert_eq!(segments("a[1]b"), None);
    }

    #[test]
    fn finds_values_in_arrays_of_tables() {
        assert_eq!(at("start"), Some((2, 9, "\"a\"".into())));
        assert_eq!(at("questions[0].id"), Some((5, 6, "\"a\"".into())));
        assert_eq!(at("questions[0].terms[1]"), Some((6, 16, "\"t2\"".into())));
        assert_eq!(
            at("questions[0].choices[0].next"),
            Some((10, 8, "\"b\"".into()))
        );
    }

    #[test]
    fn finds_values_in_inline_tables() {
        assert_eq!(
            at("questions[1].choices[0].next"),
            Some((17, 34, "\"y\"".into()))
        );
    }

    #[test]
    fn a_missing_key_points_at_its_table() {
        assert_eq!(
            at("questions[0].choices[1].next"),
            Some((12, 1, "[[questions.choices]]".into()))
        );
        assert_eq!(
            at("questions[0].ranges"),
            Some((4, 1, "[[questions]]".into()))
        );
        assert_eq!(at("nothing.here"), None);
    }
}
