//! Structural checks of a bundle of questionnaires: everything that would
//! make a user walk into a dead end, or read an obligation nobody can cite.
//!
//! The checks never stop at the first problem: they return a [`Report`]
//! with every error and warning, each pointing at its place in the file.

use std::collections::{HashMap, HashSet};

use crate::core::catalog::{Bundle, Node, SourceId};
use crate::core::diagnostic::{Diagnostic, Report, Severity};
use crate::core::model::{Finding, FindingKind, GuideRef, HELP_MAX_CHARS, Question, QuestionKind};
use crate::core::{condition, template};
use crate::text::number::fmt_num;
use crate::text::suggest::suggest;

struct Checker<'a> {
    bundle: &'a Bundle,
    report: Report,
    /// « Did you mean » compares a name with every candidate: in a file
    /// with thousands of broken references, doing it for each would be
    /// quadratic. The first ones (in file order, the ones shown) get a
    /// suggestion; past this many, none does.
    suggestions_left: std::cell::Cell<usize>,
}

/// How many « did you mean » a check computes at most.
const MAX_SUGGESTIONS: usize = 4 * crate::text::limits::MAX_SHOWN_ERRORS;

impl Checker<'_> {
    /// [`suggest`], while the budget lasts.
    fn suggest<'b>(&self, word: &str, candidates: impl Iterator<Item = &'b str>) -> String {
        let left = self.suggestions_left.get();
        if left == 0 {
            return String::new();
        }
        self.suggestions_left.set(left - 1);
        suggest(word, candidates)
    }

    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        source: SourceId,
        path: String,
        message: String,
    ) {
        let file = self.bundle.sources[source].name.clone();
        self.report.diagnostics.push(Diagnostic::at_key(
            severity, code, message, file, path, source,
        ));
    }

    fn error(&mut self, code: &'static str, src: SourceId, path: String, message: String) {
        self.push(Severity::Error, code, src, path, message);
    }

    fn warning(&mut self, code: &'static str, src: SourceId, path: String, message: String) {
        self.push(Severity::Warning, code, src, path, message);
    }
}

/// Runs every check on a bundle.
pub fn check(bundle: &Bundle) -> Report {
    let mut c = Checker {
        bundle,
        report: Report::default(),
        suggestions_left: std::cell::Cell::new(MAX_SUGGESTIONS),
    };
    check_duplicates(&mut c);
    check_references(&mut c);
    check_replaces_cycles(&mut c);
    check_kinds(&mut c);
    check_graph(&mut c);
    check_tally_order(&mut c);
    check_content(&mut c);
    check_conditions(&mut c);
    check_unused_findings(&mut c);
    c.report
}

/// The conditions of the texts (next steps, summaries) and of the
/// consistency declarations (`excludes`, `requires`, `[[rules]]`): each
/// readable, naming what exists, and using only the tests its place
/// allows (see [`condition::problem`]). A text also must not point at a
/// place on the page (« ci-dessous »): each output orders its parts its
/// own way.
fn check_conditions(c: &mut Checker) {
    let b = c.bundle;
    for (src, q) in &b.questionnaires {
        let src = *src;
        for (oi, o) in q.outcomes.iter().enumerate() {
            let parts = o
                .summary
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("outcomes[{oi}].summary[{i}]"), p))
                .chain(
                    o.next_steps
                        .iter()
                        .enumerate()
                        .map(|(i, p)| (format!("outcomes[{oi}].next_steps[{i}]"), p)),
                );
            for (path, part) in parts {
                let (when, unless) = part.conditions();
                for (key, cond) in [("when", when), ("unless", unless)] {
                    if let Some(cond) = cond {
                        let text = condition::Use::Text { fields: false };
                        check_condition(c, src, &format!("{path}.{key}"), cond, text);
                    }
                }
                if let Some(word) = positional(part.text()) {
                    c.warning(
                        "positional-reference",
                        src,
                        path.replace(".summary[0]", ".summary"),
                        msg::positional_reference(word),
                    );
                }
            }
        }
        for (fi, f) in q.findings.iter().enumerate() {
            let texts = [("text", Some(&f.text)), ("short", f.short.as_ref())];
            for (key, text) in texts {
                if let Some(word) = text.and_then(|t| positional(t)) {
                    let path = format!("findings[{fi}].{key}");
                    c.warning(
                        "positional-reference",
                        src,
                        path,
                        msg::positional_reference(word),
                    );
                }
            }
            for (key, list) in [("excludes", &f.excludes), ("requires", &f.requires)] {
                for (i, cond) in list.iter().enumerate() {
                    let path = format!("findings[{fi}].{key}[{i}]");
                    check_condition(c, src, &path, cond, condition::Use::Declaration);
                }
            }
        }
        for (ri, r) in q.rules.iter().enumerate() {
            let lists = [
                ("when", &r.when),
                ("excludes", &r.excludes),
                ("requires", &r.requires),
            ];
            for (key, list) in lists {
                for (i, cond) in list.iter().enumerate() {
                    let path = format!("rules[{ri}].{key}[{i}]");
                    check_condition(c, src, &path, cond, condition::Use::Declaration);
                }
            }
        }
    }
}

/// A word that points at a place on the page, if `text` has one.
fn positional(text: &str) -> Option<&'static str> {
    ["ci-dessous", "ci-dessus"]
        .into_iter()
        .find(|w| text.to_lowercase().contains(w))
}

fn check_condition(c: &mut Checker, src: SourceId, path: &str, cond: &str, usage: condition::Use) {
    match template::parse_condition(cond, 0) {
        Err(_) => c.error("bad-condition", src, path.into(), msg::bad_condition(cond)),
        Ok(tests) => {
            for t in &tests {
                if let Some((code, message)) = condition::problem(t, usage, c.bundle, None) {
                    c.error(code, src, path.into(), message);
                }
            }
        }
    }
}

fn check_duplicates(c: &mut Checker) {
    let b = c.bundle;
    // Questions, outcomes and findings share one namespace.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut qids = HashSet::new();
    for (src, q) in &b.questionnaires {
        if !qids.insert(q.id.as_str()) {
            c.error(
                "duplicate-id",
                *src,
                "id".into(),
                msg::duplicate_questionnaire(&q.id),
            );
        }
        let items = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("questions[{i}].id"), x.id.as_str()))
            .chain(
                q.outcomes
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("outcomes[{i}].id"), x.id.as_str())),
            )
            .chain(
                q.findings
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("findings[{i}].id"), x.id.as_str())),
            );
        for (path, id) in items {
            if !seen.insert(id) {
                c.error("duplicate-id", *src, path, msg::duplicate_id(id));
            }
        }
    }
    dup_in(
        c,
        per_file(&b.articles).map(|(i, s, a)| (i, s, a.id.as_str())),
        "articles",
    );
    dup_in(
        c,
        per_file(&b.terms).map(|(i, s, t)| (i, s, t.id.as_str())),
        "terms",
    );
    dup_in(
        c,
        per_file(&b.guides).map(|(i, s, g)| (i, s, g.id.as_str())),
        "guides",
    );
}

