//! From a row of cells to a case, for every tabular inventory (CSV, XLSX,
//! ODS): a header row names the columns (question ids, `id`,
//! `questionnaire`), and each cell below is read as its question's kind of
//! answer. A spreadsheet's cells come typed (a number, a boolean); a CSV's
//! are all text, read as an answers file's values are written.

use std::collections::BTreeMap;

use crate::core::catalog::Bundle;
use crate::core::engine::AnswerError;
use crate::core::model::{Answer, Question, QuestionKind};
use crate::output::answer::{allowed_values, message};
use crate::output::record::{CaseId, Failure};
use crate::text::i18n;

use super::msg;
use super::read::{Case, failure};

/// One cell as the reader found it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Bool(bool),
    /// A formula's error (`#N/A`, `#DIV/0!`), as the spreadsheet shows it.
    Error(&'a str),
}

/// What a column of the header holds.
enum Column<'b> {
    Id,
    Questionnaire,
    Question(&'b Question),
    /// A header cell left empty: the cells below it must be empty too.
    Blank,
}

/// The header of a tabular inventory.
pub struct Header<'b> {
    columns: Vec<Column<'b>>,
}

/// Where a cell is, for messages: « colonne 4 » of a CSV line,
/// « Feuille1!D7 » in a spreadsheet.
pub type Place<'a> = &'a dyn Fn(usize) -> String;

impl<'b> Header<'b> {
    /// The header from its cells (`names[i]` is column `i`): an error naming
    /// the first cell that is neither `id`, `questionnaire` nor a question
    /// (with the closest id), or that repeats a column.
    pub fn new(bundle: &'b Bundle, names: &[String], place: Place<'_>) -> Result<Self, String> {
        let mut columns = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let name = name.trim();
            let column = match name {
                "" => Column::Blank,
                "id" => Column::Id,
                "questionnaire" => Column::Questionnaire,
                id => match bundle.question(id) {
                    Some(q) if !q.kind.is_computed() => Column::Question(q),
                    _ => {
                        let e = AnswerError::UnknownQuestion {
                            id: id.to_owned(),
                            suggestion: crate::text::suggest::did_you_mean(id, bundle.asked_ids())
                                .map(str::to_owned),
                        };
                        return Err(msg::bad_column(&place(i), &message(&e, i18n::texts())));
                    }
                },
            };
            if !name.is_empty()
                && let Some(first) = names[..i].iter().position(|n| n.trim() == name)
            {
                return Err(msg::duplicate_column(
                    &place(i),
                    &crate::text::escape::quote(name, 80),
                    &place(first),
                ));
            }
            columns.push(column);
        }
        Ok(Header { columns })
    }

    /// A row as a case: each non-empty cell read as its column's kind of
    /// answer. `cells` gives each cell with its column (in any order;
    /// missing ones are empty); `place` names a cell in messages.
    pub fn case<'c>(
        &self,
        line: u64,
        cells: impl IntoIterator<Item = (usize, Cell<'c>)>,
        place: Place<'_>,
    ) -> Result<Case, Failure> {
        let mut case = Case {
            line,
            id: None,
            questionnaire: None,
            answers: BTreeMap::new(),
            sheet: None,
        };
        let t = i18n::texts();
        let mut problems: Vec<(Option<&Question>, String)> = Vec::new();
        for (i, cell) in cells {
            let cell = match cell {
                Cell::Text(s) if s.trim().is_empty() => continue,
                Cell::Text(s) => Cell::Text(s.trim()),
                Cell::Empty => continue,
                other => other,
            };
            let shown = shown(cell);
            match self.columns.get(i) {
                None | Some(Column::Blank) => {
                    problems.push((None, msg::outside_header(&place(i), &quote(&shown))));
                }
                Some(_) if matches!(cell, Cell::Error(_)) => {
                    problems.push((None, msg::error_cell(&place(i), &quote(&shown))));
                }
                Some(Column::Id) => case.id = Some(CaseId::Text(shown)),
                Some(Column::Questionnaire) => case.questionnaire = Some(shown),
                Some(Column::Question(q)) => match answer(q, cell) {
                    Some(a) => {
                        case.answers.insert(q.id.clone(), a);
                    }
                    None => problems.push((
                        Some(q),
                        msg::bad_cell(
                            &place(i),
                            &q.id,
                            &quote(&shown),
                            &allowed_values(q, t).join(", "),
                        ),
                    )),
                },
            }
        }
        if problems.is_empty() {
            return Ok(case);
        }
        let shown = crate::text::limits::MAX_SHOWN_ERRORS;
        let mut lines: Vec<String> = problems.iter().take(shown).map(|p| p.1.clone()).collect();
        lines.extend(crate::text::limits::more_errors(problems.len()));
        let mut f = failure(line, case.id, lines.join("\n"));
        if let Some(q) = problems.iter().find_map(|p| p.0) {
            f.error.question = Some(q.id.clone());
            f.error.allowed = allowed_values(q, t);
        }
        Err(f)
    }
}

