//! The interactive session, driven by a script read from the input: the
//! first byte picks a tree and a prompter; the rest are the user's moves
//! (an answer, help, back, an edit in the review) for a scripted prompter,
//! or the lines typed in plain mode. Whatever the moves, a session that
//! ends with a decision must end with the one the engine gives for the
//! answers it kept, and the answers kept must all be valid. What plain
//! mode writes holds no raw control character, and stays bounded by what
//! was typed.

#![no_main]

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aiguillage::Bundle;
use aiguillage::core::engine::{self, Evaluation, Step};
use aiguillage::core::model::{Answer, Question, QuestionKind};
use aiguillage::front::error::Error;
use aiguillage::front::prompt::PlainPrompter;
use aiguillage::front::session::{Context, Notice, Prompter, Reply, ReviewReply, Session};
use aiguillage::text::{glyphs, i18n};
use libfuzzer_sys::fuzz_target;

#[path = "../support/common.rs"]
mod common;

static TREES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    let mut trees = vec![Bundle::builtin().expect("built-in")];
    for tree in [
        include_str!("../../tests/fixtures/session/arbre.toml"),
        include_str!("../../tests/fixtures/tally/compte.toml"),
        include_str!("../../tests/fixtures/custom/demo.toml"),
    ] {
        trees.push(Bundle::from_sources([("t/t.toml", tree)]).expect("fixture"));
    }
    trees
});

/// Moves read from bytes; the end of the script interrupts the session.
struct Script<'d> {
    moves: &'d [u8],
    /// Moves played, to end any session (help and back forever would not).
    played: usize,
}

impl Script<'_> {
    fn next(&mut self) -> Result<u8, Error> {
        self.played += 1;
        let (&b, rest) = self.moves.split_first().ok_or(Error::Interrupted)?;
        self.moves = rest;
        if self.played > 4096 {
            return Err(Error::Interrupted);
        }
        Ok(b)
    }
}

impl Prompter for Script<'_> {
    fn ask(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        assert!(
            ctx.progress.number <= ctx.progress.at_most,
            "{:?}",
            ctx.progress
        );
        let b = self.next()?;
        Ok(match b % 8 {
            0 => Reply::Help,
            1 => Reply::Back,
            _ => Reply::Answer(match q.kind {
                QuestionKind::YesNo => Answer::Bool(b & 16 == 0),
                QuestionKind::Choice => {
                    let c = &q.choices[(b as usize / 8) % q.choices.len()];
                    Answer::Text(c.value.clone())
                }
                // Around the thresholds, and some out of every range.
                QuestionKind::Number | QuestionKind::Tally => {
                    let n = self.next()?;
                    Answer::Number(f64::from(n) * 50.0 / 16.0 - f64::from(b & 1))
                }
                QuestionKind::Text => Answer::Text(format!("texte {b}")),
                // Worked out from the findings on the path: never asked.
                QuestionKind::Switch => panic!("the switch « {} » was asked", q.id),
            }),
        })
    }

    fn review(&mut self, path: &[Step]) -> Result<ReviewReply, Error> {
        assert!(path.iter().all(|s| !s.computed));
        let b = self.next()?;
        Ok(match b % 4 {
            0 | 1 => ReviewReply::Confirm,
            2 => ReviewReply::Back,
            _ => ReviewReply::Edit(b as usize / 4 % path.len().max(1)),
        })
    }

    fn tell(&mut self, _: &Notice<'_>) -> Result<(), Error> {
        Ok(())
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&how, moves)) = data.split_first() else {
        return;
    };
    let bundle = &TREES[how as usize % TREES.len()];
    let q = bundle.default_questionnaire();
    let mut session = Session::new(bundle, q, BTreeMap::new());
    let result = if how & 0x80 == 0 {
        let mut script = Script { moves, played: 0 };
        session.run(&mut script)
    } else {
        i18n::set(if how & 0x40 == 0 {
            i18n::Lang::Fr
        } else {
            i18n::Lang::En
        });
        let mut shown: Vec<u8> = Vec::new();
        let result = {
            let mut p = PlainPrompter::new(moves, &mut shown, i18n::texts(), &glyphs::ASCII, false);
            session.run(&mut p)
        };
        let shown = String::from_utf8(shown).expect("plain mode writes UTF-8");
        common::assert_clean("plain session", &shown);
        // Each line typed gets a question, a help or a message back.
        assert!(
            shown.len() < 200_000 + 4_000 * moves.len(),
            "{} bytes for {} typed",
            shown.len(),
            moves.len()
        );
        result
    };
    let answers = session.into_answers();
    // Every answer kept is one the engine accepts.
    assert!(
        engine::check_answers(bundle, &answers).is_empty(),
        "{answers:?}"
    );
    match result {
        Ok(decision) => match engine::evaluate(bundle, q, &answers) {
            Ok(Evaluation::Done(d)) => assert_eq!(*d, decision),
            other => panic!("the session decided, the engine gives {other:?}"),
        },
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
