"""What the browser benchmarks share (`bench_search.py`, `bench_compare.py`, `bench_scale.py`): a static host for a
built site on 127.0.0.1, a chromedriver session on Debian's headless chromium, and a line of figures.

The host answers as `hosting/nginx.conf` does: the file, else the page written for the address (`{path}.html`), else
the page the app starts from (`404.html`); it can send the headers that make a page cross-origin isolated, which the
browser's memory measurement needs. It serves a service worker that keeps nothing, so each figure is the site's own and
not its offline cache's.
"""

import functools
import io
import http.server
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Site(http.server.SimpleHTTPRequestHandler):
    """A static host for a built site; `isolated` adds the cross-origin isolation headers."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}
    isolated = False

    def page_path(self):
        """The file that answers the request's path."""
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        for candidate in (path, path.with_name(path.name + ".html"), Path(self.translate_path("/404.html"))):
            if candidate.is_file():
                return candidate
        return path

    def send_head(self):
        if self.path.split("?")[0] == "/sw.js":
            body = b"// no offline cache while benchmarking\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        path = self.page_path()
        self.path = "/" + path.relative_to(Path(self.directory).resolve()).as_posix()
        return super().send_head()

    def end_headers(self):
        if self.isolated:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_message(self, *args):
        pass


class Host:
    """Serves `dist` with `handler` (a `Site`) on a free port of 127.0.0.1 until `stop()`."""

    def __init__(self, dist, handler=Site):
        self.dist = Path(dist).resolve()
        self.port = free_port()
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", self.port), functools.partial(handler, directory=str(self.dist))
        )
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.server.shutdown()


class Driver:
    """A chromedriver session on headless chromium; `extra` adds command-line switches."""

    def __init__(self, extra=()):
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
                "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--user-data-dir=" + tempfile.mkdtemp(), *extra]
        capabilities = {"alwaysMatch": {"goog:chromeOptions": {"args": args}}}
        self.session = self.call("POST", "/session", {"capabilities": capabilities})["value"]["sessionId"]
        # A script that waits for what never comes fails after two minutes, naming the script's step.
        self.call("POST", f"/session/{self.session}/timeouts", {"script": 120000})

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method, data=data,
                                         headers={"Content-Type": "application/json"})
        try:
            return json.loads(urllib.request.urlopen(request, timeout=600).read())
        except urllib.error.HTTPError as e:
            sys.exit(f"chromedriver {method} {path}: {e.code} {e.read().decode(errors='replace')[:400]}")

    def open(self, url):
        self.call("POST", f"/session/{self.session}/url", {"url": url})

    def run(self, script, *args):
        """Runs an asynchronous script (it calls its last argument with its result) and returns what it gave."""
        return self.call("POST", f"/session/{self.session}/execute/async", {"script": script, "args": list(args)})["value"]

    def quit(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        finally:
            self.process.kill()


def line(name, xs, unit="ms"):
    """`name: median … (from … to …)` for the figures `xs`."""
    return f"{name}: median {statistics.median(xs):.0f} {unit} (from {min(xs):.0f} to {max(xs):.0f})"
