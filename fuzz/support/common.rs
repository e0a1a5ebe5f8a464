//! What the fuzz targets share: the assertion that what the program
//! prints or writes holds no raw control character (C0 but line breaks
//! and tabs, DEL, C1, bidi overrides and isolates), whatever the input
//! held; and a folder for the files they write.

/// Panics on the first raw control character of `s`, naming `what`.
#[allow(dead_code)]
pub fn assert_clean(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    }) {
        panic!("{what}: raw {c:?} in {s:?}");
    }
}

/// A folder for the files a target writes, for the whole run (in memory
/// when /dev/shm exists: saves sync to disk).
#[allow(dead_code)]
pub static DIR: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(|| {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
});
