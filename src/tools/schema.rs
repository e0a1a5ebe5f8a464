//! JSON Schemas of the file formats, derived from the types of
//! [`crate::core::model`] so that they cannot drift from what the program
//! reads, and of the JSON decision ([`crate::core::engine::Decision`]),
//! derived from what the program writes.
//!
//! Draft 7 is used: it is the draft that Taplo (Even Better TOML) and
//! VS Code both validate fully.

use schemars::generate::SchemaSettings;

use crate::core::engine::Decision;
use crate::core::model::{AnswersFile, Questionnaire};

/// The file formats that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    Questionnaire,
    Answers,
    /// The decision written by `--format json`.
    Decision,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 3] = [
        SchemaKind::Questionnaire,
        SchemaKind::Answers,
        SchemaKind::Decision,
    ];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Questionnaire => "questionnaire",
            SchemaKind::Answers => "answers",
            SchemaKind::Decision => "decision",
        }
    }
}

/// The schema of a file format, as pretty JSON with a final line break.
pub fn json(kind: SchemaKind) -> String {
    let settings = SchemaSettings::draft07();
    let schema = match kind {
        SchemaKind::Questionnaire => settings
            .into_generator()
            .into_root_schema_for::<Questionnaire>(),
        SchemaKind::Answers => settings
            .into_generator()
            .into_root_schema_for::<AnswersFile>(),
        // Written, not read: a key left out when empty is optional.
        SchemaKind::Decision => settings
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<Decision>(),
    };
    let mut value = serde_json::to_value(&schema).unwrap_or_default();
    in_french(&mut value);
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

/// Every `description` of a schema in French (see
/// [`crate::tools::schema_fr`]); one without a French form is kept as it
/// is, which a test forbids.
fn in_french(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                match (k.as_str(), &mut *x) {
                    ("description", serde_json::Value::String(s)) => {
                        if let Some(fr) = french(s) {
                            *s = crate::text::typography::typeset(fr).into_owned();
                        }
                    }
                    _ => in_french(x),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(in_french),
        _ => {}
    }
}

/// The French description for an English doc comment.
fn french(english: &str) -> Option<&'static str> {
    let key = english.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::tools::schema_fr::DESCRIPTIONS
        .iter()
        .find(|(en, _)| *en == key)
        .map(|(_, fr)| *fr)
}

/// File name of the committed copy under `questionnaires/schema/`.
pub fn file_name(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Questionnaire => "questionnaire.schema.json",
        SchemaKind::Answers => "answers.schema.json",
        SchemaKind::Decision => "decision.schema.json",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description of every schema, to check them.
    fn descriptions(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, x) in map {
                    match (k.as_str(), x) {
                        ("description", serde_json::Value::String(s)) => out.push(s.clone()),
                        _ => descriptions(x, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|x| descriptions(x, out)),
            _ => {}
        }
    }

    #[test]
    fn every_description_is_french_without_links_to_the_code() {
        for kind in SchemaKind::ALL {
            let v: serde_json::Value = serde_json::from_str(&json(kind)).unwrap();
            let mut all = Vec::new();
            descriptions(&v, &mut all);
            assert!(all.len() > 10, "{}", kind.name());
            for d in all {
                assert!(
                    crate::tools::schema_fr::DESCRIPTIONS
                        .iter()
                        .any(|(_, fr)| crate::text::typography::typeset(fr) == d),
                    "{}: no French for « {d} »: add it to src/tools/schema_fr.rs",
                    kind.name()
                );
                assert!(!d.contains("[`") && !d.contains("crate::"), "{d}");
            }
        }
    }

    #[test]
    fn answers_schema_accepts_the_three_answer_types() {
        let s = json(SchemaKind::Answers);
        for t in ["\"boolean\"", "\"number\"", "\"string\""] {
            assert!(s.contains(t), "{t} missing from {s}");
        }
        assert!(s.contains("\"$schema\""), "{s}");
    }

    #[test]
    fn decision_schema_names_its_format_and_every_verdict() {
        let s = json(SchemaKind::Decision);
        for v in [
            "\"format\"",
            "\"unused_answers\"",
            "\"not_concerned\"",
            "\"obligation\"",
        ] {
            assert!(s.contains(v), "{v} missing from {s}");
        }
    }

    #[test]
    fn questionnaire_schema_names_every_kind_and_verdict() {
        let s = json(SchemaKind::Questionnaire);
        for v in [
            "yes_no", "choice", "number", "text", "must", "not_yet", "cannot",
        ] {
            assert!(s.contains(&format!("\"{v}\"")), "{v} missing");
        }
    }
}
