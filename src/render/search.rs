//! Search results as HTML: an ordered list, one item per result with its link first (section title, with the words
//! to mark on the page it opens), the authority, where it sits, and a snippet with the matched words marked; the
//! search page with its form; and what to try when nothing is found.

use super::escape;
use super::Page;
use crate::model::page_title;
use crate::query::encode;
use crate::search::{Found, Index, MAX_QUERY_CHARS};

/// How many words a snippet shows.
const SNIPPET_WORDS: usize = 28;

fn results_list(index: &Index, found: &Found, snippets: bool) -> String {
    let mut out = String::from("<ol class=\"results\">");
    for hit in &found.hits {
        let d = &index.docs[hit.doc];
        let (snippet, words) = index.snippet(hit, SNIPPET_WORDS);
        let mut href = d.path.clone();
        if !words.is_empty() && d.authority.is_some() {
            href.push_str(&format!("?highlight={}", encode(&words.join(" "))));
        }
        if let Some(f) = &d.fragment {
            href.push_str(&format!("#{f}"));
        }
        let authority = d.authority.map_or("Glossary", |i| index.authorities[i].1.as_str());
        out.push_str(&format!(
            "<li><a class=\"result-link\" href=\"{}\">{}</a> <span class=\"result-authority\">{}</span>\
             <p class=\"crumbs\">{}</p>{}</li>",
            escape(&href),
            escape(&d.title),
            escape(authority),
            escape(&d.crumbs.join(" › ")),
            if snippets && !snippet.is_empty() { format!("<p class=\"snippet\">{snippet}</p>") } else { String::new() }
        ));
    }
    out.push_str("</ol>");
    out
}

fn nothing_found(index: &Index, query: &str, found: &Found) -> String {
    let mut out = if found.searchable {
        format!("<p>No results for “{}”.</p>", escape(query))
    } else {
        "<p>Type a word to search for: a topic, a timescale (“12 weeks”), a role or an abbreviation (“TAC”).</p>"
            .to_owned()
    };
    let suggestions = index.suggestions(query, 5);
    if found.searchable && !suggestions.is_empty() {
        let items: String = suggestions
            .iter()
            .map(|(id, term)| format!("<li><a href=\"glossary/{id}\">{}</a></li>", escape(term)))
            .collect();
        out.push_str(&format!("<p>Glossary terms near what you typed:</p><ul class=\"suggestions\">{items}</ul>"));
    }
    out
}

fn count(found: &Found, query: &str) -> String {
    let n = found.hits.len();
    let shown: String = query.chars().take(60).collect();
    format!(
        "{n} result{} for “{}”{}",
        if n == 1 { "" } else { "s" },
        escape(&shown),
        if query.chars().count() > 60 { "…" } else { "" }
    )
}

/// The results under the header's search box: the best few, and a link to all of them.
pub fn search_box_html(index: &Index, query: &str) -> String {
    if query.trim().is_empty() {
        return String::new();
    }
    let found = index.search(query, None, 8);
    let all = format!(
        "<p class=\"all-results\"><a href=\"search?q={}\">All results for “{}”</a></p>",
        encode(query),
        escape(query)
    );
    if found.hits.is_empty() {
        return format!("<div role=\"status\">{}</div>{all}", nothing_found(index, query, &found));
    }
    format!(
        "<p role=\"status\" class=\"result-count\">{}. ↓ moves through them; Enter opens the first.</p>{}{all}",
        count(&found, query),
        results_list(index, &found, true)
    )
}

