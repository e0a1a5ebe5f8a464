//! The project practises what it recommends: its own publiccode.yml follows
//! the standard and says what Cargo.toml says, its changelog has a line for
//! each version of the legal content, its licences are where REUSE and
//! Cargo look for them, and its README shows the opening-level badge the
//! tool gives for the project's own answers (`.aiguillage.json`).

use std::path::Path;

use serde::Deserialize;
use serde_norway::Value;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

// ---------------------------------------------------------------------------
// Cargo.toml
// ---------------------------------------------------------------------------

#[derive(Deserialize)]
struct CargoToml {
    package: Package,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    version: String,
    license: String,
    repository: String,
}

fn package() -> Package {
    toml::from_str::<CargoToml>(&read("Cargo.toml"))
        .expect("Cargo.toml")
        .package
}

// ---------------------------------------------------------------------------
// publiccode.yml: the standard's rules (tests/support/publiccode.rs, shared
// with the publiccode.yml that `aiguillage documents` writes), then what this
// project adds: the ties to Cargo.toml and its two languages.
// ---------------------------------------------------------------------------

#[path = "support/publiccode.rs"]
mod publiccode;

use publiccode::{PublicCode, without_git_suffix};

/// Every way `text` breaks the standard or stops matching `package`.
fn publiccode_problems(text: &str, package: &Package) -> Vec<String> {
    let pc: PublicCode = match publiccode::parse(text) {
        Ok(pc) => pc,
        Err(e) => return vec![e],
    };
    let mut problems = publiccode::standard_problems(&pc);
    let mut problem = |p: String| problems.push(p);

    // Ties to Cargo.toml. The version and the date are optional in the
    // standard; this project keeps them.
    if pc.name != package.name {
        problem(format!(
            "name: « {} » ≠ Cargo.toml « {} »",
            pc.name, package.name
        ));
    }
    match &pc.software_version {
        None => problem("softwareVersion: missing (this project keeps it)".into()),
        Some(v) if *v != package.version => problem(format!(
            "softwareVersion: « {v} » ≠ Cargo.toml version « {} »",
            package.version
        )),
        Some(_) => {}
    }
    if pc.release_date.is_none() {
        problem("releaseDate: missing (this project keeps it)".into());
    }
    if pc.legal.license != package.license {
        problem(format!(
            "legal.license: « {} » ≠ Cargo.toml license « {} »",
            pc.legal.license, package.license
        ));
    }
    if without_git_suffix(&pc.url) != without_git_suffix(&package.repository) {
        problem(format!(
            "url: « {} » ≠ Cargo.toml repository « {} »",
            pc.url, package.repository
        ));
    }

    // French first (the users are French agents), English for the
    // European catalogues.
    for lang in ["fr", "en"] {
        if !pc.description.contains_key(lang) {
            problem(format!("description.{lang}: missing"));
        }
    }
    // The interface speaks French and English (`--lang fr|en`).
    let l = &pc.localisation;
    if !l.localisation_ready || l.available_languages != ["fr", "en"] {
        problem("localisation: the interface is ready for, and available in, fr and en".into());
    }
    problems
}

#[test]
fn publiccode_follows_the_standard_and_matches_cargo_toml() {
    let problems = publiccode_problems(&read("publiccode.yml"), &package());
    assert!(
        problems.is_empty(),
        "publiccode.yml:\n{}",
        problems.join("\n")
    );
}

// The check itself: a copy of the file with one thing wrong must fail, with
// a message that names the key.

/// publiccode.yml with the key at `path` removed, or set to `value`.
fn edited(path: &[&str], value: Option<&str>) -> String {
    let mut doc: Value = serde_norway::from_str(&read("publiccode.yml")).unwrap();
    let (last, parents) = path.split_last().unwrap();
    let mut node = &mut doc;
    for key in parents {
        node = node
            .get_mut(*key)
            .unwrap_or_else(|| panic!("{key} not in publiccode.yml"));
    }
    let map = node.as_mapping_mut().unwrap();
    match value {
        None => {
            assert!(map.remove(*last).is_some(), "{last} not in publiccode.yml");
        }
        Some(v) => {
            map.insert(Value::from(*last), serde_norway::from_str(v).unwrap());
        }
    }
    serde_norway::to_string(&doc).unwrap()
}

fn assert_refused(text: &str, key: &str) {
    let problems = publiccode_problems(text, &package());
    assert!(
        problems.iter().any(|p| p.contains(key)),
        "expected a problem naming {key}, got {problems:?}"
    );
}

#[test]
fn publiccode_check_refuses_a_missing_required_key() {
    for path in [
        &["publiccodeYmlVersion"][..],
        &["name"],
        &["url"],
        &["softwareVersion"],
        &["releaseDate"],
        &["platforms"],
        &["categories"],
        &["developmentStatus"],
        &["softwareType"],
        &["description"],
        &["description", "fr"],
        &["description", "fr", "shortDescription"],
        &["description", "en", "longDescription"],
        &["description", "fr", "features"],
        &["legal"],
        &["legal", "license"],
        &["maintenance"],
        &["maintenance", "type"],
        &["maintenance", "contacts"],
        &["localisation"],
        &["localisation", "localisationReady"],
        &["localisation", "availableLanguages"],
    ] {
        assert_refused(&edited(path, None), path.last().unwrap());
    }
}

