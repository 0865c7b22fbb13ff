//! Pages written at publish time: every page that does not depend on a case's answers (the start page, each
//! authority's overview, sections, rules, change log and whole procedure on one page, the wizard's maps, the
//! comparison's default view and topics, the glossary and its entries, and the search page with nothing typed),
//! made by the same page functions the app uses, inside the same frame the app draws. Each file is complete and
//! styled with JavaScript off; when the app starts it takes the page over unchanged (`ui::prerendered`). A results
//! page opened from its address is answered with the search page's file, and `static/boot.js` puts the results in
//! it before the app starts (`crate::background::EARLY`). The start page is `index.html`; the page the build made
//! first, which holds no page, stays as `404.html`, the one every other address is answered with.

use std::path::Path;

use chrono::NaiveDate;

use crate::compare::Library;
use crate::html;
use crate::html::Html;
use crate::model::Catalogue;
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Clock, Held, Service, Want};
use crate::pages::{side, Side};
use crate::prefs::Prefs;
use crate::render::frame::{footer_html, header_html, search_box_html};
use crate::render::glossary::glossary_page_html;
use crate::render::Page;

/// The id of the element that holds a written page's frame, until the app takes it over.
pub const SITE_ID: &str = "prerendered";
/// The attribute on it naming the route the page was written for (its href).
pub const ROUTE_ATTRIBUTE: &str = "data-route";
/// The attribute on the element that holds the page itself; its value is the page's mark ([`page_mark`]).
pub const PAGE_ATTRIBUTE: &str = "data-page";

/// A short mark of a page's markup (its FNV-1a hash, [`crate::fnv`], in hex): the same markup always has the same
/// mark, so the app can tell that the page it made is the page written, without reading the written page back.
pub fn page_mark(page: &Html) -> String {
    format!("{:016x}", crate::fnv::of(page.as_str()))
}

/// The file that holds the page a build starts from (no page in it): every address without a file of its own is
/// answered with it.
pub const SHELL: &str = "404.html";

/// The routes written at publish time: every page that does not depend on a case's answers.
pub fn routes(library: &Library) -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::Compare { view: Vec::new() },
        Route::Glossary { filter: String::new() },
        Route::Search { q: String::new(), a: String::new() },
    ];
    for data in &library.books {
        let slug = data.authority.slug.clone();
        routes.push(Route::Authority { slug: slug.clone() });
        routes.push(Route::Rules { slug: slug.clone() });
        routes.push(Route::Changes { slug: slug.clone() });
        routes.push(Route::All { slug: slug.clone() });
        routes.push(Route::WizardMap { slug: slug.clone() });
        routes.extend(data.sections.iter().map(|s| Route::Section {
            slug: slug.clone(),
            section: s.id.clone(),
            with: None,
            highlight: None,
        }));
    }
    routes.extend(library.topics.iter().map(|t| Route::CompareTopic { topic: t.id.clone() }));
    routes.extend(library.glossary.iter().map(|t| Route::Term { id: t.id.clone() }));
    routes
}

/// The file a route's page is written to, under the built site: its address with `.html`, and `index.html` for
/// the start page.
pub fn file_for(route: &Route) -> String {
    match route {
        Route::Home => "index.html".to_owned(),
        other => format!("{}.html", other.path_and_query().0.trim_start_matches('/')),
    }
}

