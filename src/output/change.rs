//! « Ce qui changerait le résultat »: the decision's `what_would_change`
//! (worked out by [`crate::core::change`]) in words, for the text (under
//! `--detail`) and the Markdown outputs. Each question of the path with
//! another answer that leads elsewhere, numbered as under « Pourquoi ? »,
//! then each such answer: a choice by its label, a number by the
//! threshold that flips it (« à partir de 50 agents (ETP) »), and where it
//! leads, or that it depends on other answers.

use std::fmt::Write as _;

use console::style;

use crate::core::engine::{ChangedObligation, Decision, Step, WouldChange};
use crate::output::labels::{heading, step_text, verdict_label, verdict_style};
use crate::text::glyphs::Glyphs;
use crate::text::i18n::Texts;
use crate::text::number;
use crate::text::typography::typeset_owned;
use crate::text::wrap::wrap;

/// Each question of the path that has other answers leading elsewhere:
/// its place in the path, the step, and those answers.
pub fn by_step(d: &Decision) -> Vec<(usize, &Step, Vec<&WouldChange>)> {
    let Some(changes) = &d.what_would_change else {
        return Vec::new();
    };
    d.path
        .iter()
        .enumerate()
        .filter_map(|(i, step)| {
            let mine: Vec<&WouldChange> = changes
                .iter()
                .filter(|c| c.question == step.question)
                .collect();
            (!mine.is_empty()).then_some((i + 1, step, mine))
        })
        .collect()
}

/// The other answer in words: « Non », or the numbers that lead there.
pub fn answer_words(c: &WouldChange, t: &Texts) -> String {
    let Some(r) = &c.range else {
        return typeset_owned(format!("« {} »", c.label));
    };
    let unit = r
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let n = |x: f64| number::grouped(x, t);
    typeset_owned(match (r.min.filter(|m| *m > 0.0), r.below) {
        (Some(min), None) => msg::from(t, &n(min), &unit),
        (None, Some(below)) => msg::below(t, &n(below), &unit),
        (Some(min), Some(below)) => msg::between(t, &n(min), &n(below), &unit),
        (None, None) => format!("« {} »", c.label),
    })
}

/// Where the other answer leads, without styles: « Obligation — title »,
/// « même issue » when only the obligations change, or that it depends on
/// other answers (and which question would come).
pub fn result_words(c: &WouldChange, d: &Decision, t: &Texts) -> String {
    match (c.verdict, &c.title, &c.outcome) {
        (_, _, Some(o)) if *o == d.outcome.id => msg::same_outcome(t).to_owned(),
        (Some(v), Some(title), _) => format!("{} — {title}", verdict_label(v, t)),
        _ => msg::pending(t, c.pending_question.as_deref().unwrap_or("?")),
    }
}

/// The obligations the other answer adds and takes away, one line each:
/// « obligation en plus : … (art. L312-1-3) ».
pub fn obligation_lines(c: &WouldChange, t: &Texts) -> Vec<String> {
    let line = |head: &str, o: &ChangedObligation| {
        let cited: Vec<&str> = o
            .articles
            .iter()
            .map(|a| crate::output::references::brief_label(&a.label))
            .collect();
        if cited.is_empty() {
            format!("{head}{} {}", t.colon, o.text)
        } else {
            format!("{head}{} {} ({})", t.colon, o.text, cited.join(", "))
        }
    };
    c.obligations_added
        .iter()
        .map(|o| line(msg::added(t), o))
        .chain(
            c.obligations_removed
                .iter()
                .map(|o| line(msg::removed(t), o)),
        )
        .collect()
}

/// The section for the terminal, after « Pourquoi ? ». Nothing when the
/// decision was not asked what would change it.
pub fn text(s: &mut String, d: &Decision, t: &Texts, g: &Glyphs, width: usize) {
    if d.what_would_change.is_none() {
        return;
    }
    let _ = writeln!(s, "\n{}", heading(msg::heading(t)));
    let steps = by_step(d);
    if steps.is_empty() {
        let _ = writeln!(s, "{}", style(wrap(msg::nothing(t), width, "")).dim());
        return;
    }
    let _ = writeln!(s, "{}", style(wrap(msg::intro(t), width, "")).dim());
    let digits = d.path.len().to_string().len();
    let pad = " ".repeat(digits + 4);
    let inner = width.saturating_sub(pad.len());
    for (n, step, changes) in steps {
        let _ = writeln!(
            s,
            "  {n:>digits$}. {}",
            wrap(&step_text(step, t), inner, &pad)
        );
        for c in changes {
            let head = format!("{} {}{}", g.arrow, answer_words(c, t), t.colon);
            let line = wrap(
                &format!("{head} {}", result_words(c, d, t)),
                inner,
                &format!("{pad}  "),
            );
            // The verdict coloured in place, as in « Pourquoi ? ».
            let line = match c.verdict {
                Some(v) => {
                    let label = verdict_label(v, t);
                    // Wrapping only widens the line: the verdict is still
                    // past the head.
                    let at = (head.len().min(line.len())..=line.len())
                        .find(|i| line.is_char_boundary(*i))
                        .unwrap_or(line.len());
                    let (a, b) = line.split_at(at);
                    format!(
                        "{a}{}",
                        b.replacen(label, &verdict_style(v).apply_to(label).to_string(), 1)
                    )
                }
                None => line,
            };
            let _ = writeln!(s, "{pad}{line}");
            for o in obligation_lines(c, t) {
                let sub = format!("{pad}    ");
                let _ = writeln!(
                    s,
                    "{pad}  {} {}",
                    g.bullet,
                    wrap(&o, inner.saturating_sub(4), &sub)
                );
            }
        }
    }
}

