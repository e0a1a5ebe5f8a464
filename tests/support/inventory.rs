//! The six-case inventory of tests/fixtures/inventaires/, written as
//! UTF-8 CSV, Windows-1252 CSV with CRLF, XLSX and ODS from one table, so
//! that the four files are the same inventory and can be written again:
//! `cargo test --test inventories -- --ignored write_fixtures`.

#![allow(dead_code)]

use std::io::Write;

/// A cell of the table.
#[derive(Clone, Copy)]
pub enum C {
    E,
    T(&'static str),
    N(f64),
    B(bool),
}

use C::*;

pub const HEADER: [&str; 20] = [
    "id",
    "type_ressource",
    "algo_administration",
    "algo_decision_individuelle",
    "algo_secret",
    "algo_etp",
    "algo_automatisation",
    "algo_donnees_personnelles",
    "algo_aide_donnees_sensibles",
    "donnees_organisme",
    "donnees_etp",
    "donnees_forte_valeur",
    "code_mission",
    "code_acheve",
    "code_titulaire_droits",
    "code_secrets",
    "donnees_achevement",
    "donnees_secret",
    "donnees_personnelles",
    "donnees_droits_tiers",
];

/// The rows after the header (line 2 on); `None` is a blank line. Row 5
/// is broken (a misspelt choice, in column G).
pub fn rows() -> Vec<Option<[C; 20]>> {
    vec![
        Some([
            T("subventions"),
            T("algorithme"),
            T("autre_public"),
            T("personnes_morales"),
            T("non"),
            N(20.0),
            T("aide_decision"),
            T("non"),
            T("non"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
        ]),
        Some([
            T("bourses élèves"),
            T("algorithme"),
            T("collectivite"),
            T("personnes_physiques"),
            T("non"),
            N(1200.0),
            T("aide_decision"),
            T("oui"),
            T("non"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
        ]),
        None,
        Some([
            T("cantine"),
            T("algorithme"),
            T("collectivite"),
            T("personnes_physiques"),
            T("non"),
            N(1200.0),
            T("aide_decisoin"),
            T("oui"),
            T("non"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
        ]),
        Some([
            T("données état"),
            T("donnees"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            T("etat"),
            N(12.5),
            T("oui"),
            E,
            E,
            E,
            E,
            T("acheve"),
            T("aucun"),
            T("non"),
            T("aucun"),
        ]),
        Some([
            T("dépôt « Été »"),
            T("code_source"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            B(true),
            B(true),
            T("tiers"),
            T("non"),
            E,
            E,
            E,
            E,
        ]),
        Some([
            T("outil interne"),
            T("code_source"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            B(false),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
        ]),
    ]
}

/// A cell as a French spreadsheet exports it to CSV.
fn csv_cell(c: C) -> String {
    match c {
        E => String::new(),
        T(s) => s.to_owned(),
        N(x) => x.to_string().replace('.', ","),
        B(b) => if b { "VRAI" } else { "FAUX" }.to_owned(),
    }
}

/// The inventory as CSV text (`;`), with `end` between lines.
pub fn csv(end: &str) -> String {
    let mut out = HEADER.join(";") + end;
    for row in rows() {
        if let Some(row) = row {
            out += &row.map(csv_cell).join(";");
        }
        out += end;
    }
    out
}

/// The inventory as Windows-1252 bytes with CRLF, as a French Excel
/// saves « CSV (séparateur : point-virgule) ».
pub fn csv_1252() -> Vec<u8> {
    let text = csv("\r\n");
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!bad);
    bytes.into_owned()
}

/// The inventory as an XLSX workbook (sheet « Feuille1 »).
pub fn xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Feuille1").unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows().iter().enumerate() {
        let Some(row) = row else { continue };
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match *cell {
                E => {}
                T(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                N(x) => {
                    ws.write_number(r, c, x).unwrap();
                }
                B(b) => {
                    ws.write_boolean(r, c, b).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The inventory as an ODS workbook (sheet « Feuille1 »): the parts a
/// spreadsheet needs, stored.
pub fn ods() -> Vec<u8> {
    let cell = |c: C| match c {
        E => "<table:table-cell/>".to_owned(),
        T(s) => format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
            xml_escape(s)
        ),
        N(x) => format!(
            "<table:table-cell office:value-type=\"float\" office:value=\"{x}\"><text:p>{x}</text:p></table:table-cell>"
        ),
        B(b) => format!(
            "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"{b}\"><text:p>{b}</text:p></table:table-cell>"
        ),
    };
    let mut table = String::from("<table:table-row>");
    for h in HEADER {
        table += &cell(T(h));
    }
    table += "</table:table-row>";
    for row in rows() {
        table += "<table:table-row>";
        match row {
            Some(row) => row.iter().for_each(|c| table += &cell(*c)),
            None => table += "<table:table-cell/>",
        }
        table += "</table:table-row>";
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet><table:table table:name=\"Feuille1\">{table}</table:table>\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    for (name, body) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", &content),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
