//! Writing files safely: `--save-answers` and `documents` both write
//! through [`write_all`], so that what one promises the other keeps.
//!
//! - Nothing is ever opened under the target's name: each file is written
//!   to a temporary file created beside it with a random name and
//!   `O_EXCL` (`tempfile`), written to disk (`fsync`), then renamed over
//!   the target. A link, a FIFO or a device planted under the target's
//!   name is never written through, never opened, and never waited on.
//! - A target that is a symbolic link, or not a regular file, is refused;
//!   so is one that another user owns (in a shared folder, they could read
//!   or rewrite what is saved there): the saved file always belongs to the
//!   user who saves.
//! - All or nothing: every file of a run is first written to its
//!   temporary file; only when all are written are they renamed, and if a
//!   rename fails, those already renamed are undone (a replaced file is
//!   put back from a hard link kept aside). On any failure the temporary
//!   files are removed: the folder is left as it was.
//! - Without [`Replace::Own`], a target that appears while the run writes
//!   (another run into the same folder) is not replaced: the rename is
//!   `RENAME_NOREPLACE` (or a hard link), and the whole run is undone.
//! - A disk that is full or failing is the machine's fault, not the
//!   input's: exit code 1 ([`Error::Write`]); a place that cannot be
//!   written (a link, a missing folder, no permission) is bad usage: 2.

use std::path::{Path, PathBuf};

use crate::front::error::Error;

/// What may happen to a file that exists under a target's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Nothing: the run fails and writes nothing.
    Never,
    /// A regular file of the user's own is replaced (keeping its mode).
    Own,
}

/// How the files of a run are written.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub replace: Replace,
    /// The mode of a new file (less the umask). An existing file that is
    /// replaced keeps its own.
    pub mode: u32,
}

impl Options {
    /// Answers: readable by the saver only, unless the file they replace
    /// was made readable by others on purpose.
    pub const ANSWERS: Options = Options {
        replace: Replace::Own,
        mode: 0o600,
    };
}

/// One file to write.
pub struct File<'a> {
    pub path: &'a Path,
    pub bytes: &'a [u8],
}

/// An existing file under a target's name, as it was checked.
struct Existing {
    meta: std::fs::Metadata,
}

/// Checks the entry under `path`: none, or a regular file of the user's
/// own that may be replaced. Never follows a link.
fn check(path: &Path, replace: Replace) -> Result<Option<Existing>, Error> {
    let name = path.display().to_string();
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(name, &e)),
    };
    if meta.file_type().is_symlink() {
        let to = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return Err(Error::Io(name, msg::symlink_target(&to)));
    }
    if !meta.is_file() {
        return Err(Error::Io(name, msg::not_a_regular_file()));
    }
    if let Some(uid) = other_owner(&meta) {
        return Err(Error::Io(name, msg::owned_by_another_user(uid)));
    }
    if replace == Replace::Never {
        return Err(Error::Io(name, msg::already_exists()));
    }
    Ok(Some(Existing { meta }))
}

/// The owner of `meta` when it is not the user running the program.
fn other_owner(meta: &std::fs::Metadata) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        (meta.uid() != me).then_some(meta.uid())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// A file written to its temporary name, waiting to be renamed.
struct Staged {
    tmp: tempfile::TempPath,
    target: PathBuf,
    existing: Option<Existing>,
}

/// A file renamed into place, with what undoes it.
struct Committed {
    target: PathBuf,
    /// The file it replaced, kept under a temporary name.
    backup: Option<tempfile::TempPath>,
    /// Its identity, so that undoing removes this file and no other.
    id: Option<(u64, u64)>,
}

/// Writes every file, or none (see the module's documentation).
pub fn write_all(files: &[File<'_>], options: Options) -> Result<(), Error> {
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        let existing = check(f.path, options.replace)?;
        staged.push(stage(f, existing, options)?);
    }
    let mut committed: Vec<Committed> = Vec::with_capacity(staged.len());
    let mut pending = staged.into_iter();
    while let Some(s) = pending.next() {
        match commit(s, options.replace) {
            Ok(c) => committed.push(c),
            Err(e) => {
                // The rest are removed as `pending` drops.
                drop(pending);
                undo(committed);
                return Err(e);
            }
        }
    }
    let mut folders: Vec<&Path> = committed.iter().map(|c| folder(&c.target)).collect();
    folders.dedup();
    for dir in folders {
        sync_folder(dir);
    }
    // The files replaced are dropped: their names are removed.
    Ok(())
}

