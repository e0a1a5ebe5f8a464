//! Answers files that know what they were given against: [`stamp`] writes
//! down the questionnaires the answers went through (id, version, hash of
//! the content that decides), a fingerprint of each answered question's
//! text and the outcome reached; [`drift`] reads it back against the
//! content loaded now and names what changed for this file — a version, a
//! question removed or reworded, a value that no longer exists, a question
//! now asked, an outcome that now differs.
//!
//! The hash is SHA-256 of a canonical serialisation: the questionnaire as
//! JSON (fields in the order of the types, lists in file order), without
//! the texts only a person at a prompt reads (help, glossary terms,
//! description), so that the built-in content with or without them
//! ([`Bundle::without_prompt_texts`]) hashes the same; no-break spaces count
//! as plain ones, so that French typography is not a rewording. Pure: the caller
//! says which version of the program writes the file.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::core::catalog::Bundle;
use crate::core::engine::{self, End};
use crate::core::model::{Answer, AnswersFile, GivenAgainst, Questionnaire, QuestionnaireStamp};
use crate::text::typography::plain_spaces;

/// The version of the program, as written in the files it saves.
pub const AIGUILLAGE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// SHA-256, in hexadecimal, of what decides in `q`.
pub fn content_hash(q: &Questionnaire) -> String {
    let mut deciding = q.clone();
    deciding.description.clear();
    for x in &mut deciding.questions {
        x.help.clear();
        x.details.clear();
        x.terms.clear();
        for c in &mut x.choices {
            c.help = None;
        }
    }
    let json = serde_json::to_string(&deciding).unwrap_or_default();
    hex(&Sha256::digest(plain_spaces(&json).as_bytes()))
}

/// The fingerprint of a question's text.
pub fn text_fingerprint(text: &str) -> String {
    hex(&Sha256::digest(plain_spaces(text).as_bytes()))[..16].to_owned()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What `answers`, from `questionnaire`, were given against: the
/// questionnaires their path goes through (the start first), a fingerprint
/// of every answered question the bundle knows, and the outcome when they
/// reach one.
pub fn stamp(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    answers: &BTreeMap<String, Answer>,
) -> GivenAgainst {
    let mut through: Vec<&Questionnaire> = vec![questionnaire];
    let mut outcome = None;
    if let Ok(walk) = engine::walk(bundle, questionnaire, answers) {
        let ends = match walk.end {
            End::Outcome(o) => {
                outcome = Some(o.id.clone());
                o.id.as_str()
            }
            End::Pending(q) => q.id.as_str(),
        };
        let ids = walk.steps.iter().map(|s| s.question.id.as_str());
        for id in ids.chain(std::iter::once(ends)) {
            if let Some(q) = bundle.questionnaire_of(id)
                && !through.iter().any(|t| t.id == q.id)
            {
                through.push(q);
            }
        }
    }
    GivenAgainst {
        aiguillage: AIGUILLAGE_VERSION.to_owned(),
        questionnaires: through
            .into_iter()
            .map(|q| QuestionnaireStamp {
                id: q.id.clone(),
                version: q.version.clone(),
                sha256: content_hash(q),
            })
            .collect(),
        questions: answers
            .keys()
            .filter_map(|id| bundle.question(id))
            .map(|q| (q.id.clone(), text_fingerprint(&q.text)))
            .collect(),
        outcome,
    }
}

/// One thing that changed, for this answers file, since it was saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Drift {
    /// A questionnaire of the path has another version now; `now` is
    /// `None` when it is not loaded any more.
    Version {
        questionnaire: String,
        was: String,
        now: Option<String>,
    },
    /// Same version, other content: the version was not raised.
    Content {
        questionnaire: String,
        version: String,
    },
    /// An answered question that no longer exists.
    QuestionRemoved { question: String },
    /// An answered question whose text changed.
    QuestionReworded { question: String },
    /// An answer the question no longer accepts (a choice removed, a
    /// number no range holds, another kind of answer).
    AnswerRefused { question: String, answer: Answer },
    /// The answers now lead to a question they do not answer.
    NowAsks { question: String },
    /// The answers lead to another outcome than when they were saved.
    Outcome { was: String, now: String },
}

