//! The terminal front ends of a [`session`](crate::front::session), both on
//! stderr:
//!
//! - [`MenuPrompter`]: arrow-key menus (dialoguer), with « Aide » and
//!   « Revenir » entries, Esc to go back;
//! - [`PlainPrompter`]: numbered choices and one line read per answer, no
//!   redraw and no cursor movement, for screen readers, dumb terminals
//!   and scripts. It reads any `BufRead`, so it is tested without a
//!   terminal.
//!
//! Both format their messages with the same functions, below.

use std::io::{BufRead, Read, Write};

use console::{Term, style};
use dialoguer::{Input, Select, theme::ColorfulTheme};

use crate::core::engine::Step;
use crate::core::model::{Answer, Question, QuestionKind};
use crate::front::error::Error;
use crate::front::question_help::{self, Screen};
use crate::front::session::{
    BackTo, Confirm, Context, Dropped, LineQuestion, Notice, Prompter, Reply, ReviewReply,
    TermHelp, term_help,
};
use crate::output::labels::step_label;
use crate::text::escape::escape;
use crate::text::glyphs::Glyphs;
use crate::text::i18n::Texts;
use crate::text::wrap::{wrap_lines, wrap_with};

/// The lines printed before the first question.
pub fn intro(title: &str, plain: bool, save_to: Option<&str>, t: &Texts) -> String {
    let mut s = format!("aiguillage — {}\n", escape(title));
    if !t.legal_content_in_french.is_empty() {
        s.push_str(t.legal_content_in_french);
        s.push('\n');
    }
    s.push_str(if plain { t.keys_plain } else { t.keys_fancy });
    s.push('\n');
    if let Some(f) = save_to {
        s.push_str(&t.will_save(&escape(f)));
        s.push('\n');
    }
    s
}

/// The page of help `page` of `q`; counting on past the last page starts
/// again from the first.
fn help_page(
    q: &Question,
    terms: &[TermHelp<'_>],
    page: usize,
    t: &Texts,
    g: &Glyphs,
    screen: Screen,
) -> String {
    let mut pages = question_help::pages(q, terms, t, g, screen);
    let n = pages.len();
    pages.swap_remove(page % n)
}

/// The help entry after `shown`: « Plus de détails » while pages remain,
/// « Aide » again after the last.
fn help_entry(
    ctx: &Context<'_>,
    q: &Question,
    t: &'static Texts,
    g: &Glyphs,
    screen: Screen,
) -> &'static str {
    let Some(shown) = ctx.help_shown else {
        return t.help_entry;
    };
    let terms = term_help(ctx.bundle, q);
    let n = question_help::pages(q, &terms, t, g, screen).len();
    if (shown + 1) % n == 0 {
        t.help_entry
    } else {
        t.more_entry
    }
}

/// The answers set aside after a change, and what happens to them.
fn dropped_text(dropped: &[Dropped], t: &Texts, g: &Glyphs) -> String {
    let mut s = format!("{}\n", t.dropped);
    for d in dropped {
        s.push_str(&format!(
            "{} {} {} {}\n",
            g.bullet, d.text, g.arrow, d.label
        ));
    }
    s.push_str(t.dropped_after);
    s.push('\n');
    s
}

/// The numbered list of the answers, for the review.
fn review_list(path: &[Step], t: &Texts, g: &Glyphs) -> String {
    let mut s = format!("{}{}\n", t.review_title, t.colon);
    for (i, step) in path.iter().enumerate() {
        s.push_str(&format!(
            "{:>3}. {}\n     {} {}\n",
            i + 1,
            step.text,
            g.arrow,
            step_label(step, t)
        ));
    }
    s
}

/// Wraps each line of `s` to the width of `term`, at most 100 columns for
/// reading ease, with hanging indents for list items.
pub fn wrap_to(term: &Term, s: &str) -> String {
    wrap_lines(s, columns(term).clamp(30, 100) - 2)
}

fn columns(term: &Term) -> usize {
    term.size().1 as usize
}

