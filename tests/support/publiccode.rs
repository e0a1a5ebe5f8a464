//! The publiccode.yml standard, as far as these checks go: the keys it
//! requires (version 0.4, which later 0.x versions only extend), its
//! enumerations and its formats. Shared by `tests/project.rs` (the
//! project's own file) and `tests/documents.rs` (the publiccode.yml that
//! `aiguillage documents` writes), each adding its own ties on top.

#![allow(dead_code)]

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_norway::Value;

/// Versions of the standard whose required keys these checks cover: 0.4 and
/// the later 0.x versions, which only added optional keys or made keys
/// optional (categories, since 0.5: this file keeps them). "0" means the
/// latest 0.x.
pub const STANDARD_VERSIONS: &[&str] = &[
    "0", "0.4", "0.4.0", "0.5", "0.5.0", "0.6", "0.6.0", "0.7", "0.7.0",
];

/// Optional top-level keys of the standard (0.4 to 0.7), and the
/// country-specific sections.
pub const OPTIONAL_KEYS: &[&str] = &[
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
pub const CATEGORIES: &[&str] = &[
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

/// The keys of a publiccode.yml this check reads; a missing required key
/// or a value out of the standard's lists fails to parse, naming the key.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicCode {
    pub publiccode_yml_version: String,
    pub name: String,
    pub url: String,
    /// Optional in the standard.
    #[serde(default)]
    pub software_version: Option<String>,
    /// Optional in the standard; `YYYY-MM-DD` when given.
    #[serde(default)]
    pub release_date: Option<String>,
    pub platforms: Vec<String>,
    pub categories: Vec<String>,
    pub development_status: DevelopmentStatus,
    pub software_type: SoftwareType,
    pub description: BTreeMap<String, Description>,
    pub legal: Legal,
    pub maintenance: Maintenance,
    pub localisation: Localisation,
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DevelopmentStatus {
    Concept,
    Development,
    Beta,
    Stable,
    Obsolete,
}

#[derive(Deserialize)]
pub enum SoftwareType {
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
pub struct Description {
    pub short_description: String,
    pub long_description: String,
    pub features: Vec<String>,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Legal {
    pub license: String,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MaintenanceType {
    Internal,
    Contract,
    Community,
    None,
}

#[derive(Deserialize)]
pub struct Maintenance {
    pub r#type: MaintenanceType,
    #[serde(default)]
    pub contacts: Vec<Named>,
    #[serde(default)]
    pub contractors: Vec<Contractor>,
}

#[derive(Deserialize)]
pub struct Named {
    pub name: String,
    /// Where the technical contact is reached: an e-mail address.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
pub struct Contractor {
    pub name: String,
    pub until: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(flatten)]
    _other: BTreeMap<String, Value>,
}

/// The SPDX identifiers of the open licences a public body may choose
/// (the decree's list, article D323-2-1 of the CRPA) and the other common
/// ones a component may impose.
pub const LICENCES: &[&str] = &[
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "CECILL-B",
    "MIT",
    "CECILL-2.1",
    "CECILL-C",
    "GPL-3.0-or-later",
    "GPL-3.0-only",
    "GPL-2.0-or-later",
    "GPL-2.0-only",
    "LGPL-3.0-or-later",
    "LGPL-3.0-only",
    "LGPL-2.1-or-later",
    "LGPL-2.1-only",
    "AGPL-3.0-or-later",
    "AGPL-3.0-only",
    "MPL-2.0",
    "EPL-2.0",
    "EUPL-1.2",
    "ISC",
    "0BSD",
    "Unlicense",
    "CC0-1.0",
    "etalab-2.0",
];

/// A valid SPDX expression over [`LICENCES`]: identifiers joined by `AND`
/// or `OR`, maybe in brackets, maybe `WITH` an exception.
pub fn is_licence_expression(s: &str) -> bool {
    let spaced = s.replace('(', " ( ").replace(')', " ) ");
    let mut depth = 0i32;
    let mut expect_id = true;
    let mut after_with = false;
    for token in spaced.split_whitespace() {
        match token {
            "(" if expect_id => depth += 1,
            ")" if !expect_id => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            "AND" | "OR" if !expect_id => expect_id = true,
            "WITH" if !expect_id => {
                expect_id = true;
                after_with = true;
            }
            id if expect_id => {
                let known = LICENCES.contains(&id.trim_end_matches('+'));
                let exception = after_with
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
                if !(known || exception) {
                    return false;
                }
                expect_id = false;
                after_with = false;
            }
            _ => return false,
        }
    }
    depth == 0 && !expect_id
}

/// An e-mail address, as the standard wants it (not obfuscated): the
/// program's own check, the one `documents/champs.toml`'s `email_in` uses.
pub fn is_email(s: &str) -> bool {
    aiguillage::core::documents::is_email(s)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Localisation {
    pub localisation_ready: bool,
    pub available_languages: Vec<String>,
}

/// `YYYY-MM-DD`, the only date format the standard allows.
pub fn is_date(s: &str) -> bool {
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
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}

/// A repository address without its trailing `/` or `.git`.
pub fn without_git_suffix(url: &str) -> &str {
    url.trim_end_matches('/').trim_end_matches(".git")
}

/// Reads a publiccode.yml; the error names the key that is missing or
/// out of the standard.
pub fn parse(text: &str) -> Result<PublicCode, String> {
    serde_norway::from_str(text).map_err(|e| e.to_string())
}

/// Every way `text` breaks the standard.
pub fn problems(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(pc) => standard_problems(&pc),
        Err(e) => vec![e],
    }
}

/// Every way a parsed file breaks the standard's rules.
pub fn standard_problems(pc: &PublicCode) -> Vec<String> {
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
    if !pc.url.starts_with("https://") {
        problem(format!("url: « {} » is not an https:// address", pc.url));
    }
    if let Some(date) = &pc.release_date
        && !is_date(date)
    {
        problem(format!("releaseDate: « {date} » is not YYYY-MM-DD"));
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
    if pc.description.is_empty() {
        problem("description: no language".into());
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
    if !is_licence_expression(&pc.legal.license) {
        problem(format!(
            "legal.license: « {} » is not an SPDX expression of open licences",
            pc.legal.license
        ));
    }
    if pc.name.trim().is_empty() {
        problem("name: empty".into());
    }
    for p in &pc.platforms {
        if p.trim().is_empty() {
            problem("platforms: an empty platform".into());
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
        if let Some(e) = &c.email
            && !is_email(e)
        {
            problem(format!(
                "maintenance.contacts: « {e} » is not an e-mail address"
            ));
        }
    }
    for c in &m.contractors {
        if c.name.trim().is_empty() || !is_date(&c.until) {
            problem("maintenance.contractors: each needs a name and an `until` date".into());
        }
        if let Some(e) = &c.email
            && !is_email(e)
        {
            problem(format!(
                "maintenance.contractors: « {e} » is not an e-mail address"
            ));
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
    // Read so that the enumerations are not dead code.
    let _ = (&pc.development_status, &pc.software_type);
    problems
}
