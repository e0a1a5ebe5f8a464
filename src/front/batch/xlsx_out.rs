//! XLSX out (`--format xlsx`): a workbook people can filter — a sheet of
//! the decided cases and one of the others with their errors, each with
//! its header row frozen, a filter on it, and columns wide enough to
//! read. Written with rust_xlsxwriter once every case is decided (a
//! workbook is written whole); text cells are made safe as in CSV
//! ([`record::spreadsheet_cell`]).

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::output::record::{self, Failure};

use super::msg;

/// The most rows a worksheet holds, its header included.
const MAX_ROWS: u32 = 1_048_576;

/// The columns of the sheet of undecided cases.
const FAILURE_HEADER: [&str; 4] = ["line", "id", "question", "error"];

pub struct XlsxOut<W: Write> {
    out: Option<W>,
    book: Workbook,
    decided: u32,
    undecided: u32,
    /// The widest cell of each column of each sheet, in characters.
    widths: [Vec<usize>; 2],
    /// A sheet past [`MAX_ROWS`]: said once, at the end.
    full: bool,
}

impl<W: Write> XlsxOut<W> {
    pub fn new(out: W) -> Self {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        for (name, header) in [
            (msg::decided_sheet(), &record::CSV_HEADER[..]),
            (msg::undecided_sheet(), &FAILURE_HEADER[..]),
        ] {
            let sheet = book.add_worksheet();
            let _ = sheet.set_name(name);
            for (c, h) in header.iter().enumerate() {
                let _ = sheet.write_string_with_format(0, c as u16, *h, &bold);
            }
            let _ = sheet.set_freeze_panes(1, 0);
        }
        XlsxOut {
            out: Some(out),
            book,
            decided: 0,
            undecided: 0,
            widths: [
                record::CSV_HEADER.iter().map(|h| h.len()).collect(),
                FAILURE_HEADER.iter().map(|h| h.len()).collect(),
            ],
            full: false,
        }
    }

    /// A decided case: the cells of its CSV row.
    pub fn decided(&mut self, cells: &[String; 9]) -> std::io::Result<()> {
        if self.decided + 1 >= MAX_ROWS {
            self.full = true;
            return Ok(());
        }
        self.decided += 1;
        let row = self.decided;
        self.write(0, row, cells)
    }

    /// A case not decided: its line, id, question at fault and error.
    pub fn failure(&mut self, f: &Failure) -> std::io::Result<()> {
        if self.undecided + 1 >= MAX_ROWS {
            self.full = true;
            return Ok(());
        }
        self.undecided += 1;
        let row = self.undecided;
        let cells = [
            f.line.to_string(),
            f.id.as_ref().map(ToString::to_string).unwrap_or_default(),
            f.error.question.clone().unwrap_or_default(),
            f.error.message.replace('\n', " ; "),
        ];
        self.write(1, row, &cells)
    }

    fn write(&mut self, sheet: usize, row: u32, cells: &[String]) -> std::io::Result<()> {
        let ws = self.book.worksheet_from_index(sheet).map_err(io_of)?;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            if cell.is_empty() {
                continue;
            }
            // The line is a number, to sort by.
            let written = match (c, cell.parse::<u32>()) {
                (0, Ok(n)) => ws.write_number(row, col, f64::from(n)).map(|_| ()),
                _ => write_text(ws, row, col, cell),
            };
            written.map_err(io_of)?;
            let w = &mut self.widths[sheet][c];
            *w = (*w).max(cell.chars().count());
        }
        Ok(())
    }

    /// The output back, the workbook written to it.
    pub fn into_inner(mut self) -> Result<W, crate::front::error::Error> {
        let write = |e: &std::io::Error| {
            crate::front::error::Error::write(crate::front::io::msg::stdout(), e)
        };
        let out = self.write_book().map_err(|e| write(&e))?;
        out.ok_or_else(|| write(&std::io::Error::other("XLSX")))
    }

    /// Filters and widths, then the workbook, written whole.
    pub fn finish(&mut self) -> std::io::Result<()> {
        self.write_book().map(|_| ())
    }

    fn write_book(&mut self) -> std::io::Result<Option<W>> {
        let Some(mut out) = self.out.take() else {
            return Ok(None);
        };
        let rows = [self.decided, self.undecided];
        for (i, widths) in self.widths.iter().enumerate() {
            let ws = self.book.worksheet_from_index(i).map_err(io_of)?;
            let last = widths.len().saturating_sub(1) as u16;
            let _ = ws.autofilter(0, 0, rows[i], last);
            for (c, w) in widths.iter().enumerate() {
                let _ = ws.set_column_width(c as u16, (*w as f64 + 2.0).min(80.0));
            }
        }
        let bytes = self.book.save_to_buffer().map_err(io_of)?;
        out.write_all(&bytes)?;
        out.flush()?;
        if self.full {
            crate::front::io::say_line(&msg::too_many_rows(MAX_ROWS - 1));
        }
        Ok(Some(out))
    }
}

fn write_text(ws: &mut Worksheet, row: u32, col: u16, cell: &str) -> Result<(), XlsxError> {
    // A cell holds at most 32 767 characters.
    let safe = record::spreadsheet_cell(cell);
    let cut: String;
    let text = if safe.chars().count() > 32_000 {
        cut = safe.chars().take(32_000).chain(['…']).collect();
        cut.as_str()
    } else {
        &safe
    };
    ws.write_string(row, col, text).map(|_| ())
}

fn io_of(e: XlsxError) -> std::io::Error {
    match e {
        XlsxError::IoError(io) => io,
        other => std::io::Error::other(other.to_string()),
    }
}
