# Gem: one entry point per task. `make run` and `make test` are the two set-up commands.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PG_URL    ?= postgres://postgres@127.0.0.1:5432/test
REDIS_URL_TEST ?= redis://127.0.0.1:6379/0
TEST_DATA := $(shell mktemp -d 2>/dev/null || echo /tmp/gem-test-data)

.PHONY: install browser-deps run test test-sqlite test-postgres test-browser lint format check-migrations check-content bench docs clean

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Install and start Gem with the embedded default (SQLite, in-memory channel layer).
run: install
	$(BIN)/gembot serve

## Install and run every check and test: lint, migrations, content, the suite on SQLite,
## again on PostgreSQL + Redis, then the browser tests in Debian's Chromium.
test: install lint check-migrations check-content test-sqlite test-postgres test-browser

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

check-migrations: install
	GEM_DATA_DIR=$(TEST_DATA) $(BIN)/gembot manage makemigrations --check --dry-run

check-content: install
	GEM_DATA_DIR=$(TEST_DATA) $(BIN)/gembot content check

test-sqlite: install
	GEM_DATA_DIR=$(TEST_DATA) $(BIN)/python -m pytest -m "not browser"

test-postgres: install
	GEM_DATA_DIR=$(TEST_DATA) DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_URL_TEST) \
		$(BIN)/python -m pytest -m "not browser and not services"

## Debian's Chromium and axe-core (npm, pinned in package-lock.json) for the browser tests.
## Playwright comes with the dev extras; it never downloads a browser here.
browser-deps:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

test-browser: install browser-deps
	GEM_DATA_DIR=$(TEST_DATA) $(BIN)/python -m pytest -m browser

bench: install
	$(BIN)/python bench/api_latency.py

docs: install
	GEM_DATA_DIR=$(TEST_DATA) $(BIN)/gembot manage settings_table > docs/settings.md

clean:
	rm -rf $(VENV) gem-data .pytest_cache .ruff_cache
