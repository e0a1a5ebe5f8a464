//! `aiguillage batch`: a whole inventory at once. Each line of JSONL (an
//! answers object), each row of CSV or of a spreadsheet (a header of
//! question ids) is one case; each gives one record, in input order, as
//! it is read: memory does not grow with the number of lines (a workbook
//! is read whole, within bounds).
//!
//! Reading is [`read::cases`], the one entry point for every format
//! (also for front ends other than the command line); writing is
//! [`Batch`], here, with the CSV and XLSX writers beside it.
//!
//! A case that cannot be decided (malformed, a wrong answer, a missing
//! one) does not stop the run: its record carries the error, stderr
//! summarises, and the exit code is 2 once every line was read. A write
//! that fails stops the run at once (exit 1); a reader that goes away
//! (`| head`) stops it quietly.

// A case's failure is its record: built once, moved once and written.
// Boxing it would cost an allocation per failed case for nothing.
#![allow(clippy::result_large_err)]

pub mod cells;
pub mod csv_in;
pub mod csv_out;
pub mod encoding;
pub mod jsonl_in;
pub mod read;
pub mod sheet_in;
pub mod xlsx_out;

use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::core::catalog::Bundle;
use crate::core::engine::{self, AnswerError, End};
use crate::core::model::Verdict;
use crate::front::error::Error;
use crate::output::answer::{allowed_values, message};
use crate::output::record::{self, CaseId, Failure};
use crate::text::i18n::{self, Texts};

pub use read::{Case, Format, Hints, MAX_LINE, cases, failure};

/// What each case gives on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The compact record, one JSON object per line.
    Jsonl,
    /// The full decision of each case, one JSON object per line.
    Json,
    /// One CSV row per case (`excel`: `;`, UTF-8 with a byte-order mark
    /// and CRLF, as a French Excel opens it).
    Csv { excel: bool },
    /// A workbook: the decided cases, and a sheet of the others.
    Xlsx,
}

/// How to read and write a run.
#[derive(Debug, Clone)]
pub struct Options {
    pub files: Vec<PathBuf>,
    /// `None`: from the file name, else from the first bytes.
    pub input: Option<Format>,
    /// CSV only; `None`: detected from the header.
    pub delimiter: Option<u8>,
    /// Text only; `None`: detected.
    pub encoding: Option<&'static Encoding>,
    /// Workbooks only; `None`: the first sheet.
    pub sheet: Option<String>,
    pub output: Output,
}

/// How many cases ended how.
#[derive(Debug, Default)]
struct Tally {
    by_verdict: BTreeMap<&'static str, usize>,
    errors: usize,
    first_error: Option<u64>,
    /// The first [`MAX_KEPT_FAILURES`] cases not decided, for a summary
    /// that lists them ([`decide_upload`]).
    failures: Vec<Failure>,
}

/// The most failed cases a [`Summary`] lists; the others are counted.
pub const MAX_KEPT_FAILURES: usize = 200;

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
/// the browser), through [`read::cases`]: the format is told from the
/// name's extension, else from the content, as for a file on the command
/// line, so a front end that calls this reads every format `batch` reads.
/// Returns the records in `output`'s format, and the summary; nothing is
/// said on stderr.
pub fn decide_upload(
    bundle: &Bundle,
    bytes: &[u8],
    name: &str,
    output: Output,
) -> Result<(Vec<u8>, Summary), Error> {
    let mut batch = Batch::new(bundle, Vec::with_capacity(bytes.len()), output);
    batch.quiet = true;
    batch.read(bytes, &Hints::named(name))?;
    batch.summary()
}

impl Tally {
    fn cases(&self) -> usize {
        self.by_verdict.values().sum::<usize>() + self.errors
    }
}

/// Runs a batch over `options.files` (standard input when none, or `-`).
pub fn run(bundle: &Bundle, options: &Options) -> Result<(), Error> {
    let stdout = std::io::stdout();
    if options.output == Output::Xlsx && stdout.is_terminal() {
        return Err(Error::Usage(msg::xlsx_to_terminal()));
    }
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
        let hints = Hints {
            name: &name,
            format: options
                .input
                .or_else(|| Format::of_name(&file.to_string_lossy())),
            delimiter: options.delimiter,
            encoding: options.encoding,
            sheet: options.sheet.as_deref(),
        };
        batch.read_sized(reader, &hints, size)?;
        if batch.sink.closed {
            break;
        }
    }
    batch.finish()
}

