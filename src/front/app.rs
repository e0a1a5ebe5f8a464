//! Wiring: from the parsed command line to the main command — answers
//! from a file, a session for what is missing, the decision printed — or
//! to one of the [`commands`](crate::front::commands). None holds legal logic.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, Decision, Evaluation};
use crate::core::model::{Answer, AnswersFile, Questionnaire};
use crate::core::stamp;
use crate::front::answers;
use crate::front::cli::{Cli, Format, RunArgs};
use crate::front::error::Error;
use crate::front::interrupt;
use crate::front::io::{load, say, say_line, tell, write_stdout};
use crate::front::prompt::{self, MenuPrompter, PlainPrompter};
use crate::front::session::Session;
use crate::front::term::{self, Interaction};
use crate::output;
use crate::output::text::{DEFAULT_WIDTH, Look, NO_WRAP};
use crate::text::escape::escape;
use crate::text::i18n;

/// Parses the command line, with the help in English when the interface
/// is (`--lang en`, or an English locale): the language is looked up in
/// the raw arguments before clap reads them.
pub fn parse_args() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    // The definitions as written parse as well as any translation: the
    // help is rewritten only when it is shown, or an error said.
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        // The version says nothing in any language; only a failure to
        // write it is said, in the interface's.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => {
            let lang = i18n::detect(i18n::lang_in_args(std::env::args_os()), &term::real_env);
            crate::front::help_en::exit_with(e, lang)
        }
        Err(_) => {
            let lang = i18n::detect(i18n::lang_in_args(std::env::args_os()), &term::real_env);
            let e = match crate::front::help_en::command(lang).try_get_matches() {
                Ok(m) => match Cli::from_arg_matches(&m) {
                    Ok(cli) => return cli,
                    Err(e) => e,
                },
                Err(e) => e,
            };
            crate::front::help_en::exit_with(e, lang)
        }
    }
}

/// Runs the command line. Exit codes are decided in one place,
/// [`Error::exit_code`].
pub fn run(cli: Cli) -> Result<(), Error> {
    setup(&cli);
    match cli.command {
        None => {
            if cli.run.save_answers.as_deref() == Some(std::path::Path::new("-")) {
                return Err(Error::Usage(msg::save_to_stdout()));
            }
            let loaded = match &cli.run.answers {
                Some(path) => answers::read(path)?,
                None => answers::Loaded::default(),
            };
            // With an answers file and the built-in content, only the
            // questionnaires the answers need are decoded, without the texts
            // only a prompt shows, until a question must be asked.
            let lean = cli.run.answers.is_some() && cli.global.questionnaires.is_empty();
            let bundle = if lean && shows_changes(&cli.run) {
                // What would change walks other answers into other
                // questionnaires: the whole content, decoded once.
                Bundle::builtin_lean()?
            } else if lean {
                let start = cli
                    .run
                    .start
                    .as_deref()
                    .or(loaded.file.questionnaire.as_deref());
                Bundle::builtin_lean_for(start, loaded.file.answers.keys().map(String::as_str))?
            } else {
                load(&cli.global.questionnaires)?
            };
            // Kept for the whole process, which ends right after: freeing
            // its thousands of strings one by one would cost more than the
            // decision itself.
            decide(Box::leak(Box::new(bundle)), &cli.run, loaded)
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
    // The message quotes the input (ids, values, a line of the file):
    // its control characters are escaped.
    tell(&format!("{prefix}: {}", escape(&e.to_string())));
}

/// Decides, once and before anything is printed, the interface language
/// and the colours of stdout and stderr.
fn setup(cli: &Cli) {
    i18n::set(i18n::detect(cli.global.lang, &term::real_env));
    term::apply_colors(cli.global.color, &term::real_env);
    let plain_flag = cli.run.plain
        || matches!(&cli.command, Some(crate::front::cli::Command::Documents(d)) if d.plain);
    crate::front::io::set_plain_messages(plain_flag || term::wants_plain(&term::real_env));
}

/// The main command: evaluate answers, ask what is missing, print the
/// decision.
fn decide(bundle: &'static Bundle, args: &RunArgs, loaded: answers::Loaded) -> Result<(), Error> {
    let file = &loaded.file;
    let start_id = args.start.as_deref().or(file.questionnaire.as_deref());
    let mut given = file.answers.clone();
    let attempt = |bundle: &'static Bundle| {
        engine::find_questionnaire(bundle, start_id)
            .map(|q| (q, engine::evaluate(bundle, q, &given)))
    };
    let found = attempt(bundle);
    // A walk that left the questionnaires decoded for these answers is
    // done once more, on the whole content.
    let (bundle, found) = if bundle.is_partial() && !matches!(found, Ok((_, Ok(_)))) {
        let whole: &'static Bundle = Box::leak(Box::new(Bundle::builtin_lean()?));
        (whole, attempt(whole))
    } else {
        (bundle, found)
    };
    let (questionnaire, evaluation) = found.map_err(|e| match args.start {
        // A questionnaire named on the command line has no place in the file.
        Some(_) => Error::Answers(vec![e]),
        None => loaded.locate(vec![e]),
    })?;
    // Before the answers' own errors: a refused answer may be why.
    warn_drift(bundle, questionnaire, &loaded, args)?;
    let evaluation = evaluation.map_err(|e| loaded.locate(e))?;
    // After a plain session, the decision keeps its ASCII glyphs.
    let (decision, plain_session, session) = match evaluation {
        Evaluation::Done(d) => (*d, false, None),
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
            let d = interactive(bundle, questionnaire, &mut given, &file.fields, args, how)?;
            // The result starts apart from the questions.
            say("\n");
            (d, how == Interaction::Plain, Some(how))
        }
    };
    // A save that fails does not lose the decision: the answers go to a
    // file of their own, and the error saying so comes after the decision.
    let not_saved = match &args.save_answers {
        Some(path) => match save(bundle, path, questionnaire, &given, &file.fields) {
            Ok(()) => {
                say_line(&i18n::texts().saved(&escape(&path.display().to_string())));
                None
            }
            Err(e) => Some(e),
        },
        None => None,
    };
    warn_unused(&decision);
    // Worked out only where it is shown (the text has it under --detail),
    // on the whole content: other answers lead to other questionnaires.
    let mut decision = decision;
    if shows_changes(args) && crate::core::change::worth_working_out(decision.path.len()) {
        let (whole, q) = whole(bundle, questionnaire)?;
        decision.what_would_change = Some(crate::core::change::what_would_change(whole, q, &given));
    }
    if let Err(e) = print(&decision, args, plain_session, &file.fields) {
        if let Some(not_saved) = &not_saved {
            report_error(not_saved);
        }
        return Err(e);
    }
    if let Some(e) = not_saved {
        return Err(e);
    }
    // Once the decision is read, its documents are offered.
    match session {
        Some(how) => {
            let answered = AnswersFile {
                questionnaire: Some(questionnaire.id.clone()),
                // Saved again with the fields: with what was saved above.
                given_against: Some(stamp::stamp(bundle, questionnaire, &given)),
                answers: given,
                ..file.clone()
            };
            let save_to = args.save_answers.as_deref();
            match crate::front::documents::offer(bundle, &decision, &answered, save_to, how) {
                // Ctrl-C at the offer: the terminal restored, as in a session.
                Err(Error::Interrupted) => interrupt::exit(),
                other => other,
            }
        }
        None => Ok(()),
    }
}

