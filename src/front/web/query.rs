//! The query string of `aiguillage serve` (★ contract, `docs/serve.md`):
//! it *is* the answers file. Each key is a question id and takes the
//! answers file's values (`true`/`false` for yes/no — `oui`/`non` too —,
//! a choice's value, a number); `questionnaire` names the tree to start
//! from; `fields.ID` gives a free-text field of the documents; on the
//! edit page only, `was.ID` carries the answer being replaced.
//!
//! Anything read from a request is hostile: the reader bounds the length
//! and the number of parameters, refuses bytes that are not UTF-8, control
//! characters and a key given twice, each with a message that names it.
//! What the values mean is left to the engine, whose errors (unknown
//! question with « did you mean », a value that is not allowed, with the
//! allowed ones) are the answers file's.

use std::collections::BTreeMap;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode, utf8_percent_encode};

use crate::core::catalog::Bundle;
use crate::core::model::{Answer, QuestionKind};
use crate::text::escape::escape_inline;
use crate::text::i18n;

/// The longest query string read: a decision with every field of its
/// documents written at length stays far below.
pub const MAX_QUERY_BYTES: usize = 32 * 1024;

/// The most parameters read: a path asks a few dozen questions, and the
/// documents have a few dozen fields.
pub const MAX_PARAMS: usize = 300;

/// The longest key or value quoted in a message.
const QUOTED_CHARS: usize = 60;

/// The prefix of a documents' field.
pub const FIELD_PREFIX: &str = "fields.";

/// The prefix of the answer an edit replaces.
pub const WAS_PREFIX: &str = "was.";

/// A query string as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub questionnaire: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    pub fields: BTreeMap<String, String>,
    /// `was.ID`: the question being edited and its answer before.
    pub was: Option<(String, Answer)>,
    /// Keys given with an empty value (a form sent without an answer):
    /// no answer, but the page may say that one is needed.
    pub empty: Vec<String>,
}

/// Why a query string cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    TooLong,
    TooManyParams,
    /// Parameter number `n` (from 1) is not UTF-8 once decoded.
    NotUtf8(usize),
    /// A control character in the key or the value of `key`.
    Control(String),
    /// `key` is given twice.
    Duplicate(String),
    /// A field of the documents that no template knows.
    UnknownField {
        id: String,
        suggestion: Option<String>,
    },
}

impl QueryError {
    /// The message, in the interface language; whatever it quotes is
    /// escaped and cut.
    pub fn message(&self) -> String {
        match self {
            QueryError::TooLong => {
                msg::too_long(&crate::text::number::number(MAX_QUERY_BYTES as f64))
            }
            QueryError::TooManyParams => {
                msg::too_many(&crate::text::number::number(MAX_PARAMS as f64))
            }
            QueryError::NotUtf8(n) => msg::not_utf8(*n),
            QueryError::Control(key) => msg::control(&quoted(key)),
            QueryError::Duplicate(key) => msg::duplicate(&quoted(key)),
            QueryError::UnknownField { id, suggestion } => {
                let hint = suggestion
                    .as_deref()
                    .map(crate::text::suggest::msg::did_you_mean_dash)
                    .unwrap_or_default();
                msg::unknown_field(&quoted(id), &hint)
            }
        }
    }
}

/// `s` fit to be quoted in one line of a message: controls escaped, cut
/// past [`QUOTED_CHARS`].
fn quoted(s: &str) -> String {
    crate::text::escape::quote(&escape_inline(s), QUOTED_CHARS)
}

