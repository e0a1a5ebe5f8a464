//! A [`Decision`] → text for a person, JSON for a program, Markdown for a
//! ticket, or just the guide links. Rendering decides nothing.

use std::fmt::Write as _;

use console::{Style, style};

use crate::engine::{ArticleLink, Decision, FindingOut, GuideLink};
use crate::model::{FindingKind, Verdict};

/// French label of a verdict.
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Must => "Obligation",
        Verdict::May => "Possible, non obligatoire",
        Verdict::NotConcerned => "Non concerné",
        Verdict::NotYet => "Pas encore",
        Verdict::Cannot => "Impossible en l'état",
    }
}

fn verdict_style(v: Verdict) -> Style {
    match v {
        Verdict::Must => Style::new().yellow().bold(),
        Verdict::May => Style::new().green().bold(),
        Verdict::NotConcerned => Style::new().cyan().bold(),
        Verdict::NotYet => Style::new().blue().bold(),
        Verdict::Cannot => Style::new().red().bold(),
    }
}

/// Heading of each group of findings, in the order they are shown.
pub const FINDING_GROUPS: [(FindingKind, &str); 4] = [
    (FindingKind::Obligation, "Ce que vous devez faire"),
    (FindingKind::Recommendation, "Ce que vous pouvez faire"),
    (FindingKind::Warning, "Points de vigilance"),
    (FindingKind::Note, "À savoir"),
];

fn articles_inline(articles: &[ArticleLink]) -> String {
    articles
        .iter()
        .map(|a| format!("{} <{}>", a.label, a.url))
        .collect::<Vec<_>>()
        .join(" ; ")
}

fn heading(s: &str) -> String {
    style(s).bold().underlined().to_string()
}

/// Wraps `text` at `width` columns, with `indent` before every line but the
/// first (which the caller has already started).
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    for (pi, para) in text.split('\n').enumerate() {
        if pi > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        let mut col = 0;
        for (wi, word) in para.split_whitespace().enumerate() {
            let w = console::measure_text_width(word);
            if wi > 0 {
                if col + 1 + w > width {
                    out.push('\n');
                    out.push_str(indent);
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(word);
            col += w;
        }
    }
    out
}

const WIDTH: usize = 78;

/// The decision for a person, in French.
pub fn text(d: &Decision) -> String {
    let mut s = String::new();
    let v = d.outcome.verdict;
    let _ = writeln!(
        s,
        "{} {}",
        verdict_style(v).apply_to(format!("■ {} :", verdict_label(v))),
        style(&d.outcome.title).bold()
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", wrap(&d.outcome.summary, WIDTH, ""));
    for (kind, title) in FINDING_GROUPS {
        let items: Vec<&FindingOut> = d.findings_of(kind).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}", heading(title));
        for f in items {
            let _ = writeln!(s, "  • {}", wrap(&f.text, WIDTH - 4, "    "));
            if !f.articles.is_empty() {
                let refs = f
                    .articles
                    .iter()
                    .map(|a| format!("{} {}", a.label, style(&a.url).dim()))
                    .collect::<Vec<_>>()
                    .join("\n      ");
                let _ = writeln!(s, "    {} {refs}", style("↳").dim());
            }
        }
    }
    if !d.outcome.next_steps.is_empty() {
        let _ = writeln!(s, "\n{}", heading("Prochaines étapes"));
        for (i, step) in d.outcome.next_steps.iter().enumerate() {
            let _ = writeln!(s, "  {}. {}", i + 1, wrap(step, WIDTH - 5, "     "));
        }
    }
    let _ = writeln!(s, "\n{}", heading("Guides"));
    for g in &d.guides {
        let _ = writeln!(s, "  • {}", g.title);
        let _ = writeln!(s, "    {}", style(&g.url).cyan());
        if let Some(n) = &g.successor {
            let _ = writeln!(s, "    version récente : {}", style(n).cyan());
        }
    }
    let _ = writeln!(s, "\n{}", heading("Pourquoi ?"));
    for (i, step) in d.path.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {}. {} {}",
            i + 1,
            wrap(&step.text, WIDTH - 5, "     "),
            style(format!("→ {}", step.label)).bold()
        );
        if let Some(b) = &step.because {
            let _ = writeln!(s, "     {}", wrap(b, WIDTH - 5, "     "));
        }
        if !step.articles.is_empty() {
            let _ = writeln!(
                s,
                "     {} {}",
                style("↳").dim(),
                style(articles_inline(&step.articles)).dim()
            );
        }
    }
    let caveats: Vec<&ArticleLink> = caveated_articles(d);
    if !caveats.is_empty() {
        let _ = writeln!(s, "\n{}", heading("Réserves sur les références"));
        for a in caveats {
            if let Some(c) = &a.caveat {
                let _ = writeln!(s, "  • {} : {}", a.label, wrap(c, WIDTH - 6, "    "));
            }
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        style(format!(
            "Questionnaire « {} » v{}, état du droit au {}. Ceci n'est pas un avis juridique : vérifiez les articles sur Légifrance.",
            d.decided_by.title, d.decided_by.version, d.decided_by.legal_date
        ))
        .dim()
    );
    s
}

/// Every article cited in the decision that carries a caveat, once.
fn caveated_articles(d: &Decision) -> Vec<&ArticleLink> {
    let mut seen = std::collections::HashSet::new();
    d.findings
        .iter()
        .flat_map(|f| f.articles.iter())
        .chain(d.path.iter().flat_map(|s| s.articles.iter()))
        .filter(|a| a.caveat.is_some() && seen.insert(a.id.as_str()))
        .collect()
}

/// The full decision as pretty JSON (★ contract).
pub fn json(d: &Decision) -> String {
    let mut s = serde_json::to_string_pretty(d).expect("a Decision always serialises");
    s.push('\n');
    s
}

/// The decision as Markdown.
pub fn markdown(d: &Decision) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {} : {}\n\n{}\n",
        verdict_label(d.outcome.verdict),
        d.outcome.title,
        d.outcome.summary
    );
    let md_articles = |a: &[ArticleLink]| {
        a.iter()
            .map(|a| format!("[{}]({})", a.label, a.url))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (kind, title) in FINDING_GROUPS {
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
        let _ = writeln!(s, "## Prochaines étapes\n");
        for (i, step) in d.outcome.next_steps.iter().enumerate() {
            let _ = writeln!(s, "{}. {step}", i + 1);
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## Guides\n");
    for g in &d.guides {
        let _ = write!(s, "- [{}]({})", g.title, g.url);
        if let Some(n) = &g.successor {
            let _ = write!(s, " (version récente : <{n}>)");
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "\n## Pourquoi ?\n");
    for (i, step) in d.path.iter().enumerate() {
        let _ = write!(s, "{}. {} **{}**", i + 1, step.text, step.label);
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
        "\n_Questionnaire « {} » v{}, état du droit au {}._",
        d.decided_by.title, d.decided_by.version, d.decided_by.legal_date
    );
    s
}

/// Only the links of the recommended guides, one per line: the outcome's
/// guides, most useful first.
pub fn links(d: &Decision) -> String {
    d.outcome
        .guides
        .iter()
        .map(|g: &GuideLink| format!("{}\n", g.url))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole_and_indents() {
        let w = wrap("un deux trois quatre", 9, "  ");
        assert_eq!(w, "un deux\n  trois\n  quatre");
    }
}
