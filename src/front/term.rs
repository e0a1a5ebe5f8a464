//! What the terminal can do, decided once at start: colours for each
//! stream, the kind of prompts (none, plain numbered lines, or the
//! arrow-key menus), and the glyphs to draw with.
//!
//! Every decision is a pure function of the flags, of whether the streams
//! are terminals and of the environment (passed as a lookup), so tests
//! cover each case without a terminal.

use crate::front::cli::ColorChoice;
pub use crate::text::glyphs::{ASCII, Glyphs, UNICODE};

/// Looks up an environment variable; tests pass a fixed table.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The real environment.
pub fn real_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn set_and_not(env: Env<'_>, name: &str, off: &str) -> bool {
    env(name).is_some_and(|v| !v.is_empty() && v != off)
}

/// Whether to colour one stream.
///
/// `always`/`never` win. With `auto`: `NO_COLOR` (any non-empty value)
/// turns colours off, `CLICOLOR_FORCE` (non-empty, not `0`) turns them
/// on, `CLICOLOR=0` turns them off; otherwise colours go to a terminal
/// whose `TERM` is not `dumb`.
pub fn colors_for(choice: ColorChoice, is_terminal: bool, env: Env<'_>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set_and_not(env, "NO_COLOR", "") {
                false
            } else if set_and_not(env, "CLICOLOR_FORCE", "0") {
                true
            } else if env("CLICOLOR").as_deref() == Some("0") {
                false
            } else {
                is_terminal && env("TERM").as_deref() != Some("dumb")
            }
        }
    }
}

/// Decides colours once, for stdout (results) and stderr (prompts,
/// messages, errors), and tells `console`, which every style goes through.
pub fn apply_colors(choice: ColorChoice, env: Env<'_>) {
    use std::io::IsTerminal;
    console::set_colors_enabled(colors_for(choice, std::io::stdout().is_terminal(), env));
    console::set_colors_enabled_stderr(colors_for(choice, std::io::stderr().is_terminal(), env));
}

/// How questions can be asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interaction {
    /// No prompt at all: missing answers are an error that names
    /// `--answers`.
    None,
    /// Numbered choices, one line read from stdin per answer: no redraw,
    /// no arrow keys, no cursor tricks (screen readers, dumb terminals,
    /// scripts that pipe their answers with `--plain`).
    Plain,
    /// Arrow-key menus (dialoguer) on the terminal.
    Menus,
}

/// What the streams are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streams {
    pub stdin_terminal: bool,
    pub stderr_terminal: bool,
}

impl Streams {
    pub fn real() -> Streams {
        use std::io::IsTerminal;
        Streams {
            stdin_terminal: std::io::stdin().is_terminal(),
            stderr_terminal: std::io::stderr().is_terminal(),
        }
    }
}

/// `ACCESSIBLE=1` or `TERM=dumb`: the user asked for plain prompts.
pub fn wants_plain(env: Env<'_>) -> bool {
    set_and_not(env, "ACCESSIBLE", "0") || env("TERM").as_deref() == Some("dumb")
}

/// Decides how to ask.
///
/// - `--no-input` never asks.
/// - `--plain` given explicitly reads numbered answers from stdin, even
///   when stdin is a pipe: a deliberate choice (scripts, assistive tools).
/// - Otherwise prompts need a terminal on stdin and stderr; without one,
///   nothing is asked (never hang on a terminal that is not there).
/// - With terminals, `ACCESSIBLE=1` or `TERM=dumb` choose the plain mode.
pub fn interaction(no_input: bool, plain: bool, streams: Streams, env: Env<'_>) -> Interaction {
    if no_input {
        Interaction::None
    } else if plain {
        Interaction::Plain
    } else if !streams.stdin_terminal || !streams.stderr_terminal {
        Interaction::None
    } else if wants_plain(env) {
        Interaction::Plain
    } else {
        Interaction::Menus
    }
}

