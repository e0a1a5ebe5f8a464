//! An interruption during a session — Ctrl-C, or the signals that end a
//! program from outside: SIGTERM (`kill`, a shutdown), SIGHUP (the
//! terminal window closed) and SIGQUIT (Ctrl-\ in a line prompt, `kill
//! -QUIT`) — is handled the same way: put the terminal back as it was
//! (settings, cursor), save the answers given so far when
//! `--save-answers` was given (so that `--answers FILE` resumes where the
//! user stopped), and exit with 128 + the signal's number, as a shell
//! reports a process that the signal ended: 130 for SIGINT, 143 for
//! SIGTERM, 129 for SIGHUP, 131 for SIGQUIT.
//!
//! What no handler can catch (SIGKILL, a crash, the power going off)
//! loses at most the last answer: with `--save-answers`, the answers are
//! saved, atomically, after each one ([`publish`]).
//!
//! Two roads lead here and both call [`exit_on`]: a thread that waits for
//! the signals (`signal-hook`, which tells them apart; `ctrlc` off Unix,
//! for Ctrl-C), and the session returning
//! [`Error::Interrupted`](crate::front::error::Error) (the menus read keys
//! in raw mode, see Ctrl-C as a key and report it). The first caller holds
//! the lock until the process ends, so the answers are saved once and the
//! message printed once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use crate::core::model::{Answer, AnswersFile, GivenAgainst};
use crate::front::error::Error;
use crate::front::io::{say, say_line};
use crate::text::i18n;

struct Armed {
    save_to: Option<PathBuf>,
    questionnaire: String,
    answers: BTreeMap<String, Answer>,
    /// The answers the session started from: when nothing was answered,
    /// an existing file is left as it is.
    initial: BTreeMap<String, Answer>,
    /// Question ids in the order the trees ask them, to save in that order.
    order: Vec<String>,
    /// The free-text fields of the file the session started from, saved
    /// with the answers.
    fields: BTreeMap<String, String>,
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
    fields: &BTreeMap<String, String>,
    order: Vec<String>,
    show_cursor: bool,
) {
    *state() = Some(Armed {
        save_to: save_to.map(Path::to_path_buf),
        questionnaire: questionnaire.to_owned(),
        answers: answers.clone(),
        initial: answers.clone(),
        order,
        fields: fields.clone(),
        given_against: None,
        show_cursor,
        #[cfg(unix)]
        termios: terminal_settings(),
    });
    HANDLER.call_once(install);
}

/// The signals that end a session, each with what is said of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Ctrl-C (SIGINT).
    Interrupt,
    /// SIGTERM: `kill`, a shutdown, a supervisor.
    Terminate,
    /// SIGHUP: the terminal was closed.
    HangUp,
    /// SIGQUIT: Ctrl-\ at a line prompt, `kill -QUIT`.
    Quit,
}

impl Signal {
    /// 128 + the signal's number, as a shell reports it.
    pub fn exit_code(self) -> u8 {
        match self {
            Signal::Interrupt => 130,
            Signal::Terminate => 143,
            Signal::HangUp => 129,
            Signal::Quit => 131,
        }
    }

    fn message(self) -> String {
        match self {
            Signal::Interrupt => i18n::texts().interrupted.to_owned(),
            Signal::Terminate => msg::terminated(),
            Signal::HangUp => msg::hung_up(),
            Signal::Quit => msg::quit(),
        }
    }
}

/// Without a handler, a signal would end the process with the terminal
/// raw, the cursor hidden and nothing saved. If one cannot be installed,
/// Ctrl-C still reaches the menus as a key.
#[cfg(unix)]
fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // Noted by the handler itself, before the prompt's wait returns: a
    // wait cut short by SIGTERM looks like Ctrl-C to the menus (console
    // even raises SIGINT then), and must end as SIGTERM.
    let _ = signal_hook::flag::register(SIGTERM, TERMINATED.clone());
    let _ = signal_hook::flag::register(SIGHUP, HUNG_UP.clone());
    let _ = signal_hook::flag::register(SIGQUIT, QUIT.clone());
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                exit_on(received());
            }
        });
}

#[cfg(unix)]
type Flag = std::sync::LazyLock<std::sync::Arc<std::sync::atomic::AtomicBool>>;

/// Set by the signal handlers themselves.
#[cfg(unix)]
static TERMINATED: Flag = std::sync::LazyLock::new(Default::default);
#[cfg(unix)]
static HUNG_UP: Flag = std::sync::LazyLock::new(Default::default);
#[cfg(unix)]
static QUIT: Flag = std::sync::LazyLock::new(Default::default);

/// The signal that ends the session: SIGTERM or SIGHUP if one came,
/// even when a SIGINT followed it; SIGINT (Ctrl-C) otherwise.
fn received() -> Signal {
    #[cfg(unix)]
    {
        use std::sync::atomic::Ordering::SeqCst;
        if TERMINATED.load(SeqCst) {
            return Signal::Terminate;
        }
        if QUIT.load(SeqCst) {
            return Signal::Quit;
        }
        if HUNG_UP.load(SeqCst) {
            return Signal::HangUp;
        }
    }
    Signal::Interrupt
}

#[cfg(not(unix))]
fn install() {
    let _ = ctrlc::set_handler(|| exit_on(Signal::Interrupt));
}

