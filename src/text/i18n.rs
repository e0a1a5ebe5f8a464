//! Interface strings in French (default) and English. Only the interface
//! is translated: questions, help texts, findings and outcomes are legal
//! content and stay in French, which the English interface says once.
//!
//! The language is decided once at start ([`set`]) and read everywhere
//! with [`texts`]; functions that tests call with both languages take a
//! `&Texts` instead.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The interface language. The legal content is French whatever it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the interface language for the rest of the run.
pub fn set(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Fr => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Fr,
    }
}

/// The strings of the current language.
pub fn texts() -> &'static Texts {
    Texts::of(current())
}

/// `--lang` when given; else the first non-empty of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` (the POSIX order): English when it starts with
/// « en », French otherwise.
pub fn detect(flag: Option<Lang>, env: &dyn Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| !v.is_empty());
    match locale {
        Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Fr,
    }
}

/// `--lang` read from raw arguments, before clap parses them, so that
/// `--help` itself can be in English. Accepts `--lang en` and `--lang=en`.
pub fn lang_in_args<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Option<Lang> {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = args.iter().enumerate().find_map(|(i, a)| {
        if a == "--lang" {
            args.get(i + 1).cloned()
        } else {
            a.strip_prefix("--lang=").map(str::to_owned)
        }
    })?;
    match value.as_str() {
        "en" => Some(Lang::En),
        "fr" => Some(Lang::Fr),
        _ => None,
    }
}

