//! `aiguillage serve`, route by route, in the test process (the router
//! called without a socket), and the server itself on a port of its own
//! for what only a socket shows (its address on stdout, slow clients).
//!
//! The same answers give the same decision through a URL as through
//! `--answers`: the JSON download of every scenario is byte for byte what
//! `aiguillage --answers FILE --format json` prints.

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::sync::OnceLock;

use aiguillage::Bundle;
use aiguillage::front::web::{self, App};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

#[path = "support/server.rs"]
mod server;

use server::Server;

fn app() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| App::new(Bundle::builtin().unwrap(), false).unwrap())
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    })
}

/// A response: status, headers, body.
struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

fn send(req: Request<Body>) -> Got {
    runtime().block_on(async {
        let res = web::router(app()).oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        Got {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    })
}

fn get(uri: &str) -> Got {
    send(Request::get(uri).body(Body::empty()).unwrap())
}

/// A query string from answers as an answers file writes them.
fn query(answers: &serde_json::Map<String, serde_json::Value>) -> String {
    answers
        .iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("{}={}", enc(k), enc(&v))
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn scenario(name: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(format!("tests/scenarios/{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn scenario_query(name: &str) -> String {
    let s = scenario(name);
    let mut q = query(s["answers"].as_object().unwrap());
    if let Some(start) = s["questionnaire"].as_str() {
        q = format!("questionnaire={start}&{q}");
    }
    q
}

/// The README's example case (an algorithm of a small public body).
const CASE: &str = "type_ressource=algorithme&algo_administration=autre_public&algo_decision_individuelle=personnes_morales&algo_secret=non&algo_etp=20&algo_automatisation=aide_decision&algo_donnees_personnelles=false";

#[test]
fn every_response_carries_the_strict_headers() {
    for uri in ["/", "/nope", "/style.css", "/?x=1", "/glossaire"] {
        let got = get(uri);
        let h = &got.headers;
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'"), "{uri}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert!(
            !csp.contains("script-src"),
            "{uri}: no script at all: {csp}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{uri}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{uri}");
    }
}

#[test]
fn the_first_page_asks_the_first_question_in_a_fieldset() {
    let got = get("/");
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers["content-type"], "text/html; charset=utf-8");
    let b = &got.body;
    assert!(b.contains("<html lang=\"fr\">"), "{b}");
    assert!(b.contains("<a class=\"skip\" href=\"#contenu\">"), "{b}");
    assert!(b.contains("<fieldset"), "{b}");
    assert!(b.contains("<legend><h1>Sur quel type de ressource"), "{b}");
    assert!(
        b.contains("type=\"radio\" id=\"choix-2\" name=\"type_ressource\" value=\"algorithme\""),
        "{b}"
    );
    assert!(b.contains("<label for=\"choix-2\">"), "{b}");
    assert!(b.contains("<details class=\"more\">"), "{b}");
    assert!(b.contains("<form method=\"get\" action=\"/\""), "{b}");
    assert!(!b.contains("<script"), "{b}");
}

#[test]
fn answers_in_the_address_lead_to_the_next_question_with_them_carried_along() {
    let got = get("/?type_ressource=algorithme");
    assert_eq!(got.status, StatusCode::OK);
    let b = &got.body;
    assert!(b.contains("Question 2 sur"), "{b}");
    assert!(
        b.contains("<input type=\"hidden\" name=\"type_ressource\" value=\"algorithme\">"),
        "{b}"
    );
    assert!(b.contains("name=\"algo_administration\""), "{b}");
    // Back: the previous question, its answer offered.
    assert!(
        b.contains("href=\"/modifier/type_ressource?type_ressource=algorithme\""),
        "{b}"
    );
    let back = get("/modifier/type_ressource?type_ressource=algorithme");
    assert!(
        back.body.contains("value=\"algorithme\" required checked"),
        "{}",
        back.body
    );
    assert!(
        back.body
            .contains("name=\"was.type_ressource\" value=\"algorithme\""),
        "{}",
        back.body
    );
}

#[test]
fn a_form_sent_without_an_answer_asks_again_and_says_so() {
    let got = get("/?type_ressource=algorithme&algo_administration=");
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.contains("role=\"alert\""), "{}", got.body);
    assert!(got.body.contains("aria-invalid=\"true\""), "{}", got.body);
}

#[test]
fn the_decision_page_has_the_brief_the_detail_the_changes_and_the_downloads() {
    let got = get(&format!("/?{CASE}"));
    assert_eq!(got.status, StatusCode::OK);
    let b = &got.body;
    assert!(
        b.contains("<span class=\"verdict must\">Obligation</span>"),
        "{b}"
    );
    assert!(b.contains("L&#39;essentiel"), "{b}");
    assert!(b.contains("<summary>Tout le détail</summary>"), "{b}");
    assert!(b.contains("Ce qui changerait le résultat"), "{b}");
    assert!(b.contains("https://www.legifrance.gouv.fr/"), "{b}");
    for file in [
        "reponses.json",
        "decision.json",
        "decision.md",
        "rapport.html",
    ] {
        assert!(
            b.contains(&format!("href=\"/telecharger/{file}?")),
            "{file}"
        );
    }
    assert!(
        b.contains(&format!("href=\"/?{}\"", CASE.replace('&', "&amp;"))),
        "{b}"
    );
}

#[test]
fn the_same_answers_give_the_same_decision_through_a_url_as_through_answers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("tests/scenarios"))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "json")
                .then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() > 20);
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        let s = scenario(&name);
        // The scenario's answers file: its questionnaire and answers.
        let file = dir.path().join(format!("{name}.json"));
        let mut answers = serde_json::Map::new();
        if let Some(q) = s.get("questionnaire") {
            answers.insert("questionnaire".into(), q.clone());
        }
        answers.insert("answers".into(), s["answers"].clone());
        std::fs::write(&file, serde_json::Value::Object(answers).to_string()).unwrap();
        let expect = &s["expect"];
        let cli = assert_cmd::Command::cargo_bin("aiguillage")
            .unwrap()
            .env_clear()
            .args(["--format", "json", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        let web = get(&format!(
            "/telecharger/decision.json?{}",
            scenario_query(&name)
        ));
        if !cli.status.success() {
            // A scenario that expects an error: the page says it, with 400.
            assert_eq!(web.status, StatusCode::BAD_REQUEST, "{name}");
            continue;
        }
        assert_eq!(web.status, StatusCode::OK, "{name}: {}", web.body);
        assert_eq!(web.body, String::from_utf8(cli.stdout).unwrap(), "{name}");
        let d: serde_json::Value = serde_json::from_str(&web.body).unwrap();
        if let Some(outcome) = expect.get("outcome") {
            assert_eq!(&d["outcome"]["id"], outcome, "{name}");
        }
        // The page shows the outcome's title.
        let page = get(&format!("/?{}", scenario_query(&name)));
        let title = d["outcome"]["title"]
            .as_str()
            .unwrap()
            .replace('\'', "&#39;");
        assert!(page.body.contains(&title), "{name}: {title}");
    }
}

