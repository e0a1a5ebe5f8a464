//! An answers file, end to end: read → evaluated on the built-in bundle →
//! every renderer (both interface languages) → saved → read again, which
//! must give back the same answers. Errors must be said, never panic.
//!
//! And what reaches the user stays sound: no raw control character in
//! any output or in the saved file, outputs bounded by the input's size,
//! and every number compared with its thresholds exactly as written (a
//! number just below a threshold never takes the range above it).

#![no_main]

use std::sync::LazyLock;

use aiguillage::core::engine::{self, Decision, Evaluation};
use aiguillage::core::model::QuestionKind;
use aiguillage::front::answers::{self, Loaded};
use aiguillage::output;
use aiguillage::text::escape::escape;
use aiguillage::text::number::{cmp_decimal, fmt_num};
use aiguillage::text::{glyphs, i18n};
use libfuzzer_sys::fuzz_target;

#[path = "../support/common.rs"]
mod common;
use common::assert_clean;

/// An error as the program prints it: escaped, and bounded whatever the
/// input (20 errors shown, ids and values cut).
fn said(e: &aiguillage::Error) {
    let s = escape(&e.to_string()).into_owned();
    assert_clean("error", &s);
    assert!(s.len() < 64 * 1024, "{} bytes of error", s.len());
}

/// Each number answered on the path took the range that holds it as
/// written: the decimal text of the file against the bounds, compared
/// digit by digit.
fn exact_ranges(bundle: &aiguillage::Bundle, text: &str, d: &Decision) {
    for step in &d.path {
        let Some(q) = bundle.question(&step.question) else {
            continue;
        };
        if q.kind != QuestionKind::Number {
            continue;
        }
        // Places are in the text the reader reads: without a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Some(at) = answers::locate(text, &step.question, true) else {
            continue;
        };
        let raw: String = text[at..]
            .chars()
            .take_while(|c| matches!(c, '-' | '+' | '.' | 'e' | 'E' | '0'..='9'))
            .collect();
        use std::cmp::Ordering::Less;
        let holds = q.ranges.iter().find(|r| {
            r.min
                .is_none_or(|m| cmp_decimal(&raw, &fmt_num(m)).is_some_and(|o| o != Less))
                && r.below
                    .is_none_or(|b| cmp_decimal(&raw, &fmt_num(b)) == Some(Less))
        });
        let range = holds.unwrap_or_else(|| panic!("{raw} is in no range of {}", q.id));
        assert!(
            step.label.ends_with(&format!("({})", range.label)),
            "{raw} for {}: « {} », not « {} »",
            q.id,
            step.label,
            range.label
        );
    }
}

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin().expect("the built-in bundle loads"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bundle = &*BUNDLE;
    let lang = if data.len() % 2 == 0 {
        i18n::Lang::Fr
    } else {
        i18n::Lang::En
    };
    i18n::set(lang);
    let file = match answers::parse("fuzz.json", text) {
        Ok(file) => file,
        Err(e) => {
            said(&e);
            return;
        }
    };
    let loaded = Loaded {
        file: file.clone(),
        name: "fuzz.json".into(),
        text: text.to_owned(),
    };
    match engine::find_questionnaire(bundle, file.questionnaire.as_deref()) {
        Err(e) => said(&loaded.locate(vec![e])),
        Ok(q) => match engine::evaluate(bundle, q, &file.answers) {
            Err(errors) => said(&loaded.locate(errors)),
            Ok(Evaluation::Pending { question, .. }) => {
                assert!(!file.answers.contains_key(&question.id));
            }
            Ok(Evaluation::Done(d)) => {
                let look = output::text::Look {
                    texts: i18n::texts(),
                    glyphs: &glyphs::UNICODE,
                    width: output::text::DEFAULT_WIDTH,
                    detail: false,
                };
                exact_ranges(bundle, text, &d);
                let clean = output::escaped::escaped(&d);
                let json = output::json::json(&d);
                let outputs = [
                    output::text::text(&clean, look),
                    output::text::text(
                        &clean,
                        output::text::Look {
                            detail: true,
                            ..look
                        },
                    ),
                    output::markdown::markdown(&clean, look.texts),
                    output::link::links(&clean, false),
                    output::link::links(&clean, true),
                    output::html::html(&clean),
                    json.clone(),
                ];
                let mut total = 0;
                for (i, out) in outputs.iter().enumerate() {
                    assert_clean(&format!("output {i}"), out);
                    total += out.len();
                }
                // The content is most of it; the input adds at most a few
                // copies of itself (answers shown in the path, the JSON).
                assert!(total < 4_000_000 + 16 * text.len(), "{total} bytes out");
                let back: serde_json::Value = serde_json::from_str(&json).expect("JSON output");
                assert_eq!(back["outcome"]["id"], d.outcome.id.as_str());
            }
        },
    }
    // Saved, then read again: the same file.
    let path = common::DIR.path().join("r.json");
    let order: Vec<&str> = bundle.asked_ids().collect();
    answers::save(&path, &file, &order).expect("a save to a fresh folder");
    let saved = std::fs::read_to_string(&path).expect("the saved file");
    assert_clean("saved file", &saved);
    let again = answers::read(&path).expect("a saved file reads").file;
    assert_eq!(again, file, "round trip of {text:?}");
});
