//! The HTML report in a real browser: Debian's Chromium, headless. It
//! renders (its DOM after load), its links are there, a screenshot and a
//! PDF print are taken (`target/browser/`), and axe-core, run inside the
//! page, finds no accessibility violation (WCAG 2.x A and AA rules and
//! axe's best practices). Then `aiguillage serve` in the same Chromium,
//! driven through the DevTools protocol over a pipe
//! (`tests/support/cdp.rs`): a case walked through its forms, axe-core on
//! every kind of page at three sizes, and a walk with the keyboard alone.
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
        .args(cdp::QUIET)
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
            // Up to its first address, which the page makes a link.
            let text = f.text.split("http").next().unwrap_or_default().trim_end();
            assert_eq!(
                dom.matches(text).count(),
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

// ---------------------------------------------------------------------
// `aiguillage serve` in the same Chromium, driven through the DevTools
// protocol (tests/support/cdp.rs): a whole case walked through the forms,
// back, edit, the decision and its downloads; axe-core on every kind of
// page at 1 280 px, 320 px and 200 % zoom; a walk with the keyboard alone.

#[path = "support/cdp.rs"]
mod cdp;

#[path = "support/server.rs"]
mod server;

use server::Server;

/// axe-core's violations on the page open in `b`.
fn axe_page(b: &mut cdp::Browser, axe: &str) -> Vec<String> {
    if b.eval("typeof axe") != serde_json::json!("object") {
        b.eval(axe);
    }
    let r = b.eval(
        r#"axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
  .then(function (r) { return { passes: r.passes.length, violations: r.violations.map(function (v) {
      return v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.map(function (n) { return n.target.join(" "); }).join(", ");
  }) }; })"#,
    );
    assert!(
        r["passes"].as_u64().unwrap() > 10,
        "axe-core checked nothing: {r}"
    );
    r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// The answers of scenario `name`.
fn scenario_answers(name: &str) -> serde_json::Map<String, serde_json::Value> {
    let text =
        std::fs::read_to_string(root().join(format!("tests/scenarios/{name}.json"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["answers"].as_object().unwrap().clone()
}

/// The question the page asks: its id, or `None` on another page.
fn asked(b: &mut cdp::Browser) -> Option<String> {
    let v = b.eval(
        "(function () { var i = document.querySelector('form.question input[type=radio], form.question input[type=text]'); return i ? i.name : null; })()",
    );
    v.as_str().map(str::to_owned)
}

/// Picks `answer` at the question the page asks, as a person would: a
/// click on the label of the choice, or the number typed; then the form
/// sent.
fn answer(b: &mut cdp::Browser, id: &str, answer: &serde_json::Value) {
    let values: Vec<String> = match answer {
        serde_json::Value::Bool(true) => vec!["true".into(), "oui".into()],
        serde_json::Value::Bool(false) => vec!["false".into(), "non".into()],
        serde_json::Value::String(s) => vec![s.clone()],
        other => vec![other.to_string()],
    };
    let js = format!(
        r#"(function () {{
  var values = {values};
  var text = document.querySelector('form.question input[type=text][name="{id}"]');
  if (text) {{ text.value = values[0]; return true; }}
  for (var i = 0; i < values.length; i++) {{
    var r = document.querySelector('input[type=radio][name="{id}"][value="' + values[i] + '"]');
    if (r) {{ document.querySelector('label[for="' + r.id + '"]').click(); return r.checked; }}
  }}
  return false;
}})()"#,
        values = serde_json::to_string(&values).unwrap()
    );
    assert_eq!(b.eval(&js), serde_json::json!(true), "{id} = {answer}");
    b.eval_and_wait("document.querySelector('form.question button[type=submit]').click()");
}

/// Clicks the link whose text starts with `text`.
fn follow(b: &mut cdp::Browser, text: &str) {
    let js = format!(
        r#"(function () {{ var a = Array.prototype.find.call(document.querySelectorAll('a'), function (a) {{ return a.textContent.trim().indexOf({t}) === 0; }}); if (!a) return false; a.click(); return true; }})()"#,
        t = serde_json::to_string(text).unwrap()
    );
    b.clear_events();
    assert_eq!(b.eval(&js), serde_json::json!(true), "no link « {text} »");
    b.event("Page.loadEventFired");
}

fn text_of(b: &mut cdp::Browser, selector: &str) -> String {
    b.eval(&format!(
        "(function () {{ var e = document.querySelector({s}); return e ? e.textContent : ''; }})()",
        s = serde_json::to_string(selector).unwrap()
    ))
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

#[test]
fn serve_walks_a_case_through_the_forms_back_edit_decision_and_downloads() {
    let Some(chromium) = chromium() else {
        return missing("chromium", "apt-get install -y chromium (see .ci/run)");
    };
    let server = Server::start(&[], false);
    let mut b = cdp::Browser::start(&chromium);
    let downloads = tempfile::tempdir().unwrap();
    b.downloads_to(downloads.path());
    b.goto(&format!("{}/", server.url));
    let answers = scenario_answers("A2");
    let mut went_back = false;
    let mut steps = 0;
    while let Some(id) = asked(&mut b) {
        steps += 1;
        assert!(steps < 40, "the walk does not end");
        let a = answers
            .get(&id)
            .unwrap_or_else(|| panic!("A2 does not answer {id}"));
        answer(&mut b, &id, a);
        // Once, after the third answer: back to it, then the same answer
        // again, which keeps the rest.
        if steps == 3 && !went_back {
            went_back = true;
            follow(&mut b, "Revenir à la question précédente");
            assert!(b.url().contains("/modifier/"), "{}", b.url());
            let checked = b.eval("document.querySelectorAll('input[type=radio]:checked').length");
            assert_eq!(checked, serde_json::json!(1), "the answer given is offered");
            b.eval_and_wait("document.querySelector('form.question button[type=submit]').click()");
            assert!(
                text_of(&mut b, ".notice").is_empty(),
                "the same answer drops nothing"
            );
        }
    }
    assert!(went_back);
    let h1 = text_of(&mut b, "h1");
    assert!(h1.starts_with("Obligation"), "{h1}");
    let d = decision("A2");
    assert!(h1.contains(&d.outcome.title), "{h1}");
    // « Tout le détail » opens without script.
    assert_eq!(
        b.eval("document.querySelector('details.detail').open"),
        serde_json::json!(false)
    );
    b.eval("document.querySelector('details.detail > summary').click()");
    assert_eq!(
        b.eval("document.querySelector('details.detail').open"),
        serde_json::json!(true)
    );

    // The answers file and the report, downloaded.
    b.clear_events();
    assert_eq!(
        b.eval("(function () { var a = document.querySelector('a[download=\"reponses.json\"]'); a.click(); return true; })()"),
        serde_json::json!(true)
    );
    assert_eq!(b.downloaded(), "reponses.json");
    let saved = std::fs::read_to_string(downloads.path().join("reponses.json")).unwrap();
    let file = aiguillage::front::answers::parse("reponses.json", &saved).unwrap();
    assert_eq!(file.answers.len(), answers.len(), "{saved}");

    // A document, from the documents page.
    let decision_url = b.url();
    follow(&mut b, "Les documents que la décision appelle");
    assert!(b.url().contains("/documents?"), "{}", b.url());
    b.clear_events();
    let first = b.eval("(function () { var a = document.querySelector('a[href^=\"/documents/\"]'); a.click(); return a.getAttribute('download'); })()");
    let name = b.downloaded();
    assert_eq!(serde_json::json!(name), first);
    assert!(
        std::fs::metadata(downloads.path().join(&name))
            .unwrap()
            .len()
            > 100
    );
    b.goto(&decision_url);

    // Edit from the review: another answer that changes the path drops
    // the answers it no longer reaches, and says so.
    follow(&mut b, "Vérifier ou modifier vos réponses");
    let changed = b.eval(
        r#"(function () { var a = document.querySelector('a[href^="/modifier/algo_automatisation"]'); a.click(); return true; })()"#,
    );
    assert_eq!(changed, serde_json::json!(true));
    b.event("Page.loadEventFired");
    answer(
        &mut b,
        "algo_automatisation",
        &serde_json::json!("aide_decision"),
    );
    let notice = text_of(&mut b, ".notice");
    assert!(notice.contains("ne s'appliquent plus"), "{notice}");
    let bundle = Bundle::builtin().unwrap();
    let dropped = &bundle.question("algo_auto_evolutif").unwrap().text;
    assert!(notice.contains(dropped.as_str()), "{notice}");
    // The new path asks what it needs, then decides.
    while let Some(id) = asked(&mut b) {
        let a = answers
            .get(&id)
            .cloned()
            .unwrap_or(serde_json::json!(false));
        answer(&mut b, &id, &a);
    }
    let h1 = text_of(&mut b, "h1");
    assert!(h1.starts_with("Obligation"), "{h1}");
    assert!(
        !h1.contains(&d.outcome.title),
        "the edit changed the outcome: {h1}"
    );
}

/// Whether the page fits its viewport: no scrolling sideways.
fn fits(b: &mut cdp::Browser) -> bool {
    b.eval("document.documentElement.scrollWidth <= window.innerWidth") == serde_json::json!(true)
}

/// The innermost elements that reach past the right edge, with the start
/// of their text: what to fix when a page does not fit.
fn too_wide(b: &mut cdp::Browser) -> serde_json::Value {
    b.eval(
        "Array.from(document.querySelectorAll('body *'))
           .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
           .slice(0, 8)
           .map(e => e.tagName + ' ' + Math.round(e.getBoundingClientRect().right) + ' px: '
                     + (e.textContent || '').trim().slice(0, 100))
           .join('\\n')",
    )
}

#[test]
fn serve_pages_pass_axe_core_and_fit_at_320_px_and_at_200_percent() {
    let (Some(chromium), Some(axe)) = (chromium(), axe_core()) else {
        return missing("chromium or axe-core", "see .ci/run");
    };
    let axe = std::fs::read_to_string(axe).unwrap();
    let server = Server::start(&[], false);
    let mut b = cdp::Browser::start(&chromium);
    // The harness finds known faults, or it would prove nothing.
    b.goto("data:text/html,<html><title>x</title><main><input type=text></main></html>");
    let faults = axe_page(&mut b, &axe);
    assert!(
        faults.iter().any(|v| v.starts_with("html-has-lang"))
            && faults.iter().any(|v| v.starts_with("label")),
        "{faults:?}"
    );
    b.viewport(320, 640, 1.0);
    b.goto("data:text/html,<html lang=fr><title>x</title><main><pre>www.example.org/a-very-long-unbreakable-line-that-does-not-fit</pre></main></html>");
    assert!(!fits(&mut b), "a page wider than 320 px is seen");
    // Case A2, as the scenario answers it.
    let case = std::iter::once("questionnaire=accueil".to_owned())
        .chain(scenario_answers("A2").iter().map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("{k}={v}")
        }))
        .collect::<Vec<_>>()
        .join("&");
    let inventory = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(
        inventory.path(),
        "id;type_ressource;algo_administration\nx;algorithme;aucun\ny;algorithme;personne\n",
    )
    .unwrap();
    // (kind, address, what to do once loaded)
    let pages: [(&str, String, &str); 10] = [
        ("question", "/".into(), ""),
        ("help", "/?type_ressource=donnees".into(), "document.querySelector('details.more').open = true"),
        ("number", "/?type_ressource=algorithme&algo_administration=collectivite&algo_decision_individuelle=personnes_physiques&algo_secret=non".into(), ""),
        ("review", format!("/revoir?{case}"), ""),
        ("edit", format!("/modifier/algo_secret?{case}"), ""),
        ("decision", format!("/?{case}"), "document.querySelector('details.detail').open = true"),
        ("documents", format!("/documents?{case}"), ""),
        ("inventory", "/inventaire".into(), "upload"),
        ("error", "/?type_ressourse=algorithme".into(), ""),
        ("glossary", "/glossaire".into(), ""),
    ];
    for (width, height, scale, label) in [
        (1280, 900, 1.0, "1280 px"),
        (320, 640, 1.0, "320 px"),
        (640, 450, 2.0, "200 %"),
    ] {
        b.viewport(width, height, scale);
        for (kind, path, then) in &pages {
            b.goto(&format!("{}{path}", server.url));
            if *then == "upload" {
                let doc = b.call("DOM.getDocument", serde_json::json!({}));
                let root = doc["root"]["nodeId"].clone();
                let input = b.call(
                    "DOM.querySelector",
                    serde_json::json!({"nodeId": root, "selector": "#inventaire"}),
                );
                b.call(
                    "DOM.setFileInputFiles",
                    serde_json::json!({"nodeId": input["nodeId"], "files": [inventory.path().display().to_string()]}),
                );
                b.eval_and_wait(
                    "document.querySelector('form.upload button[value=bilan]').click()",
                );
                assert!(
                    text_of(&mut b, ".results").contains("2 cas"),
                    "{}",
                    text_of(&mut b, "main")
                );
            } else if !then.is_empty() {
                b.eval(then);
            }
            if *kind == "number" {
                assert_eq!(
                    b.eval("document.querySelectorAll('input[inputmode=decimal]').length"),
                    serde_json::json!(1),
                    "{}",
                    text_of(&mut b, "main")
                );
            }
            let violations = axe_page(&mut b, &axe);
            assert!(
                violations.is_empty(),
                "{kind} at {label}: axe-core:\n{}",
                violations.join("\n")
            );
            assert!(
                fits(&mut b),
                "{kind} at {label}: the page scrolls sideways:\n{}",
                too_wide(&mut b)
            );
        }
    }
}

#[test]
fn serve_is_usable_with_the_keyboard_alone() {
    let Some(chromium) = chromium() else {
        return missing("chromium", "apt-get install -y chromium (see .ci/run)");
    };
    let server = Server::start(&[], false);
    let mut b = cdp::Browser::start(&chromium);
    b.goto(&format!("{}/", server.url));
    // The first Tab reaches the skip link, which is shown when focused.
    b.key("Tab");
    assert_eq!(
        b.eval("document.activeElement.className"),
        serde_json::json!("skip")
    );
    assert_ne!(
        b.eval("document.activeElement.getBoundingClientRect().left < 0"),
        serde_json::json!(true),
        "the skip link is visible when focused"
    );
    // Each question: Tab to the first choice (every element focused on
    // the way shows its focus), arrows to pick, Tab to the button, Enter.
    let picks = [("type_ressource", 1), ("algo_administration", 0)];
    for (id, downs) in picks {
        let mut tabs = 0;
        loop {
            b.key("Tab");
            tabs += 1;
            assert!(tabs < 30, "Tab never reaches the choices of {id}");
            let focus = b.eval(
                "(function () { var e = document.activeElement; var s = getComputedStyle(e); return { name: e.name || '', tag: e.tagName, outline: s.outlineStyle, width: s.outlineWidth }; })()",
            );
            assert_ne!(focus["outline"], "none", "no visible focus on {focus}");
            if focus["name"] == id {
                break;
            }
        }
        // Space checks the focused choice; arrows move and check.
        b.key(" ");
        for _ in 0..downs {
            b.key("ArrowDown");
        }
        let checked = b.eval(&format!(
            "(function () {{ var r = document.querySelector('input[name=\"{id}\"]:checked'); return r ? r.value : null; }})()"
        ));
        assert!(checked.is_string(), "{id}: nothing checked");
        let mut tabs = 0;
        loop {
            b.key("Tab");
            tabs += 1;
            assert!(tabs < 10, "Tab never reaches the button");
            if b.eval("document.activeElement.tagName") == serde_json::json!("BUTTON") {
                break;
            }
        }
        b.clear_events();
        b.key("Enter");
        b.event("Page.loadEventFired");
        let url = b.url();
        assert!(
            url.contains(&format!("{id}={}", checked.as_str().unwrap())),
            "{url}"
        );
    }
    // « Plus de détails » opens with the keyboard.
    let mut tabs = 0;
    loop {
        b.key("Tab");
        tabs += 1;
        assert!(tabs < 40, "Tab never reaches « Plus de détails »");
        if b.eval("document.activeElement.tagName") == serde_json::json!("SUMMARY") {
            break;
        }
    }
    b.key("Enter");
    assert_eq!(
        b.eval("document.activeElement.parentElement.open"),
        serde_json::json!(true)
    );
}
