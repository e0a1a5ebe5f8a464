//! The project practises what it recommends: its own publiccode.yml follows
//! the standard and says what Cargo.toml says, its changelog has a line for
//! each version of the legal content, its licences are where REUSE and
//! Cargo look for them, and its README shows the opening-level badge the
//! tool gives for the project's own answers (`.aiguillage.json`).

use std::collections::BTreeMap;
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
// publiccode.yml: the keys the standard requires (version 0.4, which later
// 0.x versions only extend), with its enumerations as Rust enums, so that a
// missing key or a value out of the list fails to parse with the key's name.
// ---------------------------------------------------------------------------

/// Versions of the standard whose required keys these checks cover: 0.4 and
/// the later 0.x versions, which only added optional keys or made keys
/// optional (categories, since 0.5: this file keeps them). "0" means the
/// latest 0.x.
const STANDARD_VERSIONS: &[&str] = &[
    "0", "0.4", "0.4.0", "0.5", "0.5.0", "0.6", "0.6.0", "0.7", "0.7.0",
];

/// Optional top-level keys of the standard (0.4 to 0.7), and the
/// country-specific sections.
const OPTIONAL_KEYS: &[&str] = &[
    "applicationSuite",
    "landingURL",
    "isBasedOn",
    "logo",
    "monochromeLogo",
    "inputTypes",
    "outputTypes",
    "usedBy",
    "roadmap",
    "intendedAudience",
    "dependsOn",
    "organisation",
    "fundedBy",
    "supports",
    "it",
    "IT",
];

