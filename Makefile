# Regrets: `make run` for the local demo, `make test` for the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test test-fast test-at lint eval bench package sandbox clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m demo

test: $(STAMP) $(NODE_STAMP)
	@scripts/ensure-chromium.sh || true  # without Chromium the browser tests are skipped, saying why in one line
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -rs

# The in-process tiers only (no test marked `process`), on both cores: what runs under libfaketime too.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not process" -n 2

# The same tiers with the wall clock faked to AT (UTC), e.g. make test-at AT="2026-12-05 07:30:00".
test-at: $(STAMP)
	@test -n "$(AT)" || { echo 'make test-at needs AT="YYYY-MM-DD HH:MM:SS" (UTC)'; exit 2; }
	@command -v faketime >/dev/null || { echo "make test-at needs faketime (apt-get install faketime)"; exit 2; }
	FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "$(AT)" $(BIN)/python -m pytest -m "not process" -n 2

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	@if [ ! -f ../shared/eval/examples.jsonl ]; then \
		echo "make eval needs ../shared/eval/examples.jsonl (the shared eval cases), which is not here."; exit 2; fi
	$(BIN)/python -m understanding.eval ../shared/eval/examples.jsonl --score

bench: $(STAMP)
	$(BIN)/python -m bench

package: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m manifest

clean:
	rm -rf build .pytest_cache
