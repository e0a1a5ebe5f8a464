//! What would change the result: for each question answered on the path,
//! the other answers that lead to another outcome or change the
//! obligations, every other answer kept.
//!
//! Found by walking the tree again ([`engine::walk`], which borrows and
//! copies no text) once per other answer: a choice for each other value, a
//! number for each other range, neighbouring ranges that lead to the same
//! place merged into one, so that the threshold reads « from 50 ». An
//! other answer whose path reaches a question the answers do not answer is
//! said to depend on other answers (`pending`), never guessed. Pure, like
//! the engine: the words are the outputs'.

use std::collections::BTreeMap;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, AnswerRange, ChangedObligation, End, Given, WouldChange};
use crate::core::model::{
    Answer, Finding, FindingKind, NumberRange, Question, QuestionKind, Questionnaire,
};

/// Another answer to a question of the path, and where it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative<'b> {
    pub question: &'b Question,
    /// As an answers file writes it; for a number, the smallest value of
    /// the range nearest the answer given.
    pub answer: Answer,
    /// The choice's label, or the label of the range nearest the answer
    /// given.
    pub label: &'b str,
    /// Numbers: the answers `[min, below)` that all lead to `end`.
    pub range: Option<(Option<f64>, Option<f64>)>,
    /// The outcome it leads to (the one reached, when only the
    /// obligations change), or a question without an answer (the result
    /// then depends on other answers).
    pub end: End<'b>,
    /// The obligations this answer would add to the path's, and those it
    /// would take away (none when the result depends on other answers).
    pub gained: Vec<&'b Finding>,
    pub lost: Vec<&'b Finding>,
}

/// Where an answer leads: the end of its walk and the obligations on it.
#[derive(Debug, Clone, PartialEq)]
struct Landing<'b> {
    end: End<'b>,
    obligations: Vec<&'b Finding>,
}

impl Landing<'_> {
    /// Whether two landings are the same result: the same outcome (or
    /// pending question) with the same obligations.
    fn same(&self, other: &Landing<'_>) -> bool {
        let ids = |l: &Landing<'_>| {
            l.obligations
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        };
        same_end(&self.end, &other.end) && ids(self) == ids(other)
    }
}

/// The obligations of a walk, in path order.
fn obligations<'b>(bundle: &'b Bundle, walk: &engine::Walk<'b, '_>) -> Vec<&'b Finding> {
    let outcome = match walk.end {
        End::Outcome(o) => o.findings.as_slice(),
        End::Pending(_) => &[],
    };
    let ids = walk
        .steps
        .iter()
        .flat_map(|s| s.route.findings.iter())
        .chain(outcome);
    let mut found = engine::gather(bundle, ids);
    found.retain(|f| f.kind == FindingKind::Obligation);
    found
}

/// Every other answer to the questions of the path that leads to another
/// outcome, to other obligations, or to a question without an answer, in
/// the order of the path. Empty when the answers do not reach an outcome.
pub fn alternatives<'b>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
    answers: &BTreeMap<String, Answer>,
) -> Vec<Alternative<'b>> {
    let Ok(walk) = engine::walk(bundle, questionnaire, answers) else {
        return Vec::new();
    };
    if !matches!(walk.end, End::Outcome(_)) {
        return Vec::new();
    }
    let here = Landing {
        end: walk.end,
        obligations: obligations(bundle, &walk),
    };
    let differs = |l: &Landing<'_>| !l.same(&here);
    // What an other answer changes in the obligations.
    let delta = |l: &Landing<'b>| -> (Vec<&'b Finding>, Vec<&'b Finding>) {
        if matches!(l.end, End::Pending(_)) {
            return (Vec::new(), Vec::new());
        }
        let has = |list: &[&Finding], f: &Finding| list.iter().any(|x| x.id == f.id);
        let gained = l
            .obligations
            .iter()
            .copied()
            .filter(|f| !has(&here.obligations, f))
            .collect();
        let lost = here
            .obligations
            .iter()
            .copied()
            .filter(|f| !has(&l.obligations, f))
            .collect();
        (gained, lost)
    };
    let mut trial = answers.clone();
    let mut out = Vec::new();
    for step in &walk.steps {
        let q = step.question;
        // A tally is worked out from other answers, never given.
        let Given::Answer(given) = step.answer else {
            continue;
        };
        let mut end_with = |answer: Answer| {
            trial.insert(q.id.clone(), answer);
            let landing = engine::walk(bundle, questionnaire, &trial)
                .ok()
                .map(|w| Landing {
                    end: w.end,
                    obligations: obligations(bundle, &w),
                });
            trial.insert(q.id.clone(), given.clone());
            landing
        };
        match q.kind {
            QuestionKind::YesNo | QuestionKind::Choice => {
                for c in &q.choices {
                    let answer = choice_answer(q.kind, &c.value);
                    if same_choice(given, &answer) {
                        continue;
                    }
                    if let Some(l) = end_with(answer.clone()).filter(|l| differs(l)) {
                        let (gained, lost) = delta(&l);
                        out.push(Alternative {
                            question: q,
                            answer,
                            label: &c.label,
                            range: None,
                            end: l.end,
                            gained,
                            lost,
                        });
                    }
                }
            }
            QuestionKind::Number => {
                let Answer::Number(n) = given else {
                    continue;
                };
                let mut ranges: Vec<&NumberRange> = q.ranges.iter().collect();
                ranges.sort_by(|a, b| {
                    a.min
                        .unwrap_or(f64::NEG_INFINITY)
                        .total_cmp(&b.min.unwrap_or(f64::NEG_INFINITY))
                });
                let ends: Vec<Option<Landing<'b>>> = ranges
                    .iter()
                    .map(|r| {
                        if r.contains(*n) {
                            None
                        } else {
                            end_with(Answer::Number(smallest(r))).filter(|l| differs(l))
                        }
                    })
                    .collect();
                out.extend(merged(q, &ranges, &ends, *n, &delta));
            }
            QuestionKind::Text | QuestionKind::Tally | QuestionKind::Switch => {}
        }
    }
    out
}