/// Index of the choice an answer selects.
fn choice_index(q: &Question, a: Option<&Answer>) -> Option<usize> {
    let value = match a? {
        Answer::Bool(true) => "oui",
        Answer::Bool(false) => "non",
        Answer::Text(t) => t.as_str(),
        Answer::Number(_) => return None,
    };
    q.choices.iter().position(|c| c.value == value)
}

/// Whether `q` is answered by picking one of its choices.
fn has_choices(q: &Question) -> bool {
    matches!(q.kind, QuestionKind::YesNo | QuestionKind::Choice)
}

/// The answer for choice `i`: a boolean for yes/no questions.
fn choice_answer(q: &Question, i: usize) -> Answer {
    let value = &q.choices[i].value;
    if q.kind == QuestionKind::YesNo {
        Answer::Bool(value == "oui")
    } else {
        Answer::Text(value.clone())
    }
}

/// An answer as the user would type it.
fn typed_form(a: &Answer) -> String {
    match a {
        // No grouping, the language's decimal mark: what the number
        // parser reads back without ambiguity.
        Answer::Number(n) => {
            crate::text::number::fmt_num(*n).replace('.', crate::text::i18n::texts().decimal)
        }
        Answer::Text(s) => s.clone(),
        Answer::Bool(b) => if *b { "oui" } else { "non" }.into(),
    }
}

/// What a typed line means besides an answer.
#[derive(Debug, PartialEq)]
enum Typed<'s> {
    Help,
    Back,
    Empty,
    Other(&'s str),
}

fn typed(line: &str) -> Typed<'_> {
    let l = line.trim();
    match l.to_lowercase().as_str() {
        "" => Typed::Empty,
        "?" | "aide" | "help" => Typed::Help,
        "<" | "r" | "retour" | "back" => Typed::Back,
        _ => Typed::Other(l),
    }
}

/// The answer to a number or text question from a typed line, or the
/// message to show.
fn typed_answer(q: &Question, line: &str, t: &Texts) -> Result<Answer, String> {
    use crate::text::number::{Refused, parse_checked, too_precise};
    match q.kind {
        QuestionKind::Number => match parse_checked(line, crate::text::i18n::current()) {
            Ok(n) => Ok(Answer::Number(n)),
            Err(Refused::Invalid) => Err(t.number_invalid.to_owned()),
            // Said with a point, as the number would be read.
            Err(Refused::TooPrecise) => Err(too_precise(&plain_digits(line))),
        },
        _ => Ok(Answer::Text(line.trim().to_owned())),
    }
}

/// A typed number without spaces, with a point for the decimal mark.
fn plain_digits(line: &str) -> String {
    line.trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect()
}

/// A terminal (or stderr) that cannot be used: not bad input, exit 1.
fn io(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::Interrupted {
        Error::Interrupted
    } else {
        Error::write("terminal", &e)
    }
}

/// Standard input that cannot be read in plain mode.
fn stdin_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::Interrupted {
        Error::Interrupted
    } else {
        Error::io("<stdin>", &e)
    }
}

fn dialoguer_error(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(e) => io(e),
    }
}

/// Arrow-key menus on the terminal (stderr).
pub struct MenuPrompter {
    theme: ColorfulTheme,
    term: Term,
    texts: &'static Texts,
    glyphs: &'static Glyphs,
}

impl MenuPrompter {
    pub fn new(texts: &'static Texts, glyphs: &'static Glyphs) -> Self {
        MenuPrompter {
            theme: theme(glyphs),
            term: Term::stderr(),
            texts,
            glyphs,
        }
    }

    fn wrapped(&self, s: &str) -> String {
        wrap_to(&self.term, s)
    }

    /// Menu entries wrapped inside the terminal. dialoguer clears a menu
    /// by counting line breaks, and measures long entries in bytes: no
    /// line of an entry may be wider, in bytes, than the terminal.
    fn entry(&self, s: &str) -> String {
        let width = columns(&self.term).clamp(30, 100) - 6;
        wrap_with(s, width, "  ", str::len)
    }

    fn line(&self, s: &str) -> Result<(), Error> {
        self.term.write_line(s).map_err(io)
    }

