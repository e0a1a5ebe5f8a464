//! `--save-answers` done right: the permissions of the file it replaces
//! are kept, a symbolic link is refused rather than replaced, a failed
//! save removes its temporary file, still prints the decision and puts
//! the answers in a fallback file that the message names, and nothing
//! answered leaves an existing file as it was; a file another user owns
//! is refused, a full disk is exit 1 with the same words as `documents`.
//! `documents` writes the same way: never through a link or into a FIFO,
//! all files or none. (Ctrl-C and signals at a prompt are in
//! `tests/pty.rs`.)

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
fn a_new_file_is_readable_by_the_saver_only() {
    let d = Dir::new();
    let target = d.path("nouveau.json");
    let out = d.save_to(&target);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Whatever the umask: the answers are nobody else's business.
    assert_eq!(mode(&target), 0o600);
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

/// Whether the tests run as root: what only root can set up (another
/// user's file, a small file system) is skipped otherwise, saying
/// `what` could not be done.
fn root(what: &str) -> bool {
    // SAFETY: geteuid cannot fail.
    let root = unsafe { libc::geteuid() == 0 };
    if !root {
        eprintln!("skipped: only root can {what}");
    }
    root
}

/// A file at `path` with `text`, given to user `nobody`.
fn theirs(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
}

#[test]
fn a_file_another_user_owns_is_refused_and_stays_theirs() {
    if !root("give a file to user nobody") {
        return;
    }
    let d = Dir::new();
    // `nobody` created it first, in a shared folder, writable by all.
    let target = d.path("r.json");
    theirs(&target, "{\"answers\": {\"algo_etp\": 10}}");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = d.save_to(&target);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("appartient à un autre utilisateur (uid 65534)"),
        "{err}"
    );
    // Their file is as it was, and holds none of the answers.
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "{\"answers\": {\"algo_etp\": 10}}"
    );
    // The answers went to a file of the saver's own.
    let fallbacks = d.fallbacks();
    assert_eq!(fallbacks.len(), 1, "{err}");
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(&fallbacks[0]).unwrap();
    assert_eq!((meta.uid(), meta.mode() & 0o777), (0, 0o600));
}

#[test]
fn a_save_replacing_a_file_of_ones_own_is_ones_own() {
    let d = Dir::new();
    let target = d.write("r.json", "{}");
    let out = d.save_to(&target);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid cannot fail.
    let me = unsafe { libc::geteuid() };
    assert_eq!(std::fs::metadata(&target).unwrap().uid(), me);
}

/// A file system of `kib` KiB mounted at a new folder, to fill; `None`
/// (and a word on stderr) where it cannot be mounted.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn new(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let ok = root("mount a small tmpfs")
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
                .arg(dir.path())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: no small tmpfs could be mounted");
            return None;
        }
        Some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk but `room` bytes.
    fn fill(&self, room: u64) {
        let free = |p: &Path| {
            let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
            let mut s = std::mem::MaybeUninit::<libc::statvfs>::uninit();
            // SAFETY: a valid path and a buffer statvfs fills.
            assert_eq!(unsafe { libc::statvfs(c.as_ptr(), s.as_mut_ptr()) }, 0);
            let s = unsafe { s.assume_init() };
            // The types differ between systems.
            #[allow(clippy::unnecessary_cast)]
            let free = s.f_bavail as u64 * s.f_frsize as u64;
            free
        };
        let filler = self.path().join("remplissage");
        let _ = std::fs::remove_file(&filler);
        let size = free(self.path()).saturating_sub(room);
        std::fs::write(&filler, vec![b'x'; size as usize]).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_is_exit_1_with_the_same_words_for_saves_and_documents() {
    let Some(disk) = SmallDisk::new(256) else {
        return;
    };
    let d = Dir::new();
    disk.fill(0);
    // A save: the decision printed, the answers in the fallback file.
    let target = disk.path().join("r.json");
    let out = d.save_to(&target);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("plus de place sur le disque"), "{err}");
    assert!(!target.exists());
    // Documents, with room for the first files but not all: nothing
    // written, and no temporary file left.
    std::fs::remove_file(disk.path().join("remplissage")).unwrap();
    disk.fill(8 * 1024);
    let case = d.write("case.json", DOCUMENTS_CASE);
    let out_dir = disk.path().join("docs");
    let out = d
        .command(&["documents", "--no-input", "--answers"])
        .arg(&case)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("plus de place sur le disque"), "{err}");
    assert_eq!(listing(&out_dir), Vec::<String>::new());
    // With --force over good files: they stay whole.
    std::fs::remove_file(disk.path().join("remplissage")).unwrap();
    let first = d
        .command(&["documents", "--no-input", "--answers"])
        .arg(&case)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = contents(&out_dir);
    disk.fill(8 * 1024);
    let changed = d.write("case2.json", &DOCUMENTS_CASE.replace("Commune", "Ville"));
    let out = d
        .command(&["documents", "--no-input", "--force", "--answers"])
        .arg(&changed)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(contents(&out_dir), before);
}

