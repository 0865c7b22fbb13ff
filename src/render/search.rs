//! Search results as HTML: an ordered list, one item per result with its link first (section title, with the words
//! to mark on the page it opens), the authority, where it sits, and a snippet with the matched words marked; the
//! search page with its form; and what to try when nothing is found.

use super::Page;
use crate::html;
use crate::html::Html;
use crate::model::page_title;
use crate::query::encode;
use crate::search::{Found, Index, Snippet, MAX_QUERY_CHARS};

/// How many words a snippet shows.
const SNIPPET_WORDS: usize = 28;

/// A snippet's text with its matched words marked.
fn snippet_html(snippet: &Snippet) -> Html {
    let mut out = Html::new();
    if snippet.cut_before {
        out.push("…");
    }
    let mut at = 0;
    for mark in &snippet.marks {
        out.push(&snippet.text[at..mark.start]);
        out.push(html!("<mark>{}</mark>", &snippet.text[mark.clone()]));
        at = mark.end;
    }
    out.push(&snippet.text[at..]);
    if snippet.cut_after {
        out.push("…");
    }
    out
}

fn results_list(index: &Index, found: &Found, snippets: bool) -> Html {
    let mut out = html!("<ol class=\"results\">");
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
        let snippet = match snippets && !snippet.text.is_empty() {
            true => html!("<p class=\"snippet\">{}</p>", snippet_html(&snippet)),
            false => Html::new(),
        };
        out.push(html!(
            "<li><a class=\"result-link\" href=\"{}\">{}</a> <span class=\"result-authority\">{}</span>\
             <p class=\"crumbs\">{}</p>{}</li>",
            href,
            d.title,
            authority,
            d.crumbs.join(" › "),
            snippet
        ));
    }
    out.push(html!("</ol>"));
    out
}

fn nothing_found(index: &Index, query: &str, found: &Found) -> Html {
    let mut out = if found.searchable {
        html!("<p>No results for “{}”.</p>", query)
    } else {
        html!("<p>Type a word to search for: a topic, a timescale (“12 weeks”), a role or an abbreviation (“TAC”).</p>")
    };
    let suggestions = index.suggestions(query, 5);
    if found.searchable && !suggestions.is_empty() {
        let items: Html =
            suggestions.iter().map(|(id, term)| html!("<li><a href=\"glossary/{}\">{}</a></li>", id, term)).collect();
        out.push(html!("<p>Glossary terms near what you typed:</p><ul class=\"suggestions\">{}</ul>", items));
    }
    out
}

fn count(found: &Found, query: &str) -> Html {
    let n = found.hits.len();
    let shown: String = query.chars().take(60).collect();
    html!(
        "{} result{} for “{}”{}",
        n,
        if n == 1 { "" } else { "s" },
        shown,
        if query.chars().count() > 60 { "…" } else { "" }
    )
}

/// The results under the header's search box: the best few, and a link to all of them.
pub fn search_box_html(index: &Index, query: &str) -> Html {
    if query.trim().is_empty() {
        return Html::new();
    }
    let found = index.search(query, None, 8);
    let all =
        html!("<p class=\"all-results\"><a href=\"search?q={}\">All results for “{}”</a></p>", encode(query), query);
    if found.hits.is_empty() {
        return html!("<div role=\"status\">{}</div>{}", nothing_found(index, query, &found), all);
    }
    html!(
        "<p role=\"status\" class=\"result-count\">{}. ↓ moves through them; Enter opens the first.</p>{}{}",
        count(&found, query),
        results_list(index, &found, true),
        all
    )
}

/// The search page for `q=` and `a=` (an authority's slug, to search it alone).
pub fn search_page(index: &Index, query: &str, authority: &str) -> Page {
    let only = index.authorities.iter().position(|(slug, _)| slug == authority);
    let options: Html = index
        .authorities
        .iter()
        .map(|(slug, name)| match slug == authority {
            true => html!("<option value=\"{}\" selected>{}</option>", slug, name),
            false => html!("<option value=\"{}\">{}</option>", slug, name),
        })
        .collect();
    let shown: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut out = html!(
        "<h1>Search</h1><form class=\"search-form\" role=\"search\" data-search-form>\
         <div class=\"field\"><label for=\"search-q\">Search every procedure and the glossary</label>\
         <input id=\"search-q\" name=\"q\" type=\"search\" autocomplete=\"off\" value=\"{}\"></div>\
         <div class=\"field\"><label for=\"search-a\">Authority</label><select id=\"search-a\" name=\"a\">\
         <option value=\"\">All authorities</option>{}</select></div>\
         <button type=\"submit\" class=\"button\">Search</button></form>",
        shown,
        options
    );
    if !authority.is_empty() && only.is_none() {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">There is no authority called “{}”: every authority is searched.</p>",
            authority
        ));
    }
    let found = index.search(query, only, 30);
    if found.truncated {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">Only the first {} characters of the query were searched for.</p>",
            MAX_QUERY_CHARS
        ));
    }
    if found.hits.is_empty() {
        out.push(html!("<div role=\"status\">{}</div>", nothing_found(index, query, &found)));
    } else {
        let within = only.map(|i| html!(" in {}", index.authorities[i].1)).unwrap_or_default();
        out.push(html!("<p role=\"status\" class=\"result-count\">{}{}.</p>", count(&found, query), within));
        out.push(results_list(index, &found, true));
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
        assert!(page.html.as_str().contains("<ol class=\"results\"><li><a class=\"result-link\" href=\"a/north/reviews?highlight=twelve%20weeks\">Reviews</a>"), "{}", page.html.as_str());
        assert!(page.html.as_str().contains("<p class=\"crumbs\">North › Reviews</p>"));
        assert!(page.html.as_str().contains("<mark>twelve</mark> <mark>weeks</mark>"));
        assert!(page.html.as_str().contains("1 result for “12 weeks”"));
        assert_eq!(page.title, "12 weeks – Search – CIN Procedure Explorer");
    }

    #[test]
    fn a_heading_result_opens_at_its_heading_and_a_filter_is_kept() {
        let page = search_page(&index(), "step down", "north");
        assert!(
            page.html.as_str().contains("href=\"a/north/reviews?highlight=step%20down#tac\""),
            "{}",
            page.html.as_str()
        );
        assert!(page.html.as_str().contains("<option value=\"north\" selected>"));
        assert!(page.html.as_str().contains(" in North."));
        assert!(search_page(&index(), "step down", "south").html.as_str().contains("No results"));
        assert!(search_page(&index(), "x", "atlantis").html.as_str().contains("no authority called “atlantis”"));
    }

    #[test]
    fn nothing_found_suggests_glossary_terms_and_an_empty_query_explains() {
        let page = search_page(&index(), "advocat zzz", "");
        assert!(page.html.as_str().contains("No results for “advocat zzz”"));
        assert!(page.html.as_str().contains("<a href=\"glossary/advocate\">Advocate</a>"));
        assert!(search_page(&index(), "", "").html.as_str().contains("Type a word to search for"));
        let long = "a".repeat(10_000);
        assert!(search_page(&index(), &long, "").html.as_str().contains("Only the first 200 characters"));
        assert!(search_box_html(&index(), "  ").is_empty());
        assert!(search_box_html(&index(), "review").as_str().contains("All results for “review”"));
    }
}
