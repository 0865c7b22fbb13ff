//! The parts every page shares, as HTML: the header with navigation and display settings, the footer, what a
//! page shows while content loads and when it fails to, and the not-found pages.

use super::action::Action;
use super::authority::contents_html;
use crate::html;
use crate::html::Html;
use crate::model::{Authority, Book, Catalogue, LoadError};
use crate::pages::route::Route;
use crate::prefs::{Pref, Prefs};

/// The main navigation: each item's page, the first path segments of the pages it covers, and its label.
fn nav() -> [(Route, &'static [&'static str], &'static str); 4] {
    [
        (Route::Home, &["", "a"], "Authorities"),
        (Route::Compare { view: Vec::new() }, &["compare"], "Compare"),
        (Route::Glossary { filter: String::new() }, &["glossary"], "Glossary"),
        (Route::Train, &["train"], "Training"),
    ]
}

/// The site header. `path` is the current site path without the base (e.g. `/compare/review.first`): the
/// navigation item it falls under is marked as the current page.
pub fn header_html(prefs: Prefs, path: &str) -> Html {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let items: Html = nav()
        .into_iter()
        .map(|(route, covers, label)| match covers.contains(&first) {
            true => html!("<li><a href=\"{}\" aria-current=\"page\">{}</a></li>", route.href(), label),
            false => html!("<li><a href=\"{}\">{}</a></li>", route.href(), label),
        })
        .collect();
    let toggles: Html = Pref::ALL
        .into_iter()
        .map(|pref| {
            html!(
                "<button type=\"button\" class=\"toggle\"{} aria-pressed=\"{}\">{}</button>",
                Action::Toggle(pref).attrs(),
                prefs.is_on(pref),
                pref.label()
            )
        })
        .collect();
    html!(
        "<div class=\"wrap header-row\"><a href=\"{}\" class=\"site-name\">CIN Procedure Explorer</a>\
         <nav aria-label=\"Main\"><ul class=\"nav-list\">{}</ul></nav>\
         <div class=\"display-settings\" role=\"group\" aria-label=\"Display settings\">{}</div></div>",
        Route::Home.href(),
        items,
        toggles
    )
}

/// The header's search box as the page first shows it (the app's own box, `ui::search::SearchBox`, has the same
/// markup and adds results as you type): with JavaScript off it sends the words to the search page at `action`.
pub fn search_box_html(action: &str) -> Html {
    html!(
        "<div class=\"wrap search-row\"><form class=\"site-search\" role=\"search\" action=\"{}\" aria-label=\"Search \
         the procedures\"><label for=\"site-search\">Search the procedures</label><div class=\"search-line\"><input \
         id=\"site-search\" name=\"q\" type=\"search\" autocomplete=\"off\" aria-controls=\"site-search-results\" \
         aria-describedby=\"site-search-hint\"><button type=\"submit\" class=\"button secondary\">Search</button>\
         </div><p id=\"site-search-hint\" class=\"visually-hidden\">Results appear as you type; on an authority's \
         pages, from that authority. Enter opens the results page. Press slash or s to come back to this box.</p>\
         </form><div id=\"site-search-results\" class=\"search-results-box\"></div></div>",
        action
    )
}

/// The site footer: what the site is, and what it does with data.
pub fn footer_html() -> Html {
    html!(
        "<div class=\"wrap\"><p>This site restates councils' published Child in Need procedures in its \
    own words and cites their sections. It is no substitute for the authority's current procedures manual: check the \
    manual before you act.</p><p>Privacy: nothing you do here is sent anywhere; display settings and a wizard walk in \
    progress stay in this browser. <button type=\"button\" class=\"link-button\"{}>Clear what \
    this site keeps in this browser</button></p><p class=\"forgotten\" role=\"status\"></p></div>",
        Action::Forget.attrs()
    )
}

/// What the site did with an address's parts it could not use: one line each, or nothing.
pub fn notices_html(notices: &[String]) -> Html {
    if notices.is_empty() {
        return Html::new();
    }
    let items: Html = notices.iter().map(|n| html!("<li>{}</li>", n)).collect();
    html!("<div class=\"wrap\"><div class=\"notice\" role=\"status\"><ul>{}</ul></div></div>", items)
}

/// The error summary at the top of a form: each problem (field id, message) links to its field, and the link
/// moves focus there. Empty when there is no problem.
pub fn error_summary_html(problems: &[(String, &str)]) -> Html {
    if problems.is_empty() {
        return Html::new();
    }
    let items: Html = problems
        .iter()
        .map(|(field, message)| {
            html!("<li><a href=\"#{}\"{}>{}</a></li>", field, Action::Focus(field.clone()).attrs(), *message)
        })
        .collect();
    html!(
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\"><h2>There is a problem</h2>\
         <ul>{}</ul></div>",
        items
    )
}

