//! `aiguillage serve`: the same trees in a web browser, on the same
//! engine, outputs and documents as the terminal.
//!
//! A decision is a URL: the query string is the answers file
//! ([`query`]), so the server keeps no session and stores nothing — a
//! decision can be bookmarked, sent, resumed, and the server restarted or
//! replicated at will. Going back, the review and editing follow the
//! session's rule for changed answers ([`crate::front::session::change`]).
//! The pages ([`pages`]) are written through the report's escaping layer
//! and need no JavaScript.
//!
//! Safe by default: loopback unless told otherwise; request headers,
//! bodies and time bounded; strict headers on every response; no path
//! from a request to the file system (every page and file is made in
//! memory); nothing logged that came from a request but, with `--log`,
//! the method, the route, the status and the time.
//!
//! Stack: axum (routing, multipart) on hyper and tokio — the maintained
//! default in Rust; connections are served by hyper directly, for its
//! header read timeout (slow clients) and a bound on their number.

pub(crate) mod msg;
pub mod pages;
pub mod query;

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, MatchedPath, Multipart, Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::core::catalog::Bundle;
use crate::core::documents::Templates;
use crate::core::engine::{self, AnswerError, Decision, Evaluation, Step};
use crate::core::model::{AnswersFile, Questionnaire};
use crate::front::cli::ServeArgs;
use crate::front::error::Error;
use crate::front::session::{self, Dropped};
use crate::output;
use crate::text::i18n::{self, texts};
use query::{Query, QueryError};

/// The largest inventory (or answers file) sent: some 50 000 rows of a
/// real inventory.
pub const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;

/// The largest answers file sent as the body of a `POST /`.
pub const MAX_ANSWERS_BYTES: usize = 1024 * 1024;

/// The time a client has to send its request headers (a slow client
/// holds a connection for no more).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The time a request has, body included, to be answered.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The longest a connection is kept, however busy.
pub const CONNECTION_LIFETIME: Duration = Duration::from_secs(300);

/// The most connections served at once; the next ones wait to be
/// accepted.
pub const MAX_CONNECTIONS: usize = 1024;

