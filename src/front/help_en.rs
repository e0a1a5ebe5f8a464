//! The command-line help and usage errors in the interface language. The
//! clap definitions (in French, in `cli.rs`) are rewritten at run time: in
//! English when the interface is; in both languages, clap's own words
//! (« Print help », « [default: …] », « Possible values », « Usage: », its
//! error messages) are replaced by ours. Arguments and commands not listed
//! here keep their French help, so a new flag never breaks `--help`.

use clap::{Arg, Command, CommandFactory};

use crate::front::cli::{Cli, Lang};

const ABOUT: &str = "Decision assistant for French public bodies: data, algorithms, source \
code. It asks the questions the law raises and ends with what you must do, what you may do, \
why (the article) and the Etalab guide to read. Legal content is in French.";

const AFTER_HELP: &str = "\
Exit codes:
  0    a decision was printed (or the command succeeded)
  1    unexpected error, output that cannot be written, answers not saved
  2    bad usage or invalid input (answers, questionnaire)
  129  terminal closed during a session (SIGHUP)
  130  interrupted (Ctrl-C)
  131  stopped during a session (SIGQUIT)
  143  stopped during a session (SIGTERM)
Exception: « aiguillage diff » exits with 1 when the content changes something (like
diff), 0 otherwise.

Interactive keys: arrows and Enter; « Help » entry for definitions; « Back » entry or Esc
for the previous question; a review lets you change any answer before the result. Plain
mode (--plain, TERM=dumb, ACCESSIBLE=1): type a number, ? for help, < to go back.

Examples:
  aiguillage                                   interactive session
  aiguillage --answers case.json               decision from an answers file
  aiguillage --answers case.json --format json the decision as JSON
  aiguillage --answers case.json --format link the link of the recommended guide
  aiguillage --save-answers case.json          save the answers, also on Ctrl-C
  aiguillage questions --skeleton              an answers file to fill in
  aiguillage batch inventory.csv               decide a whole inventory (CSV or JSONL)
  aiguillage documents --answers case.json --out drafts/
                                               the documents the decision calls for";

const DIFF_AFTER_HELP: &str = "\
Exit codes (like diff, an exception to the general contract):
  0    no path changes
  1    at least one path changes its outcome, verdict or findings
  2    bad usage or invalid questionnaire";

/// English help of the main command's arguments, by id.
fn arg_help(id: &str) -> Option<&'static str> {
    Some(match id {
        "questionnaires" => {
            "Questionnaire(s) to use instead of the built-in ones: a .toml file or a folder \
             (repeatable)."
        }
        "color" => {
            "Colours: auto (from the terminal, NO_COLOR and CLICOLOR_FORCE), always or never."
        }
        "lang" => "Interface language (legal content stays in French). Default: from LANG.",
        "answers" => {
            "JSON answers file (« - » for standard input). Questions without an answer are \
             asked when a terminal is available."
        }
        "start" => "Questionnaire to start from (default: the answers file's, else « accueil »).",
        "format" => "Output format.",
        "no_input" => "Never ask: fail, naming the first missing answer.",
        "save_answers" => {
            "Save the answers given to this file (also on Ctrl-C), to resume with --answers, \
             with the versions of the questionnaires and a hash of the content that decided."
        }
        "plain" => {
            "Plain mode: numbered choices, no arrow keys, no redraw (screen readers, limited \
             terminals); reads answers from standard input, even from a pipe. Also with \
             TERM=dumb or ACCESSIBLE=1 at a terminal."
        }
        "strict" => {
            "Refuse (exit 2) an answers file saved against other versions of the \
             questionnaires, instead of warning."
        }
        "skeleton" => "Print an answers file to fill in.",
        "detail" => {
            "The decision in full: whole findings, notes, caveats on the texts, every guide and \
             what would change the result (by default, a brief decision; Markdown and JSON are \
             always complete)."
        }
        "files" => "Files or folders to check.",
        "questionnaire" => "Questionnaire (default: see above).",
        "id" => "A guide or chapter (e.g. « algorithmes/mention »): print only its link.",
        "kind" => "The file format.",
        "shell" => "The shell.",
        "input" => "Input format (default: from the file's extension, else its first character).",
        "stale_after" => "Warn on a legal reference checked (`checked`) more than DAYS days ago.",
        "today" => {
            "Today's date for --stale-after (YYYY-MM-DD; default: the clock's), for a result \
             that does not depend on the day."
        }
        "legi" => {
            "The LEGI data of a code, in the form of the npm package @socialgouv/legi-data \
             (data/LEGITEXT….json; repeatable): every cited article of that code whose link \
             is a past, repealed or unknown version is reported."
        }
        "old" => "The old version: a .toml file or a folder of questionnaires.",
        "new" => "The new version: a .toml file or a folder.",
        "delimiter" => "CSV column separator: « , », « ; » or « tab » (default: from the header).",
        "out" => "Folder to write the documents to (created if missing).",
        "force" => "Replace the files that already exist.",
        "addr" => {
            "Address and port to listen on. An address other than 127.0.0.1 or ::1 opens the \
             server to the other machines of the network: see docs/serve.md."
        }
        "log" => {
            "Log each request on stderr: method, page, status and duration, never the answers \
             (neither the full address nor the content of an upload)."
        }
        _ => return None,
    })
}

