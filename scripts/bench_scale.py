#!/usr/bin/env python3
"""The site at scale: the same figures with the five real authorities and with N generated ones beside them, side by
side, as a Markdown table.

    scripts/bench_scale.py [N [RUNS]]        (N = 150 and RUNS = 5 by default)

It builds the site once without its publish step (trunk with `Trunk.toml`'s hooks left out), then publishes that build
twice as the build's hook does, with `content/` and with the real authorities plus N generated ones
(`scripts/synthetic.py`), and measures each:

- publish: the CPU time (user + system) of the `publish` step, as trunk's hook runs it (the `build-step` profile); median
  of RUNS;
- first view of `/`: every file the start page fetched before it was ready (the page, its code, style and data; not the
  background worker, which starts once the page is idle), as gzip -9 and as the build's brotli copies;
- first search after load: "review" typed into the header's box as fast as keys come as soon as the app has taken over
  the page, from the last key to the first frame with its results; median of RUNS;
- search keystrokes: every query of the relevance fixture (`tests/support/search_queries.rs`) typed a key at a time into
  the header's box once the page has settled, each key once the worker has answered the one before: the time from the
  key to its answer in the page (`bench_search.py`'s measure) — median, 90th percentile and worst;
- `/compare`: from the start of navigation to the matrix shown; median of RUNS.

The browser figures come from Debian's headless chromium driven by chromedriver, the site served on 127.0.0.1
(`benchkit.py`). Everything is written under target/bench/.
"""

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from benchkit import Driver, Host
from bench_compare import SHOWN
from bench_search import KEYS, TYPE, ProbedSite, fixture_queries, percentile

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench"

# Resolves once the app has taken over the written start page and shows it, and then `settle` ms more.
READY = """
const [settle, done] = arguments;
const ready = () => !document.getElementById('prerendered') && document.querySelector('#site-search')
  && !document.querySelector('#main[aria-busy]');
const wait = () => ready() ? setTimeout(() => done(true), settle) : setTimeout(wait, 10);
wait();
"""

# The paths (under the site) of every file the page fetched, but the background worker's.
FETCHED = """
const done = arguments[arguments.length - 1];
const paths = performance.getEntriesByType('resource').map(r => new URL(r.name).pathname)
  .filter(p => !p.startsWith('/worker'));
done([location.pathname, ...paths]);
"""

def run(*command, **kw):
    subprocess.run(command, check=True, cwd=ROOT, **kw)


def env():
    path = f"{Path.home() / '.cargo' / 'bin'}:{ROOT / 'node_modules' / '.bin'}:{os.environ['PATH']}"
    return {**os.environ, "PATH": path, "TRUNK_SKIP_VERSION_CHECK": "true"}


def build_unpublished():
    """The site as trunk builds it before its hook: target/bench/raw."""
    text = (ROOT / "Trunk.toml").read_text()
    config = text[: text.index("[[hooks]]")] + text[text.index("[serve]") :]
    config = config.replace('target = "index.html"', 'target = "../../index.html"')
    (WORK / "Trunk.toml").write_text(config)
    run("trunk", "build", "--release", "--config", str(WORK / "Trunk.toml"), "--dist", str(WORK / "raw"), env=env(),
        stdout=subprocess.DEVNULL)
    run("cargo", "build", "--offline", "--quiet", "--profile", "build-step", "--bin", "publish", "--bin", "compress", env=env())


def publish(project, name, runs):
    """Publishes the unpublished build with `project`'s content into target/bench/NAME, RUNS times; returns the
    folder and the median CPU seconds of the publish step."""
    seconds = []
    out = WORK / name
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(WORK / "raw", out)
        before = os.times()
        run(str(ROOT / "target" / "build-step" / "publish"), str(project), str(out), stdout=subprocess.DEVNULL)
        after = os.times()
        seconds.append(after.children_user - before.children_user + after.children_system - before.children_system)
    run(str(ROOT / "target" / "build-step" / "compress"), str(out), stdout=subprocess.DEVNULL)
    return out, statistics.median(seconds)


def first_view(driver, host):
    """The gzip -9 and brotli bytes of every file the start page fetched before it was ready."""
    driver.open(host.url("/"))
    driver.run(READY, 1000)
    paths = driver.run(FETCHED)
    gz = br = 0
    for path in paths:
        file = host.dist / path.lstrip("/")
        if file.is_dir() or not file.exists():
            file = file / "index.html" if file.is_dir() else file.with_name(file.name + ".html")
        if not file.exists():
            continue  # the benchmark's own probe, served beside the site
        content = file.read_bytes()
        gz += len(gzip.compress(content, 9))
        copy = file.with_name(file.name + ".br")
        br += copy.stat().st_size if copy.exists() else len(content)
    return gz, br, len(paths)


def measure(dist, runs):
    host = Host(dist, ProbedSite)
    driver = Driver()
    figures = {}
    try:
        driver.open(host.url("/compare"))  # a first visit fills the HTTP cache, as a returning reader's would
        driver.run(SHOWN)
        figures["first view"] = first_view(driver, host)
        first = []
        for _ in range(runs):
            driver.open(host.url("/"))
            driver.run(READY, 0)
            first.append(driver.run(TYPE % ('"review"', 0))[0])
        figures["first search"] = statistics.median(first)
        driver.open(host.url("/"))
        driver.run(READY, 2000)
        times = driver.run(KEYS % json.dumps(fixture_queries()))
        figures["keys"] = (statistics.median(times), percentile(times, 90), max(times), len(times))
        paint = []
        for _ in range(runs):
            driver.open(host.url("/compare"))
            paint.append(driver.run(SHOWN))
        figures["compare"] = statistics.median(paint)
    finally:
        driver.quit()
        host.stop()
    return figures


def main():
    if len(sys.argv) > 3 or not all(a.isdigit() for a in sys.argv[1:]):
        sys.exit("usage: scripts/bench_scale.py [N [RUNS]]")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    WORK.mkdir(parents=True, exist_ok=True)
    build_unpublished()
    run("python3", "scripts/synthetic.py", str(n), str(WORK / "synthetic"), stdout=subprocess.DEVNULL)
    real = len(re.findall(r'"[^"]+"', (ROOT / "content" / "authorities.json").read_text()))
    columns = []
    for project, name in [(ROOT, "site-real"), (WORK / "synthetic", f"site-{n}")]:
        dist, cpu = publish(project, name, runs)
        figures = measure(dist, runs)
        figures["publish"] = cpu
        columns.append(figures)
    kb = lambda b: f"{b / 1024:.1f} KB"
    rows = [
        ("first view of `/`, gzip -9 / brotli", lambda f: f"{kb(f['first view'][0])} / {kb(f['first view'][1])}"),
        ("search keystroke: median / 90th percentile / worst",
         lambda f: "{:.0f} / {:.0f} / {:.0f} ms".format(*f["keys"][:3])),
        ("keys typed", lambda f: f"{f['keys'][3]}"),
        ("first search after load (last key of \"review\" to results)", lambda f: f"{f['first search']:.0f} ms"),
        ("`/compare` shows its matrix (from navigation)", lambda f: f"{f['compare']:.0f} ms"),
        ("publish, CPU (as the hook runs it)", lambda f: f"{f['publish']:.2f} s"),
    ]
    print(f"| at {runs} runs | {real} authorities | {real + n} authorities |")
    print("| --- | ---: | ---: |")
    for label, cell in rows:
        print(f"| {label} | {cell(columns[0])} | {cell(columns[1])} |")


if __name__ == "__main__":
    main()
