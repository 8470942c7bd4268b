# The few commands people type. `make run` and `make test` set everything up first.
PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
UV := .tools/bin/uv
MANAGE := $(VENV)/bin/python manage.py

.PHONY: install run test test-postgres lint format messages bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The virtual environment, exactly as the committed lock file says.
$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

## make run: migrate, add demo content and a staff account, serve on http://127.0.0.1:$(PORT)
run: install
	$(MANAGE) migrate --noinput --verbosity 0
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	$(MANAGE) ensure_staff_account
	bin/serve

## make test: the whole suite (browser tests skip, saying why, where no Chromium is found)
test: install
	$(VENV)/bin/python -m pytest

## make test-postgres: the same suite on the local PostgreSQL and Redis
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	$(VENV)/bin/python -m pytest

## make bench: the load benchmark on SQLite; DB=postgres for PostgreSQL + Redis (see bench/)
DB ?= sqlite
bench: install
	$(VENV)/bin/python -m bench --db $(DB) $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make messages: refresh the fr/nl/en catalogues from the code, then compile them
messages: install
	$(MANAGE) makemessages --locale fr --locale nl --locale en --ignore '.venv/*' --ignore '.tools/*' --no-obsolete
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore '.tools/*'

clean:
	rm -rf $(VENV) .tools var/static