/// [`write_all`] for one file.
pub fn write(path: &Path, bytes: &[u8], options: Options) -> Result<(), Error> {
    write_all(&[File { path, bytes }], options)
}

/// The folder `path` is in (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A failure to write `name`: the machine's (exit 1) when the disk is
/// full or failing, the place's (exit 2) otherwise.
pub fn write_error(name: &str, e: &std::io::Error) -> Error {
    if machine_failure(e) {
        Error::write(name, e)
    } else {
        Error::io(name, e)
    }
}

/// A disk full, over quota, or failing: nothing the user typed is wrong.
fn machine_failure(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    if matches!(e.raw_os_error(), Some(libc::EDQUOT | libc::EIO)) {
        return true;
    }
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge
    ) && crate::text::limits::limit_passed(e).is_none()
}

fn stage(f: &File<'_>, existing: Option<Existing>, options: Options) -> Result<Staged, Error> {
    use std::io::Write;
    let name = f.path.display().to_string();
    let fail = |e: &std::io::Error| write_error(&name, e);
    let file_name = f
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{file_name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing
            .as_ref()
            .map_or(options.mode, |e| e.meta.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = options;
    // Dropped on any early return: the temporary file is removed.
    let mut tmp = builder.tempfile_in(folder(f.path)).map_err(|e| fail(&e))?;
    if let Some(e) = &existing {
        // The exact mode of the file replaced (the umask took some bits),
        // and its group when the saver belongs to it.
        tmp.as_file()
            .set_permissions(e.meta.permissions())
            .map_err(|e| fail(&e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = std::os::unix::fs::fchown(tmp.as_file(), None, Some(e.meta.gid()));
        }
    }
    tmp.write_all(f.bytes).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    Ok(Staged {
        tmp: tmp.into_temp_path(),
        target: f.path.to_path_buf(),
        existing,
    })
}

/// Renames a staged file into place.
fn commit(s: Staged, replace: Replace) -> Result<Committed, Error> {
    let name = s.target.display().to_string();
    let id = identity(&s.tmp);
    if replace == Replace::Never || s.existing.is_none() {
        // Whatever appeared since the check stays, and the run is undone.
        return match s.tmp.persist_noclobber(&s.target) {
            Ok(()) => Ok(Committed {
                target: s.target,
                backup: None,
                id,
            }),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(Error::Io(name, msg::appeared()))
            }
            Err(e) => Err(write_error(&name, &e.error)),
        };
    }
    // Kept aside under a new name, to put back if a later rename fails.
    let backup = tempfile::Builder::new()
        .prefix(&format!(
            ".{}.",
            s.target.file_name().unwrap_or_default().to_string_lossy()
        ))
        .suffix(".old")
        .make_in(folder(&s.target), |p| std::fs::hard_link(&s.target, p))
        .ok()
        .map(tempfile::NamedTempFile::into_temp_path);
    match s.tmp.persist(&s.target) {
        Ok(()) => Ok(Committed {
            target: s.target,
            backup,
            id,
        }),
        Err(e) => Err(write_error(&name, &e.error)),
    }
}

/// Device and inode of a file.
fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path)
            .ok()
            .map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Undoes the renames already done, last first: a replaced file is put
/// back, a new one removed (only if it is still the one written).
fn undo(committed: Vec<Committed>) {
    for c in committed.into_iter().rev() {
        match c.backup {
            Some(backup) => {
                let _ = backup.persist(&c.target);
            }
            None => {
                if c.id.is_some() && identity(&c.target) == c.id {
                    let _ = std::fs::remove_file(&c.target);
                }
            }
        }
    }
}

/// Writes a folder's entries to disk after a rename. Some file systems
/// cannot sync a folder; the files themselves are.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// A target that is a symbolic link; `to` is where it points.
        fn symlink_target(to: &str) {
            fr: "c'est un lien symbolique (vers {to}) : il n'est ni suivi ni remplacé ; enregistrez dans le fichier qu'il désigne, ou ailleurs",
            en: "this is a symbolic link (to {to}): it is neither followed nor replaced; save to the file it points to, or elsewhere",
        }
        fn not_a_regular_file() {
            fr: "ce n'est pas un fichier ordinaire : il n'est ni ouvert ni remplacé",
            en: "this is not a regular file: it is neither opened nor replaced",
        }
        /// `uid`: the owner's user number.
        fn owned_by_another_user(uid: u32) {
            fr: "ce fichier appartient à un autre utilisateur (uid {uid}) : il n'est pas remplacé, car son propriétaire pourrait lire ou modifier ce qui y serait enregistré ; supprimez-le ou choisissez un autre nom",
            en: "this file belongs to another user (uid {uid}): it is not replaced, since its owner could read or change what is saved there; delete it or choose another name",
        }
        fn already_exists() {
            fr: "le fichier existe déjà : rien n'a été écrit",
            en: "the file exists already: nothing was written",
        }
        /// Another program created the file while this one wrote.
        fn appeared() {
            fr: "ce fichier a été créé par un autre programme pendant l'écriture : il n'est pas remplacé, et rien n'a été écrit (--force pour remplacer)",
            en: "this file was created by another program during the write: it is not replaced, and nothing was written (--force to replace)",
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn messages_are_written_in_both_languages() {
        crate::text::i18n::check_pairs(msg::ALL);
    }

    /// Each path with the name of its file as its bytes.
    fn named(paths: &[std::path::PathBuf]) -> Vec<File<'_>> {
        paths
            .iter()
            .map(|path| File {
                path,
                bytes: path.file_name().unwrap().as_encoded_bytes(),
            })
            .collect()
    }

    #[test]
    fn all_files_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let paths = [dir.path().join("a"), dir.path().join("b")];
        let b = &paths[1];
        std::fs::write(b, "ancien").unwrap();
        let files = named(&paths);
        let options = Options {
            replace: Replace::Never,
            mode: 0o644,
        };
        assert!(write_all(&files, options).is_err());
        assert_eq!(names(dir.path()), ["b"]);
        assert_eq!(std::fs::read_to_string(b).unwrap(), "ancien");
        let options = Options {
            replace: Replace::Own,
            ..options
        };
        write_all(&files, options).unwrap();
        assert_eq!(names(dir.path()), ["a", "b"]);
        assert_eq!(std::fs::read_to_string(b).unwrap(), "b");
    }

    #[test]
    fn a_failed_rename_puts_back_what_was_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let paths = ["a", "b", "c"].map(|n| dir.path().join(n));
        let (a, c) = (&paths[0], &paths[2]);
        std::fs::write(a, "ancien a").unwrap();
        let files = named(&paths);
        let staged: Vec<Staged> = files
            .iter()
            .map(|f| stage(f, check(f.path, Replace::Own).unwrap(), Options::ANSWERS).unwrap())
            .collect();
        // `c` appears between the check and the rename.
        std::fs::write(c, "autre").unwrap();
        let mut committed = Vec::new();
        let mut failed = None;
        for s in staged {
            match commit(s, Replace::Own) {
                Ok(x) => committed.push(x),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        let e = failed.expect("the third rename is refused");
        assert!(e.to_string().contains("créé par un autre programme"), "{e}");
        undo(committed);
        assert_eq!(names(dir.path()), ["a", "c"]);
        assert_eq!(std::fs::read_to_string(a).unwrap(), "ancien a");
        assert_eq!(std::fs::read_to_string(c).unwrap(), "autre");
    }

    #[test]
    fn new_answers_are_the_savers_only_and_a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        write(&path, b"{}", Options::ANSWERS).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&path, b"{ }", Options::ANSWERS).unwrap();
        assert_eq!(mode(&path), 0o640);
        assert_eq!(names(dir.path()), ["r.json"]);
    }

    #[test]
    fn a_fifo_is_refused_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tube");
        let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let e = write(&path, b"x", Options::ANSWERS).unwrap_err();
        assert!(e.to_string().contains("pas un fichier ordinaire"), "{e}");
        assert_eq!(e.exit_code(), 2);
    }
}