/// The room for a request's line and headers: the longest query string
/// and then some.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Every response's headers: no script, no frame, no resource from
/// elsewhere, no address (which holds the answers) sent to another site.
const SECURITY_HEADERS: [(&str, &str); 6] = [
    (
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
];

/// What every request reads: the content, loaded once.
pub struct App {
    bundle: Bundle,
    templates: Templates,
    /// The ids of the documents' fields.
    fields: Vec<String>,
    /// The longest number of questions from each question to an outcome.
    longest: HashMap<String, usize>,
    log: bool,
}

impl App {
    /// The server's state for `bundle` and the built-in document
    /// templates; with `log`, each request is logged on stderr.
    pub fn new(bundle: Bundle, log: bool) -> Result<App, Error> {
        let templates = Templates::builtin()?;
        let fields = templates.fields.iter().map(|f| f.id.clone()).collect();
        let mut longest = HashMap::new();
        let ids: Vec<String> = bundle.asked_ids().map(str::to_owned).collect();
        for id in &ids {
            session::longest(&bundle, id, &mut longest);
        }
        Ok(App {
            bundle,
            templates,
            fields,
            longest,
            log,
        })
    }

    fn field_ids(&self) -> Vec<&str> {
        self.fields.iter().map(String::as_str).collect()
    }

    /// The query string read, or the page that says what is wrong.
    fn read(&self, raw: &str) -> Result<Query, Box<Response>> {
        query::read(raw, &self.bundle, &self.field_ids())
            .map_err(|e| Box::new(bad_request(vec![e.message()])))
    }

    /// The questionnaire to start from.
    fn start(&self, q: &Query) -> Result<&Questionnaire, Box<Response>> {
        engine::find_questionnaire(&self.bundle, q.questionnaire.as_deref())
            .map_err(|e| Box::new(answer_errors(&[e])))
    }

    /// Where the answers lead.
    fn evaluate<'a>(
        &'a self,
        start: &'a Questionnaire,
        answers: &BTreeMap<String, crate::core::model::Answer>,
    ) -> Result<Evaluation<'a>, Box<Response>> {
        engine::evaluate(&self.bundle, start, answers).map_err(|e| Box::new(answer_errors(&e)))
    }

    /// The address of a state (its query string).
    fn here(&self, q: &Query) -> String {
        query::write(
            &self.bundle,
            q.questionnaire.as_deref(),
            &q.answers,
            &q.fields,
        )
    }

    /// `at_most` for a question asked after `asked` answers.
    fn progress(&self, id: &str, path: &[Step]) -> (usize, usize) {
        let asked = path.iter().filter(|s| !s.computed).count();
        let rest = self.longest.get(id).copied().unwrap_or(1);
        (asked + 1, asked + rest.max(1))
    }

    /// The page the answers lead to: the next question, or the decision.
    fn show(&self, q: &Query, dropped: &[Dropped]) -> Result<Response, Box<Response>> {
        let start = self.start(q)?;
        let here = self.here(q);
        Ok(match self.evaluate(start, &q.answers)? {
            Evaluation::Pending { question, path } => html(
                StatusCode::OK,
                pages::question(&pages::Ask {
                    bundle: &self.bundle,
                    question,
                    path: &path,
                    questionnaire: q.questionnaire.as_deref(),
                    answers: &q.answers,
                    fields: &q.fields,
                    selected: None,
                    editing: None,
                    progress: self.progress(&question.id, &path),
                    dropped,
                    unanswered: q.empty.contains(&question.id),
                    here: &here,
                }),
            ),
            Evaluation::Done(d) => {
                let d = self.with_changes(*d, start, q);
                html(StatusCode::OK, pages::decision(&d, &here, dropped))
            }
        })
    }

    /// The decision with « ce qui changerait le résultat ».
    fn with_changes(&self, mut d: Decision, start: &Questionnaire, q: &Query) -> Decision {
        if crate::core::change::worth_working_out(d.path.len()) {
            d.what_would_change = Some(crate::core::change::what_would_change(
                &self.bundle,
                start,
                &q.answers,
            ));
        }
        d
    }

    /// The decision the answers lead to, or a page saying they do not yet.
    fn decided(&self, q: &Query) -> Result<(Decision, &Questionnaire), Box<Response>> {
        let start = self.start(q)?;
        match self.evaluate(start, &q.answers)? {
            Evaluation::Done(d) => Ok((self.with_changes(*d, start, q), start)),
            Evaluation::Pending { .. } => Err(Box::new(bad_request(vec![msg::incomplete()]))),
        }
    }

    fn next(&self, raw: &str) -> Result<Response, Box<Response>> {
        let q = self.read(raw)?;
        self.show(&q, &[])
    }

    fn review(&self, raw: &str) -> Result<Response, Box<Response>> {
        let q = self.read(raw)?;
        let start = self.start(&q)?;
        let (path, complete) = match self.evaluate(start, &q.answers)? {
            Evaluation::Pending { path, .. } => (path, false),
            Evaluation::Done(d) => (d.path, true),
        };
        Ok(html(
            StatusCode::OK,
            pages::review(&path, &self.here(&q), complete),
        ))
    }

    /// `/modifier/ID`: the form that changes an answer of the path, or,
    /// sent with `was.ID`, the change made by the session's rule.
    fn edit(&self, id: &str, raw: &str) -> Result<Response, Box<Response>> {
        let mut q = self.read(raw)?;
        let Some(question) = self.bundle.question(id) else {
            return Err(Box::new(answer_errors(&[AnswerError::UnknownQuestion {
                id: id.to_owned(),
                suggestion: crate::text::suggest::did_you_mean(id, self.bundle.asked_ids())
                    .map(str::to_owned),
            }])));
        };
        let start = self.start(&q)?;
        if let Some((was_id, before)) = q.was.clone()
            && was_id == id
        {
            let Some(answer) = q.answers.remove(id) else {
                // Sent without an answer: the form again, saying so.
                q.answers.insert(id.to_owned(), before.clone());
                return self.edit_form(&q, start, question, true);
            };
            let dropped = session::change(
                &self.bundle,
                start,
                &mut q.answers,
                question,
                answer,
                Some(&before),
            )
            .map_err(|e| match e {
                Error::Answers(errors) => Box::new(answer_errors(&errors)),
                other => Box::new(internal(&other)),
            })?;
            q.was = None;
            let told: Vec<Dropped> = dropped
                .iter()
                .map(|(id, a)| session::describe(&self.bundle, id, a))
                .collect();
            return self.show(&q, &told);
        }
        self.edit_form(&q, start, question, false)
    }

    fn edit_form(
        &self,
        q: &Query,
        start: &Questionnaire,
        question: &crate::core::model::Question,
        unanswered: bool,
    ) -> Result<Response, Box<Response>> {
        let path = match self.evaluate(start, &q.answers)? {
            Evaluation::Pending { path, .. } => path,
            Evaluation::Done(d) => d.path,
        };
        let at = path
            .iter()
            .position(|s| s.question == question.id && !s.computed);
        let (Some(at), Some(current)) = (at, q.answers.get(&question.id)) else {
            return Err(Box::new(bad_request(vec![msg::not_on_path(
                &crate::text::escape::escape_inline(&question.id),
            )])));
        };
        let here = self.here(q);
        Ok(html(
            StatusCode::OK,
            pages::question(&pages::Ask {
                bundle: &self.bundle,
                question,
                path: &path[..at],
                questionnaire: q.questionnaire.as_deref(),
                answers: &q.answers,
                fields: &q.fields,
                selected: Some(current),
                editing: Some(current),
                progress: self.progress(&question.id, &path[..at]),
                dropped: &[],
                unanswered,
                here: &here,
            }),
        ))
    }

    /// `/telecharger/FILE`: the answers file, the decision as JSON or
    /// Markdown, the HTML report.
    fn download(&self, file: &str, raw: &str) -> Result<Response, Box<Response>> {
        let q = self.read(raw)?;
        if file == "reponses.json" {
            let start = self.start(&q)?;
            self.evaluate(start, &q.answers)?;
            let answers = AnswersFile {
                questionnaire: Some(start.id.clone()),
                given_against: Some(crate::core::stamp::stamp(&self.bundle, start, &q.answers)),
                answers: q.answers.clone(),
                fields: q.fields.clone(),
                ..AnswersFile::default()
            };
            let order: Vec<&str> = self.bundle.asked_ids().collect();
            let text = crate::front::answers::to_text(&answers, &order)
                .map_err(|e| Box::new(internal(&e)))?;
            return Ok(attachment(file, "application/json", text));
        }
        let (d, _) = self.decided(&q)?;
        let (kind, text) = match file {
            "decision.json" => ("application/json", output::json::json(&d)),
            "decision.md" => (
                "text/markdown; charset=utf-8",
                output::markdown::markdown(&output::escaped::escaped(&d), texts()),
            ),
            "rapport.html" => (
                "text/html; charset=utf-8",
                output::html::html(&output::escaped::escaped(&d)),
            ),
            _ => return Err(Box::new(not_found())),
        };
        Ok(attachment(file, kind, text))
    }

    /// The fields the documents of `d` use, with what to offer in each.
    fn documents_page(&self, raw: &str) -> Result<Response, Box<Response>> {
        let q = self.read(raw)?;
        let (d, _) = self.decided(&q)?;
        let t = &self.templates;
        let needed = output::documents::needed_fields(t, &self.bundle, &d, &q.fields);
        let asked: Vec<pages::FieldAsk<'_>> = needed
            .iter()
            .map(|f| pages::FieldAsk {
                id: &f.id,
                label: &f.label,
                help: &f.help,
                value: q
                    .fields
                    .get(&f.id)
                    .cloned()
                    .or_else(|| output::documents::proposed(t, &d, f)),
            })
            .collect();
        let rendered = output::documents::render(t, &self.bundle, &d, &q.fields);
        Ok(html(
            StatusCode::OK,
            pages::documents(
                &self.bundle,
                q.questionnaire.as_deref(),
                &q.answers,
                &asked,
                &rendered,
                &self.here(&q),
            ),
        ))
    }

    /// `/documents/FILE`: one document of the decision, made in memory.
    fn document(&self, file: &str, raw: &str) -> Result<Response, Box<Response>> {
        let q = self.read(raw)?;
        let (d, _) = self.decided(&q)?;
        let rendered = output::documents::render(&self.templates, &self.bundle, &d, &q.fields);
        let Some(r) = rendered.into_iter().find(|r| r.file == file) else {
            return Err(Box::new(bad_request(vec![msg::unknown_file(
                &crate::text::escape::escape_inline(file),
            )])));
        };
        let kind = match r.file.rsplit('.').next() {
            Some("md") => "text/markdown; charset=utf-8",
            Some("html") => "text/html; charset=utf-8",
            Some("json") => "application/json",
            Some("csv") => "text/csv; charset=utf-8",
            Some("yml" | "yaml") => "application/yaml",
            _ => "text/plain; charset=utf-8",
        };
        Ok(attachment(&r.file, kind, r.text))
    }

    /// `POST /`: an answers file, as JSON, gives the page its answers
    /// lead to.
    fn posted(&self, name: &str, bytes: &[u8]) -> Result<Response, Box<Response>> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return Err(Box::new(bad_request(vec![format!(
                "{name}: {}",
                texts().io_not_utf8
            )])));
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file = crate::front::answers::parse(name, text)
            .map_err(|e| Box::new(bad_request(vec![e.to_string()])))?;
        let loaded = crate::front::answers::Loaded {
            file,
            name: name.to_owned(),
            text: text.to_owned(),
        };
        let f = &loaded.file;
        let fields = self.field_ids();
        if let Some(id) = f.fields.keys().find(|id| !fields.contains(&id.as_str())) {
            let e = QueryError::UnknownField {
                id: id.clone(),
                suggestion: crate::text::suggest::did_you_mean(id, fields.iter().copied())
                    .map(str::to_owned),
            };
            return Err(Box::new(bad_request(vec![e.message()])));
        }
        let start = engine::find_questionnaire(&self.bundle, f.questionnaire.as_deref())
            .map_err(|e| Box::new(bad_request(vec![loaded.locate(vec![e]).to_string()])))?;
        engine::evaluate(&self.bundle, start, &f.answers)
            .map_err(|e| Box::new(bad_request(vec![loaded.locate(e).to_string()])))?;
        let q = Query {
            questionnaire: f.questionnaire.clone(),
            answers: f.answers.clone(),
            fields: f.fields.clone(),
            ..Query::default()
        };
        self.show(&q, &[])
    }
}

