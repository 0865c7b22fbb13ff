// Starts the background worker (compare and search): loads its wasm-bindgen glue, then its WebAssembly.
importScripts("./worker.js");
wasm_bindgen({ module_or_path: "./worker_bg.wasm" });
