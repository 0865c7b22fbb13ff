//! Search results as HTML: an ordered list, one item per result with its link first (section title, with the words
//! to mark on the page it opens), the authority, where it sits, and a snippet with the matched words marked; the
//! search page with its form; and what to try when nothing is found. It formats what the page function found
//! ([`Results`], [`SearchPage`], made in [`crate::pages::search`]) and runs no search itself.

use super::Page;
use crate::html;
use crate::html::Html;
use crate::model::page_title;
use crate::pages::route::Route;
use crate::search::{Snippet, MAX_QUERY_CHARS};

/// One result as it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The page it opens, with the words to mark there.
    pub link: Route,
    /// The heading to open that page at, if any.
    pub fragment: Option<String>,
    /// The title shown as the link.
    pub title: String,
    /// The short name of the authority it belongs to; `None` for a glossary entry.
    pub authority: Option<String>,
    /// Where it sits: authority, section, heading.
    pub crumbs: Vec<String>,
    /// The extract of its text around the matches, with where the matched words are.
    pub snippet: Snippet,
}

/// What a search found, as it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// The query, as typed.
    pub query: String,
    /// The results, best first.
    pub items: Vec<Item>,
    /// Whether the query had any word to search for.
    pub searchable: bool,
    /// Whether only the query's first [`MAX_QUERY_CHARS`] characters were searched for.
    pub truncated: bool,
    /// Glossary entries near the query (id and term), best first; looked for only when nothing was found.
    pub suggestions: Vec<(String, String)>,
}

/// The authority a search was limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Within<'a> {
    /// Its slug, as the address gives it (`a=`).
    pub slug: &'a str,
    /// Its short name.
    pub name: &'a str,
}

/// The search page as it is shown: the form's choices and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPage<'a> {
    /// Every authority's slug and short name, for the form's choice (which lists them by name).
    pub authorities: &'a [(String, String)],
    /// The authority asked for (`a=`), as asked; empty for all.
    pub asked: &'a str,
    /// The short name of the authority searched alone; `None` when every authority was searched.
    pub within: Option<&'a str>,
    /// What was found.
    pub results: Results,
}

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

fn results_list(items: &[Item]) -> Html {
    let mut out = html!("<ol class=\"results\">");
    for item in items {
        let mut href = item.link.href();
        if let Some(f) = &item.fragment {
            href.push_str(&format!("#{f}"));
        }
        let snippet = match item.snippet.text.is_empty() {
            false => html!("<p class=\"snippet\">{}</p>", snippet_html(&item.snippet)),
            true => Html::new(),
        };
        out.push(html!(
            "<li><a class=\"result-link\" href=\"{}\">{}</a> <span class=\"result-authority\">{}</span>\
             <p class=\"crumbs\">{}</p>{}</li>",
            href,
            item.title,
            item.authority.as_deref().unwrap_or("Glossary"),
            item.crumbs.join(" › "),
            snippet
        ));
    }
    out.push(html!("</ol>"));
    out
}

fn nothing_found(results: &Results, within: Option<&str>) -> Html {
    let mut out = if results.searchable {
        let within = within.map(|name| html!(" in {}", name)).unwrap_or_default();
        html!("<p>No results for “{}”{}.</p>", results.query, within)
    } else {
        html!("<p>Type a word to search for: a topic, a timescale (“12 weeks”), a role or an abbreviation (“TAC”).</p>")
    };
    if results.searchable && !results.suggestions.is_empty() {
        let items: Html = results
            .suggestions
            .iter()
            .map(|(id, term)| html!("<li><a href=\"{}\">{}</a></li>", Route::Term { id: id.clone() }.href(), term))
            .collect();
        out.push(html!("<p>Glossary terms near what you typed:</p><ul class=\"suggestions\">{}</ul>", items));
    }
    out
}

fn count(results: &Results) -> Html {
    let n = results.items.len();
    let query = &results.query;
    let shown: String = query.chars().take(60).collect();
    html!(
        "{} result{} for “{}”{}",
        n,
        if n == 1 { "" } else { "s" },
        shown,
        if query.chars().count() > 60 { "…" } else { "" }
    )
}

