//! The words outputs share, in the interface language: verdicts, kinds of
//! finding, the text and label of a step, headings.

use console::{Style, style};

use crate::core::engine::{Decision, FindingOut, Step, StepLabel};
use crate::core::model::{Answer, FindingKind, Question, Verdict};
use crate::text::i18n::Texts;
use crate::text::number;

pub fn verdict_label(v: Verdict, t: &Texts) -> &'static str {
    match v {
        Verdict::Must => t.verdict_must,
        Verdict::May => t.verdict_may,
        Verdict::NotConcerned => t.verdict_not_concerned,
        Verdict::NotYet => t.verdict_not_yet,
        Verdict::Cannot => t.verdict_cannot,
    }
}

pub fn verdict_style(v: Verdict) -> Style {
    match v {
        Verdict::Must => Style::new().yellow().bold(),
        Verdict::May => Style::new().green().bold(),
        Verdict::NotConcerned => Style::new().cyan().bold(),
        Verdict::NotYet => Style::new().blue().bold(),
        Verdict::Cannot => Style::new().red().bold(),
    }
}

/// Each group of findings with its heading, in the order they are shown.
pub fn finding_groups(t: &Texts) -> [(FindingKind, &'static str); 4] {
    [
        (FindingKind::Obligation, t.group_obligation),
        (FindingKind::Recommendation, t.group_recommendation),
        (FindingKind::Warning, t.group_warning),
        (FindingKind::Note, t.group_note),
    ]
}

pub fn kind_label(k: FindingKind, t: &Texts) -> &'static str {
    match k {
        FindingKind::Obligation => t.kind_obligation,
        FindingKind::Recommendation => t.kind_recommendation,
        FindingKind::Warning => t.kind_warning,
        FindingKind::Note => t.kind_note,
    }
}

pub fn heading(s: &str) -> String {
    style(s).bold().underlined().to_string()
}

/// The text of a step; a worked-out one (a `tally`) says so, since it is
/// not one of the user's answers.
pub fn step_text(step: &Step, t: &Texts) -> String {
    if step.computed {
        format!("{} ({})", step.text, t.why_computed)
    } else {
        step.text.clone()
    }
}

/// The findings a step added, as the user saw them above.
pub fn step_findings<'d>(d: &'d Decision, step: &Step) -> Vec<&'d FindingOut> {
    step.findings
        .iter()
        .filter_map(|id| d.findings.iter().find(|f| &f.id == id))
        .collect()
}

/// The label of answer `a` to `q` in the interface language, as
/// [`step_label`] writes it; `None` when the answer does not fit.
pub fn answer_label(q: &Question, a: &Answer, t: &Texts) -> Option<String> {
    let (_, label) = crate::core::engine::resolve(q, a).ok()?;
    Some(
        match (
            a,
            q.ranges
                .iter()
                .find(|r| matches!(a, Answer::Number(n) if r.contains(*n))),
        ) {
            (Answer::Number(n), Some(r)) => format!("{} ({})", number::grouped(*n, t), r.label),
            _ => label,
        },
    )
}

/// The label of a step in the interface language: the choice as the
/// content words it, or a number and the range it falls in (« 1,200 (Moins
/// de 3 500 habitants) » in English), or what a tally counted.
pub fn step_label(step: &Step, t: &Texts) -> String {
    match (&step.shown, &step.answer) {
        (StepLabel::Range(range), Answer::Number(n)) => {
            format!("{} ({range})", number::grouped(*n, t))
        }
        (StepLabel::Tally { total, range }, Answer::Number(n)) => {
            t.tally_label(*n as usize, *total, range)
        }
        _ => step.label.clone(),
    }
}
