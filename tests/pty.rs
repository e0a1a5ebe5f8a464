//! Real sessions in a pseudo-terminal, against the built binary: what a
//! person sees and types. Most use a small test tree
//! (tests/fixtures/session/arbre.toml), so they do not move when the
//! built-in content does; one walks the built-in questionnaires to a
//! decision.
//!
//! Keys: Enter `\r`, Down `\x1b[B`, Up `\x1b[A`, Esc `\x1b`, Ctrl-C `\x03`.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Regex, Session};

/// a=oui → b (number: < 50 → fin_petit, ≥ 50 → d); a=non → c (x → d,
/// y → fin_c); d: oui → fin_d, non → fin_petit.
const TREE: &str = include_str!("fixtures/session/arbre.toml");

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";

type Pty = expectrl::session::OsSession;

struct Run {
    dir: tempfile::TempDir,
}

impl Run {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("t.toml"), TREE).unwrap();
        Run { dir }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// The binary on the test tree in a terminal.
    fn spawn(&self, args: &[&str], env: &[(&str, &str)]) -> Pty {
        let tree = self.path("t.toml");
        let mut all = vec!["--questionnaire", tree.to_str().unwrap()];
        all.extend_from_slice(args);
        spawn_in(Some(self.dir.path()), &all, env)
    }
}

/// The binary on its built-in questionnaires, in a terminal.
fn spawn_builtin(args: &[&str]) -> Pty {
    spawn_in(None, args, &[])
}

/// The binary in a terminal of 100 × 40 with a clean environment: French,
/// UTF-8, no colour (escapes stay those of the prompts).
fn spawn_in(cwd: Option<&Path>, args: &[&str], env: &[(&str, &str)]) -> Pty {
    spawn_sized(cwd, args, env, (100, 40))
}

/// The same in a window of `(columns, rows)`.
fn spawn_sized(
    cwd: Option<&Path>,
    args: &[&str],
    env: &[(&str, &str)],
    (cols, rows): (u16, u16),
) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aiguillage"));
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        // The decision in one piece: the pager has its own test.
        .env("PAGER", "cat");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut p = Session::spawn(cmd).expect("spawn in a pty");
    p.get_process_mut().set_window_size(cols, rows).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p
}

/// Waits for `text`, set as the program sets its French (no-break spaces
/// before « : », inside « »…), and returns what came before it.
fn see(p: &mut Pty, text: &str) -> String {
    let text = aiguillage::text::typography::typeset(text).into_owned();
    match p.expect(text.as_str()) {
        Ok(c) => String::from_utf8_lossy(c.before()).into_owned(),
        Err(e) => panic!("waiting for {text:?}: {e}"),
    }
}

fn send(p: &mut Pty, keys: &str) {
    // A short pause lets the prompt switch the terminal to raw mode
    // before the keys arrive, as a person's typing would.
    std::thread::sleep(Duration::from_millis(150));
    p.send(keys).unwrap();
}

/// Reads to the end and returns the rest of the output and the exit code.
fn finish(mut p: Pty) -> (String, i32) {
    let rest = match p.expect(Eof) {
        Ok(c) => String::from_utf8_lossy(c.before()).into_owned(),
        Err(e) => panic!("waiting for the end: {e}"),
    };
    let code = match p.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        WaitStatus::Signaled(_, sig, _) => 128 + sig as i32,
        other => panic!("unexpected status {other:?}"),
    };
    (rest, code)
}

fn saved(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("answers saved");
    serde_json::from_str(&text).unwrap()
}

