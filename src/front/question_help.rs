//! The help of a question, as a session shows it: the short answer first
//! (« ? Aide »), then the rest on demand (« Plus de détails »): the
//! details, the help of each choice and the definitions of the terms, cut
//! into pages that fit the terminal together with the question and its
//! menu. Each « ? » shows the next page; after the last, the short answer
//! again.
//!
//! Pages are packed by paragraph (a line of `details`, a choice, a
//! term): a paragraph is never cut in two, so a page may end early.

use crate::core::model::Question;
use crate::front::session::TermHelp;
use crate::text::glyphs::Glyphs;
use crate::text::i18n::Texts;
use crate::text::wrap::wrap_lines;

/// Where the help is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Columns the lines are measured at.
    pub width: usize,
    /// Whether to wrap the lines at `width` (plain mode leaves that to
    /// the terminal or the screen reader).
    pub wrap: bool,
    /// Lines of the terminal.
    pub rows: usize,
    /// Whether the user types « ? » (plain mode, number and text
    /// questions) rather than picking an entry of a menu.
    pub typed: bool,
}

/// The fewest lines a page holds, whatever the terminal: below that, a
/// tiny window would give one line per page. Under a page, the menu of a
/// long question is cut into pages of its own so that this much is left
/// ([`menu_length`]).
const MIN_PAGE_LINES: usize = 8;

