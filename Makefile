# The two commands: `make serve` builds and serves the site; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh), at pinned versions.
.PHONY: serve test setup build

serve:
	scripts/serve.sh

test:
	scripts/test.sh

setup:
	scripts/setup.sh

build: setup
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" TRUNK_SKIP_VERSION_CHECK=true trunk build --release
