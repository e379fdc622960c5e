# Two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint typecheck build-seeds clean browser web

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

install: $(STAMP)

## Build the graph from seeds/ and serve it on http://127.0.0.1:8000
run: install
	$(BIN)/accords ingest seeds/
	$(BIN)/accords serve --host 127.0.0.1 --port 8000

## Install with the dev tools and run the whole test suite
test: install browser
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src
	$(BIN)/pytest -q

## Headless Chromium for the browser tests (Debian's package, installed when missing and root)
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) \
		|| echo "chromium could not be installed: the browser tests will skip"

## Rebuild the vendored browser libraries of the web page (needs npm and the registry)
web:
	cd web && npm ci && npm run build

clean:
	rm -rf $(VENV) var build dist
