#!/usr/bin/env python3
"""Times the first search of a visit, every keystroke of the relevance queries, and measures memory after twenty
searches, in headless Chromium.

    scripts/bench_search.py DIST_DIR [RUNS [PACE_MS]]

Each run opens the start page afresh (a new page, so a new background worker; the HTTP cache was filled by one
earlier visit, as a returning reader's would be), and as soon as the authorities are shown, types "review" into the
header's search box one key at a time: as fast as the keys come (the way `s` then "review" arrives from a keyboard
driver), or PACE_MS milliseconds apart (a person typing). It records the milliseconds from the last key to the results for "review" being shown, and from the first
key. Then it types each query of the relevance fixture (tests/support/search_queries.rs) into the box a key at a
time, each key once the previous key's results have arrived, and records the milliseconds from each key to its
results in the page (the worker's answer received and the page's handlers run: the keystroke's time, before the next
frame paints it). Then it makes twenty more searches, one after another, and asks the browser how much memory the page uses with
everything it started (`performance.measureUserAgentSpecificMemory()`: the page's and the worker's JavaScript and
WebAssembly memory, and the DOM). That call needs a cross-origin isolated page, so this server sends
`Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp` with every file.

DIST_DIR is a built site (dist/). The site is served on 127.0.0.1 and chromedriver drives Debian's chromium; both are
stopped at the end. Prints the median and the range of each figure.
"""

import io
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

from benchkit import Driver, Host, Site, line


class ProbedSite(Site):
    """The site, cross-origin isolated, with the memory probe loaded first by each page and by the worker's loader."""

    isolated = True

    def send_head(self):
        if self.path == "/" + PROBE_NAME:
            return self.send_text(PROBE, "text/javascript")
        path = self.page_path()
        if path.suffix == ".html":
            page = path.read_text().replace('<script src="boot.js">', f'<script src="{PROBE_NAME}"></script><script src="boot.js">')
            return self.send_text(page, "text/html")
        if path.name.startswith("worker_loader"):
            return self.send_text(f'importScripts("./{PROBE_NAME}");\n' + path.read_text(), "text/javascript")
        return super().send_head()

    def send_text(self, text, kind):
        body = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# Served beside the site and loaded first by the page and by the worker's loader: it notes every WebAssembly memory
# made in its scope, and in the worker answers the message "bench-memory" with their sizes. The app ignores both the
# message and the answer (neither is one of its own).
PROBE_NAME = "bench-memory-probe.js"
PROBE = """
self.benchMemories = [];
const note = (made) => made.then((r) => {
  const exports = (r.instance || r).exports;
  for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) self.benchMemories.push(v);
  return r;
});
const instantiate = WebAssembly.instantiate, streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiate = (...a) => note(instantiate.apply(WebAssembly, a));
if (streaming) WebAssembly.instantiateStreaming = (...a) => note(streaming.apply(WebAssembly, a));
self.benchWasmBytes = () => self.benchMemories.reduce((n, m) => n + m.buffer.byteLength, 0);
if (self.document) {
  self.benchWorkers = [];
  const Made = self.Worker;
  self.Worker = function (...a) { const w = new Made(...a); self.benchWorkers.push(w); return w; };
  self.Worker.prototype = Made.prototype;
} else {
  self.addEventListener('message', (e) => {
    if (e.data === 'bench-memory') self.postMessage(JSON.stringify(['bench-memory', self.benchWasmBytes()]));
  });
}
"""


def fixture_queries():
    """The relevance fixture's queries, in order."""
    text = (Path(__file__).resolve().parent.parent / "tests/support/search_queries.rs").read_text()
    return re.findall(r'^    \("((?:[^"\\]|\\.)*)", &\[', text, re.M)


def percentile(xs, p):
    """The p-th percentile of xs (nearest rank)."""
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))]


# Resolves once the start page lists the authorities.
READY = """
const done = arguments[0];
const shown = () => document.querySelector('.cards li, main li a[href^="a/"]');
if (shown()) done(true);
else new MutationObserver((_, o) => { if (shown()) { o.disconnect(); done(true); } })
    .observe(document, { subtree: true, childList: true });
"""

# Types the query into the header box a key at a time (each key its own task, as a keyboard driver sends them) and
# resolves with [ms from the last key, ms from the first key] to the first frame with its results shown.
TYPE = """
const [done, query, pace] = [arguments[0], %s, %d];
const input = document.querySelector('#site-search'), box = document.querySelector('#site-search-results');
const ready = () => box.textContent.includes('for \u201c' + query);
let first = 0, last = 0;
new MutationObserver((_, o) => {
  if (ready()) { o.disconnect(); requestAnimationFrame(() => { const t = performance.now(); done([t - last, t - first]); }); }
}).observe(box, { childList: true, subtree: true, characterData: true });
input.focus();
let i = 0;
const key = () => {
  i += 1;
  last = performance.now();
  if (i === 1) first = last;
  input.value = query.slice(0, i);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (i < query.length) setTimeout(key, pace);
};
key();
"""

# Types each query a key at a time, each key once the worker has answered the one before, and resolves with the
# milliseconds from each key to its answer in the page (the page's own handlers run first: they were set first).
KEYS = """
const [done, queries] = [arguments[0], %s];
const input = document.querySelector('#site-search');
const worker = self.benchWorkers[self.benchWorkers.length - 1];
const answered = () => new Promise((resolve) => {
  const hear = (e) => {
    if (typeof e.data !== 'string' || !/^\\[\\d+,"page"/.test(e.data)) return;
    worker.removeEventListener('message', hear);
    setTimeout(() => resolve(performance.now()), 0);
  };
  worker.addEventListener('message', hear);
});
(async () => {
  const times = [];
  input.focus();
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      if (!q.slice(0, i).trim()) continue;
      const heard = answered();
      const start = performance.now();
      input.value = q.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await heard) - start);
    }
  }
  done(times);
})();
"""

