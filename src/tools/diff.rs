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
//!
//! Bounded: the paths are streamed ([`for_each_path`]), never collected;
//! a case already compared is remembered by a 64-bit hash of its answers;
//! and the work stops once [`MAX_ANSWERS_REPLAYED`] answers have been
//! replayed (a tree of 60 diamond levels has 2^60 paths), the report
//! then naming the questionnaires whose paths were not all compared.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;

use serde::Serialize;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, End};
use crate::core::model::{Answer, Outcome, Question, Verdict};
use crate::text::number::fmt_num;
use crate::tools::paths::{answer_json, edges, for_each_path};

/// The most answers `diff` replays, summed over every case it compares
/// (each case is walked in both copies): the bound on its time, and on
/// the memory its report takes. The built-in content needs about a
/// tenth of it.
pub const MAX_ANSWERS_REPLAYED: usize = 2_000_000;

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
    /// `None` when the group came after the listing was full
    /// ([`MAX_LISTED_ANSWERS`]).
    pub common: Option<serde_json::Map<String, serde_json::Value>>,
    /// How many paths undergo the change.
    pub count: usize,
    /// The answers of each path, as an answers file holds them: the ones
    /// the path asks first, in order, then those only the other side asks.
    /// All of them, until [`MAX_LISTED_ANSWERS`] answers are listed in the
    /// whole report; the others are only counted.
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
    /// The questionnaires (where paths start) whose paths were not all
    /// compared, the work having reached [`MAX_ANSWERS_REPLAYED`]: empty
    /// when the comparison is complete.
    pub not_compared: Vec<String>,
    /// How many answers were replayed, out of [`MAX_ANSWERS_REPLAYED`].
    pub replayed: usize,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether every path of both copies was compared.
    pub fn is_complete(&self) -> bool {
        self.not_compared.is_empty()
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
    // Usually every answer fits: one walk, no copy of the answers.
    if let Ok(w) = engine::walk(bundle, q, answers) {
        return reached(bundle, &w, &HashSet::new());
    }
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
        Ok(w) => reached(bundle, &w, &refused),
        Err(_) => Reached::Gone,
    }
}

/// Where a walk ended; a question whose answer was `refused` is the end of
/// a path that is not there.
fn reached<'b>(
    bundle: &'b Bundle,
    w: &engine::Walk<'b, '_>,
    refused: &HashSet<&str>,
) -> Reached<'b> {
    match w.end {
        End::Outcome(o) => Reached::Outcome {
            outcome: o,
            findings: w.finding_ids(bundle),
            asked: w.steps.iter().map(|s| s.question.id.as_str()).collect(),
        },
        End::Pending(p) if refused.contains(p.id.as_str()) => Reached::Gone,
        End::Pending(p) => Reached::Pending(p),
    }
}

/// `answers` completed in `bundle` with each answer of every question the
/// path reaches without one, until it decides or is gone: each case
/// handed to `f`, depth first, with its own stack (no recursion depth
/// depends on the tree).
fn completions<B>(
    bundle: &Bundle,
    root: &str,
    answers: Answers,
    f: &mut impl FnMut(Answers) -> ControlFlow<B>,
) -> ControlFlow<B> {
    let mut stack = vec![answers];
    while let Some(answers) = stack.pop() {
        match reach(bundle, root, &answers) {
            Reached::Pending(q) => {
                // Pushed last to first: the first answer is walked first.
                for e in edges(q).into_iter().rev() {
                    let mut more = answers.clone();
                    more.insert(q.id.clone(), e.answer);
                    stack.push(more);
                }
            }
            _ => f(answers)?,
        }
    }
    ControlFlow::Continue(())
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

/// The most answers the report lists, summed over the paths of every
/// change and what they share: the bound on its memory. Paths past it are
/// counted, not listed.
pub const MAX_LISTED_ANSWERS: usize = 200_000;

/// Every change from `old` to `new`, within [`MAX_ANSWERS_REPLAYED`].
pub fn diff(old: &Bundle, new: &Bundle) -> Diff {
    diff_within(old, new, MAX_ANSWERS_REPLAYED)
}

/// The work of [`diff`] as it goes: the cases seen, the groups of changes.
struct Work<'b> {
    old: &'b Bundle,
    new: &'b Bundle,
    /// Answers that may still be replayed.
    budget: usize,
    /// Hashes of the cases compared, with their questionnaire.
    seen: HashSet<u64>,
    /// The changes found, each with its key.
    groups: Vec<Change>,
    /// Where each group's key is in `groups`.
    index: HashMap<String, usize>,
    /// Answers that may still be listed.
    listed: usize,
    compared: usize,
    unchanged: usize,
}