/// Neighbouring ranges that lead to the same place, as one alternative
/// each: below the answer given, the run's nearest range is its highest;
/// above, its lowest.
type Delta<'b> = (Vec<&'b Finding>, Vec<&'b Finding>);

fn merged<'b>(
    q: &'b Question,
    ranges: &[&'b NumberRange],
    ends: &[Option<Landing<'b>>],
    given: f64,
    delta: &dyn Fn(&Landing<'b>) -> Delta<'b>,
) -> Vec<Alternative<'b>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ranges.len() {
        let Some(landing) = &ends[i] else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < ranges.len() && ends[j + 1].as_ref().is_some_and(|e| e.same(landing)) {
            j += 1;
        }
        let (gained, lost) = delta(landing);
        let below_given = ranges[j].below.is_some_and(|b| b <= given);
        let nearest = if below_given { ranges[j] } else { ranges[i] };
        out.push(Alternative {
            question: q,
            answer: Answer::Number(smallest(nearest)),
            label: &nearest.label,
            range: Some((ranges[i].min, ranges[j].below)),
            end: landing.end,
            gained,
            lost,
        });
        i = j + 1;
    }
    out
}

fn same_end(a: &End<'_>, b: &End<'_>) -> bool {
    match (a, b) {
        (End::Outcome(x), End::Outcome(y)) => x.id == y.id,
        (End::Pending(x), End::Pending(y)) => x.id == y.id,
        _ => false,
    }
}

/// The smallest answer a range accepts (answers are never negative).
fn smallest(r: &NumberRange) -> f64 {
    r.min.unwrap_or(0.0).max(0.0)
}

/// Yes/no answers are booleans in answers files; choices are strings.
fn choice_answer(kind: QuestionKind, value: &str) -> Answer {
    match (kind, value) {
        (QuestionKind::YesNo, "oui") => Answer::Bool(true),
        (QuestionKind::YesNo, "non") => Answer::Bool(false),
        _ => Answer::Text(value.to_owned()),
    }
}

/// Whether two answers pick the same choice (`true` and `"oui"` do).
fn same_choice(a: &Answer, b: &Answer) -> bool {
    fn value(a: &Answer) -> Option<&str> {
        match a {
            Answer::Bool(true) => Some("oui"),
            Answer::Bool(false) => Some("non"),
            Answer::Text(s) => Some(s),
            Answer::Number(_) => None,
        }
    }
    value(a) == value(b)
}

/// The longest path whose alternatives are worked out: each one is walked
/// again, so the work grows with the square of the path's length. The
/// built-in trees have paths of twenty questions or so; past this limit
/// (a generated tree) the decision says nothing of what would change
/// rather than take minutes.
pub const MAX_PATH_FOR_CHANGES: usize = 500;

/// Whether [`what_would_change`] is worked out for a path this long.
pub fn worth_working_out(path_len: usize) -> bool {
    path_len <= MAX_PATH_FOR_CHANGES
}

