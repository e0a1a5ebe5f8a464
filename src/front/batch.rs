//! `aiguillage batch`: a whole inventory at once. Each line of JSONL (an
//! answers object) or each row of CSV (a header of question ids) is one
//! case; each gives one record on stdout, in input order, as it is read:
//! memory does not grow with the number of lines.
//!
//! A case that cannot be decided (malformed, a wrong answer, a missing
//! one) does not stop the run: its record carries the error, stderr
//! summarises, and the exit code is 2 once every line was read.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, AnswerError, End};
use crate::core::model::{Answer, Question, QuestionKind, Verdict};
use crate::front::error::Error;
use crate::output::answer::{allowed_values, message};
use crate::output::record::{self, CaseId, Failure, Problem};
use crate::text::i18n::{self, Texts};

/// The longest line (or CSV row) read: past it the line is an error, and
/// the run goes on with the next one.
pub const MAX_LINE: usize = 1 << 20;

/// What the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Jsonl,
    Csv,
}

/// What each case gives on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The compact record, one JSON object per line.
    Jsonl,
    /// The full decision of each case, one JSON object per line.
    Json,
    /// One CSV row per case.
    Csv,
}

/// How to read and write a run.
#[derive(Debug, Clone)]
pub struct Options {
    pub files: Vec<PathBuf>,
    /// `None`: from the file name, else from the first character.
    pub input: Option<Input>,
    /// CSV only; `None`: detected from the header.
    pub delimiter: Option<u8>,
    pub output: Output,
}

/// One line of JSONL: an answers file, plus the case's id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(default)]
    id: Option<CaseId>,
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    #[serde(default)]
    questionnaire: Option<String>,
    #[serde(default)]
    answers: BTreeMap<String, Answer>,
    /// Free text for the documents: accepted, as in an answers file, and
    /// not used by a batch.
    #[serde(default, rename = "fields")]
    _fields: BTreeMap<String, String>,
    /// What a saved answers file records of its content: accepted, so
    /// that saved files can be joined into a batch, and not checked.
    #[serde(rename = "given_against", default)]
    _given_against: Option<serde::de::IgnoredAny>,
}

/// One case as read.
struct Case {
    line: u64,
    id: Option<CaseId>,
    questionnaire: Option<String>,
    answers: BTreeMap<String, Answer>,
}

/// How many cases ended how.
#[derive(Debug, Default)]
struct Tally {
    by_verdict: BTreeMap<&'static str, usize>,
    errors: usize,
    first_error: Option<u64>,
    /// The first error writing stdout, reported once the input is read.
    write_error: Option<Error>,
    /// The first [`MAX_KEPT_FAILURES`] cases not decided, for a summary
    /// that lists them ([`decide_upload`]).
    failures: Vec<Failure>,
}

/// The most failed cases a [`Summary`] lists; the others are counted.
pub const MAX_KEPT_FAILURES: usize = 200;

/// Runs a batch over `options.files` (standard input when none, or `-`).
pub fn run(bundle: &Bundle, options: &Options) -> Result<(), Error> {
    let stdout = std::io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut batch = Batch::new(bundle, out, options.output);
    let stdin_name = PathBuf::from("-");
    let files = if options.files.is_empty() {
        std::slice::from_ref(&stdin_name)
    } else {
        &options.files
    };
    for file in files {
        let (name, size, reader) = open(file)?;
        let input = options.input.or_else(|| by_extension(file));
        batch.read(reader, &name, size, input, options.delimiter)?;
    }
    batch.finish()
}

/// A batch run: cases read from one input or more, records written to
/// `out` as they are decided. `run` drives it for the command line;
/// benchmarks and tests drive it directly.
pub struct Batch<'b, W: Write> {
    sink: Sink<'b, W>,
}

impl<'b, W: Write> Batch<'b, W> {
    pub fn new(bundle: &'b Bundle, out: W, output: Output) -> Self {
        Batch {
            sink: Sink::new(bundle, out, output),
        }
    }