/// Items of the reference files with their index in their own file (the
/// bundle may hold several files of a kind), for the key path.
pub fn per_file<T>(items: &[(SourceId, T)]) -> impl Iterator<Item = (usize, SourceId, &T)> {
    let mut counts: HashMap<SourceId, usize> = HashMap::new();
    items.iter().map(move |(src, item)| {
        let n = counts.entry(*src).or_insert(0);
        *n += 1;
        (*n - 1, *src, item)
    })
}

fn dup_in<'a>(
    c: &mut Checker,
    items: impl Iterator<Item = (usize, SourceId, &'a str)>,
    table: &str,
) {
    let mut seen = HashSet::new();
    for (i, src, id) in items {
        if !seen.insert(id) {
            c.error(
                "duplicate-id",
                src,
                format!("{table}[{i}].id"),
                msg::duplicate_id(id),
            );
        }
    }
}

fn check_references(c: &mut Checker) {
    let b = c.bundle;
    for (src, q) in &b.questionnaires {
        let src = *src;
        if b.question(&q.start).is_none() {
            c.error(
                "missing-reference",
                src,
                "start".into(),
                msg::missing_start(&q.start),
            );
        }
        for (qi, question) in q.questions.iter().enumerate() {
            for (ti, t) in question.terms.iter().enumerate() {
                if b.term(t).is_none() {
                    c.error(
                        "missing-reference",
                        src,
                        format!("questions[{qi}].terms[{ti}]"),
                        msg::missing_term(
                            t,
                            &c.suggest(t, b.terms.iter().map(|(_, t)| t.id.as_str())),
                        ),
                    );
                }
            }
            if let Some(next) = &question.next {
                check_next(c, src, format!("questions[{qi}].next"), next);
            }
            for (path, branch) in branches(question, qi) {
                check_next(c, src, format!("{path}.next"), &branch.next);
                for (i, f) in branch.findings.iter().enumerate() {
                    check_finding_ref(c, src, format!("{path}.findings[{i}]"), f);
                }
                for (i, a) in branch.articles.iter().enumerate() {
                    check_article_ref(c, src, format!("{path}.articles[{i}]"), a);
                }
            }
        }
        for (fi, f) in q.findings.iter().enumerate() {
            for (i, a) in f.articles.iter().enumerate() {
                check_article_ref(c, src, format!("findings[{fi}].articles[{i}]"), a);
            }
            for (i, r) in f.replaces.iter().enumerate() {
                check_finding_ref(c, src, format!("findings[{fi}].replaces[{i}]"), r);
            }
            for (i, g) in f.guides.iter().enumerate() {
                check_guide_ref(c, src, format!("findings[{fi}].guides[{i}]"), g);
            }
        }
        for (oi, o) in q.outcomes.iter().enumerate() {
            for (i, f) in o.findings.iter().enumerate() {
                check_finding_ref(c, src, format!("outcomes[{oi}].findings[{i}]"), f);
            }
            for (i, g) in o.guides.iter().enumerate() {
                check_guide_ref(c, src, format!("outcomes[{oi}].guides[{i}]"), g);
            }
        }
    }
    for (ti, src, t) in per_file(&b.terms) {
        for (i, a) in t.articles.iter().enumerate() {
            check_article_ref(c, src, format!("terms[{ti}].articles[{i}]"), a);
        }
    }
}

/// Findings that replace one another in a loop (`a` replaces `b`, `b`
/// replaces `a`): on a path that gathers them, each removes the other and
/// none is left — a `must` without its obligation. Found with a walk of
/// the `replaces` links that keeps its own stack; each loop is reported
/// once, at the `replaces` entry that closes it.
fn check_replaces_cycles(c: &mut Checker) {
    let b = c.bundle;
    // id → (file, index in the file, finding)
    let mut by_id: HashMap<&str, (SourceId, usize, &crate::core::model::Finding)> = HashMap::new();
    for (src, q) in &b.questionnaires {
        for (fi, f) in q.findings.iter().enumerate() {
            by_id.entry(f.id.as_str()).or_insert((*src, fi, f));
        }
    }
    // 0: not seen; 1: on the walk; 2: done.
    let mut state: HashMap<&str, u8> = HashMap::new();
    let mut ids: Vec<&str> = by_id.keys().copied().collect();
    ids.sort_unstable();
    for root in ids {
        if state.get(root).copied().unwrap_or(0) != 0 {
            continue;
        }
        // Each finding on the walk with the index of its next link.
        let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
        state.insert(root, 1);
        while let Some((id, next)) = stack.last_mut() {
            let (src, fi, f) = by_id[*id];
            let Some(target) = f.replaces.get(*next).map(String::as_str) else {
                state.insert(*id, 2);
                stack.pop();
                continue;
            };
            let link = *next;
            *next += 1;
            // A finding never replaces itself (the engine ignores it).
            if target == *id || !by_id.contains_key(target) {
                continue;
            }
            match state.get(target).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|(x, _)| *x == target).unwrap_or(0);
                    let mut cycle: Vec<&str> = stack[from..].iter().map(|(x, _)| *x).collect();
                    cycle.push(target);
                    c.error(
                        "replaces-cycle",
                        src,
                        format!("findings[{fi}].replaces[{link}]"),
                        msg::replaces_cycle(&cycle_text(&cycle)),
                    );
                }
                0 => {
                    state.insert(target, 1);
                    stack.push((target, 0));
                }
                _ => {}
            }
        }
    }
}

/// The branches of a question with their path in the file.
fn branches(q: &Question, qi: usize) -> Vec<(String, &crate::core::model::Branch)> {
    q.choices
        .iter()
        .enumerate()
        .map(|(i, ch)| (format!("questions[{qi}].choices[{i}]"), &ch.branch))
        .chain(
            q.ranges
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("questions[{qi}].ranges[{i}]"), &r.branch)),
        )
        .collect()
}

fn check_next(c: &mut Checker, src: SourceId, path: String, next: &str) {
    let b = c.bundle;
    if b.node(next).is_some() {
        return;
    }
    let message = if let Some(q) = next.strip_prefix('@') {
        msg::missing_questionnaire(
            q,
            &c.suggest(q, b.questionnaires.iter().map(|(_, q)| q.id.as_str())),
        )
    } else {
        let candidates = b.questionnaires.iter().flat_map(|(_, q)| {
            q.questions
                .iter()
                .map(|x| x.id.as_str())
                .chain(q.outcomes.iter().map(|x| x.id.as_str()))
        });
        msg::missing_node(next, &c.suggest(next, candidates))
    };
    c.error("missing-reference", src, path, message);
}

fn check_finding_ref(c: &mut Checker, src: SourceId, path: String, id: &str) {
    let b = c.bundle;
    if b.finding(id).is_none() {
        let candidates = b
            .questionnaires
            .iter()
            .flat_map(|(_, q)| q.findings.iter().map(|f| f.id.as_str()));
        c.error(
            "missing-reference",
            src,
            path,
            msg::missing_finding(id, &c.suggest(id, candidates)),
        );
    }
}

