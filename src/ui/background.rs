//! Asking the background worker for a page: the worker (and its WebAssembly) is started once the page is idle after
//! the first start, not-found or reading page is shown ([`warm_when_idle`]), or by the first request that needs it,
//! whichever comes first (a request for a page already on screen, written at publish time, waits for the browser to
//! be idle); each answer goes to the request that asked for it. A search results page asked before the background
//! worker has started starts the search worker instead ([`Kind`]), a fraction of its size, which then answers the
//! searches until the background worker starts; it is stopped then, once nothing waits for it. On a results page's
//! address `boot.js` starts the search worker before the app has loaded, and the app takes that one on
//! ([`started_early`]). Requests asked in a [`Lane`] replace the ones of that lane still waiting, which are then
//! neither sent nor answered. If the worker cannot start (a file of it is
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
use super::{browser, place, prerendered};
use crate::background::{
    is_load_failure, load_failed, read_reply, request, warm, Pending, READY, SEARCH_LOADER_META, WORKER_LOADER_META,
};
use crate::html::Html;
use crate::model::LoadError;
use crate::pages::route::Route;
use crate::pages::worker::{search_scope, Answer, Held, Want};
use crate::pages::{side, Side};
use crate::render::frame::loading_html;

/// The requests waiting for an answer.
type Waiting = Rc<RefCell<Pending<Box<dyn FnOnce(Answer)>>>>;

/// Messages written before the worker said it listens (each with the lane of its request, if any), sent when it
/// does; `None` once it has.
type Unsent = Rc<RefCell<Option<Vec<(Option<u32>, String)>>>>;

/// Which worker: the background worker, which makes every page made in the background, or the search worker,
/// which answers searches alone (`crate::ui::search_worker`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Background,
    Search,
}

impl Kind {
    /// The `<meta>` that names its loader.
    fn meta(self) -> &'static str {
        match self {
            Kind::Background => WORKER_LOADER_META,
            Kind::Search => SEARCH_LOADER_META,
        }
    }

    /// What the page calls it when it fails.
    fn noun(self) -> &'static str {
        match self {
            Kind::Background => "the background worker",
            Kind::Search => "the search worker",
        }
    }

    /// Its loader script, as the page names it (with its hash), relative to the site root.
    fn loader(self) -> String {
        browser::meta_content(self.meta()).unwrap_or_default()
    }

    /// The running worker of this kind, if any.
    fn slot(self) -> &'static std::thread::LocalKey<RefCell<Option<Client>>> {
        match self {
            Kind::Background => &CLIENT,
            Kind::Search => &SEARCHER,
        }
    }

    /// Whether a worker of this kind runs.
    fn running(self) -> bool {
        self.slot().with(|c| c.borrow().is_some())
    }
}

struct Client {
    worker: web_sys::Worker,
    waiting: Waiting,
    unsent: Unsent,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static SEARCHER: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
    static NEXT_LANE: Cell<u32> = const { Cell::new(0) };
    static WARMING: Cell<bool> = const { Cell::new(false) };
}

/// How long a request may wait for its answer, in milliseconds (starting the worker and loading its data
/// included), before the page says the worker did not answer.
pub const ANSWER_WITHIN_MS: i32 = 10_000;

/// One place on the page that asks the worker again and again (the header's search box, a page made in the worker):
/// only its newest request is worth answering, so asking in a lane drops the requests of that lane still waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lane(u32);

impl Lane {
    /// A lane of its own, for one place on the page.
    pub fn open() -> Lane {
        Lane(NEXT_LANE.with(|n| {
            n.set(n.get() + 1);
            n.get()
        }))
    }
}

fn answer_all(waiting: &Waiting, page: &Answer) {
    let all = waiting.borrow_mut().all();
    for then in all {
        then(page.clone());
    }
}

fn cannot_start(kind: Kind) -> LoadError {
    LoadError::new(kind.loader(), format!("{} could not start in this browser", kind.noun()))
}

