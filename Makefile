# One entry point for people and CI. `make run` sets up, builds the graph into the embedded store and serves it;
# `make test` sets up and runs the whole test suite. Both work on a fresh Debian machine (as root for
# the system packages) and are what .ci/run calls.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= ftzgraph-store
SYSTEM_PACKAGES := fonts-noto-cjk fonts-wqy-microhei chromium virtuoso-opensource curl

.PHONY: setup system-deps run test lint bench clean

$(BIN)/ftzgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/ftzgraph

setup: $(BIN)/ftzgraph

# Debian packages the tests need: CJK fonts (network pictures, PDF fixtures, pages) and chromium (browser
# tests, driven by playwright with executable_path, never a downloaded browser), Virtuoso and curl (remote-store
# integration tests; scripts/start_engines.sh starts it). Installed only when missing.
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing Debian packages: $$missing (install them with apt-get)"; exit 1; fi; \
	fi

run: setup
	$(BIN)/ftzgraph build --store $(STORE)
	$(BIN)/ftzgraph serve --store $(STORE)

lint: setup
	$(BIN)/ruff check graph api ontology tests scripts
	$(BIN)/ruff format --check graph api ontology tests scripts
	@# mypy reads the modules under their import names (ftzgraph.graph.*), through a link named like the
	@# package: given the folders, it could not follow `ftzgraph.*` imports and would take them all as Any.
	@mkdir -p .typecheck && ln -sfn .. .typecheck/ftzgraph
	cd .typecheck && MYPYPATH=. ../$(BIN)/mypy --config-file ../pyproject.toml -p ftzgraph.graph -p ftzgraph.api

# Then the wheel itself: built, installed into a clean venv in a temporary folder and used there
# (scripts/wheel_smoke.py), since the editable install the tests use cannot miss a file.
# The remote-store tests run against the engines scripts/start_engines.sh starts (an Oxigraph server and
# Virtuoso on loopback); they are stopped when the tests end.
test: setup system-deps lint
	@set -e; eval "$$(scripts/start_engines.sh start)"; trap 'scripts/start_engines.sh stop >/dev/null' EXIT; \
	$(BIN)/pytest
	$(BIN)/python scripts/wheel_smoke.py

bench: setup
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache *.egg-info
