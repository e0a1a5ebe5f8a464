//! The pages of `aiguillage serve`, written through the one escaping
//! layer ([`crate::output::html::markup`]): every text and attribute
//! value goes in escaped. The pages work without JavaScript (there is
//! none), in French or English like the rest of the interface (the legal
//! content stays in French), and follow RGAA 4.1 / WCAG 2.1 AA: a skip
//! link, landmarks, one `h1`, labels, radio groups in fieldsets with a
//! legend, visible focus, contrast, and a layout that holds at 320 px
//! and at 200 % zoom.

use std::collections::BTreeMap;

use crate::core::catalog::Bundle;
use crate::core::engine::{Decision, Step};
use crate::core::model::{Answer, Question, QuestionKind};
use crate::front::session::{Dropped, term_help};
use crate::front::web::msg;
use crate::front::web::query::{self, FIELD_PREFIX, WAS_PREFIX};
use crate::output::documents::Rendered;
use crate::output::html::markup::Html;
use crate::output::html::verdict_class;
use crate::output::labels::{step_label, step_text, verdict_label};
use crate::text::i18n::{Lang, Texts, texts};

/// The stylesheet: the report's, then the forms'.
pub fn stylesheet() -> String {
    format!(
        "{}{}",
        crate::output::html::STYLE,
        include_str!("style.css")
    )
}

/// A whole page around `main`, titled `title`.
pub fn page(title: &str, main: &Html) -> String {
    let t = texts();
    let mut h = Html::new();
    h.raw("<!DOCTYPE html>\n")
        .open(
            "html",
            &[(
                "lang",
                Some(match t.lang {
                    Lang::Fr => "fr",
                    Lang::En => "en",
                }),
            )],
        )
        .raw("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
        .text(title)
        .raw(" — aiguillage</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n")
        .open("a", &[("class", Some("skip")), ("href", Some("#contenu"))])
        .text(&msg::skip())
        .close("a")
        .raw("\n<header>\n<p class=\"product\"><a href=\"/\">aiguillage</a></p>\n")
        .element("p", &[("class", Some("tree"))], &msg::tagline())
        .open("nav", &[("aria-label", Some(&msg::nav_label()))])
        .raw("\n<ul>\n<li>")
        .link("/", &msg::start_over())
        .raw("</li>\n<li>")
        .link("/inventaire", &msg::inventory())
        .raw("</li>\n<li>")
        .link("/glossaire", &msg::glossary())
        .raw("</li>\n</ul>\n</nav>\n</header>\n<main id=\"contenu\">\n")
        .fragment(main)
        .raw("</main>\n<footer>\n")
        .element("p", &[], t.not_legal_advice)
        .raw("\n</footer>\n</body>\n</html>\n");
    h.into_string()
}

/// Legal content (French) inside a page in another language.
fn content(h: &mut Html, tag: &'static str, attrs: &[(&'static str, Option<&str>)], text: &str) {
    let mut attrs = attrs.to_vec();
    if texts().lang != Lang::Fr {
        attrs.push(("lang", Some("fr")));
    }
    h.element(tag, &attrs, text);
}

/// The form fields that carry a decision's state along: the questionnaire,
/// every answer but `except`, the fields.
pub fn hidden(
    h: &mut Html,
    bundle: &Bundle,
    questionnaire: Option<&str>,
    answers: &BTreeMap<String, Answer>,
    fields: &BTreeMap<String, String>,
    except: Option<&str>,
) {
    if let Some(q) = questionnaire {
        h.open(
            "input",
            &[
                ("type", Some("hidden")),
                ("name", Some("questionnaire")),
                ("value", Some(q)),
            ],
        );
    }
    let mut ids: Vec<&String> = answers
        .keys()
        .filter(|k| Some(k.as_str()) != except)
        .collect();
    ids.sort_by_cached_key(|id| bundle.question_ids().position(|x| x == id.as_str()));
    for id in ids {
        h.open(
            "input",
            &[
                ("type", Some("hidden")),
                ("name", Some(id)),
                ("value", Some(&query::value(&answers[id]))),
            ],
        );
    }
    for (id, v) in fields {
        h.open(
            "input",
            &[
                ("type", Some("hidden")),
                ("name", Some(&format!("{FIELD_PREFIX}{id}"))),
                ("value", Some(v)),
            ],
        );
    }
    h.raw("\n");
}