fn check_article_ref(c: &mut Checker, src: SourceId, path: String, id: &str) {
    let b = c.bundle;
    if b.article(id).is_none() {
        c.error(
            "missing-reference",
            src,
            path,
            msg::missing_article(
                id,
                &c.suggest(id, b.articles.iter().map(|(_, a)| a.id.as_str())),
            ),
        );
    }
}

fn check_guide_ref(c: &mut Checker, src: SourceId, path: String, r: &GuideRef) {
    let b = c.bundle;
    match b.guide(&r.guide) {
        None => c.error(
            "unknown-guide",
            src,
            path,
            msg::unknown_guide(
                &r.guide,
                &c.suggest(&r.guide, b.guides.iter().map(|(_, g)| g.id.as_str())),
            ),
        ),
        Some(g) => {
            if let Some(ch) = &r.chapter
                && !g.chapters.iter().any(|x| &x.id == ch)
            {
                c.error(
                    "unknown-guide",
                    src,
                    path,
                    msg::unknown_chapter(
                        &g.id,
                        ch,
                        &c.suggest(ch, g.chapters.iter().map(|x| x.id.as_str())),
                    ),
                );
            }
        }
    }
}

fn check_kinds(c: &mut Checker) {
    let b = c.bundle;
    for (src, q) in &b.questionnaires {
        for (qi, question) in q.questions.iter().enumerate() {
            check_kind(c, *src, qi, question);
        }
    }
}

fn check_kind(c: &mut Checker, src: SourceId, qi: usize, q: &Question) {
    let at = |field: &str| format!("questions[{qi}].{field}");
    let id = &q.id;
    match q.kind {
        QuestionKind::YesNo => {
            check_duplicate_values(c, src, qi, q);
            let mut values: Vec<&str> = q.choices.iter().map(|c| c.value.as_str()).collect();
            values.sort_unstable();
            values.dedup();
            if values != ["non", "oui"] {
                c.error("bad-kind", src, at("choices"), msg::yes_no_choices(id));
            }
        }
        QuestionKind::Choice => {
            if q.choices.len() < 2 {
                c.error("bad-kind", src, at("choices"), msg::too_few_choices(id));
            }
            check_duplicate_values(c, src, qi, q);
        }
        QuestionKind::Number => check_ranges(c, src, qi, q),
        QuestionKind::Tally => {
            check_count(c, src, qi, q);
            check_ranges(c, src, qi, q);
        }
        QuestionKind::Text => {
            if q.next.is_none() {
                c.error("bad-kind", src, at("id"), msg::text_without_next(id));
            }
        }
        QuestionKind::Switch => check_switch(c, src, qi, q),
    }
    if q.kind != QuestionKind::Switch {
        for (ci, choice) in q.choices.iter().enumerate() {
            if choice.when.is_some() {
                c.error(
                    "bad-kind",
                    src,
                    at(&format!("choices[{ci}].when")),
                    msg::when_outside_switch(id),
                );
            }
        }
    }
    let misplaced = match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => {
            (!q.ranges.is_empty() || q.next.is_some()).then_some("ranges/next")
        }
        QuestionKind::Number => {
            (!q.choices.is_empty() || q.next.is_some()).then_some("choices/next")
        }
        QuestionKind::Text => {
            (!q.choices.is_empty() || !q.ranges.is_empty()).then_some("choices/ranges")
        }
        QuestionKind::Tally => (!q.choices.is_empty() || q.next.is_some() || q.unit.is_some())
            .then_some("choices/next/unit"),
        QuestionKind::Switch => (!q.ranges.is_empty() || q.next.is_some() || q.unit.is_some())
            .then_some("ranges/next/unit"),
    };
    let misplaced = misplaced
        .or_else(|| (q.kind != QuestionKind::Tally && !q.count.is_empty()).then_some("count"));
    if let Some(fields) = misplaced {
        c.error(
            "bad-kind",
            src,
            at("kind"),
            msg::misplaced_fields(id, fields),
        );
    }
}

/// A switch: at least two choices, each but the last with a `when` that
/// tests findings only (what the path has established so far), the last
/// without one, so that it always routes.
fn check_switch(c: &mut Checker, src: SourceId, qi: usize, q: &Question) {
    let at = |field: &str| format!("questions[{qi}].{field}");
    if q.choices.len() < 2 {
        c.error("bad-kind", src, at("choices"), msg::too_few_choices(&q.id));
    }
    check_duplicate_values(c, src, qi, q);
    let last = q.choices.len().saturating_sub(1);
    for (ci, choice) in q.choices.iter().enumerate() {
        match (&choice.when, ci == last) {
            (Some(_), true) => c.error(
                "bad-kind",
                src,
                at(&format!("choices[{ci}].when")),
                msg::switch_last_with_when(&q.id),
            ),
            (None, false) => c.error(
                "bad-kind",
                src,
                at(&format!("choices[{ci}]")),
                msg::switch_choice_without_when(&q.id),
            ),
            (Some(w), false) => {
                let path = at(&format!("choices[{ci}].when"));
                check_condition(c, src, &path, w, condition::Use::Route);
            }
            (None, true) => {}
        }
    }
}

/// The `count` of a tally: at least one question, each an existing
/// `yes_no` question, named once. Where they are asked is checked with the
/// graph ([`check_tally_order`]).
fn check_count(c: &mut Checker, src: SourceId, qi: usize, q: &Question) {
    let id = &q.id;
    if q.count.is_empty() {
        c.error(
            "bad-kind",
            src,
            format!("questions[{qi}].kind"),
            msg::tally_without_count(id),
        );
        return;
    }
    let mut seen = HashSet::new();
    for (i, counted) in q.count.iter().enumerate() {
        let path = format!("questions[{qi}].count[{i}]");
        if !seen.insert(counted.as_str()) {
            c.error(
                "duplicate-value",
                src,
                path,
                msg::counted_twice(counted, id),
            );
            continue;
        }
        match c.bundle.question(counted) {
            None => {
                let message = msg::counted_not_a_question(
                    id,
                    counted,
                    &c.suggest(counted, c.bundle.asked_ids()),
                );
                c.error("missing-reference", src, path, message);
            }
            Some(x) if x.kind != QuestionKind::YesNo => {
                c.error("bad-kind", src, path, msg::counted_not_yes_no(id, counted))
            }
            Some(_) => {}
        }
    }
    // A range that starts above the number of counted questions is never
    // taken.
    let most = q.count.len() as f64;
    for (i, r) in q.ranges.iter().enumerate() {
        if r.min.is_some_and(|m| m > most) {
            c.warning(
                "unreachable",
                src,
                format!("questions[{qi}].ranges[{i}].min"),
                msg::range_never_reached(id, q.count.len(), &r.label),
            );
        }
    }
}

