//! A decision fit for a terminal: a copy whose every text taken from the
//! input — the answers given (free text above all), and the content of a
//! questionnaire loaded with `--questionnaire` — has its control
//! characters escaped ([`crate::text::escape`]). The text, Markdown and
//! link outputs draw from it; JSON escapes them by itself.

use std::borrow::Cow;

use crate::core::engine::{Decision, StepLabel};
use crate::core::model::Answer;
use crate::text::escape::escape;

fn esc(s: &mut String) {
    if let Cow::Owned(clean) = escape(s) {
        *s = clean;
    }
}

/// Calls `$f` on every text of the decision `$d`; `$($m)?` is `mut` to
/// change them, nothing to read them: one list of the texts for both.
macro_rules! each_text {
    ($d:expr, $f:ident $(, $m:tt)?) => {{
        let d = $d;
        for q in [&$($m)? d.questionnaire, &$($m)? d.decided_by] {
            for s in [&$($m)? q.id, &$($m)? q.title, &$($m)? q.version, &$($m)? q.legal_date] {
                $f(s);
            }
        }
        for step in &$($m)? d.path {
            for s in [&$($m)? step.question, &$($m)? step.text, &$($m)? step.label] {
                $f(s);
            }
            if let Some(s) = &$($m)? step.section {
                $f(s);
            }
            if let Some(s) = &$($m)? step.because {
                $f(s);
            }
            if let Answer::Text(t) = &$($m)? step.answer {
                $f(t);
            }
            match &$($m)? step.shown {
                StepLabel::Range(r) | StepLabel::Tally { range: r, .. } => $f(r),
                StepLabel::AsGiven => {}
            }
            for a in &$($m)? step.articles {
                each_text!(@article a, $f $(, $m)?);
            }
            for s in &$($m)? step.findings {
                $f(s);
            }
        }
        let o = &$($m)? d.outcome;
        for s in [&$($m)? o.id, &$($m)? o.title, &$($m)? o.summary] {
            $f(s);
        }
        for s in &$($m)? o.next_steps {
            $f(s);
        }
        for g in &$($m)? o.guides {
            each_text!(@guide g, $f $(, $m)?);
        }
        for f in &$($m)? d.findings {
            for s in [&$($m)? f.id, &$($m)? f.text] {
                $f(s);
            }
            if let Some(s) = &$($m)? f.short {
                $f(s);
            }
            for a in &$($m)? f.articles {
                each_text!(@article a, $f $(, $m)?);
            }
            for g in &$($m)? f.guides {
                each_text!(@guide g, $f $(, $m)?);
            }
        }
        for g in &$($m)? d.guides {
            each_text!(@guide g, $f $(, $m)?);
        }
        for s in &$($m)? d.unused_answers {
            $f(s);
        }
    }};
    (@article $a:ident, $f:ident $(, $m:tt)?) => {
        for s in [&$($m)? $a.id, &$($m)? $a.label, &$($m)? $a.url] {
            $f(s);
        }
        if let Some(s) = &$($m)? $a.caveat {
            $f(s);
        }
    };
    (@guide $g:ident, $f:ident $(, $m:tt)?) => {
        for s in [&$($m)? $g.id, &$($m)? $g.title, &$($m)? $g.url] {
            $f(s);
        }
        if let Some(s) = &$($m)? $g.successor {
            $f(s);
        }
    };
}

/// `d` with every text's control characters escaped. Nearly every
/// decision has none: it is then read once and not copied.
pub fn escaped(d: &Decision) -> Cow<'_, Decision> {
    let mut clean = true;
    let mut look = |s: &String| clean &= matches!(escape(s), Cow::Borrowed(_));
    each_text!(d, look);
    if clean {
        return Cow::Borrowed(d);
    }
    let mut d = d.clone();
    each_text!(&mut d, esc, mut);
    Cow::Owned(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{self, Evaluation};

    fn decision(answers: serde_json::Value) -> Decision {
        let bundle = crate::Bundle::builtin_lean().unwrap();
        let answers = serde_json::from_value(answers).unwrap();
        let q = bundle.default_questionnaire();
        match engine::evaluate(&bundle, q, &answers).unwrap() {
            Evaluation::Done(d) => *d,
            _ => panic!("not decided"),
        }
    }

    /// A decision with nothing to escape is read, not copied; one with an
    /// escape sequence in a text is copied with it made visible.
    #[test]
    fn only_a_decision_with_a_control_character_is_copied() {
        let clean = decision(serde_json::json!({
            "type_ressource": "algorithme", "algo_administration": "aucun"
        }));
        assert!(matches!(escaped(&clean), Cow::Borrowed(_)));

        let mut dirty = clean.clone();
        dirty.unused_answers.push("a\u{1b}[2Jb".into());
        dirty.outcome.next_steps.push("\u{9b}31m".into());
        let Cow::Owned(shown) = escaped(&dirty) else {
            panic!("not escaped")
        };
        assert_eq!(shown.unused_answers.last().unwrap(), "a\\x1b[2Jb");
        assert_eq!(shown.outcome.next_steps.last().unwrap(), "\\u{9b}31m");
        assert_eq!(shown.outcome.title, clean.outcome.title);
    }
}