/// A question page: how it was reached and what to show with it.
pub struct Ask<'a> {
    pub bundle: &'a Bundle,
    pub question: &'a Question,
    /// The steps before it on the path.
    pub path: &'a [Step],
    pub questionnaire: Option<&'a str>,
    /// The answers carried along (the question's own is left out).
    pub answers: &'a BTreeMap<String, Answer>,
    pub fields: &'a BTreeMap<String, String>,
    /// The answer offered: the current one when editing.
    pub selected: Option<&'a Answer>,
    /// Editing from the review or going back: the answer being replaced.
    pub editing: Option<&'a Answer>,
    pub progress: (usize, usize),
    /// Answers dropped by the change just made.
    pub dropped: &'a [Dropped],
    /// The form was sent without an answer.
    pub unanswered: bool,
    /// The address of the state the page is in, for its links.
    pub here: &'a str,
}

/// Whether `a` is the answer choice `value` stands for.
fn is_choice(a: Option<&Answer>, value: &str) -> bool {
    match a {
        Some(Answer::Bool(b)) => value == if *b { "oui" } else { "non" },
        Some(Answer::Text(t)) => t == value,
        _ => false,
    }
}

/// The value a choice is sent as: `true`/`false` for a yes/no question.
fn choice_value(q: &Question, value: &str) -> String {
    match (q.kind, value) {
        (QuestionKind::YesNo, "oui") => "true".into(),
        (QuestionKind::YesNo, "non") => "false".into(),
        _ => value.into(),
    }
}

/// `/modifier/ID?state`: the address that edits question `id`.
pub fn edit_href(id: &str, here: &str) -> String {
    let id = percent_encoding::utf8_percent_encode(id, query::KEPT);
    format!("/modifier/{id}?{here}")
}