# Twenty searches, one after another, each waited for; then the memory the page and what it started use.
MEMORY = """
const done = arguments[0];
const queries = ['twelve weeks', 'TAC', 'section 47', 'direct paymnets', 'care team', 'mosaic', 'advocate', 'FGC',
  'minutes', 'lead professional', 'reveiw meeting agenda', 'step down', 'early help', 'disabled children',
  'planning meeting', 'chair', 'consent', 'visits', 'child protection', 'closure'];
const input = document.querySelector('#site-search'), box = document.querySelector('#site-search-results');
const search = (q) => new Promise((resolve) => {
  new MutationObserver((_, o) => { if (box.textContent.includes('for \u201c' + q)) { o.disconnect(); resolve(); } })
    .observe(box, { childList: true, subtree: true, characterData: true });
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
});
(async () => { try {
  for (const q of queries) await search(q);
  if (!self.crossOriginIsolated) return done({ error: 'not cross-origin isolated' });
  const late = (what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what + ' took over 10 s')), 10000));
  const workerWasm = await Promise.race([late("the worker's memory"), Promise.all(self.benchWorkers.map((w) => new Promise((resolve) => {
    const hear = (e) => {
      const m = typeof e.data === 'string' && e.data.startsWith('["bench-memory"') && JSON.parse(e.data);
      if (m) { w.removeEventListener('message', hear); resolve(m[1]); }
    };
    w.addEventListener('message', hear);
    w.postMessage('bench-memory');
  })))]);
  // The browser's measurement now and then takes far longer than it should: it is asked again.
  let m = null;
  for (let tries = 0; !m && tries < 5; tries++) {
    m = await Promise.race([late('measureUserAgentSpecificMemory'), performance.measureUserAgentSpecificMemory()])
      .catch(() => null);
  }
  if (!m) return done({ error: 'measureUserAgentSpecificMemory did not answer in five tries' });
  const by = {};
  for (const b of m.breakdown) {
    const where = b.attribution.map(a => a.scope).join(',') || 'other';
    for (const t of b.types.length ? b.types : ['?']) by[where + ' ' + t] = (by[where + ' ' + t] || 0) + b.bytes;
  }
  by['Window WebAssembly memory'] = self.benchWasmBytes();
  by['DedicatedWorkerGlobalScope WebAssembly memory'] = workerWasm.reduce((a, b) => a + b, 0);
  done({ bytes: m.bytes + by['Window WebAssembly memory'] + by['DedicatedWorkerGlobalScope WebAssembly memory'], by });
} catch (e) { done({ error: String(e) }); } })();
"""


def main():
    if len(sys.argv) not in (2, 3, 4):
        sys.exit("usage: scripts/bench_search.py DIST_DIR [RUNS [PACE_MS]]")
    dist, runs = Path(sys.argv[1]).resolve(), int(sys.argv[2]) if len(sys.argv) >= 3 else 5
    pace = int(sys.argv[3]) if len(sys.argv) == 4 else 0
    host = Host(dist, ProbedSite)
    # measureUserAgentSpecificMemory() answers at once instead of after the next garbage collection.
    driver = Driver(["--enable-blink-features=ForceEagerMeasureMemory"])
    last, first, memory, keys = [], [], [], []
    queries = fixture_queries()
    try:
        driver.open(host.url("/search?q=review"))  # fills the HTTP cache, worker and data included
        time.sleep(2)
        for run in range(1, runs + 1):
            print(f"run {run} of {runs}: first search", file=sys.stderr)
            driver.open(host.url("/"))
            driver.run(READY)
            from_last, from_first = driver.run(TYPE % (json.dumps("review"), pace))
            last.append(from_last)
            first.append(from_first)
            print(f"run {run} of {runs}: keystrokes of the relevance queries", file=sys.stderr)
            keys.extend(driver.run(KEYS % json.dumps(queries)))
            print(f"run {run} of {runs}: twenty searches, then memory", file=sys.stderr)
            measured = driver.run(MEMORY)
            if "error" in measured:
                print(f"memory not measured in one run: {measured['error']}", file=sys.stderr)
            else:
                memory.append(measured)
    finally:
        driver.quit()
        host.stop()
    print(f"{runs} runs, keys {pace} ms apart")
    print(line('first search, last key of "review" to its results shown', last))
    print(line('first search, first key of "review" to its results shown', first))
    print(f"keystrokes of the {len(queries)} relevance queries ({len(keys)} over the runs), key to its results "
          f"in the page: median {statistics.median(keys):.1f} ms, 90th percentile {percentile(keys, 90):.1f} ms, "
          f"worst {max(keys):.1f} ms; {sum(k > 50 for k in keys)} over 50 ms")
    if not memory:
        sys.exit("memory: the browser did not measure it in any run")
    mib = [m["bytes"] / 2**20 for m in memory]
    print(f"memory after 20 more searches ({len(memory)} of the runs): median {statistics.median(mib):.1f} MiB "
          f"(from {min(mib):.1f} to {max(mib):.1f})")
    typical = sorted(memory, key=lambda m: m["bytes"])[len(memory) // 2]
    for where, bytes_ in sorted(typical["by"].items(), key=lambda kv: -kv[1]):
        print(f"  {where}: {bytes_ / 2**20:.2f} MiB")


if __name__ == "__main__":
    main()