fn command_about(name: &str) -> Option<&'static str> {
    Some(match name {
        "guides" => "The guides of the catalogue and their links (or the link of one guide).",
        "questions" => {
            "Every question, its id and its allowed values: the reference for writing an \
             answers file."
        }
        "check" => "Check questionnaires (default: the built-in ones).",
        "paths" => "Every path of a questionnaire, with its outcome and findings.",
        "graph" => "Draw a questionnaire (Mermaid or Graphviz DOT).",
        "schema" => "The JSON Schema of questionnaires, answers files or the JSON decision.",
        "completions" => "Completion script for a shell.",
        "man" => "The manual page (roff).",
        "batch" => {
            "Decide a whole inventory: one JSONL line (an answers file) or one CSV row (header: \
             question ids) per case; one record per case on stdout, in order. A case that \
             cannot be decided does not stop the run: its record carries the error, and the \
             exit code is 2 at the end."
        }
        "diff" => {
            "What a change of the content changes for its users: every path whose outcome, \
             verdict or findings change between two copies of the questionnaires, grouped by \
             change, with the answers that lead there."
        }
        "documents" => {
            "Write to a folder the documents the decision calls for (mention explicite, \
             inventory entry, publiccode.yml…) and its HTML report. They stay in French."
        }
        "serve" => {
            "A local web server on the same trees: the questions and the decision in a \
             browser, one decision per address (the answers are in the address: the server \
             keeps nothing). Listens on loopback by default; see docs/serve.md for an intranet."
        }
        "help" => "Print this message or the help of the given subcommand(s).",
        _ => return None,
    })
}

fn translate_arg(a: Arg) -> Arg {
    let a = match a.get_value_names() {
        Some([name]) if name.as_str() == "FICHIER" => a.value_name("FILE"),
        Some([name]) if name.as_str() == "CHEMIN" => a.value_name("PATH"),
        Some([name]) if name.as_str() == "JOURS" => a.value_name("DAYS"),
        Some([name]) if name.as_str() == "ANCIEN" => a.value_name("OLD"),
        Some([name]) if name.as_str() == "NOUVEAU" => a.value_name("NEW"),
        Some([name]) if name.as_str() == "DOSSIER" => a.value_name("DIR"),
        Some([name]) if name.as_str() == "ADRESSE" => a.value_name("ADDRESS"),
        _ => a,
    };
    match arg_help(a.get_id().as_str()) {
        Some(h) => a.help(h).long_help(None::<&str>),
        None => a,
    }
}

/// The command definitions, with their help in `lang`: `--help`, the man
/// page and the completions all come from here.
pub fn command(lang: Lang) -> Command {
    let cmd = match lang {
        Lang::En => english(Cli::command()),
        Lang::Fr => Cli::command(),
    };
    own_words(cmd, lang)
}

