//! The floors `batch` is measured against, and the batch runs measured,
//! each as a whole process for callgrind (benches/batch.sh):
//!
//! ```text
//! batch_floor value FILE.jsonl      a bare serde_json::Value parse of each line
//! batch_floor calamine FILE.xlsx    the first sheet read by calamine alone
//! batch_floor batch FILE            `batch` to JSONL, in memory
//! batch_floor csv FILE              `batch` to CSV, in memory
//! batch_floor toxlsx FILE.csv OUT   the `;` CSV as a workbook (numbers as numbers)
//! ```

use aiguillage::Bundle;
use aiguillage::front::batch::{Batch, Hints, Output};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: batch_floor value|calamine|batch|csv|toxlsx FILE [OUT]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(file).expect("the file reads");
    match mode.as_str() {
        "value" => {
            let text = std::str::from_utf8(&bytes).expect("UTF-8");
            let mut keys = 0;
            for line in text.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
                keys += v.as_object().map_or(0, |o| o.len());
            }
            println!("{keys}");
        }
        "calamine" => {
            use calamine::Reader;
            let mut book = calamine::Xlsx::new(std::io::Cursor::new(&bytes[..])).expect("XLSX");
            let name = book.sheet_names()[0].clone();
            println!(
                "{:?}",
                book.worksheet_range(&name).expect("sheet").get_size()
            );
        }
        "batch" | "csv" => {
            let bundle = Bundle::builtin_lean().expect("the built-in bundle");
            let output = if mode == "csv" {
                Output::Csv { excel: false }
            } else {
                Output::Jsonl
            };
            let mut out = Vec::new();
            let mut batch = Batch::new(&bundle, &mut out, output);
            batch
                .read(&bytes[..], &Hints::named(file))
                .expect("the inventory reads");
            let _ = batch.finish();
            println!("{}", out.len());
        }
        "toxlsx" => {
            let text = std::str::from_utf8(&bytes).expect("UTF-8");
            let mut book = rust_xlsxwriter::Workbook::new();
            let ws = book.add_worksheet();
            for (r, line) in text.lines().enumerate() {
                for (c, cell) in line.split(';').enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    let written = match cell.parse::<f64>() {
                        _ if cell.is_empty() => continue,
                        Ok(x) if r > 0 => ws.write_number(r, c, x).map(|_| ()),
                        _ => ws.write_string(r, c, cell).map(|_| ()),
                    };
                    written.expect("a cell");
                }
            }
            let out = args.get(3).expect("an output file");
            std::fs::write(out, book.save_to_buffer().expect("XLSX")).expect("written");
        }
        _ => {
            eprintln!("unknown mode {mode}");
            std::process::exit(2);
        }
    }
}
