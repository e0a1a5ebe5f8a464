//! The one way in for an inventory, whatever its format: [`cases`] takes
//! a reader (a file, standard input, an uploaded body) and [`Hints`]
//! (its name for messages, and what the user said of its format), and
//! gives its cases one by one, in order.
//!
//! ```no_run
//! # fn demo(bundle: &aiguillage::Bundle) -> Result<(), aiguillage::front::error::Error> {
//! use aiguillage::front::batch::read::{cases, Hints};
//! let file = std::fs::File::open("inventaire.xlsx").unwrap();
//! for case in cases(bundle, file, &Hints::named("inventaire.xlsx"))? {
//!     match case? {
//!         Ok(case) => { /* decide it: engine::walk(bundle, …, &case.answers) */ }
//!         Err(failure) => { /* a row that cannot be read: its line and why */ }
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! Formats: JSONL (one answers object per line), CSV (a header of
//! question ids; any encoding of [`super::encoding`]), XLSX and ODS (the
//! first sheet, or [`Hints::sheet`]). Text formats stream: memory does
//! not grow with the number of lines. A workbook is read whole, within
//! [`sheet_in::MAX_SHEET_BYTES`] and the bounds of [`sheet_in`].

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use encoding_rs::Encoding;

use crate::core::catalog::Bundle;
use crate::core::model::Answer;
use crate::front::error::Error;
use crate::output::record::{CaseId, Failure, Problem};

use super::cells::{Cell, Header};
use super::csv_in::{self, Row, Rows};
use super::encoding::{Decoded, not_text};
use super::jsonl_in::{Lines, Next};
use super::msg;
use super::sheet_in::{self, Sheet, Value};

/// The longest line (or CSV row) read: past it the line is an error, and
/// the run goes on with the next one.
pub const MAX_LINE: usize = csv_in::MAX_ROW;

/// An inventory's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Xlsx,
    Ods,
}

impl Format {
    /// From a file name's extension, when it says.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = std::path::Path::new(name).extension()?.to_str()?;
        match ext.to_ascii_lowercase().as_str() {
            "csv" | "tsv" | "txt" => Some(Format::Csv),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

/// What is known of an inventory besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct Hints<'a> {
    /// Its name in messages (a file name, « <stdin> »).
    pub name: &'a str,
    /// Its format; `None`: from the name's extension, else from the first
    /// bytes (a zip archive is a workbook, `{` starts JSONL, else CSV).
    pub format: Option<Format>,
    /// CSV: the column separator; `None`: from the header.
    pub delimiter: Option<u8>,
    /// Text formats: the encoding; `None`: detected (UTF-8 first).
    pub encoding: Option<&'static Encoding>,
    /// Workbooks: the sheet; `None`: the first.
    pub sheet: Option<&'a str>,
}

impl<'a> Hints<'a> {
    /// Only a name: everything else detected.
    pub fn named(name: &'a str) -> Self {
        Hints {
            name,
            ..Hints::default()
        }
    }
}

/// One case as read: its line (a CSV row's first line, a sheet's row
/// number), its id, its answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub line: u64,
    pub id: Option<CaseId>,
    pub questionnaire: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    /// Spreadsheets: where the row is, so that an answer refused later is
    /// said with its cell (« Feuille1!G5 »).
    pub sheet: Option<SheetRow>,
}

/// A row of a sheet, and where each question's column is.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub name: Arc<str>,
    /// 0-based.
    pub row: u32,
    /// Question id and 0-based column, for each column of the header.
    pub columns: Arc<[(String, u32)]>,
}

impl Case {
    /// The cell of the answer to `question`, when known.
    pub fn place_of(&self, question: &str) -> Option<String> {
        let s = self.sheet.as_ref()?;
        let (_, column) = s.columns.iter().find(|(q, _)| q == question)?;
        Some(sheet_in::place(&s.name, s.row, *column))
    }
}

/// A case that cannot be read: its line, and why.
pub fn failure(line: u64, id: Option<CaseId>, message: String) -> Failure {
    Failure {
        line,
        id,
        error: Problem {
            message,
            question: None,
            allowed: Vec::new(),
            column: None,
        },
    }
}

/// The cases of one inventory, in order. Each item is `Ok(Ok(case))`,
/// `Ok(Err(failure))` for a line or row that cannot be a case (reading
/// goes on), or `Err` when the input cannot be read further (the last
/// item).
pub struct Cases<'b> {
    source: Source<'b>,
    name: String,
    read: Arc<AtomicU64>,
    encoding: Arc<OnceLock<&'static Encoding>>,
    said_encoding: bool,
    done: bool,
}

