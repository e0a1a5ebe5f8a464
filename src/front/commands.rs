//! The commands besides the main one — guides, questions, check, paths,
//! graph, schema, completions, man — and [`run`], which picks one.

use std::path::PathBuf;

use crate::core::catalog::{self, Bundle, LoadError};
use crate::core::diagnostic::SourceError;
use crate::core::diagnostic::{Diagnostic, Report, Severity};
use crate::core::documents::Templates;
use crate::core::engine;
use crate::core::model::{GuideRef, Questionnaire};
use crate::front::cli::{BatchFormat, BatchInput, Command, ListFormat};
use crate::front::error::Error;
use crate::front::io::write_stdout;
use crate::text::escape::escape;
use crate::text::limits::MAX_SHOWN_ERRORS;

/// `aiguillage guides [ID]`: the catalogue, or the link of one guide.
fn guides(bundle: &Bundle, id: Option<&str>, format: ListFormat) -> Result<(), Error> {
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
            let hint = crate::text::suggest::suggest(id, all.iter().map(String::as_str));
            return Err(Error::Usage(msg::unknown_guide(id, &hint)));
        };
        return match format {
            ListFormat::Text => write_stdout(&format!("{}\n", escape(url))),
            ListFormat::Json => write_stdout(&format!(
                "{}\n",
                serde_json::json!({"id": id, "url": url, "successor": successor})
            )),
        };
    }
    match format {
        ListFormat::Json => {
            let list: Vec<_> = bundle.guides.iter().map(|(_, g)| g).collect();
            write_stdout(&to_json(&list)?)
        }
        ListFormat::Text => write_stdout(&guides_text(bundle)),
    }
}

/// The catalogue for a person: each guide with its summary, then its
/// chapters, each with the reference to write in a questionnaire.
fn guides_text(bundle: &Bundle) -> String {
    let t = crate::text::i18n::texts();
    let mut s = String::new();
    // The catalogue may come from --questionnaire: escaped before styled.
    for (_, g) in &bundle.guides {
        s.push_str(&format!(
            "{}  {}\n",
            console::style(escape(&g.id)).bold(),
            console::style(escape(&g.title)).bold()
        ));
        s.push_str(&format!("  {}\n", console::style(escape(&g.url)).cyan()));
        if let Some(n) = &g.successor {
            s.push_str(&format!(
                "  {} {}\n",
                t.newer_version,
                console::style(escape(n)).cyan()
            ));
        }
        let summary = crate::text::wrap::wrap(&escape(g.summary.trim()), 76, "  ");
        s.push_str(&format!("  {}\n", console::style(summary).dim()));
        for c in &g.chapters {
            let line = format!("    {}/{}  {}\n", g.id, c.id, c.title);
            s.push_str(&escape(&line));
            s.push_str(&format!(
                "      {}\n",
                console::style(escape(&c.url)).cyan()
            ));
        }
        s.push('\n');
    }
    s
}

