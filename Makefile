# Peer Group Hub. The two commands: `make serve` (preview) and `make test` (everything).
# The first run of either creates .venv and installs the pinned, hash-checked
# dependencies from requirements/; later runs reuse it until those files change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SERVE_ADDR ?= 127.0.0.1:8000
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help serve build cards test test-fast bench mutate lint format check-python chromium lock schema clean

help:
	@echo "make serve   preview the hub at http://$(SERVE_ADDR), rebuilding on edits"
	@echo "make build   validate, then build into site/ (the old site stays if anything fails)"
	@echo "make cards   make build, plus the format cards as PDFs (A4 and US Letter)"
	@echo "make test    lint and run the whole test suite"
	@echo "make test-fast  the unit tests alone: no lint, build or browser"
	@echo "make bench   performance benchmarks (prints a table)"
	@echo "make mutate  mutation testing of the modules that carry the hub's promises"
	@echo "make lock    re-pin requirements/*.txt from pyproject.toml"
	@echo "make schema  refresh schema/*.schema.json from the models"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(DEV_STAMP): requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(SITE_STAMP)

serve: $(SITE_STAMP)
	$(BIN)/peerhub validate
	$(BIN)/mkdocs serve --strict --dev-addr $(SERVE_ADDR)

# Validates, builds next to site/ and swaps it in: a failed build leaves the old site.
build: $(SITE_STAMP)
	$(BIN)/peerhub build

# The build, plus site/formats/cards.pdf (A4) and cards-letter.pdf printed by Chromium.
cards: $(SITE_STAMP) chromium
	$(BIN)/peerhub build --cards

# Browser tests need Chromium (they drive its headless shell), the picker's lookup test
# Node.js, `make lint` npm and the Nu HTML checker Java; install Debian's packages when
# they are missing and we can.
chromium:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	command -v chromium-headless-shell >/dev/null 2>&1 || missing="$$missing chromium-headless-shell"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's$$missing for the tests"; \
	    apt-get update -qq && mkdir -p /usr/share/man/man1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "$$missing not found and apt-get is not usable: their tests will be skipped"; fi; fi

# ESLint and TypeScript's checker for docs/assets/*.js, pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/zizmor --offline --no-progress .github/
	node_modules/.bin/eslint --max-warnings 0 .
	node_modules/.bin/tsc -p jsconfig.json

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The tiers (markers set in tests/conftest.py): unit, build (a real build or another
# program), browser (Chromium); `slow` marks exhaustive unit tests. `make test` runs them
# all, spread over every core by pytest-xdist.
test: $(DEV_STAMP) chromium lint
	$(BIN)/pytest -n auto --dist worksteal

# The unit tier without the exhaustive tests: no lint, no build, no browser.
test-fast: $(DEV_STAMP)
	$(BIN)/pytest -n auto -m "unit and not slow"

bench: $(DEV_STAMP) chromium
	$(BIN)/python benchmarks/build.py --sizes 1000 5000
	$(BIN)/python benchmarks/serve.py --groups 1000
	$(BIN)/python benchmarks/picker.py

# Mutation testing (mutmut, configured in pyproject.toml); prints the score per module.
mutate: $(DEV_STAMP)
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 || true
	$(BIN)/mutmut results --all true | $(BIN)/python scripts/mutation_report.py

schema: $(SITE_STAMP)
	$(BIN)/peerhub schema

lock: | $(BIN)/python
	$(BIN)/pip install --quiet "pip-tools==7.6.2"
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras \
	  -o requirements/site.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras \
	  --extra test -c requirements/site.txt -o requirements/dev.txt pyproject.toml

clean:
	rm -rf node_modules site .site-build .site-build-* .site-new .site-old .site-withdrawn .peerhub-build.lock .pytest_cache .ruff_cache mutants
