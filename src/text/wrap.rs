//! Wrapping lines at a width, the French way: the spaces inside « », before
//! : ; ? ! and inside a number never break a line.

/// Wraps `text` at `width` columns, with `indent` before every line but the
/// first (which the caller has already started).
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    wrap_with(text, width, indent, console::measure_text_width)
}

/// As [`wrap`], measuring words with `measure` (columns, or bytes for
/// widgets that count bytes).
pub fn wrap_with(text: &str, width: usize, indent: &str, measure: fn(&str) -> usize) -> String {
    let mut out = String::new();
    for (pi, para) in text.split('\n').enumerate() {
        if pi > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        let mut col = 0;
        for (wi, word) in french_words(para).iter().enumerate() {
            let w = measure(word);
            if wi > 0 {
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

/// Words that a line may break between. French typography puts a space
/// inside « » and before : ; ? ! — those spaces never break a line, nor
/// do the ones inside a number (« 3 500 ») or after « n° » and « art. ».
fn french_words(para: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for w in para.split_whitespace() {
        let glue_prev = matches!(w, "»" | ":" | ";" | "?" | "!")
            || w.starts_with('»')
            || words.last().is_some_and(|last| thousands(last, w));
        match words.last_mut() {
            Some(last) if glue_next || glue_prev => {
                last.push(' ');
                last.push_str(w);
            }
            _ => words.push(w.to_owned()),
        }
        glue_next = matches!(w, "«" | "n°" | "art." | "(n°");
    }
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
    fn wrap_keeps_words_whole_and_indents() {
        let w = wrap("un deux trois quatre", 9, "  ");
        assert_eq!(w, "un deux\n  trois\n  quatre");
    }
}