/// `aiguillage check [FILE…]`: every error and warning, with its place.
///
/// A file that cannot be read as a questionnaire at all (syntax, missing
/// field) is reported the same way, so editors and CI get one format.
fn check(paths: &[PathBuf], format: ListFormat, references: &References) -> Result<(), Error> {
    // Document templates are checked with the built-in ones (no path) or
    // when named; they are told by the `champs.toml` of their folder.
    let (template_paths, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| is_template_path(p));
    let paths = paths.as_slice();
    let only_templates = paths.is_empty() && !template_paths.is_empty();
    let loaded = if paths.is_empty() {
        Bundle::builtin_unchecked()
    } else {
        Bundle::from_paths_unchecked(paths)
    };
    let (mut report, checked, bundle) = match loaded {
        Ok(bundle) if only_templates => (Report::default(), 0, Some(bundle)),
        Ok(bundle) => (
            check_bundle(&bundle, paths, references),
            bundle.questionnaires.len(),
            Some(bundle),
        ),
        Err(LoadError::Parse(e)) => (parse_report(&e), 0, None),
        Err(e) => return Err(e.into()),
    };
    let documents = match (&bundle, paths.is_empty() || !template_paths.is_empty()) {
        (Some(bundle), true) => {
            let templates = if template_paths.is_empty() {
                Templates::builtin()
            } else {
                Templates::from_paths(&template_paths)
            };
            match templates {
                Ok(t) => {
                    report
                        .diagnostics
                        .extend(crate::core::documents::check(&t, bundle).diagnostics);
                    report.sort();
                    Some(t.documents.len())
                }
                Err(LoadError::Parse(e)) => {
                    report.diagnostics.extend(parse_report(&e).diagnostics);
                    report.sort();
                    Some(0)
                }
                Err(e) => return Err(e.into()),
            }
        }
        _ => None,
    };
    // The whole-tree consistency check walks every path: worth it, and
    // meaningful, only on content whose references all resolve.
    if let Some(bundle) = &bundle
        && (std::env::var_os("XX").is_some() || !report.has_errors())
        && !only_templates
    {
        let templates = match documents {
            Some(_) if template_paths.is_empty() => Templates::builtin().ok(),
            Some(_) => Templates::from_paths(&template_paths).ok(),
            None => None,
        };
        let mut more = crate::core::coherence::check(bundle, templates.as_ref());
        crate::core::locate::fill_locations(bundle, &mut more);
        report.diagnostics.extend(more.diagnostics);
        report.sort();
    }
    let (errors, warnings) = (report.errors().count(), report.warnings().count());
    let out = match format {
        ListFormat::Json => to_json(&serde_json::json!({
            "errors": errors,
            "warnings": warnings,
            "diagnostics": report.diagnostics,
        }))?,
        ListFormat::Text => {
            // Errors first: the first ones shown, the others counted (the
            // JSON report has them all).
            let mut s = String::new();
            for d in report.diagnostics.iter().take(MAX_SHOWN_ERRORS) {
                s.push_str(&format!("{d}\n\n"));
            }
            let hidden = report.diagnostics.len().saturating_sub(MAX_SHOWN_ERRORS);
            if hidden > 0 {
                s.push_str(&msg::more_diagnostics(hidden));
            }
            s.push_str(&match documents {
                Some(d) => msg::check_summary_documents(checked, d, errors, warnings),
                None => msg::check_summary(checked, errors, warnings),
            });
            // Messages quote the content (ids, values): escaped.
            escape(&s).into_owned()
        }
    };
    write_stdout(&out)?;
    match (report.has_errors(), format) {
        (false, _) => Ok(()),
        // The text ends with the count of errors: nothing to add.
        (true, ListFormat::Text) => Err(Error::Reported),
        // JSON on stdout is for a program; a person reading the log of a
        // CI job still gets one line saying why it failed.
        (true, ListFormat::Json) => Err(Error::Usage(msg::check_failed())),
    }
}

/// The report of a loaded bundle. Unused glossary terms are only worth
/// a warning when the maintainer supplied the glossary: the built-in one
/// serves every built-in questionnaire, not a custom tree.
///
/// The same goes for the freshness of the references: only those of an
/// `articles.toml` the maintainer supplied (or the built-in one, checked
/// without arguments) are dated against `references.today`. `--legi`
/// checks every reference loaded.
fn check_bundle(bundle: &Bundle, paths: &[PathBuf], references: &References) -> Report {
    let mut report = crate::core::check(bundle);
    let own_glossary = paths.is_empty() || supplies(paths, catalog::GLOSSARY_FILE);
    if !own_glossary {
        report.diagnostics.retain(|d| d.code != "unused-term");
    }
    let mut more = Vec::new();
    if paths.is_empty() || supplies(paths, catalog::ARTICLES_FILE) {
        more.extend(crate::core::freshness::check(
            bundle,
            references.today,
            references.stale_after,
        ));
    }
    if !references.legi.is_empty() {
        more.extend(crate::tools::legi::check(bundle, &references.legi));
    }
    if !more.is_empty() {
        let mut extra = Report { diagnostics: more };
        crate::core::locate::fill_locations(bundle, &mut extra);
        report.diagnostics.extend(extra.diagnostics);
        report.sort();
    }
    report
}

