//! The whole-tree consistency check: on every path, nothing a decision
//! shows or drafts contradicts its findings, its verdict or the law the
//! content declares.
//!
//! A decision is its outcome and its findings; its summary, next steps
//! and drafted documents are chosen from them ([`crate::core::condition`]).
//! This check walks every path ([`crate::core::paths`]), works out which
//! texts each path shows — the outcome's title, summary sentences and
//! steps, the findings, each part of each document the path calls for —
//! and proves, on each path:
//!
//! - the declarations of the content: a finding's `excludes` (none holds)
//!   and `requires` (all hold), and the questionnaire's `[[rules]]`; their
//!   tests may name findings, the outcome, the verdict, answers, and what
//!   the texts say (`says:TEXT`);
//! - a verdict agrees with the kinds of its findings: `must` with at
//!   least one obligation, `not_concerned` with none;
//! - an article a summary or a step names (« L311-6 ») is among the
//!   articles of the path: its findings' and its answers'.
//!
//! Each contradiction is reported once, at the text or declaration to
//! change, with how many paths show it and the answers of one of them (a
//! reproducer to paste into an answers file). The work per path is a few
//! bit tests: the texts' conditions and what they say are resolved once.

use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;

use crate::core::catalog::{Bundle, SourceId};
use crate::core::diagnostic::{Diagnostic, Report, Severity};
use crate::core::documents::{Templates, placed};
use crate::core::model::{Answer, FindingKind, Outcome, Verdict};
use crate::core::paths::{Path, for_each_path};
use crate::core::template::{Node, Ref, Test, TestKind, parse_condition};

/// The most work, in steps of paths walked (a path of 20 questions costs
/// 21): past it, the check says what it left out. The built-in trees take
/// about 200 000; a generated tree with billions of paths stops here, in
/// about a second.
pub const MAX_STEPS: usize = 1_000_000;

/// Every contradiction found on the paths of `bundle` (with the documents
/// of `templates`, when given). Diagnostics in the questionnaires carry
/// their key path, to be placed by [`crate::core::locate`]; those in the
/// templates are placed already.
pub fn check(bundle: &Bundle, templates: Option<&Templates>) -> Report {
    check_bounded(bundle, templates, MAX_STEPS)
}

/// [`check`], walking at most `max_steps` steps of paths.
pub fn check_bounded(bundle: &Bundle, templates: Option<&Templates>, max_steps: usize) -> Report {
    let content = Content::new(bundle, templates);
    let mut seen = Seen::default();
    let mut examined = 0usize;
    let mut steps = 0usize;
    let mut complete = true;
    for root in roots(bundle) {
        let Some(q) = bundle.questionnaire(root) else {
            continue;
        };
        let flow = for_each_path(bundle, q, |path| {
            steps += path.steps.len() + 1;
            if steps > max_steps {
                return ControlFlow::Break(());
            }
            examined += 1;
            content.examine(root, &path, &mut seen);
            ControlFlow::Continue(())
        });
        if flow.is_break() {
            complete = false;
            break;
        }
    }
    let mut report = Report {
        diagnostics: content.diagnostics(&seen),
    };
    if !complete {
        let src = bundle.questionnaires.first().map_or(0, |(s, _)| *s);
        report.diagnostics.push(diagnostic(
            bundle,
            Severity::Warning,
            "coherence-incomplete",
            src,
            "start".into(),
            msg::incomplete(examined),
        ));
    }
    report
}

/// The questionnaires no other one jumps into: walking from each covers
/// every path once.
fn roots(bundle: &Bundle) -> Vec<&str> {
    let jumped: Vec<&str> = bundle
        .questionnaires
        .iter()
        .flat_map(|(_, q)| q.questions.iter().flat_map(|x| x.targets()))
        .filter_map(|t| t.strip_prefix('@'))
        .collect();
    let roots: Vec<&str> = bundle
        .questionnaires
        .iter()
        .map(|(_, q)| q.id.as_str())
        .filter(|id| !jumped.contains(id))
        .collect();
    if roots.is_empty() {
        vec![bundle.default_questionnaire().id.as_str()]
    } else {
        roots
    }
}

// ---------------------------------------------------------------------------
// The content, resolved once
// ---------------------------------------------------------------------------