/// What changed for `file` since it was saved, when it was saved against
/// other content than `bundle` holds (another version, or another hash of
/// a questionnaire it went through); empty otherwise, and for a file
/// without `given_against` (written before it existed, or by hand).
pub fn drift(bundle: &Bundle, questionnaire: &Questionnaire, file: &AnswersFile) -> Vec<Drift> {
    let Some(given) = &file.given_against else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in &given.questionnaires {
        match bundle.questionnaire(&s.id) {
            None => out.push(Drift::Version {
                questionnaire: s.id.clone(),
                was: s.version.clone(),
                now: None,
            }),
            Some(q) if q.version != s.version => out.push(Drift::Version {
                questionnaire: s.id.clone(),
                was: s.version.clone(),
                now: Some(q.version.clone()),
            }),
            Some(q) if content_hash(q) != s.sha256 => out.push(Drift::Content {
                questionnaire: s.id.clone(),
                version: s.version.clone(),
            }),
            Some(_) => {}
        }
    }
    if out.is_empty() {
        return out;
    }
    // Made for other content: what that changes for these answers.
    for (id, answer) in &file.answers {
        match bundle.question(id) {
            None => out.push(Drift::QuestionRemoved {
                question: id.clone(),
            }),
            Some(q) => {
                if given
                    .questions
                    .get(id)
                    .is_some_and(|f| *f != text_fingerprint(&q.text))
                {
                    out.push(Drift::QuestionReworded {
                        question: id.clone(),
                    });
                }
                if engine::route_of(q, answer).is_err() {
                    out.push(Drift::AnswerRefused {
                        question: id.clone(),
                        answer: answer.clone(),
                    });
                }
            }
        }
    }
    if let Ok(walk) = engine::walk(bundle, questionnaire, &file.answers) {
        match (walk.end, &given.outcome) {
            (End::Outcome(o), Some(was)) if o.id != *was => out.push(Drift::Outcome {
                was: was.clone(),
                now: o.id.clone(),
            }),
            (End::Pending(q), Some(_)) => out.push(Drift::NowAsks {
                question: q.id.clone(),
            }),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = r#"
id = "t"
title = "T"
version = "1.0.0"
legal_date = "2026-01-01"
start = "q"

[[questions]]
id = "q"
kind = "choice"
text = "Laquelle ?"
help = "Aide."
choices = [
  { value = "a", label = "A", next = "o1" },
  { value = "b", label = "B", next = "o2" },
]

[[outcomes]]
id = "o1"
verdict = "may"
title = "Un"
summary = "s"
guides = ["juridique"]

[[outcomes]]
id = "o2"
verdict = "must"
title = "Deux"
summary = "s"
guides = ["juridique"]
"#;

    fn saved(tree: &str, answers: &[(&str, &str)]) -> AnswersFile {
        let b = Bundle::from_sources([("t.toml", tree)]).unwrap();
        let q = b.questionnaire("t").unwrap();
        let answers: BTreeMap<String, Answer> = answers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Answer::Text((*v).to_owned())))
            .collect();
        AnswersFile {
            questionnaire: Some("t".into()),
            given_against: Some(stamp(&b, q, &answers)),
            answers,
            ..AnswersFile::default()
        }
    }

    fn drift_in(tree: &str, file: &AnswersFile) -> Vec<Drift> {
        let b = Bundle::from_sources([("t.toml", tree)]).unwrap();
        drift(&b, b.questionnaire("t").unwrap(), file)
    }

    #[test]
    fn records_versions_hashes_fingerprints_and_the_outcome() {
        let f = saved(TREE, &[("q", "a")]);
        let g = f.given_against.as_ref().unwrap();
        assert_eq!(g.aiguillage, AIGUILLAGE_VERSION);
        assert_eq!(g.questionnaires.len(), 1);
        assert_eq!(g.questionnaires[0].version, "1.0.0");
        assert_eq!(g.questionnaires[0].sha256.len(), 64);
        assert_eq!(g.questions["q"].len(), 16);
        assert_eq!(g.outcome.as_deref(), Some("o1"));
        assert!(drift_in(TREE, &f).is_empty(), "same content, no drift");
    }

    #[test]
    fn help_does_not_count_but_a_reworded_question_does() {
        let f = saved(TREE, &[("q", "a")]);
        assert!(drift_in(&TREE.replace("Aide.", "Autre aide."), &f).is_empty());
        let reworded = TREE.replace("Laquelle ?", "Laquelle, au juste ?");
        assert_eq!(
            drift_in(&reworded, &f),
            [
                Drift::Content {
                    questionnaire: "t".into(),
                    version: "1.0.0".into()
                },
                Drift::QuestionReworded {
                    question: "q".into()
                }
            ]
        );
    }

    #[test]
    fn names_a_new_version_a_value_gone_and_an_outcome_that_differs() {
        let f = saved(TREE, &[("q", "a")]);
        let v2 = TREE.replace("1.0.0", "1.1.0");
        let swapped = v2
            .replace("next = \"o1\"", "next = \"tmp\"")
            .replace("next = \"o2\"", "next = \"o1\"")
            .replace("next = \"tmp\"", "next = \"o2\"");
        let d = drift_in(&swapped, &f);
        assert!(d.contains(&Drift::Version {
            questionnaire: "t".into(),
            was: "1.0.0".into(),
            now: Some("1.1.0".into())
        }));
        assert!(d.contains(&Drift::Outcome {
            was: "o1".into(),
            now: "o2".into()
        }));
        let gone = v2.replace("value = \"a\"", "value = \"c\"");
        assert!(drift_in(&gone, &f).contains(&Drift::AnswerRefused {
            question: "q".into(),
            answer: Answer::Text("a".into())
        }));
    }

    #[test]
    fn old_files_without_the_record_have_no_drift() {
        let mut f = saved(TREE, &[("q", "a")]);
        f.given_against = None;
        assert!(drift_in(&TREE.replace("1.0.0", "2.0.0"), &f).is_empty());
    }

    #[test]
    fn the_lean_builtin_content_hashes_like_the_full_one() {
        let full = Bundle::builtin().unwrap();
        let lean = Bundle::builtin_lean().unwrap();
        for (_, q) in &full.questionnaires {
            let l = lean.questionnaire(&q.id).unwrap();
            assert_eq!(content_hash(q), content_hash(l), "{}", q.id);
        }
    }
}
