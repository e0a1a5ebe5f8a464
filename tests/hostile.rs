//! Hostile and broken input, through the binary: endless and huge inputs,
//! floods of errors, deep trees, duplicate keys, control characters,
//! unwritable outputs, numbers at the edge of a threshold. Each class of
//! problem has its test; every one of them failed before the hardening
//! pass (issue 12). Signals are in `tests/pty.rs`, saves in
//! `tests/saves.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

/// The binary with a clean environment: no colour, French, no terminal.
fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear()
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .timeout(Duration::from_secs(60));
    cmd
}

// ------------------------------------------------------------ size caps

#[cfg(unix)]
#[test]
fn an_endless_answers_file_stops_at_the_size_cap() {
    let start = Instant::now();
    aiguillage()
        .args(["--answers", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(contains("/dev/zero: trop volumineux : plus de 16 Mio"));
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[cfg(unix)]
#[test]
fn check_of_an_endless_file_stops_at_the_size_cap() {
    aiguillage()
        .args(["check", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(contains("plus de 16 Mio"));
    aiguillage()
        .args(["--lang", "en", "--questionnaire", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(contains("too big: more than 16 MiB"));
}

/// `yes | aiguillage …`: a writer that never stops, until the reader
/// closes the pipe.
fn endless_stdin(args: &[&str]) -> std::process::Output {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_aiguillage"))
        .args(args)
        .env_clear()
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = b"y\n".repeat(4096);
        while stdin.write_all(&chunk).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[test]
fn an_endless_stdin_stops_at_the_size_cap() {
    let out = endless_stdin(&["--answers", "-"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>: trop volumineux : plus de 16 Mio"),
        "{err}"
    );
}

#[test]
fn endless_lines_that_answer_nothing_stop_a_plain_session() {
    let out = endless_stdin(&["--plain"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lignes de suite sans réponse valide"), "{err}");
    assert!(err.len() < 100_000, "{} bytes of stderr", err.len());
}

#[cfg(unix)]
#[test]
fn an_endless_line_stops_a_plain_session() {
    // Not `pipe_stdin`, which would read all of /dev/zero first.
    let out = StdCommand::new(env!("CARGO_BIN_EXE_aiguillage"))
        .arg("--plain")
        .env_clear()
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>: ligne trop longue : plus de 64 Kio"),
        "{err}"
    );
}

// ------------------------------------------------- answers files, strictly

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `aiguillage --answers` on `text`; the exit code and stderr.
fn answers_file(text: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "r.json", text);
    let out = aiguillage()
        .args(args)
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_repeated_answer_is_refused_at_its_second_occurrence() {
    let text = "{\n  \"answers\": {\n    \"type_ressource\": \"donnees\",\n    \"type_ressource\": \"algorithme\"\n  }\n}\n";
    let (code, out, err) = answers_file(text, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(out, "");
    assert!(
        err.contains("« type_ressource » a déjà une réponse, ligne 3"),
        "{err}"
    );
    assert!(err.contains("r.json:4:5"), "{err}");
    // At the top too.
    let (code, _, err) = answers_file("{\"answers\": {},\n \"answers\": {}}", &["--lang", "en"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("the key « answers » is already given, on line 1"),
        "{err}"
    );
    assert!(err.contains("r.json:2:2"), "{err}");
}

#[test]
fn content_after_the_object_is_refused_with_a_word_on_batch() {
    for text in [
        "{\"answers\": {}}\n{\"answers\": {}}\n",
        "{\"answers\": {}} garbage",
        "{\"answers\": {\"type_ressource\": \"donnees\"}}\n{\"answers\": {\"type_ressource\": \"algorithme\"}}\n",
    ] {
        let (code, _, err) = answers_file(text, &[]);
        assert_eq!(code, Some(2), "{text}: {err}");
        assert!(
            err.contains("du texte suit la fin de l'objet JSON"),
            "{err}"
        );
        assert!(err.contains("aiguillage batch"), "{err}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let (code, _, err) = answers_file(
        "\u{feff}{\"answers\": {\"type_ressource\": \"donnees\"}}",
        &["--no-input"],
    );
    // Read: the next question is missing, not the file refused.
    assert_eq!(code, Some(2));
    assert!(
        err.contains("réponse manquante pour « donnees_organisme »"),
        "{err}"
    );
}

/// Messages that showed serde's or the system's English words.
#[test]
fn no_internals_or_english_in_french_messages() {
    let deep = format!(
        "{{\"answers\": {{\"a\": {}1{}}}}}",
        "[".repeat(300),
        "]".repeat(300)
    );
    let cases = [
        ("{\"answers\": {\"type_ressource\": null}}", "pas null"),
        ("{\"answers\": {\"type_ressource\": [1]}}", "pas une liste"),
        ("{\"answers\": {\"type_ressource\": {}}}", "pas un objet"),
        (deep.as_str(), "pas une liste"),
        ("{\"answers\": {\"donnees_etp\": -}}", "nombre mal écrit"),
        (
            "{\"answers\": {\"donnees_etp\": 01}}",
            "sans signe + ni zéro en tête",
        ),
        (
            "{\"answers\": {\"donnees_etp\": 1e999}}",
            "nombre trop grand",
        ),
        ("{\"answers\": {\"a\": \"\\x\"}}", "échappement invalide"),
        (
            "{\"answers\": {\"a\": \"\\ud800\"}}",
            "séquence « \\u » invalide",
        ),
        ("{\"answers\": {}, \"answers\": {}}", "est déjà donnée"),
        ("{\"answers\": []}", "« answers » est un objet"),
        ("{\"questionnaire\": 3}", "attend un texte entre guillemets"),
        ("{\"answers\": {\"a\": \"x\ny\"}}", "caractère de contrôle"),
    ];
    for (text, expected) in cases {
        let (code, _, err) = answers_file(text, &[]);
        assert_eq!(code, Some(2), "{text}: {err}");
        assert!(err.contains(expected), "{text}: {err}");
        for english in [
            "untagged",
            "variant",
            "recursion",
            "duplicate",
            "invalid number",
            "invalid escape",
            "invalid type",
            "invalid unicode",
            "lone leading",
            "control character",
            "expected",
            "EOF",
            " at line ",
        ] {
            assert!(!err.contains(english), "{text}: « {english} » in {err}");
        }
    }
    // The same in English with --lang en.
    let (_, _, err) = answers_file(
        "{\"answers\": {\"type_ressource\": null}}",
        &["--lang", "en"],
    );
    assert!(
        err.contains("an answer is true, false, a number or a text in quotes, not null"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_loop_of_symbolic_links_is_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::os::unix::fs::symlink(&a, &b).unwrap();
    std::os::unix::fs::symlink(&b, &a).unwrap();
    aiguillage()
        .arg("--answers")
        .arg(&a)
        .assert()
        .code(2)
        .stderr(contains("trop de liens symboliques imbriqués"))
        .stderr(contains("symbolic").not());
}

// ------------------------------------------------------------- rounding

/// Just under 50, as written: serde_json without `float_roundtrip` read
/// it as 50.0 and routed it to « 50 ou plus ».
const UNDER_50: &str = "49.99999999999999";

/// The answers of scenario D-collectivite-etp-49 (49 agents: under the
/// threshold of 50), with `etp` agents instead.
fn etp_case(etp: &str, population: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/D-collectivite-etp-49.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut answers = v["answers"].as_object().unwrap().clone();
    assert_eq!(answers.remove("donnees_etp"), Some(serde_json::json!(49)));
    answers.remove("donnees_population");
    let rest = serde_json::to_string(&answers).unwrap();
    // The numbers as written, not as serde_json would print them.
    format!(
        "{{\"answers\": {{\"donnees_etp\": {etp}, \"donnees_population\": {population}, {}}}",
        &rest[1..]
    )
}

#[test]
fn a_number_just_under_a_threshold_stays_under_it() {
    let (code, out, err) = answers_file(&etp_case(UNDER_50, "8000"), &["--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["outcome"]["id"], "donnees_non_soumis", "{out}");
    let etp = d["path"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["question"] == "donnees_etp")
        .unwrap()
        .clone();
    assert!(
        etp["label"].as_str().unwrap().contains("Moins de 50"),
        "{etp}"
    );
}

#[test]
fn a_saved_number_does_not_drift_across_save_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.json");
    std::fs::write(&first, etp_case(UNDER_50, "8000.000000000001")).unwrap();
    let mut previous = first;
    let mut saved = Vec::new();
    for i in 0..3 {
        let next = dir.path().join(format!("{i}.json"));
        aiguillage()
            .arg("--answers")
            .arg(&previous)
            .arg("--save-answers")
            .arg(&next)
            .assert()
            .success();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&next).unwrap()).unwrap();
        saved.push(v["answers"].clone());
        previous = next;
    }
    let etp = saved[0]["donnees_etp"].as_f64().unwrap();
    assert_eq!(etp, UNDER_50.parse::<f64>().unwrap());
    assert!(etp < 50.0);
    assert_eq!(
        saved[0]["donnees_population"].as_f64(),
        Some(8000.000000000001)
    );
    assert_eq!(saved[0], saved[1]);
    assert_eq!(saved[1], saved[2]);
}

// --------------------------------------------------- bounded reporting

/// 10 000 unknown ids, one per line (about 280 KB), or all on one line
/// (about 139 KB): each error used to copy its whole line and every error
/// was built before any was shown (23 s, 2 GB of stderr).
#[test]
fn a_flood_of_unknown_ids_is_reported_fast_and_bounded() {
    let ids: Vec<String> = (0..10_000)
        .map(|i| format!("\"inconnue_{i:05}\": true"))
        .collect();
    for (layout, text) in [
        (
            "one per line",
            format!(
                "{{\n  \"answers\": {{\n    {}\n  }}\n}}\n",
                ids.join(",\n    ")
            ),
        ),
        (
            "one line",
            format!("{{\"answers\": {{{}}}}}", ids.join(",")),
        ),
    ] {
        let start = Instant::now();
        let (code, out, err) = answers_file(&text, &[]);
        let took = start.elapsed();
        assert_eq!(code, Some(2), "{layout}");
        assert_eq!(out, "");
        assert!(took < Duration::from_secs(5), "{layout}: {took:?}");
        assert!(err.len() < 8_000, "{layout}: {} bytes of stderr", err.len());
        assert!(err.contains("… et 9 980 autres erreurs"), "{layout}: {err}");
        assert_eq!(err.matches("question inconnue").count(), 20, "{layout}");
        // The first errors of the file, in its order.
        assert!(err.contains("« inconnue_00000 »"), "{layout}: {err}");
        for line in err.lines() {
            assert!(line.chars().count() < 120, "{layout}: {line}");
        }
    }
}

#[test]
fn an_answers_file_holds_at_most_100_000_answers() {
    let ids: Vec<String> = (0..100_001).map(|i| format!("\"q{i}\":1")).collect();
    let (code, _, err) = answers_file(&format!("{{\"answers\":{{{}}}}}", ids.join(",")), &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("plus de 100 000 réponses"), "{err}");
}

/// A questionnaire with `count` yes/no questions whose answers all lead
/// to a node that does not exist: two errors each, and every question but
/// the first unreachable.
fn broken_tree(count: usize) -> String {
    let mut s = String::from(
        "id = \"casse\"\ntitle = \"Cassé\"\nversion = \"1\"\nlegal_date = \"2026-01-01\"\nstart = \"q0\"\n",
    );
    for i in 0..count {
        s.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\nkind = \"yes_no\"\ntext = \"Q{i} ?\"\nhelp = \"Aide.\"\n\
             choices = [{{ value = \"oui\", label = \"Oui\", next = \"nulle_part_{i}\" }}, \
             {{ value = \"non\", label = \"Non\", next = \"nulle_part_{i}\" }}]\n"
        ));
    }
    s
}

#[test]
fn check_of_a_questionnaire_with_thousands_of_errors_is_fast_and_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "casse.toml", &broken_tree(10_000));
    let start = Instant::now();
    let out = aiguillage().arg("check").arg(&file).output().unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.len() < 20_000, "{} bytes", text.len());
    assert_eq!(text.matches("erreur[").count(), 20);
    assert!(
        text.contains("autre(s) problème(s) : aiguillage check --format json les donne tous"),
        "{text}"
    );
    // 20 000 references to nowhere, 9 999 unreachable questions.
    assert!(text.contains(": 29999 erreur(s)"), "{text}");
    // Loading it for a session says the same, bounded too.
    let out = aiguillage()
        .arg("--questionnaire")
        .arg(&file)
        .arg("--no-input")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.len() < 20_000, "{} bytes", err.len());
    assert!(err.contains("autres erreurs"), "{err}");
}

// ------------------------------------------------------ iterative walks

/// A chain of `n` yes/no questions: « oui » goes on to the next one,
/// « non » ends at `fin_non`; the last one ends at `fin_oui`. With
/// `both`, both answers go on: 2^n paths.
fn chain(n: usize, both: bool) -> String {
    let mut s = String::from(
        "id = \"chaine\"\ntitle = \"Chaîne\"\nversion = \"1\"\nlegal_date = \"2026-01-01\"\nstart = \"q0\"\n",
    );
    for i in 0..n {
        let next = if i + 1 == n {
            "fin_oui".to_owned()
        } else {
            format!("q{}", i + 1)
        };
        let other = if both { next.as_str() } else { "fin_non" };
        s.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\nkind = \"yes_no\"\ntext = \"Q{i} ?\"\nhelp = \"Aide.\"\n\
             choices = [{{ value = \"oui\", label = \"Oui\", next = \"{next}\" }}, \
             {{ value = \"non\", label = \"Non\", next = \"{other}\" }}]\n"
        ));
    }
    let ends: &[&str] = if both {
        &["fin_oui"]
    } else {
        &["fin_oui", "fin_non"]
    };
    for id in ends {
        s.push_str(&format!(
            "\n[[outcomes]]\nid = \"{id}\"\nverdict = \"may\"\ntitle = \"Fin\"\nsummary = \"Fin.\"\nguides = [\"juridique\"]\n"
        ));
    }
    s
}

#[test]
fn a_chain_of_30_000_questions_is_checked_listed_and_walked_without_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let tree = write(dir.path(), "chaine.toml", &chain(30_000, false));
    let tree = tree.to_str().unwrap();
    let out = aiguillage().args(["check", tree]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0 erreur(s)"), "{text}");
    // The skeleton lists every question in order (a walk of the tree).
    let out = aiguillage()
        .args(["--questionnaire", tree, "questions", "--skeleton"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let skeleton = String::from_utf8(out.stdout).unwrap();
    assert_eq!(skeleton.matches("\": \"<true | false> Q").count(), 30_000);
    // A session: « Question 1 sur 30000 au plus » walks the tree too.
    let out = aiguillage()
        .args(["--questionnaire", tree, "--plain", "--format", "json"])
        .write_stdin("2\n\n")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("Question 1 sur 30000 au plus"), "{err}");
    // Answers all the way down: the engine walks 30 000 steps.
    let answers: Vec<String> = (0..30_000).map(|i| format!("\"q{i}\": true")).collect();
    let file = write(
        dir.path(),
        "r.json",
        &format!("{{\"answers\": {{{}}}}}", answers.join(",")),
    );
    let out = aiguillage()
        .args(["--questionnaire", tree, "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["outcome"]["id"], "fin_oui");
}

/// The first line of `aiguillage paths` on `tree`, read while the
/// listing goes on; then the reader goes away, and so must the writer.
fn first_line_of_paths(tree: &Path, format: &str) -> (String, Duration) {
    use std::io::BufRead;
    let start = Instant::now();
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_aiguillage"))
        .arg("--questionnaire")
        .arg(tree)
        .args(["paths", "--format", format])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut first).unwrap();
    let mut second = String::new();
    out.read_line(&mut second).unwrap();
    let took = start.elapsed();
    drop(out);
    let status = child.wait().unwrap();
    // A closed pipe ends the listing quietly.
    assert_eq!(status.code(), Some(0), "{format}");
    (format!("{first}{second}"), took)
}

#[test]
fn paths_streams_a_billion_paths_instead_of_collecting_them() {
    let dir = tempfile::tempdir().unwrap();
    let tree = write(dir.path(), "large.toml", &chain(30, true));
    let (text, took) = first_line_of_paths(&tree, "text");
    assert!(
        text.starts_with("chaine — Chaîne : chemins listés à mesure"),
        "{text}"
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
    let (json, took) = first_line_of_paths(&tree, "json");
    assert_eq!(json, "[\n  {\n");
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn questions_of_10_000_questions_is_not_quadratic() {
    let dir = tempfile::tempdir().unwrap();
    let tree = write(dir.path(), "chaine.toml", &chain(10_000, false));
    for format in ["text", "json"] {
        let start = Instant::now();
        let out = aiguillage()
            .arg("--questionnaire")
            .arg(&tree)
            .args(["questions", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{format}: {:?}",
            start.elapsed()
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("q9999"));
    }
}

// ---------------------------------------------------------- write errors

/// The binary with stdout and/or stderr on /dev/full (every write fails
/// with « no space left »).
#[cfg(target_os = "linux")]
fn to_full(args: &[&str], stdout_full: bool, stderr_full: bool) -> std::process::Output {
    let full = || {
        Stdio::from(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
    };
    let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_aiguillage"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .stdin(Stdio::null());
    cmd.stdout(if stdout_full { full() } else { Stdio::piped() });
    cmd.stderr(if stderr_full { full() } else { Stdio::piped() });
    cmd.output().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_stdout_or_stderr_never_panics_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(
        dir.path(),
        "ok.json",
        "{\"answers\": {\"type_ressource\": \"donnees\", \"donnees_organisme\": \"aucun\"}}",
    );
    let ok = ok.to_str().unwrap();
    for (args, stdout_full, stderr_full, code) in [
        // The decision cannot be written: exit 1, said on stderr.
        (vec!["--answers", ok], true, false, 1),
        (vec!["--answers", ok], true, true, 1),
        (vec!["--answers", ok, "--format", "json"], true, true, 1),
        (vec!["check"], true, true, 1),
        (vec!["paths"], true, true, 1),
        (vec!["questions"], true, false, 1),
        (vec!["man"], true, true, 1),
        (vec!["--help"], true, false, 1),
        (vec!["--version"], true, false, 1),
        (vec!["--lang", "en", "--version"], true, false, 1),
        // Bad input keeps its code when its message cannot be written.
        (vec!["--answers", "/nonexistent.json"], false, true, 2),
        // A prompt that cannot be written ends the session.
        (vec!["--plain"], false, true, 1),
    ] {
        let out = to_full(&args, stdout_full, stderr_full);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        if stdout_full && !stderr_full && code == 1 {
            let said = if args[0] == "--lang" {
                "standard output: no space left on the disk"
            } else {
                "sortie standard : plus de place sur le disque"
            };
            assert!(err.contains(said), "{args:?}: {err}");
        }
    }
    // The decision was written: a warning that cannot be is no failure.
    let extra = write(
        dir.path(),
        "extra.json",
        "{\"answers\": {\"type_ressource\": \"donnees\", \"donnees_organisme\": \"aucun\", \"algo_secret\": \"non\"}}",
    );
    let out = to_full(&["--answers", extra.to_str().unwrap()], false, true);
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
}

// ------------------------------------------------------ output hygiene

/// A tree whose content carries escape sequences (TOML `\u001B`): a
/// free-text question, then a yes/no one whose « oui » leads to an
/// outcome with a screen-clearing title.
const ESCAPES_TREE: &str = r#"
id = "esc"
title = "Titre \u001B]0;titre vole\u0007"
version = "1"
legal_date = "2026-01-01"
start = "nom"

[[questions]]
id = "nom"
kind = "text"
text = "Nom \u001B[31m rouge ?"
help = "Aide \u009B2J."
next = "q"

[[questions]]
id = "q"
kind = "yes_no"
text = "Q ?"
help = "Aide."
choices = [
  { value = "oui", label = "Oui \u001B[2J", next = "fin" },
  { value = "non", label = "Non", next = "fin" },
]

[[outcomes]]
id = "fin"
verdict = "may"
title = "Fin \u001B[2J\u202Eeurt"
summary = "Résumé \u001B[1m."
guides = ["juridique"]
"#;

/// No raw control character but line breaks and tabs.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
        })
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in {text}");
}

#[test]
fn control_characters_from_the_input_are_escaped_on_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let tree = write(dir.path(), "esc.toml", ESCAPES_TREE);
    let tree = tree.to_str().unwrap();
    let answers = write(
        dir.path(),
        "r.json",
        r#"{"answers": {"nom": "\u001b]0;pwned\u0007 et \u009b31m", "q": true}}"#,
    );
    let answers = answers.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--questionnaire", tree];
        all.extend_from_slice(args);
        aiguillage().args(&all).output().unwrap()
    };
    for format in ["text", "markdown", "link"] {
        let out = run(&["--answers", answers, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_clean(format, &out.stdout);
        assert_clean(format, &out.stderr);
    }
    let out = run(&["--answers", answers]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Fin \\x1b[2J\\u{202e}eurt"), "{text}");
    assert!(text.contains("\\x1b]0;pwned\\x07 et \\u{9b}31m"), "{text}");
    // JSON keeps the answer as given, escaped the JSON way.
    let out = run(&["--answers", answers, "--format", "json"]);
    assert_clean("json", &out.stdout);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["path"][0]["answer"], "\u{1b}]0;pwned\u{7} et \u{9b}31m");
    // The maintainer's commands.
    for args in [
        &["check", tree][..],
        &["questions"],
        &["questions", "--skeleton"],
        &["paths"],
        &["graph"],
        &["graph", "--format", "dot"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_clean(&format!("{args:?}"), &out.stdout);
    }
    // A plain session shows the questions, and reviews the free text read
    // from the file.
    let partial = write(
        dir.path(),
        "partiel.json",
        r#"{"answers": {"nom": "\u001b]0;pwned\u0007"}}"#,
    );
    let out = aiguillage()
        .args(["--questionnaire", tree, "--plain", "--answers"])
        .arg(&partial)
        .write_stdin("?\n1\n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Vos réponses"), "{err}");
    assert!(err.contains("-> \\x1b]0;pwned\\x07"), "{err}");
    assert_clean("plain session", &out.stderr);
    // Errors quoting ids, values and lines of the file.
    let bad = write(
        dir.path(),
        "bad.json",
        "{\"answers\": {\"\\u001b[31minconnue\": 1, \"q\": \"\\u001b[2J\"}}\n{\x1b[2J",
    );
    for file in [answers, bad.to_str().unwrap()] {
        let out = aiguillage().args(["--answers", file]).output().unwrap();
        assert_clean(file, &out.stderr);
    }
    let out = aiguillage()
        .args(["--answers", bad.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\\x1b[2J"), "{err}");
}

/// A tally counting each of 10 000 questions: each must be asked on
/// every path to it, which was a walk of the tree per counted question
/// and per questionnaire (quadratic: minutes).
#[test]
fn a_tally_counting_10_000_questions_is_checked_fast() {
    let n = 10_000;
    let mut s = String::from(
        "id = \"compte\"\ntitle = \"Compte\"\nversion = \"1\"\nlegal_date = \"2026-01-01\"\nstart = \"q0\"\n",
    );
    for i in 0..n {
        let next = if i + 1 == n {
            "t".to_owned()
        } else {
            format!("q{}", i + 1)
        };
        s.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\nkind = \"yes_no\"\ntext = \"Q{i} ?\"\nhelp = \"Aide.\"\n\
             choices = [{{ value = \"oui\", label = \"Oui\", next = \"{next}\" }}, \
             {{ value = \"non\", label = \"Non\", next = \"{next}\" }}]\n"
        ));
    }
    let counted: Vec<String> = (0..n).map(|i| format!("\"q{i}\"")).collect();
    s.push_str(&format!(
        "\n[[questions]]\nid = \"t\"\nkind = \"tally\"\ntext = \"T\"\ncount = [{}]\n\
         ranges = [{{ below = 1, label = \"aucun\", next = \"fin\" }}, {{ min = 1, label = \"un ou plus\", next = \"fin\" }}]\n\
         \n[[outcomes]]\nid = \"fin\"\nverdict = \"may\"\ntitle = \"Fin\"\nsummary = \"Fin.\"\nguides = [\"juridique\"]\n",
        counted.join(", ")
    ));
    let dir = tempfile::tempdir().unwrap();
    let tree = write(dir.path(), "compte.toml", &s);
    let start = Instant::now();
    let out = aiguillage().arg("check").arg(&tree).output().unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0 erreur(s)"), "{text}");
}

// ------------------------------------------------- second pass (issue 22)

/// A complete case whose file says it was saved against other content:
/// a version, ids and an outcome carrying escape sequences, and `count`
/// questionnaires that no longer exist.
fn drifted_case(count: usize) -> String {
    let mut stamps = vec![serde_json::json!({
        "id": "accueil\u{1b}[2J", "version": "0\u{7}", "sha256": "x"
    })];
    stamps.extend(
        (0..count)
            .map(|i| serde_json::json!({"id": format!("q{i}"), "version": "1", "sha256": "x"})),
    );
    serde_json::json!({
        "given_against": {
            "aiguillage": "\u{1b}]0;titre\u{7}\u{9b}31m\u{202e}",
            "questionnaires": stamps,
            "outcome": "fin\u{1b}[31m",
        },
        "answers": {"type_ressource": "donnees", "donnees_organisme": "aucun"}
    })
    .to_string()
}

#[test]
fn the_given_against_warning_is_escaped_and_bounded_without_strict() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "r.json", &drifted_case(150_000));
    let out = aiguillage().arg("--answers").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_clean("given_against warning", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("aiguillage \\x1b]0;titre\\x07\\u{9b}31m\\u{202e}"),
        "{err}"
    );
    // 20 lines, then the count of the others.
    assert!(err.contains("… et 149 982 autres différences"), "{err}");
    assert!(err.lines().count() < 30, "{}", err.lines().count());
}

#[test]
fn save_answers_dash_is_refused_not_a_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let case = write(
        dir.path(),
        "r.json",
        "{\"answers\": {\"type_ressource\": \"donnees\", \"donnees_organisme\": \"aucun\"}}",
    );
    aiguillage()
        .current_dir(dir.path())
        .arg("--answers")
        .arg(&case)
        .args(["--save-answers", "-"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "--save-answers - : la sortie standard reçoit déjà la décision",
        ));
    assert!(!dir.path().join("-").exists());
}

#[cfg(unix)]
#[test]
fn the_suggested_resume_command_is_shell_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let case = write(
        dir.path(),
        "r.json",
        "{\"answers\": {\"type_ressource\": \"donnees\", \"donnees_organisme\": \"aucun\"}}",
    );
    // A folder that does not exist: the answers go to the fallback file,
    // and the message says how to resume, quoted as a shell reads it.
    let target = dir.path().join("dossier absent/l'agent.json");
    let out = aiguillage()
        .env("TMPDIR", dir.path())
        .arg("--answers")
        .arg(&case)
        .arg("--save-answers")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let quoted = format!(
        "--save-answers '{}/dossier absent/l'\\''agent.json'",
        dir.path().display()
    );
    assert!(err.contains(&quoted), "{quoted} not in {err}");
}

/// Runs the binary with `args` and returns its exit code, its stdout and
/// its peak resident memory in KiB (from `wait4`: this child's alone).
#[cfg(target_os = "linux")]
// Waited for with wait4, for its resource usage.
#[allow(clippy::zombie_processes)]
fn run_measured(args: &[&std::ffi::OsStr]) -> (Option<i32>, Vec<u8>, u64) {
    use std::io::Read;
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_aiguillage"))
        .args(args)
        .env_clear()
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 fills it for our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (code, stdout, usage.ru_maxrss as u64)
}

/// A diamond of `levels` levels of yes/no questions: each answer of each
/// level's two questions leads to one of the next level's two (2^levels
/// paths), then to one outcome of verdict `verdict`.
fn diamond(levels: usize, verdict: &str) -> String {
    let mut s = String::from(
        "id = \"losange\"\ntitle = \"Losange \\u001B[2J\"\nversion = \"1\"\nlegal_date = \"2026-01-01\"\nstart = \"a0\"\n",
    );
    for i in 0..levels {
        let sides: &[&str] = if i == 0 { &["a"] } else { &["a", "b"] };
        for side in sides {
            let (yes, no) = if i + 1 == levels {
                ("fin".to_owned(), "fin".to_owned())
            } else {
                (format!("a{}", i + 1), format!("b{}", i + 1))
            };
            s.push_str(&format!(
                "\n[[questions]]\nid = \"{side}{i}\"\nkind = \"yes_no\"\ntext = \"Q ?\"\nhelp = \"Aide.\"\n\
                 choices = [{{ value = \"oui\", label = \"Oui\", next = \"{yes}\" }}, \
                 {{ value = \"non\", label = \"Non\", next = \"{no}\" }}]\n"
            ));
        }
    }
    s.push_str(&format!(
        "\n[[outcomes]]\nid = \"fin\"\nverdict = \"{verdict}\"\ntitle = \"Fin \\u001B]0;x\\u0007\"\nsummary = \"Fin.\"\nguides = [\"juridique\"]\n"
    ));
    s
}

/// `diff` of trees with more paths than can be compared: it stops at its
/// bound (2 million answers replayed), says what it did not compare, and
/// stays within a fixed memory (here, under 256 MiB).
#[cfg(target_os = "linux")]
#[test]
fn diff_is_bounded_on_a_60_level_diamond_and_a_7_500_question_chain() {
    let dir = tempfile::tempdir().unwrap();
    let before = write(dir.path(), "avant.toml", &diamond(60, "may"));
    let after = write(dir.path(), "apres.toml", &diamond(60, "must"));
    let os = |p: &Path| p.as_os_str().to_owned();
    let diff = std::ffi::OsString::from("diff");
    let (code, out, kib) = run_measured(&[&diff, &os(&before), &os(&after)]);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("fin [may] → fin [must]  (losange)"), "{text}");
    assert!(
        text.contains("Comparaison incomplète : arrêtée après 2 000 000 réponses rejouées"),
        "{text}"
    );
    assert!(
        text.contains("n'ont pas tous été comparés : losange"),
        "{text}"
    );
    assert_clean("diff text", text.as_bytes());
    assert!(kib < 256 * 1024, "{kib} KiB");
    // A chain of 7 500 questions: 7 501 paths of up to 7 500 answers.
    let chain_of = |verdict: &str| {
        chain(7_500, false).replace(
            "[[outcomes]]\nid = \"fin_non\"\nverdict = \"may\"",
            &format!("[[outcomes]]\nid = \"fin_non\"\nverdict = \"{verdict}\""),
        )
    };
    let before = write(dir.path(), "chaine-avant.toml", &chain_of("may"));
    let after = write(dir.path(), "chaine-apres.toml", &chain_of("must"));
    let json = std::ffi::OsString::from("--format=json");
    let (code, out, kib) = run_measured(&[&diff, &os(&before), &os(&after), &json]);
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["complete"], false);
    assert_eq!(v["not_compared"], serde_json::json!(["chaine"]));
    assert_eq!(v["changes"][0]["after"]["verdict"], "must");
    let count = v["changes"][0]["count"].as_u64().unwrap();
    let listed = v["changes"][0]["paths"].as_array().unwrap().len() as u64;
    assert!(count > 100 && listed < count, "{count} {listed}");
    assert!(kib < 256 * 1024, "{kib} KiB");
}

/// More digits than a number keeps: 49.99999999999999999 was read as 50,
/// over the threshold (« 50 ETP ou plus », the publication duty).
#[test]
fn a_number_no_double_holds_is_refused_in_files_and_at_a_prompt() {
    let (code, out, err) = answers_file(&etp_case("49.99999999999999999", "8000"), &[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        err.contains(
            "49.99999999999999999 a plus de chiffres qu'un nombre n'en garde : il serait lu 50"
        ),
        "{err}"
    );
    assert!(err.contains("r.json:1:"), "{err}");
    for huge in ["18446744073709551615", "-9223372036854775809"] {
        let (code, _, err) = answers_file(&etp_case(huge, "8000"), &[]);
        assert_eq!(code, Some(2), "{huge}: {err}");
        assert!(err.contains("plus de chiffres"), "{huge}: {err}");
    }
    // Typed at a prompt: refused, said, and asked again.
    let dir = tempfile::tempdir().unwrap();
    let mut partial: serde_json::Value = serde_json::from_str(&etp_case("1", "8000")).unwrap();
    partial["answers"]
        .as_object_mut()
        .unwrap()
        .remove("donnees_etp");
    let file = write(dir.path(), "p.json", &partial.to_string());
    let out = aiguillage()
        .args(["--plain", "--format", "json", "--answers"])
        .arg(&file)
        .write_stdin("49,9999999999999999\n49\n")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("49.9999999999999999 a plus de chiffres qu'un nombre n'en garde"),
        "{err}"
    );
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["outcome"]["id"], "donnees_non_soumis");
}

/// 2^64 is a number a double holds: read, shown and saved with all its
/// digits, never as 1.8446744073709552e+19.
#[test]
fn a_huge_whole_number_is_shown_and_saved_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "r.json",
        r#"{"answers": {"type_ressource": "algorithme", "algo_administration": "collectivite",
            "algo_decision_individuelle": "personnes_physiques", "algo_secret": "non",
            "algo_etp": 18446744073709551616, "algo_automatisation": "aide_decision",
            "algo_donnees_personnelles": true, "algo_aide_donnees_sensibles": "non"}}"#,
    );
    let saved = dir.path().join("s.json");
    let out = aiguillage()
        .args(["--detail", "--answers"])
        .arg(&file)
        .arg("--save-answers")
        .arg(&saved)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("18 446 744 073 709 551 616"), "{text}");
    assert!(!text.contains("e+19") && !text.contains("e19"), "{text}");
    let back = std::fs::read_to_string(&saved).unwrap();
    assert!(
        back.contains("\"algo_etp\": 18446744073709551616,"),
        "{back}"
    );
}