/// One test, resolved against the content.
#[derive(Debug, Clone)]
enum T {
    /// A finding, by its index in [`Content::findings`].
    Finding(usize),
    Outcome(String),
    Verdict(Verdict),
    /// A question, by its index in [`Content::asked`], and the value.
    Answer(usize, Option<String>),
    /// Something a path does not tell (a free-text field).
    Unknown,
    /// What the texts say, by index in [`Content::says`].
    Says(usize),
    /// A test that names nothing: the other checks report it.
    Never,
}

/// Tests joined by « or ».
type Cond = Vec<T>;

/// A condition of a guard and whether it is negated (`unless`, `else`).
type Guard = Vec<(Cond, bool)>;

/// Where to report something.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Origin {
    Questionnaire {
        src: SourceId,
        path: String,
    },
    Template {
        src: usize,
        path: String,
        /// Bytes of the string value at `path` (start, end).
        inner: Option<(usize, usize)>,
    },
}

/// What a text is, for the checks that concern only some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A summary sentence or a next step: written apart from the
    /// findings, so the articles it names are checked.
    Written,
    /// A conditional summary sentence or step: also reported when no path
    /// shows it.
    WrittenConditional,
    Other,
}

/// A text some decisions show or draft, and when.
struct Block<'a> {
    text: &'a str,
    /// Shown on a path only if it reaches this outcome.
    outcome: Option<&'a str>,
    /// Shown on a path only if it holds this finding.
    finding: Option<usize>,
    guard: Guard,
    /// Where `text` starts inside the value reported (templates).
    offset: usize,
    origin: Origin,
    kind: Kind,
    /// The `says` texts it contains.
    says: Vec<usize>,
}

/// A declaration: on a path where `when` holds (every condition), none of
/// `excludes` may hold and every `requires` must.
struct Declaration<'a> {
    /// What declares it, for the message: a finding's id, or a rule's
    /// reason.
    by: String,
    /// For a finding's declarations: the finding.
    finding: Option<usize>,
    when: Vec<Cond>,
    excludes: Vec<(Cond, &'a str, Origin)>,
    requires: Vec<(Cond, &'a str, Origin)>,
}

struct Content<'a> {
    bundle: &'a Bundle,
    templates: Option<&'a Templates>,
    /// Every finding id, in bundle order; tests name them by index.
    findings: Vec<&'a str>,
    finding_index: HashMap<&'a str, usize>,
    says: Vec<String>,
    blocks: Vec<Block<'a>>,
    declarations: Vec<Declaration<'a>>,
    /// For each finding, its kind.
    kinds: Vec<FindingKind>,
    /// For each finding, the article numbers it cites.
    finding_articles: Vec<Vec<&'a str>>,
    /// The questions the declarations name (`answer:`).
    asked: Vec<String>,
    /// What each answer implies (`because`), shown under « Pourquoi ? »
    /// on the paths that take it: by the address of its text, the `says`
    /// texts it contains and where it is.
    because: HashMap<usize, (Vec<usize>, Origin)>,
}

impl<'a> Content<'a> {
    fn new(bundle: &'a Bundle, templates: Option<&'a Templates>) -> Self {
        let all: Vec<_> = bundle
            .questionnaires
            .iter()
            .flat_map(|(_, q)| q.findings.iter())
            .collect();
        let findings: Vec<&str> = all.iter().map(|f| f.id.as_str()).collect();
        let finding_index = findings.iter().enumerate().map(|(i, f)| (*f, i)).collect();
        let mut c = Content {
            bundle,
            templates,
            findings,
            finding_index,
            says: Vec::new(),
            blocks: Vec::new(),
            declarations: Vec::new(),
            kinds: all.iter().map(|f| f.kind).collect(),
            asked: Vec::new(),
            because: HashMap::new(),
            finding_articles: all
                .iter()
                .map(|f| {
                    f.articles
                        .iter()
                        .filter_map(|a| bundle.article(a))
                        .flat_map(|a| article_numbers(&a.label))
                        .collect()
                })
                .collect(),
        };
        c.declare();
        c.questionnaire_blocks();
        if let Some(t) = templates {
            c.template_blocks(t);
        }
        let says = c.says.clone();
        c.because_texts(&says);
        for b in &mut c.blocks {
            b.says = says
                .iter()
                .enumerate()
                .filter(|(_, s)| b.text.contains(s.as_str()))
                .map(|(i, _)| i)
                .collect();
        }
        c
    }