#[test]
fn publiccode_check_refuses_values_out_of_the_standard() {
    for (path, value, named) in [
        (&["developmentStatus"][..], "released", "released"),
        (&["softwareType"], "cli", "cli"),
        (&["softwareType"], "standalone", "standalone"),
        (&["maintenance", "type"], "volunteers", "volunteers"),
        (&["publiccodeYmlVersion"], "'1.0'", "publiccodeYmlVersion"),
        (&["categories"], "[law]", "categories"),
        (&["releaseDate"], "'30/11/2026'", "releaseDate"),
        (&["platforms"], "[]", "platforms"),
        (
            &["description", "fr", "longDescription"],
            "Trop court.",
            "longDescription",
        ),
        (
            &["description", "en", "shortDescription"],
            &"x".repeat(151),
            "shortDescription",
        ),
        (
            &["localisation", "availableLanguages"],
            "[French]",
            "availableLanguages",
        ),
        (&["licence"], "MIT", "licence"),
    ] {
        assert_refused(&edited(path, Some(value)), named);
    }
}

#[test]
fn publiccode_check_refuses_drift_from_cargo_toml() {
    for (path, value) in [
        (&["name"][..], "Aiguillage"),
        (&["softwareVersion"], "'0.0.9'"),
        (&["legal", "license"], "EUPL-1.2"),
        (&["url"], "https://example.org/aiguillage"),
    ] {
        assert_refused(&edited(path, Some(value)), path.last().unwrap());
    }
}

// ---------------------------------------------------------------------------
// CHANGELOG.md: one line per questionnaire version, under « Contenu
// juridique », in the form
// - `donnees` 1.0.0 (contenu juridique au 2026-11-29) : what a result may change
// ---------------------------------------------------------------------------

/// The top of a questionnaire file. articles.toml and glossaire.toml have
/// none of these keys and are skipped.
#[derive(Deserialize)]
struct QuestionnaireHead {
    id: Option<String>,
    version: Option<String>,
    legal_date: Option<String>,
}

/// The list items of every « ### Contenu juridique » subsection.
fn legal_content_lines(changelog: &str) -> Vec<&str> {
    let mut inside = false;
    let mut lines = Vec::new();
    for line in changelog.lines() {
        if line.starts_with('#') {
            inside = line.trim_end() == "### Contenu juridique";
        } else if inside && line.starts_with("- ") {
            lines.push(line);
        }
    }
    lines
}

/// For each questionnaire file (name, text) that has an id, a version and a
/// legal date, the changelog line it lacks.
fn changelog_problems(changelog: &str, files: &[(String, String)]) -> Vec<String> {
    let lines = legal_content_lines(changelog);
    let mut problems = Vec::new();
    for (name, text) in files {
        let head: QuestionnaireHead =
            toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (id, version, date) = match (head.id, head.version, head.legal_date) {
            (None, None, None) => continue,
            (Some(id), Some(version), Some(date)) => (id, version, date),
            _ => {
                problems.push(format!("{name}: id, version and legal_date go together"));
                continue;
            }
        };
        let prefix = format!("- `{id}` {version} (contenu juridique au {date})");
        let described = |line: &&str| {
            line.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_prefix(" : "))
                .is_some_and(|what| !what.trim().is_empty())
        };
        if !lines.iter().any(described) {
            problems.push(format!(
                "{name}: CHANGELOG.md has no line « {prefix} : <ce qu'un résultat peut changer> » \
                 under « ### Contenu juridique »"
            ));
        }
    }
    problems
}

