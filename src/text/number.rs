//! Numbers as the program writes them: [`fmt_num`] in the plain form of
//! answers files (`3500`, `12.5`), [`number`] the way the interface
//! language writes them (« 3 500 », « 12,5 » in French; « 3,500 »,
//! « 12.5 » in English).

use crate::text::i18n::{Lang, Texts};

/// The plain form: no grouping, a point before decimals, no `.0`. A
/// whole number is written with all its digits up to 10²¹
/// (`18446744073709551616`, never `1.8446744073709552e19`); past it, as
/// `1e300`.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e21 {
        format!("{x:.0}")
    } else if x.is_finite() && x.abs() >= 1e21 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The significant digits a number can always have: any decimal number
/// of 15 digits or fewer is read back as written (a double's guarantee);
/// past 15, only those that name a double exactly are (see [`exact`]).
pub const SAFE_DIGITS: usize = 15;

/// A number written in plain decimal (`49.99`, `1e3`, `-2`) as the
/// double that holds it as written: the double whose shortest decimal
/// form is that number (trailing zeros and exponent aside), or for a
/// whole number, whose digits are. `None` otherwise: more significant
/// digits than a double keeps (`49.99999999999999999` would be read as
/// 50, on the other side of a threshold), or a whole number past 2^53
/// that falls between two doubles (`18446744073709551615`). Such a
/// number is refused rather than rounded: which side of a legal
/// threshold it is on is for the user to say, with fewer digits. What is
/// accepted is compared with the thresholds (written with few digits:
/// 50, 3 500) and saved exactly as written. See [`nearest`] for the
/// message.
pub fn exact(text: &str) -> Option<f64> {
    let x: f64 = text.parse().ok()?;
    if !x.is_finite() {
        return None;
    }
    let written = decimal(text)?;
    // As written, if it has no more significant digits than the shortest
    // form of the double it is read as: then no digit was lost. (Where two
    // shortest forms exist, as 1443360230967579.2 and …579.3 for the same
    // double, serde_json writes one and Rust the other: either is exact.)
    // Or, for a whole number, if all its digits are the double's.
    let shortest = decimal(&format!("{x:e}"))?;
    let same = |form: &str| decimal(form).as_ref() == Some(&written);
    (written.1.len() <= shortest.1.len() || (x.fract() == 0.0 && same(&format!("{x:.0}"))))
        .then_some(x)
}

/// The number a double would hold for `text`, in its shortest form: what
/// a refusal of [`exact`] proposes (`49.99999999999999999` → `50`).
pub fn nearest(text: &str) -> Option<String> {
    text.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(fmt_num)
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// `given`: the number as written (cut if long); `nearest`: what
        /// it would be read as.
        fn too_precise(given: &str, nearest: &str) {
            fr: "{given} a plus de chiffres qu'un nombre n'en garde : il serait lu {nearest}, ce qui peut le faire passer de l'autre côté d'un seuil ; écrivez au plus 15 chiffres significatifs (par exemple {nearest}, si c'est bien ce nombre)",
            en: "{given} has more digits than a number keeps: it would be read as {nearest}, which may put it on the other side of a threshold; write at most 15 significant digits (for example {nearest}, if that is the number you mean)",
        }
    }
}

/// Why [`exact`] refused `text`, in the interface language.
pub fn too_precise(text: &str) -> String {
    let given = crate::text::escape::quote(text, 60);
    msg::too_precise(&given, &nearest(text).unwrap_or_default())
}

/// Compares two numbers written in plain decimal (`49.99999999999999999`,
/// `50`, `1e3`) exactly as written, digit by digit, without reading them
/// as doubles; `None` when either is not such a number. An oracle for the
/// tests and the fuzz targets: the thresholds as the law writes them.
pub fn cmp_decimal(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    let (a, b) = (decimal(a)?, decimal(b)?);
    let sign = |d: &(bool, String, i64)| match (d.1.is_empty(), d.0) {
        (true, _) => 0,
        (false, true) => -1,
        (false, false) => 1,
    };
    let by_sign = sign(&a).cmp(&sign(&b));
    if by_sign != Ordering::Equal || sign(&a) == 0 {
        return Some(by_sign);
    }
    // Same sign: by the exponent of the first digit, then the digits.
    let magnitude = a.2.cmp(&b.2).then_with(|| a.1.cmp(&b.1));
    Some(if a.0 { magnitude.reverse() } else { magnitude })
}

/// A plain decimal number as (negative, significant digits, exponent of
/// the first one): `-012.50` and `-1.25e1` are both `(true, "125", 1)`.
/// Zero is `(false, "", 0)`, whatever its sign. `None` for anything else
/// than digits, one point and an exponent.
fn decimal(text: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exp) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = format!("{int}{frac}");
    let lead = digits.len() - digits.trim_start_matches('0').len();
    let digits = digits.trim_matches('0');
    if digits.is_empty() {
        return Some((false, String::new(), 0));
    }
    // The exponent of the first significant digit.
    let first = exp.checked_add(int.len() as i64 - 1 - lead as i64)?;
    Some((negative, digits.to_owned(), first))
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
    parse_checked(s, lang).ok()
}

