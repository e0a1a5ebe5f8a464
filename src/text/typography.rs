//! French typography, applied once to every text the program shows: the
//! content when it is loaded (at build time for the built-in content, at
//! start for `--questionnaire` files and the document templates) and the
//! interface strings ([`crate::text::i18n`]). Every output — the terminal,
//! Markdown, HTML and its print, JSON, Mermaid labels — then carries the
//! right spaces, and no line of any of them breaks where French typography
//! forbids it.
//!
//! The rules are those of the *Lexique des règles typographiques en usage à
//! l'Imprimerie nationale*:
//!
//! | where | space |
//! |---|---|
//! | before « : » | U+00A0, no-break space |
//! | before « ; », « ? », « ! » | U+202F, narrow no-break space |
//! | after « « », before « » » | U+00A0 |
//! | between groups of three digits (« 3 500 ») | U+202F |
//! | after « art. », « article(s) », « n° », « p. », « al. », « § » and before the number | U+00A0 |
//! | between « CRPA, » (any « X, ») and « art. » | U+00A0 |
//! | between a number and its unit or the noun it counts (« 50 % », « 20 agents ») | U+00A0 |
//! | between a day and its month (« 1er janvier ») | U+00A0 |
//!
//! Only plain spaces (U+0020) between two words change; the words
//! themselves never do, so addresses, ids and values stay intact, and the
//! spaces inside a template tag (`{{#if …}}`) or an inline code span
//! (`` `…` ``) are left alone. Idempotent: text already set is returned as
//! it is.

use std::borrow::Cow;

/// No-break space: before « : », inside « », after « art. »…
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space: before « ; ? ! », between groups of digits.
pub const NNBSP: char = '\u{202f}';

/// `text` with French typography's no-break spaces (see the module).
pub fn typeset(text: &str) -> Cow<'_, str> {
    if !text.contains(' ') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut changed = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        changed |= typeset_line(line, &mut out);
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// [`typeset`], for a string the caller owns.
pub fn typeset_owned(text: String) -> String {
    match typeset(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => s,
    }
}

/// Sets `text` in place.
pub fn typeset_in(text: &mut String) {
    if let Cow::Owned(s) = typeset(text) {
        *text = s;
    }
}

