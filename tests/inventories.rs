//! Inventories as people keep them: the same six cases as UTF-8 CSV,
//! Windows-1252 CSV with CRLF, XLSX and ODS give the same records with
//! the right line and row numbers; CSV read strictly; XLSX and Excel CSV
//! out; every cell written made safe; write errors and closed pipes.

#[path = "support/inventory.rs"]
mod inventory;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader};
use serde_json::Value;

/// Output with its no-break spaces (French typography) back to plain
/// ones, so that the expected texts below are written with plain spaces.
fn plain(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace(['\u{a0}', '\u{202f}'], " ")
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear().env("NO_COLOR", "1").env("TERM", "dumb");
    cmd
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inventaires")
}

const FILES: [&str; 4] = [
    "six-cas.csv",
    "six-cas-windows-1252.csv",
    "six-cas.xlsx",
    "six-cas.ods",
];

/// Writes the fixtures again from the table in tests/support/inventory.rs.
#[test]
#[ignore = "writes tests/fixtures/inventaires/"]
fn write_fixtures() {
    let dir = fixtures();
    std::fs::write(dir.join(FILES[0]), inventory::csv("\n")).unwrap();
    std::fs::write(dir.join(FILES[1]), inventory::csv_1252()).unwrap();
    std::fs::write(dir.join(FILES[2]), inventory::xlsx()).unwrap();
    std::fs::write(dir.join(FILES[3]), inventory::ods()).unwrap();
}

#[test]
fn the_fixtures_are_what_the_helper_writes() {
    let dir = fixtures();
    assert_eq!(
        std::fs::read_to_string(dir.join(FILES[0])).unwrap(),
        inventory::csv("\n")
    );
    assert_eq!(
        std::fs::read(dir.join(FILES[1])).unwrap(),
        inventory::csv_1252()
    );
    assert_eq!(std::fs::read(dir.join(FILES[3])).unwrap(), inventory::ods());
    // The XLSX holds its date of writing: compared cell by cell.
    let cells = |bytes: Vec<u8>| {
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        book.worksheet_range("Feuille1").unwrap()
    };
    assert_eq!(
        cells(std::fs::read(dir.join(FILES[2])).unwrap()),
        cells(inventory::xlsx())
    );
}