/// The TOML reader's English (« string values must be quoted », « unclosed
/// array », « recursion limit » with an empty place `()`) never reaches
/// the user: French, or English under --lang en, with a line and column.
#[test]
fn toml_errors_are_said_in_the_interface_language_with_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("id = abc\n", "un texte s'écrit entre guillemets", ":1:6"),
        ("id = \"a\"\nx = [1, 2\n", "liste non refermée", ":2:10"),
        ("v = nan1\n", "nombre décimal invalide", ":1:5"),
        (
            &format!("a{} = 1\n", ".a".repeat(300)),
            "trop de niveaux imbriqués",
            ":1:",
        ),
    ];
    for (i, (text, said, place)) in cases.iter().enumerate() {
        let file = write(dir.path(), &format!("t{i}.toml"), text);
        let out = aiguillage().arg("check").arg(&file).output().unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{report}");
        assert!(report.contains(said), "{report}");
        assert!(report.contains(&format!("t{i}.toml{place}")), "{report}");
        assert!(!report.contains("()"), "{report}");
        for english in [
            "expected",
            "quoted",
            "unclosed",
            "recursion",
            "invalid float",
        ] {
            assert!(!report.contains(english), "{english}: {report}");
        }
        let out = aiguillage()
            .args(["--lang", "en", "check"])
            .arg(&file)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains("error[parse]"), "{report}");
        assert!(!report.contains("erreur"), "{report}");
    }
}

