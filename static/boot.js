// Says in words why the site could not start, instead of a blank page: no WebAssembly, a script that did not load
// or that the security policy blocked, or trunk's start-up promise rejecting (the wasm missing or not wasm). It
// fills in and shows #boot (index.html); the app removes #boot once mounted (src/main.rs), which ends this.
// Plain ES5, so that a browser too old for WebAssembly can still run it.
(function () {
  "use strict";
  var shown = false;

  // The reader's display settings (src/prefs.rs: the key, the fields and the classes), put on the page before it is
  // first drawn, so a page written at publish time does not change its colours or its text size when the app starts.
  try {
    var display = JSON.parse(window.localStorage.getItem("cin-explorer.display") || "{}") || {};
    if (display.high_visibility === true) {
      document.documentElement.className += " high-visibility";
    }
    if (display.large_text === true) {
      document.documentElement.className += " large-text";
    }
  } catch (ignored) {
    // Storage turned off or a corrupt value: the defaults, as the app reads it (Prefs::from_stored).
  }

  // A page written at publish time answers its address without a query. For an address with one (a comparison's
  // own view, a section beside another authority's), the page a static host sent is not yet this address's page,
  // so it stays hidden until the app has made the right one. Words to mark (highlight=) change nothing else.
  var queried = window.location.search.replace(/^\?/, "").split("&").filter(function (part) {
    return part !== "" && part.indexOf("highlight=") !== 0;
  });
  if (queried.length > 0) {
    document.documentElement.className += " elsewhere";
  }

  function show(title, reason, advice, detail, canReload) {
    var fill = function () {
      var box = document.getElementById("boot");
      if (!box || shown) {
        return; // shown already, or the app has started
      }
      shown = true;
      document.documentElement.className = document.documentElement.className.replace(/\s*elsewhere/g, "");
      var set = function (id, text) {
        document.getElementById(id).textContent = text;
      };
      // A page written at publish time is still there to read: the message says what does not work.
      var written = document.getElementById("prerendered") !== null;
      set("boot-title", written ? title.replace("The site could not start", "The site's tools could not start") : title);
      set("boot-reason", reason);
      set("boot-advice", written ? advice + " This page can still be read, and its links work." : advice);
      set("boot-detail", detail ? "Details: " + String(detail).slice(0, 400) : "");
      var reload = document.getElementById("boot-reload");
      reload.hidden = !canReload;
      reload.addEventListener("click", function () {
        window.location.reload();
      });
      box.hidden = false;
      document.getElementById("boot-title").focus();
    };
    whenParsed(fill);
  }

  function couldNotStart(reason, detail) {
    show(
      "The site could not start",
      reason,
      "Reload to try again. If it still does not start, the site may be being updated: try again in a few minutes.",
      detail,
      true
    );
  }

  function fromMessage(message) {
    couldNotStart(
      /WebAssembly|wasm|magic word|CompileError|LinkError/i.test(message)
        ? "The site's WebAssembly program did not load."
        : /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message)
          ? "One of the site's script files did not load."
          : "The site's program stopped with an error while starting.",
      message
    );
  }

  if (typeof WebAssembly !== "object") {
    show(
      "This browser cannot run the site",
      "CIN Procedure Explorer runs as WebAssembly, which this browser does not support or has turned off.",
      "Open the site in a current version of Firefox, Chrome, Edge or Safari.",
      "",
      false
    );
    return;
  }

  // Capture phase: a script that fails to load fires "error" at its element, and that event does not bubble.
  // Other elements' errors (a preload) are left alone: a real failure also rejects the start-up promise.
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName) {
        if (target.tagName === "SCRIPT") {
          couldNotStart("One of the site's script files did not load.", target.src || "a module the start-up script imports");
        }
      } else {
        fromMessage(event.message || String(event.error));
      }
    },
    true
  );

  // A start-up script the policy does not allow (a host that changed the page, stale headers) fires no error.
  document.addEventListener("securitypolicyviolation", function (event) {
    var directive = event.effectiveDirective || event.violatedDirective || "";
    if (directive.indexOf("script-src") === 0) {
      couldNotStart("The browser's security policy blocked the site's start-up script.", directive + " blocked " + event.blockedURI);
    }
  });

  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    fromMessage(reason && reason.message ? reason.name + ": " + reason.message : String(reason));
  });

  // Rule cards on a section fold to one line on a narrow screen (src/render/rule_card.rs). On a wide one they are
  // opened as the page is read, before it is first shown, so nothing moves when the app takes a written page over
  // (src/ui/place.rs opens them on the pages the app makes). The width is place.rs's.
  var folds = "li.rule-card > details.rule-fold";
  if (window.MutationObserver && window.matchMedia && window.matchMedia("(min-width: 48em)").matches) {
    var opener = new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType !== 1) {
            return;
          }
          if (node.matches(folds)) {
            node.setAttribute("open", "");
          }
          Array.prototype.forEach.call(node.querySelectorAll(folds), function (fold) {
            fold.setAttribute("open", "");
          });
        });
      });
    });
    opener.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () {
      opener.disconnect();
    });
  }

  // Runs a function once the page's DOM is parsed.
  function whenParsed(run) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  // The app starts (the start-up script calls this; src/startup.rs) once the page has painted, and on a results
  // page opened from its address, once its results are on screen or could not be had.
  var waiting = false;
  var held = null;
  var started = false;
  function settle() {
    waiting = false;
    if (held) {
      var go = held;
      held = null;
      go();
    }
  }
  window.cinStart = function (go) {
    var later = function () {
      started = true;
      window.requestAnimationFrame(function () {
        window.setTimeout(go, 0);
      });
    };
    if (waiting) {
      held = later;
    } else {
      later();
    }
  };

  // A results page opened from its address is answered by the search worker, which the app would start only once
  // its own files have arrived and started. It is started here instead, and asked for the page at once (the
  // "early" request): its answer goes into the search page written at publish time, which the host sent, as a
  // written page's own content — the worker made it, with the page functions the app uses — before the app's own
  // files are fetched, so the results do not share the connection with them. The app then takes the page over as
  // it takes over any written page, and takes the worker on (src/background.rs and src/ui/background.rs: the
  // names, the words and the fields are theirs).
  var searcher = document.querySelector("meta[name='search-worker-loader']");
  var searching = /(^|&)q=[^&]/.test(window.location.search.slice(1)) && /\/search$/.test(window.location.pathname);
  if (searching && searcher && window.Worker) {
    try {
      var early = { worker: new window.Worker(searcher.getAttribute("content")), ready: false, error: null };
      var base = document.baseURI;
      var here = window.location.href.split("#")[0];
      var address = here.indexOf(base) === 0 ? here.slice(base.length) : "";
      waiting = address !== "";
      // Held no longer than this: the app starts and shows the page itself.
      window.setTimeout(settle, 4000);
      whenParsed(function () {
        if (!document.getElementById("prerendered")) {
          settle(); // no written search page to put the results in
        }
      });
      var place = function (answer) {
        var site = document.getElementById("prerendered");
        var page = site && site.querySelector("[data-page]");
        if (started || !page || answer.length !== 5) {
          return;
        }
        page.innerHTML = answer[4];
        page.setAttribute("data-page", answer[2]);
        site.setAttribute("data-route", answer[1]);
        document.title = answer[3];
        document.documentElement.className = document.documentElement.className.replace(/\s*elsewhere/g, "");
      };
      early.worker.addEventListener("message", function (event) {
        if (event.data === "ready") {
          if (!early.ready && waiting) {
            early.worker.postMessage(JSON.stringify(["early", address]));
          }
          early.ready = true;
          return;
        }
        var answer = null;
        try {
          answer = JSON.parse(event.data);
        } catch (ignored) {
          return;
        }
        if (answer && answer[0] === "early") {
          whenParsed(function () {
            place(answer);
            settle();
          });
        }
      });
      early.worker.addEventListener("error", function (event) {
        early.error = early.error || event;
        settle();
      });
      window.cinEarlySearch = early;
    } catch (ignored) {
      // The app starts the worker itself, and says so if it cannot.
      settle();
    }
  }

  // Offline after one visit: the service worker (sw.js, at the site's base) keeps every file of this build. When a
  // new build is published its service worker waits; the page says so, and takes it on only when asked, reloading
  // once so that the page and its files all come from the one build.
  if ("serviceWorker" in navigator && window.isSecureContext) {
    var asked = false;
    var offerUpdate = function (waiting) {
      if (document.getElementById("update-notice")) {
        return;
      }
      var notice = document.createElement("div");
      notice.id = "update-notice";
      notice.className = "update-notice";
      notice.setAttribute("role", "status");
      var text = document.createElement("p");
      text.textContent = "A new version is available. ";
      var reload = document.createElement("button");
      reload.type = "button";
      reload.className = "button";
      reload.textContent = "Reload";
      reload.addEventListener("click", function () {
        asked = true;
        waiting.postMessage("take-over");
      });
      text.appendChild(reload);
      notice.appendChild(text);
      document.body.appendChild(notice);
    };
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (asked) {
        asked = false;
        window.location.reload();
      }
    });
    window.addEventListener("load", function () {
      navigator.serviceWorker
        .register("sw.js")
        .then(function (registration) {
          if (registration.waiting && navigator.serviceWorker.controller) {
            offerUpdate(registration.waiting);
          }
          registration.addEventListener("updatefound", function () {
            var incoming = registration.installing;
            if (!incoming) {
              return;
            }
            incoming.addEventListener("statechange", function () {
              if (incoming.state === "installed" && navigator.serviceWorker.controller) {
                offerUpdate(incoming);
              }
            });
          });
        })
        .catch(function () {
          // No service worker (a host without sw.js, a private window): the site works online as before.
        });
    });
  }
})();
