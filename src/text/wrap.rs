//! Wrapping lines at a width. Lines break at plain spaces only: the
//! no-break spaces that French typography puts inside « », before : ; ? !,
//! inside a number or after « art. » (see [`crate::text::typography`])
//! never break a line.

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
    if s.len() <= width {
        return std::borrow::Cow::Borrowed(s);
    }
    // One walk that stops as soon as `s` is known to be too wide: the
    // texts cut here (the questions of a path) can be long, and only
    // their start is shown.
    let room = width.saturating_sub(columns(tail));
    let mut used = 0;
    let mut cut = None;
    for (i, c) in s.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cut.is_none() && used + w > room {
            cut = Some(i);
        }
        used += w;
        if used > width {
            let end = cut.unwrap_or(i);
            let mut out = String::with_capacity(end + tail.len());
            out.push_str(&s[..end]);
            out.push_str(tail);
            return std::borrow::Cow::Owned(out);
        }
    }
    std::borrow::Cow::Borrowed(s)
}

/// `s` shortened to `width` columns at a word's end, with « … »: never in
/// the middle of a word, and never leaving a bracket or a guillemet open
/// (« (L'État (ministère… » loses the whole bracket instead).
pub fn shorten(s: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if columns(s) <= width {
        return std::borrow::Cow::Borrowed(s);
    }
    let room = width.saturating_sub(1);
    let mut end = 0;
    for (i, _) in s.match_indices(' ') {
        if columns(&s[..i]) > room {
            break;
        }
        end = i;
    }
    if end == 0 {
        return truncate(s, width, "…");
    }
    let mut kept = &s[..end];
    // Drop back to before the last opening that is not closed.
    loop {
        let open = kept.matches(['(', '«', '[']).count();
        let close = kept.matches([')', '»', ']']).count();
        if open <= close {
            break;
        }
        match kept.rfind(['(', '«', '[']) {
            Some(at) => kept = &kept[..at],
            None => break,
        }
    }
    let kept = kept.trim_end_matches([' ', ',', ';', ':', '\u{a0}', '\u{202f}', '—', '-']);
    if kept.is_empty() {
        return truncate(s, width, "…");
    }
    std::borrow::Cow::Owned(format!("{kept}…"))
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
        // Lines break at plain spaces only: a no-break space belongs to
        // its word.
        for (i, word) in para.split_ascii_whitespace().enumerate() {
            let w = measure(word);
            if i > 0 {
                if col + 1 + w > width {
                    out.push('\n');
                    out.push_str(indent);
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(word);
            col += w;
        }
    }
    out
}

/// Wraps each line at `width`; list items (« - », « • ») get a hanging
/// indent so their continuation lines stand out.
pub fn wrap_lines(s: &str, width: usize) -> String {
    s.lines()
        .map(|l| {
            let body = l.trim_start();
            let lead = &l[..l.len() - body.len()];
            let marker = marker_width(body);
            let indent = format!("{lead}{}", " ".repeat(marker));
            // Continuation lines start after the indent: none is wider
            // than `width`.
            let width = width.saturating_sub(lead.len() + marker).max(20);
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
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_by_columns_and_keeps_what_fits() {
        assert_eq!(truncate("abc", 3, "…"), "abc");
        assert_eq!(truncate("abcdef", 4, "…"), "abc…");
        // Two columns a character: the cut leaves room for the tail.
        assert_eq!(truncate("日本語の文", 6, "…"), "日本…");
        assert_eq!(truncate("日本語", 6, "…"), "日本語");
        let long = "é".repeat(100_000);
        assert_eq!(truncate(&long, 5, "…"), "éééé…");
    }

    #[test]
    fn wrap_never_breaks_at_a_no_break_space() {
        let set = crate::text::typography::typeset("aa « Revenir » bb : cc (art. L311-3-1)");
        let w = wrap(&set, 8, "");
        assert_eq!(
            w.replace(['\u{a0}', '\u{202f}'], " "),
            "aa\n« Revenir »\nbb : cc\n(art. L311-3-1)"
        );
        let w = wrap("au\u{a0}moins 3\u{202f}500\u{a0}habitants", 4, "");
        assert_eq!(w.lines().count(), 2, "{w}");
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
    fn shorten_cuts_at_a_word_and_never_leaves_a_bracket_open() {
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(
            shorten("L'État (ministère, préfecture, service déconcentré)", 30),
            "L'État…"
        );
        assert_eq!(
            shorten("Quel organisme détient le document ou les données ?", 30),
            "Quel organisme détient le…"
        );
        assert!(columns(&shorten("Quel organisme détient le document", 20)) <= 20);
        assert_eq!(shorten("anticonstitutionnellement", 8), "anticon…");
    }

    #[test]
    fn wrap_keeps_words_whole_and_indents() {
        let w = wrap("un deux trois quatre", 9, "  ");
        assert_eq!(w, "un deux\n  trois\n  quatre");
    }
}