pub fn question(a: &Ask<'_>) -> String {
    let t = texts();
    let q = a.question;
    let mut h = Html::new();
    if a.path.is_empty() && a.editing.is_none() {
        h.element("p", &[("class", Some("intro"))], &msg::intro());
    }
    if !t.legal_content_in_french.is_empty() {
        h.element("p", &[("class", Some("note"))], t.legal_content_in_french);
    }
    dropped(&mut h, a.dropped);
    let mut progress = msg::progress(a.progress.0, a.progress.1);
    if let Some(section) = &q.section {
        progress.push_str(" — ");
        progress.push_str(section);
    }
    h.element("p", &[("class", Some("progress"))], &progress);
    if a.unanswered {
        h.open(
            "div",
            &[
                ("class", Some("error")),
                ("role", Some("alert")),
                ("id", Some("erreur")),
            ],
        )
        .element("p", &[], &msg::answer_required())
        .close("div");
    }
    let action = match a.editing {
        Some(_) => {
            let id =
                percent_encoding::utf8_percent_encode(&q.id, percent_encoding::NON_ALPHANUMERIC);
            format!("/modifier/{id}")
        }
        None => "/".into(),
    };
    h.open(
        "form",
        &[
            ("method", Some("get")),
            ("action", Some(&action)),
            ("class", Some("question")),
        ],
    )
    .raw("\n");
    hidden(
        &mut h,
        a.bundle,
        a.questionnaire,
        a.answers,
        a.fields,
        Some(&q.id),
    );
    if let Some(was) = a.editing {
        h.open(
            "input",
            &[
                ("type", Some("hidden")),
                ("name", Some(&format!("{WAS_PREFIX}{}", q.id))),
                ("value", Some(&query::value(was))),
            ],
        );
    }
    let described = "aide".to_owned();
    let invalid = a.unanswered.then_some("true");
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => {
            h.open(
                "fieldset",
                &[
                    ("aria-describedby", Some(&described)),
                    ("aria-invalid", invalid),
                ],
            )
            .raw("\n<legend>");
            content(&mut h, "h1", &[], &q.text);
            h.raw("</legend>\n");
            for (i, c) in q.choices.iter().enumerate() {
                let id = format!("choix-{}", i + 1);
                let checked = is_choice(a.selected, &c.value).then_some("");
                h.raw("<div class=\"choice\">").open(
                    "input",
                    &[
                        ("type", Some("radio")),
                        ("id", Some(&id)),
                        ("name", Some(&q.id)),
                        ("value", Some(&choice_value(q, &c.value))),
                        ("required", Some("")),
                        ("checked", checked),
                    ],
                );
                content(&mut h, "label", &[("for", Some(&id))], &c.label);
                h.raw("</div>\n");
            }
            h.raw("</fieldset>\n");
        }
        QuestionKind::Number | QuestionKind::Text | QuestionKind::Tally | QuestionKind::Switch => {
            let hint = match q.kind {
                QuestionKind::Number => match &q.unit {
                    Some(u) => msg::number_hint_unit(u),
                    None => msg::number_hint(),
                },
                _ => msg::text_hint(),
            };
            let value = a.selected.map(|s| match (q.kind, s) {
                (QuestionKind::Number, Answer::Number(n)) => {
                    crate::text::number::fmt_num(*n).replace('.', t.decimal)
                }
                (_, other) => query::value(other),
            });
            h.raw("<h1>");
            let mut label = Html::new();
            content(&mut label, "span", &[], &q.text);
            h.open("label", &[("for", Some("reponse"))])
                .fragment(&label)
                .close("label")
                .raw("</h1>\n")
                .element(
                    "p",
                    &[("class", Some("hint")), ("id", Some("indication"))],
                    &hint,
                )
                .open(
                    "input",
                    &[
                        ("type", Some("text")),
                        ("id", Some("reponse")),
                        ("name", Some(&q.id)),
                        (
                            "inputmode",
                            (q.kind == QuestionKind::Number).then_some("decimal"),
                        ),
                        ("autocomplete", Some("off")),
                        ("required", Some("")),
                        ("value", value.as_deref()),
                        ("aria-describedby", Some(&format!("indication {described}"))),
                        ("aria-invalid", invalid),
                    ],
                )
                .raw("\n");
        }
    }
    help(&mut h, a.bundle, q, &described);
    h.raw("<div class=\"actions\">")
        .element(
            "button",
            &[("type", Some("submit"))],
            &match a.editing {
                Some(_) => msg::change_button(),
                None => msg::continue_button(),
            },
        )
        .raw("</div>\n</form>\n<ul class=\"links\">\n");
    if a.editing.is_some() {
        h.raw("<li>")
            .link(&format!("/?{}", a.here), &msg::cancel_edit())
            .raw("</li>\n");
    }
    if let Some(last) = crate::front::session::last_asked(a.path) {
        h.raw("<li>")
            .link(&edit_href(&last.question, a.here), t.back_entry)
            .raw("</li>\n");
    }
    if a.path.iter().any(|s| !s.computed) {
        h.raw("<li>")
            .link(&format!("/revoir?{}", a.here), &msg::review_link())
            .raw("</li>\n");
    }
    h.raw("</ul>\n");
    if a.path.is_empty() && a.editing.is_none() {
        resume_form(&mut h);
    }
    page(&q.text, &h)
}

/// The short help, then « Plus de détails » in a `<details>`: the
/// details, the help of each choice, the definitions of the terms.
fn help(h: &mut Html, bundle: &Bundle, q: &Question, id: &str) {
    let t = texts();
    h.open("div", &[("class", Some("help")), ("id", Some(id))])
        .element("h2", &[], t.help_title);
    let short = q.help.trim();
    if short.is_empty() {
        h.element("p", &[], t.no_help);
    } else {
        for para in short.lines().filter(|l| !l.trim().is_empty()) {
            let mut p = Html::new();
            p.rich(para.trim());
            h.raw("<p")
                .raw(if t.lang == Lang::Fr {
                    ">"
                } else {
                    " lang=\"fr\">"
                })
                .fragment(&p)
                .raw("</p>\n");
        }
    }
    h.raw("</div>\n");
    let terms = term_help(bundle, q);
    let choices: Vec<(&str, &str)> = q
        .choices
        .iter()
        .filter_map(|c| Some((c.label.as_str(), c.help.as_deref()?.trim())))
        .collect();
    if q.details.trim().is_empty() && terms.is_empty() && choices.is_empty() {
        return;
    }
    h.raw("<details class=\"more\">\n")
        .element("summary", &[], t.more_title)
        .raw("\n<div");
    h.raw(if t.lang == Lang::Fr {
        ">"
    } else {
        " lang=\"fr\">"
    });
    for para in q.details.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut p = Html::new();
        p.rich(para);
        h.raw("<p>").fragment(&p).raw("</p>\n");
    }
    if !choices.is_empty() {
        h.element("h3", &[], t.help_choices).raw("<dl>\n");
        for (label, help) in choices {
            h.element("dt", &[], label);
            let mut p = Html::new();
            p.rich(help);
            h.raw("<dd>").fragment(&p).raw("</dd>\n");
        }
        h.raw("</dl>\n");
    }
    if !terms.is_empty() {
        h.element("h3", &[], t.help_terms).raw("<dl>\n");
        for term in terms {
            h.element("dt", &[], term.term);
            let mut def = term.definition.trim().to_owned();
            if !term.articles.is_empty() {
                def.push_str(&format!(" ({})", term.articles.join(", ")));
            }
            h.element("dd", &[], &def);
        }
        h.raw("</dl>\n");
    }
    h.raw("</div>\n</details>\n");
}

