//! An interactive session: the engine decides what to ask, a [`Prompter`]
//! asks it. The session owns the answers and the rules for changing them
//! (going back, editing in the review, dropping answers the new path no
//! longer reaches); it never prints and never reads a terminal itself, so
//! it is tested with a scripted prompter.
//!
//! # Rule for changed answers
//!
//! Answers steer the walk through the tree, so an answer given for one
//! path must never steer another one unseen. When an answer changes (an
//! edit in the review, or a different answer after going back), the
//! session walks the tree again and keeps only the answers on the new path
//! up to the first question without an answer; every other answer —
//! including answers read from `--answers` that lie further on — is
//! dropped, and the user is told which. A dropped answer is remembered
//! only to be offered by default if its question comes back; it routes
//! nothing until the user confirms it. An answer given again unchanged
//! changes nothing and drops nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::core::catalog::{Bundle, Node};
use crate::core::engine::{self, Decision, Evaluation, Step};
use crate::core::model::{Answer, Question, Questionnaire};
use crate::front::error::Error;

/// What the user did at a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Answer(Answer),
    /// Go back (to the previous question, or out of an edit).
    Back,
    /// Show the next page of the help of the question (the short answer,
    /// then the details and its terms), then ask again.
    Help,
}

/// What « back » does at a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackTo {
    /// The first question: nothing before it.
    Nothing,
    /// Withdraw the previous answer and ask it again.
    Previous,
    /// An edit from the review: keep the current answer.
    Cancel,
}

/// Where the user is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress<'a> {
    /// 1-based number of the question among those asked on the path (a
    /// `tally`, worked out, is not counted).
    pub number: usize,
    /// The number of the last question on the longest path from here.
    pub at_most: usize,
    pub section: Option<&'a str>,
}

/// What the prompter needs to show a question.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub bundle: &'a Bundle,
    /// The steps before this one on the path: the questions answered, and
    /// any `tally` worked out from them (`computed`).
    pub path: &'a [Step],
    /// The answer to offer by default: the current one when editing, the
    /// former one when the question is asked again.
    pub previous: Option<&'a Answer>,
    pub progress: Progress<'a>,
    pub back: BackTo,
    /// The page of help last shown at this question, if any: the menu
    /// then offers the next one.
    pub help_shown: Option<usize>,
}

/// An answer set aside, as the user saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub question: String,
    pub text: String,
    pub label: String,
}

/// Something to tell the user, between questions.
#[derive(Debug, Clone)]
pub enum Notice<'a> {
    /// A page of the help of a question: 0 for the short answer, then
    /// the details and the glossary entries of its terms. Counts on past
    /// the last page: the prompter, which knows how many pages fit its
    /// screen, starts again from the first.
    Help {
        question: &'a Question,
        terms: Vec<TermHelp<'a>>,
        page: usize,
    },
    /// Answers that no longer apply after a change.
    Dropped(Vec<Dropped>),
}

/// A glossary entry, with the labels of its articles.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHelp<'a> {
    pub term: &'a str,
    pub definition: &'a str,
    pub articles: Vec<&'a str>,
}

/// The glossary entries of the terms of `q`, with the labels of their
/// articles.
pub fn term_help<'a>(bundle: &'a Bundle, q: &Question) -> Vec<TermHelp<'a>> {
    q.terms
        .iter()
        .filter_map(|t| bundle.term(t))
        .map(|t| TermHelp {
            term: &t.term,
            definition: &t.definition,
            articles: t
                .articles
                .iter()
                .filter_map(|a| bundle.article(a))
                .map(|a| a.label.as_str())
                .collect(),
        })
        .collect()
}

/// What the user did at the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewReply {
    /// Show the result.
    Confirm,
    /// Change the answer of the step at this index of the path.
    Edit(usize),
    /// Ask the last question again.
    Back,
}