    /// What each answer implies, with the `says` texts it contains.
    fn because_texts(&mut self, says: &[String]) {
        let bundle = self.bundle;
        for (src, q) in &bundle.questionnaires {
            for (qi, question) in q.questions.iter().enumerate() {
                let choices = question
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (format!("questions[{qi}].choices[{i}].because"), &c.branch));
                let ranges = question
                    .ranges
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("questions[{qi}].ranges[{i}].because"), &r.branch));
                for (path, branch) in choices.chain(ranges) {
                    let Some(text) = branch.because.as_deref() else {
                        continue;
                    };
                    let contained: Vec<usize> = says
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| text.contains(s.as_str()))
                        .map(|(i, _)| i)
                        .collect();
                    if !contained.is_empty() {
                        let origin = Origin::Questionnaire { src: *src, path };
                        self.because
                            .insert(text.as_ptr() as usize, (contained, origin));
                    }
                }
            }
        }
    }

    /// A condition written as a string: its tests resolved.
    fn cond(&mut self, text: &str) -> Cond {
        match parse_condition(text, 0) {
            Ok(tests) => tests.iter().map(|t| self.resolve(t)).collect(),
            Err(_) => vec![T::Never],
        }
    }

    fn resolve(&mut self, t: &Test) -> T {
        let id = t.id.as_str();
        match t.kind {
            TestKind::Finding => self
                .finding_index
                .get(id)
                .map_or(T::Never, |i| T::Finding(*i)),
            TestKind::Outcome => T::Outcome(id.to_owned()),
            TestKind::Verdict => Verdict::ALL
                .into_iter()
                .find(|v| v.as_str() == id)
                .map_or(T::Never, T::Verdict),
            TestKind::Answer => {
                let i = match self.asked.iter().position(|q| q == id) {
                    Some(i) => i,
                    None => {
                        self.asked.push(id.to_owned());
                        self.asked.len() - 1
                    }
                };
                T::Answer(i, t.value.clone())
            }
            TestKind::Field => T::Unknown,
            TestKind::Says => {
                let i = match self.says.iter().position(|s| s == id) {
                    Some(i) => i,
                    None => {
                        self.says.push(id.to_owned());
                        self.says.len() - 1
                    }
                };
                T::Says(i)
            }
        }
    }

    fn declare(&mut self) {
        let bundle = self.bundle;
        for (src, q) in &bundle.questionnaires {
            let src = *src;
            for (fi, f) in q.findings.iter().enumerate() {
                if f.excludes.is_empty() && f.requires.is_empty() {
                    continue;
                }
                let mut d = Declaration {
                    by: f.id.clone(),
                    finding: self.finding_index.get(f.id.as_str()).copied(),
                    when: Vec::new(),
                    excludes: Vec::new(),
                    requires: Vec::new(),
                };
                for (i, e) in f.excludes.iter().enumerate() {
                    let path = format!("findings[{fi}].excludes[{i}]");
                    let cond = self.cond(e);
                    d.excludes
                        .push((cond, e, Origin::Questionnaire { src, path }));
                }
                for (i, r) in f.requires.iter().enumerate() {
                    let path = format!("findings[{fi}].requires[{i}]");
                    let cond = self.cond(r);
                    d.requires
                        .push((cond, r, Origin::Questionnaire { src, path }));
                }
                self.declarations.push(d);
            }
            for (ri, r) in q.rules.iter().enumerate() {
                let mut d = Declaration {
                    by: r.because.clone(),
                    finding: None,
                    when: Vec::new(),
                    excludes: Vec::new(),
                    requires: Vec::new(),
                };
                for w in &r.when {
                    let cond = self.cond(w);
                    d.when.push(cond);
                }
                for (i, e) in r.excludes.iter().enumerate() {
                    let path = format!("rules[{ri}].excludes[{i}]");
                    let cond = self.cond(e);
                    d.excludes
                        .push((cond, e, Origin::Questionnaire { src, path }));
                }
                for (i, x) in r.requires.iter().enumerate() {
                    let path = format!("rules[{ri}].requires[{i}]");
                    let cond = self.cond(x);
                    d.requires
                        .push((cond, x, Origin::Questionnaire { src, path }));
                }
                self.declarations.push(d);
            }
        }
    }

    fn questionnaire_blocks(&mut self) {
        let bundle = self.bundle;
        for (src, q) in &bundle.questionnaires {
            let src = *src;
            for (oi, o) in q.outcomes.iter().enumerate() {
                self.outcome_blocks(src, oi, o);
            }
            for (fi, f) in q.findings.iter().enumerate() {
                let finding = self.finding_index.get(f.id.as_str()).copied();
                let texts = [
                    ("text", Some(f.text.as_str())),
                    ("short", f.short.as_deref()),
                ];
                for (key, text) in texts {
                    if let Some(text) = text {
                        self.blocks.push(Block {
                            text,
                            outcome: None,
                            finding,
                            guard: Vec::new(),
                            offset: 0,
                            origin: Origin::Questionnaire {
                                src,
                                path: format!("findings[{fi}].{key}"),
                            },
                            kind: Kind::Other,
                            says: Vec::new(),
                        });
                    }
                }
            }
        }
    }

    fn outcome_blocks(&mut self, src: SourceId, oi: usize, o: &'a Outcome) {
        let single = o.summary.len() == 1;
        self.blocks.push(Block {
            text: &o.title,
            outcome: Some(&o.id),
            finding: None,
            guard: Vec::new(),
            offset: 0,
            origin: Origin::Questionnaire {
                src,
                path: format!("outcomes[{oi}].title"),
            },
            kind: Kind::Other,
            says: Vec::new(),
        });
        let parts = o
            .summary
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let path = if single {
                    format!("outcomes[{oi}].summary")
                } else {
                    format!("outcomes[{oi}].summary[{i}]")
                };
                (path, p)
            })
            .chain(
                o.next_steps
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("outcomes[{oi}].next_steps[{i}]"), p)),
            );
        for (path, part) in parts.collect::<Vec<_>>() {
            let (when, unless) = part.conditions();
            let mut guard = Vec::new();
            if let Some(w) = when {
                guard.push((self.cond(w), false));
            }
            if let Some(u) = unless {
                guard.push((self.cond(u), true));
            }
            let kind = if guard.is_empty() {
                Kind::Written
            } else {
                Kind::WrittenConditional
            };
            self.blocks.push(Block {
                text: part.text(),
                outcome: Some(&o.id),
                finding: None,
                guard,
                offset: 0,
                origin: Origin::Questionnaire { src, path },
                kind,
                says: Vec::new(),
            });
        }
    }

    /// Every piece of text of every document, with the conditions under
    /// which it is drafted. Nested blocks are walked with a stack of their
    /// own: no recursion depth depends on a template.
    fn template_blocks(&mut self, t: &'a Templates) {
        for doc in &t.documents {
            let Ok(body) = &doc.body else {
                continue;
            };
            let when: Cond = doc
                .when
                .iter()
                .filter_map(|w| w.as_ref().ok())
                .flatten()
                .map(|test| self.resolve(test))
                .collect();
            let mut stack: Vec<(&'a [Node], Guard)> = vec![(&body.nodes, vec![(when, false)])];
            while let Some((nodes, guard)) = stack.pop() {
                for node in nodes {
                    match node {
                        Node::Text(text, at) => self.blocks.push(Block {
                            text,
                            outcome: None,
                            finding: None,
                            guard: guard.clone(),
                            offset: *at,
                            origin: Origin::Template {
                                src: doc.source,
                                path: "body".into(),
                                inner: None,
                            },
                            kind: Kind::Other,
                            says: Vec::new(),
                        }),
                        Node::Value(name) => self.value_blocks(t, name.reference(), &guard),
                        Node::If {
                            cond,
                            then,
                            otherwise,
                        } => {
                            let c: Cond = cond.iter().map(|x| self.resolve(x)).collect();
                            let mut g = guard.clone();
                            g.push((c.clone(), false));
                            stack.push((then, g));
                            let mut g = guard.clone();
                            g.push((c, true));
                            stack.push((otherwise, g));
                        }
                    }
                }
            }
        }
    }

    /// The texts a value of `champs.toml` may put in a document: each
    /// case, when the ones before it do not hold. A field proposes a value
    /// when it is not given: its cases may appear too.
    fn value_blocks(&mut self, t: &'a Templates, r: Ref<'a>, guard: &Guard) {
        let Ref::Field(id) = r else {
            return;
        };
        let (id, maybe) = match t.field(id) {
            Some(f) => match f.suggest.as_deref() {
                Some(v) => (v, true),
                None => return,
            },
            None => (id, false),
        };
        let Some((vi, value)) = t.values.iter().enumerate().find(|(_, v)| v.id == id) else {
            return;
        };
        let Some(src) = t.fields_source else {
            return;
        };
        let mut before: Guard = guard.clone();
        if maybe {
            before.push((vec![T::Unknown], false));
        }
        for (ci, (case, parsed)) in value.cases.iter().zip(&t.value_cases[vi]).enumerate() {
            let Ok(tests) = parsed else {
                continue;
            };
            let c: Cond = tests.iter().map(|x| self.resolve(x)).collect();
            let mut g = before.clone();
            // A case without a test always holds (and ends the list).
            if !c.is_empty() {
                g.push((c.clone(), false));
            }
            self.blocks.push(Block {
                text: &case.text,
                outcome: None,
                finding: None,
                guard: g,
                offset: 0,
                origin: Origin::Template {
                    src,
                    path: format!("values[{vi}].cases[{ci}].text"),
                    inner: None,
                },
                kind: Kind::Other,
                says: Vec::new(),
            });
            if c.is_empty() {
                break;
            }
            before.push((c, true));
        }
    }
}

