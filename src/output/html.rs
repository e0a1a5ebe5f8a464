//! The decision as one self-contained HTML page (`--format html`, and
//! `rapport.html` among the documents): the case it is about (the name of
//! the processing, software or dataset, the body and its service, the day
//! it was issued, when they are known), verdict, duties with their article
//! links, next steps, guides, « Pourquoi ? », references and the date of
//! the legal content. Printed, it is laid out on A4.
//!
//! In French whatever the interface language: it is a record of a legal
//! assessment, like the other documents. Printable (print styles), and
//! accessible: `lang="fr"`, landmarks (banner, navigation, main,
//! contentinfo), one `h1` then `h2`s, colours above the WCAG AA contrast
//! ratio, the verdict said in words and not by colour alone. Nothing is
//! loaded from outside: the styles are inline, there is no script, no
//! font and no image.
//!
//! Every text is escaped by [`markup`], the one escaping layer of the
//! project's HTML: this report and the pages of `aiguillage serve` are
//! both written through it.

pub mod markup;

use std::fmt::Write as _;

use crate::core::engine::{ArticleLink, Decision, FindingOut};
use crate::core::model::Verdict;
use crate::output::labels::{
    finding_groups, kind_label, step_findings, step_label, step_text, verdict_label,
};
use crate::output::references::References;
use crate::text::i18n::{FR, Texts};
pub use markup::escape;
use markup::{Escaped, rich};

/// The class that colours a verdict's badge.
pub fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Must => "must",
        Verdict::May => "may",
        Verdict::NotConcerned => "not-concerned",
        Verdict::NotYet => "not-yet",
        Verdict::Cannot => "cannot",
    }
}

/// What the report is about, as far as the answers file or the session
/// says it: a report sent up a hierarchy names its case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Case {
    /// The processing, software or dataset.
    pub name: Option<String>,
    pub organisme: Option<String>,
    pub service: Option<String>,
    /// The day the report was issued, `YYYY-MM-DD`.
    pub issued: Option<String>,
}

impl Case {
    /// The case from the free-text fields of the documents: the name
    /// that fits the tree that decided (`nom_traitement`, `nom_logiciel`
    /// or `titre_jeu`), the body and its service.
    pub fn from_fields(
        d: &Decision,
        fields: &std::collections::BTreeMap<String, String>,
        issued: Option<String>,
    ) -> Case {
        let get = |id: &str| {
            fields
                .get(id)
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                // Typed by a person: its control characters shown, not run.
                .map(|v| crate::text::escape::escape(v).into_owned())
        };
        let first = match d.decided_by.id.as_str() {
            "algorithmes" => "nom_traitement",
            "code_source" => "nom_logiciel",
            _ => "titre_jeu",
        };
        let name = get(first).or_else(|| {
            ["nom_traitement", "nom_logiciel", "titre_jeu"]
                .into_iter()
                .find_map(get)
        });
        Case {
            name,
            organisme: get("organisme"),
            service: get("service"),
            issued,
        }
    }
}

/// `2026-12-06` as « 6 décembre 2026 »; as given when it is not a date.
fn french_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => {
                let day = if d == 1 {
                    "1er".to_owned()
                } else {
                    d.to_string()
                };
                crate::text::typography::typeset_owned(format!("{day} {} {y}", MONTHS[m - 1]))
            }
            _ => date.to_owned(),
        },
        _ => date.to_owned(),
    }
}

