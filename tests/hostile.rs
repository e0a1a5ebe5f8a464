//! Hostile and broken input, through the binary: endless and huge inputs,
//! floods of errors, deep trees, duplicate keys, control characters,
//! unwritable outputs, numbers at the edge of a threshold. Each class of
//! problem has its test; every one of them failed before the hardening
//! pass (issue 12). Signals are in `tests/pty.rs`, saves in
//! `tests/saves.rs`.

use std::io::Write;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
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