/// Runs a session on the terminal. On Ctrl-C (or Ctrl-D at a terminal)
/// the answers given so far are saved when `--save-answers` was given,
/// and the process ends with 130.
fn interactive(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    given: &mut BTreeMap<String, Answer>,
    fields: &BTreeMap<String, String>,
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
        fields,
        bundle.asked_ids().map(str::to_owned).collect(),
        !plain,
    );
    let intro = prompt::intro(&questionnaire.title, plain, save_to.as_deref(), texts);
    if plain {
        // No wrapping: a screen reader reads each line break aloud.
        say(&intro);
    } else {
        say_line(&prompt::wrap_to(&console::Term::stderr(), &intro));
    }
    let initial = given.clone();
    interrupt::record(stamp::stamp(bundle, questionnaire, given));
    // Each change recorded (and with --save-answers, saved) as it is made.
    let mut session = Session::new(bundle, questionnaire, std::mem::take(given)).observe(|a| {
        interrupt::record(stamp::stamp(bundle, questionnaire, a));
        interrupt::publish(a);
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
            // too early): it can be completed and resumed. Nothing typed
            // leaves an existing file as it was.
            if let Some(path) = &args.save_answers
                && interrupt::worth_saving(path, &initial, given)
                && let Err(not_saved) = save(bundle, path, questionnaire, given, fields)
            {
                report_error(&not_saved);
            }
            Err(e)
        }
        ok => ok,
    }
}

/// Saves the answers, with the free-text fields the file already had.
fn save(
    bundle: &Bundle,
    path: &std::path::Path,
    questionnaire: &Questionnaire,
    given: &BTreeMap<String, Answer>,
    fields: &BTreeMap<String, String>,
) -> Result<(), Error> {
    let stamp = stamp::stamp(bundle, questionnaire, given);
    if fields.is_empty() {
        let order: Vec<String> = bundle.asked_ids().map(str::to_owned).collect();
        return interrupt::save(
            path,
            &questionnaire.id,
            given,
            &BTreeMap::new(),
            &order,
            Some(&stamp),
        );
    }
    let file = AnswersFile {
        questionnaire: Some(questionnaire.id.clone()),
        answers: given.clone(),
        fields: fields.clone(),
        given_against: Some(stamp),
        ..AnswersFile::default()
    };
    answers::save(path, &file, &bundle.asked_ids().collect::<Vec<_>>())
}

