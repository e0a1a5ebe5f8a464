//! What changed for an answers file since it was saved
//! ([`crate::core::stamp::drift`]), said in the interface language: one
//! line per change, then how to bring the file up to date.

use crate::core::model::{Answer, GivenAgainst};
use crate::core::stamp::Drift;
use crate::text::escape::quote;
use crate::text::number::fmt_num;

/// An answer as an answers file writes it: `true`, `50`, `"etat"`.
fn answer_text(a: &Answer) -> String {
    match a {
        Answer::Number(n) => fmt_num(*n),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// The warning (or, with `--strict`, the error) for answers file `name`.
pub fn drift(drift: &[Drift], name: &str, given: &GivenAgainst) -> String {
    use crate::text::limits::MAX_SHOWN_ERRORS;
    // Everything here but the current versions comes from the file: each
    // piece cut to a readable length and escaped, and at most
    // MAX_SHOWN_ERRORS lines, the others counted.
    let q = |s: &str| quote(s, QUOTED_CHARS);
    let mut s = msg::head(&q(name), &q(&given.aiguillage));
    let specific = drift
        .iter()
        .any(|d| !matches!(d, Drift::Version { .. } | Drift::Content { .. }));
    for d in drift.iter().take(MAX_SHOWN_ERRORS) {
        let line = match d {
            Drift::Version {
                questionnaire,
                was,
                now: Some(now),
            } => msg::version(&q(questionnaire), &q(was), &q(now)),
            Drift::Version {
                questionnaire,
                was,
                now: None,
            } => msg::questionnaire_gone(&q(questionnaire), &q(was)),
            Drift::Content {
                questionnaire,
                version,
            } => msg::content(&q(questionnaire), &q(version)),
            Drift::QuestionRemoved { question } => msg::question_removed(&q(question)),
            Drift::QuestionReworded { question } => msg::question_reworded(&q(question)),
            Drift::AnswerRefused { question, answer } => {
                msg::answer_refused(&q(question), &q(&answer_text(answer)))
            }
            Drift::NowAsks { question } => msg::now_asks(&q(question)),
            Drift::Outcome { was, now } => msg::outcome(&q(was), &q(now)),
        };
        s.push_str("\n  - ");
        s.push_str(&line);
    }
    if let Some(more) = drift.len().checked_sub(MAX_SHOWN_ERRORS).filter(|n| *n > 0) {
        s.push_str("\n  ");
        s.push_str(&msg::more(&crate::text::number::number(more as f64)));
    }
    if !specific {
        s.push_str("\n  ");
        s.push_str(&msg::nothing_else());
    }
    s.push_str("\n  ");
    s.push_str(&msg::how_to_update(&crate::text::escape::shell(name)));
    s
}

/// The longest name, id or version quoted from the file.
const QUOTED_CHARS: usize = 80;

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn head(name: &str, version: &str) {
            fr: "« {name} » a été enregistré avec d'autres versions des questionnaires (aiguillage {version}) ; ce qui a changé pour ce fichier :",
            en: "« {name} » was saved against other versions of the questionnaires (aiguillage {version}); what changed for this file:",
        }
        fn version(questionnaire: &str, was: &str, now: &str) {
            fr: "« {questionnaire} » : version {was} → {now} (voir CHANGELOG.md)",
            en: "« {questionnaire} »: version {was} → {now} (see CHANGELOG.md)",
        }
        fn questionnaire_gone(questionnaire: &str, was: &str) {
            fr: "« {questionnaire} » (version {was}) n'est plus chargé",
            en: "« {questionnaire} » (version {was}) is no longer loaded",
        }
        fn content(questionnaire: &str, version: &str) {
            fr: "« {questionnaire} » : le contenu a changé sans changer de version ({version})",
            en: "« {questionnaire} »: the content changed under the same version ({version})",
        }
        fn question_removed(question: &str) {
            fr: "la question « {question} » n'existe plus",
            en: "question « {question} » no longer exists",
        }
        fn question_reworded(question: &str) {
            fr: "la question « {question} » a été reformulée : relisez votre réponse",
            en: "question « {question} » was reworded: read your answer again",
        }
        fn answer_refused(question: &str, answer: &str) {
            fr: "« {question} » : la réponse {answer} n'est plus possible",
            en: "« {question} »: answer {answer} is no longer possible",
        }
        fn now_asks(question: &str) {
            fr: "le chemin demande maintenant « {question} », sans réponse dans le fichier",
            en: "the path now asks « {question} », which the file does not answer",
        }
        fn outcome(was: &str, now: &str) {
            fr: "l'issue était « {was} », elle est maintenant « {now} »",
            en: "the outcome was « {was} », it is now « {now} »",
        }
        /// `count`: a number as the interface writes it.
        fn more(count: &str) {
            fr: "… et {count} autres différences",
            en: "… and {count} more differences",
        }
        fn nothing_else() {
            fr: "Pour ces réponses, rien d'autre ne change : mêmes questions, mêmes réponses possibles, même issue.",
            en: "For these answers nothing else changes: same questions, same possible answers, same outcome.",
        }
        fn how_to_update(name: &str) {
            fr: "Une fois vérifié, mettez-le à jour : aiguillage --answers {name} --save-answers {name}",
            en: "Once checked, bring it up to date: aiguillage --answers {name} --save-answers {name}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_written_in_both_languages() {
        crate::text::i18n::check_pairs(msg::ALL);
    }
}