/// The answers a change set aside, said once.
fn dropped(h: &mut Html, dropped: &[Dropped]) {
    if dropped.is_empty() {
        return;
    }
    let t = texts();
    h.raw("<div class=\"notice\" role=\"status\">\n")
        .element("p", &[], t.dropped)
        .raw("<ul>\n");
    for d in dropped {
        h.raw("<li>");
        content(h, "span", &[], &format!("{} → {}", d.text, d.label));
        h.raw("</li>\n");
    }
    h.raw("</ul>\n")
        .element("p", &[], &msg::dropped_after())
        .raw("</div>\n");
}

/// The form that resumes from an answers file.
fn resume_form(h: &mut Html) {
    h.raw("<section class=\"resume\" aria-labelledby=\"reprendre\">\n")
        .element("h2", &[("id", Some("reprendre"))], &msg::resume_heading())
        .raw("<form method=\"post\" action=\"/\" enctype=\"multipart/form-data\">\n")
        .element("label", &[("for", Some("fichier-reponses"))], &msg::resume_label())
        .raw("\n<input type=\"file\" id=\"fichier-reponses\" name=\"reponses\" accept=\".json,application/json\" required>\n<div class=\"actions\">")
        .element("button", &[("type", Some("submit")), ("class", Some("secondary"))], &msg::resume_button())
        .raw("</div>\n</form>\n</section>\n");
}

/// The review: every answer of the path, each with a link to change it.
pub fn review(path: &[Step], here: &str, complete: bool) -> String {
    let t = texts();
    let mut h = Html::new();
    h.element("h1", &[], t.review_title);
    if path.is_empty() {
        h.element("p", &[], &msg::review_empty());
    }
    h.raw("<ol class=\"review\">\n");
    for step in path {
        h.raw("<li>");
        content(&mut h, "p", &[("class", Some("q"))], &step_text(step, t));
        h.raw("<p class=\"a\">→ ");
        let mut label = Html::new();
        content(&mut label, "span", &[], &step_label(step, t));
        h.fragment(&label).raw("</p>");
        if step.computed {
            h.element("p", &[("class", Some("hint"))], &msg::computed());
        } else {
            h.open("a", &[("href", Some(&edit_href(&step.question, here)))])
                .text(&msg::change_link())
                .raw("<span class=\"sr-only\"> : ")
                .text(&step.text)
                .raw("</span></a>");
        }
        h.raw("</li>\n");
    }
    h.raw("</ol>\n<ul class=\"links\">\n<li>")
        .link(
            &format!("/?{here}"),
            &if complete {
                msg::see_decision()
            } else {
                msg::go_on()
            },
        )
        .raw("</li>\n</ul>\n");
    page(t.review_title, &h)
}