/// The budget ran out.
struct Spent;

impl Work<'_> {
    /// One path of either side, from `root`: completed where one side
    /// leaves a question without answer, then each case compared.
    fn path(&mut self, root: &str, start: Answers) -> ControlFlow<Spent> {
        self.spend(start.len())?;
        let (old, new) = (self.old, self.new);
        match (reach(old, root, &start), reach(new, root, &start)) {
            (Reached::Pending(_), _) => completions(old, root, start, &mut |a| self.case(root, a)),
            (_, Reached::Pending(_)) => completions(new, root, start, &mut |a| self.case(root, a)),
            // Both sides decide or drop it: compared as it is, with the
            // walks just done.
            (before, after) => self.compare(root, start, before, after),
        }
    }

    fn spend(&mut self, answers: usize) -> ControlFlow<Spent> {
        match self.budget.checked_sub(answers.max(1)) {
            Some(left) => {
                self.budget = left;
                ControlFlow::Continue(())
            }
            None => ControlFlow::Break(Spent),
        }
    }

    /// A completed case: walked on both sides, then compared.
    fn case(&mut self, root: &str, answers: Answers) -> ControlFlow<Spent> {
        self.spend(answers.len())?;
        let (old, new) = (self.old, self.new);
        let (before, after) = (reach(old, root, &answers), reach(new, root, &answers));
        self.compare(root, answers, before, after)
    }

    /// Notes a case once (both sides' paths give many of the same), and
    /// its change if any.
    fn compare(
        &mut self,
        root: &str,
        answers: Answers,
        before: Reached<'_>,
        after: Reached<'_>,
    ) -> ControlFlow<Spent> {
        if !self.seen.insert(case_hash(root, &answers)) {
            return ControlFlow::Continue(());
        }
        let Some((key, added, removed)) = compare(root, &before, &after) else {
            if matches!(
                (&before, &after),
                (Reached::Outcome { .. }, Reached::Outcome { .. })
            ) {
                self.compared += 1;
                self.unchanged += 1;
            }
            return ControlFlow::Continue(());
        };
        self.compared += 1;
        let name = serde_json::to_string(&key).unwrap_or_default();
        let index = self.index.get(&name).copied();
        // The answers, listed while there is room: the path, and for a
        // new group, what its paths share (so far, all of them).
        let wanted = if index.is_some() { 1 } else { 2 } * answers.len();
        let listed = (self.listed >= wanted).then(|| {
            self.listed -= wanted;
            ordered(&answers, &after, &before)
        });
        match index {
            Some(i) => {
                let c = &mut self.groups[i];
                c.count += 1;
                // What every path of the group gains, loses and shares.
                c.findings_added.retain(|f| added.contains(f));
                c.findings_removed.retain(|f| removed.contains(f));
                if let Some(common) = &mut c.common {
                    common.retain(|id, v| answers.get(id).map(answer_json).as_ref() == Some(v));
                }
                c.paths.extend(listed);
            }
            None => {
                let (questionnaire, before, after, _) = key;
                self.index.insert(name, self.groups.len());
                self.groups.push(Change {
                    questionnaire,
                    before,
                    after,
                    findings_added: added,
                    findings_removed: removed,
                    common: listed.clone(),
                    count: 1,
                    paths: listed.into_iter().collect(),
                });
            }
        }
        ControlFlow::Continue(())
    }
}

/// A 64-bit hash of a case: what [`Work::seen`] keeps of it. (Two cases
/// among millions share one with a chance of about 10⁻⁷; the cost
/// would be one case left uncompared.)
fn case_hash(root: &str, answers: &Answers) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    root.hash(&mut h);
    for (id, a) in answers {
        id.hash(&mut h);
        match a {
            Answer::Bool(b) => (0u8, *b).hash(&mut h),
            Answer::Number(n) => (1u8, n.to_bits()).hash(&mut h),
            Answer::Text(t) => (2u8, t).hash(&mut h),
        }
    }
    h.finish()
}

