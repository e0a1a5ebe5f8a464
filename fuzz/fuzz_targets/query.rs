//! The query string of `aiguillage serve`, which is its answers file:
//! read against the built-in bundle, then written back and read again,
//! which must give the same answers, fields and questionnaire; the
//! answers evaluated. Whatever is refused is said in a short message with
//! no control character, never with a panic.

#![no_main]

use std::sync::LazyLock;

use aiguillage::core::engine;
use aiguillage::front::web::query;
use libfuzzer_sys::fuzz_target;

static BUNDLE: LazyLock<aiguillage::Bundle> =
    LazyLock::new(|| aiguillage::Bundle::builtin().expect("the built-in bundle loads"));

const FIELDS: [&str; 3] = ["organisme", "service", "nom_traitement"];

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let bundle = &*BUNDLE;
    let q = match query::read(raw, bundle, &FIELDS) {
        Ok(q) => q,
        Err(e) => {
            let m = e.message();
            assert!(m.chars().count() < 500, "{m}");
            assert!(!m.chars().any(char::is_control), "{m:?}");
            return;
        }
    };
    let written = query::write(bundle, q.questionnaire.as_deref(), &q.answers, &q.fields);
    let again = query::read(&written, bundle, &FIELDS).expect("what was written reads back");
    assert_eq!(again.answers, q.answers, "{written}");
    assert_eq!(again.fields, q.fields, "{written}");
    assert_eq!(again.questionnaire, q.questionnaire, "{written}");
    if let Ok(start) = engine::find_questionnaire(bundle, q.questionnaire.as_deref()) {
        let _ = engine::evaluate(bundle, start, &q.answers);
    }
});
