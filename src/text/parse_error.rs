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

/// A TOML file past the cap on its tokens.
pub fn too_many_tokens(limit: usize) -> String {
    msg::too_many_tokens(&crate::text::number::number(limit as f64))
}

/// The syntax errors of the TOML reader (`toml_parser`), each as (its
/// words, French, English).
const TOML_SYNTAX: &[(&str, &str, &str)] = &[
    (
        "`_` may only go between digits",
        "« _ » ne peut séparer que des chiffres",
        "« _ » may only go between digits",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "trop de niveaux imbriqués de [ ou de { : un questionnaire n'en a que quelques-uns",
        "too many nested levels of [ or {: a questionnaire has only a few",
    ),
    (
        "recursion limit",
        "trop de niveaux imbriqués : une clé pointée (a.b.c…) ou des tables bien trop profondes",
        "too many nested levels: a dotted key (a.b.c…) or tables far too deep",
    ),
    (
        "carriage return must be followed by newline",
        "un retour chariot doit être suivi d'un saut de ligne",
        "a carriage return must be followed by a line break",
    ),
    ("extra `=`", "« = » en trop", "extra « = »"),
    (
        "extra assignment between key-value pairs",
        "« = » en trop entre deux paires clé = valeur",
        "extra « = » between key = value pairs",
    ),
    (
        "extra comma in array",
        "virgule en trop dans la liste",
        "extra comma in the list",
    ),
    (
        "extra comma in inline table",
        "virgule en trop dans la table { … }",
        "extra comma in the { … } table",
    ),
    (
        "integers with a radix cannot be signed",
        "un nombre hexadécimal, octal ou binaire ne prend pas de signe",
        "a hexadecimal, octal or binary number takes no sign",
    ),
    (
        "invalid comment character",
        "caractère interdit dans un commentaire",
        "character not allowed in a comment",
    ),
    (
        "invalid inline table element",
        "élément invalide dans la table { … }",
        "invalid element in the { … } table",
    ),
    (
        "invalid key-value pair",
        "paire clé = valeur invalide",
        "invalid key = value pair",
    ),
    (
        "invalid unquoted key",
        "clé invalide : sans guillemets, une clé ne contient que des lettres, des chiffres, « - » et « _ »",
        "invalid key: without quotes, a key holds only letters, digits, « - » and « _ »",
    ),
    (
        "invalid value",
        "valeur invalide : un texte entre guillemets, un nombre, true, false, une date, une liste [ … ] ou une table { … }",
        "invalid value: a quoted string, a number, true, false, a date, a list [ … ] or a table { … }",
    ),
    (
        "key with no value",
        "clé sans valeur : écrivez clé = valeur",
        "key without a value: write key = value",
    ),
    (
        "keys cannot be multi-line basic strings",
        "une clé ne peut pas être un texte sur plusieurs lignes",
        "a key cannot be a multi-line string",
    ),
    (
        "keys cannot be multi-line literal strings",
        "une clé ne peut pas être un texte sur plusieurs lignes",
        "a key cannot be a multi-line string",
    ),
    (
        "missing array opening",
        "crochet ouvrant « [ » manquant",
        "missing opening bracket « [ »",
    ),
    (
        "missing assignment between key-value pairs",
        "« = » manquant entre la clé et la valeur",
        "missing « = » between the key and the value",
    ),
    (
        "missing comma between array elements",
        "virgule manquante entre deux éléments de la liste",
        "missing comma between two elements of the list",
    ),
    (
        "missing comma between key-value pairs",
        "virgule manquante entre deux paires de la table { … }",
        "missing comma between two pairs of the { … } table",
    ),
    (
        "missing comment start",
        "« # » manquant au début du commentaire",
        "missing « # » at the start of the comment",
    ),
    (
        "missing escaped value",
        "échappement incomplet après « \\ »",
        "incomplete escape after « \\ »",
    ),
    (
        "missing inline table opening",
        "accolade ouvrante « { » manquante",
        "missing opening brace « { »",
    ),
    (
        "missing key for inline table element",
        "clé manquante dans la table { … }",
        "missing key in the { … } table",
    ),
    (
        "missing opening quote",
        "guillemet ouvrant manquant",
        "missing opening quote",
    ),
    (
        "missing table open",
        "crochet ouvrant « [ » manquant dans l'en-tête de table",
        "missing opening bracket « [ » in the table header",
    ),
    (
        "missing value for key",
        "valeur manquante après « = »",
        "missing value after « = »",
    ),
    ("missing value", "valeur manquante", "missing value"),
    (
        "radix must be lowercase",
        "le préfixe d'un nombre s'écrit en minuscule (0x, 0o, 0b)",
        "a number's prefix is written in lowercase (0x, 0o, 0b)",
    ),
    (
        "redundant integer number prefix",
        "préfixe de nombre en double",
        "number prefix written twice",
    ),
    (
        "redundant numeric sign",
        "signe du nombre en double",
        "number sign written twice",
    ),
    (
        "string values must be quoted",
        "un texte s'écrit entre guillemets : \"…\"",
        "a string is written in quotes: \"…\"",
    ),
    (
        "too few unicode value digits",
        "pas assez de chiffres dans l'échappement \\u ou \\U",
        "too few digits in the \\u or \\U escape",
    ),
    (
        "unclosed array table",
        "« ]] » manquant à la fin de l'en-tête [[ … ]]",
        "missing « ]] » at the end of the [[ … ]] header",
    ),
    (
        "unclosed array",
        "liste non refermée : « ] » manquant",
        "unclosed list: missing « ] »",
    ),
    (
        "unclosed inline table",
        "table non refermée : « } » manquant",
        "unclosed table: missing « } »",
    ),
    (
        "unclosed table",
        "« ] » manquant à la fin de l'en-tête de table",
        "missing « ] » at the end of the table header",
    ),
    (
        "unexpected `=` in array",
        "« = » inattendu dans une liste",
        "unexpected « = » in a list",
    ),
    (
        "unexpected content between comment and newline",
        "contenu inattendu à la fin du commentaire",
        "unexpected content at the end of the comment",
    ),
    (
        "unexpected content",
        "contenu inattendu à cet endroit",
        "unexpected content here",
    ),
    (
        "unexpected key or value",
        "clé ou valeur inattendue à cet endroit : une paire clé = valeur par ligne",
        "unexpected key or value here: one key = value pair per line",
    ),
    (
        "unexpected leading zero",
        "zéro en tête interdit dans un nombre",
        "leading zero not allowed in a number",
    ),
    ("unexpected sign", "signe inattendu", "unexpected sign"),
    (
        "unquoted keys cannot be empty",
        "clé vide : écrivez-la entre guillemets",
        "empty key: write it in quotes",
    ),
    (
        "could not allocate for string",
        "texte trop long",
        "string too long",
    ),
    (
        "invalid literal string",
        "texte entre apostrophes invalide",
        "invalid literal string",
    ),
    (
        "invalid multi-line literal string",
        "texte sur plusieurs lignes invalide",
        "invalid multi-line string",
    ),
    (
        "invalid basic string",
        "texte entre guillemets invalide",
        "invalid quoted string",
    ),
    (
        "invalid multi-line basic string",
        "texte sur plusieurs lignes invalide",
        "invalid multi-line string",
    ),
    ("invalid string", "texte invalide", "invalid string"),
    (
        "invalid boolean",
        "booléen invalide : true ou false",
        "invalid boolean: true or false",
    ),
    (
        "invalid date-time",
        "date invalide : AAAA-MM-JJ",
        "invalid date: YYYY-MM-DD",
    ),
    (
        "invalid float",
        "nombre décimal invalide (par exemple 12.5)",
        "invalid decimal number (for example 12.5)",
    ),
    (
        "invalid integer number",
        "nombre entier invalide",
        "invalid integer",
    ),
    (
        "invalid hexadecimal number",
        "nombre hexadécimal invalide",
        "invalid hexadecimal number",
    ),
    (
        "invalid octal number",
        "nombre octal invalide",
        "invalid octal number",
    ),
    (
        "invalid binary number",
        "nombre binaire invalide",
        "invalid binary number",
    ),
    (
        "floating-point number overflowed",
        "nombre trop grand",
        "number too large",
    ),
    (
        "integer number overflowed",
        "nombre entier trop grand",
        "integer too large",
    ),
    (
        "u64 value was too large",
        "nombre entier trop grand",
        "integer too large",
    ),
];