/// Why a typed number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not a number, negative, or ambiguous (« 1.200 »).
    Invalid,
    /// More digits than a number holds (see [`exact`]).
    TooPrecise,
}

/// [`parse`], saying why a number is refused; a number with more digits
/// than a double holds is refused (see [`exact`]), never rounded.
pub fn parse_checked(s: &str, lang: Lang) -> Result<f64, Refused> {
    let compact: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    let plain = match lang {
        Lang::Fr => french_number(&compact),
        Lang::En => english_number(&compact),
    }
    .ok_or(Refused::Invalid)?;
    let n: f64 = plain.parse().map_err(|_| Refused::Invalid)?;
    if !n.is_finite() || n < 0.0 || plain.contains(['i', 'I', 'n', 'N']) {
        return Err(Refused::Invalid);
    }
    exact(&plain).ok_or(Refused::TooPrecise)
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

    #[test]
    fn a_number_no_double_holds_is_refused_not_rounded() {
        // Read as 50, it would cross the threshold of 50.
        assert_eq!(exact("49.99999999999999999"), None);
        assert_eq!(
            parse_checked("49,9999999999999999", Lang::Fr),
            Err(Refused::TooPrecise)
        );
        assert_eq!(exact("18446744073709551615"), None);
        // 17 digits that name no double: the nearest one is said.
        assert_eq!(exact("49.999999999999996"), None);
        assert_eq!(nearest("49.999999999999996").unwrap(), "49.99999999999999");
        // What a double holds, however written.
        assert_eq!(exact("49.99999999999999"), Some(49.99999999999999));
        assert!(exact("49.99999999999999").unwrap() < 50.0);
        assert_eq!(exact("18446744073709551616"), Some(18446744073709551616.0));
        assert_eq!(exact("1.50"), Some(1.5));
        assert_eq!(exact("0.1"), Some(0.1));
        assert_eq!(exact("1e300"), Some(1e300));
        assert_eq!(exact("-0"), Some(-0.0));
        assert_eq!(exact("0.000"), Some(0.0));
        assert_eq!(exact("12E-1"), Some(1.2));
        assert_eq!(parse_fr("3 500,0"), Some(3500.0));
        // As the program writes numbers past 10²¹, so it reads them.
        assert_eq!(parse_fr("1e300"), Some(1e300));
    }

    #[test]
    fn decimals_are_compared_as_written() {
        use std::cmp::Ordering::*;
        assert_eq!(cmp_decimal("49.99999999999999999", "50"), Some(Less));
        assert_eq!(cmp_decimal("50.0", "50"), Some(Equal));
        assert_eq!(cmp_decimal("5e1", "50"), Some(Equal));
        assert_eq!(cmp_decimal("0.5", "0.49"), Some(Greater));
        assert_eq!(cmp_decimal("-1", "0"), Some(Less));
        assert_eq!(cmp_decimal("-2", "-1"), Some(Less));
        assert_eq!(cmp_decimal("0", "-0.0"), Some(Equal));
        assert_eq!(cmp_decimal("100", "99.9"), Some(Greater));
        assert_eq!(cmp_decimal("x", "1"), None);
    }

    /// What serde_json writes for a double is read back as that double,
    /// even where Rust's shortest form picks the other of two digits.
    #[test]
    fn either_shortest_form_of_a_double_is_exact() {
        let x: f64 = "-1443360230967579.2".parse().unwrap();
        assert_eq!(exact("-1443360230967579.2"), Some(x));
        assert_eq!(exact(&serde_json::to_string(&x).unwrap()), Some(x));
        assert_eq!(exact(&format!("{x:e}")), Some(x));
        // One digit more than the double keeps is still refused.
        assert_eq!(exact("-1443360230967579.21"), None);
        assert_eq!(exact("49.999999999999999"), None);
    }

    #[test]
    fn whole_numbers_keep_all_their_digits() {
        assert_eq!(fmt_num(18446744073709551616.0), "18446744073709551616");
        assert_eq!(fmt_num(1e20), "100000000000000000000");
        assert_eq!(fmt_num(1e300), "1e300");
        assert_eq!(fmt_num(12.5), "12.5");
        assert_eq!(fmt_num(3500.0), "3500");
        // Groups of digits are held together by narrow no-break spaces.
        assert_eq!(
            number(18446744073709551616.0),
            "18\u{202f}446\u{202f}744\u{202f}073\u{202f}709\u{202f}551\u{202f}616"
        );
        for text in ["49.99999999999999", "18446744073709551616", "1e300", "0.1"] {
            let x = exact(text).unwrap();
            assert_eq!(exact(&fmt_num(x)), Some(x), "{text}");
        }
    }
}
