//! Sessions without a terminal: the plain prompter driven through the
//! library, and the binary with stdin from a pipe or /dev/null, with
//! colour and language settings. (The prompting rules themselves — back,
//! review, dropped answers, help — are unit tests of `src/front/session.rs`
//! with a scripted prompter; real terminals are in `tests/pty.rs`.)

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use aiguillage::Bundle;
use aiguillage::core::model::Answer;
use aiguillage::front::prompt::PlainPrompter;
use aiguillage::front::session::Session;
use aiguillage::text::glyphs::ASCII;
use aiguillage::text::i18n::FR;

/// Text as a reader sees it: the no-break spaces of French typography read
/// as spaces (the typography has its own tests).
fn seen(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// a=oui → b (number: < 50 → fin_petit, ≥ 50 → d); a=non → c (x → d,
/// y → fin_c); d: oui → fin_d, non → fin_petit.
const TREE: &str = include_str!("fixtures/session/arbre.toml");

fn bundle() -> Bundle {
    Bundle::from_sources([("t/t.toml", TREE)]).unwrap_or_else(|e| panic!("{e}"))
}

/// Plays typed lines through the plain prompter; returns the outcome id
/// (or the error), what was shown, and the answers.
fn plain(typed: &str) -> (Result<String, String>, String, BTreeMap<String, Answer>) {
    let b = bundle();
    let q = b.questionnaire("t").unwrap();
    let mut shown: Vec<u8> = Vec::new();
    let mut session = Session::new(&b, q, BTreeMap::new());
    let result = {
        let mut p = PlainPrompter::new(typed.as_bytes(), &mut shown, &FR, &ASCII, false);
        session.run(&mut p)
    };
    (
        result.map(|d| d.outcome.id).map_err(|e| e.to_string()),
        seen(&String::from_utf8_lossy(&shown)),
        session.into_answers(),
    )
}

#[test]
fn plain_mode_numbers_choices_and_reads_one_line_each() {
    let (r, shown, answers) = plain("1\n60\n1\n\n");
    assert_eq!(r.unwrap(), "fin_d");
    assert!(shown.contains("Question 1 sur 3 au plus · Début\nQuestion A ?\n  1. Oui pour A\n  2. Non pour A\n  ?  Aide"), "{shown}");
    assert!(
        shown.contains("Répondez par un nombre, en agents."),
        "{shown}"
    );
    assert!(
        shown.contains("Vos réponses :\n  1. Question A ?\n     -> Oui pour A"),
        "{shown}"
    );
    assert_eq!(answers.len(), 3);
}

#[test]
fn plain_mode_help_back_and_wrong_input_keep_the_place() {
    let (r, shown, _) = plain("?\n?\n3\n1\nbeaucoup\n-2\n<\n\n1 200\n2\n\n");
    assert_eq!(r.unwrap(), "fin_petit");
    assert!(
        shown.contains("Aide — Question A ?\nAide de la question A.\n\nPour en savoir plus : tapez « ? » de nouveau."),
        "{shown}"
    );
    // The second « ? »: the details and the definitions.
    assert!(
        shown.contains("Plus de détails — Question A ?\nDétails de la question A"),
        "{shown}"
    );
    assert!(
        shown.contains("• document administratif") || shown.contains("- document administratif"),
        "{shown}"
    );
    assert!(shown.contains("Tapez un numéro entre 1 et 2"), "{shown}");
    assert!(
        shown.contains("Nombre positif attendu, par exemple 1 200"),
        "{shown}"
    );
    // Back to A: its answer is offered, Enter keeps it.
    assert!(
        shown.contains("Votre choix [Entrée : garder 1] : "),
        "{shown}"
    );
}

#[test]
fn plain_mode_review_edits_and_reports_dropped_answers() {
    // Full path a=oui, b=60, d=oui; then edit answer 1 to « non »: b and d
    // are dropped and named; c=y ends at fin_c.
    let (r, shown, answers) = plain("1\n60\n1\n1\n2\n2\n\n");
    assert_eq!(r.unwrap(), "fin_c");
    assert!(shown.contains("ont été retirées"), "{shown}");
    assert!(
        shown.contains("- Combien pour B ? -> 60 (50 ou plus)"),
        "{shown}"
    );
    assert!(shown.contains("- Question D ? -> Oui pour D"), "{shown}");
    assert!(
        shown.contains("<  Annuler : garder la réponse actuelle"),
        "{shown}"
    );
    assert_eq!(answers.keys().collect::<Vec<_>>(), ["a", "c"]);
}

#[test]
fn plain_mode_end_of_piped_input_names_the_missing_question() {
    let (r, _, answers) = plain("1\n");
    let e = r.unwrap_err();
    assert!(e.contains("« b »"), "{e}");
    assert!(e.contains("l'entrée standard s'est fermée"), "{e}");
    assert_eq!(answers.len(), 1);
}

// ---------------------------------------------------------------------------
// The binary, without a terminal.
// ---------------------------------------------------------------------------

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("t.toml"), TREE).unwrap();
        Dir { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) -> String {
        std::fs::write(self.path(name), text).unwrap();
        self.path(name).display().to_string()
    }

    /// Runs the binary on the test tree with a clean environment.
    fn run(&self, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aiguillage"));
        cmd.current_dir(self.dir.path())
            .arg("--questionnaire")
            .arg(self.path("t.toml"))
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = cmd.spawn().unwrap();
        if let Some(text) = stdin {
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(text.as_bytes()).unwrap();
        }
        child.wait_with_output().unwrap()
    }
}