    /// The terminal, for the pages of help: as wide as the question, as
    /// high as the window.
    fn screen(&self, q: &Question) -> Screen {
        let (rows, _) = self.term.size();
        Screen {
            width: columns(&self.term).clamp(30, 100) - 2,
            wrap: true,
            rows: rows as usize,
            typed: !has_choices(q),
        }
    }

    /// Progress, then the question, printed once and wrapped by us: the
    /// menu below holds only the entries.
    fn header(&self, q: &Question, ctx: &Context<'_>) -> Result<(), Error> {
        let p = ctx.progress;
        self.line("")?;
        let head = self.texts.progress(p.number, p.at_most, p.section);
        self.line(&style(escape(&head)).for_stderr().dim().to_string())?;
        let text = self.wrapped(&escape(&q.text));
        self.line(&style(text).for_stderr().bold().to_string())
    }

    /// The line left on screen once a question is answered: the menus
    /// clear themselves, this keeps the history readable.
    fn record(&self, answer: &str) -> Result<(), Error> {
        let text = self.wrapped(&format!("{} {}", self.glyphs.check, escape(answer)));
        self.line(&style(text).for_stderr().green().to_string())
    }

    fn back_entry(&self, back: BackTo) -> Option<String> {
        let label = match back {
            BackTo::Nothing => return None,
            BackTo::Previous => self.texts.back_entry,
            BackTo::Cancel => self.texts.cancel_entry,
        };
        Some(format!("{} {label}", self.glyphs.back))
    }

    fn select(&self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        let mut items: Vec<String> = q
            .choices
            .iter()
            .map(|c| self.entry(&escape(&c.label)))
            .collect();
        let help = help_entry(ctx, q, self.texts, self.glyphs, self.screen(q));
        items.push(self.entry(help));
        let back = self.back_entry(ctx.back);
        items.extend(back.as_deref().map(|b| self.entry(b)));
        // Reading the help, the next « Entrée » reads on.
        let default = match ctx.help_shown {
            Some(_) => q.choices.len(),
            None => choice_index(q, ctx.previous).unwrap_or(0),
        };
        loop {
            let picked = Select::with_theme(&self.theme)
                .items(&items)
                .default(default)
                .report(false)
                .interact_on_opt(&self.term)
                .map_err(dialoguer_error)?;
            return Ok(match picked {
                Some(i) if i < q.choices.len() => {
                    self.record(&q.choices[i].label)?;
                    Reply::Answer(choice_answer(q, i))
                }
                Some(i) if i == q.choices.len() => Reply::Help,
                Some(_) => Reply::Back,
                // Esc: back, when there is somewhere to go.
                None if back.is_some() => Reply::Back,
                None => continue,
            });
        }
    }

    fn input(&self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        let texts = self.texts;
        let hint = texts.input_hint(q.kind == QuestionKind::Number, q.unit.as_deref());
        self.line(
            &style(self.wrapped(&escape(&hint)))
                .for_stderr()
                .dim()
                .to_string(),
        )?;
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(texts.your_answer)
            .report(false)
            .allow_empty(q.kind == QuestionKind::Text)
            .validate_with(|s: &String| -> Result<(), String> {
                match typed(s) {
                    Typed::Help | Typed::Back => Ok(()),
                    _ => typed_answer(q, s, texts).map(|_| ()),
                }
            });
        if let Some(prev) = ctx.previous {
            input = input.default(escape(&typed_form(prev)).into_owned());
        }
        let line = input
            .interact_text_on(&self.term)
            .map_err(dialoguer_error)?;
        Ok(match typed(&line) {
            Typed::Help => Reply::Help,
            // At the first question the session asks again.
            Typed::Back => Reply::Back,
            // The validator let only answers through.
            _ => match typed_answer(q, &line, texts) {
                Ok(a) => {
                    let unit = q
                        .unit
                        .as_deref()
                        .map(|u| format!(" {u}"))
                        .unwrap_or_default();
                    let shown = match &a {
                        Answer::Number(n) => crate::text::number::number(*n),
                        other => typed_form(other),
                    };
                    self.record(&format!("{shown}{unit}"))?;
                    Reply::Answer(a)
                }
                Err(_) => Reply::Help,
            },
        })
    }
}

