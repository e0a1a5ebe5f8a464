//! How fresh the legal references are: each article of `articles.toml`
//! says when it was last checked (`checked = 2026-12-01`), and a check
//! older than a limit, or missing, is worth a warning — the law moves, and
//! a link to a version no longer in force reads as if it were.
//!
//! Apart from the structural checks ([`crate::core::validate`]) because
//! the answer depends on the day: the caller gives today's date (the
//! command line reads the clock, tests set it), so nothing here does.

use crate::core::catalog::{Bundle, SourceId};
use crate::core::date::Date;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::validate::per_file;

/// The default limit: a reference checked more than a year ago.
pub const STALE_AFTER_DAYS: u32 = 365;

/// A diagnostic on key `key` of the `i`-th article of source `src`.
pub fn on_article(
    bundle: &Bundle,
    src: SourceId,
    i: usize,
    key: &str,
    severity: Severity,
    code: &'static str,
    message: String,
) -> Diagnostic {
    crate::core::coherence::diagnostic(
        bundle,
        severity,
        code,
        src,
        format!("articles[{i}].{key}"),
        message,
    )
}

/// A warning for every reference without a date, checked more than
/// `stale_after` days before `today`, or dated after it.
pub fn check(bundle: &Bundle, today: Date, stale_after: u32) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, src, a) in per_file(&bundle.articles) {
        let warn =
            |key, code, message| on_article(bundle, src, i, key, Severity::Warning, code, message);
        match a.checked {
            None => out.push(warn("id", "undated-reference", msg::undated(&a.id))),
            Some(d) if d > today => out.push(warn(
                "checked",
                "future-check",
                msg::future(&a.id, &d.to_string(), &today.to_string()),
            )),
            Some(d) => {
                let age = today.days() - d.days();
                if age > i64::from(stale_after) {
                    out.push(warn(
                        "checked",
                        "stale-reference",
                        msg::stale(&a.id, &d.to_string(), age, stale_after),
                    ));
                }
            }
        }
    }
    out
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn undated(id: &str) {
            fr: "la référence « {id} » ne dit pas quand elle a été vérifiée : ajoutez `checked = AAAA-MM-JJ` une fois relue sur sa source",
            en: "reference « {id} » does not say when it was checked: add `checked = YYYY-MM-DD` once read again at its source",
        }
        fn stale(id: &str, checked: &str, age: i64, limit: u32) {
            fr: "la référence « {id} » a été vérifiée le {checked}, il y a {age} jours (limite : {limit}) : revérifiez-la (voir `check --legi`), puis mettez `checked` à jour",
            en: "reference « {id} » was checked on {checked}, {age} days ago (limit: {limit}): check it again (see `check --legi`), then update `checked`",
        }
        fn future(id: &str, checked: &str, today: &str) {
            fr: "la référence « {id} » dit avoir été vérifiée le {checked}, après aujourd'hui ({today})",
            en: "reference « {id} » says it was checked on {checked}, after today ({today})",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_written_in_both_languages() {
        crate::text::i18n::check_pairs(msg::ALL);
    }

    const TREE: &str = r#"
id = "t"
title = "T"
version = "1.0.0"
legal_date = "2026-01-01"
start = "o"

[[outcomes]]
id = "o"
verdict = "may"
title = "O"
summary = "s"
guides = ["juridique"]
"#;

    const ARTICLES: &str = r#"
[[articles]]
id = "frais"
label = "Frais"
url = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205512/"
checked = 2026-12-01

[[articles]]
id = "vieux"
label = "Vieux"
url = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205514/"
checked = 2024-01-15

[[articles]]
id = "sans-date"
label = "Sans date"
url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
"#;

    #[test]
    fn warns_on_old_and_undated_references_relative_to_the_day_given() {
        // Only the articles count here: the bundle need not be a valid tree.
        let b = Bundle::from_sources_unchecked([("t.toml", TREE), ("articles.toml", ARTICLES)])
            .unwrap();
        let today = Date::parse("2027-01-10").unwrap();
        let found: Vec<(&str, String)> = check(&b, today, STALE_AFTER_DAYS)
            .into_iter()
            .map(|d| (d.code, d.path))
            .collect();
        assert_eq!(
            found,
            [
                ("stale-reference", "articles[1].checked".to_owned()),
                ("undated-reference", "articles[2].id".to_owned())
            ]
        );
        // A wider limit keeps the old one; a day before the check is odd.
        assert_eq!(check(&b, today, 10_000).len(), 1);
        let before = Date::parse("2026-11-30").unwrap();
        assert!(
            check(&b, before, 10_000)
                .iter()
                .any(|d| d.code == "future-check")
        );
    }
}