/// A polite "loading" line.
pub fn loading_html() -> Html {
    html!("<p class=\"loading\" role=\"status\">Loading…</p>")
}

/// A failed load: which file, what went wrong, and a "Try again" button (`data-action="retry"`). `nested` when
/// the page already has its `h1`.
pub fn load_failed_html(error: &LoadError, nested: bool) -> Html {
    let line = error.line.map(|l| html!(" (line {})", l)).unwrap_or_default();
    let heading = Html::text(if nested { "h2" } else { "h1" });
    html!(
        "<div class=\"load-failed\" role=\"alert\"><{h}>This content could not be loaded</{h}><p>The file \
         <code>{file}</code>{line} could not be used: {message}.</p><p>Check your connection and try again. If the \
         problem stays, the site's content needs fixing.</p><button type=\"button\" class=\"button\"{retry}>Try again</button></div>",
        retry = Action::Retry.attrs(),
        h = heading,
        file = error.file,
        line = line,
        message = error.message
    )
}

/// Links to every authority, or home while the catalogue is not there.
fn authority_links(catalogue: Option<&Catalogue>) -> Html {
    match catalogue {
        Some(c) => {
            let items: Html = c
                .authorities
                .iter()
                .map(|a| {
                    html!("<li><a href=\"{}\">{}</a></li>", Route::Authority { slug: a.slug.clone() }.href(), a.name)
                })
                .collect();
            html!("<ul>{}</ul>", items)
        }
        None => html!("<p><a href=\"{}\">Go to the list of authorities</a></p>", Route::Home.href()),
    }
}

/// Any path the site does not have.
pub fn unknown_route_html(asked: &str, catalogue: Option<&Catalogue>) -> Html {
    html!(
        "<h1>Page not found</h1><p>There is no page at <code>{}</code>.</p><p>You can read the procedures of these \
         authorities:</p>{}<p><a href=\"{}\">Go to the start page</a></p>",
        asked,
        authority_links(catalogue),
        Route::Home.href()
    )
}

/// An authority slug the catalogue does not list.
pub fn unknown_authority_html(slug: &str, catalogue: &Catalogue) -> Html {
    html!(
        "<h1>Authority not found</h1><p>There is no authority called <code>{}</code> on this site. These are the \
         authorities it holds:</p>{}",
        slug,
        authority_links(Some(catalogue))
    )
}

/// A section id the authority's procedure does not have.
pub fn unknown_section_html(authority: &Authority, book: &Book, asked: &str) -> Html {
    html!(
        "<h1>Section not found</h1><p>{}'s procedure has no section called <code>{}</code>. Its sections are:</p>{}\
         <p><a href=\"{}\">Go to the procedure's overview</a></p>",
        authority.name,
        asked,
        contents_html(authority, book, None),
        Route::Authority { slug: authority.slug.clone() }.href()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_marks_the_current_section_of_the_site_and_the_settings() {
        let prefs = Prefs { high_visibility: true, large_text: false };
        let html = header_html(prefs, "/compare/review.first").into_string();
        assert!(html.contains("<a href=\"compare\" aria-current=\"page\">Compare</a>"));
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(header_html(prefs, "/a/north/one")
            .as_str()
            .contains("<a href=\"./\" aria-current=\"page\">Authorities</a>"));
        assert!(html.contains("data-pref=\"high_visibility\" aria-pressed=\"true\""));
        assert!(html.contains("data-pref=\"large_text\" aria-pressed=\"false\""));
    }

    #[test]
    fn a_failed_load_names_the_file_and_line() {
        let error = LoadError { file: "data/<x>.json".into(), line: Some(3), message: "bad".into() };
        let html = load_failed_html(&error, true).into_string();
        assert!(html.contains("<h2>This content could not be loaded</h2>"));
        assert!(html.contains("<code>data/&lt;x&gt;.json</code> (line 3) could not be used: bad."));
        assert!(load_failed_html(&error, false).as_str().contains("<h1>"));
    }

    #[test]
    fn notices_are_listed_as_text_and_the_footer_offers_to_clear_storage() {
        assert!(notices_html(&[]).is_empty());
        let html = notices_html(&["No “<b>” here".into()]).into_string();
        assert!(html.contains("role=\"status\"") && html.contains("<li>No “&lt;b&gt;” here</li>"), "{html}");
        assert!(footer_html().as_str().contains("data-action=\"forget\""));
    }

    #[test]
    fn not_found_pages_say_what_was_asked_and_link_onwards() {
        let html = unknown_route_html("/nope<script>", None).into_string();
        assert!(html.contains("<code>/nope&lt;script&gt;</code>") && html.contains("Go to the list of authorities"));
    }
}