/// Two choices with the same value: the second can never be picked.
fn check_duplicate_values(c: &mut Checker, src: SourceId, qi: usize, q: &Question) {
    let mut seen = HashSet::new();
    for (i, ch) in q.choices.iter().enumerate() {
        if !seen.insert(ch.value.as_str()) {
            c.error(
                "duplicate-value",
                src,
                format!("questions[{qi}].choices[{i}].value"),
                msg::duplicate_value(&ch.value, &q.id),
            );
        }
    }
}

/// Number ranges must cover every value from 0 up, without gap or overlap.
fn check_ranges(c: &mut Checker, src: SourceId, qi: usize, q: &Question) {
    let id = &q.id;
    if q.ranges.is_empty() {
        c.error(
            "bad-kind",
            src,
            format!("questions[{qi}].ranges"),
            msg::number_without_ranges(id),
        );
        return;
    }
    let mut order: Vec<usize> = (0..q.ranges.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (q.ranges[a].min, q.ranges[b].min);
        x.unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&y.unwrap_or(f64::NEG_INFINITY))
    });
    let first = &q.ranges[order[0]];
    if first.min.is_some_and(|m| m > 0.0) {
        c.error(
            "range-gap",
            src,
            format!("questions[{qi}].ranges[{}].min", order[0]),
            msg::gap(id, "0", &fmt_num(first.min.unwrap_or(0.0))),
        );
    }
    for w in order.windows(2) {
        let (a, b) = (&q.ranges[w[0]], &q.ranges[w[1]]);
        let end = a.below.unwrap_or(f64::INFINITY);
        let start = b.min.unwrap_or(f64::NEG_INFINITY);
        if end < start {
            c.error(
                "range-gap",
                src,
                format!("questions[{qi}].ranges[{}].min", w[1]),
                msg::gap(id, &fmt_num(end), &fmt_num(start)),
            );
        } else if end > start {
            c.error(
                "range-overlap",
                src,
                format!("questions[{qi}].ranges[{}].min", w[1]),
                msg::overlap(id, &a.label, &b.label),
            );
        }
    }
    let last = &q.ranges[*order.last().unwrap_or(&0)];
    if let Some(b) = last.below {
        c.error(
            "range-gap",
            src,
            format!("questions[{qi}].ranges[{}].below", order[order.len() - 1]),
            msg::gap_above(id, &fmt_num(b)),
        );
    }
    for (i, r) in q.ranges.iter().enumerate() {
        if let (Some(m), Some(b)) = (r.min, r.below)
            && m >= b
        {
            c.error(
                "range-overlap",
                src,
                format!("questions[{qi}].ranges[{i}]"),
                msg::empty_range(id, &r.label),
            );
        }
    }
}

/// Reachability and cycles, from the start of every questionnaire.
fn check_graph(c: &mut Checker) {
    let b = c.bundle;
    let mut reached: HashSet<&str> = HashSet::new();
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on stack, 2 = done
    // Where each question is written, for the place of a cycle.
    let mut places: HashMap<&str, (SourceId, usize)> = HashMap::new();
    for (src, q) in &b.questionnaires {
        for (qi, x) in q.questions.iter().enumerate() {
            places.entry(x.id.as_str()).or_insert((*src, qi));
        }
    }
    for (src, q) in &b.questionnaires {
        if let Some(Node::Question(start)) = b.node(&q.start) {
            dfs(
                c,
                *src,
                start.id.as_str(),
                &mut reached,
                &mut state,
                &places,
            );
        }
    }
    report_unreachable(c, &reached);
}

/// Reports the nodes no path reaches. Only the first node of each cut-off
/// part is reported — the one nothing points to: one misspelt `next`
/// would otherwise bury its own error under every node below it. A
/// cut-off part that loops on itself has no such node; all of it is
/// reported then.
fn report_unreachable(c: &mut Checker, reached: &HashSet<&str>) {
    let b = c.bundle;
    let targeted: HashSet<&str> = b
        .questionnaires
        .iter()
        .flat_map(|(_, q)| q.questions.iter())
        .flat_map(Question::targets)
        .filter_map(|t| b.node(t).map(|n| n.id()))
        .collect();
    // (source, path in the file, message, is the first of its part)
    let mut found: Vec<(SourceId, String, String, bool)> = Vec::new();
    for (src, q) in &b.questionnaires {
        for (i, x) in q.questions.iter().enumerate() {
            if !reached.contains(x.id.as_str()) {
                found.push((
                    *src,
                    format!("questions[{i}].id"),
                    msg::unreachable_question(&x.id),
                    !targeted.contains(x.id.as_str()),
                ));
            }
        }
        for (i, x) in q.outcomes.iter().enumerate() {
            if !reached.contains(x.id.as_str()) {
                found.push((
                    *src,
                    format!("outcomes[{i}].id"),
                    msg::unreachable_outcome(&x.id),
                    !targeted.contains(x.id.as_str()),
                ));
            }
        }
    }
    let roots = found.iter().filter(|f| f.3).count();
    let below = found.len() - roots;
    for (src, path, mut message, root) in found {
        if roots > 0 && !root {
            continue;
        }
        if roots == 1 && below > 0 {
            message.push_str(&msg::unreachable_below(below));
        }
        c.error("unreachable", src, path, message);
    }
}

/// Depth-first walk from `start`: marks what it reaches, reports each
/// `next` that closes a cycle. Iterative, with its own stack: a chain of
/// 30 000 questions is walked in constant native stack.
fn dfs<'a>(
    c: &mut Checker<'a>,
    src: SourceId,
    start: &'a str,
    reached: &mut HashSet<&'a str>,
    state: &mut HashMap<&'a str, u8>,
    places: &HashMap<&str, (SourceId, usize)>,
) {
    // The questions on the current path, each with the targets it has
    // still to walk (last first), and each one's depth on the path.
    let mut stack: Vec<(&'a str, Vec<&'a str>)> = Vec::new();
    let mut depth: HashMap<&'a str, usize> = HashMap::new();
    let mut next = Some(start);
    loop {
        if let Some(id) = next.take() {
            match state.get(id) {
                Some(2) => {}
                Some(1) => {
                    let from = depth.get(id).copied().unwrap_or(0);
                    let mut cycle: Vec<&str> = stack[from..].iter().map(|(x, _)| *x).collect();
                    cycle.push(id);
                    // Point at the `next` that closes the loop, where the fix goes.
                    let closing = stack.last().map_or(id, |(x, _)| *x);
                    let (qsrc, path) = locate_edge(c.bundle, places, closing, id)
                        .or_else(|| locate_question(places, id))
                        .unwrap_or((src, "id".into()));
                    c.error("cycle", qsrc, path, msg::cycle(&cycle_text(&cycle)));
                }
                _ => {
                    reached.insert(id);
                    match c.bundle.question(id) {
                        None => {
                            state.insert(id, 2);
                        }
                        Some(q) => {
                            state.insert(id, 1);
                            depth.insert(id, stack.len());
                            let mut targets: Vec<&'a str> = q
                                .targets()
                                .filter_map(|t| c.bundle.node(t))
                                .map(|n| n.id())
                                .collect();
                            targets.reverse();
                            stack.push((id, targets));
                        }
                    }
                }
            }
        }
        let Some((id, pending)) = stack.last_mut() else {
            break;
        };
        match pending.pop() {
            Some(t) => next = Some(t),
            None => {
                state.insert(*id, 2);
                depth.remove(*id);
                stack.pop();
            }
        }
    }
}