/// An HTML page.
fn html(status: StatusCode, page: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// A file to save, named `file` (a name of the program's, never one
/// taken from a request).
fn attachment(file: &str, kind: &'static str, body: String) -> Response {
    let safe: String = file
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// Status 400 and a page listing what is wrong.
fn bad_request(messages: Vec<String>) -> Response {
    html(
        StatusCode::BAD_REQUEST,
        pages::problem(&msg::error_title(), &msg::error_intro(), &messages),
    )
}

/// The engine's answer errors, said as for an answers file (the first
/// ones, then how many more).
fn answer_errors(errors: &[AnswerError]) -> Response {
    use crate::text::limits::{MAX_SHOWN_ERRORS, more_errors};
    let t = texts();
    let mut messages: Vec<String> = errors
        .iter()
        .take(MAX_SHOWN_ERRORS)
        .map(|e| output::answer::message(e, t))
        .collect();
    messages.extend(more_errors(errors.len()));
    bad_request(messages)
}

fn not_found() -> Response {
    html(
        StatusCode::NOT_FOUND,
        pages::problem(&msg::not_found_title(), &msg::not_found(), &[]),
    )
}

fn internal(e: &Error) -> Response {
    eprintln!(
        "aiguillage serve: {}",
        crate::text::escape::escape(&e.to_string())
    );
    html(
        StatusCode::INTERNAL_SERVER_ERROR,
        pages::problem(&msg::internal_title(), &msg::internal(), &[]),
    )
}

/// A size as the interface writes it: « 8 Mio ».
fn size(bytes: usize) -> String {
    let units = match i18n::current() {
        i18n::Lang::Fr => ["Kio", "Mio"],
        i18n::Lang::En => ["KiB", "MiB"],
    };
    crate::text::limits::size(bytes as u64, units)
}

fn too_big(limit: usize) -> Response {
    let limit = size(limit);
    html(
        StatusCode::PAYLOAD_TOO_LARGE,
        pages::problem(&msg::too_big_title(), &msg::too_big(&limit), &[]),
    )
}

/// A page or the page that says why not.
fn either(r: Result<Response, Box<Response>>) -> Response {
    r.unwrap_or_else(|e| *e)
}

/// The path after `prefix`, decoded; `None` when it is not UTF-8.
fn tail(uri: &Uri, prefix: &str) -> Option<String> {
    let rest = uri.path().strip_prefix(prefix)?;
    percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

type Shared = State<&'static App>;

async fn home(State(app): Shared, uri: Uri) -> Response {
    either(app.next(uri.query().unwrap_or("")))
}

async fn review(State(app): Shared, uri: Uri) -> Response {
    either(app.review(uri.query().unwrap_or("")))
}

async fn edit(State(app): Shared, uri: Uri) -> Response {
    match tail(&uri, "/modifier/") {
        Some(id) => either(app.edit(&id, uri.query().unwrap_or(""))),
        None => bad_request(vec![query::msg::not_utf8(0)]),
    }
}

async fn download(State(app): Shared, uri: Uri) -> Response {
    match tail(&uri, "/telecharger/") {
        Some(file) => either(app.download(&file, uri.query().unwrap_or(""))),
        None => not_found(),
    }
}

async fn documents(State(app): Shared, uri: Uri) -> Response {
    either(app.documents_page(uri.query().unwrap_or("")))
}

async fn document(State(app): Shared, uri: Uri) -> Response {
    match tail(&uri, "/documents/") {
        Some(file) => either(app.document(&file, uri.query().unwrap_or(""))),
        None => not_found(),
    }
}

async fn glossary(State(app): Shared) -> Response {
    html(StatusCode::OK, pages::glossary(&app.bundle))
}

async fn style() -> Response {
    static CSS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let css = CSS.get_or_init(pages::stylesheet).clone();
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        css,
    )
        .into_response()
}

fn upload_limit_label() -> String {
    size(MAX_UPLOAD_BYTES)
}

async fn inventory_form() -> Response {
    html(
        StatusCode::OK,
        pages::inventory(&upload_limit_label(), None, None),
    )
}

/// An uploaded file: its name (the last part only) and its bytes.
struct Upload {
    name: String,
    bytes: Vec<u8>,
    /// The other fields of the form, by name.
    values: BTreeMap<String, String>,
}

/// Reads a multipart form: the file under `file_field`, and the short
/// fields. `Err` is the page to answer.
async fn read_form(app: &'static App, req: Request, file_field: &str) -> Result<Upload, Response> {
    let bad = |m: String| inventory_problem(StatusCode::BAD_REQUEST, &m);
    let mut form = Multipart::from_request(req, &app)
        .await
        .map_err(|_| bad(msg::bad_upload()))?;
    let mut upload = Upload {
        name: String::new(),
        bytes: Vec::new(),
        values: BTreeMap::new(),
    };
    let mut found = false;
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(too_big(MAX_UPLOAD_BYTES));
            }
            Err(_) => return Err(bad(msg::bad_upload())),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field {
            let file_name = field.file_name().unwrap_or_default();
            // The last part of the name only, and not too long: it is
            // quoted in messages and tells the format by its extension.
            upload.name = file_name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_control())
                .take(100)
                .collect();
            upload.bytes = match field.bytes().await {
                Ok(b) => b.to_vec(),
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return Err(too_big(MAX_UPLOAD_BYTES));
                }
                Err(_) => return Err(bad(msg::bad_upload())),
            };
            found = true;
        } else if upload.values.len() < 8 {
            let text = field.text().await.map_err(|_| bad(msg::bad_upload()))?;
            upload.values.insert(name, text.chars().take(100).collect());
        }
    }
    if !found || upload.bytes.is_empty() {
        return Err(bad(msg::no_file()));
    }
    Ok(upload)
}

