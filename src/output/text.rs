//! The decision for a person at a terminal: verdict, duties, next steps,
//! guides, « Pourquoi ? » and references, wrapped at the terminal's width.

use std::fmt::Write as _;

use console::style;

use crate::core::engine::{Decision, FindingOut};
use crate::core::model::FindingKind;
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
    /// Everything (`--detail`): findings in full, notes, caveats, every
    /// guide. Otherwise the brief decision a busy agent reads in two
    /// minutes (see [`brief`]).
    pub detail: bool,
}

/// The width of a decision when nothing narrower is known.
pub const DEFAULT_WIDTH: usize = 78;

/// A width no line reaches: lines are not wrapped.
pub const NO_WRAP: usize = 100_000;

/// The decision for a person: brief, or in full with `look.detail`.
pub fn text(d: &Decision, look: Look) -> String {
    if look.detail {
        full(d, look)
    } else {
        brief(d, look)
    }
}

/// The most words a brief decision shows before « Pourquoi ? ».
pub const BRIEF_WORDS: usize = 300;

/// Words as a reader counts them: bullets, arrows and punctuation that
/// stand alone are not words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The brief decision, at most [`BRIEF_WORDS`] words before « Pourquoi ? »:
/// the verdict in one sentence, one line per duty with its main article,
/// then, as long as they fit and in this order of need, the guide to read
/// first, the next steps, the points to watch and what you may do; what
/// does not fit is counted, for `--detail`. Then « Pourquoi ? » and the
/// references. The summary, notes and caveats are left to `--detail`.
pub fn brief(d: &Decision, look: Look) -> String {
    let (t, g, width) = (look.texts, look.glyphs, look.width);
    let mut s = String::new();
    let mut refs = References::default();
    if !t.legal_content_in_french.is_empty() {
        let _ = writeln!(s, "{}\n", style(t.legal_content_in_french).dim());
    }
    verdict_line(&mut s, d, look);
    let items = brief_items(d, &mut refs);
    let BriefItems {
        duties,
        guide: _,
        steps,
        warnings,
        may,
    } = &items;
    // Counted without the colours' escape codes: the same words show
    // whatever the terminal.
    let fit = brief_fit(&items, t, word_count(&console::strip_ansi_codes(&s)));
    let (kept_duties, kept_guide, kept_steps, kept_warnings, kept_may) =
        (fit.duties, fit.guide, fit.steps, fit.warnings, fit.may);
    let mut left = 0;
    let mut section = |s: &mut String,
                       title: &str,
                       items: &[String],
                       (shown, rest): (usize, usize),
                       numbered: bool| {
        left += rest;
        if shown == 0 {
            return;
        }
        let _ = writeln!(s, "\n{}", heading(title));
        for (i, item) in items.iter().take(shown).enumerate() {
            if numbered {
                let _ = writeln!(s, "  {}. {}", i + 1, wrap(item, width - 5, "     "));
            } else {
                let _ = writeln!(s, "  {} {}", g.bullet, wrap(item, width - 4, "    "));
            }
        }
    };
    section(&mut s, t.group_obligation, duties, kept_duties, false);
    section(&mut s, t.group_recommendation, may, kept_may, false);
    section(&mut s, t.group_warning, warnings, kept_warnings, false);
    section(&mut s, t.next_steps, steps, kept_steps, true);
    if kept_guide.0 > 0
        && let Some(gl) = d.outcome.guides.first()
    {
        let _ = writeln!(s, "\n{}", heading(t.read_first));
        let _ = writeln!(s, "  {} {}", g.bullet, wrap(&gl.title, width - 4, "    "));
        let _ = writeln!(s, "    {}", style(&gl.url).cyan());
    }
    left += kept_guide.1;
    if left > 0 {
        let _ = writeln!(
            s,
            "\n{}",
            style(wrap(&t.more_in_detail(left), width, "")).dim()
        );
    }
    why_text(&mut s, d, look, &mut refs);
    refs.write(&mut s, t, width, false);
    footer(&mut s, d, look);
    let _ = writeln!(s, "{}", style(wrap(t.more_with_detail, width, "")).dim());
    s
}

/// The lines a brief decision may show, in the words of the text output:
/// one per duty, the guide to read first, the next steps, one per point to
/// watch and one per thing you may do. Each finding's main article is
/// numbered in `refs` as it is cited.
#[derive(Debug, Clone, Default)]
pub struct BriefItems {
    pub duties: Vec<String>,
    /// « title url » of the guide to read first.
    pub guide: Vec<String>,
    pub steps: Vec<String>,
    pub warnings: Vec<String>,
    pub may: Vec<String>,
}

/// The lines of a brief decision (see [`BriefItems`]).
pub fn brief_items<'d>(d: &'d Decision, refs: &mut References<'d>) -> BriefItems {
    let duties = brief_lines(d, FindingKind::Obligation, refs);
    let guide: Vec<String> = d
        .outcome
        .guides
        .first()
        .map(|gl| vec![format!("{} {}", gl.title, gl.url)])
        .unwrap_or_default();
    let steps: Vec<String> = d.outcome.next_steps.clone();
    let warnings = brief_lines(d, FindingKind::Warning, refs);
    let may = brief_lines(d, FindingKind::Recommendation, refs);
    BriefItems {
        duties,
        guide,
        steps,
        warnings,
        may,
    }
}

