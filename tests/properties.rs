//! Property tests of the invariants the fuzz targets check (`fuzz/`), on
//! stable Rust and in CI: a few hundred generated cases each, in a few
//! seconds.
//!
//! - Answers files: any text is read or refused without a panic; an
//!   answers file saved is read back the same; what the engine decides is
//!   written by every output.
//! - Questionnaires: every path of a generated tree that passes its checks
//!   is decided by the engine as the listing says.
//! - Sessions: whatever the moves, the decision is the engine's for the
//!   answers kept, and those are all valid.
//! - Output hygiene: escaped text has no control character left.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::LazyLock;

use aiguillage::Bundle;
use aiguillage::core::engine::{self, Evaluation, Step};
use aiguillage::core::model::{Answer, AnswersFile, Question, QuestionKind};
use aiguillage::front::answers;
use aiguillage::front::error::Error;
use aiguillage::front::session::{Context, Notice, Prompter, Reply, ReviewReply, Session};
use aiguillage::output;
use aiguillage::text::{escape, glyphs, i18n};
use proptest::prelude::*;

static BUILTIN: LazyLock<Bundle> = LazyLock::new(|| Bundle::builtin().unwrap());

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// An answer of any kind, texts with control characters among them.
fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<bool>().prop_map(Answer::Bool),
        // Finite numbers only: JSON has no other.
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Answer::Number),
        (0u32..100_000).prop_map(|n| Answer::Number(f64::from(n) / 64.0)),
        any::<String>().prop_map(Answer::Text),
    ]
}

/// An id: one the built-in trees ask, or any string.
fn id() -> impl Strategy<Value = String> {
    let asked: Vec<String> = BUILTIN.asked_ids().map(str::to_owned).collect();
    prop_oneof![proptest::sample::select(asked), any::<String>()]
}

