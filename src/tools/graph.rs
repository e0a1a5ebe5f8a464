//! `aiguillage graph`: a questionnaire as a flowchart, in Mermaid (for
//! Markdown pages) or Graphviz DOT (for the pictures in the README).
//!
//! Questions are boxes showing their id and their text; answers label the
//! arrows; worked-out nodes (`tally`) are grey hexagons whose ranges label
//! their arrows; outcomes are coloured by verdict. The output is
//! deterministic (file order), so the committed `.dot` files can be
//! compared with it.

use std::fmt::Write as _;

use crate::core::catalog::Bundle;
use crate::core::model::{Outcome, Question, Questionnaire, Verdict};
use crate::tools::paths::edges;

/// Characters per line in node and edge labels.
const QUESTION_WIDTH: usize = 34;
const EDGE_WIDTH: usize = 26;

/// What to draw: one questionnaire (jumps to others drawn as stubs), or
/// every questionnaire, each in its own frame, jumps joined up.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'b> {
    One(&'b Questionnaire),
    All,
}

/// A node of the drawing.
enum Shape<'b> {
    Question(&'b Question),
    Outcome(&'b Outcome),
    /// A jump out of the drawn questionnaire: `@id` or a node defined
    /// elsewhere.
    Jump(String),
}

/// An arrow: from a question, by an answer, to a node id.
struct Arrow {
    from: String,
    to: String,
    label: String,
}

/// A drawing: its frames (one per questionnaire), nodes and arrows.
struct Drawing<'b> {
    title: String,
    frames: Vec<(&'b Questionnaire, Vec<(String, Shape<'b>)>)>,
    jumps: Vec<(String, Shape<'b>)>,
    arrows: Vec<Arrow>,
}

fn drawing<'b>(bundle: &'b Bundle, scope: Scope<'b>) -> Drawing<'b> {
    let chosen: Vec<&Questionnaire> = match scope {
        Scope::One(q) => vec![q],
        Scope::All => bundle.questionnaires.iter().map(|(_, q)| q).collect(),
    };
    // Looked up once per arrow: a set, not a scan of every node (which
    // made a drawing of 100 000 outcomes quadratic).
    let drawn: std::collections::HashSet<&str> = chosen
        .iter()
        .flat_map(|q| {
            q.questions
                .iter()
                .map(|x| x.id.as_str())
                .chain(q.outcomes.iter().map(|x| x.id.as_str()))
        })
        .collect();
    let drawn = |id: &str| drawn.contains(id);
    let mut stubs: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut d = Drawing {
        title: match scope {
            Scope::One(q) => msg::title(q),
            Scope::All => msg::all(),
        },
        frames: Vec::new(),
        jumps: Vec::new(),
        arrows: Vec::new(),
    };
    for q in &chosen {
        let mut nodes: Vec<(String, Shape)> = Vec::new();
        for question in &q.questions {
            nodes.push((question.id.clone(), Shape::Question(question)));
            for e in edges(question) {
                let to = match bundle.node(e.next) {
                    Some(n) if drawn(n.id()) => n.id().to_owned(),
                    // Unresolved or elsewhere: a stub named after the target.
                    _ => {
                        let stub = format!("vers_{}", e.next.trim_start_matches('@'));
                        if stubs.insert(stub.clone()) {
                            d.jumps.push((stub.clone(), Shape::Jump(e.next.to_owned())));
                        }
                        stub
                    }
                };
                d.arrows.push(Arrow {
                    from: question.id.clone(),
                    to,
                    label: e.label.to_owned(),
                });
            }
        }
        for o in &q.outcomes {
            nodes.push((o.id.clone(), Shape::Outcome(o)));
        }
        d.frames.push((q, nodes));
    }
    d
}

