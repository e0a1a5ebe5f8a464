//! The encoding of a text inventory (CSV, JSONL), read as it streams:
//! UTF-8 first, and Windows-1252 or ISO-8859-15 (a French Excel's or an
//! old system's export) when the text is not UTF-8. [`Decoded`] gives the
//! text as UTF-8 whatever it was, so the readers after it see one
//! encoding only.
//!
//! The rule is strict, not a guess over the whole file: a file whose first
//! non-ASCII bytes are valid UTF-8 is UTF-8, and a later byte that is not
//! is an error; a file whose first non-ASCII byte is not UTF-8 is
//! Windows-1252 — or ISO-8859-15 when it has none of the bytes 0x80–0x9F
//! (which that encoding leaves to control characters) but some of the
//! eight where it puts « € », « œ », « Œ »… A byte that neither encoding
//! gives a letter (NUL, 0x81 in Windows-1252…) is an error naming its
//! offset and line. A byte-order mark picks UTF-8 or UTF-16 (what Excel
//! calls « texte Unicode »). `--encoding` forces one.

use std::io::{self, BufRead, Read};
use std::sync::{Arc, OnceLock};

use encoding_rs::{Decoder, Encoding, ISO_8859_15, UTF_8, WINDOWS_1252};

/// Bytes that are not text in the encoding they were read in: the payload
/// of an [`io::ErrorKind::InvalidData`] error from [`Decoded`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText {
    /// Offset of the byte in the input (0-based).
    pub offset: u64,
    /// Its line (1-based).
    pub line: u64,
    pub byte: u8,
    /// The encoding it was read in.
    pub encoding: &'static str,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "byte 0x{:02x} at offset {} (line {}) is not {}",
            self.byte, self.offset, self.line, self.encoding
        )
    }
}

impl std::error::Error for NotText {}

/// The [`NotText`] an error carries, when it is one.
pub fn not_text(e: &io::Error) -> Option<&NotText> {
    e.get_ref()?.downcast_ref::<NotText>()
}

/// How the bytes read so far were taken.
enum State {
    /// Nothing read yet: a byte-order mark may come.
    Start,
    /// Only ASCII so far: any of the encodings reads it the same.
    Ascii,
    /// UTF-8 with non-ASCII characters: UTF-8 it stays.
    Utf8,
    /// Another encoding, decoded by encoding_rs.
    Other(Box<Decoder>),
}

const CHUNK: usize = 1 << 16;

/// A reader of text in one of the encodings above, giving UTF-8.
pub struct Decoded<R> {
    inner: R,
    forced: Option<&'static Encoding>,
    state: State,
    /// Raw bytes read and not yet decoded (the start of a UTF-8 sequence
    /// cut by the end of a chunk).
    raw: Vec<u8>,
    /// Decoded text not yet handed out, from `out_at`.
    out: Vec<u8>,
    out_at: usize,
    /// Raw bytes before `raw[0]`, and the line they end on.
    offset: u64,
    line: u64,
    after_cr: bool,
    eof: bool,
    /// The decoder was told the input ended: it must not be used again.
    finished: bool,
    encoding: &'static Encoding,
    /// The encoding once it is known to be other than UTF-8: to be said.
    notice: Option<&'static Encoding>,
    /// Where to tell it as well, for a reader that does not hold this one.
    slot: Option<Arc<OnceLock<&'static Encoding>>>,
}

impl<R: Read> Decoded<R> {
    /// `forced`: the encoding to read in, without detection.
    pub fn new(inner: R, forced: Option<&'static Encoding>) -> Self {
        Decoded {
            inner,
            forced,
            state: State::Start,
            raw: Vec::with_capacity(CHUNK + 4),
            out: Vec::with_capacity(CHUNK * 3),
            out_at: 0,
            offset: 0,
            line: 1,
            after_cr: false,
            eof: false,
            finished: false,
            encoding: UTF_8,
            notice: None,
            slot: None,
        }
    }

    /// Also tells the encoding, once known to be other than UTF-8, in
    /// `slot`.
    pub fn said_in(mut self, slot: Arc<OnceLock<&'static Encoding>>) -> Self {
        self.slot = Some(slot);
        self
    }

