//! « Did you mean »: the closest known name to a misspelt one.

/// « , vouliez-vous dire « x » ? » when a close candidate exists.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(msg::suggestion)
        .unwrap_or_default()
}

/// The closest candidate, when it is close enough to be a misspelling.
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
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