// ---------------------------------------------------------------------------
// One path
// ---------------------------------------------------------------------------

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    Yes,
    Maybe,
    No,
}

/// What a path establishes.
struct Facts<'p> {
    findings: Vec<bool>,
    outcome: &'p str,
    verdict: Verdict,
    /// The answers to the questions the declarations name, by their
    /// index in [`Content::asked`]; `None` when not asked.
    answers: Vec<Option<&'p Answer>>,
    /// What the texts say: the state of each `says` text.
    says: Vec<Truth>,
}

impl Facts<'_> {
    fn test(&self, t: &T) -> Truth {
        let yes = |b: bool| if b { Truth::Yes } else { Truth::No };
        match t {
            T::Finding(i) => yes(self.findings[*i]),
            T::Outcome(o) => yes(self.outcome == *o),
            T::Verdict(v) => yes(self.verdict == *v),
            T::Answer(q, v) => yes(match (self.answers[*q], v) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(a), Some(v)) => crate::core::condition::answer_is(a, v),
            }),
            T::Unknown => Truth::Maybe,
            T::Says(i) => self.says.get(*i).copied().unwrap_or(Truth::No),
            T::Never => Truth::No,
        }
    }

    fn any(&self, c: &Cond) -> Truth {
        let mut out = Truth::No;
        for t in c {
            match self.test(t) {
                Truth::Yes => return Truth::Yes,
                Truth::Maybe => out = Truth::Maybe,
                Truth::No => {}
            }
        }
        out
    }

    fn guard(&self, g: &Guard) -> Truth {
        let mut out = Truth::Yes;
        for (c, negated) in g {
            let v = match (self.any(c), negated) {
                (Truth::Yes, true) | (Truth::No, false) => Truth::No,
                (Truth::No, true) | (Truth::Yes, false) => Truth::Yes,
                (Truth::Maybe, _) => Truth::Maybe,
            };
            match v {
                Truth::No => return Truth::No,
                Truth::Maybe => out = Truth::Maybe,
                Truth::Yes => {}
            }
        }
        out
    }
}

