//! An interactive session: the engine asks, a [`Prompter`] answers. The
//! session owns the answers; it never prints and never reads a terminal
//! itself, so it is tested with a scripted prompter.

use std::collections::BTreeMap;

use crate::catalog::Bundle;
use crate::engine::{self, Decision, Evaluation, Step};
use crate::error::Error;
use crate::model::{Answer, Question, Questionnaire};

/// What the user did at a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Answer(Answer),
    /// Go back to the previous question.
    Back,
}

/// Where the user is, for the prompter to show.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub bundle: &'a Bundle,
    /// The questions answered so far on this path.
    pub path: &'a [Step],
    /// The current answer, when the question is asked again after going back.
    pub previous: Option<&'a Answer>,
}

/// Asks one question. Implemented by the terminal front end and by tests.
pub trait Prompter {
    fn ask(&mut self, question: &Question, ctx: &Context<'_>) -> Result<Reply, Error>;
}

/// Runs a session from `answers` (possibly empty) to a decision, asking
/// what is missing. `answers` holds what the user said at every moment, so
/// the caller can save it even when the session is interrupted.
pub fn run(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    answers: &mut BTreeMap<String, Answer>,
    prompter: &mut dyn Prompter,
) -> Result<Decision, Error> {
    // Answers re-asked after going back, kept to preselect them.
    let mut withdrawn: BTreeMap<String, Answer> = BTreeMap::new();
    loop {
        match engine::evaluate(bundle, questionnaire, answers).map_err(Error::Answers)? {
            Evaluation::Done(decision) => return Ok(*decision),
            Evaluation::Pending { question, path } => {
                let ctx = Context {
                    bundle,
                    path: &path,
                    previous: withdrawn.get(&question.id),
                };
                match prompter.ask(question, &ctx)? {
                    Reply::Answer(a) => {
                        withdrawn.remove(&question.id);
                        answers.insert(question.id.clone(), a);
                    }
                    Reply::Back => {
                        if let Some(last) = path.last()
                            && let Some(a) = answers.remove(&last.question)
                        {
                            withdrawn.insert(last.question.clone(), a);
                        }
                    }
                }
            }
        }
    }
}
