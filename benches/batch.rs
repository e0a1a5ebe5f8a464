//! Deciding an inventory: `batch` over JSONL and CSV, against the floor of
//! a bare `serde_json` parse of the same lines. The inventory is made of
//! every path `aiguillage paths` enumerates, repeated, each line with its
//! id. Run with `cargo bench --bench batch`; `benches/batch.sh` measures
//! the whole process (throughput, peak memory on a million lines, and the
//! instructions of one decision).

use std::collections::BTreeSet;

use aiguillage::Bundle;
use aiguillage::core::model::Answer;
use aiguillage::front::batch::{Batch, Format, Hints, Output};
use aiguillage::tools::paths::{PathOut, enumerate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const LINES: usize = 20_000;

/// The inventory as JSONL and as `;`-separated CSV.
fn inventory(bundle: &Bundle) -> (String, String) {
    let start = bundle.default_questionnaire();
    let paths: Vec<PathOut<'_>> = enumerate(bundle, start).iter().map(Into::into).collect();
    let mut jsonl = String::new();
    let columns: BTreeSet<&str> = paths
        .iter()
        .flat_map(|p| p.answers.keys().map(String::as_str))
        .collect();
    let mut csv = format!(
        "id;{}\n",
        columns.iter().copied().collect::<Vec<_>>().join(";")
    );
    for i in 0..LINES {
        let p = &paths[i % paths.len()];
        let line = serde_json::json!({ "id": i, "answers": p.answers });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
        csv.push_str(&i.to_string());
        for c in &columns {
            csv.push(';');
            match p.answers.get(*c) {
                Some(serde_json::Value::Bool(b)) => csv.push_str(if *b { "oui" } else { "non" }),
                Some(serde_json::Value::String(s)) => csv.push_str(s),
                Some(serde_json::Value::Number(n)) => csv.push_str(&n.to_string()),
                _ => {}
            }
        }
        csv.push('\n');
    }
    (jsonl, csv)
}

/// The CSV inventory as an XLSX workbook: numbers as numbers, the rest
/// as text, as a spreadsheet would hold it.
fn workbook(csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            if cell.is_empty() {
                continue;
            }
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(x) if r > 0 => ws.write_number(r, c, x).map(|_| ()),
                _ => ws.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn run(bundle: &Bundle, text: &str, input: Format, output: Output) -> usize {
    let mut out = Vec::with_capacity(text.len());
    let mut batch = Batch::new(bundle, &mut out, output);
    let hints = Hints {
        format: Some(input),
        ..Hints::named("bench")
    };
    batch.read(text.as_bytes(), &hints).unwrap();
    batch.finish().unwrap();
    out.len()
}

fn bench(c: &mut Criterion) {
    let bundle = Bundle::builtin().unwrap();
    let (jsonl, csv) = inventory(&bundle);
    let mut g = c.benchmark_group("inventory");
    g.throughput(Throughput::Elements(LINES as u64));
    g.sample_size(20);
    g.bench_function("floor: serde_json::Value per line", |b| {
        b.iter(|| {
            for l in jsonl.lines() {
                std::hint::black_box(serde_json::from_str::<serde_json::Value>(l).unwrap());
            }
        })
    });
    g.bench_function("floor: typed answers per line", |b| {
        #[derive(serde::Deserialize)]
        struct Line {
            #[allow(dead_code)]
            id: u64,
            #[allow(dead_code)]
            answers: std::collections::BTreeMap<String, Answer>,
        }
        b.iter(|| {
            for l in jsonl.lines() {
                std::hint::black_box(serde_json::from_str::<Line>(l).unwrap());
            }
        })
    });
    g.bench_function("batch jsonl → jsonl", |b| {
        b.iter(|| run(&bundle, &jsonl, Format::Jsonl, Output::Jsonl))
    });
    g.bench_function("batch csv → csv", |b| {
        b.iter(|| run(&bundle, &csv, Format::Csv, Output::Csv { excel: false }))
    });
    g.finish();

    // XLSX in, against reading the same sheet with calamine alone.
    let xlsx = workbook(&csv);
    let mut g = c.benchmark_group("workbook");
    g.throughput(Throughput::Elements(LINES as u64));
    g.sample_size(10);
    g.bench_function("floor: calamine open + worksheet_range", |b| {
        use calamine::Reader;
        b.iter(|| {
            let mut book = calamine::Xlsx::new(std::io::Cursor::new(&xlsx[..])).unwrap();
            let name = book.sheet_names()[0].clone();
            std::hint::black_box(book.worksheet_range(&name).unwrap().get_size())
        })
    });
    g.bench_function("batch xlsx → jsonl", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            let mut batch = Batch::new(&bundle, &mut out, Output::Jsonl);
            batch.read(&xlsx[..], &Hints::named("bench.xlsx")).unwrap();
            batch.finish().unwrap();
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
