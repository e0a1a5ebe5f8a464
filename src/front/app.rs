//! Wiring: from the parsed command line to the main command — answers
//! from a file, a session for what is missing, the decision printed — or
//! to one of the [`commands`](crate::front::commands). None holds legal logic.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, Decision, Evaluation};
use crate::core::model::{Answer, Questionnaire};
use crate::core::stamp;
use crate::front::answers;
use crate::front::cli::{Cli, Format, RunArgs};
use crate::front::error::Error;
use crate::front::interrupt;
use crate::front::io::{load, write_stdout};
use crate::front::prompt::{self, MenuPrompter, PlainPrompter};
use crate::front::session::Session;
use crate::front::term::{self, Interaction};
use crate::output;
use crate::output::text::{DEFAULT_WIDTH, Look, NO_WRAP};
use crate::text::i18n;

/// Parses the command line, with the help in English when the interface
/// is (`--lang en`, or an English locale): the language is looked up in
/// the raw arguments before clap reads them.
pub fn parse_args() -> Cli {
    use clap::FromArgMatches;
    let lang = i18n::detect(i18n::lang_in_args(std::env::args_os()), &term::real_env);
    let matches = crate::front::help_en::command(lang).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs the command line. Exit codes are decided in one place,
/// [`Error::exit_code`].
pub fn run(cli: Cli) -> Result<(), Error> {
    setup(&cli);
    match cli.command {
        None => {
            // With an answers file and the built-in content, the texts only
            // a prompt shows are left out until a question must be asked.
            let lean = cli.run.answers.is_some() && cli.global.questionnaires.is_empty();
            let bundle = if lean {
                Bundle::builtin_lean()?
            } else {
                load(&cli.global.questionnaires)?
            };
            // Kept for the whole process, which ends right after: freeing
            // its thousands of strings one by one would cost more than the
            // decision itself.
            decide(Box::leak(Box::new(bundle)), &cli.run)
        }
        Some(command) => crate::front::commands::run(command, &cli.global.questionnaires),
    }
}

/// Prints an error on stderr the way every command does.
pub fn report_error(e: &Error) {
    if matches!(e, Error::Reported | Error::Differs) {
        return;
    }
    let prefix = console::style(i18n::texts().error)
        .for_stderr()
        .red()
        .bold();
    eprintln!("{prefix}: {e}");
}

/// Decides, once and before anything is printed, the interface language
/// and the colours of stdout and stderr.
fn setup(cli: &Cli) {
    i18n::set(i18n::detect(cli.global.lang, &term::real_env));
    term::apply_colors(cli.global.color, &term::real_env);
}

/// The main command: evaluate answers, ask what is missing, print the
/// decision.
fn decide(bundle: &Bundle, args: &RunArgs) -> Result<(), Error> {
    let loaded = match &args.answers {
        Some(path) => answers::read(path)?,
        None => answers::Loaded::default(),
    };
    let file = &loaded.file;
    let start_id = args.start.as_deref().or(file.questionnaire.as_deref());
    let questionnaire =
        engine::find_questionnaire(bundle, start_id).map_err(|e| match args.start {
            // A questionnaire named on the command line has no place in the file.
            Some(_) => Error::Answers(vec![e]),
            None => loaded.locate(vec![e]),
        })?;
    warn_drift(bundle, questionnaire, &loaded, args)?;
    let mut given = file.answers.clone();
    let evaluation =
        engine::evaluate(bundle, questionnaire, &given).map_err(|e| loaded.locate(e))?;
    // After a plain session, the decision keeps its ASCII glyphs.
    let (decision, plain_session) = match evaluation {
        Evaluation::Done(d) => (*d, false),
        Evaluation::Pending { question, .. } => {
            let how = term::interaction(
                args.no_input,
                args.plain,
                term::Streams::real(),
                &term::real_env,
            );
            if how == Interaction::None {
                return Err(missing(question, args));
            }
            // A person will read the questions: the full content, with help.
            let bundle: &Bundle = if bundle.is_lean() {
                Box::leak(Box::new(Bundle::builtin()?))
            } else {
                bundle
            };
            let questionnaire = bundle.questionnaire(&questionnaire.id).ok_or_else(|| {
                Error::Other(anyhow::anyhow!("questionnaire « {} »", questionnaire.id))
            })?;
            let d = interactive(bundle, questionnaire, &mut given, args, how)?;
            // The result starts apart from the questions.
            eprintln!();
            (d, how == Interaction::Plain)
        }
    };
    if let Some(path) = &args.save_answers {
        save(bundle, path, questionnaire, &given)?;
        eprintln!("{}", i18n::texts().saved(&path.display().to_string()));
    }
    warn_unused(&decision);
    let mut decision = decision;
    // Worked out only where it is shown: the text has it under --detail.
    let shown = match args.format {
        Format::Json | Format::Markdown => true,
        Format::Text => args.detail,
        Format::Link => false,
    };
    if shown {
        decision.what_would_change = Some(crate::core::change::what_would_change(
            bundle,
            questionnaire,
            &given,
        ));
    }
    print(&decision, args, plain_session)
}

/// Runs a session on the terminal. On Ctrl-C (or Ctrl-D at a terminal)
/// the answers given so far are saved when `--save-answers` was given,
/// and the process ends with 130.
fn interactive(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    given: &mut BTreeMap<String, Answer>,
    args: &RunArgs,
    how: Interaction,
) -> Result<Decision, Error> {
    let texts = i18n::texts();
    let plain = how == Interaction::Plain;
    let glyphs = term::prompt_glyphs(plain, &term::real_env);
    let save_to = args.save_answers.as_ref().map(|p| p.display().to_string());
    interrupt::arm(
        args.save_answers.as_deref(),
        &questionnaire.id,
        given,
        bundle.asked_ids().map(str::to_owned).collect(),
        !plain,
    );
    let intro = prompt::intro(&questionnaire.title, plain, save_to.as_deref(), texts);
    if plain {
        // No wrapping: a screen reader reads each line break aloud.
        eprint!("{intro}");
    } else {
        eprintln!("{}", prompt::wrap_to(&console::Term::stderr(), &intro));
    }
    interrupt::record(stamp::stamp(bundle, questionnaire, given));
    let mut session = Session::new(bundle, questionnaire, std::mem::take(given)).observe(|a| {
        interrupt::publish(a);
        interrupt::record(stamp::stamp(bundle, questionnaire, a));
    });
    let result = if plain {
        let stdin = std::io::stdin();
        let mut p = PlainPrompter::new(
            stdin.lock(),
            std::io::stderr(),
            texts,
            glyphs,
            stdin.is_terminal(),
        );
        session.run(&mut p)
    } else {
        session.run(&mut MenuPrompter::new(texts, glyphs))
    };
    *given = session.into_answers();
    match result {
        Err(Error::Interrupted) => interrupt::exit(),
        Err(e) => {
            // Keep what was typed even when the session fails (input closed
            // too early): it can be completed and resumed.
            if let Some(path) = &args.save_answers {
                save(bundle, path, questionnaire, given)?;
            }
            Err(e)
        }
        ok => ok,
    }
}

fn save(
    bundle: &Bundle,
    path: &std::path::Path,
    questionnaire: &Questionnaire,
    given: &BTreeMap<String, Answer>,
) -> Result<(), Error> {
    let order: Vec<String> = bundle.asked_ids().map(str::to_owned).collect();
    let stamp = stamp::stamp(bundle, questionnaire, given);
    interrupt::save(path, &questionnaire.id, given, &order, Some(&stamp))
}

/// An answers file saved against other content than this: what changed
/// for it, on stderr; with `--strict`, an error (exit 2).
fn warn_drift(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    loaded: &answers::Loaded,
    args: &RunArgs,
) -> Result<(), Error> {
    let drift = stamp::drift(bundle, questionnaire, &loaded.file);
    let Some(given) = loaded
        .file
        .given_against
        .as_ref()
        .filter(|_| !drift.is_empty())
    else {
        return Ok(());
    };
    let text = output::stamp::drift(&drift, &loaded.name, given);
    if args.strict {
        return Err(Error::Usage(text));
    }
    let t = i18n::texts();
    eprintln!(
        "{}: {text}",
        console::style(t.warning).for_stderr().yellow().bold()
    );
    Ok(())
}

/// The error for a question that cannot be asked: its id, its allowed
/// values, and how to give the answer instead.
fn missing(question: &crate::core::model::Question, args: &RunArgs) -> Error {
    let t = i18n::texts();
    let allowed = crate::output::answer::allowed_values(question, i18n::texts()).join(", ");
    let how = if args.no_input {
        t.missing_no_input
    } else if args.answers.is_some() {
        t.missing_add_to_file
    } else {
        t.missing_no_terminal
    };
    Error::Missing(format!(
        "{} « {} » ({}){} {} {allowed}\n  {how}",
        t.missing_answer, question.id, question.text, t.semicolon, t.allowed
    ))
}

fn warn_unused(d: &Decision) {
    if !d.unused_answers.is_empty() {
        let t = i18n::texts();
        eprintln!(
            "{}: {} {}",
            console::style(t.warning).for_stderr().yellow().bold(),
            t.unused_answers,
            d.unused_answers.join(", ")
        );
    }
}

/// Prints the decision; after a plain session, with the same ASCII
/// glyphs as the questions.
fn print(d: &Decision, args: &RunArgs, plain_session: bool) -> Result<(), Error> {
    let plain = args.plain || plain_session;
    let look = Look {
        texts: i18n::texts(),
        glyphs: term::result_glyphs(plain, &term::real_env),
        width: result_width(plain),
    };
    let out = match args.format {
        Format::Text => output::text::text(d, look),
        Format::Json => output::json::json(d),
        Format::Markdown => output::markdown::markdown(d, look.texts),
        Format::Link => output::link::links(d),
    };
    write_stdout(&out)
}

/// Lines of the decision: unwrapped in plain mode (a screen reader reads
/// every break), the terminal's width when narrower than the default,
/// the default in a file or a pipe.
fn result_width(plain: bool) -> usize {
    if plain {
        return NO_WRAP;
    }
    let stdout = console::Term::stdout();
    if !stdout.is_term() {
        return DEFAULT_WIDTH;
    }
    let columns = stdout.size().1 as usize;
    columns.saturating_sub(2).clamp(40, DEFAULT_WIDTH)
}
