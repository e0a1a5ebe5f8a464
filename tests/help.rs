//! The help of every built-in question fits a terminal of 50 lines and 80
//! columns: the short answer first, a few lines, then « Plus de détails »
//! on pages that leave room for the question and its menu, with nothing
//! of the details, the choices' help or the terms left out.

use aiguillage::Bundle;
use aiguillage::core::model::{Question, QuestionKind};
use aiguillage::front::question_help::{Screen, pages, reserved};
use aiguillage::front::session::term_help;
use aiguillage::text::glyphs::UNICODE;
use aiguillage::text::i18n::{EN, FR};

/// The terminal the issue names: 50 lines, 80 columns (the menus wrap at
/// the width less two).
const ROWS: usize = 50;
const WIDTH: usize = 78;

/// The short answer, with its title and the line to « Plus de détails ».
const SHORT_PAGE_LINES: usize = 9;

fn asked(b: &Bundle) -> impl Iterator<Item = &Question> {
    b.questionnaires
        .iter()
        .flat_map(|(_, q)| &q.questions)
        .filter(|x| !x.kind.is_computed())
}

fn screen(q: &Question, rows: usize) -> Screen {
    Screen {
        width: WIDTH,
        wrap: true,
        rows,
        typed: !matches!(q.kind, QuestionKind::YesNo | QuestionKind::Choice),
    }
}

#[test]
fn every_help_page_fits_a_50_line_terminal_with_its_question() {
    let b = Bundle::builtin().unwrap();
    let mut checked = 0;
    for q in asked(&b) {
        let terms = term_help(&b, q);
        let p = pages(q, &terms, &FR, &UNICODE, screen(q, ROWS));
        let room = ROWS - reserved(q, WIDTH, ROWS);
        for (i, page) in p.iter().enumerate() {
            let lines = page.lines().count();
            assert!(
                lines <= room,
                "{}: page {i} takes {lines} lines, {room} fit under 50 with the question:\n{page}",
                q.id
            );
        }
        let first = p[0].lines().count();
        assert!(
            first <= SHORT_PAGE_LINES,
            "{}: the short help takes {first} lines (at most {SHORT_PAGE_LINES}):\n{}",
            q.id,
            p[0]
        );
        checked += 1;
    }
    assert!(checked > 30, "only {checked} questions seen");
}

#[test]
fn the_pages_of_help_leave_nothing_out() {
    let b = Bundle::builtin().unwrap();
    for q in asked(&b) {
        let terms = term_help(&b, q);
        // Unwrapped, so that each paragraph can be found whole.
        let s = Screen {
            wrap: false,
            ..screen(q, ROWS)
        };
        let all = pages(q, &terms, &FR, &UNICODE, s).join("\n");
        assert!(all.contains(q.help.trim()), "{}: the short help", q.id);
        for para in q.details.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(all.contains(para), "{}: details « {para} »", q.id);
        }
        for c in &q.choices {
            if let Some(h) = &c.help {
                assert!(all.contains(h.trim()), "{}: help of {}", q.id, c.value);
            }
        }
        for t in &terms {
            assert!(
                all.contains(t.definition.trim()),
                "{}: term {}",
                q.id,
                t.term
            );
        }
    }
}

#[test]
fn a_small_terminal_gets_more_pages_not_longer_ones() {
    let b = Bundle::builtin().unwrap();
    let q = b.question("donnees_organisme").unwrap();
    let terms = term_help(&b, q);
    let big = pages(q, &terms, &EN, &UNICODE, screen(q, ROWS)).len();
    let small: Vec<String> = pages(q, &terms, &EN, &UNICODE, screen(q, 30))
        .iter()
        .map(|p| p.replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    assert!(
        small.len() > big,
        "{} pages at 30 lines, {big} at 50",
        small.len()
    );
    assert!(small[0].starts_with("Help — "), "{}", small[0]);
    assert!(
        small[0].contains("To learn more: « More details » in the list (page 1 of"),
        "{}",
        small[0]
    );
}

/// The terminal of the trial: 80 columns, 24 lines.
const SMALL_ROWS: usize = 24;

#[test]
fn every_help_page_fits_an_80_by_24_terminal_with_its_question_and_menu() {
    let b = Bundle::builtin().unwrap();
    let mut pages_seen = 0;
    for q in asked(&b) {
        let terms = term_help(&b, q);
        let p = pages(q, &terms, &FR, &UNICODE, screen(q, SMALL_ROWS));
        for (i, page) in p.iter().enumerate() {
            let lines = page.lines().count() + reserved(q, WIDTH, SMALL_ROWS);
            assert!(
                lines <= SMALL_ROWS,
                "{}: page {i} and its question take {lines} lines, 24 fit:\n{page}",
                q.id
            );
            assert!(
                page.lines()
                    .all(|l| aiguillage::text::wrap::columns(l) <= WIDTH),
                "{}: a line wider than 78 columns:\n{page}",
                q.id
            );
            pages_seen += 1;
        }
    }
    assert!(pages_seen > 150, "only {pages_seen} pages");
}