/// A link to every authority's results for `query`.
fn every_authority(query: &str) -> Html {
    html!(
        "<a href=\"{}\">Search all authorities for “{}”</a>",
        Route::Search { q: query.to_owned(), a: String::new() }.href(),
        query
    )
}

/// The results under the header's search box for a query with something typed: the best few and a link to all of
/// them. On an authority's pages (`within`) they are that authority's, and a link at the top searches every
/// authority instead. Enter in the box opens the results page, as the link to all of them does.
pub fn search_box_html(results: &Results, within: Option<Within>) -> Html {
    let query = &results.query;
    let everywhere = match within {
        Some(_) => html!("<p class=\"result-scope\">{}</p>", every_authority(query)),
        None => Html::new(),
    };
    if results.items.is_empty() {
        let all = match within {
            Some(_) => Html::new(),
            None => html!(
                "<p class=\"all-results\"><a href=\"{}\">All results for “{}”</a></p>",
                Route::Search { q: query.clone(), a: String::new() }.href(),
                query
            ),
        };
        return html!(
            "<div role=\"status\">{}</div>{}{}",
            nothing_found(results, within.map(|w| w.name)),
            everywhere,
            all
        );
    }
    let all = match within {
        Some(Within { slug, name }) => html!(
            "<a href=\"{}\">All results in {}</a>",
            Route::Search { q: query.clone(), a: slug.to_owned() }.href(),
            name
        ),
        None => html!(
            "<a href=\"{}\">All results for “{}”</a>",
            Route::Search { q: query.clone(), a: String::new() }.href(),
            query
        ),
    };
    html!(
        "<p role=\"status\" class=\"result-count\">{}{}. ↓ moves through them; Enter opens the results page.</p>{}{}\
         <p class=\"all-results\">{}</p>",
        count(results),
        within.map(|w| html!(" in {}", w.name)).unwrap_or_default(),
        everywhere,
        results_list(&results.items),
        all
    )
}

/// The id of the box that narrows the search page's list of authorities to the names holding what is typed.
pub const AUTHORITY_FILTER_ID: &str = "search-a-filter";

/// The box that narrows the list of authorities, once there are more than the start page shows as cards.
fn authority_filter(count: usize) -> Html {
    match count > super::start::CARDS_UP_TO {
        true => html!(
            "<div class=\"field\"><label for=\"{id}\">Find an authority in the list</label><input id=\"{id}\" \
             type=\"search\" autocomplete=\"off\" spellcheck=\"false\" aria-controls=\"search-a\"></div>",
            id = Html::text(AUTHORITY_FILTER_ID)
        ),
        false => Html::new(),
    }
}

/// The line that says, with JavaScript off (the page as written at publish time), that search runs in the browser,
/// and leads to the pages that can be read without it. The style sheet shows it only where scripting is off.
fn needs_script() -> Html {
    html!(
        "<p class=\"notice needs-script\">Search runs in the browser, and needs JavaScript turned on. Every \
         procedure can be read without it: <a href=\"{}\">start from the list of authorities</a>, or open <a \
         href=\"{}\">the comparison</a> or <a href=\"{}\">the glossary</a>.</p>",
        Route::Home.href(),
        Route::Compare { view: Vec::new() }.href(),
        Route::Glossary { filter: String::new() }.href()
    )
}

