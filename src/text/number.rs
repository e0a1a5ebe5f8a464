//! Numbers as the program writes them: [`fmt_num`] in the plain form of
//! answers files (`3500`, `12.5`), [`number`] the way the interface
//! language writes them (« 3 500 », « 12,5 » in French; « 3,500 »,
//! « 12.5 » in English).

use crate::text::i18n::{Lang, Texts};

/// The plain form: no grouping, a point before decimals, no `.0`.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A number in the current interface language.
pub fn number(x: f64) -> String {
    grouped(x, crate::text::i18n::texts())
}

/// A number as the legal content writes it, whatever the interface
/// language: French (« 3 500 », « 12,5 »).
pub fn french(x: f64) -> String {
    grouped(x, Texts::of(Lang::Fr))
}

/// `x` with the thousands separator and decimal mark of `t`.
pub fn grouped(x: f64, t: &Texts) -> String {
    let plain = fmt_num(x);
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if !int.bytes().all(|b| b.is_ascii_digit()) {
        return plain; // exponent notation: leave it alone
    }
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(t.thousands);
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", t.decimal)
    }
}

/// A number as people type it in language `lang`, zero or more
/// and finite. Spaces group thousands in both languages. French: a comma
/// or a dot is the decimal mark (« 12,5 »). English: a dot is the decimal
/// mark and commas may group thousands (« 1,200.5 »). Whatever could be
/// read two ways — « 1.200 » or « 1,200 » in French, « 49,5 » in English —
/// is refused rather than guessed: a wrong guess would change a threshold.
pub fn parse(s: &str, lang: Lang) -> Option<f64> {
    let compact: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    let plain = match lang {
        Lang::Fr => french_number(&compact)?,
        Lang::En => english_number(&compact)?,
    };
    let n: f64 = plain.parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n)
}

/// « 12,5 » or « 12.5 » → « 12.5 »; « 1.200 », « 1,200 » → ambiguous.
fn french_number(s: &str) -> Option<String> {
    let marks = s.matches([',', '.']).count();
    if marks > 1 {
        return None;
    }
    if let Some((int, frac)) = s.split_once([',', '.'])
        && frac.len() == 3
        && !int.trim_start_matches('0').is_empty()
    {
        return None;
    }
    Some(s.replace(',', "."))
}

/// « 1,200.5 » → « 1200.5 »; commas only as thousands groups.
fn english_number(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_owned());
    }
    let int = s.split('.').next().unwrap_or_default();
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    grouped.then(|| s.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shown_the_french_way() {
        // Tests run with the French interface.
        assert_eq!(number(3500.0), "3\u{202f}500");
        assert_eq!(number(1_200_000.0), "1\u{202f}200\u{202f}000");
        assert_eq!(number(49.0), "49");
        assert_eq!(number(12.5), "12,5");
        assert_eq!(number(0.0), "0");
    }

    fn parse_fr(s: &str) -> Option<f64> {
        parse(s, Lang::Fr)
    }

    #[test]
    fn numbers_are_read_the_french_way() {
        assert_eq!(parse_fr("120"), Some(120.0));
        assert_eq!(parse_fr(" 1 200 "), Some(1200.0));
        assert_eq!(parse_fr("12,5"), Some(12.5));
        assert_eq!(parse_fr("12.5"), Some(12.5));
        assert_eq!(parse_fr("0,125"), Some(0.125));
        // Read two ways: refused, never guessed.
        assert_eq!(parse_fr("1.200"), None);
        assert_eq!(parse_fr("1,200"), None);
        assert_eq!(parse_fr("1.200,5"), None);
        assert_eq!(english_number("1,200").as_deref(), Some("1200"));
        assert_eq!(english_number("1,200,000.5").as_deref(), Some("1200000.5"));
        assert_eq!(english_number("49,5"), None);
        assert_eq!(english_number("1,2"), None);
        assert_eq!(english_number("12,00"), None);
        assert_eq!(parse_fr("3\u{202f}500"), Some(3500.0));
        assert_eq!(parse_fr("-3"), None);
        assert_eq!(parse_fr("beaucoup"), None);
        assert_eq!(parse_fr("inf"), None);
        assert_eq!(parse_fr("NaN"), None);
    }
}
