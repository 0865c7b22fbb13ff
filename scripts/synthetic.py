#!/usr/bin/env python3
"""Writes a project folder whose content/ holds the real authorities plus N generated ones, for tests and benchmarks
at scale: `scripts/synthetic.py N OUT_DIR`.

Each generated authority is a copy of a real one (taken in turn) with a new slug (`synthetic-001`, …), name,
region (content/site.json's regions in turn, so each of the nine holds about a ninth) and rule ids; every third copy has its timescales made one unit longer, so that comparisons find differences. The
copies are not real procedures: they exist only to measure and test the site with many authorities. The folder
passes the same validation as content/ (the publish step checks it), and `scripts/build-synthetic.sh` builds the
site from it.
"""

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The regions an authority may be in, by id, as content/site.json lists them.
REGIONS = [r["id"] for r in json.loads((ROOT / "content" / "site.json").read_text())["regions"]]


def longer(value):
    """The value with its timescale one unit longer, where it has one."""
    if isinstance(value, dict) and value.get("kind") in ("deadline", "recurring", "threshold"):
        value = dict(value, amount=value["amount"] + 1)
    return value


def copy_authority(source: Path, target: Path, slug: str, number: int, change: bool):
    shutil.copytree(source, target)
    authority = json.loads((target / "authority.json").read_text())
    old = authority["slug"]
    authority.update(slug=slug, name=f"Synthetic Council {number}", short_name=f"Synthetic {number}",
                     region=REGIONS[number % len(REGIONS)])
    (target / "authority.json").write_text(json.dumps(authority, indent=2, ensure_ascii=False) + "\n")
    rules = json.loads((target / "rules.json").read_text())
    for rule in rules:
        rule["id"] = slug + rule["id"][len(old):]
        if change:
            if "value" in rule:
                rule["value"] = longer(rule["value"])
            for reading in rule.get("readings", []):
                reading["value"] = longer(reading["value"])
    (target / "rules.json").write_text(json.dumps(rules, indent=2, ensure_ascii=False) + "\n")
    # Worked cases belong to the real procedures: their dates would not follow changed timescales.
    cases = target / "cases.json"
    if cases.exists():
        cases.write_text("[]\n")


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: scripts/synthetic.py N OUT_DIR")
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(ROOT / "content", content)
    real = json.loads((ROOT / "content" / "authorities.json").read_text())
    slugs = list(real)
    for n in range(1, count + 1):
        source = real[(n - 1) % len(real)]
        slug = f"synthetic-{n:03d}"
        copy_authority(ROOT / "content" / "authorities" / source, content / "authorities" / slug, slug, n, n % 3 == 0)
        slugs.append(slug)
    (content / "authorities.json").write_text(json.dumps(slugs, indent=2) + "\n")
    print(f"{len(slugs)} authorities ({count} generated) in {content}")


if __name__ == "__main__":
    main()