/// The decision page: the brief decision, « tout le détail » on demand,
/// what would change it, its references, and how to keep it.
pub fn decision(d: &Decision, here: &str, dropped_now: &[Dropped]) -> String {
    let t = texts();
    let mut h = Html::new();
    let v = d.outcome.verdict;
    if !t.legal_content_in_french.is_empty() {
        h.element("p", &[("class", Some("note"))], t.legal_content_in_french);
    }
    dropped(&mut h, dropped_now);
    if !d.unused_answers.is_empty() {
        h.raw("<div class=\"notice\" role=\"status\">")
            .element(
                "p",
                &[],
                &format!("{} {}", t.unused_answers, d.unused_answers.join(", ")),
            )
            .raw("</div>\n");
    }
    h.raw("<h1>")
        .element(
            "span",
            &[("class", Some(&format!("verdict {}", verdict_class(v))))],
            verdict_label(v, t),
        )
        .text(" ");
    content(&mut h, "span", &[], &d.outcome.title);
    h.raw("</h1>\n");
    brief(&mut h, d, t);
    let sections = crate::output::html::sections(d);
    h.raw("<details class=\"detail\" lang=\"fr\">\n")
        .element("summary", &[], &msg::all_detail())
        .raw("\n")
        .escaped(&sections.detail)
        .raw("</details>\n<div lang=\"fr\">\n")
        .escaped(&sections.changes)
        .escaped(&sections.references)
        .raw("</div>\n");
    share(&mut h, here);
    h.element(
        "p",
        &[("class", Some("footnote"))],
        &t.questionnaire_footer(
            &d.decided_by.title,
            &d.decided_by.version,
            &d.decided_by.legal_date,
        ),
    );
    page(
        &format!("{} : {}", verdict_label(v, t), d.outcome.title),
        &h,
    )
}

/// The brief decision, with the lines the terminal's brief chooses.
fn brief(h: &mut Html, d: &Decision, t: &Texts) {
    use crate::output::text::{brief_fit, brief_items, word_count};
    let mut refs = crate::output::references::References::default();
    let items = brief_items(d, &mut refs);
    let used = word_count(&format!(
        "{} {}{} {}",
        t.legal_content_in_french,
        verdict_label(d.outcome.verdict, t),
        t.colon,
        d.outcome.title
    ));
    let fit = brief_fit(&items, t, used);
    h.raw("<section class=\"brief\" aria-labelledby=\"essentiel\">\n")
        .element("h2", &[("id", Some("essentiel"))], &msg::brief_heading());
    let groups = [
        (t.group_obligation, &items.duties, fit.duties, false),
        (t.group_recommendation, &items.may, fit.may, false),
        (t.group_warning, &items.warnings, fit.warnings, false),
        (t.next_steps, &items.steps, fit.steps, true),
    ];
    for (title, lines, (shown, _), numbered) in groups {
        if shown == 0 {
            continue;
        }
        h.element("h3", &[], title);
        let list = if numbered { "ol" } else { "ul" };
        h.open(list, &[("lang", (t.lang != Lang::Fr).then_some("fr"))]);
        for line in lines.iter().take(shown) {
            let mut li = Html::new();
            li.rich(line);
            h.raw("<li>").fragment(&li).raw("</li>\n");
        }
        h.close(list).raw("\n");
    }
    if fit.guide.0 > 0
        && let Some(g) = d.outcome.guides.first()
    {
        h.element("h3", &[], t.read_first).raw("<ul><li>");
        h.link(&g.url, &g.title).raw("</li></ul>\n");
    }
    let left = fit.left();
    if left > 0 {
        h.element("p", &[("class", Some("hint"))], &msg::more_in_detail(left));
    }
    h.raw("</section>\n");
}

/// The decision's address, its downloads and its documents.
fn share(h: &mut Html, here: &str) {
    let link = format!("/?{here}");
    h.raw("<section class=\"share\" aria-labelledby=\"garder\">\n")
        .element("h2", &[("id", Some("garder"))], &msg::share_heading())
        .element("p", &[], &msg::share_intro())
        .raw("<ul class=\"links\">\n<li>")
        .link(&link, &msg::permalink())
        .raw("</li>\n<li>")
        .link(&format!("/revoir?{here}"), &msg::review_link())
        .raw("</li>\n<li>")
        .link(&format!("/documents?{here}"), &msg::documents_link())
        .raw("</li>\n</ul>\n")
        .element("h3", &[], &msg::downloads())
        .raw("<ul class=\"links\">\n");
    for (file, label) in [
        ("reponses.json", msg::download_answers()),
        ("decision.json", msg::download_json()),
        ("decision.md", msg::download_markdown()),
        ("rapport.html", msg::download_report()),
    ] {
        h.raw("<li>")
            .open(
                "a",
                &[
                    ("href", Some(&format!("/telecharger/{file}?{here}"))),
                    ("download", Some(file)),
                ],
            )
            .text(&label)
            .close("a")
            .raw("</li>\n");
    }
    h.raw("</ul>\n</section>\n");
}

