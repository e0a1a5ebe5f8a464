//! Loading questionnaires, legal references, the glossary and the guide
//! catalogue — from the copies embedded in the binary, or from files a
//! maintainer points to with `--questionnaire`.
//!
//! Everything loaded together forms a [`Bundle`]: question, outcome and
//! finding ids share one namespace, because answers files are one flat map.

// foldhash: a seeded hasher, so ids from a hostile questionnaire cannot be
// made to collide, at a fraction of SipHash's cost (which was a tenth of a
// whole decision's instructions).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::path::{Path, PathBuf};

use bitcode::{Decode, Encode};
use include_dir::{Dir, File, include_dir};

pub use crate::core::diagnostic::SourceId;
use crate::core::diagnostic::{Report, SourceError};
use crate::core::model::{
    Article, ArticleFile, Finding, GlossaryFile, Guide, GuideFile, GuideRef, Outcome, Question,
    Questionnaire, Term,
};
use crate::text::parse_error::explain_toml_error;

static BUILTIN_QUESTIONNAIRES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/questionnaires");
static BUILTIN_GUIDES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/guides");

/// File names with a special role; every other `.toml` is a questionnaire.
pub const ARTICLES_FILE: &str = "articles.toml";
pub const GLOSSARY_FILE: &str = "glossaire.toml";
pub const GUIDES_FILE: &str = "catalogue.toml";

/// The questionnaire a session starts from when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "accueil";

/// Why content could not be loaded. Each kind is said in the interface
/// language by the front end that reports it.
#[derive(Debug)]
pub enum LoadError {
    /// A file or folder that cannot be read.
    Io { file: String, error: std::io::Error },
    /// A file that is not UTF-8 text.
    NotUtf8(String),
    /// A file that is not valid TOML, or not of the expected shape.
    Parse(Box<SourceError>),
    /// Files that hold no questionnaire.
    NoQuestionnaire(Vec<String>),
    /// Content that loads but fails its checks.
    Invalid(Box<Report>),
}

impl LoadError {
    fn io(path: &Path, error: std::io::Error) -> LoadError {
        LoadError::Io {
            file: path.display().to_string(),
            error,
        }
    }
}

/// The text of one loaded file, kept to point at errors in it.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown in messages: `questionnaires/donnees.toml` for built-in files,
    /// the path as given otherwise.
    pub name: String,
    pub text: String,
}

/// A node of the graph: a question or an outcome.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    Question(&'a Question),
    Outcome(&'a Outcome),
}

impl<'a> Node<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Node::Question(q) => &q.id,
            Node::Outcome(o) => &o.id,
        }
    }
}

/// Everything loaded together: questionnaires and the references they use.
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    pub sources: Vec<Source>,
    /// Each questionnaire with the source it came from.
    pub questionnaires: Vec<(SourceId, Questionnaire)>,
    pub articles: Vec<(SourceId, Article)>,
    pub terms: Vec<(SourceId, Term)>,
    pub guides: Vec<(SourceId, Guide)>,
    questions: HashMap<String, (usize, usize)>,
    outcomes: HashMap<String, (usize, usize)>,
    findings: HashMap<String, (usize, usize)>,
    article_index: HashMap<String, usize>,
    term_index: HashMap<String, usize>,
    guide_index: HashMap<String, usize>,
    questionnaire_index: HashMap<String, usize>,
    /// Set when the texts only a person at a prompt reads were left out
    /// (see [`Bundle::without_prompt_texts`]).
    lean: bool,
    /// Set when only some questionnaires were decoded.
    partial: bool,
}

/// Which questionnaire asks each question, so that a run can decode only
/// the questionnaires it needs.
#[derive(Encode, Decode)]
struct Index {
    questionnaires: Vec<String>,
    /// Each question id with the position of its questionnaire.
    questions: Vec<(String, u32)>,
}

/// A bundle in the compact binary form the build writes for the built-in
/// content (see `build.rs`): read once at build time from TOML and
/// checked there, so that a run decodes it instead of parsing TOML again.
/// bitcode: derive-based (the content types' serde form uses `flatten`,
/// which binary serde formats cannot read back) and among the fastest
/// decoders.
#[derive(Encode, Decode)]
struct Compiled {
    /// Names of the source files; their text is not kept (it is only
    /// needed to place diagnostics, and the build already checked them).
    names: Vec<String>,
    lean: bool,
    questionnaires: Vec<(u32, Questionnaire)>,
    articles: Vec<(u32, Article)>,
    terms: Vec<(u32, Term)>,
    guides: Vec<(u32, Guide)>,
}