/// A message of the TOML reader in the interface language: a type or
/// field error as [`explain_parse_error`] says it, a syntax error from
/// [`TOML_SYNTAX`] with the token it expected (« ] »), anything else as
/// a malformed file — never the reader's English words.
pub fn explain_toml_error(message: &str) -> String {
    let message = message.trim();
    let explained = explain_parse_error(message);
    if explained != message {
        return explained;
    }
    let english = crate::text::i18n::current() == crate::text::i18n::Lang::En;
    let (description, expected) = match message.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (message, None),
    };
    let said = TOML_SYNTAX
        .iter()
        .find(|(words, _, _)| *words == description)
        .map(|(_, fr, en)| if english { *en } else { *fr });
    let Some(said) = said else {
        return msg::toml_malformed();
    };
    // Only the tokens it names (`]`, `nan`): its words for kinds of
    // things (« literal string », « nothing ») are left out.
    let tokens: Vec<String> = expected
        .unwrap_or_default()
        .split(", ")
        .flat_map(|e| e.split(" or "))
        .filter_map(|e| e.strip_prefix('`')?.strip_suffix('`'))
        .map(|t| format!("« {t} »"))
        // Said already, or a guess at a number (`nan` for « nan1 »).
        .filter(|t| !said.contains(t.as_str()) && !description.starts_with("invalid "))
        .collect();
    if tokens.is_empty() {
        said.to_owned()
    } else {
        msg::toml_expected(said, &tokens.join(", "))
    }
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
        /// `limit`: a number as the interface writes it.
        fn too_many_tokens(limit: &str) {
            fr: "fichier trop chargé : plus de {limit} éléments (clés, valeurs, ponctuation), bien au-delà de tout questionnaire ; il n'est pas lu plus loin",
            en: "file too dense: more than {limit} elements (keys, values, punctuation), far beyond any questionnaire; it is not read further",
        }
        fn toml_malformed() {
            fr: "fichier TOML mal formé à cet endroit",
            en: "malformed TOML file here",
        }
        /// `said`: the error; `tokens`: what was expected (« ] »).
        fn toml_expected(said: &str, tokens: &str) {
            fr: "{said} (attendu ici : {tokens})",
            en: "{said} (expected here: {tokens})",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_syntax_errors_are_said_in_the_interface_language() {
        for (english, french) in [
            (
                "string values must be quoted, expected literal string",
                "un texte s'écrit entre guillemets : \"…\"",
            ),
            (
                "unclosed array, expected `]`",
                "liste non refermée : « ] » manquant",
            ),
            (
                "recursion limit",
                "trop de niveaux imbriqués : une clé pointée (a.b.c…) ou des tables bien trop profondes",
            ),
            (
                "invalid float, expected `nan`",
                "nombre décimal invalide (par exemple 12.5)",
            ),
            (
                "missing comma between array elements, expected `,`",
                "virgule manquante entre deux éléments de la liste (attendu ici : « , »)",
            ),
            (
                "extra `=`, expected `]`",
                "« = » en trop (attendu ici : « ] »)",
            ),
            (
                "some future message, expected nothing",
                "fichier TOML mal formé à cet endroit",
            ),
        ] {
            assert_eq!(explain_toml_error(english), french);
        }
        // Type and field errors keep their own wording.
        assert!(explain_toml_error("missing field `next`").starts_with("champ obligatoire"));
    }

    #[test]
    fn every_type_name_is_said_in_both_languages() {
        for (serde, fr, en) in TYPE_NAMES {
            assert!(!fr.is_empty() && !en.is_empty(), "{serde}");
        }
    }

    #[test]
    fn explains_a_missing_next() {
        let m = explain_parse_error("missing field `next`");
        assert!(m.starts_with("champ obligatoire « next » manquant"), "{m}");
        assert!(m.contains("sans issue"), "{m}");
    }

    #[test]
    fn explains_unknown_fields_and_variants() {
        let m = explain_parse_error("unknown field `titel`, expected one of `id`, `title`");
        assert_eq!(
            m,
            "champ inconnu « titel » — vouliez-vous dire « title » ? (champs permis : id, title)"
        );
        let m = explain_parse_error(
            "unknown variant `yesno`, expected one of `yes_no`, `choice`, `number`, `text`",
        );
        assert!(m.contains("vouliez-vous dire « yes_no »"), "{m}");
        assert_eq!(explain_parse_error("something else"), "something else");
        assert_eq!(
            explain_parse_error("invalid type: string \"x\", expected a sequence"),
            "type inattendu : le texte \"x\", alors qu'il faut une liste [...]"
        );
    }
}
