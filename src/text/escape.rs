//! Output hygiene: text that comes from the input (answers files,
//! questionnaires, typed answers) is shown with its control characters
//! escaped, so that an ESC sequence in a question id or a free-text answer
//! can never move the cursor, recolour or retitle the terminal of the
//! person reading an error or a decision.
//!
//! [`escape`] keeps line breaks and tabs (they are meant in a summary or a
//! help text); [`escape_inline`] escapes them too, for a value quoted on
//! one line of a message. [`excerpt`] cuts a long source line around the
//! place an error points at, escaped, for the line shown above a caret.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` would act on a terminal rather than be read: C0 controls,
/// DEL, C1 controls (U+0080–U+009F, read as CSI and friends by some
/// terminals) and the bidirectional overrides and isolates, which reorder
/// what is shown around them.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How a control character is shown: `\x1b` for ASCII ones, `\u{9b}`
/// for the others, as Rust and most programmers write them.
fn push_escaped(out: &mut String, c: char) {
    if c.is_ascii() {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

fn escape_with(s: &str, keep: fn(char) -> bool) -> Cow<'_, str> {
    escape_with_as(s, keep, push_escaped)
}

/// `s` with every control character escaped but line breaks and tabs.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_with(s, |c| c == '\n' || c == '\t')
}

/// `s` with every control character escaped, line breaks and tabs
/// included: for a value quoted inside one line.
pub fn escape_inline(s: &str) -> Cow<'_, str> {
    escape_with(s, |_| false)
}

/// A file name as a POSIX shell reads it back (`'mes réponses.json'`),
/// its control characters then escaped for the terminal: for the commands
/// the program suggests to copy.
pub fn shell(s: &str) -> String {
    escape_inline(&shell_words::quote(s)).into_owned()
}

/// JSON text as serde_json writes it, with the controls it leaves as they
/// are (DEL, C1, bidi overrides: only C0 must be escaped in JSON) written
/// `\u009b`: the same JSON for a program, harmless on a terminal. Such a
/// character can only be inside a string, where the escape means it.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    escape_with_as(
        json,
        |c| c.is_ascii_control() && c != '\x7f',
        |out, c| {
            let _ = write!(out, "\\u{:04x}", c as u32);
        },
    )
}

/// Whether `s` holds a control character that `keep` does not keep: a
/// scan of the bytes, since every output goes through here and nearly
/// every text has none (C1 controls are `C2 80..9F` in UTF-8, the bidi
/// ones `E2 80 AA..AE` and `E2 81 A6..A9`).
fn needs_escape(s: &str, keep: fn(char) -> bool) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    // Jump from one lead byte to the next: a simple test per byte, the
    // closer look only where a control could start.
    while let Some(offset) = b[from..]
        .iter()
        .position(|&x| x < 0x20 || x == 0x7f || x == 0xc2 || x == 0xe2)
    {
        let i = from + offset;
        let candidate = match b[i] {
            0xc2 => b.get(i + 1).is_some_and(|y| (0x80..=0x9f).contains(y)),
            0xe2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(z)) => (0xaa..=0xae).contains(z),
                (Some(0x81), Some(z)) => (0xa6..=0xa9).contains(z),
                _ => false,
            },
            _ => true,
        };
        if candidate
            && s[i..]
                .chars()
                .next()
                .is_some_and(|c| is_control(c) && !keep(c))
        {
            return true;
        }
        from = i + 1;
    }
    false
}