fn answers_file() -> impl Strategy<Value = AnswersFile> {
    (
        proptest::option::of(prop_oneof![
            Just("accueil".to_owned()),
            Just("donnees".to_owned()),
            any::<String>()
        ]),
        proptest::collection::btree_map(id(), answer(), 0..12),
    )
        .prop_map(|(questionnaire, answers)| AnswersFile {
            schema: None,
            questionnaire,
            answers,
            ..AnswersFile::default()
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_read_or_refused_without_a_panic(text in any::<String>()) {
        if let Err(e) = answers::parse("p.json", &text) {
            let message = e.to_string();
            prop_assert!(!message.contains("untagged"), "{}", message);
        }
    }

    #[test]
    fn a_saved_answers_file_reads_back_the_same(file in answers_file()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        let order: Vec<&str> = BUILTIN.asked_ids().collect();
        answers::save(&path, &file, &order).unwrap();
        let back = answers::read(&path).unwrap().file;
        prop_assert_eq!(&back, &file);
        // Saved again, the same text: nothing drifts.
        let first = std::fs::read_to_string(&path).unwrap();
        answers::save(&path, &back, &order).unwrap();
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    }

    #[test]
    fn every_decision_is_written_by_every_output(file in answers_file()) {
        let b = &*BUILTIN;
        let Ok(q) = engine::find_questionnaire(b, file.questionnaire.as_deref()) else {
            return Ok(());
        };
        if let Ok(Evaluation::Done(d)) = engine::evaluate(b, q, &file.answers) {
            let look = output::text::Look {
                texts: i18n::texts(),
                glyphs: &glyphs::UNICODE,
                width: output::text::DEFAULT_WIDTH,
                detail: false,
            };
            let clean = output::escaped::escaped(&d);
            for written in [
                output::text::text(&clean, look),
                output::text::text(&clean, output::text::Look { detail: true, ..look }),
                output::markdown::markdown(&clean, look.texts),
                output::link::links(&clean, true),
                output::html::html(&clean),
                output::json::json(&d),
            ] {
                let raw = written
                    .chars()
                    .any(|c| c == '\x1b' || ('\u{80}'..='\u{9f}').contains(&c));
                prop_assert!(!raw, "raw control character in {}", written);
            }
        }
    }

    #[test]
    fn escaped_text_has_no_control_character_left(text in any::<String>()) {
        let inline = escape::escape_inline(&text);
        prop_assert!(!inline.chars().any(char::is_control));
        let kept = escape::escape(&text);
        prop_assert!(!kept.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        let offset = text.len() / 2;
        let (shown, caret) = escape::excerpt(&text, offset);
        prop_assert!(caret >= 1 && caret <= shown.chars().count() + 1);
        prop_assert!(!shown.contains('\n'));
        prop_assert!(shown.chars().count() <= 4 * escape::EXCERPT_WIDTH + 2);
    }
}

// ---------------------------------------------------------- questionnaires

/// A tree of `n` questions from generated numbers: question `i`'s first
/// answer goes on to `i + 1` (the last one's to `fin_a`), the others to
/// a later question or an outcome, as `picks` say.
fn tree(kinds: &[u8], picks: &[u8]) -> String {
    let n = kinds.len();
    let mut pick = picks.iter().cycle().copied();
    let mut target = |i: usize| -> String {
        let p = pick.next().unwrap_or(0) as usize;
        let later = n - i - 1;
        match p % (later + 2) {
            0 => "fin_a".into(),
            1 => "fin_b".into(),
            k => format!("q{}", i + 1 + (k - 2)),
        }
    };
    let mut s = String::from(
        "id = \"gen\"\ntitle = \"Généré\"\nversion = \"1\"\nlegal_date = \"2026-01-01\"\nstart = \"q0\"\n",
    );
    for (i, kind) in kinds.iter().enumerate() {
        let first = if i + 1 == n {
            "fin_a".to_owned()
        } else {
            format!("q{}", i + 1)
        };
        let head = format!("\n[[questions]]\nid = \"q{i}\"\ntext = \"Q{i} ?\"\nhelp = \"Aide.\"\n");
        s.push_str(&head);
        match kind % 3 {
            0 => s.push_str(&format!(
                "kind = \"yes_no\"\nchoices = [{{ value = \"oui\", label = \"Oui\", next = \"{first}\" }}, {{ value = \"non\", label = \"Non\", next = \"{}\" }}]\n",
                target(i)
            )),
            1 => s.push_str(&format!(
                "kind = \"choice\"\nchoices = [{{ value = \"a\", label = \"A\", next = \"{first}\" }}, {{ value = \"b\", label = \"B\", next = \"{}\" }}, {{ value = \"c\", label = \"C\", next = \"{}\" }}]\n",
                target(i),
                target(i)
            )),
            _ => s.push_str(&format!(
                "kind = \"number\"\nranges = [{{ below = 50, label = \"petit\", next = \"{first}\" }}, {{ min = 50, label = \"grand\", next = \"{}\" }}]\n",
                target(i)
            )),
        }
    }
    for id in ["fin_a", "fin_b"] {
        s.push_str(&format!(
            "\n[[outcomes]]\nid = \"{id}\"\nverdict = \"may\"\ntitle = \"Fin\"\nsummary = \"Fin.\"\nguides = [\"juridique\"]\n"
        ));
    }
    s
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_listed_path_is_what_the_engine_decides(
        kinds in proptest::collection::vec(any::<u8>(), 1..9),
        picks in proptest::collection::vec(any::<u8>(), 1..20),
    ) {
        let text = tree(&kinds, &picks);
        let bundle = Bundle::from_sources_unchecked([("gen/gen.toml", text.as_str())]).unwrap();
        let report = aiguillage::core::check(&bundle);
        if report.has_errors() {
            // fin_b unreached, or a question cut off: not a tree to walk.
            return Ok(());
        }
        let q = bundle.questionnaire("gen").unwrap();
        let mut failure = None;
        let _ = aiguillage::tools::paths::for_each_path(&bundle, q, |p| {
            let answers = p.answers();
            match engine::evaluate(&bundle, q, &answers) {
                Ok(Evaluation::Done(d)) if d.outcome.id == p.outcome.id => ControlFlow::Continue(()),
                other => {
                    failure = Some(format!("{answers:?} listed as {}, decided {other:?}", p.outcome.id));
                    ControlFlow::Break(())
                }
            }
        });
        prop_assert!(failure.is_none(), "{:?}\n{}", failure, text);
    }
}

// ----------------------------------------------------------------- sessions

static SESSION_TREE: LazyLock<Bundle> = LazyLock::new(|| {
    Bundle::from_sources([("t/t.toml", include_str!("fixtures/session/arbre.toml"))]).unwrap()
});

/// A prompter that plays generated moves; the end of them interrupts.
struct Moves(std::vec::IntoIter<u8>);

impl Moves {
    fn next(&mut self) -> Result<u8, Error> {
        self.0.next().ok_or(Error::Interrupted)
    }
}

impl Prompter for Moves {
    fn ask(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        assert!(ctx.progress.number <= ctx.progress.at_most);
        let b = self.next()?;
        Ok(match b % 6 {
            0 => Reply::Help,
            1 => Reply::Back,
            _ => Reply::Answer(match q.kind {
                QuestionKind::YesNo => Answer::Bool(b & 8 == 0),
                QuestionKind::Choice => {
                    Answer::Text(q.choices[b as usize % q.choices.len()].value.clone())
                }
                _ => Answer::Number(f64::from(b)),
            }),
        })
    }

    fn review(&mut self, path: &[Step]) -> Result<ReviewReply, Error> {
        let b = self.next()?;
        Ok(match b % 3 {
            0 => ReviewReply::Confirm,
            1 => ReviewReply::Back,
            _ => ReviewReply::Edit(b as usize % path.len().max(1)),
        })
    }

    fn tell(&mut self, _: &Notice<'_>) -> Result<(), Error> {
        Ok(())
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_session_decides_what_the_engine_decides_for_the_answers_kept(
        moves in proptest::collection::vec(any::<u8>(), 0..40),
        builtin in any::<bool>(),
    ) {
        let b = if builtin { &*BUILTIN } else { &*SESSION_TREE };
        let q = b.default_questionnaire();
        let mut session = Session::new(b, q, BTreeMap::new());
        let result = session.run(&mut Moves(moves.into_iter()));
        let kept = session.into_answers();
        prop_assert!(engine::check_answers(b, &kept).is_empty());
        if let Ok(decision) = result {
            match engine::evaluate(b, q, &kept) {
                Ok(Evaluation::Done(d)) => prop_assert_eq!(*d, decision),
                other => prop_assert!(false, "engine gives {:?}", other),
            }
        }
    }
}

// ---------------------------------------------------------------------
// The query string of `aiguillage serve`: any mix of real ids and values,
// garbage, broken percent-encoding and control characters gets a page —
// the next question, the decision (200) or what is wrong (400) — never an
// error 500; what it reads, written back and read again, is the same.

static APP: LazyLock<aiguillage::front::web::App> =
    LazyLock::new(|| aiguillage::front::web::App::new(Bundle::builtin().unwrap(), false).unwrap());

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
});

fn param() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("type_ressource".to_owned()),
        Just("algo_administration".to_owned()),
        Just("algo_etp".to_owned()),
        Just("algo_donnees_personnelles".to_owned()),
        Just("donnees_organisme".to_owned()),
        Just("questionnaire".to_owned()),
        Just("fields.organisme".to_owned()),
        Just("was.algo_etp".to_owned()),
        "[a-z_.]{1,12}",
        "(%[0-9A-Fa-f]{2}|[a-z+]){1,6}",
    ];
    let value = prop_oneof![
        Just("algorithme".to_owned()),
        Just("etat".to_owned()),
        Just("true".to_owned()),
        Just("non".to_owned()),
        Just("1+200".to_owned()),
        Just("12%2C5".to_owned()),
        Just("%FF".to_owned()),
        Just("%1B%5B2J".to_owned()),
        Just("%E2%80%AE".to_owned()),
        "[a-z_0-9]{0,10}",
        "(%[0-9A-Fa-f]{2}|[a-z+=]){0,8}",
    ];
    (key, value).prop_map(|(k, v)| format!("{k}={v}"))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_query_string_gets_a_page_and_reads_back_the_same(
        params in proptest::collection::vec(param(), 0..30),
        path in prop_oneof![Just("/"), Just("/revoir"), Just("/modifier/algo_etp"), Just("/documents"), Just("/telecharger/decision.json")],
    ) {
        use tower::ServiceExt;
        let raw = params.join("&");
        let app: &'static aiguillage::front::web::App = &APP;
        let uri = format!("{path}?{raw}");
        let (status, body) = RUNTIME.block_on(async {
            let req = axum::http::Request::get(&uri).body(axum::body::Body::empty()).unwrap();
            let res = aiguillage::front::web::router(app).oneshot(req).await.unwrap();
            let status = res.status().as_u16();
            let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
            (status, String::from_utf8(bytes.to_vec()).unwrap())
        });
        prop_assert!(matches!(status, 200 | 400 | 404), "{uri}: {status}");
        if path != "/telecharger/decision.json" || status != 200 {
            prop_assert!(body.contains("</html>"), "{uri}: {body}");
        }
        prop_assert!(!body.contains('\u{1b}') && !body.contains('\u{202e}'), "{uri}");
        let fields = ["organisme"];
        if let Ok(q) = aiguillage::front::web::query::read(&raw, &BUILTIN, &fields) {
            let written = aiguillage::front::web::query::write(&BUILTIN, q.questionnaire.as_deref(), &q.answers, &q.fields);
            let again = aiguillage::front::web::query::read(&written, &BUILTIN, &fields).unwrap();
            prop_assert_eq!(again.answers, q.answers);
            prop_assert_eq!(again.fields, q.fields);
            prop_assert_eq!(again.questionnaire, q.questionnaire);
        }
    }
}