/// dialoguer's colourful theme, with ASCII glyphs where needed.
fn theme(g: &Glyphs) -> ColorfulTheme {
    let s = |x: &str| style(x.to_owned()).for_stderr();
    ColorfulTheme {
        prompt_suffix: s(if g.pointer == ">" { ":" } else { "›" }).black().bright(),
        success_prefix: s(g.check).green(),
        success_suffix: s(g.dot).black().bright(),
        error_prefix: s(g.cross).red(),
        active_item_prefix: s(g.pointer).green(),
        picked_item_prefix: s(g.pointer).green(),
        checked_item_prefix: s(g.check).green(),
        unchecked_item_prefix: s(if g.pointer == ">" { "[ ]" } else { "⬚" }).magenta(),
        ..ColorfulTheme::default()
    }
}

impl Prompter for MenuPrompter {
    fn ask(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        self.header(q, ctx)?;
        match q.kind {
            QuestionKind::YesNo | QuestionKind::Choice => self.select(q, ctx),
            // A tally or a switch is never asked (the session works it
            // out).
            QuestionKind::Number
            | QuestionKind::Text
            | QuestionKind::Tally
            | QuestionKind::Switch => self.input(q, ctx),
        }
    }

    fn review(&mut self, path: &[Step]) -> Result<ReviewReply, Error> {
        let t = self.texts;
        self.line("")?;
        let list = review_list(path, t, self.glyphs);
        self.line(
            &style(self.wrapped(escape(&list).trim_end()))
                .for_stderr()
                .to_string(),
        )?;
        let mut items = vec![format!("{} {}", self.glyphs.check, t.review_confirm)];
        items.extend(path.iter().enumerate().map(|(i, s)| {
            let label = step_label(s, t);
            let label = escape(&label);
            let label = console::truncate_str(&label, 30, "…");
            let entry = format!("{} {}", self.glyphs.edit, t.edit_entry(i + 1, &label));
            self.entry(&entry)
        }));
        let picked = Select::with_theme(&self.theme)
            .with_prompt(t.review_question)
            .items(&items)
            .default(0)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(dialoguer_error)?;
        Ok(match picked {
            Some(0) => ReviewReply::Confirm,
            Some(i) => ReviewReply::Edit(i - 1),
            None => ReviewReply::Back,
        })
    }

    fn tell(&mut self, notice: &Notice<'_>) -> Result<(), Error> {
        let (t, g) = (self.texts, self.glyphs);
        match notice {
            Notice::Help {
                question,
                terms,
                page,
            } => {
                let screen = self.screen(question);
                let page = help_page(question, terms, *page, t, g, screen);
                let text = escape(&page);
                self.line("")?;
                self.line(&style(text).for_stderr().cyan().to_string())
            }
            Notice::Dropped(d) => {
                let text = self.wrapped(escape(&dropped_text(d, t, g)).trim_end());
                self.line("")?;
                self.line(&style(text).for_stderr().yellow().to_string())
            }
        }
    }

    fn confirm(&mut self, q: &Confirm<'_>) -> Result<bool, Error> {
        self.line("")?;
        self.line(&style(self.wrapped(q.text)).for_stderr().bold().to_string())?;
        let items = [self.entry(q.yes), self.entry(q.no)];
        let picked = Select::with_theme(&self.theme)
            .items(&items)
            .default(if q.default { 0 } else { 1 })
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(dialoguer_error)?;
        // Esc: the default.
        let yes = picked.map_or(q.default, |i| i == 0);
        self.record(if yes { q.yes } else { q.no })?;
        Ok(yes)
    }

    fn ask_line(&mut self, q: &LineQuestion<'_>) -> Result<String, Error> {
        self.line("")?;
        self.line(&style(self.wrapped(q.text)).for_stderr().bold().to_string())?;
        if !q.help.is_empty() {
            self.line(&style(self.wrapped(q.help)).for_stderr().dim().to_string())?;
        }
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(self.texts.your_answer)
            .report(false)
            .allow_empty(true);
        if let Some(d) = q.default {
            input = input.default(d.to_owned());
        }
        let answer = input
            .interact_text_on(&self.term)
            .map_err(dialoguer_error)?
            .trim()
            .to_owned();
        if !answer.is_empty() {
            self.record(&answer)?;
        }
        Ok(answer)
    }
}

