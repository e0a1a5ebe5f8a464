//! A questionnaire file: loaded from memory (with the built-in
//! references) → checked → if it has no error: questions, skeleton, graph
//! and paths, each path answered again through the engine, which must
//! reach the same outcome with the same findings; `diff` of the tree with
//! itself, within a small budget, finds no change. What the maintainer
//! commands print, escaped as the program prints it, holds no raw
//! control character, and the drawings stay bounded by the file's size.

#![no_main]

use std::ops::ControlFlow;

use aiguillage::Bundle;
use aiguillage::core::engine::{self, Evaluation};
use aiguillage::text::escape::escape;
use aiguillage::tools::{diff, graph, paths, questions};
use libfuzzer_sys::fuzz_target;

#[path = "../support/common.rs"]
mod common;

/// As the program prints it: escaped, then checked.
fn printed(what: &str, s: &str) {
    common::assert_clean(what, &escape(s));
}

/// Paths replayed per input, at most: a small tree can have millions.
const MAX_PATHS: usize = 200;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bundle = match Bundle::from_sources_unchecked([("fuzz/q.toml", text)]) {
        Ok(b) => b,
        Err(e) => {
            let _ = format!("{e}");
            return;
        }
    };
    let report = aiguillage::core::check(&bundle);
    printed("summary", &report.summary());
    for d in &report.diagnostics {
        printed("diagnostic", &d.to_string());
    }
    if report.has_errors() {
        return;
    }
    let list = questions::list(&bundle, None);
    printed("questions", &questions::text(&bundle, &list));
    let bound = 200_000 + 64 * text.len();
    for drawing in [
        graph::dot(&bundle, graph::Scope::All),
        graph::mermaid(&bundle, graph::Scope::All),
    ] {
        printed("graph", &drawing);
        assert!(drawing.len() < bound, "{} bytes drawn", drawing.len());
    }
    let same = diff::diff_within(&bundle, &bundle, 20_000);
    assert!(same.is_empty(), "{:?}", same.changes);
    printed("diff", &diff::text(&same, "a", "b"));
    for (_, q) in &bundle.questionnaires {
        let skeleton = questions::skeleton(&bundle, q);
        let _: serde_json::Value = serde_json::from_str(&skeleton).expect("the skeleton is JSON");
        let _ = graph::dot(&bundle, graph::Scope::One(q));
        let mut seen = 0;
        let _ = paths::for_each_path(&bundle, q, |p| {
            seen += 1;
            printed("path", &paths::path_text(seen, &p));
            let answers = p.answers();
            match engine::evaluate(&bundle, q, &answers) {
                Ok(Evaluation::Done(d)) => {
                    assert_eq!(d.outcome.id, p.outcome.id, "{answers:?}");
                    let found: Vec<&str> = d.findings.iter().map(|f| f.id.as_str()).collect();
                    assert_eq!(found, p.findings, "{answers:?}");
                }
                other => panic!("path {answers:?} of {} gives {other:?}", q.id),
            }
            if seen == MAX_PATHS {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
    }
});
