# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run demo test lint typecheck unit install clean bench

# The install takes a minute or two the first time: it says so and shows pip's progress.
$(STAMP): pyproject.toml
	@echo "==> creating $(VENV) (once; \`make\` reuses it until pyproject.toml changes)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "==> installing Wirewatch and its dependencies into $(VENV): a few minutes, once"
	$(BIN)/python -m pip install --progress-bar on -e ".[dev,durable]"
	@echo "==> installed"
	touch $(STAMP)

install: $(STAMP)

## The whole system offline, with a local feed of real headlines: alerts within seconds.
demo: $(STAMP)
	$(BIN)/wirewatch demo

## The main job: embedded broker + SQLite + the five services + the HTTP API.
run: $(STAMP)
	$(BIN)/wirewatch up

## Lint, type-check, import contracts, then the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

## Every benchmark in turn (see bench/README.md; the pipeline alone takes ~8 minutes).
BENCHES := bench/classify_core.py bench/classify_service.py bench/classify_memory.py bench/ingest_bench.py \
	bench/notify_bench.py bench/stories_bench.py bench/flights_extract.py bench/flights_store.py \
	bench/pipeline.py bench/classify_like.py bench/classify_user_topics.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	set -e; for script in $(BENCHES); do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
