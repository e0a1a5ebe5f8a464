//! The decision for a person at a terminal: verdict, duties, next steps,
//! guides, « Pourquoi ? » and references, wrapped at the terminal's width.

use std::fmt::Write as _;

use console::style;

use crate::core::engine::{Decision, FindingOut};
use crate::output::labels::{
    finding_groups, heading, kind_label, step_findings, step_label, step_text, verdict_label,
    verdict_style,
};
use crate::output::references::References;
use crate::text::glyphs::Glyphs;
use crate::text::i18n::Texts;
use crate::text::wrap::wrap;

/// How a decision is drawn: the interface language, the glyphs and the
/// width lines are wrapped at.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub texts: &'static Texts,
    pub glyphs: &'static Glyphs,
    /// Columns; [`NO_WRAP`] for screen readers, which read every line
    /// break aloud.
    pub width: usize,
}

/// The width of a decision when nothing narrower is known.
pub const DEFAULT_WIDTH: usize = 78;

/// A width no line reaches: lines are not wrapped.
pub const NO_WRAP: usize = 100_000;

/// The decision for a person.
pub fn text(d: &Decision, look: Look) -> String {
    let (t, g, width) = (look.texts, look.glyphs, look.width);
    let mut s = String::new();
    // Articles are cited by label and number where they matter; each link
    // is printed once, with its caveat, under « Références ».
    let mut refs = References::default();
    if !t.legal_content_in_french.is_empty() {
        let _ = writeln!(s, "{}\n", style(t.legal_content_in_french).dim());
    }
    let v = d.outcome.verdict;
    let head = format!("{} {}{}", g.verdict, verdict_label(v, t), t.colon);
    // Wrapped as one line of text, then the two parts styled.
    let line = wrap(&format!("{head} {}", d.outcome.title), width, "  ");
    let title = line[head.len()..].trim_start();
    let _ = writeln!(
        s,
        "{} {}",
        verdict_style(v).apply_to(&head),
        style(title).bold()
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", wrap(&d.outcome.summary, width, ""));
    for (kind, title) in finding_groups(t) {
        let items: Vec<&FindingOut> = d.findings_of(kind).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}", heading(title));
        for f in items {
            let _ = writeln!(s, "  {} {}", g.bullet, wrap(&f.text, width - 4, "    "));
            if !f.articles.is_empty() {
                let cited = refs.cite(&f.articles, t);
                let line = wrap(&cited, width - 6, "      ");
                let _ = writeln!(s, "    {} {}", style(g.sub).dim(), style(line).dim());
            }
        }
    }
    if !d.outcome.next_steps.is_empty() {
        let _ = writeln!(s, "\n{}", heading(t.next_steps));
        for (i, step) in d.outcome.next_steps.iter().enumerate() {
            let _ = writeln!(s, "  {}. {}", i + 1, wrap(step, width - 5, "     "));
        }
    }
    let _ = writeln!(s, "\n{}", heading(t.guides));
    for gl in &d.guides {
        let _ = writeln!(s, "  {} {}", g.bullet, gl.title);
        let _ = writeln!(s, "    {}", style(&gl.url).cyan());
        if let Some(n) = &gl.successor {
            let _ = writeln!(s, "    {} {}", t.newer_version, style(n).cyan());
        }
    }
    why_text(&mut s, d, look, &mut refs);
    crate::output::change::text(&mut s, d, t, g, width);
    refs.write(&mut s, t, width);
    let footer = format!(
        "{} {}",
        t.questionnaire_footer(
            &d.decided_by.title,
            &d.decided_by.version,
            &d.decided_by.legal_date
        ),
        t.not_legal_advice
    );
    let _ = writeln!(s, "\n{}", style(wrap(&footer, width, "")).dim());
    s
}

/// « Pourquoi ? »: every answer in order, what it implies, the article it
/// rests on and the findings it added; then the verdict it leads to.
fn why_text<'d>(s: &mut String, d: &'d Decision, look: Look, refs: &mut References<'d>) {
    let (t, g, width) = (look.texts, look.glyphs, look.width);
    let _ = writeln!(s, "\n{}", heading(t.why));
    let _ = writeln!(s, "{}", style(t.why_intro).dim());
    // Numbers right-aligned, so that « 9. » and « 10. » line up and every
    // continuation line starts under the text.
    let digits = d.path.len().to_string().len();
    let pad = " ".repeat(digits + 4);
    let inner = width.saturating_sub(pad.len());
    for (i, step) in d.path.iter().enumerate() {
        let text = step_text(step, t);
        let _ = writeln!(s, "  {:>digits$}. {}", i + 1, wrap(&text, inner, &pad));
        let label_pad = format!("{pad}  ");
        let _ = writeln!(
            s,
            "{pad}{}",
            style(format!(
                "{} {}",
                g.arrow,
                wrap(&step_label(step, t), inner.saturating_sub(3), &label_pad)
            ))
            .bold()
        );
        if let Some(b) = &step.because {
            let _ = writeln!(s, "{pad}{}", wrap(b, inner, &pad));
        }
        if !step.articles.is_empty() {
            let cited = refs.cite(&step.articles, t);
            let line = wrap(&cited, inner.saturating_sub(2), &label_pad);
            let _ = writeln!(s, "{pad}{} {}", style(g.sub).dim(), style(line).dim());
        }
        for f in step_findings(d, step) {
            let line = format!("+ {}{} {}", kind_label(f.kind, t), t.colon, f.text);
            let line = crate::text::wrap::truncate(&line, inner, "…").into_owned();
            let _ = writeln!(s, "{pad}{}", style(line).dim());
        }
    }
    let v = d.outcome.verdict;
    let label = verdict_label(v, t);
    // Wrapped as one sentence, then the verdict coloured in place.
    let line = wrap(
        &format!("{} {label} — {}", t.why_leads_to, d.outcome.title),
        width - 2,
        "  ",
    );
    let line = line.replacen(label, &verdict_style(v).apply_to(label).to_string(), 1);
    let _ = writeln!(s, "  {line}");
}
