//! `/a/{authority}/{section}`: one section in the project's words, with contents, previous/next and ← / → keys.

use super::Link;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::authority::{Contents, Loaded};
use super::not_found::UnknownSection;
use super::rules::card_context;
use super::{browser, Base};
use crate::model::{page_title, rules_citing};
use crate::render::rule_card::rule_cards_html;

fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
    })
}

/// Moves to the previous or next section on ← / →, unless a modifier is held or the reader is typing.
fn arrow_keys(previous: Option<String>, next: Option<String>) {
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() || is_typing_target(&event) {
            return;
        }
        let target = match event.key().as_str() {
            "ArrowLeft" => previous.as_deref(),
            "ArrowRight" => next.as_deref(),
            _ => None,
        };
        if let Some(path) = target {
            event.prevent_default();
            navigate(path, NavigateOptions::default());
        }
    });
    on_cleanup(move || handle.remove());
}

/// One section of a procedure.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let section_id = Memo::new(move |_| params.with(|p| p.get("section").unwrap_or_default()));
    move || {
        let Loaded { catalogue: _, authority, book } = expect_context::<Loaded>();
        let procedure = &book.procedure;
        let id = section_id.get();
        let Some(place) = procedure.neighbours(&id) else {
            return view! { <UnknownSection authority=authority.clone() book=book.clone() asked=id /> }.into_any();
        };
        let base = expect_context::<Base>();
        let slug = authority.slug.clone();
        let section = place.current.clone();
        let path_of = |id: &str| format!("/a/{slug}/{id}");
        let page_url = base.url(&path_of(&section.id));
        let entry = authority.sections.iter().find(|s| s.id == section.id);
        let number = entry.and_then(|e| e.number.clone());
        browser::set_title(&page_title(&[&section.title, &authority.short_name]));
        let previous = place.previous.map(|s| (path_of(&s.id), s.title.clone()));
        let next = place.next.map(|s| (path_of(&s.id), s.title.clone()));
        arrow_keys(previous.as_ref().map(|p| p.0.clone()), next.as_ref().map(|n| n.0.clone()));
        let source_of = match authority.document.numbered() {
            Some(n) => format!("{}, {n}, ", authority.short_name),
            None => format!("{}, ", authority.short_name),
        };
        let short_name = authority.short_name.clone();
        request_animation_frame(browser::scroll_to_fragment);
        let here = rules_citing(&book.rules, &section.id);
        let rules_here = (!here.is_empty()).then(|| {
            let loaded = expect_context::<Loaded>();
            let cards = rule_cards_html(here, &card_context(&loaded), false);
            view! {
                <section class="section-rules" aria-labelledby="rules-heading">
                    <h2 id="rules-heading">"Rules in this section"</h2>
                    <ul class="rule-cards" inner_html=cards></ul>
                    <p><Link href=format!("/a/{slug}/rules")>"All of this authority's rules, by topic"</Link></p>
                </section>
            }
        });
        let position = format!("Section {} of {}", place.index + 1, procedure.sections.len());
        view! {
            <div class="wrap with-sidebar">
                <article class="section" aria-labelledby=section.id.clone()>
                    <p class="breadcrumb">
                        <Link href="/">"Authorities"</Link> " › "
                        <Link href=format!("/a/{slug}")>{short_name}</Link> " › "
                        <span>{position}</span>
                    </p>
                    <h1 id=section.id.clone() tabindex="-1">
                        {number.map(|n| view! { <span class="section-number">{n}". "</span> })}
                        {section.title.clone()}
                        " "
                        <a class="anchor" href=page_url.clone()>
                            <span class="visually-hidden">"Link to this section"</span>
                            <span aria-hidden="true">"#"</span>
                        </a>
                    </h1>
                    <p class="source-line">
                        <strong>"Source: "</strong>
                        {source_of}
                        {section.source.clone()}
                    </p>
                    <p class="print-only">"Printed from " {browser::current_url()}</p>
                    <div class="prose" inner_html=section.html.clone()></div>
                    {rules_here}
                    <nav class="pager" aria-label="Previous and next section">
                        {previous.map(|(href, title)| view! {
                            <Link href=href class="pager-previous" rel="prev">
                                <span class="pager-label">"← Previous"</span> <span>{title}</span>
                            </Link>
                        })}
                        {next.map(|(href, title)| view! {
                            <Link href=href class="pager-next" rel="next">
                                <span class="pager-label">"Next →"</span> <span>{title}</span>
                            </Link>
                        })}
                    </nav>
                    <p class="hint">"Tip: the ← and → keys move between sections."</p>
                </article>
                <nav class="sidebar" aria-labelledby="sidebar-heading">
                    <h2 id="sidebar-heading">"Contents"</h2>
                    <Contents slug=slug.clone() book=book.clone() current=section.id.clone() />
                </nav>
            </div>
        }
        .into_any()
    }
}
