//! `/a/{authority}/rules`: every rule of an authority by topic group, with what it does not state. The cards are HTML
//! made by [`crate::render::rule_card`].

use leptos::prelude::*;

use super::authority::Loaded;
use super::{browser, Link};
use crate::model::{page_title, Status};
use crate::render::rule_card::{rules_by_topic_html, CardContext};

/// The card context for the loaded authority.
pub fn card_context(loaded: &Loaded) -> CardContext<'_> {
    CardContext { authority: &loaded.authority, topics: &loaded.book.topics, roles: &loaded.book.roles }
}

/// `/a/{authority}/rules`.
#[component]
pub fn RulesPage() -> impl IntoView {
    let loaded = expect_context::<Loaded>();
    let authority = loaded.authority.clone();
    browser::set_title(&page_title(&["Rules", &authority.short_name]));
    let groups = rules_by_topic_html(&loaded.book.rules, &card_context(&loaded));
    let rules = &loaded.book.rules;
    let count = rules.len();
    let not_stated = rules.iter().filter(|r| r.status == Status::NotStated).count();
    let ambiguous = rules.iter().filter(|r| r.status == Status::Ambiguous).count();
    let short_name = authority.short_name.clone();
    view! {
        <div class="wrap rules-page">
            <p class="breadcrumb"><Link href="/">"Authorities"</Link> " › " <Link href=format!("/a/{}", authority.slug)>{short_name}</Link> " › Rules"</p>
            <h1>{authority.short_name.clone()}": every rule by topic"</h1>
            <p class="lead">{format!("{count} rules: {ambiguous} ambiguous, {not_stated} marked not stated. Each cites the section it comes from.")}</p>
            <div inner_html=groups.into_string()></div>
        </div>
    }
}
