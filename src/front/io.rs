//! What the front ends read and write around a run: the content the
//! user points to, and standard output.

use std::io::Write;

use crate::core::catalog::Bundle;
use crate::front::error::Error;

/// The built-in bundle, or the one from `--questionnaire`.
pub fn load(paths: &[std::path::PathBuf]) -> Result<Bundle, Error> {
    if paths.is_empty() {
        Ok(Bundle::builtin()?)
    } else {
        Ok(Bundle::from_paths(paths)?)
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(s: &str) -> Result<(), Error> {
    let mut out = Stdout::new();
    out.write(s)?;
    out.finish()
}

/// Standard output for a result written piece by piece (`paths` of a
/// tree too big to hold): buffered, and told when the reader has gone.
pub struct Stdout {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout::new()
    }
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock()),
            closed: false,
        }
    }

    /// Writes `s`; `false` once the reader has closed the pipe (`| head`):
    /// the caller stops, and that is not an error.
    pub fn write(&mut self, s: &str) -> Result<bool, Error> {
        if self.closed {
            return Ok(false);
        }
        match self.out.write_all(s.as_bytes()) {
            Ok(()) => Ok(true),
            Err(e) => self.failed(e).map(|()| false),
        }
    }

    /// Flushes what is left.
    pub fn finish(mut self) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        match self.out.flush() {
            Ok(()) => Ok(()),
            Err(e) => self.failed(e),
        }
    }

    fn failed(&mut self, e: std::io::Error) -> Result<(), Error> {
        self.closed = true;
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(Error::write(msg::stdout(), &e))
        }
    }
}

/// Writes a message on stderr. A stderr that cannot be written (full,
/// closed) is not worth stopping for: the message is lost, the run goes
/// on and ends with its own exit code.
pub fn say(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes()).and_then(|()| err.flush());
}

/// [`say`], with a line break.
pub fn say_line(s: &str) {
    say(&format!("{s}\n"));
}

/// Whether messages keep one logical line each (plain mode: `--plain`,
/// `ACCESSIBLE=1`, `TERM=dumb`), decided once at start.
static PLAIN_MESSAGES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Decides, once, whether messages keep one logical line each.
pub fn set_plain_messages(plain: bool) {
    PLAIN_MESSAGES.store(plain, std::sync::atomic::Ordering::Relaxed);
}

/// The columns a message on stderr is wrapped at: the terminal's width
/// (at most 100, for reading ease); `None` in plain mode or when stderr
/// is not a terminal (a screen reader or a log reads one line per
/// message).
pub fn message_width() -> Option<usize> {
    if PLAIN_MESSAGES.load(std::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    let term = console::Term::stderr();
    term.is_term()
        .then(|| (term.size().1 as usize).clamp(30, 100) - 2)
}

/// The one layout of every message: French typography, then each line
/// wrapped at [`message_width`] with a hanging indent for list items. The
/// lines that quote a file under an error (`  --> file:3:7`, `3 | …`,
/// the `^` under the place) are kept as they are.
pub fn layout(s: &str) -> String {
    let s = crate::text::typography::typeset(s);
    let Some(width) = message_width() else {
        return s.into_owned();
    };
    s.split('\n')
        .map(|line| {
            if quotes_a_file(line) {
                line.to_owned()
            } else {
                crate::text::wrap::wrap_lines(line, width)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line of the excerpt of a file under an error: `  --> f:3:7`,
/// `3 | text`, `  |     ^^^`.
fn quotes_a_file(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("--> ")
        || t.starts_with('|')
        || t.split_once(" | ")
            .or_else(|| t.split_once(" |"))
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A message on stderr, through [`layout`], with its line break.
pub fn tell(s: &str) {
    say_line(&layout(s));
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn stdout() { fr: "sortie standard", en: "standard output" }
    }
}

/// Today's date (UTC), from the system clock: `check --stale-after`
/// counts from it unless `--today` says otherwise.
pub fn today() -> crate::core::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::core::date::Date::from_days((secs / 86_400) as i64)
}
