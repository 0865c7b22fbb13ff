//! From `content/` to the published data: read every file, validate everything, render each section's Markdown
//! to safe HTML with glossary links, work out which authorities use each glossary term, and write `data/`.
//!
//! This runs natively when the site is built (`src/bin/publish.rs`, called by trunk); the browser only reads its
//! output, so the Markdown parser never reaches the download.

use std::path::Path;

use crate::markdown::render;
use crate::model::{
    authority_path, cases_path, changes_path, data_cases_path, data_path, parse_authority, parse_changes,
    parse_glossary, parse_index, parse_procedure, parse_roles, parse_rules, parse_site, parse_topics, procedure_path,
    rules_path, validate_authority, validate_changes, validate_glossary, validate_index, validate_region,
    validate_rules, validate_site, Authority, AuthorityData, Change, Listing, LoadError, Procedure, Role, Rule, Site,
    Term, TermFinder, Topic, Vocabularies, DATA_AUTHORITIES, DATA_CATALOGUE, DATA_GLOSSARY, DATA_ROLES, DATA_RULES,
    DATA_SITE, DATA_TOPICS, GLOSSARY_PATH, INDEX_PATH, ROLES_PATH, SITE_PATH, TOPICS_PATH,
};
use crate::training::cases::{parse_cases, validate_cases, WorkedCase};

/// One authority's content files, parsed.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its `authority.json`.
    pub authority: Authority,
    /// Its `procedure.md`, split into sections.
    pub procedure: Procedure,
    /// Its `rules.json`.
    pub rules: Vec<Rule>,
    /// Its worked cases, `cases.json` (none where the file is absent).
    pub cases: Vec<WorkedCase>,
    /// Its change log, `changes.json`, newest first.
    pub changes: Vec<Change>,
}

/// Everything under `content/`, parsed.
#[derive(Debug, Clone)]
pub struct Content {
    /// The authorities in display order.
    pub entries: Vec<Entry>,
    /// `topics.json`.
    pub topics: Vec<Topic>,
    /// `roles.json`.
    pub roles: Vec<Role>,
    /// `glossary.json`.
    pub glossary: Vec<Term>,
    /// `site.json`.
    pub site: Site,
}

impl Content {
    /// The entry for this slug.
    pub fn entry(&self, slug: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.authority.slug == slug)
    }
}

/// Reads content files, keeping every failure.
struct Reader<'a> {
    dir: &'a Path,
    errors: Vec<LoadError>,
}

impl Reader<'_> {
    /// Reads `file` and parses it; on failure, records why and gives `None`.
    fn load<T>(&mut self, file: &str, parse: impl FnOnce(&str) -> Result<T, LoadError>) -> Option<T> {
        let parsed = std::fs::read_to_string(self.dir.join(file))
            .map_err(|e| LoadError::new(file, format!("could not be read: {e}")))
            .and_then(|text| parse(&text));
        parsed.map_err(|e| self.errors.push(e)).ok()
    }
}

/// Reads and parses every content file under `dir` (the folder holding `content/`); every file that fails is reported.
pub fn read(dir: &Path) -> Result<Content, Vec<LoadError>> {
    let mut reader = Reader { dir, errors: Vec::new() };
    let slugs = reader.load(INDEX_PATH, parse_index);
    let topics = reader.load(TOPICS_PATH, parse_topics);
    let roles = reader.load(ROLES_PATH, parse_roles);
    let glossary = reader.load(GLOSSARY_PATH, parse_glossary);
    let site = reader.load(SITE_PATH, parse_site);
    let mut entries = Vec::new();
    for slug in slugs.iter().flatten() {
        let authority = reader.load(&authority_path(slug), |t| parse_authority(slug, t));
        let procedure = reader.load(&procedure_path(slug), |t| parse_procedure(slug, t));
        let rules = reader.load(&rules_path(slug), |t| parse_rules(slug, t));
        let cases = if dir.join(cases_path(slug)).is_file() {
            reader.load(&cases_path(slug), |t| parse_cases(slug, t))
        } else {
            Some(Vec::new())
        };
        let changes = reader.load(&changes_path(slug), |t| parse_changes(slug, t));
        if let (Some(authority), Some(procedure), Some(rules), Some(cases), Some(changes)) =
            (authority, procedure, rules, cases, changes)
        {
            entries.push(Entry { authority, procedure, rules, cases, changes });
        }
    }
    match (topics, roles, glossary, site) {
        (Some(topics), Some(roles), Some(glossary), Some(site)) if reader.errors.is_empty() => {
            Ok(Content { entries, topics, roles, glossary, site })
        }
        _ => Err(reader.errors),
    }
}

