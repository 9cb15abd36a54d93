# One command each, for a fresh machine with only python3:
#   make run      set up .venv and start LoyalDesk
#   make test     set up .venv and run the whole test suite
#   make package  build the one-folder app with PyInstaller and self-test it
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run demo test bench package clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/loyaldesk gui $(ARGS)

demo: $(STAMP)
	$(BIN)/loyaldesk demo --db demo.db --force
	$(BIN)/loyaldesk gui --db demo.db $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_clients.py

translations: $(STAMP)
	$(BIN)/python packaging/build_translations.py

package: $(STAMP)
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