/// A key or a value of megabytes was echoed whole (15.7 MB on stderr),
/// and the « vouliez-vous dire » search cost its length times every id.
#[test]
fn a_huge_key_or_value_is_echoed_cut_and_never_compared_whole() {
    let big = "algo_etp".repeat(250_000); // 2 MB
    let text = format!("{{\"answers\": {{\"{big}\": 1, \"type_ressource\": \"{big}\"}}}}");
    let (code, out, err) = answers_file(&text, &[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(err.len() < 4_000, "{} bytes on stderr", err.len());
    assert!(err.contains("algo_etpalgo_etp"), "{err}");
    assert!(err.contains('…'), "{err}");
    assert!(!err.contains("vouliez-vous dire"), "{err}");
}

/// A TOML file of 16 MiB took 707 MB (1.3 GB for `x = [1,1,1,…]`) to
/// read: its tokens are now counted first, in constant memory, and a file
/// past 3 million is refused where the cap is passed. Whatever is read
/// stays under 300 MiB.
#[cfg(target_os = "linux")]
#[test]
fn a_16_mib_toml_file_is_read_within_a_stated_memory_bound() {
    let dir = tempfile::tempdir().unwrap();
    let n = 16 * 1024 * 1024 / 2 - 16;
    let text = format!("x = [{}1]\n", "1,".repeat(n));
    let file = write(dir.path(), "dense.toml", &text);
    let check = std::ffi::OsString::from("check");
    let (code, out, kib) = run_measured(&[&check, file.as_os_str()]);
    let report = String::from_utf8_lossy(&out);
    assert_eq!(code, Some(2), "{report}");
    assert!(
        report.contains("fichier trop chargé : plus de 3 000 000 éléments"),
        "{report}"
    );
    assert!(report.contains("dense.toml:1:"), "{report}");
    assert!(kib < 300 * 1024, "{kib} KiB");
}

/// Batch cells go through the shared number reader: a number no double
/// holds is refused there too, never decided as 50.
#[test]
fn a_batch_cell_with_more_digits_than_a_number_keeps_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "cas.csv",
        "type_ressource;donnees_organisme;donnees_etp;donnees_population;donnees_forte_valeur\n\
         donnees;collectivite;49,99999999999999999;8000;non\n",
    );
    let out = aiguillage().arg("batch").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let record: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(record["error"]["question"], "donnees_etp", "{record}");
    assert!(record.get("outcome").is_none(), "{record}");
}
