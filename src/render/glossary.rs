//! The glossary as HTML: the A–Z list under a filter, and one entry in full.

use crate::html;
use crate::html::Html;
use crate::model::{a_to_z, Catalogue, Term};
use crate::pages::route::Route;

/// The glossary page around its list: the heading, what the glossary is, the filter box, and the list (`list`, in
/// `#glossary-list`, where the list for what is typed in the box goes).
pub fn glossary_page_html(list: Html) -> Html {
    html!(
        "<h1>Glossary</h1><p class=\"lead\">The terms and abbreviations the procedures use, what they mean, and which \
         authorities' procedures use them.</p><div class=\"glossary-filter\"><label for=\"glossary-filter\">Filter \
         terms</label><input id=\"glossary-filter\" type=\"search\" autocomplete=\"off\"></div><div \
         id=\"glossary-list\">{}</div>",
        list
    )
}

/// The letters present, as links to their groups on the glossary's own address (so the links survive
/// `<base href>`), and every entry that passes the filter under its letter.
pub fn a_to_z_html(terms: &[Term], filter: &str) -> Html {
    let page = Route::Glossary { filter: String::new() }.href();
    let groups = a_to_z(terms, filter);
    let shown: usize = groups.iter().map(|(_, e)| e.len()).sum();
    let count = match shown {
        0 => "No term matches the filter.".to_owned(),
        1 => "1 term shown.".to_owned(),
        n => format!("{n} terms shown."),
    };
    let letters: Html = groups
        .iter()
        .map(|(l, _)| html!("<li><a href=\"{}#letter-{}\">{}</a></li>", &page, l.to_ascii_lowercase(), *l))
        .collect();
    let mut out = html!(
        "<p class=\"filter-count\" role=\"status\">{}</p><nav aria-label=\"Letters\"><ul class=\"letters\">{}</ul></nav>",
        count,
        letters
    );
    for (letter, entries) in groups {
        let id = format!("letter-{}", letter.to_ascii_lowercase());
        out.push(html!(
            "<section class=\"letter-group\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{letter}</h2><dl>",
            id = id,
            letter = letter
        ));
        for t in entries {
            let expansion = t.expansion.as_ref().map(|e| html!("<span class=\"expansion\"> – {}</span>", e));
            out.push(html!(
                "<div class=\"glossary-entry\"><dt><a href=\"{}\">{}</a>{}</dt><dd>{}</dd></div>",
                Route::Term { id: t.id.clone() }.href(),
                t.term,
                expansion.unwrap_or_default(),
                t.definition
            ));
        }
        out.push(html!("</dl></section>"));
    }
    out
}

/// One entry in full: what it stands for and means, other spellings, who uses it, related entries.
pub fn entry_html(term: &Term, terms: &[Term], catalogue: &Catalogue) -> Html {
    let mut out = html!("<h1>{}</h1>", term.term);
    if let Some(e) = &term.expansion {
        out.push(html!("<p class=\"expansion lead\">{}</p>", e));
    }
    out.push(html!("<p class=\"definition\">{}</p>", term.definition));
    if !term.aliases.is_empty() {
        out.push(html!("<p class=\"aliases\">Also written: {}</p>", term.aliases.join("; ")));
    }
    out.push(html!("<h2>Used in the procedures of</h2>"));
    if term.used_by.is_empty() {
        out.push(html!("<p>None of the procedures here uses this term in these words.</p>"));
    } else {
        let items: Html = term
            .used_by
            .iter()
            .map(|slug| {
                let link = Route::Authority { slug: slug.clone() }.href();
                html!("<li><a href=\"{}\">{}</a></li>", link, catalogue.name_of(slug).unwrap_or(slug))
            })
            .collect();
        out.push(html!("<ul class=\"used-by\">{}</ul>", items));
    }
    let see_also: Html = term
        .see_also
        .iter()
        .filter_map(|id| terms.iter().find(|t| &t.id == id))
        .map(|t| html!("<li><a href=\"{}\">{}</a></li>", Route::Term { id: t.id.clone() }.href(), t.term))
        .collect();
    if !see_also.is_empty() {
        out.push(html!("<h2>See also</h2><ul>{}</ul>", see_also));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, text: &str, used_by: &[&str]) -> Term {
        let mut t: Term =
            serde_json::from_str(&format!(r#"{{"id":"{id}","term":"{text}","expansion":"E & co","definition":"d"}}"#))
                .unwrap();
        t.used_by = used_by.iter().map(|s| s.to_string()).collect();
        t
    }

    #[test]
    fn the_list_groups_letters_and_counts_what_the_filter_shows() {
        let terms = [term("tac", "TAC", &[]), term("caf", "CAF", &[])];
        let html = a_to_z_html(&terms, "").into_string();
        assert!(html.contains("2 terms shown.") && html.contains("href=\"glossary#letter-c\""), "{html}");
        assert!(
            html.contains("<a href=\"glossary/caf\">CAF</a><span class=\"expansion\"> – E &amp; co</span>"),
            "{html}"
        );
        assert!(a_to_z_html(&terms, "zzz").as_str().contains("No term matches the filter."));
    }

    #[test]
    fn an_entry_names_who_uses_it_or_says_nobody_does() {
        let mut tac = term("tac", "TAC", &["north"]);
        tac.see_also = vec!["caf".into()];
        let terms = [tac.clone(), term("caf", "CAF", &[])];
        let html = entry_html(&tac, &terms, &Catalogue::default()).into_string();
        assert!(html.contains("<ul class=\"used-by\"><li><a href=\"a/north\">north</a></li></ul>"), "{html}");
        assert!(html.contains("<h2>See also</h2><ul><li><a href=\"glossary/caf\">CAF</a></li></ul>"), "{html}");
        assert!(entry_html(&terms[1], &terms, &Catalogue::default()).as_str().contains("None of the procedures"));
    }
}