    /// Decides every case of `reader` (named `name` in messages); `input`
    /// `None` tells JSONL from CSV by the first character.
    pub fn read(
        &mut self,
        reader: impl Read,
        name: &str,
        size: Option<u64>,
        input: Option<Input>,
        delimiter: Option<u8>,
    ) -> Result<(), Error> {
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        skip_bom(&mut reader).map_err(|e| Error::io(name, &e))?;
        let input = match input {
            Some(i) => i,
            None => sniff(&mut reader).map_err(|e| Error::io(name, &e))?,
        };
        let bundle = self.sink.bundle;
        let sink = &mut self.sink;
        sink.progress = Progress::new(size);
        let mut decide = |case: Result<Case, Failure>, read: u64| sink.case(case, read);
        match input {
            Input::Jsonl => read_jsonl(&mut reader, name, &mut decide)?,
            Input::Csv => read_csv(bundle, reader, name, delimiter, &mut decide)?,
        }
        self.sink.progress.finish();
        Ok(())
    }

    /// Flushes the output and says the summary on stderr: exit 2 when a
    /// case was not decided.
    pub fn finish(self) -> Result<(), Error> {
        self.sink.finish()
    }

    /// Flushes the output and gives the summary back, saying nothing; the
    /// output (`W`) with it.
    pub fn summary(self) -> Result<(W, Summary), Error> {
        self.sink.summary()
    }
}

/// What a run decided: the count of cases by verdict and the cases not
/// decided (the first [`MAX_KEPT_FAILURES`] of them).
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Each verdict met, with its count, in the order of [`Verdict::ALL`].
    pub by_verdict: Vec<(Verdict, usize)>,
    pub decided: usize,
    /// Cases not decided, all counted.
    pub failed: usize,
    pub failures: Vec<Failure>,
}

/// Decides an inventory given whole, as bytes named `name` (an upload in
/// the browser): the format is told from the name's extension, else from
/// the content, as for a file on the command line. Every format `batch`
/// reads is read here, so a front end that calls this reads them all.
/// Returns the records in `output`'s format, and the summary; nothing is
/// said on stderr.
pub fn decide_upload(
    bundle: &Bundle,
    bytes: &[u8],
    name: &str,
    output: Output,
) -> Result<(Vec<u8>, Summary), Error> {
    let mut batch = Batch::new(bundle, Vec::with_capacity(bytes.len()), output);
    let input = by_extension(Path::new(name));
    // No size: no progress bar on the terminal of whoever runs the server.
    batch.read(bytes, name, None, input, None)?;
    batch.summary()
}

/// A file to read: its name in messages, its size when known (for the
/// progress bar) and its reader.
type Opened = (String, Option<u64>, Box<dyn Read>);

fn open(path: &Path) -> Result<Opened, Error> {
    if path.as_os_str() == "-" {
        return Ok(("<stdin>".into(), None, Box::new(std::io::stdin().lock())));
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(name.clone(), &e))?;
    let meta = file.metadata().map_err(|e| Error::io(name.clone(), &e))?;
    if meta.is_dir() {
        return Err(Error::Io(name, i18n::texts().io_is_dir.into()));
    }
    let size = meta.is_file().then_some(meta.len());
    Ok((name, size, Box::new(file)))
}

/// Spreadsheets write a byte-order mark before the first header.
fn skip_bom(r: &mut impl BufRead) -> std::io::Result<()> {
    if r.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        r.consume(3);
    }
    Ok(())
}

/// JSONL or CSV from a file's extension, when it says.
fn by_extension(path: &Path) -> Option<Input> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("csv" | "tsv" | "txt") => Some(Input::Csv),
        Some("jsonl" | "ndjson" | "json") => Some(Input::Jsonl),
        _ => None,
    }
}

/// JSONL or CSV from the first character: `{` starts a JSON object; a
/// CSV starts with a header.
fn sniff(r: &mut impl BufRead) -> std::io::Result<Input> {
    let first = r
        .fill_buf()?
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    Ok(if first == Some(b'{') {
        Input::Jsonl
    } else {
        Input::Csv
    })
}