/// The failure a worker's `error` event reports: the loader names the file that failed (`worker-….js could not be
/// loaded: …`); anything else is the worker's own error.
fn failed_to_run(kind: Kind, event: &web_sys::Event) -> LoadError {
    let message = js_sys::Reflect::get(event, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
    let message = message.unwrap_or_default();
    let message = message.trim_start_matches("Uncaught ").trim_start_matches("Error: ");
    match message.split_once(" could not be loaded: ") {
        Some((file, why)) => LoadError::new(file, format!("{} could not load it ({why})", kind.noun())),
        None if message.is_empty() => cannot_start(kind),
        None => LoadError::new(kind.loader(), format!("{} stopped with an error ({message})", kind.noun())),
    }
}

fn no_answer(kind: Kind) -> LoadError {
    let within = ANSWER_WITHIN_MS / 1000;
    LoadError::new(kind.loader(), format!("{} did not answer within {within} seconds", kind.noun()))
}

/// Stops the worker of `kind` whose requests are `waiting` (if it is still the running one, so the next request
/// starts a new one) and answers every request still waiting with the failure.
fn give_up(kind: Kind, waiting: &Waiting, error: &LoadError) {
    let stopped = kind.slot().with(|c| {
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

/// The name under which `boot.js` leaves the search worker it started early, with whether the worker has said it
/// listens and the error it reported, if any.
const EARLY: &str = "cinEarlySearch";

/// A search worker `boot.js` started before the app.
struct Early {
    worker: web_sys::Worker,
    listens: bool,
    error: Option<web_sys::Event>,
}

/// The search worker `boot.js` started early, taken over (so only the first start finds it).
fn started_early() -> Option<Early> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(EARLY);
    let early = js_sys::Reflect::get(&window, &key).ok().filter(JsValue::is_object)?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let field = |name: &str| js_sys::Reflect::get(&early, &JsValue::from_str(name)).ok();
    Some(Early {
        worker: field("worker")?.dyn_into().ok()?,
        listens: field("ready").and_then(|r| r.as_bool()).unwrap_or(false),
        error: field("error").and_then(|e| e.dyn_into().ok()),
    })
}

/// Starts a worker of `kind`, or takes on the search worker `boot.js` started. Once the background worker starts,
/// the search worker is stopped if nothing waits for it: the background worker answers the searches from then on.
fn start(kind: Kind) -> Result<Client, LoadError> {
    let name = kind.loader();
    if name.is_empty() {
        return Err(LoadError::new(
            format!("<meta name=\"{}\">", kind.meta()),
            format!("the page does not name {}'s files", kind.noun()),
        ));
    }
    let early = if kind == Kind::Search { started_early() } else { None };
    let (worker, listens) = match early {
        Some(Early { worker, error: Some(event), .. }) => {
            worker.terminate();
            return Err(failed_to_run(kind, &event));
        }
        Some(Early { worker, listens, error: None }) => (worker, listens),
        None => {
            let url = format!("{}/{name}", browser::base_path());
            (web_sys::Worker::new(&url).map_err(|_| cannot_start(kind))?, false)
        }
    };
    let waiting: Waiting = Rc::default();
    let unsent: Unsent = Rc::new(RefCell::new((!listens).then(Vec::new)));
    let (list, queue, sender) = (waiting.clone(), unsent.clone(), worker.clone());
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        if text == READY {
            for (_, message) in queue.borrow_mut().take().unwrap_or_default() {
                let _ = sender.post_message(&JsValue::from_str(&message));
            }
            return;
        }
        let Some((seq, page)) = read_reply(&text) else { return };
        let then = list.borrow_mut().answer(seq);
        if let Some(then) = then {
            then(page);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let list = waiting.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        give_up(kind, &list, &failed_to_run(kind, &event));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    if kind == Kind::Background {
        let idle = SEARCHER.with(|c| c.borrow_mut().take_if(|searcher| searcher.waiting.borrow().is_empty()));
        if let Some(searcher) = idle {
            searcher.worker.terminate();
        }
    }
    Ok(Client { worker, waiting, unsent })
}

/// The worker that should answer a request for `route`: the search worker for a search while it runs and the
/// background worker does not, or for a search results page asked before either has started; else the background
/// worker.
fn answerer(want: Want, route: &Route) -> Kind {
    let search = search_scope(route).is_some() && !Kind::Background.running();
    if search && (Kind::Search.running() || want == Want::Page) {
        Kind::Search
    } else {
        Kind::Background
    }
}

/// Sends `message` to the worker, or keeps it until the worker listens.
fn post(client: &Client, lane: Option<u32>, message: String) {
    match client.unsent.borrow_mut().as_mut() {
        Some(unsent) => unsent.push((lane, message)),
        None => {
            let _ = client.worker.post_message(&JsValue::from_str(&message));
        }
    }
}

/// Starts the worker, once the browser is idle after the first start, not-found or reading page is shown, and has
/// it load the parts of the search index the header's box needs on this page (`slug`: the authority whose pages
/// are open, or empty), then everything else: so neither the first search nor the next page made in the worker
/// waits for that, and the worker's files are fetched only after everything the first page needed. Only the first
/// call does anything. (The other pages made in the worker do not warm it: a warm-up after a failed page would only
/// hold up its Try again.)
pub fn warm_when_idle(slug: &str) {
    if WARMING.with(|w| w.replace(true)) {
        return;
    }
    let message = warm(slug);
    browser::when_idle(move || {
        CLIENT.with(|c| {
            let mut client = c.borrow_mut();
            if client.is_none() {
                *client = start(Kind::Background).ok();
            }
            if let Some(client) = client.as_ref() {
                post(client, None, message);
            }
        });
    });
}

/// Asks the worker for what it should make of `route`; `then` gets the answer.
pub fn ask(want: Want, route: &Route, then: impl FnOnce(Answer) + 'static) {
    send(None, want, route, &Held::default(), Box::new(then));
}

/// Asks the worker for what it should make of `route` in `lane`: the requests of that lane still waiting are
/// dropped, unanswered. `then` gets the answer, unless a newer request in the lane replaces this one first.
pub fn ask_in(lane: Lane, want: Want, route: &Route, then: impl FnOnce(Answer) + 'static) {
    send(Some(lane), want, route, &Held::default(), Box::new(then));
}

/// Asks the worker for what it should make of `route`, sending what the page holds beside it (saved progress, a
/// form just sent); `then` gets the answer.
pub fn ask_holding(want: Want, route: &Route, held: &Held, then: impl FnOnce(Answer) + 'static) {
    send(None, want, route, held, Box::new(then));
}

fn send(lane: Option<Lane>, want: Want, route: &Route, held: &Held, then: Box<dyn FnOnce(Answer)>) {
    let seq = NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let lane = lane.map(|Lane(id)| id);
    let held = Held { base: browser::site_address(), ..held.clone() };
    let kind = answerer(want, route);
    let refused = kind.slot().with(|c| {
        let mut client = c.borrow_mut();
        if client.is_none() {
            match start(kind) {
                Ok(started) => *client = Some(started),
                Err(error) => return Some((then, error)),
            }
        }
        if let Some(client) = client.as_ref() {
            // A request of the same lane not yet sent need never be.
            if let (Some(unsent), Some(_)) = (client.unsent.borrow_mut().as_mut(), lane) {
                unsent.retain(|(of, _)| *of != lane);
            }
            client.waiting.borrow_mut().ask(seq, lane, then);
            let waiting = client.waiting.clone();
            after(ANSWER_WITHIN_MS, move || {
                if waiting.borrow().waits_for(seq) {
                    give_up(kind, &waiting, &no_answer(kind));
                }
            });
            post(client, lane, request(seq, lane, want, route, &held));
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
    // A request that sends no form is worth answering only until the page asks again; one that sends a form is
    // always answered, since the worker acts on the form.
    let lane = Lane::open();
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
        // A section opened from a search centres its first marked word; an authority's reading page warms the
        // worker for the header's search box, as the start page does.
        let marks = matches!(&route, Route::Section { highlight: Some(_), .. });
        let reading = (side(&route) == Side::Reading).then(|| route.authority().unwrap_or_default().to_owned());
        // The page written at publish time is on screen already: the worker is asked once the browser is idle, so
        // nothing competes with the page's first paint and start.
        let served = prerendered::is_served(&route);
        let asked = route.clone();
        let navigate = navigate.clone();
        let then = move |answer| {
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
            // A reading page as written is complete without the worker: a failure to make it again leaves it.
            if served && reading.is_some() && is_load_failure(&page) {
                browser::set_busy(false);
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
                if !place::shown() && marks {
                    browser::scroll_to_centre(".prose mark");
                }
                if let Some(slug) = &reading {
                    warm_when_idle(slug);
                }
            });
        };
        let lane = (!sent).then_some(lane);
        if served && !sent {
            browser::when_idle(move || {
                if latest.get_value() == mine {
                    send(lane, Want::Page, &route, &held, Box::new(then));
                }
            });
        } else {
            send(lane, Want::Page, &route, &held, Box::new(then));
        }
    });
    let retry = Callback::new(move |_| {
        html.set(loading_html());
        retries.update(|n| *n += 1);
    });
    let send_form = Callback::new(move |pairs: Vec<(String, String)>| {
        form.set_value(pairs);
        sends.update(|n| *n += 1);
    });
    (html, retry, send_form)
}
