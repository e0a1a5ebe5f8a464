//! Ctrl-C during a session: put the terminal back as it was, save the
//! answers given so far when `--save-answers` was given (so that
//! `--answers FILE` resumes where the user stopped), and exit with 130.
//!
//! Two roads lead here and both call [`exit`]: the `ctrlc` handler (a
//! signal while reading a plain line, or outside any prompt), and the
//! session returning [`Error::Interrupted`](crate::front::error::Error) (the
//! menus read keys in raw mode, see Ctrl-C as a key and report it). The
//! first caller holds the lock until the process ends, so the answers are
//! saved once and the message printed once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use crate::core::model::{Answer, AnswersFile, GivenAgainst};
use crate::front::error::Error;
use crate::text::i18n;

struct Armed {
    save_to: Option<PathBuf>,
    questionnaire: String,
    answers: BTreeMap<String, Answer>,
    /// Question ids in the order the trees ask them, to save in that order.
    order: Vec<String>,
    /// What the answers so far were given against ([`record`]).
    given_against: Option<GivenAgainst>,
    /// The menus hide the cursor while they wait for a key.
    show_cursor: bool,
    #[cfg(unix)]
    termios: Option<libc::termios>,
}

static STATE: Mutex<Option<Armed>> = Mutex::new(None);
static HANDLER: Once = Once::new();

fn state() -> MutexGuard<'static, Option<Armed>> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Prepares for an interruption and installs the Ctrl-C handler (once).
pub fn arm(
    save_to: Option<&Path>,
    questionnaire: &str,
    answers: &BTreeMap<String, Answer>,
    order: Vec<String>,
    show_cursor: bool,
) {
    *state() = Some(Armed {
        save_to: save_to.map(Path::to_path_buf),
        questionnaire: questionnaire.to_owned(),
        answers: answers.clone(),
        order,
        given_against: None,
        show_cursor,
        #[cfg(unix)]
        termios: terminal_settings(),
    });
    HANDLER.call_once(|| {
        // Without a handler, SIGINT would end the process with the cursor
        // hidden and nothing saved; if one cannot be installed, Ctrl-C
        // still reaches the menus as a key.
        let _ = ctrlc::set_handler(|| exit());
    });
}

/// Records the answers as they are now.
pub fn publish(answers: &BTreeMap<String, Answer>) {
    if let Some(armed) = state().as_mut() {
        armed.answers = answers.clone();
    }
}

/// Records what the answers as they are now were given against, to save
/// with them.
pub fn record(given_against: GivenAgainst) {
    if let Some(armed) = state().as_mut() {
        armed.given_against = Some(given_against);
    }
}

/// Restores the terminal, saves the answers if asked, says so, and ends
/// the process with the exit code of [`Error::Interrupted`].
pub fn exit() -> ! {
    let guard = state();
    let t = i18n::texts();
    if let Some(armed) = guard.as_ref() {
        restore(armed);
    }
    eprintln!();
    eprintln!("{}", t.interrupted);
    match guard.as_ref() {
        Some(Armed {
            save_to: Some(path),
            questionnaire,
            answers,
            order,
            given_against,
            ..
        }) => match save(path, questionnaire, answers, order, given_against.as_ref()) {
            Ok(()) => {
                let file = path.display().to_string();
                eprintln!("{}", t.saved(&file));
                eprintln!("{}", t.resume_with(&file));
            }
            Err(e) => eprintln!("{}: {}", t.error, t.save_failed(&e.to_string())),
        },
        _ => eprintln!("{}", t.nothing_saved),
    }
    std::process::exit(Error::Interrupted.exit_code().into())
}

/// Writes the answers as an answers file (atomically), with what they
/// were given against.
pub fn save(
    path: &Path,
    questionnaire: &str,
    answers: &BTreeMap<String, Answer>,
    order: &[String],
    given_against: Option<&GivenAgainst>,
) -> Result<(), Error> {
    let order: Vec<&str> = order.iter().map(String::as_str).collect();
    crate::front::answers::save(
        path,
        &AnswersFile {
            questionnaire: Some(questionnaire.to_owned()),
            answers: answers.clone(),
            given_against: given_against.cloned(),
            ..AnswersFile::default()
        },
        &order,
    )
}

fn restore(armed: &Armed) {
    #[cfg(unix)]
    if let Some(t) = &armed.termios {
        // SAFETY: fd 0 and a termios read from it by `terminal_settings`.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, t);
        }
    }
    if armed.show_cursor {
        let _ = console::Term::stderr().show_cursor();
    }
}

/// The settings of the terminal on stdin, to put back if a signal comes
/// while a prompt has it in raw mode.
#[cfg(unix)]
fn terminal_settings() -> Option<libc::termios> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return None;
    }
    let mut t = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills `t` when it returns 0.
    unsafe { (libc::tcgetattr(0, t.as_mut_ptr()) == 0).then(|| t.assume_init()) }
}