/// Numbered choices, one line per answer.
pub struct PlainPrompter<R, W> {
    input: R,
    out: W,
    texts: &'static Texts,
    glyphs: &'static Glyphs,
    /// Whether a person types at a terminal: then the end of input
    /// (Ctrl-D) means « quit »; from a pipe it means answers are missing.
    input_is_terminal: bool,
    /// Lines read since the last answer: from a pipe, an endless stream of
    /// lines that answer nothing (`yes | aiguillage --plain`) must end.
    idle: usize,
}

/// Plain mode measures the help against a 50-line terminal of 80
/// columns (or the real one, when there is one) and wraps nothing: the
/// terminal or the screen reader does.
fn plain_screen() -> Screen {
    let rows = Term::stderr()
        .size_checked()
        .map_or(50, |(r, _)| r as usize);
    Screen {
        width: 80,
        wrap: false,
        rows,
        typed: true,
    }
}

/// The most lines a pipe may send in a row without answering (help, back,
/// or lines that mean nothing) before the session stops.
const MAX_IDLE_LINES: usize = 100;

impl<R: BufRead, W: Write> PlainPrompter<R, W> {
    pub fn new(
        input: R,
        out: W,
        texts: &'static Texts,
        glyphs: &'static Glyphs,
        input_is_terminal: bool,
    ) -> Self {
        PlainPrompter {
            input,
            out,
            texts,
            glyphs,
            input_is_terminal,
            idle: 0,
        }
    }

    /// Writes `s`: questions, help and answers, control characters
    /// escaped (plain mode draws no colour of its own).
    fn say(&mut self, s: &str) -> Result<(), Error> {
        self.out.write_all(escape(s).as_bytes()).map_err(io)?;
        self.out.flush().map_err(io)
    }

