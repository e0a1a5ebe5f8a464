//! `--save-answers` done right: the permissions of the file it replaces
//! are kept, a symbolic link is refused rather than replaced, a failed
//! save removes its temporary file, still prints the decision and puts
//! the answers in a fallback file that the message names, and nothing
//! answered leaves an existing file as it was. (Ctrl-C and signals at a
//! prompt are in `tests/pty.rs`.)

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A complete case: the session needs no question.
const CASE: &str =
    "{\"answers\": {\"type_ressource\": \"donnees\", \"donnees_organisme\": \"aucun\"}}";

struct Dir {
    dir: tempfile::TempDir,
    /// The temporary folder the binary sees (TMPDIR), for fallback files.
    tmp: tempfile::TempDir,
}

impl Dir {
    fn new() -> Self {
        Dir {
            dir: tempfile::tempdir().unwrap(),
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aiguillage"));
        cmd.args(args)
            .env_clear()
            .env("NO_COLOR", "1")
            .env("TMPDIR", self.tmp.path())
            .stdin(Stdio::null());
        cmd
    }

    /// `aiguillage --answers CASE --save-answers target`.
    fn save_to(&self, target: &Path) -> Output {
        let case = self.write("case.json", CASE);
        self.command(&[
            "--answers",
            case.to_str().unwrap(),
            "--save-answers",
            target.to_str().unwrap(),
        ])
        .output()
        .unwrap()
    }

    /// Every file of the folder, but the case.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "case.json")
            .collect();
        names.sort();
        names
    }

    /// The fallback files written in the temporary folder.
    fn fallbacks(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.tmp.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("aiguillage-reponses-")
            })
            .collect()
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_save_keeps_the_permissions_of_the_file_it_replaces() {
    let d = Dir::new();
    let target = d.write("r.json", "{}");
    for wanted in [0o600, 0o640, 0o664] {
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(wanted)).unwrap();
        let out = d.save_to(&target);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(mode(&target), wanted);
        let saved = std::fs::read_to_string(&target).unwrap();
        assert!(
            saved.contains("\"donnees_organisme\": \"aucun\""),
            "{saved}"
        );
    }
    // No temporary file left behind.
    assert_eq!(d.files(), ["r.json"]);
}

#[test]
fn a_new_file_gets_the_usual_permissions() {
    let d = Dir::new();
    let target = d.path("nouveau.json");
    let out = d.save_to(&target);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // 0666 less the umask: never more, and readable and writable by the
    // saver.
    assert_eq!(mode(&target) & 0o600, 0o600);
    assert_eq!(mode(&target) & 0o111, 0);
}

#[test]
fn a_symbolic_link_is_refused_the_decision_printed_the_answers_kept_elsewhere() {
    let d = Dir::new();
    let real = d.write("vrai.json", "precious");
    let link = d.path("lien.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = d.save_to(&link);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // The decision is there.
    assert!(String::from_utf8_lossy(&out.stdout).contains("Non concerné"));
    // The link is still a link, its file untouched.
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "precious");
    assert!(err.contains("c'est un lien symbolique (vers "), "{err}");
    // The answers are in the fallback file the message names.
    let fallbacks = d.fallbacks();
    assert_eq!(fallbacks.len(), 1, "{err}");
    let fallback = fallbacks[0].display().to_string();
    assert!(
        err.contains(&format!("elles l'ont été dans {fallback}")),
        "{err}"
    );
    assert!(
        err.contains(&format!("aiguillage --answers {fallback} --save-answers")),
        "{err}"
    );
    assert_eq!(mode(&fallbacks[0]), 0o600);
    let saved = std::fs::read_to_string(&fallbacks[0]).unwrap();
    assert!(
        saved.contains("\"donnees_organisme\": \"aucun\""),
        "{saved}"
    );
    assert_eq!(d.files(), ["lien.json", "vrai.json"]);
}

#[test]
fn a_save_to_a_missing_folder_goes_to_the_fallback_file() {
    let d = Dir::new();
    let target = d.path("absent/r.json");
    let out = d.save_to(&target);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Non concerné"));
    assert!(err.contains("fichier ou dossier introuvable"), "{err}");
    assert_eq!(d.fallbacks().len(), 1, "{err}");
}

/// Writes past 100 bytes fail (EFBIG), as on a full file system.
fn small_files(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 100,
                rlim_max: 100,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[test]
fn a_save_that_cannot_be_written_removes_its_temporary_file() {
    let d = Dir::new();
    let target = d.write("r.json", "ancien");
    let case = d.write("case.json", CASE);
    let mut cmd = d.command(&[
        "--answers",
        case.to_str().unwrap(),
        "--save-answers",
        target.to_str().unwrap(),
    ]);
    small_files(&mut cmd);
    let out = cmd.output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // The decision went to the pipe, which has no such limit.
    assert!(String::from_utf8_lossy(&out.stdout).contains("Non concerné"));
    // The old file is whole, and no temporary file is left.
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "ancien");
    assert_eq!(d.files(), ["r.json"]);
    // The fallback could not be written either: both are said.
    assert!(
        err.contains("les réponses n'ont pas pu être enregistrées"),
        "{err}"
    );
    assert!(err.contains("ni dans le dossier temporaire"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn nothing_answered_leaves_an_existing_file_as_it_was() {
    let d = Dir::new();
    let target = d.write(
        "r.json",
        "{\"answers\": {\"type_ressource\": \"algorithme\"}}",
    );
    // --plain, input closed before the first answer: the session stops.
    let out = d
        .command(&["--plain", "--save-answers", target.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "{\"answers\": {\"type_ressource\": \"algorithme\"}}"
    );
    // A file that does not exist yet is written, to resume from.
    let new = d.path("nouveau.json");
    let out = d
        .command(&["--plain", "--save-answers", new.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(new.exists());
}