/// Reads JSONL, one case per line; blank lines are skipped but counted.
fn read_jsonl(
    r: &mut impl BufRead,
    name: &str,
    decide: &mut dyn FnMut(Result<Case, Failure>, u64) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut buf = Vec::with_capacity(1024);
    let mut line = 0u64;
    let mut read = 0u64;
    loop {
        buf.clear();
        line += 1;
        let n = r
            .by_ref()
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(name, &e))?;
        if n == 0 {
            return Ok(());
        }
        read += n as u64;
        if buf.len() > MAX_LINE && !buf.ends_with(b"\n") {
            read += skip_line(r).map_err(|e| Error::io(name, &e))?;
            decide(
                Err(failure(line, None, msg::line_too_long(MAX_LINE >> 20))),
                read,
            )?;
            continue;
        }
        let text = match std::str::from_utf8(&buf) {
            Ok(t) => t.trim_end_matches(['\n', '\r']),
            Err(_) => {
                decide(
                    Err(failure(line, None, i18n::texts().io_not_utf8.into())),
                    read,
                )?;
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        decide(parse_line(text, line), read)?;
    }
}

/// Skips the rest of a line that was too long; returns the bytes skipped.
fn skip_line(r: &mut impl BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (n, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        r.consume(n);
        skipped += n as u64;
        if done {
            return Ok(skipped);
        }
    }
}

fn parse_line(text: &str, line: u64) -> Result<Case, Failure> {
    match serde_json::from_str::<Line>(text) {
        Ok(l) => Ok(Case {
            line,
            id: l.id,
            questionnaire: l.questionnaire,
            answers: l.answers,
        }),
        Err(e) => {
            let why = crate::front::answers::explain_json_error(&e);
            let mut f = failure(line, None, msg::unreadable_line(&why));
            f.error.column = Some(e.column().max(1));
            Err(f)
        }
    }
}

fn failure(line: u64, id: Option<CaseId>, message: String) -> Failure {
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

/// The columns of a CSV header: the case's id, its questionnaire, or a
/// question.
enum Column<'b> {
    Id,
    Questionnaire,
    Question(&'b Question),
}

fn read_csv(
    bundle: &Bundle,
    reader: impl Read,
    name: &str,
    delimiter: Option<u8>,
    decide: &mut dyn FnMut(Result<Case, Failure>, u64) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut reader = BufReader::with_capacity(1 << 16, LineCap::new(reader));
    let delimiter = match delimiter {
        Some(d) => d,
        None => sniff_delimiter(reader.fill_buf().map_err(|e| Error::io(name, &e))?),
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header = csv.headers().map_err(|e| csv_error(name, &e))?.clone();
    let columns = columns(bundle, &header, name)?;
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line();
        let result = csv.read_record(&mut record);
        let read = csv.position().byte();
        match result {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                decide(csv_case(&columns, &record, line), read)?;
            }
            Err(e) => match e.kind() {
                csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                    // A row past the size limit: said, and the run stops,
                    // since the rest of that row cannot be found again.
                    let f = failure(line, None, msg::line_too_long(MAX_LINE >> 20));
                    return decide(Err(f), read);
                }
                csv::ErrorKind::Io(io) => return Err(Error::io(name, io)),
                _ => decide(Err(failure(line, None, csv_reason(&e))), read)?,
            },
        }
    }
}