fn inventory_problem(status: StatusCode, message: &str) -> Response {
    html(
        status,
        pages::inventory(&upload_limit_label(), None, Some(message)),
    )
}

/// `POST /inventaire`: the inventory decided, as a summary page or the
/// CSV of the records.
async fn inventory(State(app): Shared, req: Request) -> Response {
    let upload = match read_form(app, req, "inventaire").await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let csv = upload.values.get("sortie").is_some_and(|v| v == "csv");
    let name = if upload.name.is_empty() {
        "inventaire".to_owned()
    } else {
        upload.name
    };
    let bytes = upload.bytes;
    let decided = tokio::task::spawn_blocking(move || {
        crate::front::batch::decide_upload(
            &app.bundle,
            &bytes,
            &name,
            crate::front::batch::Output::Csv,
        )
    })
    .await;
    match decided {
        Ok(Ok((records, summary))) => {
            if csv {
                attachment(
                    "resultats.csv",
                    "text/csv; charset=utf-8",
                    String::from_utf8_lossy(&records).into_owned(),
                )
            } else {
                html(
                    StatusCode::OK,
                    pages::inventory(&upload_limit_label(), Some(&summary), None),
                )
            }
        }
        Ok(Err(e)) => inventory_problem(StatusCode::BAD_REQUEST, &e.to_string()),
        Err(_) => internal(&Error::Other(anyhow::anyhow!("inventory task"))),
    }
}

