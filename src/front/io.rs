//! What the front ends read and write around a run: the content the
//! user points to, and standard output.

use std::io::Write;

use crate::core::catalog::Bundle;
use crate::front::error::Error;

/// The built-in bundle, or the one from `--questionnaire`.
pub fn load(paths: &[std::path::PathBuf]) -> Result<Bundle, Error> {
    if paths.is_empty() {
        Ok(Bundle::builtin()?)
    } else {
        Ok(Bundle::from_paths(paths)?)
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Error::io("stdout", &e)),
    }
}

/// Today's date (UTC), from the system clock: `check --stale-after`
/// counts from it unless `--today` says otherwise.
pub fn today() -> crate::core::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::core::date::Date::from_days((secs / 86_400) as i64)
}