/// clap's own words, said in `lang`: the help and version flags, the
/// headings, the possible and default values (written into each
/// argument's help instead of clap's English brackets).
fn own_words(mut cmd: Command, lang: Lang) -> Command {
    let w = Words::of(lang);
    cmd.build();
    fn fix(cmd: Command, w: &Words, top: bool) -> Command {
        let cmd = cmd
            .help_template(w.template)
            .subcommand_help_heading(w.commands)
            .subcommand_value_name(w.command)
            .mut_args(|a| {
                let heading = if a.is_positional() {
                    w.arguments
                } else {
                    w.options
                };
                with_values(a, w).help_heading(heading)
            });
        let cmd = if cmd.get_arguments().any(|a| a.get_id() == "help") {
            cmd.mut_arg("help", |a| a.help(w.help).long_help(None::<&str>))
        } else {
            cmd
        };
        let cmd = if top && cmd.get_arguments().any(|a| a.get_id() == "version") {
            cmd.mut_arg("version", |a| a.help(w.version))
        } else {
            cmd
        };
        let cmd = if cmd.find_subcommand("help").is_some() {
            cmd.mut_subcommand("help", |s| s.about(w.help_command))
        } else {
            cmd
        };
        cmd.mut_subcommands(|s| fix(s, w, false))
    }
    fix(cmd, &w, true)
}

/// An argument's possible and default values, in the words of `w`, at
/// the end of its help.
fn with_values(a: Arg, w: &Words) -> Arg {
    if a.is_hide_set() {
        return a;
    }
    let values: Vec<String> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| match v.get_help() {
                Some(h) => format!(
                    "{} ({})",
                    v.get_name(),
                    value_help(v.get_name(), &h.to_string(), w)
                ),
                None => v.get_name().to_owned(),
            })
            .collect()
    };
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && (defaults.is_empty() || a.is_hide_default_value_set()) {
        return a;
    }
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let end = help.trim_end_matches(['.', ' ']).len();
    help.truncate(end);
    if !values.is_empty() {
        help.push_str(&format!(". {} {}", w.values, values.join(", ")));
    }
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        help.push_str(&format!(". {} {}", w.default, defaults.join(", ")));
    }
    help.push('.');
    a.help(help)
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// The help of a possible value in `w`'s language: the clap definitions
/// give it in French.
fn value_help(name: &str, french: &str, w: &Words) -> String {
    if w.lang == Lang::Fr {
        return french.trim_end_matches('.').to_owned();
    }
    match name {
        "text" if french.starts_with("Texte") => {
            "readable text, in colour when the terminal allows"
        }
        "json" if french.contains("JSON") => {
            "the whole decision in JSON (stable format, see README)"
        }
        "markdown" => "Markdown, for a ticket or a note",
        "link" => "only the link of the recommended guide",
        _ => return french.trim_end_matches('.').to_owned(),
    }
    .to_owned()
}

/// Shows clap's outcome and exits: the help or the version as asked
/// (exit 0), or a usage error in the interface language (exit 2), with
/// the usage line and how to get the help.
pub fn exit_with(e: clap::Error, lang: Lang) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // clap's own exit would say 0 when the help cannot be written
        // (stdout full): a write error is 1, said on stderr; a reader
        // that has gone (`| head`) is no error.
        match e.print() {
            Err(failed) if !e.use_stderr() && failed.kind() != std::io::ErrorKind::BrokenPipe => {
                crate::text::i18n::set(lang);
                let why =
                    crate::front::error::Error::write(crate::front::io::msg::stdout(), &failed);
                let t = crate::text::i18n::Texts::of(lang);
                let label = console::style(t.error).for_stderr().red().bold();
                crate::front::io::say_line(&format!("{label}: {why}"));
                std::process::exit(1)
            }
            _ => std::process::exit(e.exit_code()),
        }
    }
    let Some(message) = usage_error(&e, lang) else {
        e.exit()
    };
    let t = crate::text::i18n::Texts::of(lang);
    let label = console::style(t.error).for_stderr().red().bold();
    let hint = match lang {
        Lang::Fr => "Pour l'aide : aiguillage --help",
        Lang::En => "For help: aiguillage --help",
    };
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("{label}: {message}\n{hint}\n").as_bytes(),
    );
    std::process::exit(2)
}