fn records(stdout: &[u8]) -> Vec<Value> {
    plain(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_same_inventory_in_four_formats_gives_the_same_records() {
    let mut all = Vec::new();
    for file in FILES {
        let out = aiguillage()
            .arg("batch")
            .arg(fixtures().join(file))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{file}: one row is broken");
        let stderr = plain(&out.stderr);
        assert!(stderr.contains("6 cas : 5 décidé(s)"), "{file}: {stderr}");
        assert_eq!(
            stderr.contains("lu comme du texte windows-1252"),
            file.contains("1252"),
            "{file}: {stderr}"
        );
        let mut r = records(&out.stdout);
        let lines: Vec<u64> = r.iter().map(|r| r["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, [2, 3, 5, 6, 7, 8], "{file}");
        let broken = r[2]["error"].clone();
        assert_eq!(broken["question"], "algo_automatisation", "{file}");
        let message = broken["message"].as_str().unwrap();
        assert!(message.contains("aide_decisoin"), "{file}: {message}");
        if file.ends_with(".xlsx") || file.ends_with(".ods") {
            assert!(message.starts_with("Feuille1!G5 : "), "{file}: {message}");
        }
        r[2]["error"]["message"] = Value::Null;
        all.push(r);
    }
    assert_eq!(all[0][1]["id"], "bourses élèves");
    assert!(all[0][3]["outcome"].is_string());
    for (file, r) in FILES.iter().zip(&all) {
        assert_eq!(r, &all[0], "{file} differs from {}", FILES[0]);
    }
}

#[test]
fn a_broken_cell_of_a_sheet_is_named_by_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Mes cas").unwrap();
    ws.write_row(0, 0, ["id", "type_ressource", "algo_etp"])
        .unwrap();
    ws.write_row(1, 0, ["a", "algorithme", "beaucoup"]).unwrap();
    ws.write_string(2, 0, "b").unwrap();
    ws.write_string(2, 5, "hors en-tête").unwrap();
    let other = book.add_worksheet();
    other.set_name("Autre").unwrap();
    let file = dir.path().join("cas.xlsx");
    book.save(&file).unwrap();
    let out = aiguillage().arg("batch").arg(&file).output().unwrap();
    let r = records(&out.stdout);
    let m = r[0]["error"]["message"].as_str().unwrap();
    assert!(
        m.starts_with("'Mes cas'!C2 : « algo_etp » : « beaucoup »"),
        "{m}"
    );
    let m = r[1]["error"]["message"].as_str().unwrap();
    assert!(m.contains("'Mes cas'!F3"), "{m}");
    // --sheet: a name that is not there is said with the ones that are.
    let out = aiguillage()
        .args(["batch", "--sheet", "autre"])
        .arg(&file)
        .assert()
        .code(2);
    let stderr = plain(&out.get_output().stderr);
    assert!(stderr.contains("vouliez-vous dire « Autre »"), "{stderr}");
    assert!(stderr.contains("« Mes cas »"), "{stderr}");
}

#[test]
fn xlsx_out_reads_back_with_calamine() {
    let out = aiguillage()
        .args(["batch", "--format", "xlsx"])
        .arg(fixtures().join(FILES[0]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(out.stdout)).unwrap();
    assert_eq!(book.sheet_names(), ["Décidés", "Non décidés"]);
    let decided = book.worksheet_range("Décidés").unwrap();
    let rows: Vec<&[Data]> = decided.rows().collect();
    assert_eq!(rows[0][0], Data::String("line".into()));
    assert_eq!(rows.len(), 6, "header and five cases");
    assert_eq!(rows[2][0], Data::Float(3.0));
    assert_eq!(rows[2][1], Data::String("bourses élèves".into()));
    assert_eq!(rows[2][2], Data::String("must".into()));
    // The same records as the CSV output, cell for cell.
    let csv_out = aiguillage()
        .args(["batch", "--format", "csv"])
        .arg(fixtures().join(FILES[0]))
        .output()
        .unwrap();
    let text = String::from_utf8(csv_out.stdout).unwrap();
    let mut csv_rows = csv::Reader::from_reader(text.as_bytes());
    let decided_csv: Vec<csv::StringRecord> = csv_rows
        .records()
        .map(Result::unwrap)
        .filter(|r| r[7].is_empty())
        .collect();
    for (row, csv_row) in rows[1..].iter().zip(&decided_csv) {
        for (cell, text) in row.iter().zip(csv_row.iter()) {
            let cell = match cell {
                Data::Float(x) => x.to_string(),
                Data::String(s) => s.clone(),
                Data::Empty => String::new(),
                other => panic!("{other:?}"),
            };
            assert_eq!(cell, text);
        }
    }
    let undecided = book.worksheet_range("Non décidés").unwrap();
    let rows: Vec<&[Data]> = undecided.rows().collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], Data::Float(5.0));
    assert_eq!(rows[1][2], Data::String("algo_automatisation".into()));
}

#[test]
fn excel_csv_is_what_a_french_excel_opens() {
    let out = aiguillage()
        .args(["batch", "--format", "csv", "--excel"])
        .arg(fixtures().join(FILES[0]))
        .output()
        .unwrap();
    let text = plain(&out.stdout);
    assert!(text.starts_with("\u{feff}line;id;verdict;"), "{text}");
    assert!(text.lines().count() >= 7);
    assert!(text.split("\r\n").count() >= 7, "CRLF line ends");
    aiguillage()
        .args(["batch", "--excel"])
        .arg(fixtures().join(FILES[0]))
        .assert()
        .code(2);
}

/// A CSV with one inventory row repeated, as lines.
fn algo_rows(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!("c{i};algorithme;autre_public;personnes_morales;non;20;aide_decision;non;non")
        })
        .collect()
}

const ALGO_HEADER: &str = "id;type_ressource;algo_administration;algo_decision_individuelle;algo_secret;algo_etp;algo_automatisation;algo_donnees_personnelles;algo_aide_donnees_sensibles";

fn batch_csv(input: impl Into<Vec<u8>>) -> (Option<i32>, Vec<Value>, String) {
    let out = aiguillage()
        .args(["batch", "--input", "csv"])
        .write_stdin(input)
        .output()
        .unwrap();
    (out.status.code(), records(&out.stdout), plain(&out.stderr))
}

