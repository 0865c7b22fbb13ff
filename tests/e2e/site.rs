//! End-to-end tests: the built site (`dist/`, and `target/dist-sub/` built for a sub-path) served on
//! 127.0.0.1 and driven in headless Chromium. Every page visited is checked with axe-core.

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Server;
use cin_procedure_explorer::model::TermFinder;
use cin_procedure_explorer::publish::authority_data;
use fantoccini::key::Key;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_page_lists_every_authority_with_its_source() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/"), ".cards li").await;
    let content = support::content();
    let cards = b.eval("return Array.from(document.querySelectorAll('.cards > li')).map(li => li.textContent)").await;
    let cards: Vec<String> = serde_json::from_value(cards).unwrap();
    assert_eq!(cards.len(), content.len(), "one card per authority in content/authorities.json");
    for ((authority, _), card) in content.iter().zip(&cards) {
        assert!(card.starts_with(&authority.name), "cards in display order: {card}");
        assert!(card.contains(&authority.document.title), "{card}");
        for fact in support::expect::facts(&authority.slug).map_or(&[][..], |f| f.card) {
            assert!(card.contains(fact), "{}'s card lacks {fact:?}:\n{card}", authority.slug);
        }
    }
    assert_eq!(b.eval("return document.title").await, "CIN Procedure Explorer");
    b.assert_accessible("/").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_authority_page_has_its_source_header_and_contents() {
    let Some((server, b)) = support::setup().await else { return };
    for (authority, procedure) in support::content() {
        b.open(&server.url(&format!("/a/{}", authority.slug)), ".contents").await;
        let h1 = b.text("h1").await;
        assert!(h1.contains(&authority.name), "{h1}");
        let header = b.text(".source-header").await;
        assert!(header.contains(&authority.document.title), "{header}");
        assert!(header.contains("Whom it covers") && header.contains("Related procedures"), "{header}");
        if authority.document.manual.is_none() {
            assert!(header.contains("not stated in the source"), "{header}");
        }
        let links = b.client.find_all(Locator::Css(".toc .contents a")).await.unwrap();
        assert_eq!(links.len(), procedure.sections.len(), "{}", authority.slug);
        let title = b.eval("return document.title").await;
        assert!(title.as_str().unwrap().starts_with(&authority.short_name), "{title}");
        b.assert_accessible(&format!("/a/{}", authority.slug)).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn next_and_previous_walk_every_section_of_an_authority() {
    let Some((server, b)) = support::setup().await else { return };
    // The last authority in display order, every one of its sections.
    let (authority, procedure) = support::content().pop().expect("an authority");
    let slug = authority.slug.clone();
    let first = &procedure.sections[0];
    b.open(&server.url(&format!("/a/{slug}/{}", first.id)), "article h1").await;
    for (i, section) in procedure.sections.iter().enumerate() {
        let path = format!("/a/{slug}/{}", section.id);
        b.wait_until(&format!("return location.pathname === '{path}'")).await;
        let h1 = b.text("article h1").await;
        assert!(h1.contains(&section.title), "section {i}: {h1}");
        let current = b.text(".sidebar a[aria-current='page']").await;
        let numbered = authority.sections.iter().find(|s| s.id == section.id).unwrap().numbered_title();
        assert_eq!(current, numbered, "the procedure's own number, if it gives one");
        let title = b.eval("return document.title").await;
        assert!(
            title.as_str().unwrap().starts_with(&format!("{} – {}", section.title, authority.short_name)),
            "{title}"
        );
        b.assert_accessible(&path).await;
        match b.client.find(Locator::Css("a.pager-next")).await {
            Ok(next) => next.click().await.unwrap(),
            Err(_) => assert_eq!(i, procedure.sections.len() - 1, "no Next link before the last section"),
        }
    }
    for section in procedure.sections.iter().rev().skip(1) {
        b.click("a.pager-previous").await;
        b.wait_until(&format!("return location.pathname === '/a/{slug}/{}'", section.id)).await;
    }
    assert!(b.client.find(Locator::Css("a.pager-previous")).await.is_err(), "the first section has no Previous link");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arrow_keys_move_between_sections() {
    let Some((server, b)) = support::setup().await else { return };
    let (authority, procedure) =
        support::content().into_iter().find(|(_, p)| p.sections.len() >= 3).expect("an authority with three sections");
    let slug = authority.slug;
    let ids: Vec<&str> = procedure.sections.iter().map(|s| s.id.as_str()).collect();
    b.open(&server.url(&format!("/a/{slug}/{}", ids[1])), "article h1").await;
    let body = b.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys(&Key::Right.to_string()).await.unwrap();
    b.wait_until(&format!("return location.pathname === '/a/{slug}/{}'", ids[2])).await;
    let body = b.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys(&Key::Left.to_string()).await.unwrap();
    b.wait_until(&format!("return location.pathname === '/a/{slug}/{}'", ids[1])).await;
    body.send_keys(&Key::Left.to_string()).await.unwrap();
    b.wait_until(&format!("return location.pathname === '/a/{slug}/{}'", ids[0])).await;
    // On the first section ← has nowhere to go: the page stays.
    let body = b.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys(&Key::Left.to_string()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(b.eval("return location.pathname").await, format!("/a/{slug}/{}", ids[0]));
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deep_link_to_a_heading_survives_a_reload() {
    let Some((server, b)) = support::setup().await else { return };
    let (authority, section) = support::content()
        .into_iter()
        .find_map(|(a, p)| p.sections.into_iter().find(|s| !s.headings.is_empty()).map(|s| (a, s)))
        .expect("a section with headings");
    let heading = &section.headings[0];
    let url = server.url(&format!("/a/{}/{}#{}", authority.slug, section.id, heading.id));
    b.open(&url, &format!("#{}", heading.id)).await;
    b.client.refresh().await.unwrap();
    let h = b.text(&format!("#{}", heading.id)).await;
    assert!(h.contains(&heading.title), "{h}");
    b.wait_for(&format!("#{} a.anchor", heading.id)).await;
    // The link is relative to the site's base, so it must resolve to this very URL.
    let anchor = b.eval(&format!("return document.querySelector('#{} a.anchor').href", heading.id)).await;
    assert_eq!(anchor.as_str().unwrap(), url);
    let title = b.eval("return document.title").await;
    assert!(title.as_str().unwrap().contains(&authority.short_name), "{title}");
    let source = b.text(".source-line").await;
    assert!(source.contains(&section.source), "{source}");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_authorities_and_sections_show_not_found() {
    let Some((server, b)) = support::setup().await else { return };
    let first = &support::slugs()[0];
    assert!(!support::slugs().contains(&"atlantis".to_owned()));
    let cases = [
        ("/no/such/page".to_owned(), "Page not found", "/no/such/page"),
        ("/a/atlantis".to_owned(), "Authority not found", "atlantis"),
        (format!("/a/{first}/no-such-section"), "Section not found", "no-such-section"),
    ];
    for (path, heading, named) in cases {
        b.open(&server.url(&path), ".not-found h1").await;
        assert_eq!(b.text(".not-found h1").await, heading);
        let text = b.text(".not-found").await;
        assert!(text.contains(named), "{path}: {text}");
        let links = b.client.find_all(Locator::Css(".not-found a")).await.unwrap();
        assert!(links.len() >= 2, "{path}: the not-found page links onward");
        b.assert_accessible(&path).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn display_settings_survive_a_reload() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url(&format!("/a/{}", support::slugs()[0])), ".contents").await;
    let has = |class: &str| format!("return document.documentElement.classList.contains('{class}')");
    assert_eq!(b.eval(&has("high-visibility")).await, false);
    let toggle = b.client.find(Locator::XPath("//button[contains(., 'High visibility')]")).await.unwrap();
    toggle.click().await.unwrap();
    b.wait_until(&has("high-visibility")).await;
    b.client.refresh().await.unwrap();
    b.wait_for(".contents").await;
    assert_eq!(b.eval(&has("high-visibility")).await, true);
    assert_eq!(b.eval(&has("large-text")).await, false);
    let pressed = b.client.find(Locator::XPath("//button[contains(., 'High visibility')]")).await.unwrap();
    assert_eq!(pressed.attr("aria-pressed").await.unwrap().as_deref(), Some("true"));
    b.assert_accessible("an authority page in high visibility").await;
    // Corrupt saved state falls back to the defaults rather than breaking the page.
    b.eval("localStorage.setItem('cin-explorer.display', '{oops'); return true").await;
    b.client.refresh().await.unwrap();
    b.wait_for(".contents").await;
    assert_eq!(b.eval(&has("high-visibility")).await, false);
    // "Clear what this site keeps" in the footer removes every saved setting, turns the display back, and says so.
    b.client.find(Locator::XPath("//button[contains(., 'Large')]")).await.unwrap().click().await.unwrap();
    b.wait_until(&has("large-text")).await;
    b.eval("localStorage.setItem('cin-explorer.wizard.x', 'at=plan'); return true").await;
    b.client.find(Locator::Css(".site-footer [data-action='forget']")).await.unwrap().click().await.unwrap();
    b.wait_until("return document.querySelector('.site-footer .forgotten').textContent.includes('2 saved items')")
        .await;
    assert_eq!(b.eval(&has("large-text")).await, false);
    let kept = "return Object.keys(localStorage).filter(k => k.startsWith('cin-explorer.')).length";
    assert_eq!(b.eval(kept).await, 0);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_content_file_is_named_and_can_be_retried() {
    let Some((server, b)) = support::setup().await else { return };
    server.set_override("/data/catalogue.json", 200, "[{ \"slug\": \"york\", oops");
    b.open(&server.url("/"), ".load-failed").await;
    let message = b.text(".load-failed").await;
    assert!(message.contains("data/catalogue.json"), "{message}");
    assert!(message.contains("not valid JSON"), "{message}");
    b.assert_accessible("/ with a broken file").await;
    server.clear_overrides();
    b.client.find(Locator::XPath("//button[normalize-space()='Try again']")).await.unwrap().click().await.unwrap();
    b.wait_for(".cards li").await;

    let last = support::slugs().pop().unwrap();
    server.set_override(&format!("/data/{last}.json"), 500, "server error");
    // Opened in the app (opened at its own address, the written page would stay: the app only makes it again).
    b.click(&format!("main .cards a[href='a/{last}']")).await;
    b.wait_for(".load-failed").await;
    let message = b.text(".load-failed").await;
    assert!(message.contains(&format!("data/{last}.json")), "{message}");
    assert!(message.contains("500"), "{message}");
    server.clear_overrides();
    b.client.find(Locator::XPath("//button[normalize-space()='Try again']")).await.unwrap().click().await.unwrap();
    b.wait_for(".contents").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_markdown_is_shown_as_text() {
    let Some((server, b)) = support::setup().await else { return };
    // The hostile text goes through the same publishing step as real content, then to the browser.
    let all = support::all();
    let mut entry = all.entries[0].clone();
    let slug = entry.authority.slug.clone();
    entry.procedure.sections[0].body = "<script>document.title='pwned'</script>\n\n<img src=x onerror=\"document.title='pwned'\">\n\n[click me](javascript:document.title='pwned')\n".into();
    let first = entry.procedure.sections[0].clone();
    let data = serde_json::to_string(&authority_data(&entry, &TermFinder::new(&all.glossary))).unwrap();
    server.set_override(&format!("/data/{slug}.json"), 200, &data);
    b.open(&server.url(&format!("/a/{slug}/{}", first.id)), ".prose").await;
    let prose = b.text(".prose").await;
    assert!(prose.contains("<script>") && prose.contains("<img src=x"), "{prose}");
    assert_eq!(b.eval("return document.querySelectorAll('.prose script, .prose img').length").await, 0);
    assert_eq!(b.eval("return document.querySelectorAll('.prose a[href^=\"javascript\"]').length").await, 0);
    assert!(b.eval("return document.title").await.as_str().unwrap() != "pwned");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_works_under_a_sub_path() {
    let server = Server::start(support::built("target/dist-sub"), "/cin");
    let Some(b) = Browser::start().await else { return };
    let (authority, procedure) =
        support::content().into_iter().find(|(_, p)| p.sections.len() >= 3).expect("an authority with three sections");
    let slug = authority.slug;
    let second = &procedure.sections[1];
    b.open(&server.url(&format!("/a/{slug}/{}", second.id)), "article h1").await;
    assert!(b.text("article h1").await.contains(&second.title));
    b.click("a.pager-next").await;
    let third = &procedure.sections[2];
    b.wait_until(&format!("return location.pathname === '/cin/a/{slug}/{}'", third.id)).await;
    b.client.refresh().await.unwrap();
    assert!(b.text("article h1").await.contains(&third.title));
    let home = b.eval("return document.querySelector('.site-name').href").await;
    assert_eq!(home, serde_json::json!(server.url("/")), "the site's name leads to the start page under the sub-path");
    let outside = b
        .eval("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href).filter(h => !h.startsWith(location.origin + '/cin/'))")
        .await;
    assert_eq!(outside, serde_json::json!([]), "every link resolves under the sub-path");
    let terms = b.eval("return document.querySelectorAll('.prose a.term').length").await;
    assert!(terms.as_u64().unwrap() > 0, "the section links its terms to the glossary");
    // The skip link moves focus to <main> without leaving the page.
    b.eval("document.querySelector('.skip-link').click(); return true").await;
    b.wait_until("return document.activeElement && document.activeElement.id === 'main'").await;
    assert_eq!(b.eval("return location.pathname").await, format!("/cin/a/{slug}/{}", third.id));
    // The background worker and its data load from under the sub-path too.
    let slugs = support::slugs();
    b.open(
        &server.url(&format!("/compare?a={}", slugs[..2.min(slugs.len())].join(","))),
        ".matrix tbody tr[data-topic]",
    )
    .await;
    b.open(&server.url("/search?q=care+team"), ".results li").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn section_pages_show_the_rules_that_cite_them() {
    let Some((server, b)) = support::setup().await else { return };
    for (authority, _) in support::content() {
        let rules = support::rules(&authority.slug);
        let rule = rules.iter().find(|r| !r.cites.is_empty()).expect("a rule with a citation");
        let section = &rule.cites[0];
        b.open(&server.url(&format!("/a/{}/{section}", authority.slug)), ".rule-card").await;
        let expected = rules.iter().filter(|r| r.cites.contains(section)).count();
        let cards = b.client.find_all(Locator::Css(".section-rules .rule-card")).await.unwrap();
        assert_eq!(cards.len(), expected, "{} {section}", authority.slug);
        let card = b.text(&format!("[id='{}']", rule.id)).await;
        assert!(card.contains(&rule.summary), "{card}");
        assert!(card.contains(rule.status.label()), "{card}");
        b.assert_accessible(&format!("/a/{}/{section}", authority.slug)).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rules_page_lists_every_topic_and_what_is_not_stated() {
    let Some((server, b)) = support::setup().await else { return };
    for (authority, _) in support::content() {
        let rules = support::rules(&authority.slug);
        b.open(&server.url(&format!("/a/{}/rules", authority.slug)), ".rules-page .topic").await;
        let cards = b.client.find_all(Locator::Css(".rules-page .rule-card")).await.unwrap();
        assert_eq!(cards.len(), rules.len(), "{}", authority.slug);
        for rule in rules.iter().filter(|r| r.status == cin_procedure_explorer::model::Status::NotStated) {
            let shown = b
                .eval(&format!(
                    "return document.querySelector(\".rules-page [data-topic='{}'][data-status='not_stated']\") !== null",
                    rule.topic
                ))
                .await;
            assert_eq!(shown, true, "{}: not-stated {} shown", authority.slug, rule.topic);
        }
        let title = b.eval("return document.title").await;
        assert!(title.as_str().unwrap().starts_with(&format!("Rules – {}", authority.short_name)), "{title}");
        b.assert_accessible(&format!("/a/{}/rules", authority.slug)).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_glossary_link_in_a_section_opens_its_entry() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    // The first section whose published text links a glossary term.
    let (entry, section) = all
        .entries
        .iter()
        .find_map(|e| {
            let data = authority_data(e, &TermFinder::new(&all.glossary));
            let id = data.sections.iter().find(|s| s.html.contains("class=\"term\""))?.id.clone();
            Some((e, e.procedure.sections.iter().find(|s| s.id == id)?))
        })
        .expect("a section that links a glossary term");
    b.open(&server.url(&format!("/a/{}/{}", entry.authority.slug, section.id)), ".prose a.term").await;
    let link = b.wait_for(".prose a.term").await;
    let href = link.attr("href").await.unwrap().unwrap();
    let id = href.strip_prefix("glossary/").unwrap_or_else(|| panic!("term link {href}")).to_owned();
    let term = all.glossary.iter().find(|t| t.id == id).unwrap();
    link.click().await.unwrap();
    b.wait_until(&format!("return location.pathname === '/glossary/{id}'")).await;
    b.wait_for(".glossary-term h1").await;
    assert_eq!(b.text(".glossary-term h1").await, term.term);
    assert!(b.text(".glossary-term").await.contains(&term.definition));
    let used_by = b.text(".used-by").await;
    assert!(used_by.contains(&entry.authority.name), "{used_by}");
    b.assert_accessible(&format!("/glossary/{id}")).await;

    b.open(&server.url("/glossary"), ".letter-group").await;
    let entries = b.client.find_all(Locator::Css(".glossary-entry")).await.unwrap();
    assert_eq!(entries.len(), all.glossary.len());
    b.assert_accessible("/glossary").await;
    let filter = b.wait_for("#glossary-filter").await;
    filter.send_keys("team around").await.unwrap();
    b.wait_until("return document.querySelectorAll('.glossary-entry').length === 1").await;
    assert!(b.text(".glossary-entry").await.starts_with("TAC"));

    b.open(&server.url("/glossary/no-such-term"), ".glossary-term h1").await;
    assert_eq!(b.text(".glossary-term h1").await, "Term not found");
    b.quit().await;
}

/// Opens `url` inside the running app, as a click on a link to it would (the router takes the click), and waits up
/// to five seconds until `<main>` holds `selector` and nothing of it is loading; whether it did.
async fn click_through(b: &Browser, url: &str, selector: &str) -> bool {
    let script = r#"
        const [url, selector, done] = arguments;
        const a = document.createElement('a');
        a.href = url;
        document.body.appendChild(a);
        a.click();
        a.remove();
        const start = performance.now();
        const poll = () => {
            const main = document.querySelector('main');
            if (main && !main.querySelector('.loading') && main.querySelector(selector)) return done(true);
            if (performance.now() - start > 5000) return done(false);
            setTimeout(poll, 10);
        };
        poll();
    "#;
    let came = b.client.execute_async(script, vec![url.into(), selector.into()]).await;
    came.unwrap_or_else(|e| panic!("open {url} in the app: {e}")) == serde_json::Value::Bool(true)
}

/// A page opened in the app gets its address, and prints it. An address that names the page already shown, spelt
/// differently, still becomes the address. The browser writes at most 200 history entries in ten seconds and
/// silently drops the rest: a page opened in the app meanwhile (here a section with `highlight=`, after the
/// side-by-side view and a not-found page, as the injection catalogue opens it) must still print its own address,
/// not the one the address bar kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_opened_in_the_app_prints_its_own_address_even_when_the_browser_keeps_the_old_one() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    let first = &all.entries[0];
    let (slug, section) = (&first.authority.slug, &first.procedure.sections[0].id);
    let other = &all.entries[all.entries.len() - 1].authority.slug;
    let printed = "return document.querySelector('main .print-only').textContent";
    b.open(&server.url("/"), ".cards li").await;

    let plain = format!("/a/{slug}/{section}");
    assert!(click_through(&b, &server.url(&plain), ".prose").await, "the section renders");
    b.wait_until(&format!("return location.pathname === '{plain}'")).await;
    let spelt = format!("{plain}/");
    assert!(click_through(&b, &server.url(&spelt), ".prose").await, "the section is still shown");
    b.wait_until(&format!("return location.pathname === '{spelt}'")).await;

    let beside = server.url(&format!("/a/{slug}/{section}?with={other}"));
    assert!(click_through(&b, &beside, ".compare-sections h1").await, "the side-by-side view renders");
    assert!(click_through(&b, &server.url("/__neutral__"), ".not-found").await, "the not-found page renders");
    // Use up the browser's allowance (twice over, in case it starts afresh midway), so the next entry is dropped.
    b.eval("for (let i = 0; i < 400; i++) history.replaceState(history.state, '', location.href); return true").await;
    let path = format!("{plain}?highlight=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    assert!(click_through(&b, &server.url(&path), ".prose").await, "the section renders");
    assert_eq!(b.eval("return location.pathname").await, "/__neutral__", "the browser kept the old address");
    let printed = b.eval(printed).await;
    // Written as the site writes the route's address, which may escape other characters than the link did.
    let decode = cin_procedure_explorer::query::decode;
    assert!(
        decode(printed.as_str().unwrap()).ends_with(&decode(&path)),
        "the section prints its own address: {printed}"
    );
    b.quit().await;
}