#[test]
fn the_review_lists_every_answer_with_a_link_to_change_it() {
    let got = get(&format!("/revoir?{CASE}"));
    assert_eq!(got.status, StatusCode::OK);
    let b = &got.body;
    assert_eq!(b.matches("href=\"/modifier/").count(), 7, "{b}");
    assert!(
        b.contains("<span class=\"sr-only\"> : Combien d&#39;agents"),
        "{b}"
    );
    assert!(b.contains("Voir la décision"), "{b}");
}

#[test]
fn an_edit_that_changes_the_path_drops_the_answers_it_no_longer_reaches_and_says_so() {
    let changed = CASE.replace(
        "algo_administration=autre_public",
        "algo_administration=aucun",
    );
    let got = get(&format!(
        "/modifier/algo_administration?{changed}&was.algo_administration=autre_public"
    ));
    assert_eq!(got.status, StatusCode::OK);
    let b = &got.body;
    assert!(b.contains("ne s&#39;appliquent plus"), "{b}");
    assert!(b.contains("20 (Moins de 50 ETP)"), "{b}");
    assert!(b.contains("verdict not-concerned"), "{b}");
    // The links of the new state carry only the answers kept.
    assert!(
        b.contains("href=\"/?type_ressource=algorithme&amp;algo_administration=aucun\""),
        "{b}"
    );
    // The same answer again changes nothing and drops nothing.
    let same = get(&format!(
        "/modifier/algo_administration?{CASE}&was.algo_administration=autre_public"
    ));
    assert!(
        !same.body.contains("ne s&#39;appliquent plus"),
        "{}",
        same.body
    );
    assert!(same.body.contains("verdict must"), "{}", same.body);
    // An answer given for one path never steers another one unseen: a
    // change that keeps the branch keeps the later answers.
    let kept = CASE.replace("algo_etp=20", "algo_etp=30");
    let got = get(&format!("/modifier/algo_etp?{kept}&was.algo_etp=20"));
    assert!(
        !got.body.contains("ne s&#39;appliquent plus"),
        "{}",
        got.body
    );
    assert!(got.body.contains("verdict must"), "{}", got.body);
}

