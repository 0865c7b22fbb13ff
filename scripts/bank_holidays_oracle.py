#!/usr/bin/env python3
"""Writes tests/fixtures/bank_holidays_oracle.csv: England and Wales bank holidays from the year after the GOV.UK table
(2029) to 2040, the days a working-day count skips: date, name, whether it is a substitute day.

An independent check of the rule in src/calendar/by_rule.rs: the dates come from the Python `holidays` package (UK,
England), and each Easter is checked against `dateutil.easter`. Days the package lists on a Saturday or Sunday are left
out, as GOV.UK's table leaves them out (their substitutes are listed). Not a runtime or test dependency: run it by hand
to regenerate the fixture.

    python3 -m venv /tmp/oracle && /tmp/oracle/bin/pip install holidays==0.109 python-dateutil==2.9.0.post0
    /tmp/oracle/bin/python scripts/bank_holidays_oracle.py
"""
import csv
import datetime
import pathlib

import holidays
from dateutil.easter import easter

FIRST, LAST = 2029, 2040
days_off = holidays.UK(subdiv="ENG", years=range(FIRST, LAST + 1))

rows = []
for year in range(FIRST, LAST + 1):
    sunday = easter(year)
    assert days_off.get(sunday - datetime.timedelta(days=2)) == "Good Friday", year
    assert days_off.get(sunday + datetime.timedelta(days=1)) == "Easter Monday", year
for day, name in sorted(days_off.items()):
    if day.weekday() < 5:
        rows.append((day.isoformat(), name, "observed" in name))

out = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/bank_holidays_oracle.csv"
with out.open("w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["date", "name", "substitute"])
    for date, name, substitute in rows:
        w.writerow([date, name, "true" if substitute else "false"])
print(f"{len(rows)} bank holidays written to {out}")