    /// The encoding read, once it is known to be other than UTF-8; said
    /// once (later calls give `None`).
    pub fn take_notice(&mut self) -> Option<&'static Encoding> {
        self.notice.take()
    }

    /// The encoding being read (UTF-8 until another is known).
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Raw bytes read from the input so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Reads the next chunk into `raw`; `false` at the end.
    fn fill_raw(&mut self) -> io::Result<bool> {
        let len = self.raw.len();
        self.raw.resize(len + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.raw[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.raw.truncate(len);
                    return Err(e);
                }
            }
        };
        self.raw.truncate(len + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Moves `n` raw bytes, read, out of `raw`, counting their lines.
    fn consumed(&mut self, n: usize) {
        self.count_lines(n);
        self.raw.drain(..n);
    }

    /// Counts the lines of the first `n` raw bytes and moves the offset
    /// past them: a vectorised count of `\n` when there is no `\r` about.
    fn count_lines(&mut self, n: usize) {
        count_line_breaks(&self.raw[..n], &mut self.line, &mut self.after_cr);
        self.offset += n as u64;
    }

    fn error_at(&mut self, at: usize, encoding: &'static Encoding) -> io::Error {
        self.consumed(at);
        let e = NotText {
            offset: self.offset,
            line: self.line,
            byte: self.raw.first().copied().unwrap_or_default(),
            encoding: encoding.name(),
        };
        io::Error::new(io::ErrorKind::InvalidData, e)
    }

    /// Decodes more of the input into `out`; `false` at the end.
    fn decode_more(&mut self) -> io::Result<bool> {
        self.out.clear();
        self.out_at = 0;
        while self.out.is_empty() {
            if self.raw.is_empty() || !self.eof && self.raw.len() < 4 {
                self.fill_raw()?;
            }
            if self.raw.is_empty() && self.eof {
                if let State::Other(d) = &mut self.state
                    && !self.finished
                {
                    self.finished = true;
                    let mut tail = String::with_capacity(8);
                    let _ = d.decode_to_string(b"", &mut tail, true);
                    self.out.extend_from_slice(tail.as_bytes());
                    return Ok(!self.out.is_empty());
                }
                return Ok(false);
            }
            self.step()?;
        }
        Ok(true)
    }

    /// Decodes what `raw` holds (all of it, but an incomplete sequence at
    /// its end).
    fn step(&mut self) -> io::Result<()> {
        if let State::Start = self.state {
            if self.raw.len() < 3 && !self.eof {
                return self.fill_raw().map(|_| ());
            }
            let (bom, skip) = match Encoding::for_bom(&self.raw) {
                Some((e, n)) => (Some(e), n),
                None => (None, 0),
            };
            let chosen = self.forced.or(bom);
            self.consumed(skip);
            self.state = match chosen {
                Some(e) if e != UTF_8 => self.switch(e),
                Some(_) => State::Utf8,
                None => State::Ascii,
            };
            return Ok(());
        }
        if let State::Other(_) = self.state {
            return self.step_other();
        }
        match std::str::from_utf8(&self.raw) {
            Ok(text) => {
                if !text.is_ascii() {
                    self.state = State::Utf8;
                }
                // The text is what was read: handed out as it is.
                self.count_lines(self.raw.len());
                if self.out.is_empty() {
                    std::mem::swap(&mut self.out, &mut self.raw);
                    self.raw.clear();
                } else {
                    self.out.extend_from_slice(&self.raw);
                    self.raw.clear();
                }
                Ok(())
            }
            Err(e) => {
                let good = e.valid_up_to();
                let ascii = self.raw[..good].is_ascii();
                if e.error_len().is_none() && !self.eof {
                    // A sequence cut by the chunk: the rest comes next.
                    self.out.extend_from_slice(&self.raw[..good]);
                    if !ascii {
                        self.state = State::Utf8;
                    }
                    self.consumed(good);
                    return self.fill_raw().map(|_| ());
                }
                if self.forced.is_some() || matches!(self.state, State::Utf8) || !ascii {
                    self.out.extend_from_slice(&self.raw[..good]);
                    return Err(self.error_at(good, UTF_8));
                }
                // ASCII up to here, and not UTF-8: another encoding, which
                // reads the ASCII before the same way.
                self.out.extend_from_slice(&self.raw[..good]);
                self.consumed(good);
                // The same look ahead however the input comes in.
                while self.raw.len() < CHUNK && !self.eof {
                    self.fill_raw()?;
                }
                let e = legacy(&self.raw[..self.raw.len().min(CHUNK)]);
                self.state = self.switch(e);
                self.step_other()
            }
        }
    }

    fn switch(&mut self, e: &'static Encoding) -> State {
        self.encoding = e;
        self.notice = Some(e);
        if let Some(slot) = &self.slot {
            let _ = slot.set(e);
        }
        State::Other(Box::new(e.new_decoder_without_bom_handling()))
    }

    /// Decodes `raw` in the legacy encoding, refusing the bytes that are
    /// no letter in it.
    fn step_other(&mut self) -> io::Result<()> {
        let encoding = self.encoding;
        let single_byte = encoding.is_single_byte();
        if single_byte && let Some(at) = self.raw.iter().position(|b| !is_text(*b, encoding)) {
            if at > 0 {
                self.decode_raw(at)?;
            }
            return Err(self.error_at(0, encoding));
        }
        let n = self.raw.len();
        self.decode_raw(n)
    }

    fn decode_raw(&mut self, n: usize) -> io::Result<()> {
        let State::Other(d) = &mut self.state else {
            return Ok(());
        };
        let last = self.eof && n == self.raw.len();
        let mut text = String::with_capacity(d.max_utf8_buffer_length(n).unwrap_or(n * 3));
        let (_, read, _) = d.decode_to_string(&self.raw[..n], &mut text, last);
        self.finished |= last;
        self.out.extend_from_slice(text.as_bytes());
        self.consumed(read);
        Ok(())
    }
}