#[test]
fn editing_a_question_off_the_path_is_refused() {
    let got = get(&format!("/modifier/donnees_organisme?{CASE}"));
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(
        got.body.contains("n&#39;est pas une question posée"),
        "{}",
        got.body
    );
    let got = get(&format!("/modifier/algo_etq?{CASE}"));
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(
        got.body.contains("vouliez-vous dire « algo_etp »"),
        "{}",
        got.body
    );
}

#[test]
fn the_answers_file_downloaded_reads_back_as_the_same_answers() {
    let got = get(&format!(
        "/telecharger/reponses.json?{CASE}&fields.organisme=Mairie"
    ));
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.headers["content-disposition"],
        "attachment; filename=\"reponses.json\""
    );
    let file = aiguillage::front::answers::parse("r.json", &got.body).unwrap();
    assert_eq!(file.answers.len(), 7);
    assert_eq!(file.fields["organisme"], "Mairie");
    assert_eq!(file.questionnaire.as_deref(), Some("accueil"));
    assert!(file.given_against.is_some());
    for (file, kind) in [
        ("decision.md", "text/markdown; charset=utf-8"),
        ("rapport.html", "text/html; charset=utf-8"),
    ] {
        let got = get(&format!("/telecharger/{file}?{CASE}"));
        assert_eq!(got.status, StatusCode::OK, "{file}");
        assert_eq!(got.headers["content-type"], kind, "{file}");
        assert!(
            got.body
                .contains("Appliquez les obligations de transparence"),
            "{file}"
        );
    }
    assert_eq!(
        get(&format!("/telecharger/x.exe?{CASE}")).status,
        StatusCode::NOT_FOUND
    );
    // Nothing to download before the decision but the answers.
    assert_eq!(
        get("/telecharger/decision.json?type_ressource=algorithme").status,
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn the_documents_are_drafted_from_the_fields_in_the_address() {
    let case = scenario_query("A2");
    let got = get(&format!("/documents?{case}"));
    assert_eq!(got.status, StatusCode::OK);
    let b = &got.body;
    assert!(b.contains("name=\"fields.organisme\""), "{b}");
    assert!(b.contains("href=\"/documents/rapport.html?"), "{b}");
    let file = b
        .split("href=\"/documents/")
        .nth(1)
        .and_then(|s| s.split('?').next())
        .unwrap()
        .to_owned();
    let got = get(&format!(
        "/documents/{file}?{case}&fields.organisme=Commune+de+Test"
    ));
    assert_eq!(got.status, StatusCode::OK, "{file}");
    assert!(got.body.contains("Commune de Test"), "{file}: {}", got.body);
    assert!(
        got.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"),
        "{file}"
    );
    let got = get(&format!("/documents/..%2F..%2Fetc%2Fpasswd?{case}"));
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    let got = get(&format!("/documents?{case}&fields.organism=x"));
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(
        got.body.contains("vouliez-vous dire « organisme »"),
        "{}",
        got.body
    );
}

#[test]
fn the_glossary_and_the_stylesheet_are_served() {
    let got = get("/glossaire");
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.contains("<dl class=\"glossary\">"), "{}", got.body);
    let css = get("/style.css");
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    assert!(css.body.contains(":focus"), "{}", css.body);
}