#[test]
fn an_unbalanced_quote_costs_one_row_not_the_file() {
    let mut rows = algo_rows(300);
    rows[10] =
        "\"c10;algorithme;autre_public;personnes_morales;non;20;aide_decision;non;non".into();
    let input = format!("{ALGO_HEADER}\n{}\n", rows.join("\n"));
    let (code, r, stderr) = batch_csv(input);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("300 cas : 299 décidé(s)"), "{stderr}");
    let e = r.iter().find(|r| r.get("error").is_some()).unwrap();
    assert_eq!(e["line"], 12);
    let m = e["error"]["message"].as_str().unwrap();
    assert!(m.contains("ligne 12, colonne 1 n'est jamais fermé"), "{m}");
}

#[test]
fn stray_quotes_and_text_after_a_quote_are_refused_with_their_place() {
    let input = format!("{ALGO_HEADER}\nc\"1;algorithme\n\"c2\"x;algorithme\n");
    let (_, r, _) = batch_csv(input);
    let m = r[0]["error"]["message"].as_str().unwrap();
    assert!(m.contains("ligne 2, colonne 2"), "{m}");
    let m = r[1]["error"]["message"].as_str().unwrap();
    assert!(m.contains("ligne 3, colonne 5"), "{m}");
    // A failed row keeps its id when its cell was read.
    let (_, r, _) = batch_csv(format!("{ALGO_HEADER}\nc1;algo\"rithme\n"));
    assert_eq!(r[0]["id"], "c1");
}