/// The page for a route, made by the page function that answers it in the app; `None` for a route the site does
/// not write out. `catalogue` is `library.catalogue()`, made once for every page.
pub fn page(
    route: &Route,
    library: &Library,
    catalogue: &Catalogue,
    service: &Service,
    today: NaiveDate,
    public_url: &str,
) -> Option<Page> {
    match side(route) {
        Side::Main | Side::Reading => {
            let address = format!("{public_url}{}", route.href().trim_start_matches("./"));
            Some(crate::pages::main::from_library(route, library, catalogue, today, &address))
        }
        Side::Worker if matches!(route, Route::Search { .. }) => {
            // Only the search page with nothing typed is written: it needs the authorities' names, not the index.
            let blank = Route::Search { q: String::new(), a: String::new() };
            let authorities: Vec<(String, String)> =
                library.books.iter().map(|b| (b.authority.slug.clone(), b.authority.short_name.clone())).collect();
            (*route == blank).then(|| crate::pages::search::blank(&authorities))
        }
        Side::Worker => {
            let held = Held { base: public_url.to_owned(), ..Held::default() };
            let clock = Clock { today, now: today.and_hms_opt(0, 0, 0)?.and_utc() };
            match crate::pages::worker::page(service, Want::Page, route, &held, clock) {
                Answer::Page(page) if matches!(route, Route::Glossary { .. }) => {
                    Some(Page { html: glossary_page_html(page.html), ..page })
                }
                Answer::Page(page) => Some(page),
                _ => None,
            }
        }
        Side::Deadlines => None,
    }
}

/// The site's frame around a page, as the app draws it (skip link, header, the page, footer), marked with the
/// route it was written for.
pub fn site_html(route: &Route, page: &Html, public_url: &str) -> Html {
    let path = route.path_and_query().0;
    html!(
        "<div class=\"site\" id=\"{id}\" {route_attr}=\"{route}\"><a class=\"skip-link\" href=\"{skip}\">Skip to main \
         content</a><header class=\"site-header\"><div>{header}</div>{search}</header><main id=\"main\" \
         tabindex=\"-1\"><div></div><div class=\"{class}\" {page_attr}=\"{mark}\">{page}</div></main><footer \
         class=\"site-footer\">{footer}</footer></div>",
        id = SITE_ID,
        route_attr = Html::text(ROUTE_ATTRIBUTE),
        route = route.href(),
        skip = format!("{}{}#main", public_url.trim_end_matches('/'), path),
        header = header_html(Prefs::default(), &path),
        search = search_box_html(&Route::Search { q: String::new(), a: String::new() }.href()),
        class = route.page_class(),
        page_attr = Html::text(PAGE_ATTRIBUTE),
        mark = page_mark(page),
        page = page.clone(),
        footer = footer_html()
    )
}

/// A written page: the shell (the page the build made) with the page's title, and the site's frame with the page
/// in place of the shell's "needs JavaScript" line.
pub fn document(shell: &str, title: &str, site: &Html) -> Result<String, String> {
    let (before_title, rest) = shell.split_once("<title>").ok_or("the built page has no <title>")?;
    let (_, after_title) = rest.split_once("</title>").ok_or("the built page's <title> is not closed")?;
    let (head_and_body, after) = after_title.split_once("<noscript>").ok_or("the built page has no <noscript>")?;
    let (_, tail) = after.split_once("</noscript>").ok_or("the built page's <noscript> is not closed")?;
    Ok(format!("{before_title}<title>{}</title>{head_and_body}{}{tail}", Html::text(title).as_str(), site.as_str()))
}