/// `a → b → c → a`; a long cycle shows its first and last steps only, so
/// that a loop through 30 000 questions stays one line.
fn cycle_text(cycle: &[&str]) -> String {
    const ENDS: usize = 5;
    if cycle.len() <= 2 * ENDS + 1 {
        return cycle.join(" → ");
    }
    format!(
        "{} → … → {}",
        cycle[..ENDS].join(" → "),
        cycle[cycle.len() - ENDS..].join(" → ")
    )
}

/// A tally counts the « oui » answers given on the path so far: each
/// counted question must be asked on every path that leads to the tally,
/// from the start of every questionnaire (a session may start from any of
/// them), or its answer would silently count as « non » on some paths.
fn check_tally_order(c: &mut Checker) {
    let b = c.bundle;
    for (src, qn) in &b.questionnaires {
        for (qi, t) in qn.questions.iter().enumerate() {
            if t.kind == QuestionKind::Tally {
                check_counted_before(c, *src, qi, t);
            }
        }
    }
}

/// [`check_tally_order`] for tally `t`, the `qi`-th question of its file.
///
/// A counted question must reach the tally, and be on every path to it
/// from the start of each questionnaire that reaches it: it must
/// dominate the tally. Both are found once per tally (the questions that
/// reach it, and its dominators from each start), not once per counted
/// question: a tally counting thousands of questions stays linear.
fn check_counted_before(c: &mut Checker, src: SourceId, qi: usize, t: &Question) {
    let b = c.bundle;
    let reaching = reaching(b, &t.id);
    // For each questionnaire whose start leads to the tally: the nodes on
    // every path from that start to it.
    let dominated: Vec<(&str, HashSet<&str>)> = b
        .questionnaires
        .iter()
        .filter_map(|(_, q)| {
            let start = b.node(&format!("@{}", q.id))?.id();
            dominators_of(b, start, &t.id).map(|d| (q.id.as_str(), d))
        })
        .collect();
    let mut seen = HashSet::new();
    for (i, counted) in t.count.iter().enumerate() {
        // Unknown ids, other kinds and repeats are reported by check_count.
        if !seen.insert(counted.as_str())
            || b.question(counted)
                .is_none_or(|x| x.kind != QuestionKind::YesNo)
        {
            continue;
        }
        let path = format!("questions[{qi}].count[{i}]");
        if !reaching.contains(counted.as_str()) {
            c.error(
                "tally-order",
                src,
                path,
                msg::tally_never_before(counted, &t.id),
            );
            continue;
        }
        let around = dominated
            .iter()
            .find(|(_, on_every_path)| !on_every_path.contains(counted.as_str()));
        if let Some((from, _)) = around {
            c.error(
                "tally-order",
                src,
                path,
                msg::tally_not_on_every_path(counted, &t.id, from),
            );
        }
    }
}

/// Every question from which node `to` can be reached (`to` included).
fn reaching<'b>(b: &'b Bundle, to: &str) -> HashSet<&'b str> {
    let mut preds: HashMap<&str, Vec<&str>> = HashMap::new();
    for (_, q) in &b.questionnaires {
        for x in &q.questions {
            for t in x.targets().filter_map(|t| b.node(t)) {
                preds.entry(t.id()).or_default().push(&x.id);
            }
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut stack: Vec<&str> = b.node(to).map(|n| n.id()).into_iter().collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id) {
            stack.extend(preds.get(id).into_iter().flatten().copied());
        }
    }
    seen
}

/// The nodes on every path from `start` to `to` (both included), or
/// `None` when no path leads there: the dominators of `to`, by the
/// iterative algorithm of Cooper, Harvey and Kennedy on the nodes
/// `start` reaches, in reverse post-order.
fn dominators_of<'b>(b: &'b Bundle, start: &'b str, to: &str) -> Option<HashSet<&'b str>> {
    let targets = |id: &str| -> Vec<&'b str> {
        b.question(id)
            .map(|q| {
                q.targets()
                    .filter_map(|t| b.node(t))
                    .map(|n| n.id())
                    .collect()
            })
            .unwrap_or_default()
    };
    // Post-order of an iterative depth-first walk.
    let mut post: Vec<&'b str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::from([start]);
    let mut stack: Vec<(&'b str, Vec<&'b str>)> = vec![(start, targets(start))];
    while let Some((id, pending)) = stack.last_mut() {
        match pending.pop() {
            Some(next) => {
                if seen.insert(next) {
                    stack.push((next, targets(next)));
                }
            }
            None => {
                post.push(id);
                stack.pop();
            }
        }
    }
    if !seen.contains(to) {
        return None;
    }
    post.reverse();
    let order: HashMap<&str, usize> = post.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); post.len()];
    for (i, id) in post.iter().enumerate() {
        for t in targets(id) {
            if let Some(&j) = order.get(t) {
                preds[j].push(i);
            }
        }
    }
    // idom[i]: the immediate dominator of post[i]; the start is its own.
    let mut idom: Vec<Option<usize>> = vec![None; post.len()];
    idom[0] = Some(0);
    let intersect = |idom: &[Option<usize>], mut x: usize, mut y: usize| {
        while x != y {
            while x > y {
                x = idom[x].unwrap_or(0);
            }
            while y > x {
                y = idom[y].unwrap_or(0);
            }
        }
        x
    };
    let mut changed = true;
    while changed {
        changed = false;
        for i in 1..post.len() {
            let mut new: Option<usize> = None;
            for &p in &preds[i] {
                if idom[p].is_some() {
                    new = Some(match new {
                        None => p,
                        Some(n) => intersect(&idom, p, n),
                    });
                }
            }
            if new.is_some() && idom[i] != new {
                idom[i] = new;
                changed = true;
            }
        }
    }
    let mut on_every_path = HashSet::new();
    let mut i = order[to];
    loop {
        on_every_path.insert(post[i]);
        match idom[i] {
            Some(d) if d != i => i = d,
            _ => break,
        }
    }
    Some(on_every_path)
}

/// The `next` of question `from` that leads to node `to`.
fn locate_edge(
    b: &Bundle,
    places: &HashMap<&str, (SourceId, usize)>,
    from: &str,
    to: &str,
) -> Option<(SourceId, String)> {
    let &(src, qi) = places.get(from)?;
    let question = b.question(from)?;
    let leads_to_target = |next: &str| b.node(next).is_some_and(|n| n.id() == to);
    if let Some((path, _)) = branches(question, qi)
        .into_iter()
        .find(|(_, br)| leads_to_target(&br.next))
    {
        return Some((src, format!("{path}.next")));
    }
    question
        .next
        .as_deref()
        .filter(|n| leads_to_target(n))
        .map(|_| (src, format!("questions[{qi}].next")))
}

