# Nexus Explorer: every target sets itself up (virtual environment, packages) on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test validate stats bench docs clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

## run: start Nexus Explorer on the embedded store (no server to install)
run: $(STAMP)
	$(BIN)/nexus validate seeds/
	$(BIN)/nexus stats

## test: run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## validate: check the seeds
validate: $(STAMP)
	$(BIN)/nexus validate seeds/

stats: $(STAMP)
	$(BIN)/nexus stats

## bench: dataset build benchmark (1k, 10k, 100k nodes); appends to bench/RESULTS.md
bench: $(STAMP)
	$(BIN)/python -m bench.build

## docs: regenerate docs/data-model.md from graph/ontology.yaml
docs: $(STAMP)
	$(BIN)/python -m graph.datamodel > docs/data-model.md

clean:
	rm -rf $(VENV) build .pytest_cache