/// A field of the documents, as the page asks it.
pub struct FieldAsk<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub help: &'a str,
    pub value: Option<String>,
}

/// The documents of a decision: the form for their fields, then a link to
/// each file.
pub fn documents(
    bundle: &Bundle,
    questionnaire: Option<&str>,
    answers: &BTreeMap<String, Answer>,
    asked: &[FieldAsk<'_>],
    rendered: &[Rendered],
    here: &str,
) -> String {
    let mut h = Html::new();
    h.element("h1", &[], &msg::documents_title())
        .element("p", &[], &msg::documents_intro());
    if rendered.len() <= 1 {
        h.element("p", &[], &msg::documents_none());
    }
    if !asked.is_empty() {
        h.raw("<form method=\"get\" action=\"/documents\" class=\"fields\">\n");
        let empty = BTreeMap::new();
        hidden(&mut h, bundle, questionnaire, answers, &empty, None);
        h.raw("<fieldset>\n<legend>")
            .element("h2", &[], &msg::fields_heading())
            .raw("</legend>\n");
        for (i, f) in asked.iter().enumerate() {
            let input = format!("champ-{}", i + 1);
            let hint = format!("champ-{}-aide", i + 1);
            h.raw("<div class=\"field\">");
            content(&mut h, "label", &[("for", Some(&input))], f.label);
            if !f.help.trim().is_empty() {
                content(
                    &mut h,
                    "p",
                    &[("class", Some("hint")), ("id", Some(&hint))],
                    f.help.trim(),
                );
            }
            h.open(
                "input",
                &[
                    ("type", Some("text")),
                    ("id", Some(&input)),
                    ("name", Some(&format!("{FIELD_PREFIX}{}", f.id))),
                    ("value", f.value.as_deref()),
                    (
                        "aria-describedby",
                        (!f.help.trim().is_empty()).then_some(hint.as_str()),
                    ),
                ],
            )
            .raw("</div>\n");
        }
        h.raw("</fieldset>\n<div class=\"actions\">")
            .element("button", &[("type", Some("submit"))], &msg::fields_button())
            .raw("</div>\n</form>\n");
    }
    let missing: Vec<&String> = {
        let mut ids: Vec<&String> = Vec::new();
        for r in rendered {
            for m in &r.missing {
                if !ids.contains(&m) {
                    ids.push(m);
                }
            }
        }
        ids
    };
    if !missing.is_empty() {
        h.raw("<div class=\"notice\" role=\"status\">")
            .element("p", &[], &msg::missing_fields(missing.len()))
            .raw("</div>\n");
    }
    h.element("h2", &[], &msg::files_heading())
        .raw("<ul class=\"links\">\n");
    for r in rendered {
        h.raw("<li>").open(
            "a",
            &[
                ("href", Some(&format!("/documents/{}?{here}", r.file))),
                ("download", Some(&r.file)),
            ],
        );
        content(&mut h, "span", &[], &r.title);
        h.text(" (")
            .text(&r.file)
            .text(")")
            .close("a")
            .raw("</li>\n");
    }
    h.raw("</ul>\n<ul class=\"links\">\n<li>")
        .link(
            &format!(
                "/?{}",
                query::write(bundle, questionnaire, answers, &BTreeMap::new())
            ),
            &msg::back_to_decision(),
        )
        .raw("</li>\n</ul>\n");
    page(&msg::documents_title(), &h)
}

/// The inventory form.
fn inventory_form(h: &mut Html, limit: &str) {
    h.raw("<form method=\"post\" action=\"/inventaire\" enctype=\"multipart/form-data\" class=\"upload\">\n")
        .element("label", &[("for", Some("inventaire"))], &msg::inventory_file(limit))
        .raw("\n<input type=\"file\" id=\"inventaire\" name=\"inventaire\" accept=\".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv\" required>\n<div class=\"actions\">")
        .element(
            "button",
            &[("type", Some("submit")), ("name", Some("sortie")), ("value", Some("bilan"))],
            &msg::inventory_show(),
        )
        .text(" ")
        .element(
            "button",
            &[
                ("type", Some("submit")),
                ("name", Some("sortie")),
                ("value", Some("csv")),
                ("class", Some("secondary")),
            ],
            &msg::inventory_csv(),
        )
        .raw("</div>\n</form>\n");
}

/// The inventory page, with the summary of a run when there was one.
pub fn inventory(
    limit: &str,
    summary: Option<&crate::front::batch::Summary>,
    problem: Option<&str>,
) -> String {
    let t = texts();
    let mut h = Html::new();
    h.element("h1", &[], &msg::inventory())
        .element("p", &[], &msg::inventory_intro());
    if let Some(p) = problem {
        h.raw("<div class=\"error\" role=\"alert\">")
            .element("p", &[], p)
            .raw("</div>\n");
    }
    if let Some(s) = summary {
        h.raw("<section aria-labelledby=\"bilan\" class=\"results\">\n")
            .element("h2", &[("id", Some("bilan"))], &msg::inventory_results());
        let parts: Vec<String> = s
            .by_verdict
            .iter()
            .map(|(v, n)| format!("{n} « {} »", verdict_label(*v, t)))
            .collect();
        let verdicts = if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(", "))
        };
        h.element(
            "p",
            &[],
            &crate::front::batch::msg::summary(
                s.decided + s.failed,
                s.decided,
                &verdicts,
                s.failed,
            ),
        );
        if !s.failures.is_empty() {
            h.element("h3", &[], &msg::inventory_errors())
                .raw("<ul class=\"failures\">\n");
            for f in &s.failures {
                let mut head = msg::line(f.line);
                if let Some(id) = &f.id {
                    head.push_str(&format!(" ({id})"));
                }
                h.raw("<li>")
                    .element("strong", &[], &head)
                    .text(t.colon)
                    .text(" ")
                    .element("span", &[("class", Some("pre"))], &f.error.message)
                    .raw("</li>\n");
            }
            h.raw("</ul>\n");
            if s.failed > s.failures.len() {
                h.element("p", &[], &msg::inventory_more(s.failed - s.failures.len()));
            }
        }
        h.element("p", &[("class", Some("hint"))], &msg::inventory_again())
            .raw("</section>\n");
    }
    inventory_form(&mut h, limit);
    page(&msg::inventory(), &h)
}