impl Bundle {
    /// The compact binary form of this bundle, for the build.
    pub fn to_compiled(&self) -> Vec<u8> {
        fn ids<T: Clone>(items: &[(SourceId, T)]) -> Vec<(u32, T)> {
            items.iter().map(|(s, x)| (*s as u32, x.clone())).collect()
        }
        bitcode::encode(&Compiled {
            names: self.sources.iter().map(|s| s.name.clone()).collect(),
            lean: self.lean,
            questionnaires: ids(&self.questionnaires),
            articles: ids(&self.articles),
            terms: ids(&self.terms),
            guides: ids(&self.guides),
        })
    }

    /// The same bundle without the texts only a person at a prompt reads:
    /// help of questions and choices, glossary, guide summaries,
    /// descriptions. Decisions from answers files and batches never show
    /// them, and they are a third of the content's text: leaving them out
    /// makes the start of such a run cheaper still.
    pub fn without_prompt_texts(&self) -> Bundle {
        let mut lean = self.clone();
        for (_, q) in &mut lean.questionnaires {
            q.description.clear();
            for x in &mut q.questions {
                x.help.clear();
                x.details.clear();
                x.terms.clear();
                for c in &mut x.choices {
                    c.help = None;
                }
            }
        }
        lean.terms.clear();
        for (_, g) in &mut lean.guides {
            g.summary.clear();
        }
        lean.index();
        lean.lean = true;
        lean
    }

    /// Whether the prompt texts were left out ([`Bundle::without_prompt_texts`]).
    pub fn is_lean(&self) -> bool {
        self.lean
    }

    /// Whether only some questionnaires were decoded
    /// ([`Bundle::from_compiled_parts`]): a walk that leaves them needs the
    /// whole bundle.
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// This bundle in parts, for the build: the references alone, each
    /// questionnaire alone, and which questionnaire asks each question — so
    /// that a run decodes only the questionnaires its answers need.
    pub fn to_compiled_parts(&self) -> (Vec<u8>, Vec<Vec<u8>>, Vec<u8>) {
        let references = Bundle {
            questionnaires: Vec::new(),
            ..self.clone()
        }
        .to_compiled();
        let parts = self
            .questionnaires
            .iter()
            .map(|(s, q)| bitcode::encode(&(*s as u32, q.clone())))
            .collect();
        let index: Index = Index {
            questionnaires: self
                .questionnaires
                .iter()
                .map(|(_, q)| q.id.clone())
                .collect(),
            questions: self
                .questionnaires
                .iter()
                .enumerate()
                .flat_map(|(i, (_, q))| q.questions.iter().map(move |x| (x.id.clone(), i as u32)))
                .collect(),
        };
        (references, parts, bitcode::encode(&index))
    }

