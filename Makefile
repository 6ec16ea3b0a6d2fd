# tradegraph: `make run` builds the sample graph, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DOCS   ?= seeds
OUT    ?= out

.PHONY: install run test test-unit score bench-extract clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit("tradegraph needs Python 3.11 or newer, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/tradegraph build $(DOCS) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

score: $(STAMP)
	$(BIN)/tradegraph build $(DOCS) --out $(OUT) --quiet
	$(BIN)/python ../shared/eval/score.py --graph $(OUT)/graph.trig --gold ../shared/eval/gold --details

bench-extract: $(STAMP)
	$(BIN)/python bench/extract_speed.py $(DOCS)

clean:
	rm -rf $(OUT) $(VENV) *.egg-info
