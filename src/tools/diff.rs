//! `aiguillage diff OLD NEW`: what a change of the content does to the
//! people who use it. Every path of both trees ([`enumerate`]) is replayed
//! in both ([`engine::walk`]), matched by its answers; each one whose
//! outcome, verdict or findings differ is kept, grouped by the change,
//! with the answers that lead there.
//!
//! Replaying both sides' paths catches what matching alone would miss: a
//! threshold moved from 50 to 40 gives OLD a path at 50 and NEW one at
//! 40, and it is the answer 40 that now decides otherwise. When the
//! answers of one side's path leave a question of the other side without
//! an answer (that side asks something new, or goes down another branch),
//! the path is completed there with each answer that question accepts, so
//! that every case is compared on answers both sides decide. An answer
//! that one side no longer accepts, on the path it takes, makes the path
//! one that appears or disappears.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, End};
use crate::core::model::{Answer, Outcome, Question, Verdict};
use crate::text::number::fmt_num;
use crate::tools::paths::{answer_json, edges, enumerate};

type Answers = BTreeMap<String, Answer>;

/// Where a set of answers leads in one copy of the content.
#[derive(Debug, Clone, PartialEq)]
enum Reached<'b> {
    Outcome {
        outcome: &'b Outcome,
        findings: Vec<&'b str>,
        /// The questions asked, in order (to show the answers that way).
        asked: Vec<&'b str>,
    },
    /// At this question, which the answers do not answer.
    Pending(&'b Question),
    /// Not there: the questionnaire is gone, or an answer on the path is
    /// not one this copy accepts.
    Gone,
}

/// The end of a path, before or after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndOut {
    pub outcome: String,
    pub verdict: Verdict,
    pub title: String,
}

/// One change, and every path that undergoes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The questionnaire the paths start from.
    pub questionnaire: String,
    /// Where the answers led before; absent for a path that is new.
    pub before: Option<EndOut>,
    /// Where they lead now; absent for a path that is gone.
    pub after: Option<EndOut>,
    /// Findings (ids) the paths gain, and lose, when both sides decide:
    /// for a change of outcome, those that every path of the group gains
    /// or loses.
    pub findings_added: Vec<String>,
    pub findings_removed: Vec<String>,
    /// The answers every path of the group shares: usually where the
    /// change comes from (`donnees_etp = 40` for a moved threshold).
    pub common: serde_json::Map<String, serde_json::Value>,
    /// The answers of each path, as an answers file holds them: the ones
    /// the path asks first, in order, then those only the other side asks.
    pub paths: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// Every change between two copies of the content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// How many sets of answers were compared, and how many lead to the
    /// same outcome, verdict and findings on both sides.
    pub compared: usize,
    pub unchanged: usize,
    pub changes: Vec<Change>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The questionnaires no other one jumps to (`@id`): walking from them
/// covers every path. The new copy's first, then any only the old has.
fn roots(bundles: [&Bundle; 2]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for b in bundles.into_iter().rev() {
        let targets: HashSet<&str> = b
            .questionnaires
            .iter()
            .flat_map(|(_, q)| q.questions.iter().flat_map(|x| x.targets()))
            .filter_map(|t| t.strip_prefix('@'))
            .collect();
        for (_, q) in &b.questionnaires {
            if !targets.contains(q.id.as_str()) && !out.contains(&q.id.as_str()) {
                out.push(&q.id);
            }
        }
    }
    out
}

