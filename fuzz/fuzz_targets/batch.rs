//! `aiguillage batch`: lines of JSONL or rows of CSV, decided one by one
//! on the built-in bundle. Each input gives records that are each one JSON
//! line, whatever the lines hold; nothing panics.

#![no_main]

use std::sync::LazyLock;

use aiguillage::front::batch::{Batch, Input, Output};
use libfuzzer_sys::fuzz_target;

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin_lean().expect("the built-in bundle loads"));

fuzz_target!(|data: &[u8]| {
    let Some((&how, lines)) = data.split_first() else {
        return;
    };
    let input = match how % 3 {
        0 => None,
        1 => Some(Input::Jsonl),
        _ => Some(Input::Csv),
    };
    let output = if how & 4 == 0 {
        Output::Jsonl
    } else {
        Output::Json
    };
    let mut out = Vec::new();
    {
        let mut batch = Batch::new(&BUNDLE, &mut out, output);
        if batch.read(lines, "fuzz", None, input, None).is_err() {
            return;
        }
        // Exit 2 when a case was not decided: fine here.
        let _ = batch.finish();
    }
    let out = String::from_utf8(out).expect("records are UTF-8");
    for record in out.lines() {
        let _: serde_json::Value = serde_json::from_str(record)
            .unwrap_or_else(|e| panic!("not a JSON record ({e}): {record}"));
    }
});