/// The pages of the help of `q`, each wrapped at `screen.width` if asked,
/// its last line telling how to see the next one. Never empty.
pub fn pages(
    q: &Question,
    terms: &[TermHelp<'_>],
    t: &Texts,
    g: &Glyphs,
    screen: Screen,
) -> Vec<String> {
    let budget = screen
        .rows
        .saturating_sub(reserved(q, screen.width, screen.rows))
        .max(MIN_PAGE_LINES);
    let width = screen.width;
    // Each page of details has its title, one line when wrapped, and a
    // blank line with the hint to the next page.
    let title = |head: String| {
        if screen.wrap {
            let room = width.saturating_sub(crate::text::wrap::columns(&head) + 3);
            format!("{head} — {}", crate::text::wrap::shorten(&q.text, room))
        } else {
            format!("{head} — {}", q.text)
        }
    };
    let overhead = wrap_lines(&title(format!("{} (9/9)", t.more_title)), width)
        .lines()
        .count()
        + 2;
    let room = budget.saturating_sub(overhead).max(1);
    let details = pack(&detail_blocks(q, terms, t, g), room, width, screen.wrap);
    let short = q.help.trim();
    let mut out = Vec::with_capacity(details.len() + 1);
    if !short.is_empty() || details.is_empty() {
        let body = if short.is_empty() { t.no_help } else { short };
        let mut page = format!("{}\n{body}", title(t.help_title.to_owned()));
        if !details.is_empty() {
            page.push_str("\n\n");
            page.push_str(&t.more_hint(screen.typed, 1, details.len()));
        }
        out.push(page);
    }
    let n = details.len();
    for (i, body) in details.into_iter().enumerate() {
        let head = if n > 1 {
            format!("{} ({}/{n})", t.more_title, i + 1)
        } else {
            t.more_title.to_owned()
        };
        let mut page = title(head);
        page.push('\n');
        page.push_str(&body);
        if i + 1 < n {
            page.push_str("\n\n");
            page.push_str(&t.more_hint(screen.typed, i + 2, n));
        }
        out.push(page);
    }
    if screen.wrap {
        for page in &mut out {
            *page = wrap_lines(page, width);
        }
    }
    out
}

/// The lines the question and its menu take below the help, in a window
/// of `rows` lines: the progress line, the question, the entries (or as
/// many as [`menu_length`] lets show, and the line that says which page),
/// the prompt, blank lines.
pub fn reserved(q: &Question, width: usize, rows: usize) -> usize {
    let (text, entries) = entry_lines(q, width);
    let menu: usize = entries.iter().sum();
    let menu = match menu_length(q, width, rows) {
        Some(n) => n * entries.iter().max().copied().unwrap_or(1) + 1,
        None => menu,
    };
    // Progress, question, « Aide », « Revenir », a hint or prompt line,
    // and the blank lines between.
    6 + text + menu
}

/// How many entries the menu of `q` may show at once under a page of
/// help, in a window of `rows` lines: `None` when all fit with a page of
/// [`MIN_PAGE_LINES`] above them; else the menu is cut into pages of this
/// many entries (dialoguer's `max_length`), so that the help, the question
/// and the menu never push the title of the help off the screen.
pub fn menu_length(q: &Question, width: usize, rows: usize) -> Option<usize> {
    let (text, entries) = entry_lines(q, width);
    let room = rows.saturating_sub(6 + text + MIN_PAGE_LINES + 1);
    let menu: usize = entries.iter().sum();
    if menu <= room + 1 {
        return None;
    }
    let tallest = entries.iter().max().copied().unwrap_or(1);
    Some((room / tallest).max(2))
}

/// The lines of the question's text, and of each of its choices as the
/// menu wraps them.
fn entry_lines(q: &Question, width: usize) -> (usize, Vec<usize>) {
    let lines = |s: &str| {
        wrap_lines(s, width.saturating_sub(4).max(20))
            .lines()
            .count()
    };
    let entries = q.choices.iter().map(|c| lines(&c.label)).collect();
    (lines(&q.text), entries)
}

/// The paragraphs of « Plus de détails », in order; a heading is glued to
/// the paragraph after it so that it never ends a page.
fn detail_blocks(q: &Question, terms: &[TermHelp<'_>], t: &Texts, g: &Glyphs) -> Vec<String> {
    let mut blocks: Vec<String> = q
        .details
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let choices = q
        .choices
        .iter()
        .filter_map(|c| c.help.as_deref().map(|h| (c.label.as_str(), h.trim())));
    let heading = format!("{}{}", t.help_choices, t.colon);
    push_list(
        &mut blocks,
        heading,
        choices.map(|(label, h)| format!("{} {label}{} {h}", g.bullet, t.colon)),
    );
    let heading = format!("{}{}", t.help_terms, t.colon);
    push_list(
        &mut blocks,
        heading,
        terms.iter().map(|term| {
            let mut s = format!(
                "{} {}{} {}",
                g.bullet,
                term.term,
                t.colon,
                term.definition.trim()
            );
            if !term.articles.is_empty() {
                s.push_str(&format!(" ({})", term.articles.join(", ")));
            }
            s
        }),
    );
    blocks
}

/// Appends `items` under `heading`, the heading glued to the first.
fn push_list(blocks: &mut Vec<String>, heading: String, items: impl Iterator<Item = String>) {
    for (i, item) in items.enumerate() {
        if i == 0 {
            // A blank line sets the list apart from what comes before.
            blocks.push(format!("\n{heading}\n{item}"));
        } else {
            blocks.push(item);
        }
    }
}

/// Blocks packed into pages of at most `budget` wrapped lines. A block
/// longer than that gets pages of its own, cut between its wrapped lines
/// when the pages are wrapped (`wrap`); else it stays whole.
fn pack(blocks: &[String], budget: usize, width: usize, wrap: bool) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for block in blocks {
        let wrapped = wrap_lines(block, width);
        let lines: Vec<&str> = wrapped.lines().collect();
        if wrap && lines.len() > budget {
            pieces.extend(lines.chunks(budget.max(1)).map(|c| c.join("\n")));
        } else {
            pieces.push(block.clone());
        }
    }
    let mut pages: Vec<String> = Vec::new();
    let mut page = String::new();
    let mut used = 0;
    for block in &pieces {
        let lines = wrap_lines(block, width).lines().count();
        if !page.is_empty() && used + lines > budget {
            pages.push(std::mem::take(&mut page));
        }
        if page.is_empty() {
            // The blank line that sets a list apart is not needed at the
            // top of a page.
            let trimmed = block.trim_start_matches('\n');
            used = lines - (block.len() - trimmed.len());
            page.push_str(trimmed);
        } else {
            page.push('\n');
            page.push_str(block);
            used += lines;
        }
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Choice, QuestionKind};
    use crate::front::term::ASCII;
    use crate::text::i18n::FR;
    use crate::text::typography::plain_spaces;

    fn question(help: &str, details: &str) -> Question {
        Question {
            id: "q".into(),
            kind: QuestionKind::YesNo,
            section: None,
            text: "Une question ?".into(),
            help: help.into(),
            details: details.into(),
            terms: vec![],
            choices: ["oui", "non"]
                .iter()
                .map(|v| Choice {
                    value: (*v).into(),
                    label: v.to_uppercase(),
                    help: None,
                    when: None,
                    branch: Default::default(),
                })
                .collect(),
            ranges: vec![],
            unit: None,
            next: None,
            count: vec![],
        }
    }

    /// The pages with plain spaces, to compare with plain text.
    fn plain(pages: Vec<String>) -> Vec<String> {
        pages
            .iter()
            .map(|p| crate::text::typography::plain_spaces(p).into_owned())
            .collect()
    }

    const SCREEN: Screen = Screen {
        width: 60,
        wrap: true,
        rows: 24,
        typed: false,
    };

    #[test]
    fn the_short_answer_comes_first_and_says_how_to_see_more() {
        let q = question("Répondez oui si…", "Une règle.\nUn exemple.");
        let p = plain(pages(&q, &[], &FR, &ASCII, SCREEN));
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with("Aide — Une question ?\nRépondez oui si…"),
            "{}",
            p[0]
        );
        assert!(
            p[0].ends_with("« Plus de détails » dans la liste."),
            "{}",
            p[0]
        );
        assert_eq!(
            p[1],
            "Plus de détails — Une question ?\nUne règle.\nUn exemple."
        );
    }

    #[test]
    fn a_help_without_details_is_one_page_without_a_hint() {
        let q = question("Répondez oui si…", "");
        let p = plain(pages(&q, &[], &FR, &ASCII, SCREEN));
        assert_eq!(
            p,
            vec!["Aide — Une question ?\nRépondez oui si…".to_owned()]
        );
        let none = plain(pages(&question("", ""), &[], &FR, &ASCII, SCREEN));
        assert!(none[0].contains(&*plain_spaces(FR.no_help)), "{none:?}");
    }

    #[test]
    fn long_details_are_cut_between_paragraphs_into_numbered_pages() {
        let para = "Une phrase qui tient sur une ligne.";
        let details = vec![para; 40].join("\n");
        let q = question("Court.", &details);
        let terms = [TermHelp {
            term: "EPCI",
            definition: "Un établissement public de coopération intercommunale.",
            articles: vec!["L5210-1-1 CGCT"],
        }];
        let p = plain(pages(
            &q,
            &terms,
            &FR,
            &ASCII,
            Screen {
                typed: true,
                ..SCREEN
            },
        ));
        let n = p.len() - 1;
        assert!(n >= 3, "{p:#?}");
        for (i, page) in p.iter().enumerate() {
            assert!(page.lines().count() <= SCREEN.rows, "page {i}: {page}");
            assert!(
                page.lines().all(|l| l.chars().count() <= SCREEN.width),
                "{page}"
            );
        }
        assert!(
            p[0].ends_with(&format!("tapez « ? » de nouveau (page 1 sur {n}).")),
            "{}",
            p[0]
        );
        assert!(
            p[1].starts_with(&format!("Plus de détails (1/{n}) — Une question ?")),
            "{}",
            p[1]
        );
        assert!(p[1].ends_with(&format!("(page 2 sur {n}).")), "{}", p[1]);
        // Every paragraph once, in order; the definitions at the end.
        let all: String = p[1..].join("\n");
        assert_eq!(all.matches(para).count(), 40);
        assert!(
            all.contains("Définitions :\n- EPCI : Un établissement public"),
            "{all}"
        );
        assert!(p[n].contains("(L5210-1-1 CGCT)"), "{}", p[n]);
        assert!(!p[n].contains("Suite"), "{}", p[n]);
    }
}
