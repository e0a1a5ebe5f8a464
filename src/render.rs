//! A [`Decision`] → text for a person, JSON for a program, Markdown for a
//! ticket, or just the guide links. Rendering decides nothing.

use std::fmt::Write as _;

use console::{Style, style};

use crate::engine::{ArticleLink, Decision, FindingOut, GuideLink, Step};
use crate::i18n::Texts;
use crate::model::{FindingKind, Verdict};
use crate::term::Glyphs;

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

fn verdict_label(v: Verdict, t: &Texts) -> &'static str {
    match v {
        Verdict::Must => t.verdict_must,
        Verdict::May => t.verdict_may,
        Verdict::NotConcerned => t.verdict_not_concerned,
        Verdict::NotYet => t.verdict_not_yet,
        Verdict::Cannot => t.verdict_cannot,
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

/// Each group of findings with its heading, in the order they are shown.
fn finding_groups(t: &Texts) -> [(FindingKind, &'static str); 4] {
    [
        (FindingKind::Obligation, t.group_obligation),
        (FindingKind::Recommendation, t.group_recommendation),
        (FindingKind::Warning, t.group_warning),
        (FindingKind::Note, t.group_note),
    ]
}

fn kind_label(k: FindingKind, t: &Texts) -> &'static str {
    match k {
        FindingKind::Obligation => t.kind_obligation,
        FindingKind::Recommendation => t.kind_recommendation,
        FindingKind::Warning => t.kind_warning,
        FindingKind::Note => t.kind_note,
    }
}

fn heading(s: &str) -> String {
    style(s).bold().underlined().to_string()
}

/// Wraps `text` at `width` columns, with `indent` before every line but the
/// first (which the caller has already started).
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    wrap_with(text, width, indent, console::measure_text_width)
}

/// As [`wrap`], measuring words with `measure` (columns, or bytes for
/// widgets that count bytes).
pub fn wrap_with(text: &str, width: usize, indent: &str, measure: fn(&str) -> usize) -> String {
    let mut out = String::new();
    for (pi, para) in text.split('\n').enumerate() {
        if pi > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        let mut col = 0;
        for (wi, word) in french_words(para).iter().enumerate() {
            let w = measure(word);
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

/// Words that a line may break between. French typography puts a space
/// inside « » and before : ; ? ! — those spaces never break a line, nor
/// do the ones inside a number (« 3 500 ») or after « n° » and « art. ».
fn french_words(para: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for w in para.split_whitespace() {
        let glue_prev = matches!(w, "»" | ":" | ";" | "?" | "!")
            || w.starts_with('»')
            || words.last().is_some_and(|last| thousands(last, w));
        match words.last_mut() {
            Some(last) if glue_next || glue_prev => {
                last.push(' ');
                last.push_str(w);
            }
            _ => words.push(w.to_owned()),
        }
        glue_next = matches!(w, "«" | "n°" | "art." | "(n°");
    }
    words
}

/// Whether `next` continues the number that `last` ends with, as in
/// « 3 500 » or « 1 200 000 »: `last` ends with one to three digits and
/// `next` is three digits, maybe followed by punctuation.
fn thousands(last: &str, next: &str) -> bool {
    let tail = last.len() - last.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = next.len() - next.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = next[head..].chars().next();
    (1..=3).contains(&tail) && head == 3 && !after.is_some_and(char::is_alphanumeric)
}

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
                let cited = refs.cite(&f.articles);
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

/// The articles a decision cites, numbered in order of first citation.
#[derive(Default)]
struct References<'d> {
    cited: Vec<&'d ArticleLink>,
}

impl<'d> References<'d> {
    /// « CRPA, art. L311-3-1 [1] ; CRPA, art. R311-3-1-1 [2] ».
    fn cite(&mut self, articles: &'d [ArticleLink]) -> String {
        articles
            .iter()
            .map(|a| format!("{} [{}]", a.label, self.number(a)))
            .collect::<Vec<_>>()
            .join(&format!("{} ", crate::i18n::texts().semicolon))
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
    /// never cut), and the caveat on the link when there is one.
    fn write(&self, s: &mut String, t: &Texts, width: usize) {
        if self.cited.is_empty() {
            return;
        }
        let _ = writeln!(s, "\n{}", heading(t.references));
        for (i, a) in self.cited.iter().enumerate() {
            let n = format!("[{}]", i + 1);
            let pad = " ".repeat(n.len() + 3);
            let _ = writeln!(s, "  {n} {}", a.label);
            let _ = writeln!(s, "{pad}{}", style(&a.url).cyan());
            if let Some(c) = &a.caveat {
                let _ = writeln!(s, "{pad}{}", style(wrap(c, width - pad.len(), &pad)).dim());
            }
        }
    }
}

/// The text of a step; a worked-out one (a `tally`) says so, since it is
/// not one of the user's answers.
fn step_text(step: &Step, t: &Texts) -> String {
    if step.computed {
        format!("{} ({})", step.text, t.why_computed)
    } else {
        step.text.clone()
    }
}

/// The findings a step added, as the user saw them above.
fn step_findings<'d>(d: &'d Decision, step: &Step) -> Vec<&'d FindingOut> {
    step.findings
        .iter()
        .filter_map(|id| d.findings.iter().find(|f| &f.id == id))
        .collect()
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
                wrap(&step.label, inner.saturating_sub(3), &label_pad)
            ))
            .bold()
        );
        if let Some(b) = &step.because {
            let _ = writeln!(s, "{pad}{}", wrap(b, inner, &pad));
        }
        if !step.articles.is_empty() {
            let cited = refs.cite(&step.articles);
            let line = wrap(&cited, inner.saturating_sub(2), &label_pad);
            let _ = writeln!(s, "{pad}{} {}", style(g.sub).dim(), style(line).dim());
        }
        for f in step_findings(d, step) {
            let line = format!("+ {}{} {}", kind_label(f.kind, t), t.colon, f.text);
            let line = console::truncate_str(&line, inner, "…").into_owned();
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

/// The full decision as pretty JSON (★ contract). Never translated: the
/// `path` holds the same « Pourquoi ? » trace (`because`, `articles`,
/// `findings` of each answer).
pub fn json(d: &Decision) -> String {
    let mut s = serde_json::to_string_pretty(d).expect("a Decision always serialises");
    s.push('\n');
    s
}

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
        let _ = write!(s, "{}. {} **{}**", i + 1, step_text(step, t), step.label);
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
        refs.cite(&f.articles);
    }
    for step in &d.path {
        refs.cite(&step.articles);
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
    fn wrap_never_breaks_inside_guillemets_or_before_punctuation() {
        let w = wrap("aa « Revenir » bb : cc", 8, "");
        assert_eq!(w, "aa\n« Revenir »\nbb : cc");
    }

    #[test]
    fn wrap_never_splits_a_number_or_a_reference() {
        let w = wrap("au moins 3 500 habitants et n° 2016-1922", 10, "");
        assert!(w.contains("3 500"), "{w}");
        assert!(w.contains("n° 2016-1922"), "{w}");
        // Not glued: a year after a number, a four-digit word.
        assert_eq!(french_words("en 2016 2017"), ["en", "2016", "2017"]);
        assert_eq!(french_words("1 200 000 €"), ["1 200 000", "€"]);
    }

    #[test]
    fn wrap_keeps_words_whole_and_indents() {
        let w = wrap("un deux trois quatre", 9, "  ");
        assert_eq!(w, "un deux\n  trois\n  quatre");
    }
}
