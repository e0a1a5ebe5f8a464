//! The encoding reader and the strict CSV reader of `batch`: any bytes,
//! read in any chunking, give UTF-8 text that is the same however the
//! input was cut, or an error naming a byte inside the input; the CSV
//! rows of that text are numbered in order, each within the row limit.

#![no_main]

use std::io::{BufReader, Read};

use aiguillage::front::batch::csv_in::{MAX_ROW, Row, Rows};
use aiguillage::front::batch::encoding::{Decoded, not_text};
use libfuzzer_sys::fuzz_target;

/// A reader that gives at most `step` bytes a call.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.step).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn decode(data: &[u8], step: usize) -> Result<String, (u64, u64)> {
    let mut d = Decoded::new(Trickle { data, step }, None);
    let mut text = String::new();
    match d.read_to_string(&mut text) {
        Ok(_) => Ok(text),
        Err(e) => {
            let n = not_text(&e).expect("only bytes that are not text fail");
            Err((n.offset, n.line))
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let whole = decode(bytes, usize::MAX);
    let cut = decode(bytes, 1 + how as usize % 7);
    assert_eq!(whole, cut, "the same text however the input is cut");
    match &whole {
        Err((offset, line)) => {
            assert!(*offset < bytes.len() as u64);
            assert!(*line >= 1 && *line <= bytes.len() as u64 + 1);
        }
        Ok(text) => {
            let delimiter = [b',', b';', b'\t'][how as usize % 3];
            let mut rows = Rows::new(BufReader::new(text.as_bytes()), delimiter);
            let mut row = Row::default();
            let mut last = 0;
            while let Some(r) = rows.next_row(&mut row).expect("text in memory reads") {
                assert!(row.line > last, "rows in order");
                last = row.line;
                if r.is_ok() {
                    let size: usize = row.cells().iter().map(String::len).sum();
                    assert!(size <= MAX_ROW);
                }
            }
        }
    }
});
