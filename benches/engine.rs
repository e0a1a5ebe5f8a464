//! How long the work behind one run takes: loading and checking the
//! embedded questionnaires (done at every start), and evaluating a full
//! set of answers; and the consistency check of every path that `check`
//! and the build run. Run with `cargo bench`.

use std::collections::BTreeMap;
use std::path::Path;

use aiguillage::core::engine;
use aiguillage::core::model::Answer;
use aiguillage::{Bundle, Evaluation};
use criterion::{Criterion, criterion_group, criterion_main};

fn scenario_answers() -> Vec<(Option<String>, BTreeMap<String, Answer>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let q = v["questionnaire"].as_str().map(str::to_owned);
            let a = serde_json::from_value(v["answers"].clone()).unwrap();
            out.push((q, a));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    c.bench_function("load and check the built-in questionnaires", |b| {
        b.iter(|| Bundle::builtin().unwrap())
    });
    let bundle = Bundle::builtin().unwrap();
    let cases = scenario_answers();
    c.bench_function("evaluate every scenario", |b| {
        b.iter(|| {
            for (q, answers) in &cases {
                let q = engine::find_questionnaire(&bundle, q.as_deref()).unwrap();
                let e = engine::evaluate(&bundle, q, answers).unwrap();
                assert!(matches!(e, Evaluation::Done(_)));
            }
        })
    });
    let templates = aiguillage::core::documents::Templates::builtin().unwrap();
    let mut group = c.benchmark_group("consistency");
    group.sample_size(10);
    group.bench_function(
        "every path of the built-in content, documents included",
        |b| {
            b.iter(|| {
                let report = aiguillage::core::coherence::check(&bundle, Some(&templates));
                assert!(!report.has_errors());
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
