//! The layering of `src/`, read from the sources: arrows go down only
//! (`front → tools → output → core → text`), and no two files import each
//! other, directly or around a circle. A small scan of `crate::…` paths is
//! enough: every import between modules of this crate is written that way.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The folders of `src/`, lowest first. A file may use its own folder and
/// the folders below it.
const LAYERS: [&str; 5] = ["text", "core", "output", "tools", "front"];

/// Every `.rs` file under `dir`, as a module path (`core/engine.rs` →
/// `core::engine`, `core/mod.rs` → `core`).
fn modules(root: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            modules(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            out.insert(parts.join("::"), path);
        }
    }
}

/// The modules of this crate that `source` names, comments left out:
/// for each `crate::a::b::c`, the longest prefix that is a module.
fn imports(source: &str, known: &BTreeMap<String, PathBuf>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let module = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|m| known.contains_key(m));
            if let Some(m) = module {
                found.insert(m);
            }
        }
    }
    found
}

fn layer(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    LAYERS.iter().position(|l| *l == top)
}

/// The import graph: module → the modules it names (itself left out).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut known = BTreeMap::new();
    modules(&root, &root, &mut known);
    known
        .iter()
        .map(|(m, path)| {
            let mut deps = imports(&fs::read_to_string(path).unwrap(), &known);
            deps.remove(m);
            (m.clone(), deps)
        })
        .collect()
}

#[test]
fn every_file_sits_in_a_layer() {
    for m in graph().keys() {
        assert!(
            layer(m).is_some() || m == "lib" || m == "main",
            "src/{m} is in no layer folder ({LAYERS:?}): move it into the one that owns it"
        );
    }
}

#[test]
fn arrows_go_down_only() {
    let mut wrong = Vec::new();
    for (from, deps) in graph() {
        let Some(lf) = layer(&from) else { continue };
        for to in deps {
            if layer(&to).is_some_and(|lt| lt > lf) {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports going up the layers {LAYERS:?}:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_core_imports_no_front_end_or_output() {
    for (from, deps) in graph() {
        if !from.starts_with("core") {
            continue;
        }
        for to in deps {
            assert!(
                to.starts_with("core") || to.starts_with("text"),
                "the core must stay pure: {from} imports {to}"
            );
        }
    }
}

#[test]
fn the_engine_reads_no_interface_language() {
    let g = graph();
    let engine = &g["core::engine"];
    assert!(
        !engine.contains("text::i18n"),
        "the engine must not read the interface language: {engine:?}"
    );
}

#[test]
fn no_import_circles_between_files() {
    let g = graph();
    // Depth-first search, iterative, colouring files: 1 on the stack, 2 done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    for start in g.keys() {
        if state.contains_key(start.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> =
            vec![(start, g[start].iter().map(String::as_str).collect())];
        state.insert(start, 1);
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            match pending.pop() {
                Some(next) => match state.get(next) {
                    Some(1) => {
                        let from = stack.iter().position(|(n, _)| *n == next).unwrap();
                        let circle: Vec<&str> = stack[from..].iter().map(|(n, _)| *n).collect();
                        panic!("import circle: {} → {next}", circle.join(" → "));
                    }
                    Some(_) => {}
                    None => {
                        state.insert(next, 1);
                        stack.push((next, g[next].iter().map(String::as_str).collect()));
                    }
                },
                None => {
                    state.insert(node, 2);
                    stack.pop();
                }
            }
        }
    }
}

#[test]
fn the_scan_sees_imports() {
    // A scan that found nothing would pass everything above.
    let g = graph();
    assert!(
        g["front::app"].contains("core::engine"),
        "{:?}",
        g["front::app"]
    );
    assert!(g["core::engine"].contains("core::catalog"));
    assert!(g.len() > 20, "{} files", g.len());
}