/// The flowchart in Graphviz DOT.
pub fn dot(bundle: &Bundle, scope: Scope<'_>) -> String {
    let d = drawing(bundle, scope);
    let mut s = String::new();
    let name = match scope {
        Scope::One(q) => q.id.as_str(),
        Scope::All => "aiguillage",
    };
    let _ = writeln!(s, "digraph {} {{", dot_str(name));
    let _ = writeln!(
        s,
        "  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=16, labelloc=t, label={}, nodesep=0.3, ranksep=0.45];",
        dot_str(&d.title)
    );
    s.push_str("  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded\", margin=\"0.15,0.07\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
    let many = d.frames.len() > 1;
    for (q, nodes) in &d.frames {
        let indent = if many { "    " } else { "  " };
        if many {
            let _ = writeln!(
                s,
                "\n  subgraph {} {{",
                dot_str(&format!("cluster_{}", q.id))
            );
            let _ = writeln!(
                s,
                "    label={}; style=\"rounded,dashed\"; color=\"#999999\";",
                dot_str(&msg::title(q))
            );
        } else {
            s.push('\n');
        }
        for (id, shape) in nodes {
            let _ = writeln!(s, "{indent}{} [{}];", dot_str(id), dot_attrs(shape));
        }
        if many {
            s.push_str("  }\n");
        }
    }
    if !d.jumps.is_empty() {
        s.push('\n');
    }
    for (id, shape) in &d.jumps {
        let _ = writeln!(s, "  {} [{}];", dot_str(id), dot_attrs(shape));
    }
    s.push('\n');
    for a in &d.arrows {
        let _ = writeln!(
            s,
            "  {} -> {} [label={}];",
            dot_str(&a.from),
            dot_str(&a.to),
            dot_str(&wrap(&a.label, EDGE_WIDTH).join("\n"))
        );
    }
    if d.frames.iter().any(|(q, _)| !q.outcomes.is_empty()) {
        s.push_str(&dot_legend());
    }
    s.push_str("}\n");
    s
}

fn dot_attrs(shape: &Shape<'_>) -> String {
    match shape {
        // Worked out, never asked: a hexagon, its ranges on the arrows.
        Shape::Question(q) if q.kind.is_computed() => {
            let mut lines = vec![msg::computed(&q.id)];
            lines.extend(wrap(&q.text, QUESTION_WIDTH));
            format!(
                "label={}, shape=hexagon, style=\"filled\", fillcolor=\"#f1f3f5\", color=\"#868e96\"",
                dot_str(&lines.join("\n"))
            )
        }
        Shape::Question(q) => {
            let mut lines = vec![q.id.clone()];
            lines.extend(wrap(&q.text, QUESTION_WIDTH));
            format!("label={}", dot_str(&lines.join("\n")))
        }
        Shape::Outcome(o) => {
            let mut lines = vec![format!("{} — {}", o.id, msg::verdict(o.verdict))];
            lines.extend(wrap(&o.title, QUESTION_WIDTH));
            format!(
                "label={}, style=\"rounded,filled\", fillcolor=\"{}\", color=\"{}\"",
                dot_str(&lines.join("\n")),
                colour(o.verdict).0,
                colour(o.verdict).1
            )
        }
        Shape::Jump(target) => format!(
            "label={}, shape=cds, style=\"filled\", fillcolor=\"#eeeeee\"",
            dot_str(&msg::jump(target))
        ),
    }
}

/// The five verdicts and their colours, in a row under the title.
fn dot_legend() -> String {
    let mut s = String::from("\n  subgraph cluster_legende {\n");
    let _ = writeln!(
        s,
        "    label={}; style=\"dashed\"; color=\"#bbbbbb\"; fontsize=11;",
        dot_str(&msg::legend())
    );
    for v in Verdict::ALL {
        let _ = writeln!(
            s,
            "    {} [label={}, style=\"rounded,filled\", fillcolor=\"{}\", color=\"{}\", fontsize=9];",
            dot_str(&format!("legende_{}", v.as_str())),
            dot_str(msg::verdict(v)),
            colour(v).0,
            colour(v).1
        );
    }
    let chain: Vec<String> = Verdict::ALL
        .iter()
        .map(|v| dot_str(&format!("legende_{}", v.as_str())))
        .collect();
    let _ = writeln!(s, "    {} [style=invis];", chain.join(" -> "));
    s.push_str("  }\n");
    s
}

/// A DOT string literal; line breaks become `\n` (centred lines).
fn dot_str(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

/// The flowchart in Mermaid.
pub fn mermaid(bundle: &Bundle, scope: Scope<'_>) -> String {
    let d = drawing(bundle, scope);
    let mut s = String::new();
    // The front matter is YAML: a JSON string is a valid quoted scalar.
    let _ = writeln!(
        s,
        "---\ntitle: {}\n---",
        serde_json::Value::from(d.title.as_str())
    );
    s.push_str("flowchart TD\n");
    let many = d.frames.len() > 1;
    for (q, nodes) in &d.frames {
        let indent = if many { "    " } else { "  " };
        if many {
            let _ = writeln!(
                s,
                "  subgraph {}[\"{}\"]",
                mermaid_id(&format!("cadre_{}", q.id)),
                mermaid_text(&msg::title(q))
            );
        }
        for (id, shape) in nodes {
            let _ = writeln!(s, "{indent}{}", mermaid_node(id, shape));
        }
        if many {
            s.push_str("  end\n");
        }
    }
    for (id, shape) in &d.jumps {
        let _ = writeln!(s, "  {}", mermaid_node(id, shape));
    }
    for a in &d.arrows {
        let _ = writeln!(
            s,
            "  {} -->|\"{}\"| {}",
            mermaid_id(&a.from),
            wrap(&a.label, EDGE_WIDTH)
                .iter()
                .map(|l| mermaid_text(l))
                .collect::<Vec<_>>()
                .join("<br/>"),
            mermaid_id(&a.to)
        );
    }
    for v in Verdict::ALL {
        let (fill, stroke) = colour(v);
        let _ = writeln!(
            s,
            "  classDef {} fill:{fill},stroke:{stroke},color:#000",
            v.as_str()
        );
    }
    for (_, nodes) in &d.frames {
        for (id, shape) in nodes {
            if let Shape::Outcome(o) = shape {
                let _ = writeln!(s, "  class {} {}", mermaid_id(id), o.verdict.as_str());
            }
        }
    }
    s
}

fn mermaid_node(id: &str, shape: &Shape<'_>) -> String {
    let lines = |head: String, body: &str| {
        std::iter::once(format!("<b>{}</b>", mermaid_text(&head)))
            .chain(wrap(body, QUESTION_WIDTH).iter().map(|l| mermaid_text(l)))
            .collect::<Vec<_>>()
            .join("<br/>")
    };
    match shape {
        Shape::Question(q) if q.kind.is_computed() => format!(
            "{}{{{{\"{}\"}}}}",
            mermaid_id(id),
            lines(msg::computed(&q.id), &q.text)
        ),
        Shape::Question(q) => format!("{}[\"{}\"]", mermaid_id(id), lines(q.id.clone(), &q.text)),
        Shape::Outcome(o) => format!(
            "{}([\"{}\"])",
            mermaid_id(id),
            lines(format!("{} — {}", o.id, msg::verdict(o.verdict)), &o.title)
        ),
        Shape::Jump(target) => format!(
            "{}>\"{}\"]",
            mermaid_id(id),
            mermaid_text(&msg::jump(target))
        ),
    }
}

/// Mermaid ids: letters, digits and `_`; `end` is a keyword.
fn mermaid_id(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.eq_ignore_ascii_case("end") {
        format!("{clean}_")
    } else {
        clean
    }
}

/// Text inside a quoted Mermaid label: quotes and markup as entities.
fn mermaid_text(s: &str) -> String {
    s.replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// Fill and border colours of a verdict: warm for a duty, green for a
/// freedom, red for a bar, blue for « later », grey for « not you ».
fn colour(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Must => ("#ffd8a8", "#e8590c"),
        Verdict::May => ("#c3e6cb", "#2f9e44"),
        Verdict::NotConcerned => ("#e9ecef", "#868e96"),
        Verdict::NotYet => ("#d0ebff", "#1c7ed6"),
        Verdict::Cannot => ("#ffc9c9", "#e03131"),
    }
}

/// Greedy word wrap at `width` characters; a longer word stays whole.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// User-facing strings of this module. Titles, question texts and
/// answer labels are content: they stay in French.
pub(crate) mod msg {
    use crate::core::model::{Questionnaire, Verdict};
    use crate::text::i18n::Lang;

    crate::text::i18n::messages! {
        fn all() { fr: "Tous les questionnaires", en: "All questionnaires" }
        /// Title of the box that shows the verdicts' colours.
        fn legend() { fr: "Issues", en: "Outcomes" }
        /// `Démonstration (demo 1.0.0, droit au 2026-01-01)`.
        fn titled(title: &str, id: &str, version: &str, date: &str) {
            fr: "{title} ({id} {version}, droit au {date})",
            en: "{title} ({id} {version}, law as of {date})",
        }
        /// Head of a worked-out node (`tally`).
        fn computed(id: &str) { fr: "{id} — calculé", en: "{id} — worked out" }
        /// A jump to the start of another questionnaire.
        fn to_questionnaire(id: &str) { fr: "questionnaire « {id} »", en: "questionnaire « {id} »" }
    }

    pub fn title(q: &Questionnaire) -> String {
        titled(&q.title, &q.id, &q.version, &q.legal_date)
    }

    /// Each verdict's word in the drawing: (verdict, French, English).
    pub const VERDICTS: [(Verdict, &str, &str); 5] = [
        (Verdict::Must, "obligation", "required"),
        (Verdict::May, "possibilité", "possible"),
        (Verdict::NotConcerned, "non concerné", "not concerned"),
        (Verdict::NotYet, "pas encore", "not yet"),
        (Verdict::Cannot, "impossible", "not possible"),
    ];

    pub fn verdict(v: Verdict) -> &'static str {
        let (_, fr, en) = VERDICTS
            .into_iter()
            .find(|(x, _, _)| *x == v)
            .unwrap_or(VERDICTS[0]);
        match crate::text::i18n::current() {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn jump(target: &str) -> String {
        match target.strip_prefix('@') {
            Some(q) => to_questionnaire(q),
            None => format!("→ {target}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words() {
        assert_eq!(
            wrap("Le document est-il achevé ?", 12),
            ["Le document", "est-il", "achevé ?"]
        );
        assert_eq!(
            wrap("anticonstitutionnellement oui", 5),
            ["anticonstitutionnellement", "oui"]
        );
        assert!(wrap("  ", 5).is_empty());
    }

    #[test]
    fn escapes_labels() {
        assert_eq!(dot_str("a \"b\"\nc\\"), "\"a \\\"b\\\"\\nc\\\\\"");
        assert_eq!(mermaid_text("<a & \"b\">"), "#lt;a #amp; #quot;b#quot;#gt;");
        assert_eq!(mermaid_id("end"), "end_");
        assert_eq!(mermaid_id("a-b.c"), "a_b_c");
    }
}