enum Source<'b> {
    Jsonl(Lines<Text<'b>>),
    Csv {
        rows: Rows<Text<'b>>,
        header: Header<'b>,
        row: Row,
    },
    Sheet {
        sheet: Sheet,
        header: Header<'b>,
        next: usize,
        /// The sheet's name and its question columns, shared by its cases.
        name_arc: Arc<str>,
        columns: Arc<[(String, u32)]>,
    },
}

/// A reader that counts the bytes read, for the progress bar.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The cases of the inventory `input`. Fails at once for what makes the
/// whole input unreadable: a header that names no question, a workbook
/// that cannot be opened, a sheet that is not there.
pub fn cases<'b>(
    bundle: &'b Bundle,
    input: impl Read + 'b,
    hints: &Hints<'_>,
) -> Result<Cases<'b>, Error> {
    let name = hints.name;
    let read = Arc::new(AtomicU64::new(0));
    let encoding = Arc::new(OnceLock::new());
    let counted = Counted {
        inner: Box::new(input) as Box<dyn Read + 'b>,
        read: read.clone(),
    };
    let mut raw = BufReader::with_capacity(1 << 16, counted);
    let format = match hints.format.or_else(|| Format::of_name(name)) {
        Some(f) => f,
        None => {
            let start = raw.fill_buf().map_err(|e| Error::io(name, &e))?;
            if sheet_in::is_zip(start) {
                Format::Xlsx
            } else {
                // Text: known once decoded (a UTF-16 file's first byte
                // is its mark).
                Format::Csv
            }
        }
    };
    let source = match format {
        Format::Xlsx | Format::Ods => sheet(bundle, raw, hints)?,
        Format::Jsonl | Format::Csv => {
            let mut text = Decoded::new(raw, hints.encoding).said_in(encoding.clone());
            let explicit = hints.format.or_else(|| Format::of_name(name));
            let jsonl = match explicit {
                Some(f) => f == Format::Jsonl,
                None => {
                    let start = text.fill_buf().map_err(|e| text_error(name, &e))?;
                    let first = start.iter().find(|b| !b.is_ascii_whitespace());
                    matches!(first, Some(b'{' | b'['))
                }
            };
            if jsonl {
                Source::Jsonl(Lines::new(text))
            } else {
                csv(bundle, text, hints)?
            }
        }
    };
    Ok(Cases {
        source,
        name: name.to_owned(),
        read,
        encoding,
        said_encoding: false,
        done: false,
    })
}

/// Text as read: counted, buffered (for the first bytes' look), decoded
/// (the decoder buffers its text).
type Text<'b> = Decoded<BufReader<Counted<Box<dyn Read + 'b>>>>;

fn csv<'b>(bundle: &'b Bundle, mut text: Text<'b>, hints: &Hints<'_>) -> Result<Source<'b>, Error> {
    let name = hints.name;
    let delimiter = match hints.delimiter {
        Some(d) => d,
        None => sniff_delimiter(text.fill_buf().map_err(|e| text_error(name, &e))?),
    };
    let mut rows = Rows::new(text, delimiter);
    let mut row = Row::default();
    let names = loop {
        match rows.next_row(&mut row).map_err(|e| text_error(name, &e))? {
            None => break Vec::new(),
            Some(Ok(())) if row.cells().iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(())) => break row.cells().to_vec(),
            Some(Err(p)) => {
                return Err(Error::Usage(format!("{name} : {}", problem(&p))));
            }
        }
    };
    let line = row.line;
    let place = |i: usize| msg::line_column(line, i + 1);
    let header =
        Header::new(bundle, &names, &place).map_err(|m| Error::Usage(format!("{name} : {m}")))?;
    Ok(Source::Csv { rows, header, row })
}

fn sheet<'b>(
    bundle: &'b Bundle,
    raw: BufReader<Counted<Box<dyn Read + 'b>>>,
    hints: &Hints<'_>,
) -> Result<Source<'b>, Error> {
    let name = hints.name;
    let mut bytes = Vec::new();
    raw.take(sheet_in::MAX_SHEET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, &e))?;
    if bytes.len() as u64 > sheet_in::MAX_SHEET_BYTES {
        return Err(Error::io(
            name,
            &crate::text::limits::too_big(sheet_in::MAX_SHEET_BYTES),
        ));
    }
    if !sheet_in::is_zip(&bytes) {
        return Err(Error::Usage(format!("{name} : {}", msg::not_a_workbook())));
    }
    let sheet =
        sheet_in::read(&bytes, hints.sheet).map_err(|m| Error::Usage(format!("{name} : {m}")))?;
    // The header is the first row that holds something.
    let names = match sheet.rows.first() {
        None => Vec::new(),
        Some((_, cells)) => {
            let width = cells.iter().map(|c| c.0 as usize + 1).max().unwrap_or(0);
            let mut names = vec![String::new(); width];
            for (c, v) in cells {
                names[*c as usize] = match v {
                    Value::Text(s) => s.clone(),
                    Value::Number(x) => crate::text::number::fmt_num(*x),
                    Value::Bool(b) => b.to_string(),
                    Value::Error(e) => e.clone(),
                };
            }
            names
        }
    };
    let header_row = sheet.rows.first().map_or(0, |r| r.0);
    let place = |i: usize| sheet.place(header_row, i as u32);
    let header =
        Header::new(bundle, &names, &place).map_err(|m| Error::Usage(format!("{name} : {m}")))?;
    let name_arc = Arc::from(sheet.name.as_str());
    let columns = header.question_columns().into();
    Ok(Source::Sheet {
        sheet,
        header,
        next: 1,
        name_arc,
        columns,
    })
}