/// A multipart form with one file and some fields.
fn multipart(
    uri: &str,
    file_field: &str,
    file_name: &str,
    bytes: &[u8],
    fields: &[(&str, &str)],
) -> Got {
    let boundary = "----aiguillage-test";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    send(
        Request::post(uri)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap(),
    )
}

const INVENTORY: &str = "\
id;type_ressource;algo_administration;algo_decision_individuelle;algo_secret;algo_etp;algo_automatisation;algo_donnees_personnelles;algo_aide_donnees_sensibles
subventions;algorithme;autre_public;personnes_morales;non;20;aide_decision;non;non
bourses;algorithme;collectivite;personnes_physiques;non;1200;aide_decision;oui;non
cantine;algorithme;collectivite;personnes_physiques;non;1200;aide_decisoin;oui;non
";

#[test]
fn an_inventory_uploaded_gives_the_batch_records_and_its_errors_by_line() {
    let got = multipart(
        "/inventaire",
        "inventaire",
        "inventaire.csv",
        INVENTORY.as_bytes(),
        &[("sortie", "bilan")],
    );
    assert_eq!(got.status, StatusCode::OK, "{}", got.body);
    let b = &got.body;
    assert!(b.contains("3 cas : 2 décidé(s)"), "{b}");
    assert!(b.contains("<strong>Ligne 4 (cantine)</strong>"), "{b}");
    assert!(b.contains("vouliez-vous dire « aide_decision »"), "{b}");
    let csv = multipart(
        "/inventaire",
        "inventaire",
        "inventaire.csv",
        INVENTORY.as_bytes(),
        &[("sortie", "csv")],
    );
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventaire.csv");
    std::fs::write(&path, INVENTORY).unwrap();
    let out = assert_cmd::Command::cargo_bin("aiguillage")
        .unwrap()
        .env_clear()
        .args(["batch", "--format", "csv"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(csv.body, String::from_utf8(out.stdout).unwrap());
    // A header that names no question: the page says which column.
    let got = multipart(
        "/inventaire",
        "inventaire",
        "i.csv",
        b"type_resource\nalgorithme\n",
        &[],
    );
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.body.contains("colonne 1"), "{}", got.body);
    // No file.
    let got = multipart("/inventaire", "autre", "i.csv", b"x", &[]);
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
}

#[test]
fn an_answers_file_posted_gives_the_page_of_its_answers() {
    let json = format!(
        "{{\"answers\": {}}}",
        serde_json::to_string(&scenario("A2")["answers"]).unwrap()
    );
    let posted = send(
        Request::post("/")
            .header("content-type", "application/json")
            .body(Body::from(json.clone()))
            .unwrap(),
    );
    let got = get(&format!(
        "/?{}",
        scenario_query("A2").replace("questionnaire=accueil&", "")
    ));
    assert_eq!(posted.status, StatusCode::OK);
    assert_eq!(posted.body, got.body);
    let uploaded = multipart("/", "reponses", "cas.json", json.as_bytes(), &[]);
    assert_eq!(uploaded.body, got.body);
    // Malformed: the line and column, as for --answers.
    let bad = send(
        Request::post("/")
            .body(Body::from("{\n  \"answers\": {\n    \"a\": tru\n  }\n}"))
            .unwrap(),
    );
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("reponses.json:3:"), "{}", bad.body);
}