/// Messages that take arguments, written once in each language: every
/// `fn name(arg: Type, …) { fr: "…", en: "…" }` becomes a `pub fn`
/// returning the message in the current language, set with French
/// typography (the strings are
/// `format!` strings that name the arguments: `« {id} »`). In tests, `ALL`
/// lists every `(name, French, English)` for [`check_pairs`].
macro_rules! messages {
    ($(
        $(#[$attr:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) { fr: $fr:literal, en: $en:literal $(,)? }
    )*) => {
        $(
            $(#[$attr])*
            pub fn $name($($arg: $ty),*) -> String {
                $crate::text::typography::typeset_owned(match $crate::text::i18n::current() {
                    $crate::text::i18n::Lang::Fr => std::fmt::format(format_args!($fr)),
                    $crate::text::i18n::Lang::En => std::fmt::format(format_args!($en)),
                })
            }
        )*

        /// Every message of this module: (name, French, English).
        #[cfg(test)]
        pub const ALL: &[(&str, &str, &str)] = &[$((stringify!($name), $fr, $en)),*];
    };
}
pub(crate) use messages;

/// Checks a table of [`messages!`]: both versions are written, name the
/// same arguments, and the English one has no space before a colon,
/// semicolon, question or exclamation mark.
#[cfg(test)]
pub fn check_pairs(table: &[(&str, &str, &str)]) {
    fn placeholders(s: &str) -> std::collections::BTreeSet<String> {
        let s = s.replace("{{", "").replace("}}", "");
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }
    for (name, fr, en) in table {
        assert!(!fr.trim().is_empty(), "{name}: empty French message");
        assert!(!en.trim().is_empty(), "{name}: empty English message");
        assert_eq!(
            placeholders(fr),
            placeholders(en),
            "{name}: the two versions name different arguments"
        );
        for p in [" :", " ;", " ?", " !"] {
            assert!(!en.contains(p), "{name}: « {p} » in English: {en}");
        }
    }
}

/// Every interface string. Formatted messages are methods.
#[derive(Debug)]
pub struct Texts {
    pub lang: Lang,
    /// What goes before a colon: a space in French typography, none in English.
    pub colon: &'static str,
    /// The same for semicolons and question marks.
    pub semicolon: &'static str,
    pub question_mark: &'static str,
    /// Number display: thousands separator and decimal mark.
    pub thousands: &'static str,
    pub decimal: &'static str,
    /// The label of a computed step: « 2 sur 4 (deux critères ou plus) ».
    pub tally_of: &'static str,
    // File errors, by kind.
    pub io_not_found: &'static str,
    pub io_denied: &'static str,
    pub io_is_dir: &'static str,
    pub io_not_utf8: &'static str,
    // Messages on stderr.
    pub error: &'static str,
    pub warning: &'static str,
    pub legal_content_in_french: &'static str,
    pub unused_answers: &'static str,
    pub interrupted: &'static str,
    pub nothing_saved: &'static str,
    pub no_questionnaire_in: &'static str,
    // The session.
    pub keys_fancy: &'static str,
    pub keys_plain: &'static str,
    pub help_entry: &'static str,
    /// The help entry once the short help is on screen and more remains.
    pub more_entry: &'static str,
    pub back_entry: &'static str,
    pub cancel_entry: &'static str,
    pub number_invalid: &'static str,
    pub your_choice: &'static str,
    pub your_answer: &'static str,
    pub keep_previous: &'static str,
    pub help_title: &'static str,
    pub more_title: &'static str,
    pub help_choices: &'static str,
    pub help_terms: &'static str,
    pub no_help: &'static str,
    pub dropped: &'static str,
    pub dropped_after: &'static str,
    pub review_title: &'static str,
    pub review_question: &'static str,
    pub review_confirm: &'static str,
    pub review_plain: &'static str,
    pub input_closed: &'static str,
    // The decision.
    pub verdict_must: &'static str,
    pub verdict_may: &'static str,
    pub verdict_not_concerned: &'static str,
    pub verdict_not_yet: &'static str,
    pub verdict_cannot: &'static str,
    pub group_obligation: &'static str,
    pub group_recommendation: &'static str,
    pub group_warning: &'static str,
    pub group_note: &'static str,
    pub next_steps: &'static str,
    pub guides: &'static str,
    pub newer_version: &'static str,
    /// The heading of the one guide of a brief decision.
    pub read_first: &'static str,
    /// The last line of a brief decision: how to see everything.
    pub more_with_detail: &'static str,
    pub why: &'static str,
    pub why_intro: &'static str,
    pub why_leads_to: &'static str,
    /// After the text of a step the program worked out (a `tally`).
    pub why_computed: &'static str,
    /// Heading of the numbered list of legal references.
    pub references: &'static str,
    pub kind_obligation: &'static str,
    pub kind_recommendation: &'static str,
    pub kind_warning: &'static str,
    pub kind_note: &'static str,
    pub not_legal_advice: &'static str,
    // Answers errors (engine::AnswerError).
    pub did_you_mean: &'static str,
    // How answers are described in answer errors.
    pub value_true: &'static str,
    pub value_false: &'static str,
    /// « un nombre (50 ou plus) »: the range label goes in the braces.
    pub value_number: &'static str,
    pub value_text: &'static str,
    /// The answer to a text question, in listings and diagrams.
    pub free_text: &'static str,
    pub expect_bool: &'static str,
    pub expect_choice: &'static str,
    pub expect_number: &'static str,
    pub expect_text: &'static str,
    pub expect_nothing: &'static str,
    pub given_bool: &'static str,
    pub given_number: &'static str,
    pub given_text: &'static str,
    pub unknown_question: &'static str,
    pub questions_list: &'static str,
    pub unknown_questionnaire: &'static str,
    pub questionnaires_list: &'static str,
    pub allowed: &'static str,
    pub not_a_choice: &'static str,
    // Missing answers without a terminal.
    pub missing_answer: &'static str,
    pub missing_add_to_file: &'static str,
    pub missing_no_terminal: &'static str,
    pub missing_no_input: &'static str,
}

impl Texts {
    /// The same strings set with French typography
    /// ([`crate::text::typography`]); each is kept for the whole run.
    fn typeset(&self) -> Texts {
        fn set(s: &'static str) -> &'static str {
            match crate::text::typography::typeset(s) {
                std::borrow::Cow::Borrowed(s) => s,
                std::borrow::Cow::Owned(s) => Box::leak(s.into_boxed_str()),
            }
        }
        macro_rules! each {
            ($($field:ident),* $(,)?) => {
                Texts { lang: self.lang, $($field: set(self.$field)),* }
            };
        }
        each!(
            colon,
            semicolon,
            question_mark,
            thousands,
            decimal,
            tally_of,
            io_not_found,
            io_denied,
            io_is_dir,
            io_not_utf8,
            error,
            warning,
            legal_content_in_french,
            unused_answers,
            interrupted,
            nothing_saved,
            no_questionnaire_in,
            keys_fancy,
            keys_plain,
            help_entry,
            more_entry,
            back_entry,
            cancel_entry,
            number_invalid,
            your_choice,
            your_answer,
            keep_previous,
            help_title,
            more_title,
            help_choices,
            help_terms,
            no_help,
            dropped,
            dropped_after,
            review_title,
            review_question,
            review_confirm,
            review_plain,
            input_closed,
            verdict_must,
            verdict_may,
            verdict_not_concerned,
            verdict_not_yet,
            verdict_cannot,
            group_obligation,
            group_recommendation,
            group_warning,
            group_note,
            next_steps,
            guides,
            newer_version,
            read_first,
            more_with_detail,
            why,
            why_intro,
            why_leads_to,
            why_computed,
            references,
            kind_obligation,
            kind_recommendation,
            kind_warning,
            kind_note,
            not_legal_advice,
            did_you_mean,
            value_true,
            value_false,
            value_number,
            value_text,
            free_text,
            expect_bool,
            expect_choice,
            expect_number,
            expect_text,
            expect_nothing,
            given_bool,
            given_number,
            given_text,
            unknown_question,
            questions_list,
            unknown_questionnaire,
            questionnaires_list,
            allowed,
            not_a_choice,
            missing_answer,
            missing_add_to_file,
            missing_no_terminal,
            missing_no_input
        )
    }

    /// Under a brief decision that left items out: how many, and where.
    pub fn more_in_detail(&self, n: usize) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!("… et {n} autre(s) point(s) : --detail"),
                Lang::En => format!("… and {n} more: --detail"),
            }
        })
    }

    /// « 2 sur 4 (deux critères ou plus) »: what a tally worked out.
    pub fn tally_label(&self, count: usize, total: usize, range: &str) -> String {
        crate::text::typography::typeset_owned({
            self.tally_of
                .replacen("{}", &count.to_string(), 1)
                .replacen("{}", &total.to_string(), 1)
                .replacen("{}", range, 1)
        })
    }

    pub fn of(lang: Lang) -> &'static Texts {
        match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The last line of a help page that has a sequel: how to see it.
    /// `typed`: the user types « ? » (plain mode, number and text
    /// questions) rather than picking an entry of a menu.
    pub fn more_hint(&self, typed: bool, next: usize, pages: usize) -> String {
        crate::text::typography::typeset_owned({
            let page = |fr: bool| match (fr, pages) {
                (_, 0 | 1) => String::new(),
                (true, n) => format!(" (page {next} sur {n})"),
                (false, n) => format!(" (page {next} of {n})"),
            };
            match (self.lang, typed, next) {
                (Lang::Fr, false, 1) => format!(
                    "Pour en savoir plus : « Plus de détails » dans la liste{}.",
                    page(true)
                ),
                (Lang::Fr, true, 1) => format!(
                    "Pour en savoir plus : tapez « ? » de nouveau{}.",
                    page(true)
                ),
                (Lang::Fr, false, _) => {
                    format!("Suite : « Plus de détails » dans la liste{}.", page(true))
                }
                (Lang::Fr, true, _) => format!("Suite : tapez « ? » de nouveau{}.", page(true)),
                (Lang::En, false, 1) => {
                    format!(
                        "To learn more: « More details » in the list{}.",
                        page(false)
                    )
                }
                (Lang::En, true, 1) => format!("To learn more: type « ? » again{}.", page(false)),
                (Lang::En, false, _) => {
                    format!("Next: « More details » in the list{}.", page(false))
                }
                (Lang::En, true, _) => format!("Next: type « ? » again{}.", page(false)),
            }
        })
    }

    /// « Question 3 sur 9 au plus · Organisme ».
    pub fn progress(&self, n: usize, at_most: usize, section: Option<&str>) -> String {
        crate::text::typography::typeset_owned({
            let head = match (self.lang, n >= at_most) {
                (Lang::Fr, true) => format!("Question {n}, la dernière"),
                (Lang::Fr, false) => format!("Question {n} sur {at_most} au plus"),
                (Lang::En, true) => format!("Question {n}, the last one"),
                (Lang::En, false) => format!("Question {n} of at most {at_most}"),
            };
            match section {
                Some(s) if !s.is_empty() => format!("{head} · {s}"),
                _ => head,
            }
        })
    }

    /// The line above a number or text prompt.
    pub fn input_hint(&self, number: bool, unit: Option<&str>) -> String {
        crate::text::typography::typeset_owned({
            let keys = match self.lang {
                Lang::Fr => "« ? » : aide, « < » : revenir",
                Lang::En => "« ? »: help, « < »: back",
            };
            match (self.lang, number, unit) {
                (Lang::Fr, true, Some(u)) => format!("Répondez par un nombre, en {u}. {keys}."),
                (Lang::Fr, true, None) => format!("Répondez par un nombre. {keys}."),
                (Lang::Fr, false, _) => format!("Répondez librement. {keys}."),
                (Lang::En, true, Some(u)) => format!("Answer with a number, in {u}. {keys}."),
                (Lang::En, true, None) => format!("Answer with a number. {keys}."),
                (Lang::En, false, _) => format!("Answer freely. {keys}."),
            }
        })
    }

    pub fn choice_invalid(&self, count: usize) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!(
                    "Tapez un numéro entre 1 et {count}, « ? » pour l'aide ou « < » pour revenir."
                ),
                Lang::En => {
                    format!("Type a number from 1 to {count}, « ? » for help or « < » to go back.")
                }
            }
        })
    }

    pub fn review_invalid(&self, count: usize) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!(
                    "Appuyez sur Entrée pour voir le résultat, ou tapez un numéro entre 1 et {count}."
                ),
                Lang::En => {
                    format!("Press Enter to see the result, or type a number from 1 to {count}.")
                }
            }
        })
    }

    pub fn will_save(&self, file: &str) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!(
                    "Vos réponses seront enregistrées dans {file}, même si vous quittez avec Ctrl-C."
                ),
                Lang::En => {
                    format!("Your answers will be saved to {file}, even if you quit with Ctrl-C.")
                }
            }
        })
    }

    pub fn saved(&self, file: &str) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!("Réponses enregistrées dans {file}."),
                Lang::En => format!("Answers saved to {file}."),
            }
        })
    }

    pub fn resume_with(&self, file: &str) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => {
                    format!(
                        "Pour reprendre là où vous vous êtes arrêté :\n  aiguillage --answers {file} --save-answers {file}"
                    )
                }
                Lang::En => format!(
                    "To resume where you stopped:\n  aiguillage --answers {file} --save-answers {file}"
                ),
            }
        })
    }

    pub fn wrong_type(&self, id: &str, expected: &str, given: &str) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!("« {id} » attend {expected}, pas {given}"),
                Lang::En => format!("« {id} » expects {expected}, not {given}"),
            }
        })
    }

    /// An answer given for a `tally`, which is worked out, never asked.
    pub fn computed_not_asked(&self, id: &str, counts: &[String]) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => format!(
                    "« {id} » est calculé, pas demandé : retirez-le du fichier de réponses (il compte les réponses « oui » à {})",
                    counts.join(", ")
                ),
                Lang::En => format!(
                    "« {id} » is worked out, not asked: remove it from the answers file (it counts the « yes » answers to {})",
                    counts.join(", ")
                ),
            }
        })
    }

    pub fn questionnaire_footer(&self, title: &str, version: &str, date: &str) -> String {
        crate::text::typography::typeset_owned({
            match self.lang {
                Lang::Fr => {
                    format!("Questionnaire « {title} » v{version}, état du droit au {date}.")
                }
                Lang::En => format!("Questionnaire « {title} » v{version}, law as of {date}."),
            }
        })
    }
}