/// [`diff`] with a budget of `budget` answers replayed.
pub fn diff_within(old: &Bundle, new: &Bundle, budget: usize) -> Diff {
    let mut work = Work {
        old,
        new,
        budget,
        seen: HashSet::new(),
        groups: Vec::new(),
        index: HashMap::new(),
        listed: MAX_LISTED_ANSWERS,
        compared: 0,
        unchanged: 0,
    };
    let roots = roots([old, new]);
    let mut not_compared = Vec::new();
    for (i, root) in roots.iter().enumerate() {
        let mut spent = false;
        for b in [old, new] {
            if let Some(q) = b.questionnaire(root) {
                let walked = for_each_path(b, q, |p| work.path(root, p.answers()));
                if walked.is_break() {
                    spent = true;
                    break;
                }
            }
        }
        if spent {
            not_compared.extend(roots[i..].iter().map(|r| (*r).to_owned()));
            break;
        }
    }
    Diff {
        compared: work.compared,
        unchanged: work.unchanged,
        changes: work.groups,
        not_compared,
        replayed: budget - work.budget,
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
        if d.is_complete() {
            s.push_str(&msg::nothing(old, new, d.compared));
        } else {
            s.push_str(&msg::nothing_found(old, new, d.compared));
            s.push_str(&incomplete(d));
        }
        return s;
    }
    let paths: usize = d.changes.iter().map(|c| c.count).sum();
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
        if let Some(common) = c.common.as_ref().filter(|m| !m.is_empty())
            && c.count > 1
        {
            s.push_str(&format!(
                "   {} {}\n",
                msg::common(),
                answers_line(common, " · ")
            ));
        }
        s.push_str(&format!("   {}\n", msg::paths(c.count)));
        let shown = c.paths.len().min(SHOWN);
        for p in &c.paths[..shown] {
            s.push_str(&format!("     {}\n", answers_line(p, " → ")));
        }
        if c.count > shown {
            s.push_str(&format!("     {}\n", msg::more(c.count - shown)));
        }
    }
    if !d.is_complete() {
        s.push('\n');
        s.push_str(&incomplete(d));
    }
    s
}

/// What was not compared, and why.
fn incomplete(d: &Diff) -> String {
    let limit = crate::text::number::number(MAX_ANSWERS_REPLAYED as f64);
    msg::incomplete(&limit, &d.not_compared.join(", "))
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
        /// No change among the cases compared, but not all were.
        fn nothing_found(old: &str, new: &str, compared: usize) {
            fr: "{old} → {new} : aucun changement parmi les {compared} cas comparés, mais tous ne l'ont pas été\n",
            en: "{old} → {new}: no change among the {compared} cases compared, but not all were\n",
        }
        /// `limit`: a number as the interface writes it; `roots`: ids.
        fn incomplete(limit: &str, roots: &str) {
            fr: "Comparaison incomplète : arrêtée après {limit} réponses rejouées (la limite de diff). Les chemins de ces questionnaires n'ont pas tous été comparés : {roots}. Comparez des copies plus petites (un fichier .toml à la fois) ou lisez aiguillage paths.\n",
            en: "Incomplete comparison: stopped after {limit} answers replayed (diff's limit). The paths of these questionnaires were not all compared: {roots}. Compare smaller copies (one .toml file at a time) or read aiguillage paths.\n",
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

    #[test]
    fn the_built_in_content_is_compared_whole_well_within_the_bound() {
        let b = Bundle::builtin().unwrap();
        let d = diff(&b, &b);
        assert!(d.is_complete() && d.is_empty());
        assert!(d.replayed < MAX_ANSWERS_REPLAYED / 4, "{}", d.replayed);
    }

    #[test]
    fn a_spent_budget_names_what_was_not_compared() {
        let old = Bundle::from_sources([("t.toml", TREE)]).unwrap();
        let d = diff_within(&old, &old, 2);
        assert_eq!(d.not_compared, ["t"]);
        assert!(text(&d, "a", "b").contains("mais tous ne l'ont pas été"));
    }
}
