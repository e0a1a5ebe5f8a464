//! Reading answers files (★ contract): JSON, with errors that point at the
//! file, line and column.

use std::path::Path;

use crate::core::diagnostic::SourceError;
use crate::core::engine::AnswerError;
use crate::core::model::AnswersFile;
use crate::front::error::Error;

/// An answers file as read, with its text kept to point at a bad answer.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub file: AnswersFile,
    /// The path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
}

impl Loaded {
    /// Turns answer errors into errors that show where each answer is in
    /// the file: the key of an unknown question, the value of a bad answer.
    /// The places come from one more reading of the file, done once for
    /// all the errors; only the first
    /// [`MAX_SHOWN_ERRORS`](crate::text::limits::MAX_SHOWN_ERRORS), the
    /// ones shown, are placed and worded.
    pub fn locate(&self, errors: Vec<AnswerError>) -> Error {
        use crate::text::limits::MAX_SHOWN_ERRORS;
        let places = parse_with_places(&self.name, &self.text)
            .map(|(_, p)| p)
            .unwrap_or_default();
        // In the order of the file, as a person reads it and fixes it.
        let mut errors: Vec<(Option<usize>, AnswerError)> = errors
            .into_iter()
            .map(|e| {
                let (key, at_value) = e.key();
                (places.of(key, at_value), e)
            })
            .collect();
        errors.sort_by_key(|(offset, _)| offset.unwrap_or(usize::MAX));
        if errors.iter().all(|(offset, _)| offset.is_none()) {
            return Error::Answers(errors.into_iter().map(|(_, e)| e).collect());
        }
        let located = errors
            .iter()
            .enumerate()
            .map(|(i, (offset, e))| {
                if i < MAX_SHOWN_ERRORS {
                    SourceError::new(&self.name, &self.text, *offset, e.to_string())
                } else {
                    // Counted, not shown: neither placed nor worded.
                    SourceError::new(&self.name, "", None, String::new())
                }
            })
            .collect();
        Error::AnswersAt(located)
    }
}

/// Where the keys and values of an answers file are written: byte offsets
/// in its text, found while reading it.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Question id → offsets of its key and of its value.
    answers: std::collections::HashMap<String, (usize, usize)>,
    questionnaire: Option<(usize, usize)>,
}

impl Places {
    /// The offset of `key` (an answer's id, or `questionnaire`) or of its
    /// value.
    pub fn of(&self, key: &str, at_value: bool) -> Option<usize> {
        let (k, v) = if key == "questionnaire" {
            self.questionnaire?
        } else {
            *self.answers.get(key)?
        };
        Some(if at_value { v } else { k })
    }
}

/// Byte offset of the answer `key` in an answers file (or of its value),
/// when present.
pub fn locate(text: &str, key: &str, at_value: bool) -> Option<usize> {
    let (_, places) = parse_with_places("", text).ok()?;
    places.of(key, at_value)
}

/// Reads an answers file; `-` reads standard input. Either is read under
/// [`MAX_INPUT_BYTES`](crate::text::limits::MAX_INPUT_BYTES): `--answers
/// /dev/zero` or an endless pipe stops at once with exit code 2.
pub fn read(path: &Path) -> Result<Loaded, Error> {
    use crate::text::limits::{MAX_INPUT_BYTES, read_file, read_text};
    let (name, text) = if path.as_os_str() == "-" {
        let text = read_text(std::io::stdin().lock(), MAX_INPUT_BYTES)
            .map_err(|e| Error::io("<stdin>", &e))?;
        ("<stdin>".to_owned(), text)
    } else {
        let name = path.display().to_string();
        let text = read_file(path).map_err(|e| Error::io(name.clone(), &e))?;
        (name, text)
    };
    let file = parse(&name, &text)?;
    Ok(Loaded { file, name, text })
}

/// Parses the text of an answers file named `name`.
pub fn parse(name: &str, text: &str) -> Result<AnswersFile, Error> {
    read_answers(name, text, false).map(|(file, _)| file)
}

/// Parses the text of an answers file named `name`, and notes where each
/// answer is.
///
/// The reader is ours, on top of serde_json, rather than a derived one:
///
/// - a key written twice (in `answers` or at the top) is refused, pointing
///   at the second one — serde_json would keep the last silently, and a
///   second answer further down could turn a recommendation into an
///   obligation;
/// - anything after the object (a second object, a JSON Lines file) is
///   refused with a word about `aiguillage batch`;
/// - a byte-order mark at the start is dropped;
/// - every message is ours, in the interface language: nothing of
///   serde's wording (« untagged enum », « duplicate field ») comes through.
pub fn parse_with_places(name: &str, text: &str) -> Result<(AnswersFile, Places), Error> {
    read_answers(name, text, true)
}