/// `;` when the header has more of them than commas (a French spreadsheet
/// export), a tab for a tab-separated file, a comma otherwise.
fn sniff_delimiter(start: &[u8]) -> u8 {
    let header = start.split(|b| *b == b'\n').next().unwrap_or_default();
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

/// Every column of the header, or an error naming the first one that is
/// neither `id`, `questionnaire` nor a question (with the closest id).
fn columns<'b>(
    bundle: &'b Bundle,
    header: &csv::StringRecord,
    name: &str,
) -> Result<Vec<Column<'b>>, Error> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| match h.trim() {
            "id" => Ok(Column::Id),
            "questionnaire" => Ok(Column::Questionnaire),
            id => match bundle.question(id) {
                Some(q) if !q.kind.is_computed() => Ok(Column::Question(q)),
                _ => {
                    let e = AnswerError::UnknownQuestion {
                        id: id.to_owned(),
                        suggestion: crate::text::suggest::did_you_mean(id, bundle.asked_ids())
                            .map(str::to_owned),
                    };
                    Err(Error::Usage(msg::bad_column(
                        name,
                        i + 1,
                        &message(&e, i18n::texts()),
                    )))
                }
            },
        })
        .collect()
}

/// A CSV row as a case: each non-empty cell read as its question's kind
/// of answer.
fn csv_case(columns: &[Column<'_>], row: &csv::StringRecord, line: u64) -> Result<Case, Failure> {
    let mut case = Case {
        line,
        id: None,
        questionnaire: None,
        answers: BTreeMap::new(),
    };
    let mut problems = Vec::new();
    for (column, cell) in columns.iter().zip(row.iter()) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Id => case.id = Some(CaseId::Text(cell.to_owned())),
            Column::Questionnaire => case.questionnaire = Some(cell.to_owned()),
            Column::Question(q) => match cell_answer(q, cell) {
                Some(a) => {
                    case.answers.insert(q.id.clone(), a);
                }
                None => problems.push((*q, cell)),
            },
        }
    }
    match problems.first() {
        None => Ok(case),
        Some((q, _)) => {
            let t = i18n::texts();
            let text = problems
                .iter()
                .map(|(q, cell)| msg::bad_cell(&q.id, cell, &allowed_values(q, t).join(", ")))
                .collect::<Vec<_>>()
                .join("\n");
            let mut f = failure(line, case.id, text);
            f.error.question = Some(q.id.clone());
            f.error.allowed = allowed_values(q, t);
            Err(f)
        }
    }
}

/// A cell as an answer to `q`: « oui »/« non » (or true/false) for a
/// yes/no question, a choice's value, a number as the interface language
/// writes it, free text as is. `None` when it cannot be one.
fn cell_answer(q: &Question, cell: &str) -> Option<Answer> {
    match q.kind {
        QuestionKind::YesNo => yes_no_cell(cell).map(Answer::Bool),
        // A choice of `oui`, `non` and more (« je ne sais pas »): the
        // words of a yes/no cell still mean oui and non.
        QuestionKind::Choice if !q.choices.iter().any(|c| c.value == cell) => {
            match yes_no_cell(cell) {
                Some(b) if crate::core::engine::has_yes_no_values(q) => {
                    Some(Answer::Text(if b { "oui" } else { "non" }.to_owned()))
                }
                _ => Some(Answer::Text(cell.to_owned())),
            }
        }
        QuestionKind::Number => {
            crate::text::number::parse(cell, i18n::current()).map(Answer::Number)
        }
        QuestionKind::Choice | QuestionKind::Text => Some(Answer::Text(cell.to_owned())),
        QuestionKind::Tally | QuestionKind::Switch => None,
    }
}

/// A yes/no cell, in French or English words.
fn yes_no_cell(cell: &str) -> Option<bool> {
    match cell.to_lowercase().as_str() {
        "oui" | "true" | "vrai" | "yes" => Some(true),
        "non" | "false" | "faux" | "no" => Some(false),
        _ => None,
    }
}

fn csv_error(name: &str, e: &csv::Error) -> Error {
    match e.kind() {
        csv::ErrorKind::Io(io) => Error::io(name, io),
        _ => Error::Usage(format!("{name}: {}", csv_reason(e))),
    }
}

/// The CSV reader's reason in the interface language.
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => i18n::texts().io_not_utf8.into(),
        _ => msg::unreadable_row(),
    }
}