/// How many lines of each group a brief decision shows, and how many it
/// leaves to the detail: `(shown, left)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BriefFit {
    pub duties: (usize, usize),
    pub guide: (usize, usize),
    pub steps: (usize, usize),
    pub warnings: (usize, usize),
    pub may: (usize, usize),
}

impl BriefFit {
    /// The lines left to the detail, in every group.
    pub fn left(&self) -> usize {
        self.duties.1 + self.guide.1 + self.steps.1 + self.warnings.1 + self.may.1
    }
}

/// What fits in [`BRIEF_WORDS`] once `used` words are written (the
/// verdict line, counted without any styling): the duties always, then, in this order of need, the
/// guide to read first, the next steps, the points to watch and what you
/// may do, each group as far as it fits. Every output that shows a brief
/// decision chooses its lines here.
pub fn brief_fit(items: &BriefItems, t: &Texts, used: usize) -> BriefFit {
    // The line that counts what was left out is paid for up front.
    let mut budget = BRIEF_WORDS
        .saturating_sub(used)
        .saturating_sub(word_count(&t.more_in_detail(99)));
    let mut take = |title: &str, items: &[String], always: bool| -> (usize, usize) {
        if items.is_empty() {
            return (0, 0);
        }
        let mut cost = word_count(title);
        let mut shown = 0;
        for item in items {
            // A bullet is no word; a step's number is one.
            let w = word_count(item) + usize::from(title == t.next_steps);
            if !always && cost + w > budget {
                break;
            }
            cost += w;
            shown += 1;
        }
        if shown == 0 && !always {
            return (0, items.len());
        }
        budget = budget.saturating_sub(cost);
        (shown, items.len() - shown)
    };
    let duties = take(t.group_obligation, &items.duties, true);
    let guide = take(t.read_first, &items.guide, false);
    let steps = take(t.next_steps, &items.steps, false);
    let warnings = take(t.group_warning, &items.warnings, false);
    let may = take(t.group_recommendation, &items.may, false);
    BriefFit {
        duties,
        guide,
        steps,
        warnings,
        may,
    }
}

/// The findings of `kind`, one line each: the short form (or the first
/// sentence) and its main article; every article is in « Pourquoi ? » and
/// `--detail`.
fn brief_lines<'d>(d: &'d Decision, kind: FindingKind, refs: &mut References<'d>) -> Vec<String> {
    d.findings_of(kind)
        .map(|f| {
            let mut line = f
                .short
                .as_deref()
                .unwrap_or_else(|| first_sentence(&f.text))
                .to_owned();
            if let Some(a) = f.articles.first() {
                let _ = write!(line, " ({})", refs.cite_brief(a));
            }
            line
        })
        .collect()
}

/// The first sentence of `text`: up to the first full stop followed by a
/// space and a capital letter, abbreviations (« art. L311-1 », « n° »)
/// left whole. The whole text when it has one sentence.
pub fn first_sentence(text: &str) -> &str {
    const ABBREVIATIONS: [&str; 8] = ["art", "al", "cf", "p", "M", "Mme", "etc", "ex"];
    let text = text.trim();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        let before = text[..i]
            .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '\'' | '’'))
            .next()
            .unwrap_or_default();
        let next = text[i + 2..].chars().next();
        let capital = next.is_some_and(|c| c.is_uppercase() || c == '«');
        if capital && !ABBREVIATIONS.contains(&before) && i + 1 < bytes.len() {
            return &text[..=i];
        }
    }
    text
}

/// The verdict line alone, without its line break: what the review shows
/// before the result, and what is repeated under a long decision.
pub fn verdict(d: &Decision, look: Look) -> String {
    let mut s = String::new();
    verdict_line(&mut s, d, look);
    s.truncate(s.trim_end().len());
    s
}

fn verdict_line(s: &mut String, d: &Decision, look: Look) {
    let (t, g, width) = (look.texts, look.glyphs, look.width);
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
}

fn footer(s: &mut String, d: &Decision, look: Look) {
    let (t, width) = (look.texts, look.width);
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
}

/// The decision in full (`--detail`).
pub fn full(d: &Decision, look: Look) -> String {
    let (t, g, width) = (look.texts, look.glyphs, look.width);
    let mut s = String::new();
    // Articles are cited by label and number where they matter; each link
    // is printed once, with its caveat, under « Références ».
    let mut refs = References::default();
    if !t.legal_content_in_french.is_empty() {
        let _ = writeln!(s, "{}\n", style(t.legal_content_in_french).dim());
    }
    verdict_line(&mut s, d, look);
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
    refs.write(&mut s, t, width, true);
    footer(&mut s, d, look);
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
            // Cut at a word's end: the finding in full is in its section.
            let line = crate::text::wrap::shorten(&line, inner).into_owned();
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
