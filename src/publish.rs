//! From `content/` to the published data: read every file, validate everything, render each section's Markdown
//! to safe HTML with glossary links, work out which authorities use each glossary term, and write `data/`.
//!
//! This runs natively when the site is built (`src/bin/publish.rs`, called by trunk); the browser only reads its
//! output, so the Markdown parser never reaches the download.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::markdown::render;
use crate::model::{
    authority_path, cases_path, changes_path, data_cases_path, data_path, markup_in_json, parse_authority,
    parse_changes, parse_glossary, parse_index, parse_procedure, parse_roles, parse_rules, parse_site, parse_topics,
    procedure_path, rules_path, validate_authority, validate_changes, validate_glossary, validate_index,
    validate_region, validate_roles, validate_rules, validate_site, validate_topics, Authority, AuthorityData, Change,
    Listing, LoadError, Problem, Procedure, Role, Rule, Site, Term, TermFinder, Topic, Vocabularies, DATA_AUTHORITIES,
    DATA_CATALOGUE, DATA_GLOSSARY, DATA_ROLES, DATA_RULES, DATA_SITE, DATA_TOPICS, GLOSSARY_PATH, INDEX_PATH,
    ROLES_PATH, SITE_PATH, TOPICS_PATH,
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
    /// The slugs `authorities.json` lists, in display order (one whose files do not parse has no entry).
    pub slugs: Vec<String>,
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
    /// The text of every file read, by its path relative to the project root: validation finds each problem's line
    /// in it.
    pub sources: BTreeMap<String, String>,
}

impl Content {
    /// The entry for this slug.
    pub fn entry(&self, slug: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.authority.slug == slug)
    }
}

/// Reads content files, keeping every failure and every text read.
struct Reader<'a> {
    dir: &'a Path,
    errors: Vec<LoadError>,
    sources: BTreeMap<String, String>,
}

impl Reader<'_> {
    /// Reads `file` and parses it; on failure, records why and gives `None`. A byte-order mark at the start of the
    /// file is ignored.
    fn load<T>(&mut self, file: &str, parse: impl FnOnce(&str) -> Result<T, LoadError>) -> Option<T> {
        let text = match std::fs::read_to_string(self.dir.join(file)) {
            Ok(text) => text,
            Err(e) => {
                self.errors.push(LoadError::new(file, format!("could not be read: {e}")));
                return None;
            }
        };
        let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
        let parsed = parse(&text);
        self.sources.insert(file.to_owned(), text);
        parsed.map_err(|e| self.errors.push(e)).ok()
    }
}

/// Reads and parses every content file under `dir` (the folder holding `content/`): the content, when the list of
/// authorities and the shared files parse (without any authority whose files do not), and every file that failed,
/// with why.
pub fn read_partly(dir: &Path) -> (Option<Content>, Vec<LoadError>) {
    let mut reader = Reader { dir, errors: Vec::new(), sources: BTreeMap::new() };
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
    let content = match (slugs, topics, roles, glossary, site) {
        (Some(slugs), Some(topics), Some(roles), Some(glossary), Some(site)) => {
            Some(Content { slugs, entries, topics, roles, glossary, site, sources: reader.sources })
        }
        _ => None,
    };
    (content, reader.errors)
}

/// Reads and parses every content file under `dir` (the folder holding `content/`); every file that fails is reported.
pub fn read(dir: &Path) -> Result<Content, Vec<LoadError>> {
    match read_partly(dir) {
        (Some(content), errors) if errors.is_empty() => Ok(content),
        (_, errors) => Err(errors),
    }
}