    /// A bundle from [`Bundle::to_compiled_parts`]'s bytes with only the
    /// questionnaires a run needs: `start` (or the default one) and every
    /// one that asks a question of `answered`. All of them when an answered
    /// id is unknown (its error lists the known ones) or `start` is.
    pub fn from_compiled_parts<'a>(
        references: &[u8],
        parts: &[&[u8]],
        index: &[u8],
        start: Option<&str>,
        answered: impl IntoIterator<Item = &'a str>,
    ) -> Option<Bundle> {
        let index: Index = bitcode::decode(index).ok()?;
        let position = |id: &str| index.questionnaires.iter().position(|q| q == id);
        let mut wanted = vec![false; parts.len()];
        let mut partial = true;
        match position(start.unwrap_or(DEFAULT_QUESTIONNAIRE)) {
            Some(i) => wanted[i] = true,
            None => partial = false,
        }
        for id in answered {
            match index.questions.iter().find(|(q, _)| q == id) {
                Some((_, i)) => wanted[*i as usize] = true,
                None => partial = false,
            }
        }
        let mut bundle = Bundle::from_compiled(references)?;
        for (i, part) in parts.iter().enumerate() {
            if wanted[i] || !partial {
                let (s, q): (u32, Questionnaire) = bitcode::decode(part).ok()?;
                bundle.questionnaires.push((s as SourceId, q));
            }
        }
        bundle.partial = partial && wanted.iter().any(|w| !w);
        bundle.index();
        Some(bundle)
    }

    /// A bundle from [`Bundle::to_compiled`]'s bytes; `None` when they are
    /// not of that form.
    pub fn from_compiled(bytes: &[u8]) -> Option<Bundle> {
        fn ids<T>(items: Vec<(u32, T)>) -> Vec<(SourceId, T)> {
            items.into_iter().map(|(s, x)| (s as SourceId, x)).collect()
        }
        let c: Compiled = bitcode::decode(bytes).ok()?;
        let mut bundle = Bundle {
            sources: c
                .names
                .into_iter()
                .map(|name| Source {
                    name,
                    text: String::new(),
                })
                .collect(),
            questionnaires: ids(c.questionnaires),
            articles: ids(c.articles),
            terms: ids(c.terms),
            guides: ids(c.guides),
            lean: c.lean,
            ..Bundle::default()
        };
        bundle.index();
        Some(bundle)
    }

    /// The built-in bundle as read, not yet checked (see
    /// [`crate::core::checked`]); `check` uses it to report every problem
    /// instead of stopping at the first.
    pub fn builtin_unchecked() -> Result<Bundle, LoadError> {
        let mut loader = Loader::default();
        loader.add_dir(&BUILTIN_QUESTIONNAIRES, "questionnaires")?;
        loader.add_dir(&BUILTIN_GUIDES, "guides")?;
        Ok(loader.bundle())
    }

    /// Questionnaires from `paths` (files or folders), not yet checked.
    /// References (articles, glossary, guides) come from the same folders
    /// when they have them, from the built-in copies otherwise.
    pub fn from_paths_unchecked(paths: &[PathBuf]) -> Result<Bundle, LoadError> {
        let mut loader = Loader::default();
        for path in paths {
            loader.add_path(path)?;
        }
        if loader.bundle.questionnaires.is_empty() {
            return Err(LoadError::NoQuestionnaire(
                paths.iter().map(|p| p.display().to_string()).collect(),
            ));
        }
        loader.fill_references()?;
        Ok(loader.bundle())
    }

    /// Builds a bundle from in-memory sources: `(name, text)` pairs whose
    /// file name tells their role; as with files, the references they do
    /// not supply come from the built-in copies. Used by tests and
    /// benchmarks.
    pub fn from_sources_unchecked<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Bundle, LoadError> {
        let mut loader = Loader::default();
        let mut names = Vec::new();
        for (name, text) in sources {
            names.push(name.to_owned());
            loader.add_source(name.to_owned(), text.to_owned())?;
        }
        // Every bundle has a questionnaire to start from.
        if loader.bundle.questionnaires.is_empty() {
            return Err(LoadError::NoQuestionnaire(names));
        }
        loader.fill_references()?;
        Ok(loader.bundle())
    }

    pub fn questionnaire(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaire_index
            .get(id)
            .map(|&i| &self.questionnaires[i].1)
    }

    /// The questionnaire sessions start from when none is named:
    /// `accueil` when loaded, else the first one.
    pub fn default_questionnaire(&self) -> &Questionnaire {
        self.questionnaire(DEFAULT_QUESTIONNAIRE)
            .unwrap_or(&self.questionnaires[0].1)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .get(id)
            .map(|&(q, i)| &self.questionnaires[q].1.questions[i])
    }

    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes
            .get(id)
            .map(|&(q, i)| &self.questionnaires[q].1.outcomes[i])
    }

    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings
            .get(id)
            .map(|&(q, i)| &self.questionnaires[q].1.findings[i])
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index.get(id).map(|&i| &self.articles[i].1)
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.term_index.get(id).map(|&i| &self.terms[i].1)
    }

    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guide_index.get(id).map(|&i| &self.guides[i].1)
    }

    /// The questionnaire that defines question or outcome `id`.
    pub fn questionnaire_of(&self, id: &str) -> Option<&Questionnaire> {
        self.questions
            .get(id)
            .or_else(|| self.outcomes.get(id))
            .map(|&(q, _)| &self.questionnaires[q].1)
    }

    /// Resolves a `next` target: a node id, or `@questionnaire` for the
    /// start of that questionnaire.
    pub fn node(&self, target: &str) -> Option<Node<'_>> {
        let id = match target.strip_prefix('@') {
            Some(q) => self.questionnaire(q)?.start.as_str(),
            None => target,
        };
        if let Some(q) = self.question(id) {
            Some(Node::Question(q))
        } else {
            self.outcome(id).map(Node::Outcome)
        }
    }

    /// URL of a guide reference (chapter URL when it names a chapter).
    pub fn guide_url(&self, r: &GuideRef) -> Option<(&Guide, &str, Option<&str>)> {
        let guide = self.guide(&r.guide)?;
        match &r.chapter {
            None => Some((guide, guide.url.as_str(), guide.successor.as_deref())),
            Some(c) => {
                let ch = guide.chapters.iter().find(|ch| &ch.id == c)?;
                Some((guide, ch.url.as_str(), ch.successor.as_deref()))
            }
        }
    }

    /// How many distinct question ids there are: no path is longer.
    pub fn question_count(&self) -> usize {
        self.questions.len()
    }

    /// Every question id, in file order, computed ones (`tally`) included.
    pub fn question_ids(&self) -> impl Iterator<Item = &str> {
        self.questionnaires
            .iter()
            .flat_map(|(_, q)| q.questions.iter().map(|q| q.id.as_str()))
    }

    /// The ids of the questions that are asked, in file order: the
    /// vocabulary of answers files (a `tally` is worked out, never asked).
    pub fn asked_ids(&self) -> impl Iterator<Item = &str> {
        self.questionnaires.iter().flat_map(|(_, q)| {
            q.questions
                .iter()
                .filter(|q| !q.kind.is_computed())
                .map(|q| q.id.as_str())
        })
    }

    fn index(&mut self) {
        for (qi, (_, q)) in self.questionnaires.iter().enumerate() {
            self.questionnaire_index.entry(q.id.clone()).or_insert(qi);
            for (i, x) in q.questions.iter().enumerate() {
                self.questions.entry(x.id.clone()).or_insert((qi, i));
            }
            for (i, x) in q.outcomes.iter().enumerate() {
                self.outcomes.entry(x.id.clone()).or_insert((qi, i));
            }
            for (i, x) in q.findings.iter().enumerate() {
                self.findings.entry(x.id.clone()).or_insert((qi, i));
            }
        }
        for (i, (_, a)) in self.articles.iter().enumerate() {
            self.article_index.entry(a.id.clone()).or_insert(i);
        }
        for (i, (_, t)) in self.terms.iter().enumerate() {
            self.term_index.entry(t.id.clone()).or_insert(i);
        }
        for (i, (_, g)) in self.guides.iter().enumerate() {
            self.guide_index.entry(g.id.clone()).or_insert(i);
        }
    }
}

