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
    pub fn locate(&self, errors: Vec<AnswerError>) -> Error {
        let located: Vec<SourceError> = errors
            .iter()
            .map(|e| {
                let (key, at_value) = e.key();
                let offset = locate(&self.text, key, at_value);
                SourceError::new(&self.name, &self.text, offset, e.to_string())
            })
            .collect();
        if located.iter().all(|e| e.line == 0) {
            Error::Answers(errors)
        } else {
            Error::AnswersAt(located)
        }
    }
}

/// Byte offset of `"key":` in a JSON text (or of its value), when present.
/// Question ids are plain identifiers, so a textual search is exact enough
/// and keeps the parser simple.
pub fn locate(text: &str, key: &str, at_value: bool) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted).find_map(|(i, _)| {
        let after = &text[i + quoted.len()..];
        let colon = after.len() - after.trim_start().len();
        after.trim_start().strip_prefix(':').map(|rest| {
            if at_value {
                let ws = rest.len() - rest.trim_start().len();
                i + quoted.len() + colon + 1 + ws
            } else {
                i
            }
        })
    })
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
    // `[…]` or `"…"` at the top would be read as a struct by position and
    // give a puzzling message; say what the file must be instead.
    if let Some(start) = text.find(|c: char| !c.is_whitespace())
        && !text[start..].starts_with('{')
    {
        return Err(Error::Parse(Box::new(SourceError::new(
            name,
            text,
            Some(start),
            msg::unreadable(&msg::not_an_object()),
        ))));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let why = explain_json_error(&inner);
        // `?` stands for a place the reader could not name.
        let message = if path.is_empty() || path == "." || path.contains('?') {
            msg::unreadable(&why)
        } else {
            msg::unreadable_at(&path, &why)
        };
        Error::Parse(Box::new(SourceError::at(
            name,
            text,
            inner.line(),
            inner.column(),
            message,
        )))
    })
}

/// The JSON reader's reason in the interface language: the common syntax
/// errors by name, the type and field errors as the questionnaire checks
/// say them; anything else in the reader's own words.
fn explain_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let raw = strip_position(e);
    match e.classify() {
        Category::Eof => msg::eof(),
        Category::Syntax => match raw.as_str() {
            "expected `,` or `}`" => msg::expected_comma_or_brace(),
            "expected `,` or `]`" => msg::expected_comma_or_bracket(),
            "expected `:`" => msg::expected_colon(),
            "expected value" | "expected ident" => msg::expected_value(),
            "key must be a string" => msg::key_not_string(),
            "trailing comma" => msg::trailing_comma(),
            "trailing characters" => msg::trailing_characters(),
            _ => raw,
        },
        Category::Data => crate::text::parse_error::explain_parse_error(&raw),
        Category::Io => raw,
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

/// Writes `answers` to `path` atomically: a temporary file in the same
/// folder, then a rename, so an interrupted write never leaves half a file.
/// The answers are written in `order` (question ids in the order the trees
/// ask them; others after, alphabetically), so that a saved session reads
/// like the interview it records.
pub fn save(path: &Path, answers: &AnswersFile, order: &[&str]) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::io(path.display().to_string(), &e);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "reponses.json".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut json = serde_json::to_string_pretty(&ordered(answers, order))
        .map_err(|e| Error::Other(e.into()))?;
    json.push('\n');
    std::fs::write(&tmp, json).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// `answers` as a JSON value whose `answers` object follows `order`.
fn ordered(answers: &AnswersFile, order: &[&str]) -> serde_json::Value {
    let rank = |id: &str| order.iter().position(|o| *o == id).unwrap_or(usize::MAX);
    let mut ids: Vec<&String> = answers.answers.keys().collect();
    // Stable: ids outside `order` keep the map's alphabetical order.
    ids.sort_by_key(|id| rank(id));
    let mut value = serde_json::to_value(answers).unwrap_or_default();
    let map: serde_json::Map<String, serde_json::Value> = ids
        .into_iter()
        .map(|id| {
            (
                id.clone(),
                serde_json::to_value(&answers.answers[id]).unwrap_or_default(),
            )
        })
        .collect();
    value["answers"] = serde_json::Value::Object(map);
    value
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// The JSON reader's own reason follows, in English.
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
        fn trailing_characters() {
            fr: "du texte suit la fin de l'objet JSON",
            en: "text follows the end of the JSON object",
        }
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
