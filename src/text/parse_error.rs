//! The messages of serde's readers (TOML and JSON) are in English and name
//! Rust-side notions; this puts the common ones in the interface language
//! and says what to do.

use crate::text::suggest::{did_you_mean, msg::did_you_mean_dash};

/// serde's « unknown field `x`, expected one of `a`, `b` » (or « unknown
/// variant ») in the interface language, with the closest allowed name.
fn unknown_name(
    message: &str,
    prefix: &str,
    say: fn(&str, &str, &str) -> String,
) -> Option<String> {
    let (name, expected) = message.strip_prefix(prefix)?.split_once('`')?;
    let allowed = expected
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ");
    let hint = did_you_mean(name, allowed.split(", ").map(|a| a.trim_matches('`')))
        .map(did_you_mean_dash)
        .unwrap_or_default();
    Some(say(name, &hint, &allowed.replace('`', "")))
}

/// The messages of the TOML reader are in English and name Rust-side
/// notions; this puts the common ones in the interface language and says
/// what to do. A message it does not know is returned as is.
pub fn explain_parse_error(message: &str) -> String {
    let message = message.trim();
    let quoted = |s: &str| s.replace('`', "");
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        let hint = match field {
            "next" => msg::missing_next_hint(),
            _ => String::new(),
        };
        return msg::missing_field(field, &hint);
    }
    for (prefix, say) in [
        (
            "unknown field `",
            msg::unknown_field as fn(&str, &str, &str) -> String,
        ),
        ("unknown variant `", msg::unknown_variant),
    ] {
        if let Some(m) = unknown_name(message, prefix, say) {
            return m;
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return match rest.split_once(", expected ") {
            Some((found, expected)) => {
                msg::unexpected_type(&type_name(found), &type_name(expected))
            }
            None => msg::unexpected_type_only(&quoted(rest)),
        };
    }
    if message == "duplicate key" {
        return msg::duplicate_key();
    }
    message.to_owned()
}

/// serde's names of types, and how each is said: (serde, French, English).
const TYPE_NAMES: [(&str, &str, &str); 11] = [
    ("a sequence", "une liste [...]", "a list [...]"),
    ("sequence", "une liste", "a list"),
    ("a string", "un texte entre guillemets", "a quoted string"),
    ("string", "le texte", "the string"),
    ("integer", "le nombre", "the number"),
    ("floating point", "le nombre", "the number"),
    ("f64", "un nombre", "a number"),
    ("a boolean", "true ou false", "true or false"),
    ("boolean", "le booléen", "the boolean"),
    ("a map", "une table", "a table"),
    ("map", "une table", "a table"),
];

/// The serde name of a type, in the interface language: `a sequence` →
/// `une liste [...]`.
fn type_name(serde: &str) -> String {
    let english = crate::text::i18n::current() == crate::text::i18n::Lang::En;
    for (name, fr, en) in TYPE_NAMES {
        if let Some(rest) = serde.strip_prefix(name) {
            let said = if english { en } else { fr };
            return format!("{said}{}", rest.replace('`', ""));
        }
    }
    serde.replace('`', "")
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        // Files that cannot be read (parse): serde's messages, explained.
        fn missing_field(field: &str, hint: &str) {
            fr: "champ obligatoire « {field} » manquant{hint}",
            en: "missing required field « {field} »{hint}",
        }
        fn missing_next_hint() {
            fr: " : chaque réponse doit mener quelque part (une question, une issue ou « @questionnaire »), sinon le chemin s'arrête sans issue",
            en: ": every answer must lead somewhere (a question, an outcome or « @questionnaire »), or the path stops without an outcome",
        }
        fn unknown_field(name: &str, hint: &str, allowed: &str) {
            fr: "champ inconnu « {name} »{hint} (champs permis : {allowed})",
            en: "unknown field « {name} »{hint} (allowed fields: {allowed})",
        }
        fn unknown_variant(name: &str, hint: &str, allowed: &str) {
            fr: "valeur inconnue « {name} »{hint} (valeurs permises : {allowed})",
            en: "unknown value « {name} »{hint} (allowed values: {allowed})",
        }
        fn unexpected_type(found: &str, expected: &str) {
            fr: "type inattendu : {found}, alors qu'il faut {expected}",
            en: "unexpected type: {found}, expected {expected}",
        }
        fn unexpected_type_only(found: &str) {
            fr: "type inattendu : {found}",
            en: "unexpected type: {found}",
        }
        fn duplicate_key() { fr: "clé en double", en: "duplicate key" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::typography::typeset;

    #[test]
    fn every_type_name_is_said_in_both_languages() {
        for (serde, fr, en) in TYPE_NAMES {
            assert!(!fr.is_empty() && !en.is_empty(), "{serde}");
        }
    }

    #[test]
    fn explains_a_missing_next() {
        let m = explain_parse_error("missing field `next`");
        assert!(
            m.starts_with(&*typeset("champ obligatoire « next » manquant")),
            "{m}"
        );
        assert!(m.contains("sans issue"), "{m}");
    }

    #[test]
    fn explains_unknown_fields_and_variants() {
        let m = explain_parse_error("unknown field `titel`, expected one of `id`, `title`");
        assert_eq!(
            m,
            typeset(
                "champ inconnu « titel » — vouliez-vous dire « title » ? (champs permis : id, title)"
            )
        );
        let m = explain_parse_error(
            "unknown variant `yesno`, expected one of `yes_no`, `choice`, `number`, `text`",
        );
        assert!(m.contains(&*typeset("vouliez-vous dire « yes_no »")), "{m}");
        assert_eq!(explain_parse_error("something else"), "something else");
        assert_eq!(
            explain_parse_error("invalid type: string \"x\", expected a sequence"),
            typeset("type inattendu : le texte \"x\", alors qu'il faut une liste [...]")
        );
    }
}
