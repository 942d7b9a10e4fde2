# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INPUT ?= examples/sample
OUT ?= out/demo

.PHONY: demo test lint clean

$(BIN)/chronicle: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,spark]"
	@# tilse (the TLS benchmark's ROUGE) pins ancient versions of its dependencies: skip them
	$(BIN)/pip install --quiet --no-deps tilse==0.2.1
	@touch $@

demo: $(BIN)/chronicle
	@rm -f $(OUT)/chronicle.db
	@mkdir -p $(OUT)
	$(BIN)/chronicle run $(INPUT) --db $(OUT)/chronicle.db --out $(OUT) || test $$? -eq 3
	@echo "Report written to $(OUT)/timeline.html (also timeline.md, timeline.json); store: $(OUT)/chronicle.db"

test: $(BIN)/chronicle
	$(BIN)/ruff check chronicle tests bench
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