/// A batch run: cases read from one input or more, records written to
/// `out` as they are decided. `run` drives it for the command line;
/// benchmarks, tests and other front ends drive it directly.
pub struct Batch<'b, W: Write> {
    sink: Sink<'b, W>,
    /// Nothing said on stderr (the encoding read): for another front end.
    quiet: bool,
}

impl<'b, W: Write> Batch<'b, W> {
    pub fn new(bundle: &'b Bundle, out: W, output: Output) -> Self {
        Batch {
            sink: Sink::new(bundle, out, output),
            quiet: false,
        }
    }

    /// Flushes the output and gives the summary back, saying nothing; the
    /// output (`W`) with it.
    pub fn summary(self) -> Result<(W, Summary), Error> {
        self.sink.summary()
    }

    /// Decides every case of `reader`, read as `hints` say. Stops at the
    /// first write that fails (`Err`), or quietly when the reader of the
    /// output went away.
    pub fn read(&mut self, reader: impl Read, hints: &Hints<'_>) -> Result<(), Error> {
        self.read_sized(reader, hints, None)
    }

    fn read_sized(
        &mut self,
        reader: impl Read,
        hints: &Hints<'_>,
        size: Option<u64>,
    ) -> Result<(), Error> {
        if self.sink.closed {
            return Ok(());
        }
        let bundle = self.sink.bundle;
        let mut cases = read::cases(bundle, reader, hints)?;
        self.sink.progress.start(size);
        while let Some(case) = cases.next() {
            if let Some(e) = cases.new_encoding()
                && !self.quiet
            {
                crate::front::io::say_line(&msg::encoding_read(hints.name, e.name()));
            }
            let case = case?;
            self.sink.case(case)?;
            self.sink.progress.at(cases.bytes_read(), &self.sink.tally);
            if self.sink.closed {
                break;
            }
        }
        self.sink.progress.finish();
        Ok(())
    }

    /// Flushes the output and says the summary on stderr: exit 2 when a
    /// case was not decided.
    pub fn finish(self) -> Result<(), Error> {
        self.sink.finish()
    }
}

/// A file to read: its name in messages, its size when known (for the
/// progress bar) and its reader.
type Opened = (String, Option<u64>, Box<dyn Read>);

fn open(path: &Path) -> Result<Opened, Error> {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            crate::front::io::say_line(&msg::waiting_for_stdin());
        }
        return Ok(("<stdin>".into(), None, Box::new(stdin.lock())));
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

/// Where the cases go: decided, written in the chosen format, counted.
struct Sink<'b, W: Write> {
    bundle: &'b Bundle,
    out: Out<'b, W>,
    /// Stdout was closed (`| head`): the run stops.
    closed: bool,
    tally: Tally,
    progress: Progress,
    memo: record::Memo<'b>,
    /// The line being written, kept to spare an allocation per case.
    line: Vec<u8>,
}

/// The output, in its format.
enum Out<'b, W: Write> {
    Lines { w: W, full: bool },
    Csv(Box<csv_out::CsvOut<W>>),
    Xlsx(Box<xlsx_out::XlsxOut<W>>, std::marker::PhantomData<&'b ()>),
}

impl<'b, W: Write> Sink<'b, W> {
    fn new(bundle: &'b Bundle, out: W, format: Output) -> Self {
        let out = match format {
            Output::Jsonl => Out::Lines {
                w: out,
                full: false,
            },
            Output::Json => Out::Lines { w: out, full: true },
            Output::Csv { excel } => Out::Csv(Box::new(csv_out::CsvOut::new(out, excel))),
            Output::Xlsx => Out::Xlsx(
                Box::new(xlsx_out::XlsxOut::new(out)),
                std::marker::PhantomData,
            ),
        };
        Sink {
            bundle,
            out,
            closed: false,
            tally: Tally::default(),
            progress: Progress::default(),
            memo: match format {
                Output::Csv { .. } | Output::Xlsx => record::Memo::default(),
                Output::Jsonl | Output::Json => record::Memo::json_only(),
            },
            line: Vec::with_capacity(4096),
        }
    }

    /// Decides one case and writes its record.
    fn case(&mut self, case: Result<Case, Failure>) -> Result<(), Error> {
        let result = case.and_then(|c| self.decide(c));
        match result {
            Ok(written) => written,
            Err(f) => {
                self.tally.failed(&f);
                let written = match &mut self.out {
                    Out::Lines { w, .. } => {
                        let line = json_line(&f);
                        w.write_all(&line)
                    }
                    Out::Csv(w) => w.row(record::csv_failure(&f)),
                    Out::Xlsx(w, _) => w.failure(&f),
                };
                self.check(written)
            }
        }
    }