fn read_answers(name: &str, text: &str, want_places: bool) -> Result<(AnswersFile, Places), Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // `[…]` or `"…"` at the top would be read as a struct by position and
    // give a puzzling message; say what the file must be instead.
    if let Some(start) = text.find(|c: char| !c.is_whitespace())
        && !text[start..].starts_with('{')
    {
        return Err(at(
            name,
            text,
            start,
            msg::unreadable(&msg::not_an_object()),
        ));
    }
    let problem = std::cell::RefCell::new(None);
    let path = std::cell::RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let read = serde::de::DeserializeSeed::deserialize(
        reader::Reader {
            text,
            problem: &problem,
            path: &path,
            want_places,
        },
        &mut de,
    )
    .and_then(|read| de.end().map(|()| read));
    read.map_err(|e| {
        if let Some(p) = problem.into_inner() {
            let message = match &p.key {
                Some(key) => msg::unreadable_at(key, &p.message),
                None => msg::unreadable(&p.message),
            };
            return at(name, text, p.offset, message);
        }
        let why = explain_json_error(&e);
        let message = match path.into_inner() {
            Some(path) => msg::unreadable_at(&path, &why),
            None => msg::unreadable(&why),
        };
        Error::Parse(Box::new(SourceError::at(
            name,
            text,
            e.line(),
            e.column(),
            message,
        )))
    })
}

fn at(name: &str, text: &str, offset: usize, message: String) -> Error {
    Error::Parse(Box::new(SourceError::new(
        name,
        text,
        Some(offset),
        message,
    )))
}

/// The reader of [`parse_with_places`]: serde visitors over the text,
/// which take every key and value as written (`RawValue`), to know where
/// it is, and set a [`reader::Problem`] for what they refuse.
mod reader {
    use std::cell::RefCell;
    use std::collections::btree_map::Entry;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
    use serde_json::value::RawValue;

    use super::{Places, msg};
    use crate::core::diagnostic::line_col;
    use crate::core::model::{Answer, AnswersFile};
    use crate::text::escape::quote;
    use crate::text::limits::MAX_ANSWERS;

    /// What the reader refused, and where: said in the interface language,
    /// at a byte offset of the text.
    pub struct Problem {
        pub offset: usize,
        /// The key it is under (`answers.donnees_acheve`), when any.
        pub key: Option<String>,
        pub message: String,
    }

    /// The longest key quoted in a message.
    const KEY_CHARS: usize = 60;

    /// The reader of the whole file; its visitor reads the top of the
    /// file: `$schema`, `questionnaire`, `answers`.
    #[derive(Clone, Copy)]
    pub struct Reader<'de, 'p> {
        pub text: &'de str,
        pub problem: &'p RefCell<Option<Problem>>,
        /// The key whose value is being read, for a syntax error in it.
        pub path: &'p RefCell<Option<String>>,
        /// Whether to note where each answer is.
        pub want_places: bool,
    }

    impl<'de> Reader<'de, '_> {
        fn offset(&self, raw: &RawValue) -> usize {
            (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize)
        }

        fn refuse<E: de::Error>(&self, offset: usize, key: Option<String>, message: String) -> E {
            *self.problem.borrow_mut() = Some(Problem {
                offset,
                key,
                message,
            });
            E::custom("refused")
        }

        fn line_of(&self, offset: usize) -> usize {
            line_col(self.text, offset).0
        }

        /// A key as written, decoded (a key is always a valid JSON string).
        fn key<E: de::Error>(&self, raw: &RawValue) -> Result<String, E> {
            serde_json::from_str(raw.get()).map_err(E::custom)
        }

        fn string<E: de::Error>(&self, key: &str, raw: &RawValue) -> Result<String, E> {
            serde_json::from_str(raw.get()).map_err(|_| {
                self.refuse(
                    self.offset(raw),
                    Some(key.to_owned()),
                    msg::not_a_string(key),
                )
            })
        }

