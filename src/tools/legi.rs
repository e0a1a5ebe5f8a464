//! `check --legi FILE`: the cited articles of a code against the LEGI
//! data of that code, in the JSON form of the `@socialgouv/legi-data`
//! package (`data/LEGITEXT….json`: a tree of sections whose `article`
//! nodes carry the article's `num`, the `id` of its version in force, its
//! `etat`, and every version in `articleVersions`).
//!
//! Each reference of `articles.toml` that links an article of a code
//! (`legifrance.gouv.fr/codes/…LEGIARTI…`) is looked up by the id of the
//! version it cites: the version in force is fine; a past version is an
//! error that names the current id; an article no longer in force (`etat`
//! other than `VIGUEUR`) is an error; an id the data does not hold is a
//! warning (another code, or a version newer than the data), with the id
//! the data gives for the same article number when it has one.

use std::collections::HashMap;

use serde::Deserialize;

use crate::core::catalog::Bundle;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::freshness::on_article;
use crate::core::validate::per_file;

/// One node of the tree: the code, a section or an article.
#[derive(Debug, Deserialize)]
struct Node {
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    data: Data,
    #[serde(default)]
    children: Vec<Node>,
}

#[derive(Debug, Default, Deserialize)]
struct Data {
    #[serde(default)]
    id: String,
    #[serde(default)]
    num: Option<String>,
    #[serde(default)]
    etat: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, rename = "dateModif")]
    date_modif: Option<String>,
    #[serde(default, rename = "articleVersions")]
    versions: Vec<Version>,
}

#[derive(Debug, Default, Deserialize)]
struct Version {
    #[serde(default)]
    id: String,
    #[serde(default)]
    etat: Option<String>,
}

/// An article of the dump: its number, the id of its current version and
/// its state.
#[derive(Debug, Clone, PartialEq)]
pub struct LegiArticle {
    pub num: String,
    pub id: String,
    pub etat: String,
}

/// The LEGI data of one code, as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dump {
    /// The file, for messages.
    pub name: String,
    /// The code's title and the date of its last change in the data.
    pub title: String,
    pub date: String,
    pub articles: Vec<LegiArticle>,
    /// Version id → the index of its article, and the state of that version.
    versions: HashMap<String, (usize, String)>,
    by_num: HashMap<String, usize>,
}

/// Reads the dump of one code (a file with no article in it reads as an
/// empty dump: the caller says it is not one).
pub fn parse(name: &str, text: &str) -> Result<Dump, serde_json::Error> {
    let root: Node = serde_json::from_str(text)?;
    let mut dump = Dump {
        name: name.to_owned(),
        title: root.data.title.clone().unwrap_or_default(),
        date: root.data.date_modif.clone().unwrap_or_default(),
        ..Dump::default()
    };
    collect(&root, &mut dump);
    Ok(dump)
}

fn collect(node: &Node, dump: &mut Dump) {
    if node.kind == "article" {
        let i = dump.articles.len();
        let d = &node.data;
        let etat = d.etat.clone().unwrap_or_default();
        dump.articles.push(LegiArticle {
            num: d.num.clone().unwrap_or_default(),
            id: d.id.clone(),
            etat: etat.clone(),
        });
        for v in &d.versions {
            dump.versions
                .insert(v.id.clone(), (i, v.etat.clone().unwrap_or_default()));
        }
        dump.versions.insert(d.id.clone(), (i, etat));
        if let Some(num) = &d.num {
            dump.by_num.entry(num.clone()).or_insert(i);
        }
    }
    for c in &node.children {
        collect(c, dump);
    }
}

/// Where an id is in the dumps: its article, and the dump.
fn find<'d>(dumps: &'d [Dump], id: &str) -> Option<(&'d Dump, &'d LegiArticle)> {
    dumps.iter().find_map(|d| {
        d.versions
            .get(id)
            .and_then(|(i, _)| d.articles.get(*i))
            .map(|a| (d, a))
    })
}

/// The article number a label cites: « CRPA, art. R*311-12 » → `R*311-12`.
fn num_of(label: &str) -> Option<&str> {
    // After « art. » and a plain or a no-break space.
    let rest = label[label.find("art.")? + 4..].trim_start();
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '('))
        .next()
        .filter(|n| !n.is_empty())
}