    /// Decides `case` and writes it (the write's result inside); the case
    /// back as a failure when it cannot be decided.
    fn decide(&mut self, case: Case) -> Result<Result<(), Error>, Failure> {
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
        let unused: Vec<String> = case
            .answers
            .keys()
            .filter(|k| !walk.steps.iter().any(|s| s.question.id == **k))
            .cloned()
            .collect();
        let written = match &mut self.out {
            // Only this format writes the texts out.
            Out::Lines { w, full: true } => {
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
                w.write_all(&json_line(&Full {
                    line: case.line,
                    id: case.id.as_ref(),
                    decision: &decision,
                }))
            }
            out => {
                let Some(r) = self.memo.get(bundle, &walk) else {
                    return Ok(Ok(()));
                };
                match out {
                    Out::Csv(w) => w.row(r.csv_row(case.line, case.id.as_ref(), &unused)),
                    Out::Xlsx(w, _) => w.decided(&r.csv_row(case.line, case.id.as_ref(), &unused)),
                    Out::Lines { w, .. } => {
                        let line = &mut self.line;
                        line.clear();
                        r.json_line(case.line, case.id.as_ref(), &unused, line);
                        w.write_all(line)
                    }
                }
            }
        };
        Ok(self.check(written))
    }

    /// A closed pipe stops the run quietly; any other write error stops
    /// it with exit 1.
    fn check(&mut self, result: std::io::Result<()>) -> Result<(), Error> {
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => {
                self.closed = true;
                Err(Error::write(crate::front::io::msg::stdout(), &e))
            }
        }
    }

    fn summary(mut self) -> Result<(W, Summary), Error> {
        if let Out::Lines { w, .. } = &mut self.out {
            let flushed = w.flush();
            self.check(flushed)?;
        }
        let t = &self.tally;
        let by_verdict: Vec<(Verdict, usize)> = Verdict::ALL
            .iter()
            .filter_map(|v| Some((*v, *t.by_verdict.get(v.as_str())?)))
            .collect();
        let summary = Summary {
            decided: by_verdict.iter().map(|(_, n)| n).sum(),
            by_verdict,
            failed: t.errors,
            failures: t.failures.clone(),
        };
        let out = match self.out {
            Out::Lines { w, .. } => w,
            Out::Csv(w) => w.into_inner()?,
            Out::Xlsx(w, _) => w.into_inner()?,
        };
        Ok((out, summary))
    }

    fn finish(mut self) -> Result<(), Error> {
        if !self.closed {
            let flushed = match &mut self.out {
                Out::Lines { w, .. } => w.flush(),
                Out::Csv(w) => w.flush(),
                Out::Xlsx(w, _) => w.finish(),
            };
            self.check(flushed)?;
        }
        self.tally.report(i18n::texts(), self.closed)
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

/// The failure of a case whose answers are wrong: the first
/// [`MAX_SHOWN_ERRORS`](crate::text::limits::MAX_SHOWN_ERRORS) messages
/// and how many more, and the first question at fault with what it
/// allows.
fn answer_failure(bundle: &Bundle, case: &Case, errors: &[AnswerError], t: &Texts) -> Failure {
    let shown = crate::text::limits::MAX_SHOWN_ERRORS;
    let mut lines: Vec<String> = errors
        .iter()
        .take(shown)
        .map(|e| match case.place_of(e.key().0) {
            Some(place) => msg::at_place(&place, &message(e, t)),
            None => message(e, t),
        })
        .collect();
    lines.extend(crate::text::limits::more_errors(errors.len()));
    let mut f = failure(case.line, case.id.clone(), lines.join("\n"));
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

/// A record as one JSON line, its C1 and bidi controls escaped as the
/// decision JSON escapes them.
fn json_line<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut v = crate::text::escape::json_safe(&json)
        .into_owned()
        .into_bytes();
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
    /// `closed`: the output was closed and the rest of the input not read.
    fn report(&self, t: &Texts, closed: bool) -> Result<(), Error> {
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
        let mut summary = msg::summary(self.cases(), decided, &verdicts, self.errors);
        if closed {
            summary = format!("{summary}\n{}", msg::stopped_early());
        }
        crate::front::io::say_line(&summary);
        match self.first_error {
            None => Ok(()),
            Some(line) => {
                crate::front::io::say_line(&msg::first_error(line));
                Err(Error::Reported)
            }
        }
    }
}

/// Progress on stderr, when it is a terminal and the run takes more than
/// a second: the bytes read (of how many, for a file) and the cases
/// decided.
#[derive(Default)]
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    /// When the current input began, and its size; `None` when stderr is
    /// not a terminal.
    since: Option<(std::time::Instant, Option<u64>)>,
    ticks: u32,
}

