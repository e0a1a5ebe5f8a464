//! Reads and checks the built-in content once, at build time, and writes
//! it in a compact binary form that the program decodes at start (see
//! `Bundle::builtin`): a run on the built-in questionnaires parses no TOML.
//!
//! The loader and the checks are the program's own, compiled into this
//! script from the same files, so a broken built-in tree fails the build
//! with the diagnostics `aiguillage check` would print.

#![allow(dead_code, unused_imports)]

#[path = "src/text"]
mod text {
    pub mod escape;
    pub mod i18n;
    pub mod limits;
    pub mod number;
    pub mod parse_error;
    pub mod suggest;
    pub mod typography;
}

#[path = "src/core"]
mod core {
    pub mod catalog;
    pub mod coherence;
    pub mod condition;
    pub mod date;
    pub mod diagnostic;
    pub mod documents;
    pub mod engine;
    pub mod locate;
    pub mod model;
    pub mod paths;
    pub mod template;
    pub mod validate;
}

use std::path::PathBuf;

fn main() {
    for watched in [
        "questionnaires",
        "guides",
        "documents",
        "src/core",
        "src/text",
    ] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let bundle = match core::catalog::Bundle::builtin_unchecked() {
        Ok(bundle) => bundle,
        Err(core::catalog::LoadError::Parse(e)) => fail(&e.to_string()),
        Err(e) => fail(&format!("{e:?}")),
    };
    let mut report = core::validate::check(&bundle);
    core::locate::fill_locations(&bundle, &mut report);
    report.sort();
    if report.has_errors() {
        let all: Vec<String> = report.errors().map(ToString::to_string).collect();
        fail(&all.join("\n\n"));
    }
    // The document templates, then the consistency of every path: what a
    // decision shows and drafts never contradicts its findings.
    let templates = match core::documents::Templates::builtin_as_written() {
        Ok(t) => t,
        Err(core::catalog::LoadError::Parse(e)) => fail(&e.to_string()),
        Err(e) => fail(&format!("{e:?}")),
    };
    let mut report = core::documents::check(&templates, &bundle);
    if !report.has_errors() {
        report = core::coherence::check(&bundle, Some(&templates));
        core::locate::fill_locations(&bundle, &mut report);
    }
    report.sort();
    if report.has_errors() {
        let all: Vec<String> = report.errors().map(ToString::to_string).collect();
        fail(&all.join("\n\n"));
    }
    // Checked as written; baked with French typography, once.
    let mut bundle = bundle;
    bundle.typeset();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let lean = bundle.without_prompt_texts();
    let write = |file: &str, bytes: &[u8]| {
        std::fs::write(out.join(file), bytes)
            .unwrap_or_else(|e| fail(&format!("cannot write the compiled content: {e}")));
    };
    write("builtin.bin", &bundle.to_compiled());
    write("builtin-lean.bin", &lean.to_compiled());
    // The lean content in parts, and the Rust that includes them.
    let (references, parts, index) = lean.to_compiled_parts();
    write("lean-references.bin", &references);
    write("lean-index.bin", &index);
    let mut rust = String::from("&[\n");
    for (i, part) in parts.iter().enumerate() {
        let file = format!("lean-questionnaire-{i}.bin");
        write(&file, part);
        rust.push_str(&format!(
            "    include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")),\n"
        ));
    }
    rust.push(']');
    write("lean-parts.rs", rust.as_bytes());
}

/// Stops the build with `message`, shown by cargo line by line.
fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    std::process::exit(1)
}