/// A contradiction, once per place: how many paths show it, and the first.
#[derive(Default)]
struct Seen {
    found: BTreeMap<(Origin, &'static str, String), Found>,
    /// Blocks some path shows (or may show).
    shown: Vec<bool>,
}

struct Found {
    message: String,
    paths: usize,
    reproducer: String,
}

impl Seen {
    fn add(
        &mut self,
        at: Origin,
        code: &'static str,
        message: String,
        reproducer: impl FnOnce() -> String,
    ) {
        let key = (at, code, message.clone());
        self.found
            .entry(key)
            .and_modify(|f| f.paths += 1)
            .or_insert_with(|| Found {
                message,
                paths: 1,
                reproducer: reproducer(),
            });
    }
}

impl<'a> Content<'a> {
    fn examine(&self, root: &str, path: &Path<'_>, seen: &mut Seen) {
        if seen.shown.is_empty() {
            seen.shown = vec![false; self.blocks.len()];
        }
        let answers = self
            .asked
            .iter()
            .map(|q| {
                let step = path.steps.iter().find(|s| s.question.id == *q);
                step.map(|s| &s.edge.answer)
            })
            .collect();
        let mut facts = Facts {
            findings: vec![false; self.findings.len()],
            outcome: &path.outcome.id,
            verdict: path.outcome.verdict,
            answers,
            says: vec![Truth::No; self.says.len()],
        };
        for f in &path.findings {
            if let Some(i) = self.finding_index.get(f) {
                facts.findings[*i] = true;
            }
        }
        // The texts this path shows.
        let mut states: Vec<(usize, Truth)> = Vec::new();
        for (i, b) in self.blocks.iter().enumerate() {
            if b.outcome.is_some_and(|o| o != facts.outcome)
                || b.finding.is_some_and(|f| !facts.findings[f])
            {
                continue;
            }
            let state = facts.guard(&b.guard);
            if state == Truth::No {
                continue;
            }
            seen.shown[i] = true;
            for s in &b.says {
                if facts.says[*s] != Truth::Yes {
                    facts.says[*s] = state;
                }
            }
            states.push((i, state));
        }
        // What the path's answers imply, shown under « Pourquoi ? ».
        let mut becauses: Vec<&Origin> = Vec::new();
        for step in &path.steps {
            let Some(text) = step.edge.because else {
                continue;
            };
            if let Some((contained, origin)) = self.because.get(&(text.as_ptr() as usize)) {
                for s in contained {
                    facts.says[*s] = Truth::Yes;
                }
                becauses.push(origin);
            }
        }
        // Written only for the first path that shows a contradiction.
        let reproducer = || reproducer(root, &path.answers());
        self.declarations(&facts, &states, &becauses, seen, &reproducer);
        self.verdict(path.outcome, &facts, seen, &reproducer);
        self.articles(path, &facts, &states, seen, &reproducer);
    }

