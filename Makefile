# Regrets: `make run` for the local demo, `make test` for the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test test-fast lint lock eval bench package sandbox clean

# requirements*.txt are lock files (every package, pinned, with hashes), made from requirements*.in by `make lock`.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q --require-hashes -r requirements-dev.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m demo

test: lint $(NODE_STAMP)
	@scripts/ensure-chromium.sh || true  # without Chromium the browser tests are skipped, saying why in one line
	$(BIN)/python -m pytest -rs

# The in-process tiers only (no test marked `process`), on both cores: what runs under libfaketime too.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not process" -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Re-pin after editing requirements*.in: keeps every version already locked unless an .in asks
# for another (`make lock UPGRADE=--upgrade` takes the newest allowed). Needs PyPI (a few seconds).
# It installs only the lock tool (uv, at the version requirements-dev.in pins), so it works even
# when the lock files themselves are broken, e.g. by a merge.
UV_VERSION := $(shell sed -n 's/^uv==\([^ ]*\).*/\1/p' requirements-dev.in)
LOCK := $(BIN)/uv pip compile -q --generate-hashes --python-version 3.11 --custom-compile-command "make lock" $(UPGRADE)
lock:
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	test "$$($(BIN)/uv --version 2>/dev/null | cut -d' ' -f2)" = "$(UV_VERSION)" || \
		$(BIN)/pip install --disable-pip-version-check -q "uv==$(UV_VERSION)"
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -o requirements-dev.txt

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
