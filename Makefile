# Two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint typecheck build-seeds clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Build the graph from seeds/ and serve it on http://127.0.0.1:8000
run: install
	$(BIN)/accords ingest seeds/
	$(BIN)/accords serve --host 127.0.0.1 --port 8000

## Install with the dev tools and run the whole test suite
test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) var build dist