/// Every validation problem in the content, as "file, line N: message" lines, in file order; empty when the content
/// may be published.
pub fn check(content: &Content) -> Vec<String> {
    let slugs = &content.slugs;
    let vocab = Vocabularies { topics: &content.topics, roles: &content.roles };
    let mut problems = validate_index(slugs);
    problems.extend(validate_topics(&content.topics));
    problems.extend(validate_roles(&content.roles));
    for e in &content.entries {
        problems.extend(validate_authority(&e.authority, &e.procedure, slugs));
        problems.extend(validate_rules(&e.authority, &e.rules, &vocab));
        problems.extend(validate_cases(&e.authority, &e.rules, &content.topics, &e.cases));
        problems.extend(validate_changes(&e.authority, &e.changes));
        problems.extend(validate_region(&e.authority, &content.site));
    }
    problems.extend(names_used_twice(content));
    problems.extend(validate_glossary(&content.glossary));
    problems.extend(validate_site(&content.site));
    for (file, text) in content.sources.iter().filter(|(file, _)| file.ends_with(".json")) {
        problems.extend(markup_in_json(file, text));
    }
    for problem in &mut problems {
        if let Some(text) = content.sources.get(&problem.file) {
            problem.locate(text);
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    problems.iter().map(ToString::to_string).collect()
}

/// One of an authority's names.
type NameField = fn(&Authority) -> &str;

/// Two authorities with the same name or short name (ignoring case and spaces at the ends): each is reported in the
/// second one's `authority.json`, naming the first.
fn names_used_twice(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    let fields: [(&str, &str, NameField); 2] =
        [("name", "name", |a| &a.name), ("short_name", "short name", |a| &a.short_name)];
    for (key, what, field) in fields {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for a in content.entries.iter().map(|e| &e.authority) {
            if let Some(first) = seen.insert(field(a).trim().to_lowercase(), &a.slug) {
                let message = format!("its {what} \"{}\" is also the {what} of \"{first}\"", field(a));
                problems.push(Problem::new(authority_path(&a.slug), message).near_key(key, field(a)));
            }
        }
    }
    problems
}

/// One authority's published data: its sections rendered to HTML, with glossary links (found by `finder`) relative
/// to the site's base.
pub fn authority_data(entry: &Entry, finder: &TermFinder) -> AuthorityData {
    let slug = &entry.authority.slug;
    let sections = entry
        .procedure
        .sections
        .iter()
        .map(|s| {
            let mut section = s.clone();
            section.html = render(&s.body, &format!("a/{slug}/{}", s.id), finder);
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

/// The glossary with, for each term, the authorities whose procedure text uses it (in display order), the terms
/// found by `finder`.
pub fn glossary_data(content: &Content, finder: &TermFinder) -> Vec<Term> {
    let mut used_by: Vec<Vec<String>> = vec![Vec::new(); content.glossary.len()];
    for e in &content.entries {
        let mut uses = vec![false; content.glossary.len()];
        for s in &e.procedure.sections {
            for text in [&s.title, &s.body] {
                finder.find_all(text).iter().for_each(|f| uses[f.index] = true);
            }
        }
        for (index, _) in uses.iter().enumerate().filter(|(_, used)| **used) {
            used_by[index].push(e.authority.slug.clone());
        }
    }
    content.glossary.iter().zip(used_by).map(|(t, used_by)| Term { used_by, ..t.clone() }).collect()
}

/// The library the background worker reads, made from content exactly as the published files give it: every
/// glossary term is looked for with one finder, and the data is written from this (`write`).
pub fn library(content: &Content) -> crate::compare::Library {
    let finder = TermFinder::new(&content.glossary);
    crate::compare::Library {
        books: content.entries.iter().map(|e| authority_data(e, &finder)).collect(),
        topics: content.topics.clone(),
        roles: content.roles.clone(),
        glossary: glossary_data(content, &finder),
        cases: content.entries.iter().map(|e| (e.authority.slug.clone(), e.cases.clone())).collect(),
        site: content.site.clone(),
    }
}

fn write_json<T: serde::Serialize + ?Sized>(out: &Path, file: &str, value: &T) -> std::io::Result<()> {
    let path = out.join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, serde_json::to_string(value)?)
}

/// Writes the published data of `library` (see [`library`]) into `out` (the built site's folder):
/// `data/authorities.json`, `data/catalogue.json` (what the start page lists of each), `data/{slug}.json`,
/// `data/cases/{slug}.json` (each authority's worked cases, an empty list where it has none), `data/topics.json`,
/// `data/roles.json`, `data/glossary.json` and `data/site.json`. Returns the paths written.
pub fn write(library: &crate::compare::Library, out: &Path) -> std::io::Result<Vec<String>> {
    let authorities: Vec<&Authority> = library.books.iter().map(|b| &b.authority).collect();
    write_json(out, DATA_AUTHORITIES, &authorities)?;
    let listings: Vec<Listing> = authorities.iter().map(|a| Listing::of(a)).collect();
    write_json(out, DATA_CATALOGUE, &listings)?;
    let mut written = vec![DATA_AUTHORITIES.to_owned(), DATA_CATALOGUE.to_owned()];
    for book in &library.books {
        let slug = &book.authority.slug;
        let file = data_path(slug);
        write_json(out, &file, book)?;
        written.push(file);
        let cases = data_cases_path(slug);
        write_json(out, &cases, library.cases.get(slug).map_or(&[][..], Vec::as_slice))?;
        written.push(cases);
    }
    let rules: std::collections::BTreeMap<&str, &Vec<Rule>> =
        library.books.iter().map(|b| (b.authority.slug.as_str(), &b.rules)).collect();
    write_json(out, DATA_RULES, &rules)?;
    written.push(DATA_RULES.to_owned());
    write_json(out, DATA_TOPICS, &library.topics)?;
    write_json(out, DATA_ROLES, &library.roles)?;
    write_json(out, DATA_GLOSSARY, &library.glossary)?;
    write_json(out, DATA_SITE, &library.site)?;
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
