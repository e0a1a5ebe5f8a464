//! Workbooks in `batch`: any bytes given as an XLSX or ODS file are read
//! within the bounds (file size, unpacked size, cells), the cases decided
//! and written; nothing panics, and a workbook that cannot be read is an
//! error, not a crash. `--format xlsx` output is itself read back.

#![no_main]

use std::sync::LazyLock;

use aiguillage::front::batch::{Batch, Format, Hints, Output};
use libfuzzer_sys::fuzz_target;

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin_lean().expect("the built-in bundle loads"));

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let format = match how % 3 {
        0 => None,
        1 => Some(Format::Xlsx),
        _ => Some(Format::Ods),
    };
    let output = if how & 4 == 0 { Output::Jsonl } else { Output::Xlsx };
    let mut out = Vec::new();
    {
        let mut batch = Batch::new(&BUNDLE, &mut out, output);
        let hints = Hints {
            format,
            sheet: (how & 8 != 0).then_some("Feuille1"),
            ..Hints::named("fuzz.xlsx")
        };
        if batch.read(bytes, &hints).is_err() {
            return;
        }
        let _ = batch.finish();
    }
    match output {
        Output::Xlsx => {
            use calamine::Reader;
            let mut book = calamine::Xlsx::new(std::io::Cursor::new(out)).expect("XLSX out reads");
            assert_eq!(book.sheet_names().len(), 2);
            let _ = book.worksheet_range(&book.sheet_names()[0]).expect("sheet reads");
        }
        _ => {
            let text = String::from_utf8(out).expect("records are UTF-8");
            for record in text.lines() {
                let _: serde_json::Value = serde_json::from_str(record)
                    .unwrap_or_else(|e| panic!("not a JSON record ({e}): {record}"));
            }
        }
    }
});
