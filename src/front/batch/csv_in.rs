//! CSV read strictly, as answers files are (RFC 4180, with `,`, `;` or a
//! tab): every row is numbered by the line it starts on, whatever the line
//! ends (`\n`, `\r\n`, a lone `\r`) and the blank lines before it; a
//! quote opened and never closed, a quote inside a cell that is not
//! quoted, or text after a closing quote is an error naming its line and
//! column — never a cell that swallows the rest of the file.
//!
//! Hand-written over the bytes rather than with the `csv` crate, which
//! reads leniently (a stray quote opens a cell to the end of the file),
//! counts lines its own way (one too low with CRLF, every row « 1 » with
//! CR-only ends) and cannot resume after a row past the size limit.
//!
//! A row (quoted line breaks included) is read within [`MAX_ROW`] bytes:
//! past it, the row is an error and reading goes on at the next line —
//! the line after the row's first when a quote was left open, so one
//! unbalanced quote costs one row, not the file.

use std::io::{self, BufRead};

/// The longest row read, its quoted line breaks included.
pub const MAX_ROW: usize = 1 << 20;

/// Why a row cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Over [`MAX_ROW`] bytes without a quote left open.
    TooLong,
    /// A quote opened at `line`, `column` and not closed (before the end
    /// of the input or within [`MAX_ROW`] bytes).
    Unclosed { line: u64, column: usize },
    /// A quote inside a cell that does not start with one.
    StrayQuote { line: u64, column: usize },
    /// A quote opened at `line`, `column` and not closed within
    /// [`MAX_ROW`] bytes (perhaps never).
    LongQuoted { line: u64, column: usize },
    /// Text after the quote that closes a cell.
    AfterQuote { line: u64, column: usize },
}

/// A row read: its first line and its cells (their strings reused from
/// row to row).
#[derive(Debug, Default)]
pub struct Row {
    pub line: u64,
    store: Vec<String>,
    len: usize,
}

impl Row {
    /// The cells read.
    pub fn cells(&self) -> &[String] {
        &self.store[..self.len]
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    /// A new empty cell at the end.
    fn push(&mut self) -> &mut String {
        if self.len == self.store.len() {
            self.store.push(String::new());
        }
        self.len += 1;
        let cell = &mut self.store[self.len - 1];
        cell.clear();
        cell
    }
}

/// `bytes` (UTF-8 from the decoder) at the end of `cell`.
fn push_text(cell: &mut String, bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(s) => cell.push_str(s),
        Err(_) => cell.push_str(&String::from_utf8_lossy(bytes)),
    }
}

/// Rows of CSV from UTF-8 text.
pub struct Rows<R> {
    r: R,
    delimiter: u8,
    buf: Vec<u8>,
    /// Start of the next row in `buf`.
    pos: usize,
    /// The line at `pos`, and whether the byte before it was a `\r`
    /// (so that a `\n` after it ends no new line).
    line: u64,
    after_cr: bool,
    eof: bool,
}

/// Where a row ends.
enum End {
    /// The row is `buf[pos..end]`; the next starts at `next`.
    Row { end: usize, next: usize },
    /// Past [`MAX_ROW`] bytes; `quoted`: inside a quote.
    TooLong { quoted: bool },
    /// The input ended inside a quote.
    Unclosed,
    /// Nothing more.
    Eof,
}

impl<R: BufRead> Rows<R> {
    pub fn new(r: R, delimiter: u8) -> Self {
        Rows {
            r,
            delimiter,
            buf: Vec::with_capacity(1 << 16),
            pos: 0,
            line: 1,
            after_cr: false,
            eof: false,
        }
    }

    /// Reads the next row into `row`: `Ok(None)` at the end, `Ok(Some(Err))`
    /// for a row that cannot be read (the next one will be), `Err` when
    /// the input cannot be read.
    pub fn next_row(&mut self, row: &mut Row) -> io::Result<Option<Result<(), Problem>>> {
        // Rows read are dropped here, between rows, and only here: the
        // offsets into `buf` stay good while a row is read.
        if self.pos > (1 << 16) && self.pos * 2 > self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.skip_blank_lines()?;
        row.line = self.line;
        row.clear();
        match self.find_end()? {
            End::Eof => Ok(None),
            End::Row { end, next } => {
                let parsed = split(&self.buf[self.pos..end], self.delimiter, row);
                let parsed = parsed.map_err(|(at, kind)| {
                    let (line, column) = place_in(&self.buf[self.pos..end], row.line, at);
                    kind(line, column)
                });
                self.advance(next);
                Ok(Some(parsed))
            }
            end @ (End::Unclosed | End::TooLong { quoted: true }) => {
                // A stray quote on the first line is what left it open.
                let rest = &self.buf[self.pos..];
                let first = rest
                    .iter()
                    .position(|b| *b == b'\n' || *b == b'\r')
                    .unwrap_or(rest.len());
                // `row` keeps the cells read before the fault (its id).
                let problem = match split(&rest[..first], self.delimiter, row) {
                    Err((at, kind)) if !matches!(kind(0, 0), Problem::Unclosed { .. }) => {
                        let (line, column) = place_in(rest, row.line, at);
                        kind(line, column)
                    }
                    _ => {
                        let (line, column) = self.open_quote(row.line);
                        match end {
                            End::Unclosed => Problem::Unclosed { line, column },
                            _ => Problem::LongQuoted { line, column },
                        }
                    }
                };
                self.resume_after_first_line()?;
                Ok(Some(Err(problem)))
            }
            End::TooLong { quoted: false } => {
                self.skip_line()?;
                Ok(Some(Err(Problem::TooLong)))
            }
        }
    }