/// Case A3 of SCENARIOS.md, answered with the arrow keys on the real
/// questionnaires: the built-in content works in a terminal, end to end.
#[test]
fn the_built_in_questionnaires_answered_with_arrow_keys_give_case_a3() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a3.json");
    let mut p = spawn_builtin(&["--save-answers", out.to_str().unwrap()]);
    see(&mut p, "Sur quel type de ressource portent vos questions ?");
    send(&mut p, &format!("{DOWN}{ENTER}")); // un algorithme
    see(&mut p, "Quel type d'organisme utilise ce traitement");
    send(&mut p, &format!("{DOWN}{DOWN}{ENTER}")); // autre personne de droit public
    see(&mut p, "décisions individuelles");
    send(&mut p, &format!("{DOWN}{ENTER}")); // personnes morales
    see(&mut p, "L311-5");
    send(&mut p, ENTER); // aucun secret
    see(&mut p, "équivalents temps plein");
    send(&mut p, "20\r");
    see(&mut p, "Un agent intervient-il réellement");
    send(&mut p, ENTER); // aide à la décision
    see(&mut p, "données personnelles");
    send(&mut p, &format!("{DOWN}{ENTER}")); // non
    see(&mut p, "Tout est juste ?");
    send(&mut p, ENTER);
    see(&mut p, "Appliquez les obligations de transparence");
    see(&mut p, "L311-3-1");
    see(&mut p, "Pourquoi ?");
    // Then the documents are offered; « Non » is the default.
    see(&mut p, "Écrire ces brouillons maintenant ?");
    send(&mut p, ENTER);
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let v = saved(&out);
    assert_eq!(
        v["answers"]["algo_decision_individuelle"],
        "personnes_morales"
    );
    assert_eq!(v["answers"]["algo_etp"], 20);
    assert_eq!(v["answers"]["algo_donnees_personnelles"], "non");
}

#[test]
fn a_full_session_reaches_a_decision_and_saves_the_answers() {
    let run = Run::new();
    let out = run.path("r.json");
    let mut p = run.spawn(&["--save-answers", out.to_str().unwrap()], &[]);
    see(&mut p, "Question 1 sur 3 au plus");
    see(&mut p, "Oui pour A");
    // Help first: the short answer, and the way to the rest.
    send(&mut p, &format!("{DOWN}{DOWN}{ENTER}"));
    let short = see(&mut p, "Aide de la question A.");
    see(&mut p, "« Plus de détails » dans la liste.");
    assert!(!short.contains("Détails de la question A"), "{short}");
    see(&mut p, "Question 1 sur 3 au plus");
    // The cursor stays on the help entry, now « Plus de détails ».
    see(&mut p, "Plus de détails : règles, exemples, définitions");
    send(&mut p, ENTER);
    see(&mut p, "Plus de détails — Question A ?");
    see(&mut p, "Détails de la question A : la règle et un exemple.");
    see(&mut p, "document administratif :");
    see(&mut p, "Question 1 sur 3 au plus");
    // After the last page the entry is « Aide » again; up twice: « Oui ».
    see(&mut p, "Aide : comment répondre");
    send(&mut p, &format!("{UP}{UP}{ENTER}"));
    see(&mut p, "Question 2 sur 3 au plus");
    see(&mut p, "Combien pour B ?");
    send(&mut p, "1 200\r");
    see(&mut p, "Question 3, la dernière");
    see(&mut p, "Oui pour D");
    send(&mut p, ENTER);
    see(&mut p, "Tout est juste ?");
    send(&mut p, ENTER);
    see(&mut p, "Obligation : Issue D");
    see(&mut p, "Pourquoi ?");
    see(&mut p, "A oui mène à B.");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let v = saved(&out);
    assert_eq!(v["questionnaire"], "t");
    assert_eq!(v["answers"]["a"], true);
    assert_eq!(v["answers"]["b"], 1200.0);
    assert_eq!(v["answers"]["d"], true);
}

#[test]
fn going_back_and_editing_in_the_review_changes_the_outcome() {
    let run = Run::new();
    let mut p = run.spawn(&[], &[]);
    see(&mut p, "Oui pour A");
    send(&mut p, ENTER);
    see(&mut p, "Combien pour B ?");
    send(&mut p, "60\r");
    see(&mut p, "Oui pour D");
    // Esc goes back to B, whose answer is offered again.
    send(&mut p, ESC);
    see(&mut p, "Question 2 sur 3 au plus");
    see(&mut p, "(60)");
    send(&mut p, ENTER);
    see(&mut p, "Oui pour D");
    send(&mut p, ENTER);
    see(&mut p, "Tout est juste ?");
    // One entry per answer, its question shortened, its answer whole.
    see(&mut p, "✎ 3. ");
    // Change answer 1: A = non. B and D no longer apply.
    send(&mut p, &format!("{DOWN}{ENTER}"));
    see(&mut p, "Question A ?");
    see(&mut p, "Annuler");
    send(&mut p, &format!("{DOWN}{ENTER}"));
    let dropped =
        see(&mut p, "Si l'une de ces questions revient").replace(['\u{a0}', '\u{202f}'], " ");
    assert!(dropped.contains("Combien pour B ?"), "{dropped}");
    assert!(dropped.contains("Question D ?"), "{dropped}");
    see(&mut p, "Question C ?");
    send(&mut p, &format!("{DOWN}{ENTER}"));
    see(&mut p, "Tout est juste ?");
    send(&mut p, ENTER);
    see(&mut p, "Non concerné : Issue C");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
}

