//! `aiguillage batch`: an inventory in, one record per case out, in order;
//! the records agree with single runs; a broken line does not stop the
//! run; JSONL and CSV (`,` and `;`, with a byte-order mark) in and out.

use std::collections::BTreeMap;
use std::path::Path;

use aiguillage::Bundle;
use aiguillage::core::engine::walk;
use aiguillage::core::model::Answer;
use aiguillage::output::record::{CaseId, JsonLines, Memo, csv_row, record};
use aiguillage::tools::paths::{PathOut, enumerate};
use assert_cmd::Command;
use serde_json::Value;

/// Output as a reader sees it: the no-break spaces of French typography
/// read as spaces (the typography has its own tests).
fn plain(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace(['\u{a0}', '\u{202f}'], " ")
}

fn aiguillage() -> Command {
    let mut cmd = Command::cargo_bin("aiguillage").unwrap();
    cmd.env_clear().env("NO_COLOR", "1").env("TERM", "dumb");
    cmd
}

/// The answers of a scenario file, as one JSONL line with `id`.
fn line_of(scenario: &str, id: Value) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/scenarios/{scenario}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::json!({ "id": id, "questionnaire": v["questionnaire"], "answers": v["answers"] })
        .to_string()
}

fn records(stdout: &[u8]) -> Vec<Value> {
    plain(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every path of the built-in trees, as a batch, against the outcome
/// `paths` gives: the same outcome, verdict and findings, in input order.
#[test]
fn every_path_decided_in_batch_as_paths_says() {
    let bundle = Bundle::builtin().unwrap();
    let start = bundle.default_questionnaire();
    let all: Vec<PathOut<'_>> = enumerate(&bundle, start).iter().map(Into::into).collect();
    let input: String = all
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}\n", serde_json::json!({ "id": i, "answers": p.answers })))
        .collect();
    let out = aiguillage()
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", plain(&out.stderr));
    let got = records(&out.stdout);
    assert_eq!(got.len(), all.len());
    for (i, (r, p)) in got.iter().zip(&all).enumerate() {
        assert_eq!(r["line"], i + 1);
        assert_eq!(r["id"], i);
        assert_eq!(r["outcome"], p.outcome, "line {}", i + 1);
        assert_eq!(r["verdict"], serde_json::to_value(p.verdict).unwrap());
        assert_eq!(r["findings"], serde_json::to_value(&p.findings).unwrap());
    }
    let stderr = plain(&out.stderr);
    assert!(stderr.contains(&format!("{} cas", all.len())), "{stderr}");
}

/// A record says what a single run with the same answers says.
#[test]
fn a_record_agrees_with_the_single_decision() {
    for scenario in ["A3", "D2", "S4"] {
        let line = line_of(scenario, Value::from(scenario));
        let batch = aiguillage()
            .arg("batch")
            .write_stdin(format!("{line}\n"))
            .output()
            .unwrap();
        let r = &records(&batch.stdout)[0];
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        std::fs::write(&file, line.replace(&format!("\"id\":\"{scenario}\","), "")).unwrap();
        let single = aiguillage()
            .args(["--format", "json", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(single.status.success(), "{}", plain(&single.stderr));
        let d: Value = serde_json::from_str(&plain(&single.stdout)).unwrap();
        assert_eq!(r["outcome"], d["outcome"]["id"], "{scenario}");
        assert_eq!(r["verdict"], d["outcome"]["verdict"]);
        assert_eq!(r["title"], d["outcome"]["title"]);
        assert_eq!(r["questionnaire"], d["decided_by"]["id"]);
        let ids: Vec<&Value> = d["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| &f["id"])
            .collect();
        assert_eq!(
            r["findings"].as_array().unwrap().iter().collect::<Vec<_>>(),
            ids
        );
        let obligations: Vec<&Value> = d["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "obligation")
            .map(|f| &f["id"])
            .collect();
        assert_eq!(
            r["obligations"]
                .as_array()
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            obligations
        );
        let urls: Vec<&Value> = d["guides"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| &g["url"])
            .collect();
        assert_eq!(
            r["guides"].as_array().unwrap().iter().collect::<Vec<_>>(),
            urls
        );
        // `--format json` carries that very decision.
        let full = aiguillage()
            .args(["batch", "--format", "json"])
            .write_stdin(format!("{line}\n"))
            .output()
            .unwrap();
        let f = &records(&full.stdout)[0];
        assert_eq!(f["id"], scenario);
        assert_eq!(f["decision"], d, "{scenario}");
    }
}

/// A broken line in the middle: its record says why, the others are
/// decided, and the exit code is 2 once every line was read.
#[test]
fn broken_lines_do_not_stop_the_run() {
    let input = [
        line_of("A3", Value::from(1)),
        "{\"answers\": {\"type_ressource\": tru}}".into(),
        "{\"id\": \"x\", \"answers\": {\"type_ressourc\": \"algorithme\"}}".into(),
        String::new(),
        "{\"id\": 4, \"answers\": {\"type_ressource\": \"algorithme\"}}".into(),
        "{\"id\": 5, \"answers\": {\"type_ressource\": \"truc\"}}".into(),
        "{\"id\": 6, \"answers\": {}, \"extra\": 1}".into(),
        line_of("D2", Value::from(7)),
    ]
    .join("\n");
    let out = aiguillage()
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out.stdout);
    let lines: Vec<u64> = r.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 3, 5, 6, 7, 8], "blank line 4 skipped");
    assert!(r[0]["outcome"].is_string());
    assert!(r[6]["outcome"].is_string());
    let e = &r[1]["error"];
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .starts_with("ligne illisible"),
        "{e}"
    );
    assert!(e["column"].as_u64().unwrap() > 1, "{e}");
    let e = &r[2]["error"];
    assert_eq!(r[2]["id"], "x");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("vouliez-vous dire « type_ressource »"),
        "{e}"
    );
    let e = &r[3]["error"];
    assert_eq!(e["question"], "algo_administration", "missing: {e}");
    assert!(
        e["allowed"]
            .as_array()
            .unwrap()
            .contains(&Value::from("\"etat\"")),
        "{e}"
    );
    let e = &r[4]["error"];
    assert_eq!(e["question"], "type_ressource");
    assert!(e["allowed"].as_array().unwrap().len() == 3, "{e}");
    assert!(
        r[5]["error"]["message"].as_str().unwrap().contains("extra"),
        "{}",
        r[5]
    );
    let stderr = plain(&out.stderr);
    assert!(stderr.contains("7 cas : 2 décidé(s)"), "{stderr}");
    assert!(stderr.contains("5 non décidé(s)"), "{stderr}");
    assert!(stderr.contains("ligne 2"), "{stderr}");
}

