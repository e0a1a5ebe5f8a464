//! Wiring: from the parsed command line to the right front end and
//! renderer. Each command is a small function; none holds legal logic.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use crate::answers;
use crate::catalog::Bundle;
use crate::cli::{Cli, Command, Format, RunArgs};
use crate::engine::{self, Decision, Evaluation};
use crate::error::Error;
use crate::model::{AnswersFile, Questionnaire};
use crate::render;

/// Runs the command line. Exit codes are decided in one place,
/// [`Error::exit_code`].
pub fn run(cli: Cli) -> Result<(), Error> {
    if let Some(Command::Check { files, format }) = &cli.command {
        let paths = if files.is_empty() {
            &cli.global.questionnaires
        } else {
            files
        };
        return crate::commands::check(paths, *format);
    }
    let bundle = load(&cli.global.questionnaires)?;
    match cli.command {
        None => decide(&bundle, &cli.run),
        Some(Command::Guides { id, format }) => {
            crate::commands::guides(&bundle, id.as_deref(), format)
        }
        Some(_) => Err(Error::Usage("commande pas encore disponible".into())),
    }
}

/// The built-in bundle, or the one from `--questionnaire`.
pub fn load(paths: &[std::path::PathBuf]) -> Result<Bundle, Error> {
    if paths.is_empty() {
        Bundle::builtin()
    } else {
        Bundle::from_paths(paths)
    }
}

/// Prints an error on stderr the way every command does.
pub fn report_error(e: &Error) {
    let prefix = console::style("erreur").red().bold();
    eprintln!("{prefix}: {e}");
}

/// The main command: evaluate answers, ask what is missing, print the
/// decision.
fn decide(bundle: &Bundle, args: &RunArgs) -> Result<(), Error> {
    let file = match &args.answers {
        Some(path) => answers::read(path)?,
        None => AnswersFile::default(),
    };
    let start_id = args.start.as_deref().or(file.questionnaire.as_deref());
    let questionnaire =
        engine::find_questionnaire(bundle, start_id).map_err(|e| Error::Answers(vec![e]))?;
    let mut given = file.answers.clone();
    let decision = match engine::evaluate(bundle, questionnaire, &given).map_err(Error::Answers)? {
        Evaluation::Done(d) => *d,
        Evaluation::Pending { question, .. } => {
            if args.no_input || !can_prompt() {
                return Err(missing(question, args.answers.is_some()));
            }
            interactive(bundle, questionnaire, &mut given, args)?
        }
    };
    if let Some(path) = &args.save_answers {
        save(path, questionnaire, &given)?;
    }
    warn_unused(&decision);
    print(&decision, args.format)
}

fn interactive(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    given: &mut BTreeMap<String, crate::model::Answer>,
    args: &RunArgs,
) -> Result<Decision, Error> {
    let mut prompter = crate::prompt::TerminalPrompter::default();
    let result = crate::session::run(bundle, questionnaire, given, &mut prompter);
    if let (Err(Error::Interrupted), Some(path)) = (&result, &args.save_answers) {
        save(path, questionnaire, given)?;
    }
    result
}

fn save(
    path: &std::path::Path,
    questionnaire: &Questionnaire,
    given: &BTreeMap<String, crate::model::Answer>,
) -> Result<(), Error> {
    answers::save(
        path,
        &AnswersFile {
            questionnaire: Some(questionnaire.id.clone()),
            answers: given.clone(),
        },
    )
}

/// Prompts need a terminal on both stdin (keys) and stderr (display).
pub fn can_prompt() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn missing(question: &crate::model::Question, had_file: bool) -> Error {
    let allowed = engine::allowed_values(question).join(", ");
    let how = if had_file {
        "ajoutez-la au fichier de réponses, ou relancez dans un terminal pour qu'elle soit posée"
    } else {
        "pas de terminal pour la poser : donnez les réponses avec --answers FICHIER (voir « aiguillage questions --skeleton »)"
    };
    Error::Missing(format!(
        "réponse manquante pour « {} » ({}) ; valeurs permises : {allowed}\n  {how}",
        question.id, question.text
    ))
}

fn warn_unused(d: &Decision) {
    if !d.unused_answers.is_empty() {
        eprintln!(
            "{}: réponse(s) non utilisée(s) par ce chemin : {}",
            console::style("attention").yellow().bold(),
            d.unused_answers.join(", ")
        );
    }
}

fn print(d: &Decision, format: Format) -> Result<(), Error> {
    let out = match format {
        Format::Text => render::text(d),
        Format::Json => render::json(d),
        Format::Markdown => render::markdown(d),
        Format::Link => render::links(d),
    };
    write_stdout(&out)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Error::Io("stdout".into(), e.to_string())),
    }
}