/// Where the cases go: decided, written in the chosen format, counted.
struct Sink<'b, W: Write> {
    bundle: &'b Bundle,
    out: Out<W>,
    format: Output,
    /// Stdout was closed (`| head`): read on, write nothing.
    closed: bool,
    tally: Tally,
    progress: Progress,
    memo: record::Memo<'b>,
    /// The line being written, kept to spare an allocation per case.
    line: Vec<u8>,
}

impl<'b, W: Write> Sink<'b, W> {
    fn new(bundle: &'b Bundle, out: W, format: Output) -> Self {
        let out = match format {
            Output::Csv => Out::Csv(Box::new(csv::WriterBuilder::new().from_writer(out))),
            _ => Out::Lines(out),
        };
        let mut sink = Sink {
            bundle,
            out,
            format,
            closed: false,
            tally: Tally::default(),
            progress: Progress(None),
            memo: record::Memo::default(),
            line: Vec::with_capacity(4096),
        };
        if let Err(e) = sink.emit(Row::Csv(&record::CSV_HEADER.map(str::to_owned))) {
            sink.tally.write_error.get_or_insert(e);
        }
        sink
    }

    /// Decides one case and writes its record; `read` is how far into the
    /// file the reader is, for the progress bar.
    fn case(&mut self, case: Result<Case, Failure>, read: u64) -> Result<(), Error> {
        self.progress.at(read);
        let result = case.and_then(|c| self.decide(c));
        if let Err(f) = result {
            self.tally.failed(&f);
            return match self.format {
                Output::Csv => self.emit(Row::Csv(&record::csv_failure(&f))),
                _ => self.emit(Row::Line(&json_line(&f))),
            };
        }
        Ok(())
    }

    /// Decides `case` and writes it; the case back as a failure when it
    /// cannot be decided.
    fn decide(&mut self, case: Case) -> Result<(), Failure> {
        let bundle = self.bundle;
        let t = i18n::texts();
        let start = engine::find_questionnaire(bundle, case.questionnaire.as_deref())
            .map_err(|e| answer_failure(bundle, &case, &[e], t))?;
        let walk = engine::walk(bundle, start, &case.answers)
            .map_err(|errors| answer_failure(bundle, &case, &errors, t))?;
        let outcome = match walk.end {
            End::Outcome(o) => o,
            End::Pending(q) => {
                let allowed = allowed_values(q, t);
                let mut f = failure(case.line, case.id, msg::missing(&q.id, &allowed.join(", ")));
                f.error.question = Some(q.id.clone());
                f.error.allowed = allowed;
                return Err(f);
            }
        };
        self.tally.decided(outcome.verdict);
        let written = match self.format {
            // Only this format writes the texts out.
            Output::Json => {
                let path = walk.steps.iter().map(|s| engine::step(bundle, s)).collect();
                let mut decision = engine::decide(bundle, start, outcome, path, &case.answers);
                // The full decision, as `--format json` writes it.
                if crate::core::change::worth_working_out(decision.path.len()) {
                    decision.what_would_change = Some(crate::core::change::what_would_change(
                        bundle,
                        start,
                        &case.answers,
                    ));
                }
                self.emit(Row::Line(&json_line(&Full {
                    line: case.line,
                    id: case.id.as_ref(),
                    decision: &decision,
                })))
            }
            format => {
                let Some(r) = self.memo.get(bundle, &walk) else {
                    return Ok(());
                };
                match format {
                    Output::Csv => {
                        let row = r.csv_row(case.line, case.id.as_ref());
                        self.emit(Row::Csv(&row))
                    }
                    _ => {
                        let mut line = std::mem::take(&mut self.line);
                        line.clear();
                        r.json_line(case.line, case.id.as_ref(), &mut line);
                        let written = self.emit(Row::Line(&line));
                        self.line = line;
                        written
                    }
                }
            }
        };
        // A write error is not the case's fault: kept for `finish`.
        if let Err(e) = written {
            self.tally.write_error.get_or_insert(e);
        }
        Ok(())
    }