fn text(b: &[u8]) -> String {
    seen(&String::from_utf8_lossy(b))
}

const COMPLETE: &str = r#"{"answers": {"a": true, "b": 60, "d": true}}"#;

#[test]
fn no_terminal_means_no_prompt_and_a_message_naming_answers() {
    let d = Dir::new();
    let out = d.run(&[], &[], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("« a »"), "{err}");
    assert!(err.contains("--answers"), "{err}");
    assert!(err.contains("true (oui), false (non)"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn built_in_questionnaires_without_a_terminal_name_the_first_question() {
    let out = Command::new(env!("CARGO_BIN_EXE_aiguillage"))
        .env_clear()
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("type_ressource") && err.contains("--answers"),
        "{err}"
    );
}

#[test]
fn a_dumb_terminal_setting_does_not_make_a_pipe_a_terminal() {
    let d = Dir::new();
    let out = d.run(
        &[],
        &[("TERM", "dumb"), ("ACCESSIBLE", "1")],
        Some("1\n60\n1\n"),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--answers"));
}

#[test]
fn no_input_and_partial_answers_name_the_missing_question() {
    let d = Dir::new();
    let file = d.write("p.json", r#"{"answers": {"a": true}}"#);
    let out = d.run(&["--answers", &file, "--no-input"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("« b »") && err.contains("--no-input"), "{err}");
    let out = d.run(&["--answers", &file], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("ajoutez-la au fichier de réponses"));
}

#[test]
fn plain_flag_reads_answers_piped_on_stdin() {
    let d = Dir::new();
    let save = d.path("r.json");
    let out = d.run(
        &["--plain", "--save-answers", save.to_str().unwrap()],
        &[("NO_COLOR", "1")],
        Some("1\n60\n1\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Issue D"), "{stdout}");
    // The accessible mode draws with ASCII.
    assert!(stdout.starts_with("== Obligation : Issue D"), "{stdout}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("Question 1 sur 3 au plus"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "no escape sequence: {stderr:?}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!(saved["answers"]["b"], 60.0);
    // With what the answers were given against, and where they led.
    assert_eq!(saved["given_against"]["questionnaires"][0]["id"], "t");
    assert!(saved["given_against"]["outcome"].is_string(), "{saved:#}");
}

/// « 1,200 » is twelve hundred in English and one point two in French:
/// numbers are read the way the interface language writes them.
#[test]
fn numbers_are_read_in_the_interface_language() {
    // a = oui, then b; 50 or more asks d (oui), less ends; the review is
    // confirmed by the end of the input.
    for (lang, input, expected) in [
        ("en", "1\n1,200\n1\n", 1200.0),
        ("fr", "1\n1 200\n1\n", 1200.0),
        ("fr", "1\n12,5\n", 12.5),
    ] {
        let d = Dir::new();
        let save = d.path("r.json");
        let out = d.run(
            &[
                "--plain",
                "--lang",
                lang,
                "--save-answers",
                save.to_str().unwrap(),
            ],
            &[],
            Some(input),
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{lang} {input:?}: {}",
            text(&out.stderr)
        );
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&save).unwrap()).unwrap();
        assert_eq!(saved["answers"]["b"], expected, "{lang} {input:?}");
    }
}

#[test]
fn plain_flag_with_input_ending_early_saves_what_was_typed() {
    let d = Dir::new();
    let save = d.path("r.json");
    let out = d.run(
        &["--plain", "--save-answers", save.to_str().unwrap()],
        &[],
        Some("2\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("« c »"), "{err}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!(saved["answers"]["a"], false);
    assert_eq!(saved["questionnaire"], "t");
    // Stopped before an outcome: the content is recorded, no outcome.
    assert_eq!(saved["given_against"]["questionnaires"][0]["id"], "t");
    assert!(saved["given_against"].get("outcome").is_none(), "{saved:#}");
}

#[test]
fn save_answers_also_works_without_prompts() {
    let d = Dir::new();
    let file = d.write("c.json", COMPLETE);
    let save = d.path("copie.json");
    let out = d.run(
        &["--answers", &file, "--save-answers", save.to_str().unwrap()],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(save.exists());
}

#[test]
fn colour_is_decided_once_from_flags_and_environment() {
    let d = Dir::new();
    let file = d.write("c.json", COMPLETE);
    let has_escape = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["--answers", file.as_str()];
        all.extend_from_slice(args);
        let out = d.run(&all, env, None);
        assert_eq!(out.status.code(), Some(0));
        text(&out.stdout).contains('\x1b')
    };
    assert!(!has_escape(&[], &[]), "a pipe gets no colour");
    assert!(has_escape(&["--color", "always"], &[]));
    assert!(has_escape(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(has_escape(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!has_escape(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!has_escape(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    ));
}

#[test]
fn errors_go_to_stderr_in_colour_only_when_asked() {
    let d = Dir::new();
    let file = d.write("bad.json", r#"{"answers": {"zz": true}}"#);
    let out = d.run(&["--answers", &file, "--color", "always"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("\x1b["));
    let out = d.run(&["--answers", &file], &[], None);
    let err = text(&out.stderr);
    assert!(err.starts_with("erreur: question inconnue « zz »"), "{err}");
}

#[test]
fn english_interface_from_the_flag_or_the_locale() {
    let d = Dir::new();
    let file = d.write("c.json", COMPLETE);
    let out = d.run(&["--answers", &file, "--lang", "en"], &[], None);
    let s = text(&out.stdout);
    assert!(s.starts_with("Legal content is in French"), "{s}");
    assert!(s.contains("Required: Issue D"), "{s}");
    assert!(s.contains("Why?"), "{s}");
    assert_eq!(s.matches("Legal content is in French").count(), 1);
    let out = d.run(&["--answers", &file], &[("LANG", "en_GB.UTF-8")], None);
    assert!(text(&out.stdout).contains("Why?"));
    let out = d.run(
        &["--answers", &file],
        &[("LANG", "en_GB.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")],
        None,
    );
    assert!(text(&out.stdout).contains("Pourquoi ?"));
    let out = d.run(&[], &[("LANG", "en_US.UTF-8")], None);
    let err = text(&out.stderr);
    assert!(err.starts_with("error: missing answer for « a »"), "{err}");
    assert!(err.contains("--answers"), "{err}");
}

#[test]
fn the_why_section_follows_the_answers_in_order_with_articles() {
    let d = Dir::new();
    let file = d.write("c.json", COMPLETE);
    let out = d.run(&["--answers", &file], &[], None);
    let s = text(&out.stdout);
    let why = &s[s.find("Pourquoi ?").expect("a why section")..];
    let a = why.find("Question A ?").unwrap();
    let b = why.find("Combien pour B ?").unwrap();
    let dd = why.find("Question D ?").unwrap();
    assert!(a < b && b < dd, "{why}");
    assert!(why.contains("A oui mène à B."), "{why}");
    assert!(why.contains("CRPA, art. L300-2"), "{why}");
    assert!(
        why.contains("D'où le résultat : Obligation — Issue D"),
        "{why}"
    );
    // The same trace in JSON.
    let out = d.run(&["--answers", &file, "--format", "json"], &[], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["path"][0]["because"], "A oui mène à B.");
    assert_eq!(v["path"][0]["articles"][0]["id"], "crpa-L300-2");
}
