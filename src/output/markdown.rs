//! The decision as Markdown, for a ticket or a note: everything the text
//! has, with inline links.

use std::fmt::Write as _;

use crate::core::engine::{ArticleLink, Decision, FindingOut};
use crate::output::labels::{finding_groups, step_label, step_text, verdict_label};
use crate::output::references::References;
use crate::text::i18n::Texts;

/// The decision as Markdown, for a ticket or a note.
pub fn markdown(d: &Decision, t: &Texts) -> String {
    let mut s = String::new();
    if !t.legal_content_in_french.is_empty() {
        let _ = writeln!(s, "_{}_\n", t.legal_content_in_french);
    }
    let _ = writeln!(
        s,
        "# {}{} {}\n\n{}\n",
        verdict_label(d.outcome.verdict, t),
        t.colon,
        d.outcome.title,
        d.outcome.summary
    );
    let md_articles = |a: &[ArticleLink]| {
        a.iter()
            .map(|a| format!("[{}]({})", a.label, a.url))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (kind, title) in finding_groups(t) {
        let items: Vec<&FindingOut> = d.findings_of(kind).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(s, "## {title}\n");
        for f in items {
            if f.articles.is_empty() {
                let _ = writeln!(s, "- {}", f.text);
            } else {
                let _ = writeln!(s, "- {} ({})", f.text, md_articles(&f.articles));
            }
        }
        let _ = writeln!(s);
    }
    if !d.outcome.next_steps.is_empty() {
        let _ = writeln!(s, "## {}\n", t.next_steps);
        for (i, step) in d.outcome.next_steps.iter().enumerate() {
            let _ = writeln!(s, "{}. {step}", i + 1);
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## {}\n", t.guides);
    for g in &d.guides {
        let _ = write!(s, "- [{}]({})", g.title, g.url);
        if let Some(n) = &g.successor {
            let _ = write!(s, " ({} <{n}>)", t.newer_version);
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "\n## {}\n", t.why);
    for (i, step) in d.path.iter().enumerate() {
        let _ = write!(
            s,
            "{}. {} **{}**",
            i + 1,
            step_text(step, t),
            step_label(step, t)
        );
        if let Some(b) = &step.because {
            let _ = write!(s, " — {b}");
        }
        if !step.articles.is_empty() {
            let _ = write!(s, " ({})", md_articles(&step.articles));
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(
        s,
        "\n{} **{}** — {}",
        t.why_leads_to,
        verdict_label(d.outcome.verdict, t),
        d.outcome.title
    );
    crate::output::change::markdown(&mut s, d, t);
    markdown_references(&mut s, d, t);
    let _ = writeln!(
        s,
        "\n_{} {}_",
        t.questionnaire_footer(
            &d.decided_by.title,
            &d.decided_by.version,
            &d.decided_by.legal_date
        ),
        t.not_legal_advice
    );
    s
}

/// Every article the decision cites, once, with its caveat: the links are
/// inline above, but a caveat (an old version, a link to the whole code)
/// must travel with the note too.
fn markdown_references(s: &mut String, d: &Decision, t: &Texts) {
    let mut refs = References::default();
    for f in &d.findings {
        refs.cite(&f.articles, t);
    }
    for step in &d.path {
        refs.cite(&step.articles, t);
    }
    if refs.cited.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n## {}\n", t.references);
    for a in &refs.cited {
        let _ = write!(s, "- [{}]({})", a.label, a.url);
        if let Some(c) = &a.caveat {
            let _ = write!(s, " — {}", c.trim());
        }
        let _ = writeln!(s);
    }
}