/// Whether the decision printed for `args` says what would change it
/// (the text has it under --detail).
fn shows_changes(args: &RunArgs) -> bool {
    match args.format {
        Format::Json | Format::Markdown | Format::Html => true,
        Format::Text => args.detail,
        Format::Link => false,
    }
}

/// The whole content and `questionnaire` in it, when `bundle` holds only
/// the questionnaires the answers needed (see [`Bundle::is_partial`]).
fn whole<'b>(
    bundle: &'b Bundle,
    questionnaire: &'b Questionnaire,
) -> Result<(&'b Bundle, &'b Questionnaire), Error> {
    if !bundle.is_partial() {
        return Ok((bundle, questionnaire));
    }
    let whole: &'static Bundle = Box::leak(Box::new(Bundle::builtin_lean()?));
    let q = whole
        .questionnaire(&questionnaire.id)
        .ok_or_else(|| Error::Other(anyhow::anyhow!("questionnaire « {} »", questionnaire.id)))?;
    Ok((whole, q))
}

/// An answers file saved against other content than this: what changed
/// for it, on stderr; with `--strict`, an error (exit 2).
fn warn_drift(
    bundle: &Bundle,
    questionnaire: &Questionnaire,
    loaded: &answers::Loaded,
    args: &RunArgs,
) -> Result<(), Error> {
    let Some(given) = loaded.file.given_against.as_ref() else {
        return Ok(());
    };
    // The questionnaires it went through may not all be decoded.
    let (bundle, questionnaire) = whole(bundle, questionnaire)?;
    let drift = stamp::drift(bundle, questionnaire, &loaded.file);
    if drift.is_empty() {
        return Ok(());
    }
    let text = output::stamp::drift(&drift, &loaded.name, given);
    if args.strict {
        return Err(Error::Usage(text));
    }
    // The file's name, ids and versions come from the file: escaped.
    let t = i18n::texts();
    tell(&format!(
        "{}: {}",
        console::style(t.warning).for_stderr().yellow().bold(),
        escape(&text)
    ));
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
        say_line(&format!(
            "{}: {} {}",
            console::style(t.warning).for_stderr().yellow().bold(),
            t.unused_answers,
            escape(&d.unused_answers.join(", "))
        ));
    }
}

/// Prints the decision; after a plain session, with the same ASCII
/// glyphs as the questions.
fn print(
    d: &Decision,
    args: &RunArgs,
    plain_session: bool,
    fields: &BTreeMap<String, String>,
) -> Result<(), Error> {
    let plain = args.plain || plain_session;
    let look = Look {
        texts: i18n::texts(),
        glyphs: term::result_glyphs(plain, &term::real_env),
        width: result_width(plain),
        detail: args.detail,
    };
    // Control characters from the input are escaped for people; JSON
    // escapes them by itself.
    let out = match args.format {
        Format::Text => output::text::text(&output::escaped::escaped(d), look),
        Format::Json => output::json::json(d),
        Format::Markdown => output::markdown::markdown(&output::escaped::escaped(d), look.texts),
        Format::Link => output::link::links(&output::escaped::escaped(d), args.detail),
        // Control characters shown, then every text escaped for HTML.
        Format::Html => {
            let d = output::escaped::escaped(d);
            let today = Some(crate::front::io::today().to_string());
            let case = output::html::Case::from_fields(&d, fields, today);
            output::html::report(&d, &case)
        }
    };
    let stdout = console::Term::stdout();
    let long = matches!(args.format, Format::Text | Format::Markdown)
        && stdout.is_term()
        && crate::front::pager::too_long(&out, stdout.size().0 as usize);
    if !long {
        return write_stdout(&out);
    }
    let paged = match crate::front::pager::command(&term::real_env) {
        Some(words) if !args.no_pager => crate::front::pager::show(&out, &words)?,
        _ => false,
    };
    if !paged {
        write_stdout(&out)?;
    }
    // The verdict again, last: the screen left after a long decision
    // still says the result.
    let verdict = output::text::verdict(&output::escaped::escaped(d), look);
    write_stdout(&format!("\n{verdict}\n"))
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

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// `--save-answers -`: not a file named `-`, and not the standard
        /// output either, which the decision already uses.
        fn save_to_stdout() {
            fr: "--save-answers - : la sortie standard reçoit déjà la décision, les réponses n'y sont pas écrites ; donnez un nom de fichier (--save-answers reponses.json, ou ./- pour un fichier nommé « - »)",
            en: "--save-answers -: the standard output already carries the decision, the answers are not written there; give a file name (--save-answers answers.json, or ./- for a file named « - »)",
        }
    }
}