/// What `check` needs to judge the legal references.
struct References {
    today: crate::core::date::Date,
    stale_after: u32,
    legi: Vec<crate::tools::legi::Dump>,
}

/// The LEGI dumps given with `--legi`, each read and parsed.
fn read_legi(files: &[PathBuf]) -> Result<Vec<crate::tools::legi::Dump>, Error> {
    files
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(name.clone(), &e))?;
            let dump = crate::tools::legi::parse(&name, &text).map_err(|e| {
                let why = crate::front::answers::explain_json_error(&e);
                Error::Parse(Box::new(SourceError::at(
                    &name,
                    &text,
                    e.line(),
                    e.column(),
                    msg::legi_unreadable(&why),
                )))
            })?;
            if dump.articles.is_empty() {
                return Err(Error::Usage(msg::legi_empty(&name)));
            }
            Ok(dump)
        })
        .collect()
}

/// A folder of document templates (it holds `champs.toml`), or a file of
/// one.
fn is_template_path(p: &std::path::Path) -> bool {
    use crate::core::documents::FIELDS_FILE;
    if p.is_dir() {
        p.join(FIELDS_FILE).is_file()
    } else {
        p.file_name().is_some_and(|f| f == FIELDS_FILE) || p.with_file_name(FIELDS_FILE).is_file()
    }
}

/// Whether one of `paths` is, or is a folder that holds, `file_name`.
fn supplies(paths: &[PathBuf], file_name: &str) -> bool {
    paths.iter().any(|p| {
        p.file_name().is_some_and(|f| f == file_name) || (p.is_dir() && p.join(file_name).is_file())
    })
}

/// A file that could not be read, as a one-diagnostic report.
fn parse_report(e: &SourceError) -> Report {
    Report {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            code: "parse",
            message: e.message.clone(),
            file: e.file.clone(),
            path: String::new(),
            line: e.line,
            column: e.column,
            end_line: e.line,
            end_column: e.column,
            snippet: e.snippet.clone(),
            source: 0,
        }],
    }
}

/// Pretty JSON with a final line break, its C1 and bidi controls
/// escaped too (see [`crate::text::escape::json_safe`]).
fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let s = serde_json::to_string_pretty(value).map_err(|e| Error::Other(e.into()))?;
    let mut s = crate::text::escape::json_safe(&s).into_owned();
    s.push('\n');
    Ok(s)
}

/// Runs a command. Only the commands that read the questionnaires load
/// them: `schema`, `completions` and `man` work even when they do not
/// load, and `check` loads them itself, to report why they do not.
pub fn run(command: Command, questionnaires: &[PathBuf]) -> Result<(), Error> {
    let bundle = || crate::front::io::load(questionnaires);
    match command {
        Command::Check {
            files,
            format,
            stale_after,
            today,
            legi,
        } => {
            let paths = if files.is_empty() {
                questionnaires
            } else {
                &files
            };
            let references = References {
                today: today.unwrap_or_else(crate::front::io::today),
                stale_after,
                legi: read_legi(&legi)?,
            };
            check(paths, format, &references)
        }
        Command::Schema { kind } => schema(kind),
        Command::Serve(args) => crate::front::web::serve(bundle()?, &args),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
        Command::Diff { old, new, format } => diff(&old, &new, format),
        Command::Guides { id, format } => guides(&bundle()?, id.as_deref(), format),
        Command::Questions {
            questionnaire,
            format,
            skeleton,
        } => questions(&bundle()?, questionnaire.as_deref(), format, skeleton),
        Command::Paths {
            questionnaire,
            format,
        } => paths(&bundle()?, questionnaire.as_deref(), format),
        Command::Graph {
            questionnaire,
            format,
        } => graph(&bundle()?, questionnaire.as_deref(), format),
        Command::Batch {
            files,
            format,
            input,
            delimiter,
        } => {
            use crate::front::batch::{Input, Options, Output};
            let options = Options {
                files,
                input: input.map(|i| match i {
                    BatchInput::Jsonl => Input::Jsonl,
                    BatchInput::Csv => Input::Csv,
                }),
                delimiter,
                output: match format {
                    BatchFormat::Jsonl => Output::Jsonl,
                    BatchFormat::Json => Output::Json,
                    BatchFormat::Csv => Output::Csv,
                },
            };
            // No prompt in a batch: the built-in content without the help
            // texts; kept for the process, like the main command's.
            let bundle = if questionnaires.is_empty() {
                Bundle::builtin_lean()?
            } else {
                bundle()?
            };
            let bundle: &Bundle = Box::leak(Box::new(bundle));
            crate::front::batch::run(bundle, &options)
        }
        Command::Documents(args) => crate::front::documents::run(&bundle()?, &args),
    }
}