/// A French spreadsheet export: `;`, a byte-order mark, `oui`/`non`, a
/// number written the French way; and the CSV round trip.
#[test]
fn csv_in_and_out() {
    let csv = "\u{feff}id;type_ressource;algo_administration;algo_decision_individuelle;algo_secret;algo_etp;algo_automatisation;algo_donnees_personnelles;algo_aide_donnees_sensibles\n\
               subventions;algorithme;autre_public;personnes_morales;non;20;aide_decision;non;non\n\
               ;;;;;;;;\n\
               mauvais;algorithme;autre_public;personnes_morales;non;1.200;aide_decision;non;non\n";
    let json = aiguillage().arg("batch").write_stdin(csv).output().unwrap();
    assert_eq!(json.status.code(), Some(2));
    let r = records(&json.stdout);
    assert_eq!(r.len(), 2, "the empty row is skipped");
    assert_eq!(r[0]["id"], "subventions");
    assert_eq!(r[0]["line"], 2);
    assert_eq!(r[0]["verdict"], "must", "{}", r[0]);
    let e = &r[1]["error"];
    assert_eq!(r[1]["line"], 4);
    assert_eq!(e["question"], "algo_etp");
    assert!(e["message"].as_str().unwrap().contains("« 1.200 »"), "{e}");

    let out = aiguillage()
        .args(["batch", "--format", "csv"])
        .write_stdin(csv)
        .output()
        .unwrap();
    let text = plain(&out.stdout);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "line",
            "id",
            "verdict",
            "outcome",
            "title",
            "obligations",
            "guide",
            "error",
            "unused"
        ]
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][1], "subventions");
    assert_eq!(&rows[0][2], "must");
    assert!(
        rows[0][5].contains("algo_mention_explicite"),
        "{:?}",
        rows[0]
    );
    assert!(rows[0][6].starts_with("https://guides.etalab.gouv.fr/"));
    assert!(rows[1][7].contains("algo_etp"));
}