#[test]
fn rows_are_numbered_right_with_crlf_cr_and_blank_lines() {
    for end in ["\n", "\r\n", "\r"] {
        let rows = algo_rows(3);
        let input = [ALGO_HEADER, &rows[0], "", &rows[1], "", "", &rows[2], ""].join(end);
        let (code, r, stderr) = batch_csv(input);
        assert_eq!(code, Some(0), "{end:?}: {stderr}");
        let lines: Vec<u64> = r.iter().map(|r| r["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, [2, 4, 7], "{end:?}");
    }
}

#[test]
fn a_row_past_the_limit_quoted_or_not_is_refused_and_the_next_read() {
    let big = "x".repeat(1 << 21);
    for long in [format!("{big};algorithme"), format!("\"{big}\";algorithme")] {
        let rows = algo_rows(2);
        let input = format!("{ALGO_HEADER}\n{long}\n{}\n{}\n", rows[0], rows[1]);
        let (code, r, _) = batch_csv(input);
        assert_eq!(code, Some(2));
        assert_eq!(r.len(), 3);
        assert_eq!(r[0]["line"], 2);
        assert!(
            r[0]["error"]["message"].as_str().unwrap().contains("1 Mio"),
            "{}",
            r[0]
        );
        assert_eq!(r[1]["line"], 3);
        assert!(r[1]["outcome"].is_string());
    }
}

#[test]
fn a_repeated_column_is_refused_and_an_extra_cell_is_an_error() {
    let (code, r, stderr) = batch_csv("id;type_ressource;type_ressource\n1;algorithme;donnees\n");
    assert_eq!(code, Some(2));
    assert!(r.is_empty());
    assert!(stderr.contains("colonne 3"), "{stderr}");
    assert!(stderr.contains("déjà en ligne 1, colonne 2"), "{stderr}");
    let (_, r, _) = batch_csv("id;type_ressource\n1;algorithme;donnees\n2;algorithme;\n");
    let m = r[0]["error"]["message"].as_str().unwrap();
    assert!(
        m.contains("colonne 3 : « donnees » est dans une colonne sans en-tête"),
        "{m}"
    );
    // An empty cell past the header (Excel's trailing `;`) is no error.
    assert!(
        r[1]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("réponse manquante")
    );
}

#[test]
fn a_file_in_no_known_encoding_is_refused_with_its_place() {
    // UTF-8 first, then a Latin-1 byte on line 3.
    let input = format!("{ALGO_HEADER}\nété;algorithme\n").into_bytes();
    let mut input = input;
    input.extend_from_slice(b"\xe9t\xe9;algorithme\n");
    let (code, _, stderr) = batch_csv(input);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("l'octet 0xe9"), "{stderr}");
    assert!(stderr.contains("ligne 3"), "{stderr}");
    // Windows-1252 forced on UTF-8 text reads it as such, said.
    let out = aiguillage()
        .args(["batch", "--input", "csv", "--encoding", "iso-8859-15"])
        .write_stdin(&b"id;type_ressource\n\xc3\xa9;algorithme\n"[..])
        .output()
        .unwrap();
    let r = records(&out.stdout);
    assert_eq!(r[0]["id"], "Ã©");
}

#[test]
fn unused_answers_are_reported_per_record() {
    let line = r#"{"id": 1, "answers": {"type_ressource": "algorithme", "algo_administration": "aucun", "code_mission": true}}"#;
    let out = aiguillage()
        .arg("batch")
        .write_stdin(line)
        .output()
        .unwrap();
    let r = records(&out.stdout);
    assert_eq!(r[0]["unused"], serde_json::json!(["code_mission"]));
    let out = aiguillage()
        .args(["batch", "--format", "csv"])
        .write_stdin(line)
        .output()
        .unwrap();
    let text = plain(&out.stdout);
    assert!(
        text.lines().nth(1).unwrap().ends_with(",code_mission"),
        "{text}"
    );
}

#[test]
fn a_pretty_printed_answers_file_gets_one_clear_error() {
    let pretty = "{\n  \"answers\": {\n    \"type_ressource\": \"algorithme\"\n  }\n}\n";
    let out = aiguillage()
        .arg("batch")
        .write_stdin(pretty)
        .assert()
        .code(2);
    let o = out.get_output();
    assert!(o.stdout.is_empty());
    let stderr = plain(&o.stderr);
    assert!(stderr.contains("--answers"), "{stderr}");
    assert!(stderr.contains("un objet JSON par ligne"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

// Issue 22: every output escaped, bounded; write errors; ids as written.

#[test]
fn csv_cells_have_no_raw_escape_and_no_formula() {
    let input = "id;type_ressource\n\x1b[31mrouge\x07;algorithme\n\"=HYPERLINK(\"\"x\"\")\";algorithme\n+cmd|x;truc\x1b]0;t\x07\n";
    for excel in [false, true] {
        let mut cmd = aiguillage();
        cmd.args(["batch", "--input", "csv", "--format", "csv"]);
        if excel {
            cmd.arg("--excel");
        }
        let out = cmd.write_stdin(input).output().unwrap();
        let text = plain(&out.stdout);
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
        assert!(text.contains("\\x1b[31mrouge\\x07"), "{text}");
        let mut rows = csv::ReaderBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let ids: Vec<String> = rows.records().map(|r| r.unwrap()[1].to_owned()).collect();
        assert_eq!(ids[1], "'=HYPERLINK(\"x\")");
        assert_eq!(ids[2], "'+cmd|x");
    }
    // In a workbook too.
    let out = aiguillage()
        .args(["batch", "--input", "csv", "--format", "xlsx"])
        .write_stdin(input)
        .output()
        .unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(out.stdout)).unwrap();
    let undecided = book.worksheet_range("Non décidés").unwrap();
    let ids: Vec<String> = undecided.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert!(ids.contains(&"'+cmd|x".to_owned()), "{ids:?}");
    let decided = book.worksheet_range("Décidés").unwrap();
    for row in decided.rows().chain(undecided.rows()) {
        for cell in row {
            let s = cell.to_string();
            assert!(!s.starts_with(['=', '+', '-', '@']), "{s}");
            assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        }
    }
}

#[test]
fn jsonl_records_escape_c1_and_bidi_controls() {
    let input = "{\"id\": \"a\u{9b}31m\u{202e}b\", \"answers\": {\"type_ressource\": \"algorithme\", \"algo_administration\": \"aucun\"}}\n\
                 {\"id\": \"c\u{202e}\", \"answers\": {\"type_ressource\": \"x\u{9b}\"}}\n";
    for format in ["jsonl", "json"] {
        let out = aiguillage()
            .args(["batch", "--format", format])
            .write_stdin(input)
            .output()
            .unwrap();
        let text = plain(&out.stdout);
        assert!(
            !text.contains('\u{9b}') && !text.contains('\u{202e}'),
            "{format}: {text}"
        );
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{format}: {text}"
        );
        let r = records(text.as_bytes());
        assert_eq!(
            r[0]["id"], "a\u{9b}31m\u{202e}b",
            "the same JSON for a program"
        );
    }
}

#[test]
fn an_error_record_lists_twenty_errors_and_counts_the_others() {
    let answers: Vec<String> = (0..200).map(|i| format!("\"inconnue_{i}\": 1")).collect();
    let line = format!("{{\"answers\": {{{}}}}}\n", answers.join(", "));
    let out = aiguillage()
        .arg("batch")
        .write_stdin(line.clone())
        .output()
        .unwrap();
    let r = records(&out.stdout);
    let m = r[0]["error"]["message"].as_str().unwrap();
    assert_eq!(m.lines().count(), 21, "{m}");
    assert!(m.ends_with("… et 180 autres erreurs"), "{m}");
    assert!(
        out.stdout.len() < line.len() * 2,
        "{} for {}",
        out.stdout.len(),
        line.len()
    );
}

#[test]
fn a_full_stdout_stops_the_run_with_exit_1() {
    let many: String = (0..2000)
        .map(|i| format!("{{\"id\": {i}, \"answers\": {{\"type_ressource\": \"algorithme\", \"algo_administration\": \"aucun\"}}}}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.jsonl");
    std::fs::write(&file, many).unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aiguillage"))
        .arg("batch")
        .arg(&file)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = plain(&out.stderr);
    assert!(stderr.contains("sortie standard :"), "{stderr}");
    assert!(
        !stderr.contains("2000 cas"),
        "stops at the first failed write: {stderr}"
    );
}

#[test]
fn a_closed_stdout_stops_the_run_and_says_so() {
    let many: String = (0..200_000)
        .map(|i| format!("{{\"id\": {i}, \"answers\": {{\"type_ressource\": \"algorithme\", \"algo_administration\": \"aucun\"}}}}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.jsonl");
    std::fs::write(&file, many).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aiguillage"))
        .arg("batch")
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = plain(&out.stderr);
    assert!(!stderr.contains("200000 cas"), "{stderr}");
    assert!(
        stderr.contains("le reste de l'entrée n'a pas été lu"),
        "{stderr}"
    );
}

#[test]
fn ids_are_kept_as_written_and_a_bad_id_is_said_in_words() {
    let input = "{\"id\": 1.50, \"answers\": {\"type_ressource\": \"algorithme\", \"algo_administration\": \"aucun\"}}\n\
                 {\"id\": -0, \"answers\": {}}\n\
                 {\"id\": true, \"answers\": {}}\n";
    let out = aiguillage()
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    let text = plain(&out.stdout);
    assert!(text.contains("\"id\":1.50,"), "{text}");
    assert!(text.contains("\"id\":-0,"), "{text}");
    assert!(!text.contains("untagged"), "{text}");
    assert!(
        text.contains("« id » doit être un texte ou un nombre"),
        "{text}"
    );
    let out = aiguillage()
        .args(["batch", "--format", "csv"])
        .write_stdin(input)
        .output()
        .unwrap();
    let text = plain(&out.stdout);
    assert!(text.contains("\n1,1.50,"), "{text}");
    assert!(
        text.contains("\n2,'-0,"),
        "a cell starting with - is neutralised: {text}"
    );
}

#[test]
fn workbook_bombs_are_refused() {
    // An ODS whose one row of 16 384 cells is repeated a million times.
    let full = "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell>";
    let content = format!(
        "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet><table:table table:name=\"F\"><table:table-row table:number-rows-repeated=\"1000000\">{full}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    use std::io::Write;
    zip.start_file("mimetype", opts).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", opts).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    // And a part that unpacks to 300 MiB of zeros.
    zip.start_file("zeros.bin", opts).unwrap();
    let zeros = vec![0u8; 1 << 20];
    let mut bomb = zip.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let cells = dir.path().join("cellules.ods");
    std::fs::write(&cells, &bomb).unwrap();
    let out = aiguillage().arg("batch").arg(&cells).assert().code(2);
    let stderr = plain(&out.get_output().stderr);
    assert!(stderr.contains("plus de 4 000 000 cellules"), "{stderr}");

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", opts).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("zeros.bin", opts).unwrap();
    for _ in 0..300 {
        zip.write_all(&zeros).unwrap();
    }
    bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    let file = dir.path().join("bombe.xlsx");
    std::fs::write(&file, &bomb).unwrap();
    let out = aiguillage().arg("batch").arg(&file).assert().code(2);
    let stderr = plain(&out.get_output().stderr);
    assert!(stderr.contains("dépasse 256 Mio"), "{stderr}");
}
