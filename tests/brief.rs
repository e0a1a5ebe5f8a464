//! The default text decision is one a busy agent reads in two minutes: at
//! most 300 words before « Pourquoi ? » on every path of the built-in
//! trees, each duty on its line with its article; `--detail` keeps
//! everything; `--format link` prints the guides of the « Guides » section.

use std::collections::BTreeMap;

use aiguillage::Bundle;
use aiguillage::core::engine::{self, Decision, Evaluation};
use aiguillage::core::model::{Answer, FindingKind};
use aiguillage::output::link::links;
use aiguillage::output::text::{Look, NO_WRAP, text};
use aiguillage::text::glyphs::{ASCII, UNICODE};
use aiguillage::text::i18n::FR;
use aiguillage::tools::paths::{PathOut, enumerate};

const LIMIT: usize = 300;

fn look(detail: bool) -> Look {
    Look {
        texts: &FR,
        glyphs: &ASCII,
        width: NO_WRAP,
        detail,
    }
}

/// Every decision of every path of the built-in trees.
fn every_decision(bundle: &Bundle) -> Vec<Decision> {
    let start = bundle.default_questionnaire();
    enumerate(bundle, start)
        .iter()
        .map(|p| {
            let out: PathOut<'_> = p.into();
            let answers: BTreeMap<String, Answer> =
                serde_json::from_value(serde_json::Value::Object(out.answers)).unwrap();
            match engine::evaluate(bundle, start, &answers).unwrap() {
                Evaluation::Done(d) => *d,
                Evaluation::Pending { question, .. } => panic!("{} pending", question.id),
            }
        })
        .collect()
}

fn before_why(s: &str) -> &str {
    &s[..s.find(FR.why).expect("a « Pourquoi ? » section")]
}

#[test]
fn every_brief_decision_fits_in_300_words() {
    let bundle = Bundle::builtin().unwrap();
    let all = every_decision(&bundle);
    assert!(all.len() > 1000, "{} paths", all.len());
    let mut longest = (0, String::new());
    for d in &all {
        let brief = text(d, look(false));
        let words = aiguillage::output::text::word_count(before_why(&brief));
        if words > longest.0 {
            longest = (words, d.outcome.id.clone());
        }
        // Every duty, on its line, with its article.
        for f in d.findings_of(FindingKind::Obligation) {
            let first = f
                .short
                .as_deref()
                .unwrap_or_else(|| aiguillage::output::text::first_sentence(&f.text));
            let line = before_why(&brief)
                .lines()
                .find(|l| l.contains(first))
                .unwrap_or_else(|| panic!("{}: duty {} missing", d.outcome.id, f.id));
            if let Some(a) = f.articles.first() {
                let cited = a
                    .label
                    .strip_prefix("CRPA,")
                    .map_or(a.label.as_str(), str::trim_start);
                let cited = cited.split(" (").next().unwrap();
                assert!(line.contains(cited), "{}: {line} (without {cited})", f.id);
            }
        }
        // The « Guides » section is what `--format link` prints.
        for url in links(d, false).lines() {
            assert!(before_why(&brief).contains(url), "{url}");
        }
    }
    eprintln!(
        "longest brief decision: {} words ({})",
        longest.0, longest.1
    );
    assert!(longest.0 <= LIMIT, "{} words for {}", longest.0, longest.1);
}

#[test]
fn detail_keeps_every_finding_caveat_and_guide() {
    let bundle = Bundle::builtin().unwrap();
    for d in every_decision(&bundle).iter().step_by(97) {
        let full = text(d, look(true));
        for f in &d.findings {
            let start: String = f.text.chars().take(40).collect();
            assert!(
                full.contains(start.split_whitespace().next().unwrap()),
                "{}",
                f.id
            );
        }
        for g in &d.guides {
            assert!(full.contains(&g.url), "{}", g.url);
        }
        for url in links(d, true).lines() {
            assert!(full.contains(url));
        }
        let brief = text(d, look(false));
        assert!(brief.len() < full.len());
        assert!(brief.contains("--detail"));
    }
}

#[test]
fn first_sentences_keep_abbreviations_whole() {
    use aiguillage::output::text::first_sentence;
    assert_eq!(
        first_sentence("Voir l'art. L311-1 du CRPA. Puis le reste."),
        "Voir l'art. L311-1 du CRPA."
    );
    assert_eq!(first_sentence("Une seule phrase."), "Une seule phrase.");
    assert_eq!(first_sentence("  Sans point  "), "Sans point");
    assert_eq!(
        first_sentence("Le décret n° 2016-1922. Ensuite."),
        "Le décret n° 2016-1922."
    );
}

/// A line that French typography forbids: one that ends on a word that
/// announces what follows, or starts with the punctuation that closes
/// what came before.
fn badly_broken(line: &str) -> bool {
    broken_between(line, "")
}

/// The same for a line and the next: « CRPA, » may end a line (« du CRPA,
/// et… »), but not when the next one starts with the article it names.
fn broken_between(line: &str, next: &str) -> bool {
    let end = line.trim_end();
    let start = line.trim_start();
    ["art.", "n°"].iter().any(|w| end.ends_with(w))
        || (end.ends_with("CRPA,") && (next.is_empty() || next.trim_start().starts_with("art")))
        || ["?", ":", ";", "!", "»"]
            .iter()
            .any(|p| start.starts_with(p))
}

/// Every line of `text` that [`broken_between`] refuses.
fn broken_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    (0..lines.len())
        .filter(|&i| broken_between(lines[i], lines.get(i + 1).copied().unwrap_or(" ")))
        .map(|i| lines[i])
        .collect()
}

#[test]
fn no_brief_decision_breaks_a_line_where_french_typography_forbids() {
    let bundle = Bundle::builtin().unwrap();
    let all = every_decision(&bundle);
    let mut lines = 0;
    for d in &all {
        for width in [40, 60, 80] {
            let look = Look {
                texts: &FR,
                glyphs: &UNICODE,
                width,
                detail: false,
            };
            let shown = text(d, look);
            let broken = broken_lines(&shown);
            assert!(
                broken.is_empty(),
                "{} at {width} columns: {broken:?}",
                d.outcome.id
            );
            lines += shown.lines().count();
        }
    }
    // The same rule for the decisions in full, on a sample of the paths.
    for d in all.iter().step_by(37) {
        for width in [40, 80] {
            let look = Look {
                texts: &FR,
                glyphs: &UNICODE,
                width,
                detail: true,
            };
            let shown = text(d, look);
            let broken = broken_lines(&shown);
            assert!(
                broken.is_empty(),
                "{} --detail at {width}: {broken:?}",
                d.outcome.id
            );
        }
    }
    assert!(lines > 100_000, "only {lines} lines read");
}

#[test]
fn the_rule_catches_what_the_issue_saw() {
    assert!(badly_broken(
        "  • Expliquez sur demande le rôle du traitement. (art."
    ));
    assert!(badly_broken("    ? suite"));
    assert!(badly_broken("» fin"));
    assert!(badly_broken("voir CRPA,"));
    assert!(broken_between("voir le CRPA,", "art. L311-1"));
    assert!(!broken_between("du CRPA,", "et le reste"));
    assert!(!badly_broken("  • Portez une mention (art. L311-3-1)"));
}