/// The `\n` in `bytes`, 64 at a time in a form the compiler vectorises.
/// Adds to `line` the line breaks of `bytes` (`\n`, `\r\n` or a lone
/// `\r`, each one break); `after_cr` carries a `\r` that ended the
/// previous bytes, so that a `\r\n` split between two reads counts once.
/// A vectorised count of `\n` when there is no `\r` about.
pub(super) fn count_line_breaks(bytes: &[u8], line: &mut u64, after_cr: &mut bool) {
    if !*after_cr && !bytes.contains(&b'\r') {
        *line += count_newlines(bytes);
        return;
    }
    for &b in bytes {
        if b == b'\n' {
            if !*after_cr {
                *line += 1;
            }
            *after_cr = false;
        } else {
            *after_cr = b == b'\r';
            *line += u64::from(*after_cr);
        }
    }
}

fn count_newlines(bytes: &[u8]) -> u64 {
    let chunks = bytes.chunks_exact(64);
    let tail = chunks.remainder();
    let mut n: u64 = chunks
        .map(|c| u64::from(c.iter().fold(0u8, |a, &b| a + u8::from(b == b'\n'))))
        .sum();
    n += tail.iter().filter(|b| **b == b'\n').count() as u64;
    n
}

/// Whether byte `b` is text in the single-byte encoding `e`: not a byte
/// the encoding leaves undefined or to a control character (line breaks
/// and tabs are text).
fn is_text(b: u8, e: &'static Encoding) -> bool {
    match b {
        b'\t' | b'\n' | b'\r' => true,
        0x00..=0x1f => false,
        0x81 | 0x8d | 0x8f | 0x90 | 0x9d => false,
        0x80..=0x9f => e == WINDOWS_1252,
        _ => true,
    }
}

/// Windows-1252 or ISO-8859-15 for text that is not UTF-8, from its
/// bytes (see the module's rule).
fn legacy(bytes: &[u8]) -> &'static Encoding {
    const LATIN9: [u8; 8] = [0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe];
    if bytes.iter().any(|b| (0x80..=0x9f).contains(b)) {
        WINDOWS_1252
    } else if bytes.iter().any(|b| LATIN9.contains(b)) {
        ISO_8859_15
    } else {
        WINDOWS_1252
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let text = self.fill_buf()?;
        let n = buf.len().min(text.len());
        buf[..n].copy_from_slice(&text[..n]);
        self.consume(n);
        Ok(n)
    }
}