/// clap's usage error in `lang`, from its kind and context; `None` for a
/// kind not said here (clap's own message is shown then).
fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.escape_default().to_string()),
        Some(ContextValue::Strings(v)) if k == ContextKind::ValidValue => Some(v.join(", ")),
        // The closest suggestion comes last.
        Some(ContextValue::Strings(v)) => v.last().cloned(),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let tip = |k: ContextKind| {
        get(k).map(|s| match lang {
            Lang::Fr => format!(" — vouliez-vous dire « {s} » ?"),
            Lang::En => format!(" — did you mean « {s} »?"),
        })
    };
    let fr = lang == Lang::Fr;
    Some(match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue).unwrap_or_default();
            let tip = tip(ContextKind::SuggestedValue).unwrap_or_default();
            if fr {
                format!("valeur « {value} » refusée pour {arg}{tip} (valeurs permises : {valid})")
            } else {
                format!("value « {value} » is not allowed for {arg}{tip} (allowed values: {valid})")
            }
        }
        ErrorKind::UnknownArgument => {
            let tip = tip(ContextKind::SuggestedArg).unwrap_or_default();
            if fr {
                format!("option inconnue « {arg} »{tip}")
            } else {
                format!("unknown option « {arg} »{tip}")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            let tip = tip(ContextKind::SuggestedSubcommand).unwrap_or_default();
            if fr {
                format!("commande inconnue « {name} »{tip}")
            } else {
                format!("unknown command « {name} »{tip}")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            if fr {
                format!("il manque {arg}")
            } else {
                format!("{arg} is missing")
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            if fr {
                format!("{arg} ne va pas avec {prior}")
            } else {
                format!("{arg} cannot be used with {prior}")
            }
        }
        ErrorKind::ValueValidation => {
            if fr {
                format!("valeur « {value} » refusée pour {arg}")
            } else {
                format!("value « {value} » is not allowed for {arg}")
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            if fr {
                format!("nombre de valeurs inattendu pour {arg}")
            } else {
                format!("unexpected number of values for {arg}")
            }
        }
        ErrorKind::NoEquals => {
            if fr {
                format!("{arg} demande « = » avant sa valeur")
            } else {
                format!("{arg} needs « = » before its value")
            }
        }
        _ => return None,
    })
}

/// clap's words, in one language.
struct Words {
    lang: Lang,
    template: &'static str,
    /// Headings: clap adds the colon, so French ones end with the space
    /// French typography puts before it.
    commands: &'static str,
    options: &'static str,
    arguments: &'static str,
    command: &'static str,
    help: &'static str,
    version: &'static str,
    help_command: &'static str,
    values: &'static str,
    default: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Fr => Words {
                lang,
                template: "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}",
                commands: "Commandes ",
                options: "Options ",
                arguments: "Arguments ",
                command: "COMMANDE",
                help: "Affiche l'aide",
                version: "Affiche la version",
                help_command: "Affiche l'aide de la commande nommée",
                values: "Valeurs :",
                default: "Par défaut :",
            },
            Lang::En => Words {
                lang,
                template: "{before-help}{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
                commands: "Commands",
                options: "Options",
                arguments: "Arguments",
                command: "COMMAND",
                help: "Print help",
                version: "Print version",
                help_command: "Print the help of the named command",
                values: "Values:",
                default: "Default:",
            },
        }
    }
}

/// `cmd` with its help in English.
fn english(cmd: Command) -> Command {
    cmd.about(ABOUT)
        .long_about(None::<&str>)
        .after_help(AFTER_HELP)
        .mut_args(translate_arg)
        .mut_subcommands(|sub| {
            let sub = match command_about(sub.get_name()) {
                Some(about) => sub.about(about).long_about(None::<&str>),
                None => sub,
            };
            let sub = match sub.get_name() {
                "diff" => sub.after_help(DIFF_AFTER_HELP),
                _ => sub,
            };
            sub.mut_args(translate_arg)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_help_is_consistent_and_english() {
        let mut cmd = english(Cli::command());
        cmd.clone().debug_assert();
        let help = cmd.render_long_help().to_string();
        assert!(help.contains("Decision assistant"), "{help}");
        assert!(help.contains("Save the answers given"), "{help}");
        assert!(help.contains("130  interrupted"), "{help}");
        assert!(!help.contains("Enregistrer les réponses"), "{help}");
    }
}
