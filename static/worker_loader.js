// Starts the background worker (compare and search): loads its wasm-bindgen glue, then its WebAssembly. A file that
// fails is reported as an uncaught error naming it, which the page receives as the worker's `error` event. The
// build puts each file's content hash into its name and writes those names here (src/hosting.rs); the page finds
// this loader by the name the build writes into its <meta name="worker-loader">.
const glue = "./worker.js";
const wasm = "./worker_bg.wasm";
try {
  importScripts(glue);
} catch (e) {
  throw new Error(glue.slice(2) + " could not be loaded: " + e.message);
}
wasm_bindgen({ module_or_path: wasm }).catch((e) =>
  setTimeout(() => {
    throw new Error(wasm.slice(2) + " could not be loaded: " + e.message);
  }),
);
