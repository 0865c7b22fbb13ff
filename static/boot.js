// Says in words when the site cannot start, instead of leaving a blank page: a browser without WebAssembly, a
// script that does not load or that the security policy blocks, or the WebAssembly program failing (trunk's start-up promise rejects when it is
// missing or is not WebAssembly). It fills in and shows #boot (in index.html). Once the app is mounted it removes
// #boot (src/main.rs), and from then on this does nothing.
// Plain ES5, so that a browser too old for WebAssembly can still run it and say so.
(function () {
  "use strict";
  var shown = false;

  function setText(id, text) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = text;
    }
  }

  function show(title, reason, advice, detail, canReload) {
    if (shown) {
      return;
    }
    var fill = function () {
      var box = document.getElementById("boot");
      // No box: the app has started, and this failure is not about starting.
      if (!box || shown) {
        return;
      }
      shown = true;
      setText("boot-title", title);
      setText("boot-reason", reason);
      setText("boot-advice", advice);
      setText("boot-detail", detail ? "Details: " + String(detail).slice(0, 400) : "");
      var reload = document.getElementById("boot-reload");
      if (reload) {
        reload.hidden = !canReload;
        reload.addEventListener("click", function () {
          window.location.reload();
        });
      }
      box.hidden = false;
      var heading = document.getElementById("boot-title");
      if (heading && heading.focus) {
        heading.focus();
      }
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fill);
    } else {
      fill();
    }
  }

  function couldNotStart(reason, detail) {
    show(
      "The site could not start",
      "The site could not start: " + reason,
      "Reload to try again. If it still does not start, the site may be being updated: try again in a few minutes.",
      detail,
      true
    );
  }

  function describe(message) {
    if (/WebAssembly|wasm|magic word|CompileError|LinkError/i.test(message)) {
      return "its WebAssembly program did not load.";
    }
    return "its program stopped with an error while starting.";
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
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName) {
        if (target.tagName === "SCRIPT") {
          couldNotStart("one of its script files did not load.", target.src || "a module the start-up script imports");
        }
        // Other elements (a preload, an image) are not fatal: a real failure also rejects the start-up promise.
        return;
      }
      var message = event.message || (event.error ? String(event.error) : "unknown error");
      couldNotStart(describe(message), message);
    },
    true
  );

  // A start-up script the page's policy does not allow (say, a host that changed the page, or stale headers
  // from an older build) is blocked without an error event.
  document.addEventListener("securitypolicyviolation", function (event) {
    if (/^script-src/.test(event.violatedDirective || event.effectiveDirective || "")) {
      couldNotStart(
        "the browser's security policy blocked its start-up script.",
        (event.effectiveDirective || event.violatedDirective) + " blocked " + (event.blockedURI || "a script")
      );
    }
  });

  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    var message = reason && reason.message ? (reason.name ? reason.name + ": " : "") + reason.message : String(reason);
    couldNotStart(describe(message), message);
  });
})();
