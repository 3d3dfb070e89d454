# BoloAstro — the three commands a newcomer needs: make run, make test, make chat.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: run test chat lint types arch unit install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The worker (outbox delivery and payment sweeps) runs beside the web server and stops with it.
run: $(STAMP)
	$(BIN)/boloastro migrate
	$(BIN)/boloastro worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/boloastro serve --host 127.0.0.1 --port 8000

chat: $(STAMP)
	$(BIN)/boloastro chat

lint: $(STAMP)
	$(BIN)/ruff check backend bot_flows infrastructure tests scripts wsgi.py
	$(BIN)/ruff format --check backend bot_flows infrastructure tests scripts wsgi.py

types: $(STAMP)
	$(BIN)/mypy backend bot_flows infrastructure tests scripts wsgi.py

arch: $(STAMP)
	$(BIN)/lint-imports

test: lint types arch
	$(BIN)/pytest --cov --cov-report=term

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .coverage