    /// More input at the end of `buf`; `false` at the end of the input.
    fn more(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let chunk = self.r.fill_buf()?;
        if chunk.is_empty() {
            self.eof = true;
            return Ok(false);
        }
        let n = chunk.len();
        self.buf.extend_from_slice(chunk);
        self.r.consume(n);
        Ok(true)
    }

    /// The byte at `i`, reading more when needed.
    fn at(&mut self, i: usize) -> io::Result<Option<u8>> {
        while i >= self.buf.len() {
            if !self.more()? {
                return Ok(None);
            }
        }
        Ok(Some(self.buf[i]))
    }

    fn skip_blank_lines(&mut self) -> io::Result<()> {
        while let Some(b) = self.at(self.pos)? {
            if b != b'\n' && b != b'\r' {
                break;
            }
            self.advance(self.pos + 1);
        }
        Ok(())
    }

    /// Moves the start of the next row to `to`, counting the lines passed.
    fn advance(&mut self, to: usize) {
        super::encoding::count_line_breaks(
            &self.buf[self.pos..to],
            &mut self.line,
            &mut self.after_cr,
        );
        self.pos = to;
    }

    /// Where the row from `pos` ends: at a line break outside quotes.
    fn find_end(&mut self) -> io::Result<End> {
        let mut i = self.pos;
        let mut quoted = false;
        loop {
            if i - self.pos > MAX_ROW {
                return Ok(End::TooLong { quoted });
            }
            let Some(b) = self.at(i)? else {
                return Ok(match (quoted, i == self.pos) {
                    (true, _) => End::Unclosed,
                    (false, true) => End::Eof,
                    (false, false) => End::Row { end: i, next: i },
                });
            };
            match b {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => {
                    return Ok(End::Row {
                        end: i,
                        next: i + 1,
                    });
                }
                b'\r' if !quoted => {
                    let next = if self.at(i + 1)? == Some(b'\n') {
                        i + 2
                    } else {
                        i + 1
                    };
                    return Ok(End::Row { end: i, next });
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// The quote left open in the row at `pos`: the last quote of its
    /// first line that opens a cell.
    fn open_quote(&self, line: u64) -> (u64, usize) {
        let row = &self.buf[self.pos..];
        let first_line = row
            .iter()
            .position(|b| *b == b'\n' || *b == b'\r')
            .unwrap_or(row.len());
        let mut quoted = false;
        let mut opened = 0;
        for (i, &b) in row[..first_line].iter().enumerate() {
            if b == b'"' {
                if !quoted {
                    opened = i;
                }
                quoted = !quoted;
            }
        }
        place_in(row, line, opened)
    }

    /// Goes on at the line after the first of the row at `pos`; when that
    /// first line is itself too long, past its end.
    fn resume_after_first_line(&mut self) -> io::Result<()> {
        let row = &self.buf[self.pos..];
        match row.iter().position(|b| *b == b'\n' || *b == b'\r') {
            Some(i) if i <= MAX_ROW => {
                let mut next = self.pos + i + 1;
                if self.buf[next - 1] == b'\r' && self.at(next)? == Some(b'\n') {
                    next += 1;
                }
                self.advance(next);
                Ok(())
            }
            _ => self.skip_line(),
        }
    }

    /// Skips to the end of the line at `pos`, however long, without
    /// keeping it.
    fn skip_line(&mut self) -> io::Result<()> {
        loop {
            if let Some(i) = self.buf[self.pos..]
                .iter()
                .position(|b| *b == b'\n' || *b == b'\r')
            {
                let mut next = self.pos + i + 1;
                if self.buf[next - 1] == b'\r' && self.at(next)? == Some(b'\n') {
                    next += 1;
                }
                self.advance(next);
                return Ok(());
            }
            // Not a line break in what is held: drop it, read on.
            self.after_cr = false;
            self.buf.clear();
            self.pos = 0;
            if !self.more()? {
                return Ok(());
            }
        }
    }
}

/// Line and column of byte `at` of `row`, which starts on `line`.
fn place_in(row: &[u8], mut line: u64, at: usize) -> (u64, usize) {
    let before = &row[..at.min(row.len())];
    let mut start = 0;
    let mut i = 0;
    while i < before.len() {
        match before[i] {
            b'\n' => {
                line += 1;
                start = i + 1;
            }
            b'\r' => {
                line += 1;
                if before.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let column = String::from_utf8_lossy(&before[start.min(before.len())..])
        .chars()
        .count()
        + 1;
    (line, column)
}

type Kind = fn(u64, usize) -> Problem;

/// The cells of one row (`text` without its line break), strictly.
fn split(text: &[u8], delimiter: u8, row: &mut Row) -> Result<(), (usize, Kind)> {
    let mut i = 0;
    loop {
        let cell = row.push();
        if text.get(i) == Some(&b'"') {
            i += 1;
            loop {
                // Up to the next quote: a doubled one is a quote, a single
                // one closes the cell.
                let Some(q) = text[i..].iter().position(|b| *b == b'"') else {
                    // find_end saw the quotes balance: not reached.
                    return Err((i, |line, column| Problem::Unclosed { line, column }));
                };
                push_text(cell, &text[i..i + q]);
                i += q + 1;
                if text.get(i) == Some(&b'"') {
                    cell.push('"');
                    i += 1;
                } else {
                    break;
                }
            }
            match text.get(i) {
                None => {}
                Some(b) if *b == delimiter => {}
                Some(_) => {
                    return Err((i, |line, column| Problem::AfterQuote { line, column }));
                }
            }
        } else {
            let end = text[i..]
                .iter()
                .position(|b| *b == delimiter)
                .map_or(text.len(), |n| i + n);
            if let Some(q) = text[i..end].iter().position(|b| *b == b'"') {
                return Err((i + q, |line, column| Problem::StrayQuote { line, column }));
            }
            push_text(cell, &text[i..end]);
            i = end;
        }
        if i >= text.len() {
            return Ok(());
        }
        i += 1; // the delimiter
        if i == text.len() {
            row.push();
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(u64, Result<Vec<String>, Problem>)> {
        let mut r = Rows::new(text.as_bytes(), b';');
        let mut row = Row::default();
        let mut out = Vec::new();
        while let Some(result) = r.next_row(&mut row).unwrap() {
            out.push((row.line, result.map(|()| row.cells().to_vec())));
        }
        out
    }

    fn cells(v: &[&str]) -> Result<Vec<String>, Problem> {
        Ok(v.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn rows_are_numbered_by_their_first_line_whatever_the_line_ends() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["h;k", "a;b", "", "c;\"d", "e\"", "", "", "f;g", ""].join(end);
            let got = rows(&text);
            let lines: Vec<u64> = got.iter().map(|(l, _)| *l).collect();
            assert_eq!(lines, [1, 2, 4, 8], "{end:?}");
            assert_eq!(got[2].1, cells(&["c", &format!("d{end}e")]), "{end:?}");
        }
    }

    #[test]
    fn quotes_are_read_strictly() {
        assert_eq!(rows("\"a;\"\"b\"\"\";c")[0].1, cells(&["a;\"b\"", "c"]));
        assert_eq!(rows("a;")[0].1, cells(&["a", ""]));
        assert_eq!(
            rows("x\nab\"c;d\ny")[1],
            (2, Err(Problem::StrayQuote { line: 2, column: 3 }))
        );
        assert_eq!(
            rows("\"ab\"c;d")[0].1,
            Err(Problem::AfterQuote { line: 1, column: 5 })
        );
    }

    #[test]
    fn an_unclosed_quote_costs_its_row_not_the_file() {
        let got = rows("h\n1;\"oops\n2;ok\n3;ok\n");
        assert_eq!(got[1], (2, Err(Problem::Unclosed { line: 2, column: 3 })));
        // The quote never closes: its row is refused, the next read.
        assert_eq!(got[2], (3, cells(&["2", "ok"])));
        assert_eq!(got.len(), 4);
    }

    /// Rows across many reads of a small buffer: each row whole, none
    /// joined to the next (the buffer is compacted between rows only).
    #[test]
    fn long_inputs_are_cut_into_the_right_rows() {
        let text: String = (0..50_000).map(|i| format!("c{i};x;\"y\ny\"\n")).collect();
        let reader = std::io::BufReader::with_capacity(1000, text.as_bytes());
        let mut r = Rows::new(reader, b';');
        let mut row = Row::default();
        let mut n = 0;
        while let Some(result) = r.next_row(&mut row).unwrap() {
            result.unwrap();
            assert_eq!(row.cells(), [format!("c{n}"), "x".into(), "y\ny".into()]);
            assert_eq!(row.line, 2 * n + 1);
            n += 1;
        }
        assert_eq!(n, 50_000);
    }

    #[test]
    fn a_row_past_the_limit_is_refused_and_the_next_is_read() {
        let long = "x".repeat(MAX_ROW + 10);
        let got = rows(&format!("h\n{long}\nnext\n"));
        assert_eq!(got[1], (2, Err(Problem::TooLong)));
        assert_eq!(got[2], (3, cells(&["next"])));
        // A quoted cell over the limit too: the next line is read.
        let got = rows(&format!("h\n\"{long}\nnext\n"));
        assert_eq!(got[1], (2, Err(Problem::LongQuoted { line: 2, column: 1 })));
        assert_eq!(got[2], (3, cells(&["next"])));
    }
}
