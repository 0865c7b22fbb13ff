//! The worker's end of the page's messages, shared by the background worker ([`super::worker`]) and the search
//! worker ([`super::search_worker`]): listening, reading a request (and noting the newest of its lane), knowing
//! whether a newer one has replaced it, and answering.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::background::{read_request, reply, Newest, READY};
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Held, Want};

thread_local! {
    /// The number of the newest request seen in each lane.
    static NEWEST: RefCell<Newest> = RefCell::new(Newest::default());
}

/// A request read from the page: its number, its lane, what it wants, its route and what the page holds beside it.
pub type Request = (u32, Option<u32>, Want, Route, Held);

/// Hands every message the page sends to `handle`, then tells the page the worker listens (messages sent before
/// the handler was set are lost: the page waits for this before it sends any).
pub fn listen(handle: impl Fn(String) + 'static) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if let Some(text) = event.data().as_string() {
            handle(text);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The request a message holds, noted as the newest of its lane; `None` if the message is not a request.
pub fn read(text: &str) -> Option<Request> {
    let request = read_request(text)?;
    NEWEST.with(|newest| newest.borrow_mut().seen(request.1, request.0));
    Some(request)
}

/// Sends the page `answer` to request `seq` of `lane`, unless a newer request of that lane has arrived since.
pub fn answer(seq: u32, lane: Option<u32>, answer: &Answer) {
    if superseded(seq, lane) {
        return;
    }
    post(&reply(seq, answer));
}

/// Sends the page a message.
pub fn post(text: &str) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&JsValue::from_str(text));
}

/// Whether a newer request of `lane` than `seq` has arrived.
pub fn superseded(seq: u32, lane: Option<u32>) -> bool {
    NEWEST.with(|newest| newest.borrow().superseded(lane, seq))
}
