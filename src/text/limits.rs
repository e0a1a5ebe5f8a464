//! The bounds that keep hostile or broken input from costing unbounded
//! memory or time: how much is read ([`read_text`], [`MAX_INPUT_BYTES`],
//! [`MAX_LINE_BYTES`]) and how many errors are shown
//! ([`MAX_SHOWN_ERRORS`]). Stated in docs/robustesse.md.

use std::io::{self, Read};
use std::path::Path;

/// The most an answers file, standard input or a questionnaire file may
/// hold: far above any real one (the built-in questionnaires together are
/// under 200 KB), small enough that `/dev/zero` stops at once.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// The most one line typed in plain mode may hold.
pub const MAX_LINE_BYTES: u64 = 64 * 1024;

/// The most answers an answers file may hold: thousands of times what a
/// questionnaire asks, and a bound on the work and memory that checking
/// them costs (a file of 16 MiB could otherwise hold a million ids).
pub const MAX_ANSWERS: usize = 100_000;

/// The most errors listed for one input; the others are counted
/// (« … et 9 980 autres erreurs »).
pub const MAX_SHOWN_ERRORS: usize = 20;

/// « … et 9 980 autres erreurs », when `count` errors are more than are
/// shown.
pub fn more_errors(count: usize) -> Option<String> {
    let more = count.checked_sub(MAX_SHOWN_ERRORS).filter(|n| *n > 0)?;
    Some(if more == 1 {
        msg::one_more_error()
    } else {
        msg::more_errors(&crate::text::number::number(more as f64))
    })
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn one_more_error() { fr: "… et 1 autre erreur", en: "… and 1 more error" }
        /// `count`: a number as the interface writes it.
        fn more_errors(count: &str) { fr: "… et {count} autres erreurs", en: "… and {count} more errors" }
    }
}

/// Why an input was refused for its size: the payload of an
/// [`io::ErrorKind::FileTooLarge`] error, so that the message can say the
/// limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooBig {
    pub limit: u64,
    /// A line of input rather than a whole file.
    pub line: bool,
}

impl std::fmt::Display for TooBig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} bytes", self.limit)
    }
}

impl std::error::Error for TooBig {}

/// An input past `limit` bytes.
pub fn too_big(limit: u64) -> io::Error {
    io::Error::new(io::ErrorKind::FileTooLarge, TooBig { limit, line: false })
}

/// A line of input past `limit` bytes.
pub fn line_too_long(limit: u64) -> io::Error {
    io::Error::new(io::ErrorKind::FileTooLarge, TooBig { limit, line: true })
}

/// The size limit an error says was passed, when it is ours.
pub fn limit_passed(e: &io::Error) -> Option<TooBig> {
    e.get_ref()?.downcast_ref::<TooBig>().copied()
}

/// A size in the units of the interface language's convention: `16 Mio`
/// or `64 Kio` (`MiB`, `KiB` in English, given as `units`).
pub fn size(bytes: u64, units: [&str; 2]) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} {}", bytes / (1024 * 1024), units[1])
    } else {
        format!("{} {}", bytes.div_ceil(1024), units[0])
    }
}

/// Reads all of `reader` as UTF-8 text, but never more than `limit`
/// bytes: past it, an [`io::ErrorKind::FileTooLarge`] error (see
/// [`too_big`]) after reading only `limit + 1` bytes. Text that is not
/// UTF-8 is an [`io::ErrorKind::InvalidData`] error. A byte-order mark at
/// the start (as some editors write) is dropped.
pub fn read_text(reader: impl Read, limit: u64) -> io::Result<String> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    let text =
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// [`read_text`] on a file, under [`MAX_INPUT_BYTES`].
pub fn read_file(path: &Path) -> io::Result<String> {
    read_text(std::fs::File::open(path)?, MAX_INPUT_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_refuses_past_it() {
        assert_eq!(read_text(&b"abc"[..], 3).unwrap(), "abc");
        let e = read_text(&b"abcd"[..], 3).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(limit_passed(&e).map(|t| t.limit), Some(3));
        // An endless input stops after limit + 1 bytes.
        let e = read_text(io::repeat(b'y'), 1000).unwrap_err();
        assert_eq!(limit_passed(&e).map(|t| t.limit), Some(1000));
    }

    #[test]
    fn drops_a_byte_order_mark_and_refuses_non_utf8() {
        assert_eq!(read_text(&b"\xef\xbb\xbf{}"[..], 100).unwrap(), "{}");
        let e = read_text(&b"\xff"[..], 100).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert_eq!(limit_passed(&e), None);
    }

    #[test]
    fn sizes_are_said_in_binary_units() {
        assert_eq!(size(MAX_INPUT_BYTES, ["Kio", "Mio"]), "16 Mio");
        assert_eq!(size(MAX_LINE_BYTES, ["KiB", "MiB"]), "64 KiB");
    }
}