/// User-facing strings of this module.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// After the first diagnostics of `check`.
        fn more_diagnostics(count: usize) {
            fr: "… et {count} autre(s) problème(s) : aiguillage check --format json les donne tous\n\n",
            en: "… and {count} more problem(s): aiguillage check --format json gives them all\n\n",
        }
        fn check_failed() {
            fr: "le questionnaire comporte des erreurs",
            en: "the questionnaire has errors",
        }
        /// The last line of `aiguillage check`.
        fn check_summary(questionnaires: usize, errors: usize, warnings: usize) {
            fr: "{questionnaires} questionnaire(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s)\n",
            en: "{questionnaires} questionnaire(s) checked: {errors} error(s), {warnings} warning(s)\n",
        }
        fn legi_unreadable(why: &str) {
            fr: "données LEGI illisibles : {why}",
            en: "unreadable LEGI data: {why}",
        }
        fn legi_empty(file: &str) {
            fr: "{file} : aucun article ; il faut le fichier d'un code du paquet @socialgouv/legi-data (data/LEGITEXT….json)",
            en: "{file}: no article; give the file of a code from the @socialgouv/legi-data package (data/LEGITEXT….json)",
        }
        /// The same, when document templates were checked too.
        fn check_summary_documents(questionnaires: usize, documents: usize, errors: usize, warnings: usize) {
            fr: "{questionnaires} questionnaire(s) et {documents} modèle(s) de document vérifié(s) : {errors} erreur(s), {warnings} avertissement(s)\n",
            en: "{questionnaires} questionnaire(s) and {documents} document template(s) checked: {errors} error(s), {warnings} warning(s)\n",
        }
        /// `aiguillage guides ID` with an unknown id; `hint` suggests one.
        fn unknown_guide(id: &str, hint: &str) {
            fr: "guide inconnu « {id} »{hint} (liste : aiguillage guides)",
            en: "unknown guide « {id} »{hint} (list: aiguillage guides)",
        }
    }

    /// Heading of the man page's section on exit codes and examples.
    pub fn man_extra() -> &'static str {
        match crate::text::i18n::current() {
            crate::text::i18n::Lang::En => "EXIT STATUS AND EXAMPLES",
            crate::text::i18n::Lang::Fr => "CODES DE SORTIE ET EXEMPLES",
        }
    }

    /// Heading of each command's part of the man page (« COMMANDE CHECK »).
    pub fn man_command() -> &'static str {
        match crate::text::i18n::current() {
            crate::text::i18n::Lang::En => "COMMAND",
            crate::text::i18n::Lang::Fr => "COMMANDE",
        }
    }
}

/// `aiguillage questions`: every question id, kind and allowed values;
/// with `--skeleton`, an answers file to fill in (always JSON).
fn questions(
    bundle: &Bundle,
    questionnaire: Option<&str>,
    format: ListFormat,
    skeleton: bool,
) -> Result<(), Error> {
    if skeleton {
        let q = find(bundle, questionnaire)?;
        let skeleton = crate::tools::questions::skeleton(bundle, q);
        return write_stdout(&crate::text::escape::json_safe(&skeleton));
    }
    let only = questionnaire.map(|id| find(bundle, Some(id))).transpose()?;
    let list = crate::tools::questions::list(bundle, only);
    let out = match format {
        ListFormat::Text => escape(&crate::tools::questions::text(bundle, &list)).into_owned(),
        ListFormat::Json => to_json(&list)?,
    };
    write_stdout(&out)
}

