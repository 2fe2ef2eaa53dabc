# Puentes: `make run` serves the demo network, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: run test test-fast test-browser lint format messages setup clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/puentes migrate --noinput
	$(BIN)/puentes load_reference_data
	$(BIN)/puentes demo

# The mail worker runs beside the development server (mail goes to the console unless
# EMAIL_HOST is set) and stops with it.
run: setup
	$(BIN)/puentes deliver_mail --loop --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/puentes runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/pytest

test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser"

test-browser: $(STAMP)
	$(BIN)/pytest -m browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/puentes makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)
	cd puentes && ../$(BIN)/puentes makemessages --no-obsolete --no-location -l sv -l es -l en
	cd puentes && ../$(BIN)/puentes compilemessages

clean:
	rm -rf $(VENV) var staticfiles