/// The section for Markdown, after « Pourquoi ? ».
pub fn markdown(s: &mut String, d: &Decision, t: &Texts) {
    if d.what_would_change.is_none() {
        return;
    }
    let _ = writeln!(s, "\n## {}\n", msg::heading(t));
    let steps = by_step(d);
    if steps.is_empty() {
        let _ = writeln!(s, "{}", msg::nothing(t));
        return;
    }
    let _ = writeln!(s, "{}\n", msg::intro_unnumbered(t));
    for (_, step, changes) in steps {
        let _ = writeln!(s, "- {}", step_text(step, t));
        for c in changes {
            let result = match (c.verdict, &c.title, &c.outcome) {
                (_, _, Some(o)) if *o == d.outcome.id => result_words(c, d, t),
                (Some(v), Some(title), _) => format!("**{}** — {title}", verdict_label(v, t)),
                _ => result_words(c, d, t),
            };
            let _ = writeln!(s, "  - {}{} {result}", answer_words(c, t), t.colon);
            for o in obligation_lines(c, t) {
                let _ = writeln!(s, "    - {o}");
            }
        }
    }
}

/// The words of this module, in the language of the [`Texts`] given (the
/// HTML report is French whatever the interface).
pub(crate) mod msg {
    use crate::text::i18n::{Lang, Texts};
    use crate::text::typography::typeset_owned;

    pub fn heading(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => "Ce qui changerait le résultat",
            Lang::En => "What would change the result",
        }
    }

    pub fn intro(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => {
                "Les autres réponses qui changeraient l'issue ou vos obligations, toutes les autres réponses restant les mêmes (questions numérotées comme sous «\u{a0}Pourquoi\u{202f}?\u{a0}»)\u{a0}:"
            }
            Lang::En => {
                "The other answers that would change the outcome or your obligations, every other answer staying the same (questions numbered as under « Why? »):"
            }
        }
    }

    /// [`intro`] where the questions are not numbered.
    pub fn intro_unnumbered(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => {
                "Les autres réponses qui changeraient l'issue ou vos obligations, toutes les autres réponses restant les mêmes\u{a0}:"
            }
            Lang::En => {
                "The other answers that would change the outcome or your obligations, every other answer staying the same:"
            }
        }
    }

    /// The other answer reaches the same outcome (only obligations change).
    pub fn same_outcome(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => "même issue, mais pas les mêmes obligations",
            Lang::En => "same outcome, but not the same obligations",
        }
    }

    pub fn added(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => "obligation en plus",
            Lang::En => "additional obligation",
        }
    }

    pub fn removed(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => "obligation en moins",
            Lang::En => "obligation no longer due",
        }
    }

    pub fn nothing(t: &Texts) -> &'static str {
        match t.lang {
            Lang::Fr => {
                "Aucune autre réponse à ces questions ne change le résultat, les autres réponses restant les mêmes."
            }
            Lang::En => {
                "No other answer to these questions changes the result, the other answers staying the same."
            }
        }
    }

    /// A number at or above a threshold; `unit` starts with a space.
    pub fn from(t: &Texts, min: &str, unit: &str) -> String {
        match t.lang {
            Lang::Fr => format!("à partir de {min}{unit}"),
            Lang::En => format!("from {min}{unit}"),
        }
    }

    pub fn below(t: &Texts, below: &str, unit: &str) -> String {
        match t.lang {
            Lang::Fr => format!("moins de {below}{unit}"),
            Lang::En => format!("below {below}{unit}"),
        }
    }

    pub fn between(t: &Texts, min: &str, below: &str, unit: &str) -> String {
        match t.lang {
            Lang::Fr => format!("de {min} à moins de {below}{unit}"),
            Lang::En => format!("from {min} to below {below}{unit}"),
        }
    }

    /// The other answer leads to a question not answered (its text).
    pub fn pending(t: &Texts, question: &str) -> String {
        match t.lang {
            Lang::Fr => typeset_owned(format!(
                "dépend d'autres réponses ; il faudrait répondre à : « {question} »"
            )),
            Lang::En => typeset_owned(format!(
                "depends on other answers; this question would come: « {question} »"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::text::i18n::{EN, FR};

    #[test]
    fn says_thresholds_in_the_language_given() {
        assert_eq!(msg::from(&FR, "50", " agents"), "à partir de 50 agents");
        assert_eq!(msg::below(&EN, "3,500", ""), "below 3,500");
        assert_ne!(msg::heading(&FR), msg::heading(&EN));
    }
}
