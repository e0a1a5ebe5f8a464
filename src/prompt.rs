//! The terminal front end: dialoguer prompts for one question at a time.

use dialoguer::{Input, Select, theme::ColorfulTheme};

use crate::error::Error;
use crate::model::{Answer, Question, QuestionKind};
use crate::session::{Context, Prompter, Reply};

/// Prompts on the terminal (stderr), with the help of each question.
pub struct TerminalPrompter {
    theme: ColorfulTheme,
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        TerminalPrompter {
            theme: ColorfulTheme::default(),
        }
    }
}

fn interrupted(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(e) if e.kind() == std::io::ErrorKind::Interrupted => {
            Error::Interrupted
        }
        dialoguer::Error::IO(e) => Error::Io("terminal".into(), e.to_string()),
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        let term = console::Term::stderr();
        let _ = term.write_line("");
        if !q.help.trim().is_empty() {
            let _ = term.write_line(&console::style(q.help.trim()).dim().to_string());
        }
        let answer = match q.kind {
            QuestionKind::YesNo | QuestionKind::Choice => {
                let mut items: Vec<&str> = q.choices.iter().map(|c| c.label.as_str()).collect();
                let back = !ctx.path.is_empty();
                if back {
                    items.push("← Revenir à la question précédente");
                }
                let default = match ctx.previous {
                    Some(Answer::Bool(b)) => {
                        let v = if *b { "oui" } else { "non" };
                        q.choices.iter().position(|c| c.value == v)
                    }
                    Some(Answer::Text(t)) => q.choices.iter().position(|c| &c.value == t),
                    _ => None,
                };
                let i = Select::with_theme(&self.theme)
                    .with_prompt(&q.text)
                    .items(&items)
                    .default(default.unwrap_or(0))
                    .interact_on(&term)
                    .map_err(interrupted)?;
                if i == q.choices.len() {
                    return Ok(Reply::Back);
                }
                let value = &q.choices[i].value;
                if q.kind == QuestionKind::YesNo {
                    Answer::Bool(value == "oui")
                } else {
                    Answer::Text(value.clone())
                }
            }
            QuestionKind::Number => {
                let n: f64 = Input::with_theme(&self.theme)
                    .with_prompt(format!(
                        "{}{}",
                        q.text,
                        q.unit
                            .as_deref()
                            .map(|u| format!(" ({u})"))
                            .unwrap_or_default()
                    ))
                    .validate_with(|x: &f64| {
                        if x.is_finite() && *x >= 0.0 {
                            Ok(())
                        } else {
                            Err("un nombre positif ou nul")
                        }
                    })
                    .interact_text_on(&term)
                    .map_err(interrupted)?;
                Answer::Number(n)
            }
            QuestionKind::Text => {
                let s: String = Input::with_theme(&self.theme)
                    .with_prompt(&q.text)
                    .allow_empty(true)
                    .interact_text_on(&term)
                    .map_err(interrupted)?;
                Answer::Text(s)
            }
        };
        Ok(Reply::Answer(answer))
    }
}