#[test]
fn bad_answers_get_a_page_that_says_what_is_wrong_with_status_400() {
    let cases: [(&str, &str); 8] = [
        (
            "/?type_ressourse=algorithme",
            "vouliez-vous dire « type_ressource »",
        ),
        ("/?type_ressource=algo", "valeurs permises"),
        ("/?type_ressource=algorithme&algo_etp=beaucoup", "nombre"),
        ("/?questionnaire=acceuil", "vouliez-vous dire « accueil »"),
        ("/?type_ressource=%FF", "n° 1"),
        ("/?type_ressource=%1B%5B2J", "caractère de contrôle"),
        ("/?a=1&a=2", "deux fois"),
        ("/?fields.x=%00", "caractère de contrôle"),
    ];
    for (uri, says) in cases {
        let got = get(uri);
        assert_eq!(got.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(got.body.contains(says), "{uri}: {}", got.body);
        assert!(!got.body.contains("\u{1b}"), "{uri}");
    }
}

#[test]
fn hostile_requests_get_a_bounded_clear_answer() {
    // 10 000 parameters.
    let many: String = "a&".repeat(10_000);
    let got = get(&format!("/?{many}"));
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.body.contains("paramètres"), "{}", got.body);
    assert!(got.body.len() < 10_000, "bounded: {}", got.body.len());
    // A query string past the limit.
    let long = format!("/?a={}", "x".repeat(web::query::MAX_QUERY_BYTES));
    let got = get(&long);
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.body.contains("trop longue"), "{}", got.body);
    // Unknown routes and `..`: no file is ever read.
    for uri in [
        "/nope",
        "/../../etc/passwd",
        "/style.css/..",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/telecharger/../Cargo.toml",
    ] {
        let got = get(uri);
        assert!(
            got.status == StatusCode::NOT_FOUND || got.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            got.status
        );
        assert!(
            !got.body.contains("[package]") && !got.body.contains("root:"),
            "{uri}"
        );
    }
    // Another method.
    let got = send(Request::delete("/").body(Body::empty()).unwrap());
    assert_eq!(got.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(got.body.contains("Méthode"), "{}", got.body);
    // A huge body.
    let huge = vec![b'{'; web::MAX_ANSWERS_BYTES + 10];
    let got = send(Request::post("/").body(Body::from(huge)).unwrap());
    assert_eq!(got.status, StatusCode::PAYLOAD_TOO_LARGE);
    let huge = vec![b'a'; web::MAX_UPLOAD_BYTES + 10];
    let got = multipart("/inventaire", "inventaire", "i.csv", &huge, &[]);
    assert_eq!(got.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", got.body);
    // Control characters in a page are escaped, never sent raw; a name
    // with markup stays text.
    let got = get("/?%3Cscript%3E=1");
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.body.contains("&lt;script&gt;"), "{}", got.body);
    assert!(!got.body.contains("<script>"), "{}", got.body);
}