fn locate_question(
    places: &HashMap<&str, (SourceId, usize)>,
    id: &str,
) -> Option<(SourceId, String)> {
    places
        .get(id)
        .map(|&(src, i)| (src, format!("questions[{i}].id")))
}

/// Where French law is published: every obligation should link there.
const LEGIFRANCE: &str = "https://www.legifrance.gouv.fr/";

/// Content rules: obligations cite an article, URLs are well formed,
/// questions have help, findings have a short line, outcomes recommend a
/// guide, glossary terms are used.
fn check_content(c: &mut Checker) {
    let b = c.bundle;
    let mut used_terms: HashSet<&str> = HashSet::new();
    for (src, q) in &b.questionnaires {
        let src = *src;
        for (qi, x) in q.questions.iter().enumerate() {
            used_terms.extend(x.terms.iter().map(String::as_str));
            // A tally is never asked: nobody reads its help.
            if x.help.trim().is_empty() && !x.kind.is_computed() {
                c.warning(
                    "missing-help",
                    src,
                    format!("questions[{qi}].id"),
                    msg::missing_help(&x.id),
                );
            }
            let chars = x.help.trim().chars().count();
            if chars > HELP_MAX_CHARS {
                c.warning(
                    "help-too-long",
                    src,
                    format!("questions[{qi}].help"),
                    msg::help_too_long(&x.id, chars, HELP_MAX_CHARS),
                );
            }
        }
        for (fi, f) in q.findings.iter().enumerate() {
            check_short(c, src, fi, f);
            if f.kind != FindingKind::Obligation {
                continue;
            }
            if f.articles.is_empty() {
                c.error(
                    "obligation-without-article",
                    src,
                    format!("findings[{fi}].id"),
                    msg::obligation_without_article(&f.id),
                );
            } else if !f
                .articles
                .iter()
                .any(|a| b.article(a).is_some_and(|a| a.url.starts_with(LEGIFRANCE)))
            {
                // A decision or a European text may support an obligation,
                // but the user must be able to read the French text it
                // rests on.
                c.warning(
                    "obligation-without-legifrance",
                    src,
                    format!("findings[{fi}].articles"),
                    msg::obligation_without_legifrance(&f.id),
                );
            }
        }
        for (oi, o) in q.outcomes.iter().enumerate() {
            if o.guides.is_empty() {
                c.error(
                    "outcome-without-guide",
                    src,
                    format!("outcomes[{oi}].id"),
                    msg::outcome_without_guide(&o.id),
                );
            }
        }
    }
    for (i, src, a) in per_file(&b.articles) {
        check_url(c, src, format!("articles[{i}].url"), &a.url);
        check_legiarti(c, src, i, a);
    }
    for (i, src, g) in per_file(&b.guides) {
        check_url(c, src, format!("guides[{i}].url"), &g.url);
        if let Some(s) = &g.successor {
            check_url(c, src, format!("guides[{i}].successor"), s);
        }
        for (j, ch) in g.chapters.iter().enumerate() {
            check_url(c, src, format!("guides[{i}].chapters[{j}].url"), &ch.url);
            if let Some(s) = &ch.successor {
                check_url(c, src, format!("guides[{i}].chapters[{j}].successor"), s);
            }
        }
    }
    // `aiguillage check` drops these when a maintainer's trees use the
    // built-in glossary, which serves other trees (commands::check_bundle).
    for (i, src, t) in per_file(&b.terms) {
        if !used_terms.contains(t.id.as_str()) {
            c.warning(
                "unused-term",
                src,
                format!("terms[{i}].id"),
                msg::unused_term(&t.id),
            );
        }
    }
}

/// Words a finding's `short` may have: the brief decision gives each
/// finding one line.
const SHORT_MAX_WORDS: usize = 20;

/// The brief decision shows each obligation, recommendation and warning by
/// its `short` (notes are left to `--detail`); without one it falls back
/// to the first sentence of `text`, often a long one.
fn check_short(c: &mut Checker, src: SourceId, fi: usize, f: &Finding) {
    match f.short.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None if f.kind != FindingKind::Note => c.warning(
            "missing-short",
            src,
            format!("findings[{fi}].id"),
            msg::missing_short(&f.id),
        ),
        Some(short) => {
            let words = short.split_whitespace().count();
            if words > SHORT_MAX_WORDS {
                c.warning(
                    "short-too-long",
                    src,
                    format!("findings[{fi}].short"),
                    msg::short_too_long(&f.id, words, SHORT_MAX_WORDS),
                );
            }
        }
        None => {}
    }
}

/// A finding no answer and no outcome adds is never shown: often a typo in
/// the id that refers to it, or a leftover.
fn check_unused_findings(c: &mut Checker) {
    let b = c.bundle;
    let mut used: HashSet<&str> = HashSet::new();
    for (_, q) in &b.questionnaires {
        for question in &q.questions {
            for (_, branch) in branches(question, 0) {
                used.extend(branch.findings.iter().map(String::as_str));
            }
        }
        for o in &q.outcomes {
            used.extend(o.findings.iter().map(String::as_str));
        }
    }
    for (src, q) in &b.questionnaires {
        for (fi, f) in q.findings.iter().enumerate() {
            if !used.contains(f.id.as_str()) {
                c.warning(
                    "unused-finding",
                    *src,
                    format!("findings[{fi}].id"),
                    msg::unused_finding(&f.id),
                );
            }
        }
    }
}

/// A `legiarti` field is a Légifrance id, and the link, when it carries
/// one too, names the same: the link is the one source of truth.
fn check_legiarti(c: &mut Checker, src: SourceId, i: usize, a: &crate::core::model::Article) {
    let Some(id) = &a.legiarti else {
        return;
    };
    let path = format!("articles[{i}].legiarti");
    if crate::core::model::legiarti_in(id) != Some(id.as_str()) {
        c.error("bad-legiarti", src, path, msg::bad_legiarti(id));
    } else if let Some(in_url) = crate::core::model::legiarti_in(&a.url)
        && in_url != id
    {
        c.error(
            "legiarti-mismatch",
            src,
            path,
            msg::legiarti_mismatch(&a.id, id, in_url),
        );
    }
}

fn check_url(c: &mut Checker, src: SourceId, path: String, url: &str) {
    let ok = url.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split(['/', '#', '?']).next().unwrap_or("");
        host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !url.chars().any(char::is_whitespace);
    if !ok {
        c.error("bad-url", src, path, msg::bad_url(url));
    }
}