/// The front end: asks, reviews, tells. Implemented by the terminal
/// prompters and by tests.
pub trait Prompter {
    fn ask(&mut self, question: &Question, ctx: &Context<'_>) -> Result<Reply, Error>;
    /// Shows every answer of a complete path before the result.
    fn review(&mut self, path: &[Step]) -> Result<ReviewReply, Error>;
    fn tell(&mut self, notice: &Notice<'_>) -> Result<(), Error>;
    /// A yes/no question outside the trees (« write the documents? »),
    /// with the words of each answer. A prompter that cannot ask says no.
    fn confirm(&mut self, question: &Confirm<'_>) -> Result<bool, Error> {
        let _ = question;
        Ok(false)
    }
    /// A line of free text outside the trees (a field of a document);
    /// empty for « nothing ». A prompter that cannot ask keeps the default.
    fn ask_line(&mut self, question: &LineQuestion<'_>) -> Result<String, Error> {
        Ok(question.default.unwrap_or_default().to_owned())
    }
}

/// A yes/no question outside the trees.
#[derive(Debug, Clone, Copy)]
pub struct Confirm<'a> {
    pub text: &'a str,
    pub yes: &'a str,
    pub no: &'a str,
    pub default: bool,
}

/// A line of free text to ask.
#[derive(Debug, Clone, Copy)]
pub struct LineQuestion<'a> {
    pub text: &'a str,
    /// Shown under the question: what to write, an example.
    pub help: &'a str,
    /// Offered, kept on Enter.
    pub default: Option<&'a str>,
}

type Observer<'b> = Box<dyn FnMut(&BTreeMap<String, Answer>) + 'b>;

/// A session from some answers (possibly none) to a confirmed decision.
pub struct Session<'b> {
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
    answers: BTreeMap<String, Answer>,
    /// Answers withdrawn (back) or dropped (after a change): offered by
    /// default when their question is asked, never used for routing.
    remembered: BTreeMap<String, Answer>,
    longest: HashMap<String, usize>,
    observer: Option<Observer<'b>>,
}

impl<'b> Session<'b> {
    pub fn new(
        bundle: &'b Bundle,
        questionnaire: &'b Questionnaire,
        answers: BTreeMap<String, Answer>,
    ) -> Self {
        Session {
            bundle,
            questionnaire,
            answers,
            remembered: BTreeMap::new(),
            longest: HashMap::new(),
            observer: None,
        }
    }

    /// Calls `f` with the answers after every change, so that they can be
    /// saved if the session is interrupted.
    pub fn observe(mut self, f: impl FnMut(&BTreeMap<String, Answer>) + 'b) -> Self {
        self.observer = Some(Box::new(f));
        self
    }

    /// The answers that route the session now: what is saved.
    pub fn into_answers(self) -> BTreeMap<String, Answer> {
        self.answers
    }

    /// Asks until the path reaches an outcome and the user confirms the
    /// review.
    pub fn run(&mut self, prompter: &mut dyn Prompter) -> Result<Decision, Error> {
        loop {
            match self.evaluate()? {
                Evaluation::Pending { question, path } => {
                    self.ask_pending(question, &path, prompter)?;
                }
                Evaluation::Done(decision) => {
                    // Worked-out steps (tallies) are not answers: the
                    // review neither lists them nor offers to edit them.
                    let asked: Vec<Step> = decision
                        .path
                        .iter()
                        .filter(|s| !s.computed)
                        .cloned()
                        .collect();
                    match prompter.review(&asked)? {
                        ReviewReply::Confirm => return Ok(*decision),
                        ReviewReply::Edit(i) => {
                            if let Some(j) = asked_index(&decision.path, i) {
                                self.edit(&decision.path, j, prompter)?;
                            }
                        }
                        ReviewReply::Back => self.withdraw(last_asked(&decision.path)),
                    }
                }
            }
        }
    }