/// `text` with its no-break spaces back to plain ones: what a fingerprint
/// of the content hashes, so that typography is not a rewording.
pub fn plain_spaces(text: &str) -> Cow<'_, str> {
    if text.contains([NBSP, NNBSP]) {
        Cow::Owned(text.replace([NBSP, NNBSP], " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// Sets one line into `out`; whether a space changed.
fn typeset_line(line: &str, out: &mut String) -> bool {
    let mut changed = false;
    let words = line.split(' ');
    // Open template tags and code spans so far: their spaces stay.
    let mut tags = 0usize;
    let mut code = false;
    let mut first = true;
    let mut prev = "";
    for word in words {
        if !first {
            let space = if tags > 0 || code {
                ' '
            } else {
                space_between(prev, word)
            };
            changed |= space != ' ';
            out.push(space);
        }
        out.push_str(word);
        // Nearly no word has a brace or a backtick: one scan of the bytes
        // first, rather than a substring search per word.
        if word.bytes().any(|b| matches!(b, b'{' | b'}' | b'`')) {
            tags = (tags + word.matches("{{").count()).saturating_sub(word.matches("}}").count());
            code ^= word.bytes().filter(|&b| b == b'`').count() % 2 == 1;
        }
        first = false;
        prev = word;
    }
    changed
}

/// The space French typography wants between `prev` and `next` (either
/// may be empty, at the start or end of a fragment, or where two spaces
/// follow each other).
fn space_between(prev: &str, next: &str) -> char {
    if next.starts_with([':', '»']) || prev.ends_with('«') {
        return NBSP;
    }
    if next.starts_with([';', '?', '!']) {
        return NNBSP;
    }
    if prev.is_empty() || next.is_empty() {
        return ' ';
    }
    if thousands(prev, next) {
        return NNBSP;
    }
    if before_number(prev) && starts_like_a_number(next) {
        return NBSP;
    }
    if prev.ends_with(',') && matches!(next, "art." | "article" | "articles") {
        return NBSP;
    }
    if is_number(prev) && is_unit(next) {
        return NBSP;
    }
    if is_day(prev) && is_month(next) {
        return NBSP;
    }
    ' '
}

/// Whether `next` continues the number that `last` ends with, as in
/// « 3 500 » or « 1 200 000 »: `last` ends with one to three digits and
/// `next` is three digits, maybe followed by punctuation.
pub fn thousands(last: &str, next: &str) -> bool {
    let tail = last.len() - last.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = next.len() - next.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = next[head..].chars().next();
    (1..=3).contains(&tail) && head == 3 && !after.is_some_and(char::is_alphanumeric)
}

/// Words that announce a number: « art. », « n° »…, also after an
/// opening bracket (« (art. »).
fn before_number(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[']);
    matches!(
        word,
        "art."
            | "Art."
            | "arts."
            | "article"
            | "Article"
            | "articles"
            | "Articles"
            | "n°"
            | "N°"
            | "nos"
            | "n°s"
            | "p."
            | "pp."
            | "al."
            | "§"
            | "chap."
            | "annexe"
    )
}

/// « 47 », « L311-3-1 », « R*311-12 », « 2016-1922 »: a number or an
/// article number (a capital letter, maybe a star or a point, then a digit).
fn starts_like_a_number(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if c.is_ascii_uppercase() => {
            let rest = chars.as_str().trim_start_matches(['*', '.']);
            rest.starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// « 50 », « 3 500 »'s last group, « 12,5 »: digits, with a decimal mark.
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        && word.ends_with(|c: char| c.is_ascii_digit())
}

/// Units and the nouns a number counts in the content.
fn is_unit(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ';', ':', ')', '?', '!']);
    matches!(
        word,
        "%" | "€"
            | "k€"
            | "M€"
            | "euros"
            | "ETP"
            | "agents"
            | "salariés"
            | "habitants"
            | "jours"
            | "mois"
            | "ans"
            | "années"
            | "heures"
            | "semaines"
            | "caractères"
            | "mots"
            | "lignes"
            | "Kio"
            | "Mio"
            | "Go"
    )
}

fn is_day(word: &str) -> bool {
    word == "1er" || (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
}

fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ')']);
    matches!(
        word,
        "janvier"
            | "février"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "août"
            | "septembre"
            | "octobre"
            | "novembre"
            | "décembre"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(s: &str) -> String {
        typeset(s).into_owned()
    }

    /// `s` with `_` for U+00A0 and `^` for U+202F, for reading.
    fn shown(s: &str) -> String {
        s.replace(NBSP, "_").replace(NNBSP, "^")
    }

    #[test]
    fn punctuation_gets_the_space_the_imprimerie_nationale_wants() {
        assert_eq!(
            shown(&set("Pourquoi ? Voici : un point ; deux ! « Aide »")),
            "Pourquoi^? Voici_: un point^; deux^! «_Aide_»"
        );
        // A fragment that starts with its space, as the interface writes them.
        assert_eq!(shown(&set(" :")), "_:");
        assert_eq!(shown(&set(" ; ")), "^; ");
        assert_eq!(shown(&set("« ? »")), "«_?_»");
    }

    #[test]
    fn references_numbers_and_units_stay_whole() {
        assert_eq!(
            shown(&set("CRPA, art. L311-3-1 et article R*311-12 (art. 47)")),
            "CRPA,_art._L311-3-1 et article_R*311-12 (art._47)"
        );
        assert_eq!(
            shown(&set(
                "loi n° 78-17 du 6 janvier 1978, 3 500 habitants, 50 % et 20 agents"
            )),
            "loi n°_78-17 du 6_janvier 1978, 3^500_habitants, 50_% et 20_agents"
        );
        assert_eq!(
            shown(&set("le 1er juillet, 1 200 000 €")),
            "le 1er_juillet, 1^200^000_€"
        );
        // Not a number group: a year after a number, a four-digit word.
        assert_eq!(set("en 2016 2017"), "en 2016 2017");
        assert_eq!(set("article premier"), "article premier");
    }

    #[test]
    fn addresses_ids_tags_and_code_are_left_intact() {
        let s = "Voir https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205535?x=1 ; « id » : `a ?` {{#if answer:x=oui | finding:y}} fin ?";
        assert_eq!(
            shown(&set(s)),
            "Voir https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205535?x=1^; «_id_»_: `a ?` {{#if answer:x=oui | finding:y}} fin^?"
        );
        // Lines keep their breaks and indentation.
        assert_eq!(shown(&set("a :\n  - b ?")), "a_:\n  - b^?");
    }

    #[test]
    fn setting_twice_changes_nothing_and_borrows() {
        let once = set("Oui ? « x » : art. 2");
        assert_eq!(set(&once), once);
        assert!(matches!(typeset(&once), Cow::Borrowed(_)));
        assert!(matches!(typeset("rien à faire"), Cow::Borrowed(_)));
        assert_eq!(plain_spaces(&once), "Oui ? « x » : art. 2");
    }
}
