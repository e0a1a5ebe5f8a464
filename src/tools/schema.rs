//! JSON Schemas of the file formats, derived from the types of
//! [`crate::core::model`] so that they cannot drift from what the program reads.
//!
//! Draft 7 is used: it is the draft that Taplo (Even Better TOML) and
//! VS Code both validate fully.

use schemars::generate::SchemaSettings;

use crate::core::model::{AnswersFile, Questionnaire};

/// The file formats that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    Questionnaire,
    Answers,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 2] = [SchemaKind::Questionnaire, SchemaKind::Answers];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Questionnaire => "questionnaire",
            SchemaKind::Answers => "answers",
        }
    }
}

/// The schema of a file format, as pretty JSON with a final line break.
pub fn json(kind: SchemaKind) -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = match kind {
        SchemaKind::Questionnaire => generator.into_root_schema_for::<Questionnaire>(),
        SchemaKind::Answers => generator.into_root_schema_for::<AnswersFile>(),
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
    fn questionnaire_schema_names_every_kind_and_verdict() {
        let s = json(SchemaKind::Questionnaire);
        for v in [
            "yes_no", "choice", "number", "text", "must", "not_yet", "cannot",
        ] {
            assert!(s.contains(&format!("\"{v}\"")), "{v} missing");
        }
    }
}