#[derive(Default)]
struct Loader {
    bundle: Bundle,
    has_articles: bool,
    has_terms: bool,
    has_guides: bool,
}

impl Loader {
    /// Adds the built-in articles, glossary and guide catalogue when the
    /// loaded files did not supply their own.
    fn fill_references(&mut self) -> Result<(), LoadError> {
        if !self.has_articles {
            self.add_builtin_file(&BUILTIN_QUESTIONNAIRES, ARTICLES_FILE, "questionnaires")?;
        }
        if !self.has_terms {
            self.add_builtin_file(&BUILTIN_QUESTIONNAIRES, GLOSSARY_FILE, "questionnaires")?;
        }
        if !self.has_guides {
            self.add_builtin_file(&BUILTIN_GUIDES, GUIDES_FILE, "guides")?;
        }
        Ok(())
    }

    fn add_dir(&mut self, dir: &Dir<'_>, prefix: &str) -> Result<(), LoadError> {
        let mut files: Vec<_> = dir
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort_by_key(|f| f.path());
        for f in files {
            self.add_embedded(f, prefix)?;
        }
        Ok(())
    }

    fn add_builtin_file(
        &mut self,
        dir: &Dir<'_>,
        file: &str,
        prefix: &str,
    ) -> Result<(), LoadError> {
        match dir.get_file(file) {
            Some(f) => self.add_embedded(f, prefix),
            None => Ok(()),
        }
    }