    fn evaluate(&self) -> Result<Evaluation<'b>, Error> {
        engine::evaluate(self.bundle, self.questionnaire, &self.answers).map_err(Error::Answers)
    }

    fn ask_pending(
        &mut self,
        q: &'b Question,
        path: &[Step],
        prompter: &mut dyn Prompter,
    ) -> Result<(), Error> {
        let before = self.remembered.get(&q.id).cloned();
        let back = if last_asked(path).is_none() {
            BackTo::Nothing
        } else {
            BackTo::Previous
        };
        let mut help_shown = None;
        loop {
            match self.ask(q, path, before.as_ref(), back, help_shown, prompter)? {
                Reply::Help => help_shown = Some(self.help(q, help_shown, prompter)?),
                // Nothing before the first question: ask it again.
                Reply::Back if back == BackTo::Nothing => {}
                Reply::Back => {
                    self.withdraw(last_asked(path));
                    return Ok(());
                }
                Reply::Answer(a) => return self.set(q, a, before, prompter),
            }
        }
    }

    /// Changes the answer of `path[i]`; « back » cancels.
    fn edit(&mut self, path: &[Step], i: usize, prompter: &mut dyn Prompter) -> Result<(), Error> {
        let Some(q) = self.bundle.question(&path[i].question) else {
            return Ok(());
        };
        let current = self.answers.get(&q.id).cloned();
        let mut help_shown = None;
        loop {
            let reply = self.ask(
                q,
                &path[..i],
                current.as_ref(),
                BackTo::Cancel,
                help_shown,
                prompter,
            )?;
            match reply {
                Reply::Help => help_shown = Some(self.help(q, help_shown, prompter)?),
                Reply::Back => return Ok(()),
                Reply::Answer(a) => return self.set(q, a, current, prompter),
            }
        }
    }

    fn ask(
        &mut self,
        q: &'b Question,
        path: &[Step],
        previous: Option<&Answer>,
        back: BackTo,
        help_shown: Option<usize>,
        prompter: &mut dyn Prompter,
    ) -> Result<Reply, Error> {
        let asked = path.iter().filter(|s| !s.computed).count();
        let progress = Progress {
            number: asked + 1,
            at_most: asked + self.longest_from(&q.id),
            section: q.section.as_deref(),
        };
        let ctx = Context {
            bundle: self.bundle,
            path,
            previous,
            progress,
            back,
            help_shown,
        };
        prompter.ask(q, &ctx)
    }

    /// Shows the page of help after `shown`; returns the page shown.
    fn help(
        &self,
        q: &'b Question,
        shown: Option<usize>,
        prompter: &mut dyn Prompter,
    ) -> Result<usize, Error> {
        let page = shown.map_or(0, |p| p + 1);
        let terms = term_help(self.bundle, q);
        prompter.tell(&Notice::Help {
            question: q,
            terms,
            page,
        })?;
        Ok(page)
    }

    /// Records an answer; when it differs from the one it replaces, drops
    /// the answers the new path no longer reaches.
    fn set(
        &mut self,
        q: &Question,
        answer: Answer,
        before: Option<Answer>,
        prompter: &mut dyn Prompter,
    ) -> Result<(), Error> {
        self.remembered.remove(&q.id);
        let dropped = change(
            self.bundle,
            self.questionnaire,
            &mut self.answers,
            q,
            answer,
            before.as_ref(),
        )?;
        for (id, a) in &dropped {
            self.remembered.insert(id.clone(), a.clone());
        }
        if !dropped.is_empty() {
            let told = dropped
                .iter()
                .map(|(id, a)| describe(self.bundle, id, a))
                .collect();
            prompter.tell(&Notice::Dropped(told))?;
        }
        self.notify();
        Ok(())
    }

    /// Withdraws the answer of `step` so that its question is asked again.
    fn withdraw(&mut self, step: Option<&Step>) {
        if let Some(step) = step
            && let Some(a) = self.answers.remove(&step.question)
        {
            self.remembered.insert(step.question.clone(), a);
            self.notify();
        }
    }

    fn notify(&mut self) {
        if let Some(f) = &mut self.observer {
            f(&self.answers);
        }
    }

    /// The number of questions asked on the longest path from `id`
    /// (itself included) to an outcome.
    fn longest_from(&mut self, id: &str) -> usize {
        longest(self.bundle, id, &mut self.longest)
    }
}