#[test]
fn ctrl_c_restores_the_cursor_saves_and_exits_130_then_resumes() {
    let run = Run::new();
    let out = run.path("partiel.json");
    let out_arg = out.to_str().unwrap();
    let mut p = run.spawn(&["--save-answers", out_arg], &[]);
    see(&mut p, "Oui pour A");
    send(&mut p, ENTER);
    see(&mut p, "Combien pour B ?");
    send(&mut p, "75\r");
    see(&mut p, "Oui pour D");
    send(&mut p, CTRL_C);
    let before = see(&mut p, "Session interrompue.");
    see(&mut p, "aiguillage --answers");
    let (rest, code) = finish(p);
    assert_eq!(code, 130);
    let all = format!("{before}{rest}");
    assert!(all.contains("\x1b[?25h"), "cursor shown again: {all:?}");
    let v = saved(&out);
    assert_eq!(v["answers"]["a"], true);
    assert_eq!(v["answers"]["b"], 75.0);
    assert!(v["answers"].get("d").is_none());
    // Saved on Ctrl-C with what the answers so far were given against.
    assert_eq!(v["given_against"]["questionnaires"][0]["id"], "t");
    assert!(v["given_against"]["questions"]["b"].is_string(), "{v:#}");

    // Resuming asks only what is missing.
    let mut p = run.spawn(&["--answers", out_arg], &[]);
    see(&mut p, "Question 3, la dernière");
    see(&mut p, "Oui pour D");
    send(&mut p, &format!("{DOWN}{ENTER}"));
    see(&mut p, "Tout est juste ?");
    send(&mut p, ENTER);
    see(&mut p, "Possible, non obligatoire : Issue petite");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
}

#[test]
fn ctrl_c_in_a_number_prompt_also_exits_130() {
    let run = Run::new();
    let mut p = run.spawn(&[], &[]);
    see(&mut p, "Oui pour A");
    send(&mut p, ENTER);
    see(&mut p, "Combien pour B ?");
    send(&mut p, "12");
    send(&mut p, CTRL_C);
    see(&mut p, "Session interrompue.");
    see(&mut p, "--save-answers");
    let (_, code) = finish(p);
    assert_eq!(code, 130);
}

#[test]
fn a_dumb_terminal_gets_numbered_questions_without_cursor_tricks() {
    let run = Run::new();
    let mut p = run.spawn(&[], &[("TERM", "dumb")]);
    let intro = see(&mut p, "Question 1 sur 3 au plus");
    assert!(intro.contains("Tapez le numéro"), "{intro}");
    see(&mut p, "1. Oui pour A");
    see(&mut p, "Votre choix : ");
    send(&mut p, "?\r");
    see(&mut p, "Aide de la question A.");
    see(&mut p, "tapez « ? » de nouveau.");
    see(&mut p, "?  Plus de détails");
    see(&mut p, "Votre choix : ");
    send(&mut p, "?\r");
    see(&mut p, "Détails de la question A : la règle et un exemple.");
    see(&mut p, "Votre choix : ");
    send(&mut p, "1\r");
    see(&mut p, "Votre réponse : ");
    send(&mut p, "<\r");
    see(&mut p, "Votre choix [Entrée : garder 1] : ");
    send(&mut p, "\r");
    see(&mut p, "Votre réponse : ");
    send(&mut p, "12,5\r");
    see(&mut p, "Vos réponses :");
    send(&mut p, "\r");
    see(&mut p, "Issue petite");
    let (rest, code) = finish(p);
    assert_eq!(code, 0);
    assert!(!rest.contains("\x1b[?25l"), "no hidden cursor: {rest:?}");
}

