//! Spreadsheets in: the first sheet (or the one named) of an XLSX or ODS
//! workbook, read with calamine, its cells typed as the workbook stores
//! them. Places are said as a spreadsheet says them (« Feuille1!D7 »).
//!
//! A workbook is a zip archive, so a small file can unpack to gigabytes
//! or to billions of cells. Before calamine sees it, every part is
//! unpacked once, counted, within [`MAX_UNPACKED`] bytes in all; an ODS
//! sheet's repeated rows and columns (which calamine spreads into a full
//! rectangle) are counted within [`MAX_CELLS`]; an XLSX sheet is read
//! cell by cell, only the cells that hold something kept, within
//! [`MAX_CELLS`] too.

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Ods, Reader, Xlsx};

use super::msg;

/// The largest workbook file read (compressed).
pub const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;
/// The most its parts may unpack to, in all.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// The most parts an archive may hold.
const MAX_PARTS: usize = 10_000;
/// The most cells a sheet may hold (an inventory of 100 000 rows of 40
/// columns).
pub const MAX_CELLS: u64 = 4_000_000;

/// Which workbook format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Ods,
}

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    Error(String),
}

/// A sheet: its name and its rows that hold something, in order, each
/// with its 0-based number and its non-empty cells by 0-based column.
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<(u32, Value)>)>,
}

impl Sheet {
    /// « Feuille1!D7 » for 0-based `row` and `column` of this sheet.
    pub fn place(&self, row: u32, column: u32) -> String {
        place(&self.name, row, column)
    }
}

/// « Feuille1!D7 » for 0-based `row` and `column` of the sheet `name`
/// (quoted when it holds more than letters and digits, as spreadsheets
/// write).
pub fn place(name: &str, row: u32, column: u32) -> String {
    let name = crate::text::escape::quote(name, 60);
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_');
    let name = if plain {
        name
    } else {
        format!("'{}'", name.replace('\'', "''"))
    };
    format!("{name}!{}{}", column_letters(column), row + 1)
}

/// `A` for column 0, `Z`, `AA`, … `XFD`.
pub fn column_letters(column: u32) -> String {
    let mut n = column as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        letters.push(b'A' + r);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Whether `bytes` start as a zip archive (XLSX and ODS are).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// XLSX or ODS from the archive's parts: ODS names its type in
/// `mimetype`, XLSX has `xl/workbook.xml`.
fn kind_of(bytes: &[u8]) -> Result<Kind, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| msg::not_a_workbook())?;
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Ok(Kind::Xlsx);
    }
    if let Ok(mut f) = zip.by_name("mimetype") {
        let mut m = String::new();
        let _ = f.by_ref().take(100).read_to_string(&mut m);
        if m.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
            return Ok(Kind::Ods);
        }
    }
    Err(msg::not_a_workbook())
}

/// Unpacks every part once, counting, to refuse an archive that unpacks
/// past [`MAX_UNPACKED`]; gives the ODS `content.xml`, to count its cells.
fn check_archive(bytes: &[u8], kind: Kind) -> Result<Option<Vec<u8>>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| msg::not_a_workbook())?;
    if zip.len() > MAX_PARTS {
        return Err(msg::too_many_parts(MAX_PARTS));
    }
    let mut left = MAX_UNPACKED;
    let mut content = None;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|_| msg::not_a_workbook())?;
        let keep = kind == Kind::Ods && part.name().is_ok_and(|n| n == "content.xml");
        let mut limited = part.by_ref().take(left + 1);
        let n = if keep {
            let mut v = Vec::new();
            let n = limited
                .read_to_end(&mut v)
                .map_err(|_| msg::not_a_workbook())?;
            content = Some(v);
            n as u64
        } else {
            std::io::copy(&mut limited, &mut std::io::sink()).map_err(|_| msg::not_a_workbook())?
        };
        if n > left {
            return Err(msg::unpacks_too_big(MAX_UNPACKED >> 20));
        }
        left -= n;
    }
    Ok(content)
}

