//! Asking the background worker for a page: the worker (and its WebAssembly) is started the first time a page
//! needs it, and each answer goes to the request that asked for it. If the worker cannot start (a file of it is
//! missing, is not what it should be, or fails to run), or a request gets no answer within [`ANSWER_WITHIN_MS`],
//! every waiting request is answered with a page that says what failed and offers to try again, and the worker is
//! stopped so that trying again starts a new one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::fetch::after;
use super::{browser, place};
use crate::background::{load_failed, read_reply, request, READY};
use crate::html::Html;
use crate::model::LoadError;
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Held, Want};
use crate::render::frame::loading_html;

/// The requests waiting for an answer, by number.
type Waiting = Rc<RefCell<Vec<(u32, Box<dyn FnOnce(Answer)>)>>>;

struct Client {
    worker: web_sys::Worker,
    waiting: Waiting,
    /// Requests written before the worker said it listens, sent when it does; `None` once it has.
    unsent: Rc<RefCell<Option<Vec<String>>>>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// The worker's loader script, at the site root.
const LOADER: &str = "worker_loader.js";

/// How long a request may wait for its answer, in milliseconds (starting the worker and loading its data
/// included), before the page says the worker did not answer.
pub const ANSWER_WITHIN_MS: i32 = 10_000;

fn answer_all(waiting: &Waiting, page: &Answer) {
    let callbacks: Vec<_> = waiting.borrow_mut().drain(..).collect();
    for (_, then) in callbacks {
        then(page.clone());
    }
}

fn cannot_start() -> LoadError {
    LoadError::new(LOADER, "the background worker could not start in this browser")
}

/// The failure a worker's `error` event reports: the loader names the file that failed (`worker.js could not be
/// loaded: …`); anything else is the worker's own error.
fn failed_to_run(event: &web_sys::Event) -> LoadError {
    let message = js_sys::Reflect::get(event, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
    let message = message.unwrap_or_default();
    let message = message.trim_start_matches("Uncaught ").trim_start_matches("Error: ");
    match message.split_once(" could not be loaded: ") {
        Some((file, why)) => LoadError::new(file, format!("the background worker could not load it ({why})")),
        None if message.is_empty() => cannot_start(),
        None => LoadError::new(LOADER, format!("the background worker stopped with an error ({message})")),
    }
}

fn no_answer() -> LoadError {
    LoadError::new(LOADER, format!("the background worker did not answer within {} seconds", ANSWER_WITHIN_MS / 1000))
}

/// Stops the worker whose requests are `waiting` (if it is still the current one, so the next request starts a new
/// one) and answers every request still waiting with the failure.
fn give_up(waiting: &Waiting, error: &LoadError) {
    let stopped = CLIENT.with(|c| {
        let mut current = c.borrow_mut();
        let mine = current.as_ref().is_some_and(|client| Rc::ptr_eq(&client.waiting, waiting));
        if mine {
            current.take()
        } else {
            None
        }
    });
    if let Some(client) = stopped {
        client.worker.terminate();
    }
    answer_all(waiting, &Answer::Page(load_failed(error)));
}

fn start() -> Result<Client, LoadError> {
    let worker = web_sys::Worker::new(&format!("{}/{LOADER}", browser::base_path())).map_err(|_| cannot_start())?;
    let waiting: Waiting = Rc::new(RefCell::new(Vec::new()));
    let unsent: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let (list, queue, sender) = (waiting.clone(), unsent.clone(), worker.clone());
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        if text == READY {
            for request in queue.borrow_mut().take().unwrap_or_default() {
                let _ = sender.post_message(&JsValue::from_str(&request));
            }
            return;
        }
        let Some((seq, page)) = read_reply(&text) else { return };
        let then = {
            let mut list = list.borrow_mut();
            list.iter().position(|(s, _)| *s == seq).map(|i| list.remove(i).1)
        };
        if let Some(then) = then {
            then(page);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let list = waiting.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        give_up(&list, &failed_to_run(&event));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Client { worker, waiting, unsent })
}

/// Asks the worker for what it should make of `route`; `then` gets the answer.
pub fn ask(want: Want, route: &Route, then: impl FnOnce(Answer) + 'static) {
    ask_holding(want, route, &Held::default(), then);
}

/// Asks the worker for what it should make of `route`, sending what the page holds beside it (saved progress, a
/// form just sent); `then` gets the answer.
pub fn ask_holding(want: Want, route: &Route, held: &Held, then: impl FnOnce(Answer) + 'static) {
    let seq = NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let then: Box<dyn FnOnce(Answer)> = Box::new(then);
    let held = Held { base: browser::site_address(), ..held.clone() };
    let refused = CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        if client.is_none() {
            match start() {
                Ok(started) => *client = Some(started),
                Err(error) => return Some((then, error)),
            }
        }
        if let Some(client) = client.as_ref() {
            client.waiting.borrow_mut().push((seq, then));
            let waiting = client.waiting.clone();
            after(ANSWER_WITHIN_MS, move || {
                if waiting.borrow().iter().any(|(s, _)| *s == seq) {
                    give_up(&waiting, &no_answer());
                }
            });
            let text = request(seq, want, route, &held);
            match client.unsent.borrow_mut().as_mut() {
                Some(unsent) => unsent.push(text),
                None => {
                    let _ = client.worker.post_message(&JsValue::from_str(&text));
                }
            }
        }
        None
    });
    if let Some((then, error)) = refused {
        then(Answer::Page(load_failed(&error)));
    }
}

