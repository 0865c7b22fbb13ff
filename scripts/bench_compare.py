#!/usr/bin/env python3
"""Times the comparison in headless Chromium: how long `/compare` takes to show its matrix from a fresh load, and how
long "Update the comparison" takes to show the matrix again after one authority more (or fewer) is ticked.

    scripts/bench_compare.py DIST_DIR [RUNS]

DIST_DIR is a built site (dist/, or one from scripts/build-synthetic.sh). The site is served on 127.0.0.1 and
chromedriver drives Debian's chromium; both are stopped at the end. Prints the median and the range of each figure.
"""

import json
import sys
from pathlib import Path

from benchkit import Driver, Host, line


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
    host = Host(dist)
    driver = Driver()
    paint, update = [], []
    try:
        authorities = len(json.loads((dist / "data" / "authorities.json").read_text()))
        driver.open(host.url("/"))  # a first visit fills the HTTP cache, as a returning worker's would
        for _ in range(runs):
            driver.open(host.url("/compare"))
            paint.append(driver.run(SHOWN))
            update.append(driver.run(UPDATE))
    finally:
        driver.quit()
        host.stop()
    print(f"{authorities} authorities, {runs} runs")
    print(line("/compare shows its matrix", paint))
    print(line("Update with one authority more or fewer", update))


if __name__ == "__main__":
    main()
