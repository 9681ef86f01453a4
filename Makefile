# tidings: the usual entry points. `make demo` and `make test` set everything up on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
GOLD   ?= ../shared/gold
STAMP  := $(VENV)/.installed

.PHONY: setup demo serve test test-fast lint eval peer-suite confidence bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup  ## ingest the bundled sample articles into ./tidings.duckdb and show the events
	$(BIN)/tidings run

serve: setup  ## the dashboard and API over ./tidings.duckdb on http://127.0.0.1:8000
	$(BIN)/tidings serve

lint: setup  ## ruff, and mypy over src/
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

test: setup lint  ## run the whole test suite
	$(BIN)/pytest -q

test-fast: setup  ## the tests that need no spaCy pipeline, process, browser or server (seconds)
	$(BIN)/pytest -q -m "not slow"

eval: setup  ## score the coder on the gold dev sets in $(GOLD) and on the project's blind sets
	$(BIN)/tidings eval $(GOLD)/cameo_manual.dev.jsonl $(GOLD)/petr2_gsr.dev.jsonl \
		$(GOLD)/plover_gsr.dev.jsonl --show 0
	$(BIN)/tidings eval evalsets/blind_news.dev.jsonl evalsets/blind_news.test.jsonl \
		evalsets/wire_news.jsonl evalsets/modern_wire.dev.jsonl evalsets/modern_wire.test.jsonl \
		evalsets/counts.dev.jsonl evalsets/counts.test.jsonl \
		evalsets/cameo_cover.dev.jsonl evalsets/cameo_cover.test.jsonl \
		evalsets/nocount.dev.jsonl evalsets/nocount.test.jsonl \
		evalsets/plover_news.dev.jsonl evalsets/plover_news.test.jsonl \
		evalsets/recent_wire.dev.jsonl evalsets/recent_wire.test.jsonl \
		evalsets/world_wire.dev.jsonl evalsets/world_wire.test.jsonl \
		evalsets/archive_wire.dev.jsonl evalsets/archive_wire.test.jsonl \
		evalsets/code_ledes.dev.jsonl evalsets/code_ledes.test.jsonl \
		evalsets/plover_types.dev.jsonl evalsets/plover_types.test.jsonl \
		evalsets/people_wire.dev.jsonl evalsets/people_wire.test.jsonl \
		evalsets/levant_ledes.dev.jsonl evalsets/levant_ledes.test.jsonl \
		evalsets/south_ledes.dev.jsonl evalsets/south_ledes.test.jsonl \
		evalsets/home_wire.dev.jsonl evalsets/home_wire.test.jsonl \
		evalsets/statecraft_wire.dev.jsonl evalsets/statecraft_wire.test.jsonl \
		evalsets/daybook_wire.dev.jsonl evalsets/daybook_wire.test.jsonl --show 0

confidence: setup  ## retrain the event confidence model (data/confidence.yaml) on the learning halves
	$(BIN)/python scripts/train_confidence.py

peer-suite: setup  ## PETRARCH-2's unit-test suite, coded with its validation dictionaries as extra data
	@if [ -d ../shared/lexicons/petrarch2/validate ] && [ -f $(GOLD)/petrarch2_validation.jsonl ]; then \
		$(BIN)/python scripts/petrarch2/peer_suite.py --gold $(GOLD) --lexicons ../shared/lexicons/petrarch2; \
	else \
		echo "peer-suite: skipped: needs ../shared/lexicons/petrarch2/validate and $(GOLD)/petrarch2_validation.jsonl"; \
	fi

bench: setup  ## throughput: coder vs spaCy alone (and memory), ingest, scale-out, dashboard load
	$(BIN)/python benchmarks/bench_real.py --gold $(GOLD)
	$(BIN)/python benchmarks/bench_coder.py
	$(BIN)/python benchmarks/bench_counts.py --gold $(GOLD)
	$(BIN)/python benchmarks/bench_component.py --gold $(GOLD)
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_dashboard.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