/// True when the character set is UTF-8, from the first non-empty of
/// `LC_ALL`, `LC_CTYPE`, `LANG`.
fn utf8_locale(env: Env<'_>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// ASCII glyphs for the prompts in plain mode or without a UTF-8 locale.
pub fn prompt_glyphs(plain: bool, env: Env<'_>) -> &'static Glyphs {
    if plain || !utf8_locale(env) {
        &ASCII
    } else {
        &UNICODE
    }
}

/// Glyphs of the decision. Kept stable (Unicode) so that results do not
/// change with the environment, except in the plain, accessible mode
/// (`--plain`, `ACCESSIBLE=1`, or after a session in plain mode — the
/// caller passes `plain` true then).
pub fn result_glyphs(plain_flag: bool, env: Env<'_>) -> &'static Glyphs {
    if plain_flag || set_and_not(env, "ACCESSIBLE", "0") {
        &ASCII
    } else {
        &UNICODE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::env;

    const TTY: Streams = Streams {
        stdin_terminal: true,
        stderr_terminal: true,
    };
    const PIPE: Streams = Streams {
        stdin_terminal: false,
        stderr_terminal: true,
    };

    #[test]
    fn colour_flags_win_then_no_color_then_clicolor_force() {
        let none = env(&[]);
        assert!(colors_for(ColorChoice::Always, false, &none));
        assert!(!colors_for(ColorChoice::Never, true, &none));
        assert!(colors_for(ColorChoice::Auto, true, &none));
        assert!(!colors_for(ColorChoice::Auto, false, &none));
        let no = env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]);
        assert!(!colors_for(ColorChoice::Auto, true, &no));
        assert!(colors_for(ColorChoice::Always, true, &no));
        let empty_no = env(&[("NO_COLOR", "")]);
        assert!(colors_for(ColorChoice::Auto, true, &empty_no));
        let force = env(&[("CLICOLOR_FORCE", "1")]);
        assert!(colors_for(ColorChoice::Auto, false, &force));
        let force0 = env(&[("CLICOLOR_FORCE", "0")]);
        assert!(!colors_for(ColorChoice::Auto, false, &force0));
        assert!(!colors_for(
            ColorChoice::Auto,
            true,
            &env(&[("CLICOLOR", "0")])
        ));
        assert!(!colors_for(
            ColorChoice::Auto,
            true,
            &env(&[("TERM", "dumb")])
        ));
    }

    #[test]
    fn no_prompt_without_terminals_unless_plain_is_asked() {
        let none = env(&[]);
        assert_eq!(interaction(false, false, PIPE, &none), Interaction::None);
        let no_stderr = Streams {
            stdin_terminal: true,
            stderr_terminal: false,
        };
        assert_eq!(
            interaction(false, false, no_stderr, &none),
            Interaction::None
        );
        assert_eq!(interaction(false, true, PIPE, &none), Interaction::Plain);
        assert_eq!(interaction(true, true, TTY, &none), Interaction::None);
        assert_eq!(interaction(false, false, TTY, &none), Interaction::Menus);
    }

    #[test]
    fn dumb_terminal_and_accessible_choose_plain_mode() {
        let dumb = env(&[("TERM", "dumb")]);
        assert_eq!(interaction(false, false, TTY, &dumb), Interaction::Plain);
        let acc = env(&[("ACCESSIBLE", "1")]);
        assert_eq!(interaction(false, false, TTY, &acc), Interaction::Plain);
        let acc0 = env(&[("ACCESSIBLE", "0")]);
        assert_eq!(interaction(false, false, TTY, &acc0), Interaction::Menus);
        // Not a terminal: the environment does not make prompts possible.
        assert_eq!(interaction(false, false, PIPE, &dumb), Interaction::None);
    }

    #[test]
    fn ascii_glyphs_without_utf8_or_in_plain_mode() {
        let utf8 = env(&[("LANG", "fr_FR.UTF-8")]);
        assert_eq!(prompt_glyphs(false, &utf8), &UNICODE);
        assert_eq!(prompt_glyphs(true, &utf8), &ASCII);
        assert_eq!(prompt_glyphs(false, &env(&[("LANG", "C")])), &ASCII);
        let lc_all = env(&[("LC_ALL", "fr_FR.ISO-8859-1"), ("LANG", "fr_FR.UTF-8")]);
        assert_eq!(prompt_glyphs(false, &lc_all), &ASCII);
        assert_eq!(result_glyphs(false, &env(&[])), &UNICODE);
        assert_eq!(result_glyphs(false, &env(&[("ACCESSIBLE", "1")])), &ASCII);
    }
}
