//! The search pages: the page function runs the search ([`crate::search::Index`]) and hands what it found — each
//! result's snippet and the page it opens, and the glossary entries near a query that found nothing — to
//! [`crate::render::search`] as plain data.

use super::route::Route;
use crate::html::Html;
use crate::render::search::{search_box_html, search_page, Item, Results, SearchPage, Within};
use crate::render::Page;
use crate::search::{Hit, Index};

/// How many words a snippet shows.
const SNIPPET_WORDS: usize = 28;

/// How many results the header's search box shows.
const BOX_RESULTS: usize = 8;

/// How many results the search page shows.
const PAGE_RESULTS: usize = 30;

/// How many glossary entries are suggested when nothing is found.
const SUGGESTIONS: usize = 5;

/// A result as it is shown: its snippet, and the page it opens with the words it matched there to mark.
fn item(index: &Index, hit: &Hit) -> Option<Item> {
    let d = index.doc(hit.doc)?;
    let (snippet, words) = index.snippet(hit, SNIPPET_WORDS);
    let link = match d.authority {
        Some(i) => Route::Section {
            slug: index.authorities[i].0.clone(),
            section: d.id.clone(),
            with: None,
            highlight: (!words.is_empty()).then(|| words.join(" ")),
        },
        None => Route::Term { id: d.id.clone() },
    };
    Some(Item {
        link,
        fragment: d.fragment.clone(),
        title: d.title.clone(),
        authority: d.authority.map(|i| index.authorities[i].1.clone()),
        crumbs: d.crumbs.clone(),
        snippet,
    })
}

/// What `query` finds, in the authority at index `only` alone if given: at most `limit` results, and the
/// glossary entries near the query when it has words but finds nothing.
fn results(index: &Index, query: &str, only: Option<usize>, limit: usize) -> Results {
    let found = index.search(query, only, limit);
    let items: Vec<Item> = found.hits.iter().filter_map(|hit| item(index, hit)).collect();
    let suggestions = match items.is_empty() && found.searchable {
        true => index.suggestions(query, SUGGESTIONS),
        false => Vec::new(),
    };
    Results { query: query.to_owned(), items, searchable: found.searchable, truncated: found.truncated, suggestions }
}

/// The results under the header's search box for `query`, in the authority `authority` alone when the index holds
/// it (the box is on one of its pages) and in every authority otherwise; nothing while nothing is typed.
pub fn box_html(index: &Index, query: &str, authority: &str) -> Html {
    if query.trim().is_empty() {
        return Html::new();
    }
    let only = index.position(authority);
    let within = only.map(|i| Within { slug: &index.authorities[i].0, name: &index.authorities[i].1 });
    search_box_html(&results(index, query, only, BOX_RESULTS), within)
}

/// The search page for `q=` and `a=` (an authority's slug, to search it alone; one the index does not hold is
/// named, and every authority searched).
pub fn page(index: &Index, query: &str, authority: &str) -> Page {
    let only = index.position(authority);
    search_page(&SearchPage {
        authorities: &index.authorities,
        asked: authority,
        within: only.map(|i| index.authorities[i].1.as_str()),
        results: results(index, query, only, PAGE_RESULTS),
    })
}

/// The search page with nothing typed, for the authorities given (slug and short name, in the library's order):
/// the page [`page`] makes for an empty query, without an index to search, as the publish step writes it.
pub fn blank(authorities: &[(String, String)]) -> Page {
    let results = Results {
        query: String::new(),
        items: Vec::new(),
        searchable: false,
        truncated: false,
        suggestions: Vec::new(),
    };
    search_page(&SearchPage { authorities, asked: "", within: None, results })
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
        crate::search::build::published(&library).unwrap()
    }

    #[test]
    fn the_blank_search_page_is_the_page_for_an_empty_query() {
        let index = index();
        assert_eq!(blank(&index.authorities), page(&index, "", ""));
        assert_ne!(blank(&index.authorities), page(&index, "review", ""), "a query finds something");
    }

    #[test]
    fn results_are_an_ordered_list_with_the_link_first() {
        let page = page(&index(), "12 weeks", "");
        assert!(page.html.as_str().contains("<ol class=\"results\"><li><a class=\"result-link\" href=\"a/north/reviews?highlight=twelve%20weeks\">Reviews</a>"), "{}", page.html.as_str());
        assert!(page.html.as_str().contains("<p class=\"crumbs\">North › Reviews</p>"));
        assert!(page.html.as_str().contains("<mark>twelve</mark> <mark>weeks</mark>"));
        assert!(page.html.as_str().contains("1 result for “12 weeks”"));
        assert_eq!(page.title, "12 weeks – Search – CIN Procedure Explorer");
    }

    #[test]
    fn a_heading_result_opens_at_its_heading_and_a_filter_is_kept() {
        let page = page(&index(), "step down", "north");
        assert!(
            page.html.as_str().contains("href=\"a/north/reviews?highlight=step%20down#tac\""),
            "{}",
            page.html.as_str()
        );
        assert!(page.html.as_str().contains("<option value=\"north\" selected>"));
        assert!(page.html.as_str().contains(" in North."));
        assert!(super::page(&index(), "step down", "south").html.as_str().contains("No results"));
        assert!(super::page(&index(), "x", "atlantis").html.as_str().contains("no authority called “atlantis”"));
    }

    #[test]
    fn a_glossary_result_opens_its_entry() {
        let found = results(&index(), "speaks for someone", None, BOX_RESULTS);
        assert_eq!(found.items[0].link, Route::Term { id: "advocate".into() });
        assert_eq!(found.items[0].authority, None);
        assert!(found.suggestions.is_empty(), "suggestions only when nothing is found");
    }

    #[test]
    fn nothing_found_suggests_glossary_terms_and_an_empty_query_explains() {
        let page = page(&index(), "advocat zzz", "");
        assert!(page.html.as_str().contains("No results for “advocat zzz”"));
        assert!(page.html.as_str().contains("<a href=\"glossary/advocate\">Advocate</a>"));
        assert!(super::page(&index(), "", "").html.as_str().contains("Type a word to search for"));
        let long = "a".repeat(10_000);
        assert!(super::page(&index(), &long, "").html.as_str().contains("Only the first 200 characters"));
        assert!(box_html(&index(), "  ", "").is_empty());
        assert!(box_html(&index(), "review", "").as_str().contains("All results for “review”"));
    }

    #[test]
    fn the_box_searches_the_authority_it_is_on_first() {
        // "step down" is in North's section only: searched in South, the box finds nothing there, and says so.
        let everywhere = box_html(&index(), "step down", "");
        assert!(everywhere.as_str().contains("1 result for “step down”."), "{}", everywhere.as_str());
        let north = box_html(&index(), "step down", "north");
        assert!(north.as_str().contains("1 result for “step down” in North."), "{}", north.as_str());
        assert!(north.as_str().contains("href=\"search?q=step%20down&amp;a=north\">All results in North</a>"));
        let south = box_html(&index(), "step down", "south");
        assert!(south.as_str().contains("No results for “step down” in South."), "{}", south.as_str());
        assert!(south.as_str().contains("href=\"search?q=step%20down\">Search all authorities for “step down”</a>"));
        let unknown = box_html(&index(), "step down", "atlantis");
        assert_eq!(
            unknown.as_str(),
            everywhere.as_str(),
            "an authority the index does not hold: every one is searched"
        );
    }
}