#[test]
fn english_interface_says_once_that_the_content_is_french() {
    let run = Run::new();
    let mut p = run.spawn(&["--lang", "en"], &[]);
    see(&mut p, "Legal content is in French");
    see(&mut p, "Question 1 of at most 3");
    see(&mut p, "Help: how to answer");
    send(&mut p, &format!("{DOWN}{ENTER}"));
    see(&mut p, "Question C ?");
    see(&mut p, "Back to the previous question");
    send(&mut p, &format!("{DOWN}{ENTER}"));
    see(&mut p, "Is everything right?");
    send(&mut p, ENTER);
    see(&mut p, "Not concerned: Issue C");
    see(&mut p, "Why?");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
}

/// At the end of a session, the documents are offered: « Oui », a folder,
/// the fields (one typed, the others left blank), then the files written
/// and the fields saved with the answers.
#[test]
fn a_session_ends_by_writing_the_documents_it_calls_for() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("a3.json");
    // Case A3, every answer given: the session goes straight to the review.
    std::fs::write(
        &answers,
        r#"{"questionnaire": "algorithmes", "answers": {"algo_administration": "autre_public",
        "algo_decision_individuelle": "personnes_morales", "algo_secret": "non", "algo_etp": 20,
        "algo_automatisation": "aide_decision"}}"#,
    )
    .unwrap();
    let a = answers.to_str().unwrap();
    let mut p = spawn_in(
        Some(dir.path()),
        &["--answers", a, "--save-answers", a],
        &[],
    );
    see(&mut p, "données personnelles");
    send(&mut p, &format!("{DOWN}{ENTER}")); // non
    see(&mut p, "Tout est juste ?");
    send(&mut p, ENTER);
    see(&mut p, "Pourquoi ?");
    see(&mut p, "Écrire ces brouillons maintenant ?");
    send(&mut p, &format!("\x1b[A{ENTER}")); // up: « Oui »
    see(&mut p, "Dans quel dossier ?");
    send(&mut p, "brouillons\r");
    see(&mut p, "Nom de l'organisme");
    send(&mut p, "Commune de Test\r");
    // Every other field left blank: it stays « [à compléter : …] ».
    for _ in 0..40 {
        let found = p
            .expect(Regex("Votre réponse|Documents écrits"))
            .unwrap_or_else(|e| panic!("waiting for a field or the end: {e}"));
        if String::from_utf8_lossy(found.get(0).unwrap()).contains("Documents écrits") {
            break;
        }
        send(&mut p, ENTER);
    }
    see(&mut p, "mention-explicite.md");
    see(&mut p, "rapport.html");
    see(&mut p, "restent « [à compléter : …] »");
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let mention =
        std::fs::read_to_string(dir.path().join("brouillons/mention-explicite.md")).unwrap();
    assert!(mention.contains("écrivez à Commune de Test"), "{mention}");
    let v = saved(&answers);
    assert_eq!(v["fields"]["organisme"], "Commune de Test");
    assert_eq!(v["answers"]["algo_donnees_personnelles"], "non");
}

/// Sends `signal` to the session's process, as `kill` or a closing
/// terminal window would.
fn signal(p: &Pty, signal: i32) {
    // A short pause lets the prompt switch the terminal to raw mode.
    std::thread::sleep(Duration::from_millis(150));
    let pid = p.get_process().pid().as_raw();
    // SAFETY: kill(2) on the pid of our own child.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
}

/// A session saving to `partiel.json`, with A answered « oui » and B 75,
/// waiting at the menu of D.
fn at_the_menu_of_d(run: &Run) -> (Pty, std::path::PathBuf) {
    let out = run.path("partiel.json");
    let mut p = run.spawn(&["--save-answers", out.to_str().unwrap()], &[]);
    see(&mut p, "Oui pour A");
    send(&mut p, ENTER);
    see(&mut p, "Combien pour B ?");
    send(&mut p, "75\r");
    see(&mut p, "Oui pour D");
    (p, out)
}

/// `signal` at the menu of D: the message said, the cursor shown again,
/// the exit code `code`, and A and B saved.
fn signal_at_the_menu(signal_number: i32, said: &str, code: i32) {
    let run = Run::new();
    let (mut p, out) = at_the_menu_of_d(&run);
    std::thread::sleep(Duration::from_millis(150));
    // The menu reads keys one by one: the terminal is raw.
    assert!(!line_mode(&p), "raw at the menu");
    signal(&p, signal_number);
    let before = see(&mut p, said);
    see(&mut p, "aiguillage --answers");
    // The terminal is back as it was: lines and signals.
    assert!(line_mode(&p), "terminal restored");
    let (rest, exit) = finish(p);
    assert_eq!(exit, code);
    let all = format!("{before}{rest}");
    assert!(all.contains("\x1b[?25h"), "cursor shown again: {all:?}");
    let v = saved(&out);
    assert_eq!(v["answers"]["a"], true);
    assert_eq!(v["answers"]["b"], 75.0);
}