impl Header<'_> {
    /// The id of a row whose other cells could not all be read, when its
    /// cell was.
    pub fn id_of(&self, cells: &[String]) -> Option<CaseId> {
        let i = self.columns.iter().position(|c| matches!(c, Column::Id))?;
        let id = cells.get(i)?.trim();
        (!id.is_empty()).then(|| CaseId::Text(id.to_owned()))
    }

    /// Each question's id and column.
    pub fn question_columns(&self) -> Vec<(String, u32)> {
        self.columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Column::Question(q) => Some((q.id.clone(), i as u32)),
                _ => None,
            })
            .collect()
    }
}

/// A cell's value quoted in a message: cut, escaped.
fn quote(s: &str) -> String {
    crate::text::escape::quote(s, 80)
}

/// A cell as its text: a number as the interface language writes it
/// when whole, as read otherwise.
fn shown(cell: Cell<'_>) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) | Cell::Error(s) => s.to_owned(),
        Cell::Number(x) => crate::text::number::fmt_num(x),
        Cell::Bool(b) => if b { "oui" } else { "non" }.to_owned(),
    }
}

/// A cell as an answer to `q`: « oui »/« non » (or true/false, or a
/// boolean cell) for a yes/no question, a choice's value, a number (a
/// number cell, or text as the interface language writes it), free text
/// as is. `None` when it cannot be one.
fn answer(q: &Question, cell: Cell<'_>) -> Option<Answer> {
    let yes_no = |b: bool| Answer::Text(if b { "oui" } else { "non" }.to_owned());
    match (q.kind, cell) {
        (QuestionKind::YesNo, Cell::Bool(b)) => Some(Answer::Bool(b)),
        (QuestionKind::YesNo, Cell::Text(s)) => yes_no_cell(s).map(Answer::Bool),
        (QuestionKind::Number, Cell::Number(x)) => Some(Answer::Number(x)),
        (QuestionKind::Number, Cell::Text(s)) => {
            crate::text::number::parse(s, i18n::current()).map(Answer::Number)
        }
        // A choice of `oui`, `non` and more (« je ne sais pas »): the
        // words of a yes/no cell still mean oui and non.
        (QuestionKind::Choice, Cell::Bool(b)) if crate::core::engine::has_yes_no_values(q) => {
            Some(yes_no(b))
        }
        (QuestionKind::Choice, Cell::Text(s)) if !q.choices.iter().any(|c| c.value == s) => {
            match yes_no_cell(s) {
                Some(b) if crate::core::engine::has_yes_no_values(q) => Some(yes_no(b)),
                _ => Some(Answer::Text(s.to_owned())),
            }
        }
        (QuestionKind::Choice | QuestionKind::Text, Cell::Text(s)) => {
            Some(Answer::Text(s.to_owned()))
        }
        (QuestionKind::Choice | QuestionKind::Text, Cell::Number(_)) => {
            Some(Answer::Text(shown(cell)))
        }
        _ => None,
    }
}

/// A yes/no cell, in French or English words.
fn yes_no_cell(cell: &str) -> Option<bool> {
    let is = |words: [&str; 4]| words.iter().any(|w| cell.eq_ignore_ascii_case(w));
    if is(["oui", "true", "vrai", "yes"]) {
        Some(true)
    } else if is(["non", "false", "faux", "no"]) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Choice;

    fn question(kind: QuestionKind, values: &[&str]) -> Question {
        Question {
            id: "q".into(),
            kind,
            section: None,
            text: "Q ?".into(),
            help: String::new(),
            details: String::new(),
            terms: vec![],
            choices: values
                .iter()
                .map(|v| Choice {
                    value: (*v).into(),
                    label: (*v).into(),
                    help: None,
                    when: None,
                    branch: Default::default(),
                })
                .collect(),
            ranges: vec![],
            unit: None,
            next: None,
            count: vec![],
        }
    }

    fn text(s: &str) -> Option<Answer> {
        Some(Answer::Text(s.into()))
    }

    #[test]
    fn yes_no_words_answer_a_choice_of_oui_and_non() {
        let q = question(QuestionKind::Choice, &["oui", "non", "ne_sait_pas"]);
        assert_eq!(answer(&q, Cell::Text("true")), text("oui"));
        assert_eq!(answer(&q, Cell::Text("Faux")), text("non"));
        assert_eq!(answer(&q, Cell::Text("non")), text("non"));
        assert_eq!(answer(&q, Cell::Bool(true)), text("oui"));
        assert_eq!(answer(&q, Cell::Text("ne_sait_pas")), text("ne_sait_pas"));
        // Elsewhere a cell is the value it says, refused later if wrong.
        let other = question(QuestionKind::Choice, &["base", "autre"]);
        assert_eq!(answer(&other, Cell::Text("true")), text("true"));
        assert_eq!(answer(&other, Cell::Bool(true)), None);
    }

    #[test]
    fn typed_cells_are_read_as_their_type() {
        let n = question(QuestionKind::Number, &[]);
        assert_eq!(answer(&n, Cell::Number(12.5)), Some(Answer::Number(12.5)));
        assert_eq!(answer(&n, Cell::Bool(true)), None);
        let yn = question(QuestionKind::YesNo, &[]);
        assert_eq!(answer(&yn, Cell::Bool(false)), Some(Answer::Bool(false)));
        assert_eq!(answer(&yn, Cell::Number(1.0)), None);
        let t = question(QuestionKind::Text, &[]);
        assert_eq!(answer(&t, Cell::Number(1200.0)), text("1200"));
    }
}
