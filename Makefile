# tradegraph: `make run` builds the sample graph, `make test` runs every test, `make lint` ruff and mypy.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DOCS   ?= seeds
OUT    ?= out

.PHONY: install run lint test test-unit score bench-extract bench-render bench-query bench-endpoint bench-build clean notebook

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit("tradegraph needs Python 3.11 or newer, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/tradegraph build $(DOCS) --out $(OUT)

# JupyterLab on notebooks/ in the project's environment; builds the samples first when out/ has no graph
notebook: $(STAMP)
	@test -f $(OUT)/graph.trig || $(BIN)/tradegraph build $(DOCS) --out $(OUT)
	TRADEGRAPH_OUT="$(abspath $(OUT))" $(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# ruff (E, F, W, B, UP, I at 120 columns) and mypy over extract/ and graph/, as configured in pyproject.toml
lint: $(STAMP)
	$(BIN)/ruff check extract graph tests bench
	$(BIN)/mypy

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

# the samples, the 20 real dev documents and the Spanish dev documents built together, each scored against its gold
EVAL      ?= ../shared/eval
SCORE_OUT ?= out-score
score: $(STAMP)
	$(BIN)/tradegraph build $(DOCS) $(EVAL)/dev/docs $(EVAL)/dev-es/docs --out $(SCORE_OUT) --quiet
	@for set in "samples:$(EVAL)/gold" "dev:$(EVAL)/dev/gold" "Spanish dev:$(EVAL)/dev-es/gold"; do \
	  echo; echo "== $${set%%:*}"; \
	  $(BIN)/python $(EVAL)/score.py --graph $(SCORE_OUT)/graph.trig --gold "$${set#*:}" --json $(SCORE_OUT)/score-$$(echo $${set%%:*} | tr ' ' -).json || exit 1; \
	done
	@echo; echo "per-document misses: $(SCORE_OUT)/score-*.json (or score.py --details)"

bench-extract: $(STAMP)
	$(BIN)/python bench/extract_speed.py $(DOCS)

bench-render: $(STAMP)
	$(BIN)/python bench/render_speed.py

# every library query at 10k, 100k and 1M synthetic triples, Oxigraph store vs rdflib (tens of minutes)
bench-query: $(STAMP)
	$(BIN)/python bench/query_speed.py --runs 5 --cap 30

# `tradegraph serve` over the sample build: 20 loopback clients, then the same with 100 half-sent connections (~30 s)
bench-endpoint: $(STAMP)
	$(BIN)/python bench/endpoint_load.py

# issue 16's build at scale: synthetic corpora built with bare spaCy, 1 and 2 workers, a 2-worker Dask cluster and
# cached rebuilds; prints progress and a table for BENCHMARKS.md (about 2 h for the default sizes on a quiet 2-core
# machine; `make bench-build SIZES=1000` for a shorter run)
SIZES ?= 1000,10000
bench-build: $(STAMP)
	$(BIN)/python bench/build_scale.py --sizes $(SIZES)

clean:
	rm -rf $(OUT) $(VENV) *.egg-info