#[test]
fn sigterm_at_a_menu_restores_the_terminal_saves_and_exits_143() {
    signal_at_the_menu(
        libc::SIGTERM,
        "Session interrompue : le programme a reçu l'ordre de s'arrêter (SIGTERM).",
        143,
    );
}

#[test]
fn sighup_at_a_number_prompt_saves_and_exits_129() {
    let run = Run::new();
    let out = run.path("partiel.json");
    let mut p = run.spawn(&["--save-answers", out.to_str().unwrap()], &[]);
    see(&mut p, "Oui pour A");
    send(&mut p, ENTER);
    see(&mut p, "Combien pour B ?");
    send(&mut p, "12");
    signal(&p, libc::SIGHUP);
    let (_, code) = finish(p);
    assert_eq!(code, 129);
    let v = saved(&out);
    assert_eq!(v["answers"]["a"], true);
}

#[test]
fn sigterm_in_plain_mode_also_restores_and_exits_143() {
    let run = Run::new();
    let mut p = run.spawn(&["--plain"], &[]);
    see(&mut p, "Votre choix : ");
    signal(&p, libc::SIGTERM);
    see(&mut p, "(SIGTERM)");
    see(&mut p, "--save-answers");
    let (_, code) = finish(p);
    assert_eq!(code, 143);
}

#[test]
fn ctrl_c_before_any_answer_leaves_an_existing_answers_file_as_it_was() {
    let run = Run::new();
    let out = run.path("precieux.json");
    let kept = "{\"questionnaire\": \"t\", \"answers\": {\"a\": false}}";
    std::fs::write(&out, kept).unwrap();
    let mut p = run.spawn(&["--save-answers", out.to_str().unwrap()], &[]);
    see(&mut p, "Oui pour A");
    send(&mut p, CTRL_C);
    see(&mut p, "Session interrompue.");
    see(&mut p, "est resté tel quel");
    let (_, code) = finish(p);
    assert_eq!(code, 130);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), kept);
}

/// Whether the terminal reads lines and turns Ctrl-C into a signal (ICANON
/// and ISIG), as a shell leaves it; a menu clears both while it waits.
fn line_mode(p: &Pty) -> bool {
    use std::os::fd::AsRawFd;
    let master = p.get_process().get_raw_handle().unwrap();
    // SAFETY: a zeroed termios is valid, and tcgetattr fills it.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(master.as_raw_fd(), &mut t) }, 0);
    t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ISIG != 0
}

/// SIGQUIT (Ctrl-\ at a line prompt, `kill -QUIT`) left the terminal raw
/// (-icanon -echo -isig), the cursor hidden and the answers lost.
#[test]
fn sigquit_at_a_menu_restores_the_terminal_saves_and_exits_131() {
    signal_at_the_menu(
        libc::SIGQUIT,
        "Session interrompue : le programme a reçu l'ordre de quitter (SIGQUIT).",
        131,
    );
}