/// The cells calamine would spread an ODS `content.xml` into: for each
/// table, its rows up to the last that holds a value, times its widest
/// such row, repeats counted. Read over the bytes: only the
/// `table-row` and `table-cell` tags and their repeat counts matter.
fn ods_cells(xml: &[u8]) -> u64 {
    let mut total = 0u64;
    let mut rows = 0u64; // rows so far in this table
    let mut rows_to_last = 0u64; // up to the last non-empty one
    let mut width = 0u64;
    let mut row_repeat = 1u64;
    let mut row_width = 0u64; // columns so far in this row
    let mut row_filled = 0u64; // up to the last non-empty cell
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &xml[i..]) {
        let start = i + lt + 1;
        let Some(gt) = memchr(b'>', &xml[start..]) else {
            break;
        };
        let tag = &xml[start..start + gt];
        i = start + gt + 1;
        if tag.starts_with(b"table:table-row") && !tag.starts_with(b"table:table-rows") {
            row_repeat = attr_number(tag, b"table:number-rows-repeated=").unwrap_or(1);
            row_width = 0;
            row_filled = 0;
        } else if tag.starts_with(b"table:table-cell")
            || tag.starts_with(b"table:covered-table-cell")
        {
            let repeat = attr_number(tag, b"table:number-columns-repeated=").unwrap_or(1);
            row_width = row_width.saturating_add(repeat.min(16_384));
            let filled = !tag.ends_with(b"/") || contains(tag, b"value-type=");
            if filled {
                row_filled = row_width;
            }
        } else if tag == b"/table:table-row" {
            rows = rows.saturating_add(row_repeat.min(1 << 20));
            if row_filled > 0 {
                rows_to_last = rows;
                width = width.max(row_filled);
            }
        } else if tag == b"/table:table" {
            total = total.saturating_add(rows_to_last.saturating_mul(width));
            (rows, rows_to_last, width) = (0, 0, 0);
        }
    }
    total.saturating_add(rows_to_last.saturating_mul(width))
}

