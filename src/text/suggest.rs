//! « Did you mean »: the closest known name to a misspelt one.

/// « , vouliez-vous dire « x » ? » when a close candidate exists.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(msg::suggestion)
        .unwrap_or_default()
}

/// The closest candidate, when it is close enough to be a misspelling.
/// A word far longer than a candidate (more than 3 times, and 10
/// characters) is no misspelling of it, and is not compared: the
/// comparison costs the product of the two lengths (a key of 15 MB took
/// 15 s against the ids of the questionnaires).
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    candidates
        .filter(|c| len <= 3 * c.chars().count() + 10)
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

pub(crate) mod msg {
    crate::text::i18n::messages! {
        /// After a misspelt name: « (vouliez-vous dire « x » ?) ».
        fn suggestion(name: &str) {
            fr: " (vouliez-vous dire « {name} » ?)",
            en: " (did you mean « {name} »?)",
        }
        fn did_you_mean_dash(name: &str) {
            fr: " — vouliez-vous dire « {name} » ?",
            en: " — did you mean « {name} »?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_is_suggested_and_a_far_longer_word_is_not_compared() {
        let ids = ["algo_etp", "donnees_etp"];
        assert_eq!(did_you_mean("algo_epp", ids.into_iter()), Some("algo_etp"));
        let long = format!("algo_etp{}", "x".repeat(100));
        assert_eq!(did_you_mean(&long, ids.into_iter()), None);
    }
}