/// What no handler catches (SIGKILL, a crash) loses at most the answer
/// being given: each one is saved as soon as it is given.
#[test]
fn sigkill_loses_at_most_the_question_being_answered() {
    let run = Run::new();
    let (p, out) = at_the_menu_of_d(&run);
    signal(&p, libc::SIGKILL);
    let (_, code) = finish(p);
    assert_eq!(code, 128 + libc::SIGKILL);
    let v = saved(&out);
    assert_eq!(v["questionnaire"], "t");
    assert_eq!(v["answers"]["a"], true);
    assert_eq!(v["answers"]["b"], 75.0);
    // Saved whole each time: no temporary file left beside it.
    let names: Vec<String> = std::fs::read_dir(run.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

/// `batch` at a terminal with no file says it reads standard input and
/// how to end it, then reads what is typed until Ctrl-D.
#[test]
fn batch_at_a_terminal_says_it_waits_for_stdin() {
    let mut p = spawn_builtin(&["batch"]);
    p.expect("lecture de l'inventaire sur l'entrée standard")
        .unwrap();
    p.expect("Ctrl-D").unwrap();
    p.send("{\"id\": 1, \"answers\": {\"type_ressource\": \"algorithme\", \"algo_administration\": \"aucun\"}}\r")
        .unwrap();
    p.send("\x04").unwrap();
    p.expect("algo_non_administration").unwrap();
    p.expect("1 cas\u{a0}: 1 décidé(s)").unwrap();
    p.expect(Eof).unwrap();
}

/// A batch that takes more than a second shows, at a terminal, how far
/// it is: bytes read and cases decided. `--format xlsx` to a terminal is
/// refused.
#[test]
fn batch_shows_its_progress_and_keeps_a_workbook_off_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("grand.jsonl");
    let line =
        "{\"answers\": {\"type_ressource\": \"algorithme\", \"algo_administration\": \"aucun\"}}\n";
    std::fs::write(&file, line.repeat(150_000)).unwrap();
    // The records go to a file; stderr is the terminal.
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "\"{}\" batch \"{}\" > /dev/null",
            env!("CARGO_BIN_EXE_aiguillage"),
            file.display()
        ))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
    let mut p = Session::spawn(cmd).expect("spawn in a pty");
    p.get_process_mut().set_window_size(100, 40).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(60)));
    p.expect(Regex("[0-9 \u{202f}]+ cas décidés, 0 non décidés"))
        .unwrap();
    p.expect("150000 cas\u{a0}: 150000 décidé(s)").unwrap();
    p.expect(Eof).unwrap();

    let mut p = spawn_in(
        None,
        &["batch", "--format", "xlsx", file.to_str().unwrap()],
        &[],
    );
    p.expect("redirigez la sortie vers un fichier").unwrap();
    p.expect(Eof).unwrap();
}

/// A window of 80 columns and 24 lines and what it shows: the output read
/// by a terminal emulator, so that a test sees what stayed on screen and
/// what scrolled off.
struct Window {
    pty: Pty,
    screen: vt100::Parser,
}

impl Window {
    fn new(args: &[&str], env: &[(&str, &str)]) -> Window {
        Window {
            pty: spawn_sized(None, args, env, (80, 24)),
            screen: vt100::Parser::new(24.try_into().unwrap(), 80.try_into().unwrap(), 0),
        }
    }

    /// Waits for `needle` (set as the program sets its French), taking in
    /// everything written until then.
    fn see(&mut self, needle: &str) {
        let needle = aiguillage::text::typography::typeset(needle).into_owned();
        match self.pty.expect(needle.as_str()) {
            Ok(c) => self.screen.process(c.as_bytes()),
            Err(e) => panic!("waiting for {needle:?}: {e}\n{}", self.shown()),
        }
    }

    fn see_regex(&mut self, pattern: &str) {
        match self.pty.expect(Regex(pattern)) {
            Ok(c) => self.screen.process(c.as_bytes()),
            Err(e) => panic!("waiting for {pattern:?}: {e}\n{}", self.shown()),
        }
    }

    /// Takes in what is written until the program waits for a key.
    fn settle(&mut self) {
        let mut buf = [0u8; 4096];
        let mut quiet = 0;
        while quiet < 5 {
            std::thread::sleep(Duration::from_millis(60));
            match self.pty.try_read(&mut buf) {
                Ok(n) if n > 0 => {
                    self.screen.process(&buf[..n]);
                    quiet = 0;
                }
                _ => quiet += 1,
            }
        }
    }

    /// The 24 lines on screen, no-break spaces read as spaces.
    fn shown(&self) -> String {
        self.screen
            .screen()
            .contents()
            .replace(['\u{a0}', '\u{202f}'], " ")
    }

    fn send(&mut self, keys: &str) {
        send(&mut self.pty, keys);
    }
}

/// The keys that give `answer` to `q` at its prompt.
fn keys_for(
    q: &aiguillage::core::model::Question,
    answer: &aiguillage::core::model::Answer,
) -> String {
    use aiguillage::core::model::Answer;
    let value = match answer {
        Answer::Number(n) => return format!("{n}{ENTER}"),
        Answer::Text(s) => s.clone(),
        Answer::Bool(true) => "oui".into(),
        Answer::Bool(false) => "non".into(),
    };
    let index = q
        .choices
        .iter()
        .position(|c| c.value == value)
        .unwrap_or_else(|| panic!("{}: no choice {value}", q.id));
    format!("{}{ENTER}", DOWN.repeat(index))
}