/// The French interface strings, set with French typography once, at
/// their first use.
pub static FR: LazyLock<Texts> = LazyLock::new(|| FR_AS_WRITTEN.typeset());

/// The English interface strings (their « » get no-break spaces too).
pub static EN: LazyLock<Texts> = LazyLock::new(|| EN_AS_WRITTEN.typeset());

static FR_AS_WRITTEN: Texts = Texts {
    lang: Lang::Fr,
    colon: " :",
    semicolon: " ;",
    question_mark: " ?",
    thousands: "\u{202f}",
    decimal: ",",
    tally_of: "{} sur {} ({})",
    io_not_found: "fichier ou dossier introuvable",
    io_denied: "accès refusé",
    io_is_dir: "c'est un dossier, pas un fichier",
    io_not_utf8: "le fichier n'est pas du texte UTF-8",
    error: "erreur",
    warning: "attention",
    legal_content_in_french: "",
    unused_answers: "réponse(s) non utilisée(s) par ce chemin :",
    interrupted: "Session interrompue.",
    nothing_saved: "Rien n'a été enregistré ; la prochaine fois, ajoutez --save-answers FICHIER pour pouvoir reprendre.",
    no_questionnaire_in: "aucun questionnaire trouvé dans",
    keys_fancy: "Choisissez avec les flèches du clavier puis Entrée. « Aide » dit comment répondre, puis « Plus de détails » donne la règle, des exemples et les définitions ; « Revenir » (ou Échap) corrige la réponse précédente. Ctrl-C pour quitter.",
    keys_plain: "Tapez le numéro de votre réponse puis Entrée. « ? » affiche l'aide (de nouveau : plus de détails), « < » revient à la question précédente. Ctrl-C pour quitter.",
    help_entry: "? Aide : comment répondre",
    more_entry: "? Plus de détails : règles, exemples, définitions",
    back_entry: "Revenir à la question précédente",
    cancel_entry: "Annuler : garder la réponse actuelle",
    number_invalid: "Nombre positif attendu, par exemple 1 200 ou 12,5 (« 1.200 » est ambigu).",
    your_choice: "Votre choix",
    your_answer: "Votre réponse",
    keep_previous: "Entrée : garder",
    help_title: "Aide",
    more_title: "Plus de détails",
    help_choices: "Les réponses possibles",
    help_terms: "Définitions",
    no_help: "Pas d'aide particulière pour cette question.",
    dropped: "Ces réponses ne s'appliquent plus à votre nouveau parcours ; elles ont été retirées :",
    dropped_after: "Si l'une de ces questions revient, votre ancienne réponse sera proposée par défaut.",
    review_title: "Vos réponses",
    review_question: "Tout est juste ?",
    review_confirm: "Oui, voir le résultat",
    review_plain: "Entrée : voir le résultat ; un numéro : modifier cette réponse ; « < » : revenir à la dernière question.",
    input_closed: "l'entrée standard s'est fermée avant la fin des questions",
    verdict_must: "Obligation",
    verdict_may: "Possible, non obligatoire",
    verdict_not_concerned: "Non concerné",
    verdict_not_yet: "Pas encore",
    verdict_cannot: "Impossible en l'état",
    group_obligation: "Ce que vous devez faire",
    group_recommendation: "Ce que vous pouvez faire",
    group_warning: "Points de vigilance",
    group_note: "À savoir",
    next_steps: "Prochaines étapes",
    guides: "Guides",
    newer_version: "version récente :",
    read_first: "Le guide à lire d'abord",
    more_with_detail: "Le détail (constats en entier, notes, réserves sur les textes, tous les guides) : ajoutez --detail.",
    why: "Pourquoi ?",
    why_intro: "Vos réponses, dans l'ordre, et ce que chacune implique :",
    why_leads_to: "D'où le résultat :",
    why_computed: "calculé d'après vos réponses",
    references: "Références",
    kind_obligation: "obligation",
    kind_recommendation: "possibilité",
    kind_warning: "vigilance",
    kind_note: "à savoir",
    not_legal_advice: "Ceci n'est pas un avis juridique : vérifiez les articles sur Légifrance.",
    did_you_mean: "vouliez-vous dire",
    value_true: "true (oui)",
    value_false: "false (non)",
    value_number: "un nombre ({})",
    value_text: "un texte libre",
    free_text: "texte libre",
    expect_bool: "un booléen (true ou false)",
    expect_choice: "une des valeurs de la liste (chaîne)",
    expect_number: "un nombre positif ou nul",
    expect_text: "un texte",
    expect_nothing: "aucune réponse (valeur calculée)",
    given_bool: "le booléen {}",
    given_number: "le nombre {}",
    given_text: "le texte « {} »",
    unknown_question: "question inconnue",
    questions_list: "liste des questions : aiguillage questions",
    unknown_questionnaire: "questionnaire inconnu",
    questionnaires_list: "questionnaires :",
    allowed: "valeurs permises :",
    not_a_choice: "n'est pas une réponse possible",
    missing_answer: "réponse manquante pour",
    missing_add_to_file: "ajoutez-la au fichier de réponses ; dans un terminal (et sans --answers -), elle serait posée",
    missing_no_terminal: "pas de terminal pour poser les questions : donnez les réponses avec --answers FICHIER (modèle : aiguillage questions --skeleton), ou lancez aiguillage dans un terminal",
    missing_no_input: "--no-input : aucune question n'est posée ; donnez cette réponse dans un fichier passé à --answers (modèle : aiguillage questions --skeleton)",
};

