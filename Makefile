# One entry point: `make serve` and `make test` bootstrap everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
# Loopback only unless asked: `make serve HOST=0.0.0.0` listens on every interface.
HOST ?= 127.0.0.1
KG_BASE_URI ?= http://localhost:$(PORT)/
BUILD ?= build
export KG_BASE_URI

# System tools the tests drive (installed by .ci/run on CI; `apt-get install` them locally).
TEST_TOOLS := rapper chromium node npm virtuoso-t

.PHONY: install build serve test lint typecheck imports tools vocab-check clean vendor

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(BIN)/.installed

# npm tools the tests drive (rdf-test-suite, Comunica) and the pinned YASGUI package.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: install
	$(BIN)/kg build --data data --out $(BUILD)

serve: build
	$(BIN)/kg serve --build $(BUILD) --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy kg

# The import rules between kg's packages (docs/architecture.md, "Layers"; pyproject.toml).
imports: install
	$(BIN)/lint-imports

tools:
	@for t in $(TEST_TOOLS); do command -v $$t >/dev/null || \
	  { echo "make test: '$$t' is missing — run .ci/run as root, or apt-get install it"; exit 1; }; done

vocab-check: install
	$(BIN)/kg vocab check vocab/

test: lint typecheck imports tools vocab-check node_modules/.installed
	$(BIN)/pytest

# The query page's YASGUI, copied from the pinned npm package (commit the result).
vendor:
	npm ci --no-audit --no-fund
	cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css \
	  kg/web/static/vendor/yasgui/

clean:
	rm -rf $(BUILD) .pytest_cache .mypy_cache .ruff_cache
