//! A long decision in a terminal, shown page by page: through `$PAGER`,
//! else `less -R` (colours kept), never when the output is not a terminal
//! (a file, a pipe) and never with `--no-pager`. The verdict line is then
//! repeated under it, so that the last screen still says the result.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::front::error::Error;

/// The pager to run: `$PAGER` split into words, `less -R` when it is not
/// set; `None` when it is set empty or to `cat` (no pager wanted).
pub fn command(env: &dyn Fn(&str) -> Option<String>) -> Option<Vec<String>> {
    match env("PAGER") {
        Some(p) => {
            let words: Vec<String> = p.split_whitespace().map(str::to_owned).collect();
            match words.first().map(String::as_str) {
                None | Some("cat") => None,
                Some(_) => Some(words),
            }
        }
        None => Some(vec!["less".into(), "-R".into()]),
    }
}

/// Whether `text` needs a pager in a window of `rows` lines: it would
/// scroll past the top.
pub fn too_long(text: &str, rows: usize) -> bool {
    rows > 0 && text.lines().count() + 1 > rows
}

/// Writes `text` through the pager `words`; `false` when it could not be
/// started (the caller prints the text itself). The reader quitting
/// before the end is not an error.
pub fn show(text: &str, words: &[String]) -> Result<bool, Error> {
    let Some((program, args)) = words.split_first() else {
        return Ok(false);
    };
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::piped());
    // less: colours as they are, and quit on its own at the end of a
    // short text, unless the user set their own options.
    if program == "less" && std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "R");
    }
    let Ok(mut child) = cmd.spawn() else {
        return Ok(false);
    };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                return Err(Error::write("pager", &e));
            }
            _ => {}
        }
    }
    child.wait().map_err(|e| Error::write("pager", &e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn pager_is_less_unless_the_user_says_otherwise() {
        assert_eq!(command(&env(&[])), Some(vec!["less".into(), "-R".into()]));
        assert_eq!(
            command(&env(&[("PAGER", "most -s")])),
            Some(vec!["most".into(), "-s".into()])
        );
        assert_eq!(command(&env(&[("PAGER", "")])), None);
        assert_eq!(command(&env(&[("PAGER", "cat")])), None);
    }

    #[test]
    fn only_a_text_longer_than_the_window_is_paged() {
        let text = "a\n".repeat(30);
        assert!(too_long(&text, 24));
        assert!(!too_long(&text, 40));
        assert!(!too_long(&text, 0));
    }
}
