//! The HTML report in a real browser: Debian's Chromium, headless. It
//! renders (its DOM after load), its links are there, a screenshot and a
//! PDF print are taken (`target/browser/`), and axe-core, run inside the
//! page, finds no accessibility violation (WCAG 2.x A and AA rules and
//! axe's best practices).
//!
//! axe-core comes from npm (`.ci/run` installs it under `target/axe/`); it
//! runs in the same Chromium, injected into a copy of the page, so no
//! driver or Node script is needed. Without Chromium or axe-core the test
//! says so and passes, except in CI (`CI` set), where both must be there.

use std::path::{Path, PathBuf};
use std::process::Command;

use aiguillage::core::engine;
use aiguillage::{Bundle, Decision, Evaluation};

const AXE_CORE: &str = "target/axe/node_modules/axe-core/axe.min.js";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Chromium, or why the test cannot run (which fails it in CI).
fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("AIGUILLAGE_CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

fn axe_core() -> Option<PathBuf> {
    let path = std::env::var_os("AIGUILLAGE_AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(AXE_CORE));
    path.is_file().then_some(path)
}

/// Skips (outside CI) or fails (in CI) when a tool is missing.
fn missing(what: &str, how: &str) {
    let message = format!("{what} not found: {how}");
    if std::env::var_os("CI").is_some() {
        panic!("{message} (CI is set: this test must run)");
    }
    eprintln!("SKIPPED tests/browser.rs: {message}");
}

/// Runs headless Chromium with the flags that keep it quiet and offline,
/// then `args`; returns stdout.
fn run_chromium(chromium: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("timeout")
        .arg("120")
        .arg(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn decision(name: &str) -> Decision {
    let bundle = Bundle::builtin().unwrap();
    let text =
        std::fs::read_to_string(root().join(format!("tests/scenarios/{name}.json"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let answers = serde_json::from_value(v["answers"].clone()).unwrap();
    let q = engine::find_questionnaire(&bundle, v["questionnaire"].as_str()).unwrap();
    match engine::evaluate(&bundle, q, &answers).unwrap() {
        Evaluation::Done(d) => *d,
        Evaluation::Pending { .. } => panic!("{name} is incomplete"),
    }
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// axe-core's violations on `page` (as `id: nodes`), by running it inside
/// a copy of the page and reading its result back from the DOM.
fn axe_violations(chromium: &Path, axe: &Path, page: &str, dir: &Path) -> Vec<String> {
    let runner = r#"<script>
axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
  .then(function (r) { report({ passes: r.passes.length, violations: r.violations.map(function (v) {
      return v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.map(function (n) { return n.target.join(" "); }).join(", ");
  }) }); })
  .catch(function (e) { report({ error: String(e) }); });
function report(result) {
  var out = document.createElement("pre");
  out.id = "axe-result";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
}
</script>"#;
    let script = std::fs::read_to_string(axe).unwrap();
    let checked = page.replacen(
        "</body>",
        &format!("<script>{script}</script>\n{runner}\n</body>"),
        1,
    );
    let file = dir.join("axe.html");
    std::fs::write(&file, checked).unwrap();
    let dom = run_chromium(
        chromium,
        &[
            "--virtual-time-budget=30000".into(),
            "--dump-dom".into(),
            url(&file),
        ],
    );
    let start = dom
        .find("<pre id=\"axe-result\">")
        .unwrap_or_else(|| panic!("axe-core gave no result:\n{dom}"))
        + "<pre id=\"axe-result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let raw = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let result: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert!(result.get("error").is_none(), "axe-core failed: {result}");
    assert!(
        result["passes"].as_u64().unwrap() > 10,
        "axe-core checked nothing: {result}"
    );
    result["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_html_report_renders_in_chromium_and_passes_axe_core() {
    let Some(chromium) = chromium() else {
        return missing("chromium", "apt-get install -y chromium (see .ci/run)");
    };
    let out_dir = root().join("target/browser");
    std::fs::create_dir_all(&out_dir).unwrap();
    for case in ["A2", "D1", "S1"] {
        let d = decision(case);
        let named = aiguillage::output::html::Case {
            name: Some("Grille de notation des subventions".into()),
            organisme: Some("Commune de Villeneuve-sur-Lot".into()),
            service: Some("Direction de la vie associative".into()),
            issued: Some("2027-01-15".into()),
        };
        let html = aiguillage::output::html::report(&d, &named);
        let page = out_dir.join(format!("rapport-{case}.html"));
        std::fs::write(&page, &html).unwrap();

        // The DOM after load: the page parsed as written.
        // Chromium writes the no-break spaces of the page as `&nbsp;`.
        let dom =
            run_chromium(&chromium, &["--dump-dom".into(), url(&page)]).replace("&nbsp;", "\u{a0}");
        assert!(dom.contains("<html lang=\"fr\">"), "{case}: {dom}");
        assert!(
            dom.contains("<h1>") && dom.contains(&d.outcome.title),
            "{case}: no title"
        );
        // The case it is about, and the day.
        for said in [
            "Grille de notation des subventions",
            "Commune de Villeneuve-sur-Lot, Direction de la vie associative",
            "Rapport émis le 15\u{a0}janvier 2027",
        ] {
            assert!(dom.contains(said), "{case}: no « {said} »");
        }
        // « Pourquoi ? » names each finding and links to it, without its
        // whole text a second time.
        for f in &d.findings {
            assert_eq!(
                dom.matches(&f.text).count(),
                1,
                "{case}: the text of {} is written twice",
                f.id
            );
        }
        for landmark in [
            "<header>",
            "<nav aria-label=\"Sommaire\">",
            "<main id=\"contenu\">",
            "<footer>",
        ] {
            assert!(dom.contains(landmark), "{case}: no {landmark}");
        }
        // Every article and guide of the decision is a link.
        for f in &d.findings {
            for a in &f.articles {
                assert!(
                    dom.contains(&format!("href=\"{}\"", a.url)),
                    "{case}: no link to {}",
                    a.url
                );
            }
        }
        for g in &d.guides {
            assert!(
                dom.contains(&format!("href=\"{}\"", g.url)),
                "{case}: no link to {}",
                g.url
            );
        }
        assert!(
            dom.contains(&d.decided_by.legal_date),
            "{case}: no legal date"
        );

        // A screenshot, and the printed version.
        let png = out_dir.join(format!("rapport-{case}.png"));
        let _ = std::fs::remove_file(&png);
        run_chromium(
            &chromium,
            &[
                "--window-size=1000,1800".into(),
                "--hide-scrollbars".into(),
                format!("--screenshot={}", png.display()),
                url(&page),
            ],
        );
        let bytes = std::fs::read(&png).expect("screenshot written");
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
            "{case}: screenshot"
        );
        let pdf = out_dir.join(format!("rapport-{case}.pdf"));
        let _ = std::fs::remove_file(&pdf);
        run_chromium(
            &chromium,
            &[
                "--no-pdf-header-footer".into(),
                format!("--print-to-pdf={}", pdf.display()),
                url(&page),
            ],
        );
        let printed = std::fs::read(&pdf).expect("PDF printed");
        assert!(printed.starts_with(b"%PDF"), "{case}: PDF");
        // On A4 (595 × 842 points), in fewer pages than the 9 to 12 of US
        // Letter it took when every link printed its address.
        let text = String::from_utf8_lossy(&printed);
        assert!(
            text.contains("/MediaBox [0 0 594.9") || text.contains("/MediaBox [0 0 595"),
            "{case}: not A4"
        );
        let pages = text.matches("/Type /Page\n").count()
            + text.matches("/Type /Page\r").count()
            + text.matches("/Type /Page/").count()
            + text.matches("/Type /Page>").count()
            + text.matches("/Type /Page ").count();
        assert!((1..=8).contains(&pages), "{case}: {pages} pages");
        eprintln!("{case}: {pages} pages on A4");
        eprintln!("{case}: {} and {}", png.display(), pdf.display());

        let Some(axe) = axe_core() else {
            return missing(
                "axe-core",
                "npm install --prefix target/axe axe-core (see .ci/run)",
            );
        };
        let violations = axe_violations(&chromium, &axe, &html, &out_dir);
        assert!(
            violations.is_empty(),
            "{case}: axe-core:\n{}",
            violations.join("\n")
        );
    }
}

/// The harness itself: a page with known faults must fail axe-core, or the
/// test above would prove nothing.
#[test]
fn axe_core_in_chromium_finds_known_faults() {
    let (Some(chromium), Some(axe)) = (chromium(), axe_core()) else {
        return missing("chromium or axe-core", "see .ci/run");
    };
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html>\n<html>\n<head><title>x</title></head>\n<body>\n<main>\n<input type=\"text\">\n<p style=\"color:#bbbbbb;background:#ffffff\">pâle</p>\n</main>\n</body>\n</html>\n";
    let violations = axe_violations(&chromium, &axe, page, dir.path());
    for expected in ["html-has-lang", "label", "color-contrast"] {
        assert!(
            violations.iter().any(|v| v.starts_with(expected)),
            "{expected} not found in {violations:?}"
        );
    }
}
