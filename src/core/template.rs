//! The small language of the document templates (`documents/*.toml`): text
//! with `{{ nom }}` for a value, and `{{#if condition}} … {{#else}} …
//! {{/if}}` for a part that depends on the decision.
//!
//! A value is a free-text field or a value of `documents/champs.toml`
//! (`{{nom_traitement}}`), something the decision says (`{{decision.title}}`),
//! the label of an answer (`{{answer:algo_automatisation}}`) or a link to an
//! article (`{{article:crpa-L311-3-1}}`). A condition is one or more tests
//! joined by `|` (any of them): `finding:ID`, `outcome:ID`, `answer:QID`
//! (asked on the path), `answer:QID=VALUE`, `field:ID` (given),
//! `field:ID=TEXT`.
//!
//! A line that holds nothing but a block tag (`{{#if …}}`, `{{#else}}`,
//! `{{/if}}`) disappears with its line break, so that blocks can sit on
//! lines of their own in Markdown or YAML.
//!
//! Parsing is pure and keeps byte offsets into the body, so that the checks
//! point at the very name that is wrong.

use std::ops::Range;

/// A parsed template body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Text as written, and the offset in the body where it starts.
    Text(String, usize),
    /// `{{ name }}`, with the span of `name` in the body.
    Value(Name),
    /// `{{#if cond}} then {{#else}} otherwise {{/if}}`.
    If {
        cond: Vec<Test>,
        then: Vec<Node>,
        otherwise: Vec<Node>,
    },
}

/// A name as written, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub text: String,
    pub span: Range<usize>,
}

/// What a value refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref<'a> {
    /// A field or a value of `champs.toml`.
    Field(&'a str),
    /// `decision.x`.
    Decision(&'a str),
    /// `answer:QID`: the label of the answer given.
    Answer(&'a str),
    /// `article:ID`: a link to the article.
    Article(&'a str),
}

impl Name {
    pub fn reference(&self) -> Ref<'_> {
        let t = self.text.as_str();
        if let Some(rest) = t.strip_prefix("decision.") {
            Ref::Decision(rest)
        } else if let Some(rest) = t.strip_prefix("answer:") {
            Ref::Answer(rest)
        } else if let Some(rest) = t.strip_prefix("article:") {
            Ref::Article(rest)
        } else {
            Ref::Field(t)
        }
    }
}

/// One test of a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    pub kind: TestKind,
    /// The id tested (finding, outcome, question or field).
    pub id: String,
    /// `answer:QID=VALUE` or `field:ID=TEXT`: the value.
    pub value: Option<String>,
    /// Where the test is written, in the body (or in the `when` string).
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestKind {
    Finding,
    Outcome,
    /// `verdict:must`: the verdict of the outcome.
    Verdict,
    Answer,
    Field,
    /// `says:TEXT`: some text the decision shows or drafts contains TEXT.
    /// Only in the consistency declarations (`excludes`, `requires`,
    /// `[[rules]]`), which `check` proves on every path.
    Says,
}

impl TestKind {
    pub fn prefix(self) -> &'static str {
        match self {
            TestKind::Finding => "finding",
            TestKind::Outcome => "outcome",
            TestKind::Verdict => "verdict",
            TestKind::Answer => "answer",
            TestKind::Field => "field",
            TestKind::Says => "says",
        }
    }
}

/// Why a body cannot be read, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxErrorKind {
    /// `{{` without `}}`.
    Unclosed,
    /// `{{ }}`.
    Empty,
    /// `{{#x}}` for a keyword other than `if` and `else`.
    UnknownBlock(String),
    /// `{{#else}}` or `{{/if}}` outside a block.
    Stray(String),
    /// `{{#if}}` never closed.
    UnclosedIf,
    /// A condition that is not `prefix:id`.
    BadTest(String),
    /// A name with characters a name cannot have.
    BadName(String),
}

/// Parses a condition (`finding:a | outcome:b`) that starts at `offset` in
/// its text.
pub fn parse_condition(s: &str, offset: usize) -> Result<Vec<Test>, SyntaxError> {
    let mut tests = Vec::new();
    let mut start = 0;
    for part in s.split('|') {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        let span = offset + start + lead..offset + start + lead + trimmed.len();
        start += part.len() + 1;
        let bad = || SyntaxError {
            kind: SyntaxErrorKind::BadTest(trimmed.to_owned()),
            span: span.clone(),
        };
        let (prefix, rest) = trimmed.split_once(':').ok_or_else(bad)?;
        let kind = match prefix {
            "finding" => TestKind::Finding,
            "outcome" => TestKind::Outcome,
            "verdict" => TestKind::Verdict,
            "answer" => TestKind::Answer,
            "field" => TestKind::Field,
            "says" => TestKind::Says,
            _ => return Err(bad()),
        };
        if kind == TestKind::Says {
            // Any text but the `|` that separates tests.
            if rest.trim().is_empty() {
                return Err(bad());
            }
            tests.push(Test {
                kind,
                id: rest.trim().to_owned(),
                value: None,
                span,
            });
            continue;
        }
        let (id, value) = match rest.split_once('=') {
            Some((id, v)) if matches!(kind, TestKind::Answer | TestKind::Field) => {
                (id.trim(), Some(v.trim().to_owned()))
            }
            Some(_) => return Err(bad()),
            None => (rest.trim(), None),
        };
        if id.is_empty() || !id.chars().all(is_name_char) {
            return Err(bad());
        }
        tests.push(Test {
            kind,
            id: id.to_owned(),
            value,
            span,
        });
    }
    Ok(tests)
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/')
}