    /// One file embedded in the binary, named `prefix/path` in messages.
    fn add_embedded(&mut self, f: &File<'_>, prefix: &str) -> Result<(), LoadError> {
        let name = format!("{prefix}/{}", f.path().display());
        let text = f
            .contents_utf8()
            .ok_or_else(|| LoadError::NotUtf8(name.clone()))?;
        self.add_source(name, text.to_owned())
    }

    fn add_path(&mut self, path: &Path) -> Result<(), LoadError> {
        let meta = std::fs::metadata(path).map_err(|e| LoadError::io(path, e))?;
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| LoadError::io(path, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                .collect();
            entries.sort();
            for p in entries {
                self.add_file(&p)?;
            }
            Ok(())
        } else {
            self.add_file(path)
        }
    }

    fn add_file(&mut self, path: &Path) -> Result<(), LoadError> {
        // Under a size cap: `check /dev/zero` stops at once.
        let text = crate::text::limits::read_file(path).map_err(|e| LoadError::io(path, e))?;
        self.add_source(path.display().to_string(), text)
    }

    fn add_source(&mut self, name: String, text: String) -> Result<(), LoadError> {
        let file_name = Path::new(&name)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = self.bundle.sources.len();
        match file_name.as_str() {
            ARTICLES_FILE => {
                let f: ArticleFile = parse_toml(&name, &text)?;
                self.bundle
                    .articles
                    .extend(f.articles.into_iter().map(|a| (id, a)));
                self.has_articles = true;
            }
            GLOSSARY_FILE => {
                let f: GlossaryFile = parse_toml(&name, &text)?;
                self.bundle
                    .terms
                    .extend(f.terms.into_iter().map(|t| (id, t)));
                self.has_terms = true;
            }
            GUIDES_FILE => {
                let f: GuideFile = parse_toml(&name, &text)?;
                self.bundle
                    .guides
                    .extend(f.guides.into_iter().map(|g| (id, g)));
                self.has_guides = true;
            }
            _ => {
                let q: Questionnaire = parse_toml(&name, &text)?;
                self.bundle.questionnaires.push((id, q));
            }
        }
        self.bundle.sources.push(Source { name, text });
        Ok(())
    }

    fn bundle(mut self) -> Bundle {
        self.bundle.index();
        self.bundle
    }
}

/// The most tokens (keys, values, punctuation, spaces) a TOML file may
/// hold: the built-in questionnaires together have about 20 000, a chain
/// of 30 000 questions about 2.6 million. The bound on the memory a file
/// costs to read: about 90 bytes a token at most, so under 300 MB (a
/// file of 16 MiB could hold 16 million tokens: 1.3 GB).
pub const MAX_TOML_TOKENS: usize = 3_000_000;

/// Parses one TOML file, keeping the line and column of a syntax or type
/// error.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<T, LoadError> {
    // The parse holds every token and value at once (about 130 bytes a
    // token): counted first, in constant memory, and refused past the cap.
    if let Some((offset, _)) = toml_parser::Source::new(text)
        .lex()
        .enumerate()
        .nth(MAX_TOML_TOKENS)
        .map(|(i, t)| (t.span().start(), i))
    {
        return Err(LoadError::Parse(Box::new(SourceError::new(
            name,
            text,
            Some(offset),
            crate::text::parse_error::too_many_tokens(MAX_TOML_TOKENS),
        ))));
    }
    toml::from_str(text).map_err(|e| {
        // A nesting too deep comes without a place: where it is deepest.
        let offset = e.span().map(|s| s.start).or_else(|| deepest(text));
        LoadError::Parse(Box::new(SourceError::new(
            name,
            text,
            offset,
            explain_toml_error(e.message()),
        )))
    })
}

/// Where `text` nests deepest: the most brackets and braces open, or the
/// most dots in a key; `None` for an empty text. Strings are skipped
/// roughly (a quote opens one until the next on the line): a guess at
/// where a nesting error is, never wrong enough to matter.
fn deepest(text: &str) -> Option<usize> {
    let (mut best, mut at) = (0usize, None);
    let (mut depth, mut dots, mut quote) = (0usize, 0usize, None);
    for (i, b) in text.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), b'\n') => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'[' | b'{') => depth += 1,
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, b'.') => dots += 1,
            (None, b'\n' | b'=' | b',') => dots = 0,
            _ => {}
        }
        if depth + dots > best {
            (best, at) = (depth + dots, Some(i));
        }
    }
    at
}