static EN_AS_WRITTEN: Texts = Texts {
    lang: Lang::En,
    colon: ":",
    semicolon: ";",
    question_mark: "?",
    thousands: ",",
    decimal: ".",
    tally_of: "{} of {} ({})",
    io_not_found: "no such file or folder",
    io_denied: "permission denied",
    io_is_dir: "this is a folder, not a file",
    io_not_utf8: "the file is not UTF-8 text",
    error: "error",
    warning: "warning",
    legal_content_in_french: "Legal content is in French (questions, help, findings); the interface is in English.",
    unused_answers: "answer(s) not used by this path:",
    interrupted: "Session interrupted.",
    nothing_saved: "Nothing was saved; next time, add --save-answers FILE to be able to resume.",
    no_questionnaire_in: "no questionnaire found in",
    keys_fancy: "Choose with the arrow keys, then Enter. « Help » says how to answer, then « More details » gives the rule, examples and definitions; « Back » (or Esc) changes the previous answer. Ctrl-C to quit.",
    keys_plain: "Type the number of your answer, then Enter. « ? » shows the help (again: more details), « < » goes back to the previous question. Ctrl-C to quit.",
    help_entry: "? Help: how to answer",
    more_entry: "? More details: rules, examples, definitions",
    back_entry: "Back to the previous question",
    cancel_entry: "Cancel: keep the current answer",
    number_invalid: "A number, zero or more, is expected, e.g. 1,200 or 12.5 (« 49,5 » is ambiguous).",
    your_choice: "Your choice",
    your_answer: "Your answer",
    keep_previous: "Enter: keep",
    help_title: "Help",
    more_title: "More details",
    help_choices: "The possible answers",
    help_terms: "Definitions",
    no_help: "No specific help for this question.",
    dropped: "These answers no longer apply to your new path; they were removed:",
    dropped_after: "If one of these questions comes back, your former answer will be offered by default.",
    review_title: "Your answers",
    review_question: "Is everything right?",
    review_confirm: "Yes, show the result",
    review_plain: "Enter: show the result; a number: change that answer; « < »: back to the last question.",
    input_closed: "standard input closed before the end of the questions",
    verdict_must: "Required",
    verdict_may: "Allowed, not required",
    verdict_not_concerned: "Not concerned",
    verdict_not_yet: "Not yet",
    verdict_cannot: "Not possible as things stand",
    group_obligation: "What you must do",
    group_recommendation: "What you may do",
    group_warning: "Points of attention",
    group_note: "Good to know",
    next_steps: "Next steps",
    guides: "Guides",
    newer_version: "newer version:",
    read_first: "The guide to read first",
    more_with_detail: "The details (findings in full, notes, caveats on the texts, every guide): add --detail.",
    why: "Why?",
    why_intro: "Your answers, in order, and what each one implies:",
    why_leads_to: "Hence the result:",
    why_computed: "worked out from your answers",
    references: "References",
    kind_obligation: "duty",
    kind_recommendation: "option",
    kind_warning: "warning",
    kind_note: "note",
    not_legal_advice: "This is not legal advice: check the articles on Légifrance.",
    did_you_mean: "did you mean",
    value_true: "true (yes)",
    value_false: "false (no)",
    value_number: "a number ({})",
    value_text: "free text",
    free_text: "free text",
    expect_bool: "a boolean (true or false)",
    expect_choice: "one of the listed values (a string)",
    expect_number: "a number, zero or more",
    expect_text: "a text",
    expect_nothing: "no answer (the value is worked out)",
    given_bool: "the boolean {}",
    given_number: "the number {}",
    given_text: "the text « {} »",
    unknown_question: "unknown question",
    questions_list: "list of questions: aiguillage questions",
    unknown_questionnaire: "unknown questionnaire",
    questionnaires_list: "questionnaires:",
    allowed: "allowed values:",
    not_a_choice: "is not a possible answer",
    missing_answer: "missing answer for",
    missing_add_to_file: "add it to the answers file; in a terminal (and without --answers -) it would be asked",
    missing_no_terminal: "no terminal to ask the questions: give the answers with --answers FILE (template: aiguillage questions --skeleton), or run aiguillage in a terminal",
    missing_no_input: "--no-input: no question is asked; give this answer in a file passed to --answers (template: aiguillage questions --skeleton)",
};