/// Records `answer` to `q` in `answers`, by the rule for changed answers
/// (see the module's documentation): when it differs from `before`, the
/// answer it replaces, the answers the new path no longer reaches are
/// removed and returned, in questionnaire order. An answer that cannot
/// route is refused before it is recorded. The terminal session and the
/// web front both change answers through here.
pub fn change(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    answers: &mut BTreeMap<String, Answer>,
    q: &Question,
    answer: Answer,
    before: Option<&Answer>,
) -> Result<Vec<(String, Answer)>, Error> {
    // A typed answer that cannot route (a number outside every range of
    // a broken questionnaire) is refused before it is recorded.
    engine::resolve(q, &answer).map_err(|e| Error::Answers(vec![e]))?;
    let changed = before.is_some_and(|b| *b != answer);
    answers.insert(q.id.clone(), answer);
    if changed {
        prune(bundle, questionnaire, answers)
    } else {
        Ok(Vec::new())
    }
}

/// Keeps only the answers on the path up to the first unanswered
/// question; returns the others, removed, in questionnaire order.
fn prune(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    answers: &mut BTreeMap<String, Answer>,
) -> Result<Vec<(String, Answer)>, Error> {
    let kept: HashSet<String> =
        match engine::evaluate(bundle, questionnaire, answers).map_err(Error::Answers)? {
            Evaluation::Pending { path, .. } => path.into_iter().map(|s| s.question).collect(),
            Evaluation::Done(d) => d.path.into_iter().map(|s| s.question).collect(),
        };
    let mut stale: Vec<String> = answers
        .keys()
        .filter(|k| !kept.contains(*k))
        .cloned()
        .collect();
    // In questionnaire order, which follows the paths top-down.
    let order: HashMap<&str, usize> = bundle
        .question_ids()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    stale.sort_by_key(|id| order.get(id.as_str()).copied().unwrap_or(usize::MAX));
    Ok(stale
        .into_iter()
        .filter_map(|id| answers.remove(&id).map(|a| (id, a)))
        .collect())
}

/// An answer set aside, as the user saw it: the question and the label
/// of the answer in the interface language.
pub fn describe(bundle: &Bundle, id: &str, a: &Answer) -> Dropped {
    let q = bundle.question(id);
    let label = q
        .and_then(|q| crate::output::labels::answer_label(q, a, crate::text::i18n::texts()))
        .unwrap_or_else(|| a.to_string());
    Dropped {
        question: id.to_owned(),
        text: q.map(|q| q.text.clone()).unwrap_or_default(),
        label,
    }
}

/// The last step of `path` that the user answered (not worked out).
pub fn last_asked(path: &[Step]) -> Option<&Step> {
    path.iter().rev().find(|s| !s.computed)
}

/// The index in `path` of its `i`-th answered step (the review numbers
/// only those).
fn asked_index(path: &[Step], i: usize) -> Option<usize> {
    path.iter()
        .enumerate()
        .filter(|(_, s)| !s.computed)
        .nth(i)
        .map(|(j, _)| j)
}

/// Longest number of questions asked from `target` to an outcome,
/// memoised by question id; a `tally` is worked out, not asked, and does
/// not count. A validated bundle has no cycle; a broken one ends anyway
/// (a question met again on the way counts for nothing). The walk keeps
/// its own stack: no recursion depth depends on the tree.
pub fn longest(bundle: &Bundle, target: &str, cache: &mut HashMap<String, usize>) -> usize {
    let Some(Node::Question(root)) = bundle.node(target) else {
        return 0;
    };
    if let Some(&n) = cache.get(&root.id) {
        return n;
    }
    // Each question on the walk, the targets it has still to look at, and
    // the longest found below it so far.
    let mut stack: Vec<(&Question, Vec<&str>, usize)> = vec![(root, targets(root), 0)];
    let mut visiting: HashSet<&str> = HashSet::from([root.id.as_str()]);
    while let Some((q, pending, best)) = stack.last_mut() {
        match pending.pop() {
            Some(t) => {
                if let Some(Node::Question(child)) = bundle.node(t) {
                    if let Some(&n) = cache.get(&child.id) {
                        *best = (*best).max(n);
                    } else if visiting.insert(&child.id) {
                        stack.push((child, targets(child), 0));
                    }
                }
            }
            None => {
                let here = *best + usize::from(!q.kind.is_computed());
                let id = q.id.as_str();
                visiting.remove(id);
                cache.insert(id.to_owned(), here);
                stack.pop();
                if let Some((_, _, best)) = stack.last_mut() {
                    *best = (*best).max(here);
                }
            }
        }
    }
    cache.get(&root.id).copied().unwrap_or(0)
}

