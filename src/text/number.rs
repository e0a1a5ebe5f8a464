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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shown_the_french_way() {
        // Tests run with the French interface.
        assert_eq!(number(3500.0), "3 500");
        assert_eq!(number(1_200_000.0), "1 200 000");
        assert_eq!(number(49.0), "49");
        assert_eq!(number(12.5), "12,5");
        assert_eq!(number(0.0), "0");
    }
}