/// A fake environment for tests: the variables in `pairs`, nothing else.
#[cfg(test)]
pub(crate) fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| (*v).to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_the_environment() {
        let e = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(detect(Some(Lang::Fr), &e), Lang::Fr);
        assert_eq!(detect(None, &e), Lang::En);
    }

    #[test]
    fn lc_all_wins_over_lang_and_empty_values_are_skipped() {
        let e = env(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_GB.UTF-8")]);
        assert_eq!(detect(None, &e), Lang::Fr);
        let e = env(&[("LC_ALL", ""), ("LC_MESSAGES", "en"), ("LANG", "fr_FR")]);
        assert_eq!(detect(None, &e), Lang::En);
        assert_eq!(detect(None, &env(&[])), Lang::Fr);
        assert_eq!(detect(None, &env(&[("LANG", "C.UTF-8")])), Lang::Fr);
    }

    #[test]
    fn lang_is_found_in_raw_arguments() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_in_args(args(&["x", "--lang", "en"])), Some(Lang::En));
        assert_eq!(
            lang_in_args(args(&["x", "--lang=fr", "--help"])),
            Some(Lang::Fr)
        );
        assert_eq!(lang_in_args(args(&["x", "--lang"])), None);
        assert_eq!(lang_in_args(args(&["x", "--help"])), None);
    }

    #[test]
    fn check_pairs_catches_a_missing_argument_and_french_spacing() {
        let missing = std::panic::catch_unwind(|| check_pairs(&[("x", "« {id} » :", "oops")]));
        assert!(missing.is_err());
        let spaced = std::panic::catch_unwind(|| check_pairs(&[("x", "a :", "a :")]));
        assert!(spaced.is_err());
        check_pairs(&[("x", "« {id} » : {{x}}", "« {id} »: {{x}}")]);
    }

    #[test]
    fn progress_reads_naturally() {
        assert_eq!(
            FR.progress(3, 9, Some("Organisme")),
            "Question 3 sur 9 au plus · Organisme"
        );
        assert_eq!(FR.progress(4, 4, None), "Question 4, la dernière");
        assert_eq!(EN.progress(2, 5, None), "Question 2 of at most 5");
    }
}
