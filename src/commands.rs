//! The listing and inspection commands: guides, questions, check, paths,
//! graph, schema, completions, man.

use crate::app::write_stdout;
use crate::catalog::Bundle;
use crate::cli::ListFormat;
use crate::error::Error;
use crate::model::GuideRef;

/// `aiguillage guides [ID]`: the catalogue, or the link of one guide.
pub fn guides(bundle: &Bundle, id: Option<&str>, format: ListFormat) -> Result<(), Error> {
    if let Some(id) = id {
        let r: GuideRef = id.parse().unwrap_or_else(|e| match e {});
        let Some((_, url, successor)) = bundle.guide_url(&r) else {
            let all = bundle
                .guides
                .iter()
                .flat_map(|(_, g)| {
                    std::iter::once(g.id.clone())
                        .chain(g.chapters.iter().map(|c| format!("{}/{}", g.id, c.id)))
                })
                .collect::<Vec<_>>();
            let hint = crate::validate::suggest(id, all.iter().map(String::as_str));
            return Err(Error::Usage(format!(
                "guide inconnu « {id} »{hint} (liste : aiguillage guides)"
            )));
        };
        return match format {
            ListFormat::Text => write_stdout(&format!("{url}\n")),
            ListFormat::Json => write_stdout(&format!(
                "{}\n",
                serde_json::json!({"id": id, "url": url, "successor": successor})
            )),
        };
    }
    match format {
        ListFormat::Json => {
            let list: Vec<_> = bundle.guides.iter().map(|(_, g)| g).collect();
            let mut s = serde_json::to_string_pretty(&list).map_err(|e| Error::Other(e.into()))?;
            s.push('\n');
            write_stdout(&s)
        }
        ListFormat::Text => {
            let mut s = String::new();
            for (_, g) in &bundle.guides {
                s.push_str(&format!(
                    "{}  {}\n  {}\n",
                    console::style(&g.id).bold(),
                    g.title,
                    g.url
                ));
                if let Some(n) = &g.successor {
                    s.push_str(&format!("  version récente : {n}\n"));
                }
                for c in &g.chapters {
                    s.push_str(&format!("    {}/{}  {}\n", g.id, c.id, c.url));
                }
            }
            write_stdout(&s)
        }
    }
}

/// `aiguillage check [FILE…]`: every error and warning, with its place.
pub fn check(paths: &[std::path::PathBuf], format: ListFormat) -> Result<(), Error> {
    let bundle = if paths.is_empty() {
        Bundle::builtin_unchecked()?
    } else {
        Bundle::from_paths_unchecked(paths)?
    };
    let report = crate::validate::check(&bundle);
    match format {
        ListFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&report).map_err(|e| Error::Other(e.into()))?;
            s.push('\n');
            write_stdout(&s)?;
        }
        ListFormat::Text => {
            let mut s = String::new();
            for d in &report.diagnostics {
                s.push_str(&format!("{d}\n\n"));
            }
            let (e, w) = (report.errors().count(), report.warnings().count());
            s.push_str(&format!(
                "{} questionnaire(s) vérifié(s) : {e} erreur(s), {w} avertissement(s)\n",
                bundle.questionnaires.len()
            ));
            write_stdout(&s)?;
        }
    }
    if report.has_errors() {
        return Err(Error::Usage("le questionnaire comporte des erreurs".into()));
    }
    Ok(())
}

fn not_yet() -> Result<(), Error> {
    Err(Error::Usage("commande pas encore disponible".into()))
}

/// `aiguillage questions`: every question id, kind and allowed values.
pub fn questions(
    _bundle: &Bundle,
    _questionnaire: Option<&str>,
    _format: ListFormat,
    _skeleton: bool,
) -> Result<(), Error> {
    not_yet()
}

/// `aiguillage paths`: every path with its outcome and findings.
pub fn paths(
    _bundle: &Bundle,
    _questionnaire: Option<&str>,
    _format: ListFormat,
) -> Result<(), Error> {
    not_yet()
}

/// `aiguillage graph`: the tree as Mermaid or DOT.
pub fn graph(
    _bundle: &Bundle,
    _questionnaire: Option<&str>,
    _format: crate::cli::GraphFormat,
) -> Result<(), Error> {
    not_yet()
}

/// `aiguillage schema`: the JSON Schema of a file format.
pub fn schema(_kind: crate::cli::SchemaKind) -> Result<(), Error> {
    not_yet()
}

/// `aiguillage completions SHELL`.
pub fn completions(_shell: clap_complete::Shell) -> Result<(), Error> {
    not_yet()
}

/// `aiguillage man`.
pub fn man() -> Result<(), Error> {
    not_yet()
}