        /// Reads the value of the next entry of `map`; if the text is
        /// broken inside it, notes `path()` for the message.
        fn value<A: MapAccess<'de>, T>(
            &self,
            map: &mut A,
            path: impl FnOnce() -> String,
            read: impl FnOnce(&mut A) -> Result<T, A::Error>,
        ) -> Result<T, A::Error> {
            read(map).inspect_err(|_| {
                let mut noted = self.path.borrow_mut();
                if noted.is_none() {
                    *noted = Some(path());
                }
            })
        }
    }

    /// Where the value after a key starts: past the key, the spaces and
    /// the colon.
    fn value_start(text: &str, after_key: usize) -> usize {
        let rest = &text.as_bytes()[after_key.min(text.len())..];
        let skip = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b':'))
            .unwrap_or(rest.len());
        after_key + skip
    }

    impl<'de> DeserializeSeed<'de> for Reader<'de, '_> {
        type Value = (AnswersFile, Places);

        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Reader<'de, '_> {
        type Value = (AnswersFile, Places);

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an answers file")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut file = AnswersFile::default();
            let mut places = Places::default();
            let mut seen: Vec<(String, usize)> = Vec::new();
            while let Some(raw_key) = map.next_key::<&'de RawValue>()? {
                let at = self.offset(raw_key);
                let key: String = self.key(raw_key)?;
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                    let message =
                        msg::duplicate_field(&quote(&key, KEY_CHARS), self.line_of(*first));
                    return Err(self.refuse(at, None, message));
                }
                match key.as_str() {
                    "$schema" | "questionnaire" => {
                        let raw: &'de RawValue =
                            self.value(&mut map, || key.clone(), |m| m.next_value())?;
                        let value = Some(self.string(&key, raw)?);
                        if key == "questionnaire" {
                            places.questionnaire = Some((at, self.offset(raw)));
                            file.questionnaire = value;
                        } else {
                            file.schema = value;
                        }
                    }
                    "answers" => {
                        let seed = AnswersSeed {
                            reader: self,
                            places: self.want_places.then_some(&mut places),
                            at: value_start(self.text, at + raw_key.get().len()),
                        };
                        file.answers =
                            self.value(&mut map, || "answers".into(), |m| m.next_value_seed(seed))?;
                    }
                    "fields" => {
                        // Free text for the documents (`aiguillage documents`).
                        file.fields =
                            self.value(&mut map, || "fields".into(), |m| m.next_value())?;
                    }
                    "given_against" => {
                        // What a saved file was given against (versions).
                        file.given_against =
                            self.value(&mut map, || "given_against".into(), |m| m.next_value())?;
                    }
                    other => {
                        let allowed = [
                            "$schema",
                            "questionnaire",
                            "answers",
                            "fields",
                            "given_against",
                        ];
                        let hint = crate::text::suggest::did_you_mean(other, allowed.into_iter())
                            .map(crate::text::suggest::msg::did_you_mean_dash)
                            .unwrap_or_default();
                        let name = quote(other, KEY_CHARS);
                        let message = crate::text::parse_error::msg::unknown_field(
                            &name,
                            &hint,
                            &allowed.join(", "),
                        );
                        return Err(self.refuse(at, Some(name), message));
                    }
                }
                seen.push((key, at));
            }
            Ok((file, places))
        }
    }

    /// The `answers` object: question id → answer. Anything but an object
    /// is refused at `at`, where its value starts.
    struct AnswersSeed<'r, 'de, 'p> {
        reader: Reader<'de, 'p>,
        /// Filled only when asked for: it costs a map as big as the file.
        places: Option<&'r mut Places>,
        at: usize,
    }

    impl<'de> DeserializeSeed<'de> for AnswersSeed<'_, 'de, '_> {
        type Value = std::collections::BTreeMap<String, Answer>;

        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> AnswersSeed<'_, 'de, '_> {
        fn not_an_object<E: de::Error>(
            self,
        ) -> Result<std::collections::BTreeMap<String, Answer>, E> {
            let message = msg::answers_not_an_object();
            Err(self.reader.refuse(self.at, Some("answers".into()), message))
        }
    }

    impl<'de> Visitor<'de> for AnswersSeed<'_, 'de, '_> {
        type Value = std::collections::BTreeMap<String, Answer>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("answers")
        }

        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            self.not_an_object()
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            self.not_an_object()
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            self.not_an_object()
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            self.not_an_object()
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            self.not_an_object()
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.not_an_object()
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            self.not_an_object()
        }

        fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
            let r = self.reader;
            let mut answers: std::collections::BTreeMap<String, (Answer, usize)> =
                std::collections::BTreeMap::new();
            while let Some(raw_key) = map.next_key::<&'de RawValue>()? {
                let at = r.offset(raw_key);
                if answers.len() == MAX_ANSWERS {
                    let message =
                        msg::too_many_answers(&crate::text::number::number(MAX_ANSWERS as f64));
                    return Err(r.refuse(at, None, message));
                }
                let id: String = r.key(raw_key)?;
                let path = || format!("answers.{}", quote(&id, KEY_CHARS));
                let raw: &'de RawValue = r.value(&mut map, path, |m| m.next_value())?;
                let value_at = r.offset(raw);
                let answer =
                    answer(raw.get()).map_err(|why| r.refuse(value_at, Some(path()), why))?;
                match answers.entry(id) {
                    Entry::Occupied(e) => {
                        let first = e.get().1;
                        let path = format!("answers.{}", quote(e.key(), KEY_CHARS));
                        let message =
                            msg::duplicate_answer(&quote(e.key(), KEY_CHARS), r.line_of(first));
                        return Err(r.refuse(at, Some(path), message));
                    }
                    Entry::Vacant(e) => {
                        if let Some(places) = self.places.as_deref_mut() {
                            places.answers.insert(e.key().clone(), (at, value_at));
                        }
                        e.insert((answer, at));
                    }
                }
            }
            // The offsets were kept for the message on a repeated key.
            Ok(answers.into_iter().map(|(id, (a, _))| (id, a)).collect())
        }
    }

    /// An answer as written: `true`, `false`, a number or a string; or why
    /// it is none of those.
    fn answer(raw: &str) -> Result<Answer, String> {
        match raw.as_bytes().first() {
            Some(b't') => Ok(Answer::Bool(true)),
            Some(b'f') => Ok(Answer::Bool(false)),
            Some(b'"') => serde_json::from_str(raw)
                .map(Answer::Text)
                .map_err(|e| super::explain_json_error(&e)),
            Some(b'-' | b'0'..=b'9') => {
                serde_json::from_str::<f64>(raw).map_err(|e| super::explain_json_error(&e))?;
                // Held as written, or refused: never rounded onto a
                // threshold.
                crate::text::number::exact(raw)
                    .map(Answer::Number)
                    .ok_or_else(|| crate::text::number::too_precise(raw))
            }
            Some(b'n') => Err(msg::not_an_answer(&msg::null())),
            Some(b'[') => Err(msg::not_an_answer(&msg::a_list())),
            _ => Err(msg::not_an_answer(&msg::an_object())),
        }
    }
}

