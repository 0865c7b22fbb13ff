#!/usr/bin/env bash
# Prints the size of the first load of `/` from a release build (raw, gzip -9, and the build's brotli copies,
# `name.br`, which hosting/nginx.conf sends to browsers that accept brotli), as a Markdown table:
#   scripts/measure.sh [DIST_DIR]      (default dist/; e.g. target/dist-150 from scripts/build-synthetic.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run 'make build' (or scripts/build-synthetic.sh) first" >&2; exit 1; }

si() { numfmt --to=si --suffix=B "$1"; }

row() { # label, files...
    local label=$1; shift
    local raw gz br=0 file
    raw=$(cat "$@" | wc -c)
    gz=$(cat "$@" | gzip -9 | wc -c)
    for file in "$@"; do # a file too small to gain from brotli has no copy, and is sent as it is
        if [ -f "$file.br" ]; then br=$((br + $(wc -c < "$file.br"))); else br=$((br + $(wc -c < "$file"))); fi
    done
    printf '| %s | %s | %s | %s |\n' "$label" "$(si "$raw")" "$(si "$gz")" "$(si "$br")"
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
}

total_raw=0; total_gz=0; total_br=0
echo "| part | raw | gzip | brotli |"
echo "| --- | ---: | ---: | ---: |"
row "HTML (index.html)" "$dist/index.html"
row "wasm" $(ls "$dist"/*_bg.wasm | grep -v -e '/worker' -e '/search_worker')
row "JavaScript glue" $(ls "$dist"/*.js | grep -v -e '/worker' -e '/search_worker' -e '/search_loader')
row "CSS" "$dist"/*.css
row "data (data/catalogue.json, data/site.json)" "$dist/data/catalogue.json" "$dist/data/site.json"
printf '| **total** | **%s** | **%s** | **%s** |\n' "$(si "$total_raw")" "$(si "$total_gz")" "$(si "$total_br")"
echo
echo "Not in the first load: the background worker (compare, search and the other pages it makes), fetched once the"
echo "page is idle after its first page is shown, or by the first page that needs it; and the search worker, fetched"
echo "only by a results page opened from its address."
echo
echo "| part | raw | gzip | brotli |"
echo "| --- | ---: | ---: | ---: |"
total_raw=0; total_gz=0; total_br=0
row "worker wasm and JavaScript" "$dist"/worker-*_bg.wasm "$dist"/worker-*.js "$dist"/worker_loader-*.js
row "search worker wasm and JavaScript" "$dist"/search_worker-*_bg.wasm "$dist"/search_worker-*.js "$dist"/search_loader-*.js
