//! Wrapping lines at a width, the French way: the spaces inside « », before
//! : ; ? ! and inside a number never break a line.

/// Wraps `text` at `width` columns, with `indent` before every line but the
/// first (which the caller has already started).
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    wrap_with(text, width, indent, columns)
}

/// The columns `s` takes on a terminal. Text to wrap seldom holds an
/// escape sequence, and measuring it without looking for one is several
/// times cheaper (the wrapping of a decision was most of its cost).
pub fn columns(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        s.len()
    } else if s.contains('\x1b') {
        console::measure_text_width(s)
    } else {
        unicode_width::UnicodeWidthStr::width(s)
    }
}

/// `s` cut to `width` columns, ending with `tail` when cut.
pub fn truncate<'a>(s: &'a str, width: usize, tail: &str) -> std::borrow::Cow<'a, str> {
    if s.contains('\x1b') {
        return console::truncate_str(s, width, tail);
    }
    if columns(s) <= width {
        return std::borrow::Cow::Borrowed(s);
    }
    let room = width.saturating_sub(columns(tail));
    let mut used = 0;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push_str(tail);
    std::borrow::Cow::Owned(out)
}

/// As [`wrap`], measuring words with `measure` (columns, or bytes for
/// widgets that count bytes).
pub fn wrap_with(text: &str, width: usize, indent: &str, measure: fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (pi, para) in text.split('\n').enumerate() {
        if pi > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        let mut col = 0;
        let mut first = true;
        groups(para, |words| {
            let w = words.iter().map(|t| measure(t)).sum::<usize>() + words.len() - 1;
            if !first {
                if col + 1 + w > width {
                    out.push('\n');
                    out.push_str(indent);
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            for (i, t) in words.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(t);
            }
            col += w;
            first = false;
        });
    }
    out
}

/// Words that a line may break between. French typography puts a space
/// inside « » and before : ; ? ! — those spaces never break a line, nor
/// do the ones inside a number (« 3 500 ») or after « n° » and « art. ».
/// Each group of words that must stay on one line is handed to `each`.
fn groups<'p>(para: &'p str, mut each: impl FnMut(&[&'p str])) {
    let mut group: Vec<&'p str> = Vec::with_capacity(8);
    let mut glue_next = false;
    for w in para.split_whitespace() {
        let glue_prev = matches!(w, "»" | ":" | ";" | "?" | "!")
            || w.starts_with('»')
            || group.last().is_some_and(|last| thousands(last, w));
        if !(glue_next || glue_prev || group.is_empty()) {
            each(&group);
            group.clear();
        }
        group.push(w);
        glue_next = matches!(w, "«" | "n°" | "art." | "(n°");
    }
    if !group.is_empty() {
        each(&group);
    }
}

/// Wraps each line at `width`; list items (« - », « • ») get a hanging
/// indent so their continuation lines stand out.
pub fn wrap_lines(s: &str, width: usize) -> String {
    s.lines()
        .map(|l| {
            let body = l.trim_start();
            let lead = &l[..l.len() - body.len()];
            let indent = format!("{lead}{}", " ".repeat(marker_width(body)));
            let width = width.saturating_sub(lead.len()).max(20);
            format!("{lead}{}", wrap(body, width, &indent))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Width of a list marker (« - », « • », « 12. ») at the start of a line,
/// for the hanging indent of its continuation lines.
fn marker_width(body: &str) -> usize {
    if ["- ", "• ", "* ", "→ ", "-> "]
        .iter()
        .any(|b| body.starts_with(b))
    {
        return body.find(' ').map_or(0, |i| columns(&body[..=i]));
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && body[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}

#[cfg(test)]
fn french_words(para: &str) -> Vec<String> {
    let mut words = Vec::new();
    groups(para, |g| words.push(g.join(" ")));
    words
}

/// Whether `next` continues the number that `last` ends with, as in
/// « 3 500 » or « 1 200 000 »: `last` ends with one to three digits and
/// `next` is three digits, maybe followed by punctuation.
fn thousands(last: &str, next: &str) -> bool {
    let tail = last.len() - last.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = next.len() - next.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = next[head..].chars().next();
    (1..=3).contains(&tail) && head == 3 && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_never_breaks_inside_guillemets_or_before_punctuation() {
        let w = wrap("aa « Revenir » bb : cc", 8, "");
        assert_eq!(w, "aa\n« Revenir »\nbb : cc");
    }

    #[test]
    fn wrap_never_splits_a_number_or_a_reference() {
        let w = wrap("au moins 3 500 habitants et n° 2016-1922", 10, "");
        assert!(w.contains("3 500"), "{w}");
        assert!(w.contains("n° 2016-1922"), "{w}");
        // Not glued: a year after a number, a four-digit word.
        assert_eq!(french_words("en 2016 2017"), ["en", "2016", "2017"]);
        assert_eq!(french_words("1 200 000 €"), ["1 200 000", "€"]);
    }

    #[test]
    fn measures_and_cuts_like_the_terminal_library() {
        for s in [
            "« 3 500 » habitants",
            "\x1b[1mgras\x1b[0m",
            "",
            "日本語 et é",
        ] {
            assert_eq!(columns(s), console::measure_text_width(s), "{s:?}");
            for w in [0, 3, 8, 40] {
                assert_eq!(
                    truncate(s, w, "…"),
                    console::truncate_str(s, w, "…"),
                    "{s:?} {w}"
                );
            }
        }
    }

    #[test]
    fn wrap_keeps_words_whole_and_indents() {
        let w = wrap("un deux trois quatre", 9, "  ");
        assert_eq!(w, "un deux\n  trois\n  quatre");
    }
}
