//! The one handler for the page's actions. A click on an element that says an [`Action`] (see
//! [`crate::render::action`]) lands here, wherever it is on the page. Printing, moving focus to a field, turning a
//! display preference and clearing what the site keeps are done here; retry, CSV, `.ics` and start again belong
//! (and saving training progress) to whichever component on screen offered them with [`offer`], for as long as it is there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use crate::prefs::{Prefs, STORAGE_KEY, STORAGE_PREFIX};
use crate::render::action::Action;

/// What a component on screen offers to do.
struct Offer {
    id: u64,
    action: Action,
    within: Option<&'static str>,
    run: Callback<()>,
}

/// The offers of the components on screen, newest last, and the last id given.
#[derive(Clone, Copy)]
struct Offers(StoredValue<(u64, Vec<Offer>)>);

/// Makes the page ready to take offers; called once, by the app.
pub fn provide() {
    provide_context(Offers(StoredValue::new((0, Vec::new()))));
}

/// Offers to do `action` while the calling component is on screen. With `within` (an element id) the offer holds
/// only for controls inside that element, and comes before offers without one.
pub fn offer(action: Action, within: Option<&'static str>, run: Callback<()>) {
    let offers = expect_context::<Offers>().0;
    let id = offers
        .try_update_value(|(last, list)| {
            *last += 1;
            list.push(Offer { id: *last, action, within, run });
            *last
        })
        .unwrap_or_default();
    on_cleanup(move || {
        offers.try_update_value(|(_, list)| list.retain(|o| o.id != id));
    });
}

/// The offer that answers `action` for a control: the newest one scoped to an element that holds the control,
/// else the newest unscoped one.
fn offered(
    offers: StoredValue<(u64, Vec<Offer>)>,
    action: &Action,
    control: &web_sys::Element,
) -> Option<Callback<()>> {
    offers.with_value(|(_, list)| {
        let holds = |id: &str| control.closest(&format!("[id='{id}']")).ok().flatten().is_some();
        let mine = list.iter().filter(|o| o.action == *action);
        let scoped = mine.clone().rev().find(|o| o.within.is_some_and(holds));
        scoped.or_else(|| mine.rev().find(|o| o.within.is_none())).map(|o| o.run)
    })
}

/// Clears what the site keeps in this browser and says how much that was in the footer.
fn forget(prefs: RwSignal<Prefs>) {
    let count = browser::forget_all(STORAGE_PREFIX);
    prefs.set(Prefs::default());
    let said = match count {
        0 => "This site was keeping nothing in this browser.".to_owned(),
        1 => "Cleared: 1 saved item removed from this browser.".to_owned(),
        n => format!("Cleared: {n} saved items removed from this browser."),
    };
    browser::set_text(".site-footer .forgotten", &said);
}

/// The page's one click handler: does what the control under a click says, if it says anything. Made once, by
/// the app, after the preferences and [`provide`].
pub fn on_click() -> impl Fn(web_sys::MouseEvent) + Copy + 'static {
    let prefs = expect_context::<RwSignal<Prefs>>();
    let offers = expect_context::<Offers>().0;
    move |event| act(&event, prefs, offers)
}

fn act(event: &web_sys::MouseEvent, prefs: RwSignal<Prefs>, offers: StoredValue<(u64, Vec<Offer>)>) {
    let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(control) = target.and_then(|t| t.closest("[data-action]").ok().flatten()) else { return };
    let Some(name) = control.get_attribute("data-action") else { return };
    let Some(action) = Action::read(&name, |attribute| control.get_attribute(attribute)) else { return };
    match action {
        Action::Print => browser::print(),
        Action::Focus(field) => {
            event.prevent_default();
            browser::focus(&field);
        }
        Action::Toggle(pref) => {
            prefs.update(|p| *p = p.toggled(pref));
            browser::store(STORAGE_KEY, &prefs.get_untracked().to_stored());
            // The header is made again: give focus back to the button that was pressed.
            request_animation_frame(move || browser::focus_selector(&format!("[data-pref='{}']", pref.id())));
        }
        Action::Forget => forget(prefs),
        Action::CopyLink => {
            let address = browser::link_address("a[data-permalink]");
            browser::copy_text(&address, |copied| {
                let said = if copied {
                    "Link copied to the clipboard."
                } else {
                    "This browser did not let the site copy: use the link beside this button instead."
                };
                browser::set_text(".copy-status", said);
            });
        }
        Action::TickAll(on) => browser::tick_all(&control, on),
        Action::Retry | Action::Csv | Action::Ics | Action::Restart | Action::SaveProgress => {
            if let Some(run) = offered(offers, &action, &control) {
                run.run(());
            }
        }
    }
}