fn targets(q: &Question) -> Vec<&str> {
    q.targets().collect()
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use super::*;

    /// Runs a session from `answers` to a decision; `answers` holds the
    /// session's answers when this returns, even on an error.
    fn run(
        bundle: &Bundle,
        questionnaire: &Questionnaire,
        answers: &mut BTreeMap<String, Answer>,
        prompter: &mut dyn Prompter,
    ) -> Result<Decision, Error> {
        let mut session = Session::new(bundle, questionnaire, std::mem::take(answers));
        let result = session.run(prompter);
        *answers = session.into_answers();
        result
    }

    /// A small tree where question `d` is reached from both branches:
    /// a=oui → b (number: < 50 → fin_petit, ≥ 50 → d); a=non → c (x → d,
    /// y → fin_c); d: oui → fin_d, non → fin_petit.
    const TREE: &str = include_str!("../../tests/fixtures/session/arbre.toml");

    fn bundle() -> Bundle {
        bundle_with(TREE)
    }

    /// `tree` with the built-in articles, glossary and guides.
    fn bundle_with(tree: &str) -> Bundle {
        Bundle::from_sources([("t/t.toml", tree)]).unwrap_or_else(|e| panic!("{e}"))
    }

    enum Do {
        Reply(Reply),
        Review(ReviewReply),
    }

    fn yes() -> Do {
        Do::Reply(Reply::Answer(Answer::Bool(true)))
    }
    fn no() -> Do {
        Do::Reply(Reply::Answer(Answer::Bool(false)))
    }
    fn num(n: f64) -> Do {
        Do::Reply(Reply::Answer(Answer::Number(n)))
    }
    fn pick(v: &str) -> Do {
        Do::Reply(Reply::Answer(Answer::Text(v.into())))
    }
    fn back() -> Do {
        Do::Reply(Reply::Back)
    }
    fn help() -> Do {
        Do::Reply(Reply::Help)
    }
    fn confirm() -> Do {
        Do::Review(ReviewReply::Confirm)
    }
    fn edit(i: usize) -> Do {
        Do::Review(ReviewReply::Edit(i))
    }

    /// Replays a script and logs what the session showed.
    struct Script {
        todo: VecDeque<Do>,
        log: Vec<String>,
    }

    impl Script {
        fn new(todo: Vec<Do>) -> Self {
            Script {
                todo: todo.into(),
                log: Vec::new(),
            }
        }
    }

    impl Prompter for Script {
        fn ask(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
            let p = ctx.progress;
            let prev = ctx.previous.map(|a| format!(" [{a}]")).unwrap_or_default();
            let back = match ctx.back {
                BackTo::Nothing => "",
                BackTo::Previous => " <",
                BackTo::Cancel => " cancel",
            };
            let help = ctx
                .help_shown
                .map(|p| format!(" help={p}"))
                .unwrap_or_default();
            self.log.push(format!(
                "ask {} {}/{}{prev}{back}{help}",
                q.id, p.number, p.at_most
            ));
            match self.todo.pop_front() {
                Some(Do::Reply(r)) => Ok(r),
                Some(Do::Review(_)) => panic!("asked {} but the script reviews", q.id),
                None => Err(Error::Interrupted),
            }
        }

        fn review(&mut self, path: &[Step]) -> Result<ReviewReply, Error> {
            let ids: Vec<&str> = path.iter().map(|s| s.question.as_str()).collect();
            self.log.push(format!("review {}", ids.join(",")));
            match self.todo.pop_front() {
                Some(Do::Review(r)) => Ok(r),
                Some(Do::Reply(_)) => panic!("reviewed but the script answers"),
                None => Err(Error::Interrupted),
            }
        }

        fn tell(&mut self, notice: &Notice<'_>) -> Result<(), Error> {
            match notice {
                Notice::Help {
                    question,
                    terms,
                    page,
                } => {
                    let t: Vec<&str> = terms.iter().map(|t| t.term).collect();
                    self.log
                        .push(format!("help {page} {}: {}", question.help, t.join(", ")));
                }
                Notice::Dropped(d) => {
                    let ids: Vec<&str> = d.iter().map(|d| d.question.as_str()).collect();
                    self.log.push(format!("dropped {}", ids.join(",")));
                }
            }
            Ok(())
        }
    }

    fn play(
        given: &[(&str, Answer)],
        todo: Vec<Do>,
    ) -> (
        Result<Decision, Error>,
        Vec<String>,
        BTreeMap<String, Answer>,
    ) {
        let b = bundle();
        let q = b.questionnaire("t").unwrap();
        let mut answers: BTreeMap<String, Answer> = given
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        let mut script = Script::new(todo);
        let r = run(&b, q, &mut answers, &mut script);
        (r, script.log, answers)
    }

    #[test]
    fn asks_in_order_with_progress_then_reviews() {
        let (r, log, _) = play(&[], vec![yes(), num(60.0), yes(), confirm()]);
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert_eq!(
            log,
            ["ask a 1/3", "ask b 2/3 <", "ask d 3/3 <", "review a,b,d"]
        );
    }

    #[test]
    fn back_asks_the_previous_question_with_its_answer_offered() {
        let (r, log, _) = play(&[], vec![yes(), back(), no(), pick("y"), confirm()]);
        assert_eq!(r.unwrap().outcome.id, "fin_c");
        assert_eq!(
            log,
            [
                "ask a 1/3",
                "ask b 2/3 <",
                "ask a 1/3 [true]",
                "ask c 2/3 <",
                "review a,c"
            ]
        );
    }

    #[test]
    fn back_at_the_first_question_asks_it_again() {
        let (r, log, _) = play(&[], vec![back(), yes(), num(3.0), confirm()]);
        assert_eq!(r.unwrap().outcome.id, "fin_petit");
        assert_eq!(&log[..2], ["ask a 1/3", "ask a 1/3"]);
    }

    #[test]
    fn help_shows_the_help_and_terms_then_asks_again() {
        let (r, log, _) = play(&[], vec![help(), yes(), num(1.0), confirm()]);
        assert!(r.is_ok());
        assert_eq!(log[0], "ask a 1/3");
        assert_eq!(
            log[1],
            "help 0 Aide de la question A.: document administratif"
        );
        assert_eq!(log[2], "ask a 1/3 help=0");
    }

    #[test]
    fn each_help_asks_for_the_next_page_and_the_next_question_starts_afresh() {
        let (r, log, _) = play(
            &[],
            vec![help(), help(), help(), yes(), help(), num(1.0), confirm()],
        );
        assert!(r.is_ok());
        let shown: Vec<&str> = log.iter().map(String::as_str).collect();
        assert_eq!(
            &shown[..9],
            [
                "ask a 1/3",
                "help 0 Aide de la question A.: document administratif",
                "ask a 1/3 help=0",
                "help 1 Aide de la question A.: document administratif",
                "ask a 1/3 help=1",
                "help 2 Aide de la question A.: document administratif",
                "ask a 1/3 help=2",
                "ask b 2/3 <",
                "help 0 : ",
            ]
        );
    }

    #[test]
    fn editing_in_the_review_changes_the_outcome_and_drops_stale_answers() {
        let (r, log, answers) = play(
            &[],
            vec![yes(), num(60.0), yes(), edit(0), no(), pick("y"), confirm()],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_c");
        assert_eq!(
            log,
            [
                "ask a 1/3",
                "ask b 2/3 <",
                "ask d 3/3 <",
                "review a,b,d",
                "ask a 1/3 [true] cancel",
                "dropped b,d",
                "ask c 2/3 <",
                "review a,c"
            ]
        );
        assert_eq!(answers.keys().collect::<Vec<_>>(), ["a", "c"]);
    }

    #[test]
    fn a_dropped_answer_is_offered_again_but_never_routes_unseen() {
        // d was answered on the a=oui path; after a=non it is reachable
        // again through c=x, and must be asked (its answer offered), not
        // silently reused.
        let (r, log, _) = play(
            &[],
            vec![
                yes(),
                num(60.0),
                no(),
                edit(0),
                no(),
                pick("x"),
                yes(),
                confirm(),
            ],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert!(log.contains(&"dropped b,d".to_owned()), "{log:?}");
        assert!(log.contains(&"ask d 3/3 [false] <".to_owned()), "{log:?}");
    }

    #[test]
    fn cancelling_an_edit_or_giving_the_same_answer_changes_nothing() {
        let (r, log, _) = play(
            &[],
            vec![
                yes(),
                num(60.0),
                yes(),
                edit(1),
                back(),
                edit(1),
                num(60.0),
                confirm(),
            ],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert!(!log.iter().any(|l| l.starts_with("dropped")), "{log:?}");
        assert_eq!(log.iter().filter(|l| l.starts_with("review")).count(), 3);
    }

    #[test]
    fn an_edit_that_keeps_the_branch_keeps_the_later_answers() {
        // b: 60 → 80 stays in the « 50 ou plus » range: d is still on the
        // path and keeps its answer.
        let (r, log, answers) = play(
            &[],
            vec![yes(), num(60.0), yes(), edit(1), num(80.0), confirm()],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert!(!log.iter().any(|l| l.starts_with("dropped")), "{log:?}");
        assert_eq!(answers["b"], Answer::Number(80.0));
    }

    #[test]
    fn file_answers_are_used_and_only_missing_questions_are_asked() {
        let (r, log, _) = play(
            &[("a", Answer::Bool(true)), ("d", Answer::Bool(true))],
            vec![num(70.0), confirm()],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert_eq!(log, ["ask b 2/3 <", "review a,b,d"]);
    }

    #[test]
    fn file_answers_beyond_the_point_are_dropped_after_a_change() {
        // From the file: a=oui, d=oui (beyond the missing b). Going back to
        // a and changing it drops d, which the new path has not reached.
        let (r, log, answers) = play(
            &[("a", Answer::Bool(true)), ("d", Answer::Bool(true))],
            vec![back(), no(), pick("y"), confirm()],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_c");
        assert!(log.contains(&"dropped d".to_owned()), "{log:?}");
        assert!(!answers.contains_key("d"));
    }

    #[test]
    fn going_back_and_answering_the_same_keeps_file_answers_beyond() {
        let (r, log, _) = play(
            &[("a", Answer::Bool(true)), ("d", Answer::Bool(true))],
            vec![back(), yes(), num(70.0), confirm()],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert!(!log.iter().any(|l| l.starts_with("dropped")), "{log:?}");
        assert_eq!(log.last().unwrap(), "review a,b,d");
    }

    #[test]
    fn back_from_the_review_asks_the_last_question_again() {
        let (r, log, _) = play(
            &[],
            vec![
                yes(),
                num(2.0),
                Do::Review(ReviewReply::Back),
                num(90.0),
                yes(),
                confirm(),
            ],
        );
        assert_eq!(r.unwrap().outcome.id, "fin_d");
        assert!(log.contains(&"ask b 2/3 [2] <".to_owned()), "{log:?}");
    }

    #[test]
    fn an_interruption_keeps_the_answers_given_so_far() {
        let (r, _, answers) = play(&[], vec![yes(), num(60.0)]);
        assert!(matches!(r, Err(Error::Interrupted)));
        assert_eq!(answers.len(), 2);
    }

    #[test]
    fn the_observer_sees_every_change() {
        let b = bundle();
        let q = b.questionnaire("t").unwrap();
        let mut seen = Vec::new();
        {
            let mut s = Session::new(&b, q, BTreeMap::new()).observe(|a| seen.push(a.len()));
            let mut script = Script::new(vec![yes(), back(), yes(), num(1.0), confirm()]);
            s.run(&mut script).unwrap();
        }
        assert_eq!(seen, [1, 0, 1, 2]);
    }

    /// tests/fixtures/tally: compte_a, compte_b, compte_c, then the tally
    /// compte_total (never asked), then compte_suite when two or more.
    fn play_tally(todo: Vec<Do>) -> (Result<Decision, Error>, Vec<String>) {
        let b = bundle_with(include_str!("../../tests/fixtures/tally/compte.toml"));
        let q = b.questionnaire("compte").unwrap();
        let mut answers = BTreeMap::new();
        let mut script = Script::new(todo);
        let r = run(&b, q, &mut answers, &mut script);
        assert!(!answers.contains_key("compte_total"), "{answers:?}");
        (r, script.log)
    }

    #[test]
    fn a_tally_is_never_asked_counted_in_progress_or_offered_in_the_review() {
        let (r, log) = play_tally(vec![yes(), yes(), no(), yes(), edit(3), no(), confirm()]);
        let d = r.unwrap();
        assert_eq!(d.outcome.id, "compte_un");
        assert_eq!(
            log,
            [
                "ask compte_a 1/4",
                "ask compte_b 2/4 <",
                "ask compte_c 3/4 <",
                "ask compte_suite 4/4 <",
                "review compte_a,compte_b,compte_c,compte_suite",
                // The 4th answer of the review is compte_suite, not the tally.
                "ask compte_suite 4/4 [true] cancel",
                "review compte_a,compte_b,compte_c,compte_suite",
            ]
        );
        // The decision still shows the worked-out step.
        assert!(
            d.path
                .iter()
                .any(|s| s.computed && s.question == "compte_total")
        );
    }

    #[test]
    fn back_after_a_tally_asks_the_last_answered_question() {
        let (r, log) = play_tally(vec![
            yes(),
            yes(),
            no(),
            back(),
            yes(),
            yes(),
            Do::Review(ReviewReply::Back),
            no(),
            confirm(),
        ]);
        assert_eq!(r.unwrap().outcome.id, "compte_un");
        assert_eq!(
            log,
            [
                "ask compte_a 1/4",
                "ask compte_b 2/4 <",
                "ask compte_c 3/4 <",
                "ask compte_suite 4/4 <",
                "ask compte_c 3/4 [false] <",
                "ask compte_suite 4/4 <",
                "review compte_a,compte_b,compte_c,compte_suite",
                "ask compte_suite 4/4 [true] <",
                "review compte_a,compte_b,compte_c,compte_suite",
            ]
        );
    }

    #[test]
    fn changing_a_counted_answer_reroutes_through_the_tally() {
        // 2 criteria → compte_suite; compte_b edited to « non » leaves 1:
        // compte_suite is no longer on the path and its answer is dropped.
        let (r, log) = play_tally(vec![yes(), yes(), no(), yes(), edit(1), no(), confirm()]);
        assert_eq!(r.unwrap().outcome.id, "compte_un");
        assert!(log.contains(&"dropped compte_suite".to_owned()), "{log:?}");
        assert_eq!(log.last().unwrap(), "review compte_a,compte_b,compte_c");
    }

    #[test]
    fn longest_path_counts_questions_to_an_outcome() {
        let b = bundle();
        let mut cache = HashMap::new();
        assert_eq!(longest(&b, "@t", &mut cache), 3);
        assert_eq!(longest(&b, "c", &mut cache), 2);
        assert_eq!(longest(&b, "fin_c", &mut cache), 0);
    }
}