    /// One line, without its end; `None` at the end of input. A line is
    /// read under [`MAX_LINE_BYTES`]: an endless one (`< /dev/zero`) is an
    /// error, not a heap that grows until the system stops it.
    fn read(&mut self, prompt: &str) -> Result<Option<String>, Error> {
        use crate::text::limits::{MAX_LINE_BYTES, line_too_long};
        self.say(&format!("{prompt}{} ", self.texts.colon))?;
        if !self.input_is_terminal && self.idle >= MAX_IDLE_LINES {
            return Err(Error::Usage(msg::idle_input(MAX_IDLE_LINES)));
        }
        self.idle += 1;
        let mut bytes = Vec::new();
        let n = (&mut self.input)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(stdin_error)?;
        if n == 0 {
            self.say("\n")?;
            return Ok(None);
        }
        if n as u64 > MAX_LINE_BYTES {
            return Err(Error::io("<stdin>", &line_too_long(MAX_LINE_BYTES)));
        }
        let line = String::from_utf8(bytes).map_err(|_| {
            Error::io(
                "<stdin>",
                &std::io::Error::from(std::io::ErrorKind::InvalidData),
            )
        })?;
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    fn end_of_input(&self, q: &Question) -> Error {
        if self.input_is_terminal {
            Error::Interrupted
        } else {
            Error::Missing(format!(
                "{} « {} » ({}){} {}",
                self.texts.missing_answer, q.id, q.text, self.texts.colon, self.texts.input_closed
            ))
        }
    }

    fn show_question(&mut self, q: &Question, ctx: &Context<'_>) -> Result<(), Error> {
        let t = self.texts;
        let p = ctx.progress;
        let mut s = format!(
            "\n{}\n{}\n",
            t.progress(p.number, p.at_most, p.section),
            q.text
        );
        if matches!(q.kind, QuestionKind::Number | QuestionKind::Text) {
            let hint = t.input_hint(q.kind == QuestionKind::Number, q.unit.as_deref());
            s.push_str(&format!("{hint}\n"));
        }
        for (i, c) in q.choices.iter().enumerate() {
            s.push_str(&format!("  {}. {}\n", i + 1, c.label));
        }
        let help = help_entry(ctx, q, t, self.glyphs, plain_screen());
        s.push_str(&format!("  ?  {}\n", help.trim_start_matches("? ")));
        match ctx.back {
            BackTo::Nothing => {}
            BackTo::Previous => s.push_str(&format!("  <  {}\n", t.back_entry)),
            BackTo::Cancel => s.push_str(&format!("  <  {}\n", t.cancel_entry)),
        }
        self.say(&s)
    }

    fn prompt_line(&self, q: &Question, ctx: &Context<'_>) -> String {
        let t = self.texts;
        let (mut p, keep) = if has_choices(q) {
            let keep = choice_index(q, ctx.previous).map(|i| (i + 1).to_string());
            (t.your_choice.to_owned(), keep)
        } else {
            (t.your_answer.to_owned(), ctx.previous.map(typed_form))
        };
        if let Some(k) = keep {
            p.push_str(&format!(" [{} {k}]", t.keep_previous));
        }
        p
    }

    /// Reads lines until one means something.
    fn read_reply(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        let prompt = self.prompt_line(q, ctx);
        loop {
            let Some(line) = self.read(&prompt)? else {
                return Err(self.end_of_input(q));
            };
            match self.reply_to(q, ctx, &line) {
                Ok(reply) => return Ok(reply),
                Err(problem) => self.say(&format!("{problem}\n"))?,
            }
        }
    }

    /// What a typed line means at `q`, or what to tell the user.
    fn reply_to(&self, q: &Question, ctx: &Context<'_>, line: &str) -> Result<Reply, String> {
        let t = self.texts;
        match typed(line) {
            Typed::Help => Ok(Reply::Help),
            // At the first question the session asks again.
            Typed::Back => Ok(Reply::Back),
            Typed::Empty => match ctx.previous {
                Some(keep) => Ok(Reply::Answer(keep.clone())),
                None if q.kind == QuestionKind::Text => {
                    Ok(Reply::Answer(Answer::Text(String::new())))
                }
                None if has_choices(q) => Err(t.choice_invalid(q.choices.len())),
                None => Err(t.number_invalid.to_owned()),
            },
            Typed::Other(s) if has_choices(q) => match s.parse::<usize>() {
                Ok(n) if (1..=q.choices.len()).contains(&n) => {
                    Ok(Reply::Answer(choice_answer(q, n - 1)))
                }
                _ => Err(t.choice_invalid(q.choices.len())),
            },
            Typed::Other(s) => typed_answer(q, s, t).map(Reply::Answer),
        }
    }
}

impl<R: BufRead, W: Write> Prompter for PlainPrompter<R, W> {
    fn ask(&mut self, q: &Question, ctx: &Context<'_>) -> Result<Reply, Error> {
        self.show_question(q, ctx)?;
        let reply = self.read_reply(q, ctx)?;
        if matches!(reply, Reply::Answer(_)) {
            self.idle = 0;
        }
        Ok(reply)
    }

