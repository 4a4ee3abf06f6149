# Every target creates .venv (and installs the project with its dev extras) when it is missing or stale.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SPEC   ?= ../shared/spacetraders-api/SpaceTraders.json
# Extra arguments for pytest, e.g. `make test ARGS="-k writer -x"`.
ARGS   ?=
# pytest-xdist workers: most tests wait on subprocesses, the game clock and PostgreSQL, so two run side by
# side in about two thirds of the time (each worker makes a database of its own). TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help install run test check lint fmt typecheck migrate status gen-client bench soak clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "stdaemon needs Python >= 3.11; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)  ## create .venv and install stdaemon with its dev tools

run: $(STAMP)  ## run the daemon (embedded PostgreSQL and the local sandbox unless configured)
	$(BIN)/stdaemon run $(ARGS)

migrate: $(STAMP)  ## alembic upgrade head on the configured database
	$(BIN)/stdaemon migrate

status: $(STAMP)  ## database, migration and table status
	$(BIN)/stdaemon status

# pytest exits 5 when a selection collects nothing: that is not a failure.
test: $(STAMP)  ## run the test suite (ST_TEST_DATABASE_URL, or an embedded PostgreSQL)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(ARGS) || [ $$? -eq 5 ]

lint: $(STAMP)  ## ruff format --check, ruff check, and the layer contracts (lint-imports)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(STAMP)  ## mypy strict on our code (the generated client is fenced off)
	$(BIN)/mypy

check: lint typecheck test  ## everything CI runs

fmt: $(STAMP)  ## format and autofix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

gen-client: $(STAMP)  ## regenerate src/space_traders_api_client from the bundled spec (SPEC=path)
	$(BIN)/python scripts/generate_client.py $(SPEC)

$(VENV)/.bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	@touch $@

bench: $(VENV)/.bench  ## print the benchmark figures (installs the bench extra)
	$(BIN)/python benchmarks/ratelimit.py
	$(BIN)/python benchmarks/ratelimit.py --rtt-ms 100 --jitter 0.3 --forward-share 0.7
	$(BIN)/python benchmarks/writer.py --rows 100000
	$(BIN)/python benchmarks/decode.py
	$(BIN)/python benchmarks/analytics.py

# The reliability suite's long version (tests/reliability, ST_SOAK=1): about an hour; ends with its table.
soak: $(STAMP)  ## the long reliability suite: faults, outages, signals, resets; prints the figures table
	ST_SOAK=1 $(BIN)/python -m pytest tests/reliability $(ARGS)

clean:  ## remove the venv and caches (not ./var, which holds your embedded database)
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
