//! `aiguillage documents --answers FILE --out DIR`, and the offer to write
//! the same documents at the end of an interactive session.
//!
//! Both work alike: the decision, then the free-text fields its documents
//! use — from the answers file (`fields`), asked at a terminal, or left as
//! visible placeholders and listed on stderr — then every document written
//! into the folder, never over an existing file unless asked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::core::catalog::Bundle;
use crate::core::diagnostic::SourceError;
use crate::core::documents::Templates;
use crate::core::engine::{self, Decision, Evaluation};
use crate::core::model::{AnswersFile, Question};
use crate::front::answers;
use crate::front::cli::{DocumentsArgs, ListFormat};
use crate::front::error::Error;
use crate::front::io::write_stdout;
use crate::front::prompt::{MenuPrompter, PlainPrompter};
use crate::front::session::{Confirm, LineQuestion, Prompter};
use crate::front::term::{self, Interaction};
use crate::output::documents::{Rendered, called_for, needed_fields, proposed, render};
use crate::text::i18n;

/// The folder a session proposes.
const DEFAULT_DIR: &str = "documents-aiguillage";

/// The built-in templates, as an error the program reports if they do not
/// load (the tests make sure they do).
fn templates() -> Result<Templates, Error> {
    Ok(Templates::builtin()?)
}

/// `aiguillage documents`.
pub fn run(bundle: &Bundle, args: &DocumentsArgs) -> Result<(), Error> {
    let loaded = answers::read(&args.answers)?;
    let templates = templates()?;
    check_field_ids(&templates, &loaded)?;
    let file = &loaded.file;
    let questionnaire = engine::find_questionnaire(bundle, file.questionnaire.as_deref())
        .map_err(|e| loaded.locate(vec![e]))?;
    let decision = match engine::evaluate(bundle, questionnaire, &file.answers)
        .map_err(|e| loaded.locate(e))?
    {
        Evaluation::Done(d) => *d,
        Evaluation::Pending { question, .. } => {
            return Err(missing_answer(question, &args.answers));
        }
    };
    let mut fields = file.fields.clone();
    let how = term::interaction(
        args.no_input,
        args.plain,
        term::Streams::real(),
        &term::real_env,
    );
    if how != Interaction::None {
        with_prompter(how, |p| {
            ask_fields(p, &templates, bundle, &decision, &mut fields)
        })?;
    }
    let rendered = render(&templates, bundle, &decision, &fields);
    let written = write(&args.out, &rendered, args.force)?;
    let out = match args.format {
        ListFormat::Text => written
            .iter()
            .map(|p| format!("{}\n", p.display()))
            .collect::<String>(),
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "written": written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                "missing_fields": missing_ids(&rendered),
            }))
            .map_err(|e| Error::Other(e.into()))?;
            s.push('\n');
            s
        }
    };
    write_stdout(&out)?;
    warn_missing(&templates, &rendered);
    Ok(())
}

/// At the end of a session, once the decision is shown: offers to write
/// its documents, asks their fields and the folder, and writes them. Only
/// at a terminal, and only when the decision calls for a draft besides the
/// report. Fields typed here are added to `--save-answers`.
pub fn offer(
    bundle: &Bundle,
    decision: &Decision,
    given: &AnswersFile,
    save_to: Option<&Path>,
    how: Interaction,
) -> Result<(), Error> {
    let streams = term::Streams::real();
    if how == Interaction::None || !streams.stdin_terminal || !streams.stderr_terminal {
        return Ok(());
    }
    let templates = templates()?;
    let drafts = called_for(&templates, decision);
    if drafts.is_empty() {
        return Ok(());
    }
    let titles: Vec<&str> = drafts.iter().map(|d| d.template.title.as_str()).collect();
    let mut fields = given.fields.clone();
    eprintln!("\n{}", msg::offer_intro());
    for t in &titles {
        eprintln!("  - {t}");
    }
    eprintln!("  - {}", msg::offer_report());
    let written = with_prompter(how, |p| {
        let offer = msg::offer();
        let (yes, no) = (msg::offer_yes(), msg::offer_no());
        let asked = Confirm {
            text: &offer,
            yes: &yes,
            no: &no,
            default: false,
        };
        if !p.confirm(&asked)? {
            return Ok(None);
        }
        let (dir_q, dir_help) = (msg::ask_dir(), msg::ask_dir_help());
        let dir = p.ask_line(&LineQuestion {
            text: &dir_q,
            help: &dir_help,
            default: Some(DEFAULT_DIR),
        })?;
        let dir = PathBuf::from(if dir.is_empty() { DEFAULT_DIR } else { &dir });
        ask_fields(p, &templates, bundle, decision, &mut fields)?;
        let rendered = render(&templates, bundle, decision, &fields);
        let existing = existing(&dir, &rendered);
        let mut force = false;
        if !existing.is_empty() {
            let list = existing
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let q = msg::replace(&list);
            let (yes, no) = (msg::replace_yes(), msg::replace_no());
            force = p.confirm(&Confirm {
                text: &q,
                yes: &yes,
                no: &no,
                default: false,
            })?;
            if !force {
                eprintln!("{}", msg::nothing_written());
                return Ok(None);
            }
        }
        let written = write(&dir, &rendered, force)?;
        Ok(Some((written, rendered)))
    })?;
    let Some((written, rendered)) = written else {
        return Ok(());
    };
    eprintln!("\n{}", msg::written_heading());
    for p in &written {
        eprintln!("  {}", p.display());
    }
    warn_missing(&templates, &rendered);
    if let Some(path) = save_to
        && fields != given.fields
    {
        let order: Vec<&str> = bundle.asked_ids().collect();
        let file = AnswersFile {
            fields,
            ..given.clone()
        };
        answers::save(path, &file, &order)?;
        eprintln!("{}", i18n::texts().saved(&path.display().to_string()));
    }
    Ok(())
}