/// Where `answers` lead from `root` in `bundle`. Answers that `bundle`
/// does not know or accept are left out; if the path then stops at one of
/// their questions, the path is not there.
fn reach<'b>(bundle: &'b Bundle, root: &str, answers: &Answers) -> Reached<'b> {
    let Some(q) = bundle.questionnaire(root) else {
        return Reached::Gone;
    };
    let mut refused: HashSet<&str> = HashSet::new();
    let kept: Answers = answers
        .iter()
        .filter(|(id, a)| {
            let ok = bundle
                .question(id)
                .is_some_and(|q| engine::route_of(q, a).is_ok());
            if !ok {
                refused.insert(id.as_str());
            }
            ok
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    match engine::walk(bundle, q, &kept) {
        Ok(w) => match w.end {
            End::Outcome(o) => Reached::Outcome {
                outcome: o,
                findings: w.finding_ids(bundle),
                asked: w.steps.iter().map(|s| s.question.id.as_str()).collect(),
            },
            End::Pending(p) if refused.contains(p.id.as_str()) => Reached::Gone,
            End::Pending(p) => Reached::Pending(p),
        },
        Err(_) => Reached::Gone,
    }
}

/// `answers` completed in `bundle` with each answer of every question the
/// path reaches without one, until it decides or is gone.
fn completions(bundle: &Bundle, root: &str, answers: &Answers, out: &mut Vec<Answers>) {
    match reach(bundle, root, answers) {
        Reached::Pending(q) => {
            for e in edges(q) {
                let mut more = answers.clone();
                more.insert(q.id.clone(), e.answer);
                completions(bundle, root, &more, out);
            }
        }
        _ => out.push(answers.clone()),
    }
}

fn end_out(o: &Outcome) -> EndOut {
    EndOut {
        outcome: o.id.clone(),
        verdict: o.verdict,
        title: o.title.clone(),
    }
}

/// The key a change is grouped by: the questionnaire, the ends before
/// and after, and for paths whose outcome stays, the findings they gain
/// and lose.
type Key = (
    String,
    Option<EndOut>,
    Option<EndOut>,
    Option<(Vec<String>, Vec<String>)>,
);

/// One path of a group: its answers, and the findings it gains and loses.
type Member = (
    serde_json::Map<String, serde_json::Value>,
    Vec<String>,
    Vec<String>,
);

/// Every change from `old` to `new`.
pub fn diff(old: &Bundle, new: &Bundle) -> Diff {
    let mut seen: HashSet<String> = HashSet::new();
    let mut groups: Vec<(Key, Vec<Member>)> = Vec::new();
    let (mut compared, mut unchanged) = (0, 0);
    for root in roots([old, new]) {
        let mut candidates: Vec<Answers> = Vec::new();
        for b in [old, new] {
            if let Some(q) = b.questionnaire(root) {
                candidates.extend(enumerate(b, q).iter().map(|p| p.answers()));
            }
        }
        for start in candidates {
            // Completed where one side leaves a question without answer.
            let mut cases = Vec::new();
            match (reach(old, root, &start), reach(new, root, &start)) {
                (Reached::Pending(_), _) => completions(old, root, &start, &mut cases),
                (_, Reached::Pending(_)) => completions(new, root, &start, &mut cases),
                _ => cases.push(start),
            }
            for answers in cases {
                let key = format!(
                    "{root} {}",
                    serde_json::to_string(&answers).unwrap_or_default()
                );
                if !seen.insert(key) {
                    continue;
                }
                let (before, after) = (reach(old, root, &answers), reach(new, root, &answers));
                let Some((key, added, removed)) = compare(root, &before, &after) else {
                    if matches!(
                        (&before, &after),
                        (Reached::Outcome { .. }, Reached::Outcome { .. })
                    ) {
                        compared += 1;
                        unchanged += 1;
                    }
                    continue;
                };
                compared += 1;
                let member = (ordered(&answers, &after, &before), added, removed);
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, members)) => members.push(member),
                    None => groups.push((key, vec![member])),
                }
            }
        }
    }
    Diff {
        compared,
        unchanged,
        changes: groups.into_iter().map(change).collect(),
    }
}