/// The standard's controlled vocabulary for `categories`.
const CATEGORIES: &[&str] = &[
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "design",
    "design-system",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "educational-content",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "identity-management",
    "instant-messaging",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "other",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "website-builder",
    "whistleblowing",
    "workflow-management",
];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PublicCode {
    publiccode_yml_version: String,
    name: String,
    url: String,
    // Optional in the standard; this project keeps them, tied to Cargo.toml.
    software_version: String,
    release_date: String,
    platforms: Vec<String>,
    categories: Vec<String>,
    development_status: DevelopmentStatus,
    software_type: SoftwareType,
    description: BTreeMap<String, Description>,
    legal: Legal,
    maintenance: Maintenance,
    localisation: Localisation,
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum DevelopmentStatus {
    Concept,
    Development,
    Beta,
    Stable,
    Obsolete,
}

#[derive(Deserialize)]
enum SoftwareType {
    #[serde(rename = "standalone/mobile")]
    Mobile,
    #[serde(rename = "standalone/iot")]
    Iot,
    #[serde(rename = "standalone/desktop")]
    Desktop,
    #[serde(rename = "standalone/web")]
    Web,
    #[serde(rename = "standalone/backend")]
    Backend,
    #[serde(rename = "standalone/other")]
    Other,
    #[serde(rename = "addon")]
    Addon,
    #[serde(rename = "library")]
    Library,
    #[serde(rename = "configurationFiles")]
    ConfigurationFiles,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Description {
    short_description: String,
    long_description: String,
    features: Vec<String>,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Legal {
    license: String,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum MaintenanceType {
    Internal,
    Contract,
    Community,
    None,
}

#[derive(Deserialize)]
struct Maintenance {
    r#type: MaintenanceType,
    #[serde(default)]
    contacts: Vec<Named>,
    #[serde(default)]
    contractors: Vec<Contractor>,
}

#[derive(Deserialize)]
struct Named {
    name: String,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct Contractor {
    name: String,
    until: String,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Localisation {
    localisation_ready: bool,
    available_languages: Vec<String>,
}

/// `YYYY-MM-DD`, the only date format the standard allows.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap())
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap())
}

/// A BCP 47 tag: a 2- or 3-letter lowercase primary subtag, then subtags.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}

fn without_git_suffix(url: &str) -> &str {
    url.trim_end_matches('/').trim_end_matches(".git")
}

/// Every way `text` breaks the standard or stops matching `package`.
fn publiccode_problems(text: &str, package: &Package) -> Vec<String> {
    let pc: PublicCode = match serde_norway::from_str(text) {
        Ok(pc) => pc,
        Err(e) => return vec![e.to_string()],
    };
    let mut problems = Vec::new();
    let mut problem = |p: String| problems.push(p);

    if !STANDARD_VERSIONS.contains(&pc.publiccode_yml_version.as_str()) {
        problem(format!(
            "publiccodeYmlVersion: « {} » is not one of {STANDARD_VERSIONS:?}",
            pc.publiccode_yml_version
        ));
    }
    for key in pc.other.keys() {
        if !OPTIONAL_KEYS.contains(&key.as_str()) {
            problem(format!("{key}: not a key of the standard"));
        }
    }

    // Ties to Cargo.toml.
    if pc.name != package.name {
        problem(format!(
            "name: « {} » ≠ Cargo.toml « {} »",
            pc.name, package.name
        ));
    }
    if pc.software_version != package.version {
        problem(format!(
            "softwareVersion: « {} » ≠ Cargo.toml version « {} »",
            pc.software_version, package.version
        ));
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
    if !pc.url.starts_with("https://") {
        problem(format!("url: « {} » is not an https:// address", pc.url));
    }

    if !is_date(&pc.release_date) {
        problem(format!(
            "releaseDate: « {} » is not YYYY-MM-DD",
            pc.release_date
        ));
    }
    if pc.platforms.is_empty() {
        problem("platforms: empty".into());
    }
    if pc.categories.is_empty() {
        problem("categories: empty".into());
    }
    for c in &pc.categories {
        if !CATEGORIES.contains(&c.as_str()) {
            problem(format!("categories: « {c} » is not in the standard's list"));
        }
    }

    // French first (the users are French agents), English for the
    // European catalogues.
    for lang in ["fr", "en"] {
        if !pc.description.contains_key(lang) {
            problem(format!("description.{lang}: missing"));
        }
    }
    for (lang, d) in &pc.description {
        if !is_language_tag(lang) {
            problem(format!("description.{lang}: not a BCP 47 language tag"));
        }
        let short = d.short_description.trim().chars().count();
        if short == 0 || short > 150 {
            problem(format!(
                "description.{lang}.shortDescription: {short} characters, the standard wants 1 to 150"
            ));
        }
        let long = d.long_description.trim().chars().count();
        if !(150..=10_000).contains(&long) {
            problem(format!(
                "description.{lang}.longDescription: {long} characters, the standard wants 150 to 10000"
            ));
        }
        if d.features.is_empty() || d.features.iter().any(|f| f.trim().is_empty()) {
            problem(format!(
                "description.{lang}.features: empty, or an empty feature"
            ));
        }
    }

    let m = &pc.maintenance;
    match m.r#type {
        MaintenanceType::Internal | MaintenanceType::Community if m.contacts.is_empty() => problem(
            "maintenance.contacts: required when maintenance.type is internal or community".into(),
        ),
        MaintenanceType::Contract if m.contractors.is_empty() => {
            problem("maintenance.contractors: required when maintenance.type is contract".into())
        }
        _ => {}
    }
    for c in &m.contacts {
        if c.name.trim().is_empty() {
            problem("maintenance.contacts: a contact without a name".into());
        }
    }
    for c in &m.contractors {
        if c.name.trim().is_empty() || !is_date(&c.until) {
            problem("maintenance.contractors: each needs a name and an `until` date".into());
        }
    }

    let l = &pc.localisation;
    if l.available_languages.is_empty() {
        problem("localisation.availableLanguages: empty".into());
    }
    for tag in &l.available_languages {
        if !is_language_tag(tag) {
            problem(format!(
                "localisation.availableLanguages: « {tag} » is not a BCP 47 tag"
            ));
        }
    }
    // The interface speaks French and English (`--lang fr|en`).
    if !l.localisation_ready || l.available_languages != ["fr", "en"] {
        problem("localisation: the interface is ready for, and available in, fr and en".into());
    }

    // Read so that the enumerations are not dead code.
    let _ = (&pc.development_status, &pc.software_type);
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
    let heading = format!("## [{}] - {}", package().version, pc.release_date);
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
