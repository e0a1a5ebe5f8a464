//! An answers file, end to end: read → evaluated on the built-in bundle →
//! every renderer (both interface languages) → saved → read again, which
//! must give back the same answers. Errors must be said, never panic.

#![no_main]

use std::sync::LazyLock;

use aiguillage::core::engine::{self, Evaluation};
use aiguillage::front::answers::{self, Loaded};
use aiguillage::output;
use aiguillage::text::{glyphs, i18n};
use libfuzzer_sys::fuzz_target;

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin().expect("the built-in bundle loads"));

/// One folder for every save of the run (in memory when /dev/shm exists:
/// a save syncs to disk).
static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
});

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
            let _ = e.to_string();
            return;
        }
    };
    let loaded = Loaded {
        file: file.clone(),
        name: "fuzz.json".into(),
        text: text.to_owned(),
    };
    match engine::find_questionnaire(bundle, file.questionnaire.as_deref()) {
        Err(e) => {
            let _ = loaded.locate(vec![e]).to_string();
        }
        Ok(q) => match engine::evaluate(bundle, q, &file.answers) {
            Err(errors) => {
                let _ = loaded.locate(errors).to_string();
            }
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
                let clean = output::escaped::escaped(&d);
                let _ = output::text::text(&clean, look);
                let _ = output::text::text(&clean, output::text::Look { detail: true, ..look });
                let _ = output::markdown::markdown(&clean, look.texts);
                let _ = output::link::links(&clean, false);
                let _ = output::link::links(&clean, true);
                let _ = output::html::html(&clean);
                let json = output::json::json(&d);
                let back: serde_json::Value = serde_json::from_str(&json).expect("JSON output");
                assert_eq!(back["outcome"]["id"], d.outcome.id.as_str());
            }
        },
    }
    // Saved, then read again: the same file.
    let path = DIR.path().join("r.json");
    let order: Vec<&str> = bundle.asked_ids().collect();
    answers::save(&path, &file, &order).expect("a save to a fresh folder");
    let again = answers::read(&path).expect("a saved file reads").file;
    assert_eq!(again, file, "round trip of {text:?}");
});
