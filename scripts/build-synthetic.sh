#!/bin/sh
# Builds the site with the real authorities plus N generated ones, for benchmarks at scale:
#   scripts/build-synthetic.sh N DIST_DIR
# The generated content is written to target/synthetic (see scripts/synthetic.py); the site goes to DIST_DIR.
set -eu
[ $# -eq 2 ] || { echo "usage: scripts/build-synthetic.sh N DIST_DIR" >&2; exit 2; }
cd "$(dirname "$0")/.."
python3 scripts/synthetic.py "$1" target/synthetic
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
CIN_PROJECT="$PWD/target/synthetic" trunk build --release --dist "$2"