/// `POST /`: an answers file, as the body (JSON) or as the file of the
/// « reprendre » form.
async fn post_answers(State(app): Shared, req: Request) -> Response {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if multipart {
        let upload = match read_form(app, req, "reponses").await {
            Ok(u) => u,
            Err(_) => return bad_request(vec![msg::no_file()]),
        };
        if upload.bytes.len() > MAX_ANSWERS_BYTES {
            return too_big(MAX_ANSWERS_BYTES);
        }
        let name = if upload.name.is_empty() {
            "reponses.json".to_owned()
        } else {
            upload.name
        };
        return either(app.posted(&name, &upload.bytes));
    }
    match axum::body::to_bytes(req.into_body(), MAX_ANSWERS_BYTES).await {
        Ok(bytes) => either(app.posted("reponses.json", &bytes)),
        Err(_) => too_big(MAX_ANSWERS_BYTES),
    }
}

async fn fallback() -> Response {
    not_found()
}

async fn wrong_method() -> Response {
    html(
        StatusCode::METHOD_NOT_ALLOWED,
        pages::problem(&msg::method_title(), &msg::method(), &[]),
    )
}

/// Around every request: its time bounded, the strict headers set, and,
/// with `--log`, one line on stderr — the method, the route (not the
/// address: it holds the answers), the status and the time.
async fn guard(State(app): Shared, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("-", |m| m.as_str())
        .to_owned();
    let mut response = match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(r) => r,
        Err(_) => html(
            StatusCode::REQUEST_TIMEOUT,
            pages::problem(&msg::timeout_title(), &msg::timeout(), &[]),
        ),
    };
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    if app.log {
        eprintln!(
            "{method} {route} {} {:.1} ms",
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    response
}

/// Every route of the server.
pub fn router(app: &'static App) -> Router {
    Router::new()
        .route("/", get(home).post(post_answers))
        .route("/revoir", get(review))
        .route("/modifier/{id}", get(edit))
        .route("/telecharger/{file}", get(download))
        .route("/documents", get(documents))
        .route("/documents/{file}", get(document))
        .route("/inventaire", get(inventory_form).post(inventory))
        .route("/glossaire", get(glossary))
        .route("/style.css", get(style))
        .fallback(fallback)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn_with_state(app, guard))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .with_state(app)
}