/// A tag found in the body.
enum Tag {
    Value(Name),
    If(Vec<Test>),
    Else,
    EndIf,
}

/// Parses a template body.
pub fn parse(body: &str) -> Result<Template, SyntaxError> {
    let pieces = lex(body)?;
    // Each open block: its condition, what came before it, its `then`
    // part once `{{#else}}` is seen, and where it opened.
    type Open = (Vec<Test>, Vec<Node>, Option<Vec<Node>>, Range<usize>);
    let mut stack: Vec<Open> = Vec::new();
    let mut current: Vec<Node> = Vec::new();
    for (piece, span) in pieces {
        match piece {
            Piece::Text(t) => {
                if !t.is_empty() {
                    current.push(Node::Text(t, span.start));
                }
            }
            Piece::Tag(Tag::Value(name)) => current.push(Node::Value(name)),
            Piece::Tag(Tag::If(cond)) => {
                stack.push((cond, std::mem::take(&mut current), None, span));
            }
            Piece::Tag(Tag::Else) => match stack.last_mut() {
                Some((_, _, otherwise @ None, _)) => {
                    *otherwise = Some(std::mem::take(&mut current));
                }
                _ => {
                    return Err(SyntaxError {
                        kind: SyntaxErrorKind::Stray("{{#else}}".into()),
                        span,
                    });
                }
            },
            Piece::Tag(Tag::EndIf) => {
                let Some((cond, before, then, _)) = stack.pop() else {
                    return Err(SyntaxError {
                        kind: SyntaxErrorKind::Stray("{{/if}}".into()),
                        span,
                    });
                };
                let inner = std::mem::replace(&mut current, before);
                let (then, otherwise) = match then {
                    Some(then) => (then, inner),
                    None => (inner, Vec::new()),
                };
                current.push(Node::If {
                    cond,
                    then,
                    otherwise,
                });
            }
        }
    }
    if let Some((_, _, _, span)) = stack.pop() {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::UnclosedIf,
            span,
        });
    }
    Ok(Template { nodes: current })
}

enum Piece {
    Text(String),
    Tag(Tag),
}

/// Splits the body into text and tags; a block tag alone on its line takes
/// the whole line with it.
fn lex(body: &str) -> Result<Vec<(Piece, Range<usize>)>, SyntaxError> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while let Some(found) = body[i..].find("{{") {
        let open = i + found;
        let Some(close_rel) = body[open + 2..].find("}}") else {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::Unclosed,
                span: open..open + 2,
            });
        };
        let close = open + 2 + close_rel;
        let inner = &body[open + 2..close];
        let tag = tag(inner, open + 2)?;
        let block = !matches!(tag, Tag::Value(_));
        let mut before = &body[i..open];
        let mut after = close + 2;
        if block {
            // Alone on its line: drop the indentation before it and the
            // line break after it.
            let line_start = body[..open].rfind('\n').map_or(0, |n| n + 1);
            let rest = &body[after..];
            let line_end = rest.find('\n');
            let alone_before = body[line_start.max(i)..open].trim().is_empty() && line_start >= i;
            let tail = &rest[..line_end.unwrap_or(rest.len())];
            if alone_before && tail.trim().is_empty() {
                before = &body[i..line_start];
                after += line_end.map_or(rest.len(), |n| n + 1);
            }
        }
        text.push_str(before);
        if !text.is_empty() {
            out.push((Piece::Text(std::mem::take(&mut text)), i..open));
        }
        out.push((Piece::Tag(tag), open..close + 2));
        i = after;
    }
    text.push_str(&body[i..]);
    if !text.is_empty() {
        out.push((Piece::Text(text), i..body.len()));
    }
    Ok(out)
}

