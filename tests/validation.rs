//! The publish step's validation against content with one defect each (and one with several): every problem is
//! named with its file, its line and the reason, and every problem is reported at once. Each fixture is a copy of
//! `content/` with one text edited, so the line a problem names is the line the edit made.

mod support;

use std::path::PathBuf;

use cin_procedure_explorer::publish::{check, read_partly};

/// A copy of the project's content in a folder of its own, removed when dropped.
struct Fixture {
    dir: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Self {
        Fixture { dir: support::copy_of_content(&format!("validation-{name}")) }
    }

    fn text(&self, file: &str) -> String {
        std::fs::read_to_string(self.dir.join(file)).unwrap()
    }

    /// Replaces the first `from` in `file` with `to`, and gives the line the replacement starts on.
    fn edit(&self, file: &str, from: &str, to: &str) -> usize {
        let text = self.text(file);
        let at = text.find(from).unwrap_or_else(|| panic!("{file} has no {from:?}"));
        std::fs::write(self.dir.join(file), format!("{}{to}{}", &text[..at], &text[at + from.len()..])).unwrap();
        text[..at].matches('\n').count() + 1
    }

    /// Every load error and every problem the publish step reports, one line each.
    fn report(&self) -> Vec<String> {
        let (content, errors) = read_partly(&self.dir);
        let mut lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        lines.extend(content.as_ref().map(check).unwrap_or_default());
        lines
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Asserts that `lines` has a problem in `file` on `line` whose message holds `reason`.
fn assert_reported(lines: &[String], file: &str, line: usize, reason: &str) {
    let prefix = format!("{file}, line {line}: ");
    assert!(
        lines.iter().any(|l| l.starts_with(&prefix) && l.contains(reason)),
        "no \"{prefix}…{reason}…\" in:\n{}",
        lines.join("\n")
    );
}

/// The listed slugs, in order.
fn slugs() -> Vec<String> {
    support::all().entries.iter().map(|e| e.authority.slug.clone()).collect()
}

fn authority_json(slug: &str) -> String {
    format!("content/authorities/{slug}/authority.json")
}

fn rules_json(slug: &str) -> String {
    format!("content/authorities/{slug}/rules.json")
}

#[test]
fn the_content_as_it_is_has_no_problem() {
    let fixture = Fixture::new("clean");
    assert_eq!(fixture.report(), Vec::<String>::new());
}

#[test]
fn two_authorities_with_one_name_or_short_name() {
    let all = support::all();
    let (first, second) = (&all.entries[0].authority, &all.entries[1].authority);
    let fixture = Fixture::new("names");
    let file = authority_json(&second.slug);
    let json = |v: &str| serde_json::to_string(v).unwrap();
    let name =
        fixture.edit(&file, &format!("\"name\": {}", json(&second.name)), &format!("\"name\": {}", json(&first.name)));
    let short = fixture.edit(
        &file,
        &format!("\"short_name\": {}", json(&second.short_name)),
        &format!("\"short_name\": {}", json(&first.short_name.to_uppercase())),
    );
    let lines = fixture.report();
    assert_reported(
        &lines,
        &file,
        name,
        &format!("its name \"{}\" is also the name of \"{}\"", first.name, first.slug),
    );
    assert_reported(&lines, &file, short, &format!("is also the short name of \"{}\"", first.slug));
}

#[test]
fn a_slug_listed_twice() {
    let slug = slugs()[0].clone();
    let fixture = Fixture::new("slugs");
    let text = fixture.text("content/authorities.json");
    std::fs::write(fixture.dir.join("content/authorities.json"), text.replacen(']', &format!(",\n  \"{slug}\"\n]"), 1))
        .unwrap();
    let line = fixture.text("content/authorities.json").lines().count() - 1;
    assert_reported(&fixture.report(), "content/authorities.json", line, &format!("slug \"{slug}\" is listed twice"));
}

#[test]
fn ids_that_are_not_safe_in_an_address_or_an_attribute() {
    let all = support::all();
    let with_team = all.entries.iter().find(|e| !e.authority.vocabulary.teams.is_empty()).expect("a team");
    let (team_slug, team) = (&with_team.authority.slug, &with_team.authority.vocabulary.teams[0].id);
    let rule = &all.entries[0].rules[0].id;
    let fixture = Fixture::new("ids");
    let team_line = fixture.edit(
        &authority_json(team_slug),
        &format!("\"id\": \"{team}\""),
        "\"id\": \"team\\\" onmouseover=\\\"x\"",
    );
    let rules = rules_json(&all.entries[0].authority.slug);
    let rule_line = fixture.edit(&rules, &format!("\"id\": \"{rule}\""), &format!("\"id\": \"{rule}/../x\""));
    let topic_line = fixture.edit("content/topics.json", "\"id\": \"review.first\"", "\"id\": \"review first\"");
    let lines = fixture.report();
    assert_reported(&lines, &authority_json(team_slug), team_line, "team id \"team\" onmouseover=\"x\" is not safe");
    assert_reported(&lines, &rules, rule_line, &format!("rule \"{rule}/../x\" has an id that is not URL-safe"));
    assert_reported(&lines, "content/topics.json", topic_line, "topic \"review first\" has an id that is not safe");
}

#[test]
fn markup_in_a_list_item_a_label_and_a_team_name() {
    let all = support::all();
    let with_team = all.entries.iter().find(|e| !e.authority.vocabulary.teams.is_empty()).expect("a team");
    let (slug, team) = (&with_team.authority.slug, &with_team.authority.vocabulary.teams[0].name);
    let fixture = Fixture::new("markup");
    let rules = rules_json(slug);
    let item = fixture.edit(&rules, "\"items\": [", "\"items\": [\n        \"an <em>item</em>\",") + 1;
    let label = fixture.edit(&rules, "\"label\": \"", "\"label\": \"<b>bold</b> ");
    let file = authority_json(slug);
    let name = fixture.edit(&file, &format!("\"name\": \"{team}\""), "\"name\": \"<i>Team</i>\"");
    let lines = fixture.report();
    assert_reported(&lines, &rules, item, "\"an <em>item</em>\" holds markup");
    assert_reported(&lines, &rules, label, "\"<b>bold</b> ");
    assert_reported(&lines, &rules, label, "holds markup");
    assert_reported(&lines, &file, name, "\"<i>Team</i>\" holds markup");
}

#[test]
fn a_timescale_beyond_five_years() {
    let slug = slugs()[0].clone();
    let fixture = Fixture::new("timescale");
    let rules = rules_json(&slug);
    let text = fixture.text(&rules);
    let amount = text[text.find("\"amount\": ").unwrap()..].split(',').next().unwrap().to_owned();
    let line = fixture.edit(&rules, &amount, "\"amount\": 4294967295");
    // The problem is named at the rule's id: the line above the amount's, at most a few lines up.
    let lines = fixture.report();
    let found = lines
        .iter()
        .find(|l| {
            l.starts_with(&format!("{rules}, line ")) && l.contains("4294967295") && l.contains("more than five years")
        })
        .unwrap_or_else(|| panic!("no problem with the timescale in:\n{}", lines.join("\n")));
    let named: usize = found[rules.len() + ", line ".len()..].split(':').next().unwrap().parse().unwrap();
    assert!(named <= line && line - named < 12, "the rule's line {named} is not the one holding line {line}: {found}");
    let edited = fixture.text(&rules);
    let id_line = edited.lines().take(line).enumerate().filter(|(_, l)| l.contains("\"id\": ")).last();
    assert_eq!(Some(named), id_line.map(|(i, _)| i + 1), "{found}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let slug = slugs()[0].clone();
    let fixture = Fixture::new("bom");
    for file in
        ["content/topics.json".to_owned(), authority_json(&slug), format!("content/authorities/{slug}/procedure.md")]
    {
        let text = fixture.text(&file);
        std::fs::write(fixture.dir.join(&file), format!("\u{feff}{text}")).unwrap();
    }
    assert_eq!(fixture.report(), Vec::<String>::new());
}

#[test]
fn an_unclosed_code_fence() {
    let slug = slugs()[0].clone();
    let fixture = Fixture::new("fence");
    let file = format!("content/authorities/{slug}/procedure.md");
    let line = fixture.edit(&file, "\n\n## ", "\n\n```\n\n## ") + 2;
    assert_reported(&fixture.report(), &file, line, "code fence (``` or ~~~) is never closed");
}

#[test]
fn every_problem_is_reported_at_once() {
    let slugs = slugs();
    let fixture = Fixture::new("many");
    let broken = rules_json(&slugs[0]);
    let syntax = fixture.edit(&broken, "[", "[\n  oops,");
    let fence_file = format!("content/authorities/{}/procedure.md", slugs[1]);
    let fence = fixture.edit(&fence_file, "\n\n## ", "\n\n~~~\n\n## ") + 2;
    let rules = rules_json(&slugs[2]);
    let item = fixture.edit(&rules, "\"items\": [", "\"items\": [\n        \"<script>\",") + 1;
    let glossary = fixture.edit("content/glossary.json", "\"definition\": \"", "\"definition\": \"a <b>bold</b> ");
    let lines = fixture.report();
    assert_reported(&lines, &broken, syntax + 1, "is not valid JSON");
    assert_reported(&lines, &fence_file, fence, "never closed");
    assert_reported(&lines, &rules, item, "\"<script>\" holds markup");
    assert_reported(&lines, "content/glossary.json", glossary, "holds markup");
    assert_eq!(lines.len(), 4, "one line each, nothing else:\n{}", lines.join("\n"));
}

#[test]
fn a_region_the_site_does_not_list() {
    let slug = slugs()[0].clone();
    let fixture = Fixture::new("region");
    let file = authority_json(&slug);
    let text = fixture.text(&file);
    let region = text[text.find("\"region\": ").unwrap()..].split(',').next().unwrap().to_owned();
    let line = fixture.edit(&file, &region, "\"region\": \"atlantis\"");
    assert_reported(
        &fixture.report(),
        &file,
        line,
        "region \"atlantis\" is not one of the regions in content/site.json",
    );
}