/// `aiguillage serve`: serves until Ctrl-C or SIGTERM.
pub fn serve(bundle: Bundle, args: &ServeArgs) -> Result<(), Error> {
    let app: &'static App = Box::leak(Box::new(App::new(bundle, args.log)?));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Other(e.into()))?;
    runtime.block_on(run(app, args.addr))
}

async fn run(app: &'static App, addr: SocketAddr) -> Result<(), Error> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        Error::Usage(msg::cannot_listen(
            &addr.to_string(),
            &crate::front::error::io_reason(&e),
        ))
    })?;
    let local = listener.local_addr().map_err(|e| Error::Other(e.into()))?;
    println!("{}", msg::listening(&format!("http://{local}/")));
    if !local.ip().is_loopback() {
        eprintln!(
            "{}: {}",
            console::style(texts().warning).for_stderr().yellow().bold(),
            msg::not_loopback()
        );
    }
    eprintln!("{}", msg::stop_hint());
    let router = router(app);
    let permits = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let stop = stopped();
    tokio::pin!(stop);
    loop {
        let permit = tokio::select! {
            _ = &mut stop => break,
            p = permits.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            _ = &mut stop => break,
            a = listener.accept() => match a {
                Ok((stream, _)) => stream,
                // Out of file descriptors, a connection reset before it
                // was accepted: wait a little and go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEADER_BYTES)
                .serve_connection(TokioIo::new(stream), service);
            let _ = tokio::time::timeout(CONNECTION_LIFETIME, connection).await;
            drop(permit);
        });
    }
    Ok(())
}

/// Ctrl-C, or SIGTERM (a service manager stopping the server).
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