/// [`alternatives`], written out for the decision (`what_would_change`).
pub fn what_would_change(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    answers: &BTreeMap<String, Answer>,
) -> Vec<WouldChange> {
    alternatives(bundle, questionnaire, answers)
        .into_iter()
        .map(|a| {
            let (verdict, outcome, title, pending) = match a.end {
                End::Outcome(o) => (
                    Some(o.verdict),
                    Some(o.id.clone()),
                    Some(o.title.clone()),
                    None,
                ),
                End::Pending(q) => (None, None, None, Some(q)),
            };
            let changed = |list: &[&Finding]| -> Vec<ChangedObligation> {
                list.iter()
                    .map(|f| ChangedObligation {
                        id: f.id.clone(),
                        text: f.short.clone().unwrap_or_else(|| f.text.clone()),
                        articles: engine::articles(bundle, &f.articles),
                    })
                    .collect()
            };
            WouldChange {
                question: a.question.id.clone(),
                answer: a.answer,
                label: a.label.to_owned(),
                range: a.range.map(|(min, below)| AnswerRange {
                    min,
                    below,
                    unit: a.question.unit.clone(),
                }),
                verdict,
                outcome,
                title,
                pending: pending.map(|q| q.id.clone()),
                pending_question: pending.map(|q| q.text.clone()),
                obligations_added: changed(&a.gained),
                obligations_removed: changed(&a.lost),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number with three ranges (the two upper ones lead to the same
    /// outcome), then a yes/no that leads to a question or an outcome.
    const TREE: &str = r#"
id = "t"
title = "T"
version = "1.0.0"
legal_date = "2026-01-01"
start = "etp"

[[questions]]
id = "etp"
kind = "number"
text = "Combien ?"
help = "h"
unit = "agents (ETP)"

[[questions.ranges]]
below = 50
label = "moins de 50"
next = "petit"

[[questions.ranges]]
min = 50
below = 100
label = "de 50 à 99"
next = "grand"

[[questions.ranges]]
min = 100
label = "100 ou plus"
next = "grand"

[[questions]]
id = "petit"
kind = "yes_no"
text = "Petit ?"
help = "h"
choices = [
  { value = "oui", label = "Oui", next = "o_petit" },
  { value = "non", label = "Non", next = "encore" },
]

[[questions]]
id = "encore"
kind = "yes_no"
text = "Encore ?"
help = "h"
choices = [
  { value = "oui", label = "Oui", next = "o_petit" },
  { value = "non", label = "Non", next = "o_grand" },
]

[[outcomes]]
id = "o_petit"
verdict = "may"
title = "Petit"
summary = "s"
guides = ["juridique"]

[[outcomes]]
id = "grand"
verdict = "must"
title = "Grand"
summary = "s"
guides = ["juridique"]

[[outcomes]]
id = "o_grand"
verdict = "must"
title = "Grand aussi"
summary = "s"
guides = ["juridique"]
"#;

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn a_number_flips_at_the_threshold_and_neighbouring_ranges_merge() {
        let b = Bundle::from_sources([("t.toml", TREE)]).unwrap();
        let q = b.questionnaire("t").unwrap();
        let given = answers(&[("etp", Answer::Number(20.0)), ("petit", Answer::Bool(true))]);
        let alts = what_would_change(&b, q, &given);
        assert_eq!(alts.len(), 2, "{alts:#?}");
        let etp = &alts[0];
        assert_eq!(etp.question, "etp");
        assert_eq!(etp.answer, Answer::Number(50.0));
        let r = etp.range.as_ref().unwrap();
        assert_eq!((r.min, r.below), (Some(50.0), None));
        assert_eq!(etp.outcome.as_deref(), Some("grand"));
        // « Non » leads to a question the answers do not answer.
        let petit = &alts[1];
        assert_eq!(
            (petit.answer.clone(), petit.pending.as_deref()),
            (Answer::Bool(false), Some("encore"))
        );
        assert!(petit.outcome.is_none() && petit.verdict.is_none());
    }

    #[test]
    fn from_above_the_threshold_reads_below_it() {
        let b = Bundle::from_sources([("t.toml", TREE)]).unwrap();
        let q = b.questionnaire("t").unwrap();
        let given = answers(&[
            ("etp", Answer::Number(120.0)),
            ("petit", Answer::Bool(true)),
        ]);
        let alts = what_would_change(&b, q, &given);
        // 50 to 99 leads to the same outcome: only « under 50 » changes it,
        // and it decides with the answer already given to « petit ».
        assert_eq!(alts.len(), 1, "{alts:#?}");
        let r = alts[0].range.as_ref().unwrap();
        assert_eq!((r.min, r.below), (None, Some(50.0)));
        assert_eq!(alts[0].outcome.as_deref(), Some("o_petit"));
    }

    #[test]
    fn nothing_when_the_answers_do_not_decide() {
        let b = Bundle::from_sources([("t.toml", TREE)]).unwrap();
        let q = b.questionnaire("t").unwrap();
        assert!(what_would_change(&b, q, &answers(&[("etp", Answer::Number(1.0))])).is_empty());
    }
}
