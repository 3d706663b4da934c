# The one entry point: `make run` and `make test` on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-browser test-sqlite test-postgres lint serve-prod bench bench-load bench-planner migrate clean messages

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

migrate: $(STAMP)
	mkdir -p var
	$(PY) manage.py migrate --noinput

# Links in e-mails (printed to the console here) point at this server unless SITE_URL is set.
run: migrate
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py demo_logins
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	bash scripts/test.sh

# Only the browser suite (headless Chromium: axe, keyboard, privacy, weight, screenshots into
# var/test-artifacts/screenshots/), on SQLite and PostgreSQL; `make test` runs it too.
test-browser: $(STAMP)
	bash scripts/test.sh browser

test-sqlite: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .

serve-prod: $(STAMP)
	bash scripts/serve-prod.sh

bench: $(STAMP)
	$(PY) bench/run.py

# 200 connections for 30 s under gunicorn (SQLite and PostgreSQL), plus the crash and backup
# figures of the last test run: appends a section to bench/RESULTS.md.
bench-load: $(STAMP)
	$(PY) bench/load_prod.py

# The planner pages of issue 7 (Angebotslandschaft, trends, report, freshness, search map,
# radius search) at 20,000 offers, in-process: cold/warm medians and SQL statements per page,
# SQLite and PostgreSQL; writes bench/PLANNER.md (see bench/README.md).
bench-planner: $(STAMP)
	$(PY) bench/planner.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Collect new interface strings into the catalogues (then translate them), and compile the
# catalogues; the compiled .mo files are committed, so running the site needs no gettext.
LANGS := en ar fa tr uk ru
messages: $(STAMP)
	$(PY) manage.py makemessages $(addprefix -l ,$(LANGS)) --add-location=file \
		--ignore=.venv --ignore=var --ignore=bench --ignore=staticfiles --ignore="*/tests/*" --ignore=scripts
	$(PY) manage.py compilemessages --ignore=.venv