    fn emit(&mut self, row: Row<'_>) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let result = match (&mut self.out, row) {
            (Out::Lines(w), Row::Line(bytes)) => w.write_all(bytes),
            (Out::Csv(w), Row::Csv(cells)) => w.write_record(cells).map_err(io_of),
            _ => Ok(()),
        };
        self.check(result)
    }

    /// A closed pipe ends the writing quietly; any other error is one.
    fn check(&mut self, result: std::io::Result<()>) -> Result<(), Error> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.map_err(|e| Error::io("stdout", &e)),
        }
    }

    fn summary(mut self) -> Result<(W, Summary), Error> {
        if let Some(e) = self.tally.write_error.take() {
            return Err(e);
        }
        let out = match self.out {
            Out::Lines(w) => w,
            Out::Csv(w) => w.into_inner().map_err(|e| Error::write("csv", e.error()))?,
        };
        let by_verdict: Vec<(Verdict, usize)> = Verdict::ALL
            .iter()
            .filter_map(|v| Some((*v, *self.tally.by_verdict.get(v.as_str())?)))
            .collect();
        Ok((
            out,
            Summary {
                decided: by_verdict.iter().map(|(_, n)| n).sum(),
                by_verdict,
                failed: self.tally.errors,
                failures: self.tally.failures,
            },
        ))
    }

    fn finish(mut self) -> Result<(), Error> {
        if let Some(e) = self.tally.write_error.take() {
            return Err(e);
        }
        let flushed = match &mut self.out {
            Out::Lines(w) => w.flush(),
            Out::Csv(w) => w.flush(),
        };
        if !self.closed {
            self.check(flushed)?;
        }
        self.tally.report(i18n::texts())
    }
}

/// Standard output, as lines or as CSV.
enum Out<W: Write> {
    Lines(W),
    Csv(Box<csv::Writer<W>>),
}

/// What one case writes.
enum Row<'a> {
    Line(&'a [u8]),
    Csv(&'a [String; 8]),
}

fn io_of(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// A case with its full decision (`--format json`).
#[derive(serde::Serialize)]
struct Full<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a CaseId>,
    decision: &'a engine::Decision,
}

/// The failure of a case whose answers are wrong: every message, and the
/// first question at fault with what it allows.
fn answer_failure(bundle: &Bundle, case: &Case, errors: &[AnswerError], t: &Texts) -> Failure {
    let text = errors
        .iter()
        .map(|e| message(e, t))
        .collect::<Vec<_>>()
        .join("\n");
    let mut f = failure(case.line, case.id.clone(), text);
    if let Some(e) = errors.first() {
        let (id, _) = e.key();
        if !matches!(e, AnswerError::UnknownQuestionnaire { .. }) {
            f.error.question = Some(id.to_owned());
        }
        if let AnswerError::WrongType { id, .. } | AnswerError::NotAChoice { id, .. } = e
            && let Some(q) = bundle.question(id)
        {
            f.error.allowed = allowed_values(q, t);
        }
    }
    f
}

fn json_line<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut v = serde_json::to_vec(value).unwrap_or_default();
    v.push(b'\n');
    v
}

impl Tally {
    fn failed(&mut self, f: &Failure) {
        self.errors += 1;
        self.first_error.get_or_insert(f.line);
        if self.failures.len() < MAX_KEPT_FAILURES {
            self.failures.push(f.clone());
        }
    }

    fn decided(&mut self, v: Verdict) {
        *self.by_verdict.entry(v.as_str()).or_default() += 1;
    }

    /// The summary on stderr; exit 2 when a case was not decided.
    fn report(&self, t: &Texts) -> Result<(), Error> {
        let decided: usize = self.by_verdict.values().sum();
        let parts: Vec<String> = Verdict::ALL
            .iter()
            .filter_map(|v| {
                let n = self.by_verdict.get(v.as_str())?;
                Some(format!(
                    "{n} « {} »",
                    crate::output::labels::verdict_label(*v, t)
                ))
            })
            .collect();
        let verdicts = if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(", "))
        };
        let summary = msg::summary(decided + self.errors, decided, &verdicts, self.errors);
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{summary}");
        match self.first_error {
            None => Ok(()),
            Some(line) => {
                let _ = writeln!(err, "{}", msg::first_error(line));
                Err(Error::Reported)
            }
        }
    }
}