#[test]
fn a_csv_header_that_names_no_question_is_refused_before_any_case() {
    let out = aiguillage()
        .args(["batch", "--input", "csv"])
        .write_stdin("id,type_resource\n1,algorithme\n")
        .assert()
        .code(2);
    let stderr = plain(&out.get_output().stderr);
    assert!(stderr.contains("colonne 2"), "{stderr}");
    assert!(
        stderr.contains("vouliez-vous dire « type_ressource »"),
        "{stderr}"
    );
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn a_line_past_the_limit_is_refused_and_the_next_is_read() {
    let long = format!(
        "{{\"id\": 1, \"answers\": {{\"x\": \"{}\"}}}}",
        "a".repeat(1 << 21)
    );
    let input = format!("{long}\n{}\n", line_of("A3", Value::from(2)));
    let out = aiguillage()
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    let r = records(&out.stdout);
    assert!(
        r[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("trop longue"),
        "{}",
        r[0]
    );
    assert_eq!(r[1]["line"], 2);
    assert!(r[1]["outcome"].is_string());
}

#[test]
fn files_are_read_in_turn_and_a_closed_pipe_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.csv");
    std::fs::write(&a, format!("{}\n", line_of("A3", Value::from("a")))).unwrap();
    std::fs::write(&b, "id,type_ressource\nb,algorithme\n").unwrap();
    let out = aiguillage().arg("batch").arg(&a).arg(&b).output().unwrap();
    let r = records(&out.stdout);
    assert_eq!(r[0]["id"], "a");
    assert_eq!(r[1]["id"], "b");
    // `| head -1`: the reader goes away; no error, no panic.
    let many: String = (0..20_000)
        .map(|i| format!("{}\n", line_of("A3", Value::from(i))))
        .collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aiguillage"))
        .arg("batch")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(many.as_bytes());
    });
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// The record writer writes, for every path of the built-in trees, the
/// very bytes serde_json writes for the record, and the memo of paths
/// already seen gives them back.
#[test]
fn fast_records_are_what_serde_writes() {
    let bundle = Bundle::builtin().unwrap();
    let start = bundle.default_questionnaire();
    let mut fast = JsonLines::default();
    let mut memo = Memo::default();
    let paths = enumerate(&bundle, start);
    assert!(paths.len() > 100);
    for (i, p) in paths.iter().enumerate() {
        let out: PathOut<'_> = p.into();
        let answers: BTreeMap<String, Answer> =
            serde_json::from_value(Value::Object(out.answers.clone())).unwrap();
        let w = walk(&bundle, start, &answers).unwrap();
        let ids = [
            None,
            Some(CaseId::Text(format!("cas \"{i}\" é"))),
            Some(CaseId::Number(i.to_string())),
        ];
        let r = record(&bundle, &w, i as u64 + 1, ids[i % 3].clone()).unwrap();
        assert_eq!(r.outcome, out.outcome);
        assert_eq!(r.findings, out.findings, "{}", out.outcome);
        let mut mine = Vec::new();
        fast.write(&r, &mut mine);
        let mut theirs = serde_json::to_vec(&r).unwrap();
        theirs.push(b'\n');
        assert_eq!(plain(&mine), plain(&theirs.clone()));
        // Twice through the memo: written afresh, then copied.
        for _ in 0..2 {
            let mut copied = Vec::new();
            let written = memo.get(&bundle, &w).unwrap();
            written.json_line(r.line, r.id.as_ref(), &[], &mut copied);
            assert_eq!(copied, theirs);
            assert_eq!(written.csv_row(r.line, r.id.as_ref(), &[]), csv_row(&r));
        }
    }
}