/// The decoded text is buffered already: readers take it from here
/// without another copy.
impl<R: Read> BufRead for Decoded<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.out_at == self.out.len() && !self.decode_more()? {
            return Ok(&[]);
        }
        Ok(&self.out[self.out_at..])
    }

    fn consume(&mut self, n: usize) {
        self.out_at = (self.out_at + n).min(self.out.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (io::Result<String>, Option<&'static str>) {
        let mut d = Decoded::new(bytes, None);
        let mut s = String::new();
        let r = d.read_to_string(&mut s).map(|_| s);
        (r, d.take_notice().map(Encoding::name))
    }

    #[test]
    fn utf8_and_ascii_are_read_as_they_are() {
        assert_eq!(
            decode(b"id;a\n1;\xc3\xa9t\xc3\xa9\n").0.unwrap(),
            "id;a\n1;été\n"
        );
        assert_eq!(decode(b"\xef\xbb\xbfid\r\n").0.unwrap(), "id\r\n");
        assert_eq!(decode(b"").0.unwrap(), "");
        assert_eq!(decode(b"abc").1, None);
    }

    #[test]
    fn windows_1252_and_latin9_are_told_apart_and_decoded() {
        let (text, enc) = decode(b"id;t\r\n1;\xe9t\xe9 \x80 \x9c\r\n");
        assert_eq!(text.unwrap(), "id;t\r\n1;été € œ\r\n");
        assert_eq!(enc, Some("windows-1252"));
        let (text, enc) = decode(b"1;\xe9 \xa4 \xbd\n");
        assert_eq!(text.unwrap(), "1;é € œ\n");
        assert_eq!(enc, Some("ISO-8859-15"));
    }

    #[test]
    fn utf16_with_its_mark_is_read() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "id\té\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (text, enc) = decode(&bytes);
        assert_eq!(text.unwrap(), "id\té\n");
        assert_eq!(enc, Some("UTF-16LE"));
    }

    #[test]
    fn a_byte_neither_encoding_reads_is_named_with_its_offset_and_line() {
        // UTF-8 first, then a Latin-1 byte: mixed.
        let (r, _) = decode(b"a\r\n\xc3\xa9\r\nb\xe9\n");
        let e = r.unwrap_err();
        let n = not_text(&e).unwrap();
        assert_eq!((n.offset, n.line, n.byte), (8, 3, 0xe9));
        // Windows-1252 has no letter at 0x81; a NUL is no text either.
        let (r, _) = decode(b"a\n\xe9\n\x81");
        let n = not_text(r.as_ref().unwrap_err()).cloned().unwrap();
        assert_eq!((n.offset, n.line, n.encoding), (4, 3, "windows-1252"));
        let (r, _) = decode(b"a\r\r\n\xe9\x00");
        assert_eq!(not_text(&r.unwrap_err()).unwrap().line, 3);
    }

    #[test]
    fn lines_are_counted_over_long_runs_of_lf() {
        let mut bytes = "x\n".repeat(100).into_bytes();
        bytes.extend_from_slice("é\n".as_bytes());
        bytes.extend_from_slice(b"\xe9");
        let (r, _) = decode(&bytes);
        let e = r.unwrap_err();
        let n = not_text(&e).unwrap();
        assert_eq!((n.line, n.offset), (102, 203));
    }

    #[test]
    fn a_sequence_cut_by_a_chunk_is_joined() {
        let mut text = "a".repeat(CHUNK - 1);
        text.push('é');
        text.push_str("fin");
        assert_eq!(decode(text.as_bytes()).0.unwrap(), text);
        // Cut at the very end of UTF-8 text: not UTF-8.
        let (r, _) = decode(b"\xc3\xa9\xc3");
        assert!(r.is_err());
    }

    /// A reader that gives one byte a call.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn the_encoding_read_does_not_depend_on_how_the_input_comes() {
        // Found by fuzzing: a Latin-9 byte first and a Windows-1252 one
        // later were told apart on the first chunk only.
        let bytes = b"a\xa4bcdef\x80";
        let mut whole = String::new();
        let a = Decoded::new(&bytes[..], None)
            .read_to_string(&mut whole)
            .map(|_| whole);
        let mut cut = String::new();
        let b = Decoded::new(Trickle(bytes), None)
            .read_to_string(&mut cut)
            .map(|_| cut);
        assert_eq!(a.unwrap(), b.unwrap());
    }

    #[test]
    fn a_forced_encoding_is_not_second_guessed() {
        let mut d = Decoded::new(&b"\xe9"[..], Some(ISO_8859_15));
        let mut s = String::new();
        d.read_to_string(&mut s).unwrap();
        assert_eq!(s, "é");
        let mut d = Decoded::new(&b"\xe9"[..], Some(UTF_8));
        assert!(d.read_to_string(&mut String::new()).is_err());
    }
}
