//! `aiguillage documents`: an answers file with its free-text fields →
//! the decision on the built-in bundle → every document it calls for →
//! written into a fresh folder, all at once.
//!
//! Whatever the fields hold: no raw control character in any document,
//! no CSV cell that a spreadsheet would run as a formula, the JSON
//! documents parse, the size stays bounded by the fields', and the folder
//! ends up with exactly the documents (no temporary file left).

#![no_main]

use std::sync::LazyLock;

use aiguillage::core::documents::Templates;
use aiguillage::core::engine::{self, Evaluation};
use aiguillage::front::answers;
use aiguillage::front::save::{self, Options, Replace};
use aiguillage::output::documents::render;
use libfuzzer_sys::fuzz_target;

#[path = "../support/common.rs"]
mod common;

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin().expect("the built-in bundle loads"));
static TEMPLATES: LazyLock<Templates> =
    LazyLock::new(|| Templates::builtin().expect("the built-in templates load"));

/// The cells of a CSV text, read by the csv crate as a spreadsheet would.
fn cells(text: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .flat_map(|r| {
            r.expect("the CSV reads")
                .iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = answers::parse("fuzz.json", text) else {
        return;
    };
    let bundle = &*BUNDLE;
    let Ok(q) = engine::find_questionnaire(bundle, file.questionnaire.as_deref()) else {
        return;
    };
    let Ok(Evaluation::Done(d)) = engine::evaluate(bundle, q, &file.answers) else {
        return;
    };
    let rendered = render(&TEMPLATES, bundle, &d, &file.fields);
    let given: usize = file.fields.values().map(String::len).sum();
    for r in &rendered {
        common::assert_clean(&r.file, &r.text);
        // Each field fills a few places, each at most 4 times its size
        // once escaped (\x1b for one byte).
        assert!(
            r.text.len() < 1_000_000 + 64 * given,
            "{}: {} bytes",
            r.file,
            r.text.len()
        );
        if r.file.ends_with(".csv") {
            for cell in cells(&r.text) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{}: a formula cell {cell:?}",
                    r.file
                );
            }
        }
        if r.file.ends_with(".json") {
            let _: serde_json::Value = serde_json::from_str(&r.text)
                .unwrap_or_else(|e| panic!("{}: not JSON ({e})", r.file));
        }
    }
    // Written all at once into a fresh folder: exactly these files.
    let out = tempfile::tempdir_in(common::DIR.path()).unwrap();
    let paths: Vec<std::path::PathBuf> =
        rendered.iter().map(|r| out.path().join(&r.file)).collect();
    let files: Vec<save::File<'_>> = paths
        .iter()
        .zip(&rendered)
        .map(|(path, r)| save::File {
            path,
            bytes: r.text.as_bytes(),
        })
        .collect();
    let options = Options {
        replace: Replace::Never,
        mode: 0o644,
    };
    save::write_all(&files, options).expect("documents written to a fresh folder");
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut wanted: Vec<String> = rendered.iter().map(|r| r.file.clone()).collect();
    wanted.sort();
    wanted.dedup();
    assert_eq!(names, wanted);
    // A second run into the same folder writes nothing.
    assert!(save::write_all(&files, options).is_err());
    for (path, r) in paths.iter().zip(&rendered) {
        assert_eq!(std::fs::read(path).unwrap(), r.text.as_bytes());
    }
});
