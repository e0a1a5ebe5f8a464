//! Reading answers files (★ contract): JSON, with errors that point at the
//! file, line and column.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, SourceError};
use crate::model::AnswersFile;

/// Reads an answers file; `-` reads standard input.
pub fn read(path: &Path) -> Result<AnswersFile, Error> {
    let (name, text) = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::Io("<stdin>".into(), e.to_string()))?;
        ("<stdin>".to_owned(), text)
    } else {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::Io(name.clone(), e.to_string()))?;
        (name, text)
    };
    parse(&name, &text)
}

/// Parses the text of an answers file named `name`.
pub fn parse(name: &str, text: &str) -> Result<AnswersFile, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = if path.is_empty() || path == "." {
            format!("fichier de réponses illisible : {}", strip_position(&inner))
        } else {
            format!(
                "fichier de réponses illisible, à « {path} » : {}",
                strip_position(&inner)
            )
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
pub fn save(path: &Path, answers: &AnswersFile) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::Io(path.display().to_string(), e.to_string());
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "reponses.json".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut json = serde_json::to_string_pretty(answers).map_err(|e| Error::Other(e.into()))?;
    json.push('\n');
    std::fs::write(&tmp, json).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Answer;

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
    fn save_is_atomic_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        let mut f = AnswersFile::default();
        f.answers.insert("x".into(), Answer::Bool(false));
        f.answers.insert("n".into(), Answer::Number(1200.0));
        f.answers.insert("r".into(), Answer::Number(12.5));
        save(&path, &f).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"n\": 1200,"), "{text}");
        assert!(text.contains("\"r\": 12.5"), "{text}");
        let back = read(&path).unwrap();
        assert_eq!(back, f);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }
}