/// The issue's trial: a 14-answer case walked with the arrow keys in an
/// 80 × 24 window. The review shows the result and the whole menu at once;
/// the decision opens in the pager; once it is closed, the last screen
/// shows the verdict and the offer of the documents, nothing scrolled off.
#[test]
fn a_14_answer_session_fits_an_80_by_24_window() {
    use aiguillage::core::engine::{self, Evaluation};
    use aiguillage::core::model::Answer;
    let case = serde_json::json!({
        "type_ressource": "donnees", "donnees_organisme": "etat",
        "donnees_achevement": "acheve", "donnees_secret": "absolu",
        "donnees_occultable": true, "donnees_occultation_effort": false,
        "donnees_personnelles": "oui", "donnees_exception_anonymisation": "aucune",
        "donnees_anonymisable": "oui", "donnees_droits_tiers": "aucun",
        "donnees_forte_valeur": "non", "donnees_electronique": true,
        "donnees_categorie": "base", "donnees_spic": "non"
    });
    let answers: std::collections::BTreeMap<String, Answer> = serde_json::from_value(case).unwrap();
    let bundle = aiguillage::Bundle::builtin().unwrap();
    let start = bundle.default_questionnaire();
    let Evaluation::Done(decision) = engine::evaluate(&bundle, start, &answers).unwrap() else {
        panic!("the case is not complete")
    };
    // The switches on the path route without a question.
    let asked: Vec<_> = decision
        .path
        .iter()
        .map(|step| bundle.question(&step.question).unwrap())
        .filter(|q| !q.kind.is_computed())
        .collect();
    assert_eq!(asked.len(), 14);

    let mut w = Window::new(&[], &[("PAGER", "less")]);
    for (i, q) in asked.iter().enumerate() {
        w.see_regex(&format!("Question {}[ ,]", i + 1));
        w.settle();
        let keys = keys_for(q, &answers[&q.id]);
        w.send(&keys);
    }
    w.see("Tout est juste ?");
    w.settle();
    let review = w.shown();
    for needed in [
        "Vos réponses mènent à ce résultat",
        "■ Obligation",
        "Tout est juste ?",
        "Oui, voir le résultat",
        "✎ 1. ",
        "✎ 14. ",
    ] {
        assert!(
            review.contains(needed),
            "the review lacks « {needed} »:\n{review}"
        );
    }
    // Each answer whole on its line: the question gives way.
    assert!(
        review.contains("→ Non, ce n'est pas un SPIC soumis à la concurrence"),
        "{review}"
    );

    w.send(ENTER);
    w.see("Ce que vous devez faire");
    w.settle();
    // The pager holds the decision; « q » gives the terminal back.
    w.send("q");
    w.see("Écrire ces brouillons maintenant ?");
    w.settle();
    let last = w.shown();
    for needed in [
        "■ Obligation",
        "Écrire ces brouillons maintenant ?",
        "Oui, écrire les documents",
        "Non, pas maintenant",
    ] {
        assert!(
            last.contains(needed),
            "the last screen lacks « {needed} »:\n{last}"
        );
    }
    w.send(ENTER);
    let (_, code) = finish(w.pty);
    assert_eq!(code, 0);
}

/// Going back erases the question left and the answer withdrawn: the
/// screen reads as the path that stands, with no stacked headers.
#[test]
fn going_back_leaves_a_clean_transcript() {
    let mut w = Window::new(&[], &[]);
    w.see("Question 1 ");
    w.settle();
    w.send(&format!("{DOWN}{ENTER}"));
    w.see("Question 2 ");
    w.settle();
    w.send(ESC);
    w.see("Question 1 ");
    w.settle();
    let shown = w.shown();
    assert_eq!(shown.matches("Question 1 ").count(), 1, "{shown}");
    assert!(!shown.contains("Question 2 "), "{shown}");
    assert!(!shown.contains('✔'), "{shown}");
    w.send(CTRL_C);
    let (_, code) = finish(w.pty);
    assert_eq!(code, 130);
}