/// A group written out: what all its paths share, then each path.
fn change(((questionnaire, before, after, _), members): (Key, Vec<Member>)) -> Change {
    let every = |pick: fn(&Member) -> &Vec<String>| -> Vec<String> {
        let Some(first) = members.first() else {
            return Vec::new();
        };
        pick(first)
            .iter()
            .filter(|f| members.iter().all(|m| pick(m).contains(f)))
            .cloned()
            .collect()
    };
    let findings_added = every(|m| &m.1);
    let findings_removed = every(|m| &m.2);
    let mut common = members.first().map(|m| m.0.clone()).unwrap_or_default();
    common.retain(|id, v| members.iter().all(|m| m.0.get(id) == Some(v)));
    Change {
        questionnaire,
        before,
        after,
        findings_added,
        findings_removed,
        common,
        paths: members.into_iter().map(|m| m.0).collect(),
    }
}

/// The change between two ends with the findings gained and lost; `None`
/// when there is none (or when one side cannot tell).
fn compare(
    root: &str,
    before: &Reached<'_>,
    after: &Reached<'_>,
) -> Option<(Key, Vec<String>, Vec<String>)> {
    match (before, after) {
        (
            Reached::Outcome {
                outcome: a,
                findings: fa,
                ..
            },
            Reached::Outcome {
                outcome: b,
                findings: fb,
                ..
            },
        ) => {
            let added: Vec<String> = fb
                .iter()
                .filter(|f| !fa.contains(f))
                .map(|f| f.to_string())
                .collect();
            let removed: Vec<String> = fa
                .iter()
                .filter(|f| !fb.contains(f))
                .map(|f| f.to_string())
                .collect();
            let same = a.id == b.id && a.verdict == b.verdict && a.title == b.title;
            if same && added.is_empty() && removed.is_empty() {
                return None;
            }
            let findings = same.then(|| (added.clone(), removed.clone()));
            let key = (
                root.to_owned(),
                Some(end_out(a)),
                Some(end_out(b)),
                findings,
            );
            Some((key, added, removed))
        }
        (Reached::Outcome { outcome, .. }, Reached::Gone) => Some((
            (root.to_owned(), Some(end_out(outcome)), None, None),
            vec![],
            vec![],
        )),
        (Reached::Gone, Reached::Outcome { outcome, .. }) => Some((
            (root.to_owned(), None, Some(end_out(outcome)), None),
            vec![],
            vec![],
        )),
        _ => None,
    }
}

/// The answers in the order the path asks them (the new side's when it
/// decides), then the others in the order of the ids.
fn ordered(
    answers: &Answers,
    first: &Reached<'_>,
    second: &Reached<'_>,
) -> serde_json::Map<String, serde_json::Value> {
    let asked: &[&str] = match (first, second) {
        (Reached::Outcome { asked, .. }, _) | (_, Reached::Outcome { asked, .. }) => asked,
        _ => &[],
    };
    let mut map = serde_json::Map::new();
    for id in asked {
        if let Some(a) = answers.get(*id) {
            map.insert((*id).to_owned(), answer_json(a));
        }
    }
    for (id, a) in answers {
        if !map.contains_key(id) {
            map.insert(id.clone(), answer_json(a));
        }
    }
    map
}

/// The report for a person: each change, its findings, its paths.
pub fn text(d: &Diff, old: &str, new: &str) -> String {
    let mut s = String::new();
    if d.is_empty() {
        s.push_str(&msg::nothing(old, new, d.compared));
        return s;
    }
    let paths: usize = d.changes.iter().map(|c| c.paths.len()).sum();
    s.push_str(&msg::header(old, new, paths, d.compared, d.changes.len()));
    for (i, c) in d.changes.iter().enumerate() {
        let end = |e: &Option<EndOut>| match e {
            Some(e) => format!("{} [{}]", e.outcome, e.verdict.as_str()),
            None => msg::no_path(),
        };
        s.push_str(&format!(
            "\n{}. {} → {}  ({})\n",
            i + 1,
            end(&c.before),
            end(&c.after),
            c.questionnaire
        ));
        if let (Some(b), Some(a)) = (&c.before, &c.after)
            && b.title != a.title
        {
            s.push_str(&format!("   {}\n   {}\n", b.title, a.title));
        } else if let Some(e) = c.after.as_ref().or(c.before.as_ref()) {
            s.push_str(&format!("   {}\n", e.title));
        }
        if !c.findings_added.is_empty() {
            s.push_str(&format!(
                "   {} {}\n",
                msg::findings_added(),
                c.findings_added.join(", ")
            ));
        }
        if !c.findings_removed.is_empty() {
            s.push_str(&format!(
                "   {} {}\n",
                msg::findings_removed(),
                c.findings_removed.join(", ")
            ));
        }
        if !c.common.is_empty() && c.paths.len() > 1 {
            s.push_str(&format!(
                "   {} {}\n",
                msg::common(),
                answers_line(&c.common, " · ")
            ));
        }
        s.push_str(&format!("   {}\n", msg::paths(c.paths.len())));
        for p in c.paths.iter().take(SHOWN) {
            s.push_str(&format!("     {}\n", answers_line(p, " → ")));
        }
        if c.paths.len() > SHOWN {
            s.push_str(&format!("     {}\n", msg::more(c.paths.len() - SHOWN)));
        }
    }
    s
}