/// `aiguillage paths`: every path with its outcome and findings, written
/// as they are found. The text listing of a tree of ordinary size (up to
/// 16 MiB of text; the built-in ones are under 2) is held until its number
/// of paths is known, to give it first; a bigger one is streamed and gives
/// it last. Memory stays that of the buffer either way.
fn paths(bundle: &Bundle, questionnaire: Option<&str>, format: ListFormat) -> Result<(), Error> {
    use crate::tools::paths::{PathOut, footer, for_each_path, header, path_text};
    use std::ops::ControlFlow;
    const HELD: usize = crate::text::limits::MAX_INPUT_BYTES as usize;
    let q = find(bundle, questionnaire)?;
    let mut out = crate::front::io::Stdout::new();
    let mut count = 0;
    let mut held = Some(String::new());
    let mut failed = None;
    let mut write = |out: &mut crate::front::io::Stdout, s: &str| match out.write(s) {
        Ok(true) => ControlFlow::Continue(()),
        Ok(false) => ControlFlow::Break(()),
        Err(e) => {
            failed = Some(e);
            ControlFlow::Break(())
        }
    };
    let _ = for_each_path(bundle, q, |p| {
        count += 1;
        let piece = match format {
            ListFormat::Text => escape(&path_text(count, &p)).into_owned(),
            ListFormat::Json => {
                let item = to_json(&PathOut::from(&p)).unwrap_or_default();
                let item = item.trim_end().replace('\n', "\n  ");
                format!("{}\n  {item}", if count == 1 { "[" } else { "," })
            }
        };
        if format == ListFormat::Text
            && let Some(h) = held.as_mut()
        {
            h.push_str(&piece);
            if h.len() < HELD {
                return ControlFlow::Continue(());
            }
            let start = escape(&header(q, None)).into_owned() + h;
            held = None;
            return write(&mut out, &start);
        }
        write(&mut out, &piece)
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let end = match (format, held) {
        (ListFormat::Text, Some(h)) => escape(&header(q, Some(count))).into_owned() + &h,
        (ListFormat::Text, None) => footer(count),
        (ListFormat::Json, _) if count == 0 => "[]\n".to_owned(),
        (ListFormat::Json, _) => "\n]\n".to_owned(),
    };
    out.write(&end)?;
    out.finish()
}

/// The questionnaire named on the command line (default: the one
/// sessions start from), or an error that lists the known ones.
fn find<'b>(bundle: &'b Bundle, id: Option<&str>) -> Result<&'b Questionnaire, Error> {
    engine::find_questionnaire(bundle, id).map_err(|e| Error::Usage(e.to_string()))
}

/// `aiguillage graph`: the tree as Mermaid or DOT; every questionnaire
/// when none is named.
fn graph(
    bundle: &Bundle,
    questionnaire: Option<&str>,
    format: crate::front::cli::GraphFormat,
) -> Result<(), Error> {
    use crate::tools::graph::{Scope, dot, mermaid};
    let scope = match questionnaire {
        Some(id) => Scope::One(find(bundle, Some(id))?),
        None => Scope::All,
    };
    let drawing = match format {
        crate::front::cli::GraphFormat::Dot => dot(bundle, scope),
        crate::front::cli::GraphFormat::Mermaid => mermaid(bundle, scope),
    };
    write_stdout(&escape(&drawing))
}