/// Runs `f` with the prompter of this kind of interaction, on the terminal.
fn with_prompter<T>(
    how: Interaction,
    f: impl FnOnce(&mut dyn Prompter) -> Result<T, Error>,
) -> Result<T, Error> {
    let texts = i18n::texts();
    let glyphs = term::prompt_glyphs(how == Interaction::Plain, &term::real_env);
    if how == Interaction::Plain {
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        let terminal = stdin.is_terminal();
        let mut p = PlainPrompter::new(stdin.lock(), std::io::stderr(), texts, glyphs, terminal);
        f(&mut p)
    } else {
        f(&mut MenuPrompter::new(texts, glyphs))
    }
}

/// Asks each field the documents need and the answers file did not give,
/// offering the value the decision suggests. Enter leaves it blank: it
/// stays a placeholder.
fn ask_fields(
    p: &mut dyn Prompter,
    templates: &Templates,
    bundle: &Bundle,
    decision: &Decision,
    fields: &mut BTreeMap<String, String>,
) -> Result<(), Error> {
    let needed: Vec<_> = needed_fields(templates, bundle, decision, fields)
        .into_iter()
        .filter(|f| fields.get(&f.id).is_none_or(|v| v.trim().is_empty()))
        .collect();
    if needed.is_empty() {
        return Ok(());
    }
    eprintln!("\n{}", msg::fields_intro(needed.len()));
    for f in needed {
        let suggestion = proposed(templates, decision, f);
        let answer = p.ask_line(&LineQuestion {
            text: &f.label,
            help: f.help.trim(),
            default: suggestion.as_deref(),
        })?;
        if !answer.trim().is_empty() {
            fields.insert(f.id.clone(), answer.trim().to_owned());
        }
    }
    Ok(())
}

/// The names of `rendered` taken in `dir`: files, but also links
/// (dangling or not), FIFOs, folders.
fn existing(dir: &Path, rendered: &[Rendered]) -> Vec<PathBuf> {
    rendered
        .iter()
        .map(|r| dir.join(&r.file))
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect()
}