/// A progress bar on stderr, for a large file read at a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(size: Option<u64>) -> Self {
        let big = size.is_some_and(|s| s >= 1 << 20);
        if !big || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(size.unwrap_or_default());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Progress(Some(bar))
    }

    fn at(&self, read: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(read);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A reader that refuses a line longer than [`MAX_LINE`], so that a file
/// without line breaks cannot fill the memory.
struct LineCap<R> {
    inner: R,
    since_newline: usize,
}

impl<R> LineCap<R> {
    fn new(inner: R) -> Self {
        LineCap {
            inner,
            since_newline: 0,
        }
    }
}

impl<R: Read> Read for LineCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for b in &buf[..n] {
            if *b == b'\n' {
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
            }
        }
        if self.since_newline > MAX_LINE {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "line too long",
            ));
        }
        Ok(n)
    }
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn line_too_long(mib: usize) {
            fr: "ligne trop longue (plus de {mib} Mio) : ignorée",
            en: "line too long (over {mib} MiB): skipped",
        }
        fn bad_column(file: &str, column: usize, why: &str) {
            fr: "{file} : colonne {column} de l'en-tête : {why}",
            en: "{file}: column {column} of the header: {why}",
        }
        fn bad_cell(id: &str, cell: &str, allowed: &str) {
            fr: "« {id} » : « {cell} » ne peut pas être lu comme une réponse ; valeurs permises : {allowed}",
            en: "« {id} »: « {cell} » cannot be read as an answer; allowed values: {allowed}",
        }
        fn unreadable_line(why: &str) {
            fr: "ligne illisible : {why}",
            en: "line cannot be read: {why}",
        }
        fn unreadable_row() {
            fr: "ligne CSV illisible",
            en: "CSV row cannot be read",
        }
        fn missing(id: &str, allowed: &str) {
            fr: "réponse manquante : « {id} » ; valeurs permises : {allowed}",
            en: "missing answer: « {id} »; allowed values: {allowed}",
        }
        fn summary(cases: usize, decided: usize, verdicts: &str, errors: usize) {
            fr: "{cases} cas : {decided} décidé(s){verdicts}, {errors} non décidé(s)",
            en: "{cases} cases: {decided} decided{verdicts}, {errors} not decided",
        }
        fn first_error(line: u64) {
            fr: "premier cas non décidé : ligne {line} (voir le champ « error » de son enregistrement)",
            en: "first case not decided: line {line} (see the « error » field of its record)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Choice;

    fn choice(values: &[&str]) -> Question {
        Question {
            id: "q".into(),
            kind: QuestionKind::Choice,
            section: None,
            text: "Q ?".into(),
            help: String::new(),
            details: String::new(),
            terms: vec![],
            choices: values
                .iter()
                .map(|v| Choice {
                    value: (*v).into(),
                    label: (*v).into(),
                    help: None,
                    when: None,
                    branch: Default::default(),
                })
                .collect(),
            ranges: vec![],
            unit: None,
            next: None,
            count: vec![],
        }
    }

    fn text(s: &str) -> Option<Answer> {
        Some(Answer::Text(s.into()))
    }

    #[test]
    fn yes_no_words_answer_a_choice_of_oui_and_non() {
        let q = choice(&["oui", "non", "ne_sait_pas"]);
        assert_eq!(cell_answer(&q, "true"), text("oui"));
        assert_eq!(cell_answer(&q, "Faux"), text("non"));
        assert_eq!(cell_answer(&q, "non"), text("non"));
        assert_eq!(cell_answer(&q, "ne_sait_pas"), text("ne_sait_pas"));
        // Elsewhere a cell is the value it says, refused later if wrong.
        let other = choice(&["base", "autre"]);
        assert_eq!(cell_answer(&other, "true"), text("true"));
    }
}