/// The server on a port of its own: it prints its address, and a client
/// that sends its headers too slowly is cut off.
#[test]
fn the_server_prints_its_address_and_cuts_off_slow_clients() {
    let server = Server::start(&[], false);
    let addr = &server.addr;
    // A whole request.
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.write_all(
        b"GET /?type_ressource=algorithme HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200 OK"), "{out}");
    // Headers or an address past hyper's bound: refused with a status.
    for (request, status) in [
        (
            format!(
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
                "y".repeat(500_000)
            ),
            "HTTP/1.1 431",
        ),
        (
            format!(
                "GET /?a={} HTTP/1.1\r\nHost: x\r\n\r\n",
                "x".repeat(100_000)
            ),
            "HTTP/1.1 414",
        ),
    ] {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        // The server may close before reading it all: what it answered
        // is read all the same.
        let _ = s.write_all(request.as_bytes());
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with(status), "{status}: {out}");
    }
    // Slowloris: headers never finished. The server closes the connection
    // after its header timeout, well before the test's own bound.
    let mut slow = std::net::TcpStream::connect(addr).unwrap();
    slow.set_read_timeout(Some(web::HEADER_TIMEOUT * 3))
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = std::time::Instant::now();
    let mut rest = Vec::new();
    let read = slow.read_to_end(&mut rest);
    assert!(
        read.is_ok(),
        "the connection is closed, not left open: {read:?}"
    );
    assert!(
        started.elapsed() < web::HEADER_TIMEOUT * 2,
        "{:?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------
// docs/serve.md: its examples run, its deployment blocks are valid.

const DOCS: &str = include_str!("../docs/serve.md");

/// The first fenced block after `marker` in docs/serve.md.
fn docs_block(marker: &str) -> &'static str {
    let rest = &DOCS[DOCS
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in docs/serve.md"))..];
    let body = &rest[rest.find("```").unwrap()..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("```").unwrap()]
}

#[test]
fn the_docs_address_is_the_readme_case_and_gives_its_decision() {
    let url = docs_block("<!-- serve-example-url -->").trim();
    let path = url.strip_prefix("http://127.0.0.1:8080").unwrap();
    assert_eq!(path, format!("/?{CASE}"));
    let got = get(path);
    assert_eq!(got.status, StatusCode::OK);
    assert!(
        got.body
            .contains("Appliquez les obligations de transparence"),
        "{}",
        got.body
    );
    // The same answers posted as a file, as the docs' curl line does.
    let post = docs_block("<!-- serve-example-post -->");
    assert!(
        post.contains("curl --data-binary @cas.json http://127.0.0.1:8080/"),
        "{post}"
    );
    let readme = include_str!("../README.md");
    let start = readme.find("<!-- readme-example-answers -->").unwrap();
    let json = &readme[start..];
    let json = &json[json.find("```json\n").unwrap() + 8..];
    let json = &json[..json.find("```").unwrap()];
    let posted = send(
        Request::post("/")
            .body(Body::from(json.to_owned()))
            .unwrap(),
    );
    assert_eq!(posted.status, StatusCode::OK);
    assert_eq!(posted.body, got.body);
    // The README gives the command to start it.
    assert!(readme.contains("cargo run --release -- serve"));
    assert!(docs_block("<!-- serve-example-run -->").contains("cargo run --release -- serve"));
}

#[test]
fn with_log_each_request_is_one_line_without_the_answers() {
    let mut server = Server::start(&["--log"], true);
    let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
    s.write_all(
        format!("GET /modifier/algo_etp?{CASE} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200 OK"), "{out}");
    let mut err = std::io::BufReader::new(server.child.stderr.take().unwrap());
    let mut logged = String::new();
    while !logged.starts_with("GET ") {
        logged.clear();
        assert!(err.read_line(&mut logged).unwrap() > 0, "no log line");
    }
    assert!(logged.starts_with("GET /modifier/{id} 200 "), "{logged}");
    assert!(logged.trim_end().ends_with(" ms"), "{logged}");
    assert!(
        !logged.contains('?') && !logged.contains("algo"),
        "{logged}"
    );
}

/// A tool of the system, or why the check is skipped.
fn tool(name: &str) -> Option<std::path::PathBuf> {
    ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
        .or_else(|| {
            eprintln!("SKIPPED: {name} not installed");
            None
        })
}

#[test]
fn the_docs_nginx_block_passes_nginx_t() {
    let (Some(nginx), Some(openssl)) = (tool("nginx"), tool("openssl")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A certificate for the test, where the block names its own.
    let ok = std::process::Command::new(openssl)
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
        ])
        .arg("-keyout")
        .arg(d.join("key.pem"))
        .arg("-out")
        .arg(d.join("cert.pem"))
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(ok.success());
    let block = docs_block("<!-- serve-example-nginx -->")
        .replace(
            "/etc/ssl/certs/aiguillage.pem",
            &d.join("cert.pem").display().to_string(),
        )
        .replace(
            "/etc/ssl/private/aiguillage.key",
            &d.join("key.pem").display().to_string(),
        )
        .replace(
            "/var/log/nginx/aiguillage.log",
            &d.join("access.log").display().to_string(),
        );
    std::fs::write(d.join("aiguillage.conf"), block).unwrap();
    let conf = format!(
        "error_log {0}/error.log;\npid {0}/nginx.pid;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {0};\n  proxy_temp_path {0};\n  fastcgi_temp_path {0};\n  uwsgi_temp_path {0};\n  scgi_temp_path {0};\n  include {0}/aiguillage.conf;\n}}\n",
        d.display()
    );
    std::fs::write(d.join("nginx.conf"), conf).unwrap();
    let out = std::process::Command::new(nginx)
        .arg("-t")
        .arg("-p")
        .arg(d)
        .arg("-c")
        .arg(d.join("nginx.conf"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("syntax is ok"), "{said}");
}

#[test]
fn the_docs_systemd_unit_passes_systemd_analyze_verify() {
    let Some(analyze) = tool("systemd-analyze") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let unit = docs_block("<!-- serve-example-systemd -->").replace(
        "/usr/local/bin/aiguillage",
        &assert_cmd::cargo::cargo_bin("aiguillage")
            .display()
            .to_string(),
    );
    let path = dir.path().join("aiguillage.service");
    std::fs::write(&path, unit).unwrap();
    let out = std::process::Command::new(analyze)
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    // An unknown key is only a warning: none is allowed.
    let about_it: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("aiguillage.service"))
        .collect();
    assert!(about_it.is_empty(), "{said}");
}
