// The site's service worker: after one visit every file of this build is kept in a cache of its own, so every page
// opens with no network (the written pages, the page the app starts from, the wasm, the worker and the data).
// The publish step writes it into the built site with the build's version and its files (src/offline.rs): a new
// build is a new service worker, which waits until the page says to take over ("A new version is available"), so
// one page never mixes files of two builds. Served from the site's base, it answers only for addresses under it.
"use strict";

var VERSION = "__VERSION__";
var FILES = __FILES__;
var CACHE = "cin-explorer-" + VERSION;
var SCOPE = new URL(self.registration.scope);

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(FILES.map(function (file) { return new Request(new URL(file, SCOPE), { cache: "reload" }); }));
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) { return name.indexOf("cin-explorer-") === 0 && name !== CACHE; })
          .map(function (name) { return caches.delete(name); })
      );
    })
  );
});

self.addEventListener("message", function (event) {
  if (event.data === "take-over") {
    self.skipWaiting();
  }
});

// The file of this build that answers a path under the site's base: the file itself, else the page written for
// the address ("a/x" → "a/x.html"), else the page the app starts from.
function fileFor(url) {
  var path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length)).replace(/\/$/, "");
  if (path === "" || path === "index.html") {
    return "index.html";
  }
  if (FILES.indexOf(path) >= 0) {
    return path;
  }
  if (FILES.indexOf(path + ".html") >= 0) {
    return path + ".html";
  }
  return "__SHELL__";
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin || url.pathname.indexOf(SCOPE.pathname) !== 0) {
    return;
  }
  var file = request.mode === "navigate" ? fileFor(url) : decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  if (FILES.indexOf(file) < 0) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(new URL(file, SCOPE).href).then(function (kept) {
        return kept || fetch(request);
      });
    })
  );
});