/// The search page for `q=` and `a=` (an authority's slug, to search it alone).
pub fn search_page(index: &Index, query: &str, authority: &str) -> Page {
    let only = index.authorities.iter().position(|(slug, _)| slug == authority);
    let options: String = index
        .authorities
        .iter()
        .map(|(slug, name)| {
            let selected = if slug == authority { " selected" } else { "" };
            format!("<option value=\"{slug}\"{selected}>{}</option>", escape(name))
        })
        .collect();
    let shown: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut out = format!(
        "<h1>Search</h1><form class=\"search-form\" role=\"search\" data-search-form>\
         <div class=\"field\"><label for=\"search-q\">Search every procedure and the glossary</label>\
         <input id=\"search-q\" name=\"q\" type=\"search\" autocomplete=\"off\" value=\"{}\"></div>\
         <div class=\"field\"><label for=\"search-a\">Authority</label><select id=\"search-a\" name=\"a\">\
         <option value=\"\">All authorities</option>{options}</select></div>\
         <button type=\"submit\" class=\"button\">Search</button></form>",
        escape(&shown)
    );
    if !authority.is_empty() && only.is_none() {
        out.push_str(&format!(
            "<p class=\"notice\" role=\"status\">There is no authority called “{}”: every authority is searched.</p>",
            escape(authority)
        ));
    }
    let found = index.search(query, only, 30);
    if found.truncated {
        out.push_str(&format!(
            "<p class=\"notice\" role=\"status\">Only the first {MAX_QUERY_CHARS} characters of the query were searched for.</p>"
        ));
    }
    if found.hits.is_empty() {
        out.push_str(&format!("<div role=\"status\">{}</div>", nothing_found(index, query, &found)));
    } else {
        let within = only.map(|i| format!(" in {}", escape(&index.authorities[i].1))).unwrap_or_default();
        out.push_str(&format!("<p role=\"status\" class=\"result-count\">{}{within}.</p>", count(&found, query)));
        out.push_str(&results_list(index, &found, true));
    }
    let title = if query.trim().is_empty() {
        "Search".to_owned()
    } else {
        format!("{} – Search", shown.chars().take(60).collect::<String>())
    };
    Page { title: page_title(&[&title]), html: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::library;

    fn index() -> Index {
        let mut library = library();
        library.books[0].sections = vec![serde_json::from_value(serde_json::json!({
            "id": "reviews", "title": "Reviews", "source": "s", "headings": [],
            "html": "<p>Reviews are held every twelve weeks.</p><h3 id=\"tac\">Step down</h3><p>To a Team Around the Child.</p>"
        }))
        .unwrap()];
        library.glossary =
            serde_json::from_str(r#"[{"id":"advocate","term":"Advocate","definition":"Speaks for someone."}]"#)
                .unwrap();
        Index::new(&library)
    }

    #[test]
    fn results_are_an_ordered_list_with_the_link_first() {
        let page = search_page(&index(), "12 weeks", "");
        assert!(page.html.contains("<ol class=\"results\"><li><a class=\"result-link\" href=\"a/north/reviews?highlight=twelve%20weeks\">Reviews</a>"), "{}", page.html);
        assert!(page.html.contains("<p class=\"crumbs\">North › Reviews</p>"));
        assert!(page.html.contains("<mark>twelve</mark> <mark>weeks</mark>"));
        assert!(page.html.contains("1 result for “12 weeks”"));
        assert_eq!(page.title, "12 weeks – Search – CIN Procedure Explorer");
    }

    #[test]
    fn a_heading_result_opens_at_its_heading_and_a_filter_is_kept() {
        let page = search_page(&index(), "step down", "north");
        assert!(page.html.contains("href=\"a/north/reviews?highlight=step%20down#tac\""), "{}", page.html);
        assert!(page.html.contains("<option value=\"north\" selected>"));
        assert!(page.html.contains(" in North."));
        assert!(search_page(&index(), "step down", "south").html.contains("No results"));
        assert!(search_page(&index(), "x", "atlantis").html.contains("no authority called “atlantis”"));
    }

    #[test]
    fn nothing_found_suggests_glossary_terms_and_an_empty_query_explains() {
        let page = search_page(&index(), "advocat zzz", "");
        assert!(page.html.contains("No results for “advocat zzz”"));
        assert!(page.html.contains("<a href=\"glossary/advocate\">Advocate</a>"));
        assert!(search_page(&index(), "", "").html.contains("Type a word to search for"));
        let long = "a".repeat(10_000);
        assert!(search_page(&index(), &long, "").html.contains("Only the first 200 characters"));
        assert_eq!(search_box_html(&index(), "  "), "");
        assert!(search_box_html(&index(), "review").contains("All results for “review”"));
    }
}