    fn declarations(
        &self,
        facts: &Facts<'_>,
        states: &[(usize, Truth)],
        becauses: &[&Origin],
        seen: &mut Seen,
        reproducer: &dyn Fn() -> String,
    ) {
        for d in &self.declarations {
            if d.finding.is_some_and(|f| !facts.findings[f])
                || d.when.iter().any(|c| facts.any(c) != Truth::Yes)
            {
                continue;
            }
            for (cond, written, origin) in &d.excludes {
                if facts.any(cond) == Truth::No {
                    continue;
                }
                let message = match d.finding {
                    Some(_) => msg::excluded(&d.by, written),
                    None => msg::rule_excluded(&d.by, written),
                };
                // At each text that says it, when it is what the texts say;
                // else at the declaration.
                let mut places = self.saying(cond, facts, states, becauses);
                if places.is_empty() {
                    places.push(origin.clone());
                }
                for at in places {
                    seen.add(at, "contradiction", message.clone(), reproducer);
                }
            }
            for (cond, written, origin) in &d.requires {
                if facts.any(cond) != Truth::No {
                    continue;
                }
                let message = match d.finding {
                    Some(_) => msg::required(&d.by, written),
                    None => msg::rule_required(&d.by, written),
                };
                seen.add(origin.clone(), "unestablished", message, reproducer);
            }
        }
    }

    /// The places of the texts shown that say one of the `says` of `cond`,
    /// each narrowed to the words.
    fn saying(
        &self,
        cond: &Cond,
        facts: &Facts<'_>,
        states: &[(usize, Truth)],
        becauses: &[&Origin],
    ) -> Vec<Origin> {
        let mut out = Vec::new();
        for t in cond {
            let T::Says(s) = t else {
                continue;
            };
            if facts.says[*s] == Truth::No {
                continue;
            }
            for origin in becauses {
                let says_it = self
                    .because
                    .values()
                    .any(|(contained, o)| o == *origin && contained.contains(s));
                if says_it {
                    out.push((*origin).clone());
                }
            }
            for (i, _) in states
                .iter()
                .filter(|(i, _)| self.blocks[*i].says.contains(s))
            {
                let b = &self.blocks[*i];
                let Some(at) = b.text.find(self.says[*s].as_str()) else {
                    continue;
                };
                out.push(match &b.origin {
                    Origin::Template { src, path, .. } => Origin::Template {
                        src: *src,
                        path: path.clone(),
                        inner: Some((b.offset + at, b.offset + at + self.says[*s].len())),
                    },
                    other => other.clone(),
                });
            }
        }
        out
    }