/// `;` when the header has more of them than commas (a French spreadsheet
/// export), a tab for a tab-separated file, a comma otherwise.
fn sniff_delimiter(start: &[u8]) -> u8 {
    let header = start
        .split(|b| *b == b'\n' || *b == b'\r')
        .next()
        .unwrap_or_default();
    let count = |d: u8| header.iter().filter(|b| **b == d).count();
    let (comma, semicolon, tab) = (count(b','), count(b';'), count(b'\t'));
    if tab > comma && tab > semicolon {
        b'\t'
    } else if semicolon > comma {
        b';'
    } else {
        b','
    }
}

/// A CSV row's problem, in words.
fn problem(p: &csv_in::Problem) -> String {
    use csv_in::Problem as P;
    match p {
        P::TooLong => msg::line_too_long(MAX_LINE >> 20),
        P::Unclosed { line, column } => msg::unclosed_quote(*line, *column),
        P::LongQuoted { line, column } => msg::long_quote(*line, *column, MAX_LINE >> 20),
        P::StrayQuote { line, column } => msg::stray_quote(*line, *column),
        P::AfterQuote { line, column } => msg::after_quote(*line, *column),
    }
}

/// An error reading text: bytes that are not text in its encoding are
/// said with their place.
fn text_error(name: &str, e: &std::io::Error) -> Error {
    match not_text(e) {
        Some(n) => Error::Usage(format!(
            "{name} : {}",
            msg::not_text(n.byte, n.offset, n.line, n.encoding)
        )),
        None => Error::io(name, e),
    }
}

impl Cases<'_> {
    /// Bytes of the input read so far.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// The encoding of a text inventory once it is known to be other than
    /// UTF-8, to say once: `Some` the first time only.
    pub fn new_encoding(&mut self) -> Option<&'static Encoding> {
        if self.said_encoding {
            return None;
        }
        let e = self.encoding.get().copied()?;
        self.said_encoding = true;
        Some(e)
    }

    fn next_case(&mut self) -> Result<Option<Result<Case, Failure>>, Error> {
        let name = self.name.as_str();
        match &mut self.source {
            Source::Jsonl(lines) => match lines.next_case().map_err(|e| text_error(name, &e))? {
                Next::End => Ok(None),
                Next::NotJsonl => Err(Error::Usage(format!("{name} : {}", msg::not_jsonl()))),
                Next::Case(c) => Ok(Some(c)),
            },
            Source::Csv { rows, header, row } => loop {
                let Some(result) = rows.next_row(row).map_err(|e| text_error(name, &e))? else {
                    return Ok(None);
                };
                if let Err(p) = result {
                    let id = header.id_of(row.cells());
                    return Ok(Some(Err(failure(row.line, id, problem(&p)))));
                }
                if row.cells().iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let cells = row
                    .cells()
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (i, Cell::Text(c)));
                let place = |i: usize| msg::column(i + 1);
                return Ok(Some(header.case(row.line, cells, &place)));
            },
            Source::Sheet {
                sheet,
                header,
                next,
                name_arc,
                columns,
            } => {
                let Some((r, cells)) = sheet.rows.get(*next) else {
                    return Ok(None);
                };
                *next += 1;
                let r = *r;
                let cells = cells.iter().map(|(c, v)| {
                    let cell = match v {
                        Value::Text(s) => Cell::Text(s),
                        Value::Number(x) => Cell::Number(*x),
                        Value::Bool(b) => Cell::Bool(*b),
                        Value::Error(e) => Cell::Error(e),
                    };
                    (*c as usize, cell)
                });
                let place = |i: usize| sheet.place(r, i as u32);
                let mut case = header.case(u64::from(r) + 1, cells, &place);
                if let Ok(case) = &mut case {
                    case.sheet = Some(SheetRow {
                        name: name_arc.clone(),
                        row: r,
                        columns: columns.clone(),
                    });
                }
                Ok(Some(case))
            }
        }
    }
}

impl Iterator for Cases<'_> {
    type Item = Result<Result<Case, Failure>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_case() {
            Ok(Some(c)) => Some(Ok(c)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}
