#!/usr/bin/env python3
"""Times the comparison in headless Chromium: how long `/compare` takes to show its matrix from a fresh load, and how
long "Update the comparison" takes to show the matrix again after one authority more (or fewer) is ticked.

    scripts/bench_compare.py DIST_DIR [RUNS]

DIST_DIR is a built site (dist/, or one from scripts/build-synthetic.sh). The site is served on 127.0.0.1 and
chromedriver drives Debian's chromium; both are stopped at the end. Prints the median and the range of each figure.
"""

import functools
import http.server
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path


class Site(http.server.SimpleHTTPRequestHandler):
    """A static host that answers an unknown path with index.html, as the app's hosting does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not path.exists():
            self.path = "/index.html"
        return super().send_head()

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    """A chromedriver session on headless chromium."""

    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["chromedriver", f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + tempfile.mkdtemp()]
        capabilities = {"alwaysMatch": {"goog:chromeOptions": {"args": args}}}
        self.session = self.call("POST", "/session", {"capabilities": capabilities})["value"]["sessionId"]
        self.call("POST", f"/session/{self.session}/timeouts", {"script": 60000})

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method, data=data,
                                         headers={"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(request, timeout=120).read())

    def open(self, url):
        self.call("POST", f"/session/{self.session}/url", {"url": url})

    def run(self, script):
        return self.call("POST", f"/session/{self.session}/execute/async", {"script": script, "args": []})["value"]

    def quit(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        finally:
            self.process.kill()


# Resolves with the time since navigation began at the first frame after the matrix has rows.
SHOWN = """
const done = arguments[0];
const shown = () => document.querySelector('.matrix tbody tr[data-topic]');
const finish = () => requestAnimationFrame(() => done(performance.now()));
if (shown()) finish();
else new MutationObserver((_, o) => { if (shown()) { o.disconnect(); finish(); } })
    .observe(document, { subtree: true, childList: true });
"""

# Ticks the first authority not ticked (or, when all are, unticks the last), presses Update and resolves with the
# milliseconds until the first frame after the matrix has one column more (or fewer).
UPDATE = """
const done = arguments[0];
const columns = () => document.querySelectorAll('.matrix thead th[scope=col]').length;
const before = columns();
const unticked = document.querySelector('.authority-choices input[type=checkbox]:not(:checked)');
const ticked = Array.from(document.querySelectorAll('.authority-choices input[type=checkbox]:checked')).pop();
const box = unticked || ticked;
box.checked = !box.checked;
const after = before + (unticked ? 1 : -1);
const start = performance.now();
new MutationObserver((_, o) => {
  if (columns() === after) { o.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); }
}).observe(document, { subtree: true, childList: true, characterData: true });
document.querySelector('#compare-update').click();
"""


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: scripts/bench_compare.py DIST_DIR [RUNS]")
    dist, runs = Path(sys.argv[1]).resolve(), int(sys.argv[2]) if len(sys.argv) == 3 else 5
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Site, directory=str(dist)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = Driver()
    paint, update = [], []
    try:
        authorities = len(json.loads((dist / "data" / "authorities.json").read_text()))
        driver.open(f"http://127.0.0.1:{port}/")  # a first visit fills the HTTP cache, as a returning worker's would
        for _ in range(runs):
            driver.open(f"http://127.0.0.1:{port}/compare")
            paint.append(driver.run(SHOWN))
            update.append(driver.run(UPDATE))
    finally:
        driver.quit()
        server.shutdown()
    line = lambda name, xs: f"{name}: median {statistics.median(xs):.0f} ms (from {min(xs):.0f} to {max(xs):.0f})"
    print(f"{authorities} authorities, {runs} runs")
    print(line("/compare shows its matrix", paint))
    print(line("Update with one authority more or fewer", update))


if __name__ == "__main__":
    main()
