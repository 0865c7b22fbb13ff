#!/usr/bin/env python3
"""Writes tests/fixtures/working_days_oracle.csv: start date, N, the date N working days later.

An independent check of src/calendar: the bank holidays come from the Python `holidays` package (UK, England), not from
the GOV.UK file the site's table is generated from, and the counting is written here afresh. Not a runtime or test
dependency: run it by hand to regenerate the fixture.

    python3 -m venv /tmp/oracle && /tmp/oracle/bin/pip install holidays==0.109
    /tmp/oracle/bin/python scripts/working_days_oracle.py
"""
import csv
import datetime
import pathlib
import random

import holidays

FIRST, LAST = 2019, 2028
days_off = holidays.UK(subdiv="ENG", years=range(FIRST, LAST + 1))


def working_days_after(start, n):
    day = start
    while n > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in days_off:
            n -= 1
    return day


rng = random.Random(20261123)
cases = []
# Around every bank holiday in the range: from a few days before it, for short and long counts.
for holiday in sorted(d for d in days_off if d.year <= LAST):
    for back in (1, 3, 6):
        start = holiday - datetime.timedelta(days=back)
        cases.append((start, rng.choice([1, 2, 3, 5, 10, 15])))
# Random starts over the whole range, with the counts the procedures use and others.
span = (datetime.date(LAST, 11, 30) - datetime.date(FIRST, 1, 1)).days
for _ in range(150):
    start = datetime.date(FIRST, 1, 1) + datetime.timedelta(days=rng.randrange(span))
    cases.append((start, rng.choice([0, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60])))

out = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/working_days_oracle.csv"
with out.open("w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["start", "working_days", "expected"])
    for start, n in cases:
        if start.year < FIRST or working_days_after(start, n).year > LAST:
            continue
        w.writerow([start.isoformat(), n, working_days_after(start, n).isoformat()])
print(f"{sum(1 for _ in out.open()) - 1} cases written to {out}")