fn escape_with_as(s: &str, keep: fn(char) -> bool, push: fn(&mut String, char)) -> Cow<'_, str> {
    if !needs_escape(s, keep) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) && !keep(c) {
            push(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// At most `max` characters of `s`, escaped, with « … » where it was cut:
/// for a name quoted in a message (an id of a megabyte stays readable).
pub fn quote(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        if is_control(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// The columns of a source line shown above a caret.
pub const EXCERPT_WIDTH: usize = 80;

/// The line of `text` that holds byte `offset`, as shown above a caret:
/// at most about [`EXCERPT_WIDTH`] characters around the offset, « … »
/// where the line was cut, control characters escaped (tabs kept, so that
/// the caret lines up under them). Returns the text and the caret's
/// 1-based column in it.
///
/// Only the window around the offset is looked at, however long the line:
/// a one-line file of megabytes costs no more than a short one.
pub fn excerpt(text: &str, offset: usize) -> (String, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let half = EXCERPT_WIDTH / 2;
    // Back to the start of the line, or `half` characters.
    let mut start = at;
    for (back, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if c == '\n' || back == half {
            break;
        }
        start = i;
    }
    let cut_left = start > 0 && !text[..start].ends_with('\n');
    let mut out = String::new();
    if cut_left {
        out.push('…');
    }
    let mut caret = None;
    for (shown, (i, c)) in text[start..].char_indices().enumerate() {
        if c == '\n' || (c == '\r' && text[start + i..].starts_with("\r\n")) {
            break;
        }
        if shown == EXCERPT_WIDTH {
            out.push('…');
            break;
        }
        if start + i >= at && caret.is_none() {
            caret = Some(out.chars().count());
        }
        if c == '\t' || !is_control(c) {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    // At the end of the line (an error at the line break): just after it.
    let caret = caret.unwrap_or_else(|| out.trim_end_matches('…').chars().count());
    (out, caret + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_what_the_char_scan_finds() {
        let samples = [
            "plain",
            "« é » à",
            "a\nb\tc",
            "\x1b[1m",
            "\u{85}",
            "\u{9f}x",
            "\u{a0}",
            "\u{202a}",
            "\u{202e}",
            "\u{2029}",
            "\u{2066}",
            "\u{2069}",
            "\u{2070}",
            "\u{7f}",
            "",
        ];
        let keeps: [fn(char) -> bool; 3] = [
            |c| c == '\n' || c == '\t',
            |_| false,
            |c| c.is_ascii_control(),
        ];
        for s in samples {
            for keep in keeps {
                let slow = s.chars().any(|c| is_control(c) && !keep(c));
                assert_eq!(needs_escape(s, keep), slow, "{s:?}");
            }
        }
    }

    #[test]
    fn escapes_esc_c1_and_bidi_but_keeps_line_breaks_where_meant() {
        assert_eq!(escape("a\x1b[31mb"), "a\\x1b[31mb");
        assert_eq!(escape("x\u{9b}2J"), "x\\u{9b}2J");
        assert_eq!(escape("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape("l1\nl2\tx\r"), "l1\nl2\tx\\x0d");
        assert_eq!(escape_inline("l1\nl2\t"), "l1\\x0al2\\x09");
        assert_eq!(escape("« é » ✓"), "« é » ✓");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_its_c1_and_bidi() {
        let json = serde_json::to_string("a\u{9b}b\u{202e}c\x7f\x1b").unwrap();
        let safe = json_safe(&json);
        assert_eq!(safe, "\"a\\u009bb\\u202ec\\u007f\\u001b\"");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{9b}b\u{202e}c\x7f\x1b");
        assert!(matches!(json_safe("{\"a\": 1}\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn quotes_are_bounded() {
        assert_eq!(quote("abc", 10), "abc");
        assert_eq!(quote("abcdef", 3), "abc…");
        assert_eq!(quote("\x07", 3), "\\x07");
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        assert_eq!(excerpt("x = 1", 4), ("x = 1".to_owned(), 5));
        assert_eq!(excerpt("a\nx = 1\nb", 6), ("x = 1".to_owned(), 5));
        assert_eq!(excerpt("a\r\nx = 1\r\nb", 7), ("x = 1".to_owned(), 5));
        // At the line break.
        assert_eq!(excerpt("tru\n}", 3), ("tru".to_owned(), 4));
        assert_eq!(excerpt("", 0), (String::new(), 1));
        assert_eq!(excerpt("é=x", 2), ("é=x".to_owned(), 2));
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret() {
        let line: String = (0..10_000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let (shown, caret) = excerpt(&line, 5_000);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= EXCERPT_WIDTH + 2);
        let at = shown.chars().nth(caret - 1).unwrap();
        assert_eq!(at, line.chars().nth(5_000).unwrap());
        // Near the start: not cut on the left.
        let (shown, caret) = excerpt(&line, 2);
        assert!(!shown.starts_with('…'));
        assert_eq!(caret, 3);
    }

    #[test]
    fn the_caret_follows_escaped_characters() {
        let (shown, caret) = excerpt("\x1b\x1bX", 2);
        assert_eq!(shown, "\\x1b\\x1bX");
        assert_eq!(shown.chars().nth(caret - 1), Some('X'));
    }
}
