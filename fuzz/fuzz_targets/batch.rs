//! `aiguillage batch`: lines of JSONL or rows of CSV, decided one by one
//! on the built-in bundle. Each input gives records that are each one JSON
//! line (or CSV rows), whatever the lines hold; nothing panics; no raw
//! control character (C0 but the line break, C1, bidi) reaches the
//! output; no CSV cell starts a formula; the output stays within a
//! bound of the input.

#![no_main]

use std::sync::LazyLock;

use aiguillage::front::batch::{Batch, Format, Hints, Output};
use libfuzzer_sys::fuzz_target;

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin_lean().expect("the built-in bundle loads"));

fuzz_target!(|data: &[u8]| {
    let Some((&how, lines)) = data.split_first() else {
        return;
    };
    let format = match how % 3 {
        0 => None,
        1 => Some(Format::Jsonl),
        _ => Some(Format::Csv),
    };
    let output = match (how >> 2) % 4 {
        0 => Output::Jsonl,
        1 => Output::Json,
        2 => Output::Csv { excel: false },
        _ => Output::Csv { excel: true },
    };
    let mut out = Vec::new();
    {
        let mut batch = Batch::new(&BUNDLE, &mut out, output);
        let hints = Hints {
            format,
            ..Hints::named("fuzz")
        };
        if batch.read(lines, &hints).is_err() {
            return;
        }
        // Exit 2 when a case was not decided: fine here.
        let _ = batch.finish();
    }
    let text = String::from_utf8(out).expect("records are UTF-8");
    for c in text.chars() {
        let raw = matches!(c, '\0'..='\x09' | '\x0b'..='\x0c' | '\x0e'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!raw, "raw control {c:?} in the output: {text:?}");
    }
    // Each record is a few hundred bytes plus what it echoes, bounded; a
    // complete decision (`json`) carries every text of its findings and
    // what would change it: at most 101 KB on the 14 388 built-in paths.
    let records = text.lines().count().max(1);
    let per_record = match output {
        Output::Json => 256 * 1024,
        _ => 4096,
    };
    assert!(
        text.len() <= 8 * lines.len() + per_record * records,
        "{} bytes out for {} in",
        text.len(),
        lines.len()
    );
    match output {
        Output::Jsonl | Output::Json => {
            for record in text.lines() {
                let _: serde_json::Value = serde_json::from_str(record)
                    .unwrap_or_else(|e| panic!("not a JSON record ({e}): {record}"));
            }
        }
        Output::Csv { excel } => {
            let body = text.trim_start_matches('\u{feff}');
            let mut rows = csv::ReaderBuilder::new()
                .delimiter(if excel { b';' } else { b',' })
                .from_reader(body.as_bytes());
            for row in rows.records() {
                let row = row.expect("CSV out is CSV");
                for cell in row.iter() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "a formula in a cell: {cell:?}"
                    );
                }
            }
        }
        Output::Xlsx => {}
    }
});