/// Writes every document into `dir` (created if needed), all or none
/// (see [`crate::front::save`]): each to a temporary file first, then all
/// renamed; never through a link, never into a FIFO. Without `force`,
/// nothing is written if any name is taken, even by a file that appears
/// while writing (another run into the same folder). With `force`, the
/// user's own files are replaced; a link, a FIFO or another user's file
/// is still refused.
fn write(dir: &Path, rendered: &[Rendered], force: bool) -> Result<Vec<PathBuf>, Error> {
    use crate::front::save::{self, Options, Replace};
    let existing = existing(dir, rendered);
    if !force && let Some(first) = existing.first() {
        return Err(Error::Usage(msg::exists(
            &first.display().to_string(),
            existing.len(),
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| save::write_error(&dir.display().to_string(), &e))?;
    let paths: Vec<PathBuf> = rendered.iter().map(|r| dir.join(&r.file)).collect();
    let files: Vec<save::File<'_>> = paths
        .iter()
        .zip(rendered)
        .map(|(path, r)| save::File {
            path,
            bytes: r.text.as_bytes(),
        })
        .collect();
    let options = Options {
        replace: if force { Replace::Own } else { Replace::Never },
        // Drafts to share: the usual permissions, less the umask.
        mode: 0o666,
    };
    save::write_all(&files, options)?;
    Ok(paths)
}

/// The missing fields, each once, in the order documents name them.
fn missing_ids(rendered: &[Rendered]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for r in rendered {
        for m in &r.missing {
            if !ids.contains(m) {
                ids.push(m.clone());
            }
        }
    }
    ids
}

/// Lists on stderr the fields left as placeholders, the documents they are
/// in, and how to give them.
fn warn_missing(templates: &Templates, rendered: &[Rendered]) {
    let ids = missing_ids(rendered);
    if ids.is_empty() {
        return;
    }
    let t = i18n::texts();
    eprintln!(
        "{}: {}",
        console::style(t.warning).for_stderr().yellow().bold(),
        msg::missing_heading(ids.len())
    );
    for id in &ids {
        let label = templates.field(id).map_or("", |f| f.label.as_str());
        let files: Vec<&str> = rendered
            .iter()
            .filter(|r| r.missing.contains(id))
            .map(|r| r.file.as_str())
            .collect();
        eprintln!("  - {id} ({label}){} {}", t.colon, files.join(", "));
    }
    eprintln!("  {}", msg::missing_how(&ids[0]));
}

/// Field ids of the answers file that no template knows.
fn check_field_ids(templates: &Templates, loaded: &answers::Loaded) -> Result<(), Error> {
    let known: Vec<&str> = templates.fields.iter().map(|f| f.id.as_str()).collect();
    let errors: Vec<SourceError> = loaded
        .file
        .fields
        .keys()
        .filter(|id| !known.contains(&id.as_str()))
        .map(|id| {
            let hint = crate::text::suggest::suggest(id, known.iter().copied());
            // A field is a key of `fields`, which the answers reader does
            // not place: its first quoted occurrence after `"fields"`.
            let after = loaded.text.find("\"fields\"").unwrap_or(0);
            let offset = loaded.text[after..]
                .find(&format!("\"{id}\""))
                .map(|i| after + i);
            SourceError::new(
                &loaded.name,
                &loaded.text,
                offset,
                msg::unknown_field(id, &hint, &known.join(", ")),
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::AnswersAt(errors))
    }
}

/// A missing answer: the documents need a complete decision.
fn missing_answer(q: &Question, file: &Path) -> Error {
    let t = i18n::texts();
    let allowed = crate::output::answer::allowed_values(q, t).join(", ");
    let file = crate::text::escape::shell(&file.display().to_string());
    Error::Missing(format!(
        "{} « {} » ({}){} {} {allowed}\n  {}",
        t.missing_answer,
        q.id,
        q.text,
        t.semicolon,
        t.allowed,
        msg::complete_first(&file)
    ))
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// Before the list of the documents offered at the end of a session.
        fn offer_intro() {
            fr: "Cette décision appelle des documents, que l'assistant peut préparer en brouillon :",
            en: "This decision calls for documents, which the assistant can draft (in French, as legal texts):",
        }
        fn offer_report() {
            fr: "Rapport de décision (HTML)",
            en: "Decision report (HTML)",
        }
        fn offer() {
            fr: "Écrire ces brouillons maintenant ?",
            en: "Write these drafts now?",
        }
        fn offer_yes() { fr: "Oui, écrire les documents", en: "Yes, write the documents" }
        fn offer_no() { fr: "Non, pas maintenant", en: "No, not now" }
        fn ask_dir() { fr: "Dans quel dossier ?", en: "In which folder?" }
        fn ask_dir_help() {
            fr: "Créé s'il n'existe pas. Entrée : le dossier proposé.",
            en: "Created if missing. Enter: the folder offered.",
        }
        fn fields_intro(count: usize) {
            fr: "Les documents ont besoin de {count} information(s) que l'assistant ne peut pas deviner. Entrée sans rien écrire : la laisser « [à compléter : …] ».",
            en: "The documents need {count} piece(s) of information the assistant cannot guess. Enter without typing: leave it as a placeholder to complete later.",
        }
        fn replace(files: &str) {
            fr: "Ces fichiers existent déjà : {files}. Les remplacer ?",
            en: "These files exist already: {files}. Replace them?",
        }
        fn replace_yes() { fr: "Oui, les remplacer", en: "Yes, replace them" }
        fn replace_no() { fr: "Non, ne rien écrire", en: "No, write nothing" }
        fn nothing_written() { fr: "Aucun document n'a été écrit.", en: "No document was written." }
        fn written_heading() { fr: "Documents écrits :", en: "Documents written:" }
        /// Writing would replace `count` files, the first being `file`.
        fn exists(file: &str, count: usize) {
            fr: "« {file} » existe déjà ({count} fichier(s) seraient remplacés) : rien n'a été écrit. Ajoutez --force pour remplacer les fichiers existants, ou choisissez un autre dossier avec --out.",
            en: "« {file} » exists already ({count} file(s) would be replaced): nothing was written. Add --force to replace existing files, or choose another folder with --out.",
        }
        fn missing_heading(count: usize) {
            fr: "{count} champ(s) restent « [à compléter : …] » dans les documents :",
            en: "{count} field(s) stay as placeholders (« à compléter ») in the documents:",
        }
        fn missing_how(example: &str) {
            fr: "Donnez-les dans le fichier de réponses, sous « fields » : {{ \"fields\": {{ \"{example}\": \"…\" }} }}, ou lancez la commande dans un terminal.",
            en: "Give them in the answers file, under « fields »: {{ \"fields\": {{ \"{example}\": \"…\" }} }}, or run the command at a terminal.",
        }
        fn unknown_field(id: &str, hint: &str, known: &str) {
            fr: "champ inconnu « {id} »{hint} ; champs des documents : {known}",
            en: "unknown field « {id} »{hint}; fields of the documents: {known}",
        }
        fn complete_first(file: &str) {
            fr: "les documents demandent une décision complète : complétez les réponses avec aiguillage --answers {file} --save-answers {file}",
            en: "documents need a complete decision: complete the answers with aiguillage --answers {file} --save-answers {file}",
        }
    }
}