fn memchr(b: u8, s: &[u8]) -> Option<usize> {
    s.iter().position(|x| *x == b)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The number in `name"N"` within a tag.
fn attr_number(tag: &[u8], name: &[u8]) -> Option<u64> {
    let at = tag.windows(name.len()).position(|w| w == name)? + name.len() + 1;
    let digits: Vec<u8> = tag
        .get(at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .take(20)
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The sheet `wanted` (or the first) of the workbook in `bytes`, read
/// within the bounds above. The error is a message for the user.
pub fn read(bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, String> {
    let kind = kind_of(bytes)?;
    let content = check_archive(bytes, kind)?;
    if let Some(xml) = content
        && ods_cells(&xml) > MAX_CELLS
    {
        return Err(msg::too_many_cells(&crate::text::number::number(
            MAX_CELLS as f64,
        )));
    }
    match kind {
        Kind::Xlsx => {
            let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| reason(&e))?;
            let name = pick(&book.sheet_names(), wanted)?;
            read_xlsx(&mut book, name)
        }
        Kind::Ods => {
            let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| reason(&e))?;
            let name = pick(&book.sheet_names(), wanted)?;
            let range = book.worksheet_range(&name).map_err(|e| reason(&e))?;
            let mut sheet = Sheet {
                name,
                rows: Vec::new(),
            };
            for (r, c, d) in range.used_cells() {
                let (r0, c0) = range.start().unwrap_or_default();
                let (r, c) = (r0 + r as u32, c0 + c as u32);
                let Some(v) = value(&data_ref(d)) else {
                    continue;
                };
                match sheet.rows.last_mut() {
                    Some((row, cells)) if *row == r => cells.push((c, v)),
                    _ => sheet.rows.push((r, vec![(c, v)])),
                }
            }
            Ok(sheet)
        }
    }
}

fn data_ref(d: &Data) -> DataRef<'_> {
    match d {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// A cell's value; `None` for an empty one.
fn value(d: &DataRef<'_>) -> Option<Value> {
    Some(match d {
        DataRef::Empty => return None,
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_owned()),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => Value::Text(d.to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    })
}

/// An XLSX sheet cell by cell: only the cells that hold something are
/// kept (a sheet whose last cell is XFD1048576 costs one cell).
fn read_xlsx<R: Read + std::io::Seek>(book: &mut Xlsx<R>, name: String) -> Result<Sheet, String> {
    let mut cells = book.worksheet_cells_reader(&name).map_err(|e| reason(&e))?;
    let mut rows: Vec<(u32, Vec<(u32, Value)>)> = Vec::new();
    let mut count = 0u64;
    while let Some(cell) = cells.next_cell().map_err(|e| reason(&e))? {
        let Some(v) = value(cell.get_value()) else {
            continue;
        };
        count += 1;
        if count > MAX_CELLS {
            return Err(msg::too_many_cells(&crate::text::number::number(
                MAX_CELLS as f64,
            )));
        }
        let (r, c) = cell.get_position();
        match rows.last_mut() {
            Some((row, cells)) if *row == r => cells.push((c, v)),
            _ => rows.push((r, vec![(c, v)])),
        }
    }
    // Rows are stored in order; a workbook that does not is sorted.
    if rows.windows(2).any(|w| w[0].0 >= w[1].0) {
        rows.sort_by_key(|r| r.0);
        let mut merged: Vec<(u32, Vec<(u32, Value)>)> = Vec::with_capacity(rows.len());
        for (r, cells) in rows {
            match merged.last_mut() {
                Some((row, c)) if *row == r => c.extend(cells),
                _ => merged.push((r, cells)),
            }
        }
        rows = merged;
    }
    Ok(Sheet { name, rows })
}

/// The sheet named `wanted`, or the first.
fn pick(names: &[String], wanted: Option<&str>) -> Result<String, String> {
    match wanted {
        None => names.first().cloned().ok_or_else(msg::no_sheet),
        Some(w) => names.iter().find(|n| *n == w).cloned().ok_or_else(|| {
            let quoted: Vec<String> = names
                .iter()
                .map(|n| format!("« {} »", crate::text::escape::quote(n, 60)))
                .collect();
            let hint = crate::text::suggest::did_you_mean(w, names.iter().map(String::as_str))
                .map(|s| msg::did_you_mean(&crate::text::escape::quote(s, 60)))
                .unwrap_or_default();
            msg::no_such_sheet(
                &crate::text::escape::quote(w, 60),
                &quoted.join(", "),
                &hint,
            )
        }),
    }
}

/// Why calamine could not read the workbook, in the interface language:
/// its own words are technical English.
fn reason(_e: &impl std::fmt::Display) -> String {
    msg::not_a_workbook()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        let s = Sheet {
            name: "Feuille1".into(),
            rows: vec![],
        };
        assert_eq!(s.place(6, 3), "Feuille1!D7");
        let s = Sheet {
            name: "Mes cas".into(),
            rows: vec![],
        };
        assert_eq!(s.place(0, 0), "'Mes cas'!A1");
    }

    #[test]
    fn ods_repeats_are_counted_as_calamine_spreads_them() {
        let row = |rep: u64, cells: &str| {
            format!(
                "<table:table-row table:number-rows-repeated=\"{rep}\">{cells}</table:table-row>"
            )
        };
        let full = "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell>";
        let empty = "<table:table-cell table:number-columns-repeated=\"1000\"/>";
        let xml = format!(
            "<table:table>{}{}</table:table>",
            row(1, full),
            row(1_000_000, empty)
        );
        // The empty rows after the last full one cost nothing.
        assert_eq!(ods_cells(xml.as_bytes()), 16_384);
        let xml = format!("<table:table>{}</table:table>", row(1_000_000, full));
        assert_eq!(ods_cells(xml.as_bytes()), 16_384 * 1_000_000);
    }
}
