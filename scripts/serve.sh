#!/usr/bin/env bash
# Installs what is missing, builds the site and serves it on http://127.0.0.1:8080/ (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8080}"
echo "== serving the site at http://127.0.0.1:${PORT}/ (Ctrl-C to stop)"
exec trunk serve --release --address 127.0.0.1 --port "$PORT"
