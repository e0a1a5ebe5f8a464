//! CSV out: one row per case, every cell made safe for a spreadsheet by
//! the rows' makers ([`record::csv_cells`]: control characters escaped,
//! formulas neutralised). `excel`: the CSV a French Excel opens directly — `;`
//! between cells, UTF-8 with a byte-order mark, CRLF line ends.

use std::io::Write;

use crate::output::record;

pub struct CsvOut<W: Write> {
    /// The output until the header is written — with the first row, so
    /// that nothing is written before the input is known to be readable.
    out: Option<W>,
    w: Option<csv::Writer<W>>,
    excel: bool,
}

impl<W: Write> CsvOut<W> {
    pub fn new(out: W, excel: bool) -> Self {
        CsvOut {
            out: Some(out),
            w: None,
            excel,
        }
    }

    /// Writes one row (the header first, once): cells made safe already
    /// ([`record::csv_row`], [`record::csv_failure`]).
    pub fn row<const N: usize>(&mut self, cells: [String; N]) -> std::io::Result<()> {
        self.writer()?.write_record(&cells).map_err(io_of)
    }

    fn writer(&mut self) -> std::io::Result<&mut csv::Writer<W>> {
        if let Some(mut out) = self.out.take() {
            let mut b = csv::WriterBuilder::new();
            if self.excel {
                out.write_all("\u{feff}".as_bytes())?;
                b.delimiter(b';').terminator(csv::Terminator::CRLF);
            }
            let mut w = b.from_writer(out);
            w.write_record(record::CSV_HEADER).map_err(io_of)?;
            self.w = Some(w);
        }
        self.w
            .as_mut()
            .ok_or_else(|| std::io::Error::other("CSV writer"))
    }

    /// The output back, flushed.
    pub fn into_inner(mut self) -> Result<W, crate::front::error::Error> {
        let write = |e: &std::io::Error| {
            crate::front::error::Error::write(crate::front::io::msg::stdout(), e)
        };
        self.flush().map_err(|e| write(&e))?;
        match (self.w, self.out) {
            (Some(w), _) => w.into_inner().map_err(|e| write(e.error())),
            (None, Some(out)) => Ok(out),
            (None, None) => Err(write(&std::io::Error::other("CSV"))),
        }
    }

    /// Flushes what is held; the header alone when no case was read.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
    }
}

fn io_of(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