fn questionnaire_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = format!(
                "questionnaires/{}",
                p.file_name().unwrap().to_string_lossy()
            );
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn changelog_has_a_line_for_each_questionnaire_version() {
    let files = questionnaire_files();
    let versioned = files
        .iter()
        .filter(|(_, text)| {
            toml::from_str::<QuestionnaireHead>(text)
                .unwrap()
                .id
                .is_some()
        })
        .count();
    assert!(
        versioned >= 4,
        "accueil, donnees, algorithmes, code_source: {versioned} found"
    );
    let problems = changelog_problems(&read("CHANGELOG.md"), &files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn changelog_check_names_the_questionnaire_without_its_line() {
    let text = read("questionnaires/donnees.toml");
    let current = text
        .lines()
        .find(|l| l.starts_with("version = "))
        .expect("donnees.toml has a version")
        .to_owned();
    let bumped = text.replacen(&current, "version = \"99.0.0\"", 1);
    assert!(bumped.contains("version = \"99.0.0\""));
    let files = [
        ("questionnaires/donnees.toml".to_string(), bumped),
        (
            "questionnaires/articles.toml".to_string(),
            read("questionnaires/articles.toml"),
        ),
    ];
    let problems = changelog_problems(&read("CHANGELOG.md"), &files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("questionnaires/donnees.toml: "),
        "{problems:?}"
    );
    assert!(
        problems[0].contains("- `donnees` 99.0.0 (contenu juridique au"),
        "{}",
        problems[0]
    );

    // The line must be under « Contenu juridique » and say what changes.
    let files = [(
        "q.toml".to_string(),
        "id = \"q\"\nversion = \"2.0.0\"\nlegal_date = \"2027-01-01\"\n".to_string(),
    )];
    let elsewhere =
        "## [0.2.0]\n### Ajouté\n- `q` 2.0.0 (contenu juridique au 2027-01-01) : nouveau\n";
    assert_eq!(changelog_problems(elsewhere, &files).len(), 1);
    let silent =
        "## [0.2.0]\n### Contenu juridique\n- `q` 2.0.0 (contenu juridique au 2027-01-01)\n";
    assert_eq!(changelog_problems(silent, &files).len(), 1);
    let right = "## [0.2.0]\n### Contenu juridique\n- `q` 2.0.0 (contenu juridique au 2027-01-01) : nouveau\n";
    assert!(changelog_problems(right, &files).is_empty());
}

#[test]
fn changelog_dates_the_cargo_version_as_publiccode_does() {
    let changelog = read("CHANGELOG.md");
    assert!(
        changelog.lines().any(|l| l == "## [Unreleased]"),
        "no « ## [Unreleased] »"
    );
    let pc: PublicCode = serde_norway::from_str(&read("publiccode.yml")).unwrap();
    let date = pc.release_date.expect("publiccode.yml has a releaseDate");
    let heading = format!("## [{}] - {date}", package().version);
    assert!(
        changelog.lines().any(|l| l.trim_end() == heading),
        "CHANGELOG.md has no « {heading} » (the version of Cargo.toml, dated as releaseDate in publiccode.yml)"
    );
}

// ---------------------------------------------------------------------------
// Licences and the README
// ---------------------------------------------------------------------------

#[test]
fn every_licence_named_has_its_text() {
    // Cargo's licence and the content's, each with its text under LICENSES/
    // (where `reuse lint` looks); the root copies are the Rust convention.
    let license = package().license;
    assert_eq!(license, "MIT OR Apache-2.0");
    for (id, file) in [
        ("MIT", "LICENSES/MIT.txt"),
        ("Apache-2.0", "LICENSES/Apache-2.0.txt"),
        ("etalab-2.0", "LICENSES/etalab-2.0.md"),
    ] {
        assert!(!read(file).trim().is_empty(), "{file} is empty");
        assert!(
            read("REUSE.toml").contains(id),
            "REUSE.toml never uses {id}"
        );
    }
    assert_eq!(read("LICENSE-MIT"), read("LICENSES/MIT.txt"));
    assert_eq!(read("LICENSE-APACHE"), read("LICENSES/Apache-2.0.txt"));
    assert!(read("LICENSE-MIT").contains("Copyright (c) 2026 Les contributeurs d'aiguillage"));
}

#[test]
fn readme_says_what_a_reuser_may_do_with_code_and_content() {
    let readme = read("README.md");
    let section = &readme[readme
        .find("\n## Licence\n")
        .expect("no « ## Licence » in README")..];
    for needed in [
        "MIT ou Apache-2.0",
        "Licence Ouverte 2.0",
        "questionnaires/",
        "guides/",
    ] {
        assert!(
            section.contains(needed),
            "the Licence section does not mention {needed}"
        );
    }
}

/// The `[![code.gouv.fr-…](…)](…)` badge in a text, if any.
fn badge_in(text: &str) -> Option<&str> {
    let start = text.find("[![code.gouv.fr-")?;
    let middle = start + text[start..].find(")](")? + 3;
    let end = middle + text[middle..].find(')')?;
    Some(&text[start..=end])
}

#[test]
fn readme_shows_the_badge_the_tool_recommends_for_this_project() {
    let out = assert_cmd::Command::cargo_bin("aiguillage")
        .unwrap()
        .env_clear()
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--answers", ".aiguillage.json", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decision: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    // The project's answers lead where its licence and CONTRIBUTING.md say.
    assert_eq!(decision["outcome"]["id"], "code_publier_niveau_a");
    let findings: Vec<&str> = decision["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(
        findings.contains(&"code_licence_permissive"),
        "{findings:?}"
    );

    let badge = decision["outcome"]["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|step| badge_in(step.as_str().unwrap()))
        .expect("the decision names no badge");
    let readme = read("README.md");
    assert_eq!(
        badge_in(&readme),
        Some(badge),
        "README's badge is not the recommended one"
    );
    let head: Vec<&str> = readme.lines().take(12).collect();
    assert!(
        head.contains(&badge),
        "the badge belongs at the top of the README"
    );
}