/// A page made in the worker. Whenever the signals `request` reads change (and on retry), asks for the route it
/// gives (nothing while it gives `None`) and puts the answer in the returned HTML signal, showing only
/// the answer to the latest request; sets the title, puts the page back where the reader left it (Back, Forward, a
/// reload: [`place::shown`]) or follows the address's `#fragment`, and gives focus back to
/// the control that had it. The callback retries.
pub fn worker_html(request: impl Fn() -> Option<Route> + Send + Sync + 'static) -> (RwSignal<Html>, Callback<()>) {
    let (html, retry, _) = worker_html_holding(request, Callback::new(|_| String::new()), Callback::new(|_| ()));
    (html, retry)
}

/// Sends a form's fields (name–value pairs) to the worker with the next request.
pub type SendForm = Callback<Vec<(String, String)>>;

/// As [`worker_html`], for a page whose state the browser keeps: each request carries what `saved` gives for its
/// route, and the form sent with the third callback (once); what an answer asks the browser to keep goes to `keep`
/// with the route it was asked for. After a form is sent, focus moves to the answer's error summary, its
/// `#feedback`, or its heading; when the worker answers with an address to go to, the page goes there, and focus
/// moves to the new page's content once it is shown.
pub fn worker_html_holding(
    request: impl Fn() -> Option<Route> + Send + Sync + 'static,
    saved: Callback<Route, String>,
    keep: Callback<(Route, String)>,
) -> (RwSignal<Html>, Callback<()>, SendForm) {
    let navigate = use_navigate();
    let moved = StoredValue::new(false);
    let html = RwSignal::new(loading_html());
    let retries = RwSignal::new(0u32);
    let sends = RwSignal::new(0u32);
    let form = StoredValue::new(Vec::<(String, String)>::new());
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        retries.track();
        sends.track();
        let Some(route) = request() else { return };
        let form = form.try_update_value(std::mem::take).unwrap_or_default();
        let held = Held { saved: saved.run(route.clone()), form, ..Held::default() };
        let sent = !held.form.is_empty();
        let focus = browser::focused_id();
        let mine = latest.get_value() + 1;
        latest.set_value(mine);
        browser::set_busy(true);
        let asked = route.clone();
        let navigate = navigate.clone();
        ask_holding(Want::Page, &route, &held, move |answer| {
            let page = match answer {
                Answer::Page(page) => page,
                Answer::Kept(page, kept) => {
                    keep.run((asked, kept));
                    page
                }
                Answer::Go(href) if latest.get_value() == mine => {
                    moved.set_value(true);
                    navigate(&format!("/{href}"), NavigateOptions { scroll: true, ..Default::default() });
                    return;
                }
                Answer::Go(_) | Answer::File { .. } | Answer::Update(_) => return,
            };
            if latest.get_value() != mine {
                return;
            }
            browser::set_title(&page.title);
            html.set(page.html);
            browser::set_busy(false);
            let arrived = moved.try_update_value(std::mem::take).unwrap_or_default();
            request_animation_frame(move || {
                if sent {
                    browser::focus_first(&["#error-summary", "#feedback", "main h1"]);
                } else if arrived {
                    browser::focus_main();
                } else if let Some(id) = focus {
                    browser::focus_again(&id);
                }
                place::shown();
            });
        });
    });
    let retry = Callback::new(move |_| {
        html.set(loading_html());
        retries.update(|n| *n += 1);
    });
    let send = Callback::new(move |pairs: Vec<(String, String)>| {
        form.set_value(pairs);
        sends.update(|n| *n += 1);
    });
    (html, retry, send)
}
