//! The command-line help in English: the clap definitions (in French, in
//! `cli.rs`) are rewritten at run time when the interface is English.
//! Arguments and commands not listed here keep their French help, so a
//! new flag never breaks `--help`.

use clap::{Arg, Command, CommandFactory};

use crate::front::cli::{Cli, Lang};

const ABOUT: &str = "Decision assistant for French public bodies: data, algorithms, source \
code. It asks the questions the law raises and ends with what you must do, what you may do, \
why (the article) and the Etalab guide to read. Legal content is in French.";

const AFTER_HELP: &str = "\
Exit codes:
  0    a decision was printed (or the command succeeded)
  1    unexpected error
  2    bad usage or invalid input (answers, questionnaire)
  130  interrupted (Ctrl-C)
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
  aiguillage batch inventory.csv               decide a whole inventory (CSV or JSONL)";

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
        "detail" => {
            "Detailed decision (text): adds « What would change the result », the other \
             answers that lead elsewhere. JSON and Markdown always have it."
        }
        "skeleton" => "Print an answers file to fill in.",
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
    let cmd = Cli::command();
    match lang {
        Lang::En => english(cmd),
        Lang::Fr => cmd,
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