/// Every validation problem in the content, as "file: message" lines; empty when the content may be published.
pub fn check(content: &Content) -> Vec<String> {
    let slugs: Vec<String> = content.entries.iter().map(|e| e.authority.slug.clone()).collect();
    let vocab = Vocabularies { topics: &content.topics, roles: &content.roles };
    let mut problems = validate_index(&slugs);
    for e in &content.entries {
        problems.extend(validate_authority(&e.authority, &e.procedure, &slugs));
        problems.extend(validate_rules(&e.authority, &e.rules, &vocab));
        problems.extend(validate_cases(&e.authority, &e.rules, &content.topics, &e.cases));
        problems.extend(validate_changes(&e.authority, &e.changes));
        problems.extend(validate_region(&e.authority, &content.site));
    }
    problems.extend(validate_glossary(&content.glossary));
    problems.extend(validate_site(&content.site));
    problems.iter().map(ToString::to_string).collect()
}

/// One authority's published data: its sections rendered to HTML, with glossary links relative to the site's base.
pub fn authority_data(entry: &Entry, glossary: &[Term]) -> AuthorityData {
    let finder = TermFinder::new(glossary);
    let slug = &entry.authority.slug;
    let sections = entry
        .procedure
        .sections
        .iter()
        .map(|s| {
            let mut section = s.clone();
            section.html = render(&s.body, &format!("a/{slug}/{}", s.id), &finder);
            section.body.clear();
            section
        })
        .collect();
    AuthorityData {
        authority: entry.authority.clone(),
        sections,
        rules: entry.rules.clone(),
        changes: entry.changes.clone(),
    }
}

/// The glossary with, for each term, the authorities whose procedure text uses it (in display order).
pub fn glossary_data(content: &Content) -> Vec<Term> {
    let finder = TermFinder::new(&content.glossary);
    let uses: Vec<(&str, Vec<String>)> = content
        .entries
        .iter()
        .map(|e| {
            let text = e.procedure.sections.iter().map(|s| format!("{}\n{}\n", s.title, s.body)).collect::<String>();
            let ids = finder.find_all(&text).iter().map(|f| f.term.id.clone()).collect();
            (e.authority.slug.as_str(), ids)
        })
        .collect();
    content
        .glossary
        .iter()
        .map(|t| Term {
            used_by: uses.iter().filter(|(_, ids)| ids.contains(&t.id)).map(|(slug, _)| slug.to_string()).collect(),
            ..t.clone()
        })
        .collect()
}

/// The library the background worker reads, made from content exactly as the published files would give it.
pub fn library(content: &Content) -> crate::compare::Library {
    crate::compare::Library {
        books: content.entries.iter().map(|e| authority_data(e, &content.glossary)).collect(),
        topics: content.topics.clone(),
        roles: content.roles.clone(),
        glossary: glossary_data(content),
        cases: content.entries.iter().map(|e| (e.authority.slug.clone(), e.cases.clone())).collect(),
        site: content.site.clone(),
    }
}

fn write_json<T: serde::Serialize>(out: &Path, file: &str, value: &T) -> std::io::Result<()> {
    let path = out.join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, serde_json::to_string(value)?)
}

/// Writes the published data into `out` (the built site's folder): `data/authorities.json`, `data/catalogue.json`
/// (what the start page lists of each), `data/{slug}.json`,
/// `data/cases/{slug}.json` (each authority's worked cases, an empty list where it has none), `data/topics.json`,
/// `data/roles.json`, `data/glossary.json` and `data/site.json`. Returns the paths written.
pub fn write(content: &Content, out: &Path) -> std::io::Result<Vec<String>> {
    let authorities: Vec<&Authority> = content.entries.iter().map(|e| &e.authority).collect();
    write_json(out, DATA_AUTHORITIES, &authorities)?;
    let listings: Vec<Listing> = authorities.iter().map(|a| Listing::of(a)).collect();
    write_json(out, DATA_CATALOGUE, &listings)?;
    let mut written = vec![DATA_AUTHORITIES.to_owned(), DATA_CATALOGUE.to_owned()];
    for entry in &content.entries {
        let file = data_path(&entry.authority.slug);
        write_json(out, &file, &authority_data(entry, &content.glossary))?;
        written.push(file);
        let cases = data_cases_path(&entry.authority.slug);
        write_json(out, &cases, &entry.cases)?;
        written.push(cases);
    }
    let rules: std::collections::BTreeMap<&str, &Vec<Rule>> =
        content.entries.iter().map(|e| (e.authority.slug.as_str(), &e.rules)).collect();
    write_json(out, DATA_RULES, &rules)?;
    written.push(DATA_RULES.to_owned());
    write_json(out, DATA_TOPICS, &content.topics)?;
    write_json(out, DATA_ROLES, &content.roles)?;
    write_json(out, DATA_GLOSSARY, &glossary_data(content))?;
    write_json(out, DATA_SITE, &content.site)?;
    written.extend([DATA_TOPICS, DATA_ROLES, DATA_GLOSSARY, DATA_SITE].map(String::from));
    Ok(written)
}

/// Writes the search index into `out` (`data/search/common.json` and `data/search/{slug}.json`, see
/// [`crate::search::data`]), built from the library the data gives. Returns the paths written.
pub fn write_search(library: &crate::compare::Library, out: &Path) -> std::io::Result<Vec<String>> {
    let mut written = Vec::new();
    for (file, text) in crate::search::build::build(library).files() {
        let path = out.join(&file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        written.push(file);
    }
    Ok(written)
}
