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
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
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
