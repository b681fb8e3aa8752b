# Nexus Explorer: every target sets itself up (virtual environment, packages) on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

LINTER := tests/store/cypher_lint/node_modules/.installed

.PHONY: run test chromium validate stats bench translations docs clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

## run: start the explorer on the embedded store (no server to install): http://127.0.0.1:8000/
run: $(STAMP)
	$(BIN)/nexus serve

## test: run the whole test suite (unit, web, store contract, real-browser tests)
test: $(STAMP) chromium $(LINTER)
	$(BIN)/python -m pytest

## Neo4j's Cypher parser (npm), for the offline Cypher lint test
$(LINTER): tests/store/cypher_lint/package.json
	cd tests/store/cypher_lint && npm install --silent --no-audit --no-fund
	touch $(LINTER)

## chromium: Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium)
chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; }

## validate: check the seeds
validate: $(STAMP)
	$(BIN)/nexus validate seeds/

stats: $(STAMP)
	$(BIN)/nexus stats

## bench: every benchmark; each appends its figures to bench/RESULTS.md
bench: $(STAMP) chromium
	$(BIN)/python -m bench.build
	$(BIN)/python -m bench.views
	$(BIN)/python -m bench.browser
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.paths
	$(BIN)/python -m bench.metrics

## translations: extract UI strings and merge them into the French catalogue, then compile it
translations: $(STAMP)
	$(BIN)/python -m web.i18n_catalog

## docs: regenerate docs/data-model.md from graph/ontology.yaml
docs: $(STAMP)
	$(BIN)/python -m graph.datamodel > docs/data-model.md

clean:
	rm -rf $(VENV) build .pytest_cache tests/store/cypher_lint/node_modules