/// Records the answers as they are now, and with `--save-answers`, saves
/// them (atomically): a SIGKILL or a crash then loses at most the answer
/// being given. A save that fails here is not said (it would break the
/// screen of the question); the save at the end says it, and where the
/// answers went instead.
pub fn publish(answers: &BTreeMap<String, Answer>) {
    let mut guard = state();
    let Some(armed) = guard.as_mut() else {
        return;
    };
    armed.answers = answers.clone();
    if let Some(path) = &armed.save_to
        && worth_saving(path, &armed.initial, answers)
    {
        let file = AnswersFile {
            questionnaire: Some(armed.questionnaire.clone()),
            answers: answers.clone(),
            fields: armed.fields.clone(),
            given_against: armed.given_against.clone(),
            ..AnswersFile::default()
        };
        let order: Vec<&str> = armed.order.iter().map(String::as_str).collect();
        let _ = crate::front::answers::save(path, &file, &order);
    }
}

/// Records what the answers as they are now were given against, to save
/// with them.
pub fn record(given_against: GivenAgainst) {
    if let Some(armed) = state().as_mut() {
        armed.given_against = Some(given_against);
    }
}

/// A prompt that stopped: Ctrl-C read as a key, or a wait cut short by a
/// signal. [`exit_on`] that signal.
pub fn exit() -> ! {
    exit_on(received())
}

/// Restores the terminal, saves the answers if asked, says so, and ends
/// the process with the signal's exit code. After SIGHUP the terminal is
/// gone: the answers are saved all the same, and what cannot be said is
/// not.
pub fn exit_on(signal: Signal) -> ! {
    let guard = state();
    let t = i18n::texts();
    if let Some(armed) = guard.as_ref() {
        restore(armed);
    }
    say(&format!("\n{}\n", signal.message()));
    match guard.as_ref() {
        Some(Armed {
            save_to: Some(path),
            questionnaire,
            answers,
            initial,
            order,
            given_against,
            fields,
            ..
        }) => {
            let name = path.display().to_string();
            let file = crate::text::escape::escape(&name).into_owned();
            if !worth_saving(path, initial, answers) {
                say_line(&msg::left_as_it_was(&file));
            } else {
                match save(
                    path,
                    questionnaire,
                    answers,
                    fields,
                    order,
                    given_against.as_ref(),
                ) {
                    Ok(()) => {
                        say_line(&t.saved(&file));
                        say_line(&t.resume_with(&crate::text::escape::shell(&name)));
                    }
                    Err(e) => say_line(&format!(
                        "{}: {}",
                        t.error,
                        crate::text::escape::escape(&e.to_string())
                    )),
                }
            }
        }
        _ => say_line(t.nothing_saved),
    }
    std::process::exit(signal.exit_code().into())
}

/// Whether a session that ends before its result should write its
/// answers to `path`: not when nothing was answered and the file exists
/// (`--save-answers F` without `--answers F`, then Ctrl-C at the first
/// question, would empty F).
pub fn worth_saving(
    path: &Path,
    initial: &BTreeMap<String, Answer>,
    now: &BTreeMap<String, Answer>,
) -> bool {
    now != initial || std::fs::symlink_metadata(path).is_err()
}

/// Writes the answers as an answers file (see
/// [`crate::front::answers::save`]). When that fails, they go to a file of
/// their own in the temporary folder, and the error says where, and how
/// to resume from there.
pub fn save(
    path: &Path,
    questionnaire: &str,
    answers: &BTreeMap<String, Answer>,
    fields: &BTreeMap<String, String>,
    order: &[String],
    given_against: Option<&GivenAgainst>,
) -> Result<(), Error> {
    use crate::front::answers;
    let order: Vec<&str> = order.iter().map(String::as_str).collect();
    let file = AnswersFile {
        questionnaire: Some(questionnaire.to_owned()),
        answers: answers.clone(),
        fields: fields.clone(),
        given_against: given_against.cloned(),
        ..AnswersFile::default()
    };
    let Err(failed) = answers::save(path, &file, &order) else {
        return Ok(());
    };
    let target = path.display().to_string();
    Err(Error::NotSaved(
        match answers::save_fallback(&file, &order) {
            Ok(to) => msg::saved_instead(
                &failed.to_string(),
                &to.display().to_string(),
                &crate::text::escape::shell(&to.display().to_string()),
                &crate::text::escape::shell(&target),
            ),
            Err(also) => msg::not_saved(&failed.to_string(), &also.to_string()),
        },
    ))
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn terminated() {
            fr: "Session interrompue : le programme a reçu l'ordre de s'arrêter (SIGTERM).",
            en: "Session interrupted: the program was told to stop (SIGTERM).",
        }
        fn hung_up() {
            fr: "Session interrompue : le terminal a été fermé (SIGHUP).",
            en: "Session interrupted: the terminal was closed (SIGHUP).",
        }
        fn quit() {
            fr: "Session interrompue : le programme a reçu l'ordre de quitter (SIGQUIT).",
            en: "Session interrupted: the program was told to quit (SIGQUIT).",
        }
        fn left_as_it_was(file: &str) {
            fr: "Aucune réponse n'a été donnée : {file} est resté tel quel.",
            en: "No answer was given: {file} was left as it was.",
        }
        /// `why`: « file: reason »; `to`: the fallback file; `to_arg`
        /// and `target`: file names quoted for the shell.
        fn saved_instead(why: &str, to: &str, to_arg: &str, target: &str) {
            fr: "les réponses n'ont pas pu être enregistrées ({why}) ; elles l'ont été dans {to}\n  pour reprendre : aiguillage --answers {to_arg} --save-answers {target}",
            en: "the answers could not be saved ({why}); they were saved to {to}\n  to resume: aiguillage --answers {to_arg} --save-answers {target}",
        }
        fn not_saved(why: &str, also: &str) {
            fr: "les réponses n'ont pas pu être enregistrées ({why}), ni dans le dossier temporaire ({also})",
            en: "the answers could not be saved ({why}), nor in the temporary folder ({also})",
        }
    }
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