/// The JSON reader's reason in the interface language, for every syntax
/// error it can report: never its own English words. (Also used by
/// `batch` for its lines.)
pub(crate) fn explain_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let raw = strip_position(e);
    match e.classify() {
        Category::Eof => msg::eof(),
        Category::Syntax => match raw.as_str() {
            "expected `,` or `}`" => msg::expected_comma_or_brace(),
            "expected `,` or `]`" => msg::expected_comma_or_bracket(),
            "expected `:`" => msg::expected_colon(),
            "expected value" | "expected ident" => msg::expected_value(),
            "expected `\"`" => msg::expected_quote(),
            "key must be a string" => msg::key_not_string(),
            "trailing comma" => msg::trailing_comma(),
            "trailing characters" => msg::trailing_characters(),
            "invalid number" => msg::invalid_number(),
            "number out of range" => msg::number_out_of_range(),
            "invalid escape" => msg::invalid_escape(),
            "invalid unicode code point"
            | "lone leading surrogate in hex escape"
            | "unexpected end of hex escape" => msg::invalid_unicode_escape(),
            "recursion limit exceeded" => msg::too_deep(),
            m if m.starts_with("control character") => msg::control_character(),
            _ => msg::malformed(),
        },
        // A type or a field, as the derived readers (batch lines) say it.
        Category::Data => crate::text::parse_error::explain_parse_error(&raw),
        Category::Io => msg::malformed(),
    }
}

