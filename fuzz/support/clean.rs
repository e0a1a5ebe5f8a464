//! What every fuzz target asserts of what the program prints or writes:
//! no raw control character (C0 but line breaks and tabs, DEL, C1, bidi
//! overrides and isolates), whatever the input held.

/// Panics on the first raw control character of `s`, naming `what`.
pub fn assert_clean(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    }) {
        panic!("{what}: raw {c:?} in {s:?}");
    }
}