impl Progress {
    fn start(&mut self, size: Option<u64>) {
        self.finish();
        self.since = std::io::stderr()
            .is_terminal()
            .then(|| (std::time::Instant::now(), size));
    }

    fn at(&mut self, read: u64, tally: &Tally) {
        let Some((since, size)) = self.since else {
            return;
        };
        // The clock is read every 64 cases; the bar redrawn at most every
        // tenth of a second by indicatif.
        self.ticks = self.ticks.wrapping_add(1);
        if !self.ticks.is_multiple_of(64) {
            return;
        }
        if self.bar.is_none() {
            if since.elapsed() < std::time::Duration::from_secs(1) {
                return;
            }
            let (bar, template) = match size {
                Some(s) => (
                    indicatif::ProgressBar::new(s),
                    "{bar:20} {bytes}/{total_bytes} · {msg}",
                ),
                None => (
                    indicatif::ProgressBar::no_length(),
                    "{spinner} {bytes} · {msg}",
                ),
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(read);
            let decided: usize = tally.by_verdict.values().sum();
            let n = |x: usize| crate::text::number::number(x as f64);
            bar.set_message(msg::progress(&n(decided), &n(tally.errors)));
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn line_too_long(mib: usize) {
            fr: "ligne trop longue (plus de {mib} Mio) : ignorée",
            en: "line too long (over {mib} MiB): skipped",
        }
        fn bad_column(place: &str, why: &str) {
            fr: "en-tête, {place} : {why}",
            en: "header, {place}: {why}",
        }
        fn duplicate_column(place: &str, name: &str, first: &str) {
            fr: "en-tête, {place} : la colonne « {name} » est déjà en {first} ; chaque question n'a qu'une colonne",
            en: "header, {place}: column « {name} » is already at {first}; each question has one column",
        }
        fn line_column(line: u64, column: usize) {
            fr: "ligne {line}, colonne {column}",
            en: "line {line}, column {column}",
        }
        fn column(column: usize) {
            fr: "colonne {column}",
            en: "column {column}",
        }
        fn outside_header(place: &str, cell: &str) {
            fr: "{place} : « {cell} » est dans une colonne sans en-tête",
            en: "{place}: « {cell} » is in a column without a header",
        }
        fn error_cell(place: &str, cell: &str) {
            fr: "{place} : la cellule est une erreur de formule (« {cell} »)",
            en: "{place}: the cell is a formula error (« {cell} »)",
        }
        fn bad_cell(place: &str, id: &str, cell: &str, allowed: &str) {
            fr: "{place} : « {id} » : « {cell} » ne peut pas être lu comme une réponse ; valeurs permises : {allowed}",
            en: "{place}: « {id} »: « {cell} » cannot be read as an answer; allowed values: {allowed}",
        }
        fn at_place(place: &str, message: &str) {
            fr: "{place} : {message}",
            en: "{place}: {message}",
        }
        fn unreadable_line(why: &str) {
            fr: "ligne illisible : {why}",
            en: "line cannot be read: {why}",
        }
        fn bad_id() {
            fr: "« id » doit être un texte ou un nombre",
            en: "« id » must be a text or a number",
        }
        fn not_jsonl() {
            fr: "ce fichier est une seule valeur JSON sur plusieurs lignes, pas du JSONL : pour un fichier de réponses, utilisez « aiguillage --answers FICHIER » ; pour un inventaire, écrivez un objet JSON par ligne (jq -c)",
            en: "this file is one JSON value over several lines, not JSONL: for an answers file, use « aiguillage --answers FILE »; for an inventory, write one JSON object per line (jq -c)",
        }
        fn unclosed_quote(line: u64, column: usize) {
            fr: "le guillemet ouvert ligne {line}, colonne {column} n'est jamais fermé : ligne ignorée, la suivante est lue",
            en: "the quote opened at line {line}, column {column} is never closed: line skipped, the next one is read",
        }
        fn long_quote(line: u64, column: usize, mib: usize) {
            fr: "le guillemet ouvert ligne {line}, colonne {column} n'est pas fermé dans la limite de {mib} Mio par ligne : ligne ignorée, la suivante est lue",
            en: "the quote opened at line {line}, column {column} is not closed within the limit of {mib} MiB a line: line skipped, the next one is read",
        }
        fn stray_quote(line: u64, column: usize) {
            fr: "guillemet au milieu d'une cellule (ligne {line}, colonne {column}) : entourez la cellule de guillemets et doublez ceux qu'elle contient",
            en: "quote inside a cell (line {line}, column {column}): put the cell within quotes and double the quotes it holds",
        }
        fn after_quote(line: u64, column: usize) {
            fr: "texte après le guillemet fermant (ligne {line}, colonne {column}) : une cellule entre guillemets finit à son guillemet",
            en: "text after the closing quote (line {line}, column {column}): a quoted cell ends at its quote",
        }
        fn not_text(byte: u8, offset: u64, line: u64, encoding: &str) {
            fr: "l'octet 0x{byte:02x} (octet {offset}, ligne {line}) n'est pas du texte en {encoding} : le fichier n'est ni en UTF-8, ni en Windows-1252, ni en ISO-8859-15 (--encoding pour en imposer un)",
            en: "byte 0x{byte:02x} (offset {offset}, line {line}) is not text in {encoding}: the file is neither UTF-8, Windows-1252 nor ISO-8859-15 (--encoding to force one)",
        }
        fn encoding_read(file: &str, encoding: &str) {
            fr: "{file} : lu comme du texte {encoding}",
            en: "{file}: read as {encoding} text",
        }
        fn not_a_workbook() {
            fr: "ce n'est pas un classeur XLSX ou ODS lisible",
            en: "this is not a readable XLSX or ODS workbook",
        }
        fn too_many_parts(max: usize) {
            fr: "le classeur a plus de {max} parties : refusé",
            en: "the workbook has more than {max} parts: refused",
        }
        fn unpacks_too_big(mib: u64) {
            fr: "le classeur décompressé dépasse {mib} Mio : refusé",
            en: "the workbook unpacks to more than {mib} MiB: refused",
        }
        fn too_many_cells(max: &str) {
            fr: "la feuille a plus de {max} cellules : refusée",
            en: "the sheet has more than {max} cells: refused",
        }
        fn no_sheet() {
            fr: "le classeur n'a aucune feuille",
            en: "the workbook has no sheet",
        }
        fn no_such_sheet(name: &str, names: &str, hint: &str) {
            fr: "pas de feuille « {name} »{hint} ; feuilles : {names}",
            en: "no sheet « {name} »{hint}; sheets: {names}",
        }
        fn did_you_mean(name: &str) {
            fr: " — vouliez-vous dire « {name} » ?",
            en: " — did you mean « {name} »?",
        }
        fn missing(id: &str, allowed: &str) {
            fr: "réponse manquante : « {id} » ; valeurs permises : {allowed}",
            en: "missing answer: « {id} »; allowed values: {allowed}",
        }
        fn summary(cases: usize, decided: usize, verdicts: &str, errors: usize) {
            fr: "{cases} cas : {decided} décidé(s){verdicts}, {errors} non décidé(s)",
            en: "{cases} cases: {decided} decided{verdicts}, {errors} not decided",
        }
        fn stopped_early() {
            fr: "sortie standard fermée : la lecture s'est arrêtée là, le reste de l'entrée n'a pas été lu",
            en: "standard output closed: reading stopped there, the rest of the input was not read",
        }
        fn first_error(line: u64) {
            fr: "premier cas non décidé : ligne {line} (voir le champ « error » de son enregistrement)",
            en: "first case not decided: line {line} (see the « error » field of its record)",
        }
        fn progress(decided: &str, errors: &str) {
            fr: "{decided} cas décidés, {errors} non décidés",
            en: "{decided} cases decided, {errors} not decided",
        }
        fn waiting_for_stdin() {
            fr: "aiguillage batch : lecture de l'inventaire sur l'entrée standard (une ligne JSONL ou CSV par cas) ; terminez par Ctrl-D, ou donnez un fichier : aiguillage batch inventaire.csv",
            en: "aiguillage batch: reading the inventory from standard input (one JSONL or CSV line per case); end with Ctrl-D, or give a file: aiguillage batch inventory.csv",
        }
        fn xlsx_to_terminal() {
            fr: "--format xlsx écrit un classeur : redirigez la sortie vers un fichier (> resultats.xlsx)",
            en: "--format xlsx writes a workbook: redirect the output to a file (> results.xlsx)",
        }
        fn excel_without_csv() {
            fr: "--excel va avec --format csv",
            en: "--excel goes with --format csv",
        }
        fn decided_sheet() { fr: "Décidés", en: "Decided" }
        fn undecided_sheet() { fr: "Non décidés", en: "Not decided" }
        fn too_many_rows(max: u32) {
            fr: "plus de {max} cas : une feuille de classeur n'en tient pas davantage (--format csv n'a pas de limite)",
            en: "more than {max} cases: a worksheet holds no more (--format csv has no limit)",
        }
    }
}
