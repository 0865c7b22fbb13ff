#!/usr/bin/env bash
# Prints the size of the first load of `/` from the release build in dist/ (raw and gzip -9), as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run 'make build' first" >&2; exit 1; }

row() { # label, files...
    local label=$1; shift
    local raw gz
    raw=$(cat "$@" | wc -c)
    gz=$(cat "$@" | gzip -9 | wc -c)
    printf '| %s | %s | %s |\n' "$label" "$(numfmt --to=si --suffix=B "$raw")" "$(numfmt --to=si --suffix=B "$gz")"
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
}
gz_each() { # gzip each file on its own, as a server sends them
    local sum=0 f
    for f in "$@"; do sum=$((sum + $(gzip -9 -c "$f" | wc -c))); done
    echo "$sum"
}

total_raw=0; total_gz=0
echo "| part | raw | gzip |"
echo "| --- | ---: | ---: |"
row "HTML (index.html)" dist/index.html
row "wasm" dist/*_bg.wasm
row "JavaScript glue" $(ls dist/*.js)
row "CSS" dist/*.css
slugs=$(python3 -c 'import json;print(" ".join(json.load(open("dist/content/authorities.json"))))')
data_files=(dist/content/authorities.json)
for s in $slugs; do data_files+=("dist/content/authorities/$s/authority.json"); done
data_raw=$(cat "${data_files[@]}" | wc -c); data_gz=$(gz_each "${data_files[@]}")
printf '| data (authorities.json + %s authority.json, each gzipped) | %s | %s |\n' "$(echo $slugs | wc -w)" \
    "$(numfmt --to=si --suffix=B "$data_raw")" "$(numfmt --to=si --suffix=B "$data_gz")"
total_raw=$((total_raw + data_raw)); total_gz=$((total_gz + data_gz))
printf '| **total** | **%s** | **%s** |\n' "$(numfmt --to=si --suffix=B "$total_raw")" "$(numfmt --to=si --suffix=B "$total_gz")"