    fn verdict(
        &self,
        o: &Outcome,
        facts: &Facts<'_>,
        seen: &mut Seen,
        reproducer: &dyn Fn() -> String,
    ) {
        let obligations = facts
            .findings
            .iter()
            .zip(&self.kinds)
            .filter(|(on, k)| **on && **k == FindingKind::Obligation)
            .count();
        let wrong = match o.verdict {
            Verdict::Must => obligations == 0,
            Verdict::NotConcerned => obligations > 0,
            _ => false,
        };
        if !wrong {
            return;
        }
        let Some((src, oi)) = self.outcome_place(&o.id) else {
            return;
        };
        let at = Origin::Questionnaire {
            src,
            path: format!("outcomes[{oi}].verdict"),
        };
        let message = match o.verdict {
            Verdict::Must => msg::must_without_obligation(&o.id),
            _ => msg::not_concerned_with_obligation(&o.id),
        };
        seen.add(at, "verdict-findings", message, reproducer);
    }

    fn outcome_place(&self, id: &str) -> Option<(SourceId, usize)> {
        self.bundle.questionnaires.iter().find_map(|(src, q)| {
            q.outcomes
                .iter()
                .position(|o| o.id == id)
                .map(|i| (*src, i))
        })
    }

    /// The articles a summary sentence or a step names must be among the
    /// path's: its findings' and its answers'.
    fn articles(
        &self,
        path: &Path<'_>,
        facts: &Facts<'_>,
        states: &[(usize, Truth)],
        seen: &mut Seen,
        reproducer: &dyn Fn() -> String,
    ) {
        let mut cited: Vec<&str> = facts
            .findings
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .flat_map(|(i, _)| self.finding_articles[i].iter().copied())
            .collect();
        for step in &path.steps {
            cited.extend(
                step.edge
                    .articles
                    .iter()
                    .filter_map(|a| self.bundle.article(a))
                    .flat_map(|a| article_numbers(&a.label)),
            );
        }
        for (i, _) in states {
            let b = &self.blocks[*i];
            if !matches!(b.kind, Kind::Written | Kind::WrittenConditional) {
                continue;
            }
            for n in article_numbers(b.text) {
                if !cited.contains(&n) {
                    seen.add(
                        b.origin.clone(),
                        "uncited-article",
                        msg::uncited_article(n),
                        reproducer,
                    );
                }
            }
        }
    }

    fn diagnostics(&self, seen: &Seen) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = seen
            .found
            .iter()
            .map(|((at, code, _), f)| {
                let message = msg::with_paths(&f.message, f.paths, &f.reproducer);
                self.at(at, Severity::Error, code, message)
            })
            .collect();
        for (i, b) in self.blocks.iter().enumerate() {
            if b.kind == Kind::WrittenConditional && !seen.shown.get(i).copied().unwrap_or(false) {
                out.push(self.at(
                    &b.origin,
                    Severity::Warning,
                    "never-shown",
                    msg::never_shown(),
                ));
            }
        }
        out
    }

    fn at(
        &self,
        at: &Origin,
        severity: Severity,
        code: &'static str,
        message: String,
    ) -> Diagnostic {
        match at {
            Origin::Questionnaire { src, path } => {
                diagnostic(self.bundle, severity, code, *src, path.clone(), message)
            }
            Origin::Template { src, path, inner } => match self.templates {
                Some(t) => {
                    let doc = toml_edit::Document::parse(t.sources[*src].text.as_str()).ok();
                    placed(
                        t,
                        doc.as_ref(),
                        severity,
                        code,
                        *src,
                        path.clone(),
                        inner.map(|(a, b)| a..b),
                        message,
                    )
                }
                None => diagnostic(
                    self.bundle,
                    severity,
                    code,
                    usize::MAX,
                    path.clone(),
                    message,
                ),
            },
        }
    }
}

