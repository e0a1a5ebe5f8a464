//! How answers are said in the interface language: the values a question
//! allows, a given answer, and the message of an [`AnswerError`].

use std::fmt;

use crate::core::engine::{Allowed, AnswerError, allowed};
use crate::core::model::{Answer, Question, QuestionKind};
use crate::text::escape::quote;
use crate::text::i18n::{Texts, texts};
use crate::text::number::fmt_num;

/// The most characters of an id or a value from the input quoted in a
/// message: past it, « … » (a key of 15 MB was echoed whole).
pub const ECHO_CHARS: usize = 80;

/// What an answer to `q` may be, as written in an answers file: `true
/// (oui)`, `"base"`, `un nombre (moins de 50)`…
pub fn allowed_values(q: &Question, t: &Texts) -> Vec<String> {
    said(&allowed(q), t)
}

fn said(a: &Allowed, t: &Texts) -> Vec<String> {
    match a {
        Allowed::YesNo => vec![t.value_true.into(), t.value_false.into()],
        Allowed::Choices(values) => values.iter().map(|v| format!("\"{v}\"")).collect(),
        Allowed::Ranges(labels) => labels
            .iter()
            .map(|l| t.value_number.replace("{}", l))
            .collect(),
        Allowed::Text => vec![t.value_text.into()],
        Allowed::Nothing => Vec::new(),
    }
}

fn expected(kind: QuestionKind, t: &Texts) -> &'static str {
    match kind {
        QuestionKind::YesNo => t.expect_bool,
        QuestionKind::Choice => t.expect_choice,
        QuestionKind::Number => t.expect_number,
        QuestionKind::Text => t.expect_text,
        QuestionKind::Tally | QuestionKind::Switch => t.expect_nothing,
    }
}

fn given(a: &Answer, t: &Texts) -> String {
    match a {
        Answer::Bool(b) => t.given_bool.replace("{}", &b.to_string()),
        Answer::Number(n) => t.given_number.replace("{}", &fmt_num(*n)),
        Answer::Text(s) => t.given_text.replace("{}", &quote(s, ECHO_CHARS)),
    }
}

/// The message of an answer error in the language of `t`.
pub fn message(e: &AnswerError, t: &Texts) -> String {
    let hint = |s: &Option<String>| match s {
        Some(s) => format!(" — {} « {s} »{}", t.did_you_mean, t.question_mark),
        None => String::new(),
    };
    // Ids and values from the input: cut, and escaped.
    let q = |s: &str| quote(s, ECHO_CHARS);
    match e {
        AnswerError::UnknownQuestion { id, suggestion } => format!(
            "{} « {} »{} ({})",
            t.unknown_question,
            q(id),
            hint(suggestion),
            t.questions_list
        ),
        AnswerError::UnknownQuestionnaire {
            id,
            suggestion,
            known,
        } => format!(
            "{} « {} »{} ({} {})",
            t.unknown_questionnaire,
            q(id),
            hint(suggestion),
            t.questionnaires_list,
            known.join(", ")
        ),
        AnswerError::WrongType {
            id,
            expected: kind,
            allowed,
            given: answer,
        } => format!(
            "{}{} {} {}",
            t.wrong_type(&q(id), expected(*kind, t), &given(answer, t)),
            t.semicolon,
            t.allowed,
            said(allowed, t).join(", ")
        ),
        AnswerError::NotAChoice {
            id,
            given,
            allowed,
            suggestion,
        } => format!(
            "« {} »{} « {} » {}{}{} {} {}",
            q(id),
            t.colon,
            q(given),
            t.not_a_choice,
            hint(suggestion),
            t.semicolon,
            t.allowed,
            said(allowed, t).join(", ")
        ),
        AnswerError::Computed { id, counts } => t.computed_not_asked(id, counts),
    }
}

/// In the current interface language.
impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&message(self, texts()))
    }
}