/// Every term of the glossary, with its definition and its articles.
pub fn glossary(bundle: &Bundle) -> String {
    let mut h = Html::new();
    h.element("h1", &[], &msg::glossary())
        .raw("<dl class=\"glossary\"");
    h.raw(if texts().lang == Lang::Fr {
        ">\n"
    } else {
        " lang=\"fr\">\n"
    });
    let mut terms: Vec<_> = bundle.terms.iter().map(|(_, t)| t).collect();
    terms.sort_by_key(|t| t.term.to_lowercase());
    for term in terms {
        h.element("dt", &[("id", Some(&term.id))], &term.term);
        let mut def = term.definition.trim().to_owned();
        let articles: Vec<&str> = term
            .articles
            .iter()
            .filter_map(|a| bundle.article(a))
            .map(|a| a.label.as_str())
            .collect();
        if !articles.is_empty() {
            def.push_str(&format!(" ({})", articles.join(", ")));
        }
        let mut d = Html::new();
        d.rich(&def);
        h.raw("<dd>").fragment(&d).raw("</dd>\n");
    }
    h.raw("</dl>\n");
    page(&msg::glossary(), &h)
}

/// A page that says what is wrong, each message in full.
pub fn problem(title: &str, intro: &str, messages: &[String]) -> String {
    let mut h = Html::new();
    h.element("h1", &[], title);
    if !intro.is_empty() {
        h.element("p", &[], intro);
    }
    if !messages.is_empty() {
        h.raw("<ul class=\"problems\">\n");
        for m in messages {
            h.element("li", &[("class", Some("pre"))], m);
        }
        h.raw("</ul>\n");
    }
    h.raw("<ul class=\"links\">\n<li>")
        .link("/", &msg::back_home())
        .raw("</li>\n</ul>\n");
    page(title, &h)
}
