# The two commands: `make run` (set up and serve the demo, with a background worker beside the
# server, stopped with it) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n auto
DOCS_PORT ?= 8100

.PHONY: run test bench bench-search bench-save bench-admin bench-cpu screenshots install lint format migrate demo clean backup \
	restore audit objectstore objectstore-stop cluster-test docs docs-build

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(STAMP)

run: $(STAMP)
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo --address http://$(HOST):$(PORT)
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	@echo "Remove the demo content and demo admin later with: $(PY) manage.py remove_demo"
	@echo "DEBUG is on: a missing page shows Django's debug page. The 404 page visitors see:"
	@echo "  http://$(HOST):$(PORT)/404/"
	@echo "Background work (picture versions, imports' pictures) runs in a worker beside it."
	DEBUG=1 $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Every public page type at 375 and 1280 px (and an article in dark mode and print) from demo
# content in a throwaway database, into screenshots/ (git-ignored). Needs /usr/bin/chromium.
screenshots: $(STAMP)
	$(PY) -m tests.browser.screenshots --out screenshots

# A consistent copy of the database and media in backups/<time>/ (BACKUP_DIR), with the same
# environment as the server (DATABASE_URL, MEDIA_ROOT, SECRET_KEY; nothing on a laptop).
backup: $(STAMP)
	$(PY) manage.py backup

# Restore one into an empty database: make restore BACKUP=backups/20250101T020000Z
restore: $(STAMP)
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/<time>" >&2; exit 2; }
	$(PY) manage.py restore "$(BACKUP)"

# A local S3-compatible object store with its bucket made: Ceph's RADOS Gateway on a one-node
# cluster when Debian's ceph-mon, ceph-osd and radosgw are installed, else moto's standalone
# server (OBJECTSTORE=ceph|moto|auto). Prints `export NAME=value` lines for the app:
# eval "$$(make -s objectstore)".
objectstore: $(STAMP)
	@$(PY) -m tests.cluster.objectstore start

objectstore-stop:
	@$(PY) -m tests.cluster.objectstore stop

# The multi-server deployment of clinic/config/deploy/ on loopback: two app servers behind nginx, PostgreSQL,
# Redis, the object store; edits, pictures and imports across servers, Redis faults under load.
# Installs Debian's nginx when missing. CLUSTER_DATABASE_URL names a database it may drop.
cluster-test: $(STAMP)
	timeout 600 $(PY) -m tests.cluster.cluster_test

# Load test under gunicorn with wrk (apt-get install -y wrk): cold and warm pages vs a static file,
# then every page cold at 100 and at BENCH_ARTICLES articles side by side, search p50/p99 included,
# and the article admin (list, each filter, search, change form, worklist) at BENCH_ARTICLES.
# SQLite, then PostgreSQL too when DATABASE_URL names a PostgreSQL server (BENCH_DATABASES=sqlite,
# postgresql or either alone to choose). BENCH_DURATION=seconds per row. The seeded databases are
# kept in .bench/ (or <name>_pages_<N> on the server) and reused: BENCH_FRESH=1 seeds again.
BENCH_ARTICLES ?= 2000
bench: $(STAMP)
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(PY) -m tests.bench.run_bench --articles $(BENCH_ARTICLES) $(if $(BENCH_FRESH),--fresh) \
		$(if $(BENCH_DATABASES),--databases $(BENCH_DATABASES))

# Search alone (no wrk needed): p50/p99 (wall and CPU) of the search page at 100 and 20,000
# articles (seeded once, then reused) and recall@3/MRR of the relevance set on the demo content,
# on SQLite or the DATABASE_URL's PostgreSQL.
bench-search: $(STAMP)
	$(PY) -m tests.bench.search_bench

# CPU per cold page (no wrk needed): the article, home, list and search pages of the demo content,
# page cache off, through Django's test client; minimum and median milliseconds of CPU over
# CPU_REQUESTS requests (400). CPU_ARTICLES=100,20000 measures those seeded libraries instead.
bench-cpu: $(STAMP)
	$(PY) -m tests.bench.cpu_bench $(if $(CPU_ARTICLES),--articles $(CPU_ARTICLES))

# The admin's save time alone (no wrk needed): p50/p95 of 20 saves of an article's change form
# with a new 4000×3000 phone photo as its hero image (SAVE_ROUNDS to change).
bench-save: $(STAMP)
	$(PY) -m tests.bench.save_bench

# The article admin alone (no wrk needed): server time (p50/p95), CPU and queries of the list
# with each filter and a search, the change form and the review worklist, for a superuser and a
# Marketing editor, at BENCH_ARTICLES articles (the database `make bench` seeds); target 300 ms.
bench-admin: $(STAMP)
	$(PY) -m tests.bench.admin_bench --articles $(BENCH_ARTICLES)

# Known vulnerabilities in the installed dependencies (pip-audit; needs PyPI's JSON API).
audit: $(STAMP)
	$(PY) .ci/audit_dependencies.py

# The documentation in docs/ (MkDocs, Material theme): served with live reload while you write,
# or built into site/ with --strict, as CI does (a broken link or anchor fails).
docs: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(DOCS_PORT)

docs-build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles site .pytest_cache .ruff_cache
