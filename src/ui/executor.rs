//! The executor the app's tasks run on ([`any_spawner`], which Leptos spawns its effects and resources on). Each
//! task is polled as wasm-bindgen-futures polls it, in a microtask, except while the app takes over a page written
//! at publish time: then each task started as the app mounts first waits for a task of its own (a zero-delay
//! timer), so the app's start is a run of short tasks, not one long one, and the browser can answer the reader and
//! paint between them. The written page is on screen throughout, so nothing shows half made.

use std::cell::Cell;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{spawn_local, JsFuture};

thread_local! {
    /// Whether each task started now waits for a task of its own.
    static SPREAD: Cell<bool> = const { Cell::new(false) };
}

/// The executor: wasm-bindgen-futures', with the start spread over tasks while [`SPREAD`] says so.
struct Spreading;

impl CustomExecutor for Spreading {
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        if SPREAD.get() {
            spawn_local(async move {
                next_task().await;
                fut.await;
            });
        } else {
            spawn_local(fut);
        }
    }

    fn poll_local(&self) {}
}

/// Resolves in a task of its own, after the tasks already waiting (a zero-delay timer).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window()
            .is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok());
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `mount` on this executor; when `spread`, every task it starts runs in a task of its own, in the order they
/// were started, and the tasks started after those are polled as usual again.
pub fn mount_spread(spread: bool, mount: impl FnOnce()) {
    // Leptos sets up wasm-bindgen-futures' executor when it mounts, unless one is set up already, as this is.
    let _ = Executor::init_custom_executor(Spreading);
    SPREAD.set(spread);
    mount();
    if spread {
        // Queued after the tasks the mount started: they have each had their own task when this runs.
        spawn_local(async {
            next_task().await;
            SPREAD.set(false);
        });
    }
}
