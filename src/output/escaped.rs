//! A decision fit for a terminal: a copy whose every text taken from the
//! input — the answers given (free text above all), and the content of a
//! questionnaire loaded with `--questionnaire` — has its control
//! characters escaped ([`crate::text::escape`]). The text, Markdown and
//! link outputs draw from it; JSON escapes them by itself.

use std::borrow::Cow;

use crate::core::engine::{ArticleLink, Decision, GuideLink, StepLabel};
use crate::core::model::Answer;
use crate::text::escape::escape;

fn esc(s: &mut String) {
    if let Cow::Owned(clean) = escape(s) {
        *s = clean;
    }
}

fn esc_all<'a>(strings: impl IntoIterator<Item = &'a mut String>) {
    strings.into_iter().for_each(esc);
}

fn esc_article(a: &mut ArticleLink) {
    esc_all([&mut a.id, &mut a.label, &mut a.url]);
    a.caveat.iter_mut().for_each(esc);
}

fn esc_guide(g: &mut GuideLink) {
    esc_all([&mut g.id, &mut g.title, &mut g.url]);
    g.successor.iter_mut().for_each(esc);
}

/// `d` with every text's control characters escaped (a decision is a few
/// kilobytes: the copy costs nothing worth saving).
pub fn escaped(d: &Decision) -> Decision {
    let mut d = d.clone();
    for q in [&mut d.questionnaire, &mut d.decided_by] {
        esc_all([&mut q.id, &mut q.title, &mut q.version, &mut q.legal_date]);
    }
    for step in &mut d.path {
        esc_all([&mut step.question, &mut step.text, &mut step.label]);
        step.section.iter_mut().for_each(esc);
        step.because.iter_mut().for_each(esc);
        if let Answer::Text(t) = &mut step.answer {
            esc(t);
        }
        match &mut step.shown {
            StepLabel::Range(r) | StepLabel::Tally { range: r, .. } => esc(r),
            StepLabel::AsGiven => {}
        }
        step.articles.iter_mut().for_each(esc_article);
        esc_all(&mut step.findings);
    }
    let o = &mut d.outcome;
    esc_all([&mut o.id, &mut o.title, &mut o.summary]);
    esc_all(&mut o.next_steps);
    o.guides.iter_mut().for_each(esc_guide);
    for f in &mut d.findings {
        esc_all([&mut f.id, &mut f.text]);
        f.short.iter_mut().for_each(esc);
        f.articles.iter_mut().for_each(esc_article);
        f.guides.iter_mut().for_each(esc_guide);
    }
    d.guides.iter_mut().for_each(esc_guide);
    esc_all(&mut d.unused_answers);
    d
}