/// A diagnostic on `path` (a key path) of source `src`, named by its file.
pub(crate) fn diagnostic(
    bundle: &Bundle,
    severity: Severity,
    code: &'static str,
    src: SourceId,
    path: String,
    message: String,
) -> Diagnostic {
    let file = bundle
        .sources
        .get(src)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    Diagnostic::at_key(severity, code, message, file, path, src)
}

/// The answers of a path as an answers file, on one line.
fn reproducer(root: &str, answers: &BTreeMap<String, Answer>) -> String {
    let mut s = format!(
        "{{\"questionnaire\": {}, \"answers\": {{",
        json_string(root)
    );
    for (i, (k, v)) in answers.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&json_string(k));
        s.push_str(": ");
        match v {
            Answer::Bool(b) => s.push_str(if *b { "true" } else { "false" }),
            Answer::Number(n) => s.push_str(&crate::text::number::fmt_num(*n)),
            Answer::Text(t) => s.push_str(&json_string(t)),
        }
    }
    s.push_str("}}");
    s
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The numbers of the code articles a text names: « L311-6 »,
/// « R311-3-1-2 », « D312-1-4 » (a capital L, R or D, digits, and groups of
/// digits after hyphens), standing alone.
pub fn article_numbers(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = matches!(bytes[i], b'L' | b'R' | b'D')
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        while j + 1 < bytes.len() && bytes[j] == b'-' && bytes[j + 1].is_ascii_digit() {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
        }
        // « L311 » alone is no article of the code (they have a hyphen).
        if text[i..j].contains('-') && !bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            out.push(&text[i..j]);
        }
        i = j;
    }
    out
}

/// User-facing strings of the consistency check.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn excluded(finding: &str, test: &str) {
            fr: "contradiction : le constat « {finding} » exclut « {test} », qui se trouve pourtant sur le même chemin",
            en: "contradiction: finding « {finding} » excludes « {test} », which is on the same path",
        }
        fn rule_excluded(because: &str, test: &str) {
            fr: "contradiction : « {test} » est exclu ici ({because})",
            en: "contradiction: « {test} » is excluded here ({because})",
        }
        fn required(finding: &str, test: &str) {
            fr: "le constat « {finding} » suppose « {test} », que le chemin n'établit pas",
            en: "finding « {finding} » presupposes « {test} », which the path does not establish",
        }
        fn rule_required(because: &str, test: &str) {
            fr: "« {test} » devrait être établi ici ({because})",
            en: "« {test} » should be established here ({because})",
        }
        fn must_without_obligation(outcome: &str) {
            fr: "l'issue « {outcome} » a le verdict « must » sans qu'aucun constat de type obligation soit sur le chemin",
            en: "outcome « {outcome} » has verdict « must » but no finding of kind obligation is on the path",
        }
        fn not_concerned_with_obligation(outcome: &str) {
            fr: "l'issue « {outcome} » a le verdict « not_concerned » alors qu'une obligation est sur le chemin",
            en: "outcome « {outcome} » has verdict « not_concerned » but an obligation is on the path",
        }
        fn uncited_article(number: &str) {
            fr: "ce texte cite l'article {number}, qu'aucun constat ni aucune réponse du chemin ne cite",
            en: "this text names article {number}, which no finding or answer of the path cites",
        }
        fn with_paths(message: &str, paths: usize, reproducer: &str) {
            fr: "{message} ({paths} chemin(s) ; par exemple, le fichier de réponses {reproducer})",
            en: "{message} ({paths} path(s); for example, the answers file {reproducer})",
        }
        fn never_shown() {
            fr: "aucun chemin ne montre ce texte : ses conditions ne sont jamais remplies ensemble",
            en: "no path shows this text: its conditions never hold together",
        }
        fn incomplete(examined: usize) {
            fr: "vérification de cohérence arrêtée après {examined} chemin(s) : l'arbre en a trop pour les examiner tous, les suivants ne l'ont pas été",
            en: "consistency check stopped after {examined} path(s): the tree has too many to examine them all, the others were not",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::article_numbers;

    #[test]
    fn article_numbers_stand_alone() {
        assert_eq!(
            article_numbers("articles L311-6 et R311-3-1-2 ; D312-1-4, L311"),
            vec!["L311-6", "R311-3-1-2", "D312-1-4"]
        );
        assert!(article_numbers("URL311-6 L311-6a").is_empty());
    }
}
