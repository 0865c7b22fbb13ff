#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the release site (at the root and under a sub-path),
# checks formatting and lints, then runs unit tests, content validation and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

echo "== trunk build --release (dist/)"
trunk build --release
echo "== trunk build --release --public-url /cin/ (target/dist-sub/)"
trunk build --release --public-url /cin/ --dist target/dist-sub
echo "== the site with 150 generated authorities (target/dist-150/)"
scripts/build-synthetic.sh 150 target/dist-150

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --offline --all-targets -- -D warnings

echo "== cargo test"
cargo test --offline "$@"
