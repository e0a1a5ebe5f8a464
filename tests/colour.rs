//! Colour changes how a decision looks, never what it says: on every path
//! of the built-in trees, the brief decision with colours on says, word for
//! word, what it says with colours off. (Its own test binary: colour is a
//! switch of the whole process.)

use aiguillage::Bundle;
use aiguillage::core::engine::{self, Evaluation};
use aiguillage::output::text::{DEFAULT_WIDTH, Look, text};
use aiguillage::text::glyphs::UNICODE;
use aiguillage::text::i18n::FR;

#[test]
fn colour_never_changes_the_words_of_a_decision() {
    let b = Bundle::builtin().unwrap();
    let start = b.default_questionnaire();
    let look = Look {
        texts: &FR,
        glyphs: &UNICODE,
        width: DEFAULT_WIDTH,
        detail: false,
    };
    let mut compared = 0;
    for p in aiguillage::tools::paths::enumerate(&b, start) {
        let Ok(Evaluation::Done(d)) = engine::evaluate(&b, start, &p.answers()) else {
            panic!("{:?}: no decision", p.answers());
        };
        console::set_colors_enabled(false);
        let plain = text(&d, look);
        console::set_colors_enabled(true);
        let coloured = text(&d, look);
        assert_ne!(plain, coloured, "colours were not on");
        assert_eq!(
            console::strip_ansi_codes(&coloured),
            plain,
            "{:?}",
            p.answers()
        );
        compared += 1;
    }
    assert!(compared > 1000, "{compared} paths");
}
