#!/usr/bin/env bash
# Installs what is missing, builds the site and serves it on http://127.0.0.1:8080/ (PORT=… to change) the way a host
# would: nginx with the server block in hosting/nginx.conf (its headers, its written pages for each address, 404.html
# for the rest), running in the foreground from a temporary folder until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8080}"
trunk build --release
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
CONF_DIR="$("$NGINX" -V 2>&1 | sed -n 's/.*--conf-path=\([^ ]*\)\/nginx.conf.*/\1/p')"
MODULES="$("$NGINX" -V 2>&1 | sed -n 's/.*--modules-path=\([^ ]*\).*/\1/p')"
RUN="$(mktemp -d)"
trap 'rm -rf "$RUN"' EXIT
mkdir -p "$RUN/logs" "$RUN/tmp"
sed -e "s#listen 80;#listen 127.0.0.1:${PORT};#" -e "s#/srv/cin-procedure-explorer#$PWD/dist#g" hosting/nginx.conf > "$RUN/site.conf"
cat > "$RUN/nginx.conf" <<CONF
load_module ${MODULES:-/usr/lib/nginx/modules}/ngx_http_brotli_static_module.so;
daemon off;
worker_processes 1;
pid $RUN/nginx.pid;
error_log stderr;
events { worker_connections 64; }
http {
    include ${CONF_DIR:-/etc/nginx}/mime.types;
    access_log off;
    client_body_temp_path $RUN/tmp; proxy_temp_path $RUN/tmp; fastcgi_temp_path $RUN/tmp;
    uwsgi_temp_path $RUN/tmp; scgi_temp_path $RUN/tmp;
    include $RUN/site.conf;
}
CONF
echo "== serving the site at http://127.0.0.1:${PORT}/ (Ctrl-C to stop)"
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf"