/// The search page: its form, with the query and the authority chosen, and what was found.
pub fn search_page(page: &SearchPage) -> Page {
    let (query, authority) = (page.results.query.as_str(), page.asked);
    let mut by_name: Vec<&(String, String)> = page.authorities.iter().collect();
    by_name.sort_by(|a, b| a.1.cmp(&b.1));
    let options: Html = by_name
        .into_iter()
        .map(|(slug, name)| match slug == authority {
            true => html!("<option value=\"{}\" selected>{}</option>", slug, name),
            false => html!("<option value=\"{}\">{}</option>", slug, name),
        })
        .collect();
    let shown: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut out = html!(
        "<h1>Search</h1>{}<form class=\"search-form\" role=\"search\" aria-label=\"Refine this search\" data-search-form>\
         <div class=\"field\"><label for=\"search-q\">Search every procedure and the glossary</label>\
         <input id=\"search-q\" name=\"q\" type=\"search\" autocomplete=\"off\" value=\"{}\"></div>\
         {}<div class=\"field\"><label for=\"search-a\">Authority</label><select id=\"search-a\" name=\"a\">\
         <option value=\"\">All authorities</option>{}</select></div>\
         <button type=\"submit\" class=\"button\">Search</button></form>",
        needs_script(),
        shown,
        authority_filter(page.authorities.len()),
        options
    );
    if !authority.is_empty() && page.within.is_none() {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">There is no authority called “{}”: every authority is searched.</p>",
            authority
        ));
    }
    if page.results.truncated {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">Only the first {} characters of the query were searched for.</p>",
            MAX_QUERY_CHARS
        ));
    }
    let everywhere = match (page.within, page.results.searchable) {
        (Some(_), true) => html!("<p class=\"all-results\">{}</p>", every_authority(&shown)),
        _ => Html::new(),
    };
    if page.results.items.is_empty() {
        out.push(html!("<div role=\"status\">{}</div>{}", nothing_found(&page.results, page.within), everywhere));
    } else {
        let within = page.within.map(|name| html!(" in {}", name)).unwrap_or_default();
        out.push(html!("<p role=\"status\" class=\"result-count\">{}{}.</p>", count(&page.results), within));
        out.push(everywhere);
        out.push(results_list(&page.results.items));
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

    fn item(link: Route, fragment: Option<&str>, authority: Option<&str>, snippet: Snippet) -> Item {
        Item {
            link,
            fragment: fragment.map(str::to_owned),
            title: "Reviews".into(),
            authority: authority.map(str::to_owned),
            crumbs: vec!["North".into(), "Reviews".into()],
            snippet,
        }
    }

    #[test]
    fn a_result_is_its_link_its_place_and_its_snippet_with_the_matches_marked() {
        let section = Route::Section {
            slug: "north".into(),
            section: "reviews".into(),
            with: None,
            highlight: Some("twelve weeks".into()),
        };
        let snippet = Snippet {
            text: "held every twelve weeks, or".into(),
            marks: vec![11..17, 18..23],
            cut_before: true,
            cut_after: true,
        };
        let term = Route::Term { id: "tac".into() };
        let results = Results {
            query: "12 weeks".into(),
            items: vec![item(section, Some("tac"), Some("North"), snippet), item(term, None, None, Snippet::default())],
            searchable: true,
            ..Results::default()
        };
        let html = search_box_html(&results, None).into_string();
        assert!(html.contains("<ol class=\"results\"><li><a class=\"result-link\" href=\"a/north/reviews?highlight=twelve%20weeks#tac\">Reviews</a> <span class=\"result-authority\">North</span><p class=\"crumbs\">North › Reviews</p>"), "{html}");
        assert!(
            html.contains("<p class=\"snippet\">…held every <mark>twelve</mark> <mark>weeks</mark>, or…</p>"),
            "{html}"
        );
        assert!(html.contains("href=\"glossary/tac\">Reviews</a> <span class=\"result-authority\">Glossary</span><p class=\"crumbs\">North › Reviews</p></li>"), "{html}");
        assert!(html.contains("2 results for “12 weeks”"), "{html}");
        assert!(html.contains("<a href=\"search?q=12%20weeks\">All results for “12 weeks”</a>"), "{html}");
        assert!(html.contains("Enter opens the results page") && !html.contains("first"), "{html}");
    }

    #[test]
    fn the_search_pages_authorities_are_listed_by_name_with_a_filter_once_there_are_many() {
        let named = |n: usize| -> Vec<(String, String)> {
            (0..n).rev().map(|i| (format!("town-{i:02}"), format!("Town {i:02}"))).collect()
        };
        let page = |authorities: &[(String, String)]| {
            let page =
                SearchPage { authorities, asked: "town-01", within: Some("Town 01"), results: Results::default() };
            search_page(&page).html.into_string()
        };
        let few = page(&named(super::super::start::CARDS_UP_TO));
        assert!(!few.contains(AUTHORITY_FILTER_ID), "{few}");
        let many = page(&named(40));
        let at = |name: &str| many.find(&format!(">{name}</option>")).unwrap_or_else(|| panic!("{name}: {many}"));
        assert!(at("Town 00") < at("Town 01") && at("Town 01") < at("Town 39"), "{many}");
        assert!(many.contains("<option value=\"town-01\" selected>Town 01</option>"), "{many}");
        assert!(
            many.contains(&format!("<label for=\"{AUTHORITY_FILTER_ID}\">Find an authority in the list</label>")),
            "{many}"
        );
    }

    #[test]
    fn the_box_on_an_authoritys_pages_says_so_and_links_to_every_authority() {
        let north = Within { slug: "north", name: "North" };
        let section = Route::Section { slug: "north".into(), section: "reviews".into(), with: None, highlight: None };
        let found = Results {
            query: "review".into(),
            items: vec![item(section, None, Some("North"), Snippet::default())],
            searchable: true,
            ..Results::default()
        };
        let html = search_box_html(&found, Some(north)).into_string();
        assert!(html.contains("1 result for “review” in North. ↓ moves through them"), "{html}");
        assert!(
            html.contains("</p><p class=\"result-scope\"><a href=\"search?q=review\">Search all authorities for “review”</a></p><ol"),
            "every authority one click away, above the results: {html}"
        );
        assert!(html
            .contains("<p class=\"all-results\"><a href=\"search?q=review&amp;a=north\">All results in North</a></p>"));
        let nothing = Results { query: "zzqx".into(), searchable: true, ..Results::default() };
        let html = search_box_html(&nothing, Some(north)).into_string();
        assert!(html.contains("No results for “zzqx” in North."), "{html}");
        assert!(html.contains("<a href=\"search?q=zzqx\">Search all authorities for “zzqx”</a>"), "{html}");
        assert!(!html.contains("All results"), "{html}");
        let html = search_box_html(&nothing, None).into_string();
        assert!(html.contains("No results for “zzqx”.") && !html.contains("Search all authorities"), "{html}");
    }

    #[test]
    fn the_page_keeps_the_choice_and_says_what_it_could_not_use() {
        let authorities = [("north".to_owned(), "North".to_owned()), ("south".to_owned(), "South".to_owned())];
        let nothing = Results {
            query: "advocat".into(),
            searchable: true,
            truncated: true,
            suggestions: vec![("advocate".into(), "Advocate".into())],
            ..Results::default()
        };
        let page = search_page(&SearchPage {
            authorities: &authorities,
            asked: "south",
            within: Some("South"),
            results: nothing,
        });
        let html = page.html.as_str();
        assert!(html.contains("<option value=\"south\" selected>South</option>"), "{html}");
        assert!(html.contains("No results for “advocat” in South.") && html.contains("Only the first 200 characters"));
        assert!(html.contains("<a href=\"search?q=advocat\">Search all authorities for “advocat”</a>"), "{html}");
        assert!(html.contains("<form class=\"search-form\" role=\"search\" aria-label=\"Refine this search\""));
        assert!(html.contains("<ul class=\"suggestions\"><li><a href=\"glossary/advocate\">Advocate</a></li></ul>"));
        assert_eq!(page.title, "advocat – Search – CIN Procedure Explorer");
        let unknown =
            SearchPage { authorities: &authorities, asked: "atlantis", within: None, results: Results::default() };
        let html = search_page(&unknown).html.into_string();
        assert!(
            html.contains("no authority called “atlantis”") && html.contains("Type a word to search for"),
            "{html}"
        );
        assert!(!html.contains("suggestions") && !html.contains("Search all authorities"));
    }
}