fn tag(inner: &str, offset: usize) -> Result<Tag, SyntaxError> {
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim();
    let start = offset + lead;
    let span = start..start + t.len();
    if t.is_empty() {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::Empty,
            span: offset - 2..offset + inner.len() + 2,
        });
    }
    if let Some(block) = t.strip_prefix('#') {
        let (word, rest) = block.split_once(char::is_whitespace).unwrap_or((block, ""));
        return match word {
            "if" => {
                let cond_offset = start + 1 + word.len() + (block.len() - word.len() - rest.len());
                let lead = rest.len() - rest.trim_start().len();
                parse_condition(rest.trim(), cond_offset + lead).map(Tag::If)
            }
            "else" if rest.trim().is_empty() => Ok(Tag::Else),
            _ => Err(SyntaxError {
                kind: SyntaxErrorKind::UnknownBlock(t.to_owned()),
                span,
            }),
        };
    }
    if let Some(end) = t.strip_prefix('/') {
        return if end.trim() == "if" {
            Ok(Tag::EndIf)
        } else {
            Err(SyntaxError {
                kind: SyntaxErrorKind::UnknownBlock(t.to_owned()),
                span,
            })
        };
    }
    if !t.chars().all(is_name_char) {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::BadName(t.to_owned()),
            span,
        });
    }
    Ok(Tag::Value(Name {
        text: t.to_owned(),
        span,
    }))
}

impl Template {
    /// Every value the template names, in order.
    pub fn names(&self) -> Vec<&Name> {
        fn walk<'t>(nodes: &'t [Node], out: &mut Vec<&'t Name>) {
            for n in nodes {
                match n {
                    Node::Text(..) => {}
                    Node::Value(name) => out.push(name),
                    Node::If {
                        then, otherwise, ..
                    } => {
                        walk(then, out);
                        walk(otherwise, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }

    /// Every test of every condition, in order.
    pub fn tests(&self) -> Vec<&Test> {
        fn walk<'t>(nodes: &'t [Node], out: &mut Vec<&'t Test>) {
            for n in nodes {
                if let Node::If {
                    cond,
                    then,
                    otherwise,
                } = n
                {
                    out.extend(cond.iter());
                    walk(then, out);
                    walk(otherwise, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(t, _) => t.clone(),
                Node::Value(n) => format!("<{}>", n.text),
                Node::If {
                    cond,
                    then,
                    otherwise,
                } => format!(
                    "[{}?{}:{}]",
                    cond.iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join("|"),
                    text(then),
                    text(otherwise)
                ),
            })
            .collect()
    }

    #[test]
    fn values_and_blocks() {
        let t = parse("A {{ x }} B {{#if finding:f | outcome:o}}oui{{#else}}non{{/if}}.").unwrap();
        assert_eq!(text(&t.nodes), "A <x> B [f|o?oui:non].");
        let names = t.names();
        assert_eq!(names[0].text, "x");
        assert_eq!(names[0].span, 5..6);
    }

    #[test]
    fn block_tags_alone_on_a_line_take_the_line() {
        let t = parse("a\n  {{#if field:x}}\nb\n{{/if}}\nc\n").unwrap();
        assert_eq!(text(&t.nodes), "a\n[x?b\n:]c\n");
    }

    #[test]
    fn conditions_keep_their_place() {
        let body = "{{#if answer:q=oui | finding:ff}}x{{/if}}";
        let t = parse(body).unwrap();
        let tests = t.tests();
        assert_eq!(tests[0].kind, TestKind::Answer);
        assert_eq!(tests[0].value.as_deref(), Some("oui"));
        assert_eq!(&body[tests[0].span.clone()], "answer:q=oui");
        assert_eq!(&body[tests[1].span.clone()], "finding:ff");
    }

    #[test]
    fn references() {
        let t = parse("{{decision.title}}{{answer:q}}{{article:crpa-L1}}{{nom}}").unwrap();
        let refs: Vec<Ref> = t.names().into_iter().map(Name::reference).collect();
        assert_eq!(
            refs,
            vec![
                Ref::Decision("title"),
                Ref::Answer("q"),
                Ref::Article("crpa-L1"),
                Ref::Field("nom")
            ]
        );
    }

    #[test]
    fn errors_point_at_the_tag() {
        let e = parse("ab {{ x").unwrap_err();
        assert_eq!((e.kind, e.span), (SyntaxErrorKind::Unclosed, 3..5));
        let e = parse("{{#if finding:a}}x").unwrap_err();
        assert_eq!(e.kind, SyntaxErrorKind::UnclosedIf);
        let e = parse("x{{/if}}").unwrap_err();
        assert_eq!(e.kind, SyntaxErrorKind::Stray("{{/if}}".into()));
        let e = parse("{{#each x}}{{/each}}").unwrap_err();
        assert!(matches!(e.kind, SyntaxErrorKind::UnknownBlock(_)));
        let body = "{{#if constat:a}}x{{/if}}";
        let e = parse(body).unwrap_err();
        assert_eq!(&body[e.span.clone()], "constat:a");
        let e = parse("{{ a b }}").unwrap_err();
        assert_eq!(e.kind, SyntaxErrorKind::BadName("a b".into()));
        let e = parse("{{  }}").unwrap_err();
        assert_eq!(e.kind, SyntaxErrorKind::Empty);
    }
}