/// `aiguillage diff OLD NEW`: every path whose outcome, verdict or
/// findings change; exit 1 when one does. Each side is checked like any
/// `--questionnaire`: an invalid one is bad input.
fn diff(old: &std::path::Path, new: &std::path::Path, format: ListFormat) -> Result<(), Error> {
    let before = Bundle::from_paths(&[old.to_path_buf()])?;
    let after = Bundle::from_paths(&[new.to_path_buf()])?;
    let d = crate::tools::diff::diff(&before, &after);
    let out = match format {
        // Names, ids and titles come from the files: escaped.
        ListFormat::Text => escape(&crate::tools::diff::text(
            &d,
            &old.display().to_string(),
            &new.display().to_string(),
        ))
        .into_owned(),
        ListFormat::Json => to_json(&serde_json::json!({
            "old": old.display().to_string(),
            "new": new.display().to_string(),
            "compared": d.compared,
            "unchanged": d.unchanged,
            "complete": d.is_complete(),
            "not_compared": d.not_compared,
            "changes": d.changes,
        }))?,
    };
    write_stdout(&out)?;
    match (d.is_empty(), d.is_complete()) {
        (true, true) => Ok(()),
        // Changes found: whatever was not compared, something changes.
        (false, _) => Err(Error::Differs),
        // Nothing found, but not everything compared: « nothing changes »
        // cannot be said; the input is too big for diff (exit 2).
        (true, false) => Err(Error::Reported),
    }
}

/// `aiguillage schema`: the JSON Schema of a file format.
fn schema(kind: crate::front::cli::SchemaKind) -> Result<(), Error> {
    write_stdout(&crate::tools::schema::json(kind))
}

/// `aiguillage completions SHELL`: generated from the command definitions.
fn completions(shell: clap_complete::Shell) -> Result<(), Error> {
    let mut cmd = cli_command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "aiguillage", &mut out);
    write_stdout(&String::from_utf8_lossy(&out))
}

/// `aiguillage man`: the manual page (roff), generated from the command
/// definitions: the main page, then one part per command with its
/// options.
fn man() -> Result<(), Error> {
    write_stdout(&man_page().map_err(|e| Error::Other(e.into()))?)
}

/// The command definitions, with their help in the interface language.
fn cli_command() -> clap::Command {
    crate::front::help_en::command(crate::text::i18n::current())
}

/// Lines kept as they are in roff (a table), escaped.
fn no_fill(text: &str) -> String {
    let mut out = String::from(".nf\n");
    for line in text.lines() {
        // A line starting with « . » or « ' » would be a roff request.
        let line = line.replace('\\', "\\e").replace('-', "\\-");
        let line = if line.starts_with(['.', '\'']) {
            format!("\\&{line}")
        } else {
            line
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(".fi\n");
    out
}

fn man_page() -> std::io::Result<String> {
    let mut cmd = cli_command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    // The exit codes and examples are a table: roff would refill them into
    // one paragraph, so they go in a no-fill section of their own.
    let extra = cmd.get_after_help().map(ToString::to_string);
    let main = cmd.clone().after_help(None::<&'static str>);
    clap_mangen::Man::new(main).render(&mut out)?;
    // The subcommands are described in this page, below, not in pages of
    // their own: name them instead of pointing to aiguillage-x(1).
    let mut page = String::from_utf8_lossy(&out).into_owned();
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        page = page.replace(
            &format!("aiguillage\\-{name}(1)"),
            &format!("\\fBaiguillage {name}\\fR"),
        );
    }
    let mut out = page.into_bytes();
    if let Some(extra) = extra {
        out.extend_from_slice(format!(".SH \"{}\"\n", msg::man_extra()).as_bytes());
        out.extend_from_slice(no_fill(&extra).as_bytes());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let page = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        page.render_synopsis_section(&mut part)?;
        page.render_description_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            page.render_options_section(&mut part)?;
        }
        // A command's own exit codes (`diff`), as a table too.
        if let Some(after) = sub.get_after_help() {
            part.extend_from_slice(no_fill(&after.to_string()).as_bytes());
        }
        let part = String::from_utf8_lossy(&part).replace("\n.SH ", "\n.SS ");
        let part = part
            .strip_prefix(".SH ")
            .map_or(part.clone(), |p| format!(".SS {p}"));
        out.extend_from_slice(
            format!(
                ".SH \"{} {}\"\n",
                msg::man_command(),
                sub.get_name().to_uppercase()
            )
            .as_bytes(),
        );
        out.extend_from_slice(part.as_bytes());
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}
