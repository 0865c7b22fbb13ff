// Starts the background worker (compare and search): loads its wasm-bindgen glue, then its WebAssembly. A file that
// fails is reported as an uncaught error naming it, which the page receives as the worker's `error` event.
try {
  importScripts("./worker.js");
} catch (e) {
  throw new Error("worker.js could not be loaded: " + e.message);
}
wasm_bindgen({ module_or_path: "./worker_bg.wasm" }).catch((e) =>
  setTimeout(() => {
    throw new Error("worker_bg.wasm could not be loaded: " + e.message);
  }),
);