/// Whether `c` is a control character no answer holds (a field may hold
/// line breaks and tabs, from a text area).
fn is_control(c: char, in_field: bool) -> bool {
    if in_field && matches!(c, '\n' | '\r' | '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Reads a query string (without its `?`) against `bundle`; `fields` are
/// the ids of the documents' fields.
pub fn read(raw: &str, bundle: &Bundle, fields: &[&str]) -> Result<Query, QueryError> {
    if raw.len() > MAX_QUERY_BYTES {
        return Err(QueryError::TooLong);
    }
    if raw
        .split('&')
        .filter(|p| !p.is_empty())
        .nth(MAX_PARAMS)
        .is_some()
    {
        return Err(QueryError::TooManyParams);
    }
    let mut query = Query::default();
    let mut seen: Vec<String> = Vec::new();
    for (n, param) in raw.split('&').filter(|p| !p.is_empty()).enumerate() {
        let (key, value) = param.split_once('=').unwrap_or((param, ""));
        let key = decode(key).ok_or(QueryError::NotUtf8(n + 1))?;
        let value = decode(value).ok_or(QueryError::NotUtf8(n + 1))?;
        let field = key.strip_prefix(FIELD_PREFIX);
        if key.chars().any(|c| is_control(c, false))
            || value.chars().any(|c| is_control(c, field.is_some()))
        {
            return Err(QueryError::Control(key));
        }
        if seen.contains(&key) {
            return Err(QueryError::Duplicate(key));
        }
        seen.push(key.clone());
        let value = value.trim();
        if value.is_empty() {
            query.empty.push(key);
            continue;
        }
        if let Some(id) = field {
            if !fields.contains(&id) {
                return Err(QueryError::UnknownField {
                    id: id.to_owned(),
                    suggestion: crate::text::suggest::did_you_mean(id, fields.iter().copied())
                        .map(str::to_owned),
                });
            }
            query
                .fields
                .insert(id.to_owned(), value.replace("\r\n", "\n"));
        } else if key == "questionnaire" {
            query.questionnaire = Some(value.to_owned());
        } else if let Some(id) = key.strip_prefix(WAS_PREFIX) {
            query.was = Some((id.to_owned(), answer(bundle, id, value)));
        } else {
            let a = answer(bundle, &key, value);
            query.answers.insert(key, a);
        }
    }
    Ok(query)
}

/// A parameter's key or value, decoded: `+` is a space, `%XX` a byte;
/// `None` when the bytes are not UTF-8.
fn decode(s: &str) -> Option<String> {
    let spaced = s.replace('+', " ");
    percent_decode(spaced.as_bytes())
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// A value as the answer its question takes: a boolean for a yes/no
/// question, a number for a number question (written as in JSON, or as
/// people type it in the interface language), text otherwise. A value
/// that does not fit stays text, for the engine to refuse with the
/// allowed values.
pub fn answer(bundle: &Bundle, id: &str, value: &str) -> Answer {
    let question = bundle.question(id);
    let kind = question.map(|q| q.kind);
    match kind {
        // A yes/no question that gained « je ne sais pas »: `true` and
        // `false` still mean « oui » and « non », as in an answers file.
        Some(QuestionKind::Choice)
            if matches!(value, "true" | "false")
                && question.is_some_and(crate::core::engine::has_yes_no_values) =>
        {
            Answer::Bool(value == "true")
        }
        Some(QuestionKind::YesNo) => match value {
            "true" | "oui" => Answer::Bool(true),
            "false" | "non" => Answer::Bool(false),
            _ => Answer::Text(value.to_owned()),
        },
        Some(QuestionKind::Number) => serde_json::from_str::<f64>(value)
            .ok()
            .filter(|n| n.is_finite())
            .or_else(|| crate::text::number::parse(value, i18n::current()))
            .map_or_else(|| Answer::Text(value.to_owned()), Answer::Number),
        _ => Answer::Text(value.to_owned()),
    }
}

/// An answer as a query string writes it: `true`, `false`, a number as
/// JSON writes it, the text.
pub fn value(a: &Answer) -> String {
    match a {
        Answer::Bool(b) => b.to_string(),
        Answer::Number(n) => crate::text::number::fmt_num(*n),
        Answer::Text(t) => t.clone(),
    }
}

/// What is kept as it is in a key or a value; everything else is written
/// `%XX`.
pub const KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `key=value`, each percent-encoded.
fn pair(key: &str, value: &str) -> String {
    format!(
        "{}={}",
        utf8_percent_encode(key, KEPT),
        utf8_percent_encode(value, KEPT)
    )
}

/// The query string of a decision: `questionnaire` when given, the
/// answers in the order the trees ask them, then the fields — the same
/// answers always give the same address.
pub fn write(
    bundle: &Bundle,
    questionnaire: Option<&str>,
    answers: &BTreeMap<String, Answer>,
    fields: &BTreeMap<String, String>,
) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(answers.len() + fields.len() + 1);
    if let Some(q) = questionnaire {
        parts.push(pair("questionnaire", q));
    }
    let mut ids: Vec<&String> = answers.keys().collect();
    let rank = |id: &str| {
        bundle
            .question_ids()
            .position(|x| x == id)
            .unwrap_or(usize::MAX)
    };
    ids.sort_by_cached_key(|id| rank(id));
    for id in ids {
        parts.push(pair(id, &value(&answers[id])));
    }
    for (id, v) in fields {
        parts.push(pair(&format!("{FIELD_PREFIX}{id}"), v));
    }
    parts.join("&")
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// `limit`: bytes, as the interface writes numbers.
        fn too_long(limit: &str) {
            fr: "l'adresse est trop longue (plus de {limit} octets de réponses) : un questionnaire n'en demande pas tant",
            en: "the address is too long (over {limit} bytes of answers): no questionnaire needs that much",
        }
        fn too_many(limit: &str) {
            fr: "plus de {limit} paramètres dans l'adresse : un questionnaire pose quelques dizaines de questions (pour plusieurs cas, utilisez la page Inventaire)",
            en: "more than {limit} parameters in the address: a questionnaire asks a few dozen questions (for several cases, use the Inventory page)",
        }
        /// `n`: the place of the parameter, from 1.
        fn not_utf8(n: usize) {
            fr: "le paramètre n° {n} de l'adresse n'est pas du texte UTF-8",
            en: "parameter no. {n} of the address is not UTF-8 text",
        }
        fn control(key: &str) {
            fr: "caractère de contrôle dans « {key} » : une réponse tient sur une ligne de texte",
            en: "control character in « {key} »: an answer is one line of text",
        }
        fn duplicate(key: &str) {
            fr: "« {key} » est donné deux fois dans l'adresse : une seule réponse par question",
            en: "« {key} » is given twice in the address: one answer per question",
        }
        fn unknown_field(id: &str, hint: &str) {
            fr: "champ des documents inconnu « {id} »{hint}",
            en: "unknown field of the documents « {id} »{hint}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> &'static Bundle {
        static B: std::sync::OnceLock<Bundle> = std::sync::OnceLock::new();
        B.get_or_init(|| Bundle::builtin().unwrap())
    }

    #[test]
    fn reads_values_as_their_question_takes_them() {
        let q = read(
            "type_ressource=algorithme&algo_etp=1+200&algo_secret=false&fields.organisme=Mairie+d%27Ici&was.algo_secret=true",
            bundle(),
            &["organisme"],
        )
        .unwrap();
        assert_eq!(
            q.answers["type_ressource"],
            Answer::Text("algorithme".into())
        );
        assert_eq!(q.answers["algo_etp"], Answer::Number(1200.0));
        assert_eq!(q.answers["algo_secret"], Answer::Bool(false));
        assert_eq!(q.fields["organisme"], "Mairie d'Ici");
        assert_eq!(q.was, Some(("algo_secret".to_owned(), Answer::Bool(true))));
    }

    #[test]
    fn refuses_what_no_form_sends() {
        let b = bundle();
        assert_eq!(read("a=%FF", b, &[]), Err(QueryError::NotUtf8(1)));
        assert_eq!(
            read("a=1&a=2", b, &[]),
            Err(QueryError::Duplicate("a".into()))
        );
        assert_eq!(
            read("a=%1B%5B2J", b, &[]),
            Err(QueryError::Control("a".into()))
        );
        let many = vec!["x=1"; MAX_PARAMS + 1].join("&");
        assert_eq!(read(&many, b, &[]), Err(QueryError::TooManyParams));
        let long = "x".repeat(MAX_QUERY_BYTES + 1);
        assert_eq!(read(&long, b, &[]), Err(QueryError::TooLong));
        let e = read("fields.organism=x", b, &["organisme"]).unwrap_err();
        assert!(e.message().contains("organisme"), "{}", e.message());
    }

    #[test]
    fn written_then_read_gives_the_same_answers() {
        let b = bundle();
        let q = read(
            "type_ressource=donnees&donnees_nb_habitants=3500.5&fields.organisme=%C3%A9+%26+%3D",
            b,
            &["organisme"],
        )
        .unwrap();
        let again = read(&write(b, None, &q.answers, &q.fields), b, &["organisme"]).unwrap();
        assert_eq!(again, q);
    }
}