/// The links of some articles, numbered as in « Références ».
fn article_links<'d>(articles: &'d [ArticleLink], refs: &mut References<'d>, t: &Texts) -> String {
    // Number them the way the text output does, so both read alike.
    let _ = refs.cite(articles, t);
    articles
        .iter()
        .map(|a| format!("<a href=\"{}\">{}</a>", escape(&a.url), escape(&a.label)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The report's styles; the pages of `aiguillage serve` start from them.
pub const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.55; color: #1e1e1e; background: #ffffff; }
.skip { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; background: #000091; color: #ffffff; }
.skip:focus { left: 1rem; z-index: 1; }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
header { border-bottom: 3px solid #000091; padding-top: 1rem; padding-bottom: .5rem; }
.product { margin: 0; font-weight: 700; color: #000091; }
.tree { margin: 0; color: #3a3a3a; }
nav ul { list-style: none; margin: .5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
a { color: #0b4f9c; text-underline-offset: .15em; }
a:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 1.5rem 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #cecece; padding-bottom: .2rem; }
.verdict { display: inline-block; padding: .1rem .6rem; border-radius: .25rem; color: #ffffff; font-size: .95rem; vertical-align: .15rem; margin-right: .4rem; }
.verdict.must { background: #7a3e00; }
.verdict.may { background: #1d5e20; }
.verdict.not-concerned { background: #4a4a4a; }
.verdict.not-yet { background: #1f4e8c; }
.verdict.cannot { background: #a10e0e; }
.summary { font-size: 1.05rem; }
li { margin: .35rem 0; }
.refs { color: #3a3a3a; font-size: .92rem; }
.why li { margin-bottom: .8rem; }
.why .answer { font-weight: 700; margin: 0; }
.why p { margin: .15rem 0; }
.why .added { color: #3a3a3a; font-size: .92rem; list-style: none; padding-left: 0; }
.case { margin: .25rem 0 0; font-size: 1.1rem; }
.issued { margin: 0; color: #3a3a3a; font-size: .92rem; }
.caveat { color: #3a3a3a; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; background: #f2f2f2; padding: .05rem .25rem; overflow-wrap: anywhere; }
footer { margin-top: 2.5rem; padding-top: .75rem; padding-bottom: 2rem; border-top: 1px solid #cecece; color: #3a3a3a; font-size: .92rem; }
@page { size: A4; margin: 14mm 15mm 16mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.4; }
  .skip, nav { display: none; }
  header, main, footer { max-width: none; padding: 0; }
  header { padding-top: 0; }
  a { color: #000000; text-decoration: none; }
  /* The addresses are printed once, in « Guides » and « Références ». */
  #guides + ul a[href^="http"]::after, #references + ol a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  h1 { font-size: 1.35rem; margin: .75rem 0 .5rem; }
  h2 { font-size: 1.05rem; margin: 1rem 0 .3rem; break-after: avoid; }
  li { margin: .15rem 0; break-inside: avoid; }
  .why li { margin-bottom: .35rem; }
  footer { margin-top: 1rem; padding-bottom: 0; }
  .verdict { color: #000000; background: none !important; border: 1.5px solid #000000; }
}
"#;

/// The decision as a self-contained HTML page, in French, without a
/// case named (see [`report`]).
pub fn html(d: &Decision) -> String {
    report(d, &Case::default())
}

/// The decision as a self-contained HTML page, in French, naming `case`.
pub fn report(d: &Decision, case: &Case) -> String {
    let t = &FR;
    let mut s = String::new();
    let v = d.outcome.verdict;
    let verdict = verdict_label(v, t);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"aiguillage\">\n\
         <title>{}{}{} {} — aiguillage</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        case.name
            .as_deref()
            .map(|n| format!("{} — ", escape(n)))
            .unwrap_or_default(),
        escape(verdict),
        escape(t.colon),
        escape(&d.outcome.title)
    );
    let _ = writeln!(
        s,
        "<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>"
    );

    let parts = sections(d);
    let toc = &parts.toc;
    let _ = writeln!(s, "<header>");
    let _ = writeln!(
        s,
        "<p class=\"product\">aiguillage — rapport de décision</p>"
    );
    // The case, then the tree and the day: what a reader up the hierarchy
    // needs to know which file this is.
    let body = [&case.organisme, &case.service]
        .into_iter()
        .flatten()
        .map(|s| escape(s))
        .collect::<Vec<_>>()
        .join(", ");
    match (&case.name, body.is_empty()) {
        (Some(name), true) => {
            let _ = writeln!(s, "<p class=\"case\"><strong>{}</strong></p>", escape(name));
        }
        (Some(name), false) => {
            let _ = writeln!(
                s,
                "<p class=\"case\"><strong>{}</strong> — {body}</p>",
                escape(name)
            );
        }
        (None, false) => {
            let _ = writeln!(s, "<p class=\"case\">{body}</p>");
        }
        (None, true) => {}
    }
    let _ = writeln!(s, "<p class=\"tree\">{}</p>", escape(&d.decided_by.title));
    if let Some(day) = &case.issued {
        let _ = writeln!(
            s,
            "<p class=\"issued\">{}</p>",
            escape(&crate::text::typography::typeset_owned(format!(
                "Rapport émis le {}",
                french_date(day)
            )))
        );
    }
    let _ = writeln!(s, "<nav aria-label=\"Sommaire\">\n<ul>");
    for (anchor, title) in toc {
        let _ = writeln!(s, "<li><a href=\"#{anchor}\">{}</a></li>", escape(title));
    }
    let _ = writeln!(s, "</ul>\n</nav>\n</header>");

    let _ = writeln!(s, "<main id=\"contenu\">");
    let _ = writeln!(
        s,
        "<h1><span class=\"verdict {}\">{}</span> {}</h1>",
        verdict_class(v),
        escape(verdict),
        escape(&d.outcome.title)
    );
    s.push_str(parts.detail.as_str());
    s.push_str(parts.changes.as_str());
    s.push_str(parts.references.as_str());
    let _ = writeln!(s, "</main>");

    let _ = writeln!(
        s,
        "<footer>\n<p>{}</p>\n<p>{}</p>\n</footer>\n</body>\n</html>",
        escape(&t.questionnaire_footer(
            &d.decided_by.title,
            &d.decided_by.version,
            &d.decided_by.legal_date
        )),
        escape(t.not_legal_advice)
    );
    s
}

/// The report's sections apart, for a page that lays them out its own
/// way (the decision page of `aiguillage serve`): the report is its title,
/// then these in order.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// Each section present: its anchor and its title.
    pub toc: Vec<(&'static str, &'static str)>,
    /// The summary, the findings by kind, the next steps, the guides and
    /// « Pourquoi ? ».
    pub detail: Escaped,
    /// « Ce qui changerait le résultat », when the decision was asked.
    pub changes: Escaped,
    /// Every article cited above, numbered, with its link and caveat.
    pub references: Escaped,
}

/// The sections of the report of `d`, in French.
pub fn sections(d: &Decision) -> Sections {
    let t = &FR;
    let mut s = String::new();
    let mut refs = References::default();
    // The sections present, for the table of contents.
    let groups: Vec<(&'static str, &'static str, Vec<&FindingOut>)> = finding_groups(t)
        .into_iter()
        .zip(["obligations", "possibilites", "vigilance", "a-savoir"])
        .map(|((kind, title), anchor)| (anchor, title, d.findings_of(kind).collect::<Vec<_>>()))
        .filter(|(_, _, items)| !items.is_empty())
        .collect();
    let mut toc: Vec<(&str, &str)> = groups.iter().map(|(a, title, _)| (*a, *title)).collect();
    if !d.outcome.next_steps.is_empty() {
        toc.push(("etapes", t.next_steps));
    }
    toc.extend([("guides", t.guides), ("pourquoi", t.why)]);
    if d.what_would_change.is_some() {
        toc.push(("changerait", crate::output::change::msg::heading(t)));
    }
    toc.push(("references", t.references));

    let _ = writeln!(
        s,
        "<p class=\"summary\">{}</p>",
        rich(d.outcome.summary.trim())
    );

    for (anchor, title, items) in &groups {
        let _ = writeln!(
            s,
            "<section aria-labelledby=\"{anchor}\">\n<h2 id=\"{anchor}\">{}</h2>\n<ul>",
            escape(title)
        );
        for f in items {
            let _ = write!(s, "<li id=\"constat-{}\">{}", escape(&f.id), rich(&f.text));
            if !f.articles.is_empty() {
                let links = article_links(&f.articles, &mut refs, t);
                let _ = write!(s, " <span class=\"refs\">({links})</span>");
            }
            let _ = writeln!(s, "</li>");
        }
        let _ = writeln!(s, "</ul>\n</section>");
    }

    if !d.outcome.next_steps.is_empty() {
        let _ = writeln!(
            s,
            "<section aria-labelledby=\"etapes\">\n<h2 id=\"etapes\">{}</h2>\n<ol>",
            escape(t.next_steps)
        );
        for step in &d.outcome.next_steps {
            let _ = writeln!(s, "<li>{}</li>", rich(step));
        }
        let _ = writeln!(s, "</ol>\n</section>");
    }

    let _ = writeln!(
        s,
        "<section aria-labelledby=\"guides\">\n<h2 id=\"guides\">{}</h2>\n<ul>",
        escape(t.guides)
    );
    for g in &d.guides {
        let _ = write!(
            s,
            "<li><a href=\"{}\">{}</a>",
            escape(&g.url),
            escape(&g.title)
        );
        if let Some(n) = &g.successor {
            let _ = write!(
                s,
                " ({} <a href=\"{}\">{}</a>)",
                escape(t.newer_version),
                escape(n),
                escape(n)
            );
        }
        let _ = writeln!(s, "</li>");
    }
    let _ = writeln!(s, "</ul>\n</section>");

    why(&mut s, d, t, &mut refs);
    let detail = Escaped(std::mem::take(&mut s));
    changes(&mut s, d, t);
    let changes = Escaped(std::mem::take(&mut s));
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"references\">\n<h2 id=\"references\">{}</h2>\n<ol>",
        escape(t.references)
    );
    for a in &refs.cited {
        let _ = write!(
            s,
            "<li><a href=\"{}\">{}</a>",
            escape(&a.url),
            escape(&a.label)
        );
        if let Some(c) = &a.caveat {
            let _ = write!(s, " <span class=\"caveat\">— {}</span>", rich(c.trim()));
        }
        let _ = writeln!(s, "</li>");
    }
    let _ = writeln!(s, "</ol>\n</section>");
    Sections {
        toc: toc.into_iter().collect(),
        detail,
        changes,
        references: Escaped(s),
    }
}

/// « Ce qui changerait le résultat » (see [`crate::output::change`]),
/// when the decision was asked.
fn changes(s: &mut String, d: &Decision, t: &Texts) {
    use crate::output::change::{answer_words, by_step, msg, obligation_lines, result_words};
    if d.what_would_change.is_none() {
        return;
    }
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"changerait\" class=\"why\">\n<h2 id=\"changerait\">{}</h2>",
        escape(msg::heading(t))
    );
    let steps = by_step(d);
    if steps.is_empty() {
        let _ = writeln!(s, "<p>{}</p>\n</section>", escape(msg::nothing(t)));
        return;
    }
    let _ = writeln!(s, "<p>{}</p>\n<ul>", escape(msg::intro_unnumbered(t)));
    for (_, step, changes) in steps {
        let _ = write!(s, "<li><p>{}</p><ul>", escape(&step_text(step, t)));
        for c in changes {
            let _ = write!(
                s,
                "<li>{}{} {}",
                escape(&answer_words(c, t)),
                escape(t.colon),
                escape(&result_words(c, d, t))
            );
            let lines = obligation_lines(c, t);
            if !lines.is_empty() {
                let _ = write!(s, "<ul>");
                for o in lines {
                    let _ = write!(s, "<li>{}</li>", escape(&o));
                }
                let _ = write!(s, "</ul>");
            }
            let _ = write!(s, "</li>");
        }
        let _ = writeln!(s, "</ul></li>");
    }
    let _ = writeln!(s, "</ul>\n</section>");
}

/// « Pourquoi ? »: every answer, what it implies, its articles and the
/// findings it added; then the verdict.
fn why<'d>(s: &mut String, d: &'d Decision, t: &Texts, refs: &mut References<'d>) {
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"pourquoi\" class=\"why\">\n<h2 id=\"pourquoi\">{}</h2>\n<p>{}</p>\n<ol>",
        escape(t.why),
        escape(t.why_intro)
    );
    for step in &d.path {
        let _ = write!(s, "<li><p>{}</p>", escape(&step_text(step, t)));
        let _ = write!(
            s,
            "<p class=\"answer\">→ {}</p>",
            escape(&step_label(step, t))
        );
        if let Some(b) = &step.because {
            let _ = write!(s, "<p>{}</p>", rich(b));
        }
        if !step.articles.is_empty() {
            let links = article_links(&step.articles, refs, t);
            let _ = write!(s, "<p class=\"refs\">{links}</p>");
        }
        // What the answer added, by name and a link to where it is said
        // in full: not its whole text a second time.
        let added = step_findings(d, step);
        if !added.is_empty() {
            let _ = write!(s, "<ul class=\"added\">");
            for f in added {
                let name = finding_name(f);
                let _ = write!(
                    s,
                    "<li>+ {}{} <a href=\"#constat-{}\">{}</a></li>",
                    escape(kind_label(f.kind, t)),
                    escape(t.colon),
                    escape(&f.id),
                    escape(&name)
                );
            }
            let _ = write!(s, "</ul>");
        }
        let _ = writeln!(s, "</li>");
    }
    let _ = writeln!(
        s,
        "</ol>\n<p>{} <strong>{}</strong> — {}</p>\n</section>",
        escape(t.why_leads_to),
        escape(verdict_label(d.outcome.verdict, t)),
        escape(&d.outcome.title)
    );
}

/// How « Pourquoi ? » names a finding it links to: its short form, else
/// its first sentence, else (a text of one sentence) its first words —
/// never its whole text, which its section already shows.
fn finding_name(f: &crate::core::engine::FindingOut) -> std::borrow::Cow<'_, str> {
    if let Some(short) = &f.short {
        return std::borrow::Cow::Borrowed(short);
    }
    let first = crate::output::text::first_sentence(&f.text);
    if first.trim().len() < f.text.trim().len() {
        return std::borrow::Cow::Borrowed(first);
    }
    let columns = crate::text::wrap::columns(&f.text);
    crate::text::wrap::shorten(&f.text, (columns * 2 / 3).clamp(20, 60))
}

#[cfg(test)]
mod tests {
    use super::french_date;

    #[test]
    fn french_dates_are_written_out() {
        assert_eq!(
            french_date("2026-12-06").replace('\u{a0}', " "),
            "6 décembre 2026"
        );
        assert_eq!(
            french_date("2027-01-01").replace('\u{a0}', " "),
            "1er janvier 2027"
        );
        assert_eq!(french_date("bientôt"), "bientôt");
    }
}