/// A case whose decision calls for several documents (algorithms).
const DOCUMENTS_CASE: &str = r#"{
  "questionnaire": "accueil",
  "answers": {
    "type_ressource": "algorithme",
    "algo_administration": "collectivite",
    "algo_decision_individuelle": "personnes_physiques",
    "algo_secret": "non",
    "algo_etp": 1500,
    "algo_automatisation": "aide_decision",
    "algo_donnees_personnelles": true,
    "algo_aide_donnees_sensibles": "non"
  },
  "fields": {"organisme": "Commune de Test"}
}"#;

/// The names in a folder, sorted (none when it does not exist).
fn listing(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file of a folder with its bytes.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    listing(dir)
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

impl Dir {
    /// `aiguillage documents --no-input --answers CASE --out out [extra]`.
    fn documents(&self, out: &Path, extra: &[&str]) -> Output {
        let case = self.write("case.json", DOCUMENTS_CASE);
        self.command(&["documents", "--no-input", "--answers"])
            .arg(&case)
            .arg("--out")
            .arg(out)
            .args(extra)
            .output()
            .unwrap()
    }
}

#[test]
fn documents_never_write_through_a_planted_link() {
    let d = Dir::new();
    let out = d.path("out");
    std::fs::create_dir(&out).unwrap();
    let victim = d.path("victime");
    std::os::unix::fs::symlink(&victim, out.join("rapport.html")).unwrap();
    // Dangling: `exists()` says no, but the name is taken.
    let run = d.documents(&out, &[]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(!victim.exists(), "written through the link");
    // With --force, an existing target is neither overwritten nor replaced.
    std::fs::write(&victim, "à moi").unwrap();
    let run = d.documents(&out, &["--force"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.contains("c'est un lien symbolique"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "à moi");
    assert!(
        std::fs::symlink_metadata(out.join("rapport.html"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // Nothing else was written either.
    assert_eq!(listing(&out), ["rapport.html"]);
}

#[test]
fn documents_never_wait_on_a_planted_fifo() {
    let d = Dir::new();
    let out = d.path("out");
    std::fs::create_dir(&out).unwrap();
    let fifo = out.join("mention-explicite.md");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o666) }, 0);
    for extra in [&[][..], &["--force"][..]] {
        let case = d.write("case.json", DOCUMENTS_CASE);
        let mut child = d
            .command(&["documents", "--no-input", "--answers"])
            .arg(&case)
            .arg("--out")
            .arg(&out)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > std::time::Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("documents {extra:?} hangs on a FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(2), "{extra:?}");
        assert_eq!(listing(&out), ["mention-explicite.md"], "{extra:?}");
    }
}

#[test]
fn documents_with_force_refuse_a_file_another_user_owns() {
    if !root("give a file to user nobody") {
        return;
    }
    let d = Dir::new();
    let out = d.path("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("rapport.html");
    theirs(&report, "le leur");
    let run = d.documents(&out, &["--force"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.contains("appartient à un autre utilisateur"), "{err}");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "le leur");
    assert_eq!(listing(&out), ["rapport.html"]);
}

#[test]
fn two_runs_into_one_fresh_folder_never_both_succeed() {
    let d = Dir::new();
    let case = d.write("case.json", DOCUMENTS_CASE);
    for round in 0..8 {
        let out = d.path(&format!("out{round}"));
        let spawn = || {
            d.command(&["documents", "--no-input", "--answers"])
                .arg(&case)
                .arg("--out")
                .arg(&out)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let codes = [a.status.code(), b.status.code()];
        // One wrote everything, the other nothing and said why.
        assert!(
            codes == [Some(0), Some(2)] || codes == [Some(2), Some(0)],
            "round {round}: {codes:?} {} {}",
            stderr(&a),
            stderr(&b)
        );
        let refused = if codes[0] == Some(2) { &a } else { &b };
        let err = stderr(refused);
        assert!(
            err.contains("existe déjà") || err.contains("créé par un autre programme"),
            "{err}"
        );
        assert!(!listing(&out).iter().any(|n| n.starts_with('.')));
    }
}