/// Whether a link opens an article of a code on Légifrance.
fn is_code_article(url: &str) -> bool {
    url.contains("legifrance.gouv.fr/codes/")
}

/// Every reference to an article of a code that is a past version,
/// repealed, or unknown to `dumps`.
pub fn check(bundle: &Bundle, dumps: &[Dump]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let dated = |d: &Dump| msg::dump(&d.name, &d.date);
    for (i, src, a) in per_file(&bundle.articles) {
        let Some(id) = a.legiarti_id().filter(|_| is_code_article(&a.url)) else {
            continue;
        };
        let diag = |severity, code, message| {
            let key = if a.legiarti.is_some() && !a.url.contains(id) {
                "legiarti"
            } else {
                "url"
            };
            on_article(bundle, src, i, key, severity, code, message)
        };
        match find(dumps, id) {
            Some((d, art)) if art.etat != "VIGUEUR" => out.push(diag(
                Severity::Error,
                "legi-repealed",
                msg::repealed(&a.id, &art.num, &art.id, &art.etat, &dated(d)),
            )),
            Some((d, art)) if art.id != id => out.push(diag(
                Severity::Error,
                "legi-past-version",
                msg::past_version(&a.id, id, &art.num, &art.id, &dated(d)),
            )),
            Some(_) => {}
            None => {
                let same_num = num_of(&a.label).and_then(|n| {
                    dumps
                        .iter()
                        .find_map(|d| d.by_num.get(n).map(|&k| (d, &d.articles[k])))
                });
                let names: Vec<String> = dumps.iter().map(dated).collect();
                let message = match same_num {
                    Some((d, art)) => {
                        msg::unknown_same_num(&a.id, id, &dated(d), &art.num, &art.id, &art.etat)
                    }
                    None => msg::unknown(&a.id, id, &names.join(", ")),
                };
                out.push(diag(Severity::Warning, "legi-unknown", message));
            }
        }
    }
    out
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// A dump, in messages: its file and the date of its data.
        fn dump(name: &str, date: &str) {
            fr: "{name} (LEGI du {date})",
            en: "{name} (LEGI of {date})",
        }
        fn past_version(article: &str, id: &str, num: &str, current: &str, dump: &str) {
            fr: "« {article} » cite {id}, une version passée de l'article {num} ; la version en vigueur est {current} d'après {dump} : relisez l'article et mettez le lien à jour",
            en: "« {article} » cites {id}, a past version of article {num}; the version in force is {current} according to {dump}: read the article again and update the link",
        }
        fn repealed(article: &str, num: &str, id: &str, etat: &str, dump: &str) {
            fr: "« {article} » : l'article {num} ({id}) n'est plus en vigueur (état {etat}) d'après {dump}",
            en: "« {article} »: article {num} ({id}) is no longer in force (state {etat}) according to {dump}",
        }
        fn unknown(article: &str, id: &str, dumps: &str) {
            fr: "« {article} » : {id} n'est pas dans {dumps}",
            en: "« {article} »: {id} is not in {dumps}",
        }
        fn unknown_same_num(article: &str, id: &str, dump: &str, num: &str, there: &str, etat: &str) {
            fr: "« {article} » : {id} n'est pas dans {dump}, où l'article {num} est {there} (état {etat}) : une version plus récente que ces données, ou un lien à revoir",
            en: "« {article} »: {id} is not in {dump}, where article {num} is {there} (state {etat}): a version newer than the data, or a link to review",
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

    #[test]
    fn reads_the_number_of_an_article_from_its_label() {
        assert_eq!(num_of("CRPA, art. R*311-12"), Some("R*311-12"));
        assert_eq!(num_of("CRPA,\u{a0}art.\u{a0}L311-1\u{a0}:"), Some("L311-1"));
        assert_eq!(
            num_of("CRPA, art. D312-1-1-1 (décret n° 2016-1922)"),
            Some("D312-1-1-1")
        );
        assert_eq!(num_of("Décret n° 2016-1922 du 28 décembre 2016"), None);
    }
}