/// serde_json appends « at line L column C »; we show it our own way.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Writes `answers` to `path` atomically and safely in a shared folder,
/// through [`crate::front::save`]: a temporary file beside it, written to
/// disk, then renamed; a link, a FIFO or another user's file under that
/// name is refused; a new file is readable by the saver only, a file of
/// theirs that is replaced keeps its mode; on any failure the temporary
/// file is removed.
///
/// The answers are written in `order` (question ids in the order the trees
/// ask them; others after, alphabetically), so that a saved session reads
/// like the interview it records.
pub fn save(path: &Path, answers: &AnswersFile, order: &[&str]) -> Result<(), Error> {
    let json = to_text(answers, order)?;
    crate::front::save::write(path, json.as_bytes(), crate::front::save::Options::ANSWERS)
}

/// Writes `answers` to a new file of the temporary folder, with a name
/// of its own (`aiguillage-reponses-XXXXXX.json`) readable by the saver
/// only: where the answers go when they cannot go where asked.
pub fn save_fallback(answers: &AnswersFile, order: &[&str]) -> Result<std::path::PathBuf, Error> {
    use std::io::Write;
    let dir = std::env::temp_dir();
    let io = |e: &std::io::Error| Error::io(dir.display().to_string(), e);
    let json = to_text(answers, order)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix("aiguillage-reponses-").suffix(".json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(|e| io(&e))?;
    tmp.write_all(json.as_bytes()).map_err(|e| io(&e))?;
    tmp.as_file().sync_all().map_err(|e| io(&e))?;
    let (_, path) = tmp.keep().map_err(|e| io(&e.error))?;
    Ok(path)
}

/// An answers file as saved: pretty JSON in `order`, and a final line
/// break.
pub fn to_text(answers: &AnswersFile, order: &[&str]) -> Result<String, Error> {
    let json = serde_json::to_string_pretty(&saved::Saved {
        file: answers,
        order,
    })
    .map_err(|e| Error::Other(e.into()))?;
    // C1 and bidi controls of a free text written \u009b, as serde_json
    // writes C0 ones: the same JSON, harmless on a terminal (`cat`).
    let mut json = crate::text::escape::json_safe(&json).into_owned();
    json.push('\n');
    Ok(json)
}

/// The answers file as saved: the fields of [`AnswersFile`] in their
/// order, the answers in the order the trees ask them, and whole numbers
/// with all their digits (`18446744073709551616`, as written, where a
/// JSON value would hold no more than 2^64 − 1).
mod saved {
    use serde::ser::{Serialize, SerializeMap, Serializer};

    use crate::core::model::{Answer, AnswersFile};

    pub struct Saved<'a> {
        pub file: &'a AnswersFile,
        pub order: &'a [&'a str],
    }

    impl Serialize for Saved<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let f = self.file;
            let mut map = s.serialize_map(None)?;
            if let Some(schema) = &f.schema {
                map.serialize_entry("$schema", schema)?;
            }
            if let Some(q) = &f.questionnaire {
                map.serialize_entry("questionnaire", q)?;
            }
            map.serialize_entry("answers", &InOrder(self))?;
            if !f.fields.is_empty() {
                map.serialize_entry("fields", &f.fields)?;
            }
            if let Some(g) = &f.given_against {
                map.serialize_entry("given_against", g)?;
            }
            map.end()
        }
    }

    struct InOrder<'a>(&'a Saved<'a>);

    impl Serialize for InOrder<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let ranks: std::collections::HashMap<&str, usize> = self
                .0
                .order
                .iter()
                .enumerate()
                .map(|(i, id)| (*id, i))
                .collect();
            let rank = |id: &str| ranks.get(id).copied().unwrap_or(usize::MAX);
            let answers = &self.0.file.answers;
            let mut ids: Vec<&String> = answers.keys().collect();
            // Stable: ids outside `order` keep the map's alphabetical order.
            ids.sort_by_key(|id| rank(id));
            let mut map = s.serialize_map(Some(ids.len()))?;
            for id in ids {
                map.serialize_entry(id, &Digits(&answers[id]))?;
            }
            map.end()
        }
    }

    struct Digits<'a>(&'a Answer);

    impl Serialize for Digits<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.0 {
                Answer::Number(n) if n.fract() == 0.0 && n.abs() < 1e21 => {
                    s.serialize_i128(*n as i128)
                }
                other => other.serialize(s),
            }
        }
    }
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn unreadable(why: &str) {
            fr: "fichier de réponses illisible : {why}",
            en: "unreadable answers file: {why}",
        }
        fn not_an_object() {
            fr: "un fichier de réponses est un objet JSON : {{ \"answers\": {{ … }} }}",
            en: "an answers file is a JSON object: {{ \"answers\": {{ … }} }}",
        }
        fn eof() {
            fr: "le fichier s'arrête trop tôt (vide, ou une accolade ou un guillemet n'est pas refermé)",
            en: "the file ends too early (empty, or a brace or a quote is not closed)",
        }
        fn expected_comma_or_brace() {
            fr: "une virgule ou une accolade fermante « }} » est attendue ici",
            en: "a comma or a closing brace « }} » is expected here",
        }
        fn expected_comma_or_bracket() {
            fr: "une virgule ou un crochet fermant « ] » est attendu ici",
            en: "a comma or a closing bracket « ] » is expected here",
        }
        fn expected_colon() {
            fr: "un deux-points « : » est attendu entre l'identifiant et la réponse",
            en: "a colon (:) is expected between the id and the answer",
        }
        fn expected_value() {
            fr: "une valeur est attendue ici : true, false, un nombre ou un texte entre guillemets",
            en: "a value is expected here: true, false, a number or a text in quotes",
        }
        fn key_not_string() {
            fr: "un identifiant doit être écrit entre guillemets",
            en: "an id must be written in quotes",
        }
        fn trailing_comma() {
            fr: "virgule en trop avant la fin de la liste ou de l'objet",
            en: "extra comma before the end of the list or object",
        }
        /// A second object, a JSON Lines file: the batch command reads those.
        fn trailing_characters() {
            fr: "du texte suit la fin de l'objet JSON : un fichier de réponses contient un seul cas ; pour plusieurs cas, un par ligne, utilisez aiguillage batch",
            en: "text follows the end of the JSON object: an answers file holds one case; for several cases, one per line, use aiguillage batch",
        }
        fn expected_quote() {
            fr: "un guillemet « \" » est attendu ici : les identifiants et les textes s'écrivent entre guillemets",
            en: "a double quote (\") is expected here: ids and texts are written in quotes",
        }
        fn invalid_number() {
            fr: "nombre mal écrit : en JSON, un nombre s'écrit 1200 ou 12.5, sans espace, sans signe + ni zéro en tête",
            en: "badly written number: in JSON, a number is written 1200 or 12.5, without spaces, a + sign or leading zeros",
        }
        fn number_out_of_range() {
            fr: "nombre trop grand pour être lu",
            en: "number too large to be read",
        }
        fn invalid_escape() {
            fr: "échappement invalide après « \\ » dans un texte (écrivez \\\\ pour une barre oblique inverse)",
            en: "invalid escape after « \\ » in a text (write \\\\ for a backslash)",
        }
        fn invalid_unicode_escape() {
            fr: "séquence « \\u » invalide dans un texte",
            en: "invalid « \\u » sequence in a text",
        }
        fn control_character() {
            fr: "caractère de contrôle dans un texte : un texte tient sur une ligne (écrivez \\n pour un saut de ligne)",
            en: "control character in a text: a text stays on one line (write \\n for a line break)",
        }
        fn too_deep() {
            fr: "trop de niveaux imbriqués de [ ou de {{ : une réponse est une valeur simple",
            en: "too many nested levels of [ or {{: an answer is a single value",
        }
        fn malformed() {
            fr: "JSON mal formé à cet endroit",
            en: "malformed JSON here",
        }
        /// `line`: where the first one is.
        fn duplicate_answer(id: &str, line: usize) {
            fr: "« {id} » a déjà une réponse, ligne {line} : une seule réponse par question (gardez celle qui vaut et supprimez l'autre)",
            en: "« {id} » already has an answer, on line {line}: one answer per question (keep the right one and delete the other)",
        }
        fn duplicate_field(key: &str, line: usize) {
            fr: "la clé « {key} » est déjà donnée, ligne {line} : chaque clé une seule fois",
            en: "the key « {key} » is already given, on line {line}: each key once",
        }
        /// `count`: the limit, as the interface writes numbers.
        fn too_many_answers(count: &str) {
            fr: "plus de {count} réponses : un questionnaire en pose quelques dizaines (pour plusieurs cas, un par ligne, utilisez aiguillage batch)",
            en: "more than {count} answers: a questionnaire asks a few dozen (for several cases, one per line, use aiguillage batch)",
        }
        fn not_a_string(key: &str) {
            fr: "« {key} » attend un texte entre guillemets",
            en: "« {key} » expects a text in quotes",
        }
        fn answers_not_an_object() {
            fr: "« answers » est un objet : {{ \"identifiant\": réponse, … }}",
            en: "« answers » is an object: {{ \"id\": answer, … }}",
        }
        /// `what`: null, a list, an object.
        fn not_an_answer(what: &str) {
            fr: "une réponse est true, false, un nombre ou un texte entre guillemets, pas {what}",
            en: "an answer is true, false, a number or a text in quotes, not {what}",
        }
        fn null() { fr: "null", en: "null" }
        fn a_list() { fr: "une liste [ … ]", en: "a list [ … ]" }
        fn an_object() { fr: "un objet {{ … }}", en: "an object {{ … }}" }
        /// Where in the file: `answers.donnees_acheve`.
        fn unreadable_at(path: &str, why: &str) {
            fr: "fichier de réponses illisible, à « {path} » : {why}",
            en: "unreadable answers file, at « {path} »: {why}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Answer;

    #[test]
    fn messages_are_written_in_both_languages() {
        crate::text::i18n::check_pairs(msg::ALL);
    }

    #[test]
    fn reads_the_three_answer_types() {
        let f = parse(
            "a.json",
            r#"{"questionnaire":"accueil","answers":{"a":true,"b":"x","c":12.5}}"#,
        )
        .unwrap();
        assert_eq!(f.questionnaire.as_deref(), Some("accueil"));
        assert_eq!(f.answers["a"], Answer::Bool(true));
        assert_eq!(f.answers["b"], Answer::Text("x".into()));
        assert_eq!(f.answers["c"], Answer::Number(12.5));
    }

    #[test]
    fn malformed_json_points_at_line_and_column() {
        let Err(Error::Parse(e)) = parse("r.json", "{\n  \"answers\": {\n    \"a\": tru\n  }\n}")
        else {
            panic!("expected a parse error")
        };
        assert_eq!((e.file.as_str(), e.line), ("r.json", 3));
        assert!(e.column > 0);
    }

    #[test]
    fn unknown_top_level_key_is_refused() {
        let Err(Error::Parse(e)) = parse("r.json", r#"{"answer": {}}"#) else {
            panic!("expected a parse error")
        };
        assert!(e.message.contains("answer"), "{}", e.message);
    }

    #[test]
    fn locates_keys_and_values() {
        let text = "{\n  \"answers\": {\n    \"a\" :  true,\n    \"ab\": 3\n  }\n}";
        let key = locate(text, "a", false).unwrap();
        assert_eq!(&text[key..key + 3], "\"a\"");
        let value = locate(text, "a", true).unwrap();
        assert!(text[value..].starts_with("true"));
        assert!(text[locate(text, "ab", true).unwrap()..].starts_with('3'));
        assert_eq!(locate(text, "b", false), None);
    }

    #[test]
    fn answer_errors_point_at_the_answer() {
        let text = "{\n  \"answers\": {\n    \"x\": \"zz\"\n  }\n}";
        let loaded = Loaded {
            file: parse("r.json", text).unwrap(),
            name: "r.json".into(),
            text: text.into(),
        };
        let e = loaded.locate(vec![AnswerError::NotAChoice {
            id: "x".into(),
            given: "zz".into(),
            allowed: crate::core::engine::Allowed::Choices(vec!["a".into()]),
            suggestion: None,
        }]);
        let s = e.to_string();
        assert!(s.contains("--> r.json:3:10"), "{s}");
        assert!(s.contains("3 |     \"x\": \"zz\""), "{s}");
    }

    #[test]
    fn save_is_atomic_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        let mut f = AnswersFile::default();
        f.answers.insert("x".into(), Answer::Bool(false));
        f.answers.insert("n".into(), Answer::Number(1200.0));
        f.answers.insert("r".into(), Answer::Number(12.5));
        save(&path, &f, &["x", "r"]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        // In the given order, then the rest; whole numbers without « .0 ».
        let (x, r, n) = (
            text.find("\"x\"").unwrap(),
            text.find("\"r\"").unwrap(),
            text.find("\"n\"").unwrap(),
        );
        assert!(x < r && r < n, "{text}");
        assert!(text.contains("\"n\": 1200\n"), "{text}");
        assert!(text.contains("\"r\": 12.5,"), "{text}");
        let back = read(&path).unwrap().file;
        assert_eq!(back, f);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }
}