/// How many paths of a change the text shows (JSON has them all).
const SHOWN: usize = 5;

/// Answers as `id = value`, as an answers file writes the values.
fn answers_line(answers: &serde_json::Map<String, serde_json::Value>, sep: &str) -> String {
    answers
        .iter()
        .map(|(id, v)| match v.as_f64() {
            Some(n) => format!("{id} = {}", fmt_num(n)),
            None => format!("{id} = {v}"),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// User-facing strings of this module.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn nothing(old: &str, new: &str, compared: usize) {
            fr: "{old} → {new} : aucun changement ({compared} cas comparés : mêmes issues, mêmes verdicts, mêmes constats)\n",
            en: "{old} → {new}: no change ({compared} cases compared: same outcomes, verdicts and findings)\n",
        }
        fn header(old: &str, new: &str, paths: usize, compared: usize, changes: usize) {
            fr: "{old} → {new} : {paths} cas sur {compared} changent, en {changes} changement(s)\n",
            en: "{old} → {new}: {paths} of {compared} cases change, in {changes} change(s)\n",
        }
        /// One side of a change where no path leads.
        fn no_path() {
            fr: "(aucun chemin)",
            en: "(no path)",
        }
        fn findings_added() { fr: "+ constats :", en: "+ findings:" }
        fn findings_removed() { fr: "- constats :", en: "- findings:" }
        /// Before the answers every path of a change shares.
        fn common() {
            fr: "en commun :",
            en: "shared:",
        }
        fn more(count: usize) {
            fr: "… et {count} autre(s) (tous avec --format json)",
            en: "… and {count} more (all with --format json)",
        }
        fn paths(count: usize) {
            fr: "{count} cas, réponses :",
            en: "{count} case(s), answers:",
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

[[questions.ranges]]
below = 50
label = "moins de 50"
next = "petit"

[[questions.ranges]]
min = 50
label = "50 ou plus"
next = "grand"

[[questions]]
id = "petit"
kind = "yes_no"
text = "Petit ?"
help = "h"
choices = [
  { value = "oui", label = "Oui", next = "o_petit" },
  { value = "non", label = "Non", next = "o_petit" },
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
"#;

    #[test]
    fn a_moved_threshold_shows_the_cases_between_the_two() {
        let old = Bundle::from_sources([("t.toml", TREE)]).unwrap();
        let moved = TREE
            .replace("below = 50", "below = 40")
            .replace("min = 50", "min = 40");
        let new = Bundle::from_sources([("t.toml", moved.as_str())]).unwrap();
        let d = diff(&old, &new);
        assert_eq!(d.changes.len(), 1, "{d:#?}");
        let c = &d.changes[0];
        assert_eq!(c.before.as_ref().unwrap().outcome, "o_petit");
        assert_eq!(c.after.as_ref().unwrap().outcome, "grand");
        // At 40, the old tree asked one more question: both its answers.
        assert_eq!(c.paths.len(), 2, "{c:#?}");
        assert!(c.paths.iter().all(|p| p["etp"] == 40));
        assert!(diff(&old, &old).is_empty());
    }
}