    fn review(&mut self, path: &[Step]) -> Result<ReviewReply, Error> {
        let t = self.texts;
        let list = review_list(path, t, self.glyphs);
        self.say(&format!("\n{list}{}\n", t.review_plain))?;
        loop {
            let Some(line) = self.read(t.your_choice)? else {
                // From a pipe, the end of input accepts the answers; at a
                // terminal, Ctrl-D quits.
                return if self.input_is_terminal {
                    Err(Error::Interrupted)
                } else {
                    Ok(ReviewReply::Confirm)
                };
            };
            let reply = match typed(&line) {
                Typed::Empty => Some(ReviewReply::Confirm),
                Typed::Back => Some(ReviewReply::Back),
                Typed::Other(s) => s
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=path.len()).contains(n))
                    .map(|n| ReviewReply::Edit(n - 1)),
                Typed::Help => None,
            };
            if let Some(reply) = reply {
                self.idle = 0;
                return Ok(reply);
            }
            let m = t.review_invalid(path.len());
            self.say(&format!("{m}\n"))?;
        }
    }

    fn tell(&mut self, notice: &Notice<'_>) -> Result<(), Error> {
        let (t, g) = (self.texts, self.glyphs);
        let text = match notice {
            Notice::Help {
                question,
                terms,
                page,
            } => help_page(question, terms, *page, t, g, plain_screen()),
            Notice::Dropped(d) => dropped_text(d, t, g),
        };
        self.say(&format!("\n{text}"))
    }

    /// « 1 » or « oui » for yes, « 2 » or « non » for no, Enter for the
    /// default; the end of input says no.
    fn confirm(&mut self, q: &Confirm<'_>) -> Result<bool, Error> {
        let t = self.texts;
        self.say(&format!("\n{}\n  1. {}\n  2. {}\n", q.text, q.yes, q.no))?;
        let keep = if q.default { "1" } else { "2" };
        let prompt = format!("{} [{} {keep}]", t.your_choice, t.keep_previous);
        loop {
            let Some(line) = self.read(&prompt)? else {
                return Ok(false);
            };
            match line.trim().to_lowercase().as_str() {
                "" => return Ok(q.default),
                "1" | "o" | "oui" | "y" | "yes" => return Ok(true),
                "2" | "n" | "non" | "no" => return Ok(false),
                _ => self.say(&format!("{}\n", t.choice_invalid(2)))?,
            }
        }
    }

    /// One line; Enter keeps the default, the end of input gives nothing.
    fn ask_line(&mut self, q: &LineQuestion<'_>) -> Result<String, Error> {
        let t = self.texts;
        let mut s = format!("\n{}\n", q.text);
        if !q.help.is_empty() {
            s.push_str(&format!("{}\n", q.help));
        }
        self.say(&s)?;
        let prompt = match q.default {
            Some(d) => format!("{} [{} {d}]", t.your_answer, t.keep_previous),
            None => t.your_answer.to_owned(),
        };
        Ok(match self.read(&prompt)? {
            None => String::new(),
            Some(l) if l.trim().is_empty() => q.default.unwrap_or_default().to_owned(),
            Some(l) => l.trim().to_owned(),
        })
    }
}

/// User-facing strings of this module that the interface strings do not
/// hold.
pub(crate) mod msg {
    crate::text::i18n::messages! {
        fn idle_input(count: usize) {
            fr: "{count} lignes de suite sans réponse valide sur l'entrée standard : la session s'arrête (une réponse par ligne : le numéro du choix, un nombre ou un texte)",
            en: "{count} lines in a row without a valid answer on standard input: the session stops (one answer per line: the number of the choice, a number or a text)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front::term::ASCII;
    use crate::text::i18n::{EN, FR};

    #[test]
    fn typed_commands_are_recognised() {
        assert_eq!(typed(" ? "), Typed::Help);
        assert_eq!(typed("AIDE"), Typed::Help);
        assert_eq!(typed("<"), Typed::Back);
        assert_eq!(typed("r"), Typed::Back);
        assert_eq!(typed(""), Typed::Empty);
        assert_eq!(typed(" 2 "), Typed::Other("2"));
    }

    #[test]
    fn intro_says_once_that_legal_content_is_french_in_english() {
        let en = intro("T", true, Some("r.json"), &EN);
        assert!(en.contains("Legal content is in French"), "{en}");
        assert!(en.contains("r.json"), "{en}");
        let fr = intro("T", false, None, &FR);
        assert!(!fr.contains("French"), "{fr}");
        assert!(fr.contains("Échap"), "{fr}");
    }

    #[test]
    fn review_list_numbers_each_answer() {
        let step = Step {
            question: "a".into(),
            text: "A ?".into(),
            section: None,
            answer: Answer::Bool(true),
            label: "Oui".into(),
            because: None,
            articles: vec![],
            findings: vec![],
            computed: false,
            shown: Default::default(),
        };
        let s = review_list(&[step], &FR, &ASCII);
        assert_eq!(s, "Vos réponses :\n  1. A ?\n     -> Oui\n");
    }
}