/// The messages of `aiguillage check` (and of a questionnaire that does
/// not load), in both languages.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn when_outside_switch(id: &str) {
            fr: "« {id} » : seules les questions `switch` ont des choix avec `when`",
            en: "« {id} »: only `switch` questions have choices with `when`",
        }
        fn switch_last_with_when(id: &str) {
            fr: "« {id} » : le dernier choix d'un `switch` n'a pas de `when` : il est pris quand aucun autre ne l'est",
            en: "« {id} »: the last choice of a `switch` has no `when`: it is taken when no other is",
        }
        fn switch_choice_without_when(id: &str) {
            fr: "« {id} » : chaque choix d'un `switch`, sauf le dernier, dit quand il est pris (`when`)",
            en: "« {id} »: every choice of a `switch` but the last says when it is taken (`when`)",
        }
        fn positional_reference(word: &str) {
            fr: "« {word} » : chaque sortie (texte bref, détaillé, Markdown, HTML) ordonne autrement les parties d'une décision ; nommez ce dont vous parlez au lieu de situer",
            en: "« {word} »: each output (brief, detailed, Markdown, HTML) orders the parts of a decision its own way; name what you mean instead of pointing at a place",
        }
        fn bad_condition(cond: &str) {
            fr: "condition illisible « {cond} » : écrivez des tests finding:ID, outcome:ID, verdict:VERDICT (et, dans les déclarations, answer:QUESTION=VALEUR, says:TEXTE) séparés par « | »",
            en: "unreadable condition « {cond} »: write tests finding:ID, outcome:ID, verdict:VERDICT (and, in declarations, answer:QUESTION=VALUE, says:TEXT) separated by « | »",
        }

        // duplicate-id
        fn duplicate_questionnaire(id: &str) {
            fr: "le questionnaire « {id} » est défini deux fois",
            en: "questionnaire « {id} » is defined twice",
        }
        fn duplicate_id(id: &str) {
            fr: "l'identifiant « {id} » est déjà utilisé",
            en: "id « {id} » is already used",
        }

        // missing-reference, unknown-guide (`hint` is a suggestion or empty)
        fn missing_start(id: &str) {
            fr: "la question de départ « {id} » n'existe pas",
            en: "start question « {id} » does not exist",
        }
        fn missing_term(id: &str, hint: &str) {
            fr: "le terme « {id} » n'est pas dans le glossaire{hint}",
            en: "term « {id} » is not in the glossary{hint}",
        }
        fn missing_questionnaire(id: &str, hint: &str) {
            fr: "le questionnaire « {id} » n'existe pas{hint}",
            en: "questionnaire « {id} » does not exist{hint}",
        }
        fn missing_node(id: &str, hint: &str) {
            fr: "« {id} » n'est ni une question ni une issue{hint}",
            en: "« {id} » is neither a question nor an outcome{hint}",
        }
        fn missing_finding(id: &str, hint: &str) {
            fr: "le constat « {id} » n'existe pas{hint}",
            en: "finding « {id} » does not exist{hint}",
        }
        fn missing_article(id: &str, hint: &str) {
            fr: "l'article « {id} » n'est pas dans articles.toml{hint}",
            en: "article « {id} » is not in articles.toml{hint}",
        }
        fn unknown_guide(id: &str, hint: &str) {
            fr: "le guide « {id} » n'est pas dans le catalogue{hint}",
            en: "guide « {id} » is not in the catalogue{hint}",
        }
        fn unknown_chapter(guide: &str, chapter: &str, hint: &str) {
            fr: "le guide « {guide} » n'a pas de chapitre « {chapter} »{hint}",
            en: "guide « {guide} » has no chapter « {chapter} »{hint}",
        }

        // bad-kind
        fn yes_no_choices(id: &str) {
            fr: "la question oui/non « {id} » doit avoir exactement deux choix, de valeurs « oui » et « non »",
            en: "yes/no question « {id} » must have exactly two choices, with the values « oui » and « non »",
        }
        fn too_few_choices(id: &str) {
            fr: "la question à choix « {id} » doit proposer au moins deux choix",
            en: "choice question « {id} » must offer at least two choices",
        }
        fn text_without_next(id: &str) {
            fr: "la question à texte libre « {id} » doit indiquer `next` : sans lui, le chemin s'arrête sans issue",
            en: "free-text question « {id} » must give `next`: without it, the path stops without an outcome",
        }
        fn misplaced_fields(id: &str, fields: &str) {
            fr: "« {id} » : les champs {fields} ne vont pas avec ce type de question",
            en: "« {id} »: the fields {fields} do not go with this kind of question",
        }
        fn tally_without_count(id: &str) {
            fr: "le décompte « {id} » doit nommer les questions oui/non à compter (`count`)",
            en: "tally « {id} » must name the yes/no questions to count (`count`)",
        }
        fn counted_twice(counted: &str, id: &str) {
            fr: "« {counted} » est compté deux fois par « {id} »",
            en: "« {counted} » is counted twice by « {id} »",
        }
        fn counted_not_a_question(id: &str, counted: &str, hint: &str) {
            fr: "« {id} » compte « {counted} », qui n'est pas une question{hint}",
            en: "« {id} » counts « {counted} », which is not a question{hint}",
        }
        fn counted_not_yes_no(id: &str, counted: &str) {
            fr: "« {id} » compte « {counted} », qui n'est pas une question oui/non : seules les réponses « oui » se comptent",
            en: "« {id} » counts « {counted} », which is not a yes/no question: only « yes » answers are counted",
        }
        fn number_without_ranges(id: &str) {
            fr: "la question numérique « {id} » doit définir des plages (`ranges`)",
            en: "number question « {id} » must define ranges (`ranges`)",
        }

        // unreachable, cycle, tally-order
        fn range_never_reached(id: &str, count: usize, label: &str) {
            fr: "« {id} » compte {count} question(s) : la plage « {label} » n'est jamais atteinte",
            en: "« {id} » counts {count} question(s): the range « {label} » is never reached",
        }
        fn unreachable_question(id: &str) {
            fr: "la question « {id} » n'est atteinte par aucun chemin",
            en: "question « {id} » is not reached by any path",
        }
        fn unreachable_outcome(id: &str) {
            fr: "l'issue « {id} » n'est atteinte par aucun chemin",
            en: "outcome « {id} » is not reached by any path",
        }
        /// Added to the message of the first node of a part cut off.
        fn unreachable_below(count: usize) {
            fr: " ; les {count} question(s) ou issue(s) en aval ne le sont donc pas non plus",
            en: "; so the {count} question(s) or outcome(s) below it are not reached either",
        }
        fn cycle(path: &str) { fr: "cycle : {path}", en: "cycle: {path}" }
        fn replaces_cycle(path: &str) {
            fr: "ces constats se remplacent en boucle : {path} ; sur un chemin qui les réunit, chacun retirerait l'autre et aucun ne resterait : retirez l'un de ces « replaces »",
            en: "these findings replace one another in a loop: {path}; on a path that gathers them, each would remove the other and none would remain: remove one of these « replaces »",
        }
        fn tally_never_before(counted: &str, id: &str) {
            fr: "« {counted} », comptée par « {id} », n'est jamais posée avant : aucun chemin ne mène de « {counted} » à « {id} »",
            en: "« {counted} », counted by « {id} », is never asked before it: no path leads from « {counted} » to « {id} »",
        }
        fn tally_not_on_every_path(counted: &str, id: &str, from: &str) {
            fr: "« {counted} », comptée par « {id} », n'est pas posée sur tous les chemins qui y mènent (par exemple depuis le début du questionnaire « {from} ») : sur ces chemins, elle compterait pour « non »",
            en: "« {counted} », counted by « {id} », is not asked on every path that leads to it (for example from the start of questionnaire « {from} »): on those paths, it would count as « no »",
        }

        // duplicate-value, range-gap, range-overlap
        fn duplicate_value(value: &str, id: &str) {
            fr: "la valeur « {value} » apparaît deux fois dans « {id} »",
            en: "the value « {value} » appears twice in « {id} »",
        }
        fn gap(id: &str, from: &str, to: &str) {
            fr: "« {id} » : aucune plage ne couvre les valeurs de {from} à {to}",
            en: "« {id} »: no range covers the values from {from} to {to}",
        }
        fn gap_above(id: &str, from: &str) {
            fr: "« {id} » : aucune plage ne couvre les valeurs à partir de {from}",
            en: "« {id} »: no range covers the values from {from} up",
        }
        fn overlap(id: &str, a: &str, b: &str) {
            fr: "« {id} » : les plages « {a} » et « {b} » se chevauchent",
            en: "« {id} »: the ranges « {a} » and « {b} » overlap",
        }
        fn empty_range(id: &str, label: &str) {
            fr: "« {id} » : la plage « {label} » est vide",
            en: "« {id} »: the range « {label} » is empty",
        }

        // Content rules.
        fn missing_help(id: &str) {
            fr: "la question « {id} » n'a pas de texte d'aide",
            en: "question « {id} » has no help text",
        }
        fn help_too_long(id: &str, chars: usize, max: usize) {
            fr: "l'aide de la question « {id} » fait {chars} caractères (au plus {max}) : gardez-y la réponse courte et mettez le reste dans `details`, montré par « Plus de détails »",
            en: "the help of question « {id} » is {chars} characters long (at most {max}): keep the short answer there and move the rest to `details`, shown by « Plus de détails »",
        }
        fn missing_short(id: &str) {
            fr: "le constat « {id} » n'a pas de forme brève (champ `short`) : la décision brève montrera la première phrase de son texte",
            en: "finding « {id} » has no short form (field `short`): the brief decision will show the first sentence of its text",
        }
        fn short_too_long(id: &str, words: usize, max: usize) {
            fr: "la forme brève du constat « {id} » compte {words} mots (au plus {max}) : elle tient sur une ligne de la décision brève",
            en: "the short form of finding « {id} » has {words} words (at most {max}): it is one line of the brief decision",
        }
        fn obligation_without_article(id: &str) {
            fr: "l'obligation « {id} » ne cite aucun article (champ `articles`)",
            en: "obligation « {id} » cites no article (field `articles`)",
        }
        fn obligation_without_legifrance(id: &str) {
            fr: "l'obligation « {id} » ne cite aucun texte avec un lien Légifrance",
            en: "obligation « {id} » cites no text with a Légifrance link",
        }
        fn outcome_without_guide(id: &str) {
            fr: "l'issue « {id} » ne recommande aucun guide",
            en: "outcome « {id} » recommends no guide",
        }
        fn unused_term(id: &str) {
            fr: "le terme « {id} » n'est utilisé par aucune question",
            en: "term « {id} » is not used by any question",
        }
        fn unused_finding(id: &str) {
            fr: "le constat « {id} » n'est ajouté par aucune réponse ni aucune issue",
            en: "finding « {id} » is not added by any answer or outcome",
        }
        // bad-legiarti, legiarti-mismatch
        fn bad_legiarti(id: &str) {
            fr: "« {id} » n'est pas un identifiant Légifrance : LEGIARTI suivi de 12 chiffres",
            en: "« {id} » is not a Légifrance id: LEGIARTI followed by 12 digits",
        }
        fn legiarti_mismatch(article: &str, field: &str, url: &str) {
            fr: "« {article} » : `legiarti` dit {field} et le lien {url} ; le lien fait foi, retirez `legiarti`",
            en: "« {article} »: `legiarti` says {field} and the link {url}; the link is what counts, remove `legiarti`",
        }
        fn bad_url(url: &str) {
            fr: "« {url} » n'est pas une adresse https:// valide",
            en: "« {url} » is not a valid https:// address",
        }

    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether node `to` can be reached from `from` (a `next` target)
    /// without passing through question `avoid`: the plain walk that
    /// [`reaching`] and [`dominators_of`] replace, kept as their oracle.
    fn reaches(b: &Bundle, from: &str, to: &str, avoid: Option<&str>) -> bool {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack: Vec<&str> = b.node(from).map(|n| n.id()).into_iter().collect();
        while let Some(id) = stack.pop() {
            if Some(id) == avoid || !seen.insert(id) {
                continue;
            }
            if id == to {
                return true;
            }
            if let Some(q) = b.question(id) {
                stack.extend(q.targets().filter_map(|t| b.node(t)).map(|n| n.id()));
            }
        }
        false
    }

    /// Dominators and reachability say what a walk per counted question
    /// and per questionnaire said, on the built-in trees and the tally
    /// fixture, for every tally and every yes/no question.
    #[test]
    fn dominators_agree_with_walks_that_avoid_a_question() {
        let tally = include_str!("../../tests/fixtures/tally/compte.toml");
        for b in [
            Bundle::builtin().unwrap(),
            Bundle::from_sources([("t/compte.toml", tally)]).unwrap(),
        ] {
            let tallies: Vec<&Question> = b
                .questionnaires
                .iter()
                .flat_map(|(_, q)| q.questions.iter())
                .filter(|q| q.kind == QuestionKind::Tally)
                .collect();
            assert!(!tallies.is_empty());
            for t in tallies {
                let back = reaching(&b, &t.id);
                for (_, q) in &b.questionnaires {
                    let start = format!("@{}", q.id);
                    let start_id = b.node(&start).unwrap().id();
                    let doms = dominators_of(&b, start_id, &t.id);
                    assert_eq!(doms.is_some(), reaches(&b, &start, &t.id, None));
                    for c in b.asked_ids() {
                        assert_eq!(back.contains(c), reaches(&b, c, &t.id, None), "{c}");
                        let on_every_path = doms.as_ref().is_some_and(|d| d.contains(c));
                        let around = reaches(&b, &start, &t.id, Some(c));
                        assert_eq!(
                            on_every_path,
                            doms.is_some() && !around,
                            "{c} before {} from {}",
                            t.id,
                            q.id
                        );
                    }
                }
            }
        }
    }
}