/// Writes every page [`routes`] lists into `out` (the built site), from the shell in `out/404.html`, for the site
/// at `public_url`; returns the files written.
pub fn write(out: &Path, library: &Library, today: NaiveDate, public_url: &str) -> Result<Vec<String>, String> {
    let shell = std::fs::read_to_string(out.join(SHELL)).map_err(|e| format!("{SHELL}: {e}"))?;
    let service = Service::new(library.clone());
    let catalogue = library.catalogue();
    let mut written = Vec::new();
    for route in routes(library) {
        let Some(page) = page(&route, library, &catalogue, &service, today, public_url) else { continue };
        let file = file_for(&route);
        let text = document(&shell, &page.title, &site_html(&route, &page.html, public_url))?;
        let path = out.join(&file);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{file}: {e}"))?;
        written.push(file);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::publish::library(&crate::publish::read(root).expect("content reads"))
    }

    #[test]
    fn every_page_that_needs_no_answers_is_made_by_its_page_function() {
        let library = library();
        let service = Service::new(library.clone());
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let routes = routes(&library);
        let slug = &library.books[0].authority.slug;
        for wanted in [Route::Home, Route::Authority { slug: slug.clone() }, Route::WizardMap { slug: slug.clone() }] {
            assert!(routes.contains(&wanted), "{wanted:?}");
        }
        assert!(!routes.iter().any(|r| matches!(r, Route::Wizard { .. } | Route::Deadlines { .. })));
        let searches: Vec<&Route> = routes.iter().filter(|r| matches!(r, Route::Search { .. })).collect();
        assert_eq!(searches, [&Route::Search { q: String::new(), a: String::new() }], "the search page, with no query");
        let written = page(searches[0], &library, &library.catalogue(), &service, today, "/").unwrap();
        let index = crate::search::build::published(&library).unwrap();
        assert_eq!(written, crate::pages::search::page(&index, "", ""), "the page the worker makes for it");
        for route in &routes {
            let page = page(route, &library, &library.catalogue(), &service, today, "/cin/")
                .unwrap_or_else(|| panic!("{route:?}"));
            assert!(page.html.as_str().contains("<h1"), "{route:?}: {}", page.html.as_str());
            assert!(!page.title.starts_with("Not found") && !page.title.contains("not found"), "{route:?}");
        }
        let glossary =
            page(&Route::Glossary { filter: String::new() }, &library, &library.catalogue(), &service, today, "/")
                .unwrap();
        assert!(
            glossary.html.as_str().contains("id=\"glossary-filter\"")
                && glossary.html.as_str().contains("id=\"glossary-list\"")
        );
    }

    #[test]
    fn a_pages_mark_follows_its_markup_and_nothing_else() {
        let page = html!("<p>{}</p>", "Review within 3 months");
        assert_eq!(page_mark(&page), page_mark(&html!("<p>{}</p>", "Review within 3 months")));
        assert_ne!(page_mark(&page), page_mark(&html!("<p>{}</p>", "Review within 6 months")));
        assert_ne!(page_mark(&page), page_mark(&html!("<p>{}</p> ", "Review within 3 months")));
        assert_eq!(page_mark(&html!("")), "cbf29ce484222325", "the FNV-1a offset basis for no markup");
        assert_eq!(page_mark(&page).len(), 16);
    }

    #[test]
    fn a_page_goes_into_the_shell_in_place_of_its_needs_javascript_line() {
        let shell = "<html><head><title>Site</title></head><body><div id=\"boot\" hidden></div>\n<noscript><p>Needs \
                     script</p></noscript>\n</body></html>";
        let route = Route::Rules { slug: "north".into() };
        let site = site_html(&route, &html!("<h1>{}</h1>", "Rules & more"), "/cin/");
        let page = document(shell, "Rules – North <b>", &site).unwrap();
        assert!(page.contains("<title>Rules – North &lt;b&gt;</title>"), "{page}");
        assert!(!page.contains("noscript") && page.contains("<div id=\"boot\" hidden></div>"), "{page}");
        assert!(page.contains("id=\"prerendered\" data-route=\"a/north/rules\""), "{page}");
        let mark = page_mark(&html!("<h1>{}</h1>", "Rules & more"));
        assert!(
            page.contains(&format!("<div class=\"wrap\" data-page=\"{mark}\"><h1>Rules &amp; more</h1></div>")),
            "{page}"
        );
        assert!(page.contains("href=\"/cin/a/north/rules#main\"") && page.contains("action=\"search\""), "{page}");
        assert!(document("<html></html>", "t", &site).is_err(), "a shell without a title is refused");
        assert_eq!(file_for(&Route::Home), "index.html");
        assert_eq!(file_for(&route), "a/north/rules.html");
        assert_eq!(file_for(&Route::CompareTopic { topic: "review.first".into() }), "compare/review.first.html");
    }
}
